/*
 * oaip.h - the oaip-eval library: frameworks, self-evaluations, scoring and
 * reports for the Four Cornerstones of partnership with parent carers.
 *
 * Data flows one way:
 *
 *   framework XML --oaip_framework_load--> oaip_framework
 *   self-evaluation CSV --oaip_selfeval_read--> oaip_selfeval
 *   (framework, selfeval) --oaip_score_compute--> oaip_result   (pure)
 *   oaip_result --oaip_render_score--> oaip_buf                 (pure)
 *   oaip_buf --oaip_output_write--> file or stdout              (atomic)
 *
 * Ownership: a function whose name ends in _new, _load*, _read*, _compute or
 * that is documented "caller frees" returns memory the caller releases with
 * the matching _free.  Pointers documented "borrowed" live as long as the
 * object they came from.  The library never calls exit() and never prints:
 * problems are collected in an oaip_diags list the caller prints.
 */
#ifndef OAIP_H
#define OAIP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* ------------------------------------------------------------------ */
/* Exit statuses (oaip-eval(1))                                      */

typedef enum oaip_exit {
	OAIP_EXIT_OK = 0,           /* success */
	OAIP_EXIT_CHECK_FAILED = 1, /* validate found problems, --fail-under not
	                               met, a return in a batch unreadable */
	OAIP_EXIT_USAGE = 2,        /* bad command line */
	OAIP_EXIT_INPUT = 3,        /* bad or unreadable input */
	OAIP_EXIT_MEMORY = 4        /* out of memory */
} oaip_exit;

/* ------------------------------------------------------------------ */
/* Growable byte buffer: every renderer writes into one (buf.c)       */

typedef struct oaip_buf {
	char *data; /* NUL-terminated when len > 0 or after any append */
	size_t len;
	size_t cap;
	bool failed; /* an allocation failed; later appends are ignored */
} oaip_buf;

void oaip_buf_init(oaip_buf *b);
void oaip_buf_free(oaip_buf *b);
void oaip_buf_putn(oaip_buf *b, const char *s, size_t n);
void oaip_buf_puts(oaip_buf *b, const char *s);
void oaip_buf_putc(oaip_buf *b, char c);
void oaip_buf_printf(oaip_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void oaip_buf_vprintf(oaip_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Detach the contents: the caller frees the returned string (never NULL
 * unless allocation failed); the buffer is left empty. */
char *oaip_buf_detach(oaip_buf *b);

/* Safe string helpers (buf.c).  Both return NULL only if allocation
 * failed; the caller frees. */
char *oaip_strdup(const char *s);
char *oaip_strndup(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Diagnostics: file:line: severity: message, collected not printed   */

typedef enum oaip_severity {
	OAIP_NOTE,
	OAIP_WARNING,
	OAIP_ERROR
} oaip_severity;

typedef struct oaip_diag {
	char *file;  /* may be NULL: a problem not tied to a file */
	long line;   /* 1-based; 0 when unknown (a workbook: the sheet row) */
	char *where; /* a workbook cell as its user names it
	                ("Self-evaluation!D7"), or NULL */
	oaip_severity severity;
	char *message; /* lower case, no full stop, subject in quotes */
} oaip_diag;

typedef struct oaip_diags {
	oaip_diag *items;
	size_t n;
	size_t cap;
} oaip_diags;

void oaip_diags_init(oaip_diags *d);
void oaip_diags_free(oaip_diags *d);
void oaip_diags_add(oaip_diags *d, oaip_severity sev, const char *file,
                    long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void oaip_diags_vadd(oaip_diags *d, oaip_severity sev, const char *file,
                     long line, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));
/* The same about a workbook cell: where is "Sheet!D7" (copied). */
void oaip_diags_add_at(oaip_diags *d, oaip_severity sev, const char *file,
                       long line, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
size_t oaip_diags_count(const oaip_diags *d, oaip_severity sev);
/* Print each as "file:line: error: message", "file: Sheet!D7: error:
 * message" for a workbook cell, or "oaip-eval: error: message" when there
 * is no file, to f. */
void oaip_diags_print(const oaip_diags *d, FILE *f);
/* The same, as GitHub Actions workflow commands
 * ("::error file=F,line=L::message"). */
void oaip_diags_print_github(const oaip_diags *d, FILE *f);
/* Move every item of src to the end of dst; src is left empty. */
void oaip_diags_move(oaip_diags *dst, oaip_diags *src);

/* ------------------------------------------------------------------ */
/* The Four Cornerstones (cornerstones.c): fixed, defined once        */

typedef enum oaip_cornerstone {
	OAIP_WELCOME_AND_CARE = 0,
	OAIP_VALUE_AND_INCLUDE = 1,
	OAIP_COMMUNICATE = 2,
	OAIP_WORK_IN_PARTNERSHIP = 3,
	OAIP_N_CORNERSTONES = 4
} oaip_cornerstone;

/* "welcome-and-care", ...; borrowed static strings. */
const char *oaip_cornerstone_id(oaip_cornerstone c);
/* "Welcome and Care", ... */
const char *oaip_cornerstone_title(oaip_cornerstone c);
/* One sentence saying what the cornerstone is about. */
const char *oaip_cornerstone_description(oaip_cornerstone c);
/* Returns the cornerstone for an id, or -1. */
int oaip_cornerstone_from_id(const char *id);

/* ------------------------------------------------------------------ */
/* Phases                                                             */

enum {
	OAIP_PHASE_EARLY_YEARS = 1 << 0, /* "early-years" */
	OAIP_PHASE_SCHOOL = 1 << 1,      /* "school" */
	OAIP_PHASE_POST16 = 1 << 2,      /* "post-16" */
	OAIP_PHASE_ALL = 7
};
/* Returns the phase bit for a name ("early-years", "school", "post-16",
 * or an alias: "eyfs", "nursery", "reception", "primary", "secondary",
 * "sixth-form", "6th-form", "fe"; case-insensitive), or 0 if unknown. */
unsigned oaip_phase_from_name(const char *name);
/* What a phase may be, for messages. */
#define OAIP_PHASE_CHOICES                                                     \
	"early-years, school or post-16 (or eyfs, nursery, reception, "        \
	"primary, secondary, sixth-form, 6th-form, fe)"
/* Parse one or more phases separated by ',' ';' '/' '+' or '&' ("school,
 * post-16", "Early years", "primary / sixth form", "all"); spaces and '_'
 * inside a phase count as '-'.  ORs their bits into *mask (set to 0
 * first); false when any is unknown or there is none. */
bool oaip_phase_parse(const char *text, unsigned *mask);

/* Borrowed static name of a single phase bit. */
const char *oaip_phase_name(unsigned phase_bit);
/* The phases in a set, in order, joined with sep: "early-years or
 * school" (sep " or "), "early-years school" (sep " ", JSON). */
void oaip_phase_list(oaip_buf *b, unsigned phases, const char *sep);

/* ------------------------------------------------------------------ */
/* Frameworks (framework*.c, builtin.c)                              */

typedef struct oaip_level {
	int value;         /* the number schools may type: 0, 1, 2, 3 */
	char *id;          /* "not-yet" */
	char *label;       /* "Not yet" */
	char *description; /* may be NULL */
} oaip_level;

typedef struct oaip_scale {
	oaip_level *levels; /* ordered by value, strictly increasing */
	size_t n_levels;
	int target; /* value of the default target level */
} oaip_scale;

typedef enum oaip_example_kind {
	OAIP_EXAMPLE_PRACTICE, /* "what this could look like" */
	OAIP_EXAMPLE_QUOTE     /* a parent carer's words */
} oaip_example_kind;

typedef struct oaip_example {
	oaip_example_kind kind;
	char *text;
	char *by;        /* quotes: who said it ("Parent carer"); else NULL */
	unsigned phases; /* 0 = every phase */
} oaip_example;

typedef struct oaip_indicator {
	char *id;
	char *text;
	oaip_cornerstone cornerstone;
	unsigned phases;        /* 0 = every phase */
	double weight;          /* > 0; default 1 */
	size_t expectation;     /* index into framework->expectations */
	oaip_example *examples; /* examples specific to this indicator */
	size_t n_examples;
	long line; /* line in the XML */
	char *ask; /* the statement parent carers are asked to agree with
	              (<ask>), or NULL */
	long ask_line;
	/* Short code: the cornerstone's letter (W, V, C, P) and the
	 * indicator's position among that cornerstone's indicators in
	 * framework order, counting every indicator whatever its phase, so
	 * a code never changes with --phase: "W1", "C3". */
	char code[24];
} oaip_indicator;

typedef struct oaip_expectation {
	char *id;
	char *title;     /* e.g. "Expectation 1"; may be NULL */
	char *statement; /* "Parent carers are welcomed and ..." */
	char **notes;    /* further paragraphs of context */
	size_t n_notes;
	size_t strand; /* index into framework->strands */
	size_t
	    first_indicator; /* indicators of an expectation are contiguous */
	size_t n_indicators;
	oaip_example *examples;
	size_t n_examples;
	int cornerstone; /* default for its indicators, or -1 */
} oaip_expectation;

typedef struct oaip_strand {
	char *id;
	char *title;
	char *description; /* may be NULL */
} oaip_strand;

typedef struct oaip_framework {
	char *id;
	char *title;
	char *publisher;
	char *section; /* the source section's title */
	char *url;     /* may be NULL */
	char *version; /* may be NULL; e.g. "2025" or a date */
	char *attribution;
	char *ask_attribution; /* who wrote the asks (<ask-attribution>), or
	                          NULL */
	char *source_name;     /* file it was loaded from, or "builtin:devon" */
	oaip_scale scale;
	oaip_strand *strands;
	size_t n_strands;
	oaip_expectation *expectations;
	size_t n_expectations;
	oaip_indicator *indicators; /* in document (framework) order */
	size_t n_indicators;
	struct oaip_index *index; /* id -> indicator lookup (private) */
} oaip_framework;

/* Load a framework given as a built-in id ("devon") or a path to an XML
 * file.  A spec containing '/' or ending in ".xml" is always a path.
 * Returns NULL and adds errors to d on failure (every problem found, with
 * file and line).  Caller frees with oaip_framework_free. */
oaip_framework *oaip_framework_load(const char *spec, oaip_diags *d);
/* The framework's name as a sentence gives it: its title, else its id. */
const char *oaip_framework_name(const oaip_framework *fw);
/* The file a framework spec names (spec itself), or NULL for a built-in
 * id or a NULL spec: what oaip_framework_load would read. */
const char *oaip_framework_spec_file(const char *spec);
oaip_framework *oaip_framework_load_file(const char *path, oaip_diags *d);
/* name is used in diagnostics. */
oaip_framework *oaip_framework_load_memory(const char *xml, size_t len,
                                           const char *name, oaip_diags *d);
void oaip_framework_free(oaip_framework *fw);

/* Does any indicator of fw carry an ask? */
bool oaip_framework_has_asks(const oaip_framework *fw);
/* Index of the indicator whose code is code (ASCII case ignored), or
 * -1. */
long oaip_framework_find_code(const oaip_framework *fw, const char *code);
/* The longest an ask may be, in characters. */
#define OAIP_ASK_MAX 150

/* Index of the indicator with this id, or -1.  O(1) average. */
long oaip_framework_find(const oaip_framework *fw, const char *id);
/* The known indicator id closest to id (edit distance), borrowed, or NULL
 * if nothing is reasonably close. */
const char *oaip_framework_suggest(const oaip_framework *fw, const char *id);
/* The name among names[0..n-1] closest to word by the same measure (a
 * mistyped command or option), borrowed from names, or NULL if none is
 * reasonably close. */
const char *oaip_suggest(const char *word, const char *const *names, size_t n);
/* Does indicator i apply in phase (0 = no filter)? */
bool oaip_indicator_applies(const oaip_indicator *ind, unsigned phase);

/* Level lookup: by value, or -1 if not a level. */
const oaip_level *oaip_scale_level(const oaip_scale *s, int value);
/* The top level's value (r_max). */
int oaip_scale_max(const oaip_scale *s);
/* Parse a level given as number, id or label in any case, ignoring
 * surrounding spaces ("3", "Embedded", "embedded", "not yet", "not-yet").
 * Returns true and sets *value, or false. */
bool oaip_scale_parse_level(const oaip_scale *s, const char *text, int *value);
/* "0-3, not yet, emerging, established, embedded" - what a rating may be;
 * caller frees. */
char *oaip_scale_describe(const oaip_scale *s);

/* Built-in frameworks, compiled in (builtin.c + generated data). */
typedef struct oaip_builtin {
	const char *id;       /* "devon" */
	const char *filename; /* "devon.xml" */
	const char *xml;      /* NUL-terminated */
	size_t len;
} oaip_builtin;
size_t oaip_builtin_count(void);
const oaip_builtin *oaip_builtin_get(size_t i);
const oaip_builtin *oaip_builtin_find(const char *id);
/* The default built-in id: "devon". */
const char *oaip_builtin_default(void);
/* The RELAX NG schema for framework XML, compiled in; NUL-terminated. */
const char *oaip_framework_schema(size_t *len);

/* ------------------------------------------------------------------ */
/* Self-evaluations (selfeval.c)                                      */

typedef enum oaip_rating_kind {
	OAIP_RATING_EMPTY = 0, /* not evaluated yet (blank, or row missing) */
	OAIP_RATING_NA,        /* not applicable */
	OAIP_RATING_RATED
} oaip_rating_kind;

typedef struct oaip_entry {
	oaip_rating_kind kind;
	int level;        /* a scale value, when RATED */
	char *evidence;   /* may be NULL; school text: escape on output */
	char *next_steps; /* may be NULL; school text */
	long line;        /* CSV line of the row; 0 if the row was missing */
} oaip_entry;

typedef struct oaip_selfeval {
	char *file;               /* as given */
	char *school;             /* the School detail, else from the file name
	                             (oaip_school_name); a caller may replace it
	                             (--school: free the old, malloc the new) */
	const oaip_framework *fw; /* borrowed (or own_fw) */
	oaip_entry *entries;      /* fw->n_indicators, in framework order */
	bool windows1252;         /* the file was read as Windows-1252 */
	unsigned phase;           /* the Phase detail (OAIP_PHASE_* bits), 0
	                             when there is none */
	char *urn, *completed_by, *date; /* details; NULL when absent */
	oaip_framework *own_fw; /* the framework chosen by the reader when
	                           none was given (== fw), freed with se */
	struct oaip_unknown_row *unknown; /* read with
	                                     oaip_selfeval_read_previous: rows
	                                     naming ids fw does not have */
	size_t n_unknown;
} oaip_selfeval;

/* A row whose indicator the framework does not have (an earlier
 * version's), kept by oaip_selfeval_read_previous. */
typedef struct oaip_unknown_row {
	char *id;         /* as written, trimmed */
	oaip_entry entry; /* its rating, evidence and next steps */
} oaip_unknown_row;

/* Read a self-evaluation, CSV or .xlsx workbook (told apart by content;
 * see table.h), against fw.  fw NULL: the framework is the one the
 * Framework detail names, else the built-in one whose ids the file uses
 * (with a note saying which); se->fw is then owned by se.  Above the
 * header row, a details block (School, URN, Phase, Framework, Completed
 * by, Date) is read; other rows there, and rows below it that are not
 * indicator rows, are skipped with a note.  Returns NULL and adds errors
 * to d (file:line, or file: Sheet!D7, and what was expected) on bad
 * input; notes and warnings (Windows-1252 fallback, unknown columns) are
 * added as OAIP_NOTE or OAIP_WARNING.  Caller frees. */
/* The same for a school's last self-evaluation (--previous), which may
 * have been made with an earlier version of the framework: rows naming
 * an indicator fw does not have are kept in se->unknown, not errors (a
 * file none of whose ids fw has is still an error). */
oaip_selfeval *oaip_selfeval_read_previous(const oaip_framework *fw,
                                           const char *path, oaip_diags *d);
oaip_selfeval *oaip_selfeval_read(const oaip_framework *fw, const char *path,
                                  oaip_diags *d);
oaip_selfeval *oaip_selfeval_read_memory(const oaip_framework *fw,
                                         const char *data, size_t len,
                                         const char *name, oaip_diags *d);
void oaip_selfeval_free(oaip_selfeval *se);

/* The school's display name from a return's file name, as written:
 * "returns/st-marys-CE-primary.xlsx" -> "st marys CE primary" (extension
 * .csv, .xlsx or .txt removed, '-' and '_' shown as spaces, no change of
 * case), "-" -> "standard input".  Always valid UTF-8 (bytes that are not
 * are read as Windows-1252).  Caller frees. */
char *oaip_school_name(const char *path);

/* The blank template as an Excel workbook (template_xlsx.c): sheets
 * Self-evaluation (details block, one row per indicator applying in phase,
 * a drop-down on rating), Levels and Good practice.  Appended to out;
 * false with an error in d when it cannot be made. */
bool oaip_template_xlsx(const oaip_framework *fw, unsigned phase, oaip_buf *out,
                        oaip_diags *d);
/* The blank template CSV for fw (indicators applying in phase; 0 = all)
 * appended to out. */
void oaip_template_render(const oaip_framework *fw, unsigned phase,
                          oaip_buf *out);

/* ------------------------------------------------------------------ */
/* Scoring (score.c): pure functions, no I/O                          */

typedef struct oaip_score_options {
	int target;     /* target level value; -1 = the framework's default */
	unsigned phase; /* 0 = no phase filter */
} oaip_score_options;

typedef struct oaip_cornerstone_score {
	bool has_score; /* false when nothing is rated (score is null) */
	double score;   /* 0..100 */
	size_t rated;   /* rated indicators */
	size_t total;   /* applicable indicators (rated, n/a or empty) */
	size_t na;
	size_t empty;
	size_t at_target; /* rated at or above the target */
	size_t gaps;      /* rated below the target */
} oaip_cornerstone_score;

typedef struct oaip_result {
	const oaip_framework *fw; /* borrowed */
	const oaip_selfeval *se;  /* borrowed */
	int target;               /* the target level value used */
	unsigned phase;
	oaip_cornerstone_score cs[OAIP_N_CORNERSTONES];
	bool has_overall;
	double overall;    /* mean of non-null cornerstone scores */
	size_t *strengths; /* indicator indexes rated at or above target */
	size_t n_strengths;
	size_t *gaps; /* indicator indexes rated below target, by cornerstone
	                 then framework order */
	size_t n_gaps;
	size_t *not_evaluated; /* applicable indicators left empty */
	size_t n_not_evaluated;
	size_t *not_applicable;
	size_t n_not_applicable;
} oaip_result;

/* Score se against its framework.  Returns NULL only if allocation failed
 * or opts->target is not a level.  Caller frees. */
oaip_result *oaip_score_compute(const oaip_selfeval *se,
                                const oaip_score_options *opts);
void oaip_result_free(oaip_result *r);
/* A plain-words band for a cornerstone, by its relation to the target
 * (never a level's name, which a custom scale may use); borrowed static
 * string.  With t = the target as a percentage of the top level (100 *
 * target / r_max; 100 when r_max is 0), and scores and thresholds
 * compared as reports show them (oaip_score_round):
 *   "Not part of this phase"  no indicator of the cornerstone applies
 *   "Not applicable"          every one is marked n/a
 *   "Not yet evaluated"       nothing rated, some blank
 *   "Too few rated to judge"  fewer than half rated (rated * 2 < total;
 *                             an n/a indicator is not rated)
 * and when at least half are rated, the first that fits:
 *   "Above target"       no gaps, score >= halfway from t to 100 (only
 *                        when the target is not the top level)
 *   "At target"          no gaps (every rated indicator at or above it)
 *   "Mostly at target"   some gaps, score >= t and more indicators at or
 *                        above the target than below it (only when the
 *                        target is not the top level)
 *   "Below target"       some gaps, score >= t / 2
 *   "Well below target"  some gaps, score < t / 2
 * " (partly evaluated)" is appended to these five while any applicable
 * indicator is still blank.  A cornerstone with gaps is never "At target"
 * or "Above target". */
const char *oaip_band(const oaip_cornerstone_score *cs, const oaip_scale *s,
                      int target);
/* A score rounded to the one decimal place reports show, halves rounded
 * up (66.65 -> 66.7).  Renderers and --fail-under all use it, so every
 * output shows and compares the same number. */
double oaip_score_round(double score);

/* ------------------------------------------------------------------ */
/* Comparison over many returns (compare.c)                           */

/* An area view over many schools' returns.  The comparison keeps, per
 * return, only a small summary (oaip_school) and, per indicator, how many
 * schools rated it and how many rated it below the target: memory grows
 * with the number of schools, never with the rows they hold. */
typedef struct oaip_comparison oaip_comparison; /* opaque */

typedef struct oaip_compare_options {
	int target;     /* target level value; -1 = the framework's default */
	unsigned phase; /* 0 = no phase filter */
} oaip_compare_options;

/* How many errors of an unreadable return are kept for the report (all
 * of them are still passed to the progress callback). */
#define OAIP_COMPARE_MAX_ERRORS 10
/* How many training priorities are ranked. */
#define OAIP_COMPARE_PRIORITIES 10

/* One return, summarised.  Every string is valid UTF-8 (bytes that are
 * not were read as Windows-1252).  Owned by the comparison. */
/* What a school's return says about one indicator (oaip_school.cells):
 * a level's value (0..100), or one of these. */
#define OAIP_CELL_OUT   (-1) /* not part of the school's phase */
#define OAIP_CELL_BLANK (-2) /* not evaluated yet */
#define OAIP_CELL_NA    (-3) /* marked not applicable */

/* Why a school is not counted: it is the same school as another. */
typedef enum oaip_duplicate {
	OAIP_DUPLICATE_NONE,
	OAIP_DUPLICATE_CONTENT, /* the files are identical, byte for byte */
	OAIP_DUPLICATE_URN,     /* the same URN */
	OAIP_DUPLICATE_NAME     /* the same school name */
} oaip_duplicate;

/* How a school was matched to its earlier return (--previous). */
typedef enum oaip_match {
	OAIP_MATCH_NONE,
	OAIP_MATCH_URN,
	OAIP_MATCH_NAME,
	OAIP_MATCH_FILE /* the same file name, folder aside */
} oaip_match;

typedef struct oaip_school {
	char *file;     /* as given */
	char *school;   /* display name derived from the file name */
	char *urn;      /* the URN detail; NULL when the return gives none */
	unsigned phase; /* the phases the return was scored for; 0 = all */
	bool readable;  /* false: the return could not be read (see errors) */
	bool counted;   /* readable and not a duplicate (after finish): only
	                   counted schools are in the area's figures */
	oaip_duplicate duplicate;  /* after finish: why it is not counted */
	size_t duplicate_of;       /* after finish: the school counted
	                              instead (an index), when duplicate */
	signed char *cells;        /* readable: per indicator, a level or an
	                              OAIP_CELL_* value */
	size_t gaps;               /* indicators rated below the target */
	unsigned long long digest; /* of the file's bytes; 0 if unknown */
	size_t size;               /* of the file, in bytes */
	long long mtime;           /* the file's modification time (s) */
	const char *skipped;       /* internal: why the file (a report this
	                        program wrote, or a folder's survey
	                        responses) is noted as skipped and never
	                        added; NULL for a return */
	oaip_match match;          /* after oaip_comparison_set_previous */
	size_t previous;           /* the earlier school, an index into the
	                     previous comparison, when matched */
	oaip_cornerstone_score cs[OAIP_N_CORNERSTONES];
	bool has_overall;
	double overall;
	size_t rated;      /* rated indicators over every cornerstone */
	size_t total;      /* applicable indicators over every cornerstone */
	bool low_coverage; /* readable, and fewer than half of the applicable
	                      indicators rated (rated * 2 < total) */
	oaip_diag *errors; /* unreadable: the first errors, file and line */
	size_t n_errors;
	size_t n_errors_total; /* errors found, including those not kept */
} oaip_school;

/* The spread of one score over the schools that have it.  Quartiles are
 * linear interpolation between closest ranks (the method of R's default,
 * numpy's default and spreadsheets' QUARTILE.INC). */
typedef struct oaip_spread {
	size_t n; /* schools with a score; the other members are 0 if n is 0 */
	double mean, min, q1, median, q3, max;
} oaip_spread;

/* A training priority: an indicator many schools rated below target. */
typedef struct oaip_priority {
	size_t indicator; /* index into fw->indicators */
	size_t below;     /* schools that rated it below the target */
	size_t rated;     /* schools that rated it at all */
} oaip_priority;

/* A file in a folder that was not read as a return, and why. */
typedef struct oaip_skipped {
	char *file;   /* as found */
	char *reason; /* plain words: "not a .csv or .xlsx file" */
} oaip_skipped;

/* How many schools most in need of support are ranked. */
#define OAIP_COMPARE_SUPPORT 10
/* How many schools are listed as improved most, and as slipped. */
#define OAIP_COMPARE_MOVERS 5

/* A new, empty comparison against fw (borrowed: it must outlive the
 * comparison).  opts may be NULL for the defaults.  Returns NULL if
 * allocation failed or opts->target is not a level of fw's scale.  Caller
 * frees with oaip_comparison_free. */
oaip_comparison *oaip_comparison_new(const oaip_framework *fw,
                                     const oaip_compare_options *opts);
void oaip_comparison_free(oaip_comparison *c);

/* Add a scored return (scored with the comparison's target and phase).
 * Copies what it needs: r and its self-evaluation may be freed at once.
 * Returns false, adding nothing, if allocation failed. */
bool oaip_comparison_add_result(oaip_comparison *c, const oaip_result *r);
/* Add a return that could not be read: file as given, and the errors
 * (OAIP_ERROR items) of d, which are copied; d is not changed. */
bool oaip_comparison_add_failure(oaip_comparison *c, const char *file,
                                 const oaip_diags *d);

/* Told about each file once it has been added, in the order of the paths
 * and always from the thread that called oaip_comparison_add_files:
 * done of total files added so far, the file, and its diagnostics (the
 * errors of an unreadable return, notes such as a Windows-1252 fallback;
 * borrowed for the call). */
typedef void oaip_compare_progress(void *ud, size_t done, size_t total,
                                   const char *file, const oaip_diags *d);

/* Read, score and add the returns paths[0..n-1], each file read whole
 * with one read(), on `threads` threads (the calling thread is one of
 * them; 0 means one per processor online, at most 8).  A file that cannot be read or parsed is added as a
 * failure and the batch goes on.  The summaries are added in the order of
 * paths whatever order the threads finish in, so the report is the same
 * on every run.  progress may be NULL.  Returns false only if allocation
 * failed: the files whose summary could not be kept are then left out
 * (the report must not be trusted), the others are added. */
bool oaip_comparison_add_files(oaip_comparison *c, const char *const *paths,
                               size_t n, unsigned threads,
                               oaip_compare_progress *progress, void *ud);

/* Compute the area spread and the training priorities; call after the
 * last add and before the accessors below that say so, and renderers.
 * Returns false if allocation failed: the figures are then incomplete
 * and no report may be written from them. */
bool oaip_comparison_finish(oaip_comparison *c);

/* Accessors; every pointer returned is borrowed from c. */
const oaip_framework *oaip_comparison_framework(const oaip_comparison *c);
int oaip_comparison_target(const oaip_comparison *c);
unsigned oaip_comparison_phase(const oaip_comparison *c);
/* Returns added, readable or not, in the order they were added. */
size_t oaip_comparison_count(const oaip_comparison *c);
const oaip_school *oaip_comparison_school(const oaip_comparison *c, size_t i);
size_t oaip_comparison_unreadable(const oaip_comparison *c);
size_t oaip_comparison_low_coverage(const oaip_comparison *c);
/* After finish: the spread of cornerstone which (0..3), or of the overall
 * score when which is OAIP_N_CORNERSTONES, over the readable schools. */
const oaip_spread *oaip_comparison_spread(const oaip_comparison *c, int which);
/* After finish: at most OAIP_COMPARE_PRIORITIES indicators, most schools
 * below target first; then the larger share of the schools that rated
 * it; then framework order.  Indicators no school rated below target are
 * left out.  Returns how many; *out is borrowed. */
size_t oaip_comparison_priorities(const oaip_comparison *c,
                                  const oaip_priority **out);
/* Schools that are counted (readable, not duplicates), after finish. */
size_t oaip_comparison_counted(const oaip_comparison *c);
/* After finish: how many returns were left out as duplicates. */
size_t oaip_comparison_duplicates(const oaip_comparison *c);
/* After finish: the schools to invite to the training on priority k (as
 * oaip_comparison_priorities orders them): the counted schools that
 * rated its indicator below the target, in report order.  Returns how
 * many; *out holds school indexes, borrowed. */
size_t oaip_comparison_invites(const oaip_comparison *c, size_t k,
                               const size_t **out);
/* After finish: at most OAIP_COMPARE_SUPPORT counted schools most in
 * need of support: most indicators below the target first, then the
 * lowest cornerstone score, then the smallest share of indicators
 * rated.  A school is in need when it has a gap, a cornerstone scored
 * below the target, or low coverage.  Returns how many are listed;
 * *out holds school indexes, borrowed; *n_need (may be NULL) gets how
 * many schools are in need in all. */
size_t oaip_comparison_support(const oaip_comparison *c, const size_t **out,
                               size_t *n_need);
/* The reasons school s needs support, in plain words, appended to out:
 * "7 indicators below the target; lowest: Communicate 33.3 (Well below
 * target); only 4 of 20 indicators rated".  The one place this sentence
 * is made. */
void oaip_comparison_support_reasons(const oaip_comparison *c,
                                     const oaip_school *s, oaip_buf *out);
/* For a school s that is not counted because it is a duplicate, the
 * sentence that says so, in plain words, appended to out: "'Copy of
 * Ash.csv' is the same school as 'Ash.csv' (identical files): counted
 * once, as 'Ash.csv'". */
void oaip_comparison_duplicate_text(const oaip_comparison *c,
                                    const oaip_school *s, oaip_buf *out);
/* Whether the files added from now on were found in a folder (the
 * default: named one by one).  A folder's file that is parent carers'
 * survey responses is noted as skipped; a named one is a return that
 * cannot be read, its error saying what the file is. */
void oaip_comparison_set_folder(oaip_comparison *c, bool folder);
/* Note a file of a folder that is not read as a return (both strings
 * copied).  Returns false if allocation failed. */
bool oaip_comparison_add_skipped(oaip_comparison *c, const char *file,
                                 const char *reason);
/* Files skipped, in the order noted; *out borrowed. */
size_t oaip_comparison_skipped(const oaip_comparison *c,
                               const oaip_skipped **out);
/* Compare a given name for sorting as people expect: case aside, runs
 * of digits by their value ("School 2" before "School 10"). */
int oaip_natural_cmp(const char *a, const char *b);
/* Does a file look like a report this program wrote (an area CSV, wide
 * or long, known by its start; the area workbook, known by its document
 * property, so given whole), not a return?  Such a file in a folder is
 * skipped, never read as a broken school. */
bool oaip_is_own_output(const char *data, size_t len);

/* The area over time.  prev is an earlier, finished comparison over the
 * same framework (borrowed: it must outlive c).  Each counted school of c
 * is matched to a counted school of prev by URN, else school name (case
 * and spacing aside), else file name (folder aside); each earlier school
 * is matched at most once.  Call after oaip_comparison_finish on both.
 * Returns false if allocation failed. */
bool oaip_comparison_set_previous(oaip_comparison *c,
                                  const oaip_comparison *prev);
/* The earlier comparison, or NULL. */
const oaip_comparison *oaip_comparison_previous(const oaip_comparison *c);
/* For a matched school s of c, its earlier summary (else NULL). */
const oaip_school *oaip_comparison_school_then(const oaip_comparison *c,
                                               const oaip_school *s);
/* A change between two scores as reports show them: both rounded to one
 * decimal place first, so then + change = now on the page.  has is false
 * when either is missing. */
typedef struct oaip_change {
	bool has;
	double then, now, change;
} oaip_change;
oaip_change oaip_change_of(bool has_then, double then, bool has_now,
                           double now);
/* The schools whose overall score rose most (improved) or fell most
 * (slipped), at most OAIP_COMPARE_MOVERS each, school indexes of c,
 * borrowed.  A school whose score did not move is in neither. */
size_t oaip_comparison_improved(const oaip_comparison *c, const size_t **out);
size_t oaip_comparison_slipped(const oaip_comparison *c, const size_t **out);
/* Whether school i of the previous comparison was matched by a school
 * now (false for every i when there is no previous comparison). */
bool oaip_comparison_then_matched(const oaip_comparison *c, size_t i);
/* The renderer, oaip_render_compare, is declared with the others below. */

/* ------------------------------------------------------------------ */
/* Progress since the last self-evaluation (progress.c): pure          */

/* One cornerstone then and now.  then is all zero when the earlier
 * return's framework had no indicator of the cornerstone. */
typedef struct oaip_progress_cornerstone {
	oaip_cornerstone_score then, now;
	bool has_change; /* both have a score */
	double change;   /* now - then as reports show them: each rounded
	                    with oaip_score_round, then the difference */
} oaip_progress_cornerstone;

/* Two scored returns of the same framework, set side by side.  Indicators
 * are matched by id, so the earlier return may have been scored against
 * another version of the framework.  Lists hold indexes into the current
 * framework (now->fw), in framework order, over the indicators that apply
 * in now's phase.  The last return may also name indicators the
 * framework does not have (oaip_selfeval_read_previous): they are gone,
 * and the framework's indicators it has no row for are added. */
typedef struct oaip_progress {
	const oaip_result *then, *now; /* borrowed: must outlive this */
	long *then_index;     /* per current indicator: its index in then->fw,
	                         or -1 when it is new */
	bool version_changed; /* the framework's version or its indicators
	                         differ between the two returns */
	oaip_progress_cornerstone cs[OAIP_N_CORNERSTONES];
	bool has_overall_change;
	double overall_change; /* as cs[].change */
	size_t *up;            /* rated both times, a higher level now */
	size_t n_up;
	size_t *down; /* rated both times, a lower level now */
	size_t n_down;
	size_t *closed; /* a gap then, rated at or above the target now */
	size_t n_closed;
	size_t *new_gaps; /* a gap now but not then (then at or above the
	                     target, not rated, or new) */
	size_t n_new_gaps;
	size_t *unrated; /* rated then, blank or n/a now */
	size_t n_unrated;
	size_t *followups; /* had next steps then: shown beside this time's
	                      evidence */
	size_t n_followups;
	size_t *added; /* in the current framework only */
	size_t n_added;
	struct oaip_progress_gone *gone; /* indicators of the last return
	                                    the current framework does not
	                                    have, in its order */
	size_t n_gone;
} oaip_progress;

typedef struct oaip_progress_gone {
	const char *id;         /* borrowed */
	const char *text;       /* its statement; NULL when only the
	                           return named it */
	const oaip_entry *then; /* its entry last time; borrowed */
} oaip_progress_gone;

/* Set then (the earlier return, scored) beside now.  The two must use
 * the same framework, judged by indicator ids: when fewer than half of
 * the indicators of the smaller framework are in both, adds an error
 * naming both files to d and returns NULL.  A changed version (or set of
 * indicators) adds a note to d and sets version_changed.  Returns NULL
 * also if allocation failed (with an error in d).  Caller frees with
 * oaip_progress_free. */
oaip_progress *oaip_progress_compute(const oaip_result *then,
                                     const oaip_result *now, oaip_diags *d);
void oaip_progress_free(oaip_progress *p);
/* The earlier return's entry for current indicator i, or NULL when the
 * indicator is new.  Borrowed. */
const oaip_entry *oaip_progress_then_entry(const oaip_progress *p, size_t i);

/* Report wording, in one place (plain UTF-8, not escaped). */
/* A cornerstone's coverage then and now: "now 5 of 5 rated, was 3 of 5",
 * or "5 of 5 rated, as last time". */
void oaip_progress_coverage_text(const oaip_progress_cornerstone *c,
                                 oaip_buf *out);
/* A change in words: "up 16.7 points", "down 5.0 points", "no change",
 * or "no comparison" when either score is missing. */
void oaip_progress_change_text(bool has, double change, oaip_buf *out);

/* ------------------------------------------------------------------ */
/* The action plan (plan.c, render_plan.c): one row per gap           */

typedef struct oaip_plan_row {
	size_t indicator;       /* index into fw->indicators */
	int rating;             /* the level the school gave */
	const char *next_steps; /* borrowed from the return; may be NULL */
	bool has_agree;         /* a survey gave an agree % that may be shown */
	double agree_pct;       /* 0..100, when has_agree */
	size_t answered;        /* survey answers counted (not Don't know) */
	size_t agree;           /* of them, agree or strongly agree */
} oaip_plan_row;

typedef struct oaip_plan {
	const oaip_result *r; /* borrowed */
	oaip_plan_row *rows;  /* by cornerstone; lowest rating first within
	                         one; then framework order */
	size_t n_rows;
	bool with_survey;     /* add the parent_agree_pct column */
	size_t min_responses; /* with a survey: fewer answers show nothing */
} oaip_plan;

/* The plan for a scored return: every gap, ordered.  Returns NULL if
 * allocation failed.  Caller frees with oaip_plan_free. */
oaip_plan *oaip_plan_build(const oaip_result *r);
void oaip_plan_free(oaip_plan *p);
/* Add parent carers' agree % to each row (res counted against the same
 * framework; borrowed, must outlive p): shown only where the question
 * and the survey both reach res->min. */
struct oaip_survey_result;
void oaip_plan_add_survey(oaip_plan *p, const struct oaip_survey_result *res);

/* The plan's columns, in order: the facts from the return (indicator,
 * cornerstone, statement, rating, target, next_steps), the columns a
 * school fills in (owner, by_when, success_measure), then, with a survey,
 * parent_agree_pct.  Borrowed static array; *n is set to its length. */
typedef struct oaip_plan_column {
	const char *key;     /* "by_when": the CSV header, a JSON name */
	const char *heading; /* "By when": for people */
	bool fill_in;        /* empty: for the school to fill in */
} oaip_plan_column;
const oaip_plan_column *oaip_plan_columns(const oaip_plan *p, size_t *n);
/* The plain text (not escaped) of row's cell in column col, appended to
 * out; nothing for a column to fill in.  sheet: a spreadsheet cell (CSV,
 * xlsx), where parent carers' agree % is a bare number ("45.0"); else
 * "9 of 20 agree (45.0%)".  Either way, "fewer than K answers" where it
 * may not be shown. */
void oaip_plan_cell(const oaip_plan *p, size_t row, size_t col, bool sheet,
                    oaip_buf *out);
/* The plan's wording, in one place (plain text, not escaped):
 * "Action plan: St Mary's Primary". */
void oaip_plan_title(const oaip_plan *p, oaip_buf *out);
/* What the plan holds: how many gaps, in what order, what to fill in,
 * and how many indicators are not yet evaluated. */
void oaip_plan_intro(const oaip_plan *p, oaip_buf *out);
/* With a survey: what "Parent carers who agree" means; else nothing. */
void oaip_plan_survey_note(const oaip_plan *p, oaip_buf *out);
/* The rows of cornerstone c, which are contiguous: how many, and the
 * first in *first. */
size_t oaip_plan_cornerstone_rows(const oaip_plan *p, oaip_cornerstone c,
                                  size_t *first);
/* The school terms from date ("2026-11-23", the report date) on, for a
 * by_when drop-down: "Autumn term 2026", "Spring term 2027", ... (January
 * to March is spring, April to July summer, August to December autumn).
 * Fills n entries; returns n, or 0 when date is not a date. */
size_t oaip_plan_terms(const char *date, char out[][24], size_t n);
/* The plan as an Excel workbook (plan_xlsx.c): one sheet "Action plan"
 * with the columns of oaip_plan_columns, owner, by_when (a drop-down of
 * the coming terms that also takes any date or text) and success_measure
 * ready to fill in, a filter on the header, and set up to print on A4
 * landscape, one page wide, with the header row on every page.  Appends
 * the file's bytes to out; false with an error in d. */
struct oaip_render_options;
bool oaip_plan_xlsx(const oaip_plan *p, const struct oaip_render_options *o,
                    oaip_buf *out, oaip_diags *d);
/* The renderer, oaip_render_plan, is declared with the others below. */

/* ------------------------------------------------------------------ */
/* "You said, we did" (yousaid.c, render_yousaid.c): one page for      */
/* parent carers                                                       */

/* The most questions the page answers: it must fit on one A4 sheet. */
#define OAIP_YOUSAID_MAX 3
/* The longest evidence or next steps shown, in bytes; longer text is
 * shortened at a word, with "…" (the score report has it all). */
#define OAIP_YOUSAID_TEXT 320

struct oaip_survey_result;
typedef struct oaip_yousaid {
	const oaip_result *r;                 /* borrowed */
	const struct oaip_survey_result *res; /* borrowed */
	size_t *items; /* indicator indexes: the questions fewest agreed
	                  with (lowest agree %, then more answers, then
	                  framework order); only questions whose answers may
	                  be shown, none when the survey has too few
	                  respondents */
	size_t n;
} oaip_yousaid;

/* Choose the questions for r's school from res (counted against the same
 * framework).  NULL if allocation failed or res is for another
 * framework.  Caller frees with oaip_yousaid_free. */
oaip_yousaid *oaip_yousaid_build(const oaip_result *r,
                                 const struct oaip_survey_result *res);
void oaip_yousaid_free(oaip_yousaid *y);
/* The page's words, plain text (not escaped), appended to out. */
void oaip_yousaid_title(const oaip_yousaid *y, oaip_buf *out);
void oaip_yousaid_school(const oaip_yousaid *y, oaip_buf *out);
/* Thanks, how many answered, what follows; or, with too few
 * respondents, why nothing is shown. */
void oaip_yousaid_intro(const oaip_yousaid *y, oaip_buf *out);
/* Item k: the question in the questionnaire's words; what parent carers
 * said, as counts; the school's evidence; its next steps. */
void oaip_yousaid_question(const oaip_yousaid *y, size_t k, oaip_buf *out);
void oaip_yousaid_said(const oaip_yousaid *y, size_t k, oaip_buf *out);
void oaip_yousaid_did(const oaip_yousaid *y, size_t k, oaip_buf *out);
void oaip_yousaid_will(const oaip_yousaid *y, size_t k, oaip_buf *out);
void oaip_yousaid_closing(const oaip_yousaid *y, oaip_buf *out);
/* Who wrote the survey's statements (the framework's ask attribution). */
void oaip_yousaid_credit(const oaip_yousaid *y, oaip_buf *out);
/* The renderer, oaip_render_yousaid, is declared with the others below. */

/* ------------------------------------------------------------------ */
/* Rendering (render_*.c, escape.c)                                   */

typedef enum oaip_format {
	OAIP_FORMAT_MARKDOWN,
	OAIP_FORMAT_HTML,
	OAIP_FORMAT_JSON,
	OAIP_FORMAT_CSV,
	OAIP_FORMAT_XLSX /* compare's area workbook */
} oaip_format;

/* "markdown"/"md", "html", "json", "csv", "xlsx" -> format; false if
 * unknown. */
bool oaip_format_parse(const char *name, oaip_format *f);
/* From an output path's extension (.md .markdown .html .htm .json .csv
 * .xlsx); false if none matches. */
bool oaip_format_from_path(const char *path, oaip_format *f);
const char *oaip_format_name(oaip_format f);
/* The extension an output file of format f is given: "md", "html". */
const char *oaip_format_ext(oaip_format f);

typedef struct oaip_render_options {
	const char *date; /* "2026-11-23": the report date */
	const char *program_version;
	/* Score reports: the change since the last self-evaluation, for a
	 * "Since last time" section (JSON "previous"); NULL for none. */
	const struct oaip_progress *previous;
	/* score: parent carers' answers, counted with the same
	 * self-evaluation (oaip_survey_count); adds "Two views".  NULL for
	 * none. */
	const struct oaip_survey_result *survey;
	/* compare: parent carers' surveys across the area, finished
	 * (oaip_area_survey_finish); adds "Parent carers across the area".
	 * NULL for none. */
	const struct oaip_area_survey *area_survey;
	/* Where a renderer that writes through a temporary file (a
	 * workbook) says why it failed; NULL: not said. */
	oaip_diags *diags;
} oaip_render_options;

/* The reports.  Which formats each can be written in is said in one
 * place, render.c's table: ask it with oaip_render_supported and
 * oaip_render_formats. */
typedef enum oaip_report_kind {
	OAIP_REPORT_SCORE,
	OAIP_REPORT_COMPARE,
	OAIP_REPORT_SURVEY,    /* survey summary */
	OAIP_REPORT_FRAMEWORK, /* a whole framework (show) */
	OAIP_REPORT_PLAN,      /* an action plan */
	OAIP_REPORT_YOUSAID    /* "you said, we did" */
} oaip_report_kind;
bool oaip_render_supported(oaip_report_kind kind, oaip_format f);
/* The formats kind can be written in, in the table's order, into v (room
 * for n); returns how many there are. */
size_t oaip_render_formats(oaip_report_kind kind, oaip_format *v, size_t n);

/* Render r's score report in format into out.  Returns false, writing
 * nothing, when the format has no score report (oaip_render_supported);
 * an allocation failure sets out->failed. */
bool oaip_render_score(const oaip_result *r, oaip_format format,
                       const oaip_render_options *o, oaip_buf *out);
/* Parent carers' views alone (oaip-eval survey summary) in markdown, html
 * or json; false when the format has none, as oaip_render_score. */
struct oaip_survey_result;
bool oaip_render_survey(const struct oaip_survey_result *res,
                        oaip_format format, const oaip_render_options *o,
                        oaip_buf *out);
/* The whole framework as Markdown (oaip-eval show). */
void oaip_render_framework_markdown(const oaip_framework *fw, oaip_buf *out);
/* The long CSV of a finished comparison: one row per counted school and
 * indicator that applies to it (school, urn, phase, file, indicator,
 * cornerstone, rating, level, below_target), for pivot tables
 * (render_compare_long.c). */
void oaip_render_compare_long(const oaip_comparison *c,
                              const oaip_render_options *o, oaip_buf *out);
/* The whole framework in format (markdown or html: one accessible page
 * with every indicator, example, quote and question) into out; false,
 * writing nothing, when the format has none. */
bool oaip_render_framework(const oaip_framework *fw, oaip_format format,
                           oaip_buf *out);
/* A finished comparison (oaip_comparison_finish) in format into out; false
 * when the format has none, as oaip_render_score. */
bool oaip_render_compare(const oaip_comparison *c, oaip_format format,
                         const oaip_render_options *o, oaip_buf *out);
/* An action plan (render_plan.c, plan_xlsx.c): CSV (UTF-8 with a byte
 * order mark, CRLF, ready for a spreadsheet), Markdown, HTML or a
 * workbook (why one could not be made goes to o->diags); false for
 * another format, as oaip_render_score. */
bool oaip_render_plan(const oaip_plan *p, oaip_format format,
                      const oaip_render_options *o, oaip_buf *out);
/* The "you said, we did" page (render_yousaid.c): HTML (one A4 page,
 * printable) or Markdown (for a newsletter); false for another format. */
bool oaip_render_yousaid(const oaip_yousaid *y, oaip_format format,
                         const oaip_render_options *o, oaip_buf *out);

/* Escaping, in one place.  Each appends the escaped form of s to out. */
/* HTML text and attribute values: & < > " ' */
void oaip_escape_html(oaip_buf *out, const char *s);
/* A quoted CSS string ("..."), for a style sheet inside <style>: " \ <
 * and > as hex escapes, so no input can end the string or the style
 * element; control characters (a newline would end the string) become
 * spaces. */
void oaip_escape_css_string(oaip_buf *out, const char *s);
/* Markdown inline text: every character that could start markup is
 * backslash-escaped; newlines become spaces unless keep_newlines, in which
 * case they become hard breaks; no input can make a link, image, table
 * cell break or raw HTML.  GitHub's e-mail autolinks ignore backslashes,
 * so an '@' that could end such an address gets an invisible word joiner
 * (U+2060) before it. */
void oaip_escape_markdown(oaip_buf *out, const char *s, bool keep_newlines);
/* One CSV field (RFC 4180 quoting); a cell that a spreadsheet could read as
 * a formula (= + - @ tab CR first) is prefixed with a single quote. */
void oaip_escape_csv(oaip_buf *out, const char *s);
/* For a terminal or a log (utf8.c): control characters shown as \n, \r,
 * \t or \x1b (C1 controls as \u009b), bytes that are not UTF-8 as \xe9,
 * so a file name or an id cannot move the cursor or forge a line. */
void oaip_escape_terminal(oaip_buf *out, const char *s);

/* ------------------------------------------------------------------ */
/* Parent carers' survey (survey.c, survey_csv.c, survey_count.c)     */

/* An answer on the survey's scale.  The value of the four agree/disagree
 * answers is their points. */
typedef enum oaip_answer {
	OAIP_ANSWER_STRONGLY_DISAGREE = 0,
	OAIP_ANSWER_DISAGREE = 1,
	OAIP_ANSWER_AGREE = 2,
	OAIP_ANSWER_STRONGLY_AGREE = 3,
	OAIP_ANSWER_DONT_KNOW = 4,
	OAIP_N_ANSWERS = 5
} oaip_answer;

/* Parse an answer: "Strongly agree", "agree", "Don't know" (any case,
 * straight or curly apostrophe, spaces anywhere), "SA", "A", "D", "SD",
 * "DK".  Returns 1 and sets *a; 0 for a blank cell (not answered); -1
 * when s is not an answer. */
int oaip_answer_parse(const char *s, size_t n, oaip_answer *a);
/* "Strongly agree", ... "Don't know"; borrowed static strings. */
const char *oaip_answer_label(oaip_answer a);
/* "strongly_agree", ... "dont_know": the JSON member names. */
const char *oaip_answer_key(oaip_answer a);

/* The questionnaire (survey_template.c): the questions (asks) of fw's
 * indicators that apply in phase (0 = all), grouped by cornerstone.  As
 * CSV: code, indicator, cornerstone, question.  As HTML: a printable,
 * accessible A4 paper questionnaire with tick boxes, a comments box and
 * a privacy notice. */
void oaip_survey_template_csv(const oaip_framework *fw, unsigned phase,
                              oaip_buf *out);
/* min: the number the privacy notice promises (0: the default). */
void oaip_survey_template_html(const oaip_framework *fw, unsigned phase,
                               size_t min, oaip_buf *out);
/* As a response-entry workbook for typing in paper answers: a sheet
 * Responses with one column per question ("W1 I feel welcome at the
 * school.") with a drop-down of the five answers, and Comments; a sheet
 * About.  False with an error in d when it cannot be made. */
bool oaip_survey_template_xlsx(const oaip_framework *fw, unsigned phase,
                               oaip_buf *out, oaip_diags *d);

/* The smallest number of answers or respondents shown, by default and
 * at least (SPEC: as Ofsted Parent View; never fewer than 5). */
#define OAIP_SURVEY_MIN_DEFAULT 10
#define OAIP_SURVEY_MIN_LEAST   5

typedef struct oaip_survey_options {
	unsigned phase;              /* questions of indicators that do not
	                                apply are ignored; 0 = every phase */
	const char *comments_column; /* heading of the free-text column to
	                                keep (--comments), or NULL */
} oaip_survey_options;

/* What a column of the responses turned out to be. */
typedef enum oaip_survey_column {
	OAIP_COLUMN_OTHER,       /* ignored with a note; never read */
	OAIP_COLUMN_IDENTIFYING, /* name, email, id, time: never read */
	OAIP_COLUMN_QUESTION,    /* an indicator's question */
	OAIP_COLUMN_COMMENTS     /* the --comments column */
} oaip_survey_column;

/* Parent carers' answers, counted as they are read: one count per
 * indicator and answer, and nothing of any respondent.  Only question
 * cells and the comments column are ever looked at: identifying columns
 * are skipped unread. */
typedef struct oaip_survey {
	char *file;               /* as given */
	const oaip_framework *fw; /* borrowed */
	unsigned phase;
	size_t rows;        /* response rows below the heading row */
	size_t respondents; /* rows with any answer (Don't know included) */
	size_t cs_respondents[OAIP_N_CORNERSTONES]; /* rows with any answer
	                                               to its questions */
	size_t (*counts)[OAIP_N_ANSWERS];           /* fw->n_indicators rows */
	bool *asked;    /* fw->n_indicators: the responses have a column */
	size_t n_asked; /* questions found */
	bool has_comments_column;
	char **comments; /* non-blank comments, sorted (their order says
	                    nothing about who wrote them) */
	size_t n_comments;
} oaip_survey;

/* Read responses (CSV or xlsx, recognised by content) against fw.
 * Returns NULL with errors in d (file:line or Sheet!A1; never the value
 * of a column that is not a question); notes say which columns were
 * dropped or ignored.  Caller frees with oaip_survey_free. */
oaip_survey *oaip_survey_read(const oaip_framework *fw, const char *path,
                              const oaip_survey_options *o, oaip_diags *d);
oaip_survey *oaip_survey_read_memory(const oaip_framework *fw, const char *data,
                                     size_t len, const char *name,
                                     const oaip_survey_options *o,
                                     oaip_diags *d);
void oaip_survey_free(oaip_survey *sv);

/* Reading row by row, for any source of cells (survey_csv.c uses it).
 * The first row given is the heading row.  After it, give only the cells
 * whose column oaip_survey_reader_column says is a question or the
 * comments column: no other cell need ever be read. */
typedef struct oaip_survey_reader oaip_survey_reader;
oaip_survey_reader *oaip_survey_reader_new(const oaip_framework *fw,
                                           const char *file,
                                           const oaip_survey_options *o,
                                           oaip_diags *d);
/* where: how messages name the row ("survey.csv:7" style is made from
 * file and line when where is NULL; "Sheet1!A7" for a workbook). */
void oaip_survey_reader_begin_row(oaip_survey_reader *rd, long line,
                                  const char *where);
/* A cell of the current row; col counts from 0.  Returns false once
 * reading should stop (an error, or out of memory). */
bool oaip_survey_reader_cell(oaip_survey_reader *rd, size_t col, const char *s,
                             size_t n);
bool oaip_survey_reader_end_row(oaip_survey_reader *rd);
/* The kind of column col, known after the heading row. */
oaip_survey_column oaip_survey_reader_column(const oaip_survey_reader *rd,
                                             size_t col);
/* Still on the heading row (every cell of it is wanted)? */
bool oaip_survey_reader_is_heading(const oaip_survey_reader *rd);
/* The source could not be read to the end (its error is in d already):
 * finish will return NULL. */
void oaip_survey_reader_fail(oaip_survey_reader *rd);
/* Finish: the survey, or NULL (errors in d).  Frees rd either way. */
oaip_survey *oaip_survey_reader_finish(oaip_survey_reader *rd);

/* One question's (or a cornerstone's pooled) answers, as reports show
 * them. */
typedef struct oaip_survey_tally {
	bool shown; /* answered (indicator) or respondents (cornerstone)
	               reach the minimum; nothing else may be shown when
	               false */
	size_t counts[OAIP_N_ANSWERS];
	size_t answered;    /* every answer but Don't know */
	size_t agree;       /* strongly agree + agree */
	double agree_pct;   /* 100 * agree / answered */
	double score;       /* 100 * points / (3 * answered) */
	size_t respondents; /* cornerstones: rows answering any question */
} oaip_survey_tally;

/* Where the school and parent carers see an indicator differently. */
typedef enum oaip_differ_direction {
	OAIP_PARENTS_SEE_GAP,     /* school at or above target, fewer than
	                             half agree */
	OAIP_PARENTS_SEE_STRENGTH /* school below target, at least half
	                             agree */
} oaip_differ_direction;

typedef struct oaip_survey_differ {
	size_t indicator; /* index into fw->indicators */
	int rating;       /* the school's level */
	oaip_differ_direction direction;
} oaip_survey_differ;

/* The survey counted, with small numbers suppressed (pure). */
typedef struct oaip_survey_result {
	const oaip_survey *sv;    /* borrowed */
	size_t min;               /* the minimum used (K) */
	bool shown;               /* respondents >= min */
	oaip_survey_tally *items; /* fw->n_indicators; .shown false for a
	                             question not asked or not applying */
	oaip_survey_tally cs[OAIP_N_CORNERSTONES]; /* pooled over the
	                             cornerstone's shown questions only, so
	                             no hidden count can be worked out */
	bool comments_shown;        /* shown && the survey has comments */
	oaip_survey_differ *differ; /* with a self-evaluation */
	size_t n_differ;
} oaip_survey_result;

/* Count sv with minimum min (>= OAIP_SURVEY_MIN_LEAST; 0 means the
 * default).  With r (may be NULL: the parent view alone), also the
 * indicators where the views differ, in framework order.  Returns NULL
 * if allocation failed or min is too small.  Caller frees. */
oaip_survey_result *oaip_survey_count(const oaip_survey *sv, size_t min,
                                      const oaip_result *r);
void oaip_survey_result_free(oaip_survey_result *res);

/* Fill t from counts (indicator, cornerstone or area), as
 * oaip_survey_count does: shown as given, all zeros when not shown. */
void oaip_survey_tally_fill(oaip_survey_tally *t,
                            const size_t counts[OAIP_N_ANSWERS], bool shown);

/* ------------------------------------------------------------------ */
/* Parent carers' surveys across an area (area_survey.c)              */

/* The key a name is matched by: ASCII letters in lower case and digits;
 * apostrophes (straight or curly) dropped; every other run of ASCII
 * characters (spaces, '-', '_', '.', punctuation) one space, none at
 * either end; other UTF-8 kept as it is.  With survey_file, the
 * extension (.csv, .xlsx) goes first, then the words "survey",
 * "surveys", "responses", "response", "parent", "parents", "carer" and
 * "carers" at the start or end ("Oak Primary - parent carers survey
 * responses.xlsx" is "oak primary").  Appended to out. */
void oaip_area_survey_key(oaip_buf *out, const char *name, bool survey_file);

/* What became of a survey file. */
typedef enum oaip_asurvey_status {
	OAIP_ASURVEY_MATCHED,    /* to one school; read (sv) or not (error) */
	OAIP_ASURVEY_UNMATCHED,  /* no counted school has its key */
	OAIP_ASURVEY_AMBIGUOUS,  /* its key is more than one school's */
	OAIP_ASURVEY_SAME_SCHOOL /* another file matched its school too:
	                            neither is used */
} oaip_asurvey_status;

typedef struct oaip_asurvey_file {
	char *file; /* as found */
	oaip_asurvey_status status;
	oaip_match match;        /* by URN, school name or return file name */
	size_t school;           /* matched or same school: an index into
	                              the comparison */
	oaip_survey *sv;         /* read; NULL until read or unreadable */
	oaip_survey_result *res; /* counted (after finish) */
	char *error;             /* could not be read: its first error,
	                              "file:line: message", the message left
	                              out for a response row (it may quote
	                              an answer); else NULL */
	bool has_overall;        /* parent carers' overall score: the mean
	                              of the cornerstone scores shown */
	double overall;
} oaip_asurvey_file;

/* Where the area's parent carers and the schools see an indicator
 * differently: the rule of oaip_survey_count's differ, with "the school
 * rates it at or above the target" read as "at least half of the schools
 * that rated it do", over the schools whose answers to it are pooled. */
typedef struct oaip_area_differ {
	size_t indicator;
	oaip_differ_direction direction;
	double schools_pct; /* of the schools that rated it, at or above the
	                       target */
	double gap;         /* |schools_pct - agree %|: the order */
} oaip_area_differ;

typedef struct oaip_area_survey {
	const oaip_comparison *c; /* borrowed */
	size_t min;               /* K */
	oaip_asurvey_file *files; /* in the order added */
	size_t n_files;
	size_t *of_school; /* per school of c: the file used, or SIZE_MAX */
	/* After finish.  Pooled only over surveys that are shown, and in
	 * each only over what that school's own report would show (its
	 * questions with at least min answers; its cornerstones pooled over
	 * those): no hidden count can be worked out by subtraction. */
	size_t n_shown;     /* surveys shown */
	size_t n_too_few;   /* surveys read with fewer than min respondents */
	size_t respondents; /* over the surveys shown */
	oaip_survey_tally *items; /* fw->n_indicators */
	size_t *item_schools;     /* schools pooled, per indicator */
	size_t *item_rated;       /* of those, schools that rated it */
	size_t *item_at_target;   /* ... at or above the target */
	size_t *item_asked;       /* surveys read that ask it (and it applies):
	                       a question none asks is left out */
	oaip_survey_tally cs[OAIP_N_CORNERSTONES]; /* respondents: summed */
	size_t cs_schools[OAIP_N_CORNERSTONES];
	/* The same schools' own scores: the mean over those of them with a
	 * score (school_n), to set beside parent carers' */
	double cs_school_mean[OAIP_N_CORNERSTONES];
	size_t cs_school_n[OAIP_N_CORNERSTONES];
	oaip_area_differ *differ; /* most different first */
	size_t n_differ;
} oaip_area_survey;

/* A new area survey for the finished comparison c, with minimum min (0:
 * the default; NULL when below OAIP_SURVEY_MIN_LEAST or out of memory).
 * Caller frees with oaip_area_survey_free. */
oaip_area_survey *oaip_area_survey_new(const oaip_comparison *c, size_t min);
void oaip_area_survey_free(oaip_area_survey *a);
/* Add a survey file (copied); a file that is one of c's returns (read
 * or not) is left out, so one folder may hold both.  False if
 * allocation failed. */
bool oaip_area_survey_add(oaip_area_survey *a, const char *file);
/* Match every file added to a counted school of c: by its key
 * (oaip_area_survey_key) equal to the key of a school's URN, else of its
 * name, else of its return's file name (folders and extension aside).
 * False if allocation failed. */
bool oaip_area_survey_match(oaip_area_survey *a);
/* File i, matched, was read: a takes sv. */
void oaip_area_survey_set(oaip_area_survey *a, size_t i, oaip_survey *sv);
/* File i, matched, could not be read: d holds its errors.  False if
 * allocation failed. */
bool oaip_area_survey_fail(oaip_area_survey *a, size_t i, const oaip_diags *d);
/* Count each survey read, pool the area and find where the views
 * differ.  False if allocation failed. */
bool oaip_area_survey_finish(oaip_area_survey *a);
/* Files that could not be read. */
size_t oaip_area_survey_unreadable(const oaip_area_survey *a);

/* ------------------------------------------------------------------ */
/* Output (output.c)                                                  */

/* Write buf to path atomically (a temporary file with a short name in the
 * same directory, then rename; a file replaced keeps its permission bits,
 * and a read-only one is not replaced), or to stdout when path is NULL,
 * "-" or /dev/stdout.  A path that exists and is not a regular file (a
 * device, a pipe, a terminal, /dev/fd/N, a link into /proc) is written in
 * place, so it is never replaced; a FIFO no program reads is an error,
 * not a hang.  SIGINT, SIGTERM and SIGHUP are held while the temporary
 * file exists, so an interrupted run leaves none behind.  On failure adds
 * an error to d, leaves any existing file untouched and returns false. */
bool oaip_output_write(const char *path, const oaip_buf *buf, oaip_diags *d);

/* Read a whole file ("-": standard input) into memory (input.c).  Caller
 * frees *data.  On failure adds an error naming the file to d and returns
 * false. */
bool oaip_read_file(const char *path, char **data, size_t *len, oaip_diags *d);

/* The name of an input in messages: "<stdin>" for "-" (or NULL), else
 * path itself (borrowed). */
const char *oaip_input_name(const char *path);

/* Is output the same file as one of the n inputs (compared by device and
 * inode, so links and other spellings of its name are caught; "-" among
 * the inputs stands for whatever standard input is)?  Returns the index of
 * that input, or -1.  An output that does not exist yet, or is not a
 * regular file, is no input's. */
long oaip_output_is_input(const char *output, const char *const *inputs,
                          size_t n);

/* Today's local date (as TZ says) as YYYY-MM-DD into out[11]; or, for
 * reproducible reports and tests, the UTC date of SOURCE_DATE_EPOCH when
 * it holds a whole number of seconds from 1970 to 9999 (else ignored). */
void oaip_today(char out[11]);

#endif /* OAIP_H */
