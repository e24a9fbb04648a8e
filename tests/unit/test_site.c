#include <criterion/criterion.h>
#include <sys/stat.h>

#include "helpers.h"

static int
exists(const char *dir, const char *rel)
{
	char *p = path_join(dir, rel);
	struct stat st;
	int ok = stat(p, &st) == 0;

	free(p);
	return ok;
}

static struct build_options
options(const char *out)
{
	struct build_options o = {.templates = "templates",
	                          .out = out,
	                          .base_url = "https://example.org/s/",
	                          .base_url_given = 1,
	                          .opencc = "data/opencc",
	                          .jobs = 2};
	return o;
}

Test(site, a_build_writes_every_kind_of_page_and_file)
{
	struct corpus *c = small_corpus();
	char *d = scratch_dir(), *out = path_join(d, "site"), *sitemap = NULL;
	struct build_options o = options(out);
	static const char *const want[] = {
	    "index.html",  "404.html",        "zh/index.html",   "en/404.html",      "zh/200.html",
	    "en/4xx.html", "zh/vendors.html", "en/rfcs.html",    "zh/rfc-9110.html", "en/iana.html",
	    "codes.json",  "api/404.json",    "search-index.js", "style.css",        "search.js",
	    "favicon.svg", "sitemap.xml",     ".nojekyll",       ".statusgen",
	};
	size_t i, len;

	capture();
	cr_assert_eq(site_build(c, &o), 0, "%s", captured());
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		cr_expect(exists(out, want[i]), "%s was written", want[i]);
	{
		char *p = path_join(out, "sitemap.xml");
		cr_assert_eq(file_read(p, 1 << 20, &sitemap, &len), 0);
		free(p);
	}
	cr_expect(strstr(sitemap, "<loc>https://example.org/s/zh/404.html</loc>") != NULL);
	cr_expect(strstr(sitemap, "404.html</loc>") != NULL);
	free(sitemap);
	rm_rf(d);
	free(out);
	free(d);
	corpus_free(c);
}

Test(site, a_broken_template_writes_nothing)
{
	struct corpus *c = small_corpus();
	char *d = scratch_dir(), *out = path_join(d, "site"), *t = path_join(d, "templates");
	struct build_options o = options(out);
	char **names = NULL;
	int i, n;

	/* The project's templates, with an element of code.html left open. */
	mkdir_p(t);
	n = dir_list("templates", &names);
	for (i = 0; i < n; i++) {
		char *src = path_join("templates", names[i]), *dst = path_join(t, names[i]), *data,
		     *end;
		size_t len;
		cr_assert_eq(file_read(src, 1 << 20, &data, &len), 0);
		if (strcmp(names[i], "code.html") == 0 && (end = strstr(data, "</main>")) != NULL)
			memcpy(end, "<main >", 7);
		cr_assert_eq(file_write(dst, data, len), 0);
		free(data);
		free(src);
		free(dst);
		free(names[i]);
	}
	free(names);
	o.templates = t;
	capture();
	cr_expect_eq(site_build(c, &o), 1);
	cr_expect(strstr(captured(), "code.html") != NULL, "%s", captured());
	cr_expect(!exists(d, "site"), "nothing was written");
	rm_rf(d);
	free(t);
	free(out);
	free(d);
	corpus_free(c);
}
