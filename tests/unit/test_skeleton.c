#include <criterion/criterion.h>

#include "helpers.h"

/* A skeleton passes check as it is, and statusgen new never replaces a file. */
Test(skeleton, a_new_meaning_that_passes_check_and_never_replaces_a_file)
{
	char *d = scratch_dir(), *path = xasprintf("%s/404.md", d), *vpath, *data = NULL;
	struct registry *reg = NULL;
	struct meaning *m;
	size_t len;

	capture();
	cr_assert_eq(registry_load("tests/e2e/iana-small.xml", &reg), 0);
	cr_assert_eq(skeleton_write(d, 404, NULL, reg), 0, "%s", captured());
	cr_assert_eq(file_read(path, 1 << 20, &data, &len), 0);
	cr_expect(strstr(data, "  en: \"Not Found\"\n") != NULL,
	          "the title comes from the snapshot");
	m = meaning_new(path, "404");
	content_split(m, data, len);
	cr_expect(m->ok, "the skeleton's front matter is valid: %s", captured());
	meaning_free(m);
	free(data);

	capture();
	cr_expect_neq(skeleton_write(d, 404, NULL, reg), 0, "a second skeleton is refused");
	cr_expect(strstr(captured(), "404.md") != NULL, "%s", captured());

	capture();
	cr_expect_eq(skeleton_write(d, 499, "Acme \"Proxy\"", reg), 0, "%s", captured());
	vpath = xasprintf("%s/499-acme-proxy.md", d);
	cr_assert_eq(file_read(vpath, 1 << 20, &data, &len), 0);
	m = meaning_new(vpath, "499-acme-proxy");
	content_split(m, data, len);
	cr_expect(m->ok, "a vendor name with quotes is written safely: %s", captured());
	cr_expect_str_eq(m->vendor, "Acme \"Proxy\"");
	meaning_free(m);
	free(data);
	registry_free(reg);
	rm_rf(d);
	free(vpath);
	free(path);
	free(d);
}
