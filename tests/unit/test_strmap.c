#include <criterion/criterion.h>

#include "helpers.h"

/* Keys are compared by their bytes, not their address; the map grows and
 * keeps every key; a key put twice keeps its first number. */
Test(strmap, finds_every_key_it_was_given)
{
	struct strmap m = {0};
	char keys[3000][16];
	long i;

	cr_expect_eq(strmap_get(&m, "x", 1), -1, "empty");
	for (i = 0; i < 3000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "网关%ld", i);
		strmap_put(&m, keys[i], strlen(keys[i]), i);
	}
	strmap_put(&m, keys[7], strlen(keys[7]), 99);
	for (i = 0; i < 3000; i++) {
		char copy[16];
		memcpy(copy, keys[i], sizeof(copy));
		cr_assert_eq(strmap_get(&m, copy, strlen(copy)), i, "%s", copy);
	}
	cr_expect_eq(m.n, 3000);
	cr_expect_eq(strmap_get(&m, "网关", strlen("网关")), -1, "a prefix is another key");
	cr_expect_eq(strmap_get(&m, keys[12], 4), -1, "so is a part of one");
	strmap_free(&m);
	cr_expect_eq(strmap_get(&m, keys[1], strlen(keys[1])), -1, "emptied");
}

/* The hash reads every byte, the tail too. */
Test(strmap, hash_of_every_byte)
{
	cr_expect_neq(str_hash("abcdefghij", 10), str_hash("abcdefghik", 10));
	cr_expect_neq(str_hash("abcdefgh", 8), str_hash("abcdefgh\0", 9));
	cr_expect_eq(str_hash("响应", 6), str_hash("响应", 6));
}
