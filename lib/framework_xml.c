/* framework_xml.c - the one safe XML reader, RELAX NG validation against
 * the compiled-in schema, and the semantic checks that turn a framework
 * file into an oaip_framework.
 *
 * Safety: documents are parsed with no network access, no DTD loading, no
 * entity substitution and an external entity loader that refuses
 * everything.  A document type declaration is refused as soon as the
 * parser sees its name, before any entity in it is declared, so neither
 * "billion laughs" nor an external entity can do anything.  libxml2 never
 * prints: every message goes to a structured handler that adds it to the
 * caller's diagnostics with the file and line. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

#include "framework_impl.h"

/* Limits on a framework file.  The real frameworks are a few dozen KiB,
 * a few hundred elements, and nest six deep. */
#define MAX_FRAMEWORK_BYTES ((size_t)16 * 1024 * 1024)
#define MAX_ELEMENTS        100000
#define MAX_DEPTH           32
/* Problems reported per file before giving up. */
#define MAX_PROBLEMS 200

enum stage { STAGE_PARSE, STAGE_SCHEMA, STAGE_VALIDATE };

struct reader {
	const char *name; /* for diagnostics */
	oaip_diags *d;
	enum stage stage;
	bool doctype;     /* a document type declaration was refused */
	bool limit;       /* a size limit stopped the parser */
	bool parse_error; /* the first well-formedness error was reported */
	size_t problems;  /* schema problems collected */
	size_t depth;
	size_t elements;
	xmlParserCtxtPtr ctxt;
	startElementNsSAX2Func start;
	endElementNsSAX2Func end;
};

/* ------------------------------------------------------------------ */
/* libxml2 plumbing                                                   */

static void silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id,
                                       xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* libxml2's messages start with a capital and end with a newline; ours
 * are lower case with nothing at the end. */
static char *tidy_message(const char *msg)
{
	char *m = oaip_strtrim(msg ? msg : "unknown error");
	if (!m)
		return NULL;
	/* Lower the first letter of a plain word ("Opening" but not
	 * "EntityRef" or "PCDATA"). */
	if (m[0] >= 'A' && m[0] <= 'Z') {
		bool plain = true;
		for (const char *p = m + 1; *p && *p != ' ' && *p != ':'; p++)
			if (*p >= 'A' && *p <= 'Z')
				plain = false;
		if (plain)
			m[0] = (char)(m[0] + ('a' - 'A'));
	}
	for (char *p = m; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return m;
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct reader *r = ctx;
	if (!r || !e || e->level == XML_ERR_NONE)
		return;
	if (r->stage == STAGE_PARSE) {
		/* After a refusal, whatever the parser says next is noise. */
		if (r->doctype || r->limit)
			return;
		/* After the first well-formedness error the parser is lost:
		 * what follows is a consequence, not a new problem. */
		if (e->level != XML_ERR_WARNING) {
			if (r->parse_error)
				return;
			r->parse_error = true;
		}
	}
	long line = e->line;
	if (e->node && (line <= 0 || line >= 65535))
		line = xmlGetLineNo((xmlNodePtr)e->node);
	if (line < 0)
		line = 0;
	char *m = tidy_message(e->message);
	if (!m)
		return;
	/* A hostile file can make an error of every element; more than
	 * this many are cut short when they are merged. */
	if (r->stage == STAGE_VALIDATE && ++r->problems > 2 * MAX_PROBLEMS) {
		free(m);
		return;
	}
	if (r->stage == STAGE_SCHEMA)
		oaip_diags_add(r->d, OAIP_ERROR, NULL, 0,
		               "internal error: the built-in framework schema "
		               "cannot be compiled: %s",
		               m);
	else
		oaip_diags_add(r->d,
		               e->level == XML_ERR_WARNING ? OAIP_WARNING
		                                           : OAIP_ERROR,
		               r->name, line, "%s", m);
	free(m);
}

/* SAX hook: called with the document type's name, before its internal
 * subset is parsed.  Stop right there. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *eid,
                       const xmlChar *sid)
{
	(void)name;
	(void)eid;
	(void)sid;
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *r = ctxt->_private;
	if (!r->doctype && !r->limit)
		oaip_diags_add(r->d, OAIP_ERROR, r->name,
		               ctxt->input ? ctxt->input->line : 0,
		               "document type declarations are not allowed");
	r->doctype = true;
	xmlStopParser(ctxt);
}

/* Defence in depth: never reached while on_doctype stops the parser. */
static void on_entity_decl(void *ctx, const xmlChar *name, int type,
                           const xmlChar *pid, const xmlChar *sid,
                           xmlChar *content)
{
	(void)name;
	(void)type;
	(void)pid;
	(void)sid;
	(void)content;
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *r = ctxt->_private;
	r->doctype = true;
	xmlStopParser(ctxt);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *r = ctxt->_private;
	if (r->doctype || r->limit)
		return;
	r->depth++;
	r->elements++;
	if (r->depth > MAX_DEPTH || r->elements > MAX_ELEMENTS) {
		long line = ctxt->input ? ctxt->input->line : 0;
		if (r->depth > MAX_DEPTH)
			oaip_diags_add(r->d, OAIP_ERROR, r->name, line,
			               "elements are nested more than %d deep",
			               MAX_DEPTH);
		else
			oaip_diags_add(r->d, OAIP_ERROR, r->name, line,
			               "more than %d elements: this is not a "
			               "framework",
			               MAX_ELEMENTS);
		r->limit = true;
		xmlStopParser(ctxt);
		return;
	}
	r->start(ctx, localname, prefix, uri, nb_namespaces, namespaces,
	         nb_attributes, nb_defaulted, attributes);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *r = ctxt->_private;
	if (r->doctype || r->limit)
		return;
	if (r->depth)
		r->depth--;
	r->end(ctx, localname, prefix, uri);
}

/* Parse len bytes of XML.  Returns the document, or NULL after adding the
 * reason to r->d.  The only place this program parses XML. */
static xmlDocPtr read_xml(struct reader *r, const char *data, size_t len)
{
	xmlDocPtr doc = NULL;
	xmlParserCtxtPtr ctxt = NULL;
	int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
#if LIBXML_VERSION >= 21300
	options |= XML_PARSE_NO_XXE;
#endif
	if (len > MAX_FRAMEWORK_BYTES) {
		oaip_diags_add(r->d, OAIP_ERROR, r->name, 0,
		               "file is larger than the limit of %zu MiB for a "
		               "framework",
		               MAX_FRAMEWORK_BYTES / (1024 * 1024));
		goto cleanup;
	}
	if (len == 0) {
		oaip_diags_add(
		    r->d, OAIP_ERROR, r->name, 0,
		    "file is empty: expected a framework XML document");
		goto cleanup;
	}
	ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	if (!ctxt) {
		oaip_diags_add(r->d, OAIP_ERROR, r->name, 0,
		               "out of memory reading XML");
		goto cleanup;
	}
	xmlCtxtUseOptions(ctxt, options);
	r->ctxt = ctxt;
	ctxt->_private = r;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->entityDecl = on_entity_decl;
	r->start = ctxt->sax->startElementNs;
	r->end = ctxt->sax->endElementNs;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->endElementNs = on_end;
	r->stage = STAGE_PARSE;

	xmlParseDocument(ctxt);

	if (r->doctype || r->limit || !ctxt->wellFormed) {
		if (!r->doctype && !r->limit && !r->parse_error)
			oaip_diags_add(r->d, OAIP_ERROR, r->name, 0,
			               "not a well-formed XML document");
		goto cleanup;
	}
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	if (!doc)
		oaip_diags_add(r->d, OAIP_ERROR, r->name, 0,
		               "not a well-formed XML document");
cleanup:
	if (ctxt) {
		if (ctxt->myDoc)
			xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
		ctxt->_private = NULL;
		xmlFreeParserCtxt(ctxt);
	}
	r->ctxt = NULL;
	return doc;
}

/* Validate doc against the compiled-in RELAX NG schema, adding every
 * problem found to r->d. */
static void validate_schema(struct reader *r, xmlDocPtr doc)
{
	xmlRelaxNGParserCtxtPtr pctxt = NULL;
	xmlRelaxNGPtr schema = NULL;
	xmlRelaxNGValidCtxtPtr vctxt = NULL;
	size_t len;
	const char *rng = oaip_framework_schema(&len);

	r->stage = STAGE_SCHEMA;
	if (len == 0 || len > INT_MAX) {
		oaip_diags_add(r->d, OAIP_ERROR, NULL, 0,
		               "internal error: the built-in framework schema "
		               "is missing");
		goto cleanup;
	}
	pctxt = xmlRelaxNGNewMemParserCtxt(rng, (int)len);
	if (!pctxt)
		goto oom;
	xmlRelaxNGSetParserStructuredErrors(pctxt, on_xml_error, r);
	schema = xmlRelaxNGParse(pctxt);
	if (!schema) {
		oaip_diags_add(r->d, OAIP_ERROR, NULL, 0,
		               "internal error: the built-in framework schema "
		               "cannot be compiled");
		goto cleanup;
	}
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	if (!vctxt)
		goto oom;
	r->stage = STAGE_VALIDATE;
	xmlRelaxNGSetValidStructuredErrors(vctxt, on_xml_error, r);
	int rc = xmlRelaxNGValidateDoc(vctxt, doc);
	if (rc != 0 && oaip_diags_count(r->d, OAIP_ERROR) == 0)
		oaip_diags_add(r->d, OAIP_ERROR, r->name, 0,
		               "does not match the framework schema");
	goto cleanup;
oom:
	oaip_diags_add(r->d, OAIP_ERROR, r->name, 0,
	               "out of memory validating XML");
cleanup:
	if (vctxt)
		xmlRelaxNGFreeValidCtxt(vctxt);
	if (schema)
		xmlRelaxNGFree(schema);
	if (pctxt)
		xmlRelaxNGFreeParserCtxt(pctxt);
}

/* ------------------------------------------------------------------ */
/* From the tree to the model, with the semantic checks               */

struct id_entry {
	const char *id; /* borrowed from the model */
	long line;
};

struct builder {
	const char *name;
	oaip_diags *d;
	oaip_framework *fw;
	bool oom;
	struct id_entry *ids;
	size_t ids_mask;
	size_t cap_strands, cap_expectations, cap_indicators;
	bool cornerstones_unsure; /* an indicator's cornerstone is bad */
	size_t problems;
};

static void error_at(struct builder *b, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct builder *b, xmlNodePtr n, const char *fmt, ...)
{
	if (++b->problems > 2 * MAX_PROBLEMS)
		return;
	va_list ap;
	va_start(ap, fmt);
	oaip_diags_vadd(b->d, OAIP_ERROR, b->name, n ? xmlGetLineNo(n) : 0, fmt,
	                ap);
	va_end(ap);
}

static bool is_element(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !n->ns &&
	       strcmp((const char *)n->name, name) == 0;
}

static void *grow_array(void *items, size_t *cap, size_t n, size_t size,
                        bool *ok)
{
	*ok = true;
	if (n < *cap)
		return items;
	size_t cap2 = *cap ? *cap * 2 : 8;
	if (cap2 > SIZE_MAX / size) {
		*ok = false;
		return items;
	}
	void *p = realloc(items, cap2 * size);
	if (!p) {
		*ok = false;
		return items;
	}
	*cap = cap2;
	return p;
}

/* A copy of s with runs of white space made one space, trimmed. */
static char *normalize_space(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	bool space = false;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = k > 0;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = *p;
	}
	out[k] = '\0';
	return out;
}

/* The attribute's value (caller frees), or NULL if it is absent. */
static char *get_attr(struct builder *b, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = oaip_strdup((const char *)v);
	xmlFree(v);
	if (!s)
		b->oom = true;
	return s;
}

/* The attribute's value with white space normalized, or NULL. */
static char *get_attr_words(struct builder *b, xmlNodePtr n, const char *name)
{
	char *raw = get_attr(b, n, name);
	if (!raw)
		return NULL;
	char *s = normalize_space(raw);
	free(raw);
	if (!s)
		b->oom = true;
	return s;
}

/* The element's text with white space normalized; never NULL unless out
 * of memory. */
static char *get_text(struct builder *b, xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = normalize_space(v ? (const char *)v : "");
	xmlFree(v);
	if (!s)
		b->oom = true;
	return s;
}

/* The text of an element that must hold words and nothing else: plain
 * text, not empty.  Reports markup inside it and emptiness. */
static char *get_words(struct builder *b, xmlNodePtr n)
{
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE) {
			error_at(b, k,
			         "<%s> inside <%s>: write plain text, with no "
			         "markup",
			         (const char *)k->name, (const char *)n->name);
			break;
		}
	char *s = get_text(b, n);
	if (s && !*s)
		error_at(b, n, "<%s> is empty", (const char *)n->name);
	return s;
}

static bool valid_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '-'))
			return false;
	return true;
}

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/* Read the id attribute of n (a what), check its syntax and that no
 * other element has it.  Returns the id (caller frees), or NULL if it is
 * absent (reported) or out of memory. */
static char *take_id(struct builder *b, xmlNodePtr n, const char *what)
{
	char *id = get_attr(b, n, "id");
	if (!id) {
		if (!b->oom)
			error_at(b, n, "%s has no id", what);
		return NULL;
	}
	if (!valid_id(id)) {
		error_at(b, n,
		         "%s id '%s' is not valid: use lower-case letters, "
		         "digits, '.', '_' and '-', starting with a letter or "
		         "digit",
		         what, id);
		return id;
	}
	if (!b->ids)
		return id;
	size_t k = hash_str(id) & b->ids_mask;
	while (b->ids[k].id) {
		if (strcmp(b->ids[k].id, id) == 0) {
			error_at(b, n,
			         "duplicate id '%s' (first used on line %ld)",
			         id, b->ids[k].line);
			return id;
		}
		k = (k + 1) & b->ids_mask;
	}
	b->ids[k].id = id;
	b->ids[k].line = xmlGetLineNo(n);
	return id;
}

static const char cornerstone_list[] =
    "welcome-and-care, value-and-include, communicate or "
    "work-in-partnership";

/* The cornerstone attribute of n: its index, -1 if absent, -2 if not a
 * cornerstone (reported). */
static int take_cornerstone(struct builder *b, xmlNodePtr n)
{
	char *v = get_attr(b, n, "cornerstone");
	if (!v)
		return -1;
	int c = oaip_cornerstone_from_id(v);
	if (c < 0 || strcmp(v, oaip_cornerstone_id((oaip_cornerstone)c)) != 0) {
		error_at(b, n, "unknown cornerstone '%s': expected %s", v,
		         cornerstone_list);
		c = -2;
	}
	free(v);
	return c;
}

/* The phase attribute of n as bits; 0 if absent or bad (reported). */
static unsigned take_phases(struct builder *b, xmlNodePtr n)
{
	char *v = get_attr(b, n, "phase");
	if (!v)
		return 0;
	unsigned phases = 0;
	bool bad = false;
	char *save = NULL;
	for (char *tok = strtok_r(v, " \t\r\n", &save); tok;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		unsigned bit = oaip_phase_from_name(tok);
		if (!bit || strcmp(tok, oaip_phase_name(bit)) != 0) {
			error_at(b, n,
			         "unknown phase '%s': expected early-years, "
			         "school or post-16",
			         tok);
			bad = true;
		}
		phases |= bit;
	}
	if (!phases && !bad)
		error_at(b, n,
		         "phase is empty: expected early-years, school or "
		         "post-16, or no phase attribute for every phase");
	free(v);
	return phases;
}

/* Parse an xsd:decimal ("2", "0.5", "+1.25"). */
static bool parse_decimal(const char *s, double *out)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	size_t digits = 0;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (*p || digits == 0)
		return false;
	errno = 0;
	char *end;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

static double take_weight(struct builder *b, xmlNodePtr n)
{
	char *v = get_attr(b, n, "weight");
	if (!v)
		return 1.0;
	double w = 1.0;
	if (!parse_decimal(v, &w) || !(w > 0)) {
		error_at(
		    b, n,
		    "weight '%s' is not a positive number (such as 1, 2 or "
		    "0.5)",
		    v);
		w = 1.0;
	}
	free(v);
	return w;
}

static bool add_example(struct builder *b, oaip_example **items, size_t *n,
                        size_t *cap, xmlNodePtr node, oaip_example_kind kind)
{
	bool ok;
	*items = grow_array(*items, cap, *n, sizeof **items, &ok);
	if (!ok) {
		b->oom = true;
		return false;
	}
	oaip_example *ex = &(*items)[*n];
	memset(ex, 0, sizeof *ex);
	ex->kind = kind;
	ex->text = get_words(b, node);
	if (kind == OAIP_EXAMPLE_QUOTE)
		ex->by = get_attr_words(b, node, "by");
	ex->phases = take_phases(b, node);
	(*n)++;
	return !b->oom;
}

static void read_indicator(struct builder *b, xmlNodePtr n, size_t exp)
{
	oaip_framework *fw = b->fw;
	bool ok;
	fw->indicators =
	    grow_array(fw->indicators, &b->cap_indicators, fw->n_indicators,
	               sizeof *fw->indicators, &ok);
	if (!ok) {
		b->oom = true;
		return;
	}
	oaip_indicator *ind = &fw->indicators[fw->n_indicators++];
	memset(ind, 0, sizeof *ind);
	ind->expectation = exp;
	ind->line = xmlGetLineNo(n);
	ind->id = take_id(b, n, "indicator");
	int c = take_cornerstone(b, n);
	int inherited = fw->expectations[exp].cornerstone;
	if (c == -1)
		c = inherited;
	if (c == -1) {
		if (!(fw->expectations[exp].cornerstone == -2))
			error_at(b, n,
			         "indicator '%s' has no cornerstone: give it a "
			         "cornerstone attribute, or give one to its "
			         "expectation",
			         ind->id ? ind->id : "?");
		b->cornerstones_unsure = true;
		c = 0;
	} else if (c < 0) {
		b->cornerstones_unsure = true;
		c = 0;
	}
	ind->cornerstone = (oaip_cornerstone)c;
	ind->phases = take_phases(b, n);
	ind->weight = take_weight(b, n);

	/* Either plain text, or <text> and its own examples. */
	xmlNodePtr text = NULL;
	size_t cap_ex = 0;
	for (xmlNodePtr k = n->children; k && !b->oom; k = k->next) {
		if (is_element(k, "text") && !text)
			text = k;
		else if (is_element(k, "example"))
			add_example(b, &ind->examples, &ind->n_examples,
			            &cap_ex, k, OAIP_EXAMPLE_PRACTICE);
	}
	if (text)
		ind->text = get_words(b, text);
	else {
		/* Only the indicator's own text, not that of stray
		 * elements. */
		for (xmlNodePtr k = n->children; k; k = k->next)
			if (k->type == XML_ELEMENT_NODE &&
			    !is_element(k, "example")) {
				error_at(b, k,
				         "<%s> inside <indicator>: write plain "
				         "text, with no markup",
				         (const char *)k->name);
				break;
			}
		oaip_buf t;
		oaip_buf_init(&t);
		for (xmlNodePtr k = n->children; k; k = k->next)
			if (k->type == XML_TEXT_NODE ||
			    k->type == XML_CDATA_SECTION_NODE)
				oaip_buf_puts(&t, k->content
				                      ? (const char *)k->content
				                      : "");
		char *raw = oaip_buf_detach(&t);
		ind->text = raw ? normalize_space(raw) : NULL;
		free(raw);
		if (!ind->text)
			b->oom = true;
	}
	if (!text && ind->text && !*ind->text && !b->oom)
		error_at(b, n, "indicator '%s' has no text",
		         ind->id ? ind->id : "?");
}

static void read_expectation(struct builder *b, xmlNodePtr n, size_t strand)
{
	oaip_framework *fw = b->fw;
	bool ok;
	fw->expectations =
	    grow_array(fw->expectations, &b->cap_expectations,
	               fw->n_expectations, sizeof *fw->expectations, &ok);
	if (!ok) {
		b->oom = true;
		return;
	}
	size_t ei = fw->n_expectations++;
	oaip_expectation *e = &fw->expectations[ei];
	memset(e, 0, sizeof *e);
	e->strand = strand;
	e->first_indicator = fw->n_indicators;
	e->id = take_id(b, n, "expectation");
	e->cornerstone = take_cornerstone(b, n);

	size_t cap_notes = 0, cap_ex = 0;
	for (xmlNodePtr k = n->children; k && !b->oom; k = k->next) {
		/* fw->expectations may move while indicators are added. */
		e = &fw->expectations[ei];
		if (is_element(k, "title") && !e->title) {
			e->title = get_words(b, k);
		} else if (is_element(k, "statement") && !e->statement) {
			e->statement = get_words(b, k);
		} else if (is_element(k, "note")) {
			e->notes = grow_array(e->notes, &cap_notes, e->n_notes,
			                      sizeof *e->notes, &ok);
			if (!ok) {
				b->oom = true;
				break;
			}
			e->notes[e->n_notes] = get_words(b, k);
			if (e->notes[e->n_notes])
				e->n_notes++;
		} else if (is_element(k, "example")) {
			add_example(b, &e->examples, &e->n_examples, &cap_ex, k,
			            OAIP_EXAMPLE_PRACTICE);
		} else if (is_element(k, "quote")) {
			add_example(b, &e->examples, &e->n_examples, &cap_ex, k,
			            OAIP_EXAMPLE_QUOTE);
		} else if (is_element(k, "indicator")) {
			read_indicator(b, k, ei);
		}
	}
	e = &fw->expectations[ei];
	e->n_indicators = fw->n_indicators - e->first_indicator;
	if (b->oom)
		return;
	if (!e->statement)
		error_at(b, n, "expectation '%s' has no statement",
		         e->id ? e->id : "?");
	if (e->n_indicators == 0)
		error_at(b, n, "expectation '%s' has no indicator",
		         e->id ? e->id : "?");
}

static void read_strand(struct builder *b, xmlNodePtr n)
{
	oaip_framework *fw = b->fw;
	bool ok;
	fw->strands = grow_array(fw->strands, &b->cap_strands, fw->n_strands,
	                         sizeof *fw->strands, &ok);
	if (!ok) {
		b->oom = true;
		return;
	}
	size_t si = fw->n_strands++;
	oaip_strand *s = &fw->strands[si];
	memset(s, 0, sizeof *s);
	s->id = take_id(b, n, "strand");
	size_t before = fw->n_expectations;
	oaip_buf notes;
	oaip_buf_init(&notes);
	for (xmlNodePtr k = n->children; k && !b->oom; k = k->next) {
		s = &fw->strands[si];
		if (is_element(k, "title") && !s->title) {
			s->title = get_words(b, k);
		} else if (is_element(k, "note")) {
			/* Notes become the strand's description, one
			 * paragraph each. */
			char *t = get_words(b, k);
			if (t) {
				if (notes.len)
					oaip_buf_puts(&notes, "\n\n");
				oaip_buf_puts(&notes, t);
			}
			free(t);
		} else if (is_element(k, "expectation")) {
			read_expectation(b, k, si);
		}
	}
	s = &fw->strands[si];
	if (notes.len) {
		s->description = oaip_buf_detach(&notes);
		if (!s->description)
			b->oom = true;
	}
	oaip_buf_free(&notes);
	if (b->oom)
		return;
	if (!s->title)
		error_at(b, n, "strand '%s' has no title", s->id ? s->id : "?");
	if (fw->n_expectations == before)
		error_at(b, n, "strand '%s' has no expectation",
		         s->id ? s->id : "?");
}

/* Parse a level value: a whole number from 0 to 100. */
static bool parse_level_value(const char *s, int *out)
{
	const char *p = s;
	if (*p == '+')
		p++;
	if (!*p)
		return false;
	long v = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
		if (v > 100)
			return false;
	}
	*out = (int)v;
	return true;
}

static void read_scale(struct builder *b, xmlNodePtr n)
{
	oaip_scale *s = &b->fw->scale;
	size_t cap = 0;
	long *lines = NULL;
	size_t cap_lines = 0;
	bool ok;
	bool values_ok = true;
	char *target = get_attr(b, n, "target");
	if (!target && !b->oom)
		error_at(b, n,
		         "scale has no target: give the id of the level "
		         "schools are expected to reach");
	for (xmlNodePtr k = n->children; k && !b->oom; k = k->next) {
		if (!is_element(k, "level"))
			continue;
		s->levels = grow_array(s->levels, &cap, s->n_levels,
		                       sizeof *s->levels, &ok);
		if (ok) {
			size_t c2 = cap_lines;
			lines = grow_array(lines, &c2, s->n_levels,
			                   sizeof *lines, &ok);
			cap_lines = c2;
		}
		if (!ok) {
			b->oom = true;
			break;
		}
		oaip_level *l = &s->levels[s->n_levels];
		memset(l, 0, sizeof *l);
		long line = xmlGetLineNo(k);
		lines[s->n_levels] = line;
		s->n_levels++;

		char *v = get_attr(b, k, "value");
		l->id = get_attr(b, k, "id");
		l->label = get_attr_words(b, k, "label");
		char *desc = get_text(b, k);
		if (desc && *desc)
			l->description = desc;
		else
			free(desc);
		if (b->oom) {
			free(v);
			break;
		}
		if (!v) {
			error_at(b, k, "level has no value");
			values_ok = false;
		} else if (!parse_level_value(v, &l->value)) {
			error_at(
			    b, k,
			    "level value '%s' is not a whole number from 0 "
			    "to 100",
			    v);
			values_ok = false;
		} else if (s->n_levels > 1 && values_ok &&
		           l->value <= s->levels[s->n_levels - 2].value) {
			error_at(b, k,
			         "level value %d is not greater than the value "
			         "of the level before it (%d): levels go from "
			         "lowest to highest",
			         l->value, s->levels[s->n_levels - 2].value);
		}
		free(v);
		if (!l->id)
			error_at(b, k, "level has no id");
		else if (!valid_id(l->id))
			error_at(b, k,
			         "level id '%s' is not valid: use lower-case "
			         "letters, digits, '.', '_' and '-', starting "
			         "with a letter or digit",
			         l->id);
		if (!l->label)
			error_at(b, k, "level has no label");
		else if (!*l->label)
			error_at(b, k, "level label is empty");
		/* Every name a school may type must pick one level. */
		for (size_t j = 0; j + 1 < s->n_levels; j++) {
			const oaip_level *o = &s->levels[j];
			if (l->id && o->id && oaip_level_name_eq(l->id, o->id))
				error_at(
				    b, k,
				    "duplicate level id '%s' (first used on "
				    "line %ld)",
				    l->id, lines[j]);
			else if (l->id && o->label &&
			         oaip_level_name_eq(l->id, o->label))
				error_at(b, k,
				         "level id '%s' is the label of the "
				         "level on line %ld",
				         l->id, lines[j]);
			if (l->label && o->label &&
			    oaip_level_name_eq(l->label, o->label))
				error_at(
				    b, k,
				    "duplicate level label '%s' (first used "
				    "on line %ld)",
				    l->label, lines[j]);
			else if (l->label && o->id &&
			         oaip_level_name_eq(l->label, o->id))
				error_at(
				    b, k,
				    "level label '%s' is the id of the level "
				    "on line %ld",
				    l->label, lines[j]);
		}
	}
	if (!b->oom && s->n_levels == 0)
		error_at(b, n, "scale has no level");
	if (!b->oom && target && s->n_levels) {
		const oaip_level *t = NULL;
		for (size_t j = 0; j < s->n_levels; j++)
			if (s->levels[j].id &&
			    strcmp(s->levels[j].id, target) == 0)
				t = &s->levels[j];
		if (t) {
			s->target = t->value;
		} else {
			oaip_buf list;
			oaip_buf_init(&list);
			for (size_t j = 0; j < s->n_levels; j++)
				if (s->levels[j].id)
					oaip_buf_printf(&list, "%s%s",
					                list.len ? ", " : "",
					                s->levels[j].id);
			error_at(
			    b, n,
			    "scale target '%s' is not a level: expected one "
			    "of %s",
			    target, list.data ? list.data : "the level ids");
			oaip_buf_free(&list);
		}
	}
	free(target);
	free(lines);
}

static void read_framework(struct builder *b, xmlNodePtr root)
{
	oaip_framework *fw = b->fw;
	fw->id = take_id(b, root, "framework");
	fw->version = get_attr_words(b, root, "version");
	bool have_scale = false;
	for (xmlNodePtr k = root->children; k && !b->oom; k = k->next) {
		if (is_element(k, "title") && !fw->title) {
			fw->title = get_words(b, k);
		} else if (is_element(k, "publisher") && !fw->publisher) {
			fw->publisher = get_words(b, k);
		} else if (is_element(k, "source") && !fw->section) {
			fw->section = get_attr_words(b, k, "section");
			fw->url = get_attr_words(b, k, "url");
			/* Reports may make it a link: only web addresses. */
			if (fw->url && strncmp(fw->url, "https://", 8) != 0 &&
			    strncmp(fw->url, "http://", 7) != 0)
				error_at(
				    b, k,
				    "source url '%s' is not a web address: "
				    "expected one starting with https://",
				    fw->url);
			if (!fw->section && !b->oom)
				error_at(b, k, "source has no section");
		} else if (is_element(k, "attribution") && !fw->attribution) {
			fw->attribution = get_words(b, k);
		} else if (is_element(k, "scale") && !have_scale) {
			have_scale = true;
			read_scale(b, k);
		} else if (is_element(k, "strand")) {
			read_strand(b, k);
		}
	}
	if (b->oom)
		return;
	if (!have_scale && !oaip_scale_init_default(&fw->scale)) {
		b->oom = true;
		return;
	}
	if (!fw->title)
		error_at(b, root, "framework has no title");
	if (!fw->publisher)
		error_at(b, root, "framework has no publisher");
	if (!fw->section)
		error_at(b, root, "framework has no source section");
	if (!fw->attribution)
		error_at(b, root, "framework has no attribution");
	if (fw->n_strands == 0)
		error_at(b, root, "framework has no strand");

	/* Every cornerstone needs an indicator, or its score can never be
	 * known.  Skip when some indicator's cornerstone is itself wrong:
	 * the count would mislead. */
	if (!b->cornerstones_unsure && fw->n_indicators) {
		size_t count[OAIP_N_CORNERSTONES] = {0};
		for (size_t i = 0; i < fw->n_indicators; i++)
			count[fw->indicators[i].cornerstone]++;
		for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
			if (!count[c])
				error_at(
				    b, root,
				    "no indicator belongs to cornerstone '%s': "
				    "each of the four cornerstones needs at "
				    "least one",
				    oaip_cornerstone_id((oaip_cornerstone)c));
	}
}

/* Build the model from a parsed document; semantic problems go to d.
 * Returns the framework (possibly incomplete when d holds errors), or
 * NULL if out of memory. */
static oaip_framework *build(xmlDocPtr doc, const char *name, size_t n_elements,
                             oaip_diags *d)
{
	struct builder b = {.name = name, .d = d};
	oaip_framework *fw = calloc(1, sizeof *fw);
	if (!fw)
		goto oom;
	b.fw = fw;
	size_t slots = 16;
	while (slots < n_elements * 2 && slots < ((size_t)1 << 24))
		slots *= 2;
	b.ids = calloc(slots, sizeof *b.ids);
	if (!b.ids)
		goto oom;
	b.ids_mask = slots - 1;

	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root) {
		oaip_diags_add(d, OAIP_ERROR, name, 0,
		               "no document element: expected <framework>");
		goto cleanup;
	}
	if (root->ns && strcmp((const char *)root->name, "framework") == 0) {
		error_at(
		    &b, root,
		    "<framework> is in the namespace '%s': framework files "
		    "use no namespace",
		    root->ns->href ? (const char *)root->ns->href : "");
		goto cleanup;
	}
	if (!is_element(root, "framework")) {
		error_at(&b, root,
		         "document element is <%s>, expected <framework>",
		         (const char *)root->name);
		goto cleanup;
	}
	read_framework(&b, root);
	if (b.oom)
		goto oom;
	goto cleanup;
oom:
	oaip_diags_add(d, OAIP_ERROR, name, 0,
	               "out of memory loading framework");
	oaip_framework_free(fw);
	fw = NULL;
cleanup:
	free(b.ids);
	return fw;
}

/* ------------------------------------------------------------------ */
/* Putting it together                                                */

struct numbered {
	oaip_diag diag;
	size_t seq;
};

static int by_line(const void *pa, const void *pb)
{
	const struct numbered *a = pa, *b = pb;
	if (a->diag.line != b->diag.line)
		return a->diag.line < b->diag.line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A RELAX NG summary that only repeats what a message before it on the
 * same line said. */
static bool vague_schema_message(const char *m)
{
	return strstr(m, " has extra content: ") ||
	       strstr(m, " failed to validate content") ||
	       strstr(m, " failed to validate attributes");
}

/* Move the schema's and the semantic checks' problems to d in line
 * order.  Where the semantic checks found a problem on a line, the
 * schema's message for that line says the same less clearly ("element
 * indicator failed to validate attributes") and is dropped. */
static void merge_problems(oaip_diags *d, oaip_diags *schema,
                           oaip_diags *semantic, const char *name)
{
	size_t n = schema->n + semantic->n;
	struct numbered *all = n ? calloc(n, sizeof *all) : NULL;
	if (n && !all) {
		oaip_diags_move(d, schema);
		oaip_diags_move(d, semantic);
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < semantic->n; i++) {
		all[k].diag = semantic->items[i];
		all[k].seq = k;
		k++;
	}
	for (size_t i = 0; i < schema->n; i++) {
		oaip_diag *x = &schema->items[i];
		bool covered = false;
		for (size_t j = 0; j < semantic->n && !covered; j++)
			covered = x->line > 0 &&
			          semantic->items[j].line == x->line &&
			          semantic->items[j].severity == OAIP_ERROR;
		/* libxml2 repeats a message for each way a choice failed,
		 * and follows a precise message with a vague summary. */
		for (size_t j = 0; j < k && !covered; j++)
			covered =
			    all[j].diag.line == x->line &&
			    (strcmp(all[j].diag.message, x->message) == 0 ||
			     vague_schema_message(x->message));
		if (covered) {
			free(x->file);
			free(x->message);
			continue;
		}
		all[k].diag = *x;
		all[k].seq = k;
		k++;
	}
	free(schema->items);
	oaip_diags_init(schema);
	free(semantic->items);
	oaip_diags_init(semantic);
	if (k > 1)
		qsort(all, k, sizeof *all, by_line);
	size_t errors = 0;
	oaip_diags out;
	oaip_diags_init(&out);
	for (size_t i = 0; i < k; i++) {
		oaip_diag *x = &all[i].diag;
		if (x->severity == OAIP_ERROR && ++errors > MAX_PROBLEMS) {
			free(x->file);
			free(x->message);
			continue;
		}
		oaip_diags_add(&out, x->severity, x->file, x->line, "%s",
		               x->message);
		free(x->file);
		free(x->message);
	}
	if (errors > MAX_PROBLEMS)
		oaip_diags_add(&out, OAIP_ERROR, name, 0,
		               "too many problems: only the first %d are shown",
		               MAX_PROBLEMS);
	free(all);
	oaip_diags_move(d, &out);
}

oaip_framework *oaip_framework_load_memory(const char *xml, size_t len,
                                           const char *name, oaip_diags *d)
{
	oaip_framework *fw = NULL;
	xmlDocPtr doc = NULL;
	oaip_diags parse, schema, semantic;
	oaip_diags_init(&parse);
	oaip_diags_init(&schema);
	oaip_diags_init(&semantic);
	if (!name)
		name = "framework";

	/* libxml2 must not print or fetch anything by itself; restore the
	 * caller's handlers afterwards. */
	xmlInitParser();
	xmlGenericErrorFunc old_generic = xmlGenericError;
	void *old_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc old_structured = xmlStructuredError;
	void *old_structured_ctx = xmlStructuredErrorContext;
	struct reader r = {.name = name, .d = &parse};
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(&r, on_xml_error);
	xmlSetExternalEntityLoader(refuse_entity);

	doc = read_xml(&r, xml, len);
	if (!doc)
		goto cleanup;
	r.d = &schema;
	validate_schema(&r, doc);
	fw = build(doc, name, r.elements, &semantic);
	merge_problems(&parse, &schema, &semantic, name);
	if (!fw)
		goto cleanup;
	if (oaip_diags_count(&parse, OAIP_ERROR) > 0)
		goto cleanup;
	fw->source_name = oaip_strdup(name);
	if (!fw->source_name || !oaip_framework_index_build(fw)) {
		oaip_diags_add(&parse, OAIP_ERROR, name, 0,
		               "out of memory loading framework");
		goto cleanup;
	}
	xmlFreeDoc(doc);
	doc = NULL;
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	oaip_diags_move(d, &parse);
	return fw;
cleanup:
	oaip_framework_free(fw);
	if (doc)
		xmlFreeDoc(doc);
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	oaip_diags_move(d, &parse);
	oaip_diags_free(&schema);
	oaip_diags_free(&semantic);
	if (oaip_diags_count(d, OAIP_ERROR) == 0)
		oaip_diags_add(d, OAIP_ERROR, name, 0, "cannot load framework");
	return NULL;
}

oaip_framework *oaip_framework_load_file(const char *path, oaip_diags *d)
{
	char *data = NULL;
	size_t len = 0;
	if (!oaip_read_file(path, &data, &len, d))
		return NULL;
	oaip_framework *fw = oaip_framework_load_memory(data, len, path, d);
	free(data);
	return fw;
}

static bool ends_with_xml(const char *s)
{
	size_t n = strlen(s);
	return n >= 4 && oaip_strcasecmp(s + n - 4, ".xml") == 0;
}

oaip_framework *oaip_framework_load(const char *spec, oaip_diags *d)
{
	if (!spec || !*spec)
		spec = oaip_builtin_default();
	if (strchr(spec, '/') || ends_with_xml(spec))
		return oaip_framework_load_file(spec, d);
	const oaip_builtin *bi = oaip_builtin_find(spec);
	if (!bi) {
		oaip_buf ids;
		oaip_buf_init(&ids);
		for (size_t i = 0; i < oaip_builtin_count(); i++)
			oaip_buf_printf(&ids, "%s%s", i ? ", " : "",
			                oaip_builtin_get(i)->id);
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "unknown framework '%s': expected a built-in "
		               "framework (%s) or the path of a framework XML "
		               "file",
		               spec, ids.data ? ids.data : "none");
		oaip_buf_free(&ids);
		return NULL;
	}
	/* Diagnostics name the file the built-in was made from. */
	oaip_framework *fw =
	    oaip_framework_load_memory(bi->xml, bi->len, bi->filename, d);
	if (!fw)
		return NULL;
	oaip_buf name;
	oaip_buf_init(&name);
	oaip_buf_printf(&name, "builtin:%s", bi->id);
	char *s = oaip_buf_detach(&name);
	if (!s) {
		oaip_framework_free(fw);
		oaip_diags_add(d, OAIP_ERROR, NULL, 0, "out of memory");
		return NULL;
	}
	free(fw->source_name);
	fw->source_name = s;
	return fw;
}
