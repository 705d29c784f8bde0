/* rules_style.c - the house-style switches of NEWSROOM §8 that have no rule
 * id of their own: names.juvenileAge, courtesyTitle.period,
 * quotes.punctuation, quotes.requireCurly, titles.composition and
 * acronyms.periods. Each reports under the closest rule of the catalogue
 * (docs/rules.md says which), so that a desk switches it off with that
 * rule. */
#include "lexicon.h"
#include "rules_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- shared ------------------------------------------------------------ */

static bool an_rs__is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool an_rs__is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

/* ---- names.juvenileAge ------------------------------------------------- */

/* An age at p[i..end): one to three digits, at most 130; its value (and
 * where it ends in *after) or -1. */
static int an_rs__number(const char *p, size_t i, size_t end, size_t *after)
{
    int v = 0;
    size_t k = i;
    while (k < end && k - i < 4 && p[k] >= '0' && p[k] <= '9')
        v = v * 10 + (p[k++] - '0');
    if (k == i || k - i > 3 || v > 130)
        return -1;
    *after = k;
    return v;
}

/* ", 12," ", 12." ", aged 12," " (12)" right after a name ending at `at`. */
static int an_rs__age_after(const an_rules_ctx *cx, size_t at)
{
    const char *p = cx->doc->prose;
    size_t end = cx->doc->len, after;
    bool paren = at + 2 < end && p[at] == ' ' && p[at + 1] == '(';
    if (!paren && !(at + 2 < end && p[at] == ',' && p[at + 1] == ' '))
        return -1;
    at += 2;
    if (at + 5 < end && strncmp(p + at, "aged ", 5) == 0)
        at += 5;
    int v = an_rs__number(p, at, end, &after);
    char c = v >= 0 && after < end ? p[after] : '\0';
    if (v < 0)
        return -1;
    if (paren)
        return c == ')' ? v : -1;
    return (c == ',' || c == '.' || c == ';' || c == '\0' || c == '\n') ? v : -1;
}

/* "12-year-old Emma Lopez", "a 12-year-old student, Emma Lopez": an age
 * up to three lowercase words before the name's first word. */
static int an_rs__age_before(const an_rules_ctx *cx, size_t first)
{
    for (size_t back = 1; back <= 3 && back <= first; back++) {
        const an_word *w = &cx->words.items[first - back];
        const char *t = cx->doc->text + w->span.start;
        size_t n = w->span.end - w->span.start, after;
        int v = an_rs__number(t, 0, n, &after);
        if (v >= 0 && n - after == 9 && strncasecmp(t + after, "-year-old", 9) == 0)
            return v;
        size_t gap = cx->words.items[first - back + 1].span.start - w->span.end;
        if (w->capitalized || gap > 2 || (gap == 2 && cx->doc->prose[w->span.end] != ','))
            return -1;
    }
    return -1;
}

int an_rules__stated_age(const an_rules_ctx *cx, an_span name)
{
    int age = an_rs__age_after(cx, name.end);
    size_t first = an_rules__word_from(cx, name.start);
    if (age < 0 && first < cx->words.len)
        age = an_rs__age_before(cx, first);
    return age;
}

bool an_rules__juvenile(const an_rules_ctx *cx, an_span name)
{
    int age = cx->opt->juvenile_age > 0 ? an_rules__stated_age(cx, name) : -1;
    return age >= 0 && age <= cx->opt->juvenile_age;
}

/* The introduction of a person: the first mention by two or more words
 * in body text; {0, 0} when there is none. */
static an_span an_rs__intro(const an_rules_ctx *cx, const an_entity *e)
{
    for (size_t i = 0; i < e->n_mentions; i++) {
        const an_mention *m = &cx->doc->mentions.items[e->mentions[i]];
        size_t w = an_rules__word_from(cx, m->span.start);
        if ((m->kind == AN_MENTION_NAME || m->kind == AN_MENTION_TITLE) &&
            an_rules__in_body(cx, m->span.start) && w + 1 < cx->words.len &&
            cx->words.items[w + 1].span.end <= m->span.end)
            return m->span;
    }
    return (an_span){0, 0};
}

/* The given name and surname words of a full name (the surname is the
 * last word before Jr./Sr./III); false when the first word is an
 * initial or a title. */
static bool an_rs__name_parts(const an_rules_ctx *cx, an_span name, an_span *given, an_span *sur)
{
    static const char *const suffixes[] = {"Jr", "Sr", "II", "III", "IV", NULL};
    size_t first = an_rules__word_from(cx, name.start), last = first;
    while (last + 1 < cx->words.len && cx->words.items[last + 1].span.end <= name.end)
        last++;
    while (last > first + 1 && an_rules__word_in(cx->doc, cx->words.items[last].span, suffixes))
        last--;
    *given = cx->words.items[first].span;
    *sur = cx->words.items[last].span;
    uint32_t f = an_lex_lookup(cx->doc->text + given->start, given->end - given->start);
    return last > first && given->end - given->start > 1 &&
           !(f & (AN_LEX_TITLE | AN_LEX_HONORIFIC));
}

typedef struct an_rs_person {
    an_span intro, given, surname;
    int age;
} an_rs_person;

/* A later mention that calls a child by the surname ("Lopez", "Ms.
 * Lopez") where the desk uses the given name. */
static void an_rs__age_mention(an_rules_ctx *cx, const an_rs_person *p, const an_mention *m)
{
    const an_doc *doc = cx->doc;
    an_span at = m->span;
    size_t n = p->surname.end - p->surname.start;
    if ((m->kind != AN_MENTION_SURNAME && m->kind != AN_MENTION_HONORIFIC) ||
        at.end - at.start < n ||
        !an_rules__span_is(doc, (an_span){at.end - n, at.end}, doc->text + p->surname.start, n) ||
        (at.end - at.start > n && doc->prose[at.end - n - 1] != ' '))
        return;
    char a[96], msg[400], repl[128];
    an_rules__excerpt(doc, at, a, sizeof a);
    snprintf(repl, sizeof repl, "%.*s", (int)(p->given.end - p->given.start),
             doc->text + p->given.start);
    snprintf(msg, sizeof msg,
             "%s: this person is %d at the first reference, and this desk calls children of %d "
             "or younger by the given name (%s) (names.juvenileAge).",
             a, p->age, cx->opt->juvenile_age, repl);
    an_rules__emit(cx, AN_RULE_PERSON_FULL_NAME_REPEATED, at, msg, p->intro, "first reference",
                   repl);
}

/* names.juvenileAge: a child, by the age given at the introduction, is
 * called by the given name later (AP: 15 or younger). An adult called by
 * the given name is left alone: NEWSROOM §8 does not list it. */
static void an_rs__ages(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    if (cx->opt->juvenile_age <= 0 ||
        cx->opt->severity[AN_RULE_PERSON_FULL_NAME_REPEATED] == AN_SEV_OFF)
        return;
    for (size_t e = 0; e < doc->entities.len; e++) {
        const an_entity *ent = &doc->entities.items[e];
        an_rs_person p = {an_rs__intro(cx, ent), {0, 0}, {0, 0}, -1};
        if (ent->kind != AN_ENTITY_PERSON || p.intro.end == 0 ||
            !an_rs__name_parts(cx, p.intro, &p.given, &p.surname) ||
            an_rules__span_is(doc, p.given, doc->text + p.surname.start,
                              p.surname.end - p.surname.start) ||
            (p.age = an_rules__stated_age(cx, p.intro)) < 0 || p.age > cx->opt->juvenile_age)
            continue;
        for (size_t i = 0; i < ent->n_mentions; i++) {
            const an_mention *m = &doc->mentions.items[ent->mentions[i]];
            if (m->span.start > p.intro.start && an_rules__in_body(cx, m->span.start) &&
                !an_rules__in_speech(doc, m->span.start) &&
                !an_rules__in_first_person(cx, m->span.start))
                an_rs__age_mention(cx, &p, m);
        }
    }
}

/* ---- courtesyTitle.period ---------------------------------------------- */

/* True when the word is a courtesy title written both ways in the lexicon
 * (Mr and Mr., Dr and Dr.; not Miss or Sir). */
static bool an_rs__courtesy_word(const an_doc *doc, an_span w)
{
    char buf[8];
    size_t n = w.end - w.start;
    if (n < 2 || n > 4 || !an_rs__is_upper(doc->text[w.start]) ||
        !an_rs__is_lower(doc->text[w.start + 1]))
        return false; /* not "MS" */
    memcpy(buf, doc->text + w.start, n);
    buf[n] = '.';
    return (an_lex_lookup(doc->text + w.start, n) & AN_LEX_HONORIFIC) &&
           (an_lex_lookup(buf, n + 1) & AN_LEX_HONORIFIC);
}

/* names.laterReference: courtesyTitle: "Mr Mottaki" where the desk writes
 * "Mr. Mottaki" (NYT), or the other way round (UK). */
static void an_rs__courtesy_period(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    bool want = cx->opt->courtesy_title_period == AN_COURTESY_PERIOD;
    if (cx->opt->later_reference != AN_LATER_COURTESY_TITLE)
        return;
    for (size_t i = 0; i + 1 < cx->words.len; i++) {
        an_span w = cx->words.items[i].span;
        bool dot = doc->prose[w.end] == '.';
        size_t next = cx->words.items[i + 1].span.start;
        if (!cx->words.items[i + 1].capitalized || next != w.end + 1 + dot ||
            doc->prose[next - 1] != ' ' || dot == want || !an_rules__in_body(cx, w.start) ||
            !an_rs__courtesy_word(doc, w))
            continue;
        char msg[300], repl[8];
        snprintf(repl, sizeof repl, "%.*s%s", (int)(w.end - w.start), doc->text + w.start,
                 want ? "." : "");
        snprintf(msg, sizeof msg,
                 "\xE2\x80\x9C%.*s%s\xE2\x80\x9D: this desk writes courtesy titles %s (%s) "
                 "(courtesyTitle.period: %s).",
                 (int)(w.end - w.start), doc->text + w.start, dot ? "." : "",
                 want ? "with a period" : "without a period", repl, want ? "true" : "false");
        an_rules__emit(cx, AN_RULE_PERSON_FULL_NAME_REPEATED, (an_span){w.start, w.end + dot},
                       msg, (an_span){0, 0}, NULL, repl);
    }
}

/* ---- quotes.punctuation and quotes.requireCurly ------------------------ */

/* The closing mark of a closed quote of the primary kind: its length (1
 * straight, 3 curly) or 0. */
static size_t an_rs__primary_close(const an_rules_ctx *cx, an_span q)
{
    const unsigned char *t = (const unsigned char *)cx->doc->text;
    bool single = cx->opt->quotes_primary == AN_QUOTES_SINGLE;
    if (q.end - q.start < 2)
        return 0;
    if (t[q.end - 1] == (single ? '\'' : '"'))
        return 1;
    if (q.end - q.start >= 6 && t[q.end - 3] == 0xE2 && t[q.end - 2] == 0x80 &&
        t[q.end - 1] == (single ? 0x99 : 0x9D))
        return 3;
    return 0;
}

/* quotes.punctuation: american: a comma or period right after the
 * closing mark goes inside it ("the bridge", Reyes said). */
static void an_rs__punctuation(an_rules_ctx *cx, const an_quote *q)
{
    const char *p = cx->doc->prose;
    size_t len = an_rs__primary_close(cx, q->span), end = q->span.end;
    if (len == 0 || (q->flags & AN_QUOTE_UNCLOSED) || end >= cx->doc->len || (p[end] != ',' && p[end] != '.'))
        return;
    if (end + 1 < cx->doc->len && (p[end + 1] == '.' || (p[end + 1] >= '0' && p[end + 1] <= '9')))
        return; /* an ellipsis, a number */
    char before = p[end - len - 1];
    if (strchr(".,!?;:", before))
        return; /* the quote has its own stop */
    char msg[300], repl[8];
    bool dbl = p[end - 1] == '"' || (unsigned char)p[end - 1] == 0x9D;
    if (len == 1 && cx->opt->quotes_require_curly) /* one fix for both findings */
        snprintf(repl, sizeof repl, "%c%s", p[end], dbl ? "\xE2\x80\x9D" : "\xE2\x80\x99");
    else
        snprintf(repl, sizeof repl, "%c%.*s", p[end], (int)len, cx->doc->text + end - len);
    snprintf(msg, sizeof msg,
             "The %s goes inside the closing quotation mark in American style "
             "(quotes.punctuation: american).",
             p[end] == ',' ? "comma" : "period");
    an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, (an_span){end - len, end + 1}, msg,
                   (an_span){0, 0}, NULL, repl);
}

/* Reports the straight mark at pos, opening or closing, with its curly
 * form as the fix. */
static void an_rs__straight(an_rules_ctx *cx, size_t pos, bool opening)
{
    bool dbl = cx->doc->text[pos] == '"';
    const char *repl = dbl ? (opening ? "\xE2\x80\x9C" : "\xE2\x80\x9D")
                           : (opening ? "\xE2\x80\x98" : "\xE2\x80\x99");
    an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, (an_span){pos, pos + 1},
                   opening ? "Straight opening quotation mark: this desk uses curly marks "
                             "(quotes.requireCurly)."
                           : "Straight closing quotation mark: this desk uses curly marks "
                             "(quotes.requireCurly).",
                   (an_span){0, 0}, NULL, repl);
}

/* A straight mark inside a quote that opens a quote within it ('No) or
 * closes one (no') after an opening one: not an apostrophe. */
static void an_rs__inner_straight(an_rules_ctx *cx, an_span q)
{
    const char *p = cx->doc->prose;
    size_t open = SIZE_MAX;
    for (size_t i = q.start + 1; i + 1 < q.end; i++) {
        if (p[i] != '"' && p[i] != '\'')
            continue;
        bool l = p[i - 1] == ' ' || p[i - 1] == '(', r = strchr(" ,.;:!?)", p[i + 1]) != NULL;
        if (l && !r && (an_rs__is_upper(p[i + 1]) || an_rs__is_lower(p[i + 1]))) {
            open = i;
        } else if (r && !l && open != SIZE_MAX && p[open] == p[i]) {
            an_rs__straight(cx, open, true);
            an_rs__straight(cx, i, false);
            open = SIZE_MAX;
        }
    }
}

/* quotes.requireCurly: the straight marks of each quote, and of the quotes
 * inside it. */
static void an_rs__curly(an_rules_ctx *cx, const an_quote *q)
{
    const char *t = cx->doc->text;
    if (t[q->span.start] == '"' || t[q->span.start] == '\'')
        an_rs__straight(cx, q->span.start, true);
    if (!(q->flags & AN_QUOTE_UNCLOSED) && q->span.end - q->span.start >= 2 &&
        (t[q->span.end - 1] == '"' || t[q->span.end - 1] == '\''))
        an_rs__straight(cx, q->span.end - 1, false);
    an_rs__inner_straight(cx, q->span);
}

/* ---- titles.composition ------------------------------------------------ */

/* Nouns for works whose titles AP quotes, and the verbs that name one. */
static const char *const an_rs__works[] = {
    "song", "songs", "single", "track", "album", "record", "film", "movie", "documentary",
    "book", "novel", "memoir", "biography", "play", "musical", "opera", "show", "series",
    "sitcom", "episode", "poem", "painting", "story", "essay", "column", "anthology",
    "titled", "entitled", NULL};

/* Words a title may keep in lower case ("Gone With the Wind"). */
static bool an_rs__minor_word(const an_doc *doc, an_span w)
{
    return w.end - w.start <= 3 || (an_lex_lookup(doc->text + w.start, w.end - w.start) & AN_LEX_FUNCTION);
}

/* True when the words inside the quote read as a title: 1 to 12 words,
 * the first capitalized and every other capitalized but short function
 * words, no sentence end inside. */
static bool an_rs__title_cased(const an_rules_ctx *cx, an_span inner)
{
    size_t first = an_rules__word_from(cx, inner.start), n = 0;
    for (size_t i = first; i < cx->words.len && cx->words.items[i].span.end <= inner.end; i++, n++) {
        const an_word *w = &cx->words.items[i];
        if (!w->capitalized && !(i > first && an_rs__minor_word(cx->doc, w->span)) &&
            !(cx->doc->text[w->span.start] >= '0' && cx->doc->text[w->span.start] <= '9'))
            return false;
        if (i > first && w->span.start >= 2 && strchr(".!?", cx->doc->prose[w->span.start - 2]) &&
            cx->doc->prose[w->span.start - 1] == ' ')
            return false;
    }
    return n >= 1 && n <= 12 && cx->words.items[first].span.start <= inner.start + 1;
}

/* True when a work noun stands in the three words before the quote, with
 * nothing but words, spaces and a comma between ("the song", "his 1975
 * album", "her new novel,"). */
static bool an_rs__work_before(const an_rules_ctx *cx, size_t open)
{
    size_t wi = an_rules__word_from(cx, open);
    size_t end = open;
    for (size_t back = 1; back <= 3 && back <= wi; back++) {
        an_span w = cx->words.items[wi - back].span;
        for (size_t k = w.end; k < end; k++)
            if (cx->doc->prose[k] != ' ' && cx->doc->prose[k] != ',')
                return false;
        if (an_rules__word_in(cx->doc, w, an_rs__works))
            return true;
        end = w.start;
    }
    return false;
}

bool an_rules__work_title(const an_rules_ctx *cx, an_span q)
{
    const unsigned char *t = (const unsigned char *)cx->doc->text;
    size_t olen = t[q.start] == 0xE2 ? 3 : 1, clen = q.end >= 3 && t[q.end - 3] == 0xE2 ? 3 : 1;
    if (q.end - q.start <= olen + clen || !an_rs__work_before(cx, q.start))
        return false;
    an_span inner = {q.start + olen, q.end - clen};
    while (inner.end > inner.start && strchr(",.", cx->doc->prose[inner.end - 1]))
        inner.end--;
    return an_rs__title_cased(cx, inner);
}

/* titles.composition: none: a quoted title of a work loses its marks. */
static void an_rs__title_marks(an_rules_ctx *cx, const an_quote *q)
{
    if ((q->flags & AN_QUOTE_UNCLOSED) || !an_rules__work_title(cx, q->span))
        return;
    const unsigned char *t = (const unsigned char *)cx->doc->text;
    size_t olen = t[q->span.start] == 0xE2 ? 3 : 1;
    size_t clen = t[q->span.end - 1] >= 0x80 ? 3 : 1;
    char ex[96], msg[300], repl[256];
    an_rules__excerpt(cx->doc, (an_span){q->span.start + olen, q->span.end - clen}, ex, sizeof ex);
    snprintf(msg, sizeof msg,
             "%s is the title of a work: this desk sets titles without quotation marks "
             "(titles.composition: none).", ex);
    size_t n = q->span.end - clen - q->span.start - olen;
    snprintf(repl, sizeof repl, "%.*s", (int)(n < sizeof repl ? n : 0),
             cx->doc->text + q->span.start + olen);
    an_rules__emit(cx, AN_RULE_QUOTE_UNBALANCED, q->span, msg, (an_span){0, 0}, NULL,
                   n < sizeof repl ? repl : NULL);
}

/* ---- acronyms.periods -------------------------------------------------- */

enum { AN_RS_MAX_DOTTED = 64 };

/* A run of single capitals each followed by a period, "U.S." or "U.S":
 * its letters (at most 7) into out, its end (after the last period, when
 * there is one) into *end, and the index of its last word; 0 when word i
 * starts none. */
static size_t an_rs__dotted_run(const an_rules_ctx *cx, size_t i, char out[8], size_t *end,
                                size_t *last)
{
    const char *p = cx->doc->prose;
    size_t n = 0;
    for (size_t k = i; k < cx->words.len && n < 7; k++) {
        an_span w = cx->words.items[k].span;
        if (w.end - w.start != 1 || !an_rs__is_upper(p[w.start]) ||
            (k > i && w.start != cx->words.items[k - 1].span.end + 1) ||
            (k == i && w.start > 0 && p[w.start - 1] == '.'))
            break;
        out[n++] = p[w.start];
        *end = w.end + (w.end < cx->doc->len && p[w.end] == '.');
        *last = k;
        if (*end == w.end)
            break; /* "U.S" ends here */
    }
    out[n] = '\0';
    return n >= 2 ? n : 0;
}

/* True when the letters are an acronym readers know or the draft uses
 * without periods: then a dotted run is no set of initials. */
static bool an_rs__known(const an_rules_ctx *cx, const char *letters, size_t n)
{
    size_t occ;
    if (an_lex_known_acronym(letters, n) || an_rules__occurrences_of(cx, letters, n, &occ))
        return true;
    for (size_t i = 0; i < cx->opt->n_allowed_acronyms; i++) {
        an_str a = cx->opt->allowed_acronyms[i];
        size_t k = 0;
        for (size_t j = 0; j < a.len && k <= n; j++)
            if (a.ptr[j] != '.' && (k == n || (a.ptr[j] | 0x20) != (letters[k++] | 0x20)))
                k = n + 1;
        if (k == n)
            return true;
    }
    return false;
}

/* acronyms.periods: none: "U.S." where the desk writes "US". Initials
 * before a name ("J.R.R. Tolkien") and in a person's name are left alone. */
static void an_rs__periods_none(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    for (size_t i = 0; i < cx->words.len; i++) {
        char letters[8];
        size_t end = 0, last = i, n = an_rs__dotted_run(cx, i, letters, &end, &last);
        an_span sp = {cx->words.items[i].span.start, end};
        int32_t m = n ? an_doc_mention_at(doc, sp.start) : -1;
        bool named = last + 1 < cx->words.len && cx->words.items[last + 1].capitalized &&
                     cx->words.items[last + 1].span.start == end + 1;
        if (n == 0 || !an_rules__in_body(cx, sp.start) ||
            (m >= 0 && doc->entities.items[doc->mentions.items[m].entity].kind == AN_ENTITY_PERSON) ||
            (named && !an_rs__known(cx, letters, n))) {
            i = last;
            continue;
        }
        ptrdiff_t para = an_rules__para_of(cx, sp.start);
        bool stop = doc->prose[end - 1] == '.' && para >= 0 && end == cx->paras.items[para].span.end;
        char msg[300], repl[12];
        snprintf(repl, sizeof repl, "%s%s", letters, stop ? "." : "");
        snprintf(msg, sizeof msg,
                 "\xE2\x80\x9C%.*s\xE2\x80\x9D: this desk writes acronyms without periods (%s) "
                 "(acronyms.periods: false).", (int)(sp.end - sp.start), doc->text + sp.start, letters);
        an_rules__emit(cx, AN_RULE_ACRONYM_UNDEFINED, sp, msg, (an_span){0, 0}, NULL, repl);
        i = last;
    }
}

typedef struct an_rs_dotted {
    char letters[AN_RS_MAX_DOTTED][8];
    char form[AN_RS_MAX_DOTTED][16];
    size_t n;
} an_rs_dotted;

/* Adds a dotted form ("U.S.") unless its letters are there already. */
static void an_rs__dotted_add(an_rs_dotted *d, const char *s, size_t len)
{
    char letters[8];
    size_t k = 0;
    bool dotted = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.')
            dotted = true;
        else if (k < 7 && an_rs__is_upper((char)(s[i] & ~0x20)))
            letters[k++] = (char)(s[i] & ~0x20);
        else
            return;
    }
    letters[k] = '\0';
    if (!dotted || k < 2 || len >= 16 || d->n == AN_RS_MAX_DOTTED)
        return;
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->letters[i], letters) == 0)
            return;
    memcpy(d->letters[d->n], letters, k + 1);
    memcpy(d->form[d->n], s, len);
    d->form[d->n++][len] = '\0';
}

/* The dotted house forms: the configured ones (AP's when none are), the
 * dotted entries of the allow-list and those the draft writes. */
static void an_rs__dotted_forms(const an_rules_ctx *cx, an_rs_dotted *d)
{
    static const char *const ap[] = {"U.S.", "U.N.", "U.K.", NULL};
    const an_options *opt = cx->opt;
    for (size_t i = 0; i < opt->n_dotted_acronyms; i++)
        an_rs__dotted_add(d, opt->dotted_acronyms[i].ptr, opt->dotted_acronyms[i].len);
    for (size_t i = 0; opt->n_dotted_acronyms == 0 && ap[i]; i++)
        an_rs__dotted_add(d, ap[i], strlen(ap[i]));
    for (size_t i = 0; i < opt->n_allowed_acronyms; i++)
        an_rs__dotted_add(d, opt->allowed_acronyms[i].ptr, opt->allowed_acronyms[i].len);
    for (size_t i = 0; i < cx->words.len; i++) {
        char letters[8];
        size_t end = 0, last = i;
        if (an_rs__dotted_run(cx, i, letters, &end, &last) && an_rules__in_body(cx, end - 1) &&
            cx->doc->prose[end - 1] == '.')
            an_rs__dotted_add(d, cx->doc->text + cx->words.items[i].span.start,
                              end - cx->words.items[i].span.start);
        i = last;
    }
}

/* True for an all-capitals word in a run of them ("US ARMY") or one
 * joined by periods to other letters (part of "U.S."). */
static bool an_rs__caps_run(const an_rules_ctx *cx, size_t i)
{
    const char *p = cx->doc->prose;
    an_span w = cx->words.items[i].span;
    return (i > 0 && cx->words.items[i - 1].all_caps && cx->words.items[i - 1].span.end + 1 >= w.start) ||
           (i + 1 < cx->words.len && cx->words.items[i + 1].all_caps &&
            cx->words.items[i + 1].span.start <= w.end + 1) ||
           (w.start > 0 && p[w.start - 1] == '.') || (w.end < cx->doc->len && p[w.end] == '.' &&
                                                      w.end + 1 < cx->doc->len && an_rs__is_upper(p[w.end + 1]));
}

/* acronyms.periods: true or a list: "US" where the desk writes "U.S.". */
static void an_rs__periods_dotted(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    an_rs_dotted d;
    d.n = 0;
    an_rs__dotted_forms(cx, &d);
    for (size_t i = 0; i < cx->words.len && d.n; i++) {
        an_span w = cx->words.items[i].span;
        if (!cx->words.items[i].all_caps || w.end - w.start < 2 || w.end - w.start > 7 ||
            !an_rules__in_body(cx, w.start) || an_rs__caps_run(cx, i))
            continue;
        for (size_t k = 0; k < d.n; k++) {
            if (!an_rules__span_is(doc, w, d.letters[k], strlen(d.letters[k])))
                continue;
            char msg[300], repl[16];
            size_t flen = strlen(d.form[k]);
            bool stop = w.end < doc->len && doc->prose[w.end] == '.' && d.form[k][flen - 1] == '.';
            snprintf(repl, sizeof repl, "%.*s", (int)(flen - stop), d.form[k]);
            snprintf(msg, sizeof msg,
                     "\xE2\x80\x9C%.*s\xE2\x80\x9D: this desk writes %s with periods "
                     "(acronyms.periods).",
                     (int)(w.end - w.start), doc->text + w.start, d.form[k]);
            an_rules__emit(cx, AN_RULE_ACRONYM_UNDEFINED, w, msg, (an_span){0, 0}, NULL, repl);
            break;
        }
    }
}

/* ---- the switches ------------------------------------------------------ */

static void an_rs__quotes(an_rules_ctx *cx)
{
    const an_options *opt = cx->opt;
    if (opt->quotes_punctuation != AN_PUNCT_AMERICAN && !opt->quotes_require_curly &&
        opt->titles_composition != AN_TITLES_NONE)
        return;
    for (size_t i = 0; i < cx->doc->quotes.len; i++) {
        const an_quote *q = &cx->doc->quotes.items[i];
        if ((q->flags & AN_QUOTE_HEADLINE) || !an_rules__in_body(cx, q->span.start))
            continue;
        if (opt->quotes_punctuation == AN_PUNCT_AMERICAN)
            an_rs__punctuation(cx, q);
        if (opt->quotes_require_curly)
            an_rs__curly(cx, q);
        if (opt->titles_composition == AN_TITLES_NONE)
            an_rs__title_marks(cx, q);
    }
}

void an__rules_style(an_rules_ctx *cx)
{
    an_rs__ages(cx);
    an_rs__courtesy_period(cx);
    an_rs__quotes(cx);
    if (cx->opt->acronyms_periods == AN_PERIODS_NONE)
        an_rs__periods_none(cx);
    else if (cx->opt->acronyms_periods == AN_PERIODS_DOTTED)
        an_rs__periods_dotted(cx);
}
