/* selfeval_rating.c - what a rating cell says: a level as number, label
 * or id; a number and a label together ("2 - Established",
 * "Established (2)") when they agree; the spellings of n/a and of "not
 * evaluated"; and, when it is none of these, the message with the label it
 * most resembles. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "selfeval_impl.h"

/* ---- ratings --------------------------------------------------------- */

/* The error values a formula leaves in a cell, lower-cased. */
static const char *const spreadsheet_errors[] = {
    "#n/a",   "#value!", "#ref!",  "#div/0!",       "#name?", "#num!",
    "#null!", "#spill!", "#calc!", "#getting_data", NULL};

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

bool se_parse_rating(struct reader *r, const oaip_table_row *row, oaip_entry *e)
{
	static const char *const na[] = {
	    "n/a", "na",           "n.a.",
	    "n.a", "n / a",        "not applicable",
	    "-",   "\xE2\x80\x93", "\xE2\x80\x94",
	    NULL};
	static const char *const blank[] = {
	    "not evaluated", "not yet evaluated", "not rated", NULL};
	size_t col = (size_t)r->col[COL_RATING];
	const char *s = se_row_rating(r, row);
	if (!*s) {
		e->kind = OAIP_RATING_EMPTY;
		return true;
	}
	/* A lower-case copy, in the reader's second cleaning buffer. */
	oaip_buf *lower = &r->clean[1];
	lower->len = 0;
	oaip_buf_puts(lower, s);
	if (lower->failed) {
		r->oom = true;
		return false;
	}
	const char *low = se_lower_in_place(lower->data);
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
			se_error(
			    r, row, col,
			    "rating '%s' gives two levels: %d is '%s', not "
			    "'%s'; give one of them",
			    se_quoted(r, s), num, a->label, b->label);
		else
			se_error(r, row, col,
			         "rating '%s': %d is not a level ('%s' is %d)",
			         se_quoted(r, s), num, b->label, named);
		ok = false;
	} else if (is_one_of(low, spreadsheet_errors)) {
		se_error(r, row, col,
		         "rating '%s' is a spreadsheet error (a formula in the "
		         "cell failed): choose the rating itself",
		         se_quoted(r, s));
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
			se_error(r, row, col,
			         "rating '%s' is not one of %s, n/a: did you "
			         "mean '%s'?",
			         se_quoted(r, s), r->levels ? r->levels : "?",
			         near);
		else
			se_error(r, row, col,
			         "rating '%s' is not one of %s, n/a",
			         se_quoted(r, s), r->levels ? r->levels : "?");
		free(labels);
		ok = false;
	}
	return ok;
}
