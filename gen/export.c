/*
 * export.c — the JSON export (SPEC §5), built with jansson: codes.json and
 * api/NNN.json, written into the output folder by export_write().
 *
 * export_meaning() is the one description of a meaning as data.  Output is
 * deterministic: objects are written with sorted keys, arrays in the
 * corpus's order.  Strings are handed over with json_string_nocheck, as in
 * view.c: content.c has checked that they are UTF-8.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "gen.h"

#define SCHEMA_VERSION 1

static void put_members(struct buf *b, const json_t *j);

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

/* Returns the facts of `semantics` (semantics.c), or null. */
static json_t *
export_semantics(const struct semantics *s)
{
	json_t *o, *a;
	size_t i;

	if (s == NULL)
		return json_null();
	o = json_object();
	json_object_set_new(o, "heuristically_cacheable", json_boolean(s->cacheable));
	json_object_set_new(o, "content", json_string_nocheck(sem_content_name[s->content]));
	json_object_set_new(o, "redirect",
	                    s->redirect ? json_pack("{s:b, s:s}", "permanent", s->permanent,
	                                            "method", sem_method_name[s->method])
	                                : json_null());
	json_object_set_new(o, "introduced",
	                    json_pack("{s:o, s:o, s:i}", "rfc",
	                              s->rfc ? json_integer(s->rfc) : json_null(), "draft",
	                              str_or_null(s->draft), "year", s->year));
	a = json_array();
	for (i = 0; i < s->nheaders; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:o}", "name", s->headers[i].name,
		                                   "level", sem_level_name[s->headers[i].level],
		                                   "when", lang_pair(s->headers[i].when)));
	json_object_set_new(o, "headers", a);
	return o;
}

/* Returns a new JSON object describing meaning m but for its "body",
 * which put_meaning adds (the caller owns it). */
static json_t *
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
	json_object_set_new(o, "seen_in", lang_pair(m->seen_in));
	json_object_set_new(o, "semantics", export_semantics(m->sem));
	json_object_set_new(o, "use_when", lang_pair(m->use_when));
	json_object_set_new(o, "lead", json_boolean(m->lead));

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
		json_object_set_new(x, "type",
		                    json_string_nocheck(r->kind == REF_RFC     ? "rfc"
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
			json_object_set_new(x, lang_code[l],
			                    json_string_nocheck(m->subs[i].text[l]));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "subcodes", a);

	x = json_object();
	for (i = 0; i < m->nconsts; i++)
		json_object_set_new(x, m->consts[i].lang, json_string_nocheck(m->consts[i].value));
	json_object_set_new(o, "constants", x);

	x = json_object();
	for (l = 0; l < LANG__N; l++) {
		char *prefix = xasprintf("%s/", lang_dir[l]), *u = url_meaning(prefix, m);
		json_object_set_new(x, lang_code[l], json_string_nocheck(u));
		free(u);
		free(prefix);
	}
	json_object_set_new(o, "url", x);

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

/*
 * Appends meaning m as a JSON object, keys sorted: "aliases", then "body"
 * written with esc_json (the rendered bodies are most of the export's
 * bytes, and jansson writes a string a character at a time), then the rest
 * from export_meaning, none of whose other keys sorts before "body".
 */
static void
put_meaning(struct buf *b, const struct meaning *m)
{
	/* "en" < "zh" < "zh-Hant" */
	static const enum lang sorted[LANG__N] = {LANG_EN, LANG_ZH, LANG_ZH_HANT};
	json_t *rest = export_meaning(m), *first = json_object();
	int k;

	json_object_set(first, "aliases", json_object_get(rest, "aliases"));
	json_object_del(rest, "aliases");
	buf_puts(b, "{");
	put_members(b, first);
	buf_puts(b, ",\"body\":");
	if (m->html[LANG_EN] == NULL && m->html[LANG_ZH] == NULL) {
		buf_puts(b, "null");
	} else {
		for (k = 0; k < LANG__N; k++) {
			enum lang l = sorted[k];
			buf_puts(b, k == 0 ? "{\"" : ",\"");
			buf_puts(b, lang_code[l]);
			buf_puts(b, "\":");
			if (m->html[l])
				esc_json(b, m->html[l]);
			else
				buf_puts(b, "null");
		}
		buf_puts(b, "}");
	}
	buf_puts(b, ",");
	put_members(b, rest);
	buf_puts(b, "}");
	json_decref(first);
	json_decref(rest);
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

void
export_json(struct buf *b, const json_t *j)
{
	if (json_dump_callback(j, dump_to_buf, b,
	                       JSON_SORT_KEYS | JSON_COMPACT | JSON_ENCODE_ANY) != 0)
		oom();
	buf_add(b, "\n", 1);
}

/*
 * The export's two kinds of document share each number's meanings: the
 * array is serialised once, by the number's job, and put inside both
 * api/NNN.json and codes.json between keys serialised by jansson.  (Building
 * codes.json as one jansson tree and dumping it serialises every body a
 * second time: measured, a third more instructions for the whole build.)
 * The keys of both documents are written in sorted order, as jansson writes
 * every object here.
 */

/* What export_begin's jobs make, and export_codes puts together. */
struct export
{
	const struct corpus *c;
	struct outdir *od;
	struct buf *meanings; /* per number: its meanings' JSON array, made by its job */
	struct buf *heads;    /* per number: "class":…,"code":… */
};

/* Appends the text of j without its outer braces, keys sorted: a run of
 * "key":value pairs to put inside a document. */
static void
put_members(struct buf *b, const json_t *j)
{
	if (json_dump_callback(j, dump_to_buf, b, JSON_SORT_KEYS | JSON_COMPACT | JSON_EMBED) != 0)
		oom();
}

/* An iovec of text s[0..len) (writev's type is not const; nothing writes
 * through it). */
static struct iovec
piece(const char *s, size_t len)
{
	struct iovec v = {(void *)s, len};

	return v;
}

/* par_run's job: the meanings of number i and its api/NNN.json,
 * {HEAD,"iana_updated":…,"meanings":[…],"schema_version":1}, written from
 * its parts: the meanings, megabytes for a large corpus, are not copied. */
static void
export_number(size_t i, void *arg)
{
	struct export *x = arg;
	const struct corpus *c = x->c;
	size_t j, end = corpus_number_end(c, i);
	int code = c->m[c->first[i]]->code;
	json_t *updated, *version, *head;
	struct buf *h = &x->heads[i], *m = &x->meanings[i], before = {0}, after = {0};
	struct iovec v[5];
	char rel[32];

	arena_begin(); /* every jansson value here is gone by the end */
	head = json_pack("{s:s, s:i}", "class", class_name[class_of_code(code)], "code", code);
	put_members(h, head);
	json_decref(head);

	buf_puts(m, "[");
	for (j = c->first[i]; j < end; j++) {
		if (j > c->first[i])
			buf_puts(m, ",");
		put_meaning(m, c->m[j]);
	}
	buf_puts(m, "]");

	updated = json_pack("{s:o}", "iana_updated", str_or_null(c->reg ? c->reg->updated : NULL));
	version = json_pack("{s:i}", "schema_version", SCHEMA_VERSION);
	buf_puts(&before, ",");
	put_members(&before, updated);
	buf_puts(&before, ",\"meanings\":");
	buf_puts(&after, ",");
	put_members(&after, version);
	buf_puts(&after, "}\n");
	v[0] = piece("{", 1);
	v[1] = piece(h->s, h->len);
	v[2] = piece(before.s, before.len);
	v[3] = piece(m->s, m->len);
	v[4] = piece(after.s, after.len);
	snprintf(rel, sizeof(rel), "api/%03d.json", code);
	outdir_writev(x->od, rel, v, 5);
	buf_free(&before);
	buf_free(&after);
	json_decref(updated);
	json_decref(version);
	arena_end();
}

struct export *
export_begin(const struct corpus *c, struct outdir *od, int jobs)
{
	struct export *x = xcalloc(1, sizeof(*x));

	x->c = c;
	x->od = od;
	x->meanings = xcalloc(c->nnum + 1, sizeof(struct buf));
	x->heads = xcalloc(c->nnum + 1, sizeof(struct buf));
	par_run(jobs, c->nnum, export_number, x);
	if (outdir_failed(od)) {
		export_free(x);
		return NULL;
	}
	return x;
}

int
export_codes(struct export *x)
{
	const struct corpus *c = x->c;
	json_t *rest = json_object(), *recs = json_array();
	struct buf tail = {0};
	struct iovec *v = xcalloc(5 * c->nnum + 2, sizeof(*v));
	size_t i;
	int n = 0, rc;

	/* {"codes":[{HEAD,"meanings":[…]},…],"iana_registry":…,…}, written
	 * from the numbers' parts, each freed once written. */
	v[n++] = piece("{\"codes\":[", 10);
	for (i = 0; i < c->nnum; i++) {
		v[n++] = i > 0 ? piece(",{", 2) : piece("{", 1);
		v[n++] = piece(x->heads[i].s, x->heads[i].len);
		v[n++] = piece(",\"meanings\":", 12);
		v[n++] = piece(x->meanings[i].s, x->meanings[i].len);
		v[n++] = piece("}", 1);
	}
	buf_puts(&tail, "],");
	for (i = 0; c->reg && i < c->reg->nrecs; i++)
		json_array_append_new(recs, export_record(&c->reg->recs[i]));
	json_object_set_new(rest, "iana_registry", recs);
	json_object_set_new(rest, "iana_updated", str_or_null(c->reg ? c->reg->updated : NULL));
	json_object_set_new(rest, "schema_version", json_integer(SCHEMA_VERSION));
	put_members(&tail, rest);
	json_decref(rest);
	buf_puts(&tail, "}\n");
	v[n++] = piece(tail.s, tail.len);
	rc = outdir_writev(x->od, "codes.json", v, n);
	for (i = 0; i < c->nnum; i++) {
		buf_free(&x->heads[i]);
		buf_free(&x->meanings[i]);
	}
	buf_free(&tail);
	free(v);
	return rc == 0 && !outdir_failed(x->od) ? 0 : -1;
}

void
export_free(struct export *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->c->nnum; i++) {
		buf_free(&x->meanings[i]);
		buf_free(&x->heads[i]);
	}
	free(x->meanings);
	free(x->heads);
	free(x);
}

int
export_write(const struct corpus *c, struct outdir *od, int jobs)
{
	struct export *x = export_begin(c, od, jobs);
	int rc = x ? export_codes(x) : -1;

	export_free(x);
	return rc;
}
