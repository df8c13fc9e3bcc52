/* fuzz_selfeval.c - libFuzzer target: the self-evaluation CSV reader must
 * return a result or errors for any bytes, never crash or leak. */
#include <stdint.h>
#include <stdlib.h>

#include "oaip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static oaip_framework *fw;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fw) {
		oaip_diags d;
		oaip_diags_init(&d);
		fw = oaip_framework_load(oaip_builtin_default(), &d);
		oaip_diags_free(&d);
		if (!fw)
			abort();
	}
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = oaip_selfeval_read_memory(fw, (const char *)data,
	                                              size, "fuzz.csv", &d);
	/* either a result or at least one error, never both missing */
	if (!se && oaip_diags_count(&d, OAIP_ERROR) == 0)
		abort();
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	return 0;
}
