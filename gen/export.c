/*
 * export.c — the JSON export (SPEC §5), built with jansson.
 *
 * export_meaning() is the one description of a meaning as data.  Output is
 * deterministic: objects are written with sorted keys, arrays in the
 * corpus's order.  Strings are handed over with json_string_nocheck, as in
 * site.c: content.c has checked that they are UTF-8.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define SCHEMA_VERSION 1

static json_t *
str_or_null(const char *s)
{
	return s ? json_string_nocheck(s) : json_null();
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

	json_object_set_new(o, "id", json_string_nocheck(m->id));
	json_object_set_new(o, "code", json_integer(m->code));
	json_object_set_new(o, "class", json_string_nocheck(class_name[m->klass]));
	json_object_set_new(o, "registry", json_string_nocheck(registry_name[m->registry]));
	json_object_set_new(o, "vendor", str_or_null(m->vendor));
	json_object_set_new(o, "status", json_string_nocheck(status_name[m->status]));
	json_object_set_new(o, "title", lang_pair(m->title));
	json_object_set_new(o, "summary", lang_pair(m->summary));
	json_object_set_new(o, "note", lang_pair(m->note));

	x = json_object();
	for (l = 0; l < LANG__N; l++) {
		a = json_array();
		for (i = 0; i < m->naliases[l]; i++)
			json_array_append_new(a, json_string_nocheck(m->aliases[l][i]));
		json_object_set_new(x, lang_code[l], a);
	}
	json_object_set_new(o, "aliases", x);

	a = json_array();
	for (i = 0; i < m->nrefs; i++) {
		const struct ref *r = &m->refs[i];
		x = json_object();
		json_object_set_new(x, "type", json_string_nocheck(r->kind == REF_RFC     ? "rfc"
		                                             : r->kind == REF_DRAFT ? "draft"
		                                                                     : "url"));
		if (r->kind == REF_RFC) {
			json_object_set_new(x, "rfc", json_integer(r->rfc));
			json_object_set_new(x, "section", str_or_null(r->section));
		}
		if (r->kind == REF_DRAFT)
			json_object_set_new(x, "draft", json_string_nocheck(r->draft));
		json_object_set_new(x, "text", str_or_null(r->text));
		json_object_set_new(x, "url", str_or_null(r->url));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "references", a);

	a = json_array();
	for (i = 0; i < m->nsee; i++)
		json_array_append_new(a, json_string_nocheck(m->see[i].id));
	json_object_set_new(o, "see_also", a);

	a = json_array();
	for (i = 0; i < m->nsubs; i++) {
		x = json_object();
		json_object_set_new(x, "code", json_string_nocheck(m->subs[i].code));
		for (l = 0; l < LANG__N; l++)
			json_object_set_new(x, lang_code[l], json_string_nocheck(m->subs[i].text[l]));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "subcodes", a);

	x = json_object();
	for (i = 0; i < m->nconsts; i++)
		json_object_set_new(x, m->consts[i].lang, json_string_nocheck(m->consts[i].value));
	json_object_set_new(o, "constants", x);

	x = json_object();
	for (l = 0; l < LANG__N; l++) {
		char *u = meaning_url(m, l);
		json_object_set_new(x, lang_code[l], json_string_nocheck(u));
		free(u);
	}
	json_object_set_new(o, "url", x);

	json_object_set_new(o, "body", lang_pair(m->html));

	if (m->registry == REG_IANA && m->iana) {
		x = json_object();
		json_object_set_new(x, "description", json_string_nocheck(m->iana->description));
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

	json_object_set_new(o, "value", json_string_nocheck(v));
	free(v);
	json_object_set_new(o, "from", json_integer(r->lo));
	json_object_set_new(o, "to", json_integer(r->hi));
	json_object_set_new(o, "description", json_string_nocheck(r->description));
	json_object_set_new(o, "assigned", json_boolean(r->assigned));
	for (i = 0; i < r->nxrefs; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "type", json_string_nocheck(r->xrefs[i].type));
		json_object_set_new(x, "data", json_string_nocheck(r->xrefs[i].data));
		json_object_set_new(x, "text", str_or_null(r->xrefs[i].text));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "xrefs", a);
	return o;
}

static int
dump_to_buf(const char *chunk, size_t len, void *data)
{
	buf_add(data, chunk, len);
	return 0;
}

/* Appends j, compact with sorted keys. */
static void
put_json(struct buf *b, const json_t *j)
{
	if (json_dump_callback(j, dump_to_buf, b, JSON_SORT_KEYS | JSON_COMPACT | JSON_ENCODE_ANY) != 0) {
		fputs("statusgen: out of memory\n", stderr);
		exit(2);
	}
}

/*
 * Serialises the meanings c->m[first..end) of one number into e (the caller
 * frees e->meanings): compact, keys sorted.  Numbers are independent, so the
 * site serialises them in parallel.
 */
void
export_number(const struct corpus *c, size_t first, size_t end, struct export_number *e)
{
	json_t *arr = json_array();
	struct buf b = {0};
	size_t j;

	for (j = first; j < end; j++)
		json_array_append_new(arr, export_meaning(c->m[j]));
	put_json(&b, arr);
	json_decref(arr);
	e->code = c->m[first]->code;
	e->len = b.len;
	e->meanings = buf_detach(&b);
}

static void
put_head(struct buf *b, int code)
{
	char head[96];

	snprintf(head, sizeof(head), "{\"class\":\"%s\",\"code\":%d", class_name[class_of_code(code)],
	         code);
	buf_puts(b, head);
}

static void
put_updated(struct buf *b, const struct corpus *c)
{
	json_t *u = c->reg && c->reg->updated ? json_string_nocheck(c->reg->updated) : json_null();

	put_json(b, u);
	json_decref(u);
}

/* Returns api/NNN.json for number e (caller frees): the entry of codes.json
 * with the top-level schema_version and iana_updated. */
char *
export_api_doc(const struct corpus *c, const struct export_number *e, size_t *len)
{
	struct buf b = {0};
	char tail[64];

	put_head(&b, e->code);
	buf_puts(&b, ",\"iana_updated\":");
	put_updated(&b, c);
	buf_puts(&b, ",\"meanings\":");
	buf_add(&b, e->meanings, e->len);
	snprintf(tail, sizeof(tail), ",\"schema_version\":%d}\n", SCHEMA_VERSION);
	buf_puts(&b, tail);
	*len = b.len;
	return buf_detach(&b);
}

/* Returns codes.json (caller frees): every number e[0..n), the registry's
 * records, iana_updated and schema_version, keys in sorted order. */
char *
export_codes_doc(const struct corpus *c, const struct export_number *e, size_t n, size_t *len)
{
	struct buf b = {0};
	json_t *recs = json_array();
	char tail[64];
	size_t i;

	buf_puts(&b, "{\"codes\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, ",");
		put_head(&b, e[i].code);
		buf_puts(&b, ",\"meanings\":");
		buf_add(&b, e[i].meanings, e[i].len);
		buf_puts(&b, "}");
	}
	for (i = 0; c->reg && i < c->reg->nrecs; i++)
		json_array_append_new(recs, export_record(&c->reg->recs[i]));
	buf_puts(&b, "],\"iana_registry\":");
	put_json(&b, recs);
	json_decref(recs);
	buf_puts(&b, ",\"iana_updated\":");
	put_updated(&b, c);
	snprintf(tail, sizeof(tail), ",\"schema_version\":%d}\n", SCHEMA_VERSION);
	buf_puts(&b, tail);
	*len = b.len;
	return buf_detach(&b);
}

/* Returns `j` serialised compact with sorted keys and a final newline
 * (caller frees); *len (may be NULL) gets its length. */
char *
export_dump(const json_t *j, size_t *len)
{
	struct buf b = {0};

	put_json(&b, j);
	buf_add(&b, "\n", 1);
	if (len)
		*len = b.len;
	return buf_detach(&b);
}
