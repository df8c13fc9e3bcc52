/* score.c - oaip-eval score: score a self-evaluation and write a report. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char usage_text[] =
    "Usage: oaip-eval score [OPTION]... FILE\n"
    "Score a school's self-evaluation against a framework and write a "
    "report:\na score for each of the Four Cornerstones beside its counts, "
    "strengths, gaps\n(with the school's evidence and next steps and the "
    "framework's examples of\ngood practice) and indicators not yet "
    "evaluated.  FILE is a CSV file or an Excel workbook (.xlsx).\n"
    "\n"
    "Options:\n"
    "  -f, --framework=ID|PATH  framework: a built-in id or an XML file\n"
    "                           (default: the return's Framework detail,\n"
    "                           else the built-in its indicator ids "
    "belong to)\n"
    "  -F, --format=FORMAT      markdown (default), html or json\n"
    "  -o, --output=FILE        write the report to FILE (atomically) "
    "instead of\n"
    "                           standard output; .md, .html or .json "
    "sets the\n"
    "                           format\n"
    "      --target=LEVEL       the target level, as a number, id or "
    "label\n"
    "                           (default: the framework's, usually "
    "Established)\n"
    "      --phase=PHASE        count only indicators for these phases:\n"
    "                           early-years, school, post-16 (or eyfs,\n"
    "                           nursery, reception, primary, secondary,\n"
    "                           sixth-form, 6th-form, fe), comma-separated\n"
    "                           or repeated (default: the Phase detail)\n"
    "      --school=NAME        the school's name in the report (default:\n"
    "                           the School detail, else the file name)\n"
    "      --fail-under=N       exit 1 if the overall score is below N "
    "percent\n"
    "                           (0-100, as 60 or 60%; 0.6 is refused),\n"
    "                           or if nothing is rated; the report is "
    "still written\n"
    "      --previous=OLD       the last self-evaluation: add \"Since last "
    "time\",\n"
    "                           with each cornerstone's score then and "
    "now, the\n"
    "                           indicators that moved, gaps closed and "
    "new gaps\n"
    "      --survey=RESPONSES   parent carers' answers (a form's export): "
    "the\n"
    "                           report gains \"Two views\", the "
    "school's beside\n"
    "                           theirs (see oaip-survey(5))\n"
    "      --min-responses=K    with --survey: show nothing fewer than K "
    "parent\n"
    "                           carers answered (default 10, never "
    "under 5)\n"
    "      --comments=COLUMN    with --survey: the free-text column to "
    "show\n"
    "  -h, --help               show this help\n"
    "\n"
    "A cornerstone's score is 100 x sum(weight x rating) / sum(weight x "
    "top level)\nover its rated indicators; blank and n/a indicators are "
    "not counted.  The\noverall score is the mean of the cornerstone "
    "scores.\n"
    "\n"
    "Exit status: 0 success, 1 --fail-under not met, 2 usage error, 3 bad "
    "or\nunreadable input.\n";

enum {
	OPT_FAIL_UNDER = 256,
	OPT_SCHOOL,
	OPT_PREVIOUS,
	OPT_SURVEY,
	OPT_MIN_RESPONSES,
	OPT_COMMENTS
};

static const struct option long_options[] = {
    {"framework", required_argument, NULL, 'f'},
    {"format", required_argument, NULL, 'F'},
    {"output", required_argument, NULL, 'o'},
    {"target", required_argument, NULL, CMD_OPT_TARGET},
    {"phase", required_argument, NULL, CMD_OPT_PHASE},
    {"fail-under", required_argument, NULL, OPT_FAIL_UNDER},
    {"school", required_argument, NULL, OPT_SCHOOL},
    {"previous", required_argument, NULL, OPT_PREVIOUS},
    {"survey", required_argument, NULL, OPT_SURVEY},
    {"min-responses", required_argument, NULL, OPT_MIN_RESPONSES},
    {"comments", required_argument, NULL, OPT_COMMENTS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* A percentage from 0 to 100: "60", "62.5", "60%".  A number below 1
 * written with a decimal point and no '%' ("0.6") is refused: it is
 * almost always a fraction meant as 60%, and taking it as 0.6% would make
 * the check pass silently.  On failure *why says what is wrong. */
static bool parse_percent(const char *s, double *v, const char **why)
{
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	*why = "is not a number from 0 to 100";
	if (end == s || errno || !(*v >= 0 && *v <= 100))
		return false;
	bool percent = false;
	while (*end == ' ')
		end++;
	if (*end == '%') {
		percent = true;
		end++;
	}
	if (*end)
		return false;
	if (!percent && *v > 0 && *v < 1 && strchr(s, '.')) {
		*why = "looks like a fraction: give a percentage "
		       "(for 60%, write 60 or 60%)";
		return false;
	}
	return true;
}

int cmd_score(int argc, char **argv)
{
	struct cmd_io io = {.cmd = "score"};
	const char *fail_arg = NULL, *why;
	const char *school = NULL;
	const char *previous = NULL;
	struct cmd_previous prev = {0};
	double fail_under = 0;
	int status = OAIP_EXIT_OK;
	struct cmd_scored sc = {0};
	const char *survey_file = NULL, *comments = NULL;
	size_t min_responses = 0;
	oaip_survey *sv = NULL;
	oaip_survey_result *sres = NULL;
	oaip_buf b;
	oaip_buf_init(&b);

	int c;
	while ((c = cmd_getopt(&io, argc, argv, long_options)) != -1) {
		switch (c) {
		case OPT_FAIL_UNDER:
			fail_arg = optarg;
			if (!parse_percent(optarg, &fail_under, &why))
				return cmd_usage_error("score",
				                       "--fail-under '%s' %s",
				                       optarg, why);
			break;
		case OPT_SCHOOL:
			school = optarg;
			break;
		case OPT_PREVIOUS:
			previous = optarg;
			break;
		case OPT_SURVEY:
			survey_file = optarg;
			break;
		case OPT_MIN_RESPONSES:
			if (!cmd_parse_min_responses("score", optarg,
			                             &min_responses))
				return OAIP_EXIT_USAGE;
			break;
		case OPT_COMMENTS:
			comments = optarg;
			break;
		case 'h':
			return cmd_print_help(usage_text);
		default:
			return cmd_option_error("score", c, argv, long_options);
		}
	}
	const char *file =
	    cmd_one_file("score", argc, argv, "self-evaluation",
	                 " (to compare schools, use 'oaip-eval compare')");
	if (!file)
		return OAIP_EXIT_USAGE;
	const char *inputs[3] = {file, NULL, NULL};
	oaip_format format;
	if ((min_responses || comments) && !survey_file)
		return cmd_usage_error("score",
		                       "--min-responses and --comments "
		                       "need --survey");
	size_t n_inputs = 1;
	if (previous)
		inputs[n_inputs++] = previous;
	if (survey_file)
		inputs[n_inputs++] = survey_file;
	if (cmd_output_is_input("score", io.output, io.framework, inputs,
	                        n_inputs))
		return OAIP_EXIT_USAGE;
	if (!cmd_resolve_format("score", OAIP_REPORT_SCORE, io.format,
	                        io.output, &format))
		return OAIP_EXIT_USAGE;

	status = cmd_score_file("score", &sc, io.framework, file, school,
	                        io.phase, io.target);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	const oaip_result *r = sc.r;

	if (previous) {
		status = cmd_previous_load(&prev, previous, sc.fw, &sc.opts, r);
		if (status != OAIP_EXIT_OK)
			goto cleanup;
	}

	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	ro.previous = prev.progress;
	if (survey_file) {
		status =
		    cmd_survey_load(sc.se->fw, survey_file, r->phase, comments,
		                    min_responses, r, &sv, &sres);
		if (status != OAIP_EXIT_OK)
			goto cleanup;
		ro.survey = sres;
	}
	if (!oaip_render_score(r, format, &ro, &b)) {
		/* cmd_resolve_format let through a format with no score
		 * report: a bug, not the user's mistake. */
		fprintf(stderr, "oaip-eval: score: no %s score report\n",
		        oaip_format_name(format));
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	status = cmd_write_output(io.output, &b);
	if (status != OAIP_EXIT_OK)
		goto cleanup;

	if (fail_arg) {
		if (!r->has_overall) {
			cmd_say("there is no overall score (no indicator is "
			        "rated), so --fail-under %s is not met",
			        fail_arg);
			status = OAIP_EXIT_CHECK_FAILED;
		} else if (oaip_score_round(r->overall) < fail_under) {
			cmd_say("overall score %.1f is below --fail-under %s",
			        oaip_score_round(r->overall), fail_arg);
			status = OAIP_EXIT_CHECK_FAILED;
		}
	}

cleanup:
	oaip_survey_result_free(sres);
	oaip_survey_free(sv);
	oaip_buf_free(&b);
	cmd_previous_free(&prev);
	cmd_scored_free(&sc);
	return status;
}
