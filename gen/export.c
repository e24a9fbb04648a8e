/*
 * export.c — the JSON export (SPEC §5), built with jansson.
 *
 * export_meaning() is the one description of a meaning as data: codes.json
 * is made of it, and site.c starts each page's view model from it.
 * Output is deterministic: objects are written with sorted keys, arrays in
 * the corpus's order.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define SCHEMA_VERSION 1

static json_t *
str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
lang_pair(char *const v[LANG__N])
{
	json_t *o;
	int l;

	if (v[LANG_EN] == NULL && v[LANG_ZH] == NULL)
		return json_null();
	o = json_object();
	for (l = 0; l < LANG__N; l++)
		json_object_set_new(o, lang_code[l], str_or_null(v[l]));
	return o;
}

/* Returns the site path of meaning m in language l ("en/499.html#nginx"); caller frees. */
char *
meaning_url(const struct meaning *m, enum lang l)
{
	if (m->slug)
		return xasprintf("%s/%03d.html#%s", lang_code[l], m->code, m->slug);
	return xasprintf("%s/%03d.html", lang_code[l], m->code);
}

/*
 * Returns a new JSON object describing meaning m (caller owns the
 * reference).
 */
json_t *
export_meaning(const struct meaning *m)
{
	json_t *o = json_object(), *a, *x;
	size_t i;
	int l;

	json_object_set_new(o, "id", json_string(m->id));
	json_object_set_new(o, "code", json_integer(m->code));
	json_object_set_new(o, "class", json_string(class_name[m->klass]));
	json_object_set_new(o, "registry", json_string(registry_name[m->registry]));
	json_object_set_new(o, "vendor", str_or_null(m->vendor));
	json_object_set_new(o, "status", json_string(status_name[m->status]));
	json_object_set_new(o, "title", lang_pair(m->title));
	json_object_set_new(o, "summary", lang_pair(m->summary));
	json_object_set_new(o, "note", lang_pair(m->note));

	x = json_object();
	for (l = 0; l < LANG__N; l++) {
		a = json_array();
		for (i = 0; i < m->naliases[l]; i++)
			json_array_append_new(a, json_string(m->aliases[l][i]));
		json_object_set_new(x, lang_code[l], a);
	}
	json_object_set_new(o, "aliases", x);

	a = json_array();
	for (i = 0; i < m->nrefs; i++) {
		const struct ref *r = &m->refs[i];
		x = json_object();
		json_object_set_new(x, "type", json_string(r->kind == REF_RFC     ? "rfc"
		                                             : r->kind == REF_DRAFT ? "draft"
		                                                                     : "url"));
		if (r->kind == REF_RFC) {
			json_object_set_new(x, "rfc", json_integer(r->rfc));
			json_object_set_new(x, "section", str_or_null(r->section));
		}
		if (r->kind == REF_DRAFT)
			json_object_set_new(x, "draft", json_string(r->draft));
		json_object_set_new(x, "text", str_or_null(r->text));
		json_object_set_new(x, "url", str_or_null(r->url));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "references", a);

	a = json_array();
	for (i = 0; i < m->nsee; i++)
		json_array_append_new(a, json_string(m->see[i].id));
	json_object_set_new(o, "see_also", a);

	a = json_array();
	for (i = 0; i < m->nsubs; i++) {
		x = json_object();
		json_object_set_new(x, "code", json_string(m->subs[i].code));
		for (l = 0; l < LANG__N; l++)
			json_object_set_new(x, lang_code[l], json_string(m->subs[i].text[l]));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "subcodes", a);

	x = json_object();
	for (i = 0; i < m->nconsts; i++)
		json_object_set_new(x, m->consts[i].lang, json_string(m->consts[i].value));
	json_object_set_new(o, "constants", x);

	x = json_object();
	for (l = 0; l < LANG__N; l++) {
		char *u = meaning_url(m, l);
		json_object_set_new(x, lang_code[l], json_string(u));
		free(u);
	}
	json_object_set_new(o, "url", x);

	json_object_set_new(o, "body", lang_pair(m->html));

	if (m->registry == REG_IANA && m->iana) {
		x = json_object();
		json_object_set_new(x, "description", json_string(m->iana->description));
		json_object_set_new(x, "annotation", str_or_null(m->iana->annotation));
		json_object_set_new(x, "date", str_or_null(m->iana->date));
		json_object_set_new(x, "updated", str_or_null(m->iana->updated));
		json_object_set_new(o, "iana", x);
	} else {
		json_object_set_new(o, "iana", json_null());
	}
	json_object_set_new(o, "conflicts_with_iana",
	                    json_boolean(m->registry != REG_IANA && m->iana != NULL));
	return o;
}

/* Returns a new JSON object for one IANA record. */
static json_t *
export_record(const struct iana_record *r)
{
	json_t *o = json_object(), *a = json_array();
	size_t i;
	char *v = r->lo == r->hi ? xasprintf("%d", r->lo) : xasprintf("%d-%d", r->lo, r->hi);

	json_object_set_new(o, "value", json_string(v));
	free(v);
	json_object_set_new(o, "from", json_integer(r->lo));
	json_object_set_new(o, "to", json_integer(r->hi));
	json_object_set_new(o, "description", json_string(r->description));
	json_object_set_new(o, "assigned", json_boolean(r->assigned));
	for (i = 0; i < r->nxrefs; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "type", json_string(r->xrefs[i].type));
		json_object_set_new(x, "data", json_string(r->xrefs[i].data));
		json_object_set_new(x, "text", str_or_null(r->xrefs[i].text));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "xrefs", a);
	return o;
}

/*
 * Returns the whole export as a new JSON document (caller owns the
 * reference).
 */
json_t *
export_corpus(const struct corpus *c)
{
	json_t *doc = json_object(), *codes = json_array(), *recs = json_array();
	json_t *entry = NULL, *meanings = NULL;
	size_t i;

	json_object_set_new(doc, "schema_version", json_integer(SCHEMA_VERSION));
	json_object_set_new(doc, "iana_updated", str_or_null(c->reg ? c->reg->updated : NULL));
	for (i = 0; i < c->nm; i++) {
		const struct meaning *m = c->m[i];
		if (i == 0 || c->m[i - 1]->code != m->code) {
			entry = json_object();
			meanings = json_array();
			json_object_set_new(entry, "code", json_integer(m->code));
			json_object_set_new(entry, "class", json_string(class_name[class_of_code(m->code)]));
			json_object_set_new(entry, "meanings", meanings);
			json_array_append_new(codes, entry);
		}
		json_array_append_new(meanings, export_meaning(m));
	}
	json_object_set_new(doc, "codes", codes);
	for (i = 0; c->reg && i < c->reg->nrecs; i++)
		json_array_append_new(recs, export_record(&c->reg->recs[i]));
	json_object_set_new(doc, "iana_registry", recs);
	return doc;
}

static int
dump_to_buf(const char *chunk, size_t len, void *data)
{
	buf_add(data, chunk, len);
	return 0;
}

/* Returns `j` serialised for the site (caller frees): sorted keys, indented
 * or compact, UTF-8, a final newline.  *len (may be NULL) gets its length. */
char *
export_dump(const json_t *j, int indent, size_t *len)
{
	struct buf b = {0};

	if (json_dump_callback(j, dump_to_buf, &b,
	                       JSON_SORT_KEYS | (indent ? JSON_INDENT(2) : JSON_COMPACT)) != 0) {
		fputs("statusgen: out of memory\n", stderr);
		exit(2);
	}
	buf_add(&b, "\n", 1);
	if (len)
		*len = b.len;
	return buf_detach(&b);
}
