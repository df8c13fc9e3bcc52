/* report_score.c - the score report's model: every fact and sentence of
 * the report on one school's self-evaluation, decided here once and
 * drawn by render_score_md.c, render_score_html.c and
 * render_score_json.c (report.h describes the model).
 *
 * The method text, the caution and the overall basis come from report.c,
 * which the comparison shares. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The building state: the model, and a scratch buffer for sentences. */
struct build {
	oaip_score_report *rep;
	const oaip_result *r;
	oaip_arena *a;
	oaip_buf b;
};

static char *take(struct build *x)
{
	return oaip_arena_take(x->a, &x->b);
}

static char *dup(struct build *x, const char *s)
{
	return oaip_arena_strdup(x->a, s);
}

/* School text: NULL when blank. */
static const char *words(struct build *x, const char *s)
{
	return s && *s ? dup(x, s) : NULL;
}

static const char *level_text(struct build *x, int value)
{
	oaip_level_text(&x->b, &x->r->fw->scale, value);
	return take(x);
}

/* ------------------------------------------------------------------ */
/* Header                                                             */

static void header(struct build *x, const oaip_render_options *o)
{
	oaip_score_report *rep = x->rep;
	const oaip_result *r = x->r;
	const oaip_framework *fw = r->fw;
	const oaip_selfeval *se = r->se;
	const oaip_scale *s = &fw->scale;

	rep->school = dup(x, oaip_report_school(se));
	rep->heading = rep->school ? rep->school : "Self-evaluation";
	oaip_buf_puts(&x->b, "Partnership with parent carers: self-evaluation "
	                     "report");
	if (rep->school)
		oaip_buf_printf(&x->b, " for %s", rep->school);
	rep->page_title = take(x);
	rep->file = dup(x, se->file);
	rep->file_name = dup(x, oaip_report_file_name(se->file));
	rep->date = o ? dup(x, o->date) : NULL;
	oaip_buf_puts(&x->b, "oaip-eval");
	if (o && o->program_version)
		oaip_buf_printf(&x->b, " %s", o->program_version);
	rep->generator = take(x);
	rep->intro = "A self-evaluation against the local authority's "
	             "framework, organised by the Four Cornerstones: Welcome "
	             "and Care, Value and Include, Communicate, Work in "
	             "Partnership.";

	rep->framework_id = fw->id;
	rep->framework_title = fw->title;
	rep->framework_publisher = fw->publisher;
	rep->framework_version = fw->version;
	oaip_buf_puts(&x->b, fw->title ? fw->title : "");
	if (fw->publisher)
		oaip_buf_printf(&x->b, ", %s", fw->publisher);
	if (fw->version)
		oaip_buf_printf(&x->b, " (version %s)", fw->version);
	rep->framework_name = take(x);
	rep->framework_section = fw->section;
	rep->framework_url = fw->url;
	rep->url_is_link = oaip_url_is_link(fw->url);
	rep->attribution = fw->attribution;
	rep->cornerstones_credit = oaip_report_cornerstones_credit(fw);
	char *credit = oaip_report_credit(o);
	rep->credit = credit ? dup(x, credit) : NULL;
	if (!credit)
		x->a->failed = true;
	free(credit);
	rep->ownership = "The ratings, evidence and next steps are the "
	                 "school's own self-evaluation.";

	rep->target = r->target;
	rep->target_label = dup(x, oaip_level_label(s, r->target));
	if (!rep->target_label)
		rep->target_label = "?";
	rep->target_text = level_text(x, r->target);
	oaip_level_text(&x->b, s, r->target);
	if (s->n_levels) {
		oaip_buf_puts(&x->b, " on a scale from ");
		oaip_level_text(&x->b, s, s->levels[0].value);
		oaip_buf_puts(&x->b, " to ");
		oaip_level_text(&x->b, s, oaip_scale_max(s));
	}
	rep->target_sentence = take(x);

	struct oaip_rlevel *lv = oaip_arena_alloc(
	    x->a, (s->n_levels ? s->n_levels : 1) * sizeof *lv);
	if (lv)
		for (size_t i = 0; i < s->n_levels; i++) {
			lv[i].value = s->levels[i].value;
			lv[i].id = s->levels[i].id;
			lv[i].label = s->levels[i].label;
		}
	rep->scale = lv;
	rep->n_scale = lv ? s->n_levels : 0;

	rep->phase = r->phase;
	if (r->phase) {
		oaip_phase_list(&x->b, r->phase, " ");
		rep->phase_json = take(x);
		size_t applicable = 0;
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
			applicable += r->cs[c].total;
		size_t left_out = fw->n_indicators - applicable;
		oaip_phase_list(&x->b, r->phase, " or ");
		oaip_buf_printf(
		    &x->b,
		    " (%zu framework %s that %s not apply in this "
		    "phase %s left out)",
		    left_out, oaip_plural(left_out, "indicator", "indicators"),
		    oaip_plural(left_out, "does", "do"),
		    oaip_plural(left_out, "is", "are"));
		rep->phase_text = take(x);
	}
	if (se->windows1252)
		rep->encoding_note =
		    "the file was not UTF-8 and was read as "
		    "Windows-1252 (the encoding of Excel's CSV "
		    "export)";
}

/* ------------------------------------------------------------------ */
/* Summary                                                            */

static const char *const no_score_words[] = {
    NULL, "not evaluated", "not applicable", "not part of this phase"};

static void cornerstone(struct build *x, int c)
{
	const oaip_result *r = x->r;
	const oaip_cornerstone_score *cs = &r->cs[c];
	oaip_rcornerstone *m = &x->rep->cs[c];
	const char *title = oaip_cornerstone_title((oaip_cornerstone)c);

	m->id = oaip_cornerstone_id((oaip_cornerstone)c);
	m->title = title;
	m->has_score = cs->has_score;
	m->score = cs->has_score ? oaip_score_round(cs->score) : 0;
	m->why = cs->has_score         ? OAIP_HAS_SCORE
	         : cs->total == 0      ? OAIP_NOT_IN_PHASE
	         : cs->na == cs->total ? OAIP_NOT_APPLICABLE
	                               : OAIP_NOT_EVALUATED;
	m->no_score = no_score_words[m->why];
	m->rated = cs->rated;
	m->total = cs->total;
	m->na = cs->na;
	m->empty = cs->empty;
	m->at_target = cs->at_target;
	m->gaps = cs->gaps;
	m->band = oaip_band(cs, &r->fw->scale, r->target);
	m->partly = cs->rated > 0 && cs->empty > 0;
	m->too_few = cs->has_score && oaip_low_coverage(cs->rated, cs->total);

	if (cs->has_score)
		oaip_percent_text(&x->b, cs->score);
	else if (m->why == OAIP_NOT_IN_PHASE)
		oaip_buf_puts(&x->b, "No score");
	else if (m->why == OAIP_NOT_APPLICABLE)
		oaip_buf_puts(&x->b, "Not applicable");
	else
		oaip_buf_puts(&x->b, "Not evaluated");
	m->score_text = take(x);

	if (cs->total == 0) {
		oaip_buf_puts(&x->b, "no indicator applies in this phase");
	} else {
		oaip_buf_printf(
		    &x->b, "%zu of %zu %s rated", cs->rated, cs->total,
		    oaip_plural(cs->total, "indicator", "indicators"));
		if (cs->na)
			oaip_buf_printf(&x->b, " (%zu not applicable)", cs->na);
		if (cs->rated)
			oaip_buf_printf(&x->b, ", %zu at or above target",
			                cs->at_target);
		if (cs->gaps)
			oaip_buf_printf(&x->b, ", %zu below", cs->gaps);
	}
	m->coverage = take(x);

	/* The chart's label says how much each bar rests on. */
	if (cs->total == 0)
		oaip_buf_puts(&x->b, title);
	else
		oaip_buf_printf(&x->b, "%s: %s%zu of %zu rated", title,
		                m->too_few ? "only " : "", cs->rated,
		                cs->total);
	m->chart_label = take(x);
}

static void summary(struct build *x)
{
	oaip_score_report *rep = x->rep;
	const oaip_result *r = x->r;
	oaip_report_totals *t = &rep->totals;
	oaip_report_totals_get(r, t);
	rep->n_not_evaluated = r->n_not_evaluated;
	rep->n_not_applicable = r->n_not_applicable;
	bool low = oaip_report_low_coverage(r);
	if (low) {
		oaip_report_caution(r, &x->b);
		rep->caution = take(x);
	}
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		cornerstone(x, c);

	rep->has_overall = r->has_overall;
	rep->overall = r->has_overall ? oaip_score_round(r->overall) : 0;
	if (r->has_overall) {
		oaip_percent_text(&x->b, r->overall);
		rep->overall_text = take(x);
		oaip_report_overall_basis(r, &x->b);
		rep->overall_basis = take(x);
	} else {
		rep->overall_text = "not scored";
		rep->overall_basis = "nothing is rated yet";
	}
	rep->overall_band = low ? OAIP_BAND_TOO_FEW : "";
	/* A school at the target everywhere scores 66.7% on Devon's scale:
	 * said where the number is, so nobody reads it as a fail. */
	int top = oaip_scale_max(&r->fw->scale);
	rep->target_score =
	    top > 0 ? oaip_score_round(100.0 * r->target / top) : -1;
	if (rep->target_score >= 0) {
		oaip_buf_puts(&x->b, "Target: ");
		oaip_percent_text(&x->b, rep->target_score);
		oaip_buf_printf(&x->b,
		                ", the score when every rated indicator is at "
		                "the target (%s)",
		                rep->target_label);
		rep->target_note = take(x);
	}
	oaip_buf_printf(&x->b, "%zu of %zu %s rated", t->rated, t->total,
	                oaip_plural(t->total, "indicator", "indicators"));
	if (t->na)
		oaip_buf_printf(&x->b, " (%zu not applicable)", t->na);
	if (t->rated)
		oaip_buf_printf(&x->b, ", %zu at or above target",
		                t->at_target);
	if (t->gaps)
		oaip_buf_printf(&x->b, ", %zu below", t->gaps);
	rep->overall_coverage = take(x);

	oaip_buf_printf(&x->b,
	                "%zu of %zu %s rated: %zu at or above the target (%s), "
	                "%zu below it",
	                t->rated, t->total,
	                oaip_plural(t->total, "indicator", "indicators"),
	                t->at_target, rep->target_label, t->gaps);
	if (r->n_not_evaluated)
		oaip_buf_printf(&x->b, ", %zu not yet evaluated",
		                r->n_not_evaluated);
	if (r->n_not_applicable)
		oaip_buf_printf(&x->b, ", %zu not applicable",
		                r->n_not_applicable);
	oaip_buf_putc(&x->b, '.');
	rep->counts = take(x);
	if (t->gaps)
		rep->gaps_note = "Every indicator below the target is listed "
		                 "under \"Gaps\" below, whatever the score.";

	/* The chart: its text alternative repeats every number. */
	rep->chart_title = "Scores for the four cornerstones";
	oaip_buf_puts(&x->b, "Bar chart of the score for each of the four "
	                     "cornerstones, from 0% to 100%. ");
	bool any_tentative = false;
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_rcornerstone *m = &rep->cs[c];
		oaip_buf_printf(
		    &x->b, "%s: %s, %zu of %zu %s rated%s. ", m->title,
		    m->has_score ? m->score_text : m->no_score, m->rated,
		    m->total, oaip_plural(m->total, "indicator", "indicators"),
		    m->too_few ? ", too few to judge" : "");
		any_tentative |= m->too_few;
	}
	int max = oaip_scale_max(&r->fw->scale);
	rep->marker = max > 0 ? 100.0 * r->target / max : -1;
	if (rep->marker >= 0) {
		oaip_buf_puts(&x->b, "A dashed line marks ");
		oaip_percent_text(&x->b, rep->marker);
		oaip_buf_printf(&x->b,
		                ", the score if every rated indicator were at "
		                "the target, %s.",
		                rep->target_label);
	}
	rep->chart_desc = take(x);
	if (rep->marker >= 0) {
		oaip_buf_printf(&x->b, "All at %s: ", rep->target_label);
		oaip_percent_text(&x->b, rep->marker);
		rep->marker_label = take(x);
	}
	if (any_tentative)
		oaip_buf_puts(&x->b, "A pale bar in an outline rests on fewer "
		                     "than half of its cornerstone's "
		                     "indicators: too few to judge. ");
	oaip_buf_puts(&x->b, "The same numbers, with their counts, are in the "
	                     "table below.");
	rep->chart_caption = take(x);
}

/* ------------------------------------------------------------------ */
/* Indicators                                                         */

static bool example_applies(const oaip_example *ex, unsigned phase)
{
	return phase == 0 || ex->phases == 0 || (ex->phases & phase) != 0;
}

/* The examples of a list that apply, practice first, then quotes; an
 * unattributed quote is a parent carer's (oaip_example). */
static void examples(struct build *x, const oaip_example *ex, size_t n,
                     oaip_rexamples *out)
{
	unsigned phase = x->r->phase;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += example_applies(&ex[i], phase);
	out->v = oaip_arena_alloc(x->a, (k ? k : 1) * sizeof *out->v);
	if (!out->v)
		return;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			bool quote = ex[i].kind == OAIP_EXAMPLE_QUOTE;
			if (quote != (pass == 1) ||
			    !example_applies(&ex[i], phase))
				continue;
			oaip_rexample *e = &out->v[out->n++];
			e->quote = quote;
			e->text = ex[i].text;
			e->by = quote ? (ex[i].by && *ex[i].by ? ex[i].by
			                                       : "Parent carer")
			              : NULL;
			if (phase == 0 && ex[i].phases &&
			    (ex[i].phases & OAIP_PHASE_ALL) != OAIP_PHASE_ALL) {
				oaip_phase_list(&x->b, ex[i].phases, " or ");
				e->phase = take(x);
			}
			out->n_practice += !quote;
		}
}

static void indicator(struct build *x, size_t i, oaip_rindicator *m)
{
	const oaip_framework *fw = x->r->fw;
	const oaip_indicator *ind = &fw->indicators[i];
	const oaip_entry *e = &x->r->se->entries[i];
	m->index = i;
	m->id = ind->id;
	m->text = ind->text;
	m->cornerstone_id = oaip_cornerstone_id(ind->cornerstone);
	m->cornerstone = oaip_cornerstone_title(ind->cornerstone);
	m->level = e->level;
	if (e->kind == OAIP_RATING_RATED) {
		m->rating = level_text(x, e->level);
		m->rating_label = oaip_level_label(&fw->scale, e->level);
	} else {
		m->rating = e->kind == OAIP_RATING_NA ? "Not applicable"
		                                      : "Not yet evaluated";
	}
	m->weight = ind->weight;
	if (ind->weight != 1.0)
		m->weight_text =
		    oaip_arena_printf(x->a, "weight %g", ind->weight);
	m->evidence = words(x, e->evidence);
	m->next_steps = words(x, e->next_steps);
}

/* Indicators of list, grouped by cornerstone in cornerstone order (each
 * group in the order of list). */
static void grouped(struct build *x, const size_t *list, size_t n,
                    oaip_rlist *out, const char *one, const char *many)
{
	const oaip_framework *fw = x->r->fw;
	out->groups =
	    oaip_arena_alloc(x->a, OAIP_N_CORNERSTONES * sizeof *out->groups);
	out->v = oaip_arena_alloc(x->a, (n ? n : 1) * sizeof *out->v);
	if (!out->groups || !out->v)
		return;
	size_t k = 0;
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		oaip_rgroup *g = &out->groups[out->n_groups];
		g->v = out->v + k;
		for (size_t j = 0; j < n; j++)
			if ((int)fw->indicators[list[j]].cornerstone == c)
				indicator(x, list[j], &out->v[k + g->n++]);
		if (!g->n)
			continue;
		k += g->n;
		g->cornerstone_id = oaip_cornerstone_id((oaip_cornerstone)c);
		g->cornerstone = oaip_cornerstone_title((oaip_cornerstone)c);
		g->heading =
		    oaip_arena_printf(x->a, "%s (%zu %s)", g->cornerstone, g->n,
		                      oaip_plural(g->n, one, many));
		out->n_groups++;
	}
	out->n = k;
}

static void flat(struct build *x, const size_t *list, size_t n, oaip_rlist *out)
{
	out->v = oaip_arena_alloc(x->a, (n ? n : 1) * sizeof *out->v);
	if (!out->v)
		return;
	for (size_t j = 0; j < n; j++)
		indicator(x, list[j], &out->v[j]);
	out->n = n;
}

static void strengths(struct build *x)
{
	const oaip_result *r = x->r;
	oaip_rlist *l = &x->rep->strengths;
	l->title = "Strengths";
	if (!r->n_strengths) {
		l->intro = "No indicator is rated at or above the target yet.";
		return;
	}
	l->intro = oaip_arena_printf(
	    x->a, "%zu %s rated at or above the target (%s).", r->n_strengths,
	    oaip_plural(r->n_strengths, "indicator is", "indicators are"),
	    x->rep->target_label);
	grouped(x, r->strengths, r->n_strengths, l, "strength", "strengths");
}

static void gaps(struct build *x)
{
	const oaip_result *r = x->r;
	const oaip_framework *fw = r->fw;
	oaip_rlist *l = &x->rep->gaps;
	l->title = "Gaps: indicators below the target";
	if (!r->n_gaps) {
		oaip_buf_printf(&x->b,
		                "No rated indicator is below the target (%s).",
		                x->rep->target_label);
		if (r->n_not_evaluated)
			oaip_buf_puts(&x->b, " Indicators not yet evaluated "
			                     "could still be: see below.");
		l->intro = take(x);
		return;
	}
	grouped(x, r->gaps, r->n_gaps, l, "gap", "gaps");
	if (!l->v)
		return;

	/* The first gap of each expectation shows its examples; later gaps
	 * of the same expectation point back to it. */
	const oaip_rindicator **first =
	    calloc(fw->n_expectations ? fw->n_expectations : 1, sizeof *first);
	if (!first) {
		x->a->failed = true;
		return;
	}
	for (size_t k = 0; k < l->n; k++) {
		oaip_rindicator *m = &l->v[k];
		const oaip_indicator *ind = &fw->indicators[m->index];
		examples(x, ind->examples, ind->n_examples, &m->own);
		if (ind->expectation >= fw->n_expectations)
			continue;
		const oaip_expectation *e = &fw->expectations[ind->expectation];
		m->expectation = e->statement;
		m->expectation_title = e->title;
		oaip_rexamples ex = {0};
		examples(x, e->examples, e->n_examples, &ex);
		if (!ex.n)
			continue;
		if (first[ind->expectation]) {
			m->examples_at = first[ind->expectation];
			continue;
		}
		first[ind->expectation] = m;
		m->examples = ex;
		if (fw->publisher)
			m->examples_intro = oaip_arena_printf(
			    x->a, "%s's examples for this expectation:",
			    fw->publisher);
		else
			m->examples_intro = "The framework's examples for this "
			                    "expectation:";
	}
	free(first);

	bool any_examples = false;
	for (size_t k = 0; k < l->n; k++)
		any_examples |= l->v[k].own.n || l->v[k].examples.n;
	l->intro = oaip_arena_printf(
	    x->a,
	    "%zu %s rated below the target (%s), by cornerstone. Each shows "
	    "the school's evidence and next steps and %s.",
	    r->n_gaps, oaip_plural(r->n_gaps, "indicator is", "indicators are"),
	    x->rep->target_label,
	    any_examples ? "what the framework says good practice could look "
	                   "like"
	                 : "the framework's expectation");
}

static void lists(struct build *x)
{
	const oaip_result *r = x->r;
	oaip_rlist *l = &x->rep->not_evaluated;
	l->title = "Not yet evaluated";
	if (!r->n_not_evaluated) {
		l->intro = "Every indicator that applies has a rating or is "
		           "marked not applicable.";
	} else {
		size_t n = r->n_not_evaluated;
		l->intro = oaip_arena_printf(
		    x->a,
		    "%zu %s no rating yet. %s not counted in any score, not "
		    "even as zero: rate %s to complete the picture.",
		    n, oaip_plural(n, "indicator has", "indicators have"),
		    oaip_plural(n, "It is", "They are"),
		    oaip_plural(n, "it", "them"));
		flat(x, r->not_evaluated, n, l);
	}
	l = &x->rep->not_applicable;
	l->title = "Not applicable";
	x->rep->has_not_applicable = r->n_not_applicable > 0;
	if (r->n_not_applicable) {
		size_t n = r->n_not_applicable;
		l->intro = oaip_arena_printf(
		    x->a,
		    "%zu %s marked not applicable by the school and not "
		    "counted.",
		    n, oaip_plural(n, "indicator is", "indicators are"));
		flat(x, r->not_applicable, n, l);
	}
	x->rep->about_title = "About the framework";
}

/* ------------------------------------------------------------------ */

oaip_score_report *oaip_score_report_build(const oaip_result *r,
                                           const oaip_render_options *o)
{
	oaip_score_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		return NULL;
	oaip_arena_init(&rep->arena);
	struct build x = {rep, r, &rep->arena, {0}};
	oaip_buf_init(&x.b);

	header(&x, o);
	summary(&x);
	oaip_report_method(x.a, r, &rep->method);
	strengths(&x);
	gaps(&x);
	lists(&x);
	if (o && o->previous && !oaip_report_add_progress(rep, o->previous))
		rep->arena.failed = true;

	bool failed = x.b.failed || rep->arena.failed;
	oaip_buf_free(&x.b);
	if (failed) {
		oaip_score_report_free(rep);
		return NULL;
	}
	return rep;
}

void oaip_score_report_free(oaip_score_report *rep)
{
	if (!rep)
		return;
	oaip_rsections_free(&rep->sections);
	oaip_arena_free(&rep->arena);
	free(rep);
}
