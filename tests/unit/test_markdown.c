#include <criterion/criterion.h>

#include "helpers.h"

/* A corpus of three files: 404, 410 and 499-nginx; returns 404. */
static struct corpus *
corpus3(const char *body)
{
	struct corpus *c = corpus_new("content");

	corpus_add(c, meaning_for("content/404.md", "404"));
	corpus_add(c, meaning_for("content/410.md", "410"));
	corpus_add(c, meaning_for("content/499-nginx.md", "499-nginx"));
	corpus_sort(c);
	c->m[0]->body = xstrdup(body);
	c->m[0]->body_line = 10;
	return c;
}

Test(markdown, splits_languages_and_drops_the_markers)
{
	struct corpus *c =
	    corpus3("<!-- lang: zh -->\n\n中文。\n\n<!-- lang: en -->\n\nEnglish.\n");
	struct meaning *m = c->m[0];

	capture();
	md_check(m, c);
	md_render(m, c);
	cr_expect_str_eq(captured(), "");
	cr_expect_str_eq(m->html[LANG_ZH], "<p>中文。</p>\n");
	cr_expect_str_eq(m->html[LANG_EN], "<p>English.</p>\n");
	corpus_free(c);
}

Test(markdown, rewrites_links_to_content_files)
{
	struct corpus *c =
	    corpus3("<!-- lang: zh -->\n[a](410.md) [b](499-nginx.md) [c](410.md#x)\n"
	            "<!-- lang: en -->\n[d](https://example.org/) [e](#top)\n");
	struct meaning *m = c->m[0];

	capture();
	md_check(m, c);
	md_render(m, c);
	cr_expect_str_eq(captured(), "");
	cr_expect_str_eq(m->html[LANG_ZH],
	                 "<p><a href=\"410.html\">a</a> <a href=\"499.html#nginx\">b</a> "
	                 "<a href=\"410.html#x\">c</a></p>\n");
	cr_expect_str_eq(m->html[LANG_EN],
	                 "<p><a href=\"https://example.org/\">d</a> <a href=\"#top\">e</a></p>\n");
	corpus_free(c);
}

Test(markdown, reports_broken_links_at_their_line_and_column)
{
	struct corpus *c = corpus3("<!-- lang: zh -->\n\n中文 [a](411.md)\n\n<!-- lang: en -->\n\n"
	                           "x [b](../secret.txt) [c](javascript:alert(1))\n");

	capture();
	md_check(c->m[0], c);
	md_render(c->m[0], c);
	cr_expect_str_eq(
	    captured(),
	    "content/404.md:12:4: error: link to '411.md': there is no such content file\n"
	    "content/404.md:16:3: error: link to '../secret.txt': a link must name a content "
	    "file (410.md, 499-nginx.md) or an http(s) address\n"
	    "content/404.md:16:22: error: link to 'javascript:alert(1)': only http, https "
	    "and mailto addresses may be linked\n");
	corpus_free(c);
}

Test(markdown, never_passes_raw_html_through)
{
	struct corpus *c = corpus3("<!-- lang: zh -->\n<script>alert(1)</script>\n\n"
	                           "<!-- lang: en -->\nhi <b onclick=\"x\">there</b>\n");
	struct meaning *m = c->m[0];

	capture();
	md_check(m, c);
	md_render(m, c);
	cr_expect_null(strstr(m->html[LANG_ZH] ? m->html[LANG_ZH] : "", "<script"));
	cr_expect_str_eq(m->html[LANG_EN], "<p>hi there</p>\n");
	cr_expect(strstr(captured(), "11:1: warning: raw HTML is not rendered") != NULL, "%s",
	          captured());
	corpus_free(c);
}

Test(markdown, missing_and_repeated_sections_are_errors)
{
	struct corpus *c =
	    corpus3("before\n\n<!-- lang: zh -->\nA\n\n<!-- lang: zh -->\nB\n<!-- lang: fr -->\n");

	capture();
	md_check(c->m[0], c);
	md_render(c->m[0], c);
	cr_expect_str_eq(
	    captured(),
	    "content/404.md:10:1: error: text before the first language marker '<!-- lang: zh "
	    "-->'\n"
	    "content/404.md:10:1: error: missing language section '<!-- lang: en -->'\n"
	    "content/404.md:15:1: error: language section 'zh' appears twice (first at line 12)\n"
	    "content/404.md:17:1: error: language marker must be exactly '<!-- lang: zh -->' or "
	    "'<!-- lang: en -->'\n");
	corpus_free(c);
}

Test(markdown, sections_get_anchors_and_plain_text_for_the_contents)
{
	struct corpus *c = corpus3(
	    "<!-- lang: zh -->\n### 含义 `x`\n\n### <b>y</b> *z*\n<!-- lang: en -->\n## A\n");
	struct meaning *m = c->m[2]; /* 499-nginx */

	m->body = c->m[0]->body;
	c->m[0]->body = NULL;
	m->body_line = 10;
	capture();
	md_check(m, c);
	md_render(m, c);
	cr_assert_eq(m->nsections[LANG_ZH], 2);
	cr_expect_str_eq(m->sections[LANG_ZH][0].id, "nginx-1",
	                 "numbered: the languages have different numbers of sections");
	cr_expect_str_eq(m->sections[LANG_ZH][0].text, "含义 x");
	cr_expect_str_eq(m->sections[LANG_ZH][1].text, "y z",
	                 "raw HTML is dropped from the text too");
	cr_expect(strstr(m->html[LANG_ZH], "<h2><span id=\"nginx-2\"></span>") != NULL, "%s",
	          m->html[LANG_ZH]);
	cr_expect_eq(m->nsections[LANG_EN], 1);
	corpus_free(c);
}

Test(markdown, body_headings_sit_below_the_page_headings)
{
	struct corpus *c = corpus3("<!-- lang: zh -->\n# A\n## B\n<!-- lang: en -->\n### C\n");
	struct meaning *m = c->m[0];

	capture();
	md_check(m, c);
	md_render(m, c);
	/* 404 is the only meaning of its number here: its parts are h2. */
	cr_expect_str_eq(m->html[LANG_ZH], "<h2><span id=\"iana-c\"></span>A</h2>\n<h3>B</h3>\n");
	cr_expect_str_eq(m->html[LANG_EN], "<h2><span id=\"iana-c\"></span>C</h2>\n");
	cr_expect_eq(m->nsections[LANG_ZH], 1, "only the top level goes into the contents");
	cr_expect_str_eq(m->sections[LANG_ZH][0].id, "iana-c");
	cr_expect_str_eq(m->sections[LANG_ZH][0].text, "A");
	corpus_free(c);
}

/* Both languages' sections share readable ids, taken from the English
 * headings, so that the language switch keeps the reader's place. */
Test(markdown, sections_share_ids_named_after_the_english_headings)
{
	struct corpus *c = corpus3("<!-- lang: zh -->\n### 含义\n\n### 遇到了怎么办\n\n### 示例\n"
	                           "<!-- lang: en -->\n### Meaning\n\n### If you received it\n\n"
	                           "### Meaning\n");
	struct meaning *m = c->m[0];
	static const char *const want[] = {"iana-meaning", "iana-if-you-received-it",
	                                   "iana-meaning-3"};
	size_t i;

	capture();
	md_check(m, c);
	md_render(m, c);
	cr_assert_eq(m->nsections[LANG_ZH], 3);
	for (i = 0; i < 3; i++) {
		cr_expect_str_eq(m->sections[LANG_ZH][i].id, want[i]);
		cr_expect_str_eq(m->sections[LANG_EN][i].id, want[i]);
	}
	cr_expect(strstr(m->html[LANG_ZH],
	                 "<h2><span id=\"iana-if-you-received-it\"></span>遇到了怎么办</h2>"));
	corpus_free(c);
}

/* A number with several meanings has a heading per meaning (h2): each
 * meaning's parts are h3 below it. */
Test(markdown, one_of_several_meanings_has_its_parts_one_level_lower)
{
	struct corpus *c = corpus_new("content");
	struct meaning *m;

	corpus_add(c, meaning_for("content/404.md", "404"));
	corpus_add(c, meaning_for("content/404-acme.md", "404-acme"));
	corpus_sort(c);
	m = c->m[0];
	m->body = xstrdup("<!-- lang: zh -->\n# 甲\n<!-- lang: en -->\n## A\n");
	m->body_line = 10;
	capture();
	md_check(m, c);
	md_render(m, c);
	cr_expect_str_eq(m->html[LANG_EN], "<h3><span id=\"iana-a\"></span>A</h3>\n");
	corpus_free(c);
}
