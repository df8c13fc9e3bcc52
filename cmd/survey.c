/* survey.c - oaip-eval survey: the parent carers' questionnaire and a
 * summary of their answers; and the survey helpers score uses. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd.h"

static const char usage_text[] =
    "Usage: oaip-eval survey template [OPTION]...\n"
    "       oaip-eval survey summary [OPTION]... RESPONSES\n"
    "Ask parent carers what they think, with a questionnaire made from "
    "the\nframework's statements for parent carers, and show their "
    "answers.\n"
    "\n"
    "  template   the questionnaire: -F html for a printable paper form "
    "(A4),\n"
    "             -F csv (default) for the question list to build a "
    "Microsoft or\n"
    "             Google Form from, -F xlsx for a workbook to type "
    "paper answers\n"
    "             into (one column per question, with drop-downs)\n"
    "  summary    parent carers' answers (a form's CSV export), "
    "question by\n"
    "             question and cornerstone by cornerstone\n"
    "\n"
    "Options:\n"
    "  -f, --framework=ID|PATH  framework: a built-in id (default devon) "
    "or an\n"
    "                           XML file\n"
    "  -F, --format=FORMAT      template: csv, html or xlsx; summary: "
    "markdown\n"
    "                           (default), html or json\n"
    "  -o, --output=FILE        write to FILE (atomically); its extension "
    "sets\n"
    "                           the format\n"
    "      --phase=PHASE        only questions for early-years, school or "
    "post-16\n"
    "      --min-responses=K    show nothing for a question, cornerstone "
    "or survey\n"
    "                           (template: the number the privacy notice "
    "gives)\n"
    "                           fewer than K parent carers answered "
    "(default 10,\n"
    "                           never under 5)\n"
    "      --comments=COLUMN    the free-text column to show (only with "
    "at least\n"
    "                           K respondents; check it for names)\n"
    "  -h, --help               show this help\n"
    "\n"
    "Columns are matched by question code (W1), indicator id or the "
    "statement\nitself; names, emails, ids and times are dropped unread.  "
    "See oaip-survey(5).\n"
    "\n"
    "Exit status: 0 success, 2 usage error, 3 bad or unreadable input.\n";

enum { OPT_MIN = 256, OPT_COMMENTS };

static const struct option long_options[] = {
    {"framework", required_argument, NULL, 'f'},
    {"format", required_argument, NULL, 'F'},
    {"output", required_argument, NULL, 'o'},
    {"phase", required_argument, NULL, CMD_OPT_PHASE},
    {"min-responses", required_argument, NULL, OPT_MIN},
    {"comments", required_argument, NULL, OPT_COMMENTS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

bool cmd_parse_min_responses(const char *cmd, const char *arg, size_t *min)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || errno || v < 0) {
		cmd_usage_error(
		    cmd, "--min-responses '%s' is not a whole number", arg);
		return false;
	}
	if (v < OAIP_SURVEY_MIN_LEAST) {
		cmd_usage_error(cmd,
		                "--min-responses %ld is too small: with fewer "
		                "than %d answers, parent carers could be "
		                "identified",
		                v, OAIP_SURVEY_MIN_LEAST);
		return false;
	}
	*min = (size_t)v;
	return true;
}

int cmd_survey_load(const oaip_framework *fw, const char *path, unsigned phase,
                    const char *comments, size_t min, const oaip_result *r,
                    oaip_survey **sv, oaip_survey_result **res)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_survey_options o = {.phase = phase, .comments_column = comments};
	*sv = oaip_survey_read(fw, path, &o, &d);
	cmd_print_diags(&d);
	bool bad = !*sv || oaip_diags_count(&d, OAIP_ERROR);
	oaip_diags_free(&d);
	if (bad) {
		oaip_survey_free(*sv);
		*sv = NULL;
		return OAIP_EXIT_INPUT;
	}
	*res = oaip_survey_count(*sv, min, r);
	if (!*res) {
		oaip_survey_free(*sv);
		*sv = NULL;
		return cmd_out_of_memory();
	}
	return OAIP_EXIT_OK;
}

enum template_kind { T_CSV, T_HTML, T_XLSX, T_NONE };

static enum template_kind template_kind(const char *name)
{
	static const struct {
		const char *name;
		enum template_kind k;
	} kinds[] = {{"csv", T_CSV},
	             {"html", T_HTML},
	             {"htm", T_HTML},
	             {"xlsx", T_XLSX},
	             {NULL, T_NONE}};
	for (size_t i = 0; kinds[i].name; i++)
		if (strcasecmp(name, kinds[i].name) == 0)
			return kinds[i].k;
	return T_NONE;
}

static int survey_template(const char *framework, const char *format_arg,
                           const char *output, unsigned phase, size_t min)
{
	enum template_kind kind = T_CSV, from_name = T_NONE;
	if (format_arg) {
		kind = template_kind(format_arg);
		if (kind == T_NONE)
			return cmd_usage_error(
			    "survey",
			    "unknown format '%s': survey "
			    "template writes csv, html or xlsx",
			    format_arg);
	}
	const char *base = output ? strrchr(output, '/') : NULL;
	const char *dot = output ? strrchr(base ? base : output, '.') : NULL;
	if (output && strcmp(output, "-") != 0 && dot) {
		from_name = template_kind(dot + 1);
		if (from_name == T_NONE)
			return cmd_usage_error(
			    "survey",
			    "cannot write '%s': survey template writes .csv, "
			    ".html or .xlsx",
			    output);
		if (format_arg && from_name != kind)
			return cmd_usage_error("survey",
			                       "-F %s does not agree with '%s'",
			                       format_arg, output);
		kind = from_name;
	}
	if (cmd_output_is_input("survey", output, framework, NULL, 0))
		return OAIP_EXIT_USAGE;
	if (kind == T_XLSX &&
	    cmd_workbook_to_terminal("survey", output, "responses.xlsx"))
		return OAIP_EXIT_USAGE;
	oaip_framework *fw = cmd_load_framework(framework);
	if (!fw)
		return OAIP_EXIT_INPUT;
	int status = OAIP_EXIT_OK;
	if (!oaip_framework_has_asks(fw)) {
		cmd_error("framework '%s' has no questions for parent carers: "
		          "give its indicators <ask> elements (see "
		          "oaip-framework(5))",
		          fw->id);
		oaip_framework_free(fw);
		return OAIP_EXIT_INPUT;
	}
	oaip_buf b;
	oaip_buf_init(&b);
	if (kind == T_CSV) {
		oaip_survey_template_csv(fw, phase, &b);
	} else if (kind == T_HTML) {
		oaip_survey_template_html(fw, phase, min, &b);
	} else {
		oaip_diags d;
		oaip_diags_init(&d);
		if (!oaip_survey_template_xlsx(fw, phase, &b, &d))
			status = OAIP_EXIT_INPUT;
		cmd_print_diags(&d);
		oaip_diags_free(&d);
	}
	if (status == OAIP_EXIT_OK)
		status = b.failed ? cmd_out_of_memory()
		                  : cmd_write_output(output, &b);
	oaip_buf_free(&b);
	oaip_framework_free(fw);
	return status;
}

static int survey_summary(const char *framework, const char *format_arg,
                          const char *output, unsigned phase,
                          const char *comments, size_t min, const char *file)
{
	oaip_format format;
	if (cmd_output_is_input("survey", output, framework, &file, 1))
		return OAIP_EXIT_USAGE;
	if (!cmd_resolve_format("survey", OAIP_REPORT_SURVEY, format_arg,
	                        output, &format))
		return OAIP_EXIT_USAGE;
	oaip_framework *fw = cmd_load_framework(framework);
	if (!fw)
		return OAIP_EXIT_INPUT;
	oaip_survey *sv = NULL;
	oaip_survey_result *res = NULL;
	oaip_buf b;
	oaip_buf_init(&b);
	int status =
	    cmd_survey_load(fw, file, phase, comments, min, NULL, &sv, &res);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	if (!oaip_render_survey(res, format, &ro, &b)) {
		status = cmd_usage_error("survey", "no %s survey summary",
		                         oaip_format_name(format));
		goto cleanup;
	}
	status = b.failed ? cmd_out_of_memory() : cmd_write_output(output, &b);
cleanup:
	oaip_buf_free(&b);
	oaip_survey_result_free(res);
	oaip_survey_free(sv);
	oaip_framework_free(fw);
	return status;
}

int cmd_survey(int argc, char **argv)
{
	struct cmd_io io = {.cmd = "survey"};
	const char *comments = NULL;
	size_t min = 0;
	if (argc < 2)
		return cmd_usage_error("survey",
		                       "say what to do: 'survey template' or "
		                       "'survey summary RESPONSES'");
	const char *what = argv[1];
	if (strcmp(what, "-h") == 0 || strcmp(what, "--help") == 0)
		return cmd_print_help(usage_text);
	bool is_template = strcmp(what, "template") == 0;
	if (!is_template && strcmp(what, "summary") != 0) {
		static const char *const names[] = {"template", "summary"};
		char hint[80];
		return cmd_usage_error(
		    "survey", "unknown survey command '%s'%s", what,
		    cmd_did_you_mean(hint, sizeof hint, what, "", names, 2));
	}
	int c;
	argc--;
	argv++;
	while ((c = cmd_getopt(&io, argc, argv, long_options)) != -1) {
		switch (c) {
		case OPT_MIN:
			if (!cmd_parse_min_responses("survey", optarg, &min))
				return OAIP_EXIT_USAGE;
			break;
		case OPT_COMMENTS:
			comments = optarg;
			break;
		case 'h':
			return cmd_print_help(usage_text);
		default:
			return cmd_option_error("survey", c, argv,
			                        long_options);
		}
	}
	if (is_template) {
		if (optind < argc)
			return cmd_usage_error(
			    "survey", "unexpected argument '%s'", argv[optind]);
		if (comments)
			return cmd_usage_error("survey",
			                       "--comments is for 'survey "
			                       "summary'");
		return survey_template(io.framework, io.format, io.output,
		                       io.phase, min);
	}
	const char *file = cmd_one_file("survey", argc, argv, "responses", "");
	if (!file)
		return OAIP_EXIT_USAGE;
	return survey_summary(io.framework, io.format, io.output, io.phase,
	                      comments, min, file);
}
