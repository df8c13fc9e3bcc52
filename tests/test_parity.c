/* test_parity.c - every format says the same: for many generated returns
 * (both built-in frameworks and a weighted one with a scale from 1,
 * every phase, every target), each fact in the score report's JSON is
 * found in its Markdown and its HTML, and the comparison's JSON, CSV,
 * Markdown and HTML agree school by school.
 *
 * The Markdown is read as a reader sees it (parsed by cmark, escapes
 * undone) and the HTML as its visible text (tags dropped, entities
 * decoded), so a fact is found only if a reader can see it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <cmark.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* ---- reading what a reader sees ------------------------------------ */

static char *visible(const char *html)
{
	static const struct {
		const char *entity;
		const char *text;
	} entities[] = {{"&lt;", "<"},    {"&gt;", ">"},   {"&amp;", "&"},
	                {"&quot;", "\""}, {"&#34;", "\""}, {"&#39;", "'"},
	                {"&#x27;", "'"},  {"&nbsp;", " "}};
	oaip_buf b;
	oaip_buf_init(&b);
	const char *p = strstr(html, "<body>");
	bool space = false;
	for (p = p ? p : html; *p; p++) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			if (!end)
				break;
			space = true;
			p = end;
			continue;
		}
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = true;
			continue;
		}
		if (space && b.len)
			oaip_buf_putc(&b, ' ');
		space = false;
		if (*p == '&') {
			size_t i, n = sizeof entities / sizeof entities[0];
			for (i = 0; i < n; i++)
				if (strncmp(p, entities[i].entity,
				            strlen(entities[i].entity)) == 0)
					break;
			if (i < n) {
				oaip_buf_puts(&b, entities[i].text);
				p += strlen(entities[i].entity) - 1;
				continue;
			}
		}
		oaip_buf_putc(&b, *p);
	}
	assert_false(b.failed);
	return oaip_buf_detach(&b);
}

static char *md_visible(const char *md)
{
	char *html = cmark_markdown_to_html(md, strlen(md), CMARK_OPT_DEFAULT);
	assert_non_null(html);
	char *t = visible(html);
	free(html);
	return t;
}

/* Plain text with its runs of white space made single spaces, as the
 * visible text has them. */
static char *squeeze(const char *s)
{
	char *html = malloc(strlen(s) * 5 + 1);
	assert_non_null(html);
	/* Escape what visible() would take for markup. */
	size_t n = 0;
	for (; *s; s++) {
		if (*s == '<') {
			memcpy(html + n, "&lt;", 4);
			n += 4;
		} else if (*s == '&') {
			memcpy(html + n, "&amp;", 5);
			n += 5;
		} else {
			html[n++] = *s;
		}
	}
	html[n] = '\0';
	char *t = visible(html);
	free(html);
	return t;
}

#define assert_seen(text, fact, format, what)                                  \
	do {                                                                   \
		char *f_ = squeeze(fact);                                      \
		if (!strstr((text), f_))                                       \
			fail_msg("%s lacks %s '%s'", (format), (what), f_);    \
		free(f_);                                                      \
	} while (0)

/* ---- generated returns ---------------------------------------------- */

static unsigned long long seed;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static const char *const words[] = {"coffee", "morning", "review", "newsletter",
                                    "forum",  "SENCo",   "survey", "termly",
                                    "visit",  "family",  "plan",   "welcome"};

static void sentence(oaip_buf *b)
{
	unsigned n = 2 + rnd(6);
	for (unsigned i = 0; i < n; i++)
		oaip_buf_printf(b, "%s%s", i ? " " : "",
		                words[rnd(sizeof words / sizeof words[0])]);
}

/* A return for fw: each indicator rated at a random level, n/a or left
 * blank, some with evidence and next steps; coverage varies with k. */
static oaip_selfeval *make_return(const oaip_framework *fw, unsigned k,
                                  const char *name)
{
	oaip_buf csv;
	oaip_buf_init(&csv);
	oaip_buf_puts(&csv, "indicator,rating,evidence,next_steps\n");
	unsigned blank = k % 4 == 3 ? 70 : 15;
	for (size_t i = 0; i < fw->n_indicators; i++) {
		oaip_buf_printf(&csv, "%s,", fw->indicators[i].id);
		unsigned r = rnd(100);
		if (r < blank)
			;
		else if (r < blank + 8)
			oaip_buf_puts(&csv, "n/a");
		else
			oaip_buf_printf(
			    &csv, "%d",
			    fw->scale.levels[rnd((unsigned)fw->scale.n_levels)]
			        .value);
		oaip_buf_putc(&csv, ',');
		if (rnd(2))
			sentence(&csv);
		oaip_buf_putc(&csv, ',');
		if (rnd(3) == 0)
			sentence(&csv);
		oaip_buf_putc(&csv, '\n');
	}
	assert_false(csv.failed);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se =
	    oaip_selfeval_read_memory(fw, csv.data, csv.len, name, &d);
	if (!se)
		oaip_diags_print(&d, stderr);
	assert_non_null(se);
	oaip_diags_free(&d);
	oaip_buf_free(&csv);
	return se;
}

static char *render(const oaip_result *r, oaip_format f)
{
	static const oaip_render_options o = {.date = "2026-11-23",
	                                      .program_version = "9.9"};
	oaip_buf b;
	oaip_buf_init(&b);
	assert_true(oaip_render_score(r, f, &o, &b));
	assert_false(b.failed);
	return oaip_buf_detach(&b);
}

static void check_ids(const char *md, const char *html, json_t *a,
                      const char *what)
{
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v)
	{
		const char *id =
		    json_is_string(v)
		        ? json_string_value(v)
		        : json_string_value(json_object_get(v, "indicator"));
		assert_non_null(id);
		assert_seen(md, id, "Markdown", what);
		assert_seen(html, id, "HTML", what);
		const char *label =
		    json_string_value(json_object_get(v, "rating_label"));
		if (label) {
			assert_seen(md, label, "Markdown", "rating");
			assert_seen(html, label, "HTML", "rating");
		}
		const char *ev =
		    json_string_value(json_object_get(v, "evidence"));
		if (ev) {
			assert_seen(md, ev, "Markdown", "evidence");
			assert_seen(html, ev, "HTML", "evidence");
		}
	}
}

/* Every fact of the JSON in the Markdown and the HTML. */
static void check_score(const oaip_result *r)
{
	char *js = render(r, OAIP_FORMAT_JSON);
	char *mdsrc = render(r, OAIP_FORMAT_MARKDOWN);
	char *htmlsrc = render(r, OAIP_FORMAT_HTML);
	char *md = md_visible(mdsrc);
	char *html = visible(htmlsrc);
	json_error_t e;
	json_t *j = json_loads(js, 0, &e);
	if (!j)
		fail_msg("invalid JSON: %s", e.text);

	const char *facts[] = {"school", "framework_title", "target_label"};
	for (size_t k = 0; k < sizeof facts / sizeof facts[0]; k++) {
		const char *v = json_string_value(json_object_get(j, facts[k]));
		if (!v)
			continue;
		assert_seen(md, v, "Markdown", facts[k]);
		assert_seen(html, v, "HTML", facts[k]);
	}
	char num[64];
	json_t *overall = json_object_get(j, "overall");
	if (json_is_number(overall)) {
		snprintf(num, sizeof num, "%.1f%%", json_number_value(overall));
		assert_seen(md, num, "Markdown", "overall");
		assert_seen(html, num, "HTML", "overall");
	}
	snprintf(num, sizeof num, "%lld of %lld indicator",
	         (long long)json_integer_value(json_object_get(j, "rated")),
	         (long long)json_integer_value(json_object_get(j, "total")));
	assert_seen(md, num, "Markdown", "rated of total");
	assert_seen(html, num, "HTML", "rated of total");

	size_t i;
	json_t *cs;
	json_array_foreach(json_object_get(j, "cornerstones"), i, cs)
	{
		const char *title =
		    json_string_value(json_object_get(cs, "title"));
		const char *band =
		    json_string_value(json_object_get(cs, "band"));
		json_t *score = json_object_get(cs, "score");
		char row[256];
		if (json_is_number(score))
			snprintf(row, sizeof row, "%s %.1f%%", title,
			         json_number_value(score));
		else
			snprintf(row, sizeof row, "%s", title);
		/* The title, then its score, in the summary's row. */
		const char *m = strstr(md, "Cornerstone ");
		assert_non_null(m);
		char *row_md = squeeze(row);
		char *at = strstr(m, row_md);
		if (!at && json_is_number(score)) {
			/* Markdown's table is | Title | 66.7% ... | */
			char cells[256];
			snprintf(cells, sizeof cells, "%s | %.1f%%", title,
			         json_number_value(score));
			free(row_md);
			row_md = squeeze(cells);
			at = strstr(m, row_md);
		}
		if (!at)
			fail_msg("Markdown lacks the row '%s'", row_md);
		free(row_md);
		assert_seen(html, row, "HTML", "cornerstone score");
		assert_seen(md, band, "Markdown", "band");
		assert_seen(html, band, "HTML", "band");
		snprintf(
		    row, sizeof row, "%lld of %lld indicator",
		    (long long)json_integer_value(json_object_get(cs, "rated")),
		    (long long)json_integer_value(
		        json_object_get(cs, "total")));
		if (json_integer_value(json_object_get(cs, "total"))) {
			assert_seen(md, row, "Markdown", "counts");
			assert_seen(html, row, "HTML", "counts");
		}
	}
	check_ids(md, html, json_object_get(j, "gaps"), "gap");
	check_ids(md, html, json_object_get(j, "strengths"), "strength");
	check_ids(md, html, json_object_get(j, "not_evaluated"),
	          "not evaluated");
	check_ids(md, html, json_object_get(j, "not_applicable"),
	          "not applicable");

	json_t *part;
	json_array_foreach(json_object_get(j, "method"), i, part)
	{
		const char *text =
		    json_string_value(json_object_get(part, "text"));
		const char *band =
		    json_string_value(json_object_get(part, "band"));
		assert_seen(md, text, "Markdown", "method");
		assert_seen(html, text, "HTML", "method");
		if (band) {
			assert_seen(md, band, "Markdown", "method band");
			assert_seen(html, band, "HTML", "method band");
		}
	}
	json_decref(j);
	free(js);
	free(mdsrc);
	free(htmlsrc);
	free(md);
	free(html);
}

static oaip_framework *load(const char *spec)
{
	char path[4096];
	const char *top = getenv("top_srcdir");
	if (strchr(spec, '/')) {
		snprintf(path, sizeof path, "%s/%s", top ? top : ".", spec);
		spec = path;
	}
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load(spec, &d);
	if (!fw)
		oaip_diags_print(&d, stderr);
	assert_non_null(fw);
	oaip_diags_free(&d);
	return fw;
}

static const char *const frameworks[] = {"devon", "west-sussex",
                                         "tests/data/score/weighted.xml",
                                         "tests/data/score/phased.xml"};
static const unsigned phases[] = {0, OAIP_PHASE_EARLY_YEARS, OAIP_PHASE_SCHOOL,
                                  OAIP_PHASE_POST16};

static void test_score_formats_agree(void **state)
{
	(void)state;
	size_t reports = 0;
	for (size_t f = 0; f < sizeof frameworks / sizeof frameworks[0]; f++) {
		oaip_framework *fw = load(frameworks[f]);
		seed = 1000 + f;
		for (unsigned k = 0; k < 6; k++) {
			char name[64];
			snprintf(name, sizeof name, "school-%u.csv", k);
			oaip_selfeval *se = make_return(fw, k, name);
			for (size_t p = 0; p < 4; p++)
				for (size_t t = 0; t < fw->scale.n_levels;
				     t++) {
					oaip_score_options o = {
					    fw->scale.levels[t].value,
					    phases[p]};
					oaip_result *r =
					    oaip_score_compute(se, &o);
					assert_non_null(r);
					check_score(r);
					oaip_result_free(r);
					reports++;
				}
			oaip_selfeval_free(se);
		}
		oaip_framework_free(fw);
	}
	assert_true(reports > 200);
}

/* ---- since last time ---------------------------------------------------- */

static char *render_prev(const oaip_result *r, const oaip_progress *p,
                         oaip_format f)
{
	oaip_render_options o = {
	    .date = "2026-11-23", .program_version = "9.9", .previous = p};
	oaip_buf b;
	oaip_buf_init(&b);
	assert_true(oaip_render_score(r, f, &o, &b));
	assert_false(b.failed);
	return oaip_buf_detach(&b);
}

static void seen_both(const char *md, const char *html, const char *fact,
                      const char *what)
{
	assert_seen(md, fact, "Markdown", what);
	assert_seen(html, fact, "HTML", what);
}

/* Every fact of JSON "previous" in the Markdown and the HTML. */
static void test_previous_formats_agree(void **state)
{
	(void)state;
	size_t reports = 0;
	for (size_t f = 0; f < 2; f++) {
		oaip_framework *fw = load(frameworks[f]);
		seed = 2000 + f;
		for (unsigned k = 0; k < 6; k++) {
			oaip_selfeval *then = make_return(fw, k, "last.csv");
			oaip_selfeval *now = make_return(fw, k + 1, "now.csv");
			oaip_score_options o = {.target = -1, .phase = 0};
			oaip_result *rt = oaip_score_compute(then, &o);
			oaip_result *rn = oaip_score_compute(now, &o);
			oaip_diags d;
			oaip_diags_init(&d);
			oaip_progress *p = oaip_progress_compute(rt, rn, &d);
			assert_non_null(p);
			oaip_diags_free(&d);

			char *js = render_prev(rn, p, OAIP_FORMAT_JSON);
			char *mdsrc = render_prev(rn, p, OAIP_FORMAT_MARKDOWN);
			char *htmlsrc = render_prev(rn, p, OAIP_FORMAT_HTML);
			char *md = md_visible(mdsrc);
			char *html = visible(htmlsrc);
			json_error_t e;
			json_t *j = json_loads(js, 0, &e);
			assert_non_null(j);
			json_t *prev = json_object_get(j, "previous");
			assert_non_null(prev);
			char fact[128];
			size_t i;
			json_t *c;
			json_array_foreach(
			    json_object_get(prev, "cornerstones"), i, c)
			{
				json_t *score = json_object_get(c, "score");
				json_t *change = json_object_get(c, "change");
				if (json_is_number(score)) {
					snprintf(fact, sizeof fact, "%.1f%%",
					         json_number_value(score));
					seen_both(md, html, fact, "score then");
				}
				if (json_is_number(change)) {
					double v = json_number_value(change);
					if (v > 0.05 || v < -0.05)
						snprintf(fact, sizeof fact,
						         "%s %.1f points",
						         v > 0 ? "up" : "down",
						         v > 0 ? v : -v);
					else
						snprintf(fact, sizeof fact,
						         "no change");
					seen_both(md, html, fact, "change");
				}
			}
			json_t *m;
			json_array_foreach(json_object_get(prev, "moved"), i, m)
			    seen_both(md, html,
			              json_string_value(
			                  json_object_get(m, "indicator")),
			              "moved");
			json_array_foreach(json_object_get(prev, "new_gaps"), i,
			                   m)
			    seen_both(md, html, json_string_value(m),
			              "new gap");
			json_decref(j);
			free(js);
			free(mdsrc);
			free(htmlsrc);
			free(md);
			free(html);
			oaip_progress_free(p);
			oaip_result_free(rt);
			oaip_result_free(rn);
			oaip_selfeval_free(then);
			oaip_selfeval_free(now);
			reports++;
		}
		oaip_framework_free(fw);
	}
	assert_true(reports == 12);
}

/* ---- the comparison ----------------------------------------------------- */

static char *render_cmp(const oaip_comparison *c, oaip_format f)
{
	static const oaip_render_options o = {.date = "2026-11-23",
	                                      .program_version = "9.9"};
	oaip_buf b;
	oaip_buf_init(&b);
	assert_true(oaip_render_compare(c, f, &o, &b));
	assert_false(b.failed);
	return oaip_buf_detach(&b);
}

/* The figures in order within text, from the school's file up to the next
 * school's. */
static void in_order(const char *text, const char *file, const char *next,
                     char figures[][32], size_t n, const char *format)
{
	char *f = squeeze(file);
	const char *p = strstr(text, f);
	if (!p)
		fail_msg("%s lacks the school '%s'", format, f);
	const char *end = NULL;
	if (next) {
		char *g = squeeze(next);
		end = strstr(p + strlen(f), g);
		free(g);
	}
	p += strlen(f);
	for (size_t i = 0; i < n; i++) {
		const char *q = strstr(p, figures[i]);
		if (!q || (end && q > end))
			fail_msg("%s: '%s' lacks %s in its row", format, f,
			         figures[i]);
		p = q + strlen(figures[i]);
	}
	free(f);
}

/* A score as CSV gives it: empty when there is none. */
static const char *num(const char *fig)
{
	return fig[0] >= '0' && fig[0] <= '9' ? fig : "";
}

static void test_compare_formats_agree(void **state)
{
	(void)state;
	for (size_t f = 0; f < sizeof frameworks / sizeof frameworks[0]; f++) {
		oaip_framework *fw = load(frameworks[f]);
		oaip_compare_options co = {-1, 0};
		oaip_comparison *c = oaip_comparison_new(fw, &co);
		assert_non_null(c);
		seed = 2000 + f;
		oaip_selfeval *se[12];
		for (unsigned k = 0; k < 12; k++) {
			char name[64];
			snprintf(name, sizeof name, "dir/school-%02u.csv", k);
			se[k] = make_return(fw, k, name);
			oaip_score_options so = {-1, 0};
			oaip_result *r = oaip_score_compute(se[k], &so);
			assert_non_null(r);
			assert_true(oaip_comparison_add_result(c, r));
			oaip_result_free(r);
		}
		assert_true(oaip_comparison_finish(c));

		char *js = render_cmp(c, OAIP_FORMAT_JSON);
		char *csv = render_cmp(c, OAIP_FORMAT_CSV);
		char *mdsrc = render_cmp(c, OAIP_FORMAT_MARKDOWN);
		char *htmlsrc = render_cmp(c, OAIP_FORMAT_HTML);
		char *md = md_visible(mdsrc);
		char *html = visible(htmlsrc);
		json_error_t e;
		json_t *j = json_loads(js, 0, &e);
		if (!j)
			fail_msg("invalid JSON: %s", e.text);
		json_t *schools = json_object_get(j, "schools");
		assert_int_equal(json_array_size(schools), 12);
		size_t i;
		json_t *s;
		json_array_foreach(schools, i, s)
		{
			const char *file =
			    json_string_value(json_object_get(s, "file"));
			json_t *nx = json_array_get(schools, i + 1);
			const char *next =
			    nx ? json_string_value(json_object_get(nx, "file"))
			       : NULL;
			char fig[5][32];
			json_t *o = json_object_get(s, "overall");
			/* A school with no overall score has no cornerstone
			 * score either: its cells say why, in the words of
			 * each cornerstone's band. */
			if (json_is_number(o))
				snprintf(fig[0], 32, "%.1f",
				         json_number_value(o));
			else
				snprintf(fig[0], 32, "%s", "");
			size_t k;
			json_t *cs;
			json_array_foreach(json_object_get(s, "cornerstones"),
			                   k, cs)
			{
				json_t *sc = json_object_get(cs, "score");
				const char *band = json_string_value(
				    json_object_get(cs, "band"));
				if (json_is_number(sc))
					snprintf(fig[k + 1], 32, "%.1f",
					         json_number_value(sc));
				else
					snprintf(fig[k + 1], 32, "%.*s",
					         (int)strcspn(band, "("), band);
			}
			in_order(md, file, next, fig, 5, "Markdown");
			in_order(html, file, next, fig, 5, "HTML");
			/* CSV: School, URN, Phase, File, then for the
			 * overall score and each cornerstone four columns,
			 * the score first. */
			char key[512];
			snprintf(key, sizeof key, ",%s,", file);
			const char *row = strstr(csv, key);
			if (!row)
				fail_msg("CSV lacks the row of '%s'", file);
			while (row > csv && row[-1] != '\n')
				row--;
			const char *want[5] = {json_is_number(o) ? fig[0] : "",
			                       num(fig[1]), num(fig[2]),
			                       num(fig[3]), num(fig[4])};
			for (int m = 0; m < 5; m++) {
				/* Field 4 + 4m, counting from 0. */
				const char *p = row;
				for (int col = 0; col < 4 + 4 * m; col++)
					p = strchr(p, ',') + 1;
				size_t n = strcspn(p, ",\r");
				if (n != strlen(want[m]) ||
				    strncmp(p, want[m], n) != 0)
					fail_msg(
					    "CSV row of '%s': measure %d is "
					    "'%.*s', not '%s'",
					    file, m, (int)n, p, want[m]);
			}
		}
		/* Weights explained in every format when the framework has
		 * them. */
		bool weighted = strstr(frameworks[f], "weighted") != NULL;
		const char *w = "carry more weight";
		assert_int_equal(strstr(md, w) != NULL, weighted);
		assert_int_equal(strstr(html, w) != NULL, weighted);
		assert_int_equal(strstr(js, w) != NULL, weighted);
		json_decref(j);
		free(js);
		free(csv);
		free(mdsrc);
		free(htmlsrc);
		free(md);
		free(html);
		for (unsigned k = 0; k < 12; k++)
			oaip_selfeval_free(se[k]);
		oaip_comparison_free(c);
		oaip_framework_free(fw);
	}
}

/* ---- parent carers across the area (compare --survey) ------------------- */

static char *render_area_survey(const oaip_comparison *c,
                                const oaip_area_survey *as, oaip_format f)
{
	oaip_render_options o = {
	    .date = "2026-11-23", .program_version = "9.9", .area_survey = as};
	oaip_buf b;
	oaip_buf_init(&b);
	assert_true(oaip_render_compare(c, f, &o, &b));
	assert_false(b.failed);
	return oaip_buf_detach(&b);
}

/* Random answers to every question from n parent carers; some blank. */
static oaip_survey *make_survey(const oaip_framework *fw, size_t n)
{
	static const char *const answers[] = {"SA", "A", "D", "SD", "DK", ""};
	oaip_buf csv;
	oaip_buf_init(&csv);
	oaip_buf_puts(&csv, "Email");
	for (size_t i = 0; i < fw->n_indicators; i++)
		oaip_buf_printf(&csv, ",%s", fw->indicators[i].code);
	oaip_buf_putc(&csv, '\n');
	for (size_t r = 0; r < n; r++) {
		oaip_buf_printf(&csv, "p%zu@example.org", r);
		for (size_t i = 0; i < fw->n_indicators; i++)
			oaip_buf_printf(&csv, ",%s", answers[rnd(6)]);
		oaip_buf_putc(&csv, '\n');
	}
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey_options so = {0};
	oaip_survey *sv =
	    oaip_survey_read_memory(fw, csv.data, csv.len, "s.csv", &so, &d);
	if (!sv)
		oaip_diags_print(&d, stderr);
	assert_non_null(sv);
	oaip_diags_free(&d);
	oaip_buf_free(&csv);
	return sv;
}

/* Every fact of compare's JSON "survey" in its Markdown and HTML. */
static void test_area_survey_formats_agree(void **state)
{
	(void)state;
	for (size_t f = 0; f < 2; f++) {
		oaip_framework *fw = load(frameworks[f]);
		oaip_compare_options co = {-1, 0};
		oaip_comparison *c = oaip_comparison_new(fw, &co);
		assert_non_null(c);
		seed = 3000 + f;
		for (unsigned k = 0; k < 8; k++) {
			char name[64];
			snprintf(name, sizeof name, "dir/school-%02u.csv", k);
			oaip_selfeval *se = make_return(fw, k, name);
			oaip_score_options so = {-1, 0};
			oaip_result *r = oaip_score_compute(se, &so);
			assert_true(oaip_comparison_add_result(c, r));
			oaip_result_free(r);
			oaip_selfeval_free(se);
		}
		assert_true(oaip_comparison_finish(c));
		oaip_area_survey *as = oaip_area_survey_new(c, 0);
		assert_non_null(as);
		/* Schools 0-5 have surveys of 6 to 26 respondents; 6 and 7
		 * none; one file matches no school. */
		for (unsigned k = 0; k < 6; k++) {
			char name[64];
			snprintf(name, sizeof name, "s/school %02u survey.csv",
			         k);
			assert_true(oaip_area_survey_add(as, name));
		}
		assert_true(oaip_area_survey_add(as, "s/nobody.csv"));
		assert_true(oaip_area_survey_match(as));
		for (unsigned k = 0; k < 6; k++) {
			assert_int_equal(as->files[k].status,
			                 OAIP_ASURVEY_MATCHED);
			oaip_area_survey_set(as, k, make_survey(fw, 6 + 4 * k));
		}
		assert_true(oaip_area_survey_finish(as));

		char *js = render_area_survey(c, as, OAIP_FORMAT_JSON);
		char *csv = render_area_survey(c, as, OAIP_FORMAT_CSV);
		char *mdsrc = render_area_survey(c, as, OAIP_FORMAT_MARKDOWN);
		char *htmlsrc = render_area_survey(c, as, OAIP_FORMAT_HTML);
		char *md = md_visible(mdsrc);
		char *html = visible(htmlsrc);
		json_error_t e;
		json_t *j = json_loads(js, 0, &e);
		assert_non_null(j);
		json_t *sv = json_object_get(j, "survey");
		assert_non_null(sv);
		char fact[256];
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(sv, "schools"), i, x)
		{
			json_t *n = json_object_get(x, "respondents");
			json_t *po = json_object_get(x, "parent_overall");
			if (json_is_integer(n) && json_is_number(po)) {
				/* The count, then the overall score: the
				 * next cell (a table is text to cmark). */
				snprintf(
				    fact, sizeof fact,
				    "Parent carers (%lld answered) | %.1f%%",
				    (long long)json_integer_value(n),
				    json_number_value(po));
				assert_seen(md, fact, "Markdown",
				            "respondents");
				snprintf(fact, sizeof fact,
				         "Parent carers (%lld answered) %.1f%%",
				         (long long)json_integer_value(n),
				         json_number_value(po));
				assert_seen(html, fact, "HTML", "respondents");
				snprintf(fact, sizeof fact, ",%lld,%.1f,",
				         (long long)json_integer_value(n),
				         json_number_value(po));
				if (!strstr(csv, fact))
					fail_msg("CSV lacks '%s'", fact);
			}
			size_t k;
			json_t *cs;
			json_array_foreach(json_object_get(x, "cornerstones"),
			                   k, cs)
			{
				json_t *ps =
				    json_object_get(cs, "parent_score");
				if (!json_is_number(ps))
					continue;
				snprintf(fact, sizeof fact, "%.1f%%",
				         json_number_value(ps));
				seen_both(md, html, fact, "parent score");
			}
		}
		json_array_foreach(json_object_get(sv, "no_survey"), i, x)
		    seen_both(md, html,
		              json_string_value(json_object_get(x, "file")),
		              "no survey");
		json_t *area = json_object_get(sv, "area");
		json_array_foreach(json_object_get(area, "indicators"), i, x)
		{
			json_t *ans = json_object_get(x, "answered");
			json_t *pct = json_object_get(x, "agree_pct");
			if (!json_is_integer(ans) || !json_is_number(pct))
				continue;
			json_t *cn = json_object_get(x, "counts");
			snprintf(fact, sizeof fact,
			         "%lld of %lld parent carers who answered "
			         "agree (%.1f%%) at %lld school",
			         (long long)(json_integer_value(json_object_get(
			                         cn, "strongly_agree")) +
			                     json_integer_value(
			                         json_object_get(cn, "agree"))),
			         (long long)json_integer_value(ans),
			         json_number_value(pct),
			         (long long)json_integer_value(
			             json_object_get(x, "schools")));
			seen_both(md, html, fact, "area question");
		}
		json_array_foreach(json_object_get(area, "cornerstones"), i, x)
		{
			json_t *sc = json_object_get(x, "score");
			if (!json_is_number(sc))
				continue;
			snprintf(fact, sizeof fact, "%.1f%%",
			         json_number_value(sc));
			seen_both(md, html, fact, "area cornerstone");
		}
		json_array_foreach(json_object_get(sv, "differ"), i, x)
		{
			snprintf(
			    fact, sizeof fact, "(%s)",
			    json_string_value(json_object_get(x, "indicator")));
			seen_both(md, html, fact, "differ");
		}
		json_array_foreach(json_object_get(sv, "files_not_used"), i, x)
		    seen_both(md, html,
		              json_string_value(json_object_get(x, "file")),
		              "file not used");
		/* No respondent's email anywhere. */
		assert_null(strstr(js, "example.org"));
		assert_null(strstr(mdsrc, "example.org"));
		assert_null(strstr(htmlsrc, "example.org"));
		json_decref(j);
		free(js);
		free(csv);
		free(mdsrc);
		free(htmlsrc);
		free(md);
		free(html);
		oaip_area_survey_free(as);
		oaip_comparison_free(c);
		oaip_framework_free(fw);
	}
}

/* An unsupported pair is refused, with nothing written. */
static void test_unsupported_pairs(void **state)
{
	(void)state;
	assert_false(oaip_render_supported(OAIP_REPORT_SCORE, OAIP_FORMAT_CSV));
	assert_true(
	    oaip_render_supported(OAIP_REPORT_COMPARE, OAIP_FORMAT_CSV));
	oaip_framework *fw = load("devon");
	seed = 7;
	oaip_selfeval *se = make_return(fw, 0, "x.csv");
	oaip_score_options o = {-1, 0};
	oaip_result *r = oaip_score_compute(se, &o);
	oaip_buf b;
	oaip_buf_init(&b);
	assert_false(oaip_render_score(r, OAIP_FORMAT_CSV, NULL, &b));
	assert_int_equal(b.len, 0);
	/* a plan has no JSON; it used to fall back to Markdown */
	oaip_plan *p = oaip_plan_build(r);
	assert_non_null(p);
	assert_false(oaip_render_plan(p, OAIP_FORMAT_JSON, NULL, &b));
	assert_int_equal(b.len, 0);
	assert_true(oaip_render_plan(p, OAIP_FORMAT_CSV, NULL, &b));
	assert_true(b.len > 0);
	oaip_plan_free(p);
	/* the formats the commands name come from the same table */
	oaip_format v[8];
	assert_int_equal(oaip_render_formats(OAIP_REPORT_YOUSAID, v, 8), 2);
	assert_int_equal(v[0], OAIP_FORMAT_MARKDOWN);
	assert_int_equal(v[1], OAIP_FORMAT_HTML);
	assert_int_equal(oaip_render_formats(OAIP_REPORT_PLAN, v, 8), 4);
	assert_int_equal(v[2], OAIP_FORMAT_CSV);
	assert_int_equal(v[3], OAIP_FORMAT_XLSX);
	assert_int_equal(oaip_render_formats(OAIP_REPORT_SCORE, v, 1), 3);
	oaip_buf_free(&b);
	oaip_result_free(r);
	oaip_selfeval_free(se);
	oaip_framework_free(fw);
}

/* A section added to the model (report.h, "How to add a section") is
 * drawn by every format, with no renderer code of its own, and its text
 * escaped in each. */
static void test_added_section_in_every_format(void **state)
{
	(void)state;
	oaip_framework *fw = load("devon");
	seed = 11;
	oaip_selfeval *se = make_return(fw, 0, "x.csv");
	oaip_score_options so = {-1, 0};
	oaip_result *r = oaip_score_compute(se, &so);
	oaip_score_report *rep = oaip_score_report_build(r, NULL);
	assert_non_null(rep);
	oaip_arena *a = &rep->arena;
	oaip_rsection *s = oaip_rsection_add(
	    &rep->sections, a, OAIP_AFTER_SUMMARY, "two-views", "Two <views>");
	oaip_rsection_para(a, s, "%d parent carers answered.", 12);
	oaip_rsection_caution(a, s, "Few answered: read with care.");
	oaip_rsection_heading(a, s, "Welcome & Care");
	oaip_rsection_item(a, s, "W1", "Staff greet us.");
	oaip_rsection_item(a, s, NULL, "No label here.");
	oaip_rsection_quote(a, s, "They listen.", "Parent carer");
	static const oaip_rcolumn cols[] = {{"question", "Question", false},
	                                    {"agree", "Agree", true}};
	oaip_rtable *t = oaip_rsection_table(a, s, "Answers", cols, 2);
	const char *row1[] = {"W1 <b>", "7"};
	const char *row2[] = {"W2", "2.5"};
	oaip_rtable_row(a, t, row1);
	oaip_rtable_row(a, t, row2);
	oaip_rsection *later = oaip_rsection_add(
	    &rep->sections, a, OAIP_AFTER_LISTS, "plan", "A plan");
	oaip_rsection_para(a, later, "Owners to be agreed.");
	later->json = json_pack("{s:i}", "actions", 3);
	assert_false(a->failed);

	oaip_buf md, html, js;
	oaip_buf_init(&md);
	oaip_buf_init(&html);
	oaip_buf_init(&js);
	oaip_score_md(rep, &md);
	oaip_score_html(rep, &html);
	oaip_score_json(rep, &js);
	assert_false(md.failed || html.failed || js.failed);

	char *mt = md_visible(md.data);
	char *ht = visible(html.data);
	const char *facts[] = {"Two <views>",
	                       "12 parent carers answered.",
	                       "Few answered: read with care.",
	                       "Welcome & Care",
	                       "W1: Staff greet us.",
	                       "No label here.",
	                       "They listen.",
	                       "Parent carer",
	                       "W1 <b>",
	                       "Owners to be agreed."};
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
		assert_seen(mt, facts[i], "Markdown", "section text");
		assert_seen(ht, facts[i], "HTML", "section text");
	}
	/* In its place: after the summary, before the method. */
	const char *h2 = strstr(html.data, "<h2 id=\"two-views\">");
	assert_non_null(h2);
	assert_true(h2 > strstr(html.data, "<h2 id=\"summary\">"));
	assert_true(h2 < strstr(html.data, "<h2 id=\"how\">"));
	const char *m2 = strstr(md.data, "\n## Two ");
	assert_true(m2 > strstr(md.data, "\n## Summary"));
	assert_true(m2 < strstr(md.data, "\n## How scores"));
	assert_non_null(strstr(html.data, "<a href=\"#two-views\">"));
	assert_null(strstr(html.data, "<b>"));
	assert_non_null(strstr(md.data, "## Two \\<views>"));

	json_error_t e;
	json_t *j = json_loads(js.data, 0, &e);
	assert_non_null(j);
	json_t *tv = json_object_get(j, "two_views");
	assert_string_equal(json_string_value(json_object_get(tv, "title")),
	                    "Two <views>");
	json_t *rows = json_object_get(
	    json_array_get(json_object_get(tv, "tables"), 0), "rows");
	assert_int_equal(json_array_size(rows), 2);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(rows, 0), "question")),
	                    "W1 <b>");
	assert_int_equal(json_integer_value(
	                     json_object_get(json_array_get(rows, 0), "agree")),
	                 7);
	assert_true(json_real_value(json_object_get(json_array_get(rows, 1),
	                                            "agree")) == 2.5);
	assert_int_equal(json_array_size(json_object_get(tv, "items")), 2);
	assert_int_equal(json_array_size(json_object_get(tv, "quotes")), 1);
	/* A section that built its own JSON has it written as it is. */
	assert_int_equal(json_integer_value(json_object_get(
	                     json_object_get(j, "plan"), "actions")),
	                 3);
	json_decref(j);
	free(mt);
	free(ht);
	oaip_buf_free(&md);
	oaip_buf_free(&html);
	oaip_buf_free(&js);
	oaip_score_report_free(rep);
	oaip_result_free(r);
	oaip_selfeval_free(se);
	oaip_framework_free(fw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_score_formats_agree),
	    cmocka_unit_test(test_previous_formats_agree),
	    cmocka_unit_test(test_compare_formats_agree),
	    cmocka_unit_test(test_area_survey_formats_agree),
	    cmocka_unit_test(test_unsupported_pairs),
	    cmocka_unit_test(test_added_section_in_every_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
