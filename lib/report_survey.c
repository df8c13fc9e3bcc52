/* report_survey.c - parent carers' views in a report: the "Two views"
 * section of a score report (the school's view beside parent carers'),
 * or parent carers' views alone (oaip-eval survey summary).  Every
 * sentence, count and suppression decision is made here, once; the
 * renderers draw the generic blocks (report.h). */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

const char oaip_survey_counting[] =
    "How the answers are counted: \u201cagree\u201d means Strongly agree "
    "or Agree, out of the parent carers who answered the question "
    "(Don\u2019t know is not counted as an answer). A parent carers\u2019 "
    "score gives Strongly agree 3 points, Agree 2, Disagree 1 and Strongly "
    "disagree 0, as a share of 3 points for every answer";

void oaip_survey_agree_text(oaip_buf *b, const oaip_survey_tally *t)
{
	oaip_buf_printf(
	    b, "%zu of %zu %s who answered %s (", t->agree, t->answered,
	    oaip_plural(t->answered, "parent carer", "parent carers"),
	    t->agree == 1 ? "agrees" : "agree");
	oaip_percent_text(b, t->agree_pct);
	oaip_buf_putc(b, ')');
}

/* The order a spread of answers is told in, as text and as a bar: the
 * most favourable first, Don't know last. */
static const oaip_answer spread_order[] = {
    OAIP_ANSWER_STRONGLY_AGREE, OAIP_ANSWER_AGREE, OAIP_ANSWER_DISAGREE,
    OAIP_ANSWER_STRONGLY_DISAGREE, OAIP_ANSWER_DONT_KNOW};
#define N_SPREAD (sizeof spread_order / sizeof spread_order[0])

void oaip_survey_spread_text(oaip_buf *b, const oaip_survey_tally *t)
{
	for (size_t i = 0; i < N_SPREAD; i++)
		oaip_buf_printf(b, "%s%s %zu", i ? ", " : "",
		                oaip_answer_label(spread_order[i]),
		                t->counts[spread_order[i]]);
}

void oaip_survey_spread_bars(oaip_arena *a, oaip_rtable *t, size_t col)
{
	const char *keys[N_SPREAD];
	for (size_t i = 0; i < N_SPREAD; i++)
		keys[i] = oaip_answer_label(spread_order[i]);
	oaip_rtable_bars(a, t, col, keys, N_SPREAD);
}

void oaip_survey_spread_bar(oaip_arena *a, oaip_rtable *t,
                            const oaip_survey_tally *q)
{
	size_t counts[N_SPREAD];
	for (size_t i = 0; i < N_SPREAD; i++)
		counts[i] = q->counts[spread_order[i]];
	oaip_rtable_row_bar(a, t, counts);
}

static void fewer_text(oaip_buf *b, size_t min, const char *who)
{
	oaip_buf_printf(b, "Fewer than %zu %s: not shown", min, who);
}

/* The school's rating of indicator i, as reports show it. */
static void rating_text(oaip_buf *b, const oaip_result *r, size_t i)
{
	const oaip_entry *e = &r->se->entries[i];
	if (e->kind == OAIP_RATING_RATED)
		oaip_level_text(b, &r->fw->scale, e->level);
	else if (e->kind == OAIP_RATING_NA)
		oaip_buf_puts(b, "Not applicable");
	else
		oaip_buf_puts(b, "Not yet evaluated");
}

static bool applies(const oaip_survey_result *res, const oaip_result *r,
                    size_t i)
{
	const oaip_indicator *ind = &res->sv->fw->indicators[i];
	return oaip_indicator_applies(ind, res->sv->phase) &&
	       (!r || oaip_indicator_applies(ind, r->phase));
}

const char *oaip_differ_id(oaip_differ_direction d)
{
	return d == OAIP_PARENTS_SEE_GAP ? "parents-see-gap"
	                                 : "parents-see-strength";
}

struct json_t *oaip_survey_counts_json(oaip_json *c, const oaip_survey_tally *t)
{
	if (!t->shown)
		return json_null();
	json_t *counts = json_object();
	static const oaip_answer order[] = {
	    OAIP_ANSWER_STRONGLY_AGREE, OAIP_ANSWER_AGREE, OAIP_ANSWER_DISAGREE,
	    OAIP_ANSWER_STRONGLY_DISAGREE, OAIP_ANSWER_DONT_KNOW};
	for (size_t k = 0; k < 5; k++)
		oaip_json_put(c, counts, oaip_answer_key(order[k]),
		              json_integer((json_int_t)t->counts[order[k]]));
	return counts;
}

static json_t *tally_json(oaip_json *c, const oaip_survey_tally *t)
{
	(void)c;
	return t->shown ? json_integer((json_int_t)t->answered) : json_null();
}

/* The SPEC's "survey" object. */
static json_t *survey_json(const oaip_survey_result *res, const oaip_result *r,
                           oaip_json *c)
{
	const oaip_survey *sv = res->sv;
	const oaip_framework *fw = sv->fw;
	json_t *o = json_object();
	oaip_json_put(c, o, "file", oaip_json_str(sv->file));
	oaip_json_put(c, o, "shown", json_boolean(res->shown));
	oaip_json_put(c, o, "respondents",
	              res->shown ? json_integer((json_int_t)sv->respondents)
	                         : json_null());
	oaip_json_put(c, o, "min_responses",
	              json_integer((json_int_t)res->min));
	json_t *inds = json_array();
	for (size_t i = 0; i < fw->n_indicators; i++) {
		if (!sv->asked[i] || !applies(res, r, i))
			continue;
		const oaip_survey_tally *t = &res->items[i];
		json_t *j = json_object();
		oaip_json_put(c, j, "indicator",
		              oaip_json_str(fw->indicators[i].id));
		oaip_json_put(c, j, "code",
		              oaip_json_str(fw->indicators[i].code));
		oaip_json_put(c, j, "answered", tally_json(c, t));
		oaip_json_put(c, j, "counts", oaip_survey_counts_json(c, t));
		oaip_json_put(
		    c, j, "agree_pct",
		    oaip_json_score(t->shown && t->answered, t->agree_pct));
		oaip_json_put(
		    c, j, "score",
		    oaip_json_score(t->shown && t->answered, t->score));
		oaip_json_append(c, inds, j);
	}
	oaip_json_put(c, o, "indicators", inds);
	json_t *css = json_array();
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_survey_tally *t = &res->cs[k];
		json_t *j = json_object();
		oaip_json_put(
		    c, j, "id",
		    oaip_json_str(oaip_cornerstone_id((oaip_cornerstone)k)));
		oaip_json_put(c, j, "respondents",
		              t->shown
		                  ? json_integer((json_int_t)t->respondents)
		                  : json_null());
		oaip_json_put(
		    c, j, "score",
		    oaip_json_score(t->shown && t->answered, t->score));
		oaip_json_append(c, css, j);
	}
	oaip_json_put(c, o, "cornerstones", css);
	if (r) {
		json_t *differ = json_array();
		for (size_t k = 0; k < res->n_differ; k++) {
			const oaip_survey_differ *x = &res->differ[k];
			json_t *j = json_object();
			oaip_json_put(
			    c, j, "indicator",
			    oaip_json_str(fw->indicators[x->indicator].id));
			oaip_json_put(c, j, "rating", json_integer(x->rating));
			oaip_json_put(
			    c, j, "agree_pct",
			    oaip_json_score(
			        true, res->items[x->indicator].agree_pct));
			oaip_json_put(
			    c, j, "direction",
			    oaip_json_str(oaip_differ_id(x->direction)));
			oaip_json_append(c, differ, j);
		}
		oaip_json_put(c, o, "differ", differ);
	}
	json_t *comments = json_array();
	if (res->comments_shown)
		for (size_t k = 0; k < sv->n_comments; k++)
			oaip_json_append(c, comments,
			                 oaip_json_str(sv->comments[k]));
	oaip_json_put(c, o, "comments", comments);
	oaip_json_put(c, o, "asks_note", oaip_json_str(fw->ask_attribution));
	return o;
}

bool oaip_report_add_survey(oaip_rsections *list, oaip_arena *a,
                            oaip_rplace place, const oaip_survey_result *res,
                            const oaip_result *r)
{
	const oaip_survey *sv = res->sv;
	const oaip_framework *fw = sv->fw;
	size_t min = res->min;
	oaip_rsection *s =
	    oaip_rsection_add(list, a, place, "survey",
	                      r ? "Two views" : "Parent carers\u2019 views");
	if (!s)
		return false;
	oaip_buf b;
	oaip_buf_init(&b);

	/* Who answered, and the small-number rule. */
	if (!res->shown) {
		oaip_buf_printf(
		    &b,
		    "Fewer than %zu parent carers answered the "
		    "survey, so none of their answers are shown: "
		    "with so few, an answer could be traced back to "
		    "the person who gave it.",
		    min);
		oaip_rsection_caution(a, s, b.data);
		oaip_buf_free(&b);
	} else {
		oaip_rsection_para(
		    a, s, "%zu %s answered the survey.%s", sv->respondents,
		    oaip_plural(sv->respondents, "parent carer",
		                "parent carers"),
		    r ? " Their answers are set beside the school\u2019s "
		        "own view: where the two part is where to listen."
		      : "");
	}
	oaip_rsection_para(
	    a, s,
	    "%s. Nothing is shown for a question fewer than "
	    "%zu parent carers answered, or for a cornerstone or a survey "
	    "fewer than %zu answered; a cornerstone\u2019s score pools only "
	    "its questions that are shown.",
	    oaip_survey_counting, min, min);
	if (fw->ask_attribution)
		oaip_rsection_para(a, s, "%s", fw->ask_attribution);

	/* By cornerstone. */
	oaip_rsection_heading(a, s, "By cornerstone");
	static const oaip_rcolumn cs_cols_two[] = {
	    {"cornerstone", "Cornerstone", false},
	    {"school_score", "School\u2019s score", false},
	    {"school_counts", "School\u2019s ratings", false},
	    {"parent_score", "Parent carers\u2019 score", false},
	    {"parent_counts", "Parent carers who answered", false},
	};
	const oaip_rcolumn summary_cols[3] = {cs_cols_two[0], cs_cols_two[3],
	                                      cs_cols_two[4]};
	const oaip_rcolumn *cols = r ? cs_cols_two : summary_cols;
	size_t n_cols = r ? 5 : 3;
	oaip_rtable *t = oaip_rsection_table(
	    a, s,
	    r ? "The school\u2019s score and parent carers\u2019 score for "
	        "each cornerstone"
	      : "Parent carers\u2019 score for each cornerstone",
	    cols, n_cols);
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_survey_tally *p = &res->cs[c];
		oaip_buf cells[5];
		for (int k = 0; k < 5; k++)
			oaip_buf_init(&cells[k]);
		size_t k = 0;
		oaip_buf_puts(&cells[k++],
		              oaip_cornerstone_title((oaip_cornerstone)c));
		if (r) {
			const oaip_cornerstone_score *cs = &r->cs[c];
			if (cs->has_score)
				oaip_percent_text(&cells[k], cs->score);
			else
				oaip_buf_puts(&cells[k], "Not scored");
			k++;
			oaip_buf_printf(
			    &cells[k++],
			    "%zu of %zu %s rated, %zu at or above "
			    "target",
			    cs->rated, cs->total,
			    oaip_plural(cs->total, "indicator", "indicators"),
			    cs->at_target);
		}
		if (p->shown) {
			oaip_percent_text(&cells[k++], p->score);
			oaip_buf_printf(
			    &cells[k++], "%zu %s; %zu of %zu answers agree",
			    p->respondents,
			    oaip_plural(p->respondents, "parent carer",
			                "parent carers"),
			    p->agree, p->answered);
		} else {
			oaip_buf_puts(&cells[k++], "Not shown");
			oaip_buf_printf(&cells[k++],
			                "Fewer than %zu answered its questions",
			                min);
		}
		const char *row[5];
		for (size_t j = 0; j < k; j++)
			row[j] = cells[j].data ? cells[j].data : "";
		oaip_rtable_row(a, t, row);
		for (int j = 0; j < 5; j++)
			oaip_buf_free(&cells[j]);
	}

	/* By question. */
	oaip_rsection_heading(a, s, "By question");
	static const oaip_rcolumn q_cols[] = {
	    {"code", "Code", false},
	    {"question", "Question", false},
	    {"school_rating", "School\u2019s rating", false},
	    {"agree", "Parent carers who agree", false},
	    {"answers", "All answers", false},
	};
	const oaip_rcolumn q_summary[4] = {q_cols[0], q_cols[1], q_cols[3],
	                                   q_cols[4]};
	t = oaip_rsection_table(a, s,
	                        "Each question, in parent carers\u2019 "
	                        "words",
	                        r ? q_cols : q_summary, r ? 5 : 4);
	oaip_survey_spread_bars(a, t, r ? 4 : 3);
	oaip_buf missing;
	oaip_buf_init(&missing);
	size_t n_missing = 0;
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		if (!applies(res, r, i))
			continue;
		if (!sv->asked[i]) {
			if (ind->ask)
				oaip_buf_printf(&missing, "%s%s",
				                n_missing++ ? ", " : "",
				                ind->code);
			continue;
		}
		const oaip_survey_tally *q = &res->items[i];
		oaip_buf cells[5];
		for (int k = 0; k < 5; k++)
			oaip_buf_init(&cells[k]);
		size_t k = 0;
		oaip_buf_puts(&cells[k++], ind->code);
		oaip_buf_puts(&cells[k++], ind->ask ? ind->ask : ind->text);
		if (r)
			rating_text(&cells[k++], r, i);
		if (q->shown && q->answered) {
			oaip_survey_agree_text(&cells[k++], q);
			oaip_survey_spread_text(&cells[k++], q);
		} else if (q->shown) {
			oaip_buf_puts(&cells[k++],
			              "Every answer was Don\u2019t know");
			oaip_survey_spread_text(&cells[k++], q);
		} else {
			fewer_text(&cells[k++], min, "answered");
			oaip_buf_puts(&cells[k++], "Not shown");
		}
		const char *row[5];
		for (size_t j = 0; j < k; j++)
			row[j] = cells[j].data ? cells[j].data : "";
		oaip_rtable_row(a, t, row);
		if (q->shown)
			oaip_survey_spread_bar(a, t, q);
		for (int j = 0; j < 5; j++)
			oaip_buf_free(&cells[j]);
	}
	if (n_missing)
		oaip_rsection_para(a, s,
		                   "Not in the responses (no column for %s): "
		                   "%s.",
		                   n_missing == 1 ? "this question"
		                                  : "these questions",
		                   missing.data ? missing.data : "");
	oaip_buf_free(&missing);

	/* Where the views differ. */
	if (r && res->shown) {
		oaip_rsection_heading(a, s, "Where the views differ");
		if (!res->n_differ)
			oaip_rsection_para(
			    a, s,
			    "On every question with enough answers, the "
			    "school\u2019s rating and parent carers\u2019 "
			    "answers point the same way.");
		for (size_t k = 0; k < res->n_differ; k++) {
			const oaip_survey_differ *x = &res->differ[k];
			const oaip_indicator *ind =
			    &fw->indicators[x->indicator];
			oaip_buf_init(&b);
			oaip_buf_printf(&b, "%s (%s) ", ind->code, ind->id);
			oaip_buf_puts(&b, ind->text);
			oaip_buf_puts(&b, " The school rates it ");
			oaip_level_text(&b, &fw->scale, x->rating);
			oaip_buf_puts(&b, x->direction == OAIP_PARENTS_SEE_GAP
			                      ? ", at or above the target, but "
			                      : ", below the target, but ");
			oaip_survey_agree_text(&b, &res->items[x->indicator]);
			oaip_buf_puts(&b, ".");
			oaip_rsection_item(a, s,
			                   x->direction == OAIP_PARENTS_SEE_GAP
			                       ? "Parent carers see a gap the "
			                         "school does not"
			                       : "Parent carers see a strength",
			                   b.data ? b.data : "");
			oaip_buf_free(&b);
		}
	}

	/* Comments. */
	if (res->comments_shown) {
		oaip_rsection_heading(a, s, "Parent carers\u2019 comments");
		oaip_rsection_caution(
		    a, s,
		    "Before sharing this report, check these comments for "
		    "names or details that could identify a parent carer, a "
		    "child or a member of staff.");
		for (size_t k = 0; k < sv->n_comments; k++)
			oaip_rsection_quote(a, s, sv->comments[k],
			                    "A parent carer");
	} else if (sv->has_comments_column && sv->n_comments) {
		oaip_rsection_para(a, s,
		                   "Comments are not shown: fewer than %zu "
		                   "parent carers answered.",
		                   min);
	}

	oaip_json c = {.ok = true};
	json_t *j = survey_json(res, r, &c);
	if (!c.ok || !j) {
		json_decref(j);
		a->failed = true;
		return false;
	}
	s->json = j;
	return !a->failed;
}

/* ------------------------------------------------------------------ */
/* The parent view alone: oaip-eval survey summary                    */

oaip_survey_report *oaip_survey_report_build(const oaip_survey_result *res,
                                             const oaip_render_options *o)
{
	oaip_survey_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		return NULL;
	oaip_arena_init(&rep->arena);
	oaip_arena *a = &rep->arena;
	const oaip_framework *fw = res->sv->fw;
	rep->title = "Parent carers\u2019 views";
	rep->page_title = oaip_arena_printf(
	    a, "Partnership with parent carers: parent carers\u2019 views (%s)",
	    oaip_report_file_name(res->sv->file));
	rep->file = oaip_arena_strdup(a, res->sv->file);
	rep->file_name =
	    oaip_arena_strdup(a, oaip_report_file_name(res->sv->file));
	rep->date = o && o->date ? oaip_arena_strdup(a, o->date) : NULL;
	rep->framework_id = oaip_arena_strdup(a, fw->id);
	rep->framework_title = oaip_arena_strdup(a, fw->title);
	rep->framework_publisher = oaip_arena_strdup(a, fw->publisher);
	rep->attribution = oaip_arena_strdup(a, fw->attribution);
	rep->intro = oaip_arena_printf(
	    a,
	    "What parent carers said in the survey, question by question "
	    "and cornerstone by cornerstone, against %s (%s).",
	    fw->title, fw->publisher);
	char *credit = oaip_report_credit(o);
	rep->credit = oaip_arena_strdup(a, credit);
	free(credit);
	if (!oaip_report_add_survey(&rep->sections, a, OAIP_AFTER_HEADER, res,
	                            NULL) ||
	    a->failed) {
		oaip_survey_report_free(rep);
		return NULL;
	}
	return rep;
}

void oaip_survey_report_free(oaip_survey_report *rep)
{
	if (!rep)
		return;
	oaip_rsections_free(&rep->sections);
	oaip_arena_free(&rep->arena);
	free(rep);
}
