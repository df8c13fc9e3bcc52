/* fuzz_survey.c - libFuzzer target: parent carers' responses (CSV or a
 * workbook, told apart by their content) through the survey reader, the
 * counting with small numbers suppressed, and the survey summary and Two
 * views in every format.  For any bytes: a survey or errors, counts that
 * add up, nothing shown under the minimum, no live markup in HTML; and
 * the same bytes read as a return give a return or errors (a survey's
 * heading is recognised there), never a crash, hang or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A return rating every indicator, so that Two views has a school's
 * view to set beside parent carers' (kept for the process). */
static const oaip_result *fuzz_result(const oaip_framework *fw)
{
	static oaip_result *r;
	if (!r) {
		oaip_buf csv;
		oaip_buf_init(&csv);
		oaip_buf_puts(&csv, "indicator,rating\n");
		for (size_t i = 0; i < fw->n_indicators; i++)
			oaip_buf_printf(&csv, "%s,%zu\n", fw->indicators[i].id,
			                i % 4);
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_selfeval *se = oaip_selfeval_read_memory(
		    fw, csv.data, csv.len, "school.csv", &d);
		oaip_diags_free(&d);
		oaip_buf_free(&csv);
		if (!se)
			abort();
		oaip_score_options opts = {.target = -1, .phase = 0};
		r = oaip_score_compute(se, &opts);
		if (!r)
			abort();
		/* se stays alive with r, for the life of the process */
	}
	return r;
}

static void check_html(const oaip_buf *b)
{
	if (b->data &&
	    (strstr(b->data, "<script") || strstr(b->data, "<SCRIPT")))
		abort();
}

/* What counting promises: every count is one answer of a row, and nothing
 * is shown under the minimum. */
static void check_counts(const oaip_survey *sv, const oaip_survey_result *res)
{
	const oaip_framework *fw = sv->fw;
	if (sv->respondents > sv->rows || sv->n_asked > fw->n_indicators)
		abort();
	for (size_t i = 0; i < fw->n_indicators; i++) {
		size_t all = 0;
		for (int a = 0; a < OAIP_N_ANSWERS; a++)
			all += sv->counts[i][a];
		if (all > sv->respondents || (all && !sv->asked[i]))
			abort();
		const oaip_survey_tally *t = &res->items[i];
		if (t->shown && (!res->shown || t->answered < res->min))
			abort();
		/* a count not shown is not there to be shown */
		for (int a = 0; !t->shown && a < OAIP_N_ANSWERS; a++)
			if (t->counts[a])
				abort();
		if (t->agree > t->answered ||
		    (t->answered && (t->agree_pct < 0 || t->agree_pct > 100 ||
		                     t->score < 0 || t->score > 100)))
			abort();
	}
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		if (res->cs[c].shown && res->cs[c].respondents < res->min)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const oaip_framework *fw = fuzz_framework();
	oaip_diags d;
	oaip_diags_init(&d);
	/* Half the inputs keep a comments column, as --comments does. */
	oaip_survey_options o = {
	    .comments_column =
	        size % 2 ? "Anything else you would like to tell us?" : NULL};
	oaip_survey *sv = oaip_survey_read_memory(fw, (const char *)data, size,
	                                          "fuzz.csv", &o, &d);
	if (!sv && oaip_diags_count(&d, OAIP_ERROR) == 0)
		abort();
	if (sv) {
		const oaip_result *r = fuzz_result(fw);
		oaip_render_options ro = {.date = "2026-01-01",
		                          .program_version = "fuzz"};
		const oaip_format formats[] = {
		    OAIP_FORMAT_MARKDOWN, OAIP_FORMAT_HTML, OAIP_FORMAT_JSON};
		for (int with_school = 0; with_school < 2; with_school++) {
			oaip_survey_result *res = oaip_survey_count(
			    sv, OAIP_SURVEY_MIN_LEAST, with_school ? r : NULL);
			if (!res)
				abort();
			check_counts(sv, res);
			for (size_t i = 0; i < 3; i++) {
				oaip_buf b;
				oaip_buf_init(&b);
				if (with_school) {
					ro.survey = res;
					oaip_render_score(r, formats[i], &ro,
					                  &b);
					ro.survey = NULL;
				} else {
					oaip_render_survey(res, formats[i], &ro,
					                   &b);
				}
				if (b.failed)
					abort();
				if (formats[i] == OAIP_FORMAT_HTML)
					check_html(&b);
				oaip_buf_free(&b);
			}
			oaip_survey_result_free(res);
		}
	}
	oaip_survey_free(sv);
	oaip_diags_free(&d);

	/* The same bytes given as a return. */
	oaip_diags_init(&d);
	oaip_selfeval *se = oaip_selfeval_read_memory(fw, (const char *)data,
	                                              size, "fuzz.csv", &d);
	if (!se && oaip_diags_count(&d, OAIP_ERROR) == 0)
		abort();
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	return 0;
}
