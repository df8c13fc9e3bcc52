/* frameworks.c - oaip-eval frameworks: list the built-in frameworks. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char help[] =
    "Usage: oaip-eval frameworks\n"
    "List the frameworks built into oaip-eval: for each, its id (what -f\n"
    "takes), how many indicators it has in each of the Four Cornerstones,\n"
    "its publisher and its title.  The default framework is marked.\n"
    "\n"
    "Columns: WC Welcome and Care, VI Value and Include, CO Communicate,\n"
    "WP Work in Partnership.\n"
    "\n"
    "Options:\n"
    "  -h, --help  show this help\n"
    "\n"
    "See 'oaip-eval show ID' for a whole framework, and oaip-framework(5)\n"
    "for writing your own.\n";

struct row {
	const char *id;
	oaip_framework *fw;
	size_t cs[OAIP_N_CORNERSTONES];
};

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

int cmd_frameworks(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cmd_io io = {.cmd = "frameworks"};
	int c;
	while ((c = cmd_getopt(&io, argc, argv, longopts)) != -1) {
		switch (c) {
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("frameworks", c, argv,
			                        longopts);
		}
	}
	if (optind < argc)
		return cmd_usage_error("frameworks", "unexpected argument '%s'",
		                       argv[optind]);

	int status = OAIP_EXIT_OK;
	size_t n = oaip_builtin_count();
	struct row *rows = calloc(n ? n : 1, sizeof *rows);
	oaip_buf b;
	oaip_buf_init(&b);
	if (!rows) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	const char *def = oaip_builtin_default();
	size_t w_id = strlen("ID"), w_pub = strlen("PUBLISHER");
	for (size_t i = 0; i < n; i++) {
		rows[i].id = oaip_builtin_get(i)->id;
		rows[i].fw = cmd_load_framework(rows[i].id);
		if (!rows[i].fw) {
			status = OAIP_EXIT_INPUT;
			continue;
		}
		for (size_t k = 0; k < rows[i].fw->n_indicators; k++)
			rows[i].cs[rows[i].fw->indicators[k].cornerstone]++;
		size_t w = strlen(rows[i].id) +
		           (strcmp(rows[i].id, def) == 0 ? strlen(" *") : 0);
		w_id = max_size(w_id, w);
		w_pub = max_size(w_pub, strlen(rows[i].fw->publisher));
	}

	oaip_buf_printf(&b, "%-*s  %10s  %3s %3s %3s %3s  %-*s  %s\n",
	                (int)w_id, "ID", "INDICATORS", "WC", "VI", "CO", "WP",
	                (int)w_pub, "PUBLISHER", "TITLE");
	for (size_t i = 0; i < n; i++) {
		const oaip_framework *fw = rows[i].fw;
		if (!fw)
			continue;
		char id[256];
		snprintf(id, sizeof id, "%s%s", rows[i].id,
		         strcmp(rows[i].id, def) == 0 ? " *" : "");
		oaip_buf_printf(&b,
		                "%-*s  %10zu  %3zu %3zu %3zu %3zu  %-*s  %s\n",
		                (int)w_id, id, fw->n_indicators, rows[i].cs[0],
		                rows[i].cs[1], rows[i].cs[2], rows[i].cs[3],
		                (int)w_pub, fw->publisher, fw->title);
	}
	oaip_buf_puts(&b, "\nWC, VI, CO, WP: indicators in Welcome and Care, "
	                  "Value and Include,\nCommunicate and Work in "
	                  "Partnership.\n* the default framework, used when -f "
	                  "is not given.\n");
	int w = cmd_write_output(NULL, &b);
	if (status == OAIP_EXIT_OK)
		status = w;
cleanup:
	if (rows)
		for (size_t i = 0; i < n; i++)
			oaip_framework_free(rows[i].fw);
	free(rows);
	oaip_buf_free(&b);
	return status;
}
