/*
 * zhconv.c — Simplified Chinese to Traditional in Taiwan usage, with OpenCC:
 * OpenCC's s2twp chain plus the project's own phrase table for HTTP and web
 * terms (data/opencc/http-zh-tw.txt).  The search index carries the Taiwan
 * forms of every title and alias, and the Traditional form of each of its
 * characters, so that a query typed in Traditional characters finds its
 * code.  Opening OpenCC is the costly part (its dictionaries load), so one
 * handle serves a whole build and callers convert many lines in one call.
 * The chain it opens, s2twp-http-search.json, is s2twp-http.json without
 * OpenCC's STPhrases (50 000 phrases, 90 ms to load, more than the rest of
 * a build): on short names its only use is picking the Traditional form of
 * a character that has several, which our phrase table does for the words
 * of the content; tests/opencc-check.sh proves that both chains convert
 * every title and alias of the content alike.
 * zhconv_texts() converts only text: in HTML, never tags (but the values a
 * reader sees: title, alt, aria-label, placeholder), comments or code; and
 * it hands OpenCC only the runs of non-ASCII text, each distinct one once,
 * since no table has an entry with an ASCII character (OpenCC reads about
 * 2 MB of Chinese a second: the runs are what is worth its time).
 * Owns the OpenCC handle; one thread at a time may convert with a zhconv.
 */
#include <jansson.h>
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen.h"

#define TW_CONFIG "s2twp-http-search.json"

struct zhconv {
	opencc_t tw; /* Simplified → Taiwan usage, with phrases */
};

static const struct pos nopos = {0, 0};

struct zhconv *
zhconv_open(const char *dir)
{
	struct zhconv *z;
	char *tw, **names = NULL, *bad = NULL;
	int n, i;

	/* OpenCC opens the files itself: only regular files may be there (a
	 * FIFO would block it, a link bring in text from elsewhere). */
	n = dir_list(dir, &names);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;
		if (bad == NULL && (lstat(path, &st) == -1 || !S_ISREG(st.st_mode)))
			bad = xstrdup(path);
		free(path);
		free(names[i]);
	}
	free(names);
	if (bad) {
		diag(DIAG_ERROR, bad, nopos,
		     "not a regular file; OpenCC's folder holds only files");
		free(bad);
		return NULL;
	}
	z = xcalloc(1, sizeof(*z));
	tw = path_join(dir, TW_CONFIG);
	z->tw = opencc_open(tw);
	if (z->tw == (opencc_t)-1) {
		diag(DIAG_ERROR, tw, nopos, "OpenCC cannot load it: %s", opencc_error());
		free(tw);
		free(z);
		return NULL;
	}
	free(tw);
	return z;
}

void
zhconv_close(struct zhconv *z)
{
	if (z == NULL)
		return;
	opencc_close(z->tw);
	free(z);
}

char *
zhconv_tw(struct zhconv *z, const char *s)
{
	char *out = opencc_convert_utf8(z->tw, s, strlen(s)), *copy;

	if (out == NULL)
		oom(); /* OpenCC fails only when it cannot allocate */
	copy = xstrdup(out);
	opencc_convert_utf8_free(out);
	return copy;
}

/* ------------------------------------------------------------ text only */

/* A piece of a text: bytes copied as they are, or a run of non-ASCII text
 * that OpenCC converts (run: its index among the distinct runs). */
struct piece {
	size_t from, len;
	long run; /* -1: copied */
};

struct pieces {
	struct piece *v;
	size_t n, cap;
};

/* The distinct runs of every text, in order of first appearance. */
struct runs {
	json_t *index;     /* run → its number */
	struct buf joined; /* the runs, one a line: what OpenCC converts */
	long n;
};

static void
add_piece(struct pieces *p, size_t from, size_t len, long run)
{
	if (len == 0)
		return;
	if (run < 0 && p->n && p->v[p->n - 1].run < 0 &&
	    p->v[p->n - 1].from + p->v[p->n - 1].len == from) {
		p->v[p->n - 1].len += len; /* copied bytes next to copied bytes */
		return;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n].from = from;
	p->v[p->n].len = len;
	p->v[p->n].run = run;
	p->n++;
}

/* Splits s[from..to) into copied ASCII and runs of non-ASCII text: OpenCC's
 * tables and ours have no entry with an ASCII character in it, so a run is
 * converted alone exactly as it would be inside its sentence. */
static void
text_pieces(const char *s, size_t from, size_t to, struct pieces *p, struct runs *r)
{
	size_t i = from;

	while (i < to) {
		size_t start = i;
		json_t *at;
		long run;
		while (i < to && (unsigned char)s[i] < 0x80)
			i++;
		add_piece(p, start, i - start, -1);
		start = i;
		while (i < to && (unsigned char)s[i] >= 0x80)
			i++;
		if (i == start)
			break;
		if ((at = json_object_getn(r->index, s + start, i - start)) != NULL) {
			run = (long)json_integer_value(at);
		} else {
			run = r->n++;
			json_object_setn_new_nocheck(r->index, s + start, i - start,
			                             json_integer(run));
			buf_add(&r->joined, s + start, i - start);
			buf_add(&r->joined, "\n", 1);
		}
		add_piece(p, start, i - start, run);
	}
}

/* Returns where the element that starts at s[i] (a '<') ends, just after its
 * end tag, if it is one whose content is code and never converted; else 0. */
static size_t
code_element_end(const char *s, size_t i)
{
	static const char *const names[] = {"code", "pre", "script", "style", "kbd", "samp"};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(*names); k++) {
		size_t n = strlen(names[k]);
		char close[16];
		const char *end;
		if (strncmp(s + i + 1, names[k], n) != 0 ||
		    (s[i + 1 + n] != '>' && s[i + 1 + n] != ' '))
			continue;
		snprintf(close, sizeof(close), "</%s>", names[k]);
		end = strstr(s + i, close);
		return end ? (size_t)(end - s) + strlen(close) : strlen(s);
	}
	return 0;
}

/* The attributes whose values a reader sees or hears. */
static int
visible_attr(const char *s, size_t n)
{
	return (n == 5 && strncmp(s, "title", 5) == 0) || (n == 3 && strncmp(s, "alt", 3) == 0) ||
	       (n == 10 && strncmp(s, "aria-label", 10) == 0) ||
	       (n == 11 && strncmp(s, "placeholder", 11) == 0);
}

/* Splits the tag at s[i] (a '<') into pieces: only the values of visible
 * attributes are text.  Returns where the tag ends. */
static size_t
tag_pieces(const char *s, size_t i, struct pieces *p, struct runs *r)
{
	size_t j = i + 1, copied = i;

	while (s[j] && s[j] != '>') {
		size_t name = j, name_len, value;
		if (s[j] == ' ' || s[j] == '/' || s[j] == '\n') {
			j++;
			continue;
		}
		while (s[j] && !strchr(" =>/\n", s[j]))
			j++;
		name_len = j - name;
		if (s[j] != '=' || s[j + 1] != '"') {
			if (name_len == 0 && s[j])
				j++; /* a stray '=' */
			continue;
		}
		value = j + 2;
		j = value;
		while (s[j] && s[j] != '"')
			j++;
		if (visible_attr(s + name, name_len)) {
			add_piece(p, copied, value - copied, -1);
			text_pieces(s, value, j, p, r);
			copied = j;
		}
		if (s[j])
			j++;
	}
	if (s[j])
		j++;
	add_piece(p, copied, j - copied, -1);
	return j;
}

/* Splits HTML s into pieces: text outside tags, comments and code. */
static void
html_pieces(const char *s, struct pieces *p, struct runs *r)
{
	size_t i = 0, text = 0, end;

	while (s[i]) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		text_pieces(s, text, i, p, r);
		if (strncmp(s + i, "<!--", 4) == 0) {
			const char *close = strstr(s + i + 4, "-->");
			end = close ? (size_t)(close - s) + 3 : strlen(s);
			add_piece(p, i, end - i, -1);
		} else if ((end = code_element_end(s, i)) != 0) {
			add_piece(p, i, end - i, -1);
		} else {
			end = tag_pieces(s, i, p, r);
		}
		i = text = end;
	}
	text_pieces(s, text, i, p, r);
}

char **
zhconv_texts(struct zhconv *z, const char *const *texts, size_t n, int html)
{
	struct runs r = {json_object(), {0}, 0};
	struct pieces *ps = xcalloc(n ? n : 1, sizeof(*ps));
	char **out = xcalloc(n ? n : 1, sizeof(*out)), *tw = NULL;
	const char **line = NULL;
	size_t *line_len = NULL, i, k;

	for (i = 0; i < n; i++) {
		if (texts[i] == NULL)
			continue;
		if (html)
			html_pieces(texts[i], &ps[i], &r);
		else
			text_pieces(texts[i], 0, strlen(texts[i]), &ps[i], &r);
	}
	if (r.n) {
		const char *q;
		tw = zhconv_tw(z, r.joined.s);
		line = xcalloc((size_t)r.n, sizeof(*line));
		line_len = xcalloc((size_t)r.n, sizeof(*line_len));
		for (q = tw, k = 0; k < (size_t)r.n && *q; k++) {
			const char *nl = strchr(q, '\n');
			line[k] = q;
			line_len[k] = nl ? (size_t)(nl - q) : strlen(q);
			q += line_len[k] + (nl != NULL);
		}
	}
	for (i = 0; i < n; i++) {
		struct buf b = {0};
		if (texts[i] == NULL)
			continue;
		for (k = 0; k < ps[i].n; k++) {
			const struct piece *pc = &ps[i].v[k];
			if (pc->run >= 0 && line[pc->run])
				buf_add(&b, line[pc->run], line_len[pc->run]);
			else
				buf_add(&b, texts[i] + pc->from, pc->len);
		}
		out[i] = buf_detach(&b);
		free(ps[i].v);
	}
	free(ps);
	free(line);
	free(line_len);
	free(tw);
	buf_free(&r.joined);
	json_decref(r.index);
	return out;
}
