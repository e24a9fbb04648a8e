/*
 * strmap.c — a map from strings (not owned) to numbers: open addressing,
 * linear probing, at most half full, no allocation per key.  zhconv.c keeps
 * its cache in one: thousands of texts, each looked up every build, as
 * pointers into the cache file.
 * Owns its slots, not its keys.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* Eight bytes at a time (Chinese is 3 bytes a character), multiplied and
 * rotated as FxHash does, then mixed. */
uint64_t
str_hash(const char *s, size_t n)
{
	uint64_t h = n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (((h << 5) | (h >> 59)) ^ w) * 0x9e3779b97f4a7c15ULL;
	}
	if (n) {
		w = 0;
		memcpy(&w, s, n);
		h = (((h << 5) | (h >> 59)) ^ w) * 0x9e3779b97f4a7c15ULL;
	}
	return h ^ (h >> 29);
}

/* Returns the slot of key s[0..n) in m: its own, or the empty one where it
 * goes. */
static struct strmap_slot *
slot_of(const struct strmap *m, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->v[i].key &&
	       !(m->v[i].hash == h && m->v[i].len == n && memcmp(m->v[i].key, s, n) == 0))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

/* Returns the number of key s[0..n) in m, or -1. */
long
strmap_get(const struct strmap *m, const char *s, size_t n)
{
	struct strmap_slot *at;

	if (m->n == 0)
		return -1;
	at = slot_of(m, s, n, str_hash(s, n));
	return at->key ? at->value : -1;
}

/* Puts key s[0..n) (kept, not copied) with number v in m, unless there. */
void
strmap_put(struct strmap *m, const char *s, size_t n, long v)
{
	uint64_t h = str_hash(s, n);
	struct strmap_slot *at;

	if (2 * (m->n + 1) > m->cap) {
		struct strmap bigger = {
		    xcalloc(m->cap ? 2 * m->cap : 1024, sizeof(struct strmap_slot)),
		    m->cap ? 2 * m->cap : 1024, m->n};
		size_t i;
		for (i = 0; i < m->cap; i++)
			if (m->v[i].key)
				*slot_of(&bigger, m->v[i].key, m->v[i].len, m->v[i].hash) = m->v[i];
		free(m->v);
		*m = bigger;
	}
	at = slot_of(m, s, n, h);
	if (at->key)
		return;
	at->key = s;
	at->len = n;
	at->hash = h;
	at->value = v;
	m->n++;
}

void
strmap_free(struct strmap *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}
