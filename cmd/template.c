/* template.c - oaip-eval template. */
#include "config.h"

#include "cmd.h"

int cmd_template(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_usage_error(NULL, "'template' is not implemented yet");
}
