/* cmd.h - the command line: one function per subcommand, shared helpers. */
#ifndef OAIP_CMD_H
#define OAIP_CMD_H

#include <getopt.h>

#include "oaip.h"

/* Each subcommand parses its own options.  argv[0] is the command name.
 * Returns an oaip_exit status. */
int cmd_compare(int argc, char **argv);
int cmd_frameworks(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_survey(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_you_said(int argc, char **argv);

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

/* A copy of s fit to print on a terminal (oaip_escape_terminal), for a
 * name printed outside these helpers; caller frees; NULL if out of
 * memory. */
char *cmd_escaped(const char *s);

/* Print "oaip-eval: error: out of memory"; returns OAIP_EXIT_MEMORY. */
int cmd_out_of_memory(void);

/* The closest of names[0..n-1] to a mistyped word, as " (did you mean
 * 'NAME'?)" with prefix before NAME, in buf; or "" if none is close. */
const char *cmd_did_you_mean(char *buf, size_t size, const char *word,
                             const char *prefix, const char *const *names,
                             size_t n);

/* Print "oaip-eval: MESSAGE" and a hint to run 'oaip-eval help CMD' on
 * stderr; returns OAIP_EXIT_USAGE. */
int cmd_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Report what getopt_long returned for a bad option (c is ':' for a
 * missing argument, '?' for an unknown option) as a usage error naming
 * the option, with the closest of the command's long options (longopts,
 * as given to getopt_long) suggested for a mistyped one; returns
 * OAIP_EXIT_USAGE.  Call it with argv as given to getopt_long, straight
 * after the call.  For CMD_OPT_FAILED (cmd_getopt: the error is said)
 * it only returns OAIP_EXIT_USAGE. */
int cmd_option_error(const char *cmd, int c, char **argv,
                     const struct option *longopts);

/* The options the commands share: -f, -F and -o, and, for a command
 * that lists them in its long options with these values, --phase and
 * --target. */
enum { CMD_OPT_PHASE = 200, CMD_OPT_TARGET, CMD_OPT_FAILED };
struct cmd_io {
	const char *cmd; /* the command, for messages: "score" */
	const char *framework, *format, *output;
	unsigned phase;     /* --phase (repeatable), or 0 */
	const char *target; /* --target as given, or NULL */
	bool started;       /* internal: getopt has been reset */
};

/* getopt_long over argv with longopts, the short options being the
 * letters longopts gives as values ('f', 'F', 'o', 'h'), and no message
 * of getopt's own.  The shared options are taken into io; any other
 * option is returned as getopt_long returns it, -1 at the end, and
 * CMD_OPT_FAILED after a bad --phase (the usage error printed, so
 * cmd_option_error just returns OAIP_EXIT_USAGE for it).  io starts
 * zeroed but for cmd: the first call starts over from argv[1]. */
int cmd_getopt(struct cmd_io *io, int argc, char **argv,
               const struct option *longopts);

/* The one file named after the options (argv[optind]); else prints a
 * usage error ("no WHAT file given", "give one WHAT file, not N", then
 * more, may be "") and returns NULL. */
const char *cmd_one_file(const char *cmd, int argc, char **argv,
                         const char *what, const char *more);

/* Print a usage text to stdout (for --help); returns OAIP_EXIT_OK, or
 * OAIP_EXIT_INPUT if stdout cannot be written. */
int cmd_print_help(const char *text);

/* Print diagnostics to stderr (file:line: error: message). */
void cmd_print_diags(const oaip_diags *d);

/* Load the framework named by -f (NULL means the default built-in).  On
 * failure prints every problem and returns NULL; the exit status is then
 * OAIP_EXIT_INPUT.  Caller frees. */
oaip_framework *cmd_load_framework(const char *spec);

/* Parse a --target argument (a level's number, id or label) on scale
 * into *target; else prints a usage error naming the levels and returns
 * false. */
bool cmd_parse_target(const char *cmd, const oaip_scale *scale, const char *arg,
                      int *target);

/* A school's return read and scored, as score, plan and you-said do. */
struct cmd_scored {
	oaip_framework *fw; /* -f's framework; NULL: the return's own */
	oaip_selfeval *se;
	oaip_result *r;
	oaip_score_options opts; /* as scored */
};
/* Read file against the framework spec names (NULL: the one the return
 * names), with school (may be NULL) as its name, and score it for phase
 * (0: the return's Phase detail) and the target level target names
 * (NULL: the framework's).  Prints every problem; returns OAIP_EXIT_OK or
 * the exit status.  Free s with cmd_scored_free in either case. */
int cmd_score_file(const char *cmd, struct cmd_scored *s, const char *spec,
                   const char *file, const char *school, unsigned phase,
                   const char *target);
void cmd_scored_free(struct cmd_scored *s);

/* Parse a --phase argument (one or more phases, aliases allowed) and OR
 * it into *phase, so the option may be repeated; prints a usage error and
 * returns false when a phase is unknown. */
bool cmd_parse_phase(const char *cmd, const char *arg, unsigned *phase);

/* Decide the output format of a report of kind from -F (may be NULL) and
 * -o (may be NULL): the -o name's extension, else -F, else markdown; a
 * name with no extension, "-" and a file that is not a regular file
 * (/dev/stdout, a pipe) leave it to -F.  The formats are those render.c's
 * table gives kind.  Prints a usage error naming them and returns false
 * on an unknown or unsupported format, an extension the command cannot
 * write (.pdf, .xlsx, .csv for score), or -F disagreeing with the
 * extension: never a file of one format under another's name. */
bool cmd_resolve_format(const char *cmd, oaip_report_kind kind,
                        const char *format_arg, const char *output,
                        oaip_format *f);

/* Is a workbook about to be written to a terminal (output NULL or "-",
 * and standard output a terminal)?  Then print a usage error suggesting
 * -o example ("area.xlsx") and return true. */
bool cmd_workbook_to_terminal(const char *cmd, const char *output,
                              const char *example);

/* The format of template's file: -F csv|xlsx, else the -o name's .csv or
 * .xlsx, else CSV.  Prints a usage error and returns false for another
 * format or extension, or when -F and the name disagree. */
bool cmd_template_format(const char *format_arg, const char *output,
                         bool *xlsx);

/* Is output (-o) the same file as one of the inputs, or as the framework
 * file framework_spec names (may be NULL)?  "-" among the inputs is
 * standard input, compared by what it is.  Then print a usage error and
 * return true: a report must never replace an input.  Checked before any
 * work is done. */
bool cmd_output_is_input(const char *cmd, const char *output,
                         const char *framework_spec, const char *const *inputs,
                         size_t n);

/* Write a finished report to output (NULL or "-" = stdout) atomically.
 * Returns OAIP_EXIT_OK, or prints the error and returns OAIP_EXIT_INPUT. */
int cmd_write_output(const char *output, const oaip_buf *b);

/* The returns named on a command line, in the order they are reported:
 * a file as given, a directory as every .csv file in it (not hidden ones)
 * in name order.  v[i] is a path to read; when why[i] is set it is instead
 * a named path that could not be used (it does not exist, or is a
 * directory that cannot be listed), to be reported as an unreadable return
 * with why[i] as its error.  Free with cmd_returns_free. */
struct cmd_returns {
	char **v;
	char **why;
	bool *in_dir; /* v[i] was found in a folder, not named */
	size_t n, cap;
	/* Set before listing: a file (the report being written) never read
	 * as a return, though it lies in a folder listed; may be NULL. */
	const char *exclude;
	/* Files of the folders listed that are not read as returns (not
	 * hidden ones): skipped[i], for the plain-words reason skip_why[i]. */
	char **skipped;
	char **skip_why;
	size_t n_skipped, cap_skipped;
};

/* Append the returns named by args[0..n-1] to p.  An empty directory gets
 * a warning on stderr.  Returns false only if allocation failed. */
bool cmd_list_returns(struct cmd_returns *p, char *const *args, int n);
void cmd_returns_free(struct cmd_returns *p);

/* --previous (previous.c): the last self-evaluation read against fw,
 * scored with opts and set beside now.  Prints every problem; returns
 * OAIP_EXIT_OK, or the exit status (p is then left empty).  Free with
 * cmd_previous_free. */
struct cmd_previous {
	oaip_selfeval *se;
	oaip_result *result;
	oaip_progress *progress;
};
int cmd_previous_load(struct cmd_previous *p, const char *path,
                      const oaip_framework *fw, const oaip_score_options *opts,
                      const oaip_result *now);
void cmd_previous_free(struct cmd_previous *p);
/* Parent carers' survey (survey.c).  Parse --min-responses: a whole
 * number, at least OAIP_SURVEY_MIN_LEAST; else prints a usage error and
 * returns false. */
bool cmd_parse_min_responses(const char *cmd, const char *arg, size_t *min);
/* Read responses at path against fw and count them (min 0: the default;
 * r: the school's scored return, or NULL).  Prints the notes and errors;
 * returns OAIP_EXIT_OK with *sv and *res set (caller frees both), or an
 * exit status. */
int cmd_survey_load(const oaip_framework *fw, const char *path, unsigned phase,
                    const char *comments, size_t min, const oaip_result *r,
                    oaip_survey **sv, oaip_survey_result **res);

/* Render options with today's date filled in. */
void cmd_render_options(oaip_render_options *o, char date[11]);

#endif
