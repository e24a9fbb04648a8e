/*
 * zhconv.c — Simplified Chinese to Traditional in Taiwan usage, with OpenCC:
 * OpenCC's s2twp chain (with its phrases) plus the project's own phrase
 * table for HTTP and web terms (data/opencc/http-zh-tw.txt), in the chain
 * data/opencc/s2twp-http.json.  It makes the zh-Hant edition (hant.c) and
 * the Traditional side of the search index.  Opening OpenCC is the costly
 * part (its 50 000 phrases load in about 90 ms), so one handle serves a
 * whole build and callers convert many texts in one call.
 * zhconv_texts() converts only text: in HTML, never tags (but the values a
 * reader sees: title, alt, aria-label, placeholder), comments or code; and
 * it hands OpenCC only the runs of non-ASCII text, each distinct one once,
 * since no table has an entry with an ASCII character (OpenCC reads about
 * 2 MB of Chinese a second: the runs are what is worth its time).
 * The texts converted are kept in a cache file (each text and its Taiwan
 * form), named after a hash of data/opencc/ and of OpenCC's dictionaries'
 * sizes and dates: a build looks each text up whole, so one that finds
 * every text there neither splits them nor opens OpenCC.
 * The output is the same with or without it.
 * Owns the OpenCC handle and the cache.  Several threads may convert with
 * one zhconv at once: each splits and puts together its texts on its own,
 * and only looks up the cache and calls OpenCC under the lock.
 */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include <opencc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen.h"

#define TW_CONFIG "s2twp-http.json"

/* OpenCC's own dictionaries, whose sizes and dates are part of the cache's
 * key (the Makefile says where, from pkg-config). */
#ifndef OPENCC_DATA_DIR
#define OPENCC_DATA_DIR "/usr/share/opencc"
#endif

/* The largest cache read, in bytes. */
#define CACHE_MAX_BYTES (1024L * 1024 * 1024)

/* A text of the cache and its conversion (pointers into the cache file, or
 * into z->owned). */
struct entry {
	const char *text, *tw;
	size_t text_len, tw_len;
	int used; /* converted or looked up in this build: written back */
};

struct zhconv {
	opencc_t tw;      /* Simplified → Taiwan usage, with phrases; (opencc_t)-1
	                     until the first text the cache does not have */
	char *config;     /* DIR/s2twp-http.json */
	int failed;       /* OpenCC could not be opened (reported) */
	char *cache_path; /* NULL: no cache */
	char *data;       /* the cache file, mapped read-only, or NULL */
	size_t data_len;
	struct strmap index; /* text → its entry */
	struct entry *ent;
	size_t nent, capent;
	char **owned; /* the texts and conversions added in this build */
	size_t nowned;
	int converted;        /* OpenCC converted something the cache did not have */
	pthread_mutex_t lock; /* the cache and OpenCC, when several threads convert */
};

static const struct pos nopos = {0, 0};

/* Adds a text and its conversion to the cache (both kept, not copied),
 * unless it is there. */
static void
add_entry(struct zhconv *z, const char *text, size_t text_len, const char *tw, size_t tw_len,
          int used)
{
	if (strmap_get(&z->index, text, text_len) >= 0)
		return;
	if (z->nent == z->capent) {
		z->capent = z->capent ? 2 * z->capent : 1024;
		z->ent = xrealloc(z->ent, z->capent * sizeof(*z->ent));
	}
	z->ent[z->nent] = (struct entry){text, tw, text_len, tw_len, used};
	strmap_put(&z->index, text, text_len, (long)z->nent);
	z->nent++;
}

/* Keeps s until z is closed; returns it. */
static char *
own(struct zhconv *z, char *s)
{
	if ((z->nowned & (z->nowned - 1)) == 0) /* 0, 1, 2, 4 …: full */
		z->owned = xrealloc(z->owned, (z->nowned ? 2 * z->nowned : 1) * sizeof(*z->owned));
	z->owned[z->nowned++] = s;
	return s;
}

/* Returns the cache's file in folder `base` for the OpenCC folder whose
 * files are `names` (in dir): its name is a hash of their bytes and of the
 * sizes and dates of OpenCC's dictionaries, so that a change to any makes a
 * new cache. */
static char *
cache_file(const char *base, const char *dir, char **names, int n)
{
	char **sys = NULL, *path;
	struct buf key = {0};
	int i, m;

	for (i = 0; i < n; i++) {
		char *p = path_join(dir, names[i]), *data;
		size_t len;
		buf_add(&key, names[i], strlen(names[i]) + 1);
		if (file_read(p, CACHE_MAX_BYTES, &data, &len) == 0) {
			buf_add(&key, data, len);
			free(data);
		}
		free(p);
	}
	m = dir_list(OPENCC_DATA_DIR, &sys);
	for (i = 0; i < m; i++) {
		char *p = path_join(OPENCC_DATA_DIR, sys[i]);
		struct stat st;
		buf_add(&key, sys[i], strlen(sys[i]) + 1);
		if (stat(p, &st) == 0) {
			buf_add(&key, (const char *)&st.st_size, sizeof(st.st_size));
			buf_add(&key, (const char *)&st.st_mtime, sizeof(st.st_mtime));
		}
		free(p);
		free(sys[i]);
	}
	free(sys);
	path = xasprintf("%s/zh-tw-%016llx.cache", base,
	                 (unsigned long long)str_hash(key.s ? key.s : "", key.len));
	buf_free(&key);
	return path;
}

/* The cache file: a first line, then per text its length and its
 * conversion's in decimal, a newline, both texts, a newline; the last line
 * the number of texts and the hash of every byte before it. */
static const char cache_magic[] = "statusgen zhconv cache 2\n";

/* Reads a decimal number ending at `stop` from *p; -1 if there is none. */
static long
read_size(const char **p, const char *end, char stop)
{
	long v = 0;
	const char *q = *p;

	while (q < end && *q >= '0' && *q <= '9' && v < CACHE_MAX_BYTES)
		v = v * 10 + (*q++ - '0');
	if (q == *p || q >= end || *q != stop)
		return -1;
	*p = q + 1;
	return v;
}

/*
 * Maps the cache file at `path` (a regular file, not a link) read-only;
 * returns it and its length in *len, or NULL.  Mapped, not read: its pages
 * are the file system's, where reading would copy a megabyte or more into
 * memory the process touches for the first time (the slowest part of
 * opening, measured).  The mapping stays valid while another build
 * replaces the file, as cache_write renames a new one into place.
 */
static char *
cache_map(const char *path, size_t *len)
{
	void *p = MAP_FAILED;
	int fd = file_open(path, CACHE_MAX_BYTES, len);

	if (fd == -1)
		return NULL;
	if (*len > 0)
		p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* Reads the cache at z->cache_path into z->ent.  A file that is not
 * exactly what a build writes (cut short, edited, of another version: its
 * hash or its shape differs) is not used; it is a cache, so that is not an
 * error. */
static void
cache_read(struct zhconv *z)
{
	char *data;
	const char *p, *end, *last;
	size_t len;
	long n, count, k, tn;
	char want[40];

	if (z->cache_path == NULL || (data = cache_map(z->cache_path, &len)) == NULL)
		return;
	/* The last line: "COUNT HASH\n". */
	for (last = data + len - (len > 0); last > data && last[-1] != '\n'; last--)
		;
	if (len < sizeof(cache_magic) || memcmp(data, cache_magic, sizeof(cache_magic) - 1) != 0 ||
	    data[len - 1] != '\n' || last == data) {
		munmap(data, len);
		return;
	}
	p = last;
	count = read_size(&p, data + len, ' ');
	snprintf(want, sizeof(want), "%016llx\n",
	         (unsigned long long)str_hash(data, (size_t)(last - data)));
	if (count < 0 || (size_t)(data + len - p) != strlen(want) ||
	    memcmp(p, want, strlen(want))) {
		munmap(data, len);
		return;
	}
	z->data = data;
	z->data_len = len;
	p = data + sizeof(cache_magic) - 1;
	end = last;
	for (k = 0; k < count; k++) {
		if ((n = read_size(&p, end, ' ')) < 0 || (tn = read_size(&p, end, '\n')) < 0 ||
		    n + tn + 1 > end - p || p[n + tn] != '\n')
			break;
		add_entry(z, p, (size_t)n, p + n, (size_t)tn, 0);
		p += n + tn + 1;
	}
	if (k < count || p != end) {
		strmap_free(&z->index);
		z->nent = 0;
	}
}

/* Opens OpenCC's conversion; returns 0, or -1 after reporting (once). */
static int
open_tw(struct zhconv *z)
{
	if (z->tw != (opencc_t)-1)
		return 0;
	if (z->failed)
		return -1;
	if ((z->tw = opencc_open(z->config)) == (opencc_t)-1) {
		diag(DIAG_ERROR, z->config, nopos, "OpenCC cannot load it: %s", opencc_error());
		z->failed = 1;
		return -1;
	}
	return 0;
}

struct zhconv *
zhconv_open(const char *dir, const char *cache)
{
	struct zhconv *z;
	char **names = NULL, *bad = NULL;
	int n, i;

	/* OpenCC opens the files itself: only regular files may be there (a
	 * FIFO would block it, a link bring in text from elsewhere). */
	n = dir_list(dir, &names);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;
		if (bad == NULL && (lstat(path, &st) == -1 || !S_ISREG(st.st_mode)))
			bad = xstrdup(path);
		free(path);
	}
	z = xcalloc(1, sizeof(*z));
	pthread_mutex_init(&z->lock, NULL);
	z->tw = (opencc_t)-1;
	z->config = path_join(dir, TW_CONFIG);
	if (bad) {
		diag(DIAG_ERROR, bad, nopos,
		     "not a regular file; OpenCC's folder holds only files");
		free(bad);
		z->failed = 1;
	} else {
		z->cache_path = cache ? cache_file(cache, dir, names, n) : NULL;
		cache_read(z);
		/* With nothing cached OpenCC is needed: opened now, on the thread
		 * main.c gives it, and a broken folder is reported at once. */
		if (z->nent == 0)
			open_tw(z);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (z->failed) {
		zhconv_close(z);
		return NULL;
	}
	return z;
}

int
zhconv_failed(const struct zhconv *z)
{
	return z->failed;
}

/* Writes the texts of this build to the cache when OpenCC converted any
 * that were not there (a temporary file renamed: another build reads the
 * old cache or the new one); a build that converted nothing new (or
 * nothing: it stopped at a content error) leaves the cache as it was.  A
 * cache that cannot be written is left alone. */
static void
cache_write(struct zhconv *z)
{
	struct buf b = {0};
	char *dir, *tmp, *slash, line[64];
	size_t i, count = 0;

	if (z->cache_path == NULL || z->failed || !z->converted)
		return;
	buf_puts(&b, cache_magic);
	for (i = 0; i < z->nent; i++) {
		const struct entry *e = &z->ent[i];
		if (!e->used)
			continue;
		snprintf(line, sizeof(line), "%zu %zu\n", e->text_len, e->tw_len);
		buf_puts(&b, line);
		buf_add(&b, e->text, e->text_len);
		buf_add(&b, e->tw, e->tw_len);
		buf_add(&b, "\n", 1);
		count++;
	}
	snprintf(line, sizeof(line), "%zu %016llx\n", count,
	         (unsigned long long)str_hash(b.s, b.len));
	buf_puts(&b, line);
	dir = xstrdup(z->cache_path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	tmp = xasprintf("%s.%ld.tmp", z->cache_path, (long)getpid());
	if (mkdir_p(dir) == 0 && file_create(tmp, b.s, b.len) == 0 &&
	    rename(tmp, z->cache_path) != 0)
		unlink(tmp);
	free(tmp);
	free(dir);
	buf_free(&b);
}

void
zhconv_close(struct zhconv *z)
{
	if (z == NULL)
		return;
	cache_write(z);
	if (z->tw != (opencc_t)-1)
		opencc_close(z->tw);
	while (z->nowned)
		free(z->owned[--z->nowned]);
	free(z->owned);
	free(z->ent);
	strmap_free(&z->index);
	if (z->data)
		munmap(z->data, z->data_len);
	free(z->cache_path);
	free(z->config);
	pthread_mutex_destroy(&z->lock);
	free(z);
}

/* Returns s in Traditional characters, Taiwan usage (line breaks kept, and
 * no phrase across one), or s as it was once OpenCC failed; the caller
 * frees it. */
static char *
zhconv_tw(struct zhconv *z, const char *s)
{
	char *out, *copy;

	if (open_tw(z) == -1)
		return xstrdup(s); /* reported; the build ends with status 2 */
	out = opencc_convert_utf8(z->tw, s, strlen(s));

	if (out == NULL)
		oom(); /* OpenCC fails only when it cannot allocate */
	copy = xstrdup(out);
	opencc_convert_utf8_free(out);
	return copy;
}

/* ------------------------------------------------------------ text only */

/* A piece of a text: bytes copied as they are, or a run of non-ASCII text
 * that OpenCC converts (run: its index among the distinct runs). */
struct piece {
	size_t from, len;
	long run; /* -1: copied */
};

struct pieces {
	struct piece *v;
	size_t n, cap;
};

/* The distinct runs of every text, in order of first appearance. */
struct runs {
	struct strmap index; /* run → its number */
	struct buf joined;   /* the runs, one a line: what OpenCC converts */
	long n;
};

static void
add_piece(struct pieces *p, size_t from, size_t len, long run)
{
	if (len == 0)
		return;
	if (run < 0 && p->n && p->v[p->n - 1].run < 0 &&
	    p->v[p->n - 1].from + p->v[p->n - 1].len == from) {
		p->v[p->n - 1].len += len; /* copied bytes next to copied bytes */
		return;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n].from = from;
	p->v[p->n].len = len;
	p->v[p->n].run = run;
	p->n++;
}

/* Splits s[from..to) into copied ASCII and runs of non-ASCII text: OpenCC's
 * tables and ours have no entry with an ASCII character in it, so a run is
 * converted alone exactly as it would be inside its sentence. */
static void
text_pieces(const char *s, size_t from, size_t to, struct pieces *p, struct runs *r)
{
	size_t i = from;

	while (i < to) {
		size_t start = i;
		long run;
		while (i < to && (unsigned char)s[i] < 0x80)
			i++;
		add_piece(p, start, i - start, -1);
		start = i;
		while (i < to && (unsigned char)s[i] >= 0x80)
			i++;
		if (i == start)
			break;
		if ((run = strmap_get(&r->index, s + start, i - start)) < 0) {
			run = r->n++;
			strmap_put(&r->index, s + start, i - start, run);
			buf_add(&r->joined, s + start, i - start);
			buf_add(&r->joined, "\n", 1);
		}
		add_piece(p, start, i - start, run);
	}
}

/* Returns the next line of *p (its length in *n) and moves past it. */
static const char *
next_run(const char **p, size_t *n)
{
	const char *s = *p, *nl = strchr(s, '\n');

	*n = nl ? (size_t)(nl - s) : strlen(s);
	*p = nl ? nl + 1 : s + *n;
	return s;
}

/* Returns where the element that starts at s[i] (a '<') ends, just after its
 * end tag, if it is one whose content is code and never converted; else 0. */
static size_t
code_element_end(const char *s, size_t i)
{
	static const char *const names[] = {"code", "pre", "script", "style", "kbd", "samp"};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(*names); k++) {
		size_t n = strlen(names[k]);
		char close[16];
		const char *end;
		if (strncmp(s + i + 1, names[k], n) != 0 ||
		    (s[i + 1 + n] != '>' && s[i + 1 + n] != ' '))
			continue;
		snprintf(close, sizeof(close), "</%s>", names[k]);
		end = strstr(s + i, close);
		return end ? (size_t)(end - s) + strlen(close) : strlen(s);
	}
	return 0;
}

/* The attributes whose values a reader sees or hears. */
static int
visible_attr(const char *s, size_t n)
{
	return (n == 5 && strncmp(s, "title", 5) == 0) || (n == 3 && strncmp(s, "alt", 3) == 0) ||
	       (n == 10 && strncmp(s, "aria-label", 10) == 0) ||
	       (n == 11 && strncmp(s, "placeholder", 11) == 0);
}

/* Splits the tag at s[i] (a '<') into pieces: only the values of visible
 * attributes are text.  Returns where the tag ends. */
static size_t
tag_pieces(const char *s, size_t i, struct pieces *p, struct runs *r)
{
	size_t j = i + 1, copied = i;

	while (s[j] && s[j] != '>') {
		size_t name = j, name_len, value;
		if (s[j] == ' ' || s[j] == '/' || s[j] == '\n') {
			j++;
			continue;
		}
		while (s[j] && !strchr(" =>/\n", s[j]))
			j++;
		name_len = j - name;
		if (s[j] != '=' || s[j + 1] != '"') {
			if (name_len == 0 && s[j])
				j++; /* a stray '=' */
			continue;
		}
		value = j + 2;
		j = value;
		while (s[j] && s[j] != '"')
			j++;
		if (visible_attr(s + name, name_len)) {
			add_piece(p, copied, value - copied, -1);
			text_pieces(s, value, j, p, r);
			copied = j;
		}
		if (s[j])
			j++;
	}
	if (s[j])
		j++;
	add_piece(p, copied, j - copied, -1);
	return j;
}

/* Splits HTML s into pieces: text outside tags, comments and code. */
static void
html_pieces(const char *s, struct pieces *p, struct runs *r)
{
	size_t i = 0, text = 0, end;

	while (s[i]) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		text_pieces(s, text, i, p, r);
		if (strncmp(s + i, "<!--", 4) == 0) {
			const char *close = strstr(s + i + 4, "-->");
			end = close ? (size_t)(close - s) + 3 : strlen(s);
			add_piece(p, i, end - i, -1);
		} else if ((end = code_element_end(s, i)) != 0) {
			add_piece(p, i, end - i, -1);
		} else {
			end = tag_pieces(s, i, p, r);
		}
		i = text = end;
	}
	text_pieces(s, text, i, p, r);
}

/* Returns whether s[0..n) is all ASCII (then it is its own conversion). */
static int
ascii_only(const char *s, size_t n)
{
	uint64_t w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		if (w & 0x8080808080808080ULL)
			return 0;
	}
	while (n--)
		if ((unsigned char)*s++ >= 0x80)
			return 0;
	return 1;
}

char **
zhconv_texts(struct zhconv *z, const char *const *texts, size_t n, int html)
{
	struct runs r = {{0}, {0}, 0};
	struct pieces *ps = xcalloc(n ? n : 1, sizeof(*ps));
	char **out = xcalloc(n ? n : 1, sizeof(*out)), *tw = NULL;
	size_t *len = xcalloc(n ? n : 1, sizeof(*len)), *line_len = NULL, i, k;
	const char **line = NULL, *t;

	/* Each text whole from the cache (one without Chinese is its own). */
	pthread_mutex_lock(&z->lock);
	for (i = 0; i < n; i++) {
		long hit;
		if (texts[i] == NULL)
			continue;
		len[i] = strlen(texts[i]);
		if (ascii_only(texts[i], len[i])) {
			out[i] = xstrndup(texts[i], len[i]);
		} else if ((hit = strmap_get(&z->index, texts[i], len[i])) >= 0) {
			out[i] = xstrndup(z->ent[hit].tw, z->ent[hit].tw_len);
			z->ent[hit].used = 1;
		}
	}
	pthread_mutex_unlock(&z->lock);

	/* The others split into runs, each distinct run converted once, all
	 * in one call of OpenCC, a line each. */
	for (i = 0; i < n; i++) {
		if (texts[i] == NULL || out[i])
			continue;
		if (html)
			html_pieces(texts[i], &ps[i], &r);
		else
			text_pieces(texts[i], 0, len[i], &ps[i], &r);
	}
	if (r.n) {
		pthread_mutex_lock(&z->lock);
		tw = zhconv_tw(z, r.joined.s);
		z->converted = 1;
		pthread_mutex_unlock(&z->lock);
		line = xcalloc((size_t)r.n, sizeof(*line));
		line_len = xcalloc((size_t)r.n, sizeof(*line_len));
		for (t = tw, k = 0; k < (size_t)r.n && *t; k++)
			line[k] = next_run(&t, &line_len[k]);
	}
	for (i = 0; i < n; i++) {
		struct buf b = {0};
		if (texts[i] == NULL || out[i])
			continue;
		for (k = 0; k < ps[i].n; k++) {
			const struct piece *pc = &ps[i].v[k];
			if (pc->run >= 0 && line[pc->run])
				buf_add(&b, line[pc->run], line_len[pc->run]);
			else
				buf_add(&b, texts[i] + pc->from, pc->len);
		}
		out[i] = buf_detach(&b); /* not empty: it has Chinese */
		/* Kept with z, for the cache and the calls to come. */
		pthread_mutex_lock(&z->lock);
		if (!z->failed)
			add_entry(z, own(z, xstrndup(texts[i], len[i])), len[i],
			          own(z, xstrdup(out[i])), strlen(out[i]), 1);
		pthread_mutex_unlock(&z->lock);
		free(ps[i].v);
	}
	free(ps);
	free(len);
	free(line);
	free(line_len);
	free(tw);
	buf_free(&r.joined);
	strmap_free(&r.index);
	return out;
}
