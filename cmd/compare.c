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
    "names come from the file names.  A return that cannot be read is\n"
    "listed with its file:line error and the others are still reported.\n"
    "\n"
    "Options:\n"
    "  -f, --framework ID|PATH  a built-in framework id (default: devon) or\n"
    "                           a framework XML file\n"
    "  -F, --format FORMAT      markdown (default), html, json or csv\n"
    "  -o, --output FILE        write to FILE (default: standard output);\n"
    "                           without -F the format follows its extension\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 every return read, 1 one or more returns could not be\n"
    "read, 2 usage error, 3 the framework or an input path is missing or\n"
    "unreadable, or the report could not be written.\n";

/* ---- the list of returns ------------------------------------------------ */

struct paths {
	char **v;
	size_t n, cap;
};

static bool paths_add(struct paths *p, char *s)
{
	if (!s)
		return false;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		char **v = realloc(p->v, cap * sizeof *v);
		if (!v) {
			free(s);
			return false;
		}
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n++] = s;
	return true;
}

static void paths_free(struct paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_csv_ext(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && (strcmp(name + n - 4, ".csv") == 0 ||
	                 strcmp(name + n - 4, ".CSV") == 0);
}

/* Is the entry e of directory dir (fd dfd) a regular file, or a link to
 * one? */
static bool is_file(int dfd, const struct dirent *e)
{
#ifdef DT_REG
	if (e->d_type == DT_REG)
		return true;
	if (e->d_type != DT_UNKNOWN && e->d_type != DT_LNK)
		return false;
#endif
	struct stat st;
	return fstatat(dfd, e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode);
}

/* Append every .csv file of dir (not hidden ones) to p, in name order.
 * Returns false, having printed why, if dir cannot be listed. */
static bool add_dir(struct paths *p, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: error: cannot read directory: %s\n", dir,
		        strerror(errno));
		return false;
	}
	size_t first = p->n, dn = strlen(dir);
	bool slash = dn && dir[dn - 1] == '/';
	bool ok = true;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !has_csv_ext(e->d_name) ||
		    !is_file(dirfd(d), e))
			continue;
		size_t en = strlen(e->d_name), k = dn;
		char *s = malloc(dn + en + 2);
		if (s) {
			memcpy(s, dir, dn);
			if (!slash)
				s[k++] = '/';
			memcpy(s + k, e->d_name, en + 1);
		}
		if (!paths_add(p, s)) {
			fputs("oaip-eval: error: out of memory\n", stderr);
			ok = false;
			break;
		}
		errno = 0;
	}
	if (ok && errno) {
		fprintf(stderr, "%s: error: cannot read directory: %s\n", dir,
		        strerror(errno));
		ok = false;
	}
	closedir(d);
	if (ok && p->n > first)
		qsort(p->v + first, p->n - first, sizeof *p->v, cmp_name);
	return ok;
}

/* ---- progress -------------------------------------------------------------
 */

/* A progress bar on standard error, only on a terminal and only once the
 * run has taken more than half a second. */
struct progress {
	bool tty;
	bool shown;
	double start, last;
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
			return cmd_option_error("compare", c, argv);
		}
	}
	if (optind >= argc)
		return cmd_usage_error("compare",
		                       "no returns given: name .csv files or a "
		                       "directory");
	oaip_format f;
	if (!cmd_resolve_format("compare", format, output, true, &f))
		return OAIP_EXIT_USAGE;

	int status = OAIP_EXIT_INPUT;
	struct paths p = {0};
	oaip_framework *fw = NULL;
	oaip_comparison *cmp = NULL;
	oaip_buf b;
	oaip_buf_init(&b);

	/* Every named path must exist before any work is done. */
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: error: %s\n", argv[i],
			        errno == ENOENT ? "no such file or directory"
			                        : strerror(errno));
			goto cleanup;
		}
	}
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = p.n;
			if (!add_dir(&p, argv[i]))
				goto cleanup;
			if (p.n == before)
				fprintf(stderr,
				        "%s: warning: no .csv files in this "
				        "directory\n",
				        argv[i]);
		} else if (!paths_add(&p, oaip_strdup(argv[i]))) {
			fputs("oaip-eval: error: out of memory\n", stderr);
			goto cleanup;
		}
	}
	if (cmd_output_is_input("compare", output, (const char *const *)p.v,
	                        p.n)) {
		status = OAIP_EXIT_USAGE;
		goto cleanup;
	}
	if (p.n == 0) {
		fputs("oaip-eval: error: no returns to compare\n", stderr);
		goto cleanup;
	}

	fw = cmd_load_framework(framework);
	if (!fw)
		goto cleanup;
	cmp = oaip_comparison_new(fw, NULL);
	if (!cmp) {
		fputs("oaip-eval: error: out of memory\n", stderr);
		goto cleanup;
	}

	struct progress pr = {.tty = isatty(STDERR_FILENO) == 1};
	pr.start = now();
	bool added = oaip_comparison_add_files(cmp, (const char *const *)p.v,
	                                       p.n, 2, on_file, &pr);
	progress_clear(&pr);
	if (!added) {
		fputs("oaip-eval: error: out of memory while reading the "
		      "returns\n",
		      stderr);
		goto cleanup;
	}
	oaip_comparison_finish(cmp);

	oaip_render_options ro;
	char date[11];
	cmd_render_options(&ro, date);
	oaip_render_compare(cmp, f, &ro, &b);
	status = cmd_write_output(output, &b);
	if (status != OAIP_EXIT_OK)
		goto cleanup;
	size_t bad = oaip_comparison_unreadable(cmp);
	if (bad) {
		fprintf(stderr,
		        "oaip-eval: %zu of %zu returns could not be read; they "
		        "are listed in the report\n",
		        bad, oaip_comparison_count(cmp));
		status = OAIP_EXIT_CHECK_FAILED;
	}

cleanup:
	oaip_buf_free(&b);
	oaip_comparison_free(cmp);
	oaip_framework_free(fw);
	paths_free(&p);
	return status;
}
