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
    "without\n"
    "                       -F, a name ending in .html or .htm means html\n"
    "  -h, --help           show this help\n";

/* -F wins; else -o's extension; else Markdown.  An -o that names a format
 * show cannot write (.json, .csv) is a usage error, never a file of
 * another format. */
static bool show_format(const char *format_arg, const char *output,
                        oaip_format *f)
{
	*f = OAIP_FORMAT_MARKDOWN;
	if (format_arg) {
		if (oaip_format_parse(format_arg, f) &&
		    oaip_render_supported(OAIP_REPORT_FRAMEWORK, *f))
			return true;
		cmd_usage_error(
		    "show", "unknown format '%s': expected markdown or html",
		    format_arg);
		return false;
	}
	if (!output || strcmp(output, "-") == 0 ||
	    !oaip_format_from_path(output, f) ||
	    oaip_render_supported(OAIP_REPORT_FRAMEWORK, *f))
		return true;
	cmd_usage_error("show",
	                "'%s' names a %s file, but show writes markdown or "
	                "html: give -o a .md or .html name, or -F",
	                output, oaip_format_name(*f));
	return false;
}

int cmd_show(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'F'},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *output = NULL, *format_arg = NULL;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":F:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'F':
			format_arg = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("show", c, argv, longopts);
		}
	}
	if (argc - optind > 1)
		return cmd_usage_error("show", "unexpected argument '%s'",
		                       argv[optind + 1]);
	oaip_format f;
	if (!show_format(format_arg, output, &f))
		return OAIP_EXIT_USAGE;
	const char *spec = optind < argc ? argv[optind] : NULL;
	if (cmd_output_is_input("show", output, spec, NULL, 0))
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
