/* xlsx_read.c - an Office Open XML workbook (.xlsx) read into a table of
 * cells (table.h), in memory: libzip opens the archive from the bytes
 * already read, every member is inflated into memory only after its size
 * and compression ratio are checked, and its XML is parsed by libxml2's
 * SAX2 parser with no network, no DTD (a document with one is refused)
 * and no entity substitution.
 *
 * What is read: the sheet asked for (else the first), found through
 * xl/workbook.xml and its relationships; shared strings (rich text runs
 * joined, phonetic runs left out); inline strings; numbers, written the
 * shortest way that reads back the same ("2" for 2.0); booleans as
 * TRUE/FALSE; formulas as their cached result; error values as written
 * ("#N/A"). */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "private.h"
#include "table.h"

/* SPEC: a member larger than this uncompressed is refused. */
#define MAX_MEMBER ((zip_uint64_t)64 * 1024 * 1024)
/* ... and one larger than this at a ratio above MAX_RATIO. */
#define MAX_RATIO_FREE ((zip_uint64_t)1024 * 1024)
#define MAX_RATIO      200
/* Bounds on what a sheet may hold, far above any return. */
#define MAX_SHARED_STRINGS 1000000
#define MAX_COLUMN         16384   /* XFD, Excel's last column */
#define MAX_ROW            1048576 /* Excel's last row */
#define MAX_DEPTH          64

struct xlsx {
	const char *file; /* for messages */
	oaip_diags *d;
	zip_t *zip;
	bool failed;
};

/* ---- members ------------------------------------------------------------ */

/* Read a member whole into *out (NUL-terminated), checking its size and
 * ratio first.  Returns 1 when read, 0 when the member does not exist,
 * -1 after an error. */
static int read_member(struct xlsx *x, const char *name, oaip_buf *out)
{
	zip_int64_t i = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
	if (i < 0)
		return 0;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(x->zip, (zip_uint64_t)i, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		oaip_diags_add(x->d, OAIP_ERROR, x->file, 0,
		               "the workbook is damaged: member '%s' cannot be "
		               "read",
		               name);
		return -1;
	}
	if (st.size > MAX_MEMBER ||
	    (st.size > MAX_RATIO_FREE && st.size / MAX_RATIO > st.comp_size)) {
		oaip_diags_add(
		    x->d, OAIP_ERROR, x->file, 0,
		    "the workbook's member '%s' would inflate to %llu bytes "
		    "from %llu (limits: 64 MiB, or 1 MiB at a compression "
		    "ratio above 200): refused as a possible zip bomb",
		    name, (unsigned long long)st.size,
		    (unsigned long long)st.comp_size);
		return -1;
	}
	zip_file_t *f = zip_fopen_index(x->zip, (zip_uint64_t)i, 0);
	if (!f) {
		oaip_diags_add(x->d, OAIP_ERROR, x->file, 0,
		               "the workbook is damaged: member '%s' cannot be "
		               "opened (%s)",
		               name, zip_error_strerror(zip_get_error(x->zip)));
		return -1;
	}
	out->len = 0;
	/* One byte more than the directory promises: a member that
	 * inflates to more is lying about its size. */
	size_t want = (size_t)st.size + 1;
	oaip_buf_putn(out, "", 0);
	char *buf = malloc(want);
	if (!buf) {
		zip_fclose(f);
		oaip_diags_add(x->d, OAIP_ERROR, x->file, 0,
		               "out of memory reading the workbook");
		return -1;
	}
	size_t got = 0;
	zip_int64_t n;
	while (got < want && (n = zip_fread(f, buf + got, want - got)) > 0)
		got += (size_t)n;
	int closed = zip_fclose(f); /* always: it frees the reader */
	bool bad = got != st.size || closed != 0;
	if (!bad)
		oaip_buf_putn(out, buf, got);
	free(buf);
	if (bad) {
		oaip_diags_add(x->d, OAIP_ERROR, x->file, 0,
		               "the workbook is damaged or truncated: member "
		               "'%s' does not inflate to its stated size",
		               name);
		return -1;
	}
	if (out->failed) {
		oaip_diags_add(x->d, OAIP_ERROR, x->file, 0,
		               "out of memory reading the workbook");
		return -1;
	}
	return 1;
}

/* ---- safe SAX parsing ------------------------------------------------- */

struct sax;
typedef void start_fn(struct sax *s, const char *name, int nattr,
                      const xmlChar **attrs);
typedef void end_fn(struct sax *s, const char *name);

struct sax {
	struct xlsx *x;
	const char *member;
	xmlParserCtxtPtr ctxt;
	start_fn *start;
	end_fn *end;
	oaip_buf text; /* characters collected while collect is set */
	bool collect;
	int depth;
	bool stop; /* an error was reported */
	void *ud;
};

static void sax_fail(struct sax *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void sax_fail(struct sax *s, const char *fmt, ...)
{
	if (s->stop)
		return;
	s->stop = true;
	oaip_buf m;
	oaip_buf_init(&m);
	va_list ap;
	va_start(ap, fmt);
	oaip_buf_vprintf(&m, fmt, ap);
	va_end(ap);
	long line = s->ctxt && s->ctxt->input ? s->ctxt->input->line : 0;
	oaip_diags_add(s->x->d, OAIP_ERROR, s->x->file, 0,
	               "the workbook's member '%s', line %ld: %s", s->member,
	               line, m.failed ? "out of memory" : m.data);
	oaip_buf_free(&m);
	if (s->ctxt)
		xmlStopParser(s->ctxt);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
	struct sax *s = ctx;
	(void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces,
	    (void)nb_defaulted;
	if (s->stop)
		return;
	if (++s->depth > MAX_DEPTH) {
		sax_fail(s, "elements are nested more than %d deep", MAX_DEPTH);
		return;
	}
	s->start(s, (const char *)localname, nb_attributes, attributes);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
	struct sax *s = ctx;
	(void)prefix, (void)uri;
	if (s->stop)
		return;
	s->depth--;
	s->end(s, (const char *)localname);
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
	struct sax *s = ctx;
	if (s->collect && !s->stop)
		oaip_buf_putn(&s->text, (const char *)ch, (size_t)len);
}

static void on_doctype(void *ctx, const xmlChar *name,
                       const xmlChar *external_id, const xmlChar *system_id)
{
	struct sax *s = ctx;
	(void)name, (void)external_id, (void)system_id;
	sax_fail(s, "a DOCTYPE (DTD) is not allowed in a workbook; the "
	            "file was not made by a spreadsheet program");
}

static void on_entity(void *ctx, const xmlChar *name, int type,
                      const xmlChar *public_id, const xmlChar *system_id,
                      xmlChar *content)
{
	struct sax *s = ctx;
	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	sax_fail(s, "an entity declaration is not allowed in a workbook");
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	struct sax *s = ctx;
	if (!e || e->level < XML_ERR_ERROR)
		return;
	char msg[200];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "?");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	sax_fail(s, "not well-formed XML (%s)", msg);
}

/* The value of attribute name (no namespace prefix compared), copied into
 * out; false when absent. */
static bool attr(int nattr, const xmlChar **a, const char *name, char *out,
                 size_t size)
{
	for (int i = 0; i < nattr; i++, a += 5)
		if (strcmp((const char *)a[0], name) == 0) {
			size_t n = (size_t)(a[4] - a[3]);
			if (n >= size)
				n = size - 1;
			memcpy(out, a[3], n);
			out[n] = '\0';
			return true;
		}
	return false;
}

/* Parse the XML of a member with the callbacks of s. */
static bool sax_parse(struct sax *s, const char *xml, size_t len)
{
	xmlSAXHandler h;
	memset(&h, 0, sizeof h);
	h.initialized = XML_SAX2_MAGIC;
	h.startElementNs = on_start;
	h.endElementNs = on_end;
	h.characters = on_chars;
	h.cdataBlock = on_chars;
	h.internalSubset = on_doctype;
	h.externalSubset = on_doctype;
	h.entityDecl = on_entity;
	h.serror = on_error;
	if (len > INT32_MAX) {
		sax_fail(s, "too large");
		return false;
	}
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml, (int)len);
	if (!ctxt) {
		sax_fail(s, "out of memory");
		return false;
	}
	/* xmlFreeParserCtxt frees sax with xmlFree: allocate it alike. */
	if (ctxt->sax)
		xmlFree(ctxt->sax);
	ctxt->sax = xmlMalloc(sizeof h);
	if (!ctxt->sax) {
		xmlFreeParserCtxt(ctxt);
		sax_fail(s, "out of memory");
		return false;
	}
	memcpy(ctxt->sax, &h, sizeof h);
	ctxt->userData = s;
	/* Never XML_PARSE_NOENT, DTDLOAD, DTDVALID, RECOVER, HUGE or
	 * XINCLUDE (STYLE.md). */
	int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
#if LIBXML_VERSION >= 21300
	options |= XML_PARSE_NO_XXE;
#endif
	xmlCtxtUseOptions(ctxt, options);
	s->ctxt = ctxt;
	xmlParseDocument(ctxt);
	if (!s->stop && !ctxt->wellFormed)
		sax_fail(s, "not well-formed XML");
	s->ctxt = NULL;
	xmlFreeParserCtxt(ctxt);
	if (s->text.failed && !s->stop)
		sax_fail(s, "out of memory");
	return !s->stop;
}

/* Read and parse a member; 0 when it does not exist. */
static int parse_member(struct xlsx *x, const char *name, start_fn *start,
                        end_fn *end, void *ud)
{
	oaip_buf xml;
	oaip_buf_init(&xml);
	int found = read_member(x, name, &xml);
	if (found <= 0) {
		oaip_buf_free(&xml);
		return found;
	}
	struct sax s = {
	    .x = x, .member = name, .start = start, .end = end, .ud = ud};
	oaip_buf_init(&s.text);
	bool ok = sax_parse(&s, xml.data ? xml.data : "", xml.len);
	oaip_buf_free(&s.text);
	oaip_buf_free(&xml);
	return ok ? 1 : -1;
}

/* ---- workbook.xml and its relationships ------------------------------- */

struct book {
	const char *want; /* sheet wanted, or NULL */
	char first_name[256], first_rid[256];
	char name[256], rid[256]; /* the wanted sheet, when found */
	bool found_first, found;
	/* relationships */
	char sheet_target[512];
	char strings_target[512];
};

static void book_start(struct sax *s, const char *name, int nattr,
                       const xmlChar **a)
{
	struct book *b = s->ud;
	if (strcmp(name, "sheet") != 0)
		return;
	char sname[256], rid[256];
	if (!attr(nattr, a, "name", sname, sizeof sname) ||
	    !attr(nattr, a, "id", rid, sizeof rid))
		return;
	if (!b->found_first) {
		b->found_first = true;
		memcpy(b->first_name, sname, sizeof sname);
		memcpy(b->first_rid, rid, sizeof rid);
	}
	if (!b->found && b->want && oaip_strcasecmp(sname, b->want) == 0) {
		b->found = true;
		memcpy(b->name, sname, sizeof sname);
		memcpy(b->rid, rid, sizeof rid);
	}
}

static void no_end(struct sax *s, const char *name)
{
	(void)s, (void)name;
}

/* A target relative to xl/ made a member name. */
static void member_path(char *out, size_t size, const char *target)
{
	if (target[0] == '/')
		snprintf(out, size, "%s", target + 1);
	else
		snprintf(out, size, "xl/%s", target);
}

static void rels_start(struct sax *s, const char *name, int nattr,
                       const xmlChar **a)
{
	struct book *b = s->ud;
	if (strcmp(name, "Relationship") != 0)
		return;
	char id[256], target[400], type[400];
	if (!attr(nattr, a, "Id", id, sizeof id) ||
	    !attr(nattr, a, "Target", target, sizeof target))
		return;
	if (!attr(nattr, a, "Type", type, sizeof type))
		type[0] = '\0';
	if (strcmp(id, b->rid) == 0)
		member_path(b->sheet_target, sizeof b->sheet_target, target);
	size_t n = strlen(type);
	if (n >= 14 && strcmp(type + n - 14, "/sharedStrings") == 0)
		member_path(b->strings_target, sizeof b->strings_target,
		            target);
}

/* ---- shared strings ----------------------------------------------------- */

struct strings {
	oaip_buf text; /* every string, NUL-terminated, one after another */
	size_t *offs;
	size_t n, cap;
	int in_si, in_rph, in_t;
	size_t start; /* offset of the string being read */
};

static void ss_start(struct sax *s, const char *name, int nattr,
                     const xmlChar **a)
{
	struct strings *ss = s->ud;
	(void)nattr, (void)a;
	if (strcmp(name, "si") == 0) {
		ss->in_si = 1;
		ss->start = ss->text.len;
	} else if (strcmp(name, "rPh") == 0) {
		ss->in_rph++;
	} else if (strcmp(name, "t") == 0 && ss->in_si && !ss->in_rph) {
		s->collect = true;
		s->text.len = 0;
	}
}

static void ss_end(struct sax *s, const char *name)
{
	struct strings *ss = s->ud;
	if (strcmp(name, "t") == 0 && s->collect) {
		s->collect = false;
		oaip_buf_putn(&ss->text, s->text.data ? s->text.data : "",
		              s->text.len);
	} else if (strcmp(name, "rPh") == 0 && ss->in_rph) {
		ss->in_rph--;
	} else if (strcmp(name, "si") == 0 && ss->in_si) {
		ss->in_si = 0;
		oaip_buf_putc(&ss->text, '\0');
		if (ss->n == MAX_SHARED_STRINGS) {
			sax_fail(s, "more than %d shared strings",
			         MAX_SHARED_STRINGS);
			return;
		}
		if (ss->n == ss->cap) {
			size_t cap = ss->cap ? ss->cap * 2 : 256;
			size_t *p = realloc(ss->offs, cap * sizeof *p);
			if (!p) {
				sax_fail(s, "out of memory");
				return;
			}
			ss->offs = p;
			ss->cap = cap;
		}
		ss->offs[ss->n++] = ss->start;
		if (ss->text.failed)
			sax_fail(s, "out of memory");
	}
}

/* ---- the sheet ---------------------------------------------------------- */

struct sheet {
	oaip_table *t;
	const struct strings *ss;
	long row; /* current row number */
	bool in_row;
	long col; /* current cell's column, -1 = next */
	char type[16];
	bool in_v, in_is;
	oaip_buf value;
	long next_col;
};

/* "D7" -> column 3, row 7; false when it is not a cell reference. */
static bool cell_ref(const char *s, long *col, long *row)
{
	long c = 0, r = 0;
	const char *p = s;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		c = c * 26 + ((*p | 0x20) - 'a' + 1);
		if (c > MAX_COLUMN)
			return false;
		p++;
	}
	if (p == s)
		return false;
	const char *q = p;
	while (*p >= '0' && *p <= '9') {
		r = r * 10 + (*p - '0');
		if (r > MAX_ROW)
			return false;
		p++;
	}
	if (p == q || *p)
		return false;
	*col = c - 1;
	*row = r;
	return true;
}

static void sheet_start(struct sax *s, const char *name, int nattr,
                        const xmlChar **a)
{
	struct sheet *sh = s->ud;
	char v[64];
	if (strcmp(name, "row") == 0) {
		long r = sh->row + 1;
		if (attr(nattr, a, "r", v, sizeof v)) {
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > MAX_ROW) {
				sax_fail(s,
				         "a row number '%s' that is not "
				         "one",
				         v);
				return;
			}
			r = n;
		}
		sh->row = r;
		sh->in_row = true;
		sh->next_col = 0;
		if (!oaip_table_row_begin(sh->t, r))
			sax_fail(s, "out of memory");
	} else if (strcmp(name, "c") == 0 && sh->in_row) {
		long col = sh->next_col, row;
		if (attr(nattr, a, "r", v, sizeof v) &&
		    !cell_ref(v, &col, &row)) {
			sax_fail(s, "a cell reference '%s' that is not one", v);
			return;
		}
		sh->col = col;
		if (!attr(nattr, a, "t", sh->type, sizeof sh->type))
			sh->type[0] = '\0';
		sh->value.len = 0;
	} else if (strcmp(name, "v") == 0 && sh->in_row) {
		sh->in_v = true;
		s->collect = true;
		s->text.len = 0;
	} else if (strcmp(name, "is") == 0 && sh->in_row) {
		sh->in_is = true;
	} else if (strcmp(name, "t") == 0 && sh->in_is) {
		s->collect = true;
		s->text.len = 0;
	} else if (strcmp(name, "rPh") == 0 && sh->in_is) {
		sh->in_is = false; /* phonetic run of an inline string */
	}
}

/* A number written the shortest way that reads back the same. */
static void put_number(oaip_buf *out, const char *s)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end) {
		oaip_buf_puts(out, s);
		return;
	}
	char buf[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	oaip_buf_puts(out, buf);
}

static void sheet_end(struct sax *s, const char *name)
{
	struct sheet *sh = s->ud;
	if (strcmp(name, "v") == 0 && sh->in_v) {
		sh->in_v = false;
		s->collect = false;
		oaip_buf_putn(&sh->value, s->text.data ? s->text.data : "",
		              s->text.len);
	} else if (strcmp(name, "t") == 0 && s->collect) {
		s->collect = false;
		oaip_buf_putn(&sh->value, s->text.data ? s->text.data : "",
		              s->text.len);
	} else if (strcmp(name, "is") == 0) {
		sh->in_is = false;
	} else if (strcmp(name, "c") == 0 && sh->in_row) {
		oaip_buf cell;
		oaip_buf_init(&cell);
		oaip_buf_putc(&sh->value, '\0');
		const char *v = sh->value.failed ? "" : sh->value.data;
		const char *type = sh->type;
		if (strcmp(type, "s") == 0) {
			char *end;
			unsigned long k = strtoul(v, &end, 10);
			if (*v && !*end && k < sh->ss->n)
				oaip_buf_puts(&cell, sh->ss->text.data +
				                         sh->ss->offs[k]);
			else if (*v)
				sax_fail(s,
				         "a cell refers to shared string '%s', "
				         "which does not exist",
				         v);
		} else if (strcmp(type, "b") == 0) {
			oaip_buf_puts(&cell,
			              strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
		} else if (strcmp(type, "") == 0 || strcmp(type, "n") == 0) {
			put_number(&cell, v);
		} else {
			/* inlineStr, str (a formula's text), e, d */
			oaip_buf_puts(&cell, v);
		}
		if (cell.failed ||
		    !oaip_table_add_cell(sh->t, sh->col,
		                         cell.data ? cell.data : "", cell.len))
			sax_fail(s, "out of memory");
		oaip_buf_free(&cell);
		sh->next_col = sh->col + 1;
		sh->value.len = 0;
	} else if (strcmp(name, "row") == 0 && sh->in_row) {
		sh->in_row = false;
		oaip_table_row_end(sh->t);
	}
}

/* ---- the archive -------------------------------------------------------- */

bool oaip_xlsx_sniff(const char *data, size_t len)
{
	if (len < 4 || memcmp(data, "PK", 2) != 0)
		return false;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_error_fini(&ze);
	if (!src)
		return false;
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, NULL);
	if (!z) {
		zip_source_free(src);
		return false;
	}
	bool yes = zip_name_locate(z, "[Content_Types].xml", 0) >= 0;
	zip_discard(z);
	return yes;
}

/* What a zip that is not a workbook is, for the message; NULL if it
 * looks like one. */
static const char *not_a_workbook(struct xlsx *x)
{
	oaip_buf m;
	oaip_buf_init(&m);
	const char *what = NULL;
	zip_int64_t i = zip_name_locate(x->zip, "mimetype", 0);
	if (i >= 0) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(x->zip, (zip_uint64_t)i, 0, &st) == 0 &&
		    st.size < 200 && read_member(x, "mimetype", &m) > 0 &&
		    m.data) {
			if (strstr(m.data, "opendocument.spreadsheet"))
				what = "an OpenDocument spreadsheet (.ods)";
			else if (strstr(m.data, "opendocument"))
				what = "an OpenDocument file (not a "
				       "spreadsheet)";
		}
	}
	oaip_buf_free(&m);
	if (what)
		return what;
	if (zip_name_locate(x->zip, "[Content_Types].xml", 0) < 0)
		return "a zip archive (not a workbook)";
	if (zip_name_locate(x->zip, "word/document.xml", 0) >= 0)
		return "a Word document (.docx)";
	if (zip_name_locate(x->zip, "ppt/presentation.xml", 0) >= 0)
		return "a PowerPoint presentation (.pptx)";
	if (zip_name_locate(x->zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0)
		return "an Office file that is not an Excel workbook";
	return NULL;
}

oaip_table *oaip_table_read_xlsx(const char *data, size_t len, const char *file,
                                 const char *sheet, oaip_diags *d)
{
	struct xlsx x = {.file = file, .d = d};
	oaip_table *t = NULL;
	struct strings ss = {0};
	oaip_buf_init(&ss.text);
	struct book b = {.want = sheet};
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "out of memory reading the workbook");
		goto cleanup;
	}
	x.zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!x.zip) {
		zip_source_free(src);
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "a damaged or truncated zip archive (%s): open "
		               "it in a spreadsheet program and save it again "
		               "as 'Excel Workbook (.xlsx)' or 'CSV UTF-8'",
		               zip_error_strerror(&ze));
		goto cleanup;
	}
	const char *what = not_a_workbook(&x);
	if (what) {
		if (!oaip_diags_count(d, OAIP_ERROR))
			oaip_diags_add(d, OAIP_ERROR, file, 0,
			               "this is %s, not a CSV or .xlsx file: "
			               "open it in a spreadsheet program and "
			               "save it as 'Excel Workbook (.xlsx)' or "
			               "'CSV UTF-8'",
			               what);
		goto cleanup;
	}
	if (parse_member(&x, "xl/workbook.xml", book_start, no_end, &b) < 0)
		goto cleanup;
	if (!b.found_first) {
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "the workbook has no sheet");
		goto cleanup;
	}
	if (!b.found) {
		memcpy(b.name, b.first_name, sizeof b.name);
		memcpy(b.rid, b.first_rid, sizeof b.rid);
	}
	int r = parse_member(&x, "xl/_rels/workbook.xml.rels", rels_start,
	                     no_end, &b);
	if (r < 0)
		goto cleanup;
	if (!b.sheet_target[0]) {
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "the workbook is damaged: sheet '%s' has no "
		               "part",
		               b.name);
		goto cleanup;
	}
	if (b.strings_target[0] &&
	    parse_member(&x, b.strings_target, ss_start, ss_end, &ss) < 0)
		goto cleanup;
	t = oaip_table_new(OAIP_TABLE_XLSX, file);
	if (!t || !(t->sheet = oaip_strdup(b.name))) {
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "out of memory reading the workbook");
		goto fail;
	}
	struct sheet sh = {.t = t, .ss = &ss};
	oaip_buf_init(&sh.value);
	r = parse_member(&x, b.sheet_target, sheet_start, sheet_end, &sh);
	oaip_buf_free(&sh.value);
	if (r == 0)
		oaip_diags_add(d, OAIP_ERROR, file, 0,
		               "the workbook is damaged: sheet '%s' is missing "
		               "(%s)",
		               b.name, b.sheet_target);
	if (r <= 0)
		goto fail;
	goto cleanup;
fail:
	oaip_table_free(t);
	t = NULL;
cleanup:
	if (x.zip)
		zip_discard(x.zip);
	zip_error_fini(&ze);
	oaip_buf_free(&ss.text);
	free(ss.offs);
	return t;
}

/* ---- the area workbook ------------------------------------------------- */

bool oaip_xlsx_is_area_workbook(const char *data, size_t len)
{
	static const char member[] = "docProps/custom.xml";
	if (len < 4 || memcmp(data, "PK", 2) != 0)
		return false;
	/* The member's name stands in the archive's directory as it is:
	 * most workbooks have no such member and are not opened. */
	size_t n = sizeof member - 1;
	bool named = false;
	for (size_t i = len > 65536 ? len - 65536 : 0; !named && i + n <= len;
	     i++)
		named = data[i] == 'd' && memcmp(data + i, member, n) == 0;
	if (!named)
		return false;
	oaip_diags quiet;
	oaip_diags_init(&quiet);
	struct xlsx x = {.file = "", .d = &quiet};
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_error_fini(&ze);
	bool yes = false;
	if (src) {
		x.zip = zip_open_from_source(src, ZIP_RDONLY, NULL);
		if (!x.zip)
			zip_source_free(src);
	}
	if (x.zip) {
		oaip_buf m;
		oaip_buf_init(&m);
		yes = read_member(&x, member, &m) > 0 && m.data &&
		      strstr(m.data, "name=\"" OAIP_AREA_WORKBOOK_PROPERTY
		                     "\"") != NULL;
		oaip_buf_free(&m);
		zip_discard(x.zip);
	}
	oaip_diags_free(&quiet);
	return yes;
}
