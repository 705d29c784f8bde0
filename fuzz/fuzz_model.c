/* fuzz_model.c - the model invariants the fuzz targets check. */
#include "fuzz_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "protocol/model_json.h"

_Noreturn void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    abort();
}

static void fuzz_model__check_span(an_span s, size_t len)
{
    FUZZ_CHECK(s.start <= s.end);
    FUZZ_CHECK(s.end <= len);
}

/* A set string is NUL-terminated at its length; an unset one is {NULL, 0}. */
static void fuzz_model__check_str(an_str s)
{
    FUZZ_CHECK(s.ptr != NULL || s.len == 0);
    FUZZ_CHECK(s.ptr == NULL || s.ptr[s.len] == '\0');
}

static void fuzz_model__check_entities(const an_doc *doc)
{
    size_t ne, nm;
    const an_entity *e = an_doc_entities(doc, &ne);
    const an_mention *m = an_doc_mentions(doc, &nm);
    for (size_t i = 0; i < ne; i++) {
        FUZZ_CHECK(e[i].kind <= AN_ENTITY_PLACE);
        FUZZ_CHECK(e[i].number >= 1);
        FUZZ_CHECK(e[i].name.ptr != NULL);
        fuzz_model__check_str(e[i].name);
        fuzz_model__check_str(e[i].title);
        FUZZ_CHECK(e[i].aliases != NULL || e[i].n_aliases == 0);
        for (size_t k = 0; k < e[i].n_aliases; k++)
            fuzz_model__check_str(e[i].aliases[k]);
        FUZZ_CHECK(e[i].mentions != NULL || e[i].n_mentions == 0);
        for (size_t k = 0; k < e[i].n_mentions; k++) {
            FUZZ_CHECK(e[i].mentions[k] < nm);
            FUZZ_CHECK(m[e[i].mentions[k]].entity == i);
            if (k > 0)
                FUZZ_CHECK(m[e[i].mentions[k - 1]].span.start <= m[e[i].mentions[k]].span.start);
        }
    }
}

static void fuzz_model__check_mentions(const an_doc *doc, size_t len)
{
    size_t ne, nm;
    an_doc_entities(doc, &ne);
    const an_mention *m = an_doc_mentions(doc, &nm);
    for (size_t i = 0; i < nm; i++) {
        fuzz_model__check_span(m[i].span, len);
        FUZZ_CHECK(m[i].kind <= AN_MENTION_ALIAS);
        FUZZ_CHECK(m[i].entity < ne);
        if (i > 0)
            FUZZ_CHECK(m[i - 1].span.start <= m[i].span.start);
        if (m[i].span.start < m[i].span.end) {
            int32_t at = an_doc_mention_at(doc, m[i].span.start);
            FUZZ_CHECK(at >= 0 && (size_t)at < nm);
            FUZZ_CHECK(m[at].span.start <= m[i].span.start && m[i].span.start < m[at].span.end);
        }
    }
}

static void fuzz_model__check_quotes(const an_doc *doc, size_t len)
{
    size_t ne, nm, nq;
    an_doc_entities(doc, &ne);
    an_doc_mentions(doc, &nm);
    const an_quote *q = an_doc_quotes(doc, &nq);
    for (size_t i = 0; i < nq; i++) {
        fuzz_model__check_span(q[i].span, len);
        fuzz_model__check_span(q[i].cue, len);
        fuzz_model__check_span(q[i].source_phrase, len);
        FUZZ_CHECK(q[i].speaker >= -1 && (q[i].speaker < 0 || (size_t)q[i].speaker < ne));
        FUZZ_CHECK(q[i].speaker_mention >= -1 &&
                   (q[i].speaker_mention < 0 || (size_t)q[i].speaker_mention < nm));
        if (i > 0)
            FUZZ_CHECK(q[i - 1].span.start <= q[i].span.start);
        if (q[i].span.start < q[i].span.end) {
            int32_t at = an_doc_quote_at(doc, q[i].span.start);
            FUZZ_CHECK(at >= 0 && (size_t)at < nq);
        }
    }
}

static void fuzz_model__check_diagnostics(const an_doc *doc, size_t len)
{
    size_t nd;
    const an_diagnostic *d = an_doc_diagnostics(doc, &nd);
    for (size_t i = 0; i < nd; i++) {
        FUZZ_CHECK((unsigned)d[i].rule < AN_RULE_COUNT);
        FUZZ_CHECK(d[i].severity >= AN_SEV_ERROR && d[i].severity <= AN_SEV_HINT);
        fuzz_model__check_span(d[i].span, len);
        fuzz_model__check_span(d[i].related, len);
        FUZZ_CHECK(d[i].message.ptr != NULL);
        fuzz_model__check_str(d[i].message);
        fuzz_model__check_str(d[i].related_message);
        fuzz_model__check_str(d[i].replacement);
        if (i > 0)
            FUZZ_CHECK(d[i - 1].span.start <= d[i].span.start);
    }
}

static void fuzz_model__check_lines(const an_doc *doc, size_t len)
{
    size_t nl = an_doc_line_count(doc);
    FUZZ_CHECK(nl >= 1);
    FUZZ_CHECK(an_doc_line_start(doc, 0) == 0);
    size_t last = nl - 1;
    FUZZ_CHECK(an_doc_line_start(doc, last) <= len);
    FUZZ_CHECK(an_doc_line_of(doc, len) == last);
    FUZZ_CHECK(an_doc_line_of(doc, 0) == 0);
}

/* The JSON form must build, and serialize (jansson refuses invalid UTF-8). */
static void fuzz_model__check_json(const an_doc *doc)
{
    json_t *model = proto_model_to_json(doc, "fuzz.txt");
    FUZZ_CHECK(model != NULL);
    char *s = json_dumps(model, JSON_COMPACT);
    FUZZ_CHECK(s != NULL);
    free(s);
    json_decref(model);
}

void fuzz_model_check(const an_doc *doc)
{
    an_str text = an_doc_text(doc);
    FUZZ_CHECK(text.ptr != NULL && text.ptr[text.len] == '\0');
    fuzz_model__check_lines(doc, text.len);
    fuzz_model__check_mentions(doc, text.len);
    fuzz_model__check_entities(doc);
    fuzz_model__check_quotes(doc, text.len);
    fuzz_model__check_diagnostics(doc, text.len);
    fuzz_model__check_json(doc);
}

static bool fuzz_model__str_equal(an_str a, an_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static bool fuzz_model__span_equal(an_span a, an_span b)
{
    return a.start == b.start && a.end == b.end;
}

static bool fuzz_model__entity_equal(const an_entity *a, const an_entity *b)
{
    if (a->kind != b->kind || a->number != b->number || !fuzz_model__str_equal(a->name, b->name) ||
        !fuzz_model__str_equal(a->title, b->title) || a->n_aliases != b->n_aliases ||
        a->n_mentions != b->n_mentions)
        return false;
    for (size_t k = 0; k < a->n_aliases; k++)
        if (!fuzz_model__str_equal(a->aliases[k], b->aliases[k]))
            return false;
    return a->n_mentions == 0 || memcmp(a->mentions, b->mentions, a->n_mentions * sizeof *a->mentions) == 0;
}

static bool fuzz_model__entities_equal(const an_doc *a, const an_doc *b)
{
    size_t na, nb;
    const an_entity *ea = an_doc_entities(a, &na), *eb = an_doc_entities(b, &nb);
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!fuzz_model__entity_equal(&ea[i], &eb[i]))
            return false;
    return true;
}

static bool fuzz_model__mentions_equal(const an_doc *a, const an_doc *b)
{
    size_t na, nb;
    const an_mention *ma = an_doc_mentions(a, &na), *mb = an_doc_mentions(b, &nb);
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!fuzz_model__span_equal(ma[i].span, mb[i].span) || ma[i].kind != mb[i].kind ||
            ma[i].entity != mb[i].entity)
            return false;
    return true;
}

static bool fuzz_model__quotes_equal(const an_doc *a, const an_doc *b)
{
    size_t na, nb;
    const an_quote *qa = an_doc_quotes(a, &na), *qb = an_doc_quotes(b, &nb);
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!fuzz_model__span_equal(qa[i].span, qb[i].span) || qa[i].flags != qb[i].flags ||
            qa[i].speaker != qb[i].speaker || !fuzz_model__span_equal(qa[i].cue, qb[i].cue) ||
            qa[i].speaker_mention != qb[i].speaker_mention ||
            !fuzz_model__span_equal(qa[i].source_phrase, qb[i].source_phrase))
            return false;
    return true;
}

static bool fuzz_model__diagnostics_equal(const an_doc *a, const an_doc *b)
{
    size_t na, nb;
    const an_diagnostic *da = an_doc_diagnostics(a, &na), *db = an_doc_diagnostics(b, &nb);
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (da[i].rule != db[i].rule || da[i].severity != db[i].severity ||
            !fuzz_model__span_equal(da[i].span, db[i].span) ||
            !fuzz_model__str_equal(da[i].message, db[i].message) ||
            !fuzz_model__span_equal(da[i].related, db[i].related) ||
            !fuzz_model__str_equal(da[i].related_message, db[i].related_message) ||
            !fuzz_model__str_equal(da[i].replacement, db[i].replacement))
            return false;
    return true;
}

bool fuzz_model_equal(const an_doc *a, const an_doc *b)
{
    return fuzz_model__str_equal(an_doc_text(a), an_doc_text(b)) && fuzz_model__entities_equal(a, b) &&
           fuzz_model__mentions_equal(a, b) && fuzz_model__quotes_equal(a, b) &&
           fuzz_model__diagnostics_equal(a, b);
}
