/* common.c - helpers shared by the subcommands. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

const char *cmd_did_you_mean(char *buf, size_t size, const char *word,
                             const char *prefix, const char *const *names,
                             size_t n)
{
	const char *best = oaip_suggest(word, names, n);
	if (!best || snprintf(buf, size, " (did you mean '%s%s'?)", prefix,
	                      best) >= (int)size)
		buf[0] = '\0';
	return buf;
}

/* The closest long option to a mistyped "--name" or "--name=value". */
static const char *suggest_option(char *buf, size_t size, const char *arg,
                                  const struct option *longopts)
{
	const char *names[64];
	size_t n = 0;
	char word[128];
	size_t len = strcspn(arg + 2, "=");
	buf[0] = '\0';
	if (!longopts || len >= sizeof word)
		return buf;
	memcpy(word, arg + 2, len);
	word[len] = '\0';
	for (; n < sizeof names / sizeof *names && longopts[n].name; n++)
		names[n] = longopts[n].name;
	return cmd_did_you_mean(buf, size, word, "--", names, n);
}

int cmd_option_error(const char *cmd, int c, char **argv,
                     const struct option *longopts)
{
	if (c == CMD_OPT_FAILED)
		return OAIP_EXIT_USAGE; /* already said */
	const char *arg = argv[optind - 1];
	char hint[160];
	if (c == ':')
		return cmd_usage_error(cmd, "option '%s' needs an argument",
		                       arg);
	if (strncmp(arg, "--", 2) == 0)
		return cmd_usage_error(
		    cmd, "unknown option '%s'%s", arg,
		    suggest_option(hint, sizeof hint, arg, longopts));
	if (optopt)
		return cmd_usage_error(cmd, "unknown option '-%c'", optopt);
	return cmd_usage_error(cmd, "unknown option '%s'", arg);
}

int cmd_getopt(struct cmd_io *io, int argc, char **argv,
               const struct option *longopts)
{
	char opts[32] = ":";
	size_t n = 1;
	for (const struct option *o = longopts; o->name; o++)
		if (o->val > 0 && o->val < 128 && n + 3 < sizeof opts) {
			opts[n++] = (char)o->val;
			if (o->has_arg == required_argument)
				opts[n++] = ':';
		}
	opts[n] = '\0';
	if (!io->started) {
		opterr = 0;
		optind = 1;
		io->started = true;
	}
	for (;;) {
		int c = getopt_long(argc, argv, opts, longopts, NULL);
		if (c == 'f')
			io->framework = optarg;
		else if (c == 'F')
			io->format = optarg;
		else if (c == 'o')
			io->output = optarg;
		else if (c == CMD_OPT_TARGET)
			io->target = optarg;
		else if (c != CMD_OPT_PHASE)
			return c;
		else if (!cmd_parse_phase(io->cmd, optarg, &io->phase))
			return CMD_OPT_FAILED;
	}
}

const char *cmd_one_file(const char *cmd, int argc, char **argv,
                         const char *what, const char *more)
{
	if (optind >= argc) {
		cmd_usage_error(cmd, "no %s file given", what);
		return NULL;
	}
	if (argc - optind > 1) {
		cmd_usage_error(cmd, "give one %s file, not %d%s", what,
		                argc - optind, more);
		return NULL;
	}
	return argv[optind];
}

int cmd_print_help(const char *text)
{
	if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		cmd_error("cannot write to standard output: %s",
		          strerror(errno));
		return OAIP_EXIT_INPUT;
	}
	return OAIP_EXIT_OK;
}

oaip_framework *cmd_load_framework(const char *spec)
{
	oaip_diags d;
	oaip_diags_init(&d);
	oaip_framework *fw =
	    oaip_framework_load(spec ? spec : oaip_builtin_default(), &d);
	cmd_print_diags(&d);
	oaip_diags_free(&d);
	return fw;
}

bool cmd_parse_target(const char *cmd, const oaip_scale *scale, const char *arg,
                      int *target)
{
	if (oaip_scale_parse_level(scale, arg, target))
		return true;
	char *levels = oaip_scale_describe(scale);
	cmd_usage_error(cmd, "unknown target level '%s': expected one of %s",
	                arg, levels ? levels : "the scale's levels");
	free(levels);
	return false;
}

int cmd_score_file(const char *cmd, struct cmd_scored *s, const char *spec,
                   const char *file, const char *school, unsigned phase,
                   const char *target)
{
	*s = (struct cmd_scored){0};
	if (spec && !(s->fw = cmd_load_framework(spec)))
		return OAIP_EXIT_INPUT;
	oaip_diags d;
	oaip_diags_init(&d);
	s->se = oaip_selfeval_read(s->fw, file, &d);
	cmd_print_diags(&d);
	bool bad = !s->se || oaip_diags_count(&d, OAIP_ERROR);
	oaip_diags_free(&d);
	if (bad)
		return OAIP_EXIT_INPUT;
	if (school) {
		char *copy = strdup(school);
		if (!copy)
			return cmd_out_of_memory();
		free(s->se->school);
		s->se->school = copy;
	}
	s->opts = (oaip_score_options){.target = -1,
	                               .phase = phase ? phase : s->se->phase};
	if (target &&
	    !cmd_parse_target(cmd, &s->se->fw->scale, target, &s->opts.target))
		return OAIP_EXIT_USAGE;
	s->r = oaip_score_compute(s->se, &s->opts);
	return s->r ? OAIP_EXIT_OK : cmd_out_of_memory();
}

void cmd_scored_free(struct cmd_scored *s)
{
	oaip_result_free(s->r);
	oaip_selfeval_free(s->se);
	oaip_framework_free(s->fw);
	*s = (struct cmd_scored){0};
}

bool cmd_parse_phase(const char *cmd, const char *arg, unsigned *phase)
{
	unsigned mask;
	if (!oaip_phase_parse(arg, &mask)) {
		cmd_usage_error(cmd, "unknown phase '%s': expected %s", arg,
		                OAIP_PHASE_CHOICES);
		return false;
	}
	*phase |= mask;
	return true;
}

/* The extension of an output name, lower-cased into buf, or NULL when the
 * format is not the name's to decide: no -o, "-", a name with no
 * extension, or something that exists and is not a regular file
 * (/dev/stdout, a pipe). */
static const char *output_ext(const char *output, char *buf, size_t size)
{
	if (!output || strcmp(output, "-") == 0)
		return NULL;
	struct stat st;
	if (stat(output, &st) == 0 && !S_ISREG(st.st_mode))
		return NULL;
	const char *slash = strrchr(output, '/');
	const char *dot = strrchr(slash ? slash + 1 : output, '.');
	if (!dot || dot == (slash ? slash + 1 : output) || !dot[1])
		return NULL;
	size_t n = strlen(dot + 1);
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++) {
		char c = dot[1 + i];
		buf[i] = c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A') : c;
	}
	buf[n] = '\0';
	return buf;
}

/* The formats kind can be written in, as a usage error names them:
 * "markdown, html or json" (ext false) or ".md, .html or .json" (ext
 * true). */
static const char *format_list(char *buf, size_t size, oaip_report_kind kind,
                               bool ext)
{
	oaip_format v[8];
	size_t n = oaip_render_formats(kind, v, sizeof v / sizeof v[0]);
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && i < sizeof v / sizeof v[0]; i++) {
		int w = snprintf(buf + len, size - len, "%s%s%s",
		                 i == 0       ? ""
		                 : i + 1 == n ? " or "
		                              : ", ",
		                 ext ? "." : "",
		                 ext ? oaip_format_ext(v[i])
		                     : oaip_format_name(v[i]));
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

bool cmd_resolve_format(const char *cmd, oaip_report_kind kind,
                        const char *format_arg, const char *output,
                        oaip_format *f)
{
	char names[64], exts[64];
	*f = OAIP_FORMAT_MARKDOWN;
	if (format_arg) {
		if (!oaip_format_parse(format_arg, f) ||
		    !oaip_render_supported(kind, *f)) {
			cmd_usage_error(
			    cmd, "unknown format '%s': expected %s", format_arg,
			    format_list(names, sizeof names, kind, false));
			return false;
		}
	}
	char buf[16];
	const char *ext = output_ext(output, buf, sizeof buf);
	if (!ext)
		return true;
	oaip_format by_name;
	if (!oaip_format_from_path(output, &by_name)) {
		/* "-o report.pdf": never a file of another format under
		 * that name. */
		cmd_usage_error(cmd,
		                "'%s' names a .%s file, but %s cannot write "
		                "one: give -o a %s name",
		                output, ext, cmd,
		                format_list(exts, sizeof exts, kind, true));
		return false;
	}
	if (!oaip_render_supported(kind, by_name)) {
		/* "-o ours.csv" is almost always a slip that would put a
		 * report where a school keeps its ratings, whatever -F
		 * says. */
		cmd_usage_error(cmd,
		                "'%s' names a %s file, but %s writes %s: give "
		                "-o a %s name",
		                output,
		                by_name == OAIP_FORMAT_CSV ? "CSV" : ext, cmd,
		                format_list(names, sizeof names, kind, false),
		                format_list(exts, sizeof exts, kind, true));
		return false;
	}
	if (format_arg && by_name != *f) {
		cmd_usage_error(cmd,
		                "-F %s disagrees with the name '%s': give -o a "
		                "name ending in the format's extension, or "
		                "leave -F out",
		                format_arg, output);
		return false;
	}
	*f = by_name;
	return true;
}

bool cmd_workbook_to_terminal(const char *cmd, const char *output,
                              const char *example)
{
	if ((output && strcmp(output, "-") != 0) || !isatty(STDOUT_FILENO))
		return false;
	cmd_usage_error(
	    cmd, "a workbook is not text: give it a name with -o %s", example);
	return true;
}

bool cmd_template_format(const char *format_arg, const char *output, bool *xlsx)
{
	*xlsx = false;
	if (format_arg) {
		if (strcasecmp(format_arg, "xlsx") == 0)
			*xlsx = true;
		else if (strcasecmp(format_arg, "csv") != 0) {
			cmd_usage_error("template",
			                "unknown format '%s': expected csv or "
			                "xlsx",
			                format_arg);
			return false;
		}
	}
	char buf[16];
	const char *ext = output_ext(output, buf, sizeof buf);
	if (!ext)
		return true;
	bool by_name;
	if (strcmp(ext, "xlsx") == 0)
		by_name = true;
	else if (strcmp(ext, "csv") == 0)
		by_name = false;
	else {
		cmd_usage_error("template",
		                "'%s' names a .%s file, but template writes a "
		                "CSV file or an Excel workbook: give -o a .csv "
		                "or .xlsx name",
		                output, ext);
		return false;
	}
	if (format_arg && by_name != *xlsx) {
		cmd_usage_error("template",
		                "-F %s disagrees with the name '%s': give -o a "
		                "name ending in .%s, or leave -F out",
		                format_arg, output, *xlsx ? "xlsx" : "csv");
		return false;
	}
	*xlsx = by_name;
	return true;
}

bool cmd_output_is_input(const char *cmd, const char *output,
                         const char *framework_spec, const char *const *inputs,
                         size_t n)
{
	const char *fw = oaip_framework_spec_file(framework_spec);
	const char *which = NULL;
	if (fw && oaip_output_is_input(output, &fw, 1) == 0)
		which = "the framework";
	if (!which && oaip_output_is_input(output, inputs, n) >= 0)
		which = "an input";
	if (!which)
		return false;
	cmd_usage_error(cmd,
	                "the output '%s' is also an input: writing the "
	                "report there would replace %s",
	                output, which);
	return true;
}

int cmd_write_output(const char *output, const oaip_buf *b)
{
	oaip_diags d;
	oaip_diags_init(&d);
	bool ok = oaip_output_write(output, b, &d);
	cmd_print_diags(&d);
	oaip_diags_free(&d);
	return ok ? OAIP_EXIT_OK : OAIP_EXIT_INPUT;
}

void cmd_render_options(oaip_render_options *o, char date[11])
{
	*o = (oaip_render_options){0};
	oaip_today(date);
	o->date = date;
	o->program_version = PACKAGE_VERSION;
}
