#include <cmark.h>
#include <criterion/criterion.h>

#include "helpers.h"

static char *
rendered(const char *md, enum lang l)
{
	cmark_node *doc = md_parse(md);
	char *html;

	http_examples(doc, l);
	html = md_html(doc);
	cmark_node_free(doc);
	return html;
}

/* A request and its response: labelled, start lines and header fields
 * marked, every character escaped; a wrapped header line stays a line of
 * its own. */
Test(httpex, messages_are_labelled_and_marked)
{
	char *html =
	    rendered("```http\nGET /x?a=<b> HTTP/1.1\nHost: example.org\n\n"
	             "HTTP/1.1 404 Not Found\nContent-Type: text/html\n  ; charset=utf-8\n\n"
	             "<p>gone</p>\n```\n",
	             LANG_EN);

	cr_expect(strstr(html, "<p class=\"http-label\">Request</p>") != NULL, "%s", html);
	cr_expect(strstr(html, "<p class=\"http-label\">Response</p>") != NULL, "%s", html);
	cr_expect(strstr(html, "<span class=\"l s\">GET /x?a=&lt;b&gt; HTTP/1.1</span>") != NULL,
	          "%s", html);
	cr_expect(
	    strstr(html, "<span class=\"l\"><span class=\"n\">Host</span>: example.org</span>") !=
	        NULL,
	    "%s", html);
	cr_expect(strstr(html, "<span class=\"l\">  ; charset=utf-8</span>") != NULL, "%s", html);
	cr_expect(strstr(html, "&lt;p&gt;gone&lt;/p&gt;") != NULL, "content is escaped: %s", html);
	cr_expect(strstr(html, "<p>gone</p>") == NULL);
	free(html);
	html = rendered("```http\nHTTP/2 421\n```\n", LANG_ZH);
	cr_expect(strstr(html, "<p class=\"http-label\">响应</p>") != NULL, "%s", html);
	free(html);
}

/* A block that is no HTTP message, or not marked http, is left alone. */
Test(httpex, other_blocks_are_left_alone)
{
	char *html =
	    rendered("```http\nnot a message\n```\n\n```sh\nGET / HTTP/1.1\n```\n", LANG_EN);

	cr_expect(strstr(html, "http-example") == NULL, "%s", html);
	cr_expect(strstr(html, "<pre><code class=\"language-http\">not a message\n</code></pre>") !=
	              NULL,
	          "%s", html);
	free(html);
}
