/* score.c - oaip-eval score. */
#include "config.h"

#include "cmd.h"

int cmd_score(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_usage_error(NULL, "'score' is not implemented yet");
}
