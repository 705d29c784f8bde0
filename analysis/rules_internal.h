/* rules_internal.h - shared by the rule files (rules*.c); not installed.
 *
 * The rules read the finalized model and the prose mask, and push
 * diagnostics through an_rules__emit, which applies the configured
 * severity. rules.c runs the groups, then drops what inline suppression
 * comments switch off. */
#ifndef BYLINE_RULES_INTERNAL_H
#define BYLINE_RULES_INTERNAL_H

#include <stdbool.h>

#include "analysis_internal.h"
#include "entity_map.h"

/* A paragraph of prose: blank-line separated (or one line when the draft
 * has no blank lines). `body` is false for headlines, bylines, captions
 * and other lines a checker never flags (NEWSROOM §8). */
typedef struct an_para {
    an_span span; /* trimmed of surrounding whitespace */
    bool body;
    bool first_person; /* I/we outside quotes: an interview answer, a letter */
} an_para;

/* A word of prose: letters, marks and digits with inner ' ’ - . joining. */
typedef struct an_word {
    an_span span;
    bool capitalized; /* first letter upper or title case */
    bool all_caps;    /* every letter upper case, at least one letter */
    bool has_upper;   /* at least one upper-case letter */
    /* an_rules__in_speech at the word's start, set once from the quotes
     * by an_rules__mark_speech: the checks ask it of many words, each a
     * search of the quotes otherwise (in the padding: no memory). */
    bool speech;
    int32_t para; /* index into paragraphs, or -1 (a paragraph has at least 2 bytes) */
} an_word;

/* The findings a document keeps per rule (docs/robustness.md): a draft
 * with a million stray quotation marks must not make a million
 * diagnostics. The rest are counted and summed up in one diagnostic. */
enum { AN_RULES_MAX_PER_RULE = 1000 };

/* Spans grouped by their spelling (rules_index.c): built once from an array
 * of structs whose first member is an an_span, it answers "which of them
 * are spelled like this?" in constant time. With `fold`, ASCII case is
 * ignored. */
typedef struct an_groups {
    const char *text;
    const void *base; /* the array grouped, and its stride */
    size_t stride;
    struct an_groups_slot {
        uint32_t hash, group; /* group + 1, or 0 when the slot is empty */
    } *slots;         /* open addressing */
    size_t n_slots;   /* a power of two, at least twice the groups */
    AN_VEC(uint32_t) first; /* group k's first item, whose span gives the spelling */
    AN_VEC(uint32_t) at;    /* ... its items are items[at[k] .. at[k + 1]) */
    uint32_t *items;  /* indices into the array, ascending within a group */
    bool fold;
} an_groups;

/* Groups n items of `stride` bytes by the spelling of their leading span
 * in text, leaving out those `keep` (when not NULL) says no to. The items
 * must stay in place while g is used. Returns 0, or -1 (no memory; g is
 * then empty). */
int an_groups_build(an_groups *g, const char *text, const void *items, size_t n, size_t stride,
                    bool fold, bool (*keep)(const void *item));
/* The ascending indices of the items spelled key[0..len), and their count
 * in *n; NULL (and 0) when none. */
const uint32_t *an_groups_find(const an_groups *g, const char *key, size_t len, size_t *n);
void an_groups_free(an_groups *g);

typedef struct an_rules_ctx {
    an_doc *doc;
    const an_options *opt;
    AN_VEC(an_para) paras;
    AN_VEC(an_word) words;
    /* The indices of the capitalized words, ascending: the checks that
     * look at capitalized words only walk these rather than every word. */
    AN_VEC(uint32_t) capitalized;
    /* Per 64 bytes of text, the first word starting in or after them:
     * an_rules__word_from scans a few words from there instead of
     * searching them all (4 bytes per 64 of text). NULL when no memory. */
    uint32_t *word_at_block;
    size_t n_blocks;
    size_t found[AN_RULE_COUNT];         /* findings per rule, kept or not */
    an_span first_dropped[AN_RULE_COUNT]; /* the first finding not kept */
    /* The words by exact spelling, built by the first an_rules__occurrences
     * (a short draft may never need it); storage of an__rules_run, behind
     * a pointer so that the checks, which hold a const context, can fill it. */
    struct an_rules_lazy *lazy;
} an_rules_ctx;

typedef struct an_rules_lazy {
    bool built;
    an_groups by_spelling;
    /* Until then, a short draft's first questions are answered by a scan
     * of the words; each answer is kept, as the index's are, until
     * an_rules__lazy_free at the end of the pass. */
    AN_VEC(uint32_t *) scans;
    size_t n_scans;
    /* Per mention, 1 + the number of words it covers, or 0 while not yet
     * counted (rules_people.c); calloc'd at the first count. */
    uint32_t *mention_words;
} an_rules_lazy;

void an_rules__lazy_free(an_rules_lazy *lazy);

/* Below this many words, a check may scan the words rather than have the
 * spelling index built (both give the same answer). */
#define AN_RULES_SCAN_WORDS 4096

/* Pushes a diagnostic unless the rule is off or already has
 * AN_RULES_MAX_PER_RULE (then it is only counted). message/related_message
 * are copied into the arena; replacement may be NULL. */
void an_rules__emit(an_rules_ctx *cx, an_rule rule, an_span span, const char *message,
                    an_span related, const char *related_message, const char *replacement);

/* The paragraph containing offset, or -1 (between paragraphs). */
ptrdiff_t an_rules__para_of(const an_rules_ctx *cx, size_t offset);
/* True when offset lies in a body paragraph. */
bool an_rules__in_body(const an_rules_ctx *cx, size_t offset);
/* True when offset lies in a paragraph written in the first person outside
 * quotes: an interviewee's answer, words the desk does not rewrite. */
bool an_rules__in_first_person(const an_rules_ctx *cx, size_t offset);
/* an_rules__in_body and an_rules__in_first_person at a word's start, from
 * the paragraph the word carries rather than by a search. */
bool an_rules__word_in_body(const an_rules_ctx *cx, const an_word *w);
bool an_rules__word_in_first_person(const an_rules_ctx *cx, const an_word *w);
/* True when the word follows a sentence end (or starts its paragraph):
 * asked of a few words only, so not kept per word. */
bool an_rules__sentence_start(const an_rules_ctx *cx, const an_word *w);
/* The first word starting at or after offset (index into cx->words). */
size_t an_rules__word_from(const an_rules_ctx *cx, size_t offset);
/* The words spelled exactly like the text at sp (ascending indices into
 * cx->words) and their count in *n; NULL when none. */
const uint32_t *an_rules__occurrences(const an_rules_ctx *cx, an_span sp, size_t *n);
/* The same for any spelling key[0..len). */
const uint32_t *an_rules__occurrences_of(const an_rules_ctx *cx, const char *key, size_t len,
                                         size_t *n);
/* True once the spelling index exists, so that a lookup costs no scan. */
bool an_rules__indexed(const an_rules_ctx *cx);
/* The first position in the ascending idx[0..n) whose value is >= value. */
size_t an_rules__lower_bound(const uint32_t *idx, size_t n, uint32_t value);

/* A comparison key for s[0..len): NFC, casefolded, and with marks
 * stripped when `strip_marks`; "mac" at the start folds to "mc" when
 * `strip_marks` too. malloc'd, NUL-terminated, caller frees; NULL on
 * invalid input or no memory. */
char *an_rules__key(const char *s, size_t len, bool strip_marks);
/* True when a and b are two spellings of one name: equal after folding
 * marks (Zoe/Zoë, MacDonald/McDonald), or close by edit distance for
 * their length (Mottaki/Motaki, McCormack/McCormick). False when equal. */
bool an_rules__name_variant(const char *a, size_t alen, const char *b, size_t blen);
/* True when word is name plus a plural or possessive end (Martins, Martin's). */
bool an_rules__plural_of(const char *word, size_t wlen, const char *name, size_t nlen);
/* The comparison keys of one spelling, computed once per distinct spelling
 * by an_rules__name_key: the work behind an_rules__name_variant and
 * an_rules__plural_of, which pairwise checks would otherwise redo for
 * every pair (utf8proc normalization dominated the rules' time). */
typedef struct an_name_key {
    bool ok;           /* false when the spelling has no valid key */
    uint32_t raw_off;  /* key(s, false) as code points, in an_name_keys.cps */
    uint32_t raw_n;
    uint32_t cased_off; /* key(s without a possessive, false), in .chars */
    uint32_t fold_off;  /* key(s without a possessive, true), in .chars */
    uint32_t fold_cps;  /* ... and as code points, in .cps */
    uint32_t fold_n;
    uint64_t letters;   /* bit (c % 64) set for each code point c of the fold key */
} an_name_key;

typedef struct an_name_keys {
    an_emap index; /* spelling -> index into keys */
    AN_VEC(an_name_key) keys;
    AN_VEC(char) chars;
    AN_VEC(int32_t) cps;
} an_name_keys;

/* For ASCII s[0..len) without NUL bytes: the length of its folded key
 * (the fold_n an_rules__name_key would give) and its first code point,
 * without making the key. False for other text. */
bool an_rules__ascii_fold_shape(const char *s, size_t len, uint32_t *fold_n, int32_t *first);
/* The index in c->keys of the keys of s[0..len), or -1 (no memory). */
int32_t an_rules__name_key(an_name_keys *c, const char *s, size_t len);
/* True when two letter sets (an_name_key.letters) differ in at most
 * 2 * edits letters: an edit adds or removes at most two letters of the
 * set, a swap none. */
static inline bool an_rules__letters_within(uint64_t a, uint64_t b, uint32_t edits)
{
    uint32_t apart = 0;
    for (uint64_t x = a ^ b; x && apart <= 2 * edits; x &= x - 1)
        apart++;
    return apart <= 2 * edits;
}
/* False when the folded keys a and b are too far apart in length or in
 * their letter sets to be within the edits an_rules__variant_k allows
 * (1, or 2 when both have 10 code points or more): a necessary condition
 * for a variant, and a few instructions where the verdict costs a hundred
 * or more, so that a candidate list can be filtered before it. */
static inline bool an_rules__within_edits(const an_name_key *a, const an_name_key *b)
{
    uint32_t shorter = a->fold_n < b->fold_n ? a->fold_n : b->fold_n;
    uint32_t longer = a->fold_n < b->fold_n ? b->fold_n : a->fold_n;
    uint32_t edits = shorter >= 10 ? 2u : 1u;
    return longer - shorter <= edits && an_rules__letters_within(a->letters, b->letters, edits);
}
/* an_rules__name_variant and an_rules__plural_of on cached keys. */
bool an_rules__variant_k(const an_name_keys *c, int32_t a, int32_t b);
bool an_rules__plural_k(const an_name_keys *c, int32_t word, int32_t name);
void an_rules__name_keys_free(an_name_keys *c);

/* True when the word at w is one of the NULL-terminated list, ignoring
 * ASCII case. */
bool an_rules__word_in(const an_doc *doc, an_span w, const char *const *list);
/* True when offset lies inside a direct quote, the speaker's own words
 * (not on its opening mark, not in scare quotes or a title). */
bool an_rules__in_speech(const an_doc *doc, size_t offset);
/* True when the text at span equals s[0..len) byte for byte. */
bool an_rules__span_is(const an_doc *doc, an_span span, const char *s, size_t len);
/* Quoted, NUL-terminated copy of a span for messages, cut at 60 bytes. */
void an_rules__excerpt(const an_doc *doc, an_span span, char *buf, size_t size);

/* The age stated at a person's introduction as `name` ("Emma Lopez, 12,",
 * "Emma Lopez, aged 12", "Emma Lopez (12)", "12-year-old Emma Lopez"), or
 * -1 when none is. */
int an_rules__stated_age(const an_rules_ctx *cx, an_span name);
/* True when the person introduced as `name` is a child by
 * names.juvenileAge: called by the given name, never Mr. or Lopez. */
bool an_rules__juvenile(const an_rules_ctx *cx, an_span name);
/* True when the quote is the title of a work, not speech: title-cased
 * words after "the song", "his novel", "titled" ... (titles.composition). */
bool an_rules__work_title(const an_rules_ctx *cx, an_span quote);

void an__rules_quotes(an_rules_ctx *cx);   /* rules_quotes.c */
void an__rules_people(an_rules_ctx *cx);   /* rules_people.c */
void an__rules_acronyms(an_rules_ctx *cx); /* rules_acronyms.c */
void an__rules_style(an_rules_ctx *cx);    /* rules_style.c */
void an__rules_suppress(an_rules_ctx *cx); /* rules_suppress.c */

#endif
