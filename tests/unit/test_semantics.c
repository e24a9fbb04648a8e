#include <criterion/criterion.h>

#include "helpers.h"

/* The front matter of an IANA meaning of `code`, `semantics` replaced. */
static struct meaning *
parse(int code, const char *semantics)
{
	char *id = xasprintf("%03d", code), *path = xasprintf("content/%s.md", id);
	char *yaml = xasprintf("code: %d\nclass: %s\nregistry: iana\n"
	                       "title: {en: T, zh: 标题}\nsummary: {en: S, zh: 摘要}\n"
	                       "references: [{rfc: 9110}]\n%s",
	                       code, class_name[class_of_code(code)], semantics);
	struct meaning *m = meaning_new(path, id);

	capture();
	fm_parse(m, yaml, strlen(yaml), 2);
	free(yaml);
	free(path);
	free(id);
	return m;
}

#define SOURCES                                                                                    \
	"  sources:\n    heuristically_cacheable: \"RFC 9110, Section 15.1\"\n"                    \
	"    content: \"RFC 9110, Section 6.4.1\"\n    introduced: \"RFC 1945\"\n"                 \
	"    headers: \"RFC 9110, Section 15.5.2\"\n"

Test(semantics, reads_every_fact)
{
	struct meaning *m =
	    parse(301, "semantics:\n  heuristically_cacheable: true\n  content: allowed\n"
	               "  redirect: {permanent: true, method: post-may-become-get}\n"
	               "  introduced: {rfc: 1945, year: 1996}\n"
	               "  headers:\n    - {name: Location, level: should}\n"
	               "    - {name: Retry-After, level: may, when: {en: if it will pass, zh: "
	               "暂时的}}\n" SOURCES "    redirect: \"RFC 9110, Section 15.4.2\"\n"
	               "  disputed: {en: It was once otherwise., zh: 从前不是这样。}\n"
	               "use-when: {en: It moved for good., zh: 永久搬走了。}\n");

	cr_expect_str_eq(captured(), "");
	cr_assert_not_null(m->sem);
	cr_expect(m->sem->cacheable);
	cr_expect_eq(m->sem->content, SEM_ALLOWED);
	cr_expect(m->sem->redirect && m->sem->permanent);
	cr_expect_eq(m->sem->method, SEM_POST_MAY_BECOME_GET);
	cr_expect_eq(m->sem->rfc, 1945);
	cr_expect_null(m->sem->draft);
	cr_expect_eq(m->sem->year, 1996);
	cr_expect_eq(m->sem->nheaders, 2);
	cr_expect_str_eq(m->sem->headers[1].name, "Retry-After");
	cr_expect_eq(m->sem->headers[1].level, SEM_MAY);
	cr_expect_str_eq(m->sem->headers[1].when[LANG_ZH], "暂时的");
	cr_expect_null(m->sem->headers[0].when[LANG_EN]);
	cr_expect_str_eq(m->sem->source[SEM_REDIRECT], "RFC 9110, Section 15.4.2");
	cr_expect_str_eq(m->sem->disputed[LANG_EN], "It was once otherwise.");
	cr_expect_str_eq(m->use_when[LANG_ZH], "永久搬走了。");
	meaning_free(m);
}

/* Each rule: a code, its semantics, and what is reported (file:line:col),
 * one diagnostic, unless the case says how many follow from its mistakes. */
Test(semantics, each_rule_reported_at_its_position)
{
	static const struct {
		int code;
		const char *semantics, *want;
		int more; /* other diagnostics the same text deserves */
	} cases[] = {
	    /* fine as it is */
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 1996}\n  headers: []\n" SOURCES,
	     "", 0},
	    {104,
	     "semantics:\n  heuristically_cacheable: false\n  content: forbidden\n  redirect: ~\n"
	     "  introduced: {draft: draft-ietf-httpbis-resumable-upload-00, year: 2022}\n"
	     "  headers: []\n" SOURCES,
	     "", 0},
	    /* every IANA meaning has it */
	    {404, "", "content/404.md:4:11: error: 'registry: iana' needs 'semantics'", 0},
	    /* content is fixed by the number */
	    {204,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 2068, year: 1997}\n  headers: []\n" SOURCES,
	     "content/204.md:10:12: error: 'content' of 204 must be 'forbidden'", 0},
	    {200,
	     "semantics:\n  heuristically_cacheable: true\n  content: forbidden\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 1996}\n  headers: []\n" SOURCES,
	     "content/200.md:10:12: error: 'content' of 200 must be 'allowed'", 0},
	    {100,
	     "semantics:\n  heuristically_cacheable: true\n  content: forbidden\n  redirect: null\n"
	     "  introduced: {rfc: 2068, year: 1997}\n  headers: []\n" SOURCES,
	     "content/100.md:9:28: error: an interim 1xx response is never cached", 0},
	    /* RFC 9110's heuristically cacheable codes */
	    {410,
	     "semantics:\n  heuristically_cacheable: false\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 2068, year: 1997}\n  headers: []\n" SOURCES,
	     "content/410.md:9:28: error: RFC 9110, Section 15.1 names 410 heuristically "
	     "cacheable",
	     0},
	    /* redirects: only on 3xx, and on each of the five followed ones */
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n"
	     "  redirect: {permanent: false, method: preserved}\n"
	     "  introduced: {rfc: 1945, year: 1996}\n  headers: []\n" SOURCES
	     "    redirect: \"RFC 9110\"\n",
	     "content/404.md:11:13: error: 'redirect' is for 3xx codes, not 404", 0},
	    {307,
	     "semantics:\n  heuristically_cacheable: false\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 2616, year: 1999}\n  headers: []\n" SOURCES,
	     "content/307.md:11:13: error: user agents follow 307 to its Location", 0},
	    {300,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n"
	     "  redirect: {permanent: false, method: preserved}\n"
	     "  introduced: {rfc: 1945, year: 1996}\n  headers: []\n" SOURCES
	     "    redirect: \"RFC 9110\"\n",
	     "content/300.md:11:13: error: user agents do not follow 300 by themselves", 0},
	    {308,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n"
	     "  redirect: {permanent: yes, method: kept}\n"
	     "  introduced: {rfc: 7538, year: 2015}\n  headers: []\n" SOURCES
	     "    redirect: \"RFC 9110\"\n",
	     "content/308.md:11:25: error: 'redirect.permanent' must be true or false, not 'yes'",
	     0},
	    {303,
	     "semantics:\n  heuristically_cacheable: false\n  content: allowed\n"
	     "  redirect: {permanent: false, method: becomes-get}\n"
	     "  introduced: {rfc: 2068, year: 1997}\n  headers: []\n" SOURCES,
	     "content/303.md:11:13: error: 'sources' has no 'redirect'", 0},
	    /* introduced: one document, a plausible year */
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 2016}\n  headers: []\n" SOURCES,
	     "content/404.md:12:33: error: 'introduced.year' 2016 cannot be right: RFC 1945 "
	     "appeared in 1996",
	     0},
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, draft: draft-x, year: 1996}\n  headers: []\n" SOURCES,
	     "content/404.md:12:15: error: 'introduced' needs one of 'rfc' and 'draft'", 0},
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 791, year: 1981}\n  headers: []\n" SOURCES,
	     "content/404.md:12:21: error: 'introduced.rfc' is 791, older than HTTP's first RFC",
	     1 /* and the year 1981 */},
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {draft: draft-x, year: 2999}\n  headers: []\n" SOURCES,
	     "content/404.md:12:38: error: 'introduced.year' 2999 is not between 1990 and", 0},
	    /* headers: tokens, levels, once each */
	    {401,
	     "semantics:\n  heuristically_cacheable: false\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 1996}\n"
	     "  headers: [{name: WWW-Authenticate, level: required}]\n" SOURCES,
	     "content/401.md:13:45: error: 'level' must be must, should or may, not 'required'", 0},
	    {401,
	     "semantics:\n  heuristically_cacheable: false\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 1996}\n"
	     "  headers: [{name: \"WWW Authenticate\", level: must}]\n" SOURCES,
	     "content/401.md:13:20: error: 'WWW Authenticate' is not a header field name", 0},
	    {405,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 2068, year: 1997}\n"
	     "  headers: [{name: Allow, level: must}, {name: allow, level: may}]\n" SOURCES,
	     "content/405.md:13:48: error: header 'allow' is listed twice", 0},
	    /* every fact is sourced; the key's own shape */
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 1996}\n  headers: []\n"
	     "  sources: {content: \"RFC 9110, Section 6.4.1\"}\n",
	     "content/404.md:9:28: error: 'sources' has no 'heuristically_cacheable'",
	     2 /* and none for introduced and headers */},
	    {404,
	     "semantics:\n  heuristically_cacheable: true\n  content: allowed\n  redirect: null\n"
	     "  introduced: {rfc: 1945, year: 1996}\n" SOURCES,
	     "content/404.md:8:1: error: 'semantics' has no 'headers'", 0},
	    {404, "semantics:\n  cacheable: true\n",
	     "content/404.md:9:3: error: unknown key 'cacheable' in 'semantics'", 0},
	    {404, "semantics: yes\n", "content/404.md:8:12: error: 'semantics' must be a mapping",
	     0},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct meaning *m = parse(cases[i].code, cases[i].semantics);
		const char *got = captured();
		if (cases[i].want[0] == '\0')
			cr_expect_str_eq(got, "", "case %zu", i);
		else
			cr_expect(strstr(got, cases[i].want) != NULL,
			          "case %zu: want '%s'\ngot: %s", i, cases[i].want, got);
		meaning_free(m);
	}
}

Test(semantics, content_forbidden_by_the_number)
{
	static const int forbidden[] = {100, 101, 103, 199, 204, 205, 304};
	static const int allowed[] = {200, 201, 206, 300, 301, 404, 500, 599};
	size_t i;

	for (i = 0; i < sizeof(forbidden) / sizeof(forbidden[0]); i++)
		cr_expect(sem_content_forbidden(forbidden[i]), "%d", forbidden[i]);
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		cr_expect(!sem_content_forbidden(allowed[i]), "%d", allowed[i]);
}
