/* render_score_html.c - the score report as one self-contained,
 * accessible HTML page: a walk over the model (report.h) that writes
 * markup and nothing else.  The page shell, style sheet and chart are
 * html.c's.  Every string goes through oaip_escape_html. */
#include "config.h"

#include <string.h>

#include "report.h"

/* What the report is, over its heading and in every printed page's
 * margin. */
#define KICKER                                                                 \
	"Partnership with parent carers · Four Cornerstones self-evaluation"

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

static void none_recorded(oaip_buf *out, const char *s)
{
	if (s)
		oaip_html_text_br(out, s);
	else
		oaip_buf_puts(out,
		              "<span class=\"muted\">None recorded</span>");
}

static void para(oaip_buf *out, const char *text)
{
	oaip_buf_puts(out, "<p>");
	esc(out, text);
	oaip_buf_puts(out, "</p>\n");
}

static void meta(oaip_buf *out, const char *name, const char *value)
{
	oaip_buf_printf(out, "<dt>%s</dt><dd>", name);
	esc(out, value);
	oaip_buf_puts(out, "</dd>\n");
}

static void header(const oaip_score_report *rep, oaip_buf *out)
{
	oaip_buf_puts(out, "<header>\n<div class=\"page\">\n"
	                   "<p class=\"kicker\">" KICKER "</p>\n<h1>");
	esc(out, rep->heading);
	oaip_buf_puts(out, "</h1>\n<p>");
	esc(out, rep->intro);
	oaip_buf_puts(out, "</p>\n<dl class=\"meta\">\n");
	if (rep->school)
		meta(out, "School", rep->school);
	if (*rep->file_name)
		meta(out, "File", rep->file_name);
	if (rep->date)
		meta(out, "Report date", rep->date);
	oaip_buf_puts(out, "<dt>Framework</dt><dd>");
	esc(out, rep->framework_name);
	oaip_buf_puts(out, " <span class=\"ind-id\">");
	esc(out, rep->framework_id);
	oaip_buf_puts(out, "</span></dd>\n");
	meta(out, "Target", rep->target_sentence);
	if (rep->phase_text)
		meta(out, "Phase", rep->phase_text);
	if (rep->encoding_note)
		meta(out, "Note", rep->encoding_note);
	oaip_buf_puts(out, "</dl>\n");
}

static void nav_item(oaip_buf *out, const char *id, const char *title)
{
	oaip_buf_printf(out, "<li><a href=\"#%s\">", id);
	esc(out, title);
	oaip_buf_puts(out, "</a></li>\n");
}

static void nav(const oaip_score_report *rep, oaip_buf *out)
{
	const oaip_rsections *s = &rep->sections;
	oaip_buf_puts(out, "<nav aria-label=\"Contents\">\n<ul>\n");
	oaip_sections_html_nav(s, OAIP_AFTER_HEADER, out);
	nav_item(out, "summary", "Summary");
	oaip_sections_html_nav(s, OAIP_AFTER_SUMMARY, out);
	nav_item(out, "how", rep->method.title);
	oaip_sections_html_nav(s, OAIP_AFTER_METHOD, out);
	nav_item(out, "strengths", rep->strengths.title);
	oaip_sections_html_nav(s, OAIP_AFTER_STRENGTHS, out);
	nav_item(out, "gaps", "Gaps");
	oaip_sections_html_nav(s, OAIP_AFTER_GAPS, out);
	nav_item(out, "not-evaluated", rep->not_evaluated.title);
	if (rep->has_not_applicable)
		nav_item(out, "not-applicable", rep->not_applicable.title);
	oaip_sections_html_nav(s, OAIP_AFTER_LISTS, out);
	nav_item(out, "about", rep->about_title);
	oaip_buf_puts(out, "</ul>\n</nav>\n</div>\n</header>\n");
}

static void chart(const oaip_score_report *rep, oaip_buf *out)
{
	oaip_html_bar bars[OAIP_N_CORNERSTONES];
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_rcornerstone *cs = &rep->cs[c];
		bars[c] = (oaip_html_bar){cs->chart_label, cs->has_score,
		                          cs->score, cs->no_score, cs->too_few};
	}
	oaip_buf_puts(out, "<figure class=\"chart\">\n");
	oaip_html_bar_chart(out, "score-chart", rep->chart_title,
	                    rep->chart_desc, bars, OAIP_N_CORNERSTONES,
	                    rep->marker, rep->marker_label);
	oaip_buf_puts(out, "<figcaption>");
	esc(out, rep->chart_caption);
	oaip_buf_puts(out, "</figcaption>\n</figure>\n");
}

/* The summary's columns: the header row and each cell's data-label
 * (a phone shows the table as cards, each cell under its column's name). */
enum { COL_SCORE, COL_GAPS, COL_EMPTY, COL_NA, COL_BAND };
static const char *const summary_cols[] = {
    [COL_SCORE] = "Score and indicators rated",
    [COL_GAPS] = "Below target",
    [COL_EMPTY] = "Not yet evaluated",
    [COL_NA] = "Not applicable",
    [COL_BAND] = "In plain words",
};

static void score_cell(oaip_buf *out, const char *score, const char *coverage)
{
	oaip_buf_printf(out, "<td data-label=\"%s\"><span class=\"score\">",
	                summary_cols[COL_SCORE]);
	esc(out, score);
	oaip_buf_puts(out, "</span> — ");
	esc(out, coverage);
	oaip_buf_puts(out, "</td>");
}

static void count_cells(oaip_buf *out, size_t gaps, size_t empty, size_t na)
{
	oaip_buf_printf(out,
	                "<td class=\"num\" data-label=\"%s\">%zu</td>"
	                "<td class=\"num\" data-label=\"%s\">%zu</td>"
	                "<td class=\"num\" data-label=\"%s\">%zu</td>",
	                summary_cols[COL_GAPS], gaps, summary_cols[COL_EMPTY],
	                empty, summary_cols[COL_NA], na);
}

static void band_cell(oaip_buf *out, const char *band)
{
	oaip_buf_printf(out, "<td data-label=\"%s\"%s>", summary_cols[COL_BAND],
	                *band ? " data-band" : "");
	esc(out, band);
	oaip_buf_puts(out, "</td>");
}

static void summary(const oaip_score_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "summary",
	                        "Summary of the Four Cornerstones");
	if (rep->caution) {
		/* Before any number, so that nobody reads the numbers first. */
		oaip_buf_puts(out, "<p class=\"caution\"><strong>");
		esc(out, rep->caution);
		oaip_buf_puts(out, "</strong></p>\n");
	}
	chart(rep, out);

	oaip_html_cards_begin(out, "summary-table",
	                      "Score and coverage for each cornerstone");
	oaip_buf_printf(out,
	                "<thead>\n<tr>"
	                "<th scope=\"col\">Cornerstone</th>"
	                "<th scope=\"col\" class=\"wide\">%s</th>"
	                "<th scope=\"col\" class=\"num\">%s</th>"
	                "<th scope=\"col\" class=\"num\">%s</th>"
	                "<th scope=\"col\" class=\"num\">%s</th>"
	                "<th scope=\"col\" class=\"band\">%s</th>"
	                "</tr>\n</thead>\n<tbody>\n",
	                summary_cols[COL_SCORE], summary_cols[COL_GAPS],
	                summary_cols[COL_EMPTY], summary_cols[COL_NA],
	                summary_cols[COL_BAND]);
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_rcornerstone *cs = &rep->cs[c];
		oaip_buf_puts(out, "<tr><th scope=\"row\" class=\"name\">");
		esc(out, cs->title);
		oaip_buf_puts(out, "</th>");
		score_cell(out, cs->score_text, cs->coverage);
		count_cells(out, cs->gaps, cs->empty, cs->na);
		band_cell(out, cs->band);
		oaip_buf_puts(out, "</tr>\n");
	}
	const oaip_report_totals *t = &rep->totals;
	oaip_buf_puts(out, "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Overall"
	                   "</th>");
	score_cell(out, rep->overall_text, rep->overall_coverage);
	count_cells(out, t->gaps, t->empty, t->na);
	band_cell(out, rep->overall_band);
	oaip_buf_puts(out, "</tr>\n</tfoot>\n");
	oaip_html_table_end(out);

	oaip_buf_puts(out, "<p class=\"overall panel\"><strong>Overall: ");
	esc(out, rep->overall_text);
	oaip_buf_puts(out, "</strong>, ");
	esc(out, rep->overall_basis);
	oaip_buf_puts(out, ". ");
	if (rep->target_note) {
		oaip_buf_puts(out, "<strong>");
		esc(out, rep->target_note);
		oaip_buf_puts(out, ".</strong> ");
	}
	esc(out, rep->counts);
	if (rep->gaps_note) {
		oaip_buf_putc(out, ' ');
		esc(out, rep->gaps_note);
	}
	oaip_buf_puts(out, "</p>\n</section>\n");
}

/* A table of indicators: strengths (with the rating, the school's
 * evidence, and its next steps when any has some), not evaluated, not
 * applicable. */
static void indicator_table(oaip_buf *out, const char *id, const char *caption,
                            const oaip_rindicator *v, size_t n,
                            bool with_rating)
{
	bool next_steps = false;
	for (size_t k = 0; with_rating && k < n; k++)
		next_steps |= v[k].next_steps != NULL;
	oaip_html_table_begin(out, id, caption);
	oaip_buf_puts(out, "<thead>\n<tr>"
	                   "<th scope=\"col\">Indicator</th>"
	                   "<th scope=\"col\">Cornerstone</th>");
	if (with_rating)
		oaip_buf_puts(out,
		              "<th scope=\"col\">Rating</th>"
		              "<th scope=\"col\">The school’s evidence</th>");
	if (next_steps)
		oaip_buf_puts(out, "<th scope=\"col\">Next steps</th>");
	oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (size_t k = 0; k < n; k++) {
		const oaip_rindicator *m = &v[k];
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		esc(out, m->text);
		oaip_buf_puts(out, " <span class=\"ind-id\">");
		esc(out, m->id);
		oaip_buf_puts(out, "</span></th><td>");
		esc(out, m->cornerstone);
		oaip_buf_puts(out, "</td>");
		if (with_rating) {
			oaip_buf_puts(out, "<td>");
			esc(out, m->rating);
			if (m->weight_text) {
				oaip_buf_puts(out, ", ");
				esc(out, m->weight_text);
			}
			oaip_buf_puts(out, "</td><td>");
			none_recorded(out, m->evidence);
			oaip_buf_puts(out, "</td>");
			if (next_steps) {
				oaip_buf_puts(out, "<td>");
				none_recorded(out, m->next_steps);
				oaip_buf_puts(out, "</td>");
			}
		}
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n");
	oaip_html_table_end(out);
}

static void strengths(const oaip_rlist *l, oaip_buf *out)
{
	oaip_html_section_begin(out, "strengths", l->title);
	para(out, l->intro);
	if (l->n)
		indicator_table(out, "strengths-table",
		                "Indicators rated at or above the target", l->v,
		                l->n, true);
	oaip_buf_puts(out, "</section>\n");
}

/* Practice examples as one list, quotes each as a figure with its
 * blockquote and who said it. */
static void examples(oaip_buf *out, const oaip_rexamples *ex)
{
	for (size_t i = 0; i < ex->n; i++) {
		const oaip_rexample *e = &ex->v[i];
		if (!e->quote) {
			if (i == 0)
				oaip_buf_puts(out, "<ul>\n");
			oaip_buf_puts(out, "<li>");
			esc(out, e->text);
		} else {
			oaip_buf_puts(out, "<figure class=\"quote\">\n"
			                   "<blockquote><p>“");
			esc(out, e->text);
			oaip_buf_puts(out, "”</p></blockquote>\n"
			                   "<figcaption>— <cite>");
			esc(out, e->by);
			oaip_buf_puts(out, "</cite>");
		}
		if (e->phase) {
			oaip_buf_puts(out, " <span class=\"muted\">(");
			esc(out, e->phase);
			oaip_buf_puts(out, ")</span>");
		}
		if (!e->quote) {
			oaip_buf_puts(out, "</li>\n");
			if (i + 1 == ex->n_practice)
				oaip_buf_puts(out, "</ul>\n");
		} else {
			oaip_buf_puts(out, "</figcaption>\n</figure>\n");
		}
	}
}

static void gap(const oaip_score_report *rep, const oaip_rindicator *m,
                oaip_buf *out)
{
	oaip_buf_printf(out, "<article class=\"gap\" id=\"gap-");
	esc(out, m->id);
	oaip_buf_puts(out, "\">\n<h4>");
	esc(out, m->text);
	oaip_buf_puts(out, " <span class=\"ind-id\">");
	esc(out, m->id);
	oaip_buf_puts(out, "</span></h4>\n<p><span class=\"badge "
	                   "badge-below\">Below target</span> Rated ");
	esc(out, m->rating);
	oaip_buf_puts(out, "; the target is ");
	esc(out, rep->target_text);
	if (m->weight_text) {
		oaip_buf_puts(out, "; ");
		esc(out, m->weight_text);
	}
	oaip_buf_puts(out, ".</p>\n<dl>\n<dt>The school’s evidence</dt>\n<dd>");
	none_recorded(out, m->evidence);
	oaip_buf_puts(out, "</dd>\n<dt>Next steps</dt>\n<dd>");
	none_recorded(out, m->next_steps);
	oaip_buf_puts(out, "</dd>\n</dl>\n");
	oaip_buf_puts(out, "<div class=\"practice\">\n<h5>What good practice "
	                   "could look like</h5>\n");
	if (m->expectation) {
		oaip_buf_puts(out, "<p>The framework’s expectation");
		if (m->expectation_title) {
			oaip_buf_puts(out, " (");
			esc(out, m->expectation_title);
			oaip_buf_puts(out, ")");
		}
		oaip_buf_puts(out, ": ");
		esc(out, m->expectation);
		oaip_buf_puts(out, "</p>\n");
	}
	examples(out, &m->own);
	if (m->examples_at) {
		oaip_buf_puts(out,
		              "<p class=\"muted\">The framework’s examples "
		              "for this expectation are listed under <a "
		              "href=\"#gap-");
		esc(out, m->examples_at->id);
		oaip_buf_puts(out, "\">");
		esc(out, m->examples_at->id);
		oaip_buf_puts(out, "</a> above.</p>\n");
	} else if (m->examples_intro) {
		oaip_buf_puts(out, "<p class=\"muted\">");
		esc(out, m->examples_intro);
		oaip_buf_puts(out, "</p>\n");
		examples(out, &m->examples);
	}
	oaip_buf_puts(out, "</div>\n</article>\n");
}

static void gaps(const oaip_score_report *rep, oaip_buf *out)
{
	const oaip_rlist *l = &rep->gaps;
	oaip_html_section_begin(out, "gaps", l->title);
	para(out, l->intro);
	for (size_t g = 0; g < l->n_groups; g++) {
		const oaip_rgroup *grp = &l->groups[g];
		oaip_buf_printf(out,
		                "<section aria-labelledby=\"gaps-%s\">\n"
		                "<h3 id=\"gaps-%s\">",
		                grp->cornerstone_id, grp->cornerstone_id);
		esc(out, grp->heading);
		oaip_buf_puts(out, "</h3>\n");
		for (size_t k = 0; k < grp->n; k++)
			gap(rep, &grp->v[k], out);
		oaip_buf_puts(out, "</section>\n");
	}
	oaip_buf_puts(out, "</section>\n");
}

static void list(const oaip_rlist *l, const char *id, const char *caption,
                 oaip_buf *out)
{
	oaip_html_section_begin(out, id, l->title);
	para(out, l->intro);
	if (l->n) {
		oaip_buf caption_id;
		oaip_buf_init(&caption_id);
		oaip_buf_printf(&caption_id, "%s-table", id);
		indicator_table(out, caption_id.failed ? id : caption_id.data,
		                caption, l->v, l->n, false);
		oaip_buf_free(&caption_id);
	}
	oaip_buf_puts(out, "</section>\n");
}

static void about(const oaip_score_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "about", rep->about_title);
	oaip_buf_puts(out, "<p>");
	esc(out, rep->framework_name);
	oaip_buf_puts(out, ".");
	if (rep->framework_section) {
		oaip_buf_puts(out, " Source: ");
		esc(out, rep->framework_section);
		oaip_buf_puts(out, ".");
	}
	if (rep->framework_url) {
		oaip_buf_puts(out, " ");
		if (rep->url_is_link) {
			oaip_buf_puts(out, "<a href=\"");
			esc(out, rep->framework_url);
			oaip_buf_puts(out, "\">");
			esc(out, rep->framework_url);
			oaip_buf_puts(out, "</a>");
		} else {
			esc(out, rep->framework_url);
		}
	}
	oaip_buf_puts(out, "</p>\n");
	if (rep->attribution)
		para(out, rep->attribution);
	if (rep->cornerstones_credit)
		para(out, rep->cornerstones_credit);
	oaip_buf_puts(out, "</section>\n");
}

void oaip_score_html(const oaip_score_report *rep, oaip_buf *out)
{
	const oaip_rsections *s = &rep->sections;
	oaip_html_page page = {.title = rep->page_title,
	                       .print_name = rep->heading,
	                       .print_title = KICKER};
	oaip_html_page_start(out, &page);
	header(rep, out);
	nav(rep, out);
	oaip_buf_puts(out, "<main id=\"main\">\n<div class=\"page\">\n");
	oaip_sections_html(s, OAIP_AFTER_HEADER, out);
	summary(rep, out);
	oaip_sections_html(s, OAIP_AFTER_SUMMARY, out);
	oaip_method_html(&rep->method, out);
	oaip_sections_html(s, OAIP_AFTER_METHOD, out);
	strengths(&rep->strengths, out);
	oaip_sections_html(s, OAIP_AFTER_STRENGTHS, out);
	gaps(rep, out);
	oaip_sections_html(s, OAIP_AFTER_GAPS, out);
	list(&rep->not_evaluated, "not-evaluated",
	     "Indicators not yet evaluated", out);
	if (rep->has_not_applicable)
		list(&rep->not_applicable, "not-applicable",
		     "Indicators marked not applicable", out);
	oaip_sections_html(s, OAIP_AFTER_LISTS, out);
	about(rep, out);
	oaip_buf_puts(out, "</div>\n</main>\n");

	oaip_buf footer;
	oaip_buf_init(&footer);
	oaip_buf_puts(&footer, "<p>");
	esc(&footer, rep->ownership);
	oaip_buf_puts(&footer, " ");
	esc(&footer, rep->credit);
	oaip_buf_puts(&footer, "</p>");
	if (footer.failed)
		out->failed = true;
	oaip_html_page_end(out, footer.failed ? NULL : footer.data);
	oaip_buf_free(&footer);
}
