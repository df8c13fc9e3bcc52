/* validate.c - oaip-eval validate: check framework XML files and
 * self-evaluation CSVs, reporting every problem with its file and line. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char help[] =
    "Usage: oaip-eval validate [-f ID|PATH] [--phase PHASE] [--format "
    "text|github]\n"
    "                          FILE...|DIR\n"
    "Check framework XML files and self-evaluations (CSV or .xlsx) and "
    "report every\n"
    "problem found, as FILE:LINE: error: MESSAGE on standard error.  A\n"
    "file that is clean gets one line on standard output.\n"
    "\n"
    "A FILE whose name ends in .xml, or whose content starts with '<', is\n"
    "a framework: it is checked against the framework schema and the rules\n"
    "of oaip-framework(5).  Any other FILE is a self-evaluation, CSV or\n"
    "an Excel workbook, checked against the framework given by -f, else\n"
    "the one its Framework detail or its indicator ids name (see\n"
    "oaip-selfeval(5)).  Warnings (a column that is not read) are shown\n"
    "but do not fail the check.\n"
    "A DIR stands for every .csv and .xlsx file in it, in name order, as\n"
    "for 'oaip-eval compare'.  A self-evaluation with nothing rated (a\n"
    "blank template) is valid, but gets a warning instead of 'ok'.\n"
    "\n"
    "Options:\n"
    "  -f, --framework ID|PATH  the framework self-evaluations are checked\n"
    "                           against: a built-in id or a framework XML\n"
    "                           file\n"
    "      --phase PHASE        count only the indicators of these phases\n"
    "                           (default: each return's Phase detail)\n"
    "      --format FORMAT      text (default), or github: print problems\n"
    "                           as GitHub Actions annotations on standard\n"
    "                           output\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 every file is valid, 1 problems were found, 2 usage\n"
    "error, 3 a file or the framework could not be read.\n";

enum report_format { REPORT_TEXT, REPORT_GITHUB };

struct validate {
	const char *framework_spec;
	enum report_format format;
	oaip_framework *fw; /* -f: loaded on the first return */
	unsigned phase;     /* --phase, or 0 */
	bool fw_tried;
	bool problems;
	bool unreadable;
};

static void report(const struct validate *v, const oaip_diags *d)
{
	if (v->format == REPORT_GITHUB)
		oaip_diags_print_github(d, stdout);
	else
		oaip_diags_print(d, stderr);
}

/* A framework by name, or by content: '<' first after an optional UTF-8
 * byte order mark and white space. */
static bool looks_like_xml(const char *path, const char *data, size_t len)
{
	size_t n = strlen(path);
	if (n >= 4 && (strcmp(path + n - 4, ".xml") == 0 ||
	               strcmp(path + n - 4, ".XML") == 0))
		return true;
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
	                   data[i] == '\r' || data[i] == '\n'))
		i++;
	return i < len && data[i] == '<';
}

static void validate_framework(struct validate *v, const char *path,
                               const char *data, size_t len)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load_memory(data, len, path, &d);
	report(v, &d);
	if (fw && oaip_diags_count(&d, OAIP_ERROR) == 0) {
		char *name = cmd_escaped(path);
		printf("%s: ok (framework '%s', %zu indicator%s)\n",
		       name ? name : "?", fw->id, fw->n_indicators,
		       fw->n_indicators == 1 ? "" : "s");
		free(name);
	} else {
		v->problems = true;
	}
	oaip_framework_free(fw);
	oaip_diags_free(&d);
}

static void validate_selfeval(struct validate *v, const char *path,
                              const char *data, size_t len)
{
	if (!v->fw_tried && v->framework_spec) {
		oaip_diags d;
		oaip_diags_init(&d);
		v->fw_tried = true;
		v->fw = oaip_framework_load(v->framework_spec, &d);
		report(v, &d);
		oaip_diags_free(&d);
	}
	if (v->framework_spec && !v->fw) {
		/* The framework's problems were reported once. */
		v->unreadable = true;
		return;
	}
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se =
	    oaip_selfeval_read_memory(v->fw, data, len, path, &d);
	report(v, &d);
	if (se && oaip_diags_count(&d, OAIP_ERROR) == 0) {
		const oaip_framework *fw = se->fw;
		unsigned phase = v->phase ? v->phase : se->phase;
		size_t rated = 0, na = 0, empty = 0, applicable = 0;
		for (size_t i = 0; i < fw->n_indicators; i++) {
			if (!oaip_indicator_applies(&fw->indicators[i], phase))
				continue;
			applicable++;
			switch (se->entries[i].kind) {
			case OAIP_RATING_RATED:
				rated++;
				break;
			case OAIP_RATING_NA:
				na++;
				break;
			case OAIP_RATING_EMPTY:
				empty++;
				break;
			}
		}
		/* A blank template is a valid file, but not a return: say
		 * so rather than call it ok. */
		if (rated == 0) {
			oaip_diags w;
			oaip_diags_init(&w);
			oaip_diags_add(
			    &w, OAIP_WARNING, path, 0,
			    "nothing is rated: every indicator is "
			    "blank or n/a (is this a blank template?)");
			report(v, &w);
			oaip_diags_free(&w);
		}
		size_t warnings = oaip_diags_count(&d, OAIP_WARNING);
		char *name = cmd_escaped(path);
		printf("%s: %s (self-evaluation for framework '%s': %zu "
		       "indicators, %zu rated, %zu n/a, %zu not evaluated",
		       name ? name : "?",
		       rated ? "ok" : "valid, but nothing is rated", fw->id,
		       applicable, rated, na, empty);
		free(name);
		if (phase && phase != OAIP_PHASE_ALL) {
			oaip_buf p;
			oaip_buf_init(&p);
			oaip_phase_list(&p, phase, ", ");
			printf("; phase %s", p.failed ? "?" : p.data);
			oaip_buf_free(&p);
		}
		if (warnings)
			printf("; %zu warning%s", warnings,
			       warnings == 1 ? "" : "s");
		puts(")");
	} else {
		v->problems = true;
	}
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
}

int cmd_validate(int argc, char **argv)
{
	enum { OPT_FORMAT = 256 };
	static const struct option longopts[] = {
	    {"framework", required_argument, NULL, 'f'},
	    {"phase", required_argument, NULL, CMD_OPT_PHASE},
	    {"format", required_argument, NULL, OPT_FORMAT},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct validate v = {.format = REPORT_TEXT};
	struct cmd_io io = {.cmd = "validate"};
	int c;
	while ((c = cmd_getopt(&io, argc, argv, longopts)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				v.format = REPORT_TEXT;
			else if (strcmp(optarg, "github") == 0)
				v.format = REPORT_GITHUB;
			else
				return cmd_usage_error(
				    "validate",
				    "unknown format '%s': "
				    "expected text or github",
				    optarg);
			break;
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("validate", c, argv, longopts);
		}
	}
	if (optind >= argc)
		return cmd_usage_error("validate", "no file to validate");
	v.framework_spec = io.framework;
	v.phase = io.phase;

	struct cmd_returns files = {0};
	if (!cmd_list_returns(&files, argv + optind, argc - optind)) {
		cmd_returns_free(&files);
		return cmd_out_of_memory();
	}
	for (size_t i = 0; i < files.n_skipped; i++)
		cmd_diag(OAIP_NOTE, files.skipped[i], "skipped: %s",
		         files.skip_why[i]);
	if (files.n == 0) {
		cmd_error("no files to validate");
		cmd_returns_free(&files);
		return OAIP_EXIT_INPUT;
	}
	for (size_t i = 0; i < files.n; i++) {
		const char *path = files.v[i];
		char *data = NULL;
		size_t len = 0;
		oaip_diags d;
		oaip_diags_init(&d);
		bool read = false;
		if (files.why[i])
			oaip_diags_add(&d, OAIP_ERROR, path, 0, "%s",
			               files.why[i]);
		else
			read = oaip_read_file(path, &data, &len, &d);
		if (!read) {
			report(&v, &d);
			oaip_diags_free(&d);
			v.unreadable = true;
			continue;
		}
		oaip_diags_free(&d);
		if (looks_like_xml(path, data, len))
			validate_framework(&v, path, data, len);
		else
			validate_selfeval(&v, path, data, len);
		free(data);
		/* Keep the order of stdout and stderr lines when both go to
		 * one terminal or log. */
		fflush(stdout);
	}
	cmd_returns_free(&files);
	oaip_framework_free(v.fw);
	if (v.unreadable)
		return OAIP_EXIT_INPUT;
	return v.problems ? OAIP_EXIT_CHECK_FAILED : OAIP_EXIT_OK;
}
