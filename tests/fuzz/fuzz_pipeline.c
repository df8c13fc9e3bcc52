/* fuzz_pipeline.c - libFuzzer target: CSV -> score -> every renderer.
 * Whatever a school's file holds, the reports are produced and none of
 * them carries live markup from the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Does the report contain needle where the input did not put it
 * escaped?  Any raw "<script" in HTML is a failure: the renderer never
 * emits scripts of its own. */
static void check_html(const oaip_buf *b)
{
	if (b->data &&
	    (strstr(b->data, "<script") || strstr(b->data, "<SCRIPT")))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const oaip_framework *fw = fuzz_framework();
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_selfeval *se = oaip_selfeval_read_memory(fw, (const char *)data,
	                                              size, "fuzz.csv", &d);
	if (se) {
		oaip_score_options opts = {.target = -1, .phase = 0};
		oaip_result *r = oaip_score_compute(se, &opts);
		if (!r)
			abort();
		oaip_render_options ro = {.date = "2026-01-01",
		                          .program_version = "fuzz"};
		const oaip_format formats[] = {
		    OAIP_FORMAT_MARKDOWN, OAIP_FORMAT_HTML, OAIP_FORMAT_JSON};
		for (size_t i = 0; i < 3; i++) {
			oaip_buf b;
			oaip_buf_init(&b);
			oaip_render_score(r, formats[i], &ro, &b);
			if (formats[i] == OAIP_FORMAT_HTML)
				check_html(&b);
			oaip_buf_free(&b);
		}
		oaip_result_free(r);
	}
	oaip_selfeval_free(se);
	oaip_diags_free(&d);
	return 0;
}
