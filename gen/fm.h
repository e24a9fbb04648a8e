/*
 * fm.h — what the two halves of the front-matter reader share: frontmatter.c
 * (loading, safety checks, the table of keys) and fmkeys.c (each key's
 * reader).  Private to them; the rest of statusgen calls fm_parse().
 */
#ifndef STATUSGEN_FM_H
#define STATUSGEN_FM_H

#include <yaml.h>

#include "gen.h"

struct fm {
	struct meaning *m;
	yaml_document_t doc;
	int line0; /* file line of the YAML's first line */
	int errors;
	int registry_ok; /* `registry` was read without error */
};

/* Loads the YAML text into f->doc (f->m and f->line0 set), safely: no
 * anchors, aliases or tags, nesting and size bounded, one document.
 * Returns 0; -2 after reporting with f->doc to delete; -1 after reporting
 * with nothing loaded.  `what` names the text in messages ("front matter"). */
int fm_load(struct fm *f, const char *yaml, size_t len, const char *what);

/* Each function below reports a mistake through fm_error() (which counts it
 * in f->errors) and returns NULL, 0 or -1 for a value it could not read. */

/* The position of a libyaml mark in the content file. */
struct pos mark_pos(const struct fm *f, yaml_mark_t mk);
/* Reports an error at node n (NULL: the front matter's start). */
void fm_error(struct fm *f, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Returns node i of the document; not owned. */
yaml_node_t *fm_node(struct fm *f, int i);
/* Returns the scalar's text (not owned), or NULL after reporting that `what` must be text. */
const char *want_text(struct fm *f, const yaml_node_t *n, const char *what);
/* Like want_text(), and the text must be a single line. */
const char *want_line(struct fm *f, const yaml_node_t *n, const char *what);
/* Returns 1 and the value of a plain decimal scalar of at most `digits` digits, else 0. */
int want_int(struct fm *f, const yaml_node_t *n, const char *what, int digits, int *out);
/* Returns the value of key `name` in mapping n, or NULL; not owned. */
yaml_node_t *map_get(struct fm *f, const yaml_node_t *n, const char *name);
/* Returns 1 if mapping n has only keys from `allowed` (NULL-terminated), each once. */
int map_keys(struct fm *f, const yaml_node_t *n, const char *what, const char *const *allowed);
/* The keys of a {en: …, zh: …} mapping. */
extern const char *const fm_lang_keys[];
/* Reads {en: …, zh: …} one-line texts into out[] (each strdup'ed); both are
 * required.  *en_pos (may be NULL) gets the position of the English text. */
void read_lang_text(struct fm *f, const yaml_node_t *kn, const yaml_node_t *n, const char *key,
                    char *out[LANG__N], struct pos *en_pos);
/* Returns the index of the scalar among names[0..count), or -1. */
int read_enum(struct fm *f, const yaml_node_t *n, const char *key, const char *const *names,
              int count);

/* fmkeys.c: the reader of each top-level key (see the table in frontmatter.c). */
void key_code(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_class(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_registry(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_vendor(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_title(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_summary(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_note(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_references(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_see_also(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_status(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_subcodes(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_aliases(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_seen_in(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_lead(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_constants(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void key_use_when(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);

/* semantics.c: the reader of `semantics`, with the rules the code alone
 * fixes, and the rules that need `registry` too (run once every key is
 * read; the missing key of an IANA meaning is one). */
void key_semantics(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v);
void sem_rules(struct fm *f, int present);

#endif
