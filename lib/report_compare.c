/* report_compare.c - the comparison report's model: every fact and
 * sentence of the area report, decided here once and drawn by
 * render_compare_{md,html,json,csv}.c (report.h describes the model).
 *
 * The figures are compare.c's; this file rounds them as every format
 * shows them, counts what the sentences count and words them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

const char *const oaip_rspread_keys[6] = {"mean",   "min", "q1",
                                          "median", "q3",  "max"};
const char *const oaip_rspread_titles[6] = {
    "Mean", "Minimum", "Lower quartile", "Median", "Upper quartile", "Maximum"};

void oaip_put_size(oaip_buf *out, size_t n)
{
	char d[24];
	size_t i = sizeof d;
	do {
		d[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	oaip_buf_putn(out, d + i, sizeof d - i);
}

void oaip_put_score(oaip_buf *out, double score)
{
	double r = oaip_score_round(score);
	if (!(r >= 0 && r < 1e15)) {
		oaip_buf_printf(out, "%.1f", r);
		return;
	}
	unsigned long long tenths = (unsigned long long)(r * 10.0 + 0.5);
	oaip_put_size(out, (size_t)(tenths / 10));
	char frac[2] = {'.', (char)('0' + tenths % 10)};
	oaip_buf_putn(out, frac, 2);
}

static double percent(size_t part, size_t whole)
{
	return whole ? oaip_score_round(100.0 * (double)part / (double)whole)
	             : 0.0;
}

static const char *measure_title(int w)
{
	return w == OAIP_OVERALL ? "Overall" : oaip_cornerstone_title(w);
}

static const char *measure_id(int w)
{
	return w == OAIP_OVERALL ? "overall" : oaip_cornerstone_id(w);
}

/* ------------------------------------------------------------------ */

struct build {
	oaip_compare_report *rep;
	const oaip_comparison *c;
	const oaip_framework *fw;
	oaip_arena *a;
	oaip_buf b;
};

static char *take(struct build *x)
{
	return oaip_arena_take(x->a, &x->b);
}

static void cell(struct build *x, const oaip_cornerstone_score *cs,
                 oaip_rcell *m)
{
	int target = x->rep->target;
	m->has_score = cs->has_score;
	m->score = cs->has_score ? oaip_score_round(cs->score) : 0;
	m->band = oaip_band(cs, &x->fw->scale, target);
	oaip_cornerstone_score whole = *cs;
	whole.empty = 0;
	m->band_short = oaip_band(&whole, &x->fw->scale, target);
	m->heat = oaip_heat_class(m->band_short);
	m->rated = cs->rated;
	m->total = cs->total;
	m->na = cs->na;
	m->empty = cs->empty;
	m->at_target = cs->at_target;
	m->gaps = cs->gaps;
}

/* The four cornerstones of a school taken together, scored by its overall
 * score, so the overall cell gets a band in the same words. */
static oaip_cornerstone_score overall_of(const oaip_school *s)
{
	oaip_cornerstone_score a = {0};
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		a.rated += s->cs[k].rated;
		a.total += s->cs[k].total;
		a.na += s->cs[k].na;
		a.empty += s->cs[k].empty;
		a.at_target += s->cs[k].at_target;
		a.gaps += s->cs[k].gaps;
	}
	a.has_score = s->has_overall;
	a.score = s->overall;
	return a;
}

static void header(struct build *x, const oaip_render_options *o)
{
	oaip_compare_report *rep = x->rep;
	const oaip_framework *fw = x->fw;
	const oaip_comparison *c = x->c;

	oaip_buf_printf(&x->b, "Area comparison: %s",
	                fw->title ? fw->title : "");
	rep->page_title = take(x);
	rep->framework_id = fw->id;
	rep->framework_title = fw->title ? fw->title : "";
	oaip_buf_printf(&x->b, "%s, %s (%s", fw->publisher ? fw->publisher : "",
	                fw->section ? fw->section : rep->framework_title,
	                fw->id);
	if (fw->version)
		oaip_buf_printf(&x->b, ", version %s", fw->version);
	oaip_buf_putc(&x->b, ')');
	rep->framework_line = take(x);
	rep->date = o && o->date ? o->date : "";
	char *credit = oaip_report_credit(o);
	rep->credit = oaip_arena_strdup(x->a, credit);
	if (!credit)
		x->a->failed = true;
	free(credit);
	rep->attribution = fw->attribution;
	rep->cornerstones_credit = oaip_report_cornerstones_credit(fw);

	rep->target = oaip_comparison_target(c);
	const char *label = oaip_level_label(&fw->scale, rep->target);
	rep->target_label = label ? label : "";
	int r_max = oaip_scale_max(&fw->scale);
	rep->target_score =
	    oaip_score_round(r_max > 0 ? 100.0 * rep->target / r_max : 100.0);
	rep->marker_label =
	    oaip_arena_printf(x->a, "Target: %s", rep->target_label);
	unsigned phase = oaip_comparison_phase(c);
	if (phase) {
		oaip_phase_list(&x->b, phase, " or ");
		rep->phase_text = take(x);
	}

	rep->n = oaip_comparison_count(c);
	rep->n_bad = oaip_comparison_unreadable(c);
	rep->n_read = oaip_comparison_counted(c);
	size_t dup = oaip_comparison_duplicates(c);
	oaip_buf_printf(&x->b, "%zu: %zu read, %zu could not be read", rep->n,
	                rep->n_read, rep->n_bad);
	if (dup)
		oaip_buf_printf(&x->b, ", %zu %s of a school already counted",
		                dup, oaip_plural(dup, "copy", "copies"));
	rep->returns_text = take(x);
}

/* What the report says in place of its figures when it has none. */
static const char *no_figures(struct build *x, bool any_rated)
{
	const oaip_compare_report *rep = x->rep;
	if (rep->n == 0)
		return "There are no returns in this comparison";
	if (rep->n_read == 0)
		return rep->n == 1 ? "The return could not be read"
		                   : "None of the returns could be read";
	if (!any_rated)
		return "None of the returns that could be read rated any "
		       "indicator";
	return NULL;
}

/* School s's change since last time, or NULL: no earlier return. */
static const oaip_rchange *since(struct build *x, const oaip_school *s)
{
	const oaip_school *t = oaip_comparison_school_then(x->c, s);
	if (!t)
		return NULL;
	oaip_rchange *v = oaip_arena_alloc(x->a, sizeof *v);
	if (!v)
		return NULL;
	v->matched_by = oaip_match_words(s->match);
	v->previous_file = t->file;
	for (int m = 0; m <= OAIP_N_CORNERSTONES; m++) {
		bool ht =
		    m == OAIP_OVERALL ? t->has_overall : t->cs[m].has_score;
		bool hn =
		    m == OAIP_OVERALL ? s->has_overall : s->cs[m].has_score;
		double vt = m == OAIP_OVERALL ? t->overall : t->cs[m].score;
		double vn = m == OAIP_OVERALL ? s->overall : s->cs[m].score;
		oaip_change ch = oaip_change_of(ht, vt, hn, vn);
		v->has_then[m] = ht;
		v->then[m] = ht ? oaip_score_round(vt) : 0;
		v->has_change[m] = ch.has;
		v->change[m] = ch.has ? ch.change : 0;
	}
	return v;
}

static void schools(struct build *x)
{
	oaip_compare_report *rep = x->rep;
	const oaip_comparison *c = x->c;
	size_t n = rep->n;
	rep->schools =
	    oaip_arena_alloc(x->a, (n ? n : 1) * sizeof *rep->schools);
	rep->unreadable =
	    oaip_arena_alloc(x->a, (n ? n : 1) * sizeof *rep->unreadable);
	rep->returns =
	    oaip_arena_alloc(x->a, (n ? n : 1) * sizeof *rep->returns);
	rep->low = oaip_arena_alloc(x->a, (n ? n : 1) * sizeof *rep->low);
	if (!rep->schools || !rep->unreadable || !rep->returns || !rep->low)
		return;
	for (size_t i = 0; i < n; i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		if (!s->readable) {
			oaip_runreadable *u =
			    &rep->unreadable[rep->n_unreadable++];
			u->school = s->school;
			u->file = s->file;
			u->errors = s->errors;
			u->n_errors = s->n_errors;
			u->errors_total = s->n_errors_total;
			if (s->n_errors_total > s->n_errors) {
				size_t more = s->n_errors_total - s->n_errors;
				u->more = oaip_arena_printf(
				    x->a, "and %zu more %s", more,
				    oaip_plural(more, "error", "errors"));
			}
			if (s->n_errors) {
				const oaip_diag *e = &s->errors[0];
				if (e->line > 0)
					oaip_buf_printf(&x->b, "%s:%ld: %s",
					                e->file, e->line,
					                e->message);
				else
					oaip_buf_printf(&x->b, "%s: %s",
					                e->file, e->message);
				if (s->n_errors_total > 1)
					oaip_buf_printf(
					    &x->b, " (and %zu more %s)",
					    s->n_errors_total - 1,
					    oaip_plural(s->n_errors_total - 1,
					                "error", "errors"));
				u->first = take(x);
			} else {
				u->first = "";
			}
			rep->returns[rep->n_returns++].bad = u;
			continue;
		}
		if (!s->counted)
			continue; /* a duplicate: its school has a row */
		oaip_rschool *m = &rep->schools[rep->n_schools++];
		m->school = s->school;
		m->file = s->file;
		m->urn = s->urn ? s->urn : "";
		oaip_phase_list(&x->b, s->phase, " ");
		m->phase = take(x);
		m->low_coverage = s->low_coverage;
		m->coverage = percent(s->rated, s->total);
		m->rated = s->rated;
		m->total = s->total;
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
			cell(x, &s->cs[k], &m->m[k]);
		oaip_cornerstone_score all = overall_of(s);
		cell(x, &all, &m->m[OAIP_OVERALL]);
		m->since = since(x, s);
		rep->returns[rep->n_returns++].school = m;
		if (s->low_coverage)
			rep->low[rep->n_low++] = m;
	}
}

/* The table of returns' columns: who, then for each measure (overall
 * first) its score, band and counts, then the error. */
static void columns(struct build *x)
{
	static const struct {
		oaip_rcol_kind kind;
		const char *suffix;
	} per_measure[] = {
	    {OAIP_RCOL_SCORE, ""},
	    {OAIP_RCOL_BAND, " band"},
	    {OAIP_RCOL_RATED, " rated"},
	    {OAIP_RCOL_TOTAL, " applicable"},
	};
	static const struct {
		oaip_rcol_kind kind;
		const char *heading;
	} who[] = {
	    {OAIP_RCOL_SCHOOL, "School"},
	    {OAIP_RCOL_URN, "URN"},
	    {OAIP_RCOL_PHASE, "Phase"},
	    {OAIP_RCOL_FILE, "File"},
	};
	enum { N_WHO = sizeof who / sizeof who[0] };
	enum { N_PER = sizeof per_measure / sizeof per_measure[0] };
	size_t n = N_WHO + N_PER * (OAIP_N_CORNERSTONES + 1) + 1;
	oaip_rcol *v = oaip_arena_alloc(x->a, n * sizeof *v);
	if (!v)
		return;
	size_t k = 0;
	for (size_t i = 0; i < N_WHO; i++)
		v[k++] = (oaip_rcol){who[i].heading, who[i].kind, 0};
	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		/* The overall score first, then the cornerstones. */
		int m = w ? w - 1 : OAIP_OVERALL;
		for (size_t i = 0; i < N_PER; i++)
			v[k++] = (oaip_rcol){
			    oaip_arena_printf(x->a, "%s%s", measure_title(m),
			                      per_measure[i].suffix),
			    per_measure[i].kind, m};
	}
	v[k++] = (oaip_rcol){"Error", OAIP_RCOL_ERROR, 0};
	x->rep->cols = v;
	x->rep->n_cols = k;

	/* Since last time: who, how matched, then each measure then, now
	 * and the change. */
	if (!oaip_comparison_previous(x->c))
		return;
	static const struct {
		oaip_rcol_kind kind;
		const char *suffix;
	} per_change[] = {
	    {OAIP_RCOL_THEN, " then"},
	    {OAIP_RCOL_SCORE, " now"},
	    {OAIP_RCOL_CHANGE, " change"},
	};
	enum { N_CHANGE = sizeof per_change / sizeof per_change[0] };
	n = 3 + N_CHANGE * (OAIP_N_CORNERSTONES + 1);
	v = oaip_arena_alloc(x->a, n * sizeof *v);
	if (!v)
		return;
	k = 0;
	v[k++] = (oaip_rcol){"School", OAIP_RCOL_SCHOOL, 0};
	v[k++] = (oaip_rcol){"File", OAIP_RCOL_FILE, 0};
	v[k++] = (oaip_rcol){"Matched by", OAIP_RCOL_MATCH, 0};
	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		int m = w ? w - 1 : OAIP_OVERALL;
		for (size_t i = 0; i < N_CHANGE; i++)
			v[k++] = (oaip_rcol){
			    oaip_arena_printf(x->a, "%s%s", measure_title(m),
			                      per_change[i].suffix),
			    per_change[i].kind, m};
	}
	x->rep->since_cols = v;
	x->rep->n_since_cols = k;
}

static void area(struct build *x, const char *none)
{
	oaip_compare_report *rep = x->rep;
	rep->area_title = "Area averages and spread";
	for (int w = 0; w <= OAIP_OVERALL; w++) {
		rep->spread[w].id = measure_id(w);
		rep->spread[w].title = measure_title(w);
	}
	if (!rep->n_read) {
		rep->area_intro = oaip_arena_printf(
		    x->a, "%s, so there are no area figures.", none);
		return;
	}
	rep->has_area = true;
	rep->area_intro = oaip_arena_printf(
	    x->a,
	    "Over the %zu %s that could be read.  Quartiles are found by "
	    "linear interpolation between closest ranks (as QUARTILE.INC in "
	    "a spreadsheet).",
	    rep->n_read, oaip_plural(rep->n_read, "return", "returns"));
	oaip_buf_puts(&x->b, "Median score of the schools:");
	for (int w = 0; w <= OAIP_OVERALL; w++) {
		const oaip_spread *sp = oaip_comparison_spread(x->c, w);
		oaip_rspread *m = &rep->spread[w];
		m->n = sp->n;
		const double v[6] = {sp->mean,   sp->min, sp->q1,
		                     sp->median, sp->q3,  sp->max};
		for (int k = 0; k < 6; k++)
			m->v[k] = sp->n ? oaip_score_round(v[k]) : 0;
		oaip_buf_printf(&x->b, "%s %s ", w ? ";" : "", m->title);
		if (sp->n)
			oaip_buf_printf(
			    &x->b, "%.1f%% (%zu %s)", m->v[3], sp->n,
			    oaip_plural(sp->n, "school", "schools"));
		else
			oaip_buf_puts(&x->b, "not evaluated");
	}
	oaip_buf_printf(&x->b, ".  The dashed line marks the target, %.1f%%.",
	                rep->target_score);
	rep->chart_desc = take(x);
	rep->chart_caption = "Median score per cornerstone across the "
	                     "schools; the table below gives the spread.";
}

static void priorities(struct build *x, const char *none)
{
	oaip_compare_report *rep = x->rep;
	rep->priorities_title = "Training priorities";
	if (none) {
		rep->priorities_intro = oaip_arena_printf(
		    x->a, "%s, so there are no training priorities.", none);
		return;
	}
	const oaip_priority *p;
	size_t np = oaip_comparison_priorities(x->c, &p);
	if (!np) {
		rep->priorities_intro = "No school rated any indicator below "
		                        "the target.";
		return;
	}
	rep->priorities_intro = oaip_arena_printf(
	    x->a,
	    "The indicators most often rated below the target (%s) across "
	    "the schools, most schools first (up to %d).",
	    rep->target_label, OAIP_COMPARE_PRIORITIES);
	rep->priorities = oaip_arena_alloc(x->a, np * sizeof *rep->priorities);
	if (!rep->priorities)
		return;
	for (size_t i = 0; i < np; i++) {
		const oaip_indicator *ind = &x->fw->indicators[p[i].indicator];
		oaip_rpriority *m = &rep->priorities[i];
		m->rank = i + 1;
		m->id = ind->id;
		m->text = ind->text;
		m->cornerstone_id = oaip_cornerstone_id(ind->cornerstone);
		m->cornerstone = oaip_cornerstone_title(ind->cornerstone);
		m->below = p[i].below;
		m->rated = p[i].rated;
		m->percent = percent(p[i].below, p[i].rated);
		m->schools_text = oaip_arena_printf(
		    x->a, "%zu of the %zu %s that rated it (%.1f%%)", m->below,
		    m->rated, oaip_plural(m->rated, "school", "schools"),
		    m->percent);
	}
	rep->n_priorities = np;
}

static void lists(struct build *x, const char *none)
{
	oaip_compare_report *rep = x->rep;
	rep->low_title = "Schools with low coverage";
	rep->low_threshold = OAIP_LOW_COVERAGE_PERCENT;
	if (!rep->n_read)
		rep->low_intro = oaip_arena_printf(x->a, "%s.", none);
	else if (!rep->n_low)
		rep->low_intro =
		    "None: every school that could be read rated "
		    "at least half of the indicators that apply to "
		    "it.";
	else
		rep->low_intro = oaip_arena_printf(
		    x->a,
		    "Schools that rated fewer than half (%d%%) of the "
		    "indicators that apply to them: their scores rest on "
		    "little evidence.",
		    OAIP_LOW_COVERAGE_PERCENT);
	rep->unreadable_title = "Returns that could not be read";
	rep->unreadable_intro =
	    rep->n_unreadable ? "These returns are left out of everything "
	                        "above.  Correct them and run the "
	                        "comparison again."
	                      : "None: every return could be read.";
}

oaip_compare_report *oaip_compare_report_build(const oaip_comparison *c,
                                               const oaip_render_options *o)
{
	oaip_compare_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		return NULL;
	oaip_arena_init(&rep->arena);
	struct build x = {
	    rep, c, oaip_comparison_framework(c), &rep->arena, {0}};
	oaip_buf_init(&x.b);

	rep->comparison = c;
	rep->diags = o ? o->diags : NULL;
	header(&x, o);
	oaip_report_method_fw(x.a, x.fw, rep->target, oaip_comparison_phase(c),
	                      &rep->method);
	schools(&x);
	columns(&x);
	bool any_rated = false;
	for (size_t i = 0; i < rep->n_schools; i++)
		any_rated |= rep->schools[i].rated > 0;
	const char *none = no_figures(&x, any_rated);
	if (none) {
		rep->notice = oaip_arena_printf(
		    &rep->arena,
		    "%s, so this report has no scores, area figures or "
		    "training priorities.",
		    none);
		if (rep->n_bad)
			rep->notice_more = "Each return's errors are listed "
			                   "under \"Returns that could not be "
			                   "read\".";
	}
	rep->schools_title = "Schools by cornerstone";
	if (!rep->n_read)
		rep->schools_none = oaip_arena_printf(&rep->arena, "%s.", none);
	rep->cell_note = "Each cell: score, band in words (indicators "
	                 "rated/applicable).";
	rep->legend_intro = "Key: each cell shows the score, the band in "
	                    "words and how many of the indicators that apply "
	                    "were rated.  The shading follows the band, so "
	                    "the target:";
	area(&x, none);
	priorities(&x, none);
	lists(&x, none);
	oaip_compare_report_add_area(rep, c);

	bool failed = x.b.failed || rep->arena.failed;
	oaip_buf_free(&x.b);
	if (failed) {
		oaip_compare_report_free(rep);
		return NULL;
	}
	return rep;
}

void oaip_compare_report_free(oaip_compare_report *rep)
{
	if (!rep)
		return;
	oaip_rsections_free(&rep->sections);
	oaip_arena_free(&rep->arena);
	free(rep);
}
