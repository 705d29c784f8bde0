/* tokens.h - a word tokenizer for English news prose, UTF-8 aware.
 *
 * Words keep internal apostrophes (O’Neill, don't), hyphens (al-Maliki,
 * Chung-tai) and the periods of abbreviations and initials (U.S., Mr.,
 * K.C.). A possessive 's / ’s (and the bare ’ of "Joneses’") is cut off the
 * word and noted in AN_TOK_POSS. Every other non-space character is a
 * one-character punctuation token. Offsets are bytes into the text.
 *
 * Example:
 *     an_toks toks = {0};
 *     an_tok_block(text, start, end, &toks);   // toks.items[0 .. toks.len)
 *     free(toks.items);
 */
#ifndef BYLINE_TOKENS_H
#define BYLINE_TOKENS_H

#include <stddef.h>
#include <stdint.h>

enum {
    AN_TOK_WORD = 1u << 0,    /* starts with a letter or digit */
    AN_TOK_CAP = 1u << 1,     /* first letter uppercase (Lu, Lt) */
    AN_TOK_ALLCAPS = 1u << 2, /* two or more letters, none lowercase */
    AN_TOK_LOWER = 1u << 3,   /* first letter lowercase */
    AN_TOK_DIGIT = 1u << 4,   /* starts with a digit */
    AN_TOK_SENT = 1u << 5,    /* first word of a sentence (or after a colon / opening quote) */
    AN_TOK_POSS = 1u << 6,    /* a possessive 's or ’ follows (not in the span) */
    AN_TOK_ABBR = 1u << 7,    /* ends with a period that is part of it */
    AN_TOK_HYPHEN = 1u << 8,  /* contains a hyphen */
    AN_TOK_NL = 1u << 9,      /* a line break lies between this token and the previous one */
    AN_TOK_HEADLINE = 1u << 10, /* inside a title-case headline line */
    /* punctuation classes (AN_TOK_WORD unset) */
    AN_TOK_END = 1u << 12,    /* . ! ? … (sentence end) */
    AN_TOK_COMMA = 1u << 13,
    AN_TOK_COLON = 1u << 14,  /* : ; */
    AN_TOK_OPEN = 1u << 15,   /* ( [ */
    AN_TOK_CLOSE = 1u << 16,  /* ) ] */
    AN_TOK_QUOTE = 1u << 17,  /* " “ ” ‘ ’ ' « » */
    AN_TOK_DASH = 1u << 18,   /* - – — between spaces */
    AN_TOK_AMP = 1u << 19,    /* & */
};

typedef struct an_tok {
    uint32_t start, end; /* the word's bytes, without a possessive */
    uint32_t flags;      /* AN_TOK_* */
    uint32_t lex;        /* lexicon flags, filled by the caller */
} an_tok;

typedef struct an_toks {
    an_tok *items;
    size_t len, cap;
} an_toks;

/* Appends the tokens of text[start, end) to toks (start and end must lie
 * on character boundaries or be the text's ends; end <= UINT32_MAX).
 * Sets AN_TOK_SENT on the first word and after sentence ends. Returns 0,
 * or -1 when memory runs out. */
int an_tok_block(const char *text, size_t start, size_t end, an_toks *toks);

#endif
