#include <criterion/criterion.h>

#include "helpers.h"

/* GLIBC_TUNABLES that already says how malloc takes huge pages (here: not
 * at all) is the user's choice: the program goes on as it is, and the
 * variable is left exactly as it was. */
Test(start, restart_leaves_a_given_choice_alone)
{
	char *argv[] = {"statusgen", "build", NULL};

	cr_assert_eq(setenv("GLIBC_TUNABLES", "glibc.malloc.check=0:glibc.malloc.hugetlb=0", 1), 0);
	restart_with_huge_pages(argv); /* returns: it would not come back from execv */
	cr_expect_str_eq(getenv("GLIBC_TUNABLES"), "glibc.malloc.check=0:glibc.malloc.hugetlb=0");
	unsetenv("GLIBC_TUNABLES");
}
