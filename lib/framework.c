/* framework.c - the in-memory framework model: scale, lookup by id,
 * suggestions for mistyped ids. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "framework_impl.h"

/* ------------------------------------------------------------------ */
/* Freeing                                                            */

struct oaip_index {
	oaip_strmap ids; /* indicator id (any case) -> its index */
};

static void free_examples(oaip_example *ex, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ex[i].text);
		free(ex[i].by);
	}
	free(ex);
}

void oaip_scale_clear(oaip_scale *s)
{
	for (size_t i = 0; i < s->n_levels; i++) {
		free(s->levels[i].id);
		free(s->levels[i].label);
		free(s->levels[i].description);
	}
	free(s->levels);
	s->levels = NULL;
	s->n_levels = 0;
	s->target = 0;
}

void oaip_framework_free(oaip_framework *fw)
{
	if (!fw)
		return;
	free(fw->id);
	free(fw->title);
	free(fw->publisher);
	free(fw->section);
	free(fw->url);
	free(fw->version);
	free(fw->attribution);
	free(fw->ask_attribution);
	free(fw->source_name);
	oaip_scale_clear(&fw->scale);
	for (size_t i = 0; i < fw->n_strands; i++) {
		free(fw->strands[i].id);
		free(fw->strands[i].title);
		free(fw->strands[i].description);
	}
	free(fw->strands);
	for (size_t i = 0; i < fw->n_expectations; i++) {
		oaip_expectation *e = &fw->expectations[i];
		free(e->id);
		free(e->title);
		free(e->statement);
		for (size_t k = 0; k < e->n_notes; k++)
			free(e->notes[k]);
		free(e->notes);
		free_examples(e->examples, e->n_examples);
	}
	free(fw->expectations);
	for (size_t i = 0; i < fw->n_indicators; i++) {
		free(fw->indicators[i].id);
		free(fw->indicators[i].text);
		free(fw->indicators[i].ask);
		free_examples(fw->indicators[i].examples,
		              fw->indicators[i].n_examples);
	}
	free(fw->indicators);
	if (fw->index) {
		oaip_strmap_free(&fw->index->ids);
		free(fw->index);
	}
	free(fw);
}

/* ------------------------------------------------------------------ */
/* Lookup by id                                                       */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

bool oaip_framework_index_build(oaip_framework *fw)
{
	if (fw->index) {
		oaip_strmap_free(&fw->index->ids);
		free(fw->index);
		fw->index = NULL;
	}
	struct oaip_index *ix = malloc(sizeof *ix);
	if (!ix)
		return false;
	oaip_strmap_init(&ix->ids, true);
	/* The first of two equal ids is kept (the loader refuses
	 * duplicates anyway). */
	for (size_t i = 0; i < fw->n_indicators; i++)
		if (!oaip_strmap_put(&ix->ids, fw->indicators[i].id, (long)i,
		                     NULL)) {
			oaip_strmap_free(&ix->ids);
			free(ix);
			return false;
		}
	fw->index = ix;
	return true;
}

long oaip_framework_find(const oaip_framework *fw, const char *id)
{
	if (!fw || !id)
		return -1;
	if (!fw->index) {
		for (size_t i = 0; i < fw->n_indicators; i++)
			if (oaip_strcasecmp(fw->indicators[i].id, id) == 0)
				return (long)i;
		return -1;
	}
	return oaip_strmap_get(&fw->index->ids, id);
}

/* ------------------------------------------------------------------ */
/* Suggestions                                                        */

/* Ids longer than this are not compared: no real id comes near it, and
 * it bounds the work on a hostile CSV. */
#define SUGGEST_MAX_LEN 128

/* Work allowed for one suggestion, in cells of the distance table: far
 * more than any real framework needs (a hundred ids of a dozen letters
 * take a few thousand), and it bounds the time a hostile framework and
 * return can take (30,000 long ids) to a few milliseconds per id. */
#define SUGGEST_BUDGET ((size_t)1 << 21)

/* Optimal string alignment distance (Levenshtein plus swaps of two
 * neighbouring characters), ignoring ASCII case; any value above limit
 * is reported as limit + 1, as soon as every cell of a row is above it.
 * *cells is charged with the cells computed. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb,
                            size_t limit, size_t *cells)
{
	size_t rows[3][SUGGEST_MAX_LEN + 1];
	size_t *pp = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = i;
		size_t row_min = cur[0];
		for (size_t j = 1; j <= nb; j++) {
			int ca = lower((unsigned char)a[i - 1]);
			int cb = lower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;
			size_t v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 &&
			    ca == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == cb &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < row_min)
				row_min = v;
		}
		*cells += nb;
		/* Distances never shrink from one row to the next (but for a
		 * swap, which looks back one more row: keep two rows above
		 * the limit before giving up). */
		if (row_min > limit + 1)
			return limit + 1;
		size_t *t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[nb] > limit ? limit + 1 : prev[nb];
}

/* The name closest to word among n items (name(items, i) gives each; a
 * NULL name is skipped): at most one edit in three characters of the
 * longer, at least one edit allowed, the first of equals; NULL if none is
 * that close or the budget ran out first. */
static const char *closest(const char *word, const void *items, size_t n,
                           const char *(*name)(const void *, size_t))
{
	if (!word)
		return NULL;
	size_t na = strlen(word);
	if (na == 0 || na > SUGGEST_MAX_LEN)
		return NULL;
	const char *best = NULL;
	size_t best_d = SIZE_MAX, cells = 0;
	for (size_t i = 0; i < n && cells < SUGGEST_BUDGET && best_d; i++) {
		const char *c = name(items, i);
		if (!c)
			continue;
		size_t nb = strlen(c);
		if (nb > SUGGEST_MAX_LEN)
			continue;
		size_t longer = na > nb ? na : nb;
		size_t limit = longer / 3 ? longer / 3 : 1;
		if (best && best_d - 1 < limit)
			limit = best_d - 1; /* only a closer one matters */
		/* The lengths alone may rule it out. */
		if ((na > nb ? na - nb : nb - na) > limit)
			continue;
		size_t d = edit_distance(word, na, c, nb, limit, &cells);
		if (d <= limit && d < best_d) {
			best = c;
			best_d = d;
		}
	}
	return best;
}

static const char *indicator_id(const void *items, size_t i)
{
	return ((const oaip_indicator *)items)[i].id;
}

static const char *string_at(const void *items, size_t i)
{
	return ((const char *const *)items)[i];
}

const char *oaip_framework_name(const oaip_framework *fw)
{
	return fw->title ? fw->title : fw->id;
}

const char *oaip_framework_suggest(const oaip_framework *fw, const char *id)
{
	if (!fw)
		return NULL;
	return closest(id, fw->indicators, fw->n_indicators, indicator_id);
}

const char *oaip_suggest(const char *word, const char *const *names, size_t n)
{
	return closest(word, names, n, string_at);
}

bool oaip_indicator_applies(const oaip_indicator *ind, unsigned phase)
{
	return phase == 0 || ind->phases == 0 || (ind->phases & phase) != 0;
}

/* ------------------------------------------------------------------ */
/* Scale                                                              */

bool oaip_scale_init_default(oaip_scale *s)
{
	static const struct {
		int value;
		const char *id, *label;
	} def[] = {
	    {0, "not-yet", "Not yet"},
	    {1, "emerging", "Emerging"},
	    {2, "established", "Established"},
	    {3, "embedded", "Embedded"},
	};
	size_t n = sizeof def / sizeof def[0];
	s->levels = calloc(n, sizeof *s->levels);
	s->n_levels = 0;
	s->target = 2;
	if (!s->levels)
		return false;
	for (size_t i = 0; i < n; i++) {
		oaip_level *l = &s->levels[i];
		l->value = def[i].value;
		l->id = oaip_strdup(def[i].id);
		l->label = oaip_strdup(def[i].label);
		l->description = NULL;
		s->n_levels++;
		if (!l->id || !l->label) {
			oaip_scale_clear(s);
			return false;
		}
	}
	return true;
}

const oaip_level *oaip_scale_level(const oaip_scale *s, int value)
{
	for (size_t i = 0; i < s->n_levels; i++)
		if (s->levels[i].value == value)
			return &s->levels[i];
	return NULL;
}

int oaip_scale_max(const oaip_scale *s)
{
	return s->n_levels ? s->levels[s->n_levels - 1].value : 0;
}

static bool is_sep(int c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '_';
}

/* The next character of a name in canonical form: lower case, a run of
 * separators as one '-', none at either end; 0 at the end. */
static int next_canon(const char **pp)
{
	const char *p = *pp;
	int c;
	if (is_sep((unsigned char)*p)) {
		while (is_sep((unsigned char)*p))
			p++;
		c = *p ? '-' : 0;
	} else {
		c = lower((unsigned char)*p);
		if (*p)
			p++;
	}
	*pp = p;
	return c;
}

bool oaip_level_name_eq(const char *a, const char *b)
{
	while (is_sep((unsigned char)*a))
		a++;
	while (is_sep((unsigned char)*b))
		b++;
	for (;;) {
		int ca = next_canon(&a), cb = next_canon(&b);
		if (ca != cb)
			return false;
		if (!ca)
			return true;
	}
}

static bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

bool oaip_scale_parse_level(const oaip_scale *s, const char *text, int *value)
{
	if (!s || !text)
		return false;
	const char *p = text;
	while (is_space((unsigned char)*p))
		p++;
	size_t n = strlen(p);
	while (n && is_space((unsigned char)p[n - 1]))
		n--;
	if (n == 0)
		return false;

	/* A number: digits only (with an optional '+'), no exponent or
	 * fraction. */
	size_t i = (p[0] == '+') ? 1 : 0;
	if (i < n) {
		size_t k = i;
		long v = 0;
		while (k < n && p[k] >= '0' && p[k] <= '9') {
			if (v < 1000000)
				v = v * 10 + (p[k] - '0');
			k++;
		}
		if (k == n) {
			const oaip_level *l =
			    v <= INT_MAX ? oaip_scale_level(s, (int)v) : NULL;
			if (!l)
				return false;
			*value = l->value;
			return true;
		}
	}

	char *t = oaip_strndup(p, n);
	if (!t)
		return false;
	bool found = false;
	for (size_t k = 0; k < s->n_levels && !found; k++) {
		const oaip_level *l = &s->levels[k];
		if (oaip_level_name_eq(t, l->id) ||
		    oaip_level_name_eq(t, l->label)) {
			*value = l->value;
			found = true;
		}
	}
	free(t);
	return found;
}

char *oaip_scale_describe(const oaip_scale *s)
{
	oaip_buf b;
	oaip_buf_init(&b);
	if (s->n_levels == 0)
		return oaip_buf_detach(&b);
	bool contiguous = true;
	for (size_t i = 1; i < s->n_levels; i++)
		if (s->levels[i].value != s->levels[i - 1].value + 1)
			contiguous = false;
	if (s->n_levels == 1)
		oaip_buf_printf(&b, "%d", s->levels[0].value);
	else if (contiguous)
		oaip_buf_printf(&b, "%d-%d", s->levels[0].value,
		                s->levels[s->n_levels - 1].value);
	else
		for (size_t i = 0; i < s->n_levels; i++)
			oaip_buf_printf(&b, "%s%d", i ? ", " : "",
			                s->levels[i].value);
	for (size_t i = 0; i < s->n_levels; i++) {
		oaip_buf_puts(&b, ", ");
		for (const char *c = s->levels[i].label; *c; c++)
			oaip_buf_putc(&b, (char)lower((unsigned char)*c));
	}
	return oaip_buf_detach(&b);
}
