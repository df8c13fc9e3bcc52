/* render_compare_json.c - the comparison report as JSON: the model's
 * facts as jansson values (json.c), like the score report.
 *
 * At 10,000 schools one jansson tree for the whole report is slow to
 * serialise (about 200 ms, bench/run), so each school, and each other
 * member of the top-level object, is built and written on its own with
 * json_dumpb; only the braces and keys of the top-level object are
 * written here.  Every value, and so every string's escaping (invalid
 * UTF-8 becomes U+FFFD, as everywhere), is jansson's.
 *
 *   framework, framework_title, date, target, target_label, returns,
 *   read, schools [{file, school, overall, rated, total, low_coverage,
 *   cornerstones [{id, title, score, rated, total, na, not_evaluated,
 *   at_target, gaps, band}]}], area {quartiles, measures [{id, title,
 *   schools, mean, min, q1, median, q3, max}]}, priorities [{rank,
 *   indicator, cornerstone, text, below_target, rated, percent}],
 *   low_coverage {threshold, schools [{file, school, rated, total}]},
 *   unreadable [{file, school, errors [{file, line, message}],
 *   errors_total}], method [{band, text}], any added section by its
 *   key, generator */
#include "config.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "report.h"

/* One line per value, keys in the order they were put. */
#define FLAGS                                                                  \
	(JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) |        \
	 JSON_ENCODE_ANY)

static json_t *size(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *score(bool has, double v)
{
	return has ? json_real(v) : json_null();
}

/* Append v (consumed) as JSON text; a NULL v fails the output. */
static void dump(oaip_json *c, oaip_buf *out, json_t *v)
{
	char small[4096];
	if (!v || !c->ok) {
		c->ok = false;
		json_decref(v);
		return;
	}
	size_t n = json_dumpb(v, small, sizeof small, FLAGS);
	if (n == 0) {
		c->ok = false;
	} else if (n <= sizeof small) {
		oaip_buf_putn(out, small, n);
	} else {
		char *big = malloc(n);
		if (big && json_dumpb(v, big, n, FLAGS) == n)
			oaip_buf_putn(out, big, n);
		else
			c->ok = false;
		free(big);
	}
	json_decref(v);
}

/* "key": value, with the separator before it. */
static void member(oaip_json *c, oaip_buf *out, bool first, const char *key,
                   json_t *v)
{
	oaip_buf_puts(out, first ? "{\n" : ",\n");
	dump(c, out, oaip_json_str(key));
	oaip_buf_putc(out, ':');
	dump(c, out, v);
}

/* A school's object is built once and its values set in place for each
 * school: at 10,000 schools, building sixty values afresh for each took
 * longer than writing them out. */
struct school_json {
	json_t *o, *file, *school, *rated, *total, *css;
	json_t *cs[OAIP_N_CORNERSTONES], *n[OAIP_N_CORNERSTONES][6];
};

static const char *const count_keys[6] = {"rated",         "total",     "na",
                                          "not_evaluated", "at_target", "gaps"};

static void school_new(oaip_json *c, struct school_json *j)
{
	j->o = json_object();
	oaip_json_put(c, j->o, "file", j->file = json_string(""));
	oaip_json_put(c, j->o, "school", j->school = json_string(""));
	oaip_json_put(c, j->o, "overall", json_null());
	oaip_json_put(c, j->o, "rated", j->rated = json_integer(0));
	oaip_json_put(c, j->o, "total", j->total = json_integer(0));
	oaip_json_put(c, j->o, "low_coverage", json_false());
	oaip_json_put(c, j->o, "cornerstones", j->css = json_array());
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		json_t *o = j->cs[k] = json_object();
		oaip_json_put(c, o, "id",
		              oaip_json_str(oaip_cornerstone_id(k)));
		oaip_json_put(c, o, "title",
		              oaip_json_str(oaip_cornerstone_title(k)));
		oaip_json_put(c, o, "score", json_null());
		for (int i = 0; i < 6; i++)
			oaip_json_put(c, o, count_keys[i],
			              j->n[k][i] = json_integer(0));
		oaip_json_put(c, o, "band", json_null());
		oaip_json_append(c, j->css, o);
	}
}

static void set_str(oaip_json *c, json_t *v, const char *s)
{
	json_t *t = oaip_json_str(s);
	if (!t || json_string_setn_nocheck(v, json_string_value(t),
	                                   json_string_length(t)))
		c->ok = false;
	json_decref(t);
}

static json_t *school(oaip_json *c, struct school_json *j,
                      const oaip_rschool *s)
{
	set_str(c, j->file, s->file);
	set_str(c, j->school, s->school);
	const oaip_rcell *all = &s->m[OAIP_OVERALL];
	oaip_json_put(c, j->o, "overall", score(all->has_score, all->score));
	json_integer_set(j->rated, (json_int_t)s->rated);
	json_integer_set(j->total, (json_int_t)s->total);
	oaip_json_put(c, j->o, "low_coverage", json_boolean(s->low_coverage));
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		const oaip_rcell *m = &s->m[k];
		oaip_json_put(c, j->cs[k], "score",
		              score(m->has_score, m->score));
		const size_t n[6] = {m->rated, m->total,     m->na,
		                     m->empty, m->at_target, m->gaps};
		for (int i = 0; i < 6; i++)
			json_integer_set(j->n[k][i], (json_int_t)n[i]);
		oaip_json_put(c, j->cs[k], "band", oaip_json_str(m->band));
	}
	return json_incref(j->o);
}

static json_t *area(oaip_json *c, const oaip_compare_report *rep)
{
	json_t *o = json_object();
	oaip_json_put(c, o, "quartiles",
	              oaip_json_str("linear interpolation between closest "
	                            "ranks"));
	json_t *ms = json_array();
	for (int w = 0; w <= OAIP_OVERALL; w++) {
		const oaip_rspread *sp = &rep->spread[w];
		json_t *j = json_object();
		oaip_json_put(c, j, "id", oaip_json_str(sp->id));
		oaip_json_put(c, j, "title", oaip_json_str(sp->title));
		oaip_json_put(c, j, "schools", size(sp->n));
		for (int k = 0; k < 6; k++)
			oaip_json_put(c, j, oaip_rspread_keys[k],
			              score(sp->n > 0, sp->v[k]));
		oaip_json_append(c, ms, j);
	}
	oaip_json_put(c, o, "measures", ms);
	return o;
}

static json_t *priorities(oaip_json *c, const oaip_compare_report *rep)
{
	json_t *a = json_array();
	for (size_t i = 0; i < rep->n_priorities; i++) {
		const oaip_rpriority *p = &rep->priorities[i];
		json_t *j = json_object();
		oaip_json_put(c, j, "rank", size(p->rank));
		oaip_json_put(c, j, "indicator", oaip_json_str(p->id));
		oaip_json_put(c, j, "cornerstone",
		              oaip_json_str(p->cornerstone_id));
		oaip_json_put(c, j, "text", oaip_json_str(p->text));
		oaip_json_put(c, j, "below_target", size(p->below));
		oaip_json_put(c, j, "rated", size(p->rated));
		oaip_json_put(c, j, "percent", json_real(p->percent));
		oaip_json_append(c, a, j);
	}
	return a;
}

static json_t *low(oaip_json *c, const oaip_compare_report *rep)
{
	json_t *o = json_object();
	oaip_json_put(c, o, "threshold", json_integer(rep->low_threshold));
	json_t *a = json_array();
	for (size_t i = 0; i < rep->n_low; i++) {
		const oaip_rschool *s = rep->low[i];
		json_t *j = json_object();
		oaip_json_put(c, j, "file", oaip_json_str(s->file));
		oaip_json_put(c, j, "school", oaip_json_str(s->school));
		oaip_json_put(c, j, "rated", size(s->rated));
		oaip_json_put(c, j, "total", size(s->total));
		oaip_json_append(c, a, j);
	}
	oaip_json_put(c, o, "schools", a);
	return o;
}

static json_t *unreadable(oaip_json *c, const oaip_compare_report *rep)
{
	json_t *a = json_array();
	for (size_t i = 0; i < rep->n_unreadable; i++) {
		const oaip_runreadable *u = &rep->unreadable[i];
		json_t *j = json_object();
		oaip_json_put(c, j, "file", oaip_json_str(u->file));
		oaip_json_put(c, j, "school", oaip_json_str(u->school));
		json_t *errs = json_array();
		for (size_t k = 0; k < u->n_errors; k++) {
			const oaip_diag *e = &u->errors[k];
			json_t *d = json_object();
			oaip_json_put(c, d, "file", oaip_json_str(e->file));
			oaip_json_put(c, d, "line", json_integer(e->line));
			oaip_json_put(c, d, "message",
			              oaip_json_str(e->message));
			oaip_json_append(c, errs, d);
		}
		oaip_json_put(c, j, "errors", errs);
		oaip_json_put(c, j, "errors_total", size(u->errors_total));
		oaip_json_append(c, a, j);
	}
	return a;
}

/* Everything after the schools: the area, the priorities and the other
 * lists, the method and the sections. */
static void tail(oaip_json *c, oaip_buf *out, const oaip_compare_report *rep)
{
	member(c, out, false, "area", area(c, rep));
	member(c, out, false, "priorities", priorities(c, rep));
	member(c, out, false, "low_coverage", low(c, rep));
	member(c, out, false, "unreadable", unreadable(c, rep));
	member(c, out, false, "method", oaip_method_json(c, &rep->method));
	json_t *sections = json_object();
	oaip_sections_json(&rep->sections, c, sections);
	const char *key;
	json_t *value;
	json_object_foreach(sections, key, value)
	{
		member(c, out, false, key, json_incref(value));
	}
	json_decref(sections);
}

/* At 10,000 schools writing the schools is a good part of the run: they
 * are written in chunks of CHUNK schools on as many threads as compare
 * reads returns on (oaip_threads), each thread taking the next chunk from
 * a shared counter and writing it into the chunk's own buffer with the
 * thread's own school object.  This thread joins the finished chunks to
 * the report in order as it goes, letting each go at once, so the text is
 * the same on any number of threads and only a few chunks are held; the
 * tail follows. */
#define CHUNK 256

struct task {
	size_t from, to; /* schools[from..to) */
	oaip_json c;
	oaip_buf out;
	atomic_uchar done; /* c and out are complete */
};

struct writer {
	const oaip_compare_report *rep;
	struct task *tasks;
	size_t n_tasks;
	atomic_size_t *next;
	struct school_json sj;
	pthread_t thread;
	/* This thread's writer only: the report, the next chunk to join to
	 * it, and whether all joined so far were complete. */
	oaip_buf *out;
	size_t *joined;
	bool *ok;
};

/* Join the finished chunks from *w->joined on to the report, in order:
 * each chunk's memory is let go as soon as it is joined, so only a few
 * are held at once. */
static void join_chunks(struct writer *w)
{
	while (*w->joined < w->n_tasks &&
	       atomic_load_explicit(&w->tasks[*w->joined].done,
	                            memory_order_acquire)) {
		struct task *t = &w->tasks[(*w->joined)++];
		if (!t->c.ok || t->out.failed)
			*w->ok = false;
		oaip_buf_putn(w->out, t->out.data, t->out.len);
		oaip_buf_free(&t->out);
	}
}

static void *write_tasks(void *arg)
{
	struct writer *w = arg;
	for (;;) {
		size_t k =
		    atomic_fetch_add_explicit(w->next, 1, memory_order_relaxed);
		if (k >= w->n_tasks)
			break;
		struct task *t = &w->tasks[k];
		for (size_t i = t->from; i < t->to && t->c.ok; i++) {
			oaip_buf_puts(&t->out, i ? ",\n" : "\n");
			dump(&t->c, &t->out,
			     school(&t->c, &w->sj, &w->rep->schools[i]));
		}
		atomic_store_explicit(&t->done, 1, memory_order_release);
		if (w->out)
			join_chunks(w);
	}
	return NULL;
}

/* The schools into out; false when out of memory. */
static bool write_schools(const oaip_compare_report *rep, oaip_buf *out)
{
	size_t n = rep->n_schools;
	size_t n_tasks = (n + CHUNK - 1) / CHUNK;
	size_t n_threads = oaip_threads();
	if (n_threads > n_tasks)
		n_threads = n_tasks ? n_tasks : 1;
	/* Kept as allocated, so that it is freed without casting away
	 * _Atomic. */
	void *mem = calloc(n_tasks, sizeof(struct task));
	struct task *tasks = mem;
	struct writer *w = calloc(n_threads, sizeof *w);
	atomic_size_t next;
	atomic_init(&next, 0);
	size_t joined = 0;
	bool ok = (tasks || !n_tasks) && w;
	for (size_t k = 0; ok && k < n_tasks; k++) {
		struct task *t = &tasks[k];
		t->from = k * CHUNK;
		t->to = (k + 1) * CHUNK < n ? (k + 1) * CHUNK : n;
		t->c.ok = true;
		oaip_buf_init(&t->out);
		atomic_init(&t->done, 0);
	}
	/* Every jansson value shared by a thread is made here, before any
	 * thread starts. */
	for (size_t i = 0; ok && i < n_threads; i++) {
		oaip_json c = {.ok = true};
		w[i] = (struct writer){.rep = rep,
		                       .tasks = tasks,
		                       .n_tasks = n_tasks,
		                       .next = &next};
		school_new(&c, &w[i].sj);
		ok = c.ok;
	}
	if (ok) {
		/* w[0] is this thread, which joins the chunks; a writer
		 * whose thread cannot start leaves its tasks to the others. */
		w[0].out = out;
		w[0].joined = &joined;
		w[0].ok = &ok;
		size_t started = 1;
		for (; started < n_threads; started++)
			if (pthread_create(&w[started].thread, NULL,
			                   write_tasks, &w[started]) != 0)
				break;
		write_tasks(&w[0]);
		for (size_t i = 1; i < started; i++)
			pthread_join(w[i].thread, NULL);
		join_chunks(&w[0]);
	}
	for (size_t i = 0; w && i < n_threads; i++)
		json_decref(w[i].sj.o);
	for (size_t k = 0; tasks && k < n_tasks; k++)
		oaip_buf_free(&tasks[k].out);
	free(mem);
	free(w);
	return ok;
}

void oaip_compare_json(const oaip_compare_report *rep, oaip_buf *out)
{
	oaip_json c = {.ok = true};
	member(&c, out, true, "framework", oaip_json_str(rep->framework_id));
	member(&c, out, false, "framework_title",
	       oaip_json_str(rep->framework_title));
	member(&c, out, false, "date", oaip_json_str(rep->date));
	member(&c, out, false, "target", json_integer(rep->target));
	member(&c, out, false, "target_label",
	       oaip_json_str(rep->target_label));
	member(&c, out, false, "returns", size(rep->n));
	member(&c, out, false, "read", size(rep->n_read));

	oaip_buf_puts(out, ",\n\"schools\":[");
	if (!c.ok || !write_schools(rep, out))
		c.ok = false;
	oaip_buf_puts(out, "\n]");
	tail(&c, out, rep);
	oaip_buf_puts(out, "\n}\n");
	if (!c.ok)
		out->failed = true;
}
