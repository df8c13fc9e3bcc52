/* builtin.c - the frameworks and the schema compiled into the binary
 * (the data is generated from frameworks/ by build-aux/embed.sh). */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "builtin_data.h"
#include "private.h"

/* More than enough for the frameworks shipped; extra files are ignored. */
#define MAX_BUILTINS 32
#define MAX_ID       64

static oaip_builtin builtins[MAX_BUILTINS];
static char builtin_ids[MAX_BUILTINS][MAX_ID];
static size_t n_builtins;
static pthread_once_t builtins_once = PTHREAD_ONCE_INIT;

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void init_builtins(void)
{
	for (size_t i = 0; i < oaip_n_embedded_files; i++) {
		const struct oaip_embedded *e = &oaip_embedded_files[i];
		if (!ends_with(e->name, ".xml") || n_builtins == MAX_BUILTINS)
			continue;
		size_t n = strlen(e->name) - 4;
		if (n == 0 || n >= MAX_ID)
			continue;
		memcpy(builtin_ids[n_builtins], e->name, n);
		builtin_ids[n_builtins][n] = '\0';
		oaip_builtin *b = &builtins[n_builtins++];
		b->id = builtin_ids[n_builtins - 1];
		b->filename = e->name;
		b->xml = e->data;
		b->len = e->len;
	}
}

size_t oaip_builtin_count(void)
{
	pthread_once(&builtins_once, init_builtins);
	return n_builtins;
}

const oaip_builtin *oaip_builtin_get(size_t i)
{
	pthread_once(&builtins_once, init_builtins);
	return i < n_builtins ? &builtins[i] : NULL;
}

const oaip_builtin *oaip_builtin_find(const char *id)
{
	pthread_once(&builtins_once, init_builtins);
	if (!id)
		return NULL;
	for (size_t i = 0; i < n_builtins; i++)
		if (oaip_strcasecmp(builtins[i].id, id) == 0)
			return &builtins[i];
	return NULL;
}

const char *oaip_builtin_default(void)
{
	return "devon";
}

const char *oaip_framework_schema(size_t *len)
{
	for (size_t i = 0; i < oaip_n_embedded_files; i++)
		if (ends_with(oaip_embedded_files[i].name, ".rng")) {
			if (len)
				*len = oaip_embedded_files[i].len;
			return oaip_embedded_files[i].data;
		}
	if (len)
		*len = 0;
	return "";
}
