/* render_sections.c - the generic sections of a report model (report.h:
 * "How to add a section") and the sections every report shares (how
 * scores are worked out) in each format.  Markup only. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* ---- Markdown ---------------------------------------------------------- */

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s ? s : "", false);
}

/* A paragraph (or a heading: level "##"), then a blank line. */
static void md_para(oaip_buf *out, const char *level, const char *text)
{
	if (level)
		oaip_buf_printf(out, "%s ", level);
	md(out, text);
	oaip_buf_puts(out, "\n\n");
}

/* An item of a list, with its label in bold; a blank line after the
 * last. */
static void md_item(oaip_buf *out, const char *label, const char *text,
                    bool last)
{
	oaip_buf_puts(out, "- ");
	if (label) {
		oaip_buf_puts(out, "**");
		md(out, label);
		oaip_buf_puts(out, ":** ");
	}
	md(out, text);
	oaip_buf_puts(out, last ? "\n\n" : "\n");
}

static void md_table(oaip_buf *out, const oaip_rtable *t)
{
	if (t->caption) {
		oaip_buf_puts(out, "**");
		md(out, t->caption);
		oaip_buf_puts(out, "**\n\n");
	}
	oaip_buf_puts(out, "|");
	for (size_t c = 0; c < t->n_cols; c++) {
		oaip_buf_puts(out, " ");
		md(out, t->cols[c].heading);
		oaip_buf_puts(out, " |");
	}
	oaip_buf_puts(out, "\n|");
	for (size_t c = 0; c < t->n_cols; c++)
		oaip_buf_puts(out, t->cols[c].numeric ? "---:|" : "---|");
	oaip_buf_putc(out, '\n');
	for (const oaip_rrow *r = t->first; r; r = r->next) {
		oaip_buf_puts(out, "|");
		for (size_t c = 0; c < t->n_cols; c++) {
			oaip_buf_puts(out, " ");
			md(out, r->cells[c]);
			oaip_buf_puts(out, " |");
		}
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_putc(out, '\n');
}

void oaip_sections_md(const oaip_rsections *l, oaip_rplace place, oaip_buf *out)
{
	for (const oaip_rsection *s = l->first; s; s = s->next) {
		if (s->place != place)
			continue;
		md_para(out, "##", s->title);
		for (const oaip_rblock *b = s->first; b; b = b->next) {
			switch (b->kind) {
			case OAIP_RB_PARA:
				md_para(out, NULL, b->text);
				break;
			case OAIP_RB_CAUTION:
				oaip_buf_puts(out, "**");
				md(out, b->text);
				oaip_buf_puts(out, "**\n\n");
				break;
			case OAIP_RB_HEADING:
				md_para(out, "###", b->text);
				break;
			case OAIP_RB_ITEM:
				md_item(out, b->label, b->text,
				        !b->next ||
				            b->next->kind != OAIP_RB_ITEM);
				break;
			case OAIP_RB_QUOTE:
				oaip_buf_puts(out, "> “");
				md(out, b->text);
				oaip_buf_puts(out, "”");
				if (b->by) {
					oaip_buf_puts(out, " — ");
					md(out, b->by);
				}
				oaip_buf_puts(out, "\n\n");
				break;
			case OAIP_RB_TABLE:
				md_table(out, b->table);
				break;
			case OAIP_RB_PAIRS: /* its table says it all */
				break;
			}
		}
	}
}

void oaip_method_md(const oaip_rmethod *m, oaip_buf *out)
{
	md_para(out, "##", m->title);
	for (size_t i = 0; i < m->n; i++) {
		const oaip_rmethod_part *p = &m->v[i];
		if (p->band)
			md_item(out, p->band, p->text,
			        i + 1 == m->n || !p[1].band);
		else
			md_para(out, NULL, p->text);
	}
}

/* ---- HTML -------------------------------------------------------------- */

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

/* The key to a table's bars: each part's shade and name.  The bars are
 * hidden from screen readers (the cells' text says it all), so is their
 * key. */
static void html_bar_key(oaip_buf *out, const oaip_rtable *t)
{
	oaip_buf_puts(out, "<p class=\"bar-key\" aria-hidden=\"true\">");
	for (size_t k = 0; k < t->n_bar_keys; k++) {
		oaip_buf_printf(out,
		                "<span><svg viewBox=\"0 0 10 10\"><rect "
		                "class=\"bar-%zu\" width=\"10\" height=\"10\"/>"
		                "</svg>",
		                k);
		esc(out, t->bar_keys[k]);
		oaip_buf_puts(out, "</span>");
	}
	oaip_buf_puts(out, "</p>\n");
}

static void html_bar(oaip_buf *out, const oaip_rtable *t, const oaip_rbar *b)
{
	oaip_buf_puts(out,
	              "<svg class=\"bar\" viewBox=\"0 0 100 10\" "
	              "preserveAspectRatio=\"none\" aria-hidden=\"true\">");
	for (size_t k = 0; k < t->n_bar_keys; k++) {
		if (b->width[k] <= 0)
			continue;
		oaip_buf_printf(out, "<rect class=\"bar-%zu\" x=\"", k);
		oaip_put_score(out, b->from[k]);
		oaip_buf_puts(out, "\" width=\"");
		oaip_put_score(out, b->width[k]);
		oaip_buf_puts(out, "\" height=\"10\"/>");
	}
	oaip_buf_puts(out, "</svg>");
}

static void html_table(oaip_buf *out, const oaip_rsection *s, size_t k,
                       const oaip_rtable *t)
{
	oaip_buf id;
	oaip_buf_init(&id);
	oaip_buf_printf(&id, "%s-table-%zu", s->id, k);
	if (t->bar_keys)
		html_bar_key(out, t);
	oaip_html_table_begin_as(out, id.failed ? s->id : id.data,
	                         t->caption ? t->caption : s->title,
	                         t->cards ? "data cards split" : "data");
	oaip_buf_free(&id);
	oaip_buf_puts(out, "<thead>\n<tr>");
	for (size_t c = 0; c < t->n_cols; c++) {
		oaip_buf_printf(out, "<th scope=\"col\"%s>",
		                t->cols[c].numeric ? " class=\"num\"" : "");
		esc(out, t->cols[c].heading);
		oaip_buf_puts(out, "</th>");
	}
	oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (const oaip_rrow *r = t->first; r; r = r->next) {
		oaip_buf_puts(out, "<tr>");
		for (size_t c = 0; c < t->n_cols; c++) {
			if (c == 0)
				oaip_buf_puts(out, "<th scope=\"row\">");
			else
				oaip_buf_printf(
				    out, "<td%s",
				    t->cols[c].numeric ? " class=\"num\"" : "");
			if (c > 0 && t->cards) {
				oaip_buf_puts(out, " data-label=\"");
				esc(out, t->cols[c].heading);
				oaip_buf_putc(out, '"');
			}
			if (c > 0)
				oaip_buf_putc(out, '>');
			esc(out, r->cells[c]);
			if (r->bar && c == t->bar_col)
				html_bar(out, t, r->bar);
			oaip_buf_puts(out, c == 0 ? "</th>" : "</td>");
		}
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n");
	oaip_html_table_end(out);
}

static void html_pairs(oaip_buf *out, const oaip_rsection *s, size_t k,
                       const oaip_html_pairs *c)
{
	if (!c)
		return;
	oaip_buf id;
	oaip_buf_init(&id);
	oaip_buf_printf(&id, "%s-chart-%zu", s->id, k);
	oaip_html_pair_chart(out, id.failed ? s->id : id.data, c);
	oaip_buf_free(&id);
}

static void html_para(oaip_buf *out, const char *text)
{
	oaip_buf_puts(out, "<p>");
	esc(out, text);
	oaip_buf_puts(out, "</p>\n");
}

/* An item of a list opened with ul (the first) and closed after the
 * last, with its label in bold. */
static void html_item(oaip_buf *out, const char *ul, const char *label,
                      const char *text, bool first, bool last)
{
	if (first)
		oaip_buf_printf(out, "%s\n", ul);
	oaip_buf_puts(out, "<li>");
	if (label) {
		oaip_buf_puts(out, "<strong>");
		esc(out, label);
		oaip_buf_puts(out, ":</strong> ");
	}
	esc(out, text);
	oaip_buf_puts(out, "</li>\n");
	if (last)
		oaip_buf_puts(out, "</ul>\n");
}

void oaip_sections_html(const oaip_rsections *l, oaip_rplace place,
                        oaip_buf *out)
{
	for (const oaip_rsection *s = l->first; s; s = s->next) {
		if (s->place != place)
			continue;
		oaip_html_section_begin(out, s->id, s->title);
		size_t tables = 0, charts = 0;
		const oaip_rblock *prev = NULL;
		for (const oaip_rblock *b = s->first; b;
		     prev = b, b = b->next) {
			switch (b->kind) {
			case OAIP_RB_PARA:
				html_para(out, b->text);
				break;
			case OAIP_RB_CAUTION:
				oaip_buf_puts(out, "<p class=\"caution\">"
				                   "<strong>");
				esc(out, b->text);
				oaip_buf_puts(out, "</strong></p>\n");
				break;
			case OAIP_RB_HEADING:
				oaip_buf_puts(out, "<h3>");
				esc(out, b->text);
				oaip_buf_puts(out, "</h3>\n");
				break;
			case OAIP_RB_ITEM:
				html_item(out, "<ul>", b->label, b->text,
				          !prev || prev->kind != OAIP_RB_ITEM,
				          !b->next ||
				              b->next->kind != OAIP_RB_ITEM);
				break;
			case OAIP_RB_QUOTE:
				oaip_buf_puts(out, "<figure class=\"quote\">\n"
				                   "<blockquote><p>“");
				esc(out, b->text);
				oaip_buf_puts(out, "”</p></blockquote>\n");
				if (b->by) {
					oaip_buf_puts(out, "<figcaption>— "
					                   "<cite>");
					esc(out, b->by);
					oaip_buf_puts(out, "</cite>"
					                   "</figcaption>\n");
				}
				oaip_buf_puts(out, "</figure>\n");
				break;
			case OAIP_RB_TABLE:
				html_table(out, s, ++tables, b->table);
				break;
			case OAIP_RB_PAIRS:
				html_pairs(out, s, ++charts, b->pairs);
				break;
			}
		}
		oaip_buf_puts(out, "</section>\n");
	}
}

void oaip_sections_html_nav(const oaip_rsections *l, oaip_rplace place,
                            oaip_buf *out)
{
	for (const oaip_rsection *s = l->first; s; s = s->next) {
		if (s->place != place)
			continue;
		oaip_buf_puts(out, "<li><a href=\"#");
		esc(out, s->id);
		oaip_buf_puts(out, "\">");
		esc(out, s->title);
		oaip_buf_puts(out, "</a></li>\n");
	}
}

void oaip_method_html(const oaip_rmethod *m, oaip_buf *out)
{
	oaip_html_section_begin(out, "how", m->title);
	for (size_t i = 0; i < m->n; i++) {
		const oaip_rmethod_part *p = &m->v[i];
		if (p->band)
			html_item(out, "<ul class=\"bands\">", p->band, p->text,
			          i == 0 || !p[-1].band,
			          i + 1 == m->n || !p[1].band);
		else
			html_para(out, p->text);
	}
	oaip_buf_puts(out, "</section>\n");
}

/* ---- JSON -------------------------------------------------------------- */

static json_t *cell(const oaip_rcolumn *col, const char *text)
{
	if (col->numeric && *text) {
		char *end;
		double v = strtod(text, &end);
		if (*end == '\0') {
			if (v == (double)(json_int_t)v)
				return json_integer((json_int_t)v);
			return json_real(v);
		}
	}
	return oaip_json_str(text);
}

static json_t *generic(oaip_json *c, const oaip_rsection *s)
{
	json_t *o = json_object();
	json_t *text = json_array(), *items = json_array(),
	       *quotes = json_array(), *tables = json_array();
	oaip_json_put(c, o, "title", oaip_json_str(s->title));
	for (const oaip_rblock *b = s->first; b; b = b->next) {
		json_t *j;
		switch (b->kind) {
		case OAIP_RB_PARA:
		case OAIP_RB_CAUTION:
		case OAIP_RB_HEADING:
			oaip_json_append(c, text, oaip_json_str(b->text));
			break;
		case OAIP_RB_ITEM:
			j = json_object();
			oaip_json_put(c, j, "label", oaip_json_str(b->label));
			oaip_json_put(c, j, "text", oaip_json_str(b->text));
			oaip_json_append(c, items, j);
			break;
		case OAIP_RB_QUOTE:
			j = json_object();
			oaip_json_put(c, j, "text", oaip_json_str(b->text));
			oaip_json_put(c, j, "by", oaip_json_str(b->by));
			oaip_json_append(c, quotes, j);
			break;
		case OAIP_RB_TABLE: {
			const oaip_rtable *t = b->table;
			json_t *rows = json_array();
			for (const oaip_rrow *r = t->first; r; r = r->next) {
				json_t *row = json_object();
				for (size_t k = 0; k < t->n_cols; k++)
					oaip_json_put(
					    c, row, t->cols[k].key,
					    cell(&t->cols[k], r->cells[k]));
				oaip_json_append(c, rows, row);
			}
			j = json_object();
			oaip_json_put(c, j, "caption",
			              oaip_json_str(t->caption));
			oaip_json_put(c, j, "rows", rows);
			oaip_json_append(c, tables, j);
			break;
		}
		case OAIP_RB_PAIRS: /* its table says it all */
			break;
		}
	}
	oaip_json_put(c, o, "text", text);
	oaip_json_put(c, o, "items", items);
	oaip_json_put(c, o, "quotes", quotes);
	oaip_json_put(c, o, "tables", tables);
	return o;
}

void oaip_sections_json(const oaip_rsections *l, oaip_json *c, json_t *obj)
{
	for (const oaip_rsection *s = l->first; s; s = s->next) {
		char *key = strdup(s->id ? s->id : "section");
		if (!key) {
			c->ok = false;
			return;
		}
		for (char *p = key; *p; p++)
			if (*p == '-')
				*p = '_';
		oaip_json_put(c, obj, key,
		              s->json ? json_incref(s->json) : generic(c, s));
		free(key);
	}
}

json_t *oaip_method_json(oaip_json *c, const oaip_rmethod *m)
{
	json_t *a = json_array();
	for (size_t i = 0; i < m->n; i++) {
		json_t *p = json_object();
		oaip_json_put(c, p, "band", oaip_json_str(m->v[i].band));
		oaip_json_put(c, p, "text", oaip_json_str(m->v[i].text));
		oaip_json_append(c, a, p);
	}
	return a;
}
