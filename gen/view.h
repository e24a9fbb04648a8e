/*
 * view.h — what the files of the view models share: view.c (the pages of a
 * code, a class, the home page, pages of their own), viewidx.c (the vendor
 * and RFC indexes, the IANA registry page) and viewref.c (the comparison
 * tables and the cheat sheet).  Private to them; the rest
 * of statusgen calls the view_ functions of gen.h.
 */
#ifndef STATUSGEN_VIEW_H
#define STATUSGEN_VIEW_H

#include <jansson.h>

#include "gen.h"

/* Sets o[key] to the text s, or to "" when s is NULL. */
void set_str(json_t *o, const char *key, const char *s);
/* Sets o[key] to the text s, or to null when s is NULL. */
void set_opt(json_t *o, const char *key, const char *s);
/* Sets o[key] to a formatted text. */
void set_fmt(json_t *o, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Sets o[key] to text with each `name` in it replaced by `value`. */
void set_placeholder(json_t *o, const char *key, const char *text, const char *name,
                     const char *value);
/* Sets o[key] to "#id", a link within the page. */
void set_hash(json_t *o, const char *key, const char *id);
/* Sets o[key] to a link made by urls.c, which it frees. */
void set_url(json_t *o, const char *key, char *url);
/* Returns a list item for meaning m (a reference's text as its label, if given). */
json_t *meaning_item(const struct view *v, const struct meaning *m, enum lang l, const char *extra);
/* Returns a group of items under a heading (each part may be NULL); takes items. */
json_t *group(const char *id, const char *heading, const char *href, const char *summary,
              json_t *items);
/* Makes ctx a list page (taking groups); returns ctx. */
json_t *list_page(json_t *ctx, const char *intro_html, json_t *groups);
/* The vendor part of a meaning for lists: vendor name, "unofficial", or NULL. */
const char *view_meaning_label(const struct view *v, const struct meaning *m, enum lang l);
/* The label of m's status ("Deprecated"), or NULL for a current meaning. */
const char *view_status_label(const struct view *v, const struct meaning *m, enum lang l);
/* The header fields of semantics s: [{name, level, when}]. */
json_t *view_sem_headers(const struct view *v, const struct semantics *s, enum lang l);
/* The title of class k's page ("4xx Client Error"), or its slug; not owned. */
const char *view_class_title(const struct view *v, int k, enum lang l);
/* The link from meaning m's page to its table of compare.html, or null (viewref.c). */
json_t *view_compare_link(const struct view *v, const struct meaning *m, enum lang l);
/* Adds {"file": file, "page": page} to the array out (taking page). */
void add_page(json_t *out, const char *file, json_t *page);

#endif
