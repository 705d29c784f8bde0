/* lexicon_table.h - the layout of the generated table (lexicon_data.c). */
#ifndef BYLINE_LEXICON_TABLE_H
#define BYLINE_LEXICON_TABLE_H

#include "lexicon.h"

typedef struct an_lex_entry {
    const char *key;
    uint32_t len;
    uint32_t flags;
} an_lex_entry;

/* Open addressing with linear probing on an_lex_hash(key); a slot holds
 * 1 + the entry's index, 0 when empty. an_lex__n_slots is a power of 2. */
extern const an_lex_entry an_lex__entries[];
extern const uint32_t an_lex__slots[];
extern const size_t an_lex__n_slots;

#endif
