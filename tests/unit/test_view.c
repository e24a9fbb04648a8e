#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

static json_t *strings;

static struct view
view_of(const struct corpus *c)
{
	struct view v = {c, NULL, {0}, NULL};
	size_t i;

	if (strings == NULL)
		strings = json_load_file("templates/strings.json", 0, NULL);
	cr_assert_not_null(strings);
	v.strings = strings;
	for (i = 0; i < c->nm; i++)
		v.has_class[c->m[i]->klass] = 1;
	return v;
}

/* The text at a dotted path of a view model ("meanings.1.title"), or NULL. */
static const char *
at(json_t *j, const char *path)
{
	char *p = xstrdup(path), *part, *save = NULL;
	const char *s;

	for (part = strtok_r(p, ".", &save); part && j; part = strtok_r(NULL, ".", &save))
		j = json_is_array(j) ? json_array_get(j, strtoul(part, NULL, 10))
		                     : json_object_get(j, part);
	free(p);
	s = json_string_value(j);
	return s;
}

Test(view, a_number_with_two_meanings)
{
	struct corpus *c = small_corpus();
	struct view v = view_of(c);
	json_t *p = view_code(&v, LANG_EN, 1);

	cr_expect_str_eq(at(p, "title"), "404 Not Found");
	{
		json_t *zh = view_code(&v, LANG_ZH, 1);
		cr_expect_str_eq(at(zh, "title"), "404 Not Found 未找到",
		                 "the wire's phrase on Chinese pages");
		cr_expect_str_eq(at(zh, "reason"), "Not Found");
		json_decref(zh);
	}
	cr_expect_str_eq(at(p, "headline"), "Not Found");
	cr_expect_str_eq(at(p, "self"), "../en/404.html");
	cr_expect_str_eq(at(p, "alts.0.href"), "../zh/404.html", "the switch: 简体 first");
	cr_expect_str_eq(at(p, "alts.1.href"), "../zh-hant/404.html", "then 繁體");
	cr_expect_str_eq(at(p, "alts.1.html_lang"), "zh-Hant");
	cr_expect_null(json_array_get(json_object_get(p, "alts"), 2), "not the page's own edition");
	cr_expect(json_is_true(json_object_get(p, "multi")));
	cr_expect_str_eq(at(p, "meanings.0.anchor"), "iana");
	cr_expect_str_eq(at(p, "meanings.1.anchor"), "acme");
	cr_expect_str_eq(at(p, "meanings.1.conflict"), "404 Not Found");
	cr_expect_str_eq(at(p, "meanings.1.conflict_href"), "404.html");
	cr_expect_str_eq(at(p, "meanings.1.vendor"), "Acme <Corp>",
	                 "text is escaped later, by the template");
	cr_expect_str_eq(at(p, "meanings.0.constants.1.name"), "Rust");
	cr_expect_str_eq(at(p, "meanings.0.see_also.0.href"), "200.html");
	cr_expect_str_eq(at(p, "meanings.1.subcodes.0.code"), "404.1");
	cr_expect_str_eq(at(p, "meanings.1.subcodes.0.href"), "#404.1");
	cr_expect_str_eq(at(p, "which_heading"), "Which 404 is yours?");
	cr_expect_str_eq(at(p, "top.summary"), "Not there.", "the leading meaning's summary first");
	cr_expect_str_eq(at(p, "toc.1.href"), "#acme");
	cr_expect_str_eq(at(p, "toc.0.sections.0.href"), "#iana-1");
	cr_expect_str_eq(at(p, "prev.href"), "200.html");
	cr_expect(json_is_null(json_object_get(p, "next")));
	json_decref(p);
	corpus_free(c);
}

Test(view, the_home_page_at_the_root_links_into_the_language_folder)
{
	struct corpus *c = small_corpus();
	struct view v = view_of(c);
	json_t *p = view_home(&v, LANG_ZH, 1), *in = view_home(&v, LANG_ZH, 0);

	cr_expect_str_eq(at(p, "css"), "style.css");
	cr_expect_str_eq(at(p, "nav.vendors"), "zh/vendors.html");
	cr_expect_str_eq(at(p, "groups.1.items.0.href"), "zh/404.html");
	cr_expect_str_eq(at(p, "groups.1.items.0.label"), "+ Acme <Corp>");
	cr_expect_str_eq(at(p, "groups.1.href"), "zh/4xx.html");
	cr_expect_null(at(in, "css"), "a page in the folder takes the shared chrome");
	cr_expect_str_eq(at(in, "groups.1.items.0.href"), "404.html");
	json_decref(p);
	json_decref(in);
	corpus_free(c);
}

Test(view, vendor_and_rfc_indexes)
{
	struct corpus *c = small_corpus();
	struct view v = view_of(c);
	json_t *vendors = view_vendors(&v, LANG_EN), *rfcs = view_rfcs(&v, LANG_EN);

	cr_expect_eq(json_array_size(vendors), 2, "one vendor page, then the index");
	cr_expect_str_eq(at(vendors, "0.file"), "vendor-acme-corp.html");
	cr_expect_str_eq(at(vendors, "0.page.groups.0.items.0.href"), "404.html#acme");
	cr_expect_str_eq(at(vendors, "1.file"), "vendors.html");
	cr_expect_str_eq(at(rfcs, "0.file"), "rfc-9110.html");
	cr_expect_str_eq(at(rfcs, "0.page.groups.0.href"),
	                 "https://www.rfc-editor.org/rfc/rfc9110.html");
	cr_expect_str_eq(at(rfcs, "0.page.groups.0.items.1.label"), "RFC 9110, Section 15.5.5");
	json_decref(vendors);
	json_decref(rfcs);
	corpus_free(c);
}

Test(view, the_registry_page_links_assigned_codes)
{
	struct corpus *c = small_corpus();
	struct view v = view_of(c);
	json_t *p = view_registry(&v, LANG_ZH);

	cr_expect_str_eq(at(p, "records.0.value"), "100–103");
	cr_expect(
	    json_is_null(json_object_get(json_array_get(json_object_get(p, "records"), 2), "href")),
	    "an unassigned range has no page");
	cr_expect_str_eq(at(p, "records.5.href"), "404.html");
	cr_expect_str_eq(at(p, "records.5.refs.0.href"),
	                 "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5");
	cr_expect_str_eq(at(p, "updated"), c->reg->updated);
	json_decref(p);
	corpus_free(c);
}
