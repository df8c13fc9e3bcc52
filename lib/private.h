/* private.h - helpers shared by the library's modules; not public API. */
#ifndef OAIP_PRIVATE_H
#define OAIP_PRIVATE_H

#include <stdint.h>

#include "oaip.h"

/* The one hash table (hash.c): strings to non-negative numbers.  Keys are
 * borrowed and must outlive the map; fold_case makes ASCII case not
 * matter.  A zeroed map after oaip_strmap_init is empty. */
struct oaip_strmap_slot {
	const char *key;
	long value;
};
typedef struct oaip_strmap {
	struct oaip_strmap_slot *slots;
	size_t mask; /* slots - 1: a power of two, at most half full */
	size_t n;
	bool fold_case;
} oaip_strmap;
void oaip_strmap_init(oaip_strmap *m, bool fold_case);
void oaip_strmap_free(oaip_strmap *m);
/* Add key with value, unless an equal key is there already: *old (may be
 * NULL) gets that key's value, or -1 when key was added.  Returns false
 * only when out of memory. */
bool oaip_strmap_put(oaip_strmap *m, const char *key, long value, long *old);
/* The value of key, or -1. */
long oaip_strmap_get(const oaip_strmap *m, const char *key);

/* A 64-bit digest of n bytes (never 0) that tells files apart: two
 * returns of the same size and digest are taken to be identical. */
unsigned long long oaip_digest(const void *data, size_t n);

/* Make room for extra more bytes (and a NUL) after b->len; false (and
 * b->failed) when allocation failed. */
bool oaip_buf_reserve(oaip_buf *b, size_t extra);

/* Reading inputs (input.c).  The largest input read: no self-evaluation
 * comes near it, and it bounds memory on hostile input. */
#define OAIP_MAX_INPUT ((size_t)256 * 1024 * 1024)
/* Read the whole of path ("-": standard input; a FIFO is read like a pipe
 * once a program writes to it, and given up on after a few seconds
 * without one) into b, replacing its contents but reusing its memory.
 * More than limit bytes is an error, found without reading much past the
 * limit.  *mtime (may be NULL) gets the file's modification time.  On
 * failure adds an error naming the file to d, leaves b->len 0 and returns
 * false. */
bool oaip_read_into(const char *path, size_t limit, oaip_buf *b,
                    long long *mtime, oaip_diags *d);

/* How many threads to share out work that many threads can do: one per
 * processor online, at most 8 (compare.c). */
unsigned oaip_threads(void);

/* As oaip_selfeval_read_memory, but every entry's evidence and next steps
 * are left NULL: for summaries that never show them (compare).  The same
 * errors and notes. */
oaip_selfeval *oaip_selfeval_read_ratings(const oaip_framework *fw,
                                          const char *data, size_t len,
                                          const char *name, oaip_diags *d);

/* ASCII case-insensitive comparison, independent of the locale. */
int oaip_strcasecmp(const char *a, const char *b);
/* A copy of s with leading and trailing ASCII white space removed;
 * caller frees. */
char *oaip_strtrim(const char *s);

/* UTF-8 (utf8.c): the one decoder.  The length of the valid UTF-8
 * sequence at s (at most len bytes; 1 for ASCII) with its code point in
 * *cp (cp may be NULL), or 0 when it is not one: overlong forms,
 * surrogates and values above U+10FFFF are invalid. */
size_t oaip_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* The offset of the first byte of s (len bytes) that is not valid UTF-8,
 * or len when all of it is; *multibyte (may be NULL) gets the number of
 * valid multibyte sequences before that offset. */
size_t oaip_utf8_check(const char *s, size_t len, size_t *multibyte);
/* Is s (len bytes) valid UTF-8? */
bool oaip_utf8_valid(const char *s, size_t len);
/* Does s (len bytes) hold at least one valid multibyte sequence? */
bool oaip_utf8_has_multibyte(const char *s, size_t len);
/* Append code point c as UTF-8. */
void oaip_utf8_put(oaip_buf *out, uint32_t c);
/* Append s with each byte that is not valid UTF-8 replaced by U+FFFD. */
void oaip_utf8_sanitize(oaip_buf *out, const char *s, size_t len);
/* Append the UTF-8 form of Windows-1252 text to out. */
void oaip_cp1252_to_utf8(oaip_buf *out, const char *s, size_t len);

/* Diagnostics in line order (diag.c): a stable sort, so problems on one
 * line keep the order they were found in. */
void oaip_diags_sort_by_line(oaip_diags *d);
/* Messages told about one input: the first OAIP_MAX_MESSAGES, then
 * "and N more errors not shown" (oaip_diags_more). */
#define OAIP_MAX_MESSAGES 20
void oaip_diags_more(oaip_diags *d, const char *file, size_t n, bool at_least);
/* Errors counted in one input before reading stops ("and at least N
 * more"): counting a million broken rows would only take time. */
#define OAIP_MAX_COUNTED 10000
/* Keep the first max errors (and every note and warning); if more were
 * found, drop them and add "and N more errors not shown" for the file
 * name ("and at least N more" when uncounted says others were dropped
 * before they reached d). */
void oaip_diags_limit_errors(oaip_diags *d, size_t max, const char *name,
                             bool uncounted);
/* Append to out the key two texts are compared by when a column heading
 * is matched to a question: ASCII letters lower-cased, ASCII letters and
 * digits and every non-ASCII letter kept, everything else (spaces of any
 * kind, punctuation, straight and curly quotes, dashes) dropped.  "Don’t
 * know" and "dont KNOW" have the same key (framework_ask.c). */
void oaip_match_key(oaip_buf *out, const char *s, size_t n);

/* JSON helpers (json.c), for reports built as a tree of jansson values.
 * struct json_t is jansson's json_t: include <jansson.h> to use them.
 *
 * Ownership: oaip_json_str and oaip_json_score return a new reference, or
 * NULL when out of memory.  oaip_json_put and oaip_json_append take the
 * caller's reference to value in every case (on failure it is released),
 * and accept a NULL value or container, recording the failure in c, so a
 * tree is built without checking each step and released with one
 * json_decref of its root. */
typedef struct oaip_json {
	bool ok; /* false once anything failed; start with true */
} oaip_json;
struct json_t;
/* obj[key] = value, replacing any earlier member of that name. */
void oaip_json_put(oaip_json *c, struct json_t *obj, const char *key,
                   struct json_t *value);
/* Append value to the array arr. */
void oaip_json_append(oaip_json *c, struct json_t *arr, struct json_t *value);
/* A string holding s (which is copied), any invalid UTF-8 byte replaced by
 * U+FFFD; json null when s is NULL. */
struct json_t *oaip_json_str(const char *s);
/* A score rounded with oaip_score_round, written with one decimal
 * (66.7); json null when !has. */
struct json_t *oaip_json_score(bool has, double score);
/* Append root (borrowed; the caller still releases it) to out as text:
 * two-space indentation, members in the order they were put, a newline
 * at the end.  If c records a failure, or the dump fails, out->failed is
 * set (out may then hold part of the text) and so is !c->ok. */
void oaip_json_dump(oaip_json *c, const struct json_t *root, oaip_buf *out);

/* HTML page shell shared by the score and compare reports (html.c).
 * Every page is one self-contained file: inline CSS, no script, nothing
 * fetched.  A page is written as
 *
 *   oaip_html_page_begin(out, "Plain text title", extra_css);
 *   <header>...<h1>...</h1></header>
 *   <nav aria-label="Contents">...</nav>           (optional)
 *   <main id="main">...</main>                     (id="main": skip link)
 *   oaip_html_page_end(out, footer_html);
 *
 * page_begin writes the doctype, <html lang="en-GB">, the head (charset,
 * viewport, the escaped title, the shared CSS then extra_css, a page's
 * own rules, or NULL), <body> and a skip link to
 * #main.  page_end writes <footer> holding footer_html (already-safe HTML;
 * NULL for none) and closes the document.
 *
 * CSS classes available to pages: table.data (th.num/td.num right-align
 * numbers; see oaip_html_table_begin), .badge with .badge-below, .badge-ok,
 * .badge-none, .badge-na (always with words inside), .muted, .ind-id, .heat-0
 * ... .heat-4 and .heat-none for heat-map cells (oaip_heat_class in
 * report.h: one table gives the CSS and the legend). */
void oaip_html_page_begin(oaip_buf *out, const char *title,
                          const char *extra_css);
/* The same, saying what every printed page carries in its margins: the
 * page's subject top left (print_name: the school's name; NULL: the
 * title), the report's title top right (print_title; NULL for none), and
 * "page N of M" bottom right.  page_begin prints the title alone. */
typedef struct oaip_html_page {
	const char *title; /* <title>, plain text */
	const char *print_name;
	const char *print_title;
	const char *extra_css;
} oaip_html_page;
void oaip_html_page_start(oaip_buf *out, const oaip_html_page *page);
void oaip_html_page_end(oaip_buf *out, const char *footer_html);

/* Append escaped text, keeping line breaks as <br> (CRLF, CR or LF). */
void oaip_html_text_br(oaip_buf *out, const char *s);

/* One bar of a chart: label is plain text; a bar without a value is drawn
 * as an empty outline marked empty_text (NULL: "not evaluated"), never as
 * 0; a tentative bar (too few rated to judge) is drawn pale inside a
 * solid outline. */
typedef struct oaip_html_bar {
	const char *label;
	bool has_value;
	double value; /* 0..100 */
	const char *empty_text;
	bool tentative;
} oaip_html_bar;

/* An inline SVG horizontal bar chart of percentages (role="img", <title>
 * and <desc> joined by aria-labelledby).  id is a prefix for element ids
 * ([a-z0-9-]); title and desc are plain text (desc should repeat every
 * number: it is the chart's text alternative together with a table the
 * page shows next to it).  marker >= 0 draws a dashed line at that
 * percentage labelled marker_label (plain text); marker < 0 draws none. */
void oaip_html_bar_chart(oaip_buf *out, const char *id, const char *title,
                         const char *desc, const oaip_html_bar *bars, size_t n,
                         double marker, const char *marker_label);

/* A section of a page: <section aria-labelledby="ID"> and its
 * <h2 id="ID"> (id and title are plain text, escaped).  The caller
 * writes the content and "</section>\n". */
void oaip_html_section_begin(oaip_buf *out, const char *id, const char *title);

/* An inline SVG picture, labelled for a screen reader: <svg viewBox>
 * of width x height, role="img", aria-labelledby its <title
 * id="ID-title"> and <desc id="ID-desc"> (plain text, escaped), in the
 * page's font at font_size.  The caller writes the shapes and
 * "</svg>". */
void oaip_html_svg_begin(oaip_buf *out, const char *id, double width,
                         double height, int font_size, const char *title,
                         const char *desc);

/* A data table that scrolls sideways inside its own box on a narrow
 * screen instead of widening the page: writes a focusable, labelled
 * <div class="table-wrap" role="region">, <table class="data"> and the
 * <caption id="ID-caption"> (caption is plain text, escaped).  The caller
 * writes <thead> (every <th> with scope) and <tbody>, then calls
 * oaip_html_table_end. */
void oaip_html_table_begin(oaip_buf *out, const char *id, const char *caption);
/* The same for a short table that a phone shows as one card per row
 * instead (<table class="data cards">), and print keeps whole: each <td>
 * carries data-label="its column's name"; the cell holding the row's
 * plain-words band also carries data-band and comes first in the card. */
void oaip_html_cards_begin(oaip_buf *out, const char *id, const char *caption);
/* oaip_html_table_begin with the table's classes given ("data low"). */
void oaip_html_table_begin_as(oaip_buf *out, const char *id,
                              const char *caption, const char *classes);
void oaip_html_table_end(oaip_buf *out);

/* The first columns of the area CSV reports (render_compare.c), by which
 * compare knows its own output in a folder of returns (area.c). */
#define OAIP_AREA_CSV_HEAD "School,URN,Phase,File,Overall,"
/* The first columns of the area CSV as earlier versions wrote it, so
 * such a file is still known. */
#define OAIP_AREA_CSV_HEAD_OLD  "school,file,overall,"
#define OAIP_AREA_LONG_CSV_HEAD "school,urn,phase,file,indicator,"
/* The area workbook (compare -F xlsx) carries a document property of
 * this name, by which compare knows it (oaip_xlsx_is_area_workbook). */
#define OAIP_AREA_WORKBOOK_PROPERTY "oaip-eval area workbook"
bool oaip_xlsx_is_area_workbook(const char *data, size_t len);
/* Why such a file is skipped. */
#define OAIP_OWN_OUTPUT_SKIPPED "written by oaip-eval: a report, not a return"
/* What a file of parent carers' survey responses given as a return is:
 * the error reading it as one, and why compare skips it in a folder. */
#define OAIP_SURVEY_NOT_A_RETURN                                               \
	"parent carers' survey responses, not a self-evaluation return (use "  \
	"it with 'score --survey', 'compare --survey' or 'survey summary')"

/* A chart of paired bars, "last time" and "this time" for each group
 * (html_pairs.c): inline SVG in a <figure class="chart">, role="img",
 * title and desc (plain text; desc repeats every number), each bar
 * labelled in words and the two series told apart by pattern as well as
 * colour.  A missing value is a dashed outline with missing_label.  id
 * is a prefix for element ids ([a-z0-9-]). */
typedef struct oaip_html_pair {
	const char *label;
	bool has_then, has_now;
	double then, now; /* 0..100 */
} oaip_html_pair;
typedef struct oaip_html_pairs {
	const char *title, *desc, *caption; /* caption may be NULL */
	const char *then_label, *now_label; /* "Last time", "This time" */
	const char *missing_label;          /* "no score" */
	const oaip_html_pair *groups;
	size_t n;
} oaip_html_pairs;
void oaip_html_pair_chart(oaip_buf *out, const char *id,
                          const oaip_html_pairs *c);

#endif
