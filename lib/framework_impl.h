/* framework_impl.h - shared by framework.c, framework_xml.c and
 * framework_build.c; not public API. */
#ifndef OAIP_FRAMEWORK_IMPL_H
#define OAIP_FRAMEWORK_IMPL_H

#include "private.h"

/* Fill s with the default scale (0 not-yet "Not yet" ... 3 embedded
 * "Embedded", target established).  Returns false if allocation failed. */
bool oaip_scale_init_default(oaip_scale *s);

/* Free the contents of s (not s itself). */
void oaip_scale_clear(oaip_scale *s);

/* Build fw->index from fw->indicators.  Returns false if allocation
 * failed. */
bool oaip_framework_index_build(oaip_framework *fw);

/* Do two level names match?  ASCII case is ignored, and runs of spaces,
 * '-' and '_' count as one separator ("Not yet" = "not-yet"). */
bool oaip_level_name_eq(const char *a, const char *b);

/* Problems told per framework file; the rest are counted.  At most
 * OAIP_FRAMEWORK_KEPT_PROBLEMS are kept while reading, to bound memory. */
#define OAIP_FRAMEWORK_MAX_PROBLEMS  OAIP_MAX_MESSAGES
#define OAIP_FRAMEWORK_KEPT_PROBLEMS (10 * OAIP_MAX_MESSAGES)

/* Build the model from a parsed, schema-checked document (n_elements: how
 * many elements it has, to size the id table); semantic problems go to d
 * with their lines.  Returns the framework (possibly incomplete when d
 * holds errors; the caller frees it), or NULL if out of memory. */
struct _xmlDoc;
oaip_framework *oaip_framework_build(struct _xmlDoc *doc, const char *name,
                                     size_t n_elements, oaip_diags *d,
                                     bool *dropped);
/* Give every indicator its short code and check the asks (at most
 * OAIP_ASK_MAX characters, no two alike by oaip_match_key); problems go
 * to d against name and the ask's line.  Returns false if allocation
 * failed (framework_ask.c). */
bool oaip_framework_asks_finish(oaip_framework *fw, const char *name,
                                oaip_diags *d);

#endif
