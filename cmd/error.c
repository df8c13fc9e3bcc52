/* error.c - every message the command line prints itself, in one place and
 * one format (the library's diagnostics print the same way):
 *
 *   oaip-eval: error: MESSAGE           cmd_error
 *   oaip-eval: warning: MESSAGE         cmd_warning
 *   FILE: note: MESSAGE                 cmd_diag with a file
 *   oaip-eval: MESSAGE                  cmd_say (an outcome, not a fault)
 *   oaip-eval: MESSAGE                  cmd_usage_error, then a hint
 *   Try 'oaip-eval help CMD' for more information.
 *
 * MESSAGE is lower case with no full stop; file names and ids in it have
 * their control characters escaped, so a name cannot drive the terminal or
 * forge a line.  Running out of memory has its own message and status. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "cmd.h"

static void vsay(const char *prefix, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void vsay(const char *prefix, const char *fmt, va_list ap)
{
	oaip_buf raw, safe;
	oaip_buf_init(&raw);
	oaip_buf_init(&safe);
	oaip_buf_vprintf(&raw, fmt, ap);
	if (raw.data)
		oaip_escape_terminal(&safe, raw.data);
	if (raw.failed || safe.failed)
		fprintf(stderr, "oaip-eval: %sout of memory\n",
		        prefix ? prefix : "");
	else
		fprintf(stderr, "oaip-eval: %s%.*s\n", prefix ? prefix : "",
		        (int)safe.len, safe.data ? safe.data : "");
	oaip_buf_free(&raw);
	oaip_buf_free(&safe);
}

void cmd_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay("error: ", fmt, ap);
	va_end(ap);
}

void cmd_warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay("warning: ", fmt, ap);
	va_end(ap);
}

void cmd_say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, fmt, ap);
	va_end(ap);
}

void cmd_diag(oaip_severity sev, const char *file, const char *fmt, ...)
{
	oaip_diags d;
	oaip_diags_init(&d);
	va_list ap;
	va_start(ap, fmt);
	oaip_diags_vadd(&d, sev, file, 0, fmt, ap);
	va_end(ap);
	if (d.n)
		oaip_diags_print(&d, stderr);
	else
		fputs("oaip-eval: error: out of memory\n", stderr);
	oaip_diags_free(&d);
}

char *cmd_escaped(const char *s)
{
	oaip_buf b;
	oaip_buf_init(&b);
	oaip_escape_terminal(&b, s);
	return oaip_buf_detach(&b);
}

int cmd_out_of_memory(void)
{
	fputs("oaip-eval: error: out of memory\n", stderr);
	return OAIP_EXIT_MEMORY;
}

int cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr,
		        "Try 'oaip-eval help %s' for more information.\n", cmd);
	else
		fputs("Try 'oaip-eval --help' for more information.\n", stderr);
	return OAIP_EXIT_USAGE;
}

void cmd_print_diags(const oaip_diags *d)
{
	oaip_diags_print(d, stderr);
}
