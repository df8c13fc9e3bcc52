/* render_framework.h - the words the framework pages (oaip-eval show, in
 * Markdown and HTML) share, each in one place. */
#ifndef OAIP_RENDER_FRAMEWORK_H
#define OAIP_RENDER_FRAMEWORK_H

#include "private.h"

/* The heading over an expectation's examples of good practice. */
#define OAIP_FRAMEWORK_PRACTICE_TITLE "What this could look like"

/* Where the Four Cornerstones come from, and whose summaries they are. */
extern const char oaip_framework_cornerstones_note[];

/* How many of an expectation's examples are of practice, shown under
 * OAIP_FRAMEWORK_PRACTICE_TITLE in framework order (its quotes follow
 * them, each on its own). */
size_t oaip_framework_n_practice(const oaip_expectation *e);

/* "early years, school" or "all phases" (plain text: nothing to
 * escape). */
void oaip_framework_phases_text(oaip_buf *out, unsigned bits);

/* "Target: 2 Established.  An indicator rated below the target is a
 * gap. ..." with the level's label written through write (the format's
 * escaping). */
void oaip_framework_target_text(oaip_buf *out, const oaip_framework *fw,
                                void (*write)(oaip_buf *, const char *));

/* The renderers: render_framework.c (Markdown), render_framework_html.c. */
void oaip_framework_html(const oaip_framework *fw, oaip_buf *out);

#endif
