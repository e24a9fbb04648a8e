#include <criterion/criterion.h>

#include "helpers.h"

/* A corpus from in-memory files, checked against tests/e2e/iana-small.xml
 * (which assigns 104, 200, 404, 418 (Unused) and 510). */
struct file {
	const char *id, *front;
};

static struct corpus *
corpus_of(const struct file *f, size_t n)
{
	struct corpus *c = corpus_new("content");
	size_t i;

	for (i = 0; i < n; i++) {
		char *path = xasprintf("content/%s.md", f[i].id);
		char *text = xasprintf("---\n%s---\n", f[i].front);
		struct meaning *m = meaning_new(path, f[i].id);
		content_split(m, text, strlen(text));
		corpus_add(c, m);
		free(text);
		free(path);
	}
	corpus_sort(c);
	for (i = 0; i < CLASS__N; i++) { /* every class has its introduction */
		c->classes[i] = meaning_new("content/classes/x.md", class_slug[i]);
		c->classes[i]->is_class = 1;
	}
	cr_assert_eq(registry_load("tests/e2e/iana-small.xml", &c->reg), 0);
	return c;
}

#define T(en) "title: {en: " en ", zh: 标题}\nsummary: {en: s, zh: 摘要}\n"
#define IANA(code, cls, ref, sem)                                                                  \
	"code: " code "\nclass: " cls "\nregistry: iana\nreferences: [" ref "]\n" sem

#define UNUSED "status: unused\nnote: {en: n, zh: 注}\n"

static const struct file base[] = {
    {"104", IANA("104", "informational", "{draft: draft-ietf-httpbis-resumable-upload-05}",
                 SEM_INTERIM) T("Upload Resumption Supported")},
    {"200", IANA("200", "success", "{rfc: 9110, section: \"15.3.1\"}", SEM_CACHEABLE) T("OK")},
    {"404",
     IANA("404", "client-error", "{rfc: 9110, section: \"15.5.5\"}", SEM_CACHEABLE) T("Not Found")},
    {"418", IANA("418", "client-error", "{rfc: 9110, section: \"15.5.19\"}", SEM_PLAIN)
                UNUSED T("I'm a teapot")},
    {"510",
     IANA("510", "server-error", "{rfc: 2774, section: \"7\"}", SEM_PLAIN) T("Not Extended")},
};

/* Checks base with one file replaced or added; returns what was reported. */
static const char *
check_with(const struct file *extra, const char *today)
{
	struct file f[8];
	size_t n = 0, i;
	struct corpus *c;

	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		if (!extra || strcmp(base[i].id, extra->id) != 0)
			f[n++] = base[i];
	if (extra)
		f[n++] = *extra;
	capture();
	c = corpus_of(f, n);
	check_corpus(c, today);
	corpus_free(c);
	return captured();
}

Test(check, the_base_corpus_is_clean)
{
	cr_expect_str_eq(check_with(NULL, "2026-01-01"), "");
}

Test(check, the_rules_against_the_snapshot_and_across_files)
{
	static const struct {
		struct file f;
		const char *want;
	} cases[] = {
	    {{"404", IANA("404", "client-error", "{rfc: 9110, section: \"15.5.5\"}", SEM_CACHEABLE)
	                 T("Missing")},
	     "content/404.md:7:13: error: IANA calls 404 'Not Found', but title.en is 'Missing' "
	     "(if "
	     "IANA renamed it, keep the old name in 'aliases')\n"},
	    {{"404", IANA("404", "client-error", "{rfc: 9110}", SEM_CACHEABLE) T("Not Found")},
	     "content/404.md:5:1: error: IANA cites RFC 9110, section 15.5.5 for 404, but the "
	     "references lack it (add {rfc: 9110, section: \"15.5.5\"})\n"},
	    {{"299", IANA("299", "success", "{rfc: 1}", SEM_PLAIN) T("Made Up")},
	     "content/299.md:4:11: error: 'registry: iana', but IANA does not assign 299 (the "
	     "snapshot lists it as Unassigned)\n"},
	    {{"418", IANA("418", "client-error", "{rfc: 9110, section: \"15.5.19\"}", SEM_PLAIN)
	                 T("I'm a teapot")},
	     "content/418.md:1:1: error: IANA marks 418 '(Unused)': the file needs 'status: "
	     "unused' "
	     "and a 'note'\n"},
	    {{"404-acme",
	      "code: 404\nclass: client-error\nregistry: vendor\nvendor: Acme\n" T("Gone Fishing")},
	     "content/404-acme.md:4:11: note: 404-acme reuses 404, which IANA assigns to 'Not "
	     "Found'; the page shows the conflict\n"},
	    {{"200", "code: 200\nclass: success\nregistry: unofficial\n" T("OK")},
	     "content/200.md:4:11: error: IANA assigns 200 (OK): 200.md must be its IANA meaning "
	     "('registry: iana'); put this meaning in 200-VENDOR.md\n"},
	    {{"499-x",
	      "code: 499\nclass: client-error\nregistry: unofficial\nsee-also: [499-x, 498]\n" T(
	          "Self")},
	     "content/499-x.md:5:12: error: see-also names this file itself\n"
	     "content/499-x.md:5:19: error: see-also '498': there is no 498.md in the content "
	     "folder\n"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		cr_expect_str_eq(check_with(&cases[i].f, "2026-01-01"), cases[i].want,
		                 "case %zu: %s", i, captured());
}

Test(check, an_expired_temporary_registration_is_a_warning)
{
	cr_expect_str_eq(check_with(NULL, "2026-11-13"), "", "not on its last day");
	cr_expect_str_eq(check_with(NULL, "2026-11-14"),
	                 "tests/e2e/iana-small.xml:12: warning: the temporary registration of 104 "
	                 "expired on 2026-11-13 (today is 2026-11-14); fetch the current registry "
	                 "('make update-iana') to see what IANA decided\n");
}

Test(check, every_assigned_code_needs_its_page)
{
	static const struct file f[] = {
	    {"200",
	     IANA("200", "success", "{rfc: 9110, section: \"15.3.1\"}", SEM_CACHEABLE) T("OK")},
	};
	struct corpus *c;
	const char *got;

	capture();
	c = corpus_of(f, 1);
	check_corpus(c, "2026-01-01");
	got = captured();
	cr_expect(strstr(got, "IANA assigns 404 (Not Found), but the content folder has no 404.md "
	                      "('statusgen new 404' writes a skeleton)") != NULL,
	          "%s", got);
	cr_expect(strstr(got, "IANA assigns 510 (Not Extended (OBSOLETED))") != NULL);
	corpus_free(c);
}

Test(check, links_the_corpus)
{
	static const struct file f[] = {
	    {"404", IANA("404", "client-error", "{rfc: 9110, section: \"15.5.5\"}",
	                 SEM_CACHEABLE) "see-also: [200]\n" T("Not Found")},
	    {"200",
	     IANA("200", "success", "{rfc: 9110, section: \"15.3.1\"}", SEM_CACHEABLE) T("OK")},
	};
	struct corpus *c;

	capture();
	c = corpus_of(f, 2);
	check_corpus(c, "2026-01-01");
	cr_expect_eq(c->m[1]->see[0].target, c->m[0], "404's see-also points at 200");
	cr_assert_not_null(c->m[1]->iana);
	cr_expect_str_eq(c->m[1]->iana->description, "Not Found");
	corpus_free(c);
}

Test(check, one_lead_per_number_and_never_over_iana)
{
	static const struct file f[] = {
	    {"404-acme",
	     "code: 404\nclass: client-error\nregistry: vendor\nvendor: Acme\nlead: true\n" T("A")},
	    {"499-a", "code: 499\nclass: client-error\nregistry: unofficial\nlead: true\n" T("A")},
	    {"499-b", "code: 499\nclass: client-error\nregistry: unofficial\nlead: true\n" T("B")},
	    {"499-c", "code: 499\nclass: client-error\nregistry: unofficial\nlead: yes\n" T("C")},
	};
	struct file all[9];
	struct corpus *c;
	size_t n = 0, i;
	const char *got;

	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		all[n++] = base[i];
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		all[n++] = f[i];
	capture();
	c = corpus_of(all, n);
	check_corpus(c, "2026-01-01");
	got = captured();
	cr_expect(strstr(got, "content/404-acme.md:6:7: error: 'lead' is for one of several vendor "
	                      "meanings; IANA's meaning of 404 leads its page\n") != NULL,
	          "%s", got);
	cr_expect(strstr(got,
	                 "content/499-b.md:5:7: error: content/499-a.md already leads 499; only "
	                 "one meaning of a number may\n") != NULL,
	          "%s", got);
	cr_expect(
	    strstr(got, "content/499-c.md:5:7: error: 'lead' must be true or false, not 'yes'\n") !=
	        NULL,
	    "%s", got);
	corpus_free(c);
}
