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
 *                                   gaps, band}] in cornerstone order
 *   gaps                          [{indicator, cornerstone, rating,
 *                                   rating_label, target, weight, evidence,
 *                                   next_steps}] by cornerstone, then
 *                                   framework order
 *   strengths                     [{indicator, cornerstone, rating,
 *                                   rating_label, weight}]
 *   not_evaluated, not_applicable [indicator ids], framework order
 *   generator                     "oaip-eval VERSION"
 *
 * Scores are rounded with oaip_score_round, like every other output.
 * Text is written as UTF-8 (not \u-escaped); invalid bytes, which a
 * well-formed input never holds, become U+FFFD. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

#ifndef JSON_PRESERVE_ORDER
#define JSON_PRESERVE_ORDER 0
#endif

typedef struct ctx {
	bool ok; /* false once any allocation failed */
} ctx;

static void put(ctx *c, json_t *obj, const char *key, json_t *value)
{
	/* json_object_set_new releases value even when it fails. */
	if (!value || !obj || json_object_set_new(obj, key, value) != 0)
		c->ok = false;
}

static void append(ctx *c, json_t *arr, json_t *value)
{
	if (!value || !arr || json_array_append_new(arr, value) != 0)
		c->ok = false;
}

/* A JSON string for s (null for NULL), with invalid UTF-8 replaced. */
static json_t *str(const char *s)
{
	if (!s)
		return json_null();
	size_t len = strlen(s);
	if (oaip_utf8_valid(s, len))
		return json_stringn(s, len);
	oaip_buf b;
	oaip_buf_init(&b);
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			oaip_buf_putc(&b, s[i++]);
			continue;
		}
		size_t n = 0;
		for (size_t k = 2; k <= 4 && i + k <= len && !n; k++)
			if (oaip_utf8_valid(s + i, k))
				n = k;
		if (n) {
			oaip_buf_putn(&b, s + i, n);
			i += n;
		} else {
			oaip_buf_puts(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	json_t *j = b.failed ? NULL : json_stringn(b.data ? b.data : "", b.len);
	oaip_buf_free(&b);
	return j;
}

static json_t *score(bool has, double value)
{
	return has ? json_real(oaip_score_round(value)) : json_null();
}

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

static json_t *indicator_item(ctx *c, const oaip_result *r, size_t i, bool gap)
{
	const oaip_framework *fw = r->fw;
	const oaip_indicator *ind = &fw->indicators[i];
	const oaip_entry *e = &r->se->entries[i];
	json_t *o = json_object();
	put(c, o, "indicator", str(ind->id));
	put(c, o, "cornerstone", str(oaip_cornerstone_id(ind->cornerstone)));
	put(c, o, "rating", json_integer(e->level));
	put(c, o, "rating_label", str(level_label(fw, e->level)));
	if (gap)
		put(c, o, "target", json_integer(r->target));
	put(c, o, "weight", json_real(ind->weight));
	if (gap) {
		put(c, o, "evidence", str(e->evidence));
		put(c, o, "next_steps", str(e->next_steps));
	}
	return o;
}

static json_t *id_array(ctx *c, const oaip_result *r, const size_t *list,
                        size_t n)
{
	json_t *a = json_array();
	for (size_t k = 0; k < n; k++)
		append(c, a, str(r->fw->indicators[list[k]].id));
	return a;
}

void oaip_render_score_json(const oaip_result *r, const oaip_render_options *o,
                            oaip_buf *out)
{
	ctx c = {.ok = true};
	const oaip_framework *fw = r->fw;
	const oaip_selfeval *se = r->se;
	char *text = NULL;
	json_t *root = json_object();
	if (!root) {
		c.ok = false;
		goto cleanup;
	}

	put(&c, root, "school", str(se->school));
	put(&c, root, "file", str(se->file));
	put(&c, root, "date", str(o ? o->date : NULL));
	put(&c, root, "framework", str(fw->id));
	put(&c, root, "framework_title", str(fw->title));
	put(&c, root, "framework_publisher", str(fw->publisher));
	put(&c, root, "framework_version", str(fw->version));
	put(&c, root, "target", json_integer(r->target));
	put(&c, root, "target_label", str(level_label(fw, r->target)));
	put(&c, root, "phase", phase_value(r->phase));

	json_t *scale = json_array();
	for (size_t i = 0; i < fw->scale.n_levels; i++) {
		const oaip_level *l = &fw->scale.levels[i];
		json_t *lv = json_object();
		put(&c, lv, "value", json_integer(l->value));
		put(&c, lv, "id", str(l->id));
		put(&c, lv, "label", str(l->label));
		append(&c, scale, lv);
	}
	put(&c, root, "scale", scale);

	put(&c, root, "overall", score(r->has_overall, r->overall));
	size_t rated = 0, total = 0;
	json_t *css = json_array();
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_cornerstone_score *cs = &r->cs[k];
		json_t *j = json_object();
		put(&c, j, "id", str(oaip_cornerstone_id((oaip_cornerstone)k)));
		put(&c, j, "title",
		    str(oaip_cornerstone_title((oaip_cornerstone)k)));
		put(&c, j, "score", score(cs->has_score, cs->score));
		put(&c, j, "rated", json_integer((json_int_t)cs->rated));
		put(&c, j, "total", json_integer((json_int_t)cs->total));
		put(&c, j, "na", json_integer((json_int_t)cs->na));
		put(&c, j, "not_evaluated",
		    json_integer((json_int_t)cs->empty));
		put(&c, j, "at_target",
		    json_integer((json_int_t)cs->at_target));
		put(&c, j, "gaps", json_integer((json_int_t)cs->gaps));
		put(&c, j, "band", str(oaip_band(cs, &fw->scale, r->target)));
		append(&c, css, j);
		rated += cs->rated;
		total += cs->total;
	}
	put(&c, root, "rated", json_integer((json_int_t)rated));
	put(&c, root, "total", json_integer((json_int_t)total));
	put(&c, root, "cornerstones", css);

	json_t *gaps = json_array();
	for (size_t k = 0; k < r->n_gaps; k++)
		append(&c, gaps, indicator_item(&c, r, r->gaps[k], true));
	put(&c, root, "gaps", gaps);
	json_t *strengths = json_array();
	for (size_t k = 0; k < r->n_strengths; k++)
		append(&c, strengths,
		       indicator_item(&c, r, r->strengths[k], false));
	put(&c, root, "strengths", strengths);
	put(&c, root, "not_evaluated",
	    id_array(&c, r, r->not_evaluated, r->n_not_evaluated));
	put(&c, root, "not_applicable",
	    id_array(&c, r, r->not_applicable, r->n_not_applicable));

	oaip_buf gen;
	oaip_buf_init(&gen);
	oaip_buf_puts(&gen, "oaip-eval");
	if (o && o->program_version)
		oaip_buf_printf(&gen, " %s", o->program_version);
	put(&c, root, "generator", gen.failed ? NULL : str(gen.data));
	oaip_buf_free(&gen);

	if (!c.ok)
		goto cleanup;
	/* Ten significant digits print 66.7 as 66.7, not
	 * 66.700000000000003. */
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                            JSON_REAL_PRECISION(10));
	if (!text) {
		c.ok = false;
		goto cleanup;
	}
	oaip_buf_puts(out, text);
	oaip_buf_putc(out, '\n');

cleanup:
	if (!c.ok)
		out->failed = true;
	free(text);
	json_decref(root);
}
