/* test_html.c - the HTML score report and the shared page shell: one
 * self-contained, accessible page, everything escaped, scores beside their
 * counts, nothing rated never shown as 0.
 *
 * The framework, self-evaluation and result are built by hand here, so the
 * renderer is tested on exactly the numbers it is given. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_ATTR   "\"><img src=x onerror=alert(1)>"
#define HOSTILE_URL    "javascript:alert(1)"

/* ------------------------------------------------------------------ */
/* The fixture                                                        */

static oaip_level levels[] = {
    {0, "not-yet", "Not yet", NULL},
    {1, "emerging", "Emerging", NULL},
    {2, "established", "Established", NULL},
    {3, "embedded", "Embedded", NULL},
};

static oaip_example welcome_examples[] = {
    {OAIP_EXAMPLE_PRACTICE, "Staff are visible and approachable in person.",
     NULL, 0},
    {OAIP_EXAMPLE_PRACTICE, "Stay and play sessions for new families.", NULL,
     OAIP_PHASE_EARLY_YEARS},
    {OAIP_EXAMPLE_PRACTICE, "Use <em>kind</em> words & plain language.", NULL,
     0},
    {OAIP_EXAMPLE_QUOTE, "School has helped me have confidence as a parent.",
     "Parent carer", 0},
};

static oaip_example welcome4_examples[] = {
    {OAIP_EXAMPLE_PRACTICE, "A named first point of contact.", NULL, 0},
};

static oaip_example communicate_examples[] = {
    {OAIP_EXAMPLE_QUOTE, "Teachers took our suggestions on board.",
     "Parent carer", 0},
};

enum { N_IND = 10 };

static oaip_indicator indicators[N_IND] = {
    {"welcome-1",
     "Welcome parent carers into the school community.",
     OAIP_WELCOME_AND_CARE,
     0,
     1,
     0,
     NULL,
     0,
     10,
     NULL,
     0,
     {0}},
    {"welcome-2",
     "Care about the wellbeing of parent carers.",
     OAIP_WELCOME_AND_CARE,
     0,
     1,
     0,
     NULL,
     0,
     11,
     NULL,
     0,
     {0}},
    {"welcome-3",
     "Show support and sensitivity to parent carers.",
     OAIP_WELCOME_AND_CARE,
     0,
     1,
     0,
     NULL,
     0,
     12,
     NULL,
     0,
     {0}},
    {"welcome-4",
     "Help parent carers feel confident.",
     OAIP_WELCOME_AND_CARE,
     0,
     1,
     0,
     welcome4_examples,
     1,
     13,
     NULL,
     0,
     {0}},
    {"welcome-5",
     "Let parent carers know what is expected.",
     OAIP_WELCOME_AND_CARE,
     0,
     1,
     0,
     NULL,
     0,
     14,
     NULL,
     0,
     {0}},
    {"value-1",
     "Identify the needs of parent carers.",
     OAIP_VALUE_AND_INCLUDE,
     0,
     1,
     1,
     NULL,
     0,
     20,
     NULL,
     0,
     {0}},
    {"value-2",
     "Understand parent carers.",
     OAIP_VALUE_AND_INCLUDE,
     0,
     1,
     1,
     NULL,
     0,
     21,
     NULL,
     0,
     {0}},
    {"communicate-1",
     "Ask for parent carer views.",
     OAIP_COMMUNICATE,
     0,
     1,
     2,
     NULL,
     0,
     30,
     NULL,
     0,
     {0}},
    {"communicate-2",
     "Respond promptly.",
     OAIP_COMMUNICATE,
     0,
     1,
     2,
     NULL,
     0,
     31,
     NULL,
     0,
     {0}},
    {"partnership-1",
     "Want parent carers to be involved.",
     OAIP_WORK_IN_PARTNERSHIP,
     0,
     1,
     3,
     NULL,
     0,
     40,
     NULL,
     0,
     {0}},
};

static oaip_expectation expectations[] = {
    {"e-welcome", NULL,
     "Parent carers are welcomed and cared for as part of the school "
     "community.",
     NULL, 0, 0, 0, 5, welcome_examples, 4, OAIP_WELCOME_AND_CARE},
    {"e-value", NULL, "Parent carers are valued and included.", NULL, 0, 0, 5,
     2, NULL, 0, OAIP_VALUE_AND_INCLUDE},
    {"e-communicate", NULL, "Communication with parent carers is effective.",
     NULL, 0, 0, 7, 2, communicate_examples, 1, OAIP_COMMUNICATE},
    {"e-partnership", NULL, "Schools work in partnership with parent carers.",
     NULL, 0, 0, 9, 1, NULL, 0, OAIP_WORK_IN_PARTNERSHIP},
};

static oaip_strand strands[] = {
    {"working-in-partnership", "Working in partnership with parent carers",
     NULL},
};

static oaip_framework fw;
static oaip_entry entries[N_IND];
static oaip_selfeval se;
static oaip_result res;

static size_t strengths[] = {0, 1, 2, 9};
static size_t gaps[] = {3, 7};
static size_t not_evaluated[] = {4, 5, 6};
static size_t not_applicable[] = {8};

static void rate(size_t i, oaip_rating_kind kind, int level)
{
	entries[i].kind = kind;
	entries[i].level = level;
	entries[i].line = (long)i + 2;
}

/* welcome-and-care: 3, 2, 2, 1, empty -> 8/12 = 66.7%, 4 of 5 rated,
 *                   3 at or above target, 1 gap
 * value-and-include: nothing rated -> no score
 * communicate: 1, n/a -> 33.3%, 1 of 2 rated, 0 at target, 1 gap
 * work-in-partnership: 3 -> 100%
 * overall: (66.67 + 33.33 + 100) / 3 = 66.7% */
static int setup(void **state)
{
	(void)state;
	memset(&fw, 0, sizeof fw);
	fw.id = "devon";
	fw.title = "Working in partnership with parent carers";
	fw.publisher = "Devon County Council";
	fw.section = "Ordinarily Available Inclusive Provision (OAIP)";
	fw.version = "2025";
	fw.attribution = "Transcribed from the published text. (c) Devon "
	                 "County Council.";
	fw.source_name = "builtin:devon";
	fw.scale.levels = levels;
	fw.scale.n_levels = 4;
	fw.scale.target = 2;
	fw.strands = strands;
	fw.n_strands = 1;
	fw.expectations = expectations;
	fw.n_expectations = 4;
	fw.indicators = indicators;
	fw.n_indicators = N_IND;

	memset(entries, 0, sizeof entries);
	rate(0, OAIP_RATING_RATED, 3);
	rate(1, OAIP_RATING_RATED, 2);
	rate(2, OAIP_RATING_RATED, 2);
	rate(3, OAIP_RATING_RATED, 1);
	rate(7, OAIP_RATING_RATED, 1);
	rate(8, OAIP_RATING_NA, 0);
	rate(9, OAIP_RATING_RATED, 3);
	entries[0].evidence = "Staff greet families at the gate every day.";
	entries[3].evidence = "Coffee mornings started in May.\nAttendance is "
	                      "low.";
	entries[3].next_steps = "Ask parent carers what would help.";

	memset(&se, 0, sizeof se);
	se.file = "examples/st-anne.csv";
	se.school = "St Anne's Primary";
	se.fw = &fw;
	se.entries = entries;

	memset(&res, 0, sizeof res);
	res.fw = &fw;
	res.se = &se;
	res.target = 2;
	res.cs[OAIP_WELCOME_AND_CARE] =
	    (oaip_cornerstone_score){true, 800.0 / 12.0, 4, 5, 0, 1, 3, 1};
	res.cs[OAIP_VALUE_AND_INCLUDE] =
	    (oaip_cornerstone_score){false, 0, 0, 2, 0, 2, 0, 0};
	res.cs[OAIP_COMMUNICATE] =
	    (oaip_cornerstone_score){true, 100.0 / 3.0, 1, 2, 1, 0, 0, 1};
	res.cs[OAIP_WORK_IN_PARTNERSHIP] =
	    (oaip_cornerstone_score){true, 100.0, 1, 1, 0, 0, 1, 0};
	res.has_overall = true;
	res.overall = (800.0 / 12.0 + 100.0 / 3.0 + 100.0) / 3.0;
	res.strengths = strengths;
	res.n_strengths = 4;
	res.gaps = gaps;
	res.n_gaps = 2;
	res.not_evaluated = not_evaluated;
	res.n_not_evaluated = 3;
	res.not_applicable = not_applicable;
	res.n_not_applicable = 1;
	return 0;
}

static const oaip_render_options opts = {.date = "2026-11-23",
                                         .program_version = "0.1.0"};

static char *render(const oaip_result *r)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_score(r, OAIP_FORMAT_HTML, &opts, &b);
	assert_false(b.failed);
	char *s = oaip_buf_detach(&b);
	assert_non_null(s);
	return s;
}

/* ------------------------------------------------------------------ */
/* Helpers that read the page as a browser or a person would          */

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += len)
		n++;
	return n;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t len = strlen(needle);
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < len && p[i] &&
		       tolower((unsigned char)p[i]) ==
		           tolower((unsigned char)needle[i]))
			i++;
		if (i == len)
			return true;
	}
	return false;
}

#define assert_has(hay, needle)                                                \
	do {                                                                   \
		if (!strstr((hay), (needle)))                                  \
			fail_msg("page lacks '%s'", (needle));                 \
	} while (0)
#define assert_lacks(hay, needle)                                              \
	do {                                                                   \
		if (strstr((hay), (needle)))                                   \
			fail_msg("page has '%s'", (needle));                   \
	} while (0)

static bool is_inline_tag(const char *tag)
{
	static const char *inl[] = {"span", "strong", "a",   "cite",
	                            "code", "em",     "abbr"};
	const char *name = tag + 1 + (tag[1] == '/');
	size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
	for (size_t i = 0; i < sizeof inl / sizeof inl[0]; i++)
		if (strlen(inl[i]) == len && strncmp(name, inl[i], len) == 0)
			return true;
	return false;
}

/* The text a reader sees: tags dropped (block tags read as a space),
 * entities decoded, runs of white space collapsed to one space.  Caller
 * frees. */
static char *visible_text(const char *html)
{
	static const struct {
		const char *entity;
		char c;
	} entities[] = {{"&lt;", '<'},    {"&gt;", '>'},    {"&amp;", '&'},
	                {"&quot;", '"'},  {"&#34;", '"'},   {"&#39;", '\''},
	                {"&#x27;", '\''}, {"&apos;", '\''}, {"&nbsp;", ' '}};
	char *t = malloc(strlen(html) + 1);
	assert_non_null(t);
	size_t n = 0;
	bool space = false;
	const char *p = strstr(html, "<body>");
	for (p = p ? p : html; *p; p++) {
		char c = *p;
		if (c == '<') {
			const char *end = strchr(p, '>');
			if (!end)
				break;
			if (!is_inline_tag(p))
				space = true;
			p = end;
			continue;
		}
		if (c == '&') {
			size_t i, len = 0;
			for (i = 0; i < sizeof entities / sizeof entities[0];
			     i++) {
				len = strlen(entities[i].entity);
				if (strncmp(p, entities[i].entity, len) == 0)
					break;
			}
			if (i == sizeof entities / sizeof entities[0])
				fail_msg("unknown entity at '%.10s'", p);
			c = entities[i].c;
			p += len - 1;
		}
		if (isspace((unsigned char)c)) {
			space = true;
			continue;
		}
		if (space && n > 0)
			t[n++] = ' ';
		space = false;
		t[n++] = c;
	}
	t[n] = '\0';
	return t;
}

/* Does any start tag carry an event handler attribute (onclick=...)? */
static bool has_event_attribute(const char *html)
{
	for (const char *p = html; (p = strchr(p, '<')) != NULL; p++) {
		const char *end = strchr(p, '>');
		if (!end)
			return false;
		for (const char *a = p; a < end; a++) {
			if (!isspace((unsigned char)a[0]) ||
			    tolower((unsigned char)a[1]) != 'o' ||
			    tolower((unsigned char)a[2]) != 'n')
				continue;
			const char *q = a + 3;
			while (q < end && isalpha((unsigned char)*q))
				q++;
			if (q > a + 3 && *q == '=')
				return true;
		}
		p = end;
	}
	return false;
}

static bool is_void(const char *name, size_t len)
{
	static const char *voids[] = {"meta", "br", "img", "input",
	                              "link", "hr", "wbr", "source"};
	for (size_t i = 0; i < sizeof voids / sizeof voids[0]; i++)
		if (strlen(voids[i]) == len &&
		    strncmp(name, voids[i], len) == 0)
			return true;
	return false;
}

/* Every element is closed, in order; returns the first problem or NULL. */
static const char *check_nesting(const char *html, char *why, size_t whylen)
{
	char stack[64][16];
	size_t depth = 0;
	const char *p = html;
	while ((p = strchr(p, '<')) != NULL) {
		if (strncmp(p, "<!DOCTYPE", 9) == 0) {
			p++;
			continue;
		}
		bool closing = p[1] == '/';
		const char *name = p + 1 + closing;
		size_t len =
		    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
		const char *end = strchr(p, '>');
		if (!end || len == 0 || len >= 16) {
			snprintf(why, whylen, "bad tag at '%.20s'", p);
			return why;
		}
		if (closing) {
			if (depth == 0 || strlen(stack[depth - 1]) != len ||
			    strncmp(stack[depth - 1], name, len) != 0) {
				snprintf(why, whylen, "'</%.*s>' closes '%s'",
				         (int)len, name,
				         depth ? stack[depth - 1] : "nothing");
				return why;
			}
			depth--;
		} else if (!is_void(name, len) && end[-1] != '/') {
			if (depth == 64)
				return "nested too deep";
			memcpy(stack[depth], name, len);
			stack[depth][len] = '\0';
			depth++;
			if (len == 5 && strncmp(name, "style", 5) == 0) {
				end = strstr(end, "</style>");
				if (!end)
					return "unclosed style";
				end--;
			}
		}
		p = end + 1;
	}
	if (depth) {
		snprintf(why, whylen, "'%s' is never closed", stack[depth - 1]);
		return why;
	}
	return NULL;
}

/* Heading levels in document order, starting at h1, never skipping one. */
static void assert_heading_order(const char *html)
{
	int prev = 0, n = 0;
	for (const char *p = html; (p = strstr(p, "<h")) != NULL; p++) {
		if (p[2] < '1' || p[2] > '6' || (p[3] != '>' && p[3] != ' '))
			continue;
		int level = p[2] - '0';
		if (n == 0 && level != 1)
			fail_msg("first heading is h%d", level);
		if (level > prev + 1)
			fail_msg("h%d follows h%d at '%.60s'", level, prev, p);
		prev = level;
		n++;
	}
	assert_true(n > 5);
}

/* Every href is an in-page link to an id that exists; no other URL. */
static void assert_links_in_page(const char *html)
{
	for (const char *p = html; (p = strstr(p, "href=\"")) != NULL; p++) {
		p += 6;
		if (*p != '#')
			fail_msg("link to '%.40s'", p);
		char id[80];
		size_t len = strcspn(p + 1, "\"");
		assert_true(len > 0 && len < 60);
		snprintf(id, sizeof id, "id=\"%.*s\"", (int)len, p + 1);
		if (count(html, id) != 1)
			fail_msg("link target '%s' found %zu times", id,
			         count(html, id));
	}
}

/* Every id is unique, and every id that aria-labelledby names exists. */
static void assert_ids_sound(const char *html)
{
	for (const char *p = html; (p = strstr(p, " id=\"")) != NULL; p++) {
		char id[80];
		size_t len = strcspn(p + 5, "\"");
		assert_true(len > 0 && len < 60);
		snprintf(id, sizeof id, " id=\"%.*s\"", (int)len, p + 5);
		if (count(html, id) != 1)
			fail_msg("%s appears %zu times", id, count(html, id));
	}
	const char *attr = "aria-labelledby=\"";
	for (const char *p = html; (p = strstr(p, attr)) != NULL;) {
		p += strlen(attr);
		size_t end = strcspn(p, "\"");
		while (end > 0) {
			size_t len = strcspn(p, " \"");
			char id[80];
			assert_true(len > 0 && len < 60);
			snprintf(id, sizeof id, " id=\"%.*s\"", (int)len, p);
			if (count(html, id) != 1)
				fail_msg("aria-labelledby names missing %s",
				         id);
			p += len;
			end -= len;
			if (*p == ' ') {
				p++;
				end--;
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */

static void test_document_structure(void **state)
{
	(void)state;
	char *h = render(&res);
	assert_int_equal(strncmp(h, "<!DOCTYPE html>\n", 16), 0);
	assert_has(h, "<html lang=\"en-GB\">");
	assert_has(h, "<meta charset=\"utf-8\">");
	assert_has(h, "<meta name=\"viewport\" content=\"width=device-width, "
	              "initial-scale=1\">");
	assert_int_equal(count(h, "<title>"), 1);
	assert_int_equal(count(h, "<h1>"), 1);
	assert_int_equal(count(h, "<h1"), 1);
	assert_int_equal(count(h, "<header>"), 1);
	assert_int_equal(count(h, "<nav aria-label=\"Contents\">"), 1);
	assert_int_equal(count(h, "<main id=\"main\">"), 1);
	assert_int_equal(count(h, "<footer>"), 1);
	assert_has(h, "<a class=\"skip\" href=\"#main\">");
	/* landmarks in order: header, nav, main, footer */
	assert_true(strstr(h, "<header>") < strstr(h, "<nav"));
	assert_true(strstr(h, "<nav") < strstr(h, "<main"));
	assert_true(strstr(h, "</main>") < strstr(h, "<footer>"));
	assert_heading_order(h);
	char why[128];
	const char *bad = check_nesting(h, why, sizeof why);
	if (bad)
		fail_msg("%s", bad);
	/* one CSS block, inline */
	assert_int_equal(count(h, "<style>"), 1);
	assert_has(h, "a:focus-visible{");
	assert_links_in_page(h);
	assert_ids_sound(h);
	assert_int_equal(strcmp(h + strlen(h) - 8, "</html>\n"), 0);
	free(h);
}

static void test_tables_have_captions_and_headers(void **state)
{
	(void)state;
	char *h = render(&res);
	size_t tables = count(h, "<table");
	assert_true(tables >= 4); /* summary, strengths, not evaluated, n/a */
	assert_int_equal(count(h, "<caption id=\""), tables);
	assert_int_equal(count(h, "<thead>"), tables);
	/* each scrolls in its own labelled box on a narrow screen */
	assert_int_equal(count(h, "<div class=\"table-wrap\" role=\"region\" "
	                          "aria-labelledby=\""),
	                 tables);
	/* every header cell says what it heads */
	assert_int_equal(count(h, "<th>"), 0);
	assert_int_equal(count(h, "<th "), count(h, "<th scope=\"col\"") +
	                                       count(h, "<th scope=\"row\""));
	assert_has(h,
	           "aria-labelledby=\"summary-table-caption\" tabindex=\"0\">"
	           "\n<table class=\"data cards\">\n<caption "
	           "id=\"summary-table-caption\">Score and coverage for each "
	           "cornerstone</caption>");
	/* on a phone each cell is shown under its column's name */
	assert_has(h, "<td class=\"num\" data-label=\"Below target\">");
	assert_has(h, "<td data-label=\"In plain words\" data-band>");
	/* a row per cornerstone, and the overall one */
	assert_has(h, "<th scope=\"row\" class=\"name\">Welcome and Care</th>");
	assert_has(h,
	           "<th scope=\"row\" class=\"name\">Value and Include</th>");
	assert_has(h, "<th scope=\"row\" class=\"name\">Communicate</th>");
	assert_has(h,
	           "<th scope=\"row\" class=\"name\">Work in Partnership</th>");
	assert_has(h, "<th scope=\"row\">Overall</th>");
	free(h);
}

static void test_chart_is_inline_svg_with_text_alternative(void **state)
{
	(void)state;
	char *h = render(&res);
	assert_int_equal(count(h, "<svg "), 1);
	const char *svg = strstr(h, "<svg ");
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_has(h, "aria-labelledby=\"score-chart-title score-chart-desc\"");
	assert_has(h, "<title id=\"score-chart-title\">Scores for the four "
	              "cornerstones</title>");
	assert_int_equal(count(h, "id=\"score-chart-title\""), 1);
	assert_int_equal(count(h, "id=\"score-chart-desc\""), 1);
	/* the description carries every number */
	const char *desc = strstr(h, "<desc id=\"score-chart-desc\">");
	assert_non_null(desc);
	const char *desc_end = strstr(desc, "</desc>");
	char *d = oaip_strndup(desc, (size_t)(desc_end - desc));
	assert_has(d, "Welcome and Care: 66.7%, 4 of 5 indicators rated.");
	assert_has(d, "Value and Include: not evaluated, 0 of 2 indicators "
	              "rated.");
	assert_has(d, "Communicate: 33.3%, 1 of 2 indicators rated.");
	assert_has(d, "Work in Partnership: 100.0%, 1 of 1 indicator rated.");
	free(d);
	/* no text drawn as a picture, no image of any kind */
	assert_lacks(h, "<img");
	assert_lacks(h, "<image");
	assert_lacks(h, "<foreignObject");
	free(h);
}

static void test_self_contained_no_script_no_url(void **state)
{
	(void)state;
	char *h = render(&res);
	assert_false(contains_nocase(h, "<script"));
	assert_false(contains_nocase(h, "http://"));
	assert_false(contains_nocase(h, "https://"));
	assert_false(contains_nocase(h, "url("));
	assert_false(contains_nocase(h, "@import"));
	assert_false(contains_nocase(h, "<link"));
	assert_false(contains_nocase(h, "<iframe"));
	assert_false(has_event_attribute(h));
	assert_false(contains_nocase(h, "javascript:"));
	free(h);
}

static void test_hostile_school_text_is_escaped(void **state)
{
	(void)state;
	entries[0].evidence = HOSTILE_SCRIPT;
	entries[3].evidence = HOSTILE_ATTR;
	entries[3].next_steps = HOSTILE_URL " and <a href=\"x\">click</a>";
	entries[9].evidence = "<style>body{display:none}</style>";
	se.school = "<b>St Anne's & \"Friends\"</b>";
	se.file = "/home/sally/Documents/<i>evil & co<.csv";
	char *h = render(&res);
	setup(NULL);

	assert_false(contains_nocase(h, "<script"));
	assert_lacks(h, "<img");
	assert_lacks(h, "<b>");
	assert_lacks(h, "<i>");
	assert_lacks(h, "<a href=\"x\"");
	assert_int_equal(count(h, "<style>"), 1);
	assert_int_equal(count(h, "</style>"), 1);
	/* the name in the printed page's margin stays one CSS string */
	assert_has(h, "@top-left{content:\"\\3c b\\3e St Anne's & "
	              "\\22 Friends\\22 \\3c /b\\3e \";");
	assert_lacks(h, "onerror=alert(1)>");
	assert_lacks(h, "href=\"javascript");
	/* shown as text */
	assert_false(has_event_attribute(h));
	/* each is shown to the reader as the text the school typed */
	char *t = visible_text(h);
	assert_has(t,
	           "welcome-1 Welcome and Care Embedded (3) " HOSTILE_SCRIPT);
	assert_has(t,
	           "Below target Rated Emerging (1); the target is "
	           "Established (2). The school’s evidence " HOSTILE_ATTR
	           " Next steps " HOSTILE_URL " and <a href=\"x\">click</a>");
	assert_has(t, "<style>body{display:none}</style>");
	assert_has(t, "<b>St Anne's & \"Friends\"</b> File <i>evil & co<.csv");
	/* only the file's name: not where it was kept */
	assert_lacks(h, "sally");
	free(t);
	assert_has(h, "&lt;script&gt;alert(1)&lt;/script&gt;");
	/* the page title is escaped too */
	const char *title = strstr(h, "<title>");
	assert_non_null(title);
	assert_true(strstr(title, "&lt;b&gt;St Anne") <
	            strstr(title, "</title>"));
	assert_links_in_page(h);
	char why[128];
	const char *bad = check_nesting(h, why, sizeof why);
	if (bad)
		fail_msg("%s", bad);
	free(h);
}

static void test_framework_text_is_escaped(void **state)
{
	(void)state;
	char *h = render(&res);
	assert_has(h, "Use &lt;em&gt;kind&lt;/em&gt; words &amp; plain "
	              "language.");
	assert_lacks(h, "<em>kind");
	free(h);
}

static void test_evidence_keeps_line_breaks(void **state)
{
	(void)state;
	entries[3].evidence = "First line.\r\nSecond <line>.\nThird.";
	char *h = render(&res);
	setup(NULL);
	assert_has(h, "First line.<br>\nSecond &lt;line&gt;.<br>\nThird.");
	free(h);
}

static void test_percentages_stand_beside_counts(void **state)
{
	(void)state;
	char *h = render(&res);
	char *t = visible_text(h);
	assert_has(t, "Welcome and Care 66.7% — 4 of 5 indicators rated, 3 at "
	              "or above target");
	assert_has(t, "Communicate 33.3% — 1 of 2 indicators rated (1 not "
	              "applicable), 0 at or above target, 1 below");
	assert_has(t, "Work in Partnership 100.0% — 1 of 1 indicator rated, 1 "
	              "at or above target");
	assert_has(t, "Overall 66.7% — 6 of 10 indicators rated (1 not "
	              "applicable), 4 at or above target, 2 below 2 3 1");
	assert_has(t, "Overall: 66.7%, the average of 3 cornerstone scores; "
	              "Value and Include is not yet evaluated. Target: 66.7%, "
	              "the score when every rated indicator is at the target "
	              "(Established). 6 of 10 "
	              "indicators rated: 4 at or above the target "
	              "(Established), 2 below it, 3 not yet evaluated, 1 not "
	              "applicable.");
	/* every percentage in the text has counts right after it */
	size_t dashes = 0;
	for (const char *p = t; (p = strstr(p, "% — ")) != NULL; p++) {
		const char *q = p + strlen("% — ");
		while (isdigit((unsigned char)*q))
			q++;
		assert_true(q > p + strlen("% — "));
		assert_int_equal(strncmp(q, " of ", 4), 0);
		dashes++;
	}
	assert_int_equal(dashes, 4); /* three cornerstones and overall */
	free(t);
	free(h);
}

static void test_nothing_rated_is_not_evaluated_never_zero(void **state)
{
	(void)state;
	char *h = render(&res);
	char *t = visible_text(h);
	assert_has(t, "Value and Include Not evaluated — 0 of 2 indicators "
	              "rated 0 2 0 Not yet evaluated");
	/* no cornerstone here scored 0, so no 0% may appear anywhere */
	assert_lacks(h, ">0.0%");
	assert_lacks(t, " 0.0%");
	/* the chart draws an outlined empty bar marked in words */
	assert_has(h, "font-style=\"italic\">not evaluated</text>");
	free(t);
	free(h);

	/* nothing rated at all: no overall score either */
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		res.cs[c].has_score = false;
		res.cs[c].score = 0;
	}
	res.has_overall = false;
	res.overall = 0;
	h = render(&res);
	t = visible_text(h);
	setup(NULL);
	assert_has(t, "Overall: not scored, nothing is rated yet.");
	assert_int_equal(count(h, "font-style=\"italic\">not evaluated</text>"),
	                 4);
	assert_lacks(h, ">0.0%");
	assert_lacks(t, " 0.0%");
	free(t);
	free(h);
}

static void test_gaps_with_evidence_next_steps_and_examples(void **state)
{
	(void)state;
	char *h = render(&res);
	char *t = visible_text(h);
	/* grouped by cornerstone, in the result's order */
	const char *wc = strstr(h, "<h3 id=\"gaps-welcome-and-care\">");
	const char *co = strstr(h, "<h3 id=\"gaps-communicate\">");
	assert_non_null(wc);
	assert_non_null(co);
	assert_true(wc < co);
	assert_lacks(h, "id=\"gaps-value-and-include\"");
	assert_has(t, "Welcome and Care (1 gap)");
	/* status in words, rating against target */
	assert_has(t, "Help parent carers feel confident. welcome-4 Below "
	              "target Rated Emerging (1); the target is Established "
	              "(2).");
	assert_has(t, "The school’s evidence Coffee mornings started in May. "
	              "Attendance is low.");
	assert_has(t, "Next steps Ask parent carers what would help.");
	/* communicate-1 has no evidence or next steps */
	assert_has(t, "Ask for parent carer views. communicate-1 Below target "
	              "Rated Emerging (1); the target is Established (2). The "
	              "school’s evidence None recorded Next steps None "
	              "recorded What good practice");
	/* the indicator's own example, then its expectation's */
	assert_has(t, "What good practice could look like The framework’s "
	              "expectation: Parent carers are welcomed and cared for "
	              "as part of the school community. A named first point "
	              "of contact. Devon County Council's examples for this "
	              "expectation: Staff are visible and approachable in "
	              "person.");
	assert_has(t, "Staff are visible and approachable in person.");
	/* phase-limited examples say so when the report covers every phase */
	assert_has(t, "Stay and play sessions for new families. (early-years)");
	/* quotes are quotations with who said them */
	assert_has(h, "<blockquote><p>“School has helped me have confidence as "
	              "a parent.”</p></blockquote>");
	assert_has(h, "<figcaption>— <cite>Parent carer</cite></figcaption>");
	assert_has(h, "<blockquote><p>“Teachers took our suggestions on "
	              "board.”</p></blockquote>");
	/* strengths are not listed as gaps */
	assert_int_equal(count(h, "badge-below\">Below target"), 2);
	free(t);
	free(h);
}

static void test_no_gaps_said_in_words(void **state)
{
	(void)state;
	res.n_gaps = 0;
	char *h = render(&res);
	setup(NULL);
	char *t = visible_text(h);
	assert_has(t, "Gaps: indicators below the target No rated indicator is "
	              "below the target (Established). Indicators not yet "
	              "evaluated could still be: see below.");
	assert_lacks(h, "badge-below\">");
	assert_lacks(h, "What good practice could look like");
	free(t);
	free(h);
}

static void test_gaps_grouped_whatever_their_order(void **state)
{
	(void)state;
	static size_t shuffled[] = {7, 3};
	res.gaps = shuffled;
	char *h = render(&res);
	setup(NULL);
	assert_int_equal(count(h, "<h3 id=\"gaps-"), 2);
	assert_true(strstr(h, "id=\"gaps-welcome-and-care\"") <
	            strstr(h, "id=\"gaps-communicate\""));
	assert_ids_sound(h);
	free(h);
}

static void test_gaps_without_examples_promise_none(void **state)
{
	(void)state;
	size_t saved[4];
	for (size_t x = 0; x < 4; x++) {
		saved[x] = expectations[x].n_examples;
		expectations[x].n_examples = 0;
	}
	indicators[3].n_examples = 0;
	char *h = render(&res);
	for (size_t x = 0; x < 4; x++)
		expectations[x].n_examples = saved[x];
	indicators[3].n_examples = 1;
	char *t = visible_text(h);
	assert_has(t, "2 indicators are rated below the target (Established), "
	              "by cornerstone. Each shows the school's evidence and "
	              "next steps and the framework's expectation.");
	assert_lacks(t, "examples for this expectation");
	assert_lacks(h, "<blockquote>");
	free(t);
	free(h);
}

static void test_phase_filter_hides_other_phase_examples(void **state)
{
	(void)state;
	res.phase = OAIP_PHASE_SCHOOL;
	char *h = render(&res);
	setup(NULL);
	char *t = visible_text(h);
	assert_lacks(t, "Stay and play sessions");
	assert_has(t, "Staff are visible and approachable in person.");
	assert_has(t, "Phase school (0 framework indicators that do not apply "
	              "in this phase are left out)");
	assert_lacks(t, "Phase school (indicators for other phases are left "
	                "out)");
	free(t);
	free(h);
}

static void test_strengths_not_evaluated_not_applicable(void **state)
{
	(void)state;
	char *h = render(&res);
	char *t = visible_text(h);
	assert_has(t, "4 indicators are rated at or above the target "
	              "(Established).");
	assert_has(t, "Welcome parent carers into the school community. "
	              "welcome-1 Welcome and Care Embedded (3) Staff greet "
	              "families at the gate every day.");
	assert_has(t, "Not yet evaluated 3 indicators have no rating yet. They "
	              "are not counted in any score");
	assert_has(t, "Let parent carers know what is expected. welcome-5 "
	              "Welcome and Care");
	assert_has(t, "Understand parent carers. value-2 Value and Include");
	assert_has(t, "1 indicator is marked not applicable by the school and "
	              "not counted.");
	assert_has(t, "Respond promptly. communicate-2 Communicate");
	free(t);
	free(h);
}

static void test_header_and_footer_facts(void **state)
{
	(void)state;
	char *h = render(&res);
	char *t = visible_text(h);
	assert_has(t, "St Anne's Primary File st-anne.csv Report date "
	              "2026-11-23");
	assert_lacks(t, "examples/");
	assert_has(t, "Framework Working in partnership with parent carers, "
	              "Devon County Council (version 2025)");
	assert_has(t, "Target Established (2) on a scale from Not yet (0) to "
	              "Embedded (3)");
	assert_has(t,
	           "If every rated indicator were exactly at the target, a "
	           "cornerstone would score 66.7%; but a score can hide gaps: "
	           "66.7% can also mean that some indicators are Embedded "
	           "and others only Not yet.");
	assert_has(t, "not counted at all, not even as zero");
	const char *footer = strstr(t, "About the framework Working in "
	                               "partnership "
	                               "with parent carers, Devon County "
	                               "Council (version 2025). Source: "
	                               "Ordinarily Available Inclusive "
	                               "Provision (OAIP).");
	assert_non_null(footer);
	assert_non_null(strstr(footer, "(c) Devon County Council."));
	assert_non_null(strstr(footer, "Made with oaip-eval 0.1.0 on "
	                               "2026-11-23."));
	free(t);
	free(h);
}

static void test_print_styles(void **state)
{
	(void)state;
	char *h = render(&res);
	const char *print = strstr(h, "@media print{");
	assert_non_null(print);
	assert_non_null(strstr(print, "@page{size:A4;margin:17mm 14mm 15mm}"));
	/* headings kept with what follows, rows and short lists whole,
	 * table headers repeated */
	assert_non_null(strstr(print, "h1,h2,h3,h4,h5,caption,thead,dt{"
	                              "break-after:avoid;page-break-after:"
	                              "avoid;break-inside:avoid}"));
	assert_non_null(strstr(print, "tr,li,dd,figure,blockquote,.panel,"
	                              ".caution,.practice ul,table.cards{"
	                              "break-inside:avoid"));
	assert_non_null(strstr(print, "thead{display:table-header-group}"));
	/* the running head: the school's name, the report and the page */
	assert_non_null(strstr(h, "@page{@top-left{content:\"St Anne's "
	                          "Primary\";"));
	assert_non_null(strstr(h, "@top-right{content:\"Partnership with "
	                          "parent carers · Four Cornerstones "
	                          "self-evaluation\";"));
	assert_non_null(strstr(h, "@bottom-right{content:\"page \" "
	                          "counter(page) \" of \" counter(pages);"));
	assert_non_null(strstr(print, "nav,.skip{display:none}"));
	assert_non_null(strstr(print, "break-inside:avoid"));
	free(h);
}

static void test_page_shell_for_other_reports(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_html_page_begin(&b, "Area <comparison> & more", NULL);
	oaip_buf_puts(&b, "<main id=\"main\"><h1>x</h1></main>\n");
	oaip_html_page_end(&b, NULL);
	assert_false(b.failed);
	assert_has(b.data, "<title>Area &lt;comparison&gt; &amp; more</title>");
	assert_has(b.data, "<html lang=\"en-GB\">");
	assert_lacks(b.data, "<footer");
	assert_int_equal(strcmp(b.data + b.len - 8, "</html>\n"), 0);
	oaip_buf_free(&b);

	oaip_html_page_begin(&b, "t", NULL);
	oaip_html_page_end(&b, "<p>Made here.</p>");
	assert_has(b.data, "<footer>\n<div class=\"page\">\n<p>Made here.</p>");
	oaip_buf_free(&b);
}

static void test_bar_chart_helper(void **state)
{
	(void)state;
	oaip_html_bar bars[] = {
	    {.label = "<School A>", .has_value = true, .value = 42.25},
	    {.label = "School B", .has_value = false, .value = 0},
	    {.label = "School C", .has_value = true, .value = 0},
	};
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_html_bar_chart(&b, "area", "Overall scores", "A: 42.3%, B: none",
	                    bars, 3, -1, NULL);
	assert_false(b.failed);
	assert_has(b.data, "role=\"img\" aria-labelledby=\"area-title "
	                   "area-desc\"");
	assert_has(b.data, "&lt;School A&gt;</text>");
	assert_has(b.data, ">42.3%</text>");
	/* a real zero is drawn as 0.0%, a missing score in words */
	assert_int_equal(count(b.data, ">0.0%</text>"), 1);
	assert_int_equal(count(b.data, ">not evaluated</text>"), 1);
	assert_lacks(b.data, "stroke=\"#8a2c12\""); /* no marker asked for */
	oaip_buf_free(&b);

	assert_string_equal(oaip_heat_class("Not yet evaluated"), "heat-none");
	assert_string_equal(oaip_heat_class("Well below target"), "heat-0");
	assert_string_equal(oaip_heat_class("Below target (partly evaluated)"),
	                    "heat-1");
	assert_string_equal(oaip_heat_class("Above target"), "heat-4");
}

/* The report's order, the same as the Markdown report's. */
static void test_sections_in_spec_order(void **state)
{
	(void)state;
	char *h = render(&res);
	static const char *const ids[] = {
	    "id=\"summary\"", "id=\"how\"",           "id=\"strengths\"",
	    "id=\"gaps\"",    "id=\"not-evaluated\"", "id=\"not-applicable\"",
	    "<footer>"};
	for (size_t k = 1; k < sizeof ids / sizeof ids[0]; k++)
		if (!(strstr(h, ids[k - 1]) < strstr(h, ids[k])))
			fail_msg("%s is not before %s", ids[k - 1], ids[k]);
	/* the contents list in the same order */
	assert_true(strstr(h, "href=\"#summary\"") <
	            strstr(h, "href=\"#how\""));
	assert_true(strstr(h, "href=\"#how\"") <
	            strstr(h, "href=\"#strengths\""));
	assert_true(strstr(h, "href=\"#strengths\"") <
	            strstr(h, "href=\"#gaps\""));
	/* the attribution is in the last section, before the credit */
	assert_true(strstr(h, "(c) Devon County Council.") >
	            strstr(h, "id=\"about\""));
	assert_true(strstr(h, "(c) Devon County Council.") <
	            strstr(h, "<footer>"));
	assert_true(strstr(h, "Made with oaip-eval") > strstr(h, "<footer>"));
	free(h);
}

/* The framework's own words only: no description of a cornerstone that
 * this program wrote, which a reader could take for the framework's. */
static void test_no_descriptions_of_our_own(void **state)
{
	(void)state;
	char *h = render(&res);
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		oaip_buf d;
		oaip_buf_init(&d);
		oaip_escape_html(
		    &d, oaip_cornerstone_description((oaip_cornerstone)c));
		assert_lacks(h, d.data);
		oaip_buf_free(&d);
	}
	free(h);
}

/* "How scores are worked out" says exactly the shared words, for any
 * target: nothing the Markdown report does not say too. */
static void test_method_same_words_any_target(void **state)
{
	(void)state;
	for (int target = 0; target <= 3; target++) {
		res.target = target;
		char *h = render(&res);
		char *t = visible_text(h);
		/* from the heading (not the contents list) to the next */
		const char *how = strstr(t, "How scores are worked out Each");
		const char *end = how ? strstr(how, "Strengths ") : NULL;
		assert_true(how && end && how < end);
		char *section = oaip_strndup(how, (size_t)(end - how));

		/* what oaip_report_method says, as it would read */
		oaip_arena a;
		oaip_arena_init(&a);
		oaip_rmethod m;
		assert_true(oaip_report_method(&a, &res, &m));
		oaip_buf said;
		oaip_buf_init(&said);
		for (size_t i = 0; i < m.n; i++)
			if (m.v[i].band)
				oaip_buf_printf(&said, "%s: %s\n", m.v[i].band,
				                m.v[i].text);
			else
				oaip_buf_printf(&said, "%s\n", m.v[i].text);
		oaip_arena_free(&a);
		size_t lines = 0;
		for (char *line = said.data, *nl; line && *line;
		     line = nl + 1) {
			nl = strchr(line, '\n');
			*nl = '\0';
			if (!strstr(section, line))
				fail_msg("target %d: the page lacks '%s'",
				         target, line);
			lines++;
		}
		assert_true(lines >= 10);
		/* target 3 is the top: nothing above it, no "mostly" */
		if (target == 3) {
			assert_lacks(section, "Above target:");
			assert_lacks(section, "Mostly at target:");
			assert_lacks(section, "at least 100.0%");
		}
		if (target == 0) {
			assert_lacks(section, "Below target:");
			assert_has(section,
			           "no rated indicator can be below it");
		}
		oaip_buf_free(&said);
		free(section);
		free(t);
		free(h);
	}
	setup(NULL);
}

/* One indicator rated in each cornerstone, the rest blank: four scores
 * of 100% that must not read as four strengths. */
static void test_low_coverage_cautions(void **state)
{
	(void)state;
	static const size_t totals[] = {5, 5, 6, 4};
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		res.cs[c] = (oaip_cornerstone_score){
		    true, 100.0, 1, totals[c], 0, totals[c] - 1, 1, 0};
	res.overall = 100.0;
	res.n_gaps = 0;
	char *h = render(&res);
	char *t = visible_text(h);
	setup(NULL);

	/* the caution comes before any number */
	const char *caution = strstr(h, "<p class=\"caution\"><strong>Only 4 "
	                                "of 20 indicators are rated so far: "
	                                "these scores say little yet."
	                                "</strong></p>");
	assert_non_null(caution);
	assert_true(caution > strstr(h, "id=\"summary\""));
	assert_true(caution < strstr(h, "<svg "));
	/* no band, and the chart says how little each bar rests on */
	assert_int_equal(count(h, "<td data-label=\"In plain words\" "
	                          "data-band>Too few rated to judge</td>"),
	                 5);
	assert_has(h, ">Welcome and Care: only 1 of 5 rated</text>");
	assert_has(h, ">Communicate: only 1 of 6 rated</text>");
	assert_has(h, ">Work in Partnership: only 1 of 4 rated</text>");
	/* pale bars in an outline, not four full solid bars */
	assert_int_equal(count(h, "fill=\"#d3e3ea\" stroke=\"#2b6a86\""), 4);
	assert_lacks(h, "fill=\"#2b6a86\"/>");
	assert_has(t, "A pale bar in an outline rests on fewer than half of "
	              "its cornerstone's indicators: too few to judge.");
	assert_has(h, "Welcome and Care: 100.0%, 1 of 5 indicators rated, too "
	              "few to judge.");
	free(t);
	free(h);

	/* with enough rated: no caution, solid bars */
	h = render(&res);
	assert_lacks(h, "class=\"caution\"");
	assert_lacks(h, "#d3e3ea\" stroke");
	assert_has(h, ">Welcome and Care: 4 of 5 rated</text>");
	free(h);
}

/* All n/a is not "not evaluated"; nothing in this phase is neither. */
static void test_cornerstones_without_score_say_why(void **state)
{
	(void)state;
	res.cs[OAIP_VALUE_AND_INCLUDE] =
	    (oaip_cornerstone_score){false, 0, 0, 2, 2, 0, 0, 0};
	res.cs[OAIP_WORK_IN_PARTNERSHIP] =
	    (oaip_cornerstone_score){false, 0, 0, 0, 0, 0, 0, 0};
	res.overall = (800.0 / 12.0 + 100.0 / 3.0) / 2.0;
	res.phase = OAIP_PHASE_SCHOOL;
	char *h = render(&res);
	char *t = visible_text(h);
	setup(NULL);
	assert_has(t, "Value and Include Not applicable — 0 of 2 indicators "
	              "rated (2 not applicable) 0 0 2 Not applicable");
	assert_has(t, "Work in Partnership No score — no indicator applies in "
	              "this phase 0 0 0 Not part of this phase");
	assert_has(h, "font-style=\"italic\">not applicable</text>");
	assert_has(h, "font-style=\"italic\">not part of this phase</text>");
	assert_lacks(h, ">not evaluated</text>");
	assert_has(t, "Overall: 50.0%, the average of 2 cornerstone scores; "
	              "Value and Include is not applicable; Work in "
	              "Partnership is not part of this phase.");
	assert_has(t, "Not part of this phase: none of the cornerstone's "
	              "indicators applies in this phase.");
	free(t);
	free(h);
}

/* Strengths show the school's next steps when it wrote any. */
static void test_strengths_next_steps(void **state)
{
	(void)state;
	char *h = render(&res);
	assert_lacks(h, "<th scope=\"col\">Next steps</th>");
	free(h);
	entries[1].next_steps = "Ask families\nwhat helps.";
	h = render(&res);
	setup(NULL);
	char *t = visible_text(h);
	assert_has(h, "<th scope=\"col\">The school’s evidence</th>"
	              "<th scope=\"col\">Next steps</th>");
	assert_has(h, "Ask families<br>\nwhat helps.");
	assert_has(t, "welcome-1 Welcome and Care Embedded (3) Staff greet "
	              "families at the gate every day. None recorded");
	free(t);
	free(h);
}

/* A table's stacked bars: each part placed from the counts the builder
 * gave (no gap, no overlap, ending at 100), drawn beside the cell's
 * text, hidden from screen readers with its key, and a part with no
 * count not drawn; a row whose counts add up to 0 has no bar. */
static void test_table_bars(void **state)
{
	(void)state;
	oaip_arena a;
	oaip_arena_init(&a);
	oaip_rsections list = {0};
	oaip_rsection *s = oaip_rsection_add(&list, &a, OAIP_AFTER_HEADER,
	                                     "answers", "Answers");
	static const oaip_rcolumn cols[] = {{"q", "Question", false},
	                                    {"all", "All answers", false}};
	oaip_rtable *t = oaip_rsection_table(&a, s, "Each question", cols, 2);
	static const char *const keys[] = {"Yes", "No", "Don\u2019t know"};
	oaip_rtable_bars(&a, t, 1, keys, 3);
	oaip_rtable_row(&a, t,
	                (const char *const[]){"Q1", "Yes 1, No 1, DK 1"});
	oaip_rtable_row_bar(&a, t, (const size_t[]){1, 1, 1});
	oaip_rtable_row(&a, t,
	                (const char *const[]){"Q2", "Yes 3, No 0, DK 1"});
	oaip_rtable_row_bar(&a, t, (const size_t[]){3, 0, 1});
	oaip_rtable_row(&a, t, (const char *const[]){"Q3", "nobody answered"});
	oaip_rtable_row_bar(&a, t, (const size_t[]){0, 0, 0});
	assert_false(a.failed);

	const oaip_rbar *b = t->first->bar;
	assert_non_null(b);
	assert_true(b->from[0] == 0.0 && b->width[0] == 33.3);
	assert_true(b->from[1] == 33.3 && b->width[1] == 33.4);
	assert_true(b->from[2] == 66.7 && b->width[2] == 33.3);
	assert_null(t->last->bar);

	oaip_buf out;
	oaip_buf_init(&out);
	oaip_sections_html(&list, OAIP_AFTER_HEADER, &out);
	assert_false(out.failed);
	const char *h = out.data;
	/* the key, hidden like the bars, before the table */
	const char *key =
	    strstr(h, "<p class=\"bar-key\" aria-hidden=\"true\">");
	assert_non_null(key);
	assert_true(key < strstr(h, "<table"));
	assert_non_null(strstr(key, "<rect class=\"bar-2\" width=\"10\" "
	                            "height=\"10\"/></svg>Don\u2019t know"));
	/* each bar after its cell's text */
	assert_non_null(strstr(
	    h, "Yes 1, No 1, DK 1<svg class=\"bar\" viewBox=\"0 0 100 10\" "
	       "preserveAspectRatio=\"none\" aria-hidden=\"true\">"
	       "<rect class=\"bar-0\" x=\"0.0\" width=\"33.3\" height=\"10\"/>"
	       "<rect class=\"bar-1\" x=\"33.3\" width=\"33.4\" height=\"10\"/>"
	       "<rect class=\"bar-2\" x=\"66.7\" width=\"33.3\" height=\"10\"/>"
	       "</svg></td>"));
	assert_non_null(strstr(
	    h, "Yes 3, No 0, DK 1<svg class=\"bar\" viewBox=\"0 0 100 10\" "
	       "preserveAspectRatio=\"none\" aria-hidden=\"true\">"
	       "<rect class=\"bar-0\" x=\"0.0\" width=\"75.0\" height=\"10\"/>"
	       "<rect class=\"bar-2\" x=\"75.0\" width=\"25.0\" height=\"10\"/>"
	       "</svg></td>"));
	assert_non_null(strstr(h, "nobody answered</td>"));
	/* a phone shows it as cards, each cell under its column's name */
	assert_non_null(strstr(h, "<table class=\"data cards split\">"));
	assert_non_null(strstr(h, "<td data-label=\"All answers\">Yes 1"));
	oaip_buf_free(&out);

	/* Markdown draws no bar: the text says it all */
	oaip_sections_md(&list, OAIP_AFTER_HEADER, &out);
	assert_null(strstr(out.data, "bar"));
	assert_non_null(strstr(out.data, "| Q1 | Yes 1, No 1, DK 1 |"));
	oaip_buf_free(&out);
	oaip_rsections_free(&list);
	oaip_arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_bars),
	    cmocka_unit_test_setup(test_document_structure, setup),
	    cmocka_unit_test_setup(test_tables_have_captions_and_headers,
	                           setup),
	    cmocka_unit_test_setup(
	        test_chart_is_inline_svg_with_text_alternative, setup),
	    cmocka_unit_test_setup(test_self_contained_no_script_no_url, setup),
	    cmocka_unit_test_setup(test_hostile_school_text_is_escaped, setup),
	    cmocka_unit_test_setup(test_framework_text_is_escaped, setup),
	    cmocka_unit_test_setup(test_evidence_keeps_line_breaks, setup),
	    cmocka_unit_test_setup(test_percentages_stand_beside_counts, setup),
	    cmocka_unit_test_setup(
	        test_nothing_rated_is_not_evaluated_never_zero, setup),
	    cmocka_unit_test_setup(
	        test_gaps_with_evidence_next_steps_and_examples, setup),
	    cmocka_unit_test_setup(test_no_gaps_said_in_words, setup),
	    cmocka_unit_test_setup(test_gaps_grouped_whatever_their_order,
	                           setup),
	    cmocka_unit_test_setup(test_gaps_without_examples_promise_none,
	                           setup),
	    cmocka_unit_test_setup(test_phase_filter_hides_other_phase_examples,
	                           setup),
	    cmocka_unit_test_setup(test_strengths_not_evaluated_not_applicable,
	                           setup),
	    cmocka_unit_test_setup(test_header_and_footer_facts, setup),
	    cmocka_unit_test_setup(test_print_styles, setup),
	    cmocka_unit_test_setup(test_sections_in_spec_order, setup),
	    cmocka_unit_test_setup(test_no_descriptions_of_our_own, setup),
	    cmocka_unit_test_setup(test_method_same_words_any_target, setup),
	    cmocka_unit_test_setup(test_low_coverage_cautions, setup),
	    cmocka_unit_test_setup(test_cornerstones_without_score_say_why,
	                           setup),
	    cmocka_unit_test_setup(test_strengths_next_steps, setup),
	    cmocka_unit_test(test_page_shell_for_other_reports),
	    cmocka_unit_test(test_bar_chart_helper),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
