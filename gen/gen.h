/*
 * Prototypes shared between the modules of statusgen, grouped by module.
 * The data model is in model.h.
 */
#ifndef STATUSGEN_GEN_H
#define STATUSGEN_GEN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"

#define STATUSGEN_VERSION "0.1.0"

/* Largest content file accepted, in bytes. */
#define CONTENT_MAX_BYTES (1024 * 1024)

/* util.c: allocation exits with status 2 on out-of-memory; never returns NULL. */
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

struct buf {
	char *s;    /* NUL-terminated, or NULL while empty */
	size_t len;
	size_t cap;
};
void buf_add(struct buf *, const char *, size_t);
void buf_puts(struct buf *, const char *);
char *buf_detach(struct buf *);
void buf_free(struct buf *);

int file_read(const char *path, size_t limit, char **data, size_t *len);
int file_write(const char *path, const char *data, size_t len);
int mkdir_p(const char *path);
int rm_rf(const char *path);
char *path_join(const char *, const char *);
int dir_list(const char *dir, char ***names);
int is_dir(const char *path);
int utf8_valid(const char *s, size_t len, size_t *bad);
struct pos text_pos(const char *s, size_t off);
void run_parallel(size_t n, void (*fn)(size_t i, void *arg), void *arg);

/* diag.c */
enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR, DIAG__N };
void diag(enum diag_severity, const char *file, struct pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void vdiag(enum diag_severity, const char *file, struct pos, const char *fmt, va_list);
int diag_count(enum diag_severity);
void diag_capture(struct buf *);
void diag_print(const struct buf *);
void diag_reset(FILE *);

/* names.c: the vocabulary of the content format. */
extern const char *const lang_code[LANG__N];         /* "zh", "en" */
extern const char *const class_name[CLASS__N];       /* "client-error" */
extern const char *const class_slug[CLASS__N];       /* "4xx", "nonstandard" */
extern const char *const registry_name[REG__N];      /* "iana" */
extern const char *const status_name[STATUS__N];     /* "deprecated" */
int class_of_code(int code);                         /* enum klass */
int name_lookup(const char *const *names, int n, const char *s); /* index or -1 */
int id_parse(const char *s, int *code, const char **slug);       /* 1 if s is an id */
char *slugify(const char *name);

/* frontmatter.c */
int fm_parse(struct meaning *m, const char *yaml, size_t len, int first_line);

/* content.c */
struct corpus *corpus_load(const char *dir, int *io_error);
void corpus_free(struct corpus *);
void meaning_free(struct meaning *);
struct meaning *corpus_find(const struct corpus *, const char *id);

/* registry.c */
int registry_load(const char *path, struct registry **out);
int registry_parse(const char *path, const char *data, size_t len, struct registry **out);
const struct iana_record *registry_find(const struct registry *, int code);
void registry_free(struct registry *);

/* markdown.c */
void md_render(struct meaning *m, const struct corpus *c);

/* template.c */
struct json_t;
struct tmpl;
struct tmpl *tmpl_load(const char *path);
void tmpl_free(struct tmpl *);
struct tmpl *tmpl_merge(const struct tmpl *layout, const struct tmpl *page);
int tmpl_report(struct tmpl *t);
char *tmpl_render(struct tmpl *t, struct json_t *globals, struct json_t *ctx, size_t *len);

/* export.c */
char *meaning_url(const struct meaning *m, enum lang l);
struct json_t *export_meaning(const struct meaning *m);
struct export_number {
	int code;
	char *meanings; /* the JSON array of the number's meanings (owned) */
	size_t len;
};
void export_number(const struct corpus *c, size_t first, size_t end, struct export_number *e);
char *export_api_doc(const struct corpus *c, const struct export_number *e, size_t *len);
char *export_codes_doc(const struct corpus *c, const struct export_number *e, size_t n, size_t *len);
char *export_dump(const struct json_t *j, size_t *len);

/* site.c */
int site_build(struct corpus *c, const char *templates, const char *out, const char *base_url);

/* skeleton.c */
int skeleton_write(const char *dir, int code, const char *vendor, const struct registry *reg);

/* check.c */
void check_corpus(struct corpus *c);

#endif
