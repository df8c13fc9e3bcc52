/* frameworks.c - oaip-eval frameworks. */
#include "config.h"

#include "cmd.h"

int cmd_frameworks(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_usage_error(NULL, "'frameworks' is not implemented yet");
}
