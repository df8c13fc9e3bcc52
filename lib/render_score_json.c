/* render_score_json.c - the score report as JSON, for scripts and
 * dashboards: the model's facts as a jansson tree (json.c).
 *
 * One object (keys in this order):
 *
 *   school, file, date            strings (null when unknown); file is
 *                                 the path as given on the command line
 *   framework                     the framework id
 *   framework_title, framework_publisher, framework_version
 *   target, target_label          the target level's value and label
 *   phase                         "school", ... or null (no phase filter)
 *   scale                         [{value, id, label}] lowest first
 *   overall                       number to one decimal, or null
 *   rated, total                  indicators rated / applicable, in all
 *   target_score, target_note     the score with every rated indicator
 *                                 at the target (or null), and what it
 *                                 means in words (or null)
 *   cornerstones                  [{id, title, score (or null), rated,
 *                                   total, na, not_evaluated, at_target,
 *                                   gaps, band, partly_evaluated}] in
 *                                   cornerstone order
 *   gaps                          [{indicator, cornerstone, rating,
 *                                   rating_label, target, weight, evidence,
 *                                   next_steps}] by cornerstone, then
 *                                   framework order
 *   strengths                     [{indicator, cornerstone, rating,
 *                                   rating_label, weight, evidence,
 *                                   next_steps}]
 *   not_evaluated, not_applicable [indicator ids], framework order
 *   method                        [{band (null for a paragraph), text}]:
 *                                 "How scores are worked out"
 *   ...                           each added section under its key
 *   generator                     "oaip-eval VERSION"
 *
 * Text is written as UTF-8 (not \u-escaped); invalid bytes, which a
 * well-formed input never holds, become U+FFFD. */
#include "config.h"

#include <jansson.h>

#include "report.h"

static json_t *size(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *indicator(oaip_json *c, const oaip_score_report *rep,
                         const oaip_rindicator *m, bool gap)
{
	json_t *o = json_object();
	oaip_json_put(c, o, "indicator", oaip_json_str(m->id));
	oaip_json_put(c, o, "cornerstone", oaip_json_str(m->cornerstone_id));
	oaip_json_put(c, o, "rating", json_integer(m->level));
	oaip_json_put(c, o, "rating_label", oaip_json_str(m->rating_label));
	if (gap)
		oaip_json_put(c, o, "target", json_integer(rep->target));
	oaip_json_put(c, o, "weight", json_real(m->weight));
	oaip_json_put(c, o, "evidence", oaip_json_str(m->evidence));
	oaip_json_put(c, o, "next_steps", oaip_json_str(m->next_steps));
	return o;
}

static json_t *indicators(oaip_json *c, const oaip_score_report *rep,
                          const oaip_rlist *l, bool gap)
{
	json_t *a = json_array();
	for (size_t k = 0; k < l->n; k++)
		oaip_json_append(c, a, indicator(c, rep, &l->v[k], gap));
	return a;
}

static json_t *ids(oaip_json *c, const oaip_rlist *l)
{
	json_t *a = json_array();
	for (size_t k = 0; k < l->n; k++)
		oaip_json_append(c, a, oaip_json_str(l->v[k].id));
	return a;
}

void oaip_score_json(const oaip_score_report *rep, oaip_buf *out)
{
	oaip_json c = {.ok = true};
	json_t *root = json_object();

	oaip_json_put(&c, root, "school", oaip_json_str(rep->school));
	oaip_json_put(&c, root, "file", oaip_json_str(rep->file));
	oaip_json_put(&c, root, "date", oaip_json_str(rep->date));
	oaip_json_put(&c, root, "framework", oaip_json_str(rep->framework_id));
	oaip_json_put(&c, root, "framework_title",
	              oaip_json_str(rep->framework_title));
	oaip_json_put(&c, root, "framework_publisher",
	              oaip_json_str(rep->framework_publisher));
	oaip_json_put(&c, root, "framework_version",
	              oaip_json_str(rep->framework_version));
	oaip_json_put(&c, root, "target", json_integer(rep->target));
	oaip_json_put(&c, root, "target_label",
	              oaip_json_str(rep->target_label));
	oaip_json_put(&c, root, "phase", oaip_json_str(rep->phase_json));

	json_t *scale = json_array();
	for (size_t i = 0; i < rep->n_scale; i++) {
		json_t *lv = json_object();
		oaip_json_put(&c, lv, "value",
		              json_integer(rep->scale[i].value));
		oaip_json_put(&c, lv, "id", oaip_json_str(rep->scale[i].id));
		oaip_json_put(&c, lv, "label",
		              oaip_json_str(rep->scale[i].label));
		oaip_json_append(&c, scale, lv);
	}
	oaip_json_put(&c, root, "scale", scale);

	oaip_json_put(&c, root, "overall",
	              rep->has_overall ? json_real(rep->overall) : json_null());
	oaip_json_put(&c, root, "rated", size(rep->totals.rated));
	oaip_json_put(&c, root, "total", size(rep->totals.total));
	oaip_json_put(&c, root, "target_score",
	              rep->target_score >= 0 ? json_real(rep->target_score)
	                                     : json_null());
	oaip_json_put(&c, root, "target_note", oaip_json_str(rep->target_note));
	json_t *css = json_array();
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_rcornerstone *cs = &rep->cs[k];
		json_t *j = json_object();
		oaip_json_put(&c, j, "id", oaip_json_str(cs->id));
		oaip_json_put(&c, j, "title", oaip_json_str(cs->title));
		oaip_json_put(&c, j, "score",
		              cs->has_score ? json_real(cs->score)
		                            : json_null());
		oaip_json_put(&c, j, "rated", size(cs->rated));
		oaip_json_put(&c, j, "total", size(cs->total));
		oaip_json_put(&c, j, "na", size(cs->na));
		oaip_json_put(&c, j, "not_evaluated", size(cs->empty));
		oaip_json_put(&c, j, "at_target", size(cs->at_target));
		oaip_json_put(&c, j, "gaps", size(cs->gaps));
		oaip_json_put(&c, j, "band", oaip_json_str(cs->band));
		oaip_json_put(&c, j, "partly_evaluated",
		              json_boolean(cs->partly));
		oaip_json_append(&c, css, j);
	}
	oaip_json_put(&c, root, "cornerstones", css);

	oaip_json_put(&c, root, "gaps", indicators(&c, rep, &rep->gaps, true));
	oaip_json_put(&c, root, "strengths",
	              indicators(&c, rep, &rep->strengths, false));
	oaip_json_put(&c, root, "not_evaluated", ids(&c, &rep->not_evaluated));
	oaip_json_put(&c, root, "not_applicable",
	              ids(&c, &rep->not_applicable));

	oaip_json_put(&c, root, "method", oaip_method_json(&c, &rep->method));
	oaip_sections_json(&rep->sections, &c, root);
	oaip_json_put(&c, root, "generator", oaip_json_str(rep->generator));

	oaip_json_dump(&c, root, out);
	json_decref(root);
}
