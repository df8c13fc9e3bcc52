/* test_progress.c - progress since the last self-evaluation: change
 * arithmetic, moved/closed/new lists, coverage words, framework
 * mismatch and version changes.
 *
 * Two hand-built frameworks and returns ("then" and "now"), so each test
 * states exactly what was rated each time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "private.h"

#define MAX_IND 16

typedef struct side {
	oaip_framework fw;
	oaip_indicator ind[MAX_IND];
	oaip_expectation exp;
	oaip_selfeval se;
	oaip_entry entries[MAX_IND];
	oaip_result *r;
} side;

static oaip_level levels[4];
static side T, N; /* then, now */

static void reset_side(side *s, const char *file)
{
	static const char *const ids[] = {"not-yet", "emerging", "established",
	                                  "embedded"};
	static const char *const labels[] = {"Not yet", "Emerging",
	                                     "Established", "Embedded"};
	memset(s, 0, sizeof *s);
	for (int i = 0; i < 4; i++) {
		levels[i].value = i;
		levels[i].id = (char *)ids[i];
		levels[i].label = (char *)labels[i];
	}
	s->fw.id = (char *)"tiny";
	s->fw.version = (char *)"2025";
	s->fw.scale.levels = levels;
	s->fw.scale.n_levels = 4;
	s->fw.scale.target = 2;
	s->exp.id = (char *)"e1";
	s->fw.expectations = &s->exp;
	s->fw.n_expectations = 1;
	s->fw.indicators = s->ind;
	s->se.fw = &s->fw;
	s->se.entries = s->entries;
	s->se.file = (char *)file;
	s->se.school = (char *)"Tiny";
}

static size_t add(side *s, const char *id, oaip_cornerstone c)
{
	size_t i = s->fw.n_indicators++;
	assert_true(i < MAX_IND);
	s->ind[i].id = (char *)id;
	s->ind[i].text = (char *)id;
	s->ind[i].cornerstone = c;
	s->ind[i].weight = 1;
	s->exp.n_indicators = s->fw.n_indicators;
	return i;
}

/* level -1: blank; -2: n/a */
static void rate(side *s, size_t i, int level)
{
	if (level == -1) {
		s->entries[i].kind = OAIP_RATING_EMPTY;
	} else if (level == -2) {
		s->entries[i].kind = OAIP_RATING_NA;
	} else {
		s->entries[i].kind = OAIP_RATING_RATED;
		s->entries[i].level = level;
	}
}

/* The same eight indicators on both sides: w1 w2 v1 v2 c1 c2 p1 p2. */
static void standard(void)
{
	static const char *const ids[] = {"w1", "w2", "v1", "v2",
	                                  "c1", "c2", "p1", "p2"};
	reset_side(&T, "old.csv");
	reset_side(&N, "new.csv");
	for (int k = 0; k < 8; k++) {
		add(&T, ids[k], (oaip_cornerstone)(k / 2));
		add(&N, ids[k], (oaip_cornerstone)(k / 2));
	}
}

static oaip_progress *compute(oaip_diags *d)
{
	oaip_score_options o = {.target = -1, .phase = 0};
	T.r = oaip_score_compute(&T.se, &o);
	N.r = oaip_score_compute(&N.se, &o);
	assert_non_null(T.r);
	assert_non_null(N.r);
	return oaip_progress_compute(T.r, N.r, d);
}

static void done(oaip_progress *p, oaip_diags *d)
{
	oaip_progress_free(p);
	oaip_result_free(T.r);
	oaip_result_free(N.r);
	T.r = N.r = NULL;
	oaip_diags_free(d);
}

/* "w1 v2" - ids of a list of current indicators. */
static void assert_ids(const size_t *list, size_t n, const char *want)
{
	char got[256] = "";
	for (size_t k = 0; k < n; k++) {
		if (k)
			strcat(got, " ");
		strcat(got, N.fw.indicators[list[k]].id);
	}
	assert_string_equal(got, want);
}

static void assert_text(const char *got_data, const char *want)
{
	assert_non_null(got_data);
	assert_string_equal(got_data, want);
}

static void test_change_arithmetic(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	/* Welcome: then 1,2 (50.0) now 2,2 (66.7): up 16.7. */
	rate(&T, 0, 1), rate(&T, 1, 2), rate(&N, 0, 2), rate(&N, 1, 2);
	/* Value: then 3,3 (100.0) now 2,3 (83.3): down 16.7. */
	rate(&T, 2, 3), rate(&T, 3, 3), rate(&N, 2, 2), rate(&N, 3, 3);
	/* Communicate: then 2 of 2, now the same. */
	rate(&T, 4, 2), rate(&T, 5, 1), rate(&N, 4, 1), rate(&N, 5, 2);
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	assert_false(p->version_changed);
	assert_int_equal(oaip_diags_count(&d, OAIP_NOTE), 0);

	assert_true(p->cs[0].has_change);
	assert_true(p->cs[0].change == 16.7);
	assert_true(p->cs[1].has_change);
	assert_true(p->cs[1].change == -16.7);
	assert_true(p->cs[2].has_change);
	assert_true(p->cs[2].change == 0.0);
	/* Work in Partnership: nothing rated either time. */
	assert_false(p->cs[3].has_change);

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_progress_change_text(p->cs[0].has_change, p->cs[0].change, &b);
	assert_text(b.data, "up 16.7 points");
	b.len = 0;
	oaip_progress_change_text(p->cs[1].has_change, p->cs[1].change, &b);
	assert_text(b.data, "down 16.7 points");
	b.len = 0;
	oaip_progress_change_text(p->cs[2].has_change, p->cs[2].change, &b);
	assert_text(b.data, "no change");
	b.len = 0;
	oaip_progress_change_text(p->cs[3].has_change, p->cs[3].change, &b);
	assert_text(b.data, "no comparison");
	oaip_buf_free(&b);

	/* Overall: then (50 + 100 + 50) / 3 = 66.7, now (66.7 + 83.3 +
	 * 50) / 3 = 66.7: no change as shown. */
	assert_true(p->has_overall_change);
	assert_true(p->overall_change == 0.0);

	assert_ids(p->up, p->n_up, "w1 c2");
	assert_ids(p->down, p->n_down, "v1 c1");
	assert_ids(p->closed, p->n_closed, "w1 c2");
	assert_ids(p->new_gaps, p->n_new_gaps, "c1");
	assert_int_equal(p->n_unrated, 0);
	done(p, &d);
}

static void test_null_scores_either_side(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	/* Welcome: nothing rated then, rated now. */
	rate(&N, 0, 1);
	/* Value: rated then, nothing rated now. */
	rate(&T, 2, 1);
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	assert_false(p->cs[0].has_change);
	assert_false(p->cs[0].then.has_score);
	assert_true(p->cs[0].now.has_score);
	assert_false(p->cs[1].has_change);
	assert_true(p->cs[1].then.has_score);
	assert_false(p->cs[1].now.has_score);
	/* Overall: one score each side, on different cornerstones: both
	 * exist, so the change is reported (33.3 - 33.3). */
	assert_true(p->has_overall_change);
	/* A gap left blank is not closed. */
	assert_int_equal(p->n_closed, 0);
	assert_ids(p->unrated, p->n_unrated, "v1");
	/* w1 is a gap now, not rated then: a new gap. */
	assert_ids(p->new_gaps, p->n_new_gaps, "w1");
	done(p, &d);

	/* Nothing rated at all last time: no overall change. */
	standard();
	rate(&N, 0, 3);
	p = compute(&d);
	assert_non_null(p);
	assert_false(p->has_overall_change);
	assert_int_equal(p->n_up, 0);
	done(p, &d);
}

static void test_coverage_words(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	rate(&T, 0, 2);
	rate(&N, 0, 2), rate(&N, 1, 2);
	rate(&T, 2, 2), rate(&T, 3, 2), rate(&N, 2, 2), rate(&N, 3, 2);
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_progress_coverage_text(&p->cs[0], &b);
	assert_text(b.data, "now 2 of 2 rated, was 1 of 2");
	b.len = 0;
	oaip_progress_coverage_text(&p->cs[1], &b);
	assert_text(b.data, "2 of 2 rated, as last time");
	b.len = 0;
	oaip_progress_coverage_text(&p->cs[3], &b);
	assert_text(b.data, "0 of 2 rated, as last time");
	oaip_buf_free(&b);
	/* Same score (66.7%), different coverage: the change is 0, and the
	 * coverage says what differs. */
	assert_true(p->cs[0].change == 0.0);
	done(p, &d);
}

static void test_na_on_one_side(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	rate(&T, 0, 1), rate(&N, 0, -2); /* a gap, now n/a */
	rate(&T, 1, -2), rate(&N, 1, 0); /* n/a, now a gap */
	rate(&T, 2, -2), rate(&N, 2, 3); /* n/a, now a strength */
	rate(&T, 3, 2), rate(&N, 3, 2);
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	/* Neither n/a change is a move up or down a level. */
	assert_int_equal(p->n_up, 0);
	assert_int_equal(p->n_down, 0);
	assert_int_equal(p->n_closed, 0);
	assert_ids(p->unrated, p->n_unrated, "w1");
	assert_ids(p->new_gaps, p->n_new_gaps, "w2");
	/* Welcome: then w1 rated 1 (33.3, 1 of 2 rated), now w2 rated 0
	 * (0.0). */
	assert_true(p->cs[0].change == -33.3);
	assert_int_equal(p->cs[0].then.na, 1);
	assert_int_equal(p->cs[0].now.na, 1);
	done(p, &d);
}

static void test_followups(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	rate(&T, 0, 1), rate(&N, 0, 2);
	T.entries[0].next_steps = (char *)"Hold coffee mornings";
	N.entries[0].evidence = (char *)"Coffee mornings each half term";
	T.entries[1].next_steps = (char *)"  \n ";  /* blank: not a step */
	T.entries[4].next_steps = (char *)"Survey"; /* blank now */
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	assert_ids(p->followups, p->n_followups, "w1 c1");
	const oaip_entry *te = oaip_progress_then_entry(p, p->followups[0]);
	assert_non_null(te);
	assert_string_equal(te->next_steps, "Hold coffee mornings");
	done(p, &d);
}

static void test_different_frameworks(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	reset_side(&T, "old.csv");
	reset_side(&N, "new.csv");
	add(&T, "x1", OAIP_COMMUNICATE);
	add(&T, "x2", OAIP_COMMUNICATE);
	add(&T, "w1", OAIP_WELCOME_AND_CARE);
	add(&N, "w1", OAIP_WELCOME_AND_CARE);
	add(&N, "w2", OAIP_WELCOME_AND_CARE);
	add(&N, "w3", OAIP_WELCOME_AND_CARE);
	add(&N, "w4", OAIP_WELCOME_AND_CARE);
	oaip_progress *p = compute(&d);
	assert_null(p);
	assert_int_equal(oaip_diags_count(&d, OAIP_ERROR), 1);
	assert_non_null(strstr(d.items[0].message, "different frameworks"));
	assert_non_null(strstr(d.items[0].message, "'old.csv'"));
	assert_non_null(strstr(d.items[0].message, "'new.csv'"));
	done(p, &d);
}

static void test_version_changed(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	reset_side(&T, "old.csv");
	reset_side(&N, "new.csv");
	T.fw.version = (char *)"2024";
	add(&T, "w1", OAIP_WELCOME_AND_CARE);
	add(&T, "old-one", OAIP_COMMUNICATE);
	add(&T, "v1", OAIP_VALUE_AND_INCLUDE);
	add(&N, "W1", OAIP_WELCOME_AND_CARE); /* matched ignoring case */
	add(&N, "v1", OAIP_VALUE_AND_INCLUDE);
	add(&N, "new-one", OAIP_COMMUNICATE);
	rate(&T, 0, 1), rate(&N, 0, 3);
	rate(&T, 1, 0);
	rate(&N, 2, 1);
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	assert_true(p->version_changed);
	assert_int_equal(oaip_diags_count(&d, OAIP_NOTE), 1);
	assert_non_null(strstr(d.items[0].message, "version 2024"));
	assert_non_null(strstr(d.items[0].message, "version 2025"));
	assert_ids(p->added, p->n_added, "new-one");
	assert_int_equal(p->n_gone, 1);
	assert_string_equal(p->gone[0].id, "old-one");
	assert_ids(p->up, p->n_up, "W1");
	assert_ids(p->new_gaps, p->n_new_gaps, "new-one");
	assert_null(oaip_progress_then_entry(p, 2));
	done(p, &d);

	/* Same version, same ids: no note. */
	standard();
	p = compute(&d);
	assert_non_null(p);
	assert_false(p->version_changed);
	assert_int_equal(d.n, 0);
	done(p, &d);
}

/* A last return read with oaip_selfeval_read_previous, naming an id the
 * framework does not have (an earlier version's) and with no row for
 * another. */
static void test_unknown_rows(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	for (size_t i = 0; i < 8; i++)
		T.entries[i].line = (long)i + 2;
	T.entries[3].line = 0; /* no row for v2 */
	rate(&T, 0, 1), rate(&N, 0, 2);
	oaip_unknown_row old = {
	    .id = (char *)"v9",
	    .entry = {.kind = OAIP_RATING_RATED, .level = 2, .line = 11}};
	T.se.unknown = &old;
	T.se.n_unknown = 1;
	/* Both read against one framework. */
	T.se.fw = &N.fw;
	oaip_progress *p = compute(&d);
	assert_non_null(p);
	assert_true(p->version_changed);
	assert_int_equal(p->n_gone, 1);
	assert_string_equal(p->gone[0].id, "v9");
	assert_null(p->gone[0].text);
	assert_int_equal(p->gone[0].then->level, 2);
	assert_ids(p->added, p->n_added, "v2");
	assert_null(oaip_progress_then_entry(p, 3));
	assert_ids(p->up, p->n_up, "w1");
	assert_int_equal(oaip_diags_count(&d, OAIP_NOTE), 1);
	done(p, &d);
}

static void test_phase(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	standard();
	N.ind[1].phases = OAIP_PHASE_POST16;
	T.ind[1].phases = OAIP_PHASE_POST16;
	rate(&T, 1, 0), rate(&N, 1, 3);
	oaip_score_options o = {.target = -1, .phase = OAIP_PHASE_SCHOOL};
	T.r = oaip_score_compute(&T.se, &o);
	N.r = oaip_score_compute(&N.se, &o);
	oaip_progress *p = oaip_progress_compute(T.r, N.r, &d);
	assert_non_null(p);
	/* w2 does not apply to this school: not listed as moved. */
	assert_int_equal(p->n_up, 0);
	assert_int_equal(p->n_closed, 0);
	done(p, &d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_change_arithmetic),
	    cmocka_unit_test(test_null_scores_either_side),
	    cmocka_unit_test(test_coverage_words),
	    cmocka_unit_test(test_na_on_one_side),
	    cmocka_unit_test(test_followups),
	    cmocka_unit_test(test_different_frameworks),
	    cmocka_unit_test(test_version_changed),
	    cmocka_unit_test(test_unknown_rows),
	    cmocka_unit_test(test_phase),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
