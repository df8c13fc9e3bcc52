/* area.c - the adviser's view of a comparison: schools in natural order
 * by name, each school counted once, the schools most in need of support
 * and whom to invite to each training, the files skipped, and the area
 * over time (a previous comparison matched school by school).
 *
 * Pure: no I/O.  compare.c reads and scores; this file decides. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare_impl.h"

/* ---- natural order ------------------------------------------------------- */

static int lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

static bool digit(unsigned char ch)
{
	return ch >= '0' && ch <= '9';
}

int oaip_natural_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	while (*p && *q) {
		if (digit(*p) && digit(*q)) {
			/* Two numbers: by value, so without leading zeros the
			 * longer is larger, else the first differing digit. */
			while (*p == '0' && digit(p[1]))
				p++;
			while (*q == '0' && digit(q[1]))
				q++;
			size_t np = 0, nq = 0;
			while (digit(p[np]))
				np++;
			while (digit(q[nq]))
				nq++;
			if (np != nq)
				return np < nq ? -1 : 1;
			int d = memcmp(p, q, np);
			if (d)
				return d < 0 ? -1 : 1;
			p += np;
			q += nq;
			continue;
		}
		int x = lower(*p), y = lower(*q);
		if (x != y)
			return x < y ? -1 : 1;
		p++;
		q++;
	}
	return (*p != 0) - (*q != 0);
}

static int cmp_school(const void *a, const void *b)
{
	const oaip_school *x = a, *y = b;
	int d = oaip_natural_cmp(x->school, y->school);
	if (!d)
		d = oaip_natural_cmp(x->file, y->file);
	if (!d)
		d = strcmp(x->file, y->file);
	return d;
}

void oaip_area_sort(oaip_comparison *c)
{
	if (c->n > 1)
		qsort(c->schools, c->n, sizeof *c->schools, cmp_school);
}

/* ---- duplicates ------------------------------------------------------------
 */

/* A name or URN as compared: ASCII case aside, runs of spaces as one,
 * none at either end.  Appended to out. */
static void norm(oaip_buf *out, const char *s)
{
	bool space = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space)
			oaip_buf_putc(out, ' ');
		space = false;
		oaip_buf_putc(out, (char)lower(*p));
	}
	oaip_buf_putc(out, '\0');
}

/* Keys of schools for grouping: key[i] is the normalised key of
 * schools idx[i], or NULL when the school has none. */
struct keyed {
	const char *key;
	size_t school;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int d = strcmp(x->key, y->key);
	if (d)
		return d;
	return (x->school > y->school) - (x->school < y->school);
}

/* The school of a group that is counted: the most recently changed file
 * (a later version of the same return), the first in report order when
 * they were changed at the same time. */
static size_t keeper(const oaip_comparison *c, const struct keyed *g, size_t n)
{
	size_t best = g[0].school;
	for (size_t i = 1; i < n; i++)
		if (c->schools[g[i].school].mtime > c->schools[best].mtime)
			best = g[i].school;
	return best;
}

/* Group the counted schools by the key `which` gives (0 URN, 1 name) and
 * mark all but one of each group as duplicates of kind. */
static void group_by(oaip_comparison *c, int which, oaip_duplicate kind)
{
	struct keyed *k = malloc((c->n ? c->n : 1) * sizeof *k);
	oaip_buf keys;
	oaip_buf_init(&keys);
	size_t *at = malloc((c->n ? c->n : 1) * sizeof *at);
	size_t m = 0;
	if (!k || !at)
		goto cleanup;
	for (size_t i = 0; i < c->n; i++) {
		const oaip_school *s = &c->schools[i];
		const char *text = which == 0 ? s->urn : s->school;
		if (!s->counted || !text)
			continue;
		at[m] = keys.len;
		norm(&keys, text);
		if (keys.data[at[m]] == '\0')
			continue; /* an empty key matches nothing */
		k[m++].school = i;
	}
	if (keys.failed)
		goto cleanup;
	for (size_t i = 0; i < m; i++)
		k[i].key = keys.data + at[i];
	qsort(k, m, sizeof *k, cmp_keyed);
	for (size_t i = 0; i < m;) {
		size_t j = i + 1;
		while (j < m && strcmp(k[i].key, k[j].key) == 0)
			j++;
		if (j - i > 1) {
			size_t keep = keeper(c, k + i, j - i);
			for (size_t g = i; g < j; g++) {
				oaip_school *s = &c->schools[k[g].school];
				if (k[g].school == keep)
					continue;
				s->counted = false;
				s->duplicate = kind;
				s->duplicate_of = keep;
			}
		}
		i = j;
	}
cleanup:
	oaip_buf_free(&keys);
	free(k);
	free(at);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int cmp_content(const void *a, const void *b)
{
	const oaip_school *const *x = a, *const *y = b;
	if ((*x)->size != (*y)->size)
		return (*x)->size < (*y)->size ? -1 : 1;
	if ((*x)->digest != (*y)->digest)
		return (*x)->digest < (*y)->digest ? -1 : 1;
	return (*x < *y) ? -1 : (*x > *y);
}

void oaip_area_duplicates(oaip_comparison *c)
{
	c->n_duplicates = 0;
	for (size_t i = 0; i < c->n; i++) {
		oaip_school *s = &c->schools[i];
		s->counted = s->readable;
		s->duplicate = OAIP_DUPLICATE_NONE;
		s->duplicate_of = SIZE_MAX;
	}
	/* Identical files first: the copy with the shortest file name
	 * counts ("Ash.csv", not "Copy of Ash.csv" or "Ash FINAL v2.csv"),
	 * the first in report order of those as short. */
	oaip_school **v = malloc((c->n ? c->n : 1) * sizeof *v);
	if (v) {
		size_t m = 0;
		for (size_t i = 0; i < c->n; i++)
			if (c->schools[i].counted && c->schools[i].digest)
				v[m++] = &c->schools[i];
		qsort(v, m, sizeof *v, cmp_content);
		for (size_t i = 0; i < m;) {
			size_t j = i + 1;
			while (j < m && v[j]->size == v[i]->size &&
			       v[j]->digest == v[i]->digest)
				j++;
			size_t keep = i;
			for (size_t g = i + 1; g < j; g++) {
				size_t a = strlen(base_name(v[g]->file));
				size_t b = strlen(base_name(v[keep]->file));
				if (a < b || (a == b && v[g] < v[keep]))
					keep = g;
			}
			for (size_t g = i; g < j; g++) {
				oaip_school *s = v[g];
				if (g == keep)
					continue;
				s->counted = false;
				s->duplicate = OAIP_DUPLICATE_CONTENT;
				s->duplicate_of =
				    (size_t)(v[keep] - c->schools);
			}
			i = j;
		}
		free(v);
	}
	group_by(c, 0, OAIP_DUPLICATE_URN);
	group_by(c, 1, OAIP_DUPLICATE_NAME);
	for (size_t i = 0; i < c->n; i++)
		if (c->schools[i].duplicate != OAIP_DUPLICATE_NONE)
			c->n_duplicates++;
}

/* ---- support --------------------------------------------------------------
 */

/* The lowest cornerstone score of s, -1 when it has none. */
static int lowest_cornerstone(const oaip_school *s)
{
	int low = -1;
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++)
		if (s->cs[k].has_score &&
		    (low < 0 || s->cs[k].score < s->cs[low].score))
			low = k;
	return low;
}

static bool in_need(const oaip_school *s)
{
	return s->counted && (s->gaps > 0 || s->low_coverage);
}

static const oaip_school *sort_schools; /* qsort has no user data */

static int cmp_need(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const oaip_school *x = &sort_schools[i], *y = &sort_schools[j];
	if (x->gaps != y->gaps)
		return x->gaps > y->gaps ? -1 : 1;
	int lx = lowest_cornerstone(x), ly = lowest_cornerstone(y);
	double sx = lx < 0 ? 101 : oaip_score_round(x->cs[lx].score);
	double sy = ly < 0 ? 101 : oaip_score_round(y->cs[ly].score);
	if (sx != sy)
		return sx < sy ? -1 : 1;
	/* the smaller share rated first: rx/tx < ry/ty without division */
	size_t l = x->rated * (y->total ? y->total : 1);
	size_t r = y->rated * (x->total ? x->total : 1);
	if (l != r)
		return l < r ? -1 : 1;
	return (i > j) - (i < j);
}

bool oaip_area_support(oaip_comparison *c)
{
	free(c->support);
	free(c->invite);
	c->support = NULL;
	c->invite = NULL;
	c->n_support = c->n_need = 0;
	memset(c->invite_at, 0, sizeof c->invite_at);

	size_t total = 0;
	for (size_t k = 0; k < c->n_priorities; k++)
		total += c->priorities[k].below;
	size_t *need = malloc((c->n ? c->n : 1) * sizeof *need);
	c->invite = malloc((total ? total : 1) * sizeof *c->invite);
	if (!need || !c->invite) {
		free(need);
		free(c->invite);
		c->invite = NULL;
		return false;
	}
	for (size_t i = 0; i < c->n; i++)
		if (in_need(&c->schools[i]))
			need[c->n_need++] = i;
	sort_schools = c->schools;
	qsort(need, c->n_need, sizeof *need, cmp_need);
	sort_schools = NULL;
	c->support = need;
	c->n_support =
	    c->n_need < OAIP_COMPARE_SUPPORT ? c->n_need : OAIP_COMPARE_SUPPORT;

	size_t m = 0;
	for (size_t k = 0; k < c->n_priorities; k++) {
		size_t ind = c->priorities[k].indicator;
		c->invite_at[k] = m;
		for (size_t i = 0; i < c->n && m < total; i++) {
			const oaip_school *s = &c->schools[i];
			if (s->counted && s->cells[ind] >= 0 &&
			    s->cells[ind] < c->target)
				c->invite[m++] = i;
		}
	}
	c->invite_at[c->n_priorities] = m;
	return true;
}

size_t oaip_comparison_support(const oaip_comparison *c, const size_t **out,
                               size_t *n_need)
{
	*out = c->support;
	if (n_need)
		*n_need = c->n_need;
	return c->support ? c->n_support : 0;
}

size_t oaip_comparison_invites(const oaip_comparison *c, size_t k,
                               const size_t **out)
{
	*out = NULL;
	if (k >= c->n_priorities || !c->invite)
		return 0;
	*out = c->invite + c->invite_at[k];
	return c->invite_at[k + 1] - c->invite_at[k];
}

void oaip_comparison_support_reasons(const oaip_comparison *c,
                                     const oaip_school *s, oaip_buf *out)
{
	const char *sep = "";
	if (s->gaps) {
		oaip_buf_printf(out, "%zu %s below the target", s->gaps,
		                s->gaps == 1 ? "indicator" : "indicators");
		sep = "; ";
	}
	int low = lowest_cornerstone(s);
	if (low >= 0) {
		oaip_buf_printf(
		    out, "%slowest: %s %.1f (%s)", sep,
		    oaip_cornerstone_title(low),
		    oaip_score_round(s->cs[low].score),
		    oaip_band(&s->cs[low], &c->fw->scale, c->target));
		sep = "; ";
	}
	if (s->low_coverage)
		oaip_buf_printf(out, "%sonly %zu of %zu indicators rated", sep,
		                s->rated, s->total);
}

/* ---- counted, duplicates, skipped ---------------------------------------- */

size_t oaip_comparison_counted(const oaip_comparison *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->schools[i].counted;
	return n;
}

size_t oaip_comparison_duplicates(const oaip_comparison *c)
{
	return c->n_duplicates;
}

void oaip_comparison_duplicate_text(const oaip_comparison *c,
                                    const oaip_school *s, oaip_buf *out)
{
	if (s->duplicate == OAIP_DUPLICATE_NONE || s->duplicate_of >= c->n)
		return;
	const oaip_school *k = &c->schools[s->duplicate_of];
	oaip_buf_printf(out, "'%s' is the same school as '%s' (", s->file,
	                k->file);
	switch (s->duplicate) {
	case OAIP_DUPLICATE_CONTENT:
		oaip_buf_puts(out, "identical files");
		break;
	case OAIP_DUPLICATE_URN:
		oaip_buf_printf(out, "the same URN, %s", k->urn ? k->urn : "");
		break;
	case OAIP_DUPLICATE_NAME:
		oaip_buf_printf(out, "the same name, %s", k->school);
		break;
	case OAIP_DUPLICATE_NONE:
		break;
	}
	oaip_buf_printf(out, "): counted once, as '%s'%s", k->file,
	                k->mtime > s->mtime ? ", the file changed last" : "");
}

void oaip_comparison_set_folder(oaip_comparison *c, bool folder)
{
	c->folder = folder;
}

bool oaip_comparison_add_skipped(oaip_comparison *c, const char *file,
                                 const char *reason)
{
	if (c->n_skipped == c->cap_skipped) {
		size_t cap = c->cap_skipped ? c->cap_skipped * 2 : 8;
		oaip_skipped *p = realloc(c->skipped, cap * sizeof *p);
		if (!p)
			return false;
		c->skipped = p;
		c->cap_skipped = cap;
	}
	oaip_skipped *k = &c->skipped[c->n_skipped];
	k->file = oaip_strdup(file);
	k->reason = oaip_strdup(reason);
	if (!k->file || !k->reason) {
		free(k->file);
		free(k->reason);
		return false;
	}
	c->n_skipped++;
	return true;
}

size_t oaip_comparison_skipped(const oaip_comparison *c,
                               const oaip_skipped **out)
{
	*out = c->skipped;
	return c->n_skipped;
}

bool oaip_is_own_output(const char *data, size_t len)
{
	static const char *const heads[] = {OAIP_AREA_CSV_HEAD,
	                                    OAIP_AREA_CSV_HEAD_OLD,
	                                    OAIP_AREA_LONG_CSV_HEAD};
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		size_t n = strlen(heads[i]);
		if (len >= n && memcmp(data, heads[i], n) == 0)
			return true;
	}
	return oaip_xlsx_is_area_workbook(data, len);
}

/* ---- the area over time ----------------------------------------------------
 */

oaip_change oaip_change_of(bool has_then, double then, bool has_now, double now)
{
	oaip_change ch = {0};
	if (!has_then || !has_now)
		return ch;
	ch.has = true;
	ch.then = oaip_score_round(then);
	ch.now = oaip_score_round(now);
	/* Tenths as whole numbers, so 0.1 steps stay exact. */
	long long t = (long long)(ch.then * 10 + (ch.then < 0 ? -0.5 : 0.5));
	long long n = (long long)(ch.now * 10 + (ch.now < 0 ? -0.5 : 0.5));
	ch.change = (double)(n - t) / 10.0;
	return ch;
}

/* The earlier schools keyed three ways, for matching. */
struct index {
	struct keyed *k;
	size_t n;
	oaip_buf keys;
};

static bool index_build(struct index *x, const oaip_comparison *p, int which)
{
	memset(x, 0, sizeof *x);
	oaip_buf_init(&x->keys);
	x->k = malloc((p->n ? p->n : 1) * sizeof *x->k);
	size_t *at = malloc((p->n ? p->n : 1) * sizeof *at);
	if (!x->k || !at) {
		free(at);
		return false;
	}
	for (size_t i = 0; i < p->n; i++) {
		const oaip_school *s = &p->schools[i];
		const char *text = which == 0   ? s->urn
		                   : which == 1 ? s->school
		                                : base_name(s->file);
		if (!s->counted || !text)
			continue;
		at[x->n] = x->keys.len;
		norm(&x->keys, text);
		if (x->keys.data[at[x->n]] == '\0')
			continue;
		x->k[x->n++].school = i;
	}
	bool ok = !x->keys.failed;
	if (ok) {
		for (size_t i = 0; i < x->n; i++)
			x->k[i].key = x->keys.data + at[i];
		qsort(x->k, x->n, sizeof *x->k, cmp_keyed);
	}
	free(at);
	return ok;
}

static void index_free(struct index *x)
{
	free(x->k);
	oaip_buf_free(&x->keys);
}

/* The first earlier school under key not matched yet, or SIZE_MAX. */
static size_t index_find(const struct index *x, const char *key,
                         const bool *taken)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(x->k[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < x->n && strcmp(x->k[lo].key, key) == 0; lo++)
		if (!taken[x->k[lo].school])
			return x->k[lo].school;
	return SIZE_MAX;
}

static const oaip_comparison *sort_cmp; /* qsort has no user data */

static double overall_change(const oaip_comparison *c, size_t i)
{
	const oaip_school *s = &c->schools[i];
	const oaip_school *t = &c->prev->schools[s->previous];
	return oaip_change_of(t->has_overall, t->overall, s->has_overall,
	                      s->overall)
	    .change;
}

static int cmp_movers(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	double x = overall_change(sort_cmp, i), y = overall_change(sort_cmp, j);
	/* largest movement first, either way */
	double ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
	if (ax != ay)
		return ax > ay ? -1 : 1;
	return (i > j) - (i < j);
}

bool oaip_comparison_set_previous(oaip_comparison *c,
                                  const oaip_comparison *prev)
{
	bool ok = false;
	struct index x[3];
	memset(x, 0, sizeof x);
	oaip_buf key;
	oaip_buf_init(&key);
	free(c->prev_matched);
	free(c->improved);
	free(c->slipped);
	c->improved = c->slipped = NULL;
	c->n_improved = c->n_slipped = 0;
	c->prev = prev;
	c->prev_matched = calloc(prev->n ? prev->n : 1, sizeof(bool));
	size_t *up = malloc((c->n ? c->n : 1) * sizeof *up);
	size_t *down = malloc((c->n ? c->n : 1) * sizeof *down);
	size_t n_up = 0, n_down = 0;
	if (!c->prev_matched || !up || !down)
		goto cleanup;
	for (int w = 0; w < 3; w++)
		if (!index_build(&x[w], prev, w))
			goto cleanup;
	for (size_t i = 0; i < c->n; i++) {
		oaip_school *s = &c->schools[i];
		s->match = OAIP_MATCH_NONE;
		s->previous = SIZE_MAX;
		if (!s->counted)
			continue;
		const char *texts[3] = {s->urn, s->school, base_name(s->file)};
		static const oaip_match kinds[3] = {
		    OAIP_MATCH_URN, OAIP_MATCH_NAME, OAIP_MATCH_FILE};
		for (int w = 0; w < 3 && s->match == OAIP_MATCH_NONE; w++) {
			if (!texts[w])
				continue;
			key.len = 0;
			norm(&key, texts[w]);
			if (key.failed)
				goto cleanup;
			size_t j = index_find(&x[w], key.data, c->prev_matched);
			if (j == SIZE_MAX)
				continue;
			c->prev_matched[j] = true;
			s->match = kinds[w];
			s->previous = j;
		}
		if (s->match == OAIP_MATCH_NONE)
			continue;
		const oaip_school *t = &prev->schools[s->previous];
		oaip_change ch = oaip_change_of(t->has_overall, t->overall,
		                                s->has_overall, s->overall);
		if (ch.has && ch.change > 0)
			up[n_up++] = i;
		else if (ch.has && ch.change < 0)
			down[n_down++] = i;
	}
	sort_cmp = c;
	qsort(up, n_up, sizeof *up, cmp_movers);
	qsort(down, n_down, sizeof *down, cmp_movers);
	sort_cmp = NULL;
	c->improved = up;
	c->slipped = down;
	up = down = NULL;
	c->n_improved = n_up < OAIP_COMPARE_MOVERS ? n_up : OAIP_COMPARE_MOVERS;
	c->n_slipped =
	    n_down < OAIP_COMPARE_MOVERS ? n_down : OAIP_COMPARE_MOVERS;
	ok = true;
cleanup:
	for (int w = 0; w < 3; w++)
		index_free(&x[w]);
	oaip_buf_free(&key);
	free(up);
	free(down);
	if (!ok) {
		free(c->prev_matched);
		c->prev_matched = NULL;
		c->prev = NULL;
	}
	return ok;
}

const oaip_comparison *oaip_comparison_previous(const oaip_comparison *c)
{
	return c->prev;
}

const oaip_school *oaip_comparison_school_then(const oaip_comparison *c,
                                               const oaip_school *s)
{
	if (!c->prev || s->match == OAIP_MATCH_NONE ||
	    s->previous >= c->prev->n)
		return NULL;
	return &c->prev->schools[s->previous];
}

size_t oaip_comparison_improved(const oaip_comparison *c, const size_t **out)
{
	*out = c->improved;
	return c->n_improved;
}

size_t oaip_comparison_slipped(const oaip_comparison *c, const size_t **out)
{
	*out = c->slipped;
	return c->n_slipped;
}

bool oaip_comparison_then_matched(const oaip_comparison *c, size_t i)
{
	return c->prev && c->prev_matched && i < c->prev->n &&
	       c->prev_matched[i];
}
