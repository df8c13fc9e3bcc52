/* selfeval_impl.h - the self-evaluation reader's state, shared by its
 * parts: selfeval.c (rows, the framework, the entry points),
 * selfeval_header.c (the details block and the header) and
 * selfeval_rating.c (what a rating cell says).  Private to the library. */
#ifndef OAIP_SELFEVAL_IMPL_H
#define OAIP_SELFEVAL_IMPL_H

#include "private.h"
#include "table.h"

/* Header names quoted in a message about the header. */
#define MAX_HEADER_NAMES 20
/* Longest piece of school text quoted in a message, in bytes. */
#define QUOTE_MAX 60
/* Notes about skipped rows beyond this many are counted, not listed. */
#define MAX_SKIP_NOTES 10

enum column {
	COL_INDICATOR,
	COL_RATING,
	COL_EVIDENCE,
	COL_NEXT_STEPS,
	N_COLUMNS
};

extern const char *const se_column_names[N_COLUMNS];

enum detail {
	DETAIL_SCHOOL,
	DETAIL_URN,
	DETAIL_PHASE,
	DETAIL_FRAMEWORK,
	DETAIL_COMPLETED_BY,
	DETAIL_DATE,
	N_DETAILS
};

struct reader {
	const oaip_framework *fw;
	oaip_selfeval *se;
	oaip_diags *d;
	const oaip_table *t;
	size_t header; /* index of the header row */
	long col[N_COLUMNS];
	const oaip_table_row *detail_row[N_DETAILS];
	size_t detail_col[N_DETAILS];

	oaip_buf clean[2]; /* cleaned cells, reused */
	/* Below the header, each row's indicator id (cleaned, lower case)
	 * and rating (cleaned), made once by se_clean_rows: row i's are at
	 * rows.data + row_at[2 * (i - header - 1)] and the next offset. */
	oaip_buf rows;
	size_t *row_at;
	oaip_buf quote; /* school text made safe for a message */
	char *levels;   /* oaip_scale_describe, made when needed */

	size_t errors;  /* all found; the first OAIP_MAX_MESSAGES are told */
	size_t more;    /* errors found but not told */
	size_t skipped; /* rows below the header that were skipped */
	size_t ids;     /* rows read that name an indicator id */
	size_t known;   /* ... an id of the framework */
	bool stop;
	bool oom;
	bool keep_unknown; /* rows of ids fw does not have are kept in
	                      se->unknown, not errors */
	bool no_texts;     /* evidence and next steps are not kept */
};

/* Shared helpers (selfeval.c). */
void se_error(struct reader *r, const oaip_table_row *row, size_t col,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));
bool se_told(const struct reader *r);
const char *se_cleaned(struct reader *r, int slot, const oaip_table_row *row,
                       long col, bool collapse);
char se_lower(char c);
char *se_lower_in_place(char *s);
const char *se_quoted(struct reader *r, const char *s);
bool se_clean_rows(struct reader *r);
const char *se_row_id(const struct reader *r, const oaip_table_row *row);
const char *se_row_rating(const struct reader *r, const oaip_table_row *row);

/* The details block and the header (selfeval_header.c). */
bool se_column_is(const char *s, const char *want);
bool se_find_header(struct reader *r);
void se_note_skipped_above(struct reader *r);
void se_read_header(struct reader *r, const oaip_table_row *row);
void se_no_header(struct reader *r, const oaip_framework *given);
const char *se_detail_value(struct reader *r, enum detail k);
void se_read_details(struct reader *r, const char *name);

/* A row's rating (selfeval_rating.c): sets e, or reports an error and
 * returns false. */
bool se_parse_rating(struct reader *r, const oaip_table_row *row,
                     oaip_entry *e);

#endif
