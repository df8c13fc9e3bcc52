/* compare.c - oaip-eval compare: score many schools' returns and write an
 * area report. */
#define _DEFAULT_SOURCE 1 /* struct dirent's d_type, where it exists */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

static const char help[] =
    "Usage: oaip-eval compare [-f ID|PATH] [-F FORMAT] [-o FILE] "
    "[--target LEVEL]\n"
    "         [--phase PHASE] [--previous DIR] [--long]\n"
    "         [--survey DIR [--min-responses K]] FILE... | DIR\n"
    "Score many schools' returns and write an area report: a table of\n"
    "schools by cornerstone (a heat map in HTML), the area's averages and\n"
    "spread, the indicators most often below target (training priorities)\n"
    "with the schools to invite, the schools most in need of support,\n"
    "schools with low coverage and the returns that could not be read.\n"
    "A directory stands for every .csv and .xlsx file in it; its other\n"
    "files are listed as skipped, and so are the report being written\n"
    "and parent carers' survey responses.\n"
    "Schools are listed by name, in natural order (School 2 before School\n"
    "10).  The same school twice (identical files, the same URN or the\n"
    "same name) is counted once, with a warning naming both files.\n"
    "A return that cannot be read (a file that is missing, cannot be\n"
    "opened or is not a valid return, or a directory that is missing or\n"
    "cannot be listed) does not stop the batch: it is listed with its\n"
    "file:line error in the report and on standard error, and the others\n"
    "are still reported.\n"
    "\n"
    "Options:\n"
    "  -f, --framework ID|PATH  a built-in framework id or a framework XML\n"
    "                           file (default: the one the first return\n"
    "                           names in its Framework detail or uses)\n"
    "  -F, --format FORMAT      markdown (default), html, json, csv or xlsx\n"
    "                           (a workbook: Summary, Heat map, Ratings\n"
    "                           and, with --previous, Since last time)\n"
    "  -o, --output FILE        write to FILE (default: standard output);\n"
    "                           without -F the format follows its "
    "extension,\n"
    "                           and a name ending in -long.csv means --long\n"
    "      --target LEVEL       the target level for every school, as a\n"
    "                           number, id or label (default: the\n"
    "                           framework's)\n"
    "      --phase PHASE        count only indicators for early-years,\n"
    "                           school or post-16 (repeat for more)\n"
    "      --previous DIR       last time's returns: each school is matched\n"
    "                           to its earlier return (by URN, else name,\n"
    "                           else file name) and the change shown\n"
    "      --survey DIR         parent carers' survey responses, one file per\n"
    "                           school (CSV or .xlsx, as for score --survey),\n"
    "                           each named after its school's URN, name or\n"
    "                           return file name (the words survey,\n"
    "                           responses, parent and carers aside): each\n"
    "                           school's score beside its parent carers',\n"
    "                           and the area's parent carers pooled\n"
    "      --min-responses K    with --survey: show nothing of a survey,\n"
    "                           question or cornerstone fewer than K parent\n"
    "                           carers answered (default 10, at least 5)\n"
    "      --long               CSV with one row per school and indicator\n"
    "                           (school, urn, phase, file, indicator,\n"
    "                           cornerstone, rating), for pivot tables\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 every return was read; 1 the report was written but one\n"
    "or more returns or survey files could not be read; 2 usage error; 3 the\n"
    "framework could not be loaded, there were no returns at all (only empty\n"
    "directories), the survey directory could not be listed, or the report\n"
    "could not be written.\n";

/* ---- progress -------------------------------------------------------------
 */

/* A progress bar on standard error, only on a terminal and only once the
 * run has taken more than half a second. */
struct progress {
	bool tty;
	bool shown;
	double start, last;
	size_t base;  /* returns told about before the current batch */
	size_t total; /* returns in the whole run */
};

#define PROGRESS_AFTER 0.5 /* seconds before the bar appears */
#define PROGRESS_EVERY 0.1 /* seconds between redraws */
#define PROGRESS_WIDTH 30  /* characters of bar */
#define PROGRESS_CLEAR 72  /* characters the bar line can take */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_clear(struct progress *pr)
{
	if (!pr->shown)
		return;
	fprintf(stderr, "\r%*s\r", PROGRESS_CLEAR, "");
	fflush(stderr);
	pr->shown = false;
}

static void on_file(void *ud, size_t done, size_t total, const char *file,
                    const oaip_diags *d)
{
	struct progress *pr = ud;
	(void)file;
	/* Several batches make one run: count over all of them. */
	done += pr->base;
	total = pr->total;
	if (d->n) {
		progress_clear(pr);
		cmd_print_diags(d);
	}
	if (!pr->tty)
		return;
	double t = now();
	if (t - pr->start < PROGRESS_AFTER || done == total ||
	    (pr->shown && t - pr->last < PROGRESS_EVERY))
		return;
	size_t fill = total ? done * PROGRESS_WIDTH / total : 0;
	char bar[PROGRESS_WIDTH + 1];
	memset(bar, '#', fill);
	memset(bar + fill, '.', PROGRESS_WIDTH - fill);
	bar[PROGRESS_WIDTH] = '\0';
	fprintf(stderr, "\rcomparing returns [%s] %zu of %zu", bar, done,
	        total);
	fflush(stderr);
	pr->shown = true;
	pr->last = t;
}

/* ---- reading ---------------------------------------------------------------
 */

/* Read, score and add the returns of p to cmp, and note its skipped files.
 * The returns to read go to the threads in runs; a named path that could
 * not be used is added between them as an unreadable return.  Returns
 * false only if allocation failed. */
static bool read_returns(oaip_comparison *cmp, const struct cmd_returns *p,
                         struct progress *pr)
{
	for (size_t i = 0; i < p->n_skipped; i++) {
		cmd_diag(OAIP_NOTE, p->skipped[i], "skipped: %s",
		         p->skip_why[i]);
		if (!oaip_comparison_add_skipped(cmp, p->skipped[i],
		                                 p->skip_why[i]))
			return false;
	}
	pr->total = p->n;
	for (size_t i = 0; i < p->n;) {
		pr->base = i;
		if (p->why[i]) {
			oaip_diags d;
			oaip_diags_init(&d);
			oaip_diags_add(&d, OAIP_ERROR, p->v[i], 0, "%s",
			               p->why[i]);
			bool added = d.n == 1 && oaip_comparison_add_failure(
			                             cmp, p->v[i], &d);
			if (added)
				on_file(pr, 1, 1, p->v[i], &d);
			oaip_diags_free(&d);
			if (!added)
				return false;
			i++;
			continue;
		}
		/* A run of returns to read, all named or all found in a
		 * folder. */
		size_t j = i;
		while (j < p->n && !p->why[j] && p->in_dir[j] == p->in_dir[i])
			j++;
		oaip_comparison_set_folder(cmp, p->in_dir[i]);
		if (!oaip_comparison_add_files(cmp,
		                               (const char *const *)p->v + i,
		                               j - i, 0, on_file, pr))
			return false;
		i = j;
	}
	progress_clear(pr);
	return oaip_comparison_finish(cmp);
}

/* Without -f: the framework the first return that can be read names in
 * its Framework detail or uses by its indicator ids (the default when
 * none can be read).  Caller frees. */
static oaip_framework *framework_of_returns(const struct cmd_returns *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->why[i])
			continue;
		oaip_diags quiet;
		oaip_diags_init(&quiet);
		oaip_selfeval *se = oaip_selfeval_read(NULL, p->v[i], &quiet);
		oaip_diags_free(&quiet);
		if (!se)
			continue;
		/* The reader has loaded the framework it chose: keep it,
		 * rather than load it again by its id. */
		oaip_framework *fw = se->own_fw;
		se->own_fw = NULL;
		oaip_selfeval_free(se);
		if (!fw)
			return cmd_load_framework(NULL);
		if (strcmp(fw->id, oaip_builtin_default()) != 0)
			cmd_diag(OAIP_NOTE, p->v[i],
			         "framework '%s' recognised from this return "
			         "(give -f to choose another)",
			         fw->id);
		return fw;
	}
	return cmd_load_framework(NULL);
}

/* --survey: the survey files of sp matched to the schools of cmp, each
 * read with its school's phase, and the area pooled.  Prints every
 * problem.  Returns OAIP_EXIT_OK with *out set, or an exit status. */
static int read_surveys(const oaip_comparison *cmp,
                        const struct cmd_returns *sp, size_t min,
                        oaip_area_survey **out)
{
	const oaip_framework *fw = oaip_comparison_framework(cmp);
	oaip_area_survey *as = oaip_area_survey_new(cmp, min);
	if (!as)
		return cmd_out_of_memory();
	for (size_t i = 0; i < sp->n_skipped; i++)
		cmd_diag(OAIP_NOTE, sp->skipped[i], "skipped: %s",
		         sp->skip_why[i]);
	for (size_t i = 0; i < sp->n; i++) {
		if (sp->why[i]) {
			cmd_diag(OAIP_ERROR, sp->v[i], "%s", sp->why[i]);
			oaip_area_survey_free(as);
			return OAIP_EXIT_INPUT;
		}
		if (!oaip_area_survey_add(as, sp->v[i]))
			goto oom;
	}
	if (!oaip_area_survey_match(as))
		goto oom;
	for (size_t i = 0; i < as->n_files; i++) {
		const oaip_asurvey_file *f = &as->files[i];
		if (f->status != OAIP_ASURVEY_MATCHED)
			continue;
		const oaip_school *s = oaip_comparison_school(cmp, f->school);
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_survey_options o = {.phase = s->phase};
		oaip_survey *sv = oaip_survey_read(fw, f->file, &o, &d);
		cmd_print_diags(&d);
		bool ok = true;
		if (!sv || oaip_diags_count(&d, OAIP_ERROR)) {
			oaip_survey_free(sv);
			ok = oaip_area_survey_fail(as, i, &d);
		} else {
			oaip_area_survey_set(as, i, sv);
		}
		oaip_diags_free(&d);
		if (!ok)
			goto oom;
	}
	if (!oaip_area_survey_finish(as))
		goto oom;
	*out = as;
	return OAIP_EXIT_OK;
oom:
	oaip_area_survey_free(as);
	return cmd_out_of_memory();
}

/* Warn about each school counted once though given twice. */
static void warn_duplicates(const oaip_comparison *cmp)
{
	if (!oaip_comparison_duplicates(cmp))
		return;
	oaip_buf b;
	oaip_buf_init(&b);
	for (size_t i = 0; i < oaip_comparison_count(cmp); i++) {
		const oaip_school *s = oaip_comparison_school(cmp, i);
		if (s->duplicate == OAIP_DUPLICATE_NONE)
			continue;
		b.len = 0;
		oaip_comparison_duplicate_text(cmp, s, &b);
		if (!b.failed)
			cmd_warning("%s", b.data);
	}
	oaip_buf_free(&b);
}

/* Is the existing file at path a report this program wrote?  Then, in a
 * folder of returns, it is skipped, not read; anything else named by -o
 * is an input the report must not replace. */
static bool own_output(const char *path)
{
	char head[64];
	if (!path || strcmp(path, "-") == 0)
		return false;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	struct stat st;
	bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	ssize_t n = regular ? read(fd, head, sizeof head) : -1;
	close(fd);
	if (n >= 2 && memcmp(head, "PK", 2) == 0) {
		/* A workbook is known by its whole. */
		char *data = NULL;
		size_t len = 0;
		oaip_diags quiet;
		oaip_diags_init(&quiet);
		bool own = oaip_read_file(path, &data, &len, &quiet) &&
		           oaip_is_own_output(data, len);
		free(data);
		oaip_diags_free(&quiet);
		return own;
	}
	return n > 0 && oaip_is_own_output(head, (size_t)n);
}

/* Does the output's name ask for the long table ("area-long.csv")? */
static bool long_name(const char *output)
{
	size_t n = output ? strlen(output) : 0;
	return n >= 9 && strcmp(output + n - 9, "-long.csv") == 0;
}

/* ---- the command -----------------------------------------------------------
 */

int cmd_compare(int argc, char **argv)
{
	enum { OPT_PREVIOUS = 256, OPT_LONG, OPT_SURVEY, OPT_MIN_RESPONSES };
	static const struct option longopts[] = {
	    {"framework", required_argument, NULL, 'f'},
	    {"format", required_argument, NULL, 'F'},
	    {"output", required_argument, NULL, 'o'},
	    {"target", required_argument, NULL, CMD_OPT_TARGET},
	    {"phase", required_argument, NULL, CMD_OPT_PHASE},
	    {"previous", required_argument, NULL, OPT_PREVIOUS},
	    {"long", no_argument, NULL, OPT_LONG},
	    {"survey", required_argument, NULL, OPT_SURVEY},
	    {"min-responses", required_argument, NULL, OPT_MIN_RESPONSES},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cmd_io io = {.cmd = "compare"};
	char *previous = NULL, *survey = NULL;
	size_t min_responses = 0;
	bool want_long = false;
	int c;

	while ((c = cmd_getopt(&io, argc, argv, longopts)) != -1) {
		switch (c) {
		case OPT_PREVIOUS:
			previous = optarg;
			break;
		case OPT_LONG:
			want_long = true;
			break;
		case OPT_SURVEY:
			survey = optarg;
			break;
		case OPT_MIN_RESPONSES:
			if (!cmd_parse_min_responses("compare", optarg,
			                             &min_responses))
				return OAIP_EXIT_USAGE;
			break;
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("compare", c, argv, longopts);
		}
	}
	if (min_responses && !survey)
		return cmd_usage_error("compare",
		                       "--min-responses needs --survey");
	if (optind >= argc)
		return cmd_usage_error("compare",
		                       "no returns given: name .csv files or a "
		                       "directory");
	const char *framework = io.framework, *format = io.format,
	           *output = io.output;
	oaip_format f;
	int status = OAIP_EXIT_INPUT;
	const char *exclude = own_output(output) ? output : NULL;
	struct cmd_returns p = {.exclude = exclude}, q = {.exclude = exclude},
	                   sp = {.exclude = exclude};
	oaip_area_survey *as = NULL;
	oaip_framework *fw = NULL;
	oaip_comparison *cmp = NULL, *prev = NULL;
	oaip_buf b;
	oaip_buf_init(&b);

	if (!cmd_list_returns(&p, argv + optind, argc - optind) ||
	    (previous && !cmd_list_returns(&q, &previous, 1)) ||
	    (survey && !cmd_list_returns(&sp, &survey, 1))) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	if (cmd_output_is_input("compare", output, framework,
	                        (const char *const *)p.v, p.n) ||
	    cmd_output_is_input("compare", output, framework,
	                        (const char *const *)q.v, q.n) ||
	    cmd_output_is_input("compare", output, framework,
	                        (const char *const *)sp.v, sp.n)) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (!cmd_resolve_format("compare", OAIP_REPORT_COMPARE, format, output,
	                        &f)) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (f == OAIP_FORMAT_XLSX &&
	    cmd_workbook_to_terminal("compare", output, "area.xlsx")) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (!format && long_name(output))
		want_long = true;
	if (survey && want_long) {
		status = cmd_usage_error(
		    "compare", "--survey is not part of the long table: leave "
		               "out --long");
		goto cleanup;
	}
	if (want_long && f != OAIP_FORMAT_CSV) {
		status = cmd_usage_error(
		    "compare", "--long is a CSV table: use it with -F "
		               "csv or -o FILE.csv");
		goto cleanup;
	}
	if (p.n == 0) {
		cmd_error("no returns to compare");
		goto cleanup;
	}

	fw = framework ? cmd_load_framework(framework)
	               : framework_of_returns(&p);
	if (!fw)
		goto cleanup;
	oaip_compare_options opts = {.target = -1, .phase = io.phase};
	if (io.target &&
	    !cmd_parse_target("compare", &fw->scale, io.target, &opts.target)) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	cmp = oaip_comparison_new(fw, &opts);
	if (!cmp || (previous && !(prev = oaip_comparison_new(fw, &opts)))) {
		status = cmd_out_of_memory();
		goto cleanup;
	}

	struct progress pr = {.tty = isatty(STDERR_FILENO) == 1};
	pr.start = now();
	if (!read_returns(cmp, &p, &pr) ||
	    (prev && (!read_returns(prev, &q, &pr) ||
	              !oaip_comparison_set_previous(cmp, prev)))) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	/* The comparisons hold their own copies of the file names: the
	 * lists' memory goes to the report (at 10,000 returns, a few MiB). */
	cmd_returns_free(&p);
	cmd_returns_free(&q);
	p = q = (struct cmd_returns){0};
	warn_duplicates(cmp);
	if (survey) {
		status = read_surveys(cmp, &sp, min_responses, &as);
		if (status != OAIP_EXIT_OK)
			goto cleanup;
		status = OAIP_EXIT_INPUT;
	}

	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	ro.area_survey = as;
	oaip_diags rd;
	oaip_diags_init(&rd);
	ro.diags = &rd;
	bool rendered = true;
	if (want_long)
		oaip_render_compare_long(cmp, &ro, &b);
	else
		rendered = oaip_render_compare(cmp, f, &ro, &b);
	/* A workbook that could not be made says why. */
	bool made = !oaip_diags_count(&rd, OAIP_ERROR);
	cmd_print_diags(&rd);
	oaip_diags_free(&rd);
	if (!rendered) {
		fprintf(stderr, "oaip-eval: compare: no %s comparison\n",
		        oaip_format_name(f));
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (!made)
		goto cleanup; /* status: OAIP_EXIT_INPUT */
	status = cmd_write_output(output, &b);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	size_t bad = oaip_comparison_unreadable(cmp);
	if (bad) {
		size_t n = oaip_comparison_count(cmp);
		cmd_say("%zu of %zu %s could not be read; %s listed in the "
		        "report",
		        bad, n, n == 1 ? "return" : "returns",
		        bad == 1 ? "it is" : "they are");
		status = OAIP_EXIT_CHECK_FAILED;
	}
	size_t bad_surveys = as ? oaip_area_survey_unreadable(as) : 0;
	if (bad_surveys) {
		cmd_say("%zu survey %s could not be read; %s listed in the "
		        "report",
		        bad_surveys, bad_surveys == 1 ? "file" : "files",
		        bad_surveys == 1 ? "it is" : "they are");
		status = OAIP_EXIT_CHECK_FAILED;
	}

cleanup:
	oaip_buf_free(&b);
	oaip_comparison_free(cmp);
	oaip_comparison_free(prev);
	oaip_framework_free(fw);
	cmd_returns_free(&p);
	cmd_returns_free(&q);
	cmd_returns_free(&sp);
	oaip_area_survey_free(as);
	return status;
}
