/* libFuzzer target: the decision guide's reader (guide.c) on any bytes,
 * against a corpus of three meanings that its leaves may name. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/gen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* libFuzzer calls it */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	static struct corpus *c;
	char *text;

	if (devnull == NULL) {
		devnull = fopen("/dev/null", "w");
		c = corpus_new("content");
		corpus_add(c, meaning_new("content/200.md", "200"));
		corpus_add(c, meaning_new("content/404.md", "404"));
		corpus_add(c, meaning_new("content/499-nginx.md", "499-nginx"));
		corpus_sort(c);
	}
	diag_reset(devnull);
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	guide_free(guide_parse("content/choose.yaml", text, size, c));
	free(text);
	return 0;
}
