/* framework_build.c - from a parsed framework document to the model,
 * with the semantic checks the schema cannot make: ids unique and well
 * formed, cornerstones and phases known, the scale's levels ordered and
 * its target one of them, every cornerstone used. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "framework_impl.h"

/* ------------------------------------------------------------------ */
/* From the tree to the model, with the semantic checks               */

struct builder {
	const char *name;
	oaip_diags *d;
	oaip_framework *fw;
	bool oom;
	oaip_strmap ids; /* id -> the line it is first used on */
	size_t cap_strands, cap_expectations, cap_indicators;
	bool cornerstones_unsure; /* an indicator's cornerstone is bad */
	size_t problems;
	bool dropped; /* problems beyond those kept */
};

static void error_at(struct builder *b, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct builder *b, xmlNodePtr n, const char *fmt, ...)
{
	if (++b->problems > OAIP_FRAMEWORK_KEPT_PROBLEMS) {
		b->dropped = true;
		return;
	}
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
	long first;
	if (!oaip_strmap_put(&b->ids, id, xmlGetLineNo(n), &first))
		b->oom = true;
	else if (first >= 0)
		error_at(b, n, "duplicate id '%s' (first used on line %ld)", id,
		         first);
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
		else if (is_element(k, "ask") && text && !ind->ask) {
			ind->ask = get_words(b, k);
			ind->ask_line = xmlGetLineNo(k);
		} else if (is_element(k, "example"))
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
		} else if (is_element(k, "ask-attribution") &&
		           !fw->ask_attribution) {
			fw->ask_attribution = get_words(b, k);
		} else if (is_element(k, "scale") && !have_scale) {
			have_scale = true;
			read_scale(b, k);
		} else if (is_element(k, "strand")) {
			read_strand(b, k);
		}
	}
	if (b->oom)
		return;
	if (!oaip_framework_asks_finish(fw, b->name, b->d)) {
		b->oom = true;
		return;
	}
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

oaip_framework *oaip_framework_build(xmlDocPtr doc, const char *name,
                                     size_t n_elements, oaip_diags *d,
                                     bool *dropped)
{
	struct builder b = {.name = name, .d = d};
	oaip_framework *fw = calloc(1, sizeof *fw);
	if (!fw)
		goto oom;
	b.fw = fw;
	(void)n_elements; /* the id table grows as it needs */
	oaip_strmap_init(&b.ids, false);

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
	*dropped = b.dropped;
	oaip_strmap_free(&b.ids);
	return fw;
}
