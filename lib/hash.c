/* hash.c - the one hash table: strings to numbers, by open addressing over
 * a power-of-two table kept at most half full; and the digest that tells
 * identical files apart. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* FNV-1a, over the lower-cased bytes when fold_case. */
static size_t hash(const char *s, bool fold_case)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		int c = (unsigned char)*s;
		h ^= (uint32_t)(fold_case ? lower(c) : c);
		h *= 16777619u;
	}
	return h;
}

static bool same(const oaip_strmap *m, const char *a, const char *b)
{
	return (m->fold_case ? oaip_strcasecmp(a, b) : strcmp(a, b)) == 0;
}

void oaip_strmap_init(oaip_strmap *m, bool fold_case)
{
	m->slots = NULL;
	m->mask = 0;
	m->n = 0;
	m->fold_case = fold_case;
}

void oaip_strmap_free(oaip_strmap *m)
{
	free(m->slots);
	oaip_strmap_init(m, m->fold_case);
}

static struct oaip_strmap_slot *find(const oaip_strmap *m, const char *key)
{
	size_t k = hash(key, m->fold_case) & m->mask;
	while (m->slots[k].key && !same(m, m->slots[k].key, key))
		k = (k + 1) & m->mask;
	return &m->slots[k];
}

static bool grow(oaip_strmap *m)
{
	size_t cap = m->slots ? (m->mask + 1) * 2 : 16;
	if (cap > SIZE_MAX / 2 / sizeof *m->slots)
		return false;
	struct oaip_strmap_slot *old = m->slots;
	size_t old_cap = m->slots ? m->mask + 1 : 0;
	m->slots = calloc(cap, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return false;
	}
	m->mask = cap - 1;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].key)
			*find(m, old[i].key) = old[i];
	free(old);
	return true;
}

bool oaip_strmap_put(oaip_strmap *m, const char *key, long value, long *old)
{
	if (old)
		*old = -1;
	if ((m->n + 1) * 2 > (m->slots ? m->mask + 1 : 0) && !grow(m))
		return false;
	struct oaip_strmap_slot *s = find(m, key);
	if (s->key) {
		if (old)
			*old = s->value;
		return true;
	}
	s->key = key;
	s->value = value;
	m->n++;
	return true;
}

long oaip_strmap_get(const oaip_strmap *m, const char *key)
{
	if (!m->slots || !key)
		return -1;
	const struct oaip_strmap_slot *s = find(m, key);
	return s->key ? s->value : -1;
}

/* One word into the digest: a multiply and a shift. */
static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDu;
	return h ^ (h >> 32);
}

/* Eight bytes at a time (each a single load), so a return of 8 KiB
 * costs about a thousand steps, not eight thousand. */
unsigned long long oaip_digest(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = mix(h, w);
	}
	if (n > 0) {
		uint64_t w = 0;
		memcpy(&w, p, n);
		h = mix(h, w);
	}
	return h ? h : 1;
}
