#include <criterion/criterion.h>

#include "helpers.h"

Test(util, utf8_valid_finds_the_first_bad_byte)
{
	size_t bad = 0;

	cr_expect(utf8_valid("plain ascii", 11, &bad));
	cr_expect(utf8_valid("中文 ok", strlen("中文 ok"), &bad));
	cr_expect(utf8_valid("\xf0\x9f\x98\x80", 4, &bad));
	cr_expect_not(utf8_valid("ab\xffz", 4, &bad));
	cr_expect_eq(bad, 2);
	cr_expect_not(utf8_valid("ab\0c", 4, &bad), "a NUL byte is refused");
	cr_expect_eq(bad, 2);
	cr_expect_not(utf8_valid("\xc0\xaf", 2, &bad), "overlong form");
	cr_expect_eq(bad, 0);
	cr_expect_not(utf8_valid("\xed\xa0\x80", 3, &bad), "surrogate");
	cr_expect_not(utf8_valid("x\xe4\xb8", 3, &bad), "truncated sequence");
	cr_expect_eq(bad, 1);
}

Test(util, text_pos_counts_lines_and_characters)
{
	const char *s = "ab\n中文x\nz";
	struct pos p = text_pos(s, 0);

	cr_expect_eq(p.line, 1);
	cr_expect_eq(p.col, 1);
	p = text_pos(s, strlen("ab\n中文"));
	cr_expect_eq(p.line, 2);
	cr_expect_eq(p.col, 3, "columns count characters, not bytes");
	p = text_pos(s, strlen("ab\n中文x\n"));
	cr_expect_eq(p.line, 3);
	cr_expect_eq(p.col, 1);
}

Test(util, buf_grows_and_detaches)
{
	struct buf b = {0};
	char *s;
	int i;

	for (i = 0; i < 1000; i++)
		buf_puts(&b, "0123456789");
	cr_expect_eq(b.len, 10000);
	s = buf_detach(&b);
	cr_expect_eq(strlen(s), 10000);
	cr_expect_null(b.s);
	free(s);
}
