#include <criterion/criterion.h>

#include "helpers.h"

struct id_case {
	const char *s;
	int ok, code;
	const char *slug;
};

Test(names, id_parse_accepts_codes_and_vendor_ids_only)
{
	static const struct id_case cases[] = {
	    {"404", 1, 404, NULL},
	    {"000", 1, 0, NULL},
	    {"499-nginx", 1, 499, "nginx"},
	    {"403-iis", 1, 403, "iis"},
	    {"520-cloudflare-2", 1, 520, "cloudflare-2"},
	    {"40", 0, 0, NULL},
	    {"4040", 0, 0, NULL},
	    {"404-", 0, 0, NULL},
	    {"404-Nginx", 0, 0, NULL},
	    {"404-../etc", 0, 0, NULL},
	    {"404/x", 0, 0, NULL},
	    {"../404", 0, 0, NULL},
	    {"", 0, 0, NULL},
	    {"abc", 0, 0, NULL},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int code = -1;
		const char *slug = "unset";
		int ok = id_parse(cases[i].s, &code, &slug);
		cr_expect_eq(ok, cases[i].ok, "id_parse(\"%s\")", cases[i].s);
		if (ok && cases[i].ok) {
			cr_expect_eq(code, cases[i].code, "code of \"%s\"", cases[i].s);
			if (cases[i].slug)
				cr_expect_str_eq(slug, cases[i].slug);
			else
				cr_expect_null(slug);
		}
	}
}

Test(names, class_of_code_follows_the_first_digit)
{
	cr_expect_eq(class_of_code(100), CLASS_INFORMATIONAL);
	cr_expect_eq(class_of_code(226), CLASS_SUCCESS);
	cr_expect_eq(class_of_code(308), CLASS_REDIRECTION);
	cr_expect_eq(class_of_code(499), CLASS_CLIENT_ERROR);
	cr_expect_eq(class_of_code(599), CLASS_SERVER_ERROR);
	cr_expect_eq(class_of_code(0), CLASS_NONSTANDARD);
	cr_expect_eq(class_of_code(99), CLASS_NONSTANDARD);
	cr_expect_eq(class_of_code(600), CLASS_NONSTANDARD);
	cr_expect_eq(class_of_code(999), CLASS_NONSTANDARD);
}
