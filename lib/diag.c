/* diag.c - diagnostics: collected by the library, printed by the caller. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

void oaip_diags_init(oaip_diags *d)
{
	d->items = NULL;
	d->n = 0;
	d->cap = 0;
}

void oaip_diags_free(oaip_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].where);
		free(d->items[i].message);
	}
	free(d->items);
	oaip_diags_init(d);
}

void oaip_diags_vadd(oaip_diags *d, oaip_severity sev, const char *file,
                     long line, const char *fmt, va_list ap)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		oaip_diag *p = realloc(d->items, cap * sizeof *p);
		if (!p)
			return; /* out of memory: the diagnostic is lost */
		d->items = p;
		d->cap = cap;
	}
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_vprintf(&b, fmt, ap);
	oaip_diag *x = &d->items[d->n];
	x->message = oaip_buf_detach(&b);
	x->file = file ? oaip_strdup(file) : NULL;
	x->line = line;
	x->where = NULL;
	x->severity = sev;
	if (!x->message) {
		free(x->file);
		return;
	}
	d->n++;
}

void oaip_diags_add_at(oaip_diags *d, oaip_severity sev, const char *file,
                       long line, const char *where, const char *fmt, ...)
{
	size_t n = d->n;
	va_list ap;
	va_start(ap, fmt);
	oaip_diags_vadd(d, sev, file, line, fmt, ap);
	va_end(ap);
	if (d->n > n && where)
		d->items[n].where = oaip_strdup(where);
}

void oaip_diags_add(oaip_diags *d, oaip_severity sev, const char *file,
                    long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	oaip_diags_vadd(d, sev, file, line, fmt, ap);
	va_end(ap);
}

size_t oaip_diags_count(const oaip_diags *d, oaip_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == sev)
			n++;
	return n;
}

static const char *sev_name(oaip_severity s)
{
	switch (s) {
	case OAIP_NOTE:
		return "note";
	case OAIP_WARNING:
		return "warning";
	case OAIP_ERROR:
		break;
	}
	return "error";
}

/* s made safe for a terminal: borrowed from b, valid until its next use. */
static const char *safe(oaip_buf *b, const char *s)
{
	b->len = 0;
	oaip_escape_terminal(b, s);
	oaip_buf_putc(b, '\0');
	return b->failed ? "(out of memory)" : b->data;
}

void oaip_diags_print(const oaip_diags *d, FILE *f)
{
	oaip_buf file, msg, where;
	oaip_buf_init(&file);
	oaip_buf_init(&msg);
	oaip_buf_init(&where);
	for (size_t i = 0; i < d->n; i++) {
		const oaip_diag *x = &d->items[i];
		const char *m = safe(&msg, x->message);
		if (x->file && x->where)
			fprintf(f, "%s: %s: %s: %s\n", safe(&file, x->file),
			        safe(&where, x->where), sev_name(x->severity),
			        m);
		else if (x->file && x->line > 0)
			fprintf(f, "%s:%ld: %s: %s\n", safe(&file, x->file),
			        x->line, sev_name(x->severity), m);
		else if (x->file)
			fprintf(f, "%s: %s: %s\n", safe(&file, x->file),
			        sev_name(x->severity), m);
		else
			fprintf(f, "oaip-eval: %s: %s\n", sev_name(x->severity),
			        m);
	}
	oaip_buf_free(&file);
	oaip_buf_free(&msg);
	oaip_buf_free(&where);
}

/* GitHub workflow commands need %, CR and LF escaped in the message, and
 * also , and : in properties. */
static void gh_escape(FILE *f, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%':
			fputs("%25", f);
			break;
		case '\r':
			fputs("%0D", f);
			break;
		case '\n':
			fputs("%0A", f);
			break;
		case ':':
			fputs(property ? "%3A" : ":", f);
			break;
		case ',':
			fputs(property ? "%2C" : ",", f);
			break;
		default:
			/* No other control character reaches the log raw. */
			if ((unsigned char)*s < 0x20 || *s == 0x7F)
				fprintf(f, "\\x%02x", (unsigned char)*s);
			else
				fputc(*s, f);
		}
	}
}

void oaip_diags_print_github(const oaip_diags *d, FILE *f)
{
	for (size_t i = 0; i < d->n; i++) {
		const oaip_diag *x = &d->items[i];
		fprintf(f, "::%s",
		        x->severity == OAIP_ERROR     ? "error"
		        : x->severity == OAIP_WARNING ? "warning"
		                                      : "notice");
		if (x->file) {
			fputs(" file=", f);
			gh_escape(f, x->file, true);
			if (x->line > 0)
				fprintf(f, ",line=%ld", x->line);
		}
		fputs("::", f);
		if (x->where) {
			gh_escape(f, x->where, false);
			fputs(": ", f);
		}
		gh_escape(f, x->message, false);
		fputc('\n', f);
	}
}

void oaip_diags_move(oaip_diags *dst, oaip_diags *src)
{
	for (size_t i = 0; i < src->n; i++) {
		oaip_diag *x = &src->items[i];
		if (dst->n == dst->cap) {
			size_t cap = dst->cap ? dst->cap * 2 : 8;
			oaip_diag *p = realloc(dst->items, cap * sizeof *p);
			if (!p) {
				free(x->file);
				free(x->where);
				free(x->message);
				continue;
			}
			dst->items = p;
			dst->cap = cap;
		}
		dst->items[dst->n++] = *x;
	}
	free(src->items);
	oaip_diags_init(src);
}

struct numbered {
	oaip_diag diag;
	size_t seq;
};

static int by_line(const void *pa, const void *pb)
{
	const struct numbered *a = pa, *b = pb;
	if (a->diag.line != b->diag.line)
		return a->diag.line < b->diag.line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void oaip_diags_sort_by_line(oaip_diags *d)
{
	if (d->n < 2)
		return;
	struct numbered *all = calloc(d->n, sizeof *all);
	if (!all)
		return; /* out of memory: left in the order found */
	for (size_t i = 0; i < d->n; i++) {
		all[i].diag = d->items[i];
		all[i].seq = i;
	}
	qsort(all, d->n, sizeof *all, by_line);
	for (size_t i = 0; i < d->n; i++)
		d->items[i] = all[i].diag;
	free(all);
}

void oaip_diags_limit_errors(oaip_diags *d, size_t max, const char *name,
                             bool uncounted)
{
	size_t errors = 0, k = 0;
	for (size_t i = 0; i < d->n; i++) {
		oaip_diag *x = &d->items[i];
		if (x->severity == OAIP_ERROR && ++errors > max) {
			free(x->file);
			free(x->message);
			continue;
		}
		d->items[k++] = *x;
	}
	d->n = k;
	size_t more = errors > max ? errors - max : 0;
	if (more || uncounted)
		oaip_diags_more(d, name, more, uncounted);
}

void oaip_diags_more(oaip_diags *d, const char *file, size_t n, bool at_least)
{
	if (n == 0)
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "and more errors not shown");
	else
		oaip_diags_add(
		    d, OAIP_ERROR, file, 0, "and %s%zu more error%s not shown",
		    at_least ? "at least " : "", n, n == 1 ? "" : "s");
}
