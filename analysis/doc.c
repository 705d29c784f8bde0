/* doc.c - the document: its text, line index, model arrays and accessors. */
#include "analysis_internal.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    an_severity severity;
} an__rules[AN_RULE_COUNT] = {
    [AN_RULE_QUOTE_UNATTRIBUTED] = {"quote.unattributed", AN_SEV_WARNING},
    [AN_RULE_QUOTE_UNBALANCED] = {"quote.unbalanced", AN_SEV_ERROR},
    [AN_RULE_QUOTE_SPEAKER_UNKNOWN] = {"quote.speaker-unknown", AN_SEV_WARNING},
    [AN_RULE_PERSON_SURNAME_BEFORE_INTRO] = {"person.surname-before-introduction", AN_SEV_WARNING},
    [AN_RULE_PERSON_NAME_VARIANT] = {"person.name-variant", AN_SEV_WARNING},
    [AN_RULE_PERSON_AMBIGUOUS_SURNAME] = {"person.ambiguous-surname", AN_SEV_WARNING},
    [AN_RULE_PERSON_FULL_NAME_REPEATED] = {"person.full-name-repeated", AN_SEV_HINT},
    [AN_RULE_ACRONYM_UNDEFINED] = {"acronym.undefined", AN_SEV_WARNING},
    [AN_RULE_ACRONYM_DEFINED_AFTER_USE] = {"acronym.defined-after-use", AN_SEV_WARNING},
    [AN_RULE_NAMES_HOUSE_SPELLING] = {"names.house-spelling", AN_SEV_WARNING},
    [AN_RULE_SOURCE_ANONYMOUS] = {"source.anonymous", AN_SEV_OFF},
};

const char *an_rule_name(an_rule rule)
{
    return (unsigned)rule < AN_RULE_COUNT ? an__rules[rule].name : "";
}

int an_rule_from_name(const char *name, size_t len)
{
    for (int i = 0; i < AN_RULE_COUNT; i++)
        if (strlen(an__rules[i].name) == len && memcmp(an__rules[i].name, name, len) == 0)
            return i;
    return -1;
}

an_severity an_rule_default_severity(an_rule rule)
{
    return (unsigned)rule < AN_RULE_COUNT ? an__rules[rule].severity : AN_SEV_OFF;
}

an_options an_options_default(void)
{
    an_options opt;
    memset(&opt, 0, sizeof opt);
    opt.format = AN_FORMAT_PLAIN;
    for (int i = 0; i < AN_RULE_COUNT; i++)
        opt.severity[i] = an__rules[i].severity;
    opt.juvenile_age = AN_JUVENILE_AGE_DEFAULT;
    return opt;
}

const char *an_mention_kind_name(an_mention_kind kind)
{
    static const char *const names[] = {
        [AN_MENTION_NAME] = "name",         [AN_MENTION_SURNAME] = "surname",
        [AN_MENTION_HONORIFIC] = "honorific", [AN_MENTION_TITLE] = "title",
        [AN_MENTION_PRONOUN] = "pronoun",   [AN_MENTION_ACRONYM] = "acronym",
        [AN_MENTION_ALIAS] = "alias",
    };
    return (unsigned)kind <= AN_MENTION_ALIAS ? names[kind] : "name";
}

int an__vec_grow(void **items, size_t *cap, size_t item_size)
{
    size_t ncap = *cap ? *cap * 2 : 16;
    if (ncap > SIZE_MAX / item_size)
        return -1;
    void *p = realloc(*items, ncap * item_size);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

static int an_doc__index_lines(an_doc *doc)
{
    if (AN_VEC_PUSH(doc->lines, (size_t)0) != 0)
        return -1;
    for (const char *p = doc->text, *end = doc->text + doc->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        if (AN_VEC_PUSH(doc->lines, (size_t)(p + 1 - doc->text)) != 0)
            return -1;
    return 0;
}

an_doc *an_doc_new(const char *text, size_t len, const an_options *opt)
{
    an_options defaults = an_options_default();
    if (!opt)
        opt = &defaults;
    an_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->len = len;
    doc->format = opt->format;
    doc->text = an_arena_strndup(&doc->arena, text ? text : "", text ? len : 0);
    if (!doc->text || an_doc__index_lines(doc) != 0) {
        an_doc_free(doc);
        return NULL;
    }
    an__prose_mask(doc);
    if (!doc->prose) {
        an_doc_free(doc);
        return NULL;
    }
    an__entities_find(doc, opt);
    an__quotes_find(doc);
    an__attribution_resolve(doc);
    an__model_finalize(doc);
    an__rules_run(doc, opt);
    an__diagnostics_sort(doc);
    return doc;
}

void an_doc_free(an_doc *doc)
{
    if (!doc)
        return;
    free(doc->lines.items);
    free(doc->entities.items);
    free(doc->mentions.items);
    free(doc->quotes.items);
    free(doc->diagnostics.items);
    an_arena_free(&doc->arena);
    free(doc);
}

an_str an_doc_text(const an_doc *doc)
{
    return (an_str){doc->text, doc->len};
}

const an_entity *an_doc_entities(const an_doc *doc, size_t *count)
{
    *count = doc->entities.len;
    return doc->entities.items;
}

const an_mention *an_doc_mentions(const an_doc *doc, size_t *count)
{
    *count = doc->mentions.len;
    return doc->mentions.items;
}

const an_quote *an_doc_quotes(const an_doc *doc, size_t *count)
{
    *count = doc->quotes.len;
    return doc->quotes.items;
}

const an_diagnostic *an_doc_diagnostics(const an_doc *doc, size_t *count)
{
    *count = doc->diagnostics.len;
    return doc->diagnostics.items;
}

static_assert(offsetof(an_mention, span) == 0, "an__span_at reads the span first");
static_assert(offsetof(an_quote, span) == 0, "an__span_at reads the span first");

static an_span an__span_of(const void *items, size_t stride, size_t i)
{
    return *(const an_span *)((const char *)items + i * stride);
}

size_t an__spans_upto(const void *items, size_t n, size_t stride, size_t offset)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (an__span_of(items, stride, mid).start <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

ptrdiff_t an__span_at(const void *items, size_t n, size_t stride, size_t offset)
{
    size_t k = an__spans_upto(items, n, stride, offset);
    return k > 0 && offset < an__span_of(items, stride, k - 1).end ? (ptrdiff_t)(k - 1) : -1;
}

int32_t an_doc_mention_at(const an_doc *doc, size_t offset)
{
    return (int32_t)an__span_at(doc->mentions.items, doc->mentions.len,
                                sizeof *doc->mentions.items, offset);
}

int32_t an_doc_quote_at(const an_doc *doc, size_t offset)
{
    return (int32_t)an__span_at(doc->quotes.items, doc->quotes.len, sizeof *doc->quotes.items,
                                offset);
}

size_t an_doc_line_of(const an_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->lines.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->lines.items[mid] <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

size_t an_doc_line_start(const an_doc *doc, size_t line)
{
    if (line >= doc->lines.len)
        return doc->len;
    return doc->lines.items[line];
}

size_t an_doc_line_count(const an_doc *doc)
{
    return doc->lines.len;
}
