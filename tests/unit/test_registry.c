#include <criterion/criterion.h>
#include <unistd.h>

#include "helpers.h"

#define SNAPSHOT "data/iana/http-status-codes.xml"
/* IANA's own file, byte for byte (public data), kept as a fixture so that
 * the comparison runs everywhere; refresh it with the snapshot. */
#define REFERENCE "tests/fixtures/iana-http-status-codes.xml"

Test(registry, reads_the_project_snapshot)
{
	struct registry *reg = NULL;
	const struct iana_record *r;

	capture();
	cr_assert_eq(registry_load(SNAPSHOT, &reg), 0, "%s", captured());
	cr_expect_str_eq(reg->updated, "2025-09-15");
	cr_expect_eq(reg->nrecs, 75);

	r = registry_find(reg, 404);
	cr_assert_not_null(r);
	cr_expect(r->assigned);
	cr_expect_str_eq(r->phrase, "Not Found");
	cr_expect_eq(r->nxrefs, 1);
	cr_expect_eq(r->xrefs[0].rfc, 9110);
	cr_expect_str_eq(r->xrefs[0].section, "15.5.5");

	r = registry_find(reg, 104);
	cr_expect_str_eq(r->phrase, "Upload Resumption Supported");
	cr_expect(strstr(r->annotation, "expires 2026-11-13") != NULL);

	r = registry_find(reg, 418);
	cr_expect(r->unused);
	cr_expect_str_eq(r->phrase, "");

	r = registry_find(reg, 510);
	cr_expect_str_eq(r->phrase, "Not Extended");
	cr_expect_str_eq(r->annotation, "OBSOLETED");
	cr_expect_eq(r->nxrefs, 2);

	r = registry_find(reg, 150);
	cr_expect_eq(r->lo, 105);
	cr_expect_eq(r->hi, 199);
	cr_expect_not(r->assigned);
	cr_expect_not(registry_find(reg, 430)->assigned, "430 is a single Unassigned record");
	cr_expect_null(registry_find(reg, 999));
	registry_free(reg);
}

/* SPEC §3: our snapshot equals the reference copy record for record. */
Test(registry, snapshot_equals_the_reference_copy)
{
	struct registry *ours = NULL, *ref = NULL;
	size_t i, j;

	capture();
	cr_assert_eq(registry_load(SNAPSHOT, &ours), 0, "%s", captured());
	cr_assert_eq(registry_load(REFERENCE, &ref), 0, "%s", captured());
	cr_expect_str_eq(ours->updated, ref->updated);
	cr_assert_eq(ours->nrecs, ref->nrecs);
	for (i = 0; i < ref->nrecs; i++) {
		const struct iana_record *a = &ours->recs[i], *b = &ref->recs[i];
		cr_expect_eq(a->lo, b->lo, "record %zu", i);
		cr_expect_eq(a->hi, b->hi, "record %zu", i);
		cr_expect_str_eq(a->description, b->description, "record %d", b->lo);
		cr_assert_eq(a->nxrefs, b->nxrefs, "references of %d", b->lo);
		for (j = 0; j < b->nxrefs; j++) {
			cr_expect_str_eq(a->xrefs[j].type, b->xrefs[j].type);
			cr_expect_str_eq(a->xrefs[j].data, b->xrefs[j].data);
			cr_expect_str_eq(a->xrefs[j].text ? a->xrefs[j].text : "",
			                 b->xrefs[j].text ? b->xrefs[j].text : "", "xref of %d",
			                 b->lo);
		}
	}
	registry_free(ours);
	registry_free(ref);
}

static int
load_text(const char *xml, const char **out)
{
	char path[] = "/tmp/statusgen-reg-XXXXXX";
	int fd = mkstemp(path), rc;
	struct registry *reg = NULL;

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, xml, strlen(xml)), (ssize_t)strlen(xml));
	close(fd);
	capture();
	rc = registry_load(path, &reg);
	*out = captured();
	unlink(path);
	registry_free(reg);
	return rc;
}

#define HEAD                                                                                       \
	"<registry xmlns='http://www.iana.org/assignments' id='http-status-codes'>"                \
	"<title>t</title><updated>2025-09-15</updated><registry id='http-status-codes-1'>"
#define TAIL "</registry></registry>"

Test(registry, a_truncated_file_is_a_clear_error)
{
	const char *out;

	cr_expect_eq(load_text(HEAD "<record><value>200</value>", &out), 1);
	cr_expect(strstr(out, "error: IANA snapshot:") != NULL, "%s", out);
}

Test(registry, a_reshaped_file_is_refused_before_it_is_read)
{
	const char *out;

	cr_expect_eq(
	    load_text(
	        HEAD
	        "<record><value>four-oh-four</value><description>x</description></record>" TAIL,
	        &out),
	    1);
	cr_expect(strstr(out, "error: IANA snapshot:") != NULL, "%s", out);
	cr_expect_eq(
	    load_text(HEAD "<record><value>404</value><descr>x</descr></record>" TAIL, &out), 1);
	cr_expect_eq(load_text("<html><body>not the registry</body></html>", &out), 1);
	cr_expect_eq(load_text("not xml at all", &out), 1);
	cr_expect_eq(load_text("", &out), 1);
}

Test(registry, overlapping_records_are_refused)
{
	const char *out;

	cr_expect_eq(
	    load_text(HEAD
	              "<record><value>200-210</value><description>Unassigned</description></record>"
	              "<record><value>205</value><description>X</description></record>" TAIL,
	              &out),
	    1);
	cr_expect(strstr(out, "overlaps or is out of order") != NULL, "%s", out);
}

Test(registry, a_missing_file_is_an_io_error)
{
	struct registry *reg = NULL;

	capture();
	cr_expect_eq(registry_load("/nonexistent/registry.xml", &reg), 2);
	cr_expect_null(reg);
}
