/* render_framework_html.c - a whole framework as one accessible HTML page
 * (oaip-eval show -F html), for an authority's website: every strand,
 * expectation, indicator, example, parent carer's quote and question, with
 * the scale and the Four Cornerstones.  The page shell and style sheet are
 * html.c's; the words shared with the Markdown page are
 * render_framework.c's.  Every string goes through oaip_escape_html. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "render_framework.h"
#include "report.h"

/* What the page is, over its heading and in every printed page's
 * margin. */
#define KICKER "Partnership with parent carers · the framework in full"

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

/* Paragraphs separated by blank lines. */
static void paragraphs(oaip_buf *out, const char *s)
{
	while (s && *s) {
		const char *end = strstr(s, "\n\n");
		size_t n = end ? (size_t)(end - s) : strlen(s);
		char *p = oaip_strndup(s, n);
		if (!p) {
			out->failed = true;
			return;
		}
		oaip_buf_puts(out, "<p>");
		oaip_html_text_br(out, p);
		oaip_buf_puts(out, "</p>\n");
		free(p);
		s = end ? end + 2 : NULL;
	}
}

static void phases_note(oaip_buf *out, unsigned phases)
{
	if (!phases)
		return;
	oaip_buf_puts(out, " <span class=\"muted\">(");
	oaip_framework_phases_text(out, phases);
	oaip_buf_puts(out, ")</span>");
}

static void example_list(oaip_buf *out, const oaip_example *ex, size_t n,
                         bool practice_only)
{
	oaip_buf_puts(out, "<ul class=\"examples\">\n");
	for (size_t i = 0; i < n; i++) {
		if (practice_only && ex[i].kind != OAIP_EXAMPLE_PRACTICE)
			continue;
		oaip_buf_puts(out, "<li>");
		esc(out, ex[i].text);
		phases_note(out, ex[i].phases);
		oaip_buf_puts(out, "</li>\n");
	}
	oaip_buf_puts(out, "</ul>\n");
}

static void quote(oaip_buf *out, const oaip_example *ex)
{
	oaip_buf_puts(out, "<figure class=\"quote\">\n<blockquote><p>");
	esc(out, ex->text);
	oaip_buf_puts(out, "</p></blockquote>\n");
	if (ex->by || ex->phases) {
		oaip_buf_puts(out, "<figcaption>");
		if (ex->by) {
			oaip_buf_puts(out, "— <cite>");
			esc(out, ex->by);
			oaip_buf_puts(out, "</cite>");
		}
		phases_note(out, ex->phases);
		oaip_buf_puts(out, "</figcaption>\n");
	}
	oaip_buf_puts(out, "</figure>\n");
}

static void indicator(oaip_buf *out, const oaip_indicator *ind)
{
	oaip_buf_puts(out,
	              "<li class=\"indicator\"><p><span class=\"ind-id\">");
	esc(out, ind->id);
	oaip_buf_puts(out, "</span> ");
	esc(out, ind->text);
	oaip_buf_puts(out, "<br><span class=\"muted\">");
	esc(out, oaip_cornerstone_title(ind->cornerstone));
	oaip_buf_puts(out, " · ");
	oaip_framework_phases_text(out, ind->phases);
	if (ind->weight != 1.0)
		oaip_buf_printf(out, " · weight %g", ind->weight);
	oaip_buf_puts(out, "</span></p>\n");
	if (ind->ask) {
		oaip_buf_puts(out, "<p>Parent carers are asked (");
		esc(out, ind->code);
		oaip_buf_puts(out, "): ");
		esc(out, ind->ask);
		oaip_buf_puts(out, "</p>\n");
	}
	if (ind->n_examples)
		example_list(out, ind->examples, ind->n_examples, false);
	oaip_buf_puts(out, "</li>\n");
}

static void expectation(oaip_buf *out, const oaip_framework *fw,
                        const oaip_expectation *e)
{
	oaip_buf_puts(out, "<article class=\"expectation\" "
	                   "aria-labelledby=\"expectation-");
	esc(out, e->id);
	oaip_buf_puts(out, "\">\n<h3 id=\"expectation-");
	esc(out, e->id);
	oaip_buf_puts(out, "\">");
	esc(out, e->title ? e->title : e->statement);
	oaip_buf_puts(out, "</h3>\n");
	if (e->title) {
		oaip_buf_puts(out, "<p><strong>");
		esc(out, e->statement);
		oaip_buf_puts(out, "</strong></p>\n");
	}
	oaip_buf_puts(out, "<p class=\"muted\">Expectation <span "
	                   "class=\"ind-id\">");
	esc(out, e->id);
	oaip_buf_puts(out, "</span>");
	if (e->cornerstone >= 0) {
		oaip_buf_puts(out, " · ");
		esc(out,
		    oaip_cornerstone_title((oaip_cornerstone)e->cornerstone));
	}
	oaip_buf_puts(out, "</p>\n");
	for (size_t i = 0; i < e->n_notes; i++) {
		oaip_buf_puts(out, "<p>");
		esc(out, e->notes[i]);
		oaip_buf_puts(out, "</p>\n");
	}

	oaip_buf_printf(
	    out, "<h4>Indicators (%zu)</h4>\n<ul class=\"indicators\">\n",
	    e->n_indicators);
	for (size_t i = 0; i < e->n_indicators; i++)
		indicator(out, &fw->indicators[e->first_indicator + i]);
	oaip_buf_puts(out, "</ul>\n");

	if (oaip_framework_n_practice(e)) {
		oaip_buf_puts(
		    out,
		    "<div "
		    "class=\"practice\">\n<h4>" OAIP_FRAMEWORK_PRACTICE_TITLE
		    "</h4>\n");
		example_list(out, e->examples, e->n_examples, true);
		oaip_buf_puts(out, "</div>\n");
	}
	for (size_t i = 0; i < e->n_examples; i++)
		if (e->examples[i].kind == OAIP_EXAMPLE_QUOTE)
			quote(out, &e->examples[i]);
	oaip_buf_puts(out, "</article>\n");
}

static void meta(oaip_buf *out, const char *name, const char *value)
{
	if (!value)
		return;
	oaip_buf_printf(out, "<dt>%s</dt><dd>", name);
	esc(out, value);
	oaip_buf_puts(out, "</dd>\n");
}

static void header(const oaip_framework *fw, oaip_buf *out)
{
	oaip_buf_puts(
	    out, "<header>\n<div class=\"page\">\n<p class=\"kicker\">" KICKER
	         "</p>\n<h1>");
	esc(out, fw->title);
	oaip_buf_puts(out, "</h1>\n<dl class=\"meta\">\n");
	oaip_buf_puts(out, "<dt>Framework</dt><dd><span class=\"ind-id\">");
	esc(out, fw->id);
	oaip_buf_puts(out, "</span>");
	if (fw->version) {
		oaip_buf_puts(out, ", version ");
		esc(out, fw->version);
	}
	oaip_buf_puts(out, "</dd>\n");
	meta(out, "Publisher", fw->publisher);
	meta(out, "Section", fw->section);
	if (fw->url) {
		oaip_buf_puts(out, "<dt>Source</dt><dd>");
		if (oaip_url_is_link(fw->url)) {
			oaip_buf_puts(out, "<a href=\"");
			esc(out, fw->url);
			oaip_buf_puts(out, "\">");
			esc(out, fw->url);
			oaip_buf_puts(out, "</a>");
		} else {
			esc(out, fw->url);
		}
		oaip_buf_puts(out, "</dd>\n");
	}
	oaip_buf_printf(out, "<dt>Indicators</dt><dd>%zu</dd>\n</dl>\n",
	                fw->n_indicators);
	oaip_buf_puts(out, "<nav aria-label=\"Contents\">\n<ul>\n"
	                   "<li><a href=\"#scale\">Rating scale</a></li>\n"
	                   "<li><a href=\"#cornerstones\">The Four "
	                   "Cornerstones</a></li>\n");
	for (size_t s = 0; s < fw->n_strands; s++) {
		oaip_buf_puts(out, "<li><a href=\"#strand-");
		esc(out, fw->strands[s].id);
		oaip_buf_puts(out, "\">");
		esc(out, fw->strands[s].title);
		oaip_buf_puts(out, "</a></li>\n");
	}
	oaip_buf_puts(out, "</ul>\n</nav>\n</div>\n</header>\n");
}

static void scale(const oaip_framework *fw, oaip_buf *out)
{
	oaip_buf_puts(out, "<section aria-labelledby=\"scale\">\n"
	                   "<h2 id=\"scale\">Rating scale</h2>\n<ul>\n");
	for (size_t i = 0; i < fw->scale.n_levels; i++) {
		const oaip_level *l = &fw->scale.levels[i];
		oaip_buf_printf(out, "<li><strong>%d ", l->value);
		esc(out, l->label);
		oaip_buf_puts(out, "</strong> <span class=\"ind-id\">");
		esc(out, l->id);
		oaip_buf_puts(out, "</span>");
		if (l->description) {
			oaip_buf_puts(out, ": ");
			esc(out, l->description);
		}
		oaip_buf_puts(out, "</li>\n");
	}
	oaip_buf_puts(out, "</ul>\n<p>");
	oaip_framework_target_text(out, fw, oaip_escape_html);
	oaip_buf_puts(out, "</p>\n</section>\n");
}

static void cornerstones(const oaip_framework *fw, oaip_buf *out)
{
	size_t count[OAIP_N_CORNERSTONES] = {0};
	for (size_t i = 0; i < fw->n_indicators; i++)
		count[fw->indicators[i].cornerstone]++;
	oaip_buf_puts(out,
	              "<section aria-labelledby=\"cornerstones\">\n"
	              "<h2 id=\"cornerstones\">The Four Cornerstones</h2>\n"
	              "<p>");
	esc(out, oaip_framework_cornerstones_note);
	oaip_buf_puts(out, "</p>\n<ul>\n");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		oaip_buf_puts(out, "<li><strong>");
		esc(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_puts(out, "</strong> <span class=\"muted\">(");
		esc(out, oaip_cornerstone_id((oaip_cornerstone)c));
		oaip_buf_printf(
		    out, ", %zu %s)</span>: ", count[c],
		    oaip_plural(count[c], "indicator", "indicators"));
		esc(out, oaip_cornerstone_description((oaip_cornerstone)c));
		oaip_buf_puts(out, "</li>\n");
	}
	oaip_buf_puts(out, "</ul>\n</section>\n");
}

void oaip_framework_html(const oaip_framework *fw, oaip_buf *out)
{
	oaip_html_page page = {
	    .title = fw->title, .print_name = fw->title, .print_title = KICKER};
	oaip_html_page_start(out, &page);
	header(fw, out);
	oaip_buf_puts(out, "<main id=\"main\">\n<div class=\"page\">\n");
	scale(fw, out);
	cornerstones(fw, out);
	for (size_t s = 0; s < fw->n_strands; s++) {
		const oaip_strand *st = &fw->strands[s];
		oaip_buf_puts(out, "<section aria-labelledby=\"strand-");
		esc(out, st->id);
		oaip_buf_puts(out, "\">\n<h2 id=\"strand-");
		esc(out, st->id);
		oaip_buf_puts(out, "\">");
		esc(out, st->title);
		oaip_buf_puts(out, "</h2>\n");
		paragraphs(out, st->description);
		for (size_t i = 0; i < fw->n_expectations; i++)
			if (fw->expectations[i].strand == s)
				expectation(out, fw, &fw->expectations[i]);
		oaip_buf_puts(out, "</section>\n");
	}
	oaip_buf_puts(out, "</div>\n</main>\n");

	oaip_buf footer;
	oaip_buf_init(&footer);
	oaip_buf_puts(&footer, "<p>");
	esc(&footer, fw->attribution);
	oaip_buf_puts(&footer, "</p>");
	if (fw->ask_attribution) {
		oaip_buf_puts(&footer, "\n<p>");
		esc(&footer, fw->ask_attribution);
		oaip_buf_puts(&footer, "</p>");
	}
	if (footer.failed)
		out->failed = true;
	oaip_html_page_end(out, footer.failed ? NULL : footer.data);
	oaip_buf_free(&footer);
}
