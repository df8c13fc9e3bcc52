/* render_compare_xlsx.c - the comparison as an Excel workbook for the
 * adviser: a walk over the model (report.h) that lays out cells and
 * nothing else.
 *
 *   Summary          the report's facts and sentences in the order of the
 *                    Markdown and HTML reports: framework, date, target,
 *                    returns; the sections (schools most in need of
 *                    support, since last time, parent carers across the
 *                    area, whom to invite, schools given twice, files
 *                    skipped, ...); area averages and spread; training
 *                    priorities; low coverage; returns that could not be
 *                    read; how scores are worked out; the credits.
 *   Heat map         one row per school counted, the columns of the CSV
 *                    (rep->cols): scores as numbers, each beside its band
 *                    in words, and the counts; shaded by band with
 *                    conditional formats in the heat map's colours
 *                    (oaip_heat_steps), a key below the table.
 *   Ratings          the long table, one row per school and indicator,
 *                    the same rows as the long CSV (oaip_compare_long_walk).
 *   Since last time  with --previous: one row per school matched to last
 *                    time, each measure then, now and the change, as
 *                    numbers (the section's words are in the Summary).
 *
 * Every cell from a school or a file is written as a string (or a
 * number), never as a formula, whatever it starts with.  Each sheet
 * prints on A4 landscape, one page wide (the heat map two, its schools'
 * names on each), with its header row repeated.
 * Rows are written in order, so the workbook is made row by row
 * (constant memory): a comparison of thousands of schools fits. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xlsx_write.h"

#define SUMMARY_COLS 8

struct book {
	lxw_workbook *wb;
	lxw_format *title, *heading, *sub, *text, *bold_text, *caution, *head,
	    *cell, *number, *count, *caption, *small, *line;
	lxw_format *key[8];   /* the heat steps' fills, for the key */
	lxw_format *shade[8]; /* the same, for conditional formats */
	bool failed;
};

/* A colour of the heat table, "#c7e6df", as libxlsxwriter takes it. */
static lxw_color_t colour(const char *hex)
{
	return (lxw_color_t)strtol(hex && *hex == '#' ? hex + 1 : "ffffff",
	                           NULL, 16);
}

static void fill(lxw_format *f, const oaip_heat_step *h)
{
	if (h->hatched) {
		/* Stripes of the colour and white, as the HTML's hatching;
		 * a pattern's colour is its foreground. */
		format_set_pattern(f, LXW_PATTERN_DARK_UP);
		format_set_fg_color(f, colour(h->colour));
		format_set_bg_color(f, 0xFFFFFF);
	} else {
		format_set_bg_color(f, colour(h->colour));
	}
}

static void formats(struct book *k)
{
	lxw_workbook *wb = k->wb;
	k->title = workbook_add_format(wb);
	format_set_bold(k->title);
	format_set_font_size(k->title, 14);
	k->heading = workbook_add_format(wb);
	format_set_bold(k->heading);
	format_set_font_size(k->heading, 12);
	format_set_font_color(k->heading, 0x1F3864);
	k->sub = workbook_add_format(wb);
	format_set_bold(k->sub);
	k->text = workbook_add_format(wb);
	format_set_text_wrap(k->text);
	format_set_align(k->text, LXW_ALIGN_VERTICAL_TOP);
	k->bold_text = workbook_add_format(wb);
	format_set_text_wrap(k->bold_text);
	format_set_bold(k->bold_text);
	format_set_align(k->bold_text, LXW_ALIGN_VERTICAL_TOP);
	k->caution = workbook_add_format(wb);
	format_set_text_wrap(k->caution);
	format_set_bold(k->caution);
	format_set_align(k->caution, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(k->caution, 0xFFF2CC);
	k->caption = workbook_add_format(wb);
	format_set_italic(k->caption);
	k->small = workbook_add_format(wb);
	format_set_text_wrap(k->small);
	format_set_align(k->small, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(k->small, 0x404040);
	k->head = workbook_add_format(wb);
	format_set_bold(k->head);
	format_set_bg_color(k->head, 0xD9E2F3);
	format_set_border(k->head, LXW_BORDER_THIN);
	format_set_text_wrap(k->head);
	format_set_align(k->head, LXW_ALIGN_VERTICAL_TOP);
	k->cell = workbook_add_format(wb);
	format_set_text_wrap(k->cell);
	format_set_align(k->cell, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(k->cell, LXW_BORDER_THIN);
	format_set_border_color(k->cell, 0xC0C0C0);
	k->line = workbook_add_format(wb); /* one line, not wrapped */
	format_set_align(k->line, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(k->line, LXW_BORDER_THIN);
	format_set_border_color(k->line, 0xC0C0C0);
	k->number = workbook_add_format(wb);
	format_set_num_format(k->number, "0.0");
	format_set_align(k->number, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(k->number, LXW_BORDER_THIN);
	format_set_border_color(k->number, 0xC0C0C0);
	k->count = workbook_add_format(wb);
	format_set_num_format(k->count, "0");
	format_set_align(k->count, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(k->count, LXW_BORDER_THIN);
	format_set_border_color(k->count, 0xC0C0C0);
	for (size_t i = 0; i < oaip_n_heat_steps && i < 8; i++) {
		k->key[i] = workbook_add_format(wb);
		format_set_border(k->key[i], LXW_BORDER_THIN);
		format_set_border_color(k->key[i], 0xC0C0C0);
		fill(k->key[i], &oaip_heat_steps[i]);
		k->shade[i] = workbook_add_format(wb);
		fill(k->shade[i], &oaip_heat_steps[i]);
	}
}

static void page_setup(lxw_worksheet *ws, lxw_row_t head)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_fit_to_pages(ws, 1, 0);
	if (head != (lxw_row_t)-1)
		worksheet_repeat_rows(ws, head, head);
	worksheet_set_header(ws, "&L&A");
	worksheet_set_footer(ws, "&CPage &P of &N");
}

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

static void summary(struct book *k, const oaip_compare_report *rep)
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
	page_setup(ws, (lxw_row_t)-1);
}

/* ---- the heat map ---------------------------------------------------------
 */

static double col_width(oaip_rcol_kind kind)
{
	switch (kind) {
	case OAIP_RCOL_SCHOOL:
		return 26;
	case OAIP_RCOL_FILE:
		return 24;
	case OAIP_RCOL_URN:
		return 9;
	case OAIP_RCOL_PHASE:
		return 11;
	case OAIP_RCOL_SCORE:
		return 13; /* "Communicate" on one line */
	case OAIP_RCOL_BAND:
		return 21; /* "Too few rated to judge" on one line */
	case OAIP_RCOL_RATED:
	case OAIP_RCOL_TOTAL:
	case OAIP_RCOL_PARENT_SCORE:
		return 13;
	case OAIP_RCOL_PARENTS:
		return 15; /* "Could not be read" */
	case OAIP_RCOL_MATCH:
	case OAIP_RCOL_THEN:
	case OAIP_RCOL_CHANGE:
		return 13;
	case OAIP_RCOL_ERROR:
		break;
	}
	return 30;
}

static void heat_map(struct book *k, const oaip_compare_report *rep)
{
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, "Heat map");
	/* Every school here was read: no error column. */
	size_t n_cols = 0;
	for (size_t c = 0; c < rep->n_cols; c++)
		if (rep->cols[c].kind != OAIP_RCOL_ERROR)
			n_cols++;
	worksheet_set_row(ws, 0, 45, NULL);
	lxw_col_t col = 0;
	for (size_t c = 0; c < rep->n_cols; c++) {
		const oaip_rcol *rc = &rep->cols[c];
		if (rc->kind == OAIP_RCOL_ERROR)
			continue;
		worksheet_set_column(ws, col, col, col_width(rc->kind), NULL);
		worksheet_write_string(ws, 0, col++, rc->heading, k->head);
	}
	for (size_t i = 0; i < rep->n_schools; i++) {
		const oaip_rschool *s = &rep->schools[i];
		lxw_row_t row = (lxw_row_t)(i + 1);
		col = 0;
		for (size_t c = 0; c < rep->n_cols; c++) {
			const oaip_rcol *rc = &rep->cols[c];
			const oaip_rcell *m = &s->m[rc->measure];
			switch (rc->kind) {
			case OAIP_RCOL_SCHOOL:
				worksheet_write_string(ws, row, col, s->school,
				                       k->line);
				break;
			case OAIP_RCOL_URN:
				worksheet_write_string(ws, row, col, s->urn,
				                       k->line);
				break;
			case OAIP_RCOL_PHASE:
				worksheet_write_string(ws, row, col, s->phase,
				                       k->line);
				break;
			case OAIP_RCOL_FILE:
				worksheet_write_string(ws, row, col, s->file,
				                       k->line);
				break;
			case OAIP_RCOL_SCORE:
				if (m->has_score)
					worksheet_write_number(
					    ws, row, col, m->score, k->number);
				else
					worksheet_write_blank(ws, row, col,
					                      k->number);
				break;
			case OAIP_RCOL_BAND:
				worksheet_write_string(ws, row, col,
				                       m->band_short, k->line);
				break;
			case OAIP_RCOL_RATED:
				worksheet_write_number(
				    ws, row, col, (double)m->rated, k->count);
				break;
			case OAIP_RCOL_TOTAL:
				worksheet_write_number(
				    ws, row, col, (double)m->total, k->count);
				break;
			case OAIP_RCOL_PARENTS:
				worksheet_write_string(ws, row, col,
				                       s->parents->answered,
				                       k->line);
				break;
			case OAIP_RCOL_PARENT_SCORE:
				if (s->parents->has[rc->measure])
					worksheet_write_number(
					    ws, row, col,
					    s->parents->score[rc->measure],
					    k->number);
				else
					worksheet_write_blank(ws, row, col,
					                      k->number);
				break;
			case OAIP_RCOL_ERROR:
			case OAIP_RCOL_MATCH:
			case OAIP_RCOL_THEN:
			case OAIP_RCOL_CHANGE:
				continue; /* not in the heat map */
			}
			col++;
		}
	}
	lxw_row_t last = (lxw_row_t)rep->n_schools;

	/* Each score and its band shaded by the band's words. */
	if (rep->n_schools) {
		col = 0;
		for (size_t c = 0; c < rep->n_cols; c++) {
			const oaip_rcol *rc = &rep->cols[c];
			if (rc->kind == OAIP_RCOL_ERROR)
				continue;
			if (rc->kind == OAIP_RCOL_BAND) {
				char ref[32];
				lxw_rowcol_to_cell_abs(ref, 1, col, 0, 1);
				for (size_t h = 0;
				     h < oaip_n_heat_steps && h < 8; h++) {
					char rule[160];
					snprintf(rule, sizeof rule,
					         "=%s=\"%s\"", ref,
					         oaip_heat_steps[h].band);
					lxw_conditional_format cf;
					memset(&cf, 0, sizeof cf);
					cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
					cf.value_string = rule;
					cf.format = k->shade[h];
					worksheet_conditional_format_range(
					    ws, 1, col ? col - 1 : 0, last, col,
					    &cf);
				}
			}
			col++;
		}
	}
	worksheet_autofilter(ws, 0, 0, last, (lxw_col_t)(n_cols - 1));
	worksheet_freeze_panes(ws, 1, 1);

	/* The key, below the table. */
	lxw_row_t row = last + 2;
	const char *intro =
	    rep->schools_none ? rep->schools_none : rep->legend_intro;
	worksheet_set_row(ws, row, 30, NULL);
	worksheet_merge_range(ws, row, 0, row, 3, intro, k->text);
	row++;
	if (!rep->schools_none)
		for (size_t h = 0; h < oaip_n_heat_steps && h < 8; h++) {
			const oaip_heat_step *st = &oaip_heat_steps[h];
			worksheet_write_string(ws, row, 0, st->band, k->key[h]);
			worksheet_merge_range(ws, row, 1, row, 3, st->legend,
			                      k->text);
			row++;
		}
	/* Two pages wide at most, the school's name on each. */
	page_setup(ws, 0);
	worksheet_fit_to_pages(ws, 2, 0);
	worksheet_repeat_columns(ws, 0, 0);
}

/* ---- the ratings: the long table ------------------------------------------
 */

struct ratings {
	struct book *k;
	lxw_worksheet *ws;
	lxw_row_t row;
};

static bool r_school(void *ud, const oaip_long_row *r)
{
	(void)ud;
	(void)r;
	return true;
}

static bool r_rating(void *ud, const oaip_long_row *r)
{
	struct ratings *x = ud;
	lxw_worksheet *ws = x->ws;
	lxw_row_t row = ++x->row;
	const char *text[] = {r->school,    r->urn,         r->phase, r->file,
	                      r->indicator, r->cornerstone, r->rating};
	for (lxw_col_t c = 0; c < 7; c++)
		worksheet_write_string(ws, row, c, text[c], NULL);
	if (r->level >= 0) {
		worksheet_write_number(ws, row, 7, r->level, NULL);
		worksheet_write_string(ws, row, 8, r->below ? "yes" : "no",
		                       NULL);
	}
	return true;
}

static void ratings(struct book *k, const oaip_compare_report *rep)
{
	static const double widths[OAIP_LONG_COLUMNS] = {28, 10, 12, 26, 16,
	                                                 22, 16, 8,  13};
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, "Ratings");
	for (lxw_col_t c = 0; c < OAIP_LONG_COLUMNS; c++) {
		worksheet_set_column(ws, c, c, widths[c], NULL);
		worksheet_write_string(ws, 0, c, oaip_long_columns[c], k->head);
	}
	struct ratings x = {k, ws, 0};
	oaip_long_walker w = {r_school, r_rating, &x};
	if (!oaip_compare_long_walk(rep->comparison, &w))
		k->failed = true;
	worksheet_autofilter(ws, 0, 0, x.row, OAIP_LONG_COLUMNS - 1);
	worksheet_freeze_panes(ws, 1, 0);
	page_setup(ws, 0);
}

/* ---- since last time ------------------------------------------------------
 */

/* One row per school matched to last time, the numbers to sort by; the
 * words (area means, who improved and slipped, who has no match) are in
 * the Summary's "Since last time". */
static void since(struct book *k, const oaip_compare_report *rep)
{
	if (!rep->n_since_cols)
		return;
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, "Since last time");
	lxw_format *change = workbook_add_format(k->wb);
	format_set_num_format(change, "+0.0;-0.0;0.0");
	format_set_align(change, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(change, LXW_BORDER_THIN);
	format_set_border_color(change, 0xC0C0C0);
	worksheet_set_row(ws, 0, 45, NULL);
	for (size_t c = 0; c < rep->n_since_cols; c++) {
		const oaip_rcol *rc = &rep->since_cols[c];
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		                     col_width(rc->kind), NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, rc->heading,
		                       k->head);
	}
	lxw_row_t row = 0;
	for (size_t i = 0; i < rep->n_schools; i++) {
		const oaip_rschool *s = &rep->schools[i];
		const oaip_rchange *ch = s->since;
		if (!ch)
			continue;
		row++;
		for (size_t c = 0; c < rep->n_since_cols; c++) {
			const oaip_rcol *rc = &rep->since_cols[c];
			lxw_col_t col = (lxw_col_t)c;
			int m = rc->measure;
			bool has = false;
			double v = 0;
			lxw_format *f = k->number;
			switch (rc->kind) {
			case OAIP_RCOL_SCHOOL:
				worksheet_write_string(ws, row, col, s->school,
				                       k->line);
				continue;
			case OAIP_RCOL_FILE:
				worksheet_write_string(ws, row, col, s->file,
				                       k->line);
				continue;
			case OAIP_RCOL_MATCH:
				worksheet_write_string(ws, row, col,
				                       ch->matched_by, k->line);
				continue;
			case OAIP_RCOL_THEN:
				has = ch->has_then[m];
				v = ch->then[m];
				break;
			case OAIP_RCOL_SCORE:
				has = s->m[m].has_score;
				v = s->m[m].score;
				break;
			case OAIP_RCOL_CHANGE:
				has = ch->has_change[m];
				v = ch->change[m];
				f = change;
				break;
			default:
				continue;
			}
			if (has)
				worksheet_write_number(ws, row, col, v, f);
			else
				worksheet_write_blank(ws, row, col, f);
		}
	}
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)(rep->n_since_cols - 1));
	worksheet_freeze_panes(ws, 1, 1);
	page_setup(ws, 0);
	worksheet_fit_to_pages(ws, 2, 0);
	worksheet_repeat_columns(ws, 0, 0);
}

void oaip_compare_xlsx(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_diags quiet;
	oaip_diags_init(&quiet);
	oaip_diags *d = rep->diags ? rep->diags : &quiet;
	oaip_xlsx x;
	struct book k = {0};
	k.wb = oaip_xlsx_new_rows(&x, d);
	if (!k.wb) {
		out->failed = true;
		oaip_diags_free(&quiet);
		return;
	}
	formats(&k);
	summary(&k, rep);
	heat_map(&k, rep);
	ratings(&k, rep);
	since(&k, rep);
	oaip_xlsx_properties(&x, rep->page_title, rep->framework_line, NULL,
	                     rep->attribution);
	/* By this compare knows the workbook in a folder of returns. */
	workbook_set_custom_property_string(k.wb, OAIP_AREA_WORKBOOK_PROPERTY,
	                                    rep->credit);
	if (!oaip_xlsx_finish(&x, out, d) || k.failed)
		out->failed = true;
	oaip_diags_free(&quiet);
}
