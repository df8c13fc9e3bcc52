/* html.c - what every HTML report shares: the page shell (one
 * self-contained page: inline CSS and SVG, no script, nothing fetched),
 * the style sheet, tables, the bar chart.  Markup only: every piece of
 * text goes through oaip_escape_html. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Colours (WCAG contrast ratios; text needs 4.5:1, bars, lines and focus
 * outlines 3:1):
 *   #1f2a33 ink: on #ffffff 14.6, #f7f6f2 13.5, #eaf2f1 12.9, heat cells
 *            11.0 or more
 *   #4a5561 muted: on #ffffff 7.6, #f7f6f2 7.0, #eaf2f1 6.7, #eef0f2 6.7
 *   #0b5563 links: on #ffffff 8.4, #eaf2f1 7.4;  #123c3a headings 10.7+
 *   badges: #8a2c12 on #fbebe6 7.4, #1c5a36 on #e4f2e9 7.1, #3d4852 on
 *            #eef0f2 8.2
 *   bars #2b6a86 on #ffffff 6.0, on the #eef2f4 track 5.3; empty outline
 *   #6b7680 4.6; focus #b3541e 4.4 or more; quote rule #5b8f8a 3.4 */
static const char css[] =
    ":root{color-scheme:light}\n"
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;background:#f7f6f2;color:#1f2a33;"
    "font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica "
    "Neue\",Arial,sans-serif;font-size:1.0625rem;line-height:1.6}\n"
    ".page{max-width:56rem;margin:0 auto;padding:0 1.25rem}\n"
    "a{color:#0b5563;text-underline-offset:.15em}\n"
    "a:hover{text-decoration-thickness:2px}\n"
    "a:focus-visible{outline:3px solid #b3541e;outline-offset:2px;"
    "border-radius:2px}\n"
    ".skip{position:absolute;left:.5rem;top:-10rem;background:#ffffff;"
    "padding:.5rem 1rem;z-index:1}\n"
    ".skip:focus{top:.5rem}\n"
    "body>header{background:#eaf2f1;border-bottom:1px solid #b9cfcc}\n"
    "body>header .page{padding-top:1.5rem;padding-bottom:1.25rem}\n"
    ".kicker{margin:0;color:#33595a;font-weight:600;letter-spacing:.02em}\n"
    "h1{font-size:1.9rem;line-height:1.25;margin:.25rem 0 1rem;"
    "color:#123c3a}\n"
    "h2{font-size:1.45rem;line-height:1.3;margin:2.5rem 0 .75rem;"
    "color:#123c3a;border-bottom:2px solid #c9dcd9;padding-bottom:.25rem}\n"
    "h3{font-size:1.2rem;line-height:1.35;margin:2rem 0 .5rem;"
    "color:#123c3a}\n"
    "h4{font-size:1.05rem;line-height:1.4;margin:1.25rem 0 .35rem}\n"
    "h5{font-size:1rem;margin:1rem 0 .25rem}\n"
    "p{margin:.5rem 0}\n"
    ".meta{display:grid;grid-template-columns:max-content 1fr;"
    "gap:.2rem 1rem;margin:0}\n"
    ".meta dt{font-weight:600}\n"
    ".meta dd{margin:0}\n"
    "nav{margin:1.25rem 0 0}\n"
    "nav ul{list-style:none;margin:0;padding:0;display:flex;"
    "flex-wrap:wrap;gap:.25rem 1.25rem}\n"
    "main{display:block;padding-bottom:2rem}\n"
    ".muted{color:#4a5561}\n"
    ".ind-id{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,"
    "monospace;font-size:.85em;color:#4a5561;white-space:nowrap}\n"
    ".panel{background:#ffffff;border:1px solid #d5dcdf;border-radius:"
    ".5rem;padding:1rem 1.25rem;margin:1rem 0}\n"
    "figure{margin:1rem 0}\n"
    "figure.chart{background:#ffffff;border:1px solid #d5dcdf;"
    "border-radius:.5rem;padding:1rem}\n"
    "figure.chart svg{display:block;width:100%;height:auto;"
    "max-width:31rem;margin:0 auto}\n"
    "figcaption{color:#4a5561;font-size:.95rem;margin-top:.5rem}\n"
    ".table-wrap{overflow-x:auto;margin:1rem 0}\n"
    ".table-wrap:focus-visible{outline:3px solid #b3541e;"
    "outline-offset:2px}\n"
    "table.data{border-collapse:collapse;width:100%;background:#ffffff;"
    "margin:0;font-size:.975rem}\n"
    "table.data caption{text-align:left;font-weight:600;padding:0 0 .4rem;"
    "color:#1f2a33}\n"
    "table.data th,table.data td{border:1px solid #c7d0d4;padding:.45rem "
    ".6rem;text-align:left;vertical-align:top}\n"
    "table.data thead th{background:#eef2f1}\n"
    "table.data tbody th{font-weight:normal}\n"
    "table.data tbody th.name,table.data tfoot th{font-weight:600}\n"
    "table.data tfoot th,table.data tfoot td{background:#f3f5f4}\n"
    "table.data .num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "table.data td.num{white-space:nowrap}\n"
    "table.data .wide{width:32%}\n"
    "table.data .band{width:11rem}\n"
    ".score{font-weight:700;font-variant-numeric:tabular-nums}\n"
    ".badge{display:inline-block;border:1px solid;border-radius:.3rem;"
    "padding:0 .45rem;font-size:.875rem;font-weight:600;line-height:1.6;"
    "white-space:nowrap}\n"
    ".badge-below{background:#fbebe6;color:#8a2c12;border-color:#8a2c12}\n"
    ".badge-ok{background:#e4f2e9;color:#1c5a36;border-color:#1c5a36}\n"
    ".badge-none,.badge-na{background:#eef0f2;color:#3d4852;"
    "border-color:#3d4852}\n"
    ".overall{font-size:1.05rem}\n"
    ".caution{background:#fbebe6;border:1px solid #8a2c12;border-left:6px "
    "solid #8a2c12;border-radius:.4rem;padding:.75rem 1.25rem;margin:1rem 0;"
    "font-size:1.1rem}\n"
    "ul.bands{padding-left:1.25rem}\n"
    "ul.bands li{margin:.2rem 0}\n"
    ".gap{background:#ffffff;border:1px solid #d5dcdf;border-left:6px "
    "solid #8a2c12;border-radius:.4rem;padding:.25rem 1.25rem 1rem;"
    "margin:1rem 0}\n"
    ".gap h4{margin-top:.75rem}\n"
    ".gap dl{margin:.5rem 0 0}\n"
    ".gap dt{font-weight:600;margin-top:.5rem}\n"
    ".gap dd{margin:0 0 0 1rem}\n"
    ".practice{background:#f1f6f5;border:1px solid #c9dcd9;border-radius:"
    ".4rem;padding:.25rem 1.25rem 1rem;margin:1rem 0 1.5rem}\n"
    ".practice ul{padding-left:1.25rem}\n"
    ".practice li{margin:.2rem 0}\n"
    "figure.quote{margin:1rem 0 .25rem}\n"
    "blockquote{margin:0;padding:.5rem 1rem;border-left:4px solid #5b8f8a;"
    "background:#ffffff;font-size:1.05rem}\n"
    "blockquote p{margin:0}\n"
    "figure.quote figcaption{margin:.25rem 0 0 1.25rem}\n"
    "cite{font-style:normal}\n"
    /* a long file name or address wraps rather than widen the page */
    "main{overflow-wrap:break-word}\n"
    "code{overflow-wrap:anywhere}\n"
    /* Stacked bars beside counts (oaip_rbar) and their key: from dark
     * teal (the most favourable part) to dark orange, neutral grey last;
     * white seams tell neighbouring parts apart. */
    "svg.bar{display:block;width:100%;min-width:6rem;max-width:14rem;"
    "height:.7rem;margin:.3rem 0 .1rem}\n"
    "svg.bar rect{stroke:#ffffff;stroke-width:1px;"
    "vector-effect:non-scaling-stroke}\n"
    ".bar-key{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:.75rem 0 "
    ".25rem;font-size:.9rem;color:#4a5561}\n"
    ".bar-key svg{width:.8rem;height:.8rem;margin-right:.35rem;"
    "vertical-align:-.05rem}\n"
    ".bar-0{fill:#14594f}.bar-1{fill:#6fb0a4}.bar-2{fill:#eaa56c}"
    ".bar-3{fill:#a3400f}.bar-4{fill:#b9c1c8}\n"
    /* the heat classes are written from oaip_heat_steps */
    "body>footer{border-top:1px solid #d5dcdf;background:#ffffff;"
    "color:#4a5561;font-size:.925rem}\n"
    "body>footer .page{padding-top:1rem;padding-bottom:1.5rem}\n"
    "@media (max-width:40rem){body{font-size:1rem}h1{font-size:1.55rem}"
    ".meta{grid-template-columns:1fr}.meta dd{margin-bottom:.4rem}\n"
    "figure.chart{padding:.75rem .5rem}figure.chart svg .big{font-size:21px}\n"
    /* On a phone a table.cards becomes one card per row: the row's
     * header on top, then its plain-words band, then each cell under
     * its column's name (data-label); no sideways scrolling. */
    "table.cards,table.cards tbody,table.cards tfoot{display:block;"
    "background:none}\n"
    "table.cards caption{display:block}\n"
    "table.cards thead{position:absolute;width:1px;height:1px;"
    "overflow:hidden;clip-path:inset(50%);white-space:nowrap}\n"
    "table.cards tr{display:flex;flex-direction:column;background:#ffffff;"
    "border:1px solid #c7d0d4;border-radius:.4rem;margin:0 0 .75rem}\n"
    "table.cards tr>th{order:-2;border:0;text-align:left;"
    "padding:.4rem .75rem;font-size:1.05rem;font-weight:700;"
    "background:#eef2f1;border-radius:.4rem .4rem 0 0}\n"
    "table.data.cards td{display:flow-root;border:0;"
    "border-top:1px solid #e3e8ea;text-align:left;"
    "padding:.35rem .75rem .35rem 9.5rem;white-space:normal}\n"
    "table.data.cards td::before{content:attr(data-label);float:left;"
    "width:8.25rem;margin-left:-8.75rem;font-size:.9rem;"
    "line-height:1.4;font-weight:600;color:#4a5561}\n"
    "table.data.cards td:empty{display:none}\n"
    "table.data.cards td[data-band]{order:-1;font-weight:700;"
    "border-top:0;background:#f7f6f2}\n"
    "table.cards tfoot tr{border-width:2px}}\n"
    "@media print{\n"
    "@page{size:A4;margin:17mm 14mm 15mm}\n"
    "html{font-size:9.5pt}\n"
    "body{background:#ffffff;font-size:1rem;line-height:1.45}\n"
    "h1{font-size:1.7rem}h2{margin-top:1.5rem}\n"
    "figure.chart{padding:.5rem}\n"
    "figure.chart svg{max-width:72mm}\n"
    ".page{max-width:none;padding:0}\n"
    "nav,.skip{display:none}\n"
    ".table-wrap{overflow:visible}\n"
    "body>header{background:none;border-bottom:2px solid #1f2a33}\n"
    "body>footer{border-top:1px solid #1f2a33}\n"
    "a{color:inherit;text-decoration:none}\n"
    /* A heading stays with what it heads: with the paragraph under it,
     * and a table's caption and header row with its first row. */
    "h1,h2,h3,h4,h5,caption,thead,dt{break-after:avoid;"
    "page-break-after:avoid;break-inside:avoid}\n"
    /* (not a last child: its avoid would pass on to the break after
     * the box that holds it) */
    "h2+p:not(:last-child),h3+p:not(:last-child),h4+p:not(:last-child),"
    "h5+p:not(:last-child),.practice>p:not(:last-child){"
    "break-inside:avoid;break-after:avoid;page-break-after:avoid}\n"
    "tbody tr:first-child{break-before:avoid;page-break-before:avoid}\n"
    /* Kept whole: table rows, the summary table, short lists of
     * examples (a list longer than a page breaks between items). */
    "tr,li,dd,figure,blockquote,.panel,.caution,.practice ul,"
    "table.cards{break-inside:avoid;page-break-inside:avoid}\n"
    "p{orphans:2;widows:2}\n"
    /* Repeated at the top of each page a table runs onto. */
    "thead{display:table-header-group}\n"
    "tfoot{display:table-row-group}\n"
    /* (a long table of cards breaks between its rows) */
    "table.cards.split{break-inside:auto;page-break-inside:auto}\n"
    "svg.bar{height:.5rem;margin:.2rem 0 0}\n"
    ".badge,.gap,.caution,.heat-none,svg.bar,.bar-key svg{"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "}\n";

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

/* The heat map's shades, from the one table the legend also uses, and
 * kept in print. */
static void heat_css(oaip_buf *out)
{
	for (size_t i = 0; i < oaip_n_heat_steps; i++) {
		const oaip_heat_step *h = &oaip_heat_steps[i];
		if (h->hatched)
			oaip_buf_printf(out,
			                ".%s{background:repeating-linear-"
			                "gradient(135deg,%s 0 6px,#ffffff 6px "
			                "12px)}",
			                h->css_class, h->colour);
		else
			oaip_buf_printf(out, ".%s{background:%s}", h->css_class,
			                h->colour);
	}
	oaip_buf_puts(out, "." OAIP_HEAT_NONE "{background:#eef0f2;"
	                   "font-style:italic}\n@media print{");
	for (size_t i = 0; i < oaip_n_heat_steps; i++)
		oaip_buf_printf(out,
		                ".%s{-webkit-print-color-adjust:exact;"
		                "print-color-adjust:exact}",
		                oaip_heat_steps[i].css_class);
	oaip_buf_puts(out, "}\n");
}

/* The printed page's margins: what the page is about (top left), what it
 * is (top right) and "page N of M" (bottom right), as @page margin boxes
 * (Chromium prints them from version 131). */
static void running_head(oaip_buf *out, const char *name, const char *title)
{
	static const char box[] =
	    "font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,"
	    "sans-serif;font-size:8pt;color:#4a5561;";
	oaip_buf_puts(out, "@media print{@page{@top-left{content:");
	oaip_escape_css_string(out, name);
	oaip_buf_printf(out, ";%svertical-align:bottom;padding-bottom:4mm}",
	                box);
	if (title) {
		oaip_buf_puts(out, "@top-right{content:");
		oaip_escape_css_string(out, title);
		oaip_buf_printf(out,
		                ";%stext-align:right;vertical-align:bottom;"
		                "padding-bottom:4mm}",
		                box);
	}
	oaip_buf_printf(out,
	                "@bottom-right{content:\"page \" counter(page) \" of "
	                "\" counter(pages);%stext-align:right;"
	                "vertical-align:top;padding-top:4mm}}}\n",
	                box);
}

void oaip_html_page_start(oaip_buf *out, const oaip_html_page *page)
{
	oaip_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	                   "<meta charset=\"utf-8\">\n"
	                   "<meta name=\"viewport\" content=\"width=device-"
	                   "width, initial-scale=1\">\n<title>");
	esc(out, page->title);
	oaip_buf_puts(out, "</title>\n<style>\n");
	oaip_buf_puts(out, css);
	heat_css(out);
	running_head(out, page->print_name ? page->print_name : page->title,
	             page->print_title);
	if (page->extra_css)
		oaip_buf_puts(out, page->extra_css);
	oaip_buf_puts(out, "</style>\n</head>\n<body>\n"
	                   "<a class=\"skip\" href=\"#main\">Skip to the "
	                   "report</a>\n");
}

void oaip_html_page_begin(oaip_buf *out, const char *title,
                          const char *extra_css)
{
	oaip_html_page page = {.title = title, .extra_css = extra_css};
	oaip_html_page_start(out, &page);
}

void oaip_html_page_end(oaip_buf *out, const char *footer_html)
{
	if (footer_html && *footer_html) {
		oaip_buf_puts(out, "<footer>\n<div class=\"page\">\n");
		oaip_buf_puts(out, footer_html);
		oaip_buf_puts(out, "\n</div>\n</footer>\n");
	}
	oaip_buf_puts(out, "</body>\n</html>\n");
}

void oaip_html_text_br(oaip_buf *out, const char *s)
{
	if (!s)
		return;
	while (*s) {
		size_t n = strcspn(s, "\r\n");
		char *line = oaip_strndup(s, n);
		if (!line) {
			out->failed = true;
			return;
		}
		oaip_escape_html(out, line);
		free(line);
		s += n;
		if (!*s)
			break;
		if (s[0] == '\r' && s[1] == '\n')
			s++;
		s++;
		oaip_buf_puts(out, "<br>\n");
	}
}

void oaip_html_table_begin_as(oaip_buf *out, const char *id,
                              const char *caption, const char *classes)
{
	oaip_buf_puts(out, "<div class=\"table-wrap\" role=\"region\" "
	                   "aria-labelledby=\"");
	esc(out, id);
	oaip_buf_printf(out,
	                "-caption\" tabindex=\"0\">\n<table class=\"%s\">\n"
	                "<caption id=\"",
	                classes);
	esc(out, id);
	oaip_buf_puts(out, "-caption\">");
	esc(out, caption);
	oaip_buf_puts(out, "</caption>\n");
}

void oaip_html_section_begin(oaip_buf *out, const char *id, const char *title)
{
	oaip_buf_puts(out, "<section aria-labelledby=\"");
	esc(out, id);
	oaip_buf_puts(out, "\">\n<h2 id=\"");
	esc(out, id);
	oaip_buf_puts(out, "\">");
	esc(out, title);
	oaip_buf_puts(out, "</h2>\n");
}

void oaip_html_svg_begin(oaip_buf *out, const char *id, double width,
                         double height, int font_size, const char *title,
                         const char *desc)
{
	oaip_buf_printf(out,
	                "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	                "height=\"%.0f\" role=\"img\" aria-labelledby=\"",
	                width, height, width, height);
	esc(out, id);
	oaip_buf_puts(out, "-title ");
	esc(out, id);
	oaip_buf_printf(out,
	                "-desc\" font-family=\"system-ui, -apple-system, "
	                "'Segoe UI', Roboto, Arial, sans-serif\" "
	                "font-size=\"%d\">\n<title id=\"",
	                font_size);
	esc(out, id);
	oaip_buf_puts(out, "-title\">");
	esc(out, title);
	oaip_buf_puts(out, "</title>\n<desc id=\"");
	esc(out, id);
	oaip_buf_puts(out, "-desc\">");
	esc(out, desc);
	oaip_buf_puts(out, "</desc>\n");
}

void oaip_html_table_begin(oaip_buf *out, const char *id, const char *caption)
{
	oaip_html_table_begin_as(out, id, caption, "data");
}

void oaip_html_cards_begin(oaip_buf *out, const char *id, const char *caption)
{
	oaip_html_table_begin_as(out, id, caption, "data cards");
}

void oaip_html_table_end(oaip_buf *out)
{
	oaip_buf_puts(out, "</table>\n</div>\n");
}

static double clamp100(double v)
{
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

/* Each bar has its label above it, so long labels (school names) need no
 * column of their own and the picture stays narrow enough to read on a
 * phone.  Quarter marks divide each bar's track; the marker, if any, is
 * drawn across each track only, never through text. */
void oaip_html_bar_chart(oaip_buf *out, const char *id, const char *title,
                         const char *desc, const oaip_html_bar *bars, size_t n,
                         double marker, const char *marker_label)
{
	/* Geometry in SVG user units; the picture scales to its box. */
	const double x0 = 4, bar_w = 330, bar_h = 26, row_h = 66;
	const double value_x = x0 + bar_w + 14, width = value_x + 110;
	const double top = marker >= 0 ? 30 : 4, axis_h = 30;
	const double height = top + row_h * (double)n + axis_h;
	const double mx = x0 + bar_w * clamp100(marker) / 100.0;

	oaip_html_svg_begin(out, id, width, height, 17, title, desc);

	if (marker >= 0) {
		oaip_buf_printf(
		    out,
		    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
		    "fill=\"#8a2c12\" font-size=\"15\">",
		    mx, top - 10, marker > 50 ? "end" : "start");
		esc(out, marker_label);
		/* A tick under its label, clear of the first bar's label. */
		oaip_buf_printf(out,
		                "</text>\n<line x1=\"%.1f\" y1=\"%.1f\" "
		                "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8a2c12\" "
		                "stroke-width=\"2\"/>\n",
		                mx, top - 6, mx, top + 2);
	}

	for (size_t i = 0; i < n; i++) {
		const oaip_html_bar *b = &bars[i];
		double y = top + row_h * (double)i;
		double by = y + 28;
		double ty = by + bar_h / 2 + 6;
		oaip_buf_printf(out,
		                "<text class=\"big\" x=\"%.1f\" y=\"%.1f\" "
		                "fill=\"#1f2a33\">",
		                x0, y + 20);
		esc(out, b->label);
		oaip_buf_puts(out, "</text>\n");
		bool tentative = b->tentative;
		const char *empty =
		    b->empty_text ? b->empty_text : "not evaluated";
		if (b->has_value) {
			double w = bar_w * clamp100(b->value) / 100.0;
			oaip_buf_printf(
			    out,
			    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			    "height=\"%.1f\" fill=\"#eef2f4\"/>\n",
			    x0, by, bar_w, bar_h);
			for (int q = 1; q < 4; q++)
				oaip_buf_printf(out,
				                "<line x1=\"%.1f\" y1=\"%.1f\" "
				                "x2=\"%.1f\" y2=\"%.1f\" "
				                "stroke=\"#ffffff\" "
				                "stroke-width=\"2\"/>\n",
				                x0 + bar_w * q / 4.0, by,
				                x0 + bar_w * q / 4.0,
				                by + bar_h);
			if (w > 0 && tentative)
				oaip_buf_printf(
				    out,
				    "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"%.1f\" height=\"%.1f\" "
				    "fill=\"#d3e3ea\" stroke=\"#2b6a86\" "
				    "stroke-width=\"2\"/>\n",
				    x0 + 1, by + 1, w > 2 ? w - 2 : w,
				    bar_h - 2);
			else if (w > 0)
				oaip_buf_printf(
				    out,
				    "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"%.1f\" height=\"%.1f\" "
				    "fill=\"#2b6a86\"/>\n",
				    x0, by, w, bar_h);
			oaip_buf_printf(
			    out,
			    "<text class=\"big\" x=\"%.1f\" y=\"%.1f\" "
			    "fill=\"#1f2a33\" font-weight=\"700\">"
			    "%.1f%%</text>\n",
			    value_x, ty, oaip_score_round(b->value));
		} else {
			oaip_buf_printf(
			    out,
			    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			    "height=\"%.1f\" fill=\"none\" "
			    "stroke=\"#6b7680\" stroke-width=\"1\" "
			    "stroke-dasharray=\"4 3\"/>\n"
			    "<text class=\"big\" x=\"%.1f\" y=\"%.1f\" "
			    "fill=\"#4a5561\" "
			    "font-style=\"italic\">",
			    x0 + 0.5, by + 0.5, bar_w - 1, bar_h - 1, x0 + 10,
			    ty - 1);
			esc(out, empty);
			oaip_buf_puts(out, "</text>\n");
			oaip_buf_printf(
			    out,
			    "<text class=\"big\" x=\"%.1f\" y=\"%.1f\" "
			    "fill=\"#4a5561\">no score</text>\n",
			    value_x, ty);
		}
		/* The marker crosses each track, never a label: a label may
		 * run past it (a school's name, a count). */
		if (marker >= 0)
			oaip_buf_printf(
			    out,
			    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#8a2c12\" "
			    "stroke-width=\"2\" "
			    "stroke-dasharray=\"5 3\"/>\n",
			    mx, by - 6, mx, by + bar_h + 6);
	}

	/* The scale under the last bar. */
	double ay = top + row_h * (double)n + 16;
	for (int t = 0; t <= 100; t += 25)
		oaip_buf_printf(
		    out,
		    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
		    "fill=\"#4a5561\" font-size=\"15\">%d%%</text>\n",
		    x0 + bar_w * t / 100.0, ay,
		    t == 0     ? "start"
		    : t == 100 ? "end"
		               : "middle",
		    t);
	oaip_buf_puts(out, "</svg>\n");
}
