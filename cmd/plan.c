/* plan.c - oaip-eval plan: an action plan from a self-evaluation's gaps. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static const char usage_text[] =
    "Usage: oaip-eval plan [OPTION]... FILE\n"
    "Turn a self-evaluation's gaps into an action plan: one row per "
    "indicator\nrated below the target, lowest rating first within each "
    "cornerstone, with\nthe columns\n"
    "  indicator,cornerstone,statement,rating,target,next_steps,owner,"
    "by_when,\n  success_measure\n"
    "owner, by_when and success_measure are left empty for the school to "
    "fill in.\n"
    "\n"
    "Options:\n"
    "  -f, --framework=ID|PATH  framework: a built-in id (default devon) "
    "or an\n"
    "                           XML file\n"
    "  -F, --format=FORMAT      markdown (default), html, csv or xlsx (a "
    "workbook\n"
    "                           to fill in: a drop-down of terms for "
    "by_when,\n"
    "                           printable on A4 landscape)\n"
    "  -o, --output=FILE        write the plan to FILE (atomically); .md, "
    ".html,\n"
    "                           .csv or .xlsx sets the format.  An "
    "existing .csv\n"
    "                           or .xlsx plan is never replaced, as it may "
    "hold\n"
    "                           owners and dates\n"
    "      --force              replace an existing .csv or .xlsx plan "
    "all the same\n"
    "      --target=LEVEL       the target level (default: the "
    "framework's)\n"
    "      --phase=PHASE        only indicators for early-years, school or "
    "post-16\n"
    "      --survey=RESPONSES   parent carers' answers (a form's export): "
    "add\n"
    "                           parent_agree_pct, the share who agree, "
    "beside each\n"
    "                           gap (not shown for fewer than K answers)\n"
    "      --min-responses=K    with --survey: the fewest answers shown "
    "(default 10,\n"
    "                           at least 5)\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 success, 2 usage error, 3 bad or unreadable input.\n";

enum { OPT_FORCE = 256, OPT_SURVEY, OPT_MIN };

static const struct option long_options[] = {
    {"framework", required_argument, NULL, 'f'},
    {"format", required_argument, NULL, 'F'},
    {"output", required_argument, NULL, 'o'},
    {"target", required_argument, NULL, CMD_OPT_TARGET},
    {"phase", required_argument, NULL, CMD_OPT_PHASE},
    {"force", no_argument, NULL, OPT_FORCE},
    {"survey", required_argument, NULL, OPT_SURVEY},
    {"min-responses", required_argument, NULL, OPT_MIN},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int cmd_plan(int argc, char **argv)
{
	struct cmd_io io = {.cmd = "plan"};
	bool force = false;
	int status = OAIP_EXIT_OK;
	struct cmd_scored sc = {0};
	oaip_plan *plan = NULL;
	const char *survey_file = NULL;
	size_t min_responses = 0;
	oaip_survey *sv = NULL;
	oaip_survey_result *sres = NULL;
	oaip_diags d;
	oaip_buf b;
	oaip_diags_init(&d);
	oaip_buf_init(&b);

	int c;
	while ((c = cmd_getopt(&io, argc, argv, long_options)) != -1) {
		switch (c) {
		case OPT_FORCE:
			force = true;
			break;
		case OPT_SURVEY:
			survey_file = optarg;
			break;
		case OPT_MIN:
			if (!cmd_parse_min_responses("plan", optarg,
			                             &min_responses))
				return OAIP_EXIT_USAGE;
			break;
		case 'h':
			return cmd_print_help(usage_text);
		default:
			return cmd_option_error("plan", c, argv, long_options);
		}
	}
	const char *file =
	    cmd_one_file("plan", argc, argv, "self-evaluation", "");
	if (!file)
		return OAIP_EXIT_USAGE;
	if (min_responses && !survey_file)
		return cmd_usage_error("plan",
		                       "--min-responses needs --survey");
	const char *inputs[] = {file, survey_file};
	const char *output = io.output, *format_arg = io.format;
	oaip_format format;
	if (cmd_output_is_input("plan", output, io.framework, inputs,
	                        survey_file ? 2 : 1))
		return OAIP_EXIT_USAGE;
	if (format_arg && oaip_format_parse(format_arg, &format) &&
	    format == OAIP_FORMAT_JSON)
		return cmd_usage_error(
		    "plan", "a plan is written as markdown, html, csv or xlsx, "
		            "not json (for the gaps as JSON, use 'oaip-eval "
		            "score -F json')");
	if (!cmd_resolve_format("plan", OAIP_REPORT_PLAN, format_arg, output,
	                        &format))
		return OAIP_EXIT_USAGE;
	bool xlsx = format == OAIP_FORMAT_XLSX;
	if (xlsx && cmd_workbook_to_terminal("plan", output, "plan.xlsx"))
		return OAIP_EXIT_USAGE;
	if ((xlsx || format == OAIP_FORMAT_CSV) && output &&
	    strcmp(output, "-") != 0 && !force && access(output, F_OK) == 0) {
		cmd_error("'%s' already exists and may hold a plan with "
		          "owners and dates filled in; not replacing it (use "
		          "--force to replace it)",
		          output);
		return OAIP_EXIT_INPUT;
	}

	status = cmd_score_file("plan", &sc, io.framework, file, NULL, io.phase,
	                        io.target);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	const oaip_result *r = sc.r;
	plan = oaip_plan_build(r);
	if (!plan) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	if (survey_file) {
		status = cmd_survey_load(sc.se->fw, survey_file, r->phase, NULL,
		                         min_responses, r, &sv, &sres);
		if (status != OAIP_EXIT_OK)
			goto cleanup;
		oaip_plan_add_survey(plan, sres);
	}

	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	ro.diags = &d; /* why a workbook could not be made */
	oaip_render_plan(plan, format, &ro, &b);
	cmd_print_diags(&d);
	if (oaip_diags_count(&d, OAIP_ERROR)) {
		status = OAIP_EXIT_INPUT;
		goto cleanup;
	}
	status = cmd_write_output(output, &b);

cleanup:
	oaip_buf_free(&b);
	oaip_plan_free(plan);
	oaip_survey_result_free(sres);
	oaip_survey_free(sv);
	cmd_scored_free(&sc);
	oaip_diags_free(&d);
	return status;
}
