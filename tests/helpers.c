/* helpers.c - see helpers.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "helpers.h"

oaip_framework *devon, *west_sussex;

int frameworks_setup(void **state)
{
	(void)state;
	oaip_diags d;
	oaip_diags_init(&d);
	devon = oaip_framework_load("devon", &d);
	west_sussex = oaip_framework_load("west-sussex", &d);
	if (d.n)
		oaip_diags_print(&d, stderr);
	oaip_diags_free(&d);
	return devon && west_sussex ? 0 : -1;
}

int frameworks_teardown(void **state)
{
	(void)state;
	oaip_framework_free(devon);
	oaip_framework_free(west_sussex);
	devon = west_sussex = NULL;
	return 0;
}

char *diag_text(const oaip_diags *d)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	assert_non_null(f);
	oaip_diags_print(d, f);
	fclose(f);
	return text;
}
