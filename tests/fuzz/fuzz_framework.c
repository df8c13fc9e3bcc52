/* fuzz_framework.c - libFuzzer target: the framework XML loader (schema and
 * semantic checks included) must load or report errors for any bytes. */
#include <stdint.h>
#include <stdlib.h>

#include "oaip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw = oaip_framework_load_memory((const char *)data,
	                                                size, "fuzz.xml", &d);
	if (!fw && oaip_diags_count(&d, OAIP_ERROR) == 0)
		abort();
	if (fw) {
		/* a framework that loads must be usable by every consumer */
		oaip_buf b;
		oaip_buf_init(&b);
		oaip_template_render(fw, 0, &b);
		oaip_render_framework_markdown(fw, &b);
		oaip_buf_free(&b);
		if (fw->n_indicators)
			(void)oaip_framework_find(fw, fw->indicators[0].id);
	}
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	return 0;
}
