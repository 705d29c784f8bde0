/* entities.c - people and organizations, and their mentions.
 *
 * Rules and lexicons, no statistics (docs/analysis.md explains the method):
 * 1. Each block of prose (lines up to a blank line) is tokenized and cut
 *    into chunks: runs of capitalized words, joined by "of/for/on/at/and/&"
 *    and name particles (de, van, al, bin).
 * 2. A chunk loses leading function words and sentence-initial ordinary
 *    words, then is classified: organization (known name, head word such
 *    as Ministry, "University of X", an acronym definition, "X
 *    administration"), person (courtesy title or title before it, a given
 *    name, unknown non-dictionary words, a role noun or speech verb next to
 *    it, an age), or left pending.
 * 3. The names found define entities (longest first); every token and run
 *    of tokens of a name maps to its entity, so pending chunks ("Clawson",
 *    "the Church") become later references in a second pass.
 * 4. Mentions are pushed sorted and disjoint (see entities.h). */
#include "entities.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "entity_map.h"
#include "lexicon.h"
#include "tokens.h"

#define AN_TOK_LEXED (1u << 31)   /* tok.lex is filled */
#define AN_TOK_CLAIMED (1u << 30) /* an acronym already taken by the name before it */
#define AN_NONE32 UINT32_MAX
#define AN_MAX_CHUNK 14 /* tokens */

/* One name occurrence: a future mention. */
typedef struct an_ent_name {
    uint32_t start, end;             /* the tight name */
    uint32_t hon_start;              /* honorific start, or AN_NONE32 */
    uint32_t title_start, title_end; /* title or role text; equal when none */
    uint32_t tok_off, n_tok;         /* its word tokens in st->ntoks */
    uint32_t acr_start, acr_end;     /* an acronym defined right after it */
    uint8_t kind;                    /* an_entity_kind */
    uint8_t title_before;            /* the title stands before the name */
    uint8_t strong;                  /* a person by title or given name, not by guess */
    int32_t entity;                  /* index into st->ents, or -1 */
} an_ent_name;

/* A chunk nothing classified; the second pass matches it against names. */
typedef struct an_ent_pending {
    uint32_t tok_off, n_tok;
} an_ent_pending;

/* An entity under construction. */
typedef struct an_ent_rec {
    uint8_t kind;
    uint32_t name;  /* index of its canonical an_ent_name */
    uint32_t first; /* start of its first name resolved so far */
    uint32_t title_start, title_end;
    uint32_t n_tok;
    an_span aliases[4];
    uint32_t n_aliases;
} an_ent_rec;

typedef struct an_ent_state {
    an_doc *doc;
    const char *s; /* doc->prose */
    an_toks toks;  /* the current block */
    AN_VEC(an_tok) ntoks;
    AN_VEC(an_ent_name) names;
    AN_VEC(an_ent_pending) pending;
    AN_VEC(an_ent_rec) ents;
    an_emap map;
    size_t span_a, span_b; /* a one-entry cache of an_ent__span_is */
    uint32_t span_lex;
    int oom;
} an_ent_state;

/* ---- lexicon access ---------------------------------------------------- */

/* Lexicon flags of text[start, end); non-ASCII text is also tried without
 * diacritics (Zoë -> zoe). */
static uint32_t an_ent__lex_span(const char *s, size_t start, size_t end)
{
    uint32_t f = an_lex_lookup(s + start, end - start);
    if (f)
        return f;
    int ascii = 1;
    for (size_t i = start; i < end && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii || end - start > AN_LEX_MAX_KEY)
        return 0;
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(end - start),
                                      &folded, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
    if (n > 0)
        f = an_lex_lookup((const char *)folded, (size_t)n);
    free(folded);
    return f;
}

static uint32_t an_ent__lex(const an_ent_state *st, an_tok *t)
{
    if (!(t->flags & AN_TOK_LEXED)) {
        t->lex = (t->flags & AN_TOK_WORD) ? an_ent__lex_span(st->s, t->start, t->end) : 0;
        t->flags |= AN_TOK_LEXED;
    }
    return t->lex;
}

/* Whether the token's text equals the ASCII word w (case-sensitive). */
static int an_ent__is(const an_ent_state *st, const an_tok *t, const char *w)
{
    size_t n = strlen(w);
    return t->end - t->start == n && memcmp(st->s + t->start, w, n) == 0;
}

/* Whether the token ends with the ASCII suffix suf. */
static int an_ent__suffix(const an_ent_state *st, const an_tok *t, const char *suf)
{
    size_t n = strlen(suf);
    return t->end - t->start > n && memcmp(st->s + t->end - n, suf, n) == 0;
}

/* ---- chunking ---------------------------------------------------------- */

/* True when [a, b) is a given name and then a word of the calendar used as
 * a surname: Theresa May, Donna Summer, Johnnie Christmas, Tariq Ramadan.
 * Not a day of the week (Monday, Today), an abbreviation (Dec.), a date
 * (a number follows: "Laura May 5" is a date after a name), or after a
 * given name that is also a word, place or time (Will May, Jordan June). */
static int an_ent__time_surname(an_ent_state *st, size_t a, size_t b)
{
    if (b - a < 2)
        return 0;
    an_tok *first = &st->toks.items[a], *last = &st->toks.items[b - 1];
    uint32_t ff = an_ent__lex(st, first), lf = an_ent__lex(st, last);
    if (!(lf & AN_LEX_TIME) || !(ff & AN_LEX_FIRST) ||
        (ff & (AN_LEX_WORD | AN_LEX_TIME | AN_LEX_PLACE | AN_LEX_NATIONALITY)) ||
        an_ent__suffix(st, last, "day") || st->s[last->end - 1] == '.' ||
        (last->flags & (AN_TOK_ALLCAPS | AN_TOK_HEADLINE)))
        return 0;
    for (size_t i = b; i < st->toks.len && i < b + 2; i++)
        if (st->toks.items[i].flags & AN_TOK_DIGIT)
            return 0;
    return 1;
}

/* True when the last token of [a, b) is a word of the calendar that does
 * not belong to the name: "Brotherhood of Magicians Wednesday". A given
 * name alone stays ("April said"), and so does a calendar surname after
 * a given name ("Prime Minister Theresa May"). */
static int an_ent__trailing_time(an_ent_state *st, size_t a, size_t b)
{
    uint32_t f = an_ent__lex(st, &st->toks.items[b - 1]);
    if (!(f & AN_LEX_TIME) || ((f & AN_LEX_FIRST) && b - a < 2))
        return 0;
    return b - a < 2 || !an_ent__time_surname(st, b - 2, b); /* the given name right before it */
}

/* "al-Amr", "el-Hassan": a lowercase particle joined to a capitalized name. */
static int an_ent__particle_hyphen(const an_ent_state *st, const an_tok *t)
{
    const char *p = st->s + t->start;
    return (t->flags & AN_TOK_HYPHEN) && t->end - t->start > 3 && (p[0] == 'a' || p[0] == 'e' || p[0] == 'A' || p[0] == 'E') &&
           p[1] == 'l' && p[2] == '-' && p[3] >= 'A' && p[3] <= 'Z';
}

/* "Denmark-based", "Kremlin-backed", "London-born", "Soviet-style": a
 * capitalized word joined to a participle or a few other modifier words
 * is an adjective, not part of a name ("retailer Tesco and Denmark-based
 * retailer Salling Group"). Other lowercase tails are kept: they are
 * often syllables of a given name ("Kwok-hung", "Won-soon"). */
static int an_ent__modifier_hyphen(const an_ent_state *st, const an_tok *t)
{
    static const char *const tails[] = {"born", "like", "made", "run", "style", "wide"};
    if (!(t->flags & AN_TOK_HYPHEN))
        return 0;
    size_t i = t->end;
    while (i > t->start && st->s[i - 1] != '-')
        i--;
    size_t n = t->end - i;
    const char *tail = st->s + i;
    if (i <= t->start + 1 || n < 3 || tail[0] < 'a' || tail[0] > 'z')
        return 0;
    if (tail[n - 2] == 'e' && tail[n - 1] == 'd')
        return (an_lex_lookup(tail, n) & AN_LEX_WORD) != 0;
    return an__in_sorted(tails, sizeof tails / sizeof *tails, tail, n);
}

/* "d'Ettorre", "d’Estaing": the elided particle joined to a capitalized
 * name. */
static int an_ent__particle_elided(const an_ent_state *st, const an_tok *t)
{
    const unsigned char *p = (const unsigned char *)st->s + t->start;
    size_t n = t->end - t->start;
    if (n < 3 || p[0] != 'd')
        return 0;
    size_t k = p[1] == '\'' ? 2 : (n > 5 && p[1] == 0xE2 && p[2] == 0x80 && p[3] == 0x99) ? 4 : 0;
    return k && k < n && p[k] >= 'A' && p[k] <= 'Z';
}

static inline int an_ent__is_name_tok(const an_ent_state *st, const an_tok *t)
{
    if ((t->flags & (AN_TOK_WORD | AN_TOK_DIGIT)) != AN_TOK_WORD)
        return 0;
    if (t->flags & (AN_TOK_CAP | AN_TOK_ALLCAPS))
        return !(t->flags & AN_TOK_HYPHEN) || !an_ent__modifier_hyphen(st, t);
    if (st->s[t->start] == 'd')
        return an_ent__particle_elided(st, t);
    return (t->flags & AN_TOK_HYPHEN) && an_ent__particle_hyphen(st, t);
}

enum { AN_CONN_NONE = 0, AN_CONN_ORG, AN_CONN_PARTICLE, AN_CONN_THE };

/* What joins two parts of a name: "of", "for" (organizations), "de",
 * "van" (particles), "the" (after of/for), or nothing. */
static int an_ent__connector(an_ent_state *st, an_tok *t)
{
    if (t->flags & AN_TOK_AMP)
        return AN_CONN_ORG;
    if (!(t->flags & AN_TOK_LOWER) || t->end - t->start > 5)
        return AN_CONN_NONE; /* connectors and particles are short */
    const char *p = st->s + t->start;
    switch (t->end - t->start) {
    case 2:
        if ((p[0] == 'o' && (p[1] == 'f' || p[1] == 'n')) || (p[0] == 'a' && p[1] == 't'))
            return AN_CONN_ORG;
        break;
    case 3:
        if (memcmp(p, "for", 3) == 0 || memcmp(p, "and", 3) == 0)
            return AN_CONN_ORG;
        if (memcmp(p, "the", 3) == 0)
            return AN_CONN_THE;
        break;
    default:
        break;
    }
    return (an_ent__lex(st, t) & AN_LEX_PARTICLE) ? AN_CONN_PARTICLE : AN_CONN_NONE;
}

/* ---- names ------------------------------------------------------------- */

/* Copies tokens [a, b) of the block into ntoks; returns the offset. */
static uint32_t an_ent__keep_toks(an_ent_state *st, size_t a, size_t b)
{
    uint32_t off = (uint32_t)st->ntoks.len;
    for (size_t i = a; i < b; i++) {
        an_tok t = st->toks.items[i];
        if (!(t.flags & AN_TOK_WORD))
            continue;
        if (AN_VEC_PUSH(st->ntoks, t) != 0)
            st->oom = 1;
    }
    return off;
}

static an_ent_name *an_ent__add_name(an_ent_state *st, uint8_t kind, size_t a, size_t b)
{
    an_ent_name n = {0};
    n.kind = kind;
    n.start = st->toks.items[a].start;
    n.end = st->toks.items[b - 1].end;
    n.hon_start = AN_NONE32;
    n.entity = -1;
    n.tok_off = an_ent__keep_toks(st, a, b);
    n.n_tok = (uint32_t)st->ntoks.len - n.tok_off;
    if (AN_VEC_PUSH(st->names, n) != 0) {
        st->oom = 1;
        return NULL;
    }
    return &st->names.items[st->names.len - 1];
}

static void an_ent__add_pending(an_ent_state *st, size_t a, size_t b)
{
    an_ent_pending p;
    p.tok_off = an_ent__keep_toks(st, a, b);
    p.n_tok = (uint32_t)st->ntoks.len - p.tok_off;
    if (p.n_tok && AN_VEC_PUSH(st->pending, p) != 0)
        st->oom = 1;
}

/* ---- context ----------------------------------------------------------- */

static an_tok *an_ent__tok(an_ent_state *st, size_t i)
{
    return i < st->toks.len ? &st->toks.items[i] : NULL;
}

/* An acronym defined right after tokens ending at b: "(MEK)" or ", or MEK,".
 * Returns the acronym's token index, or SIZE_MAX. */
static size_t an_ent__acronym_after(an_ent_state *st, size_t b)
{
    an_tok *t0 = an_ent__tok(st, b), *t1 = an_ent__tok(st, b + 1), *t2 = an_ent__tok(st, b + 2);
    if (t0 && t1 && t2 && (t0->flags & AN_TOK_OPEN) && (t1->flags & AN_TOK_ALLCAPS) &&
        (t2->flags & AN_TOK_CLOSE))
        return b + 1;
    an_tok *t3 = an_ent__tok(st, b + 3);
    if (t0 && t1 && t2 && (t0->flags & AN_TOK_COMMA) && an_ent__is(st, t1, "or") &&
        (t2->flags & AN_TOK_ALLCAPS) && (!t3 || (t3->flags & (AN_TOK_COMMA | AN_TOK_END))))
        return b + 2;
    return SIZE_MAX;
}

/* The lowercase word right before token a, if any. */
static an_tok *an_ent__prev_lower(an_ent_state *st, size_t a)
{
    an_tok *p = a > 0 ? &st->toks.items[a - 1] : NULL;
    return p && (p->flags & AN_TOK_LOWER) ? p : NULL;
}

static an_tok *an_ent__next_lower(an_ent_state *st, size_t b)
{
    an_tok *n = an_ent__tok(st, b);
    return n && (n->flags & AN_TOK_LOWER) ? n : NULL;
}

/* A finite auxiliary: a clause, not an appositive ("According to X, a
 * detective for the office was provided ..."). */
static int an_ent__is_aux(an_ent_state *st, const an_tok *t)
{
    static const char *const aux[] = {"is", "was", "are", "were", "has", "had", "have",
                                      "will", "would", "could", "can", "did", "does"};
    for (size_t k = 0; k < sizeof aux / sizeof aux[0]; k++)
        if (an_ent__is(st, t, aux[k]))
            return 1;
    return 0;
}

/* The end of a role that runs past the appositive's word limit: the role
 * stops before the first preposition after its role noun ("analyst | at
 * the ..."), never inside a name; SIZE_MAX when there is none. */
static size_t an_ent__appositive_cut(an_ent_state *st, size_t role, size_t end)
{
    static const char *const preps[] = {"at", "of", "for", "with", "in", "from", "to", "on"};
    for (size_t i = role + 1; i < end; i++) {
        an_tok *t = &st->toks.items[i];
        for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
            if ((t->flags & AN_TOK_LOWER) && an_ent__is(st, t, preps[k]))
                return i;
    }
    return SIZE_MAX;
}

/* A title after the name: ", the chief State Department spokesman," or
 * ", a Mideast analyst at the Washington Institute for Near East Policy,".
 * Sets title to the words between the comma and the end of the appositive
 * (next comma, period or "who", without a/an) when a role noun is among
 * its first words. An appositive longer than the limit is cut before the
 * first preposition after the role noun, so a title never ends inside a
 * name. */
static void an_ent__appositive(an_ent_state *st, size_t b, an_ent_name *n)
{
    enum { ROLE_WORDS = 8, MAX_WORDS = 20 };
    an_tok *c = an_ent__tok(st, b);
    if (!c || !(c->flags & AN_TOK_COMMA))
        return;
    size_t i = b + 1, first = b + 1, role = SIZE_MAX;
    an_tok *t = an_ent__tok(st, i);
    if (t && (an_ent__is(st, t, "a") || an_ent__is(st, t, "an")))
        first = ++i;
    for (; i < st->toks.len && i < first + MAX_WORDS; i++) {
        t = &st->toks.items[i];
        if (!(t->flags & AN_TOK_WORD) || an_ent__is(st, t, "who") || an_ent__is(st, t, "which"))
            break;
        if (i < first + ROLE_WORDS && role == SIZE_MAX && (t->flags & AN_TOK_LOWER) &&
            (an_ent__lex(st, t) & AN_LEX_ROLE))
            role = i;
        if ((t->flags & AN_TOK_LOWER) && ((an_ent__lex(st, t) & AN_LEX_SPEECH) || an_ent__is_aux(st, t)))
            return;
    }
    if (role == SIZE_MAX || i == first)
        return;
    size_t end = i;
    if (i < st->toks.len && !(st->toks.items[i].flags & (AN_TOK_COMMA | AN_TOK_END)) &&
        (st->toks.items[i].flags & AN_TOK_WORD) && i == first + MAX_WORDS)
        end = an_ent__appositive_cut(st, role, i);
    else if (i < st->toks.len && !(st->toks.items[i].flags & (AN_TOK_COMMA | AN_TOK_END | AN_TOK_WORD)))
        return;
    if (end == SIZE_MAX || end == first)
        return;
    n->title_start = st->toks.items[first].start;
    n->title_end = st->toks.items[end - 1].end;
}

/* ---- classification ----------------------------------------------------- */

static const uint32_t AN_LEX_NAMEY = AN_LEX_FIRST | AN_LEX_PROPER | AN_LEX_ORG | AN_LEX_ORG_HEAD |
                                     AN_LEX_ORG_START | AN_LEX_TITLE | AN_LEX_HONORIFIC |
                                     AN_LEX_PLACE | AN_LEX_NATIONALITY;

/* Lexicon flags of a hyphenated word's two halves ("Prize-winner"), 0
 * unless both halves are ordinary words. */
static uint32_t an_ent__hyphen_words(an_ent_state *st, const an_tok *t)
{
    const char *p = memchr(st->s + t->start, '-', t->end - t->start);
    if (!p)
        return 0;
    size_t mid = (size_t)(p - st->s);
    uint32_t l = an_lex_lookup(st->s + t->start, mid - t->start);
    uint32_t r = an_lex_lookup(p + 1, t->end - mid - 1);
    return (l & AN_LEX_WORD) && (r & AN_LEX_WORD) ? AN_LEX_WORD : 0;
}

static int an_ent__span_is(an_ent_state *st, size_t a, size_t b, uint32_t flags)
{
    if (b - a == 1)
        return (an_ent__lex(st, &st->toks.items[a]) & flags) != 0;
    if (st->span_a != a || st->span_b != b) {
        st->span_a = a;
        st->span_b = b;
        st->span_lex = an_ent__lex_span(st->s, st->toks.items[a].start, st->toks.items[b - 1].end);
    }
    return (st->span_lex & flags) != 0;
}

/* Drops leading words that do not belong to a name: "The", "But",
 * sentence-initial "Officials", connectors. Returns the new start. */
static size_t an_ent__peel(an_ent_state *st, size_t a, size_t b)
{
    while (a < b) {
        an_tok *t = &st->toks.items[a];
        uint32_t f = an_ent__lex(st, t);
        int initial = (t->flags & (AN_TOK_SENT | AN_TOK_HEADLINE)) != 0;
        if (!an_ent__is_name_tok(st, t))
            a++;
        else if ((f & AN_LEX_FUNCTION) && !(f & (AN_LEX_ORG | AN_LEX_TITLE | AN_LEX_HONORIFIC)))
            a++;
        else if ((f & AN_LEX_TIME) && a + 1 < b && (!(f & AN_LEX_FIRST) || an_ent__suffix(st, t, "day")))
            a++; /* "Friday at the ...", "Tuesday Mitsotakis" */
        else if (initial && ((f & AN_LEX_WORD) || (!f && (t->flags & AN_TOK_HYPHEN) &&
                                                   an_ent__hyphen_words(st, t))) &&
                 !(f & AN_LEX_NAMEY) &&
                 !(a + 1 < b && an_ent__span_is(st, a, a + 2, AN_LEX_TITLE | AN_LEX_ORG | AN_LEX_PLACE)))
            a++; /* but not "Prime" of "Prime Minister" */
        else
            break;
    }
    return a;
}


/* Organization evidence for the chunk [a, b). */
/* Whether the name at token a is given to a kind of organization named a
 * few words before: "the elite group within Scientology called the Sea
 * Org", "the national team, known as the Gliders". The noun must be the
 * last one before the verb. */
static int an_ent__named_org(an_ent_state *st, size_t a)
{
    size_t i = a;
    if (i > 0 && an_ent__connector(st, &st->toks.items[i - 1]) == AN_CONN_THE)
        i--;
    if (i < 2)
        return 0;
    size_t k = i - 1; /* the verb */
    if (!an_ent__is(st, &st->toks.items[k], "called") && !an_ent__is(st, &st->toks.items[k], "named")) {
        if (!an_ent__is(st, &st->toks.items[k], "as") || !an_ent__is(st, &st->toks.items[k - 1], "known"))
            return 0;
        k--;
    }
    for (size_t j = k; j > 0 && k - j < 6; j--) {
        an_tok *t = &st->toks.items[j - 1];
        if (t->flags & (AN_TOK_END | AN_TOK_COLON | AN_TOK_QUOTE | AN_TOK_OPEN | AN_TOK_CLOSE))
            return 0;
        if ((t->flags & AN_TOK_LOWER) && !(an_ent__lex(st, t) & AN_LEX_FUNCTION))
            return (an_ent__lex(st, t) & AN_LEX_ORG_NOUN) != 0; /* not "a university student named" */
    }
    return 0;
}

static int an_ent__is_org(an_ent_state *st, size_t a, size_t b, size_t acr)
{
    if (an_ent__span_is(st, a, b, AN_LEX_ORG))
        return b - a > 1 || !an_ent__span_is(st, a, b, AN_LEX_FUNCTION) ||
               (st->toks.items[a].flags & AN_TOK_ALLCAPS); /* WHO, not "Who" */
    if (b - a >= 2 && (an_ent__lex(st, &st->toks.items[a]) & (AN_LEX_NATIONALITY | AN_LEX_PLACE)) &&
        (an_ent__lex_span(st->s, st->toks.items[a + 1].start, st->toks.items[b - 1].end) & AN_LEX_ORG))
        return 1; /* "British Red Cross", "Belarusian KGB" */
    uint32_t last = an_ent__lex(st, &st->toks.items[b - 1]);
    if ((last & (AN_LEX_ORG_HEAD | AN_LEX_ORG_SUFFIX)) && b - a >= 2 &&
        !(an_ent__lex(st, &st->toks.items[a]) & (AN_LEX_HONORIFIC | AN_LEX_TITLE)))
        return 1;
    if ((last & AN_LEX_PLACE) && b - a >= 3 && (an_ent__lex(st, &st->toks.items[b - 2]) & AN_LEX_ORG_HEAD) &&
        !(an_ent__lex(st, &st->toks.items[a]) & (AN_LEX_HONORIFIC | AN_LEX_TITLE)))
        return 1; /* "Imperial College London", "University College Dublin" */
    for (size_t i = a; i + 1 < b; i++) {
        an_tok *t = &st->toks.items[i];
        if ((an_ent__lex(st, t) & (AN_LEX_ORG_START | AN_LEX_ORG_HEAD)) &&
            (t->flags & AN_TOK_CAP) && an_ent__connector(st, &st->toks.items[i + 1]) == AN_CONN_ORG &&
            !an_ent__is(st, &st->toks.items[i + 1], "and"))
            return 1;
    }
    if (acr != SIZE_MAX && b - a >= 2)
        return 1;
    an_tok *p = an_ent__prev_lower(st, a);
    if (p && (an_ent__lex(st, p) & AN_LEX_ORG_NOUN) && !an_ent__span_is(st, a, b, AN_LEX_PLACE))
        return 1;
    return an_ent__named_org(st, a) && !an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY);
}

/* Organization evidence stronger than a head word: a known name, a
 * company suffix, "University of ...". */
static int an_ent__strong_org(an_ent_state *st, size_t a, size_t b)
{
    if (an_ent__span_is(st, a, b, AN_LEX_ORG) ||
        (an_ent__lex(st, &st->toks.items[b - 1]) & AN_LEX_ORG_SUFFIX))
        return 1;
    return b - a >= 3 && (an_ent__lex(st, &st->toks.items[a]) & AN_LEX_ORG_START) &&
           an_ent__connector(st, &st->toks.items[a + 1]) == AN_CONN_ORG;
}

/* An acronym that names a body: NASA, FIFA, KCNA (not TV, UK, II). */
static int an_ent__is_acronym_org(an_ent_state *st, an_tok *t)
{
    size_t n = t->end - t->start;
    if (!(t->flags & AN_TOK_ALLCAPS) || n < 2 || n > 7 || (t->flags & (AN_TOK_HEADLINE | AN_TOK_HYPHEN)))
        return 0;
    uint32_t f = an_ent__lex(st, t);
    if (f & AN_LEX_ORG)
        return 1;
    if (f & (AN_LEX_WORD | AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_NOT_NAME | AN_LEX_TIME |
             AN_LEX_TITLE | AN_LEX_HONORIFIC | AN_LEX_FIRST | AN_LEX_FUNCTION))
        return 0;
    const char *p = st->s + t->start;
    if (strspn(p, "IVXLC") >= n)
        return 0; /* a Roman numeral */
    return 1;
}

/* Whether a name-part token is plainly not a name word. */
static int an_ent__plain_word(an_ent_state *st, an_tok *t)
{
    uint32_t f = an_ent__lex(st, t);
    if (!f && (t->flags & AN_TOK_HYPHEN))
        f = an_ent__hyphen_words(st, t);
    return (f & (AN_LEX_WORD | AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_TIME | AN_LEX_NOT_NAME |
                 AN_LEX_ORG | AN_LEX_ORG_HEAD | AN_LEX_FUNCTION | AN_LEX_TITLE)) != 0;
}

/* A common word that is no surname: in the dictionary lowercase only
 * ("Soup", "Clouds"), unlike "Walker" or "Bush". */
static int an_ent__common_only(an_ent_state *st, an_tok *t)
{
    uint32_t f = an_ent__lex(st, t);
    if (!f && (t->flags & AN_TOK_HYPHEN))
        f = an_ent__hyphen_words(st, t);
    return (f & AN_LEX_WORD) && !(f & (AN_LEX_PROPER | AN_LEX_FIRST));
}

/* "Chung-tai", "Jong-un", "Shin-Wook": the hyphenated given name of a
 * Chinese or Korean name after a short capitalized family name. The
 * syllables may be English words ("Lung-bin"), so no dictionary check. */
static int an_ent__east_asian(an_ent_state *st, size_t a, size_t b)
{
    if (b - a < 2 || b - a > 3)
        return 0;
    an_tok *fam = &st->toks.items[a], *given = &st->toks.items[a + 1];
    size_t fl = fam->end - fam->start, gl = given->end - given->start;
    if (!(given->flags & AN_TOK_HYPHEN) || !(given->flags & AN_TOK_CAP) || (given->flags & AN_TOK_ALLCAPS) ||
        fl < 2 || fl > 6 || gl < 4 || gl > 13 || (an_ent__lex(st, fam) & (AN_LEX_FUNCTION | AN_LEX_TITLE)))
        return 0;
    const char *g = st->s + given->start, *h = memchr(g, '-', gl);
    size_t first = h ? (size_t)(h - g) : gl, second = gl - first - 1;
    return h && first >= 2 && first <= 5 && second >= 2 && second <= 5 && !memchr(h + 1, '-', second);
}

/* Words before a place: "in Irving", "from Tehran". */
static int an_ent__place_prep(an_ent_state *st, const an_tok *t)
{
    static const char *const preps[] = {"in", "at", "from", "to", "near", "into", "across",
                                        "outside", "around", "throughout", "via", "of"};
    for (size_t i = 0; t && i < sizeof preps / sizeof *preps; i++)
        if (an_ent__is(st, t, preps[i]))
            return 1;
    return 0;
}

/* Person evidence from the words around [a, b): a role noun before it
 * ("biologist Nick Bos"), a speech verb ("Clawson said", "said Bos"), an
 * age (", 45,"). */
static int an_ent__person_context(an_ent_state *st, size_t a, size_t b)
{
    an_tok *pl = an_ent__prev_lower(st, a), *nl = an_ent__next_lower(st, b);
    if (pl && (an_ent__lex(st, pl) & AN_LEX_ROLE))
        return 1;
    if (nl && (an_ent__lex(st, nl) & AN_LEX_SPEECH) && !an_ent__is(st, nl, "according"))
        return 1;
    if (pl && (an_ent__lex(st, pl) & AN_LEX_SPEECH) && !an_ent__is(st, pl, "according"))
        return 1;
    an_tok *c = an_ent__tok(st, b), *num = an_ent__tok(st, b + 1), *c2 = an_ent__tok(st, b + 2);
    if (c && num && c2 && (c->flags & AN_TOK_COMMA) && (num->flags & AN_TOK_DIGIT) &&
        num->end - num->start <= 3 && (c2->flags & (AN_TOK_COMMA | AN_TOK_END)))
        return 1;
    /* ", a reporter", ", the chief State Department spokesman" */
    an_tok *det = an_ent__tok(st, b + 1);
    if (!det || !(an_ent__is(st, det, "a") || an_ent__is(st, det, "an") || an_ent__is(st, det, "the")))
        return 0;
    for (size_t i = b + 2; c && (c->flags & AN_TOK_COMMA) && i < st->toks.len && i < b + 6; i++) {
        an_tok *t = &st->toks.items[i];
        if (!(t->flags & AN_TOK_WORD) || an_ent__is(st, t, "of") || an_ent__is(st, t, "for"))
            break;
        if ((t->flags & AN_TOK_LOWER) && (an_ent__lex(st, t) & AN_LEX_ROLE))
            return 1;
    }
    return 0;
}

/* Whether the one-word name at a is a clause's subject that a "he" or
 * "she" soon takes up with no other name between: "The agreement was that
 * Gorbachev agreed to a concession: he agreed to ...". Not after "is" or
 * "was" (a town can be "where he grew up"); "it" or "they" first ends the
 * search (an organization). */
static int an_ent__pronoun_takes_up(an_ent_state *st, size_t a)
{
    static const char *const openers[] = {"after", "and", "as", "because", "before", "but", "if",
                                          "since", "so", "that", "then", "though", "until", "when",
                                          "while"};
    an_tok *x = &st->toks.items[a], *pl = an_ent__prev_lower(st, a);
    an_tok *verb = an_ent__next_lower(st, a + 1);
    if ((x->flags & (AN_TOK_POSS | AN_TOK_HEADLINE)) || (an_ent__lex(st, x) & AN_LEX_WORD) || !verb ||
        an_ent__is(st, verb, "is") ||
        an_ent__is(st, verb, "was") || (an_ent__lex(st, verb) & AN_LEX_FUNCTION))
        return 0;
    if (!(x->flags & AN_TOK_SENT) &&
        !(pl && an__in_sorted(openers, sizeof openers / sizeof *openers, st->s + pl->start,
                              pl->end - pl->start)))
        return 0;
    int ends = 0;
    for (size_t i = a + 2; i < st->toks.len && i < a + 40; i++) {
        an_tok *t = &st->toks.items[i];
        if (t->flags & AN_TOK_END) {
            if (++ends > 1)
                return 0;
            continue;
        }
        if (!(t->flags & AN_TOK_WORD))
            continue;
        size_t len = t->end - t->start;
        const char *w = st->s + t->start;
        int cap = (t->flags & AN_TOK_CAP) != 0;
        if ((len == 2 && (w[0] | 0x20) == 'h' && w[1] == 'e') ||
            (len == 3 && (w[0] | 0x20) == 's' && memcmp(w + 1, "he", 2) == 0))
            return !cap || (t->flags & AN_TOK_SENT);
        if ((len == 2 && (w[0] | 0x20) == 'i' && w[1] == 't') ||
            (len == 4 && (w[0] | 0x20) == 't' && memcmp(w + 1, "hey", 3) == 0))
            return 0;
        if (cap && !((t->flags & AN_TOK_SENT) && (an_ent__lex(st, t) & AN_LEX_FUNCTION)))
            return 0;
    }
    return 0;
}

/* Person evidence for a name of several words [a, b). */
static int an_ent__is_person_multi(an_ent_state *st, size_t a, size_t b)
{
    size_t n = b - a;
    an_tok *first = &st->toks.items[a], *lastt = &st->toks.items[b - 1];
    uint32_t ff = an_ent__lex(st, first), lf = an_ent__lex(st, lastt);
    int initial = (first->flags & (AN_TOK_SENT | AN_TOK_HEADLINE)) != 0;
    /* A capitalized function word mid-sentence after a given name is a
     * surname ("James To", "Wilson Or"). */
    int cap_function = (lf & AN_LEX_FUNCTION) && n == 2 && lastt->end - lastt->start == 2 &&
                       (ff & AN_LEX_FIRST) && !(ff & (AN_LEX_WORD | AN_LEX_PLACE)) &&
                       (lastt->flags & AN_TOK_CAP) && !(lastt->flags & (AN_TOK_ALLCAPS | AN_TOK_HEADLINE)) &&
                       !initial;
    if (cap_function)
        return 1;
    if (an_ent__time_surname(st, a, b))
        return 1;
    /* "Kanye West", "Cornel West": a given name that is no English word or
     * place, mid-sentence, before a compass word, which is then a surname. */
    if ((ff & AN_LEX_FIRST) && !(ff & (AN_LEX_WORD | AN_LEX_PLACE | AN_LEX_NATIONALITY)) && !initial &&
        n == 2 && (lastt->flags & AN_TOK_CAP) && !(lastt->flags & (AN_TOK_ALLCAPS | AN_TOK_HEADLINE)) &&
        (an_ent__is(st, lastt, "West") || an_ent__is(st, lastt, "East") || an_ent__is(st, lastt, "North") ||
         an_ent__is(st, lastt, "South")))
        return 1;
    if (lf & (AN_LEX_ORG_HEAD | AN_LEX_NOT_NAME | AN_LEX_TIME | AN_LEX_FUNCTION | AN_LEX_NATIONALITY |
              AN_LEX_TITLE))
        return 0;
    int last_common = an_ent__common_only(st, lastt);
    int last_plural = last_common && an_ent__suffix(st, lastt, "s");
    int place_first = (ff & AN_LEX_PLACE) &&
                      (an_ent__plain_word(st, lastt) || (lf & AN_LEX_PROPER)); /* London Waterloo */
    if ((ff & AN_LEX_FIRST) && !last_plural && !place_first &&
        (!(ff & AN_LEX_WORD) || !initial || !an_ent__plain_word(st, lastt)))
        return 1;
    if (an_ent__east_asian(st, a, b))
        return 1;
    size_t unknown = 0;
    for (size_t i = a; i < b; i++)
        unknown += !an_ent__plain_word(st, &st->toks.items[i]) &&
                   !(st->toks.items[i].flags & AN_TOK_ALLCAPS);
    an_tok *prev = a > 0 ? &st->toks.items[a - 1] : NULL;
    if (unknown == n && !an_ent__place_prep(st, prev))
        return 1; /* not "in Maidan Shahr" */
    /* "Dries Mertens": a capitalized word mid-sentence, then an unknown one. */
    if (n <= 3 && !initial && !an_ent__place_prep(st, prev) && !an_ent__plain_word(st, lastt) && !(lastt->flags & AN_TOK_ALLCAPS) &&
        !(ff & (AN_LEX_FUNCTION | AN_LEX_TIME | AN_LEX_NOT_NAME | AN_LEX_PLACE | AN_LEX_NATIONALITY |
                AN_LEX_ORG_HEAD | AN_LEX_TITLE)))
        return 1;
    return an_ent__person_context(st, a, b) && !last_common && ((ff & AN_LEX_FIRST) || unknown);
}

/* Person evidence for a one-word name: context only (a role noun before
 * it, a speech verb next to it, an age). A capitalized dictionary name
 * alone is no evidence: it is as often a product, movement or place
 * (Brexit, Polaroid) as a person. */
static int an_ent__is_person_single(an_ent_state *st, size_t a)
{
    an_tok *t = &st->toks.items[a];
    uint32_t f = an_ent__lex(st, t);
    if ((t->flags & (AN_TOK_ALLCAPS | AN_TOK_ABBR | AN_TOK_DIGIT)) || t->end - t->start < 2 ||
        (f & (AN_LEX_FUNCTION | AN_LEX_ORG_HEAD | AN_LEX_TITLE | AN_LEX_PLACE | AN_LEX_NATIONALITY)))
        return 0;
    int named = (f & (AN_LEX_PROPER | AN_LEX_FIRST)) != 0;
    int plural = an_ent__suffix(st, t, "s") && an_lex_lookup(st->s + t->start, t->end - t->start - 1);
    if (!named && ((f & AN_LEX_WORD) || plural ||
                   ((t->flags & AN_TOK_HYPHEN) && !an_ent__particle_hyphen(st, t))))
        return 0; /* "Democrats said", "Rescue said", "Brussels-based" */
    for (size_t i = t->start; i + 1 < t->end; i++)
        if (st->s[i] == '\'' && st->s[i + 1] >= 'a' && st->s[i + 1] <= 'z' && t->end - i <= 3)
            return 0; /* You've, I'll */
    return an_ent__person_context(st, a, a + 1) || an_ent__pronoun_takes_up(st, a);
}

/* Person evidence for the name [a, b) given what precedes it. */
static int an_ent__is_person(an_ent_state *st, size_t a, size_t b, int titled)
{
    size_t n = b - a;
    if (n == 0 || n > 5)
        return 0;
    /* A given name after a role noun is a person even when it also names a
     * place: "his wife Mary" (Mary, Turkmenistan), "her husband Jordan". */
    an_tok *role = an_ent__prev_lower(st, a);
    if (!titled && n == 1 && role && (an_ent__lex(st, role) & AN_LEX_ROLE) &&
        (an_ent__lex(st, &st->toks.items[a]) & AN_LEX_FIRST))
        titled = 1;
    if (an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_ORG | AN_LEX_TIME |
                                      AN_LEX_NOT_NAME | AN_LEX_TITLE))
        return titled && n == 1 && !an_ent__span_is(st, a, b, AN_LEX_NOT_NAME | AN_LEX_TIME | AN_LEX_TITLE);
    an_tok *first = &st->toks.items[a], *lastt = &st->toks.items[b - 1];
    uint32_t ff = an_ent__lex(st, first), lf = an_ent__lex(st, lastt);
    if (titled && an_ent__east_asian(st, a, b))
        return 1;
    if (titled && an_ent__time_surname(st, a, b))
        return 1;
    if (titled)
        return !(lf & (AN_LEX_NOT_NAME | AN_LEX_TIME | AN_LEX_ORG_HEAD | AN_LEX_FUNCTION)) &&
               (!an_ent__common_only(st, lastt) || (n >= 2 && (ff & AN_LEX_FIRST))) &&
               (!(ff & (AN_LEX_PLACE | AN_LEX_NATIONALITY)) || (ff & AN_LEX_FIRST));
    an_tok *pl = a > 0 ? &st->toks.items[a - 1] : NULL;
    if (pl && (an_ent__is(st, pl, "the") || an_ent__is(st, pl, "a") || an_ent__is(st, pl, "an") ||
               an_ent__is(st, pl, "The") || an_ent__is(st, pl, "A") || an_ent__is(st, pl, "An")) &&
        (n == 1 || !(ff & AN_LEX_FIRST) || (ff & AN_LEX_NOT_NAME)))
        return 0; /* "the Onion", "the Sun Corona": people take no article ("an Andy
                   * Warhol exhibit" aside) */
    return n == 1 ? an_ent__is_person_single(st, a) : an_ent__is_person_multi(st, a, b);
}

/* How an_ent__chunk came to a chunk: cut from a longer one at its
 * connectors (no second split), or standing after "<person> of" (where
 * the name is the person's organization, see an_ent__affiliated_org). */
enum { AN_CHUNK_SPLIT = 1, AN_CHUNK_AFFILIATION = 2 };

static void an_ent__chunk(an_ent_state *st, size_t a, size_t b, int how);

/* Splits a chunk that is no organization at its "of/for/and" connectors. */
static void an_ent__split(an_ent_state *st, size_t a, size_t b)
{
    size_t from = a;
    for (size_t i = a; i < b; i++) {
        int c = an_ent__connector(st, &st->toks.items[i]);
        if (c == AN_CONN_ORG || c == AN_CONN_THE) {
            if (i > from)
                an_ent__chunk(st, from, i, AN_CHUNK_SPLIT);
            from = i + 1;
        }
    }
    if (b > from)
        an_ent__chunk(st, from, b, AN_CHUNK_SPLIT);
}

static int an_ent__has_org_connector(an_ent_state *st, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        int c = an_ent__connector(st, &st->toks.items[i]);
        if (c == AN_CONN_ORG || c == AN_CONN_THE)
            return 1;
    }
    return 0;
}

/* Adds an organization name [a, b) with its acronym, if one follows. */
static void an_ent__org(an_ent_state *st, size_t a, size_t b, size_t acr)
{
    an_ent_name *n = an_ent__add_name(st, AN_ENTITY_ORGANIZATION, a, b);
    if (n && acr != SIZE_MAX) {
        n->acr_start = st->toks.items[acr].start;
        n->acr_end = st->toks.items[acr].end;
        st->toks.items[acr].flags |= AN_TOK_CLAIMED;
    }
}

/* Whether [a, b), standing after "<person> of", names the person's
 * organization: "Nick Rhodes of Duran Duran", "Raymond Chan of People
 * Power", "Ann Chiang of DAB", "Gary Fan of the Neo Democrats". Not a
 * place, where the person is from ("Mary Smith of Dallas"), nor a lone
 * name without "the", which is most often a town or a see ("Bishop of
 * Marbel"), nor a span with a person's name inside ("Secretary of State
 * Corey Stapleton"), nor a name that qualifies the noun after it ("of the
 * Marbel diocese", "of the Hajo assembly": after "the", a singular name
 * and a plain lowercase word; without "the", or after a plural, the word
 * is the verb: "Ann Chiang of DAB won", "of the Neo Democrats lost"). */
static int an_ent__affiliated_org(an_ent_state *st, size_t a, size_t b)
{
    int the = an_ent__connector(st, &st->toks.items[a - 1]) == AN_CONN_THE;
    an_tok *next = b < st->toks.len ? &st->toks.items[b] : NULL;
    if (the && next && (next->flags & AN_TOK_LOWER) && !an_ent__suffix(st, &st->toks.items[b - 1], "s") &&
        !(an_ent__lex(st, next) & (AN_LEX_FUNCTION | AN_LEX_SPEECH)) && !an_ent__suffix(st, next, "ed"))
        return 0;
    if (an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_TIME | AN_LEX_NOT_NAME) ||
        (an_ent__lex(st, &st->toks.items[b - 1]) & AN_LEX_FUNCTION))
        return 0; /* "Ann Chiang of DAB In the ...": a caption run into the text */
    for (size_t i = a; i < b; i++) {
        uint32_t f = an_ent__lex(st, &st->toks.items[i]);
        if (f & AN_LEX_ORG)
            continue;
        if ((f & (AN_LEX_TITLE | AN_LEX_HONORIFIC)) ||
            ((f & AN_LEX_FIRST) && i > a && i + 1 < b && !an_ent__plain_word(st, &st->toks.items[i + 1])))
            return 0; /* a person's name after other words, not "Neo Democrats", "Duran Duran" */
    }
    return b - a > 1 || (st->toks.items[a].flags & AN_TOK_ALLCAPS) ||
           (the && !an_ent__common_only(st, &st->toks.items[a])); /* "of the Architectural, ..." */
}

/* Whether [a, b), which a clue around it marks as an organization, can be
 * one by its words: none of them a place, nationality or party adjective
 * ("Chinese officials", "Republican officials", "Britain's Theresa May"),
 * a given name, title or honorific ("Mary Smith spokesman"), unless the
 * word is a known organization; and a lone word no plain lowercase one. */
static int an_ent__plain_org_name(an_ent_state *st, size_t a, size_t b)
{
    if (an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_TIME | AN_LEX_NOT_NAME |
                                      AN_LEX_FUNCTION | AN_LEX_TITLE | AN_LEX_HONORIFIC))
        return 0;
    for (size_t i = a; i < b; i++) {
        uint32_t f = an_ent__lex(st, &st->toks.items[i]);
        if ((f & (AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_FIRST | AN_LEX_TITLE | AN_LEX_HONORIFIC)) &&
            !(f & AN_LEX_ORG))
            return 0;
    }
    return b - a > 1 || !an_ent__common_only(st, &st->toks.items[a]);
}

/* Whether [a, b), in the possessive before a person's full name, is
 * that person's organization: "Demosisto's Nathan Law", "Apple's Tim
 * Cook". Not a place ("Britain's Theresa May", "Chicago's Rahm
 * Emanuel"), nor a person ("Jane Smith's Tom Jones"): a surname alone
 * ("Trump's Mike Pompeo") turns back into its person when the draft names
 * one (an_ent__demote). */
static int an_ent__possessor_org(an_ent_state *st, size_t a, size_t b)
{
    if (!(st->toks.items[b - 1].flags & AN_TOK_POSS) || b + 1 >= st->toks.len)
        return 0;
    uint32_t given = an_ent__lex(st, &st->toks.items[b]);
    if (!(given & AN_LEX_FIRST) || (given & (AN_LEX_WORD | AN_LEX_PLACE | AN_LEX_ORG)) || /* "Trump's America First" */
        !an_ent__is_name_tok(st, &st->toks.items[b + 1]) ||
        (an_ent__lex(st, &st->toks.items[b + 1]) &
         (AN_LEX_FUNCTION | AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_ORG_HEAD | AN_LEX_TIME)))
        return 0;
    return an_ent__plain_org_name(st, a, b);
}

/* "Steve Rubell of Studio", "Tang Teaching Museum at Skidmore College":
 * a person or an organization, "of"/"at", another organization. Splits
 * the chunk there and classifies both parts; returns whether it did. */
static int an_ent__split_affiliation(an_ent_state *st, size_t a, size_t b, int how)
{
    for (size_t c = a + 1; c + 1 < b; c++) {
        an_tok *t = &st->toks.items[c];
        int of = an_ent__is(st, t, "of"), at = an_ent__is(st, t, "at"), and = an_ent__is(st, t, "and");
        if (!of && !at && !and)
            continue;
        size_t r = c + 1;
        while (r < b && an_ent__connector(st, &st->toks.items[r]) == AN_CONN_THE)
            r++;
        if (r >= b)
            return 0;
        if (and) {
            /* "the Democratic Party and Tanya Chan of the Civic Party";
             * "the Church of Scientology and Apple Inc." */
            uint32_t rf = an_ent__lex(st, &st->toks.items[r]);
            int right_org = an_ent__strong_org(st, r, b) || (b - r >= 3 && an_ent__is_org(st, r, b, SIZE_MAX)) ||
                            ((an_ent__lex(st, &st->toks.items[r]) & AN_LEX_ORG) && an_ent__is_org(st, r, b, SIZE_MAX)) ||
                            (an_ent__span_is(st, a, c, AN_LEX_ORG) && an_ent__is_org(st, r, b, SIZE_MAX));
            if (right_org && an_ent__is_org(st, a, c, SIZE_MAX)) {
                an_ent__chunk(st, a, c, 0);
                an_ent__chunk(st, r, b, 0);
                return 1;
            }
            if (r + 1 < b && (rf & AN_LEX_FIRST) && !(rf & AN_LEX_WORD) &&
                an_ent__is_name_tok(st, &st->toks.items[r + 1]) &&
                !(an_ent__lex(st, &st->toks.items[r + 1]) & AN_LEX_ORG_HEAD)) {
                /* "Raymond Chan of [People Power] and Gary Fan of ...",
                 * but not "of the [Bill] and Melinda Gates Foundation" */
                int given = (an_ent__lex(st, &st->toks.items[c - 1]) & AN_LEX_FIRST) != 0;
                an_ent__chunk(st, a, c, given ? 0 : how & AN_CHUNK_AFFILIATION);
                an_ent__chunk(st, r, b, 0);
                return 1;
            }
            continue;
        }
        uint32_t lf = an_ent__lex(st, &st->toks.items[c - 1]);
        size_t p = a; /* "Professor David Livermore of the University of East Anglia" */
        while (p < c && (an_ent__lex(st, &st->toks.items[p]) & (AN_LEX_TITLE | AN_LEX_HONORIFIC)))
            p++;
        int person = p < c && !(lf & (AN_LEX_ORG_HEAD | AN_LEX_ORG_START)) &&
                     ((c - p >= 2 && ((an_ent__lex(st, &st->toks.items[p]) & AN_LEX_FIRST) ||
                                      an_ent__is_person_multi(st, p, c))) ||
                      (p > a && c - p == 1 && !an_ent__plain_word(st, &st->toks.items[p])));
        int orgs = at && an_ent__is_org(st, a, c, SIZE_MAX) && an_ent__is_org(st, r, b, SIZE_MAX);
        if (person || orgs) {
            an_ent__chunk(st, a, c, 0);
            an_ent__chunk(st, r, b, person && of ? AN_CHUNK_AFFILIATION : 0);
            return 1;
        }
    }
    return 0;
}

/* Where a person's name starts inside [a, b) when plain words precede a
 * given name: "(Minister of) Education Stefania Giannini", "(Council on
 * American-Islamic) Relations Alia Salem". Returns a when nothing moves. */
static size_t an_ent__given_name_start(an_ent_state *st, size_t a, size_t b)
{
    for (size_t p = a; p + 1 < b; p++) {
        an_tok *t = &st->toks.items[p];
        uint32_t f = an_ent__lex(st, t);
        if ((f & AN_LEX_FIRST) && !(f & AN_LEX_WORD) && an_ent__is_name_tok(st, &st->toks.items[p + 1]))
            return p;
        if (!an_ent__plain_word(st, t) || (f & AN_LEX_FIRST))
            return a;
    }
    return a;
}

/* "… wrote for The Onion": a capitalized "The" inside a sentence belongs
 * to the name of a publication, band or company. */
static int an_ent__capital_the(an_ent_state *st, size_t a, size_t b)
{
    if (a == 0 || !an_ent__is(st, &st->toks.items[a - 1], "The"))
        return 0;
    const an_tok *the = &st->toks.items[a - 1];
    if (the->flags & (AN_TOK_SENT | AN_TOK_HEADLINE))
        return 0;
    if (an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_TIME | AN_LEX_NOT_NAME))
        return 0;
    uint32_t f = an_ent__lex(st, &st->toks.items[a]);
    return !(f & (AN_LEX_FIRST | AN_LEX_TITLE | AN_LEX_HONORIFIC)) || b - a == 1 ||
           (f & AN_LEX_PLACE); /* "The Brooklyn Paper", though Brooklyn is a given name */
}

/* The person part of a chunk: a title or honorific, then the name. */
static void an_ent__person_or_pending(an_ent_state *st, size_t a, size_t b)
{
    size_t na = a, hon = SIZE_MAX, title_end = SIZE_MAX;
    for (size_t i = a; i + 1 < b; i++) {
        uint32_t f = an_ent__lex(st, &st->toks.items[i]);
        if (f & AN_LEX_HONORIFIC) {
            hon = i;
            na = i + 1;
        } else if (f & AN_LEX_TITLE) {
            title_end = i;
            na = i + 1;
        }
    }
    int titled = hon != SIZE_MAX || title_end != SIZE_MAX;
    if (!titled) {
        /* "Iraqi Ryan Crocker" does not happen, but "US Barack Obama" with
         * the title lowercase before does: drop leading places. */
        while (na + 2 < b && (an_ent__lex(st, &st->toks.items[na]) & (AN_LEX_PLACE | AN_LEX_NATIONALITY)))
            na++; /* "(President of) India Pranab Mukherjee" */
        na = an_ent__given_name_start(st, na, b);
    }
    if (!an_ent__is_person(st, na, b, titled)) {
        an_ent__add_pending(st, a, b);
        return;
    }
    an_ent_name *n = an_ent__add_name(st, AN_ENTITY_PERSON, na, b);
    if (!n)
        return;
    n->strong = titled || (an_ent__lex(st, &st->toks.items[na]) & AN_LEX_FIRST);
    if (hon != SIZE_MAX && hon + 1 == na)
        n->hon_start = st->toks.items[hon].start;
    if (title_end != SIZE_MAX) {
        n->title_start = st->toks.items[a].start;
        n->title_end = st->toks.items[title_end].end;
        n->title_before = 1;
    } else {
        an_tok *pl = an_ent__prev_lower(st, a);
        if (pl && (an_ent__lex(st, pl) & AN_LEX_ROLE)) {
            n->title_start = pl->start;
            n->title_end = pl->end;
            n->title_before = 1;
        }
    }
    if (n->title_start == n->title_end)
        an_ent__appositive(st, b, n);
}

/* Classifies the chunk [a, b) of the current block. */
/* Chunks that hold a title and a name together: "President of the
 * International Brotherhood of Magicians" (the organization), "House of
 * Commons Speaker John Bercow" (both). Returns whether it handled [a, b). */
static int an_ent__titles_and_orgs(an_ent_state *st, size_t a, size_t b)
{
    if (b - a >= 3 && (an_ent__lex(st, &st->toks.items[a]) & AN_LEX_TITLE) &&
        an_ent__is(st, &st->toks.items[a + 1], "of")) {
        size_t r = a + 2;
        while (r < b && an_ent__connector(st, &st->toks.items[r]) == AN_CONN_THE)
            r++;
        if (r < b && an_ent__is_org(st, r, b, SIZE_MAX)) {
            an_ent__chunk(st, r, b, 0);
            return 1;
        }
    }
    for (size_t k = b - a > 4 ? b - 4 : a + 1; k + 1 < b; k++) {
        if ((an_ent__lex(st, &st->toks.items[k]) & AN_LEX_TITLE) &&
            (an_ent__lex(st, &st->toks.items[k + 1]) & AN_LEX_FIRST) && an_ent__is_org(st, a, k, SIZE_MAX)) {
            an_ent__chunk(st, a, k, 1);
            an_ent__person_or_pending(st, k, b);
            return 1;
        }
    }
    /* "United Nations High Commissioner for Refugees": a known organization,
     * then an office of it ending the chunk or before "for"/"of"; the
     * organization at least. Not "United Nations General Assembly" (an
     * organization as a whole), nor before a person's name. */
    for (size_t k = a + 1; k + 1 < b && k < a + 5; k++) {
        size_t t = k + ((an_ent__lex(st, &st->toks.items[k]) & AN_LEX_TITLE) ? 0 : 1);
        if (t < b && (an_ent__lex(st, &st->toks.items[t]) & AN_LEX_TITLE) &&
            (t + 1 == b || an_ent__is(st, &st->toks.items[t + 1], "for") ||
             an_ent__is(st, &st->toks.items[t + 1], "of")) &&
            an_ent__span_is(st, a, k, AN_LEX_ORG) && !an_ent__is_org(st, a, b, SIZE_MAX)) {
            an_ent__org(st, a, k, SIZE_MAX);
            return 1;
        }
    }
    return 0;
}


/* "Colorado State University of the US", "University of Sheffield of the
 * UK": an organization that names itself, then "of the" and its country.
 * Returns where the name ends: before "of the" when the part before it is
 * an organization holding a place or an "of" of its own; otherwise b
 * ("University of the Philippines", "Hebrew University of Jerusalem"). */
static size_t an_ent__country_tail(an_ent_state *st, size_t a, size_t b)
{
    if (b - a < 5 || !(an_ent__lex(st, &st->toks.items[b - 1]) & AN_LEX_PLACE) ||
        an_ent__connector(st, &st->toks.items[b - 2]) != AN_CONN_THE ||
        !an_ent__is(st, &st->toks.items[b - 3], "of"))
        return b;
    size_t end = b - 3;
    int own = 0;
    for (size_t i = a; i < end && !own; i++)
        own = an_ent__is(st, &st->toks.items[i], "of") ||
              (an_ent__lex(st, &st->toks.items[i]) & AN_LEX_PLACE);
    return own && an_ent__is_org(st, a, end, SIZE_MAX) ? end : b;
}

/* ", the national meteorological service for Ireland,": an appositive
 * after the name b whose noun is a kind of organization (the last
 * lowercase word before a preposition, comma or period; not "the
 * company's founder"); or the same after "is" or "was" ("Faithless Hijabi
 * is an organisation which"). */
static int an_ent__org_appositive(an_ent_state *st, size_t b)
{
    an_tok *c = an_ent__tok(st, b);
    if (!c || !((c->flags & AN_TOK_COMMA) || an_ent__is(st, c, "is") || an_ent__is(st, c, "was")))
        return 0;
    size_t i = b + 1;
    an_tok *t = an_ent__tok(st, i);
    if (!t || !(an_ent__is(st, t, "the") || an_ent__is(st, t, "a") || an_ent__is(st, t, "an")))
        return 0;
    an_tok *head = NULL;
    for (i++; i < st->toks.len && i < b + 7; i++) {
        t = &st->toks.items[i];
        if (!(t->flags & AN_TOK_WORD) || !(t->flags & AN_TOK_LOWER) ||
            an_ent__connector(st, t) != AN_CONN_NONE || (an_ent__lex(st, t) & AN_LEX_FUNCTION))
            break;
        head = t;
        if (t->flags & AN_TOK_POSS)
            return 0;
    }
    if (!head || !(an_ent__lex(st, head) & AN_LEX_ORG_NOUN))
        return 0;
    /* The noun phrase ends there ("the movement was able" is a clause), or
     * a place or name follows ("service for Ireland", not "group of
     * chemicals"). */
    t = an_ent__tok(st, i);
    if (!t || (t->flags & (AN_TOK_COMMA | AN_TOK_END | AN_TOK_CLOSE | AN_TOK_DASH)) ||
        an_ent__is(st, t, "that") || an_ent__is(st, t, "which"))
        return 1;
    if (an_ent__is(st, t, "based"))
        t = an_ent__tok(st, ++i);
    if (!t || !(an_ent__connector(st, t) == AN_CONN_ORG || an_ent__is(st, t, "in")))
        return 0;
    t = an_ent__tok(st, ++i);
    if (t && an_ent__connector(st, t) == AN_CONN_THE)
        t = an_ent__tok(st, ++i);
    return t && (t->flags & AN_TOK_CAP);
}

/* "teams", "chains", "publications": a lowercase plural noun for a kind of
 * organization (org-nouns.txt); t may be NULL. */
static int an_ent__plural_org_noun(an_ent_state *st, an_tok *t)
{
    return t && (t->flags & AN_TOK_LOWER) && (an_ent__lex(st, t) & AN_LEX_ORG_NOUN) &&
           an_ent__suffix(st, t, "s");
}

/* Whether the name at a is in a list a plural noun for organizations
 * introduces: "publications including The New York Times, Jezebel and
 * Metro.us", "charities such as the Wikimedia Foundation and Creative
 * Commons". Walks back over the list's names, commas, "and", "or" and "the"
 * to "such as", "including" or "like" and the noun before it. */
static int an_ent__org_list_member(an_ent_state *st, size_t a)
{
    for (size_t i = a, steps = 0; i-- > 0 && steps < 40; steps++) {
        an_tok *t = &st->toks.items[i];
        if (t->flags & (AN_TOK_END | AN_TOK_OPEN | AN_TOK_CLOSE | AN_TOK_QUOTE | AN_TOK_DASH))
            return 0;
        if (t->flags & (AN_TOK_COMMA | AN_TOK_COLON))
            continue;
        size_t len = t->end - t->start;
        if ((t->flags & AN_TOK_LOWER) && (len == 9 || len == 4 || len == 2) &&
            (an_ent__is(st, t, "including") || an_ent__is(st, t, "like") ||
             (an_ent__is(st, t, "as") && i > 0 && an_ent__is(st, &st->toks.items[i - 1], "such") &&
              i--))) {
            an_tok *noun = i > 0 ? &st->toks.items[i - 1] : NULL;
            if (noun && (noun->flags & AN_TOK_COMMA) && i > 1)
                noun = &st->toks.items[i - 2];
            return an_ent__plural_org_noun(st, noun);
        }
        if (!an_ent__is_name_tok(st, t) && an_ent__connector(st, t) == AN_CONN_NONE &&
            !(t->flags & AN_TOK_AMP))
            return 0;
    }
    return 0;
}

/* Organizations by structure or context; returns whether [a, b) was one.
 * split: [a, b) was cut from a longer chunk (no list membership then: "His
 * Band" of "Les Brown and His Band of Renown"). */
static int an_ent__org_chunk(an_ent_state *st, size_t a, size_t b, int split)
{
    /* "the teams Cloud9 and Immortals", "store chains Woolworths and Coles":
     * after a plural noun for organizations, or in a list it introduces,
     * "and" joins two of them. A given name starts a person there
     * ("big bands, such as Les Brown and His Band of Renown"). */
    an_tok *pn = an_ent__prev_lower(st, a);
    uint32_t f0 = an_ent__lex(st, &st->toks.items[a]);
    int listed = !split && !(b - a >= 2 && (f0 & AN_LEX_FIRST) && !(f0 & AN_LEX_PLACE)) &&
                 an_ent__org_list_member(st, a);
    if (listed || an_ent__plural_org_noun(st, pn)) {
        for (size_t k = a + 1; k + 1 < b; k++) {
            if (!an_ent__is(st, &st->toks.items[k], "and"))
                continue;
            if (an_ent__span_is(st, a, k, AN_LEX_PLACE | AN_LEX_NATIONALITY) ||
                an_ent__span_is(st, k + 1, b, AN_LEX_PLACE | AN_LEX_NATIONALITY))
                break;
            an_ent__org(st, a, k, SIZE_MAX);
            an_ent__org(st, k + 1, b, SIZE_MAX);
            return 1;
        }
    }
    size_t acr = an_ent__acronym_after(st, b);
    if (acr != SIZE_MAX && (st->s[st->toks.items[acr].start] | 0x20) != (st->s[st->toks.items[a].start] | 0x20))
        acr = SIZE_MAX; /* "NEW YORK (AP)" is a dateline, not a definition */
    if (an_ent__is_org(st, a, b, acr) || an_ent__capital_the(st, a, b) ||
        (listed && !an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY)) ||
        (an_ent__org_appositive(st, b) &&
         !an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY | AN_LEX_TIME))) {
        an_ent__org(st, a, b, acr);
        return 1;
    }
    an_tok *nl = an_ent__next_lower(st, b);
    if (nl && an_ent__is(st, nl, "administration") && b - a <= 2 &&
        !an_ent__span_is(st, a, b, AN_LEX_PLACE | AN_LEX_NATIONALITY)) {
        an_ent__add_name(st, AN_ENTITY_ORGANIZATION, a, b + 1);
        return 1;
    }
    /* A name before a noun for an organization's people: "Scientology
     * officials", "a Pentagon spokesman"; not "Chinese officials". */
    if (nl && (an_ent__lex(st, nl) & AN_LEX_STAFF_NOUN) && an_ent__plain_org_name(st, a, b)) {
        an_ent__org(st, a, b, SIZE_MAX);
        return 1;
    }
    return 0;
}

/* The entity map (defined with the coreference below). */
static int32_t an_ent__get(an_ent_state *st, size_t start, size_t end, int kind);
static void an_ent__put(an_ent_state *st, size_t start, size_t end, int kind, int32_t e, int replace);

/* "Hurricane Lorenzo", "Tropical Storm Nicole", "MV Alan Kurdi", "HMS
 * Victory", "the cargo ship Namse Bangdzod": a storm's or a ship's name is
 * no person's (NEWSROOM §8). Returns where the name starts in [a, b), or
 * SIZE_MAX when the chunk names no storm or ship. */
static size_t an_ent__storm_or_ship(an_ent_state *st, size_t a, size_t b)
{
    static const char *const ships[] = {"MV", "MS", "SS", "HMS", "USS", "RMS", "HMCS", "HMAS",
                                        "USNS", "MT", "FV", "RV"};
    static const char *const vessels[] = {"ship", "vessel", "tanker", "freighter", "ferry",
                                          "yacht", "liner", "frigate", "destroyer", "submarine",
                                          "trawler", "carrier", "warship", "cruiser"};
    const an_tok *t = &st->toks.items[a];
    for (size_t i = 0; (t->flags & AN_TOK_ALLCAPS) && i < sizeof ships / sizeof *ships; i++)
        if (an_ent__is(st, t, ships[i]))
            return b - a > 1 ? a + 1 : SIZE_MAX;
    const an_tok *pl = a > 0 ? &st->toks.items[a - 1] : NULL;
    for (size_t i = 0; pl && (pl->flags & AN_TOK_LOWER) && i < sizeof vessels / sizeof *vessels; i++)
        if (st->s[pl->start] == vessels[i][0] && an_ent__is(st, pl, vessels[i]))
            return a;
    static const char *const storms[] = {"Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical"};
    char c0 = st->s[t->start];
    for (size_t i = 0; c0 >= 'C' && c0 <= 'T' && i < sizeof storms / sizeof *storms; i++)
        if (an_ent__is(st, t, storms[i])) {
            size_t n = i == 4 ? 2 : 1; /* "Tropical Storm" */
            if (n == 2 && !(a + 1 < b && (an_ent__is(st, &st->toks.items[a + 1], "Storm") ||
                                          an_ent__is(st, &st->toks.items[a + 1], "Depression"))))
                return SIZE_MAX;
            return b - a > n ? a + n : SIZE_MAX;
        }
    return SIZE_MAX;
}

/* Remembers the name of a storm or ship, tokens [a, b), with where it
 * first stands, so that "Dorian" or "Namse Bangdzod" alone later is no
 * person (an_ent__resolve). */
static void an_ent__thing(an_ent_state *st, size_t a, size_t b)
{
    size_t start = st->toks.items[a].start, end = st->toks.items[b - 1].end;
    if (start <= INT32_MAX && an_ent__get(st, start, end, AN_ENTITY_PLACE) == AN_EMAP_NONE)
        an_ent__put(st, start, end, AN_ENTITY_PLACE, (int32_t)start, 0);
}

/* A town the draft names as one: "the city of Calabasas", "crashed in
 * Calabasas, California". Remembered like a storm's name (an_ent__thing),
 * so that "Calabasas announced" later is no person. */
static int an_ent__named_place(an_ent_state *st, size_t a, size_t b)
{
    static const char *const nouns[] = {"borough", "city", "county", "district", "island",
                                        "municipality", "province", "region", "state", "suburb",
                                        "town", "village"};
    static const char *const preps[] = {"at", "from", "in", "near", "of", "outside"};
    if (b - a > 3 || a == 0)
        return 0;
    an_tok *p = &st->toks.items[a - 1];
    if (!(p->flags & AN_TOK_LOWER) || p->end - p->start > 7 ||
        !an__in_sorted(preps, sizeof preps / sizeof *preps, st->s + p->start, p->end - p->start))
        return 0;
    if (an_ent__span_is(st, a, b, AN_LEX_ORG | AN_LEX_PLACE))
        return 0;
    for (size_t i = a; i < b; i++)
        if (an_ent__lex(st, &st->toks.items[i]) & (AN_LEX_ORG_HEAD | AN_LEX_TITLE | AN_LEX_HONORIFIC))
            return 0;
    an_tok *noun = a >= 2 ? &st->toks.items[a - 2] : NULL;
    if (an_ent__is(st, p, "of") && noun && (noun->flags & AN_TOK_LOWER) &&
        an__in_sorted(nouns, sizeof nouns / sizeof *nouns, st->s + noun->start,
                      noun->end - noun->start))
        return 1;
    an_tok *c = an_ent__tok(st, b), *place = an_ent__tok(st, b + 1);
    if (an_ent__is(st, p, "of") || !c || !place || !(c->flags & AN_TOK_COMMA) ||
        !(place->flags & AN_TOK_CAP))
        return 0; /* "statues of Christopher Columbus, US presidents" */
    size_t e = b + 1; /* the place after the comma: "California", "New South Wales" */
    while (e + 1 < st->toks.len && e - b < 3 && (st->toks.items[e + 1].flags & AN_TOK_CAP))
        e++;
    return an_ent__span_is(st, b + 1, e + 1, AN_LEX_PLACE) &&
           !an_ent__span_is(st, b + 1, e + 1, AN_LEX_NATIONALITY);
}

/* Post-nominal letters: an honour, an office or a degree written after a
 * name ("Kama Melly QC", "Jane Doe MP", "John Smith OBE"). */
static int an_ent__post_nominal(an_ent_state *st, const an_tok *t)
{
    static const char *const w[] = {/* sorted by strcmp */
                                    "CBE", "DBE", "FRS", "GBE", "KBE", "KC", "MBE", "MEP", "MLA",
                                    "MP", "MPP", "MSP", "OBE", "PhD", "QC", "SC"};
    return an__in_sorted(w, sizeof w / sizeof w[0], st->s + t->start, t->end - t->start);
}

/* Classifies the chunk [a, b) of the current block; how is AN_CHUNK_*. */
static void an_ent__chunk(an_ent_state *st, size_t a, size_t b, int how)
{
    int split = how & AN_CHUNK_SPLIT;
    a = an_ent__peel(st, a, b);
    while (b > a && (an_ent__connector(st, &st->toks.items[b - 1]) != AN_CONN_NONE ||
                     an_ent__trailing_time(st, a, b)))
        b--; /* "... Magicians Wednesday", not "Johnnie Christmas" */
    if (a >= b || (b - a == 1 && (st->toks.items[a].flags & AN_TOK_CLAIMED)))
        return; /* nothing left, or an acronym the name before it defined */
    if (b - a >= 2 && an_ent__post_nominal(st, &st->toks.items[b - 1]))
        b--; /* "Kama Melly QC", "Jane Doe MP": letters after a name, not part of it */
    b = an_ent__country_tail(st, a, b);
    size_t thing = an_ent__storm_or_ship(st, a, b);
    if (thing != SIZE_MAX) {
        an_ent__thing(st, thing, b);
        return;
    }
    if (an_ent__named_place(st, a, b)) {
        an_ent__thing(st, a, b);
        return;
    }
    if (an_ent__titles_and_orgs(st, a, b) || (!split && an_ent__split_affiliation(st, a, b, how)) ||
        an_ent__org_chunk(st, a, b, split))
        return;
    if (!split && an_ent__has_org_connector(st, a, b)) {
        an_ent__split(st, a, b);
        return;
    }
    uint32_t f0 = an_ent__lex(st, &st->toks.items[a]);
    if (b - a >= 2 && (f0 & AN_LEX_ORG) && !(f0 & (AN_LEX_FIRST | AN_LEX_FUNCTION | AN_LEX_PLACE))) {
        an_ent__org(st, a, a + 1, SIZE_MAX); /* "Google Chrome": the maker of a product */
        an_ent__chunk(st, a + 1, b, AN_CHUNK_SPLIT);
    } else if ((b - a == 1 && an_ent__is_acronym_org(st, &st->toks.items[a])) ||
               ((how & AN_CHUNK_AFFILIATION) && an_ent__affiliated_org(st, a, b)) ||
               an_ent__possessor_org(st, a, b)) {
        an_ent__org(st, a, b, SIZE_MAX);
    } else {
        an_ent__person_or_pending(st, a, b);
    }
}

/* Marks the tokens of a title-case headline: one short line without a
 * final period whose longer words are mostly capitalized. */
static void an_ent__mark_headline(an_ent_state *st)
{
    size_t words = 0, long_words = 0, caps = 0;
    for (size_t i = 0; i < st->toks.len; i++) {
        an_tok *t = &st->toks.items[i];
        if (t->flags & AN_TOK_NL)
            return;
        if (!(t->flags & AN_TOK_WORD))
            continue;
        words++;
        if (t->end - t->start >= 4) {
            long_words++;
            caps += (t->flags & (AN_TOK_CAP | AN_TOK_ALLCAPS)) != 0;
        }
    }
    an_tok *last = st->toks.len ? &st->toks.items[st->toks.len - 1] : NULL;
    if (!last || words > 20 || long_words < 2 || caps * 4 < long_words * 3)
        return;
    if (!(last->flags & AN_TOK_WORD) && st->s[last->start] == '.')
        return;
    for (size_t i = 0; i < st->toks.len; i++)
        st->toks.items[i].flags |= AN_TOK_HEADLINE;
}

/* "People's", "Women's": a plural possessive inside an organization's
 * name (Korean People's Army, Children's Hospital) does not end it. */
static int an_ent__plural_possessive(an_ent_state *st, const an_tok *t)
{
    static const char *const words[] = {"People", "Women", "Children", "Men", "Workers"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (an_ent__is(st, t, words[i]))
            return 1;
    return 0;
}

/* Pass 1 over one block of prose. */
static void an_ent__block(an_ent_state *st, size_t start, size_t end)
{
    st->toks.len = 0;
    st->span_a = st->span_b = 0;
    if (an_tok_block(st->s, start, end, &st->toks) != 0) {
        st->oom = 1;
        return;
    }
    an_ent__mark_headline(st);
    size_t n = st->toks.len;
    for (size_t i = 0; i < n;) {
        if (!an_ent__is_name_tok(st, &st->toks.items[i])) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && j - i < AN_MAX_CHUNK &&
               (!(st->toks.items[j - 1].flags & AN_TOK_POSS) || an_ent__plural_possessive(st, &st->toks.items[j - 1]))) {
            an_tok *tj = &st->toks.items[j];
            if (an_ent__is_name_tok(st, tj)) {
                if ((st->toks.items[j - 1].flags & AN_TOK_ABBR) && (an_ent__lex(st, tj) & AN_LEX_FUNCTION)) {
                    tj->flags |= AN_TOK_SENT; /* "Apple Inc. The company ..." */
                    break;
                }
                j++;
                continue;
            }
            int c = an_ent__connector(st, tj);
            size_t k = j + 1;
            while (c == AN_CONN_PARTICLE && k < n && an_ent__connector(st, &st->toks.items[k]) == AN_CONN_PARTICLE)
                k++; /* "de la" */
            if (c == AN_CONN_ORG && !an_ent__is(st, &st->toks.items[j], "and") && k < n &&
                !(st->toks.items[j].flags & AN_TOK_AMP) &&
                an_ent__connector(st, &st->toks.items[k]) == AN_CONN_THE)
                k++;
            if (c == AN_CONN_NONE || c == AN_CONN_THE || k >= n ||
                !an_ent__is_name_tok(st, &st->toks.items[k]) ||
                (an_ent__lex(st, &st->toks.items[k]) & AN_LEX_TIME))
                break;
            j = k + 1;
        }
        an_ent__chunk(st, i, j, 0);
        i = j;
    }
}

/* ---- entities and coreference ------------------------------------------ */

#define AN_KEY_MAX 256

/* Appends the key form of text[start, end) to buf[0, n): ASCII lowered,
 * whitespace collapsed, ’ as '. Returns the new length, 0 when full. */
/* Appends the key form of the character at s[*i]: a letter lowered and
 * without its marks ("Ğ" and "ğ" as "g"; "ł", "ø", "đ", "ħ", "ı", which
 * have no decomposition, as "l", "o", "d", "h", "i"), so that "Erdogan"
 * and "Erdoğan", "Jaroslaw" and "Jarosław" are one name. Anything else,
 * or invalid UTF-8, is copied. Moves *i to the character's last byte;
 * returns the new length, or 0 when the key is full. */
static size_t an_ent__key_fold(const char *s, size_t *i, size_t end, char *buf, size_t n)
{
    static const struct {
        utf8proc_int32_t cp;
        char base;
    } bare[] = {{0x0131, 'i'}, {0x0110, 'd'}, {0x0111, 'd'}, {0x0126, 'h'}, {0x0127, 'h'},
                {0x0141, 'l'}, {0x0142, 'l'}, {0x00D8, 'o'}, {0x00F8, 'o'}};
    utf8proc_int32_t cp, out[8];
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i, (utf8proc_ssize_t)(end - *i), &cp);
    utf8proc_ssize_t m = -1;
    if (k > 0) {
        for (size_t b = 0; b < sizeof bare / sizeof *bare && m < 0; b++)
            if (bare[b].cp == cp) {
                out[0] = bare[b].base;
                m = 1;
            }
        int last = 0;
        if (m < 0)
            m = utf8proc_decompose_char(cp, out, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                                        &last);
    }
    if (m < 0 || m > 8) { /* invalid UTF-8 or a long expansion: the bytes as they are */
        k = k > 0 ? k : 1;
        m = 0;
        for (utf8proc_ssize_t b = 0; b < k; b++) {
            if (n == AN_KEY_MAX)
                return 0;
            buf[n++] = s[*i + (size_t)b];
        }
    }
    for (utf8proc_ssize_t j = 0; j < m; j++) {
        if (AN_KEY_MAX - n < 4)
            return 0;
        n += (size_t)utf8proc_encode_char(out[j], (utf8proc_uint8_t *)buf + n);
    }
    *i += (size_t)k - 1;
    return n;
}

static size_t an_ent__key_append(const char *s, size_t start, size_t end, char *buf, size_t n)
{
    for (size_t i = start; i < end; i++) {
        unsigned char c = an_lex_key_byte[(unsigned char)s[i]];
        if (c >= 0x80) {
            if ((n = an_ent__key_fold(s, &i, end, buf, n)) == 0)
                return 0;
            continue;
        }
        if (c == 0) { /* whitespace, U+2019's lead byte or NUL */
            c = (unsigned char)s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (buf[n - 1] == ' ')
                    continue;
                c = ' ';
            } else if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
                       (unsigned char)s[i + 2] == 0x99) {
                c = '\'';
                i += 2;
            }
        }
        if (n == AN_KEY_MAX)
            return 0;
        buf[n++] = (char)c;
    }
    return n;
}

/* The map key of text[start, end) for an entity kind: a kind letter, then
 * the key form of the text. */
static size_t an_ent__key(const char *s, size_t start, size_t end, int kind, char *buf)
{
    buf[0] = kind == AN_ENTITY_PERSON ? 'P' : kind == AN_ENTITY_ORGANIZATION ? 'O' : 'T'; /* T: a thing */
    return an_ent__key_append(s, start, end, buf, 1);
}

static int32_t an_ent__get(an_ent_state *st, size_t start, size_t end, int kind)
{
    char key[AN_KEY_MAX];
    size_t n = an_ent__key(st->s, start, end, kind, key);
    return n ? an_emap_get(&st->map, key, n) : AN_EMAP_NONE;
}

static void an_ent__put(an_ent_state *st, size_t start, size_t end, int kind, int32_t e, int replace)
{
    char key[AN_KEY_MAX];
    size_t n = an_ent__key(st->s, start, end, kind, key);
    if (n && an_emap_put(&st->map, key, n, e, replace) != 0)
        st->oom = 1;
}

static int an_ent__conn_tok(an_ent_state *st, an_tok *t)
{
    return (t->flags & AN_TOK_LOWER) && an_ent__connector(st, t) != AN_CONN_NONE;
}

/* Maps every token and contiguous run of a person's name to it. */
static void an_ent__register_person(an_ent_state *st, const an_ent_name *nm, int32_t e)
{
    an_tok *t = &st->ntoks.items[nm->tok_off];
    for (uint32_t i = 0; i < nm->n_tok; i++) {
        if (an_ent__conn_tok(st, &t[i]))
            continue;
        for (uint32_t j = i + 1; j <= nm->n_tok; j++)
            if (!an_ent__conn_tok(st, &t[j - 1]))
                an_ent__put(st, t[i].start, t[j - 1].end, AN_ENTITY_PERSON, e, 0);
        if (an_ent__particle_hyphen(st, &t[i])) /* al-Maliki -> Maliki */
            an_ent__put(st, t[i].start + 3, t[i].end, AN_ENTITY_PERSON, e, 0);
    }
}

/* Maps an organization's runs of two or more words (not places), its head
 * word ("the Church") and a distinctive word after "of" ("Scientology"). */
static void an_ent__register_org(an_ent_state *st, const an_ent_name *nm, int32_t e)
{
    an_tok *t = &st->ntoks.items[nm->tok_off];
    an_ent__put(st, nm->start, nm->end, AN_ENTITY_ORGANIZATION, e, 1);
    for (uint32_t i = 0; i < nm->n_tok; i++) {
        if (an_ent__conn_tok(st, &t[i]))
            continue;
        uint32_t f = an_ent__lex(st, &t[i]);
        int after_of = i > 0 && an_ent__is(st, &t[i - 1], "of");
        if ((f & (AN_LEX_ORG_HEAD | AN_LEX_ORG_START)) ||
            (after_of && !an_ent__plain_word(st, &t[i]) && i + 1 == nm->n_tok))
            an_ent__put(st, t[i].start, t[i].end, AN_ENTITY_ORGANIZATION, e, 0);
        for (uint32_t j = i + 2; j <= nm->n_tok; j++)
            if (!an_ent__conn_tok(st, &t[j - 1]) &&
                !(an_ent__lex_span(st->s, t[i].start, t[j - 1].end) & (AN_LEX_PLACE | AN_LEX_NATIONALITY)))
                an_ent__put(st, t[i].start, t[j - 1].end, AN_ENTITY_ORGANIZATION, e, 0);
    }
    if (nm->acr_end > nm->acr_start)
        an_ent__put(st, nm->acr_start, nm->acr_end, AN_ENTITY_ORGANIZATION, e, 1);
}

/* Whether the words of name a are a contiguous run of the words of name
 * b (byte for byte). */
static int an_ent__run_of(const an_ent_state *st, const an_ent_name *a, const an_ent_name *b)
{
    const an_tok *ta = &st->ntoks.items[a->tok_off], *tb = &st->ntoks.items[b->tok_off];
    for (uint32_t i = 0; i + a->n_tok <= b->n_tok; i++) {
        uint32_t j = 0;
        while (j < a->n_tok && ta[j].end - ta[j].start == tb[i + j].end - tb[i + j].start &&
               memcmp(st->s + ta[j].start, st->s + tb[i + j].start, ta[j].end - ta[j].start) == 0)
            j++;
        if (j == a->n_tok)
            return 1;
    }
    return 0;
}

/* For a key two entities share: the entity of the nearest earlier name
 * (among the first `limit` names, position-sorted) that contains it. */
static int32_t an_ent__nearest(an_ent_state *st, const an_ent_name *nm, size_t limit)
{
    size_t lo = 0, hi = limit;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->names.items[mid].start < nm->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t best = -1;
    /* The 64 nearest names; for a person, other bare names are passed
     * over without counting (a story that says "Biden" often must still
     * reach the full names). */
    for (size_t k = lo, seen = 0; k-- > 0 && seen < 64;) {
        const an_ent_name *o = &st->names.items[k];
        if (nm->kind == AN_ENTITY_PERSON && o->kind == AN_ENTITY_PERSON && o->n_tok <= nm->n_tok)
            continue;
        seen++;
        if (o->entity < 0 || o->kind != nm->kind || o->n_tok <= nm->n_tok || !an_ent__run_of(st, nm, o))
            continue;
        if (nm->n_tok > 1 || nm->kind != AN_ENTITY_PERSON)
            return o->entity;
        /* A bare surname two people share is the one introduced first (the
         * story's subject): AP names the relatives by given name ("Melania",
         * "Hunter"). */
        if (best < 0 || st->ents.items[o->entity].first < st->ents.items[best].first)
            best = o->entity;
    }
    return best;
}

static int32_t an_ent__new_entity(an_ent_state *st, uint32_t name_index)
{
    const an_ent_name *nm = &st->names.items[name_index];
    an_ent_rec r = {0};
    r.kind = nm->kind;
    r.name = name_index;
    r.first = nm->start;
    r.n_tok = nm->n_tok;
    if (nm->acr_end > nm->acr_start)
        r.aliases[r.n_aliases++] = (an_span){nm->acr_start, nm->acr_end};
    if (AN_VEC_PUSH(st->ents, r) != 0) {
        st->oom = 1;
        return -1;
    }
    return (int32_t)st->ents.len - 1;
}

static int an_ent__by_length(const void *x, const void *y)
{
    const an_ent_name *const *a = x, *const *b = y;
    if ((*a)->strong != (*b)->strong)
        return (*a)->strong > (*b)->strong ? -1 : 1;
    if ((*a)->n_tok != (*b)->n_tok)
        return (*a)->n_tok > (*b)->n_tok ? -1 : 1;
    return (*a)->start < (*b)->start ? -1 : (*a)->start > (*b)->start;
}

/* "Robert Mugabe" after "Robert Gabriel Mugabe": the person its first
 * word names, when every word of it appears, in order, in that person's
 * name. Returns the entity or AN_EMAP_NONE. */
static int32_t an_ent__same_person(an_ent_state *st, const an_ent_name *nm)
{
    const an_tok *t = &st->ntoks.items[nm->tok_off];
    if (nm->n_tok < 2)
        return AN_EMAP_NONE;
    int32_t e = an_ent__get(st, t[0].start, t[0].end, AN_ENTITY_PERSON);
    if (e < 0)
        return AN_EMAP_NONE;
    const an_ent_name *canon = &st->names.items[st->ents.items[e].name];
    const an_tok *c = &st->ntoks.items[canon->tok_off];
    uint32_t j = 0;
    for (uint32_t i = 0; i < canon->n_tok && j < nm->n_tok; i++) {
        size_t la = t[j].end - t[j].start, lb = c[i].end - c[i].start;
        if (la == lb && memcmp(st->s + t[j].start, st->s + c[i].start, la) == 0)
            j++;
    }
    return j == nm->n_tok ? e : AN_EMAP_NONE;
}

/* "Pawel Adamowicz" after "Mayor Adamowicz" was resolved (titled names go
 * first): the one-word person its last word names takes it as the fuller
 * name. Returns the entity or AN_EMAP_NONE. */
static int32_t an_ent__fuller_name(an_ent_state *st, an_ent_name *nm)
{
    if (nm->n_tok < 2)
        return AN_EMAP_NONE;
    const an_tok *last = &st->ntoks.items[nm->tok_off + nm->n_tok - 1];
    int32_t e = an_ent__get(st, last->start, last->end, AN_ENTITY_PERSON);
    if (e < 0 || st->ents.items[e].n_tok != 1)
        return AN_EMAP_NONE;
    st->ents.items[e].name = (uint32_t)(nm - st->names.items);
    st->ents.items[e].n_tok = nm->n_tok;
    return e;
}

/* A guessed person name that starts with another person's name ("Warhol
 * Polaroids" after "Andy Warhol") goes back to the second pass. */
static int an_ent__demote(an_ent_state *st, an_ent_name *nm)
{
    if (nm->kind != AN_ENTITY_PERSON || nm->strong || nm->n_tok < 2)
        return 0;
    const an_tok *t = &st->ntoks.items[nm->tok_off];
    if (t[1].flags & AN_TOK_HYPHEN)
        return 0; /* "Leung Che-cheung" after "Baggio Leung": family name first */
    if (an_ent__get(st, nm->start, nm->end, AN_ENTITY_PERSON) != AN_EMAP_NONE ||
        an_ent__get(st, t[0].start, t[0].end, AN_ENTITY_PERSON) < 0)
        return 0;
    an_ent_pending p = {nm->tok_off, nm->n_tok};
    if (AN_VEC_PUSH(st->pending, p) != 0)
        st->oom = 1;
    nm->entity = -1;
    return 1;
}

/* Whether the one word at [start, end) is the last word of person e's
 * name: the surname of "Michael Bloomberg", not the "Tesco" of a guessed
 * "Tesco Polska". */
static int an_ent__is_surname_of(const an_ent_state *st, size_t start, size_t end, int32_t e)
{
    if (e < 0)
        return 0;
    const an_ent_name *canon = &st->names.items[st->ents.items[e].name];
    const an_tok *last = &st->ntoks.items[canon->tok_off + canon->n_tok - 1];
    size_t len = end - start;
    return last->end - last->start == len && memcmp(st->s + last->start, st->s + start, len) == 0;
}

/* A name the draft already gave the other kind takes that kind:
 * "Bloomberg" after "Michael Bloomberg" (a one-word name the lexicon
 * knows as an organization is the person's surname; people resolve first,
 * being strong or longer), and a guessed person "Met Éireann" after "Met
 * Éireann, the national meteorological service". */
static void an_ent__retype(an_ent_state *st, an_ent_name *nm)
{
    if (nm->kind == AN_ENTITY_ORGANIZATION && nm->n_tok == 1 && nm->acr_end == nm->acr_start &&
        !(st->ntoks.items[nm->tok_off].flags & AN_TOK_ALLCAPS) &&
        an_ent__is_surname_of(st, nm->start, nm->end,
                              an_ent__get(st, nm->start, nm->end, AN_ENTITY_PERSON)))
        nm->kind = AN_ENTITY_PERSON;
    else if (nm->kind == AN_ENTITY_PERSON && !nm->strong && nm->title_start == nm->title_end &&
             an_ent__get(st, nm->start, nm->end, AN_ENTITY_ORGANIZATION) >= 0)
        nm->kind = AN_ENTITY_ORGANIZATION;
}

/* Whether the person name nm, untitled, repeats a storm's or ship's name
 * given before it, with no person of that name resolved already ("Alan
 * Kurdi" the boy, then the ship MV Alan Kurdi, is still the boy). */
static int an_ent__thing_named(an_ent_state *st, const an_ent_name *nm)
{
    if (nm->kind != AN_ENTITY_PERSON || nm->title_start != nm->title_end || nm->hon_start != AN_NONE32)
        return 0;
    int32_t at = an_ent__get(st, nm->start, nm->end, AN_ENTITY_PLACE);
    return at >= 0 && nm->start > (uint32_t)at &&
           an_ent__get(st, nm->start, nm->end, AN_ENTITY_PERSON) == AN_EMAP_NONE;
}

/* Gives every pass-1 name an entity: titled and given-name people first,
 * then longest names first. */
static void an_ent__resolve(an_ent_state *st)
{
    size_t n = st->names.len;
    an_ent_name **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        st->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = &st->names.items[i];
    qsort(order, n, sizeof *order, an_ent__by_length);
    for (size_t k = 0; k < n && !st->oom; k++) {
        an_ent_name *nm = order[k];
        if (an_ent__demote(st, nm))
            continue;
        if (an_ent__thing_named(st, nm))
            continue; /* a storm's or ship's name (entity stays -1) */
        an_ent__retype(st, nm);
        int32_t e = an_ent__get(st, nm->start, nm->end, nm->kind);
        if (e == AN_EMAP_AMBIGUOUS)
            e = an_ent__nearest(st, nm, n);
        if (e == AN_EMAP_NONE && nm->kind == AN_ENTITY_PERSON)
            e = an_ent__same_person(st, nm);
        if (e == AN_EMAP_NONE && nm->kind == AN_ENTITY_PERSON)
            e = an_ent__fuller_name(st, nm);
        if (e < 0)
            e = an_ent__new_entity(st, (uint32_t)(nm - st->names.items));
        else if (nm->acr_end > nm->acr_start && st->ents.items[e].n_aliases < 4)
            st->ents.items[e].aliases[st->ents.items[e].n_aliases++] = (an_span){nm->acr_start, nm->acr_end};
        nm->entity = e;
        if (e < 0)
            continue;
        if (nm->start < st->ents.items[e].first)
            st->ents.items[e].first = nm->start;
        if (nm->kind == AN_ENTITY_PERSON)
            an_ent__register_person(st, nm, e);
        else
            an_ent__register_org(st, nm, e);
    }
    free(order);
}

/* Pass 2: a pending chunk's longest runs that name a known entity. The
 * key of the longest run is built once; shorter runs are its prefixes. */
static void an_ent__match_pending(an_ent_state *st, const an_ent_pending *p, size_t n_pass1)
{
    char key[AN_KEY_MAX];
    size_t ends[6];
    for (uint32_t i = 0; i < p->n_tok;) {
        uint32_t matched = 0, jmax = p->n_tok < i + 6 ? p->n_tok : i + 6;
        an_tok *a = &st->ntoks.items[p->tok_off + i];
        size_t klen = 1, from = a->start;
        for (uint32_t j = i; j < jmax; j++) {
            const an_tok *t = &st->ntoks.items[p->tok_off + j];
            klen = klen ? an_ent__key_append(st->s, from, t->end, key, klen) : 0;
            ends[j - i] = klen;
            from = t->end;
        }
        for (uint32_t j = jmax; j > i && !matched; j--) {
            an_tok *b = &st->ntoks.items[p->tok_off + j - 1];
            size_t len = ends[j - 1 - i];
            for (int kind = AN_ENTITY_PERSON; kind <= AN_ENTITY_ORGANIZATION && !matched && len; kind++) {
                key[0] = kind == AN_ENTITY_PERSON ? 'P' : 'O';
                int32_t e = an_emap_get(&st->map, key, len);
                if (e == AN_EMAP_NONE)
                    continue;
                if (kind == AN_ENTITY_PERSON && j - i == 1 && e >= 0 &&
                    !an_ent__is_surname_of(st, a->start, a->end, e)) {
                    key[0] = 'O'; /* a person's first word only: a draft's organization takes it */
                    if (an_emap_get(&st->map, key, len) >= 0)
                        continue; /* ("Tesco" of a guessed "Tesco Polska" after "retailer Tesco") */
                }
                an_ent_name nm = {0};
                nm.kind = (uint8_t)kind;
                nm.start = a->start;
                nm.end = b->end;
                nm.hon_start = AN_NONE32;
                nm.tok_off = p->tok_off + i;
                nm.n_tok = j - i;
                nm.entity = e >= 0 ? e : an_ent__nearest(st, &nm, n_pass1);
                if (nm.entity < 0)
                    continue;
                if (AN_VEC_PUSH(st->names, nm) != 0)
                    st->oom = 1;
                matched = j - i;
            }
        }
        i += matched ? matched : 1;
    }
}

static int an_ent__by_start(const void *x, const void *y)
{
    const an_ent_name *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* ---- output ------------------------------------------------------------- */

static an_str an_ent__copy(an_doc *doc, size_t start, size_t end)
{
    char *p = an_arena_strndup(&doc->arena, doc->text + start, end - start);
    return p ? (an_str){p, end - start} : (an_str){NULL, 0};
}

/* Pushes one entity per record; returns the index of the first. */
static size_t an_ent__push_entities(an_ent_state *st)
{
    an_doc *doc = st->doc;
    size_t base = doc->entities.len;
    for (size_t i = 0; i < st->ents.len; i++) {
        an_ent_rec *r = &st->ents.items[i];
        const an_ent_name *nm = &st->names.items[r->name];
        an_entity e;
        memset(&e, 0, sizeof e);
        e.kind = (an_entity_kind)r->kind;
        e.name = an_ent__copy(doc, nm->start, nm->end);
        if (r->title_end > r->title_start)
            e.title = an_ent__copy(doc, r->title_start, r->title_end);
        if (r->n_aliases) {
            an_str *al = an_arena_alloc(&doc->arena, r->n_aliases * sizeof *al);
            for (uint32_t k = 0; al && k < r->n_aliases; k++)
                al[k] = an_ent__copy(doc, r->aliases[k].start, r->aliases[k].end);
            e.aliases = al;
            e.n_aliases = al ? r->n_aliases : 0;
        }
        if (AN_VEC_PUSH(doc->entities, e) != 0) {
            st->oom = 1;
            break;
        }
    }
    return base;
}

static an_mention_kind an_ent__mention_kind(an_ent_state *st, const an_ent_name *nm)
{
    const an_ent_rec *r = &st->ents.items[nm->entity];
    const an_ent_name *canon = &st->names.items[r->name];
    int full = nm->n_tok == canon->n_tok && nm->end - nm->start == canon->end - canon->start &&
               memcmp(st->s + nm->start, st->s + canon->start, nm->end - nm->start) == 0;
    if (nm->kind == AN_ENTITY_ORGANIZATION) {
        if (full)
            return AN_MENTION_NAME;
        return nm->n_tok == 1 && (st->ntoks.items[nm->tok_off].flags & AN_TOK_ALLCAPS)
                   ? AN_MENTION_ACRONYM : AN_MENTION_ALIAS;
    }
    if (nm->hon_start != AN_NONE32)
        return AN_MENTION_HONORIFIC;
    if (full)
        return AN_MENTION_NAME;
    if (nm->title_before)
        return AN_MENTION_TITLE;
    return nm->n_tok == 1 ? AN_MENTION_SURNAME : AN_MENTION_ALIAS;
}

static void an_ent__push_mention(an_ent_state *st, an_span span, an_mention_kind kind, size_t entity)
{
    an_mention m = {span, kind, (uint32_t)entity};
    if (AN_VEC_PUSH(st->doc->mentions, m) != 0)
        st->oom = 1;
}

/* Pushes the mentions in text order (names are sorted by start), and
 * each person's first title. */
static void an_ent__push_mentions(an_ent_state *st, size_t base)
{
    uint32_t last_end = 0;
    for (size_t i = 0; i < st->names.len && !st->oom; i++) {
        an_ent_name *nm = &st->names.items[i];
        if (nm->entity < 0 || nm->start < last_end)
            continue;
        an_ent_rec *r = &st->ents.items[nm->entity];
        if (r->title_end == r->title_start && nm->title_end > nm->title_start) {
            r->title_start = nm->title_start;
            r->title_end = nm->title_end;
        }
        size_t start = nm->hon_start != AN_NONE32 ? nm->hon_start : nm->start;
        an_ent__push_mention(st, (an_span){start, nm->end}, an_ent__mention_kind(st, nm),
                             base + (size_t)nm->entity);
        last_end = nm->end;
        if (nm->acr_end > nm->acr_start) {
            an_ent__push_mention(st, (an_span){nm->acr_start, nm->acr_end}, AN_MENTION_ACRONYM,
                                 base + (size_t)nm->entity);
            last_end = nm->acr_end;
        }
    }
}

/* Canonical names: the entity record points at its longest name, which
 * after the sort is found again by its span. */
static void an_ent__reindex_canon(an_ent_state *st, uint32_t *starts, uint32_t *ends)
{
    for (size_t i = 0; i < st->names.len; i++) {
        an_ent_name *nm = &st->names.items[i];
        if (nm->entity < 0)
            continue;
        an_ent_rec *r = &st->ents.items[nm->entity];
        if (starts[nm->entity] == nm->start && ends[nm->entity] == nm->end)
            r->name = (uint32_t)i;
    }
}

static void an_ent__finish(an_ent_state *st)
{
    size_t ne = st->ents.len;
    uint32_t *starts = malloc((ne ? ne : 1) * sizeof *starts);
    uint32_t *ends = malloc((ne ? ne : 1) * sizeof *ends);
    if (!starts || !ends) {
        free(starts);
        free(ends);
        st->oom = 1;
        return;
    }
    for (size_t i = 0; i < ne; i++) {
        starts[i] = st->names.items[st->ents.items[i].name].start;
        ends[i] = st->names.items[st->ents.items[i].name].end;
    }
    if (st->names.len > 1)
        qsort(st->names.items, st->names.len, sizeof *st->names.items, an_ent__by_start);
    an_ent__reindex_canon(st, starts, ends);
    free(starts);
    free(ends);
    /* Titles first (push_mentions fills them), then the entities. */
    size_t base = st->doc->entities.len;
    an_ent__push_mentions(st, base);
    an_ent__push_entities(st);
}

/* ---- the pass ----------------------------------------------------------- */

/* Calls an_ent__block for each run of lines up to a blank line. */
static void an_ent__blocks(an_ent_state *st)
{
    const char *s = st->s;
    size_t len = st->doc->len, start = 0, i = 0;
    while (i < len && !st->oom) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t line_end = nl ? (size_t)(nl - s) : len;
        int blank = 1;
        for (size_t k = i; k < line_end && blank; k++)
            blank = s[k] == ' ' || s[k] == '\t' || s[k] == '\r';
        if (blank) {
            if (i > start)
                an_ent__block(st, start, i);
            start = line_end + 1;
        }
        i = line_end + 1;
    }
    if (start < len && !st->oom)
        an_ent__block(st, start, len);
}

void an__entities_find(an_doc *doc, const an_options *opt)
{
    (void)opt;
    if (doc->len == 0 || doc->len >= UINT32_MAX)
        return;
    an_ent_state st;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    st.s = doc->prose;
    an_ent__blocks(&st);
    size_t n_pass1 = st.names.len;
    if (!st.oom)
        an_ent__resolve(&st);
    for (size_t i = 0; i < st.pending.len && !st.oom; i++)
        an_ent__match_pending(&st, &st.pending.items[i], n_pass1);
    if (!st.oom)
        an_ent__finish(&st);
    free(st.toks.items);
    free(st.ntoks.items);
    free(st.names.items);
    free(st.pending.items);
    free(st.ents.items);
    an_emap_free(&st.map);
}

/* ---- entities.h: lookups for the later passes ---------------------------- */

an_entity_index an__entities_index(const an_doc *doc)
{
    return (an_entity_index){doc, doc->mentions.len};
}

/* The number of named mentions whose start is <= offset. */
static size_t an_ent__upper(const an_entity_index *idx, size_t offset)
{
    return an__spans_upto(idx->doc->mentions.items, idx->n_named, sizeof *idx->doc->mentions.items,
                          offset);
}

int32_t an__entities_mention_at(const an_entity_index *idx, size_t offset)
{
    size_t k = an_ent__upper(idx, offset);
    if (k > 0 && offset < idx->doc->mentions.items[k - 1].span.end)
        return (int32_t)(k - 1);
    return -1;
}

/* Whether text[from, to) is at most max_gap spaces or tabs. */
static int an_ent__gap_ok(const an_doc *doc, size_t from, size_t to, size_t max_gap)
{
    if (max_gap == SIZE_MAX)
        return 1;
    if (to - from > max_gap)
        return 0;
    for (size_t i = from; i < to; i++)
        if (doc->text[i] != ' ' && doc->text[i] != '\t')
            return 0;
    return 1;
}

int32_t an__entities_mention_before(const an_entity_index *idx, size_t offset, size_t max_gap)
{
    const an_mention *m = idx->doc->mentions.items;
    size_t k = an_ent__upper(idx, offset);
    while (k > 0 && m[k - 1].span.end > offset)
        k--;
    if (k == 0 || !an_ent__gap_ok(idx->doc, m[k - 1].span.end, offset, max_gap))
        return -1;
    return (int32_t)(k - 1);
}

int32_t an__entities_mention_after(const an_entity_index *idx, size_t offset, size_t max_gap)
{
    const an_mention *m = idx->doc->mentions.items;
    size_t k = an_ent__upper(idx, offset);
    if (k > 0 && m[k - 1].span.start == offset)
        k--;
    if (k >= idx->n_named || !an_ent__gap_ok(idx->doc, offset, m[k].span.start, max_gap))
        return -1;
    return (int32_t)k;
}

int an__entities_classify(const an_doc *doc, size_t start, size_t end)
{
    if (start >= end || end > doc->len)
        return -1;
    const char *s = doc->text;
    uint32_t whole = an_ent__lex_span(s, start, end);
    if (whole & AN_LEX_ORG)
        return AN_ENTITY_ORGANIZATION;
    if (whole & (AN_LEX_PLACE | AN_LEX_NATIONALITY))
        return AN_ENTITY_PLACE;
    size_t first_end = start, last_start = end;
    while (first_end < end && s[first_end] != ' ')
        first_end++;
    while (last_start > start && s[last_start - 1] != ' ')
        last_start--;
    uint32_t first = an_ent__lex_span(s, start, first_end), last = an_ent__lex_span(s, last_start, end);
    if (last & (AN_LEX_ORG_HEAD | AN_LEX_ORG_SUFFIX))
        return AN_ENTITY_ORGANIZATION;
    if ((first & AN_LEX_HONORIFIC) || ((first & AN_LEX_FIRST) && first_end < end))
        return AN_ENTITY_PERSON;
    if (first_end < end && !(first & (AN_LEX_WORD | AN_LEX_FUNCTION)) && !(last & AN_LEX_WORD))
        return AN_ENTITY_PERSON;
    return -1;
}

/* Gender words in a title or role. */
an_gender an__entities_title_gender(const char *title)
{
    static const char *const female[] = {"woman", "Ms", "Mrs", "Queen", "Princess", "actress",
                                         "mother", "wife", "daughter", "sister", "girl"};
    static const char *const male[] = {"spokesman", "Mr", "King", "Prince", "father", "husband",
                                       "son", "brother", "boy", "businessman"};
    if (!title)
        return AN_GENDER_UNKNOWN;
    for (size_t i = 0; i < sizeof female / sizeof *female; i++)
        if (strstr(title, female[i]))
            return AN_GENDER_FEMALE;
    for (size_t i = 0; i < sizeof male / sizeof *male; i++)
        if (strstr(title, male[i]))
            return AN_GENDER_MALE;
    return AN_GENDER_UNKNOWN;
}

an_gender an__entities_gender(const an_doc *doc, uint32_t entity)
{
    if (entity >= doc->entities.len || doc->entities.items[entity].kind != AN_ENTITY_PERSON)
        return AN_GENDER_UNKNOWN;
    const an_entity *e = &doc->entities.items[entity];
    an_gender g = an__entities_title_gender(e->title.ptr);
    if (g != AN_GENDER_UNKNOWN || !e->name.ptr)
        return g;
    size_t n = strcspn(e->name.ptr, " ");
    uint32_t f = an_ent__lex_span(e->name.ptr, 0, n);
    if (!(f & AN_LEX_FIRST))
        return AN_GENDER_UNKNOWN;
    return (f & AN_LEX_MALE) ? AN_GENDER_MALE : (f & AN_LEX_FEMALE) ? AN_GENDER_FEMALE
                                                                    : AN_GENDER_UNKNOWN;
}

int32_t an__entities_add_mention(an_doc *doc, uint32_t entity, an_span span, an_mention_kind kind)
{
    an_mention m = {span, kind, entity};
    if (AN_VEC_PUSH(doc->mentions, m) != 0)
        return -1;
    return (int32_t)doc->mentions.len - 1;
}

int32_t an__entities_add(an_doc *doc, an_entity_kind kind, an_span span)
{
    if (span.end <= span.start || span.end > doc->len)
        return -1;
    an_entity e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    char *name = an_arena_strndup(&doc->arena, doc->text + span.start, span.end - span.start);
    if (!name)
        return -1;
    e.name = (an_str){name, span.end - span.start};
    if (AN_VEC_PUSH(doc->entities, e) != 0)
        return -1;
    int32_t index = (int32_t)doc->entities.len - 1;
    if (an__entities_add_mention(doc, (uint32_t)index, span, AN_MENTION_NAME) < 0)
        return -1;
    return index;
}
