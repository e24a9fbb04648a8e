/*
 * arena.c — where jansson and cmark keep the values of one job: a page's
 * view model, a number's export, a meaning's Markdown trees.
 *
 * A page's view is thousands of small jansson values, made, read once by
 * the template and freed; through malloc that was a fifth of a build's
 * instructions.  Between arena_begin() and arena_end() on a thread, jansson
 * takes its memory from that thread's blocks, one bump of a pointer each,
 * and arena_end() frees the blocks at once; outside, it uses malloc.  Every
 * allocation carries a header saying which, so that json_decref of a value
 * made outside (strings.json, shared by every page) frees it as before.
 * A value made inside must not outlive arena_end(): a job's output leaves
 * it as text.
 *
 * cmark's nodes come from the same place through arena_cmark(), an
 * allocator every tree of the program is made with (cmark frees a whole
 * tree with its root's allocator, so one tree cannot mix two): parsing a
 * body is hundreds of small callocs, reallocs and frees, a tenth of a
 * build's instructions through malloc.  A realloc of the newest allocation
 * grows it in place, which is how cmark's buffers grow.  Owns the blocks of
 * each thread's open arena.
 */
#include <cmark.h>
#include <jansson.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define BLOCK_SIZE (64 * 1024)

struct block {
	struct block *next;
	size_t used, size;
	alignas(16) unsigned char mem[];
};

/* Before each allocation: where it came from and, in an arena, its size
 * (for realloc).  16 bytes keep what follows aligned as malloc's memory is. */
union header {
	struct {
		size_t size;
		int in_arena;
	} h;
	alignas(16) unsigned char pad[16];
};

/* n rounded up to whole headers: what an allocation of n takes in a block. */
static size_t
rounded(size_t n)
{
	return ((n + sizeof(union header) - 1) / sizeof(union header)) * sizeof(union header);
}

static _Thread_local struct block *blocks; /* the open arena's, newest first */
static _Thread_local int open_arena;

static void *
arena_malloc(size_t n)
{
	union header *h;
	size_t need;

	if (n > SIZE_MAX / 2)
		return NULL;
	need = sizeof(*h) + rounded(n);
	if (!open_arena) {
		if ((h = malloc(sizeof(*h) + n)) == NULL)
			return NULL; /* jansson reports it */
		h->h.in_arena = 0;
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
	h->h.in_arena = 1;
	h->h.size = n;
	return h + 1;
}

static void
arena_free(void *p)
{
	union header *h = p;

	if (p != NULL && !h[-1].h.in_arena)
		free(h - 1);
}

/* cmark's allocator: it expects memory or the end of the program. */
static void *
cm_calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / 2 / size)
		oom();
	if ((p = arena_malloc(n * size)) == NULL)
		oom();
	return memset(p, 0, n * size);
}

static void *
cm_realloc(void *p, size_t n)
{
	union header *h = p;
	void *q;

	if (p == NULL)
		return cm_calloc(1, n);
	h--;
	if (!h->h.in_arena) {
		if (n > SIZE_MAX / 2 || (h = realloc(h, sizeof(*h) + n)) == NULL)
			oom();
		return h + 1;
	}
	if (n <= h->h.size)
		return p;
	if (blocks && (unsigned char *)p + rounded(h->h.size) == blocks->mem + blocks->used &&
	    n <= SIZE_MAX / 2 && rounded(n) - rounded(h->h.size) <= blocks->size - blocks->used) {
		blocks->used += rounded(n) - rounded(h->h.size); /* the newest: grown in place */
		h->h.size = n;
		return p;
	}
	q = cm_calloc(1, n);
	memcpy(q, p, h->h.size);
	return q;
}

static cmark_mem cmark_arena = {cm_calloc, cm_realloc, arena_free};

cmark_mem *
arena_cmark(void)
{
	return &cmark_arena;
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
