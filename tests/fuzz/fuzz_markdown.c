/* libFuzzer target: the Markdown stages (markdown.c): language split, link
 * checks, raw HTML removal (md_check), link rewriting and rendering (md_render). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../gen/gen.h"

static struct meaning *
meaning(const char *id)
{
	char *path = xasprintf("content/%s.md", id);
	struct meaning *m = meaning_new(path, id);

	free(path);
	return m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* libFuzzer calls it */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct corpus *c = corpus_new("content");

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_reset(devnull);
	corpus_add(c, meaning("404"));
	corpus_add(c, meaning("410"));
	corpus_add(c, meaning("499-nginx"));
	corpus_sort(c);
	c->m[0]->body = xstrndup((const char *)data, size);
	c->m[0]->body_line = 20;
	md_check(c->m[0], c);
	md_render(c->m[0], c);
	corpus_free(c);
	return 0;
}
