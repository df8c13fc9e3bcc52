/* plan.c - the action plan: one row per gap, ready for a school to give
 * each an owner, a date and a measure of success.  Pure: no I/O.
 *
 * Order: by cornerstone (in the Four Cornerstones' order), the lowest
 * rating first within each, then framework order, so the plan opens each
 * cornerstone with what most needs doing.  Every cell's text is decided
 * here, once; the renderers (render_plan.c, and the workbook writer) only
 * escape it and lay it out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "report.h"

static const oaip_plan_column columns[] = {
    {"indicator", "Indicator", false},
    {"cornerstone", "Cornerstone", false},
    {"statement", "Statement", false},
    {"rating", "Rating", false},
    {"target", "Target", false},
    {"next_steps", "Next steps", false},
    {"owner", "Owner", true},
    {"by_when", "By when", true},
    {"success_measure", "Success measure", true},
    {"parent_agree_pct", "Parent carers who agree", false},
};
enum {
	COL_INDICATOR,
	COL_CORNERSTONE,
	COL_STATEMENT,
	COL_RATING,
	COL_TARGET,
	COL_NEXT_STEPS,
	COL_OWNER,
	COL_BY_WHEN,
	COL_SUCCESS,
	COL_AGREE,
	N_COLUMNS
};

const oaip_plan_column *oaip_plan_columns(const oaip_plan *p, size_t *n)
{
	*n = p && p->with_survey ? N_COLUMNS : N_COLUMNS - 1;
	return columns;
}

void oaip_plan_free(oaip_plan *p)
{
	if (!p)
		return;
	free(p->rows);
	free(p);
}

oaip_plan *oaip_plan_build(const oaip_result *r)
{
	if (!r)
		return NULL;
	oaip_plan *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->r = r;
	p->rows = calloc(r->n_gaps ? r->n_gaps : 1, sizeof *p->rows);
	if (!p->rows) {
		free(p);
		return NULL;
	}
	/* r->gaps is by cornerstone, then framework order: an insertion
	 * sort on (cornerstone, rating) keeps framework order for ties. */
	const oaip_framework *fw = r->fw;
	for (size_t k = 0; k < r->n_gaps; k++) {
		size_t i = r->gaps[k];
		oaip_plan_row row = {
		    .indicator = i,
		    .rating = r->se->entries[i].level,
		    .next_steps = r->se->entries[i].next_steps,
		};
		size_t j = p->n_rows;
		while (j > 0) {
			const oaip_plan_row *prev = &p->rows[j - 1];
			oaip_cornerstone pc =
			    fw->indicators[prev->indicator].cornerstone;
			oaip_cornerstone c = fw->indicators[i].cornerstone;
			if (pc < c || (pc == c && prev->rating <= row.rating))
				break;
			p->rows[j] = *prev;
			j--;
		}
		p->rows[j] = row;
		p->n_rows++;
	}
	return p;
}

void oaip_plan_add_survey(oaip_plan *p, const oaip_survey_result *res)
{
	if (!p || !res)
		return;
	p->with_survey = true;
	p->min_responses = res->min;
	for (size_t k = 0; k < p->n_rows; k++) {
		oaip_plan_row *w = &p->rows[k];
		const oaip_survey_tally *t = &res->items[w->indicator];
		w->has_agree = res->shown && t->shown && t->answered > 0;
		w->agree_pct = t->agree_pct;
		w->answered = t->answered;
		w->agree = t->agree;
	}
}

static void level_text(const oaip_framework *fw, int value, oaip_buf *out)
{
	const oaip_level *l = oaip_scale_level(&fw->scale, value);
	if (l && l->label)
		oaip_buf_puts(out, l->label);
	else
		oaip_buf_printf(out, "%d", value);
}

void oaip_plan_cell(const oaip_plan *p, size_t row, size_t col, bool sheet,
                    oaip_buf *out)
{
	if (!p || row >= p->n_rows)
		return;
	const oaip_plan_row *w = &p->rows[row];
	const oaip_framework *fw = p->r->fw;
	const oaip_indicator *ind = &fw->indicators[w->indicator];
	switch (col) {
	case COL_INDICATOR:
		oaip_buf_puts(out, ind->id);
		break;
	case COL_CORNERSTONE:
		oaip_buf_puts(out, oaip_cornerstone_title(ind->cornerstone));
		break;
	case COL_STATEMENT:
		oaip_buf_puts(out, ind->text ? ind->text : "");
		break;
	case COL_RATING:
		level_text(fw, w->rating, out);
		break;
	case COL_TARGET:
		level_text(fw, p->r->target, out);
		break;
	case COL_NEXT_STEPS:
		if (w->next_steps)
			oaip_buf_puts(out, w->next_steps);
		break;
	case COL_AGREE:
		if (!p->with_survey)
			break;
		if (!w->has_agree)
			oaip_buf_printf(out, "fewer than %zu answers",
			                p->min_responses);
		else if (sheet)
			oaip_buf_printf(out, "%.1f",
			                oaip_score_round(w->agree_pct));
		else {
			oaip_buf_printf(out, "%zu of %zu agree (", w->agree,
			                w->answered);
			oaip_percent_text(out, w->agree_pct);
			oaip_buf_putc(out, ')');
		}
		break;
	default: /* columns to fill in */
		break;
	}
}

void oaip_plan_title(const oaip_plan *p, oaip_buf *out)
{
	const char *school = p->r->se->school;
	if (school && *school)
		oaip_buf_printf(out, "Action plan: %s", school);
	else
		oaip_buf_puts(out, "Action plan");
}

void oaip_plan_intro(const oaip_plan *p, oaip_buf *out)
{
	const oaip_result *r = p->r;
	oaip_buf_printf(out, "%zu %s rated below the target (", p->n_rows,
	                p->n_rows == 1 ? "indicator is" : "indicators are");
	level_text(r->fw, r->target, out);
	oaip_buf_puts(out, ")");
	if (p->n_rows)
		oaip_buf_puts(out, ", lowest rating first within each "
		                   "cornerstone. Give each an owner, a date "
		                   "and a way to tell it has worked.");
	else
		oaip_buf_puts(out, ": there is no gap to plan for yet.");
	if (r->n_not_evaluated)
		oaip_buf_printf(out,
		                " %zu %s not yet evaluated and may hold more "
		                "gaps.",
		                r->n_not_evaluated,
		                r->n_not_evaluated == 1 ? "indicator is"
		                                        : "indicators are");
}

void oaip_plan_survey_note(const oaip_plan *p, oaip_buf *out)
{
	if (!p->with_survey)
		return;
	oaip_buf_printf(out,
	                "\"Parent carers who agree\" is the share of parent "
	                "carers who agreed or strongly agreed with the "
	                "survey's statement for the indicator (Don't know "
	                "not counted); it is not shown for fewer than %zu "
	                "answers.",
	                p->min_responses);
}

size_t oaip_plan_cornerstone_rows(const oaip_plan *p, oaip_cornerstone c,
                                  size_t *first)
{
	size_t n = 0;
	*first = 0;
	for (size_t k = 0; k < p->n_rows; k++)
		if (p->r->fw->indicators[p->rows[k].indicator].cornerstone ==
		    c) {
			if (!n)
				*first = k;
			n++;
		}
	return n;
}

size_t oaip_plan_terms(const char *date, char out[][24], size_t n)
{
	static const char *const names[] = {"Spring", "Summer", "Autumn"};
	int y = 0, m = 0;
	if (!date || sscanf(date, "%4d-%2d", &y, &m) != 2 || y < 1900 ||
	    y > 9999 || m < 1 || m > 12)
		return 0;
	/* January to March: spring; April to July: summer; August to
	 * December: autumn (August looks ahead to September). */
	int t = m <= 3 ? 0 : m <= 7 ? 1 : 2;
	for (size_t k = 0; k < n; k++) {
		snprintf(out[k], 24, "%s term %d", names[t], y);
		if (++t == 3) {
			t = 0;
			y++;
		}
	}
	return n;
}
