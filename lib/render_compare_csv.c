/* render_compare_csv.c - the comparison as CSV: one row per return, in
 * the comparison's order, for a spreadsheet; a walk over the model
 * (report.h).
 *
 * UTF-8 with a byte order mark (so Excel reads it as UTF-8) and CRLF line
 * ends, like the template.  Every cell from a school or a file goes
 * through oaip_escape_csv, which neutralises anything a spreadsheet would
 * take for a formula.
 *
 * The columns are the model's table of returns (rep->cols), with their
 * headings in words: School, URN, Phase, File, then for the overall score
 * and each cornerstone its score, its band in words (the heat map's
 * words), the indicators rated and the indicators that apply, then the
 * Error of a return that could not be read; with --survey, before the
 * Error, how many parent carers answered and their score on each
 * measure.  An empty score means nothing was rated (or, for parent
 * carers, nothing may be shown). */
#include "config.h"

#include "report.h"

void oaip_compare_csv(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_buf_puts(out, "\xEF\xBB\xBF");
	for (size_t k = 0; k < rep->n_cols; k++) {
		if (k)
			oaip_buf_putc(out, ',');
		oaip_escape_csv(out, rep->cols[k].heading);
	}
	oaip_buf_puts(out, "\r\n");
	for (size_t i = 0; i < rep->n_returns; i++) {
		const oaip_rschool *s = rep->returns[i].school;
		const oaip_runreadable *u = rep->returns[i].bad;
		for (size_t k = 0; k < rep->n_cols; k++) {
			const oaip_rcol *col = &rep->cols[k];
			const oaip_rcell *m = s ? &s->m[col->measure] : NULL;
			if (k)
				oaip_buf_putc(out, ',');
			switch (col->kind) {
			case OAIP_RCOL_SCHOOL:
				oaip_escape_csv(out, s ? s->school : u->school);
				break;
			case OAIP_RCOL_URN:
				if (s)
					oaip_escape_csv(out, s->urn);
				break;
			case OAIP_RCOL_PHASE:
				if (s)
					oaip_escape_csv(out, s->phase);
				break;
			case OAIP_RCOL_FILE:
				oaip_escape_csv(out, s ? s->file : u->file);
				break;
			case OAIP_RCOL_SCORE:
				if (m && m->has_score)
					oaip_put_score(out, m->score);
				break;
			case OAIP_RCOL_BAND:
				if (m)
					oaip_escape_csv(out, m->band_short);
				break;
			case OAIP_RCOL_RATED:
				if (m)
					oaip_put_size(out, m->rated);
				break;
			case OAIP_RCOL_TOTAL:
				if (m)
					oaip_put_size(out, m->total);
				break;
			case OAIP_RCOL_ERROR:
				if (u)
					oaip_escape_csv(out, u->first);
				break;
			case OAIP_RCOL_PARENTS:
				if (s && s->parents)
					oaip_escape_csv(out,
					                s->parents->answered);
				break;
			case OAIP_RCOL_PARENT_SCORE:
				if (s && s->parents &&
				    s->parents->has[col->measure])
					oaip_put_score(
					    out,
					    s->parents->score[col->measure]);
				break;
			case OAIP_RCOL_MATCH:
			case OAIP_RCOL_THEN:
			case OAIP_RCOL_CHANGE:
				break; /* since_cols only */
			}
		}
		oaip_buf_puts(out, "\r\n");
	}
}
