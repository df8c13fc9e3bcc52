/* xlsx_write.c - a workbook made in a temporary file and read back into
 * memory (xlsx_write.h). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "xlsx_write.h"

static const char *tmpdir(void)
{
	const char *tmp = getenv("TMPDIR");
	return tmp && *tmp ? tmp : "/tmp";
}

static lxw_workbook *start(oaip_xlsx *x, oaip_diags *d, bool rows)
{
	x->wb = NULL;
	oaip_buf_init(&x->path);
	const char *tmp = tmpdir();
	oaip_buf_printf(&x->path, "%s/oaip-workbook-XXXXXX", tmp);
	if (x->path.failed) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0, "out of memory");
		oaip_buf_free(&x->path);
		return NULL;
	}
	int fd = mkstemp(x->path.data);
	if (fd < 0) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "cannot make a temporary file in %s: %s", tmp,
		               strerror(errno));
		oaip_buf_free(&x->path);
		return NULL;
	}
	close(fd);
	char *dir = oaip_strdup(tmp);
	lxw_workbook_options opt = {
	    .constant_memory = rows ? LXW_TRUE : LXW_FALSE, .tmpdir = dir};
	x->wb = dir ? workbook_new_opt(x->path.data, &opt) : NULL;
	free(dir);
	if (!x->wb) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "cannot start the workbook");
		unlink(x->path.data);
		oaip_buf_free(&x->path);
	}
	return x->wb;
}

lxw_workbook *oaip_xlsx_new(oaip_xlsx *x, oaip_diags *d)
{
	return start(x, d, false);
}

lxw_workbook *oaip_xlsx_new_rows(oaip_xlsx *x, oaip_diags *d)
{
	return start(x, d, true);
}

static char *copy(const char *s)
{
	return s ? oaip_strdup(s) : NULL;
}

void oaip_xlsx_properties(oaip_xlsx *x, const char *title, const char *subject,
                          const char *company, const char *comments)
{
	/* libxlsxwriter copies the strings; its struct is not const. */
	char *t = copy(title), *s = copy(subject), *c = copy(company),
	     *m = copy(comments);
	lxw_doc_properties props;
	memset(&props, 0, sizeof props);
	props.title = t;
	props.subject = s;
	props.company = c;
	props.comments = m;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (!*end && v > 0)
			props.created = (time_t)v;
	}
	workbook_set_properties(x->wb, &props);
	free(t);
	free(s);
	free(c);
	free(m);
}

int oaip_xlsx_lines(const char *s, double width, int max)
{
	if (!s || !*s)
		return 1;
	int lines = (int)((double)strlen(s) / (width * 0.95)) + 1;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	return lines > max ? max : lines;
}

bool oaip_xlsx_finish(oaip_xlsx *x, oaip_buf *out, oaip_diags *d)
{
	bool ok = false;
	lxw_error err = workbook_close(x->wb);
	x->wb = NULL;
	if (err != LXW_NO_ERROR) {
		oaip_diags_add(d, OAIP_ERROR, NULL, 0,
		               "cannot write the workbook: %s",
		               lxw_strerror(err));
	} else {
		char *data;
		size_t len;
		if (oaip_read_file(x->path.data, &data, &len, d)) {
			oaip_buf_putn(out, data, len);
			free(data);
			ok = !out->failed;
		}
	}
	unlink(x->path.data);
	oaip_buf_free(&x->path);
	return ok;
}
