/* lexicon.h - the word lists compiled into the binary (analysis/data/ (*.txt),
 * turned into a static hash table by analysis/tools/gen_lexicon.c at build
 * time). One table maps a key to a set of AN_LEX_* flags.
 *
 * Keys are the entry's text with ASCII letters lowered and runs of spaces
 * collapsed to one; other bytes (diacritics, periods, hyphens, apostrophes)
 * are kept as they are. Multi-word entries ("united nations",
 * "foreign minister") are keys like any other.
 *
 * Example:
 *     uint32_t f = an_lex_lookup("Tehran", 6);
 *     if (f & AN_LEX_PLACE) ...
 */
#ifndef BYLINE_LEXICON_H
#define BYLINE_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    AN_LEX_FIRST = 1u << 0,       /* given name (first-names.txt) */
    AN_LEX_MALE = 1u << 1,        /* given name used for boys (>= 90%) */
    AN_LEX_FEMALE = 1u << 2,      /* given name used for girls (>= 90%) */
    AN_LEX_WORD = 1u << 3,        /* an ordinary lowercase English word (words.txt) */
    AN_LEX_PROPER = 1u << 4,      /* a capitalized dictionary entry (proper-words.txt) */
    AN_LEX_PLACE = 1u << 5,       /* country, region, city (places*.txt) */
    AN_LEX_NATIONALITY = 1u << 6, /* Iranian, Iraqi (nationalities.txt) */
    AN_LEX_ORG_HEAD = 1u << 7,    /* last word of an organization name: Ministry */
    AN_LEX_ORG_START = 1u << 8,   /* opens "X of Y": University, Ministry, Church */
    AN_LEX_ORG = 1u << 9,         /* a well-known organization (orgs.txt) */
    AN_LEX_TITLE = 1u << 10,      /* a title or role before a name: President */
    AN_LEX_HONORIFIC = 1u << 11,  /* Mr, Mrs, Ms, Dr */
    AN_LEX_ROLE = 1u << 12,       /* a role noun in an appositive: spokesman */
    AN_LEX_FUNCTION = 1u << 13,   /* a function word: the, of, but, when */
    AN_LEX_TIME = 1u << 14,       /* months, days, holidays */
    AN_LEX_PARTICLE = 1u << 15,   /* de, van, von, al, bin, la */
    AN_LEX_NOT_NAME = 1u << 16,   /* capitalized words that are never names (non-name.txt) */
    AN_LEX_SPEECH = 1u << 17,     /* said, told, added (speech-verbs.txt) */
    AN_LEX_ORG_SUFFIX = 1u << 18, /* Inc., Corp., Ltd. after a company name */
    AN_LEX_STAFF_NOUN = 1u << 19, /* "Pentagon officials": an organization's people (staff-nouns.txt) */
    AN_LEX_ACRONYM = 1u << 20,    /* acronyms.txt; only an_lex_known_acronym reports it */
    AN_LEX_ORG_NOUN = 1u << 21,   /* "the group Hamas": a kind of organization (org-nouns.txt) */
};

/* The longest key the table holds; longer text is never found. */
#define AN_LEX_MAX_KEY 96

/* Flags of the entry for text[0..len) (normalized as above), or 0. The
 * acronym list is left out: an entry only there reads as unknown, so the
 * entity pass sees the words it always saw. */
uint32_t an_lex_lookup(const char *text, size_t len);

/* True when text[0..len) is on the acronym allow-list (acronyms.txt):
 *     if (an_lex_known_acronym("NATO", 4)) ... */
bool an_lex_known_acronym(const char *text, size_t len);

/* Flags of an entry given its normalized key (the caller lowered it). */
uint32_t an_lex_lookup_key(const char *key, size_t len);

/* The hash shared by the generator and the lookup (FNV-1a, 32 bits);
 * four bytes a step, which is the same hash with a quarter of the loop's
 * own instructions (keys are short: the loop was a third of a lookup). */
static inline uint32_t an_lex_hash(const char *key, size_t len)
{
    const unsigned char *k = (const unsigned char *)key;
    uint32_t h = 2166136261u;
    size_t i = 0;
    for (; i + 4 <= len; i += 4) {
        h = (h ^ k[i]) * 16777619u;
        h = (h ^ k[i + 1]) * 16777619u;
        h = (h ^ k[i + 2]) * 16777619u;
        h = (h ^ k[i + 3]) * 16777619u;
    }
    for (; i < len; i++)
        h = (h ^ k[i]) * 16777619u;
    return h;
}

/* Each byte as it appears in a key when it needs no context: ASCII
 * capitals lowered, other bytes kept; 0 for the bytes that do (whitespace,
 * the lead byte of U+2019) and for NUL, so that a key writer handles
 * them apart with one test per byte. */
extern const unsigned char an_lex_key_byte[256];

/* Goes on writing a key: text[i..len) normalized after the n bytes already
 * in buf (which end in no space), *hash carried from an_lex_hash of those.
 * Returns the key's length, or 0 when it is empty or does not fit; *hash
 * is then the an_lex_hash of the key. */
static inline size_t an_lex_key_from(const char *text, size_t len, size_t i, char *buf, size_t n,
                                     uint32_t *hash)
{
    uint32_t h = *hash, before_space = h;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (n > 0 && buf[n - 1] != ' ' && n < AN_LEX_MAX_KEY) {
                before_space = h;
                buf[n++] = ' ';
                h = (h ^ ' ') * 16777619u;
            }
            continue;
        }
        if (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
            (unsigned char)text[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        if (n == AN_LEX_MAX_KEY)
            return 0;
        buf[n++] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    if (n > 0 && buf[n - 1] == ' ') { /* a trailing space is no part of the key */
        n--;
        h = before_space;
    }
    *hash = h;
    return n;
}

/* Writes the normalized key of text[0..len) into buf (AN_LEX_MAX_KEY
 * bytes): ASCII lowered, whitespace runs as one space, U+2019 as '.
 * Returns its length, or 0 when it is empty or does not fit. */
static inline size_t an_lex_key(const char *text, size_t len, char *buf)
{
    uint32_t h = 2166136261u;
    return an_lex_key_from(text, len, 0, buf, 0, &h);
}

#endif
