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
    bool sentence_start;
} an_word;

typedef struct an_rules_ctx {
    an_doc *doc;
    const an_options *opt;
    AN_VEC(an_para) paras;
    AN_VEC(an_word) words;
} an_rules_ctx;

/* Pushes a diagnostic unless the rule is off. message/related_message are
 * copied into the arena; replacement may be NULL. */
void an_rules__emit(an_rules_ctx *cx, an_rule rule, an_span span, const char *message,
                    an_span related, const char *related_message, const char *replacement);

/* The paragraph containing offset, or -1 (between paragraphs). */
ptrdiff_t an_rules__para_of(const an_rules_ctx *cx, size_t offset);
/* True when offset lies in a body paragraph. */
bool an_rules__in_body(const an_rules_ctx *cx, size_t offset);
/* True when offset lies in a paragraph written in the first person outside
 * quotes: an interviewee's answer, words the desk does not rewrite. */
bool an_rules__in_first_person(const an_rules_ctx *cx, size_t offset);
/* The first word starting at or after offset (index into cx->words). */
size_t an_rules__word_from(const an_rules_ctx *cx, size_t offset);

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
/* True when the text at span equals s[0..len) byte for byte. */
bool an_rules__span_is(const an_doc *doc, an_span span, const char *s, size_t len);
/* Quoted, NUL-terminated copy of a span for messages, cut at 60 bytes. */
void an_rules__excerpt(const an_doc *doc, an_span span, char *buf, size_t size);

void an__rules_quotes(an_rules_ctx *cx);   /* rules_quotes.c */
void an__rules_people(an_rules_ctx *cx);   /* rules_people.c */
void an__rules_acronyms(an_rules_ctx *cx); /* rules_acronyms.c */
void an__rules_suppress(an_rules_ctx *cx); /* rules_suppress.c */

#endif
