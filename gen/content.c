/*
 * content.c — finds the content files, checks their names and bytes, splits
 * the front matter from the body, and hands the front matter to
 * frontmatter.c.  The result is a `struct corpus` sorted by code.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static const struct pos pos_none = {0, 0};
static const struct pos pos_first = {1, 1};

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

void
content_split(struct meaning *m, char *data, size_t len)
{
	char *s = data, *end, *cr;
	size_t bad;
	int line;

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
		return;
	}
	len = strip_cr(s, len);
	m->pos_start = pos_first;
	if ((cr = memchr(s, '\r', len)) != NULL) {
		diag(DIAG_ERROR, m->path, text_pos(s, (size_t)(cr - s)),
		     "a carriage return without a line feed: save the file with LF (or CRLF) line "
		     "ends");
		return;
	}

	/* Front matter: a first line "---", up to the next line "---". */
	if (len == 0) {
		diag(DIAG_ERROR, m->path, pos_first, "the file is empty");
		return;
	}
	if (strncmp(s, "---\n", 4) != 0 && strcmp(s, "---") != 0) {
		diag(DIAG_ERROR, m->path, pos_first,
		     "missing front matter: the file must start with a line '---'");
		return;
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
		return;
	}
	fm_parse(m, s + 4, (size_t)(end - (s + 4)), 2);
	zh_spacing_check(m, s, len, 1);
	m->body_line = line + 1;
	end += 3;
	if (*end == '\n')
		end++;
	m->body = xstrdup(end);
}

/*
 * Reads one content file into `m` (whose path, id, code, slug and is_class
 * are set) and splits it.  Reports through diag().  Returns -1 on an I/O
 * error (reported), else 0.
 */
static int
load_file(struct meaning *m)
{
	char *data = NULL;
	size_t len;

	if (file_read(m->path, CONTENT_MAX_BYTES, &data, &len) == -1) {
		int e = errno;
		if (e == EFBIG) {
			diag(DIAG_ERROR, m->path, pos_none,
			     "file is larger than the limit of 1 MiB (%d bytes)",
			     CONTENT_MAX_BYTES);
			return 0;
		}
		diag(DIAG_ERROR, m->path, pos_none, "cannot read: %s", file_error(e));
		/* A link or a FIFO is the contributor's mistake, not the disk's. */
		return e == ELOOP || e == ENOTSUP ? 0 : -1;
	}
	content_split(m, data, len);
	free(data);
	return 0;
}

/* What a folder of documents is: how a name is checked, what a document gets. */
struct folder {
	const char *rule; /* the error message for a wrong name */
	int (*accept)(struct corpus *, const char *name,
	              struct meaning *m); /* NULL m: check only */
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
	if (name[0] == '\0' ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(name) ||
	    (name[0] >= '0' && name[0] <= '9') || url_page_taken(name))
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
    "digit, and not a name the site gives its own pages (index, vendors, rfcs, iana, "
    "nonstandard, compare, cheatsheet, choose, search, vendor-…, rfc-…)",
    accept_page};

/* par_run's job in corpus_load: one file. */
static void
load_one(size_t i, void *arg)
{
	struct meaning **m = arg;

	/* An I/O error is told apart from a content error by m->body_line < 0. */
	if (load_file(m[i]) < 0)
		m[i]->body_line = -1;
}

struct corpus *
corpus_load(const char *dir, int jobs, int *io_error)
{
	struct corpus *c;
	char **names = NULL, *classes = NULL, *pages = NULL;
	int n, i;
	size_t k;

	if ((n = dir_list(dir, &names)) < 0) {
		diag(DIAG_ERROR, dir, pos_none, "cannot read the content folder: %s",
		     strerror(errno));
		*io_error = 1;
		return NULL;
	}
	c = corpus_new(dir);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		size_t len = strlen(names[i]);
		const char *slug;
		int code;

		if (is_symlink(path)) {
			/* It could bring in, and publish, text from outside the folder. */
			diag(DIAG_ERROR, path, pos_none,
			     "a symbolic link in the content folder; only regular files and the "
			     "folders classes/ and pages/ are read");
		} else if (strcmp(names[i], "classes") == 0 && is_dir(path)) {
			classes = path;
			path = NULL;
		} else if (strcmp(names[i], "pages") == 0 && is_dir(path)) {
			pages = path;
			path = NULL;
		} else if (strcmp(names[i], "choose.yaml") == 0) {
			c->guide_path = path; /* the decision guide: read by guide.c */
			path = NULL;
		} else if (len < 4 || strcmp(names[i] + len - 3, ".md") != 0) {
			diag(DIAG_WARNING, path, pos_none,
			     "not a content file (not *.md); ignored");
		} else {
			names[i][len - 3] = '\0';
			if (!id_parse(names[i], &code, &slug)) {
				diag(DIAG_ERROR, path, pos_none,
				     "file name must be NNN.md or NNN-vendor.md (three digits; "
				     "vendor in "
				     "lowercase letters, digits and '-')");
			} else {
				corpus_add(c, meaning_new(path, names[i]));
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	/* The files are independent: read and parse them on every core. */
	par_run(jobs, c->nm, load_one, c->m);
	for (k = 0; k < c->nm; k++)
		if (c->m[k]->body_line < 0)
			*io_error = 1;
	if (classes && load_folder(c, classes, &classes_folder) < 0)
		*io_error = 1;
	if (pages && load_folder(c, pages, &pages_folder) < 0)
		*io_error = 1;
	free(classes);
	free(pages);
	corpus_sort(c);
	return c;
}
