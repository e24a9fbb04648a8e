/*
 * zhconv.c — Simplified Chinese to Traditional, with OpenCC.
 *
 * Two conversions: Taiwan usage with phrases (OpenCC's s2twp chain plus the
 * project's own phrase table for HTTP and web terms, data/opencc/
 * s2twp-http.json), and plain character-by-character Traditional (OpenCC's
 * s2t).  The search index carries both forms of every title and alias, so a
 * query typed in Traditional characters finds its code.  Owns the two
 * OpenCC handles; one thread at a time may convert with a zhconv.
 */
#include <opencc.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define TW_CONFIG "s2twp-http.json"
#define T_CONFIG "s2t.json"

struct zhconv {
	opencc_t tw; /* Simplified → Taiwan usage, with phrases */
	opencc_t t;  /* Simplified → Traditional characters */
};

static const struct pos nopos = {0, 0};

struct zhconv *
zhconv_open(const char *dir)
{
	struct zhconv *z = xcalloc(1, sizeof(*z));
	char *tw = path_join(dir, TW_CONFIG);

	z->tw = opencc_open(tw);
	if (z->tw == (opencc_t)-1)
		diag(DIAG_ERROR, tw, nopos, "OpenCC cannot load it: %s", opencc_error());
	z->t = opencc_open(T_CONFIG);
	if (z->t == (opencc_t)-1)
		diag(DIAG_ERROR, T_CONFIG, nopos, "OpenCC cannot load its s2t configuration: %s",
		     opencc_error());
	free(tw);
	if (z->tw == (opencc_t)-1 || z->t == (opencc_t)-1) {
		zhconv_close(z);
		return NULL;
	}
	return z;
}

void
zhconv_close(struct zhconv *z)
{
	if (z == NULL)
		return;
	if (z->tw && z->tw != (opencc_t)-1)
		opencc_close(z->tw);
	if (z->t && z->t != (opencc_t)-1)
		opencc_close(z->t);
	free(z);
}

/* Returns s converted by handle h; the caller frees it. */
static char *
convert(opencc_t h, const char *s)
{
	char *out = opencc_convert_utf8(h, s, strlen(s)), *copy;

	if (out == NULL)
		oom(); /* OpenCC fails only when it cannot allocate */
	copy = xstrdup(out);
	opencc_convert_utf8_free(out);
	return copy;
}

char *
zhconv_tw(struct zhconv *z, const char *s)
{
	return convert(z->tw, s);
}

char *
zhconv_t(struct zhconv *z, const char *s)
{
	return convert(z->t, s);
}
