/* json.c - building JSON reports with jansson (the score report,
 * render_json.c).
 *
 * A report is a tree of jansson values built with oaip_json_put and
 * oaip_json_append, which take ownership of what they are given, so the
 * whole tree is released with one json_decref of its root.  Allocation
 * failures are not checked at every step: they are recorded in an
 * oaip_json context and looked at once, by oaip_json_dump.
 *
 * The comparison report writes its JSON directly (render_compare.c says
 * why). */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

/* Two spaces of indentation, members in the order they were added, and
 * reals with ten significant digits: a score rounded to one decimal, such
 * as 66.7, is written 66.7, not 66.700000000000003. */
#define DUMP_FLAGS                                                             \
	(JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))

void oaip_json_put(oaip_json *c, json_t *obj, const char *key, json_t *value)
{
	if (!obj) {
		json_decref(value);
		c->ok = false;
		return;
	}
	/* json_object_set_new releases value even when it fails, and fails
	 * when value is NULL. */
	if (json_object_set_new(obj, key, value) != 0)
		c->ok = false;
}

void oaip_json_append(oaip_json *c, json_t *arr, json_t *value)
{
	if (!arr) {
		json_decref(value);
		c->ok = false;
		return;
	}
	/* Like json_object_set_new, this releases value when it fails. */
	if (json_array_append_new(arr, value) != 0)
		c->ok = false;
}

json_t *oaip_json_str(const char *s)
{
	if (!s)
		return json_null();
	size_t len = strlen(s);
	/* Checked here, so jansson need not check it again. */
	if (oaip_utf8_valid(s, len))
		return json_stringn_nocheck(s, len);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_utf8_sanitize(&b, s, len);
	json_t *j =
	    b.failed ? NULL : json_stringn_nocheck(b.data ? b.data : "", b.len);
	oaip_buf_free(&b);
	return j;
}

json_t *oaip_json_score(bool has, double score)
{
	/* json_real refuses NaN and infinities (NULL, so the report fails
	 * rather than hold invalid JSON); scores are never either. */
	return has ? json_real(oaip_score_round(score)) : json_null();
}

static int to_buf(const char *text, size_t size, void *data)
{
	oaip_buf *out = data;
	oaip_buf_putn(out, text, size);
	return out->failed ? -1 : 0;
}

void oaip_json_dump(oaip_json *c, const json_t *root, oaip_buf *out)
{
	/* Written straight into out, not through a second copy of the
	 * text. */
	if (!c->ok || !root ||
	    json_dump_callback(root, to_buf, out, DUMP_FLAGS))
		c->ok = false;
	else
		oaip_buf_putc(out, '\n');
	if (!c->ok || out->failed) {
		c->ok = false;
		out->failed = true;
	}
}
