/* render_compare_long.c - the comparison as a long table: one row per
 * counted school and indicator that applies to it, for pivot tables.
 * The walk (oaip_compare_long_walk) gives the same rows to the long CSV
 * and to the workbook's "Ratings" sheet.  Every cell comes from the
 * comparison as it is (a school's name, URN, phases, file, the
 * indicator, its cornerstone and the rating); nothing is counted or
 * worded here.  The CSV is UTF-8 with a byte order mark and CRLF line
 * ends, like every CSV this program writes; every cell from a school
 * goes through oaip_escape_csv. */
#include "config.h"

#include "report.h"

const char *const oaip_long_columns[OAIP_LONG_COLUMNS] = {
    "school",      "urn",    "phase", "file",        "indicator",
    "cornerstone", "rating", "level", "below_target"};

bool oaip_compare_long_walk(const oaip_comparison *c, const oaip_long_walker *w)
{
	const oaip_framework *fw = oaip_comparison_framework(c);
	int target = oaip_comparison_target(c);
	oaip_buf phase;
	oaip_buf_init(&phase);
	bool ok = true;
	for (size_t i = 0; ok && i < oaip_comparison_count(c); i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		if (!s->counted)
			continue;
		phase.len = 0;
		oaip_buf_puts(&phase, "");
		oaip_phase_list(&phase, s->phase, " ");
		if (phase.failed) {
			ok = false;
			break;
		}
		oaip_long_row row = {.school = s->school,
		                     .urn = s->urn ? s->urn : "",
		                     .phase = phase.data,
		                     .file = s->file};
		if (!w->school(w->ud, &row)) {
			ok = false;
			break;
		}
		for (size_t k = 0; k < fw->n_indicators; k++) {
			int cell = s->cells[k];
			if (cell == OAIP_CELL_OUT)
				continue;
			const oaip_indicator *ind = &fw->indicators[k];
			row.indicator = ind->id;
			row.cornerstone =
			    oaip_cornerstone_title(ind->cornerstone);
			row.level = -1;
			if (cell >= 0) {
				const oaip_level *l =
				    oaip_scale_level(&fw->scale, cell);
				row.rating = l ? l->label : "";
				row.level = cell;
				row.below = cell < target;
			} else if (cell == OAIP_CELL_NA) {
				row.rating = "n/a";
			} else {
				row.rating = "not evaluated";
			}
			if (!w->rating(w->ud, &row)) {
				ok = false;
				break;
			}
		}
	}
	oaip_buf_free(&phase);
	return ok;
}

/* ---- the long CSV -----------------------------------------------------------
 */

struct csv {
	oaip_buf *out;
	oaip_buf head; /* the columns before the indicator, the same on
	                  every row of a school */
};

static bool csv_school(void *ud, const oaip_long_row *r)
{
	struct csv *x = ud;
	x->head.len = 0;
	oaip_escape_csv(&x->head, r->school);
	oaip_buf_putc(&x->head, ',');
	oaip_escape_csv(&x->head, r->urn);
	oaip_buf_putc(&x->head, ',');
	oaip_buf_puts(&x->head, r->phase);
	oaip_buf_putc(&x->head, ',');
	oaip_escape_csv(&x->head, r->file);
	oaip_buf_putc(&x->head, ',');
	return !x->head.failed;
}

static bool csv_rating(void *ud, const oaip_long_row *r)
{
	struct csv *x = ud;
	oaip_buf *out = x->out;
	oaip_buf_putn(out, x->head.data, x->head.len);
	oaip_escape_csv(out, r->indicator);
	oaip_buf_putc(out, ',');
	oaip_buf_puts(out, r->cornerstone);
	oaip_buf_putc(out, ',');
	oaip_escape_csv(out, r->rating);
	if (r->level >= 0)
		oaip_buf_printf(out, ",%d,%s\r\n", r->level,
		                r->below ? "yes" : "no");
	else
		oaip_buf_puts(out, ",,\r\n");
	return true;
}

void oaip_render_compare_long(const oaip_comparison *c,
                              const oaip_render_options *o, oaip_buf *out)
{
	(void)o;
	struct csv x = {out, {0}};
	oaip_buf_init(&x.head);
	oaip_buf_puts(out, "\xEF\xBB\xBF");
	for (size_t k = 0; k < OAIP_LONG_COLUMNS; k++)
		oaip_buf_printf(out, "%s%s", k ? "," : "",
		                oaip_long_columns[k]);
	oaip_buf_puts(out, "\r\n");
	oaip_long_walker w = {csv_school, csv_rating, &x};
	if (!oaip_compare_long_walk(c, &w))
		out->failed = true;
	oaip_buf_free(&x.head);
}
