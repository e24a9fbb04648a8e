/*
 * hant.c — the zh-Hant edition's text, made from the zh edition's once the
 * content is checked and rendered: every zh field of every meaning, class
 * introduction, page and guide question goes through zhconv (OpenCC's
 * s2twp with our phrase table), text only: all plain fields in one call
 * and all rendered bodies in another, so that a text the cache lacks is
 * split into runs of Chinese and OpenCC sees each distinct run once.
 * Contributors write zh and en; nothing here can fail but OpenCC itself
 * (zhconv_failed()).  For `statusgen check`, hant_check_table() warns at
 * the rows of the phrase table that nothing in the content needs.
 * Owns nothing: what it makes belongs to the meanings and the guide.
 */
#include <opencc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* The texts to convert and where each result goes. */
struct batch {
	const char **src;
	char ***dst;
	size_t n, cap;
};

static void
want(struct batch *b, const char *src, char **dst)
{
	if (src == NULL)
		return;
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->src = xrealloc(b->src, b->cap * sizeof(*b->src));
		b->dst = xrealloc(b->dst, b->cap * sizeof(*b->dst));
	}
	b->src[b->n] = src;
	b->dst[b->n] = dst;
	b->n++;
}

/* Converts every text of b and puts each where it goes. */
static void
convert(struct zhconv *z, struct batch *b, int html)
{
	char **out;
	size_t i;

	if (b->n == 0)
		return;
	out = zhconv_texts(z, b->src, b->n, html);
	for (i = 0; i < b->n; i++) {
		free(*b->dst[i]);
		*b->dst[i] = out[i];
	}
	free(out);
	free(b->src);
	free(b->dst);
	memset(b, 0, sizeof(*b));
}

/* Adds the zh fields of m to the batches. */
static void
meaning_texts(struct meaning *m, struct batch *text, struct batch *html)
{
	const enum lang zh = LANG_ZH, tw = LANG_ZH_HANT;
	size_t i;

	want(text, m->title[zh], &m->title[tw]);
	want(text, m->summary[zh], &m->summary[tw]);
	want(text, m->note[zh], &m->note[tw]);
	want(text, m->seen_in[zh], &m->seen_in[tw]);
	want(text, m->use_when[zh], &m->use_when[tw]);
	if (m->naliases[zh]) {
		m->aliases[tw] = xcalloc(m->naliases[zh], sizeof(char *));
		m->naliases[tw] = m->naliases[zh];
		for (i = 0; i < m->naliases[zh]; i++)
			want(text, m->aliases[zh][i], &m->aliases[tw][i]);
	}
	for (i = 0; i < m->nsubs; i++) {
		want(text, m->subs[i].text[zh], &m->subs[i].text[tw]);
		want(text, m->subs[i].title[zh], &m->subs[i].title[tw]);
	}
	if (m->sem) {
		for (i = 0; i < m->sem->nheaders; i++)
			want(text, m->sem->headers[i].when[zh], &m->sem->headers[i].when[tw]);
		want(text, m->sem->disputed[zh], &m->sem->disputed[tw]);
	}
	if (m->nsections[zh]) {
		m->sections[tw] = xcalloc(m->nsections[zh], sizeof(struct section));
		m->nsections[tw] = m->nsections[zh];
		for (i = 0; i < m->nsections[zh]; i++) {
			m->sections[tw][i].id = xstrdup(m->sections[zh][i].id);
			want(text, m->sections[zh][i].text, &m->sections[tw][i].text);
		}
	}
	want(html, m->html[zh], &m->html[tw]);
}

/* The units of work: every meaning, then the class introductions, the
 * pages, and the guide. */
static size_t
units(const struct corpus *c)
{
	return c->nm + CLASS__N + c->npages + 1;
}

/* Adds the zh texts of unit i of c to the batches (and makes room for the
 * zh-Hant aliases and sections). */
static void
unit_texts(struct corpus *c, size_t i, struct batch *text, struct batch *html)
{
	size_t k;

	if (i < c->nm) {
		meaning_texts(c->m[i], text, html);
		return;
	}
	i -= c->nm;
	if (i < CLASS__N) {
		if (c->classes[i])
			meaning_texts(c->classes[i], text, html);
		return;
	}
	i -= CLASS__N;
	if (i < c->npages) {
		meaning_texts(c->pages[i], text, html);
		return;
	}
	for (i = 0; c->guide && i < c->guide->n; i++) {
		struct guide_node *g = &c->guide->nodes[i];
		want(text, g->question[LANG_ZH], &g->question[LANG_ZH_HANT]);
		for (k = 0; k < g->na; k++) {
			want(text, g->a[k].text[LANG_ZH], &g->a[k].text[LANG_ZH_HANT]);
			want(text, g->a[k].why[LANG_ZH], &g->a[k].why[LANG_ZH_HANT]);
		}
	}
}

void
hant_derive(struct corpus *c, struct zhconv *z)
{
	struct batch text = {0}, html = {0};
	size_t i;

	for (i = 0; i < units(c); i++)
		unit_texts(c, i, &text, &html);
	convert(z, &text, 0);
	convert(z, &html, 1);
}

/* ------------------------------------------------- the phrase table's check */

/* An entry of the phrase table: its key, the line it is on, whether found. */
struct entry {
	char *key, *value;
	uint32_t first; /* the key's first character */
	int line;
	int found;
};

/* Whether ch is a Han character: entries for punctuation (“” to 「」) are
 * a rule of style, kept whether or not the content uses them yet. */
static int
is_han(uint32_t ch)
{
	return (ch >= 0x3400 && ch <= 0x9fff) || (ch >= 0xf900 && ch <= 0xfaff) ||
	       (ch >= 0x20000 && ch <= 0x3ffff);
}

static int
by_line(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->line - y->line;
}

static int
by_first(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

/* Marks the entries of e[0..n) (sorted by first character) that occur in s. */
static void
find_keys(struct entry *e, size_t n, const char *s)
{
	size_t i = 0, at;

	while (s && s[i]) {
		uint32_t ch;
		size_t lo = 0, hi = n;
		at = i;
		ch = utf8_next(s, &i);
		if (ch < 0x80)
			continue;
		while (lo < hi) { /* the first entry whose key starts with ch */
			size_t mid = (lo + hi) / 2;
			if (e[mid].first < ch)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < n && e[lo].first == ch; lo++)
			if (!e[lo].found && strncmp(s + at, e[lo].key, strlen(e[lo].key)) == 0)
				e[lo].found = 1;
	}
}

/* Reads the phrase table: its entries (n of them), or NULL when it cannot be
 * read (the build reports that; a check without the edition goes on). */
static struct entry *
read_table(const char *path, size_t *n)
{
	struct entry *e = NULL;
	char *data, *line, *next;
	size_t len, cap = 0;
	int at = 0;

	*n = 0;
	if (file_read(path, 1 << 20, &data, &len) == -1)
		return NULL;
	for (line = data; line && *line; line = next) {
		char *tab = strchr(line, '\t');
		size_t i = 0;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		at++;
		if (tab == NULL || tab == line)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			e = xrealloc(e, cap * sizeof(*e));
		}
		e[*n].key = xstrndup(line, (size_t)(tab - line));
		e[*n].value = xstrndup(tab + 1, strcspn(tab + 1, "\t\r"));
		e[*n].first = utf8_next(e[*n].key, &i);
		e[*n].line = at;
		e[*n].found = 0;
		(*n)++;
	}
	free(data);
	return e;
}

/* Marks the entries not found yet whose key is in Traditional characters
 * (OpenCC's t2s changes it), which the chain meets after its first step
 * has made them: found when that step can make them, from the key's
 * Simplified form in the content or from another entry's value. */
static int
find_traditional_keys(struct entry *e, size_t n, const char *all)
{
	opencc_t t2s = opencc_open("t2s.json");
	size_t i, k;

	if (t2s == (opencc_t)-1) {
		struct pos none = {0, 0};
		diag(DIAG_ERROR, "t2s.json", none, "OpenCC cannot load it: %s", opencc_error());
		return -1;
	}
	for (i = 0; i < n; i++) {
		char *simp;
		if (e[i].found)
			continue;
		simp = opencc_convert_utf8(t2s, e[i].key, strlen(e[i].key));
		if (simp && strcmp(simp, e[i].key) != 0) {
			e[i].found = strstr(all, simp) != NULL;
			for (k = 0; k < n && !e[i].found; k++)
				e[i].found = k != i && e[k].found && strstr(e[k].value, e[i].key);
		}
		opencc_convert_utf8_free(simp);
	}
	opencc_close(t2s);
	return 0;
}

int
hant_check_table(struct corpus *c, const char *dir)
{
	struct batch text = {0}, html = {0};
	char *path = path_join(dir, "http-zh-tw.txt");
	struct buf all = {0};
	struct entry *e;
	size_t n, i;
	int k, rc;

	e = read_table(path, &n);
	if (e == NULL) {
		free(path);
		return 0;
	}
	qsort(e, n, sizeof(*e), by_first);
	for (i = 0; i < units(c); i++)
		unit_texts(c, i, &text, &html);
	for (i = 0; i < text.n; i++) {
		buf_puts(&all, text.src[i]);
		buf_puts(&all, "\n");
	}
	for (i = 0; i < c->nm; i++)
		buf_puts(&all, c->m[i]->body ? c->m[i]->body : "");
	for (k = 0; k < CLASS__N; k++)
		if (c->classes[k] && c->classes[k]->body)
			buf_puts(&all, c->classes[k]->body);
	for (i = 0; i < c->npages; i++)
		buf_puts(&all, c->pages[i]->body ? c->pages[i]->body : "");
	find_keys(e, n, all.s);
	rc = find_traditional_keys(e, n, all.s ? all.s : "");
	qsort(e, n, sizeof(*e), by_line);
	for (i = 0; i < n; i++) {
		struct pos p = {e[i].line, 1};
		if (rc == 0 && !e[i].found && is_han(e[i].first))
			diag(DIAG_WARNING, path, p,
			     "'%s' occurs nowhere in the Chinese text of the content; "
			     "remove the entry (and its row in http-zh-tw.sources.tsv)",
			     e[i].key);
		free(e[i].key);
		free(e[i].value);
	}
	free(e);
	buf_free(&all);
	free(text.src);
	free(text.dst);
	free(html.src);
	free(html.dst);
	free(path);
	return rc;
}
