#include <criterion/criterion.h>

#include "helpers.h"

/* Returns the columns (comma-separated) warned on for one line of zh text. */
static const char *
columns(const char *line)
{
	static char out[256];
	struct meaning *m = meaning_new("content/404.md", "404");
	char *text = xasprintf(
	    "<!-- lang: zh -->\n%s\n<!-- lang: en -->\nEnglish404 is never checked\n", line);
	const char *got, *p;
	size_t n = 0;

	capture();
	zh_spacing_check(m, text, strlen(text), 1);
	got = captured();
	out[0] = '\0';
	for (p = got; (p = strstr(p, "content/404.md:2:")) != NULL; p++) {
		int col = atoi(p + strlen("content/404.md:2:"));
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%d", n ? "," : "", col);
	}
	meaning_free(m);
	free(text);
	return out;
}

Test(zhspace, boundaries_between_chinese_and_latin_text)
{
	static const struct {
		const char *line, *want;
	} cases[] = {
	    {"返回 404 时，用 `curl -v` 看", ""},
	    {"返回404时", "3,6"},
	    {"用`curl`看", "2,8"},
	    {"见[200](200.md)说明", "2,15"},
	    {"见 [子状态码](403-iis.md) 说明", ""}, /* the link's own Chinese text */
	    {"按照[MS-WDV]，服务器", ""},           /* brackets, not a link */
	    {"（IIS）和“Not Found”", ""},           /* full-width punctuation */
	    {"15% 的请求", ""},
	    {"见 https://example.org/a_b-c 说明", ""}, /* an address is not text */
	    {"<!-- 注释404 -->正文", ""},
	    {"中文abc中文", "3,6"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		cr_expect_str_eq(columns(cases[i].line), cases[i].want, "'%s'", cases[i].line);
}

Test(zhspace, code_blocks_and_the_english_section_are_left_out)
{
	struct meaning *m = meaning_new("content/404.md", "404");
	const char *text = "<!-- lang: zh -->\n```\n中文404\n```\n<!-- lang: en -->\n中文404\n";

	capture();
	zh_spacing_check(m, text, strlen(text), 1);
	cr_expect_str_eq(captured(), "");
	meaning_free(m);
}
