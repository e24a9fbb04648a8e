/*
 * constants.c — the libraries' own names for status codes, and the check of
 * every `constants` entry against them.
 *
 * data/constants/KEY.txt holds one ecosystem's names, taken from its
 * source: `#` comment lines (where the list was read from), then one line
 * per name: the number, a tab, the constant as a page writes it, and
 * optionally a tab and `alias` or `deprecated`.  A constant that is not in
 * its list, or is there with another number, is an error at the constant;
 * a deprecated one is a warning (not on a meaning that is itself
 * deprecated or obsolete: its constants are too); a registered code that a library names but
 * its page does not list is a note.  Owns the lists; reports through diag().
 */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* Largest list file, in bytes. */
#define LIST_MAX_BYTES (256 * 1024)

enum flag { NAME_CURRENT, NAME_ALIAS, NAME_DEPRECATED };

struct name {
	int code;
	char *name;
	enum flag flag;
};

struct list {
	char *path;
	struct name *v;
	size_t n;
};

struct constants {
	struct list lists[CONSTANT_KEYS]; /* by index in constant_key */
};

static const struct pos nopos = {0, 0};

/* Parses one list file's text into l.  Returns the number of errors. */
static int
parse_list(struct list *l, char *text)
{
	char *line, *next;
	int lineno = 0, errors = 0;

	for (line = text; *line; line = next) {
		char *tab, *name, *flag, *nl = strchr(line, '\n');
		struct pos p = {++lineno, 1};
		next = nl ? nl + 1 : line + strlen(line);
		if (nl)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		tab = strchr(line, '\t');
		if (tab == NULL || tab - line != 3 || strspn(line, "0123456789") != 3) {
			diag(DIAG_ERROR, l->path, p,
			     "expected NUMBER<tab>NAME[<tab>alias|deprecated]");
			errors++;
			continue;
		}
		name = tab + 1;
		flag = strchr(name, '\t');
		if (flag)
			*flag++ = '\0';
		l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
		l->v[l->n].code = atoi(line);
		l->v[l->n].name = xstrdup(name);
		l->v[l->n].flag = flag == NULL                      ? NAME_CURRENT
		                  : strcmp(flag, "alias") == 0      ? NAME_ALIAS
		                  : strcmp(flag, "deprecated") == 0 ? NAME_DEPRECATED
		                                                    : (enum flag) - 1;
		if ((int)l->v[l->n].flag < 0) {
			diag(DIAG_ERROR, l->path, p, "unknown mark '%s' (alias or deprecated)",
			     flag);
			errors++;
			continue;
		}
		l->n++;
	}
	return errors;
}

struct constants *
constants_load(const char *dir, int *io_error)
{
	struct constants *k = xcalloc(1, sizeof(*k));
	int i;

	for (i = 0; i < CONSTANT_KEYS; i++) {
		char *file = xasprintf("%s.txt", constant_key[i]), *text = NULL;
		size_t len;
		k->lists[i].path = path_join(dir, file);
		free(file);
		if (file_read(k->lists[i].path, LIST_MAX_BYTES, &text, &len) == -1) {
			diag(DIAG_ERROR, k->lists[i].path, nopos,
			     "cannot read the list of %s constants: %s", constant_key[i],
			     file_error(errno));
			*io_error = 1;
			continue;
		}
		parse_list(&k->lists[i], text);
		free(text);
	}
	return k;
}

void
constants_free(struct constants *k)
{
	size_t j;
	int i;

	if (k == NULL)
		return;
	for (i = 0; i < CONSTANT_KEYS; i++) {
		for (j = 0; j < k->lists[i].n; j++)
			free(k->lists[i].v[j].name);
		free(k->lists[i].v);
		free(k->lists[i].path);
	}
	free(k);
}

/* Returns the entry of list l named `name`, or NULL. */
static const struct name *
find_name(const struct list *l, const char *name)
{
	size_t j;

	for (j = 0; j < l->n; j++)
		if (strcmp(l->v[j].name, name) == 0)
			return &l->v[j];
	return NULL;
}

/* Returns the current name of `code` in list l, or NULL. */
static const struct name *
current_name(const struct list *l, int code)
{
	size_t j;

	for (j = 0; j < l->n; j++)
		if (l->v[j].code == code && l->v[j].flag == NAME_CURRENT)
			return &l->v[j];
	return NULL;
}

/* Checks the constants of one meaning. */
static void
check_meaning(const struct constants *k, const struct meaning *m)
{
	struct buf missing = {0};
	size_t i;
	int key, nmissing = 0;

	for (i = 0; i < m->nconsts; i++) {
		const struct constant *c = &m->consts[i];
		const struct list *l;
		const struct name *n, *cur;
		if ((key = name_lookup(constant_key, CONSTANT_KEYS, c->lang)) < 0)
			continue; /* frontmatter.c has reported it */
		l = &k->lists[key];
		n = find_name(l, c->value);
		cur = current_name(l, m->code);
		if (n == NULL && cur)
			diag(DIAG_ERROR, m->path, c->pos,
			     "%s constant '%s' is not in %s; %03d is '%s' there", c->lang, c->value,
			     l->path, m->code, cur->name);
		else if (n == NULL)
			diag(DIAG_ERROR, m->path, c->pos,
			     "%s constant '%s' is not in %s, which names no constant for %03d",
			     c->lang, c->value, l->path, m->code);
		else if (n->code != m->code)
			diag(DIAG_ERROR, m->path, c->pos,
			     "%s constant '%s' is %03d in %s, not %03d", c->lang, c->value, n->code,
			     l->path, m->code);
		else if (n->flag == NAME_DEPRECATED && cur && m->status == STATUS_CURRENT)
			diag(DIAG_WARNING, m->path, c->pos,
			     "%s constant '%s' is deprecated; use '%s'", c->lang, c->value,
			     cur->name);
		else if (n->flag == NAME_DEPRECATED && m->status == STATUS_CURRENT)
			diag(DIAG_WARNING, m->path, c->pos,
			     "%s constant '%s' is deprecated, and %s has no current name for %03d",
			     c->lang, c->value, l->path, m->code);
	}
	/* A registered code's page that lists constants lists them all. */
	if (m->registry != REG_IANA || m->nconsts == 0)
		return;
	for (key = 0; key < CONSTANT_KEYS; key++) {
		const struct name *cur = current_name(&k->lists[key], m->code);
		for (i = 0; i < m->nconsts && strcmp(m->consts[i].lang, constant_key[key]) != 0;
		     i++)
			;
		if (cur && i == m->nconsts) {
			buf_printf(&missing, "%s%s: %s", missing.len ? ", " : "", constant_key[key],
			           cur->name);
			nmissing++;
		}
	}
	if (nmissing)
		diag(DIAG_NOTE, m->path, m->consts[0].pos,
		     "%d librar%s %03d but 'constants' lacks %s (%s)", nmissing,
		     nmissing == 1 ? "y names" : "ies name", m->code, nmissing == 1 ? "it" : "them",
		     missing.s);
	buf_free(&missing);
}

void
constants_check(const struct constants *k, const struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->nm; i++)
		if (c->m[i]->ok)
			check_meaning(k, c->m[i]);
}
