/* yousaid.c - oaip-eval you-said: a "you said, we did" page for parent
 * carers from the school's return and their survey answers. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char usage_text[] =
    "Usage: oaip-eval you-said --survey RESPONSES [OPTION]... FILE\n"
    "Write one A4 page for parent carers, in plain words and with no "
    "scores:\n\"You said\" - the survey statements fewest parent carers "
    "agreed with (at\nmost 3), with how many agreed of how many answered; "
    "\"We did\" - the school's\nevidence for each; \"We will\" - its next "
    "steps.  Answers are never shown\nfor a statement fewer than K parent "
    "carers answered, nor at all when fewer\nthan K answered the survey.\n"
    "\n"
    "Options:\n"
    "      --survey=RESPONSES   parent carers' answers (a form's export, "
    "CSV or\n"
    "                           xlsx; see oaip-survey(5)); required\n"
    "      --min-responses=K    the fewest answers shown (default 10, at "
    "least 5)\n"
    "  -f, --framework=ID|PATH  framework: a built-in id or an XML file "
    "(default:\n"
    "                           the one the return names or uses)\n"
    "  -F, --format=FORMAT      html (default with -o page.html) or "
    "markdown\n"
    "                           (default), for a newsletter\n"
    "  -o, --output=FILE        write the page to FILE (atomically); .html "
    "or .md\n"
    "                           sets the format\n"
    "      --phase=PHASE        only statements for early-years, school or "
    "post-16\n"
    "      --school=NAME        the school's name as the page shows it\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 success, 2 usage error, 3 bad or unreadable input.\n";

enum { OPT_SURVEY = 256, OPT_MIN, OPT_SCHOOL };

static const struct option long_options[] = {
    {"survey", required_argument, NULL, OPT_SURVEY},
    {"min-responses", required_argument, NULL, OPT_MIN},
    {"framework", required_argument, NULL, 'f'},
    {"format", required_argument, NULL, 'F'},
    {"output", required_argument, NULL, 'o'},
    {"phase", required_argument, NULL, CMD_OPT_PHASE},
    {"school", required_argument, NULL, OPT_SCHOOL},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int cmd_you_said(int argc, char **argv)
{
	struct cmd_io io = {.cmd = "you-said"};
	const char *survey_file = NULL, *school = NULL;
	size_t min_responses = 0;
	int status = OAIP_EXIT_OK;
	struct cmd_scored sc = {0};
	oaip_survey *sv = NULL;
	oaip_survey_result *sres = NULL;
	oaip_yousaid *y = NULL;
	oaip_buf b;
	oaip_buf_init(&b);

	int c;
	while ((c = cmd_getopt(&io, argc, argv, long_options)) != -1) {
		switch (c) {
		case OPT_SURVEY:
			survey_file = optarg;
			break;
		case OPT_MIN:
			if (!cmd_parse_min_responses("you-said", optarg,
			                             &min_responses))
				return OAIP_EXIT_USAGE;
			break;
		case OPT_SCHOOL:
			school = optarg;
			break;
		case 'h':
			return cmd_print_help(usage_text);
		default:
			return cmd_option_error("you-said", c, argv,
			                        long_options);
		}
	}
	const char *file =
	    cmd_one_file("you-said", argc, argv, "self-evaluation", "");
	if (!file)
		return OAIP_EXIT_USAGE;
	if (!survey_file)
		return cmd_usage_error(
		    "you-said", "--survey is required: the page answers what "
		                "parent carers said in the survey");
	const char *inputs[] = {file, survey_file};
	oaip_format format;
	if (cmd_output_is_input("you-said", io.output, io.framework, inputs, 2))
		return OAIP_EXIT_USAGE;
	if (!cmd_resolve_format("you-said", OAIP_REPORT_YOUSAID, io.format,
	                        io.output, &format))
		return OAIP_EXIT_USAGE;

	status = cmd_score_file("you-said", &sc, io.framework, file, school,
	                        io.phase, NULL);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	const oaip_result *r = sc.r;
	status = cmd_survey_load(sc.se->fw, survey_file, r->phase, NULL,
	                         min_responses, r, &sv, &sres);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	y = oaip_yousaid_build(r, sres);
	if (!y) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	if (!sres->shown)
		cmd_warning("fewer than %zu parent carers answered the "
		            "survey: the page shares no answers",
		            sres->min);

	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	oaip_render_yousaid(y, format, &ro, &b);
	status = cmd_write_output(io.output, &b);

cleanup:
	oaip_buf_free(&b);
	oaip_yousaid_free(y);
	oaip_survey_result_free(sres);
	oaip_survey_free(sv);
	cmd_scored_free(&sc);
	return status;
}
