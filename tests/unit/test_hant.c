#include <criterion/criterion.h>
#include <opencc.h>
#include <unistd.h>

#include "helpers.h"

/* The phrase table's reason to be: the words the issue names, which
 * OpenCC's own s2twp leaves in mainland usage, come out as Taiwanese
 * documentation writes them. */
Test(hant, the_phrase_table_gives_taiwan_usage_where_s2twp_does_not)
{
	static const char *const cases[][3] = {
	    /* Simplified, ours, s2twp alone */
	    {"网关超时", "閘道逾時", "閘道器超時"},
	    {"响应", "回應", "響應"},
	    {"首部", "標頭", "首部"},
	    {"重定向", "重新導向", "重定向"},
	    {"客户端", "用戶端", "客戶端"},
	    {"协议", "協定", "協議"},
	    {"“缓存”", "「快取」", "“快取”"},
	};
	struct zhconv *z = opened_zhconv();
	opencc_t plain = opencc_open("s2twp.json");
	size_t i, n = sizeof(cases) / sizeof(cases[0]);

	cr_assert(plain != (opencc_t)-1, "OpenCC's s2twp.json");
	for (i = 0; i < n; i++) {
		const char *in = cases[i][0];
		char **ours = zhconv_texts(z, &in, 1, 0);
		char *theirs = opencc_convert_utf8(plain, in, strlen(in));
		cr_expect_str_eq(ours[0], cases[i][1], "%s", in);
		cr_expect_str_eq(theirs, cases[i][2], "s2twp alone on %s", in);
		free(ours[0]);
		free(ours);
		opencc_convert_utf8_free(theirs);
	}
	opencc_close(plain);
	zhconv_close(z);
}

/* The edition's text is made from zh: titles, aliases, summaries,
 * sub-status codes and bodies; English and code stay as they were. */
Test(hant, every_zh_text_gets_its_zh_hant_form)
{
	struct corpus *c = small_corpus();
	struct zhconv *z = opened_zhconv();
	const struct meaning *m404 = c->m[1], *acme = c->m[2];

	hant_derive(c, z);
	cr_expect_str_eq(m404->title[LANG_ZH_HANT], "找不到", "our table: 未找到 → 找不到");
	cr_expect_str_eq(m404->aliases[LANG_ZH_HANT][0], "頁面不存在");
	cr_expect_eq(m404->naliases[LANG_ZH_HANT], 1);
	cr_expect_str_eq(acme->title[LANG_ZH_HANT], "釣魚去了");
	cr_expect_str_eq(acme->summary[LANG_ZH_HANT], "阿克米。");
	cr_expect_str_eq(acme->subs[0].text[LANG_ZH_HANT], "一");
	cr_expect(strstr(m404->html[LANG_ZH_HANT], "見 <a href=") != NULL, "%s",
	          m404->html[LANG_ZH_HANT]);
	cr_expect_eq(m404->nsections[LANG_ZH_HANT], m404->nsections[LANG_ZH]);
	cr_expect_str_eq(m404->sections[LANG_ZH_HANT][0].text, "含義");
	cr_expect_str_eq(m404->sections[LANG_ZH_HANT][0].id, m404->sections[LANG_ZH][0].id,
	                 "anchors are the same in every edition");
	cr_expect_str_eq(m404->title[LANG_EN], "Not Found");
	cr_expect_not(zhconv_failed(z));
	zhconv_close(z);
	corpus_free(c);
}

/* Writes a phrase table into a new folder; returns the folder. */
static char *
table(const char *rows)
{
	char *d = scratch_dir(), *p = path_join(d, "http-zh-tw.txt");

	cr_assert_eq(file_write(p, rows, strlen(rows)), 0);
	free(p);
	return d;
}

/* `statusgen check` warns at each entry nothing in the content needs: a
 * Simplified key found nowhere; a Traditional key (met after OpenCC's first
 * step) whose Simplified form is nowhere and which no used entry makes.
 * Punctuation rows are a rule of style, never reported. */
Test(hant, a_phrase_table_entry_that_never_matches_is_reported)
{
	struct corpus *c = small_corpus();
	char *d = table("未找到\t未找到\n钓鱼\t釣魚\n云平台\t雲端平台\n‘\t『\n"
	                "\n頁面\t頁面\n釣魚去\t釣魚去\n雲端平台\t雲端平台\n網域名稱\t網域名稱\n");
	const char *out;

	capture();
	hant_check_table(c, d);
	out = captured();
	cr_expect(strstr(out, "http-zh-tw.txt:3:1: warning: '云平台' occurs nowhere") != NULL, "%s",
	          out);
	cr_expect(strstr(out, ":9:1: warning: '網域名稱' occurs nowhere") != NULL, "%s", out);
	cr_expect(strstr(out, ":8:1: warning: '雲端平台'") != NULL,
	          "made only by an unused entry: %s", out);
	cr_expect(strstr(out, "'未找到'") == NULL && strstr(out, "'钓鱼'") == NULL, "%s", out);
	cr_expect(strstr(out, "'頁面'") == NULL, "页面 is an alias: %s", out);
	cr_expect(strstr(out, "'釣魚去'") == NULL, "钓鱼去 is in a title: %s", out);
	cr_expect(strstr(out, "'‘'") == NULL, "punctuation: %s", out);
	cr_expect_eq(diag_count(DIAG_WARNING), 3, "%s", out);
	rm_rf(d);
	free(d);
	corpus_free(c);
}

/* No table (a check run outside the repository): nothing to say. */
Test(hant, no_phrase_table_no_warning)
{
	struct corpus *c = small_corpus();

	capture();
	hant_check_table(c, "tests/no-such-folder");
	cr_expect_str_eq(captured(), "");
	corpus_free(c);
}
