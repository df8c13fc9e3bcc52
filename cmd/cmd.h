/* cmd.h - the command line: one function per subcommand, shared helpers. */
#ifndef OAIP_CMD_H
#define OAIP_CMD_H

#include "oaip.h"

/* Each subcommand parses its own options.  argv[0] is the command name.
 * Returns an oaip_exit status. */
int cmd_compare(int argc, char **argv);
int cmd_frameworks(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_validate(int argc, char **argv);

/* Messages on stderr (error.c), one format for every command; control
 * characters in the formatted message are escaped.
 * cmd_error:   "oaip-eval: error: MESSAGE"
 * cmd_warning: "oaip-eval: warning: MESSAGE"
 * cmd_say:     "oaip-eval: MESSAGE" (an outcome, such as a check not met)
 * cmd_diag:    "FILE: SEVERITY: MESSAGE", as the library's diagnostics */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cmd_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cmd_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cmd_diag(oaip_severity sev, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Print "oaip-eval: error: out of memory"; returns OAIP_EXIT_MEMORY. */
int cmd_out_of_memory(void);

/* Print "oaip-eval: MESSAGE" and a hint to run 'oaip-eval help CMD' on
 * stderr; returns OAIP_EXIT_USAGE. */
int cmd_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Report what getopt_long returned for a bad option (c is ':' for a
 * missing argument, '?' for an unknown option) as a usage error naming
 * the option; returns OAIP_EXIT_USAGE.  Call it with argv as given to
 * getopt_long, straight after the call. */
int cmd_option_error(const char *cmd, int c, char **argv);

/* Print a usage text to stdout (for --help); returns OAIP_EXIT_OK, or
 * OAIP_EXIT_INPUT if stdout cannot be written. */
int cmd_print_help(const char *text);

/* Print diagnostics to stderr (file:line: error: message). */
void cmd_print_diags(const oaip_diags *d);

/* Load the framework named by -f (NULL means the default built-in).  On
 * failure prints every problem and returns NULL; the exit status is then
 * OAIP_EXIT_INPUT.  Caller frees. */
oaip_framework *cmd_load_framework(const char *spec);

/* Parse a --phase argument; prints a usage error and returns false when it
 * is not a known phase. */
bool cmd_parse_phase(const char *cmd, const char *arg, unsigned *phase);

/* Decide the output format from -F (may be NULL) and -o (may be NULL):
 * -F wins, else the -o extension, else markdown.  allow_csv says whether
 * csv is a valid format for this command.  Prints a usage error and
 * returns false on an unknown or unsupported format, or when, with no -F,
 * -o names a .csv file for a command that does not write CSV. */
bool cmd_resolve_format(const char *cmd, const char *format_arg,
                        const char *output, bool allow_csv, oaip_format *f);

/* Is output (-o) the same file as one of the inputs?  Then print a usage
 * error and return true: the report must never replace a school's return.
 * Checked before any work is done. */
bool cmd_output_is_input(const char *cmd, const char *output,
                         const char *const *inputs, size_t n);

/* Write a finished report to output (NULL or "-" = stdout) atomically.
 * Returns OAIP_EXIT_OK, or prints the error and returns OAIP_EXIT_INPUT. */
int cmd_write_output(const char *output, const oaip_buf *b);

/* Render options with today's date filled in. */
void cmd_render_options(oaip_render_options *o, char date[11]);

#endif
