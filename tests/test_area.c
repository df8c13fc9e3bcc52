/* test_area.c - the adviser's view of a comparison (area.c): natural
 * order by name, duplicates counted once (identical files, the same
 * name), schools most in need of support with their reasons, whom to
 * invite to each training, the area's own reports skipped in a folder,
 * and the previous year matched school by school. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "oaip.h"
#include "report.h"

/* A folder of returns made for one test, removed by dir_free. */
struct dir {
	char path[64];
	char *files[32];
	size_t n;
};

static void dir_new(struct dir *d)
{
	memset(d, 0, sizeof *d);
	strcpy(d->path, "/tmp/test-area-XXXXXX");
	assert_non_null(mkdtemp(d->path));
}

/* Write name into the folder with the given text; mtime_ago seconds in
 * the past (0 leaves it as written). */
static void dir_put(struct dir *d, const char *name, const char *text,
                    int mtime_ago)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", d->path, name);
	FILE *fp = fopen(p, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	if (mtime_ago) {
		char cmd[400];
		snprintf(cmd, sizeof cmd, "touch -d '@%lld' '%s'",
		         (long long)time(NULL) - mtime_ago, p);
		assert_int_equal(system(cmd), 0);
	}
	d->files[d->n++] = strdup(p);
}

static void dir_free(struct dir *d)
{
	for (size_t i = 0; i < d->n; i++) {
		unlink(d->files[i]);
		free(d->files[i]);
	}
	rmdir(d->path);
}

static oaip_comparison *compare_dir(struct dir *d)
{
	oaip_comparison *c = oaip_comparison_new(devon, NULL);
	assert_non_null(c);
	assert_true(oaip_comparison_add_files(c, (const char *const *)d->files,
	                                      d->n, 2, NULL, NULL));
	oaip_comparison_finish(c);
	return c;
}

static const oaip_school *by_file(const oaip_comparison *c, const char *end)
{
	for (size_t i = 0; i < oaip_comparison_count(c); i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		size_t n = strlen(s->file), m = strlen(end);
		if (n >= m && strcmp(s->file + n - m, end) == 0)
			return s;
	}
	fail_msg("no school with file ending '%s'", end);
	return NULL;
}

/* ---- natural order ---------------------------------------------------- */

static void test_natural_cmp(void **state)
{
	(void)state;
	assert_true(oaip_natural_cmp("School 2", "School 10") < 0);
	assert_true(oaip_natural_cmp("school 10", "School 9") > 0);
	assert_true(oaip_natural_cmp("ash", "Beech") < 0);
	assert_true(oaip_natural_cmp("Ash", "ash") == 0);
	assert_true(oaip_natural_cmp("Oak 007", "Oak 7") == 0);
	assert_true(oaip_natural_cmp("Oak", "Oak 1") < 0);
	assert_true(oaip_natural_cmp("9", "10") < 0);
	assert_true(oaip_natural_cmp("a10b2", "a10b10") < 0);
}

static void test_schools_in_natural_order(void **state)
{
	(void)state;
	struct dir d;
	dir_new(&d);
	const char *names[] = {"school-10.csv", "School 9.csv", "ash.csv",
	                       "Beech.csv", "school-1.csv"};
	for (size_t i = 0; i < 5; i++) {
		char text[80];
		snprintf(text, sizeof text, "indicator,rating\nwelcome-1,%zu\n",
		         i % 4);
		dir_put(&d, names[i], text, 0);
	}
	oaip_comparison *c = compare_dir(&d);
	const char *want[] = {"ash", "Beech", "school 1", "School 9",
	                      "school 10"};
	assert_int_equal(oaip_comparison_count(c), 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(oaip_comparison_school(c, i)->school,
		                    want[i]);
	oaip_comparison_free(c);
	dir_free(&d);
}

/* ---- duplicates --------------------------------------------------------- */

static void test_identical_files_counted_once(void **state)
{
	(void)state;
	struct dir d;
	dir_new(&d);
	const char *text = "indicator,rating\nwelcome-1,0\nwelcome-2,3\n";
	dir_put(&d, "Ashburton Academy.csv", text, 0);
	dir_put(&d, "Copy of Ashburton Academy.csv", text, 0);
	dir_put(&d, "Oak.csv", "indicator,rating\nwelcome-1,0\n", 0);
	oaip_comparison *c = compare_dir(&d);

	assert_int_equal(oaip_comparison_count(c), 3);
	assert_int_equal(oaip_comparison_counted(c), 2);
	assert_int_equal(oaip_comparison_duplicates(c), 1);
	const oaip_school *a = by_file(c, "/Ashburton Academy.csv");
	const oaip_school *copy = by_file(c, "/Copy of Ashburton Academy.csv");
	assert_true(a->counted);
	assert_false(copy->counted);
	assert_int_equal(copy->duplicate, OAIP_DUPLICATE_CONTENT);
	assert_ptr_equal(oaip_comparison_school(c, copy->duplicate_of), a);
	/* welcome-1 is below target at two schools, not three. */
	const oaip_priority *p;
	assert_true(oaip_comparison_priorities(c, &p) >= 1);
	assert_string_equal(devon->indicators[p[0].indicator].id, "welcome-1");
	assert_int_equal(p[0].below, 2);
	assert_int_equal(oaip_comparison_spread(c, 0)->n, 2);
	oaip_comparison_free(c);
	dir_free(&d);
}

static void test_identical_copy_keeps_the_plain_name(void **state)
{
	(void)state;
	struct dir d;
	dir_new(&d);
	const char *text = "indicator,rating\nwelcome-1,0\n";
	/* "A copy of …" comes first by name; the plain name still counts. */
	dir_put(&d, "A copy of Ashburton.csv", text, 0);
	dir_put(&d, "Ashburton.csv", text, 0);
	oaip_comparison *c = compare_dir(&d);
	assert_int_equal(oaip_comparison_counted(c), 1);
	assert_true(by_file(c, "/Ashburton.csv")->counted);
	const oaip_school *copy = by_file(c, "/A copy of Ashburton.csv");
	assert_false(copy->counted);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_comparison_duplicate_text(c, copy, &b);
	assert_non_null(strstr(b.data, "A copy of Ashburton.csv' is the same "
	                               "school as '"));
	assert_non_null(strstr(b.data, "/Ashburton.csv' (identical files): "
	                               "counted once, as '"));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
	dir_free(&d);
}

static void test_same_name_counts_the_newest(void **state)
{
	(void)state;
	struct dir d;
	dir_new(&d);
	char old[128];
	snprintf(old, sizeof old, "%s/old", d.path);
	assert_int_equal(mkdir(old, 0700), 0);
	/* The same school name (from the file name), different ratings:
	 * the later file counts. */
	dir_put(&d, "oak-primary.csv", "indicator,rating\nwelcome-1,3\n", 0);
	dir_put(&d, "old/oak-primary.csv", "indicator,rating\nwelcome-1,0\n",
	        3600);
	oaip_comparison *c = compare_dir(&d);
	assert_int_equal(oaip_comparison_counted(c), 1);
	const oaip_school *keep = by_file(c, "/old/oak-primary.csv");
	assert_false(keep->counted);
	assert_int_equal(keep->duplicate, OAIP_DUPLICATE_NAME);
	const oaip_school *now = oaip_comparison_school(c, keep->duplicate_of);
	assert_true(now->counted);
	assert_int_equal(now->cells[0], 3);
	const oaip_priority *p;
	assert_int_equal(oaip_comparison_priorities(c, &p), 0);
	oaip_comparison_free(c);
	dir_free(&d);
	rmdir(old);
	rmdir(d.path);
}

/* ---- the heat map's shading follows the band ------------------------- */

static const char *shade(double score, size_t rated, size_t total,
                         size_t at_target, size_t gaps, int target)
{
	static oaip_level lv[] = {{0, "not-yet", "Not yet", NULL},
	                          {1, "emerging", "Emerging", NULL},
	                          {2, "established", "Established", NULL},
	                          {3, "embedded", "Embedded", NULL}};
	static const oaip_scale scale = {lv, 4, 2};
	oaip_cornerstone_score cs = {.has_score = true,
	                             .score = score,
	                             .rated = rated,
	                             .total = total,
	                             .at_target = at_target,
	                             .gaps = gaps};
	return oaip_heat_class(oaip_band(&cs, &scale, target));
}

static void test_heat_shade_follows_the_band(void **state)
{
	(void)state;
	/* Target Established (2 of 3): t = 66.7, above from 83.3, well
	 * below under 33.3.  61.1 with gaps is below target, never green. */
	assert_string_equal(shade(61.1, 6, 6, 3, 3, 2), "heat-1");
	assert_string_equal(shade(66.6, 6, 6, 5, 1, 2), "heat-1");
	assert_string_equal(shade(66.7, 6, 6, 5, 1, 2), "heat-2");
	assert_string_equal(shade(33.3, 6, 6, 1, 5, 2), "heat-1");
	assert_string_equal(shade(33.2, 6, 6, 1, 5, 2), "heat-0");
	assert_string_equal(shade(83.2, 6, 6, 6, 0, 2), "heat-3");
	assert_string_equal(shade(83.3, 6, 6, 6, 0, 2), "heat-4");
	/* 1 of 4 rated, at the top: too few to judge, not the top shade. */
	assert_string_equal(shade(100, 1, 4, 1, 0, 2), "heat-few");
	assert_string_equal(shade(100, 2, 4, 2, 0, 2), "heat-4");
	/* The target moves the shades: at Embedded, 83.3 is below it. */
	assert_string_equal(shade(83.3, 6, 6, 3, 3, 3), "heat-1");
	assert_string_equal(oaip_heat_class("Above target (partly "
	                                    "evaluated)"),
	                    "heat-4");
	assert_string_equal(oaip_heat_class("Not applicable"), "heat-none");

	/* The style sheet and the key come from the same table. */
	oaip_buf page;
	oaip_buf_init(&page);
	oaip_html_page_begin(&page, "t", NULL);
	for (size_t i = 0; i < oaip_n_heat_steps; i++) {
		char want[200];
		/* The hatching: stripes of the colour and white. */
		if (oaip_heat_steps[i].hatched)
			snprintf(want, sizeof want,
			         ".%s{background:repeating-linear-gradient("
			         "135deg,%s 0 6px,",
			         oaip_heat_steps[i].css_class,
			         oaip_heat_steps[i].colour);
		else
			snprintf(want, sizeof want, ".%s{background:%s}",
			         oaip_heat_steps[i].css_class,
			         oaip_heat_steps[i].colour);
		assert_non_null(strstr(page.data, want));
	}
	oaip_buf_free(&page);
}

/* ---- support and invitations ------------------------------------------- */

static void test_support_ranked_with_reasons(void **state)
{
	(void)state;
	struct dir d;
	dir_new(&d);
	/* Devon has 20 indicators.  Full: every one rated; A has 3 gaps, B
	 * 1 gap, C none; D rates 2 of 20 (low coverage, no gap). */
	oaip_buf all;
	char text[4096];
	const char *ids[] = {"welcome-1", "welcome-2", "welcome-3"};
	const int n_gaps[] = {3, 1, 0};
	for (int school = 0; school < 3; school++) {
		oaip_buf_init(&all);
		oaip_buf_puts(&all, "indicator,rating\n");
		for (size_t i = 0; i < devon->n_indicators; i++) {
			int r = 3;
			for (int g = 0; g < n_gaps[school]; g++)
				if (strcmp(devon->indicators[i].id, ids[g]) ==
				    0)
					r = 1;
			oaip_buf_printf(&all, "%s,%d\n",
			                devon->indicators[i].id, r);
		}
		snprintf(text, sizeof text, "%s", all.data);
		oaip_buf_free(&all);
		dir_put(&d,
		        school == 0   ? "A.csv"
		        : school == 1 ? "B.csv"
		                      : "C.csv",
		        text, 0);
	}
	dir_put(&d, "D.csv", "indicator,rating\nwelcome-1,3\nwelcome-2,3\n", 0);
	oaip_comparison *c = compare_dir(&d);

	const size_t *sup;
	size_t need;
	size_t n = oaip_comparison_support(c, &sup, &need);
	/* A: 3 gaps, B: 1 gap, D: low coverage; C: nothing to support. */
	assert_int_equal(n, 3);
	assert_int_equal(need, 3);
	assert_string_equal(oaip_comparison_school(c, sup[0])->school, "A");
	assert_string_equal(oaip_comparison_school(c, sup[1])->school, "B");
	assert_string_equal(oaip_comparison_school(c, sup[2])->school, "D");

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_comparison_support_reasons(c, oaip_comparison_school(c, sup[0]),
	                                &b);
	assert_non_null(strstr(b.data, "3 indicators below the target"));
	assert_non_null(strstr(b.data, "lowest: Welcome and Care "));
	b.len = 0;
	oaip_comparison_support_reasons(c, oaip_comparison_school(c, sup[2]),
	                                &b);
	assert_non_null(strstr(b.data, "only 2 of 20 indicators rated"));
	assert_null(strstr(b.data, "below the target"));
	oaip_buf_free(&b);

	/* welcome-1 is rated below target by A and B: both to invite. */
	const oaip_priority *p;
	size_t np = oaip_comparison_priorities(c, &p);
	assert_true(np >= 1);
	assert_string_equal(devon->indicators[p[0].indicator].id, "welcome-1");
	const size_t *inv;
	assert_int_equal(oaip_comparison_invites(c, 0, &inv), 2);
	assert_string_equal(oaip_comparison_school(c, inv[0])->school, "A");
	assert_string_equal(oaip_comparison_school(c, inv[1])->school, "B");
	assert_int_equal(oaip_comparison_invites(c, np, &inv), 0);
	oaip_comparison_free(c);
	dir_free(&d);
}

/* ---- the tool's own reports ---------------------------------------------- */

static void test_own_output_is_skipped(void **state)
{
	(void)state;
	assert_true(
	    oaip_is_own_output("\xEF\xBB\xBFschool,file,overall,x", 27));
	assert_true(oaip_is_own_output(
	    "\xEF\xBB\xBFSchool,URN,Phase,File,Overall,Overall band", 45));
	assert_true(
	    oaip_is_own_output("school,urn,phase,file,indicator,x", 33));
	assert_false(oaip_is_own_output("indicator,rating\n", 17));
	assert_false(oaip_is_own_output("school", 6));

	struct dir d;
	dir_new(&d);
	dir_put(&d, "a.csv", "indicator,rating\nwelcome-1,2\n", 0);
	dir_put(&d, "area.csv", "\xEF\xBB\xBFschool,file,overall,\r\n", 0);
	oaip_comparison *c = compare_dir(&d);
	assert_int_equal(oaip_comparison_count(c), 1);
	assert_int_equal(oaip_comparison_unreadable(c), 0);
	const oaip_skipped *k;
	assert_int_equal(oaip_comparison_skipped(c, &k), 1);
	assert_non_null(strstr(k[0].file, "/area.csv"));
	assert_non_null(strstr(k[0].reason, "written by oaip-eval"));
	oaip_comparison_free(c);
	dir_free(&d);
}

/* ---- the area over time -------------------------------------------------- */

static void test_change_rounds_first(void **state)
{
	(void)state;
	oaip_change ch = oaip_change_of(true, 33.333, true, 66.666);
	assert_true(ch.has);
	assert_true(ch.then == 33.3 && ch.now == 66.7);
	assert_true(ch.change > 33.39 && ch.change < 33.41);
	assert_false(oaip_change_of(false, 0, true, 50).has);
}

static void test_previous_matched_by_name_then_file(void **state)
{
	(void)state;
	struct dir now, then;
	dir_new(&now);
	dir_new(&then);
	/* Oak matches by name, "Elm School.csv" now and "elm school.csv"
	 * then by name too (case aside); Ash has no earlier return; Yew
	 * had one and has none now. */
	dir_put(&now, "Oak.csv", "indicator,rating\nwelcome-1,3\n", 0);
	dir_put(&now, "Elm School.csv", "indicator,rating\nwelcome-1,0\n", 0);
	dir_put(&now, "Ash.csv", "indicator,rating\nwelcome-1,2\n", 0);
	dir_put(&then, "Oak.csv", "indicator,rating\nwelcome-1,1\n", 0);
	dir_put(&then, "elm school.csv", "indicator,rating\nwelcome-1,2\n", 0);
	dir_put(&then, "Yew.csv", "indicator,rating\nwelcome-2,2\n", 0);
	oaip_comparison *c = compare_dir(&now);
	oaip_comparison *p = compare_dir(&then);
	assert_true(oaip_comparison_set_previous(c, p));
	assert_ptr_equal(oaip_comparison_previous(c), p);

	const oaip_school *oak = by_file(c, "/Oak.csv");
	assert_int_equal(oak->match, OAIP_MATCH_NAME);
	const oaip_school *oak_then = oaip_comparison_school_then(c, oak);
	assert_non_null(oak_then);
	assert_non_null(strstr(oak_then->file, then.path));
	const oaip_school *elm = by_file(c, "/Elm School.csv");
	assert_int_equal(elm->match, OAIP_MATCH_NAME);
	const oaip_school *ash = by_file(c, "/Ash.csv");
	assert_int_equal(ash->match, OAIP_MATCH_NONE);
	assert_null(oaip_comparison_school_then(c, ash));

	/* Yew (then) was matched by nobody. */
	size_t unmatched = 0;
	for (size_t i = 0; i < oaip_comparison_count(p); i++)
		if (!oaip_comparison_then_matched(c, i)) {
			unmatched++;
			assert_string_equal(
			    oaip_comparison_school(p, i)->school, "Yew");
		}
	assert_int_equal(unmatched, 1);

	/* Oak rose from 33.3 to 100, Elm fell from 66.7 to 0. */
	const size_t *v;
	assert_int_equal(oaip_comparison_improved(c, &v), 1);
	assert_ptr_equal(oaip_comparison_school(c, v[0]), oak);
	assert_int_equal(oaip_comparison_slipped(c, &v), 1);
	assert_ptr_equal(oaip_comparison_school(c, v[0]), elm);

	oaip_comparison_free(c);
	oaip_comparison_free(p);
	dir_free(&now);
	dir_free(&then);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_natural_cmp),
	    cmocka_unit_test(test_schools_in_natural_order),
	    cmocka_unit_test(test_identical_files_counted_once),
	    cmocka_unit_test(test_identical_copy_keeps_the_plain_name),
	    cmocka_unit_test(test_same_name_counts_the_newest),
	    cmocka_unit_test(test_heat_shade_follows_the_band),
	    cmocka_unit_test(test_support_ranked_with_reasons),
	    cmocka_unit_test(test_own_output_is_skipped),
	    cmocka_unit_test(test_change_rounds_first),
	    cmocka_unit_test(test_previous_matched_by_name_then_file),
	};
	return cmocka_run_group_tests(tests, frameworks_setup,
	                              frameworks_teardown);
}
