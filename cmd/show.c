/* show.c - oaip-eval show. */
#include "config.h"

#include "cmd.h"

int cmd_show(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_usage_error(NULL, "'show' is not implemented yet");
}
