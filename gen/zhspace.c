/*
 * zhspace.c — the spacing rule of the Chinese text (docs/glossary.md,
 * 中英文混排): one space between a Han character and a Latin letter, a digit,
 * a code span or a link next to it.  Each boundary that breaks the rule is a
 * warning at its line and column.  Only text a reader sees is looked at: not
 * the English section of the body, fenced code, code spans, link addresses,
 * HTML comments or addresses in the text.  Reports through diag().
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <string.h>

#include "gen.h"

/* Returns 1 for the Han characters the rule is about (CJK ideographs). */
static int
is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0x20000 && c <= 0x2fa1f);
}

static int
is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* What a character of a line is to the rule: Han, Latin (letters, digits,
 * and the edges of code spans and links, which read as Latin), or other. */
enum kind { OTHER, HAN, LATIN };

/* Returns 1 if the '[' before s[i] opens a link: the next ']' of the line
 * s[0..n) is followed by '('.  *close caches where that ']' is (n: none), so
 * that a line of many '[' is searched once, not once per '['. */
static int
opens_link(const char *s, size_t i, size_t n, size_t *close)
{
	if (*close < i || *close == (size_t)-1) {
		const char *r = memchr(s + i, ']', n - i);
		*close = r ? (size_t)(r - s) : n;
	}
	return *close + 1 < n && s[*close + 1] == '(';
}

/* Checks one line (line number `ln` of the file), whose text is s[0..n). */
static void
check_line(const struct meaning *m, int ln, const char *s, size_t n)
{
	size_t i = 0, close = (size_t)-1;
	enum kind prev = OTHER;
	int col = 0, prev_col = 0, in_code = 0;
	uint32_t c;

	while (i < n) {
		size_t at = i;
		enum kind k = OTHER;
		col++;
		if ((unsigned char)s[i] < 0x80)
			c = (unsigned char)s[i++]; /* most characters: no decoding */
		else
			c = utf8_next(s, &i);
		if (c == '`') {
			in_code = !in_code;
			k = LATIN; /* a code span's edge */
		} else if (in_code) {
			prev = LATIN;
			continue;
		} else if (c == '<' && n - at >= 4 && strncmp(s + at, "<!--", 4) == 0) {
			const char *end = memmem(s + at, n - at, "-->", 3);
			size_t stop = end ? (size_t)(end - s) + 3 : n;
			while (i < stop) { /* the comment reads as nothing */
				utf8_next(s, &i);
				col++;
			}
			prev = OTHER;
			continue;
		} else if (c == ']' && i < n && s[i] == '(') {
			/* The address of a link: skipped; the link's closing edge reads as
			 * Latin to what follows it, and as nothing to its own text. */
			prev = OTHER;
			while (i < n && s[i] != ')') {
				utf8_next(s, &i);
				col++;
			}
			if (i < n) {
				i++;
				col++;
			}
			k = LATIN;
		} else if (c == '[' && opens_link(s, i, n, &close)) {
			/* A link's opening edge: next to what comes before it only. */
			if (prev == HAN) {
				struct pos p = {ln, col};
				diag(DIAG_WARNING, m->path, p,
				     "no space between Chinese and the link here "
				     "(docs/glossary.md: one "
				     "half-width space)");
			}
			prev = OTHER;
			prev_col = col;
			continue;
		} else if ((c == 'h' && strncmp(s + at, "http://", 7) == 0) ||
		           (c == 'h' && strncmp(s + at, "https://", 8) == 0)) {
			while (i < n && s[i] != ' ' && s[i] != ')' && (unsigned char)s[i] < 0x80) {
				i++;
				col++;
			}
			k = LATIN;
		} else if (is_han(c)) {
			k = HAN;
		} else if (is_latin(c)) {
			k = LATIN;
		}
		if ((prev == HAN && k == LATIN) || (prev == LATIN && k == HAN)) {
			/* At the second of the two characters: where the space goes. */
			struct pos p = {ln, prev_col + 1};
			diag(DIAG_WARNING, m->path, p,
			     "no space between Chinese and Latin text here (docs/glossary.md: one "
			     "half-width space)");
		}
		prev = k;
		prev_col = col;
	}
}

void
zh_spacing_check(const struct meaning *m, const char *text, size_t len, int first_line)
{
	const char *p = text, *end = text + len;
	int ln = first_line, fence = 0, english = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n >= 3 && (strncmp(p, "```", 3) == 0 || strncmp(p, "~~~", 3) == 0))
			fence = !fence;
		else if (n >= 11 && strncmp(p, "<!-- lang: ", 11) == 0)
			english = n >= 13 && strncmp(p + 11, "en", 2) == 0;
		else if (!fence && !english)
			check_line(m, ln, p, n);
		ln++;
		p = nl ? nl + 1 : end;
	}
}
