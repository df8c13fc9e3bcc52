/* output.c - writing reports: atomically to a file, in place to a device,
 * and never over an input. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "private.h"

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

static bool write_stdout(const char *data, size_t len, oaip_diags *d)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "cannot write to standard output: %s",
		               strerror(errno));
		return false;
	}
	return true;
}

/* Write to an open descriptor (/dev/stderr, /dev/fd/N), leaving it open. */
static bool write_fd(const char *path, int fd, const char *data, size_t len,
                     oaip_diags *d)
{
	if (fd == STDOUT_FILENO)
		return write_stdout(data, len, d);
	if (!write_all(fd, data, len)) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot write file: %s",
		               strerror(errno));
		return false;
	}
	return true;
}

static bool write_in_place(const char *path, const char *data, size_t len,
                           oaip_diags *d)
{
	/* O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of
	 * hanging; the flag is cleared before writing. */
	int fd =
	    open(path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENXIO)
			oaip_diags_add(
			    d, OAIP_ERROR, path, 0,
			    "cannot write: no program is reading from "
			    "this FIFO");
		else
			oaip_diags_add(d, OAIP_ERROR, path, 0,
			               "cannot open file: %s", strerror(errno));
		return false;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	int err = write_all(fd, data, len) ? 0 : errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (err) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot write file: %s",
		               strerror(err));
		return false;
	}
	return true;
}

/* The descriptor a name stands for: /dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N; -1 for any other name. */
static int fd_name(const char *s)
{
	if (strcmp(s, "/dev/stdin") == 0)
		return STDIN_FILENO;
	if (strcmp(s, "/dev/stdout") == 0)
		return STDOUT_FILENO;
	if (strcmp(s, "/dev/stderr") == 0)
		return STDERR_FILENO;
	const char *n = NULL;
	if (strncmp(s, "/dev/fd/", 8) == 0)
		n = s + 8;
	else if (strncmp(s, "/proc/self/fd/", 14) == 0)
		n = s + 14;
	if (!n || *n < '0' || *n > '9')
		return -1;
	char *end;
	errno = 0;
	long v = strtol(n, &end, 10);
	return !errno && !*end && v <= INT_MAX ? (int)v : -1;
}

enum via { VIA_NONE, VIA_FD, VIA_MAGIC };

/* Follow path's symbolic links by name.  A link that leads to a
 * descriptor name (/dev/stdout -> /proc/self/fd/1) sets *fd; one that
 * leads anywhere else under /proc or /dev is magic: its target is a
 * descriptor or a device, whatever stat() says, and must be written in
 * place. */
static enum via follow(const char *path, int *fd)
{
	char cur[PATH_MAX], next[PATH_MAX];
	if (strlen(path) >= sizeof cur)
		return VIA_NONE;
	strcpy(cur, path);
	for (int hop = 0; hop < 40; hop++) {
		ssize_t n = readlink(cur, next, sizeof next - 1);
		if (n < 0)
			return VIA_NONE;
		next[n] = '\0';
		if (next[0] != '/') {
			/* Relative to the link's directory. */
			char *slash = strrchr(cur, '/');
			size_t dn = slash ? (size_t)(slash - cur) + 1 : 0;
			if (dn + (size_t)n >= sizeof cur)
				return VIA_NONE;
			memmove(cur + dn, next, (size_t)n + 1);
		} else {
			memcpy(cur, next, (size_t)n + 1);
		}
		if ((*fd = fd_name(cur)) >= 0)
			return VIA_FD;
		if (strncmp(cur, "/proc/", 6) == 0 ||
		    strncmp(cur, "/dev/", 5) == 0)
			return VIA_MAGIC;
	}
	return VIA_NONE;
}

/* Write data to a temporary file beside path and rename it over path. */
static bool write_atomic(const char *path, const char *data, size_t len,
                         oaip_diags *d)
{
	const char *report = path; /* the name messages use */
	char *real = NULL;
	struct stat old;
	bool exists = stat(path, &old) == 0;
	if (exists && S_ISDIR(old.st_mode)) {
		oaip_diags_add(d, OAIP_ERROR, report, 0,
		               "is a directory: give a file name");
		return false;
	}
	struct stat lst;
	if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		/* Replace the file the link leads to, not the link. */
		real = realpath(path, NULL);
		if (!real) {
			oaip_diags_add(d, OAIP_ERROR, report, 0,
			               "cannot open file: %s", strerror(errno));
			return false;
		}
		path = real;
	}
	if (exists && ((old.st_mode & 0222) == 0 || access(path, W_OK) != 0)) {
		oaip_diags_add(d, OAIP_ERROR, report, 0,
		               "cannot write file: it is read-only; not "
		               "replacing it");
		free(real);
		return false;
	}

	/* A short name in the same directory, so rename() is atomic and a
	 * long file name cannot make the temporary one too long. */
	const char *slash = strrchr(path, '/');
	size_t dn = slash ? (size_t)(slash - path) + 1 : 0;
	static const char tmpl[] = ".oaip-XXXXXX";
	char *tmp = malloc(dn + sizeof tmpl);
	if (!tmp) {
		oaip_diags_add(d, OAIP_ERROR, report, 0, "out of memory");
		free(real);
		return false;
	}
	memcpy(tmp, path, dn);
	memcpy(tmp + dn, tmpl, sizeof tmpl);

	/* Hold the signals that end a run while the temporary file exists:
	 * one that arrives meanwhile is acted on once it is renamed or
	 * removed, so nothing is left behind. */
	sigset_t hold, saved;
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &hold, &saved);

	int err = 0;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		oaip_diags_add(d, OAIP_ERROR, report, 0,
		               "cannot create file: %s", strerror(errno));
		goto cleanup;
	}
	/* mkstemp makes the file 0600: a new report is an ordinary file; a
	 * replaced one keeps its permission bits (and, for root, owner). */
	mode_t mode;
	if (exists) {
		mode = old.st_mode & 07777;
		if (geteuid() == 0 && fchown(fd, old.st_uid, old.st_gid) != 0) {
			/* Best effort: the mode is still kept. */
		}
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0 || !write_all(fd, data, len) ||
	    fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		oaip_diags_add(d, OAIP_ERROR, report, 0,
		               "cannot write file: %s", strerror(err));
	}
cleanup:
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	free(tmp);
	free(real);
	return fd >= 0 && !err;
}

bool oaip_output_write(const char *path, const oaip_buf *buf, oaip_diags *d)
{
	const char *data = buf->data ? buf->data : "";
	if (buf->failed) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "out of memory while building the report");
		return false;
	}
	if (!path || strcmp(path, "-") == 0)
		return write_stdout(data, buf->len, d);
	int fd = fd_name(path);
	if (fd >= 0)
		return write_fd(path, fd, data, buf->len, d);
	switch (follow(path, &fd)) {
	case VIA_FD:
		return write_fd(path, fd, data, buf->len, d);
	case VIA_MAGIC:
		return write_in_place(path, data, buf->len, d);
	case VIA_NONE:
		break;
	}
	/* A path that exists and is not a regular file (a device such as
	 * /dev/null, a pipe, a terminal) is written in place: a rename
	 * would replace the device itself. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		return write_in_place(path, data, buf->len, d);
	return write_atomic(path, data, buf->len, d);
}

long oaip_output_is_input(const char *output, const char *const *inputs,
                          size_t n)
{
	struct stat o, in;
	if (!output || strcmp(output, "-") == 0 || stat(output, &o) != 0 ||
	    !S_ISREG(o.st_mode))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!inputs[i])
			continue;
		int r = strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &in)
		                                    : stat(inputs[i], &in);
		if (r == 0 && in.st_dev == o.st_dev && in.st_ino == o.st_ino)
			return (long)i;
	}
	return -1;
}

void oaip_today(char out[11])
{
	/* SOURCE_DATE_EPOCH (reproducible reports) is a UTC date; one that
	 * is not a whole number of seconds from 1970 to the end of 9999 is
	 * ignored.  Otherwise today is the local date, as TZ says. */
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	bool ok = false;
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (!errno && !*end && v >= 0 && v <= 253402300799LL) {
			time_t t = (time_t)v;
			ok = gmtime_r(&t, &tm) != NULL;
		}
	}
	if (!ok) {
		time_t t = time(NULL);
		ok = localtime_r(&t, &tm) != NULL;
	}
	if (!ok || !strftime(out, 11, "%Y-%m-%d", &tm))
		strcpy(out, "1970-01-01");
}
