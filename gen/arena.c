/*
 * arena.c — where jansson keeps the values of one job: a page's view model,
 * a number's export.
 *
 * A page's view is thousands of small jansson values, made, read once by
 * the template and freed; through malloc that was a fifth of a build's
 * instructions.  Between arena_begin() and arena_end() on a thread, jansson
 * takes its memory from that thread's blocks, one bump of a pointer each,
 * and arena_end() frees the blocks at once; outside, it uses malloc.  Every
 * allocation carries a header saying which, so that json_decref of a value
 * made outside (strings.json, shared by every page) frees it as before.
 * A value made inside must not outlive arena_end(): a job's output leaves
 * it as text.  Owns the blocks of each thread's open arena.
 */
#include <jansson.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>

#include "gen.h"

#define BLOCK_SIZE (64 * 1024)

struct block {
	struct block *next;
	size_t used, size;
	alignas(16) unsigned char mem[];
};

/* Before each allocation: where it came from.  16 bytes keep what follows
 * aligned as malloc's memory is. */
union header {
	int in_arena;
	alignas(16) unsigned char size[16];
};

static _Thread_local struct block *blocks; /* the open arena's, newest first */
static _Thread_local int open_arena;

static void *
arena_malloc(size_t n)
{
	union header *h;
	size_t need = sizeof(*h) + ((n + sizeof(*h) - 1) / sizeof(*h)) * sizeof(*h);

	if (!open_arena) {
		if ((h = malloc(sizeof(*h) + n)) == NULL)
			return NULL; /* jansson reports it */
		h->in_arena = 0;
		return h + 1;
	}
	if (blocks == NULL || blocks->size - blocks->used < need) {
		size_t size = need > BLOCK_SIZE ? need : BLOCK_SIZE;
		struct block *b = malloc(sizeof(*b) + size);
		if (b == NULL)
			return NULL;
		b->next = blocks;
		b->used = 0;
		b->size = size;
		blocks = b;
	}
	h = (union header *)(blocks->mem + blocks->used);
	blocks->used += need;
	h->in_arena = 1;
	return h + 1;
}

static void
arena_free(void *p)
{
	union header *h = p;

	if (p != NULL && !h[-1].in_arena)
		free(h - 1);
}

void
arena_install(void)
{
	json_set_alloc_funcs(arena_malloc, arena_free);
}

void
arena_begin(void)
{
	open_arena = 1;
}

void
arena_end(void)
{
	while (blocks) {
		struct block *b = blocks;
		blocks = b->next;
		free(b);
	}
	open_arena = 0;
}
