/* private.h - helpers shared by the library's modules; not public API. */
#ifndef OAIP_PRIVATE_H
#define OAIP_PRIVATE_H

#include "oaip.h"

/* ASCII case-insensitive comparison, independent of the locale. */
int oaip_strcasecmp(const char *a, const char *b);
/* A copy of s with leading and trailing ASCII white space removed;
 * caller frees. */
char *oaip_strtrim(const char *s);
/* Is s (len bytes) valid UTF-8? */
bool oaip_utf8_valid(const char *s, size_t len);
/* Append the UTF-8 form of Windows-1252 text to out. */
void oaip_cp1252_to_utf8(oaip_buf *out, const char *s, size_t len);

#endif
