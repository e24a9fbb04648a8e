#include <criterion/criterion.h>

#include "helpers.h"

/* The guide `yaml` read against the small corpus (200, 404, 404-acme);
 * *out gets what was reported. */
static struct guide *
guide_of(const char *yaml, const char **out)
{
	static struct corpus *c;
	char *d = scratch_dir(), *path = path_join(d, "choose.yaml");
	FILE *f = fopen(path, "w");
	struct guide *g;

	if (c == NULL)
		c = small_corpus();
	cr_assert_not_null(f);
	fputs(yaml, f);
	fclose(f);
	capture();
	g = guide_load(path, c);
	*out = captured();
	rm_rf(d);
	free(path);
	free(d);
	return g;
}

#define Q(name, text) "  " name ":\n    question: {en: \"" text "\", zh: 问题}\n    answers:\n"
#define NEXT(node) "      - answer: {en: A, zh: 甲}\n        next: " node "\n"
#define LEAF(code)                                                                                 \
	"      - answer: {en: B, zh: 乙}\n        leaf: \"" code                                   \
	"\"\n        why: {en: W, zh: 因}\n"

Test(guide, reads_a_tree_with_a_shared_question)
{
	const char *out;
	struct guide *g =
	    guide_of("start: a\nnodes:\n" Q("a", "First?") NEXT("b") NEXT("c") Q("b", "Second?")
	                 NEXT("c") LEAF("404-acme") Q("c", "Third?") LEAF("200") LEAF("404"),
	             &out);

	cr_expect_str_eq(out, "");
	cr_assert_not_null(g);
	cr_expect_eq(g->n, 3);
	cr_expect_str_eq(g->nodes[g->start].id, "a");
	cr_expect_eq(g->nodes[0].na, 2);
	cr_expect_eq(g->nodes[0].a[0].next, 1);
	cr_expect_str_eq(g->nodes[1].a[1].leaf->id, "404-acme");
	cr_expect_str_eq(g->nodes[2].a[0].why[LANG_ZH], "因");
	guide_free(g);
}

/* Each rule: a guide and the first thing reported about it. */
Test(guide, each_mistake_at_its_position)
{
	static const struct {
		const char *yaml, *want;
	} cases[] = {
	    {"start: a\nnodes:\n" Q("a", "Loop?") NEXT("b") LEAF("200") Q("b", "Back?") NEXT("a")
	         LEAF("404"),
	     "choose.yaml:14:9: error: this answer leads back to 'a'"},
	    {"start: a\nnodes:\n" Q("a", "One?") NEXT("b") LEAF("200") Q("b", "Two?") NEXT("c")
	         LEAF("200") Q("c", "Three?") NEXT("d") LEAF("200") Q("d", "Four?") NEXT("e")
	             LEAF("200") Q("e", "Five?") NEXT("f") LEAF("200") Q("f", "Six?") LEAF("200")
	                 LEAF("404"),
	     "choose.yaml:1:8: error: a way through the guide asks 6 questions; at most 5"},
	    {"start: a\nnodes:\n" Q("a", "Where?") LEAF("999") LEAF("200"),
	     "choose.yaml:7:15: error: 'leaf: 999': there is no 999.md in the content folder"},
	    {"start: a\nnodes:\n" Q("a", "Alone?") LEAF("200"),
	     "choose.yaml:6:7: error: node 'a' needs 'answers': a list of 2 to 50 answers"},
	    {"start: z\nnodes:\n" Q("a", "Start?") LEAF("200") LEAF("404"),
	     "choose.yaml:1:8: error: 'start: z': there is no such node in 'nodes'"},
	    {"start: a\nnodes:\n  a:\n    question: {en: Q}\n    answers: []\n",
	     "choose.yaml:4:5: error: 'question' has no 'zh'"},
	    {"start: a\nnodes:\n" Q("a", "&x Anchors?") LEAF("200") LEAF("404") "x: &x 1\n",
	     "error"},
	    {"[not, a, mapping]\n", "choose.yaml:1:1: error: the guide must be a mapping"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *out;
		struct guide *g = guide_of(cases[i].yaml, &out);
		cr_expect_null(g, "case %zu: a guide with a mistake is not made", i);
		cr_expect(strstr(out, cases[i].want) != NULL, "case %zu: want '%s'\ngot: %s", i,
		          cases[i].want, out);
		guide_free(g);
	}
}

/* A question shared by many answers is walked once: a file that would
 * list millions of answers is refused at once. */
Test(guide, shared_questions_cost_no_more, .timeout = 10)
{
	struct buf b = {0};
	const char *out;
	int n, k;

	buf_puts(&b, "start: n0\nnodes:\n");
	for (n = 0; n < 6; n++) {
		buf_printf(&b, "  n%d:\n    question: {en: Q, zh: 问}\n    answers:\n", n);
		for (k = 0; k < 40; k++)
			if (n < 4)
				buf_printf(&b, "      - {answer: {en: A%d, zh: 甲}, next: n%d}\n",
				           k, n + 1);
			else
				buf_printf(
				    &b,
				    "      - {answer: {en: A%d, zh: 甲}, leaf: \"200\", why: {en: "
				    "W, zh: 因}}\n",
				    k);
	}
	cr_expect_null(guide_of(b.s, &out));
	cr_expect(strstr(out, "would list more than 2000 answers") != NULL, "%s", out);
	buf_free(&b);
}
