/* plan_xlsx.c - the action plan as an Excel workbook, ready to fill in.
 *
 * One sheet, "Action plan": the plan's title, where it came from and what
 * it holds (plan.c's words), then a header row of the plan's column keys
 * (as in the CSV, so the sheet reads back as a table) and one row per
 * gap.  owner, by_when and success_measure are shaded to fill in;
 * by_when offers the coming school terms as a drop-down that still takes
 * any date or words.  A filter on the header; the panes frozen below it.
 * Printing: A4 landscape, one page wide, the header row repeated on
 * every page, page numbers in the footer.  Cells are written as strings
 * (or numbers), never as formulas, whatever the school typed. */
#include "config.h"

#include <string.h>

#include "xlsx_write.h"

#define TITLE_ROW 0
#define FROM_ROW  1
#define INTRO_ROW 2
#define NOTE_ROW  3

/* Width of each plan column, in characters, by key. */
static double width_of(const char *key)
{
	static const struct {
		const char *key;
		double width;
	} widths[] = {
	    {"indicator", 15},       {"cornerstone", 16},
	    {"statement", 38},       {"rating", 12},
	    {"target", 12},          {"next_steps", 44},
	    {"owner", 18},           {"by_when", 18},
	    {"success_measure", 36}, {"parent_agree_pct", 14},
	};
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		if (strcmp(widths[i].key, key) == 0)
			return widths[i].width;
	return 16;
}

static int lines_for(const char *s, double width)
{
	return oaip_xlsx_lines(s, width, 15);
}

/* Prompts shown beside the cells to fill in.  libxlsxwriter 1.1 takes
 * them as char *, so they are arrays, not string literals. */
static char when_title[] = "By when";
static char when_message[] = "Choose a term, or type a date.";
static char owner_title[] = "Owner";
static char owner_message[] = "Who will make sure this happens?";
static char success_title[] = "Success measure";
static char success_message[] =
    "How will you and parent carers know it has worked?";

/* One sentence of plan.c's across the sheet's width. */
static void sentence(lxw_worksheet *ws, lxw_row_t row, size_t n_cols,
                     const char *text, lxw_format *fmt)
{
	worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(n_cols - 1), text,
	                      fmt);
	worksheet_set_row(ws, row, 15.0 * lines_for(text, 200), NULL);
}

bool oaip_plan_xlsx(const oaip_plan *p, const oaip_render_options *o,
                    oaip_buf *out, oaip_diags *d)
{
	oaip_xlsx x;
	lxw_workbook *wb = oaip_xlsx_new(&x, d);
	if (!wb)
		return false;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Action plan");
	size_t n_cols;
	const oaip_plan_column *cols = oaip_plan_columns(p, &n_cols);
	oaip_buf t, cell;
	oaip_buf_init(&t);
	oaip_buf_init(&cell);

	lxw_format *title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);
	lxw_format *note = workbook_add_format(wb);
	format_set_text_wrap(note);
	format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(note, 0x404040);
	lxw_format *header = workbook_add_format(wb);
	format_set_bold(header);
	format_set_bg_color(header, 0xD9E2F3);
	format_set_border(header, LXW_BORDER_THIN);
	format_set_text_wrap(header);
	format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
	lxw_format *fact = workbook_add_format(wb);
	format_set_text_wrap(fact);
	format_set_align(fact, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(fact, LXW_BORDER_THIN);
	format_set_border_color(fact, 0xC0C0C0);
	lxw_format *number = workbook_add_format(wb);
	format_set_num_format(number, "0.0");
	format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(number, LXW_BORDER_THIN);
	format_set_border_color(number, 0xC0C0C0);
	lxw_format *fill = workbook_add_format(wb);
	format_set_text_wrap(fill);
	format_set_align(fill, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(fill, 0xFFF8DC);
	format_set_border(fill, LXW_BORDER_THIN);
	format_set_border_color(fill, 0xB0B0B0);

	oaip_plan_title(p, &t);
	oaip_buf_puts(&t, "");
	worksheet_write_string(ws, TITLE_ROW, 0, t.data, title);
	worksheet_set_row(ws, TITLE_ROW, 20, NULL);
	t.len = 0;
	oaip_buf_printf(&t, "From %s", p->r->se->file);
	if (o && o->date)
		oaip_buf_printf(&t, " on %s", o->date);
	oaip_buf_printf(&t, ", against %s.", oaip_framework_name(p->r->fw));
	sentence(ws, FROM_ROW, n_cols, t.data ? t.data : "", note);
	t.len = 0;
	oaip_plan_intro(p, &t);
	sentence(ws, INTRO_ROW, n_cols, t.data ? t.data : "", note);
	lxw_row_t head = NOTE_ROW + 1;
	if (p->with_survey) {
		t.len = 0;
		oaip_plan_survey_note(p, &t);
		sentence(ws, NOTE_ROW, n_cols, t.data ? t.data : "", note);
		head = NOTE_ROW + 2;
	}

	for (size_t c = 0; c < n_cols; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		                     width_of(cols[c].key), NULL);
		worksheet_write_string(ws, head, (lxw_col_t)c, cols[c].key,
		                       header);
	}
	for (size_t k = 0; k < p->n_rows; k++) {
		lxw_row_t row = head + 1 + (lxw_row_t)k;
		int lines = 1;
		for (size_t c = 0; c < n_cols; c++) {
			cell.len = 0;
			oaip_buf_puts(&cell, "");
			oaip_plan_cell(p, k, c, true, &cell);
			const char *v = cell.data ? cell.data : "";
			int l = lines_for(v, width_of(cols[c].key));
			if (l > lines)
				lines = l;
			if (cols[c].fill_in)
				worksheet_write_blank(ws, row, (lxw_col_t)c,
				                      fill);
			else if (strcmp(cols[c].key, "parent_agree_pct") == 0 &&
			         p->rows[k].has_agree)
				worksheet_write_number(
				    ws, row, (lxw_col_t)c,
				    oaip_score_round(p->rows[k].agree_pct),
				    number);
			else
				worksheet_write_string(ws, row, (lxw_col_t)c, v,
				                       fact);
		}
		worksheet_set_row(ws, row, 15.0 * (lines < 2 ? 2 : lines),
		                  NULL);
	}

	/* by_when: the coming terms, or any date or words. */
	char terms[6][24];
	char *list[7] = {NULL};
	size_t n_terms = oaip_plan_terms(o ? o->date : NULL, terms, 6);
	for (size_t k = 0; k < n_terms; k++)
		list[k] = terms[k];
	lxw_row_t last = head + (lxw_row_t)(p->n_rows ? p->n_rows : 1);
	/* The prompts reach below the gaps too, for actions of the
	 * school's own. */
	lxw_row_t fill_last = last + 20;
	for (size_t c = 0; c < n_cols; c++) {
		if (!cols[c].fill_in)
			continue;
		lxw_data_validation dv;
		memset(&dv, 0, sizeof dv);
		if (strcmp(cols[c].key, "by_when") == 0 && n_terms) {
			dv.validate = LXW_VALIDATION_TYPE_LIST;
			dv.value_list = list;
			dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
			dv.show_error = LXW_VALIDATION_OFF;
			dv.input_title = when_title;
			dv.input_message = when_message;
		} else if (strcmp(cols[c].key, "owner") == 0) {
			dv.validate = LXW_VALIDATION_TYPE_ANY;
			dv.input_title = owner_title;
			dv.input_message = owner_message;
		} else {
			dv.validate = LXW_VALIDATION_TYPE_ANY;
			dv.input_title = success_title;
			dv.input_message = success_message;
		}
		worksheet_data_validation_range(ws, head + 1, (lxw_col_t)c,
		                                fill_last, (lxw_col_t)c, &dv);
	}

	worksheet_autofilter(ws, head, 0, last, (lxw_col_t)(n_cols - 1));
	worksheet_freeze_panes(ws, head + 1, 1);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, head, head);
	worksheet_set_footer(ws, "&CPage &P of &N");

	t.len = 0;
	oaip_plan_title(p, &t);
	oaip_xlsx_properties(&x, t.data,
	                     "Partnership with parent carers: the Four "
	                     "Cornerstones",
	                     p->r->fw->publisher, p->r->fw->attribution);
	bool failed = t.failed || cell.failed;
	oaip_buf_free(&t);
	oaip_buf_free(&cell);
	bool ok = oaip_xlsx_finish(&x, out, d);
	if (failed && ok) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0, "out of memory");
		ok = false;
	}
	return ok;
}
