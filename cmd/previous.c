/* previous.c - --previous: the last self-evaluation, read, scored the same
 * way as this one, and set beside it. */
#include "config.h"

#include <string.h>

#include "cmd.h"

void cmd_previous_free(struct cmd_previous *p)
{
	oaip_progress_free(p->progress);
	oaip_result_free(p->result);
	oaip_selfeval_free(p->se);
	*p = (struct cmd_previous){0};
}

int cmd_previous_load(struct cmd_previous *p, const char *path,
                      const oaip_framework *fw, const oaip_score_options *opts,
                      const oaip_result *now)
{
	oaip_diags d;
	oaip_diags_init(&d);
	int status = OAIP_EXIT_OK;
	*p = (struct cmd_previous){0};

	p->se = oaip_selfeval_read_previous(fw, path, &d);
	cmd_print_diags(&d);
	if (!p->se || oaip_diags_count(&d, OAIP_ERROR)) {
		cmd_error("the last self-evaluation '%s' (--previous) could "
		          "not be read",
		          path);
		status = OAIP_EXIT_INPUT;
		goto cleanup;
	}
	oaip_diags_free(&d);
	oaip_diags_init(&d);
	p->result = oaip_score_compute(p->se, opts);
	if (!p->result) {
		status = cmd_out_of_memory();
		goto cleanup;
	}
	p->progress = oaip_progress_compute(p->result, now, &d);
	cmd_print_diags(&d);
	if (!p->progress)
		status = oaip_diags_count(&d, OAIP_ERROR) ? OAIP_EXIT_INPUT
		                                          : cmd_out_of_memory();

cleanup:
	oaip_diags_free(&d);
	if (status != OAIP_EXIT_OK)
		cmd_previous_free(p);
	return status;
}
