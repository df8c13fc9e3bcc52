/* selfeval.c - the self-evaluation CSV reader: encoding, header, ratings
 * and errors with the line they were found on.
 *
 * The input is checked whole first (UTF-16, NUL bytes, BOM, UTF-8 or
 * Windows-1252), then fed to libcsv one physical line at a time so that
 * every row and every quoted field knows the line it started on, however
 * many line breaks quoted fields hold.  Cells of the columns that are read
 * are copied into buffers reused from row to row; only the evidence and
 * next steps that are kept are allocated. */
#include "config.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

/* Stop collecting errors after this many: the rest of a file this broken
 * would only bury the first ones. */
#define MAX_ERRORS 100
/* Feed libcsv at most this many bytes at a time. */
#define CHUNK ((size_t)65536)
/* Longest piece of school text quoted in an error message, in bytes. */
#define QUOTE_MAX 60

enum column {
	COL_INDICATOR,
	COL_RATING,
	COL_EVIDENCE,
	COL_NEXT_STEPS,
	N_COLUMNS
};

static const char *const column_names[N_COLUMNS] = {"indicator", "rating",
                                                    "evidence", "next_steps"};

struct reader {
	const oaip_framework *fw;
	oaip_selfeval *se;
	oaip_diags *d;
	const char *file; /* name used in diagnostics */
	struct csv_parser p;

	long line;       /* physical line being fed (1-based) */
	long row_line;   /* line the current row started on */
	long field_line; /* line the current field started on */
	bool in_row;     /* a row has started and not yet ended */
	size_t field;    /* index of the next field in the current row */
	bool row_has_content;

	bool header_done;
	long col[N_COLUMNS]; /* field index of each column, or -1 */
	oaip_buf header;     /* the header's names, for error messages */
	size_t n_header;
	bool header_tab; /* a tab inside a header cell */

	oaip_buf cell[N_COLUMNS]; /* the current row's cells, reused */
	oaip_buf key;             /* lower-cased indicator id */
	oaip_buf quote;           /* school text made safe for a message */
	char *levels;             /* oaip_scale_describe, made when needed */

	size_t known;   /* rows naming an indicator of the framework */
	size_t unknown; /* rows naming an id it does not have */

	size_t errors;
	bool stop; /* libcsv cannot be aborted from a callback: stop feeding */
	bool oom;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

static void error(struct reader *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error(struct reader *r, long line, const char *fmt, ...)
{
	if (r->stop)
		return;
	va_list ap;
	va_start(ap, fmt);
	oaip_diags_vadd(r->d, OAIP_ERROR, r->file, line, fmt, ap);
	va_end(ap);
	if (++r->errors >= MAX_ERRORS) {
		oaip_diags_add(r->d, OAIP_ERROR, r->file, 0,
		               "too many errors; stopping after %d",
		               MAX_ERRORS);
		r->stop = true;
	}
}

/* Trim s[0..*n) in place; returns the first kept byte. */
static const char *trim(const char *s, size_t *n)
{
	size_t len = *n;
	while (len && is_blank(s[len - 1]))
		len--;
	while (len && is_blank(*s)) {
		s++;
		len--;
	}
	*n = len;
	return s;
}

static bool has_content(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return true;
	return false;
}

/* School text made fit to quote in a one-line message: control characters
 * shown as '?', cut at QUOTE_MAX bytes (on a character boundary) with
 * "...".  Borrowed: valid until the next call. */
static const char *quoted(struct reader *r, const char *s, size_t n)
{
	oaip_buf *b = &r->quote;
	b->len = 0;
	bool cut = n > QUOTE_MAX;
	if (cut) {
		n = QUOTE_MAX;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		oaip_buf_putc(b, c < 0x20 || c == 0x7F ? '?' : (char)c);
	}
	if (cut)
		oaip_buf_puts(b, "...");
	oaip_buf_putc(b, '\0'); /* also when n == 0 */
	if (b->failed) {
		r->oom = true;
		return "";
	}
	return b->data;
}

/* Does a header cell name the column want?  Case-insensitive; in want,
 * '_' also matches a space or '-' ("next steps", "Next-Steps"). */
static bool column_is(const char *s, size_t n, const char *want)
{
	size_t i = 0;
	for (; i < n && want[i]; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		if (want[i] == '_' ? c != '_' && c != ' ' && c != '-'
		                   : c != want[i])
			return false;
	}
	return i == n && want[i] == '\0';
}

static void header_field(struct reader *r, const char *s, size_t n,
                         size_t index)
{
	s = trim(s, &n);
	if (n == 0)
		return;
	if (memchr(s, '\t', n))
		r->header_tab = true;
	if (r->n_header++)
		oaip_buf_puts(&r->header, ", ");
	oaip_buf_printf(&r->header, "'%s'", quoted(r, s, n));
	for (int k = 0; k < N_COLUMNS; k++) {
		if (!column_is(s, n, column_names[k]))
			continue;
		if (r->col[k] >= 0)
			error(r, r->row_line,
			      "duplicate column '%s' (columns %ld and %zu)",
			      column_names[k], r->col[k] + 1, index + 1);
		else
			r->col[k] = (long)index;
		return;
	}
}

static void header_end(struct reader *r)
{
	r->header_done = true;
	if (r->header.failed)
		r->oom = true;
	const char *hint = "";
	if (r->col[COL_INDICATOR] < 0 && r->col[COL_RATING] < 0 &&
	    r->n_header == 1) {
		/* One long name: another separator than the comma? */
		if (strchr(r->header.data, ';'))
			hint =
			    "; the columns seem to be separated by ';': save "
			    "the file as CSV with commas";
		else if (r->header_tab)
			hint =
			    "; the columns seem to be separated by tabs: save "
			    "the file as CSV with commas";
	}
	for (int k = COL_INDICATOR; k <= COL_RATING; k++) {
		if (r->col[k] >= 0)
			continue;
		if (r->n_header)
			error(r, r->row_line,
			      "missing required column '%s' (the header has "
			      "%s)%s",
			      column_names[k], r->header.data, hint);
		else
			error(r, r->row_line,
			      "missing required column '%s' (the header row is "
			      "empty)",
			      column_names[k]);
	}
	if (r->errors)
		r->stop = true; /* rows cannot be read without their columns */
}

/* The trimmed cell k of the current row, NUL-terminated in place. */
static char *cell(struct reader *r, int k, size_t *len)
{
	static char empty[1];
	oaip_buf *b = &r->cell[k];
	if (b->len == 0) {
		*len = 0;
		return empty;
	}
	size_t n = b->len;
	char *s = (char *)trim(b->data, &n);
	s[n] = '\0';
	*len = n;
	return s;
}

/* A copy of a trimmed cell with CRLF and CR line breaks made LF, or NULL
 * when the cell is empty. */
static char *text_copy(struct reader *r, int k)
{
	size_t n;
	const char *s = cell(r, k, &n);
	if (n == 0)
		return NULL;
	char *t = malloc(n + 1);
	if (!t) {
		r->oom = true;
		return NULL;
	}
	if (!memchr(s, '\r', n)) {
		memcpy(t, s, n);
		t[n] = '\0';
		return t;
	}
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			t[j++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else {
			t[j++] = s[i];
		}
	}
	t[j] = '\0';
	return t;
}

static bool parse_rating(struct reader *r, const char *s, size_t n,
                         oaip_entry *e)
{
	if (n == 0) {
		e->kind = OAIP_RATING_EMPTY;
		return true;
	}
	if (oaip_strcasecmp(s, "n/a") == 0 || oaip_strcasecmp(s, "na") == 0 ||
	    oaip_strcasecmp(s, "not applicable") == 0) {
		e->kind = OAIP_RATING_NA;
		return true;
	}
	int v;
	if (oaip_scale_parse_level(&r->fw->scale, s, &v)) {
		e->kind = OAIP_RATING_RATED;
		e->level = v;
		return true;
	}
	if (!r->levels) {
		r->levels = oaip_scale_describe(&r->fw->scale);
		if (!r->levels) {
			r->oom = true;
			return false;
		}
	}
	error(r, r->row_line, "rating '%s' is not one of %s, n/a",
	      quoted(r, s, n), r->levels);
	return false;
}

static void row_end(struct reader *r)
{
	long line = r->row_line;
	for (int k = 0; k < N_COLUMNS; k++)
		if (r->cell[k].failed) {
			r->oom = true;
			return;
		}
	size_t n;
	const char *id = cell(r, COL_INDICATOR, &n);
	oaip_entry *e = NULL;
	if (n == 0) {
		error(r, line,
		      "missing indicator: the row has content but its "
		      "'indicator' cell is empty");
	} else {
		oaip_buf *key = &r->key;
		key->len = 0;
		for (size_t i = 0; i < n; i++) {
			char c = id[i];
			oaip_buf_putc(key, c >= 'A' && c <= 'Z'
			                       ? (char)(c + ('a' - 'A'))
			                       : c);
		}
		if (key->failed) {
			r->oom = true;
			return;
		}
		long i = oaip_framework_find(r->fw, key->data);
		if (i < 0) {
			r->unknown++;
			const char *near =
			    oaip_framework_suggest(r->fw, key->data);
			if (near)
				error(r, line,
				      "unknown indicator '%s' (did you mean "
				      "'%s'?)",
				      quoted(r, id, n), near);
			else
				error(
				    r, line,
				    "unknown indicator '%s' (not in framework "
				    "'%s')",
				    quoted(r, id, n), r->fw->id);
		} else {
			r->known++;
			oaip_entry *first = &r->se->entries[i];
			if (first->line) {
				error(r, line,
				      "duplicate indicator '%s' (first on line "
				      "%ld)",
				      r->fw->indicators[i].id, first->line);
			} else {
				e = first;
				e->line = line;
			}
		}
	}

	oaip_entry parsed = {0};
	const char *rating = cell(r, COL_RATING, &n);
	if (!parse_rating(r, rating, n, &parsed) || !e || r->errors)
		return; /* nothing more is kept from a file with errors */
	e->kind = parsed.kind;
	e->level = parsed.level;
	e->evidence = text_copy(r, COL_EVIDENCE);
	e->next_steps = text_copy(r, COL_NEXT_STEPS);
}

static void reset_row(struct reader *r)
{
	r->field = 0;
	r->row_has_content = false;
	for (int k = 0; k < N_COLUMNS; k++)
		r->cell[k].len = 0;
}

/* libcsv: a field has ended. */
static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;
	if (r->stop)
		return;
	size_t index = r->field++;
	/* The next field starts right after this one's comma, which is on
	 * the line being fed. */
	r->field_line = r->line;
	if (!r->header_done) {
		header_field(r, s, n, index);
		return;
	}
	if (!r->row_has_content && has_content(s, n))
		r->row_has_content = true;
	for (int k = 0; k < N_COLUMNS; k++)
		if (r->col[k] == (long)index)
			oaip_buf_putn(&r->cell[k], s, n);
}

/* libcsv: a row has ended. */
static void on_row(int c, void *data)
{
	struct reader *r = data;
	(void)c;
	r->in_row = false;
	if (r->stop)
		return;
	if (!r->header_done)
		header_end(r);
	else if (r->row_has_content)
		row_end(r);
	reset_row(r);
	if (r->oom)
		r->stop = true;
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
	if (!r->p.quoted)
		error(r, r->line,
		      "unexpected '\"' in a field that does not start with one "
		      "(put the whole field in quotes and write a quote inside "
		      "it as \"\")");
	else if (r->field_line != r->line)
		error(r, r->line,
		      "unexpected text after the closing '\"' of the quoted "
		      "field that opened on line %ld (write a quote inside a "
		      "quoted field as \"\")",
		      r->field_line);
	else
		error(r, r->line,
		      "unexpected text after the closing '\"' of a quoted "
		      "field (write a quote inside a quoted field as \"\")");
	r->stop = true;
}

/* Feed data to libcsv one physical line (LF, CRLF or CR) at a time, and
 * long lines in pieces of at most CHUNK bytes. */
static void feed(struct reader *r, const char *data, size_t len)
{
	size_t pos = 0;
	while (pos < len && !r->stop) {
		const char *s = data + pos;
		size_t left = len - pos;
		size_t lim = left < CHUNK ? left : CHUNK;
		bool eol = false;
		const char *nl = memchr(s, '\n', lim);
		size_t k = nl ? (size_t)(nl - s) : lim;
		const char *cr = memchr(s, '\r', k);
		if (cr)
			k = (size_t)(cr - s);
		if (k < lim) {
			if (s[k] == '\r' && k + 1 < left && s[k + 1] == '\n')
				k++;
			k++;
			eol = true;
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

char *oaip_school_name(const char *path)
{
	if (strcmp(path, "-") == 0)
		return oaip_strdup("standard input");
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 4 && oaip_strcasecmp(base + n - 4, ".csv") == 0)
		n -= 4;

	/* Words are separated by '-', '_' or spaces; runs collapse to one
	 * space and none is left at either end. */
	oaip_buf b;
	oaip_buf_init(&b);
	bool any_upper = false, gap = false;
	for (size_t i = 0; i < n; i++) {
		char c = base[i];
		if (c == '-' || c == '_' || c == ' ') {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			oaip_buf_putc(&b, ' ');
		gap = false;
		any_upper |= c >= 'A' && c <= 'Z';
		oaip_buf_putc(&b, c);
	}
	if (b.failed) {
		oaip_buf_free(&b);
		return NULL;
	}
	if (b.len == 0)
		oaip_buf_putn(&b, base, n); /* a name of separators only */
	/* "st-marys-primary" -> "St Marys Primary"; a name that already has
	 * capitals is kept as the school wrote it. */
	if (!any_upper)
		for (size_t i = 0; i < b.len; i++)
			if ((i == 0 || b.data[i - 1] == ' ') &&
			    b.data[i] >= 'a' && b.data[i] <= 'z')
				b.data[i] = (char)(b.data[i] - 'a' + 'A');
	if (b.len && !oaip_utf8_valid(b.data, b.len)) {
		oaip_buf u;
		oaip_buf_init(&u);
		oaip_cp1252_to_utf8(&u, b.data, b.len);
		oaip_buf_free(&b);
		b = u;
	}
	return oaip_buf_detach(&b);
}

void oaip_selfeval_free(oaip_selfeval *se)
{
	if (!se)
		return;
	if (se->entries && se->fw)
		for (size_t i = 0; i < se->fw->n_indicators; i++) {
			free(se->entries[i].evidence);
			free(se->entries[i].next_steps);
		}
	free(se->entries);
	free(se->file);
	free(se->school);
	free(se);
}

oaip_selfeval *oaip_selfeval_read_memory(const oaip_framework *fw,
                                         const char *data, size_t len,
                                         const char *name, oaip_diags *d)
{
	if (!name)
		name = "-";
	const char *file = strcmp(name, "-") == 0 ? "<stdin>" : name;
	struct reader r = {.fw = fw, .d = d, .file = file, .line = 1};
	oaip_buf converted;
	oaip_buf_init(&converted);
	oaip_buf_init(&r.header);
	oaip_buf_init(&r.key);
	oaip_buf_init(&r.quote);
	for (int k = 0; k < N_COLUMNS; k++) {
		oaip_buf_init(&r.cell[k]);
		r.col[k] = -1;
	}
	bool parser = false;
	oaip_selfeval *se = calloc(1, sizeof *se);
	if (!se)
		goto oom;
	r.se = se;
	se->fw = fw;
	se->file = oaip_strdup(name);
	se->school = oaip_school_name(name);
	se->entries = calloc(fw->n_indicators ? fw->n_indicators : 1,
	                     sizeof *se->entries);
	if (!se->file || !se->school || !se->entries)
		goto oom;

	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                 (u[0] == 0xFE && u[1] == 0xFF))) {
		error(&r, 1,
		      "UTF-16 text is not supported; save the file as CSV "
		      "UTF-8 (or CSV)");
		goto cleanup;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		error(&r, line_at(data, (size_t)(nul - data)),
		      "binary file: a NUL byte is not allowed in CSV text");
		goto cleanup;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		data += 3;
		len -= 3;
	}
	if (!oaip_utf8_valid(data, len)) {
		oaip_cp1252_to_utf8(&converted, data, len);
		if (converted.failed)
			goto oom;
		data = converted.data;
		len = converted.len;
		se->windows1252 = true;
		oaip_diags_add(d, OAIP_NOTE, file, 0,
		               "not valid UTF-8; read as Windows-1252");
	}

	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		goto oom;
	parser = true;
	feed(&r, data, len);
	if (!r.stop && csv_fini(&r.p, on_field, on_row, &r) != 0) {
		if (csv_error(&r.p) == CSV_EPARSE)
			error(
			    &r, r.field_line,
			    "unterminated quoted field: the '\"' that opens it "
			    "is never closed");
		else
			r.oom = true;
	}
	if (r.oom)
		goto oom;
	if (r.unknown > 1 && r.known == 0) {
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "none of the indicators in the file is in "
		               "framework '%s': was the file made for another "
		               "framework?",
		               fw->id);
		r.errors++;
	}
	if (!r.header_done && !r.errors)
		error(&r, 1,
		      "empty file: expected a header row with the columns "
		      "'indicator' and 'rating'");
	goto cleanup;

oom:
	oaip_diags_add(d, OAIP_ERROR, file, 0,
	               "out of memory reading the file");
	r.errors++;
cleanup:
	if (parser)
		csv_free(&r.p);
	oaip_buf_free(&converted);
	oaip_buf_free(&r.header);
	oaip_buf_free(&r.key);
	oaip_buf_free(&r.quote);
	for (int k = 0; k < N_COLUMNS; k++)
		oaip_buf_free(&r.cell[k]);
	free(r.levels);
	if (r.errors) {
		oaip_selfeval_free(se);
		return NULL;
	}
	return se;
}

oaip_selfeval *oaip_selfeval_read(const oaip_framework *fw, const char *path,
                                  oaip_diags *d)
{
	char *data;
	size_t len;
	if (!oaip_read_file(path, &data, &len, d))
		return NULL;
	oaip_selfeval *se = oaip_selfeval_read_memory(fw, data, len, path, d);
	free(data);
	return se;
}
