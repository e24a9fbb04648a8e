/*
 * zhconv.c — Simplified Chinese to Traditional in Taiwan usage, with OpenCC:
 * OpenCC's s2twp chain plus the project's own phrase table for HTTP and web
 * terms (data/opencc/http-zh-tw.txt).  The search index carries the Taiwan
 * forms of every title and alias, and the Traditional form of each of its
 * characters, so that a query typed in Traditional characters finds its
 * code.  Opening OpenCC is the costly part (its dictionaries load), so one
 * handle serves a whole build and callers convert many lines in one call.
 * The chain it opens, s2twp-http-search.json, is s2twp-http.json without
 * OpenCC's STPhrases (50 000 phrases, 90 ms to load, more than the rest of
 * a build): on short names its only use is picking the Traditional form of
 * a character that has several, which our phrase table does for the words
 * of the content; tests/opencc-check.sh proves that both chains convert
 * every title and alias of the content alike.
 * Owns the OpenCC handle; one thread at a time may convert with a zhconv.
 */
#include <opencc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen.h"

#define TW_CONFIG "s2twp-http-search.json"

struct zhconv {
	opencc_t tw; /* Simplified → Taiwan usage, with phrases */
};

static const struct pos nopos = {0, 0};

struct zhconv *
zhconv_open(const char *dir)
{
	struct zhconv *z;
	char *tw, **names = NULL, *bad = NULL;
	int n, i;

	/* OpenCC opens the files itself: only regular files may be there (a
	 * FIFO would block it, a link bring in text from elsewhere). */
	n = dir_list(dir, &names);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;
		if (bad == NULL && (lstat(path, &st) == -1 || !S_ISREG(st.st_mode)))
			bad = xstrdup(path);
		free(path);
		free(names[i]);
	}
	free(names);
	if (bad) {
		diag(DIAG_ERROR, bad, nopos,
		     "not a regular file; OpenCC's folder holds only files");
		free(bad);
		return NULL;
	}
	z = xcalloc(1, sizeof(*z));
	tw = path_join(dir, TW_CONFIG);
	z->tw = opencc_open(tw);
	if (z->tw == (opencc_t)-1) {
		diag(DIAG_ERROR, tw, nopos, "OpenCC cannot load it: %s", opencc_error());
		free(tw);
		free(z);
		return NULL;
	}
	free(tw);
	return z;
}

void
zhconv_close(struct zhconv *z)
{
	if (z == NULL)
		return;
	opencc_close(z->tw);
	free(z);
}

char *
zhconv_tw(struct zhconv *z, const char *s)
{
	char *out = opencc_convert_utf8(z->tw, s, strlen(s)), *copy;

	if (out == NULL)
		oom(); /* OpenCC fails only when it cannot allocate */
	copy = xstrdup(out);
	opencc_convert_utf8_free(out);
	return copy;
}
