/* template_xlsx.c - the blank self-evaluation as an Excel workbook,
 * written with libxlsxwriter.
 *
 * Sheets:
 *   Self-evaluation  the details block (School, URN, Phase, Framework,
 *                    Completed by, Date), then the header and one row per
 *                    indicator; rating is a drop-down of the scale's labels
 *                    and n/a that refuses anything else; ids, cornerstones
 *                    and statements are protected from accidental edits
 *                    (no password), the details, ratings, evidence and
 *                    next steps are not
 *   Levels           what each level means
 *   Good practice    the framework's examples for each indicator
 * and the framework's attribution on each sheet and in the document
 * properties.  The reader (selfeval.c) reads the workbook back as it is.
 *
 * The workbook is made in memory (xlsx_write.h), so that the caller
 * writes it atomically like every other output. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "report.h"
#include "xlsx_write.h"

/* Rows of the Self-evaluation sheet (0-based). */
#define DETAILS_ROW 0
#define HEADER_ROW  8
#define FIRST_ROW   9

/* Column widths, in characters. */
static const double widths[] = {16, 18, 60, 16, 50, 40};
enum { C_ID, C_CORNERSTONE, C_STATEMENT, C_RATING, C_EVIDENCE, C_NEXT };

/* libxlsxwriter's option structs hold char *: its fixed texts live in
 * arrays, not in string literals. */
static char empty_text[] = "";
static char phase_title[] = "Phase";
static char phase_message[] = "The school's phases, comma-separated: "
                              "early-years, school, post-16. Leave blank "
                              "for every phase.";
static char framework_title[] = "Framework";
static char framework_message[] = "The framework this return is for; "
                                  "oaip-eval reads it, so leave it as it is.";
static char na_text[] = "n/a";
static char rating_title[] = "Rating";
static char rating_error_title[] = "Not a rating";
static char subject_text[] = "Partnership with parent carers: the Four "
                             "Cornerstones";

struct formats {
	lxw_format *title, *label, *value, *header, *locked, *wrap, *edit,
	    *note, *quote;
};

/* Height for text in a column of width characters: lines of 15 points,
 * at least min lines. */
static double height_for(const char *s, double width, int min)
{
	size_t chars = s ? strlen(s) : 0;
	int lines = (int)((double)chars / (width * 0.95)) + 1;
	for (const char *p = s; p && *p; p++)
		lines += *p == '\n';
	if (lines < min)
		lines = min;
	if (lines > 20)
		lines = 20;
	return 15.0 * lines;
}

static void make_formats(lxw_workbook *wb, struct formats *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);

	f->label = workbook_add_format(wb);
	format_set_bold(f->label);
	format_set_align(f->label, LXW_ALIGN_VERTICAL_TOP);

	f->value = workbook_add_format(wb);
	format_set_unlocked(f->value);
	format_set_bg_color(f->value, 0xFFF8DC);
	format_set_border(f->value, LXW_BORDER_THIN);
	format_set_border_color(f->value, 0xB0B0B0);

	f->header = workbook_add_format(wb);
	format_set_bold(f->header);
	format_set_bg_color(f->header, 0xD9E2F3);
	format_set_border(f->header, LXW_BORDER_THIN);
	format_set_text_wrap(f->header);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);

	f->locked = workbook_add_format(wb);
	format_set_align(f->locked, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->locked, 0x404040);

	f->quote = workbook_add_format(wb);
	format_set_italic(f->quote);
	format_set_text_wrap(f->quote);
	format_set_align(f->quote, LXW_ALIGN_VERTICAL_TOP);

	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);

	f->edit = workbook_add_format(wb);
	format_set_unlocked(f->edit);
	format_set_text_wrap(f->edit);
	format_set_align(f->edit, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(f->edit, 0xFFF8DC);
	format_set_border(f->edit, LXW_BORDER_THIN);
	format_set_border_color(f->edit, 0xB0B0B0);

	f->note = workbook_add_format(wb);
	format_set_italic(f->note);
	format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->note, 0x505050);
}

/* "Not yet, Emerging, Established, Embedded or n/a" into b. */
static void choices(oaip_buf *b, const oaip_scale *s)
{
	for (size_t i = 0; i < s->n_levels; i++) {
		oaip_buf_puts(b, s->levels[i].label);
		oaip_buf_puts(b, ", ");
	}
	oaip_buf_puts(b, "or n/a");
}

/* A message for Excel's 255-character fields: cut on a character
 * boundary.  Borrowed from b. */
static char *fit(oaip_buf *b, size_t max)
{
	if (b->failed || !b->data)
		return empty_text;
	if (b->len > max) {
		size_t n = max;
		while (n && ((unsigned char)b->data[n] & 0xC0) == 0x80)
			n--;
		b->data[n] = '\0';
		b->len = n;
	}
	return b->data;
}

static void details(lxw_worksheet *ws, const oaip_framework *fw, unsigned phase,
                    const struct formats *f)
{
	static const char *const names[] = {
	    "School", "URN", "Phase", "Framework", "Completed by", "Date"};
	for (int i = 0; i < 6; i++) {
		worksheet_write_string(ws, (lxw_row_t)(DETAILS_ROW + i), 0,
		                       names[i], f->label);
		worksheet_write_blank(ws, (lxw_row_t)(DETAILS_ROW + i), 1,
		                      f->value);
	}
	oaip_buf b;
	oaip_buf_init(&b);
	if (phase && phase != OAIP_PHASE_ALL) {
		oaip_phase_list(&b, phase, ", ");
		worksheet_write_string(ws, DETAILS_ROW + 2, 1, b.data,
		                       f->value);
	}
	worksheet_write_string(ws, DETAILS_ROW + 3, 1, fw->id, f->value);
	b.len = 0;
	oaip_buf_printf(&b, "%s%s%s", fw->publisher ? fw->publisher : "",
	                fw->publisher ? ": " : "", fw->title ? fw->title : "");
	worksheet_write_string(ws, DETAILS_ROW + 3, 3, b.len ? b.data : "",
	                       f->note);
	worksheet_write_string(ws, DETAILS_ROW + 2, 3,
	                       "Your phases, comma-separated: early-years, "
	                       "school, post-16 (or primary, secondary, "
	                       "sixth-form...); blank for every phase",
	                       f->note);
	/* Notes go in the fourth column, unwrapped: the reader takes a
	 * detail's value from the second, which may run over into the
	 * third. */
	worksheet_write_string(ws, DETAILS_ROW, 3,
	                       "Fill in the shaded cells: the details, then a "
	                       "rating for each indicator from its drop-down "
	                       "list, your evidence and next steps. Then run: "
	                       "oaip-eval score this-file.xlsx",
	                       f->note);
	worksheet_write_string(ws, DETAILS_ROW + 5, 3, "For example 2026-11-30",
	                       f->note);

	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_ANY;
	dv.input_title = phase_title;
	dv.input_message = phase_message;
	worksheet_data_validation_cell(ws, DETAILS_ROW + 2, 1, &dv);
	dv.input_title = framework_title;
	dv.input_message = framework_message;
	worksheet_data_validation_cell(ws, DETAILS_ROW + 3, 1, &dv);
	oaip_buf_free(&b);
}

static void rating_validation(lxw_worksheet *ws, const oaip_scale *s,
                              size_t rows, const struct formats *f)
{
	(void)f;
	if (!rows)
		return;
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	/* The drop-down's values: the labels and n/a, in the list itself
	 * when they fit Excel's 255 characters and hold no comma, else from
	 * the Levels sheet. */
	size_t total = 4, n = s->n_levels;
	bool comma = false;
	for (size_t i = 0; i < n; i++) {
		total += strlen(s->levels[i].label) + 1;
		comma |= strchr(s->levels[i].label, ',') != NULL;
	}
	char **list = calloc(n + 2, sizeof *list);
	char formula[64];
	if (list && total <= 255 && !comma) {
		for (size_t i = 0; i < n; i++)
			list[i] = s->levels[i].label;
		list[n] = na_text;
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = list;
	} else {
		snprintf(formula, sizeof formula, "=Levels!$B$2:$B$%zu", n + 2);
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		dv.value_formula = formula;
	}
	oaip_buf in, err;
	oaip_buf_init(&in);
	oaip_buf_init(&err);
	oaip_buf_puts(&in, "Choose from the list: ");
	choices(&in, s);
	oaip_buf_puts(&in, ". Leave blank if not evaluated yet. The Levels "
	                   "sheet says what each level means.");
	oaip_buf_puts(&err, "The rating must be one of: ");
	choices(&err, s);
	oaip_buf_puts(&err, " (or blank). Choose it from the drop-down list.");
	dv.input_title = rating_title;
	dv.input_message = fit(&in, 255);
	dv.error_title = rating_error_title;
	dv.error_message = fit(&err, 255);
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	worksheet_data_validation_range(ws, FIRST_ROW, C_RATING,
	                                (lxw_row_t)(FIRST_ROW + rows - 1),
	                                C_RATING, &dv);
	oaip_buf_free(&in);
	oaip_buf_free(&err);
	free(list);
}

static size_t self_evaluation(lxw_worksheet *ws, const oaip_framework *fw,
                              unsigned phase, const struct formats *f)
{
	details(ws, fw, phase, f);
	static const char *const head[] = {"indicator", "cornerstone",
	                                   "statement", "rating",
	                                   "evidence",  "next_steps"};
	for (int c = 0; c < 6; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
		                     NULL);
		worksheet_write_string(ws, HEADER_ROW, (lxw_col_t)c, head[c],
		                       f->header);
	}
	size_t rows = 0;
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		if (!oaip_indicator_applies(ind, phase))
			continue;
		lxw_row_t r = (lxw_row_t)(FIRST_ROW + rows++);
		worksheet_set_row(
		    ws, r, height_for(ind->text, widths[C_STATEMENT], 1) + 6,
		    NULL);
		worksheet_write_string(ws, r, C_ID, ind->id, f->locked);
		worksheet_write_string(ws, r, C_CORNERSTONE,
		                       oaip_cornerstone_title(ind->cornerstone),
		                       f->wrap);
		worksheet_write_string(ws, r, C_STATEMENT,
		                       ind->text ? ind->text : "", f->wrap);
		worksheet_write_blank(ws, r, C_RATING, f->edit);
		worksheet_write_blank(ws, r, C_EVIDENCE, f->edit);
		worksheet_write_blank(ws, r, C_NEXT, f->edit);
	}
	rating_validation(ws, &fw->scale, rows, f);
	worksheet_freeze_panes(ws, FIRST_ROW, 1);
	worksheet_repeat_rows(ws, HEADER_ROW, HEADER_ROW);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_protection prot;
	memset(&prot, 0, sizeof prot);
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	return rows;
}

/* What a level means when the framework does not say: oaip-eval's own
 * words for the default scale's levels, else the level's place beside the
 * target.  Marked as ours on the sheet. */
static const char *level_meaning(const oaip_scale *s, const oaip_level *l,
                                 bool *ours)
{
	static const struct {
		const char *id, *text;
	} words[] = {
	    {"not-yet", "Not in place yet: this does not happen, or only now "
	                "and then."},
	    {"emerging", "Starting: some staff do this some of the time, but "
	                 "it is not yet how the school works."},
	    {"established", "In place: this is how the school usually works, "
	                    "and parent carers would recognise it."},
	    {"embedded", "Embedded: done consistently across the school, "
	                 "reviewed with parent carers and kept up over time."},
	};
	*ours = false;
	if (l->description && *l->description)
		return l->description;
	*ours = true;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(l->id, words[i].id) == 0)
			return words[i].text;
	if (l->value < s->target)
		return "Below the target level.";
	if (l->value == s->target)
		return "The target level.";
	return "Above the target level.";
}

static void levels_sheet(lxw_worksheet *ws, const oaip_framework *fw,
                         const struct formats *f)
{
	worksheet_set_column(ws, 0, 0, 8, NULL);
	worksheet_set_column(ws, 1, 1, 16, NULL);
	worksheet_set_column(ws, 2, 2, 80, NULL);
	worksheet_write_string(ws, 0, 0, "Level", f->header);
	worksheet_write_string(ws, 0, 1, "Rating", f->header);
	worksheet_write_string(ws, 0, 2, "What it means", f->header);
	const oaip_scale *s = &fw->scale;
	lxw_row_t r = 1;
	bool any_ours = false;
	for (size_t i = 0; i < s->n_levels; i++, r++) {
		const oaip_level *l = &s->levels[i];
		bool ours;
		const char *what = level_meaning(s, l, &ours);
		any_ours |= ours;
		worksheet_set_row(ws, r, height_for(what, 80, 1), NULL);
		worksheet_write_number(ws, r, 0, l->value, f->wrap);
		worksheet_write_string(ws, r, 1, l->label, f->wrap);
		worksheet_write_string(ws, r, 2, what, f->wrap);
	}
	worksheet_write_string(ws, r, 1, "n/a", f->wrap);
	worksheet_write_string(ws, r, 2,
	                       "Not applicable to this school: not counted "
	                       "in any score.",
	                       f->wrap);
	r++;
	worksheet_write_string(ws, r, 2,
	                       "A blank rating means not evaluated yet: it is "
	                       "listed in the report, never counted as zero.",
	                       f->wrap);
	oaip_buf b;
	oaip_buf_init(&b);
	const oaip_level *t = oaip_scale_level(s, s->target);
	oaip_buf_printf(&b,
	                "An indicator rated below %s is a gap. A cornerstone's "
	                "score is 100 x the sum of its ratings / the sum of "
	                "the top level, over the indicators rated.",
	                t ? t->label : "the target");
	worksheet_write_string(ws, r + 1, 2, b.data ? b.data : "", f->wrap);
	worksheet_set_row(ws, r + 1, 30, NULL);
	oaip_buf_free(&b);
	if (any_ours)
		worksheet_write_string(ws, r + 2, 2,
		                       "The framework does not describe its "
		                       "levels: these descriptions are "
		                       "oaip-eval's summary, not its words.",
		                       f->note);
	if (fw->attribution) {
		worksheet_write_string(ws, r + 4, 2, fw->attribution, f->quote);
		worksheet_set_row(ws, r + 4, height_for(fw->attribution, 80, 1),
		                  NULL);
	}
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_protection prot;
	memset(&prot, 0, sizeof prot);
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
}

static lxw_row_t example_rows(lxw_worksheet *ws, lxw_row_t r, const char *id,
                              const oaip_example *ex, size_t n, unsigned phase,
                              const struct formats *f)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			bool quote = ex[i].kind == OAIP_EXAMPLE_QUOTE;
			if (quote != (pass == 1) || !ex[i].text ||
			    (phase && ex[i].phases && !(ex[i].phases & phase)))
				continue;
			worksheet_set_row(ws, r, height_for(ex[i].text, 80, 1),
			                  NULL);
			worksheet_write_string(ws, r, 0, id, f->locked);
			worksheet_write_string(ws, r, 1,
			                       quote ? (ex[i].by && *ex[i].by
			                                    ? ex[i].by
			                                    : "Parent carer")
			                             : "Could look like",
			                       f->wrap);
			worksheet_write_string(ws, r, 2, ex[i].text,
			                       quote ? f->quote : f->wrap);
			r++;
		}
	return r;
}

static void practice_sheet(lxw_worksheet *ws, const oaip_framework *fw,
                           unsigned phase, const struct formats *f)
{
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 1, 18, NULL);
	worksheet_set_column(ws, 2, 2, 80, NULL);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_printf(&b, "What good practice could look like: %s",
	                oaip_framework_name(fw));
	worksheet_write_string(ws, 0, 0, b.data ? b.data : "", f->title);
	oaip_buf_free(&b);
	if (fw->attribution) {
		worksheet_write_string(ws, 1, 0, fw->attribution, f->note);
		worksheet_set_row(ws, 1, 15, NULL);
	}
	worksheet_write_string(ws, 3, 0, "indicator", f->header);
	worksheet_write_string(ws, 3, 1, "kind", f->header);
	worksheet_write_string(ws, 3, 2, "example", f->header);
	lxw_row_t r = 4;
	for (size_t e = 0; e < fw->n_expectations; e++) {
		const oaip_expectation *x = &fw->expectations[e];
		bool any = false;
		for (size_t k = 0; k < x->n_indicators; k++)
			any |= oaip_indicator_applies(
			    &fw->indicators[x->first_indicator + k], phase);
		if (!any)
			continue;
		const char *head = x->statement ? x->statement : x->id;
		worksheet_set_row(ws, r, height_for(head, 96, 1), NULL);
		worksheet_write_string(ws, r, 0, x->title ? x->title : x->id,
		                       f->label);
		worksheet_write_string(ws, r, 2, head, f->label);
		r++;
		r = example_rows(ws, r, x->id, x->examples, x->n_examples,
		                 phase, f);
		for (size_t k = 0; k < x->n_indicators; k++) {
			const oaip_indicator *ind =
			    &fw->indicators[x->first_indicator + k];
			if (!oaip_indicator_applies(ind, phase))
				continue;
			worksheet_set_row(ws, r, height_for(ind->text, 80, 1),
			                  NULL);
			worksheet_write_string(ws, r, 0, ind->id, f->locked);
			worksheet_write_string(ws, r, 1, "Indicator", f->label);
			worksheet_write_string(
			    ws, r, 2, ind->text ? ind->text : "", f->label);
			r++;
			r = example_rows(ws, r, ind->id, ind->examples,
			                 ind->n_examples, phase, f);
		}
	}
	worksheet_freeze_panes(ws, 4, 0);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
}

bool oaip_template_xlsx(const oaip_framework *fw, unsigned phase, oaip_buf *out,
                        oaip_diags *d)
{
	oaip_xlsx x;
	lxw_workbook *wb = oaip_xlsx_new(&x, d);
	if (!wb)
		return false;
	struct formats f;
	make_formats(wb, &f);
	lxw_worksheet *se = workbook_add_worksheet(wb, "Self-evaluation");
	lxw_worksheet *lv = workbook_add_worksheet(wb, "Levels");
	lxw_worksheet *gp = workbook_add_worksheet(wb, "Good practice");
	if (se && lv && gp) {
		self_evaluation(se, fw, phase, &f);
		levels_sheet(lv, fw, &f);
		practice_sheet(gp, fw, phase, &f);
	}
	oaip_buf title;
	oaip_buf_init(&title);
	oaip_buf_printf(&title, "Self-evaluation: %s", oaip_framework_name(fw));
	oaip_xlsx_properties(&x, title.data, subject_text, fw->publisher,
	                     fw->attribution);
	oaip_buf_free(&title);
	return oaip_xlsx_finish(&x, out, d);
}
