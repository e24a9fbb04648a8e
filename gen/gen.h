/*
 * Prototypes shared between the modules of statusgen, grouped by module in
 * the order the data flows: load → validate → link → render/export.  The
 * data model is in model.h.
 *
 * The contract of each function is the sentence above it, in fixed phrases:
 * "Returns …; the caller frees it (with …)" for results that are owned,
 * "not owned" for pointers into something else; "Reports through diag()"
 * when the function reports problems with the input, else it reports
 * nothing.  Allocation never fails: out of memory prints one line and exits
 * with status 2, so no result is NULL unless the sentence says so.
 */
#ifndef STATUSGEN_GEN_H
#define STATUSGEN_GEN_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

#define STATUSGEN_VERSION "0.1.0"

/* Largest content file accepted, in bytes. */
#define CONTENT_MAX_BYTES (1024 * 1024)

struct json_t;
struct _xmlError;

/* ------------------------------------------------------------ util.c */

/* Prints "statusgen: out of memory" and exits with status 2. */
void oom(void) __attribute__((noreturn));
/* Like malloc, calloc, realloc, strdup, strndup: never NULL; the caller frees the result. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns the formatted text; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Returns the strings given, up to a NULL, one after another (no format:
 * xasprintf's vsnprintf was a twentieth of a build in the links alone). */
char *xconcat(const char *s, ...);

/* A growable string.  Zero-initialised it is empty; buf_free() empties it. */
struct buf {
	char *s; /* NUL-terminated, or NULL while nothing was added */
	size_t len;
	size_t cap;
};
/* Makes room in b for n more bytes and the NUL (buf_add's slow path). */
void buf_grow(struct buf *b, size_t n);
/* Makes room in b for exactly n more bytes and the NUL, for a size known
 * ahead: one allocation, none of buf_grow's doubling. */
void buf_reserve(struct buf *b, size_t n);
/* Appends n bytes of s.  Inline: a page is millions of small appends. */
static inline void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}
/* Appends the string s. */
static inline void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}
/* Cuts b back to its first len bytes (len <= b->len). */
static inline void
buf_truncate(struct buf *b, size_t len)
{
	b->len = len;
	if (b->s)
		b->s[len] = '\0';
}
/* Appends formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Returns the string (never NULL) and leaves b empty; the caller frees it. */
char *buf_detach(struct buf *b);
/* Frees the string and leaves b empty. */
void buf_free(struct buf *b);

/* Reads the whole file into *data (NUL-terminated; the caller frees it) and
 * *len; only a regular file, never through a symbolic link.  Returns 0, or -1
 * with errno set (ELOOP: a symbolic link; ENOTSUP: not a regular file; EFBIG:
 * larger than `limit` bytes); the outputs are written only on success. */
int file_read(const char *path, size_t limit, char **data, size_t *len);
/* Opens for reading what file_read would read (the same checks, the same
 * errno) and gives its size; returns the descriptor, or -1. */
int file_open(const char *path, size_t limit, size_t *size);
/* Returns what file_read's errno `e` means, for a diagnostic (not owned). */
const char *file_error(int e);
/* Writes `len` bytes to `path`, replacing it.  Returns 0, or -1 with errno set. */
int file_write(const char *path, const char *data, size_t len);
/* Writes `len` bytes to a new file `path`; never opens one that exists (it
 * could be a hard link to another file).  Returns 0, or -1 with errno set
 * (EEXIST when it exists). */
int file_create(const char *path, const char *data, size_t len);
struct iovec;
/* file_create for the n pieces of iov, written one after another. */
int file_createv(const char *path, const struct iovec *iov, int n);
/* Creates directory `path` and its parents.  Returns 0, or -1 with errno set. */
int mkdir_p(const char *path);
/* Removes `path` and everything below it, never following a symbolic link;
 * a missing path is no error.  Returns 0, or -1 with errno set. */
int rm_rf(const char *path);
/* Returns "a/b"; the caller frees it. */
char *path_join(const char *a, const char *b);
/* Lists the names in `dir` (no hidden ones), sorted bytewise, into *names
 * (the caller frees each and the array).  Returns the count, or -1 with errno set. */
int dir_list(const char *dir, char ***names);
/* Returns 1 if `path` is a directory (following links), else 0. */
int is_dir(const char *path);
/* Returns 1 if `path` is a symbolic link, else 0. */
int is_symlink(const char *path);
/* Returns 1 if s[0..len) is well-formed UTF-8 without NUL, else 0 with the
 * offset of the first bad byte in *bad. */
int utf8_valid(const char *s, size_t len, size_t *bad);
/* Returns the code point of the UTF-8 character at s[*i] and moves *i past
 * it; a byte that does not start a whole character is one U+FFFD, so the
 * walk never passes the terminating NUL. */
uint32_t utf8_next(const char *s, size_t *i);
/* Returns the number of characters (UTF-8 lead bytes) in s[0..n). */
size_t utf8_count(const char *s, size_t n);
/* Returns the 1-based line and character column of byte `off` of s. */
struct pos text_pos(const char *s, size_t off);
/* Returns 1 for a control character that no text of the site may carry:
 * C0 but tab and line feed, DEL, and C1. */
int cp_control(uint32_t c);
/* Returns 1 for a code point that prints nothing or reorders the text
 * around it: zero-width and format characters, bidirectional controls,
 * line and paragraph separators, soft hyphen, tags. */
int cp_invisible(uint32_t c);
/* Returns the offset of the first character of s for which bad() is true
 * (bad must be false for printable ASCII), or -1 when there is none; *cp
 * gets the code point. */
long find_cp(const char *s, int (*bad)(uint32_t), uint32_t *cp);
/* find_cp(s, cp_control, cp), for s well-formed UTF-8 (utf8_valid): a text
 * with no byte a control character can start with is not decoded. */
long find_control(const char *s, uint32_t *cp);
/* Returns a copy of s (valid UTF-8) without its cp_control() characters;
 * the caller frees it. */
char *strip_controls(const char *s);

/* ------------------------------------------------------------ diag.c */

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR, DIAG__N };
/* Counts a diagnostic and keeps its line `FILE:LINE:COL: SEVERITY: MESSAGE`
 * (line and column left out when 0) until diag_flush().  Safe on any thread. */
void diag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void vdiag(enum diag_severity sev, const char *file, struct pos p, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
/* How diagnostics are written: `FILE:LINE:COL: error: MESSAGE` lines, or
 * GitHub's workflow commands (`::error file=F,line=L,col=C::MESSAGE`), which
 * put each on its line of a pull request's diff. */
enum diag_format { DIAG_FORMAT_TEXT, DIAG_FORMAT_GITHUB };
/* Sets the format of the diagnostics reported from now on. */
void diag_set_format(enum diag_format f);
/* Returns how many diagnostics of severity `sev` were reported (after
 * diag_flush(): printed, a repeated line counting once). */
int diag_count(enum diag_severity sev);
/* Prints the diagnostics kept so far, grouped by file and in line and column
 * order within a file, a line repeated at the same place only once, at most
 * 20 of one kind in one file (then how many more), and forgets them. */
void diag_flush(void);
/* Returns how many diagnostics diag_flush() left out: past the first 20 of
 * one kind in one file, it prints a count instead. */
int diag_hidden(void);
/* Flushes, then sends later diagnostics to `f` (NULL: stderr) and sets the
 * counts to zero; for tests. */
void diag_reset(FILE *f);
/* What diag_xml_error() reports for: the file, and a word for its kind. */
struct xml_errors {
	const char *path;
	const char *what; /* "template", "IANA snapshot" */
	int errors;       /* how many it reported */
};
/* libxml2's structured error handler (ctx: a struct xml_errors): one
 * diagnostic per error, at libxml2's line and column.  Reports through diag(). */
void diag_xml_error(void *ctx, struct _xmlError *e);

/* ----------------------------------------------------------- arena.c */

/* Makes jansson allocate through arena.c; called first in main, before any
 * jansson value exists. */
void arena_install(void);
/* Until arena_end() on this thread, jansson's new values come from an arena
 * (once arena_install() has run). */
void arena_begin(void);
/* Frees every value made on this thread since arena_begin(); none may be
 * used after.  Values made outside are untouched. */
void arena_end(void);
struct cmark_mem;
/* The allocator every cmark tree of the program is made with (parser and
 * new nodes alike): inside arena_begin()/arena_end() it takes the thread's
 * arena, outside it uses malloc.  Text cmark returns (cmark_render_html) is
 * freed with its ->free. */
struct cmark_mem *arena_cmark(void);

/* ------------------------------------------------------------- par.c */

/* The most threads par_run() uses. */
#define PAR_MAX_JOBS 8
/* Returns the number of threads to use: `setting` ($STATUSGEN_JOBS) when
 * given, else the number of processors; between 1 and PAR_MAX_JOBS. */
int par_jobs(const char *setting);
/* Calls fn(i, arg) for every i in [0, n) on up to `jobs` threads and returns
 * when all are done.  fn must change only what belongs to its i. */
void par_run(int jobs, size_t n, void (*fn)(size_t i, void *arg), void *arg);

/* ----------------------------------------------------------- names.c */

/* The vocabulary of the content format (SPEC §2), indexed by the enums of model.h. */
extern const char *const lang_code[LANG__N];     /* "zh", "en", "zh-Hant": keys */
extern const char *const lang_dir[LANG__N];      /* "zh", "en", "zh-hant": folders */
extern const char *const class_name[CLASS__N];   /* "client-error" */
extern const char *const class_slug[CLASS__N];   /* "4xx", "nonstandard" */
extern const char *const registry_name[REG__N];  /* "iana" */
extern const char *const status_name[STATUS__N]; /* "deprecated" */
#define CONSTANT_KEYS 12
extern const char *const constant_key[CONSTANT_KEYS];   /* "rust" */
extern const char *const constant_label[CONSTANT_KEYS]; /* "Rust" */
/* Returns the class (enum klass) of a code by its first digit. */
int class_of_code(int code);
/* Returns the index of s among names[0..n), or -1. */
int name_lookup(const char *const *names, int n, const char *s);
/* Returns 1 if s is a meaning id ("404", "499-nginx"), writing its code and
 * slug (pointing into s, or NULL); else 0. */
int id_parse(const char *s, int *code, const char **slug);
/* Returns a slug for a display name ("Microsoft IIS" → "microsoft-iis"),
 * never empty; the caller frees it. */
char *slugify(const char *name);

/* ----------------------------------------------------------- guide.c */

/* Reads and checks the decision guide at `path` against corpus c (its
 * leaves are meanings of c).  Returns the guide (the caller frees it with
 * guide_free()), or NULL after reporting.  Reports through diag(). */
struct guide *guide_load(const char *path, const struct corpus *c);
/* Like guide_load(), on the text[0..len) of file `path` (text[len] is NUL). */
struct guide *guide_parse(const char *path, const char *text, size_t len, const struct corpus *c);
/* Frees g; NULL is a no-op. */
void guide_free(struct guide *g);

/* ------------------------------------------------------- semantics.c */

/* The names of the enums of struct semantics, as the content and the export write them. */
extern const char *const sem_fact_name[SEM__N];            /* "heuristically_cacheable" */
extern const char *const sem_content_name[SEM_CONTENT__N]; /* "forbidden" */
extern const char *const sem_method_name[SEM_METHOD__N];   /* "post-may-become-get" */
extern const char *const sem_level_name[SEM_LEVEL__N];     /* "must" */
/* Returns 1 if no response with this code can carry content (1xx, 204, 205, 304). */
int sem_content_forbidden(int code);
/* Returns 1 if user agents follow this code to its Location (301, 302, 303, 307, 308). */
int sem_follows(int code);
/* Returns 1 if RFC 9110, Section 15.1 names this code heuristically cacheable. */
int sem_rfc9110_cacheable(int code);
/* Returns the earliest year in which an RFC numbered rfc can have appeared. */
int sem_rfc_year(int rfc);
/* Frees s and everything it owns; NULL is a no-op. */
void sem_free(struct semantics *s);

/* ----------------------------------------------------------- model.c */

/* Returns a new meaning for content file `path` named `id`, with code, slug
 * and class taken from the id when it is one (else code -1); the caller
 * frees it with meaning_free(). */
struct meaning *meaning_new(const char *path, const char *id);
/* Frees m and everything it owns; NULL is a no-op. */
void meaning_free(struct meaning *m);
/* Returns a new, empty corpus for content folder `dir`; the caller frees it
 * with corpus_free(). */
struct corpus *corpus_new(const char *dir);
/* Adds m to c->m; c owns it from now on. */
void corpus_add(struct corpus *c, struct meaning *m);
/* Sorts c->m by code, then plain NNN first, then slug, and groups it by
 * number (c->first, c->nnum). */
void corpus_sort(struct corpus *c);
/* Returns the index in c->m just past the meanings of number index i. */
size_t corpus_number_end(const struct corpus *c, size_t i);
/* Returns the meaning with id `id` ("410", "499-nginx"), or NULL; not owned.
 * c must be sorted. */
struct meaning *corpus_find(const struct corpus *c, const char *id);
/* Frees c, its meanings and its registry; NULL is a no-op. */
void corpus_free(struct corpus *c);

/* ---------------------------------------------------------- urls.c */

/* Returns the id of m's section on its number's page ("nginx", "iana"); not owned. */
const char *url_anchor(const struct meaning *m);
/* Returns the id of the section `name` of m's body ("iana-meaning"); the caller frees it. */
char *url_section_id(const struct meaning *m, const char *name);
/* Returns prefix + the page of a number ("404.html"); the caller frees it. */
char *url_number(const char *prefix, int code);
/* Returns prefix + the link to m ("499.html#nginx", "404.html"); the caller frees it. */
char *url_meaning(const char *prefix, const struct meaning *m);
/* Returns prefix + the page of class k ("4xx.html"); the caller frees it. */
char *url_class_page(const char *prefix, enum klass k);
/* Returns the address of an RFC, or of its section or appendix when
 * `section` is given ("15.5.5", "A"); the caller frees it. */
char *url_rfc(int rfc, const char *section);
/* Returns the address of an Internet-Draft; the caller frees it. */
char *url_draft(const char *name);
/* Sets r->url and r->text of an RFC or draft reference (freeing what they held). */
void url_resolve_ref(struct ref *r);
/* Returns the page of a vendor's meanings ("vendor-nginx.html"); the caller frees it. */
char *url_vendor_page(const char *vendor);
/* Returns the name of the page the site itself makes that a page of
 * content/pages/ named `name` would replace ("index", "rfc-…"), or NULL. */
const char *url_page_taken(const char *name);
/* Returns what on a number's page already uses the id `anchor` (the
 * layout's "main", IANA's meaning's "iana", …), or NULL; not owned. */
const char *url_anchor_taken(const char *anchor);

/* ---------------------------------------------------- frontmatter.c */

/* Parses the front matter `yaml` (len bytes, starting at line `first_line`
 * of m->path) into m.  Reports through diag().  Returns the number of errors
 * reported; m->ok is set when there were none. */
int fm_parse(struct meaning *m, const char *yaml, size_t len, int first_line);

/* -------------------------------------------------------- content.c */

/* Checks the bytes of a content file (data[0..len), which it may change),
 * splits its front matter from its body and parses both into m (m->body is
 * m's own copy).  Reports through diag(). */
void content_split(struct meaning *m, char *data, size_t len);
/* Returns the corpus of content folder `dir` (NNN.md files, classes/,
 * pages/), loaded on `jobs` threads and sorted; the caller frees it with
 * corpus_free().  Sets *io_error when a file or folder could not be read,
 * and returns NULL when the folder itself could not.  Reports through diag(). */
struct corpus *corpus_load(const char *dir, int jobs, int *io_error);

/* -------------------------------------------------------- zhspace.c */

/* Warns at each place of the file's text (text[0..len), starting at line
 * first_line) where Chinese touches a Latin letter, a digit, a code span or a
 * link without the space docs/glossary.md asks for; the English section,
 * code, link addresses and comments are left out.  Reports through diag(). */
void zh_spacing_check(const struct meaning *m, const char *text, size_t len, int first_line);

/* ------------------------------------------------------- registry.c */

/* Loads the IANA snapshot at `path` into *out (the caller frees it with
 * registry_free()).  Returns 0; 1 after reporting an invalid snapshot; 2
 * after reporting that it could not be read.  Reports through diag(). */
int registry_load(const char *path, struct registry **out);
/* The same for a snapshot already in memory (data[0..len)). */
int registry_parse(const char *path, const char *data, size_t len, struct registry **out);
/* Returns the record that covers `code`, or NULL; not owned. */
const struct iana_record *registry_find(const struct registry *reg, int code);
/* Frees reg; NULL is a no-op. */
void registry_free(struct registry *reg);

/* ------------------------------------------------------ constants.c */

struct constants;
/* Loads the libraries' lists of names, DIR/KEY.txt for every constant_key;
 * the caller frees them with constants_free().  Sets *io_error for a list
 * that cannot be read.  Reports through diag(). */
struct constants *constants_load(const char *dir, int *io_error);
/* Checks every `constants` entry of c against the lists.  Reports through diag(). */
void constants_check(const struct constants *k, const struct corpus *c);
/* Frees k; NULL is a no-op. */
void constants_free(struct constants *k);

/* ---------------------------------------------------------- check.c */

/* Checks the corpus against the snapshot (c->reg, may be NULL) and itself
 * (SPEC §3), judging expiry against `today` (YYYY-MM-DD), and links it: sets
 * each meaning's `iana` and each see-also's `target`.  Reports through diag(). */
void check_corpus(struct corpus *c, const char *today);
/* Reports, through diag(), an id given twice on a number's page by its
 * meanings: an anchor ("nginx-meaning", from 499-nginx-meaning.md) that is
 * also a section of another ("nginx" + "Meaning").  Needs the sections that
 * md_render() names. */
void check_anchors(const struct corpus *c);

/* ------------------------------------------------------- markdown.c */

/* Parses m's body, splits its language sections into m->doc[], and checks
 * its markers, links and images, removing raw HTML.  c must be sorted.
 * Reports through diag(). */
void md_check(struct meaning *m, const struct corpus *c);
/* Renders m->doc[] (from md_check) into m->html[], rewriting links to
 * content files into links to the site and anchoring the sections
 * (m->sections[]); frees the documents.  Reports nothing. */
void md_render(struct meaning *m, const struct corpus *c);
struct cmark_node;
/* Returns the tree of Markdown text s, made with arena_cmark() (the caller
 * frees it with cmark_node_free()). */
struct cmark_node *md_parse(const char *s);
/* Returns doc's HTML in memory of its own (the caller frees it): what cmark
 * returns lives where the tree does, perhaps in the job's arena. */
char *md_html(struct cmark_node *doc);

/* --------------------------------------------------------- escape.c */

/* Appends s escaped as HTML (or XML) text: & < >. */
void esc_text(struct buf *b, const char *s);
/* Appends s escaped for a double-quoted attribute value: & < > ". */
void esc_attr(struct buf *b, const char *s);
/* Appends s (UTF-8) as a JSON string, quotes included, escaped as jansson
 * escapes it: " \ and the control characters. */
void esc_json(struct buf *b, const char *s);

/* ------------------------------------------------------- template.c */

struct tmpl;
/* Reads the template at `path`.  Returns it (the caller frees it with
 * tmpl_free()), or NULL after reporting.  Reports through diag(). */
struct tmpl *tmpl_load(const char *path);
/* Frees t; NULL is a no-op. */
void tmpl_free(struct tmpl *t);
/* Returns layout with page's main part in its slot, ready to render (the
 * caller frees it with tmpl_free()). */
struct tmpl *tmpl_merge(const struct tmpl *layout, const struct tmpl *page);
/* Reports the errors met while rendering with t, each once, and returns
 * how many.  Reports through diag(). */
int tmpl_report(struct tmpl *t);
/* Returns the page made from t with view model ctx over `globals` (*len its
 * length; the caller frees it), or NULL when it met an error, which is kept
 * for tmpl_report().  Safe on several threads at once. */
char *tmpl_render(struct tmpl *t, struct json_t *globals, struct json_t *ctx, size_t *len);

/* ---------------------------------------------------------- view.c */

/* What the view models read: nothing in it changes while pages are made. */
struct view {
	const struct corpus *c;       /* checked, linked and rendered */
	const struct json_t *strings; /* templates/strings.json, by language */
	int has_class[CLASS__N];      /* the class has a page: some meaning belongs to it */
	const char *base_url;         /* --base-url when it was given (a canonical address,
	                                 absolute alternates), else NULL */
};
/* Each view_ function below returns a new view model; the caller owns it
 * (json_decref).  None reports. */
/* The interface string `key` of language l, or the key itself; not owned. */
const char *view_str(const struct view *v, enum lang l, const char *key);
/* What every page of a language folder shares (navigation, assets). */
struct json_t *view_chrome(const struct view *v, enum lang l, const char *root, const char *here);
/* A page named `file` in language l's folder (at_root: a page at the site's
 * root that links into that folder, with the chrome of its own). */
struct json_t *view_page(const struct view *v, enum lang l, int at_root, const char *file,
                         const char *title, const char *description);
struct json_t *view_home(const struct view *v, enum lang l, int at_root);
struct json_t *view_class(const struct view *v, enum lang l, enum klass k);
struct json_t *view_own_page(const struct view *v, enum lang l, const struct meaning *p);
struct json_t *view_not_found(const struct view *v, const char *base_url);
struct json_t *view_registry(const struct view *v, enum lang l);
/* compare.html of language l: every registered code's semantics in one
 * table, and the groups of codes people confuse side by side (viewref.c). */
struct json_t *view_compare(const struct view *v, enum lang l);
/* cheatsheet.html of language l: every number on one line, by class. */
struct json_t *view_cheatsheet(const struct view *v, enum lang l);
/* choose.html of language l: the decision guide as nested lists (the corpus
 * has a guide). */
struct json_t *view_choose(const struct view *v, enum lang l);
/* One meaning's part of its number's page. */
struct json_t *view_meaning(const struct view *v, const struct meaning *m, enum lang l);
/* The page of number index i (c->first[i]). */
struct json_t *view_code(const struct view *v, enum lang l, size_t i);
/* The vendor (RFC) index and a page per vendor (RFC): an array of
 * {"file": "vendor-nginx.html", "page": view model}, the index last. */
struct json_t *view_vendors(const struct view *v, enum lang l);
struct json_t *view_rfcs(const struct view *v, enum lang l);

/* --------------------------------------------------------- outdir.c */

struct outdir;
/* Opens the output transaction for folder `out`: takes the lock OUT.lock
 * (waiting while another build holds it), refuses a folder statusgen did
 * not make, removes build folders an interrupted build left, and makes a
 * fresh build folder beside `out`.  Returns it (the caller frees it with
 * outdir_free()), or NULL after reporting (an I/O or usage problem: exit 2).
 * Reports through diag(). */
struct outdir *outdir_begin(const char *out);
/* Writes file `rel` of the site (linked from the previous site when it has
 * the same bytes).  Safe on several threads for distinct `rel`.  Returns 0,
 * or -1 after an I/O failure; only the first failure is reported. */
int outdir_write(struct outdir *od, const char *rel, const char *data, size_t len);
/* outdir_write for the n pieces of iov, one after another: a file never
 * put together in memory. */
int outdir_writev(struct outdir *od, const char *rel, const struct iovec *iov, int n);
/* Returns 1 once a write has failed, else 0. */
int outdir_failed(struct outdir *od);
/* Moves the finished folder into place as `out`.  Returns 0, or -1 after
 * reporting (or after an earlier failed write).  Reports through diag(). */
int outdir_commit(struct outdir *od);
/* Frees od, removing the build folder unless it was committed, and releases
 * the lock; NULL is a no-op. */
void outdir_free(struct outdir *od);
/* Makes every later write fail and the commit refuse, so that the build
 * stops and leaves --out as it was.  Returns 1 if a build folder exists
 * (the build must go on to remove it), 0 if the process may end at once.
 * Async-signal-safe: for SIGINT and SIGTERM handlers. */
int outdir_interrupt(void);

/* --------------------------------------------------------- export.c */

/* Appends j serialised compact, keys sorted, and a newline. */
void export_json(struct buf *b, const struct json_t *j);
/* Writes codes.json and api/NNN.json for corpus c into od, on `jobs`
 * threads.  Returns 0, or -1 after an I/O failure (reported by outdir).
 * The same as export_begin, export_codes and export_free in a row. */
int export_write(const struct corpus *c, struct outdir *od, int jobs);
/* The export in two steps, so that codes.json, the largest file, can be
 * written on one thread while others render pages.  export_begin writes
 * api/NNN.json for every number on `jobs` threads and keeps each number's
 * serialised meanings; NULL after an I/O failure (reported by outdir).
 * export_codes writes codes.json from them, then frees them (codes.json is
 * never put together in memory); it reads only x and c, so it may run
 * beside other jobs; 0, or -1 after an I/O failure.  export_free frees x
 * (NULL is allowed).  c must outlive x. */
struct export;
struct export *export_begin(const struct corpus *c, struct outdir *od, int jobs);
int export_codes(struct export *x);
void export_free(struct export *x);

/* ----------------------------------------------------------- hant.c */

struct zhconv;
/* Makes the zh-Hant text of every meaning, class introduction, page and
 * guide question of c from its zh text (rendered bodies included), with
 * zhconv z.  Reports nothing itself; zhconv_failed(z) says whether OpenCC
 * failed. */
void hant_derive(struct corpus *c, struct zhconv *z);
/* Warns at each entry of the phrase table DIR/http-zh-tw.txt whose key
 * occurs nowhere in the zh text of c (an entry in Traditional characters:
 * nor its Simplified form, from OpenCC's t2s), so that the table keeps only
 * what the content needs.  A table that cannot be read is left alone (the
 * build reports it).  Returns 0, or -1 when OpenCC's t2s could not be
 * opened (reported).  Reports through diag(). */
int hant_check_table(struct corpus *c, const char *dir);

/* --------------------------------------------------------- strmap.c */

/* A map from strings to numbers; the keys are not copied and must outlive
 * it.  Zero-initialized it is empty; strmap_free() empties it again. */
struct strmap_slot {
	const char *key; /* NULL: empty */
	size_t len;
	uint64_t hash;
	long value;
};
struct strmap {
	struct strmap_slot *v;
	size_t cap, n;
};
/* Returns a 64-bit hash of s[0..n), eight bytes at a time (not for
 * anything an adversary may choose to collide). */
uint64_t str_hash(const char *s, size_t n);
/* Returns the number of key s[0..n) in m, or -1. */
long strmap_get(const struct strmap *m, const char *s, size_t n);
/* Puts key s[0..n) with number v in m, unless it is there. */
void strmap_put(struct strmap *m, const char *s, size_t n, long v);
void strmap_free(struct strmap *m);

/* --------------------------------------------------------- zhconv.c */

struct zhconv;
/* Opens OpenCC's Taiwan conversion with DIR/s2twp-http.json (our phrase
 * table over s2twp), and the cache of earlier
 * conversions in folder `cache` (NULL: none), with which OpenCC is opened
 * only when a run is not in it.  Returns it (the caller frees it with
 * zhconv_close()), or NULL after reporting.  Reports through diag(). */
struct zhconv *zhconv_open(const char *dir, const char *cache);
/* Returns texts[0..n) in Traditional characters, Taiwan usage, as n new
 * strings (NULL where texts[i] is NULL); the caller frees each and the
 * array.  Only text is converted: with `html`, tags (but the values of
 * title, alt, aria-label and placeholder), comments and the content of
 * code, pre, kbd, samp, script and style stay byte for byte.  Each distinct
 * run of non-ASCII text goes to OpenCC once, all in one call.  Safe on
 * several threads at once. */
char **zhconv_texts(struct zhconv *z, const char *const *texts, size_t n, int html);
/* Returns 1 if OpenCC could not be opened when a conversion needed it
 * (reported; the text was left as it was), else 0. */
int zhconv_failed(const struct zhconv *z);
/* Writes the conversions of this run to the cache (see zhconv.c) and frees
 * z; NULL is a no-op. */
void zhconv_close(struct zhconv *z);

/* --------------------------------------------------------- search.c */

/* Returns search-index.js for corpus c (*len its length), whose zh-Hant
 * text hant_derive() made, with the Traditional characters of its zh text
 * made by z (may be NULL: none); the caller frees it. */
char *search_index(const struct corpus *c, struct zhconv *z, size_t *len);

/* ----------------------------------------------------------- site.c */

/* How to build: what the command line and the environment said. */
struct build_options {
	const char *templates;      /* the templates folder */
	const char *out;            /* the output folder, replaced whole */
	const char *base_url;       /* the address the site is published at */
	int base_url_given;         /* --base-url was given (not the default) */
	const char *opencc;         /* the folder of our OpenCC configuration (data/opencc) */
	const char *cache;          /* the conversion cache's folder, or NULL: none */
	struct zhconv *zh;          /* OpenCC, opened already (not owned), or NULL: opened here */
	const struct templates *tp; /* the templates folder, read already (not owned), or
	                               NULL: read here */
	int jobs;                   /* threads, from par_jobs() */
};
/* The templates folder, read: the interface strings and the page templates,
 * each merged with the layout.  Needs no content, so main.c reads it on a
 * thread of its own while the content is checked. */
struct templates;
/* Reads the templates folder `dir` (its templates on `jobs` threads) into
 * *out.  Returns 0; 1 for a template problem; 2 when the folder cannot be
 * read.  Reports through diag(); *out stays NULL unless 0 is returned. */
int templates_load(const char *dir, int jobs, struct templates **out);
/* Frees t (NULL is allowed). */
void templates_free(struct templates *t);
/* Builds the site for corpus c (checked, rendered, without errors) into
 * opt->out, writing into a fresh folder that replaces opt->out only when
 * everything succeeded.  Returns 0; 1 for a template problem; 2 for an I/O
 * problem.  Reports through diag(). */
int site_build(const struct corpus *c, const struct build_options *opt);

/* ------------------------------------------------------- skeleton.c */

/* Writes DIR/NNN.md (or NNN-VENDOR.md), the skeleton of a new meaning of
 * `code`, never replacing a file; `vendor` may be NULL.  Returns 0, or 2
 * after reporting.  Reports through diag(). */
int skeleton_write(const char *dir, int code, const char *vendor, const struct registry *reg);

/* --------------------------------------------------------- httpex.c */

struct cmark_node;
/* Replaces each ```http code block of document `doc` (language l) by its
 * labelled, highlighted form; a block that does not start with a request
 * or status line is left as it is.  Reports nothing. */
void http_examples(struct cmark_node *doc, enum lang l);

/* ---------------------------------------------------------- serve.c */

struct serve_options {
	const char *bind;         /* --bind: an IPv4 or IPv6 address (127.0.0.1) */
	int port;                 /* --port (8000; 0: any free one) */
	const char *out;          /* the output folder the builds write */
	const char *const *watch; /* the folders whose changes rebuild: the first
	                             (the content) with its folders, the others
	                             alone */
	size_t nwatch;
	const char *snapshot; /* the IANA snapshot, whose changes rebuild too */
};
/* `statusgen serve`: calls build(arg, &diagnostics) — which returns the
 * build's exit status and the text of its diagnostics (the callee
 * allocates, serve frees) — then serves o->out over HTTP until SIGINT or
 * SIGTERM, rebuilding when a watched folder changes.  Prints the address on
 * standard output.  Returns the exit status: 0 after a signal, 2 when it
 * cannot listen or the first build left no site. */
int serve(const struct serve_options *o, int (*build)(void *arg, char **diagnostics), void *arg);

/* ---------------------------------------------------------- start.c */

/* Runs this program again, in place, with glibc.malloc.hugetlb=1 added to
 * GLIBC_TUNABLES, so that its memory comes in transparent huge pages.
 * Returns (and leaves the environment as it was) when GLIBC_TUNABLES
 * already names glibc.malloc.hugetlb, the kernel gives no huge pages, or
 * the program's file cannot be run. */
void restart_with_huge_pages(char **argv);
/* Runs statusgen-serve with argv: the one beside this program, else the one
 * on PATH.  Returns 2, after reporting, only when neither runs. */
int run_serve(char **argv);

/* ---------------------------------------------------------- drift.c */

/* Writes to f, in Markdown, what changed from registry `old` to `new`: codes
 * added, removed, renamed or re-referenced, and the files of the content
 * folder `content` that need work.  Returns the number of changes.  Reports
 * nothing. */
int drift_report(const struct registry *old, const struct registry *new, const char *content,
                 FILE *f);

#endif
