/* compare.c - aggregation over many schools' returns: per school a small
 * summary (its scores and one byte per indicator), and at the end the
 * area's spread and counters per indicator over the schools counted
 * (area.c orders the schools and finds duplicates first).
 *
 * Many returns are read, parsed and scored on a few threads.  Each thread
 * takes the next file from a shared counter and writes its summary into
 * that file's own slot; the calling thread is one of the workers and,
 * between its own files, adds the finished slots in file order, so the
 * result never depends on which thread was faster. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compare_impl.h"
#include "report.h"

/* ---- summaries ------------------------------------------------------ */

/* A copy of s that is valid UTF-8: text that is not is read as
 * Windows-1252, like the self-evaluation reader does.  Caller frees. */
static char *dup_utf8(const char *s)
{
	size_t n = strlen(s);
	if (oaip_utf8_valid(s, n))
		return oaip_strndup(s, n);
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_cp1252_to_utf8(&b, s, n);
	return oaip_buf_detach(&b);
}

/* The display name of the return at path: oaip_school_name's, with any
 * slash at the end taken off first, so that a named directory that could
 * not be listed ("returns/") is still called by its name.  Caller frees. */
static char *school_of(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	if (path[n] == '\0')
		return oaip_school_name(path);
	char *trimmed = oaip_strndup(path, n);
	char *name = trimmed ? oaip_school_name(trimmed) : NULL;
	free(trimmed);
	return name;
}

static void school_free(oaip_school *s)
{
	free(s->file);
	free(s->school);
	free(s->urn);
	free(s->cells);
	for (size_t i = 0; i < s->n_errors; i++) {
		free(s->errors[i].file);
		free(s->errors[i].message);
	}
	free(s->errors);
	memset(s, 0, sizeof *s);
}

/* What r says about each indicator, into cells[fw->n_indicators]: the
 * level of a rated one (from the return; a result without its entries
 * gives the target for a strength and the level below it for a gap). */
static void cells_of(signed char *cells, const oaip_result *r)
{
	const oaip_framework *fw = r->fw;
	const oaip_entry *e = r->se ? r->se->entries : NULL;
	memset(cells, OAIP_CELL_OUT, fw->n_indicators);
	for (size_t i = 0; i < r->n_not_evaluated; i++)
		if (r->not_evaluated[i] < fw->n_indicators)
			cells[r->not_evaluated[i]] = OAIP_CELL_BLANK;
	for (size_t i = 0; i < r->n_not_applicable; i++)
		if (r->not_applicable[i] < fw->n_indicators)
			cells[r->not_applicable[i]] = OAIP_CELL_NA;
	for (size_t i = 0; i < r->n_strengths; i++) {
		size_t k = r->strengths[i];
		if (k < fw->n_indicators)
			cells[k] = (signed char)(e ? e[k].level : r->target);
	}
	for (size_t i = 0; i < r->n_gaps; i++) {
		size_t k = r->gaps[i];
		if (k < fw->n_indicators)
			cells[k] = (signed char)(e               ? e[k].level
			                         : r->target > 0 ? r->target - 1
			                                         : 0);
	}
}

/* Fill s from r.  On allocation failure s is left empty (file NULL). */
static bool summarise(oaip_school *s, const oaip_result *r,
                      const char *fallback_file)
{
	const oaip_framework *fw = r->fw;
	memset(s, 0, sizeof *s);
	const char *file = r->se && r->se->file ? r->se->file
	                   : fallback_file      ? fallback_file
	                                        : "";
	s->file = dup_utf8(file);
	s->school =
	    r->se && r->se->school ? dup_utf8(r->se->school) : school_of(file);
	s->cells = malloc(fw->n_indicators ? fw->n_indicators : 1);
	if (!s->file || !s->school || !s->cells) {
		school_free(s);
		return false;
	}
	cells_of(s->cells, r);
	s->phase = r->phase;
	if (r->se && r->se->urn && !(s->urn = dup_utf8(r->se->urn))) {
		school_free(s);
		return false;
	}
	s->gaps = r->n_gaps;
	s->readable = true;
	memcpy(s->cs, r->cs, sizeof s->cs);
	s->has_overall = r->has_overall;
	s->overall = r->overall;
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		s->rated += r->cs[c].rated;
		s->total += r->cs[c].total;
	}
	s->low_coverage = oaip_low_coverage(s->rated, s->total);
	return true;
}

/* Fill s for a return that could not be read, keeping its first errors.
 * On allocation failure s is left empty (file NULL). */
static bool summarise_failure(oaip_school *s, const char *file,
                              const oaip_diags *d)
{
	memset(s, 0, sizeof *s);
	s->file = dup_utf8(file);
	s->school = school_of(file);
	s->errors = calloc(OAIP_COMPARE_MAX_ERRORS, sizeof *s->errors);
	if (!s->file || !s->school || !s->errors)
		goto cleanup;
	for (size_t i = 0; i < d->n; i++) {
		const oaip_diag *x = &d->items[i];
		if (x->severity != OAIP_ERROR)
			continue;
		s->n_errors_total++;
		if (s->n_errors == OAIP_COMPARE_MAX_ERRORS)
			continue;
		oaip_diag *y = &s->errors[s->n_errors];
		y->severity = OAIP_ERROR;
		y->line = x->line;
		y->file = dup_utf8(x->file ? x->file : file);
		if (x->where) {
			/* A workbook cell: "file: Sheet!D7: message" in every
			 * report format. */
			oaip_buf m;
			oaip_buf_init(&m);
			oaip_buf_printf(&m, "%s: %s", x->where, x->message);
			char *t = oaip_buf_detach(&m);
			y->message = t ? dup_utf8(t) : NULL;
			free(t);
			y->line = 0;
		} else {
			y->message = dup_utf8(x->message);
		}
		if (!y->file || !y->message) {
			free(y->file);
			free(y->message);
			goto cleanup;
		}
		s->n_errors++;
	}
	if (s->n_errors == 0) {
		/* Should not happen: a failure always says why.  Still, the
		 * report must never show an unreadable return without a
		 * reason. */
		s->errors[0].severity = OAIP_ERROR;
		s->errors[0].file = oaip_strdup(s->file);
		s->errors[0].message =
		    oaip_strdup("the return could not be read");
		if (!s->errors[0].file || !s->errors[0].message) {
			free(s->errors[0].file);
			free(s->errors[0].message);
			goto cleanup;
		}
		s->n_errors = s->n_errors_total = 1;
	}
	return true;
cleanup:
	school_free(s);
	return false;
}

/* ---- the comparison --------------------------------------------------- */

oaip_comparison *oaip_comparison_new(const oaip_framework *fw,
                                     const oaip_compare_options *opts)
{
	int target = opts ? opts->target : -1;
	if (target < 0)
		target = fw->scale.target;
	if (!oaip_scale_level(&fw->scale, target))
		return NULL;
	oaip_comparison *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->fw = fw;
	c->target = target;
	c->phase = opts ? opts->phase : 0;
	size_t n = fw->n_indicators ? fw->n_indicators : 1;
	c->below = calloc(n, sizeof *c->below);
	c->rated = calloc(n, sizeof *c->rated);
	if (!c->below || !c->rated) {
		oaip_comparison_free(c);
		return NULL;
	}
	return c;
}

void oaip_comparison_free(oaip_comparison *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		school_free(&c->schools[i]);
	free(c->schools);
	free(c->below);
	free(c->rated);
	free(c->priorities);
	free(c->invite);
	free(c->support);
	for (size_t i = 0; i < c->n_skipped; i++) {
		free(c->skipped[i].file);
		free(c->skipped[i].reason);
	}
	free(c->skipped);
	free(c->prev_matched);
	free(c->improved);
	free(c->slipped);
	free(c);
}

/* Room for `more` schools after the last one added. */
static bool reserve(oaip_comparison *c, size_t more)
{
	if (more <= c->cap - c->n)
		return true;
	if (more > SIZE_MAX / sizeof *c->schools - c->n)
		return false;
	size_t cap = c->cap ? c->cap : 16;
	while (cap < c->n + more)
		cap = cap > SIZE_MAX / sizeof *c->schools / 2 ? c->n + more
		                                              : cap * 2;
	oaip_school *p = realloc(c->schools, cap * sizeof *p);
	if (!p)
		return false;
	c->schools = p;
	c->cap = cap;
	return true;
}

/* Count an added summary in. */
static void added(oaip_comparison *c, const oaip_school *s)
{
	c->n++;
	if (!s->readable)
		c->n_unreadable++;
	else if (s->low_coverage)
		c->n_low++;
}

bool oaip_comparison_add_result(oaip_comparison *c, const oaip_result *r)
{
	if (!reserve(c, 1))
		return false;
	oaip_school *s = &c->schools[c->n];
	if (!summarise(s, r, NULL))
		return false;
	added(c, s);
	return true;
}

bool oaip_comparison_add_failure(oaip_comparison *c, const char *file,
                                 const oaip_diags *d)
{
	if (!reserve(c, 1))
		return false;
	oaip_school *s = &c->schools[c->n];
	if (!summarise_failure(s, file, d))
		return false;
	added(c, s);
	return true;
}

/* ---- many files on a few threads ------------------------------------- */

struct job {
	oaip_comparison *c;
	const char *const *paths;
	size_t n;
	oaip_school *slots; /* c->schools + c->n at the start: n slots */
	oaip_diags *diags;  /* per file */
	atomic_uchar *done; /* per file: its slot and diags are complete */
	atomic_size_t next; /* the next file nobody has taken */
	oaip_score_options opts;
};

struct worker {
	struct job *job;
	oaip_buf buf; /* reused for every file (zeroed = empty) */
	pthread_t thread;
};

/* Mark slot s of path as skipped for why (static text), with a note. */
static void skip(oaip_school *s, const char *path, oaip_diags *d,
                 const char *why)
{
	oaip_diags_add(d, OAIP_NOTE, path, 0, "skipped: %s", why);
	memset(s, 0, sizeof *s);
	s->file = dup_utf8(path);
	s->skipped = why;
}

/* Is d the error of a file of survey responses read as a return? */
static bool survey_error(const oaip_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == OAIP_ERROR &&
		    strcmp(d->items[i].message, OAIP_SURVEY_NOT_A_RETURN) == 0)
			return true;
	return false;
}

/* Read, parse and score file i into its slot.  A report this program
 * wrote, and in a folder parent carers' survey responses, are not read:
 * the slot is marked skipped (readable false, no errors, file set). */
static void process(struct worker *w, size_t i)
{
	struct job *job = w->job;
	const char *path = job->paths[i];
	oaip_diags *d = &job->diags[i];
	oaip_school *s = &job->slots[i];
	long long mtime = 0;
	oaip_selfeval *se = NULL;
	oaip_result *r = NULL;

	if (oaip_read_into(path, OAIP_MAX_INPUT, &w->buf, &mtime, d)) {
		const char *buf = w->buf.data;
		size_t len = w->buf.len;
		if (oaip_is_own_output(buf, len)) {
			skip(s, path, d, OAIP_OWN_OUTPUT_SKIPPED);
			return;
		}
		se = oaip_selfeval_read_ratings(job->c->fw, buf, len, path, d);
	}
	if (se) {
		/* Without a phase for the whole batch, each return's own
		 * Phase detail applies to it alone. */
		oaip_score_options opts = job->opts;
		if (!opts.phase)
			opts.phase = se->phase;
		r = oaip_score_compute(se, &opts);
		if (!r)
			oaip_diags_add(d, OAIP_ERROR, path, 0,
			               "out of memory while scoring");
	}
	if (r && summarise(s, r, path)) {
		s->digest = oaip_digest(w->buf.data, w->buf.len);
		s->size = w->buf.len;
		s->mtime = mtime;
	} else if (!r && job->c->folder && survey_error(d)) {
		oaip_diags_free(d);
		skip(s, path, d, OAIP_SURVEY_NOT_A_RETURN);
	} else if (!r) {
		summarise_failure(s, path, d);
	}
	oaip_result_free(r);
	oaip_selfeval_free(se);
}

static void work(struct worker *w)
{
	struct job *job = w->job;
	for (;;) {
		size_t i = atomic_fetch_add_explicit(&job->next, 1,
		                                     memory_order_relaxed);
		if (i >= job->n)
			break;
		process(w, i);
		atomic_store_explicit(&job->done[i], 1, memory_order_release);
	}
}

static void *worker_main(void *arg)
{
	work(arg);
	return NULL;
}

/* Add the finished slots from *next on, in file order, and tell the
 * caller about each.  A slot left empty by an allocation failure is
 * dropped and makes *oom true. */
static void deliver(struct job *job, size_t *next, bool *oom,
                    oaip_compare_progress *progress, void *ud)
{
	oaip_comparison *c = job->c;
	while (*next < job->n &&
	       atomic_load_explicit(&job->done[*next], memory_order_acquire)) {
		size_t i = (*next)++;
		oaip_school *s = &job->slots[i];
		if (!s->file) {
			*oom = true;
		} else if (s->skipped) {
			if (!oaip_comparison_add_skipped(c, s->file,
			                                 s->skipped))
				*oom = true;
			school_free(s);
		} else {
			/* Slots of dropped files leave a hole: close it. */
			oaip_school *to = &c->schools[c->n];
			if (to != s) {
				*to = *s;
				memset(s, 0, sizeof *s);
			}
			added(c, to);
		}
		if (progress)
			progress(ud, i + 1, job->n, job->paths[i],
			         &job->diags[i]);
		oaip_diags_free(&job->diags[i]);
	}
}

static void worker_init(struct worker *w, struct job *job)
{
	memset(w, 0, sizeof *w);
	w->job = job;
}

static void worker_done(struct worker *w)
{
	oaip_buf_free(&w->buf);
	memset(w, 0, sizeof *w);
}

/* No more threads than this: each costs a file buffer, and past it reading
 * the files is what waits. */
#define MAX_THREADS 8

unsigned oaip_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

bool oaip_comparison_add_files(oaip_comparison *c, const char *const *paths,
                               size_t n, unsigned threads,
                               oaip_compare_progress *progress, void *ud)
{
	bool ok = false, oom = false;
	struct worker *workers = NULL;
	unsigned started = 0;
	size_t next = 0;
	struct job job = {.c = c, .paths = paths, .n = n};

	if (n == 0)
		return true;
	if (threads == 0)
		threads = oaip_threads();
	if (threads > n)
		threads = (unsigned)n;
	job.opts.target = c->target;
	job.opts.phase = c->phase;
	atomic_init(&job.next, 0);
	if (!reserve(c, n))
		return false;
	job.slots = c->schools + c->n;
	memset(job.slots, 0, n * sizeof *job.slots);
	job.diags = calloc(n, sizeof *job.diags);
	/* Kept as allocated, so that it is freed without casting away
	 * _Atomic. */
	void *done = calloc(n, sizeof *job.done);
	job.done = done;
	workers = calloc(threads, sizeof *workers);
	if (!job.diags || !job.done || !workers)
		goto cleanup;
	for (size_t i = 0; i < n; i++)
		atomic_init(&job.done[i], 0);

	/* workers[0] is this thread. */
	worker_init(&workers[0], &job);
	for (started = 1; started < threads; started++) {
		worker_init(&workers[started], &job);
		if (pthread_create(&workers[started].thread, NULL, worker_main,
		                   &workers[started]) != 0) {
			worker_done(&workers[started]);
			break; /* fewer threads: the work still gets done */
		}
	}
	for (;;) {
		size_t i = atomic_fetch_add_explicit(&job.next, 1,
		                                     memory_order_relaxed);
		if (i >= n)
			break;
		process(&workers[0], i);
		atomic_store_explicit(&job.done[i], 1, memory_order_release);
		deliver(&job, &next, &oom, progress, ud);
	}
	for (unsigned t = 1; t < started; t++)
		pthread_join(workers[t].thread, NULL);
	deliver(&job, &next, &oom, progress, ud);
	ok = !oom;
cleanup:
	if (workers)
		for (unsigned t = 0; t < threads; t++)
			worker_done(&workers[t]);
	free(workers);
	if (job.diags) {
		/* Slots never delivered (allocation failed early). */
		for (size_t i = next; i < n; i++) {
			school_free(&job.slots[i]);
			oaip_diags_free(&job.diags[i]);
		}
	}
	free(job.diags);
	free(done);
	return ok;
}

/* ---- area statistics ---------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Linear interpolation between closest ranks of sorted v[0..n-1]. */
static double quantile(const double *v, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)h; /* h >= 0: truncation is floor */
	if (lo + 1 >= n)
		return v[n - 1];
	return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

static void spread_of(oaip_spread *sp, double *v, size_t n)
{
	memset(sp, 0, sizeof *sp);
	if (n == 0)
		return;
	qsort(v, n, sizeof *v, cmp_double);
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	sp->n = n;
	sp->mean = sum / (double)n;
	sp->min = v[0];
	sp->max = v[n - 1];
	sp->q1 = quantile(v, n, 0.25);
	sp->median = quantile(v, n, 0.5);
	sp->q3 = quantile(v, n, 0.75);
}

static int cmp_priority(const void *a, const void *b)
{
	const oaip_priority *x = a, *y = b;
	if (x->below != y->below)
		return x->below > y->below ? -1 : 1;
	/* As many schools below target: the larger share of those that
	 * rated it first (below/rated compared without division). */
	if (x->below * y->rated != y->below * x->rated)
		return x->below * y->rated > y->below * x->rated ? -1 : 1;
	return (x->indicator > y->indicator) - (x->indicator < y->indicator);
}

bool oaip_comparison_finish(oaip_comparison *c)
{
	bool ok = false;
	const oaip_framework *fw = c->fw;
	double *v = malloc((c->n ? c->n : 1) * sizeof *v);
	oaip_priority *p =
	    malloc((fw->n_indicators ? fw->n_indicators : 1) * sizeof *p);
	free(c->priorities);
	c->priorities = NULL;
	c->n_priorities = 0;
	memset(c->spread, 0, sizeof c->spread);
	if (!v || !p)
		goto cleanup;

	oaip_area_sort(c);
	oaip_area_duplicates(c);

	/* Everything from here on counts each school once. */
	c->n_low = 0;
	memset(c->below, 0, fw->n_indicators * sizeof *c->below);
	memset(c->rated, 0, fw->n_indicators * sizeof *c->rated);
	for (size_t i = 0; i < c->n; i++) {
		const oaip_school *s = &c->schools[i];
		if (!s->counted)
			continue;
		if (s->low_coverage)
			c->n_low++;
		for (size_t k = 0; k < fw->n_indicators; k++)
			if (s->cells[k] >= 0) {
				c->rated[k]++;
				if (s->cells[k] < c->target)
					c->below[k]++;
			}
	}

	for (int w = 0; w <= OAIP_N_CORNERSTONES; w++) {
		size_t k = 0;
		for (size_t i = 0; i < c->n; i++) {
			const oaip_school *s = &c->schools[i];
			if (!s->counted)
				continue;
			if (w == OAIP_N_CORNERSTONES) {
				if (s->has_overall)
					v[k++] = s->overall;
			} else if (s->cs[w].has_score) {
				v[k++] = s->cs[w].score;
			}
		}
		spread_of(&c->spread[w], v, k);
	}

	size_t k = 0;
	for (size_t i = 0; i < fw->n_indicators; i++)
		if (c->below[i] > 0)
			p[k++] = (oaip_priority){.indicator = i,
			                         .below = c->below[i],
			                         .rated = c->rated[i]};
	qsort(p, k, sizeof *p, cmp_priority);
	c->n_priorities =
	    k < OAIP_COMPARE_PRIORITIES ? k : OAIP_COMPARE_PRIORITIES;
	c->priorities = p;
	p = NULL;
	ok = oaip_area_support(c);
cleanup:
	free(v);
	free(p);
	return ok;
}

/* ---- accessors ------------------------------------------------------------
 */

const oaip_framework *oaip_comparison_framework(const oaip_comparison *c)
{
	return c->fw;
}

int oaip_comparison_target(const oaip_comparison *c)
{
	return c->target;
}

unsigned oaip_comparison_phase(const oaip_comparison *c)
{
	return c->phase;
}

size_t oaip_comparison_count(const oaip_comparison *c)
{
	return c->n;
}

const oaip_school *oaip_comparison_school(const oaip_comparison *c, size_t i)
{
	return i < c->n ? &c->schools[i] : NULL;
}

size_t oaip_comparison_unreadable(const oaip_comparison *c)
{
	return c->n_unreadable;
}

size_t oaip_comparison_low_coverage(const oaip_comparison *c)
{
	return c->n_low;
}

const oaip_spread *oaip_comparison_spread(const oaip_comparison *c, int which)
{
	if (which < 0 || which > OAIP_N_CORNERSTONES)
		return NULL;
	return &c->spread[which];
}

size_t oaip_comparison_priorities(const oaip_comparison *c,
                                  const oaip_priority **out)
{
	*out = c->priorities;
	return c->n_priorities;
}
