/* buf.c - growable byte buffers and small string helpers. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

void oaip_buf_init(oaip_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->failed = false;
}

void oaip_buf_free(oaip_buf *b)
{
	free(b->data);
	oaip_buf_init(b);
}

static bool grow(oaip_buf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (extra > SIZE_MAX - b->len - 1) {
		b->failed = true;
		return false;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

bool oaip_buf_reserve(oaip_buf *b, size_t extra)
{
	return grow(b, extra);
}

void oaip_buf_putn(oaip_buf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void oaip_buf_puts(oaip_buf *b, const char *s)
{
	oaip_buf_putn(b, s, strlen(s));
}

void oaip_buf_putc(oaip_buf *b, char c)
{
	oaip_buf_putn(b, &c, 1);
}

void oaip_buf_vprintf(oaip_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (!grow(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void oaip_buf_printf(oaip_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	oaip_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *oaip_buf_detach(oaip_buf *b)
{
	char *s = b->data;
	if (!s)
		s = calloc(1, 1);
	if (b->failed) {
		free(s);
		s = NULL;
	}
	oaip_buf_init(b);
	return s;
}

char *oaip_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *oaip_strdup(const char *s)
{
	return oaip_strndup(s, strlen(s));
}

int oaip_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

char *oaip_strtrim(const char *s)
{
	size_t n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	while (n && is_space(*s)) {
		s++;
		n--;
	}
	return oaip_strndup(s, n);
}
