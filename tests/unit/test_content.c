#include <criterion/criterion.h>

#include "helpers.h"

/* Splits `text` as content file content/404.md; the caller frees the result. */
static struct meaning *
split(const char *text)
{
	struct meaning *m = meaning_new("content/404.md", "404");
	char *data = xstrdup(text);

	content_split(m, data, strlen(text));
	free(data);
	return m;
}

static const char front[] = "code: 404\nclass: client-error\nregistry: iana\n" SEM_CACHEABLE
                            "title: {en: Not Found, zh: 未找到}\n"
                            "summary: {en: Not there., zh: 不在。}\n"
                            "references: [{rfc: 9110, section: \"15.5.5\"}]\n";

Test(content, splits_front_matter_and_body)
{
	char *text = xasprintf("---\n%s---\nBody line\n", front);
	struct meaning *m;

	capture();
	m = split(text);
	cr_expect_str_eq(captured(), "");
	cr_expect(m->ok);
	cr_expect_str_eq(m->title[LANG_EN], "Not Found");
	cr_expect_str_eq(m->body, "Body line\n");
	cr_expect_eq(m->body_line, 10, "the body starts on the line after the closing ---");
	cr_expect_str_eq(m->refs[0].url,
	                 "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5");
	meaning_free(m);
	free(text);
}

Test(content, a_byte_order_mark_and_crlf_line_ends_are_accepted)
{
	char *text = xasprintf("\xef\xbb\xbf---\r\n%s---\r\nBody\r\n", front);
	struct meaning *m;

	capture();
	m = split(text);
	cr_expect_str_eq(captured(), "");
	cr_expect(m->ok);
	cr_expect_str_eq(m->body, "Body\n");
	meaning_free(m);
	free(text);
}

/* Each mistake of the file's shape, with its position. */
Test(content, broken_files_are_reported_with_their_position)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
	    {"", "content/404.md:1:1: error: the file is empty\n"},
	    {"code: 404\n", "content/404.md:1:1: error: missing front matter: the file must start "
	                    "with a line '---'\n"},
	    {"---\ncode: 404\n", "content/404.md:1:1: error: front matter is not closed: no line "
	                         "'---' after the first\n"},
	    {"---\ntitle: x\xff\n---\n", "content/404.md:2:9: error: invalid UTF-8 (byte 0xff)\n"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct meaning *m;
		capture();
		m = split(cases[i].text);
		cr_expect_str_eq(captured(), cases[i].want, "case %zu", i);
		cr_expect_null(m->body, "case %zu: no body", i);
		meaning_free(m);
	}
}

Test(content, a_nul_byte_is_refused_at_its_position)
{
	struct meaning *m = meaning_new("content/404.md", "404");
	char data[] = "---\nab\0c\n---\n";

	capture();
	content_split(m, data, sizeof(data) - 1);
	cr_expect_str_eq(captured(), "content/404.md:2:3: error: NUL byte in the file\n");
	meaning_free(m);
}
