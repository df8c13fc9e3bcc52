/* template.c - the blank self-evaluation CSV a school fills in: the
 * details block (School, URN, Phase, Framework, Completed by, Date, with
 * Framework and the phases asked for filled in), a blank line, the header
 * and one row per indicator.
 *
 * Written for spreadsheets: a UTF-8 byte order mark, so that Excel reads
 * the framework's curly quotes and accents as UTF-8, and CRLF line ends.
 * The reader (selfeval.c) accepts both, so a filled-in template reads
 * back as it is.  Cells go through oaip_escape_csv like every CSV cell we
 * write, so even a framework's text cannot start a spreadsheet formula. */
#include "config.h"

#include "report.h"

void oaip_template_render(const oaip_framework *fw, unsigned phase,
                          oaip_buf *out)
{
	oaip_buf_puts(out, "\xEF\xBB\xBF"
	                   "School,\r\nURN,\r\nPhase,");
	if (phase && phase != OAIP_PHASE_ALL) {
		oaip_buf list;
		oaip_buf_init(&list);
		oaip_phase_list(&list, phase, ", ");
		oaip_escape_csv(out, list.data ? list.data : "");
		oaip_buf_free(&list);
	}
	oaip_buf_puts(out, "\r\nFramework,");
	oaip_escape_csv(out, fw->id);
	oaip_buf_puts(out, "\r\nCompleted by,\r\nDate,\r\n\r\n"
	                   "indicator,cornerstone,statement,rating,evidence,"
	                   "next_steps\r\n");
	for (size_t i = 0; i < fw->n_indicators; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		if (!oaip_indicator_applies(ind, phase))
			continue;
		oaip_escape_csv(out, ind->id);
		oaip_buf_putc(out, ',');
		oaip_escape_csv(out, oaip_cornerstone_id(ind->cornerstone));
		oaip_buf_putc(out, ',');
		oaip_escape_csv(out, ind->text ? ind->text : "");
		oaip_buf_puts(out, ",,,\r\n");
	}
}
