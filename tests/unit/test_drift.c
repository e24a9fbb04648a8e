#include <criterion/criterion.h>

#include "helpers.h"

/* The report between IANA's 2018 registry and today's (both kept as
 * fixtures): each kind of change in its section, and the content file to
 * work on named with what to do. */
Test(drift, says_what_changed_and_which_files_need_work)
{
	struct registry *old = NULL, *new = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int changes;

	capture();
	cr_assert_eq(registry_load("tests/fixtures/iana-2018-09-21.xml", &old), 0, "%s",
	             captured());
	cr_assert_eq(registry_load("tests/fixtures/iana-http-status-codes.xml", &new), 0, "%s",
	             captured());
	changes = drift_report(old, new, "content", f);
	fclose(f);
	cr_expect_gt(changes, 40);
	cr_expect(strstr(text, "Snapshot updated 2018-09-21; IANA's registry now says updated "
	                       "2025-09-15.") != NULL,
	          "%s", text);
	cr_expect(strstr(text, "## Added\n\n- **104 Upload Resumption Supported") != NULL);
	cr_expect(strstr(text, "- **413**: Payload Too Large → Content Too Large\n") != NULL);
	cr_expect(strstr(text, "- `content/413.md`: `title.en` becomes \"Content Too Large\"; keep "
	                       "\"Payload Too Large\" in `aliases`\n") != NULL);
	cr_expect(strstr(text, "- `content/510.md`: IANA's note on it is now \"OBSOLETED\"") !=
	          NULL);
	cr_expect(strstr(text, "- **404 Not Found**: RFC7231, Section 6.5.4 → RFC9110, Section "
	                       "15.5.5\n") != NULL);
	cr_expect(strstr(text, "## Removed") == NULL, "nothing was removed since 2018");
	free(text);

	/* A registry against itself: nothing to do. */
	text = NULL;
	f = open_memstream(&text, &len);
	cr_expect_eq(drift_report(new, new, "content", f), 0);
	fclose(f);
	cr_expect(strstr(text, "No code was added, removed, renamed or re-referenced.") != NULL,
	          "%s", text);
	cr_expect(strstr(text, "## ") == NULL);
	free(text);
	registry_free(old);
	registry_free(new);
}
