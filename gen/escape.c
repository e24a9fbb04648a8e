/*
 * escape.c — text made safe for HTML and XML, in one place.
 *
 * Templates write every value from a view model through these, and the
 * sitemap its addresses, so escaping happens by construction; the export
 * writes its rendered bodies with esc_json.  Appends to a buffer; owns
 * nothing; reports nothing.
 */
#include <stdio.h>
#include <string.h>

#include "gen.h"

/* Appends s, escaping the characters in `which` as character references. */
static void
put_escaped(struct buf *b, const char *s, const char *which)
{
	for (;;) {
		size_t n = strcspn(s, which); /* the run to copy as it is */
		buf_add(b, s, n);
		s += n;
		if (*s == '\0')
			return;
		buf_puts(b, *s == '&'   ? "&amp;"
		            : *s == '<' ? "&lt;"
		            : *s == '>' ? "&gt;"
		                        : "&quot;");
		s++;
	}
}

void
esc_text(struct buf *b, const char *s)
{
	put_escaped(b, s, "&<>");
}

void
esc_attr(struct buf *b, const char *s)
{
	put_escaped(b, s, "&<>\"");
}

/*
 * jansson writes every other JSON value; the bodies, most of the export's
 * bytes, are written here because jansson's writer decodes each character
 * on its way out (measured: a sixth of a build's instructions went there).
 * The escapes are jansson's, so that the export is the same byte for byte:
 * " and \ escaped, the control characters in short form where JSON has
 * one and as \u00XX (upper-case hex) otherwise, everything else as it is.
 */
void
esc_json(struct buf *b, const char *s)
{
	static const char short_form[0x20] = {
	    ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't'};
	/* 1 for the bytes that end a run copied as it is: NUL, the control
	 * characters, " and \. */
	static const unsigned char stop[256] = {1, 1, 1, 1, 1, 1, 1, 1, 1,         1,         1, 1,
	                                        1, 1, 1, 1, 1, 1, 1, 1, 1,         1,         1, 1,
	                                        1, 1, 1, 1, 1, 1, 1, 1, ['"'] = 1, ['\\'] = 1};
	const char *p;
	char u[8];

	buf_add(b, "\"", 1);
	for (;;) {
		for (p = s; !stop[(unsigned char)*p]; p++)
			;
		buf_add(b, s, (size_t)(p - s));
		if (*p == '\0')
			break;
		if (*p == '"' || *p == '\\') {
			u[0] = '\\';
			u[1] = *p;
			buf_add(b, u, 2);
		} else if (short_form[(unsigned char)*p]) {
			u[0] = '\\';
			u[1] = short_form[(unsigned char)*p];
			buf_add(b, u, 2);
		} else {
			snprintf(u, sizeof(u), "\\u%04X", (unsigned)(unsigned char)*p);
			buf_add(b, u, 6);
		}
		s = p + 1;
	}
	buf_add(b, "\"", 1);
}
