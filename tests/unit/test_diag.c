#include <criterion/criterion.h>

#include "helpers.h"

Test(diag, prints_compiler_style_lines_and_counts)
{
	struct pos p = {7, 3}, line_only = {4, 0}, none = {0, 0};

	capture();
	diag(DIAG_ERROR, "content/404.md", p, "unknown key '%s'", "tittle");
	diag(DIAG_WARNING, "content/404.md", line_only, "something");
	diag(DIAG_NOTE, "content/x.md", none, "a note");
	cr_expect_str_eq(captured(), "content/404.md:4: warning: something\n"
	                             "content/404.md:7:3: error: unknown key 'tittle'\n"
	                             "content/x.md: note: a note\n");
	cr_expect_eq(diag_count(DIAG_ERROR), 1);
	cr_expect_eq(diag_count(DIAG_WARNING), 1);
	cr_expect_eq(diag_count(DIAG_NOTE), 1);
}

/* A value quoted in a message, or a file name, can hold any byte: each line
 * printed is one diagnostic, and nothing reaches the terminal raw. */
Test(diag, every_diagnostic_is_one_visible_line)
{
	struct pos p = {1, 1};

	capture();
	diag(DIAG_ERROR, "content/a\nb.md", p, "key '%s'", "x\ncontent/404.md:1:1: error: FORGED");
	diag(DIAG_ERROR, "content/c.md", p, "'%s'", "\x1b[31m\t\r\x7f");
	diag(DIAG_ERROR, "content/d.md", p, "'%s'",
	     "a\xe2\x80\xae"
	     "b\xe2\x80\xa8"
	     "c\xef\xbb\xbf");
	diag(DIAG_ERROR, "content/e.md", p, "'%s'",
	     "\xff\xc3"
	     "x\xc2\x85"
	     "y\xf3\xa0\x80\x81");
	diag(DIAG_ERROR, "content/f.md", p, "'%s'", "网关超时 — “é”");
	cr_expect_str_eq(
	    captured(), "content/a\\nb.md:1:1: error: key 'x\\ncontent/404.md:1:1: error: FORGED'\n"
	                "content/c.md:1:1: error: '\\x1b[31m\\t\\r\\x7f'\n"
	                "content/d.md:1:1: error: 'a\\u202eb\\u2028c\\ufeff'\n"
	                "content/e.md:1:1: error: '\\xff\\xc3x\\u0085y\\U000e0001'\n"
	                "content/f.md:1:1: error: '网关超时 — “é”'\n");
}

/* Review defect 2: a long message is kept whole, on any thread. */
static void
long_one(size_t i, void *arg)
{
	const char *x = arg;

	diag(DIAG_ERROR, "content/404.md", (struct pos){(int)i + 1, 1}, "link to '%s'", x);
}

Test(diag, long_messages_are_whole_and_ordered_on_any_thread_count)
{
	char *x = xmalloc(3001), *one, *four;

	memset(x, 'x', 3000);
	x[3000] = '\0';
	capture();
	par_run(1, 20, long_one, x);
	one = xstrdup(captured());
	capture();
	par_run(4, 20, long_one, x);
	four = xstrdup(captured());
	cr_expect_str_eq(one, four);
	cr_expect(strstr(one, x) != NULL, "the 3,000 characters are there");
	cr_expect_eq(strncmp(one, "content/404.md:1:1: error: link to 'xxx", 39), 0);
	cr_expect(strstr(one, "content/404.md:20:1: error:") > strstr(one, "content/404.md:9:1:"),
	          "line 20 after line 9");
	free(one);
	free(four);
	free(x);
}

Test(diag, files_in_name_order_and_lines_in_order_within_a_file)
{
	capture();
	diag(DIAG_ERROR, "content/b.md", (struct pos){3, 1}, "b3");
	diag(DIAG_WARNING, "content/a.md", (struct pos){9, 2}, "a9");
	diag(DIAG_ERROR, "content/b.md", (struct pos){1, 5}, "b1");
	diag(DIAG_NOTE, "content/a.md", (struct pos){9, 1}, "a9 earlier column");
	diag(DIAG_ERROR, "content/a.md", (struct pos){0, 0}, "whole file");
	diag(DIAG_ERROR, "content/b.md", (struct pos){3, 1}, "b3 again");
	cr_expect_str_eq(captured(), "content/a.md: error: whole file\n"
	                             "content/a.md:9:1: note: a9 earlier column\n"
	                             "content/a.md:9:2: warning: a9\n"
	                             "content/b.md:1:5: error: b1\n"
	                             "content/b.md:3:1: error: b3\n"
	                             "content/b.md:3:1: error: b3 again\n");
}
