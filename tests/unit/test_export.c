#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

static json_t *
load(const char *dir, const char *rel)
{
	char *p = path_join(dir, rel);
	json_error_t e;
	json_t *j = json_load_file(p, JSON_REJECT_DUPLICATES, &e);

	cr_assert_not_null(j, "%s: %s", p, e.text);
	free(p);
	return j;
}

Test(export, codes_json_and_api_docs_agree)
{
	struct corpus *c = small_corpus();
	char *d = scratch_dir(), *out = path_join(d, "site");
	struct outdir *od;
	json_t *codes, *api, *entry;
	char *a, *b;

	capture();
	od = outdir_begin(out);
	cr_assert_eq(export_write(c, od, 2), 0);
	cr_assert_eq(outdir_commit(od), 0);
	outdir_free(od);
	cr_expect_str_eq(captured(), "");

	codes = load(out, "codes.json");
	api = load(out, "api/404.json");
	cr_expect_eq(json_integer_value(json_object_get(codes, "schema_version")), 1);
	cr_expect_eq(json_array_size(json_object_get(codes, "codes")), 2);
	cr_expect_eq(json_array_size(json_object_get(codes, "iana_registry")), c->reg->nrecs);
	entry = json_array_get(json_object_get(codes, "codes"), 1);
	cr_expect_eq(json_integer_value(json_object_get(entry, "code")), 404);
	cr_expect_str_eq(json_string_value(json_object_get(entry, "class")), "client-error");
	/* api/404.json is codes.json's entry plus two keys. */
	cr_expect(json_equal(json_object_get(api, "meanings"), json_object_get(entry, "meanings")));
	cr_expect_str_eq(json_string_value(json_object_get(api, "iana_updated")),
	                 json_string_value(json_object_get(codes, "iana_updated")));
	cr_expect_eq(json_integer_value(json_object_get(api, "schema_version")), 1);
	a = json_dumps(json_array_get(json_object_get(api, "meanings"), 1), JSON_SORT_KEYS);
	cr_expect(strstr(a, "\"url\": {\"en\": \"en/404.html#acme\", \"zh\": \"zh/404.html#acme\", "
	                    "\"zh-Hant\": \"zh-hant/404.html#acme\"}") != NULL,
	          "%s", a);
	cr_expect(strstr(a, "\"conflicts_with_iana\": true") != NULL);
	b = json_dumps(json_array_get(json_object_get(api, "meanings"), 0), JSON_SORT_KEYS);
	cr_expect(strstr(b, "\"constants\": {\"go\": \"http.StatusNotFound\", \"rust\": "
	                    "\"StatusCode::NOT_FOUND\"}") != NULL,
	          "%s", b);
	free(a);
	free(b);
	json_decref(codes);
	json_decref(api);
	rm_rf(d);
	free(out);
	free(d);
	corpus_free(c);
}

Test(export, the_same_bytes_on_one_thread_and_on_many)
{
	struct corpus *c = small_corpus();
	char *d = scratch_dir(), *one = path_join(d, "one"), *many = path_join(d, "many");
	char *x = NULL, *y = NULL, *p, *q;
	size_t nx, ny;
	struct outdir *od;

	capture();
	od = outdir_begin(one);
	export_write(c, od, 1);
	outdir_commit(od);
	outdir_free(od);
	od = outdir_begin(many);
	export_write(c, od, 8);
	outdir_commit(od);
	outdir_free(od);
	p = path_join(one, "codes.json");
	q = path_join(many, "codes.json");
	cr_assert_eq(file_read(p, 1 << 24, &x, &nx), 0);
	cr_assert_eq(file_read(q, 1 << 24, &y, &ny), 0);
	cr_expect_eq(nx, ny);
	cr_expect_eq(memcmp(x, y, nx), 0);
	cr_expect_eq(x[nx - 1], '\n');
	free(x), free(y), free(p), free(q);
	rm_rf(d);
	free(one), free(many), free(d);
	corpus_free(c);
}
