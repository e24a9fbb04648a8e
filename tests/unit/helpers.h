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

	diag_flush();
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
	return meaning_new(path, id);
}

#endif
