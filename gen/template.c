/*
 * template.c — page templates filled through the DOM (SPEC §4).
 *
 * A template is a well-formed HTML5 file in XML syntax, read by libxml2 with
 * line numbers.  It is filled from a JSON value (jansson) at elements marked
 * with data-* attributes; text is set as text nodes, so it is escaped by
 * construction, and only rendered Markdown goes in as markup.  The page is
 * serialised as HTML.  The vocabulary (see statusgen(1)):
 *
 *   data-repeat="KEY"   clone the element for each item of the array KEY;
 *                       inside, keys are looked up in the item first
 *   data-if="KEY"       keep the element only if KEY is truthy
 *   data-unless="KEY"   keep the element only if KEY is falsy
 *   data-attr-NAME="KEY" set attribute NAME to KEY (left out when KEY is null)
 *   data-fill="KEY"     replace the content with the text of KEY
 *   data-html="KEY"     replace the content with the rendered Markdown KEY
 *   data-slot="main"    where a page's own part goes into layout.html
 *
 * KEY is a dotted path ("meaning.title"); its first part is looked up from
 * the innermost repeated item outwards; "." is the item itself.  Falsy: a
 * missing part of the path, null, false, "", [] and {}.
 */
#include <jansson.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define MAX_SCOPES 16

struct tmpl {
	char *path;
	xmlDocPtr doc;
	xmlNodePtr slot; /* the data-slot="main" element */
	int reported;    /* errors already reported once */
};

struct fill {
	const struct tmpl *t;
	json_t *scope[MAX_SCOPES];
	int nscope;
	int errors;
	int quiet;
	xmlNodePtr slot;       /* in the page being filled: what came from `page` is below it */
	const char *page_path; /* the page template's file */
};

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	const char *path = ctx;
	struct pos p = {e->line, e->int2 > 0 ? e->int2 : 0};
	char *msg = xstrdup(e->message ? e->message : "malformed XML");
	size_t n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	diag(DIAG_ERROR, path, p, "template: %s", msg);
	free(msg);
}

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
	int before = diag_count(DIAG_ERROR);

	xmlSetStructuredErrorFunc((void *)path, on_xml_error);
	doc = xmlReadFile(path, "UTF-8", XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL || diag_count(DIAG_ERROR) > before) {
		if (doc == NULL && diag_count(DIAG_ERROR) == before) {
			struct pos none = {0, 0};
			diag(DIAG_ERROR, path, none, "cannot read the template");
		}
		xmlFreeDoc(doc);
		return NULL;
	}
	if ((slot = find_slot(xmlDocGetRootElement(doc))) == NULL) {
		struct pos none = {0, 0};
		diag(DIAG_ERROR, path, none, "template has no element with data-slot=\"main\"");
		xmlFreeDoc(doc);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	t->doc = doc;
	t->slot = slot;
	return t;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	xmlFreeDoc(t->doc);
	free(t->path);
	free(t);
}

static void fill_error(struct fill *, xmlNodePtr, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
fill_error(struct fill *f, xmlNodePtr n, const char *fmt, ...)
{
	va_list ap;
	struct pos p = {(int)xmlGetLineNo(n), 0};
	const char *path = f->t->path;
	xmlNodePtr up;

	f->errors++;
	if (f->quiet)
		return;
	for (up = n->parent; up; up = up->parent)
		if (up == f->slot)
			path = f->page_path;
	va_start(ap, fmt);
	vdiag(DIAG_ERROR, path, p, fmt, ap);
	va_end(ap);
}

/* Looks up a dotted key; *found says whether its first part exists. */
static json_t *
lookup(struct fill *f, const char *key, int *found)
{
	char part[128];
	const char *dot;
	json_t *v = NULL;
	int i;

	*found = 0;
	if (strcmp(key, ".") == 0) {
		*found = 1;
		return f->scope[f->nscope - 1];
	}
	dot = strchr(key, '.');
	snprintf(part, sizeof(part), "%.*s", dot ? (int)(dot - key) : (int)strlen(key), key);
	for (i = f->nscope; i-- > 0;) {
		if (json_is_object(f->scope[i]) && (v = json_object_get(f->scope[i], part)) != NULL) {
			*found = 1;
			break;
		}
	}
	while (v && dot) {
		const char *next;
		key = dot + 1;
		next = strchr(key, '.');
		snprintf(part, sizeof(part), "%.*s", next ? (int)(next - key) : (int)strlen(key), key);
		v = json_is_object(v) ? json_object_get(v, part) : NULL;
		dot = next;
	}
	return v;
}

static json_t *
lookup_known(struct fill *f, xmlNodePtr n, const char *key)
{
	int found;
	json_t *v = lookup(f, key, &found);

	if (!found)
		fill_error(f, n, "unknown key '%s'", key);
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

/* Returns the text of a scalar (caller frees), or NULL for null/missing. */
static char *
scalar_text(json_t *v)
{
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%lld", (long long)json_integer_value(v));
	if (json_is_true(v))
		return xstrdup("true");
	if (json_is_false(v))
		return xstrdup("false");
	return NULL;
}

/* Removes attribute `name` from n and returns its value (caller frees), or NULL. */
static char *
take_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
	xmlChar *v;
	char *s;

	if (a == NULL)
		return NULL;
	v = xmlNodeGetContent((xmlNodePtr)a);
	s = xstrdup(v ? (char *)v : "");
	xmlFree(v);
	xmlRemoveProp(a);
	return s;
}

static void
remove_children(xmlNodePtr n)
{
	xmlNodePtr c, next;

	for (c = n->children; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* Removes element n and the indentation before it. */
static void
drop(xmlNodePtr n)
{
	xmlNodePtr prev = n->prev;

	if (prev && xmlNodeIsText(prev) && xmlIsBlankNode(prev)) {
		xmlUnlinkNode(prev);
		xmlFreeNode(prev);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

static void fill_node(struct fill *, xmlNodePtr);

static void
fill_children(struct fill *f, xmlNodePtr parent)
{
	xmlNodePtr c, next;

	for (c = parent->children; c; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE)
			fill_node(f, c);
	}
}

static void
set_html(struct fill *f, xmlNodePtr n, const char *html)
{
	xmlNodePtr list = NULL;

	remove_children(n);
	if (html[0] == '\0')
		return;
	/* cmark's HTML is well-formed XML (it writes <br />, &quot;, …). */
	if (xmlParseInNodeContext(n, html, (int)strlen(html), XML_PARSE_NONET, &list) != XML_ERR_OK) {
		fill_error(f, n, "rendered Markdown is not well-formed");
		xmlFreeNodeList(list);
		return;
	}
	xmlAddChildList(n, list);
}

/* Fills element n, which may be replaced or removed. */
static void
fill_node(struct fill *f, xmlNodePtr n)
{
	char *key;
	json_t *v;
	xmlAttrPtr a, anext;

	if ((key = take_attr(n, "data-repeat")) != NULL) {
		size_t i;
		v = lookup_known(f, n, key);
		if (v && !json_is_array(v) && !json_is_null(v))
			fill_error(f, n, "data-repeat '%s' is not a list", key);
		for (i = 0; json_is_array(v) && i < json_array_size(v); i++) {
			xmlNodePtr copy = xmlDocCopyNode(n, n->doc, 1);
			xmlAddPrevSibling(n, copy);
			if (f->nscope == MAX_SCOPES) {
				fill_error(f, n, "data-repeat nested too deeply");
				break;
			}
			f->scope[f->nscope++] = json_array_get(v, i);
			fill_node(f, copy);
			f->nscope--;
		}
		free(key);
		drop(n);
		return;
	}
	if ((key = take_attr(n, "data-if")) != NULL) {
		int keep = truthy(lookup_known(f, n, key));
		free(key);
		if (!keep) {
			drop(n);
			return;
		}
	}
	if ((key = take_attr(n, "data-unless")) != NULL) {
		int unwanted = truthy(lookup_known(f, n, key));
		free(key);
		if (unwanted) {
			drop(n);
			return;
		}
	}
	for (a = n->properties; a; a = anext) {
		const char *name = (const char *)a->name;
		anext = a->next;
		if (strncmp(name, "data-attr-", 10) == 0 && name[10]) {
			char *target = xstrdup(name + 10), *text;
			key = take_attr(n, name);
			v = lookup_known(f, n, key);
			if ((text = scalar_text(v)) != NULL)
				xmlSetProp(n, (const xmlChar *)target, (const xmlChar *)text);
			else
				xmlUnsetProp(n, (const xmlChar *)target);
			free(text);
			free(target);
			free(key);
		}
	}
	if ((key = take_attr(n, "data-fill")) != NULL) {
		char *text = scalar_text(lookup_known(f, n, key));
		remove_children(n);
		if (text)
			xmlAddChild(n, xmlNewDocText(n->doc, (const xmlChar *)text));
		free(text);
		free(key);
		return;
	}
	if ((key = take_attr(n, "data-html")) != NULL) {
		v = lookup_known(f, n, key);
		if (v && !json_is_string(v) && !json_is_null(v))
			fill_error(f, n, "data-html '%s' is not text", key);
		set_html(f, n, json_is_string(v) ? json_string_value(v) : "");
		free(key);
		return;
	}
	fill_children(f, n);
}

/*
 * Renders a page: a copy of `layout` whose data-slot="main" element receives
 * the content of `page`'s data-slot="main" element, filled from `ctx`.
 * Returns the HTML document (caller frees) and its length in *len, or NULL
 * after reporting a template error through diag() (once per template).
 */
char *
tmpl_render(struct tmpl *layout, struct tmpl *page, json_t *ctx, size_t *len)
{
	xmlDocPtr doc = xmlCopyDoc(layout->doc, 1);
	xmlNodePtr root = xmlDocGetRootElement(doc), slot = find_slot(root), c;
	xmlOutputBufferPtr out;
	struct fill f;
	struct buf b = {0};
	char *html = NULL;

	remove_children(slot);
	xmlUnsetProp(slot, (const xmlChar *)"data-slot");
	for (c = page->slot->children; c; c = c->next)
		xmlAddChild(slot, xmlDocCopyNode(c, doc, 1));

	memset(&f, 0, sizeof(f));
	f.t = layout;
	f.slot = slot;
	f.page_path = page->path;
	f.scope[f.nscope++] = ctx;
	f.quiet = layout->reported && page->reported;
	fill_node(&f, root);
	if (f.errors) {
		layout->reported = page->reported = 1;
		xmlFreeDoc(doc);
		return NULL;
	}

	out = xmlAllocOutputBuffer(xmlFindCharEncodingHandler("UTF-8"));
	htmlNodeDumpFormatOutput(out, doc, xmlDocGetRootElement(doc), "UTF-8", 0);
	xmlOutputBufferFlush(out);
	buf_puts(&b, "<!DOCTYPE html>\n");
	buf_add(&b, (const char *)xmlBufContent(out->conv ? out->conv : out->buffer),
	        xmlBufUse(out->conv ? out->conv : out->buffer));
	buf_puts(&b, "\n");
	xmlOutputBufferClose(out);
	xmlFreeDoc(doc);
	*len = b.len;
	html = buf_detach(&b);
	return html;
}
