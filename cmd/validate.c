/* validate.c - oaip-eval validate. */
#include "config.h"

#include "cmd.h"

int cmd_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_usage_error(NULL, "'validate' is not implemented yet");
}
