#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

enum { AN_ARENA_BLOCK = 64 * 1024 };

struct an_arena_block {
    an_arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

static an_arena_block *an_arena__block_new(size_t cap)
{
    an_arena_block *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->next = NULL;
    b->used = 0;
    b->cap = cap;
    return b;
}

void *an_arena_alloc(an_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    an_arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > AN_ARENA_BLOCK / 4 ? size : AN_ARENA_BLOCK;
        an_arena_block *nb = an_arena__block_new(cap);
        if (!nb)
            return NULL;
        if (b && cap == size) {
            /* A large one-off: keep the current block for small ones. */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            memset(nb->data, 0, size);
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *an_arena_strndup(an_arena *a, const char *s, size_t len)
{
    char *p = an_arena_alloc(a, len + 1);
    if (p && len)
        memcpy(p, s, len);
    return p;
}

void an_arena_free(an_arena *a)
{
    an_arena_block *b = a->head;
    while (b) {
        an_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
