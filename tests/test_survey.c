/* test_survey.c - parent carers' survey: the answer scale, the export
 * shapes of Microsoft Forms and Google Forms, privacy, counting, small
 * numbers and where the two views differ. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"
#include "oaip.h"

static oaip_survey *read_csv(const char *csv, const oaip_survey_options *o,
                             oaip_diags *d)
{
	return oaip_survey_read_memory(devon, csv, strlen(csv), "survey.csv", o,
	                               d);
}

static bool has_diag(const oaip_diags *d, oaip_severity sev, long line,
                     const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == sev &&
		    (line < 0 || d->items[i].line == line) &&
		    strstr(d->items[i].message, text))
			return true;
	return false;
}

/* Does any message hold text? */
static bool any_diag_has(const oaip_diags *d, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->items[i].message, text) ||
		    (d->items[i].file && strstr(d->items[i].file, text)))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */

static void test_answers(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int got;
		oaip_answer a;
	} cases[] = {
	    {"Strongly agree", 1, OAIP_ANSWER_STRONGLY_AGREE},
	    {"strongly AGREE ", 1, OAIP_ANSWER_STRONGLY_AGREE},
	    {"SA", 1, OAIP_ANSWER_STRONGLY_AGREE},
	    {"Agree", 1, OAIP_ANSWER_AGREE},
	    {"a", 1, OAIP_ANSWER_AGREE},
	    {"Disagree", 1, OAIP_ANSWER_DISAGREE},
	    {"D", 1, OAIP_ANSWER_DISAGREE},
	    {"Strongly disagree", 1, OAIP_ANSWER_STRONGLY_DISAGREE},
	    {"sd", 1, OAIP_ANSWER_STRONGLY_DISAGREE},
	    {"Don't know", 1, OAIP_ANSWER_DONT_KNOW},
	    {"Don\xe2\x80\x99t know", 1, OAIP_ANSWER_DONT_KNOW},
	    {"DON\xe2\x80\x98T KNOW", 1, OAIP_ANSWER_DONT_KNOW},
	    {"dont know", 1, OAIP_ANSWER_DONT_KNOW},
	    {"DK", 1, OAIP_ANSWER_DONT_KNOW},
	    {"Strongly\xc2\xa0"
	     "agree",
	     1, OAIP_ANSWER_STRONGLY_AGREE},
	    {"", 0, 0},
	    {"   ", 0, 0},
	    {"\xc2\xa0", 0, 0},
	    {"sometimes", -1, 0},
	    {"3", -1, 0},
	    {"-", -1, 0},
	    {"Agree!!", 1, OAIP_ANSWER_AGREE},
	    {"N\xc3\xa9", -1, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		oaip_answer a = OAIP_N_ANSWERS;
		int got =
		    oaip_answer_parse(cases[i].text, strlen(cases[i].text), &a);
		if (got != cases[i].got)
			printf("'%s': got %d, expected %d\n", cases[i].text,
			       got, cases[i].got);
		assert_int_equal(got, cases[i].got);
		if (got > 0)
			assert_int_equal(a, cases[i].a);
	}
	assert_string_equal(oaip_answer_key(OAIP_ANSWER_DONT_KNOW),
	                    "dont_know");
	assert_string_equal(oaip_answer_label(OAIP_ANSWER_STRONGLY_AGREE),
	                    "Strongly agree");
}

/* Microsoft Forms' "Open in Excel" shape, as CSV: ID, Start time,
 * Completion time, Email, Name, then one column per Likert statement
 * headed by the statement alone (RESEARCH.md). */
static void test_microsoft_forms(void **state)
{
	(void)state;
	const char *csv =
	    "ID,Start time,Completion time,Email,Name,"
	    "The school asks for my views.,I feel welcome at the school.,"
	    "\"Staff listen to me calmly and with respect.\"\r\n"
	    "1,7/27/26 19:01:02,7/27/26 19:06:23,jo.bloggs@example.org,"
	    "Jo Bloggs,Agree,Strongly agree,Disagree\r\n"
	    "2,7/27/26 20:01:02,7/27/26 20:06:23,anonymous,,"
	    "Don\xe2\x80\x99t know,agree,\r\n";
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey *sv = read_csv(csv, NULL, &d);
	oaip_diags_print(&d, stdout);
	assert_non_null(sv);
	assert_int_equal(sv->rows, 2);
	assert_int_equal(sv->respondents, 2);
	assert_int_equal(sv->n_asked, 3);
	long c2 = oaip_framework_find_code(devon, "C2");
	long w1 = oaip_framework_find_code(devon, "W1");
	long c3 = oaip_framework_find_code(devon, "C3");
	assert_int_equal(sv->counts[c2][OAIP_ANSWER_AGREE], 1);
	assert_int_equal(sv->counts[c2][OAIP_ANSWER_DONT_KNOW], 1);
	assert_int_equal(sv->counts[w1][OAIP_ANSWER_STRONGLY_AGREE], 1);
	assert_int_equal(sv->counts[w1][OAIP_ANSWER_AGREE], 1);
	assert_int_equal(sv->counts[c3][OAIP_ANSWER_DISAGREE], 1);
	assert_int_equal(sv->cs_respondents[OAIP_WELCOME_AND_CARE], 2);
	assert_int_equal(sv->cs_respondents[OAIP_COMMUNICATE], 2);
	assert_int_equal(sv->cs_respondents[OAIP_VALUE_AND_INCLUDE], 0);
	/* The identifying columns are named in a note; their values are
	 * never anywhere. */
	assert_true(has_diag(&d, OAIP_NOTE, 1,
	                     "5 columns identifying parent carers dropped "
	                     "unread: 'ID', 'Start time', 'Completion time', "
	                     "'Email', 'Name'"));
	assert_false(any_diag_has(&d, "Bloggs"));
	assert_false(any_diag_has(&d, "example.org"));
	assert_false(any_diag_has(&d, "19:06"));
	oaip_survey_free(sv);
	oaip_diags_free(&d);
}

/* Google Forms' CSV download: Timestamp, Email Address, then questions;
 * a grid's rows headed "Question [Row]" (RESEARCH.md).  Headings in any
 * case, with straight quotes for curly ones, codes and ids too. */
static void test_google_forms(void **state)
{
	(void)state;
	const char *csv =
	    "Timestamp,Email Address,"
	    "\"How much do you agree? [The school asks for my views.]\","
	    "\"How much do you agree? [I am NOT sure what]\","
	    "\"How much do you agree? [the school takes my ideas for making "
	    "things better on board]\","
	    "P4,value-2,How did you hear about this survey?,"
	    "Anything else you would like to tell us?\n"
	    "2026/07/27 7:06:23 pm GMT+1,sam@example.org,SA,Agree,D,"
	    "SD,A,From a friend,\"Thank you, <b>Mrs Smith</b>!\"\n";
	oaip_survey_options o = {.comments_column =
	                             "anything else you would like to tell us"};
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey *sv = read_csv(csv, &o, &d);
	oaip_diags_print(&d, stdout);
	assert_non_null(sv);
	assert_int_equal(sv->n_asked, 4);
	assert_int_equal(sv->counts[oaip_framework_find_code(devon, "C2")]
	                           [OAIP_ANSWER_STRONGLY_AGREE],
	                 1);
	assert_int_equal(sv->counts[oaip_framework_find_code(devon, "P3")]
	                           [OAIP_ANSWER_DISAGREE],
	                 1);
	assert_int_equal(sv->counts[oaip_framework_find_code(devon, "P4")]
	                           [OAIP_ANSWER_STRONGLY_DISAGREE],
	                 1);
	assert_int_equal(sv->counts[oaip_framework_find(devon, "value-2")]
	                           [OAIP_ANSWER_AGREE],
	                 1);
	assert_true(has_diag(&d, OAIP_NOTE, 1,
	                     "2 columns identifying parent carers dropped "
	                     "unread: 'Timestamp', 'Email Address'"));
	assert_true(has_diag(&d, OAIP_NOTE, 1,
	                     "2 columns ignored (not a question of framework "
	                     "'devon'): 'How much do you agree? [I am NOT sure "
	                     "what]', 'How did you hear about this survey?'"));
	assert_false(any_diag_has(&d, "sam@"));
	assert_false(any_diag_has(&d, "friend"));
	assert_true(sv->has_comments_column);
	assert_int_equal(sv->n_comments, 1);
	assert_string_equal(sv->comments[0], "Thank you, <b>Mrs Smith</b>!");
	oaip_survey_free(sv);
	oaip_diags_free(&d);
}

static void test_bad_input(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	/* A bad answer: file, line, the question's code; never another
	 * column's value. */
	oaip_survey *sv = read_csv("Name,W1,W2\n"
	                           "Jo Bloggs,Agree,Agree\n"
	                           "Ann Other,sometimes,Agree\n",
	                           NULL, &d);
	assert_null(sv);
	assert_true(has_diag(&d, OAIP_ERROR, 3,
	                     "answer 'sometimes' to question W1 is not one "
	                     "of Strongly agree, Agree"));
	assert_false(any_diag_has(&d, "Ann"));
	assert_false(any_diag_has(&d, "Jo"));
	oaip_diags_free(&d);

	/* Two columns for one question. */
	oaip_diags_init(&d);
	sv = read_csv("W1,welcome-1\nAgree,Agree\n", NULL, &d);
	assert_null(sv);
	assert_true(has_diag(&d, OAIP_ERROR, 1,
	                     "two columns answer question W1 ('welcome-1'): "
	                     "column 1 and column 2"));
	oaip_diags_free(&d);

	/* No question at all. */
	oaip_diags_init(&d);
	sv = read_csv("Name,Favourite colour\nJo,Blue\n", NULL, &d);
	assert_null(sv);
	assert_true(has_diag(&d, OAIP_ERROR, 1,
	                     "no column is a question of framework 'devon'"));
	assert_false(any_diag_has(&d, "Blue"));
	oaip_diags_free(&d);

	/* --comments naming a column that is not there, or one that
	 * identifies people. */
	oaip_diags_init(&d);
	oaip_survey_options o = {.comments_column = "Comments"};
	sv = read_csv("W1\nAgree\n", &o, &d);
	assert_null(sv);
	assert_true(
	    has_diag(&d, OAIP_ERROR, 1, "no column 'Comments' for --comments"));
	oaip_diags_free(&d);
	oaip_diags_init(&d);
	o.comments_column = "email address";
	sv = read_csv("Email address,W1\nx@example.org,Agree\n", &o, &d);
	assert_null(sv);
	assert_true(has_diag(&d, OAIP_ERROR, 1,
	                     "column 'email address' identifies parent "
	                     "carers: it cannot be the comments column"));
	assert_false(any_diag_has(&d, "x@"));
	oaip_diags_free(&d);

	/* Empty file; unterminated quote; a workbook. */
	oaip_diags_init(&d);
	sv = read_csv("", NULL, &d);
	assert_null(sv);
	assert_true(has_diag(&d, OAIP_ERROR, 0, "the file is empty"));
	oaip_diags_free(&d);
	oaip_diags_init(&d);
	sv = read_csv("W1\n\"Agree\n", NULL, &d);
	assert_null(sv);
	assert_true(has_diag(&d, OAIP_ERROR, 2, "never closed"));
	oaip_diags_free(&d);
}

static void test_phase(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *ws = oaip_framework_load("west-sussex", &d);
	assert_non_null(ws);
	/* e1-09 is for early years only: in a school survey its column is
	 * ignored. */
	const char *csv = "e1-09,e1-10\nAgree,Agree\n";
	oaip_survey_options o = {.phase = OAIP_PHASE_SCHOOL};
	oaip_survey *sv =
	    oaip_survey_read_memory(ws, csv, strlen(csv), "s.csv", &o, &d);
	assert_non_null(sv);
	assert_int_equal(sv->n_asked, 1);
	assert_true(sv->asked[oaip_framework_find(ws, "e1-10")]);
	assert_true(has_diag(&d, OAIP_NOTE, 1, "in this phase"));
	oaip_survey_free(sv);
	oaip_framework_free(ws);
	oaip_diags_free(&d);
}

/* ------------------------------------------------------------------ */
/* Counting and small numbers                                         */

/* A survey of rows respondents, each answering W1 with w1[row] (NULL
 * for blank) and C1 with c1[row]. */
static oaip_survey *make(size_t rows, const char *const *w1,
                         const char *const *c1, bool comments)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "Name,W1,C1,Comments\n");
	for (size_t i = 0; i < rows; i++)
		oaip_buf_printf(
		    &b, "Person %zu,%s,%s,%s\n", i, w1 && w1[i] ? w1[i] : "",
		    c1 && c1[i] ? c1[i] : "", comments ? "A comment" : "");
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey_options o = {.comments_column = "Comments"};
	oaip_survey *sv = read_csv(b.data, &o, &d);
	oaip_diags_print(&d, stdout);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
	assert_non_null(sv);
	return sv;
}

static void test_counting(void **state)
{
	(void)state;
	const char *w1[] = {"SA", "SA", "A",  "A", "A", "D",
	                    "D",  "SD", "DK", "A", "A", "DK"};
	oaip_survey *sv = make(12, w1, NULL, false);
	oaip_survey_result *res = oaip_survey_count(sv, 0, NULL);
	assert_non_null(res);
	assert_int_equal(res->min, 10);
	assert_true(res->shown);
	const oaip_survey_tally *t =
	    &res->items[oaip_framework_find_code(devon, "W1")];
	/* answered = 10 (two Don't know), agree = 7, points = 3+3+2*5+1+1+0
	 * = 18 of 30. */
	assert_true(t->shown);
	assert_int_equal(t->answered, 10);
	assert_int_equal(t->agree, 7);
	assert_int_equal(t->counts[OAIP_ANSWER_DONT_KNOW], 2);
	assert_float_equal(t->agree_pct, 70.0, 1e-9);
	assert_float_equal(t->score, 60.0, 1e-9);
	/* The cornerstone pools its shown questions. */
	assert_true(res->cs[OAIP_WELCOME_AND_CARE].shown);
	assert_int_equal(res->cs[OAIP_WELCOME_AND_CARE].respondents, 12);
	assert_float_equal(res->cs[OAIP_WELCOME_AND_CARE].score, 60.0, 1e-9);
	/* A question with no column is not shown. */
	assert_false(res->items[oaip_framework_find_code(devon, "W2")].shown);
	assert_false(res->cs[OAIP_VALUE_AND_INCLUDE].shown);
	oaip_survey_result_free(res);
	/* Never fewer than 5. */
	assert_null(oaip_survey_count(sv, 4, NULL));
	res = oaip_survey_count(sv, 5, NULL);
	assert_non_null(res);
	oaip_survey_result_free(res);
	oaip_survey_free(sv);
}

/* K-1 and K: survey, indicator, cornerstone. */
static void test_small_numbers(void **state)
{
	(void)state;
	const char *agree[12] = {"A", "A", "A", "A", "A", "A",
	                         "A", "A", "A", "A", "A", "A"};
	for (size_t k = 5; k <= 11; k += 6) {
		/* k-1 respondents: the whole survey is hidden. */
		oaip_survey *sv = make(k - 1, agree, agree, true);
		oaip_survey_result *res = oaip_survey_count(sv, k, NULL);
		assert_false(res->shown);
		assert_false(res->comments_shown);
		for (size_t i = 0; i < devon->n_indicators; i++) {
			assert_false(res->items[i].shown);
			assert_int_equal(res->items[i].answered, 0);
			assert_int_equal(res->items[i].counts[2], 0);
		}
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
			assert_false(res->cs[c].shown);
			assert_int_equal(res->cs[c].respondents, 0);
		}
		oaip_survey_result_free(res);
		oaip_survey_free(sv);

		/* k respondents: shown, comments too. */
		sv = make(k, agree, agree, true);
		res = oaip_survey_count(sv, k, NULL);
		assert_true(res->shown);
		assert_true(res->comments_shown);
		assert_true(
		    res->items[oaip_framework_find_code(devon, "W1")].shown);
		assert_int_equal(
		    res->items[oaip_framework_find_code(devon, "W1")].answered,
		    k);
		assert_true(res->cs[OAIP_WELCOME_AND_CARE].shown);
		oaip_survey_result_free(res);
		oaip_survey_free(sv);
	}

	/* 10 respondents, but only 9 answered C1 (one Don't know): C1 and
	 * Communicate are hidden; W1 shown. */
	const char *c1[10] = {"A", "A", "A", "A", "A",
	                      "A", "A", "A", "A", "DK"};
	oaip_survey *sv = make(10, agree, c1, true);
	oaip_survey_result *res = oaip_survey_count(sv, 10, NULL);
	assert_true(res->shown);
	assert_true(res->items[oaip_framework_find_code(devon, "W1")].shown);
	const oaip_survey_tally *t =
	    &res->items[oaip_framework_find_code(devon, "C1")];
	assert_false(t->shown);
	assert_int_equal(t->answered, 0);
	assert_int_equal(t->counts[OAIP_ANSWER_DONT_KNOW], 0);
	assert_false(res->cs[OAIP_COMMUNICATE].shown);
	oaip_survey_result_free(res);
	oaip_survey_free(sv);

	/* A cornerstone's respondents below K hide it even when... every
	 * question of it is hidden then too; and comments need K
	 * respondents, not K comments. */
	const char *few[10] = {"A", "A", "A", "A", "A",
	                       "A", "A", "A", "A", NULL};
	sv = make(10, agree, few, false);
	res = oaip_survey_count(sv, 10, NULL);
	assert_true(res->cs[OAIP_WELCOME_AND_CARE].shown);
	assert_false(res->cs[OAIP_COMMUNICATE].shown);
	assert_false(res->comments_shown); /* no comments at all */
	oaip_survey_result_free(res);
	oaip_survey_free(sv);
}

/* ------------------------------------------------------------------ */
/* Two views: where they differ                                       */

static oaip_result *school(const char *w1_rating, const char *c1_rating,
                           oaip_selfeval **se_out)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_printf(&b,
	                "indicator,rating\nwelcome-1,%s\ncommunicate-1,%s\n",
	                w1_rating, c1_rating);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se =
	    oaip_selfeval_read_memory(devon, b.data, b.len, "s.csv", &d);
	oaip_diags_print(&d, stdout);
	assert_non_null(se);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
	oaip_score_options so = {.target = -1};
	oaip_result *r = oaip_score_compute(se, &so);
	assert_non_null(r);
	*se_out = se;
	return r;
}

static void test_differ(void **state)
{
	(void)state;
	/* W1: 5 of 10 agree (exactly half); C1: 4 of 10 (fewer than
	 * half). */
	const char *w1[10] = {"A", "SA", "A",  "A", "A",
	                      "D", "D",  "SD", "D", "D"};
	const char *c1[10] = {"A", "SA", "A",  "A", "D",
	                      "D", "D",  "SD", "D", "D"};
	oaip_survey *sv = make(10, w1, c1, false);
	oaip_selfeval *se;

	/* School at target on both: only C1 is a gap parents see. */
	oaip_result *r = school("Established", "Embedded", &se);
	oaip_survey_result *res = oaip_survey_count(sv, 10, r);
	assert_int_equal(res->n_differ, 1);
	assert_int_equal(res->differ[0].indicator,
	                 oaip_framework_find_code(devon, "C1"));
	assert_int_equal(res->differ[0].direction, OAIP_PARENTS_SEE_GAP);
	assert_int_equal(res->differ[0].rating, 3);
	oaip_survey_result_free(res);
	oaip_result_free(r);
	oaip_selfeval_free(se);

	/* School below target on both: W1 (half agree) is a strength
	 * parents see; C1 is not. */
	r = school("Emerging", "Not yet", &se);
	res = oaip_survey_count(sv, 10, r);
	assert_int_equal(res->n_differ, 1);
	assert_int_equal(res->differ[0].indicator,
	                 oaip_framework_find_code(devon, "W1"));
	assert_int_equal(res->differ[0].direction, OAIP_PARENTS_SEE_STRENGTH);
	oaip_survey_result_free(res);

	/* Suppressed questions never differ. */
	res = oaip_survey_count(sv, 11, r);
	assert_int_equal(res->n_differ, 0);
	oaip_survey_result_free(res);
	oaip_result_free(r);
	oaip_selfeval_free(se);
	oaip_survey_free(sv);
}

/* 100 responses × 20 questions, read twice: the counts add up. */
static void test_many(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "\xEF\xBB\xBFID,Email");
	for (size_t i = 0; i < devon->n_indicators; i++)
		oaip_buf_printf(&b, ",%s", devon->indicators[i].code);
	oaip_buf_puts(&b, "\r\n");
	static const char *const scale[] = {
	    "Strongly disagree", "Disagree",   "Agree",
	    "Strongly agree",    "Don't know", ""};
	for (size_t r = 0; r < 100; r++) {
		oaip_buf_printf(&b, "%zu,p%zu@example.org", r, r);
		for (size_t i = 0; i < devon->n_indicators; i++)
			oaip_buf_printf(&b, ",%s", scale[(r + i) % 6]);
		oaip_buf_puts(&b, "\r\n");
	}
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey *sv = read_csv(b.data, NULL, &d);
	assert_non_null(sv);
	assert_int_equal(sv->rows, 100);
	assert_int_equal(sv->respondents, 100);
	for (size_t i = 0; i < devon->n_indicators; i++) {
		size_t total = 0;
		for (int a = 0; a < OAIP_N_ANSWERS; a++)
			total += sv->counts[i][a];
		/* One in six is blank. */
		assert_true(total == 83 || total == 84);
	}
	assert_false(any_diag_has(&d, "example.org"));
	oaip_survey_free(sv);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_answers),
	    cmocka_unit_test(test_microsoft_forms),
	    cmocka_unit_test(test_google_forms),
	    cmocka_unit_test(test_bad_input),
	    cmocka_unit_test(test_phase),
	    cmocka_unit_test(test_counting),
	    cmocka_unit_test(test_small_numbers),
	    cmocka_unit_test(test_differ),
	    cmocka_unit_test(test_many),
	};
	return cmocka_run_group_tests(tests, frameworks_setup,
	                              frameworks_teardown);
}
