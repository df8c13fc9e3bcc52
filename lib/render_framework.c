/* render_framework.c - a whole framework as Markdown (oaip-eval show):
 * every indicator, example and quote, with the scale and the Four
 * Cornerstones.  All framework text goes through oaip_escape_markdown. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "render_framework.h"

static void text(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s ? s : "", false);
}

size_t oaip_framework_n_practice(const oaip_expectation *e)
{
	size_t n = 0;
	for (size_t i = 0; i < e->n_examples; i++)
		n += e->examples[i].kind == OAIP_EXAMPLE_PRACTICE;
	return n;
}

void oaip_framework_phases_text(oaip_buf *out, unsigned bits)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
	    {OAIP_PHASE_EARLY_YEARS, "early years"},
	    {OAIP_PHASE_SCHOOL, "school"},
	    {OAIP_PHASE_POST16, "post-16"},
	};
	if (bits == 0 || (bits & OAIP_PHASE_ALL) == OAIP_PHASE_ALL) {
		oaip_buf_puts(out, "all phases");
		return;
	}
	bool first = true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (bits & names[i].bit) {
			oaip_buf_printf(out, "%s%s", first ? "" : ", ",
			                names[i].name);
			first = false;
		}
}

const char oaip_framework_cornerstones_note[] =
    "Every indicator belongs to one of the Four Cornerstones of "
    "co-production (Rotherham Parent Carers Forum and Rotherham Borough "
    "Council, Genuine Partnerships).  The one-line summaries are "
    "oaip-eval's, not the framework's words.";

void oaip_framework_target_text(oaip_buf *out, const oaip_framework *fw,
                                void (*write)(oaip_buf *, const char *))
{
	const oaip_level *target =
	    oaip_scale_level(&fw->scale, fw->scale.target);
	oaip_buf_puts(out, "Target: ");
	if (target) {
		oaip_buf_printf(out, "%d ", target->value);
		write(out, target->label);
	}
	oaip_buf_puts(out, ".  An indicator rated below the target is a gap.  "
	                   "A rating may also be n/a (not applicable), or "
	                   "left empty (not evaluated yet).");
}

/* Paragraphs separated by blank lines, each escaped. */
static void paragraphs(oaip_buf *out, const char *s)
{
	while (s && *s) {
		const char *end = strstr(s, "\n\n");
		size_t n = end ? (size_t)(end - s) : strlen(s);
		char *p = oaip_strndup(s, n);
		if (!p) {
			out->failed = true;
			return;
		}
		text(out, p);
		oaip_buf_puts(out, "\n\n");
		free(p);
		s = end ? end + 2 : NULL;
	}
}

static void example_item(oaip_buf *out, const oaip_example *ex,
                         const char *indent)
{
	oaip_buf_printf(out, "%s- ", indent);
	text(out, ex->text);
	if (ex->phases) {
		oaip_buf_puts(out, " *(");
		oaip_framework_phases_text(out, ex->phases);
		oaip_buf_puts(out, ")*");
	}
	oaip_buf_putc(out, '\n');
}

static void quote(oaip_buf *out, const oaip_example *ex)
{
	oaip_buf_puts(out, "> ");
	text(out, ex->text);
	oaip_buf_puts(out, "\n");
	if (ex->by) {
		oaip_buf_puts(out, ">\n> — ");
		text(out, ex->by);
		oaip_buf_putc(out, '\n');
	}
	if (ex->phases) {
		oaip_buf_puts(out, ">\n> *(");
		oaip_framework_phases_text(out, ex->phases);
		oaip_buf_puts(out, ")*\n");
	}
	oaip_buf_putc(out, '\n');
}

static void indicator(oaip_buf *out, const oaip_indicator *ind)
{
	oaip_buf_printf(out, "- `%s` ", ind->id);
	text(out, ind->text);
	oaip_buf_printf(out, "  \n  *%s · ",
	                oaip_cornerstone_title(ind->cornerstone));
	oaip_framework_phases_text(out, ind->phases);
	if (ind->weight != 1.0)
		oaip_buf_printf(out, " · weight %g", ind->weight);
	oaip_buf_puts(out, "*\n");
	if (ind->ask) {
		oaip_buf_printf(
		    out, "\n  Parent carers are asked (%s): ", ind->code);
		text(out, ind->ask);
		oaip_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < ind->n_examples; i++)
		example_item(out, &ind->examples[i], "  ");
}

static void expectation(oaip_buf *out, const oaip_framework *fw,
                        const oaip_expectation *e)
{
	oaip_buf_puts(out, "### ");
	if (e->title) {
		text(out, e->title);
		oaip_buf_puts(out, "\n\n**");
		text(out, e->statement);
		oaip_buf_puts(out, "**\n\n");
	} else {
		text(out, e->statement);
		oaip_buf_puts(out, "\n\n");
	}
	oaip_buf_printf(out, "Expectation `%s`", e->id);
	if (e->cornerstone >= 0)
		oaip_buf_printf(
		    out, " · %s",
		    oaip_cornerstone_title((oaip_cornerstone)e->cornerstone));
	oaip_buf_puts(out, "\n\n");
	for (size_t i = 0; i < e->n_notes; i++) {
		text(out, e->notes[i]);
		oaip_buf_puts(out, "\n\n");
	}

	oaip_buf_printf(out, "**Indicators (%zu):**\n\n", e->n_indicators);
	for (size_t i = 0; i < e->n_indicators; i++)
		indicator(out, &fw->indicators[e->first_indicator + i]);
	oaip_buf_putc(out, '\n');

	if (oaip_framework_n_practice(e)) {
		oaip_buf_puts(out,
		              "**" OAIP_FRAMEWORK_PRACTICE_TITLE ":**\n\n");
		for (size_t i = 0; i < e->n_examples; i++)
			if (e->examples[i].kind == OAIP_EXAMPLE_PRACTICE)
				example_item(out, &e->examples[i], "");
		oaip_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < e->n_examples; i++)
		if (e->examples[i].kind == OAIP_EXAMPLE_QUOTE)
			quote(out, &e->examples[i]);
}

void oaip_render_framework_markdown(const oaip_framework *fw, oaip_buf *out)
{
	oaip_buf_puts(out, "# ");
	text(out, fw->title);
	oaip_buf_puts(out, "\n\n");

	oaip_buf_printf(out, "- Framework: `%s`", fw->id);
	if (fw->version) {
		oaip_buf_puts(out, ", version ");
		text(out, fw->version);
	}
	oaip_buf_puts(out, "\n- Publisher: ");
	text(out, fw->publisher);
	oaip_buf_puts(out, "\n- Section: ");
	text(out, fw->section);
	if (fw->url) {
		/* Shown as text, not as a link: the address is the
		 * author's, and text cannot run a script. */
		oaip_buf_puts(out, "\n- Source: ");
		text(out, fw->url);
	}
	size_t count[OAIP_N_CORNERSTONES] = {0};
	for (size_t i = 0; i < fw->n_indicators; i++)
		count[fw->indicators[i].cornerstone]++;
	oaip_buf_printf(out, "\n- Indicators: %zu\n\n", fw->n_indicators);
	text(out, fw->attribution);
	oaip_buf_puts(out, "\n\n");
	if (fw->ask_attribution) {
		text(out, fw->ask_attribution);
		oaip_buf_puts(out, "\n\n");
	}

	oaip_buf_puts(out, "## Rating scale\n\n");
	for (size_t i = 0; i < fw->scale.n_levels; i++) {
		const oaip_level *l = &fw->scale.levels[i];
		oaip_buf_printf(out, "- %d ", l->value);
		text(out, l->label);
		oaip_buf_printf(out, " (`%s`)", l->id);
		if (l->description) {
			oaip_buf_puts(out, ": ");
			text(out, l->description);
		}
		oaip_buf_putc(out, '\n');
	}
	oaip_buf_putc(out, '\n');
	oaip_framework_target_text(out, fw, text);
	oaip_buf_puts(out, "\n\n## The Four Cornerstones\n\n");
	oaip_buf_puts(out, oaip_framework_cornerstones_note);
	oaip_buf_puts(out, "\n\n");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		oaip_buf_printf(
		    out, "- **%s** (`%s`, %zu indicator%s): %s\n",
		    oaip_cornerstone_title((oaip_cornerstone)c),
		    oaip_cornerstone_id((oaip_cornerstone)c), count[c],
		    count[c] == 1 ? "" : "s",
		    oaip_cornerstone_description((oaip_cornerstone)c));
	oaip_buf_putc(out, '\n');

	for (size_t s = 0; s < fw->n_strands; s++) {
		const oaip_strand *st = &fw->strands[s];
		oaip_buf_puts(out, "## ");
		text(out, st->title);
		oaip_buf_printf(out, "\n\nStrand `%s`\n\n", st->id);
		paragraphs(out, st->description);
		for (size_t i = 0; i < fw->n_expectations; i++)
			if (fw->expectations[i].strand == s)
				expectation(out, fw, &fw->expectations[i]);
	}
}
