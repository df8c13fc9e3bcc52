/* render_compare_long.c - the comparison as a long CSV: one row per
 * counted school and indicator that applies to it, for pivot tables.
 * Every cell comes from the comparison as it is (a school's name, URN,
 * phases, file, the indicator, its cornerstone and the rating); nothing
 * is counted or worded here.  UTF-8 with a byte order mark and CRLF line
 * ends, like every CSV this program writes; every cell from a school
 * goes through oaip_escape_csv. */
#include "config.h"

#include "report.h"

/* ---- the long CSV -----------------------------------------------------------
 */

void oaip_render_compare_long(const oaip_comparison *c,
                              const oaip_render_options *o, oaip_buf *out)
{
	(void)o;
	const oaip_framework *fw = oaip_comparison_framework(c);
	int target = oaip_comparison_target(c);
	oaip_buf head;
	oaip_buf_init(&head);
	oaip_buf_puts(out, "\xEF\xBB\xBF" OAIP_AREA_LONG_CSV_HEAD
	                   "cornerstone,rating,level,below_target\r\n");
	for (size_t i = 0; i < oaip_comparison_count(c); i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		if (!s->counted)
			continue;
		/* The columns before the indicator, the same on every row. */
		head.len = 0;
		oaip_escape_csv(&head, s->school);
		oaip_buf_putc(&head, ',');
		oaip_escape_csv(&head, s->urn ? s->urn : "");
		oaip_buf_putc(&head, ',');
		oaip_phase_list(&head, s->phase, " ");
		oaip_buf_putc(&head, ',');
		oaip_escape_csv(&head, s->file);
		oaip_buf_putc(&head, ',');
		if (head.failed)
			break;
		for (size_t k = 0; k < fw->n_indicators; k++) {
			int cell = s->cells[k];
			if (cell == OAIP_CELL_OUT)
				continue;
			oaip_buf_putn(out, head.data, head.len);
			const oaip_indicator *ind = &fw->indicators[k];
			oaip_escape_csv(out, ind->id);
			oaip_buf_putc(out, ',');
			oaip_buf_puts(out,
			              oaip_cornerstone_title(ind->cornerstone));
			oaip_buf_putc(out, ',');
			if (cell >= 0) {
				const oaip_level *l =
				    oaip_scale_level(&fw->scale, cell);
				oaip_escape_csv(out, l ? l->label : "");
				oaip_buf_printf(out, ",%d,%s\r\n", cell,
				                cell < target ? "yes" : "no");
			} else if (cell == OAIP_CELL_NA) {
				oaip_buf_puts(out, "n/a,,\r\n");
			} else {
				oaip_buf_puts(out, "not evaluated,,\r\n");
			}
		}
	}
	if (head.failed)
		out->failed = true;
	oaip_buf_free(&head);
}
