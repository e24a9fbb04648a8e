/*
 * registry.c — the IANA snapshot (SPEC §3), read with libxml2.
 *
 * The file is first parsed (no network, no entity expansion) and validated
 * against a RELAX NG grammar of our own for the part of IANA's format we rely
 * on, so that a truncated, malformed or reshaped snapshot is a clear error
 * and the walk below can trust the shape.  The walk then checks what a
 * grammar cannot: values in order, no overlaps.
 */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* The most elements a snapshot may have (IANA's has about 700). */
#define REG_MAX_ELEMENTS 20000
/* The most elements one element may hold (IANA's registry holds 75). */
#define REG_MAX_CHILDREN 1000
/* The largest snapshot read (IANA's is 14 KB). */
#define REG_MAX_BYTES (4 * 1024 * 1024)

#define IANA_NS "http://www.iana.org/assignments"

/* What statusgen relies on in IANA's http-status-codes.xml.  IANA's own
 * metadata elements are allowed anywhere it puts them and ignored. */
static const char schema[] =
    "<grammar xmlns='http://relaxng.org/ns/structure/1.0'"
    " ns='" IANA_NS "'"
    " datatypeLibrary='http://www.w3.org/2001/XMLSchema-datatypes'>"
    "<start><element name='registry'>"
    "  <attribute name='id'><value>http-status-codes</value></attribute>"
    "  <interleave>"
    "    <element name='title'><text/></element>"
    "    <element name='updated'><data type='date'/></element>"
    "    <zeroOrMore><ref name='meta'/></zeroOrMore>"
    "  </interleave>"
    "  <element name='registry'>"
    "    <attribute name='id'><value>http-status-codes-1</value></attribute>"
    "    <zeroOrMore><ref name='inner-meta'/></zeroOrMore>"
    "    <oneOrMore><ref name='record'/></oneOrMore>"
    "  </element>"
    "  <zeroOrMore><ref name='meta'/></zeroOrMore>"
    "</element></start>"
    "<define name='record'><element name='record'>"
    "  <optional><attribute name='date'><ref name='date'/></attribute></optional>"
    "  <optional><attribute name='updated'><ref name='date'/></attribute></optional>"
    "  <element name='value'><data type='string'>"
    "    <param name='pattern'>[0-9]{3}(-[0-9]{3})?</param></data></element>"
    "  <element name='description'><data type='string'>"
    "    <param name='minLength'>1</param></data></element>"
    "  <zeroOrMore><element name='xref'>"
    "    <attribute name='type'><data type='token'/></attribute>"
    "    <attribute name='data'><data type='string'><param "
    "name='minLength'>1</param></data></attribute>"
    "    <zeroOrMore><attribute><anyName><except><name ns=''>type</name><name ns=''>data</name>"
    "      </except></anyName></attribute></zeroOrMore>"
    "    <text/>"
    "  </element></zeroOrMore>"
    "</element></define>"
    "<define name='date'><data type='string'>"
    "  <param name='pattern'>[0-9]{4}-[0-9]{2}(-[0-9]{2})?</param></data></define>"
    "<define name='meta'><element><anyName><except>"
    "  <name>registry</name><name>record</name><name>title</name><name>updated</name>"
    "  </except></anyName><ref name='any'/></element></define>"
    "<define name='inner-meta'><element><anyName><except>"
    "  <name>registry</name><name>record</name>"
    "  </except></anyName><ref name='any'/></element></define>"
    "<define name='any'><zeroOrMore><choice>"
    "  <attribute><anyName/></attribute><text/><element><anyName/><ref name='any'/></element>"
    "</choice></zeroOrMore></define>"
    "</grammar>";

static int
is_el(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, IANA_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n->children; n; n = n->next)
		if (is_el(n, name))
			return n;
	return NULL;
}

static char *
text_of(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = xstrdup(t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *t = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s = t ? xstrdup((const char *)t) : NULL;
	xmlFree(t);
	return s;
}

/* Splits a description into its phrase and a trailing "(…)" annotation. */
static void
split_description(struct iana_record *r)
{
	const char *d = r->description;
	size_t n = strlen(d);
	int depth = 0;
	size_t i;

	if (n > 1 && d[n - 1] == ')') {
		for (i = n; i-- > 0;) {
			if (d[i] == ')')
				depth++;
			else if (d[i] == '(' && --depth == 0)
				break;
		}
		if (depth == 0 && i < n) {
			size_t end = i;
			while (end > 0 && d[end - 1] == ' ')
				end--;
			r->phrase = xstrndup(d, end);
			r->annotation = xstrndup(d + i + 1, n - i - 2);
			r->unused = strcmp(r->annotation, "Unused") == 0 && end == 0;
			return;
		}
	}
	r->phrase = xstrdup(d);
}

static void
read_xref(struct iana_xref *x, xmlNodePtr n)
{
	const char *s;

	x->type = attr(n, "type");
	x->data = attr(n, "data");
	x->text = text_of(n);
	if (x->text[0] == '\0') {
		free(x->text);
		x->text = NULL;
	}
	if (strcmp(x->type, "rfc") == 0 && strncmp(x->data, "rfc", 3) == 0)
		x->rfc = atoi(x->data + 3);
	if (x->text && (s = strstr(x->text, "Section ")) != NULL) {
		size_t k = strspn(s + 8, "0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZ");
		while (k > 0 && s[8 + k - 1] == '.')
			k--;
		if (k > 0)
			x->section = xstrndup(s + 8, k);
	}
}

static int
parse_value(const char *v, int *lo, int *hi)
{
	*lo = atoi(v);
	*hi = strchr(v, '-') ? atoi(strchr(v, '-') + 1) : *lo;
	return *lo <= *hi;
}

/*
 * Parses a snapshot held in memory (`len` bytes, named `path` in
 * diagnostics) into `*out` (caller frees with registry_free).  Reports every
 * problem through diag().  Returns 0, or 1 when it is malformed or reshaped;
 * *out is written only on 0.
 */
/*
 * IANA's registry has under a hundred records and a hundred xrefs; libxml2's
 * RELAX NG validation takes time that grows faster than the document (a
 * snapshot of 150,000 records, or one record with 300,000 xrefs, runs for
 * minutes).  So the tree is measured first, in one walk: more than
 * REG_MAX_ELEMENTS elements, more than REG_MAX_CHILDREN in one, or a DTD (the real file has none;
 * entities could multiply the text), is an error.  Returns 1 after reporting.
 */
static int
too_big(const char *path, xmlDocPtr doc)
{
	xmlNodePtr n = xmlDocGetRootElement(doc);
	size_t count = 0;
	struct pos none = {0, 0};

	if (doc->intSubset || doc->extSubset) {
		diag(DIAG_ERROR, path, none,
		     "IANA snapshot: a document type declaration (DOCTYPE); IANA's file has none");
		return 1;
	}
	while (n) {
		if (n->type == XML_ELEMENT_NODE && xmlChildElementCount(n) > REG_MAX_CHILDREN) {
			struct pos at = {(int)xmlGetLineNo(n), 0};
			diag(DIAG_ERROR, path, at,
			     "IANA snapshot: <%s> has more than %d elements in it; IANA's registry "
			     "has under a hundred records",
			     (const char *)n->name, REG_MAX_CHILDREN);
			return 1;
		}
		if (n->type == XML_ELEMENT_NODE && ++count > REG_MAX_ELEMENTS) {
			struct pos at = {(int)xmlGetLineNo(n), 0};
			diag(DIAG_ERROR, path, at,
			     "IANA snapshot: more than %d elements; IANA's registry has a few "
			     "hundred",
			     REG_MAX_ELEMENTS);
			return 1;
		}
		/* Depth first, without recursion. */
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n->next == NULL)
			n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
		if (n)
			n = n->next;
	}
	return 0;
}

int
registry_parse(const char *path, const char *data, size_t len, struct registry **out)
{
	struct xml_errors ld = {path, "IANA snapshot", 0};
	xmlDocPtr doc = NULL, sdoc = NULL;
	xmlRelaxNGParserCtxtPtr pctx = NULL;
	xmlRelaxNGPtr rng = NULL;
	xmlRelaxNGValidCtxtPtr vctx = NULL;
	xmlNodePtr root, inner, n;
	struct registry *reg = NULL;
	struct pos none = {0, 0};
	int rc = 1;

	if (len > INT_MAX) {
		diag(DIAG_ERROR, path, none, "IANA snapshot: too large");
		return 1;
	}
	xmlSetStructuredErrorFunc(&ld, diag_xml_error);
	doc = xmlReadMemory(data, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (doc == NULL || ld.errors) {
		if (ld.errors == 0)
			diag(DIAG_ERROR, path, none, "IANA snapshot: not an XML file");
		goto out;
	}

	if (too_big(path, doc))
		goto out;

	sdoc = xmlReadMemory(schema, sizeof(schema) - 1, "statusgen-registry.rng", NULL,
	                     XML_PARSE_NONET);
	pctx = xmlRelaxNGNewDocParserCtxt(sdoc);
	rng = xmlRelaxNGParse(pctx);
	if (rng == NULL) {
		diag(DIAG_ERROR, path, none,
		     "internal error: the snapshot grammar does not compile");
		goto out;
	}
	vctx = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vctx, diag_xml_error, &ld);
	if (xmlRelaxNGValidateDoc(vctx, doc) != 0 || ld.errors) {
		if (ld.errors == 0)
			diag(DIAG_ERROR, path, none,
			     "IANA snapshot: does not have the shape of IANA's "
			     "http-status-codes.xml");
		goto out;
	}

	reg = xcalloc(1, sizeof(*reg));
	reg->path = xstrdup(path);
	root = xmlDocGetRootElement(doc);
	reg->updated = text_of(child(root, "updated"));
	inner = child(root, "registry");
	for (n = inner->children; n; n = n->next) {
		struct iana_record *r, *prev;
		xmlNodePtr x;
		char *v;
		struct pos p;

		if (!is_el(n, "record"))
			continue;
		reg->recs = xrealloc(reg->recs, (reg->nrecs + 1) * sizeof(*reg->recs));
		r = &reg->recs[reg->nrecs++];
		memset(r, 0, sizeof(*r));
		r->line = xmlGetLineNo(n);
		p.line = r->line;
		p.col = 0;
		r->date = attr(n, "date");
		r->updated = attr(n, "updated");
		v = text_of(child(n, "value"));
		if (!parse_value(v, &r->lo, &r->hi))
			diag(DIAG_ERROR, path, p, "IANA snapshot: range '%s' runs backwards", v),
			    ld.errors++;
		else if (r->lo < 100 || r->hi > 599)
			diag(DIAG_ERROR, path, p, "IANA snapshot: value '%s' is outside 100-599",
			     v),
			    ld.errors++;
		free(v);
		r->description = text_of(child(n, "description"));
		r->assigned = r->lo == r->hi && strcmp(r->description, "Unassigned") != 0;
		split_description(r);
		for (x = n->children; x; x = x->next) {
			if (!is_el(x, "xref"))
				continue;
			r->xrefs = xrealloc(r->xrefs, (r->nxrefs + 1) * sizeof(*r->xrefs));
			memset(&r->xrefs[r->nxrefs], 0, sizeof(*r->xrefs));
			read_xref(&r->xrefs[r->nxrefs++], x);
		}
		prev = reg->nrecs > 1 ? &reg->recs[reg->nrecs - 2] : NULL;
		if (prev && r->lo <= prev->hi)
			diag(DIAG_ERROR, path, p,
			     "IANA snapshot: record %d-%d overlaps or is out of order after %d-%d",
			     r->lo, r->hi, prev->lo, prev->hi),
			    ld.errors++;
	}
	rc = ld.errors ? 1 : 0;
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlRelaxNGFreeValidCtxt(vctx);
	xmlRelaxNGFree(rng);
	xmlRelaxNGFreeParserCtxt(pctx);
	xmlFreeDoc(sdoc);
	xmlFreeDoc(doc);
	if (rc == 0)
		*out = reg;
	else
		registry_free(reg);
	return rc;
}

/*
 * Loads the snapshot at `path` into `*out` (caller frees with
 * registry_free).  Reports every problem through diag().  Returns 0, 1 when
 * the file is malformed or reshaped, 2 when it cannot be read; *out is
 * written only on 0.
 */
int
registry_load(const char *path, struct registry **out)
{
	char *data = NULL;
	size_t len;
	struct pos none = {0, 0};
	int rc;

	if (file_read(path, REG_MAX_BYTES, &data, &len) == -1) {
		if (errno == EFBIG) {
			diag(DIAG_ERROR, path, none,
			     "IANA snapshot: larger than %d MiB; IANA's file has 14 KB",
			     REG_MAX_BYTES / (1024 * 1024));
			return 1;
		}
		diag(DIAG_ERROR, path, none, "cannot read the IANA snapshot: %s",
		     file_error(errno));
		return 2;
	}
	rc = registry_parse(path, data, len, out);
	free(data);
	return rc;
}

/* Returns the record whose value or range holds `code`, or NULL.  Not owned. */
const struct iana_record *
registry_find(const struct registry *reg, int code)
{
	size_t lo = 0, hi = reg ? reg->nrecs : 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct iana_record *r = &reg->recs[mid];
		if (code < r->lo)
			hi = mid;
		else if (code > r->hi)
			lo = mid + 1;
		else
			return r;
	}
	return NULL;
}

void
registry_free(struct registry *reg)
{
	size_t i, j;

	if (reg == NULL)
		return;
	for (i = 0; i < reg->nrecs; i++) {
		struct iana_record *r = &reg->recs[i];
		free(r->description);
		free(r->phrase);
		free(r->annotation);
		free(r->date);
		free(r->updated);
		for (j = 0; j < r->nxrefs; j++) {
			free(r->xrefs[j].type);
			free(r->xrefs[j].data);
			free(r->xrefs[j].text);
			free(r->xrefs[j].section);
		}
		free(r->xrefs);
	}
	free(reg->recs);
	free(reg->path);
	free(reg->updated);
	free(reg);
}
