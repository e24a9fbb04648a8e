#include <criterion/criterion.h>

#include "helpers.h"

/* A folder of lists where go.txt and rails.txt hold a few names, and the
 * other ten keys' lists are empty. */
static char *
lists(void)
{
	char *d = scratch_dir();
	int i;

	for (i = 0; i < CONSTANT_KEYS; i++) {
		char *f = xasprintf("%s/%s.txt", d, constant_key[i]);
		const char *text = "# an empty list\n";
		if (strcmp(constant_key[i], "go") == 0)
			text =
			    "# go: a few names\n404\thttp.StatusNotFound\n410\thttp.StatusGone\n";
		else if (strcmp(constant_key[i], "rails") == 0)
			text = "413\t:content_too_large\n413\t:payload_too_large\tdeprecated\n"
			       "404\t:not_found\n510\t:not_extended\tdeprecated\n";
		cr_assert_eq(file_write(f, text, strlen(text)), 0);
		free(f);
	}
	return d;
}

/* Checks one content file against the lists; returns what was reported. */
static const char *
check_one(const char *dir, const char *id, const char *front)
{
	struct corpus *c = corpus_new("content");
	struct constants *k;
	char *text = xasprintf("---\n%s---\n", front);
	int io = 0;

	capture();
	add_file(c, id, text);
	corpus_sort(c);
	k = constants_load(dir, &io);
	cr_expect_eq(io, 0);
	constants_check(k, c);
	constants_free(k);
	corpus_free(c);
	free(text);
	return captured();
}

#define FRONT(code, cls, status, consts)                                                           \
	"code: " code "\nclass: " cls "\nregistry: iana\nreferences: [{rfc: 9110}]\n" status       \
	"title: {en: T, zh: 标}\nsummary: {en: S, zh: 摘}\nconstants: " consts "\n" SEM_CACHEABLE

Test(constants, each_constant_against_its_library)
{
	char *d = lists();
	char *pfx = xasprintf("%s/", d);
	static const struct {
		const char *id, *front, *want;
	} cases[] = {
	    {"404",
	     FRONT("404", "client-error", "", "{go: http.StatusNotFound, rails: \":not_found\"}"),
	     ""},
	    {"404", FRONT("404", "client-error", "", "{go: http.StatusNotFond}"),
	     "content/404.md:8:17: error: go constant 'http.StatusNotFond' is not in DIR/go.txt; "
	     "404 "
	     "is 'http.StatusNotFound' there\n"
	     "content/404.md:8:17: note: 1 library names 404 but 'constants' lacks it (rails: "
	     ":not_found)\n"},
	    {"404", FRONT("404", "client-error", "", "{go: http.StatusGone}"),
	     "content/404.md:8:17: error: go constant 'http.StatusGone' is 410 in DIR/go.txt, not "
	     "404\n"
	     "content/404.md:8:17: note: 1 library names 404 but 'constants' lacks it (rails: "
	     ":not_found)\n"},
	    {"418", FRONT("418", "client-error", "", "{go: http.StatusTeapot}"),
	     "content/418.md:8:17: error: go constant 'http.StatusTeapot' is not in DIR/go.txt, "
	     "which "
	     "names no constant for 418\n"},
	    {"413", FRONT("413", "client-error", "", "{rails: \":payload_too_large\"}"),
	     "content/413.md:8:20: warning: rails constant ':payload_too_large' is deprecated; use "
	     "':content_too_large'\n"},
	    {"510", FRONT("510", "server-error", "", "{rails: \":not_extended\"}"),
	     "content/510.md:8:20: warning: rails constant ':not_extended' is deprecated, and "
	     "DIR/rails.txt has no current name for 510\n"},
	    {"510",
	     FRONT("510", "server-error", "status: obsolete\nnote: {en: n, zh: 注}\n",
	           "{rails: \":not_extended\"}"),
	     ""}, /* an obsolete code's constants are deprecated too */
	    {"404", FRONT("404", "client-error", "", "{rails: \":not_found\"}"),
	     "content/404.md:8:20: note: 1 library names 404 but 'constants' lacks it (go: "
	     "http.StatusNotFound)\n"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = check_one(d, cases[i].id, cases[i].front);
		struct buf want = {0};
		const char *w = cases[i].want, *at;
		/* The messages name the list's file: DIR stands for the folder. */
		while ((at = strstr(w, "DIR/")) != NULL) {
			buf_add(&want, w, (size_t)(at - w));
			buf_puts(&want, pfx);
			w = at + 4;
		}
		buf_puts(&want, w);
		cr_expect_str_eq(got, want.s ? want.s : "", "case %zu: got %s", i, got);
		buf_free(&want);
	}
	rm_rf(d);
	free(pfx);
	free(d);
}

Test(constants, a_missing_list_is_an_io_error_and_a_bad_line_is_reported)
{
	char *d = lists(), *f = xasprintf("%s/go.txt", d);
	struct constants *k;
	int io = 0;

	cr_assert_eq(file_write(f, "404 http.StatusNotFound\n", 24), 0);
	capture();
	k = constants_load(d, &io);
	constants_free(k);
	cr_expect_eq(io, 0);
	cr_expect(strstr(captured(),
	                 "go.txt:1:1: error: expected NUMBER<tab>NAME[<tab>alias|deprecated]") !=
	              NULL,
	          "%s", captured());
	unlink(f);
	capture();
	k = constants_load(d, &io);
	constants_free(k);
	cr_expect_eq(io, 1);
	cr_expect(strstr(captured(), "go.txt: error: cannot read the list of go constants") != NULL,
	          "%s", captured());
	rm_rf(d);
	free(f);
	free(d);
}
