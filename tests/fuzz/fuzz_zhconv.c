/* libFuzzer target: the text-only conversion to Traditional Chinese
 * (zhconv_texts) on any bytes, as HTML and as plain text.  OpenCC's tables
 * and ours only hold Chinese, so whatever the input, the output must keep
 * every ASCII byte of it in order: the input and the output read alike once
 * their non-ASCII bytes are dropped.  Anything else aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/gen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* libFuzzer calls it */

/* Returns s without its non-ASCII bytes; the caller frees it. */
static char *
ascii_of(const char *s)
{
	char *a = xmalloc(strlen(s) + 1), *p = a;

	for (; *s; s++)
		if ((unsigned char)*s < 0x80)
			*p++ = *s;
	*p = '\0';
	return a;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	static struct zhconv *z;
	const char *in;
	char *text, **out, *a, *b;
	size_t bad;
	int html;

	if (devnull == NULL) {
		devnull = fopen("/dev/null", "w");
		diag_reset(devnull);
		if ((z = zhconv_open("data/opencc", NULL)) == NULL)
			abort();
	}
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (!utf8_valid(text, strlen(text), &bad)) { /* what the content's reader lets through */
		free(text);
		return 0;
	}
	in = text;
	for (html = 0; html <= 1; html++) {
		out = zhconv_texts(z, &in, 1, html);
		a = ascii_of(in);
		b = ascii_of(out[0]);
		if (strcmp(a, b) != 0)
			abort();
		free(a);
		free(b);
		free(out[0]);
		free(out);
	}
	free(text);
	return 0;
}
