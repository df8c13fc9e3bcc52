/* render_compare_xlsx_summary.c - the Summary sheet of the area
 * workbook: the comparison's facts, sentences and tables in the order of
 * the Markdown and HTML reports, laid out in a column of cells (see
 * render_compare_xlsx.c for the workbook as a whole). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "render_compare_xlsx.h"

#define SUMMARY_COLS 8

/* Lines of wrapped text: a column holds about a fifth more characters of
 * running text than its width says (as LibreOffice and Excel lay it
 * out), and a line more is left for words that do not fit. */
static int lines_for(const char *s, double width)
{
	return oaip_xlsx_lines(s, width * 1.2, 40);
}

/* ---- the summary: a column of facts, sentences and tables --------------- */

struct sheet {
	struct book *k;
	lxw_worksheet *ws;
	lxw_row_t row;
	const double *widths; /* of the columns, in characters */
	int n_cols;
};

static double span_width(const struct sheet *s, int from, int to)
{
	double w = 0;
	for (int c = from; c <= to && c < s->n_cols; c++)
		w += s->widths[c];
	return w;
}

/* text across columns from..last, wrapped, the row made high enough. */
static void span(struct sheet *s, int from, const char *text, lxw_format *f)
{
	int last = s->n_cols - 1;
	double h = 15.0 * lines_for(text, span_width(s, from, last));
	worksheet_set_row(s->ws, s->row, h, NULL);
	if (from < last)
		worksheet_merge_range(s->ws, s->row, (lxw_col_t)from, s->row,
		                      (lxw_col_t)last, text ? text : "", f);
	else
		worksheet_write_string(s->ws, s->row, (lxw_col_t)from,
		                       text ? text : "", f);
}

static void para(struct sheet *s, const char *text, lxw_format *f)
{
	if (!text || !*text)
		return;
	span(s, 0, text, f);
	s->row++;
}

static void heading(struct sheet *s, const char *text)
{
	s->row++; /* a blank row before */
	worksheet_write_string(s->ws, s->row++, 0, text ? text : "",
	                       s->k->heading);
}

/* A label and its value on one row. */
static void fact(struct sheet *s, const char *label, const char *value)
{
	double h = 15.0 * lines_for(value, span_width(s, 1, s->n_cols - 1));
	worksheet_set_row(s->ws, s->row, h, NULL);
	worksheet_write_string(s->ws, s->row, 0, label, s->k->bold_text);
	span(s, 1, value, s->k->text);
	s->row++;
}

/* A row of table cells: strings, or numbers where the column is numeric
 * and the cell is one. */
/* Make the row of cells high enough for the tallest. */
static void fit_row(struct sheet *s, const char *const *cells, size_t n)
{
	double h = 15.0;
	for (size_t c = 0; c < n; c++) {
		int cw = (int)c < s->n_cols ? (int)c : s->n_cols - 1;
		double l = 15.0 * lines_for(cells[c], s->widths[cw]);
		if (l > h)
			h = l;
	}
	worksheet_set_row(s->ws, s->row, h, NULL);
}

static void table_row(struct sheet *s, const char *const *cells, size_t n,
                      const bool *numeric)
{
	fit_row(s, cells, n);
	for (size_t c = 0; c < n; c++) {
		const char *v = cells[c] ? cells[c] : "";
		char *end;
		double d = numeric && numeric[c] && *v ? strtod(v, &end) : 0;
		if (numeric && numeric[c] && *v && !*end)
			worksheet_write_number(s->ws, s->row, (lxw_col_t)c, d,
			                       strchr(v, '.') ? s->k->number
			                                      : s->k->count);
		else
			worksheet_write_string(s->ws, s->row, (lxw_col_t)c, v,
			                       s->k->cell);
	}
	s->row++;
}

static void table_head(struct sheet *s, const char *const *cells, size_t n)
{
	fit_row(s, cells, n);
	for (size_t c = 0; c < n; c++)
		worksheet_write_string(s->ws, s->row, (lxw_col_t)c,
		                       cells[c] ? cells[c] : "", s->k->head);
	s->row++;
}

/* One generic section (report.h), block by block. */
static void section(struct sheet *s, const oaip_rsection *sec)
{
	heading(s, sec->title);
	for (const oaip_rblock *b = sec->first; b; b = b->next) {
		switch (b->kind) {
		case OAIP_RB_PARA:
			para(s, b->text, s->k->text);
			break;
		case OAIP_RB_CAUTION:
			para(s, b->text, s->k->caution);
			break;
		case OAIP_RB_HEADING:
			worksheet_write_string(s->ws, s->row++, 0,
			                       b->text ? b->text : "",
			                       s->k->sub);
			break;
		case OAIP_RB_ITEM:
			if (b->label)
				fact(s, b->label, b->text);
			else
				para(s, b->text, s->k->text);
			break;
		case OAIP_RB_QUOTE:
			if (b->by)
				fact(s, b->by, b->text);
			else
				para(s, b->text, s->k->text);
			break;
		case OAIP_RB_TABLE: {
			const oaip_rtable *t = b->table;
			if (!t)
				break;
			if (t->caption && *t->caption &&
			    strcmp(t->caption, sec->title) != 0)
				worksheet_write_string(s->ws, s->row++, 0,
				                       t->caption,
				                       s->k->caption);
			const char *heads[16];
			bool numeric[16];
			size_t n = t->n_cols < 16 ? t->n_cols : 16;
			for (size_t c = 0; c < n; c++) {
				heads[c] = t->cols[c].heading;
				numeric[c] = t->cols[c].numeric;
			}
			table_head(s, heads, n);
			for (const oaip_rrow *r = t->first; r; r = r->next)
				table_row(s, r->cells, n, numeric);
			break;
		}
		case OAIP_RB_PAIRS:
			break; /* a chart: its table carries the numbers */
		}
	}
}

static void sections(struct sheet *s, const oaip_compare_report *rep,
                     oaip_rplace place)
{
	for (const oaip_rsection *sec = rep->sections.first; sec;
	     sec = sec->next)
		if (sec->place == place)
			section(s, sec);
}

void oaip_compare_xlsx_summary(struct book *k, const oaip_compare_report *rep)
{
	static const double widths[SUMMARY_COLS] = {30, 30, 24, 40,
	                                            14, 14, 14, 14};
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, "Summary");
	struct sheet s = {k, ws, 0, widths, SUMMARY_COLS};
	for (int c = 0; c < SUMMARY_COLS; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
		                     NULL);
	worksheet_set_row(ws, 0, 20, NULL);
	worksheet_write_string(ws, s.row++, 0, rep->page_title, k->title);
	s.row++;
	fact(&s, "Framework", rep->framework_line);
	fact(&s, "Date", rep->date);
	fact(&s, "Target level", rep->target_label);
	if (rep->phase_text)
		fact(&s, "Phase", rep->phase_text);
	fact(&s, "Returns", rep->returns_text);
	if (rep->notice) {
		s.row++;
		para(&s, rep->notice, k->caution);
		para(&s, rep->notice_more, k->text);
	}
	sections(&s, rep, OAIP_AFTER_HEADER);
	for (int p = OAIP_AFTER_SUMMARY; p < OAIP_AFTER_LISTS; p++)
		sections(&s, rep, (oaip_rplace)p);

	heading(&s, rep->area_title);
	para(&s, rep->area_intro, k->text);
	if (rep->has_area) {
		const char *heads[8] = {"", "Schools with a score"};
		for (int i = 0; i < 6; i++)
			heads[2 + i] = oaip_rspread_titles[i];
		table_head(&s, heads, 8);
		for (int w = 0; w <= OAIP_OVERALL; w++) {
			const oaip_rspread *sp = &rep->spread[w];
			worksheet_write_string(ws, s.row, 0, sp->title,
			                       k->cell);
			worksheet_write_number(ws, s.row, 1, (double)sp->n,
			                       k->count);
			for (int i = 0; i < 6; i++)
				if (sp->n)
					worksheet_write_number(
					    ws, s.row, (lxw_col_t)(2 + i),
					    sp->v[i], k->number);
				else
					worksheet_write_string(
					    ws, s.row, (lxw_col_t)(2 + i), "–",
					    k->cell);
			s.row++;
		}
	}

	heading(&s, rep->priorities_title);
	para(&s, rep->priorities_intro, k->text);
	if (rep->n_priorities) {
		const char *heads[] = {"Rank", "Indicator", "Cornerstone",
		                       "Schools below target"};
		table_head(&s, heads, 4);
		oaip_buf b;
		oaip_buf_init(&b);
		for (size_t i = 0; i < rep->n_priorities; i++) {
			const oaip_rpriority *p = &rep->priorities[i];
			b.len = 0;
			oaip_buf_printf(&b, "%s: %s", p->id, p->text);
			const char *cells[] = {"", b.failed ? "" : b.data,
			                       p->cornerstone, p->schools_text};
			table_row(&s, cells, 4, NULL);
			worksheet_write_number(ws, s.row - 1, 0,
			                       (double)p->rank, k->count);
		}
		if (b.failed)
			k->failed = true;
		oaip_buf_free(&b);
	}

	heading(&s, rep->low_title);
	para(&s, rep->low_intro, k->text);
	if (rep->n_low) {
		const char *heads[] = {"School", "File", "Rated"};
		table_head(&s, heads, 3);
		oaip_buf b;
		oaip_buf_init(&b);
		for (size_t i = 0; i < rep->n_low; i++) {
			const oaip_rschool *l = rep->low[i];
			b.len = 0;
			oaip_put_size(&b, l->rated);
			oaip_buf_puts(&b, " of ");
			oaip_put_size(&b, l->total);
			oaip_buf_puts(&b, " (");
			oaip_put_score(&b, l->coverage);
			oaip_buf_puts(&b, "%)");
			const char *cells[] = {l->school, l->file,
			                       b.failed ? "" : b.data};
			table_row(&s, cells, 3, NULL);
		}
		if (b.failed)
			k->failed = true;
		oaip_buf_free(&b);
	}

	sections(&s, rep, OAIP_AFTER_LISTS);

	heading(&s, rep->unreadable_title);
	para(&s, rep->unreadable_intro, k->text);
	if (rep->n_unreadable) {
		/* The error across the rest of the page. */
		worksheet_write_string(ws, s.row, 0, "File", k->head);
		span(&s, 1, "Error", k->head);
		s.row++;
		oaip_buf b;
		oaip_buf_init(&b);
		for (size_t i = 0; i < rep->n_unreadable; i++) {
			const oaip_runreadable *u = &rep->unreadable[i];
			b.len = 0;
			for (size_t e = 0; e < u->n_errors; e++) {
				const oaip_diag *d = &u->errors[e];
				if (e)
					oaip_buf_putc(&b, '\n');
				oaip_buf_puts(&b, d->file ? d->file : "");
				if (d->line > 0) {
					oaip_buf_putc(&b, ':');
					oaip_put_size(&b, (size_t)d->line);
				}
				oaip_buf_puts(&b, ": ");
				oaip_buf_puts(&b, d->message ? d->message : "");
			}
			if (u->more) {
				oaip_buf_putc(&b, '\n');
				oaip_buf_puts(&b, u->more);
			}
			worksheet_write_string(ws, s.row, 0, u->file, k->cell);
			span(&s, 1, b.failed || !b.data ? "" : b.data, k->cell);
			s.row++;
		}
		if (b.failed)
			k->failed = true;
		oaip_buf_free(&b);
	}

	heading(&s, rep->method.title);
	for (size_t i = 0; i < rep->method.n; i++) {
		const oaip_rmethod_part *m = &rep->method.v[i];
		if (m->band)
			fact(&s, m->band, m->text);
		else
			para(&s, m->text, k->text);
	}
	s.row++;
	para(&s, rep->attribution, k->small);
	para(&s, rep->cornerstones_credit, k->small);
	para(&s, rep->credit, k->small);
	oaip_compare_xlsx_page_setup(ws, (lxw_row_t)-1);
}
