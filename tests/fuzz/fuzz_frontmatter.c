/* libFuzzer target: the front-matter parser (frontmatter.c) on any bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../gen/gen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* libFuzzer calls it */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct meaning *m = xcalloc(1, sizeof(*m));

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_reset(devnull);
	m->path = xstrdup("content/404.md");
	m->id = xstrdup("404");
	m->code = 404;
	m->klass = class_of_code(404);
	m->pos_start.line = m->pos_start.col = 1;
	fm_parse(m, (const char *)data, size, 2);
	meaning_free(m);
	return 0;
}
