/* render_html.c - the score report as one self-contained, accessible HTML
 * page (inline CSS and SVG, no script, nothing fetched), and the page shell
 * and chart shared with the comparison report.
 *
 * Every piece of text, from the school or from the framework, goes through
 * oaip_escape_html.  The renderer never recomputes a score: it only shows
 * what oaip_score_compute produced. */
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
    ".heat-0{background:#f9d9cf}.heat-1{background:#fbe7c6}"
    ".heat-2{background:#f4f1c9}.heat-3{background:#dcefd7}"
    ".heat-4{background:#c7e6df}.heat-none{background:#eef0f2;"
    "font-style:italic}\n"
    "body>footer{border-top:1px solid #d5dcdf;background:#ffffff;"
    "color:#4a5561;font-size:.925rem}\n"
    "body>footer .page{padding-top:1rem;padding-bottom:1.5rem}\n"
    "@media (max-width:40rem){body{font-size:1rem}h1{font-size:1.55rem}"
    ".meta{grid-template-columns:1fr}.meta dd{margin-bottom:.4rem}\n"
    "figure.chart{padding:.75rem .5rem}figure.chart svg .big{font-size:21px}}\n"
    "@media print{\n"
    "@page{size:A4;margin:15mm}\n"
    "html{font-size:10pt}\n"
    "body{background:#ffffff;font-size:1rem;line-height:1.45}\n"
    "h1{font-size:1.7rem}h2{margin-top:1.5rem}\n"
    "figure.chart{padding:.5rem}\n"
    "figure.chart svg{max-width:115mm}\n"
    ".page{max-width:none;padding:0}\n"
    "nav,.skip{display:none}\n"
    ".table-wrap{overflow:visible}\n"
    "body>header{background:none;border-bottom:2px solid #1f2a33}\n"
    "body>footer{border-top:1px solid #1f2a33}\n"
    "a{color:inherit;text-decoration:none}\n"
    "h2,h3,h4,h5{break-after:avoid;page-break-after:avoid}\n"
    "tr,figure,blockquote,.gap,.panel,.caution,.practice li{"
    "break-inside:avoid;"
    "page-break-inside:avoid}\n"
    "caption{break-after:avoid;page-break-after:avoid}\n"
    "thead{display:table-header-group}\n"
    "tfoot{display:table-row-group}\n"
    ".badge,.heat-0,.heat-1,.heat-2,.heat-3,.heat-4,.heat-none,.gap,"
    ".caution{"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "}\n";

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

void oaip_html_page_begin(oaip_buf *out, const char *title)
{
	oaip_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	                   "<meta charset=\"utf-8\">\n"
	                   "<meta name=\"viewport\" content=\"width=device-"
	                   "width, initial-scale=1\">\n<title>");
	esc(out, title);
	oaip_buf_puts(out, "</title>\n<style>\n");
	oaip_buf_puts(out, css);
	oaip_buf_puts(out, "</style>\n</head>\n<body>\n"
	                   "<a class=\"skip\" href=\"#main\">Skip to the "
	                   "report</a>\n");
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

void oaip_html_percent(oaip_buf *out, bool has, double score)
{
	if (has)
		oaip_buf_printf(out, "%.1f%%", oaip_score_round(score));
	else
		oaip_buf_puts(out, "not evaluated");
}

void oaip_html_table_begin(oaip_buf *out, const char *id, const char *caption)
{
	oaip_buf_puts(out, "<div class=\"table-wrap\" role=\"region\" "
	                   "aria-labelledby=\"");
	esc(out, id);
	oaip_buf_puts(out,
	              "-caption\" tabindex=\"0\">\n<table class=\"data\">\n"
	              "<caption id=\"");
	esc(out, id);
	oaip_buf_puts(out, "-caption\">");
	esc(out, caption);
	oaip_buf_puts(out, "</caption>\n");
}

void oaip_html_table_end(oaip_buf *out)
{
	oaip_buf_puts(out, "</table>\n</div>\n");
}

const char *oaip_html_heat_class(bool has, double score)
{
	if (!has)
		return "heat-none";
	if (score < 20)
		return "heat-0";
	if (score < 40)
		return "heat-1";
	if (score < 60)
		return "heat-2";
	if (score < 80)
		return "heat-3";
	return "heat-4";
}

static double clamp100(double v)
{
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

/* Each bar has its label above it, so long labels (school names) need no
 * column of their own and the picture stays narrow enough to read on a
 * phone.  Quarter marks divide each bar's track; the marker, if any, is
 * drawn across each track only, never through text. */
/* What the score report adds to a bar: the words in an empty bar (why
 * there is no score), and whether the score rests on too few indicators
 * to judge (drawn pale inside a solid outline). */
typedef struct bar_extra {
	const char *empty_text; /* NULL: "not evaluated" */
	bool tentative;
} bar_extra;

static void bar_chart(oaip_buf *out, const char *id, const char *title,
                      const char *desc, const oaip_html_bar *bars,
                      const bar_extra *extra, size_t n, double marker,
                      const char *marker_label)
{
	/* Geometry in SVG user units; the picture scales to its box. */
	const double x0 = 4, bar_w = 330, bar_h = 26, row_h = 66;
	const double value_x = x0 + bar_w + 14, width = value_x + 110;
	const double top = marker >= 0 ? 30 : 4, axis_h = 30;
	const double height = top + row_h * (double)n + axis_h;
	const double mx = x0 + bar_w * clamp100(marker) / 100.0;

	oaip_buf_printf(out,
	                "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	                "height=\"%.0f\" role=\"img\" aria-labelledby=\"",
	                width, height, width, height);
	esc(out, id);
	oaip_buf_puts(out, "-title ");
	esc(out, id);
	oaip_buf_puts(out, "-desc\" font-family=\"system-ui, -apple-system, "
	                   "'Segoe UI', Roboto, Arial, sans-serif\" "
	                   "font-size=\"17\">\n<title id=\"");
	esc(out, id);
	oaip_buf_puts(out, "-title\">");
	esc(out, title);
	oaip_buf_puts(out, "</title>\n<desc id=\"");
	esc(out, id);
	oaip_buf_puts(out, "-desc\">");
	esc(out, desc);
	oaip_buf_puts(out, "</desc>\n");

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
		bool tentative = extra && extra[i].tentative;
		const char *empty = extra && extra[i].empty_text
		                        ? extra[i].empty_text
		                        : "not evaluated";
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

void oaip_html_bar_chart(oaip_buf *out, const char *id, const char *title,
                         const char *desc, const oaip_html_bar *bars, size_t n,
                         double marker, const char *marker_label)
{
	bar_chart(out, id, title, desc, bars, NULL, n, marker, marker_label);
}

/* ------------------------------------------------------------------ */
/* The score report                                                   */

static void level_text(oaip_buf *out, const oaip_scale *s, int value)
{
	const oaip_level *l = oaip_scale_level(s, value);
	if (l && l->label) {
		esc(out, l->label);
		oaip_buf_printf(out, " (%d)", value);
	} else {
		oaip_buf_printf(out, "level %d", value);
	}
}

static const char *level_label(const oaip_scale *s, int value)
{
	const oaip_level *l = oaip_scale_level(s, value);
	return l && l->label ? l->label : "?";
}

static void counts_text(oaip_buf *out, const oaip_cornerstone_score *cs)
{
	oaip_buf_printf(out,
	                "%zu of %zu indicator%s rated, %zu at or above "
	                "target",
	                cs->rated, cs->total, cs->total == 1 ? "" : "s",
	                cs->at_target);
}

/* "66.7% — 4 of 5 indicators rated, 3 at or above target"; without a
 * score, why there is none ("Not evaluated", "Not applicable"). */
static void score_with_counts(oaip_buf *out, const oaip_cornerstone_score *cs)
{
	if (cs->total == 0) {
		oaip_buf_puts(out, "<span class=\"score\">No score</span> — no "
		                   "indicator applies in this phase");
		return;
	}
	if (cs->has_score)
		oaip_buf_printf(out, "<span class=\"score\">%.1f%%</span> — ",
		                oaip_score_round(cs->score));
	else if (cs->na == cs->total)
		oaip_buf_puts(out,
		              "<span class=\"score\">Not applicable</span> — ");
	else
		oaip_buf_puts(out,
		              "<span class=\"score\">Not evaluated</span> — ");
	counts_text(out, cs);
}

static const oaip_entry *entry_of(const oaip_result *r, size_t ind)
{
	return r->se && r->se->entries ? &r->se->entries[ind] : NULL;
}

static void rating_text(oaip_buf *out, const oaip_result *r, size_t ind)
{
	const oaip_entry *e = entry_of(r, ind);
	if (!e || e->kind == OAIP_RATING_EMPTY)
		oaip_buf_puts(out, "Not yet evaluated");
	else if (e->kind == OAIP_RATING_NA)
		oaip_buf_puts(out, "Not applicable");
	else
		level_text(out, &r->fw->scale, e->level);
}

static bool example_shown(const oaip_example *ex, unsigned phase)
{
	return ex->phases == 0 || phase == 0 || (ex->phases & phase) != 0;
}

/* " (early years)" for an example limited to some phases, when the report
 * covers every phase. */
static void phase_note(oaip_buf *out, unsigned phases, unsigned filter)
{
	if (filter != 0 || phases == 0 ||
	    (phases & OAIP_PHASE_ALL) == OAIP_PHASE_ALL)
		return;
	static const struct {
		unsigned bit;
		const char *words;
	} names[] = {{OAIP_PHASE_EARLY_YEARS, "early years"},
	             {OAIP_PHASE_SCHOOL, "school"},
	             {OAIP_PHASE_POST16, "post-16"}};
	oaip_buf_puts(out, " <span class=\"muted\">(");
	bool first = true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(phases & names[i].bit))
			continue;
		oaip_buf_puts(out, first ? "" : ", ");
		oaip_buf_puts(out, names[i].words);
		first = false;
	}
	oaip_buf_puts(out, ")</span>");
}

/* Examples and quotes: practice examples as one list, quotes each as a
 * figure with its blockquote and who said it. */
static void examples_html(oaip_buf *out, const oaip_example *ex, size_t n,
                          unsigned phase)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (ex[i].kind != OAIP_EXAMPLE_PRACTICE ||
		    !example_shown(&ex[i], phase))
			continue;
		if (!any)
			oaip_buf_puts(out, "<ul>\n");
		any = true;
		oaip_buf_puts(out, "<li>");
		esc(out, ex[i].text);
		phase_note(out, ex[i].phases, phase);
		oaip_buf_puts(out, "</li>\n");
	}
	if (any)
		oaip_buf_puts(out, "</ul>\n");
	for (size_t i = 0; i < n; i++) {
		if (ex[i].kind != OAIP_EXAMPLE_QUOTE ||
		    !example_shown(&ex[i], phase))
			continue;
		oaip_buf_puts(out,
		              "<figure class=\"quote\">\n<blockquote><p>“");
		esc(out, ex[i].text);
		oaip_buf_puts(out, "”</p></blockquote>\n");
		oaip_buf_puts(out, "<figcaption>— <cite>");
		esc(out, ex[i].by && *ex[i].by ? ex[i].by : "Parent carer");
		oaip_buf_puts(out, "</cite>");
		phase_note(out, ex[i].phases, phase);
		oaip_buf_puts(out, "</figcaption>\n</figure>\n");
	}
}

static size_t count_shown(const oaip_example *ex, size_t n, unsigned phase)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (example_shown(&ex[i], phase))
			k++;
	return k;
}

/* "Title, Publisher (version V)", escaped. */
static void framework_name(oaip_buf *out, const oaip_framework *fw)
{
	esc(out, fw->title);
	if (fw->publisher) {
		oaip_buf_puts(out, ", ");
		esc(out, fw->publisher);
	}
	if (fw->version) {
		oaip_buf_puts(out, " (version ");
		esc(out, fw->version);
		oaip_buf_puts(out, ")");
	}
}

static void header_html(const oaip_result *r, const oaip_render_options *o,
                        oaip_buf *out)
{
	const oaip_framework *fw = r->fw;
	const oaip_selfeval *se = r->se;
	const char *school = oaip_report_school(se);
	if (!school)
		school = "Self-evaluation";

	oaip_buf_puts(out, "<header>\n<div class=\"page\">\n"
	                   "<p class=\"kicker\">Partnership with parent carers "
	                   "· Four Cornerstones self-evaluation</p>\n<h1>");
	esc(out, school);
	oaip_buf_puts(out, "</h1>\n<dl class=\"meta\">\n");
	if (se && se->file && *se->file) {
		/* The base name only: where the school keeps its files is
		 * nothing the parent carers reading this need. */
		oaip_buf_puts(out, "<dt>File</dt><dd>");
		esc(out, oaip_report_file_name(se->file));
		oaip_buf_puts(out, "</dd>\n");
	}
	oaip_buf_puts(out, "<dt>Report date</dt><dd>");
	esc(out, o && o->date ? o->date : "");
	oaip_buf_puts(out, "</dd>\n<dt>Framework</dt><dd>");
	framework_name(out, fw);
	oaip_buf_puts(out, "</dd>\n<dt>Target</dt><dd>");
	level_text(out, &fw->scale, r->target);
	oaip_buf_puts(out, " or above for every indicator</dd>\n");
	if (r->phase) {
		oaip_buf_puts(out, "<dt>Phase</dt><dd>");
		bool first = true;
		for (unsigned bit = 1; bit <= OAIP_PHASE_POST16; bit <<= 1) {
			if (!(r->phase & bit))
				continue;
			oaip_buf_puts(out, first ? "" : ", ");
			esc(out, oaip_phase_name(bit));
			first = false;
		}
		oaip_buf_puts(out, " (indicators for other phases are left "
		                   "out)</dd>\n");
	}
	oaip_buf_puts(out, "</dl>\n");
}

static void nav_html(const oaip_result *r, oaip_buf *out)
{
	oaip_buf_puts(
	    out, "<nav aria-label=\"Contents\">\n<ul>\n"
	         "<li><a href=\"#summary\">Summary</a></li>\n"
	         "<li><a href=\"#how\">How scores are worked out</a></li>\n"
	         "<li><a href=\"#strengths\">Strengths</a></li>\n"
	         "<li><a href=\"#gaps\">Gaps</a></li>\n"
	         "<li><a href=\"#not-evaluated\">Not yet "
	         "evaluated</a></li>\n");
	if (r->n_not_applicable)
		oaip_buf_puts(out, "<li><a href=\"#not-applicable\">Not "
		                   "applicable</a></li>\n");
	oaip_buf_puts(out, "</ul>\n</nav>\n</div>\n</header>\n");
}

/* The score every indicator would give if each were rated exactly at the
 * target, as a percentage; -1 if the scale has no positive top level. */
static double target_percent(const oaip_result *r)
{
	int max = oaip_scale_max(&r->fw->scale);
	if (max <= 0)
		return -1;
	return 100.0 * r->target / max;
}

/* The shared explanation (report.c) as paragraphs and lists of bands. */
struct html_sink {
	oaip_buf *out;
	bool in_list;
};

static void html_close_list(struct html_sink *h)
{
	if (h->in_list)
		oaip_buf_puts(h->out, "</ul>\n");
	h->in_list = false;
}

static void html_para(void *ud, const char *text)
{
	struct html_sink *h = ud;
	html_close_list(h);
	oaip_buf_puts(h->out, "<p>");
	esc(h->out, text);
	oaip_buf_puts(h->out, "</p>\n");
}

static void html_item(void *ud, const char *band, const char *rule)
{
	struct html_sink *h = ud;
	if (!h->in_list)
		oaip_buf_puts(h->out, "<ul class=\"bands\">\n");
	h->in_list = true;
	oaip_buf_puts(h->out, "<li><strong>");
	esc(h->out, band);
	oaip_buf_puts(h->out, ":</strong> ");
	esc(h->out, rule);
	oaip_buf_puts(h->out, "</li>\n");
}

static void html_end(void *ud)
{
	html_close_list(ud);
}

static void how_html(const oaip_result *r, oaip_buf *out)
{
	struct html_sink h = {out, false};
	oaip_report_sink sink = {html_para, html_item, html_end, &h};
	oaip_buf_puts(out, "<section aria-labelledby=\"how\">\n"
	                   "<h2 id=\"how\">How scores are worked out</h2>\n");
	if (!oaip_report_method(r, &sink))
		out->failed = true;
	oaip_buf_puts(out, "</section>\n");
}

static void chart_html(const oaip_result *r, oaip_buf *out)
{
	oaip_html_bar bars[OAIP_N_CORNERSTONES];
	bar_extra extra[OAIP_N_CORNERSTONES];
	char labels[OAIP_N_CORNERSTONES][96];
	static const char *const empty_words[] = {
	    "not evaluated", "not applicable", "not part of this phase"};
	bool any_tentative = false;
	oaip_buf desc;
	oaip_buf_init(&desc);
	oaip_buf_puts(&desc, "Bar chart of the score for each of the four "
	                     "cornerstones, from 0% to 100%. ");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_cornerstone_score *cs = &r->cs[c];
		const char *title = oaip_cornerstone_title((oaip_cornerstone)c);
		int why = cs->total == 0 ? 2 : cs->na == cs->total ? 1 : 0;
		bool too_few = cs->has_score && cs->rated * 2 < cs->total;
		/* The label says how much each bar rests on. */
		if (cs->total == 0)
			snprintf(labels[c], sizeof labels[c], "%s", title);
		else
			snprintf(labels[c], sizeof labels[c],
			         "%s: %s%zu of %zu rated", title,
			         too_few ? "only " : "", cs->rated, cs->total);
		bars[c].label = labels[c];
		bars[c].has_value = cs->has_score;
		bars[c].value = cs->score;
		extra[c].empty_text = empty_words[why];
		extra[c].tentative = too_few;
		any_tentative |= too_few;
		oaip_buf_printf(&desc, "%s: ", title);
		if (cs->has_score)
			oaip_buf_printf(&desc, "%.1f%%",
			                oaip_score_round(cs->score));
		else
			oaip_buf_puts(&desc, empty_words[why]);
		oaip_buf_printf(&desc, ", %zu of %zu indicator%s rated%s. ",
		                cs->rated, cs->total, cs->total == 1 ? "" : "s",
		                too_few ? ", too few to judge" : "");
	}
	double tp = target_percent(r);
	char marker[160];
	marker[0] = '\0';
	if (tp >= 0) {
		snprintf(marker, sizeof marker, "All at %s: %.1f%%",
		         level_label(&r->fw->scale, r->target),
		         oaip_score_round(tp));
		oaip_buf_printf(
		    &desc,
		    "A dashed line marks %.1f%%, the score if every "
		    "rated indicator were at the target, %s.",
		    oaip_score_round(tp),
		    level_label(&r->fw->scale, r->target));
	}
	if (desc.failed)
		out->failed = true;

	oaip_buf_puts(out, "<figure class=\"chart\">\n");
	bar_chart(out, "score-chart", "Scores for the four cornerstones",
	          desc.data ? desc.data : "", bars, extra, OAIP_N_CORNERSTONES,
	          tp, marker);
	oaip_buf_puts(out, "<figcaption>");
	if (any_tentative)
		oaip_buf_puts(out,
		              "A pale bar in an outline rests on fewer than "
		              "half of its cornerstone’s indicators: too few "
		              "to judge. ");
	oaip_buf_puts(out, "The same numbers, with their counts, are in the "
	                   "table below.</figcaption>\n</figure>\n");
	oaip_buf_free(&desc);
}

static void summary_html(const oaip_result *r, oaip_buf *out)
{
	const oaip_scale *s = &r->fw->scale;
	oaip_buf_puts(out, "<section aria-labelledby=\"summary\">\n"
	                   "<h2 id=\"summary\">Summary of the Four "
	                   "Cornerstones</h2>\n");
	bool low = oaip_report_low_coverage(r);
	if (low) {
		/* Before any number, so that nobody reads the numbers first. */
		oaip_buf caution;
		oaip_buf_init(&caution);
		oaip_report_caution(r, &caution);
		oaip_buf_puts(out, "<p class=\"caution\"><strong>");
		esc(out, caution.data);
		oaip_buf_puts(out, "</strong></p>\n");
		if (caution.failed)
			out->failed = true;
		oaip_buf_free(&caution);
	}
	chart_html(r, out);

	oaip_html_table_begin(out, "summary-table",
	                      "Score and coverage for each cornerstone");
	oaip_buf_puts(out,
	              "<thead>\n<tr>"
	              "<th scope=\"col\">Cornerstone</th>"
	              "<th scope=\"col\" class=\"wide\">Score and indicators "
	              "rated</th>"
	              "<th scope=\"col\" class=\"num\">Below target</th>"
	              "<th scope=\"col\" class=\"num\">Not yet evaluated</th>"
	              "<th scope=\"col\" class=\"num\">Not applicable</th>"
	              "<th scope=\"col\" class=\"band\">In plain words</th>"
	              "</tr>\n</thead>\n<tbody>\n");
	oaip_cornerstone_score all = {0};
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_cornerstone_score *cs = &r->cs[c];
		all.rated += cs->rated;
		all.total += cs->total;
		all.na += cs->na;
		all.empty += cs->empty;
		all.at_target += cs->at_target;
		all.gaps += cs->gaps;
		oaip_buf_puts(out, "<tr><th scope=\"row\" class=\"name\">");
		esc(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_puts(out, "</th><td>");
		score_with_counts(out, cs);
		oaip_buf_printf(out,
		                "</td><td class=\"num\">%zu</td>"
		                "<td class=\"num\">%zu</td>"
		                "<td class=\"num\">%zu</td><td>",
		                cs->gaps, cs->empty, cs->na);
		esc(out, oaip_band(cs, s, r->target));
		oaip_buf_puts(out, "</td></tr>\n");
	}
	all.has_score = r->has_overall;
	all.score = r->overall;
	oaip_buf_puts(out, "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Overall"
	                   "</th><td>");
	score_with_counts(out, &all);
	oaip_buf_printf(out,
	                "</td><td class=\"num\">%zu</td>"
	                "<td class=\"num\">%zu</td>"
	                "<td class=\"num\">%zu</td><td>%s</td></tr>\n"
	                "</tfoot>\n",
	                all.gaps, all.empty, all.na,
	                !r->has_overall ? "Nothing rated yet"
	                : low           ? OAIP_BAND_TOO_FEW
	                                : "Average of the cornerstone scores");
	oaip_html_table_end(out);

	oaip_buf_puts(out, "<p class=\"overall panel\"><strong>Overall:");
	if (r->has_overall) {
		oaip_buf basis;
		oaip_buf_init(&basis);
		oaip_report_overall_basis(r, &basis);
		oaip_buf_printf(out, " %.1f%%</strong>, ",
		                oaip_score_round(r->overall));
		esc(out, basis.data);
		oaip_buf_puts(out, ". ");
		if (basis.failed)
			out->failed = true;
		oaip_buf_free(&basis);
	} else
		oaip_buf_puts(out, " not evaluated</strong>: no indicator has "
		                   "been rated yet. ");
	oaip_buf_printf(out,
	                "%zu of %zu indicators rated, %zu at or above the "
	                "target and %zu below it; %zu not yet evaluated",
	                all.rated, all.total, all.at_target, all.gaps,
	                all.empty);
	if (all.na)
		oaip_buf_printf(out, "; %zu not applicable", all.na);
	oaip_buf_puts(out, ".</p>\n</section>\n");
}

/* A table of indicators: strengths, not evaluated, not applicable.
 * Strengths show the rating and the school's evidence, and its next steps
 * when any strength has some. */
static void indicator_table(const oaip_result *r, oaip_buf *out, const char *id,
                            const char *caption, const size_t *idx, size_t n,
                            bool with_rating)
{
	bool next_steps = false;
	for (size_t k = 0; with_rating && k < n; k++) {
		const oaip_entry *e = entry_of(r, idx[k]);
		next_steps |= e && e->next_steps && *e->next_steps;
	}
	oaip_html_table_begin(out, id, caption);
	oaip_buf_puts(out, "<thead>\n<tr>"
	                   "<th scope=\"col\">Indicator</th>"
	                   "<th scope=\"col\">Cornerstone</th>");
	if (with_rating)
		oaip_buf_puts(out,
		              "<th scope=\"col\">Rating</th>"
		              "<th scope=\"col\">The school’s evidence</th>");
	if (next_steps)
		oaip_buf_puts(out, "<th scope=\"col\">Next steps</th>");
	oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (size_t k = 0; k < n; k++) {
		const oaip_indicator *ind = &r->fw->indicators[idx[k]];
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		esc(out, ind->text);
		oaip_buf_puts(out, " <span class=\"ind-id\">");
		esc(out, ind->id);
		oaip_buf_puts(out, "</span></th><td>");
		esc(out, oaip_cornerstone_title(ind->cornerstone));
		oaip_buf_puts(out, "</td>");
		if (with_rating) {
			const oaip_entry *e = entry_of(r, idx[k]);
			oaip_buf_puts(out, "<td>");
			rating_text(out, r, idx[k]);
			oaip_buf_puts(out, "</td><td>");
			if (e && e->evidence && *e->evidence)
				oaip_html_text_br(out, e->evidence);
			else
				oaip_buf_puts(out, "<span class=\"muted\">None "
				                   "recorded</span>");
			oaip_buf_puts(out, "</td>");
			if (next_steps) {
				oaip_buf_puts(out, "<td>");
				if (e && e->next_steps && *e->next_steps)
					oaip_html_text_br(out, e->next_steps);
				else
					oaip_buf_puts(out,
					              "<span class=\"muted\">"
					              "None recorded</span>");
				oaip_buf_puts(out, "</td>");
			}
		}
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n");
	oaip_html_table_end(out);
}

static void strengths_html(const oaip_result *r, oaip_buf *out)
{
	oaip_buf_puts(out, "<section aria-labelledby=\"strengths\">\n"
	                   "<h2 id=\"strengths\">Strengths</h2>\n");
	if (r->n_strengths == 0) {
		oaip_buf_puts(out, "<p>No indicator is rated at or above the "
		                   "target yet.</p>\n</section>\n");
		return;
	}
	oaip_buf_printf(out,
	                "<p>%zu indicator%s rated at or above the target, ",
	                r->n_strengths, r->n_strengths == 1 ? " is" : "s are");
	esc(out, level_label(&r->fw->scale, r->target));
	oaip_buf_puts(out, ".</p>\n");
	indicator_table(r, out, "strengths-table",
	                "Indicators rated at or above the target", r->strengths,
	                r->n_strengths, true);
	oaip_buf_puts(out, "</section>\n");
}

static void gap_html(const oaip_result *r, oaip_buf *out, size_t i)
{
	const oaip_indicator *ind = &r->fw->indicators[i];
	const oaip_entry *e = entry_of(r, i);

	oaip_buf_puts(out, "<article class=\"gap\">\n<h4>");
	esc(out, ind->text);
	oaip_buf_puts(out, " <span class=\"ind-id\">");
	esc(out, ind->id);
	oaip_buf_puts(out, "</span></h4>\n<p><span class=\"badge "
	                   "badge-below\">Below target</span> Rated ");
	rating_text(out, r, i);
	oaip_buf_puts(out, "; the target is ");
	level_text(out, &r->fw->scale, r->target);
	oaip_buf_puts(out, ".");
	if (ind->weight != 1.0)
		oaip_buf_printf(out, " Weight %g.", ind->weight);
	oaip_buf_puts(out, "</p>\n<dl>\n<dt>The school’s evidence</dt>\n<dd>");
	if (e && e->evidence && *e->evidence)
		oaip_html_text_br(out, e->evidence);
	else
		oaip_buf_puts(out,
		              "<span class=\"muted\">None recorded</span>");
	oaip_buf_puts(out, "</dd>\n<dt>Next steps</dt>\n<dd>");
	if (e && e->next_steps && *e->next_steps)
		oaip_html_text_br(out, e->next_steps);
	else
		oaip_buf_puts(out, "<span class=\"muted\">None recorded "
		                   "yet</span>");
	oaip_buf_puts(out, "</dd>\n</dl>\n");
	if (count_shown(ind->examples, ind->n_examples, r->phase)) {
		oaip_buf_puts(out, "<h5>What good practice could look "
		                   "like</h5>\n");
		examples_html(out, ind->examples, ind->n_examples, r->phase);
	}
	oaip_buf_puts(out, "</article>\n");
}

/* The expectation's own examples and quotes, once after its gaps. */
static void practice_html(const oaip_result *r, oaip_buf *out, size_t x)
{
	const oaip_expectation *ex = &r->fw->expectations[x];
	if (!count_shown(ex->examples, ex->n_examples, r->phase))
		return;
	oaip_buf_puts(out,
	              "<div class=\"practice\">\n<h4>What good practice "
	              "could look like</h4>\n<p class=\"muted\">Examples ");
	if (r->fw->publisher) {
		oaip_buf_puts(out, "from ");
		esc(out, r->fw->publisher);
		oaip_buf_puts(out, " ");
	}
	oaip_buf_puts(out, "for the expectation “");
	esc(out, ex->statement);
	oaip_buf_puts(out, "”</p>\n");
	examples_html(out, ex->examples, ex->n_examples, r->phase);
	oaip_buf_puts(out, "</div>\n");
}

static void gaps_html(const oaip_result *r, oaip_buf *out)
{
	const oaip_framework *fw = r->fw;
	oaip_buf_puts(out, "<section aria-labelledby=\"gaps\">\n"
	                   "<h2 id=\"gaps\">Gaps: indicators below the "
	                   "target</h2>\n");
	if (r->n_gaps == 0) {
		oaip_buf_puts(out,
		              "<p>No rated indicator is below the target, ");
		esc(out, level_label(&fw->scale, r->target));
		oaip_buf_puts(out, ".");
		if (r->n_not_evaluated)
			oaip_buf_puts(out,
			              " Some indicators are not yet evaluated "
			              "(see below).");
		oaip_buf_puts(out, "</p>\n</section>\n");
		return;
	}
	bool examples = false;
	for (size_t k = 0; k < r->n_gaps; k++) {
		const oaip_indicator *ind = &fw->indicators[r->gaps[k]];
		if (count_shown(ind->examples, ind->n_examples, r->phase) ||
		    (ind->expectation < fw->n_expectations &&
		     count_shown(fw->expectations[ind->expectation].examples,
		                 fw->expectations[ind->expectation].n_examples,
		                 r->phase)))
			examples = true;
	}
	oaip_buf_printf(out, "<p>%zu indicator%s rated below the target, ",
	                r->n_gaps, r->n_gaps == 1 ? " is" : "s are");
	esc(out, level_label(&fw->scale, r->target));
	oaip_buf_puts(out, ". Each is shown with the school’s evidence and "
	                   "next steps");
	if (examples)
		oaip_buf_puts(out, ", and with examples from the framework of "
		                   "what good practice could look like");
	oaip_buf_puts(out, ".</p>\n");

	/* One section per cornerstone, in the result's order within it; the
	 * gaps of one expectation are followed by its examples. */
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		size_t in_c = 0;
		for (size_t k = 0; k < r->n_gaps; k++)
			if ((int)fw->indicators[r->gaps[k]].cornerstone == c)
				in_c++;
		if (in_c == 0)
			continue;
		const char *id = oaip_cornerstone_id((oaip_cornerstone)c);
		oaip_buf_printf(out,
		                "<section aria-labelledby=\"gaps-%s\">\n"
		                "<h3 id=\"gaps-%s\">",
		                id, id);
		esc(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_printf(out, ": %zu below target</h3>\n", in_c);
		size_t last_x = (size_t)-1;
		for (size_t k = 0; k < r->n_gaps; k++) {
			const oaip_indicator *ind = &fw->indicators[r->gaps[k]];
			if ((int)ind->cornerstone != c)
				continue;
			if (last_x != (size_t)-1 &&
			    ind->expectation != last_x &&
			    last_x < fw->n_expectations)
				practice_html(r, out, last_x);
			last_x = ind->expectation;
			gap_html(r, out, r->gaps[k]);
		}
		if (last_x < fw->n_expectations)
			practice_html(r, out, last_x);
		oaip_buf_puts(out, "</section>\n");
	}
	oaip_buf_puts(out, "</section>\n");
}

static void lists_html(const oaip_result *r, oaip_buf *out)
{
	oaip_buf_puts(out, "<section aria-labelledby=\"not-evaluated\">\n"
	                   "<h2 id=\"not-evaluated\">Not yet evaluated</h2>\n");
	if (r->n_not_evaluated == 0) {
		oaip_buf_puts(out,
		              "<p>Every indicator has been rated or marked "
		              "not applicable.</p>\n");
	} else {
		oaip_buf_printf(
		    out,
		    "<p>%zu indicator%s not rated yet. They are not "
		    "counted in any score, as zero or otherwise.</p>\n",
		    r->n_not_evaluated,
		    r->n_not_evaluated == 1 ? " is" : "s are");
		indicator_table(r, out, "not-evaluated-table",
		                "Indicators not yet evaluated",
		                r->not_evaluated, r->n_not_evaluated, false);
	}
	oaip_buf_puts(out, "</section>\n");
	if (r->n_not_applicable == 0)
		return;
	oaip_buf_printf(out,
	                "<section aria-labelledby=\"not-applicable\">\n"
	                "<h2 id=\"not-applicable\">Not applicable</h2>\n"
	                "<p>The school marked %zu indicator%s as not "
	                "applicable; %s left out of the scores.</p>\n",
	                r->n_not_applicable,
	                r->n_not_applicable == 1 ? "" : "s",
	                r->n_not_applicable == 1 ? "it is" : "they are");
	indicator_table(r, out, "not-applicable-table",
	                "Indicators marked not applicable", r->not_applicable,
	                r->n_not_applicable, false);
	oaip_buf_puts(out, "</section>\n");
}

static void footer_html(const oaip_result *r, const oaip_render_options *o,
                        oaip_buf *out)
{
	const oaip_framework *fw = r->fw;
	oaip_buf_puts(out, "<p><strong>Framework:</strong> ");
	framework_name(out, fw);
	oaip_buf_puts(out, ".");
	if (fw->section) {
		oaip_buf_puts(out, " Source: ");
		esc(out, fw->section);
		oaip_buf_puts(out, ".");
	}
	oaip_buf_puts(out, "</p>\n");
	if (fw->attribution) {
		oaip_buf_puts(out, "<p>");
		esc(out, fw->attribution);
		oaip_buf_puts(out, "</p>\n");
	}
	oaip_buf_puts(out, "<p>Report made by oaip-eval");
	if (o && o->program_version) {
		oaip_buf_puts(out, " ");
		esc(out, o->program_version);
	}
	if (o && o->date) {
		oaip_buf_puts(out, " on ");
		esc(out, o->date);
	}
	oaip_buf_puts(out, ". The ratings, evidence and next steps are the "
	                   "school’s own self-evaluation.</p>");
}

void oaip_render_score_html(const oaip_result *r, const oaip_render_options *o,
                            oaip_buf *out)
{
	oaip_buf title, footer;
	oaip_buf_init(&title);
	oaip_buf_init(&footer);

	const char *school = oaip_report_school(r->se);
	oaip_buf_puts(&title, "Partnership with parent carers: "
	                      "self-evaluation report");
	if (school)
		oaip_buf_printf(&title, " for %s", school);
	footer_html(r, o, &footer);
	if (title.failed || footer.failed) {
		out->failed = true;
		goto cleanup;
	}

	oaip_html_page_begin(out, title.data);
	header_html(r, o, out);
	nav_html(r, out);
	oaip_buf_puts(out, "<main id=\"main\">\n<div class=\"page\">\n");
	summary_html(r, out);
	how_html(r, out);
	strengths_html(r, out);
	gaps_html(r, out);
	lists_html(r, out);
	oaip_buf_puts(out, "</div>\n</main>\n");
	oaip_html_page_end(out, footer.data);

cleanup:
	oaip_buf_free(&title);
	oaip_buf_free(&footer);
}
