#include <cmark.h>
#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

/* Values made outside an arena live on through it and are freed by
 * json_decref as before; values made inside are freed by arena_end(),
 * however many and however large.  ASan and valgrind run this file too:
 * a wrong free or a leak fails there. */
Test(arena, values_inside_and_outside)
{
	json_t *shared, *page;
	char *text, *big;
	size_t i;

	arena_install();
	shared = json_pack("{s:s, s:[i, i]}", "title", "Not Found", "codes", 404, 410);
	arena_begin();
	page = json_object();
	json_object_set(page, "shared", shared); /* a reference, as views take strings.json */
	for (i = 0; i < 20000; i++)              /* more than one block */
		json_object_set_new(page, "k", json_integer((json_int_t)i));
	big = xmalloc(200001);
	memset(big, 'x', 200000);
	big[200000] = '\0';
	json_object_set_new(page, "big", json_string_nocheck(big)); /* more than a block */
	free(big);
	{
		struct buf b = {0};
		export_json(&b, page); /* not json_dumps, whose text jansson allocates */
		text = buf_detach(&b);
	}
	cr_expect(strstr(text, "\"shared\":{\"codes\":[404,410],\"title\":\"Not Found\"}") != NULL);
	cr_expect_eq(strlen(text),
	             200000 + strlen("{\"big\":\"\",\"k\":19999,\"shared\":{\"codes\":"
	                             "[404,410],\"title\":\"Not Found\"}}\n"));
	free(text);
	json_decref(page);
	arena_end();
	cr_expect_eq(shared->refcount, 1);
	cr_expect_str_eq(json_string_value(json_object_get(shared, "title")), "Not Found");
	json_decref(shared);
}

/* The same tree made in an arena and outside one: cmark's calloc, realloc
 * (a long paragraph grows its buffer many times, in place or moved) and
 * free all go through arena_cmark(), and the HTML is the same.  Outside, a
 * leak or a wrong free shows under ASan and valgrind. */
static char *
html_of(const char *md)
{
	cmark_node *doc = md_parse(md);
	char *html;

	/* a node of ours in cmark's tree */
	cmark_node_append_child(doc, cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, arena_cmark()));
	html = md_html(doc);
	cmark_node_free(doc);
	return html;
}

Test(arena, cmark_trees_inside_and_outside)
{
	struct buf md = {0};
	char *outside, *inside;
	int i;

	buf_puts(&md, "# Title\n\n");
	for (i = 0; i < 5000; i++)
		buf_printf(&md, "word%d *em* `code` ", i);
	buf_puts(&md, "\n\n- a\n- b\n\n```http\nGET / HTTP/1.1\n```\n");
	outside = html_of(md.s);
	arena_begin();
	inside = html_of(md.s);
	arena_end();
	cr_expect_str_eq(inside, outside);
	cr_expect(strstr(inside, "<li>b</li>") != NULL);
	cr_expect(strstr(inside, "word4999 <em>em</em> <code>code</code>") != NULL);
	free(inside);
	free(outside);
	buf_free(&md);
}
