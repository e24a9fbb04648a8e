/*
 * diag.c — diagnostics, collected and counted, never fatal.
 *
 * Every message of the program about its input goes through diag(), which
 * counts it and keeps it as one line `FILE:LINE:COL: SEVERITY: MESSAGE`.
 * diag_flush() prints what was kept, grouped by file (files in bytewise
 * order of their names) and, within a file, in line and column order, so
 * that a contributor reads each file's mistakes top to bottom whatever stage
 * found them and whichever thread ran it.  Each is exactly one line: the
 * file name and the message are written with control characters and
 * invisible code points escaped (put_visible), so that no value quoted from
 * a contributor's file can forge a line or reach the terminal raw.  Owns
 * nothing but its own list.
 */
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

struct held {
	enum diag_severity sev;
	const char *kind; /* the message's format: what kind of mistake */
	char *file;
	struct pos pos;
	size_t seq; /* order of arrival: ties keep it */
	char *line; /* the whole line, with its newline */
};

static atomic_int counts[DIAG__N];
static FILE *stream;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct held *held;
static size_t nheld, cap;
static int hidden;
static enum diag_format format = DIAG_FORMAT_TEXT;

/* How many diagnostics of one kind a file shows before only counting them. */
#define DIAG_MAX_KIND 20

static const char *const names[DIAG__N] = {"note", "warning", "error"};

/*
 * Appends s to b so that it stays on one line and shows what it holds:
 * control characters as \n, \r, \t or \xHH, invisible and direction-changing
 * code points as \uHHHH, bytes that are not UTF-8 as \xHH.  A file name or a
 * quoted value can then never start a line of its own that looks like
 * another diagnostic, nor send escape sequences to the terminal.
 */
static void
put_visible(struct buf *b, const char *s)
{
	size_t i = 0, start, bad;

	while (s[i]) {
		unsigned char c = (unsigned char)s[i];
		int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		uint32_t cp;

		if (c < 0x80) {
			if (c == '\n')
				buf_puts(b, "\\n");
			else if (c == '\r')
				buf_puts(b, "\\r");
			else if (c == '\t')
				buf_puts(b, "\\t");
			else if (c < 0x20 || c == 0x7f)
				buf_printf(b, "\\x%02x", c);
			else
				buf_add(b, s + i, 1);
			i++;
			continue;
		}
		if (strnlen(s + i, (size_t)n) < (size_t)n || !utf8_valid(s + i, (size_t)n, &bad)) {
			buf_printf(b, "\\x%02x", c);
			i++;
			continue;
		}
		start = i;
		cp = utf8_next(s, &i);
		if (cp_invisible(cp) || cp_control(cp))
			buf_printf(b, cp > 0xffff ? "\\U%08x" : "\\u%04x", (unsigned)cp);
		else
			buf_add(b, s + start, i - start);
	}
}

/*
 * Appends s as the data of a GitHub workflow command: '%', CR and LF are
 * percent-encoded, and in a property value (`property`) ':' and ',' too.
 * s has been through put_visible, so it holds no raw line break.
 */
static void
put_github(struct buf *b, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%')
			buf_puts(b, "%25");
		else if (property && *s == ':')
			buf_puts(b, "%3A");
		else if (property && *s == ',')
			buf_puts(b, "%2C");
		else
			buf_add(b, s, 1);
	}
}

/* Appends the line of one diagnostic, in the chosen format, to b. */
static void
format_line(struct buf *b, enum diag_severity sev, const char *file, struct pos p, const char *msg)
{
	static const char *const github[DIAG__N] = {"notice", "warning", "error"};
	struct buf f = {0}, m = {0};

	put_visible(&f, file);
	put_visible(&m, msg);
	if (format == DIAG_FORMAT_GITHUB) {
		buf_printf(b, "::%s file=", github[sev]);
		put_github(b, f.s ? f.s : "", 1);
		if (p.line > 0)
			buf_printf(b, ",line=%d", p.line);
		if (p.line > 0 && p.col > 0)
			buf_printf(b, ",col=%d", p.col);
		buf_puts(b, "::");
		put_github(b, m.s ? m.s : "", 0);
	} else {
		buf_puts(b, f.s ? f.s : "");
		if (p.line > 0 && p.col > 0)
			buf_printf(b, ":%d:%d: %s: ", p.line, p.col, names[sev]);
		else if (p.line > 0)
			buf_printf(b, ":%d: %s: ", p.line, names[sev]);
		else
			buf_printf(b, ": %s: ", names[sev]);
		buf_puts(b, m.s ? m.s : "");
	}
	buf_add(b, "\n", 1);
	buf_free(&f);
	buf_free(&m);
}

void
diag_set_format(enum diag_format f)
{
	format = f;
}

void
vdiag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, va_list ap)
{
	struct buf b = {0}, msg = {0};

	buf_vprintf(&msg, fmt, ap);
	format_line(&b, sev, file, p, msg.s ? msg.s : "");
	buf_free(&msg);

	counts[sev]++;
	pthread_mutex_lock(&lock);
	if (nheld == cap) {
		cap = cap ? 2 * cap : 64;
		held = xrealloc(held, cap * sizeof(*held));
	}
	held[nheld].sev = sev;
	held[nheld].kind = fmt;
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

/* Returns 1 if the sorted held[i] repeats a line held before it at the same
 * place. */
static int
printed_before(size_t i)
{
	size_t j;

	for (j = i; j-- > 0;) {
		if (strcmp(held[j].file, held[i].file) != 0 ||
		    held[j].pos.line != held[i].pos.line || held[j].pos.col != held[i].pos.col)
			return 0;
		if (strcmp(held[j].line, held[i].line) == 0)
			return 1;
	}
	return 0;
}

/* One kind of mistake in one file: how many of its lines were printed and
 * where the first was. */
struct kind_count {
	const char *kind;
	size_t printed, more;
	struct pos first;
};

/* Prints, for each kind of the file whose diagnostics were just printed,
 * how many more there were; empties the list. */
static void
print_more(FILE *f, const char *file, struct kind_count *k, size_t *nk)
{
	struct pos none = {0, 0};
	struct buf b = {0};
	size_t i;

	for (i = 0; i < *nk; i++) {
		char *msg;
		if (!k[i].more)
			continue;
		msg = xasprintf("%zu more like the one at line %d, column %d, not shown", k[i].more,
		                k[i].first.line, k[i].first.col);
		format_line(&b, DIAG_NOTE, file, none, msg);
		fputs(b.s, f);
		b.len = 0;
		free(msg);
	}
	buf_free(&b);
	*nk = 0;
}

void
diag_flush(void)
{
	FILE *f = stream ? stream : stderr;
	struct kind_count *k = NULL;
	size_t i, j, nk = 0, kcap = 0;

	pthread_mutex_lock(&lock);
	if (nheld > 1)
		qsort(held, nheld, sizeof(*held), cmp_held);
	for (i = 0; i < nheld; i++) {
		/* The same line twice (a template's mistake met by every page
		 * kind that shares it) is printed and counted once. */
		if (printed_before(i)) {
			counts[held[i].sev]--;
			continue;
		}
		if (i > 0 && strcmp(held[i].file, held[i - 1].file) != 0)
			print_more(f, held[i - 1].file, k, &nk);
		/* A file's first DIAG_MAX_KIND mistakes of each kind, then a count. */
		for (j = 0; j < nk && k[j].kind != held[i].kind; j++)
			;
		if (j == nk) {
			if (nk == kcap) {
				kcap = kcap ? 2 * kcap : 16;
				k = xrealloc(k, kcap * sizeof(*k));
			}
			k[nk++] = (struct kind_count){held[i].kind, 0, 0, held[i].pos};
		}
		if (k[j].printed < DIAG_MAX_KIND) {
			k[j].printed++;
			fputs(held[i].line, f);
		} else {
			k[j].more++;
			hidden++;
		}
	}
	if (nheld > 0)
		print_more(f, held[nheld - 1].file, k, &nk);
	free(k);
	for (i = 0; i < nheld; i++) {
		free(held[i].line);
		free(held[i].file);
	}
	free(held);
	held = NULL;
	nheld = cap = 0;
	pthread_mutex_unlock(&lock);
	fflush(f);
}

int
diag_hidden(void)
{
	return hidden;
}

void
diag_reset(FILE *f)
{
	diag_flush();
	stream = f;
	counts[DIAG_NOTE] = counts[DIAG_WARNING] = counts[DIAG_ERROR] = 0;
	hidden = 0;
}
