/* test_selfeval.c - the self-evaluation CSV reader and the blank template:
 * encodings, header, ratings, and every error with its exact file:line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "private.h"

#define LEVELS "0-3, not yet, emerging, established, embedded, n/a"

static oaip_selfeval *read_n(const char *csv, size_t len, oaip_diags *d)
{
	return oaip_selfeval_read_memory(devon, csv, len, "school.csv", d);
}

static oaip_selfeval *read_csv(const char *csv, oaip_diags *d)
{
	return read_n(csv, strlen(csv), d);
}

/* Reading csv fails with exactly the diagnostics want. */
static void check_fails_n(const char *csv, size_t len, const char *want)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = read_n(csv, len, &d);
	char *text = diag_text(&d);
	assert_string_equal(text, want);
	assert_null(se);
	free(text);
	oaip_diags_free(&d);
}

static void check_fails(const char *csv, const char *want)
{
	check_fails_n(csv, strlen(csv), want);
}

/* Reading csv succeeds with no diagnostic at all; caller frees. */
static oaip_selfeval *read_ok(const char *csv)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = read_csv(csv, &d);
	char *text = diag_text(&d);
	assert_string_equal(text, "");
	free(text);
	oaip_diags_free(&d);
	assert_non_null(se);
	return se;
}

static const oaip_entry *entry(const oaip_selfeval *se, const char *id)
{
	long i = oaip_framework_find(se->fw, id);
	assert_true(i >= 0);
	return &se->entries[i];
}

static void assert_rated(const oaip_selfeval *se, const char *id, int level,
                         long line)
{
	const oaip_entry *e = entry(se, id);
	assert_int_equal(e->kind, OAIP_RATING_RATED);
	assert_int_equal(e->level, level);
	assert_int_equal(e->line, line);
}

static void test_plain_lf(void **state)
{
	(void)state;
	oaip_selfeval *se =
	    read_ok("indicator,rating,evidence,next_steps\n"
	            "welcome-1,2,Coffee mornings each half term,Add an "
	            "evening session\n"
	            "welcome-2,3,,\n");
	assert_ptr_equal(se->fw, devon);
	assert_string_equal(se->file, "school.csv");
	/* the name as written: no capitals added */
	assert_string_equal(se->school, "school");
	assert_false(se->windows1252);
	assert_rated(se, "welcome-1", 2, 2);
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Coffee mornings each half term");
	assert_string_equal(entry(se, "welcome-1")->next_steps,
	                    "Add an evening session");
	assert_rated(se, "welcome-2", 3, 3);
	assert_null(entry(se, "welcome-2")->evidence);
	assert_null(entry(se, "welcome-2")->next_steps);
	/* rows missing from the file are not evaluated */
	const oaip_entry *e = entry(se, "partnership-4");
	assert_int_equal(e->kind, OAIP_RATING_EMPTY);
	assert_int_equal(e->line, 0);
	assert_null(e->evidence);
	oaip_selfeval_free(se);
}

static void test_bom_crlf(void **state)
{
	(void)state;
	oaip_selfeval *se =
	    read_ok("\xEF\xBB\xBFindicator,rating,evidence\r\n"
	            "welcome-1,embedded,\"Termly forum\r\nand a WhatsApp "
	            "group\"\r\n"
	            "welcome-2,1,Caf\xC3\xA9 drop-in\r\n");
	assert_false(se->windows1252);
	assert_rated(se, "welcome-1", 3, 2);
	/* line breaks inside a cell are kept, as LF */
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Termly forum\nand a WhatsApp group");
	assert_rated(se, "welcome-2", 1, 4);
	assert_string_equal(entry(se, "welcome-2")->evidence,
	                    "Caf\xC3\xA9 drop-in");
	oaip_selfeval_free(se);
}

static void test_bom_crlf_file(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	if (!top)
		top = ".";
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/selfeval/bom-crlf.csv", top);
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = oaip_selfeval_read(devon, path, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(se);
	assert_string_equal(se->school, "bom crlf");
	assert_rated(se, "welcome-1", 2, 2);
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Coffee mornings each half term; 14 parent carers "
	                    "attended in autumn");
	assert_int_equal(entry(se, "welcome-2")->kind, OAIP_RATING_NA);
	assert_rated(se, "communicate-1", 1, 4);
	assert_string_equal(entry(se, "communicate-1")->evidence,
	                    "SEND Information Report rewritten\n"
	                    "with the parent carer forum");
	assert_int_equal(entry(se, "partnership-1")->kind, OAIP_RATING_EMPTY);
	assert_int_equal(entry(se, "partnership-1")->line, 6);
	assert_string_equal(entry(se, "partnership-1")->next_steps,
	                    "Ask the forum to review the plan");
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
}

static void test_quoted_cells(void **state)
{
	(void)state;
	oaip_selfeval *se = read_ok(
	    "indicator,rating,evidence\n"
	    "welcome-1,2,\"Coffee mornings, \"\"drop-ins\"\" and a\n"
	    "termly forum\"\n"
	    "welcome-2,3,\"\"\n"
	    "welcome-3,1,  \"  spaces around quotes are dropped  \"  \n");
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Coffee mornings, \"drop-ins\" and a\n"
	                    "termly forum");
	assert_rated(se, "welcome-2", 3, 4);
	assert_null(entry(se, "welcome-2")->evidence);
	assert_rated(se, "welcome-3", 1, 5);
	assert_string_equal(entry(se, "welcome-3")->evidence,
	                    "spaces around quotes are dropped");
	oaip_selfeval_free(se);
}

static void test_line_after_quoted_newlines(void **state)
{
	(void)state;
	/* A quoted cell spanning lines 2-4 moves every later line number. */
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,\"First line\n"
	            "second line\n"
	            "third line\"\n"
	            "welcome-2,sometimes,\n",
	            "school.csv:5: error: rating 'sometimes' is not one "
	            "of " LEVELS "\n");
	/* the same with CRLF, and a blank line in between */
	check_fails("indicator,rating,evidence\r\n"
	            "welcome-1,2,\"a\r\nb\r\n\r\nc\"\r\n"
	            "\r\n"
	            "welcome-2,3,\r\n"
	            "welcome-3,often,\r\n",
	            "school.csv:8: error: rating 'often' is not one of " LEVELS
	            "\n");
	/* a row whose rating comes after a multi-line cell is reported on
	 * the line where the row starts */
	check_fails("indicator,evidence,rating\n"
	            "welcome-1,\"one\ntwo\",maybe\n",
	            "school.csv:2: error: rating 'maybe' is not one of " LEVELS
	            "\n");
	/* old Mac line ends (CR only) count as lines too */
	check_fails("indicator,rating\rwelcome-1,2\rwelcome-2,x\r",
	            "school.csv:3: error: rating 'x' is not one of " LEVELS
	            "\n");
}

static void test_windows1252(void **state)
{
	(void)state;
	/* As Excel on Windows saves "CSV": curly apostrophe 0x92, en dash
	 * 0x96, pound 0xA3, e acute 0xE9. */
	const char *csv = "Indicator,Rating,Evidence\r\n"
	                  "welcome-1,Embedded,Parents\x92 evening \x96 \xA3"
	                  "200 for the caf\xE9\r\n"
	                  "welcome-2,bad\x92,\r\n";
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = read_csv(csv, &d);
	/* one note, and the row error still found, in UTF-8 */
	char *text = diag_text(&d);
	assert_string_equal(
	    text, "school.csv: note: not valid UTF-8; read as "
	          "Windows-1252\n"
	          "school.csv:3: error: rating 'bad\xE2\x80\x99' is not "
	          "one of " LEVELS "\n");
	free(text);
	assert_null(se);
	oaip_diags_free(&d);

	oaip_diags_init(&d);
	se = read_n(csv, strlen(csv) - strlen("welcome-2,bad\x92,\r\n"), &d);
	assert_non_null(se);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].severity, OAIP_NOTE);
	assert_true(se->windows1252);
	assert_rated(se, "welcome-1", 3, 2);
	assert_string_equal(entry(se, "welcome-1")->evidence,
	                    "Parents\xE2\x80\x99 evening \xE2\x80\x93 \xC2\xA3"
	                    "200 for the caf\xC3\xA9");
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
}

static void test_header_case_spaces_order(void **state)
{
	(void)state;
	oaip_selfeval *se =
	    read_ok("Statement, Next Steps ,  RATING ,Evidence, Indicator\n"
	            "\"Welcome parent carers.\",Invite dads,Established,Open "
	            "door,welcome-1\n"
	            "text,,n/a,,welcome-2\n");
	assert_rated(se, "welcome-1", 2, 2);
	assert_string_equal(entry(se, "welcome-1")->next_steps, "Invite dads");
	assert_string_equal(entry(se, "welcome-1")->evidence, "Open door");
	assert_int_equal(entry(se, "welcome-2")->kind, OAIP_RATING_NA);
	oaip_selfeval_free(se);

	/* next_steps may be spelt next-steps or NEXT_STEPS */
	se = read_ok("indicator,rating,NEXT-STEPS\nwelcome-1,1,Plan\n");
	assert_string_equal(entry(se, "welcome-1")->next_steps, "Plan");
	oaip_selfeval_free(se);
}

static void test_missing_column(void **state)
{
	(void)state;
	check_fails("indicator,evidence,next_steps\nwelcome-1,x,y\n",
	            "school.csv:1: error: missing required column 'rating' "
	            "(the header has 'indicator', 'evidence', "
	            "'next_steps')\n");
	check_fails("Rating,Evidence\n2,x\n",
	            "school.csv:1: error: missing required column 'indicator' "
	            "(the header has 'Rating', 'Evidence')\n");
	/* no header at all: the first row is data */
	check_fails("welcome-1,2\nwelcome-2,3\n",
	            "school.csv:1: error: missing required column 'indicator' "
	            "(the header has 'welcome-1', '2')\n"
	            "school.csv:1: error: missing required column 'rating' "
	            "(the header has 'welcome-1', '2')\n");
	/* two rows with no header: still a return */
	check_fails("welcome-1,2\n",
	            "school.csv:1: error: missing required column 'indicator' "
	            "(the header has 'welcome-1', '2')\n"
	            "school.csv:1: error: missing required column 'rating' "
	            "(the header has 'welcome-1', '2')\n");
	/* saved with semicolons */
	check_fails("indicator;rating\nwelcome-1;2\n",
	            "school.csv:1: error: missing required column 'indicator' "
	            "(the header has 'indicator;rating'); the columns seem to "
	            "be separated by ';': save the file as CSV with commas\n"
	            "school.csv:1: error: missing required column 'rating' "
	            "(the header has 'indicator;rating'); the columns seem to "
	            "be separated by ';': save the file as CSV with commas\n");
	/* rows of empty cells are no header */
	check_fails("\n\n,,\n", "school.csv:1: error: empty file: expected a "
	                        "header row with the columns 'indicator' and "
	                        "'rating'\n");
	check_fails("indicator,rating,Rating\nwelcome-1,1,2\n",
	            "school.csv:1: error: duplicate column 'rating' (columns 2 "
	            "and 3)\n");
}

/* A form's responses given as a return: one error saying what the file
 * is, whichever shape the form's export has, and of whichever built-in
 * framework; never the columns it lacks. */
static void test_survey_responses(void **state)
{
	(void)state;
	static const char survey[] =
	    "school.csv:1: error: parent carers' survey responses, not a "
	    "self-evaluation return (use it with 'score --survey', 'compare "
	    "--survey' or 'survey summary')\n";
	/* Google Forms: a grid's rows as "Question [statement]" */
	check_fails("Timestamp,Email Address,How do you feel? [I feel welcome "
	            "at the school.],How do you feel? [Staff at the school "
	            "care about how I am doing.]\n2026/07/10,a@b.org,Agree,"
	            "Agree\n",
	            survey);
	/* Microsoft Forms, questions by their statements */
	check_fails(
	    "ID,Start time,Completion time,Email,Name,I feel welcome at "
	    "the school.,Staff at the school care about how I am "
	    "doing.\n1,x,y,z,w,Agree,Disagree\n",
	    survey);
	/* the response-entry sheet: codes; no answers yet */
	check_fails("W1,W2,W3,Comments\n", survey);
	/* West Sussex's questions, read against Devon */
	check_fails("Respondent,e1-06,e1-15\n1,SA,A\n", survey);
}

static void test_invalid_rating(void **state)
{
	(void)state;
	check_fails("indicator,rating\n"
	            "welcome-1,2\n"
	            "welcome-2,sometimes\n",
	            "school.csv:3: error: rating 'sometimes' is not one of "
	            "0-3, not yet, emerging, established, embedded, n/a\n");
	check_fails(
	    "indicator,rating\nwelcome-1,4\nwelcome-2,-1\n"
	    "welcome-3,2.5\n",
	    "school.csv:2: error: rating '4' is not one of " LEVELS "\n"
	    "school.csv:3: error: rating '-1' is not one of " LEVELS "\n"
	    "school.csv:4: error: rating '2.5' is not one of " LEVELS "\n");
	/* school text in a message is kept to one line and cut short */
	check_fails("indicator,rating\n"
	            "welcome-1,\"Mostly\nyes\"\n"
	            "welcome-2,\"We hold coffee mornings every half term and "
	            "parents' evenings twice a year\"\n",
	            "school.csv:2: error: rating 'Mostly yes' is not one "
	            "of " LEVELS "\n"
	            "school.csv:4: error: rating 'We hold coffee mornings "
	            "every half term and parents' evening...' is not one "
	            "of " LEVELS "\n");
}

static void test_levels_any_case(void **state)
{
	(void)state;
	oaip_selfeval *se = read_ok("indicator,rating\n"
	                            "welcome-1,0\n"
	                            "welcome-2,Not yet\n"
	                            "welcome-3,NOT-YET\n"
	                            "welcome-4,emerging\n"
	                            "welcome-5,  EMERGING  \n"
	                            "value-1,Established\n"
	                            "value-2,established\n"
	                            "value-3,3\n"
	                            "value-4,EmBeDdEd\n"
	                            "value-5,\" 2 \"\n");
	assert_rated(se, "welcome-1", 0, 2);
	assert_rated(se, "welcome-2", 0, 3);
	assert_rated(se, "welcome-3", 0, 4);
	assert_rated(se, "welcome-4", 1, 5);
	assert_rated(se, "welcome-5", 1, 6);
	assert_rated(se, "value-1", 2, 7);
	assert_rated(se, "value-2", 2, 8);
	assert_rated(se, "value-3", 3, 9);
	assert_rated(se, "value-4", 3, 10);
	assert_rated(se, "value-5", 2, 11);
	oaip_selfeval_free(se);
}

static void test_not_applicable(void **state)
{
	(void)state;
	oaip_selfeval *se = read_ok("indicator,rating,evidence\n"
	                            "welcome-1,n/a,Nursery only\n"
	                            "welcome-2,N/A,\n"
	                            "welcome-3,na,\n"
	                            "welcome-4,NA,\n"
	                            "welcome-5,Not Applicable,\n"
	                            "value-1, not applicable ,\n");
	const char *ids[] = {"welcome-1", "welcome-2", "welcome-3",
	                     "welcome-4", "welcome-5", "value-1"};
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(entry(se, ids[i])->kind, OAIP_RATING_NA);
		assert_int_equal(entry(se, ids[i])->line, (long)i + 2);
	}
	assert_string_equal(entry(se, "welcome-1")->evidence, "Nursery only");
	oaip_selfeval_free(se);
}

static void test_blank_rating(void **state)
{
	(void)state;
	oaip_selfeval *se = read_ok("indicator,rating,evidence,next_steps\n"
	                            "welcome-1,,Started a survey,Finish it\n"
	                            "welcome-2,  ,,\n");
	const oaip_entry *e = entry(se, "welcome-1");
	assert_int_equal(e->kind, OAIP_RATING_EMPTY);
	assert_int_equal(e->line, 2);
	assert_string_equal(e->evidence, "Started a survey");
	assert_string_equal(e->next_steps, "Finish it");
	e = entry(se, "welcome-2");
	assert_int_equal(e->kind, OAIP_RATING_EMPTY);
	assert_int_equal(e->line, 3);
	assert_null(e->evidence);
	oaip_selfeval_free(se);
}

static void test_indicator_ids(void **state)
{
	(void)state;
	oaip_selfeval *se = read_ok("indicator,rating\n"
	                            "  Welcome-1  ,1\n"
	                            "COMMUNICATE-6,2\n");
	assert_rated(se, "welcome-1", 1, 2);
	assert_rated(se, "communicate-6", 2, 3);
	oaip_selfeval_free(se);

	check_fails(
	    "indicator,rating\nwelcom-1,2\n",
	    "school.csv:2: error: unknown indicator 'welcom-1' (did you "
	    "mean 'welcome-1'?)\n");
	check_fails(
	    "indicator,rating\nWelcom-1,2\n",
	    "school.csv:2: error: unknown indicator 'Welcom-1' (did you "
	    "mean 'welcome-1'?)\n");
	check_fails("indicator,rating\nhomework-policy-review,2\n",
	            "school.csv:2: error: unknown indicator "
	            "'homework-policy-review' (not in framework 'devon')\n");
	/* a file made for another built-in framework: one error naming it */
	check_fails("indicator,rating\ne1-01,2\ne1-02,1\n",
	            "school.csv: error: the indicators are those of framework "
	            "'west-sussex', not 'devon': use -f west-sussex\n");
	/* made for no framework we know */
	check_fails("indicator,rating\nq1,2\nq2,1\n",
	            "school.csv:2: error: unknown indicator 'q1' (not in "
	            "framework 'devon')\n"
	            "school.csv:3: error: unknown indicator 'q2' (not in "
	            "framework 'devon')\n"
	            "school.csv: error: none of the indicators in the file is "
	            "in framework 'devon': was the file made for another "
	            "framework?\n");
	/* one id, from another framework */
	oaip_diags d;
	oaip_diags_init(&d);
	const char *other = "indicator,rating\nwelcome-1,2\n";
	assert_null(oaip_selfeval_read_memory(west_sussex, other, strlen(other),
	                                      "ws.csv", &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].message,
	                    "the indicators are those of framework 'devon', "
	                    "not 'west-sussex': use -f devon");
	oaip_diags_free(&d);
}

static void test_duplicate(void **state)
{
	(void)state;
	check_fails("indicator,rating\n"
	            "welcome-2,1\n"
	            "welcome-1,2\n"
	            "welcome-3,2\n"
	            "welcome-1,3\n"
	            " WELCOME-1 ,\n",
	            "school.csv:5: error: duplicate indicator 'welcome-1' "
	            "(first on line 3)\n"
	            "school.csv:6: error: duplicate indicator 'welcome-1' "
	            "(first on line 3)\n");
	/* the first row's own line counts quoted line breaks */
	check_fails("indicator,evidence,rating\n"
	            "welcome-1,\"a\nb\",2\n"
	            "welcome-1,,2\n",
	            "school.csv:4: error: duplicate indicator 'welcome-1' "
	            "(first on line 2)\n");
}

static void test_all_errors_reported(void **state)
{
	(void)state;
	check_fails(
	    "indicator,rating\n"
	    "welcome-1,often\n"
	    "welcom-2,2\n"
	    "welcome-3,2\n"
	    "welcome-3,2\n"
	    "nonsense-id-here,never\n",
	    "school.csv:2: error: rating 'often' is not one of " LEVELS "\n"
	    "school.csv:3: error: unknown indicator 'welcom-2' (did you "
	    "mean 'welcome-2'?)\n"
	    "school.csv:5: error: duplicate indicator 'welcome-3' "
	    "(first on line 4)\n"
	    "school.csv:6: error: unknown indicator 'nonsense-id-here' "
	    "(not in framework 'devon')\n"
	    "school.csv:6: error: rating 'never' is not one of " LEVELS "\n");
}

static void test_too_many_errors(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "indicator,rating\n");
	for (int i = 0; i < 500; i++)
		oaip_buf_printf(&b, ",2,no id %d\n", i);
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(read_n(b.data, b.len, &d));
	/* The first 20 are told, then how many more there are. */
	assert_int_equal(d.n, 21);
	assert_int_equal(d.items[19].line, 21);
	assert_string_equal(d.items[20].message,
	                    "and 480 more errors not shown");
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,fine\n"
	            "welcome-2,3,\"never closed\n"
	            "welcome-3,1,more\n",
	            "school.csv:3: error: unterminated quoted field: the '\"' "
	            "that opens it is never closed\n");
	/* opened at the start of a row that began after a multi-line cell */
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,\"a\nb\"\n"
	            "\"welcome-2,3,c\n",
	            "school.csv:4: error: unterminated quoted field: the '\"' "
	            "that opens it is never closed\n");
	/* the quote swallows the next row and then meets text */
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,\"Coffee mornings\n"
	            "welcome-2,3,\"Termly forum\"\n",
	            "school.csv:3: error: unexpected text after the closing "
	            "'\"' of the quoted field that opened on line 2 (write a "
	            "quote inside a quoted field as \"\")\n");
	/* a quote inside an unquoted cell */
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,Parents said \"brilliant\"\n",
	            "school.csv:2: error: unexpected '\"' in a field that does "
	            "not start with one (put the whole field in quotes and "
	            "write a quote inside it as \"\")\n");
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,\"Parents said \"brilliant\" things\"\n",
	            "school.csv:2: error: unexpected text after the closing "
	            "'\"' of a quoted field (write a quote inside a quoted "
	            "field as \"\")\n");
}

static void test_binary(void **state)
{
	(void)state;
	static const char nul[] =
	    "indicator,rating\nwelcome-1,2\nwel\0come-2,3\n";
	check_fails_n(nul, sizeof nul - 1,
	              "school.csv:3: error: binary file: a NUL byte is not "
	              "allowed in CSV text\n");
	/* files that are not returns say what they are */
	static const char pdf[] = "%PDF-1.4\n\x80\x81\0\0";
	check_fails_n(pdf, sizeof pdf - 1,
	              "school.csv: error: this is a PDF document, not a CSV or "
	              ".xlsx file: ratings cannot be read from a PDF; fill in "
	              "the template made by 'oaip-eval template -o "
	              "our-school.xlsx' and give that\n");
	static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0";
	check_fails_n(xls, sizeof xls - 1,
	              "school.csv: error: this is an Excel 97-2003 workbook "
	              "(.xls), or a password-protected or older Office file, "
	              "not a CSV or .xlsx file: open it and save it as 'Excel "
	              "Workbook (.xlsx)' or 'CSV UTF-8', without a password\n");
	static const char utf16[] = "\xFF\xFEi\0n\0d\0";
	check_fails_n(utf16, sizeof utf16 - 1,
	              "school.csv:1: error: UTF-16 text is not supported; save "
	              "the file as CSV UTF-8 (or CSV)\n");
}

static void test_empty(void **state)
{
	(void)state;
	const char *want = "school.csv:1: error: empty file: expected a header "
	                   "row with the columns 'indicator' and 'rating'\n";
	check_fails("", want);
	check_fails("\xEF\xBB\xBF", want);
	check_fails("\n  \r\n\t\n", want);
}

static void test_header_only(void **state)
{
	(void)state;
	oaip_selfeval *se =
	    read_ok("\xEF\xBB\xBFindicator,cornerstone,statement,"
	            "rating,evidence,next_steps\r\n");
	for (size_t i = 0; i < devon->n_indicators; i++) {
		assert_int_equal(se->entries[i].kind, OAIP_RATING_EMPTY);
		assert_int_equal(se->entries[i].line, 0);
	}
	oaip_selfeval_free(se);
	/* no line end after the header */
	se = read_ok("indicator,rating");
	oaip_selfeval_free(se);
}

static void test_ragged_and_empty_rows(void **state)
{
	(void)state;
	oaip_selfeval *se = read_ok("indicator,rating,evidence,next_steps\n"
	                            "welcome-1,2\n"
	                            "welcome-2,1,ev,ns,extra,\"more, extra\"\n"
	                            ",,,\n"
	                            "\n"
	                            "   \n"
	                            " , , \n"
	                            "welcome-3\n"
	                            "welcome-4,3,last row without a line end");
	assert_rated(se, "welcome-1", 2, 2);
	assert_null(entry(se, "welcome-1")->evidence);
	assert_rated(se, "welcome-2", 1, 3);
	assert_string_equal(entry(se, "welcome-2")->evidence, "ev");
	assert_string_equal(entry(se, "welcome-2")->next_steps, "ns");
	assert_int_equal(entry(se, "welcome-3")->kind, OAIP_RATING_EMPTY);
	assert_int_equal(entry(se, "welcome-3")->line, 8);
	assert_rated(se, "welcome-4", 3, 9);
	assert_string_equal(entry(se, "welcome-4")->evidence,
	                    "last row without a line end");
	oaip_selfeval_free(se);

	/* an empty indicator on a row that has something else is an error */
	check_fails("indicator,rating,evidence\n"
	            "welcome-1,2,\n"
	            ",3,Forgot the id\n"
	            "  ,,\"  \"\n",
	            "school.csv:3: error: missing indicator: the row has a "
	            "rating but its 'indicator' cell is empty\n");
}

static void test_long_cells(void **state)
{
	(void)state;
	/* Cells far longer than any buffer the reader starts with. */
	size_t big = 300000;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "indicator,rating,evidence\nwelcome-1,2,\"");
	for (size_t i = 0; i < big; i++)
		oaip_buf_putc(&b, i % 1000 == 999 ? '\n' : 'a');
	oaip_buf_puts(&b, "\"\nwelcome-2,3,");
	for (size_t i = 0; i < big; i++)
		oaip_buf_putc(&b, 'b');
	oaip_buf_puts(&b, "\nwelcome-3,zero\n");
	/* 300 line breaks in the first cell: the bad row is on line 304 */
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(read_n(b.data, b.len, &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 304);
	oaip_diags_free(&d);

	b.len -= strlen("welcome-3,zero\n");
	oaip_diags_init(&d);
	oaip_selfeval *se = read_n(b.data, b.len, &d);
	assert_non_null(se);
	assert_int_equal(strlen(entry(se, "welcome-1")->evidence), big - 1);
	assert_int_equal(strlen(entry(se, "welcome-2")->evidence), big);
	assert_rated(se, "welcome-2", 3, 303);
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

static void test_school_name(void **state)
{
	(void)state;
	const char *csv = "indicator,rating\n";
	static const struct {
		const char *name, *file, *school;
	} cases[] = {
	    {"returns/devon-primary.csv", "returns/devon-primary.csv",
	     "devon primary"},
	    {"our-school.xlsx", "our-school.xlsx", "our school"},
	    {"st-marys-CE-primary.csv", "st-marys-CE-primary.csv",
	     "st marys CE primary"},
	    {"St_Mary-CE.CSV", "St_Mary-CE.CSV", "St Mary CE"},
	    {"/tmp/x/oak-tree.txt", "/tmp/x/oak-tree.txt", "oak tree"},
	    {"St Mary's  -- McDonald_Academy.csv",
	     "St Mary's  -- McDonald_Academy.csv",
	     "St Mary's McDonald Academy"},
	    {"-x-.csv", "-x-.csv", "x"},
	    {"caf\xe9.csv", "caf\xe9.csv", "caf\xc3\xa9"},
	    {"-", "-", "standard input"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_selfeval *se = oaip_selfeval_read_memory(
		    devon, csv, strlen(csv), cases[i].name, &d);
		assert_non_null(se);
		assert_string_equal(se->file, cases[i].file);
		assert_string_equal(se->school, cases[i].school);
		oaip_selfeval_free(se);
		oaip_diags_free(&d);
	}
	/* errors on standard input name it the way compilers do */
	oaip_diags d;
	oaip_diags_init(&d);
	const char *bad = "indicator,rating\nx,1\n";
	assert_null(
	    oaip_selfeval_read_memory(devon, bad, strlen(bad), "-", &d));
	assert_string_equal(d.items[0].file, "<stdin>");
	assert_int_equal(d.items[0].line, 2);
	oaip_diags_free(&d);
}

static void test_missing_file(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	assert_null(oaip_selfeval_read(devon, "no/such/school.csv", &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].file, "no/such/school.csv");
	assert_int_equal(d.items[0].severity, OAIP_ERROR);
	oaip_diags_free(&d);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_template(void **state)
{
	(void)state;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_template_render(devon, 0, &b);
	assert_false(b.failed);
	const char *head = "\xEF\xBB\xBFSchool,\r\nURN,\r\nPhase,\r\n"
	                   "Framework,devon\r\nCompleted by,\r\nDate,\r\n\r\n"
	                   "indicator,cornerstone,statement,rating,"
	                   "evidence,next_steps\r\n"
	                   "welcome-1,welcome-and-care,Welcome parent carers "
	                   "into the school or setting community.,,,\r\n";
	assert_int_equal(strncmp(b.data, head, strlen(head)), 0);
	assert_int_equal(count_lines(b.data), 7 + 21);
	/* every line ends CRLF */
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '\n')
			assert_int_equal(b.data[i - 1], '\r');
	assert_non_null(
	    strstr(b.data, "\r\npartnership-4,work-in-partnership,"));

	/* the blank template reads back: every indicator not evaluated */
	oaip_selfeval *se = read_ok(b.data);
	for (size_t i = 0; i < devon->n_indicators; i++) {
		assert_int_equal(se->entries[i].kind, OAIP_RATING_EMPTY);
		assert_int_equal(se->entries[i].line, (long)i + 9);
	}
	oaip_selfeval_free(se);
	oaip_buf_free(&b);

	/* phases; cells with commas are quoted */
	oaip_template_render(west_sussex, OAIP_PHASE_POST16, &b);
	assert_non_null(strstr(b.data, "\r\nPhase,post-16\r\n"));
	assert_null(strstr(b.data, "e1-09"));
	assert_non_null(strstr(b.data, "\r\ne1-16,"));
	assert_non_null(strstr(b.data, "\r\ne1-02,communicate,\"Parent carers "
	                               "are signposted to the West Sussex "
	                               "Local Offer, the SEND"));
	size_t post16 = count_lines(b.data);
	oaip_buf_free(&b);
	oaip_template_render(west_sussex, OAIP_PHASE_SCHOOL, &b);
	/* 21 indicators: e1-09 is early years only, e1-16 and e1-17 post-16
	 * only */
	assert_int_equal(count_lines(b.data), 8 + 18);
	assert_null(strstr(b.data, "e1-16"));
	oaip_buf_free(&b);
	oaip_template_render(west_sussex, 0, &b);
	assert_int_equal(count_lines(b.data), 8 + 21);
	assert_int_equal(post16, 8 + 20);

	oaip_diags d;
	oaip_diags_init(&d);
	se =
	    oaip_selfeval_read_memory(west_sussex, b.data, b.len, "ws.csv", &d);
	assert_non_null(se);
	assert_int_equal(d.n, 0);
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	oaip_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_lf),
	    cmocka_unit_test(test_bom_crlf),
	    cmocka_unit_test(test_bom_crlf_file),
	    cmocka_unit_test(test_quoted_cells),
	    cmocka_unit_test(test_line_after_quoted_newlines),
	    cmocka_unit_test(test_windows1252),
	    cmocka_unit_test(test_header_case_spaces_order),
	    cmocka_unit_test(test_missing_column),
	    cmocka_unit_test(test_survey_responses),
	    cmocka_unit_test(test_invalid_rating),
	    cmocka_unit_test(test_levels_any_case),
	    cmocka_unit_test(test_not_applicable),
	    cmocka_unit_test(test_blank_rating),
	    cmocka_unit_test(test_indicator_ids),
	    cmocka_unit_test(test_duplicate),
	    cmocka_unit_test(test_all_errors_reported),
	    cmocka_unit_test(test_too_many_errors),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_binary),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_header_only),
	    cmocka_unit_test(test_ragged_and_empty_rows),
	    cmocka_unit_test(test_long_cells),
	    cmocka_unit_test(test_school_name),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_template),
	};
	return cmocka_run_group_tests(tests, frameworks_setup,
	                              frameworks_teardown);
}
