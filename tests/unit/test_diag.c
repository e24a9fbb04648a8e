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
