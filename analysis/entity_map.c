/* entity_map.c - open addressing with linear probing (see entity_map.h). */
#include "entity_map.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* Inline in get and put: the lookups are short, and a call cost about
 * as much as the probe itself. */
static inline size_t an_emap__find(const an_emap *m, uint32_t h, const char *key, size_t len)
{
    size_t mask = m->n_slots - 1, i = h & mask;
    while (m->slots[i].key_len != 0) {
        const an_emap_slot *s = &m->slots[i];
        if (s->hash == h && s->key_len == len && memcmp(m->keys + s->key_off, key, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

int32_t an_emap_get(const an_emap *m, const char *key, size_t len)
{
    if (m->n_slots == 0 || len == 0)
        return AN_EMAP_NONE;
    size_t i = an_emap__find(m, an_lex_hash(key, len), key, len);
    return m->slots[i].key_len ? m->slots[i].value : AN_EMAP_NONE;
}

static int an_emap__grow(an_emap *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 64;
    an_emap_slot *old = m->slots;
    size_t old_n = m->n_slots;
    m->slots = calloc(n, sizeof *m->slots);
    if (!m->slots) {
        m->slots = old;
        return -1;
    }
    m->n_slots = n;
    for (size_t i = 0; i < old_n; i++) {
        if (old[i].key_len == 0)
            continue;
        size_t mask = n - 1, j = old[i].hash & mask;
        while (m->slots[j].key_len != 0)
            j = (j + 1) & mask;
        m->slots[j] = old[i];
    }
    free(old);
    return 0;
}

static int an_emap__store_key(an_emap *m, const char *key, size_t len, uint32_t *off)
{
    if (m->keys_len + len > m->keys_cap) {
        size_t cap = m->keys_cap ? m->keys_cap * 2 : 1024;
        while (cap < m->keys_len + len)
            cap *= 2;
        char *k = realloc(m->keys, cap);
        if (!k)
            return -1;
        m->keys = k;
        m->keys_cap = cap;
    }
    memcpy(m->keys + m->keys_len, key, len);
    *off = (uint32_t)m->keys_len;
    m->keys_len += len;
    return 0;
}

int an_emap_put(an_emap *m, const char *key, size_t len, int32_t value, int replace)
{
    if (len == 0 || len > UINT32_MAX)
        return 0;
    if ((m->used + 1) * 2 > m->n_slots && an_emap__grow(m) != 0)
        return -1;
    uint32_t h = an_lex_hash(key, len);
    size_t i = an_emap__find(m, h, key, len);
    an_emap_slot *s = &m->slots[i];
    if (s->key_len) {
        if (replace)
            s->value = value;
        else if (s->value != value)
            s->value = AN_EMAP_AMBIGUOUS;
        return 0;
    }
    uint32_t off;
    if (an_emap__store_key(m, key, len, &off) != 0)
        return -1;
    *s = (an_emap_slot){h, off, (uint32_t)len, value};
    m->used++;
    return 0;
}

void an_emap_free(an_emap *m)
{
    free(m->slots);
    free(m->keys);
    memset(m, 0, sizeof *m);
}
