/* test_yousaid.c - "you said, we did": which questions (lowest agree
 * first, small numbers never shown), and what the page says. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "private.h"

#define N 5

static oaip_framework fw;
static oaip_indicator ind[N];
static oaip_expectation exp1;
static oaip_level levels[4];
static oaip_selfeval se;
static oaip_entry entries[N];
static oaip_survey sv;
static oaip_survey_tally tally[N];
static oaip_survey_result res;

static void setup(void)
{
	static const char *const ids[] = {"w1", "w2", "c1", "c2", "p1"};
	static const char *const asks[] = {
	    "I feel welcome.", "Staff care about me.", "I get prompt replies.",
	    "The school asks for my views.", NULL};
	memset(&fw, 0, sizeof fw);
	memset(ind, 0, sizeof ind);
	memset(entries, 0, sizeof entries);
	memset(tally, 0, sizeof tally);
	for (int i = 0; i < 4; i++) {
		levels[i].value = i;
		levels[i].label = (char *)"L";
		levels[i].id = (char *)"l";
	}
	fw.id = (char *)"tiny";
	fw.title = (char *)"Tiny";
	fw.scale.levels = levels;
	fw.scale.n_levels = 4;
	fw.scale.target = 2;
	exp1.id = (char *)"e1";
	fw.expectations = &exp1;
	fw.n_expectations = 1;
	fw.indicators = ind;
	fw.n_indicators = N;
	for (size_t i = 0; i < N; i++) {
		ind[i].id = (char *)ids[i];
		ind[i].text = (char *)ids[i];
		ind[i].ask = (char *)asks[i];
		ind[i].cornerstone =
		    i < 2 ? OAIP_WELCOME_AND_CARE : OAIP_COMMUNICATE;
		ind[i].weight = 1;
	}
	se.fw = &fw;
	se.entries = entries;
	se.file = (char *)"tiny.csv";
	se.school = (char *)"Tiny <School>";
	sv.fw = &fw;
	sv.respondents = 20;
	res.sv = &sv;
	res.min = 10;
	res.shown = true;
	res.items = tally;
}

static void set(size_t i, size_t agree, size_t disagree, size_t dk)
{
	tally[i].shown = agree + disagree >= 10;
	tally[i].counts[OAIP_ANSWER_AGREE] = agree;
	tally[i].counts[OAIP_ANSWER_DISAGREE] = disagree;
	tally[i].counts[OAIP_ANSWER_DONT_KNOW] = dk;
	tally[i].agree = agree;
	tally[i].answered = agree + disagree;
	tally[i].agree_pct =
	    tally[i].answered ? 100.0 * agree / tally[i].answered : 0;
}

static oaip_result *score(void)
{
	oaip_score_options o = {.target = -1, .phase = 0};
	oaip_result *r = oaip_score_compute(&se, &o);
	assert_non_null(r);
	return r;
}

static void text(void (*fn)(const oaip_yousaid *, size_t, oaip_buf *),
                 const oaip_yousaid *y, size_t k, const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "");
	fn(y, k, &b);
	assert_string_equal(b.data, want);
	oaip_buf_free(&b);
}

static void test_lowest_first(void **state)
{
	(void)state;
	setup();
	set(0, 18, 2, 0);  /* 90% */
	set(1, 5, 5, 1);   /* 50% of 10 */
	set(2, 10, 10, 0); /* 50% of 20: more answers, so first */
	set(3, 3, 5, 0);   /* 8 answered: fewer than 10, never shown */
	entries[2].evidence = (char *)"We reply within two days.";
	entries[2].next_steps = (char *)"A shared inbox.";
	oaip_result *r = score();
	oaip_yousaid *y = oaip_yousaid_build(r, &res);
	assert_non_null(y);
	assert_int_equal(y->n, 3);
	assert_int_equal(y->items[0], 2);
	assert_int_equal(y->items[1], 1);
	assert_int_equal(y->items[2], 0);
	text(oaip_yousaid_question, y, 0, "I get prompt replies.");
	text(oaip_yousaid_said, y, 0,
	     "10 of the 20 parent carers who answered agree, and 10 "
	     "disagree.");
	text(oaip_yousaid_said, y, 1,
	     "5 of the 10 parent carers who answered agree, and 5 "
	     "disagree. 1 said they did not know.");
	text(oaip_yousaid_did, y, 0, "We reply within two days.");
	text(oaip_yousaid_will, y, 0, "A shared inbox.");
	text(oaip_yousaid_did, y, 1,
	     "We have not written this down yet; please ask us about it.");
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_yousaid_intro(y, &b);
	assert_non_null(strstr(b.data, "the 20 parent carers who answered"));
	oaip_buf_free(&b);
	oaip_yousaid_free(y);
	oaip_result_free(r);
}

static void test_too_few_respondents(void **state)
{
	(void)state;
	setup();
	set(0, 18, 2, 0);
	res.shown = false; /* fewer than 10 respondents in all */
	oaip_result *r = score();
	oaip_yousaid *y = oaip_yousaid_build(r, &res);
	assert_non_null(y);
	assert_int_equal(y->n, 0);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_yousaid_intro(y, &b);
	assert_non_null(strstr(b.data, "Fewer than 10 parent carers"));
	assert_null(strstr(b.data, "18"));
	oaip_buf_free(&b);
	oaip_yousaid_free(y);
	oaip_result_free(r);
}

static void test_page_escaped_no_scores(void **state)
{
	(void)state;
	setup();
	set(2, 4, 16, 0);
	entries[2].kind = OAIP_RATING_RATED;
	entries[2].level = 1;
	entries[2].evidence = (char *)"<script>x</script>";
	entries[2].next_steps = (char *)"[a](javascript:b)";
	oaip_result *r = score();
	oaip_yousaid *y = oaip_yousaid_build(r, &res);
	oaip_render_options o = {.date = "2026-11-23"};
	oaip_buf b;
	oaip_buf_init(&b);
	assert_true(oaip_render_yousaid(y, OAIP_FORMAT_HTML, &o, &b));
	assert_null(strstr(b.data, "<script>x"));
	assert_non_null(strstr(b.data, "&lt;script&gt;"));
	assert_non_null(strstr(b.data, "Tiny &lt;School&gt;"));
	assert_non_null(strstr(b.data, "2026-11-23"));
	/* no score, level or percentage on the page */
	assert_null(strstr(b.data, "%</"));
	assert_null(strstr(b.data, "Emerging"));
	b.len = 0;
	assert_true(oaip_render_yousaid(y, OAIP_FORMAT_MARKDOWN, &o, &b));
	assert_null(strstr(b.data, "](javascript"));
	assert_non_null(strstr(b.data, "**We will:**"));
	b.len = 0;
	assert_false(oaip_render_yousaid(y, OAIP_FORMAT_JSON, &o, &b));
	oaip_buf_free(&b);
	oaip_yousaid_free(y);
	oaip_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lowest_first),
	    cmocka_unit_test(test_too_few_respondents),
	    cmocka_unit_test(test_page_escaped_no_scores),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
