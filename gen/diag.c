/*
 * diag.c — diagnostics, collected and counted, never fatal.
 *
 * Every message of the program about its input goes through diag(), which
 * prints one line `FILE:LINE:COL: SEVERITY: MESSAGE` to stderr and counts it,
 * so that checking can go on and report every mistake in one run.
 */
#include <stdarg.h>
#include <stdio.h>

#include "gen.h"

static int counts[DIAG__N];
static FILE *stream;

static const char *const names[DIAG__N] = {"note", "warning", "error"};

void
vdiag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, va_list ap)
{
	FILE *f = stream ? stream : stderr;

	counts[sev]++;
	if (p.line > 0 && p.col > 0)
		fprintf(f, "%s:%d:%d: %s: ", file, p.line, p.col, names[sev]);
	else if (p.line > 0)
		fprintf(f, "%s:%d: %s: ", file, p.line, names[sev]);
	else
		fprintf(f, "%s: %s: ", file, names[sev]);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
}

void
diag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(sev, file, p, fmt, ap);
	va_end(ap);
}

int
diag_count(enum diag_severity sev)
{
	return counts[sev];
}

/* Sends diagnostics to `f` (NULL: stderr) and resets the counts; for tests. */
void
diag_reset(FILE *f)
{
	stream = f;
	counts[DIAG_NOTE] = counts[DIAG_WARNING] = counts[DIAG_ERROR] = 0;
}
