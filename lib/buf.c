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

bool oaip_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		/* Most of a return is ASCII: skip it eight bytes at a time. */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned c = s[i];
		size_t n;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			min = 0x80;
			c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			min = 0x800;
			c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			min = 0x10000;
			c &= 0x07;
		} else {
			return false;
		}
		if (len - i <= n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (s[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

/* Windows-1252 code points for bytes 0x80-0x9F; 0 where undefined (those
 * bytes are mapped to U+FFFD). */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void oaip_cp1252_to_utf8(oaip_buf *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c < 0x80) {
			oaip_buf_putc(out, (char)c);
			continue;
		}
		if (c < 0xA0)
			c = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80]
			                          : 0xFFFD;
		char u[3];
		if (c < 0x800) {
			u[0] = (char)(0xC0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3F));
			oaip_buf_putn(out, u, 2);
		} else {
			u[0] = (char)(0xE0 | (c >> 12));
			u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[2] = (char)(0x80 | (c & 0x3F));
			oaip_buf_putn(out, u, 3);
		}
	}
}
