/*
 * diag.c — diagnostics, collected and counted, never fatal.
 *
 * Every message of the program about its input goes through diag(), which
 * prints one line `FILE:LINE:COL: SEVERITY: MESSAGE` to stderr and counts it,
 * so that checking can go on and report every mistake in one run.
 */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

#include "gen.h"

static atomic_int counts[DIAG__N];
static FILE *stream;
static _Thread_local struct buf *capture_to; /* see diag_capture() */

static const char *const names[DIAG__N] = {"note", "warning", "error"};

void
vdiag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, va_list ap)
{
	FILE *f = stream ? stream : stderr;

	counts[sev]++;
	if (capture_to) {
		char line[1024];
		int n;
		if (p.line > 0 && p.col > 0)
			n = snprintf(line, sizeof(line), "%s:%d:%d: %s: ", file, p.line, p.col, names[sev]);
		else if (p.line > 0)
			n = snprintf(line, sizeof(line), "%s:%d: %s: ", file, p.line, names[sev]);
		else
			n = snprintf(line, sizeof(line), "%s: %s: ", file, names[sev]);
		if (n > 0 && (size_t)n < sizeof(line))
			vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
		buf_puts(capture_to, line);
		buf_puts(capture_to, "\n");
		return;
	}
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

/*
 * While `b` is not NULL, this thread's diagnostics are appended to `b`
 * instead of printed (and still counted), so that work done in parallel can
 * report in a fixed order: see run_parallel().
 */
void
diag_capture(struct buf *b)
{
	capture_to = b;
}

/* Prints diagnostics captured earlier. */
void
diag_print(const struct buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, stream ? stream : stderr);
}

/* Sends diagnostics to `f` (NULL: stderr) and resets the counts; for tests. */
void
diag_reset(FILE *f)
{
	stream = f;
	counts[DIAG_NOTE] = counts[DIAG_WARNING] = counts[DIAG_ERROR] = 0;
}
