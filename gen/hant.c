/*
 * hant.c — the zh-Hant edition's text, made from the zh edition's once the
 * content is checked and rendered: every zh field of every meaning, class
 * introduction, page and guide question goes through zhconv (OpenCC's
 * s2twp with our phrase table), text only, all plain fields in one call and
 * all rendered bodies in another, so that OpenCC sees each distinct run of
 * Chinese once (and the cache remembers it).  Contributors write zh and en;
 * nothing here can fail but OpenCC itself (zhconv_failed()).
 * Owns nothing: what it makes belongs to the meanings and the guide.
 */
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
	char **out = zhconv_texts(z, b->src, b->n, html);
	size_t i;

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

void
hant_derive(struct corpus *c, struct zhconv *z)
{
	struct batch text = {0}, html = {0};
	size_t i, k;
	int n;

	for (i = 0; i < c->nm; i++)
		meaning_texts(c->m[i], &text, &html);
	for (n = 0; n < CLASS__N; n++)
		if (c->classes[n])
			meaning_texts(c->classes[n], &text, &html);
	for (i = 0; i < c->npages; i++)
		meaning_texts(c->pages[i], &text, &html);
	for (i = 0; c->guide && i < c->guide->n; i++) {
		struct guide_node *g = &c->guide->nodes[i];
		want(&text, g->question[LANG_ZH], &g->question[LANG_ZH_HANT]);
		for (k = 0; k < g->na; k++) {
			want(&text, g->a[k].text[LANG_ZH], &g->a[k].text[LANG_ZH_HANT]);
			want(&text, g->a[k].why[LANG_ZH], &g->a[k].why[LANG_ZH_HANT]);
		}
	}
	convert(z, &text, 0);
	convert(z, &html, 1);
}
