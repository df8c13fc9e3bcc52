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

#include "oaip.h"

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
	F.se.file = (char *)"schools/<b>tiny</b>.csv";
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

static char *text_of(cmark_node *node)
{
	oaip_buf b;
	oaip_buf_init(&b);
	flatten(node, &b);
	return oaip_buf_detach(&b);
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
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_escaped(cases[i], false);
		check_escaped(cases[i], true);
	}
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
	assert_string_equal(b.data, "\\[x\\]\\(javascript:y) \\<b\\> a\\|b");
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

static void test_markdown_report(void **state)
{
	(void)state;
	oaip_result *r = score(0);
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
	assert_null(strstr(md, "<script>"));
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
	assert_true(has_node_text(doc, CMARK_NODE_PARAGRAPH,
	                          "Self-evaluation file: "
	                          "schools/<b>tiny</b>.csv"));

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
	                           "Well established |\n"));
	assert_non_null(strstr(md, "| Value and Include | 33.3% — 2 of 2 "
	                           "indicators rated, 0 at or above target, 2 "
	                           "below | Developing |\n"));
	assert_non_null(strstr(md, "| Communicate | 50.0% — 2 of 3 indicators "
	                           "rated (1 not applicable), 1 at or above "
	                           "target, 1 below | Developing |\n"));
	assert_non_null(strstr(md,
	                       "| Work in Partnership | not scored — 0 of 2 "
	                       "indicators rated | Not yet evaluated |\n"));
	assert_non_null(strstr(md, "| **Overall** | **55.6%** — the average "
	                           "of 3 cornerstone scores | |\n"));
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
	assert_non_null(strstr(md, "A score can hide gaps: 66.7% can mean"));

	/* Gaps, by cornerstone, with the framework's examples. */
	const char *gaps = strstr(md, "## Gaps: indicators below the target\n");
	const char *strengths = strstr(md, "## Strengths\n");
	assert_non_null(gaps);
	assert_non_null(strengths);
	assert_true(gaps < strengths);
	const char *vi = strstr(gaps, "### Value and Include (2 gaps)\n");
	const char *v1 = strstr(gaps, "#### v1: Text of indicator v1.\n");
	const char *v2 = strstr(gaps, "#### v2: Text of indicator v2.\n");
	const char *com = strstr(gaps, "### Communicate (1 gap)\n");
	assert_true(vi && v1 && v2 && com);
	assert_true(vi < v1 && v1 < v2 && v2 < com && com < strengths);
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
	assert_non_null(strstr(v1, "- Stay and play sessions.\n"));
	assert_non_null(strstr(v1, "> “They always take me seriously.” — "
	                           "Parent carer\n"));
	assert_true(has_node_text(doc, CMARK_NODE_ITEM,
	                          "Home visits [see policy](x)."));
	assert_non_null(strstr(v2, "are listed under **v1** above."));
	assert_non_null(strstr(com, "- **Evidence:** Newsletter only.\n"));
	assert_non_null(strstr(com, "- **Next steps:** none recorded\n"));

	/* Strengths, not yet evaluated, not applicable, attribution. */
	assert_non_null(strstr(strengths, "- **w1** (Embedded): Text of "
	                                  "indicator w1.\n"));
	const char *ne = strstr(md, "## Not yet evaluated\n");
	assert_non_null(ne);
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
	                    "schools/<b>tiny</b>.csv");
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
	     "Well established"},
	    {"value-and-include", "Value and Include", 33.3, 2, 2, 0, 0, 0, 2,
	     "Developing"},
	    {"communicate", "Communicate", 50.0, 2, 3, 1, 0, 1, 1,
	     "Developing"},
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
	    cmocka_unit_test(test_escape_markdown_readable),
	    cmocka_unit_test(test_escape_html),
	    cmocka_unit_test(test_escape_csv),
	    cmocka_unit_test(test_markdown_report),
	    cmocka_unit_test(test_markdown_phase_and_url),
	    cmocka_unit_test(test_markdown_nothing_rated),
	    cmocka_unit_test(test_json_report),
	    cmocka_unit_test(test_json_phase_and_nulls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
