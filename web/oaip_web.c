/* oaip_web.c - the browser edition's entry points: the page hands the
 * library the files the user chose (as bytes) and gets back the reports
 * and the library's own messages.  Nothing here scores, reads or renders:
 * every step is a call to the public library API (oaip.h), the calls
 * 'oaip-eval score', 'plan' and 'template' make.
 *
 * The outputs of the last call are kept until the next one; the page reads
 * them with oaip_web_output and oaip_web_messages (borrowed pointers). */
#include "config.h"

#include <emscripten.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oaip.h"

/* What a call can leave for the page, by the name the page asks for. */
enum { OUT_HTML, OUT_MARKDOWN, OUT_JSON, OUT_PLAN, OUT_TEMPLATE, N_OUT };
static const char *const output_names[N_OUT] = {"html", "markdown", "json",
                                                "plan", "template"};
static oaip_buf outputs[N_OUT];
static char *messages; /* "file:line: error: message" lines */
static char *frameworks_json;

/* A file the page passes: bytes, length and name; data NULL for none. */
typedef struct web_file {
	const char *data;
	size_t len;
	const char *name;
} web_file;

static void reset(oaip_diags *d)
{
	oaip_diags_init(d);
	for (size_t i = 0; i < N_OUT; i++) {
		oaip_buf_free(&outputs[i]);
		oaip_buf_init(&outputs[i]);
	}
}

/* Keep d's diagnostics exactly as the command line prints them. */
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

/* The framework: an XML file when one is given, else a built-in id; NULL
 * with neither (the self-evaluation names it, as on the command line
 * without -f) or on error (in d). */
static oaip_framework *load_framework(const char *id, const web_file *xml,
                                      oaip_diags *d)
{
	if (xml->data)
		return oaip_framework_load_memory(xml->data, xml->len,
		                                  xml->name, d);
	if (id && *id)
		return oaip_framework_load(id, d);
	return NULL;
}

static bool out_of_memory(oaip_diags *d)
{
	oaip_diags_add(d, OAIP_ERROR, NULL, 0, "out of memory");
	return false;
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

/* Make the report, as 'oaip-eval score [-f FRAMEWORK] [--phase PHASE]
 * [--previous LAST] [--survey SURVEY] SELF-EVALUATION' does, in HTML,
 * Markdown and JSON, and the action plan as 'oaip-eval plan -o x.xlsx'
 * makes it.
 *
 * framework: a built-in id, or "" for the one the self-evaluation names;
 * used when fw_data is NULL, else fw_data[0..fw_len) is a framework XML
 * file called fw_name.  se_*: the self-evaluation (CSV or xlsx); prev_*
 * and survey_*: the last self-evaluation and the parent carers' survey
 * responses, data NULL for none.  phase: a phase's name, or "" for the
 * self-evaluation's own (every phase when it names none).
 *
 * Returns the command line's exit status: 0 when the reports were made,
 * 3 on bad input; the messages say why. */
EMSCRIPTEN_KEEPALIVE
int oaip_web_report(const char *framework, const char *fw_data, size_t fw_len,
                    const char *fw_name, const char *se_data, size_t se_len,
                    const char *se_name, const char *phase,
                    const char *prev_data, size_t prev_len,
                    const char *prev_name, const char *survey_data,
                    size_t survey_len, const char *survey_name)
{
	const web_file xml = {fw_data, fw_len, fw_name};
	bool ok = false;
	oaip_framework *fw = NULL;
	oaip_selfeval *se = NULL, *prev_se = NULL;
	oaip_result *r = NULL, *prev_r = NULL;
	oaip_progress *progress = NULL;
	oaip_survey *sv = NULL;
	oaip_survey_result *sres = NULL;
	oaip_plan *plan = NULL;
	oaip_diags d;
	reset(&d);

	fw = load_framework(framework, &xml, &d);
	if (oaip_diags_count(&d, OAIP_ERROR))
		goto done;
	se = oaip_selfeval_read_memory(fw, se_data, se_len, se_name, &d);
	if (!se || oaip_diags_count(&d, OAIP_ERROR))
		goto done;

	unsigned phase_bits = oaip_phase_from_name(phase);
	oaip_score_options opts = {
	    .target = -1, .phase = phase_bits ? phase_bits : se->phase};
	r = oaip_score_compute(se, &opts);
	if (!r && !out_of_memory(&d))
		goto done;

	oaip_render_options ro = {.program_version = PACKAGE_VERSION};
	char date[11];
	oaip_today(date);
	ro.date = date;

	if (prev_data) {
		prev_se = oaip_selfeval_read_memory(fw, prev_data, prev_len,
		                                    prev_name, &d);
		if (!prev_se || oaip_diags_count(&d, OAIP_ERROR))
			goto done;
		prev_r = oaip_score_compute(prev_se, &opts);
		if (!prev_r && !out_of_memory(&d))
			goto done;
		progress = oaip_progress_compute(prev_r, r, &d);
		if (!progress)
			goto done;
		ro.previous = progress;
	}
	if (survey_data) {
		oaip_survey_options so = {.phase = r->phase};
		sv = oaip_survey_read_memory(se->fw, survey_data, survey_len,
		                             survey_name, &so, &d);
		if (!sv || oaip_diags_count(&d, OAIP_ERROR))
			goto done;
		sres = oaip_survey_count(sv, 0, r);
		if (!sres && !out_of_memory(&d))
			goto done;
		ro.survey = sres;
	}

	oaip_render_score(r, OAIP_FORMAT_HTML, &ro, &outputs[OUT_HTML]);
	oaip_render_score(r, OAIP_FORMAT_MARKDOWN, &ro, &outputs[OUT_MARKDOWN]);
	oaip_render_score(r, OAIP_FORMAT_JSON, &ro, &outputs[OUT_JSON]);
	plan = oaip_plan_build(r);
	if (!plan && !out_of_memory(&d))
		goto done;
	if (!oaip_plan_xlsx(plan, &ro, &outputs[OUT_PLAN], &d))
		goto done;
	ok = true;
	for (size_t i = 0; i < N_OUT; i++)
		if (outputs[i].failed)
			ok = out_of_memory(&d);

done:
	keep_messages(&d);
	oaip_plan_free(plan);
	oaip_survey_result_free(sres);
	oaip_survey_free(sv);
	oaip_progress_free(progress);
	oaip_result_free(prev_r);
	oaip_selfeval_free(prev_se);
	oaip_result_free(r);
	oaip_selfeval_free(se);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	return ok ? OAIP_EXIT_OK : OAIP_EXIT_INPUT;
}

/* The blank self-evaluation workbook, as 'oaip-eval template -o x.xlsx
 * [-f FRAMEWORK] [--phase PHASE]': framework and fw_* as for
 * oaip_web_report ("" is the default framework).  Returns the exit
 * status; the workbook is the output "template". */
EMSCRIPTEN_KEEPALIVE
int oaip_web_template(const char *framework, const char *fw_data, size_t fw_len,
                      const char *fw_name, const char *phase)
{
	const web_file xml = {fw_data, fw_len, fw_name};
	oaip_diags d;
	reset(&d);
	oaip_framework *fw = load_framework(
	    framework && *framework ? framework : oaip_builtin_default(), &xml,
	    &d);
	bool ok = fw && !oaip_diags_count(&d, OAIP_ERROR) &&
	          oaip_template_xlsx(fw, oaip_phase_from_name(phase),
	                             &outputs[OUT_TEMPLATE], &d);
	if (ok && outputs[OUT_TEMPLATE].failed)
		ok = out_of_memory(&d);
	keep_messages(&d);
	oaip_framework_free(fw);
	oaip_diags_free(&d);
	return ok ? OAIP_EXIT_OK : OAIP_EXIT_INPUT;
}

/* The last call's output called name ("html", "markdown", "json", "plan",
 * "template"): borrowed bytes, *len set; NULL when there is none. */
EMSCRIPTEN_KEEPALIVE
const char *oaip_web_output(const char *name, size_t *len)
{
	*len = 0;
	for (size_t i = 0; i < N_OUT; i++) {
		if (strcmp(name, output_names[i]) == 0 && outputs[i].len) {
			*len = outputs[i].len;
			return outputs[i].data;
		}
	}
	return NULL;
}

/* The messages of the last call, one a line, as the command line prints
 * them; "" when there were none. */
EMSCRIPTEN_KEEPALIVE
const char *oaip_web_messages(void)
{
	return messages ? messages : "";
}
