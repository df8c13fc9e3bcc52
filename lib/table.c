/* table.c - the table of cells every spreadsheet-like input is read into:
 * storage, cell lookup, cell names ("Self-evaluation!D7"), messages, and
 * telling CSV from a workbook (and from files that are neither). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "table.h"

struct oaip_table_cellref {
	size_t off; /* into t->text */
	size_t len;
	long col;
};

oaip_table *oaip_table_new(oaip_table_kind kind, const char *file)
{
	oaip_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->kind = kind;
	oaip_buf_init(&t->text);
	t->file = oaip_strdup(file);
	if (!t->file) {
		free(t);
		return NULL;
	}
	return t;
}

void oaip_table_free(oaip_table *t)
{
	if (!t)
		return;
	free(t->file);
	free(t->sheet);
	free(t->rows);
	free(t->cells);
	oaip_buf_free(&t->text);
	free(t);
}

bool oaip_table_row_begin(oaip_table *t, long line)
{
	if (t->n_rows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 64;
		oaip_table_row *p = realloc(t->rows, cap * sizeof *p);
		if (!p)
			return false;
		t->rows = p;
		t->cap_rows = cap;
	}
	oaip_table_row *r = &t->rows[t->n_rows++];
	r->line = line;
	r->n_cells = 0;
	r->first = t->n_cells;
	r->n_stored = 0;
	return true;
}

bool oaip_table_add_cell(oaip_table *t, long col, const char *s, size_t n)
{
	oaip_table_row *r = &t->rows[t->n_rows - 1];
	if (col < 0)
		col = (long)r->n_cells;
	if ((size_t)col < r->n_cells)
		return true; /* out of order (a hostile workbook): ignored */
	r->n_cells = (size_t)col + 1;
	if (n == 0)
		return true;
	if (t->n_cells == t->cap_cells) {
		size_t cap = t->cap_cells ? t->cap_cells * 2 : 256;
		struct oaip_table_cellref *p =
		    realloc(t->cells, cap * sizeof *p);
		if (!p)
			return false;
		t->cells = p;
		t->cap_cells = cap;
	}
	struct oaip_table_cellref *c = &t->cells[t->n_cells++];
	c->off = t->text.len;
	c->len = n;
	c->col = col;
	oaip_buf_putn(&t->text, s, n);
	oaip_buf_putc(&t->text, '\0');
	r->n_stored++;
	return !t->text.failed;
}

void oaip_table_row_end(oaip_table *t)
{
	oaip_table_row *r = &t->rows[t->n_rows - 1];
	/* Cells holding nothing but spaces count as empty. */
	while (r->n_stored) {
		struct oaip_table_cellref *c =
		    &t->cells[r->first + r->n_stored - 1];
		if (!oaip_text_blank(t->text.data + c->off, c->len))
			break;
		r->n_stored--;
		t->n_cells--;
	}
	if (r->n_stored == 0) {
		t->n_rows--;
		return;
	}
	r->n_cells = (size_t)t->cells[r->first + r->n_stored - 1].col + 1;
}

const char *oaip_table_cell(const oaip_table *t, const oaip_table_row *row,
                            size_t col)
{
	size_t lo = 0, hi = row->n_stored;
	const struct oaip_table_cellref *cells = t->cells + row->first;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((size_t)cells[mid].col < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < row->n_stored && (size_t)cells[lo].col == col)
		return t->text.data + cells[lo].off;
	return "";
}

const char *oaip_table_stored(const oaip_table *t, const oaip_table_row *row,
                              size_t k, size_t *col)
{
	const struct oaip_table_cellref *c = &t->cells[row->first + k];
	*col = (size_t)c->col;
	return t->text.data + c->off;
}

/* A sheet name as a formula would write it: quoted when it holds anything
 * but letters, digits, '_' and '.', with ' doubled. */
static void sheet_name(oaip_buf *b, const char *s)
{
	bool plain = *s != '\0';
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (!(c >= 0x80 || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			plain = false;
	}
	if (plain) {
		oaip_buf_puts(b, s);
		return;
	}
	oaip_buf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20)
			c = '?';
		if (c == '\'')
			oaip_buf_putc(b, '\'');
		oaip_buf_putc(b, (char)c);
	}
	oaip_buf_putc(b, '\'');
}

const char *oaip_table_where(const oaip_table *t, const oaip_table_row *row,
                             size_t col, char *out, size_t size)
{
	if (t->kind != OAIP_TABLE_XLSX || size == 0)
		return NULL;
	if (col == (size_t)-1)
		col = row->n_stored ? (size_t)t->cells[row->first].col : 0;
	char letters[8];
	size_t n = 0;
	for (size_t c = col + 1; c && n < sizeof letters; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	oaip_buf b;
	oaip_buf_init(&b);
	sheet_name(&b, t->sheet ? t->sheet : "Sheet1");
	oaip_buf_putc(&b, '!');
	while (n)
		oaip_buf_putc(&b, letters[--n]);
	oaip_buf_printf(&b, "%ld", row->line);
	if (b.failed || b.len >= size) {
		/* A sheet name too long to show in full. */
		snprintf(out, size, "%.*s", (int)(size - 1),
		         b.failed ? "?" : b.data);
	} else {
		memcpy(out, b.data, b.len + 1);
	}
	oaip_buf_free(&b);
	return out;
}

void oaip_table_diag(const oaip_table *t, oaip_diags *d, oaip_severity sev,
                     const oaip_table_row *row, size_t col, const char *fmt,
                     ...)
{
	char where[160];
	const char *w =
	    row ? oaip_table_where(t, row, col, where, sizeof where) : NULL;
	size_t n = d->n;
	va_list ap;
	va_start(ap, fmt);
	oaip_diags_vadd(d, sev, t->file, row ? row->line : 0, fmt, ap);
	va_end(ap);
	if (d->n > n && w)
		d->items[n].where = oaip_strdup(w);
}

/* The length of the Unicode space or byte order mark at s (n bytes
 * left), or 0.  *drop says whether it is removed rather than made a
 * space. */
static size_t unicode_space(const unsigned char *s, size_t n, bool *drop)
{
	*drop = false;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2; /* U+00A0 no-break space */
	if (n < 3)
		return 0;
	unsigned cp = ((unsigned)(s[0] & 0x0F) << 12) |
	              ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 ||
	    (s[2] & 0xC0) != 0x80)
		return 0;
	if (cp == 0xFEFF || cp == 0x200C || cp == 0x200D || cp == 0x2060) {
		*drop = true; /* byte order mark, joiners, word joiner */
		return 3;
	}
	if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
		return 3;
	return 0;
}

/* Whether the byte c is one of the ASCII spaces oaip_text_clean trims. */
static bool ascii_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\n' ||
	       c == '\r';
}

/* The bytes oaip_text_clean looks at twice: the ASCII spaces, and the
 * lead bytes of the Unicode spaces and marks unicode_space knows. */
static const bool special_byte[256] = {
    [' '] = true,  ['\t'] = true, ['\f'] = true, ['\v'] = true,
    ['\n'] = true, ['\r'] = true, [0xC2] = true, [0xE1] = true,
    [0xE2] = true, [0xE3] = true, [0xEF] = true,
};

/* How many bytes from s on (n left) are ordinary text, to be copied as
 * they are. */
static size_t ordinary_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !special_byte[s[i]])
		i++;
	return i;
}

bool oaip_text_blank(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		bool drop;
		size_t k = unicode_space(u + i, n - i, &drop);
		if (k)
			i += k;
		else if (ascii_blank(u[i]))
			i++;
		else
			return false;
	}
	return true;
}

void oaip_text_clean(oaip_buf *out, const char *s, size_t n, bool collapse)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = out->len;
	size_t kept = out->len; /* length without trailing spaces */
	bool space = false;     /* collapse: a space is pending */
	for (size_t i = 0; i < n;) {
		/* Without collapse, ASCII spaces after the first text are kept
		 * as they are: the run goes on to the next Unicode space. */
		if (!collapse && out->len > start) {
			size_t run = 0;
			while (i + run < n && (!special_byte[u[i + run]] ||
			                       ascii_blank(u[i + run])))
				run++;
			if (run) {
				oaip_buf_putn(out, s + i, run);
				size_t last = run;
				while (last > 0 && ascii_blank(u[i + last - 1]))
					last--;
				if (last)
					kept = out->len - (run - last);
				i += run;
				continue;
			}
		}
		/* Ordinary text is copied a run at a time. */
		size_t run = ordinary_run(u + i, n - i);
		if (run) {
			if (space) {
				oaip_buf_putc(out, ' ');
				space = false;
			}
			oaip_buf_putn(out, s + i, run);
			i += run;
			kept = out->len;
			continue;
		}
		bool drop;
		char c = (char)u[i];
		size_t k = unicode_space(u + i, n - i, &drop);
		if (k) {
			i += k;
			if (drop)
				continue;
			c = ' ';
		} else {
			i++;
		}
		if (ascii_blank((unsigned char)c)) {
			if (out->len == start)
				continue; /* leading */
			if (collapse)
				space = true;
			else
				oaip_buf_putc(out, c);
			continue;
		}
		if (space) {
			oaip_buf_putc(out, ' ');
			space = false;
		}
		oaip_buf_putc(out, c);
		kept = out->len;
	}
	if (out->failed)
		return;
	out->len = kept;
	if (out->data)
		out->data[kept] = '\0';
}

/* The magic numbers of files people give instead of a return. */
static bool starts(const char *data, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(data, magic, n) == 0;
}

oaip_table *oaip_table_read_memory(const char *data, size_t len,
                                   const char *name, const char *sheet,
                                   oaip_diags *d)
{
	if (!name)
		name = "-";
	const char *file = strcmp(name, "-") == 0 ? "<stdin>" : name;
	if (starts(data, len, "PK\3\4", 4) || starts(data, len, "PK\5\6", 4))
		return oaip_table_read_xlsx(data, len, file, sheet, d);
	if (starts(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		oaip_diags_add(
		    d, OAIP_ERROR, file, 0,
		    "this is an Excel 97-2003 workbook (.xls), or a "
		    "password-protected or older Office file, not a CSV or "
		    ".xlsx file: open it and save it as 'Excel Workbook "
		    "(.xlsx)' or 'CSV UTF-8', without a password");
		return NULL;
	}
	if (starts(data, len, "%PDF-", 5)) {
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "this is a PDF document, not a CSV or .xlsx "
		               "file: ratings cannot be read from a PDF; fill "
		               "in the template made by 'oaip-eval template -o "
		               "our-school.xlsx' and give that");
		return NULL;
	}
	return oaip_table_read_csv(data, len, file, d);
}

oaip_table *oaip_table_read(const char *path, const char *sheet, oaip_diags *d)
{
	char *data;
	size_t len;
	if (!oaip_read_file(path, &data, &len, d))
		return NULL;
	oaip_table *t = oaip_table_read_memory(data, len, path, sheet, d);
	free(data);
	return t;
}
