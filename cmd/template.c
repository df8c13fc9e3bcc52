/* template.c - oaip-eval template: a blank self-evaluation, CSV or an
 * Excel workbook. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static const char help[] =
    "Usage: oaip-eval template [-f ID|PATH] [--phase PHASE] [-F csv|xlsx]\n"
    "                          [-o FILE [--force]]\n"
    "Write a blank self-evaluation for a framework: the details (School,\n"
    "URN, Phase, Framework, Completed by, Date), then one row per\n"
    "indicator, in framework order, with the columns\n"
    "  indicator,cornerstone,statement,rating,evidence,next_steps\n"
    "Fill in rating (0-3, a level's name, or n/a), evidence and next_steps,\n"
    "then run 'oaip-eval score FILE'.\n"
    "\n"
    "With -o FILE.xlsx or -F xlsx it is an Excel workbook: a drop-down\n"
    "list for each rating, the statements protected from accidental\n"
    "edits, a Levels sheet and a Good practice sheet with the framework's\n"
    "examples.  Otherwise it is CSV (UTF-8 with a byte order mark and CRLF\n"
    "line ends, so spreadsheets open it correctly), on standard output\n"
    "without -o.\n"
    "\n"
    "Options:\n"
    "  -f, --framework ID|PATH  a built-in framework id (default: devon) or\n"
    "                           a framework XML file\n"
    "      --phase PHASE        only indicators for these phases "
    "(early-years,\n"
    "                           school, post-16, or primary, secondary,\n"
    "                           sixth-form...; comma-separated or repeated);\n"
    "                           written as the Phase detail\n"
    "  -F, --format csv|xlsx    the file's format (default: from the -o\n"
    "                           name, else csv)\n"
    "  -o, --output FILE        write to FILE (default: standard output);\n"
    "                           an existing FILE is never replaced, as it\n"
    "                           may hold a school's filled-in ratings\n"
    "      --force              replace an existing FILE all the same\n"
    "  -h, --help               show this help\n"
    "\n"
    "See oaip-selfeval(5) for the format.\n";

int cmd_template(int argc, char **argv)
{
	enum { OPT_FORCE = 256 };
	static const struct option longopts[] = {
	    {"framework", required_argument, NULL, 'f'},
	    {"phase", required_argument, NULL, CMD_OPT_PHASE},
	    {"output", required_argument, NULL, 'o'},
	    {"format", required_argument, NULL, 'F'},
	    {"force", no_argument, NULL, OPT_FORCE},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cmd_io io = {.cmd = "template"};
	bool force = false;
	int c;

	while ((c = cmd_getopt(&io, argc, argv, longopts)) != -1) {
		switch (c) {
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
	const char *framework = io.framework, *output = io.output,
	           *format = io.format;
	unsigned phase = io.phase;

	if (cmd_output_is_input("template", output, framework, NULL, 0))
		return OAIP_EXIT_USAGE;
	bool xlsx;
	if (!cmd_template_format(format, output, &xlsx))
		return OAIP_EXIT_USAGE;
	if (xlsx &&
	    cmd_workbook_to_terminal("template", output, "our-school.xlsx"))
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
	int status = OAIP_EXIT_OK;
	if (xlsx) {
		oaip_diags d;
		oaip_diags_init(&d);
		if (!oaip_template_xlsx(fw, phase, &b, &d))
			status = OAIP_EXIT_INPUT;
		cmd_print_diags(&d);
		oaip_diags_free(&d);
	} else {
		oaip_template_render(fw, phase, &b);
	}
	if (status == OAIP_EXIT_OK)
		status = cmd_write_output(output, &b);
	oaip_buf_free(&b);
	oaip_framework_free(fw);
	return status;
}
