#include <criterion/criterion.h>
#include <unistd.h>

#include "helpers.h"

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
	struct zhconv *z = opened_zhconv();
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
	struct zhconv *z = opened_zhconv();
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
	struct zhconv *z = opened_zhconv();
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

/* The only file in folder d (a cache), or NULL; the caller frees it. */
static char *
only_file(const char *d)
{
	char **names = NULL, *path = NULL;
	int n = dir_list(d, &names), i;

	if (n == 1)
		path = path_join(d, names[0]);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return path;
}

/* Writes a cache file as a build would: the first line, each text and its
 * conversion, the count and the hash of what comes before. */
static void
write_cache(const char *path, const char *text, const char *tw)
{
	struct buf b = {0};
	char line[64];

	buf_puts(&b, "statusgen zhconv cache 2\n");
	snprintf(line, sizeof(line), "%zu %zu\n", strlen(text), strlen(tw));
	buf_puts(&b, line);
	buf_puts(&b, text);
	buf_puts(&b, tw);
	buf_puts(&b, "\n");
	snprintf(line, sizeof(line), "1 %016llx\n", (unsigned long long)str_hash(b.s, b.len));
	buf_puts(&b, line);
	cr_assert_eq(file_write(path, b.s, b.len), 0);
	buf_free(&b);
}

/* Converts `in` with the cache in `folder`, which must not be used. */
static void
expect_not_used(const char *folder, const char *in, const char *why)
{
	struct zhconv *z = zhconv_open("data/opencc", folder);
	char *text = one(z, in, 0);

	cr_expect_str_eq(text, "HTTP 閘道逾時", "%s", why);
	free(text);
	zhconv_close(z);
}

/* The cache: what a build converted is written at the end, each text whole
 * with its Taiwan form; the next build takes it from there (shown by a
 * doctored entry coming back); a cache file changed by a byte is not used;
 * no cache folder, nothing written. */
Test(zhconv, cache_written_read_and_refused_when_odd)
{
	char *d = scratch_dir(), *path, *text, *sub = path_join(d, "sub");
	const char *in = "HTTP 网关超时";
	struct zhconv *z;
	size_t len;

	z = zhconv_open("data/opencc", sub);
	cr_assert_not_null(z);
	text = one(z, in, 0);
	cr_expect_str_eq(text, "HTTP 閘道逾時");
	free(text);
	zhconv_close(z);
	path = only_file(sub);
	cr_assert_not_null(path, "the cache is written, its folder made");
	cr_assert_eq(file_read(path, 1 << 20, &text, &len), 0);
	cr_expect(strstr(text, "statusgen zhconv cache 2\n17 17\nHTTP 网关超时HTTP 閘道逾時\n1 ") ==
	              text,
	          "%s", text);
	free(text);

	write_cache(path, in, "HTTP 网关测试");
	z = zhconv_open("data/opencc", sub);
	text = one(z, in, 0);
	cr_expect_str_eq(text, "HTTP 网关测试", "taken from the cache");
	free(text);
	zhconv_close(z);
	z = zhconv_open("data/opencc", sub);
	zhconv_close(z); /* a build that stopped before converting anything */
	cr_assert_eq(file_read(path, 1 << 20, &text, &len), 0);
	cr_expect(strstr(text, "HTTP 网关测试\n") != NULL, "the cache is left as it was: %s", text);
	/* One byte changed: the hash no longer matches. */
	*strstr(text, "测试") = 'X';
	cr_assert_eq(file_write(path, text, len), 0);
	free(text);
	expect_not_used(sub, in, "a changed cache is not used");
	/* Cut short. */
	write_cache(path, in, "HTTP 网关测试");
	cr_assert_eq(file_read(path, 1 << 20, &text, &len), 0);
	cr_assert_eq(file_write(path, text, len - 5), 0);
	free(text);
	expect_not_used(sub, in, "a cache cut short is not used");
	cr_assert_eq(file_write(path, "", 0), 0);
	expect_not_used(sub, in, "an empty cache is not used (and not mapped)");
	free(path);

	rm_rf(sub);
	z = zhconv_open("data/opencc", NULL);
	text = one(z, in, 0);
	free(text);
	zhconv_close(z);
	cr_expect_null(only_file(d), "no cache: nothing written");
	rm_rf(d);
	free(d);
	free(sub);
}

/* With a cache, OpenCC is opened at the first run the cache lacks; if it
 * cannot be then, that is reported once, the text is left as it was and
 * zhconv_failed() says so (site.c then writes nothing and exits 2). */
Test(zhconv, opencc_opened_late_and_failing)
{
	char *d = scratch_dir(), *cache = path_join(d, "cache"), *occ = path_join(d, "opencc");
	char *cmd = xasprintf("cp -r data/opencc %s", occ), *cfg, *text;
	struct zhconv *z;

	cr_assert_eq(system(cmd), 0);
	z = zhconv_open(occ, cache);
	text = one(z, "网关", 0); /* fills the cache */
	free(text);
	zhconv_close(z);
	capture();
	z = zhconv_open(occ, cache); /* the cache has a run: OpenCC waits */
	cr_assert_not_null(z);
	cfg = path_join(occ, "s2twp-http.json");
	cr_assert_eq(unlink(cfg), 0);
	text = one(z, "网关超时", 0);
	cr_expect_str_eq(text, "网关超时", "left as it was");
	free(text);
	cr_expect(zhconv_failed(z));
	cr_expect(strstr(captured(), "OpenCC cannot load it") != NULL, "%s", captured());
	zhconv_close(z);
	rm_rf(d);
	free(d);
	free(cache);
	free(occ);
	free(cmd);
	free(cfg);
}
