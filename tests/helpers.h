/* helpers.h - what several unit tests set up the same way: the built-in
 * frameworks loaded once for a group, and diagnostics as the user reads
 * them. */
#ifndef OAIP_TEST_HELPERS_H
#define OAIP_TEST_HELPERS_H

#include "oaip.h"

/* The built-in Devon and West Sussex frameworks, loaded by
 * frameworks_setup for a group of tests and freed by
 * frameworks_teardown (cmocka_run_group_tests(tests, frameworks_setup,
 * frameworks_teardown)). */
extern oaip_framework *devon, *west_sussex;
int frameworks_setup(void **state);
int frameworks_teardown(void **state);

/* Every diagnostic as the user sees it on stderr; caller frees. */
char *diag_text(const oaip_diags *d);

#endif
