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
    "FILE.csv... | DIR\n"
    "Score many schools' returns and write an area report: a table of\n"
    "schools by cornerstone (a heat map in HTML), the area's averages and\n"
    "spread, the indicators most often below target (training priorities),\n"
    "schools with low coverage and the returns that could not be read.\n"
    "A directory stands for every .csv file in it, in name order.  School\n"
    "names come from the file names.  A return that cannot be read (a\n"
    "file that is missing, cannot be opened or is not a valid return, or a\n"
    "directory that is missing or cannot be listed) does not stop the\n"
    "batch: it is listed with its file:line error in the report and on\n"
    "standard error, and the others are still reported.\n"
    "\n"
    "Options:\n"
    "  -f, --framework ID|PATH  a built-in framework id (default: devon) or\n"
    "                           a framework XML file\n"
    "  -F, --format FORMAT      markdown (default), html, json or csv\n"
    "  -o, --output FILE        write to FILE (default: standard output);\n"
    "                           without -F the format follows its extension\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 every return was read; 1 the report was written but one\n"
    "or more returns could not be read; 2 usage error; 3 the framework\n"
    "could not be loaded, there were no returns at all (only empty\n"
    "directories), or the report could not be written.\n";

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

/* ---- the command -----------------------------------------------------------
 */

int cmd_compare(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"framework", required_argument, NULL, 'f'},
	    {"format", required_argument, NULL, 'F'},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *framework = NULL, *format = NULL, *output = NULL;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:F:o:h", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'f':
			framework = optarg;
			break;
		case 'F':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("compare", c, argv, longopts);
		}
	}
	if (optind >= argc)
		return cmd_usage_error("compare",
		                       "no returns given: name .csv files or a "
		                       "directory");
	oaip_format f;
	int status = OAIP_EXIT_INPUT;
	struct cmd_returns p = {0};
	oaip_framework *fw = NULL;
	oaip_comparison *cmp = NULL;
	oaip_buf b;
	oaip_buf_init(&b);

	if (!cmd_list_returns(&p, argv + optind, argc - optind)) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	if (cmd_output_is_input("compare", output, framework,
	                        (const char *const *)p.v, p.n)) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (!cmd_resolve_format("compare", format, output, true, &f)) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (p.n == 0) {
		cmd_error("no returns to compare");
		goto cleanup;
	}

	fw = cmd_load_framework(framework);
	if (!fw)
		goto cleanup;
	cmp = oaip_comparison_new(fw, NULL);
	if (!cmp) {
		status = cmd_out_of_memory();
		goto cleanup;
	}

	/* The returns to read go to the threads in runs; a named path that
	 * could not be used is added between them as an unreadable return,
	 * so the report keeps the order of the command line. */
	struct progress pr = {.tty = isatty(STDERR_FILENO) == 1, .total = p.n};
	pr.start = now();
	bool added = true;
	for (size_t i = 0; added && i < p.n;) {
		pr.base = i;
		if (p.why[i]) {
			oaip_diags d;
			oaip_diags_init(&d);
			oaip_diags_add(&d, OAIP_ERROR, p.v[i], 0, "%s",
			               p.why[i]);
			added = d.n == 1 &&
			        oaip_comparison_add_failure(cmp, p.v[i], &d);
			if (added)
				on_file(&pr, 1, 1, p.v[i], &d);
			oaip_diags_free(&d);
			i++;
			continue;
		}
		size_t j = i;
		while (j < p.n && !p.why[j])
			j++;
		added = oaip_comparison_add_files(
		    cmp, (const char *const *)p.v + i, j - i, 2, on_file, &pr);
		i = j;
	}
	progress_clear(&pr);
	if (!added) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	if (!oaip_comparison_finish(cmp)) {
		status = cmd_out_of_memory();
		goto cleanup;
	}

	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	if (!oaip_render_compare(cmp, f, &ro, &b)) {
		fprintf(stderr, "oaip-eval: compare: no %s comparison\n",
		        oaip_format_name(f));
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
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

cleanup:
	oaip_buf_free(&b);
	oaip_comparison_free(cmp);
	oaip_framework_free(fw);
	cmd_returns_free(&p);
	return status;
}
