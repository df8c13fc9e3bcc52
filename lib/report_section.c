/* report_section.c - building the generic sections of a report model
 * (report.h says how to add one). */
#include "config.h"

#include <jansson.h>
#include <stdarg.h>
#include <string.h>

#include "report.h"

oaip_rsection *oaip_rsection_add(oaip_rsections *list, oaip_arena *a,
                                 oaip_rplace place, const char *id,
                                 const char *title)
{
	oaip_rsection *s = oaip_arena_alloc(a, sizeof *s);
	if (!s)
		return NULL;
	s->place = place;
	s->id = oaip_arena_strdup(a, id);
	s->title = oaip_arena_strdup(a, title);
	if (list->last)
		list->last->next = s;
	else
		list->first = s;
	list->last = s;
	return s;
}

static oaip_rblock *block(oaip_arena *a, oaip_rsection *s, oaip_rblock_kind k)
{
	if (!s)
		return NULL;
	oaip_rblock *b = oaip_arena_alloc(a, sizeof *b);
	if (!b)
		return NULL;
	b->kind = k;
	if (s->last)
		s->last->next = b;
	else
		s->first = b;
	s->last = b;
	return b;
}

void oaip_rsection_para(oaip_arena *a, oaip_rsection *s, const char *fmt, ...)
{
	oaip_rblock *b = block(a, s, OAIP_RB_PARA);
	if (!b)
		return;
	oaip_buf t;
	oaip_buf_init(&t);
	va_list ap;
	va_start(ap, fmt);
	oaip_buf_vprintf(&t, fmt, ap);
	va_end(ap);
	b->text = oaip_arena_take(a, &t);
	oaip_buf_free(&t);
}

static void text_block(oaip_arena *a, oaip_rsection *s, oaip_rblock_kind k,
                       const char *label, const char *text, const char *by)
{
	oaip_rblock *b = block(a, s, k);
	if (!b)
		return;
	b->label = oaip_arena_strdup(a, label);
	b->text = oaip_arena_strdup(a, text ? text : "");
	b->by = oaip_arena_strdup(a, by);
}

void oaip_rsection_caution(oaip_arena *a, oaip_rsection *s, const char *text)
{
	text_block(a, s, OAIP_RB_CAUTION, NULL, text, NULL);
}

void oaip_rsection_heading(oaip_arena *a, oaip_rsection *s, const char *text)
{
	text_block(a, s, OAIP_RB_HEADING, NULL, text, NULL);
}

void oaip_rsection_item(oaip_arena *a, oaip_rsection *s, const char *label,
                        const char *text)
{
	text_block(a, s, OAIP_RB_ITEM, label, text, NULL);
}

void oaip_rsection_quote(oaip_arena *a, oaip_rsection *s, const char *text,
                         const char *by)
{
	text_block(a, s, OAIP_RB_QUOTE, NULL, text, by);
}

oaip_rtable *oaip_rsection_table(oaip_arena *a, oaip_rsection *s,
                                 const char *caption, const oaip_rcolumn *cols,
                                 size_t n_cols)
{
	oaip_rblock *b = block(a, s, OAIP_RB_TABLE);
	if (!b)
		return NULL;
	oaip_rtable *t = oaip_arena_alloc(a, sizeof *t);
	oaip_rcolumn *c =
	    oaip_arena_alloc(a, (n_cols ? n_cols : 1) * sizeof *c);
	if (!t || !c)
		return NULL;
	for (size_t i = 0; i < n_cols; i++) {
		c[i].key = oaip_arena_strdup(a, cols[i].key);
		c[i].heading = oaip_arena_strdup(a, cols[i].heading);
		c[i].numeric = cols[i].numeric;
	}
	t->caption = oaip_arena_strdup(a, caption);
	t->cols = c;
	t->n_cols = n_cols;
	b->table = t;
	return t;
}

void oaip_rsection_pairs(oaip_arena *a, oaip_rsection *s,
                         const oaip_html_pairs *c)
{
	oaip_rblock *b = block(a, s, OAIP_RB_PAIRS);
	if (!b)
		return;
	oaip_html_pairs *p = oaip_arena_alloc(a, sizeof *p);
	oaip_html_pair *g = oaip_arena_alloc(a, (c->n ? c->n : 1) * sizeof *g);
	if (!p || !g)
		return;
	p->title = oaip_arena_strdup(a, c->title);
	p->desc = oaip_arena_strdup(a, c->desc);
	p->caption = oaip_arena_strdup(a, c->caption);
	p->then_label = oaip_arena_strdup(a, c->then_label);
	p->now_label = oaip_arena_strdup(a, c->now_label);
	p->missing_label = oaip_arena_strdup(a, c->missing_label);
	for (size_t i = 0; i < c->n; i++) {
		g[i] = c->groups[i];
		g[i].label = oaip_arena_strdup(a, c->groups[i].label);
	}
	p->groups = g;
	p->n = c->n;
	b->pairs = p;
}

void oaip_rtable_row(oaip_arena *a, oaip_rtable *t, const char *const *cells)
{
	if (!t)
		return;
	oaip_rrow *r = oaip_arena_alloc(a, sizeof *r);
	const char **v =
	    oaip_arena_alloc(a, (t->n_cols ? t->n_cols : 1) * sizeof *v);
	if (!r || !v)
		return;
	for (size_t i = 0; i < t->n_cols; i++) {
		v[i] = oaip_arena_strdup(a, cells[i] ? cells[i] : "");
		if (!v[i])
			return;
	}
	r->cells = v;
	if (t->last)
		t->last->next = r;
	else
		t->first = r;
	t->last = r;
	t->n_rows++;
}

void oaip_rtable_bars(oaip_arena *a, oaip_rtable *t, size_t col,
                      const char *const *keys, size_t n)
{
	if (!t || col >= t->n_cols || n == 0 || n > OAIP_RBAR_PARTS)
		return;
	const char **k = oaip_arena_alloc(a, n * sizeof *k);
	if (!k)
		return;
	for (size_t i = 0; i < n; i++)
		if (!(k[i] = oaip_arena_strdup(a, keys[i])))
			return;
	t->bar_col = col;
	t->bar_keys = k;
	t->n_bar_keys = n;
	t->cards = true;
}

void oaip_rtable_row_bar(oaip_arena *a, oaip_rtable *t, const size_t *counts)
{
	if (!t || !t->last || !t->bar_keys)
		return;
	size_t total = 0, sum = 0;
	for (size_t i = 0; i < t->n_bar_keys; i++)
		total += counts[i];
	if (!total)
		return;
	oaip_rbar *bar = oaip_arena_alloc(a, sizeof *bar);
	if (!bar)
		return;
	/* Each part from where the one before it ends, the ends rounded to
	 * a tenth of a per cent: no gap, no overlap, 100 in all. */
	double from = 0;
	for (size_t i = 0; i < t->n_bar_keys; i++) {
		sum += counts[i];
		double to =
		    oaip_score_round(100.0 * (double)sum / (double)total);
		bar->from[i] = from;
		bar->width[i] = oaip_score_round(to - from);
		from = to;
	}
	t->last->bar = bar;
}

void oaip_rsection_json(oaip_arena *a, oaip_rsection *s, const oaip_json *c,
                        json_t *js)
{
	if (s && c->ok)
		s->json = js;
	else
		json_decref(js);
	if (!c->ok)
		a->failed = true;
}

void oaip_rsections_free(oaip_rsections *list)
{
	for (oaip_rsection *s = list->first; s; s = s->next) {
		json_decref(s->json);
		s->json = NULL;
	}
}
