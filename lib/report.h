/* report.h - what the Markdown and HTML score reports say in the same
 * words (report.c), and the rules behind the bands (score.c).  Not public
 * API.
 *
 * Text handed out here is plain UTF-8, not yet escaped: it holds the
 * framework's level labels and the cornerstone titles, so each renderer
 * escapes it for its own format. */
#ifndef OAIP_REPORT_H
#define OAIP_REPORT_H

#include "private.h"

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

/* Some indicators are rated, but fewer than half of those that apply (n/a
 * counting as not rated, as in oaip_band): the summary then opens with
 * oaip_report_caution. */
bool oaip_report_low_coverage(const oaip_result *r);
/* "Only 4 of 20 indicators are rated so far: these scores say little
 * yet." */
void oaip_report_caution(const oaip_result *r, oaip_buf *out);

/* What the overall score is: "the average of 3 cornerstone scores; Work in
 * Partnership is not applicable" (every cornerstone left out, and why). */
void oaip_report_overall_basis(const oaip_result *r, oaip_buf *out);

/* "How scores are worked out", for any scale and target: paragraphs and
 * lists of bands, handed one at a time to the renderer.  Every sentence is
 * chosen from the scale and target in r, so it is true of them; a band
 * that cannot happen on this scale is left out. */
typedef struct oaip_report_sink {
	/* A paragraph of plain text. */
	void (*para)(void *ud, const char *text);
	/* An item of a list of bands: the band's name and its rule.  Items
	 * in a row make one list; a paragraph or the end closes it. */
	void (*item)(void *ud, const char *band, const char *rule);
	/* The end of the section. */
	void (*end)(void *ud);
	void *ud;
} oaip_report_sink;
/* Returns false, having said nothing more, if allocation failed. */
bool oaip_report_method(const oaip_result *r, const oaip_report_sink *sink);

#endif
