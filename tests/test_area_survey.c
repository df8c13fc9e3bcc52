/* test_area_survey.c - parent carers' surveys across an area
 * (area_survey.c): the key a survey file is matched by, matching to
 * schools by URN, name and return file name, files that match no school,
 * two schools or the same school, and pooling only what each school's
 * own report shows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "oaip.h"

static void key_is(const char *name, bool survey_file, const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_area_survey_key(&b, name, survey_file);
	assert_false(b.failed);
	if (strcmp(b.data ? b.data : "", want) != 0)
		fail_msg("key of '%s': '%s', expected '%s'", name,
		         b.data ? b.data : "", want);
	oaip_buf_free(&b);
}

static void test_key(void **state)
{
	(void)state;
	key_is("surveys/Oak Primary - parent carers survey responses.xlsx",
	       true, "oak primary");
	key_is("PARENT_SURVEY_oak-primary.CSV", true, "oak primary");
	key_is("100001 responses.xlsx", true, "100001");
	key_is("[Elm] School (parent survey).csv", true, "elm school");
	key_is("St Mary\u2019s C of E survey.csv", true, "st marys c of e");
	key_is("St Mary's  C.of.E.", false, "st marys c of e");
	/* Other UTF-8 kept as it is; only ASCII letters are folded. */
	key_is("\u00c9cole Sainte-Anne survey.csv", true,
	       "\u00c9cole sainte anne");
	/* The words go only at the ends, and a name of nothing but them is
	 * kept whole. */
	key_is("Parents Forum School survey.csv", true, "forum school");
	key_is("Survey Lane Primary.csv", true, "lane primary");
	key_is("Primary Responses Hub survey.csv", true,
	       "primary responses hub");
	key_is("survey.csv", true, "survey");
	/* Only .csv and .xlsx are extensions; the return's own name is not a
	 * survey file name, so no word goes from it. */
	key_is("oak.primary.txt", true, "oak primary txt");
	key_is("Oak Primary Survey", false, "oak primary survey");
}

/* A comparison of returns given as (file name, text). */
static oaip_comparison *area(const char *const *files, size_t n)
{
	oaip_compare_options co = {-1, 0};
	oaip_comparison *c = oaip_comparison_new(devon, &co);
	assert_non_null(c);
	for (size_t i = 0; i < n; i++) {
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_selfeval *se = oaip_selfeval_read_memory(
		    devon, files[2 * i + 1], strlen(files[2 * i + 1]),
		    files[2 * i], &d);
		if (!se) {
			oaip_diags_print(&d, stderr);
			fail_msg("return %s not read", files[2 * i]);
		}
		oaip_score_options so = {-1, 0};
		oaip_result *r = oaip_score_compute(se, &so);
		assert_non_null(r);
		assert_true(oaip_comparison_add_result(c, r));
		oaip_result_free(r);
		oaip_selfeval_free(se);
		oaip_diags_free(&d);
	}
	assert_true(oaip_comparison_finish(c));
	return c;
}

static const char *school_of(const oaip_area_survey *a, size_t f)
{
	const oaip_asurvey_file *sf = &a->files[f];
	return sf->school == SIZE_MAX
	           ? NULL
	           : oaip_comparison_school(a->c, sf->school)->school;
}

static void test_match(void **state)
{
	(void)state;
	static const char *const returns[] = {
	    "r/oak-primary.csv",
	    "School,Oak Primary\nURN,100001\nindicator,rating\nwelcome-1,2\n",
	    "r/elm_school.csv",
	    "indicator,rating\nwelcome-1,2\n",
	    "r/a/twin.csv",
	    "School,Twin A\nindicator,rating\nwelcome-1,2\n",
	    "r/b/twin.csv",
	    "School,Twin B\nindicator,rating\nwelcome-1,2\n",
	    "r/ash.csv",
	    "School,Ash Academy\nURN,100002\nindicator,rating\nwelcome-1,2\n",
	};
	oaip_comparison *c = area(returns, 5);
	oaip_area_survey *a = oaip_area_survey_new(c, 0);
	assert_non_null(a);
	assert_int_equal(a->min, 10);
	static const char *const files[] = {
	    "s/100001 responses.xlsx",    /* Oak by URN */
	    "s/Elm School survey.csv",    /* elm_school by name */
	    "s/twin survey.csv",          /* two schools' return name */
	    "s/Birch survey.csv",         /* nobody */
	    "s/Ash Academy survey.csv",   /* Ash by name ... */
	    "s/100002.csv",               /* ... and by URN: neither used */
	    "s/Twin A parent survey.csv", /* Twin A by name, not ambiguous */
	};
	for (size_t i = 0; i < 7; i++)
		assert_true(oaip_area_survey_add(a, files[i]));
	assert_true(oaip_area_survey_match(a));
	assert_int_equal(a->files[0].status, OAIP_ASURVEY_MATCHED);
	assert_int_equal(a->files[0].match, OAIP_MATCH_URN);
	assert_string_equal(school_of(a, 0), "Oak Primary");
	assert_int_equal(a->files[1].status, OAIP_ASURVEY_MATCHED);
	assert_int_equal(a->files[1].match, OAIP_MATCH_NAME);
	assert_string_equal(school_of(a, 1), "elm school");
	assert_int_equal(a->files[2].status, OAIP_ASURVEY_AMBIGUOUS);
	assert_int_equal(a->files[3].status, OAIP_ASURVEY_UNMATCHED);
	assert_int_equal(a->files[4].status, OAIP_ASURVEY_SAME_SCHOOL);
	assert_int_equal(a->files[5].status, OAIP_ASURVEY_SAME_SCHOOL);
	assert_string_equal(school_of(a, 4), "Ash Academy");
	assert_int_equal(a->files[6].status, OAIP_ASURVEY_MATCHED);
	assert_string_equal(school_of(a, 6), "Twin A");
	/* Each school's file: Ash Academy has none, its two files cancel. */
	size_t with = 0;
	for (size_t i = 0; i < oaip_comparison_count(c); i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		size_t f = a->of_school[i];
		if (strcmp(s->school, "Ash Academy") == 0 ||
		    strcmp(s->school, "Twin B") == 0)
			assert_true(f == SIZE_MAX);
		else
			assert_true(f != SIZE_MAX &&
			            a->files[f].status == OAIP_ASURVEY_MATCHED);
		with += f != SIZE_MAX;
	}
	assert_int_equal(with, 3);
	oaip_area_survey_free(a);
	/* K below 5 is refused. */
	assert_null(oaip_area_survey_new(c, 4));
	oaip_comparison_free(c);
}

/* n rows of responses to W1 and W2: w1 and w2 give the answer of row r
 * ("" for none). */
static oaip_survey *responses(size_t n, const char *(*w1)(size_t),
                              const char *(*w2)(size_t))
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "Name,W1,W2\n");
	for (size_t r = 0; r < n; r++)
		oaip_buf_printf(&b, "Zebedee %zu,%s,%s\n", r, w1(r), w2(r));
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey_options o = {0};
	oaip_survey *sv =
	    oaip_survey_read_memory(devon, b.data, b.len, "s.csv", &o, &d);
	assert_non_null(sv);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
	return sv;
}

static const char *agree(size_t r)
{
	(void)r;
	return "A";
}
static const char *disagree(size_t r)
{
	(void)r;
	return "D";
}
static const char *few(size_t r)
{
	return r < 4 ? "SD" : "";
}

static void test_pool(void **state)
{
	(void)state;
	/* Three schools rate W1 at the target and W2 below it. */
	static const char *const returns[] = {
	    "a.csv", "indicator,rating\nwelcome-1,2\nwelcome-2,1\n",
	    "b.csv", "indicator,rating\nwelcome-1,3\nwelcome-2,0\n",
	    "c.csv", "indicator,rating\nwelcome-1,2\nwelcome-2,1\n",
	};
	oaip_comparison *c = area(returns, 3);
	oaip_area_survey *a = oaip_area_survey_new(c, 5);
	assert_non_null(a);
	assert_true(oaip_area_survey_add(a, "a survey.csv"));
	assert_true(oaip_area_survey_add(a, "b survey.csv"));
	assert_true(oaip_area_survey_add(a, "c survey.csv"));
	assert_true(oaip_area_survey_match(a));
	/* a: 6 who disagree with W1, agree with W2.  b: 7 who disagree
	 * with W1 and only 4 answer W2 (hidden).  c: 4 respondents, fewer
	 * than 5: nothing of it shown or pooled. */
	oaip_area_survey_set(a, 0, responses(6, disagree, agree));
	oaip_area_survey_set(a, 1, responses(7, disagree, few));
	oaip_area_survey_set(a, 2, responses(4, agree, agree));
	assert_true(oaip_area_survey_finish(a));
	assert_int_equal(a->n_shown, 2);
	assert_int_equal(a->n_too_few, 1);
	assert_int_equal(a->respondents, 13);
	const oaip_survey_tally *w1 = &a->items[0], *w2 = &a->items[1];
	assert_true(w1->shown);
	assert_int_equal(w1->answered, 13);
	assert_int_equal(w1->agree, 0);
	assert_int_equal(a->item_schools[0], 2);
	/* Every survey read asks W1 and W2, the tiny one too; none asks W3,
	 * so the report leaves W3 out. */
	assert_int_equal(a->item_asked[0], 3);
	assert_int_equal(a->item_asked[1], 3);
	assert_int_equal(a->item_asked[2], 0);
	/* W2: only a's 6; b's 4 strongly disagree are hidden in b's own
	 * report, so they are not pooled either. */
	assert_true(w2->shown);
	assert_int_equal(w2->answered, 6);
	assert_int_equal(w2->counts[OAIP_ANSWER_STRONGLY_DISAGREE], 0);
	assert_int_equal(a->item_schools[1], 1);
	assert_int_equal(a->item_rated[1], 1);
	assert_int_equal(a->item_at_target[1], 0);
	/* Where the views differ: W1 rated at the target by both schools,
	 * no parent carer agrees (a gap, 100 points apart); W2 below it by
	 * a, all of its parent carers agree (a strength, 100 apart): the
	 * same difference, so framework order. */
	assert_int_equal(a->n_differ, 2);
	assert_int_equal(a->differ[0].indicator, 0);
	assert_int_equal(a->differ[0].direction, OAIP_PARENTS_SEE_GAP);
	assert_int_equal(a->differ[1].indicator, 1);
	assert_int_equal(a->differ[1].direction, OAIP_PARENTS_SEE_STRENGTH);
	/* Cornerstone: pooled over what each school shows. */
	assert_int_equal(a->cs[0].answered, 13 + 6);
	assert_int_equal(a->cs[0].respondents, 13);
	assert_int_equal(a->cs_schools[0], 2);
	/* c's survey is counted, but not shown. */
	assert_non_null(a->files[2].res);
	assert_false(a->files[2].res->shown);
	assert_false(a->files[2].has_overall);
	assert_true(a->files[0].has_overall);
	oaip_area_survey_free(a);
	oaip_comparison_free(c);
}

static void test_unreadable(void **state)
{
	(void)state;
	static const char *const returns[] = {
	    "a.csv", "indicator,rating\nwelcome-1,2\n"};
	oaip_comparison *c = area(returns, 1);
	oaip_area_survey *a = oaip_area_survey_new(c, 0);
	assert_true(oaip_area_survey_add(a, "dir/a-responses.csv"));
	assert_true(oaip_area_survey_match(a));
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_NOTE, "dir/a-responses.csv", 1, "a note");
	oaip_diags_add(&d, OAIP_ERROR, "dir/a-responses.csv", 7,
	               "answer 'x' to question W1 is not one of ...");
	assert_true(oaip_area_survey_fail(a, 0, &d));
	oaip_diags_free(&d);
	/* A response row's error may quote an answer: only where it is. */
	assert_string_equal(a->files[0].error,
	                    "dir/a-responses.csv:7: a response that could not "
	                    "be read (its error is on standard error only, as "
	                    "it may quote a parent carer\u2019s answer)");
	/* The heading row's (or a whole file's) error is said in full. */
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "dir/a-responses.csv", 1,
	               "no column is a question of framework 'devon'");
	assert_true(oaip_area_survey_fail(a, 0, &d));
	oaip_diags_free(&d);
	assert_string_equal(a->files[0].error,
	                    "dir/a-responses.csv:1: no column is a question of "
	                    "framework 'devon'");
	oaip_diags_init(&d);
	oaip_diags_add_at(&d, OAIP_ERROR, "dir/a-responses.csv", 0,
	                  "Responses!D12", "answer 'Jo' to question W3");
	assert_true(oaip_area_survey_fail(a, 0, &d));
	oaip_diags_free(&d);
	assert_null(strstr(a->files[0].error, "Jo"));
	assert_non_null(strstr(a->files[0].error, "Responses!D12"));
	assert_int_equal(oaip_area_survey_unreadable(a), 1);
	assert_true(oaip_area_survey_finish(a));
	assert_int_equal(a->n_shown, 0);
	assert_false(a->items[0].shown);
	oaip_area_survey_free(a);
	oaip_comparison_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_match),
	    cmocka_unit_test(test_pool),
	    cmocka_unit_test(test_unreadable),
	};
	return cmocka_run_group_tests(tests, frameworks_setup,
	                              frameworks_teardown);
}
