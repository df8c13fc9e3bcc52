/* survey_csv.c - reading a form's responses: the file's bytes to rows of
 * cells for the survey reader (survey.c).
 *
 * CSV is streamed through libcsv and each cell is handed on, or passed
 * over unread, as soon as it ends: an authority-wide survey of 100,000
 * responses is counted in one pass in little more memory than the file
 * itself, and no identifying cell is ever copied. */
#include "config.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "table.h"

/* The most cells a heading row recognised as a form's may hold. */
#define MAX_HEADING_CELLS 1024

/* Longest physical line fed to libcsv at once. */
#define CHUNK ((size_t)64 * 1024)

struct csv_state {
	oaip_survey_reader *rd;
	struct csv_parser p;
	long line;     /* physical line being fed */
	long row_line; /* line the current row started on */
	bool in_row;   /* inside a row (libcsv's view) */
	bool row_open; /* begin_row called for the current row */
	size_t col;
	bool stop;
};

static void on_field(void *s, size_t n, void *data)
{
	struct csv_state *st = data;
	if (st->stop)
		return;
	if (!st->row_open) {
		oaip_survey_reader_begin_row(st->rd, st->row_line, NULL);
		st->row_open = true;
		st->col = 0;
	}
	size_t col = st->col++;
	/* Heading row: every cell.  After it: only questions and the
	 * comments column are read at all. */
	oaip_survey_column kind = oaip_survey_reader_column(st->rd, col);
	bool heading = oaip_survey_reader_is_heading(st->rd);
	if (heading || kind == OAIP_COLUMN_QUESTION ||
	    kind == OAIP_COLUMN_COMMENTS)
		if (!oaip_survey_reader_cell(st->rd, col, s ? s : "", n))
			st->stop = true;
}

static void on_row(int c, void *data)
{
	struct csv_state *st = data;
	(void)c;
	st->in_row = false;
	if (st->stop || !st->row_open)
		return;
	st->row_open = false;
	if (!oaip_survey_reader_end_row(st->rd))
		st->stop = true;
}

static bool csv_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static void feed(struct csv_state *st, const char *data, size_t len,
                 const char *name, oaip_diags *d)
{
	size_t pos = 0;
	while (pos < len && !st->stop) {
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
		if (!st->in_row && !csv_blank(s, k)) {
			st->in_row = true;
			st->row_line = st->line;
		}
		size_t blk = csv_get_buffer_size(&st->p);
		if (blk < k)
			blk = k;
		csv_set_blk_size(&st->p, blk > 128 ? blk : 128);
		if (csv_parse(&st->p, s, k, on_field, on_row, st) != k) {
			if (csv_error(&st->p) == CSV_EPARSE)
				oaip_diags_add(
				    d, OAIP_ERROR, name, st->line,
				    "unexpected '\"' (put the whole "
				    "field in quotes and write a quote "
				    "inside it as \"\")");
			else
				oaip_diags_add(d, OAIP_ERROR, name, 0,
				               "out of memory reading survey");
			st->stop = true;
			return;
		}
		pos += k;
		if (eol)
			st->line++;
	}
}

/* Give rd one row of t: on the heading row every cell, after it only the
 * cells of question columns and the comments column (a row may hold one
 * cell in column XFD: only the cells that hold something are visited).
 * False once reading should stop. */
static bool table_row(oaip_survey_reader *rd, const oaip_table *t,
                      const oaip_table_row *row)
{
	oaip_survey_reader_begin_row(rd, row->line, t->sheet);
	bool heading = oaip_survey_reader_is_heading(rd);
	for (size_t i = 0; i < row->n_stored; i++) {
		size_t c;
		const char *s = oaip_table_stored(t, row, i, &c);
		oaip_survey_column kind = oaip_survey_reader_column(rd, c);
		if (!heading && kind != OAIP_COLUMN_QUESTION &&
		    kind != OAIP_COLUMN_COMMENTS)
			continue;
		if (!oaip_survey_reader_cell(rd, c, s, strlen(s)))
			return false;
	}
	return oaip_survey_reader_end_row(rd);
}

/* Does row, read as the heading row of responses, name two questions of
 * fw or more?  (One is not enough: a return with no header row starts
 * with an indicator id.) */
static bool heading_of(const oaip_framework *fw, const oaip_table *t,
                       const oaip_table_row *row)
{
	oaip_diags quiet;
	oaip_diags_init(&quiet);
	oaip_survey_reader *rd =
	    oaip_survey_reader_new(fw, t->file, NULL, &quiet);
	bool yes = false;
	if (rd) {
		if (!table_row(rd, t, row))
			oaip_survey_reader_fail(rd);
		oaip_survey *sv = oaip_survey_reader_finish(rd);
		yes = sv && sv->n_asked >= 2;
		oaip_survey_free(sv);
	}
	oaip_diags_free(&quiet);
	return yes;
}

bool oaip_survey_heading(const oaip_framework *fw, const oaip_table *t)
{
	/* A form's export has a column per question and a few more: a row
	 * of thousands of cells is no form's heading, and not worth reading
	 * once per framework. */
	if (!t->n_rows || t->rows[0].n_stored > MAX_HEADING_CELLS)
		return false;
	bool yes = fw && heading_of(fw, t, &t->rows[0]);
	for (size_t b = 0; b < oaip_builtin_count() && !yes; b++) {
		oaip_diags quiet;
		oaip_diags_init(&quiet);
		oaip_framework *f =
		    oaip_framework_load(oaip_builtin_get(b)->id, &quiet);
		oaip_diags_free(&quiet);
		if (f)
			yes = heading_of(f, t, &t->rows[0]);
		oaip_framework_free(f);
	}
	return yes;
}

/* A workbook (its first sheet), or a file that is not text, through the
 * spreadsheet reader, which says what a .xls, .ods, .docx or PDF is and
 * how to save it.  The workbook is held as a table of cells, but only
 * the cells of question columns and the comments column are ever looked
 * at. */
static oaip_survey *read_table(const oaip_framework *fw, const char *data,
                               size_t len, const char *name,
                               const oaip_survey_options *o, oaip_diags *d)
{
	oaip_table *t = oaip_table_read_memory(data, len, name, NULL, d);
	if (!t)
		return NULL;
	oaip_survey_reader *rd = oaip_survey_reader_new(fw, name, o, d);
	if (!rd) {
		oaip_table_free(t);
		return NULL;
	}
	bool go = true;
	for (size_t r = 0; r < t->n_rows && go; r++)
		go = table_row(rd, t, &t->rows[r]);
	if (!go)
		oaip_survey_reader_fail(rd);
	oaip_table_free(t);
	return oaip_survey_reader_finish(rd);
}

oaip_survey *oaip_survey_read_memory(const oaip_framework *fw, const char *data,
                                     size_t len, const char *name,
                                     const oaip_survey_options *o,
                                     oaip_diags *d)
{
	if (!name)
		name = "-";
	/* A zip (a workbook, or an .ods or .docx), an old Office file, a
	 * PDF, or anything holding NUL bytes: the spreadsheet reader reads
	 * it or says what it is. */
	if ((len >= 2 && memcmp(data, "PK", 2) == 0) ||
	    (len >= 4 && memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0) ||
	    (len >= 5 && memcmp(data, "%PDF-", 5) == 0) ||
	    memchr(data, '\0', len))
		return read_table(fw, data, len, name, o, d);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	oaip_buf converted;
	oaip_buf_init(&converted);
	if (!oaip_utf8_valid(data, len)) {
		oaip_cp1252_to_utf8(&converted, data, len);
		if (converted.failed) {
			oaip_diags_add(d, OAIP_ERROR, name, 0,
			               "out of memory reading survey");
			oaip_buf_free(&converted);
			return NULL;
		}
		oaip_diags_add(d, OAIP_NOTE, name, 0,
		               "not UTF-8: read as Windows-1252");
		data = converted.data ? converted.data : "";
		len = converted.len;
	}

	oaip_survey_reader *rd = oaip_survey_reader_new(fw, name, o, d);
	if (!rd) {
		oaip_buf_free(&converted);
		return NULL;
	}
	struct csv_state st = {.rd = rd, .line = 1};
	if (csv_init(&st.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) !=
	    0) {
		oaip_diags_add(d, OAIP_ERROR, name, 0,
		               "out of memory reading survey");
		oaip_survey_reader_fail(rd);
		oaip_buf_free(&converted);
		return oaip_survey_reader_finish(rd);
	}
	feed(&st, data, len, name, d);
	if (!st.stop && csv_fini(&st.p, on_field, on_row, &st) != 0) {
		oaip_diags_add(d, OAIP_ERROR, name, st.row_line,
		               "a quoted field that starts here is never "
		               "closed: a '\"' is missing");
		st.stop = true;
	}
	csv_free(&st.p);
	oaip_buf_free(&converted);
	if (st.stop)
		oaip_survey_reader_fail(rd);
	return oaip_survey_reader_finish(rd);
}

oaip_survey *oaip_survey_read(const oaip_framework *fw, const char *path,
                              const oaip_survey_options *o, oaip_diags *d)
{
	char *data = NULL;
	size_t len = 0;
	if (!oaip_read_file(path, &data, &len, d))
		return NULL;
	oaip_survey *sv =
	    oaip_survey_read_memory(fw, data ? data : "", len, path, o, d);
	free(data);
	return sv;
}
