#include <criterion/criterion.h>

#include "helpers.h"

static struct zhconv *
opened(void)
{
	struct zhconv *z;

	capture();
	z = zhconv_open("data/opencc");
	cr_assert_not_null(z, "%s", captured());
	return z;
}

/* Converts one text; the caller frees the result. */
static char *
one(struct zhconv *z, const char *s, int html)
{
	char **v = zhconv_texts(z, &s, 1, html), *r = v[0];

	free(v);
	return r;
}

/* A body as the renderer writes it: the text is converted (with our phrase
 * table: 服务器 → 伺服器, 响应 → 回應, “” → 「」), while code spans and
 * blocks, link addresses, HTML comments and attributes a reader does not
 * see stay byte for byte. */
Test(zhconv, only_the_text_of_html)
{
	struct zhconv *z = opened();
	const char *html =
	    "<!-- lang: zh -->\n"
	    "<h2 id=\"服务器\">服务器的响应</h2>\n"
	    "<p>“网关超时”时，<code>服务器 = 响应;</code> 见 <a href=\"/文档/缓存.html\" "
	    "title=\"缓存说明\">缓存</a>。</p>\n"
	    "<pre><code class=\"language-http\">X-信息: 服务器\n</code></pre>\n"
	    "<p><img src=\"图.png\" alt=\"服务器图\"> &amp; <kbd>响应</kbd></p>\n";
	char *out = one(z, html, 1);

	cr_expect(strstr(out, "<!-- lang: zh -->\n") == out, "%s", out);
	cr_expect(strstr(out, "<h2 id=\"服务器\">伺服器的回應</h2>") != NULL, "%s", out);
	cr_expect(strstr(out, "「閘道逾時」") != NULL, "%s", out);
	cr_expect(strstr(out, "<code>服务器 = 响应;</code>") != NULL, "%s", out);
	cr_expect(strstr(out, "href=\"/文档/缓存.html\" title=\"快取說明\">快取</a>") != NULL, "%s",
	          out);
	cr_expect(strstr(out, "<pre><code class=\"language-http\">X-信息: 服务器\n</code></pre>") !=
	              NULL,
	          "%s", out);
	cr_expect(strstr(out, "src=\"图.png\" alt=\"伺服器圖\"") != NULL, "%s", out);
	cr_expect(strstr(out, "&amp; <kbd>响应</kbd>") != NULL, "%s", out);
	free(out);
	zhconv_close(z);
}

/* Plain text (a title, a summary) is converted whole; ASCII is never
 * touched; the same run in several texts is converted once and alike;
 * NULL stays NULL. */
Test(zhconv, many_texts_in_one_call)
{
	struct zhconv *z = opened();
	const char *in[] = {"网关超时", NULL, "HTTP 504 网关超时 (nginx)", "<b>服务器</b>", ""};
	char **out = zhconv_texts(z, in, 5, 0);

	cr_expect_str_eq(out[0], "閘道逾時");
	cr_expect_null(out[1]);
	cr_expect_str_eq(out[2], "HTTP 504 閘道逾時 (nginx)");
	cr_expect_str_eq(out[3], "<b>伺服器</b>", "not HTML: only the Chinese changes");
	cr_expect_str_eq(out[4], "");
	for (size_t i = 0; i < 5; i++)
		free(out[i]);
	free(out);
	zhconv_close(z);
}

/* Markup cut short (a tag or a code element never closed) loses nothing
 * and reads no further than the text. */
Test(zhconv, unfinished_markup)
{
	struct zhconv *z = opened();
	const char *cases[] = {
	    "服务器<a title=\"缓存", "<code>服务器", "<!-- 服务器", "<", "服务器<",
	    "<p title=>缓存</p>"};
	const char *want[] = {
	    "伺服器<a title=\"快取", "<code>服务器", "<!-- 服务器", "<", "伺服器<",
	    "<p title=>快取</p>"};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *out = one(z, cases[i], 1);
		cr_expect_str_eq(out, want[i], "case %zu", i);
		free(out);
	}
	zhconv_close(z);
}
