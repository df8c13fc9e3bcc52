/* builtin_data.h - files compiled into the binary (private). */
#ifndef OAIP_BUILTIN_DATA_H
#define OAIP_BUILTIN_DATA_H
#include <stddef.h>

struct oaip_embedded {
	const char *name; /* file name under frameworks/, e.g. "devon.xml" */
	const char *data; /* NUL-terminated */
	size_t len;       /* without the NUL */
};

extern const struct oaip_embedded oaip_embedded_files[];
extern const size_t oaip_n_embedded_files;

#endif
