/* render_compare_xlsx.h - what the sheets of the area workbook share:
 * the workbook with its cell formats, and the page set-up.  Private to
 * render_compare_xlsx.c (Heat map, Ratings, Since last time, the book
 * itself) and render_compare_xlsx_summary.c (the Summary sheet). */
#ifndef OAIP_RENDER_COMPARE_XLSX_H
#define OAIP_RENDER_COMPARE_XLSX_H

#include "report.h"
#include "xlsx_write.h"

struct book {
	lxw_workbook *wb;
	lxw_format *title, *heading, *sub, *text, *bold_text, *caution, *head,
	    *cell, *number, *count, *caption, *small, *line;
	lxw_format *key[8];   /* the heat steps' fills, for the key */
	lxw_format *shade[8]; /* the same, for conditional formats */
	bool failed;
};

/* A4 landscape, one page wide, the row head (unless (lxw_row_t)-1)
 * repeated, the sheet's name above and "Page N of M" below. */
void oaip_compare_xlsx_page_setup(lxw_worksheet *ws, lxw_row_t head);

/* The Summary sheet: the report's facts, sections and tables. */
void oaip_compare_xlsx_summary(struct book *k, const oaip_compare_report *rep);

#endif
