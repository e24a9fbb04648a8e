/*
 * content.c — finds the content files, checks their names and bytes, splits
 * the front matter from the body, and hands the front matter to
 * frontmatter.c.  The result is a `struct corpus` sorted by code.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static struct pos pos_none = {0, 0};
static struct pos pos_first = {1, 1};

void
meaning_free(struct meaning *m)
{
	size_t i;
	int l;

	if (m == NULL)
		return;
	free(m->path);
	free(m->id);
	free(m->vendor);
	for (l = 0; l < LANG__N; l++) {
		free(m->title[l]);
		free(m->summary[l]);
		free(m->note[l]);
		free(m->html[l]);
		for (i = 0; i < m->nsections[l]; i++) {
			free(m->sections[l][i].id);
			free(m->sections[l][i].text);
		}
		free(m->sections[l]);
		for (i = 0; i < m->naliases[l]; i++)
			free(m->aliases[l][i]);
		free(m->aliases[l]);
	}
	for (i = 0; i < m->nrefs; i++) {
		free(m->refs[i].section);
		free(m->refs[i].draft);
		free(m->refs[i].url);
		free(m->refs[i].text);
	}
	free(m->refs);
	for (i = 0; i < m->nsee; i++)
		free(m->see[i].id);
	free(m->see);
	for (i = 0; i < m->nsubs; i++) {
		free(m->subs[i].code);
		free(m->subs[i].text[0]);
		free(m->subs[i].text[1]);
	}
	free(m->subs);
	for (i = 0; i < m->nconsts; i++) {
		free(m->consts[i].lang);
		free(m->consts[i].value);
	}
	free(m->consts);
	free(m->body);
	free(m);
}

void
corpus_free(struct corpus *c)
{
	size_t i;
	int k;

	if (c == NULL)
		return;
	for (i = 0; i < c->nm; i++)
		meaning_free(c->m[i]);
	free(c->m);
	for (k = 0; k < CLASS__N; k++)
		meaning_free(c->classes[k]);
	for (i = 0; i < c->npages; i++)
		meaning_free(c->pages[i]);
	free(c->pages);
	registry_free(c->reg);
	free(c->dir);
	free(c);
}

/* Orders meanings by code, the plain NNN.md first, then by vendor slug. */
static int
cmp_meaning(const void *a, const void *b)
{
	const struct meaning *x = *(struct meaning *const *)a, *y = *(struct meaning *const *)b;

	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	if ((x->slug == NULL) != (y->slug == NULL))
		return x->slug == NULL ? -1 : 1;
	return x->slug ? strcmp(x->slug, y->slug) : 0;
}

/* Returns the meaning with id `id` ("410", "499-nginx"), or NULL.  Not owned. */
struct meaning *
corpus_find(const struct corpus *c, const char *id)
{
	struct meaning key, *kp = &key, **found;
	const char *slug;

	if (!id_parse(id, &key.code, &slug))
		return NULL;
	key.slug = (char *)slug;
	found = bsearch(&kp, c->m, c->nm, sizeof(*c->m), cmp_meaning);
	return found ? *found : NULL;
}

/* Converts CRLF line ends to LF in place; returns the new length. */
static size_t
strip_cr(char *s, size_t len)
{
	size_t i, j;

	for (i = j = 0; i < len; i++)
		if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
			s[j++] = s[i];
	s[j] = '\0';
	return j;
}

/*
 * Reads one content file into `m` (whose path, id, code, slug and is_class
 * are set): checks size and encoding, splits the front matter and parses it.
 * Reports through diag().  Returns -1 on an I/O error (reported), else 0.
 */
static int
load_file(struct meaning *m)
{
	char *data = NULL, *s, *end;
	size_t len, bad;
	int line;

	if (file_read(m->path, CONTENT_MAX_BYTES, &data, &len) == -1) {
		if (errno == EFBIG) {
			diag(DIAG_ERROR, m->path, pos_none,
			     "file is larger than the limit of 1 MiB (%d bytes)", CONTENT_MAX_BYTES);
			return 0;
		}
		diag(DIAG_ERROR, m->path, pos_none, "cannot read: %s", strerror(errno));
		return -1;
	}
	s = data;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (!utf8_valid(s, len, &bad)) {
		if (s[bad] == '\0')
			diag(DIAG_ERROR, m->path, text_pos(s, bad), "NUL byte in the file");
		else
			diag(DIAG_ERROR, m->path, text_pos(s, bad), "invalid UTF-8 (byte 0x%02x)",
			     (unsigned char)s[bad]);
		free(data);
		return 0;
	}
	len = strip_cr(s, len);
	m->pos_start = pos_first;

	/* Front matter: a first line "---", up to the next line "---". */
	if (len == 0) {
		diag(DIAG_ERROR, m->path, pos_first, "the file is empty");
		free(data);
		return 0;
	}
	if (strncmp(s, "---\n", 4) != 0 && strcmp(s, "---") != 0) {
		diag(DIAG_ERROR, m->path, pos_first,
		     "missing front matter: the file must start with a line '---'");
		free(data);
		return 0;
	}
	line = 2;
	for (end = s + 4; end < s + len; line++) {
		char *nl = strchr(end, '\n');
		size_t n = nl ? (size_t)(nl - end) : strlen(end);
		if (n == 3 && strncmp(end, "---", 3) == 0)
			break;
		end = nl ? nl + 1 : end + n;
	}
	if (end >= s + len) {
		diag(DIAG_ERROR, m->path, pos_first,
		     "front matter is not closed: no line '---' after the first");
		free(data);
		return 0;
	}
	fm_parse(m, s + 4, (size_t)(end - (s + 4)), 2);
	m->body_line = line + 1;
	end += 3;
	if (*end == '\n')
		end++;
	m->body = xstrdup(end);
	free(data);
	return 0;
}

static struct meaning *
meaning_new(const char *path, const char *id)
{
	struct meaning *m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(path);
	m->id = xstrdup(id);
	return m;
}

/* What a folder of documents is: how a name is checked, what a document gets. */
struct folder {
	const char *rule; /* the error message for a wrong name */
	int (*accept)(struct corpus *, const char *name, struct meaning *m); /* NULL m: check only */
};

/*
 * Loads every NAME.md of `dir` that f->accept takes; reports the others.
 * Returns -1 when a file or the folder cannot be read, else 0.
 */
static int
load_folder(struct corpus *c, const char *dir, const struct folder *f)
{
	char **names = NULL;
	int n, i, rc = 0;

	if ((n = dir_list(dir, &names)) < 0) {
		diag(DIAG_ERROR, dir, pos_none, "cannot read the folder: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		size_t len = strlen(names[i]);
		int ok = len > 3 && strcmp(names[i] + len - 3, ".md") == 0;
		if (ok) {
			names[i][len - 3] = '\0';
			ok = f->accept(c, names[i], NULL);
		}
		if (!ok) {
			diag(DIAG_ERROR, path, pos_none, "%s", f->rule);
		} else {
			struct meaning *m = meaning_new(path, names[i]);
			m->code = -1;
			f->accept(c, names[i], m);
			if (load_file(m) < 0)
				rc = -1;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* content/classes/: 1xx.md … 5xx.md, nonstandard.md. */
static int
accept_class(struct corpus *c, const char *name, struct meaning *m)
{
	int k = name_lookup(class_slug, CLASS__N, name);

	if (k >= 0 && m) {
		m->is_class = 1;
		m->klass = k;
		c->classes[k] = m;
	}
	return k >= 0;
}

/* content/pages/: NAME.md, NAME in [a-z0-9-], not a digit first (codes) and
 * not a name the site uses itself. */
static int
accept_page(struct corpus *c, const char *name, struct meaning *m)
{
	static const char *const taken[] = {"index", "vendors", "rfcs", "iana"};

	if (name[0] == '\0' || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(name) ||
	    (name[0] >= '0' && name[0] <= '9') || name_lookup(taken, 4, name) >= 0)
		return 0;
	if (m) {
		m->is_page = 1;
		c->pages = xrealloc(c->pages, (c->npages + 1) * sizeof(*c->pages));
		c->pages[c->npages++] = m;
	}
	return 1;
}

static const struct folder classes_folder = {
    "a class introduction must be named 1xx.md … 5xx.md or nonstandard.md", accept_class};
static const struct folder pages_folder = {
    "a page must be named NAME.md: lowercase letters, digits and '-', not starting with a "
    "digit, and not index, vendors, rfcs or iana",
    accept_page};

/* run_parallel's step of corpus_load: one file. */
static void
load_one(size_t i, void *arg)
{
	struct meaning **m = arg;

	/* An I/O error is told apart from a content error by m->body_line < 0. */
	if (load_file(m[i]) < 0)
		m[i]->body_line = -1;
}

struct corpus *
corpus_load(const char *dir, int *io_error)
{
	struct corpus *c;
	char **names = NULL, *classes = NULL, *pages = NULL;
	int n, i;
	size_t k;

	if ((n = dir_list(dir, &names)) < 0) {
		diag(DIAG_ERROR, dir, pos_none, "cannot read the content folder: %s", strerror(errno));
		*io_error = 1;
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->dir = xstrdup(dir);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		size_t len = strlen(names[i]);
		const char *slug;
		int code;

		if (strcmp(names[i], "classes") == 0 && is_dir(path)) {
			classes = path;
			path = NULL;
		} else if (strcmp(names[i], "pages") == 0 && is_dir(path)) {
			pages = path;
			path = NULL;
		} else if (len < 4 || strcmp(names[i] + len - 3, ".md") != 0) {
			diag(DIAG_WARNING, path, pos_none, "not a content file (not *.md); ignored");
		} else {
			names[i][len - 3] = '\0';
			if (!id_parse(names[i], &code, &slug)) {
				diag(DIAG_ERROR, path, pos_none,
				     "file name must be NNN.md or NNN-vendor.md (three digits; vendor in "
				     "lowercase letters, digits and '-')");
			} else {
				struct meaning *m = meaning_new(path, names[i]);
				m->code = code;
				m->slug = slug ? m->id + 4 : NULL;
				m->klass = class_of_code(code);
				c->m = xrealloc(c->m, (c->nm + 1) * sizeof(*c->m));
				c->m[c->nm++] = m;
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	/* The files are independent: read and parse them on every core. */
	run_parallel(c->nm, load_one, c->m);
	for (k = 0; k < c->nm; k++)
		if (c->m[k]->body_line < 0)
			*io_error = 1;
	if (classes && load_folder(c, classes, &classes_folder) < 0)
		*io_error = 1;
	if (pages && load_folder(c, pages, &pages_folder) < 0)
		*io_error = 1;
	free(classes);
	free(pages);
	if (c->nm > 1)
		qsort(c->m, c->nm, sizeof(*c->m), cmp_meaning);
	return c;
}
