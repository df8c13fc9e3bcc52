/* table.h - a file a person filled in, read as a table of text cells:
 * CSV (table_csv.c) or an Excel workbook (xlsx_read.c), told apart by
 * their content, never by their name.
 *
 * Use it for any input that arrives as a spreadsheet: self-evaluation
 * returns (selfeval.c) and forms' responses alike.
 *
 *   oaip_diags d;  oaip_diags_init(&d);
 *   oaip_table *t = oaip_table_read_memory(data, len, "our-school.xlsx",
 *                                          "Self-evaluation", &d);
 *   if (!t) { print d: each error names the file (and line or cell) }
 *   for (size_t r = 0; r < t->n_rows; r++) {
 *           const oaip_table_row *row = &t->rows[r];
 *           for (size_t c = 0; c < row->n_cells; c++) {
 *                   const char *text = oaip_table_cell(t, row, c);
 *                   ...
 *                   oaip_table_diag(t, &d, OAIP_ERROR, row, c,
 *                                   "rating '%s' is not ...", text);
 *           }
 *   }
 *   oaip_table_free(t);
 *
 * Every cell's text is UTF-8 and NUL-terminated, exactly as the person
 * typed it (no trimming: see oaip_text_clean for that); CSV that is not
 * UTF-8 is read as Windows-1252 (t->windows1252, with a note in d).  A
 * workbook's numbers are written the shortest way that reads back the same
 * ("2", "2.5"), booleans as "TRUE"/"FALSE", formulas as their cached
 * result.  Rows that are wholly empty are left out; every row knows where
 * it came from, so messages say "school.csv:7: ..." for CSV and
 * "our-school.xlsx: Self-evaluation!D7: ..." for a workbook.  Rows hold
 * only the cells up to the last non-empty one; a cell past n_cells is
 * empty (oaip_table_cell returns "").
 *
 * Memory: the text of all non-empty cells is kept in one block; a table
 * costs the size of its text plus 24 bytes per non-empty cell. */
#ifndef OAIP_TABLE_H
#define OAIP_TABLE_H

#include "oaip.h"

typedef enum oaip_table_kind {
	OAIP_TABLE_CSV,
	OAIP_TABLE_XLSX
} oaip_table_kind;

typedef struct oaip_table_row {
	long line;       /* CSV: the line the row starts on; xlsx: the
	                    sheet's row number (7 for D7) */
	size_t n_cells;  /* columns up to the last non-empty cell */
	size_t first;    /* private: the row's first stored cell */
	size_t n_stored; /* private: cells stored (empty ones are not) */
} oaip_table_row;

typedef struct oaip_table {
	oaip_table_kind kind;
	char *file;  /* the name given, for messages */
	char *sheet; /* xlsx: the sheet read; NULL for CSV */
	oaip_table_row *rows;
	size_t n_rows;
	bool windows1252; /* CSV read as Windows-1252 */
	/* private */
	struct oaip_table_cellref *cells;
	size_t n_cells, cap_cells, cap_rows;
	oaip_buf text;
} oaip_table;

/* Read a CSV or xlsx return held in memory; which it is is decided by the
 * content: a zip archive holding [Content_Types].xml is a workbook; other
 * recognised binary formats (.xls, .ods, .docx, PDF) get an error saying
 * what the file is and how to save it as .xlsx or CSV.  name is used in
 * messages ("-" reads as "<stdin>").  sheet is the workbook sheet to read
 * when it exists (else the first sheet); NULL means the first.  Returns
 * NULL with errors in d; caller frees with oaip_table_free. */
oaip_table *oaip_table_read_memory(const char *data, size_t len,
                                   const char *name, const char *sheet,
                                   oaip_diags *d);
/* The same for a file ("-" is standard input). */
oaip_table *oaip_table_read(const char *path, const char *sheet, oaip_diags *d);
void oaip_table_free(oaip_table *t);

/* Cell col of row: borrowed, "" when past the row's end. */
const char *oaip_table_cell(const oaip_table *t, const oaip_table_row *row,
                            size_t col);
/* The k-th non-empty cell of row (k < row->n_stored), borrowed, with its
 * column in *col.  Loop over these rather than over n_cells: a workbook
 * row may hold one cell in column XFD. */
const char *oaip_table_stored(const oaip_table *t, const oaip_table_row *row,
                              size_t k, size_t *col);
/* Where a cell is, as its user would say it: "Self-evaluation!D7" for a
 * workbook, NULL for CSV (whose rows are named by line).  col is the
 * index in the row; written into out (at least 80 bytes). */
const char *oaip_table_where(const oaip_table *t, const oaip_table_row *row,
                             size_t col, char *out, size_t size);
/* Add a diagnostic about a cell (col = (size_t)-1: the whole row): for CSV
 * "file:LINE: message", for xlsx "file: Sheet!D7: message" (the row's
 * first cell when col is -1). */
void oaip_table_diag(const oaip_table *t, oaip_diags *d, oaip_severity sev,
                     const oaip_table_row *row, size_t col, const char *fmt,
                     ...) __attribute__((format(printf, 6, 7)));

/* Text as a spreadsheet user means it, appended to out: Unicode spaces
 * (no-break, zero-width, en/em and the rest) become plain spaces, byte
 * order marks are dropped, runs of spaces inside collapse to one when
 * collapse is set, and spaces at either end are removed. */
void oaip_text_clean(oaip_buf *out, const char *s, size_t n, bool collapse);

/* Whether the n bytes at s hold nothing but spaces of any kind (what
 * oaip_text_clean would make empty), without copying them. */
bool oaip_text_blank(const char *s, size_t n);

/* A self-evaluation from a table (selfeval.c): as oaip_selfeval_read_memory,
 * name being the file as given. */
oaip_selfeval *oaip_selfeval_from_table(const oaip_framework *fw,
                                        const oaip_table *t, const char *name,
                                        oaip_diags *d);

/* Is t parent carers' survey responses: does its first row, read as the
 * survey reader (survey.c) reads a heading row, name two questions or
 * more of fw (may be NULL) or of a built-in framework?  A row of more
 * than a thousand cells is not looked at.  (survey_csv.c) */
bool oaip_survey_heading(const oaip_framework *fw, const oaip_table *t);

/* ---- for the readers (table_csv.c, xlsx_read.c) -------------------- */
oaip_table *oaip_table_new(oaip_table_kind kind, const char *file);
/* Start a row at line; then add its cells in order.  Returns false when
 * out of memory. */
bool oaip_table_row_begin(oaip_table *t, long line);
/* Add a cell (col: its column, 0 = A, increasing along the row; -1 = the
 * column after the last one added).  Empty cells are not stored. */
bool oaip_table_add_cell(oaip_table *t, long col, const char *s, size_t n);
/* Finish the row: trailing empty cells are dropped, an empty row is
 * removed. */
void oaip_table_row_end(oaip_table *t);

oaip_table *oaip_table_read_csv(const char *data, size_t len, const char *file,
                                oaip_diags *d);
oaip_table *oaip_table_read_xlsx(const char *data, size_t len, const char *file,
                                 const char *sheet, oaip_diags *d);
/* Is this a zip archive holding [Content_Types].xml? */
bool oaip_xlsx_sniff(const char *data, size_t len);

#endif
