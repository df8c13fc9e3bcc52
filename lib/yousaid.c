/* yousaid.c - "You said, we did": a one-page answer to parent carers.
 * Pure: no I/O.  Every choice (which questions, in what order) and every
 * sentence is made here, once; render_yousaid.c only lays them out.
 *
 * The page takes the questions fewest parent carers agreed with (lowest
 * agree %, then more answers first, then framework order), at most
 * OAIP_YOUSAID_MAX of them, among the questions whose answers may be
 * shown (at least the survey's minimum answered it, and the survey as a
 * whole reached the minimum number of respondents).  For each it says,
 * in the questionnaire's own words, how many agreed of how many
 * answered; then the school's evidence ("We did") and next steps ("We
 * will") for that indicator.  Plain language: no scores, no levels, no
 * framework jargon. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

void oaip_yousaid_free(oaip_yousaid *y)
{
	if (!y)
		return;
	free(y->items);
	free(y);
}

/* Does a come before b: a lower agree %, then more answers, then
 * framework order? */
static bool before(const oaip_survey_result *res, size_t a, size_t b)
{
	const oaip_survey_tally *ta = &res->items[a], *tb = &res->items[b];
	/* Compare agree / answered exactly: a1 * n2 < a2 * n1. */
	size_t l = ta->agree * tb->answered, r = tb->agree * ta->answered;
	if (l != r)
		return l < r;
	if (ta->answered != tb->answered)
		return ta->answered > tb->answered;
	return a < b;
}

oaip_yousaid *oaip_yousaid_build(const oaip_result *r,
                                 const oaip_survey_result *res)
{
	if (!r || !res || !res->sv || res->sv->fw != r->fw)
		return NULL;
	oaip_yousaid *y = calloc(1, sizeof *y);
	if (!y)
		return NULL;
	y->r = r;
	y->res = res;
	y->items = calloc(OAIP_YOUSAID_MAX, sizeof *y->items);
	if (!y->items) {
		free(y);
		return NULL;
	}
	if (!res->shown)
		return y;
	const oaip_framework *fw = r->fw;
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_survey_tally *t = &res->items[i];
		if (!fw->indicators[i].ask || !t->shown || !t->answered ||
		    !oaip_indicator_applies(&fw->indicators[i], r->phase))
			continue;
		/* Insert into the sorted list of at most MAX. */
		size_t k = y->n;
		while (k > 0 && before(res, i, y->items[k - 1]))
			k--;
		if (k >= OAIP_YOUSAID_MAX)
			continue;
		size_t last =
		    y->n < OAIP_YOUSAID_MAX ? y->n : OAIP_YOUSAID_MAX - 1;
		memmove(&y->items[k + 1], &y->items[k],
		        (last - k) * sizeof *y->items);
		y->items[k] = i;
		if (y->n < OAIP_YOUSAID_MAX)
			y->n++;
	}
	return y;
}

/* ------------------------------------------------------------------ */
/* Wording                                                            */

void oaip_yousaid_title(const oaip_yousaid *y, oaip_buf *out)
{
	(void)y;
	oaip_buf_puts(out, "You said, we did");
}

void oaip_yousaid_school(const oaip_yousaid *y, oaip_buf *out)
{
	const char *school = y->r->se->school;
	oaip_buf_puts(out, school && *school ? school : "Our school");
}

void oaip_yousaid_intro(const oaip_yousaid *y, oaip_buf *out)
{
	const oaip_survey *sv = y->res->sv;
	if (!y->res->shown) {
		oaip_buf_printf(
		    out,
		    "Thank you to everyone who answered our survey "
		    "for parent carers. Fewer than %zu parent "
		    "carers answered, so we are not sharing the "
		    "results: with so few, someone's answers could "
		    "be recognised. We will ask again, and we would "
		    "like to hear from more of you.",
		    y->res->min);
		return;
	}
	oaip_buf_printf(out,
	                "Thank you to the %zu parent carers who answered our "
	                "survey. Here is what you told us, what we have done "
	                "and what we will do next.",
	                sv->respondents);
	if (y->n)
		oaip_buf_printf(out,
		                " These are the %s fewest of you agreed with.",
		                y->n == 1 ? "statement" : "statements");
}

void oaip_yousaid_question(const oaip_yousaid *y, size_t k, oaip_buf *out)
{
	oaip_buf_puts(out, y->r->fw->indicators[y->items[k]].ask);
}

void oaip_yousaid_said(const oaip_yousaid *y, size_t k, oaip_buf *out)
{
	const oaip_survey_tally *t = &y->res->items[y->items[k]];
	size_t disagree = t->counts[OAIP_ANSWER_DISAGREE] +
	                  t->counts[OAIP_ANSWER_STRONGLY_DISAGREE];
	oaip_buf_printf(out,
	                "%zu of the %zu parent carers who answered %s, and "
	                "%zu %s.",
	                t->agree, t->answered,
	                t->agree == 1 ? "agrees" : "agree", disagree,
	                disagree == 1 ? "disagrees" : "disagree");
	size_t dk = t->counts[OAIP_ANSWER_DONT_KNOW];
	if (dk)
		oaip_buf_printf(out, " %zu said they did not know.", dk);
}

static bool has_text(const char *s)
{
	if (!s)
		return false;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return true;
	return false;
}

/* The school's text, shortened at a word to at most OAIP_YOUSAID_TEXT
 * bytes with "…" after it, so that the page always fits on one sheet;
 * the whole text is in the score report. */
static void school_text(const char *s, oaip_buf *out)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' ||
	             s[n - 1] == '\t'))
		n--;
	if (n <= OAIP_YOUSAID_TEXT) {
		oaip_buf_putn(out, s, n);
		return;
	}
	size_t cut = OAIP_YOUSAID_TEXT;
	while (cut > 0 && s[cut] != ' ' && s[cut] != '\n')
		cut--;
	if (cut == 0) /* one long word: cut between UTF-8 characters */
		for (cut = OAIP_YOUSAID_TEXT;
		     cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80; cut--)
			;
	while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',' ||
	                   s[cut - 1] == ';' || s[cut - 1] == '\n'))
		cut--;
	oaip_buf_putn(out, s, cut);
	oaip_buf_puts(out, " \u2026");
}

void oaip_yousaid_did(const oaip_yousaid *y, size_t k, oaip_buf *out)
{
	const char *ev = y->r->se->entries[y->items[k]].evidence;
	if (has_text(ev))
		school_text(ev, out);
	else
		oaip_buf_puts(out, "We have not written this down yet; please "
		                   "ask us about it.");
}

void oaip_yousaid_will(const oaip_yousaid *y, size_t k, oaip_buf *out)
{
	const char *ns = y->r->se->entries[y->items[k]].next_steps;
	if (has_text(ns))
		school_text(ns, out);
	else
		oaip_buf_puts(out, "We are still deciding what to do next, and "
		                   "will tell you.");
}

void oaip_yousaid_closing(const oaip_yousaid *y, oaip_buf *out)
{
	(void)y;
	oaip_buf_puts(out,
	              "Please tell us what you think of this, at any "
	              "time: speak to your child's teacher or to any of us.");
}

void oaip_yousaid_credit(const oaip_yousaid *y, oaip_buf *out)
{
	const oaip_framework *fw = y->r->fw;
	if (fw->ask_attribution && *fw->ask_attribution) {
		oaip_buf_puts(out, fw->ask_attribution);
		return;
	}
	oaip_buf_puts(out, "The survey's statements were written from ");
	oaip_buf_puts(out, oaip_framework_name(fw));
	oaip_buf_puts(out, "; they are not the local authority's words.");
}
