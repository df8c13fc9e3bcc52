/* template.c - oaip-eval template: print a blank self-evaluation CSV. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static const char help[] =
    "Usage: oaip-eval template [-f ID|PATH] [--phase PHASE] [-o FILE "
    "[--force]]\n"
    "Print a blank self-evaluation CSV for a framework: one row per\n"
    "indicator, in framework order, with the columns\n"
    "  indicator,cornerstone,statement,rating,evidence,next_steps\n"
    "Fill in rating (0-3, a level's name, or n/a), evidence and next_steps,\n"
    "then run 'oaip-eval score FILE'.  The file is UTF-8 with a byte order\n"
    "mark and CRLF line ends, so spreadsheets open it correctly.\n"
    "\n"
    "Options:\n"
    "  -f, --framework ID|PATH  a built-in framework id (default: devon) or\n"
    "                           a framework XML file\n"
    "      --phase PHASE        only indicators for early-years, school or\n"
    "                           post-16\n"
    "  -o, --output FILE        write to FILE (default: standard output);\n"
    "                           an existing FILE is never replaced, as it\n"
    "                           may hold a school's filled-in ratings\n"
    "      --force              replace an existing FILE all the same\n"
    "  -h, --help               show this help\n"
    "\n"
    "See oaip-selfeval(5) for the CSV format.\n";

int cmd_template(int argc, char **argv)
{
	enum { OPT_PHASE = 256, OPT_FORCE };
	static const struct option longopts[] = {
	    {"framework", required_argument, NULL, 'f'},
	    {"phase", required_argument, NULL, OPT_PHASE},
	    {"output", required_argument, NULL, 'o'},
	    {"force", no_argument, NULL, OPT_FORCE},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *framework = NULL, *output = NULL;
	unsigned phase = 0;
	bool force = false;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			framework = optarg;
			break;
		case OPT_PHASE:
			if (!cmd_parse_phase("template", optarg, &phase))
				return OAIP_EXIT_USAGE;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_FORCE:
			force = true;
			break;
		case 'h':
			return cmd_print_help(help);
		default:
			return cmd_option_error("template", c, argv, longopts);
		}
	}
	if (optind < argc)
		return cmd_usage_error("template", "unexpected argument '%s'",
		                       argv[optind]);

	if (cmd_output_is_input("template", output, framework, NULL, 0))
		return OAIP_EXIT_USAGE;
	if (output && strcmp(output, "-") != 0 && !force &&
	    access(output, F_OK) == 0) {
		cmd_error("'%s' already exists and may hold a filled-in "
		          "self-evaluation; not replacing it (use --force to "
		          "replace it)",
		          output);
		return OAIP_EXIT_INPUT;
	}

	oaip_framework *fw = cmd_load_framework(framework);
	if (!fw)
		return OAIP_EXIT_INPUT;
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_template_render(fw, phase, &b);
	int status = cmd_write_output(output, &b);
	oaip_buf_free(&b);
	oaip_framework_free(fw);
	return status;
}
