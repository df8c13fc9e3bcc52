/* fuzz_selfeval.c - libFuzzer target: the self-evaluation CSV reader must
 * return a result or errors for any bytes, never crash or leak. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const oaip_framework *fw = fuzz_framework();
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
