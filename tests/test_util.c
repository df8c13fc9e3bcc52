/* test_util.c - buffers, diagnostics, formats, cornerstones, encodings,
 * atomic output and the report date. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "private.h"

static void test_buf_grows_and_detaches(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	for (int i = 0; i < 1000; i++)
		oaip_buf_printf(&b, "%d,", i);
	assert_false(b.failed);
	assert_int_equal(strncmp(b.data, "0,1,2,", 6), 0);
	assert_int_equal(b.len, strlen(b.data));
	oaip_buf_putn(&b, "a\0b", 3); /* embedded NUL kept by length */
	size_t len = b.len;
	char *s = oaip_buf_detach(&b);
	assert_non_null(s);
	assert_int_equal(s[len - 2], '\0');
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	free(s);
	/* an empty buffer detaches to an empty string, not NULL */
	s = oaip_buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
}

static void test_diags_format(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "school.csv", 7,
	               "rating '%s' is not one of %s", "sometimes", "0-3");
	oaip_diags_add(&d, OAIP_NOTE, "x.csv", 0, "read as Windows-1252");
	oaip_diags_add(&d, OAIP_ERROR, NULL, 0, "out of memory");
	assert_int_equal(oaip_diags_count(&d, OAIP_ERROR), 2);
	assert_int_equal(oaip_diags_count(&d, OAIP_NOTE), 1);

	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	assert_non_null(f);
	oaip_diags_print(&d, f);
	fclose(f);
	assert_string_equal(text,
	                    "school.csv:7: error: rating 'sometimes' is not "
	                    "one of 0-3\n"
	                    "x.csv: note: read as Windows-1252\n"
	                    "oaip-eval: error: out of memory\n");
	free(text);

	f = open_memstream(&text, &size);
	oaip_diags d2;
	oaip_diags_init(&d2);
	oaip_diags_add(&d2, OAIP_ERROR, "a,b:c.xml", 3, "100%% wrong\nreally");
	oaip_diags_print_github(&d2, f);
	fclose(f);
	assert_string_equal(
	    text, "::error file=a%2Cb%3Ac.xml,line=3::100%25 wrong%0Areally\n");
	free(text);

	oaip_diags_move(&d, &d2);
	assert_int_equal(d.n, 4);
	assert_int_equal(d2.n, 0);
	assert_string_equal(d.items[3].file, "a,b:c.xml");
	oaip_diags_free(&d);
	oaip_diags_free(&d2);
}

/* A name or id printed to a terminal cannot move the cursor, set the
 * title or forge a second message line. */
static void test_terminal_escape(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_terminal(&b, "a\x1b]0;pwned\x07\nb.csv: error: forged\t"
	                         "caf\xc3\xa9 \xc2\x9b \xe9 \x7f");
	oaip_buf_putc(&b, '\0');
	assert_string_equal(b.data,
	                    "a\\x1b]0;pwned\\x07\\nb.csv: error: forged\\t"
	                    "caf\xc3\xa9 \\u009b \\xe9 \\x7f");
	oaip_buf_free(&b);

	oaip_diags d;
	oaip_diags_init(&d);
	oaip_diags_add(&d, OAIP_ERROR, "x\ny.csv", 2, "id '\x1b[2J'");
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	assert_non_null(f);
	oaip_diags_print(&d, f);
	fclose(f);
	assert_string_equal(text, "x\\ny.csv:2: error: id '\\x1b[2J'\n");
	free(text);
	oaip_diags_free(&d);
}

static void test_utf8_decoder(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(oaip_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(oaip_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(oaip_utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(oaip_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(oaip_utf8_decode("\xc3\xa9", 1, &cp), 0); /* cut */
	assert_int_equal(oaip_utf8_decode("\xc0\xaf", 2, &cp),
	                 0); /* overlong */
	assert_int_equal(oaip_utf8_decode("\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(oaip_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
	size_t mb = 9;
	assert_int_equal(oaip_utf8_check("caf\xc3\xa9 x \xe9", 9, &mb), 8);
	assert_int_equal(mb, 1);
	assert_int_equal(oaip_utf8_check("plain", 5, &mb), 5);
	assert_int_equal(mb, 0);
}

static void test_formats(void **state)
{
	(void)state;
	oaip_format f;
	assert_true(oaip_format_parse("HTML", &f));
	assert_int_equal(f, OAIP_FORMAT_HTML);
	assert_true(oaip_format_parse("md", &f));
	assert_int_equal(f, OAIP_FORMAT_MARKDOWN);
	assert_false(oaip_format_parse("pdf", &f));
	assert_true(oaip_format_from_path("out/report.json", &f));
	assert_int_equal(f, OAIP_FORMAT_JSON);
	assert_true(oaip_format_from_path("area.CSV", &f));
	assert_int_equal(f, OAIP_FORMAT_CSV);
	assert_true(oaip_format_from_path("notes.markdown", &f));
	assert_int_equal(f, OAIP_FORMAT_MARKDOWN);
	assert_false(oaip_format_from_path("dir.html/report", &f));
	assert_false(oaip_format_from_path("report.", &f));
	assert_string_equal(oaip_format_name(OAIP_FORMAT_CSV), "csv");
}

static void test_cornerstones_and_phases(void **state)
{
	(void)state;
	const char *ids[] = {"welcome-and-care", "value-and-include",
	                     "communicate", "work-in-partnership"};
	for (int i = 0; i < OAIP_N_CORNERSTONES; i++) {
		assert_string_equal(oaip_cornerstone_id(i), ids[i]);
		assert_int_equal(oaip_cornerstone_from_id(ids[i]), i);
	}
	assert_string_equal(oaip_cornerstone_title(OAIP_VALUE_AND_INCLUDE),
	                    "Value and Include");
	assert_int_equal(oaip_cornerstone_from_id("Communicate"),
	                 OAIP_COMMUNICATE);
	assert_int_equal(oaip_cornerstone_from_id("welcome"), -1);
	assert_int_equal(oaip_phase_from_name("Post-16"), OAIP_PHASE_POST16);
	assert_int_equal(oaip_phase_from_name("early-years"),
	                 OAIP_PHASE_EARLY_YEARS);
	/* the names schools use for their phase */
	assert_int_equal(oaip_phase_from_name("sixth-form"), OAIP_PHASE_POST16);
	assert_int_equal(oaip_phase_from_name("EYFS"), OAIP_PHASE_EARLY_YEARS);
	assert_int_equal(oaip_phase_from_name("primary"), OAIP_PHASE_SCHOOL);
	assert_int_equal(oaip_phase_from_name("sixth"), 0);
	unsigned m;
	assert_true(oaip_phase_parse("secondary, Sixth Form", &m));
	assert_int_equal(m, OAIP_PHASE_SCHOOL | OAIP_PHASE_POST16);
	assert_true(oaip_phase_parse("Early years / 6th form", &m));
	assert_int_equal(m, OAIP_PHASE_EARLY_YEARS | OAIP_PHASE_POST16);
	assert_true(oaip_phase_parse("All", &m));
	assert_int_equal(m, OAIP_PHASE_ALL);
	assert_true(oaip_phase_parse("nursery;reception+fe", &m));
	assert_int_equal(m, OAIP_PHASE_EARLY_YEARS | OAIP_PHASE_POST16);
	assert_false(oaip_phase_parse("school, college", &m));
	assert_false(oaip_phase_parse(" , ", &m));

	assert_string_equal(oaip_phase_name(OAIP_PHASE_SCHOOL), "school");
}

static void test_encodings(void **state)
{
	(void)state;
	assert_true(oaip_utf8_valid("caf\xc3\xa9 \xe2\x80\x93", 9));
	assert_false(oaip_utf8_valid("caf\xe9", 4));      /* Latin-1 é */
	assert_false(oaip_utf8_valid("\xc0\xaf", 2));     /* overlong */
	assert_false(oaip_utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
	assert_false(oaip_utf8_valid("\xe2\x80", 2));     /* truncated */

	oaip_buf b;
	oaip_buf_init(&b);
	/* ’ – £ é and the undefined byte 0x81 */
	oaip_cp1252_to_utf8(&b, "\x92\x96\xa3\xe9\x81", 5);
	assert_string_equal(b.data, "\xe2\x80\x99\xe2\x80\x93\xc2\xa3\xc3\xa9"
	                            "\xef\xbf\xbd");
	oaip_buf_free(&b);

	char *t = oaip_strtrim("  \tEmbedded \r\n");
	assert_string_equal(t, "Embedded");
	free(t);
	assert_int_equal(oaip_strcasecmp("N/A", "n/a"), 0);
	assert_true(oaip_strcasecmp("a", "b") < 0);
}

static char *slurp(const char *path)
{
	oaip_diags d;
	oaip_diags_init(&d);
	char *data;
	size_t len;
	bool ok = oaip_read_file(path, &data, &len, &d);
	oaip_diags_free(&d);
	return ok ? data : NULL;
}

static void test_output_atomic(void **state)
{
	(void)state;
	char dir[] = "/tmp/oaip-test-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/report.md", dir);

	oaip_diags d;
	oaip_diags_init(&d);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "first report\n");
	assert_true(oaip_output_write(path, &b, &d));
	char *got = slurp(path);
	assert_string_equal(got, "first report\n");
	free(got);

	/* a failed report (the builder ran out of memory) leaves the old
	 * file untouched and no temporary file behind */
	oaip_buf_puts(&b, "second");
	b.failed = true;
	assert_false(oaip_output_write(path, &b, &d));
	assert_int_equal(oaip_diags_count(&d, OAIP_ERROR), 1);
	got = slurp(path);
	assert_string_equal(got, "first report\n");
	free(got);

	/* a directory that does not exist: error names the file */
	char bad[300];
	snprintf(bad, sizeof bad, "%s/missing/report.md", dir);
	b.failed = false;
	assert_false(oaip_output_write(bad, &b, &d));
	assert_string_equal(d.items[1].file, bad);

	/* nothing else is left in the directory */
	char cmd[400];
	snprintf(cmd, sizeof cmd, "test $(ls -A %s | wc -l) -eq 1", dir);
	assert_int_equal(system(cmd), 0);

	/* the file has ordinary permissions, not mkstemp's 0600 */
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	mode_t mask = umask(0);
	umask(mask);
	assert_int_equal(st.st_mode & 0777, 0666 & ~mask);

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	oaip_buf_free(&b);
	oaip_diags_free(&d);
}

static void test_output_device_written_in_place(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "report\n");
	/* /dev/null must stay the device, not become a regular file */
	assert_true(oaip_output_write("/dev/null", &b, &d));
	struct stat st;
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(d.n, 0);
	oaip_buf_free(&b);
	oaip_diags_free(&d);
}

static void test_read_file_errors(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	char *data;
	size_t len;
	assert_false(oaip_read_file("/nonexistent/x.csv", &data, &len, &d));
	assert_false(oaip_read_file("/tmp", &data, &len, &d));
	assert_int_equal(d.n, 2);
	assert_string_equal(d.items[0].file, "/nonexistent/x.csv");
	assert_non_null(strstr(d.items[0].message, "cannot open file"));
	assert_non_null(strstr(d.items[1].message, "directory"));
	oaip_diags_free(&d);
}

static void test_today(void **state)
{
	(void)state;
	char date[11];
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	oaip_today(date);
	assert_string_equal(date, "1970-01-01");
	setenv("SOURCE_DATE_EPOCH", "1795392000", 1);
	oaip_today(date);
	assert_string_equal(date, "2026-11-23");
	setenv("SOURCE_DATE_EPOCH", "not a number", 1);
	oaip_today(date);
	assert_int_equal(strlen(date), 10); /* falls back to the clock */
	assert_int_equal(date[4], '-');
	unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_buf_grows_and_detaches),
	    cmocka_unit_test(test_diags_format),
	    cmocka_unit_test(test_terminal_escape),
	    cmocka_unit_test(test_utf8_decoder),
	    cmocka_unit_test(test_formats),
	    cmocka_unit_test(test_cornerstones_and_phases),
	    cmocka_unit_test(test_encodings),
	    cmocka_unit_test(test_output_atomic),
	    cmocka_unit_test(test_output_device_written_in_place),
	    cmocka_unit_test(test_read_file_errors),
	    cmocka_unit_test(test_today),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
