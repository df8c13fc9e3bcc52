/* selfeval_header.c - the top of a return: the details block (School,
 * URN, Phase, Framework, Completed by, Date), the header row wherever it
 * is, the columns it names (unknown ones warned about with the known
 * column they resemble), and the school's name. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "selfeval_impl.h"

const char *const se_column_names[N_COLUMNS] = {"indicator", "rating",
                                                "evidence", "next_steps"};
/* Columns the template writes that are not read. */
static const char *const template_columns[] = {"cornerstone", "statement"};

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

/* Does a cleaned header cell name the column want?  Case-insensitive; in
 * want, '_' also matches a space or '-' ("next steps", "Next-Steps"). */
bool se_column_is(const char *s, const char *want)
{
	size_t i = 0;
	for (; s[i] && want[i]; i++) {
		char c = se_lower(s[i]);
		if (want[i] == '_' ? c != '_' && c != ' ' && c != '-'
		                   : c != want[i])
			return false;
	}
	return s[i] == '\0' && want[i] == '\0';
}

static int se_column_of(const char *s)
{
	for (int k = 0; k < N_COLUMNS; k++)
		if (se_column_is(s, se_column_names[k]))
			return k;
	return -1;
}

/* Is the row a header: a cell naming 'indicator' and one naming
 * 'rating'? */
static bool se_is_header(struct reader *r, const oaip_table_row *row)
{
	bool ind = false, rat = false;
	for (size_t i = 0; i < row->n_stored && !(ind && rat); i++) {
		size_t c;
		oaip_table_stored(r->t, row, i, &c);
		int k = se_column_of(se_cleaned(r, 0, row, (long)c, true));
		ind |= k == COL_INDICATOR;
		rat |= k == COL_RATING;
	}
	return ind && rat;
}

/* The detail a row names in its first cell ("School", "phase:"), or -1. */
static int se_detail_of(struct reader *r, const oaip_table_row *row)
{
	oaip_buf *b = &r->clean[0];
	se_cleaned(r, 0, row, 0, true);
	if (b->len && b->data[b->len - 1] == ':') {
		b->data[--b->len] = '\0';
		while (b->len && b->data[b->len - 1] == ' ')
			b->data[--b->len] = '\0';
	}
	if (!b->len)
		return -1;
	se_lower_in_place(b->data);
	for (size_t i = 0; i < sizeof detail_names / sizeof detail_names[0];
	     i++)
		if (strcmp(b->data, detail_names[i].name) == 0)
			return (int)detail_names[i].detail;
	return -1;
}

/* A detail's value, cleaned, or "" (borrowed, slot 1). */
const char *se_detail_value(struct reader *r, enum detail k)
{
	if (!r->detail_row[k])
		return "";
	return se_cleaned(r, 1, r->detail_row[k], (long)r->detail_col[k], true);
}

/* Read the rows above the header: details, and anything else skipped with
 * a note.  Sets r->header; false when there is no header row. */
bool se_find_header(struct reader *r)
{
	const oaip_table *t = r->t;
	for (size_t i = 0; i < t->n_rows; i++) {
		const oaip_table_row *row = &t->rows[i];
		if (se_is_header(r, row)) {
			r->header = i;
			return true;
		}
		int k = se_detail_of(r, row);
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

void se_note_skipped_above(struct reader *r)
{
	for (size_t i = 0; i < r->header; i++) {
		const oaip_table_row *row = &r->t->rows[i];
		if (se_detail_of(r, row) >= 0)
			continue;
		oaip_table_diag(r->t, r->d, OAIP_NOTE, row, (size_t)-1,
		                "row skipped: above the header and not a "
		                "detail (School, URN, Phase, Framework, "
		                "Completed by, Date)");
	}
}

/* The header: where each column is; unknown columns are warned about. */
void se_read_header(struct reader *r, const oaip_table_row *row)
{
	for (size_t i = 0; i < row->n_stored; i++) {
		size_t c;
		oaip_table_stored(r->t, row, i, &c);
		const char *s = se_cleaned(r, 0, row, (long)c, true);
		if (!*s)
			continue;
		int k = se_column_of(s);
		if (k >= 0) {
			if (r->col[k] >= 0)
				se_error(
				    r, row, c,
				    "duplicate column '%s' (columns %ld and "
				    "%zu)",
				    se_column_names[k], r->col[k] + 1, c + 1);
			else
				r->col[k] = (long)c;
			continue;
		}
		bool extra = false;
		for (size_t j = 0;
		     j < sizeof template_columns / sizeof template_columns[0];
		     j++)
			extra |= se_column_is(s, template_columns[j]);
		if (extra)
			continue;
		/* The known column it most resembles: one whose name it
		 * holds ("Evidence of impact"), else the nearest by
		 * spelling. */
		char *low = oaip_strdup(s);
		if (low)
			se_lower_in_place(low);
		const char *near = NULL;
		static const char *const words[N_COLUMNS] = {
		    "indicator", "rating", "evidence", "next step"};
		for (int j = 0; low && j < N_COLUMNS && !near; j++)
			if (strstr(low, words[j]))
				near = se_column_names[j];
		if (low && !near)
			near = oaip_suggest(low, se_column_names, N_COLUMNS);
		free(low);
		if (near)
			oaip_table_diag(r->t, r->d, OAIP_WARNING, row, c,
			                "column '%s' ignored: did you mean "
			                "'%s'?",
			                se_quoted(r, s), near);
		else
			oaip_table_diag(r->t, r->d, OAIP_WARNING, row, c,
			                "column '%s' ignored (the columns read "
			                "are indicator, rating, evidence and "
			                "next_steps)",
			                se_quoted(r, s));
	}
}

/* No row has both columns: say what the file is when it is parent
 * carers' survey responses (of the framework given or a built-in one),
 * else what is missing from the first row that is not a detail. */
void se_no_header(struct reader *r, const oaip_framework *given)
{
	const oaip_table *t = r->t;
	const oaip_table_row *row = NULL;
	if (oaip_survey_heading(given, t)) {
		se_error(r, &t->rows[0], (size_t)-1, "%s",
		         OAIP_SURVEY_NOT_A_RETURN);
		return;
	}
	for (size_t i = 0; i < t->n_rows && !row; i++)
		if (se_detail_of(r, &t->rows[i]) < 0)
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
	for (size_t i = 0; i < row->n_stored; i++) {
		size_t c;
		if (strchr(oaip_table_stored(t, row, i, &c), '\t'))
			tab = true;
		const char *s = se_cleaned(r, 0, row, (long)c, true);
		if (!*s)
			continue;
		if (n_names++ < MAX_HEADER_NAMES) {
			if (n_names > 1)
				oaip_buf_puts(&names, ", ");
			oaip_buf_printf(&names, "'%s'", se_quoted(r, s));
		}
		int k = se_column_of(s);
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
		se_error(r, row, (size_t)-1,
		         "missing required column '%s' (the header has %s)%s",
		         se_column_names[k], names.failed ? "?" : names.data,
		         hint);
	}
	oaip_buf_free(&names);
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

static char *se_detail_copy(struct reader *r, enum detail k)
{
	const char *v = se_detail_value(r, k);
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
static void se_excel_date(char **date)
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
void se_read_details(struct reader *r, const char *name)
{
	oaip_selfeval *se = r->se;
	se->school = se_detail_copy(r, DETAIL_SCHOOL);
	if (!se->school && !r->oom)
		se->school = oaip_school_name(name);
	if (!se->school)
		r->oom = true;
	se->urn = se_detail_copy(r, DETAIL_URN);
	se->completed_by = se_detail_copy(r, DETAIL_COMPLETED_BY);
	se->date = se_detail_copy(r, DETAIL_DATE);
	if (r->t->kind == OAIP_TABLE_XLSX)
		se_excel_date(&se->date);
	const char *phase = se_detail_value(r, DETAIL_PHASE);
	if (*phase && !oaip_phase_parse(phase, &se->phase))
		se_error(r, r->detail_row[DETAIL_PHASE],
		         r->detail_col[DETAIL_PHASE],
		         "phase '%s' is not one of %s", se_quoted(r, phase),
		         OAIP_PHASE_CHOICES);
}
