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
 * level; a strength is one at or above it. */
#include "config.h"

#include <stdlib.h>

#include "private.h"

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

static const char *const bands[][2] = {
    {"Well established", "Well established (partly evaluated)"},
    {"Established", "Established (partly evaluated)"},
    {"Mostly established", "Mostly established (partly evaluated)"},
    {"Developing", "Developing (partly evaluated)"},
    {"Early stages", "Early stages (partly evaluated)"},
};

const char *oaip_band(const oaip_cornerstone_score *cs, const oaip_scale *s,
                      int target)
{
	if (!cs || !cs->rated || !cs->has_score)
		return "Not yet evaluated";
	int r_max = s ? oaip_scale_max(s) : 0;
	double t = r_max > 0 ? 100.0 * target / r_max : 100.0;
	double score = cs->score;
	int partly = cs->empty > 0;
	size_t band;
	if (cs->gaps == 0)
		band = score + EPS >= t + (100.0 - t) / 2 ? 0 : 1;
	else if (score + EPS >= t && cs->at_target > cs->gaps)
		band = 2;
	else if (score + EPS >= t / 2)
		band = 3;
	else
		band = 4;
	return bands[band][partly];
}
