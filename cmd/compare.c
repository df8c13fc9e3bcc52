/* compare.c - oaip-eval compare. */
#include "config.h"

#include "cmd.h"

int cmd_compare(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_usage_error(NULL, "'compare' is not implemented yet");
}
