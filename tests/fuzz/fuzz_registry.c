/* libFuzzer target: the IANA snapshot loader (registry.c): libxml2 parse,
 * RELAX NG validation, and the walk over the records. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../gen/gen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); /* libFuzzer calls it */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct registry *reg = NULL;

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_reset(devnull);
	if (registry_parse("fuzz.xml", (const char *)data, size, &reg) == 0) {
		registry_find(reg, 404);
		registry_free(reg);
	}
	return 0;
}
