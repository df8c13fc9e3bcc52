/* render_compare_html.c - the comparison report as one self-contained
 * HTML page: a walk over the model (report.h) that writes markup and
 * nothing else.  The page shell, style sheet and chart are html.c's. */
#include "config.h"

#include "report.h"

static void h(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

/* The comparison's own CSS, added to the page's head after the shared
 * sheet (html.c).  The heat map must fit the width of the page,
 * on screen and on A4 paper, with all five score columns: it is laid out
 * with fixed column widths, its headers, school names and file names
 * wrap, and each cell is kept compact (the number, then the band and the
 * count in smaller type).  Below 900 px the table keeps its natural
 * widths and scrolls sideways inside its own region instead. */
static const char compare_css[] =
    ".page.wide{max-width:84rem}\n"
    ".notice{background:#fbebe6;border:1px solid #8a2c12;border-left:6px "
    "solid #8a2c12;border-radius:.4rem;padding:.6rem 1rem;margin:1.5rem 0 "
    "0}\n"
    "ul.legend{list-style:none;padding:0;margin:.5rem 0 1rem;display:flex;"
    "flex-wrap:wrap;gap:.4rem}\n"
    "ul.legend li{padding:.1rem .6rem;border:1px solid #c7d0d4}\n"
    ".ind-id{white-space:normal;overflow-wrap:anywhere}\n"
    "table.heat th,table.heat td{overflow-wrap:break-word}\n"
    "table.heat thead th{font-size:.9em;line-height:1.3}\n"
    "table.heat tbody th{overflow-wrap:anywhere}\n"
    "table.heat .ind-id{display:inline-block;font-size:.8em;"
    "line-height:1.35}\n"
    "table.heat td.num{white-space:normal;line-height:1.3}\n"
    "table.heat .cell-band,table.heat .cell-count{display:inline-block;"
    "font-size:.85em;line-height:1.25}\n"
    "table.heat .cell-count{white-space:nowrap}\n"
    "table.low{table-layout:fixed}\n"
    "table.low col.school{width:36%}\n"
    "table.low col.file{width:40%}\n"
    "table.low th,table.low td{overflow-wrap:anywhere}\n"
    "@media screen and (min-width:900px){\n"
    "table.heat{table-layout:fixed}\n"
    "table.heat col.school{width:25%}\n"
    "table.heat col.score{width:15%}\n"
    "table.heat th,table.heat td{padding:.4rem .45rem}\n"
    "}\n"
    "@media print{\n"
    ".page.wide{max-width:none}\n"
    "table.heat{table-layout:fixed;font-size:.9rem}\n"
    "table.heat col.school{width:25%}\n"
    "table.heat col.score{width:15%}\n"
    "table.heat th,table.heat td{padding:.25rem .35rem}\n"
    "table.heat .cell-count{white-space:normal}\n"
    ".notice,ul.legend li{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    "}\n";

static void para(oaip_buf *out, const char *text)
{
	oaip_buf_puts(out, "<p>");
	h(out, text);
	oaip_buf_puts(out, "</p>\n");
}

/* One heat-map cell: the shade, the number, the band in words and the
 * count, so nothing depends on seeing the colour.  The line breaks keep
 * the three apart even without the style sheet. */
static void heat_cell(oaip_buf *out, const oaip_rcell *c)
{
	oaip_buf_puts(out, "<td class=\"num ");
	oaip_buf_puts(out, c->heat);
	oaip_buf_puts(out, "\">");
	if (c->has_score) {
		oaip_buf_puts(out, "<span class=\"score\">");
		oaip_put_score(out, c->score);
		oaip_buf_puts(out, "</span><br>");
	}
	oaip_buf_puts(out, "<span class=\"cell-band\">");
	h(out, c->band_short);
	oaip_buf_puts(out, "</span><br><span class=\"cell-count muted\">");
	oaip_put_size(out, c->rated);
	oaip_buf_puts(out, " of ");
	oaip_put_size(out, c->total);
	oaip_buf_puts(out, " rated</span></td>");
}

static void nav_item(oaip_buf *out, const char *id, const char *title)
{
	oaip_buf_printf(out, "<li><a href=\"#%s\">", id);
	h(out, title);
	oaip_buf_puts(out, "</a></li>\n");
}

/* What the report is, over its heading and in every printed page's
 * margin. */
#define KICKER "Area comparison"

/* The spread table's second column, in its header and each cell's
 * data-label. */
#define SCHOOLS_SCORED "Schools with a score"

static void header(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_buf_puts(
	    out, "<header>\n<div class=\"page\">\n<p class=\"kicker\">" KICKER
	         "</p>\n<h1>");
	h(out, rep->framework_title);
	oaip_buf_puts(out,
	              "</h1>\n<dl class=\"meta\">\n<dt>Framework</dt><dd>");
	h(out, rep->framework_line);
	oaip_buf_puts(out, "</dd>\n<dt>Date</dt><dd>");
	h(out, rep->date);
	oaip_buf_puts(out, "</dd>\n<dt>Target level</dt><dd>");
	h(out, rep->target_label);
	oaip_buf_puts(out, "</dd>\n");
	if (rep->phase_text) {
		oaip_buf_puts(out, "<dt>Phase</dt><dd>");
		h(out, rep->phase_text);
		oaip_buf_puts(out, "</dd>\n");
	}
	oaip_buf_puts(out, "<dt>Returns</dt><dd>");
	h(out, rep->returns_text);
	oaip_buf_puts(out, "</dd>\n</dl>\n<nav aria-label=\"Contents\">\n"
	                   "<ul>\n");
	const oaip_rsections *s = &rep->sections;
	oaip_sections_html_nav(s, OAIP_AFTER_HEADER, out);
	nav_item(out, "schools", rep->schools_title);
	for (int p = OAIP_AFTER_SUMMARY; p < OAIP_AFTER_LISTS; p++)
		oaip_sections_html_nav(s, (oaip_rplace)p, out);
	nav_item(out, "area", rep->area_title);
	nav_item(out, "priorities", rep->priorities_title);
	nav_item(out, "coverage", "Low coverage");
	oaip_sections_html_nav(s, OAIP_AFTER_LISTS, out);
	nav_item(out, "unreadable", "Returns not read");
	nav_item(out, "how", rep->method.title);
	oaip_buf_puts(out, "</ul>\n</nav>\n</div>\n</header>\n");
}

static void legend(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_buf_puts(out, "<p id=\"heat-key\">");
	h(out, rep->legend_intro);
	oaip_buf_puts(out, "</p>\n<ul class=\"legend\" aria-label=\"Key to "
	                   "the shading\">\n");
	for (size_t i = 0; i < oaip_n_heat_steps; i++)
		oaip_buf_printf(out, "<li class=\"%s\">%s</li>\n",
		                oaip_heat_steps[i].css_class,
		                oaip_heat_steps[i].legend);
	oaip_buf_puts(out, "<li class=\"" OAIP_HEAT_NONE "\">not evaluated, "
	                   "not applicable or not part of the phase</li>\n"
	                   "</ul>\n");
}

static void schools(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "schools", rep->schools_title);
	if (rep->schools_none) {
		para(out, rep->schools_none);
		oaip_buf_puts(out, "</section>\n");
		return;
	}
	legend(rep, out);
	/* On a narrow screen the table scrolls inside its own region, which
	 * can be reached with the keyboard; wider, and on paper, it fits
	 * (compare_css). */
	oaip_buf_puts(out,
	              "<div class=\"table-wrap\" tabindex=\"0\" "
	              "role=\"region\" aria-labelledby=\"heat-caption\">\n"
	              "<table class=\"data heat\" aria-describedby="
	              "\"heat-key\">\n<caption id=\"heat-caption\">Scores "
	              "by school and cornerstone (heat map)</caption>\n"
	              "<colgroup><col class=\"school\"><col class=\"score\" "
	              "span=\"5\"></colgroup>\n"
	              "<thead>\n<tr>"
	              "<th scope=\"col\">School</th>"
	              "<th scope=\"col\" class=\"num\">Overall</th>");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		oaip_buf_puts(out, "<th scope=\"col\" class=\"num\">");
		h(out, oaip_cornerstone_title(k));
		oaip_buf_puts(out, "</th>");
	}
	oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (size_t i = 0; i < rep->n_schools; i++) {
		const oaip_rschool *s = &rep->schools[i];
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		h(out, s->school);
		oaip_buf_puts(out, "<br><span class=\"ind-id\">");
		h(out, s->file);
		oaip_buf_puts(out, "</span>");
		if (s->low_coverage)
			oaip_buf_puts(out, "<br><span class=\"badge "
			                   "badge-below\">low coverage</span>");
		oaip_buf_puts(out, "</th>");
		heat_cell(out, &s->m[OAIP_OVERALL]);
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
			heat_cell(out, &s->m[k]);
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n</table>\n</div>\n");
	para(out, rep->cell_note);
	oaip_buf_puts(out, "</section>\n");
}

static void area(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "area", rep->area_title);
	para(out, rep->area_intro);
	if (!rep->has_area) {
		oaip_buf_puts(out, "</section>\n");
		return;
	}
	oaip_html_bar bars[OAIP_OVERALL + 1];
	for (int w = 0; w <= OAIP_OVERALL; w++)
		bars[w] =
		    (oaip_html_bar){rep->spread[w].title, rep->spread[w].n > 0,
		                    rep->spread[w].v[3], NULL, false};
	oaip_buf_puts(out, "<figure class=\"chart\">\n");
	oaip_html_bar_chart(out, "area-median", "Median score per cornerstone",
	                    rep->chart_desc, bars, OAIP_OVERALL + 1,
	                    rep->target_score, rep->marker_label);
	oaip_buf_puts(out, "<figcaption>");
	h(out, rep->chart_caption);
	oaip_buf_puts(out, "</figcaption>\n</figure>\n");

	/* On a phone: one card per cornerstone, each number under its
	 * column's name. */
	oaip_html_cards_begin(out, "area-spread",
	                      "Area averages and spread of the scores");
	oaip_buf_puts(out, "<thead>\n<tr>"
	                   "<th scope=\"col\">Cornerstone</th>"
	                   "<th scope=\"col\" class=\"num\">" SCHOOLS_SCORED
	                   "</th>");
	for (int k = 0; k < 6; k++)
		oaip_buf_printf(out, "<th scope=\"col\" class=\"num\">%s</th>",
		                oaip_rspread_titles[k]);
	oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (int w = 0; w <= OAIP_OVERALL; w++) {
		const oaip_rspread *sp = &rep->spread[w];
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		h(out, sp->title);
		oaip_buf_puts(
		    out, "</th><td class=\"num\" data-label=\"" SCHOOLS_SCORED
		         "\">");
		oaip_put_size(out, sp->n);
		oaip_buf_puts(out, " of ");
		oaip_put_size(out, rep->n_read);
		oaip_buf_puts(out, "</td>");
		for (int k = 0; k < 6; k++) {
			oaip_buf_printf(out,
			                "<td class=\"num\" data-label=\"%s\">",
			                oaip_rspread_titles[k]);
			if (sp->n)
				oaip_put_score(out, sp->v[k]);
			else
				oaip_buf_puts(out, "not evaluated");
			oaip_buf_puts(out, "</td>");
		}
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n");
	oaip_html_table_end(out);
	oaip_buf_puts(out, "</section>\n");
}

static void priorities(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "priorities", rep->priorities_title);
	para(out, rep->priorities_intro);
	if (!rep->n_priorities) {
		oaip_buf_puts(out, "</section>\n");
		return;
	}
	oaip_html_table_begin(out, "priorities-table",
	                      "Indicators most often below target");
	oaip_buf_puts(out, "<thead>\n<tr>"
	                   "<th scope=\"col\" class=\"num\">Rank</th>"
	                   "<th scope=\"col\">Indicator</th>"
	                   "<th scope=\"col\">Cornerstone</th>"
	                   "<th scope=\"col\" class=\"num\">Schools below "
	                   "target</th></tr>\n</thead>\n<tbody>\n");
	for (size_t i = 0; i < rep->n_priorities; i++) {
		const oaip_rpriority *p = &rep->priorities[i];
		oaip_buf_puts(out, "<tr><td class=\"num\">");
		oaip_put_size(out, p->rank);
		oaip_buf_puts(out, "</td><th scope=\"row\"><span "
		                   "class=\"ind-id\">");
		h(out, p->id);
		oaip_buf_puts(out, "</span> ");
		h(out, p->text);
		oaip_buf_puts(out, "</th><td>");
		h(out, p->cornerstone);
		oaip_buf_puts(out, "</td><td class=\"num\">");
		h(out, p->schools_text);
		oaip_buf_puts(out, "</td></tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n");
	oaip_html_table_end(out);
	oaip_buf_puts(out, "</section>\n");
}

static void low(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "coverage", rep->low_title);
	para(out, rep->low_intro);
	if (!rep->n_low) {
		oaip_buf_puts(out, "</section>\n");
		return;
	}
	oaip_html_table_begin_as(out, "coverage-table",
	                         "Schools with low coverage", "data low");
	oaip_buf_puts(out,
	              "<colgroup><col class=\"school\"><col class=\"file\">"
	              "<col></colgroup>\n"
	              "<thead>\n<tr><th scope=\"col\">School</th>"
	              "<th scope=\"col\">File</th><th scope=\"col\" "
	              "class=\"num\">Indicators rated</th></tr>\n</thead>\n"
	              "<tbody>\n");
	for (size_t i = 0; i < rep->n_low; i++) {
		const oaip_rschool *s = rep->low[i];
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		h(out, s->school);
		oaip_buf_puts(out, "</th><td class=\"ind-id\">");
		h(out, s->file);
		oaip_buf_puts(out, "</td><td class=\"num\">");
		oaip_put_size(out, s->rated);
		oaip_buf_puts(out, " of ");
		oaip_put_size(out, s->total);
		oaip_buf_puts(out, " (");
		oaip_put_score(out, s->coverage);
		oaip_buf_puts(out, "%)</td></tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n");
	oaip_html_table_end(out);
	oaip_buf_puts(out, "</section>\n");
}

static void unreadable(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_html_section_begin(out, "unreadable", rep->unreadable_title);
	para(out, rep->unreadable_intro);
	if (!rep->n_unreadable) {
		oaip_buf_puts(out, "</section>\n");
		return;
	}
	oaip_buf_puts(out, "<ul>\n");
	for (size_t i = 0; i < rep->n_unreadable; i++) {
		const oaip_runreadable *u = &rep->unreadable[i];
		oaip_buf_puts(out, "<li><span class=\"ind-id\">");
		h(out, u->file);
		oaip_buf_puts(out, "</span>\n<ul>\n");
		for (size_t k = 0; k < u->n_errors; k++) {
			const oaip_diag *e = &u->errors[k];
			oaip_buf_puts(out, "<li><code>");
			h(out, e->file);
			if (e->line > 0) {
				oaip_buf_putc(out, ':');
				oaip_put_size(out, (size_t)e->line);
			}
			oaip_buf_puts(out, "</code>: ");
			h(out, e->message);
			oaip_buf_puts(out, "</li>\n");
		}
		if (u->more) {
			oaip_buf_puts(out, "<li>");
			h(out, u->more);
			oaip_buf_puts(out, "</li>\n");
		}
		oaip_buf_puts(out, "</ul>\n</li>\n");
	}
	oaip_buf_puts(out, "</ul>\n</section>\n");
}

void oaip_compare_html(const oaip_compare_report *rep, oaip_buf *out)
{
	const oaip_rsections *s = &rep->sections;
	/* Printed pages carry the heading (the framework) and the kicker. */
	oaip_html_page page = {.title = rep->page_title,
	                       .print_name = rep->framework_title,
	                       .print_title = KICKER,
	                       .extra_css = compare_css};
	oaip_html_page_start(out, &page);
	header(rep, out);
	oaip_buf_puts(out, "<main id=\"main\">\n");
	if (rep->notice) {
		oaip_buf_puts(out, "<div class=\"page\">\n<p class=\"notice\">"
		                   "<strong>");
		h(out, rep->notice);
		oaip_buf_puts(out, "</strong>");
		if (rep->notice_more) {
			oaip_buf_putc(out, ' ');
			h(out, rep->notice_more);
		}
		oaip_buf_puts(out, "</p>\n</div>\n");
	}
	oaip_sections_html(s, OAIP_AFTER_HEADER, out);
	/* The heat map gets a wider column than the text around it. */
	oaip_buf_puts(out, rep->schools_none ? "<div class=\"page\">\n"
	                                     : "<div class=\"page wide\">\n");
	schools(rep, out);
	oaip_buf_puts(out, "</div>\n<div class=\"page\">\n");
	for (int p = OAIP_AFTER_SUMMARY; p < OAIP_AFTER_LISTS; p++)
		oaip_sections_html(s, (oaip_rplace)p, out);
	area(rep, out);
	priorities(rep, out);
	low(rep, out);
	oaip_sections_html(s, OAIP_AFTER_LISTS, out);
	unreadable(rep, out);
	oaip_method_html(&rep->method, out);
	oaip_buf_puts(out, "</div>\n</main>\n");

	oaip_buf foot;
	oaip_buf_init(&foot);
	if (rep->attribution) {
		oaip_buf_puts(&foot, "<p>");
		h(&foot, rep->attribution);
		oaip_buf_puts(&foot, "</p>\n");
	}
	if (rep->cornerstones_credit) {
		oaip_buf_puts(&foot, "<p>");
		h(&foot, rep->cornerstones_credit);
		oaip_buf_puts(&foot, "</p>\n");
	}
	oaip_buf_puts(&foot, "<p>");
	h(&foot, rep->credit);
	oaip_buf_puts(&foot, "</p>");
	if (foot.failed)
		out->failed = true;
	oaip_html_page_end(out, foot.failed ? NULL : foot.data);
	oaip_buf_free(&foot);
}
