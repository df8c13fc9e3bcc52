/* render.c - which renderer draws which report in which format: one
 * table, in the style of git's commands[].  A format with no renderer for
 * a report is an error (oaip_render_supported), never a quiet fallback to
 * another format; the commands check a format against this table (and
 * name the formats it lists) before any work is done.
 *
 * To add a format: a renderer per report it supports, walking the model
 * (report.h), and one row here.  To add a report kind: a column. */
#include "config.h"

#include "render_framework.h"
#include "report.h"

typedef void score_fn(const oaip_score_report *rep, oaip_buf *out);
typedef void compare_fn(const oaip_compare_report *rep, oaip_buf *out);
typedef void survey_fn(const oaip_survey_report *rep, oaip_buf *out);
typedef void framework_fn(const oaip_framework *fw, oaip_buf *out);
typedef void plan_fn(const oaip_plan *p, const oaip_render_options *o,
                     oaip_buf *out);
typedef void yousaid_fn(const oaip_yousaid *y, const oaip_render_options *o,
                        oaip_buf *out);

/* The plan's workbook, drawn as the table's others are: why it could not
 * be made goes to o->diags (as oaip_compare_xlsx's). */
static void plan_xlsx(const oaip_plan *p, const oaip_render_options *o,
                      oaip_buf *out)
{
	oaip_diags quiet;
	oaip_diags_init(&quiet);
	if (!oaip_plan_xlsx(p, o, out, o && o->diags ? o->diags : &quiet))
		out->failed = true;
	oaip_diags_free(&quiet);
}

/* Each column NULL: no such report in this format. */
static const struct renderer {
	oaip_format format;
	score_fn *score;
	compare_fn *compare;
	survey_fn *survey;       /* survey summary */
	framework_fn *framework; /* show */
	plan_fn *plan;
	yousaid_fn *yousaid; /* you-said */
} renderers[] = {
    {OAIP_FORMAT_MARKDOWN, oaip_score_md, oaip_compare_md, oaip_survey_md,
     oaip_render_framework_markdown, oaip_plan_md, oaip_yousaid_md},
    {OAIP_FORMAT_HTML, oaip_score_html, oaip_compare_html, oaip_survey_html,
     oaip_framework_html, oaip_plan_html, oaip_yousaid_html},
    {OAIP_FORMAT_JSON, oaip_score_json, oaip_compare_json, oaip_survey_json,
     NULL, NULL, NULL},
    {OAIP_FORMAT_CSV, NULL, oaip_compare_csv, NULL, NULL, oaip_plan_csv, NULL},
    {OAIP_FORMAT_XLSX, NULL, oaip_compare_xlsx, NULL, NULL, plan_xlsx, NULL},
};

static const struct renderer *find(oaip_format f)
{
	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
		if (renderers[i].format == f)
			return &renderers[i];
	return NULL;
}

bool oaip_render_supported(oaip_report_kind kind, oaip_format f)
{
	const struct renderer *r = find(f);
	if (!r)
		return false;
	switch (kind) {
	case OAIP_REPORT_SCORE:
		return r->score != NULL;
	case OAIP_REPORT_COMPARE:
		return r->compare != NULL;
	case OAIP_REPORT_SURVEY:
		return r->survey != NULL;
	case OAIP_REPORT_FRAMEWORK:
		return r->framework != NULL;
	case OAIP_REPORT_PLAN:
		return r->plan != NULL;
	case OAIP_REPORT_YOUSAID:
		return r->yousaid != NULL;
	}
	return false;
}

size_t oaip_render_formats(oaip_report_kind kind, oaip_format *v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
		if (oaip_render_supported(kind, renderers[i].format) && k++ < n)
			v[k - 1] = renderers[i].format;
	return k;
}

bool oaip_render_score(const oaip_result *r, oaip_format format,
                       const oaip_render_options *o, oaip_buf *out)
{
	const struct renderer *k = find(format);
	if (!k || !k->score)
		return false;
	oaip_score_report *rep = oaip_score_report_build(r, o);
	if (rep && o && o->survey &&
	    !oaip_report_add_survey(&rep->sections, &rep->arena,
	                            OAIP_AFTER_SUMMARY, o->survey, r)) {
		oaip_score_report_free(rep);
		rep = NULL;
	}
	if (!rep) {
		out->failed = true;
		return true;
	}
	k->score(rep, out);
	oaip_score_report_free(rep);
	return true;
}

bool oaip_render_compare(const oaip_comparison *c, oaip_format format,
                         const oaip_render_options *o, oaip_buf *out)
{
	const struct renderer *k = find(format);
	if (!k || !k->compare)
		return false;
	oaip_compare_report *rep = oaip_compare_report_build(c, o);
	if (rep && o && o->area_survey &&
	    !oaip_compare_report_add_survey(rep, o->area_survey)) {
		oaip_compare_report_free(rep);
		rep = NULL;
	}
	if (!rep) {
		out->failed = true;
		return true;
	}
	k->compare(rep, out);
	oaip_compare_report_free(rep);
	return true;
}

bool oaip_render_survey(const oaip_survey_result *res, oaip_format format,
                        const oaip_render_options *o, oaip_buf *out)
{
	const struct renderer *k = find(format);
	if (!k || !k->survey)
		return false;
	oaip_survey_report *rep = oaip_survey_report_build(res, o);
	if (!rep) {
		out->failed = true;
		return true;
	}
	k->survey(rep, out);
	oaip_survey_report_free(rep);
	return true;
}

bool oaip_render_framework(const oaip_framework *fw, oaip_format format,
                           oaip_buf *out)
{
	const struct renderer *k = find(format);
	if (!k || !k->framework)
		return false;
	k->framework(fw, out);
	return true;
}

bool oaip_render_plan(const oaip_plan *p, oaip_format format,
                      const oaip_render_options *o, oaip_buf *out)
{
	const struct renderer *k = find(format);
	if (!k || !k->plan)
		return false;
	k->plan(p, o, out);
	return true;
}

bool oaip_render_yousaid(const oaip_yousaid *y, oaip_format format,
                         const oaip_render_options *o, oaip_buf *out)
{
	const struct renderer *k = find(format);
	if (!k || !k->yousaid)
		return false;
	k->yousaid(y, o, out);
	return true;
}
