/* report_area.c - the adviser's sections of the comparison report: the
 * schools most in need of support, the area since last time (with
 * --previous), whom to invite to each training priority, the schools
 * given twice and the files skipped.  A builder beside the model
 * (report.h, "HOW TO ADD A SECTION"): every sentence and figure is
 * decided here, once; each renderer draws the blocks in its own markup,
 * and the JSON of each section is built here with jansson.
 *
 * The decisions themselves (who is in need, in what order, who is the
 * same school, who matches whom) are area.c's. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* How a school was matched with last time: its JSON id (NULL for none)
 * and the words in the table. */
static const struct {
	const char *id, *words;
} match_names[] = {
    [OAIP_MATCH_NONE] = {NULL, "no match"},
    [OAIP_MATCH_URN] = {"urn", "URN"},
    [OAIP_MATCH_NAME] = {"name", "name"},
    [OAIP_MATCH_FILE] = {"file", "file name"},
};

const char *oaip_match_words(oaip_match m)
{
	return (size_t)m < sizeof match_names / sizeof match_names[0]
	           ? match_names[m].words
	           : "no match";
}

/* "40.0 → 55.0 (+15.0)", "– → 55.0", "40.0 → –". */
static void change_text(oaip_buf *out, bool has_then, double then, bool has_now,
                        double now)
{
	oaip_change ch = oaip_change_of(has_then, then, has_now, now);
	if (has_then)
		oaip_put_score(out, then);
	else
		oaip_buf_puts(out, "–");
	oaip_buf_puts(out, " → ");
	if (has_now)
		oaip_put_score(out, now);
	else
		oaip_buf_puts(out, "–");
	if (ch.has)
		oaip_buf_printf(out, " (%s%.1f)", ch.change > 0 ? "+" : "",
		                ch.change);
}

static const char *who(oaip_arena *a, const oaip_school *s)
{
	return oaip_arena_printf(a, "%s (%s)", s->school, s->file);
}

/* ---- JSON (jansson) ------------------------------------------------------ */

static json_t *j_who(const oaip_school *s)
{
	json_t *o = json_object();
	oaip_json j = {.ok = true};
	oaip_json_put(&j, o, "school", oaip_json_str(s->school));
	oaip_json_put(&j, o, "file", oaip_json_str(s->file));
	return o;
}

static json_t *j_change(bool has_then, double then, bool has_now, double now)
{
	oaip_change ch = oaip_change_of(has_then, then, has_now, now);
	json_t *o = json_object();
	oaip_json j = {.ok = true};
	oaip_json_put(&j, o, "then", oaip_json_score(has_then, then));
	oaip_json_put(&j, o, "now", oaip_json_score(has_now, now));
	oaip_json_put(&j, o, "change",
	              ch.has ? json_real(ch.change) : json_null());
	return o;
}

const char *oaip_match_id(oaip_match m)
{
	return (size_t)m < sizeof match_names / sizeof match_names[0]
	           ? match_names[m].id
	           : NULL;
}

static const char *duplicate_id(oaip_duplicate d)
{
	switch (d) {
	case OAIP_DUPLICATE_CONTENT:
		return "identical";
	case OAIP_DUPLICATE_URN:
		return "urn";
	case OAIP_DUPLICATE_NAME:
		return "name";
	case OAIP_DUPLICATE_NONE:
		break;
	}
	return NULL;
}

/* At ten thousand schools the area's JSON repeats itself: a school's file
 * name is in the area since last time and in several invitations, and
 * scores and their changes are tenths from -100 to 100.  Each such value
 * is made once and shared by the sections' trees, which would otherwise
 * take more memory than the text they print. */
struct shared {
	json_t **file;        /* per school of the comparison, or NULL */
	json_t *tenths[2001]; /* -100.0 .. 100.0 */
	json_t *match[OAIP_MATCH_FILE + 1];
};

static struct shared *shared_new(const oaip_comparison *c)
{
	struct shared *sh = calloc(1, sizeof *sh);
	size_t n = oaip_comparison_count(c);
	if (sh)
		sh->file = calloc(n ? n : 1, sizeof *sh->file);
	return sh;
}

/* Give up the shared values (the trees keep those they use). */
static void shared_free(struct shared *sh, size_t n)
{
	if (!sh)
		return;
	for (size_t i = 0; sh->file && i < n; i++)
		json_decref(sh->file[i]);
	for (size_t k = 0; k < sizeof sh->tenths / sizeof *sh->tenths; k++)
		json_decref(sh->tenths[k]);
	for (int m = 0; m <= OAIP_MATCH_FILE; m++)
		json_decref(sh->match[m]);
	free(sh->file);
	free(sh);
}

/* The file name of school i of c. */
static json_t *shared_file(struct shared *sh, const oaip_comparison *c,
                           size_t i)
{
	const char *file = oaip_comparison_school(c, i)->file;
	if (!sh || !sh->file)
		return oaip_json_str(file);
	if (!sh->file[i])
		sh->file[i] = oaip_json_str(file);
	return json_incref(sh->file[i]);
}

/* A score or a change (null when has is false). */
static json_t *shared_real(struct shared *sh, bool has, double v)
{
	if (!has)
		return json_null();
	double x = v * 10;
	if (!sh || !(x > -1000.5 && x < 1000.5))
		return json_real(v);
	json_t **slot = &sh->tenths[(long)(x + (x < 0 ? -0.5 : 0.5)) + 1000];
	if (!*slot)
		*slot = json_real(v);
	/* Shared only when it is exactly the same number. */
	if (!*slot || json_real_value(*slot) != v)
		return json_real(v);
	return json_incref(*slot);
}

static json_t *shared_match(struct shared *sh, oaip_match m)
{
	if (!sh)
		return json_string(oaip_match_id(m));
	if (!sh->match[m])
		sh->match[m] = json_string(oaip_match_id(m));
	return json_incref(sh->match[m]);
}

static json_t *j_previous(const oaip_comparison *c, oaip_json *j,
                          struct shared *sh)
{
	const oaip_comparison *p = oaip_comparison_previous(c);
	json_t *o = json_object();
	json_t *area = json_array(), *schools = json_array();
	json_t *up = json_array(), *down = json_array();
	json_t *new_now = json_array(), *gone = json_array();
	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		const oaip_spread *a = oaip_comparison_spread(p, w);
		const oaip_spread *z = oaip_comparison_spread(c, w);
		json_t *m = j_change(a->n, a->mean, z->n, z->mean);
		oaip_json_put(j, m, "id",
		              json_string(w == OAIP_N_CORNERSTONES
		                              ? "overall"
		                              : oaip_cornerstone_id(w)));
		oaip_json_put(j, m, "schools_then",
		              json_integer((json_int_t)a->n));
		oaip_json_put(j, m, "schools_now",
		              json_integer((json_int_t)z->n));
		oaip_json_append(j, area, m);
	}
	for (size_t i = 0; i < oaip_comparison_count(c); i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		const oaip_school *t = oaip_comparison_school_then(c, s);
		if (!s->counted)
			continue;
		if (!t) {
			oaip_json_append(j, new_now, j_who(s));
			continue;
		}
		/* Compact, for ten thousand schools: the overall score and
		 * the four cornerstones in order ("measures"), then, now and
		 * the change, null where missing. */
		json_t *e = json_object();
		oaip_json_put(j, e, "file", shared_file(sh, c, i));
		oaip_json_put(j, e, "previous_file", oaip_json_str(t->file));
		oaip_json_put(j, e, "matched_by", shared_match(sh, s->match));
		json_t *then = json_array(), *now = json_array(),
		       *change = json_array();
		for (int m = 0; m <= OAIP_N_CORNERSTONES; m++) {
			bool ht = m ? t->cs[m - 1].has_score : t->has_overall;
			bool hn = m ? s->cs[m - 1].has_score : s->has_overall;
			double vt = m ? t->cs[m - 1].score : t->overall;
			double vn = m ? s->cs[m - 1].score : s->overall;
			oaip_change ch = oaip_change_of(ht, vt, hn, vn);
			oaip_json_append(
			    j, then, shared_real(sh, ht, oaip_score_round(vt)));
			oaip_json_append(
			    j, now, shared_real(sh, hn, oaip_score_round(vn)));
			oaip_json_append(j, change,
			                 shared_real(sh, ch.has, ch.change));
		}
		oaip_json_put(j, e, "then", then);
		oaip_json_put(j, e, "now", now);
		oaip_json_put(j, e, "change", change);
		oaip_json_append(j, schools, e);
	}
	const size_t *v;
	size_t m = oaip_comparison_improved(c, &v);
	for (size_t i = 0; i < m; i++)
		oaip_json_append(j, up, j_who(oaip_comparison_school(c, v[i])));
	m = oaip_comparison_slipped(c, &v);
	for (size_t i = 0; i < m; i++)
		oaip_json_append(j, down,
		                 j_who(oaip_comparison_school(c, v[i])));
	for (size_t i = 0; i < oaip_comparison_count(p); i++) {
		const oaip_school *s = oaip_comparison_school(p, i);
		if (s->counted && !oaip_comparison_then_matched(c, i))
			oaip_json_append(j, gone, j_who(s));
	}
	json_t *measures = json_array();
	oaip_json_append(j, measures, json_string("overall"));
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_json_append(j, measures,
		                 json_string(oaip_cornerstone_id(k)));
	oaip_json_put(j, o, "area", area);
	oaip_json_put(j, o, "measures", measures);
	oaip_json_put(j, o, "schools", schools);
	oaip_json_put(j, o, "improved", up);
	oaip_json_put(j, o, "slipped", down);
	oaip_json_put(j, o, "no_earlier_return", new_now);
	oaip_json_put(j, o, "no_return_now", gone);
	return o;
}

/* ---- the sections ----------------------------------------------------------
 */

static void support(oaip_compare_report *rep, const oaip_comparison *c,
                    oaip_buf *b)
{
	oaip_arena *a = &rep->arena;
	oaip_rsection *s =
	    oaip_rsection_add(&rep->sections, a, OAIP_AFTER_SUMMARY, "support",
	                      "Schools most in need of support");
	const size_t *v;
	size_t need;
	size_t n = oaip_comparison_support(c, &v, &need);
	json_t *js = json_object(), *list = json_array();
	oaip_json j = {.ok = true};
	oaip_json_put(&j, js, "in_need", json_integer((json_int_t)need));
	if (!oaip_comparison_counted(c)) {
		oaip_rsection_para(a, s,
		                   "No return could be read, so no "
		                   "school is listed.");
	} else if (!n) {
		oaip_rsection_para(a, s,
		                   "None: every school counted rated at "
		                   "least half of its indicators and "
		                   "none below the target.");
	} else {
		oaip_rsection_para(
		    a, s,
		    "%zu %s rated an indicator below the target or rated "
		    "fewer than half of them; %s most gaps first, then the "
		    "lowest cornerstone score, then the least rated.",
		    need, oaip_plural(need, "school", "schools"),
		    n < need ? "these are the first, with the"
		             : "listed with the");
		static const oaip_rcolumn cols[] = {
		    {"rank", "Rank", true},
		    {"school", "School", false},
		    {"file", "File", false},
		    {"reasons", "Why", false},
		};
		oaip_rtable *t = oaip_rsection_table(
		    a, s, "Schools most in need of support", cols, 4);
		for (size_t i = 0; i < n; i++) {
			const oaip_school *k = oaip_comparison_school(c, v[i]);
			char rank[24];
			snprintf(rank, sizeof rank, "%zu", i + 1);
			b->len = 0;
			oaip_comparison_support_reasons(c, k, b);
			const char *why = b->failed ? "" : b->data;
			const char *cells[] = {rank, k->school, k->file, why};
			oaip_rtable_row(a, t, cells);
			json_t *e = j_who(k);
			oaip_json_put(&j, e, "rank",
			              json_integer((json_int_t)i + 1));
			oaip_json_put(&j, e, "gaps",
			              json_integer((json_int_t)k->gaps));
			oaip_json_put(&j, e, "rated",
			              json_integer((json_int_t)k->rated));
			oaip_json_put(&j, e, "total",
			              json_integer((json_int_t)k->total));
			oaip_json_put(&j, e, "reasons", oaip_json_str(why));
			oaip_json_append(&j, list, e);
		}
	}
	oaip_json_put(&j, js, "schools", list);
	oaip_rsection_json(a, s, &j, js);
}

static void previous(oaip_compare_report *rep, const oaip_comparison *c,
                     oaip_buf *b, struct shared *sh)
{
	const oaip_comparison *p = oaip_comparison_previous(c);
	if (!p)
		return;
	oaip_arena *a = &rep->arena;
	oaip_rsection *s =
	    oaip_rsection_add(&rep->sections, a, OAIP_AFTER_METHOD, "previous",
	                      "Since last time");
	size_t n = oaip_comparison_count(c), matched = 0, counted = 0;
	for (size_t i = 0; i < n; i++) {
		const oaip_school *k = oaip_comparison_school(c, i);
		counted += k->counted;
		matched += k->match != OAIP_MATCH_NONE;
	}
	oaip_rsection_para(a, s,
	                   "%zu of the %zu %s counted now %s matched to an "
	                   "earlier return (by URN, else school name, else "
	                   "file name).  Each change is the difference of "
	                   "the scores as shown.",
	                   matched, counted,
	                   oaip_plural(counted, "school", "schools"),
	                   oaip_plural(matched, "is", "are"));
	static const oaip_rcolumn area_cols[] = {
	    {"measure", "", false},
	    {"then", "Area mean then", false},
	    {"now", "Area mean now", false},
	    {"change", "Change", false},
	};
	oaip_rtable *t =
	    oaip_rsection_table(a, s, "Area means then and now", area_cols, 4);
	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		const oaip_spread *x = oaip_comparison_spread(p, w);
		const oaip_spread *z = oaip_comparison_spread(c, w);
		oaip_change ch = oaip_change_of(x->n, x->mean, z->n, z->mean);
		const char *then =
		    x->n ? oaip_arena_printf(
		               a, "%.1f (%zu %s)", oaip_score_round(x->mean),
		               x->n, oaip_plural(x->n, "school", "schools"))
		         : "–";
		const char *now =
		    z->n ? oaip_arena_printf(
		               a, "%.1f (%zu %s)", oaip_score_round(z->mean),
		               z->n, oaip_plural(z->n, "school", "schools"))
		         : "–";
		const char *change =
		    ch.has
		        ? oaip_arena_printf(a, "%s%.1f",
		                            ch.change > 0 ? "+" : "", ch.change)
		        : "–";
		const char *cells[] = {w == OAIP_N_CORNERSTONES
		                           ? "Overall"
		                           : oaip_cornerstone_title(w),
		                       then, now, change};
		oaip_rtable_row(a, t, cells);
	}

	for (int dir = 0; dir < 2; dir++) {
		const size_t *v;
		size_t m = dir ? oaip_comparison_slipped(c, &v)
		               : oaip_comparison_improved(c, &v);
		oaip_rsection_heading(a, s,
		                      dir ? "Slipped most" : "Improved most");
		if (!m)
			oaip_rsection_para(
			    a, s,
			    dir ? "No school's overall score fell."
			        : "No school's overall score "
			          "rose.");
		for (size_t i = 0; i < m; i++) {
			const oaip_school *k = oaip_comparison_school(c, v[i]);
			const oaip_school *th =
			    oaip_comparison_school_then(c, k);
			b->len = 0;
			oaip_buf_puts(b, "overall ");
			change_text(b, th->has_overall, th->overall,
			            k->has_overall, k->overall);
			oaip_rsection_item(a, s, who(a, k),
			                   b->failed ? "" : b->data);
		}
	}

	static const oaip_rcolumn cols[] = {
	    {"school", "School", false},
	    {"matched_by", "Matched by", false},
	    {"overall", "Overall", false},
	    {"welcome_and_care", "Welcome and Care", false},
	    {"value_and_include", "Value and Include", false},
	    {"communicate", "Communicate", false},
	    {"work_in_partnership", "Work in Partnership", false},
	};
	t = oaip_rsection_table(a, s,
	                        "Each school then and now (then → now, "
	                        "change)",
	                        cols, 7);
	for (size_t i = 0; i < n; i++) {
		const oaip_school *k = oaip_comparison_school(c, i);
		const oaip_school *th = oaip_comparison_school_then(c, k);
		if (!th)
			continue;
		const char *cells[7];
		cells[0] = k->school;
		cells[1] = oaip_match_words(k->match);
		b->len = 0;
		change_text(b, th->has_overall, th->overall, k->has_overall,
		            k->overall);
		cells[2] = oaip_arena_take(a, b);
		for (int w = 0; w < OAIP_N_CORNERSTONES; w++) {
			change_text(b, th->cs[w].has_score, th->cs[w].score,
			            k->cs[w].has_score, k->cs[w].score);
			cells[3 + w] = oaip_arena_take(a, b);
		}
		oaip_rtable_row(a, t, cells);
	}

	oaip_rsection_heading(a, s, "Schools with no earlier return");
	size_t none = 0;
	for (size_t i = 0; i < n; i++) {
		const oaip_school *k = oaip_comparison_school(c, i);
		if (!k->counted || k->match != OAIP_MATCH_NONE)
			continue;
		oaip_rsection_item(a, s, NULL, who(a, k));
		none++;
	}
	if (!none)
		oaip_rsection_para(a, s, "None.");
	oaip_rsection_heading(a, s, "Earlier returns with no school now");
	none = 0;
	for (size_t i = 0; i < oaip_comparison_count(p); i++) {
		const oaip_school *k = oaip_comparison_school(p, i);
		if (!k->counted || oaip_comparison_then_matched(c, i))
			continue;
		oaip_rsection_item(a, s, NULL, who(a, k));
		none++;
	}
	if (!none)
		oaip_rsection_para(a, s, "None.");

	oaip_json j = {.ok = true};
	json_t *js = j_previous(c, &j, sh);
	oaip_rsection_json(a, s, &j, js);
}

static void invite(oaip_compare_report *rep, const oaip_comparison *c,
                   struct shared *sh)
{
	const oaip_framework *fw = oaip_comparison_framework(c);
	const oaip_priority *p;
	size_t np = oaip_comparison_priorities(c, &p);
	if (!np)
		return;
	oaip_arena *a = &rep->arena;
	oaip_rsection *s = oaip_rsection_add(
	    &rep->sections, a, OAIP_AFTER_LISTS, "invite", "Whom to invite");
	oaip_rsection_para(a, s,
	                   "For each training priority, the schools "
	                   "that rated it below the target.");
	oaip_json j = {.ok = true};
	json_t *js = json_array();
	oaip_buf b;
	oaip_buf_init(&b);
	for (size_t k = 0; k < np; k++) {
		const size_t *v;
		size_t n = oaip_comparison_invites(c, k, &v);
		const char *id = fw->indicators[p[k].indicator].id;
		oaip_buf_printf(&b, "%zu %s: ", n,
		                oaip_plural(n, "school", "schools"));
		json_t *e = json_object(), *list = json_array();
		oaip_json_put(&j, e, "indicator", oaip_json_str(id));
		for (size_t i = 0; i < n; i++) {
			const oaip_school *sc = oaip_comparison_school(c, v[i]);
			oaip_buf_printf(&b, "%s%s", i ? ", " : "", sc->school);
			oaip_json_append(&j, list, shared_file(sh, c, v[i]));
		}
		oaip_json_put(&j, e, "files", list);
		oaip_json_append(&j, js, e);
		oaip_rsection_item(a, s, id, oaip_arena_take(a, &b));
	}
	oaip_buf_free(&b);
	oaip_rsection_json(a, s, &j, js);
}

static void twice_and_skipped(oaip_compare_report *rep,
                              const oaip_comparison *c, oaip_buf *b)
{
	oaip_arena *a = &rep->arena;
	oaip_json j = {.ok = true};
	if (oaip_comparison_duplicates(c)) {
		oaip_rsection *s = oaip_rsection_add(
		    &rep->sections, a, OAIP_AFTER_LISTS, "duplicates",
		    "Schools given twice, counted once");
		json_t *js = json_array();
		for (size_t i = 0; i < oaip_comparison_count(c); i++) {
			const oaip_school *k = oaip_comparison_school(c, i);
			if (k->duplicate == OAIP_DUPLICATE_NONE)
				continue;
			b->len = 0;
			oaip_comparison_duplicate_text(c, k, b);
			oaip_rsection_item(a, s, NULL,
			                   b->failed ? "" : b->data);
			json_t *e = j_who(k);
			oaip_json_put(&j, e, "same_as",
			              oaip_json_str(oaip_comparison_school(
			                                c, k->duplicate_of)
			                                ->file));
			oaip_json_put(&j, e, "because",
			              json_string(duplicate_id(k->duplicate)));
			oaip_json_append(&j, js, e);
		}
		oaip_rsection_json(a, s, &j, js);
	}
	const oaip_skipped *k;
	size_t nk = oaip_comparison_skipped(c, &k);
	if (nk) {
		oaip_rsection *s =
		    oaip_rsection_add(&rep->sections, a, OAIP_AFTER_LISTS,
		                      "skipped", "Files skipped");
		oaip_rsection_para(a, s,
		                   "Files in the folders given that were "
		                   "not read as returns.");
		json_t *js = json_array();
		for (size_t i = 0; i < nk; i++) {
			oaip_rsection_item(a, s, k[i].file, k[i].reason);
			json_t *e = json_object();
			oaip_json_put(&j, e, "file", oaip_json_str(k[i].file));
			oaip_json_put(&j, e, "reason",
			              oaip_json_str(k[i].reason));
			oaip_json_append(&j, js, e);
		}
		oaip_rsection_json(a, s, &j, js);
	}
}

bool oaip_compare_report_add_area(oaip_compare_report *rep,
                                  const oaip_comparison *c)
{
	oaip_buf b;
	oaip_buf_init(&b);
	/* NULL when out of memory: every value is then made afresh. */
	struct shared *sh = shared_new(c);
	support(rep, c, &b);
	previous(rep, c, &b, sh);
	invite(rep, c, sh);
	shared_free(sh, oaip_comparison_count(c));
	twice_and_skipped(rep, c, &b);
	if (b.failed)
		rep->arena.failed = true;
	oaip_buf_free(&b);
	return !rep->arena.failed;
}
