/* fuzz_xlsx.c - libFuzzer target: the workbook reader (libzip + SAX2) and
 * the self-evaluation read from its table must give a result or errors
 * for any bytes, never crash, hang or leak. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const oaip_framework *fw = fuzz_framework();
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_table *t = oaip_table_read_xlsx(
	    (const char *)data, size, "fuzz.xlsx", "Self-evaluation", &d);
	if (!t && oaip_diags_count(&d, OAIP_ERROR) == 0)
		abort();
	if (t) {
		/* every cell a row holds is readable, in its column */
		for (size_t r = 0; r < t->n_rows; r++)
			for (size_t k = 0; k < t->rows[r].n_stored; k++) {
				size_t c;
				const char *s =
				    oaip_table_stored(t, &t->rows[r], k, &c);
				if (c >= t->rows[r].n_cells ||
				    oaip_table_cell(t, &t->rows[r], c) != s)
					abort();
			}
		oaip_selfeval *se =
		    oaip_selfeval_from_table(fw, t, "fuzz.xlsx", &d);
		if (!se && oaip_diags_count(&d, OAIP_ERROR) == 0)
			abort();
		oaip_selfeval_free(se);
	}
	oaip_table_free(t);
	oaip_diags_free(&d);
	return 0;
}
