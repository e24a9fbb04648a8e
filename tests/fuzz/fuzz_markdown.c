/* libFuzzer target: the Markdown stage (markdown.c): language split, link
 * checks and rewriting, raw HTML removal, rendering. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../gen/gen.h"

static struct meaning *
meaning(const char *id)
{
	struct meaning *m = xcalloc(1, sizeof(*m));
	const char *slug;

	m->path = xasprintf("content/%s.md", id);
	m->id = xstrdup(id);
	id_parse(id, &m->code, &slug);
	m->slug = slug ? m->id + 4 : NULL;
	return m;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct corpus *c = xcalloc(1, sizeof(*c));

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_reset(devnull);
	c->nm = 3;
	c->m = xcalloc(3, sizeof(*c->m));
	c->m[0] = meaning("404");
	c->m[1] = meaning("410");
	c->m[2] = meaning("499-nginx");
	c->m[0]->body = xstrndup((const char *)data, size);
	c->m[0]->body_line = 20;
	md_render(c->m[0], c);
	corpus_free(c);
	return 0;
}
