/* selfeval.c - a self-evaluation return, CSV or workbook, read from its
 * table of cells (table.h): the details block above the header, the
 * header wherever it is, the framework (given, named by a detail, or
 * recognised from the ids), and each row's indicator, rating, evidence and
 * next steps, forgiving what spreadsheet users type. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const char *const column_names[N_COLUMNS] = {"indicator", "rating",
                                                    "evidence", "next_steps"};
/* Columns the template writes that are not read. */
static const char *const template_columns[] = {"cornerstone", "statement"};

enum detail {
	DETAIL_SCHOOL,
	DETAIL_URN,
	DETAIL_PHASE,
	DETAIL_FRAMEWORK,
	DETAIL_COMPLETED_BY,
	DETAIL_DATE,
	N_DETAILS
};

static const struct {
	const char *name;
	enum detail detail;
} detail_names[] = {
    {"school", DETAIL_SCHOOL},
    {"school name", DETAIL_SCHOOL},
    {"urn", DETAIL_URN},
    {"phase", DETAIL_PHASE},
    {"phases", DETAIL_PHASE},
    {"framework", DETAIL_FRAMEWORK},
    {"completed by", DETAIL_COMPLETED_BY},
    {"date", DETAIL_DATE},
    {"date completed", DETAIL_DATE},
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
	oaip_buf quote;    /* school text made safe for a message */
	char *levels;      /* oaip_scale_describe, made when needed */

	size_t errors;  /* all found; the first OAIP_MAX_MESSAGES are told */
	size_t more;    /* errors found but not told */
	size_t skipped; /* rows below the header that were skipped */
	bool stop;
	bool oom;
};

static void verror(struct reader *r, const oaip_table_row *row, size_t col,
                   const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void verror(struct reader *r, const oaip_table_row *row, size_t col,
                   const char *fmt, va_list ap)
{
	if (r->stop)
		return;
	/* The rest are counted, told as "and N more" at the end. */
	if (r->errors++ >= OAIP_MAX_MESSAGES) {
		r->more++;
		return;
	}
	oaip_buf m;
	oaip_buf_init(&m);
	oaip_buf_vprintf(&m, fmt, ap);
	oaip_table_diag(r->t, r->d, OAIP_ERROR, row, col, "%s",
	                m.failed ? "out of memory" : m.data);
	oaip_buf_free(&m);
}

/* Will the next error be told, or only counted? */
static bool told(const struct reader *r)
{
	return r->errors < OAIP_MAX_MESSAGES;
}

static void error(struct reader *r, const oaip_table_row *row, size_t col,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void error(struct reader *r, const oaip_table_row *row, size_t col,
                  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(r, row, col, fmt, ap);
	va_end(ap);
}

/* A cell with Unicode spaces made plain and trimmed (runs of spaces and
 * line breaks collapsed to one space when collapse); borrowed from
 * r->clean[slot] until its next use. */
static const char *cleaned(struct reader *r, int slot,
                           const oaip_table_row *row, long col, bool collapse)
{
	oaip_buf *b = &r->clean[slot];
	b->len = 0;
	if (col < 0)
		return "";
	const char *s = oaip_table_cell(r->t, row, (size_t)col);
	oaip_text_clean(b, s, strlen(s), collapse);
	if (b->failed) {
		r->oom = r->stop = true;
		return "";
	}
	return b->len ? b->data : "";
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* ASCII lower-case s in place. */
static char *lower_in_place(char *s)
{
	for (char *p = s; *p; p++)
		*p = lower(*p);
	return s;
}

/* School text made fit to quote in a one-line message: control characters
 * shown as '?', cut at QUOTE_MAX bytes (on a character boundary) with
 * "...".  Borrowed: valid until the next call. */
static const char *quoted(struct reader *r, const char *s)
{
	size_t n = strlen(s);
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

/* Does a cleaned header cell name the column want?  Case-insensitive; in
 * want, '_' also matches a space or '-' ("next steps", "Next-Steps"). */
static bool column_is(const char *s, const char *want)
{
	size_t i = 0;
	for (; s[i] && want[i]; i++) {
		char c = lower(s[i]);
		if (want[i] == '_' ? c != '_' && c != ' ' && c != '-'
		                   : c != want[i])
			return false;
	}
	return s[i] == '\0' && want[i] == '\0';
}

static int column_of(const char *s)
{
	for (int k = 0; k < N_COLUMNS; k++)
		if (column_is(s, column_names[k]))
			return k;
	return -1;
}

/* Is the row a header: a cell naming 'indicator' and one naming
 * 'rating'? */
static bool is_header(struct reader *r, const oaip_table_row *row)
{
	bool ind = false, rat = false;
	for (size_t c = 0; c < row->n_cells && !(ind && rat); c++) {
		int k = column_of(cleaned(r, 0, row, (long)c, true));
		ind |= k == COL_INDICATOR;
		rat |= k == COL_RATING;
	}
	return ind && rat;
}

/* The detail a row names in its first cell ("School", "phase:"), or -1. */
static int detail_of(struct reader *r, const oaip_table_row *row)
{
	oaip_buf *b = &r->clean[0];
	cleaned(r, 0, row, 0, true);
	if (b->len && b->data[b->len - 1] == ':') {
		b->data[--b->len] = '\0';
		while (b->len && b->data[b->len - 1] == ' ')
			b->data[--b->len] = '\0';
	}
	if (!b->len)
		return -1;
	lower_in_place(b->data);
	for (size_t i = 0; i < sizeof detail_names / sizeof detail_names[0];
	     i++)
		if (strcmp(b->data, detail_names[i].name) == 0)
			return (int)detail_names[i].detail;
	return -1;
}

/* A detail's value, cleaned, or "" (borrowed, slot 1). */
static const char *detail_value(struct reader *r, enum detail k)
{
	if (!r->detail_row[k])
		return "";
	return cleaned(r, 1, r->detail_row[k], (long)r->detail_col[k], true);
}

/* Read the rows above the header: details, and anything else skipped with
 * a note.  Sets r->header; false when there is no header row. */
static bool find_header(struct reader *r)
{
	const oaip_table *t = r->t;
	for (size_t i = 0; i < t->n_rows; i++) {
		const oaip_table_row *row = &t->rows[i];
		if (is_header(r, row)) {
			r->header = i;
			return true;
		}
		int k = detail_of(r, row);
		if (k >= 0) {
			/* The value is the second cell; the ones after it may
			 * hold notes. */
			r->detail_row[k] = row;
			r->detail_col[k] = 1;
			continue;
		}
	}
	return false;
}

static void note_skipped_above(struct reader *r)
{
	for (size_t i = 0; i < r->header; i++) {
		const oaip_table_row *row = &r->t->rows[i];
		if (detail_of(r, row) >= 0)
			continue;
		oaip_table_diag(r->t, r->d, OAIP_NOTE, row, (size_t)-1,
		                "row skipped: above the header and not a "
		                "detail (School, URN, Phase, Framework, "
		                "Completed by, Date)");
	}
}

/* The header: where each column is; unknown columns are warned about. */
static void read_header(struct reader *r, const oaip_table_row *row)
{
	for (size_t c = 0; c < row->n_cells; c++) {
		const char *s = cleaned(r, 0, row, (long)c, true);
		if (!*s)
			continue;
		int k = column_of(s);
		if (k >= 0) {
			if (r->col[k] >= 0)
				error(r, row, c,
				      "duplicate column '%s' (columns %ld and "
				      "%zu)",
				      column_names[k], r->col[k] + 1, c + 1);
			else
				r->col[k] = (long)c;
			continue;
		}
		bool extra = false;
		for (size_t i = 0;
		     i < sizeof template_columns / sizeof template_columns[0];
		     i++)
			extra |= column_is(s, template_columns[i]);
		if (extra)
			continue;
		/* The known column it most resembles: one whose name it
		 * holds ("Evidence of impact"), else the nearest by
		 * spelling. */
		char *low = oaip_strdup(s);
		if (low)
			lower_in_place(low);
		const char *near = NULL;
		static const char *const words[N_COLUMNS] = {
		    "indicator", "rating", "evidence", "next step"};
		for (int j = 0; low && j < N_COLUMNS && !near; j++)
			if (strstr(low, words[j]))
				near = column_names[j];
		if (low && !near)
			near = oaip_suggest(low, column_names, N_COLUMNS);
		free(low);
		if (near)
			oaip_table_diag(r->t, r->d, OAIP_WARNING, row, c,
			                "column '%s' ignored: did you mean "
			                "'%s'?",
			                quoted(r, s), near);
		else
			oaip_table_diag(r->t, r->d, OAIP_WARNING, row, c,
			                "column '%s' ignored (the columns read "
			                "are indicator, rating, evidence and "
			                "next_steps)",
			                quoted(r, s));
	}
}

/* No row has both columns: say what is missing from the first row that
 * is not a detail. */
static void no_header(struct reader *r)
{
	const oaip_table *t = r->t;
	const oaip_table_row *row = NULL;
	for (size_t i = 0; i < t->n_rows && !row; i++)
		if (detail_of(r, &t->rows[i]) < 0)
			row = &t->rows[i];
	if (!row) {
		if (t->n_rows)
			oaip_table_diag(
			    t, r->d, OAIP_ERROR, &t->rows[0], (size_t)-1,
			    "no header row: expected a row with the "
			    "columns 'indicator' and 'rating' below "
			    "the details");
		else
			oaip_diags_add(r->d, OAIP_ERROR, t->file, 1,
			               "empty file: expected a header row with "
			               "the columns 'indicator' and 'rating'");
		r->errors++;
		return;
	}
	oaip_buf names;
	oaip_buf_init(&names);
	size_t n_names = 0;
	bool tab = false, ind = false, rat = false;
	for (size_t c = 0; c < row->n_cells; c++) {
		if (strchr(oaip_table_cell(t, row, c), '\t'))
			tab = true;
		const char *s = cleaned(r, 0, row, (long)c, true);
		if (!*s)
			continue;
		if (n_names++ < MAX_HEADER_NAMES) {
			if (n_names > 1)
				oaip_buf_puts(&names, ", ");
			oaip_buf_printf(&names, "'%s'", quoted(r, s));
		}
		int k = column_of(s);
		ind |= k == COL_INDICATOR;
		rat |= k == COL_RATING;
	}
	if (n_names > MAX_HEADER_NAMES)
		oaip_buf_printf(&names, " and %zu more",
		                n_names - MAX_HEADER_NAMES);
	const char *hint = "";
	if (!ind && !rat && n_names == 1) {
		/* One long name: another separator than the comma? */
		if (strchr(names.data, ';'))
			hint =
			    "; the columns seem to be separated by ';': save "
			    "the file as CSV with commas";
		else if (tab)
			hint = "; the columns seem to be separated by tabs: "
			       "save the file as CSV with commas";
	}
	for (int k = COL_INDICATOR; k <= COL_RATING; k++) {
		if (k == COL_INDICATOR ? ind : rat)
			continue;
		error(r, row, (size_t)-1,
		      "missing required column '%s' (the header has %s)%s",
		      column_names[k], names.failed ? "?" : names.data, hint);
	}
	oaip_buf_free(&names);
}

/* ---- ratings --------------------------------------------------------- */

static bool is_one_of(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/* "2", "2.0", "2.00" -> 2; false for anything else. */
static bool whole_number(const char *s, size_t n, int *v)
{
	size_t i = 0;
	long x = 0;
	if (i < n && s[i] == '+')
		i++;
	size_t start = i;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		if (x < 1000000)
			x = x * 10 + (s[i] - '0');
		i++;
	}
	if (i == start)
		return false;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] == '0')
			i++;
	}
	if (i != n)
		return false;
	*v = (int)x;
	return true;
}

/* A level named by its label or id only (not by number). */
static bool level_by_name(const oaip_scale *s, const char *name, int *v)
{
	int dummy;
	if (whole_number(name, strlen(name), &dummy))
		return false;
	return oaip_scale_parse_level(s, name, v);
}

static bool is_sep(char c)
{
	return c == ' ' || c == '-' || c == ':' || c == '.' || c == ')' ||
	       c == '=' || c == ',';
}

enum rating_form { FORM_NONE, FORM_OK, FORM_DISAGREE };

/* "2 - Established", "2 Established", "2. Established", "Established (2)",
 * "Established - 2": a number and a label together.  FORM_OK sets *v when
 * they agree; FORM_DISAGREE sets *num and *named. */
static enum rating_form number_and_label(const oaip_scale *sc, const char *s,
                                         int *v, int *num, int *named)
{
	size_t n = strlen(s);
	char buf[256];
	if (n >= sizeof buf)
		return FORM_NONE;
	/* Dashes written as en or em dashes count as '-'. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x93 ||
		     (unsigned char)s[i + 2] == 0x94)) {
			buf[m++] = '-';
			i += 2;
		} else {
			buf[m++] = s[i];
		}
	}
	buf[m] = '\0';
	size_t lead = 0, trail = m;
	/* A leading number. */
	while (lead < m && buf[lead] >= '0' && buf[lead] <= '9')
		lead++;
	const char *label = NULL;
	char numtext[16];
	if (lead > 0 && lead < m && lead < sizeof numtext &&
	    is_sep(buf[lead])) {
		memcpy(numtext, buf, lead);
		numtext[lead] = '\0';
		size_t k = lead;
		if (buf[k] == '.' && k + 1 < m && buf[k + 1] == '0') {
			/* "2.0 Established" */
			k++;
			while (k < m && buf[k] == '0')
				k++;
		}
		while (k < m && is_sep(buf[k]))
			k++;
		label = buf + k;
	} else {
		/* A trailing number: "Established (2)", "Established - 2". */
		if (trail && buf[trail - 1] == ')')
			trail--;
		size_t end = trail;
		while (trail && buf[trail - 1] >= '0' && buf[trail - 1] <= '9')
			trail--;
		if (trail == end || end - trail >= sizeof numtext || trail == 0)
			return FORM_NONE;
		memcpy(numtext, buf + trail, end - trail);
		numtext[end - trail] = '\0';
		size_t k = trail;
		while (k && (is_sep(buf[k - 1]) || buf[k - 1] == '('))
			k--;
		if (k == 0)
			return FORM_NONE;
		buf[k] = '\0';
		label = buf;
	}
	if (!*label)
		return FORM_NONE;
	int a, b;
	if (!whole_number(numtext, strlen(numtext), &a) ||
	    !level_by_name(sc, label, &b))
		return FORM_NONE;
	if (!oaip_scale_level(sc, a)) {
		*num = a;
		*named = b;
		return FORM_DISAGREE;
	}
	if (a != b) {
		*num = a;
		*named = b;
		return FORM_DISAGREE;
	}
	*v = a;
	return FORM_OK;
}

static bool parse_rating(struct reader *r, const oaip_table_row *row,
                         oaip_entry *e)
{
	static const char *const na[] = {
	    "n/a", "na",           "n.a.",
	    "n.a", "n / a",        "not applicable",
	    "-",   "\xE2\x80\x93", "\xE2\x80\x94",
	    NULL};
	static const char *const blank[] = {
	    "not evaluated", "not yet evaluated", "not rated", NULL};
	size_t col = (size_t)r->col[COL_RATING];
	const char *s = cleaned(r, 1, row, r->col[COL_RATING], true);
	if (!*s) {
		e->kind = OAIP_RATING_EMPTY;
		return true;
	}
	char *low = oaip_strdup(s);
	if (!low) {
		r->oom = true;
		return false;
	}
	lower_in_place(low);
	const oaip_scale *sc = &r->fw->scale;
	int v, num, named;
	bool ok = true;
	enum rating_form form;
	if (is_one_of(low, na)) {
		e->kind = OAIP_RATING_NA;
	} else if (is_one_of(low, blank)) {
		e->kind = OAIP_RATING_EMPTY;
	} else if (oaip_scale_parse_level(sc, s, &v) ||
	           (whole_number(s, strlen(s), &v) &&
	            oaip_scale_level(sc, v))) {
		e->kind = OAIP_RATING_RATED;
		e->level = v;
	} else if ((form = number_and_label(sc, s, &v, &num, &named)) ==
	           FORM_OK) {
		e->kind = OAIP_RATING_RATED;
		e->level = v;
	} else if (form == FORM_DISAGREE) {
		const oaip_level *a = oaip_scale_level(sc, num);
		const oaip_level *b = oaip_scale_level(sc, named);
		if (a)
			error(r, row, col,
			      "rating '%s' gives two levels: %d is '%s', not "
			      "'%s'; give one of them",
			      quoted(r, s), num, a->label, b->label);
		else
			error(r, row, col,
			      "rating '%s': %d is not a level ('%s' is %d)",
			      quoted(r, s), num, b->label, named);
		ok = false;
	} else {
		if (!r->levels)
			r->levels = oaip_scale_describe(sc);
		const char **labels = calloc(sc->n_levels + 1, sizeof *labels);
		const char *near = NULL;
		if (labels) {
			for (size_t i = 0; i < sc->n_levels; i++)
				labels[i] = sc->levels[i].label;
			labels[sc->n_levels] = "n/a";
			near = oaip_suggest(low, labels, sc->n_levels + 1);
		}
		if (near)
			error(r, row, col,
			      "rating '%s' is not one of %s, n/a: did you "
			      "mean '%s'?",
			      quoted(r, s), r->levels ? r->levels : "?", near);
		else
			error(r, row, col, "rating '%s' is not one of %s, n/a",
			      quoted(r, s), r->levels ? r->levels : "?");
		free(labels);
		ok = false;
	}
	free(low);
	return ok;
}

/* ---- rows ------------------------------------------------------------ */

/* A copy of a cell's text (Unicode spaces made plain, trimmed, CRLF and CR
 * made LF), or NULL when the cell is empty or missing. */
static char *text_copy(struct reader *r, const oaip_table_row *row, int k)
{
	if (r->col[k] < 0)
		return NULL;
	const char *s = cleaned(r, 0, row, r->col[k], false);
	size_t n = strlen(s);
	if (n == 0)
		return NULL;
	char *t = malloc(n + 1);
	if (!t) {
		r->oom = true;
		return NULL;
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

/* The indicator id of a row, cleaned and lower-cased (slot 0). */
static const char *row_id(struct reader *r, const oaip_table_row *row)
{
	cleaned(r, 0, row, r->col[COL_INDICATOR], true);
	return r->clean[0].len ? lower_in_place(r->clean[0].data) : "";
}

/* Rows below the header that are not indicator rows: a section heading,
 * a notes row, a repeated header, a Total row.  Returns the note, or NULL
 * for an indicator row. */
static const char *skip_reason(struct reader *r, const oaip_table_row *row)
{
	const char *id = row_id(r, row);
	const char *rating = cleaned(r, 1, row, r->col[COL_RATING], true);
	if (column_is(id, "indicator") && column_is(rating, "rating"))
		return "row skipped: a repeated header";
	if (strcmp(id, "total") == 0 || strcmp(id, "totals") == 0 ||
	    strcmp(id, "average") == 0)
		return "row skipped: a total row";
	if (!*id && !*rating)
		return "row skipped: no indicator and no rating (a heading or "
		       "notes row)";
	/* A section heading typed in the indicator column ("Communicate"):
	 * the row's only cell, and not an id of the framework. */
	if (!*rating && row->n_stored == 1 && r->fw &&
	    oaip_framework_find(r->fw, id) < 0)
		return "row skipped: not an indicator and no rating (a "
		       "heading?)";
	return NULL;
}

static void read_row(struct reader *r, const oaip_table_row *row)
{
	const char *reason = skip_reason(r, row);
	if (reason) {
		if (++r->skipped <= MAX_SKIP_NOTES)
			oaip_table_diag(r->t, r->d, OAIP_NOTE, row, (size_t)-1,
			                "%s", reason);
		return;
	}
	const char *id = row_id(r, row);
	size_t idcol = (size_t)r->col[COL_INDICATOR];
	oaip_entry *e = NULL;
	if (!*id) {
		error(r, row, idcol,
		      "missing indicator: the row has a rating but its "
		      "'indicator' cell is empty");
	} else {
		long i = oaip_framework_find(r->fw, id);
		if (i < 0) {
			/* The search is only worth it for a message told. */
			const char *near =
			    told(r) ? oaip_framework_suggest(r->fw, id) : NULL;
			/* The id as written, for the message. */
			const char *raw =
			    cleaned(r, 0, row, r->col[COL_INDICATOR], true);
			if (near)
				error(r, row, idcol,
				      "unknown indicator '%s' (did you mean "
				      "'%s'?)",
				      quoted(r, raw), near);
			else
				error(r, row, idcol,
				      "unknown indicator '%s' (not in "
				      "framework '%s')",
				      quoted(r, raw), r->fw->id);
		} else {
			oaip_entry *first = &r->se->entries[i];
			if (first->line)
				error(r, row, idcol,
				      "duplicate indicator '%s' (first on %s "
				      "%ld)",
				      r->fw->indicators[i].id,
				      r->t->kind == OAIP_TABLE_XLSX ? "row"
				                                    : "line",
				      first->line);
			else {
				e = first;
				e->line = row->line;
			}
		}
	}
	oaip_entry parsed = {0};
	if (!parse_rating(r, row, &parsed) || !e || r->errors)
		return; /* nothing more is kept from a file with errors */
	e->kind = parsed.kind;
	e->level = parsed.level;
	e->evidence = text_copy(r, row, COL_EVIDENCE);
	e->next_steps = text_copy(r, row, COL_NEXT_STEPS);
}

/* ---- the framework ----------------------------------------------------- */

/* How many of the file's indicator ids fw knows, and how many ids there
 * are. */
static void count_ids(struct reader *r, const oaip_framework *fw, size_t *known,
                      size_t *ids)
{
	*known = *ids = 0;
	const oaip_framework *saved = r->fw;
	r->fw = fw;
	for (size_t i = r->header + 1; i < r->t->n_rows; i++) {
		const oaip_table_row *row = &r->t->rows[i];
		if (skip_reason(r, row))
			continue;
		const char *id = row_id(r, row);
		if (!*id)
			continue;
		(*ids)++;
		if (oaip_framework_find(fw, id) >= 0)
			(*known)++;
	}
	r->fw = saved;
}

/* Does a Framework detail name fw ("devon", "Devon", "West Sussex", the
 * title)? */
static bool names_framework(const char *value, const char *id,
                            const char *title)
{
	if (title && oaip_strcasecmp(value, title) == 0)
		return true;
	size_t n = strlen(id);
	size_t i = 0;
	for (; value[i] && i < n; i++) {
		char c = lower(value[i]);
		if (c == ' ' || c == '_')
			c = '-';
		if (c != id[i])
			return false;
	}
	return i == n && (value[i] == '\0' || value[i] == ' ');
}

/* A built-in framework other than fw that knows every id of the file, or
 * NULL.  Loaded for the caller, who frees it. */
static oaip_framework *other_builtin(struct reader *r, const char *not_id)
{
	oaip_framework *best = NULL;
	for (size_t b = 0; b < oaip_builtin_count(); b++) {
		const oaip_builtin *bi = oaip_builtin_get(b);
		if (not_id && strcmp(bi->id, not_id) == 0)
			continue;
		oaip_diags quiet;
		oaip_diags_init(&quiet);
		oaip_framework *fw = oaip_framework_load(bi->id, &quiet);
		oaip_diags_free(&quiet);
		if (!fw)
			continue;
		size_t known, ids;
		count_ids(r, fw, &known, &ids);
		if (ids && known == ids && !best) {
			best = fw;
			continue;
		}
		oaip_framework_free(fw);
	}
	return best;
}

/* Decide the framework: given (check it against the Framework detail and
 * the ids), named by the Framework detail, or recognised from the ids.
 * False after an error. */
static bool choose_framework(struct reader *r, const oaip_framework *given)
{
	const char *named = detail_value(r, DETAIL_FRAMEWORK);
	const oaip_table_row *drow = r->detail_row[DETAIL_FRAMEWORK];
	size_t dcol = r->detail_col[DETAIL_FRAMEWORK];
	if (given) {
		r->fw = given;
		if (*named &&
		    !names_framework(named, given->id, given->title)) {
			error(r, drow, dcol,
			      "the Framework detail says '%s' but the "
			      "framework given is '%s': remove -f, or "
			      "correct the detail",
			      quoted(r, named), given->id);
			return false;
		}
		size_t known, ids;
		count_ids(r, given, &known, &ids);
		if (known == 0 && ids > 0) {
			oaip_framework *other = other_builtin(r, given->id);
			if (other) {
				oaip_diags_add(
				    r->d, OAIP_ERROR, r->t->file, 0,
				    "the indicators are those of framework "
				    "'%s', not '%s': use -f %s",
				    other->id, given->id, other->id);
				r->errors++;
				oaip_framework_free(other);
				return false;
			}
		}
		return true;
	}
	oaip_framework *fw = NULL;
	if (*named) {
		for (size_t b = 0; b < oaip_builtin_count() && !fw; b++) {
			const oaip_builtin *bi = oaip_builtin_get(b);
			oaip_framework *f = oaip_framework_load(bi->id, r->d);
			if (f && names_framework(named, f->id, f->title))
				fw = f;
			else
				oaip_framework_free(f);
		}
		if (!fw) {
			error(r, drow, dcol,
			      "the Framework detail names '%s', which is not "
			      "a built-in framework (see 'oaip-eval "
			      "frameworks'): give its XML file with -f",
			      quoted(r, named));
			return false;
		}
	} else {
		oaip_framework *def =
		    oaip_framework_load(oaip_builtin_default(), r->d);
		if (!def) {
			r->errors++;
			return false;
		}
		size_t known, ids;
		count_ids(r, def, &known, &ids);
		fw = def;
		if (known < ids) {
			oaip_framework *other =
			    other_builtin(r, oaip_builtin_default());
			if (other)
				fw = other;
		}
		/* The default needs no word; another framework chosen from
		 * the ids is named, so nobody is surprised by it. */
		if (fw != def) {
			oaip_framework_free(def);
			oaip_diags_add(r->d, OAIP_NOTE, r->t->file, 0,
			               "framework '%s' recognised from the "
			               "indicator ids (give -f to choose "
			               "another)",
			               fw->id);
		}
	}
	r->fw = fw;
	r->se->own_fw = fw;
	return true;
}

/* ---- the school's name -------------------------------------------------- */

char *oaip_school_name(const char *path)
{
	if (strcmp(path, "-") == 0)
		return oaip_strdup("standard input");
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	static const char *const ext[] = {".csv", ".xlsx", ".txt"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t k = strlen(ext[i]);
		if (n > k && oaip_strcasecmp(base + n - k, ext[i]) == 0) {
			n -= k;
			break;
		}
	}

	/* Words are separated by '-', '_' or spaces; runs collapse to one
	 * space and none is left at either end.  The case is kept as the
	 * school wrote it. */
	oaip_buf b;
	oaip_buf_init(&b);
	bool gap = false;
	for (size_t i = 0; i < n; i++) {
		char c = base[i];
		if (c == '-' || c == '_' || c == ' ') {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			oaip_buf_putc(&b, ' ');
		gap = false;
		oaip_buf_putc(&b, c);
	}
	if (b.failed) {
		oaip_buf_free(&b);
		return NULL;
	}
	if (b.len == 0)
		oaip_buf_putn(&b, base, n); /* a name of separators only */
	if (b.len && !oaip_utf8_valid(b.data, b.len)) {
		oaip_buf u;
		oaip_buf_init(&u);
		oaip_cp1252_to_utf8(&u, b.data, b.len);
		oaip_buf_free(&b);
		b = u;
	}
	return oaip_buf_detach(&b);
}

/* ---- reading ------------------------------------------------------------ */

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
	free(se->urn);
	free(se->completed_by);
	free(se->date);
	oaip_framework_free(se->own_fw);
	free(se);
}

static char *detail_copy(struct reader *r, enum detail k)
{
	const char *v = detail_value(r, k);
	if (!*v)
		return NULL;
	char *s = oaip_strdup(v);
	if (!s)
		r->oom = true;
	return s;
}

/* A date a spreadsheet keeps as a number (days since 1899-12-30, as Excel
 * and LibreOffice count them) written as YYYY-MM-DD; other text is kept as
 * typed. */
static void excel_date(char **date)
{
	char *s = *date, *end;
	if (!s)
		return;
	long days = strtol(s, &end, 10);
	if (*end || end == s || days < 1 || days > 2958465)
		return;
	/* Howard Hinnant's civil_from_days, from 1970-01-01. */
	long z = days - 25569 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	char buf[32];
	snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
	char *t = oaip_strdup(buf);
	if (t) {
		free(s);
		*date = t;
	}
}

/* The details: school, phase and the rest. */
static void read_details(struct reader *r, const char *name)
{
	oaip_selfeval *se = r->se;
	se->school = detail_copy(r, DETAIL_SCHOOL);
	if (!se->school && !r->oom)
		se->school = oaip_school_name(name);
	if (!se->school)
		r->oom = true;
	se->urn = detail_copy(r, DETAIL_URN);
	se->completed_by = detail_copy(r, DETAIL_COMPLETED_BY);
	se->date = detail_copy(r, DETAIL_DATE);
	if (r->t->kind == OAIP_TABLE_XLSX)
		excel_date(&se->date);
	const char *phase = detail_value(r, DETAIL_PHASE);
	if (*phase && !oaip_phase_parse(phase, &se->phase))
		error(r, r->detail_row[DETAIL_PHASE],
		      r->detail_col[DETAIL_PHASE],
		      "phase '%s' is not one of %s", quoted(r, phase),
		      OAIP_PHASE_CHOICES);
}

oaip_selfeval *oaip_selfeval_from_table(const oaip_framework *fw,
                                        const oaip_table *t, const char *name,
                                        oaip_diags *d)
{
	if (!name)
		name = "-";
	struct reader r = {.d = d, .t = t};
	for (int k = 0; k < N_COLUMNS; k++)
		r.col[k] = -1;
	for (int k = 0; k < 2; k++)
		oaip_buf_init(&r.clean[k]);
	oaip_buf_init(&r.quote);
	oaip_selfeval *se = calloc(1, sizeof *se);
	if (!se)
		goto oom;
	r.se = se;
	se->file = oaip_strdup(name);
	se->windows1252 = t->windows1252;
	if (!se->file)
		goto oom;

	if (!find_header(&r)) {
		if (!r.oom)
			no_header(&r);
		if (!r.errors && !r.oom) {
			error(&r, NULL, 0,
			      "no header row: expected a row with the "
			      "columns 'indicator' and 'rating'");
		}
		goto cleanup;
	}
	read_details(&r, name);
	if (r.oom || r.errors)
		goto cleanup;
	note_skipped_above(&r);
	const oaip_table_row *header = &t->rows[r.header];
	read_header(&r, header);
	if (r.oom || r.errors)
		goto cleanup;
	if (!choose_framework(&r, fw))
		goto cleanup;
	se->fw = r.fw;
	se->entries = calloc(r.fw->n_indicators ? r.fw->n_indicators : 1,
	                     sizeof *se->entries);
	if (!se->entries)
		goto oom;

	size_t known, ids;
	count_ids(&r, r.fw, &known, &ids);
	for (size_t i = r.header + 1; i < t->n_rows && !r.stop; i++)
		read_row(&r, &t->rows[i]);
	if (r.oom)
		goto oom;
	if (r.skipped > MAX_SKIP_NOTES)
		oaip_diags_add(d, OAIP_NOTE, t->file, 0,
		               "%zu more rows skipped (no indicator and no "
		               "rating)",
		               r.skipped - MAX_SKIP_NOTES);
	if (ids - known > 1 && known == 0) {
		oaip_diags_add(d, OAIP_ERROR, t->file, 0,
		               "none of the indicators in the file is in "
		               "framework '%s': was the file made for another "
		               "framework?",
		               r.fw->id);
		r.errors++;
	}
	goto cleanup;

oom:
	oaip_diags_add(d, OAIP_ERROR, t->file, 0,
	               "out of memory reading the file");
	r.errors++;
cleanup:
	if (r.more)
		oaip_diags_more(d, t->file, r.more);
	if (r.oom && !r.errors) {
		oaip_diags_add(d, OAIP_ERROR, t->file, 0,
		               "out of memory reading the file");
		r.errors++;
	}
	for (int k = 0; k < 2; k++)
		oaip_buf_free(&r.clean[k]);
	oaip_buf_free(&r.quote);
	free(r.levels);
	if (r.errors) {
		oaip_selfeval_free(se);
		return NULL;
	}
	return se;
}

oaip_selfeval *oaip_selfeval_read_memory(const oaip_framework *fw,
                                         const char *data, size_t len,
                                         const char *name, oaip_diags *d)
{
	if (!name)
		name = "-";
	oaip_table *t =
	    oaip_table_read_memory(data, len, name, "Self-evaluation", d);
	if (!t)
		return NULL;
	oaip_selfeval *se = oaip_selfeval_from_table(fw, t, name, d);
	oaip_table_free(t);
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
