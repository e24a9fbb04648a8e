/*
 * viewref.c — the view models of the quick-reference pages: compare.html
 * (every registered code's semantics in one table, and side-by-side tables
 * of the codes people confuse), cheatsheet.html (every number on one line)
 * and choose.html (the decision guide of guide.c).  Like view.c: each function returns a new JSON
 * value the caller owns, reads the corpus without changing it, and reports nothing.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

/* The groups of codes people confuse, each a table of compare.html; a code
 * page of a group links to its table. */
static const struct cmp_group {
	const char *id; /* the table's anchor, and its interface strings: cmp_ID, cmp_ID_q */
	int redirects;  /* the table shows what a redirect does */
	int codes[6];   /* ended by 0 */
} cmp_groups[] = {
    {"redirects", 1, {301, 302, 303, 307, 308, 0}},
    {"access", 0, {401, 403, 404, 407, 0}},
    {"gateway", 0, {502, 503, 504, 0}},
    {"client-data", 0, {400, 409, 415, 422, 0}},
};
#define NGROUPS (sizeof(cmp_groups) / sizeof(cmp_groups[0]))

/* Returns the group of compare.html that shows `code`, or NULL. */
static const struct cmp_group *
group_of(int code)
{
	size_t g;
	int i;

	for (g = 0; g < NGROUPS; g++)
		for (i = 0; cmp_groups[g].codes[i]; i++)
			if (cmp_groups[g].codes[i] == code)
				return &cmp_groups[g];
	return NULL;
}

json_t *
view_compare_link(const struct view *v, const struct meaning *m, enum lang l)
{
	const struct cmp_group *g = m->registry == REG_IANA ? group_of(m->code) : NULL;
	char key[64];
	json_t *o;

	if (g == NULL)
		return json_null();
	o = json_object();
	set_fmt(o, "href", "compare.html#%s", g->id);
	snprintf(key, sizeof(key), "cmp_%s", g->id);
	set_str(o, "text", view_str(v, l, key));
	return o;
}

/* The IANA meaning of `code` that has semantics, or NULL. */
static const struct meaning *
registered(const struct corpus *c, int code)
{
	char id[8];
	const struct meaning *m;

	snprintf(id, sizeof(id), "%03d", code);
	m = corpus_find(c, id);
	return m && m->registry == REG_IANA && m->sem ? m : NULL;
}

/* One row of a comparison table: the code and each fact, short. */
static json_t *
cmp_row(const struct view *v, const struct meaning *m, enum lang l)
{
	static const char *const method_key[SEM_METHOD__N] = {
	    "cmp_method_preserved", "cmp_method_post_may_become_get", "cmp_method_becomes_get"};
	const struct semantics *s = m->sem;
	json_t *r = json_object();

	set_fmt(r, "code", "%03d", m->code);
	set_url(r, "href", url_meaning("", m));
	set_str(r, "title", m->title[l]);
	set_str(r, "cacheable", view_str(v, l, s->cacheable ? "cmp_yes" : "cmp_no"));
	set_str(r, "content",
	        view_str(v, l, s->content == SEM_FORBIDDEN ? "cmp_none" : "cmp_allowed"));
	set_str(r, "redirect",
	        s->redirect ? view_str(v, l, s->permanent ? "sem_permanent" : "sem_temporary")
	                    : "—");
	set_str(r, "method", s->redirect ? view_str(v, l, method_key[s->method]) : "—");
	if (s->rfc)
		set_fmt(r, "introduced", "RFC %d (%d)", s->rfc, s->year);
	else
		set_fmt(r, "introduced", "%s (%d)", s->draft ? s->draft : "", s->year);
	set_fmt(r, "year", "%d", s->year);
	json_object_set_new(r, "headers", view_sem_headers(v, s, l));
	set_opt(r, "use_when", m->use_when[l]);
	return r;
}

json_t *
view_compare(const struct view *v, enum lang l)
{
	json_t *ctx = view_page(v, l, 0, "compare.html", view_str(v, l, "compare"),
	                        view_str(v, l, "compare_intro"));
	json_t *groups = json_array(), *all = json_array();
	size_t g, i;

	for (g = 0; g < NGROUPS; g++) {
		const struct cmp_group *cg = &cmp_groups[g];
		json_t *o = json_object(), *rows = json_array();
		char key[64];
		int k;
		for (k = 0; cg->codes[k]; k++) {
			const struct meaning *m = registered(v->c, cg->codes[k]);
			if (m)
				json_array_append_new(rows, cmp_row(v, m, l));
		}
		if (json_array_size(rows) == 0) {
			json_decref(rows);
			json_decref(o);
			continue;
		}
		set_str(o, "id", cg->id);
		set_hash(o, "href", cg->id);
		set_fmt(o, "heading_id", "%s-heading", cg->id);
		snprintf(key, sizeof(key), "cmp_%s", cg->id);
		set_str(o, "title", view_str(v, l, key));
		snprintf(key, sizeof(key), "cmp_%s_q", cg->id);
		set_str(o, "question", view_str(v, l, key));
		json_object_set_new(o, "is_redirects", json_boolean(cg->redirects));
		json_object_set_new(o, "rows", rows);
		json_array_append_new(groups, o);
	}
	for (i = 0; i < v->c->nm; i++) {
		const struct meaning *m = v->c->m[i];
		if (m->registry == REG_IANA && m->sem)
			json_array_append_new(all, cmp_row(v, m, l));
	}
	json_object_set_new(ctx, "groups", groups);
	json_object_set_new(ctx, "all", all);
	return ctx;
}

/* One line of the cheat sheet: number index i by its leading meaning. */
static json_t *
cheat_row(const struct view *v, size_t i, enum lang l)
{
	size_t a = v->c->first[i], b = corpus_number_end(v->c, i);
	const struct meaning *m = v->c->m[a];
	json_t *r = json_object();
	const char *label = view_meaning_label(v, m, l);
	enum lang zh = l == LANG_ZH_HANT ? LANG_ZH_HANT : LANG_ZH;

	set_fmt(r, "code", "%03d", m->code);
	set_url(r, "href", url_number("", m->code));
	set_str(r, "phrase", m->title[LANG_EN]);
	/* The Chinese title: Traditional in the zh-Hant edition. */
	set_str(r, "title_zh", m->title[zh]);
	set_str(r, "zh_lang", zh == LANG_ZH ? "zh-Hans" : "zh-Hant");
	set_opt(r, "label", label ? label : view_status_label(v, m, l));
	if (b - a > 1) {
		char n[24];
		snprintf(n, sizeof(n), "%zu", b - a - 1);
		set_placeholder(r, "more", view_str(v, l, "cheat_more"), "{n}", n);
	} else {
		json_object_set_new(r, "more", json_null());
	}
	set_str(r, "summary", m->summary[l]);
	return r;
}

json_t *
view_cheatsheet(const struct view *v, enum lang l)
{
	json_t *ctx = view_page(v, l, 0, "cheatsheet.html", view_str(v, l, "cheatsheet"),
	                        view_str(v, l, "cheatsheet_intro"));
	json_t *classes = json_array();
	size_t i;
	int k;

	/* By class, 1xx to 5xx and then the codes outside them (000, 999). */
	for (k = 0; k < CLASS__N; k++) {
		json_t *cls, *rows = json_array();
		for (i = 0; i < v->c->nnum; i++)
			if ((int)v->c->m[v->c->first[i]]->klass == k)
				json_array_append_new(rows, cheat_row(v, i, l));
		if (json_array_size(rows) == 0) {
			json_decref(rows);
			continue;
		}
		cls = json_object();
		set_str(cls, "title", view_class_title(v, k, l));
		set_url(cls, "href", url_class_page("", (enum klass)k));
		json_object_set_new(cls, "rows", rows);
		json_array_append_new(classes, cls);
	}
	json_object_set_new(ctx, "classes", classes);
	return ctx;
}

/* Question node i of the guide, with its answers and what each leads to;
 * `path` is the answers chosen to reach it ("3.1"), kept in the address. */
static json_t *
guide_node(const struct view *v, const struct guide *g, int i, const char *path, enum lang l)
{
	const struct guide_node *n = &g->nodes[i];
	json_t *o = json_object(), *answers = json_array();
	size_t k;

	set_str(o, "question", n->question[l]);
	for (k = 0; k < n->na; k++) {
		const struct guide_answer *a = &n->a[k];
		json_t *e = json_object();
		char *p = path[0] ? xasprintf("%s.%zu", path, k + 1) : xasprintf("%zu", k + 1);
		set_str(e, "text", a->text[l]);
		set_str(e, "path", p);
		if (a->leaf) {
			json_t *leaf = json_object();
			set_url(leaf, "href", url_meaning("", a->leaf));
			set_fmt(leaf, "code", "%03d", a->leaf->code);
			set_str(leaf, "title", a->leaf->title[l]);
			set_str(leaf, "why", a->why[l]);
			json_object_set_new(e, "leaf", leaf);
			json_object_set_new(e, "sub", json_null());
		} else {
			json_object_set_new(e, "leaf", json_null());
			json_object_set_new(
			    e, "sub", a->next >= 0 ? guide_node(v, g, a->next, p, l) : json_null());
		}
		json_array_append_new(answers, e);
		free(p);
	}
	json_object_set_new(o, "answers", answers);
	return o;
}

json_t *
view_choose(const struct view *v, enum lang l)
{
	json_t *ctx = view_page(v, l, 0, "choose.html", view_str(v, l, "choose"),
	                        view_str(v, l, "choose_intro"));
	const struct guide *g = v->c->guide;

	json_object_set_new(ctx, "sub",
	                    g && g->start >= 0 ? guide_node(v, g, g->start, "", l) : json_null());
	return ctx;
}
