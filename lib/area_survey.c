/* area_survey.c - parent carers' surveys across an area (compare
 * --survey): each survey file matched to a school's return by name, each
 * counted with its small numbers suppressed, and the area pooled over
 * only what each school's own report would show.  Pure: the command
 * reads the files. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "private.h"

/* ---- keys ------------------------------------------------------------------
 */

static bool alnum(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch >= 0x80;
}

/* The words a survey file's name may carry around the school's. */
static bool survey_word(const char *w, size_t n)
{
	static const char *const words[] = {"survey",   "surveys", "responses",
	                                    "response", "parent",  "parents",
	                                    "carer",    "carers"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return true;
	return false;
}

static bool ends_with_ci(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);
	return n >= m && strncasecmp(s + n - m, suffix, m) == 0;
}

void oaip_area_survey_key(oaip_buf *out, const char *name, bool survey_file)
{
	const char *slash = strrchr(name, '/');
	if (survey_file && slash)
		name = slash + 1;
	size_t n = strlen(name);
	if (survey_file) {
		if (ends_with_ci(name, n, ".csv"))
			n -= 4;
		else if (ends_with_ci(name, n, ".xlsx"))
			n -= 5;
	}
	size_t start = out->len;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (ch == '\'')
			continue;
		/* U+2018 and U+2019, the curly apostrophes */
		if (ch == 0xe2 && i + 2 < n &&
		    (unsigned char)name[i + 1] == 0x80 &&
		    ((unsigned char)name[i + 2] == 0x98 ||
		     (unsigned char)name[i + 2] == 0x99)) {
			i += 2;
			continue;
		}
		if (!alnum(ch)) {
			space = out->len > start;
			continue;
		}
		if (space)
			oaip_buf_putc(out, ' ');
		space = false;
		oaip_buf_putc(out,
		              (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
	}
	if (survey_file && !out->failed) {
		/* The survey words at either end, word by word. */
		char *k = out->data ? out->data + start : NULL;
		size_t len = out->len - start;
		for (;;) {
			char *sp = k ? memchr(k, ' ', len) : NULL;
			if (!sp || !survey_word(k, (size_t)(sp - k)))
				break;
			size_t cut = (size_t)(sp - k) + 1;
			memmove(k, k + cut, len - cut);
			len -= cut;
		}
		while (k && len) {
			char *sp = k + len;
			while (sp > k && sp[-1] != ' ')
				sp--;
			if (sp == k || !survey_word(sp, (size_t)(k + len - sp)))
				break;
			len = (size_t)(sp - k) - 1;
		}
		out->len = start + len;
	}
	oaip_buf_putc(out, '\0');
	out->len--;
}

/* ---- the area survey -------------------------------------------------------
 */

oaip_area_survey *oaip_area_survey_new(const oaip_comparison *c, size_t min)
{
	if (min == 0)
		min = OAIP_SURVEY_MIN_DEFAULT;
	if (min < OAIP_SURVEY_MIN_LEAST)
		return NULL;
	oaip_area_survey *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->c = c;
	a->min = min;
	size_t n = oaip_comparison_count(c);
	a->of_school = malloc((n ? n : 1) * sizeof *a->of_school);
	if (!a->of_school) {
		free(a);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		a->of_school[i] = SIZE_MAX;
	return a;
}

void oaip_area_survey_free(oaip_area_survey *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n_files; i++) {
		oaip_asurvey_file *f = &a->files[i];
		free(f->file);
		free(f->error);
		oaip_survey_result_free(f->res);
		oaip_survey_free(f->sv);
	}
	free(a->files);
	free(a->of_school);
	free(a->items);
	free(a->item_schools);
	free(a->item_rated);
	free(a->item_at_target);
	free(a->item_asked);
	free(a->differ);
	free(a);
}

bool oaip_area_survey_add(oaip_area_survey *a, const char *file)
{
	/* One folder may hold the returns and the surveys: a file read as a
	 * return (or tried as one) is not a survey. */
	for (size_t i = 0; i < oaip_comparison_count(a->c); i++)
		if (strcmp(oaip_comparison_school(a->c, i)->file, file) == 0)
			return true;
	oaip_asurvey_file *v =
	    realloc(a->files, (a->n_files + 1) * sizeof *a->files);
	if (!v)
		return false;
	a->files = v;
	oaip_asurvey_file *f = &a->files[a->n_files];
	memset(f, 0, sizeof *f);
	f->file = oaip_strdup(file);
	if (!f->file)
		return false;
	f->status = OAIP_ASURVEY_UNMATCHED;
	f->school = SIZE_MAX;
	a->n_files++;
	return true;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The key of school s's URN (which 0), name (1) or return file name
 * without its extension (2) into out; false when it has none. */
static bool school_key(oaip_buf *out, const oaip_school *s, int which)
{
	out->len = 0;
	if (which == 0) {
		if (!s->urn)
			return false;
		oaip_area_survey_key(out, s->urn, false);
	} else if (which == 1) {
		oaip_area_survey_key(out, s->school, false);
	} else {
		const char *b = base_name(s->file);
		const char *dot = strrchr(b, '.');
		char *name = oaip_strndup(b, dot && dot != b ? (size_t)(dot - b)
		                                             : strlen(b));
		if (!name)
			out->failed = true;
		else
			oaip_area_survey_key(out, name, false);
		free(name);
	}
	return !out->failed && out->len > 0;
}

bool oaip_area_survey_match(oaip_area_survey *a)
{
	const oaip_comparison *c = a->c;
	size_t n = oaip_comparison_count(c);
	oaip_buf key, other;
	oaip_buf_init(&key);
	oaip_buf_init(&other);
	static const oaip_match kinds[3] = {OAIP_MATCH_URN, OAIP_MATCH_NAME,
	                                    OAIP_MATCH_FILE};
	/* A few hundred files against a few thousand schools: a plain
	 * search is quick enough, and keeps the rule plain. */
	for (size_t f = 0; f < a->n_files; f++) {
		oaip_asurvey_file *sf = &a->files[f];
		key.len = 0;
		oaip_area_survey_key(&key, sf->file, true);
		if (key.failed)
			break;
		if (!key.len)
			continue;
		for (int w = 0; w < 3 && sf->status == OAIP_ASURVEY_UNMATCHED;
		     w++) {
			size_t found = 0, at = SIZE_MAX;
			for (size_t i = 0; i < n; i++) {
				const oaip_school *s =
				    oaip_comparison_school(c, i);
				if (!s->counted || !school_key(&other, s, w) ||
				    strcmp(other.data, key.data) != 0)
					continue;
				if (!found++)
					at = i;
			}
			if (other.failed)
				break;
			if (found == 1) {
				sf->status = OAIP_ASURVEY_MATCHED;
				sf->match = kinds[w];
				sf->school = at;
			} else if (found > 1) {
				sf->status = OAIP_ASURVEY_AMBIGUOUS;
			}
		}
	}
	bool ok = !key.failed && !other.failed;
	oaip_buf_free(&key);
	oaip_buf_free(&other);
	if (!ok)
		return false;
	/* One file per school: two for the same school and neither is
	 * used, rather than one chosen quietly. */
	for (size_t f = 0; f < a->n_files; f++) {
		oaip_asurvey_file *sf = &a->files[f];
		if (sf->status != OAIP_ASURVEY_MATCHED)
			continue;
		size_t *at = &a->of_school[sf->school];
		if (*at == SIZE_MAX) {
			*at = f;
			continue;
		}
		sf->status = OAIP_ASURVEY_SAME_SCHOOL;
		a->files[*at].status = OAIP_ASURVEY_SAME_SCHOOL;
	}
	for (size_t i = 0; i < n; i++)
		if (a->of_school[i] != SIZE_MAX &&
		    a->files[a->of_school[i]].status != OAIP_ASURVEY_MATCHED)
			a->of_school[i] = SIZE_MAX;
	return true;
}

void oaip_area_survey_set(oaip_area_survey *a, size_t i, oaip_survey *sv)
{
	oaip_survey_free(a->files[i].sv);
	a->files[i].sv = sv;
}

bool oaip_area_survey_fail(oaip_area_survey *a, size_t i, const oaip_diags *d)
{
	const oaip_diag *e = NULL;
	for (size_t k = 0; k < d->n && !e; k++)
		if (d->items[k].severity == OAIP_ERROR)
			e = &d->items[k];
	oaip_buf b;
	oaip_buf_init(&b);
	const char *file = e && e->file ? e->file : a->files[i].file;
	/* An error on a response row may quote what a parent carer typed
	 * (an answer that is not one): the report, to be shared, gives only
	 * where it is; standard error has the whole message. */
	long row = 0;
	if (e && e->where) {
		const char *p = e->where + strlen(e->where);
		while (p > e->where && p[-1] >= '0' && p[-1] <= '9')
			p--;
		row = strtol(p, NULL, 10);
	} else if (e) {
		row = e->line;
	}
	const char *message =
	    row > 1 ? "a response that could not be read (its error is on "
	              "standard error only, as it may quote a parent "
	              "carer\u2019s answer)"
	    : e     ? e->message
	            : "could not be read";
	if (e && e->where)
		oaip_buf_printf(&b, "%s: %s: %s", file, e->where, message);
	else if (e && e->line > 0)
		oaip_buf_printf(&b, "%s:%ld: %s", file, e->line, message);
	else
		oaip_buf_printf(&b, "%s: %s", file, message);
	oaip_buf_putc(&b, '\0');
	if (b.failed) {
		oaip_buf_free(&b);
		return false;
	}
	free(a->files[i].error);
	a->files[i].error = b.data;
	return true;
}

size_t oaip_area_survey_unreadable(const oaip_area_survey *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_files; i++)
		n += a->files[i].error != NULL;
	return n;
}

/* Largest difference first, then framework order. */
static int cmp_differ(const void *x, const void *y)
{
	const oaip_area_differ *p = x, *q = y;
	if (p->gap != q->gap)
		return p->gap > q->gap ? -1 : 1;
	return (p->indicator > q->indicator) - (p->indicator < q->indicator);
}

bool oaip_area_survey_finish(oaip_area_survey *a)
{
	const oaip_comparison *c = a->c;
	const oaip_framework *fw = oaip_comparison_framework(c);
	int target = oaip_comparison_target(c);
	size_t ni = fw->n_indicators ? fw->n_indicators : 1;
	size_t(*pooled)[OAIP_N_ANSWERS] = calloc(ni, sizeof *pooled);
	a->items = calloc(ni, sizeof *a->items);
	a->item_schools = calloc(ni, sizeof *a->item_schools);
	a->item_rated = calloc(ni, sizeof *a->item_rated);
	a->item_at_target = calloc(ni, sizeof *a->item_at_target);
	a->item_asked = calloc(ni, sizeof *a->item_asked);
	a->differ = calloc(ni, sizeof *a->differ);
	if (!pooled || !a->items || !a->item_schools || !a->item_rated ||
	    !a->item_at_target || !a->item_asked || !a->differ) {
		free(pooled);
		return false;
	}
	size_t cs_pooled[OAIP_N_CORNERSTONES][OAIP_N_ANSWERS];
	size_t cs_resp[OAIP_N_CORNERSTONES] = {0};
	memset(cs_pooled, 0, sizeof cs_pooled);

	for (size_t f = 0; f < a->n_files; f++) {
		oaip_asurvey_file *sf = &a->files[f];
		if (sf->status != OAIP_ASURVEY_MATCHED || !sf->sv)
			continue;
		sf->res = oaip_survey_count(sf->sv, a->min, NULL);
		if (!sf->res) {
			free(pooled);
			return false;
		}
		const oaip_survey_result *res = sf->res;
		for (size_t i = 0; i < fw->n_indicators; i++)
			a->item_asked[i] +=
			    sf->sv->asked[i] &&
			    oaip_indicator_applies(&fw->indicators[i],
			                           sf->sv->phase);
		if (!res->shown) {
			a->n_too_few++;
			continue;
		}
		a->n_shown++;
		a->respondents += sf->sv->respondents;
		const oaip_school *s = oaip_comparison_school(c, sf->school);
		for (size_t i = 0; i < fw->n_indicators; i++) {
			const oaip_survey_tally *t = &res->items[i];
			if (!t->shown)
				continue;
			for (int k = 0; k < OAIP_N_ANSWERS; k++)
				pooled[i][k] += t->counts[k];
			a->item_schools[i]++;
			if (s->cells && s->cells[i] >= 0) {
				a->item_rated[i]++;
				a->item_at_target[i] += s->cells[i] >= target;
			}
		}
		double sum = 0;
		size_t n_cs = 0;
		for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
			const oaip_survey_tally *t = &res->cs[k];
			if (!t->shown)
				continue;
			for (int x = 0; x < OAIP_N_ANSWERS; x++)
				cs_pooled[k][x] += t->counts[x];
			cs_resp[k] += t->respondents;
			a->cs_schools[k]++;
			if (s->cs[k].has_score) {
				a->cs_school_mean[k] += s->cs[k].score;
				a->cs_school_n[k]++;
			}
			if (t->answered) {
				sum += t->score;
				n_cs++;
			}
		}
		if (n_cs) {
			sf->has_overall = true;
			sf->overall = sum / (double)n_cs;
		}
	}
	for (size_t i = 0; i < fw->n_indicators; i++)
		oaip_survey_tally_fill(&a->items[i], pooled[i],
		                       a->item_schools[i] > 0);
	for (int k = 0; k < OAIP_N_CORNERSTONES; k++) {
		oaip_survey_tally_fill(&a->cs[k], cs_pooled[k],
		                       a->cs_schools[k] > 0);
		a->cs[k].respondents = cs_resp[k];
		if (a->cs_school_n[k])
			a->cs_school_mean[k] /= (double)a->cs_school_n[k];
	}
	free(pooled);

	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_survey_tally *t = &a->items[i];
		size_t rated = a->item_rated[i], at = a->item_at_target[i];
		if (!t->shown || !t->answered || !rated)
			continue;
		/* In whole numbers, as for one school: no rounding at the
		 * boundary. */
		bool schools_at = 2 * at >= rated;
		bool half = 2 * t->agree >= t->answered;
		if (schools_at == half)
			continue;
		oaip_area_differ *x = &a->differ[a->n_differ++];
		x->indicator = i;
		x->direction = schools_at ? OAIP_PARENTS_SEE_GAP
		                          : OAIP_PARENTS_SEE_STRENGTH;
		x->schools_pct = 100.0 * (double)at / (double)rated;
		x->gap = x->schools_pct - t->agree_pct;
		if (x->gap < 0)
			x->gap = -x->gap;
	}
	qsort(a->differ, a->n_differ, sizeof *a->differ, cmp_differ);
	return true;
}
