/*
 * guide.c — the decision guide, "Which status code should I return?"
 * (choose.html): a tree of questions in both languages, kept as content in
 * content/choose.yaml.
 *
 *   start: NODE
 *   nodes:
 *     NODE:
 *       question: {en: …, zh: …}
 *       answers:
 *         - answer: {en: …, zh: …}
 *           next: NODE                  # another question, or
 *           leaf: "401"                 # a meaning (a content file's name)
 *           why: {en: …, zh: …}         # with a leaf: why that code
 *
 * Read with the front matter's safety checks (fm_load) and checked with the
 * position of each mistake: every key known, both languages everywhere,
 * every `next` a node, every leaf a meaning that exists, every node
 * reachable from `start`, no question leading back to itself.  Owns the
 * guide it returns; reports through diag().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fm.h"

/* At most this many nodes and answers: the file is read in full.  At most
 * GUIDE_MAX_DEPTH questions on any way through: templates/choose.html
 * nests its lists as many levels deep, and a reader should not need more. */
#define GUIDE_MAX_NODES 500
#define GUIDE_MAX_ANSWERS 50
#define GUIDE_MAX_DEPTH 5
/* The page shows a question shared by two answers twice: at most this many
 * answers in all. */
#define GUIDE_MAX_SIZE 2000

static int
node_index(const struct guide *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->nodes[i].id, id) == 0)
			return (int)i;
	return -1;
}

static void
read_answer(struct fm *f, struct guide *g, struct guide_answer *a, const yaml_node_t *e,
            const struct corpus *c)
{
	static const char *const keys[] = {"answer", "next", "leaf", "why", NULL};
	const yaml_node_t *t, *next, *leaf, *why;
	const char *s;

	a->next = -1;
	a->pos = mark_pos(f, e->start_mark);
	if (e->type != YAML_MAPPING_NODE) {
		fm_error(f, e,
		         "an answer must be a mapping: {answer: {en: …, zh: …}, next: NODE} or "
		         "{answer: …, leaf: \"404\", why: …}");
		return;
	}
	if (!map_keys(f, e, "an answer", keys))
		return;
	if ((t = map_get(f, e, "answer")) == NULL)
		fm_error(f, e, "an answer needs 'answer' (its text in en and zh)");
	else
		read_lang_text(f, e, t, "answer", a->text, NULL);
	next = map_get(f, e, "next");
	leaf = map_get(f, e, "leaf");
	why = map_get(f, e, "why");
	if ((next == NULL) == (leaf == NULL)) {
		fm_error(f, e,
		         "an answer leads to one place: 'next' (a question) or 'leaf' (a code)");
		return;
	}
	if (next) {
		if (why)
			fm_error(f, why, "'why' goes with a 'leaf', not with 'next'");
		if ((s = want_line(f, next, "'next'")) == NULL)
			return;
		if ((a->next = node_index(g, s)) < 0)
			fm_error(f, next, "'next: %s': there is no such node in 'nodes'", s);
		return;
	}
	if ((s = want_line(f, leaf, "'leaf'")) == NULL)
		return;
	if ((a->leaf = corpus_find(c, s)) == NULL) {
		fm_error(f, leaf, "'leaf: %s': there is no %s.md in the content folder", s, s);
		return;
	}
	if (why == NULL)
		fm_error(f, e, "a 'leaf' needs 'why' (in en and zh): why that code");
	else
		read_lang_text(f, e, why, "why", a->why, NULL);
}

/* What walk() learns of each node. */
struct reach {
	unsigned char state; /* 0 unseen, 1 on the current way, 2 done */
	int height;          /* the most questions asked from here on, this one included */
	size_t size;         /* its answers on the page, those of the questions below too */
};

/* Walks from node i: marks what it leads to, and reports each answer that
 * leads back to a question already on the way (and cuts it).  Each node is
 * walked once, so a hostile file with shared questions costs no more. */
static void
walk(struct fm *f, struct guide *g, int i, struct reach *r)
{
	size_t k;

	r[i].state = 1;
	r[i].height = 1;
	r[i].size = g->nodes[i].na;
	for (k = 0; k < g->nodes[i].na; k++) {
		int n = g->nodes[i].a[k].next;
		if (n < 0)
			continue;
		if (r[n].state == 1) {
			diag(DIAG_ERROR, f->m->path, g->nodes[i].a[k].pos,
			     "this answer leads back to '%s', a question already asked on the way "
			     "here",
			     g->nodes[n].id);
			f->errors++;
			g->nodes[i].a[k].next = -1; /* the page is never made; nothing loops */
			continue;
		}
		if (r[n].state == 0)
			walk(f, g, n, r);
		if (r[i].height < r[n].height + 1)
			r[i].height = r[n].height + 1;
		r[i].size += r[n].size < GUIDE_MAX_SIZE ? r[n].size : GUIDE_MAX_SIZE;
	}
	if (r[i].size > GUIDE_MAX_SIZE)
		r[i].size = GUIDE_MAX_SIZE + 1;
	r[i].state = 2;
}

static void
read_guide(struct fm *f, struct guide *g, const struct corpus *c)
{
	static const char *const keys[] = {"start", "nodes", NULL};
	static const char *const node_keys[] = {"question", "answers", NULL};
	const yaml_node_t *root = yaml_document_get_root_node(&f->doc), *start, *nodes;
	const yaml_node_t **at;
	yaml_node_pair_t *p;
	const char *s;
	size_t i;

	if (root->type != YAML_MAPPING_NODE) {
		fm_error(f, root, "the guide must be a mapping of 'start' and 'nodes'");
		return;
	}
	if (!map_keys(f, root, "the guide", keys))
		return;
	if ((start = map_get(f, root, "start")) == NULL ||
	    (nodes = map_get(f, root, "nodes")) == NULL) {
		fm_error(f, root, "the guide needs 'start' (the first question) and 'nodes'");
		return;
	}
	if (nodes->type != YAML_MAPPING_NODE) {
		fm_error(f, nodes,
		         "'nodes' must be a mapping from each node's name to its question");
		return;
	}
	i = (size_t)(nodes->data.mapping.pairs.top - nodes->data.mapping.pairs.start);
	if (i == 0 || i > GUIDE_MAX_NODES) {
		fm_error(f, nodes, "'nodes' must hold 1 to %d questions", GUIDE_MAX_NODES);
		return;
	}
	/* The names first, so that `next` may name a node further down. */
	g->nodes = xcalloc(i, sizeof(*g->nodes));
	at = xcalloc(i, sizeof(*at));
	for (p = nodes->data.mapping.pairs.start; p < nodes->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = fm_node(f, p->key);
		if ((s = want_line(f, k, "a node's name")) == NULL)
			continue;
		if (node_index(g, s) >= 0) {
			fm_error(f, k, "node '%s' appears twice", s);
			continue;
		}
		at[g->n] = fm_node(f, p->value);
		g->nodes[g->n].pos = mark_pos(f, k->start_mark);
		g->nodes[g->n++].id = xstrdup(s);
	}
	for (i = 0; i < g->n; i++) {
		struct guide_node *n = &g->nodes[i];
		const yaml_node_t *v = at[i], *q, *as;
		yaml_node_item_t *it;
		if (v->type != YAML_MAPPING_NODE) {
			fm_error(f, v, "node '%s' must be a mapping: {question: …, answers: […]}",
			         n->id);
			continue;
		}
		if (!map_keys(f, v, "a node", node_keys))
			continue;
		if ((q = map_get(f, v, "question")) == NULL)
			fm_error(f, v, "node '%s' has no 'question'", n->id);
		else
			read_lang_text(f, v, q, "question", n->question, NULL);
		if ((as = map_get(f, v, "answers")) == NULL || as->type != YAML_SEQUENCE_NODE ||
		    as->data.sequence.items.top - as->data.sequence.items.start < 2 ||
		    as->data.sequence.items.top - as->data.sequence.items.start >
		        GUIDE_MAX_ANSWERS) {
			fm_error(f, as ? as : v,
			         "node '%s' needs 'answers': a list of 2 to %d answers", n->id,
			         GUIDE_MAX_ANSWERS);
			continue;
		}
		n->a =
		    xcalloc((size_t)(as->data.sequence.items.top - as->data.sequence.items.start),
		            sizeof(*n->a));
		for (it = as->data.sequence.items.start; it < as->data.sequence.items.top; it++)
			read_answer(f, g, &n->a[n->na++], fm_node(f, *it), c);
	}
	if ((s = want_line(f, start, "'start'")) != NULL && (g->start = node_index(g, s)) < 0)
		fm_error(f, start, "'start: %s': there is no such node in 'nodes'", s);
	if (s && g->start >= 0) {
		struct reach *r = xcalloc(g->n, sizeof(*r));
		walk(f, g, g->start, r);
		for (i = 0; i < g->n; i++)
			if (!r[i].state) {
				diag(DIAG_ERROR, f->m->path, g->nodes[i].pos,
				     "node '%s' cannot be reached from 'start: %s'", g->nodes[i].id,
				     g->nodes[g->start].id);
				f->errors++;
			}
		if (r[g->start].height > GUIDE_MAX_DEPTH)
			fm_error(f, start, "a way through the guide asks %d questions; at most %d",
			         r[g->start].height, GUIDE_MAX_DEPTH);
		if (r[g->start].size > GUIDE_MAX_SIZE)
			fm_error(
			    f, start,
			    "the guide's page would list more than %d answers (a question shared "
			    "by several answers is listed under each)",
			    GUIDE_MAX_SIZE);
		free(r);
	}
	free(at);
}

struct guide *
guide_parse(const char *path, const char *text, size_t len, const struct corpus *c)
{
	struct guide *g = xcalloc(1, sizeof(*g));
	struct fm f;
	size_t bad;
	uint32_t cp;
	int loaded;

	memset(&f, 0, sizeof(f));
	f.m = meaning_new(path, "choose");
	f.line0 = 1;
	g->start = -1;
	if (!utf8_valid(text, len, &bad) || find_control(text, &cp) >= 0) {
		diag(DIAG_ERROR, path, f.m->pos_start,
		     "not UTF-8 text, or a control character in it (tab and line feed are the only "
		     "ones allowed)");
		f.errors++;
	} else if ((loaded = fm_load(&f, text, len, "the guide")) != -1) {
		if (loaded == 0)
			read_guide(&f, g, c);
		yaml_document_delete(&f.doc);
	}
	meaning_free(f.m);
	if (f.errors) {
		guide_free(g);
		return NULL;
	}
	return g;
}

struct guide *
guide_load(const char *path, const struct corpus *c)
{
	char *text = NULL;
	size_t len;
	struct guide *g;
	struct pos start = {1, 1};

	if (file_read(path, CONTENT_MAX_BYTES, &text, &len) == -1) {
		diag(DIAG_ERROR, path, start, "cannot read: %s", file_error(errno));
		return NULL;
	}
	g = guide_parse(path, text, len, c);
	free(text);
	return g;
}

void
guide_free(struct guide *g)
{
	size_t i, k;
	int l;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		struct guide_node *n = &g->nodes[i];
		for (k = 0; k < n->na; k++)
			for (l = 0; l < LANG__N; l++) {
				free(n->a[k].text[l]);
				free(n->a[k].why[l]);
			}
		for (l = 0; l < LANG__N; l++)
			free(n->question[l]);
		free(n->a);
		free(n->id);
	}
	free(g->nodes);
	free(g);
}
