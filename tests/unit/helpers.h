/* Helpers shared by the unit tests. */
#ifndef TEST_HELPERS_H
#define TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/gen.h"

/* Diagnostics go to a temporary file; captured() returns what was printed. */
static FILE *diag_file;

static inline void
capture(void)
{
	if (diag_file)
		fclose(diag_file);
	diag_file = tmpfile();
	diag_reset(diag_file);
}

/* Returns everything reported since capture() (static buffer). */
static inline const char *
captured(void)
{
	static char buf[1 << 16];
	size_t n;

	fflush(diag_file);
	rewind(diag_file);
	n = fread(buf, 1, sizeof(buf) - 1, diag_file);
	buf[n] = '\0';
	return buf;
}

/* A meaning for file `path` as content.c would set it up before parsing. */
static inline struct meaning *
meaning_for(const char *path, const char *id)
{
	struct meaning *m = xcalloc(1, sizeof(*m));
	const char *slug;

	m->path = xstrdup(path);
	m->id = xstrdup(id);
	id_parse(id, &m->code, &slug);
	m->slug = slug ? m->id + 4 : NULL;
	m->klass = class_of_code(m->code);
	m->pos_start.line = m->pos_start.col = 1;
	return m;
}

#endif
