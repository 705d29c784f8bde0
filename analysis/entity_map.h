/* entity_map.h - a document-local hash map from a name key (normalized
 * like lexicon keys, see an_lex_key) to an entity index, for coreference:
 * "Clawson" -> the entity of "Patrick Clawson". Scratch memory of the
 * entity pass; not part of the model. */
#ifndef BYLINE_ENTITY_MAP_H
#define BYLINE_ENTITY_MAP_H

#include <stddef.h>
#include <stdint.h>

#define AN_EMAP_NONE (-1)      /* not in the map */
#define AN_EMAP_AMBIGUOUS (-2) /* the key names two or more entities */

typedef struct an_emap_slot {
    uint32_t hash;
    uint32_t key_off; /* into keys */
    uint32_t key_len;
    int32_t value;    /* entity index or AN_EMAP_AMBIGUOUS; slot empty when key_len == 0 */
} an_emap_slot;

typedef struct an_emap {
    an_emap_slot *slots;
    size_t n_slots, used;
    char *keys;
    size_t keys_len, keys_cap;
} an_emap;

/* The value for a key, or AN_EMAP_NONE. */
int32_t an_emap_get(const an_emap *m, const char *key, size_t len);

/* Maps key to value; a key already mapped to another value becomes
 * AN_EMAP_AMBIGUOUS, unless `replace` is set. Returns 0 or -1 (memory). */
int an_emap_put(an_emap *m, const char *key, size_t len, int32_t value, int replace);

void an_emap_free(an_emap *m);

#endif
