/* framework_xml.c - the one safe XML reader, RELAX NG validation against
 * the compiled-in schema, and loading a framework: read, validate, build
 * (framework_build.c), and report the problems in line order.
 *
 * Safety: documents are parsed with no network access, no DTD loading, no
 * entity substitution and an external entity loader that refuses
 * everything.  A document type declaration is refused as soon as the
 * parser sees its name, before any entity in it is declared, so neither
 * "billion laughs" nor an external entity can do anything.  libxml2 never
 * prints: every message goes to a structured handler that adds it to the
 * caller's diagnostics with the file and line. */
#include "config.h"

#include <limits.h>
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

enum stage { STAGE_PARSE, STAGE_SCHEMA, STAGE_VALIDATE };

struct reader {
	const char *name; /* for diagnostics */
	oaip_diags *d;
	enum stage stage;
	bool doctype;     /* a document type declaration was refused */
	bool limit;       /* a size limit stopped the parser */
	bool parse_error; /* the first well-formedness error was reported */
	size_t problems;  /* schema problems collected */
	bool dropped;     /* schema problems beyond those kept */
	long last_line;   /* of the last schema problem that had one */
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

/* A RELAX NG summary that only repeats what a message before it on the
 * same line said. */
static bool vague_schema_message(const char *m)
{
	return strstr(m, " has extra content: ") ||
	       strstr(m, " failed to validate content") ||
	       strstr(m, " failed to validate attributes");
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
	if (r->stage == STAGE_VALIDATE) {
		/* libxml2's RELAX NG validator loses its place after some
		 * errors and says "internal error: no state": its own
		 * confusion, never a problem in the file. */
		if (strncmp(m, "internal error", 14) == 0 ||
		    strncmp(m, "Internal error", 14) == 0) {
			free(m);
			return;
		}
		/* A vague summary with no line says nothing a precise
		 * message (or, failing all, "does not match the framework
		 * schema") does not; any other message with no line belongs
		 * to the element of the one before it. */
		if (line == 0 && vague_schema_message(m)) {
			free(m);
			return;
		}
		if (line == 0)
			line = r->last_line;
		if (line)
			r->last_line = line;
	}
	/* A hostile file can make an error of every element; more than
	 * this many are cut short when they are merged. */
	if (r->stage == STAGE_VALIDATE &&
	    ++r->problems > OAIP_FRAMEWORK_KEPT_PROBLEMS) {
		r->dropped = true;
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
	/* A byte order mark after the start (two files pasted together)
	 * is invisible in an editor and would end up inside an id or a
	 * text: say where it is. */
	for (const char *p = data + 1; p + 3 <= data + len;) {
		p = memchr(p, 0xEF, (size_t)(data + len - p));
		if (!p || p + 3 > data + len)
			break;
		if (memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			long line = 1;
			for (const char *q = data; q < p; q++)
				line += *q == '\n';
			oaip_diags_add(
			    r->d, OAIP_ERROR, r->name, line,
			    "a byte order mark (U+FEFF, invisible in "
			    "most editors) in the middle of the file: "
			    "delete it");
			goto cleanup;
		}
		p++;
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
/* Putting it together                                                */

/* Move the schema's and the semantic checks' problems to d in line
 * order.  Where the semantic checks found a problem on a line, the
 * schema's message for that line says the same less clearly ("element
 * indicator failed to validate attributes") and is dropped. */
static void merge_problems(oaip_diags *d, oaip_diags *schema,
                           oaip_diags *semantic, const char *name, bool dropped)
{
	oaip_diags all;
	oaip_diags_init(&all);
	oaip_diags_move(&all, semantic);
	size_t n_semantic = all.n;
	for (size_t i = 0; i < schema->n; i++) {
		oaip_diag *x = &schema->items[i];
		bool covered = false;
		for (size_t j = 0; j < n_semantic && !covered; j++)
			covered = x->line > 0 && all.items[j].line == x->line &&
			          all.items[j].severity == OAIP_ERROR;
		/* libxml2 repeats a message for each way a choice failed,
		 * and follows a precise message with a vague summary. */
		for (size_t j = 0; j < all.n && !covered; j++)
			covered =
			    all.items[j].line == x->line &&
			    (strcmp(all.items[j].message, x->message) == 0 ||
			     vague_schema_message(x->message));
		if (!covered)
			oaip_diags_add(&all, x->severity, x->file, x->line,
			               "%s", x->message);
	}
	oaip_diags_free(schema);
	oaip_diags_sort_by_line(&all);
	oaip_diags_limit_errors(&all, OAIP_FRAMEWORK_MAX_PROBLEMS, name,
	                        dropped);
	oaip_diags_move(d, &all);
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
	bool dropped = false;
	fw = oaip_framework_build(doc, name, r.elements, &semantic, &dropped);
	merge_problems(&parse, &schema, &semantic, name, dropped || r.dropped);
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
	/* Read no more than a framework may hold (-f /dev/zero). */
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_framework *fw = NULL;
	if (oaip_read_into(path, MAX_FRAMEWORK_BYTES, &b, NULL, d))
		fw = oaip_framework_load_memory(b.data, b.len,
		                                oaip_input_name(path), d);
	oaip_buf_free(&b);
	return fw;
}

static bool ends_with_xml(const char *s)
{
	size_t n = strlen(s);
	return n >= 4 && oaip_strcasecmp(s + n - 4, ".xml") == 0;
}

const char *oaip_framework_spec_file(const char *spec)
{
	return spec && (strchr(spec, '/') || ends_with_xml(spec)) ? spec : NULL;
}

oaip_framework *oaip_framework_load(const char *spec, oaip_diags *d)
{
	if (!spec || !*spec)
		spec = oaip_builtin_default();
	if (oaip_framework_spec_file(spec))
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