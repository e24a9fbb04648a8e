#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

/* Values made outside an arena live on through it and are freed by
 * json_decref as before; values made inside are freed by arena_end(),
 * however many and however large.  ASan and valgrind run this file too:
 * a wrong free or a leak fails there. */
Test(arena, values_inside_and_outside)
{
	json_t *shared, *page;
	char *text, *big;
	size_t i;

	arena_install();
	shared = json_pack("{s:s, s:[i, i]}", "title", "Not Found", "codes", 404, 410);
	arena_begin();
	page = json_object();
	json_object_set(page, "shared", shared); /* a reference, as views take strings.json */
	for (i = 0; i < 20000; i++)              /* more than one block */
		json_object_set_new(page, "k", json_integer((json_int_t)i));
	big = xmalloc(200001);
	memset(big, 'x', 200000);
	big[200000] = '\0';
	json_object_set_new(page, "big", json_string_nocheck(big)); /* more than a block */
	free(big);
	{
		struct buf b = {0};
		export_json(&b, page); /* not json_dumps, whose text jansson allocates */
		text = buf_detach(&b);
	}
	cr_expect(strstr(text, "\"shared\":{\"codes\":[404,410],\"title\":\"Not Found\"}") != NULL);
	cr_expect_eq(strlen(text),
	             200000 + strlen("{\"big\":\"\",\"k\":19999,\"shared\":{\"codes\":"
	                             "[404,410],\"title\":\"Not Found\"}}\n"));
	free(text);
	json_decref(page);
	arena_end();
	cr_expect_eq(shared->refcount, 1);
	cr_expect_str_eq(json_string_value(json_object_get(shared, "title")), "Not Found");
	json_decref(shared);
}
