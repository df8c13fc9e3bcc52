/* progress.c - progress since the last self-evaluation: two scored
 * returns of one framework set side by side.  Pure: no I/O.
 *
 * Indicators are matched by id (case-insensitive, as the reader matches
 * them), so a return scored against last year's version of a framework
 * can be set beside this year's: indicators only one side has are listed
 * (added, gone), never silently dropped.
 *
 * Changes are worked out from the scores as reports show them (one
 * decimal, oaip_score_round), so "then 50.0%, now 66.7%, up 16.7 points"
 * always adds up on the page.  An indicator is a gap when it is rated
 * below its result's target; one that was a gap and is now blank or n/a
 * is not "closed": it is listed as no longer rated, so a gap cannot
 * disappear by being left out. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

void oaip_progress_free(oaip_progress *p)
{
	if (!p)
		return;
	free(p->then_index);
	free(p->up);
	free(p->down);
	free(p->closed);
	free(p->new_gaps);
	free(p->unrated);
	free(p->followups);
	free(p->added);
	free(p->gone);
	free(p);
}

const oaip_entry *oaip_progress_then_entry(const oaip_progress *p, size_t i)
{
	if (!p || i >= p->now->fw->n_indicators || p->then_index[i] < 0)
		return NULL;
	return &p->then->se->entries[p->then_index[i]];
}

static bool is_gap(const oaip_result *r, const oaip_entry *e)
{
	return e && e->kind == OAIP_RATING_RATED && e->level < r->target;
}

static bool has_text(const char *s)
{
	if (!s)
		return false;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return true;
	return false;
}

static bool same_string(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The difference of two scores as reports show them. */
static double shown_change(double then, double now)
{
	double d = oaip_score_round(now) - oaip_score_round(then);
	/* Round the difference too: 66.7 - 50.0 is 16.700000000000003. */
	return d < 0 ? -oaip_score_round(-d) : oaip_score_round(d);
}

oaip_progress *oaip_progress_compute(const oaip_result *then,
                                     const oaip_result *now, oaip_diags *d)
{
	if (!then || !now || !then->fw || !now->fw || !then->se || !now->se)
		return NULL;
	const oaip_framework *tfw = then->fw, *nfw = now->fw;
	size_t n = nfw->n_indicators, tn = tfw->n_indicators;
	oaip_progress *p = calloc(1, sizeof *p);
	bool *matched = calloc(tn ? tn : 1, sizeof *matched);
	if (!p || !matched)
		goto oom;
	p->then = then;
	p->now = now;
	size_t cap = n ? n : 1;
	p->then_index = malloc(cap * sizeof *p->then_index);
	p->up = malloc(cap * sizeof(size_t));
	p->down = malloc(cap * sizeof(size_t));
	p->closed = malloc(cap * sizeof(size_t));
	p->new_gaps = malloc(cap * sizeof(size_t));
	p->unrated = malloc(cap * sizeof(size_t));
	p->followups = malloc(cap * sizeof(size_t));
	p->added = malloc(cap * sizeof(size_t));
	size_t n_unknown = then->se->n_unknown;
	p->gone =
	    malloc((tn + n_unknown ? tn + n_unknown : 1) * sizeof *p->gone);
	if (!p->then_index || !p->up || !p->down || !p->closed ||
	    !p->new_gaps || !p->unrated || !p->followups || !p->added ||
	    !p->gone)
		goto oom;

	/* Match indicators by id. */
	size_t shared = 0;
	for (size_t i = 0; i < n; i++) {
		long t = tfw == nfw
		             ? (long)i
		             : oaip_framework_find(tfw, nfw->indicators[i].id);
		if (t >= 0 && matched[t])
			t = -1; /* two current ids equal but for case */
		if (t >= 0) {
			matched[t] = true;
			shared++;
		}
		/* A return naming another version's ids and with no row for
		 * this one: not in the last self-evaluation. */
		if (t >= 0 && n_unknown && !then->se->entries[t].line)
			t = -1;
		p->then_index[i] = t;
	}
	size_t smaller = n < tn ? n : tn;
	if (shared == 0 || shared * 2 < smaller) {
		oaip_diags_add(
		    d, OAIP_ERROR, NULL, 0,
		    "'%s' and '%s' use different frameworks ('%s' and '%s'): "
		    "only %zu of their indicators are in both ('%s' has %zu, "
		    "'%s' has %zu)",
		    then->se->file, now->se->file, tfw->id ? tfw->id : "",
		    nfw->id ? nfw->id : "", shared, then->se->file, tn,
		    now->se->file, n);
		goto fail;
	}

	for (size_t i = 0; i < n; i++) {
		const oaip_indicator *ind = &nfw->indicators[i];
		if (!oaip_indicator_applies(ind, now->phase))
			continue;
		const oaip_entry *ne = &now->se->entries[i];
		const oaip_entry *te = oaip_progress_then_entry(p, i);
		if (!te) {
			p->added[p->n_added++] = i;
		} else {
			bool t_rated = te->kind == OAIP_RATING_RATED;
			bool n_rated = ne->kind == OAIP_RATING_RATED;
			if (t_rated && n_rated && ne->level > te->level)
				p->up[p->n_up++] = i;
			if (t_rated && n_rated && ne->level < te->level)
				p->down[p->n_down++] = i;
			if (is_gap(then, te) && n_rated &&
			    ne->level >= now->target)
				p->closed[p->n_closed++] = i;
			if (t_rated && !n_rated)
				p->unrated[p->n_unrated++] = i;
			if (has_text(te->next_steps))
				p->followups[p->n_followups++] = i;
		}
		if (is_gap(now, ne) && !is_gap(then, te))
			p->new_gaps[p->n_new_gaps++] = i;
	}
	for (size_t t = 0; t < tn; t++)
		if (!matched[t] &&
		    oaip_indicator_applies(&tfw->indicators[t], then->phase))
			p->gone[p->n_gone++] = (oaip_progress_gone){
			    .id = tfw->indicators[t].id,
			    .text = tfw->indicators[t].text,
			    .then = &then->se->entries[t],
			};
	for (size_t k = 0; k < n_unknown; k++)
		p->gone[p->n_gone++] = (oaip_progress_gone){
		    .id = then->se->unknown[k].id,
		    .then = &then->se->unknown[k].entry,
		};

	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		oaip_progress_cornerstone *pc = &p->cs[c];
		pc->then = then->cs[c];
		pc->now = now->cs[c];
		pc->has_change = pc->then.has_score && pc->now.has_score;
		if (pc->has_change)
			pc->change =
			    shown_change(pc->then.score, pc->now.score);
	}
	p->has_overall_change = then->has_overall && now->has_overall;
	if (p->has_overall_change)
		p->overall_change = shown_change(then->overall, now->overall);

	p->version_changed =
	    !same_string(tfw->version, nfw->version) || p->n_added || p->n_gone;
	if (p->version_changed && !same_string(tfw->version, nfw->version))
		oaip_diags_add(
		    d, OAIP_NOTE, NULL, 0,
		    "'%s' was scored against version %s of the framework, "
		    "'%s' against version %s: %zu indicators are new, %zu "
		    "are gone",
		    then->se->file, tfw->version ? tfw->version : "(unnamed)",
		    now->se->file, nfw->version ? nfw->version : "(unnamed)",
		    p->n_added, p->n_gone);
	else if (p->version_changed)
		oaip_diags_add(d, OAIP_NOTE, NULL, 0,
		               "'%s' was made with another version of the "
		               "framework (indicators not in this one: %zu; "
		               "this one's not in it: %zu): they are listed, "
		               "not compared",
		               then->se->file, p->n_gone, p->n_added);
	free(matched);
	return p;

oom:
	oaip_diags_add(d, OAIP_ERROR, NULL, 0,
	               "out of memory comparing with the last return");
fail:
	free(matched);
	oaip_progress_free(p);
	return NULL;
}

void oaip_progress_coverage_text(const oaip_progress_cornerstone *c,
                                 oaip_buf *out)
{
	if (c->then.rated == c->now.rated && c->then.total == c->now.total)
		oaip_buf_printf(out, "%zu of %zu rated, as last time",
		                c->now.rated, c->now.total);
	else
		oaip_buf_printf(out, "now %zu of %zu rated, was %zu of %zu",
		                c->now.rated, c->now.total, c->then.rated,
		                c->then.total);
}

void oaip_progress_change_text(bool has, double change, oaip_buf *out)
{
	if (!has)
		oaip_buf_puts(out, "no comparison");
	else if (oaip_score_round(change < 0 ? -change : change) == 0)
		oaip_buf_puts(out, "no change");
	else if (change > 0)
		oaip_buf_printf(out, "up %.1f points", change);
	else
		oaip_buf_printf(out, "down %.1f points", -change);
}
