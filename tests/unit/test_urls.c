#include <criterion/criterion.h>

#include "helpers.h"

/* Every link the site makes comes from urls.c: one table of cases. */
Test(urls, links_of_meanings_numbers_and_classes)
{
	struct meaning *iana = meaning_new("content/404.md", "404");
	struct meaning *vendor = meaning_new("content/499-nginx.md", "499-nginx");
	struct {
		char *got;
		const char *want;
	} cases[] = {
	    {url_meaning("", iana), "404.html"},
	    {url_meaning("zh/", iana), "zh/404.html"},
	    {url_meaning("", vendor), "499.html#nginx"},
	    {url_meaning("en/", vendor), "en/499.html#nginx"},
	    {url_number("", 7), "007.html"},
	    {url_number("../", 404), "../404.html"},
	    {url_class_page("", CLASS_CLIENT_ERROR), "4xx.html"},
	    {url_class_page("zh/", CLASS_NONSTANDARD), "zh/nonstandard.html"},
	    {url_section_id(iana, "meaning"), "iana-meaning"},
	    {url_section_id(vendor, "2"), "nginx-2"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cr_expect_str_eq(cases[i].got, cases[i].want);
		free(cases[i].got);
	}
	cr_expect_str_eq(url_anchor(iana), "iana");
	cr_expect_str_eq(url_anchor(vendor), "nginx");
	meaning_free(iana);
	meaning_free(vendor);
}

Test(urls, rfc_sections_appendices_and_drafts)
{
	struct {
		char *got;
		const char *want;
	} cases[] = {
	    {url_rfc(9110, NULL), "https://www.rfc-editor.org/rfc/rfc9110.html"},
	    {url_rfc(9110, "15.5.5"), "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"},
	    {url_rfc(2324, "A"), "https://www.rfc-editor.org/rfc/rfc2324.html#appendix-A"},
	    {url_draft("draft-ietf-httpbis-resumable-upload-05"),
	     "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-resumable-upload-05"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cr_expect_str_eq(cases[i].got, cases[i].want);
		free(cases[i].got);
	}
}

Test(urls, a_reference_gets_its_address_and_text)
{
	struct ref r = {REF_RFC, 9110, xstrdup("15.5.5"), NULL, NULL, NULL, {0, 0}};
	struct ref a = {REF_RFC, 2324, xstrdup("A"), NULL, NULL, NULL, {0, 0}};
	struct ref d = {REF_DRAFT, 0, NULL, xstrdup("draft-x"), NULL, NULL, {0, 0}};

	url_resolve_ref(&r);
	url_resolve_ref(&a);
	url_resolve_ref(&d);
	cr_expect_str_eq(r.text, "RFC 9110, Section 15.5.5");
	cr_expect_str_eq(a.text, "RFC 2324, Appendix A");
	cr_expect_str_eq(a.url, "https://www.rfc-editor.org/rfc/rfc2324.html#appendix-A");
	cr_expect_str_eq(d.text, "draft-x");
	cr_expect_str_eq(d.url, "https://datatracker.ietf.org/doc/html/draft-x");
	free(r.section), free(r.url), free(r.text);
	free(a.section), free(a.url), free(a.text);
	free(d.draft), free(d.url), free(d.text);
}

/* The names the site gives its own pages and ids, which content may not take
 * (hostile input, class 5). */
Test(urls, names_the_site_uses_itself_are_taken)
{
	char *page = url_vendor_page("A.B");

	cr_expect_str_eq(page, "vendor-a-b.html");
	free(page);
	cr_expect_not_null(url_page_taken("nonstandard"));
	cr_expect_not_null(url_page_taken("vendor-nginx"));
	cr_expect_not_null(url_page_taken("rfc-9110"));
	cr_expect_not_null(url_page_taken("index"));
	cr_expect_null(url_page_taken("guide"));
	cr_expect_null(url_page_taken("vendors-guide"));
	cr_expect_not_null(url_anchor_taken("main"));
	cr_expect_not_null(url_anchor_taken("iana"));
	cr_expect_not_null(url_anchor_taken("vendor"));
	cr_expect_null(url_anchor_taken("nginx"));
}
