/* rules_quotes.c - quote.unbalanced, quote.unattributed,
 * quote.speaker-unknown and source.anonymous. */
#include "rules_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- shared word tests ------------------------------------------------ */

static const char *const an_rq__speech_verbs[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "asked", "asks",
    "wrote", "writes", "write", "stated", "states", "explained", "explains", "tweeted",
    "posted", "announced", "commented", "noted", "notes", "continued", "continues", "replied",
    "replies", "insisted", "argued", "argues", "warned", "declared", "claimed", "claims",
    "admitted", "remarked", "responded", "reported", "quoted", "quoting", "according",
    "statement", "interview", "recalled", "recalls", "acknowledged", "conceded", "concluded",
    "described", "called", "urged", "suggested", "predicted", "promised", "vowed", "pointed",
    "emphasized", "emphasised", "stressed", "observed", "agreed", "joked", "cautioned",
    "wondered", "thought", "believes", "believed", "reads", "read", "headlined", "titled",
    "entitled", NULL};

/* Verbs that report speech outright: what carries a speaker into the next
 * paragraph. */
static const char *const an_rq__report_verbs[] = {
    "said", "says", "told", "tells", "added", "asked", "explained", "according", "wrote",
    "stated", "replied", "continued", "insisted", "argued", "noted", "warned", "tweeted",
    "posted", "statement", "interview", "recalled", "responded", "declared", "announced", NULL};

/* True when [start, end) holds a verb reporting speech, outside quotes. */
static bool an_rq__reports_speech(const an_rules_ctx *cx, an_span range)
{
    for (size_t i = an_rules__word_from(cx, range.start);
         i < cx->words.len && cx->words.items[i].span.start < range.end; i++) {
        an_span w = cx->words.items[i].span;
        int32_t q = an_doc_quote_at(cx->doc, w.start);
        if (q >= 0 && !(cx->doc->quotes.items[q].flags & AN_QUOTE_NOT_SPEECH))
            continue;
        if (an_rules__word_in(cx->doc, w, an_rq__report_verbs))
            return true;
    }
    return false;
}

/* True when [start, end) holds a speech verb outside `except`. */
static bool an_rq__has_cue(const an_rules_ctx *cx, an_span range, an_span except)
{
    for (size_t i = an_rules__word_from(cx, range.start);
         i < cx->words.len && cx->words.items[i].span.start < range.end; i++) {
        an_span w = cx->words.items[i].span;
        if (w.start >= except.start && w.end <= except.end)
            continue;
        if (an_rules__word_in(cx->doc, w, an_rq__speech_verbs))
            return true;
    }
    return false;
}

static bool an_rq__has_quote_mark(const an_doc *doc, an_span sp)
{
    for (size_t i = sp.start; i < sp.end; i++) {
        unsigned char c = (unsigned char)doc->prose[i];
        if (c == '"' || (c == 0xE2 && i + 2 < sp.end && (unsigned char)doc->prose[i + 1] == 0x80 &&
                         ((unsigned char)doc->prose[i + 2] == 0x9C ||
                          (unsigned char)doc->prose[i + 2] == 0x9D)))
            return true;
    }
    return false;
}

/* The last non-space byte before offset within the paragraph, or 0. */
static char an_rq__char_before(const an_rules_ctx *cx, size_t offset, size_t floor)
{
    while (offset > floor && (cx->doc->prose[offset - 1] == ' ' || cx->doc->prose[offset - 1] == '\n'))
        offset--;
    return offset > floor ? cx->doc->prose[offset - 1] : '\0';
}

/* ---- quote.unbalanced -------------------------------------------------- */

enum { AN_MARK_STRAIGHT, AN_MARK_OPEN, AN_MARK_CLOSE };

typedef struct an_mark {
    size_t pos, len;
    int kind;
    bool opener; /* classified as opening */
} an_mark;

/* Whitespace, an opening bracket or a dash on the left of a mark. */
static bool an_rq__left_space(const char *p, size_t pos, size_t floor)
{
    if (pos == floor)
        return true;
    unsigned char c = (unsigned char)p[pos - 1];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '[' || c == '{' ||
        c == '-' || c == '/')
        return true;
    /* — – ‘ end in 0x94 0x93 0x98 after E2 80 */
    return pos - floor >= 3 && (unsigned char)p[pos - 3] == 0xE2 &&
           (unsigned char)p[pos - 2] == 0x80 && (c == 0x94 || c == 0x93 || c == 0x98);
}

/* Whitespace, punctuation or a dash on the right of a mark. */
static bool an_rq__right_space(const char *p, size_t pos, size_t ceil)
{
    if (pos >= ceil)
        return true;
    unsigned char c = (unsigned char)p[pos];
    if (strchr(" \n\t\r.,;:!?)]}-/", c) && c != '\0')
        return true;
    return pos + 2 < ceil && c == 0xE2 && (unsigned char)p[pos + 1] == 0x80 &&
           ((unsigned char)p[pos + 2] == 0x94 || (unsigned char)p[pos + 2] == 0x93 ||
            (unsigned char)p[pos + 2] == 0x99 || (unsigned char)p[pos + 2] == 0xA6);
}

/* The primary quotation marks of a paragraph, classified: double marks,
 * or with `single` (quotes.primary: single) single ones, leaving out
 * apostrophes inside words (don't, Truckin') and straight openers of
 * elisions ('90s, 'n'). */
/* The first offset in [from, end) holding byte c, or end. */
static size_t an_rq__find(const char *p, size_t from, size_t end, unsigned char c)
{
    const char *at = from < end ? memchr(p + from, c, end - from) : NULL;
    return at ? (size_t)(at - p) : end;
}

static size_t an_rq__marks(const an_doc *doc, an_span sp, an_mark *out, size_t cap, bool single)
{
    const char *p = doc->prose;
    unsigned char straight = single ? '\'' : '"', open = single ? 0x98 : 0x9C,
                  close = single ? 0x99 : 0x9D;
    size_t n = 0;
    /* Only the bytes 0xE2 and `straight` can start a mark: the next of
     * each is found by memchr, a paragraph having few. */
    size_t next_curly = an_rq__find(p, sp.start, sp.end, 0xE2),
           next_straight = an_rq__find(p, sp.start, sp.end, straight);
    for (size_t i = sp.start; i < sp.end && n < cap; i++) {
        if (next_curly < i)
            next_curly = an_rq__find(p, i, sp.end, 0xE2);
        if (next_straight < i)
            next_straight = an_rq__find(p, i, sp.end, straight);
        i = next_curly < next_straight ? next_curly : next_straight;
        if (i >= sp.end)
            break;
        unsigned char c = (unsigned char)p[i];
        an_mark m = {i, 1, AN_MARK_STRAIGHT, false};
        if (c == 0xE2 && i + 2 < sp.end && (unsigned char)p[i + 1] == 0x80) {
            unsigned char d = (unsigned char)p[i + 2];
            if (d != open && d != close && (single || d != 0x9E))
                continue;
            m.len = 3;
            m.kind = d == close ? AN_MARK_CLOSE : AN_MARK_OPEN;
            m.opener = m.kind == AN_MARK_OPEN;
            if (single && d == close && !an_rq__right_space(p, i + 3, sp.end))
                continue; /* don’t */
        } else if (c == straight) {
            bool l = an_rq__left_space(p, i, sp.start), r = an_rq__right_space(p, i + 1, sp.end);
            if (l == r || (i > sp.start && p[i - 1] >= '0' && p[i - 1] <= '9'))
                m.kind = -1; /* ambiguous: decided by state (after a digit: "COVID-19", or inches) */
            else
                m.opener = l;
            if (single && (l == r || (l && !(i + 1 < sp.end && p[i + 1] >= 'A' && p[i + 1] <= 'Z'))))
                continue; /* an apostrophe or an elision */
        } else {
            continue;
        }
        out[n++] = m;
    }
    return n;
}

/* True when marks[i] opens a well-formed quote inside the open quote in
 * the outer kind of marks ("... called "research", would it?"): it opens
 * where an opener stands (after a space, dash or bracket, before a
 * letter), the next mark closes where a closer stands (after a non-space,
 * before punctuation or a space), and a further mark closes the outer
 * quote. A nested quote in the wrong kind of marks, not an unbalanced one
 * (NEWSROOM §8). */
static bool an_rq__nested_pair(const an_doc *doc, const an_mark *marks, size_t n, size_t i)
{
    const unsigned char *p = (const unsigned char *)doc->prose;
    size_t after = marks[i].pos + marks[i].len;
    if (i + 2 >= n || marks[i].kind == -1 || !marks[i].opener || after >= doc->len ||
        !(((p[after] | 0x20) >= 'a' && (p[after] | 0x20) <= 'z') || (p[after] >= 0xC3 && p[after] <= 0xC5)))
        return false;
    const an_mark *in = &marks[i + 1], *out = &marks[i + 2];
    bool in_closes = in->kind == AN_MARK_STRAIGHT ? !in->opener : in->kind == AN_MARK_CLOSE;
    bool out_closes = out->kind == -1 || (out->kind == AN_MARK_STRAIGHT ? !out->opener
                                                                         : out->kind == AN_MARK_CLOSE);
    return in_closes && out_closes && in->pos > after && p[in->pos - 1] != ' ';
}

/* Two opening marks of the primary kind with no closing mark between, in
 * one paragraph: a closing mark was dropped ("must be well thought out:
 * "Moves to ...") or a quote inside a quote kept the outer marks. Only
 * where no other mark finding covers the paragraph: one fault, one report.
 * Runs after the other mark checks. */
static void an_rq__nested(an_rules_ctx *cx)
{
    bool single = cx->opt->quotes_primary == AN_QUOTES_SINGLE;
    an_mark marks[64];
    bool *reported = calloc(cx->paras.len + 1, sizeof *reported);
    if (!reported)
        return;
    for (size_t i = 0; i < cx->doc->diagnostics.len; i++) {
        const an_diagnostic *d = &cx->doc->diagnostics.items[i];
        ptrdiff_t p = d->rule == AN_RULE_QUOTE_UNBALANCED ? an_rules__para_of(cx, d->span.start) : -1;
        if (p >= 0)
            reported[p] = true;
    }
    for (size_t pi = 0; pi < cx->paras.len; pi++) {
        if (!cx->paras.items[pi].body || reported[pi])
            continue;
        size_t n = an_rq__marks(cx->doc, cx->paras.items[pi].span, marks, 64, single);
        ptrdiff_t open = -1; /* the unclosed opener, or -1 */
        for (size_t i = 0; i < n; i++) {
            bool sure = marks[i].kind != -1;
            bool opener = sure ? marks[i].opener : open < 0;
            if (!opener) {
                open = -1;
                continue;
            }
            if (open >= 0 && sure && marks[open].kind != -1 &&
                an_rq__nested_pair(cx->doc, marks, n, i)) {
                i++; /* the inner quote closes; the outer one stays open */
                continue;
            }
            if (open >= 0 && sure && marks[open].kind != -1) {
                an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED,
                               (an_span){marks[i].pos, marks[i].pos + marks[i].len},
                               single ? "A quotation mark opens before the quote before it is "
                                        "closed: close that quote first (a quote inside a quote "
                                        "takes double marks)."
                                      : "A quotation mark opens before the quote before it is "
                                        "closed: close that quote first (a quote inside a quote "
                                        "takes single marks).",
                               (an_span){marks[open].pos, marks[open].pos + marks[open].len},
                               "the quote still open", NULL);
                break; /* one per paragraph */
            }
            open = (ptrdiff_t)i;
        }
    }
    free(reported);
}

/* ", he said" or ", said Smith" inside an unclosed quote: the closing mark
 * was dropped, this is no running quote. */
static bool an_rq__attribution_inside(const an_rules_ctx *cx, size_t from, size_t to)
{
    static const char *const verbs[] = {"said", "says", "added", "told", "asked", "explained",
                                        "wrote", "continued", NULL};
    /* not I or we: "..., I wrote a resignation offer" is the speaker's own account */
    static const char *const pronouns[] = {"he", "she", "they", "it", NULL};
    static const char *const first_person[] = {"I", "we", NULL};
    const an_doc *doc = cx->doc;
    size_t first = an_rules__word_from(cx, from);
    for (size_t i = first; i < cx->words.len && cx->words.items[i].span.start < to; i++) {
        if (!an_rules__word_in(doc, cx->words.items[i].span, verbs))
            continue;
        for (size_t back = 0; back <= 3 && back <= i - first; back++) {
            size_t j = i - back;
            if (back > 0 && an_rules__word_in(doc, cx->words.items[j].span, first_person))
                break;
            if (j > first && back > 0 && !cx->words.items[j].capitalized &&
                !an_rules__word_in(doc, cx->words.items[j].span, pronouns))
                break;
            size_t s = cx->words.items[j].span.start;
            if (s >= 2 && doc->prose[s - 1] == ' ' && doc->prose[s - 2] == ',')
                return true;
        }
    }
    return false;
}

/* True when the mark at pos opens a quote (by its shape or neighbours). */
static bool an_rq__opening(const an_doc *doc, an_span mark)
{
    const unsigned char *m = (const unsigned char *)doc->text + mark.start;
    if (mark.end - mark.start == 3 && m[0] == 0xE2)
        return m[2] == 0x9C || m[2] == 0x9E || m[2] == 0x98;
    if (mark.end - mark.start == 2 && m[0] == 0xC2)
        return m[1] == 0xAB;
    return an_rq__left_space(doc->prose, mark.start, 0) &&
           !an_rq__right_space(doc->prose, mark.end, doc->len);
}

static bool an_rq__straight(const an_doc *doc, size_t pos)
{
    return doc->text[pos] == '"' || doc->text[pos] == '\'';
}
/* A single mark that may well be an apostrophe: 'net, 'specially,
 * other['s], Truckin'. Only single marks that clearly open a quoted
 * capitalized sentence or close one after its stop are reported. */
static bool an_rq__maybe_apostrophe(const an_doc *doc, an_span m, bool opening)
{
    const char *t = doc->text;
    bool single = t[m.start] == '\'' || (m.end - m.start == 3 && ((unsigned char)t[m.start + 2] == 0x98 ||
                                                              (unsigned char)t[m.start + 2] == 0x99));
    if (!single)
        return false;
    if (opening)
        return m.end >= doc->len || !(t[m.end] >= 'A' && t[m.end] <= 'Z');
    return m.start == 0 || strchr(".!?,", t[m.start - 1]) == NULL;
}

/* The last quote ending at or before offset (quotes are in text order
 * and do not overlap), or NULL. */
static const an_quote *an_rq__quote_before(const an_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->quotes.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->quotes.items[mid].span.end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? &doc->quotes.items[lo - 1] : NULL;
}

/* True when the closing double mark m (stray number i) belongs to a quote
 * that the quote pass ended at an apostrophe: "Truckin'", "... for ISIS'
 * reemergence ...", "'one in, all in'. ..." (a double mark is closed by a
 * double mark). Only when no other stray lies between, in one paragraph. */
static bool an_rq__closes_apostrophe_quote(const an_rules_ctx *cx, size_t i)
{
    const an_doc *doc = cx->doc;
    const unsigned char *t = (const unsigned char *)doc->text;
    an_span m = doc->stray_marks[i];
    bool dbl = t[m.start] == '"' || (m.end - m.start == 3 && t[m.start + 2] == 0x9D);
    const an_quote *best = dbl ? an_rq__quote_before(doc, m.start) : NULL;
    if (!best || best->span.end - best->span.start < 2)
        return false;
    an_span q = best->span;
    bool opens_double = t[q.start] == '"' || (t[q.start] == 0xE2 && t[q.start + 2] == 0x9C);
    bool ends_single = t[q.end - 1] == '\'' ||
                       (q.end - q.start >= 4 && t[q.end - 3] == 0xE2 && t[q.end - 1] == 0x99);
    return opens_double && ends_single && (i == 0 || doc->stray_marks[i - 1].start < q.end) &&
           an_rules__para_of(cx, q.start) == an_rules__para_of(cx, m.start);
}

/* The marks the quote pass could not pair (doc->stray_marks). */
static void an_rq__strays(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    for (size_t i = 0; i < doc->n_stray_marks; i++) {
        an_span m = doc->stray_marks[i];
        if (an_rq__maybe_apostrophe(doc, m, an_rq__opening(doc, m)) ||
            an_rq__closes_apostrophe_quote(cx, i))
            continue;
        an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, m,
                       an_rq__opening(doc, m)
                           ? "This quotation mark is never closed: add the closing mark where the "
                             "quote ends (a quote may stay open at a paragraph end only when the "
                             "next paragraph opens with a quotation mark)."
                           : "This closing quotation mark has no opening mark: add the opening "
                             "mark where the quote starts, or remove this one.",
                       (an_span){0, 0}, NULL, NULL);
    }
}

/* The quotation mark at pos: 1 straight, 2 curly, 0 none; *len its bytes. */
static int an_rq__mark_style(const an_doc *doc, size_t pos, bool opening, size_t *len)
{
    const unsigned char *t = (const unsigned char *)doc->text;
    if (pos >= doc->len)
        return 0;
    if (t[pos] == '"' || t[pos] == '\'') {
        *len = 1;
        return 1;
    }
    if (pos + 2 < doc->len && t[pos] == 0xE2 && t[pos + 1] == 0x80 &&
        (opening ? (t[pos + 2] == 0x9C || t[pos + 2] == 0x98 || t[pos + 2] == 0x9E)
                 : (t[pos + 2] == 0x9D || t[pos + 2] == 0x99))) {
        *len = 3;
        return 2;
    }
    return 0;
}

/* A straight mark paired with a curly one. */
static void an_rq__mixed(an_rules_ctx *cx, const an_quote *q)
{
    const an_doc *doc = cx->doc;
    size_t olen = 0, clen = 0;
    int os = an_rq__mark_style(doc, q->span.start, true, &olen);
    int cs = q->span.end >= 1 ? an_rq__mark_style(doc, q->span.end - 1, false, &clen) : 0;
    if (cs == 0 && q->span.end >= 3)
        cs = an_rq__mark_style(doc, q->span.end - 3, false, &clen);
    if (os == 0 || cs == 0 || os == cs || q->span.end - clen <= q->span.start)
        return;
    an_span open = {q->span.start, q->span.start + olen}, close = {q->span.end - clen, q->span.end};
    bool dbl = doc->text[open.start] == '"' ||
               (os == 2 && (unsigned char)doc->text[open.start + 2] != 0x98);
    an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, close,
                   os == 1 ? "A straight opening quotation mark is closed by a curly one: use the "
                             "same style for both marks."
                           : "A curly opening quotation mark is closed by a straight one: use the "
                             "same style for both marks.",
                   open, "the opening mark",
                   os == 1 ? (dbl ? "\"" : "'") : (dbl ? "\xE2\x80\x9D" : "\xE2\x80\x99"));
}

/* A quote whose text goes on past ", he said": its closing mark was
 * dropped before the attribution. */
static void an_rq__dropped_close(an_rules_ctx *cx, const an_quote *q)
{
    const an_doc *doc = cx->doc;
    if (!an_rq__attribution_inside(cx, q->span.start + 1, q->span.end))
        return;
    for (size_t i = 0; i < doc->n_stray_marks; i++)
        if (doc->stray_marks[i].start == q->span.start)
            return; /* already reported */
    size_t len = an_rq__straight(doc, q->span.start) ? 1 : 3;
    an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, (an_span){q->span.start, q->span.start + len},
                   "The quote runs on past its attribution (\xE2\x80\x9C, ... said\xE2\x80\x9D): "
                   "the closing mark before the attribution is missing.",
                   (an_span){0, 0}, NULL, NULL);
}

/* True when the quote opens inside a sentence on a lowercase word
 * (studies "the amazing ..."): a partial quote, which AP closes even when
 * the next paragraph goes on quoting. */
static bool an_rq__partial_open(const an_rules_ctx *cx, an_span q, size_t mark_len, size_t floor)
{
    char before = an_rq__char_before(cx, q.start, floor);
    size_t first = q.start + mark_len;
    return ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
            (before >= '0' && before <= '9')) &&
           first < q.end && cx->doc->prose[first] >= 'a' && cx->doc->prose[first] <= 'z';
}

/* A quote left open at its paragraph's end must go on in a paragraph that
 * opens with a quotation mark (the running-quote convention). */
static void an_rq__run_on(an_rules_ctx *cx, const an_quote *q)
{
    const an_doc *doc = cx->doc;
    ptrdiff_t para = an_rules__para_of(cx, q->span.start);
    size_t len;
    if (para < 0 || (size_t)para + 1 >= cx->paras.len ||
        an_rq__mark_style(doc, q->span.start, true, &len) == 0)
        return;
    for (size_t i = 0; i < doc->n_stray_marks; i++)
        if (doc->stray_marks[i].start == q->span.start)
            return; /* already reported */
    size_t next = cx->paras.items[para + 1].span.start, l2;
    if (an_rq__partial_open(cx, q->span, len, cx->paras.items[para].span.start)) {
        an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, (an_span){q->span.start, q->span.start + len},
                       "This partial quote is not closed: only a quote of whole sentences may stay "
                       "open at a paragraph end (the running-quote convention); close it where the "
                       "quoted words end.",
                       (an_span){0, 0}, NULL, NULL);
        return;
    }
    if (an_rq__mark_style(doc, next, true, &l2) != 0)
        return;
    an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, (an_span){q->span.start, q->span.start + len},
                   "This quote is not closed at the end of its paragraph, and the next paragraph "
                   "does not open with a quotation mark: close the quote, or open the next "
                   "paragraph with a mark.",
                   (an_span){0, 0}, NULL, NULL);
}

static void an_rq__unbalanced(an_rules_ctx *cx)
{
    an_rq__strays(cx);
    for (size_t i = 0; i < cx->doc->quotes.len; i++) {
        const an_quote *q = &cx->doc->quotes.items[i];
        if (q->span.end - q->span.start < 2)
            continue;
        if (!(q->flags & AN_QUOTE_UNCLOSED))
            an_rq__mixed(cx, q);
        else if (!(q->flags & AN_QUOTE_NOT_SPEECH))
            an_rq__run_on(cx, q);
        if (!(q->flags & AN_QUOTE_NOT_SPEECH))
            an_rq__dropped_close(cx, q);
    }
    an_rq__nested(cx);
}

/* ---- quote.unattributed ------------------------------------------------ */

static size_t an_rq__word_count(const an_rules_ctx *cx, an_span sp)
{
    size_t n = 0;
    for (size_t i = an_rules__word_from(cx, sp.start);
         i < cx->words.len && cx->words.items[i].span.end <= sp.end; i++)
        n++;
    return n;
}


/* A quote's span without its own opening and closing marks, for messages
 * that put the words in marks of their own. */
static an_span an_rq__inside_marks(const an_doc *doc, an_span q)
{
    const unsigned char *t = (const unsigned char *)doc->text;
    if (q.end > q.start && (t[q.start] == '"' || t[q.start] == '\''))
        q.start++;
    else if (q.end - q.start >= 3 && t[q.start] == 0xE2 && t[q.start + 1] == 0x80 &&
             (t[q.start + 2] == 0x9C || t[q.start + 2] == 0x98))
        q.start += 3;
    if (q.end > q.start && (t[q.end - 1] == '"' || t[q.end - 1] == '\''))
        q.end--;
    else if (q.end - q.start >= 3 && t[q.end - 3] == 0xE2 && t[q.end - 2] == 0x80 &&
             (t[q.end - 1] == 0x9D || t[q.end - 1] == 0x99))
        q.end -= 3;
    return q;
}

/* Whether a quote without a recorded speaker has one a reader would see:
 * a speech verb or colon in its paragraph, or a previous paragraph that
 * quotes or reports someone (carry-forward, NEWSROOM §3). */
static bool an_rq__reader_sees_speaker(const an_rules_ctx *cx, an_span q, ptrdiff_t para)
{
    an_span ps = cx->paras.items[para].span;
    if (an_rq__has_cue(cx, ps, q) || an_rq__char_before(cx, q.start, ps.start) == ':')
        return true;
    if (q.start > ps.start && an_rq__has_quote_mark(cx->doc, (an_span){ps.start, q.start}))
        return true; /* an earlier quote in the paragraph carries its speaker */
    if (para == 0)
        return false;
    an_span prev = cx->paras.items[para - 1].span;
    char last = an_rq__char_before(cx, prev.end, prev.start);
    return last == ':' || an_rq__has_quote_mark(cx->doc, prev) || an_rq__reports_speech(cx, prev);
}

static void an_rq__check_unattributed(an_rules_ctx *cx, an_span q)
{
    ptrdiff_t para = an_rules__para_of(cx, q.start);
    if (para < 0 || !cx->paras.items[para].body)
        return;
    an_span ps = cx->paras.items[para].span;
    bool whole = q.start <= ps.start + 1 && q.end + 2 >= ps.end;
    if (cx->paras.items[para].first_person && !whole)
        return; /* an interview answer quoting: the speaker is the one answering */
    if (!whole && an_rq__word_count(cx, q) <= 3)
        return; /* scare quotes, terms */
    char before = an_rq__char_before(cx, q.start, ps.start);
    if (before != '\0' && before != '.' && before != '!' && before != '?')
        return; /* inside a sentence, whose verb attributes it (or a title, a term) */
    if (an_rq__reader_sees_speaker(cx, q, para))
        return;
    char ex[96], msg[300];
    an_rules__excerpt(cx->doc, an_rq__inside_marks(cx->doc, q), ex, sizeof ex);
    snprintf(msg, sizeof msg,
             "Nobody is named as saying %s: add the speaker (\xE2\x80\x9C...,\xE2\x80\x9D Lopez "
             "said) or attribute the paragraph before it.",
             ex);
    an_rules__emit(cx, AN_RULE_QUOTE_UNATTRIBUTED, q, msg, (an_span){0, 0}, NULL, NULL);
}

/* The quote of a paragraph that is nothing but one quotation, or {0,0}. */
static an_span an_rq__whole_para_quote(const an_rules_ctx *cx, size_t para)
{
    an_mark marks[8];
    an_span ps = cx->paras.items[para].span;
    size_t n = an_rq__marks(cx->doc, ps, marks, 8, cx->opt->quotes_primary == AN_QUOTES_SINGLE);
    if (n != 2 || marks[0].pos != ps.start || marks[1].opener)
        return (an_span){0, 0};
    size_t end = marks[1].pos + marks[1].len;
    if (ps.end - end > 1)
        return (an_span){0, 0};
    return (an_span){ps.start, end};
}

static void an_rq__unattributed(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const an_quote *q = &doc->quotes.items[i];
        if (q->flags & (AN_QUOTE_NOT_SPEECH | AN_QUOTE_HEADLINE))
            continue;
        if (q->speaker_mention >= 0 || q->cue.end > q->cue.start ||
            q->source_phrase.end > q->source_phrase.start)
            continue;
        if (an_rules__work_title(cx, q->span))
            continue; /* titles.composition: a title of a work is no speech */
        /* No attribution of its own: a speaker carried forward (a continuation)
         * stands only when the text before makes it plain (NEWSROOM §3). */
        an_rq__check_unattributed(cx, q->span);
    }
    /* A paragraph that is only a quote, when the quote pass saw none there. */
    for (size_t p = 0; p < cx->paras.len; p++) {
        an_span q = an_rq__whole_para_quote(cx, p);
        if (q.end > q.start && an_doc_quote_at(doc, q.start + 1) < 0)
            an_rq__check_unattributed(cx, q);
    }
}

/* ---- quote.speaker-unknown --------------------------------------------- */

/* True when the person has a mention that introduces them by full name. */
static bool an_rq__introduced(const an_doc *doc, uint32_t entity, size_t before)
{
    const an_entity *e = &doc->entities.items[entity];
    for (size_t i = 0; i < e->n_mentions; i++) {
        const an_mention *m = &doc->mentions.items[e->mentions[i]];
        if (m->span.start < before && (m->kind == AN_MENTION_NAME || m->kind == AN_MENTION_TITLE ||
                                       m->kind == AN_MENTION_ALIAS))
            return true;
    }
    return false;
}

/* True when the surname at `sur` appears anywhere right after a capitalized
 * word that is not a title: "Grzegorz Stefaniak", "Donald Trump". */
static bool an_rq__full_name_in_text(const an_rules_ctx *cx, an_span sur)
{
    static const char *const titles[] = {"Mr", "Mrs", "Ms", "Dr", "President", "Minister",
                                         "Senator", "Sen", "Gov", "Governor", "Professor", "Prof",
                                         "General", "Gen", "Judge", "Mayor", "Secretary", NULL};
    const an_doc *doc = cx->doc;
    size_t n = sur.end - sur.start;
    for (size_t i = 1; i < cx->words.len; i++) {
        an_span w = cx->words.items[i].span, p = cx->words.items[i - 1].span;
        if (w.end - w.start != n || memcmp(doc->text + w.start, doc->text + sur.start, n) != 0)
            continue;
        if (cx->words.items[i - 1].capitalized && w.start == p.end + 1 &&
            doc->prose[p.end] == ' ' && !an_rules__word_in(doc, p, titles))
            return true;
    }
    return false;
}

static void an_rq__speaker_unknown(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const an_quote *q = &doc->quotes.items[i];
        if (q->speaker_mention < 0 || (size_t)q->speaker_mention >= doc->mentions.len)
            continue;
        const an_mention *m = &doc->mentions.items[q->speaker_mention];
        if (!an_rules__in_body(cx, m->span.start))
            continue;
        char ex[96], msg[300];
        an_rules__excerpt(doc, m->span, ex, sizeof ex);
        if (m->kind == AN_MENTION_PRONOUN && q->speaker < 0) {
            snprintf(msg, sizeof msg,
                     "The quote is attributed to %s, but no one has been named that it could "
                     "refer to: name the speaker.", ex);
        } else if ((m->kind == AN_MENTION_SURNAME || m->kind == AN_MENTION_HONORIFIC) &&
                   doc->entities.items[m->entity].kind == AN_ENTITY_PERSON &&
                   !an_rq__introduced(doc, m->entity, doc->len) &&
                   !an_rq__full_name_in_text(cx, cx->words.items[an_rules__word_from(cx, m->span.end) - 1].span)) {
            snprintf(msg, sizeof msg,
                     "The quote is attributed to %s, who is never introduced by full name: "
                     "give the full name and role at the first reference.", ex);
        } else {
            continue;
        }
        an_rules__emit(cx, AN_RULE_QUOTE_SPEAKER_UNKNOWN, m->span, msg, q->span, "the quote",
                       NULL);
    }
}

/* ---- source.anonymous --------------------------------------------------- */

static const char *const an_rq__anon_phrases[][6] = {
    {"on", "condition", "of", "anonymity", NULL},
    {"asked", "not", "to", "be", "named", NULL},
    {"declined", "to", "be", "named", NULL},
    {"familiar", "with", "the", NULL},
    {"sources", "said", NULL},
    {"source", "said", NULL},
    {"sources", "say", NULL},
    {"officials", "said", NULL},
    {"official", "said", NULL},
    {"officials", "say", NULL},
    {"sources", "told", NULL},
    {"source", "told", NULL},
};

static bool an_rq__phrase_at(const an_rules_ctx *cx, size_t w, const char *const *phrase,
                             size_t *last)
{
    size_t k = 0;
    for (; phrase[k]; k++) {
        if (w + k >= cx->words.len)
            return false;
        an_span s = cx->words.items[w + k].span;
        if (s.end - s.start != strlen(phrase[k]) ||
            strncasecmp(cx->doc->text + s.start, phrase[k], s.end - s.start) != 0)
            return false;
    }
    *last = w + k - 1;
    return true;
}

static void an_rq__anonymous_phrases(an_rules_ctx *cx)
{
    ptrdiff_t last_para = -1;
    for (size_t w = 0; w < cx->words.len; w++) {
        for (size_t k = 0; k < sizeof an_rq__anon_phrases / sizeof *an_rq__anon_phrases; k++) {
            size_t end;
            if (!an_rq__phrase_at(cx, w, an_rq__anon_phrases[k], &end))
                continue;
            ptrdiff_t para = an_rules__para_of(cx, cx->words.items[w].span.start);
            if (para == last_para || !an_rules__in_body(cx, cx->words.items[w].span.start))
                break;
            last_para = para;
            an_rules__emit(cx, AN_RULE_SOURCE_ANONYMOUS,
                           (an_span){cx->words.items[w].span.start, cx->words.items[end].span.end},
                           "Unnamed source: say how the source knows and why anonymity was "
                           "granted, and keep opinion out of it.",
                           (an_span){0, 0}, NULL, NULL);
            break;
        }
    }
}

static void an_rq__anonymous(an_rules_ctx *cx)
{
    if (cx->opt->severity[AN_RULE_SOURCE_ANONYMOUS] == AN_SEV_OFF)
        return;
    const an_doc *doc = cx->doc;
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const an_quote *q = &doc->quotes.items[i];
        if (q->speaker >= 0 || q->source_phrase.end <= q->source_phrase.start)
            continue;
        char ex[96], msg[300];
        an_rules__excerpt(doc, q->source_phrase, ex, sizeof ex);
        snprintf(msg, sizeof msg,
                 "The quote rests on an unnamed source (%s): describe the source precisely and "
                 "say why anonymity was granted.", ex);
        an_rules__emit(cx, AN_RULE_SOURCE_ANONYMOUS, q->source_phrase, msg, q->span, "the quote",
                       NULL);
    }
    an_rq__anonymous_phrases(cx);
}

void an__rules_quotes(an_rules_ctx *cx)
{
    an_rq__unbalanced(cx);
    an_rq__unattributed(cx);
    an_rq__speaker_unknown(cx);
    an_rq__anonymous(cx);
}
