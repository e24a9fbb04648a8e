/*
 * view.c — the view models of the site's pages: corpus → jansson objects
 * that the templates (template.c) turn into HTML.  This file decides what is
 * on which page, never how it looks, and touches no file: every function
 * returns a new JSON value that the caller owns (json_decref), reads the
 * corpus without changing it, and reports nothing.  Links come from urls.c.
 *
 * Strings go into jansson with json_string_nocheck: every one of them is
 * UTF-8 already checked (content.c checks each file, jansson the strings
 * file, libxml2 the templates), and checking again was a tenth of the build.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view.h"

/* ------------------------------------------------------------- helpers */

/* Sets o[key] to the text s, or to "" when s is NULL. */
void
set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, json_string_nocheck(s ? s : ""));
}

/* Sets o[key] to the text s, or to null when s is NULL. */
void
set_opt(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, s ? json_string_nocheck(s) : json_null());
}

/* Sets o[key] to a formatted text (formatted on the stack when it is short,
 * as most are: this runs for every link of every page). */
void
set_fmt(json_t *o, const char *key, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		json_object_set_new(o, key, json_stringn_nocheck(small, (size_t)n));
	} else {
		struct buf b = {0};
		va_start(ap, fmt);
		buf_vprintf(&b, fmt, ap);
		va_end(ap);
		json_object_set_new(o, key, json_stringn_nocheck(b.s, b.len));
		buf_free(&b);
	}
}

/* Sets o[key] to text with each `name` in it replaced by `value`: the
 * interface strings hold placeholders, never printf formats. */
void
set_placeholder(json_t *o, const char *key, const char *text, const char *name, const char *value)
{
	struct buf b = {0};
	const char *at;

	while ((at = strstr(text, name)) != NULL) {
		buf_add(&b, text, (size_t)(at - text));
		buf_puts(&b, value);
		text = at + strlen(name);
	}
	buf_puts(&b, text);
	json_object_set_new(o, key, json_stringn_nocheck(b.s, b.len));
	buf_free(&b);
}

/* Sets o[key] to "#" and the anchor id: a link within the page. */
void
set_hash(json_t *o, const char *key, const char *id)
{
	char *s = xconcat("#", id, NULL);

	json_object_set_new(o, key, json_string_nocheck(s));
	free(s);
}

/* Sets o[key] to a link made by urls.c (which it frees). */
void
set_url(json_t *o, const char *key, char *url)
{
	json_object_set_new(o, key, json_string_nocheck(url));
	free(url);
}

const char *
view_str(const struct view *v, enum lang l, const char *key)
{
	json_t *s = json_object_get(json_object_get(v->strings, lang_code[l]), key);
	return json_is_string(s) ? json_string_value(s) : key;
}

const char *
view_class_title(const struct view *v, int k, enum lang l)
{
	struct meaning *ci = v->c->classes[k];
	return ci && ci->title[l] ? ci->title[l] : class_slug[k];
}

/* The vendor part of a meaning for lists: vendor name, "unofficial", or NULL. */
const char *
view_meaning_label(const struct view *v, const struct meaning *m, enum lang l)
{
	if (m->registry == REG_VENDOR)
		return m->vendor;
	if (m->registry == REG_UNOFFICIAL)
		return view_str(v, l, "unofficial");
	return NULL;
}

/* ------------------------------------------------------ what pages share */

/* The class pages, linked from every page: label "4xx" (the title for the
 * non-standard class), title "4xx Client Error". */
static json_t *
class_links(const struct view *v, enum lang l, const char *here)
{
	json_t *classes = json_array();
	int k;

	for (k = 0; k < CLASS__N; k++) {
		json_t *c;
		if (!v->has_class[k])
			continue;
		c = json_object();
		set_url(c, "href", url_class_page(here, k));
		set_str(c, "label",
		        k == CLASS_NONSTANDARD ? view_class_title(v, k, l) : class_slug[k]);
		set_str(c, "title", view_class_title(v, k, l));
		json_array_append_new(classes, c);
	}
	return classes;
}

json_t *
view_chrome(const struct view *v, enum lang l, const char *root, const char *here)
{
	json_t *o = json_object(), *nav = json_object(), *pages = json_array();
	size_t i;

	set_str(o, "lang", lang_code[l]);
	set_str(o, "html_lang", view_str(v, l, "html_lang"));
	set_str(o, "root", root);
	set_fmt(o, "codes_json", "%scodes.json", root);
	set_fmt(nav, "home", "%sindex.html", here);
	set_fmt(nav, "vendors", "%svendors.html", here);
	set_fmt(nav, "rfcs", "%srfcs.html", here);
	set_fmt(nav, "registry", "%siana.html", here);
	set_fmt(nav, "compare", "%scompare.html", here);
	set_fmt(nav, "cheatsheet", "%scheatsheet.html", here);
	if (v->c->guide)
		set_fmt(nav, "choose", "%schoose.html", here);
	else
		json_object_set_new(nav, "choose", json_null());
	json_object_set_new(nav, "classes", class_links(v, l, here));
	json_object_set_new(o, "nav", nav);
	/* "en" on a page in another language, for text that is English there
	 * (IANA's descriptions, reference titles); null on English pages. */
	set_opt(o, "lang_en", l == LANG_EN ? NULL : "en");
	for (i = 0; i < v->c->npages; i++) {
		json_t *p = json_object();
		set_fmt(p, "href", "%s%s.html", here, v->c->pages[i]->id);
		set_str(p, "title", v->c->pages[i]->title[l]);
		json_array_append_new(pages, p);
	}
	json_object_set_new(o, "pages", pages);
	set_fmt(o, "css", "%sstyle.css", root);
	set_fmt(o, "favicon", "%sfavicon.svg", root);
	set_fmt(o, "search_index_js", "%ssearch-index.js", root);
	set_fmt(o, "search_js", "%ssearch.js", root);
	set_str(o, "search_base", here);
	json_object_set_new(o, "base_href", json_null());
	return o;
}

/* The editions in the order the language switch shows them. */
static const enum lang order[LANG__N] = {LANG_ZH, LANG_ZH_HANT, LANG_EN};

json_t *
view_page(const struct view *v, enum lang l, int at_root, const char *file, const char *title,
          const char *description)
{
	json_t *o = json_object(), *alts = json_array();
	const char *root = at_root ? "" : "../";
	int k;

	if (at_root) {
		char *here = xasprintf("%s/", lang_dir[l]);
		json_t *chrome = view_chrome(v, l, root, here);
		json_object_update(o, chrome);
		json_decref(chrome);
		free(here);
	}
	if (strcmp(title, view_str(v, l, "site_name")) == 0) /* the home page */
		set_str(o, "page_title", title);
	else
		set_fmt(o, "page_title", "%s — %s", title, view_str(v, l, "site_name"));
	set_str(o, "title", title);
	set_str(o, "description", description);
	for (k = 0; k < LANG__N; k++) {
		enum lang other = order[k];
		json_t *alt;
		if (other == l)
			continue;
		alt = json_object();
		set_fmt(alt, "href", "%s%s/%s", root, lang_dir[other], file);
		set_str(alt, "html_lang", view_str(v, other, "html_lang"));
		set_str(alt, "label", view_str(v, other, "language_name"));
		/* With --base-url, absolute alternates. */
		set_fmt(alt, "hreflang_href", "%s%s/%s", v->base_url ? v->base_url : root,
		        lang_dir[other], file);
		json_array_append_new(alts, alt);
	}
	json_object_set_new(o, "alts", alts);
	/* With --base-url, a canonical address. */
	set_fmt(o, "hreflang_self", "%s%s/%s", v->base_url ? v->base_url : root, lang_dir[l], file);
	if (v->base_url)
		set_fmt(o, "canonical", "%s%s/%s", v->base_url, lang_dir[l], file);
	else
		json_object_set_new(o, "canonical", json_null());
	set_fmt(o, "self", "%s%s/%s", root, lang_dir[l], file);
	return o;
}

/* ------------------------------------------------------------- lists */

/* A list item for number index i: its first meaning, and the vendors of the others. */
static json_t *
number_item(const struct view *v, size_t i, enum lang l, const char *here)
{
	size_t a = v->c->first[i], b = corpus_number_end(v->c, i), k;
	const struct meaning *m = v->c->m[a];
	json_t *o = json_object();
	struct buf others = {0};

	set_fmt(o, "code", "%03d", m->code);
	set_url(o, "href", url_number(here, m->code));
	set_str(o, "title", m->title[l]);
	set_str(o, "summary", m->summary[l]);
	for (k = a; k < b; k++) {
		const char *lab = view_meaning_label(v, v->c->m[k], l);
		if (lab == NULL)
			continue;
		/* After a registered meaning, the others read as additions: "+ nginx". */
		buf_puts(&others, others.len ? " · " : m->registry == REG_IANA ? "+ " : "");
		buf_puts(&others, lab);
	}
	set_opt(o, "label", others.s);
	json_object_set_new(o, "label_lang", json_null());
	buf_free(&others);
	return o;
}

/* A list item for one meaning; `extra`, when given, is a reference's text
 * ("RFC 9110, Section 15.5.5") shown as its label: English on a Chinese page. */
json_t *
meaning_item(const struct view *v, const struct meaning *m, enum lang l, const char *extra)
{
	json_t *o = json_object();

	set_fmt(o, "code", "%03d", m->code);
	set_url(o, "href", url_meaning("", m));
	set_str(o, "title", m->title[l]);
	set_str(o, "summary", m->summary[l]);
	set_opt(o, "label_lang", extra && l != LANG_EN ? "en" : NULL);
	set_opt(o, "label", extra ? extra : view_meaning_label(v, m, l));
	return o;
}

json_t *
group(const char *id, const char *heading, const char *href, const char *summary, json_t *items)
{
	json_t *g = json_object();

	set_opt(g, "id", id);
	set_opt(g, "heading", heading);
	set_opt(g, "href", href);
	set_opt(g, "summary", summary);
	json_object_set_new(g, "items", items);
	return g;
}

/* Makes ctx a list page: an introduction (rendered Markdown, or NULL) and
 * groups of items.  Returns ctx. */
json_t *
list_page(json_t *ctx, const char *intro_html, json_t *groups)
{
	set_opt(ctx, "intro", intro_html);
	if (json_object_get(ctx, "list_class") == NULL)
		set_str(ctx, "list_class", "codes");
	json_object_set_new(ctx, "groups", groups);
	return ctx;
}

/* Adds {"file": file, "page": page} to the array `out` (taking page). */
void
add_page(json_t *out, const char *file, json_t *page)
{
	json_array_append_new(out, json_pack("{s:s, s:o}", "file", file, "page", page));
}

/* ---------------------------------------------------------------- pages */

json_t *
view_home(const struct view *v, enum lang l, int at_root)
{
	json_t *ctx = view_page(v, l, at_root, "index.html", view_str(v, l, "site_name"),
	                        view_str(v, l, "site_tagline"));
	json_t *groups = json_array();
	char *here = at_root ? xasprintf("%s/", lang_dir[l]) : xstrdup("");
	int k;

	set_str(ctx, "list_class", "codes compact");
	for (k = 0; k < CLASS__N; k++) {
		json_t *items = json_array();
		size_t i;
		for (i = 0; i < v->c->nnum; i++)
			if ((int)v->c->m[v->c->first[i]]->klass == k)
				json_array_append_new(items, number_item(v, i, l, here));
		if (json_array_size(items) == 0) {
			json_decref(items);
			continue;
		}
		{
			char *href = url_class_page(here, k);
			json_array_append_new(
			    groups,
			    group(class_slug[k], view_class_title(v, k, l), href,
			          v->c->classes[k] ? v->c->classes[k]->summary[l] : NULL, items));
			free(href);
		}
	}
	free(here);
	return list_page(ctx, NULL, groups);
}

json_t *
view_class(const struct view *v, enum lang l, enum klass k)
{
	struct meaning *ci = v->c->classes[k];
	char *file = url_class_page("", k);
	json_t *ctx = view_page(v, l, 0, file, view_class_title(v, k, l),
	                        ci && ci->summary[l] ? ci->summary[l] : view_class_title(v, k, l));
	json_t *items = json_array(), *groups = json_array();
	size_t i;

	for (i = 0; i < v->c->nnum; i++)
		if (v->c->m[v->c->first[i]]->klass == k)
			json_array_append_new(items, number_item(v, i, l, ""));
	json_array_append_new(groups, group(NULL, NULL, NULL, NULL, items));
	free(file);
	return list_page(ctx, ci ? ci->html[l] : NULL, groups);
}

json_t *
view_own_page(const struct view *v, enum lang l, const struct meaning *p)
{
	char *file = xasprintf("%s.html", p->id);
	json_t *ctx = view_page(v, l, 0, file, p->title[l] ? p->title[l] : p->id, p->summary[l]);

	free(file);
	return list_page(ctx, p->html[l], json_array());
}

json_t *
view_not_found(const struct view *v, const char *base_url)
{
	char *title = xasprintf("%s · %s", view_str(v, LANG_ZH, "notfound_title"),
	                        view_str(v, LANG_EN, "notfound_title"));
	json_t *ctx =
	    view_page(v, LANG_ZH, 1, "index.html", title, view_str(v, LANG_ZH, "notfound_text"));
	struct buf b = {0};
	int k;

	/* GitHub Pages serves 404.html at any depth: resolve its links from the
	 * root.  One page for every reader: the text in every edition, and a
	 * link to each edition's home page. */
	set_str(ctx, "base_href", base_url);
	buf_puts(&b, "<p lang=\"zh-Hant\">");
	esc_text(&b, view_str(v, LANG_ZH_HANT, "notfound_text"));
	buf_puts(&b, "</p>\n<p lang=\"en\">");
	esc_text(&b, view_str(v, LANG_EN, "notfound_text"));
	buf_puts(&b, "</p>\n<p>");
	for (k = 0; k < LANG__N; k++) {
		enum lang l = order[k];
		buf_puts(&b, k ? " · <a href=\"" : "<a href=\"");
		buf_puts(&b, lang_dir[l]);
		buf_puts(&b, "/index.html\" lang=\"");
		buf_puts(&b, view_str(v, l, "html_lang"));
		buf_puts(&b, "\">");
		esc_text(&b, view_str(v, l, "home"));
		buf_puts(&b, "</a>");
	}
	buf_puts(&b, "</p>\n");
	ctx = list_page(ctx, b.s, json_array());
	buf_free(&b);
	free(title);
	return ctx;
}

/* -------------------------------------------------------- a code's page */

static json_t *
constants_ctx(const struct meaning *m)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < m->nconsts; i++) {
		json_t *c = json_object();
		int k = name_lookup(constant_key, CONSTANT_KEYS, m->consts[i].lang);
		set_str(c, "name", k >= 0 ? constant_label[k] : m->consts[i].lang);
		set_str(c, "value", m->consts[i].value);
		json_array_append_new(a, c);
	}
	return a;
}

const char *
view_status_label(const struct view *v, const struct meaning *m, enum lang l)
{
	static const char *const status_key[STATUS__N] = {NULL, "deprecated", "unused", "obsolete",
	                                                  "joke"};

	return status_key[m->status] ? view_str(v, l, status_key[m->status]) : NULL;
}

json_t *
view_sem_headers(const struct view *v, const struct semantics *s, enum lang l)
{
	static const char *const level_key[SEM_LEVEL__N] = {"sem_must", "sem_should", "sem_may"};
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < s->nheaders; i++) {
		json_t *h = json_object();
		set_str(h, "name", s->headers[i].name);
		set_str(h, "level", view_str(v, l, level_key[s->headers[i].level]));
		set_opt(h, "when", s->headers[i].when[l]);
		json_array_append_new(a, h);
	}
	return a;
}

/* What a meaning's heading says of it: summary and the tags (registered,
 * vendor, unofficial, status, IANA's annotation). */
static json_t *
meaning_tags(const struct view *v, const struct meaning *m, enum lang l)
{
	json_t *o = json_object();

	set_str(o, "summary", m->summary[l]);
	set_opt(o, "vendor", m->vendor);
	json_object_set_new(o, "is_iana", json_boolean(m->registry == REG_IANA));
	json_object_set_new(o, "is_vendor", json_boolean(m->registry == REG_VENDOR));
	json_object_set_new(o, "is_unofficial", json_boolean(m->registry == REG_UNOFFICIAL));
	set_opt(o, "status_label", view_status_label(v, m, l));
	set_str(o, "status_class", status_name[m->status]);
	set_opt(o, "annotation",
	        m->registry == REG_IANA && m->iana && !m->iana->unused ? m->iana->annotation
	                                                               : NULL);
	return o;
}

/* A row of the at-a-glance box: the fact's name, its value, where it is written. */
static json_t *
glance_row(const struct view *v, enum lang l, const struct semantics *s, enum sem_fact k,
           const char *value)
{
	static const char *const label[SEM__N] = {"sem_cacheable", "sem_content", "sem_redirect",
	                                          "sem_introduced", "sem_headers"};
	json_t *r = json_object();

	set_str(r, "label", view_str(v, l, label[k]));
	set_opt(r, "value", value);
	set_opt(r, "source", s->source[k]);
	json_object_set_new(r, "link", json_null());
	json_object_set_new(r, "headers", json_array());
	return r;
}

/* The at-a-glance box of a meaning with `semantics`, or null. */
static json_t *
glance_ctx(const struct view *v, const struct meaning *m, enum lang l)
{
	static const char *const method_key[SEM_METHOD__N] = {
	    "sem_method_preserved", "sem_method_post_may_become_get", "sem_method_becomes_get"};
	const struct semantics *s = m->sem;
	json_t *o, *rows, *r, *a;

	if (s == NULL)
		return json_null();
	o = json_object();
	rows = json_array();
	json_array_append_new(
	    rows,
	    glance_row(v, l, s, SEM_CACHEABLE,
	               view_str(v, l, s->cacheable ? "sem_cacheable_yes" : "sem_cacheable_no")));
	json_array_append_new(
	    rows, glance_row(v, l, s, SEM_CONTENT,
	                     view_str(v, l,
	                              s->content == SEM_FORBIDDEN ? "sem_content_forbidden"
	                                                          : "sem_content_allowed")));
	if (s->redirect) {
		r = glance_row(v, l, s, SEM_REDIRECT, NULL);
		set_fmt(r, "value", "%s%s%s",
		        view_str(v, l, s->permanent ? "sem_permanent" : "sem_temporary"),
		        view_str(v, l, "sem_separator"), view_str(v, l, method_key[s->method]));
		json_array_append_new(rows, r);
	}
	r = glance_row(v, l, s, SEM_INTRODUCED, NULL);
	a = json_object();
	if (s->rfc) {
		set_fmt(a, "text", "RFC %d (%d)", s->rfc, s->year);
		set_url(a, "href", url_rfc(s->rfc, NULL));
	} else {
		set_fmt(a, "text", "%s (%d)", s->draft ? s->draft : "", s->year);
		set_url(a, "href", url_draft(s->draft ? s->draft : ""));
	}
	json_object_set_new(r, "link", a);
	json_array_append_new(rows, r);
	r = glance_row(v, l, s, SEM_HEADERS,
	               s->nheaders ? NULL : view_str(v, l, "sem_headers_none"));
	json_object_set_new(r, "headers", view_sem_headers(v, s, l));
	json_array_append_new(rows, r);
	json_object_set_new(o, "rows", rows);
	set_opt(o, "disputed", s->disputed[l]);
	json_object_set_new(o, "compare", view_compare_link(v, m, l));
	return o;
}

json_t *
view_meaning(const struct view *v, const struct meaning *m, enum lang l)
{
	json_t *o = meaning_tags(v, m, l), *a;
	size_t i;

	set_str(o, "anchor", url_anchor(m));
	set_hash(o, "href", url_anchor(m));
	set_str(o, "id", m->id);
	set_str(o, "title", m->title[l]);
	set_opt(o, "note", m->note[l]);
	if (m->registry != REG_IANA && m->iana) {
		set_fmt(o, "conflict", "%03d %s", m->code, m->iana->description);
		set_url(o, "conflict_href", url_number("", m->code));
	} else {
		json_object_set_new(o, "conflict", json_null());
		json_object_set_new(o, "conflict_href", json_null());
	}

	a = json_array();
	for (i = 0; i < m->naliases[l]; i++)
		json_array_append_new(a, json_string_nocheck(m->aliases[l][i]));
	json_object_set_new(o, "aliases", a);
	json_object_set_new(o, "constants", constants_ctx(m));

	a = json_array();
	for (i = 0; i < m->nrefs; i++)
		json_array_append_new(
		    a, json_pack("{s:s, s:s}", "text", m->refs[i].text, "href", m->refs[i].url));
	json_object_set_new(o, "references", a);

	a = json_array();
	for (i = 0; i < m->nsubs; i++)
		json_array_append_new(
		    a, json_pack("{s:s, s:s+, s:s, s:o}", "code", m->subs[i].code, "href", "#",
		                 m->subs[i].code, "text", m->subs[i].text[l], "title",
		                 m->subs[i].title[l] ? json_string_nocheck(m->subs[i].title[l])
		                                     : json_null()));
	json_object_set_new(o, "subcodes", a);

	a = json_array();
	for (i = 0; i < m->nsee; i++)
		if (m->see[i].target)
			json_array_append_new(a, meaning_item(v, m->see[i].target, l, NULL));
	json_object_set_new(o, "see_also", a);

	json_object_set_new(o, "glance", glance_ctx(v, m, l));
	set_opt(o, "body", m->html[l]);
	return o;
}

/* The sections of m's body in language l, for a table of contents. */
static json_t *
sections_ctx(const struct meaning *m, enum lang l)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < m->nsections[l]; i++) {
		json_t *e = json_object();
		set_hash(e, "href", m->sections[l][i].id);
		set_str(e, "text", m->sections[l][i].text);
		json_array_append_new(a, e);
	}
	return a;
}

json_t *
view_code(const struct view *v, enum lang l, size_t i)
{
	size_t a = v->c->first[i], b = corpus_number_end(v->c, i), k;
	const struct meaning *m = v->c->m[a];
	char *file = url_number("", m->code), *title;
	json_t *ctx, *meanings = json_array(), *toc = json_array(), *cls = json_object();

	/* On a Chinese page the English reason phrase, as it appears on the
	 * wire and in logs, stands next to the Chinese title. */
	if (l != LANG_EN && m->title[LANG_EN])
		title = xasprintf("%03d %s %s", m->code, m->title[LANG_EN],
		                  m->title[l] ? m->title[l] : "");
	else
		title = xasprintf("%03d %s", m->code, m->title[l] ? m->title[l] : "");
	ctx = view_page(v, l, 0, file, title, m->summary[l] ? m->summary[l] : title);
	set_fmt(ctx, "code", "%03d", m->code);
	set_str(ctx, "headline", m->title[l]);
	set_opt(ctx, "reason", l != LANG_EN ? m->title[LANG_EN] : NULL);
	json_object_set_new(ctx, "top", meaning_tags(v, m, l));
	set_placeholder(ctx, "which_heading", view_str(v, l, "which_heading"), "{code}",
	                json_string_value(json_object_get(ctx, "code")));
	/* The table of contents: each meaning with its sections when there are
	 * several, else the sections of the one. */
	for (k = a; k < b; k++) {
		const struct meaning *mk = v->c->m[k];
		json_t *e = json_object();
		const char *lab = view_meaning_label(v, mk, l);
		json_array_append_new(meanings, view_meaning(v, mk, l));
		set_hash(e, "href", url_anchor(mk));
		set_str(e, "title", mk->title[l]);
		set_str(e, "label", lab ? lab : view_str(v, l, "iana"));
		set_opt(e, "seen_in", mk->seen_in[l]);
		json_object_set_new(e, "sections", sections_ctx(mk, l));
		json_array_append_new(toc, e);
	}
	json_object_set_new(ctx, "meanings", meanings);
	json_object_set_new(ctx, "multi", json_boolean(b - a > 1));
	json_object_set_new(ctx, "single_sections", b - a == 1 ? sections_ctx(m, l) : json_array());
	if (b - a == 1 && m->nsections[l] == 0) {
		json_decref(toc);
		toc = json_array();
	}
	json_object_set_new(ctx, "toc", toc);
	set_str(cls, "title", view_class_title(v, m->klass, l));
	set_url(cls, "href", url_class_page("", m->klass));
	json_object_set_new(ctx, "class", cls);
	json_object_set_new(ctx, "prev", i > 0 ? number_item(v, i - 1, l, "") : json_null());
	json_object_set_new(ctx, "next",
	                    i + 1 < v->c->nnum ? number_item(v, i + 1, l, "") : json_null());
	free(title);
	free(file);
	return ctx;
}
