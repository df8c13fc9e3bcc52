/* returns.c - the returns named on a command line: files, and the .csv
 * files of directories, in name order. */
#define _DEFAULT_SOURCE 1 /* struct dirent's d_type, where it exists */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

/* Append s (taken over; NULL means its allocation failed) with the error
 * why (copied; NULL for a return to read), found in a folder or not.
 * Returns false if allocation failed. */
static bool paths_add(struct cmd_returns *p, char *s, const char *why,
                      bool in_dir)
{
	char *w = NULL;
	if (!s)
		return false;
	if (why && !(w = oaip_strdup(why)))
		goto cleanup;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		char **v = realloc(p->v, cap * sizeof *v);
		if (!v)
			goto cleanup;
		p->v = v;
		v = realloc(p->why, cap * sizeof *v);
		if (!v)
			goto cleanup;
		p->why = v;
		bool *f = realloc(p->in_dir, cap * sizeof *f);
		if (!f)
			goto cleanup;
		p->in_dir = f;
		p->cap = cap;
	}
	p->v[p->n] = s;
	p->why[p->n] = w;
	p->in_dir[p->n] = in_dir;
	p->n++;
	return true;
cleanup:
	free(s);
	free(w);
	return false;
}

/* Drop the entries from n on. */
static void paths_truncate(struct cmd_returns *p, size_t n)
{
	while (p->n > n) {
		p->n--;
		free(p->v[p->n]);
		free(p->why[p->n]);
	}
}

void cmd_returns_free(struct cmd_returns *p)
{
	paths_truncate(p, 0);
	free(p->v);
	free(p->why);
	free(p->in_dir);
	for (size_t i = 0; i < p->n_skipped; i++) {
		free(p->skipped[i]);
		free(p->skip_why[i]);
	}
	free(p->skipped);
	free(p->skip_why);
}

/* Note s (taken over) as skipped for why (static text). */
static bool skip_add(struct cmd_returns *p, char *s, const char *why)
{
	char *w = oaip_strdup(why);
	if (!s || !w)
		goto cleanup;
	if (p->n_skipped == p->cap_skipped) {
		size_t cap = p->cap_skipped ? p->cap_skipped * 2 : 16;
		char **v = realloc(p->skipped, cap * sizeof *v);
		if (!v)
			goto cleanup;
		p->skipped = v;
		v = realloc(p->skip_why, cap * sizeof *v);
		if (!v)
			goto cleanup;
		p->skip_why = v;
		p->cap_skipped = cap;
	}
	p->skipped[p->n_skipped] = s;
	p->skip_why[p->n_skipped] = w;
	p->n_skipped++;
	return true;
cleanup:
	free(s);
	free(w);
	return false;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A return in a folder: a .csv file or an Excel workbook (.xlsx), but
 * not the lock file a spreadsheet keeps beside an open one ("~$x.xlsx",
 * ".~lock.x.csv#"). */
static bool has_csv_ext(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '~')
		return false;
	return (n > 4 && (strcmp(name + n - 4, ".csv") == 0 ||
	                  strcmp(name + n - 4, ".CSV") == 0)) ||
	       (n > 5 && (strcmp(name + n - 5, ".xlsx") == 0 ||
	                  strcmp(name + n - 5, ".XLSX") == 0));
}

/* Why the entry e of directory dir (fd dfd) is not read as a return, or
 * NULL when it is one: a regular file (or a link to one) named .csv or
 * .xlsx that is not the file excluded (ex, when ex_set).  A FIFO could
 * hang the batch and a broken link has nothing to read: both are
 * skipped with their reason. */
static const char *not_a_return(int dfd, const struct dirent *e,
                                const struct stat *ex, bool ex_set)
{
	struct stat st;
	bool csv = has_csv_ext(e->d_name);
#ifdef DT_REG
	if (e->d_type == DT_DIR)
		return "a folder: its files are not read";
	if (csv && !ex_set && e->d_type == DT_REG)
		return NULL;
#endif
	if (fstatat(dfd, e->d_name, &st, 0) != 0) {
		if (errno == ELOOP)
			return "a loop of symbolic links";
		if (errno == ENOENT)
			return "a symbolic link to nothing";
		return strerror(errno);
	}
	if (S_ISDIR(st.st_mode))
		return "a folder: its files are not read";
	if (S_ISFIFO(st.st_mode))
		return "a FIFO, not a regular file";
	if (!S_ISREG(st.st_mode))
		return "not a regular file";
	if (ex_set && st.st_dev == ex->st_dev && st.st_ino == ex->st_ino)
		return "the report being written";
	if (!csv)
		return "not a .csv or .xlsx file";
	return NULL;
}

/* Append every .csv file of dir (not hidden ones) to p, in name order.
 * Returns 0, or the errno value saying why dir cannot be listed (nothing
 * of it is then added), or -1 if allocation failed. */
static int add_dir(struct cmd_returns *p, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno ? errno : EIO;
	size_t first = p->n, first_skip = p->n_skipped, dn = strlen(dir);
	bool slash = dn && dir[dn - 1] == '/';
	int status = 0;
	struct stat ex;
	bool ex_set = p->exclude && stat(p->exclude, &ex) == 0;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		/* Hidden files and a spreadsheet's lock files ("~$x.xlsx")
		 * are passed over without a word. */
		if (e->d_name[0] == '.' || e->d_name[0] == '~') {
			errno = 0;
			continue;
		}
		const char *why = not_a_return(dirfd(d), e, &ex, ex_set);
		size_t en = strlen(e->d_name), k = dn;
		char *s = malloc(dn + en + 2);
		if (s) {
			memcpy(s, dir, dn);
			if (!slash)
				s[k++] = '/';
			memcpy(s + k, e->d_name, en + 1);
		}
		if (why ? !skip_add(p, s, why) : !paths_add(p, s, NULL, true)) {
			status = -1;
			break;
		}
		errno = 0;
	}
	if (status == 0 && errno)
		status = errno;
	closedir(d);
	if (status != 0) {
		paths_truncate(p, first);
		while (p->n_skipped > first_skip) {
			p->n_skipped--;
			free(p->skipped[p->n_skipped]);
			free(p->skip_why[p->n_skipped]);
		}
	} else if (p->n > first) {
		qsort(p->v + first, p->n - first, sizeof *p->v, cmp_name);
	}
	if (status == 0 && p->n_skipped > first_skip + 1) {
		/* The names in order, each still beside its reason. */
		for (size_t i = first_skip + 1; i < p->n_skipped; i++)
			for (size_t j = i;
			     j > first_skip &&
			     strcmp(p->skipped[j - 1], p->skipped[j]) > 0;
			     j--) {
				char *t = p->skipped[j];
				p->skipped[j] = p->skipped[j - 1];
				p->skipped[j - 1] = t;
				t = p->skip_why[j];
				p->skip_why[j] = p->skip_why[j - 1];
				p->skip_why[j - 1] = t;
			}
	}
	return status;
}

bool cmd_list_returns(struct cmd_returns *p, char *const *args, int n)
{
	for (int i = 0; i < n; i++) {
		const char *arg = args[i];
		char why[256];
		const char *reason = NULL;
		struct stat st;
		if (stat(arg, &st) != 0) {
			if (errno == ENOENT) {
				reason = "no such file or directory";
			} else {
				snprintf(why, sizeof why, "cannot open: %s",
				         strerror(errno));
				reason = why;
			}
		} else if (S_ISDIR(st.st_mode)) {
			size_t before = p->n;
			int err = add_dir(p, arg);
			if (err < 0)
				return false;
			if (err == 0) {
				if (p->n == before)
					cmd_diag(OAIP_WARNING, arg,
					         "no .csv or .xlsx files in "
					         "this directory");
				continue;
			}
			snprintf(why, sizeof why, "cannot read directory: %s",
			         strerror(err));
			reason = why;
		}
		if (!paths_add(p, oaip_strdup(arg), reason, false))
			return false;
	}
	return true;
}
