/* html_pairs.c - a chart of paired bars ("last time" and "this time" for
 * each cornerstone) as inline SVG.  Markup only: the numbers and every
 * word come from the caller.
 *
 * Accessible: role="img" with a <title> and a <desc> that repeat every
 * number; each bar is labelled in words beside it ("Last time 41.7%"),
 * and the two series differ in pattern (outlined and hatched against
 * solid) as well as colour, so neither colour nor position alone carries
 * the meaning.  A missing score is drawn as a dashed outline with its
 * reason, never as a bar of 0. */
#include "config.h"

#include "private.h"

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

static double clamp100(double v)
{
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

void oaip_html_pair_chart(oaip_buf *out, const char *id,
                          const oaip_html_pairs *c)
{
	const double x0 = 4, bar_w = 300, bar_h = 22, label_w = 150;
	const double group_h = 30 + 2 * (bar_h + 6) + 14;
	const double width = x0 + bar_w + 14 + label_w;
	const double height = group_h * (double)c->n + 4;

	oaip_buf_puts(out, "<figure class=\"chart\">\n");
	oaip_html_svg_begin(out, id, width, height, 16, c->title, c->desc);
	oaip_buf_puts(out, "<defs><pattern id=\"");
	esc(out, id);
	oaip_buf_puts(out, "-hatch\" width=\"6\" height=\"6\" "
	                   "patternUnits=\"userSpaceOnUse\" "
	                   "patternTransform=\"rotate(45)\">"
	                   "<rect width=\"6\" height=\"6\" fill=\"#e3eef2\"/>"
	                   "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
	                   "stroke=\"#5f8ea3\" stroke-width=\"2\"/>"
	                   "</pattern></defs>\n");

	for (size_t i = 0; i < c->n; i++) {
		const oaip_html_pair *g = &c->groups[i];
		double y = group_h * (double)i;
		oaip_buf_printf(out,
		                "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1f2a33\" "
		                "font-weight=\"600\" font-size=\"17\">",
		                x0, y + 20);
		esc(out, g->label);
		oaip_buf_puts(out, "</text>\n");
		for (int k = 0; k < 2; k++) {
			double by = y + 30 + (double)k * (bar_h + 6);
			bool has = k ? g->has_now : g->has_then;
			double v = k ? g->now : g->then;
			const char *series = k ? c->now_label : c->then_label;
			oaip_buf_printf(out,
			                "<rect x=\"%.1f\" y=\"%.1f\" "
			                "width=\"%.1f\" height=\"%.1f\" "
			                "fill=\"#f3f5f6\"/>\n",
			                x0, by, bar_w, bar_h);
			if (has && clamp100(v) > 0) {
				double w = bar_w * clamp100(v) / 100.0;
				if (k)
					oaip_buf_printf(
					    out,
					    "<rect x=\"%.1f\" y=\"%.1f\" "
					    "width=\"%.1f\" height=\"%.1f\" "
					    "fill=\"#1f5f7a\"/>\n",
					    x0, by, w, bar_h);
				else {
					oaip_buf_printf(
					    out,
					    "<rect x=\"%.1f\" y=\"%.1f\" "
					    "width=\"%.1f\" height=\"%.1f\" "
					    "fill=\"url(#",
					    x0 + 1, by + 1, w > 2 ? w - 2 : w,
					    bar_h - 2);
					esc(out, id);
					oaip_buf_puts(out,
					              "-hatch)\" "
					              "stroke=\"#1f5f7a\" "
					              "stroke-width=\"2\"/>\n");
				}
			} else if (!has) {
				oaip_buf_printf(
				    out,
				    "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"%.1f\" height=\"%.1f\" "
				    "fill=\"none\" stroke=\"#6b7680\" "
				    "stroke-dasharray=\"4 3\"/>\n",
				    x0 + 0.5, by + 0.5, bar_w - 1, bar_h - 1);
			}
			oaip_buf_printf(out,
			                "<text x=\"%.1f\" y=\"%.1f\" "
			                "fill=\"#1f2a33\">",
			                x0 + bar_w + 10, by + bar_h - 6);
			esc(out, series);
			if (has)
				oaip_buf_printf(out,
				                " <tspan font-weight=\"700\">"
				                "%.1f%%</tspan>",
				                oaip_score_round(v));
			else {
				oaip_buf_puts(out,
				              " <tspan font-style=\"italic\">");
				esc(out, c->missing_label);
				oaip_buf_puts(out, "</tspan>");
			}
			oaip_buf_puts(out, "</text>\n");
		}
	}
	oaip_buf_puts(out, "</svg>\n");
	if (c->caption) {
		oaip_buf_puts(out, "<figcaption>");
		esc(out, c->caption);
		oaip_buf_puts(out, "</figcaption>\n");
	}
	oaip_buf_puts(out, "</figure>\n");
}
