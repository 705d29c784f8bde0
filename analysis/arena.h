/* arena.h - a bump allocator: everything in it dies together. */
#ifndef BYLINE_ARENA_H
#define BYLINE_ARENA_H

#include <stddef.h>

typedef struct an_arena_block an_arena_block;

typedef struct an_arena {
    an_arena_block *head;
} an_arena;

/* Zeroed memory aligned for any type, owned by the arena; NULL when memory
 * runs out. */
void *an_arena_alloc(an_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len), owned by the arena. */
char *an_arena_strndup(an_arena *a, const char *s, size_t len);
/* Frees every block; the arena may be used again afterwards. */
void an_arena_free(an_arena *a);

#endif
