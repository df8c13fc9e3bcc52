/* table_csv.c - CSV text read into a table of cells (table.h): encoding,
 * quoting, and the line each row starts on.
 *
 * The input is checked whole first (UTF-16, NUL bytes, BOM, UTF-8 or
 * Windows-1252), then fed to libcsv one physical line at a time so that
 * every row and every quoted field knows the line it started on, however
 * many line breaks quoted fields hold. */
#include "config.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "table.h"

/* Feed libcsv at most this many bytes at a time. */
#define CHUNK ((size_t)65536)

struct reader {
	oaip_table *t;
	oaip_diags *d;
	const char *file; /* name used in diagnostics */
	struct csv_parser p;

	long line;       /* physical line being fed (1-based) */
	long row_line;   /* line the current row started on */
	long field_line; /* line the current field started on */
	bool in_row;     /* a row has started and not yet ended */
	bool row_open;   /* the table has a row begun for it */

	bool failed; /* a parse error was reported */
	bool stop; /* libcsv cannot be aborted from a callback: stop feeding */
	bool oom;
};

/* libcsv: a field has ended. */
static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;
	if (r->stop)
		return;
	/* The next field starts right after this one's comma, which is on
	 * the line being fed. */
	r->field_line = r->line;
	if (!r->row_open) {
		if (!oaip_table_row_begin(r->t, r->row_line)) {
			r->oom = r->stop = true;
			return;
		}
		r->row_open = true;
	}
	if (!oaip_table_add_cell(r->t, -1, s, n))
		r->oom = r->stop = true;
}

/* libcsv: a row has ended. */
static void on_row(int c, void *data)
{
	struct reader *r = data;
	(void)c;
	r->in_row = false;
	if (r->row_open)
		oaip_table_row_end(r->t);
	r->row_open = false;
}

/* Blank to libcsv: nothing but spaces, tabs and line ends. */
static bool csv_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static void parse_error(struct reader *r)
{
	if (csv_error(&r->p) != CSV_EPARSE) {
		r->oom = true;
		return;
	}
	r->failed = r->stop = true;
	if (!r->p.quoted)
		oaip_diags_add(
		    r->d, OAIP_ERROR, r->file, r->line,
		    "unexpected '\"' in a field that does not start with one "
		    "(put the whole field in quotes and write a quote inside "
		    "it as \"\")");
	else if (r->field_line != r->line)
		oaip_diags_add(
		    r->d, OAIP_ERROR, r->file, r->line,
		    "unexpected text after the closing '\"' of the quoted "
		    "field that opened on line %ld (write a quote inside a "
		    "quoted field as \"\")",
		    r->field_line);
	else
		oaip_diags_add(
		    r->d, OAIP_ERROR, r->file, r->line,
		    "unexpected text after the closing '\"' of a quoted "
		    "field (write a quote inside a quoted field as \"\")");
}

/* Where the next byte c is at or after pos in data[0..len): *at caches
 * the answer (len when there is none), so each byte is searched once and
 * feeding stays linear whatever the line ends. */
static size_t next_of(const char *data, size_t len, size_t pos, char c,
                      size_t *at)
{
	if (*at < pos || *at == SIZE_MAX) {
		const char *p = memchr(data + pos, c, len - pos);
		*at = p ? (size_t)(p - data) : len;
	}
	return *at;
}

/* Feed data to libcsv one physical line (LF, CRLF or CR) at a time, and
 * long lines in pieces of at most CHUNK bytes. */
static void feed(struct reader *r, const char *data, size_t len)
{
	size_t pos = 0, lf = SIZE_MAX, cr = SIZE_MAX;
	while (pos < len && !r->stop) {
		const char *s = data + pos;
		size_t left = len - pos;
		size_t lim = left < CHUNK ? left : CHUNK;
		size_t end = next_of(data, len, pos, '\n', &lf);
		size_t c = next_of(data, len, pos, '\r', &cr);
		if (c < end)
			end = c;
		size_t k = end - pos;
		bool eol = false;
		if (k < lim) {
			if (s[k] == '\r' && k + 1 < left && s[k + 1] == '\n')
				k++;
			k++;
			eol = true;
		} else {
			k = lim;
		}
		if (!r->in_row && !csv_blank(s, k)) {
			r->in_row = true;
			r->row_line = r->line;
			r->field_line = r->line;
		}
		/* libcsv grows its field buffer by a fixed block: make the
		 * block as big as the buffer so growth is geometric. */
		size_t blk = csv_get_buffer_size(&r->p);
		if (blk < k)
			blk = k;
		csv_set_blk_size(&r->p, blk > 128 ? blk : 128);
		if (csv_parse(&r->p, s, k, on_field, on_row, r) != k) {
			parse_error(r);
			return;
		}
		pos += k;
		if (eol)
			r->line++;
	}
}

/* The line a byte offset is on, counting LF, CRLF and CR. */
static long line_at(const char *s, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n')
			line++;
		else if (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))
			line++;
	}
	return line;
}

oaip_table *oaip_table_read_csv(const char *data, size_t len, const char *file,
                                oaip_diags *d)
{
	struct reader r = {.d = d, .file = file, .line = 1};
	oaip_buf converted;
	oaip_buf_init(&converted);
	bool parser = false;
	oaip_table *t = oaip_table_new(OAIP_TABLE_CSV, file);
	if (!t)
		goto oom;
	r.t = t;

	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                 (u[0] == 0xFE && u[1] == 0xFF))) {
		oaip_diags_add(d, OAIP_ERROR, file, 1,
		               "UTF-16 text is not supported; save the file as "
		               "CSV UTF-8 (or CSV)");
		goto fail;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		oaip_diags_add(
		    d, OAIP_ERROR, file, line_at(data, (size_t)(nul - data)),
		    "binary file: a NUL byte is not allowed in CSV text");
		goto fail;
	}
	bool bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
	if (bom) {
		data += 3;
		len -= 3;
	}
	size_t multibyte;
	size_t bad = oaip_utf8_check(data, len, &multibyte);
	if (bad < len && (bom || multibyte ||
	                  oaip_utf8_has_multibyte(data + bad, len - bad))) {
		/* A file that is UTF-8 elsewhere (or says so with its byte
		 * order mark) is not silently read as Windows-1252: every
		 * accented letter would come out wrong. */
		oaip_diags_add(
		    d, OAIP_ERROR, file, line_at(data, bad),
		    "byte 0x%02X is not valid UTF-8, but the file is "
		    "UTF-8 elsewhere: correct the character on this "
		    "line, or save the file again as CSV UTF-8",
		    (unsigned char)data[bad]);
		goto fail;
	}
	if (bad < len) {
		/* No UTF-8 at all: an older spreadsheet's "CSV". */
		oaip_cp1252_to_utf8(&converted, data, len);
		if (converted.failed)
			goto oom;
		data = converted.data;
		len = converted.len;
		t->windows1252 = true;
		oaip_diags_add(d, OAIP_NOTE, file, 0,
		               "not valid UTF-8; read as Windows-1252");
	}

	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		goto oom;
	parser = true;
	feed(&r, data, len);
	if (!r.stop && csv_fini(&r.p, on_field, on_row, &r) != 0) {
		if (csv_error(&r.p) == CSV_EPARSE) {
			oaip_diags_add(
			    d, OAIP_ERROR, file, r.field_line,
			    "unterminated quoted field: the '\"' that opens it "
			    "is never closed");
			r.failed = true;
		} else {
			r.oom = true;
		}
	}
	if (r.oom)
		goto oom;
	if (r.failed)
		goto fail;
	goto cleanup;

oom:
	oaip_diags_add(d, OAIP_ERROR, file, 0,
	               "out of memory reading the file");
fail:
	oaip_table_free(t);
	t = NULL;
cleanup:
	if (parser)
		csv_free(&r.p);
	oaip_buf_free(&converted);
	return t;
}
