/* xlsx_write.h - making a workbook in memory with libxlsxwriter, shared
 * by every workbook the program writes (the template, the action plan,
 * the area workbook).
 * Not public API.
 *
 * libxlsxwriter 1.1 writes only to a file: a workbook is made in a
 * private temporary file (TMPDIR, else /tmp), read back into memory and
 * removed, so that the caller writes it atomically like every other
 * output. */
#ifndef OAIP_XLSX_WRITE_H
#define OAIP_XLSX_WRITE_H

#include <xlsxwriter.h>

#include "private.h"

typedef struct oaip_xlsx {
	lxw_workbook *wb;
	oaip_buf path; /* the temporary file */
} oaip_xlsx;

/* Start a workbook.  Returns it, or NULL with an error in d. */
lxw_workbook *oaip_xlsx_new(oaip_xlsx *x, oaip_diags *d);
/* The same for a workbook written row by row, in order on each sheet
 * (libxlsxwriter's constant memory: each finished row goes to disk, and
 * text is stored in its cell), for a workbook of any size. */
lxw_workbook *oaip_xlsx_new_rows(oaip_xlsx *x, oaip_diags *d);
/* Set the document properties: title, subject, company and comments
 * (any may be NULL); the creation time is SOURCE_DATE_EPOCH when set,
 * so the same input makes the same file. */
void oaip_xlsx_properties(oaip_xlsx *x, const char *title, const char *subject,
                          const char *company, const char *comments);
/* Lines that text takes when wrapped in a cell width characters wide
 * (an estimate, for the height of a row; at most max). */
int oaip_xlsx_lines(const char *s, double width, int max);
/* Close the workbook and append the file's bytes to out; the temporary
 * file is removed either way.  Returns false with an error in d. */
bool oaip_xlsx_finish(oaip_xlsx *x, oaip_buf *out, oaip_diags *d);

#endif
