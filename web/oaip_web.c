/* oaip_web.c - the browser edition's entry points: the page hands the
 * library the files the user chose (as bytes) and gets back the reports
 * and the library's own messages.  Nothing here scores, reads or renders:
 * every step is a call to the public library API (oaip.h), the same calls
 * 'oaip-eval score' makes.
 *
 * The results of the last call are kept until the next one; the page reads
 * them with oaip_web_output and oaip_web_messages (borrowed pointers). */
#include "config.h"

#include <emscripten.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oaip.h"

/* The outputs of the last oaip_web_report, by oaip_format. */
static oaip_buf outputs[OAIP_FORMAT_CSV + 1];
static char *messages; /* "file:line: error: message" lines */
static char *frameworks_json;

/* The diagnostics exactly as the command line prints them. */
static void keep_messages(const oaip_diags *d)
{
	char *text = NULL;
	size_t len = 0;
	free(messages);
	messages = NULL;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return;
	oaip_diags_print(d, f);
	if (fclose(f) == 0)
		messages = text;
	else
		free(text);
}

/* The built-in frameworks as JSON:
 * [{"id": "devon", "title": "...", "publisher": "...", "default": true}]. */
EMSCRIPTEN_KEEPALIVE
const char *oaip_web_frameworks(void)
{
	if (frameworks_json)
		return frameworks_json;
	json_t *list = json_array();
	for (size_t i = 0; list && i < oaip_builtin_count(); i++) {
		const oaip_builtin *b = oaip_builtin_get(i);
		oaip_diags d;
		oaip_diags_init(&d);
		oaip_framework *fw = oaip_framework_load(b->id, &d);
		oaip_diags_free(&d);
		json_array_append_new(
		    list,
		    json_pack("{s:s, s:s, s:s, s:b}", "id", b->id, "title",
		              fw && fw->title ? fw->title : b->id, "publisher",
		              fw && fw->publisher ? fw->publisher : "",
		              "default",
		              strcmp(b->id, oaip_builtin_default()) == 0));
		oaip_framework_free(fw);
	}
	frameworks_json = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	return frameworks_json ? frameworks_json : "[]";
}

/* Make the report.  framework: a built-in id, used when fw_xml is NULL;
 * otherwise fw_xml[0..fw_len) is a framework XML file called fw_name.
 * data[0..len) is the self-evaluation called name (the school's name
 * comes from it, as on the command line).  phase: a phase's name, or ""
 * for every phase.
 * Returns the command line's exit status: 0 when the report was made (in
 * every format), 3 on bad input; the messages say why. */
EMSCRIPTEN_KEEPALIVE
int oaip_web_report(const char *framework, const char *fw_xml, size_t fw_len,
                    const char *fw_name, const char *data, size_t len,
                    const char *name, const char *phase)
{
	int status = OAIP_EXIT_INPUT;
	oaip_framework *fw = NULL;
	oaip_selfeval *se = NULL;
	oaip_result *r = NULL;
	oaip_diags d;
	oaip_diags_init(&d);
	for (size_t i = 0; i <= OAIP_FORMAT_CSV; i++) {
		oaip_buf_free(&outputs[i]);
		oaip_buf_init(&outputs[i]);
	}

	/* The page offers only the phases' names; "" is every phase. */
	oaip_score_options opts = {.target = -1,
	                           .phase = oaip_phase_from_name(phase)};

	if (fw_xml)
		fw = oaip_framework_load_memory(fw_xml, fw_len, fw_name, &d);
	else
		fw = oaip_framework_load(framework && *framework
		                             ? framework
		                             : oaip_builtin_default(),
		                         &d);
	if (!fw || oaip_diags_count(&d, OAIP_ERROR))
		goto done;

	se = oaip_selfeval_read_memory(fw, data, len, name, &d);
	if (!se || oaip_diags_count(&d, OAIP_ERROR))
		goto done;

	r = oaip_score_compute(se, &opts);
	if (!r) {
		oaip_diags_add(&d, OAIP_ERROR, NULL, 0,
		               "out of memory while scoring");
		goto done;
	}

	char date[11];
	oaip_today(date);
	oaip_render_options ro = {.date = date,
	                          .program_version = PACKAGE_VERSION};
	static const oaip_format formats[] = {
	    OAIP_FORMAT_HTML, OAIP_FORMAT_MARKDOWN, OAIP_FORMAT_JSON};
	status = OAIP_EXIT_OK;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		oaip_buf *b = &outputs[formats[i]];
		oaip_render_score(r, formats[i], &ro, b);
		if (b->failed) {
			oaip_diags_add(&d, OAIP_ERROR, NULL, 0,
			               "out of memory while writing the "
			               "report");
			status = OAIP_EXIT_INPUT;
		}
	}

done:
	keep_messages(&d);
	oaip_result_free(r);
	oaip_selfeval_free(se);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	return status;
}

/* The last report in format ("html", "markdown", "json"): borrowed bytes,
 * *len set; NULL when there is none. */
EMSCRIPTEN_KEEPALIVE
const char *oaip_web_output(const char *format, size_t *len)
{
	oaip_format f;
	*len = 0;
	if (!oaip_format_parse(format, &f) || !outputs[f].len)
		return NULL;
	*len = outputs[f].len;
	return outputs[f].data;
}

/* The messages of the last call, one a line, as the command line prints
 * them; "" when there were none. */
EMSCRIPTEN_KEEPALIVE
const char *oaip_web_messages(void)
{
	return messages ? messages : "";
}
