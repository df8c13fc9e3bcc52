/* format.c - report format names and extensions. */
#include "config.h"

#include <string.h>

#include "private.h"

static const struct {
	const char *name;
	oaip_format format;
} names[] = {
    {"markdown", OAIP_FORMAT_MARKDOWN}, {"md", OAIP_FORMAT_MARKDOWN},
    {"html", OAIP_FORMAT_HTML},         {"htm", OAIP_FORMAT_HTML},
    {"json", OAIP_FORMAT_JSON},         {"csv", OAIP_FORMAT_CSV},
    {"xlsx", OAIP_FORMAT_XLSX},
};

bool oaip_format_parse(const char *name, oaip_format *f)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (oaip_strcasecmp(name, names[i].name) == 0) {
			*f = names[i].format;
			return true;
		}
	return false;
}

bool oaip_format_from_path(const char *path, oaip_format *f)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	if (!dot || !dot[1])
		return false;
	if (oaip_strcasecmp(dot + 1, "markdown") == 0) {
		*f = OAIP_FORMAT_MARKDOWN;
		return true;
	}
	return oaip_format_parse(dot + 1, f);
}

const char *oaip_format_name(oaip_format f)
{
	switch (f) {
	case OAIP_FORMAT_MARKDOWN:
		return "markdown";
	case OAIP_FORMAT_HTML:
		return "html";
	case OAIP_FORMAT_JSON:
		return "json";
	case OAIP_FORMAT_CSV:
		return "csv";
	case OAIP_FORMAT_XLSX:
		return "xlsx";
	}
	return "?";
}

const char *oaip_format_ext(oaip_format f)
{
	return f == OAIP_FORMAT_MARKDOWN ? "md" : oaip_format_name(f);
}
