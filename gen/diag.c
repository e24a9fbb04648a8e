/*
 * diag.c — diagnostics, collected and counted, never fatal.
 *
 * Every message of the program about its input goes through diag(), which
 * counts it and keeps it as one line `FILE:LINE:COL: SEVERITY: MESSAGE`.
 * diag_flush() prints what was kept, grouped by file (files in bytewise
 * order of their names) and, within a file, in line and column order, so
 * that a contributor reads each file's mistakes top to bottom whatever stage
 * found them and whichever thread ran it.  Owns nothing but its own list.
 */
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

struct held {
	char *file;
	struct pos pos;
	size_t seq; /* order of arrival: ties keep it */
	char *line; /* the whole line, with its newline */
};

static atomic_int counts[DIAG__N];
static FILE *stream;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct held *held;
static size_t nheld;

static const char *const names[DIAG__N] = {"note", "warning", "error"};

void
vdiag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, va_list ap)
{
	struct buf b = {0};

	if (p.line > 0 && p.col > 0)
		buf_printf(&b, "%s:%d:%d: %s: ", file, p.line, p.col, names[sev]);
	else if (p.line > 0)
		buf_printf(&b, "%s:%d: %s: ", file, p.line, names[sev]);
	else
		buf_printf(&b, "%s: %s: ", file, names[sev]);
	buf_vprintf(&b, fmt, ap);
	buf_add(&b, "\n", 1);

	counts[sev]++;
	pthread_mutex_lock(&lock);
	held = xrealloc(held, (nheld + 1) * sizeof(*held));
	held[nheld].file = xstrdup(file);
	held[nheld].pos = p;
	held[nheld].seq = nheld;
	held[nheld].line = buf_detach(&b);
	nheld++;
	pthread_mutex_unlock(&lock);
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

/* File, then line, then column, then arrival: a whole-file message
 * (line 0) comes before the file's positioned ones. */
static int
cmp_held(const void *a, const void *b)
{
	const struct held *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void
diag_xml_error(void *ctx, xmlErrorPtr e)
{
	struct xml_errors *xe = ctx;
	struct pos p = {e->line, e->int2 > 0 ? e->int2 : 0};
	const char *msg = e->message ? e->message : "malformed XML";
	size_t n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	diag(DIAG_ERROR, xe->path, p, "%s: %.*s", xe->what, (int)n, msg);
	xe->errors++;
}

void
diag_flush(void)
{
	FILE *f = stream ? stream : stderr;
	size_t i;

	pthread_mutex_lock(&lock);
	if (nheld > 1)
		qsort(held, nheld, sizeof(*held), cmp_held);
	for (i = 0; i < nheld; i++) {
		fputs(held[i].line, f);
		free(held[i].line);
		free(held[i].file);
	}
	free(held);
	held = NULL;
	nheld = 0;
	pthread_mutex_unlock(&lock);
	fflush(f);
}

void
diag_reset(FILE *f)
{
	diag_flush();
	stream = f;
	counts[DIAG_NOTE] = counts[DIAG_WARNING] = counts[DIAG_ERROR] = 0;
}
