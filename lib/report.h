/* report.h - the report model: what a report says, built once, before any
 * markup.  Not public API.
 *
 * Shape: a TREE, built in one pass from the scoring result and then only
 * read.  (cmark parses once into an AST that html.c and commonmark.c each
 * walk; we score once into oaip_result, then build this model once.)
 *
 *   oaip_result --oaip_score_report_build--> oaip_score_report
 *       --render_score_md.c / render_score_html.c / render_score_json.c-->
 *       oaip_buf
 *
 * The model holds every fact a report states (counts, scores as shown,
 * bands and the reason for a missing score, the caution, the target,
 * strengths and gaps grouped by cornerstone, the framework's examples and
 * where they were first shown, quotes with who said them, phase words,
 * file and school names, the method text, the credit lines) and every
 * sentence, as plain UTF-8 that is NOT yet escaped.  A renderer only
 * walks it and writes markup: it escapes text for its format and chooses
 * tags, but does no arithmetic, counting, sorting, wording or policy.
 * One file decides each sentence: report_score.c for the score report
 * (report.c for the method text, the caution and the overall basis),
 * report_compare.c for the area comparison.
 *
 * Every string and array in a model lives in its arena and is freed with
 * the model: renderers never free anything they find in it.
 *
 * HOW TO ADD A SECTION (parent carers' views, progress, a plan, ...)
 * ------------------------------------------------------------------
 * 1. Write the builder beside the model, e.g. lib/report_survey.c:
 *
 *        bool oaip_report_add_two_views(oaip_score_report *rep, ...)
 *        {
 *            oaip_rsection *s = oaip_rsection_add(
 *                &rep->sections, &rep->arena, OAIP_AFTER_SUMMARY,
 *                "two-views", "Two views");
 *            oaip_rsection_para(&rep->arena, s, "%zu parent carers "
 *                               "answered.", n);
 *            oaip_rtable *t = oaip_rsection_table(&rep->arena, s,
 *                "What the school and parent carers said", cols, 3);
 *            oaip_rtable_row(&rep->arena, t, cells);
 *            s->json = ...;   (optional: the section's JSON, see below)
 *            return !rep->arena.failed;
 *        }
 *
 *    All counting, rounding, suppression of small numbers and wording
 *    happen here, in the builder, once.
 * 2. Call it from the command after oaip_score_report_build (or from
 *    oaip_score_report_build itself if every report has the section).
 * 3. Nothing else: every renderer already draws every block kind (para,
 *    caution, list item with a label, quote, table, sub-heading) in its own
 *    markup, in the place the section was added.  HTML gets an anchor
 *    id="two-views" and a contents entry; Markdown a "## Two views".
 * 4. JSON: the section appears under its key (the id with '-' turned to
 *    '_', here "two_views").  If the builder sets s->json (a jansson value
 *    it built; the model then owns it) that value is written as it is,
 *    so the documented members can be exact; otherwise the JSON holds the
 *    blocks generically: {"title", "text": [paragraphs], "items":
 *    [{"label","text"}], "quotes": [{"text","by"}], "tables":
 *    [{"caption", "rows": [{column key: cell}]}]} with a numeric column's
 *    cells written as numbers.
 * 5. Add the section's facts to tests/test_parity.c (each fact in JSON
 *    must also be in Markdown and HTML) and refresh the golden files with
 *    `make update-golden`, reviewing the diff.
 *
 * A section every report has in the same words ("How scores are worked
 * out") is collected once (oaip_report_method, report.c) into the model
 * and drawn once per format (oaip_method_md/html/json,
 * render_sections.c).  A renderer opens an HTML section or chart with
 * html.c's helpers (oaip_html_section_begin, oaip_html_svg_begin), never
 * its own copy.
 *
 * A new FORMAT is a new renderer file walking the same model plus one row
 * in the dispatch table (render.c).  A new REPORT KIND is a column there
 * and an OAIP_REPORT_* kind (oaip.h); its command passes that kind to
 * cmd_resolve_format (cmd/common.c), which accepts, and names in its
 * usage errors, exactly the formats the table gives the kind. */
#ifndef OAIP_REPORT_H
#define OAIP_REPORT_H

#include "private.h"

/* ------------------------------------------------------------------ */
/* Small policies, each in one place                                  */

/* The bands oaip_band gives.  A judged band may have " (partly
 * evaluated)" after it. */
#define OAIP_BAND_ABOVE          "Above target"
#define OAIP_BAND_AT             "At target"
#define OAIP_BAND_MOSTLY         "Mostly at target"
#define OAIP_BAND_BELOW          "Below target"
#define OAIP_BAND_WELL_BELOW     "Well below target"
#define OAIP_BAND_TOO_FEW        "Too few rated to judge"
#define OAIP_BAND_NOT_EVALUATED  "Not yet evaluated"
#define OAIP_BAND_NOT_APPLICABLE "Not applicable"
#define OAIP_BAND_NOT_IN_PHASE   "Not part of this phase"
#define OAIP_BAND_PARTLY         " (partly evaluated)"

/* The low-coverage rule, used for a cornerstone, a school and the whole
 * report alike: fewer than OAIP_LOW_COVERAGE_PERCENT per cent of the
 * applicable indicators rated (n/a counts as not rated). */
#define OAIP_LOW_COVERAGE_PERCENT 50
bool oaip_low_coverage(size_t rated, size_t total);

/* Is url plainly an http(s) address, safe to write as a link?  Anything
 * else a framework gives as its source is shown as text. */
bool oaip_url_is_link(const char *url);

/* "indicator" / "indicators". */
const char *oaip_plural(size_t n, const char *one, const char *many);
/* A score as reports show it: "66.7%" (oaip_score_round). */
void oaip_percent_text(oaip_buf *b, double score);
/* The level's label, or NULL when value is not a level. */
const char *oaip_level_label(const oaip_scale *s, int value);
/* "Established (2)"; "level 2" for a value with no label. */
void oaip_level_text(oaip_buf *b, const oaip_scale *s, int value);

/* The heat scale of the comparison's map: one table used by the CSS, the
 * legend and the workbook's shading alike.  Cells are shaded by their
 * band, so by the target, never by fixed steps of the score: a score
 * below the target is never green, and one resting on too few rated
 * indicators is hatched grey, never shaded as strong. */
typedef struct oaip_heat_step {
	const char *band;      /* oaip_band's words (no "(partly evaluated)") */
	const char *css_class; /* "heat-4" */
	const char *colour;    /* "#c7e6df" */
	bool hatched;          /* stripes of colour and white, not a fill */
	const char *legend;    /* "above target" */
} oaip_heat_step;
extern const oaip_heat_step oaip_heat_steps[];
extern const size_t oaip_n_heat_steps;
/* The class for a band no step names (not evaluated, not applicable, not
 * part of the phase): "heat-none". */
#define OAIP_HEAT_NONE "heat-none"
/* The class of a cell in band (as oaip_band gives it, with or without
 * " (partly evaluated)"). */
const char *oaip_heat_class(const char *band);

/* The thresholds oaip_band uses for a scale and target, and which bands
 * can happen at all on that scale, so that a report explains only rules
 * that can apply.  Percentages are rounded as reports show them
 * (oaip_score_round): oaip_band compares the score a report shows with
 * the thresholds it shows. */
typedef struct oaip_band_rules {
	double target;      /* t: the score with every rated indicator exactly
	                       at the target */
	double lowest;      /* the score with every one at the lowest level */
	double above;       /* "Above target" from here: t + (100 - t) / 2 */
	double well_below;  /* "Well below target" under here: t / 2 */
	bool can_be_above;  /* a level above the target exists: "Above
	                       target", and with gaps "Mostly at target" */
	bool can_have_gaps; /* a level below the target exists: "Below
	                       target" */
	bool can_be_well_below; /* some score is under well_below */
} oaip_band_rules;

void oaip_band_rules_get(const oaip_scale *s, int target, oaip_band_rules *out);

/* The name a report gives the self-evaluation file: its base name, never
 * the folders it was kept in ("standard input" for "-").  Borrowed: a
 * pointer into file, or a static string. */
const char *oaip_report_file_name(const char *file);

/* The school's name for a report, or NULL when there is none (a return
 * read from standard input has no name of its own).  Borrowed. */
const char *oaip_report_school(const oaip_selfeval *se);

/* Indicator counts over the four cornerstones. */
typedef struct oaip_report_totals {
	size_t rated, total, na, empty, at_target, gaps;
	size_t scored; /* cornerstones with a score */
} oaip_report_totals;
void oaip_report_totals_get(const oaip_result *r, oaip_report_totals *t);

/* Some indicators are rated, but fewer than half of those that apply:
 * the summary then opens with oaip_report_caution. */
bool oaip_report_low_coverage(const oaip_result *r);
/* "Only 4 of 20 indicators are rated so far: these scores say little
 * yet." */
void oaip_report_caution(const oaip_result *r, oaip_buf *out);

/* What the overall score is: "the average of 3 cornerstone scores; Work in
 * Partnership is not applicable" (every cornerstone left out, and why). */
void oaip_report_overall_basis(const oaip_result *r, oaip_buf *out);

/* The credit every report ends with, one wording in every format:
 * "Made with oaip-eval 0.2.0 on 2026-11-23." */
char *oaip_report_credit(const oaip_render_options *o);
/* The Rotherham credit for the Four Cornerstones, or NULL when the
 * framework's attribution already gives it.  Static string. */
const char *oaip_report_cornerstones_credit(const oaip_framework *fw);

/* ------------------------------------------------------------------ */
/* The arena every model's strings and arrays live in                 */

typedef struct oaip_arena {
	struct oaip_arena_chunk *chunks;
	bool failed; /* sticky: some allocation failed */
} oaip_arena;
void oaip_arena_init(oaip_arena *a);
void oaip_arena_free(oaip_arena *a);
/* n zeroed bytes, or NULL (and a->failed). */
void *oaip_arena_alloc(oaip_arena *a, size_t n);
/* Copies; NULL for NULL (not a failure). */
char *oaip_arena_strdup(oaip_arena *a, const char *s);
char *oaip_arena_printf(oaip_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* b's text copied into the arena, and b emptied; "" if b is empty.  A
 * failed b fails the arena. */
char *oaip_arena_take(oaip_arena *a, oaip_buf *b);

/* ------------------------------------------------------------------ */
/* How scores are worked out: the same section in every report        */

typedef struct oaip_rmethod_part {
	const char *band; /* NULL: a paragraph; else an item of a list of
	                     bands (items in a row make one list) */
	const char *text; /* the paragraph, or the band's rule */
} oaip_rmethod_part;

typedef struct oaip_rmethod {
	const char *title; /* "How scores are worked out" */
	oaip_rmethod_part *v;
	size_t n;
} oaip_rmethod;

/* "How scores are worked out", for any scale and target, said into m
 * (its strings in a).  Every sentence is chosen from the scale and
 * target in r (and its weights), so it is true of them; a band that
 * cannot happen on this scale is left out.  Returns false (and fails a)
 * if allocation failed. */
bool oaip_report_method(oaip_arena *a, const oaip_result *r, oaip_rmethod *m);
/* The same text for the comparison: scale, target, weights of fw. */
bool oaip_report_method_fw(oaip_arena *a, const oaip_framework *fw, int target,
                           unsigned phase, oaip_rmethod *m);

/* ------------------------------------------------------------------ */
/* Generic sections: blocks every renderer can draw                   */

typedef enum oaip_rblock_kind {
	OAIP_RB_PARA,    /* text */
	OAIP_RB_CAUTION, /* text: read before any number (emphasised) */
	OAIP_RB_HEADING, /* text: a sub-heading inside the section */
	OAIP_RB_ITEM,    /* label (may be NULL) and text; items in a row
	                    make one list */
	OAIP_RB_QUOTE,   /* text and by (who said it) */
	OAIP_RB_TABLE,   /* table */
	OAIP_RB_PAIRS    /* pairs: a then/now chart, drawn in HTML only; a
	                    table in the same section must carry its
	                    numbers (Markdown and JSON leave it out) */
} oaip_rblock_kind;

typedef struct oaip_rcolumn {
	const char *key;     /* JSON member name: "indicator" */
	const char *heading; /* plain text: "Indicator" */
	bool numeric;        /* right-aligned; a number in JSON */
} oaip_rcolumn;

/* A stacked bar beside the numbers in a row's cell, drawn in HTML only
 * (oaip_rtable_bars).  The cell's text gives every count the bar shows,
 * in the same order, so the bar is hidden from screen readers; a key
 * over the table names each part's shade.  Parts go from the most
 * favourable to the least, a neutral one last; part k is drawn with the
 * CSS class "bar-k".  Positions are per cent of the bar's length, worked
 * out from the counts by the builder: from[k] + width[k] is from[k + 1],
 * and the last part ends at 100. */
#define OAIP_RBAR_PARTS 5
typedef struct oaip_rbar {
	double from[OAIP_RBAR_PARTS], width[OAIP_RBAR_PARTS];
} oaip_rbar;

typedef struct oaip_rtable {
	const char *caption;
	const oaip_rcolumn *cols; /* copied into the arena */
	size_t n_cols;
	struct oaip_rrow *first, *last;
	size_t n_rows;
	/* Bars: in column bar_col, their parts named bar_keys (NULL: the
	 * table has none). */
	size_t bar_col, n_bar_keys;
	const char **bar_keys;
	bool cards; /* on a phone, one card per row (HTML); printed, it
	               may break between rows like any table */
} oaip_rtable;

typedef struct oaip_rrow {
	const char **cells;   /* n_cols plain-text cells; "" for none */
	const oaip_rbar *bar; /* in column bar_col; NULL: none */
	struct oaip_rrow *next;
} oaip_rrow;

typedef struct oaip_rblock {
	oaip_rblock_kind kind;
	const char *label, *text, *by;
	oaip_rtable *table;
	const oaip_html_pairs *pairs;
	struct oaip_rblock *next;
} oaip_rblock;

/* Where a section goes among the built-in ones. */
typedef enum oaip_rplace {
	OAIP_AFTER_HEADER,    /* before the summary */
	OAIP_AFTER_SUMMARY,   /* before "How scores are worked out" */
	OAIP_AFTER_METHOD,    /* before the strengths */
	OAIP_AFTER_STRENGTHS, /* before the gaps */
	OAIP_AFTER_GAPS,      /* before "Not yet evaluated" */
	OAIP_AFTER_LISTS,     /* before "About the framework" */
	OAIP_N_PLACES
} oaip_rplace;

struct json_t;
typedef struct oaip_rsection {
	oaip_rplace place;
	const char *id;    /* [a-z0-9-]: HTML anchor; JSON key with '_' */
	const char *title; /* the heading, plain text */
	oaip_rblock *first, *last;
	struct json_t *json; /* NULL: generic JSON of the blocks; else owned,
	                        written as it is */
	struct oaip_rsection *next;
} oaip_rsection;

typedef struct oaip_rsections {
	oaip_rsection *first, *last;
} oaip_rsections;

/* Append a section (in the order added, within its place).  NULL if
 * allocation failed (every oaip_rsection_* call accepts NULL then). */
oaip_rsection *oaip_rsection_add(oaip_rsections *list, oaip_arena *a,
                                 oaip_rplace place, const char *id,
                                 const char *title);
void oaip_rsection_para(oaip_arena *a, oaip_rsection *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void oaip_rsection_caution(oaip_arena *a, oaip_rsection *s, const char *text);
void oaip_rsection_heading(oaip_arena *a, oaip_rsection *s, const char *text);
void oaip_rsection_item(oaip_arena *a, oaip_rsection *s, const char *label,
                        const char *text);
void oaip_rsection_quote(oaip_arena *a, oaip_rsection *s, const char *text,
                         const char *by);
oaip_rtable *oaip_rsection_table(oaip_arena *a, oaip_rsection *s,
                                 const char *caption, const oaip_rcolumn *cols,
                                 size_t n_cols);
/* A then/now chart (c is copied, strings and groups included). */
void oaip_rsection_pairs(oaip_arena *a, oaip_rsection *s,
                         const oaip_html_pairs *c);
/* cells: n_cols strings, copied. */
void oaip_rtable_row(oaip_arena *a, oaip_rtable *t, const char *const *cells);
/* Give t's rows bars in column col, of n parts (at most OAIP_RBAR_PARTS)
 * named keys[0..n-1] (copied), in the order the cells' text gives their
 * counts.  The table is then shown as cards on a phone, each bar as wide
 * as its card. */
void oaip_rtable_bars(oaip_arena *a, oaip_rtable *t, size_t col,
                      const char *const *keys, size_t n);
/* The last row added gets a bar of counts[0..n-1] (n as given to
 * oaip_rtable_bars); none when they add up to 0. */
void oaip_rtable_row_bar(oaip_arena *a, oaip_rtable *t, const size_t *counts);
/* Give s the JSON js built with c (the section then owns it), or free js
 * when s is NULL (allocation failed) or c failed; a failed c fails a. */
void oaip_rsection_json(oaip_arena *a, oaip_rsection *s, const oaip_json *c,
                        struct json_t *js);
/* Release the JSON the sections hold (the arena holds the rest). */
void oaip_rsections_free(oaip_rsections *list);

/* ------------------------------------------------------------------ */
/* The score report                                                   */

/* Why a cornerstone has no score. */
typedef enum oaip_no_score {
	OAIP_HAS_SCORE,
	OAIP_NOT_EVALUATED,
	OAIP_NOT_APPLICABLE,
	OAIP_NOT_IN_PHASE
} oaip_no_score;

typedef struct oaip_rexample {
	bool quote;
	const char *text;
	const char *by;    /* quotes: who said it, never NULL */
	const char *phase; /* "early-years" when the example is limited to
	                      some phases and the report covers all; else
	                      NULL */
} oaip_rexample;

typedef struct oaip_rexamples {
	oaip_rexample *v; /* practice examples first, then quotes */
	size_t n, n_practice;
} oaip_rexamples;

typedef struct oaip_rindicator {
	size_t index;          /* into fw->indicators */
	const char *id, *text; /* the framework's */
	const char *cornerstone_id, *cornerstone;
	const char *rating;       /* "Established (2)", "Not applicable",
	                             "Not yet evaluated" */
	const char *rating_label; /* "Established"; NULL unless rated */
	int level;                /* when rated */
	double weight;
	const char *weight_text; /* "weight 2", or NULL for weight 1 */
	const char *evidence;    /* the school's; NULL when none */
	const char *next_steps;  /* the school's; NULL when none */

	/* Gaps only: what good practice could look like. */
	oaip_rexamples own;      /* the indicator's own examples */
	const char *expectation; /* the expectation's statement, or NULL */
	const char *expectation_title; /* "Expectation 1", or NULL */
	/* The expectation's examples are shown with its first gap; later
	 * gaps of the same expectation point back to it. */
	const char *examples_intro;                /* "Devon's examples for this
	                                              expectation:"; NULL when not here */
	oaip_rexamples examples;                   /* shown here */
	const struct oaip_rindicator *examples_at; /* else shown there, or
	                                              NULL (none) */
} oaip_rindicator;

/* Indicators of one cornerstone (strengths or gaps). */
typedef struct oaip_rgroup {
	const char *cornerstone_id, *cornerstone;
	const char *heading; /* "Welcome and Care (2 gaps)" */
	oaip_rindicator *v;
	size_t n;
} oaip_rgroup;

typedef struct oaip_rcornerstone {
	const char *id, *title;
	bool has_score;
	double score;           /* rounded as shown */
	const char *score_text; /* "66.7%", or why there is none: "Not
	                           evaluated", "Not applicable", "No score" */
	oaip_no_score why;
	const char *no_score; /* "not evaluated", "not applicable", "not
	                         part of this phase"; NULL with a score */
	size_t rated, total, na, empty, at_target, gaps;
	const char *band;
	bool partly, too_few;
	const char *coverage;    /* "4 of 5 indicators rated (1 not
	                            applicable), 3 at or above target, 1 below";
	                            "no indicator applies in this phase" */
	const char *chart_label; /* "Communicate: only 2 of 5 rated" */
} oaip_rcornerstone;

/* A list of indicators with a sentence before it. */
typedef struct oaip_rlist {
	const char *title;   /* the section heading */
	const char *intro;   /* the sentence; always set */
	oaip_rgroup *groups; /* by cornerstone (strengths, gaps) */
	size_t n_groups;
	oaip_rindicator *v; /* flat, framework order (not evaluated, n/a) */
	size_t n;
} oaip_rlist;

typedef struct oaip_score_report {
	oaip_arena arena;

	/* Header */
	const char *page_title; /* "Partnership with parent carers:
	                           self-evaluation report for X" */
	const char *heading;    /* the school, or "Self-evaluation" */
	const char *school;     /* NULL when there is none */
	const char *file;       /* as given on the command line (JSON) */
	const char *file_name;  /* as shown: base name; "" for none */
	const char *date;       /* NULL when unknown */
	const char *generator;  /* "oaip-eval 0.2.0" */
	const char *intro;      /* what the report is */
	const char *framework_id, *framework_title, *framework_publisher,
	    *framework_version;
	const char *framework_name; /* "Title, Publisher (version V)" */
	const char *framework_section, *framework_url, *attribution;
	bool url_is_link;                /* plainly an http(s) address */
	const char *cornerstones_credit; /* NULL when attribution gives it */
	const char *credit;              /* "Made with oaip-eval V on D." */
	const char *ownership;           /* the ratings are the school's own */
	int target;
	const char *target_label;    /* "Established" */
	const char *target_text;     /* "Established (2)" */
	const char *target_sentence; /* "Established (2) on a scale from
	                                Not yet (0) to Embedded (3)" */
	const struct oaip_rlevel {
		int value;
		const char *id, *label;
	} * scale;
	size_t n_scale;
	unsigned phase;
	const char *phase_json;    /* "early-years school"; NULL: no filter */
	const char *phase_text;    /* "school (3 framework indicators that do
	                              not apply in this phase are left out)";
	                              NULL: no filter */
	const char *encoding_note; /* read as Windows-1252; else NULL */

	/* Summary */
	const char *caution; /* NULL unless few indicators are rated */
	oaip_rcornerstone cs[OAIP_N_CORNERSTONES];
	bool has_overall;
	double overall;               /* rounded as shown */
	const char *overall_text;     /* "66.7%" or "not scored" */
	const char *overall_basis;    /* "the average of 4 cornerstone scores";
	                                 "nothing is rated yet" */
	const char *overall_band;     /* "Too few rated to judge", or "" */
	double target_score;          /* the score with every rated indicator at
	                                 the target (66.7), or -1: none */
	const char *target_note;      /* what that score means, said beside the
	                                 overall score in every format: "Target:
	                                 66.7%, the score when every rated
	                                 indicator is at the target
	                                 (Established)"; NULL: none */
	const char *overall_coverage; /* as a cornerstone's coverage, over
	                                 all four */
	oaip_report_totals totals;
	size_t n_not_evaluated, n_not_applicable;
	const char *counts;    /* "12 of 20 indicators rated: ..." */
	const char *gaps_note; /* "Every indicator below the target is
	                          listed under "Gaps" below, whatever the
	                          score.", or NULL */
	/* The chart */
	const char *chart_title, *chart_desc, *chart_caption;
	double marker;            /* the target's score, or -1: no marker */
	const char *marker_label; /* "All at Established: 66.7%" */

	oaip_rmethod method; /* How scores are worked out */

	oaip_rlist strengths, gaps, not_evaluated, not_applicable;
	bool has_not_applicable; /* the section is shown */

	const char *about_title;
	oaip_rsections sections; /* added sections, by place */
} oaip_score_report;

/* Build the model of r's report.  o may be NULL.  Returns NULL if
 * allocation failed.  r and o must outlive the model (it borrows the
 * framework's and the school's text).  Free with oaip_score_report_free. */
oaip_score_report *oaip_score_report_build(const oaip_result *r,
                                           const oaip_render_options *o);
void oaip_score_report_free(oaip_score_report *rep);

/* Sections some reports have (each in its own report_*.c). */
/* "Since last time" (report_progress.c): what changed since the last
 * self-evaluation; JSON "previous".  Returns false if allocation
 * failed. */
bool oaip_report_add_progress(oaip_score_report *rep, const oaip_progress *p);

/* ------------------------------------------------------------------ */
/* The comparison report (report_compare.c)                           */

/* Index of the overall measure beside the four cornerstones. */
#define OAIP_OVERALL OAIP_N_CORNERSTONES

/* One school's score on one measure.  Numbers are as shown (rounded);
 * renderers write them with oaip_put_score / oaip_put_size. */
typedef struct oaip_rcell {
	bool has_score;
	double score;
	const char *band;       /* in full: "Below target (partly evaluated)" */
	const char *band_short; /* without "(partly evaluated)": the count in
	                           the cell already says it */
	const char *heat;       /* the heat map's class */
	size_t rated, total, na, empty, at_target, gaps;
} oaip_rcell;

/* With compare --survey: a school's parent carers (report_area_survey.c). */
typedef struct oaip_rparents {
	const char *answered; /* "12", "Fewer than 10", "No survey", "Could
	                         not be read" */
	const char *view;     /* "Parent carers (12 answered)", "Parent
	                         carers: no survey", ... */
	bool shown;           /* the survey's figures may be shown */
	/* Their scores as shown: the cornerstones, then the overall */
	bool has[OAIP_N_CORNERSTONES + 1];
	double score[OAIP_N_CORNERSTONES + 1];
} oaip_rparents;

/* A school's change since last time (with --previous, when matched to an
 * earlier return), per measure as oaip_rschool's m[]: cornerstones, then
 * overall.  Numbers as shown; a change is the difference of the scores
 * as shown (oaip_change_of). */
typedef struct oaip_rchange {
	const char *matched_by;    /* "URN", "name", "file name" */
	const char *previous_file; /* last time's return, as given */
	bool has_then[OAIP_N_CORNERSTONES + 1];
	double then[OAIP_N_CORNERSTONES + 1];
	bool has_change[OAIP_N_CORNERSTONES + 1];
	double change[OAIP_N_CORNERSTONES + 1];
} oaip_rchange;

typedef struct oaip_rschool {
	const char *school, *file; /* borrowed from the comparison */
	const char *urn;           /* "" when the return gives none */
	const char *phase;         /* the Phase detail, "early-years school";
	                              "" for none */
	bool low_coverage;
	double coverage; /* per cent of the applicable indicators rated, as
	                    shown */
	oaip_rcell m[OAIP_N_CORNERSTONES + 1]; /* cornerstones, then overall */
	const oaip_rchange *since; /* NULL: no --previous, or no earlier
	                              return */
	size_t rated, total;
	const oaip_rparents *parents; /* with --survey; else NULL */
} oaip_rschool;

typedef struct oaip_rspread {
	const char *id, *title;
	size_t n;    /* schools with a score */
	double v[6]; /* mean, min, q1, median, q3, max, as shown */
} oaip_rspread;
extern const char *const oaip_rspread_keys[6];   /* "mean", "min", ... */
extern const char *const oaip_rspread_titles[6]; /* "Mean", "Minimum" */

typedef struct oaip_rpriority {
	size_t rank;
	const char *id, *text, *cornerstone_id, *cornerstone;
	size_t below, rated;
	double percent;           /* as shown */
	const char *schools_text; /* "3 of the 5 schools that rated it
	                             (60.0%)" */
} oaip_rpriority;

typedef struct oaip_runreadable {
	const char *school, *file;
	const oaip_diag *errors; /* borrowed */
	size_t n_errors, errors_total;
	const char *more;  /* "and 3 more errors", or NULL */
	const char *first; /* "file:7: message (and 3 more errors)" (CSV) */
} oaip_runreadable;

/* The columns of the table of returns, one row per return (the CSV and
 * the workbook's heat map): headings in words, in one table for every
 * format that writes the table. */
typedef enum oaip_rcol_kind {
	OAIP_RCOL_SCHOOL,
	OAIP_RCOL_URN,
	OAIP_RCOL_PHASE,
	OAIP_RCOL_FILE,
	OAIP_RCOL_SCORE, /* the measure's score; empty when none */
	OAIP_RCOL_BAND,  /* its band in words (band_short) */
	OAIP_RCOL_RATED, /* indicators rated */
	OAIP_RCOL_TOTAL, /* indicators that apply */
	OAIP_RCOL_ERROR, /* why a return could not be read */
	/* With --survey (report_area_survey.c): */
	OAIP_RCOL_PARENTS,      /* parents->answered */
	OAIP_RCOL_PARENT_SCORE, /* the measure's parent carers' score */
	/* Since last time (since_cols only): */
	OAIP_RCOL_MATCH, /* how the school was matched with last time */
	OAIP_RCOL_THEN,  /* the measure's score last time */
	OAIP_RCOL_CHANGE /* the change in the measure's score */
} oaip_rcol_kind;

typedef struct oaip_rcol {
	const char *heading; /* "Welcome and Care band" */
	oaip_rcol_kind kind;
	int measure; /* score, band, rated, total: a cornerstone or
	                OAIP_OVERALL */
} oaip_rcol;

typedef struct oaip_compare_report {
	oaip_arena arena;
	const char *page_title; /* "Area comparison: Title" */
	const char *framework_id, *framework_title;
	const char *framework_line; /* "Publisher, Section (id, version V)" */
	const char *date;           /* "" when unknown */
	const char *credit, *attribution, *cornerstones_credit;
	int target;
	const char *target_label;
	double target_score;      /* the target as a score, as shown */
	const char *marker_label; /* "Target: Established" */
	const char *phase_text;   /* NULL: every phase */
	size_t n, n_read, n_bad;
	const char *returns_text; /* "12: 11 read, 1 could not be read" */
	const char *notice;       /* no figures at all, in a sentence; else
	                             NULL */
	const char *notice_more;  /* "Each return's errors are listed under
	                             ..."; NULL */

	oaip_rmethod method; /* How scores are worked out */

	const char *schools_title, *schools_none, *cell_note, *legend_intro;
	oaip_rschool *schools; /* counted schools, in the comparison's order */
	size_t n_schools;

	const char *area_title, *area_intro; /* area_intro: or why none */
	bool has_area;
	oaip_rspread spread[OAIP_N_CORNERSTONES + 1];
	const char *chart_desc, *chart_caption;

	const char *priorities_title, *priorities_intro;
	oaip_rpriority *priorities;
	size_t n_priorities;

	const char *low_title, *low_intro;
	int low_threshold; /* OAIP_LOW_COVERAGE_PERCENT */
	const oaip_rschool **low;
	size_t n_low;

	const char *unreadable_title, *unreadable_intro;
	oaip_runreadable *unreadable;
	size_t n_unreadable;

	/* Every return in the comparison's order, readable (school) or not
	 * (bad), duplicates left out: the CSV's rows. */
	struct oaip_rreturn {
		const oaip_rschool *school;
		const oaip_runreadable *bad;
	} * returns;
	size_t n_returns;
	/* The columns of the table of returns: school, URN, phase, file;
	 * for the overall score and then each cornerstone its score, band,
	 * indicators rated and indicators that apply; with --survey, parent
	 * carers who answered and their score on each measure; the error. */
	const oaip_rcol *cols;
	size_t n_cols;
	/* With --previous, the columns of the table of schools matched to
	 * last time: School, File, Matched by, then for the overall score
	 * and each cornerstone its score then, now (OAIP_RCOL_SCORE) and the
	 * change; n_since_cols 0 without --previous. */
	const oaip_rcol *since_cols;
	size_t n_since_cols;
	/* The comparison itself, borrowed, for the long table (one row per
	 * school and indicator): walked with oaip_compare_long_walk, never
	 * copied into the model. */
	const oaip_comparison *comparison;
	oaip_diags *diags; /* the options' (oaip_render_options), or NULL */

	oaip_rsections sections; /* added sections (OAIP_AFTER_LISTS: before
	                            the returns that could not be read; any
	                            other place: after the schools) */
} oaip_compare_report;

/* Build the model of a finished comparison's report.  Returns NULL if
 * allocation failed.  c and o must outlive it. */
oaip_compare_report *oaip_compare_report_build(const oaip_comparison *c,
                                               const oaip_render_options *o);
void oaip_compare_report_free(oaip_compare_report *rep);
/* Add the adviser's sections (report_area.c): the schools most in need
 * of support, since last time (when the comparison has a previous one),
 * whom to invite, schools given twice and files skipped.  Called by
 * oaip_compare_report_build.  False if allocation failed. */
bool oaip_compare_report_add_area(oaip_compare_report *rep,
                                  const oaip_comparison *c);
/* How a school was matched, as JSON says it: "urn", "name", "file";
 * NULL for none. */
const char *oaip_match_id(oaip_match m);
/* ... and as a table says it: "URN", "name", "file name", "no match". */
const char *oaip_match_words(oaip_match m);

/* The long table: one row per counted school and indicator that applies
 * to it (the long CSV and the workbook's "Ratings" sheet), its columns
 * named as the long CSV's header: "school", "urn", "phase", "file",
 * "indicator", "cornerstone", "rating", "level", "below_target". */
#define OAIP_LONG_COLUMNS 9
extern const char *const oaip_long_columns[OAIP_LONG_COLUMNS];
typedef struct oaip_long_row {
	const char *school, *urn, *phase, *file; /* urn, phase: "" for none */
	const char *indicator, *cornerstone;     /* id; cornerstone title */
	const char *rating; /* the level's label, "n/a", "not evaluated" */
	int level;          /* -1 unless rated */
	bool below;         /* rated below the target */
} oaip_long_row;
typedef struct oaip_long_walker {
	/* A school's rows begin: row's school, urn, phase and file are
	 * set, and stay set for its ratings. */
	bool (*school)(void *ud, const oaip_long_row *row);
	/* One row.  Either returning false stops the walk. */
	bool (*rating)(void *ud, const oaip_long_row *row);
	void *ud;
} oaip_long_walker;
/* Walk the long table of c in its order.  False if a walker said stop
 * or allocation failed. */
bool oaip_compare_long_walk(const oaip_comparison *c,
                            const oaip_long_walker *w);

/* Numbers as shown, written fast: a report on ten thousand schools holds
 * hundreds of thousands of them.  The same digits as printf("%zu") and
 * printf("%.1f", score). */
void oaip_put_size(oaip_buf *out, size_t n);
void oaip_put_score(oaip_buf *out, double score);

/* ------------------------------------------------------------------ */
/* Parent carers' views (report_survey.c)                             */

/* Add the survey section at place: "Two views" (the school's view
 * beside parent carers', and where they differ) when r is given, else
 * "Parent carers' views" alone.  id "survey", so JSON has the SPEC's
 * "survey" object.  Returns false if allocation failed. */
bool oaip_report_add_survey(oaip_rsections *list, oaip_arena *a,
                            oaip_rplace place, const oaip_survey_result *res,
                            const oaip_result *r);

/* How agree % and a parent carers' score are worked out, one sentence
 * with no full stop, each report going on in its own words. */
extern const char oaip_survey_counting[];
/* "12 of 31 parent carers who answered agree (38.7%)" */
void oaip_survey_agree_text(oaip_buf *b, const oaip_survey_tally *t);
/* "Strongly agree 4, Agree 8, Disagree 15, Strongly disagree 4, Don’t
 * know 2" */
void oaip_survey_spread_text(oaip_buf *b, const oaip_survey_tally *t);
/* The spread drawn as a bar in column col of t, beside that text: call
 * oaip_survey_spread_bars once for the table, then
 * oaip_survey_spread_bar after each row whose cell holds the text. */
void oaip_survey_spread_bars(oaip_arena *a, oaip_rtable *t, size_t col);
void oaip_survey_spread_bar(oaip_arena *a, oaip_rtable *t,
                            const oaip_survey_tally *q);
/* "parents-see-gap" or "parents-see-strength" (JSON). */
const char *oaip_differ_id(oaip_differ_direction d);
/* The SPEC's "counts" object of a tally shown; JSON null when not. */
struct json_t *oaip_survey_counts_json(oaip_json *c,
                                       const oaip_survey_tally *t);

/* compare --survey (report_area_survey.c): parent carers' views across
 * the area beside the schools' own, section "survey" (JSON "survey").
 * False if allocation failed. */
bool oaip_compare_report_add_survey(oaip_compare_report *rep,
                                    const oaip_area_survey *as);

/* oaip-eval survey summary: a page of parent carers' views alone. */
typedef struct oaip_survey_report {
	oaip_arena arena;
	const char *title;      /* the heading */
	const char *page_title; /* the HTML title */
	const char *intro;
	const char *file, *file_name, *date, *credit;
	const char *framework_id, *framework_title, *framework_publisher,
	    *attribution;
	oaip_rsections sections; /* all at OAIP_AFTER_HEADER */
} oaip_survey_report;
oaip_survey_report *oaip_survey_report_build(const oaip_survey_result *res,
                                             const oaip_render_options *o);
void oaip_survey_report_free(oaip_survey_report *rep);

/* ------------------------------------------------------------------ */
/* Renderers: each a walk over a model, writing markup only           */

void oaip_score_md(const oaip_score_report *rep, oaip_buf *out);
void oaip_score_html(const oaip_score_report *rep, oaip_buf *out);
void oaip_score_json(const oaip_score_report *rep, oaip_buf *out);
void oaip_compare_md(const oaip_compare_report *rep, oaip_buf *out);
void oaip_compare_html(const oaip_compare_report *rep, oaip_buf *out);
void oaip_compare_json(const oaip_compare_report *rep, oaip_buf *out);
void oaip_compare_csv(const oaip_compare_report *rep, oaip_buf *out);
/* The area workbook (render_compare_xlsx.c); out->failed if it could not
 * be made. */
void oaip_compare_xlsx(const oaip_compare_report *rep, oaip_buf *out);

void oaip_survey_md(const oaip_survey_report *rep, oaip_buf *out);
void oaip_survey_html(const oaip_survey_report *rep, oaip_buf *out);
void oaip_survey_json(const oaip_survey_report *rep, oaip_buf *out);

/* Reports that are not models (yet): each walks its own builder's
 * wording functions (plan.c, yousaid.c). */
void oaip_plan_md(const oaip_plan *p, const oaip_render_options *o,
                  oaip_buf *out);
void oaip_plan_html(const oaip_plan *p, const oaip_render_options *o,
                    oaip_buf *out);
void oaip_plan_csv(const oaip_plan *p, const oaip_render_options *o,
                   oaip_buf *out);
void oaip_yousaid_md(const oaip_yousaid *y, const oaip_render_options *o,
                     oaip_buf *out);
void oaip_yousaid_html(const oaip_yousaid *y, const oaip_render_options *o,
                       oaip_buf *out);

/* The generic sections at place, as each format draws them
 * (render_sections.c). */
void oaip_sections_md(const oaip_rsections *l, oaip_rplace place,
                      oaip_buf *out);
void oaip_sections_html(const oaip_rsections *l, oaip_rplace place,
                        oaip_buf *out);
void oaip_sections_html_nav(const oaip_rsections *l, oaip_rplace place,
                            oaip_buf *out);
/* Put every section into obj (a jansson object) under its key. */
void oaip_sections_json(const oaip_rsections *l, oaip_json *c,
                        struct json_t *obj);
/* "How scores are worked out" as each format draws it: a section with
 * the id "how" in HTML; in JSON an array of {"band", "text"}. */
void oaip_method_md(const oaip_rmethod *m, oaip_buf *out);
void oaip_method_html(const oaip_rmethod *m, oaip_buf *out);
struct json_t *oaip_method_json(oaip_json *c, const oaip_rmethod *m);

#endif
