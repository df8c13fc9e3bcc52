/* input.c - reading an input whole: a file, standard input ("-"), a pipe,
 * a device or a FIFO, up to a size limit.  The one place the library reads
 * a file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "private.h"

/* How long a FIFO with no writer is waited for before giving up, so that
 * a forgotten FIFO does not hang a run. */
#define FIFO_WAIT_MS 3000
/* Read at most this much per read() on a stream of unknown size. */
#define CHUNK ((size_t)65536)

const char *oaip_input_name(const char *path)
{
	return !path || strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static void too_large(oaip_diags *d, const char *name, size_t limit)
{
	oaip_diags_add(d, OAIP_ERROR, name, 0,
	               "file is larger than the limit of %zu MiB",
	               limit / (1024 * 1024));
}

/* Wait for a FIFO's writer to connect and write (or close).  A FIFO
 * opened with O_NONBLOCK that has never had a writer polls as neither
 * readable nor hung up. */
static bool wait_for_writer(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	for (;;) {
		int r = poll(&p, 1, FIFO_WAIT_MS);
		if (r < 0 && errno == EINTR)
			continue;
		return r > 0;
	}
}

bool oaip_read_into(const char *path, size_t limit, oaip_buf *b,
                    long long *mtime, oaip_diags *d)
{
	const char *name = oaip_input_name(path);
	bool own = strcmp(path, "-") != 0;
	bool ok = false;
	b->len = 0;
	int fd = own ? open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
	             : STDIN_FILENO;
	if (fd < 0) {
		oaip_diags_add(d, OAIP_ERROR, name, 0, "cannot open file: %s",
		               strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		oaip_diags_add(d, OAIP_ERROR, name, 0, "cannot read file: %s",
		               strerror(errno));
		goto cleanup;
	}
	if (mtime)
		*mtime = (long long)st.st_mtime;
	if (S_ISDIR(st.st_mode)) {
		oaip_diags_add(d, OAIP_ERROR, name, 0,
		               "is a directory, not a file");
		goto cleanup;
	}
	if (own && S_ISFIFO(st.st_mode) && !wait_for_writer(fd)) {
		oaip_diags_add(d, OAIP_ERROR, name, 0,
		               "is a FIFO that no program is writing to "
		               "(waited %d seconds)",
		               FIFO_WAIT_MS / 1000);
		goto cleanup;
	}
	if (own && !S_ISREG(st.st_mode)) {
		/* Opened without blocking only so that a FIFO could not hang
		 * the open; read it like a pipe.  (A regular file's reads
		 * never wait either way.) */
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	bool sized = S_ISREG(st.st_mode) && st.st_size >= 0;
	if (sized && (uintmax_t)st.st_size > limit) {
		too_large(d, name, limit);
		goto cleanup;
	}
	size_t want = sized ? (size_t)st.st_size : 0;
	for (;;) {
		/* A regular file of a known size: one read() of all of it,
		 * then one more to see its end. */
		size_t room = want > b->len ? want - b->len : CHUNK;
		if (room > limit + 1 - b->len)
			room = limit + 1 - b->len;
		if (!oaip_buf_reserve(b, room)) {
			oaip_diags_add(d, OAIP_ERROR, name, 0,
			               "out of memory reading file");
			goto cleanup;
		}
		ssize_t r = read(fd, b->data + b->len, room);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				/* Standard input left non-blocking by
				 * another program. */
				struct pollfd p = {.fd = fd, .events = POLLIN};
				poll(&p, 1, -1);
				continue;
			}
			oaip_diags_add(d, OAIP_ERROR, name, 0,
			               "cannot read file: %s", strerror(errno));
			goto cleanup;
		}
		if (r == 0)
			break;
		b->len += (size_t)r;
		if (b->len > limit) {
			too_large(d, name, limit);
			goto cleanup;
		}
	}
	b->data[b->len] = '\0';
	ok = true;
cleanup:
	if (own)
		close(fd);
	if (!ok)
		b->len = 0;
	return ok;
}

bool oaip_read_file(const char *path, char **data, size_t *len, oaip_diags *d)
{
	*data = NULL;
	*len = 0;
	oaip_buf b;
	oaip_buf_init(&b);
	if (!oaip_read_into(path, OAIP_MAX_INPUT, &b, NULL, d)) {
		oaip_buf_free(&b);
		return false;
	}
	*len = b.len;
	*data = oaip_buf_detach(&b);
	return *data != NULL;
}
