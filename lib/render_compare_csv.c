/* render_compare_csv.c - the comparison as CSV: one row per return, in
 * the comparison's order, for a spreadsheet; a walk over the model
 * (report.h).
 *
 * UTF-8 with a byte order mark (so Excel reads it as UTF-8) and CRLF line
 * ends, like the template.  Every cell from a school or a file goes
 * through oaip_escape_csv, which neutralises anything a spreadsheet would
 * take for a formula.
 *
 * The columns: school, file, overall, the four cornerstone scores, then
 * each cornerstone's counts (<id>_rated, <id>_total: indicators rated,
 * indicators that apply), then the school's rated and total over every
 * cornerstone, the error of a return that could not be read, and last
 * each measure's band in words (overall_band, <id>_band), the same words
 * as the heat map's and the Markdown table's.  The
 * scores come first, as they always have, so a sheet that reads them by
 * position still finds them; the counts follow so that no score stands
 * without them.  An empty score means nothing was rated. */
#include "config.h"

#include "report.h"

#define CSV_COLUMNS (3 + 3 * OAIP_N_CORNERSTONES + 3)

void oaip_compare_csv(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_buf_puts(out, "\xEF\xBB\xBF" OAIP_AREA_CSV_HEAD);
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, "%s%s", k ? "," : "",
		                oaip_cornerstone_id(k));
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, ",%s_rated,%s_total",
		                oaip_cornerstone_id(k), oaip_cornerstone_id(k));
	oaip_buf_puts(out, ",rated,total,error,overall_band");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, ",%s_band", oaip_cornerstone_id(k));
	oaip_buf_puts(out, "\r\n");
	for (size_t i = 0; i < rep->n_returns; i++) {
		const oaip_rschool *s = rep->returns[i].school;
		const oaip_runreadable *u = rep->returns[i].bad;
		oaip_escape_csv(out, s ? s->school : u->school);
		oaip_buf_putc(out, ',');
		oaip_escape_csv(out, s ? s->file : u->file);
		if (u) {
			/* Every column between the file and the error is
			 * empty. */
			for (int k = 2; k < CSV_COLUMNS; k++)
				oaip_buf_putc(out, ',');
			oaip_escape_csv(out, u->first);
			for (int k = 0; k <= OAIP_N_CORNERSTONES; k++)
				oaip_buf_putc(out, ',');
			oaip_buf_puts(out, "\r\n");
			continue;
		}
		oaip_buf_putc(out, ',');
		if (s->m[OAIP_OVERALL].has_score)
			oaip_put_score(out, s->m[OAIP_OVERALL].score);
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_putc(out, ',');
			if (s->m[k].has_score)
				oaip_put_score(out, s->m[k].score);
		}
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_putc(out, ',');
			oaip_put_size(out, s->m[k].rated);
			oaip_buf_putc(out, ',');
			oaip_put_size(out, s->m[k].total);
		}
		oaip_buf_putc(out, ',');
		oaip_put_size(out, s->rated);
		oaip_buf_putc(out, ',');
		oaip_put_size(out, s->total);
		oaip_buf_putc(out, ',');
		oaip_buf_putc(out, ',');
		oaip_escape_csv(out, s->m[OAIP_OVERALL].band_short);
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_putc(out, ',');
			oaip_escape_csv(out, s->m[k].band_short);
		}
		oaip_buf_puts(out, "\r\n");
	}
}
