/* template.c - the blank self-evaluation CSV a school fills in.
 *
 * Written for spreadsheets: a UTF-8 byte order mark, so that Excel reads
 * the framework's curly quotes and accents as UTF-8, and CRLF line ends.
 * The reader (selfeval.c) accepts both, so a filled-in template reads
 * back as it is. */
#include "config.h"

#include <string.h>

#include "private.h"

/* One CSV cell, quoted (RFC 4180) when it holds a comma, a quote, a line
 * break or surrounding spaces.  Framework text is written as it is: it is
 * not school input, so it is not neutralised for formulas. */
static void put_cell(oaip_buf *out, const char *s)
{
	size_t n = strlen(s);
	bool quote = n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	                   s[n - 1] == '\t');
	if (!quote && strpbrk(s, ",\"\r\n"))
		quote = true;
	if (!quote) {
		oaip_buf_putn(out, s, n);
		return;
	}
	oaip_buf_putc(out, '"');
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		oaip_buf_putn(out, s, (size_t)(q - s) + 1);
		oaip_buf_putc(out, '"');
	}
	oaip_buf_puts(out, s);
	oaip_buf_putc(out, '"');
}

void oaip_template_render(const oaip_framework *fw, unsigned phase,
                          oaip_buf *out)
{
	oaip_buf_puts(out, "\xEF\xBB\xBF"
	                   "indicator,cornerstone,statement,rating,evidence,"
	                   "next_steps\r\n");
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		if (!oaip_indicator_applies(ind, phase))
			continue;
		put_cell(out, ind->id);
		oaip_buf_putc(out, ',');
		put_cell(out, oaip_cornerstone_id(ind->cornerstone));
		oaip_buf_putc(out, ',');
		put_cell(out, ind->text ? ind->text : "");
		oaip_buf_puts(out, ",,,\r\n");
	}
}
