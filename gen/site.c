/*
 * site.c — the static site (SPEC §4): per-number pages, indexes, the IANA
 * registry page, the search index, sitemap, and the JSON export, written
 * into a fresh folder that replaces --out only when everything succeeded.
 *
 * Each page is described by a view model (a jansson object) and handed to
 * template.c; this file decides what is on which page, never how it looks.
 *
 * Strings go into jansson with json_string_nocheck: every one of them is
 * UTF-8 already checked (content.c checks each file, jansson the strings
 * file, libxml2 the templates), and checking again was a tenth of the build.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen.h"

/* Written into every output folder, so that --out never replaces a folder
 * that statusgen did not make. */
#define MARK_FILE ".statusgen"

/* Static files copied from the templates folder as they are. */
static const char *const assets[] = {"style.css", "search.js", "codes.schema.json", "code.schema.json"};

struct site {
	struct corpus *c;
	const char *templates;
	char *out; /* the fresh folder being written */
	const char *base_url;
	const char *prev; /* the previous site, whose unchanged files are linked, or NULL */
	int has_class[CLASS__N]; /* the class has a page: some meaning belongs to it */
	json_t *strings; /* templates/strings.json */
	json_t *globals[LANG__N]; /* {"t": the strings of a language}: what every page shares */
	struct tmpl *layout, *code, *list, *registry;
	int errors;
	struct buf sitemap;
	size_t *first; /* index in c->m of the first meaning of each number */
	struct export_number *exports; /* each number's JSON, made by its export job */
	size_t nnum;
};

static const struct pos nopos = {0, 0};

/* ------------------------------------------------------------- helpers */

/* Returns 1 if the file at `path` holds exactly data[0..len). */
static int
same_bytes(const char *path, const char *data, size_t len)
{
	struct stat st;
	char *old = NULL;
	size_t n;
	int same;

	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		return 0;
	if (file_read(path, len, &old, &n) == -1)
		return 0;
	same = n == len && memcmp(old, data, len) == 0;
	free(old);
	return same;
}

/*
 * Writes site file `rel` into the build folder.  A file whose bytes the
 * previous site already has is linked from there instead, so it keeps its
 * modification time: a rebuild after editing one content file changes only
 * the pages that show it, and a deploy's diff stays small.
 */
static void
write_out(struct site *s, const char *rel, const char *data, size_t len)
{
	char *path = path_join(s->out, rel), *slash = strrchr(path, '/');
	int rc;

	if (s->prev) {
		char *old = path_join(s->prev, rel);
		int kept = same_bytes(old, data, len) && link(old, path) == 0;
		if (!kept && errno == ENOENT && strchr(rel, '/')) {
			*slash = '\0';
			mkdir_p(path);
			*slash = '/';
			kept = same_bytes(old, data, len) && link(old, path) == 0;
		}
		free(old);
		if (kept) {
			free(path);
			return;
		}
	}
	rc = file_write(path, data, len);
	if (rc == -1 && errno == ENOENT) {
		*slash = '\0';
		if (mkdir_p(path) == -1) {
			diag(DIAG_ERROR, path, nopos, "cannot create the folder: %s", strerror(errno));
			s->errors++;
		}
		*slash = '/';
		rc = file_write(path, data, len);
	}
	if (rc == -1) {
		diag(DIAG_ERROR, path, nopos, "cannot write: %s", strerror(errno));
		s->errors++;
	}
	free(path);
}

static const char *
str(struct site *s, enum lang l, const char *key)
{
	json_t *v = json_object_get(json_object_get(s->strings, lang_code[l]), key);
	return json_is_string(v) ? json_string_value(v) : key;
}

static const char *
class_title(struct site *s, int k, enum lang l)
{
	struct meaning *ci = s->c->classes[k];
	return ci && ci->title[l] ? ci->title[l] : class_slug[k];
}

/* The vendor part of a meaning for lists: vendor name, "unofficial", or NULL. */
static const char *
meaning_label(struct site *s, const struct meaning *m, enum lang l)
{
	if (m->registry == REG_VENDOR)
		return m->vendor;
	if (m->registry == REG_UNOFFICIAL)
		return str(s, l, "unofficial");
	return NULL;
}

static const char *
anchor_of(const struct meaning *m)
{
	return m->slug ? m->slug : registry_name[m->registry];
}

/* What every page of a language folder shares: see page_ctx. */
static json_t *
page_chrome(struct site *s, enum lang l, const char *root, const char *here)
{
	json_t *o = json_object(), *nav = json_object();
	char *t;

	json_object_set_new(o, "lang", json_string_nocheck(lang_code[l]));
	json_object_set_new(o, "html_lang", json_string_nocheck(str(s, l, "html_lang")));
	json_object_set_new(o, "root", json_string_nocheck(root));
	t = xasprintf("%scodes.json", root);
	json_object_set_new(o, "codes_json", json_string_nocheck(t));
	free(t);

#define NAV(key, name)                                                                             \
	do {                                                                                       \
		char *h = xasprintf("%s%s", here, name);                                           \
		json_object_set_new(nav, key, json_string_nocheck(h));                                     \
		free(h);                                                                           \
	} while (0)
	NAV("home", "index.html");
	NAV("vendors", "vendors.html");
	NAV("rfcs", "rfcs.html");
	NAV("registry", "iana.html");
#undef NAV
	{
		/* The class pages, linked from every page: label "4xx" (the title for
		 * the non-standard class), title "4xx Client Error". */
		json_t *classes = json_array();
		int k;
		for (k = 0; k < CLASS__N; k++) {
			json_t *c;
			char *h;
			if (!s->has_class[k])
				continue;
			c = json_object();
			h = xasprintf("%s%s.html", here, class_slug[k]);
			json_object_set_new(c, "href", json_string_nocheck(h));
			free(h);
			json_object_set_new(c, "label", json_string_nocheck(k == CLASS_NONSTANDARD ? class_title(s, k, l)
			                                                                    : class_slug[k]));
			json_object_set_new(c, "title", json_string_nocheck(class_title(s, k, l)));
			json_array_append_new(classes, c);
		}
		json_object_set_new(nav, "classes", classes);
	}
	json_object_set_new(o, "nav", nav);
	/* "en" on a page in another language, for text that is English there
	 * (IANA's descriptions, reference titles); null on English pages. */
	json_object_set_new(o, "lang_en", l == LANG_EN ? json_null() : json_string_nocheck("en"));
	{
		json_t *pages = json_array();
		size_t i;
		for (i = 0; i < s->c->npages; i++) {
			json_t *p = json_object();
			char *h = xasprintf("%s%s.html", here, s->c->pages[i]->id);
			json_object_set_new(p, "href", json_string_nocheck(h));
			json_object_set_new(p, "title", json_string_nocheck(s->c->pages[i]->title[l] ? s->c->pages[i]->title[l] : ""));
			json_array_append_new(pages, p);
			free(h);
		}
		json_object_set_new(o, "pages", pages);
	}
	t = xasprintf("%sstyle.css", root);
	json_object_set_new(o, "css", json_string_nocheck(t));
	free(t);
	t = xasprintf("%ssearch-index.js", root);
	json_object_set_new(o, "search_index_js", json_string_nocheck(t));
	free(t);
	t = xasprintf("%ssearch.js", root);
	json_object_set_new(o, "search_js", json_string_nocheck(t));
	free(t);
	json_object_set_new(o, "search_base", json_string_nocheck(here));
	json_object_set_new(o, "base_href", json_null());
	return o;
}

/*
 * The view model of a page, for the layout and the page template.  What is
 * the same on every page of a language folder (navigation, assets: see
 * page_chrome) is in s->globals and only read; a page elsewhere (the root
 * index.html, 404.html) gets its own.  `root` leads from the page to the site
 * root, `here` from the page to its language folder, and `file` is the page's
 * name inside the language folder.
 */
static json_t *
page_ctx(struct site *s, enum lang l, const char *root, const char *here, const char *file,
         const char *title, const char *description)
{
	json_t *o = json_object(), *alt = json_object();
	enum lang other = l == LANG_ZH ? LANG_EN : LANG_ZH;
	char *t;

	if (strcmp(root, "../") != 0 || here[0] != '\0') {
		json_t *chrome = page_chrome(s, l, root, here);
		json_object_update(o, chrome);
		json_decref(chrome);
	} else {
		/* Which globals to read: render() looks at "lang". */
		json_object_set_new(o, "lang", json_string_nocheck(lang_code[l]));
	}
	t = xasprintf("%s — %s", title, str(s, l, "site_name"));
	json_object_set_new(o, "page_title", json_string_nocheck(t));
	free(t);
	json_object_set_new(o, "title", json_string_nocheck(title));
	json_object_set_new(o, "description", json_string_nocheck(description));

	t = xasprintf("%s%s/%s", root, lang_code[other], file);
	json_object_set_new(alt, "href", json_string_nocheck(t));
	free(t);
	json_object_set_new(alt, "lang", json_string_nocheck(lang_code[other]));
	json_object_set_new(alt, "html_lang", json_string_nocheck(str(s, other, "html_lang")));
	json_object_set_new(alt, "label", json_string_nocheck(str(s, other, "language_name")));
	json_object_set_new(o, "alt", alt);
	t = xasprintf("%s%s/%s", root, lang_code[l], file);
	json_object_set_new(o, "self", json_string_nocheck(t));
	free(t);
	return o;
}

/* Renders a page to site path `rel`; pages inside a language folder go
 * into the sitemap.  Takes the reference to ctx. */
static void
render(struct site *s, struct tmpl *page, json_t *ctx, const char *rel)
{
	size_t len;
	const char *lang = json_string_value(json_object_get(ctx, "lang"));
	char *html = tmpl_render(page, s->globals[lang && strcmp(lang, "en") == 0 ? LANG_EN : LANG_ZH],
	                         ctx, &len);

	if (html == NULL) {
		s->errors++;
	} else {
		write_out(s, rel, html, len);
		free(html);
	}
	if (strchr(rel, '/')) {
		xmlChar *u = xmlEncodeSpecialChars(NULL, (const xmlChar *)s->base_url);
		char *line = xasprintf("  <url><loc>%s%s</loc></url>\n", (char *)u, rel);
		buf_puts(&s->sitemap, line);
		free(line);
		xmlFree(u);
	}
	json_decref(ctx);
}

/* A list item for number index i: its first meaning, and the vendors of the others. */
static json_t *
number_item(struct site *s, size_t i, enum lang l, const char *here)
{
	size_t a = s->first[i], b = i + 1 < s->nnum ? s->first[i + 1] : s->c->nm, k;
	const struct meaning *m = s->c->m[a];
	json_t *o = json_object();
	struct buf others = {0};
	char *t;

	t = xasprintf("%03d", m->code);
	json_object_set_new(o, "code", json_string_nocheck(t));
	free(t);
	t = xasprintf("%s%03d.html", here, m->code);
	json_object_set_new(o, "href", json_string_nocheck(t));
	free(t);
	json_object_set_new(o, "title", json_string_nocheck(m->title[l] ? m->title[l] : ""));
	json_object_set_new(o, "summary", json_string_nocheck(m->summary[l] ? m->summary[l] : ""));
	for (k = a; k < b; k++) {
		const char *lab = meaning_label(s, s->c->m[k], l);
		if (lab == NULL)
			continue;
		/* After a registered meaning, the others read as additions: "+ nginx". */
		buf_puts(&others, others.len ? " · " : m->registry == REG_IANA ? "+ " : "");
		buf_puts(&others, lab);
	}
	json_object_set_new(o, "label", others.s ? json_string_nocheck(others.s) : json_null());
	json_object_set_new(o, "label_lang", json_null());
	buf_free(&others);
	return o;
}

/* A list item for one meaning. */
static json_t *
meaning_item(struct site *s, const struct meaning *m, enum lang l, const char *here,
             const char *extra)
{
	json_t *o = json_object();
	char *t;

	t = xasprintf("%03d", m->code);
	json_object_set_new(o, "code", json_string_nocheck(t));
	free(t);
	if (m->slug)
		t = xasprintf("%s%03d.html#%s", here, m->code, m->slug);
	else
		t = xasprintf("%s%03d.html", here, m->code);
	json_object_set_new(o, "href", json_string_nocheck(t));
	free(t);
	json_object_set_new(o, "title", json_string_nocheck(m->title[l] ? m->title[l] : ""));
	json_object_set_new(o, "summary", json_string_nocheck(m->summary[l] ? m->summary[l] : ""));
	/* `extra` is a reference's text ("RFC 9110, Section 15.5.5"): English on
	 * a Chinese page. */
	json_object_set_new(o, "label_lang", extra && l != LANG_EN ? json_string_nocheck("en") : json_null());
	if (extra)
		json_object_set_new(o, "label", json_string_nocheck(extra));
	else if (meaning_label(s, m, l))
		json_object_set_new(o, "label", json_string_nocheck(meaning_label(s, m, l)));
	else
		json_object_set_new(o, "label", json_null());
	return o;
}

static json_t *
group(const char *id, const char *heading, const char *href, const char *summary, json_t *items)
{
	json_t *g = json_object();

	json_object_set_new(g, "id", id ? json_string_nocheck(id) : json_null());
	json_object_set_new(g, "heading", heading ? json_string_nocheck(heading) : json_null());
	json_object_set_new(g, "href", href ? json_string_nocheck(href) : json_null());
	json_object_set_new(g, "summary", summary ? json_string_nocheck(summary) : json_null());
	json_object_set_new(g, "items", items);
	return g;
}

static void
list_page(struct site *s, json_t *ctx, const char *intro_html, json_t *groups, const char *rel)
{
	json_object_set_new(ctx, "intro", intro_html ? json_string_nocheck(intro_html) : json_null());
	if (json_object_get(ctx, "list_class") == NULL)
		json_object_set_new(ctx, "list_class", json_string_nocheck("codes"));
	json_object_set_new(ctx, "groups", groups);
	render(s, s->list, ctx, rel);
}

/* ---------------------------------------------------------------- pages */

/* The home page of language l; `root`/`here` as for page_ctx. */
static void
home_page(struct site *s, enum lang l, const char *root, const char *here, const char *rel)
{
	json_t *ctx = page_ctx(s, l, root, here, "index.html", str(s, l, "site_name"),
	                       str(s, l, "site_tagline"));
	json_t *groups = json_array();
	int k;

	json_object_set_new(ctx, "list_class", json_string_nocheck("codes compact"));
	for (k = 0; k < CLASS__N; k++) {
		json_t *items = json_array();
		size_t i;
		char *href;
		for (i = 0; i < s->nnum; i++)
			if ((int)s->c->m[s->first[i]]->klass == k)
				json_array_append_new(items, number_item(s, i, l, here));
		if (json_array_size(items) == 0) {
			json_decref(items);
			continue;
		}
		href = xasprintf("%s%s.html", here, class_slug[k]);
		json_array_append_new(groups, group(class_slug[k], class_title(s, k, l), href,
		                                    s->c->classes[k] ? s->c->classes[k]->summary[l] : NULL,
		                                    items));
		free(href);
	}
	list_page(s, ctx, NULL, groups, rel);
}

static void
class_page(struct site *s, enum lang l, int k)
{
	struct meaning *ci = s->c->classes[k];
	char *file = xasprintf("%s.html", class_slug[k]), *rel;
	json_t *ctx = page_ctx(s, l, "../", "", file, class_title(s, k, l),
	                       ci && ci->summary[l] ? ci->summary[l] : class_title(s, k, l));
	json_t *items = json_array(), *groups = json_array();
	size_t i;

	for (i = 0; i < s->nnum; i++)
		if ((int)s->c->m[s->first[i]]->klass == k)
			json_array_append_new(items, number_item(s, i, l, ""));
	json_array_append_new(groups, group(NULL, NULL, NULL, NULL, items));
	rel = xasprintf("%s/%s", lang_code[l], file);
	list_page(s, ctx, ci ? ci->html[l] : NULL, groups, rel);
	free(rel);
	free(file);
}

/* A meaning under a heading of an index: a vendor, an RFC. */
struct entry {
	const struct meaning *m;
	size_t order;       /* position in the corpus */
	int rfc;            /* rfc_pages: the RFC */
	const char *label;  /* rfc_pages: the reference's text */
};

static int
cmp_by_vendor(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcasecmp(x->m->vendor, y->m->vendor);

	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int
cmp_by_rfc(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->rfc != y->rfc)
		return x->rfc < y->rfc ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/*
 * Writes `name`'s page (`file`, titled `title`) with the entries e[0..n),
 * and adds its group to the index's `groups`.
 */
static void
index_entry_page(struct site *s, enum lang l, const struct entry *e, size_t n, const char *id,
                 const char *title, const char *file, const char *url, json_t *groups)
{
	json_t *items = json_array(), *one = json_array(), *ctx;
	char *rel = xasprintf("%s/%s", lang_code[l], file);
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(items, meaning_item(s, e[i].m, l, "", e[i].label));
	json_array_append_new(groups, group(id, title, file, NULL, json_deep_copy(items)));
	ctx = page_ctx(s, l, "../", "", file, title, title);
	json_array_append_new(one, group(NULL, NULL, url, NULL, items));
	list_page(s, ctx, NULL, one, rel);
	free(rel);
}

/* vendors.html, and vendor-SLUG.html for each vendor: one sort, no search. */
static void
vendor_pages(struct site *s, enum lang l)
{
	struct entry *e = xcalloc(s->c->nm, sizeof(*e));
	size_t n = 0, i, j;
	json_t *ctx, *groups = json_array();
	char *rel, *prev = NULL;

	for (i = 0; i < s->c->nm; i++)
		if (s->c->m[i]->vendor) {
			e[n].m = s->c->m[i];
			e[n].order = i;
			n++;
		}
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_by_vendor);
	for (i = 0; i < n; i = j) {
		char *slug = slugify(e[i].m->vendor), *file;
		for (j = i + 1; j < n && strcasecmp(e[j].m->vendor, e[i].m->vendor) == 0; j++)
			;
		if (prev && strcmp(prev, slug) == 0) { /* "Acme IIS" and "Acme-IIS" */
			char *other = xasprintf("%s-%zu", slug, i);
			free(slug);
			slug = other;
		}
		file = xasprintf("vendor-%s.html", slug);
		index_entry_page(s, l, e + i, j - i, slug, e[i].m->vendor, file, NULL, groups);
		free(file);
		free(prev);
		prev = slug;
	}
	free(prev);
	ctx = page_ctx(s, l, "../", "", "vendors.html", str(s, l, "vendors"),
	               str(s, l, "vendors_intro"));
	rel = xasprintf("%s/vendors.html", lang_code[l]);
	list_page(s, ctx, NULL, groups, rel);
	free(rel);
	free(e);
}

/* A page of its own: content/pages/NAME.md. */
static void
own_page(struct site *s, enum lang l, const struct meaning *p)
{
	char *file = xasprintf("%s.html", p->id), *rel = xasprintf("%s/%s", lang_code[l], file);
	json_t *ctx = page_ctx(s, l, "../", "", file, p->title[l] ? p->title[l] : p->id,
	                       p->summary[l] ? p->summary[l] : "");

	list_page(s, ctx, p->html[l], json_array(), rel);
	free(rel);
	free(file);
}

/* rfcs.html, and rfc-N.html for each RFC the content cites. */
static void
rfc_pages(struct site *s, enum lang l)
{
	struct entry *e = NULL;
	size_t n = 0, i, j, k, q;
	json_t *ctx, *groups = json_array();
	char *rel;

	for (i = 0; i < s->c->nm; i++) {
		const struct meaning *m = s->c->m[i];
		for (k = 0; k < m->nrefs; k++) {
			if (m->refs[k].kind != REF_RFC)
				continue;
			for (q = 0; q < k && !(m->refs[q].kind == REF_RFC && m->refs[q].rfc == m->refs[k].rfc); q++)
				;
			if (q < k)
				continue; /* the first reference to an RFC names it */
			e = xrealloc(e, (n + 1) * sizeof(*e));
			e[n].m = m;
			e[n].order = i;
			e[n].rfc = m->refs[k].rfc;
			e[n].label = m->refs[k].text;
			n++;
		}
	}
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_by_rfc);
	for (i = 0; i < n; i = j) {
		char *file = xasprintf("rfc-%d.html", e[i].rfc), *title = xasprintf("RFC %d", e[i].rfc);
		char *id = xasprintf("rfc-%d", e[i].rfc);
		char *url = xasprintf("https://www.rfc-editor.org/rfc/rfc%d.html", e[i].rfc);
		for (j = i + 1; j < n && e[j].rfc == e[i].rfc; j++)
			;
		index_entry_page(s, l, e + i, j - i, id, title, file, url, groups);
		free(file);
		free(title);
		free(id);
		free(url);
	}
	ctx = page_ctx(s, l, "../", "", "rfcs.html", str(s, l, "rfcs"), str(s, l, "rfcs_intro"));
	rel = xasprintf("%s/rfcs.html", lang_code[l]);
	list_page(s, ctx, NULL, groups, rel);
	free(rel);
	free(e);
}

static void
registry_page(struct site *s, enum lang l)
{
	json_t *ctx = page_ctx(s, l, "../", "", "iana.html", str(s, l, "registry"),
	                       str(s, l, "registry_intro"));
	json_t *recs = json_array();
	size_t i, k;
	char *rel;

	for (i = 0; s->c->reg && i < s->c->reg->nrecs; i++) {
		const struct iana_record *r = &s->c->reg->recs[i];
		json_t *o = json_object(), *refs = json_array();
		char *t = r->lo == r->hi ? xasprintf("%03d", r->lo) : xasprintf("%03d–%03d", r->lo, r->hi);
		json_object_set_new(o, "value", json_string_nocheck(t));
		free(t);
		json_object_set_new(o, "description", json_string_nocheck(r->description));
		json_object_set_new(o, "assigned", json_boolean(r->assigned));
		if (r->assigned) {
			t = xasprintf("%03d.html", r->lo);
			json_object_set_new(o, "href", json_string_nocheck(t));
			free(t);
		} else {
			json_object_set_new(o, "href", json_null());
		}
		for (k = 0; k < r->nxrefs; k++) {
			const struct iana_xref *x = &r->xrefs[k];
			json_t *ref = json_object();
			char *href, *text;
			if (x->rfc && x->section)
				href = xasprintf("https://www.rfc-editor.org/rfc/rfc%d.html#section-%s", x->rfc,
				                 x->section);
			else if (x->rfc)
				href = xasprintf("https://www.rfc-editor.org/rfc/rfc%d.html", x->rfc);
			else if (strcmp(x->type, "draft") == 0)
				href = xasprintf("https://datatracker.ietf.org/doc/html/%s", x->data);
			else if (strncmp(x->data, "http", 4) == 0)
				href = xstrdup(x->data);
			else
				href = NULL;
			text = x->text ? xstrdup(x->text)
			       : x->rfc ? xasprintf("RFC %d", x->rfc)
			                : xstrdup(x->data);
			json_object_set_new(ref, "text", json_string_nocheck(text));
			json_object_set_new(ref, "href", href ? json_string_nocheck(href) : json_null());
			json_array_append_new(refs, ref);
			free(href);
			free(text);
		}
		json_object_set_new(o, "refs", refs);
		json_array_append_new(recs, o);
	}
	json_object_set_new(ctx, "records", recs);
	json_object_set_new(ctx, "updated", json_string_nocheck(s->c->reg ? s->c->reg->updated : ""));
	rel = xasprintf("%s/iana.html", lang_code[l]);
	render(s, s->registry, ctx, rel);
	free(rel);
}

static const char *const constant_label[][2] = {
    {"aspnetcore", "ASP.NET Core"}, {"dotnet", ".NET"}, {"go", "Go"},
    {"java", "Java"},  {"kotlin", "Kotlin"}, {"ktor", "Ktor"}, {"node", "Node.js"},
    {"php", "PHP (Symfony)"}, {"python", "Python"}, {"rails", "Rails"}, {"ruby", "Ruby"},
    {"rust", "Rust"},   {"spring", "Spring"}, {"swift", "Swift"}, {"vapor", "Vapor"},
};

/* The view model of one meaning on its number's page. */
static json_t *
meaning_ctx(struct site *s, const struct meaning *m, enum lang l)
{
	json_t *o = json_object(), *a;
	size_t i, k;
	const char *status_key[STATUS__N] = {NULL, "deprecated", "unused", "obsolete", "joke"};

	json_object_set_new(o, "anchor", json_string_nocheck(anchor_of(m)));
	json_object_set_new(o, "href", json_pack("s+", "#", anchor_of(m)));
	json_object_set_new(o, "id", json_string_nocheck(m->id));
	json_object_set_new(o, "title", json_string_nocheck(m->title[l] ? m->title[l] : ""));
	json_object_set_new(o, "summary", json_string_nocheck(m->summary[l] ? m->summary[l] : ""));
	json_object_set_new(o, "vendor", m->vendor ? json_string_nocheck(m->vendor) : json_null());
	json_object_set_new(o, "is_iana", json_boolean(m->registry == REG_IANA));
	json_object_set_new(o, "is_vendor", json_boolean(m->registry == REG_VENDOR));
	json_object_set_new(o, "is_unofficial", json_boolean(m->registry == REG_UNOFFICIAL));
	json_object_set_new(o, "status_label", status_key[m->status]
	                                           ? json_string_nocheck(str(s, l, status_key[m->status]))
	                                           : json_null());
	json_object_set_new(o, "status_class", json_string_nocheck(status_name[m->status]));
	json_object_set_new(o, "note", m->note[l] ? json_string_nocheck(m->note[l]) : json_null());
	json_object_set_new(o, "annotation", m->registry == REG_IANA && m->iana && m->iana->annotation &&
	                                             !m->iana->unused
	                                         ? json_string_nocheck(m->iana->annotation)
	                                         : json_null());
	if (m->registry != REG_IANA && m->iana) {
		char *t = xasprintf("%03d %s", m->code, m->iana->description);
		json_object_set_new(o, "conflict", json_string_nocheck(t));
		free(t);
		t = xasprintf("%03d.html", m->code);
		json_object_set_new(o, "conflict_href", json_string_nocheck(t));
		free(t);
	} else {
		json_object_set_new(o, "conflict", json_null());
		json_object_set_new(o, "conflict_href", json_null());
	}

	a = json_array();
	for (i = 0; i < m->naliases[l]; i++)
		json_array_append_new(a, json_string_nocheck(m->aliases[l][i]));
	json_object_set_new(o, "aliases", a);

	a = json_array();
	for (i = 0; i < m->nconsts; i++) {
		json_t *c = json_object();
		const char *label = m->consts[i].lang;
		for (k = 0; k < sizeof(constant_label) / sizeof(constant_label[0]); k++)
			if (strcmp(constant_label[k][0], label) == 0)
				label = constant_label[k][1];
		json_object_set_new(c, "name", json_string_nocheck(label));
		json_object_set_new(c, "value", json_string_nocheck(m->consts[i].value));
		json_array_append_new(a, c);
	}
	json_object_set_new(o, "constants", a);

	a = json_array();
	for (i = 0; i < m->nrefs; i++) {
		json_t *r = json_object();
		json_object_set_new(r, "text", json_string_nocheck(m->refs[i].text));
		json_object_set_new(r, "href", json_string_nocheck(m->refs[i].url));
		json_array_append_new(a, r);
	}
	json_object_set_new(o, "references", a);

	a = json_array();
	for (i = 0; i < m->nsubs; i++) {
		json_t *r = json_object();
		json_object_set_new(r, "code", json_string_nocheck(m->subs[i].code));
		json_object_set_new(r, "text", json_string_nocheck(m->subs[i].text[l]));
		json_array_append_new(a, r);
	}
	json_object_set_new(o, "subcodes", a);

	a = json_array();
	for (i = 0; i < m->nsee; i++)
		if (m->see[i].target)
			json_array_append_new(a, meaning_item(s, m->see[i].target, l, "", NULL));
	json_object_set_new(o, "see_also", a);

	json_object_set_new(o, "body", m->html[l] ? json_string_nocheck(m->html[l]) : json_null());
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
		json_object_set_new(e, "href", json_pack("s+", "#", m->sections[l][i].id));
		json_object_set_new(e, "text", json_string_nocheck(m->sections[l][i].text));
		json_array_append_new(a, e);
	}
	return a;
}

static void
code_page(struct site *s, enum lang l, size_t i)
{
	size_t a = s->first[i], b = i + 1 < s->nnum ? s->first[i + 1] : s->c->nm, k;
	const struct meaning *m = s->c->m[a];
	char *file = xasprintf("%03d.html", m->code), *title, *rel, *t;
	json_t *ctx, *meanings = json_array(), *toc = json_array(), *cls = json_object();

	title = xasprintf("%03d %s", m->code, m->title[l] ? m->title[l] : "");
	ctx = page_ctx(s, l, "../", "", file, title, m->summary[l] ? m->summary[l] : title);
	t = xasprintf("%03d", m->code);
	json_object_set_new(ctx, "code", json_string_nocheck(t));
	free(t);
	json_object_set_new(ctx, "headline", json_string_nocheck(m->title[l] ? m->title[l] : ""));
	/* The table of contents: each meaning with its sections when there are
	 * several, else the sections of the one. */
	for (k = a; k < b; k++) {
		const struct meaning *mk = s->c->m[k];
		json_t *e = json_object();
		const char *lab = meaning_label(s, mk, l);
		json_array_append_new(meanings, meaning_ctx(s, mk, l));
		json_object_set_new(e, "href", json_pack("s+", "#", anchor_of(mk)));
		json_object_set_new(e, "title", json_string_nocheck(mk->title[l]));
		json_object_set_new(e, "label", lab ? json_string_nocheck(lab) : json_string_nocheck(str(s, l, "iana")));
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
	json_object_set_new(cls, "title", json_string_nocheck(class_title(s, m->klass, l)));
	t = xasprintf("%s.html", class_slug[m->klass]);
	json_object_set_new(cls, "href", json_string_nocheck(t));
	free(t);
	json_object_set_new(ctx, "class", cls);
	json_object_set_new(ctx, "prev", i > 0 ? number_item(s, i - 1, l, "") : json_null());
	json_object_set_new(ctx, "next", i + 1 < s->nnum ? number_item(s, i + 1, l, "") : json_null());
	rel = xasprintf("%s/%s", lang_code[l], file);
	render(s, s->code, ctx, rel);
	free(rel);
	free(title);
	free(file);
}

/* The search index, shipped as a script so that it works from file://. */
static void
search_index(struct site *s)
{
	json_t *a = json_array();
	size_t i, k;
	char *body;
	int l;

	for (i = 0; i < s->c->nm; i++) {
		const struct meaning *m = s->c->m[i];
		json_t *o = json_object();
		char *code = xasprintf("%03d", m->code);
		char *href = m->slug ? xasprintf("%s.html#%s", code, m->slug) : xasprintf("%s.html", code);
		json_object_set_new(o, "code", json_string_nocheck(code));
		json_object_set_new(o, "href", json_string_nocheck(href));
		free(code);
		free(href);
		json_object_set_new(o, "vendor", m->vendor ? json_string_nocheck(m->vendor) : json_null());
		for (l = 0; l < LANG__N; l++) {
			json_t *x = json_object(), *al = json_array();
			json_object_set_new(x, "title", json_string_nocheck(m->title[l] ? m->title[l] : ""));
			json_object_set_new(x, "summary", json_string_nocheck(m->summary[l] ? m->summary[l] : ""));
			for (k = 0; k < m->naliases[l]; k++)
				json_array_append_new(al, json_string_nocheck(m->aliases[l][k]));
			json_object_set_new(x, "aliases", al);
			json_object_set_new(o, lang_code[l], x);
		}
		json_array_append_new(a, o);
	}
	{
		struct buf b = {0};
		size_t len;
		body = export_dump(a, &len);
		buf_puts(&b, "/* Generated by statusgen: the search index. */\nwindow.STATUSGEN_INDEX = ");
		buf_add(&b, body, len);
		write_out(s, "search-index.js", b.s, b.len);
		buf_free(&b);
		free(body);
	}
	json_decref(a);
}

/* api/NNN.json for number index i, keeping its serialisation for codes.json. */
static void
export_job(struct site *s, size_t i)
{
	size_t end = i + 1 < s->nnum ? s->first[i + 1] : s->c->nm, len;
	char rel[32], *doc;

	export_number(s->c, s->first[i], end, &s->exports[i]);
	doc = export_api_doc(s->c, &s->exports[i], &len);
	snprintf(rel, sizeof(rel), "api/%03d.json", s->exports[i].code);
	write_out(s, rel, doc, len);
	free(doc);
}

/* codes.json, from every number's serialisation. */
static void
export_codes(struct site *s)
{
	size_t len, i;
	char *doc = export_codes_doc(s->c, s->exports, s->nnum, &len);

	write_out(s, "codes.json", doc, len);
	free(doc);
	for (i = 0; i < s->nnum; i++)
		free(s->exports[i].meanings);
}

static void
copy_assets(struct site *s)
{
	size_t i;

	for (i = 0; i < sizeof(assets) / sizeof(assets[0]); i++) {
		char *src = path_join(s->templates, assets[i]), *data = NULL;
		size_t len;
		if (file_read(src, 16 * 1024 * 1024, &data, &len) == -1) {
			diag(DIAG_ERROR, src, nopos, "cannot read: %s", strerror(errno));
			s->errors++;
		} else {
			write_out(s, assets[i], data, len);
		}
		free(data);
		free(src);
	}
}

static struct tmpl *
load_tmpl(struct site *s, const char *name)
{
	char *path = path_join(s->templates, name);
	struct tmpl *t = tmpl_load(path);

	if (t == NULL)
		s->errors++;
	free(path);
	return t;
}

/* Replaces page template *t by its merge with the layout. */
static void
merge_tmpl(struct site *s, struct tmpl **t)
{
	struct tmpl *m = tmpl_merge(s->layout, *t);

	tmpl_free(*t);
	*t = m;
}

static int
load_strings(struct site *s)
{
	char *path = path_join(s->templates, "strings.json");
	json_error_t e;
	int l;

	s->strings = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (s->strings == NULL) {
		struct pos p = {e.line > 0 ? e.line : 0, e.column > 0 ? e.column : 0};
		diag(DIAG_ERROR, path, p, "%s", e.text);
		s->errors++;
	} else {
		for (l = 0; l < LANG__N; l++) {
			json_t *t = json_object_get(s->strings, lang_code[l]);
			if (!json_is_object(t)) {
				diag(DIAG_ERROR, path, nopos, "no \"%s\" object of interface strings",
				     lang_code[l]);
				s->errors++;
				continue;
			}
			s->globals[l] = json_object();
			json_object_set(s->globals[l], "t", t); /* the page chrome follows, see site_build */
		}
	}
	free(path);
	return s->errors ? -1 : 0;
}

/* ----------------------------------------------------------------- jobs */

/*
 * The site is made of independent jobs — a page, the export, the search
 * index — run on every core by run_parallel().  Each job works on its own
 * copy of the site state (its own sitemap lines and error count), merged in
 * job order afterwards, so the output does not depend on which thread ran
 * what.
 */
enum job_kind {
	JOB_ROOT_HOME, JOB_HOME, JOB_CODE, JOB_CLASS, JOB_VENDORS, JOB_RFCS, JOB_PAGE, JOB_REGISTRY,
	JOB_NOT_FOUND, JOB_SEARCH, JOB_ASSETS, JOB_EXPORT
};

struct job {
	enum job_kind kind;
	enum lang lang;
	size_t index;
	struct site s; /* this job's copy */
};

struct jobs {
	struct job *v;
	size_t n;
};

static void
add_job(struct jobs *j, const struct site *s, enum job_kind kind, enum lang l, size_t index)
{
	struct job *x;

	j->v = xrealloc(j->v, (j->n + 1) * sizeof(*j->v));
	x = &j->v[j->n++];
	x->kind = kind;
	x->lang = l;
	x->index = index;
	x->s = *s;
	memset(&x->s.sitemap, 0, sizeof(x->s.sitemap));
	x->s.errors = 0;
}

static void
run_job(size_t i, void *arg)
{
	struct job *j = &((struct jobs *)arg)->v[i];
	struct site *s = &j->s;

	switch (j->kind) {
	case JOB_ROOT_HOME:
		home_page(s, LANG_ZH, "", "zh/", "index.html");
		break;
	case JOB_HOME: {
		char *rel = xasprintf("%s/index.html", lang_code[j->lang]);
		home_page(s, j->lang, "../", "", rel);
		free(rel);
		break;
	}
	case JOB_CODE:
		code_page(s, j->lang, j->index);
		break;
	case JOB_CLASS:
		class_page(s, j->lang, (int)j->index);
		break;
	case JOB_VENDORS:
		vendor_pages(s, j->lang);
		break;
	case JOB_RFCS:
		rfc_pages(s, j->lang);
		break;
	case JOB_PAGE:
		own_page(s, j->lang, s->c->pages[j->index]);
		break;
	case JOB_REGISTRY:
		registry_page(s, j->lang);
		break;
	case JOB_NOT_FOUND: {
		json_t *ctx = page_ctx(s, LANG_ZH, "", "zh/", "index.html", str(s, LANG_ZH, "notfound_title"),
		                       str(s, LANG_ZH, "notfound_text"));
		/* GitHub Pages serves 404.html at any depth: resolve its links from the root. */
		json_object_set_new(ctx, "base_href", json_string_nocheck(s->base_url));
		list_page(s, ctx, NULL, json_array(), "404.html");
		break;
	}
	case JOB_SEARCH:
		search_index(s);
		break;
	case JOB_ASSETS:
		copy_assets(s);
		break;
	case JOB_EXPORT:
		export_job(s, j->index);
		break;
	}
}

/* Makes every page and file of the site; the sitemap lines come back in s. */
static void
run_jobs(struct site *s)
{
	struct jobs j = {NULL, 0};
	size_t i;
	int k, l;

	for (i = 0; i < s->nnum; i++)
		add_job(&j, s, JOB_EXPORT, LANG_ZH, i);
	add_job(&j, s, JOB_ROOT_HOME, LANG_ZH, 0);
	for (l = 0; l < LANG__N; l++) {
		add_job(&j, s, JOB_HOME, l, 0);
		for (i = 0; i < s->nnum; i++)
			add_job(&j, s, JOB_CODE, l, i);
		for (k = 0; k < CLASS__N; k++)
			if (s->has_class[k])
				add_job(&j, s, JOB_CLASS, l, (size_t)k);
		add_job(&j, s, JOB_VENDORS, l, 0);
		add_job(&j, s, JOB_RFCS, l, 0);
		for (i = 0; i < s->c->npages; i++)
			add_job(&j, s, JOB_PAGE, l, i);
		add_job(&j, s, JOB_REGISTRY, l, 0);
	}
	add_job(&j, s, JOB_NOT_FOUND, LANG_ZH, 0);
	add_job(&j, s, JOB_SEARCH, LANG_ZH, 0);
	add_job(&j, s, JOB_ASSETS, LANG_ZH, 0);
	run_parallel(j.n, run_job, &j);
	for (i = 0; i < j.n; i++) {
		if (j.v[i].s.sitemap.len)
			buf_add(&s->sitemap, j.v[i].s.sitemap.s, j.v[i].s.sitemap.len);
		s->errors += j.v[i].s.errors;
		buf_free(&j.v[i].s.sitemap);
	}
	free(j.v);
}

/*
 * Moves the finished folder `fresh` into place at `out`, atomically when
 * `out` exists (the two are exchanged, then the old one removed).  Where the
 * file system cannot exchange, the old folder is first renamed aside, so
 * `out` is missing only between two renames.  Returns 0, or -1 after
 * reporting.
 */
static int
swap_in(const char *fresh, const char *out)
{
	struct stat st;
	char *aside;
	int rc = -1;

	if (lstat(out, &st) == -1) {
		if (rename(fresh, out) == 0)
			return 0;
	} else if (renameat2(AT_FDCWD, fresh, AT_FDCWD, out, RENAME_EXCHANGE) == 0) {
		rm_rf(fresh); /* now the previous site */
		return 0;
	} else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
		aside = xasprintf("%s.old", fresh);
		if (rename(out, aside) == 0) {
			if (rename(fresh, out) == 0) {
				rm_rf(aside);
				rc = 0;
			} else {
				int e = errno;
				rename(aside, out); /* put the previous site back */
				errno = e;
			}
		}
		free(aside);
		if (rc == 0)
			return 0;
	}
	diag(DIAG_ERROR, out, nopos, "cannot move the new site into place: %s", strerror(errno));
	return -1;
}

/*
 * Removes build folders that an interrupted build left beside `out`
 * (OUT.new-XXXXXX holding our mark file); anything else is left alone.
 */
static void
remove_stale(const char *out)
{
	char *dir = xstrdup(out), *slash = strrchr(dir, '/'), *base, *prefix, **names = NULL;
	int n, i;

	if (slash) {
		*slash = '\0';
		base = slash + 1;
	} else {
		base = dir;
	}
	prefix = xasprintf("%s.new-", base);
	n = dir_list(slash ? (dir[0] ? dir : "/") : ".", &names);
	for (i = 0; i < n; i++) {
		if (strncmp(names[i], prefix, strlen(prefix)) == 0 && strlen(names[i]) == strlen(prefix) + 6) {
			char *path = slash ? xasprintf("%s/%s", dir, names[i]) : xstrdup(names[i]);
			char *mark = path_join(path, MARK_FILE);
			if (access(mark, F_OK) == 0)
				rm_rf(path);
			free(mark);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	free(prefix);
	free(dir);
}

/* Returns 1 if `out` may be replaced: missing, empty, or made by statusgen. */
static int
out_replaceable(const char *out)
{
	char **names = NULL, *mark;
	int n, i, ok;

	if (!is_dir(out)) {
		struct stat st;
		return lstat(out, &st) == -1;
	}
	mark = path_join(out, MARK_FILE);
	ok = access(mark, F_OK) == 0;
	free(mark);
	if (ok)
		return 1;
	n = dir_list(out, &names);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return n == 0;
}

/*
 * Builds the site for corpus `c` (checked, rendered, without errors) from
 * the templates in `templates` into `out`.  Writes into a fresh folder beside
 * `out` and swaps it in only when everything succeeded, so a failed build
 * leaves `out` as it was.  Reports through diag().  Returns 0, 1 for a
 * template problem, 2 for an I/O problem.
 */
int
site_build(struct corpus *c, const char *templates, const char *out, const char *base_url)
{
	struct site s;
	size_t i;
	int rc = 0, l;
	char *text, *tmp;

	memset(&s, 0, sizeof(s));
	s.c = c;
	s.templates = templates;
	s.base_url = base_url;

	if (!out_replaceable(out)) {
		diag(DIAG_ERROR, out, nopos,
		     "refusing to replace a folder statusgen did not make (no %s in it); "
		     "choose another --out or empty it",
		     MARK_FILE);
		return 2;
	}
	if (is_dir(out))
		s.prev = out;
	if (load_strings(&s) < 0)
		return 1;
	s.layout = load_tmpl(&s, "layout.html");
	s.code = load_tmpl(&s, "code.html");
	s.list = load_tmpl(&s, "list.html");
	s.registry = load_tmpl(&s, "registry.html");
	if (s.errors) {
		rc = 1;
		goto done;
	}
	merge_tmpl(&s, &s.code);
	merge_tmpl(&s, &s.list);
	merge_tmpl(&s, &s.registry);

	remove_stale(out);
	tmp = xasprintf("%s.new-XXXXXX", out);
	if (mkdtemp(tmp) == NULL) {
		diag(DIAG_ERROR, tmp, nopos, "cannot create the build folder: %s", strerror(errno));
		free(tmp);
		rc = 2;
		goto done;
	}
	chmod(tmp, 0755);
	s.out = tmp;
	text = "This folder is generated by statusgen; every build replaces it.\n";
	write_out(&s, MARK_FILE, text, strlen(text));
	buf_puts(&s.sitemap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                     "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");

	for (i = 0; i < c->nm; i++)
		s.has_class[c->m[i]->klass] = 1;
	for (i = 0; i < c->nm; i++)
		if (i == 0 || c->m[i - 1]->code != c->m[i]->code) {
			s.first = xrealloc(s.first, (s.nnum + 1) * sizeof(*s.first));
			s.first[s.nnum++] = i;
		}

	for (l = 0; l < LANG__N; l++) {
		json_t *chrome = page_chrome(&s, l, "../", "");
		json_object_update(s.globals[l], chrome);
		json_decref(chrome);
	}
	s.exports = xcalloc(s.nnum ? s.nnum : 1, sizeof(*s.exports));
	run_jobs(&s);
	export_codes(&s);
	tmpl_report(s.code);
	tmpl_report(s.list);
	tmpl_report(s.registry);
	buf_puts(&s.sitemap, "</urlset>\n");
	write_out(&s, "sitemap.xml", s.sitemap.s, s.sitemap.len);
	write_out(&s, ".nojekyll", "", 0);

	if (s.errors) {
		rm_rf(s.out);
		rc = 1;
	} else if (swap_in(s.out, out) < 0) {
		rm_rf(s.out);
		rc = 2;
	}
done:
	free(s.out);
	free(s.first);
	free(s.exports);
	buf_free(&s.sitemap);
	tmpl_free(s.layout);
	tmpl_free(s.code);
	tmpl_free(s.list);
	tmpl_free(s.registry);
	json_decref(s.globals[LANG_ZH]);
	json_decref(s.globals[LANG_EN]);
	json_decref(s.strings);
	return rc;
}
