/* quotes.c - direct quotations and their marks.
 *
 * One pass over doc->prose, paragraph by paragraph. Every quotation mark
 * is classified from its neighbours alone (opening, closing, either, or an
 * apostrophe), then the paragraph's marks are paired with a small stack:
 * double marks outside, single marks nested inside (or outside, in the UK
 * book style and in headlines). Only the outermost pairs become quotes.
 * A quote still open at the end of its paragraph is a running quote when
 * the next paragraph opens with a mark, or starts inside the quote and
 * closes it; otherwise it runs to its paragraph's end and its opening mark
 * is a stray. Each byte is looked at a bounded number of times. */
#include "analysis_internal.h"
#include "quotes.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { AN_QK_DOUBLE = 0, AN_QK_SINGLE = 1 };

/* How a mark may be used, from its neighbours. */
enum {
    AN_QD_OPEN = 0,
    AN_QD_CLOSE,       /* closes the innermost quote of its kind */
    AN_QD_EITHER,      /* spaces (or letters) on both sides: the state decides */
    AN_QD_CLOSE_OR_APOS, /* after a letter: closes an open single quote, else an apostrophe */
    AN_QD_APOS,        /* an apostrophe: not a quotation mark */
};

typedef struct an_qmark {
    size_t pos;
    size_t sentence; /* where the last sentence before the mark began (its paragraph) */
    uint8_t len, kind, dir;
    char before;     /* the byte before the mark */
} an_qmark;

#define AN_Q_DEPTH 16

typedef struct an_qopen {
    size_t pos;    /* opening mark (or paragraph start for a mark-less continuation) */
    size_t sentence; /* where the sentence of the opening mark began */
    uint8_t len;   /* the mark's length; 0 for a mark-less continuation */
    uint8_t kind;
    bool continuation;
} an_qopen;

typedef struct an_qscan {
    an_doc *doc;
    const char *s;
    size_t len;
    AN_VEC(an_qmark) marks;   /* the current paragraph's marks */
    AN_VEC(an_span) strays;
    an_qopen stack[AN_Q_DEPTH];
    size_t depth;
    size_t sentence;          /* start of the current sentence (line scan) */
    size_t n_paragraphs;      /* paragraphs seen so far */
    bool has_pending;         /* a top-level quote left open by the last paragraph */
    an_qopen pending;
    size_t pending_end;
    unsigned pending_flags;
    bool pending_sentences;   /* a sentence began after its opening mark */
    size_t last_double_close; /* 1 + index in marks of the paragraph's last double
                                 mark that can close a quote; 0 when none */
    bool oom;
} an_qscan;

/* ---- character classes ------------------------------------------------ */

static an_qclass an_q__class_cp(const unsigned char *p, size_t n)
{
    if (n == 1) {
        unsigned char c = p[0];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0)
            return AN_QC_SPACE;
        if (isalnum(c))
            return AN_QC_ALNUM;
        if (c == '(' || c == '[' || c == '{' || c == '-' || c == '/' || c == '<' || c == '`')
            return AN_QC_OPEN;
        return AN_QC_PUNCT;
    }
    if (n == 2 && p[0] == 0xC2) {
        if (p[1] == 0xA0)
            return AN_QC_SPACE;
        if (p[1] == 0xAB || p[1] == 0xBF || p[1] == 0xA1)
            return AN_QC_OPEN;
        if (p[1] < 0xC0)
            return AN_QC_PUNCT;
    }
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x80) {
        if (p[2] == 0x89 || p[2] == 0x8A || p[2] == 0xAF)
            return AN_QC_PUNCT; /* thin, hair, narrow no-break space: glue between marks */
        if (p[2] <= 0x88) /* en quad ... punctuation space */
            return AN_QC_SPACE;
        if (p[2] == 0x98 || p[2] == 0x9C || p[2] == 0x9E || (p[2] >= 0x90 && p[2] <= 0x95))
            return AN_QC_OPEN; /* ‘ “ „ and the dashes */
        return AN_QC_PUNCT;
    }
    return AN_QC_ALNUM;
}

an_qclass an__qclass_before(const char *s, size_t pos)
{
    if (pos == 0)
        return AN_QC_SPACE;
    size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    return an_q__class_cp((const unsigned char *)s + start, pos - start);
}

an_qclass an__qclass_at(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return AN_QC_SPACE;
    unsigned char c = (unsigned char)s[pos];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n > len - pos)
        n = len - pos;
    return an_q__class_cp((const unsigned char *)s + pos, n);
}

size_t an__qmark_at(const char *s, size_t len, size_t pos, bool *is_double)
{
    unsigned char c = (unsigned char)s[pos];
    if (c == '"' || c == '\'') {
        *is_double = c == '"';
        return 1;
    }
    if (c == '`' && pos + 1 < len && s[pos + 1] == '`') {
        *is_double = true;
        return 2;
    }
    if (c == 0xC2 && pos + 1 < len) {
        unsigned char d = (unsigned char)s[pos + 1];
        *is_double = true;
        return d == 0xAB || d == 0xBB ? 2 : 0;
    }
    if (c == 0xE2 && pos + 2 < len && (unsigned char)s[pos + 1] == 0x80) {
        unsigned char d = (unsigned char)s[pos + 2];
        if (d == 0x98 || d == 0x99) {
            *is_double = false;
            return 3;
        }
        if (d == 0x9C || d == 0x9D || d == 0x9E) {
            *is_double = true;
            return 3;
        }
    }
    return 0;
}

/* ---- classifying one mark --------------------------------------------- */

/* True when the word after a word-initial apostrophe is a known elision:
 * ’90s, ’98, ’tis, ’twas, ’em, ’n’, ’cause, ’til. */
static bool an_q__elision(const char *s, size_t len, size_t p)
{
    if (p + 1 < len && isdigit((unsigned char)s[p]) && isdigit((unsigned char)s[p + 1]))
        return p + 2 >= len || !isdigit((unsigned char)s[p + 2]);
    static const char *const words[] = {"tis", "twas", "em", "n", "cause", "til", "bout", "nuff"};
    size_t e = p;
    while (e < len && e - p < 8 && isalpha((unsigned char)s[e]))
        e++;
    if (e < len && isalpha((unsigned char)s[e]))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (n != e - p)
            continue;
        size_t k = 0;
        while (k < n && tolower((unsigned char)s[p + k]) == words[i][k])
            k++;
        if (k == n)
            return n != 1 || (e < len && (s[e] == '\'' || (unsigned char)s[e] == 0xE2));
    }
    return false;
}

/* The 'n' of rock ’n’ roll: the mark closes a word-initial "’n". */
static bool an_q__n_closing(const char *s, size_t pos)
{
    if (pos < 3 || s[pos - 1] != 'n')
        return false;
    size_t q = pos - 2;
    if (s[q] == '\'')
        return q == 0 || s[q - 1] == ' ';
    return q >= 2 && (unsigned char)s[q] == 0x99 && (unsigned char)s[q - 1] == 0x80 &&
           (unsigned char)s[q - 2] == 0xE2 && (q == 2 || s[q - 3] == ' ');
}

static uint8_t an_q__dir_double(const char *s, size_t pos, size_t n, an_qclass l, an_qclass r)
{
    unsigned char g = (unsigned char)s[pos + n - 1];
    bool l_open = l == AN_QC_SPACE || l == AN_QC_OPEN;
    if (n == 2 && s[pos] == '`')
        return AN_QD_OPEN;
    if (n == 2) /* « » */
        return g == 0xAB ? AN_QD_OPEN : AN_QD_CLOSE;
    if (n == 3 && (g == 0x9C || g == 0x9E)) /* “ „ */
        return !l_open && (r == AN_QC_SPACE || r == AN_QC_PUNCT) ? AN_QD_EITHER : AN_QD_OPEN;
    if (n == 3) /* ” */
        return l_open && r == AN_QC_ALNUM ? AN_QD_EITHER : AN_QD_CLOSE;
    if (l_open)
        return r == AN_QC_SPACE ? AN_QD_EITHER : AN_QD_OPEN;
    return r == AN_QC_ALNUM ? AN_QD_EITHER : AN_QD_CLOSE;
}

static uint8_t an_q__dir_single(const char *s, size_t len, size_t pos, size_t n, an_qclass l,
                                an_qclass r)
{
    bool curly_open = n == 3 && (unsigned char)s[pos + 2] == 0x98;
    bool curly_close = n == 3 && !curly_open;
    if (l == AN_QC_ALNUM && r == AN_QC_ALNUM)
        return AN_QD_APOS; /* don't, Iran’s, O’Neill */
    if (l == AN_QC_ALNUM)
        return an_q__n_closing(s, pos) ? AN_QD_APOS : AN_QD_CLOSE_OR_APOS;
    if (l == AN_QC_PUNCT)
        return r == AN_QC_ALNUM ? AN_QD_APOS : AN_QD_CLOSE;
    /* l is a space or an opening bracket or mark */
    if (r == AN_QC_ALNUM)
        return curly_close || an_q__elision(s, len, pos + n) ? AN_QD_APOS : AN_QD_OPEN;
    if (r == AN_QC_OPEN || r == AN_QC_PUNCT)
        return curly_close ? AN_QD_APOS : AN_QD_OPEN;
    return AN_QD_APOS;
}

/* ---- emitting quotes -------------------------------------------------- */

static void an_q__stray(an_qscan *q, size_t pos, size_t n)
{
    if (AN_VEC_PUSH(q->strays, ((an_span){pos, pos + n})) != 0)
        q->oom = true;
}

static void an_q__emit(an_qscan *q, size_t start, size_t end, unsigned flags)
{
    if (end <= start)
        return;
    an_quote quote = {{start, end}, flags, -1, {0, 0}, -1, {0, 0}};
    if (AN_VEC_PUSH(q->doc->quotes, quote) != 0)
        q->oom = true;
}

/* The pending quote did not continue: its opening mark is a stray. The
 * quote is still reported when it is one sentence (‘Are you insane?),
 * unless it opens with a straight single mark (more likely an elision). */
static void an_q__unclosed(an_qscan *q)
{
    bool straight_single = q->pending.kind == AN_QK_SINGLE && q->pending.len == 1;
    if (straight_single)
        return;
    if (!q->pending_sentences)
        an_q__emit(q, q->pending.pos, q->pending_end, q->pending_flags | AN_QUOTE_UNCLOSED);
    if (q->pending.len > 0)
        an_q__stray(q, q->pending.pos, q->pending.len);
}

/* Resolves the quote the last paragraph left open, now that the next
 * paragraph (starting at `ps`, whose marks are collected) is known. Returns
 * true when the paragraph continues it; `*inside` is set when it does so
 * without an opening mark (its first double mark closes the quote). */
static bool an_q__resolve_pending(an_qscan *q, size_t ps, bool *inside)
{
    *inside = false;
    if (!q->has_pending)
        return false;
    q->has_pending = false;
    const an_qmark *m = q->marks.len ? &q->marks.items[0] : NULL;
    bool opens = m && m->pos == ps && m->kind == q->pending.kind &&
                 (m->dir == AN_QD_OPEN || m->dir == AN_QD_EITHER);
    if (!opens && q->pending.kind == AN_QK_DOUBLE) {
        for (size_t i = 0; i < q->marks.len; i++) {
            if (q->marks.items[i].kind != AN_QK_DOUBLE)
                continue;
            *inside = q->marks.items[i].dir == AN_QD_CLOSE;
            break;
        }
    }
    if (opens || *inside)
        an_q__emit(q, q->pending.pos, q->pending_end, q->pending_flags | AN_QUOTE_UNCLOSED);
    else
        an_q__unclosed(q);
    return opens || *inside;
}

/* ---- one paragraph ---------------------------------------------------- */

/* A Markdown ATX heading is a paragraph of its own even without blank lines. */
static bool an_q__md_heading(const an_doc *doc, size_t ls, size_t le)
{
    if (doc->format != AN_FORMAT_MARKDOWN)
        return false;
    size_t p = ls;
    while (p < le && p - ls < 3 && doc->text[p] == ' ')
        p++;
    return p < le && doc->text[p] == '#';
}

/* A paragraph that is a headline or subhead: a Markdown heading, or one
 * short line that does not end like a sentence and is the document's
 * first paragraph or does not open with a quotation mark. */
static bool an_q__headline(const an_qscan *q, size_t ps, size_t pe)
{
    size_t ls = ps;
    while (ls > 0 && q->s[ls - 1] != '\n')
        ls--;
    if (an_q__md_heading(q->doc, ls, pe))
        return true;
    if (pe - ps > 200 || memchr(q->s + ps, '\n', pe - ps))
        return false;
    bool dbl;
    if (q->n_paragraphs > 0 && an__qmark_at(q->s, q->len, ps, &dbl))
        return false;
    size_t e = pe;
    while (e > ps) {
        size_t b = e - 1;
        while (b > ps && ((unsigned char)q->s[b] & 0xC0) == 0x80)
            b--;
        if (an__qmark_at(q->s, q->len, b, &dbl) == e - b || q->s[b] == ' ')
            e = b;
        else
            break;
    }
    if (e == ps)
        return false;
    char c = q->s[e - 1];
    if (c == '.' || c == '?' || c == '!' || c == ':' || c == ';' || c == ',')
        return false;
    /* A sentence end inside ("... said. He ...") makes it body text. */
    for (size_t i = ps; i + 2 < e; i++)
        if ((q->s[i] == '.' || q->s[i] == '?' || q->s[i] == '!') && q->s[i + 1] == ' ' &&
            isupper((unsigned char)q->s[i + 2]) && i > ps && islower((unsigned char)q->s[i - 1]))
            return false;
    return true;
}

/* The innermost open quote of `kind`, or -1. */
static int an_q__find_open(const an_qscan *q, uint8_t kind)
{
    for (size_t i = q->depth; i-- > 0;)
        if (q->stack[i].kind == kind)
            return (int)i;
    return -1;
}

/* Closes stack entry `at` (and whatever is nested above it) with the mark
 * `m`; emits a quote when that empties the stack. */
static void an_q__close(an_qscan *q, int at, const an_qmark *m, unsigned flags)
{
    an_qopen o = q->stack[at];
    q->depth = (size_t)at;
    if (q->depth == 0)
        an_q__emit(q, o.pos, m->pos + m->len, flags | (o.continuation ? AN_QUOTE_CONTINUATION : 0));
}

/* Gives up on the open quote at stack entry `at` (and what is nested in
 * it): its mark is a stray, and a quote that never closes over several
 * sentences is not reported. */
static void an_q__drop(an_qscan *q, int at)
{
    an_qopen o = q->stack[at];
    q->depth = (size_t)at;
    if (o.len > 0)
        an_q__stray(q, o.pos, o.len);
}

static void an_q__push(an_qscan *q, const an_qmark *m, bool continuation)
{
    if (q->depth == AN_Q_DEPTH) {
        an_q__stray(q, m->pos, m->len);
        return;
    }
    q->stack[q->depth++] = (an_qopen){m->pos, m->sentence, m->len, m->kind, continuation};
}

static void an_q__double(an_qscan *q, const an_qmark *m, unsigned flags, bool *cont)
{
    int open = an_q__find_open(q, AN_QK_DOUBLE);
    uint8_t dir = m->dir;
    if (dir == AN_QD_EITHER)
        dir = open >= 0 ? AN_QD_CLOSE : AN_QD_OPEN;
    /* `like," Hmmm`: a straight mark after a comma with nothing to close opens */
    if (dir == AN_QD_CLOSE && open < 0 && q->depth == 0 && m->len == 1 &&
        (m->before == ',' || m->before == ':') && m->pos + 2 < q->len && q->s[m->pos + 1] == ' ' &&
        !islower((unsigned char)q->s[m->pos + 2]))
        dir = AN_QD_OPEN; /* not `…," a clerk said` */
    if (dir == AN_QD_OPEN && open >= 0 && m->sentence > q->stack[open].pos) {
        /* a new sentence began since the open quote: it was never closed */
        an_q__drop(q, open);
        open = -1;
    }
    if (dir == AN_QD_OPEN) {
        an_q__push(q, m, *cont);
        *cont = false;
    } else if (open >= 0) {
        an_q__close(q, open, m, flags);
    } else if (q->depth > 0) {
        an_q__close(q, 0, m, flags); /* 'a mismatched pair" */
    } else {
        an_q__stray(q, m->pos, m->len);
    }
}

static void an_q__single(an_qscan *q, const an_qmark *m, unsigned flags, bool *cont)
{
    int open = an_q__find_open(q, AN_QK_SINGLE);
    int dbl = an_q__find_open(q, AN_QK_DOUBLE);
    bool closable = open >= 0 && open > dbl;
    switch (m->dir) {
    case AN_QD_OPEN:
        an_q__push(q, m, q->depth == 0 && *cont);
        if (q->depth == 1)
            *cont = false;
        break;
    case AN_QD_EITHER:
        if (closable)
            an_q__close(q, open, m, flags);
        break;
    case AN_QD_CLOSE:
    case AN_QD_CLOSE_OR_APOS:
        if (closable)
            an_q__close(q, open, m, flags);
        else if (dbl >= 0 && dbl == (int)q->depth - 1 && m->len == 1 && q->stack[dbl].len == 1 &&
                 m->pos - q->stack[dbl].pos <= 32 && m->sentence <= q->stack[dbl].pos &&
                 an__qclass_at(q->s, q->len, m->pos + m->len) != AN_QC_ALNUM && m->before != 's' &&
                 (size_t)(m - q->marks.items) + 1 >= q->last_double_close)
            /* "a typo' closes a short double quote, unless a double mark
             * later in the paragraph can: "Truckin'" ... ISIS' ... ISIS." */
            an_q__close(q, dbl, m, flags);
        break;
    default:
        break;
    }
}

/* Pairs the marks of the paragraph [ps, pe). */
static void an_q__paragraph(an_qscan *q, size_t ps, size_t pe)
{
    unsigned flags = an_q__headline(q, ps, pe) ? AN_QUOTE_HEADLINE : 0;
    bool inside;
    bool cont = an_q__resolve_pending(q, ps, &inside);
    q->depth = 0;
    if (inside)
        q->stack[q->depth++] = (an_qopen){ps, ps, 0, AN_QK_DOUBLE, true};
    q->last_double_close = 0;
    for (size_t i = 0; i < q->marks.len; i++)
        if (q->marks.items[i].kind == AN_QK_DOUBLE && q->marks.items[i].dir != AN_QD_OPEN &&
            q->marks.items[i].dir != AN_QD_APOS)
            q->last_double_close = i + 1;
    for (size_t i = 0; i < q->marks.len; i++) {
        const an_qmark *m = &q->marks.items[i];
        if (m->dir == AN_QD_APOS)
            continue;
        if (m->kind == AN_QK_DOUBLE)
            an_q__double(q, m, flags, &cont);
        else
            an_q__single(q, m, flags, &cont);
    }
    q->n_paragraphs++;
    if (q->depth > 0) {
        q->has_pending = true;
        q->pending = q->stack[0];
        q->pending_end = pe;
        q->pending_flags = flags | (q->stack[0].continuation ? AN_QUOTE_CONTINUATION : 0);
        q->pending_sentences = q->sentence > q->pending.pos;
    }
    q->depth = 0;
    q->marks.len = 0;
}

/* ---- lines and paragraphs --------------------------------------------- */

/* Collects the marks of the line [ls, le); returns whether it has any
 * non-space byte, and sets *first / *last to its non-space extent. */
/* Bytes the line scan stops at: 1 for a possible quotation mark, 2 for a
 * possible sentence end. */
static const unsigned char an_q__stop[256] = {
    ['"'] = 1, ['\''] = 1, ['`'] = 1, [0xE2] = 1, [0xC2] = 1, ['.'] = 2, ['?'] = 2, ['!'] = 2,
};

static bool an_q__blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool an_q__line(an_qscan *q, size_t ls, size_t le, size_t *first, size_t *last)
{
    size_t f = ls, e = le;
    while (f < le && an_q__blank((unsigned char)q->s[f]))
        f++;
    if (f == le)
        return false;
    while (e > f && an_q__blank((unsigned char)q->s[e - 1]))
        e--;
    *first = f;
    *last = e;
    const unsigned char *s = (const unsigned char *)q->s;
    for (size_t p = f; p < e; p++) {
        /* Four bytes a step while none stops the scan: most of a line. */
        while (p + 4 <= e && !(an_q__stop[s[p]] | an_q__stop[s[p + 1]] | an_q__stop[s[p + 2]] |
                               an_q__stop[s[p + 3]]))
            p += 4;
        while (p < e && !an_q__stop[s[p]])
            p++;
        if (p >= e)
            break;
        unsigned char c = s[p];
        if (an_q__stop[c] == 2) {
            if (p + 2 < le && s[p + 1] == ' ' &&
                (isupper(s[p + 2]) || s[p + 2] == '"' || s[p + 2] == 0xE2) && p > ls &&
                islower(s[p - 1]))
                q->sentence = p + 2;
            continue;
        }
        bool dbl;
        size_t n = an__qmark_at(q->s, le, p, &dbl);
        if (n == 0)
            continue;
        an_qclass l = an__qclass_before(q->s, p), r = an__qclass_at(q->s, le, p + n);
        an_qmark m = {p, q->sentence, (uint8_t)n, dbl ? AN_QK_DOUBLE : AN_QK_SINGLE, 0,
                      p > 0 ? q->s[p - 1] : ' '};
        m.dir = dbl ? an_q__dir_double(q->s, p, n, l, r) : an_q__dir_single(q->s, le, p, n, l, r);
        if (m.dir != AN_QD_APOS && AN_VEC_PUSH(q->marks, m) != 0)
            q->oom = true;
        p += n - 1;
    }
    return true;
}

/* True when paragraphs are separated by single line breaks: blank lines
 * are rare compared with lines of text (never for Markdown). */
static bool an_q__line_paragraphs(const an_doc *doc)
{
    if (doc->format == AN_FORMAT_MARKDOWN)
        return false;
    size_t blank = 0, text = 0;
    for (size_t ls = 0; ls < doc->len;) {
        const char *nl = memchr(doc->prose + ls, '\n', doc->len - ls);
        size_t le = nl ? (size_t)(nl - doc->prose) : doc->len;
        size_t p = ls;
        while (p < le && (doc->prose[p] == ' ' || doc->prose[p] == '\t' || doc->prose[p] == '\r'))
            p++;
        if (p == le)
            blank++;
        else
            text++;
        ls = le + 1;
    }
    return text > 1 && blank * 8 < text;
}

static void an_q__publish_strays(an_qscan *q)
{
    if (q->strays.len == 0)
        return;
    an_span *out = an_arena_alloc(&q->doc->arena, q->strays.len * sizeof *out);
    if (!out)
        return;
    memcpy(out, q->strays.items, q->strays.len * sizeof *out);
    /* Strays are found in order except a pending opener resolved late. */
    for (size_t i = 1; i < q->strays.len; i++) {
        an_span v = out[i];
        size_t j = i;
        while (j > 0 && out[j - 1].start > v.start) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = v;
    }
    q->doc->stray_marks = out;
    q->doc->n_stray_marks = q->strays.len;
}

void an__quotes_find(an_doc *doc)
{
    an_qscan q;
    memset(&q, 0, sizeof q);
    q.doc = doc;
    q.s = doc->prose;
    q.len = doc->len;
    bool by_line = an_q__line_paragraphs(doc);
    bool in_para = false;
    size_t ps = 0, pe = 0;
    for (size_t ls = 0; ls <= doc->len && !q.oom;) {
        const char *nl = ls < doc->len ? memchr(doc->prose + ls, '\n', doc->len - ls) : NULL;
        size_t le = nl ? (size_t)(nl - doc->prose) : doc->len;
        bool heading = an_q__md_heading(doc, ls, le);
        if (in_para && heading) {
            an_q__paragraph(&q, ps, pe);
            in_para = false;
        }
        size_t first = 0, last = 0;
        if (an_q__line(&q, ls, le, &first, &last)) {
            if (!in_para)
                ps = first;
            in_para = true;
            pe = last;
            if (by_line || heading) {
                an_q__paragraph(&q, ps, pe);
                in_para = false;
            }
        } else if (in_para) {
            an_q__paragraph(&q, ps, pe);
            in_para = false;
        }
        ls = le + 1;
    }
    if (in_para)
        an_q__paragraph(&q, ps, pe);
    if (q.has_pending)
        an_q__unclosed(&q);
    an_q__publish_strays(&q);
    free(q.marks.items);
    free(q.strays.items);
}
