/*
 * httpex.c — the ```http examples of a body: each becomes labelled messages
 * (Request, Response) whose start lines and header names are marked
 * for the style sheet, so they are highlighted when the site is built, with
 * no script; wrapped header lines stay indented.  Works on cmark's tree
 * between md_check() and the rendering; every character of an example is
 * escaped here (esc_text), and the result goes in as a custom block that the
 * safe renderer passes as it is.  Reports nothing.
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* Returns 1 if line s[0..n) starts an HTTP message: a status line
 * ("HTTP/1.1 404 Not Found", "HTTP/2 421") or a request line ("GET /x
 * HTTP/1.1", "CONNECT host:443 HTTP/1.1"). */
static int
start_line(const char *s, size_t n, int *response)
{
	size_t i = 0;

	if (n >= 5 && strncmp(s, "HTTP/", 5) == 0) {
		*response = 1;
		return 1;
	}
	while (i < n && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	if (i < 3 || i >= n || s[i] != ' ')
		return 0;
	*response = 0;
	return memchr(s + i + 1, ' ', n - i - 1) != NULL || n - i - 1 > 0;
}

/* Ends the open message: its blank lines at the end belong to no one. */
static void
close_message(struct buf *b)
{
	while (b->len >= 2 && b->s[b->len - 1] == '\n' && b->s[b->len - 2] == '\n')
		b->s[--b->len] = '\0';
	buf_puts(b, "</code></pre></div>\n");
}

/* Appends one line of a message: the start line, a header field (name and
 * value told apart), or a line of content. */
static void
http_line(struct buf *b, const char *s, size_t n, int part)
{
	char *line = xstrndup(s, n);
	const char *colon = strchr(line, ':');

	if (part == 0) {
		buf_puts(b, "<span class=\"l s\">");
		esc_text(b, line);
		buf_puts(b, "</span>");
	} else if (part == 1 && colon && colon != line && !strchr(" \t", line[0])) {
		char *name = xstrndup(line, (size_t)(colon - line));
		buf_puts(b, "<span class=\"l\"><span class=\"n\">");
		esc_text(b, name);
		buf_puts(b, "</span>:");
		esc_text(b, colon + 1);
		buf_puts(b, "</span>");
		free(name);
	} else {
		buf_puts(b, "<span class=\"l\">");
		esc_text(b, line);
		buf_puts(b, "</span>");
	}
	free(line);
}

/*
 * Writes an ```http example as labelled messages (Request, Response), each
 * a <pre> whose start line and header names are marked for the
 * style sheet: highlighted when the site is built, no script needed.  A
 * block that does not start with a request or status line is left alone.
 * Returns the HTML (the caller frees it), or NULL.
 */
static char *
http_example(const char *text, enum lang l)
{
	static const char *const label[LANG__N][2] = {
	    {"请求", "响应"}, {"Request", "Response"}, {"請求", "回應"}};
	struct buf b = {0};
	const char *p = text;
	int part = -1, open = 0, response, blank = 0;

	{
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (!start_line(p, n, &response))
			return NULL;
	}
	buf_puts(&b, "<div class=\"http-example\">\n");
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int r;
		if (n && p[n - 1] == '\r')
			n--;
		if ((part == -1 || blank) && start_line(p, n, &r)) {
			if (open)
				close_message(&b);
			buf_printf(&b,
			           "<div class=\"http-message http-%s\"><p "
			           "class=\"http-label\">%s</p><pre><code class=\"language-http\">",
			           r ? "response" : "request", label[l][r]);
			open = 1;
			part = 0;
			blank = 0;
			http_line(&b, p, n, 0);
			buf_puts(&b, "\n");
		} else if (n == 0) {
			blank = 1;
			if (part == 1)
				part = 2;
			buf_puts(&b, "\n");
		} else {
			if (part == 0)
				part = 1;
			if (blank && part == 1)
				part = 2;
			blank = 0;
			http_line(&b, p, n, part);
			buf_puts(&b, "\n");
		}
		p += n + (p[n] == '\r') + (nl ? 1 : 0);
		if (!nl)
			break;
	}
	if (open)
		close_message(&b);
	buf_puts(&b, "</div>\n");
	return buf_detach(&b);
}

void
http_examples(cmark_node *doc, enum lang l)
{
	cmark_node *n, *next;

	for (n = cmark_node_first_child(doc); n; n = next) {
		const char *info;
		char *html;
		cmark_node *block;
		next = cmark_node_next(n);
		if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK)
			continue;
		info = cmark_node_get_fence_info(n);
		if (info == NULL || strncmp(info, "http", 4) != 0 || (info[4] && info[4] != ' '))
			continue;
		if ((html = http_example(cmark_node_get_literal(n), l)) == NULL)
			continue;
		block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena_cmark());
		cmark_node_set_on_enter(block, html);
		cmark_node_set_on_exit(block, "");
		cmark_node_replace(n, block);
		cmark_node_free(n);
		free(html);
	}
}
