/* framework_ask.c - the parent carers' statements (<ask>) of a framework:
 * short codes, the checks a schema cannot make, lookup by code, and the
 * one way column headings and statements are compared. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "framework_impl.h"

/* ------------------------------------------------------------------ */
/* Comparing texts loosely                                            */

/* Length of the UTF-8 sequence starting with byte c (1 for anything that
 * is not a valid lead byte, so bad bytes are passed over one by one). */
static size_t seq_len(unsigned char c)
{
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 1;
}

static unsigned long decode(const unsigned char *s, size_t n)
{
	if (n == 2)
		return ((s[0] & 0x1Ful) << 6) | (s[1] & 0x3F);
	if (n == 3)
		return ((s[0] & 0x0Ful) << 12) | ((s[1] & 0x3Ful) << 6) |
		       (s[2] & 0x3F);
	return ((s[0] & 0x07ul) << 18) | ((s[1] & 0x3Ful) << 12) |
	       ((s[2] & 0x3Ful) << 6) | (s[3] & 0x3F);
}

/* Spaces, quotes, dashes and other punctuation outside ASCII: Latin-1's
 * symbols (U+00A0-U+00BF, U+00D7, U+00F7), General Punctuation
 * (U+2000-U+206F, every kind of quote, dash and space), the ideographic
 * space and the byte order mark. */
static bool is_punct_cp(unsigned long cp)
{
	return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	       (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

void oaip_match_key(oaip_buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				oaip_buf_putc(out, (char)(c - 'A' + 'a'));
			else if ((c >= 'a' && c <= 'z') ||
			         (c >= '0' && c <= '9'))
				oaip_buf_putc(out, (char)c);
			i++;
			continue;
		}
		size_t k = seq_len(c);
		bool whole = k > 1 && i + k <= n;
		for (size_t j = 1; whole && j < k; j++)
			if ((p[i + j] & 0xC0) != 0x80)
				whole = false;
		if (!whole) {
			oaip_buf_putc(out, (char)c);
			i++;
			continue;
		}
		if (!is_punct_cp(decode(p + i, k)))
			oaip_buf_putn(out, s + i, k);
		i += k;
	}
	/* An empty key is still a string. */
	oaip_buf_putn(out, "", 0);
}

/* ------------------------------------------------------------------ */
/* Codes and checks                                                   */

static const char code_letter[OAIP_N_CORNERSTONES] = {'W', 'V', 'C', 'P'};

/* Characters, not bytes: every byte that does not continue a sequence
 * starts one. */
static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

bool oaip_framework_asks_finish(oaip_framework *fw, const char *name,
                                oaip_diags *d)
{
	size_t next[OAIP_N_CORNERSTONES] = {0};
	for (size_t i = 0; i < fw->n_indicators; i++) {
		oaip_indicator *ind = &fw->indicators[i];
		snprintf(ind->code, sizeof ind->code, "%c%zu",
		         code_letter[ind->cornerstone],
		         ++next[ind->cornerstone]);
	}

	/* Keys of the asks, to find two that a reader could not tell apart
	 * (the survey matches columns by them).  Frameworks are small:
	 * comparing each pair is fine. */
	char **keys =
	    calloc(fw->n_indicators ? fw->n_indicators : 1, sizeof *keys);
	if (!keys)
		return false;
	bool ok = true;
	for (size_t i = 0; i < fw->n_indicators && ok; i++) {
		const oaip_indicator *ind = &fw->indicators[i];
		if (!ind->ask)
			continue;
		size_t chars = count_chars(ind->ask);
		if (chars > OAIP_ASK_MAX)
			oaip_diags_add(
			    d, OAIP_ERROR, name, ind->ask_line,
			    "ask of indicator '%s' is %zu characters "
			    "long: at most %d fit on a form",
			    ind->id ? ind->id : "?", chars, OAIP_ASK_MAX);
		oaip_buf k;
		oaip_buf_init(&k);
		oaip_match_key(&k, ind->ask, strlen(ind->ask));
		keys[i] = oaip_buf_detach(&k);
		if (!keys[i]) {
			ok = false;
			break;
		}
		for (size_t j = 0; j < i; j++)
			if (keys[j] && strcmp(keys[j], keys[i]) == 0) {
				oaip_diags_add(
				    d, OAIP_ERROR, name, ind->ask_line,
				    "ask of indicator '%s' is the same as the "
				    "ask of '%s' (line %ld): each question "
				    "must "
				    "be different",
				    ind->id ? ind->id : "?",
				    fw->indicators[j].id ? fw->indicators[j].id
				                         : "?",
				    fw->indicators[j].ask_line);
				break;
			}
	}
	for (size_t i = 0; i < fw->n_indicators; i++)
		free(keys[i]);
	free(keys);
	return ok;
}

bool oaip_framework_has_asks(const oaip_framework *fw)
{
	for (size_t i = 0; i < fw->n_indicators; i++)
		if (fw->indicators[i].ask)
			return true;
	return false;
}

long oaip_framework_find_code(const oaip_framework *fw, const char *code)
{
	for (size_t i = 0; i < fw->n_indicators; i++)
		if (oaip_strcasecmp(fw->indicators[i].code, code) == 0)
			return (long)i;
	return -1;
}
