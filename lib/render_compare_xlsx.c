/* render_compare_xlsx.c - the comparison as an Excel workbook for the
 * adviser: a walk over the model (report.h) that lays out cells and
 * nothing else.
 *
 *   Summary          the report's facts and sentences in the order of the
 *                    Markdown and HTML reports (written by
 *                    render_compare_xlsx_summary.c): framework, date, target,
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

#include "render_compare_xlsx.h"

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

void oaip_compare_xlsx_page_setup(lxw_worksheet *ws, lxw_row_t head)
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
	oaip_compare_xlsx_page_setup(ws, 0);
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
	oaip_compare_xlsx_page_setup(ws, 0);
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
	oaip_compare_xlsx_page_setup(ws, 0);
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
	oaip_compare_xlsx_summary(&k, rep);
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
