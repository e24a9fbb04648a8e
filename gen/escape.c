/*
 * escape.c — text made safe for HTML and XML, in one place.
 *
 * Templates write every value from a view model through these, and the
 * sitemap its addresses, so escaping happens by construction.  Appends to a
 * buffer; owns nothing; reports nothing.
 */
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
