#include <criterion/criterion.h>

#include "helpers.h"

static struct meaning *
parse(const char *path, const char *id, const char *yaml)
{
	struct meaning *m = meaning_for(path, id);
	capture();
	fm_parse(m, yaml, strlen(yaml), 2);
	return m;
}

Test(frontmatter, reads_every_key_of_a_full_file)
{
	struct meaning *m = parse("content/404.md", "404",
	                          "code: 404\n"
	                          "class: client-error\n"
	                          "registry: iana\n"
	                          "title:\n  en: Not Found\n  zh: 未找到\n"
	                          "summary:\n  en: Nothing here.\n  zh: 这里没有。\n"
	                          "aliases:\n  en: [File Not Found]\n  zh: [页面不存在]\n"
	                          "references:\n  - rfc: 9110\n    section: \"15.5.5\"\n"
	                          "  - url: https://example.org/x\n    text: Example\n"
	                          "see-also: [410, 499-nginx]\n"
	                          "constants:\n  python: http.HTTPStatus.NOT_FOUND\n  go: "
	                          "http.StatusNotFound\n" SEM_CACHEABLE);

	cr_expect_str_eq(captured(), "");
	cr_expect(m->ok);
	cr_expect_eq(m->klass, CLASS_CLIENT_ERROR);
	cr_expect_eq(m->registry, REG_IANA);
	cr_expect_str_eq(m->title[LANG_EN], "Not Found");
	cr_expect_str_eq(m->title[LANG_ZH], "未找到");
	cr_expect_eq(m->pos_title_en.line, 6, "title.en is on file line 6");
	cr_expect_eq(m->pos_title_en.col, 7);
	cr_expect_eq(m->naliases[LANG_EN], 1);
	cr_expect_str_eq(m->aliases[LANG_ZH][0], "页面不存在");
	cr_expect_eq(m->nrefs, 2);
	cr_expect_eq(m->refs[0].kind, REF_RFC);
	cr_expect_eq(m->refs[0].rfc, 9110);
	cr_expect_str_eq(m->refs[0].section, "15.5.5");
	cr_expect_eq(m->refs[1].kind, REF_URL);
	cr_expect_eq(m->nsee, 2);
	cr_expect_str_eq(m->see[1].id, "499-nginx");
	cr_expect_eq(m->nconsts, 2);
	cr_expect_str_eq(m->consts[0].lang, "go", "constants are sorted");
	meaning_free(m);
}

Test(frontmatter, reports_every_mistake_with_its_position)
{
	struct meaning *m = parse("content/404.md", "404",
	                          "code: 405\n"
	                          "class: success\n"
	                          "registry: ians\n"
	                          "tittle: x\n"
	                          "title:\n  en: Not Found\n"
	                          "see-also: [../etc/passwd]\n");

	cr_expect_str_eq(
	    captured(),
	    "content/404.md:1:1: error: missing required key 'summary'\n"
	    "content/404.md:2:7: error: code 405 does not match the file name (404)\n"
	    "content/404.md:3:8: error: class 'success' does not agree with code 404, "
	    "which is 'client-error'\n"
	    "content/404.md:4:11: error: 'registry' must be iana, vendor or unofficial, "
	    "not 'ians'\n"
	    "content/404.md:5:1: error: unknown key 'tittle'\n"
	    "content/404.md:6:1: error: 'title' has no 'zh'\n"
	    "content/404.md:8:12: error: '../etc/passwd' is not a code id (three digits, "
	    "optionally '-vendor', e.g. 410 or 499-nginx)\n");
	cr_expect_not(m->ok);
	meaning_free(m);
}

Test(frontmatter, refuses_anchors_aliases_and_tags)
{
	struct meaning *m = parse("content/404.md", "404",
	                          "code: 404\n"
	                          "title: &t\n  en: A\n  zh: B\n"
	                          "summary: *t\n"
	                          "class: !!str client-error\n");
	const char *out = captured();

	cr_expect(strstr(out, "content/404.md:3:8: error: YAML anchors ('&t') are not allowed") !=
	              NULL,
	          "%s", out);
	cr_expect(strstr(out, "content/404.md:6:10: error: YAML aliases ('*t') are not allowed") !=
	              NULL,
	          "%s", out);
	cr_expect(strstr(out, "YAML tags") != NULL, "%s", out);
	cr_expect_not(m->ok);
	meaning_free(m);
}

Test(frontmatter, reports_yaml_syntax_errors_at_their_line)
{
	struct meaning *m =
	    parse("content/404.md", "404", "code: 404\ntitle: [unclosed\nclass: x\n");
	const char *out = captured();

	cr_expect(strncmp(out, "content/404.md:", 15) == 0, "%s", out);
	cr_expect(strstr(out, "error: YAML:") != NULL, "%s", out);
	cr_expect_eq(diag_count(DIAG_ERROR), 1);
	meaning_free(m);
}

Test(frontmatter, refuses_deep_nesting)
{
	struct meaning *m = parse("content/404.md", "404", "code: [[[[[[[[[[[[1]]]]]]]]]]]]\n");

	cr_expect(strstr(captured(), "nested deeper than") != NULL, "%s", captured());
	meaning_free(m);
}

Test(frontmatter, status_needs_a_note_and_vendor_needs_a_name)
{
	struct meaning *m =
	    parse("content/499-x.md", "499-x",
	          "code: 499\nclass: client-error\nregistry: vendor\n"
	          "title: {en: A, zh: B}\nsummary: {en: A, zh: B}\nstatus: deprecated\n");
	const char *out = captured();

	cr_expect(strstr(out, "4:11: error: 'registry: vendor' needs 'vendor'") != NULL, "%s", out);
	cr_expect(strstr(out, "7:1: error: 'status: deprecated' needs a 'note'") != NULL, "%s",
	          out);
	meaning_free(m);
}

Test(frontmatter, subcodes_must_belong_to_the_code)
{
	struct meaning *m = parse(
	    "content/403-iis.md", "403-iis",
	    "subcodes:\n"
	    "  - code: \"403.14\"\n    en: Directory listing denied.\n    zh: 禁止列出目录。\n"
	    "  - code: \"404.1\"\n    en: x\n    zh: y\n");
	const char *out = captured();

	cr_expect_eq(m->nsubs, 1);
	cr_expect_str_eq(m->subs[0].code, "403.14");
	cr_expect(strstr(out, "sub-status code '404.1' must be 403. followed by digits") != NULL,
	          "%s", out);
	meaning_free(m);
}

/* Contributors write zh and en; a Traditional text of their own is refused
 * with the reason (the edition is made from zh). */
Test(frontmatter, a_zh_hant_text_is_not_written_by_hand)
{
	struct meaning *m = parse("content/499-x.md", "499-x",
	                          "code: 499\nclass: client-error\nregistry: unofficial\n"
	                          "title: {en: A, zh: 乙, zh-Hant: 乙}\nsummary: {en: A, zh: B}\n");
	const char *out = captured();

	cr_expect(strstr(out, "5:23: error: unknown key 'zh-Hant' in title; write 'zh' only: the "
	                      "Traditional Chinese edition (zh-Hant) is made from it") != NULL,
	          "%s", out);
	meaning_free(m);
}
