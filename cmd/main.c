/* main.c - oaip-eval: dispatch to a subcommand. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
    /* sorted by name */
    {"compare", cmd_compare, "compare many schools' returns (area view)"},
    {"frameworks", cmd_frameworks, "list the built-in frameworks"},
    {"plan", cmd_plan, "turn a self-evaluation's gaps into an action plan"},
    {"score", cmd_score, "score a self-evaluation and write a gap report"},
    {"show", cmd_show, "print a whole framework as Markdown"},
    {"survey", cmd_survey,
     "parent carers' questionnaire, and a summary of their answers"},
    {"template", cmd_template, "print a blank self-evaluation CSV"},
    {"validate", cmd_validate,
     "check framework XML files and self-evaluation CSVs"},
    {"you-said", cmd_you_said, "a \"you said, we did\" page for parent carers"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* "unknown command 'NAME'", with the closest command suggested. */
static int unknown_command(const char *name)
{
	const char *names[N_COMMANDS + 1];
	char hint[160];
	for (size_t i = 0; i < N_COMMANDS; i++)
		names[i] = commands[i].name;
	names[N_COMMANDS] = "help";
	return cmd_usage_error(NULL, "unknown command '%s'%s", name,
	                       cmd_did_you_mean(hint, sizeof hint, name, "",
	                                        names, N_COMMANDS + 1));
}

static int usage(void)
{
	oaip_buf text;
	oaip_buf_init(&text);
	oaip_buf_puts(&text,
	              "Usage: oaip-eval COMMAND [OPTION]... [ARG]...\n"
	              "Evaluate a school's partnership with parent carers "
	              "against a local authority\nframework, organised by the "
	              "Four Cornerstones: Welcome and Care, Value and\n"
	              "Include, Communicate, Work in Partnership.\n\n"
	              "Commands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		oaip_buf_printf(&text, "  %-11s %s\n", commands[i].name,
		                commands[i].summary);
	oaip_buf_printf(
	    &text,
	    "  %-11s %s\n\n"
	    "Options:\n"
	    "  -h, --help     show this help, or 'help COMMAND' for "
	    "one command\n"
	    "  -V, --version  show the version\n\n"
	    "Exit status: 0 success, 1 a check failed, 2 usage "
	    "error, 3 bad or\nunreadable input, 4 out of memory.  "
	    "See oaip-eval(1), oaip-selfeval(5)\nand "
	    "oaip-framework(5).\n",
	    "help", "show help for a command");
	if (text.failed) {
		oaip_buf_free(&text);
		return cmd_out_of_memory();
	}
	int status = cmd_print_help(text.data);
	oaip_buf_free(&text);
	return status;
}

static int run_help(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return usage();
	if (argc > 2)
		return cmd_usage_error("help", "too many arguments");
	const struct command *c = find_command(argv[1]);
	if (!c) {
		if (strcmp(argv[1], "help") == 0)
			return usage();
		return unknown_command(argv[1]);
	}
	char help[] = "--help";
	char *args[] = {argv[1], help, NULL};
	return c->fn(2, args);
}

int main(int argc, char **argv)
{
	int status;
	if (argc < 2)
		return cmd_usage_error(NULL, "no command given");
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		status = usage();
	else if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		status = cmd_print_help(PACKAGE_NAME " " PACKAGE_VERSION "\n");
	else if (strcmp(name, "help") == 0)
		status = run_help(argc - 1, argv + 1);
	else if (name[0] == '-') {
		static const char *const options[] = {"help", "version"};
		char hint[160] = "";
		if (name[1] == '-')
			cmd_did_you_mean(hint, sizeof hint, name + 2, "--",
			                 options, 2);
		return cmd_usage_error(NULL, "unknown option '%s'%s", name,
		                       hint);
	} else {
		const struct command *c = find_command(name);
		if (!c)
			return unknown_command(name);
		status = c->fn(argc - 1, argv + 1);
	}
	/* Report a write error on stdout (a full disk, a closed pipe) that
	 * the command itself did not see: also after a failed check, whose
	 * findings (validate --format github) went to stdout. */
	if ((fflush(stdout) != 0 || ferror(stdout)) &&
	    (status == OAIP_EXIT_OK || status == OAIP_EXIT_CHECK_FAILED)) {
		cmd_error("cannot write to standard output: %s",
		          strerror(errno));
		status = OAIP_EXIT_INPUT;
	}
	return status;
}
