/* report_progress.c - the "Since last time" section of a score report:
 * what changed since the last self-evaluation (progress.c), put into
 * words and tables once, for every format (report.h: "How to add a
 * section").
 *
 * JSON: the section is "previous", exactly as the contract has it
 * (file, overall, cornerstones with id, score and change, moved with
 * indicator, from and to), with the other lists beside them. */
#include "config.h"

#include <jansson.h>
#include <string.h>

#include "report.h"

static const char *pct(oaip_arena *a, bool has, double score)
{
	if (!has)
		return "no score";
	return oaip_arena_printf(a, "%.1f%%", oaip_score_round(score));
}

static const char *level(oaip_arena *a, const oaip_framework *fw, int value)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_level_text(&b, &fw->scale, value);
	const char *t = oaip_arena_take(a, &b);
	oaip_buf_free(&b);
	return t;
}

/* What an entry was or is, in words: "Emerging (1)", "not applicable",
 * "left blank". */
static const char *entry_text(oaip_arena *a, const oaip_framework *fw,
                              const oaip_entry *e)
{
	if (!e)
		return "not in the last self-evaluation";
	switch (e->kind) {
	case OAIP_RATING_RATED:
		return level(a, fw, e->level);
	case OAIP_RATING_NA:
		return "not applicable";
	case OAIP_RATING_EMPTY:
		break;
	}
	return "not rated";
}

static bool same_version(const oaip_framework *a, const oaip_framework *b)
{
	if (!a->version || !b->version)
		return a->version == b->version;
	return strcmp(a->version, b->version) == 0;
}

static const char *count(oaip_arena *a, size_t n, const char *one,
                         const char *many)
{
	return oaip_arena_printf(a, "%zu %s", n, oaip_plural(n, one, many));
}

/* One list of indicators: a sub-heading, then an item per indicator
 * with its statement and what it was then and is now. */
static void list(oaip_arena *a, oaip_rsection *s, const oaip_progress *p,
                 const char *heading, const size_t *v, size_t n)
{
	if (!n)
		return;
	const oaip_framework *fw = p->now->fw, *tfw = p->then->fw;
	oaip_rsection_heading(a, s, heading);
	for (size_t k = 0; k < n; k++) {
		size_t i = v[k];
		const oaip_indicator *ind = &fw->indicators[i];
		const oaip_entry *te = oaip_progress_then_entry(p, i);
		const oaip_entry *ne = &p->now->se->entries[i];
		oaip_rsection_item(a, s, ind->id,
		                   oaip_arena_printf(a, "was %s, now %s — %s",
		                                     entry_text(a, tfw, te),
		                                     entry_text(a, fw, ne),
		                                     ind->text));
	}
}

static json_t *ids(oaip_json *c, const oaip_framework *fw, const size_t *v,
                   size_t n)
{
	json_t *arr = json_array();
	for (size_t k = 0; k < n; k++)
		oaip_json_append(c, arr,
		                 oaip_json_str(fw->indicators[v[k]].id));
	return arr;
}

/* moved: up and down together, in framework order. */
static json_t *moved_json(oaip_json *c, const oaip_progress *p)
{
	json_t *arr = json_array();
	size_t u = 0, d = 0;
	while (u < p->n_up || d < p->n_down) {
		size_t i;
		if (d >= p->n_down || (u < p->n_up && p->up[u] < p->down[d]))
			i = p->up[u++];
		else
			i = p->down[d++];
		const oaip_entry *te = oaip_progress_then_entry(p, i);
		json_t *o = json_object();
		oaip_json_put(c, o, "indicator",
		              oaip_json_str(p->now->fw->indicators[i].id));
		oaip_json_put(c, o, "from", json_integer(te ? te->level : 0));
		oaip_json_put(c, o, "to",
		              json_integer(p->now->se->entries[i].level));
		oaip_json_append(c, arr, o);
	}
	return arr;
}

static json_t *change_json(bool has, double change)
{
	return has ? json_real(change) : json_null();
}

static json_t *section_json(const oaip_progress *p)
{
	oaip_json c = {.ok = true};
	const oaip_result *then = p->then;
	json_t *o = json_object();
	oaip_json_put(&c, o, "file", oaip_json_str(then->se->file));
	oaip_json_put(&c, o, "school", oaip_json_str(then->se->school));
	oaip_json_put(&c, o, "framework_version",
	              oaip_json_str(then->fw->version));
	oaip_json_put(&c, o, "overall",
	              oaip_json_score(then->has_overall, then->overall));
	oaip_json_put(&c, o, "overall_change",
	              change_json(p->has_overall_change, p->overall_change));
	json_t *css = json_array();
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_progress_cornerstone *pc = &p->cs[k];
		json_t *j = json_object();
		oaip_json_put(
		    &c, j, "id",
		    oaip_json_str(oaip_cornerstone_id((oaip_cornerstone)k)));
		oaip_json_put(
		    &c, j, "score",
		    oaip_json_score(pc->then.has_score, pc->then.score));
		oaip_json_put(&c, j, "change",
		              change_json(pc->has_change, pc->change));
		oaip_json_put(&c, j, "rated",
		              json_integer((json_int_t)pc->then.rated));
		oaip_json_put(&c, j, "total",
		              json_integer((json_int_t)pc->then.total));
		oaip_json_append(&c, css, j);
	}
	oaip_json_put(&c, o, "cornerstones", css);
	oaip_json_put(&c, o, "moved", moved_json(&c, p));
	const oaip_framework *fw = p->now->fw;
	oaip_json_put(&c, o, "gaps_closed",
	              ids(&c, fw, p->closed, p->n_closed));
	oaip_json_put(&c, o, "new_gaps",
	              ids(&c, fw, p->new_gaps, p->n_new_gaps));
	oaip_json_put(&c, o, "no_longer_rated",
	              ids(&c, fw, p->unrated, p->n_unrated));
	json_t *fu = json_array();
	for (size_t k = 0; k < p->n_followups; k++) {
		size_t i = p->followups[k];
		json_t *j = json_object();
		oaip_json_put(&c, j, "indicator",
		              oaip_json_str(fw->indicators[i].id));
		oaip_json_put(
		    &c, j, "next_steps",
		    oaip_json_str(oaip_progress_then_entry(p, i)->next_steps));
		oaip_json_put(&c, j, "evidence",
		              oaip_json_str(p->now->se->entries[i].evidence));
		oaip_json_append(&c, fu, j);
	}
	oaip_json_put(&c, o, "next_steps_followed_up", fu);
	oaip_json_put(&c, o, "new_indicators",
	              ids(&c, fw, p->added, p->n_added));
	json_t *gone = json_array();
	for (size_t k = 0; k < p->n_gone; k++)
		oaip_json_append(&c, gone, oaip_json_str(p->gone[k].id));
	oaip_json_put(&c, o, "gone_indicators", gone);
	if (!c.ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

bool oaip_report_add_progress(oaip_score_report *rep, const oaip_progress *p)
{
	oaip_arena *a = &rep->arena;
	const oaip_result *then = p->then, *now = p->now;
	const oaip_framework *fw = now->fw;
	oaip_rsection *s =
	    oaip_rsection_add(&rep->sections, a, OAIP_AFTER_SUMMARY, "previous",
	                      "Since last time");
	if (!s)
		return false;

	oaip_buf b;
	oaip_buf_init(&b);
	oaip_report_totals tn, tt;
	oaip_report_totals_get(now, &tn);
	oaip_report_totals_get(then, &tt);
	oaip_progress_cornerstone all = {
	    .then = {.rated = tt.rated, .total = tt.total},
	    .now = {.rated = tn.rated, .total = tn.total}};
	oaip_progress_change_text(p->has_overall_change, p->overall_change, &b);
	const char *overall_change = oaip_arena_take(a, &b);
	oaip_progress_coverage_text(&all, &b);
	oaip_rsection_para(a, s,
	                   "This self-evaluation set beside the last one, "
	                   "%s. Overall: %s then, %s now (%s); indicators "
	                   "%s.",
	                   oaip_report_file_name(then->se->file),
	                   pct(a, then->has_overall, then->overall),
	                   pct(a, now->has_overall, now->overall),
	                   overall_change, oaip_arena_take(a, &b));
	if (p->version_changed)
		oaip_rsection_caution(
		    a, s,
		    oaip_arena_printf(
		        a,
		        "The last self-evaluation was made with another "
		        "version of the framework%s: %s of it %s not in this "
		        "one and %s of this one %s not in it. They are listed "
		        "below; the scores compare different sets of "
		        "indicators.",
		        same_version(then->fw, fw)
		            ? ""
		            : oaip_arena_printf(
		                  a, " (version %s, now %s)",
		                  then->fw->version ? then->fw->version
		                                    : "unnamed",
		                  fw->version ? fw->version : "unnamed"),
		        count(a, p->n_gone, "indicator", "indicators"),
		        p->n_gone == 1 ? "is" : "are",
		        count(a, p->n_added, "indicator", "indicators"),
		        p->n_added == 1 ? "is" : "are"));

	oaip_html_pair groups[OAIP_N_CORNERSTONES];
	oaip_buf desc;
	oaip_buf_init(&desc);
	static const oaip_rcolumn cols[] = {
	    {"cornerstone", "Cornerstone", false},
	    {"then", "Last time", true},
	    {"now", "This time", true},
	    {"change", "Change", false},
	    {"coverage", "Indicators rated", false},
	};
	oaip_rtable *t = oaip_rsection_table(
	    a, s, "Each cornerstone's score last time and this time", cols, 5);
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_progress_cornerstone *pc = &p->cs[k];
		const char *cells[5];
		cells[0] = oaip_cornerstone_title((oaip_cornerstone)k);
		cells[1] = pct(a, pc->then.has_score, pc->then.score);
		cells[2] = pct(a, pc->now.has_score, pc->now.score);
		oaip_progress_change_text(pc->has_change, pc->change, &b);
		cells[3] = oaip_arena_take(a, &b);
		oaip_progress_coverage_text(pc, &b);
		cells[4] = oaip_arena_take(a, &b);
		oaip_rtable_row(a, t, cells);
		groups[k] = (oaip_html_pair){
		    .label = cells[0],
		    .has_then = pc->then.has_score,
		    .then = pc->then.score,
		    .has_now = pc->now.has_score,
		    .now = pc->now.score,
		};
		oaip_buf_printf(&desc, "%s%s: %s last time, %s this time (%s).",
		                k ? " " : "", cells[0], cells[1], cells[2],
		                cells[3]);
	}
	oaip_html_pairs chart = {
	    .title = "Each cornerstone's score, last time and this time",
	    .desc = oaip_arena_take(a, &desc),
	    .caption = "Hatched bars: last time; solid bars: this time. The "
	               "table above gives the same numbers with the "
	               "indicators rated.",
	    .then_label = "Last time",
	    .now_label = "This time",
	    .missing_label = "no score",
	    .groups = groups,
	    .n = OAIP_N_CORNERSTONES,
	};
	oaip_rsection_pairs(a, s, &chart);
	oaip_buf_free(&b);
	oaip_buf_free(&desc);

	oaip_rsection_para(
	    a, s, "%s moved up a level and %s moved down; %s closed and %s.",
	    count(a, p->n_up, "indicator", "indicators"),
	    count(a, p->n_down, "indicator", "indicators"),
	    count(a, p->n_closed, "gap", "gaps"),
	    count(a, p->n_new_gaps, "new gap", "new gaps"));
	list(a, s, p, "Moved up a level", p->up, p->n_up);
	list(a, s, p, "Moved down a level", p->down, p->n_down);
	list(a, s, p, "Gaps closed", p->closed, p->n_closed);
	list(a, s, p, "New gaps", p->new_gaps, p->n_new_gaps);
	if (p->n_unrated) {
		list(a, s, p, "Rated last time, not this time", p->unrated,
		     p->n_unrated);
		oaip_rsection_para(a, s,
		                   "An indicator left blank or marked not "
		                   "applicable is not counted as a gap "
		                   "closed.");
	}

	if (p->n_followups) {
		static const oaip_rcolumn fcols[] = {
		    {"indicator", "Indicator", false},
		    {"next_steps", "Next steps last time", false},
		    {"evidence", "Evidence this time", false},
		};
		oaip_rtable *ft = oaip_rsection_table(
		    a, s, "Last time's next steps beside this time's evidence",
		    fcols, 3);
		for (size_t k = 0; k < p->n_followups; k++) {
			size_t i = p->followups[k];
			const char *ev = p->now->se->entries[i].evidence;
			const char *cells[3] = {
			    fw->indicators[i].id,
			    oaip_progress_then_entry(p, i)->next_steps,
			    ev && *ev ? ev : "No evidence given this time."};
			oaip_rtable_row(a, ft, cells);
		}
	}

	list(a, s, p, "In this framework, not in the last self-evaluation",
	     p->added, p->n_added);
	if (p->n_gone) {
		oaip_rsection_heading(a, s,
		                      "In the last self-evaluation, not in "
		                      "this framework");
		for (size_t k = 0; k < p->n_gone; k++) {
			const oaip_progress_gone *g = &p->gone[k];
			const char *was = entry_text(a, then->fw, g->then);
			oaip_rsection_item(
			    a, s, g->id,
			    g->text ? oaip_arena_printf(a, "was %s \u2014 %s",
			                                was, g->text)
			            : oaip_arena_printf(a, "was %s", was));
		}
	}

	s->json = section_json(p);
	return s->json && !a->failed;
}
