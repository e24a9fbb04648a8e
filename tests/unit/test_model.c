#include <criterion/criterion.h>

#include "helpers.h"

Test(model, a_new_meaning_takes_code_slug_and_class_from_its_id)
{
	static const struct {
		const char *id;
		int code;
		const char *slug;
		enum klass k;
	} cases[] = {
	    {"404", 404, NULL, CLASS_CLIENT_ERROR},
	    {"499-nginx", 499, "nginx", CLASS_CLIENT_ERROR},
	    {"103-checkpoint", 103, "checkpoint", CLASS_INFORMATIONAL},
	    {"999-linkedin", 999, "linkedin", CLASS_NONSTANDARD},
	    {"000-aws-elb", 0, "aws-elb", CLASS_NONSTANDARD},
	    {"4xx", -1, NULL, CLASS_INFORMATIONAL}, /* a class introduction: set by the loader */
	    {"guide", -1, NULL, CLASS_INFORMATIONAL},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct meaning *m = meaning_new("content/x.md", cases[i].id);
		cr_expect_eq(m->code, cases[i].code, "%s", cases[i].id);
		if (cases[i].slug)
			cr_expect_str_eq(m->slug, cases[i].slug);
		else
			cr_expect_null(m->slug, "%s", cases[i].id);
		cr_expect_eq(m->klass, cases[i].k, "%s", cases[i].id);
		meaning_free(m);
	}
	meaning_free(NULL);
	corpus_free(NULL);
}

Test(model, the_corpus_is_sorted_and_grouped_by_number)
{
	static const char *const ids[] = {"499-nginx", "404",     "499-esri",
	                                  "200",       "404-iis", "499-antivirus"};
	struct corpus *c = corpus_new("content");
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		corpus_add(c, meaning_new("content/x.md", ids[i]));
	corpus_sort(c);
	cr_expect_str_eq(c->m[0]->id, "200");
	cr_expect_str_eq(c->m[1]->id, "404", "the plain NNN.md first");
	cr_expect_str_eq(c->m[2]->id, "404-iis");
	cr_expect_str_eq(c->m[3]->id, "499-antivirus", "then by slug");
	cr_expect_str_eq(c->m[5]->id, "499-nginx");
	cr_assert_eq(c->nnum, 3);
	cr_expect_eq(c->first[0], 0);
	cr_expect_eq(c->first[1], 1);
	cr_expect_eq(c->first[2], 3);
	cr_expect_eq(corpus_number_end(c, 1), 3);
	cr_expect_eq(corpus_number_end(c, 2), 6);
	cr_expect_eq(corpus_find(c, "499-esri"), c->m[4]);
	cr_expect_eq(corpus_find(c, "404"), c->m[1]);
	cr_expect_null(corpus_find(c, "405"));
	cr_expect_null(corpus_find(c, "../404"));
	corpus_free(c);
}

Test(model, the_lead_meaning_comes_first_and_every_id_is_still_found)
{
	static const char *const ids[] = {"499-antivirus", "499-esri", "499-nginx", "498-esri"};
	struct corpus *c = corpus_new("content");
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		corpus_add(c, meaning_new("content/x.md", ids[i]));
	c->m[2]->lead = 1; /* 499-nginx */
	corpus_sort(c);
	cr_expect_str_eq(c->m[1]->id, "499-nginx");
	cr_expect_str_eq(c->m[2]->id, "499-antivirus");
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		cr_expect_str_eq(corpus_find(c, ids[i])->id, ids[i]);
	cr_expect_null(corpus_find(c, "499"));
	cr_expect_null(corpus_find(c, "499-zzz"));
	corpus_free(c);
}
