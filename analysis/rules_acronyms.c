/* rules_acronyms.c - acronym.undefined and acronym.defined-after-use.
 *
 * An acronym is a word of 2 to 6 capital letters (a plural or possessive
 * end allowed). It is defined by a parenthetical ("Mujahedin Khalq
 * (MEK)", "MEK (Mujahedin Khalq)"), by ", or MEK", by an entity alias,
 * or by a run of words whose initials spell it. Known acronyms (built-in
 * list plus configuration) need no definition; Roman numerals, state
 * abbreviations, initials, headline and dateline words and dotted forms
 * (U.S., U.N.) are not checked. */
#include "lexicon.h"
#include "rules_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>



/* US states and territories, Canadian provinces (USPS/Canada Post). */
static const char *const an_ra__states[] = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "ON", "QC", "BC", "AB", "MB", "SK",
    "NS", "NB", "NL", "PE", "YT", "NT", "NU", "QLD", "VIC", "TAS", NULL};

/* English words set in capitals for emphasis, never acronyms. */
static const char *const an_ra__shouted[] = {
    "AND", "THE", "BUT", "NOT", "NO", "YES", "ALL", "NOW", "NEW", "BIG", "HUGE", "VERY", "ONLY",
    "NEVER", "MUST", "WILL", "FREE", "LIVE", "STOP", "HELP", "WOW", "OMG", "LOL", "UNLESS",
    "ANY", "EVER", "MORE", "MOST", "REAL", "REALLY", "DO", "DID", "IS", "ARE", "WAS", "BE", "OR",
    "IF", "OF", "TO", "IN", "ON", "AT", "BY", "MY", "WE", "YOU", "OUR", "END", "WAR", "DEAD",
    "ONE", "TWO", "TOP", "HOT", "BAD", "GOOD", "BEST", "WORST", "SO", "TOO", NULL};

/* Words an initialism may skip ("Bureau of Investigation"). */
/* With their lengths: an_ra__stopword is asked of every word an
 * acronym's initials are matched against, and measuring each list word
 * per question cost more than the comparisons. */
static const struct {
    char s[4];
    unsigned char n;
} an_ra__stop[] = {{"of", 2}, {"the", 3}, {"and", 3}, {"for", 3}, {"on", 2}, {"in", 2},
                   {"de", 2}, {"del", 3}, {"la", 2},  {"le", 2},  {"du", 2}, {"des", 3},
                   {"to", 2}, {"at", 2},  {"&", 1}};

typedef struct an_acr {
    char name[8];   /* upper case, NUL-terminated */
    an_span first;  /* first body use */
} an_acr;

typedef AN_VEC(an_acr) an_acrs;

static bool an_ra__listed(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

/* One decimal digit of a Roman numeral in standard form: "IX", "IV",
 * "V" then up to three "I"s, or nothing; s is advanced past it. */
static void an_ra__roman_digit(const char **s, char one, char five, char ten)
{
    const char *p = *s;
    if (p[0] == one && (p[1] == ten || p[1] == five)) {
        *s = p + 2;
        return;
    }
    if (*p == five)
        p++;
    for (int k = 0; k < 3 && *p == one; k++)
        p++;
    *s = p;
}

/* A Roman numeral in standard form (XIV, MCMXC); "CCLL" is not one. */
static bool an_ra__roman(const char *s)
{
    const char *p = s;
    for (int k = 0; k < 4 && *p == 'M'; k++)
        p++;
    an_ra__roman_digit(&p, 'C', 'D', 'M');
    an_ra__roman_digit(&p, 'X', 'L', 'C');
    an_ra__roman_digit(&p, 'I', 'V', 'X');
    return p != s && *p == '\0';
}

/* Case-insensitive comparison ignoring periods (U.S. == US). */
static bool an_ra__config_allows(const an_options *opt, const char *s)
{
    for (size_t i = 0; i < opt->n_allowed_acronyms; i++) {
        an_str a = opt->allowed_acronyms[i];
        size_t k = 0, j = 0;
        for (; j < a.len; j++) {
            if (a.ptr[j] == '.')
                continue;
            if (s[k] == '\0' || (a.ptr[j] | 0x20) != (s[k] | 0x20))
                break;
            k++;
        }
        if (j == a.len && s[k] == '\0')
            return true;
    }
    return false;
}

/* The acronym in text[sp] ("MEKs", "MEK's" -> "MEK") into out, or false. */
static bool an_ra__shape(const char *t, an_span sp, char out[8])
{
    size_t n = sp.end - sp.start;
    if (n >= 3 && t[sp.end - 1] == 's' && t[sp.end - 2] == '\'')
        n -= 2;
    else if (n >= 5 && t[sp.end - 1] == 's' && (unsigned char)t[sp.end - 2] == 0x99 &&
             (unsigned char)t[sp.end - 4] == 0xE2)
        n -= 4;
    else if (n >= 3 && t[sp.end - 1] == 's')
        n -= 1;
    if (n < 2 || n > 6)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = t[sp.start + i];
        if (c < 'A' || c > 'Z')
            return false;
        out[i] = c;
    }
    out[n] = '\0';
    return true;
}

/* ---- where an acronym is used ------------------------------------------ */

/* True for a word that is one of several capitalized words in a row
 * ("NEW YORK", a shouted headline) or a dateline word ("BEIRUT (AP) -"). */
static bool an_ra__caps_context(const an_rules_ctx *cx, size_t i)
{
    const char *p = cx->doc->prose;
    const an_word *w = &cx->words.items[i];
    if (i > 0 && cx->words.items[i - 1].all_caps && cx->words.items[i - 1].span.end + 1 >= w->span.start &&
        cx->words.items[i - 1].span.end - cx->words.items[i - 1].span.start >= 2)
        return true;
    if (i + 1 < cx->words.len && cx->words.items[i + 1].all_caps &&
        cx->words.items[i + 1].span.start <= w->span.end + 1 &&
        cx->words.items[i + 1].span.end - cx->words.items[i + 1].span.start >= 2)
        return true;
    ptrdiff_t para = an_rules__para_of(cx, w->span.start);
    bool para_start = para >= 0 && cx->paras.items[para].span.start == w->span.start;
    char after = w->span.end < cx->doc->len ? p[w->span.end] : '\0';
    if (para_start && (after == ',' || after == ':' || after == ' '))
        return after != ' ' || (w->span.end + 1 < cx->doc->len &&
                                strchr("(-", p[w->span.end + 1]) != NULL) ||
               (w->span.end + 3 < cx->doc->len && (unsigned char)p[w->span.end + 1] == 0xE2);
    /* Q&A labels "((WN))" */
    return w->span.start >= 2 && p[w->span.start - 1] == '(' && p[w->span.start - 2] == '(';
}

/* Dotted forms (U.S., U.N.) and initials (J.R.) are not checked. */
static bool an_ra__dotted(const an_rules_ctx *cx, an_span sp)
{
    const char *p = cx->doc->prose;
    return (sp.end < cx->doc->len && p[sp.end] == '.' && sp.end + 1 < cx->doc->len &&
            p[sp.end + 1] >= 'A' && p[sp.end + 1] <= 'Z') ||
           (sp.start >= 2 && p[sp.start - 1] == '.' && p[sp.start - 2] >= 'A' && p[sp.start - 2] <= 'Z');
}

/* How many acronyms a short draft checks by a scan of its words before
 * it asks the spelling index (rules_index.c). */
enum { AN_RA_LOWER_SCANS = 8 };

/* True when an uncapitalized word is spelled name (A-Z) in any case. */
static bool an_ra__as_word_scan(const an_rules_ctx *cx, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < cx->words.len; i++) {
        const an_word *w = &cx->words.items[i];
        if (w->capitalized || w->span.end - w->span.start != n)
            continue;
        const char *t = cx->doc->text + w->span.start;
        size_t k = 0;
        while (k < n && (t[k] == name[k] || t[k] == (name[k] | 0x20)))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* True when the acronym's letters also occur as an ordinary lower-case
 * word of the draft: "UNLESS" is "unless" shouted. Past a short draft's
 * first scans, the words' spelling index answers, which the other checks
 * build anyway: such a word starts with a lower-case letter (a capital
 * would make it capitalized) and has the rest in either case, so the
 * 2^(n-1) spellings (32 at most, an_ra__shape) are looked up rather than
 * a second index of every word built by folded spelling. */
static bool an_ra__as_word(const an_rules_ctx *cx, unsigned *scans, const char *name)
{
    if (!an_rules__indexed(cx) && cx->words.len < AN_RULES_SCAN_WORDS && *scans < AN_RA_LOWER_SCANS) {
        (*scans)++;
        return an_ra__as_word_scan(cx, name);
    }
    size_t n = strlen(name);
    char form[8];
    for (unsigned upper = 0; upper < 1u << (n - 1); upper++) {
        form[0] = (char)(name[0] | 0x20);
        for (size_t i = 1; i < n; i++)
            form[i] = (upper >> (i - 1)) & 1 ? name[i] : (char)(name[i] | 0x20);
        size_t n_occ;
        an_rules__occurrences_of(cx, form, n, &n_occ);
        if (n_occ > 0)
            return true;
    }
    return false;
}

static bool an_ra__skip(const an_rules_ctx *cx, unsigned *scans, const char *name)
{
    if (strlen(name) >= 3 && (an_lex_lookup(name, strlen(name)) & AN_LEX_WORD))
        return true; /* an English word set in capitals: UNLESS, HUGE, EDGE */
    return an_lex_known_acronym(name, strlen(name)) ||
           an_ra__listed(an_ra__states, name) ||
           an_ra__listed(an_ra__shouted, name) || an_ra__roman(name) ||
           an_ra__config_allows(cx->opt, name) || an_ra__as_word(cx, scans, name);
}

/* A North American broadcast call sign: four capitals starting with K
 * or W and a channel number or a station word after it ("WESH 2 News",
 * "KQED radio"). Stations are known by their letters. */
static bool an_ra__call_sign(const an_rules_ctx *cx, an_span part)
{
    static const char *const station[] = {"radio", "television", "station", "affiliate", "tv",
                                          "fm", "am", NULL};
    const char *p = cx->doc->prose;
    if (part.end - part.start != 4 || (p[part.start] != 'K' && p[part.start] != 'W'))
        return false;
    if (part.end + 1 < cx->doc->len && p[part.end] == ' ' && p[part.end + 1] >= '0' &&
        p[part.end + 1] <= '9')
        return true;
    size_t wi = an_rules__word_from(cx, part.end);
    return wi < cx->words.len && cx->words.items[wi].span.start == part.end + 1 &&
           an_rules__word_in(cx->doc, cx->words.items[wi].span, station);
}

/* Part of a longer proper name ("Windows XP", "HMC Searcher", "FIRST
 * Global"), a handle (@POTUS, #MEK), or inside a direct quote, which an
 * editor cannot change. */
static bool an_ra__in_name_or_quote(const an_rules_ctx *cx, size_t wi, an_span part)
{
    const an_doc *doc = cx->doc;
    const an_word *w = &cx->words.items[wi];
    if (part.start > 0 && (doc->prose[part.start - 1] == '@' || doc->prose[part.start - 1] == '#'))
        return true;
    if (wi > 0) {
        const an_word *p = &cx->words.items[wi - 1];
        if (p->capitalized && !an_rules__sentence_start(cx, p) && w->span.start == p->span.end + 1 &&
            doc->prose[p->span.end] == ' ')
            return true;
    }
    if (wi + 1 < cx->words.len) {
        const an_word *n = &cx->words.items[wi + 1];
        if (n->capitalized && n->span.start == w->span.end + 1 && doc->prose[w->span.end] == ' ')
            return true;
    }
    if (part.end < doc->len && doc->prose[part.end] == '$')
        return true; /* currency: CDN$ */
    if (part.end + 1 < doc->len && doc->prose[part.end] == '.' && doc->prose[part.end + 1] >= 'a' &&
        doc->prose[part.end + 1] <= 'z')
        return true; /* a web address: UOL.com.br */
    if (wi > 0) {
        const an_word *p = &cx->words.items[wi - 1];
        char c = doc->prose[p->span.end];
        if ((doc->prose[p->span.end - 1] >= '0' && doc->prose[p->span.end - 1] <= '9') ||
            (c == '.' && p->span.end - p->span.start == 1 && (doc->prose[p->span.start] == 'm')))
            return true; /* "9:54 a.m. ET", "1354 UTC": a time zone or unit */
    }
    if (an_ra__call_sign(cx, part))
        return true;
    int32_t q = an_doc_quote_at(doc, part.start);
    if (q < 0)
        return false;
    an_span qs = doc->quotes.items[q].span;
    if (qs.start < part.start && part.start - qs.start <= 3 && qs.end > part.end &&
        qs.end - part.end <= 3)
        return true; /* "COVI" stands for coronavirus: the term named, not used */
    return !(doc->quotes.items[q].flags & AN_QUOTE_NOT_SPEECH);
}

/* `seen` maps each acronym met so far to its verdict (enum below), so
 * that the verdict of an_ra__skip, which scans the draft, is made once per
 * acronym rather than once per occurrence. */
enum { AN_RA_USED = 1, AN_RA_SKIPPED = 2, AN_RA_NOT_SKIPPED = 3 };

static void an_ra__add_use(an_rules_ctx *cx, an_acrs *uses, an_emap *seen, unsigned *scans,
                           an_span sp)
{
    an_acr a;
    if (!an_ra__shape(cx->doc->prose, sp, a.name))
        return;
    size_t n = strlen(a.name);
    int32_t verdict = an_emap_get(seen, a.name, n);
    if (verdict == AN_RA_USED || verdict == AN_RA_SKIPPED)
        return;
    if (verdict == AN_EMAP_NONE) {
        bool skip = an_ra__skip(cx, scans, a.name);
        an_emap_put(seen, a.name, n, skip ? AN_RA_SKIPPED : AN_RA_NOT_SKIPPED, 1);
        if (skip)
            return;
    }
    if (an_ra__dotted(cx, sp))
        return;
    a.first = sp;
    if (AN_VEC_PUSH(*uses, a) == 0)
        an_emap_put(seen, a.name, n, AN_RA_USED, 1);
}

/* First body uses of each acronym, split at hyphens ("MEK-linked"); a
 * word in capitals throughout ("C-SPAN") is a name, not split. */
static void an_ra__collect(an_rules_ctx *cx, an_acrs *uses)
{
    const char *p = cx->doc->prose;
    an_emap seen = {0};
    unsigned scans = 0; /* an_ra__as_word's */
    for (size_t i = 0; i < cx->words.len; i++) {
        if (!cx->words.items[i].has_upper)
            continue; /* an acronym part needs capitals: most words go here */
        an_span w = cx->words.items[i].span;
        ptrdiff_t para = cx->words.items[i].para;
        if (para < 0 || !cx->paras.items[para].body ||
            (cx->words.items[i].all_caps && an_ra__caps_context(cx, i)))
            continue;
        if (cx->words.items[i].all_caps && memchr(p + w.start, '-', w.end - w.start))
            continue;
        if (cx->paras.items[para].first_person)
            continue;
        /* The parts between hyphens; only those shaped like an acronym
         * are worth the context checks. */
        for (size_t s = w.start;;) {
            const char *hyphen = memchr(p + s, '-', w.end - s);
            an_span part = {s, hyphen ? (size_t)(hyphen - p) : w.end};
            char name[8];
            if (an_ra__shape(p, part, name) && !an_ra__in_name_or_quote(cx, i, part))
                an_ra__add_use(cx, uses, &seen, &scans, part);
            if (!hyphen)
                break;
            s = part.end + 1;
        }
    }
    an_emap_free(&seen);
}

/* ---- where an acronym is defined --------------------------------------- */

static bool an_ra__is_word(const an_rules_ctx *cx, size_t wi, const char *name)
{
    char got[8];
    return an_ra__shape(cx->doc->prose, cx->words.items[wi].span, got) && strcmp(got, name) == 0;
}

/* True when word i defines the acronym: "(MEK)", ", or MEK", "MEK (...)".
 * With `paren_only` (acronyms.parenthetical) the ", or MEK" form does not count. */
static bool an_ra__defines(const an_rules_ctx *cx, size_t i, bool paren_only)
{
    const char *p = cx->doc->prose;
    size_t len = cx->doc->len;
    an_span w = cx->words.items[i].span;
    bool paren = w.start >= 1 && p[w.start - 1] == '(';
    bool or_form = !paren_only && w.start >= 5 && memcmp(p + w.start - 4, " or ", 4) == 0 &&
                   (p[w.start - 5] == ',' || p[w.start - 5] == '(');
    size_t after = w.end;
    if (i + 1 < cx->words.len && after + 1 == cx->words.items[i + 1].span.start &&
        !cx->words.items[i + 1].capitalized)
        after = cx->words.items[i + 1].span.end; /* "RMT union (National Union ...)" */
    bool reverse = after + 2 < len && p[after] == ' ' && (p[after + 1] == '(' || p[after + 1] == '[');
    return paren || or_form || reverse;
}

/* Where the acronym is first defined ("(MEK)", ", or MEK", "MEK (Mujahedin
 * Khalq)"), in any of the forms an_ra__shape reads as it (MEK, MEKs,
 * MEK's, MEK’s): the offset, or SIZE_MAX. */
static size_t an_ra__explicit(const an_rules_ctx *cx, const char *name, bool paren_only)
{
    if (!an_rules__indexed(cx) && cx->words.len < AN_RULES_SCAN_WORDS) {
        for (size_t i = 0; i < cx->words.len; i++) /* the first letter first: most words fail it */
            if (cx->doc->prose[cx->words.items[i].span.start] == name[0] && an_ra__is_word(cx, i, name) &&
                an_ra__defines(cx, i, paren_only))
                return cx->words.items[i].span.start;
        return SIZE_MAX;
    }
    static const char *const ends[] = {"", "s", "'s", "\xE2\x80\x99s"};
    size_t best = SIZE_MAX;
    char form[16]; /* an acronym has at most 6 letters (an_ra__shape) */
    for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
        snprintf(form, sizeof form, "%s%s", name, ends[e]);
        size_t n_occ;
        const uint32_t *occ = an_rules__occurrences_of(cx, form, strlen(form), &n_occ);
        for (size_t k = 0; k < n_occ && occ[k] < best; k++)
            if (an_ra__is_word(cx, occ[k], name) && an_ra__defines(cx, occ[k], paren_only)) {
                best = occ[k];
                break;
            }
    }
    return best == SIZE_MAX ? SIZE_MAX : cx->words.items[best].span.start;
}

static bool an_ra__stopword(const an_rules_ctx *cx, an_span w)
{
    size_t n = w.end - w.start;
    for (size_t i = 0; i < sizeof an_ra__stop / sizeof *an_ra__stop; i++)
        if (an_ra__stop[i].n == n &&
            strncasecmp(cx->doc->prose + w.start, an_ra__stop[i].s, n) == 0)
            return true;
    return false;
}

/* True when the words from wi on spell `name` by their initials (hyphen
 * parts count as words; stop words may be skipped). */
static bool an_ra__initials_at(const an_rules_ctx *cx, size_t wi, const char *name)
{
    const char *p = cx->doc->prose;
    size_t j = 0, n = strlen(name);
    if (!cx->words.items[wi].capitalized)
        return false;
    for (size_t k = wi; k < cx->words.len && j < n && k < wi + 2 * n + 2; k++) {
        an_span w = cx->words.items[k].span;
        if (k > wi && w.start > cx->words.items[k - 1].span.end + 2)
            return false; /* punctuation between: the run ended */
        if (k > wi && an_ra__stopword(cx, w) && (p[w.start] | 0x20) != (name[j] | 0x20))
            continue;
        for (size_t s = w.start; s < w.end && j < n; s++) {
            if (s != w.start && p[s - 1] != '-')
                continue;
            if ((p[s] | 0x20) != (name[j] | 0x20))
                return false;
            j++;
        }
    }
    return j == n;
}

/* The capitalized words that are not all capitals (where a spelled-out
 * name can start), by initial: those starting with letter c are
 * words[at[c - 'A'] .. at[c - 'A' + 1]), ascending. */
typedef struct an_ra_initials {
    uint32_t at[27];
    uint32_t *words;
} an_ra_initials;

static void an_ra__initials_build(const an_rules_ctx *cx, an_ra_initials *ix)
{
    memset(ix, 0, sizeof *ix);
    size_t n = 0;
    for (size_t ci = 0; ci < cx->capitalized.len; ci++) {
        const an_word *w = &cx->words.items[cx->capitalized.items[ci]];
        int c = cx->doc->prose[w->span.start] & ~0x20;
        if (!w->all_caps && c >= 'A' && c <= 'Z') {
            ix->at[c - 'A' + 1]++;
            n++;
        }
    }
    for (int c = 0; c < 26; c++)
        ix->at[c + 1] += ix->at[c];
    ix->words = malloc((n ? n : 1) * sizeof *ix->words);
    if (!ix->words) {
        memset(ix->at, 0, sizeof ix->at); /* no memory: no candidates */
        return;
    }
    uint32_t fill[26];
    memcpy(fill, ix->at, sizeof fill);
    for (size_t ci = 0; ci < cx->capitalized.len; ci++) {
        uint32_t i = cx->capitalized.items[ci];
        const an_word *w = &cx->words.items[i];
        int c = cx->doc->prose[w->span.start] & ~0x20;
        if (!w->all_caps && c >= 'A' && c <= 'Z')
            ix->words[fill[c - 'A']++] = i;
    }
}

/* Where a run of words spelling the acronym starts, or SIZE_MAX. Such a
 * run starts with a capitalized word whose initial is the acronym's. */
static size_t an_ra__spelled_out(const an_rules_ctx *cx, const an_ra_initials *ix, const char *name)
{
    int c = name[0] - 'A';
    for (uint32_t k = ix->at[c]; k < ix->at[c + 1]; k++)
        if (an_ra__initials_at(cx, ix->words[k], name))
            return cx->words.items[ix->words[k]].span.start;
    return SIZE_MAX;
}

/* The first full-name mention of an entity whose alias is the acronym. */
static size_t an_ra__alias(const an_rules_ctx *cx, const char *name)
{
    const an_doc *doc = cx->doc;
    for (size_t e = 0; e < doc->entities.len; e++) {
        const an_entity *ent = &doc->entities.items[e];
        bool match = false;
        for (size_t a = 0; a < ent->n_aliases && !match; a++)
            match = ent->aliases[a].len == strlen(name) &&
                    strncasecmp(ent->aliases[a].ptr, name, ent->aliases[a].len) == 0;
        for (size_t m = 0; match && m < ent->n_mentions; m++)
            if (doc->mentions.items[ent->mentions[m]].kind != AN_MENTION_ACRONYM)
                return doc->mentions.items[ent->mentions[m]].span.start;
    }
    return SIZE_MAX;
}

/* acronyms.parenthetical: a definition is "Full Name (ABC)" or "ABC (Full
 * Name)"; initials spelled out without the parenthetical do not define. */
static bool an_ra__not_parenthetical(an_rules_ctx *cx, const an_acr *a, size_t spelled)
{
    if (spelled == SIZE_MAX)
        return false;
    char msg[400];
    snprintf(msg, sizeof msg,
             "\xE2\x80\x9C%s\xE2\x80\x9D is spelled out but never given in parentheses: write the "
             "full name with \xE2\x80\x9C(%s)\xE2\x80\x9D after it at the first reference "
             "(acronyms.parenthetical).", a->name, a->name);
    size_t end = spelled;
    while (end < cx->doc->len && cx->doc->prose[end] != '\n' && end - spelled < 60 &&
           cx->doc->prose[end] != ',' && cx->doc->prose[end] != '.')
        end++;
    an_rules__emit(cx, AN_RULE_ACRONYM_UNDEFINED, a->first, msg, (an_span){spelled, end},
                   "spelled out here", NULL);
    return true;
}

static void an_ra__check(an_rules_ctx *cx, const an_ra_initials *ix, const an_acr *a)
{
    bool paren = cx->opt->acronyms_parenthetical;
    size_t def = an_ra__explicit(cx, a->name, paren), spelled = an_ra__spelled_out(cx, ix, a->name),
           alias = paren ? SIZE_MAX : an_ra__alias(cx, a->name);
    if (paren && def == SIZE_MAX && an_ra__not_parenthetical(cx, a, spelled))
        return;
    size_t first_def = def;
    if (!paren) {
        first_def = spelled < first_def ? spelled : first_def;
        first_def = alias < first_def ? alias : first_def;
    }
    char msg[400];
    if (first_def == SIZE_MAX) {
        snprintf(msg, sizeof msg,
                 "\xE2\x80\x9C%s\xE2\x80\x9D is never spelled out: give the full name at the first "
                 "reference, or add it to acronyms.allowList if readers know it.", a->name);
        an_rules__emit(cx, AN_RULE_ACRONYM_UNDEFINED, a->first, msg, (an_span){0, 0}, NULL, NULL);
    } else if (first_def > a->first.start) {
        snprintf(msg, sizeof msg,
                 "\xE2\x80\x9C%s\xE2\x80\x9D is used before it is spelled out: move the full name "
                 "to the first reference.", a->name);
        size_t end = first_def;
        while (end < cx->doc->len && cx->doc->prose[end] != '\n' && end - first_def < 60 &&
               cx->doc->prose[end] != ')' && cx->doc->prose[end] != ',')
            end++;
        an_rules__emit(cx, AN_RULE_ACRONYM_DEFINED_AFTER_USE, a->first, msg,
                       (an_span){first_def, end}, "spelled out here", NULL);
    }
}

void an__rules_acronyms(an_rules_ctx *cx)
{
    if (cx->opt->severity[AN_RULE_ACRONYM_UNDEFINED] == AN_SEV_OFF &&
        cx->opt->severity[AN_RULE_ACRONYM_DEFINED_AFTER_USE] == AN_SEV_OFF)
        return;
    an_acrs uses = {0};
    an_ra__collect(cx, &uses);
    an_ra_initials ix = {0};
    if (uses.len > 0)
        an_ra__initials_build(cx, &ix);
    for (size_t i = 0; i < uses.len; i++)
        an_ra__check(cx, &ix, &uses.items[i]);
    free(ix.words);
    free(uses.items);
}
