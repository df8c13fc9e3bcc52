/* cornerstones.c - the Four Cornerstones of co-production (Rotherham
 * Charter, Genuine Partnerships), defined once.  The ids and titles are the
 * charter's; the one-line descriptions are oaip-eval's own summaries, and
 * are shown as such, never as a framework's words. */
#include "config.h"

#include <string.h>

#include "private.h"

static const struct {
	const char *id;
	const char *title;
	const char *description;
} cornerstones[OAIP_N_CORNERSTONES] = {
    {"welcome-and-care", "Welcome and Care",
     "Parent carers feel welcome, cared about and supported by the school "
     "or setting."},
    {"value-and-include", "Value and Include",
     "Parent carers are valued and included, their needs understood and "
     "their strengths recognised."},
    {"communicate", "Communicate",
     "Communication with parent carers is clear, timely, two-way and "
     "respectful."},
    {"work-in-partnership", "Work in Partnership",
     "Parent carers are equal partners in planning, decisions and "
     "improvement."},
};

const char *oaip_cornerstone_id(oaip_cornerstone c)
{
	return (unsigned)c < OAIP_N_CORNERSTONES ? cornerstones[c].id : "?";
}

const char *oaip_cornerstone_title(oaip_cornerstone c)
{
	return (unsigned)c < OAIP_N_CORNERSTONES ? cornerstones[c].title : "?";
}

const char *oaip_cornerstone_description(oaip_cornerstone c)
{
	return (unsigned)c < OAIP_N_CORNERSTONES ? cornerstones[c].description
	                                         : "?";
}

int oaip_cornerstone_from_id(const char *id)
{
	for (int i = 0; i < OAIP_N_CORNERSTONES; i++)
		if (oaip_strcasecmp(id, cornerstones[i].id) == 0)
			return i;
	return -1;
}

static const struct {
	unsigned bit;
	const char *name;
} phases[] = {
    {OAIP_PHASE_EARLY_YEARS, "early-years"},
    {OAIP_PHASE_SCHOOL, "school"},
    {OAIP_PHASE_POST16, "post-16"},
    /* Aliases: what schools call their phase. */
    {OAIP_PHASE_EARLY_YEARS, "eyfs"},
    {OAIP_PHASE_EARLY_YEARS, "nursery"},
    {OAIP_PHASE_EARLY_YEARS, "reception"},
    {OAIP_PHASE_EARLY_YEARS, "early-years-foundation-stage"},
    {OAIP_PHASE_SCHOOL, "primary"},
    {OAIP_PHASE_SCHOOL, "secondary"},
    {OAIP_PHASE_POST16, "post16"},
    {OAIP_PHASE_POST16, "sixth-form"},
    {OAIP_PHASE_POST16, "6th-form"},
    {OAIP_PHASE_POST16, "fe"},
};

unsigned oaip_phase_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof phases / sizeof phases[0]; i++)
		if (oaip_strcasecmp(name, phases[i].name) == 0)
			return phases[i].bit;
	return 0;
}

const char *oaip_phase_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof phases / sizeof phases[0]; i++)
		if (phases[i].bit == bit)
			return phases[i].name;
	return "?";
}

bool oaip_phase_parse(const char *text, unsigned *mask)
{
	*mask = 0;
	bool any = false;
	const char *p = text;
	while (*p) {
		/* One phase: up to the next ',', ';', '/', '+' or '&'. */
		size_t n = strcspn(p, ",;/+&");
		char word[40];
		size_t k = 0;
		bool ok = true;
		for (size_t i = 0; i < n; i++) {
			char c = p[i];
			if (c == ' ' || c == '\t' || c == '_' || c == '-') {
				if (k && word[k - 1] != '-' && k < sizeof word)
					word[k++] = '-';
				continue;
			}
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (k + 1 >= sizeof word) {
				ok = false;
				break;
			}
			word[k++] = c;
		}
		while (k && word[k - 1] == '-')
			k--;
		if (k >= sizeof word)
			ok = false;
		if (!ok)
			return false;
		word[k] = '\0';
		if (k) {
			unsigned bit = 0;
			if (strcmp(word, "all") == 0 ||
			    strcmp(word, "all-phases") == 0)
				bit = OAIP_PHASE_ALL;
			else
				bit = oaip_phase_from_name(word);
			if (!bit)
				return false;
			*mask |= bit;
			any = true;
		}
		p += n;
		if (*p)
			p++;
	}
	return any;
}
