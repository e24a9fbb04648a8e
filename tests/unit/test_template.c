#include <criterion/criterion.h>
#include <jansson.h>
#include <unistd.h>

#include "helpers.h"

static char *
write_tmp(const char *text)
{
	char *path = xstrdup("/tmp/statusgen-tmpl-XXXXXX");
	int fd = mkstemp(path);

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static char *
render(const char *layout, const char *page, const char *json)
{
	char *lp = write_tmp(layout), *pp = write_tmp(page), *html;
	struct tmpl *l, *p, *m;
	json_error_t e;
	json_t *ctx = json_loads(json, 0, &e);
	size_t len;

	cr_assert_not_null(ctx, "%s", e.text);
	capture();
	l = tmpl_load(lp);
	p = tmpl_load(pp);
	cr_assert_not_null(l, "%s", captured());
	cr_assert_not_null(p, "%s", captured());
	m = tmpl_merge(l, p);
	html = tmpl_render(m, NULL, ctx, &len);
	json_decref(ctx);
	tmpl_free(l);
	tmpl_free(p);
	tmpl_free(m);
	unlink(lp);
	unlink(pp);
	free(lp);
	free(pp);
	return html;
}

#define LAYOUT                                                                                     \
	"<html lang='x' data-attr-lang='lang'><head><title data-fill='title'>T</title></head>"     \
	"<body><main data-slot='main'/></body></html>"

Test(template, text_is_escaped_by_construction)
{
	char *html =
	    render(LAYOUT,
	           "<html><body><main data-slot='main'><p data-fill='t'>x</p>"
	           "<a data-attr-href='u'>y</a></main></body></html>",
	           "{\"lang\":\"en\",\"title\":\"<b>&amp;\",\"t\":\"<script>alert(1)</script>\","
	           "\"u\":\"\\\"><img src=x>\"}");

	cr_assert_not_null(html);
	cr_expect(strstr(html, "<title>&lt;b&gt;&amp;amp;</title>") != NULL, "%s", html);
	cr_expect(strstr(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") != NULL, "%s", html);
	cr_expect_null(strstr(html, "<img"), "%s", html);
	cr_expect(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0, "%s", html);
	free(html);
}

Test(template, repeat_if_and_html_fill_the_page)
{
	char *html =
	    render(LAYOUT,
	           "<html><body><main data-slot='main'>"
	           "<ul><li data-repeat='items'><a data-attr-href='href' data-fill='name'/>"
	           "<i data-if='flag'>!</i><b data-unless='flag'>-</b></li></ul>"
	           "<div data-html='body'/><p data-if='missing_ok'>gone</p><s data-fill='n'/>"
	           "</main></body></html>",
	           "{\"lang\":\"en\",\"title\":\"T\",\"missing_ok\":null,\"n\":42,"
	           "\"items\":[{\"href\":\"a.html\",\"name\":\"A\",\"flag\":true},"
	           "{\"href\":\"b.html\",\"name\":\"B\",\"flag\":false}],"
	           "\"body\":\"<p>x &amp; <em>y</em></p>\\n\"}");

	cr_assert_not_null(html);
	cr_expect(strstr(html, "<li><a href=\"a.html\">A</a><i>!</i></li><li><a "
	                       "href=\"b.html\">B</a><b>-</b></li>") != NULL,
	          "%s", html);
	cr_expect(strstr(html, "<div><p>x &amp; <em>y</em></p>\n</div>") != NULL, "%s", html);
	cr_expect_null(strstr(html, "gone"));
	cr_expect(strstr(html, "<s>42</s>") != NULL, "%s", html);
	cr_expect_null(strstr(html, "data-"), "no marker attribute is left: %s", html);
	free(html);
}

Test(template, an_unknown_key_is_reported_at_its_template_line)
{
	char *pp = write_tmp(
	    "<html><body>\n<main data-slot='main'>\n<p data-fill='nope'/></main></body></html>");
	char *lp = write_tmp(LAYOUT);
	struct tmpl *l, *p, *m;
	json_t *ctx = json_pack("{s:s,s:s}", "lang", "en", "title", "T");
	size_t len;
	char *want;

	capture();
	l = tmpl_load(lp);
	p = tmpl_load(pp);
	m = tmpl_merge(l, p);
	cr_expect_null(tmpl_render(m, NULL, ctx, &len));
	cr_expect_null(tmpl_render(m, NULL, ctx, &len), "a second page meets it again");
	cr_expect_eq(tmpl_report(m), 1, "and it is reported once");
	want = xasprintf("%s:3: error: unknown key 'nope'\n", pp);
	cr_expect_str_eq(captured(), want);
	free(want);
	json_decref(ctx);
	tmpl_free(l);
	tmpl_free(p);
	tmpl_free(m);
	unlink(lp);
	unlink(pp);
	free(lp);
	free(pp);
}

Test(template, a_malformed_template_is_an_error)
{
	char *pp = write_tmp("<html><body><main data-slot='main'><p></main></body></html>");

	capture();
	cr_expect_null(tmpl_load(pp));
	cr_expect(strstr(captured(), ": error: template:") != NULL, "%s", captured());
	unlink(pp);
	free(pp);
}
