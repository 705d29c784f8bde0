/* rules_people.c - person.surname-before-introduction, person.name-variant,
 * person.ambiguous-surname, person.full-name-repeated, names.house-spelling. */
#include "lexicon.h"
#include "rules_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words a name is often preceded by without being part of it. */
static const char *const an_rp__titles[] = {
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Miss", "Sir", "Dame", "Lord", "Lady", "Gov", "Governor",
    "Sen", "Senator", "Rep", "Representative", "President", "Minister", "Secretary",
    "Ambassador", "General", "Gen", "Col", "Colonel", "Lt", "Sgt", "Capt", "Captain", "Prime",
    "Chancellor", "King", "Queen", "Prince", "Princess", "Judge", "Justice", "Professor", "Prof",
    "Rev", "Father", "Sister", "Sheikh", "Chief", "Director", "Officer", "Mayor", "Pope",
    "Cardinal", "Bishop", "Coach", "Foreign", "Defense", "Defence", "Deputy", "Vice", "Former",
    "Spokesman", "Spokeswoman", "Commissioner", "Inspector", "Detective", "Agent", "Admiral",
    "Major", "Chairman", "Chairwoman", "Premier", "Emir", "Ayatollah", "Imam", "Rabbi", NULL};

/* Nouns after a surname that make it a modifier ("the Bush administration"). */
static const char *const an_rp__modified[] = {
    "administration", "government", "family", "era", "doctrine", "campaign", "presidency",
    "years", "cabinet", "team", "camp", "regime", "estate", "foundation", NULL};

/* Verbs after a bare surname that show it names a person. */
static const char *const an_rp__person_verbs[] = {
    "said", "says", "told", "tells", "added", "adds", "asked", "declined", "denied", "argued",
    "wrote", "noted", "explained", "insisted", "warned", "replied", "responded", "admitted",
    "acknowledged", "stated", "claimed", "believes", "thinks", "spoke", "met", "visited",
    "announced", "confirmed", "called", "urged", "did", "does", "has", "had", "is", "was",
    "will", "would", "could", NULL};

/* True when the word after wi is one of the person verbs. */
static bool an_rp__verb_follows(const an_rules_ctx *cx, size_t wi)
{
    if (wi + 1 >= cx->words.len)
        return false;
    an_span n = cx->words.items[wi + 1].span;
    return n.start - cx->words.items[wi].span.end <= 2 && an_rules__word_in(cx->doc, n, an_rp__person_verbs);
}

/* Words after a sentence-opening name that show it is the subject: adverbs
 * of sequence, irregular past tenses and a few present ones (a regular
 * past is any -ed word of four letters or more: "died"; the person verbs
 * above count too). */
static const char *const an_rp__subject_next[] = {
    "also", "further", "later", "then", "first", "still", "never", "previously", "again",
    "finally", "recently", "now", "once", "initially", "subsequently", "eventually", "became",
    "won", "ran", "went", "made", "took", "gave", "led", "heads", "leads", "served", "remains",
    "and", "withdrew", "left", "lost", "came", "began", "held", "brought", "sent", "found",
    "chose", "beat", "fought", "sold", "bought", "built", "paid", "stood", "fell", "rose", "knew",
    "thought", "felt", "kept", "got", "saw", "flew", "makes", "takes", "wants", "plans", "hopes",
    "faces", "lives", NULL};

/* True when what follows word wi makes it a person acting: a reporting or
 * person verb, a past tense (-ed), an adverb of sequence, or an
 * appositive ("Khosla, who ...", "Pohiva, the prime minister"). */
static bool an_rp__subject_follows(const an_rules_ctx *cx, size_t wi)
{
    if (an_rp__verb_follows(cx, wi))
        return true;
    if (wi + 1 >= cx->words.len)
        return false;
    const an_doc *doc = cx->doc;
    const an_word *w = &cx->words.items[wi], *n = &cx->words.items[wi + 1];
    size_t gap = n->span.start - w->span.end, len = n->span.end - n->span.start;
    if (n->capitalized)
        return false;
    if (gap == 2 && doc->prose[w->span.end] == ',' && doc->prose[w->span.end + 1] == ' ')
        return true;
    if (gap != 1 || doc->prose[w->span.end] != ' ')
        return false;
    return an_rules__word_in(doc, n->span, an_rp__subject_next) ||
           (len > 3 && doc->text[n->span.end - 2] == 'e' && doc->text[n->span.end - 1] == 'd') ||
           (an_lex_lookup(doc->text + n->span.start, len) & AN_LEX_SPEECH);
}

static bool an_rp__same(const an_doc *doc, an_span a, an_span b)
{
    return a.end - a.start == b.end - b.start &&
           memcmp(doc->text + a.start, doc->text + b.start, a.end - a.start) == 0;
}

/* Words [*first, *last) of cx->words inside span. */
static size_t an_rp__words_in(const an_rules_ctx *cx, an_span sp, size_t *first)
{
    size_t i = an_rules__word_from(cx, sp.start), n = 0;
    *first = i;
    while (i + n < cx->words.len && cx->words.items[i + n].span.end <= sp.end)
        n++;
    return n;
}

static bool an_rp__suffix(const an_doc *doc, an_span w)
{
    static const char *const sfx[] = {"Jr", "Sr", "II", "III", "IV", NULL};
    return an_rules__word_in(doc, w, sfx);
}

/* False for a first word that makes a "full name" something else:
 * "Florida Highway Patrol", "Typhoon Phanfone", "London Sadiq Khan". */
static bool an_rp__person_like(const an_rules_ctx *cx, an_span first_word)
{
    if (first_word.end - first_word.start == 1)
        return true; /* an initial: "O.J. Simpson" */
    uint32_t f = an_lex_lookup(cx->doc->text + first_word.start, first_word.end - first_word.start);
    if (f & (AN_LEX_FIRST | AN_LEX_TITLE | AN_LEX_HONORIFIC))
        return true;
    return !(f & (AN_LEX_PLACE | AN_LEX_WORD | AN_LEX_TIME | AN_LEX_NATIONALITY |
                  AN_LEX_FUNCTION | AN_LEX_NOT_NAME));
}

/* True when w is an initial or initials: "O" of "O.J.", "J.R.R.". */
static bool an_rp__initials(const an_doc *doc, an_span w)
{
    size_t n = w.end - w.start;
    if (n == 1)
        return doc->text[w.start] >= 'A' && doc->text[w.start] <= 'Z';
    for (size_t i = 0; i < n; i++) {
        char c = doc->text[w.start + i];
        if (i % 2 ? c != '.' : !(c >= 'A' && c <= 'Z'))
            return false;
    }
    return true;
}

/* A person's first full-name mention in body text (a headline does not
 * introduce anyone), else the first anywhere; an index into doc->mentions,
 * or -1. */
static ptrdiff_t an_rp__intro(const an_rules_ctx *cx, const an_entity *e)
{
    ptrdiff_t any = -1;
    for (size_t i = 0; i < e->n_mentions; i++) {
        const an_mention *m = &cx->doc->mentions.items[e->mentions[i]];
        size_t first;
        if ((m->kind == AN_MENTION_NAME || m->kind == AN_MENTION_TITLE) &&
            an_rp__words_in(cx, m->span, &first) >= 2 &&
            (!cx->words.items[first].all_caps || an_rp__initials(cx->doc, cx->words.items[first].span)) &&
            an_rp__person_like(cx, cx->words.items[first].span)) {
            if (an_rules__in_body(cx, m->span.start))
                return (ptrdiff_t)e->mentions[i];
            if (any < 0)
                any = (ptrdiff_t)e->mentions[i];
        }
    }
    return any;
}

/* The surname word of a full-name mention: its last word before Jr./III. */
static an_span an_rp__surname(const an_rules_ctx *cx, an_span name)
{
    size_t first, n = an_rp__words_in(cx, name, &first);
    while (n > 1 && an_rp__suffix(cx->doc, cx->words.items[first + n - 1].span))
        n--;
    return n ? cx->words.items[first + n - 1].span : name;
}

/* The entity of a mention covering offset (-1 when none), and how many
 * words that mention has. */
static int32_t an_rp__covering(const an_rules_ctx *cx, an_span w, size_t *words)
{
    int32_t m = an_doc_mention_at(cx->doc, w.start);
    *words = 0;
    if (m < 0)
        return -1;
    an_rules_lazy *lazy = cx->lazy; /* the count of each mention is kept */
    if (!lazy->mention_words)
        lazy->mention_words = calloc(cx->doc->mentions.len, sizeof *lazy->mention_words);
    if (lazy->mention_words && lazy->mention_words[m] != 0) {
        *words = lazy->mention_words[m] - 1;
    } else {
        size_t first;
        *words = an_rp__words_in(cx, cx->doc->mentions.items[m].span, &first);
        if (lazy->mention_words && *words < UINT32_MAX)
            lazy->mention_words[m] = (uint32_t)*words + 1;
    }
    return (int32_t)cx->doc->mentions.items[m].entity;
}

/* True when word i stands alone: no capitalized neighbour that makes it
 * part of a longer name, no noun making it a modifier. Titles before it
 * are fine ("Foreign Minister Mottaki"), and so is a capitalized word that
 * merely starts the sentence ("Yesterday Mottaki said"). */
static bool an_rp__stands_alone(const an_rules_ctx *cx, size_t i)
{
    const an_doc *doc = cx->doc;
    const an_word *w = &cx->words.items[i];
    if (i > 0) {
        const an_word *p = &cx->words.items[i - 1];
        bool adjacent = w->span.start == p->span.end + 1 && doc->prose[p->span.end] == ' ';
        if (adjacent && p->capitalized && !an_rules__sentence_start(cx, p) &&
            !an_rules__word_in(doc, p->span, an_rp__titles))
            return false;
    }
    if (i + 1 < cx->words.len) {
        const an_word *n = &cx->words.items[i + 1];
        bool adjacent = n->span.start == w->span.end + 1 && doc->prose[w->span.end] == ' ';
        if (adjacent && (n->capitalized || an_rules__word_in(doc, n->span, an_rp__modified)))
            return false;
    }
    return true;
}

/* ---- person.surname-before-introduction -------------------------------- */

/* The surnames of the full-name mentions of people, for
 * an_rp__surname_introduced: each distinct spelling once, with where it is
 * first given, and a memo of the answer per word spelling. */
typedef struct an_rp_surnames {
    bool built; /* at the first question: most drafts never ask one */
    an_name_keys keys;
    AN_VEC(int32_t) key;      /* each distinct surname's comparison keys */
    AN_VEC(an_span) spelling; /* ... an occurrence of it */
    AN_VEC(size_t) first;     /* ... where its first full name starts */
    an_emap index;            /* surname spelling -> its position above */
    an_emap memo;             /* word spelling -> index into `earliest` */
    AN_VEC(size_t) earliest;  /* the first full name whose surname is the word or a variant */
} an_rp_surnames;

static void an_rp__surnames_build(const an_rules_ctx *cx, an_rp_surnames *sn)
{
    const an_doc *doc = cx->doc;
    sn->built = true;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const an_mention *m = &doc->mentions.items[i];
        size_t first;
        if (doc->entities.items[m->entity].kind != AN_ENTITY_PERSON ||
            (m->kind != AN_MENTION_NAME && m->kind != AN_MENTION_TITLE) ||
            an_rp__words_in(cx, m->span, &first) < 2)
            continue;
        an_span sur = an_rp__surname(cx, m->span);
        const char *s = doc->text + sur.start;
        size_t n = sur.end - sur.start;
        if (an_emap_get(&sn->index, s, n) != AN_EMAP_NONE)
            continue; /* mentions are in text order: the first one is kept */
        if (an_emap_put(&sn->index, s, n, (int32_t)sn->first.len, 1) != 0 ||
            AN_VEC_PUSH(sn->key, an_rules__name_key(&sn->keys, s, n)) != 0 ||
            AN_VEC_PUSH(sn->spelling, sur) != 0 || AN_VEC_PUSH(sn->first, m->span.start) != 0)
            break;
    }
}

static void an_rp__surnames_free(an_rp_surnames *sn)
{
    an_rules__name_keys_free(&sn->keys);
    free(sn->key.items);
    free(sn->spelling.items);
    free(sn->first.items);
    an_emap_free(&sn->index);
    an_emap_free(&sn->memo);
    free(sn->earliest.items);
}

/* Where the first full name of a person whose surname is word, or a
 * spelling variant of it, starts; SIZE_MAX when there is none. */
static size_t an_rp__surname_first(const an_rules_ctx *cx, an_rp_surnames *sn, an_span word)
{
    const char *s = cx->doc->text + word.start;
    size_t n = word.end - word.start;
    if (!sn->built)
        an_rp__surnames_build(cx, sn);
    int32_t memo = an_emap_get(&sn->memo, s, n);
    if (memo >= 0)
        return sn->earliest.items[memo];
    int32_t kw = an_rules__name_key(&sn->keys, s, n);
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < sn->first.len; k++)
        if (sn->first.items[k] < best &&
            (an_rp__same(cx->doc, sn->spelling.items[k], word) ||
             an_rules__variant_k(&sn->keys, sn->key.items[k], kw)))
            best = sn->first.items[k];
    if (AN_VEC_PUSH(sn->earliest, best) == 0)
        an_emap_put(&sn->memo, s, n, (int32_t)(sn->earliest.len - 1), 1);
    return best;
}

/* True when some person's full name ending in this word (any entity: the
 * entity pass may split one person) appears before offset. */
static bool an_rp__surname_introduced(const an_rules_ctx *cx, an_rp_surnames *sn, an_span word,
                                      size_t before)
{
    const an_doc *doc = cx->doc;
    /* "Robert Mugabe" in the text before, whether or not the entity pass saw it */
    size_t n_occ;
    const uint32_t *occ = an_rules__occurrences(cx, word, &n_occ);
    for (size_t k = 0; k < n_occ && cx->words.items[occ[k]].span.start < before; k++) {
        if (occ[k] == 0)
            continue;
        const an_word *w = &cx->words.items[occ[k]], *p = &cx->words.items[occ[k] - 1];
        if (p->capitalized && w->span.start == p->span.end + 1 &&
            doc->prose[p->span.end] == ' ' && !an_rules__word_in(doc, p->span, an_rp__titles) &&
            (an_lex_lookup(doc->text + p->span.start, p->span.end - p->span.start) & AN_LEX_FIRST))
            return true;
    }
    size_t first = an_rp__surname_first(cx, sn, word);
    return first != SIZE_MAX && first < before;
}

static void an_rp__before_intro_emit(an_rules_ctx *cx, an_rp_surnames *sn, an_span at, an_span intro)
{
    an_span sur = an_rp__surname(cx, intro);
    if (!an_rp__same(cx->doc, at, sur) || an_rp__surname_introduced(cx, sn, at, at.start) ||
        an_rules__in_first_person(cx, at.start))
        return;
    size_t wi = an_rules__word_from(cx, at.start);
    if (wi + 1 < cx->words.len && cx->doc->prose[at.end] == ',' &&
        (an_lex_lookup(cx->doc->text + cx->words.items[wi + 1].span.start,
                       cx->words.items[wi + 1].span.end - cx->words.items[wi + 1].span.start) &
         AN_LEX_PLACE))
        return; /* "Allen, Texas": a place */
    uint32_t lex = an_lex_lookup(cx->doc->text + at.start, at.end - at.start);
    if (lex & (AN_LEX_NATIONALITY | AN_LEX_NOT_NAME | AN_LEX_FUNCTION))
        return;
    if ((lex & (AN_LEX_WORD | AN_LEX_PLACE | AN_LEX_TIME)) &&
        !an_rp__verb_follows(cx, an_rules__word_from(cx, at.start)))
        return; /* "Fire", "Florida", "Day": a surname only when a verb follows ("Paris said") */
    char a[96], b[96], msg[400];
    an_rules__excerpt(cx->doc, at, a, sizeof a);
    an_rules__excerpt(cx->doc, intro, b, sizeof b);
    snprintf(msg, sizeof msg,
             "%s appears before the person is introduced as %s: give the full name at the first "
             "reference.", a, b);
    an_rules__emit(cx, AN_RULE_PERSON_SURNAME_BEFORE_INTRO, at, msg, intro,
                   "the full name is first given here", NULL);
}

/* A first full name: where a surname is introduced. */
typedef struct an_rp_intro {
    an_span name, surname;
} an_rp_intro;

typedef AN_VEC(an_rp_intro) an_rp_intros;

/* Words before a capitalized word that make it the name of a thing, not a
 * person: "a drink called Santorum", "a ship named Endurance". */
static const char *const an_rp__naming[] = {"called", "named", "dubbed", "nicknamed", "titled",
                                            "entitled", "renamed", NULL};

/* "Johnnie Christmas": a given name from the lexicon, then a capitalized
 * word, in body text: a full name the entity pass may have missed. */
static bool an_rp__text_full_name(const an_rules_ctx *cx, size_t i)
{
    const an_doc *doc = cx->doc;
    const an_word *w = &cx->words.items[i], *p = &cx->words.items[i - 1];
    if (!w->capitalized || w->all_caps || !p->capitalized || p->all_caps ||
        w->span.start != p->span.end + 1 || doc->prose[p->span.end] != ' ' ||
        !an_rules__word_in_body(cx, w) || w->speech)
        return false;
    uint32_t pf = an_lex_lookup(doc->text + p->span.start, p->span.end - p->span.start);
    if (!(pf & AN_LEX_FIRST) || (pf & (AN_LEX_TIME | AN_LEX_FUNCTION | AN_LEX_PLACE)) ||
        ((pf & AN_LEX_WORD) && an_rules__sentence_start(cx, p)))
        return false;
    uint32_t wf = an_lex_lookup(doc->text + w->span.start, w->span.end - w->span.start);
    if (wf & (AN_LEX_FUNCTION | AN_LEX_NATIONALITY | AN_LEX_NOT_NAME | AN_LEX_ORG_HEAD))
        return false;
    return i + 1 >= cx->words.len || !cx->words.items[i + 1].capitalized ||
           cx->words.items[i + 1].span.start != w->span.end + 1;
}

/* Each surname's first introduction: the intro of every person entity,
 * and given name + word pairs in the text. by_surname maps the surname's
 * spelling to the earliest intro (index into out). */
static void an_rp__collect_intros(const an_rules_ctx *cx, an_rp_intros *out, an_emap *by_surname)
{
    const an_doc *doc = cx->doc;
    for (uint32_t e = 0; e < doc->entities.len; e++) {
        ptrdiff_t in = doc->entities.items[e].kind == AN_ENTITY_PERSON
                           ? an_rp__intro(cx, &doc->entities.items[e]) : -1;
        if (in >= 0) {
            an_span name = doc->mentions.items[in].span;
            AN_VEC_PUSH(*out, ((an_rp_intro){name, an_rp__surname(cx, name)}));
        }
    }
    for (size_t ci = 0; ci < cx->capitalized.len; ci++) {
        size_t i = cx->capitalized.items[ci];
        if (i >= 1 && an_rp__text_full_name(cx, i))
            AN_VEC_PUSH(*out, ((an_rp_intro){{cx->words.items[i - 1].span.start,
                                              cx->words.items[i].span.end},
                                             cx->words.items[i].span}));
    }
    for (size_t k = 0; k < out->len; k++) {
        an_span s = out->items[k].surname;
        int32_t have = an_emap_get(by_surname, doc->text + s.start, s.end - s.start);
        if (have < 0 || out->items[have].name.start > out->items[k].name.start)
            an_emap_put(by_surname, doc->text + s.start, s.end - s.start, (int32_t)k, 1);
    }
}

/* "Conway's Game of Life", "Halley's Comet": a possessive surname that
 * names a thing after the person. */
static bool an_rp__eponym(const an_doc *doc, an_span w)
{
    const unsigned char *t = (const unsigned char *)doc->prose;
    size_t i = w.end;
    if (i + 1 < doc->len && t[i] == '\'' && t[i + 1] == 's')
        i += 2;
    else if (i + 3 < doc->len && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x99 && t[i + 3] == 's')
        i += 4;
    else
        return false;
    return i + 1 < doc->len && t[i] == ' ' && t[i + 1] >= 'A' && t[i + 1] <= 'Z';
}

/* True when word wi may be a surname used before its introduction: a
 * one-word person mention, or a word the entity pass left alone that a
 * reporting verb follows ("Christmas said"). */
static bool an_rp__early_candidate(const an_rules_ctx *cx, size_t wi, an_span at)
{
    const an_doc *doc = cx->doc;
    if (!an_rules__in_body(cx, at.start) || cx->words.items[wi].speech || /* at starts word wi */
        !an_rp__stands_alone(cx, wi) || an_rp__eponym(doc, at))
        return false;
    if (wi > 0 && an_rules__word_in(doc, cx->words.items[wi - 1].span, an_rp__naming))
        return false;
    size_t nwords;
    int32_t ent = an_rp__covering(cx, at, &nwords);
    if (ent >= 0 && doc->entities.items[ent].kind == AN_ENTITY_PERSON) {
        const an_mention *m = &doc->mentions.items[an_doc_mention_at(doc, at.start)];
        return nwords == 1 || (m->kind == AN_MENTION_HONORIFIC && m->span.end == at.end);
    }
    return an_rp__verb_follows(cx, wi);
}

/* A bare surname before any full name that ends in it, whichever entity
 * the entity pass gave it to (it may split one person, or two people may
 * share the surname: "Whitman said" before Walt and George Whitman). */
static void an_rp__before_intro(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    an_rp_intros intros = {0};
    an_emap by_surname = {0};
    an_rp_surnames sn = {0};
    an_rp__collect_intros(cx, &intros, &by_surname);
    size_t upto = 0; /* mentions starting at or before the word: words are in order */
    for (size_t ci = 0; intros.len && ci < cx->capitalized.len; ci++) {
        size_t i = cx->capitalized.items[ci];
        const an_word *w = &cx->words.items[i];
        if (w->all_caps)
            continue;
        an_span at = w->span;
        while (upto < doc->mentions.len && doc->mentions.items[upto].span.start <= at.start)
            upto++;
        int32_t m = upto > 0 && at.start < doc->mentions.items[upto - 1].span.end
                        ? (int32_t)upto - 1
                        : -1;
        assert(m == an_doc_mention_at(doc, at.start));
        if (m >= 0 && doc->mentions.items[m].span.start == at.start &&
            doc->mentions.items[m].span.end < at.end)
            at.end = doc->mentions.items[m].span.end; /* "Conway's": the name without 's */
        int32_t k = an_emap_get(&by_surname, doc->text + at.start, at.end - at.start);
        if (k < 0 || intros.items[k].name.start <= at.start || !an_rp__early_candidate(cx, i, at))
            continue;
        an_rp__before_intro_emit(cx, &sn, at, intros.items[k].name);
    }
    an_emap_free(&by_surname);
    free(intros.items);
    an_rp__surnames_free(&sn);
}

/* ---- person.full-name-repeated ------------------------------------------ */

/* The courtesy title for a person introduced as `intro`, from the given
 * name's usual sex: "Mr.", "Ms.", or NULL when the name does not tell. */
static const char *an_rp__courtesy(const an_rules_ctx *cx, an_span intro)
{
    size_t first;
    if (an_rp__words_in(cx, intro, &first) < 2)
        return NULL;
    an_span g = cx->words.items[first].span;
    uint32_t f = an_lex_lookup(cx->doc->text + g.start, g.end - g.start);
    bool dot = cx->opt->courtesy_title_period == AN_COURTESY_PERIOD; /* courtesyTitle.period */
    return (f & AN_LEX_MALE) ? (dot ? "Mr." : "Mr") : (f & AN_LEX_FEMALE) ? (dot ? "Ms." : "Ms") : NULL;
}

/* names.laterReference: courtesyTitle (NYT): a later reference by the bare
 * surname, where the desk writes "Mr. Mottaki". Titles ("President
 * Obama") and honorifics before it are fine; so are quotes. */
static void an_rp__courtesy_later(an_rules_ctx *cx, const an_entity *e, an_span in)
{
    const an_doc *doc = cx->doc;
    an_span sur = an_rp__surname(cx, in);
    const char *title = an_rp__courtesy(cx, in);
    const char *either = cx->opt->courtesy_title_period == AN_COURTESY_PERIOD ? "Mr. or Ms." : "Mr or Ms";
    if (an_rules__juvenile(cx, in))
        return; /* a child is called by the given name (names.juvenileAge) */
    for (size_t i = 0; i < e->n_mentions; i++) {
        const an_mention *m = &doc->mentions.items[e->mentions[i]];
        size_t first;
        if (m->span.start <= in.start || m->kind != AN_MENTION_SURNAME ||
            an_rp__words_in(cx, m->span, &first) != 1 || !an_rp__same(doc, m->span, sur) ||
            !an_rules__in_body(cx, m->span.start) || an_rules__in_speech(doc, m->span.start) ||
            an_rules__in_first_person(cx, m->span.start) || an_rp__eponym(doc, m->span))
            continue;
        if (first > 0 && (an_rules__word_in(doc, cx->words.items[first - 1].span, an_rp__titles) ||
                          (an_lex_lookup(doc->text + cx->words.items[first - 1].span.start,
                                         cx->words.items[first - 1].span.end -
                                             cx->words.items[first - 1].span.start) &
                           (AN_LEX_TITLE | AN_LEX_HONORIFIC))))
            continue;
        char a[96], msg[400], repl[128];
        an_rules__excerpt(doc, m->span, a, sizeof a);
        snprintf(msg, sizeof msg,
                 "%s alone: this desk gives later references a courtesy title (%s %.*s) "
                 "(names.laterReference: courtesyTitle).", a, title ? title : either,
                 (int)(sur.end - sur.start), doc->text + sur.start);
        snprintf(repl, sizeof repl, "%s %.*s", title ? title : "", (int)(sur.end - sur.start),
                 doc->text + sur.start);
        an_rules__emit(cx, AN_RULE_PERSON_FULL_NAME_REPEATED, m->span, msg, in, "first reference",
                       title ? repl : NULL);
    }
}

/* A speaker label of a Q&A ("((Valeria Gazzola)) So half ...",
 * "Keysers: We ...") at the start of a line: no reference in prose
 * (NEWSROOM §8). */
static bool an_rp__qa_label(const an_doc *doc, an_span sp)
{
    const char *t = doc->text;
    size_t b = sp.start;
    while (b > 0 && (t[b - 1] == '(' || t[b - 1] == '[' || t[b - 1] == ' '))
        b--;
    if (b > 0 && t[b - 1] != '\n')
        return false;
    size_t e = sp.end;
    return e < doc->len && (t[e] == ':' || t[e] == ')' || t[e] == ']');
}

/* "Stefan W", "Josef F.": a name cut to its initial (a suspect's, by
 * privacy law) is all the draft may give, so repeating it is no fault. */
static bool an_rp__initial_surname(const an_doc *doc, an_span sp)
{
    size_t e = sp.end;
    if (e > sp.start && doc->text[e - 1] == '.')
        e--;
    return e >= sp.start + 2 && doc->text[e - 2] == ' ' && doc->text[e - 1] >= 'A' &&
           doc->text[e - 1] <= 'Z';
}

static void an_rp__full_repeated(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    for (uint32_t ent = 0; ent < doc->entities.len; ent++) {
        const an_entity *e = &doc->entities.items[ent];
        ptrdiff_t intro = e->kind == AN_ENTITY_PERSON ? an_rp__intro(cx, e) : -1;
        if (intro < 0 || an_rp__initial_surname(doc, doc->mentions.items[intro].span))
            continue;
        an_span in = doc->mentions.items[intro].span;
        bool courtesy = cx->opt->later_reference == AN_LATER_COURTESY_TITLE;
        if (courtesy)
            an_rp__courtesy_later(cx, e, in);
        for (size_t i = 0; i < e->n_mentions; i++) {
            const an_mention *m = &doc->mentions.items[e->mentions[i]];
            if (m->span.start <= in.start || !an_rp__same(doc, m->span, in) ||
                !an_rules__in_body(cx, m->span.start) || an_rp__qa_label(doc, m->span))
                continue;
            char a[96], msg[300];
            an_rules__excerpt(doc, m->span, a, sizeof a);
            if (an_rules__juvenile(cx, in))
                snprintf(msg, sizeof msg,
                         "%s has already been introduced: later references to a child use the "
                         "given name (names.juvenileAge).", a);
            else if (courtesy)
                snprintf(msg, sizeof msg,
                         "%s has already been introduced: later references use a courtesy title "
                         "and the surname (%s ...).", a,
                         cx->opt->courtesy_title_period == AN_COURTESY_PERIOD ? "Mr. or Ms."
                                                                              : "Mr or Ms");
            else
                snprintf(msg, sizeof msg,
                         "%s has already been introduced: later references use the surname alone "
                         "(or a courtesy title, in NYT style).", a);
            an_rules__emit(cx, AN_RULE_PERSON_FULL_NAME_REPEATED, m->span, msg, in,
                           "first reference", NULL);
        }
    }
}

/* ---- names: the spellings of people's names ----------------------------- */

/* A word of some person's full-name mention. */
typedef struct an_token {
    an_span span;
    uint32_t entity;
    bool surname;
} an_token;

typedef AN_VEC(an_token) an_tokens;

static void an_rp__collect_tokens(const an_rules_ctx *cx, an_tokens *out)
{
    const an_doc *doc = cx->doc;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const an_mention *m = &doc->mentions.items[i];
        if (doc->entities.items[m->entity].kind != AN_ENTITY_PERSON ||
            (m->kind != AN_MENTION_NAME && m->kind != AN_MENTION_TITLE))
            continue;
        size_t first, n = an_rp__words_in(cx, m->span, &first);
        if (n < 2)
            continue;
        an_span sur = an_rp__surname(cx, m->span);
        for (size_t k = 0; k < n; k++) {
            an_span w = cx->words.items[first + k].span;
            if (cx->words.items[first + k].capitalized && !an_rp__suffix(doc, w))
                AN_VEC_PUSH(*out, ((an_token){w, m->entity, w.start == sur.start}));
        }
    }
}

/* Occurrences of the exact spelling at span as a whole word, and the first. */
static size_t an_rp__count(const an_rules_ctx *cx, an_span sp, an_span *first)
{
    size_t n;
    const uint32_t *occ = an_rules__occurrences(cx, sp, &n);
    if (n > 0)
        *first = cx->words.items[occ[0]].span;
    return n;
}

typedef struct an_pair {
    an_span a, b; /* two spellings, by example occurrence */
} an_pair;

typedef AN_VEC(an_pair) an_pairs;

static void an_rp__add_pair(const an_doc *doc, an_pairs *pairs, an_span a, an_span b)
{
    for (size_t i = 0; i < pairs->len; i++) {
        an_pair *p = &pairs->items[i];
        if ((an_rp__same(doc, p->a, a) && an_rp__same(doc, p->b, b)) ||
            (an_rp__same(doc, p->a, b) && an_rp__same(doc, p->b, a)))
            return;
    }
    AN_VEC_PUSH(*pairs, ((an_pair){a, b}));
}

/* True when one spelling is the other plus a final vowel or r: a derived
 * word or another name (State/Stater, Auriga/Aurigae, Martin/Martina),
 * not a slip of the keyboard. A doubled final letter (Hamill/Hamil) and a
 * lost consonant (Štefl/Štef) stay variants. */
static bool an_rp__letter_added(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen > blen) {
        const char *t = a;
        a = b, b = t;
        size_t n = alen;
        alen = blen, blen = n;
    }
    return blen == alen + 1 && alen > 0 && memcmp(a, b, alen) == 0 && b[alen] != b[alen - 1] &&
           strchr("aeiouyr", b[alen]) != NULL;
}

/* A name's word keys not looked up yet (an_rp__word_key). */
#define AN_RP_KEY_UNSET INT32_MIN

/* The name key of word wi, kept in *slot from the first time on: a name's
 * words are compared with those of every name in its two buckets, and
 * each lookup hashed the spelling again. */
static int32_t an_rp__word_key(const an_rules_ctx *cx, an_name_keys *keys, int32_t *slot, size_t wi)
{
    if (*slot == AN_RP_KEY_UNSET) {
        an_span w = cx->words.items[wi].span;
        *slot = an_rules__name_key(keys, cx->doc->text + w.start, w.end - w.start);
    }
    return *slot;
}

/* Tests two distinct full names of na words each (first words fa, fb;
 * their words' keys kept in ka, kb): when they differ in one variant word,
 * with at most one other word sharing only its initial (Lawrence / Larry),
 * adds that pair of words. */
static void an_rp__name_pair(const an_rules_ctx *cx, an_name_keys *keys, an_pairs *pairs, size_t na,
                             size_t fa, int32_t *ka, size_t fb, int32_t *kb)
{
    const an_doc *doc = cx->doc;
    size_t diff = 0, at = 0, same_initial = 0;
    for (size_t k = 0; k < na && diff < 2; k++) {
        an_span x = cx->words.items[fa + k].span, y = cx->words.items[fb + k].span;
        if (an_rp__same(doc, x, y))
            continue;
        bool variant = an_rules__variant_k(keys, an_rp__word_key(cx, keys, &ka[k], fa + k),
                                           an_rp__word_key(cx, keys, &kb[k], fb + k));
        if (!variant && k + 1 < na && doc->text[x.start] == doc->text[y.start])
            same_initial++; /* Lawrence / Larry */
        else
            diff += variant ? 1 : 2, at = k;
    }
    an_span x = cx->words.items[fa + at].span, y = cx->words.items[fb + at].span;
    if (diff == 1 && same_initial <= 1 &&
        !an_rp__letter_added(doc->text + x.start, x.end - x.start, doc->text + y.start,
                             y.end - y.start) &&
        an_rules__variant_k(keys, an_rp__word_key(cx, keys, &ka[at], fa + at),
                            an_rp__word_key(cx, keys, &kb[at], fb + at)))
        an_rp__add_pair(doc, pairs, x, y);
}

typedef struct an_rp_name {
    size_t first, n; /* its words in cx->words */
    size_t keys;     /* ... whose name keys are kept at word_keys[keys ..] */
} an_rp_name;

/* The bucket keys of a name for an_rp__pairs_from_names, into buf:
 * `last` = word count and last word; otherwise word count and the
 * initials of the other words. Returns the length (0: does not fit). */
static size_t an_rp__bucket_key(const an_rules_ctx *cx, const an_rp_name *nm, bool last, char *buf,
                                size_t size)
{
    size_t n = 0;
    buf[n++] = (char)(last ? 'L' : 'I');
    buf[n++] = (char)('0' + nm->n % 64);
    if (last) {
        an_span w = cx->words.items[nm->first + nm->n - 1].span;
        if (w.end - w.start + n > size)
            return 0;
        memcpy(buf + n, cx->doc->text + w.start, w.end - w.start);
        return n + (w.end - w.start);
    }
    for (size_t k = 0; k + 1 < nm->n; k++) {
        if (n == size)
            return 0;
        buf[n++] = cx->doc->text[cx->words.items[nm->first + k].span.start];
    }
    return n;
}

static int an_rp__cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Full names of equal length that differ in one variant word (Zoe Ball /
 * Zoë Ball): two spellings of one person. Each distinct spelling once, so
 * a long draft that repeats its names costs no more than a short one.
 *
 * A pair that an_rp__name_pair accepts either has the same last word (the
 * variant is earlier) or the same initials in every word but the last
 * (the variant is last). So each name is tested only against the names of
 * its two buckets, not against every other name; the pairs are tested in
 * the order of the full pairwise loop, so the result is the same. */
static void an_rp__pairs_from_names(const an_rules_ctx *cx, an_name_keys *keys, an_pairs *pairs)
{
    const an_doc *doc = cx->doc;
    an_emap seen = {0};
    AN_VEC(an_rp_name) names = {0};
    size_t n_keys = 0;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const an_mention *a = &doc->mentions.items[i];
        an_rp_name nm;
        if (doc->entities.items[a->entity].kind != AN_ENTITY_PERSON ||
            (nm.n = an_rp__words_in(cx, a->span, &nm.first)) < 2 ||
            an_emap_get(&seen, doc->text + a->span.start, a->span.end - a->span.start) >= 0)
            continue;
        nm.keys = n_keys;
        if (an_emap_put(&seen, doc->text + a->span.start, a->span.end - a->span.start, 1, 1) != 0 ||
            AN_VEC_PUSH(names, nm) != 0)
            break;
        n_keys += nm.n;
    }
    an_emap_free(&seen);
    int32_t *word_keys = malloc((n_keys ? n_keys : 1) * sizeof *word_keys);
    for (size_t k = 0; word_keys && k < n_keys; k++)
        word_keys[k] = AN_RP_KEY_UNSET;
    /* Bucket b's names (ascending) are members[at[b] .. at[b + 1]). */
    an_emap buckets = {0};
    AN_VEC(uint32_t) bucket_of = {0}; /* 2 per name: last-word bucket, initials bucket */
    char key[128];
    uint32_t n_buckets = 0;
    for (size_t i = 0; i < names.len; i++)
        for (int last = 1; last >= 0; last--) {
            size_t len = an_rp__bucket_key(cx, &names.items[i], last, key, sizeof key);
            int32_t b = len ? an_emap_get(&buckets, key, len) : AN_EMAP_NONE;
            if (len && b == AN_EMAP_NONE && an_emap_put(&buckets, key, len, (int32_t)n_buckets, 1) == 0)
                b = (int32_t)n_buckets++;
            AN_VEC_PUSH(bucket_of, b < 0 ? UINT32_MAX : (uint32_t)b);
        }
    uint32_t *at = calloc((size_t)n_buckets + 1, sizeof *at);
    uint32_t *fill = calloc((size_t)n_buckets + 1, sizeof *fill);
    uint32_t *members = malloc((bucket_of.len ? bucket_of.len : 1) * sizeof *members);
    AN_VEC(size_t) cand = {0};
    if (!at || !fill || !members || !word_keys || bucket_of.len != 2 * names.len)
        goto out;
    for (size_t k = 0; k < bucket_of.len; k++)
        if (bucket_of.items[k] != UINT32_MAX)
            at[bucket_of.items[k] + 1]++;
    for (uint32_t b = 0; b < n_buckets; b++)
        at[b + 1] += at[b];
    memcpy(fill, at, ((size_t)n_buckets + 1) * sizeof *fill);
    for (size_t k = 0; k < bucket_of.len; k++)
        if (bucket_of.items[k] != UINT32_MAX)
            members[fill[bucket_of.items[k]]++] = (uint32_t)(k / 2);
    for (size_t ii = 0; ii < names.len; ii++) {
        cand.len = 0;
        for (int side = 0; side < 2; side++) {
            uint32_t b = bucket_of.items[2 * ii + (size_t)side];
            if (b == UINT32_MAX)
                continue;
            for (uint32_t k = at[b]; k < at[b + 1]; k++)
                if (members[k] > ii)
                    AN_VEC_PUSH(cand, members[k]);
        }
        if (cand.len > 1)
            qsort(cand.items, cand.len, sizeof *cand.items, an_rp__cmp_size);
        for (size_t k = 0; k < cand.len; k++) {
            size_t jj = cand.items[k];
            if (k > 0 && cand.items[k - 1] == jj)
                continue;
            const an_rp_name *a = &names.items[ii], *b = &names.items[jj];
            if (b->n == a->n)
                an_rp__name_pair(cx, keys, pairs, a->n, a->first, word_keys + a->keys, b->first,
                                 word_keys + b->keys);
        }
    }
out:
    an_emap_free(&buckets);
    free(bucket_of.items);
    free(at);
    free(fill);
    free(members);
    free(cand.items);
    free(names.items);
    free(word_keys);
}

#define AN_RP_LEN_CAP 64 /* the distance looks at 64 code points (an_rules__push_cps) */

/* A distinct name word in a length bucket, with what the search reads
 * of every candidate of a long bucket, where the first code point need
 * not match (an_rp__variant_of): one record rather than three arrays. */
struct an_rp_long {
    uint64_t letters; /* of its folded key (an_name_key) */
    uint32_t token;   /* index into distinct */
    bool surname;
};

/* The name words of t, each distinct (spelling, surname) once in order of
 * first occurrence, and a set of their spellings. */
typedef struct an_rp_token_set {
    an_tokens distinct;
    AN_VEC(int32_t) key;  /* cached key of each distinct token */
    an_emap spellings;    /* spelling -> 1 */
    an_emap memo;         /* word spelling -> 2 * distinct index + surname-only bit, or -1 */
    /* The distinct tokens by folded length (code points, capped at
     * AN_RP_LEN_CAP) and first folded code point: bucket b's are
     * by_shape[at[b] .. at[b + 1]), ascending (an_rp__variant_of). */
    an_emap shape;        /* (length, first code point) -> bucket */
    AN_VEC(uint32_t) at;
    AN_VEC(uint32_t) by_shape;
    /* The same by length alone, for the long ones (an_rp_long). */
    AN_VEC(struct an_rp_long) by_length[AN_RP_LEN_CAP + 1];
    /* Per length, bit (first code point % 64) set when that bucket has
     * tokens: a quick "no candidates" before any key is made. */
    uint64_t shape_bits[AN_RP_LEN_CAP + 1];
} an_rp_token_set;

/* The shape key of a name key: its folded length and first code point. */
static size_t an_rp__shape_key(const an_name_keys *keys, int32_t k, char buf[8])
{
    const an_name_key *nk = &keys->keys.items[k];
    uint32_t len = nk->fold_n < AN_RP_LEN_CAP ? nk->fold_n : AN_RP_LEN_CAP;
    int32_t first = nk->fold_n ? keys->cps.items[nk->fold_cps] : 0;
    memcpy(buf, &len, 4);
    memcpy(buf + 4, &first, 4);
    return 8;
}

/* Fills the shape buckets of set (see an_rp_token_set). */
static void an_rp__token_shapes(const an_name_keys *keys, an_rp_token_set *set)
{
    AN_VEC(uint32_t) bucket_of = {0};
    uint32_t n_buckets = 0;
    char buf[8];
    for (size_t k = 0; k < set->distinct.len; k++) {
        int32_t key = set->key.items[k];
        uint32_t b = UINT32_MAX;
        if (key >= 0 && keys->keys.items[key].ok) {
            size_t n = an_rp__shape_key(keys, key, buf);
            int32_t got = an_emap_get(&set->shape, buf, n);
            if (got == AN_EMAP_NONE && an_emap_put(&set->shape, buf, n, (int32_t)n_buckets, 1) == 0)
                got = (int32_t)n_buckets++;
            b = got < 0 ? UINT32_MAX : (uint32_t)got;
            uint32_t len = keys->keys.items[key].fold_n;
            uint32_t first = len ? (uint32_t)keys->cps.items[keys->keys.items[key].fold_cps] : 0;
            set->shape_bits[len < AN_RP_LEN_CAP ? len : AN_RP_LEN_CAP] |= UINT64_C(1) << (first % 64);
            struct an_rp_long rec = {keys->keys.items[key].letters, (uint32_t)k,
                                     set->distinct.items[k].surname};
            AN_VEC_PUSH(set->by_length[len < AN_RP_LEN_CAP ? len : AN_RP_LEN_CAP], rec);
        }
        AN_VEC_PUSH(bucket_of, b);
    }
    for (uint32_t b = 0; b <= n_buckets; b++)
        AN_VEC_PUSH(set->at, 0);
    for (size_t k = 0; k < bucket_of.len && set->at.len == (size_t)n_buckets + 1; k++)
        if (bucket_of.items[k] != UINT32_MAX)
            set->at.items[bucket_of.items[k] + 1]++;
    for (uint32_t b = 0; b < n_buckets && set->at.len == (size_t)n_buckets + 1; b++)
        set->at.items[b + 1] += set->at.items[b];
    uint32_t *fill = malloc(((size_t)n_buckets + 1) * sizeof *fill);
    set->by_shape.items = malloc((bucket_of.len ? bucket_of.len : 1) * sizeof *set->by_shape.items);
    if (fill && set->by_shape.items && set->at.len == (size_t)n_buckets + 1 &&
        bucket_of.len == set->distinct.len) {
        set->by_shape.len = set->by_shape.cap = bucket_of.len;
        memcpy(fill, set->at.items, ((size_t)n_buckets + 1) * sizeof *fill);
        for (size_t k = 0; k < bucket_of.len; k++)
            if (bucket_of.items[k] != UINT32_MAX)
                set->by_shape.items[fill[bucket_of.items[k]]++] = (uint32_t)k;
    } else {
        an_emap_free(&set->shape); /* no memory: no buckets, so no variants found */
    }
    free(fill);
    free(bucket_of.items);
}

static void an_rp__token_set(const an_doc *doc, const an_tokens *t, an_name_keys *keys,
                             an_rp_token_set *set)
{
    an_emap pairs = {0};
    char buf[256];
    for (size_t i = 0; i < t->len; i++) {
        an_span s = t->items[i].span;
        size_t n = s.end - s.start;
        an_emap_put(&set->spellings, doc->text + s.start, n, 1, 1);
        if (n + 1 > sizeof buf)
            continue;
        memcpy(buf, doc->text + s.start, n);
        buf[n] = t->items[i].surname ? '\1' : '\2';
        if (an_emap_get(&pairs, buf, n + 1) >= 0)
            continue;
        an_emap_put(&pairs, buf, n + 1, 1, 1);
        AN_VEC_PUSH(set->distinct, t->items[i]);
        AN_VEC_PUSH(set->key, an_rules__name_key(keys, doc->text + s.start, n));
    }
    an_emap_free(&pairs);
    an_rp__token_shapes(keys, set);
}

static void an_rp__token_set_free(an_rp_token_set *set)
{
    free(set->distinct.items);
    free(set->key.items);
    an_emap_free(&set->spellings);
    an_emap_free(&set->memo);
    an_emap_free(&set->shape);
    free(set->at.items);
    free(set->by_shape.items);
    for (size_t i = 0; i <= AN_RP_LEN_CAP; i++)
        free(set->by_length[i].items);
}

static bool an_rp__is_token(const an_doc *doc, const an_rp_token_set *set, an_span w)
{
    return an_emap_get(&set->spellings, doc->text + w.start, w.end - w.start) >= 0;
}

/* False when no distinct name word can be a variant of a spelling whose
 * folded key has `len` code points and starts with `first`: the buckets
 * an_rp__variant_of would search are all empty. */
static bool an_rp__may_vary(const an_rp_token_set *set, uint32_t len, int32_t first)
{
    for (uint32_t l = len > 2 ? len - 2 : 0; l <= len + 2 && l <= AN_RP_LEN_CAP; l++) {
        if (len >= 7 && l >= 7 ? set->by_length[l].len > 0
                               : (set->shape_bits[l] >> ((uint32_t)first % 64)) & 1)
            return true;
    }
    return false;
}

/* True when the word at w (name key kw) is a variant of the distinct
 * name word k and not its plural, nor it the word's, nor the same name
 * with a letter added. */
static bool an_rp__is_variant(const an_doc *doc, const an_name_keys *keys,
                              const an_rp_token_set *set, int32_t kw, an_span w, uint32_t k)
{
    int32_t ks = set->key.items[k];
    an_span d = set->distinct.items[k].span;
    return an_rules__variant_k(keys, kw, ks) && !an_rules__plural_k(keys, kw, ks) &&
           !an_rules__plural_k(keys, ks, kw) &&
           !an_rp__letter_added(doc->text + w.start, w.end - w.start, doc->text + d.start,
                                d.end - d.start);
}

/* The first distinct name word that w's spelling is a variant of (and
 * not a plural of, either way): index into set->distinct, or -1. With
 * `surname_only`, given names are passed over. Memoized per spelling. */
static int32_t an_rp__variant_of(const an_doc *doc, an_name_keys *keys, an_rp_token_set *set,
                                 an_span w, bool surname_only)
{
    const char *s = doc->text + w.start;
    size_t n = w.end - w.start;
    char buf[256];
    if (n + 1 > sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = surname_only ? '\1' : '\2';
    int32_t memo = an_emap_get(&set->memo, buf, n + 1); /* found + 1 */
    if (memo != AN_EMAP_NONE)
        return memo - 1;
    uint32_t fold_n;
    int32_t first;
    if (an_rules__ascii_fold_shape(s, n, &fold_n, &first) && !an_rp__may_vary(set, fold_n, first)) {
        an_emap_put(&set->memo, buf, n + 1, 0, 1);
        return -1;
    }
    int32_t kw = an_rules__name_key(keys, s, n), found = -1;
    if (kw >= 0 && keys->keys.items[kw].ok) {
        /* A variant is at most 2 code points longer or shorter, and starts
         * with the same code point unless both are 7 or more long
         * (an_rules__variant_k), so only these buckets can hold one. */
        const an_name_key *nk = &keys->keys.items[kw];
        uint32_t len = nk->fold_n < AN_RP_LEN_CAP ? nk->fold_n : AN_RP_LEN_CAP;
        int32_t first_cp = nk->fold_n ? keys->cps.items[nk->fold_cps] : 0;
        for (uint32_t l = len > 2 ? len - 2 : 0; l <= len + 2 && l <= AN_RP_LEN_CAP; l++) {
            if (len >= 7 && l >= 7) {
                /* Any first letter: a long bucket holds all the name words
                 * of length l, most of them far apart in length or letters
                 * (an_rules__within_edits), which the record tells. */
                uint32_t edits = (len < l ? len : l) >= 10 ? 2u : 1u;
                if ((len > l ? len - l : l - len) > edits)
                    continue;
                const struct an_rp_long *cand = set->by_length[l].items;
                for (size_t j = 0; j < set->by_length[l].len &&
                                   (found < 0 || (int32_t)cand[j].token < found); j++) {
                    if ((surname_only && !cand[j].surname) ||
                        !an_rules__letters_within(cand[j].letters, nk->letters, edits))
                        continue;
                    if (an_rp__is_variant(doc, keys, set, kw, w, cand[j].token)) {
                        found = (int32_t)cand[j].token;
                        break;
                    }
                }
                continue;
            }
            char key[8];
            memcpy(key, &l, 4);
            memcpy(key + 4, &first_cp, 4);
            int32_t b = an_emap_get(&set->shape, key, 8);
            const uint32_t *cand = b >= 0 ? set->by_shape.items + set->at.items[b] : NULL;
            size_t n_cand = b >= 0 ? set->at.items[b + 1] - set->at.items[b] : 0;
            for (size_t j = 0; j < n_cand && (found < 0 || (int32_t)cand[j] < found); j++) {
                if ((surname_only && !set->distinct.items[cand[j]].surname) ||
                    !an_rules__within_edits(nk, &keys->keys.items[set->key.items[cand[j]]]))
                    continue;
                if (an_rp__is_variant(doc, keys, set, kw, w, cand[j])) {
                    found = (int32_t)cand[j];
                    break;
                }
            }
        }
    }
    an_emap_put(&set->memo, buf, n + 1, found + 1, 1);
    return found;
}

/* A capitalized word that is no known name word but a variant of one. */
static void an_rp__pairs_from_words(const an_rules_ctx *cx, const an_tokens *t,
                                    an_name_keys *keys, an_pairs *pairs)
{
    const an_doc *doc = cx->doc;
    an_rp_token_set set = {0};
    an_rp__token_set(doc, t, keys, &set);
    /* The last word asked an_rp__is_token and its answer: a word's
     * predecessor often was the word before (Frank Messina). */
    size_t token_word = SIZE_MAX;
    bool token_answer = false;
    for (size_t ci = 0; ci < cx->capitalized.len; ci++) {
        size_t i = cx->capitalized.items[ci];
        const an_word *w = &cx->words.items[i];
        size_t nwords;
        if (w->all_caps || w->span.end - w->span.start < 3)
            continue;
        bool prev_known = token_word + 1 == i, prev_answer = token_answer;
        token_word = i;
        if ((token_answer = an_rp__is_token(doc, &set, w->span)))
            continue;
        an_span pw = i > 0 ? cx->words.items[i - 1].span : w->span;
        bool prev_adjacent = i > 0 && pw.end + 1 == w->span.start && doc->prose[pw.end] == ' ';
        bool prev_initial = i > 0 && pw.end - pw.start == 1 && pw.end + 2 == w->span.start &&
                            doc->prose[pw.end] == '.' && doc->prose[pw.end + 1] == ' ';
        bool prev_given = (prev_adjacent || prev_initial) &&
                          (prev_known ? prev_answer : an_rp__is_token(doc, &set, pw));
        /* w's lexicon flags, looked up once for the two questions below. */
        uint32_t wlex = UINT32_MAX;
        if (!prev_given &&
            ((wlex = an_lex_lookup(doc->text + w->span.start, w->span.end - w->span.start)) &
             (AN_LEX_NATIONALITY | AN_LEX_PLACE | AN_LEX_TIME | AN_LEX_FUNCTION)))
            continue; /* Australians, Paris, Tuesday; but "Frank Messina" is a name */
        bool quoted = w->speech;
        int32_t ent = an_rp__covering(cx, w->span, &nwords);
        if (ent >= 0 && doc->entities.items[ent].kind != AN_ENTITY_PERSON)
            continue;
        /* A lone word varies a surname, not a given name. */
        int32_t k = an_rp__variant_of(doc, keys, &set, w->span, nwords < 2);
        if (k < 0)
            continue;
        an_span s = set.distinct.items[k].span;
        if (quoted && !prev_given)
            continue; /* in a quote, only a full name the draft gives otherwise ("Frank Mesina") */
        uint32_t prev_lex = prev_adjacent ? an_lex_lookup(doc->text + cx->words.items[i - 1].span.start,
                                                          cx->words.items[i - 1].span.end -
                                                              cx->words.items[i - 1].span.start)
                                          : 0;
        if (prev_adjacent && !prev_given && nwords < 2 && cx->words.items[i - 1].capitalized &&
            (prev_lex & AN_LEX_FIRST) && !(prev_lex & (AN_LEX_TITLE | AN_LEX_HONORIFIC)) &&
            !an_rules__word_in(doc, cx->words.items[i - 1].span, an_rp__titles))
            continue; /* "Chad Peace": another person's full name, not a slip for Pence */
        const char *after = doc->text + w->span.end;
        size_t left = doc->len - w->span.end;
        bool possessive = (left >= 2 && after[0] == '\'' && after[1] == 's') ||
                          (left >= 4 && (unsigned char)after[0] == 0xE2 &&
                           (unsigned char)after[2] == 0x99 && after[3] == 's');
        if (wlex == UINT32_MAX) /* no flag set is all ones */
            wlex = an_lex_lookup(doc->text + w->span.start, w->span.end - w->span.start);
        bool word = (wlex & (AN_LEX_WORD | AN_LEX_FUNCTION | AN_LEX_TIME | AN_LEX_PLACE)) != 0;
        if (nwords >= 2 || prev_given ||
            (an_rp__stands_alone(cx, i) && !(word && an_rules__sentence_start(cx, w)) &&
             (!an_rules__sentence_start(cx, w) || possessive || an_rp__subject_follows(cx, i))))
            an_rp__add_pair(doc, pairs, s, w->span);
    }
    an_rp__token_set_free(&set);
}

/* True when every occurrence of the spelling lies inside direct quotes:
 * the source's own spelling ("bin Ladin" in a government statement). */
static bool an_rp__only_quoted(const an_rules_ctx *cx, an_span sp)
{
    size_t n_occ;
    const uint32_t *occ = an_rules__occurrences(cx, sp, &n_occ);
    for (size_t k = 0; k < n_occ; k++)
        if (!cx->words.items[occ[k]].speech)
            return false;
    return true;
}

static void an_rp__variant_emit(an_rules_ctx *cx, const an_pair *p)
{
    an_span fa = p->a, fb = p->b;
    size_t na = an_rp__count(cx, p->a, &fa), nb = an_rp__count(cx, p->b, &fb);
    bool a_major = na > nb || (na == nb && fa.start <= fb.start); /* ties: the first reference */
    an_span major = a_major ? fa : fb, minor = a_major ? p->b : p->a;
    size_t nmaj = a_major ? na : nb, nmin = a_major ? nb : na;
    if (nmin >= 2 && an_rp__only_quoted(cx, minor))
        return; /* quoted more than once the same way: not a slip */
    char smaj[96], smin[96], msg[500], rel[160], repl[128];
    an_rules__excerpt(cx->doc, major, smaj, sizeof smaj);
    an_rules__excerpt(cx->doc, minor, smin, sizeof smin);
    snprintf(msg, sizeof msg,
             "%s and %s look like one name spelled two ways: the draft uses %s %zu time%s and "
             "%s %zu time%s.", smin, smaj, smaj, nmaj, nmaj == 1 ? "" : "s", smin, nmin,
             nmin == 1 ? "" : "s");
    snprintf(rel, sizeof rel, "spelled %s here", smaj);
    snprintf(repl, sizeof repl, "%.*s", (int)(major.end - major.start), cx->doc->text + major.start);
    size_t n_occ;
    const uint32_t *occ = an_rules__occurrences(cx, minor, &n_occ);
    for (size_t k = 0; k < n_occ; k++)
        an_rules__emit(cx, AN_RULE_PERSON_NAME_VARIANT, cx->words.items[occ[k]].span, msg, major,
                       rel, repl);
}

static void an_rp__variants(an_rules_ctx *cx, const an_tokens *t)
{
    an_pairs pairs = {0};
    an_name_keys keys = {0};
    an_rp__pairs_from_names(cx, &keys, &pairs);
    an_rp__pairs_from_words(cx, t, &keys, &pairs);
    an_rules__name_keys_free(&keys);
    for (size_t i = 0; i < pairs.len; i++)
        an_rp__variant_emit(cx, &pairs.items[i]);
    free(pairs.items);
}

/* ---- person.ambiguous-surname ------------------------------------------- */

/* True when two full names differ in exactly one word, and that word is a
 * spelling variant (Kristin Wilkins / Kristen Wilkins): one person. */
static bool an_rp__variant_names(const an_rules_ctx *cx, an_span a, an_span b)
{
    size_t fa, fb, na = an_rp__words_in(cx, a, &fa), nb = an_rp__words_in(cx, b, &fb), diff = 0;
    if (na != nb)
        return false;
    for (size_t k = 0; k < na; k++) {
        an_span x = cx->words.items[fa + k].span, y = cx->words.items[fb + k].span;
        if (an_rp__same(cx->doc, x, y))
            continue;
        if (!an_rules__name_variant(cx->doc->text + x.start, x.end - x.start,
                                    cx->doc->text + y.start, y.end - y.start))
            return false;
        diff++;
    }
    return diff <= 1;
}

/* True when every word of name a occurs in name b (Robert Mugabe in
 * Robert Gabriel Mugabe; de Blasio in Bill de Blasio): one person. */
static bool an_rp__sub_name(const an_rules_ctx *cx, an_span a, an_span b)
{
    size_t fa, fb, na = an_rp__words_in(cx, a, &fa), nb = an_rp__words_in(cx, b, &fb);
    for (size_t i = 0; i < na; i++) {
        an_span x = cx->words.items[fa + i].span;
        bool found = false;
        for (size_t k = 0; k < nb && !found; k++) {
            an_span y = cx->words.items[fb + k].span;
            found = (x.end - x.start == y.end - y.start &&
                     strncasecmp(cx->doc->text + x.start, cx->doc->text + y.start, x.end - x.start) == 0) ||
                    (x.end - x.start == 2 && cx->doc->text[x.start + 1] == '.' &&
                     cx->doc->text[x.start] == cx->doc->text[y.start]); /* K. = Kenneth */
        }
        if (!found && (x.end - x.start > 1))
            return false;
    }
    return na > 0;
}

/* True when the person's given name or full name occurs in [from, to). */
static bool an_rp__recent(const an_rules_ctx *cx, an_span intro, size_t from, size_t to)
{
    size_t f, n = an_rp__words_in(cx, intro, &f);
    an_span given = n ? cx->words.items[f].span : intro;
    size_t n_occ;
    const uint32_t *occ = an_rules__occurrences(cx, given, &n_occ);
    size_t k = an_rules__lower_bound(occ, n_occ, (uint32_t)an_rules__word_from(cx, from));
    return k < n_occ && cx->words.items[occ[k]].span.end <= to;
}

/* Nouns that introduce a relative: "his daughter Nettie Baker". */
static const char *const an_rp__kin[] = {
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "parents",
    "parent", "uncle", "aunt", "grandfather", "grandmother", "grandson", "granddaughter", "nephew",
    "niece", "cousin", "widow", "widower", "stepfather", "stepmother", "stepson", "stepdaughter",
    "children", "siblings", "sons", "daughters", "brothers", "sisters", "spouse", "fiancee",
    "fiancée", "twin", NULL};

/* True when a kinship noun comes shortly before the full name, in its
 * sentence: the person is introduced as someone's relative, whom the
 * desk then calls by first name while the surname stays with the subject
 * (AP obituary practice). */
static bool an_rp__kin_intro(const an_rules_ctx *cx, an_span intro)
{
    size_t wi = an_rules__word_from(cx, intro.start);
    for (size_t back = 1; back <= 6 && back <= wi; back++) {
        const an_word *w = &cx->words.items[wi - back];
        if (an_rules__word_in(cx->doc, w->span, an_rp__kin))
            return true;
        if (an_rules__sentence_start(cx, w))
            break;
    }
    return false;
}

/* True when a full name starts like a person's: a known given name, an
 * initial, an honorific or a title ("CentOS Linux" does not). */
static bool an_rp__given_known(const an_rules_ctx *cx, an_span intro)
{
    size_t first;
    if (an_rp__words_in(cx, intro, &first) < 2)
        return false;
    an_span w = cx->words.items[first].span;
    return an_rp__initials(cx->doc, w) ||
           (an_lex_lookup(cx->doc->text + w.start, w.end - w.start) &
            (AN_LEX_FIRST | AN_LEX_HONORIFIC | AN_LEX_TITLE));
}

/* Reports word wi when two people introduced before it have it as their
 * surname; returns true when it did. */
static bool an_rp__ambiguous_at(an_rules_ctx *cx, const an_tokens *t, const an_groups *by_spelling,
                                size_t wi)
{
    static const char *const which[] = {"elder", "younger", "older", NULL};
    const an_doc *doc = cx->doc;
    an_span w = cx->words.items[wi].span;
    int32_t seen[2] = {-1, -1};
    if (wi > 0 && an_rules__word_in(doc, cx->words.items[wi - 1].span, which))
        return false; /* "the elder Biden" says which one */
    an_span intro[2];
    size_t n_same;
    const uint32_t *same = an_groups_find(by_spelling, doc->text + w.start, w.end - w.start, &n_same);
    for (size_t j = 0; j < n_same && seen[1] < 0; j++) {
        const an_token *tok = &t->items[same[j]];
        if (!tok->surname || tok->span.start >= w.start || (int32_t)tok->entity == seen[0])
            continue;
        ptrdiff_t in = an_rp__intro(cx, &doc->entities.items[tok->entity]);
        if (in < 0 || doc->mentions.items[in].span.start >= w.start)
            continue;
        an_span ins = doc->mentions.items[in].span;
        if (seen[0] >= 0 && (an_rp__same(doc, ins, intro[0]) || an_rp__variant_names(cx, ins, intro[0]) ||
                             an_rp__sub_name(cx, ins, intro[0]) || an_rp__sub_name(cx, intro[0], ins)))
            continue; /* one person, split by the entity pass, spelled two ways or with a middle name */
        int slot = seen[0] < 0 ? 0 : 1;
        seen[slot] = (int32_t)tok->entity;
        intro[slot] = ins;
    }
    if (seen[1] < 0 || !an_rp__given_known(cx, intro[0]) || !an_rp__given_known(cx, intro[1]))
        return false;
    if (an_rp__kin_intro(cx, intro[0]) != an_rp__kin_intro(cx, intro[1]))
        return false; /* one is the other's relative, called by first name */
    ptrdiff_t para = an_rules__para_of(cx, w.start);
    size_t from = para > 0 ? cx->paras.items[para - 1].span.start : 0;
    bool r0 = an_rp__recent(cx, intro[0], from, w.start), r1 = an_rp__recent(cx, intro[1], from, w.start);
    if (r0 != r1)
        return false; /* only one of them is in view: the reader knows who */
    char s[96], a[96], b[96], msg[400];
    an_rules__excerpt(doc, w, s, sizeof s);
    an_rules__excerpt(doc, intro[0], a, sizeof a);
    an_rules__excerpt(doc, intro[1], b, sizeof b);
    snprintf(msg, sizeof msg, "%s could mean %s or %s: use the first name or the full name here.",
             s, a, b);
    an_rules__emit(cx, AN_RULE_PERSON_AMBIGUOUS_SURNAME, w, msg, intro[1],
                   "another person with this name", NULL);
    return true;
}

/* Each shared surname is reported once, at its first ambiguous use. */
static void an_rp__ambiguous(an_rules_ctx *cx, const an_tokens *t)
{
    AN_VEC(an_span) done = {0};
    an_groups names; /* t by spelling */
    an_groups_build(&names, cx->doc->text, t->items, t->len, sizeof *t->items, false, NULL);
    for (size_t ci = 0; ci < cx->capitalized.len; ci++) {
        size_t i = cx->capitalized.items[ci];
        const an_word *w = &cx->words.items[i];
        size_t nwords, n_same;
        if (!an_rules__word_in_body(cx, w) ||
            w->speech || an_rules__word_in_first_person(cx, w))
            continue;
        if (!an_groups_find(&names, cx->doc->text + w->span.start, w->span.end - w->span.start, &n_same))
            continue; /* no name word: the cheaper test first */
        int32_t ent = an_rp__covering(cx, w->span, &nwords);
        if (nwords >= 2 || (ent >= 0 && cx->doc->entities.items[ent].kind != AN_ENTITY_PERSON) ||
            !an_rp__stands_alone(cx, i))
            continue;
        bool reported = false;
        for (size_t k = 0; k < done.len && !reported; k++)
            reported = an_rp__same(cx->doc, done.items[k], w->span);
        if (!reported && an_rp__ambiguous_at(cx, t, &names, i))
            AN_VEC_PUSH(done, w->span);
    }
    free(done.items);
    an_groups_free(&names);
}

/* ---- names.house-spelling ------------------------------------------------ */

/* The words of a house name, split at spaces: up to 8. */
static size_t an_rp__split(an_str name, an_str *out)
{
    size_t n = 0, i = 0;
    while (i < name.len && n < 8) {
        while (i < name.len && name.ptr[i] == ' ')
            i++;
        size_t s = i;
        while (i < name.len && name.ptr[i] != ' ')
            i++;
        if (i > s)
            out[n++] = (an_str){name.ptr + s, i - s};
    }
    return n;
}

static bool an_rp__word_is(const an_rules_ctx *cx, size_t wi, an_str s)
{
    return wi < cx->words.len && an_rules__span_is(cx->doc, cx->words.items[wi].span, s.ptr, s.len);
}

/* True when word wi is a variant of part k of the house name and the text
 * around it confirms the name. */
static bool an_rp__house_hit(const an_rules_ctx *cx, size_t wi, const an_str *parts, size_t n,
                             size_t k)
{
    an_span w = cx->words.items[wi].span;
    if (parts[k].len < 3 || !an_rules__name_variant(cx->doc->text + w.start, w.end - w.start,
                                                    parts[k].ptr, parts[k].len))
        return false;
    if (n == 1 || k == n - 1)
        return true;
    return (k > 0 && wi > 0 && an_rp__word_is(cx, wi - 1, parts[k - 1])) ||
           (k + 1 < n && an_rp__word_is(cx, wi + 1, parts[k + 1]));
}

static bool an_rp__house_known(const an_rules_ctx *cx, an_span w)
{
    for (size_t h = 0; h < cx->opt->n_house_names; h++) {
        an_str parts[8];
        size_t n = an_rp__split(cx->opt->house_names[h], parts);
        for (size_t k = 0; k < n; k++)
            if (an_rules__span_is(cx->doc, w, parts[k].ptr, parts[k].len))
                return true;
    }
    return false;
}

static void an_rp__house(an_rules_ctx *cx)
{
    if (cx->opt->severity[AN_RULE_NAMES_HOUSE_SPELLING] == AN_SEV_OFF)
        return;
    for (size_t ci = 0; ci < cx->capitalized.len; ci++) {
        size_t wi = cx->capitalized.items[ci];
        const an_word *w = &cx->words.items[wi];
        if (an_rp__house_known(cx, w->span))
            continue;
        for (size_t h = 0; h < cx->opt->n_house_names; h++) {
            an_str name = cx->opt->house_names[h], parts[8];
            size_t n = an_rp__split(name, parts), k = 0;
            while (k < n && !an_rp__house_hit(cx, wi, parts, n, k))
                k++;
            if (k == n)
                continue;
            char ex[96], msg[400], repl[128];
            an_rules__excerpt(cx->doc, w->span, ex, sizeof ex);
            snprintf(msg, sizeof msg,
                     "The newsroom's names list spells this \xE2\x80\x9C%.*s\xE2\x80\x9D (%.*s), "
                     "not %s.", (int)parts[k].len, parts[k].ptr, (int)name.len, name.ptr, ex);
            snprintf(repl, sizeof repl, "%.*s", (int)parts[k].len, parts[k].ptr);
            an_rules__emit(cx, AN_RULE_NAMES_HOUSE_SPELLING, w->span, msg, (an_span){0, 0}, NULL,
                           repl);
            break;
        }
    }
}

void an__rules_people(an_rules_ctx *cx)
{
    an_tokens tokens = {0};
    an_rp__collect_tokens(cx, &tokens);
    an_rp__before_intro(cx);
    an_rp__variants(cx, &tokens);
    an_rp__ambiguous(cx, &tokens);
    an_rp__full_repeated(cx);
    an_rp__house(cx);
    free(tokens.items);
}
