/* report_area_survey.c - parent carers' views across the area (compare
 * --survey): each school's own score beside its parent carers', the
 * area's parent carers pooled by cornerstone and question, where they
 * and the schools differ, and which survey files were not used.  Every
 * sentence, figure and suppression shown is decided here, once
 * (area_survey.c does the counting); the renderers draw the generic
 * blocks (report.h). */
#include "config.h"

#include <jansson.h>
#include <stdint.h>
#include <string.h>

#include "report.h"

static const char *status_id(const oaip_asurvey_file *f)
{
	if (f->error)
		return "unreadable";
	switch (f->status) {
	case OAIP_ASURVEY_MATCHED:
		return f->res && f->res->shown ? "shown" : "too-few";
	case OAIP_ASURVEY_UNMATCHED:
		return "unmatched";
	case OAIP_ASURVEY_AMBIGUOUS:
		return "ambiguous";
	case OAIP_ASURVEY_SAME_SCHOOL:
		return "same-school";
	}
	return NULL;
}

/* Why a file is not used, in plain words; NULL when it is. */
static const char *not_used(oaip_arena *a, const oaip_area_survey *as,
                            const oaip_asurvey_file *f)
{
	if (f->error)
		return oaip_arena_printf(a, "could not be read: %s", f->error);
	switch (f->status) {
	case OAIP_ASURVEY_MATCHED:
		return NULL;
	case OAIP_ASURVEY_UNMATCHED:
		return "its name is no school\u2019s name, URN or return "
		       "file name";
	case OAIP_ASURVEY_AMBIGUOUS:
		return "its name is more than one school\u2019s: rename it "
		       "after the school\u2019s URN";
	case OAIP_ASURVEY_SAME_SCHOOL:
		return oaip_arena_printf(
		    a,
		    "another survey file is for the same school (%s): "
		    "neither is used until one is removed",
		    oaip_comparison_school(as->c, f->school)->school);
	}
	return NULL;
}

/* "66.7%" or "not scored" */
static void score_or(oaip_buf *b, bool has, double score, const char *none)
{
	if (has)
		oaip_percent_text(b, score);
	else
		oaip_buf_puts(b, none);
}

/* ---- JSON ------------------------------------------------------------------
 */

static json_t *tally_json(oaip_json *c, const oaip_survey_tally *t,
                          size_t schools)
{
	json_t *j = json_object();
	oaip_json_put(c, j, "schools", json_integer((json_int_t)schools));
	oaip_json_put(c, j, "answered",
	              t->shown ? json_integer((json_int_t)t->answered)
	                       : json_null());
	oaip_json_put(c, j, "counts", oaip_survey_counts_json(c, t));
	oaip_json_put(c, j, "agree_pct",
	              oaip_json_score(t->shown && t->answered, t->agree_pct));
	oaip_json_put(c, j, "score",
	              oaip_json_score(t->shown && t->answered, t->score));
	return j;
}

static json_t *survey_json(const oaip_area_survey *as, oaip_json *c)
{
	const oaip_comparison *cmp = as->c;
	const oaip_framework *fw = oaip_comparison_framework(cmp);
	json_t *o = json_object();
	oaip_json_put(c, o, "min_responses", json_integer((json_int_t)as->min));
	oaip_json_put(c, o, "surveys_shown",
	              json_integer((json_int_t)as->n_shown));
	oaip_json_put(c, o, "respondents",
	              json_integer((json_int_t)as->respondents));

	json_t *schools = json_array(), *none = json_array();
	for (size_t i = 0; i < oaip_comparison_count(cmp); i++) {
		const oaip_school *s = oaip_comparison_school(cmp, i);
		if (!s->counted)
			continue;
		size_t f = as->of_school[i];
		if (f == SIZE_MAX) {
			json_t *e = json_object();
			oaip_json_put(c, e, "school", oaip_json_str(s->school));
			oaip_json_put(c, e, "file", oaip_json_str(s->file));
			oaip_json_append(c, none, e);
			continue;
		}
		const oaip_asurvey_file *sf = &as->files[f];
		const oaip_survey_result *res = sf->res;
		bool shown = res && res->shown;
		json_t *e = json_object();
		oaip_json_put(c, e, "school", oaip_json_str(s->school));
		oaip_json_put(c, e, "file", oaip_json_str(s->file));
		oaip_json_put(c, e, "survey_file", oaip_json_str(sf->file));
		oaip_json_put(c, e, "matched_by",
		              json_string(oaip_match_id(sf->match)));
		oaip_json_put(c, e, "status", json_string(status_id(sf)));
		oaip_json_put(
		    c, e, "respondents",
		    shown ? json_integer((json_int_t)sf->sv->respondents)
		          : json_null());
		oaip_json_put(c, e, "overall",
		              oaip_json_score(s->has_overall, s->overall));
		oaip_json_put(
		    c, e, "parent_overall",
		    oaip_json_score(shown && sf->has_overall, sf->overall));
		json_t *css = json_array();
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			const oaip_survey_tally *t = shown ? &res->cs[k] : NULL;
			bool ts = t && t->shown;
			json_t *x = json_object();
			oaip_json_put(c, x, "id",
			              json_string(oaip_cornerstone_id(
			                  (oaip_cornerstone)k)));
			oaip_json_put(c, x, "score",
			              oaip_json_score(s->cs[k].has_score,
			                              s->cs[k].score));
			oaip_json_put(c, x, "parent_score",
			              oaip_json_score(ts && t->answered,
			                              ts ? t->score : 0));
			oaip_json_put(
			    c, x, "respondents",
			    ts ? json_integer((json_int_t)t->respondents)
			       : json_null());
			oaip_json_append(c, css, x);
		}
		oaip_json_put(c, e, "cornerstones", css);
		oaip_json_append(c, schools, e);
	}
	oaip_json_put(c, o, "schools", schools);
	oaip_json_put(c, o, "no_survey", none);

	json_t *area = json_object(), *css = json_array(), *inds = json_array();
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		json_t *x = tally_json(c, &as->cs[k], as->cs_schools[k]);
		oaip_json_put(
		    c, x, "id",
		    json_string(oaip_cornerstone_id((oaip_cornerstone)k)));
		oaip_json_put(
		    c, x, "respondents",
		    as->cs[k].shown
		        ? json_integer((json_int_t)as->cs[k].respondents)
		        : json_null());
		oaip_json_put(c, x, "schools_score",
		              oaip_json_score(as->cs_school_n[k] > 0,
		                              as->cs_school_mean[k]));
		oaip_json_append(c, css, x);
	}
	for (size_t i = 0; i < fw->n_indicators; i++) {
		if (!as->item_asked[i])
			continue;
		json_t *x = tally_json(c, &as->items[i], as->item_schools[i]);
		oaip_json_put(c, x, "indicator",
		              oaip_json_str(fw->indicators[i].id));
		oaip_json_put(c, x, "code",
		              oaip_json_str(fw->indicators[i].code));
		oaip_json_put(c, x, "schools_rated",
		              json_integer((json_int_t)as->item_rated[i]));
		oaip_json_put(c, x, "schools_at_target",
		              json_integer((json_int_t)as->item_at_target[i]));
		oaip_json_append(c, inds, x);
	}
	oaip_json_put(c, area, "cornerstones", css);
	oaip_json_put(c, area, "indicators", inds);
	oaip_json_put(c, o, "area", area);

	json_t *differ = json_array();
	for (size_t k = 0; k < as->n_differ; k++) {
		const oaip_area_differ *x = &as->differ[k];
		json_t *j = json_object();
		oaip_json_put(c, j, "indicator",
		              oaip_json_str(fw->indicators[x->indicator].id));
		oaip_json_put(c, j, "schools_at_target_pct",
		              oaip_json_score(true, x->schools_pct));
		oaip_json_put(
		    c, j, "agree_pct",
		    oaip_json_score(true, as->items[x->indicator].agree_pct));
		oaip_json_put(c, j, "direction",
		              json_string(oaip_differ_id(x->direction)));
		oaip_json_append(c, differ, j);
	}
	oaip_json_put(c, o, "differ", differ);

	json_t *files = json_array();
	for (size_t f = 0; f < as->n_files; f++) {
		const oaip_asurvey_file *sf = &as->files[f];
		if (sf->status == OAIP_ASURVEY_MATCHED && !sf->error)
			continue;
		json_t *j = json_object();
		oaip_json_put(c, j, "file", oaip_json_str(sf->file));
		oaip_json_put(c, j, "status", json_string(status_id(sf)));
		oaip_json_put(c, j, "error", oaip_json_str(sf->error));
		oaip_json_append(c, files, j);
	}
	oaip_json_put(c, o, "files_not_used", files);
	oaip_json_put(c, o, "asks_note", oaip_json_str(fw->ask_attribution));
	return o;
}

/* ---- the section -----------------------------------------------------------
 */

/* Each counted school's parent carers, in the model beside its own
 * scores (rep->schools is the comparison's counted schools in order). */
static void parents_of(oaip_compare_report *rep, const oaip_area_survey *as)
{
	oaip_arena *a = &rep->arena;
	size_t k = 0;
	for (size_t i = 0; i < oaip_comparison_count(as->c); i++) {
		const oaip_school *sc = oaip_comparison_school(as->c, i);
		if (!sc->counted)
			continue;
		if (k >= rep->n_schools || rep->schools[k].file != sc->file) {
			a->failed =
			    true; /* the model is not this comparison's */
			return;
		}
		oaip_rparents *p = oaip_arena_alloc(a, sizeof *p);
		if (!p)
			return;
		rep->schools[k++].parents = p;
		size_t f = as->of_school[i];
		const oaip_asurvey_file *sf =
		    f == SIZE_MAX ? NULL : &as->files[f];
		const oaip_survey_result *res = sf ? sf->res : NULL;
		p->shown = res && res->shown;
		bool twice = false;
		for (size_t g = 0; g < as->n_files && !sf; g++)
			twice |=
			    as->files[g].status == OAIP_ASURVEY_SAME_SCHOOL &&
			    as->files[g].school == i;
		if (twice) {
			p->answered = "More than one survey file";
			p->view = "Parent carers: more than one survey file, "
			          "none used";
		} else if (!sf) {
			p->answered = "No survey";
			p->view = "Parent carers: no survey";
		} else if (sf->error) {
			p->answered = "Could not be read";
			p->view = "Parent carers: the survey could not be read";
		} else if (!p->shown) {
			p->answered =
			    oaip_arena_printf(a, "Fewer than %zu", as->min);
			p->view = oaip_arena_printf(
			    a, "Parent carers: fewer than %zu answered",
			    as->min);
		} else {
			p->answered =
			    oaip_arena_printf(a, "%zu", sf->sv->respondents);
			p->view =
			    oaip_arena_printf(a, "Parent carers (%zu answered)",
			                      sf->sv->respondents);
		}
		if (!p->shown)
			continue;
		for (int m = 0; m < OAIP_N_CORNERSTONES; m++) {
			const oaip_survey_tally *t = &res->cs[m];
			p->has[m] = t->shown && t->answered;
			p->score[m] = oaip_score_round(t->score);
		}
		p->has[OAIP_OVERALL] = sf->has_overall;
		p->score[OAIP_OVERALL] = oaip_score_round(sf->overall);
	}
}

/* The table of returns (CSV, workbook) gains parent carers' columns
 * before the error. */
static void parent_columns(oaip_compare_report *rep)
{
	oaip_arena *a = &rep->arena;
	size_t n = rep->n_cols + 1 + OAIP_N_CORNERSTONES + 1;
	oaip_rcol *v = oaip_arena_alloc(a, n * sizeof *v);
	if (!v || !rep->n_cols)
		return;
	size_t k = 0;
	for (size_t i = 0; i + 1 < rep->n_cols; i++)
		v[k++] = rep->cols[i];
	v[k++] =
	    (oaip_rcol){"Parent carers who answered", OAIP_RCOL_PARENTS, 0};
	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		int m = w ? w - 1 : OAIP_OVERALL;
		v[k++] = (oaip_rcol){
		    oaip_arena_printf(
		        a, "Parent carers %s",
		        m == OAIP_OVERALL
		            ? "overall"
		            : oaip_cornerstone_title((oaip_cornerstone)m)),
		    OAIP_RCOL_PARENT_SCORE, m};
	}
	v[k++] = rep->cols[rep->n_cols - 1];
	rep->cols = v;
	rep->n_cols = k;
}

/* Two rows per school: its own scores, then its parent carers'. */
static void schools_table(oaip_compare_report *rep, oaip_rsection *s,
                          oaip_buf *b)
{
	oaip_arena *a = &rep->arena;
	static const oaip_rcolumn cols[] = {
	    {"school", "School", false},
	    {"view", "Whose view", false},
	    {"overall", "Overall", false},
	    {"welcome_and_care", "Welcome and Care", false},
	    {"value_and_include", "Value and Include", false},
	    {"communicate", "Communicate", false},
	    {"work_in_partnership", "Work in Partnership", false},
	};
	oaip_rtable *t = oaip_rsection_table(
	    a, s,
	    "Each school\u2019s own score, and its parent carers\u2019 "
	    "score",
	    cols, 7);
	for (size_t i = 0; i < rep->n_schools; i++) {
		const oaip_rschool *sc = &rep->schools[i];
		const oaip_rparents *p = sc->parents;
		if (!p)
			continue;
		const char *own[7], *parents[7];
		own[0] = parents[0] = sc->school;
		own[1] = "The school\u2019s own";
		parents[1] = p->view;
		for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
			int m = w ? w - 1 : OAIP_OVERALL;
			score_or(b, sc->m[m].has_score, sc->m[m].score,
			         "Not scored");
			own[2 + w] = oaip_arena_take(a, b);
			if (p->shown)
				score_or(b, p->has[m], p->score[m],
				         "Not shown");
			else
				oaip_buf_puts(b, "\u2013");
			parents[2 + w] = oaip_arena_take(a, b);
		}
		oaip_rtable_row(a, t, own);
		oaip_rtable_row(a, t, parents);
	}
}

static void area_tables(oaip_compare_report *rep, oaip_rsection *s,
                        const oaip_area_survey *as, oaip_buf *b)
{
	oaip_arena *a = &rep->arena;
	const oaip_framework *fw = oaip_comparison_framework(as->c);
	oaip_rsection_heading(a, s, "The area by cornerstone");
	static const oaip_rcolumn cs_cols[] = {
	    {"cornerstone", "Cornerstone", false},
	    {"schools_score", "Schools\u2019 mean score", false},
	    {"parent_score", "Parent carers\u2019 score", false},
	    {"parent_counts", "Parent carers who answered", false},
	};
	oaip_rtable *t = oaip_rsection_table(
	    a, s,
	    "The schools\u2019 own mean score and their parent carers\u2019 "
	    "pooled score, for each cornerstone",
	    cs_cols, 4);
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_survey_tally *p = &as->cs[k];
		const char *cells[4];
		cells[0] = oaip_cornerstone_title((oaip_cornerstone)k);
		b->len = 0;
		if (as->cs_school_n[k]) {
			oaip_percent_text(b, as->cs_school_mean[k]);
			oaip_buf_printf(b, " (%zu %s)", as->cs_school_n[k],
			                oaip_plural(as->cs_school_n[k],
			                            "school", "schools"));
		} else {
			oaip_buf_puts(b, "Not scored");
		}
		cells[1] = oaip_arena_take(a, b);
		if (p->shown && p->answered) {
			oaip_percent_text(b, p->score);
			cells[2] = oaip_arena_take(a, b);
			cells[3] = oaip_arena_printf(
			    a, "%zu %s at %zu %s; %zu of %zu answers agree",
			    p->respondents,
			    oaip_plural(p->respondents, "parent carer",
			                "parent carers"),
			    as->cs_schools[k],
			    oaip_plural(as->cs_schools[k], "school", "schools"),
			    p->agree, p->answered);
		} else {
			cells[2] = "Not shown";
			cells[3] = "No school\u2019s answers can be shown";
		}
		oaip_rtable_row(a, t, cells);
	}

	oaip_rsection_heading(a, s, "The area by question");
	static const oaip_rcolumn q_cols[] = {
	    {"code", "Code", false},
	    {"question", "Question", false},
	    {"schools_at_target", "Schools at or above the target", false},
	    {"agree", "Parent carers who agree", false},
	    {"answers", "All answers", false},
	};
	t = oaip_rsection_table(a, s,
	                        "Each question, in parent carers\u2019 "
	                        "words, across the area",
	                        q_cols, 5);
	oaip_survey_spread_bars(a, t, 4);
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		if (!as->item_asked[i])
			continue;
		const oaip_survey_tally *q = &as->items[i];
		const char *cells[5];
		cells[0] = ind->code;
		cells[1] = ind->ask;
		size_t rated = as->item_rated[i];
		if (!q->shown)
			cells[2] = "\u2013";
		else if (!rated)
			cells[2] = "None of these schools rated it";
		else
			cells[2] = oaip_arena_printf(
			    a, "%zu of the %zu %s that rated it",
			    as->item_at_target[i], rated,
			    oaip_plural(rated, "school", "schools"));
		if (q->shown && q->answered) {
			b->len = 0;
			oaip_survey_agree_text(b, q);
			oaip_buf_printf(b, " at %zu %s", as->item_schools[i],
			                oaip_plural(as->item_schools[i],
			                            "school", "schools"));
			cells[3] = oaip_arena_take(a, b);
			oaip_survey_spread_text(b, q);
			cells[4] = oaip_arena_take(a, b);
		} else if (q->shown) {
			cells[3] = "Every answer was Don\u2019t know";
			oaip_survey_spread_text(b, q);
			cells[4] = oaip_arena_take(a, b);
		} else {
			cells[3] = oaip_arena_printf(
			    a,
			    "Fewer than %zu answered at every school: not "
			    "shown",
			    as->min);
			cells[4] = "Not shown";
		}
		oaip_rtable_row(a, t, cells);
		if (q->shown)
			oaip_survey_spread_bar(a, t, q);
	}
}

static void differ_items(oaip_compare_report *rep, oaip_rsection *s,
                         const oaip_area_survey *as, oaip_buf *b)
{
	oaip_arena *a = &rep->arena;
	const oaip_framework *fw = oaip_comparison_framework(as->c);
	oaip_rsection_heading(a, s, "Where the area\u2019s views differ most");
	oaip_rsection_para(
	    a, s,
	    "An indicator at least half of the schools rate at or above the "
	    "target, but fewer than half of parent carers agree with; or one "
	    "fewer than half of the schools rate at or above the target, but "
	    "at least half of parent carers agree with.  The largest "
	    "difference first.");
	if (!as->n_differ)
		oaip_rsection_para(a, s,
		                   "None: on every question with answers "
		                   "shown, the schools\u2019 ratings and "
		                   "parent carers\u2019 answers point the "
		                   "same way.");
	for (size_t k = 0; k < as->n_differ; k++) {
		const oaip_area_differ *x = &as->differ[k];
		const oaip_indicator *ind = &fw->indicators[x->indicator];
		size_t rated = as->item_rated[x->indicator];
		b->len = 0;
		oaip_buf_printf(b, "%s (%s) %s", ind->code, ind->id, ind->text);
		if (ind->ask)
			oaip_buf_printf(b,
			                " Parent carers were asked: "
			                "\u201c%s\u201d",
			                ind->ask);
		oaip_buf_printf(b, " %zu of the %zu %s that rated it (",
		                as->item_at_target[x->indicator], rated,
		                oaip_plural(rated, "school", "schools"));
		oaip_percent_text(b, x->schools_pct);
		oaip_buf_puts(b, ") rate it at or above the target, but ");
		oaip_survey_agree_text(b, &as->items[x->indicator]);
		oaip_buf_putc(b, '.');
		oaip_rsection_item(a, s,
		                   x->direction == OAIP_PARENTS_SEE_GAP
		                       ? "Parent carers see a gap the schools "
		                         "do not"
		                       : "Parent carers see a strength",
		                   oaip_arena_take(a, b));
	}
}

static void files_lists(oaip_compare_report *rep, oaip_rsection *s,
                        const oaip_area_survey *as)
{
	oaip_arena *a = &rep->arena;
	oaip_rsection_heading(a, s, "Schools with no survey");
	size_t n = 0;
	for (size_t i = 0; i < oaip_comparison_count(as->c); i++) {
		const oaip_school *sc = oaip_comparison_school(as->c, i);
		if (!sc->counted || as->of_school[i] != SIZE_MAX)
			continue;
		oaip_rsection_item(
		    a, s, NULL,
		    oaip_arena_printf(a, "%s (%s)", sc->school, sc->file));
		n++;
	}
	if (!n)
		oaip_rsection_para(a, s, "None.");
	oaip_rsection_heading(a, s, "Survey files not used");
	n = 0;
	for (size_t f = 0; f < as->n_files; f++) {
		const char *why = not_used(a, as, &as->files[f]);
		if (!why)
			continue;
		oaip_rsection_item(a, s, as->files[f].file, why);
		n++;
	}
	if (!n)
		oaip_rsection_para(a, s, "None: every survey file was used.");
}

bool oaip_compare_report_add_survey(oaip_compare_report *rep,
                                    const oaip_area_survey *as)
{
	oaip_arena *a = &rep->arena;
	const oaip_framework *fw = oaip_comparison_framework(as->c);
	size_t min = as->min;
	oaip_rsection *s =
	    oaip_rsection_add(&rep->sections, a, OAIP_AFTER_GAPS, "survey",
	                      "Parent carers across the area");
	if (!s)
		return false;
	oaip_buf b;
	oaip_buf_init(&b);

	size_t counted = 0, with = 0;
	for (size_t i = 0; i < oaip_comparison_count(as->c); i++) {
		counted += oaip_comparison_school(as->c, i)->counted;
		with += as->of_school[i] != SIZE_MAX;
	}
	if (!as->n_shown)
		oaip_rsection_caution(
		    a, s,
		    oaip_arena_printf(
		        a,
		        "No school\u2019s survey can be shown: each needs at "
		        "least %zu parent carers who answered, so that no "
		        "answer can be traced back to the person who gave it.",
		        min));
	/* "5 of the 6 schools counted have a parent carers' survey: 3 are
	 * shown, with 33 parent carers who answered; 1 has fewer than 10,
	 * so it is not shown; 1 could not be read." */
	oaip_buf_printf(&b,
	                "%zu of the %zu %s counted %s a parent carers\u2019 "
	                "survey",
	                with, counted,
	                oaip_plural(counted, "school", "schools"),
	                oaip_plural(with, "has", "have"));
	if (with)
		oaip_buf_printf(
		    &b, ": %zu %s shown, with %zu %s who answered", as->n_shown,
		    oaip_plural(as->n_shown, "is", "are"), as->respondents,
		    oaip_plural(as->respondents, "parent carer",
		                "parent carers"));
	if (as->n_too_few)
		oaip_buf_printf(
		    &b, "; %zu %s fewer than %zu, so %s not shown",
		    as->n_too_few, oaip_plural(as->n_too_few, "has", "have"),
		    min, oaip_plural(as->n_too_few, "it is", "they are"));
	size_t bad = oaip_area_survey_unreadable(as);
	if (bad)
		oaip_buf_printf(&b, "; %zu could not be read", bad);
	oaip_buf_putc(&b, '.');
	oaip_rsection_para(a, s, "%s", b.data ? b.data : "");
	b.len = 0;
	oaip_rsection_para(
	    a, s,
	    "%s; their overall score is the average of the "
	    "cornerstone scores shown, as a school\u2019s own is. A "
	    "school\u2019s survey with fewer than %zu parent carers who "
	    "answered, a question fewer than %zu answered and a cornerstone "
	    "fewer than %zu answered are not shown, and are left out of the "
	    "area\u2019s figures too: the area pools only what each "
	    "school\u2019s own report would show, so nothing hidden can be "
	    "worked out by subtraction. The schools\u2019 own figures beside "
	    "the area\u2019s are over the same schools.",
	    oaip_survey_counting, min, min, min);
	oaip_rsection_para(
	    a, s,
	    "Each survey file is matched to the school whose URN, name or "
	    "return file name it is named after, ignoring case, spaces, "
	    "punctuation, the extension and the words survey, responses, "
	    "parent and carers at either end (\u201cOak Primary - parent "
	    "carers survey.xlsx\u201d is for Oak Primary).");
	if (fw->ask_attribution)
		oaip_rsection_para(a, s, "%s", fw->ask_attribution);

	parents_of(rep, as);
	parent_columns(rep);
	oaip_rsection_heading(a, s, "Each school");
	schools_table(rep, s, &b);
	if (as->n_shown) {
		area_tables(rep, s, as, &b);
		differ_items(rep, s, as, &b);
	}
	files_lists(rep, s, as);
	if (b.failed)
		a->failed = true;
	oaip_buf_free(&b);

	oaip_json c = {.ok = true};
	json_t *j = survey_json(as, &c);
	if (!c.ok || !j) {
		json_decref(j);
		a->failed = true;
		return false;
	}
	s->json = j;
	return !a->failed;
}
