/* survey_count.c - parent carers' answers counted as reports show them,
 * small numbers suppressed, and the indicators where the school's view
 * and parent carers' view part.  Pure: no I/O. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

/* A tally that is not shown holds nothing but zeros, so no renderer can
 * let a small number out. */
void oaip_survey_tally_fill(oaip_survey_tally *t,
                            const size_t counts[OAIP_N_ANSWERS], bool shown)
{
	memset(t, 0, sizeof *t);
	if (!shown)
		return;
	t->shown = true;
	size_t points = 0;
	for (int a = 0; a < OAIP_N_ANSWERS; a++) {
		t->counts[a] = counts[a];
		if (a != OAIP_ANSWER_DONT_KNOW) {
			t->answered += counts[a];
			points += (size_t)a * counts[a];
		}
	}
	t->agree =
	    counts[OAIP_ANSWER_AGREE] + counts[OAIP_ANSWER_STRONGLY_AGREE];
	if (t->answered) {
		t->agree_pct = 100.0 * (double)t->agree / (double)t->answered;
		t->score = 100.0 * (double)points / (3.0 * (double)t->answered);
	}
}

static size_t answered_of(const size_t counts[OAIP_N_ANSWERS])
{
	return counts[0] + counts[1] + counts[2] + counts[3];
}

oaip_survey_result *oaip_survey_count(const oaip_survey *sv, size_t min,
                                      const oaip_result *r)
{
	if (min == 0)
		min = OAIP_SURVEY_MIN_DEFAULT;
	if (min < OAIP_SURVEY_MIN_LEAST)
		return NULL;
	const oaip_framework *fw = sv->fw;
	oaip_survey_result *res = calloc(1, sizeof *res);
	if (!res)
		return NULL;
	res->sv = sv;
	res->min = min;
	res->shown = sv->respondents >= min;
	res->items =
	    calloc(fw->n_indicators ? fw->n_indicators : 1, sizeof *res->items);
	if (!res->items)
		goto oom;

	size_t pooled[OAIP_N_CORNERSTONES][OAIP_N_ANSWERS];
	size_t n_shown[OAIP_N_CORNERSTONES] = {0};
	memset(pooled, 0, sizeof pooled);
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		bool shown = res->shown && sv->asked[i] &&
		             oaip_indicator_applies(ind, sv->phase) &&
		             answered_of(sv->counts[i]) >= min;
		oaip_survey_tally_fill(&res->items[i], sv->counts[i], shown);
		if (!shown)
			continue;
		n_shown[ind->cornerstone]++;
		for (int a = 0; a < OAIP_N_ANSWERS; a++)
			pooled[ind->cornerstone][a] += sv->counts[i][a];
	}
	/* A cornerstone pools only its questions that are shown: pooling a
	 * hidden one would let its counts be worked out by subtraction. */
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		bool shown = res->shown && sv->cs_respondents[c] >= min &&
		             n_shown[c] > 0;
		oaip_survey_tally_fill(&res->cs[c], pooled[c], shown);
		if (shown)
			res->cs[c].respondents = sv->cs_respondents[c];
	}
	res->comments_shown = res->shown && sv->n_comments > 0;

	if (r && res->shown) {
		res->differ = calloc(fw->n_indicators ? fw->n_indicators : 1,
		                     sizeof *res->differ);
		if (!res->differ)
			goto oom;
		for (size_t i = 0; i < fw->n_indicators; i++) {
			const oaip_survey_tally *t = &res->items[i];
			const oaip_entry *e = &r->se->entries[i];
			if (!t->shown || !t->answered ||
			    e->kind != OAIP_RATING_RATED ||
			    !oaip_indicator_applies(&fw->indicators[i],
			                            r->phase))
				continue;
			bool at_target = e->level >= r->target;
			/* "Fewer than half agree" and "at least half agree",
			 * in whole numbers: no rounding at the boundary. */
			bool half = 2 * t->agree >= t->answered;
			if (at_target == half)
				continue;
			oaip_survey_differ *x = &res->differ[res->n_differ++];
			x->indicator = i;
			x->rating = e->level;
			x->direction = at_target ? OAIP_PARENTS_SEE_GAP
			                         : OAIP_PARENTS_SEE_STRENGTH;
		}
	}
	return res;
oom:
	oaip_survey_result_free(res);
	return NULL;
}

void oaip_survey_result_free(oaip_survey_result *res)
{
	if (!res)
		return;
	free(res->items);
	free(res->differ);
	free(res);
}
