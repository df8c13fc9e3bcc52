/* render_plan.c - the action plan as CSV, Markdown and HTML.
 *
 * Every cell's text comes from plan.c (oaip_plan_cell) and every sentence
 * from its wording functions; this file only escapes and lays out.  CSV
 * holds every column, with the plan's column keys as its header, so a
 * spreadsheet can sort and filter it.  Markdown and HTML give each
 * cornerstone its own table under its heading, and leave out the
 * cornerstone and target columns, which the heading and the opening
 * paragraph already say. */
#include "config.h"

#include <string.h>

#include "report.h"

enum { COL_CORNERSTONE = 1, COL_TARGET = 4 };

static bool shown_in_tables(size_t col)
{
	return col != COL_CORNERSTONE && col != COL_TARGET;
}

void oaip_plan_csv(const oaip_plan *p, const oaip_render_options *o,
                   oaip_buf *out)
{
	(void)o; /* a spreadsheet's rows: no date line */
	size_t n_cols;
	const oaip_plan_column *cols = oaip_plan_columns(p, &n_cols);
	oaip_buf cell;
	oaip_buf_init(&cell);
	oaip_buf_puts(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < n_cols; c++) {
		if (c)
			oaip_buf_putc(out, ',');
		oaip_escape_csv(out, cols[c].key);
	}
	oaip_buf_puts(out, "\r\n");
	for (size_t k = 0; k < p->n_rows; k++) {
		for (size_t c = 0; c < n_cols; c++) {
			cell.len = 0;
			oaip_buf_puts(&cell, "");
			oaip_plan_cell(p, k, c, true, &cell);
			if (c)
				oaip_buf_putc(out, ',');
			oaip_escape_csv(out, cell.data ? cell.data : "");
		}
		oaip_buf_puts(out, "\r\n");
	}
	if (cell.failed)
		out->failed = true;
	oaip_buf_free(&cell);
}

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s, false);
}

void oaip_plan_md(const oaip_plan *p, const oaip_render_options *o,
                  oaip_buf *out)
{
	size_t n_cols;
	const oaip_plan_column *cols = oaip_plan_columns(p, &n_cols);
	oaip_buf t;
	oaip_buf_init(&t);
	oaip_buf_puts(&t, "");

	oaip_plan_title(p, &t);
	oaip_buf_puts(out, "# ");
	md(out, t.data);
	oaip_buf_puts(out, "\n\n");
	oaip_buf_puts(out, "From ");
	md(out, p->r->se->file);
	if (o && o->date) {
		oaip_buf_puts(out, " on ");
		md(out, o->date);
	}
	oaip_buf_puts(out, ", against ");
	md(out, oaip_framework_name(p->r->fw));
	oaip_buf_puts(out, ".\n\n");
	t.len = 0;
	oaip_plan_intro(p, &t);
	md(out, t.data);
	oaip_buf_puts(out, "\n\n");
	if (p->with_survey) {
		t.len = 0;
		oaip_plan_survey_note(p, &t);
		md(out, t.data);
		oaip_buf_puts(out, "\n\n");
	}

	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		size_t first, n = oaip_plan_cornerstone_rows(
		                  p, (oaip_cornerstone)c, &first);
		if (!n)
			continue;
		oaip_buf_puts(out, "## ");
		md(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_puts(out, "\n\n|");
		for (size_t k = 0; k < n_cols; k++)
			if (shown_in_tables(k)) {
				oaip_buf_putc(out, ' ');
				md(out, cols[k].heading);
				oaip_buf_puts(out, " |");
			}
		oaip_buf_puts(out, "\n|");
		for (size_t k = 0; k < n_cols; k++)
			if (shown_in_tables(k))
				oaip_buf_puts(out, " --- |");
		oaip_buf_putc(out, '\n');
		for (size_t row = first; row < first + n; row++) {
			oaip_buf_putc(out, '|');
			for (size_t k = 0; k < n_cols; k++) {
				if (!shown_in_tables(k))
					continue;
				t.len = 0;
				oaip_buf_puts(&t, "");
				oaip_plan_cell(p, row, k, false, &t);
				oaip_buf_putc(out, ' ');
				md(out, t.data ? t.data : "");
				oaip_buf_puts(out, " |");
			}
			oaip_buf_putc(out, '\n');
		}
		oaip_buf_putc(out, '\n');
	}
	if (t.failed)
		out->failed = true;
	oaip_buf_free(&t);
}

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s);
}

/* A plan is a wide table: printed landscape, columns to fill in shaded
 * and given room to write in by hand. */
static const char plan_css[] =
    "table.data td.fill{background:#fff8dc;width:13%}\n"
    "@media print{@page{size:A4 landscape;margin:12mm}"
    "table.data td.fill{height:3.5rem}}\n";

void oaip_plan_html(const oaip_plan *p, const oaip_render_options *o,
                    oaip_buf *out)
{
	size_t n_cols;
	const oaip_plan_column *cols = oaip_plan_columns(p, &n_cols);
	oaip_buf t;
	oaip_buf_init(&t);
	oaip_buf_puts(&t, "");

	oaip_plan_title(p, &t);
	oaip_html_page_begin(out, t.data, plan_css);
	oaip_buf_puts(out, "<header>\n<div class=\"page\">\n<h1>");
	esc(out, t.data);
	oaip_buf_puts(out, "</h1>\n<dl class=\"meta\">\n<dt>File</dt><dd>");
	esc(out, p->r->se->file);
	oaip_buf_puts(out, "</dd>\n");
	if (o && o->date) {
		oaip_buf_puts(out, "<dt>Date</dt><dd>");
		esc(out, o->date);
		oaip_buf_puts(out, "</dd>\n");
	}
	oaip_buf_puts(out, "<dt>Framework</dt><dd>");
	esc(out, oaip_framework_name(p->r->fw));
	oaip_buf_puts(out, "</dd>\n</dl>\n</div>\n</header>\n"
	                   "<main id=\"main\">\n<div class=\"page\">\n<p>");
	t.len = 0;
	oaip_plan_intro(p, &t);
	esc(out, t.data);
	oaip_buf_puts(out, "</p>\n");
	if (p->with_survey) {
		t.len = 0;
		oaip_plan_survey_note(p, &t);
		oaip_buf_puts(out, "<p>");
		esc(out, t.data);
		oaip_buf_puts(out, "</p>\n");
	}

	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		size_t first, n = oaip_plan_cornerstone_rows(
		                  p, (oaip_cornerstone)c, &first);
		if (!n)
			continue;
		const char *id = oaip_cornerstone_id((oaip_cornerstone)c);
		const char *title = oaip_cornerstone_title((oaip_cornerstone)c);
		oaip_html_section_begin(out, id, title);
		t.len = 0;
		oaip_buf_printf(&t, "Action plan: %s", title);
		char tid[64];
		snprintf(tid, sizeof tid, "plan-%s", id);
		oaip_html_table_begin(out, tid, t.data);
		oaip_buf_puts(out, "<thead>\n<tr>");
		for (size_t k = 0; k < n_cols; k++)
			if (shown_in_tables(k)) {
				oaip_buf_puts(out, "<th scope=\"col\">");
				esc(out, cols[k].heading);
				oaip_buf_puts(out, "</th>");
			}
		oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
		for (size_t row = first; row < first + n; row++) {
			oaip_buf_puts(out, "<tr>");
			for (size_t k = 0; k < n_cols; k++) {
				if (!shown_in_tables(k))
					continue;
				t.len = 0;
				oaip_buf_puts(&t, "");
				oaip_plan_cell(p, row, k, false, &t);
				oaip_buf_puts(out, k == 0 ? "<th scope=\"row\">"
				                   : cols[k].fill_in
				                       ? "<td class=\"fill\">"
				                       : "<td>");
				oaip_html_text_br(out, t.data);
				oaip_buf_puts(out, k == 0 ? "</th>" : "</td>");
			}
			oaip_buf_puts(out, "</tr>\n");
		}
		oaip_buf_puts(out, "</tbody>\n");
		oaip_html_table_end(out);
		oaip_buf_puts(out, "</section>\n");
	}
	oaip_buf_puts(out, "</div>\n</main>\n");
	oaip_html_page_end(out, NULL);
	if (t.failed)
		out->failed = true;
	oaip_buf_free(&t);
}
