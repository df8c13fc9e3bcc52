/* test_plan.c - the action plan: which rows, in what order, and what each
 * cell says. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "private.h"

#define MAX_IND 8

static oaip_framework fw;
static oaip_indicator ind[MAX_IND];
static oaip_expectation exp1;
static oaip_level levels[4];
static oaip_selfeval se;
static oaip_entry entries[MAX_IND];

static void setup_fw(void)
{
	static const char *const ids[] = {"not-yet", "emerging", "established",
	                                  "embedded"};
	static const char *const labels[] = {"Not yet", "Emerging",
	                                     "Established", "Embedded"};
	static const char *const iids[] = {"w1", "w2", "w3", "c1",
	                                   "c2", "v1", "v2", "p1"};
	static const oaip_cornerstone cs[] = {
	    OAIP_WELCOME_AND_CARE,  OAIP_WELCOME_AND_CARE,
	    OAIP_WELCOME_AND_CARE,  OAIP_COMMUNICATE,
	    OAIP_COMMUNICATE,       OAIP_VALUE_AND_INCLUDE,
	    OAIP_VALUE_AND_INCLUDE, OAIP_WORK_IN_PARTNERSHIP};
	memset(&fw, 0, sizeof fw);
	memset(ind, 0, sizeof ind);
	memset(entries, 0, sizeof entries);
	for (int i = 0; i < 4; i++) {
		levels[i].value = i;
		levels[i].id = (char *)ids[i];
		levels[i].label = (char *)labels[i];
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
	for (size_t i = 0; i < MAX_IND; i++) {
		ind[i].id = (char *)iids[i];
		ind[i].text = (char *)"Statement.";
		ind[i].cornerstone = cs[i];
		ind[i].weight = 1;
	}
	fw.n_indicators = MAX_IND;
	se.fw = &fw;
	se.entries = entries;
	se.file = (char *)"tiny.csv";
	se.school = (char *)"Tiny School";
}

static void rate(size_t i, int level)
{
	entries[i].kind = OAIP_RATING_RATED;
	entries[i].level = level;
}

static oaip_result *score(void)
{
	oaip_score_options o = {.target = -1, .phase = 0};
	oaip_result *r = oaip_score_compute(&se, &o);
	assert_non_null(r);
	return r;
}

static void cell(const oaip_plan *p, size_t row, size_t col, bool sheet,
                 const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "");
	oaip_plan_cell(p, row, col, sheet, &b);
	assert_string_equal(b.data, want);
	oaip_buf_free(&b);
}

static void test_order(void **state)
{
	(void)state;
	setup_fw();
	rate(0, 1); /* w1 Emerging */
	rate(1, 0); /* w2 Not yet */
	rate(2, 1); /* w3 Emerging */
	rate(3, 3); /* c1 a strength: not in the plan */
	rate(4, 0); /* c2 */
	rate(5, 1); /* v1 */
	rate(7, 0); /* p1; v2 left blank */
	entries[1].next_steps = (char *)"Start coffee mornings";
	oaip_result *r = score();
	oaip_plan *p = oaip_plan_build(r);
	assert_non_null(p);
	assert_int_equal(p->n_rows, 6);
	/* Cornerstone order (Welcome, Value, Communicate, Partnership);
	 * lowest first within each; framework order for ties. */
	const char *want[] = {"w2", "w1", "w3", "v1", "c2", "p1"};
	for (size_t k = 0; k < 6; k++)
		cell(p, k, 0, false, want[k]);
	cell(p, 0, 1, false, "Welcome and Care");
	cell(p, 0, 3, false, "Not yet");
	cell(p, 0, 4, false, "Established");
	cell(p, 0, 5, false, "Start coffee mornings");
	cell(p, 1, 5, false, "");
	cell(p, 0, 6, false, ""); /* owner: to fill in */

	size_t first,
	    n = oaip_plan_cornerstone_rows(p, OAIP_COMMUNICATE, &first);
	assert_int_equal(n, 1);
	assert_int_equal(first, 4);

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_plan_intro(p, &b);
	assert_non_null(strstr(b.data, "6 indicators are rated below the "
	                               "target (Established)"));
	assert_non_null(strstr(b.data, "1 indicator is not yet evaluated"));
	b.len = 0;
	oaip_plan_title(p, &b);
	assert_string_equal(b.data, "Action plan: Tiny School");
	oaip_buf_free(&b);
	oaip_plan_free(p);
	oaip_result_free(r);
}

static void test_columns(void **state)
{
	(void)state;
	setup_fw();
	rate(0, 1);
	oaip_result *r = score();
	oaip_plan *p = oaip_plan_build(r);
	size_t n;
	const oaip_plan_column *cols = oaip_plan_columns(p, &n);
	const char *keys[] = {
	    "indicator",       "cornerstone",     "statement", "rating",
	    "target",          "next_steps",      "owner",     "by_when",
	    "success_measure", "parent_agree_pct"};
	assert_int_equal(n, 9);
	for (size_t k = 0; k < n; k++)
		assert_string_equal(cols[k].key, keys[k]);
	assert_true(cols[6].fill_in && cols[7].fill_in && cols[8].fill_in);
	assert_false(cols[5].fill_in);

	/* With a survey: one more column; small numbers say so. */
	p->with_survey = true;
	p->min_responses = 10;
	cols = oaip_plan_columns(p, &n);
	assert_int_equal(n, 10);
	assert_string_equal(cols[9].key, "parent_agree_pct");
	cell(p, 0, 9, true, "fewer than 10 answers");
	p->rows[0].has_agree = true;
	p->rows[0].agree_pct = 45;
	p->rows[0].answered = 20;
	p->rows[0].agree = 9;
	cell(p, 0, 9, true, "45.0");
	cell(p, 0, 9, false, "9 of 20 agree (45.0%)");
	oaip_plan_free(p);
	oaip_result_free(r);
}

static void test_terms(void **state)
{
	(void)state;
	char t[4][24];
	assert_int_equal(oaip_plan_terms("2026-11-23", t, 4), 4);
	assert_string_equal(t[0], "Autumn term 2026");
	assert_string_equal(t[1], "Spring term 2027");
	assert_string_equal(t[2], "Summer term 2027");
	assert_string_equal(t[3], "Autumn term 2027");
	assert_int_equal(oaip_plan_terms("2027-02-01", t, 2), 2);
	assert_string_equal(t[0], "Spring term 2027");
	assert_int_equal(oaip_plan_terms("2027-05-01", t, 1), 1);
	assert_string_equal(t[0], "Summer term 2027");
	assert_int_equal(oaip_plan_terms("2027-08-01", t, 1), 1);
	assert_string_equal(t[0], "Autumn term 2027");
	assert_int_equal(oaip_plan_terms("yesterday", t, 2), 0);
	assert_int_equal(oaip_plan_terms(NULL, t, 2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_order),
	    cmocka_unit_test(test_columns),
	    cmocka_unit_test(test_terms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
