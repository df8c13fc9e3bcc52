/* survey_template.c - the parent carers' questionnaire made from a
 * framework's asks: the question list as CSV (to build a Microsoft or
 * Google Form) and a printable paper questionnaire as HTML. */
#include "config.h"

#include <string.h>

#include "xlsx_write.h"

/* Questions of fw that apply in phase, in framework order, grouped by
 * cornerstone in the order W, V, C, P. */
static bool asked(const oaip_indicator *ind, unsigned phase)
{
	return ind->ask && oaip_indicator_applies(ind, phase);
}

void oaip_survey_template_csv(const oaip_framework *fw, unsigned phase,
                              oaip_buf *out)
{
	oaip_buf_puts(out, "code,indicator,cornerstone,question\r\n");
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++)
		for (size_t i = 0; i < fw->n_indicators; i++) {
			const oaip_indicator *ind = &fw->indicators[i];
			if ((int)ind->cornerstone != c || !asked(ind, phase))
				continue;
			oaip_escape_csv(out, ind->code);
			oaip_buf_putc(out, ',');
			oaip_escape_csv(out, ind->id);
			oaip_buf_putc(out, ',');
			oaip_escape_csv(out,
			                oaip_cornerstone_id(ind->cornerstone));
			oaip_buf_putc(out, ',');
			oaip_escape_csv(out, ind->ask);
			oaip_buf_puts(out, "\r\n");
		}
}

static const char questionnaire_css[] =
    "table.q{border-collapse:collapse;width:100%;margin:0 0 1.2em}\n"
    "table.q th,table.q td{border:1px solid #555;padding:.45em .4em;"
    "vertical-align:middle}\n"
    "table.q thead th{font-size:.85em;font-weight:bold;text-align:center;"
    "width:4.6em}\n"
    "table.q thead th.qtext{text-align:left;width:auto}\n"
    "table.q tbody th{text-align:left;font-weight:normal}\n"
    "table.q .code{font-weight:bold;margin-right:.4em}\n"
    "table.q td{text-align:center}\n"
    ".tick{display:inline-block;width:1.5em;height:1.5em;"
    "border:2px solid #000;background:#fff}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}\n"
    ".comments-box{border:2px solid #000;min-height:12em;margin:.5em 0 1em}\n"
    ".notice{border:1px solid #555;padding:.6em .8em;margin:1em 0}\n"
    "@media (max-width:40em){table.q thead th{width:auto;font-size:.7em;"
    "hyphens:auto}table.q th,table.q td{padding:.3em .1em}"
    ".tick{width:1.2em;height:1.2em}}\n"
    "@media print{@page{size:A4;margin:15mm}"
    "table.q tr{break-inside:avoid;page-break-inside:avoid}"
    "h2{break-after:avoid;page-break-after:avoid}"
    ".skip{display:none}}\n";

static void esc(oaip_buf *out, const char *s)
{
	oaip_escape_html(out, s ? s : "");
}

void oaip_survey_template_html(const oaip_framework *fw, unsigned phase,
                               size_t min, oaip_buf *out)
{
	if (min == 0)
		min = OAIP_SURVEY_MIN_DEFAULT;
	static const oaip_answer order[] = {
	    OAIP_ANSWER_STRONGLY_AGREE, OAIP_ANSWER_AGREE, OAIP_ANSWER_DISAGREE,
	    OAIP_ANSWER_STRONGLY_DISAGREE, OAIP_ANSWER_DONT_KNOW};
	oaip_html_page page = {
	    .title = "Working with parent carers: questionnaire",
	    .print_name = "How well does the school work with you?",
	    .print_title = "A questionnaire for parent carers",
	    .extra_css = questionnaire_css};
	oaip_html_page_start(out, &page);
	oaip_buf_puts(out, "<header>\n<div class=\"page\">\n"
	                   "<h1>How well does the school work with you?</h1>\n"
	                   "<p>A questionnaire for parent carers. It takes "
	                   "about ten minutes. For each sentence, tick the "
	                   "one box that is closest to what you think. If you "
	                   "cannot say, tick \u201cDon\u2019t know\u201d. You "
	                   "can leave out any sentence.</p>\n"
	                   "</div>\n</header>\n<main id=\"main\">\n"
	                   "<div class=\"page\">\n");
	oaip_buf_printf(out,
	                "<section class=\"notice\" aria-labelledby=\"privacy\">"
	                "\n<h2 id=\"privacy\">Your privacy</h2>\n"
	                "<p>Please do not write your name, your child\u2019s "
	                "name or anything else that could identify you: we "
	                "do not need them. We collect only your ticks and "
	                "any comments. Answers are counted together, and "
	                "the results of a question are shown only when at "
	                "least %zu parent carers have answered it. Comments "
	                "may be shared without names.</p>\n</section>\n",
	                min);
	for (int c = 0; c < OAIP_N_CORNERSTONES; c++) {
		size_t n = 0;
		for (size_t i = 0; i < fw->n_indicators; i++)
			if ((int)fw->indicators[i].cornerstone == c &&
			    asked(&fw->indicators[i], phase))
				n++;
		if (!n)
			continue;
		const char *id = oaip_cornerstone_id((oaip_cornerstone)c);
		oaip_buf_printf(out,
		                "<section aria-labelledby=\"%s\">\n"
		                "<h2 id=\"%s\">",
		                id, id);
		esc(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_puts(out, "</h2>\n<table class=\"q\">\n<caption "
		                   "class=\"vh\">");
		esc(out, oaip_cornerstone_title((oaip_cornerstone)c));
		oaip_buf_puts(out,
		              ": tick one box for each sentence</caption>\n"
		              "<thead>\n<tr><th scope=\"col\" "
		              "class=\"qtext\">Sentence</th>");
		for (size_t k = 0; k < 5; k++) {
			oaip_buf_puts(out, "<th scope=\"col\">");
			esc(out, oaip_answer_label(order[k]));
			oaip_buf_puts(out, "</th>");
		}
		oaip_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
		for (size_t i = 0; i < fw->n_indicators; i++) {
			const oaip_indicator *ind = &fw->indicators[i];
			if ((int)ind->cornerstone != c || !asked(ind, phase))
				continue;
			oaip_buf_puts(out, "<tr><th scope=\"row\"><span "
			                   "class=\"code\">");
			esc(out, ind->code);
			oaip_buf_puts(out, "</span>");
			esc(out, ind->ask);
			oaip_buf_puts(out, "</th>");
			for (size_t k = 0; k < 5; k++) {
				oaip_buf_puts(out,
				              "<td><span class=\"tick\" "
				              "aria-hidden=\"true\"></span>"
				              "<span class=\"vh\">");
				esc(out, oaip_answer_label(order[k]));
				oaip_buf_puts(out, " tick box</span></td>");
			}
			oaip_buf_puts(out, "</tr>\n");
		}
		oaip_buf_puts(out, "</tbody>\n</table>\n</section>\n");
	}
	oaip_buf_puts(out, "<section aria-labelledby=\"comments\">\n"
	                   "<h2 id=\"comments\">Anything else you would like "
	                   "to tell us?</h2>\n<p>Please leave out names.</p>\n"
	                   "<div class=\"comments-box\" role=\"img\" "
	                   "aria-label=\"Box for your comments\"></div>\n"
	                   "</section>\n");
	oaip_buf_puts(out, "<section aria-labelledby=\"about\">\n"
	                   "<h2 id=\"about\">About these sentences</h2>\n<p>");
	esc(out, fw->ask_attribution
	             ? fw->ask_attribution
	             : "The sentences come from the framework\u2019s "
	               "indicators.");
	oaip_buf_puts(out, " The framework: ");
	esc(out, fw->title);
	oaip_buf_puts(out, " (");
	esc(out, fw->publisher);
	oaip_buf_puts(out, ").</p>\n<p>Thank you for your time.</p>\n"
	                   "</section>\n</div>\n</main>\n");
	oaip_html_page_end(out, NULL);
}

/* ------------------------------------------------------------------ */
/* The response-entry workbook                                        */

/* Sheet Responses: one column per question headed "W1 I feel welcome at
 * the school." (the reader matches code and statement), then Comments;
 * each question's cells a drop-down of the five answers that refuses
 * anything else; the heading row frozen.  Sheet About: how to fill it
 * in, the privacy reminder, and who wrote the statements. */
#define ENTRY_ROWS 1000

bool oaip_survey_template_xlsx(const oaip_framework *fw, unsigned phase,
                               oaip_buf *out, oaip_diags *d)
{
	oaip_xlsx x;
	lxw_workbook *wb = oaip_xlsx_new(&x, d);
	if (!wb)
		return false;
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(head, 0xE8EEF4);
	format_set_border(head, LXW_BORDER_THIN);
	lxw_format *wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	lxw_format *title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);

	lxw_worksheet *ws = workbook_add_worksheet(wb, "Responses");
	lxw_worksheet *about = workbook_add_worksheet(wb, "About");
	bool ok = ws && about;
	/* libxlsxwriter takes char *, never writing through it. */
	static char sa[] = "Strongly agree", a[] = "Agree", di[] = "Disagree",
	            sd[] = "Strongly disagree", dk[] = "Don\u2019t know";
	static char *answers[] = {sa, a, di, sd, dk, NULL};
	static char in_title[] = "Answer", err_title[] = "Not an answer";
	static char in_msg[] = "Choose from the list, or leave blank if the "
	                       "parent carer did not answer.";
	static char err_msg[] = "Choose Strongly agree, Agree, Disagree, "
	                        "Strongly disagree or Don\u2019t know from the "
	                        "list, or leave it blank.";
	lxw_col_t col = 0;
	oaip_buf h;
	oaip_buf_init(&h);
	for (int c = 0; ok && c < OAIP_N_CORNERSTONES; c++)
		for (size_t i = 0; i < fw->n_indicators; i++) {
			const oaip_indicator *ind = &fw->indicators[i];
			if ((int)ind->cornerstone != c || !asked(ind, phase))
				continue;
			h.len = 0;
			oaip_buf_printf(&h, "%s %s", ind->code, ind->ask);
			worksheet_write_string(ws, 0, col, h.data ? h.data : "",
			                       head);
			worksheet_set_column(ws, col, col, 18, NULL);
			lxw_data_validation dv;
			memset(&dv, 0, sizeof dv);
			dv.validate = LXW_VALIDATION_TYPE_LIST;
			dv.value_list = answers;
			dv.input_title = in_title;
			dv.input_message = in_msg;
			dv.error_title = err_title;
			dv.error_message = err_msg;
			dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
			worksheet_data_validation_range(ws, 1, col, ENTRY_ROWS,
			                                col, &dv);
			col++;
		}
	if (ok) {
		worksheet_write_string(ws, 0, col, "Comments", head);
		worksheet_set_column(ws, col, col, 50, wrap);
		worksheet_set_row(ws, 0, 96, NULL);
		worksheet_freeze_panes(ws, 1, 0);

		worksheet_set_column(about, 0, 0, 100, wrap);
		worksheet_write_string(about, 0, 0,
		                       "Parent carers\u2019 questionnaire: "
		                       "typing in paper answers",
		                       title);
		worksheet_write_string(
		    about, 2, 0,
		    "On the Responses sheet, type one parent carer\u2019s "
		    "answers per row, choosing each answer from the list. "
		    "Leave a cell blank where a sentence was not answered. "
		    "Copy any comments into the Comments column.",
		    wrap);
		worksheet_write_string(
		    about, 3, 0,
		    "Do not type names or anything else that could identify a "
		    "parent carer or a child. Leave out names found in "
		    "comments.",
		    wrap);
		worksheet_write_string(
		    about, 4, 0,
		    "Then: oaip-eval survey summary this-file.xlsx, or "
		    "oaip-eval score our-school.xlsx --survey this-file.xlsx",
		    wrap);
		if (fw->ask_attribution)
			worksheet_write_string(about, 6, 0, fw->ask_attribution,
			                       wrap);
		worksheet_write_string(about, 7, 0, fw->attribution, wrap);
	}
	oaip_buf_free(&h);
	oaip_xlsx_properties(&x, "Parent carers\u2019 questionnaire: responses",
	                     NULL, fw->publisher, fw->ask_attribution);
	bool closed = oaip_xlsx_finish(&x, out, d);
	return ok && closed;
}
