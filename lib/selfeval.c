/* selfeval.c - a self-evaluation return, CSV or workbook, read from its
 * table of cells (table.h): the framework (given, named by a detail, or
 * recognised from the ids) and each row's indicator, rating, evidence and
 * next steps, forgiving what spreadsheet users type; the entry points.
 * The details block and the header are read by selfeval_header.c, rating
 * cells by selfeval_rating.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "selfeval_impl.h"

static void se_verror(struct reader *r, const oaip_table_row *row, size_t col,
                      const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void se_verror(struct reader *r, const oaip_table_row *row, size_t col,
                      const char *fmt, va_list ap)
{
	if (r->stop)
		return;
	/* The rest are counted, told as "and N more" at the end. */
	if (r->errors++ >= OAIP_MAX_MESSAGES) {
		r->more++;
		if (r->errors >= OAIP_MAX_COUNTED)
			r->stop = true;
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
bool se_told(const struct reader *r)
{
	return r->errors < OAIP_MAX_MESSAGES;
}

void se_error(struct reader *r, const oaip_table_row *row, size_t col,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

void se_error(struct reader *r, const oaip_table_row *row, size_t col,
              const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	se_verror(r, row, col, fmt, ap);
	va_end(ap);
}

/* A cell with Unicode spaces made plain and trimmed (runs of spaces and
 * line breaks collapsed to one space when collapse); borrowed from
 * r->clean[slot] until its next use. */
const char *se_cleaned(struct reader *r, int slot, const oaip_table_row *row,
                       long col, bool collapse)
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

char se_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* ASCII lower-case s in place. */
char *se_lower_in_place(char *s)
{
	for (char *p = s; *p; p++)
		*p = se_lower(*p);
	return s;
}

/* School text made fit to quote in a one-line message: control characters
 * shown as '?', cut at QUOTE_MAX bytes (on a character boundary) with
 * "...".  Borrowed: valid until the next call. */
const char *se_quoted(struct reader *r, const char *s)
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

/* ---- rows ------------------------------------------------------------ */

/* A copy of a cell's text (Unicode spaces made plain, trimmed, CRLF and CR
 * made LF), or NULL when the cell is empty or missing. */
static char *text_copy(struct reader *r, const oaip_table_row *row, int k)
{
	if (r->col[k] < 0)
		return NULL;
	const char *s = se_cleaned(r, 0, row, r->col[k], false);
	size_t n = strlen(s);
	if (n == 0)
		return NULL;
	char *t = malloc(n + 1);
	if (!t) {
		r->oom = true;
		return NULL;
	}
	if (!memchr(s, '\r', n)) {
		memcpy(t, s, n + 1);
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

/* Clean the indicator and rating cells of every row below the header once,
 * for all that looks at them (the framework's choice and every row's
 * reading): false when out of memory. */
bool se_clean_rows(struct reader *r)
{
	size_t n = r->t->n_rows - r->header - 1;
	r->row_at = malloc((2 * n + 1) * sizeof *r->row_at);
	if (!r->row_at) {
		r->oom = true;
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const oaip_table_row *row = &r->t->rows[r->header + 1 + i];
		r->row_at[2 * i] = r->rows.len;
		const char *id =
		    se_cleaned(r, 0, row, r->col[COL_INDICATOR], true);
		oaip_buf_putn(&r->rows, id, strlen(id) + 1);
		r->row_at[2 * i + 1] = r->rows.len;
		const char *rating =
		    se_cleaned(r, 0, row, r->col[COL_RATING], true);
		oaip_buf_putn(&r->rows, rating, strlen(rating) + 1);
		if (!r->rows.failed)
			se_lower_in_place(r->rows.data + r->row_at[2 * i]);
	}
	if (r->rows.failed)
		r->oom = true;
	return !r->oom;
}

/* The indicator id of a row below the header, cleaned and lower-cased;
 * borrowed from r. */
const char *se_row_id(const struct reader *r, const oaip_table_row *row)
{
	size_t i = (size_t)(row - r->t->rows) - r->header - 1;
	return r->rows.data + r->row_at[2 * i];
}

/* The rating of a row below the header, cleaned; borrowed from r. */
const char *se_row_rating(const struct reader *r, const oaip_table_row *row)
{
	size_t i = (size_t)(row - r->t->rows) - r->header - 1;
	return r->rows.data + r->row_at[2 * i + 1];
}

/* Rows below the header that are not indicator rows: a section heading,
 * a notes row, a repeated header, a Total row.  Returns the note, or NULL
 * for an indicator row. */
static const char *skip_reason(struct reader *r, const oaip_table_row *row)
{
	const char *id = se_row_id(r, row);
	const char *rating = se_row_rating(r, row);
	if (se_column_is(id, "indicator") && se_column_is(rating, "rating"))
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

/* A row naming an indicator the framework does not have, kept when the
 * caller asked (an earlier version's indicator): its entry, or NULL when
 * out of memory or the id is already kept. */
static oaip_entry *keep_unknown(struct reader *r, const char *id,
                                const oaip_table_row *row)
{
	oaip_selfeval *se = r->se;
	for (size_t k = 0; k < se->n_unknown; k++)
		if (oaip_strcasecmp(se->unknown[k].id, id) == 0) {
			se_error(r, row, (size_t)r->col[COL_INDICATOR],
			         "duplicate indicator '%s' (first on %s %ld)",
			         se->unknown[k].id,
			         r->t->kind == OAIP_TABLE_XLSX ? "row" : "line",
			         se->unknown[k].entry.line);
			return NULL;
		}
	oaip_unknown_row *v =
	    realloc(se->unknown, (se->n_unknown + 1) * sizeof *v);
	if (!v) {
		r->oom = true;
		return NULL;
	}
	se->unknown = v;
	oaip_unknown_row *u = &v[se->n_unknown];
	memset(u, 0, sizeof *u);
	u->id = oaip_strdup(id);
	if (!u->id) {
		r->oom = true;
		return NULL;
	}
	se->n_unknown++;
	u->entry.line = row->line;
	return &u->entry;
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
	const char *id = se_row_id(r, row);
	size_t idcol = (size_t)r->col[COL_INDICATOR];
	oaip_entry *e = NULL;
	if (!*id) {
		se_error(r, row, idcol,
		         "missing indicator: the row has a rating but its "
		         "'indicator' cell is empty");
	} else {
		long i = oaip_framework_find(r->fw, id);
		r->ids++;
		r->known += i >= 0;
		if (i < 0 && r->keep_unknown) {
			e = keep_unknown(r, id, row);
			if (!e)
				return;
		} else if (i < 0) {
			/* The search is only worth it for a message told. */
			const char *near =
			    se_told(r) ? oaip_framework_suggest(r->fw, id)
			               : NULL;
			/* The id as written, for the message. */
			const char *raw =
			    se_cleaned(r, 0, row, r->col[COL_INDICATOR], true);
			if (near)
				se_error(r, row, idcol,
				         "unknown indicator '%s' (did you mean "
				         "'%s'?)",
				         se_quoted(r, raw), near);
			else
				se_error(r, row, idcol,
				         "unknown indicator '%s' (not in "
				         "framework '%s')",
				         se_quoted(r, raw), r->fw->id);
		} else {
			oaip_entry *first = &r->se->entries[i];
			if (first->line)
				se_error(
				    r, row, idcol,
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
	if (!se_parse_rating(r, row, &parsed) || !e || r->errors)
		return; /* nothing more is kept from a file with errors */
	e->kind = parsed.kind;
	e->level = parsed.level;
	if (r->no_texts)
		return;
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
		const char *id = se_row_id(r, row);
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
		char c = se_lower(value[i]);
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
	const char *named = se_detail_value(r, DETAIL_FRAMEWORK);
	const oaip_table_row *drow = r->detail_row[DETAIL_FRAMEWORK];
	size_t dcol = r->detail_col[DETAIL_FRAMEWORK];
	if (given) {
		r->fw = given;
		if (*named &&
		    !names_framework(named, given->id, given->title)) {
			se_error(r, drow, dcol,
			         "the Framework detail says '%s' but the "
			         "framework given is '%s': remove -f, or "
			         "correct the detail",
			         se_quoted(r, named), given->id);
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
			se_error(
			    r, drow, dcol,
			    "the Framework detail names '%s', which is not "
			    "a built-in framework (see 'oaip-eval "
			    "frameworks'): give its XML file with -f",
			    se_quoted(r, named));
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
	for (size_t k = 0; k < se->n_unknown; k++) {
		free(se->unknown[k].id);
		free(se->unknown[k].entry.evidence);
		free(se->unknown[k].entry.next_steps);
	}
	free(se->unknown);
	free(se->file);
	free(se->school);
	free(se->urn);
	free(se->completed_by);
	free(se->date);
	oaip_framework_free(se->own_fw);
	free(se);
}

/* How a table is read. */
enum {
	KEEP_UNKNOWN = 1, /* rows of ids fw does not have kept, not errors */
	NO_TEXTS = 2      /* evidence and next steps left out */
};

static oaip_selfeval *se_from_table(const oaip_framework *fw,
                                    const oaip_table *t, const char *name,
                                    int how, oaip_diags *d);

oaip_selfeval *oaip_selfeval_from_table(const oaip_framework *fw,
                                        const oaip_table *t, const char *name,
                                        oaip_diags *d)
{
	return se_from_table(fw, t, name, 0, d);
}

static oaip_selfeval *se_from_table(const oaip_framework *fw,
                                    const oaip_table *t, const char *name,
                                    int how, oaip_diags *d)
{
	if (!name)
		name = "-";
	struct reader r = {.d = d,
	                   .t = t,
	                   .keep_unknown = how & KEEP_UNKNOWN,
	                   .no_texts = how & NO_TEXTS};
	for (int k = 0; k < N_COLUMNS; k++)
		r.col[k] = -1;
	for (int k = 0; k < 2; k++)
		oaip_buf_init(&r.clean[k]);
	oaip_buf_init(&r.quote);
	oaip_buf_init(&r.rows);
	oaip_selfeval *se = calloc(1, sizeof *se);
	if (!se)
		goto oom;
	r.se = se;
	se->file = oaip_strdup(name);
	se->windows1252 = t->windows1252;
	if (!se->file)
		goto oom;

	if (!se_find_header(&r)) {
		if (!r.oom)
			se_no_header(&r, fw);
		if (!r.errors && !r.oom) {
			se_error(&r, NULL, 0,
			         "no header row: expected a row with the "
			         "columns 'indicator' and 'rating'");
		}
		goto cleanup;
	}
	se_read_details(&r, name);
	if (r.oom || r.errors)
		goto cleanup;
	se_note_skipped_above(&r);
	const oaip_table_row *header = &t->rows[r.header];
	se_read_header(&r, header);
	if (r.oom || r.errors || !se_clean_rows(&r))
		goto cleanup;
	if (!choose_framework(&r, fw))
		goto cleanup;
	se->fw = r.fw;
	se->entries = calloc(r.fw->n_indicators ? r.fw->n_indicators : 1,
	                     sizeof *se->entries);
	if (!se->entries)
		goto oom;

	for (size_t i = r.header + 1; i < t->n_rows && !r.stop; i++)
		read_row(&r, &t->rows[i]);
	if (r.oom)
		goto oom;
	if (r.skipped > MAX_SKIP_NOTES)
		oaip_diags_add(d, OAIP_NOTE, t->file, 0,
		               "%zu more rows skipped (no indicator and no "
		               "rating)",
		               r.skipped - MAX_SKIP_NOTES);
	if (r.ids - r.known > 1 && r.known == 0) {
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
		oaip_diags_more(d, t->file, r.more, r.stop);
	if (r.oom && !r.errors) {
		oaip_diags_add(d, OAIP_ERROR, t->file, 0,
		               "out of memory reading the file");
		r.errors++;
	}
	for (int k = 0; k < 2; k++)
		oaip_buf_free(&r.clean[k]);
	oaip_buf_free(&r.quote);
	oaip_buf_free(&r.rows);
	free(r.row_at);
	free(r.levels);
	if (r.errors) {
		oaip_selfeval_free(se);
		return NULL;
	}
	return se;
}

static oaip_selfeval *read_memory(const oaip_framework *fw, const char *data,
                                  size_t len, const char *name, int how,
                                  oaip_diags *d)
{
	if (!name)
		name = "-";
	oaip_table *t =
	    oaip_table_read_memory(data, len, name, "Self-evaluation", d);
	if (!t)
		return NULL;
	oaip_selfeval *se = se_from_table(fw, t, name, how, d);
	oaip_table_free(t);
	return se;
}

oaip_selfeval *oaip_selfeval_read_memory(const oaip_framework *fw,
                                         const char *data, size_t len,
                                         const char *name, oaip_diags *d)
{
	return read_memory(fw, data, len, name, 0, d);
}

oaip_selfeval *oaip_selfeval_read_ratings(const oaip_framework *fw,
                                          const char *data, size_t len,
                                          const char *name, oaip_diags *d)
{
	return read_memory(fw, data, len, name, NO_TEXTS, d);
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

oaip_selfeval *oaip_selfeval_read_previous(const oaip_framework *fw,
                                           const char *path, oaip_diags *d)
{
	char *data;
	size_t len;
	if (!oaip_read_file(path, &data, &len, d))
		return NULL;
	oaip_selfeval *se = NULL;
	oaip_table *t =
	    oaip_table_read_memory(data, len, path, "Self-evaluation", d);
	free(data);
	if (t) {
		se = se_from_table(fw, t, path, KEEP_UNKNOWN, d);
		oaip_table_free(t);
	}
	return se;
}
