/* test_framework.c - the framework loader, model and built-ins. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "oaip.h"

/* ------------------------------------------------------------------ */
/* Fixtures                                                           */

/* A small valid framework, one line per entry, so a test can say which
 * line a problem is on. */
static const char *const base[] = {
    /* 1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    /* 2 */ "<framework id=\"t\" version=\"1\">",
    /* 3 */ "  <title>Test framework</title>",
    /* 4 */ "  <publisher>Test Council</publisher>",
    /* 5 */ "  <source section=\"Partnership\"/>",
    /* 6 */ "  <attribution>Written for the tests.</attribution>",
    /* 7 */ "  <strand id=\"s\">",
    /* 8 */ "    <title>Strand</title>",
    /* 9 */ "    <expectation id=\"e\" cornerstone=\"welcome-and-care\">",
    /* 10 */ "      <statement>Parent carers are welcomed.</statement>",
    /* 11 */ "      <indicator id=\"i1\">One.</indicator>",
    /* 12 */
    "      <indicator id=\"i2\" "
    "cornerstone=\"value-and-include\">Two.</indicator>",
    /* 13 */
    "      <indicator id=\"i3\" cornerstone=\"communicate\">Three.</indicator>",
    /* 14 */
    "      <indicator id=\"i4\" "
    "cornerstone=\"work-in-partnership\">Four.</indicator>",
    /* 15 */ "      <example>An example.</example>",
    /* 16 */ "    </expectation>",
    /* 17 */ "  </strand>",
    /* 18 */ "</framework>",
};
#define N_BASE (sizeof base / sizeof base[0])

/* The base framework with some lines replaced: pairs of (line number,
 * new text), ending with 0.  The caller frees. */
static char *variant(int line, ...)
{
	const char *lines[N_BASE];
	for (size_t i = 0; i < N_BASE; i++)
		lines[i] = base[i];
	va_list ap;
	va_start(ap, line);
	while (line > 0) {
		const char *text = va_arg(ap, const char *);
		assert_true((size_t)line <= N_BASE);
		lines[line - 1] = text;
		line = va_arg(ap, int);
	}
	va_end(ap);
	oaip_buf b;
	oaip_buf_init(&b);
	for (size_t i = 0; i < N_BASE; i++) {
		oaip_buf_puts(&b, lines[i]);
		oaip_buf_putc(&b, '\n');
	}
	return oaip_buf_detach(&b);
}

static oaip_framework *load_string(const char *xml, oaip_diags *d)
{
	return oaip_framework_load_memory(xml, strlen(xml), "t.xml", d);
}

/* Is there an error on line with message containing text? */
static bool has_error(const oaip_diags *d, long line, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == OAIP_ERROR &&
		    d->items[i].line == line && d->items[i].file &&
		    strcmp(d->items[i].file, "t.xml") == 0 &&
		    strstr(d->items[i].message, text))
			return true;
	return false;
}

static void print_diags(const oaip_diags *d)
{
	oaip_diags_print(d, stdout);
}

/* Load xml, expect failure, and expect an error on line containing
 * text. */
static void expect_error(const char *xml, long line, const char *text)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = load_string(xml, &d);
	if (fw || !has_error(&d, line, text)) {
		printf("expected t.xml:%ld: error: ...%s...\n", line, text);
		print_diags(&d);
	}
	assert_null(fw);
	assert_true(has_error(&d, line, text));
	oaip_diags_free(&d);
}

static size_t count_cornerstone(const oaip_framework *fw, oaip_cornerstone c)
{
	size_t n = 0;
	for (size_t i = 0; i < fw->n_indicators; i++)
		if (fw->indicators[i].cornerstone == c)
			n++;
	return n;
}

/* ------------------------------------------------------------------ */
/* Built-ins                                                          */

static void test_builtins_listed(void **state)
{
	(void)state;
	assert_int_equal(oaip_builtin_count(), 2);
	assert_string_equal(oaip_builtin_default(), "devon");
	assert_string_equal(oaip_builtin_get(0)->id, "devon");
	assert_string_equal(oaip_builtin_get(0)->filename, "devon.xml");
	assert_string_equal(oaip_builtin_get(1)->id, "west-sussex");
	assert_null(oaip_builtin_get(2));
	assert_non_null(oaip_builtin_find("west-sussex"));
	assert_non_null(oaip_builtin_find("Devon"));
	assert_null(oaip_builtin_find("oaip-framework"));
	assert_null(oaip_builtin_find("bury"));
	size_t len = 0;
	const char *rng = oaip_framework_schema(&len);
	assert_true(len > 0);
	assert_non_null(strstr(rng, "relaxng.org/ns/structure"));
}

static void test_every_builtin_loads(void **state)
{
	(void)state;
	for (size_t i = 0; i < oaip_builtin_count(); i++) {
		oaip_diags d;
		oaip_diags_init(&d);
		const oaip_builtin *b = oaip_builtin_get(i);
		oaip_framework *fw = oaip_framework_load(b->id, &d);
		print_diags(&d);
		assert_non_null(fw);
		assert_int_equal(d.n, 0);
		assert_string_equal(fw->id, b->id);
		assert_non_null(fw->title);
		assert_non_null(fw->publisher);
		assert_non_null(fw->section);
		assert_non_null(fw->attribution);
		for (size_t k = 0; k < fw->n_indicators; k++) {
			assert_int_equal(
			    oaip_framework_find(fw, fw->indicators[k].id),
			    (long)k);
			assert_true(fw->indicators[k].line > 0);
		}
		oaip_framework_free(fw);
		oaip_diags_free(&d);
	}
}

static void test_devon(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("devon", &d);
	assert_non_null(fw);
	assert_string_equal(fw->source_name, "builtin:devon");
	assert_string_equal(fw->publisher, "Devon County Council");
	assert_int_equal(fw->n_strands, 1);
	assert_string_equal(fw->strands[0].id, "working-in-partnership");
	assert_int_equal(fw->n_expectations, 4);
	assert_string_equal(fw->expectations[0].id, "e-welcome");
	assert_string_equal(fw->expectations[3].id, "e-partnership");
	assert_int_equal(fw->n_indicators, 20);
	assert_int_equal(count_cornerstone(fw, OAIP_WELCOME_AND_CARE), 5);
	assert_int_equal(count_cornerstone(fw, OAIP_VALUE_AND_INCLUDE), 5);
	assert_int_equal(count_cornerstone(fw, OAIP_COMMUNICATE), 6);
	assert_int_equal(count_cornerstone(fw, OAIP_WORK_IN_PARTNERSHIP), 4);
	assert_string_equal(fw->indicators[0].id, "welcome-1");
	assert_string_equal(fw->indicators[0].text,
	                    "Welcome parent carers into the school or setting "
	                    "community.");
	assert_string_equal(fw->indicators[19].id, "partnership-4");
	/* Indicators of an expectation are contiguous, in order. */
	assert_int_equal(fw->expectations[2].first_indicator, 10);
	assert_int_equal(fw->expectations[2].n_indicators, 6);
	/* The first expectation's examples end with a parent carer's
	 * quote. */
	const oaip_expectation *e = &fw->expectations[0];
	assert_true(e->n_examples > 1);
	const oaip_example *q = &e->examples[e->n_examples - 1];
	assert_int_equal(q->kind, OAIP_EXAMPLE_QUOTE);
	assert_string_equal(q->by, "Parent carer");
	assert_string_equal(
	    q->text, "School has helped me have confidence as a parent.");
	assert_int_equal(fw->scale.target, 2);
	assert_int_equal(oaip_scale_max(&fw->scale), 3);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_west_sussex(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("west-sussex", &d);
	assert_non_null(fw);
	assert_int_equal(fw->n_expectations, 2);
	assert_string_equal(fw->expectations[0].id, "e1");
	assert_string_equal(fw->expectations[1].id, "e2");
	/* The published text has 17 examples of good practice under
	 * Expectation 1 and 4 under Expectation 2. */
	assert_int_equal(fw->n_indicators, 21);
	assert_int_equal(count_cornerstone(fw, OAIP_WELCOME_AND_CARE), 2);
	assert_int_equal(count_cornerstone(fw, OAIP_VALUE_AND_INCLUDE), 6);
	assert_int_equal(count_cornerstone(fw, OAIP_COMMUNICATE), 7);
	assert_int_equal(count_cornerstone(fw, OAIP_WORK_IN_PARTNERSHIP), 6);
	long i = oaip_framework_find(fw, "e1-09");
	assert_true(i >= 0);
	assert_int_equal(fw->indicators[i].phases, OAIP_PHASE_EARLY_YEARS);
	i = oaip_framework_find(fw, "e1-10");
	assert_int_equal(fw->indicators[i].phases,
	                 OAIP_PHASE_SCHOOL | OAIP_PHASE_POST16);
	size_t school = 0;
	for (size_t k = 0; k < fw->n_indicators; k++)
		if (oaip_indicator_applies(&fw->indicators[k],
		                           OAIP_PHASE_SCHOOL))
			school++;
	assert_int_equal(school, 18);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_load_spec(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(oaip_framework_load("devonn", &d));
	assert_int_equal(d.n, 1);
	assert_null(d.items[0].file);
	assert_string_equal(d.items[0].message,
	                    "unknown framework 'devonn': expected a built-in "
	                    "framework (devon, west-sussex) or the path of a "
	                    "framework XML file");
	oaip_diags_free(&d);

	/* Ending in .xml, it is a path even with no slash. */
	assert_null(oaip_framework_load("devon.xml", &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].file, "devon.xml");
	assert_non_null(strstr(d.items[0].message, "cannot open file"));
	oaip_diags_free(&d);

	/* NULL means the default. */
	oaip_framework *fw = oaip_framework_load(NULL, &d);
	assert_non_null(fw);
	assert_string_equal(fw->id, "devon");
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_load_file(void **state)
{
	(void)state;
	char path[] = "/tmp/oaip-test-fw-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	char *xml = variant(0);
	assert_int_equal(write(fd, xml, strlen(xml)), (ssize_t)strlen(xml));
	close(fd);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load(path, &d);
	assert_non_null(fw);
	assert_string_equal(fw->source_name, path);
	assert_int_equal(fw->n_indicators, 4);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	unlink(path);
	free(xml);
}

/* ------------------------------------------------------------------ */
/* The model                                                          */

static void test_base_model(void **state)
{
	(void)state;
	char *xml = variant(0);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = load_string(xml, &d);
	print_diags(&d);
	assert_non_null(fw);
	assert_string_equal(fw->source_name, "t.xml");
	assert_string_equal(fw->version, "1");
	assert_null(fw->url);
	/* No scale: the default one. */
	assert_int_equal(fw->scale.n_levels, 4);
	assert_string_equal(fw->scale.levels[0].id, "not-yet");
	assert_string_equal(fw->scale.levels[0].label, "Not yet");
	assert_int_equal(fw->scale.target, 2);
	assert_int_equal(fw->indicators[0].cornerstone, OAIP_WELCOME_AND_CARE);
	assert_int_equal(fw->indicators[1].cornerstone, OAIP_VALUE_AND_INCLUDE);
	assert_true(fw->indicators[0].weight == 1.0);
	assert_int_equal(fw->indicators[0].line, 11);
	assert_int_equal(fw->expectations[0].n_examples, 1);
	assert_int_equal(fw->expectations[0].examples[0].kind,
	                 OAIP_EXAMPLE_PRACTICE);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	free(xml);
}

static void test_indicator_details(void **state)
{
	(void)state;
	char *xml = variant(
	    12,
	    "      <indicator id=\"i2\" cornerstone=\"value-and-include\" "
	    "phase=\"school post-16\" weight=\"2.5\">\n"
	    "        <text>Two,\n   on two lines.</text>\n"
	    "        <example phase=\"early-years\">Its own "
	    "example.</example>\n"
	    "      </indicator>",
	    15,
	    "      <note>A note.</note><quote by=\"Parent carer\">Quoted."
	    "</quote>",
	    0);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = load_string(xml, &d);
	print_diags(&d);
	assert_non_null(fw);
	const oaip_indicator *ind = &fw->indicators[1];
	assert_string_equal(ind->text, "Two, on two lines.");
	assert_int_equal(ind->phases, OAIP_PHASE_SCHOOL | OAIP_PHASE_POST16);
	assert_true(ind->weight == 2.5);
	assert_int_equal(ind->n_examples, 1);
	assert_string_equal(ind->examples[0].text, "Its own example.");
	assert_int_equal(ind->examples[0].phases, OAIP_PHASE_EARLY_YEARS);
	assert_true(oaip_indicator_applies(ind, 0));
	assert_true(oaip_indicator_applies(ind, OAIP_PHASE_POST16));
	assert_false(oaip_indicator_applies(ind, OAIP_PHASE_EARLY_YEARS));
	assert_true(
	    oaip_indicator_applies(&fw->indicators[0], OAIP_PHASE_EARLY_YEARS));
	/* The next indicator's line moved down by four. */
	assert_int_equal(fw->indicators[2].line, 17);
	const oaip_expectation *e = &fw->expectations[0];
	assert_int_equal(e->n_notes, 1);
	assert_string_equal(e->notes[0], "A note.");
	assert_int_equal(e->n_examples, 1);
	assert_int_equal(e->examples[0].kind, OAIP_EXAMPLE_QUOTE);
	assert_string_equal(e->examples[0].by, "Parent carer");
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	free(xml);
}

static void test_find(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("devon", &d);
	assert_non_null(fw);
	assert_int_equal(oaip_framework_find(fw, "welcome-1"), 0);
	assert_int_equal(oaip_framework_find(fw, "WELCOME-1"), 0);
	assert_int_equal(oaip_framework_find(fw, "Communicate-6"), 15);
	assert_int_equal(oaip_framework_find(fw, "partnership-4"), 19);
	assert_int_equal(oaip_framework_find(fw, "welcome-6"), -1);
	assert_int_equal(oaip_framework_find(fw, ""), -1);
	assert_int_equal(oaip_framework_find(fw, "e-welcome"), -1);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_suggest(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("devon", &d);
	assert_non_null(fw);
	assert_string_equal(oaip_framework_suggest(fw, "welcom-1"),
	                    "welcome-1");
	assert_string_equal(oaip_framework_suggest(fw, "welcome1"),
	                    "welcome-1");
	assert_string_equal(oaip_framework_suggest(fw, "Welcome_2"),
	                    "welcome-2");
	assert_string_equal(oaip_framework_suggest(fw, "comunicate-3"),
	                    "communicate-3");
	assert_string_equal(oaip_framework_suggest(fw, "partnership-4 "),
	                    "partnership-4");
	assert_null(oaip_framework_suggest(fw, "xyz"));
	assert_null(oaip_framework_suggest(fw, "rating"));
	assert_null(oaip_framework_suggest(fw, ""));
	oaip_framework_free(fw);

	fw = oaip_framework_load("west-sussex", &d);
	assert_non_null(fw);
	assert_string_equal(oaip_framework_suggest(fw, "e1-1"), "e1-01");
	assert_string_equal(oaip_framework_suggest(fw, "E2-4"), "e2-04");
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_parse_level(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("devon", &d);
	assert_non_null(fw);
	const oaip_scale *s = &fw->scale;
	static const struct {
		const char *text;
		int value;
	} good[] = {
	    {"0", 0},
	    {"3", 3},
	    {" 2 ", 2},
	    {"Embedded", 3},
	    {"embedded", 3},
	    {"EMBEDDED", 3},
	    {"  emerging\t", 1},
	    {"not yet", 0},
	    {"not-yet", 0},
	    {"Not Yet", 0},
	    {"NOT-YET", 0},
	    {"not  yet", 0},
	    {"established", 2},
	    {"Established", 2},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int v = -1;
		if (!oaip_scale_parse_level(s, good[i].text, &v))
			printf("'%s' not parsed\n", good[i].text);
		assert_true(oaip_scale_parse_level(s, good[i].text, &v));
		assert_int_equal(v, good[i].value);
	}
	static const char *const bad[] = {
	    "",
	    "   ",
	    "4",
	    "-1",
	    "1.5",
	    "sometimes",
	    "n/a",
	    "notyet",
	    "embedded!",
	    "3 embedded",
	    "99999999999999999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int v = 42;
		if (oaip_scale_parse_level(s, bad[i], &v))
			printf("'%s' parsed as %d\n", bad[i], v);
		assert_false(oaip_scale_parse_level(s, bad[i], &v));
		assert_int_equal(v, 42);
	}
	assert_string_equal(oaip_scale_level(s, 1)->label, "Emerging");
	assert_null(oaip_scale_level(s, 4));
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_describe(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("devon", &d);
	assert_non_null(fw);
	char *s = oaip_scale_describe(&fw->scale);
	assert_string_equal(s, "0-3, not yet, emerging, established, embedded");
	free(s);
	oaip_framework_free(fw);

	char *xml = variant(
	    6,
	    "  <attribution>A.</attribution><scale target=\"good\">\n"
	    "  <level value=\"0\" id=\"none\" label=\"None\">Nothing yet."
	    "</level>\n"
	    "  <level value=\"5\" id=\"some\" label=\"Some\"/>\n"
	    "  <level value=\"10\" id=\"good\" label=\"Good\"/></scale>",
	    0);
	fw = load_string(xml, &d);
	print_diags(&d);
	assert_non_null(fw);
	assert_int_equal(fw->scale.target, 10);
	assert_int_equal(oaip_scale_max(&fw->scale), 10);
	assert_string_equal(fw->scale.levels[0].description, "Nothing yet.");
	s = oaip_scale_describe(&fw->scale);
	assert_string_equal(s, "0, 5, 10, none, some, good");
	free(s);
	int v = -1;
	assert_true(oaip_scale_parse_level(&fw->scale, "Good", &v));
	assert_int_equal(v, 10);
	assert_true(oaip_scale_parse_level(&fw->scale, "5", &v));
	assert_int_equal(v, 5);
	assert_false(oaip_scale_parse_level(&fw->scale, "3", &v));
	assert_false(oaip_scale_parse_level(&fw->scale, "embedded", &v));
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	free(xml);
}

/* ------------------------------------------------------------------ */
/* Broken frameworks: every problem with its line                     */

static void test_duplicate_id(void **state)
{
	(void)state;
	char *xml = variant(
	    13,
	    "      <indicator id=\"i1\" cornerstone=\"communicate\">Three."
	    "</indicator>",
	    0);
	expect_error(xml, 13, "duplicate id 'i1' (first used on line 11)");
	free(xml);
	/* Ids are unique across element kinds too. */
	xml = variant(
	    9, "    <expectation id=\"s\" cornerstone=\"welcome-and-care\">",
	    0);
	expect_error(xml, 9, "duplicate id 's' (first used on line 7)");
	free(xml);
}

static void test_unknown_cornerstone(void **state)
{
	(void)state;
	char *xml =
	    variant(13,
	            "      <indicator id=\"i3\" cornerstone=\"talk\">Three."
	            "</indicator>",
	            0);
	expect_error(xml, 13,
	             "unknown cornerstone 'talk': expected welcome-and-care, "
	             "value-and-include, communicate or work-in-partnership");
	free(xml);
}

static void test_no_cornerstone(void **state)
{
	(void)state;
	char *xml = variant(9, "    <expectation id=\"e\">", 0);
	expect_error(xml, 11, "indicator 'i1' has no cornerstone");
	free(xml);
}

static void test_cornerstone_without_indicator(void **state)
{
	(void)state;
	char *xml = variant(
	    14,
	    "      <indicator id=\"i4\" cornerstone=\"communicate\">Four."
	    "</indicator>",
	    0);
	expect_error(xml, 2,
	             "no indicator belongs to cornerstone "
	             "'work-in-partnership'");
	free(xml);
}

static void test_scale_order(void **state)
{
	(void)state;
	char *xml =
	    variant(6,
	            "  <attribution>A.</attribution><scale target=\"two\">\n"
	            "  <level value=\"0\" id=\"zero\" label=\"Zero\"/>\n"
	            "  <level value=\"2\" id=\"two\" label=\"Two\"/>\n"
	            "  <level value=\"1\" id=\"one\" label=\"One\"/></scale>",
	            0);
	expect_error(xml, 9,
	             "level value 1 is not greater than the value of the level "
	             "before it (2)");
	free(xml);

	xml =
	    variant(6,
	            "  <attribution>A.</attribution><scale target=\"two\">\n"
	            "  <level value=\"0\" id=\"zero\" label=\"Zero\"/>\n"
	            "  <level value=\"2\" id=\"two\" label=\"Two\"/>\n"
	            "  <level value=\"3\" id=\"three\" label=\"two\"/></scale>",
	            0);
	expect_error(xml, 9,
	             "duplicate level label 'two' (first used on line 8)");
	free(xml);
}

static void test_target_not_a_level(void **state)
{
	(void)state;
	char *xml =
	    variant(6,
	            "  <attribution>A.</attribution><scale target=\"secure\">\n"
	            "  <level value=\"0\" id=\"zero\" label=\"Zero\"/>\n"
	            "  <level value=\"1\" id=\"one\" label=\"One\"/></scale>",
	            0);
	expect_error(xml, 6,
	             "scale target 'secure' is not a level: expected one of "
	             "zero, one");
	free(xml);
}

static void test_not_well_formed(void **state)
{
	(void)state;
	char *xml = variant(8, "    <title>Strand</titel>", 0);
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(load_string(xml, &d));
	/* One clear message, not a cascade. */
	assert_int_equal(d.n, 1);
	assert_true(has_error(&d, 8, "tag mismatch"));
	oaip_diags_free(&d);
	free(xml);

	expect_error("", 0, "file is empty");
	expect_error("not xml at all", 1, "");
	expect_error("<framework id=\"x\">\n<title>&amp;&nbsp;</title>", 2,
	             "entity 'nbsp' not defined");
}

static void test_schema_violation(void **state)
{
	(void)state;
	/* An element the format does not have. */
	char *xml = variant(15, "      <exemple>An example.</exemple>", 0);
	expect_error(xml, 15, "exemple");
	free(xml);
	/* A required element missing: the statement. */
	xml = variant(10, "", 0);
	expect_error(xml, 9, "statement");
	free(xml);
	/* An attribute the format does not have. */
	xml = variant(
	    11, "      <indicator id=\"i1\" colour=\"red\">One.</indicator>",
	    0);
	expect_error(xml, 11, "colour");
	free(xml);
	/* Not a framework at all. */
	expect_error("<?xml version=\"1.0\"?>\n<html><body/></html>\n", 2,
	             "document element is <html>, expected <framework>");
}

static void test_semantic_attribute_checks(void **state)
{
	(void)state;
	char *xml = variant(
	    11,
	    "      <indicator id=\"I-1\" phase=\"primary\" weight=\"0\">One."
	    "</indicator>",
	    0);
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(load_string(xml, &d));
	assert_true(has_error(&d, 11, "indicator id 'I-1' is not valid"));
	assert_true(has_error(&d, 11,
	                      "unknown phase 'primary': expected early-years, "
	                      "school or post-16"));
	assert_true(has_error(&d, 11, "weight '0' is not a positive number"));
	oaip_diags_free(&d);
	free(xml);
}

static void test_plain_text_checks(void **state)
{
	(void)state;
	char *xml = variant(10, "      <statement>  </statement>", 0);
	expect_error(xml, 10, "<statement> is empty");
	free(xml);
	xml = variant(
	    11, "      <indicator id=\"i1\">One <b>bold</b>.</indicator>", 0);
	expect_error(
	    xml, 11,
	    "<b> inside <indicator>: write plain text, with no markup");
	free(xml);
	/* A report may make the source a link: only web addresses. */
	xml = variant(
	    5, "  <source section=\"S\" url=\"javascript:alert(1)\"/>", 0);
	expect_error(xml, 5,
	             "source url 'javascript:alert(1)' is not a web address");
	free(xml);
	xml = variant(2, "<framework xmlns=\"urn:x\" id=\"t\">", 0);
	expect_error(xml, 2,
	             "<framework> is in the namespace 'urn:x': framework "
	             "files use no namespace");
	free(xml);
}

static void test_several_problems(void **state)
{
	(void)state;
	char *xml = variant(
	    6,
	    "  <attribution>A.</attribution><scale target=\"great\">"
	    "<level value=\"0\" id=\"zero\" label=\"Zero\"/></scale>",
	    12,
	    "      <indicator id=\"i1\" cornerstone=\"value-and-include\">"
	    "Two.</indicator>",
	    13,
	    "      <indicator id=\"i3\" cornerstone=\"talk\">Three."
	    "</indicator>",
	    15, "      <exemple>An example.</exemple>", 0);
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(load_string(xml, &d));
	assert_true(has_error(&d, 6, "scale target 'great' is not a level"));
	assert_true(
	    has_error(&d, 12, "duplicate id 'i1' (first used on line 11)"));
	assert_true(has_error(&d, 13, "unknown cornerstone 'talk'"));
	assert_true(has_error(&d, 15, "exemple"));
	/* In line order. */
	for (size_t i = 1; i < d.n; i++)
		assert_true(d.items[i - 1].line <= d.items[i].line);
	oaip_diags_free(&d);
	free(xml);
}

/* ------------------------------------------------------------------ */
/* Safety                                                             */

static bool diags_mention(const oaip_diags *d, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->items[i].message, text) ||
		    (d->items[i].file && strstr(d->items[i].file, text)))
			return true;
	return false;
}

static void test_external_entity(void **state)
{
	(void)state;
	static const char secret[] = "SECRET-b4c7d1e9";
	char path[] = "/tmp/oaip-test-secret-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, secret, strlen(secret)),
	                 (ssize_t)strlen(secret));
	close(fd);

	for (int i = 0; i < 3; i++) {
		char xml[1024];
		if (i == 0) /* a general external entity used in content */
			snprintf(xml, sizeof xml,
			         "<?xml version=\"1.0\"?>\n"
			         "<!DOCTYPE framework [\n"
			         "  <!ENTITY s SYSTEM \"file://%s\">\n"
			         "]>\n"
			         "<framework id=\"x\"><title>&s;</title>"
			         "</framework>\n",
			         path);
		else if (i == 1) /* an external parameter entity */
			snprintf(xml, sizeof xml,
			         "<?xml version=\"1.0\"?>\n"
			         "<!DOCTYPE framework [ <!ENTITY %% p SYSTEM "
			         "\"%s\"> %%p; ]>\n"
			         "<framework id=\"x\"/>\n",
			         path);
		else /* an external DTD */
			snprintf(xml, sizeof xml,
			         "<?xml version=\"1.0\"?>\n"
			         "<!DOCTYPE framework SYSTEM \"%s\">\n"
			         "<framework id=\"x\"/>\n",
			         path);
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_framework *fw = load_string(xml, &d);
		assert_null(fw);
		assert_int_equal(d.n, 1);
		assert_true(has_error(&d, 2,
		                      "document type declarations are not "
		                      "allowed"));
		assert_false(diags_mention(&d, secret));
		oaip_diags_free(&d);
	}
	unlink(path);
}

static void test_billion_laughs(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE framework [\n"
	                  "<!ENTITY l0 \"lol\">\n");
	for (int i = 1; i <= 20; i++) {
		oaip_buf_printf(&b, "<!ENTITY l%d \"", i);
		for (int k = 0; k < 10; k++)
			oaip_buf_printf(&b, "&l%d;", i - 1);
		oaip_buf_puts(&b, "\">\n");
	}
	oaip_buf_puts(&b, "]>\n<framework id=\"x\"><title>&l20;</title>"
	                  "</framework>\n");
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(oaip_framework_load_memory(b.data, b.len, "t.xml", &d));
	assert_int_equal(d.n, 1);
	assert_true(
	    has_error(&d, 2, "document type declarations are not allowed"));
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

static void test_limits(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "<framework>\n");
	for (int i = 0; i < 100; i++)
		oaip_buf_puts(&b, "<a>");
	for (int i = 0; i < 100; i++)
		oaip_buf_puts(&b, "</a>");
	oaip_buf_puts(&b, "</framework>\n");
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(oaip_framework_load_memory(b.data, b.len, "t.xml", &d));
	assert_int_equal(d.n, 1);
	assert_true(has_error(&d, 2, "elements are nested more than 32 deep"));
	oaip_diags_free(&d);
	oaip_buf_free(&b);

	/* Bytes that are not XML at all. */
	static const char junk[] = "\x00\x01\x02<framework>\xff\xfe";
	assert_null(
	    oaip_framework_load_memory(junk, sizeof junk - 1, "t.xml", &d));
	assert_true(oaip_diags_count(&d, OAIP_ERROR) >= 1);
	oaip_diags_free(&d);
}

static void test_bom_and_encoding(void **state)
{
	(void)state;
	char *xml = variant(0);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "\xEF\xBB\xBF");
	oaip_buf_puts(&b, xml);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw =
	    oaip_framework_load_memory(b.data, b.len, "t.xml", &d);
	assert_non_null(fw);
	oaip_framework_free(fw);
	oaip_buf_free(&b);
	free(xml);

	/* Latin-1 declared: the text arrives as UTF-8. */
	xml = variant(1, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", 3,
	              "  <title>Caf\xE9</title>", 0);
	fw = load_string(xml, &d);
	print_diags(&d);
	assert_non_null(fw);
	assert_string_equal(fw->title, "Caf\xC3\xA9");
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	free(xml);
}

/* ------------------------------------------------------------------ */
/* Parent carers' statements (<ask>) and codes                        */

static void test_builtin_asks(void **state)
{
	(void)state;
	const char *ids[] = {"devon", "west-sussex"};
	for (size_t f = 0; f < 2; f++) {
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_framework *fw = oaip_framework_load(ids[f], &d);
		assert_non_null(fw);
		/* Every indicator of a built-in has its question, and the
		 * file says the questions are not the authority's words. */
		for (size_t i = 0; i < fw->n_indicators; i++) {
			assert_non_null(fw->indicators[i].ask);
			assert_true(fw->indicators[i].ask_line > 0);
			assert_true(strlen(fw->indicators[i].ask) <= 3 * 150);
		}
		assert_non_null(fw->ask_attribution);
		assert_non_null(strstr(fw->ask_attribution, "oaip-eval"));
		assert_non_null(strstr(fw->ask_attribution, "not"));
		assert_true(oaip_framework_has_asks(fw));
		oaip_framework_free(fw);
		oaip_diags_free(&d);
	}
}

static void test_codes(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load("devon", &d);
	assert_non_null(fw);
	/* W1..W5, V1..V5, C1..C6, P1..P4 in framework order. */
	assert_string_equal(fw->indicators[0].code, "W1");
	assert_string_equal(fw->indicators[4].code, "W5");
	assert_string_equal(fw->indicators[5].code, "V1");
	assert_string_equal(fw->indicators[15].code, "C6");
	assert_string_equal(fw->indicators[19].code, "P4");
	assert_int_equal(oaip_framework_find_code(fw, "c2"), 11);
	assert_int_equal(oaip_framework_find_code(fw, "C7"), -1);
	oaip_framework_free(fw);
	/* West Sussex mixes cornerstones: codes count within each, and
	 * an early-years indicator keeps its place whatever the phase. */
	fw = oaip_framework_load("west-sussex", &d);
	assert_non_null(fw);
	long w1 = oaip_framework_find(fw, "e1-06");
	long w2 = oaip_framework_find(fw, "e1-15");
	assert_string_equal(fw->indicators[w1].code, "W1");
	assert_string_equal(fw->indicators[w2].code, "W2");
	assert_string_equal(
	    fw->indicators[oaip_framework_find(fw, "e1-10")].code, "V5");
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void test_ask_loaded(void **state)
{
	(void)state;
	char *xml = variant(11,
	                    "      <indicator id=\"i1\"><text>One.</text>"
	                    "<ask>I feel welcome.</ask>"
	                    "<example>Own.</example></indicator>",
	                    0);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = load_string(xml, &d);
	print_diags(&d);
	assert_non_null(fw);
	assert_string_equal(fw->indicators[0].ask, "I feel welcome.");
	assert_int_equal(fw->indicators[0].ask_line, 11);
	assert_string_equal(fw->indicators[0].text, "One.");
	assert_int_equal(fw->indicators[0].n_examples, 1);
	assert_null(fw->indicators[1].ask);
	assert_null(fw->ask_attribution);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	free(xml);
}

static void test_ask_duplicate(void **state)
{
	(void)state;
	/* The same question twice, differing only in case, spaces,
	 * punctuation and the kind of apostrophe: a survey could not tell
	 * their columns apart. */
	char *xml = variant(11,
	                    "      <indicator id=\"i1\"><text>One.</text>"
	                    "<ask>I don't feel welcome.</ask></indicator>",
	                    13,
	                    "      <indicator id=\"i3\" "
	                    "cornerstone=\"communicate\"><text>Three.</text>"
	                    "<ask>I  don\xe2\x80\x99t feel WELCOME</ask>"
	                    "</indicator>",
	                    0);
	expect_error(xml, 13,
	             "ask of indicator 'i3' is the same as the ask of 'i1' "
	             "(line 11)");
	free(xml);
}

static void test_ask_too_long(void **state)
{
	(void)state;
	/* 150 characters are fine, 151 are not; characters, not bytes. */
	oaip_buf line;
	for (int n = 150; n <= 151; n++) {
		oaip_buf_init(&line);
		oaip_buf_puts(&line, "      <indicator id=\"i1\"><text>One."
		                     "</text><ask>");
		for (int k = 0; k < n; k++)
			oaip_buf_puts(&line, k % 2 ? "\xe2\x80\x99" : "a");
		oaip_buf_puts(&line, "</ask></indicator>");
		char *xml = variant(11, line.data, 0);
		if (n == 150) {
			oaip_diags d;
			oaip_diags_init(&d);
			oaip_framework *fw = load_string(xml, &d);
			print_diags(&d);
			assert_non_null(fw);
			oaip_framework_free(fw);
			oaip_diags_free(&d);
		} else {
			expect_error(xml, 11,
			             "ask of indicator 'i1' is 151 characters "
			             "long: at most 150 fit on a form");
		}
		free(xml);
		oaip_buf_free(&line);
	}
}

static void test_ask_needs_text(void **state)
{
	(void)state;
	/* An ask goes after <text>, not in a plain-text indicator. */
	char *xml = variant(11,
	                    "      <indicator id=\"i1\">One.<ask>I feel "
	                    "welcome.</ask></indicator>",
	                    0);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = load_string(xml, &d);
	assert_null(fw);
	assert_true(d.n > 0);
	oaip_diags_free(&d);
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_builtins_listed),
	    cmocka_unit_test(test_every_builtin_loads),
	    cmocka_unit_test(test_devon),
	    cmocka_unit_test(test_west_sussex),
	    cmocka_unit_test(test_load_spec),
	    cmocka_unit_test(test_load_file),
	    cmocka_unit_test(test_base_model),
	    cmocka_unit_test(test_indicator_details),
	    cmocka_unit_test(test_find),
	    cmocka_unit_test(test_suggest),
	    cmocka_unit_test(test_parse_level),
	    cmocka_unit_test(test_describe),
	    cmocka_unit_test(test_duplicate_id),
	    cmocka_unit_test(test_unknown_cornerstone),
	    cmocka_unit_test(test_no_cornerstone),
	    cmocka_unit_test(test_cornerstone_without_indicator),
	    cmocka_unit_test(test_scale_order),
	    cmocka_unit_test(test_target_not_a_level),
	    cmocka_unit_test(test_not_well_formed),
	    cmocka_unit_test(test_schema_violation),
	    cmocka_unit_test(test_semantic_attribute_checks),
	    cmocka_unit_test(test_plain_text_checks),
	    cmocka_unit_test(test_several_problems),
	    cmocka_unit_test(test_external_entity),
	    cmocka_unit_test(test_billion_laughs),
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_bom_and_encoding),
	    cmocka_unit_test(test_builtin_asks),
	    cmocka_unit_test(test_codes),
	    cmocka_unit_test(test_ask_loaded),
	    cmocka_unit_test(test_ask_duplicate),
	    cmocka_unit_test(test_ask_too_long),
	    cmocka_unit_test(test_ask_needs_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
