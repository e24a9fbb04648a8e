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

/* A text that is not UTF-8 (where a fuzzer hands it in) is walked one
 * byte at a time, and never past its end. */
Test(util, utf8_next_never_passes_the_end)
{
	static const struct {
		const char *s;
		uint32_t first;
		size_t step;
	} cases[] = {
	    {"a", 'a', 1},       {"\xe4\xb8\xad", 0x4e2d, 3}, {"\xf0\x9f\x98\x80", 0x1f600, 4},
	    {"\xe4", 0xfffd, 1}, {"\xe4\xb8", 0xfffd, 1},     {"\xc3x", 0xfffd, 1},
	    {"\x80", 0xfffd, 1},
	};
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		size_t i = 0;
		cr_expect_eq(utf8_next(cases[k].s, &i), cases[k].first, "case %zu", k);
		cr_expect_eq(i, cases[k].step, "case %zu", k);
	}
}

Test(util, control_characters_are_found_and_stripped)
{
	uint32_t cp = 0;
	char *s;

	cr_expect_eq(find_control("tab\there\nline", &cp), -1, "tab and line feed are text");
	cr_expect_eq(find_control("ab\x01", &cp), 2);
	cr_expect_eq(cp, 1);
	cr_expect_eq(find_control("中\x7f", &cp), 3);
	cr_expect_eq(cp, 0x7f);
	cr_expect_eq(find_control("x\xc2\x85", &cp), 1, "C1 controls too");
	cr_expect_eq(cp, 0x85);
	s = strip_controls("a\x01"
	                   "b\x1b[31m中\xc2\x85\x7f"
	                   "c\t\n");
	cr_expect_str_eq(s, "ab[31m中c\t\n");
	free(s);
	cr_expect(cp_invisible(0x200b) && cp_invisible(0x202e) && cp_invisible(0xfeff) &&
	          cp_invisible(0x2028) && cp_invisible(0xe0001));
	cr_expect(!cp_invisible('a') && !cp_invisible(0x4e2d) && !cp_invisible(0x3000));
}

Test(util, file_read_reads_regular_files_whole_and_refuses_the_rest)
{
	char *d = scratch_dir(), *p = path_join(d, "f"), *q = path_join(d, "link");
	char *none = path_join(d, "none"), *data;
	char big[200000];
	size_t len, i;

	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	big[1000] = '\0'; /* a NUL inside is kept: the length says where the file ends */
	cr_assert_eq(file_write(p, big, sizeof(big)), 0);
	cr_assert_eq(file_read(p, sizeof(big), &data, &len), 0);
	cr_expect_eq(len, sizeof(big));
	cr_expect(memcmp(data, big, len) == 0 && data[len] == '\0', "the bytes, then a NUL");
	free(data);

	cr_expect_eq(file_read(p, sizeof(big) - 1, &data, &len), -1, "one byte over the limit");
	cr_expect_eq(errno, EFBIG);

	cr_assert_eq(file_write(p, "", 0), 0);
	cr_assert_eq(file_read(p, 10, &data, &len), 0);
	cr_expect(len == 0 && data[0] == '\0', "an empty file is an empty text");
	free(data);

	cr_expect_eq(file_read(d, 10, &data, &len), -1);
	cr_expect_eq(errno, ENOTSUP, "a folder is not read");
	cr_assert_eq(symlink(p, q), 0);
	cr_expect_eq(file_read(q, 10, &data, &len), -1);
	cr_expect_eq(errno, ELOOP, "a symbolic link is not followed");
	cr_expect_eq(file_read(none, 10, &data, &len), -1);
	cr_expect_eq(errno, ENOENT);
	rm_rf(d);
	free(p);
	free(q);
	free(none);
	free(d);
}
