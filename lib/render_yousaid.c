/* render_yousaid.c - the "you said, we did" page as HTML (one A4 sheet,
 * for printing and for a noticeboard) and Markdown (for a newsletter).
 * Markup only: every word comes from yousaid.c. */
#include "config.h"

#include "report.h"

typedef void text_fn(const oaip_yousaid *y, oaip_buf *out);
typedef void item_fn(const oaip_yousaid *y, size_t k, oaip_buf *out);

/* Each answer: its label and where its words come from. */
static const struct part {
	const char *label;
	item_fn *text;
} parts[] = {
    {"You said", oaip_yousaid_said},
    {"We did", oaip_yousaid_did},
    {"We will", oaip_yousaid_will},
};
#define N_PARTS (sizeof parts / sizeof parts[0])

/* The page's own CSS, after the shared sheet: compact enough that three
 * answers of a few sentences each fit on one A4 sheet. */
static const char css[] =
    ".ysd{background:#ffffff;border:1px solid #c9dcd9;border-left:6px "
    "solid #1f5f7a;border-radius:.4rem;padding:.1rem 1rem .6rem;"
    "margin:.9rem 0;break-inside:avoid}\n"
    ".ysd h2{font-size:1.2rem;border:0;margin:.6rem 0 .3rem;padding:0}\n"
    ".ysd dl{display:grid;grid-template-columns:6.5rem 1fr;gap:.3rem "
    ".75rem;margin:0}\n"
    ".ysd dt{font-weight:700;color:#123c3a}\n"
    ".ysd dd{margin:0}\n"
    ".lead{font-size:1.1rem}\n"
    "@media (max-width:40rem){.ysd dl{grid-template-columns:1fr}}\n"
    "@media print{@page{size:A4;margin:12mm}html{font-size:10pt}"
    "body{line-height:1.35}"
    "body>header .page{padding:0 0 .3rem}h1{margin:.1rem 0 .2rem}"
    ".lead{font-size:1.05rem;margin:.3rem 0}"
    ".ysd{margin:.45rem 0;padding:0 .8rem .45rem}.ysd h2{margin:.4rem 0 "
    ".2rem}body>footer .page{padding:.3rem 0 0}"
    "main{padding-bottom:.3rem}}\n";

static void html_text(oaip_buf *out, oaip_buf *t, const oaip_yousaid *y,
                      text_fn *fn)
{
	t->len = 0;
	oaip_buf_puts(t, "");
	fn(y, t);
	oaip_escape_html(out, t->data);
}

void oaip_yousaid_html(const oaip_yousaid *y, const oaip_render_options *o,
                       oaip_buf *out)
{
	oaip_buf t, school;
	oaip_buf_init(&t);
	oaip_buf_init(&school);
	oaip_buf_puts(&t, "");
	oaip_yousaid_school(y, &school);
	oaip_yousaid_title(y, &t);
	oaip_buf_puts(&t, ": ");
	oaip_buf_puts(&t, school.data ? school.data : "");
	oaip_html_page_begin(out, t.data, css);

	oaip_buf_puts(out, "<header>\n<div class=\"page\">\n"
	                   "<p class=\"kicker\">");
	oaip_escape_html(out, school.data);
	if (o && o->date) {
		oaip_buf_puts(out, " · <time datetime=\"");
		oaip_escape_html(out, o->date);
		oaip_buf_puts(out, "\">");
		oaip_escape_html(out, o->date);
		oaip_buf_puts(out, "</time>");
	}
	oaip_buf_puts(out, "</p>\n<h1>");
	html_text(out, &t, y, oaip_yousaid_title);
	oaip_buf_puts(out, "</h1>\n</div>\n</header>\n"
	                   "<main id=\"main\">\n<div class=\"page\">\n"
	                   "<p class=\"lead\">");
	html_text(out, &t, y, oaip_yousaid_intro);
	oaip_buf_puts(out, "</p>\n");

	for (size_t k = 0; k < y->n; k++) {
		oaip_buf_printf(
		    out,
		    "<section class=\"ysd\" aria-labelledby=\"q%zu\">"
		    "\n<h2 id=\"q%zu\">“",
		    k + 1, k + 1);
		t.len = 0;
		oaip_yousaid_question(y, k, &t);
		oaip_escape_html(out, t.data);
		oaip_buf_puts(out, "”</h2>\n<dl>\n");
		for (size_t p = 0; p < N_PARTS; p++) {
			oaip_buf_puts(out, "<dt>");
			oaip_escape_html(out, parts[p].label);
			oaip_buf_puts(out, "</dt>\n<dd>");
			t.len = 0;
			oaip_buf_puts(&t, "");
			parts[p].text(y, k, &t);
			oaip_html_text_br(out, t.data);
			oaip_buf_puts(out, "</dd>\n");
		}
		oaip_buf_puts(out, "</dl>\n</section>\n");
	}
	oaip_buf_puts(out, "<p>");
	html_text(out, &t, y, oaip_yousaid_closing);
	oaip_buf_puts(out, "</p>\n</div>\n</main>\n");

	oaip_buf footer;
	oaip_buf_init(&footer);
	oaip_buf_puts(&footer, "<p>");
	html_text(&footer, &t, y, oaip_yousaid_credit);
	oaip_buf_puts(&footer, "</p>");
	oaip_html_page_end(out, footer.data);
	if (t.failed || school.failed || footer.failed)
		out->failed = true;
	oaip_buf_free(&footer);
	oaip_buf_free(&t);
	oaip_buf_free(&school);
}

static void md_text(oaip_buf *out, oaip_buf *t, const oaip_yousaid *y,
                    text_fn *fn)
{
	t->len = 0;
	oaip_buf_puts(t, "");
	fn(y, t);
	oaip_escape_markdown(out, t->data, false);
}

void oaip_yousaid_md(const oaip_yousaid *y, const oaip_render_options *o,
                     oaip_buf *out)
{
	oaip_buf t;
	oaip_buf_init(&t);
	oaip_buf_puts(out, "# ");
	md_text(out, &t, y, oaip_yousaid_title);
	oaip_buf_puts(out, "\n\n**");
	md_text(out, &t, y, oaip_yousaid_school);
	oaip_buf_puts(out, "**");
	if (o && o->date) {
		oaip_buf_puts(out, " · ");
		oaip_escape_markdown(out, o->date, false);
	}
	oaip_buf_puts(out, "\n\n");
	md_text(out, &t, y, oaip_yousaid_intro);
	oaip_buf_puts(out, "\n\n");
	for (size_t k = 0; k < y->n; k++) {
		oaip_buf_puts(out, "## “");
		t.len = 0;
		oaip_yousaid_question(y, k, &t);
		oaip_escape_markdown(out, t.data, false);
		oaip_buf_puts(out, "”\n\n");
		for (size_t p = 0; p < N_PARTS; p++) {
			oaip_buf_puts(out, "**");
			oaip_escape_markdown(out, parts[p].label, false);
			oaip_buf_puts(out, ":** ");
			t.len = 0;
			oaip_buf_puts(&t, "");
			parts[p].text(y, k, &t);
			oaip_escape_markdown(out, t.data, true);
			oaip_buf_puts(out, "\n\n");
		}
	}
	md_text(out, &t, y, oaip_yousaid_closing);
	oaip_buf_puts(out, "\n\n*");
	md_text(out, &t, y, oaip_yousaid_credit);
	oaip_buf_puts(out, "*\n");
	if (t.failed)
		out->failed = true;
	oaip_buf_free(&t);
}
