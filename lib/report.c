/* report.c - the small policies every report shares (plurals, percent,
 * level labels, phase lists, the low-coverage rule, the heat scale, the
 * credit) and the words the score and comparison reports share: how
 * scores are worked out, what the overall score averages, the caution
 * when few indicators are rated, and the file name a report shows.
 *
 * Every sentence is built from the framework's own scale and the target
 * in use, and a sentence that would not be true of them (an example that
 * divides the top level by itself, a band no score could reach) is left
 * out.  The text is plain UTF-8: each renderer escapes it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

bool oaip_url_is_link(const char *url)
{
	if (!url || (strncmp(url, "https://", 8) != 0 &&
	             strncmp(url, "http://", 7) != 0))
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p >= 0x7F || strchr("<>\"`\\{}|^", *p))
			return false;
	return true;
}

const char *oaip_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void oaip_percent_text(oaip_buf *b, double v)
{
	oaip_buf_printf(b, "%.1f%%", oaip_score_round(v));
}

bool oaip_low_coverage(size_t rated, size_t total)
{
	return rated * 100 < total * OAIP_LOW_COVERAGE_PERCENT;
}

const char *oaip_level_label(const oaip_scale *s, int value)
{
	const oaip_level *l = oaip_scale_level(s, value);
	return l && l->label ? l->label : NULL;
}

void oaip_level_text(oaip_buf *b, const oaip_scale *s, int value)
{
	const char *label = oaip_level_label(s, value);
	if (label)
		oaip_buf_printf(b, "%s (%d)", label, value);
	else
		oaip_buf_printf(b, "level %d", value);
}

void oaip_phase_list(oaip_buf *b, unsigned phases, const char *sep)
{
	bool first = true;
	for (unsigned bit = 1; bit <= OAIP_PHASE_POST16; bit <<= 1)
		if (phases & bit) {
			if (!first)
				oaip_buf_puts(b, sep);
			oaip_buf_puts(b, oaip_phase_name(bit));
			first = false;
		}
}

/* The heat scale: colours meet 11:1 or more with the #1f2a33 ink. */
const oaip_heat_step oaip_heat_steps[] = {
    {OAIP_BAND_ABOVE, "heat-4", "#c7e6df", false, "above target"},
    {OAIP_BAND_AT, "heat-3", "#dcefd7", false, "at target"},
    {OAIP_BAND_MOSTLY, "heat-2", "#f4f1c9", false,
     "mostly at target (some gaps)"},
    {OAIP_BAND_BELOW, "heat-1", "#fbe7c6", false, "below target"},
    {OAIP_BAND_WELL_BELOW, "heat-0", "#f9d9cf", false, "well below target"},
    {OAIP_BAND_TOO_FEW, "heat-few", "#eef0f2", true,
     "too few rated to judge (fewer than half of the indicators)"},
};
const size_t oaip_n_heat_steps =
    sizeof oaip_heat_steps / sizeof oaip_heat_steps[0];

const char *oaip_heat_class(const char *band)
{
	for (size_t i = 0; band && i < oaip_n_heat_steps; i++) {
		size_t n = strlen(oaip_heat_steps[i].band);
		if (strncmp(band, oaip_heat_steps[i].band, n) == 0 &&
		    (band[n] == '\0' || band[n] == ' '))
			return oaip_heat_steps[i].css_class;
	}
	return OAIP_HEAT_NONE;
}

char *oaip_report_credit(const oaip_render_options *o)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_buf_puts(&b, "Made with oaip-eval");
	if (o && o->program_version)
		oaip_buf_printf(&b, " %s", o->program_version);
	if (o && o->date)
		oaip_buf_printf(&b, " on %s", o->date);
	oaip_buf_putc(&b, '.');
	if (b.failed) {
		oaip_buf_free(&b);
		return NULL;
	}
	return oaip_buf_detach(&b);
}

const char *oaip_report_cornerstones_credit(const oaip_framework *fw)
{
	if (fw->attribution && strstr(fw->attribution, "Rotherham"))
		return NULL;
	return "The Four Cornerstones approach to co-production was "
	       "developed by Rotherham Parent Carers Forum and Rotherham "
	       "Borough Council (Genuine Partnerships).";
}

static const char *label_of(const oaip_scale *s, int value)
{
	const char *l = oaip_level_label(s, value);
	return l ? l : "?";
}

static const char *lowest_label(const oaip_scale *s)
{
	return s->n_levels && s->levels[0].label ? s->levels[0].label : "?";
}

const char *oaip_report_file_name(const char *file)
{
	if (!file || !*file)
		return "";
	if (strcmp(file, "-") == 0)
		return "standard input";
	const char *slash = strrchr(file, '/');
	if (slash && slash[1])
		return slash + 1;
	return file;
}

const char *oaip_report_school(const oaip_selfeval *se)
{
	if (!se || !se->school || !*se->school ||
	    (se->file && strcmp(se->file, "-") == 0))
		return NULL;
	return se->school;
}

void oaip_report_totals_get(const oaip_result *r, oaip_report_totals *t)
{
	memset(t, 0, sizeof *t);
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		const oaip_cornerstone_score *cs = &r->cs[c];
		t->rated += cs->rated;
		t->total += cs->total;
		t->na += cs->na;
		t->empty += cs->empty;
		t->at_target += cs->at_target;
		t->gaps += cs->gaps;
		t->scored += cs->has_score;
	}
}

bool oaip_report_low_coverage(const oaip_result *r)
{
	oaip_report_totals t;
	oaip_report_totals_get(r, &t);
	return t.rated > 0 && oaip_low_coverage(t.rated, t.total);
}

void oaip_report_caution(const oaip_result *r, oaip_buf *out)
{
	oaip_report_totals t;
	oaip_report_totals_get(r, &t);
	oaip_buf_printf(out, "Only %zu of %zu %s rated", t.rated, t.total,
	                t.rated == 1 ? "indicators is" : "indicators are");
	if (t.empty)
		oaip_buf_puts(out, " so far");
	if (t.na)
		oaip_buf_printf(out, " (%zu %s marked not applicable)", t.na,
		                oaip_plural(t.na, "is", "are"));
	oaip_buf_printf(out, ": these scores say little%s.",
	                t.empty ? " yet" : "");
}

/* Why a cornerstone has no score, in the words of its band. */
enum { NOT_EVALUATED, NOT_APPLICABLE, NOT_IN_PHASE, N_REASONS };
static const char *const reason_words[N_REASONS] = {
    "not yet evaluated", "not applicable", "not part of this phase"};

static int reason(const oaip_cornerstone_score *cs)
{
	if (cs->total == 0)
		return NOT_IN_PHASE;
	if (cs->na == cs->total)
		return NOT_APPLICABLE;
	return NOT_EVALUATED;
}

void oaip_report_overall_basis(const oaip_result *r, oaip_buf *out)
{
	oaip_report_totals t;
	oaip_report_totals_get(r, &t);
	if (t.scored == 1) {
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
			if (r->cs[c].has_score)
				oaip_buf_printf(out, "the score of %s alone",
				                oaip_cornerstone_title(
				                    (oaip_cornerstone)c));
	} else {
		oaip_buf_printf(out, "the average of %zu cornerstone scores",
		                t.scored);
	}
	for (int why = 0; why < N_REASONS; why++) {
		int names[OAIP_N_CORNERSTONES];
		size_t n = 0;
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
			if (!r->cs[c].has_score && reason(&r->cs[c]) == why)
				names[n++] = c;
		if (!n)
			continue;
		oaip_buf_puts(out, "; ");
		for (size_t k = 0; k < n; k++) {
			if (k)
				oaip_buf_puts(out, k + 1 == n ? " and " : ", ");
			oaip_buf_puts(out, oaip_cornerstone_title(
			                       (oaip_cornerstone)names[k]));
		}
		oaip_buf_printf(out, " %s %s", oaip_plural(n, "is", "are"),
		                reason_words[why]);
	}
}

/* ------------------------------------------------------------------ */
/* How scores are worked out                                          */

/* What the method text is about: a framework, a target and a phase. */
struct about {
	const oaip_framework *fw;
	int target;
	unsigned phase;
	bool phase_gap;     /* some cornerstone has no indicator in the phase */
	bool weights_shown; /* the report shows each indicator's weight */
};

static bool weighted(const struct about *r)
{
	for (size_t i = 0; i < r->fw->n_indicators; i++) {
		const oaip_indicator *ind = &r->fw->indicators[i];
		if (ind->weight != 1.0 && oaip_indicator_applies(ind, r->phase))
			return true;
	}
	return false;
}

/* The level to set beside the target in the worked example: the one just
 * below it (so the example shows a gap pulling the score down), or else
 * the one just above.  Returns false on a scale of one level. */
static bool example_level(const oaip_scale *s, int target, int *other)
{
	size_t at = s->n_levels;
	for (size_t i = 0; i < s->n_levels; i++)
		if (s->levels[i].value == target)
			at = i;
	if (at == s->n_levels || s->n_levels < 2)
		return false;
	*other = at > 0 ? s->levels[at - 1].value : s->levels[at + 1].value;
	return true;
}

static void scale_para(const struct about *r, oaip_buf *b)
{
	const oaip_scale *s = &r->fw->scale;
	int r_max = oaip_scale_max(s);

	oaip_buf_puts(b, "Each indicator is rated on the framework's scale");
	if (s->n_levels == 1) {
		oaip_buf_printf(b,
		                ", which has one level: %d %s. So every "
		                "rated indicator is at the top of the scale, "
		                "and a cornerstone with anything rated scores "
		                "100.0%%.",
		                s->levels[0].value, lowest_label(s));
	} else {
		oaip_buf_puts(b, ":");
		for (size_t i = 0; i < s->n_levels; i++) {
			if (i)
				oaip_buf_puts(b, i + 1 == s->n_levels ? " and"
				                                      : ",");
			oaip_buf_printf(b, " %d %s", s->levels[i].value,
			                label_of(s, s->levels[i].value));
		}
		oaip_buf_puts(b,
		              ". A cornerstone's score is its ratings added "
		              "up, as a percentage of what they would add up "
		              "to if every rated indicator were at the top "
		              "level, ");
		oaip_level_text(b, s, r_max);
		oaip_buf_puts(b, ".");
	}

	int other;
	if (s->n_levels > 1 && r_max > 0 &&
	    example_level(s, r->target, &other)) {
		oaip_buf_puts(b, weighted(r) ? " For example, two indicators "
		                               "of weight 1, one rated "
		                             : " For example, one indicator "
		                               "rated ");
		oaip_level_text(b, s, r->target);
		oaip_buf_puts(b, " and one rated ");
		oaip_level_text(b, s, other);
		oaip_buf_printf(b, "%s score (%d + %d) / (%d + %d) = ",
		                weighted(r) ? "," : "", r->target, other, r_max,
		                r_max);
		oaip_percent_text(b,
		                  100.0 * (r->target + other) / (2.0 * r_max));
		oaip_buf_puts(b, ".");
	}
	if (weighted(r))
		oaip_buf_printf(b,
		                " Some indicators carry more weight than "
		                "others%s: an indicator of weight 2 counts "
		                "twice.",
		                r->weights_shown
		                    ? " (the weight is shown beside "
		                      "them)"
		                    : "");
	if (s->n_levels > 1 && s->levels[0].value != 0 && r_max > 0) {
		oaip_buf_printf(b,
		                " On this scale the lowest level counts as %d, "
		                "not 0, so no score falls below ",
		                s->levels[0].value);
		oaip_percent_text(b, 100.0 * s->levels[0].value / r_max);
		oaip_buf_puts(b, ".");
	}
}

static void gaps_para(const struct about *r, const oaip_band_rules *rules,
                      oaip_buf *b)
{
	const oaip_scale *s = &r->fw->scale;
	if (!rules->can_have_gaps) {
		oaip_buf_puts(b, "The target, ");
		oaip_level_text(b, s, r->target);
		oaip_buf_puts(b, ", is the lowest level of the scale, so no "
		                 "rated indicator can be below it and none is "
		                 "listed as a gap. Read each score beside its "
		                 "counts: they say how much has been rated.");
		return;
	}
	oaip_buf_puts(b, "An indicator rated below the target, ");
	oaip_level_text(b, s, r->target);
	oaip_buf_puts(b, ", is a gap.");
	if (rules->can_be_above) {
		oaip_buf_puts(b, " If every rated indicator were exactly at "
		                 "the target, a cornerstone would score ");
		oaip_percent_text(b, rules->target);
		oaip_buf_puts(b, "; but a score can hide gaps: ");
		oaip_percent_text(b, rules->target);
		oaip_buf_printf(b,
		                " can also mean that some indicators are %s "
		                "and others only %s.",
		                label_of(s, oaip_scale_max(s)),
		                lowest_label(s));
	} else {
		oaip_buf_puts(b, " The target is the top level of the scale, "
		                 "so a cornerstone scores 100.0% only when "
		                 "every rated indicator is at the target: any "
		                 "lower score means at least one gap.");
	}
	oaip_buf_puts(b, " That is why every score stands beside its counts, "
	                 "and why every gap is listed under \"Gaps\", "
	                 "whatever its cornerstone's score.");
}

/* The parts said so far, in a growing array (copied into the arena at
 * the end: an arena cannot grow an array). */
struct parts {
	oaip_arena *a;
	oaip_rmethod_part *v;
	size_t n, cap;
};

/* Add b as a paragraph (or as item band's rule) and empty it; false if b
 * could not be built or kept. */
static bool flush(struct parts *k, oaip_buf *b, const char *band)
{
	if (b->failed)
		return false;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 16;
		oaip_rmethod_part *v = realloc(k->v, cap * sizeof *v);
		if (!v)
			return false;
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n].band = band;
	k->v[k->n].text = oaip_arena_strdup(k->a, b->data ? b->data : "");
	k->n++;
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	return !k->a->failed;
}

static bool method(const struct about *r, struct parts *k)
{
	const oaip_scale *s = &r->fw->scale;
	oaip_band_rules rules;
	oaip_band_rules_get(s, r->target, &rules);
	oaip_buf b;
	oaip_buf_init(&b);
	bool ok = false;

	scale_para(r, &b);
	if (!flush(k, &b, NULL))
		goto cleanup;
	oaip_buf_puts(&b, "Indicators marked not applicable and indicators "
	                  "left blank are not counted at all, not even as "
	                  "zero, so a score describes only what has been "
	                  "rated: always read it beside the number of "
	                  "indicators rated. The overall score is the average "
	                  "of the cornerstone scores; a cornerstone with "
	                  "nothing rated has no score and is left out of it.");
	if (!flush(k, &b, NULL))
		goto cleanup;
	gaps_para(r, &rules, &b);
	if (!flush(k, &b, NULL))
		goto cleanup;

	/* The bands that judge, then those that say why there is no
	 * judgement.  Only bands that can happen on this scale. */
	oaip_buf_puts(&b, "When at least half of a cornerstone's indicators "
	                  "are rated, a band puts it into words: the first of "
	                  "these that fits.");
	if (!flush(k, &b, NULL))
		goto cleanup;
	if (rules.can_be_above) {
		oaip_buf_puts(&b, "every rated indicator is at or above the "
		                  "target, and the score is at least ");
		oaip_percent_text(&b, rules.above);
		oaip_buf_puts(&b, ".");
		if (!flush(k, &b, OAIP_BAND_ABOVE))
			goto cleanup;
	}
	oaip_buf_puts(&b, "every rated indicator is at or above the target.");
	if (!flush(k, &b, OAIP_BAND_AT))
		goto cleanup;
	if (rules.can_be_above && rules.can_have_gaps) {
		oaip_buf_puts(&b,
		              "some indicators are below the target, but "
		              "more are at or above it, and the score is at "
		              "least ");
		oaip_percent_text(&b, rules.target);
		oaip_buf_puts(&b, ".");
		if (!flush(k, &b, OAIP_BAND_MOSTLY))
			goto cleanup;
	}
	if (rules.can_have_gaps) {
		oaip_buf_puts(&b, "some indicators are below the target");
		if (rules.can_be_well_below) {
			oaip_buf_puts(&b, ", and the score is at least ");
			oaip_percent_text(&b, rules.well_below);
		}
		oaip_buf_puts(&b, ".");
		if (!flush(k, &b, OAIP_BAND_BELOW))
			goto cleanup;
	}
	if (rules.can_be_well_below) {
		oaip_buf_puts(&b, "some indicators are below the target, and "
		                  "the score is under ");
		oaip_percent_text(&b, rules.well_below);
		oaip_buf_puts(&b, ".");
		if (!flush(k, &b, OAIP_BAND_WELL_BELOW))
			goto cleanup;
	}

	oaip_buf_puts(&b, "Otherwise the band says why it cannot judge:");
	if (!flush(k, &b, NULL))
		goto cleanup;
	oaip_buf_puts(&b, "fewer than half of the cornerstone's indicators are "
	                  "rated (one marked not applicable is not rated). "
	                  "Its score is still shown beside its counts, but "
	                  "says little yet.");
	if (!flush(k, &b, OAIP_BAND_TOO_FEW))
		goto cleanup;
	oaip_buf_puts(&b, "nothing is rated yet.");
	if (!flush(k, &b, OAIP_BAND_NOT_EVALUATED))
		goto cleanup;
	oaip_buf_puts(&b, "every indicator is marked not applicable.");
	if (!flush(k, &b, OAIP_BAND_NOT_APPLICABLE))
		goto cleanup;
	if (r->phase != 0 || r->phase_gap) {
		oaip_buf_puts(&b, "none of the cornerstone's indicators "
		                  "applies in this phase.");
		if (!flush(k, &b, OAIP_BAND_NOT_IN_PHASE))
			goto cleanup;
	}
	oaip_buf_puts(&b, "\"(partly evaluated)\" after a band means some of "
	                  "the cornerstone's indicators are still blank.");
	if (!flush(k, &b, NULL))
		goto cleanup;
	ok = true;

cleanup:
	oaip_buf_free(&b);
	return ok;
}

/* Say the method for a into m. */
static bool collect(oaip_arena *a, const struct about *about, oaip_rmethod *m)
{
	struct parts k = {a, NULL, 0, 0};
	bool ok = method(about, &k);
	m->title = "How scores are worked out";
	m->n = 0;
	m->v = oaip_arena_alloc(a, (k.n ? k.n : 1) * sizeof *m->v);
	if (m->v && k.n) {
		memcpy(m->v, k.v, k.n * sizeof *m->v);
		m->n = k.n;
	}
	free(k.v);
	if (!ok || !m->v)
		a->failed = true;
	return !a->failed;
}

bool oaip_report_method(oaip_arena *a, const oaip_result *r, oaip_rmethod *m)
{
	struct about about = {r->fw, r->target, r->phase, false, true};
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		about.phase_gap |= r->cs[c].total == 0;
	return collect(a, &about, m);
}

bool oaip_report_method_fw(oaip_arena *a, const oaip_framework *fw, int target,
                           unsigned phase, oaip_rmethod *m)
{
	struct about about = {fw, target, phase, false, false};
	return collect(a, &about, m);
}
