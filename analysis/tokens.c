/* tokens.c - the word tokenizer (see tokens.h). ASCII takes a fast path;
 * other characters are classified with utf8proc. */
#include "tokens.h"

#include <string.h>
#include <utf8proc.h>

#include "analysis_internal.h"
#include "lexicon.h"

typedef enum an_ch {
    AN_CH_SPACE,
    AN_CH_UPPER,
    AN_CH_LOWER,
    AN_CH_LETTER, /* a letter without case (CJK, Arabic) */
    AN_CH_DIGIT,
    AN_CH_MARK,
    AN_CH_APOS,   /* ' or U+2019 */
    AN_CH_HYPHEN, /* - U+2010 U+2011 */
    AN_CH_PERIOD,
    AN_CH_PUNCT,
} an_ch;

/* Classifies the character at s[i] (before end); stores its length and
 * code point. Invalid UTF-8 is one punctuation byte. */
/* Classes of the ASCII characters. */
static const unsigned char an_tok__ascii[128] = {
    ['\t'] = AN_CH_SPACE + 1, ['\n'] = AN_CH_SPACE + 1, ['\v'] = AN_CH_SPACE + 1,
    ['\f'] = AN_CH_SPACE + 1, ['\r'] = AN_CH_SPACE + 1, [' '] = AN_CH_SPACE + 1,
    ['\''] = AN_CH_APOS + 1, ['-'] = AN_CH_HYPHEN + 1, ['.'] = AN_CH_PERIOD + 1,
    ['0'] = AN_CH_DIGIT + 1, ['1'] = AN_CH_DIGIT + 1, ['2'] = AN_CH_DIGIT + 1,
    ['3'] = AN_CH_DIGIT + 1, ['4'] = AN_CH_DIGIT + 1, ['5'] = AN_CH_DIGIT + 1,
    ['6'] = AN_CH_DIGIT + 1, ['7'] = AN_CH_DIGIT + 1, ['8'] = AN_CH_DIGIT + 1,
    ['9'] = AN_CH_DIGIT + 1,
#define AN_U(c) [c] = AN_CH_UPPER + 1
#define AN_L(c) [c] = AN_CH_LOWER + 1
    AN_U('A'), AN_U('B'), AN_U('C'), AN_U('D'), AN_U('E'), AN_U('F'), AN_U('G'), AN_U('H'),
    AN_U('I'), AN_U('J'), AN_U('K'), AN_U('L'), AN_U('M'), AN_U('N'), AN_U('O'), AN_U('P'),
    AN_U('Q'), AN_U('R'), AN_U('S'), AN_U('T'), AN_U('U'), AN_U('V'), AN_U('W'), AN_U('X'),
    AN_U('Y'), AN_U('Z'),
    AN_L('a'), AN_L('b'), AN_L('c'), AN_L('d'), AN_L('e'), AN_L('f'), AN_L('g'), AN_L('h'),
    AN_L('i'), AN_L('j'), AN_L('k'), AN_L('l'), AN_L('m'), AN_L('n'), AN_L('o'), AN_L('p'),
    AN_L('q'), AN_L('r'), AN_L('s'), AN_L('t'), AN_L('u'), AN_L('v'), AN_L('w'), AN_L('x'),
    AN_L('y'), AN_L('z'),
#undef AN_U
#undef AN_L
};

/* Classifies the character at s[i] (before end); stores its length and
 * code point. Invalid UTF-8 is one punctuation byte. Entries of the table
 * above are class + 1; 0 means punctuation. */
static inline an_ch an_tok__class(const char *s, size_t i, size_t end, size_t *clen, int32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    *clen = 1;
    *cp = c;
    if (c < 0x80)
        return an_tok__ascii[c] ? (an_ch)(an_tok__ascii[c] - 1) : AN_CH_PUNCT;
    utf8proc_int32_t u;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &u);
    if (n <= 0) {
        *cp = 0xFFFD;
        return AN_CH_PUNCT;
    }
    *clen = (size_t)n;
    *cp = u;
    if (u == 0x2019)
        return AN_CH_APOS;
    if (u == 0x2010 || u == 0x2011)
        return AN_CH_HYPHEN;
    switch (utf8proc_category(u)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return AN_CH_UPPER;
    case UTF8PROC_CATEGORY_LL: return AN_CH_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return AN_CH_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return AN_CH_MARK;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return AN_CH_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return AN_CH_SPACE;
    default: return AN_CH_PUNCT;
    }
}

static int an_tok__is_alnum(an_ch ch)
{
    return ch == AN_CH_UPPER || ch == AN_CH_LOWER || ch == AN_CH_LETTER || ch == AN_CH_DIGIT ||
           ch == AN_CH_MARK;
}

/* The punctuation class of a code point. */
static uint32_t an_tok__punct_flags(int32_t cp)
{
    switch (cp) {
    case '.': case '!': case '?': case 0x2026: return AN_TOK_END;
    case ',': return AN_TOK_COMMA;
    case ':': case ';': return AN_TOK_COLON;
    case '(': case '[': case '{': return AN_TOK_OPEN;
    case ')': case ']': case '}': return AN_TOK_CLOSE;
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: return AN_TOK_QUOTE;
    case '-': case 0x2013: case 0x2014: case 0x2010: case 0x2011: return AN_TOK_DASH;
    case '&': return AN_TOK_AMP;
    default: return 0;
    }
}

/* Whether text[ws, pe) (a word plus its final period) is a known
 * abbreviation such as Mr. or Inc. */
static int an_tok__known_abbrev(const char *s, size_t ws, size_t pe)
{
    return pe - ws <= 8 && an_lex_lookup(s + ws, pe - ws) != 0;
}

typedef struct an_tok_word {
    size_t end, resume; /* span end; where scanning resumes (after a possessive) */
    uint32_t flags;
} an_tok_word;

/* After a period at p inside the word text[ws, p): does it belong to the
 * word (initials, U.S., Mr.)? Sets *next_letter when a letter follows. */
static int an_tok__period_joins(const char *s, size_t ws, size_t p, size_t end, unsigned letters,
                                int *next_letter)
{
    size_t clen;
    int32_t cp;
    *next_letter = p + 1 < end && (an_tok__class(s, p + 1, end, &clen, &cp) == AN_CH_UPPER ||
                                   an_tok__class(s, p + 1, end, &clen, &cp) == AN_CH_LOWER);
    if (letters == 1 || (p > ws && s[p - 2] == '.'))
        return 1; /* an initial (K.) or the last letter of U.S. */
    return an_tok__known_abbrev(s, ws, p + 1);
}

/* Whether a capitalized word text[ws, we) has no lowercase letter and at
 * least two letters (NASA, ZOË). */
static int an_tok__all_caps(const char *s, size_t ws, size_t we)
{
    unsigned letters = 0;
    size_t clen;
    int32_t cp;
    for (size_t i = ws; i < we; i += clen) {
        an_ch ch = an_tok__class(s, i, we, &clen, &cp);
        if (ch == AN_CH_LOWER)
            return 0;
        letters += ch == AN_CH_UPPER;
    }
    return letters >= 2;
}

/* The ASCII letters and digits with their case (analysis_internal.h). */
const unsigned char an__ascii_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
};

/* strncmp(lw, w, len), then longer list words after w: the order the
 * lists are sorted in. Inline, since most probes differ at the first byte
 * and a call cost more than the comparison; w holds no NUL, so the list
 * word's NUL compares below any byte of w, as in strncmp. */
static inline int an__cmp_listed(const char *lw, const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)lw[i], b = (unsigned char)w[i];
        if (a != b)
            return a < b ? -1 : 1;
    }
    return lw[len] != '\0'; /* the list word is longer */
}

bool an__in_sorted(const char *const *list, size_t n, const char *w, size_t len)
{
    if (memchr(w, 0, len))
        return false; /* no list word holds a NUL (and an__cmp_listed relies on it) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = an__cmp_listed(list[mid], w, len);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool an__abbreviation_word(const char *w, size_t n)
{
    /* Sorted by strcmp. */
    static const char *const abbr[] = {
        "Adm", "Aug", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Dr", "Feb", "Ft", "Gen", "Gov",
        "Hon", "Inc", "Insp", "Jan", "Jr", "Lt", "Ltd", "Maj", "Mr", "Mrs", "Ms", "Mt", "No", "Nov",
        "Oct", "Pres", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "vs",
    };
    return n > 0 && n <= 4 && an__in_sorted(abbr, sizeof abbr / sizeof *abbr, w, n);
}

/* Scans one word starting at ws: ASCII letters and digits take a tight
 * loop; other characters decide on joining (apostrophes, hyphens,
 * periods of abbreviations) one by one. */
static an_tok_word an_tok__word(const char *s, size_t ws, size_t end)
{
    an_tok_word w = {ws, ws, AN_TOK_WORD};
    size_t i = ws, seg = ws, clen; /* seg: where the part after the last joined period starts */
    int32_t cp;
    an_ch first = an_tok__class(s, ws, end, &clen, &cp);
    w.flags |= first == AN_CH_UPPER ? AN_TOK_CAP : first == AN_CH_LOWER ? AN_TOK_LOWER
               : first == AN_CH_DIGIT ? AN_TOK_DIGIT : 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < end) {
        /* Four letters or digits a step, then one at a time: fewer tests
         * per byte in all but the shortest words. Every letter's and
         * digit's class has AN_ASCII_ALNUM (bit 0), so the four classes
         * and'ed together are 0 unless all four are. */
        while (i + 4 <= end && (an__ascii_class[u[i]] & an__ascii_class[u[i + 1]] &
                                an__ascii_class[u[i + 2]] & an__ascii_class[u[i + 3]]))
            i += 4;
        while (i < end && an__ascii_class[u[i]])
            i++;
        if (i >= end)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && c != '\'' && c != '-' && c != '.')
            break; /* space or punctuation: nothing joins */
        an_ch ch = an_tok__class(s, i, end, &clen, &cp);
        if (an_tok__is_alnum(ch)) {
            i += clen;
            continue;
        }
        size_t nlen;
        int32_t ncp;
        an_ch next = i + clen < end ? an_tok__class(s, i + clen, end, &nlen, &ncp) : AN_CH_SPACE;
        if (ch == AN_CH_APOS && (next == AN_CH_UPPER || next == AN_CH_LOWER)) {
            size_t after = i + clen + nlen;
            size_t alen;
            int32_t acp;
            if ((ncp == 's' || ncp == 'S') &&
                (after >= end || !an_tok__is_alnum(an_tok__class(s, after, end, &alen, &acp)))) {
                w.end = i;
                w.resume = after;
                w.flags |= AN_TOK_POSS;
                goto done;
            }
            i += clen;
            continue;
        }
        if (ch == AN_CH_HYPHEN && an_tok__is_alnum(next)) {
            w.flags |= AN_TOK_HYPHEN;
            i += clen;
            continue;
        }
        if (ch == AN_CH_PERIOD && i > seg) {
            int next_letter;
            unsigned letters = i - seg == 1 ? 1 : 2;
            if (an_tok__period_joins(s, ws, i, end, letters, &next_letter)) {
                w.flags |= AN_TOK_ABBR;
                i += 1;
                if (next_letter && letters == 1) {
                    seg = i; /* U.S., K.C. */
                    w.flags &= ~(uint32_t)AN_TOK_ABBR;
                    continue;
                }
                break;
            }
        }
        break;
    }
    w.end = w.resume = i;
done:
    if ((w.flags & AN_TOK_CAP) && an_tok__all_caps(s, ws, w.end))
        w.flags |= AN_TOK_ALLCAPS;
    return w;
}

static int an_tok__push(an_toks *toks, size_t start, size_t end, uint32_t flags)
{
    an_tok t = {(uint32_t)start, (uint32_t)end, flags, 0};
    return AN_VEC_PUSH(*toks, t);
}

int an_tok_block(const char *text, size_t start, size_t end, an_toks *toks)
{
    int sent = 1, nl = 0;
    size_t i = start, clen;
    int32_t cp;
    while (i < end) {
        if (text[i] == ' ') {
            i++;
            continue;
        }
        an_ch ch = an_tok__class(text, i, end, &clen, &cp);
        if (ch == AN_CH_SPACE) {
            nl |= cp == '\n';
            i += clen;
            continue;
        }
        uint32_t nlflag = nl ? AN_TOK_NL : 0;
        nl = 0;
        if (an_tok__is_alnum(ch) && ch != AN_CH_MARK) {
            an_tok_word w = an_tok__word(text, i, end);
            if (an_tok__push(toks, i, w.end, w.flags | nlflag | (sent ? AN_TOK_SENT : 0)) != 0)
                return -1;
            sent = 0;
            i = w.resume;
            continue;
        }
        uint32_t pf = an_tok__punct_flags(cp);
        if (ch == AN_CH_PERIOD)
            pf = AN_TOK_END;
        if (an_tok__push(toks, i, i + clen, pf | nlflag) != 0)
            return -1;
        if (pf & (AN_TOK_END | AN_TOK_COLON))
            sent = 1;
        else if ((pf & AN_TOK_QUOTE) && cp != 0x201D && i + clen < end) {
            size_t nlen;
            int32_t ncp;
            an_ch next = an_tok__class(text, i + clen, end, &nlen, &ncp);
            if (next == AN_CH_UPPER && (cp == 0x201C || cp == '"' || cp == 0x2018 || cp == '\''))
                sent = 1; /* a capital after an opening quote starts the quoted sentence */
        }
        i += clen;
    }
    return 0;
}
