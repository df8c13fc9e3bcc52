/* survey.c - parent carers' answers: the answer scale, what each column
 * of a form's export is, and counting row by row as cells arrive.
 *
 * Privacy is kept by what is never read: after the heading row only the
 * cells of question columns and of the one comments column are looked
 * at.  A name, email, id or time is never copied, counted or printed. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

/* ------------------------------------------------------------------ */
/* The answer scale                                                   */

static const char *const answer_labels[OAIP_N_ANSWERS] = {
    "Strongly disagree", "Disagree", "Agree", "Strongly agree",
    "Don\u2019t know"};
static const char *const answer_keys[OAIP_N_ANSWERS] = {
    "strongly_disagree", "disagree", "agree", "strongly_agree", "dont_know"};

const char *oaip_answer_label(oaip_answer a)
{
	return (unsigned)a < OAIP_N_ANSWERS ? answer_labels[a] : "?";
}

const char *oaip_answer_key(oaip_answer a)
{
	return (unsigned)a < OAIP_N_ANSWERS ? answer_keys[a] : "?";
}

/* The answer's key: ASCII letters lower-cased and kept, ASCII spaces and
 * punctuation, no-break spaces and curly quotes dropped.  Anything else,
 * or a key too long to be an answer, gives false. */
static bool answer_key(const char *s, size_t n, char key[24], size_t *klen)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			if (c >= 'a' && c <= 'z') {
				if (k >= 23)
					return false;
				key[k++] = (char)c;
			} else if (c >= '0' && c <= '9') {
				return false;
			}
			continue;
		}
		/* U+00A0 no-break space; U+2018/U+2019 quotes; U+200B
		 * zero-width space; U+FEFF byte order mark. */
		if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
			i += 1;
		} else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		           (p[i + 2] == 0x98 || p[i + 2] == 0x99 ||
		            p[i + 2] == 0x8B || p[i + 2] == 0xAF)) {
			i += 2;
		} else if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBB &&
		           p[i + 2] == 0xBF) {
			i += 2;
		} else {
			return false;
		}
	}
	key[k] = '\0';
	*klen = k;
	return true;
}

/* Nothing but spaces of any kind. */
static bool blank(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')
			continue;
		if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
			i += 1;
			continue;
		}
		if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x8B || p[i + 2] == 0xAF)) {
			i += 2;
			continue;
		}
		if (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBB &&
		    p[i + 2] == 0xBF) {
			i += 2;
			continue;
		}
		return false;
	}
	return true;
}

int oaip_answer_parse(const char *s, size_t n, oaip_answer *a)
{
	static const struct {
		const char *key;
		oaip_answer a;
	} words[] = {
	    {"stronglyagree", OAIP_ANSWER_STRONGLY_AGREE},
	    {"sa", OAIP_ANSWER_STRONGLY_AGREE},
	    {"agree", OAIP_ANSWER_AGREE},
	    {"a", OAIP_ANSWER_AGREE},
	    {"disagree", OAIP_ANSWER_DISAGREE},
	    {"d", OAIP_ANSWER_DISAGREE},
	    {"stronglydisagree", OAIP_ANSWER_STRONGLY_DISAGREE},
	    {"sd", OAIP_ANSWER_STRONGLY_DISAGREE},
	    {"dontknow", OAIP_ANSWER_DONT_KNOW},
	    {"donotknow", OAIP_ANSWER_DONT_KNOW},
	    {"dk", OAIP_ANSWER_DONT_KNOW},
	};
	if (blank(s, n))
		return 0;
	char key[24];
	size_t k;
	if (!answer_key(s, n, key, &k) || k == 0)
		return -1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].key, key) == 0) {
			*a = words[i].a;
			return 1;
		}
	return -1;
}

/* ------------------------------------------------------------------ */
/* Columns                                                            */

/* Headings that identify a respondent (keys as oaip_match_key makes
 * them), and words that make any heading identifying. */
static const char *const identifying_exact[] = {
    "id",
    "starttime",
    "completiontime",
    "lastmodifiedtime",
    "email",
    "emailaddress",
    "name",
    "timestamp",
    "respondent",
    "respondentid",
    "responseid",
    "date",
    "submittedat",
    "submissiondate",
    "username",
    "ipaddress",
    "time",
    "address",
    "urn",
    "upn",
};
static const char *const identifying_part[] = {
    "email", "name", "phone", "postcode", "address", "timestamp", "dateofbirth",
};

static bool identifying_key(const char *key)
{
	for (size_t i = 0;
	     i < sizeof identifying_exact / sizeof identifying_exact[0]; i++)
		if (strcmp(key, identifying_exact[i]) == 0)
			return true;
	for (size_t i = 0;
	     i < sizeof identifying_part / sizeof identifying_part[0]; i++)
		if (strstr(key, identifying_part[i]))
			return true;
	return false;
}

struct column {
	oaip_survey_column kind;
	long indicator; /* QUESTION */
};

/* Notes are bounded: the first few named, then a count. */
#define MAX_NAMED  20
#define MAX_ERRORS 20

struct oaip_survey_reader {
	oaip_survey *sv;
	oaip_diags *d;
	oaip_survey_options o;
	bool failed; /* an error: finish returns NULL */
	bool oom;
	size_t errors;
	/* Keys a heading may match, per indicator: code, id, ask, text,
	 * code followed by ask. */
	char *(*keys)[5];
	char *comments_key;
	/* Rows */
	size_t n_rows_seen;
	long line;
	const char *sheet; /* NULL for CSV */
	/* Columns */
	struct column *cols;
	size_t n_cols, cap_cols;
	size_t *col_of; /* per indicator: column + 1, 0 when none */
	oaip_buf identifying, other; /* headings, for the notes */
	size_t n_identifying, n_other;
	bool comments_found;
	/* The current row's answers */
	signed char *pending; /* per indicator: -1 or an oaip_answer */
	size_t *touched;
	size_t n_touched;
	char *comment;
	/* Comments */
	size_t cap_comments;
};

static void add_diag(oaip_survey_reader *rd, oaip_severity sev, size_t col,
                     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A message about the current row: "file:LINE: ..." for CSV, "file:
 * Sheet!C7: ..." for a workbook (col = (size_t)-1: the row). */
static void add_diag(oaip_survey_reader *rd, oaip_severity sev, size_t col,
                     const char *fmt, ...)
{
	oaip_buf m;
	oaip_buf_init(&m);
	if (rd->sheet) {
		char letters[16];
		size_t k = 0, c = col == (size_t)-1 ? 0 : col;
		char tmp[16];
		do {
			tmp[k++] = (char)('A' + c % 26);
			c = c / 26;
		} while (c-- > 0 && k < sizeof tmp - 1);
		for (size_t i = 0; i < k; i++)
			letters[i] = tmp[k - 1 - i];
		letters[k] = '\0';
		oaip_buf_printf(&m, "%s!%s%ld: ", rd->sheet, letters, rd->line);
	}
	va_list ap;
	va_start(ap, fmt);
	oaip_buf_vprintf(&m, fmt, ap);
	va_end(ap);
	oaip_diags_add(rd->d, sev, rd->sv->file, rd->sheet ? 0 : rd->line, "%s",
	               m.data ? m.data : "out of memory");
	oaip_buf_free(&m);
}

static char *key_of(const char *s)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_match_key(&b, s, strlen(s));
	return oaip_buf_detach(&b);
}

oaip_survey_reader *oaip_survey_reader_new(const oaip_framework *fw,
                                           const char *file,
                                           const oaip_survey_options *o,
                                           oaip_diags *d)
{
	oaip_survey_reader *rd = calloc(1, sizeof *rd);
	oaip_survey *sv = calloc(1, sizeof *sv);
	size_t n = fw->n_indicators ? fw->n_indicators : 1;
	if (!rd || !sv)
		goto oom;
	rd->sv = sv;
	rd->d = d;
	if (o)
		rd->o = *o;
	sv->fw = fw;
	sv->phase = rd->o.phase;
	sv->file = oaip_strdup(file ? file : "-");
	sv->counts = calloc(n, sizeof *sv->counts);
	sv->asked = calloc(n, sizeof *sv->asked);
	rd->keys = calloc(n, sizeof *rd->keys);
	rd->col_of = calloc(n, sizeof *rd->col_of);
	rd->pending = malloc(n);
	rd->touched = calloc(n, sizeof *rd->touched);
	if (!sv->file || !sv->counts || !sv->asked || !rd->keys ||
	    !rd->col_of || !rd->pending || !rd->touched)
		goto oom;
	memset(rd->pending, -1, n);
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		rd->keys[i][0] = key_of(ind->code);
		rd->keys[i][1] = key_of(ind->id);
		rd->keys[i][2] = ind->ask ? key_of(ind->ask) : NULL;
		rd->keys[i][3] = key_of(ind->text);
		if (!rd->keys[i][0] || !rd->keys[i][1] || !rd->keys[i][3] ||
		    (ind->ask && !rd->keys[i][2]))
			goto oom;
		if (ind->ask) {
			size_t a = strlen(rd->keys[i][0]);
			size_t b = strlen(rd->keys[i][2]);
			rd->keys[i][4] = malloc(a + b + 1);
			if (!rd->keys[i][4])
				goto oom;
			memcpy(rd->keys[i][4], rd->keys[i][0], a);
			memcpy(rd->keys[i][4] + a, rd->keys[i][2], b + 1);
		}
	}
	if (rd->o.comments_column) {
		rd->comments_key = key_of(rd->o.comments_column);
		if (!rd->comments_key)
			goto oom;
	}
	oaip_buf_init(&rd->identifying);
	oaip_buf_init(&rd->other);
	return rd;
oom:
	oaip_diags_add(d, OAIP_ERROR, file, 0, "out of memory reading survey");
	if (rd) {
		rd->failed = true;
		oaip_survey_free(oaip_survey_reader_finish(rd));
	} else {
		oaip_survey_free(sv);
	}
	return NULL;
}

void oaip_survey_reader_begin_row(oaip_survey_reader *rd, long line,
                                  const char *sheet)
{
	rd->line = line;
	rd->sheet = sheet;
	rd->n_touched = 0;
	free(rd->comment);
	rd->comment = NULL;
}

bool oaip_survey_reader_is_heading(const oaip_survey_reader *rd)
{
	return rd->n_rows_seen == 0;
}

void oaip_survey_reader_fail(oaip_survey_reader *rd)
{
	rd->failed = true;
}

oaip_survey_column oaip_survey_reader_column(const oaip_survey_reader *rd,
                                             size_t col)
{
	if (rd->n_rows_seen == 0 || col >= rd->n_cols)
		return OAIP_COLUMN_OTHER;
	return rd->cols[col].kind;
}

/* Which indicator a heading's key names, or -1. */
static long match_question(oaip_survey_reader *rd, const char *key)
{
	const oaip_framework *fw = rd->sv->fw;
	if (!*key)
		return -1;
	for (int k = 0; k < 5; k++)
		for (size_t i = 0; i < fw->n_indicators; i++)
			if (rd->keys[i][k] && strcmp(rd->keys[i][k], key) == 0)
				return (long)i;
	return -1;
}

static void list_heading(oaip_buf *b, size_t *n, const char *s, size_t len)
{
	if (++*n > MAX_NAMED)
		return;
	if (b->len)
		oaip_buf_puts(b, ", ");
	oaip_buf_putc(b, '\'');
	/* Headings are bounded in messages. */
	size_t cut = len > 80 ? 80 : len;
	while (cut < len && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	oaip_buf_putn(b, s, cut);
	if (cut < len)
		oaip_buf_puts(b, "\u2026");
	oaip_buf_putc(b, '\'');
}

static bool heading_cell(oaip_survey_reader *rd, size_t col, const char *s,
                         size_t n)
{
	const oaip_framework *fw = rd->sv->fw;
	if (col >= rd->cap_cols) {
		size_t cap = rd->cap_cols ? rd->cap_cols : 16;
		while (cap <= col)
			cap *= 2;
		if (cap > ((size_t)1 << 20)) {
			add_diag(rd, OAIP_ERROR, col,
			         "too many columns: at most %zu are read",
			         (size_t)1 << 20);
			rd->failed = true;
			return false;
		}
		struct column *c = realloc(rd->cols, cap * sizeof *c);
		if (!c) {
			rd->oom = true;
			return false;
		}
		memset(c + rd->cap_cols, 0, (cap - rd->cap_cols) * sizeof *c);
		rd->cols = c;
		rd->cap_cols = cap;
	}
	if (col + 1 > rd->n_cols)
		rd->n_cols = col + 1;
	struct column *c = &rd->cols[col];
	c->kind = OAIP_COLUMN_OTHER;
	c->indicator = -1;

	oaip_buf k;
	oaip_buf_init(&k);
	oaip_match_key(&k, s, n);
	if (k.failed) {
		oaip_buf_free(&k);
		rd->oom = true;
		return false;
	}
	const char *key = k.data ? k.data : "";
	long ind = match_question(rd, key);
	/* A Google Forms grid: "Question [Row]". */
	size_t end = n;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (ind < 0 && end > 0 && s[end - 1] == ']') {
		size_t open = end - 1;
		while (open > 0 && s[open - 1] != '[')
			open--;
		if (open > 0) {
			oaip_buf g;
			oaip_buf_init(&g);
			oaip_match_key(&g, s + open, end - 1 - open);
			if (g.data)
				ind = match_question(rd, g.data);
			oaip_buf_free(&g);
		}
	}
	if (ind >= 0) {
		const oaip_indicator *q = &fw->indicators[ind];
		if (!oaip_indicator_applies(q, rd->o.phase)) {
			list_heading(&rd->other, &rd->n_other, s, n);
		} else if (rd->col_of[ind]) {
			add_diag(rd, OAIP_ERROR, col,
			         "two columns answer question %s ('%s'): "
			         "column %zu and column %zu",
			         q->code, q->id, rd->col_of[ind], col + 1);
			rd->failed = true;
		} else {
			c->kind = OAIP_COLUMN_QUESTION;
			c->indicator = ind;
			rd->col_of[ind] = col + 1;
			rd->sv->asked[ind] = true;
			rd->sv->n_asked++;
		}
	} else if (rd->comments_key && strcmp(key, rd->comments_key) == 0 &&
	           *key) {
		if (identifying_key(key)) {
			add_diag(rd, OAIP_ERROR, col,
			         "column '%s' identifies parent carers: it "
			         "cannot be the comments column",
			         rd->o.comments_column);
			rd->failed = true;
		} else if (!rd->comments_found) {
			c->kind = OAIP_COLUMN_COMMENTS;
			rd->comments_found = true;
			rd->sv->has_comments_column = true;
		}
	} else if (identifying_key(key)) {
		c->kind = OAIP_COLUMN_IDENTIFYING;
		list_heading(&rd->identifying, &rd->n_identifying, s, n);
	} else if (*key) {
		list_heading(&rd->other, &rd->n_other, s, n);
	}
	oaip_buf_free(&k);
	return !rd->oom;
}

static void heading_end(oaip_survey_reader *rd)
{
	const oaip_framework *fw = rd->sv->fw;
	oaip_survey *sv = rd->sv;
	if (rd->identifying.failed || rd->other.failed)
		rd->oom = true;
	if (rd->n_identifying)
		add_diag(
		    rd, OAIP_NOTE, (size_t)-1,
		    "%zu %s identifying parent carers dropped unread: %s%s",
		    rd->n_identifying,
		    rd->n_identifying == 1 ? "column" : "columns",
		    rd->identifying.data,
		    rd->n_identifying > MAX_NAMED ? " and more" : "");
	if (rd->n_other)
		add_diag(rd, OAIP_NOTE, (size_t)-1,
		         "%zu %s ignored (not a question of framework '%s'%s): "
		         "%s%s",
		         rd->n_other, rd->n_other == 1 ? "column" : "columns",
		         fw->id, rd->o.phase ? " in this phase" : "",
		         rd->other.data,
		         rd->n_other > MAX_NAMED ? " and more" : "");
	if (rd->o.comments_column && !rd->comments_found && !rd->failed) {
		add_diag(rd, OAIP_ERROR, (size_t)-1,
		         "no column '%s' for --comments",
		         rd->o.comments_column);
		rd->failed = true;
	}
	if (sv->n_asked == 0 && !rd->failed) {
		const oaip_indicator *q =
		    fw->n_indicators ? &fw->indicators[0] : NULL;
		add_diag(rd, OAIP_ERROR, (size_t)-1,
		         "no column is a question of framework '%s': expected "
		         "headings such as '%s', '%s'%s%s%s in the first row",
		         fw->id, q ? q->code : "W1", q ? q->id : "?",
		         q && q->ask ? " or '" : "", q && q->ask ? q->ask : "",
		         q && q->ask ? "'" : "");
		rd->failed = true;
	}
}

static void error_limit(oaip_survey_reader *rd)
{
	if (++rd->errors >= MAX_ERRORS) {
		oaip_diags_add(rd->d, OAIP_ERROR, rd->sv->file, 0,
		               "too many problems: only the first %d are shown",
		               MAX_ERRORS);
	}
	rd->failed = true;
}

bool oaip_survey_reader_cell(oaip_survey_reader *rd, size_t col, const char *s,
                             size_t n)
{
	if (rd->oom || rd->errors >= MAX_ERRORS)
		return false;
	if (rd->n_rows_seen == 0)
		return heading_cell(rd, col, s, n);
	if (col >= rd->n_cols)
		return true;
	const struct column *c = &rd->cols[col];
	if (c->kind == OAIP_COLUMN_QUESTION) {
		oaip_answer a;
		int got = oaip_answer_parse(s, n, &a);
		if (got > 0) {
			rd->pending[c->indicator] = (signed char)a;
			rd->touched[rd->n_touched++] = (size_t)c->indicator;
		} else if (got < 0) {
			const oaip_indicator *q =
			    &rd->sv->fw->indicators[c->indicator];
			size_t cut = n > 40 ? 40 : n;
			while (cut < n && cut > 0 &&
			       ((unsigned char)s[cut] & 0xC0) == 0x80)
				cut--;
			add_diag(
			    rd, OAIP_ERROR, col,
			    "answer '%.*s%s' to question %s is not one of "
			    "Strongly agree, Agree, Disagree, Strongly "
			    "disagree, Don\u2019t know (or SA, A, D, SD, DK)",
			    (int)cut, s, cut < n ? "\u2026" : "", q->code);
			error_limit(rd);
		}
	} else if (c->kind == OAIP_COLUMN_COMMENTS) {
		while (n > 0 &&
		       (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
			s++;
			n--;
		}
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		                 s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		if (n > 0 && !blank(s, n)) {
			free(rd->comment);
			rd->comment = oaip_strndup(s, n);
			if (!rd->comment)
				rd->oom = true;
		}
	}
	return !rd->oom && rd->errors < MAX_ERRORS;
}

bool oaip_survey_reader_end_row(oaip_survey_reader *rd)
{
	oaip_survey *sv = rd->sv;
	const oaip_framework *fw = sv->fw;
	if (rd->oom)
		return false;
	if (rd->n_rows_seen++ == 0) {
		heading_end(rd);
		return !rd->oom && !rd->failed;
	}
	sv->rows++;
	unsigned cs = 0;
	for (size_t i = 0; i < rd->n_touched; i++) {
		size_t ind = rd->touched[i];
		signed char a = rd->pending[ind];
		if (a < 0)
			continue;
		sv->counts[ind][a]++;
		cs |= 1u << fw->indicators[ind].cornerstone;
		rd->pending[ind] = -1;
	}
	rd->n_touched = 0;
	if (cs) {
		sv->respondents++;
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
			if (cs & (1u << c))
				sv->cs_respondents[c]++;
	}
	if (rd->comment) {
		if (sv->n_comments == rd->cap_comments) {
			size_t cap =
			    rd->cap_comments ? rd->cap_comments * 2 : 16;
			char **p = realloc(sv->comments, cap * sizeof *p);
			if (!p) {
				rd->oom = true;
				return false;
			}
			sv->comments = p;
			rd->cap_comments = cap;
		}
		sv->comments[sv->n_comments++] = rd->comment;
		rd->comment = NULL;
	}
	return !rd->oom && rd->errors < MAX_ERRORS;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

oaip_survey *oaip_survey_reader_finish(oaip_survey_reader *rd)
{
	if (!rd)
		return NULL;
	oaip_survey *sv = rd->sv;
	const oaip_framework *fw = sv ? sv->fw : NULL;
	if (sv && rd->n_rows_seen == 0 && !rd->failed && !rd->oom) {
		oaip_diags_add(rd->d, OAIP_ERROR, sv->file, 0,
		               "the file is empty: expected a heading row and "
		               "one row per parent carer");
		rd->failed = true;
	}
	if (rd->oom)
		oaip_diags_add(rd->d, OAIP_ERROR, sv ? sv->file : NULL, 0,
		               "out of memory reading survey");
	for (size_t i = 0; fw && rd->keys && i < fw->n_indicators; i++)
		for (int k = 0; k < 5; k++)
			free(rd->keys[i][k]);
	free(rd->keys);
	free(rd->comments_key);
	free(rd->cols);
	free(rd->col_of);
	free(rd->pending);
	free(rd->touched);
	free(rd->comment);
	oaip_buf_free(&rd->identifying);
	oaip_buf_free(&rd->other);
	bool bad = rd->failed || rd->oom;
	free(rd);
	if (bad) {
		oaip_survey_free(sv);
		return NULL;
	}
	if (sv->n_comments > 1)
		qsort(sv->comments, sv->n_comments, sizeof *sv->comments,
		      by_text);
	return sv;
}

void oaip_survey_free(oaip_survey *sv)
{
	if (!sv)
		return;
	free(sv->file);
	free(sv->counts);
	free(sv->asked);
	for (size_t i = 0; i < sv->n_comments; i++)
		free(sv->comments[i]);
	free(sv->comments);
	free(sv);
}
