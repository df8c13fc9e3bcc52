/* test_render.c - the Markdown and JSON score reports, and escaping.
 *
 * Markdown output is parsed back with cmark: whatever a school types, its
 * text must come back as the same plain text, never as a link, image,
 * raw HTML, heading, list or code. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <cmark.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* ------------------------------------------------------------------ */
/* A small framework and self-evaluation, built by hand               */

#define N_IND 9

typedef struct fixture {
	oaip_framework fw;
	oaip_indicator ind[N_IND];
	oaip_expectation exp[4];
	oaip_example ex[6];
	oaip_level levels[4];
	oaip_selfeval se;
	oaip_entry entries[N_IND];
} fixture;

static fixture F;

static const char INJECTION[] =
    "[click](javascript:alert(1)) ![x](https://evil/x.png) "
    "<script>alert(1)</script> | a | b |\n"
    "# heading\n"
    "- item\n"
    "1. one\n"
    "<div>x</div>\n"
    "`code` *em* _em_ ~~del~~ <https://evil.example> "
    "https://evil.example www.evil.example a@b.co &amp; &#60; \\\n"
    "    indented\n"
    "---\n"
    "> quoted\n"
    "===";

/* The injection as it must read once parsed: each line trimmed, lines
 * joined by hard breaks. */
static const char INJECTION_TEXT[] =
    "[click](javascript:alert(1)) ![x](https://evil/x.png) "
    "<script>alert(1)</script> | a | b |\n"
    "# heading\n"
    "- item\n"
    "1. one\n"
    "<div>x</div>\n"
    "`code` *em* _em_ ~~del~~ <https://evil.example> "
    "https://evil.example www.evil.example a@b.co &amp; &#60; \\\n"
    "indented\n"
    "---\n"
    "> quoted\n"
    "===";

enum { W1, W2, V1, V2, C1, C2, C3, P1, P2 };

static void setup_fixture(void)
{
	static const char *const ids[] = {"not-yet", "emerging", "established",
	                                  "embedded"};
	static const char *const labels[] = {"Not yet", "Emerging",
	                                     "Established", "Embedded"};
	static const struct {
		const char *id;
		oaip_cornerstone c;
	} inds[N_IND] = {
	    {"w1", OAIP_WELCOME_AND_CARE},    {"w2", OAIP_WELCOME_AND_CARE},
	    {"v1", OAIP_VALUE_AND_INCLUDE},   {"v2", OAIP_VALUE_AND_INCLUDE},
	    {"c1", OAIP_COMMUNICATE},         {"c2", OAIP_COMMUNICATE},
	    {"c3", OAIP_COMMUNICATE},         {"p1", OAIP_WORK_IN_PARTNERSHIP},
	    {"p2", OAIP_WORK_IN_PARTNERSHIP},
	};
	static char texts[N_IND][64];
	memset(&F, 0, sizeof F);
	for (int i = 0; i < 4; i++) {
		F.levels[i].value = i;
		F.levels[i].id = (char *)ids[i];
		F.levels[i].label = (char *)labels[i];
	}
	oaip_framework *fw = &F.fw;
	fw->id = (char *)"tiny";
	fw->title = (char *)"Tiny framework";
	fw->publisher = (char *)"Tiny Council";
	fw->section = (char *)"Working with parent carers";
	fw->version = (char *)"2025";
	fw->attribution = (char *)"(c) Tiny Council.";
	fw->scale.levels = F.levels;
	fw->scale.n_levels = 4;
	fw->scale.target = 2;
	fw->indicators = F.ind;
	fw->n_indicators = N_IND;
	fw->expectations = F.exp;
	fw->n_expectations = 4;
	for (int e = 0; e < 4; e++) {
		static char eid[4][8], st[4][64];
		snprintf(eid[e], sizeof eid[e], "e%d", e + 1);
		snprintf(st[e], sizeof st[e], "Statement of expectation %d.",
		         e + 1);
		F.exp[e].id = eid[e];
		F.exp[e].statement = st[e];
		F.exp[e].cornerstone = e;
	}
	size_t first[4] = {0, 2, 4, 7}, count[4] = {2, 2, 3, 2};
	for (int e = 0; e < 4; e++) {
		F.exp[e].first_indicator = first[e];
		F.exp[e].n_indicators = count[e];
	}
	for (size_t i = 0; i < N_IND; i++) {
		snprintf(texts[i], sizeof texts[i], "Text of indicator %s.",
		         inds[i].id);
		F.ind[i].id = (char *)inds[i].id;
		F.ind[i].text = texts[i];
		F.ind[i].cornerstone = inds[i].c;
		F.ind[i].weight = 1;
		F.ind[i].expectation = inds[i].c; /* one per cornerstone */
	}
	/* Examples of expectation 2 (Value and Include), one only for early
	 * years, and a quote; one example specific to indicator v2. */
	F.ex[0] =
	    (oaip_example){OAIP_EXAMPLE_PRACTICE,
	                   (char *)"A named first point of contact.", NULL, 0};
	F.ex[1] = (oaip_example){OAIP_EXAMPLE_PRACTICE,
	                         (char *)"Stay and play sessions.", NULL,
	                         OAIP_PHASE_EARLY_YEARS};
	F.ex[2] = (oaip_example){OAIP_EXAMPLE_QUOTE,
	                         (char *)"They always take me seriously.",
	                         (char *)"Parent carer", 0};
	F.exp[1].examples = F.ex;
	F.exp[1].n_examples = 3;
	F.ex[3] =
	    (oaip_example){OAIP_EXAMPLE_PRACTICE,
	                   (char *)"Home visits [see policy](x).", NULL, 0};
	F.ind[V2].examples = &F.ex[3];
	F.ind[V2].n_examples = 1;

	F.se.fw = fw;
	F.se.entries = F.entries;
	F.se.file = (char *)"/home/sally/Documents/<tiny> [x](y).csv";
	F.se.school = (char *)"Tiny [x](javascript:1) <b>School</b>";
	/* w1=3 w2=2 v1=1 v2=1 c1=0 c2=3 c3=n/a p1,p2 blank */
	int levels[N_IND] = {3, 2, 1, 1, 0, 3, -1, -2, -2};
	for (size_t i = 0; i < N_IND; i++) {
		if (levels[i] >= 0) {
			F.entries[i].kind = OAIP_RATING_RATED;
			F.entries[i].level = levels[i];
		} else if (levels[i] == -1) {
			F.entries[i].kind = OAIP_RATING_NA;
		}
	}
	F.entries[V1].evidence = (char *)INJECTION;
	F.entries[V1].next_steps =
	    (char *)"Café mornings – “every” term\r\nReview in July";
	F.entries[C1].evidence = (char *)"Newsletter only.";
}

static oaip_result *score(unsigned phase)
{
	setup_fixture();
	oaip_score_options o = {.target = -1, .phase = phase};
	oaip_result *r = oaip_score_compute(&F.se, &o);
	assert_non_null(r);
	return r;
}

static const oaip_render_options OPTS = {.date = "2026-11-23",
                                         .program_version = "9.9.9"};

static char *render(oaip_result *r, oaip_format f)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_score(r, f, &OPTS, &b);
	assert_false(b.failed);
	char *s = oaip_buf_detach(&b);
	assert_non_null(s);
	return s;
}

/* ------------------------------------------------------------------ */
/* cmark helpers                                                      */

/* The plain text of a node: text and code literals, a line break as
 * '\n' and a soft break as ' '. */
static void flatten(cmark_node *node, oaip_buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			oaip_buf_puts(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_LINEBREAK:
			oaip_buf_putc(out, '\n');
			break;
		case CMARK_NODE_SOFTBREAK:
			oaip_buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

#define WJ "\xE2\x81\xA0" /* U+2060 WORD JOINER, invisible */

/* The text a reader sees: as flatten, without the invisible word joiners
 * the escaper puts before '@' (see test_escape_markdown_autolinks). */
static char *text_of(cmark_node *node)
{
	oaip_buf b;
	oaip_buf_init(&b);
	flatten(node, &b);
	char *t = oaip_buf_detach(&b);
	assert_non_null(t);
	char *w;
	while ((w = strstr(t, WJ)) != NULL)
		memmove(w, w + 3, strlen(w + 3) + 1);
	return t;
}

/* GitHub's extended autolinks, as its Markdown parser finds them:
 *   "www." where a link may start, and "scheme://", in the source text
 *   (an escaped '.' or ':' stops them);
 *   an e-mail address ("a@b.co", also after "mailto:" or "xmpp:") in
 *   the text once escapes are read: an '@' right after a letter, digit
 *   or one of . + - _ : in a run of text.
 * Checked more strictly than GitHub does: any "www." in any case, any
 * "://" not escaped, any such '@'.  Returns what was found, or NULL. */
static const char *gfm_autolink(const char *md, cmark_node *doc)
{
	for (const char *p = md; *p; p++) {
		if ((p[0] | 0x20) == 'w' && (p[1] | 0x20) == 'w' &&
		    (p[2] | 0x20) == 'w' && p[3] == '.')
			return "www.";
		if (p[0] == ':' && p[1] == '/' && p[2] == '/' &&
		    (p == md || p[-1] != '\\'))
			return "://";
	}
	/* Runs of text nodes, as GitHub joins them before it looks. */
	const char *found = NULL;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_TEXT)
			continue;
		cmark_node *prev = cmark_node_previous(n);
		if (prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT)
			continue; /* part of a run already seen */
		oaip_buf run;
		oaip_buf_init(&run);
		for (cmark_node *m = n;
		     m && cmark_node_get_type(m) == CMARK_NODE_TEXT;
		     m = cmark_node_next(m))
			oaip_buf_puts(&run, cmark_node_get_literal(m));
		for (size_t i = 1; run.data && i < run.len; i++) {
			unsigned char c = (unsigned char)run.data[i - 1];
			if (run.data[i] == '@' &&
			    ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9') || strchr(".+-_:", c)))
				found = "an e-mail address";
		}
		oaip_buf_free(&run);
	}
	cmark_iter_free(it);
	return found;
}

static size_t count_type(cmark_node *root, cmark_node_type type)
{
	size_t k = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(cmark_iter_get_node(it)) == type)
			k++;
	cmark_iter_free(it);
	return k;
}

/* Does any node of this type have exactly this plain text? */
static bool has_node_text(cmark_node *root, cmark_node_type type,
                          const char *want)
{
	bool found = false;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != type)
			continue;
		char *t = text_of(n);
		found = strcmp(t, want) == 0;
		free(t);
	}
	cmark_iter_free(it);
	return found;
}

/* Any heading whose text contains needle? */
static bool heading_contains(cmark_node *root, const char *needle)
{
	bool found = false;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		char *t = text_of(n);
		if (strstr(t, needle))
			found = true;
		free(t);
	}
	cmark_iter_free(it);
	return found;
}

/* Does needle occur in md without a backslash before it? */
static bool unescaped(const char *md, const char *needle)
{
	for (const char *p = md; (p = strstr(p, needle)) != NULL; p++)
		if (p == md || p[-1] != '\\')
			return true;
	return false;
}

static void check_md(const char *in, const char *want);

/* ------------------------------------------------------------------ */
/* Markdown escaping: parse-back property                             */

/* What escaped text must read as: lines split at CRLF, CR or LF, each
 * trimmed of spaces and tabs, tabs inside a line read as spaces, empty
 * lines dropped; joined by '\n' (keep_newlines) or ' '. */
static char *expected_text(const char *s, bool keep)
{
	oaip_buf b;
	oaip_buf_init(&b);
	const char *p = s;
	bool first = true;
	while (*p) {
		size_t n = strcspn(p, "\r\n");
		const char *a = p, *z = p + n;
		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (z > a) {
			if (!first)
				oaip_buf_putc(&b, keep ? '\n' : ' ');
			for (const char *q = a; q < z; q++)
				oaip_buf_putc(&b, *q == '\t' ? ' ' : *q);
			first = false;
		}
		p += n;
		while (*p == '\r' || *p == '\n')
			p++;
	}
	char *r = oaip_buf_detach(&b);
	assert_non_null(r);
	return r;
}

/* Escape s, parse the result as a whole document and check it is one
 * paragraph of plain text (or nothing) reading exactly as s. */
static void check_escaped(const char *s, bool keep)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_markdown(&b, s, keep);
	const char *md = b.data ? b.data : "";
	cmark_node *doc = cmark_parse_document(md, b.len, CMARK_OPT_DEFAULT);
	assert_non_null(doc);
	char *want = expected_text(s, keep);

	cmark_node *para = cmark_node_first_child(doc);
	if (!*want) {
		if (para)
			fail_msg("'%s' escaped to '%s': expected nothing", s,
			         md);
	} else {
		if (!para ||
		    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
		    cmark_node_next(para))
			fail_msg("'%s' escaped to '%s': not one paragraph", s,
			         md);
		for (cmark_node *n = cmark_node_first_child(para); n;
		     n = cmark_node_next(n)) {
			cmark_node_type t = cmark_node_get_type(n);
			if (t != CMARK_NODE_TEXT && t != CMARK_NODE_LINEBREAK)
				fail_msg("'%s' escaped to '%s' holds a %s", s,
				         md, cmark_node_get_type_string(n));
		}
		char *got = text_of(para);
		if (strcmp(got, want) != 0)
			fail_msg("'%s' escaped to '%s' reads '%s'", s, md, got);
		free(got);
	}
	const char *link = gfm_autolink(md, doc);
	if (link)
		fail_msg("'%s' escaped to '%s': GitHub would link %s", s, md,
		         link);
	free(want);
	cmark_node_free(doc);
	oaip_buf_free(&b);
}

static void test_escape_markdown_cases(void **state)
{
	(void)state;
	static const char *const cases[] = {
	    "",
	    "   ",
	    "\n\n",
	    "plain words, with commas; and a full stop.",
	    "[click](javascript:alert(1))",
	    "![x](https://evil/x.png)",
	    "<script>alert(1)</script>",
	    "<img src=x onerror=alert(1)>",
	    "<!-- comment -->",
	    "<https://evil.example>",
	    "<a@b.co>",
	    "| a | b |\n|---|---|\n| 1 | 2 |",
	    "# heading",
	    "###### six",
	    "heading\n===",
	    "heading\n---",
	    "- item",
	    "+ item",
	    "* item",
	    "1. one",
	    "12) twelve",
	    "2024. A year",
	    "> quote",
	    "```\ncode\n```",
	    "~~~\ncode\n~~~",
	    "    indented code",
	    "\tindented code",
	    "***",
	    "___",
	    "- - -",
	    "`code`",
	    "*em* **strong** _em_ __strong__",
	    "~~struck~~",
	    "a\\",
	    "back\\slash \\* \\[",
	    "&amp; &lt;b&gt; &#60; &#x3C; & alone",
	    "[ref]: https://evil.example",
	    "[^1]: footnote",
	    "foo[^1]",
	    "- [ ] task",
	    "<div>\nblock\n</div>",
	    "line one\nline two\r\nline three\rline four",
	    "trailing spaces   \nnext",
	    "a\n\n\nb",
	    "Café – “curly” ‘quotes’ – £5 and 100%",
	    "www.evil.example and WWW.EVIL.EXAMPLE",
	    "(www.evil.example) *www.evil.example* _www.evil.example_",
	    "~www.evil.example~ wwww.evil.example www.www.evil",
	    "http://evil.example ftp://evil.example HTTPS://EVIL.EXAMPLE",
	    "head@school.example.org, head.teacher+send@school.org.uk.",
	    "@start and a @mention and x@y@z.org and _@b.co and a-@b.co",
	    "xmpp:a@b.co/resource and mailto:x@y.org",
	    "https://evil.example/path?q=1",
	    "mailto:a@b.co",
	    "$x$ and $$y$$",
	    "{: .class}",
	    "text\n- not a list",
	    "text\n1. not a list",
	    "text\n# not a heading",
	    "text\n> not a quote",
	    "text\n<div>not html</div>",
	    "[a]\n\n[a]: /url",
	    "![a][b]\n\n[b]: /img.png",
	    /* What is left unescaped, and its near misses */
	    "elm_school.csv next_steps snake_case_2 a__b _lead trail_",
	    "x_*y*_z *_a_* a_ b _c",
	    "C# and F#, Year 6 #1, #hashtag",
	    "School # ## \nnext #\n# b",
	    "a > b >> c\n> d",
	    "2 * 3 * 4 and 5 _ 6 *",
	    "x *\n* y\n*\n_ z",
	    "* * *",
	    "a\n* * *",
	    "a\n_ _ _",
	    "**a * b** and __c _ d__",
	    "<a>b</a> a<b and c>d",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_escaped(cases[i], false);
		check_escaped(cases[i], true);
	}
}

/* Escaped text is what a renderer puts after its own markup: at the
 * start of a heading, a list item, a bold label, or inside emphasis.
 * There too it reads as itself, never as more markup. */
static void check_in_context(const char *s)
{
	static const struct {
		const char *before, *after;
		cmark_node_type type; /* the node that must hold the text */
	} contexts[] = {
	    {"# ", "\n", CMARK_NODE_HEADING},
	    {"## Heading for ", "\n", CMARK_NODE_HEADING},
	    {"- ", "\n", CMARK_NODE_PARAGRAPH},
	    {"1. ", "\n", CMARK_NODE_PARAGRAPH},
	    {"*", "*", CMARK_NODE_EMPH},
	    {"_", "_", CMARK_NODE_EMPH},
	    {"**Label:** ", "", CMARK_NODE_PARAGRAPH},
	};
	oaip_buf e;
	oaip_buf_init(&e);
	oaip_escape_markdown(&e, s, false);
	char *want = expected_text(s, false);
	for (size_t i = 0; *want && i < sizeof contexts / sizeof contexts[0];
	     i++) {
		oaip_buf md;
		oaip_buf_init(&md);
		oaip_buf_printf(&md, "%s%s%s", contexts[i].before,
		                e.data ? e.data : "", contexts[i].after);
		cmark_node *doc =
		    cmark_parse_document(md.data, md.len, CMARK_OPT_DEFAULT);
		char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
		/* The node that holds the text, and nothing else holds
		 * markup: one node of the kind wanted, no other inline
		 * markup, and the heading or emphasis the context made. */
		size_t n_emph = count_type(doc, CMARK_NODE_EMPH);
		size_t n_strong = count_type(doc, CMARK_NODE_STRONG);
		size_t want_emph = contexts[i].type == CMARK_NODE_EMPH;
		size_t want_strong = strstr(contexts[i].before, "**") != NULL;
		size_t blocks = 0;
		for (cmark_node *b = cmark_node_first_child(doc); b;
		     b = cmark_node_next(b))
			blocks++;
		if (n_emph != want_emph || n_strong != want_strong ||
		    blocks != 1 || count_type(doc, CMARK_NODE_LINK) ||
		    count_type(doc, CMARK_NODE_CODE) ||
		    count_type(doc, CMARK_NODE_HTML_INLINE) ||
		    count_type(doc, CMARK_NODE_LINEBREAK) ||
		    count_type(doc, contexts[i].type) != 1)
			fail_msg("'%s' escaped as '%s' becomes %s", s, md.data,
			         html);
		oaip_buf full;
		oaip_buf_init(&full);
		oaip_buf_printf(
		    &full, "%s%s",
		    strstr(contexts[i].before, "Heading for ") ? "Heading for "
		    : strstr(contexts[i].before, "Label:")     ? "Label: "
		                                               : "",
		    want);
		bool found = has_node_text(doc, contexts[i].type, full.data);
		if (!found && contexts[i].type == CMARK_NODE_PARAGRAPH) {
			char *t = text_of(doc);
			found = strcmp(t, full.data) == 0;
			free(t);
		}
		if (!found)
			fail_msg("'%s' escaped as '%s' does not read '%s': %s",
			         s, md.data, full.data, html);
		oaip_buf_free(&full);
		free(html);
		cmark_node_free(doc);
		oaip_buf_free(&md);
	}
	free(want);
	oaip_buf_free(&e);
}

/* What the escaper leaves alone, so that the Markdown reads well as
 * plain text, and that it is still plain text in every context. */
static void test_escape_markdown_minimal(void **state)
{
	(void)state;
	/* '_' inside a word, '#' and '>' in a line, '*' and '_' between
	 * spaces cannot make markup. */
	check_md("elm_school.csv", "elm_school.csv");
	check_md("next_steps and snake_case_2", "next_steps and snake_case_2");
	check_md("C# and F#, Year 6 #1", "C# and F#, Year 6 #1");
	check_md("a > b, 2 * 3 and 5 _ 6", "a > b, 2 * 3 and 5 _ 6");
	/* Where they could: at the start of a line, at the edge of a word,
	 * a heading's closing '#'s, a '*' or '_' last (what follows in the
	 * report is not known). */
	check_md("# heading", "\\# heading");
	check_md("> quote", "\\> quote");
	check_md("School #", "School \\#");
	check_md("School ## ", "School \\##");
	check_md("_lead trail_ a__b", "\\_lead trail\\_ a\\_\\_b");
	check_md("*em* a*b", "\\*em\\* a\\*b");
	check_md("2 *", "2 \\*");
	check_md("* item", "\\* item");
	/* Digits then '.' or ')' make a list item only when a space or the
	 * line's end follows, and with at most nine digits. */
	check_md("100.0%", "100.0%");
	check_md("3.5 of 4 and 2)x", "3.5 of 4 and 2)x");
	check_md("1. one", "1\\. one");
	check_md("12) twelve", "12\\) twelve");
	check_md("7.", "7\\.");
	check_md("1234567890. ten digits", "1234567890. ten digits");
	static const char *const cases[] = {
	    "elm_school.csv",
	    "C# and F#, Year 6 #1",
	    "School #",
	    "School ## ",
	    "School #\nnext",
	    "a > b",
	    "2 * 3 * 4",
	    "a _ b _ c",
	    "x *",
	    "_x_",
	    "*x*",
	    "a_b_c",
	    "# x",
	    "> x",
	    "* x",
	    "_ x",
	    "x * y*",
	    "x *y * z",
	    "<script>alert(1)</script>",
	    "[x](javascript:alert(1))",
	    "a | b",
	    "1. x",
	    "100.0%",
	    "7.",
	    "7)\nx",
	    "1234567890. x",
	    "- x",
	    "+ x",
	    "---",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_in_context(cases[i]);
}

static void test_escape_markdown_random(void **state)
{
	(void)state;
	/* Random strings over the characters that matter. */
	static const char alphabet[] = "[]()!<>`*_#|\\-+=.:/ \n\t&;@~$aw0159{}"
	                               "\"'^%?x";
	unsigned long seed = 12345;
	char s[48];
	for (int iter = 0; iter < 20000; iter++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		size_t len = (seed >> 33) % (sizeof s - 1);
		for (size_t k = 0; k < len; k++) {
			seed = seed * 6364136223846793005UL +
			       1442695040888963407UL;
			s[k] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
		}
		s[len] = '\0';
		check_escaped(s, iter % 2 == 0);
	}
}

static void test_escape_markdown_readable(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	/* Ordinary prose keeps its full stops, brackets and dashes. */
	oaip_escape_markdown(&b, "Parents (and carers) - e.g. at 3.30pm!",
	                     false);
	assert_string_equal(b.data, "Parents (and carers) - e.g. at 3.30pm!");
	oaip_buf_free(&b);

	oaip_escape_markdown(&b, "[x](javascript:y) <b> a|b", false);
	assert_string_equal(b.data, "\\[x\\]\\(javascript:y) \\<b> a\\|b");
	oaip_buf_free(&b);

	oaip_escape_markdown(&b, "one\n\n- two\n  three  ", true);
	assert_string_equal(b.data, "one  \n\\- two  \nthree");
	oaip_buf_free(&b);

	oaip_escape_markdown(&b, "one\n- two", false);
	assert_string_equal(b.data, "one - two");
	oaip_buf_free(&b);

	/* Control characters and invalid UTF-8 become U+FFFD. */
	oaip_escape_markdown(&b,
	                     "a\x01"
	                     "b\xff"
	                     "c\xc3\xa9",
	                     false);
	assert_string_equal(b.data, "a\xEF\xBF\xBD"
	                            "b\xEF\xBF\xBD"
	                            "c\xc3\xa9");
	oaip_buf_free(&b);

	oaip_escape_markdown(&b, NULL, false);
	assert_int_equal(b.len, 0);
	oaip_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* HTML and CSV escaping                                              */

static void check_html(const char *in, const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_html(&b, in);
	assert_string_equal(b.data ? b.data : "", want);
	oaip_buf_free(&b);
}

static void test_escape_html(void **state)
{
	(void)state;
	check_html(
	    "<a href='x' title=\"y\">&</a>",
	    "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;");
	check_html("<script>alert(1)</script>",
	           "&lt;script&gt;alert(1)&lt;/script&gt;");
	check_html("tab\there\nline\r\nCRLF\rCR", "tab\there\nline\nCRLF\nCR");
	check_html("bell\x07"
	           "del\x7f",
	           "bell\xEF\xBF\xBD"
	           "del\xEF\xBF\xBD");
	check_html("bad \xc3 utf8 \xed\xa0\x80 ok é",
	           "bad \xEF\xBF\xBD utf8 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
	           " ok é");
	check_html("", "");
	check_html(NULL, "");
}

static void check_css(const char *in, const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_css_string(&b, in);
	assert_string_equal(b.data ? b.data : "", want);
	oaip_buf_free(&b);
}

/* A school's name in the print style sheet's running head: it can end
 * neither the string nor the style element. */
static void test_escape_css_string(void **state)
{
	(void)state;
	check_css("St Anne's Primary", "\"St Anne's Primary\"");
	check_css("Ash \"Oak\" \\ Elm", "\"Ash \\22 Oak\\22  \\5c  Elm\"");
	check_css("</style><script>x</script>",
	          "\"\\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \"");
	check_css("a\nb\r\tc", "\"a b  c\"");
	check_css("Ysgol Gymraeg · é", "\"Ysgol Gymraeg · é\"");
	check_css("bad \xc3", "\"bad \xEF\xBF\xBD\"");
	check_css(NULL, "\"\"");
}

static void check_csv(const char *in, const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_csv(&b, in);
	assert_string_equal(b.data ? b.data : "", want);
	oaip_buf_free(&b);
}

static void test_escape_csv(void **state)
{
	(void)state;
	check_csv("plain", "plain");
	check_csv("", "");
	check_csv(NULL, "");
	check_csv("a,b", "\"a,b\"");
	check_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_csv("two\nlines", "\"two\nlines\"");
	check_csv("cr\r\nlf", "\"cr\r\nlf\"");
	check_csv(" leading", "\" leading\"");
	check_csv("trailing ", "\"trailing \"");
	check_csv("a=b+c-d@e", "a=b+c-d@e");
	check_csv("Café – “x”", "Café – “x”");
	/* Formula neutralisation: a leading quote, and the cell quoted. */
	check_csv("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"");
	check_csv("+44 1392 000000", "\"'+44 1392 000000\"");
	check_csv("-1", "\"'-1\"");
	check_csv("@cmd", "\"'@cmd\"");
	check_csv("\t=1", "\"'\t=1\"");
	check_csv("\r=1", "\"'\r=1\"");
	check_csv("  =1+1", "\"'  =1+1\"");
	check_csv("=HYPERLINK(\"http://x\",\"y\")",
	          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	check_csv("bad\xff", "bad\xEF\xBF\xBD");
}

/* ------------------------------------------------------------------ */
/* The Markdown report                                                */

/* Is the paragraph reading exactly text inside a list nested in an item
 * of another list? */
static bool in_nested_list(cmark_node *doc, const char *text)
{
	bool found = false;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
			continue;
		char *t = text_of(n);
		if (strcmp(t, text) == 0) {
			cmark_node *item = cmark_node_parent(n);
			cmark_node *list =
			    item ? cmark_node_parent(item) : NULL;
			cmark_node *outer =
			    list ? cmark_node_parent(list) : NULL;
			found = outer &&
			        cmark_node_get_type(outer) == CMARK_NODE_ITEM;
		}
		free(t);
	}
	cmark_iter_free(it);
	return found;
}

static void test_markdown_report(void **state)
{
	(void)state;
	oaip_result *r = score(0);
	F.entries[W1].evidence = (char *)"Greeted at the gate.\nEvery day.";
	F.entries[W1].next_steps = (char *)"Add a welcome board.";
	char *md = render(r, OAIP_FORMAT_MARKDOWN);
	cmark_node *doc =
	    cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);

	/* Nothing a school or framework wrote became markup. */
	assert_int_equal(count_type(doc, CMARK_NODE_LINK), 0);
	assert_int_equal(count_type(doc, CMARK_NODE_IMAGE), 0);
	assert_int_equal(count_type(doc, CMARK_NODE_HTML_INLINE), 0);
	assert_int_equal(count_type(doc, CMARK_NODE_HTML_BLOCK), 0);
	assert_int_equal(count_type(doc, CMARK_NODE_CODE), 0);
	assert_int_equal(count_type(doc, CMARK_NODE_CODE_BLOCK), 0);
	assert_int_equal(count_type(doc, CMARK_NODE_EMPH), 0);
	assert_false(heading_contains(doc, "heading"));
	assert_false(heading_contains(doc, "quoted"));
	assert_false(unescaped(md, "<script>"));
	assert_null(strstr(md, "](javascript:"));
	assert_null(strstr(md, "](x)"));

	/* ... and still reads the same. */
	assert_true(has_node_text(
	    doc, CMARK_NODE_HEADING,
	    "Partnership with parent carers: Tiny [x](javascript:1) "
	    "<b>School</b>"));
	char want[2048];
	snprintf(want, sizeof want, "Evidence: %s", INJECTION_TEXT);
	assert_true(has_node_text(doc, CMARK_NODE_PARAGRAPH, want));
	assert_true(has_node_text(doc, CMARK_NODE_PARAGRAPH,
	                          "Next steps: Café mornings – “every” term\n"
	                          "Review in July"));
	assert_true(has_node_text(doc, CMARK_NODE_PARAGRAPH,
	                          "Evidence: Newsletter only."));
	/* The file's name, never the folders it was kept in. */
	assert_true(has_node_text(doc, CMARK_NODE_PARAGRAPH,
	                          "Self-evaluation file: <tiny> [x](y).csv"));
	assert_null(strstr(md, "sally"));
	assert_null(gfm_autolink(md, doc));

	/* The header */
	assert_non_null(strstr(md, "- **Date of this report:** 2026-11-23\n"));
	assert_non_null(strstr(md, "- **Framework:** Tiny framework, Tiny "
	                           "Council (framework id tiny, version "
	                           "2025)\n"));
	assert_non_null(strstr(md, "- **Target level:** Established (2) on a "
	                           "scale from Not yet (0) to Embedded (3)\n"));
	assert_null(strstr(md, "**Phase:**"));

	/* The summary: every percentage beside its counts.
	 *   Welcome and Care: 5/6 = 83.3%; Value and Include: 2/6 = 33.3%;
	 *   Communicate: c1=0 c2=3 (c3 n/a): 3/6 = 50.0%; Work in
	 *   Partnership: nothing rated; overall (83.3+33.3+50)/3 = 55.6% */
	assert_non_null(strstr(md, "| Welcome and Care | 83.3% — 2 of 2 "
	                           "indicators rated, 2 at or above target | "
	                           "Above target |\n"));
	assert_non_null(strstr(md, "| Value and Include | 33.3% — 2 of 2 "
	                           "indicators rated, 0 at or above target, 2 "
	                           "below | Below target |\n"));
	assert_non_null(strstr(md, "| Communicate | 50.0% — 2 of 3 indicators "
	                           "rated (1 not applicable), 1 at or above "
	                           "target, 1 below | Below target |\n"));
	assert_non_null(strstr(md,
	                       "| Work in Partnership | not scored — 0 of 2 "
	                       "indicators rated | Not yet evaluated |\n"));
	/* The overall says what it averages, and what it leaves out. */
	assert_non_null(strstr(md, "| **Overall** | **55.6%** — the average "
	                           "of 3 cornerstone scores; Work in "
	                           "Partnership is not yet evaluated | |\n"));
	/* 6 of 9 rated: no caution. */
	assert_null(strstr(md, "Only "));
	assert_non_null(strstr(md, "6 of 9 indicators rated: 3 at or above the "
	                           "target (Established), 3 below it, 2 not "
	                           "yet evaluated, 1 not applicable.\n"));
	/* Every table row has the same four cell separators. */
	for (const char *line = md; line && *line;) {
		const char *end = strchr(line, '\n');
		if (*line == '|') {
			int pipes = 0;
			for (const char *q = line; q < end; q++)
				pipes +=
				    *q == '|' && (q == line || q[-1] != '\\');
			assert_int_equal(pipes, 4);
		}
		line = end ? end + 1 : NULL;
	}

	/* How scores are worked out, in plain words. */
	assert_non_null(strstr(md, "## How scores are worked out\n"));
	assert_non_null(strstr(md, "not counted at all, not even as zero"));
	assert_non_null(strstr(md,
	                       "If every rated indicator were exactly at "
	                       "the target, a cornerstone would score "
	                       "66.7%; but a score can hide gaps: 66.7% can "
	                       "also mean that some indicators are "
	                       "Embedded and others only Not yet."));
	assert_non_null(strstr(md, "For example, one indicator rated "
	                           "Established (2) and one rated Emerging (1) "
	                           "score (2 + 1) / (3 + 3) = 50.0%."));

	/* The sections in the report's order, as in HTML. */
	static const char *const order[] = {
	    "\n## Summary\n",
	    "\n## How scores are worked out\n",
	    "\n## Strengths\n",
	    "\n## Gaps: indicators below the target\n",
	    "\n## Not yet evaluated\n",
	    "\n## Not applicable\n",
	    "\n## About the framework\n"};
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		assert_non_null(strstr(md, order[k]));
		if (k)
			assert_true(strstr(md, order[k - 1]) <
			            strstr(md, order[k]));
	}

	/* Gaps, by cornerstone, with the framework's examples. */
	const char *gaps = strstr(md, "## Gaps: indicators below the target\n");
	const char *strengths = strstr(md, "## Strengths\n");
	const char *ne = strstr(md, "## Not yet evaluated\n");
	const char *vi = strstr(gaps, "### Value and Include (2 gaps)\n");
	const char *v1 = strstr(gaps, "#### v1: Text of indicator v1.\n");
	const char *v2 = strstr(gaps, "#### v2: Text of indicator v2.\n");
	const char *com = strstr(gaps, "### Communicate (1 gap)\n");
	assert_true(vi && v1 && v2 && com);
	assert_true(vi < v1 && v1 < v2 && v2 < com && com < ne);
	assert_non_null(strstr(v1, "- **Rating:** Emerging (1); the target is "
	                           "Established (2)\n"));
	assert_non_null(strstr(v1, "The framework's expectation: Statement of "
	                           "expectation 2.\n"));
	/* The expectation's examples appear once (under v1); v2 shows its
	 * own example and points back.  The early-years example is shown
	 * when there is no phase filter. */
	const char *ex = strstr(v1, "- A named first point of contact.\n");
	assert_true(ex && ex < v2);
	assert_null(strstr(v2, "- A named first point of contact.\n"));
	assert_non_null(
	    strstr(v1, "- Stay and play sessions. (early-years)\n"));
	assert_non_null(strstr(v1, "> “They always take me seriously.” — "
	                           "Parent carer\n"));
	assert_true(has_node_text(doc, CMARK_NODE_ITEM,
	                          "Home visits [see policy](x)."));
	assert_non_null(strstr(v2, "are listed under **v1** above."));
	assert_non_null(strstr(com, "- **Evidence:** Newsletter only.\n"));
	assert_non_null(strstr(com, "- **Next steps:** none recorded\n"));

	/* Strengths, with the school's evidence and next steps (only when
	 * there are some), as a list nested in each strength. */
	assert_non_null(strstr(strengths,
	                       "- **w1** (Embedded): Text of "
	                       "indicator w1.\n"
	                       "  - **Evidence:** Greeted at the "
	                       "gate.  \nEvery day.\n"
	                       "  - **Next steps:** Add a welcome "
	                       "board.\n"
	                       "- **w2** (Established): Text of "
	                       "indicator w2.\n"
	                       "  - **Evidence:** none recorded\n\n"));
	assert_true(in_nested_list(doc, "Evidence: Greeted at the gate.\n"
	                                "Every day."));
	assert_true(in_nested_list(doc, "Next steps: Add a welcome board."));
	assert_true(strengths < gaps);

	/* Not yet evaluated, not applicable, attribution. */
	assert_non_null(strstr(ne, "2 indicators have no rating yet."));
	assert_non_null(strstr(ne, "- **p1** (Work in Partnership): Text of "
	                           "indicator p1.\n"));
	const char *na = strstr(md, "## Not applicable\n");
	assert_non_null(na);
	assert_non_null(strstr(na, "- **c3** (Communicate): Text of indicator "
	                           "c3.\n"));
	assert_non_null(strstr(md, "## About the framework\n"));
	assert_non_null(strstr(md, "(c) Tiny Council."));
	assert_non_null(strstr(md, "Made with oaip-eval 9.9.9 on 2026-11-23."));

	cmark_node_free(doc);
	free(md);
	oaip_result_free(r);
}

static void test_markdown_phase_and_url(void **state)
{
	(void)state;
	/* p2 is post-16 only: with --phase school it is left out. */
	setup_fixture();
	F.ind[P2].phases = OAIP_PHASE_POST16;
	F.ind[W1].weight = 2;
	F.ind[V1].weight = 0.5;
	F.fw.url = (char *)"https://example.org/oaip";
	oaip_score_options o = {.target = -1, .phase = OAIP_PHASE_SCHOOL};
	oaip_result *r = oaip_score_compute(&F.se, &o);
	assert_non_null(r);
	char *md = render(r, OAIP_FORMAT_MARKDOWN);
	assert_non_null(strstr(md, "- **Phase:** school (1 framework indicator "
	                           "that does not apply in this phase is left "
	                           "out)\n"));
	assert_non_null(strstr(md,
	                       "| Work in Partnership | not scored — 0 of 1 "
	                       "indicator rated | Not yet evaluated |\n"));
	/* Weights are explained and shown. */
	assert_non_null(strstr(md, "Some indicators carry more weight than "
	                           "others"));
	assert_non_null(strstr(md, "- **w1** (Embedded, weight 2): Text of "
	                           "indicator w1.\n"));
	assert_non_null(strstr(md, "- **Rating:** Emerging (1); the target is "
	                           "Established (2); weight 0.5\n"));
	/* (2*3 + 2) / (2*3 + 3) = 8/9 = 88.9% */
	assert_non_null(strstr(md, "| Welcome and Care | 88.9% — 2 of 2 "));
	/* The early-years example is not shown for a school. */
	assert_null(strstr(md, "Stay and play sessions."));
	/* A plain https URL from the framework is the report's one link. */
	cmark_node *doc =
	    cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	assert_int_equal(count_type(doc, CMARK_NODE_LINK), 1);
	cmark_node_free(doc);
	free(md);
	oaip_result_free(r);

	/* Any other URL is shown as text. */
	setup_fixture();
	F.fw.url = (char *)"javascript:alert(1)";
	r = oaip_score_compute(&F.se, NULL);
	md = render(r, OAIP_FORMAT_MARKDOWN);
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	assert_int_equal(count_type(doc, CMARK_NODE_LINK), 0);
	cmark_node_free(doc);
	free(md);
	oaip_result_free(r);
}

static void test_markdown_nothing_rated(void **state)
{
	(void)state;
	setup_fixture();
	for (size_t i = 0; i < N_IND; i++)
		F.entries[i].kind = OAIP_RATING_EMPTY;
	oaip_result *r = oaip_score_compute(&F.se, NULL);
	char *md = render(r, OAIP_FORMAT_MARKDOWN);
	assert_non_null(strstr(md, "| **Overall** | not scored — nothing is "
	                           "rated yet | |\n"));
	assert_non_null(strstr(md, "No rated indicator is below the target"));
	assert_non_null(strstr(md, "9 indicators have no rating yet."));
	assert_null(strstr(md, "## Not applicable"));
	free(md);
	oaip_result_free(r);
}

static void check_md(const char *in, const char *want)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_markdown(&b, in, false);
	assert_string_equal(b.data ? b.data : "", want);
	oaip_buf_free(&b);
}

/* GitHub's extended autolinks cannot form from school text. */
static void test_escape_markdown_autolinks(void **state)
{
	(void)state;
	check_md("see www.example.org today", "see www\\.example.org today");
	check_md("(www.example.org)", "(www\\.example.org)");
	check_md("WWW.EXAMPLE.ORG", "WWW\\.EXAMPLE.ORG");
	check_md("https://example.org/a", "https\\://example.org/a");
	check_md("ftp://example.org", "ftp\\://example.org");
	/* A backslash is not enough for e-mail addresses: an invisible word
	 * joiner parts the '@' from the address. */
	check_md("head@school.org", "head" WJ "\\@school.org");
	check_md("mailto:head@school.org", "mailto:head" WJ "\\@school.org");
	check_md("xmpp:a@b.co/x", "xmpp:a" WJ "\\@b.co/x");
	check_md("a_b@c.org", "a_b" WJ "\\@c.org");
	check_md("x.@c.org x-@c.org x+@c.org x:@c.org",
	         "x." WJ "\\@c.org x-" WJ "\\@c.org x+" WJ "\\@c.org x:" WJ
	         "\\@c.org");
	/* An '@' that starts the text may follow anything in the report. */
	check_md("@school.org", WJ "\\@school.org");
	/* Nothing an address could end with: no joiner needed. */
	check_md("meet @ 3pm (@home)", "meet \\@ 3pm (\\@home)");
}

/* The Markdown for r, with checks every report must pass. */
static char *render_checked(oaip_result *r)
{
	char *md = render(r, OAIP_FORMAT_MARKDOWN);
	cmark_node *doc =
	    cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	const char *link = gfm_autolink(md, doc);
	if (link)
		fail_msg("GitHub would link %s", link);
	cmark_node_free(doc);
	return md;
}

/* Is the band listed in "How scores are worked out"? */
static bool band_listed(const char *md, const char *band)
{
	char item[64];
	snprintf(item, sizeof item, "\n- **%s:** ", band);
	return strstr(md, item) != NULL;
}

/* "How scores are worked out" is true for every target: its example,
 * what a score can hide, and only the bands that can happen. */
static void test_markdown_method_any_target(void **state)
{
	(void)state;
	for (int target = 0; target <= 3; target++) {
		setup_fixture();
		oaip_score_options o = {.target = target, .phase = 0};
		oaip_result *r = oaip_score_compute(&F.se, &o);
		assert_non_null(r);
		char *md = render_checked(r);
		const char *how = strstr(md, "## How scores are worked out\n");
		assert_non_null(how);

		/* The worked example never sets a level beside itself. */
		const char *ex = strstr(how, " score (");
		assert_non_null(ex);
		int a, b, c, d;
		assert_int_equal(
		    sscanf(ex, " score (%d + %d) / (%d + %d)", &a, &b, &c, &d),
		    4);
		assert_int_equal(a, target);
		assert_true(a != b);
		assert_true(c == 3 && d == 3);
		/* No rule asks for more than a score can be. */
		assert_null(strstr(how, "at least 100.0%"));
		assert_null(strstr(how, "under 0.0%"));

		oaip_band_rules br;
		oaip_band_rules_get(&F.fw.scale, target, &br);
		assert_int_equal(band_listed(how, "Above target"),
		                 br.can_be_above);
		assert_true(band_listed(how, "At target"));
		assert_int_equal(band_listed(how, "Mostly at target"),
		                 br.can_be_above && br.can_have_gaps);
		assert_int_equal(band_listed(how, "Below target"),
		                 br.can_have_gaps);
		assert_int_equal(band_listed(how, "Well below target"),
		                 br.can_be_well_below);
		assert_true(band_listed(how, "Too few rated to judge"));
		assert_true(band_listed(how, "Not yet evaluated"));
		assert_true(band_listed(how, "Not applicable"));
		assert_false(band_listed(how, "Not part of this phase"));
		/* No band is a level's name. */
		for (size_t l = 0; l < 4; l++)
			assert_false(band_listed(how, F.levels[l].label));

		switch (target) {
		case 0:
			assert_non_null(strstr(how,
			                       "The target, Not yet (0), is "
			                       "the lowest level of the "
			                       "scale, so no rated indicator "
			                       "can be below it"));
			assert_null(strstr(how, "is a gap."));
			assert_null(strstr(how, "can hide gaps"));
			break;
		case 3:
			assert_non_null(strstr(how,
			                       "The target is the top level "
			                       "of the scale, so a "
			                       "cornerstone scores 100.0% "
			                       "only when every rated "
			                       "indicator is at the target: "
			                       "any lower score means at "
			                       "least one gap."));
			assert_null(strstr(how, "can hide gaps"));
			break;
		default:
			assert_non_null(strstr(how,
			                       "can also mean that some "
			                       "indicators are Embedded and "
			                       "others only Not yet."));
		}
		free(md);
		oaip_result_free(r);
	}

	/* A 1-4 scale with target 2: no score falls under 25%, half the
	 * target, so there is no "Well below target", and "Below target"
	 * needs no threshold. */
	setup_fixture();
	for (int i = 0; i < 4; i++)
		F.levels[i].value = i + 1;
	for (size_t i = 0; i < N_IND; i++)
		F.entries[i].level += 1;
	oaip_score_options o = {.target = 2, .phase = 0};
	oaip_result *r = oaip_score_compute(&F.se, &o);
	assert_non_null(r);
	char *md = render_checked(r);
	assert_false(band_listed(md, "Well below target"));
	assert_non_null(strstr(md, "\n- **Below target:** some indicators are "
	                           "below the target.\n"));
	assert_non_null(strstr(md, "On this scale the lowest level counts as "
	                           "1, not 0, so no score falls below 25.0%."));
	assert_non_null(strstr(md, "(2 + 1) / (4 + 4) = 37.5%"));
	free(md);
	oaip_result_free(r);

	/* One level only: no example to work, every rating is the top. */
	setup_fixture();
	F.fw.scale.n_levels = 1;
	F.fw.scale.target = 0;
	for (size_t i = 0; i < N_IND; i++)
		F.entries[i].level = 0;
	r = oaip_score_compute(&F.se, NULL);
	assert_non_null(r);
	md = render_checked(r);
	assert_non_null(strstr(md, "Each indicator is rated on the framework's "
	                           "scale, which has one level: 0 Not yet. So "
	                           "every rated indicator is at the top of the "
	                           "scale, and a cornerstone with anything "
	                           "rated scores 100.0%."));
	assert_null(strstr(md, " score ("));
	assert_false(band_listed(md, "Above target"));
	assert_false(band_listed(md, "Below target"));
	free(md);
	oaip_result_free(r);
}

/* Few indicators rated: no band, and a caution before the numbers. */
static void test_markdown_low_coverage(void **state)
{
	(void)state;
	setup_fixture();
	/* One Embedded per cornerstone; c3 stays n/a, the rest blank:
	 * 4 of 9 rated. */
	for (size_t i = 0; i < N_IND; i++)
		if (F.entries[i].kind == OAIP_RATING_RATED)
			F.entries[i].kind = OAIP_RATING_EMPTY;
	static const size_t one[] = {W1, V1, C1, P1};
	for (size_t k = 0; k < 4; k++) {
		F.entries[one[k]].kind = OAIP_RATING_RATED;
		F.entries[one[k]].level = 3;
	}
	oaip_result *r = oaip_score_compute(&F.se, NULL);
	char *md = render_checked(r);
	const char *caution =
	    strstr(md, "## Summary\n\n**Only 4 of 9 indicators "
	               "are rated so far (1 is marked not "
	               "applicable): these scores say little "
	               "yet.**\n\n| Cornerstone |");
	assert_non_null(caution);
	/* 1 of 2 is half: judged.  1 of 3 is not. */
	assert_non_null(strstr(md, "| Welcome and Care | 100.0% — 1 of 2 "
	                           "indicators rated, 1 at or above target | "
	                           "Above target (partly evaluated) |\n"));
	assert_non_null(strstr(md, "| Communicate | 100.0% — 1 of 3 indicators "
	                           "rated (1 not applicable), 1 at or above "
	                           "target | Too few rated to judge |\n"));
	assert_non_null(strstr(md, "| **Overall** | **100.0%** — the average "
	                           "of 4 cornerstone scores | Too few rated to "
	                           "judge |\n"));
	free(md);
	oaip_result_free(r);

	/* Nothing rated at all: no score to caution about. */
	setup_fixture();
	for (size_t i = 0; i < N_IND; i++)
		F.entries[i].kind = OAIP_RATING_EMPTY;
	r = oaip_score_compute(&F.se, NULL);
	md = render_checked(r);
	assert_null(strstr(md, "**Only "));
	free(md);
	oaip_result_free(r);
}

/* A cornerstone left out of the overall says why. */
static void test_markdown_cornerstones_left_out(void **state)
{
	(void)state;
	setup_fixture();
	F.entries[P1].kind = OAIP_RATING_NA;
	F.entries[P2].kind = OAIP_RATING_NA;
	F.ind[V1].phases = OAIP_PHASE_EARLY_YEARS;
	F.ind[V2].phases = OAIP_PHASE_EARLY_YEARS;
	/* An indicator id that GitHub would link, were it not escaped. */
	F.ind[W1].id = (char *)"www.evil.example";
	oaip_score_options o = {.target = -1, .phase = OAIP_PHASE_SCHOOL};
	oaip_result *r = oaip_score_compute(&F.se, &o);
	char *md = render_checked(r);
	assert_non_null(strstr(md, "| Value and Include | not scored — no "
	                           "indicator applies in this phase | Not part "
	                           "of this phase |\n"));
	assert_non_null(strstr(md,
	                       "| Work in Partnership | not scored — 0 of "
	                       "2 indicators rated (2 not applicable) | Not "
	                       "applicable |\n"));
	assert_non_null(strstr(md,
	                       "| **Overall** | **66.7%** — the average of "
	                       "2 cornerstone scores; Work in Partnership "
	                       "is not applicable; Value and Include is not "
	                       "part of this phase | |\n"));
	assert_true(band_listed(md, "Not part of this phase"));
	assert_non_null(strstr(md, "- **www\\.evil.example** (Embedded)"));
	free(md);
	oaip_result_free(r);

	/* Only one cornerstone scored. */
	setup_fixture();
	for (size_t i = W1; i <= C3; i++)
		F.entries[i].kind = OAIP_RATING_EMPTY;
	F.entries[P1].kind = OAIP_RATING_RATED;
	F.entries[P1].level = 2;
	F.entries[P2].kind = OAIP_RATING_RATED;
	F.entries[P2].level = 2;
	r = oaip_score_compute(&F.se, NULL);
	md = render_checked(r);
	assert_non_null(strstr(md, "| **Overall** | **66.7%** — the score of "
	                           "Work in Partnership alone; Welcome and "
	                           "Care, Value and Include and Communicate "
	                           "are not yet evaluated | Too few rated to "
	                           "judge |\n"));
	free(md);
	oaip_result_free(r);
}

/* ------------------------------------------------------------------ */
/* The JSON report                                                    */

static void test_json_report(void **state)
{
	(void)state;
	oaip_result *r = score(0);
	char *text = render(r, OAIP_FORMAT_JSON);
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);
	if (!j)
		fail_msg("JSON does not parse: %s at line %d", err.text,
		         err.line);

	assert_string_equal(json_string_value(json_object_get(j, "framework")),
	                    "tiny");
	assert_string_equal(json_string_value(json_object_get(j, "school")),
	                    "Tiny [x](javascript:1) <b>School</b>");
	assert_string_equal(json_string_value(json_object_get(j, "file")),
	                    "/home/sally/Documents/<tiny> [x](y).csv");
	assert_string_equal(json_string_value(json_object_get(j, "date")),
	                    "2026-11-23");
	assert_int_equal(json_integer_value(json_object_get(j, "target")), 2);
	assert_string_equal(
	    json_string_value(json_object_get(j, "target_label")),
	    "Established");
	assert_true(json_is_null(json_object_get(j, "phase")));
	assert_true(json_is_real(json_object_get(j, "overall")));
	/* (83.333 + 33.333 + 50) / 3 = 55.556 -> 55.6 */
	assert_true(json_real_value(json_object_get(j, "overall")) == 55.6);
	assert_non_null(strstr(text, "\"overall\": 55.6,"));
	assert_int_equal(json_integer_value(json_object_get(j, "rated")), 6);
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 9);

	json_t *css = json_object_get(j, "cornerstones");
	assert_int_equal(json_array_size(css), 4);
	static const struct {
		const char *id, *title;
		double score; /* < 0: null */
		int rated, total, na, ne, at, gaps;
		const char *band;
	} want[4] = {
	    {"welcome-and-care", "Welcome and Care", 83.3, 2, 2, 0, 0, 2, 0,
	     "Above target"},
	    {"value-and-include", "Value and Include", 33.3, 2, 2, 0, 0, 0, 2,
	     "Below target"},
	    {"communicate", "Communicate", 50.0, 2, 3, 1, 0, 1, 1,
	     "Below target"},
	    {"work-in-partnership", "Work in Partnership", -1, 0, 2, 0, 2, 0, 0,
	     "Not yet evaluated"},
	};
	for (size_t k = 0; k < 4; k++) {
		json_t *c = json_array_get(css, k);
		assert_string_equal(json_string_value(json_object_get(c, "id")),
		                    want[k].id);
		assert_string_equal(
		    json_string_value(json_object_get(c, "title")),
		    want[k].title);
		json_t *s = json_object_get(c, "score");
		if (want[k].score < 0)
			assert_true(json_is_null(s));
		else
			assert_true(json_is_real(s) &&
			            json_real_value(s) == want[k].score);
		assert_int_equal(
		    json_integer_value(json_object_get(c, "rated")),
		    want[k].rated);
		assert_int_equal(
		    json_integer_value(json_object_get(c, "total")),
		    want[k].total);
		assert_int_equal(json_integer_value(json_object_get(c, "na")),
		                 want[k].na);
		assert_int_equal(
		    json_integer_value(json_object_get(c, "not_evaluated")),
		    want[k].ne);
		assert_int_equal(
		    json_integer_value(json_object_get(c, "at_target")),
		    want[k].at);
		assert_int_equal(json_integer_value(json_object_get(c, "gaps")),
		                 want[k].gaps);
		assert_string_equal(
		    json_string_value(json_object_get(c, "band")),
		    want[k].band);
	}
	assert_non_null(strstr(text, "\"score\": 83.3,"));
	assert_non_null(strstr(text, "\"score\": null,"));

	json_t *gaps = json_object_get(j, "gaps");
	assert_int_equal(json_array_size(gaps), 3);
	static const char *const gap_ids[] = {"v1", "v2", "c1"};
	static const int gap_rating[] = {1, 1, 0};
	for (size_t k = 0; k < 3; k++) {
		json_t *g = json_array_get(gaps, k);
		assert_string_equal(
		    json_string_value(json_object_get(g, "indicator")),
		    gap_ids[k]);
		assert_int_equal(
		    json_integer_value(json_object_get(g, "rating")),
		    gap_rating[k]);
		assert_int_equal(
		    json_integer_value(json_object_get(g, "target")), 2);
	}
	json_t *g0 = json_array_get(gaps, 0);
	assert_string_equal(
	    json_string_value(json_object_get(g0, "cornerstone")),
	    "value-and-include");
	assert_string_equal(
	    json_string_value(json_object_get(g0, "rating_label")), "Emerging");
	/* School text comes back byte for byte, UTF-8 kept as UTF-8. */
	assert_string_equal(json_string_value(json_object_get(g0, "evidence")),
	                    INJECTION);
	assert_string_equal(
	    json_string_value(json_object_get(g0, "next_steps")),
	    "Café mornings – “every” term\r\nReview in July");
	assert_non_null(strstr(text, "Café mornings – “every” term"));
	assert_true(
	    json_is_null(json_object_get(json_array_get(gaps, 1), "evidence")));

	json_t *st = json_object_get(j, "strengths");
	assert_int_equal(json_array_size(st), 3);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(st, 2), "indicator")),
	                    "c2");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(st, 0), "rating_label")),
	                    "Embedded");

	json_t *ne = json_object_get(j, "not_evaluated");
	assert_int_equal(json_array_size(ne), 2);
	assert_string_equal(json_string_value(json_array_get(ne, 0)), "p1");
	assert_string_equal(json_string_value(json_array_get(ne, 1)), "p2");
	json_t *na = json_object_get(j, "not_applicable");
	assert_int_equal(json_array_size(na), 1);
	assert_string_equal(json_string_value(json_array_get(na, 0)), "c3");
	assert_string_equal(json_string_value(json_object_get(j, "generator")),
	                    "oaip-eval 9.9.9");

	json_decref(j);
	free(text);
	oaip_result_free(r);
}

static void test_json_phase_and_nulls(void **state)
{
	(void)state;
	setup_fixture();
	for (size_t i = 0; i < N_IND; i++)
		F.entries[i].kind = OAIP_RATING_EMPTY;
	F.se.school = (char *)"Bad \xff byte";
	oaip_score_options o = {.target = 3, .phase = OAIP_PHASE_POST16};
	oaip_result *r = oaip_score_compute(&F.se, &o);
	char *text = render(r, OAIP_FORMAT_JSON);
	json_t *j = json_loads(text, 0, NULL);
	assert_non_null(j);
	assert_true(json_is_null(json_object_get(j, "overall")));
	assert_string_equal(json_string_value(json_object_get(j, "phase")),
	                    "post-16");
	assert_int_equal(json_integer_value(json_object_get(j, "target")), 3);
	assert_string_equal(json_string_value(json_object_get(j, "school")),
	                    "Bad \xEF\xBF\xBD byte");
	assert_int_equal(json_array_size(json_object_get(j, "not_evaluated")),
	                 9);
	json_decref(j);
	free(text);
	oaip_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escape_markdown_cases),
	    cmocka_unit_test(test_escape_markdown_random),
	    cmocka_unit_test(test_escape_markdown_minimal),
	    cmocka_unit_test(test_escape_markdown_readable),
	    cmocka_unit_test(test_escape_html),
	    cmocka_unit_test(test_escape_csv),
	    cmocka_unit_test(test_escape_css_string),
	    cmocka_unit_test(test_markdown_report),
	    cmocka_unit_test(test_markdown_phase_and_url),
	    cmocka_unit_test(test_markdown_nothing_rated),
	    cmocka_unit_test(test_escape_markdown_autolinks),
	    cmocka_unit_test(test_markdown_method_any_target),
	    cmocka_unit_test(test_markdown_low_coverage),
	    cmocka_unit_test(test_markdown_cornerstones_left_out),
	    cmocka_unit_test(test_json_report),
	    cmocka_unit_test(test_json_phase_and_nulls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
