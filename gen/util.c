/*
 * util.c — allocation that exits on out-of-memory, a growable buffer, and
 * file-system and text helpers.  Nothing here reports through diagnostics:
 * errors are returned with errno set, for the caller to report.  Depends on
 * nothing else in statusgen.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "gen.h"

void
oom(void)
{
	fputs("statusgen: out of memory\n", stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p, small[256];

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	if ((size_t)n < sizeof(small))
		return xstrndup(small, (size_t)n); /* most strings: formatted once */
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

char *
xconcat(const char *s, ...)
{
	va_list ap;
	const char *t;
	size_t n = 0;
	char *out, *p;

	va_start(ap, s);
	for (t = s; t; t = va_arg(ap, const char *))
		n += strlen(t);
	va_end(ap);
	p = out = xmalloc(n + 1);
	va_start(ap, s);
	for (t = s; t; t = va_arg(ap, const char *)) {
		size_t k = strlen(t);
		memcpy(p, t, k);
		p += k;
	}
	va_end(ap);
	*p = '\0';
	return out;
}

/* ---------------------------------------------------------------- buffer */

void
buf_grow(struct buf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 256;

	if (n > SIZE_MAX / 4 - b->len)
		oom();
	while (cap < b->len + n + 1)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void
buf_reserve(struct buf *b, size_t n)
{
	if (n > SIZE_MAX / 4 - b->len)
		oom();
	if (b->len + n + 1 <= b->cap)
		return;
	b->s = xrealloc(b->s, b->len + n + 1);
	b->s[b->len] = '\0';
	b->cap = b->len + n + 1;
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	char small[256];
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0)
		oom();
	if ((size_t)n < sizeof(small)) {
		buf_add(b, small, (size_t)n);
	} else {
		buf_add(b, "", 0); /* room is made below */
		while (b->cap < b->len + (size_t)n + 1) {
			b->cap *= 2;
			b->s = xrealloc(b->s, b->cap);
		}
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Returns the buffer's string, which the caller frees; the buffer is left empty. */
char *
buf_detach(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* ------------------------------------------------------------ file system */

/* file_read's opening, which zhconv.c's cache map shares: only a regular
 * file, not larger than `limit`. */
int
file_open(const char *path, size_t limit, size_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), e;

	if (fd == -1)
		return -1; /* ELOOP: a symbolic link */
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = ENOTSUP;
		goto fail;
	}
	if ((uintmax_t)st.st_size > limit) {
		errno = EFBIG;
		goto fail;
	}
	*size = (size_t)st.st_size;
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

/*
 * Reads the whole file at `path` into `*data` (NUL-terminated, caller frees)
 * and its length into `*len`.  Only a regular file is read: a symbolic link
 * could publish a file from outside the folder, and a FIFO or a device could
 * block the build forever.  Returns 0, or -1 with errno set: ELOOP for a
 * symbolic link, ENOTSUP for what is not a regular file (a FIFO, a device,
 * a folder), EFBIG for a file larger than `limit` bytes.  Outputs are written
 * only on success.
 */
int
file_read(const char *path, size_t limit, char **data, size_t *len)
{
	struct buf b = {0};
	ssize_t n;
	size_t size;
	int fd = file_open(path, limit, &size), e;

	if (fd == -1)
		return -1;
	/* Room for the file as it is now and the byte that finds its end, taken
	 * once; one that grows meanwhile is read to its end, or to `limit`. */
	buf_reserve(&b, size + 1);
	for (;;) {
		if (b.cap - b.len < 2)
			buf_reserve(&b, b.len < 65536 ? 65536 : b.len);
		if ((n = read(fd, b.s + b.len, b.cap - b.len - 1)) == 0)
			break;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		b.len += (size_t)n;
		b.s[b.len] = '\0';
		if (b.len > limit) {
			errno = EFBIG;
			goto fail;
		}
	}
	close(fd);
	*len = b.len;
	*data = buf_detach(&b);
	return 0;
fail:
	e = errno;
	close(fd);
	buf_free(&b);
	errno = e ? e : EIO;
	return -1;
}

const char *
file_error(int e)
{
	if (e == ELOOP)
		return "it is a symbolic link; only regular files are read";
	if (e == ENOTSUP)
		return "it is not a regular file (a FIFO, a device or a folder)";
	return strerror(e);
}

/* Opens `path` for writing with `flags` and writes the n pieces of iov
 * into it, one after another.  Returns 0, or -1 with errno set. */
static int
write_file(const char *path, int flags, const struct iovec *iov, int n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644), k = 0;
	struct iovec at = {0};

	if (fd == -1)
		return -1;
	if (n > 0)
		at = iov[0];
	while (k < n) {
		struct iovec next[64];
		int m = 1;
		ssize_t w;
		/* The rest of piece k, then the pieces after it. */
		next[0] = at;
		while (m < 64 && k + m < n) {
			next[m] = iov[k + m];
			m++;
		}
		if ((w = writev(fd, next, m)) == -1) {
			int e = errno;
			if (e == EINTR)
				continue;
			close(fd);
			errno = e;
			return -1;
		}
		/* Past the pieces written whole, into the one written in part. */
		while (k < n && (size_t)w >= at.iov_len) {
			w -= (ssize_t)at.iov_len;
			if (++k < n)
				at = iov[k];
		}
		if (k < n) {
			at.iov_base = (char *)at.iov_base + w;
			at.iov_len -= (size_t)w;
		}
	}
	return close(fd);
}

int
file_write(const char *path, const char *data, size_t len)
{
	struct iovec v = {(void *)data, len};

	return write_file(path, O_TRUNC, &v, 1);
}

int
file_createv(const char *path, const struct iovec *iov, int n)
{
	return write_file(path, O_EXCL, iov, n);
}

int
file_create(const char *path, const char *data, size_t len)
{
	struct iovec v = {(void *)data, len};

	return write_file(path, O_EXCL, &v, 1);
}

/* Creates directory `path` and its parents.  Returns 0, or -1 with errno set. */
int
mkdir_p(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
		if (rc)
			break;
	}
	if (rc == 0 && mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Removes `path` and everything below it; a missing path is no error.
 * Symbolic links are removed, never followed.  Returns 0, or -1 with errno set. */
int
rm_rf(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		char *sub;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		sub = path_join(path, e->d_name);
		if (rm_rf(sub) == -1)
			rc = -1;
		free(sub);
	}
	closedir(d);
	if (rmdir(path) == -1)
		rc = -1;
	return rc;
}

/* Returns "a/b", which the caller frees. */
char *
path_join(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n > 0 && a[n - 1] == '/')
		return xasprintf("%s%s", a, b);
	return xasprintf("%s/%s", a, b);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Lists the names in directory `dir` (no "." or "..", no hidden files),
 * sorted bytewise, into `*names` (caller frees each and the array).
 * Returns the count, or -1 with errno set.
 */
int
dir_list(const char *dir, char ***names)
{
	DIR *d;
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_str);
	*names = v;
	return (int)n;
}

int
is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
is_symlink(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* ------------------------------------------------------------------ text */

/*
 * Checks that s[0..len) is well-formed UTF-8 with no NUL byte.  Returns 1, or
 * 0 with the offset of the first bad byte in `*bad`.
 */
int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	/* The well-formed byte sequences of Unicode's table 3-7, lead byte by
	 * lead byte: no overlong form, no surrogate, nothing past U+10FFFF. */
	while (i < len) {
		unsigned c = p[i], lo = 0x80, hi = 0xbf;
		size_t n;

		if (c < 0x80) {
			/* Runs of ASCII without NUL, eight bytes at a time. */
			while (i + 8 <= len) {
				uint64_t w;
				memcpy(&w, p + i, 8);
				if ((w & 0x8080808080808080ULL) ||
				    ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
					break;
				i += 8;
			}
			for (; i < len && p[i] < 0x80; i++)
				if (p[i] == 0)
					goto fail;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
		else
			goto fail;
		if (i + n >= len || p[i + 1] < lo || p[i + 1] > hi ||
		    (n > 1 && (p[i + 2] & 0xc0) != 0x80) || (n > 2 && (p[i + 3] & 0xc0) != 0x80))
			goto fail;
		i += n + 1;
	}
	return 1;
fail:
	*bad = i;
	return 0;
}

uint32_t
utf8_next(const char *s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t c = p[0];
	int n = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3, k;

	if (n)
		c &= 0x3fu >> n;
	for (k = 1; k <= n; k++) {
		if ((p[k] & 0xc0) != 0x80) { /* not UTF-8 after all: one byte, never past a NUL */
			*i += 1;
			return 0xfffd;
		}
		c = (c << 6) | (p[k] & 0x3f);
	}
	*i += (size_t)n + 1;
	return c;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n && s[i]; i++)
		count += ((unsigned char)s[i] & 0xc0) != 0x80;
	return count;
}

/* Returns the 1-based line and character column of byte `off` in s. */
struct pos
text_pos(const char *s, size_t off)
{
	struct pos p = {1, 1};
	size_t i;

	for (i = 0; i < off && s[i]; i++) {
		if (s[i] == '\n') {
			p.line++;
			p.col = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80) {
			p.col++;
		}
	}
	return p;
}

int
cp_control(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
}

int
cp_invisible(uint32_t c)
{
	return c == 0xad || c == 0x34f || c == 0x61c || c == 0x115f || c == 0x1160 || c == 0x17b4 ||
	       c == 0x17b5 || c == 0x180e || (c >= 0x200b && c <= 0x200f) ||
	       (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c == 0x3164 ||
	       (c >= 0xfe00 && c <= 0xfe0f) || c == 0xfeff || c == 0xffa0 ||
	       (c >= 0xfff9 && c <= 0xfffb) || (c >= 0xe0000 && c <= 0xe0fff);
}

long
find_cp(const char *s, int (*bad)(uint32_t), uint32_t *cp)
{
	size_t i = 0, at;

	while (s[i]) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			i++; /* printable ASCII: never what is looked for */
			continue;
		}
		at = i;
		*cp = utf8_next(s, &i);
		if (bad(*cp))
			return (long)at;
	}
	return -1;
}

long
find_control(const char *s, uint32_t *cp)
{
	/* The bytes a control character can start with: C0 but tab and line
	 * feed, DEL, and 0xc2 (U+0080-U+009F).  Most texts have none, and need
	 * no decoding. */
	static const unsigned char lead[256] = {
	    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
	    [0x08] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1,
	    [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	    [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1,
	    [0x1f] = 1, [0x7f] = 1, [0xc2] = 1};
	const unsigned char *p = (const unsigned char *)s;

	while (*p && !lead[*p])
		p++;
	return *p ? find_cp(s, cp_control, cp) : -1;
}

char *
strip_controls(const char *s)
{
	struct buf b = {0};
	size_t i = 0, at;

	while (s[i]) {
		at = i;
		if (!cp_control(utf8_next(s, &i)))
			buf_add(&b, s + at, i - at);
	}
	return b.s ? buf_detach(&b) : xstrdup("");
}
