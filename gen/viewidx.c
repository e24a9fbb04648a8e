/*
 * viewidx.c — the view models of the indexes: the vendors and each vendor's
 * page, the RFCs and each RFC's page (the codes it defines apart from those
 * it only cites), and the IANA registry page with its unassigned ranges.
 * Every function returns a new JSON value the caller owns; reads the
 * corpus; reports nothing.  Helpers are in view.c (view.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view.h"

/* A meaning under a heading of an index: a vendor, an RFC. */
struct entry {
	const struct meaning *m;
	size_t order;      /* position in the corpus */
	int rfc;           /* RFC index: the RFC */
	const char *label; /* RFC index: the reference's text */
	int cited;         /* RFC index: the RFC only cites the code, IANA credits another */
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
 * Adds the page of one heading of an index (`file`, titled `title`, listing
 * e[0..n)) to `out`, and its group to the index's `groups`.
 */
static void
index_entry_page(const struct view *v, enum lang l, const struct entry *e, size_t n, const char *id,
                 const char *title, const char *file, const char *url, const char *lead,
                 json_t *groups, json_t *out)
{
	json_t *items = json_array(), *one = json_array(), *ctx, *cited = NULL, *lead_text;
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *item = meaning_item(v, e[i].m, l, e[i].label);
		if (e[i].cited) {
			/* An RFC that only cites a code: listed apart, and marked so on the index.
			 */
			if (cited == NULL)
				cited = json_array();
			json_array_append(cited, item);
			set_placeholder(item, "label", view_str(v, l, "rfc_cited_label"), "{ref}",
			                e[i].label ? e[i].label : "");
		}
		json_array_append_new(items, item);
	}
	json_array_append_new(groups, group(id, title, file, NULL, json_deep_copy(items)));
	lead_text = json_object();
	set_placeholder(lead_text, "t", lead, "{name}", title);
	ctx = view_page(v, l, 0, file, title, json_string_value(json_object_get(lead_text, "t")));
	json_decref(lead_text);
	if (cited) {
		json_t *defined = json_array();
		for (i = 0; i < n; i++)
			if (!e[i].cited)
				json_array_append(defined, json_array_get(items, i));
		json_array_append_new(
		    one, group(NULL, view_str(v, l, "rfc_defines"), url, NULL, defined));
		json_array_append_new(one,
		                      group(NULL, view_str(v, l, "rfc_cites"), NULL, NULL, cited));
		json_decref(items);
	} else {
		json_array_append_new(one, group(NULL, NULL, url, NULL, items));
	}
	add_page(out, file, list_page(ctx, NULL, one));
}

json_t *
view_vendors(const struct view *v, enum lang l)
{
	struct entry *e = xcalloc(v->c->nm, sizeof(*e));
	size_t n = 0, i, j;
	json_t *out = json_array(), *groups = json_array(), *ctx;

	for (i = 0; i < v->c->nm; i++)
		if (v->c->m[i]->vendor) {
			e[n].m = v->c->m[i];
			e[n].order = i;
			n++;
		}
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_by_vendor);
	for (i = 0; i < n; i = j) {
		/* Two names of one page ("Acme IIS", "Acme-IIS") are refused by
		 * check_corpus. */
		char *file = url_vendor_page(e[i].m->vendor), *slug;
		for (j = i + 1; j < n && strcasecmp(e[j].m->vendor, e[i].m->vendor) == 0; j++)
			;
		slug = xstrndup(file + strlen("vendor-"), strlen(file) - strlen("vendor-.html"));
		index_entry_page(v, l, e + i, j - i, slug, e[i].m->vendor, file, NULL,
		                 view_str(v, l, "vendor_lead"), groups, out);
		free(file);
		free(slug);
	}
	free(e);
	ctx = view_page(v, l, 0, "vendors.html", view_str(v, l, "vendors"),
	                view_str(v, l, "vendors_intro"));
	add_page(out, "vendors.html", list_page(ctx, NULL, groups));
	return out;
}

/* Returns 1 if RFC rfc defines meaning m: IANA credits it for m's code, or
 * (for a meaning IANA does not register) it is m's first reference. */
static int
defines(const struct meaning *m, int rfc)
{
	size_t k;

	if (m->registry == REG_IANA && m->iana) {
		for (k = 0; k < m->iana->nxrefs; k++)
			if (m->iana->xrefs[k].rfc == rfc)
				return 1;
		return 0;
	}
	for (k = 0; k < m->nrefs; k++)
		if (m->refs[k].kind == REF_RFC)
			return m->refs[k].rfc == rfc;
	return 0;
}

json_t *
view_rfcs(const struct view *v, enum lang l)
{
	struct entry *e = NULL;
	size_t n = 0, i, j, k, q;
	json_t *out = json_array(), *groups = json_array(), *ctx;

	for (i = 0; i < v->c->nm; i++) {
		const struct meaning *m = v->c->m[i];
		for (k = 0; k < m->nrefs; k++) {
			if (m->refs[k].kind != REF_RFC)
				continue;
			for (q = 0; q < k && !(m->refs[q].kind == REF_RFC &&
			                       m->refs[q].rfc == m->refs[k].rfc);
			     q++)
				;
			if (q < k)
				continue; /* the first reference to an RFC names it */
			e = xrealloc(e, (n + 1) * sizeof(*e));
			e[n].m = m;
			e[n].order = i;
			e[n].rfc = m->refs[k].rfc;
			e[n].label = m->refs[k].text;
			e[n].cited = !defines(m, m->refs[k].rfc);
			n++;
		}
	}
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_by_rfc);
	for (i = 0; i < n; i = j) {
		char *file = xasprintf("rfc-%d.html", e[i].rfc),
		     *title = xasprintf("RFC %d", e[i].rfc);
		char *id = xasprintf("rfc-%d", e[i].rfc), *url = url_rfc(e[i].rfc, NULL);
		for (j = i + 1; j < n && e[j].rfc == e[i].rfc; j++)
			;
		index_entry_page(v, l, e + i, j - i, id, title, file, url,
		                 view_str(v, l, "rfc_lead"), groups, out);
		free(file);
		free(title);
		free(id);
		free(url);
	}
	free(e);
	ctx = view_page(v, l, 0, "rfcs.html", view_str(v, l, "rfcs"), view_str(v, l, "rfcs_intro"));
	add_page(out, "rfcs.html", list_page(ctx, NULL, groups));
	return out;
}

/* One cross-reference of an IANA record, as the registry page links it. */
static json_t *
xref_item(const struct iana_xref *x)
{
	json_t *ref = json_object();
	char *href;

	if (x->rfc)
		href = url_rfc(x->rfc, x->section);
	else if (strcmp(x->type, "draft") == 0)
		href = url_draft(x->data);
	else if (strncmp(x->data, "http", 4) == 0)
		href = xstrdup(x->data);
	else
		href = NULL;
	if (x->text)
		set_str(ref, "text", x->text);
	else if (x->rfc)
		set_fmt(ref, "text", "RFC %d", x->rfc);
	else
		set_str(ref, "text", x->data);
	set_opt(ref, "href", href);
	free(href);
	return ref;
}

json_t *
view_registry(const struct view *v, enum lang l)
{
	json_t *ctx = view_page(v, l, 0, "iana.html", view_str(v, l, "registry"),
	                        view_str(v, l, "registry_intro"));
	json_t *recs = json_array();
	size_t i, k;

	for (i = 0; v->c->reg && i < v->c->reg->nrecs; i++) {
		const struct iana_record *r = &v->c->reg->recs[i];
		json_t *o = json_object(), *refs = json_array();
		if (r->lo == r->hi)
			set_fmt(o, "value", "%03d", r->lo);
		else
			set_fmt(o, "value", "%03d–%03d", r->lo, r->hi);
		set_str(o, "description", r->description);
		json_object_set_new(o, "assigned", json_boolean(r->assigned));
		if (r->assigned)
			set_url(o, "href", url_number("", r->lo));
		else
			json_object_set_new(o, "href", json_null());
		for (k = 0; k < r->nxrefs; k++)
			json_array_append_new(refs, xref_item(&r->xrefs[k]));
		json_object_set_new(o, "refs", refs);
		json_array_append_new(recs, o);
	}
	json_object_set_new(ctx, "records", recs);
	set_str(ctx, "updated", v->c->reg ? v->c->reg->updated : "");
	return ctx;
}
