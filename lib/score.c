/* score.c - the scoring model: pure functions, no I/O.
 *
 * For each cornerstone c, over the indicators of c that apply in the
 * chosen phase and are rated (neither blank nor n/a), with weight w and
 * r_max the value of the scale's top level:
 *
 *     score(c) = 100 * sum(w * r) / sum(w * r_max)   (null if none rated)
 *     overall  = mean of the non-null cornerstone scores (null if none)
 *
 * Ratings are used as their raw level values.  On the default 0-3 scale a
 * school rated "Not yet" everywhere scores 0%; on a scale whose lowest
 * level is not 0 (say 1-4) the lowest rating still counts for something,
 * so the floor of a score is 100 * lowest / r_max (25% there), not 0%.
 * A scale whose only level is 0 has r_max = 0: every rating is then the
 * top level and a rated cornerstone scores 100%.
 *
 * Blank and n/a indicators are counted (total, empty, na) and listed, but
 * never scored as zero.  A gap is a rated indicator below the target
 * level; a strength is one at or above it.
 *
 * The bands (oaip_band) put a cornerstone into words by its relation to
 * the target, never with a level's name: a custom scale may call a level
 * "Developing" or "Secure".  They compare the score as reports show it
 * (one decimal) with thresholds shown the same way, so a report's
 * explanation of the bands always agrees with the bands it gives. */
#include "config.h"

#include <stdlib.h>

#include "report.h"

/* Slack for comparing computed percentages with thresholds: a cornerstone
 * rated exactly at target must compare equal to the target percentage. */
#define EPS 1e-9

static size_t *alloc_list(size_t n)
{
	return malloc((n ? n : 1) * sizeof(size_t));
}

void oaip_result_free(oaip_result *r)
{
	if (!r)
		return;
	free(r->strengths);
	free(r->gaps);
	free(r->not_evaluated);
	free(r->not_applicable);
	free(r);
}

oaip_result *oaip_score_compute(const oaip_selfeval *se,
                                const oaip_score_options *opts)
{
	oaip_result *r = NULL;
	bool ok = false;
	if (!se || !se->fw)
		return NULL;
	const oaip_framework *fw = se->fw;
	int target =
	    opts && opts->target != -1 ? opts->target : fw->scale.target;
	unsigned phase = opts ? opts->phase : 0;
	if (!oaip_scale_level(&fw->scale, target))
		return NULL;

	r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->fw = fw;
	r->se = se;
	r->target = target;
	r->phase = phase;
	size_t n = fw->n_indicators;
	r->strengths = alloc_list(n);
	r->gaps = alloc_list(n);
	r->not_evaluated = alloc_list(n);
	r->not_applicable = alloc_list(n);
	if (!r->strengths || !r->gaps || !r->not_evaluated ||
	    !r->not_applicable)
		goto cleanup;

	double r_max = oaip_scale_max(&fw->scale);
	double sum[OAIP_N_CORNERSTONES] = {0},
	       sum_max[OAIP_N_CORNERSTONES] = {0};
	for (size_t i = 0; i < n; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		const oaip_entry *e = &se->entries[i];
		if ((unsigned)ind->cornerstone >= OAIP_N_CORNERSTONES ||
		    !oaip_indicator_applies(ind, phase))
			continue;
		oaip_cornerstone_score *cs = &r->cs[ind->cornerstone];
		cs->total++;
		switch (e->kind) {
		case OAIP_RATING_EMPTY:
			cs->empty++;
			r->not_evaluated[r->n_not_evaluated++] = i;
			break;
		case OAIP_RATING_NA:
			cs->na++;
			r->not_applicable[r->n_not_applicable++] = i;
			break;
		case OAIP_RATING_RATED:
			cs->rated++;
			sum[ind->cornerstone] += ind->weight * e->level;
			sum_max[ind->cornerstone] += ind->weight * r_max;
			if (e->level >= target) {
				cs->at_target++;
				r->strengths[r->n_strengths++] = i;
			} else {
				cs->gaps++;
			}
			break;
		}
	}

	/* Gaps: grouped by cornerstone, framework order within each. */
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		for (size_t i = 0; i < n; i++) {
			const oaip_indicator *ind = &fw->indicators[i];
			const oaip_entry *e = &se->entries[i];
			if ((int)ind->cornerstone == c &&
			    oaip_indicator_applies(ind, phase) &&
			    e->kind == OAIP_RATING_RATED && e->level < target)
				r->gaps[r->n_gaps++] = i;
		}

	double total = 0;
	int scored = 0;
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		oaip_cornerstone_score *cs = &r->cs[c];
		if (!cs->rated)
			continue;
		cs->has_score = true;
		cs->score =
		    sum_max[c] > 0 ? 100.0 * sum[c] / sum_max[c] : 100.0;
		total += cs->score;
		scored++;
	}
	if (scored) {
		r->has_overall = true;
		r->overall = total / scored;
	}
	ok = true;

cleanup:
	if (!ok) {
		oaip_result_free(r);
		r = NULL;
	}
	return r;
}

double oaip_score_round(double score)
{
	/* Scores lie in 0..100; anything else is returned as it is. */
	if (!(score >= 0 && score <= 1e6))
		return score;
	return (double)(long long)(score * 10.0 + 0.5 + EPS) / 10.0;
}

void oaip_band_rules_get(const oaip_scale *s, int target, oaip_band_rules *out)
{
	int r_max = s ? oaip_scale_max(s) : 0;
	int lowest = s && s->n_levels ? s->levels[0].value : target;
	double t = r_max > 0 ? 100.0 * target / r_max : 100.0;
	out->target = oaip_score_round(t);
	out->lowest =
	    oaip_score_round(r_max > 0 ? 100.0 * lowest / r_max : 100.0);
	out->above = oaip_score_round(t + (100.0 - t) / 2);
	out->well_below = oaip_score_round(t / 2);
	out->can_be_above = target < r_max;
	out->can_have_gaps = lowest < target;
	out->can_be_well_below =
	    out->can_have_gaps && out->lowest + EPS < out->well_below;
}

/* Is score, as a report shows it, at least threshold (already rounded)? */
static bool at_least(double score, double threshold)
{
	return oaip_score_round(score) + EPS >= threshold;
}

enum { ABOVE, AT, MOSTLY, BELOW, WELL_BELOW };
static const char *const bands[][2] = {
    {OAIP_BAND_ABOVE, OAIP_BAND_ABOVE OAIP_BAND_PARTLY},
    {OAIP_BAND_AT, OAIP_BAND_AT OAIP_BAND_PARTLY},
    {OAIP_BAND_MOSTLY, OAIP_BAND_MOSTLY OAIP_BAND_PARTLY},
    {OAIP_BAND_BELOW, OAIP_BAND_BELOW OAIP_BAND_PARTLY},
    {OAIP_BAND_WELL_BELOW, OAIP_BAND_WELL_BELOW OAIP_BAND_PARTLY},
};

const char *oaip_band(const oaip_cornerstone_score *cs, const oaip_scale *s,
                      int target)
{
	if (!cs)
		return OAIP_BAND_NOT_EVALUATED;
	if (!cs->rated || !cs->has_score) {
		if (cs->total == 0)
			return OAIP_BAND_NOT_IN_PHASE;
		if (cs->na == cs->total)
			return OAIP_BAND_NOT_APPLICABLE;
		return OAIP_BAND_NOT_EVALUATED;
	}
	/* A score over fewer than half of the indicators says little: no
	 * band that could make it look settled. */
	if (oaip_low_coverage(cs->rated, cs->total))
		return OAIP_BAND_TOO_FEW;

	oaip_band_rules rules;
	oaip_band_rules_get(s, target, &rules);
	size_t band;
	if (cs->gaps == 0)
		band = rules.can_be_above && at_least(cs->score, rules.above)
		           ? ABOVE
		           : AT;
	else if (rules.can_be_above && at_least(cs->score, rules.target) &&
	         cs->at_target > cs->gaps)
		band = MOSTLY;
	else if (at_least(cs->score, rules.well_below))
		band = BELOW;
	else
		band = WELL_BELOW;
	return bands[band][cs->empty > 0];
}
