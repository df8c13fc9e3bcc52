/* render_compare.c - the comparison report in Markdown, HTML, JSON and CSV.
 *
 * The renderer only shows what compare.c computed.  Every school name,
 * file name and error message comes from outside the program and goes
 * through the escaper of its format; every number is rounded once, with
 * oaip_score_round, so each format shows the same figures. */
#include "config.h"

#include <string.h>

#include "report.h"

#define OVERALL OAIP_N_CORNERSTONES

/* A report is rendered by one of these with the common facts at hand. */
struct ctx {
	const oaip_comparison *c;
	const oaip_framework *fw;
	const oaip_render_options *o;
	oaip_buf *out;
	const char *target_label;
	double target_score; /* the target as a score: 100 * target / r_max */
	size_t n;            /* returns */
	size_t n_read;       /* readable returns */
	size_t n_bad;        /* unreadable returns */
	bool any_rated;      /* some readable return rated an indicator */
};

static const char *measure_title(int w)
{
	return w == OVERALL ? "Overall" : oaip_cornerstone_title(w);
}

static const char *measure_id(int w)
{
	return w == OVERALL ? "overall" : oaip_cornerstone_id(w);
}

/* Numbers are written by hand, not with printf: a report on ten thousand
 * schools holds hundreds of thousands of them. */
static void put_size(oaip_buf *out, size_t n)
{
	char d[24];
	size_t i = sizeof d;
	do {
		d[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	oaip_buf_putn(out, d + i, sizeof d - i);
}

/* A score to one decimal place, as every report shows it: the same
 * digits as printf("%.1f", oaip_score_round(score)). */
static void put_score(oaip_buf *out, double score)
{
	double r = oaip_score_round(score);
	if (!(r >= 0 && r < 1e15)) {
		oaip_buf_printf(out, "%.1f", r);
		return;
	}
	unsigned long long tenths = (unsigned long long)(r * 10.0 + 0.5);
	put_size(out, (size_t)(tenths / 10));
	char frac[2] = {'.', (char)('0' + tenths % 10)};
	oaip_buf_putn(out, frac, 2);
}

static double percent(size_t part, size_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* What a report says in place of its figures when it has none: no return
 * could be read (or there were none), or none rated a single indicator.
 * Plain text; NULL when there are figures to show. */
static const char *no_figures(const struct ctx *x)
{
	if (x->n == 0)
		return "There are no returns in this comparison";
	if (x->n_read == 0)
		return x->n == 1 ? "The return could not be read"
		                 : "None of the returns could be read";
	if (!x->any_rated)
		return "None of the returns that could be read rated any "
		       "indicator";
	return NULL;
}

/* The four cornerstones of a school taken together, scored by its overall
 * score, so the overall cell gets a band in the same words. */
static oaip_cornerstone_score overall_of(const oaip_school *s)
{
	oaip_cornerstone_score a = {0};
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		a.rated += s->cs[k].rated;
		a.total += s->cs[k].total;
		a.na += s->cs[k].na;
		a.empty += s->cs[k].empty;
		a.at_target += s->cs[k].at_target;
		a.gaps += s->cs[k].gaps;
	}
	a.has_score = s->has_overall;
	a.score = s->overall;
	return a;
}

/* ---- Markdown -------------------------------------------------------- */

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s ? s : "", false);
}

static void md_cell(struct ctx *x, const oaip_cornerstone_score *cs)
{
	oaip_buf *out = x->out;
	if (cs->has_score)
		put_score(out, cs->score);
	else
		oaip_buf_puts(out, "not evaluated");
	oaip_buf_puts(out, " (");
	put_size(out, cs->rated);
	oaip_buf_putc(out, '/');
	put_size(out, cs->total);
	oaip_buf_putc(out, ')');
}

static void md_header(struct ctx *x)
{
	oaip_buf *out = x->out;
	const oaip_framework *fw = x->fw;
	oaip_buf_puts(out, "# Area comparison: ");
	md(out, fw->title);
	oaip_buf_puts(out, "\n\n- **Framework:** ");
	md(out, fw->publisher);
	oaip_buf_puts(out, ", ");
	md(out, fw->section ? fw->section : fw->title);
	oaip_buf_puts(out, " (");
	md(out, fw->id);
	if (fw->version) {
		oaip_buf_puts(out, ", version ");
		md(out, fw->version);
	}
	oaip_buf_puts(out, ")\n- **Date:** ");
	md(out, x->o && x->o->date ? x->o->date : "");
	oaip_buf_puts(out, "\n- **Target level:** ");
	md(out, x->target_label);
	unsigned phase = oaip_comparison_phase(x->c);
	if (phase) {
		oaip_buf_puts(out, "\n- **Phase:**");
		for (unsigned bit = 1; bit <= OAIP_PHASE_POST16; bit <<= 1)
			if (phase & bit)
				oaip_buf_printf(out, " %s",
				                oaip_phase_name(bit));
	}
	oaip_buf_printf(out,
	                "\n- **Returns:** %zu: %zu read, %zu could not be "
	                "read\n\n",
	                x->n, x->n_read, x->n_bad);
	const char *none = no_figures(x);
	if (none)
		oaip_buf_printf(out,
		                "**%s, so this report has no scores, area "
		                "figures or training priorities.**%s\n\n",
		                none,
		                x->n_bad ? "  Each return's errors are listed "
		                           "under \"Returns that could not be "
		                           "read\"."
		                         : "");
	oaip_buf_puts(
	    out,
	    "How scores are computed: for each cornerstone, a school's score "
	    "is 100 × the sum of its ratings divided by the sum of the top "
	    "rating, over the indicators it rated.  Indicators left blank or "
	    "marked n/a are not counted as zero: the score rests on fewer "
	    "indicators, so every score is shown with its count of rated "
	    "indicators (rated/applicable).  The overall score is the mean of "
	    "the cornerstone scores that are not empty.\n\n");
}

static void md_schools(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "## Schools by cornerstone\n\n");
	if (!x->n_read) {
		oaip_buf_printf(out, "%s.\n\n", no_figures(x));
		return;
	}
	oaip_buf_puts(out, "| School | File | Overall |");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, " %s |", oaip_cornerstone_title(k));
	oaip_buf_puts(out, " Rated |\n|---|---|---:|");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_puts(out, "---:|");
	oaip_buf_puts(out, "---:|\n");
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (!s->counted)
			continue;
		oaip_buf_puts(out, "| ");
		md(out, s->school);
		oaip_buf_puts(out, " | ");
		md(out, s->file);
		oaip_buf_puts(out, " | ");
		if (s->has_overall)
			put_score(out, s->overall);
		else
			oaip_buf_puts(out, "not evaluated");
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_puts(out, " | ");
			md_cell(x, &s->cs[k]);
		}
		oaip_buf_puts(out, " | ");
		put_size(out, s->rated);
		oaip_buf_puts(out, " of ");
		put_size(out, s->total);
		oaip_buf_puts(out, " |\n");
	}
	oaip_buf_puts(out,
	              "\nEach cell: score (indicators rated/applicable).\n\n");
}

static void md_area(struct ctx *x)
{
	oaip_buf *out = x->out;
	if (!x->n_read) {
		oaip_buf_printf(out,
		                "## Area averages and spread\n\n%s, so there "
		                "are no area figures.\n\n",
		                no_figures(x));
		return;
	}
	oaip_buf_printf(out,
	                "## Area averages and spread\n\n"
	                "Over the %zu %s that could be read.  Quartiles are "
	                "found by linear interpolation between closest ranks "
	                "(as QUARTILE.INC in a spreadsheet).\n\n",
	                x->n_read, plural(x->n_read, "return", "returns"));
	oaip_buf_puts(out, "| | Schools with a score | Mean | Minimum | "
	                   "Lower quartile | Median | Upper quartile | "
	                   "Maximum |\n|---|---:|---:|---:|---:|---:|---:|---:|"
	                   "\n");
	for (int w = 0; w <= OVERALL; w++) {
		const oaip_spread *sp = oaip_comparison_spread(x->c, w);
		oaip_buf_printf(out, "| %s | %zu of %zu |", measure_title(w),
		                sp->n, x->n_read);
		const double v[] = {sp->mean,   sp->min, sp->q1,
		                    sp->median, sp->q3,  sp->max};
		for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
			oaip_buf_putc(out, ' ');
			if (sp->n)
				put_score(out, v[k]);
			else
				oaip_buf_puts(out, "–");
			oaip_buf_puts(out, " |");
		}
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_putc(out, '\n');
}

static void md_priorities(struct ctx *x)
{
	oaip_buf *out = x->out;
	const oaip_priority *p;
	size_t np = oaip_comparison_priorities(x->c, &p);
	oaip_buf_puts(out, "## Training priorities\n\n");
	if (no_figures(x)) {
		oaip_buf_printf(out,
		                "%s, so there are no training priorities.\n\n",
		                no_figures(x));
		return;
	}
	if (!np) {
		oaip_buf_puts(out, "No school rated any indicator below the "
		                   "target.\n\n");
		return;
	}
	oaip_buf_puts(out, "The indicators most often rated below the target "
	                   "(");
	md(out, x->target_label);
	oaip_buf_printf(out,
	                ") across the schools, most schools first (up to "
	                "%d).\n\n"
	                "| # | Indicator | Cornerstone | Schools below target "
	                "|\n|---:|---|---|---|\n",
	                OAIP_COMPARE_PRIORITIES);
	for (size_t i = 0; i < np; i++) {
		const oaip_indicator *ind = &x->fw->indicators[p[i].indicator];
		oaip_buf_printf(out, "| %zu | ", i + 1);
		md(out, ind->id);
		oaip_buf_puts(out, ": ");
		md(out, ind->text);
		oaip_buf_printf(
		    out,
		    " | %s | %zu of the %zu %s that rated it "
		    "(%.1f%%) |\n",
		    oaip_cornerstone_title(ind->cornerstone), p[i].below,
		    p[i].rated, plural(p[i].rated, "school", "schools"),
		    oaip_score_round(percent(p[i].below, p[i].rated)));
	}
	oaip_buf_putc(out, '\n');
}

static void md_low(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "## Schools with low coverage\n\n");
	if (!x->n_read) {
		oaip_buf_printf(out, "%s.\n\n", no_figures(x));
		return;
	}
	if (!oaip_comparison_low_coverage(x->c)) {
		oaip_buf_puts(out,
		              "None: every school that could be read rated "
		              "at least half of the indicators that apply "
		              "to it.\n\n");
		return;
	}
	oaip_buf_puts(out, "Schools that rated fewer than half (50%) of the "
	                   "indicators that apply to them: their scores rest "
	                   "on little evidence.\n\n"
	                   "| School | File | Rated |\n|---|---|---:|\n");
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (!s->low_coverage || !s->counted)
			continue;
		oaip_buf_puts(out, "| ");
		md(out, s->school);
		oaip_buf_puts(out, " | ");
		md(out, s->file);
		oaip_buf_printf(out, " | %zu of %zu (%.1f%%) |\n", s->rated,
		                s->total,
		                oaip_score_round(percent(s->rated, s->total)));
	}
	oaip_buf_putc(out, '\n');
}

static void md_error(oaip_buf *out, const oaip_diag *e)
{
	oaip_buf b;
	oaip_buf_init(&b);
	if (e->line > 0)
		oaip_buf_printf(&b, "%s:%ld: %s", e->file, e->line, e->message);
	else
		oaip_buf_printf(&b, "%s: %s", e->file, e->message);
	md(out, b.failed ? "" : b.data);
	if (b.failed)
		out->failed = true;
	oaip_buf_free(&b);
}

static void md_unreadable(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "## Returns that could not be read\n\n");
	if (!x->n_bad) {
		oaip_buf_puts(out, "None: every return could be read.\n\n");
		return;
	}
	oaip_buf_puts(out, "These returns are left out of everything above.  "
	                   "Correct them and run the comparison again.\n\n");
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (s->readable)
			continue;
		oaip_buf_puts(out, "- ");
		md(out, s->file);
		oaip_buf_puts(out, "\n");
		for (size_t k = 0; k < s->n_errors; k++) {
			oaip_buf_puts(out, "  - ");
			md_error(out, &s->errors[k]);
			oaip_buf_putc(out, '\n');
		}
		if (s->n_errors_total > s->n_errors)
			oaip_buf_printf(out, "  - and %zu more %s\n",
			                s->n_errors_total - s->n_errors,
			                plural(s->n_errors_total - s->n_errors,
			                       "error", "errors"));
	}
	oaip_buf_putc(out, '\n');
}

static void render_markdown(struct ctx *x)
{
	md_header(x);
	md_schools(x);
	md_area(x);
	md_priorities(x);
	md_low(x);
	md_unreadable(x);
	oaip_buf_puts(x->out, "---\n\n");
	md(x->out, x->fw->attribution);
	oaip_buf_puts(x->out, "\n\nWritten by oaip-eval ");
	/* The program's own version: plain text with nothing to escape. */
	oaip_buf_puts(
	    x->out, x->o && x->o->program_version ? x->o->program_version : "");
	oaip_buf_puts(x->out, ".\n");
}

/* ---- HTML -------------------------------------------------------------- */

static void h(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

/* The comparison's own CSS, added to the page's head after the shared
 * sheet (render_html.c).  The heat map must fit the width of the page,
 * on screen and on A4 paper, with all five score columns: it is laid out
 * with fixed column widths, its headers, school names and file names
 * wrap, and each cell is kept compact (the number, then the band and the
 * count in smaller type).  Below 900 px the table keeps its natural
 * widths and scrolls sideways inside its own region instead. */
static const char compare_css[] =
    ".page.wide{max-width:84rem}\n"
    ".notice{background:#fbebe6;border:1px solid #8a2c12;border-left:6px "
    "solid #8a2c12;border-radius:.4rem;padding:.6rem 1rem;margin:1.5rem 0 "
    "0}\n"
    "ul.legend{list-style:none;padding:0;margin:.5rem 0 1rem;display:flex;"
    "flex-wrap:wrap;gap:.4rem}\n"
    "ul.legend li{padding:.1rem .6rem;border:1px solid #c7d0d4}\n"
    ".ind-id{white-space:normal;overflow-wrap:anywhere}\n"
    "table.heat th,table.heat td{overflow-wrap:break-word}\n"
    "table.heat thead th{font-size:.9em;line-height:1.3}\n"
    "table.heat tbody th{overflow-wrap:anywhere}\n"
    "table.heat .ind-id{display:inline-block;font-size:.8em;"
    "line-height:1.35}\n"
    "table.heat td.num{white-space:normal;line-height:1.3}\n"
    "table.heat .cell-band,table.heat .cell-count{display:inline-block;"
    "font-size:.85em;line-height:1.25}\n"
    "table.heat .cell-count{white-space:nowrap}\n"
    "table.low{table-layout:fixed}\n"
    "table.low col.school{width:36%}\n"
    "table.low col.file{width:40%}\n"
    "table.low th,table.low td{overflow-wrap:anywhere}\n"
    "@media screen and (min-width:900px){\n"
    "table.heat{table-layout:fixed}\n"
    "table.heat col.school{width:25%}\n"
    "table.heat col.score{width:15%}\n"
    "table.heat th,table.heat td{padding:.4rem .45rem}\n"
    "}\n"
    "@media print{\n"
    ".page.wide{max-width:none}\n"
    "table.heat{table-layout:fixed;font-size:.9rem}\n"
    "table.heat col.school{width:25%}\n"
    "table.heat col.score{width:15%}\n"
    "table.heat th,table.heat td{padding:.25rem .35rem}\n"
    "table.heat .cell-count{white-space:normal}\n"
    ".notice,ul.legend li{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    "}\n";

/* Begin the page with compare_css in its head, where a style sheet
 * belongs. */
static void html_begin(oaip_buf *out, const char *title)
{
	oaip_html_page_begin(out, title, compare_css);
}

/* One heat-map cell: the shade, the number, the band in words and the
 * count, so nothing depends on seeing the colour.  The count already
 * says when a cornerstone is partly evaluated, so the band is given
 * without its "(partly evaluated)" to keep the table narrow.  The line
 * breaks keep the three apart even without the style sheet. */
static void html_heat_cell(struct ctx *x, const oaip_cornerstone_score *cs)
{
	oaip_buf *out = x->out;
	oaip_cornerstone_score whole = *cs;
	whole.empty = 0;
	oaip_buf_puts(out, "<td class=\"num ");
	oaip_buf_puts(out, oaip_heat_class(cs->has_score, cs->score));
	oaip_buf_puts(out, "\">");
	if (cs->has_score) {
		oaip_buf_puts(out, "<span class=\"score\">");
		put_score(out, cs->score);
		oaip_buf_puts(out, "</span><br>");
	}
	oaip_buf_puts(out, "<span class=\"cell-band\">");
	h(out, oaip_band(&whole, &x->fw->scale, oaip_comparison_target(x->c)));
	oaip_buf_puts(out, "</span><br><span class=\"cell-count muted\">");
	put_size(out, cs->rated);
	oaip_buf_puts(out, " of ");
	put_size(out, cs->total);
	oaip_buf_puts(out, " rated</span></td>");
}

static void html_header(struct ctx *x)
{
	oaip_buf *out = x->out;
	const oaip_framework *fw = x->fw;
	oaip_buf_puts(out,
	              "<header>\n<div class=\"page\">\n<p class=\"kicker\">"
	              "Area comparison</p>\n<h1>");
	h(out, fw->title);
	oaip_buf_puts(out,
	              "</h1>\n<dl class=\"meta\">\n<dt>Framework</dt><dd>");
	h(out, fw->publisher);
	oaip_buf_puts(out, ", ");
	h(out, fw->section ? fw->section : fw->title);
	oaip_buf_puts(out, " (<span class=\"ind-id\">");
	h(out, fw->id);
	oaip_buf_puts(out, "</span>");
	if (fw->version) {
		oaip_buf_puts(out, ", version ");
		h(out, fw->version);
	}
	oaip_buf_puts(out, ")</dd>\n<dt>Date</dt><dd>");
	h(out, x->o && x->o->date ? x->o->date : "");
	oaip_buf_puts(out, "</dd>\n<dt>Target level</dt><dd>");
	h(out, x->target_label);
	oaip_buf_puts(out, "</dd>\n");
	unsigned phase = oaip_comparison_phase(x->c);
	if (phase) {
		oaip_buf_puts(out, "<dt>Phase</dt><dd>");
		const char *sep = "";
		for (unsigned bit = 1; bit <= OAIP_PHASE_POST16; bit <<= 1)
			if (phase & bit) {
				oaip_buf_printf(out, "%s%s", sep,
				                oaip_phase_name(bit));
				sep = ", ";
			}
		oaip_buf_puts(out, "</dd>\n");
	}
	oaip_buf_printf(out,
	                "<dt>Returns</dt><dd>%zu: %zu read, %zu could not be "
	                "read</dd>\n</dl>\n",
	                x->n, x->n_read, x->n_bad);
	oaip_buf_puts(
	    out, "<nav aria-label=\"Contents\">\n<ul>\n"
	         "<li><a href=\"#schools\">Schools by cornerstone</a></li>\n"
	         "<li><a href=\"#area\">Area averages and spread</a></li>\n"
	         "<li><a href=\"#priorities\">Training priorities</a></li>\n"
	         "<li><a href=\"#coverage\">Low coverage</a></li>\n"
	         "<li><a href=\"#unreadable\">Returns not read</a></li>\n"
	         "</ul>\n</nav>\n</div>\n</header>\n");
}

static void html_legend(struct ctx *x)
{
	static const struct {
		double score;
		const char *range;
	} shades[] = {
	    {0, "below 20"},    {20, "20 to 39.9"}, {40, "40 to 59.9"},
	    {60, "60 to 79.9"}, {80, "80 to 100"},
	};
	oaip_buf *out = x->out;
	oaip_buf_puts(out,
	              "<p id=\"heat-key\">Key: each cell shows the score, "
	              "the band in words and how many of the indicators "
	              "that apply were rated.  The shading repeats the "
	              "score:</p>\n<ul class=\"legend\" aria-label=\"Key to "
	              "the shading\">\n");
	for (size_t i = 0; i < sizeof shades / sizeof shades[0]; i++)
		oaip_buf_printf(out, "<li class=\"%s\">score %s</li>\n",
		                oaip_heat_class(true, shades[i].score),
		                shades[i].range);
	oaip_buf_printf(out,
	                "<li class=\"%s\">not evaluated: nothing rated</li>\n"
	                "</ul>\n",
	                oaip_heat_class(false, 0));
}

static void html_schools(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "<section aria-labelledby=\"schools\">\n"
	                   "<h2 id=\"schools\">Schools by cornerstone</h2>\n");
	oaip_buf_puts(
	    out,
	    "<p>For each cornerstone, a school's score is 100 × the sum of its "
	    "ratings divided by the sum of the top rating, over the indicators "
	    "it rated.  Indicators left blank or marked n/a are not counted as "
	    "zero: the score rests on fewer indicators, so every score is "
	    "shown "
	    "with its count of rated indicators.  The overall score is the "
	    "mean "
	    "of the cornerstone scores that are not empty.</p>\n");
	if (!x->n_read) {
		oaip_buf_puts(out, "<p>");
		h(out, no_figures(x));
		oaip_buf_puts(out, ".</p>\n</section>\n");
		return;
	}
	html_legend(x);
	/* On a narrow screen the table scrolls inside its own region, which
	 * can be reached with the keyboard; wider, and on paper, it fits
	 * (compare_css). */
	oaip_buf_puts(out,
	              "<div class=\"table-wrap\" tabindex=\"0\" "
	              "role=\"region\" aria-labelledby=\"heat-caption\">\n"
	              "<table class=\"data heat\" aria-describedby="
	              "\"heat-key\">\n<caption id=\"heat-caption\">Scores "
	              "by school and cornerstone (heat map)</caption>\n"
	              "<colgroup><col class=\"school\"><col class=\"score\" "
	              "span=\"5\"></colgroup>\n"
	              "<thead>\n<tr>"
	              "<th scope=\"col\">School</th>"
	              "<th scope=\"col\" class=\"num\">Overall</th>");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, "<th scope=\"col\" class=\"num\">%s</th>",
		                oaip_cornerstone_title(k));
	oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (!s->counted)
			continue;
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		h(out, s->school);
		oaip_buf_puts(out, "<br><span class=\"ind-id\">");
		h(out, s->file);
		oaip_buf_puts(out, "</span>");
		if (s->low_coverage)
			oaip_buf_puts(out, "<br><span class=\"badge "
			                   "badge-below\">low coverage</span>");
		oaip_buf_puts(out, "</th>");
		/* The overall cell's count is the school's coverage. */
		oaip_cornerstone_score all = overall_of(s);
		html_heat_cell(x, &all);
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
			html_heat_cell(x, &s->cs[k]);
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void html_area(struct ctx *x)
{
	oaip_buf *out = x->out;
	if (!x->n_read) {
		oaip_buf_puts(out, "<section aria-labelledby=\"area\">\n"
		                   "<h2 id=\"area\">Area averages and spread"
		                   "</h2>\n<p>");
		h(out, no_figures(x));
		oaip_buf_puts(out, ", so there are no area figures.</p>\n"
		                   "</section>\n");
		return;
	}
	oaip_buf_printf(out,
	                "<section aria-labelledby=\"area\">\n"
	                "<h2 id=\"area\">Area averages and spread</h2>\n"
	                "<p>Over the %zu %s that could be read.  Quartiles are "
	                "found by linear interpolation between closest ranks "
	                "(as QUARTILE.INC in a spreadsheet).</p>\n",
	                x->n_read, plural(x->n_read, "return", "returns"));

	/* A chart of the medians, with its numbers in the description and
	 * in the table below it. */
	oaip_html_bar bars[OAIP_N_CORNERSTONES + 1];
	oaip_buf desc;
	oaip_buf_init(&desc);
	oaip_buf_puts(&desc, "Median score of the schools:");
	for (int w = 0; w <= OVERALL; w++) {
		const oaip_spread *sp = oaip_comparison_spread(x->c, w);
		bars[w] = (oaip_html_bar){0};
		bars[w].label = measure_title(w);
		bars[w].has_value = sp->n > 0;
		bars[w].value = sp->median;
		oaip_buf_printf(&desc, "%s %s ", w ? ";" : "",
		                measure_title(w));
		if (sp->n)
			oaip_buf_printf(&desc, "%.1f%% (%zu %s)",
			                oaip_score_round(sp->median), sp->n,
			                plural(sp->n, "school", "schools"));
		else
			oaip_buf_puts(&desc, "not evaluated");
	}
	oaip_buf_printf(&desc, ".  The dashed line marks the target, %.1f%%.",
	                oaip_score_round(x->target_score));
	oaip_buf label;
	oaip_buf_init(&label);
	oaip_buf_printf(&label, "Target: %s", x->target_label);
	oaip_buf_puts(out, "<figure class=\"chart\">\n");
	oaip_html_bar_chart(out, "area-median", "Median score per cornerstone",
	                    desc.failed ? "" : desc.data, bars, OVERALL + 1,
	                    x->target_score, label.failed ? "" : label.data);
	oaip_buf_puts(out, "<figcaption>Median score per cornerstone across "
	                   "the schools; the table below gives the spread."
	                   "</figcaption>\n</figure>\n");
	if (desc.failed || label.failed)
		out->failed = true;
	oaip_buf_free(&desc);
	oaip_buf_free(&label);

	oaip_buf_puts(out, "<table class=\"data\">\n<caption>Area averages and "
	                   "spread of the scores</caption>\n<thead>\n<tr>"
	                   "<th scope=\"col\">Cornerstone</th>"
	                   "<th scope=\"col\" class=\"num\">Schools with a "
	                   "score</th><th scope=\"col\" class=\"num\">Mean</th>"
	                   "<th scope=\"col\" class=\"num\">Minimum</th>"
	                   "<th scope=\"col\" class=\"num\">Lower quartile</th>"
	                   "<th scope=\"col\" class=\"num\">Median</th>"
	                   "<th scope=\"col\" class=\"num\">Upper quartile</th>"
	                   "<th scope=\"col\" class=\"num\">Maximum</th></tr>\n"
	                   "</thead>\n<tbody>\n");
	for (int w = 0; w <= OVERALL; w++) {
		const oaip_spread *sp = oaip_comparison_spread(x->c, w);
		oaip_buf_printf(
		    out,
		    "<tr><th scope=\"row\">%s</th><td class=\"num\">"
		    "%zu of %zu</td>",
		    measure_title(w), sp->n, x->n_read);
		const double v[] = {sp->mean,   sp->min, sp->q1,
		                    sp->median, sp->q3,  sp->max};
		for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
			oaip_buf_puts(out, "<td class=\"num\">");
			if (sp->n)
				put_score(out, v[k]);
			else
				oaip_buf_puts(out, "not evaluated");
			oaip_buf_puts(out, "</td>");
		}
		oaip_buf_puts(out, "</tr>\n");
	}
	oaip_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

static void html_priorities(struct ctx *x)
{
	oaip_buf *out = x->out;
	const oaip_priority *p;
	size_t np = oaip_comparison_priorities(x->c, &p);
	oaip_buf_puts(out, "<section aria-labelledby=\"priorities\">\n"
	                   "<h2 id=\"priorities\">Training priorities</h2>\n");
	if (no_figures(x)) {
		oaip_buf_puts(out, "<p>");
		h(out, no_figures(x));
		oaip_buf_puts(out,
		              ", so there are no training priorities.</p>\n"
		              "</section>\n");
		return;
	}
	if (!np) {
		oaip_buf_puts(out, "<p>No school rated any indicator below the "
		                   "target.</p>\n</section>\n");
		return;
	}
	oaip_buf_puts(out,
	              "<p>The indicators most often rated below the target "
	              "(");
	h(out, x->target_label);
	oaip_buf_printf(out,
	                ") across the schools, most schools first (up to "
	                "%d).</p>\n<table class=\"data\">\n<caption>Indicators "
	                "most often below target</caption>\n<thead>\n<tr>"
	                "<th scope=\"col\" class=\"num\">Rank</th>"
	                "<th scope=\"col\">Indicator</th>"
	                "<th scope=\"col\">Cornerstone</th>"
	                "<th scope=\"col\" class=\"num\">Schools below "
	                "target</th></tr>\n</thead>\n<tbody>\n",
	                OAIP_COMPARE_PRIORITIES);
	for (size_t i = 0; i < np; i++) {
		const oaip_indicator *ind = &x->fw->indicators[p[i].indicator];
		oaip_buf_printf(out,
		                "<tr><td class=\"num\">%zu</td><th "
		                "scope=\"row\"><span class=\"ind-id\">",
		                i + 1);
		h(out, ind->id);
		oaip_buf_puts(out, "</span> ");
		h(out, ind->text);
		oaip_buf_printf(
		    out,
		    "</th><td>%s</td><td class=\"num\">%zu of the %zu "
		    "%s that rated it (%.1f%%)</td></tr>\n",
		    oaip_cornerstone_title(ind->cornerstone), p[i].below,
		    p[i].rated, plural(p[i].rated, "school", "schools"),
		    oaip_score_round(percent(p[i].below, p[i].rated)));
	}
	oaip_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

static void html_low(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out,
	              "<section aria-labelledby=\"coverage\">\n"
	              "<h2 id=\"coverage\">Schools with low coverage</h2>\n");
	if (!x->n_read) {
		oaip_buf_puts(out, "<p>");
		h(out, no_figures(x));
		oaip_buf_puts(out, ".</p>\n</section>\n");
		return;
	}
	if (!oaip_comparison_low_coverage(x->c)) {
		oaip_buf_puts(out,
		              "<p>None: every school that could be read rated "
		              "at least half of the indicators that apply to "
		              "it.</p>\n</section>\n");
		return;
	}
	oaip_buf_puts(out,
	              "<p>Schools that rated fewer than half (50%) of the "
	              "indicators that apply to them: their scores rest "
	              "on little evidence.</p>\n<table class=\"data low\">\n"
	              "<caption>Schools with low coverage</caption>\n"
	              "<colgroup><col class=\"school\"><col class=\"file\">"
	              "<col></colgroup>\n"
	              "<thead>\n<tr><th scope=\"col\">School</th>"
	              "<th scope=\"col\">File</th><th scope=\"col\" "
	              "class=\"num\">Indicators rated</th></tr>\n</thead>\n"
	              "<tbody>\n");
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (!s->low_coverage || !s->counted)
			continue;
		oaip_buf_puts(out, "<tr><th scope=\"row\">");
		h(out, s->school);
		oaip_buf_puts(out, "</th><td class=\"ind-id\">");
		h(out, s->file);
		oaip_buf_printf(
		    out,
		    "</td><td class=\"num\">%zu of %zu (%.1f%%)</td>"
		    "</tr>\n",
		    s->rated, s->total,
		    oaip_score_round(percent(s->rated, s->total)));
	}
	oaip_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

static void html_unreadable(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "<section aria-labelledby=\"unreadable\">\n"
	                   "<h2 id=\"unreadable\">Returns that could not be "
	                   "read</h2>\n");
	if (!x->n_bad) {
		oaip_buf_puts(out, "<p>None: every return could be read.</p>\n"
		                   "</section>\n");
		return;
	}
	oaip_buf_puts(out, "<p>These returns are left out of everything above. "
	                   " Correct them and run the comparison again.</p>\n"
	                   "<ul>\n");
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (s->readable)
			continue;
		oaip_buf_puts(out, "<li><span class=\"ind-id\">");
		h(out, s->file);
		oaip_buf_puts(out, "</span>\n<ul>\n");
		for (size_t k = 0; k < s->n_errors; k++) {
			const oaip_diag *e = &s->errors[k];
			oaip_buf_puts(out, "<li><code>");
			h(out, e->file);
			if (e->line > 0)
				oaip_buf_printf(out, ":%ld", e->line);
			oaip_buf_puts(out, "</code>: ");
			h(out, e->message);
			oaip_buf_puts(out, "</li>\n");
		}
		if (s->n_errors_total > s->n_errors)
			oaip_buf_printf(out, "<li>and %zu more %s</li>\n",
			                s->n_errors_total - s->n_errors,
			                plural(s->n_errors_total - s->n_errors,
			                       "error", "errors"));
		oaip_buf_puts(out, "</ul>\n</li>\n");
	}
	oaip_buf_puts(out, "</ul>\n</section>\n");
}

static void render_html(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf title;
	oaip_buf_init(&title);
	oaip_buf_puts(&title, "Area comparison: ");
	oaip_buf_puts(&title, x->fw->title ? x->fw->title : "");
	html_begin(out, title.failed ? "Area comparison" : title.data);
	oaip_buf_free(&title);
	html_header(x);
	/* The heat map gets a wider column than the text around it. */
	oaip_buf_puts(out, "<main id=\"main\">\n");
	const char *none = no_figures(x);
	if (none) {
		oaip_buf_puts(out, "<div class=\"page\">\n<p class=\"notice\">"
		                   "<strong>");
		h(out, none);
		oaip_buf_puts(out, ", so this report has no scores, area "
		                   "figures or training priorities.</strong>");
		if (x->n_bad)
			oaip_buf_puts(out,
			              " Each return's errors are listed "
			              "under <a href=\"#unreadable\">Returns "
			              "that could not be read</a>.");
		oaip_buf_puts(out, "</p>\n</div>\n");
	}
	oaip_buf_puts(out, x->n_read ? "<div class=\"page wide\">\n"
	                             : "<div class=\"page\">\n");
	html_schools(x);
	oaip_buf_puts(out, "</div>\n<div class=\"page\">\n");
	html_area(x);
	html_priorities(x);
	html_low(x);
	html_unreadable(x);
	oaip_buf_puts(out, "</div>\n</main>\n");

	oaip_buf foot;
	oaip_buf_init(&foot);
	oaip_buf_puts(&foot, "<p>");
	h(&foot, x->fw->attribution);
	oaip_buf_puts(&foot, "</p>\n<p>Written by oaip-eval ");
	h(&foot, x->o && x->o->program_version ? x->o->program_version : "");
	oaip_buf_puts(&foot, " on ");
	h(&foot, x->o && x->o->date ? x->o->date : "");
	oaip_buf_puts(&foot, ".</p>");
	if (foot.failed)
		out->failed = true;
	oaip_html_page_end(out, foot.failed ? NULL : foot.data);
	oaip_buf_free(&foot);
}

/* ---- JSON ---------------------------------------------------------------- */

/* The comparison's JSON is written directly rather than built as jansson
 * values: at 10,000 schools jansson's serialiser alone took about 200 ms,
 * some fourteen times this writer, and pushed compare well past its
 * target of staying within 1.5x of the time needed just to read the
 * returns (bench/run).  The output is checked by parsing it back with
 * jansson in tests/test_compare.c, hostile file names included.
 *
 * A JSON string.  The text is valid UTF-8 (compare.c and the framework
 * loader make sure of it), so only quotes, backslashes and control
 * characters need escaping. */
static void js(oaip_buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	oaip_buf_putc(out, '"');
	const char *run = s ? s : "";
	for (const char *p = run;; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != 0x7f)
			continue;
		oaip_buf_putn(out, run, (size_t)(p - run));
		if (!ch)
			break;
		switch (ch) {
		case '"':
			oaip_buf_puts(out, "\\\"");
			break;
		case '\\':
			oaip_buf_puts(out, "\\\\");
			break;
		case '\n':
			oaip_buf_puts(out, "\\n");
			break;
		case '\r':
			oaip_buf_puts(out, "\\r");
			break;
		case '\t':
			oaip_buf_puts(out, "\\t");
			break;
		default: {
			char u[7] = {'\\',         'u',          '0', '0',
			             hex[ch >> 4], hex[ch & 15], 0};
			oaip_buf_puts(out, u);
		}
		}
		run = p + 1;
	}
	oaip_buf_putc(out, '"');
}

static void js_score(oaip_buf *out, bool has, double score)
{
	if (has)
		put_score(out, score);
	else
		oaip_buf_puts(out, "null");
}

static void json_size(oaip_buf *out, const char *member, size_t n)
{
	oaip_buf_puts(out, member);
	put_size(out, n);
}

static void json_school(struct ctx *x, const oaip_school *s)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "{\"file\":");
	js(out, s->file);
	oaip_buf_puts(out, ",\"school\":");
	js(out, s->school);
	oaip_buf_puts(out, ",\"overall\":");
	js_score(out, s->has_overall, s->overall);
	json_size(out, ",\"rated\":", s->rated);
	json_size(out, ",\"total\":", s->total);
	oaip_buf_puts(out, s->low_coverage ? ",\"low_coverage\":true"
	                                   : ",\"low_coverage\":false");
	oaip_buf_puts(out, ",\"cornerstones\":[");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_cornerstone_score *cs = &s->cs[k];
		/* Ids and titles are fixed text with nothing to escape. */
		oaip_buf_puts(out, k ? ",{\"id\":\"" : "{\"id\":\"");
		oaip_buf_puts(out, oaip_cornerstone_id(k));
		oaip_buf_puts(out, "\",\"title\":\"");
		oaip_buf_puts(out, oaip_cornerstone_title(k));
		oaip_buf_puts(out, "\",\"score\":");
		js_score(out, cs->has_score, cs->score);
		json_size(out, ",\"rated\":", cs->rated);
		json_size(out, ",\"total\":", cs->total);
		json_size(out, ",\"na\":", cs->na);
		json_size(out, ",\"not_evaluated\":", cs->empty);
		json_size(out, ",\"at_target\":", cs->at_target);
		json_size(out, ",\"gaps\":", cs->gaps);
		oaip_buf_puts(out, ",\"band\":");
		js(out,
		   oaip_band(cs, &x->fw->scale, oaip_comparison_target(x->c)));
		oaip_buf_putc(out, '}');
	}
	oaip_buf_puts(out, "]}");
}

static void render_json(struct ctx *x)
{
	oaip_buf *out = x->out;
	const oaip_framework *fw = x->fw;
	oaip_buf_puts(out, "{\n\"framework\":");
	js(out, fw->id);
	oaip_buf_puts(out, ",\n\"framework_title\":");
	js(out, fw->title);
	oaip_buf_puts(out, ",\n\"date\":");
	js(out, x->o && x->o->date ? x->o->date : "");
	/* the target as in the score report: its value and label */
	oaip_buf_printf(out, ",\n\"target\":%d,\n\"target_label\":",
	                oaip_comparison_target(x->c));
	js(out, x->target_label);
	oaip_buf_printf(out,
	                ",\n\"returns\":%zu,\n\"read\":%zu,\n\"schools\":[",
	                x->n, x->n_read);
	const char *sep = "\n";
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (!s->counted)
			continue;
		oaip_buf_puts(out, sep);
		json_school(x, s);
		sep = ",\n";
	}

	oaip_buf_puts(out, "\n],\n\"area\":{\"quartiles\":\"linear "
	                   "interpolation between closest ranks\","
	                   "\"measures\":[");
	for (int w = 0; w <= OVERALL; w++) {
		const oaip_spread *sp = oaip_comparison_spread(x->c, w);
		oaip_buf_printf(out,
		                "%s\n{\"id\":\"%s\",\"title\":\"%s\","
		                "\"schools\":%zu",
		                w ? "," : "", measure_id(w), measure_title(w),
		                sp->n);
		const char *names[] = {"mean",   "min", "q1",
		                       "median", "q3",  "max"};
		const double v[] = {sp->mean,   sp->min, sp->q1,
		                    sp->median, sp->q3,  sp->max};
		for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
			oaip_buf_printf(out, ",\"%s\":", names[k]);
			js_score(out, sp->n > 0, v[k]);
		}
		oaip_buf_putc(out, '}');
	}

	const oaip_priority *p;
	size_t np = oaip_comparison_priorities(x->c, &p);
	oaip_buf_puts(out, "\n]},\n\"priorities\":[");
	for (size_t i = 0; i < np; i++) {
		const oaip_indicator *ind = &fw->indicators[p[i].indicator];
		oaip_buf_printf(out, "%s\n{\"rank\":%zu,\"indicator\":",
		                i ? "," : "", i + 1);
		js(out, ind->id);
		oaip_buf_printf(out, ",\"cornerstone\":\"%s\",\"text\":",
		                oaip_cornerstone_id(ind->cornerstone));
		js(out, ind->text);
		oaip_buf_printf(
		    out,
		    ",\"below_target\":%zu,\"rated\":%zu,"
		    "\"percent\":%.1f}",
		    p[i].below, p[i].rated,
		    oaip_score_round(percent(p[i].below, p[i].rated)));
	}

	oaip_buf_puts(out, "\n],\n\"low_coverage\":{\"threshold\":50,"
	                   "\"schools\":[");
	sep = "\n";
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (!s->low_coverage || !s->counted)
			continue;
		oaip_buf_puts(out, sep);
		oaip_buf_puts(out, "{\"file\":");
		js(out, s->file);
		oaip_buf_puts(out, ",\"school\":");
		js(out, s->school);
		oaip_buf_printf(out, ",\"rated\":%zu,\"total\":%zu}", s->rated,
		                s->total);
		sep = ",\n";
	}

	oaip_buf_puts(out, "\n]},\n\"unreadable\":[");
	sep = "\n";
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (s->readable)
			continue;
		oaip_buf_puts(out, sep);
		oaip_buf_puts(out, "{\"file\":");
		js(out, s->file);
		oaip_buf_puts(out, ",\"school\":");
		js(out, s->school);
		oaip_buf_puts(out, ",\"errors\":[");
		for (size_t k = 0; k < s->n_errors; k++) {
			const oaip_diag *e = &s->errors[k];
			oaip_buf_puts(out, k ? ",{\"file\":" : "{\"file\":");
			js(out, e->file);
			oaip_buf_printf(out,
			                ",\"line\":%ld,\"message\":", e->line);
			js(out, e->message);
			oaip_buf_putc(out, '}');
		}
		oaip_buf_printf(out, "],\"errors_total\":%zu}",
		                s->n_errors_total);
		sep = ",\n";
	}
	oaip_buf_puts(out, "\n]\n}\n");
}

/* ---- CSV -------------------------------------------------------------------
 */

/* One row per return, in input order, for a spreadsheet: UTF-8 with a
 * byte order mark (so Excel reads it as UTF-8) and CRLF line ends, like
 * the template.  Every cell from a school or a file goes through
 * oaip_escape_csv, which neutralises anything a spreadsheet would take for
 * a formula.
 *
 * The columns: school, file, overall, the four cornerstone scores, then
 * each cornerstone's counts (<id>_rated, <id>_total: indicators rated,
 * indicators that apply), then the school's rated and total over every
 * cornerstone, and the error of a return that could not be read.  The
 * scores come first, as they always have, so a sheet that reads them by
 * position still finds them; the counts follow so that no score stands
 * without them.  An empty score means nothing was rated. */
#define CSV_COLUMNS (3 + 3 * OAIP_N_CORNERSTONES + 3)

static void render_csv(struct ctx *x)
{
	oaip_buf *out = x->out;
	oaip_buf_puts(out, "\xEF\xBB\xBFschool,file,overall");
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, ",%s", oaip_cornerstone_id(k));
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		oaip_buf_printf(out, ",%s_rated,%s_total",
		                oaip_cornerstone_id(k), oaip_cornerstone_id(k));
	oaip_buf_puts(out, ",rated,total,error\r\n");
	oaip_buf err;
	oaip_buf_init(&err);
	for (size_t i = 0; i < x->n; i++) {
		const oaip_school *s = oaip_comparison_school(x->c, i);
		if (s->readable && !s->counted)
			continue; /* a duplicate: its school has a row */
		oaip_escape_csv(out, s->school);
		oaip_buf_putc(out, ',');
		oaip_escape_csv(out, s->file);
		if (!s->readable) {
			const oaip_diag *e = &s->errors[0];
			err.len = 0;
			if (e->line > 0)
				oaip_buf_printf(&err, "%s:%ld: %s", e->file,
				                e->line, e->message);
			else
				oaip_buf_printf(&err, "%s: %s", e->file,
				                e->message);
			if (s->n_errors_total > 1)
				oaip_buf_printf(&err, " (and %zu more %s)",
				                s->n_errors_total - 1,
				                plural(s->n_errors_total - 1,
				                       "error", "errors"));
			/* Every column between the file and the error is empty.
			 */
			for (int k = 2; k < CSV_COLUMNS; k++)
				oaip_buf_putc(out, ',');
			oaip_escape_csv(out, err.failed ? "" : err.data);
			oaip_buf_puts(out, "\r\n");
			continue;
		}
		oaip_buf_putc(out, ',');
		if (s->has_overall)
			put_score(out, s->overall);
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_putc(out, ',');
			if (s->cs[k].has_score)
				put_score(out, s->cs[k].score);
		}
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			oaip_buf_putc(out, ',');
			put_size(out, s->cs[k].rated);
			oaip_buf_putc(out, ',');
			put_size(out, s->cs[k].total);
		}
		oaip_buf_putc(out, ',');
		put_size(out, s->rated);
		oaip_buf_putc(out, ',');
		put_size(out, s->total);
		oaip_buf_puts(out, ",\r\n");
	}
	if (err.failed)
		out->failed = true;
	oaip_buf_free(&err);
}

/* ---- entry point ------------------------------------------------------------
 */

static void prepare(struct ctx *x, const oaip_comparison *c,
                    const oaip_render_options *o, oaip_buf *out)
{
	const oaip_framework *fw = oaip_comparison_framework(c);
	int target = oaip_comparison_target(c);
	const oaip_level *t = oaip_scale_level(&fw->scale, target);
	int r_max = oaip_scale_max(&fw->scale);
	*x = (struct ctx){
	    .c = c,
	    .fw = fw,
	    .o = o,
	    .out = out,
	    .target_label = t ? t->label : "",
	    .target_score = r_max > 0 ? 100.0 * target / r_max : 100.0,
	    .n = oaip_comparison_count(c),
	    .n_bad = oaip_comparison_unreadable(c),
	};
	x->n_read = oaip_comparison_counted(c);
	for (size_t i = 0; i < x->n && !x->any_rated; i++) {
		const oaip_school *s = oaip_comparison_school(c, i);
		x->any_rated = s->readable && s->rated > 0;
	}
}

#define ENTRY(name, fn)                                                        \
	void name(const oaip_comparison *c, const oaip_render_options *o,      \
	          oaip_buf *out)                                               \
	{                                                                      \
		struct ctx x;                                                  \
		prepare(&x, c, o, out);                                        \
		fn(&x);                                                        \
	}
ENTRY(oaip_compare_md, render_markdown)
ENTRY(oaip_compare_html, render_html)
ENTRY(oaip_compare_json, render_json)
ENTRY(oaip_compare_csv, render_csv)
