/*
 * model.c — the lifetime of the data model (model.h): making and freeing a
 * meaning and a corpus, finding a meaning by id, and the corpus's order and
 * grouping by number.  The loader, the tests and the fuzzers all make their
 * meanings here.  Reports nothing.
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

struct meaning *
meaning_new(const char *path, const char *id)
{
	struct meaning *m = xcalloc(1, sizeof(*m));
	const char *slug;

	m->path = xstrdup(path);
	m->id = xstrdup(id);
	m->code = -1;
	if (id_parse(id, &m->code, &slug)) {
		m->slug = slug ? m->id + 4 : NULL;
		m->klass = class_of_code(m->code);
	}
	m->pos_start.line = m->pos_start.col = 1;
	return m;
}

void
meaning_free(struct meaning *m)
{
	size_t i;
	int l;

	if (m == NULL)
		return;
	free(m->path);
	free(m->id);
	free(m->vendor);
	for (l = 0; l < LANG__N; l++) {
		free(m->title[l]);
		free(m->summary[l]);
		free(m->note[l]);
		free(m->seen_in[l]);
		free(m->html[l]);
		if (m->doc[l])
			cmark_node_free(m->doc[l]);
		for (i = 0; i < m->nsections[l]; i++) {
			free(m->sections[l][i].id);
			free(m->sections[l][i].text);
		}
		free(m->sections[l]);
		for (i = 0; i < m->naliases[l]; i++)
			free(m->aliases[l][i]);
		free(m->aliases[l]);
	}
	for (i = 0; i < m->nrefs; i++) {
		free(m->refs[i].section);
		free(m->refs[i].draft);
		free(m->refs[i].url);
		free(m->refs[i].text);
	}
	free(m->refs);
	for (i = 0; i < m->nsee; i++)
		free(m->see[i].id);
	free(m->see);
	for (i = 0; i < m->nsubs; i++) {
		free(m->subs[i].code);
		for (l = 0; l < LANG__N; l++) {
			free(m->subs[i].text[l]);
			free(m->subs[i].title[l]);
		}
	}
	free(m->subs);
	for (i = 0; i < m->nconsts; i++) {
		free(m->consts[i].lang);
		free(m->consts[i].value);
	}
	free(m->consts);
	sem_free(m->sem);
	for (l = 0; l < LANG__N; l++)
		free(m->use_when[l]);
	free(m->body);
	free(m->body_index.start);
	free(m);
}

struct corpus *
corpus_new(const char *dir)
{
	struct corpus *c = xcalloc(1, sizeof(*c));

	c->dir = xstrdup(dir);
	return c;
}

void
corpus_add(struct corpus *c, struct meaning *m)
{
	c->m = xrealloc(c->m, (c->nm + 1) * sizeof(*c->m));
	c->m[c->nm++] = m;
}

void
corpus_free(struct corpus *c)
{
	size_t i;
	int k;

	if (c == NULL)
		return;
	for (i = 0; i < c->nm; i++)
		meaning_free(c->m[i]);
	free(c->m);
	free(c->first);
	for (k = 0; k < CLASS__N; k++)
		meaning_free(c->classes[k]);
	for (i = 0; i < c->npages; i++)
		meaning_free(c->pages[i]);
	free(c->pages);
	guide_free(c->guide);
	free(c->guide_path);
	registry_free(c->reg);
	free(c->dir);
	free(c);
}

/* Orders meanings by code; within a number the plain NNN.md (the IANA
 * meaning) first, then the one marked `lead`, then by vendor slug. */
static int
cmp_meaning(const void *a, const void *b)
{
	const struct meaning *x = *(struct meaning *const *)a, *y = *(struct meaning *const *)b;

	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	if ((x->slug == NULL) != (y->slug == NULL))
		return x->slug == NULL ? -1 : 1;
	if (x->lead != y->lead)
		return x->lead ? -1 : 1;
	return x->slug ? strcmp(x->slug, y->slug) : 0;
}

void
corpus_sort(struct corpus *c)
{
	size_t i;

	if (c->nm > 1)
		qsort(c->m, c->nm, sizeof(*c->m), cmp_meaning);
	free(c->first);
	c->first = NULL;
	c->nnum = 0;
	for (i = 0; i < c->nm; i++)
		if (i == 0 || c->m[i - 1]->code != c->m[i]->code) {
			c->first = xrealloc(c->first, (c->nnum + 1) * sizeof(*c->first));
			c->first[c->nnum++] = i;
		}
}

size_t
corpus_number_end(const struct corpus *c, size_t i)
{
	return i + 1 < c->nnum ? c->first[i + 1] : c->nm;
}

struct meaning *
corpus_find(const struct corpus *c, const char *id)
{
	const char *slug;
	size_t lo = 0, hi = c->nnum, j;
	int code;

	if (!id_parse(id, &code, &slug))
		return NULL;
	while (lo < hi) { /* the number, by bisection over c->first */
		size_t mid = lo + (hi - lo) / 2;
		int at = c->m[c->first[mid]]->code;
		if (at == code) {
			for (j = c->first[mid]; j < corpus_number_end(c, mid); j++)
				if ((slug == NULL) == (c->m[j]->slug == NULL) &&
				    (slug == NULL || strcmp(slug, c->m[j]->slug) == 0))
					return c->m[j];
			return NULL;
		}
		if (at < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
