/* test_compare.c - aggregation over many returns: the area's spread
 * (mean, quartiles, median, minimum, maximum), the training priorities and
 * their order, low coverage, unreadable returns, and the reports built
 * from hand-made results; then many real files read on two threads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "oaip.h"
#include "table.h"

/* cmocka's assert_float_equal compares floats; scores are doubles. */
#define assert_near(a, b, eps)                                                 \
	assert_true(fabs((double)(a) - (double)(b)) <= (double)(eps))

/* ---- a small hand-built framework: 12 indicators, 3 per cornerstone ---- */

#define N_IND 12

static oaip_level levels[] = {
    {0, "not-yet", "Not yet", NULL},
    {1, "emerging", "Emerging", NULL},
    {2, "established", "Established", NULL},
    {3, "embedded", "Embedded", NULL},
};
static oaip_indicator indicators[N_IND];
static char ids[N_IND][8];
static oaip_framework fw = {
    .id = "test",
    .title = "Test framework",
    .publisher = "Test council",
    .attribution = "Made for the tests.",
    .source_name = "test.xml",
    .scale = {levels, 4, 2},
    .indicators = indicators,
    .n_indicators = N_IND,
};

static void make_framework(void)
{
	for (size_t i = 0; i < N_IND; i++) {
		snprintf(ids[i], sizeof ids[i], "i%02zu", i + 1);
		indicators[i].id = ids[i];
		indicators[i].text = ids[i];
		indicators[i].cornerstone = (oaip_cornerstone)(i / 3);
		indicators[i].weight = 1;
	}
}

/* A result as oaip_score_compute would make it: every cornerstone scored
 * `score` (or null when score < 0) with `rated` of 3 rated; the
 * indicators listed in gaps rated below target, the others rated at or
 * above it. */
struct fake {
	oaip_selfeval se;
	oaip_result r;
	size_t gaps[N_IND], strengths[N_IND];
};

static void fake_init(struct fake *f, const char *file, const double score[4],
                      const size_t rated[4], const char *gaps)
{
	memset(f, 0, sizeof *f);
	f->se.file = (char *)file;
	f->se.school = (char *)file;
	f->se.fw = &fw;
	f->r.fw = &fw;
	f->r.se = &f->se;
	f->r.target = 2;
	double sum = 0;
	int n = 0;
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		oaip_cornerstone_score *cs = &f->r.cs[c];
		cs->total = 3;
		cs->rated = rated[c];
		cs->empty = 3 - rated[c];
		if (score[c] >= 0) {
			cs->has_score = true;
			cs->score = score[c];
			sum += score[c];
			n++;
		}
	}
	if (n) {
		f->r.has_overall = true;
		f->r.overall = sum / n;
	}
	/* gaps: a string of indicator numbers "1 5 7" */
	for (const char *p = gaps; *p;) {
		char *end;
		long k = strtol(p, &end, 10);
		if (end == p)
			break;
		f->gaps[f->r.n_gaps++] = (size_t)k - 1;
		p = end;
	}
	f->r.gaps = f->gaps;
	f->r.strengths = f->strengths;
}

/* A school whose four cornerstones all score s (null if s < 0), fully
 * rated, with the given gaps. */
static bool add(oaip_comparison *c, const char *file, double s,
                const char *gaps)
{
	struct fake f;
	const double score[4] = {s, s, s, s};
	const size_t rated[4] = {s < 0 ? 0 : 3, s < 0 ? 0 : 3, s < 0 ? 0 : 3,
	                         s < 0 ? 0 : 3};
	fake_init(&f, file, score, rated, gaps);
	return oaip_comparison_add_result(c, &f.r);
}

static oaip_comparison *new_comparison(void)
{
	oaip_comparison *c = oaip_comparison_new(&fw, NULL);
	assert_non_null(c);
	return c;
}

/* ---- spread ----------------------------------------------------------- */

static void test_spread_odd(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	/* Added out of order: the spread sorts, and so does the table, by
	 * name. */
	assert_true(add(c, "e.csv", 100, ""));
	assert_true(add(c, "a.csv", 10, ""));
	assert_true(add(c, "d.csv", 40, ""));
	assert_true(add(c, "b.csv", 20, ""));
	assert_true(add(c, "c.csv", 30, ""));
	oaip_comparison_finish(c);
	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		const oaip_spread *sp = oaip_comparison_spread(c, w);
		assert_int_equal(sp->n, 5);
		assert_near(sp->mean, 40.0, 1e-9);
		assert_near(sp->min, 10.0, 1e-9);
		assert_near(sp->q1, 20.0, 1e-9);
		assert_near(sp->median, 30.0, 1e-9);
		assert_near(sp->q3, 40.0, 1e-9);
		assert_near(sp->max, 100.0, 1e-9);
	}
	assert_string_equal(oaip_comparison_school(c, 0)->file, "a.csv");
	assert_string_equal(oaip_comparison_school(c, 4)->file, "e.csv");
	assert_null(oaip_comparison_spread(c, -1));
	assert_null(oaip_comparison_spread(c, OAIP_N_CORNERSTONES + 1));
	oaip_comparison_free(c);
}

static void test_spread_even_interpolates(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	/* 1 2 3 4: linear interpolation between closest ranks gives
	 * Q1 = 1.75, median 2.5, Q3 = 3.25 (QUARTILE.INC). */
	assert_true(add(c, "a.csv", 4, ""));
	assert_true(add(c, "b.csv", 1, ""));
	assert_true(add(c, "c.csv", 3, ""));
	assert_true(add(c, "d.csv", 2, ""));
	oaip_comparison_finish(c);
	const oaip_spread *sp = oaip_comparison_spread(c, OAIP_N_CORNERSTONES);
	assert_int_equal(sp->n, 4);
	assert_near(sp->mean, 2.5, 1e-9);
	assert_near(sp->q1, 1.75, 1e-9);
	assert_near(sp->median, 2.5, 1e-9);
	assert_near(sp->q3, 3.25, 1e-9);
	assert_near(sp->min, 1, 1e-9);
	assert_near(sp->max, 4, 1e-9);
	oaip_comparison_free(c);
}

static void test_spread_skips_null_scores(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	struct fake f;
	/* Communicate is rated by one school only; nobody rated Work in
	 * Partnership: its spread is empty, never a row of zeros. */
	const double s1[4] = {50, 60, 70, -1}, s2[4] = {100, 80, -1, -1};
	const size_t r1[4] = {3, 3, 3, 0}, r2[4] = {3, 3, 0, 0};
	fake_init(&f, "one.csv", s1, r1, "");
	assert_true(oaip_comparison_add_result(c, &f.r));
	fake_init(&f, "two.csv", s2, r2, "");
	assert_true(oaip_comparison_add_result(c, &f.r));
	assert_true(add(c, "none.csv", -1, ""));
	oaip_comparison_finish(c);

	const oaip_spread *wc =
	    oaip_comparison_spread(c, OAIP_WELCOME_AND_CARE);
	assert_int_equal(wc->n, 2);
	assert_near(wc->mean, 75, 1e-9);
	assert_near(wc->q1, 62.5, 1e-9);
	const oaip_spread *co = oaip_comparison_spread(c, OAIP_COMMUNICATE);
	assert_int_equal(co->n, 1);
	assert_near(co->min, 70, 1e-9);
	assert_near(co->q1, 70, 1e-9);
	assert_near(co->max, 70, 1e-9);
	const oaip_spread *wp =
	    oaip_comparison_spread(c, OAIP_WORK_IN_PARTNERSHIP);
	assert_int_equal(wp->n, 0);
	assert_near(wp->mean, 0, 0);
	const oaip_spread *all = oaip_comparison_spread(c, OAIP_N_CORNERSTONES);
	assert_int_equal(all->n, 2);
	assert_near(all->min, 60, 1e-9); /* (50+60+70)/3 */
	assert_near(all->max, 90, 1e-9); /* (100+80)/2 */
	oaip_comparison_free(c);
}

/* ---- priorities --------------------------------------------------------- */

static void test_priorities_order(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	struct fake f;
	const double s[4] = {50, 50, 50, 50};
	const size_t r[4] = {3, 3, 3, 3};
	/* i05 below target in 3 schools, i02 and i09 in 2 each, i12 in 1.
	 * The fourth school rated i02 at target, so i02 was rated by 3
	 * schools and i09 by 2: i09's share below target is larger and it
	 * comes first. */
	assert_true(add(c, "a.csv", 50, "5 2 9"));
	assert_true(add(c, "b.csv", 50, "5 9 12"));
	assert_true(add(c, "c.csv", 50, "5 2"));
	fake_init(&f, "d.csv", s, r, "");
	f.strengths[f.r.n_strengths++] = 1; /* i02 at target */
	assert_true(oaip_comparison_add_result(c, &f.r));
	oaip_comparison_finish(c);

	const oaip_priority *p;
	size_t n = oaip_comparison_priorities(c, &p);
	assert_int_equal(n, 4);
	assert_string_equal(indicators[p[0].indicator].id, "i05");
	assert_int_equal(p[0].below, 3);
	assert_int_equal(p[0].rated, 3);
	assert_string_equal(indicators[p[1].indicator].id, "i09");
	assert_int_equal(p[1].below, 2);
	assert_int_equal(p[1].rated, 2);
	assert_string_equal(indicators[p[2].indicator].id, "i02");
	assert_int_equal(p[2].below, 2);
	assert_int_equal(p[2].rated, 3);
	assert_string_equal(indicators[p[3].indicator].id, "i12");
	assert_int_equal(p[3].below, 1);
	oaip_comparison_free(c);
}

static void test_priorities_top_ten_ties_in_framework_order(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	/* Every indicator below target in one school, i12 in two: i12
	 * first, then i01..i09 in framework order; i10 and i11 do not make
	 * the top ten. */
	assert_true(add(c, "a.csv", 10, "1 2 3 4 5 6 7 8 9 10 11 12"));
	assert_true(add(c, "b.csv", 10, "12"));
	oaip_comparison_finish(c);
	const oaip_priority *p;
	size_t n = oaip_comparison_priorities(c, &p);
	assert_int_equal(n, OAIP_COMPARE_PRIORITIES);
	assert_string_equal(indicators[p[0].indicator].id, "i12");
	for (size_t i = 1; i < n; i++)
		assert_int_equal(p[i].indicator, i - 1);
	oaip_comparison_free(c);
}

static void test_no_priorities_when_nothing_below(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	assert_true(add(c, "a.csv", 100, ""));
	oaip_comparison_finish(c);
	const oaip_priority *p;
	assert_int_equal(oaip_comparison_priorities(c, &p), 0);

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_MARKDOWN, &o, &b);
	assert_non_null(strstr(b.data, "No school rated any indicator below "
	                               "the target."));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* ---- coverage ------------------------------------------------------------ */

static void test_low_coverage(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	struct fake f;
	const double s[4] = {50, 50, 50, 50};
	/* 6 of 12 rated: exactly half is not low; 5 of 12 is. */
	const size_t half[4] = {3, 3, 0, 0}, less[4] = {3, 2, 0, 0};
	fake_init(&f, "half.csv", s, half, "");
	assert_true(oaip_comparison_add_result(c, &f.r));
	fake_init(&f, "less.csv", s, less, "");
	assert_true(oaip_comparison_add_result(c, &f.r));
	oaip_comparison_finish(c);

	const oaip_school *h = oaip_comparison_school(c, 0);
	assert_int_equal(h->rated, 6);
	assert_int_equal(h->total, 12);
	assert_false(h->low_coverage);
	const oaip_school *l = oaip_comparison_school(c, 1);
	assert_int_equal(l->rated, 5);
	assert_true(l->low_coverage);
	assert_int_equal(oaip_comparison_low_coverage(c), 1);

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_MARKDOWN, &o, &b);
	assert_non_null(strstr(b.data, "fewer than half (50%)"));
	assert_non_null(strstr(b.data, "| less.csv | less.csv | 5 of 12 "
	                               "(41.7%) |"));
	assert_null(strstr(b.data, "| half.csv | half.csv | 6 of 12"));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* ---- unreadable returns ---------------------------------------------------
 */

static void test_failure_kept_with_errors(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_NOTE, "r/bad-one.csv", 0, "a note, not kept");
	for (long line = 2; line < 16; line++)
		oaip_diags_add(&d, OAIP_ERROR, "r/bad-one.csv", line,
		               "rating 'x%ld' is not one of 0-3", line);
	assert_true(add(c, "good.csv", 50, "1"));
	assert_true(oaip_comparison_add_failure(c, "r/bad-one.csv", &d));
	assert_int_equal(d.n, 15); /* not changed */
	oaip_comparison_finish(c);

	assert_int_equal(oaip_comparison_count(c), 2);
	assert_int_equal(oaip_comparison_unreadable(c), 1);
	/* "Bad One" comes before "good.csv" by name. */
	const oaip_school *s = oaip_comparison_school(c, 0);
	assert_false(s->readable);
	/* The school's name comes from the file name, as written. */
	assert_string_equal(s->school, "bad one");
	assert_int_equal(s->n_errors, OAIP_COMPARE_MAX_ERRORS);
	assert_int_equal(s->n_errors_total, 14);
	assert_int_equal(s->errors[0].line, 2);
	assert_string_equal(s->errors[0].message,
	                    "rating 'x2' is not one of 0-3");
	/* Unreadable returns count in no spread. */
	assert_int_equal(oaip_comparison_spread(c, 0)->n, 1);

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_MARKDOWN, &o, &b);
	assert_non_null(strstr(b.data, "r/bad-one.csv:2: rating 'x2' is not "
	                               "one of 0-3"));
	assert_non_null(strstr(b.data, "and 4 more errors"));
	assert_non_null(strstr(b.data, "2: 1 read, 1 could not be read"));
	oaip_buf_free(&b);

	oaip_buf_init(&b);
	oaip_render_compare(c, OAIP_FORMAT_CSV, &o, &b);
	/* Every column between the file and the error is empty: the 25
	 * columns of the header. */
	assert_non_null(strstr(b.data, "\r\nbad one,,,r/bad-one.csv,"
	                               ",,,,,,,,,,,,,,,,,,,,"
	                               "r/bad-one.csv:2: rating 'x2' is not "
	                               "one of 0-3 (and 13 more errors)"
	                               "\r\n"));
	oaip_buf_free(&b);
	oaip_diags_free(&d);
	oaip_comparison_free(c);
}

/* ---- reports --------------------------------------------------------------
 */

static void test_csv_neutralises_formulas(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	assert_true(add(c, "=HYPERLINK(\"http://x\")", 66.66, ""));
	assert_true(add(c, "+cmd", 50, ""));
	assert_true(add(c, "-2+3", 50, ""));
	assert_true(add(c, "@SUM(A1)", 50, ""));
	assert_true(add(c, "plain, with comma", -1, ""));
	oaip_comparison_finish(c);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_CSV, &o, &b);
	static const char header[] =
	    "\xEF\xBB\xBFSchool,URN,Phase,File,"
	    "Overall,Overall band,Overall rated,Overall applicable,"
	    "Welcome and Care,Welcome and Care band,Welcome and Care rated,"
	    "Welcome and Care applicable,"
	    "Value and Include,Value and Include band,"
	    "Value and Include rated,Value and Include applicable,"
	    "Communicate,Communicate band,Communicate rated,"
	    "Communicate applicable,"
	    "Work in Partnership,Work in Partnership band,"
	    "Work in Partnership rated,Work in Partnership applicable,"
	    "Error\r\n";
	assert_memory_equal(b.data, header, sizeof header - 1);
	assert_non_null(strstr(b.data, "\r\n\"'=HYPERLINK(\"\"http://x\"\")\","
	                               ",,\"'=HYPERLINK(\"\"http://x\"\")\","
	                               "66.7,At target,12,12,"
	                               "66.7,At target,3,3,66.7,At target,3,3,"
	                               "66.7,At target,3,3,66.7,At target,3,3,"
	                               "\r\n"));
	assert_non_null(strstr(b.data, "\r\n\"'+cmd\",,,\"'+cmd\",50.0,"));
	assert_non_null(strstr(b.data, "\r\n\"'-2+3\",,,\"'-2+3\","));
	assert_non_null(strstr(b.data, "\r\n\"'@SUM(A1)\",,,\"'@SUM(A1)\","));
	assert_non_null(strstr(b.data, "\r\n\"plain, with comma\",,,\"plain, "
	                               "with comma\",,Not yet evaluated,0,12,"
	                               ",Not yet evaluated,0,3,"));
	/* No line of the file starts a cell with a formula character. */
	for (const char *p = b.data; (p = strstr(p, "\r\n")) != NULL; p += 2)
		assert_null(strchr("=+-@", p[2] ? p[2] : 'x'));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

static void test_html_escapes_and_has_no_script(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	assert_true(add(c, "<script>alert(1)</script>.csv", 70, "1"));
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "<img src=x onerror=alert(1)>.csv", 3,
	               "rating '<b>' is not one of 0-3");
	assert_true(oaip_comparison_add_failure(
	    c, "<img src=x onerror=alert(1)>.csv", &d));
	oaip_diags_free(&d);
	oaip_comparison_finish(c);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_HTML, &o, &b);
	assert_null(strstr(b.data, "<script"));
	assert_null(strstr(b.data, "<img"));
	assert_null(strstr(b.data, "<b>"));
	assert_non_null(strstr(b.data, "&lt;script&gt;"));
	assert_non_null(strstr(b.data, "&lt;img src=x onerror=alert(1)&gt;"));
	/* The heat map: a caption, header cells with scope, and each cell
	 * with its number and words as well as its shade. */
	assert_non_null(strstr(b.data, "<caption id=\"heat-caption\">"));
	assert_non_null(strstr(b.data, "<th scope=\"row\">"));
	assert_non_null(strstr(b.data, "<th scope=\"col\""));
	/* shaded by its band (test_area.c checks which) */
	assert_non_null(strstr(b.data, "<td class=\"num heat-"));
	assert_non_null(strstr(b.data, "\"><span "
	                               "class=\"score\">70.0</span><br>"));
	assert_non_null(strstr(b.data, "3 of 3 rated"));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

static void test_json_shape(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	struct fake f;
	const double s[4] = {100, 66.66666, 33.3333, -1};
	const size_t r[4] = {3, 3, 3, 0};
	fake_init(&f, "dir/\"quoted\"\tname.csv", s, r, "4");
	assert_true(oaip_comparison_add_result(c, &f.r));
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "bad.csv", 7, "duplicate 'i01'");
	assert_true(oaip_comparison_add_failure(c, "bad.csv", &d));
	oaip_diags_free(&d);
	oaip_comparison_finish(c);

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_JSON, &o, &b);
	json_error_t err;
	json_t *root = json_loads(b.data, 0, &err);
	if (!root)
		fail_msg("invalid JSON at line %d: %s", err.line, err.text);
	json_t *schools = json_object_get(root, "schools");
	assert_int_equal(json_array_size(schools), 1);
	json_t *s0 = json_array_get(schools, 0);
	assert_string_equal(json_string_value(json_object_get(s0, "file")),
	                    "dir/\"quoted\"\tname.csv");
	assert_near(json_real_value(json_object_get(s0, "overall")), 66.7,
	            1e-9);
	json_t *cs = json_object_get(s0, "cornerstones");
	assert_int_equal(json_array_size(cs), 4);
	assert_string_equal(
	    json_string_value(json_object_get(json_array_get(cs, 1), "id")),
	    "value-and-include");
	assert_near(
	    json_real_value(json_object_get(json_array_get(cs, 1), "score")),
	    66.7, 1e-9);
	assert_true(
	    json_is_null(json_object_get(json_array_get(cs, 3), "score")));
	assert_int_equal(
	    json_integer_value(json_object_get(json_array_get(cs, 3), "total")),
	    3);
	json_t *pr = json_object_get(root, "priorities");
	assert_int_equal(json_array_size(pr), 1);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(pr, 0), "indicator")),
	                    "i04");
	json_t *bad = json_object_get(root, "unreadable");
	assert_int_equal(json_array_size(bad), 1);
	json_t *e0 = json_array_get(
	    json_object_get(json_array_get(bad, 0), "errors"), 0);
	assert_int_equal(json_integer_value(json_object_get(e0, "line")), 7);
	json_t *area =
	    json_object_get(json_object_get(root, "area"), "measures");
	assert_int_equal(json_array_size(area), 5);
	assert_string_equal(
	    json_string_value(json_object_get(json_array_get(area, 4), "id")),
	    "overall");
	json_decref(root);
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* The area workbook: a zip that compare knows as its own, whose "Heat
 * map" sheet (read back with the program's own reader) has the CSV's
 * headings and a row per school, school names that look like formulas
 * kept as the text they are, scores as numbers and bands in words. */
static void test_xlsx_heat_map(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	assert_true(add(c, "=HYPERLINK(\"http://x\")", 66.66, ""));
	assert_true(add(c, "@SUM(A1)", 50, ""));
	assert_true(add(c, "plain", -1, ""));
	oaip_comparison_finish(c);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	assert_true(oaip_render_compare(c, OAIP_FORMAT_XLSX, &o, &b));
	assert_false(b.failed);
	assert_memory_equal(b.data, "PK", 2);
	assert_true(oaip_is_own_output(b.data, b.len));

	oaip_diags d;
	oaip_diags_init(&d);
	oaip_table *t =
	    oaip_table_read_memory(b.data, b.len, "area.xlsx", "Heat map", &d);
	assert_non_null(t);
	assert_string_equal(t->sheet, "Heat map");
	const oaip_table_row *h = &t->rows[0];
	assert_string_equal(oaip_table_cell(t, h, 0), "School");
	assert_string_equal(oaip_table_cell(t, h, 4), "Overall");
	assert_string_equal(oaip_table_cell(t, h, 5), "Overall band");
	assert_string_equal(oaip_table_cell(t, h, 23),
	                    "Work in Partnership applicable");
	assert_string_equal(oaip_table_cell(t, h, 24), "");
	/* The schools by name, then a blank row and the key. */
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 0),
	                    "=HYPERLINK(\"http://x\")");
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 4), "66.7");
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 5), "At target");
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 6), "12");
	assert_string_equal(oaip_table_cell(t, &t->rows[2], 0), "@SUM(A1)");
	assert_string_equal(oaip_table_cell(t, &t->rows[3], 0), "plain");
	assert_string_equal(oaip_table_cell(t, &t->rows[3], 4), "");
	assert_string_equal(oaip_table_cell(t, &t->rows[3], 5),
	                    "Not yet evaluated");
	assert_int_equal(t->rows[4].line, 6);
	oaip_table_free(t);

	/* The long table, row for row. */
	t = oaip_table_read_memory(b.data, b.len, "area.xlsx", "Ratings", &d);
	assert_non_null(t);
	assert_string_equal(oaip_table_cell(t, &t->rows[0], 8), "below_target");
	assert_int_equal(d.n, 0);
	oaip_table_free(t);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* Each score in the CSV has its counts beside it: per cornerstone the
 * indicators rated and the indicators that apply. */
static void test_csv_counts_per_cornerstone(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	struct fake f;
	const double s[4] = {100, 50, 0, -1};
	const size_t r[4] = {3, 2, 1, 0};
	fake_init(&f, "uneven.csv", s, r, "");
	assert_true(oaip_comparison_add_result(c, &f.r));
	oaip_comparison_finish(c);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_CSV, &o, &b);
	/* overall 50.0 = (100 + 50 + 0) / 3; Work in Partnership has no
	 * score but still its counts: 0 of 3. */
	assert_non_null(strstr(b.data, "\r\nuneven.csv,,,uneven.csv,"
	                               "50.0,At target,6,12,"
	                               "100.0,Above target,3,3,"
	                               "50.0,At target,2,3,"
	                               "0.0,Too few rated to judge,1,3,"
	                               ",Not yet evaluated,0,3,\r\n"));
	/* Every line has the header's 25 columns. */
	size_t lines = 0;
	for (const char *p = b.data; *p;) {
		const char *end = strstr(p, "\r\n");
		assert_non_null(end);
		size_t commas = 0;
		for (const char *q = p; q < end; q++)
			commas += *q == ',';
		assert_int_equal(commas, 24);
		lines++;
		p = end + 2;
	}
	assert_int_equal(lines, 2);
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* Render c in format into a new buffer (the caller frees it). */
static oaip_buf render(const oaip_comparison *c, oaip_format format)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, format, &o, &b);
	assert_false(b.failed);
	assert_non_null(b.data);
	return b;
}

/* A large area's JSON (its schools written in parts, on as many threads
 * as the machine has) is one valid document with every school once, in
 * the report's order, each with its own scores. */
static void test_json_many_schools_in_order(void **state)
{
	(void)state;
	enum { N = 2000 };
	oaip_comparison *c = new_comparison();
	for (int i = 0; i < N; i++) {
		char file[32];
		snprintf(file, sizeof file, "school-%04d.csv", i);
		assert_true(add(c, file, (double)(i % 4) * 100 / 3, ""));
	}
	oaip_comparison_finish(c);
	oaip_buf b = render(c, OAIP_FORMAT_JSON);
	json_error_t err;
	json_t *root = json_loads(b.data, 0, &err);
	if (!root)
		fail_msg("invalid JSON at line %d: %s", err.line, err.text);
	json_t *schools = json_object_get(root, "schools");
	assert_int_equal(json_array_size(schools), N);
	for (int i = 0; i < N; i++) {
		json_t *s = json_array_get(schools, (size_t)i);
		char file[32];
		snprintf(file, sizeof file, "school-%04d.csv", i);
		assert_string_equal(
		    json_string_value(json_object_get(s, "file")), file);
		assert_near(json_real_value(json_object_get(s, "overall")),
		            (double)(i % 4) * 100 / 3, 0.051);
	}
	json_decref(root);
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* When no return could be read the report says so plainly, in every
 * format, and nothing reads like good news. */
static void test_nothing_readable(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "a.csv", 3, "duplicate 'i01'");
	assert_true(oaip_comparison_add_failure(c, "a.csv", &d));
	oaip_diags_free(&d);
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "gone/", 0, "no such file or directory");
	assert_true(oaip_comparison_add_failure(c, "gone/", &d));
	oaip_diags_free(&d);
	oaip_comparison_finish(c);
	/* A directory's name is still its name with the slash taken off. */
	assert_string_equal(oaip_comparison_school(c, 1)->school, "gone");

	oaip_buf b = render(c, OAIP_FORMAT_MARKDOWN);
	assert_non_null(strstr(b.data, "**Returns:** 2: 0 read, 2 could not "
	                               "be read"));
	assert_non_null(strstr(b.data, "**None of the returns could be read, "
	                               "so this report has no scores, area "
	                               "figures or training priorities.**"));
	assert_non_null(strstr(b.data, "## Training priorities\n\nNone of the "
	                               "returns could be read, so there are "
	                               "no training priorities."));
	assert_non_null(strstr(b.data, "## Area averages and spread\n\nNone "
	                               "of the returns could be read, so "
	                               "there are no area figures."));
	assert_non_null(strstr(b.data, "- a.csv\n  - a.csv:3: duplicate "
	                               "'i01'\n"));
	assert_non_null(strstr(b.data, "gone/: no such file or directory"));
	assert_null(strstr(b.data, "No school rated any indicator"));
	assert_null(strstr(b.data, "Over the 0"));
	assert_null(strstr(b.data, "None: every"));
	assert_null(strstr(b.data, "| Overall |"));
	oaip_buf_free(&b);

	b = render(c, OAIP_FORMAT_HTML);
	assert_non_null(strstr(b.data, "<p class=\"notice\"><strong>None of "
	                               "the returns could be read, so this "
	                               "report has no scores, area figures "
	                               "or training priorities.</strong>"));
	assert_non_null(strstr(b.data, "<code>a.csv:3</code>: duplicate "
	                               "&#39;i01&#39;") ||
	                strstr(b.data, "<code>a.csv:3</code>: duplicate "
	                               "&#x27;i01&#x27;"));
	assert_null(strstr(b.data, "No school rated any indicator"));
	assert_null(strstr(b.data, "Over the 0"));
	assert_null(strstr(b.data, "None: every"));
	assert_null(strstr(b.data, "<svg"));
	assert_null(strstr(b.data, "heat-caption"));
	oaip_buf_free(&b);

	/* CSV: still one row per return, each with its error. */
	b = render(c, OAIP_FORMAT_CSV);
	assert_non_null(strstr(b.data, "\r\na,,,a.csv,,,,,,,,,,,,,,,,,,,,,"
	                               "a.csv:3: duplicate 'i01'\r\n"
	                               "gone,,,gone/,,,,,,,,,,,,,,,,,,,,,"
	                               "gone/: no such file or directory\r\n"));
	oaip_buf_free(&b);

	/* JSON: the same structure, with nothing in it but the facts. */
	b = render(c, OAIP_FORMAT_JSON);
	json_error_t err;
	json_t *root = json_loadb(b.data, b.len, 0, &err);
	if (!root)
		fail_msg("invalid JSON at line %d: %s", err.line, err.text);
	assert_int_equal(json_integer_value(json_object_get(root, "returns")),
	                 2);
	assert_int_equal(json_integer_value(json_object_get(root, "read")), 0);
	assert_true(json_is_array(json_object_get(root, "schools")));
	assert_int_equal(json_array_size(json_object_get(root, "schools")), 0);
	assert_true(json_is_array(json_object_get(root, "priorities")));
	assert_int_equal(json_array_size(json_object_get(root, "priorities")),
	                 0);
	json_t *m = json_object_get(json_object_get(root, "area"), "measures");
	assert_int_equal(json_array_size(m), 5);
	for (size_t i = 0; i < 5; i++) {
		json_t *x = json_array_get(m, i);
		assert_int_equal(
		    json_integer_value(json_object_get(x, "schools")), 0);
		assert_true(json_is_null(json_object_get(x, "mean")));
		assert_true(json_is_null(json_object_get(x, "median")));
	}
	assert_int_equal(json_array_size(json_object_get(root, "unreadable")),
	                 2);
	json_decref(root);
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* Schools were read but none rated anything: no training priorities can
 * be given, and the report does not pretend none are needed. */
static void test_nothing_rated(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	assert_true(add(c, "blank.csv", -1, ""));
	oaip_comparison_finish(c);
	oaip_buf b = render(c, OAIP_FORMAT_MARKDOWN);
	assert_non_null(strstr(b.data, "None of the returns that could be "
	                               "read rated any indicator, so there "
	                               "are no training priorities."));
	assert_null(strstr(b.data, "No school rated any indicator below"));
	assert_non_null(strstr(b.data, "| blank.csv | blank.csv | 0 of 12 "
	                               "(0.0%) |"));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* The heat map fits the page: its own style sheet in the head lays the
 * table out with fixed column widths on paper and on wide screens, and
 * each cell holds the number, the band and the count apart. */
static void test_html_heat_map_fits_the_page(void **state)
{
	(void)state;
	oaip_comparison *c = new_comparison();
	assert_true(add(c,
	                "a-school-with-a-very-long-name-indeed-"
	                "and-longer-still.csv",
	                55.5, "1"));
	oaip_comparison_finish(c);
	oaip_buf b = render(c, OAIP_FORMAT_HTML);
	const char *head_end = strstr(b.data, "</head>");
	assert_non_null(head_end);
	const char *css = strstr(b.data, "table.heat{table-layout:fixed");
	assert_non_null(css);
	assert_true(css < head_end);
	const char *print = strstr(b.data, "@media print{\n.page.wide");
	assert_non_null(print);
	assert_true(print < head_end);
	assert_non_null(strstr(print, "table.heat{table-layout:fixed;"));
	assert_non_null(strstr(print, "table.heat col.school{width:25%}"));
	assert_non_null(strstr(print, "table.heat col.score{width:15%}"));
	assert_non_null(strstr(b.data, "@media screen and (min-width:900px){"
	                               "\ntable.heat{table-layout:fixed}"));
	/* No style sheet in the body, and no widths in style attributes
	 * of the heat map that could push it off the page. */
	assert_null(strstr(head_end, "<style"));
	const char *heat = strstr(b.data, "<table class=\"data heat\"");
	assert_non_null(heat);
	const char *heat_end = strstr(heat, "</table>");
	assert_non_null(heat_end);
	const char *attr = strstr(heat, "style=");
	assert_true(!attr || attr > heat_end);
	/* One column for the school and five equal ones for the scores. */
	assert_non_null(strstr(b.data,
	                       "<colgroup><col class=\"school\"><col "
	                       "class=\"score\" span=\"5\"></colgroup>"));
	assert_non_null(strstr(b.data,
	                       "\"><span class=\"score\">"
	                       "55.5</span><br><span class=\"cell-band\">"));
	assert_non_null(strstr(b.data, "</span><br><span class=\"cell-count "
	                               "muted\">3 of 3 rated</span></td>"));
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

/* The JSON is written by hand; parsed back with jansson, every name must
 * come back as it went in (bytes that are not UTF-8 read as
 * Windows-1252) and every member the reports promise must be there. */
static void test_json_hostile_names_round_trip(void **state)
{
	(void)state;
	/* A framework whose own text needs escaping too. */
	oaip_level hl[4];
	memcpy(hl, levels, sizeof hl);
	hl[2].label = "Est\"ab\\lished\t\x01";
	oaip_framework hfw = fw;
	hfw.title = "Title \"q\" \\ \t\n\x1b end";
	hfw.scale.levels = hl;
	oaip_comparison *c = oaip_comparison_new(&hfw, NULL);
	assert_non_null(c);

	/* Valid UTF-8 with quotes, backslashes, tab, newline, CR, control
	 * characters, DEL and non-ASCII text of two, three and four bytes. */
	static const char file_a[] =
	    "dir/\"q\"\\b\tt\nn\rr\x01"
	    "a\x1b"
	    "e\x7f"
	    "d caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80.csv";
	static const char school_a[] = "Sch\"ool\\ \t\n\x01\x1b\x7f \xc3\xa9 "
	                               "\xe2\x82\xac";
	/* Not UTF-8: read as Windows-1252. */
	static const char file_b[] = "\x93quoted\x94 \x96 dash\x01.csv";
	static const char file_b_utf8[] = "\xe2\x80\x9cquoted\xe2\x80\x9d "
	                                  "\xe2\x80\x93 dash\x01.csv";
	static const char school_b[] = "\x93Q\x94\xff";
	static const char school_b_utf8[] = "\xe2\x80\x9cQ\xe2\x80\x9d\xc3\xbf";
	static const char file_c[] = "caf\xe9 \x80 \xff.csv";
	static const char file_c_utf8[] =
	    "caf\xc3\xa9 \xe2\x82\xac \xc3\xbf.csv";
	static const char school_c_utf8[] = "caf\xc3\xa9 \xe2\x82\xac \xc3\xbf";
	static const char message_c[] = "rating '\"\\\t\x01\x7f' is not one "
	                                "of 0-3";

	struct fake f;
	const double sa[4] = {100, 66.66666, 33.3333, -1};
	const size_t ra[4] = {3, 3, 3, 0};
	fake_init(&f, file_a, sa, ra, "4");
	f.se.school = (char *)school_a;
	assert_true(oaip_comparison_add_result(c, &f.r));
	const double sb[4] = {50, -1, -1, -1};
	const size_t rb[4] = {1, 0, 0, 0};
	fake_init(&f, file_b, sb, rb, "");
	f.se.school = (char *)school_b;
	assert_true(oaip_comparison_add_result(c, &f.r));
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, file_c, 9, "%s", message_c);
	assert_true(oaip_comparison_add_failure(c, file_c, &d));
	oaip_diags_free(&d);
	oaip_comparison_finish(c);

	oaip_buf b = render(c, OAIP_FORMAT_JSON);
	json_error_t err;
	json_t *root = json_loadb(b.data, b.len, 0, &err);
	if (!root)
		fail_msg("invalid JSON at line %d: %s", err.line, err.text);
	assert_true(json_is_object(root));
	assert_string_equal(
	    json_string_value(json_object_get(root, "framework_title")),
	    hfw.title);
	json_t *target = json_object_get(root, "target");
	assert_true(json_is_integer(target));
	assert_int_equal(json_integer_value(target), 2);
	assert_string_equal(
	    json_string_value(json_object_get(root, "target_label")),
	    hl[2].label);

	json_t *schools = json_object_get(root, "schools");
	assert_int_equal(json_array_size(schools), 2);
	const char *want_file[] = {file_a, file_b_utf8};
	const char *want_school[] = {school_a, school_b_utf8};
	const size_t *want_rated[] = {ra, rb};
	for (size_t i = 0; i < 2; i++) {
		json_t *s = json_array_get(schools, i);
		assert_string_equal(
		    json_string_value(json_object_get(s, "file")),
		    want_file[i]);
		assert_string_equal(
		    json_string_value(json_object_get(s, "school")),
		    want_school[i]);
		assert_true(json_is_number(json_object_get(s, "overall")));
		json_t *cs = json_object_get(s, "cornerstones");
		assert_int_equal(json_array_size(cs), OAIP_N_CORNERSTONES);
		for (size_t k = 0; k < OAIP_N_CORNERSTONES; k++) {
			json_t *e = json_array_get(cs, k);
			assert_string_equal(
			    json_string_value(json_object_get(e, "id")),
			    oaip_cornerstone_id((oaip_cornerstone)k));
			assert_string_equal(
			    json_string_value(json_object_get(e, "title")),
			    oaip_cornerstone_title((oaip_cornerstone)k));
			json_t *score = json_object_get(e, "score");
			assert_true(want_rated[i][k] ? json_is_number(score)
			                             : json_is_null(score));
			assert_int_equal(
			    json_integer_value(json_object_get(e, "rated")),
			    want_rated[i][k]);
			assert_int_equal(
			    json_integer_value(json_object_get(e, "total")), 3);
		}
	}
	assert_near(json_number_value(
	                json_object_get(json_array_get(schools, 0), "overall")),
	            66.7, 1e-9);

	json_t *low =
	    json_object_get(json_object_get(root, "low_coverage"), "schools");
	assert_int_equal(json_array_size(low), 1);
	assert_string_equal(
	    json_string_value(json_object_get(json_array_get(low, 0), "file")),
	    file_b_utf8);

	json_t *bad = json_object_get(root, "unreadable");
	assert_int_equal(json_array_size(bad), 1);
	json_t *u = json_array_get(bad, 0);
	assert_string_equal(json_string_value(json_object_get(u, "file")),
	                    file_c_utf8);
	assert_string_equal(json_string_value(json_object_get(u, "school")),
	                    school_c_utf8);
	json_t *e0 = json_array_get(json_object_get(u, "errors"), 0);
	assert_string_equal(json_string_value(json_object_get(e0, "file")),
	                    file_c_utf8);
	assert_int_equal(json_integer_value(json_object_get(e0, "line")), 9);
	assert_string_equal(json_string_value(json_object_get(e0, "message")),
	                    message_c);
	json_decref(root);
	oaip_buf_free(&b);
	oaip_comparison_free(c);
}

static void test_target_must_be_a_level(void **state)
{
	(void)state;
	oaip_compare_options o = {.target = 7, .phase = 0};
	assert_null(oaip_comparison_new(&fw, &o));
	o.target = 3;
	oaip_comparison *c = oaip_comparison_new(&fw, &o);
	assert_non_null(c);
	assert_int_equal(oaip_comparison_target(c), 3);
	oaip_comparison_free(c);
}

/* ---- many real files on two threads ---------------------------------------
 */

struct seen {
	size_t calls;
	size_t last_done;
	bool in_order;
	size_t with_errors;
	char first_error[256];
};

static void on_file(void *ud, size_t done, size_t total, const char *file,
                    const oaip_diags *d)
{
	struct seen *s = ud;
	(void)total;
	(void)file;
	if (done != s->last_done + 1)
		s->in_order = false;
	s->last_done = done;
	s->calls++;
	if (oaip_diags_count(d, OAIP_ERROR)) {
		if (!s->with_errors)
			snprintf(s->first_error, sizeof s->first_error,
			         "%s:%ld", d->items[0].file, d->items[0].line);
		s->with_errors++;
	}
}

static void test_add_files_threads_keep_order(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *devon = oaip_framework_load("devon", &d);
	oaip_diags_free(&d);
	if (!devon)
		skip();

	char dir[] = "/tmp/test-compare-XXXXXX";
	assert_non_null(mkdtemp(dir));
	enum { N = 60 };
	char *paths[N];
	for (int i = 0; i < N; i++) {
		char name[64];
		snprintf(name, sizeof name, "%s/school-%02d.csv", dir, i);
		paths[i] = strdup(name);
		FILE *fp = fopen(name, "w");
		assert_non_null(fp);
		fputs("indicator,rating,evidence\n", fp);
		if (i == 17)
			fputs("welcome-1,2,ok\nwelcome-2,sometimes,\n", fp);
		else
			/* School i rates welcome-1 at i % 4: schools 0, 1, 4,
			 * 5, ... are below target. */
			fprintf(fp, "welcome-1,%d,\"evidence, %d\"\n", i % 4,
			        i);
		fclose(fp);
	}
	oaip_comparison *c = oaip_comparison_new(devon, NULL);
	assert_non_null(c);
	struct seen seen = {.in_order = true};
	assert_true(oaip_comparison_add_files(c, (const char *const *)paths, N,
	                                      2, on_file, &seen));
	oaip_comparison_finish(c);

	assert_int_equal(seen.calls, N);
	assert_true(seen.in_order);
	assert_int_equal(seen.with_errors, 1);
	char want[300];
	snprintf(want, sizeof want, "%s/school-17.csv:3", dir);
	assert_string_equal(seen.first_error, want);
	assert_int_equal(oaip_comparison_count(c), N);
	assert_int_equal(oaip_comparison_unreadable(c), 1);
	for (int i = 0; i < N; i++) {
		const oaip_school *s = oaip_comparison_school(c, (size_t)i);
		assert_string_equal(s->file, paths[i]);
		if (i == 17) {
			assert_false(s->readable);
			assert_int_equal(s->errors[0].line, 3);
			continue;
		}
		assert_true(s->readable);
		assert_true(s->cs[OAIP_WELCOME_AND_CARE].has_score);
		assert_near(s->cs[OAIP_WELCOME_AND_CARE].score,
		            100.0 * (i % 4) / 3, 1e-9);
		assert_int_equal(s->rated, 1);
		assert_true(s->low_coverage);
	}
	const oaip_priority *p;
	assert_int_equal(oaip_comparison_priorities(c, &p), 1);
	assert_string_equal(devon->indicators[p[0].indicator].id, "welcome-1");
	/* 59 schools rated it; those with i % 4 < 2 (30 of 60, less school
	 * 17 which is 17 % 4 = 1) are below target. */
	assert_int_equal(p[0].rated, 59);
	assert_int_equal(p[0].below, 29);

	/* The same files on one thread give the same report. */
	oaip_comparison *one = oaip_comparison_new(devon, NULL);
	assert_true(oaip_comparison_add_files(one, (const char *const *)paths,
	                                      N, 1, NULL, NULL));
	oaip_comparison_finish(one);
	oaip_buf a, b;
	oaip_buf_init(&a);
	oaip_buf_init(&b);
	oaip_render_options o = {.date = "2026-01-02", .program_version = "t"};
	oaip_render_compare(c, OAIP_FORMAT_JSON, &o, &a);
	oaip_render_compare(one, OAIP_FORMAT_JSON, &o, &b);
	assert_string_equal(a.data, b.data);
	/* And on seven threads, or on as many as the machine has (0): the
	 * same report. */
	for (unsigned t = 0; t <= 7; t += 7) {
		oaip_comparison *many = oaip_comparison_new(devon, NULL);
		assert_true(oaip_comparison_add_files(
		    many, (const char *const *)paths, N, t, NULL, NULL));
		oaip_comparison_finish(many);
		b.len = 0;
		oaip_render_compare(many, OAIP_FORMAT_JSON, &o, &b);
		assert_string_equal(a.data, b.data);
		oaip_comparison_free(many);
	}
	oaip_buf_free(&a);
	oaip_buf_free(&b);
	oaip_comparison_free(one);

	for (int i = 0; i < N; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	rmdir(dir);
	oaip_comparison_free(c);
	oaip_framework_free(devon);
}

static void test_add_files_missing_file_is_a_failure(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *devon = oaip_framework_load("devon", &d);
	oaip_diags_free(&d);
	if (!devon)
		skip();
	oaip_comparison *c = oaip_comparison_new(devon, NULL);
	const char *paths[] = {"/nonexistent/dir/x.csv", "/"};
	assert_true(oaip_comparison_add_files(c, paths, 2, 0, NULL, NULL));
	assert_int_equal(oaip_comparison_unreadable(c), 2);
	const oaip_school *s = oaip_comparison_school(c, 0);
	assert_non_null(strstr(s->errors[0].message, "cannot open file"));
	s = oaip_comparison_school(c, 1);
	assert_string_equal(s->errors[0].message, "is a directory, not a file");
	oaip_comparison_free(c);
	oaip_framework_free(devon);
}

int main(void)
{
	make_framework();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spread_odd),
	    cmocka_unit_test(test_spread_even_interpolates),
	    cmocka_unit_test(test_spread_skips_null_scores),
	    cmocka_unit_test(test_priorities_order),
	    cmocka_unit_test(test_priorities_top_ten_ties_in_framework_order),
	    cmocka_unit_test(test_no_priorities_when_nothing_below),
	    cmocka_unit_test(test_low_coverage),
	    cmocka_unit_test(test_failure_kept_with_errors),
	    cmocka_unit_test(test_csv_neutralises_formulas),
	    cmocka_unit_test(test_html_escapes_and_has_no_script),
	    cmocka_unit_test(test_json_shape),
	    cmocka_unit_test(test_json_many_schools_in_order),
	    cmocka_unit_test(test_csv_counts_per_cornerstone),
	    cmocka_unit_test(test_xlsx_heat_map),
	    cmocka_unit_test(test_nothing_readable),
	    cmocka_unit_test(test_nothing_rated),
	    cmocka_unit_test(test_html_heat_map_fits_the_page),
	    cmocka_unit_test(test_json_hostile_names_round_trip),
	    cmocka_unit_test(test_target_must_be_a_level),
	    cmocka_unit_test(test_add_files_threads_keep_order),
	    cmocka_unit_test(test_add_files_missing_file_is_a_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
