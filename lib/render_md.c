/* render_md.c - the score report as GitHub-flavoured Markdown, and the
 * dispatch by format.
 *
 * The report reads as plain text too: short paragraphs, one table, lists.
 * Every string that did not come from this file (school, file name,
 * evidence, next steps, and all framework wording) goes through
 * oaip_escape_markdown, which also escapes '|' for the table.  The
 * renderer never recomputes a score: it shows what oaip_score_compute
 * found, rounded with oaip_score_round. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

void oaip_render_score(const oaip_result *r, oaip_format format,
                       const oaip_render_options *o, oaip_buf *out)
{
	switch (format) {
	case OAIP_FORMAT_HTML:
		oaip_render_score_html(r, o, out);
		return;
	case OAIP_FORMAT_JSON:
		oaip_render_score_json(r, o, out);
		return;
	case OAIP_FORMAT_MARKDOWN:
	case OAIP_FORMAT_CSV: /* no CSV score report: Markdown instead */
		break;
	}
	oaip_render_score_markdown(r, o, out);
}

/* ------------------------------------------------------------------ */
/* Small pieces                                                       */

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s, false);
}

static void percent(oaip_buf *out, double score)
{
	oaip_buf_printf(out, "%.1f%%", oaip_score_round(score));
}

/* Does s hold "www." in any case (the start of a GitHub autolink)? */
static bool has_www(const char *s)
{
	for (; *s; s++)
		if ((s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' &&
		    (s[2] | 0x20) == 'w' && s[3] == '.')
			return true;
	return false;
}

/* Text from this program or already restricted to a token of letters,
 * digits, '.' and '-' (ids, dates, versions) reads better unescaped: the
 * escaper cannot know it is not at the start of a line.  A token such as
 * "www.example.org" (a valid id) is escaped all the same, or GitHub would
 * make it a link. */
static void token(oaip_buf *out, const char *s)
{
	if (s && *s &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz"
	              "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == strlen(s) &&
	    !has_www(s))
		oaip_buf_puts(out, s);
	else
		md(out, s);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const char *level_label(const oaip_framework *fw, int value)
{
	const oaip_level *l = oaip_scale_level(&fw->scale, value);
	return l ? l->label : "?";
}

/* "Established (2)" */
static void level(oaip_buf *out, const oaip_framework *fw, int value)
{
	md(out, level_label(fw, value));
	oaip_buf_printf(out, " (%d)", value);
}

static void indicator_ref(oaip_buf *out, const oaip_indicator *ind)
{
	oaip_buf_puts(out, "**");
	token(out, ind->id);
	oaip_buf_puts(out, "**");
}

/* "school", "early-years or school" */
static void phase_names(oaip_buf *out, unsigned phase)
{
	bool first = true;
	for (unsigned bit = 1; bit <= OAIP_PHASE_POST16; bit <<= 1)
		if (phase & bit) {
			if (!first)
				oaip_buf_puts(out, " or ");
			oaip_buf_puts(out, oaip_phase_name(bit));
			first = false;
		}
}

static bool example_applies(const oaip_example *ex, unsigned phase)
{
	return phase == 0 || ex->phases == 0 || (ex->phases & phase) != 0;
}

/* A URL the framework gives is shown as an autolink only when it is
 * plainly an http(s) address; anything else is shown as escaped text. */
static bool plain_url(const char *u)
{
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p >= 0x7F || strchr("<>\"`\\{}|^", *p))
			return false;
	return true;
}

/* "66.7% — 4 of 5 indicators rated, 3 at or above target" */
static void coverage(oaip_buf *out, const oaip_cornerstone_score *cs)
{
	if (cs->total == 0) {
		oaip_buf_puts(out, "not scored — no indicator applies in this "
		                   "phase");
		return;
	}
	if (cs->has_score)
		percent(out, cs->score);
	else
		oaip_buf_puts(out, "not scored");
	oaip_buf_printf(out, " — %zu of %zu %s rated", cs->rated, cs->total,
	                plural(cs->total, "indicator", "indicators"));
	if (cs->na)
		oaip_buf_printf(out, " (%zu not applicable)", cs->na);
	if (cs->rated)
		oaip_buf_printf(out, ", %zu at or above target", cs->at_target);
	if (cs->gaps)
		oaip_buf_printf(out, ", %zu below", cs->gaps);
}

/* ------------------------------------------------------------------ */
/* Sections                                                           */

static void header(oaip_buf *out, const oaip_result *r,
                   const oaip_render_options *o)
{
	const oaip_framework *fw = r->fw;
	const oaip_selfeval *se = r->se;
	const char *file = oaip_report_file_name(se->file);
	const char *name = oaip_report_school(se);
	const char *school = name ? name : "self-evaluation";

	oaip_buf_puts(out, "# Partnership with parent carers: ");
	md(out, school);
	oaip_buf_puts(out,
	              "\n\nA self-evaluation against the local authority's "
	              "framework, organised by the Four Cornerstones: "
	              "Welcome and Care, Value and Include, Communicate, "
	              "Work in Partnership.\n\n");

	if (name) {
		oaip_buf_puts(out, "- **School:** ");
		md(out, name);
		oaip_buf_putc(out, '\n');
	}
	if (*file) {
		oaip_buf_puts(out, "- **Self-evaluation file:** ");
		md(out, file);
		oaip_buf_putc(out, '\n');
	}
	if (o && o->date) {
		oaip_buf_puts(out, "- **Date of this report:** ");
		token(out, o->date);
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_puts(out, "- **Framework:** ");
	md(out, fw->title);
	if (fw->publisher) {
		oaip_buf_puts(out, ", ");
		md(out, fw->publisher);
	}
	oaip_buf_puts(out, " (framework id ");
	token(out, fw->id);
	if (fw->version) {
		oaip_buf_puts(out, ", version ");
		token(out, fw->version);
	}
	oaip_buf_puts(out, ")\n- **Target level:** ");
	level(out, fw, r->target);
	oaip_buf_puts(out, " on a scale from ");
	if (fw->scale.n_levels) {
		level(out, fw, fw->scale.levels[0].value);
		oaip_buf_puts(out, " to ");
		level(out, fw, oaip_scale_max(&fw->scale));
	}
	oaip_buf_putc(out, '\n');
	if (r->phase) {
		size_t applicable = 0;
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
			applicable += r->cs[c].total;
		size_t left_out = fw->n_indicators - applicable;
		oaip_buf_puts(out, "- **Phase:** ");
		phase_names(out, r->phase);
		oaip_buf_printf(out,
		                " (%zu framework %s that %s not apply in this "
		                "phase %s left out)\n",
		                left_out,
		                plural(left_out, "indicator", "indicators"),
		                plural(left_out, "does", "do"),
		                plural(left_out, "is", "are"));
	}
	if (se->windows1252)
		oaip_buf_puts(out,
		              "- **Note:** the file was not UTF-8 and was read "
		              "as Windows-1252 (the encoding of Excel's CSV "
		              "export)\n");
	oaip_buf_putc(out, '\n');
}

static void summary(oaip_buf *out, const oaip_result *r)
{
	const oaip_framework *fw = r->fw;
	bool low = oaip_report_low_coverage(r);
	oaip_report_totals all;
	oaip_report_totals_get(r, &all);

	oaip_buf_puts(out, "## Summary\n\n");
	if (low) {
		/* Before the numbers, so nobody reads them first. */
		oaip_buf caution;
		oaip_buf_init(&caution);
		oaip_report_caution(r, &caution);
		oaip_buf_puts(out, "**");
		md(out, caution.data);
		oaip_buf_puts(out, "**\n\n");
		if (caution.failed)
			out->failed = true;
		oaip_buf_free(&caution);
	}
	oaip_buf_puts(out, "| Cornerstone | Score and coverage | Band |\n"
	                   "|---|---|---|\n");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_cornerstone_score *cs = &r->cs[c];
		oaip_buf_puts(out, "| ");
		md(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_puts(out, " | ");
		coverage(out, cs);
		oaip_buf_puts(out, " | ");
		md(out, oaip_band(cs, &fw->scale, r->target));
		oaip_buf_puts(out, " |\n");
	}
	oaip_buf_puts(out, "| **Overall** | ");
	if (r->has_overall) {
		oaip_buf basis;
		oaip_buf_init(&basis);
		oaip_report_overall_basis(r, &basis);
		oaip_buf_puts(out, "**");
		percent(out, r->overall);
		oaip_buf_puts(out, "** — ");
		md(out, basis.data);
		if (basis.failed)
			out->failed = true;
		oaip_buf_free(&basis);
	} else {
		oaip_buf_puts(out, "not scored — nothing is rated yet");
	}
	oaip_buf_puts(out, low ? " | " OAIP_BAND_TOO_FEW " |\n\n" : " | |\n\n");

	oaip_buf_printf(
	    out, "%zu of %zu %s rated: %zu at or above the target (", all.rated,
	    all.total, plural(all.total, "indicator", "indicators"),
	    all.at_target);
	md(out, level_label(fw, r->target));
	oaip_buf_printf(out, "), %zu below it", all.gaps);
	if (r->n_not_evaluated)
		oaip_buf_printf(out, ", %zu not yet evaluated",
		                r->n_not_evaluated);
	if (r->n_not_applicable)
		oaip_buf_printf(out, ", %zu not applicable",
		                r->n_not_applicable);
	oaip_buf_puts(out, ".\n");
	if (all.gaps)
		oaip_buf_printf(
		    out, "Every indicator below the target is listed under "
		         "\"Gaps\" below, whatever the score.\n");
	oaip_buf_putc(out, '\n');
}

/* The shared explanation (report.c), as Markdown: paragraphs, and each
 * list of bands as "- **Band:** rule". */
struct md_sink {
	oaip_buf *out;
	bool in_list;
};

static void md_close_list(struct md_sink *m)
{
	if (m->in_list)
		oaip_buf_putc(m->out, '\n');
	m->in_list = false;
}

static void md_para(void *ud, const char *text)
{
	struct md_sink *m = ud;
	md_close_list(m);
	md(m->out, text);
	oaip_buf_puts(m->out, "\n\n");
}

static void md_item(void *ud, const char *band, const char *rule)
{
	struct md_sink *m = ud;
	oaip_buf_puts(m->out, "- **");
	md(m->out, band);
	oaip_buf_puts(m->out, ":** ");
	md(m->out, rule);
	oaip_buf_putc(m->out, '\n');
	m->in_list = true;
}

static void md_end(void *ud)
{
	md_close_list(ud);
}

static void method(oaip_buf *out, const oaip_result *r)
{
	struct md_sink m = {out, false};
	oaip_report_sink sink = {md_para, md_item, md_end, &m};
	oaip_buf_puts(out, "## How scores are worked out\n\n");
	if (!oaip_report_method(r, &sink))
		out->failed = true;
}

/* "; weight 2" for an indicator that counts more (or less) than one. */
static void weight_note(oaip_buf *out, const oaip_indicator *ind,
                        const char *sep)
{
	if (ind->weight != 1.0)
		oaip_buf_printf(out, "%sweight %g", sep, ind->weight);
}

static void examples_list(oaip_buf *out, const oaip_example *ex, size_t n,
                          unsigned phase)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (ex[i].kind != OAIP_EXAMPLE_PRACTICE ||
		    !example_applies(&ex[i], phase))
			continue;
		oaip_buf_puts(out, "- ");
		md(out, ex[i].text);
		oaip_buf_putc(out, '\n');
		any = true;
	}
	if (any)
		oaip_buf_putc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		if (ex[i].kind != OAIP_EXAMPLE_QUOTE ||
		    !example_applies(&ex[i], phase))
			continue;
		oaip_buf_puts(out, "> “");
		md(out, ex[i].text);
		oaip_buf_puts(out, "”");
		if (ex[i].by) {
			oaip_buf_puts(out, " — ");
			md(out, ex[i].by);
		}
		oaip_buf_puts(out, "\n\n");
	}
}

static size_t count_applicable(const oaip_example *ex, size_t n, unsigned phase)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += example_applies(&ex[i], phase);
	return k;
}

static void good_practice(oaip_buf *out, const oaip_result *r,
                          const oaip_indicator *ind, const size_t *shown_by)
{
	const oaip_framework *fw = r->fw;
	const oaip_expectation *e = ind->expectation < fw->n_expectations
	                                ? &fw->expectations[ind->expectation]
	                                : NULL;
	oaip_buf_puts(out, "**What good practice could look like**\n\n");
	if (e) {
		oaip_buf_puts(out, "The framework's expectation");
		if (e->title) {
			oaip_buf_puts(out, " (");
			md(out, e->title);
			oaip_buf_puts(out, ")");
		}
		oaip_buf_puts(out, ": ");
		md(out, e->statement);
		oaip_buf_puts(out, "\n\n");
	}
	if (ind->n_examples &&
	    count_applicable(ind->examples, ind->n_examples, r->phase))
		examples_list(out, ind->examples, ind->n_examples, r->phase);
	if (!e || !count_applicable(e->examples, e->n_examples, r->phase))
		return;
	size_t first = shown_by[ind->expectation];
	if (first != (size_t)-1 && first != (size_t)(ind - fw->indicators)) {
		oaip_buf_puts(out,
		              "The framework's examples for this expectation "
		              "are listed under ");
		indicator_ref(out, &fw->indicators[first]);
		oaip_buf_puts(out, " above.\n\n");
		return;
	}
	if (fw->publisher) {
		md(out, fw->publisher);
		oaip_buf_puts(out, "'s examples for this expectation:\n\n");
	} else {
		oaip_buf_puts(out, "The framework's examples for this "
		                   "expectation:\n\n");
	}
	examples_list(out, e->examples, e->n_examples, r->phase);
}

/* The school's evidence and next steps as list items, each line of them
 * a hard break, indented by indent (a list nested in a strength).  A
 * strength shows next steps only when there are some. */
static void school_words(oaip_buf *out, const oaip_entry *e, const char *indent,
                         bool always_next)
{
	oaip_buf_printf(out, "%s- **Evidence:** ", indent);
	if (e->evidence && *e->evidence)
		oaip_escape_markdown(out, e->evidence, true);
	else
		oaip_buf_puts(out, "none recorded");
	oaip_buf_putc(out, '\n');
	if (!always_next && !(e->next_steps && *e->next_steps))
		return;
	oaip_buf_printf(out, "%s- **Next steps:** ", indent);
	if (e->next_steps && *e->next_steps)
		oaip_escape_markdown(out, e->next_steps, true);
	else
		oaip_buf_puts(out, "none recorded");
	oaip_buf_putc(out, '\n');
}

static void gaps(oaip_buf *out, const oaip_result *r)
{
	const oaip_framework *fw = r->fw;
	const oaip_selfeval *se = r->se;
	oaip_buf_puts(out, "## Gaps: indicators below the target\n\n");
	if (!r->n_gaps) {
		oaip_buf_puts(out, "No rated indicator is below the target (");
		md(out, level_label(fw, r->target));
		oaip_buf_puts(out, ").");
		if (r->n_not_evaluated)
			oaip_buf_puts(out,
			              " Indicators not yet evaluated could "
			              "still be: see below.");
		oaip_buf_puts(out, "\n\n");
		return;
	}
	oaip_buf_printf(out, "%zu %s rated below the target (", r->n_gaps,
	                plural(r->n_gaps, "indicator is", "indicators are"));
	md(out, level_label(fw, r->target));
	oaip_buf_puts(out, "), by cornerstone. Each shows the school's "
	                   "evidence and next steps and what the framework "
	                   "says good practice could look like.\n\n");

	/* The first gap of each expectation shows its examples; later gaps
	 * of the same expectation point back to it. */
	size_t *shown_by = malloc(
	    (fw->n_expectations ? fw->n_expectations : 1) * sizeof *shown_by);
	if (!shown_by) {
		out->failed = true;
		return;
	}
	for (size_t i = 0; i < fw->n_expectations; i++)
		shown_by[i] = (size_t)-1;

	int current = -1;
	for (size_t k = 0; k < r->n_gaps; k++) {
		size_t i = r->gaps[k];
		const oaip_indicator *ind = &fw->indicators[i];
		const oaip_entry *e = &se->entries[i];
		if ((int)ind->cornerstone != current) {
			current = (int)ind->cornerstone;
			const oaip_cornerstone_score *cs = &r->cs[current];
			oaip_buf_puts(out, "### ");
			md(out, oaip_cornerstone_title(ind->cornerstone));
			oaip_buf_printf(out, " (%zu %s)\n\n", cs->gaps,
			                plural(cs->gaps, "gap", "gaps"));
		}
		oaip_buf_puts(out, "#### ");
		token(out, ind->id);
		oaip_buf_puts(out, ": ");
		md(out, ind->text);
		oaip_buf_puts(out, "\n\n- **Rating:** ");
		level(out, fw, e->level);
		oaip_buf_puts(out, "; the target is ");
		level(out, fw, r->target);
		weight_note(out, ind, "; ");
		oaip_buf_putc(out, '\n');
		school_words(out, e, "", true);
		oaip_buf_putc(out, '\n');
		good_practice(out, r, ind, shown_by);
		if (ind->expectation < fw->n_expectations &&
		    shown_by[ind->expectation] == (size_t)-1)
			shown_by[ind->expectation] = i;
	}
	free(shown_by);
}

static void strengths(oaip_buf *out, const oaip_result *r)
{
	const oaip_framework *fw = r->fw;
	oaip_buf_puts(out, "## Strengths\n\n");
	if (!r->n_strengths) {
		oaip_buf_puts(out,
		              "No indicator is rated at or above the target "
		              "yet.\n\n");
		return;
	}
	oaip_buf_printf(
	    out, "%zu %s rated at or above the target (", r->n_strengths,
	    plural(r->n_strengths, "indicator is", "indicators are"));
	md(out, level_label(fw, r->target));
	oaip_buf_puts(out, ").\n\n");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		bool heading = false;
		for (size_t k = 0; k < r->n_strengths; k++) {
			const oaip_indicator *ind =
			    &fw->indicators[r->strengths[k]];
			if ((int)ind->cornerstone != c)
				continue;
			if (!heading) {
				oaip_buf_puts(out, "### ");
				md(out,
				   oaip_cornerstone_title((oaip_cornerstone)c));
				oaip_buf_puts(out, "\n\n");
				heading = true;
			}
			oaip_buf_puts(out, "- ");
			indicator_ref(out, ind);
			oaip_buf_puts(out, " (");
			md(out, level_label(
			            fw, r->se->entries[r->strengths[k]].level));
			weight_note(out, ind, ", ");
			oaip_buf_puts(out, "): ");
			md(out, ind->text);
			oaip_buf_putc(out, '\n');
			school_words(out, &r->se->entries[r->strengths[k]],
			             "  ", false);
		}
		if (heading)
			oaip_buf_putc(out, '\n');
	}
}

static void id_list(oaip_buf *out, const oaip_result *r, const size_t *list,
                    size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const oaip_indicator *ind = &r->fw->indicators[list[k]];
		oaip_buf_puts(out, "- ");
		indicator_ref(out, ind);
		oaip_buf_puts(out, " (");
		md(out, oaip_cornerstone_title(ind->cornerstone));
		oaip_buf_puts(out, "): ");
		md(out, ind->text);
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_putc(out, '\n');
}

static void not_rated(oaip_buf *out, const oaip_result *r)
{
	oaip_buf_puts(out, "## Not yet evaluated\n\n");
	if (!r->n_not_evaluated) {
		oaip_buf_puts(out,
		              "Every indicator that applies has a rating or "
		              "is marked not applicable.\n\n");
	} else {
		oaip_buf_printf(
		    out,
		    "%zu %s no rating yet. %s not counted in any score, not "
		    "even as zero: rate %s to complete the picture.\n\n",
		    r->n_not_evaluated,
		    plural(r->n_not_evaluated, "indicator has",
		           "indicators have"),
		    plural(r->n_not_evaluated, "It is", "They are"),
		    plural(r->n_not_evaluated, "it", "them"));
		id_list(out, r, r->not_evaluated, r->n_not_evaluated);
	}
	if (r->n_not_applicable) {
		oaip_buf_printf(
		    out,
		    "## Not applicable\n\n%zu %s marked not applicable by the "
		    "school and not counted.\n\n",
		    r->n_not_applicable,
		    plural(r->n_not_applicable, "indicator is",
		           "indicators are"));
		id_list(out, r, r->not_applicable, r->n_not_applicable);
	}
}

static void about(oaip_buf *out, const oaip_result *r,
                  const oaip_render_options *o)
{
	const oaip_framework *fw = r->fw;
	oaip_buf_puts(out, "## About the framework\n\n");
	md(out, fw->title);
	if (fw->publisher) {
		oaip_buf_puts(out, ", ");
		md(out, fw->publisher);
	}
	oaip_buf_puts(out, ".");
	if (fw->section) {
		oaip_buf_puts(out, " Source: ");
		md(out, fw->section);
		oaip_buf_puts(out, ".");
	}
	if (fw->url) {
		oaip_buf_puts(out, " ");
		if (plain_url(fw->url)) {
			oaip_buf_printf(out, "<%s>", fw->url);
		} else {
			md(out, fw->url);
		}
	}
	oaip_buf_puts(out, "\n\n");
	if (fw->attribution) {
		md(out, fw->attribution);
		oaip_buf_puts(out, "\n\n");
	}
	if (!fw->attribution || !strstr(fw->attribution, "Rotherham"))
		oaip_buf_puts(out, "The Four Cornerstones approach to "
		                   "co-production was developed by Rotherham "
		                   "Parent Carers Forum and Rotherham Borough "
		                   "Council (Genuine Partnerships).\n\n");
	oaip_buf_puts(out, "---\n\nMade with oaip-eval");
	if (o && o->program_version) {
		oaip_buf_putc(out, ' ');
		token(out, o->program_version);
	}
	if (o && o->date) {
		oaip_buf_puts(out, " on ");
		token(out, o->date);
	}
	oaip_buf_puts(out, ".\n");
}

void oaip_render_score_markdown(const oaip_result *r,
                                const oaip_render_options *o, oaip_buf *out)
{
	header(out, r, o);
	summary(out, r);
	method(out, r);
	strengths(out, r);
	gaps(out, r);
	not_rated(out, r);
	about(out, r, o);
}
