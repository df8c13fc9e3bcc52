/* arena.c - the arena a report model's strings and arrays live in: many
 * small allocations released at once with the model. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

struct oaip_arena_chunk {
	struct oaip_arena_chunk *next;
	size_t used, cap;
	max_align_t data[];
};

#define CHUNK_SIZE 8192

void oaip_arena_init(oaip_arena *a)
{
	a->chunks = NULL;
	a->failed = false;
}

void oaip_arena_free(oaip_arena *a)
{
	struct oaip_arena_chunk *c = a->chunks;
	while (c) {
		struct oaip_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	oaip_arena_init(a);
}

void *oaip_arena_alloc(oaip_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	if (n > SIZE_MAX - align) {
		a->failed = true;
		return NULL;
	}
	n = (n + align - 1) / align * align;
	if (!n)
		n = align;
	struct oaip_arena_chunk *c = a->chunks;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = malloc(sizeof *c + cap);
		if (!c) {
			a->failed = true;
			return NULL;
		}
		c->used = 0;
		c->cap = cap;
		/* A big block gets a chunk of its own behind the current one,
		 * so the current one's free space is not wasted. */
		if (a->chunks && n > CHUNK_SIZE) {
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *oaip_arena_strdup(oaip_arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = oaip_arena_alloc(a, n);
	if (p)
		memcpy(p, s, n);
	return p;
}

char *oaip_arena_take(oaip_arena *a, oaip_buf *b)
{
	if (b->failed) {
		a->failed = true;
		b->failed = false;
		b->len = 0;
		return NULL;
	}
	char *p = oaip_arena_strdup(a, b->data ? b->data : "");
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	return p;
}

char *oaip_arena_printf(oaip_arena *a, const char *fmt, ...)
{
	oaip_buf b;
	oaip_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	oaip_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *p = oaip_arena_take(a, &b);
	oaip_buf_free(&b);
	return p;
}
