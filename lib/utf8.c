/* utf8.c - the one UTF-8 decoder, and Windows-1252 for files that are not
 * UTF-8 at all. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "private.h"

size_t oaip_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0)
		return 0;
	uint32_t c = s[0];
	size_t n;
	uint32_t min;
	if (c < 0x80) {
		if (cp)
			*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		n = 2;
		min = 0x80;
		c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3;
		min = 0x800;
		c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4;
		min = 0x10000;
		c &= 0x07;
	} else {
		return 0;
	}
	/* Each byte is checked before the next is read, so a NUL-terminated
	 * string may be given any len of at least 4. */
	for (size_t k = 1; k < n; k++) {
		if (k >= len || (s[k] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	if (cp)
		*cp = c;
	return n;
}

size_t oaip_utf8_check(const char *str, size_t len, size_t *multibyte)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, count = 0;
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
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = oaip_utf8_decode(str + i, len - i, NULL);
		if (n == 0) {
			if (multibyte)
				*multibyte = count;
			return i;
		}
		count++;
		i += n;
	}
	if (multibyte)
		*multibyte = count;
	return len;
}

bool oaip_utf8_valid(const char *s, size_t len)
{
	return oaip_utf8_check(s, len, NULL) == len;
}

bool oaip_utf8_has_multibyte(const char *str, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)str[i] >= 0x80 &&
		    oaip_utf8_decode(str + i, len - i, NULL) > 1)
			return true;
	return false;
}

void oaip_utf8_put(oaip_buf *out, uint32_t c)
{
	char u[4];
	if (c < 0x80) {
		oaip_buf_putc(out, (char)c);
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		oaip_buf_putn(out, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		oaip_buf_putn(out, u, 3);
	} else {
		u[0] = (char)(0xF0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		oaip_buf_putn(out, u, 4);
	}
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
		uint32_t c = s[i];
		if (c >= 0x80 && c < 0xA0)
			c = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80]
			                          : 0xFFFD;
		oaip_utf8_put(out, c);
	}
}

void oaip_utf8_sanitize(oaip_buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n = oaip_utf8_decode(s + i, len - i, NULL);
		if (n) {
			oaip_buf_putn(out, s + i, n);
			i += n;
		} else {
			oaip_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
			i++;
		}
	}
}

void oaip_escape_terminal(oaip_buf *out, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n = oaip_utf8_decode(s + i, len - i, &cp);
		if (c == '\n') {
			oaip_buf_puts(out, "\\n");
		} else if (c == '\r') {
			oaip_buf_puts(out, "\\r");
		} else if (c == '\t') {
			oaip_buf_puts(out, "\\t");
		} else if (c < 0x20 || c == 0x7F || n == 0) {
			oaip_buf_printf(out, "\\x%02x", c);
		} else if (cp >= 0x80 && cp < 0xA0) {
			/* C1 controls: some terminals obey them too. */
			oaip_buf_printf(out, "\\u%04x", (unsigned)cp);
		} else {
			oaip_buf_putn(out, s + i, n);
			i += n;
			continue;
		}
		i += n ? n : 1;
	}
}
