/* output.c - reading inputs whole, writing reports atomically. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "private.h"

/* Refuse inputs larger than this: no self-evaluation or framework comes
 * near it, and it bounds memory on hostile input. */
#define OAIP_MAX_INPUT ((size_t)256 * 1024 * 1024)

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

static bool write_in_place(const char *path, const char *data, size_t len,
                           oaip_diags *d)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY);
	if (fd < 0) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot open file: %s",
		               strerror(errno));
		return false;
	}
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

bool oaip_output_write(const char *path, const oaip_buf *buf, oaip_diags *d)
{
	const char *data = buf->data ? buf->data : "";
	if (buf->failed) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "out of memory while building the report");
		return false;
	}
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, buf->len, stdout) != buf->len ||
		    fflush(stdout) != 0) {
			oaip_diags_add(d, OAIP_ERROR, NULL, 0,
			               "cannot write to standard output: %s",
			               strerror(errno));
			return false;
		}
		return true;
	}

	/* A path that exists and is not a regular file (a device such as
	 * /dev/null, a pipe) is written in place: a rename would replace
	 * the device itself. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		return write_in_place(path, data, buf->len, d);

	/* A temporary file beside the target, so rename() is atomic. */
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".tmp-XXXXXX");
	if (!tmp) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "out of memory");
		return false;
	}
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot create file: %s",
		               strerror(errno));
		free(tmp);
		return false;
	}
	/* mkstemp makes the file 0600; a report is an ordinary file. */
	mode_t mask = umask(0);
	umask(mask);
	int err = 0;
	if (fchmod(fd, 0666 & ~mask) != 0 || !write_all(fd, data, buf->len) ||
	    fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot write file: %s",
		               strerror(err));
		free(tmp);
		return false;
	}
	free(tmp);
	return true;
}

bool oaip_read_file(const char *path, char **data, size_t *len, oaip_diags *d)
{
	*data = NULL;
	*len = 0;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot open file: %s",
		               strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		oaip_diags_add(d, OAIP_ERROR, path, 0,
		               "is a directory, not a file");
		if (f != stdin)
			fclose(f);
		return false;
	}
	oaip_buf b;
	oaip_buf_init(&b);
	char chunk[65536];
	size_t r;
	bool ok = true;
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + r > OAIP_MAX_INPUT) {
			oaip_diags_add(
			    d, OAIP_ERROR, path, 0,
			    "file is larger than the limit of %zu MiB",
			    OAIP_MAX_INPUT / (1024 * 1024));
			ok = false;
			break;
		}
		oaip_buf_putn(&b, chunk, r);
	}
	if (ok && ferror(f)) {
		oaip_diags_add(d, OAIP_ERROR, path, 0, "cannot read file: %s",
		               strerror(errno));
		ok = false;
	}
	if (f != stdin)
		fclose(f);
	if (ok && b.failed) {
		oaip_diags_add(d, OAIP_ERROR, path, 0,
		               "out of memory reading file");
		ok = false;
	}
	if (!ok) {
		oaip_buf_free(&b);
		return false;
	}
	*len = b.len;
	*data = oaip_buf_detach(&b);
	return *data != NULL;
}

void oaip_today(char out[11])
{
	time_t t = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (!errno && !*end && v >= 0)
			t = (time_t)v;
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(out, 11, "%Y-%m-%d", &tm))
		strcpy(out, "0000-00-00");
}
