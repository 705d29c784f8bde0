/* attribution.c - who said each quote.
 *
 * Rules of English news writing, applied to a bounded window around each
 * quote (so the pass stays linear):
 *  1. an attribution right after the quote: `"…," said X`, `"…," X said`,
 *     `"…," X, the spokesman, said`, `"…" - X`;
 *  2. a cue earlier in the quote's sentence: `X said, "…"`, `X told Y
 *     that … "…"`, `According to X, … "…"`, `X called it "…"`;
 *  3. the last sentence of the previous paragraph when it ends with a colon
 *     or comma (`X tweeted:` then the quote as its own paragraph);
 *  4. otherwise the speaker carries forward: a reported-speech cue since
 *     the last quote (`X noted the findings show …`), or the last quote's
 *     speaker if it is near (flag CONTINUATION, no speaker mention).
 * The subject of a cue is an entity mention, a pronoun (resolved to the
 * nearest earlier person, or organization for "it"), a capitalized name
 * the entity pass missed, or a noun phrase ("officials", "one poster")
 * recorded as an unnamed source. Short quotes without a cue, nicknames,
 * titles of works and headline quotes are marked as not speech. */
#include "analysis_internal.h"
#include "entities.h"
#include "lexicon.h"
#include "quotes.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* ---- word lists --------------------------------------------------------- */

/* Verbs and nouns that introduce speech or writing (any inflection listed). */
static const char *const an_at__cues[] = {
    "acknowledged", "acknowledges", "added", "adding", "adds", "admits", "admitted", "agreed",
    "announced", "announces", "announcing", "argued", "argues", "arguing", "asked", "asks",
    "asserted", "asserts", "boasted", "called", "calls", "cautioned", "characterised",
    "characterized", "cited", "cites", "claimed", "claiming", "claims", "commented", "commenting",
    "comments", "complained", "complains", "conceded", "concedes", "concluded", "concludes",
    "confirmed", "confirms", "contended", "contends", "continued", "continues", "countered",
    "declared", "declares", "described", "describes", "dubbed", "emphasised", "emphasized",
    "explained", "explaining", "explains", "informed", "informs", "insisted", "insists", "joked",
    "maintained", "maintains", "mused", "noted", "notes", "noting", "observed", "observes",
    "pleaded", "posted", "posting", "predicted", "predicts", "promised", "promising", "quipped",
    "quoted", "reads", "reasoned", "recalled", "recalls", "recommended", "recommending",
    "recommends", "recounted", "remarked", "remarks", "replied", "replies", "reported", "reporting",
    "reports", "responded", "responds", "said", "say", "saying", "says", "screamed", "shouted",
    "stated", "states", "stating", "stressed", "stresses", "suggested", "suggests", "tell",
    "telling", "tells", "testified", "told", "tweeted", "tweeting", "tweets", "urged", "urges",
    "vowed", "warned", "warning", "warns", "whispered", "writes", "writing", "wrote", "yelled",
};

/* Naming verbs: with a plain noun phrase before them they name, not quote
 * ("a comet called Wild 2"). */
static const char *const an_at__naming[] = {
    "called", "calls", "described", "describes", "dubbed", "entitled", "labeled", "labelled",
    "named", "titled",
};

/* Words whose subject follows them: "according to X", "quoting X". */
static const char *const an_at__right_cues[] = {
    "according", "attributed", "citing", "quoting",
};

/* Cue words that are also titles or nouns and only count after a subject
 * ("X reads", not "read"): kept out of the inverted `"…," VERB X` form. */
static const char *const an_at__weak_inverted[] = {
    "called", "calls", "characterised", "characterized", "claims", "comments", "described",
    "describes", "dubbed", "notes", "promised", "promising", "reads", "recommended",
    "recommending", "recommends", "remarks", "reported", "reporting", "reports", "states",
};

/* Words between a subject and its cue: "X also said", "X has said". */
static const char *const an_at__skips[] = {
    "again", "allegedly", "also", "did", "does", "earlier", "even", "finally", "first",
    "further", "had", "has", "have", "initially", "last", "later", "often", "once", "only",
    "previously", "privately", "publicly", "quickly", "recently", "repeatedly", "reportedly",
    "simply", "still", "subsequently", "then", "was", "will", "would",
};

/* Words that end a subject search: a cue right after them is passive
 * ("has been told") or has no subject. */
static const char *const an_at__passive[] = {
    "are", "be", "been", "being", "is", "was", "were",
};

/* Words that start a noun phrase naming a source. */
static const char *const an_at__dets[] = {
    "a", "all", "an", "another", "both", "each", "few", "four", "her", "his", "its", "many",
    "most", "no", "one", "other", "our", "several", "some", "that", "the", "their", "these",
    "this", "those", "three", "two",
};

/* Nouns that make a source without a determiner: "officials said". */
static const char *const an_at__source_nouns[] = {
    "activists", "analysts", "authorities", "critics", "diplomats", "doctors", "experts", "fans",
    "investigators", "members", "observers", "officers", "officials", "officials,", "organisers",
    "organizers", "others", "people", "police", "posters", "prosecutors", "protesters",
    "reports", "researchers", "residents", "scientists", "sources", "spokesman", "spokesperson",
    "spokeswoman", "students", "users", "witnesses",
};

/* Words before a quote that make it the title of a work or a name. */
static const char *const an_at__title_words[] = {
    "album", "article", "as", "banner", "blog", "book", "books", "called", "campaign", "chant",
    "column", "documentary", "dubbed", "entitled", "episode", "essay", "exhibit", "exhibition",
    "film", "films", "game", "hashtag", "headlined", "magazine", "motto", "movie", "musical",
    "named", "nicknamed", "novel", "opera", "painting", "play", "poem", "program", "programme",
    "series", "shirts", "show", "sign", "single", "site", "slogan", "song", "songs", "titled",
    "video", "website",
};

/* True when s[0, len) (ASCII-lowercased when `fold`) is in the list; every
 * list is kept in byte order (checked by an_at__lists_sorted). */
static bool an_at__in(const char *const *list, size_t n, const char *s, size_t len, bool fold)
{
    char key[24];
    if (len == 0 || len >= sizeof key)
        return false;
    unsigned char c0 = (unsigned char)s[0];
    if (fold && c0 >= 'A' && c0 <= 'Z')
        c0 = (unsigned char)(c0 + 32);
    if (c0 < (unsigned char)list[0][0] || c0 > (unsigned char)list[n - 1][0])
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == 0)
            return false;
        key[i] = fold && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    return an__in_sorted(list, n, key, len);
}

#ifndef NDEBUG
static bool an_at__sorted(const char *const *list, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(list[i - 1], list[i]) >= 0)
            return false;
    return true;
}
#define AN_AT_SORTED(list) an_at__sorted(list, sizeof list / sizeof *list)
#endif
#define AN_AT_IN(list, s, len, fold) an_at__in(list, sizeof list / sizeof *list, s, len, fold)

/* ---- tokens ------------------------------------------------------------- */

enum { AN_TK_WORD = 0, AN_TK_PUNCT, AN_TK_MARK };

typedef struct an_tok {
    size_t s, e;
    uint8_t kind;
} an_tok;

#define AN_AT_MAXTOK 160
#define AN_AT_WINDOW 600 /* bytes looked at before and after a quote */

static bool an_at__alnum_ascii(unsigned char c)
{
    return an__ascii_class[c] != 0;
}

static inline bool an_at__punct_byte(const char *s, size_t len, size_t p)
{
    unsigned char c = (unsigned char)s[p];
    if (c < 0x80)
        return !an_at__alnum_ascii(c);
    if (c == 0xE2 && p + 1 < len && (unsigned char)s[p + 1] == 0x80)
        return true; /* dashes, quotes, ellipsis, special spaces */
    return c == 0xC2 && p + 1 < len && (unsigned char)s[p + 1] < 0xC0;
}

static size_t an_at__cp_len(const char *s, size_t len, size_t p)
{
    unsigned char c = (unsigned char)s[p];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n > len - p ? len - p : n;
}

static inline bool an_at__is_space(const char *s, size_t len, size_t p)
{
    unsigned char c = (unsigned char)s[p];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           (c == 0xC2 && p + 1 < len && (unsigned char)s[p + 1] == 0xA0);
}

/* The end of the word starting at p: letters and digits, joined by . ' ’
 * - & when a letter or digit follows; abbreviations keep their period. */
static size_t an_at__word_end(const char *s, size_t len, size_t p)
{
    size_t e = p;
    bool dotted = false;
    while (e < len) {
        while (e < len && an_at__alnum_ascii((unsigned char)s[e]))
            e++; /* the common bytes, without the general tests below */
        if (e >= len)
            break;
        if (!an_at__punct_byte(s, len, e)) {
            e += an_at__cp_len(s, len, e);
            continue;
        }
        size_t j = e;
        if (s[e] == '.' || s[e] == '\'' || s[e] == '-' || s[e] == '&')
            j = e + 1;
        else if ((unsigned char)s[e] == 0xE2 && e + 2 < len && (unsigned char)s[e + 2] == 0x99)
            j = e + 3;
        if (j > e && j < len && !an_at__punct_byte(s, len, j)) {
            dotted |= s[e] == '.';
            e = j;
            continue;
        }
        break;
    }
    if (e < len && s[e] == '.' &&
        (dotted || (e - p == 1 && isupper((unsigned char)s[p])) ||
         an__abbreviation_word(s + p, e - p)))
        e++;
    return e;
}

/* Tokens of prose[ws, we) into out (at most max); returns the count. */
static size_t an_at__tokens(const char *s, size_t ws, size_t we, an_tok *out, size_t max)
{
    size_t n = 0;
    for (size_t p = ws; p < we && n < max;) {
        if (an_at__is_space(s, we, p)) {
            p += an_at__cp_len(s, we, p);
            continue;
        }
        bool dbl;
        size_t m = an__qmark_at(s, we, p, &dbl);
        if (m) {
            out[n++] = (an_tok){p, p + m, AN_TK_MARK};
            p += m;
        } else if (an_at__punct_byte(s, we, p)) {
            size_t e = p + an_at__cp_len(s, we, p);
            out[n++] = (an_tok){p, e, AN_TK_PUNCT};
            p = e;
        } else {
            size_t e = an_at__word_end(s, we, p);
            out[n++] = (an_tok){p, e, AN_TK_WORD};
            p = e;
        }
    }
    return n;
}

static bool an_at__upper(const char *s, size_t len, const an_tok *t)
{
    if (t->kind != AN_TK_WORD)
        return false;
    size_t p = t->s;
    /* al-Amr, el-Sisi, bin-Salman: a lowercase particle before a name */
    if (t->e - p > 4 && islower((unsigned char)s[p])) {
        const char *h = memchr(s + p, '-', t->e - p < 5 ? t->e - p : 5);
        if (h && (size_t)(h - s) + 1 < t->e)
            p = (size_t)(h - s) + 1;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + p,
                                          (utf8proc_ssize_t)(len - p), &cp);
    return n > 0 && utf8proc_isupper(cp);
}

static bool an_at__tok_is(const char *s, const an_tok *t, const char *w)
{
    size_t n = strlen(w);
    if (t->e - t->s != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[t->s + i]) != w[i])
            return false;
    return true;
}

static bool an_at__tok_punct(const char *s, const an_tok *t, char c)
{
    return t->kind == AN_TK_PUNCT && t->e == t->s + 1 && s[t->s] == c;
}

/* A dash: - -- – — as punctuation. */
static bool an_at__tok_dash(const char *s, const an_tok *t)
{
    if (t->kind != AN_TK_PUNCT)
        return false;
    if (s[t->s] == '-')
        return true;
    return t->e == t->s + 3 && (unsigned char)s[t->s + 2] >= 0x92 && (unsigned char)s[t->s + 2] <= 0x95;
}

static bool an_at__sentence_end(const char *s, const an_tok *t)
{
    if (t->kind != AN_TK_PUNCT)
        return false;
    char c = s[t->s];
    return c == '.' || c == '?' || c == '!' || (t->e == t->s + 3 && (unsigned char)s[t->s + 2] == 0xA6);
}

static bool an_at__is_cue(const char *s, const an_tok *t)
{
    return t->kind == AN_TK_WORD && t->e - t->s >= 3 && t->e - t->s <= 14 &&
           s[t->s] >= 'a' && s[t->s] <= 'z' &&
           AN_AT_IN(an_at__cues, s + t->s, t->e - t->s, false);
}

/* ---- the pass state ----------------------------------------------------- */

/* What names the speaker, before anything is added to the model. */
enum {
    AN_SUBJ_NONE = 0,
    AN_SUBJ_MENTION, /* a mention of the entity pass */
    AN_SUBJ_PRONOUN, /* he, she, it, they, I, we */
    AN_SUBJ_NAME,    /* capitalized words no mention covers */
    AN_SUBJ_SOURCE,  /* a noun phrase: an unnamed source */
    AN_SUBJ_ROLE,    /* "the professor", "the Wooster professor": a person named before */
};

/* A candidate attribution. Nothing is pushed to the model until one is
 * chosen (an_at__materialize), so failed tries leave no trace. */
typedef struct an_attr {
    bool found;
    bool cue_seen;     /* a cue in the quote's sentence, with or without a subject */
    uint8_t subj;
    an_span cue;
    an_span subject;   /* the words naming the speaker */
    int32_t mention;   /* AN_SUBJ_MENTION: index into doc->mentions */
} an_attr;

/* A subject already turned into model objects, so that the same words
 * attributing two quotes give one entity and one mention. */
typedef struct an_made {
    an_span span;
    int32_t entity, mention;
} an_made;

#define AN_AT_MADE 8

typedef struct an_att {
    an_doc *doc;
    const char *s;
    size_t len;
    size_t *starts;    /* start offset of each entity-pass mention, sorted */
    uint32_t *order;   /* the mention index for each entry of starts */
    size_t n_order;
    size_t n_quotes;   /* the quotes of quotes.c (sorted by start) */
    an_made made[AN_AT_MADE]; /* the last subjects materialized (a ring) */
    size_t n_made;
    an_made last_named; /* the last person or organization this pass added */
    an_tok tok[AN_AT_MAXTOK];
    size_t ntok;
} an_att;

typedef struct an_at_key {
    size_t start;
    uint32_t index;
} an_at_key;

static int an_at__key_cmp(const void *x, const void *y)
{
    const an_at_key *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Indexes the mentions the entity pass left by start offset (it promises
 * they are sorted already; then this is one linear check). */
static void an_at__index(an_att *a)
{
    const an_doc *doc = a->doc;
    size_t n = doc->mentions.len;
    an_at_key *keys = malloc((n ? n : 1) * sizeof *keys);
    a->starts = malloc((n ? n : 1) * sizeof *a->starts);
    a->order = malloc((n ? n : 1) * sizeof *a->order);
    if (!keys || !a->starts || !a->order) {
        free(keys);
        a->n_order = 0;
        return;
    }
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        keys[i] = (an_at_key){doc->mentions.items[i].span.start, (uint32_t)i};
        if (i && keys[i].start < keys[i - 1].start)
            sorted = false;
    }
    if (!sorted)
        qsort(keys, n, sizeof *keys, an_at__key_cmp);
    for (size_t i = 0; i < n; i++) {
        a->starts[i] = keys[i].start;
        a->order[i] = keys[i].index;
    }
    a->n_order = n;
    free(keys);
}

/* The first index in order[] whose mention starts at or after `pos`. */
static size_t an_at__lower(const an_att *a, size_t pos)
{
    size_t lo = 0, hi = a->n_order;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->starts[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool an_at__speaker_kind(const an_att *a, uint32_t mention)
{
    an_entity_kind k = a->doc->entities.items[a->doc->mentions.items[mention].entity].kind;
    return k == AN_ENTITY_PERSON || k == AN_ENTITY_ORGANIZATION;
}

/* The person or organization mention overlapping [s, e), a person
 * before an organization ("Matthew Ingram of The Globe and Mail"): the one
 * ending last, or with `first` the one starting first; -1 when none. */
static int32_t an_at__mention_in(const an_att *a, size_t s, size_t e, bool first)
{
    size_t i = an_at__lower(a, e);
    int32_t found[2] = {-1, -1}; /* person, organization */
    for (size_t k = 0; i > 0 && k < 12; k++) {
        uint32_t m = a->order[--i];
        const an_span *sp = &a->doc->mentions.items[m].span;
        if (sp->end <= s && sp->start + 200 < s)
            break;
        if (sp->end <= s || sp->start >= e || !an_at__speaker_kind(a, m))
            continue;
        int slot = a->doc->entities.items[a->doc->mentions.items[m].entity].kind == AN_ENTITY_PERSON ? 0 : 1;
        if (found[slot] < 0 || first)
            found[slot] = (int32_t)m;
    }
    return found[0] >= 0 ? found[0] : found[1];
}

/* The last word of an entity's name: "Wilkins" of "Kristen Wilkins". */
static an_str an_at__last_word(an_str name)
{
    size_t b = name.len;
    while (b > 0 && name.ptr[b - 1] != ' ')
        b--;
    return (an_str){name.ptr + b, name.len - b};
}

/* A person named earlier whose name ends with the one-word name sp
 * ("Wilkins said" after "Kristen Wilkins"), from the last mentions before
 * it; an entity index or -1. */
static int32_t an_at__by_surname(const an_att *a, an_span sp)
{
    const char *w = a->s + sp.start;
    size_t n = sp.end - sp.start;
    if (memchr(w, ' ', n))
        return -1;
    size_t i = an_at__lower(a, sp.start);
    for (size_t k = 0; i > 0 && k < 200; k++) {
        const an_mention *mm = &a->doc->mentions.items[a->order[--i]];
        const an_entity *e = &a->doc->entities.items[mm->entity];
        if (e->kind != AN_ENTITY_PERSON || !e->name.ptr)
            continue;
        an_str last = an_at__last_word(e->name);
        if (last.len == n && memcmp(last.ptr, w, n) == 0)
            return (int32_t)mm->entity;
    }
    return -1;
}

/* True when offset s lies inside one of the quotes. */
static bool an_at__in_quote(const an_att *a, size_t s)
{
    return an__span_at(a->doc->quotes.items, a->n_quotes, sizeof *a->doc->quotes.items, s) >= 0;
}

static bool an_at__gender_ok(const an_att *a, uint32_t entity, an_gender want)
{
    if (want == AN_GENDER_UNKNOWN)
        return true;
    an_gender g = an__entities_gender(a->doc, entity);
    return g == AN_GENDER_UNKNOWN || g == want;
}

/* True when the period at p ends an abbreviation or an initial (Mr.,
 * U.S., K.), not a sentence. */
static bool an_at__abbrev_before(const an_att *a, size_t p)
{
    size_t b = p;
    while (b > 0 && isalpha((unsigned char)a->s[b - 1]))
        b--;
    if (b == p)
        return false;
    if ((p - b == 1 && isupper((unsigned char)a->s[b])) || (b > 0 && a->s[b - 1] == '.'))
        return true;
    return an__abbreviation_word(a->s + b, p - b);
}

/* The subject before the nearest candidate: in "Bloomberg endorsed his
 * former rival, Joe Biden. \"...,\" he said", he is Bloomberg. Returns the
 * entity of the first fitting mention of the sentence that holds mention
 * a->order[i], or `nearest` when it is the first. */
static int32_t an_at__subject_of_sentence(const an_att *a, size_t i, an_entity_kind kind,
                                          an_gender want, int32_t nearest)
{
    const an_mention *near = &a->doc->mentions.items[a->order[i]];
    int32_t subject = nearest;
    size_t from = near->span.start;
    while (i > 0) {
        const an_mention *mm = &a->doc->mentions.items[a->order[--i]];
        bool sentence_end = false;
        for (size_t p = mm->span.end; p < from && !sentence_end; p++) {
            char c = a->s[p];
            if (c == '\n') {
                sentence_end = true;
            } else if ((c == '.' || c == '!' || c == '?') && !an_at__abbrev_before(a, p)) {
                size_t q = p + 1, k = 0; /* past closing marks: ." and .” end a sentence too */
                bool dbl;
                while (q < from && (a->s[q] == ')' || (k = an__qmark_at(a->s, from, q, &dbl)) > 0))
                    q += a->s[q] == ')' ? 1 : k;
                sentence_end = q < from && a->s[q] == ' ';
            }
        }
        if (sentence_end)
            break;
        from = mm->span.start;
        if (a->doc->entities.items[mm->entity].kind == kind && !an_at__in_quote(a, mm->span.start) &&
            an_at__gender_ok(a, mm->entity, want))
            subject = (int32_t)mm->entity;
    }
    return subject;
}

/* The person (or organization when `org`) mentioned before `pos`, outside
 * quotes, not too far back: the nearest one, or the subject of its
 * sentence (an_at__subject_of_sentence); an entity index or -1. */
static int32_t an_at__antecedent(const an_att *a, size_t pos, bool org, an_gender want)
{
    an_entity_kind kind = org ? AN_ENTITY_ORGANIZATION : AN_ENTITY_PERSON;
    size_t i = an_at__lower(a, pos);
    int32_t best = -1;
    size_t best_end = 0;
    for (size_t k = 0; i > 0 && k < 40; k++) {
        uint32_t m = a->order[--i];
        const an_mention *mm = &a->doc->mentions.items[m];
        if (mm->span.end + AN_AT_WINDOW * 4 < pos)
            break;
        if (a->doc->entities.items[mm->entity].kind != kind || mm->span.end > pos ||
            an_at__in_quote(a, mm->span.start) || !an_at__gender_ok(a, mm->entity, want))
            continue;
        best = (int32_t)mm->entity;
        best_end = mm->span.end;
        best = an_at__subject_of_sentence(a, i, kind, want, best);
        break;
    }
    const an_made *l = &a->last_named;
    if (l->entity >= 0 && l->span.end <= pos && l->span.end > best_end &&
        l->span.end + AN_AT_WINDOW * 4 >= pos &&
        a->doc->entities.items[l->entity].kind == kind && an_at__gender_ok(a, (uint32_t)l->entity, want))
        best = l->entity;
    return best;
}

/* Whether title (NUL-terminated) holds the word w[0, n), in any case. */
static bool an_at__title_has(const char *title, const char *w, size_t n)
{
    for (const char *p = title; p && *p; p++) {
        if ((p > title && isalpha((unsigned char)p[-1])) || strncasecmp(p, w, n) != 0 ||
            isalpha((unsigned char)p[n]))
            continue;
        return true;
    }
    return false;
}

/* The person "the president", "the Wooster professor", "the mother"
 * names (np, headed by a role noun): the nearest person named before
 * whose title has the head and every other lowercase word of np; when no
 * earlier title has the head, the person a pronoun would name, of the
 * gender the phrase states; -1 when a title has the head but not the rest
 * ("the local health minister" after "Aviation Minister"), or when the
 * head is a role many people hold ("the spokesperson") and no title has
 * it. */
static int32_t an_at__role_antecedent(const an_att *a, an_span np)
{
    static const char *const generic[] = {
        "adviser", "advisor", "aide", "analyst", "attorney", "expert", "lawyer", "official",
        "representative", "resident", "source", "spokesman", "spokesperson", "spokeswoman",
        "witness",
    };
    char phrase[96];
    size_t n = np.end - np.start < sizeof phrase - 1 ? np.end - np.start : sizeof phrase - 1;
    memcpy(phrase, a->s + np.start, n);
    phrase[n] = '\0';
    const char *head = strrchr(phrase, ' ');
    head = head ? head + 1 : phrase;
    size_t hn = strlen(head);
    an_gender want = an__entities_title_gender(phrase);
    bool has_head = false;
    size_t i = an_at__lower(a, np.start);
    for (size_t k = 0; i > 0 && k < 40; k++) {
        const an_mention *mm = &a->doc->mentions.items[a->order[--i]];
        if (mm->span.end + AN_AT_WINDOW * 4 < np.start)
            break;
        const an_entity *e = &a->doc->entities.items[mm->entity];
        if (e->kind != AN_ENTITY_PERSON || mm->span.end > np.start || !e->title.ptr ||
            !an_at__title_has(e->title.ptr, head, hn) || !an_at__gender_ok(a, mm->entity, want))
            continue;
        has_head = true;
        bool all = true; /* the other lowercase words: "health" of "the health minister" */
        for (const char *w = phrase + 4; all && w < head; w += strcspn(w, " ") + 1) {
            size_t wn = strcspn(w, " ");
            all = !islower((unsigned char)w[0]) || an_at__title_has(e->title.ptr, w, wn);
        }
        if (all)
            return (int32_t)mm->entity;
    }
    if (has_head || AN_AT_IN(generic, head, hn, true))
        return -1;
    return an_at__antecedent(a, np.start, false, want);
}

/* ---- turning a chosen subject into model objects -------------------------- */

static const an_made *an_at__made_find(const an_att *a, an_span sp)
{
    size_t n = a->n_made < AN_AT_MADE ? a->n_made : AN_AT_MADE;
    for (size_t i = 0; i < n; i++)
        if (a->made[i].span.start == sp.start && a->made[i].span.end == sp.end)
            return &a->made[i];
    return NULL;
}

static void an_at__made_add(an_att *a, an_span sp, int32_t entity, int32_t mention)
{
    a->made[a->n_made++ % AN_AT_MADE] = (an_made){sp, entity, mention};
}

/* "the ministry", "the company": the nearest organization named before
 * whose name has that head word; an entity index or -1. */
static int32_t an_at__org_nominal(const an_att *a, an_span sp)
{
    const char *w = a->s + sp.start;
    size_t n = sp.end - sp.start;
    if (n < 5 || (strncmp(w, "the ", 4) != 0 && strncmp(w, "The ", 4) != 0))
        return -1;
    w += 4;
    n -= 4;
    if (memchr(w, ' ', n) || !islower((unsigned char)w[0]))
        return -1;
    size_t i = an_at__lower(a, sp.start);
    for (size_t k = 0; i > 0 && k < 60; k++) {
        const an_mention *mm = &a->doc->mentions.items[a->order[--i]];
        const an_entity *e = &a->doc->entities.items[mm->entity];
        if (e->kind != AN_ENTITY_ORGANIZATION || !e->name.ptr)
            continue;
        for (size_t p = 0; p + n <= e->name.len; p++) {
            if ((p > 0 && e->name.ptr[p - 1] != ' ') ||
                (p + n < e->name.len && e->name.ptr[p + n] != ' '))
                continue;
            size_t c = 0;
            while (c < n && tolower((unsigned char)e->name.ptr[p + c]) == w[c])
                c++;
            if (c == n)
                return (int32_t)mm->entity;
        }
    }
    return -1;
}

/* Pushes what the chosen attribution needs (a pronoun mention, a new
 * entity) and fills the quote's speaker, mention and source phrase. */
/* The third-person pronoun a subject found by an_at__pronoun is: 'h' for
 * he, 's' for she, 'i' for it, 0 for the others (I, we, they). */
static char an_at__third_person(const char *s, an_span sp)
{
    size_t n = sp.end - sp.start;
    char c = (char)tolower((unsigned char)s[sp.start]);
    return (n == 2 && (c == 'h' || c == 'i')) || (n == 3 && c == 's') ? c : 0;
}

static void an_at__materialize(an_att *a, const an_attr *r, an_quote *q)
{
    q->cue = r->cue;
    q->speaker = -1;
    q->speaker_mention = -1;
    q->source_phrase = (an_span){0, 0};
    if (r->subj == AN_SUBJ_MENTION) {
        q->speaker_mention = r->mention;
        q->speaker = (int32_t)a->doc->mentions.items[r->mention].entity;
        return;
    }
    const an_made *m = an_at__made_find(a, r->subject);
    if (m && m->entity >= 0) {
        q->speaker = m->entity;
        q->speaker_mention = m->mention;
        return;
    }
    int32_t ent = -1, men = -1;
    if (r->subj == AN_SUBJ_PRONOUN) {
        char p = an_at__third_person(a->s, r->subject);
        bool he = p == 'h', she = p == 's', it = p == 'i';
        if (p)
            ent = an_at__antecedent(a, r->subject.start, it,
                                    he ? AN_GENDER_MALE : she ? AN_GENDER_FEMALE : AN_GENDER_UNKNOWN);
        if (ent >= 0)
            men = an__entities_add_mention(a->doc, (uint32_t)ent, r->subject, AN_MENTION_PRONOUN);
    } else if (r->subj == AN_SUBJ_ROLE) {
        ent = an_at__role_antecedent(a, r->subject);
        if (ent >= 0)
            men = an__entities_add_mention(a->doc, (uint32_t)ent, r->subject, AN_MENTION_TITLE);
    } else if (r->subj == AN_SUBJ_NAME) {
        int kind = an__entities_classify(a->doc, r->subject.start, r->subject.end);
        ent = an_at__by_surname(a, r->subject);
        if (ent >= 0) {
            men = an__entities_add_mention(a->doc, (uint32_t)ent, r->subject, AN_MENTION_SURNAME);
        } else if (kind == AN_ENTITY_PERSON || kind == AN_ENTITY_ORGANIZATION) {
            ent = an__entities_add(a->doc, (an_entity_kind)kind, r->subject);
            men = ent >= 0 ? (int32_t)a->doc->mentions.len - 1 : -1;
            if (ent >= 0)
                a->last_named = (an_made){r->subject, ent, men};
        }
    }
    if (ent >= 0 && men >= 0) {
        an_at__made_add(a, r->subject, ent, men);
        q->speaker = ent;
        q->speaker_mention = men;
    } else {
        q->source_phrase = r->subject;
        if (r->subj == AN_SUBJ_SOURCE)
            q->speaker = an_at__org_nominal(a, r->subject);
    }
}

/* ---- subjects ----------------------------------------------------------- */

/* A lowercase, singular title or role noun that heads "the professor",
 * "the minister": a person, not a source. */
static bool an_at__role_head(const an_att *a, const an_tok *t)
{
    size_t n = t->e - t->s;
    const char *w = a->s + t->s;
    if (n < 3 || !islower((unsigned char)w[0]) || w[n - 1] == 's')
        return false;
    return (an_lex_lookup(w, n) & (AN_LEX_ROLE | AN_LEX_TITLE)) != 0;
}

static bool an_at__pronoun(an_att *a, const an_tok *t, an_attr *r)
{
    static const char *const prons[] = {
        "he", "i", "it", "she", "they", "we",
    };
    if (t->kind != AN_TK_WORD || !AN_AT_IN(prons, a->s + t->s, t->e - t->s, true))
        return false;
    r->subject = (an_span){t->s, t->e};
    r->subj = AN_SUBJ_PRONOUN;
    return true;
}

static bool an_at__connector(const char *s, const an_tok *t)
{
    static const char *const w[] = {
        "&", "al", "and", "bin", "da", "de", "del", "der", "di", "du", "el", "for", "la", "le",
        "of", "van", "von",
    };
    return (t->kind == AN_TK_WORD || (t->e == t->s + 1 && s[t->s] == '&')) &&
           AN_AT_IN(w, s + t->s, t->e - t->s, false);
}

/* True when tokens [i, e) are all lowercase words, possessives allowed:
 * a role ("the city's mayor", "his father"). */
static bool an_at__lower_words(const an_att *a, size_t i, size_t e)
{
    for (size_t x = i; x < e; x++)
        if (a->tok[x].kind != AN_TK_WORD || an_at__upper(a->s, a->len, &a->tok[x]))
            return false;
    return true;
}

/* The capitalized name tok[i0..i1] (inclusive): an entity mention inside
 * it, else a name for the model to learn. */
static void an_at__name(an_att *a, size_t i0, size_t i1, an_attr *r)
{
    an_span sp = {a->tok[i0].s, a->tok[i1].e};
    int32_t m = an_at__mention_in(a, sp.start, sp.end, false);
    if (m >= 0 && a->doc->mentions.items[m].span.end < sp.end) {
        /* "the Refugee Council Enver Solomon": a name after the mention */
        size_t k = i0;
        while (k <= i1 && a->tok[k].s < a->doc->mentions.items[m].span.end)
            k++;
        if (k <= i1 && an__entities_classify(a->doc, a->tok[k].s, sp.end) == AN_ENTITY_PERSON) {
            r->subj = AN_SUBJ_NAME;
            r->subject = (an_span){a->tok[k].s, sp.end};
            return;
        }
    }
    if (m >= 0) {
        r->subj = AN_SUBJ_MENTION;
        r->mention = m;
        r->subject = a->doc->mentions.items[m].span;
        return;
    }
    /* "The Straits Times": the determiner is not part of the name;
     * "Malaysia's": nor is a possessive */
    if (i0 < i1 && an_at__tok_is(a->s, &a->tok[i0], "the"))
        sp.start = a->tok[i0 + 1].s;
    if (sp.end - sp.start > 2 && a->s[sp.end - 2] == '\'' && a->s[sp.end - 1] == 's')
        sp.end -= 2;
    r->subj = AN_SUBJ_NAME;
    r->subject = sp;
}

/* The start of the capitalized run ending at token j, no further left
 * than lo. */
static size_t an_at__run_start(const an_att *a, size_t lo, size_t j)
{
    size_t i = j;
    while (i > lo && j - i < 7 &&
           (an_at__upper(a->s, a->len, &a->tok[i - 1]) ||
            (an_at__connector(a->s, &a->tok[i - 1]) && i - 1 > lo &&
             an_at__upper(a->s, a->len, &a->tok[i - 2]))))
        i--;
    return i;
}

/* A possessive name right before the noun phrase starting at token i, as
 * in "PC World's recent analysis of …": the possessor speaks. */
static bool an_at__possessor(an_att *a, size_t lo, size_t i, an_attr *r)
{
    size_t j = i;
    while (j > lo && i - j < 8 && a->tok[j - 1].kind == AN_TK_WORD &&
           !an_at__upper(a->s, a->len, &a->tok[j - 1]))
        j--;
    if (j == lo || !an_at__upper(a->s, a->len, &a->tok[j - 1]))
        return false;
    const an_tok *p = &a->tok[j - 1];
    size_t n = p->e - p->s;
    bool poss = (n > 2 && a->s[p->e - 2] == '\'' && a->s[p->e - 1] == 's') ||
                (n > 4 && (unsigned char)a->s[p->e - 2] == 0x99 && a->s[p->e - 1] == 's');
    if (!poss)
        return false;
    size_t st = an_at__run_start(a, lo, j - 1);
    if (st > lo && !an_at__sentence_end(a->s, &a->tok[st - 1]) && a->tok[st - 1].kind != AN_TK_MARK &&
        !an_at__tok_punct(a->s, &a->tok[st - 1], ','))
        return false;
    an_at__name(a, st, j - 1, r);
    return true;
}

/* The subject noun phrase that ends with token j (inclusive), looking no
 * further left than token lo. */
static bool an_at__subject_ending(an_att *a, size_t lo, size_t j, an_attr *r)
{
    const an_tok *t = &a->tok[j];
    if (t->kind != AN_TK_WORD)
        return false;
    if (an_at__pronoun(a, t, r))
        return true;
    if (an_at__upper(a->s, a->len, t)) {
        an_at__name(a, an_at__run_start(a, lo, j), j, r);
        return true;
    }
    /* A common noun phrase: back to its determiner. */
    size_t i = j;
    while (i > lo && j - i < 6 && a->tok[i - 1].kind == AN_TK_WORD &&
           !an_at__is_cue(a->s, &a->tok[i - 1]) &&
           !AN_AT_IN(an_at__dets, a->s + a->tok[i].s, a->tok[i].e - a->tok[i].s, true))
        i--;
    bool det = AN_AT_IN(an_at__dets, a->s + a->tok[i].s, a->tok[i].e - a->tok[i].s, true);
    if (!det) {
        if (!AN_AT_IN(an_at__source_nouns, a->s + t->s, t->e - t->s, true))
            return false;
        i = j;
        while (i > lo && j - i < 3 && an_at__upper(a->s, a->len, &a->tok[i - 1]))
            i--;
    }
    if (det && an_at__tok_is(a->s, &a->tok[i], "the") && an_at__role_head(a, t)) {
        r->subject = (an_span){a->tok[i].s, t->e}; /* "The Wooster professor added" */
        r->subj = AN_SUBJ_ROLE;
        return true;
    }
    int32_t m = an_at__mention_in(a, a->tok[i].s, t->e, true);
    if (m >= 0) { /* "The Home Office letter reads": the office */
        r->subj = AN_SUBJ_MENTION;
        r->mention = m;
        r->subject = a->doc->mentions.items[m].span;
        return true;
    }
    if (an_at__possessor(a, lo, i, r)) /* "PC World's recent analysis … concluded" */
        return true;
    r->subject = (an_span){a->tok[i].s, t->e};
    r->subj = AN_SUBJ_SOURCE;
    return true;
}

/* The end (exclusive) of the comma-separated segment that starts at x. */
static size_t an_at__segment_end(const an_att *a, size_t x, size_t j)
{
    while (x < j && !an_at__tok_punct(a->s, &a->tok[x], ','))
        x++;
    return x;
}

/* The first token of the clause that contains token j. */
static size_t an_at__clause_start(const an_att *a, size_t lo, size_t j)
{
    size_t b = j;
    while (b > lo && j - b < 30 && !an_at__sentence_end(a->s, &a->tok[b - 1]) &&
           a->tok[b - 1].kind != AN_TK_MARK && !an_at__tok_punct(a->s, &a->tok[b - 1], ';'))
        b--;
    return b;
}

/* A subject set off by commas before the cue at token j+1: `X, the
 * spokesman, said`, `After the match, X, Panama coach, said`, `The
 * secretary (…), X, has called`. The clause's segments are tried in order:
 * the first naming a person or organization the entity pass found, then
 * the first ending in a capitalized word, then the first noun phrase. */
/* An introductory phrase, not a subject: "Speaking to AFP,", "On Monday,". */
static bool an_at__intro_segment(const an_att *a, size_t x)
{
    static const char *const w[] = {
        "after", "according", "as", "asked", "at", "before", "by", "despite", "during", "for",
        "following", "from", "in", "on", "since", "to", "under", "when", "while", "with",
    };
    const an_tok *t = &a->tok[x];
    size_t n = t->e - t->s;
    return t->kind != AN_TK_WORD || AN_AT_IN(w, a->s + t->s, n, true) ||
           (n > 4 && memcmp(a->s + t->e - 3, "ing", 3) == 0);
}

static bool an_at__segment_has(const an_att *a, size_t x, size_t c, an_entity_kind kind)
{
    int32_t m = an_at__mention_in(a, a->tok[x].s, a->tok[c - 1].e, false);
    return m >= 0 && a->doc->entities.items[a->doc->mentions.items[m].entity].kind == kind;
}

static bool an_at__subject_appositive(an_att *a, size_t lo, size_t j, an_attr *r)
{
    size_t b = an_at__clause_start(a, lo, j);
    size_t first = SIZE_MAX;
    for (int pass = 0; pass < 3; pass++) {
        for (size_t x = b; x < j;) {
            size_t c = an_at__segment_end(a, x, j);
            if (c == x || an_at__intro_segment(a, x)) {
                x = c + 1;
                continue;
            }
            if (first == SIZE_MAX)
                first = x;
            bool last_up = an_at__upper(a->s, a->len, &a->tok[c - 1]);
            bool ok = pass == 0 ? an_at__segment_has(a, x, c, AN_ENTITY_PERSON)
                    : pass == 1 ? last_up && an_at__upper(a->s, a->len, &a->tok[x])
                                : last_up && an_at__segment_has(a, x, c, AN_ENTITY_ORGANIZATION);
            if (ok)
                return an_at__subject_ending(a, x, c - 1, r);
            x = c + 1;
        }
    }
    if (first == SIZE_MAX)
        return false;
    size_t c = an_at__segment_end(a, first, j);
    return c > first && an_at__subject_ending(a, first, c - 1, r);
}

/* The subject of the clause around token j: "Sunak defended … whilst
 * promising", "X said …, and said": a pronoun or a capitalized run with a
 * person or organization mention at the start of one of its segments. */
static bool an_at__subject_of_clause(an_att *a, size_t lo, size_t j, an_attr *r)
{
    static const char *const subord[] = {
        "after", "although", "as", "because", "before", "if", "once", "since", "though", "when",
        "while",
    };
    static const char *const indef[] = {
        "anyone", "everybody", "everyone", "nobody", "people", "somebody", "someone",
    };
    size_t b = an_at__clause_start(a, lo, j);
    for (size_t x = b; x < j;) {
        size_t c = an_at__segment_end(a, x, j);
        if (c > x + 1 && AN_AT_IN(subord, a->s + a->tok[x].s, a->tok[x].e - a->tok[x].s, true))
            x++;
        if (c > x && an_at__pronoun(a, &a->tok[x], r))
            return true;
        size_t e = x;
        while (e + 1 < c && e - x < 7 &&
               (an_at__upper(a->s, a->len, &a->tok[e + 1]) || an_at__connector(a->s, &a->tok[e + 1])))
            e++;
        if (c > x && an_at__upper(a->s, a->len, &a->tok[x]) &&
            (an_at__mention_in(a, a->tok[x].s, a->tok[e].e, false) >= 0 ||
             an__entities_classify(a->doc, a->tok[x].s, a->tok[e].e) >= 0)) {
            an_at__name(a, x, e, r);
            return r->subj == AN_SUBJ_MENTION ||
                   an__entities_classify(a->doc, r->subject.start, r->subject.end) >= 0;
        }
        const an_tok *w = &a->tok[x];
        bool is_indef = c > x && w->kind == AN_TK_WORD && AN_AT_IN(indef, a->s + w->s, w->e - w->s, true);
        if (c > x && w->kind == AN_TK_WORD &&
            (is_indef || AN_AT_IN(an_at__dets, a->s + w->s, w->e - w->s, true))) {
            e = x;
            while (!is_indef && e + 1 < c && e - x < 3 && a->tok[e + 1].kind == AN_TK_WORD &&
                   !an_at__is_cue(a->s, &a->tok[e + 1]))
                e++;
            if (e > x || is_indef) {
                r->subj = AN_SUBJ_SOURCE;
                r->subject = (an_span){w->s, a->tok[e].e};
                return true;
            }
        }
        x = c + 1;
    }
    return false;
}

/* Conjunctions after which an -ing or coordinated cue has no subject of
 * its own. */
static bool an_at__clause_link(const an_att *a, const an_tok *t)
{
    static const char *const w[] = {
        "after", "and", "before", "but", "by", "then", "when", "while", "whilst",
    };
    return an_at__tok_punct(a->s, t, ',') ||
           (t->kind == AN_TK_WORD && AN_AT_IN(w, a->s + t->s, t->e - t->s, true));
}

static bool an_at__passive_before(const an_att *a, size_t lo, size_t k, size_t *aux)
{
    size_t j = k;
    while (j > lo && a->tok[j - 1].kind == AN_TK_WORD &&
           AN_AT_IN(an_at__skips, a->s + a->tok[j - 1].s, a->tok[j - 1].e - a->tok[j - 1].s, true))
        j--;
    *aux = j;
    return j > lo && a->tok[j - 1].kind == AN_TK_WORD &&
           AN_AT_IN(an_at__passive, a->s + a->tok[j - 1].s, a->tok[j - 1].e - a->tok[j - 1].s, true);
}

/* The subject of the cue at token k, to its left: skips adverbs and
 * auxiliaries, then an appositive set off by commas. */
static bool an_at__subject_left_of(an_att *a, size_t lo, size_t k, an_attr *r)
{
    if (k <= lo)
        return false;
    size_t j = k - 1;
    while (j > lo && a->tok[j].kind == AN_TK_WORD &&
           AN_AT_IN(an_at__skips, a->s + a->tok[j].s, a->tok[j].e - a->tok[j].s, true))
        j--;
    const an_tok *cue = &a->tok[k];
    bool ing = cue->e - cue->s > 4 && memcmp(a->s + cue->e - 3, "ing", 3) == 0;
    /* "A leaked letter seen by Sky News says": skip "seen by Sky News" */
    if (an_at__upper(a->s, a->len, &a->tok[j])) {
        size_t st = an_at__run_start(a, lo, j);
        if (st >= lo + 3 && an_at__tok_is(a->s, &a->tok[st - 1], "by") &&
            a->tok[st - 2].kind == AN_TK_WORD && !an_at__upper(a->s, a->len, &a->tok[st - 2])) {
            const an_tok *v = &a->tok[st - 2];
            size_t vn = v->e - v->s;
            if ((vn > 3 && memcmp(a->s + v->e - 2, "ed", 2) == 0) || an_at__tok_is(a->s, v, "seen") ||
                an_at__tok_is(a->s, v, "shown") || an_at__tok_is(a->s, v, "written"))
                return an_at__subject_ending(a, lo, st - 3, r);
        }
    }
    if ((ing || an_at__tok_is(a->s, &a->tok[j], "and")) && an_at__clause_link(a, &a->tok[j]))
        return an_at__subject_of_clause(a, lo, j, r);
    if (an_at__tok_punct(a->s, &a->tok[j], ',') || an_at__tok_punct(a->s, &a->tok[j], ')'))
        return an_at__subject_appositive(a, lo, j, r);
    return an_at__subject_ending(a, lo, j, r);
}

/* "Steve Smith of the University of Essex said": a subject that is an
 * organization right after a person and "of/at/from (the)" is that
 * person's affiliation; the person speaks. */
static void an_at__affiliation(const an_att *a, an_attr *r)
{
    if (r->subj != AN_SUBJ_MENTION)
        return;
    const an_mention *org = &a->doc->mentions.items[r->mention];
    if (a->doc->entities.items[org->entity].kind != AN_ENTITY_ORGANIZATION)
        return;
    size_t i = an_at__lower(a, org->span.start);
    if (i == 0)
        return;
    uint32_t pm = a->order[i - 1];
    const an_mention *p = &a->doc->mentions.items[pm];
    if (a->doc->entities.items[p->entity].kind != AN_ENTITY_PERSON || p->span.end >= org->span.start ||
        org->span.start - p->span.end > 10)
        return;
    static const char *const links[] = {" of the ", " of ", " at the ", " at ", " from the ", " from "};
    size_t gap = org->span.start - p->span.end;
    for (size_t k = 0; k < sizeof links / sizeof *links; k++)
        if (strlen(links[k]) == gap && memcmp(a->s + p->span.end, links[k], gap) == 0) {
            r->mention = (int32_t)pm;
            r->subject = p->span;
            return;
        }
}

/* The same, and a person's affiliation is not the subject. */
static bool an_at__subject_left(an_att *a, size_t lo, size_t k, an_attr *r)
{
    if (!an_at__subject_left_of(a, lo, k, r))
        return false;
    an_at__affiliation(a, r);
    return true;
}

/* The subject after an inverted cue at token k: `said Sean McCormack, …`,
 * `according to the agency X (X),`: the first person or organization named
 * before the clause ends, else a pronoun, a name or a noun phrase. */
static bool an_at__subject_right(an_att *a, size_t k, an_attr *r)
{
    size_t j = k + 1;
    while (j < a->ntok && a->tok[j].kind == AN_TK_WORD &&
           AN_AT_IN(an_at__skips, a->s + a->tok[j].s, a->tok[j].e - a->tok[j].s, true))
        j++;
    if (j >= a->ntok || a->tok[j].kind != AN_TK_WORD)
        return false;
    if (an_at__pronoun(a, &a->tok[j], r))
        return true;
    size_t ce = j;
    while (ce < a->ntok && ce - j < 12 && a->tok[ce].kind == AN_TK_WORD)
        ce++;
    while (ce < a->ntok && ce - j < 12 && !an_at__tok_punct(a->s, &a->tok[ce], ',') &&
           !an_at__sentence_end(a->s, &a->tok[ce]) && a->tok[ce].kind != AN_TK_MARK)
        ce++;
    int32_t m = an_at__mention_in(a, a->tok[j].s, a->tok[ce - 1].e, true);
    if (m >= 0) {
        r->subj = AN_SUBJ_MENTION;
        r->mention = m;
        r->subject = a->doc->mentions.items[m].span;
        return true;
    }
    bool det = AN_AT_IN(an_at__dets, a->s + a->tok[j].s, a->tok[j].e - a->tok[j].s, true);
    if (!det && !an_at__upper(a->s, a->len, &a->tok[j]))
        return false;
    size_t e = j;
    if (!det || (j + 1 < a->ntok && an_at__upper(a->s, a->len, &a->tok[j + 1]))) {
        while (e + 1 < a->ntok && e - j < 6 &&
               (an_at__upper(a->s, a->len, &a->tok[e + 1]) ||
                (an_at__connector(a->s, &a->tok[e + 1]) && e + 2 < a->ntok &&
                 an_at__upper(a->s, a->len, &a->tok[e + 2]))))
            e++;
        an_at__name(a, j, e, r);
        return true;
    }
    static const char *const stops[] = {
        "at", "by", "for", "in", "on", "that", "to", "which", "who",
    };
    while (e + 1 < a->ntok && e - j < 5 && a->tok[e + 1].kind == AN_TK_WORD &&
           !AN_AT_IN(stops, a->s + a->tok[e + 1].s, a->tok[e + 1].e - a->tok[e + 1].s, true))
        e++;
    /* `said his father, Abdullah Kurdi,`: the name set off after the role */
    if (e + 2 < a->ntok && an_at__tok_punct(a->s, &a->tok[e + 1], ',') &&
        an_at__upper(a->s, a->len, &a->tok[e + 2]) && an_at__lower_words(a, j, e + 1)) {
        size_t ne = e + 2;
        while (ne + 1 < a->ntok && ne - e < 6 && an_at__upper(a->s, a->len, &a->tok[ne + 1]))
            ne++;
        int32_t am = an_at__mention_in(a, a->tok[e + 2].s, a->tok[ne].e, true);
        if (am >= 0 && a->doc->mentions.items[am].span.start == a->tok[e + 2].s &&
            a->doc->entities.items[a->doc->mentions.items[am].entity].kind == AN_ENTITY_PERSON) {
            r->subj = AN_SUBJ_MENTION;
            r->mention = am;
            r->subject = a->doc->mentions.items[am].span;
            return true;
        }
    }
    r->subject = (an_span){a->tok[j].s, a->tok[e].e};
    r->subj = AN_SUBJ_SOURCE;
    return true;
}

/* The cue's span, extended over "in a statement", "to reporters". */
static an_span an_at__cue_span(const an_att *a, size_t k)
{
    static const char *const media[] = {
        "briefing", "e-mail", "email", "interview", "letter", "post", "release", "statement",
        "tweet",
    };
    an_span sp = {a->tok[k].s, a->tok[k].e};
    if (k + 1 < a->ntok && (an_at__tok_is(a->s, &a->tok[k + 1], "reporters") ||
                            an_at__tok_is(a->s, &a->tok[k + 1], "journalists")))
        sp.end = a->tok[k + 1].e;
    else if (k + 3 < a->ntok && an_at__tok_is(a->s, &a->tok[k + 1], "in") &&
             (an_at__tok_is(a->s, &a->tok[k + 2], "a") || an_at__tok_is(a->s, &a->tok[k + 2], "an")) &&
             AN_AT_IN(media, a->s + a->tok[k + 3].s, a->tok[k + 3].e - a->tok[k + 3].s, true))
        sp.end = a->tok[k + 3].e;
    return sp;
}

/* ---- windows around a quote ---------------------------------------------- */

/* The start of the paragraph containing pos (after a blank line), looking
 * back at most `limit` bytes. */
static size_t an_at__para_start(const char *s, size_t pos, size_t limit)
{
    size_t floor = pos > limit ? pos - limit : 0;
    bool seen_nl = false;
    for (size_t p = pos; p > floor; p--) {
        char c = s[p - 1];
        if (c == '\n') {
            if (seen_nl)
                return p;
            seen_nl = true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            seen_nl = false;
        }
    }
    return floor;
}

/* The end of the paragraph containing pos, looking at most `limit` ahead. */
static size_t an_at__para_end(const char *s, size_t len, size_t pos, size_t limit)
{
    size_t ceil = len - pos > limit ? pos + limit : len;
    bool seen_nl = false;
    size_t nl = ceil;
    for (size_t p = pos; p < ceil; p++) {
        char c = s[p];
        if (c == '\n') {
            if (seen_nl)
                return nl;
            seen_nl = true;
            nl = p;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            seen_nl = false;
        }
    }
    return ceil;
}

/* Tokenizes [ws, we), keeping only the last sentence's tokens. */
static void an_at__load_before(an_att *a, size_t ws, size_t we)
{
    if (we - ws > AN_AT_WINDOW) {
        ws = we - AN_AT_WINDOW;
        while (ws < we && !an_at__is_space(a->s, we, ws))
            ws++;
    }
    /* start at the last ". X" before the quote: a lowercase letter, a
     * stop, a space, a capital (the token pass below refines it) */
    for (size_t p = we >= 3 ? we - 3 : 0; p > ws + 1 && p + 2 < we; p--) {
        const char *t = a->s + p;
        if ((t[0] == '.' || t[0] == '?' || t[0] == '!') && t[1] == ' ' && t[2] >= 'A' && t[2] <= 'Z' &&
            t[-1] >= 'a' && t[-1] <= 'z') {
            ws = p;
            break;
        }
    }
    a->ntok = an_at__tokens(a->s, ws, we, a->tok, AN_AT_MAXTOK);
    if (a->ntok == AN_AT_MAXTOK) { /* too many tokens: keep the tail */
        ws = a->tok[AN_AT_MAXTOK / 2].s;
        a->ntok = an_at__tokens(a->s, ws, we, a->tok, AN_AT_MAXTOK);
    }
    size_t start = 0;
    for (size_t i = 0; i + 1 < a->ntok; i++)
        if (an_at__sentence_end(a->s, &a->tok[i]) &&
            (an_at__upper(a->s, a->len, &a->tok[i + 1]) || a->tok[i + 1].kind == AN_TK_MARK ||
             isdigit((unsigned char)a->s[a->tok[i + 1].s])))
            start = i + 1;
    if (a->ntok && an_at__sentence_end(a->s, &a->tok[a->ntok - 1]))
        start = a->ntok;
    memmove(a->tok, a->tok + start, (a->ntok - start) * sizeof *a->tok);
    a->ntok -= start;
}

/* The last cue of the loaded tokens decides: its subject, or nothing
 * (a passive "has been told" is no cue). "According to X" counts too. */
static bool an_at__cue_in_tokens(an_att *a, an_attr *r)
{
    for (size_t k = a->ntok; k-- > 0;) {
        const an_tok *w = &a->tok[k];
        if (w->kind == AN_TK_WORD && AN_AT_IN(an_at__right_cues, a->s + w->s, w->e - w->s, true)) {
            bool to = k + 1 < a->ntok && an_at__tok_is(a->s, &a->tok[k + 1], "to");
            bool needs_to = an_at__tok_is(a->s, w, "according") || an_at__tok_is(a->s, w, "attributed");
            if (needs_to && !to)
                continue;
            r->cue_seen = true;
            an_attr t = {0};
            t.cue_seen = true;
            if (!an_at__subject_right(a, needs_to ? k + 1 : k, &t))
                return false;
            t.found = true;
            t.cue = (an_span){w->s, needs_to ? a->tok[k + 1].e : w->e};
            *r = t;
            return true;
        }
        if (!an_at__is_cue(a->s, &a->tok[k]))
            continue;
        size_t aux;
        bool passive = an_at__passive_before(a, 0, k, &aux);
        if (passive && !an_at__tok_is(a->s, &a->tok[k], "quoted"))
            continue;
        r->cue_seen = true;
        an_attr t = {0};
        t.cue_seen = true;
        if (an_at__subject_left(a, 0, passive ? aux - 1 : k, &t)) {
            if (t.subj == AN_SUBJ_SOURCE && AN_AT_IN(an_at__naming, a->s + a->tok[k].s,
                                                     a->tok[k].e - a->tok[k].s, true)) {
                r->cue_seen = false; /* "a comet called Wild 2": naming, not speech */
                return false;
            }
            t.found = true;
            t.cue = an_at__cue_span(a, k);
            *r = t;
            return true;
        }
        return false; /* the cue's subject is out of sight */
    }
    return false;
}

/* True when the quote ends the way a quote before its attribution does:
 * with a comma, question or exclamation mark, dash or ellipsis inside. */
static bool an_at__ends_open(const an_att *a, const an_quote *q)
{
    size_t e = q->span.end;
    bool dbl;
    if (!(q->flags & AN_QUOTE_UNCLOSED)) {
        size_t b = e;
        while (b > q->span.start && ((unsigned char)a->s[b - 1] & 0xC0) == 0x80)
            b--;
        if (b > q->span.start && an__qmark_at(a->s, a->len, b - 1, &dbl) == e - b + 1)
            e = b - 1;
    }
    while (e > q->span.start && a->s[e - 1] == ' ')
        e--;
    if (e == q->span.start)
        return false;
    char c = a->s[e - 1];
    return c == ',' || c == '?' || c == '!' || c == '-' || (unsigned char)c == 0xA6 ||
           (unsigned char)c == 0x94 || (c == '.' && e >= 2 && a->s[e - 2] == '.');
}

/* `"…" tweeted Mayor Sadiq Khan`: a quote that starts its sentence and is
 * followed, with no comma, by a cue and a noun phrase or a capitalized
 * name within four words ("said lead author Professor X") is attributed
 * as if the comma were there (a quote inside a phrase does not start the
 * sentence: `The "History" section explains`). Reads a->tok, loaded by
 * an_at__after. */
static bool an_at__bare_inverted(const an_att *a, const an_quote *q)
{
    if (a->ntok < 2 || !an_at__is_cue(a->s, &a->tok[0]) ||
        AN_AT_IN(an_at__weak_inverted, a->s + a->tok[0].s, a->tok[0].e - a->tok[0].s, true) ||
        a->tok[1].kind != AN_TK_WORD)
        return false;
    bool named = AN_AT_IN(an_at__dets, a->s + a->tok[1].s, a->tok[1].e - a->tok[1].s, false);
    for (size_t k = 1; k < a->ntok && k < 5 && !named && a->tok[k].kind == AN_TK_WORD; k++)
        named = an_at__upper(a->s, a->len, &a->tok[k]); /* "said lead author Professor X" */
    if (!named)
        return false;
    size_t p = q->span.start;
    while (p > 0 && an_at__is_space(a->s, a->len, p - 1) && a->s[p - 1] != '\n')
        p--;
    return p == 0 || a->s[p - 1] == '\n' || a->s[p - 1] == '.' || a->s[p - 1] == '!' || a->s[p - 1] == '?';
}

/* `"…," reads the report`, `"…", states the letter`: a cue kept out of the
 * inverted form (an_at__weak_inverted) still counts there before "the",
 * "a" or "an", which start a noun phrase, not a name it could be part of;
 * the naming verbs ("called the", "dubbed the") stay out. */
static bool an_at__document_after(const an_att *a, size_t i)
{
    const an_tok *t = &a->tok[i];
    if (i + 1 >= a->ntok || AN_AT_IN(an_at__naming, a->s + t->s, t->e - t->s, false))
        return false;
    const an_tok *d = &a->tok[i + 1];
    return an_at__tok_is(a->s, d, "the") || an_at__tok_is(a->s, d, "a") || an_at__tok_is(a->s, d, "an");
}

/* Rule 1: `"…," said X` / `"…," X said` / `"…" - X` right after the quote. */
static bool an_at__after(an_att *a, const an_quote *q, size_t next_start, an_attr *r)
{
    size_t pe = an_at__para_end(a->s, a->len, q->span.end, AN_AT_WINDOW);
    size_t we = next_start < pe ? next_start : pe;
    if (we <= q->span.end)
        return false;
    a->ntok = an_at__tokens(a->s, q->span.end, we, a->tok, 24);
    size_t i = 0;
    bool dash = false;
    while (i < a->ntok && (an_at__tok_punct(a->s, &a->tok[i], ',') || an_at__tok_dash(a->s, &a->tok[i]))) {
        dash |= an_at__tok_dash(a->s, &a->tok[i]);
        i++;
    }
    if (i >= a->ntok || a->tok[i].kind != AN_TK_WORD)
        return false;
    if (i == 0 && !an_at__ends_open(a, q) && !an_at__bare_inverted(a, q))
        return false; /* `The "History" section explains`: the quote is inside a phrase */
    size_t end = i; /* the end of the clause */
    while (end < a->ntok && !an_at__sentence_end(a->s, &a->tok[end]) &&
           a->tok[end].kind != AN_TK_MARK && !an_at__tok_punct(a->s, &a->tok[end], ';'))
        end++;
    a->ntok = end;
    an_attr t = {0};
    if (an_at__tok_is(a->s, &a->tok[i], "according") && i + 1 < a->ntok &&
        an_at__tok_is(a->s, &a->tok[i + 1], "to")) { /* "…," according to the report */
        r->cue_seen = t.cue_seen = true;
        if (!an_at__subject_right(a, i + 1, &t))
            return false;
        t.found = true;
        t.cue = (an_span){a->tok[i].s, a->tok[i + 1].e};
        *r = t;
        return true;
    }
    if (an_at__is_cue(a->s, &a->tok[i]) &&
        (!AN_AT_IN(an_at__weak_inverted, a->s + a->tok[i].s, a->tok[i].e - a->tok[i].s, true) ||
         an_at__document_after(a, i))) {
        r->cue_seen = t.cue_seen = true;
        if (!an_at__subject_right(a, i, &t))
            return false;
        t.found = true;
        t.cue = an_at__cue_span(a, i);
        *r = t;
        return true;
    }
    if (dash && an_at__upper(a->s, a->len, &a->tok[i])) { /* "…" - Matthew Ingram */
        size_t e = i;
        while (e + 1 < a->ntok && e - i < 5 && an_at__upper(a->s, a->len, &a->tok[e + 1]))
            e++;
        an_at__name(a, i, e, &t);
        t.found = true;
        *r = t;
        return true;
    }
    /* subject first: the cue within a few words (an appositive allowed),
     * the subject starting among the first words (`team member X told`) */
    for (size_t k = i + 1; k < a->ntok && k < i + 16; k++) {
        if (!an_at__is_cue(a->s, &a->tok[k]))
            continue;
        size_t aux;
        const an_tok *c = &a->tok[k];
        if (an_at__passive_before(a, i, k, &aux) ||
            (c->e - c->s > 4 && memcmp(a->s + c->e - 3, "ing", 3) == 0))
            return false; /* `"…", the government recommending` is no attribution */
        r->cue_seen = t.cue_seen = true;
        if (!an_at__subject_left(a, i, k, &t))
            return false;
        /* Before the subject, a few words, or a role set off by a comma:
         * `"…," the city's mayor, Tom Hart, said`. */
        size_t x = i, comma = SIZE_MAX;
        for (; x < k && a->tok[x].s < t.subject.start; x++) {
            if (a->tok[x].kind == AN_TK_WORD && comma == SIZE_MAX)
                continue;
            if (comma != SIZE_MAX || !an_at__tok_punct(a->s, &a->tok[x], ',') || x == i ||
                !an_at__lower_words(a, i, x))
                return false;
            comma = x;
        }
        if (x - i > (comma == SIZE_MAX ? 3 : 5) || (comma != SIZE_MAX && x != comma + 1))
            return false;
        t.found = true;
        t.cue = an_at__cue_span(a, k);
        *r = t;
        return true;
    }
    return false;
}

/* A sentence that introduces the quote with a colon or comma but no
 * speech verb ("The Guardian cited examples, including:", "X reacted on
 * Twitter,"): its named subject speaks. */
static bool an_at__colon_subject(an_att *a, an_attr *r)
{
    if (a->ntok < 3 || (!an_at__tok_punct(a->s, &a->tok[a->ntok - 1], ':') &&
                        !an_at__tok_punct(a->s, &a->tok[a->ntok - 1], ',')))
        return false; /* also `X reacted on Twitter, "…"` */
    an_attr t = {0};
    if (!an_at__subject_of_clause(a, 0, a->ntok - 1, &t) || t.subj == AN_SUBJ_SOURCE)
        return false;
    t.found = t.cue_seen = true;
    *r = t;
    return true;
}

/* True when only spaces stand between the paragraph start ps and pos: a
 * quote there opens its paragraph. */
static bool an_at__opens_paragraph(const an_att *a, size_t pos, size_t ps)
{
    while (pos > ps && an_at__is_space(a->s, a->len, pos - 1))
        pos--;
    return pos == ps;
}

/* Rules 2 and 3: a cue earlier in the sentence, or the last sentence of a
 * previous paragraph ending with a colon, comma or semicolon. */
static bool an_at__before(an_att *a, const an_quote *q, size_t prev_end, an_attr *r)
{
    size_t ps = an_at__para_start(a->s, q->span.start, AN_AT_WINDOW);
    size_t ws = prev_end > ps ? prev_end : ps;
    an_at__load_before(a, ws, q->span.start);
    if (an_at__cue_in_tokens(a, r) || an_at__colon_subject(a, r))
        return true;
    if (!an_at__opens_paragraph(a, q->span.start, ps) || ps == 0 || ps <= prev_end)
        return false;
    size_t e = ps;
    while (e > 0 && an_at__is_space(a->s, a->len, e - 1))
        e--;
    if (e == 0 || e <= prev_end || (a->s[e - 1] != ':' && a->s[e - 1] != ',' && a->s[e - 1] != ';'))
        return false;
    size_t pps = an_at__para_start(a->s, e, AN_AT_WINDOW);
    an_at__load_before(a, pps > prev_end ? pps : prev_end, e);
    return an_at__cue_in_tokens(a, r) || an_at__colon_subject(a, r);
}

/* Rule 4a: a reported-speech cue since the previous quote ("Heald noted
 * the findings show …") names the speaker of a quote without its own. */
static bool an_at__reported(an_att *a, const an_quote *q, size_t prev_end, an_attr *r)
{
    size_t ws = q->span.start > AN_AT_WINDOW ? q->span.start - AN_AT_WINDOW : 0;
    if (prev_end > ws)
        ws = prev_end;
    if (ws >= q->span.start)
        return false;
    a->ntok = an_at__tokens(a->s, ws, q->span.start, a->tok, AN_AT_MAXTOK);
    for (size_t i = a->ntok; i-- > 0;)
        if (a->tok[i].kind == AN_TK_MARK) { /* only what follows the last stray mark */
            memmove(a->tok, a->tok + i + 1, (a->ntok - i - 1) * sizeof *a->tok);
            a->ntok -= i + 1;
            break;
        }
    an_attr t = {0};
    if (!an_at__cue_in_tokens(a, &t) || t.subj == AN_SUBJ_SOURCE)
        return false;
    *r = t;
    return true;
}
/* ---- speech or not -------------------------------------------------------- */

/* Words in the quote's text (counting stops past AN_AT_TITLE_WORDS, which
 * is no title), whether its words are title case, and whether a sentence
 * or clause ends inside. */
#define AN_AT_TITLE_WORDS 12
static size_t an_at__words(const char *s, size_t st, size_t en, bool *title_case, bool *sentence)
{
    static const char *const small[] = {
        "&", "a", "about", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
        "of", "on", "or", "over", "the", "to", "via", "vs", "with",
    };
    size_t words = 0, long_words = 0, caps = 0;
    *sentence = false;
    bool in_word = false;
    size_t ws = st;
    for (size_t p = st; p <= en && words <= AN_AT_TITLE_WORDS; p++) {
        bool sp = p == en || s[p] == ' ' || s[p] == '\n' || s[p] == '\t';
        if (!sp && !in_word) {
            in_word = true;
            ws = p;
        } else if (sp && in_word) {
            in_word = false;
            words++;
            unsigned char c0 = (unsigned char)s[ws];
            if (c0 >= 'A' && c0 <= 'Z') {
                long_words++;
                caps++;
            } else if (c0 >= 'a' && c0 <= 'z' && !AN_AT_IN(small, s + ws, p - ws, false)) {
                long_words++;
            }
            char c = s[p - 1];
            if ((c == '.' || c == '?' || c == '!' || c == ',') && p < en)
                *sentence = true;
        }
    }
    *title_case = long_words > 0 && caps == long_words && words <= AN_AT_TITLE_WORDS;
    return words;
}

/* True when a short quote stands right before a lowercase noun that it
 * modifies: `features "free as in beer" content`, `the "one country, two
 * systems" model`. Unattributed, such a quote is a term, not speech
 * (the caller asks only then: `Lee called it an "unfair" process` is
 * Lee's). A quote that ends in its own punctuation ("We won," coach Lee
 * said) never is. */
static bool an_at__modifies_noun(const an_att *a, const an_quote *q, size_t inner_end, size_t words)
{
    if (words == 0 || words > 5 || (q->flags & AN_QUOTE_UNCLOSED) || inner_end == 0)
        return false;
    char last = a->s[inner_end - 1];
    if (last == ',' || last == '.' || last == '?' || last == '!' || last == ':' || last == ';')
        return false;
    size_t p = q->span.end;
    if (p + 1 >= a->len || a->s[p] != ' ')
        return false;
    an_tok t;
    size_t we = a->len - p > 40 ? p + 40 : a->len;
    if (an_at__tokens(a->s, p, we, &t, 1) != 1 || t.kind != AN_TK_WORD)
        return false;
    const char *w = a->s + t.s;
    size_t n = t.e - t.s;
    if (n < 3 || !islower((unsigned char)w[0]) || (w[n - 2] == 'l' && w[n - 1] == 'y'))
        return false;
    return !(an_lex_lookup(w, n) &
             (AN_LEX_FUNCTION | AN_LEX_SPEECH | AN_LEX_TIME | AN_LEX_ROLE | AN_LEX_TITLE));
}

/* Marks quotes that are not speech: nicknames, titles, scare quotes. */
static void an_at__speech_kind(an_att *a, an_quote *q, const an_attr *own)
{
    size_t st = q->span.start, en = q->span.end;
    bool dbl;
    size_t ol = an__qmark_at(a->s, a->len, st, &dbl);
    if (!(q->flags & AN_QUOTE_CONTINUATION) || !ol)
        st += ol;
    if (!(q->flags & AN_QUOTE_UNCLOSED) && en > st) {
        size_t b = en - 1;
        while (b > st && ((unsigned char)a->s[b] & 0xC0) == 0x80)
            b--;
        if (an__qmark_at(a->s, a->len, b, &dbl))
            en = b;
    }
    bool title_case, sentence;
    size_t words = an_at__words(a->s, st, en, &title_case, &sentence);
    /* the word before the quote */
    an_tok prev[4];
    size_t ps = q->span.start > 40 ? q->span.start - 40 : 0;
    size_t np = 0;
    {
        an_tok buf[AN_AT_MAXTOK];
        size_t n = an_at__tokens(a->s, ps, q->span.start, buf, AN_AT_MAXTOK);
        for (size_t i = n > 4 ? n - 4 : 0; i < n; i++)
            prev[np++] = buf[i];
    }
    bool after_title_word = np > 0 && prev[np - 1].kind == AN_TK_WORD &&
                            AN_AT_IN(an_at__title_words, a->s + prev[np - 1].s,
                                     prev[np - 1].e - prev[np - 1].s, true);
    bool nickname = words <= 2 && np > 0 && an_at__upper(a->s, a->len, &prev[np - 1]) &&
                    q->span.start == prev[np - 1].e + 1 && q->span.end + 1 < a->len &&
                    a->s[q->span.end] == ' ' && isupper((unsigned char)a->s[q->span.end + 1]);
    bool not_speech = false;
    if (q->flags & AN_QUOTE_HEADLINE)
        not_speech = !own->found || words <= 3;
    else if (nickname || (!own->found && an_at__modifies_noun(a, q, en, words)))
        not_speech = true;
    else if (title_case && !sentence && (after_title_word || !own->found || words >= 2))
        not_speech = true;
    else if (words <= 3 && !own->found && !own->cue_seen)
        not_speech = true;
    if (not_speech)
        q->flags |= AN_QUOTE_NOT_SPEECH;
    else if (words > 0 && !(q->flags & AN_QUOTE_CONTINUATION) && st < en &&
             islower((unsigned char)a->s[st]))
        q->flags |= AN_QUOTE_PARTIAL; /* starts lowercase: a fragment of the sentence */
}

/* ---- the pass ------------------------------------------------------------- */

/* Rule 4c, for a quote nothing attributes: the subject of its own sentence
 * when that is a named person or organization ("X, of the University of
 * Y, studies "…""), or of the sentence before it in its paragraph ("Unhappy
 * with the role, she left the series. "This is not what I wanted.""),
 * else for a quote opening its paragraph the person named last in the
 * paragraph before. An entity index or -1. */
static int32_t an_at__context_speaker(an_att *a, const an_quote *q, size_t prev_end)
{
    size_t ps = an_at__para_start(a->s, q->span.start, AN_AT_WINDOW);
    size_t ws = prev_end > ps ? prev_end : ps;
    an_at__load_before(a, ws, q->span.start);
    an_attr t = {0};
    bool subject = a->ntok > 0 && an_at__subject_of_clause(a, 0, a->ntok, &t);
    if (!subject && a->ntok == 0) { /* the quote starts a sentence: the sentence before */
        size_t e = q->span.start;
        while (e > ws && an_at__is_space(a->s, a->len, e - 1))
            e--;
        if (e > ws + 1 && (a->s[e - 1] == '.' || a->s[e - 1] == '!' || a->s[e - 1] == '?')) {
            an_at__load_before(a, ws, e - 1);
            subject = a->ntok > 0 && an_at__subject_of_clause(a, 0, a->ntok, &t) &&
                      (t.subj == AN_SUBJ_PRONOUN ||
                       (t.subj == AN_SUBJ_MENTION &&
                        a->doc->entities.items[a->doc->mentions.items[t.mention].entity].kind ==
                            AN_ENTITY_PERSON)); /* a person: "Four Navy ships are searching" is no speaker */
        }
    }
    char pron = subject && t.subj == AN_SUBJ_PRONOUN ? an_at__third_person(a->s, t.subject) : 0;
    if (subject && t.subj != AN_SUBJ_SOURCE && t.subj != AN_SUBJ_ROLE &&
        (t.subj != AN_SUBJ_PRONOUN || pron == 'h' || pron == 's')) {
        an_quote tmp = *q;
        an_at__materialize(a, &t, &tmp);
        return tmp.speaker;
    }
    if (!an_at__opens_paragraph(a, q->span.start, ps) || ps == 0 || ps <= prev_end)
        return -1;
    size_t pps = an_at__para_start(a->s, ps - 1 > 0 ? ps - 1 : 0, AN_AT_WINDOW);
    int32_t e = an_at__antecedent(a, ps, false, AN_GENDER_UNKNOWN);
    if (e < 0)
        return -1;
    /* only a person named in that paragraph */
    size_t i = an_at__lower(a, ps);
    if (i == 0 || a->doc->mentions.items[a->order[i - 1]].span.start < pps)
        return -1;
    return e;
}

/* True when only spaces and , : or a dash separate the attribution from
 * the quote it introduces. */
static bool an_at__adjacent(const an_att *a, const an_attr *r, size_t quote)
{
    size_t e = r->cue.end > r->subject.end ? r->cue.end : r->subject.end;
    if (e > quote || quote - e > 8)
        return false;
    for (size_t p = e; p < quote; p++)
        if (a->s[p] != ' ' && a->s[p] != ',' && a->s[p] != ':' && a->s[p] != '\n' &&
            a->s[p] != '\r')
            return false;
    return true;
}

/* True when a person other than `speaker` is named in [s, e) outside
 * quotes: the speaker is carried forward only until someone else is
 * named. */
static bool an_at__other_person_between(const an_att *a, size_t s, size_t e, int32_t speaker)
{
    for (size_t i = an_at__lower(a, s); i < a->n_order && a->starts[i] < e; i++) {
        const an_mention *m = &a->doc->mentions.items[a->order[i]];
        if ((int32_t)m->entity != speaker &&
            a->doc->entities.items[m->entity].kind == AN_ENTITY_PERSON &&
            !an_at__in_quote(a, m->span.start))
            return true;
    }
    return false;
}

/* True when a quote nothing attributes can carry the last speaker on: it
 * opens its paragraph, or the last quote is in the same paragraph. A quote
 * inside another paragraph's sentence ("What about the adage, "…"?") is
 * that sentence's, not the last speaker's. */
static bool an_at__carries_on(const an_att *a, const an_quote *q, size_t last_quote_end)
{
    size_t ps = an_at__para_start(a->s, q->span.start, AN_AT_WINDOW * 3);
    if (last_quote_end >= ps)
        return true;
    return an_at__opens_paragraph(a, q->span.start, ps);
}

/* True when the quote's own text ends a sentence ("… the end.") */
static bool an_at__ends_sentence(const an_att *a, const an_quote *q)
{
    size_t e = q->span.end;
    while (e > q->span.start && ((unsigned char)a->s[e - 1] & 0xC0) == 0x80)
        e--;
    if (e > q->span.start)
        e--; /* the closing mark */
    char c = e > q->span.start ? a->s[e - 1] : 0;
    return c == '.' || c == '?' || c == '!';
}

/* True when [s, e) holds no sentence end, and no paragraph break unless
 * it ends with a colon (`called it "dangerous" and "ideological":`). */
static bool an_at__same_sentence(const an_att *a, size_t s, size_t e)
{
    if (e <= s || e - s > 200)
        return false;
    size_t last = e;
    while (last > s && an_at__is_space(a->s, e, last - 1))
        last--;
    bool colon = last > s && a->s[last - 1] == ':';
    for (size_t p = s; p < e; p++)
        if (a->s[p] == '.' || a->s[p] == '?' || a->s[p] == '!' || (a->s[p] == '\n' && !colon))
            return false;
    return true;
}

void an__attribution_resolve(an_doc *doc)
{
    an_att a;
    memset(&a, 0, sizeof a);
    a.doc = doc;
    a.s = doc->prose;
    a.len = doc->len;
    a.n_quotes = doc->quotes.len;
    a.last_named.entity = -1;
    assert(AN_AT_SORTED(an_at__cues) && AN_AT_SORTED(an_at__naming) &&
           AN_AT_SORTED(an_at__right_cues) && AN_AT_SORTED(an_at__weak_inverted) &&
           AN_AT_SORTED(an_at__skips) && AN_AT_SORTED(an_at__passive) && AN_AT_SORTED(an_at__dets) &&
           AN_AT_SORTED(an_at__source_nouns) && AN_AT_SORTED(an_at__title_words));
    an_at__index(&a);
    size_t prev_end = 0; /* end of the last quote or of its attribution */
    int32_t last_speaker = -1;
    size_t last_quote_end = 0;
    bool have_last = false, prev_speech = false, prev_own = false;
    size_t prev_q = 0; /* 1 + index of the last speech quote, or 0 */
    for (size_t i = 0; i < a.n_quotes; i++) {
        an_quote *q = &doc->quotes.items[i];
        size_t next_start = i + 1 < a.n_quotes ? doc->quotes.items[i + 1].span.start : doc->len;
        an_attr r = {0}, ra = {0};
        bool own = an_at__before(&a, q, prev_end, &r);
        /* `X said, "…"` binds tighter than anything after the quote */
        if (!own || !an_at__adjacent(&a, &r, q->span.start)) {
            bool cue_seen = r.cue_seen;
            if (an_at__after(&a, q, next_start, &ra)) {
                r = ra;
                own = true;
            }
            r.cue_seen |= cue_seen || ra.cue_seen;
        }
        const an_quote *pq = prev_q ? &doc->quotes.items[prev_q - 1] : NULL;
        bool interrupted = !own && pq && prev_own && !an_at__ends_sentence(&a, pq) &&
                           an_at__same_sentence(&a, pq->span.end, q->span.start);
        if (interrupted)
            r.cue_seen = true; /* `"A," he said, "B."`; called it "dangerous" and "ideological" */
        an_at__speech_kind(&a, q, &r);
        prev_speech = !(q->flags & AN_QUOTE_NOT_SPEECH);
        if (!prev_speech) {
            prev_end = q->span.end;
            continue;
        }
        if (own) {
            an_at__materialize(&a, &r, q);
        } else if (interrupted) {
            q->speaker = pq->speaker;
            q->speaker_mention = pq->speaker_mention;
            q->source_phrase = pq->source_phrase;
            q->cue = pq->cue;
        } else if (an_at__reported(&a, q, prev_end, &r)) {
            an_quote tmp = *q;
            an_at__materialize(&a, &r, &tmp);
            q->speaker = tmp.speaker; /* the cue is not this quote's own */
        } else if (have_last && q->span.start - last_quote_end < AN_AT_WINDOW * 3 &&
                   an_at__carries_on(&a, q, last_quote_end) &&
                   !an_at__other_person_between(&a, last_quote_end, q->span.start, last_speaker)) {
            q->speaker = last_speaker;
            q->flags |= AN_QUOTE_CONTINUATION;
        } else {
            q->speaker = an_at__context_speaker(&a, q, prev_end);
        }
        prev_q = i + 1;
        prev_own = own || interrupted;
        if (q->speaker >= 0 || q->source_phrase.end > q->source_phrase.start) {
            last_speaker = q->speaker;
            have_last = true;
        }
        last_quote_end = q->span.end;
        prev_end = q->span.end;
        if (own && r.cue.start >= q->span.end) {
            size_t e = r.subject.end > r.cue.end ? r.subject.end : r.cue.end;
            if (e > prev_end && e <= next_start)
                prev_end = e;
        }
    }
    free(a.starts);
    free(a.order);
}
