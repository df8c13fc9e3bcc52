/* fuzz.h - shared set-up for the libFuzzer targets. */
#ifndef OAIP_FUZZ_H
#define OAIP_FUZZ_H

#include <stdlib.h>

#include "oaip.h"

/* The default built-in framework, loaded once and kept for the life of
 * the process; aborts if it cannot be loaded (the build is broken). */
static inline const oaip_framework *fuzz_framework(void)
{
	static oaip_framework *fw;
	if (!fw) {
		oaip_diags d;
		oaip_diags_init(&d);
		fw = oaip_framework_load(oaip_builtin_default(), &d);
		oaip_diags_free(&d);
		if (!fw)
			abort();
	}
	return fw;
}

#endif
