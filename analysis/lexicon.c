/* lexicon.c - lookups in the compiled-in word lists (see lexicon.h). */
#include "lexicon_table.h"

#include <string.h>

/* All the flags of key, whose an_lex_hash is h, the acronym list's included. */
static uint32_t an_lex__flags_hashed(const char *key, size_t len, uint32_t h)
{
    size_t mask = an_lex__n_slots - 1, i = h & mask;
    for (uint32_t s; (s = an_lex__slots[i]) != 0; i = (i + 1) & mask) {
        const an_lex_entry *e = &an_lex__entries[s - 1];
        if (e->len == len && memcmp(e->key, key, len) == 0)
            return e->flags;
    }
    return 0;
}

/* All the flags of key, the acronym list's included. */
static uint32_t an_lex__flags(const char *key, size_t len)
{
    if (len == 0 || len > AN_LEX_MAX_KEY)
        return 0;
    return an_lex__flags_hashed(key, len, an_lex_hash(key, len));
}

uint32_t an_lex_lookup_key(const char *key, size_t len)
{
    return an_lex__flags(key, len) & ~(uint32_t)AN_LEX_ACRONYM;
}

bool an_lex_known_acronym(const char *text, size_t len)
{
    char key[AN_LEX_MAX_KEY];
    size_t n = an_lex_key(text, len, key);
    return n && (an_lex__flags(key, n) & AN_LEX_ACRONYM);
}

uint32_t an_lex_lookup(const char *text, size_t len)
{
    char key[AN_LEX_MAX_KEY];
    if (len > 0 && len <= AN_LEX_MAX_KEY) {
        /* The common case, text without spaces or U+2019, whose key is the
         * text lowered: lowered and hashed in one pass (as an_lex_hash). */
        uint32_t h = 2166136261u;
        size_t i = 0;
        for (; i < len; i++) {
            unsigned char c = (unsigned char)text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xE2)
                break;
            c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
            key[i] = (char)c;
            h = (h ^ c) * 16777619u;
        }
        if (i == len)
            return an_lex__flags_hashed(key, len, h) & ~(uint32_t)AN_LEX_ACRONYM;
    }
    size_t n = an_lex_key(text, len, key);
    return n ? an_lex_lookup_key(key, n) : 0;
}
