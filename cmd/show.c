/* show.c - oaip-eval show: a whole framework, as Markdown or as one
 * accessible HTML page. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const char help[] =
    "Usage: oaip-eval show [-F markdown|html] [-o FILE] [ID|PATH]\n"
    "Print a whole framework: its source and attribution, the rating\n"
    "scale and target, the Four Cornerstones, then every strand and\n"
    "expectation with each indicator (id, cornerstone, phases, weight), the\n"
    "question parent carers are asked about it, the examples of what good\n"
    "practice could look like, and parent carers' quotes.  As HTML it is\n"
    "one self-contained, accessible page, ready for a website or to print.\n"
    "\n"
    "ID is a built-in framework (default: devon; see 'oaip-eval\n"
    "frameworks'); PATH is a framework XML file (see oaip-framework(5)).\n"
    "\n"
    "Options:\n"
    "  -F, --format FORMAT  markdown (default) or html\n"
    "  -o, --output FILE    write to FILE (default: standard output); "
    ".md or\n"
    "                       .html sets the format (and must agree with -F)\n"
    "  -h, --help           show this help\n";

int cmd_show(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'F'},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cmd_io io = {.cmd = "show"};
	int c;
	while ((c = cmd_getopt(&io, argc, argv, longopts)) != -1) {
		switch (c) {
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("show", c, argv, longopts);
		}
	}
	if (argc - optind > 1)
		return cmd_usage_error("show", "unexpected argument '%s'",
		                       argv[optind + 1]);
	const char *output = io.output;
	const char *spec = optind < argc ? argv[optind] : NULL;
	if (cmd_output_is_input("show", output, spec, NULL, 0))
		return OAIP_EXIT_USAGE;
	oaip_format f;
	if (!cmd_resolve_format("show", OAIP_REPORT_FRAMEWORK, io.format,
	                        output, &f))
		return OAIP_EXIT_USAGE;
	oaip_framework *fw = cmd_load_framework(spec);
	if (!fw)
		return OAIP_EXIT_INPUT;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_render_framework(fw, f, &b);
	int status = cmd_write_output(output, &b);
	oaip_buf_free(&b);
	oaip_framework_free(fw);
	return status;
}
