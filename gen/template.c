/*
 * template.c — page templates filled through their tree (SPEC §4).
 *
 * A template is a well-formed HTML5 file in XML syntax, read by libxml2 with
 * line numbers, once.  A page is written by walking that tree, never by
 * splicing text: at elements marked with data-* attributes values come from a
 * JSON view model (jansson), and every value is escaped on its way out as text
 * or as an attribute value — escaped by construction.  Only rendered Markdown
 * goes in as markup.  (Walking the tree read-only, rather than filling a copy
 * of it and serialising the copy, is ten times faster and writes the same
 * HTML.)  The vocabulary (see statusgen(1)):
 *
 *   data-repeat="KEY"   clone the element for each item of the array KEY;
 *                       inside, keys are looked up in the item first
 *   data-if="KEY"       keep the element only if KEY is truthy
 *   data-unless="KEY"   keep the element only if KEY is falsy
 *   data-attr-NAME="KEY" set attribute NAME to KEY (left out when KEY is null)
 *   data-fill="KEY"     replace the content with the text of KEY
 *   data-html="KEY"     replace the content with the rendered Markdown KEY
 *   data-slot="main"    where a page's own part goes into layout.html (tmpl_merge)
 *
 * KEY is a dotted path ("meaning.title"); its first part is looked up from
 * the innermost repeated item outwards; "." is the item itself.  Falsy: a
 * missing part of the path, null, false, "", [] and {}.
 */
#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* The largest template read (a page layout is a few KiB). */
#define TMPL_MAX_BYTES (1024 * 1024)

#define MAX_SCOPES 16

struct tmpl {
	char *path;
	char *page_path; /* merged templates: the page template's file, else NULL */
	xmlDocPtr doc;
	xmlNodePtr slot;           /* the data-slot="main" element */
	pthread_mutex_t lock;      /* guards errors: pages are rendered on several threads */
	struct tmpl_error *errors; /* each distinct error once, whatever page met it */
	size_t nerrors;
};

/* An error in a template, kept until tmpl_report(). */
struct tmpl_error {
	const char *path; /* the layout's or the page template's */
	int line;
	char *msg;
};

static void compile(xmlNodePtr, int);
static void uncompile(xmlNodePtr);

struct fill {
	struct tmpl *t;
	json_t *scope[MAX_SCOPES];
	int nscope;
	int errors;
	xmlNodePtr slot; /* what came from the page template is below it */
};

static xmlNodePtr
find_slot(xmlNodePtr n)
{
	xmlNodePtr c, r;

	if (n->type == XML_ELEMENT_NODE) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)"data-slot");
		int hit = v && strcmp((char *)v, "main") == 0;
		xmlFree(v);
		if (hit)
			return n;
	}
	for (c = n->children; c; c = c->next)
		if ((r = find_slot(c)) != NULL)
			return r;
	return NULL;
}

/*
 * Reads the template at `path`.  Returns it (caller frees with tmpl_free), or
 * NULL after reporting through diag().
 */
struct tmpl *
tmpl_load(const char *path)
{
	struct tmpl *t;
	xmlDocPtr doc;
	xmlNodePtr slot;
	struct xml_errors xe = {path, "template", 0};
	struct pos none = {0, 0};
	char *text;
	size_t len;

	if (file_read(path, TMPL_MAX_BYTES, &text, &len) == -1) {
		diag(DIAG_ERROR, path, none, "cannot read the template: %s", file_error(errno));
		return NULL;
	}
	xmlSetStructuredErrorFunc(&xe, diag_xml_error);
	/* No dictionary: templates are merged on several threads (site.c). */
	doc = xmlReadMemory(text, (int)len, path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NODICT);
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(text);
	if (doc == NULL || xe.errors) {
		if (xe.errors == 0)
			diag(DIAG_ERROR, path, none, "cannot read the template");
		xmlFreeDoc(doc);
		return NULL;
	}
	if ((slot = find_slot(xmlDocGetRootElement(doc))) == NULL) {
		diag(DIAG_ERROR, path, none, "template has no element with data-slot=\"main\"");
		xmlFreeDoc(doc);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	t->path = xstrdup(path);
	t->doc = doc;
	t->slot = slot;
	return t;
}

void
tmpl_free(struct tmpl *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nerrors; i++)
		free(t->errors[i].msg);
	free(t->errors);
	pthread_mutex_destroy(&t->lock);
	if (t->doc && xmlDocGetRootElement(t->doc))
		uncompile(xmlDocGetRootElement(t->doc));
	xmlFreeDoc(t->doc);
	free(t->path);
	free(t->page_path);
	free(t);
}

/*
 * Returns a new template (caller frees with tmpl_free): `layout` whose
 * data-slot="main" element holds the content of `page`'s.  Done once per
 * kind of page, so that rendering copies one tree.
 */
struct tmpl *
tmpl_merge(const struct tmpl *layout, const struct tmpl *page)
{
	struct tmpl *t = xcalloc(1, sizeof(*t));
	xmlNodePtr c, next;

	pthread_mutex_init(&t->lock, NULL);
	t->path = xstrdup(layout->path);
	t->page_path = xstrdup(page->path);
	t->doc = xmlCopyDoc(layout->doc, 1);
	t->slot = find_slot(xmlDocGetRootElement(t->doc));
	for (c = t->slot->children; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	for (c = page->slot->children; c; c = c->next)
		xmlAddChild(t->slot, xmlDocCopyNode(c, t->doc, 1));
	compile(xmlDocGetRootElement(t->doc), 0);
	return t;
}

static void fill_error(struct fill *, xmlNodePtr, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
fill_error(struct fill *f, xmlNodePtr n, const char *fmt, ...)
{
	va_list ap;
	struct tmpl *t = f->t;
	const char *path = t->path;
	int line = (int)xmlGetLineNo(n);
	char msg[512];
	xmlNodePtr up;
	size_t i;

	f->errors++;
	for (up = n->parent; up; up = up->parent)
		if (up == f->slot && t->page_path)
			path = t->page_path;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&t->lock);
	for (i = 0; i < t->nerrors; i++)
		if (t->errors[i].line == line && t->errors[i].path == path &&
		    strcmp(t->errors[i].msg, msg) == 0)
			break;
	if (i == t->nerrors) {
		t->errors = xrealloc(t->errors, (t->nerrors + 1) * sizeof(*t->errors));
		t->errors[t->nerrors].path = path;
		t->errors[t->nerrors].line = line;
		t->errors[t->nerrors].msg = xstrdup(msg);
		t->nerrors++;
	}
	pthread_mutex_unlock(&t->lock);
}

static int
cmp_tmpl_error(const void *a, const void *b)
{
	const struct tmpl_error *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

/*
 * Reports through diag() every distinct error that rendering with t met,
 * sorted by file and line, so the report does not depend on which page or
 * thread met it first.  Returns how many.
 */
int
tmpl_report(struct tmpl *t)
{
	size_t i;

	if (t->nerrors > 1)
		qsort(t->errors, t->nerrors, sizeof(*t->errors), cmp_tmpl_error);
	for (i = 0; i < t->nerrors; i++) {
		struct pos p = {t->errors[i].line, 0};
		diag(DIAG_ERROR, t->errors[i].path, p, "%s", t->errors[i].msg);
	}
	return (int)t->nerrors;
}

/* Looks up a dotted key; *found says whether its first part exists.  The
 * parts are looked up where they are in the key (json_object_getn), not
 * copied: a page looks up keys some 400 times. */
static json_t *
lookup(struct fill *f, const char *key, int *found)
{
	size_t n = strcspn(key, ".");
	json_t *v = NULL;
	int i;

	*found = 0;
	if (key[0] == '.' && key[1] == '\0') {
		*found = 1;
		return f->scope[f->nscope - 1];
	}
	for (i = f->nscope; i-- > 0;) {
		if (json_is_object(f->scope[i]) &&
		    (v = json_object_getn(f->scope[i], key, n)) != NULL) {
			*found = 1;
			break;
		}
	}
	while (v && key[n] == '.') { /* the next part */
		key += n + 1;
		n = strcspn(key, ".");
		v = json_is_object(v) ? json_object_getn(v, key, n) : NULL;
	}
	return v;
}

static json_t *
lookup_known(struct fill *f, xmlNodePtr n, const char *key)
{
	int found, in_scope;
	json_t *v = lookup(f, key, &found), *lang;

	if (!found) {
		fill_error(f, n, "unknown key '%s'", key);
	} else if (v == NULL && strncmp(key, "t.", 2) == 0) {
		/* An interface string is never optional: without it the page
		 * would lack a label, a heading or a button's name. */
		lang = lookup(f, "lang", &in_scope);
		fill_error(f, n,
		           "'%s' is not in strings.json: add the interface string '%s' to \"%s\"",
		           key, key + 2, json_is_string(lang) ? json_string_value(lang) : "?");
	}
	return v;
}

static int
truthy(json_t *v)
{
	if (v == NULL || json_is_null(v) || json_is_false(v))
		return 0;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	if (json_is_object(v))
		return json_object_size(v) > 0;
	return 1;
}

/* ------------------------------------------------------------- writing */

/* Appends the text of a scalar with `put`; returns 0 for null or missing. */
static int
put_scalar(struct buf *b, json_t *v, void (*put)(struct buf *, const char *))
{
	char num[32];

	if (json_is_string(v))
		put(b, json_string_value(v));
	else if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		put(b, num);
	} else if (json_is_boolean(v))
		put(b, json_is_true(v) ? "true" : "false");
	else
		return 0;
	return 1;
}

static const char *
attr_value(xmlAttrPtr a)
{
	return a->children && a->children->content ? (const char *)a->children->content : "";
}

#define NELEM(a) (int)(sizeof(a) / sizeof((a)[0]))

static int
is_void(const char *name)
{
	static const char *const v[] = {"area",  "base", "br",   "col",    "embed", "hr", "img",
	                                "input", "link", "meta", "source", "track", "wbr"};

	return name_lookup(v, NELEM(v), name) >= 0;
}

static int
is_boolean(const char *name)
{
	static const char *const v[] = {"async",    "autofocus", "checked",  "defer",
	                                "disabled", "hidden",    "multiple", "novalidate",
	                                "open",     "readonly",  "required", "selected"};

	return name_lookup(v, NELEM(v), name) >= 0;
}

/*
 * What a template element is, worked out once when the template is merged
 * (tmpl_merge) and kept in the node's _private, so that rendering a page
 * does not read attribute names again.  Text nodes get a `struct text`.
 */
struct marks {
	xmlAttrPtr repeat, cond, uncond, fill, html;
	int nattr; /* data-attr-* markers */
	xmlAttrPtr attr[16];
	int any;     /* has markers */
	int slot;    /* data-slot */
	int is_void; /* <meta>, <br>: no content, no end tag */
	int raw;     /* <script>, <style>: content as is */
	char *open;  /* "<name a="v"…>" when no data-attr-* changes attributes, else NULL */
	char *close; /* "</name>" */
	size_t open_len, close_len;
	/* Otherwise the start tag is part[0], the attribute of marker dyn[0],
	 * part[1], … part[nattr]: the template's own attributes, already
	 * written, between the ones filled from data (in the template's order,
	 * the markers without an attribute of their name last). */
	char *part[17];
	size_t part_len[17];
	xmlAttrPtr dyn[16];
};

struct text {
	char *escaped; /* the text as it is written */
	size_t len;    /* strlen(escaped) */
	int blank;     /* only white space */
};

static int
is_marker(const xmlAttrPtr a)
{
	const char *name = (const char *)a->name;

	if (strncmp(name, "data-", 5) != 0)
		return 0;
	name += 5;
	return strcmp(name, "repeat") == 0 || strcmp(name, "if") == 0 ||
	       strcmp(name, "unless") == 0 || strcmp(name, "fill") == 0 ||
	       strcmp(name, "html") == 0 || strcmp(name, "slot") == 0 ||
	       strncmp(name, "attr-", 5) == 0;
}

static void render_children(struct fill *, xmlNodePtr, struct buf *);
static void put_static_attr(struct buf *b, const char *name, const char *value);

/* Returns the data-attr-NAME marker of mk, or -1. */
static int
marker_of(const struct marks *mk, const char *name)
{
	int i;

	for (i = 0; i < mk->nattr; i++)
		if (strcmp((const char *)mk->attr[i]->name + 10, name) == 0)
			return i;
	return -1;
}

/* Writes what it can of n's start tag once: mk->open, or mk->part. */
static void
start_tag(struct marks *mk, xmlNodePtr n)
{
	struct buf b = {0};
	xmlAttrPtr a;
	int used[16] = {0}, i, k = 0;

	buf_puts(&b, "<");
	buf_puts(&b, (const char *)n->name);
	for (a = n->properties; a; a = a->next) {
		if (is_marker(a))
			continue;
		if ((i = marker_of(mk, (const char *)a->name)) < 0) {
			put_static_attr(&b, (const char *)a->name, attr_value(a));
			continue;
		}
		used[i] = 1;
		mk->part_len[k] = b.len;
		mk->part[k] = buf_detach(&b);
		mk->dyn[k++] = mk->attr[i];
	}
	for (i = 0; i < mk->nattr; i++) {
		if (used[i])
			continue;
		mk->part_len[k] = b.len;
		mk->part[k] = buf_detach(&b);
		mk->dyn[k++] = mk->attr[i];
	}
	buf_puts(&b, ">");
	mk->open_len = b.len; /* what mk->open, if it is one, holds */
	mk->part_len[k] = b.len;
	if (mk->nattr == 0)
		mk->open = buf_detach(&b);
	else
		mk->part[k] = buf_detach(&b);
}

/* Works out the marks of element n and its descendants. */
static void
compile(xmlNodePtr n, int raw)
{
	xmlNodePtr c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		struct text *t = xcalloc(1, sizeof(*t));
		struct buf b = {0};
		if (raw)
			buf_puts(&b, (const char *)n->content);
		else
			esc_text(&b, (const char *)n->content);
		t->len = b.len;
		t->escaped = buf_detach(&b);
		t->blank = xmlIsBlankNode(n);
		n->_private = t;
		return;
	}
	if (n->type == XML_ELEMENT_NODE) {
		struct marks *mk = xcalloc(1, sizeof(*mk));
		const char *name = (const char *)n->name;
		xmlAttrPtr a;

		for (a = n->properties; a; a = a->next) {
			const char *an = (const char *)a->name;
			if (!is_marker(a))
				continue;
			an += 5;
			mk->any = 1;
			if (strcmp(an, "repeat") == 0)
				mk->repeat = a;
			else if (strcmp(an, "if") == 0)
				mk->cond = a;
			else if (strcmp(an, "unless") == 0)
				mk->uncond = a;
			else if (strcmp(an, "fill") == 0)
				mk->fill = a;
			else if (strcmp(an, "html") == 0)
				mk->html = a;
			else if (strcmp(an, "slot") == 0)
				mk->slot = 1;
			else if (an[5] && mk->nattr < 16)
				mk->attr[mk->nattr++] = a;
		}
		mk->is_void = is_void(name);
		mk->raw = strcmp(name, "script") == 0 || strcmp(name, "style") == 0;
		mk->close = xasprintf("</%s>", name);
		mk->close_len = strlen(mk->close);
		start_tag(mk, n);
		n->_private = mk;
		raw = mk->raw;
	}
	for (c = n->children; c; c = c->next)
		compile(c, raw);
}

/* Frees what compile() attached to n and its descendants. */
static void
uncompile(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c; c = c->next)
		uncompile(c);
	if (n->_private && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)) {
		free(((struct text *)n->_private)->escaped);
		free(n->_private);
	} else if (n->_private && n->type == XML_ELEMENT_NODE) {
		struct marks *mk = n->_private;
		int i;
		for (i = 0; mk->nattr && i <= mk->nattr; i++)
			free(mk->part[i]);
		free(mk->open);
		free(mk->close);
		free(mk);
	}
	n->_private = NULL;
}

/* Writes a template's own attribute NAME="value". */
static void
put_static_attr(struct buf *b, const char *name, const char *value)
{
	buf_puts(b, " ");
	buf_puts(b, name);
	if (is_boolean(name) && (value[0] == '\0' || strcmp(value, name) == 0))
		return; /* hidden="hidden" is written hidden */
	buf_puts(b, "=\"");
	esc_attr(b, value);
	buf_puts(b, "\"");
}

/* Writes the attribute that marker data-attr-NAME fills: NAME="value", or
 * nothing when the value is null. */
static void
dyn_attr(struct fill *f, xmlNodePtr n, struct buf *b, xmlAttrPtr marker)
{
	const char *name = (const char *)marker->name + 10;
	json_t *v = lookup_known(f, n, attr_value(marker));
	size_t mark = b->len;

	buf_puts(b, " ");
	buf_puts(b, name);
	buf_puts(b, "=\"");
	if (!put_scalar(b, v, esc_attr)) {
		buf_truncate(b, mark); /* null: no attribute */
		return;
	}
	buf_puts(b, "\"");
}

/* Writes element n once, with the scopes as they are (no data-repeat). */
static void
render_element(struct fill *f, xmlNodePtr n, struct buf *b, const struct marks *mk)
{
	int i;

	if (mk->open) {
		buf_add(b, mk->open, mk->open_len);
	} else {
		for (i = 0; i < mk->nattr; i++) {
			buf_add(b, mk->part[i], mk->part_len[i]);
			dyn_attr(f, n, b, mk->dyn[i]);
		}
		buf_add(b, mk->part[mk->nattr], mk->part_len[mk->nattr]);
	}
	if (mk->is_void)
		return;
	if (mk->fill) {
		put_scalar(b, lookup_known(f, n, attr_value(mk->fill)), esc_text);
	} else if (mk->html) {
		json_t *v = lookup_known(f, n, attr_value(mk->html));
		if (v && !json_is_string(v) && !json_is_null(v))
			fill_error(f, n, "data-html '%s' is not text", attr_value(mk->html));
		/* Rendered Markdown: cmark's safe renderer wrote it, and it is the
		 * only markup that reaches a page from outside the templates. */
		if (json_is_string(v))
			buf_add(b, json_string_value(v), json_string_length(v));
	} else {
		render_children(f, n, b);
	}
	buf_add(b, mk->close, mk->close_len);
}

/* Writes element n as its markers say: repeated, conditional, filled.
 * Returns 0 when nothing was written. */
static int
render_node(struct fill *f, xmlNodePtr n, struct buf *b)
{
	const struct marks *m = n->_private;
	json_t *v;
	size_t i;

	if (m->slot)
		f->slot = n;
	if (!m->any) {
		render_element(f, n, b, m);
		return 1;
	}
#define mk (*m)
	if (mk.repeat) {
		v = lookup_known(f, n, attr_value(mk.repeat));
		if (v && !json_is_array(v) && !json_is_null(v))
			fill_error(f, n, "data-repeat '%s' is not a list", attr_value(mk.repeat));
		if (!json_is_array(v) || json_array_size(v) == 0)
			return 0;
		if (f->nscope == MAX_SCOPES) {
			fill_error(f, n, "data-repeat nested too deeply");
			return 0;
		}
		for (i = 0; i < json_array_size(v); i++) {
			f->scope[f->nscope++] = json_array_get(v, i);
			if ((!mk.cond || truthy(lookup_known(f, n, attr_value(mk.cond)))) &&
			    (!mk.uncond || !truthy(lookup_known(f, n, attr_value(mk.uncond)))))
				render_element(f, n, b, m);
			f->nscope--;
		}
		return 1;
	}
	if (mk.cond && !truthy(lookup_known(f, n, attr_value(mk.cond))))
		return 0;
	if (mk.uncond && truthy(lookup_known(f, n, attr_value(mk.uncond))))
		return 0;
#undef mk
	render_element(f, n, b, m);
	return 1;
}

/* Writes the children of n.  The indentation before an element that is left
 * out is left out too, so that missing parts leave no blank lines. */
static void
render_children(struct fill *f, xmlNodePtr n, struct buf *b)
{
	size_t blank_from = (size_t)-1;
	xmlNodePtr c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const struct text *t = c->_private;
			blank_from = t->blank ? b->len : (size_t)-1;
			buf_add(b, t->escaped, t->len);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (!render_node(f, c, b) && blank_from != (size_t)-1)
				buf_truncate(b, blank_from);
			blank_from = (size_t)-1;
		}
	}
}

/*
 * Renders a page from merged template `t` (see tmpl_merge), filled from
 * `ctx`, with keys not found there looked up in `globals` (may be NULL; only
 * read, so threads can share it).  The template's tree is only read: the page is written as HTML
 * while walking it, every value escaped as text or attribute value on the way. Returns the HTML
 * document (caller frees) and its length in *len, or NULL when the template met an error, which
 * tmpl_report() reports.
 */
char *
tmpl_render(struct tmpl *t, json_t *globals, json_t *ctx, size_t *len)
{
	struct fill f;
	struct buf b = {0};

	memset(&f, 0, sizeof(f));
	f.t = t;
	if (globals)
		f.scope[f.nscope++] = globals;
	f.scope[f.nscope++] = ctx;
	buf_puts(&b, "<!DOCTYPE html>\n");
	render_node(&f, xmlDocGetRootElement(t->doc), &b);
	buf_puts(&b, "\n");
	if (f.errors) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_detach(&b);
}
