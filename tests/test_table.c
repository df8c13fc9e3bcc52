/* test_table.c - returns read as tables of cells: the .xlsx reader on
 * workbooks written by hand, by LibreOffice and by libxlsxwriter, hostile
 * archives, cell names in messages, the details block, header detection,
 * skipped rows, and every rule for what spreadsheet users type. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "private.h"
#include "table.h"

#define LEVELS "0-3, not yet, emerging, established, embedded, n/a"

static char *fixture(const char *name)
{
	const char *top = getenv("top_srcdir");
	if (!top)
		top = ".";
	size_t n = strlen(top) + strlen(name) + 32;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/tests/data/xlsx/%s", top, name);
	return p;
}

static const oaip_entry *entry(const oaip_selfeval *se, const char *id)
{
	long i = oaip_framework_find(se->fw, id);
	assert_true(i >= 0);
	return &se->entries[i];
}

/* ---- the table ---------------------------------------------------------- */

static void test_text_clean(void **state)
{
	(void)state;
	static const struct {
		const char *in, *collapsed, *kept;
	} cases[] = {
	    /* no-break space, zero-width space, narrow no-break space */
	    {"Not\xC2\xA0yet", "Not yet", "Not yet"},
	    {"\xE2\x80\x8B  Embedded \xE2\x80\xAF", "Embedded", "Embedded"},
	    /* byte order marks anywhere are dropped */
	    {"\xEF\xBB\xBFwelcome-1\xEF\xBB\xBF", "welcome-1", "welcome-1"},
	    {"a \t\n b", "a b", "a \t\n b"},
	    {" \xC2\xA0 ", "", ""},
	    {"caf\xC3\xA9", "caf\xC3\xA9", "caf\xC3\xA9"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		oaip_buf b;
		oaip_buf_init(&b);
		oaip_text_clean(&b, cases[i].in, strlen(cases[i].in), true);
		assert_string_equal(b.len ? b.data : "", cases[i].collapsed);
		b.len = 0;
		oaip_text_clean(&b, cases[i].in, strlen(cases[i].in), false);
		assert_string_equal(b.len ? b.data : "", cases[i].kept);
		oaip_buf_free(&b);
	}
}

static void test_csv_table(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	const char *csv = "a,b,,\n\n,,\n\"x\ny\",,z\n";
	oaip_table *t =
	    oaip_table_read_memory(csv, strlen(csv), "t.csv", NULL, &d);
	assert_non_null(t);
	assert_int_equal(t->kind, OAIP_TABLE_CSV);
	/* empty rows are left out; rows keep their line */
	assert_int_equal(t->n_rows, 2);
	assert_int_equal(t->rows[0].line, 1);
	assert_int_equal(t->rows[0].n_cells, 2);
	assert_int_equal(t->rows[1].line, 4);
	assert_int_equal(t->rows[1].n_cells, 3);
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 0), "x\ny");
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 1), "");
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 2), "z");
	assert_string_equal(oaip_table_cell(t, &t->rows[1], 99), "");
	char where[80];
	assert_null(oaip_table_where(t, &t->rows[1], 2, where, sizeof where));
	oaip_table_diag(t, &d, OAIP_ERROR, &t->rows[1], 2, "bad %d", 1);
	char *text = diag_text(&d);
	assert_string_equal(text, "t.csv:4: error: bad 1\n");
	free(text);
	oaip_table_free(t);
	oaip_diags_free(&d);
}

static void test_xlsx_kinds(void **state)
{
	(void)state;
	char *path = fixture("kinds.xlsx");
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_table *t = oaip_table_read(path, "self-EVALUATION", &d);
	assert_int_equal(d.n, 0);
	assert_non_null(t);
	assert_int_equal(t->kind, OAIP_TABLE_XLSX);
	/* the sheet asked for, not the first */
	assert_string_equal(t->sheet, "Self-evaluation");
	assert_int_equal(t->n_rows, 8);
	const oaip_table_row *r = t->rows;
	assert_int_equal(r[0].line, 1);
	assert_string_equal(oaip_table_cell(t, &r[0], 1), "Oak & Ash Primary");
	/* a date is a number to a spreadsheet */
	assert_string_equal(oaip_table_cell(t, &r[1], 1), "46356");
	assert_int_equal(r[2].line, 3);
	/* rich text joined, phonetic run left out */
	assert_string_equal(oaip_table_cell(t, &r[3], 2), "Coffee mornings");
	/* numbers: 2 and 3.0 read as 2 and 3 */
	assert_string_equal(oaip_table_cell(t, &r[3], 1), "2");
	assert_string_equal(oaip_table_cell(t, &r[4], 1), "3");
	/* inline strings, a formula's cached text and number */
	assert_string_equal(oaip_table_cell(t, &r[4], 0), "welcome-2");
	assert_string_equal(oaip_table_cell(t, &r[5], 1), "Embedded");
	assert_string_equal(oaip_table_cell(t, &r[6], 1), "1");
	/* booleans and error values as a spreadsheet shows them */
	assert_string_equal(oaip_table_cell(t, &r[6], 2), "TRUE");
	assert_string_equal(oaip_table_cell(t, &r[7], 2), "#N/A");
	char where[80];
	assert_string_equal(oaip_table_where(t, &r[7], 2, where, sizeof where),
	                    "Self-evaluation!C8");
	oaip_table_free(t);

	/* without a sheet named, the first */
	t = oaip_table_read(path, "Nothing like it", &d);
	assert_non_null(t);
	assert_string_equal(t->sheet, "Notes");
	assert_int_equal(t->n_rows, 1);
	oaip_table_free(t);
	oaip_diags_free(&d);
	free(path);
}

static void test_xlsx_scores(void **state)
{
	(void)state;
	char *path = fixture("kinds.xlsx");
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = oaip_selfeval_read(NULL, path, &d);
	char *text = diag_text(&d);
	assert_string_equal(text, "");
	free(text);
	assert_non_null(se);
	assert_string_equal(se->fw->id, "devon");
	assert_string_equal(se->school, "Oak & Ash Primary");
	/* the Date detail, a number in the workbook, as a date */
	assert_string_equal(se->date, "2026-11-30");
	assert_int_equal(entry(se, "welcome-1")->level, 2);
	assert_int_equal(entry(se, "welcome-1")->line, 4);
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Coffee mornings");
	assert_int_equal(entry(se, "welcome-2")->level, 3);
	assert_int_equal(entry(se, "welcome-3")->level, 3);
	assert_int_equal(entry(se, "welcome-4")->level, 1);
	assert_int_equal(entry(se, "value-1")->kind, OAIP_RATING_NA);
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	free(path);

	path = fixture("no-refs.xlsx");
	oaip_diags_init(&d);
	se = oaip_selfeval_read(devon, path, &d);
	assert_non_null(se);
	assert_int_equal(entry(se, "welcome-1")->level, 2);
	assert_int_equal(entry(se, "welcome-1")->line, 2);
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	free(path);
}

static void test_xlsx_libreoffice(void **state)
{
	(void)state;
	/* Saved by LibreOffice Calc from a CSV with a title row, details, a
	 * heading row and every rating form. */
	char *path = fixture("libreoffice.xlsx");
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = oaip_selfeval_read(NULL, path, &d);
	assert_non_null(se);
	assert_string_equal(se->school, "Beech Tree Infant School");
	assert_int_equal(se->phase, OAIP_PHASE_EARLY_YEARS);
	assert_int_equal(entry(se, "welcome-1")->level, 2);
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Coffee mornings, termly");
	assert_string_equal(entry(se, "welcome-1")->next_steps,
	                    "Evening session");
	assert_int_equal(entry(se, "welcome-2")->level, 3);
	assert_int_equal(entry(se, "welcome-3")->kind, OAIP_RATING_NA);
	assert_int_equal(entry(se, "communicate-1")->level, 1);
	assert_string_equal(entry(se, "communicate-1")->evidence,
	                    "Newsletter\nand text messages");
	assert_int_equal(entry(se, "communicate-2")->kind, OAIP_RATING_EMPTY);
	/* the title and the heading were skipped with notes on their cells */
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].severity, OAIP_NOTE);
	assert_string_equal(d.items[0].where, "lo!A1");
	assert_string_equal(d.items[1].where, "lo!A11");
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	free(path);
}

static void test_xlsx_template(void **state)
{
	(void)state;
	/* The workbook libxlsxwriter writes for the template reads back
	 * with its details. */
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_diags d;
	oaip_diags_init(&d);
	assert_true(oaip_template_xlsx(
	    west_sussex, OAIP_PHASE_SCHOOL | OAIP_PHASE_POST16, &b, &d));
	oaip_table *t = oaip_table_read_memory(b.data, b.len, "t.xlsx",
	                                       "Self-evaluation", &d);
	assert_non_null(t);
	assert_string_equal(t->sheet, "Self-evaluation");
	assert_string_equal(oaip_table_cell(t, &t->rows[0], 0), "School");
	oaip_table_free(t);
	oaip_selfeval *se = oaip_selfeval_read_memory(NULL, b.data, b.len,
	                                              "oak-academy.xlsx", &d);
	char *text = diag_text(&d);
	assert_string_equal(text, "");
	free(text);
	assert_non_null(se);
	assert_string_equal(se->fw->id, "west-sussex");
	assert_int_equal(se->phase, OAIP_PHASE_SCHOOL | OAIP_PHASE_POST16);
	assert_string_equal(se->school, "oak academy");
	/* the first indicator on row 10, after the details and header */
	assert_int_equal(se->entries[0].kind, OAIP_RATING_EMPTY);
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

/* Reading fixture name fails with one error holding want. */
static void check_refused(const char *name, const char *want)
{
	char *path = fixture(name);
	oaip_diags d;
	oaip_diags_init(&d);
	clock_t t0 = clock();
	oaip_table *t = oaip_table_read(path, "Self-evaluation", &d);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_null(t);
	assert_int_equal(oaip_diags_count(&d, OAIP_ERROR), 1);
	if (!strstr(d.items[0].message, want))
		fail_msg("%s: '%s' lacks '%s'", name, d.items[0].message, want);
	/* refused without inflating: far below a second */
	assert_true(secs < 1.0);
	oaip_diags_free(&d);
	free(path);
}

static void test_xlsx_hostile(void **state)
{
	(void)state;
	check_refused("bomb.xlsx", "refused as a possible zip bomb");
	check_refused("huge.xlsx", "would inflate to 68157441 bytes");
	check_refused("dtd.xlsx", "a DOCTYPE (DTD) is not allowed");
	check_refused("xxe.xlsx", "a DOCTYPE (DTD) is not allowed");
	check_refused("truncated.xlsx", "a damaged or truncated zip archive");
	check_refused("bad-xml.xlsx", "not well-formed XML");
	check_refused("no-sheet-part.xlsx",
	              "sheet 'Self-evaluation' is missing");
	check_refused("docx.xlsx", "this is a Word document (.docx)");
	check_refused("ods.xlsx", "this is an OpenDocument spreadsheet (.ods)");
	check_refused("plain-zip.xlsx", "a zip archive (not a workbook)");
	/* the empty zip archive */
	oaip_diags d;
	oaip_diags_init(&d);
	static const char empty[22] = "PK\5\6";
	assert_null(
	    oaip_table_read_memory(empty, sizeof empty, "e.xlsx", NULL, &d));
	assert_int_equal(d.n, 1);
	oaip_diags_free(&d);
}

/* ---- the details block and the header ----------------------------------- */

static oaip_selfeval *read_csv(const oaip_framework *fw, const char *csv,
                               oaip_diags *d)
{
	return oaip_selfeval_read_memory(fw, csv, strlen(csv), "our-school.csv",
	                                 d);
}

/* Reading csv gives exactly the diagnostics want (NULL: none). */
static oaip_selfeval *read_want(const oaip_framework *fw, const char *csv,
                                const char *want)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = read_csv(fw, csv, &d);
	char *text = diag_text(&d);
	assert_string_equal(text ? text : "", want ? want : "");
	free(text);
	oaip_diags_free(&d);
	return se;
}

static void test_details_block(void **state)
{
	(void)state;
	oaip_selfeval *se = read_want(
	    NULL,
	    "Partnership self-evaluation 2026,,\n"
	    "School:,St Mary's CE Primary,\n"
	    "urn,123456,\n"
	    "PHASE,\"secondary, sixth form\",\n"
	    "Framework:,West Sussex,\n"
	    "Completed by,A. Head,(the SENCo)\n"
	    "Date,2026-11-30,\n"
	    ",,\n"
	    "Indicator,Rating,Evidence\n"
	    "e1-01,2,Forum\n",
	    "our-school.csv:1: note: row skipped: above the header and not a "
	    "detail (School, URN, Phase, Framework, Completed by, Date)\n");
	assert_non_null(se);
	assert_string_equal(se->fw->id, "west-sussex");
	assert_ptr_equal(se->fw, se->own_fw);
	assert_string_equal(se->school, "St Mary's CE Primary");
	assert_string_equal(se->urn, "123456");
	assert_int_equal(se->phase, OAIP_PHASE_SCHOOL | OAIP_PHASE_POST16);
	/* the value is the second cell; the next may hold a note */
	assert_string_equal(se->completed_by, "A. Head");
	assert_string_equal(se->date, "2026-11-30");
	assert_int_equal(entry(se, "e1-01")->line, 10);
	oaip_selfeval_free(se);

	/* without a School detail, the file name as it is */
	se = read_want(devon, "indicator,rating\n", NULL);
	assert_string_equal(se->school, "our school");
	assert_null(se->urn);
	assert_int_equal(se->phase, 0);
	oaip_selfeval_free(se);

	/* a Phase detail that is no phase */
	assert_null(read_want(devon, "Phase,college\nindicator,rating\n",
	                      "our-school.csv:1: error: phase 'college' is not "
	                      "one of " OAIP_PHASE_CHOICES "\n"));
	/* a Framework detail that disagrees with -f */
	assert_null(read_want(devon,
	                      "Framework,west-sussex\nindicator,rating\n",
	                      "our-school.csv:1: error: the Framework detail "
	                      "says 'west-sussex' but the framework given is "
	                      "'devon': remove -f, or correct the detail\n"));
	/* ... that agrees, by id or by title */
	se = read_want(devon, "Framework,Devon\nindicator,rating\n", NULL);
	oaip_selfeval_free(se);
	/* ... that names no built-in framework */
	assert_null(read_want(NULL, "Framework,Kent\nindicator,rating\n",
	                      "our-school.csv:1: error: the Framework detail "
	                      "names 'Kent', which is not a built-in framework "
	                      "(see 'oaip-eval frameworks'): give its XML file "
	                      "with -f\n"));
}

static void test_skipped_rows(void **state)
{
	(void)state;
	oaip_selfeval *se = read_want(
	    devon,
	    "indicator,rating,evidence\n"
	    "Welcome and Care,,\n"
	    "welcome-1,2,\n"
	    ",,A note for the governors\n"
	    "Indicator,Rating,Evidence\n"
	    "welcome-2,1,\n"
	    "Total,3,\n",
	    "our-school.csv:2: note: row skipped: not an indicator and no "
	    "rating (a heading?)\n"
	    "our-school.csv:4: note: row skipped: no indicator and no rating "
	    "(a heading or notes row)\n"
	    "our-school.csv:5: note: row skipped: a repeated header\n"
	    "our-school.csv:7: note: row skipped: a total row\n");
	assert_non_null(se);
	assert_int_equal(entry(se, "welcome-1")->level, 2);
	assert_int_equal(entry(se, "welcome-2")->level, 1);
	oaip_selfeval_free(se);

	/* many skipped rows: ten notes, then a count */
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "indicator,rating,evidence\n");
	for (int i = 0; i < 25; i++)
		oaip_buf_puts(&b, ",,note\n");
	oaip_diags d;
	oaip_diags_init(&d);
	se = read_csv(devon, b.data, &d);
	assert_non_null(se);
	assert_int_equal(d.n, 11);
	assert_string_equal(
	    d.items[10].message,
	    "15 more rows skipped (no indicator and no rating)");
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

static void test_columns(void **state)
{
	(void)state;
	oaip_selfeval *se = read_want(
	    devon,
	    "indicator,statement,rating,Evidence of impact,Next steps,Notes,"
	    "Ratng\n"
	    "welcome-1,x,2,ev,ns,n,r\n",
	    "our-school.csv:1: warning: column 'Evidence of impact' ignored: "
	    "did you mean 'evidence'?\n"
	    "our-school.csv:1: warning: column 'Notes' ignored (the columns "
	    "read are indicator, rating, evidence and next_steps)\n"
	    "our-school.csv:1: warning: column 'Ratng' ignored: did you mean "
	    "'rating'?\n");
	assert_non_null(se);
	/* "Next steps" is next_steps */
	assert_string_equal(entry(se, "welcome-1")->next_steps, "ns");
	assert_null(entry(se, "welcome-1")->evidence);
	oaip_selfeval_free(se);
}

/* ---- what spreadsheet users type ---------------------------------------- */

/* The rating a cell reads as: a level, -1 n/a, -2 empty; or NULL se. */
static int rating_of(const char *cell)
{
	char csv[300];
	snprintf(csv, sizeof csv, "indicator,rating\nwelcome-1,\"%s\"\n", cell);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = read_csv(devon, csv, &d);
	int v = -3;
	if (se) {
		const oaip_entry *e = entry(se, "welcome-1");
		v = e->kind == OAIP_RATING_RATED ? e->level
		    : e->kind == OAIP_RATING_NA  ? -1
		                                 : -2;
	}
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	return v;
}

static void test_rating_forms(void **state)
{
	(void)state;
	static const struct {
		const char *cell;
		int want;
	} cases[] = {
	    {"2", 2},
	    {"2.0", 2},
	    {"3.00", 3},
	    {"Embedded", 3},
	    {"not yet", 0},
	    {"Not\xC2\xA0yet", 0}, /* a no-break space pasted from Word */
	    {"not\xE2\x80\x8B yet", 0},
	    {"\xEF\xBB\xBF"
	     "Emerging",
	     1},
	    {"2 - Established", 2},
	    {"2 \xE2\x80\x93 Established", 2}, /* en dash */
	    {"2. Established", 2},
	    {"2 Established", 2},
	    {"2: established", 2},
	    {"Established (2)", 2},
	    {"Embedded - 3", 3},
	    {"0 - Not yet", 0},
	    {"n/a", -1},
	    {"N/A", -1},
	    {"na", -1},
	    {"n.a.", -1},
	    {"-", -1},
	    {"\xE2\x80\x93", -1},
	    {"Not applicable", -1},
	    {"not evaluated", -2},
	    {"", -2},
	    {"  ", -2},
	    /* refused */
	    {"2 - Embedded", -3},
	    {"Established (3)", -3},
	    {"2.5", -3},
	    {"Embeded", -3},
	    {"sometimes", -3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (rating_of(cases[i].cell) != cases[i].want)
			fail_msg("'%s' read as %d, not %d", cases[i].cell,
			         rating_of(cases[i].cell), cases[i].want);
}

static void test_rating_messages(void **state)
{
	(void)state;
	assert_null(read_want(devon, "indicator,rating\nwelcome-1,Embeded\n",
	                      "our-school.csv:2: error: rating 'Embeded' is "
	                      "not one of " LEVELS ": did you mean "
	                      "'Embedded'?\n"));
	assert_null(read_want(devon,
	                      "indicator,rating\nwelcome-1,2 - Embedded\n",
	                      "our-school.csv:2: error: rating '2 - Embedded' "
	                      "gives two levels: 2 is 'Established', not "
	                      "'Embedded'; give one of them\n"));
	assert_null(read_want(devon, "indicator,rating\nwelcome-1,#N/A\n",
	                      "our-school.csv:2: error: rating '#N/A' is a "
	                      "spreadsheet error (a formula in the cell "
	                      "failed): choose the rating itself\n"));
	assert_null(read_want(devon,
	                      "indicator,rating\nwelcome-1,7 - Embedded\n",
	                      "our-school.csv:2: error: rating '7 - Embedded': "
	                      "7 is not a level ('Embedded' is 3)\n"));
}

static void test_framework_from_ids(void **state)
{
	(void)state;
	/* a West Sussex return with no -f and no Framework detail */
	oaip_selfeval *se = read_want(
	    NULL, "indicator,rating\ne1-01,2\ne1-02,n/a\n",
	    "our-school.csv: note: framework 'west-sussex' recognised from the "
	    "indicator ids (give -f to choose another)\n");
	assert_non_null(se);
	assert_string_equal(se->fw->id, "west-sussex");
	oaip_selfeval_free(se);
	/* a Devon return: the default, no note */
	se = read_want(NULL, "indicator,rating\nwelcome-1,2\n", NULL);
	assert_string_equal(se->fw->id, "devon");
	oaip_selfeval_free(se);
	/* ids of no framework: the default's errors */
	assert_null(read_want(NULL, "indicator,rating\nwelcom-1,2\n",
	                      "our-school.csv:2: error: unknown indicator "
	                      "'welcom-1' (did you mean 'welcome-1'?)\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_clean),
	    cmocka_unit_test(test_csv_table),
	    cmocka_unit_test(test_xlsx_kinds),
	    cmocka_unit_test(test_xlsx_scores),
	    cmocka_unit_test(test_xlsx_libreoffice),
	    cmocka_unit_test(test_xlsx_template),
	    cmocka_unit_test(test_xlsx_hostile),
	    cmocka_unit_test(test_details_block),
	    cmocka_unit_test(test_skipped_rows),
	    cmocka_unit_test(test_columns),
	    cmocka_unit_test(test_rating_forms),
	    cmocka_unit_test(test_rating_messages),
	    cmocka_unit_test(test_framework_from_ids),
	};
	return cmocka_run_group_tests(tests, frameworks_setup,
	                              frameworks_teardown);
}
