/* render_score_md.c - the score report as GitHub-flavoured Markdown: a
 * walk over the model (report.h) that writes markup and nothing else.
 *
 * The report reads as plain text too: short paragraphs, one table, lists.
 * Every string from the model goes through oaip_escape_markdown (which
 * also escapes '|' for the table), apart from tokens of letters, digits,
 * '.' and '-' (ids, dates, versions), which read better as they are. */
#include "config.h"

#include <string.h>

#include "report.h"

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s ? s : "", false);
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

/* An id, date or version unescaped when it is a plain token: the escaper
 * cannot know it is not at the start of a line.  "www.example.org" (a
 * valid id) is escaped all the same, or GitHub would make it a link. */
static void token(oaip_buf *out, const char *s)
{
	if (s && *s &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz"
	              "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-%") == strlen(s) &&
	    !has_www(s))
		oaip_buf_puts(out, s);
	else
		md(out, s);
}

static void indicator_ref(oaip_buf *out, const oaip_rindicator *m)
{
	oaip_buf_puts(out, "**");
	token(out, m->id);
	oaip_buf_puts(out, "**");
}

static void field(oaip_buf *out, const char *name, const char *value)
{
	oaip_buf_printf(out, "- **%s:** ", name);
	md(out, value);
	oaip_buf_putc(out, '\n');
}

static void header(oaip_buf *out, const oaip_score_report *rep)
{
	oaip_buf_puts(out, "# Partnership with parent carers: ");
	md(out, rep->school ? rep->school : "self-evaluation");
	oaip_buf_puts(out, "\n\n");
	md(out, rep->intro);
	oaip_buf_puts(out, "\n\n");
	if (rep->school)
		field(out, "School", rep->school);
	if (*rep->file_name)
		field(out, "Self-evaluation file", rep->file_name);
	if (rep->date) {
		oaip_buf_puts(out, "- **Date of this report:** ");
		token(out, rep->date);
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_puts(out, "- **Framework:** ");
	md(out, rep->framework_title);
	if (rep->framework_publisher) {
		oaip_buf_puts(out, ", ");
		md(out, rep->framework_publisher);
	}
	oaip_buf_puts(out, " (framework id ");
	token(out, rep->framework_id);
	if (rep->framework_version) {
		oaip_buf_puts(out, ", version ");
		token(out, rep->framework_version);
	}
	oaip_buf_puts(out, ")\n");
	field(out, "Target level", rep->target_sentence);
	if (rep->phase_text)
		field(out, "Phase", rep->phase_text);
	if (rep->encoding_note)
		field(out, "Note", rep->encoding_note);
	oaip_buf_putc(out, '\n');
}

static void summary(oaip_buf *out, const oaip_score_report *rep)
{
	oaip_buf_puts(out, "## Summary\n\n");
	if (rep->caution) {
		oaip_buf_puts(out, "**");
		md(out, rep->caution);
		oaip_buf_puts(out, "**\n\n");
	}
	oaip_buf_puts(out, "| Cornerstone | Score and coverage | Band |\n"
	                   "|---|---|---|\n");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_rcornerstone *cs = &rep->cs[c];
		oaip_buf_puts(out, "| ");
		md(out, cs->title);
		oaip_buf_puts(out, " | ");
		token(out, cs->has_score ? cs->score_text : "not scored");
		oaip_buf_puts(out, " — ");
		md(out, cs->coverage);
		oaip_buf_puts(out, " | ");
		md(out, cs->band);
		oaip_buf_puts(out, " |\n");
	}
	oaip_buf_puts(out, "| **Overall** | ");
	if (rep->has_overall) {
		oaip_buf_puts(out, "**");
		token(out, rep->overall_text);
		oaip_buf_puts(out, "**");
	} else {
		md(out, rep->overall_text);
	}
	oaip_buf_puts(out, " — ");
	md(out, rep->overall_basis);
	oaip_buf_puts(out, " |");
	if (*rep->overall_band) {
		oaip_buf_putc(out, ' ');
		md(out, rep->overall_band);
	}
	oaip_buf_puts(out, " |\n\n");
	if (rep->target_note) {
		md(out, rep->target_note);
		oaip_buf_puts(out, ".  \n");
	}
	md(out, rep->counts);
	oaip_buf_putc(out, '\n');
	if (rep->gaps_note) {
		md(out, rep->gaps_note);
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_putc(out, '\n');
}

static void examples(oaip_buf *out, const oaip_rexamples *ex)
{
	for (size_t i = 0; i < ex->n; i++) {
		const oaip_rexample *e = &ex->v[i];
		if (e->quote) {
			oaip_buf_puts(out, "> “");
			md(out, e->text);
			oaip_buf_puts(out, "” — ");
			md(out, e->by);
		} else {
			oaip_buf_puts(out, "- ");
			md(out, e->text);
		}
		if (e->phase) {
			oaip_buf_puts(out, " (");
			md(out, e->phase);
			oaip_buf_puts(out, ")");
		}
		oaip_buf_puts(out, e->quote ? "\n\n" : "\n");
		if (!e->quote && i + 1 == ex->n_practice)
			oaip_buf_putc(out, '\n');
	}
}

/* The school's evidence and next steps as list items, each line of them
 * a hard break, indented by indent (a list nested in a strength).  A
 * strength shows next steps only when there are some. */
static void school_words(oaip_buf *out, const oaip_rindicator *m,
                         const char *indent, bool always_next)
{
	oaip_buf_printf(out, "%s- **Evidence:** ", indent);
	if (m->evidence)
		oaip_escape_markdown(out, m->evidence, true);
	else
		oaip_buf_puts(out, "none recorded");
	oaip_buf_putc(out, '\n');
	if (!always_next && !m->next_steps)
		return;
	oaip_buf_printf(out, "%s- **Next steps:** ", indent);
	if (m->next_steps)
		oaip_escape_markdown(out, m->next_steps, true);
	else
		oaip_buf_puts(out, "none recorded");
	oaip_buf_putc(out, '\n');
}

static void heading(oaip_buf *out, const char *level, const char *text)
{
	oaip_buf_printf(out, "%s ", level);
	md(out, text);
	oaip_buf_puts(out, "\n\n");
}

static void strengths(oaip_buf *out, const oaip_rlist *l)
{
	heading(out, "##", l->title);
	md(out, l->intro);
	oaip_buf_puts(out, "\n\n");
	for (size_t g = 0; g < l->n_groups; g++) {
		const oaip_rgroup *grp = &l->groups[g];
		heading(out, "###", grp->cornerstone);
		for (size_t k = 0; k < grp->n; k++) {
			const oaip_rindicator *m = &grp->v[k];
			oaip_buf_puts(out, "- ");
			indicator_ref(out, m);
			oaip_buf_puts(out, " (");
			md(out, m->rating_label);
			if (m->weight_text) {
				oaip_buf_puts(out, ", ");
				md(out, m->weight_text);
			}
			oaip_buf_puts(out, "): ");
			md(out, m->text);
			oaip_buf_putc(out, '\n');
			school_words(out, m, "  ", false);
		}
		oaip_buf_putc(out, '\n');
	}
}

static void good_practice(oaip_buf *out, const oaip_rindicator *m)
{
	oaip_buf_puts(out, "**What good practice could look like**\n\n");
	if (m->expectation) {
		oaip_buf_puts(out, "The framework's expectation");
		if (m->expectation_title) {
			oaip_buf_puts(out, " (");
			md(out, m->expectation_title);
			oaip_buf_puts(out, ")");
		}
		oaip_buf_puts(out, ": ");
		md(out, m->expectation);
		oaip_buf_puts(out, "\n\n");
	}
	examples(out, &m->own);
	if (m->examples_at) {
		oaip_buf_puts(out, "The framework's examples for this "
		                   "expectation are listed under ");
		indicator_ref(out, m->examples_at);
		oaip_buf_puts(out, " above.\n\n");
	} else if (m->examples_intro) {
		md(out, m->examples_intro);
		oaip_buf_puts(out, "\n\n");
		examples(out, &m->examples);
	}
}

static void gaps(oaip_buf *out, const oaip_rlist *l, const char *target)
{
	heading(out, "##", l->title);
	md(out, l->intro);
	oaip_buf_puts(out, "\n\n");
	for (size_t g = 0; g < l->n_groups; g++) {
		const oaip_rgroup *grp = &l->groups[g];
		heading(out, "###", grp->heading);
		for (size_t k = 0; k < grp->n; k++) {
			const oaip_rindicator *m = &grp->v[k];
			oaip_buf_puts(out, "#### ");
			token(out, m->id);
			oaip_buf_puts(out, ": ");
			md(out, m->text);
			oaip_buf_puts(out, "\n\n- **Rating:** ");
			md(out, m->rating);
			oaip_buf_puts(out, "; the target is ");
			md(out, target);
			if (m->weight_text) {
				oaip_buf_puts(out, "; ");
				md(out, m->weight_text);
			}
			oaip_buf_putc(out, '\n');
			school_words(out, m, "", true);
			oaip_buf_putc(out, '\n');
			good_practice(out, m);
		}
	}
}

static void id_list(oaip_buf *out, const oaip_rlist *l)
{
	heading(out, "##", l->title);
	md(out, l->intro);
	oaip_buf_puts(out, "\n\n");
	for (size_t k = 0; k < l->n; k++) {
		const oaip_rindicator *m = &l->v[k];
		oaip_buf_puts(out, "- ");
		indicator_ref(out, m);
		oaip_buf_puts(out, " (");
		md(out, m->cornerstone);
		oaip_buf_puts(out, "): ");
		md(out, m->text);
		oaip_buf_putc(out, '\n');
	}
	if (l->n)
		oaip_buf_putc(out, '\n');
}

static void about(oaip_buf *out, const oaip_score_report *rep)
{
	heading(out, "##", rep->about_title);
	md(out, rep->framework_name);
	oaip_buf_puts(out, ".");
	if (rep->framework_section) {
		oaip_buf_puts(out, " Source: ");
		md(out, rep->framework_section);
		oaip_buf_puts(out, ".");
	}
	if (rep->framework_url) {
		oaip_buf_puts(out, " ");
		if (rep->url_is_link)
			oaip_buf_printf(out, "<%s>", rep->framework_url);
		else
			md(out, rep->framework_url);
	}
	oaip_buf_puts(out, "\n\n");
	if (rep->attribution) {
		md(out, rep->attribution);
		oaip_buf_puts(out, "\n\n");
	}
	if (rep->cornerstones_credit) {
		md(out, rep->cornerstones_credit);
		oaip_buf_puts(out, "\n\n");
	}
	oaip_buf_puts(out, "---\n\n");
	md(out, rep->ownership);
	oaip_buf_putc(out, ' ');
	md(out, rep->credit);
	oaip_buf_putc(out, '\n');
}

void oaip_score_md(const oaip_score_report *rep, oaip_buf *out)
{
	const oaip_rsections *s = &rep->sections;
	header(out, rep);
	oaip_sections_md(s, OAIP_AFTER_HEADER, out);
	summary(out, rep);
	oaip_sections_md(s, OAIP_AFTER_SUMMARY, out);
	oaip_method_md(&rep->method, out);
	oaip_sections_md(s, OAIP_AFTER_METHOD, out);
	strengths(out, &rep->strengths);
	oaip_sections_md(s, OAIP_AFTER_STRENGTHS, out);
	gaps(out, &rep->gaps, rep->target_text);
	oaip_sections_md(s, OAIP_AFTER_GAPS, out);
	id_list(out, &rep->not_evaluated);
	if (rep->has_not_applicable)
		id_list(out, &rep->not_applicable);
	oaip_sections_md(s, OAIP_AFTER_LISTS, out);
	about(out, rep);
}
