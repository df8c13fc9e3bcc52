/* render_survey.c - parent carers' views alone (oaip-eval survey
 * summary) in Markdown, HTML and JSON: a header, the generic sections
 * (report_survey.c decides every word), the framework's credit.  Markup
 * only. */
#include "config.h"

#include <jansson.h>

#include "report.h"

/* ---- Markdown ---------------------------------------------------------- */

static void md(oaip_buf *out, const char *s)
{
	oaip_escape_markdown(out, s ? s : "", false);
}

void oaip_survey_md(const oaip_survey_report *rep, oaip_buf *out)
{
	oaip_buf_puts(out, "# ");
	md(out, rep->title);
	oaip_buf_puts(out, "\n\n");
	md(out, rep->intro);
	oaip_buf_puts(out, "\n\n- Responses: ");
	md(out, rep->file_name);
	if (rep->date) {
		oaip_buf_puts(out, "\n- Date: ");
		md(out, rep->date);
	}
	oaip_buf_puts(out, "\n- Framework: ");
	md(out, rep->framework_title);
	oaip_buf_puts(out, " (");
	md(out, rep->framework_publisher);
	oaip_buf_puts(out, ")\n\n");
	oaip_sections_md(&rep->sections, OAIP_AFTER_HEADER, out);
	oaip_buf_puts(out, "## About the framework\n\n");
	md(out, rep->attribution);
	oaip_buf_puts(out, "\n\n");
	md(out, rep->credit);
	oaip_buf_putc(out, '\n');
}

/* ---- HTML -------------------------------------------------------------- */

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

void oaip_survey_html(const oaip_survey_report *rep, oaip_buf *out)
{
	oaip_html_page page = {.title = rep->page_title,
	                       .print_name = rep->title,
	                       .print_title = rep->page_title};
	oaip_html_page_start(out, &page);
	oaip_buf_puts(out, "<header>\n<div class=\"page\">\n<h1>");
	esc(out, rep->title);
	oaip_buf_puts(out, "</h1>\n<p>");
	esc(out, rep->intro);
	oaip_buf_puts(out, "</p>\n<dl class=\"meta\">\n<dt>Responses</dt><dd>");
	esc(out, rep->file_name);
	oaip_buf_puts(out, "</dd>\n");
	if (rep->date) {
		oaip_buf_puts(out, "<dt>Date</dt><dd>");
		esc(out, rep->date);
		oaip_buf_puts(out, "</dd>\n");
	}
	oaip_buf_puts(out, "<dt>Framework</dt><dd>");
	esc(out, rep->framework_title);
	oaip_buf_puts(out, " (");
	esc(out, rep->framework_publisher);
	oaip_buf_puts(out, ")</dd>\n</dl>\n</div>\n</header>\n"
	                   "<main id=\"main\">\n<div class=\"page\">\n");
	oaip_sections_html(&rep->sections, OAIP_AFTER_HEADER, out);
	oaip_buf_puts(out, "<section aria-labelledby=\"about\">\n"
	                   "<h2 id=\"about\">About the framework</h2>\n<p>");
	esc(out, rep->attribution);
	oaip_buf_puts(out, "</p>\n</section>\n</div>\n</main>\n");
	oaip_buf footer;
	oaip_buf_init(&footer);
	oaip_buf_puts(&footer, "<p>");
	esc(&footer, rep->credit);
	oaip_buf_puts(&footer, "</p>");
	if (footer.failed)
		out->failed = true;
	oaip_html_page_end(out, footer.data);
	oaip_buf_free(&footer);
}

/* ---- JSON -------------------------------------------------------------- */

void oaip_survey_json(const oaip_survey_report *rep, oaip_buf *out)
{
	oaip_json c = {.ok = true};
	json_t *root = json_object();
	oaip_json_put(&c, root, "framework", oaip_json_str(rep->framework_id));
	oaip_json_put(&c, root, "file", oaip_json_str(rep->file));
	oaip_json_put(&c, root, "date", oaip_json_str(rep->date));
	oaip_sections_json(&rep->sections, &c, root);
	oaip_json_dump(&c, root, out);
	json_decref(root);
}
