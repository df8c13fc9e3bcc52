/* render_json.c - the score report as JSON, for scripts and dashboards.
 *
 * One object (keys in this order):
 *
 *   school, file, date            strings (null when unknown)
 *   framework                     the framework id
 *   framework_title, framework_publisher, framework_version
 *   target, target_label          the target level's value and label
 *   phase                         "school", ... or null (no phase filter)
 *   scale                         [{value, id, label}] lowest first
 *   overall                       number to one decimal, or null
 *   rated, total                  indicators rated / applicable, in all
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
 *   generator                     "oaip-eval VERSION"
 *
 * Scores are rounded with oaip_score_round, like every other output.
 * Text is written as UTF-8 (not \u-escaped); invalid bytes, which a
 * well-formed input never holds, become U+FFFD. */
#include "config.h"

#include <jansson.h>
#include <string.h>

#include "private.h"

static const char *level_label(const oaip_framework *fw, int value)
{
	const oaip_level *l = oaip_scale_level(&fw->scale, value);
	return l ? l->label : NULL;
}

static json_t *phase_value(unsigned phase)
{
	if (!phase)
		return json_null();
	char names[64] = "";
	for (unsigned bit = 1; bit <= OAIP_PHASE_POST16; bit <<= 1)
		if (phase & bit) {
			if (names[0])
				strcat(names, " ");
			strcat(names, oaip_phase_name(bit));
		}
	return json_string(names);
}

static json_t *indicator_item(oaip_json *c, const oaip_result *r, size_t i,
                              bool gap)
{
	const oaip_framework *fw = r->fw;
	const oaip_indicator *ind = &fw->indicators[i];
	const oaip_entry *e = &r->se->entries[i];
	json_t *o = json_object();
	oaip_json_put(c, o, "indicator", oaip_json_str(ind->id));
	oaip_json_put(c, o, "cornerstone",
	              oaip_json_str(oaip_cornerstone_id(ind->cornerstone)));
	oaip_json_put(c, o, "rating", json_integer(e->level));
	oaip_json_put(c, o, "rating_label",
	              oaip_json_str(level_label(fw, e->level)));
	if (gap)
		oaip_json_put(c, o, "target", json_integer(r->target));
	oaip_json_put(c, o, "weight", json_real(ind->weight));
	oaip_json_put(c, o, "evidence", oaip_json_str(e->evidence));
	oaip_json_put(c, o, "next_steps", oaip_json_str(e->next_steps));
	return o;
}

static json_t *id_array(oaip_json *c, const oaip_result *r, const size_t *list,
                        size_t n)
{
	json_t *a = json_array();
	for (size_t k = 0; k < n; k++)
		oaip_json_append(c, a,
		                 oaip_json_str(r->fw->indicators[list[k]].id));
	return a;
}

void oaip_render_score_json(const oaip_result *r, const oaip_render_options *o,
                            oaip_buf *out)
{
	oaip_json c = {.ok = true};
	const oaip_framework *fw = r->fw;
	const oaip_selfeval *se = r->se;
	json_t *root = json_object();
	if (!root) {
		c.ok = false;
		goto cleanup;
	}

	oaip_json_put(&c, root, "school", oaip_json_str(se->school));
	oaip_json_put(&c, root, "file", oaip_json_str(se->file));
	oaip_json_put(&c, root, "date", oaip_json_str(o ? o->date : NULL));
	oaip_json_put(&c, root, "framework", oaip_json_str(fw->id));
	oaip_json_put(&c, root, "framework_title", oaip_json_str(fw->title));
	oaip_json_put(&c, root, "framework_publisher",
	              oaip_json_str(fw->publisher));
	oaip_json_put(&c, root, "framework_version",
	              oaip_json_str(fw->version));
	oaip_json_put(&c, root, "target", json_integer(r->target));
	oaip_json_put(&c, root, "target_label",
	              oaip_json_str(level_label(fw, r->target)));
	oaip_json_put(&c, root, "phase", phase_value(r->phase));

	json_t *scale = json_array();
	for (size_t i = 0; i < fw->scale.n_levels; i++) {
		const oaip_level *l = &fw->scale.levels[i];
		json_t *lv = json_object();
		oaip_json_put(&c, lv, "value", json_integer(l->value));
		oaip_json_put(&c, lv, "id", oaip_json_str(l->id));
		oaip_json_put(&c, lv, "label", oaip_json_str(l->label));
		oaip_json_append(&c, scale, lv);
	}
	oaip_json_put(&c, root, "scale", scale);

	oaip_json_put(&c, root, "overall",
	              oaip_json_score(r->has_overall, r->overall));
	size_t rated = 0, total = 0;
	json_t *css = json_array();
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_cornerstone_score *cs = &r->cs[k];
		json_t *j = json_object();
		oaip_json_put(
		    &c, j, "id",
		    oaip_json_str(oaip_cornerstone_id((oaip_cornerstone)k)));
		oaip_json_put(
		    &c, j, "title",
		    oaip_json_str(oaip_cornerstone_title((oaip_cornerstone)k)));
		oaip_json_put(&c, j, "score",
		              oaip_json_score(cs->has_score, cs->score));
		oaip_json_put(&c, j, "rated",
		              json_integer((json_int_t)cs->rated));
		oaip_json_put(&c, j, "total",
		              json_integer((json_int_t)cs->total));
		oaip_json_put(&c, j, "na", json_integer((json_int_t)cs->na));
		oaip_json_put(&c, j, "not_evaluated",
		              json_integer((json_int_t)cs->empty));
		oaip_json_put(&c, j, "at_target",
		              json_integer((json_int_t)cs->at_target));
		oaip_json_put(&c, j, "gaps",
		              json_integer((json_int_t)cs->gaps));
		oaip_json_put(
		    &c, j, "band",
		    oaip_json_str(oaip_band(cs, &fw->scale, r->target)));
		oaip_json_put(&c, j, "partly_evaluated",
		              json_boolean(cs->rated > 0 && cs->empty > 0));
		oaip_json_append(&c, css, j);
		rated += cs->rated;
		total += cs->total;
	}
	oaip_json_put(&c, root, "rated", json_integer((json_int_t)rated));
	oaip_json_put(&c, root, "total", json_integer((json_int_t)total));
	oaip_json_put(&c, root, "cornerstones", css);

	json_t *gaps = json_array();
	for (size_t k = 0; k < r->n_gaps; k++)
		oaip_json_append(&c, gaps,
		                 indicator_item(&c, r, r->gaps[k], true));
	oaip_json_put(&c, root, "gaps", gaps);
	json_t *strengths = json_array();
	for (size_t k = 0; k < r->n_strengths; k++)
		oaip_json_append(&c, strengths,
		                 indicator_item(&c, r, r->strengths[k], false));
	oaip_json_put(&c, root, "strengths", strengths);
	oaip_json_put(&c, root, "not_evaluated",
	              id_array(&c, r, r->not_evaluated, r->n_not_evaluated));
	oaip_json_put(&c, root, "not_applicable",
	              id_array(&c, r, r->not_applicable, r->n_not_applicable));

	oaip_buf gen;
	oaip_buf_init(&gen);
	oaip_buf_puts(&gen, "oaip-eval");
	if (o && o->program_version)
		oaip_buf_printf(&gen, " %s", o->program_version);
	oaip_json_put(&c, root, "generator",
	              gen.failed ? NULL : oaip_json_str(gen.data));
	oaip_buf_free(&gen);

	oaip_json_dump(&c, root, out);

cleanup:
	if (!c.ok)
		out->failed = true;
	json_decref(root);
}
