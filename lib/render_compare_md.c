/* render_compare_md.c - the comparison report as Markdown: a walk over
 * the model (report.h) that writes markup and nothing else. */
#include "config.h"

#include "report.h"

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s ? s : "", false);
}

static void heading(oaip_buf *out, const char *title)
{
	oaip_buf_puts(out, "## ");
	md(out, title);
	oaip_buf_puts(out, "\n\n");
}

static void para(oaip_buf *out, const char *text)
{
	md(out, text);
	oaip_buf_puts(out, "\n\n");
}

/* A score with its band in words and its count: "53.3 Below target
 * (5/5)"; with no score, the band says why. */
static void cell(oaip_buf *out, const oaip_rcell *c)
{
	if (c->has_score) {
		oaip_put_score(out, c->score);
		oaip_buf_putc(out, ' ');
	}
	md(out, c->band_short);
	oaip_buf_puts(out, " (");
	oaip_put_size(out, c->rated);
	oaip_buf_putc(out, '/');
	oaip_put_size(out, c->total);
	oaip_buf_putc(out, ')');
}

static void header(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_buf_puts(out, "# Area comparison: ");
	md(out, rep->framework_title);
	oaip_buf_puts(out, "\n\n- **Framework:** ");
	md(out, rep->framework_line);
	oaip_buf_puts(out, "\n- **Date:** ");
	md(out, rep->date);
	oaip_buf_puts(out, "\n- **Target level:** ");
	md(out, rep->target_label);
	if (rep->phase_text) {
		oaip_buf_puts(out, "\n- **Phase:** ");
		md(out, rep->phase_text);
	}
	oaip_buf_puts(out, "\n- **Returns:** ");
	md(out, rep->returns_text);
	oaip_buf_puts(out, "\n\n");
	if (rep->notice) {
		oaip_buf_puts(out, "**");
		md(out, rep->notice);
		oaip_buf_puts(out, "**");
		if (rep->notice_more) {
			oaip_buf_puts(out, "  ");
			md(out, rep->notice_more);
		}
		oaip_buf_puts(out, "\n\n");
	}
}

static void schools(const oaip_compare_report *rep, oaip_buf *out)
{
	heading(out, rep->schools_title);
	if (rep->schools_none) {
		para(out, rep->schools_none);
		return;
	}
	oaip_buf_puts(out, "| School | File | Overall |");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		oaip_buf_putc(out, ' ');
		md(out, oaip_cornerstone_title(k));
		oaip_buf_puts(out, " |");
	}
	oaip_buf_puts(out, " Rated |\n|---|---|---:|");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_puts(out, "---:|");
	oaip_buf_puts(out, "---:|\n");
	for (size_t i = 0; i < rep->n_schools; i++) {
		const oaip_rschool *s = &rep->schools[i];
		oaip_buf_puts(out, "| ");
		md(out, s->school);
		oaip_buf_puts(out, " | ");
		md(out, s->file);
		oaip_buf_puts(out, " | ");
		if (s->m[OAIP_OVERALL].has_score) {
			oaip_put_score(out, s->m[OAIP_OVERALL].score);
			oaip_buf_putc(out, ' ');
		}
		md(out, s->m[OAIP_OVERALL].band_short);
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_puts(out, " | ");
			cell(out, &s->m[k]);
		}
		oaip_buf_puts(out, " | ");
		oaip_put_size(out, s->rated);
		oaip_buf_puts(out, " of ");
		oaip_put_size(out, s->total);
		oaip_buf_puts(out, " |\n");
	}
	oaip_buf_putc(out, '\n');
	para(out, rep->cell_note);
}

static void area(const oaip_compare_report *rep, oaip_buf *out)
{
	heading(out, rep->area_title);
	para(out, rep->area_intro);
	if (!rep->has_area)
		return;
	oaip_buf_puts(out, "| | Schools with a score |");
	for (int k = 0; k < 6; k++)
		oaip_buf_printf(out, " %s |", oaip_rspread_titles[k]);
	oaip_buf_puts(out, "\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (int w = 0; w <= OAIP_OVERALL; w++) {
		const oaip_rspread *sp = &rep->spread[w];
		oaip_buf_puts(out, "| ");
		md(out, sp->title);
		oaip_buf_puts(out, " | ");
		oaip_put_size(out, sp->n);
		oaip_buf_puts(out, " of ");
		oaip_put_size(out, rep->n_read);
		oaip_buf_puts(out, " |");
		for (int k = 0; k < 6; k++) {
			oaip_buf_putc(out, ' ');
			if (sp->n)
				oaip_put_score(out, sp->v[k]);
			else
				oaip_buf_puts(out, "–");
			oaip_buf_puts(out, " |");
		}
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_putc(out, '\n');
}

static void priorities(const oaip_compare_report *rep, oaip_buf *out)
{
	heading(out, rep->priorities_title);
	para(out, rep->priorities_intro);
	if (!rep->n_priorities)
		return;
	oaip_buf_puts(out, "| Rank | Indicator | Cornerstone | Schools below "
	                   "target |\n|---:|---|---|---|\n");
	for (size_t i = 0; i < rep->n_priorities; i++) {
		const oaip_rpriority *p = &rep->priorities[i];
		oaip_buf_puts(out, "| ");
		oaip_put_size(out, p->rank);
		oaip_buf_puts(out, " | ");
		md(out, p->id);
		oaip_buf_puts(out, ": ");
		md(out, p->text);
		oaip_buf_puts(out, " | ");
		md(out, p->cornerstone);
		oaip_buf_puts(out, " | ");
		md(out, p->schools_text);
		oaip_buf_puts(out, " |\n");
	}
	oaip_buf_putc(out, '\n');
}

static void low(const oaip_compare_report *rep, oaip_buf *out)
{
	heading(out, rep->low_title);
	para(out, rep->low_intro);
	if (!rep->n_low)
		return;
	oaip_buf_puts(out, "| School | File | Rated |\n|---|---|---:|\n");
	for (size_t i = 0; i < rep->n_low; i++) {
		const oaip_rschool *s = rep->low[i];
		oaip_buf_puts(out, "| ");
		md(out, s->school);
		oaip_buf_puts(out, " | ");
		md(out, s->file);
		oaip_buf_puts(out, " | ");
		oaip_put_size(out, s->rated);
		oaip_buf_puts(out, " of ");
		oaip_put_size(out, s->total);
		oaip_buf_puts(out, " (");
		oaip_put_score(out, s->coverage);
		oaip_buf_puts(out, "%) |\n");
	}
	oaip_buf_putc(out, '\n');
}

static void error(oaip_buf *out, const oaip_diag *e)
{
	md(out, e->file);
	if (e->line > 0) {
		oaip_buf_putc(out, ':');
		oaip_put_size(out, (size_t)e->line);
	}
	oaip_buf_puts(out, ": ");
	md(out, e->message);
}

static void unreadable(const oaip_compare_report *rep, oaip_buf *out)
{
	heading(out, rep->unreadable_title);
	para(out, rep->unreadable_intro);
	if (!rep->n_unreadable)
		return;
	for (size_t i = 0; i < rep->n_unreadable; i++) {
		const oaip_runreadable *u = &rep->unreadable[i];
		oaip_buf_puts(out, "- ");
		md(out, u->file);
		oaip_buf_putc(out, '\n');
		for (size_t k = 0; k < u->n_errors; k++) {
			oaip_buf_puts(out, "  - ");
			error(out, &u->errors[k]);
			oaip_buf_putc(out, '\n');
		}
		if (u->more) {
			oaip_buf_puts(out, "  - ");
			md(out, u->more);
			oaip_buf_putc(out, '\n');
		}
	}
	oaip_buf_putc(out, '\n');
}

void oaip_compare_md(const oaip_compare_report *rep, oaip_buf *out)
{
	const oaip_rsections *s = &rep->sections;
	header(rep, out);
	oaip_sections_md(s, OAIP_AFTER_HEADER, out);
	schools(rep, out);
	for (int p = OAIP_AFTER_SUMMARY; p < OAIP_AFTER_LISTS; p++)
		oaip_sections_md(s, (oaip_rplace)p, out);
	area(rep, out);
	priorities(rep, out);
	low(rep, out);
	oaip_sections_md(s, OAIP_AFTER_LISTS, out);
	unreadable(rep, out);
	oaip_method_md(&rep->method, out);
	oaip_buf_puts(out, "---\n\n");
	if (rep->attribution)
		para(out, rep->attribution);
	if (rep->cornerstones_credit)
		para(out, rep->cornerstones_credit);
	md(out, rep->credit);
	oaip_buf_putc(out, '\n');
}
