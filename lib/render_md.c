/* render_md.c - not written yet. */
#include "config.h"

#include "private.h"
