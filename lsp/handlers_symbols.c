/* handlers_symbols.c - textDocument/documentSymbol: the outline of a draft.
 * People (each with their quotes), Organizations, and Quotes (each with its
 * speaker, or "unattributed"). DocumentSymbol[] for clients with
 * hierarchical support, SymbolInformation[] otherwise. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "protocol/json_write.h"

enum { LSP_KIND_NAMESPACE = 3, LSP_KIND_STRING = 15, LSP_KIND_OBJECT = 19, LSP_KIND_MODULE = 2 };
#define LSP_SYMBOL_EXCERPT 48

typedef struct lsp_outline {
    const lsp_server *s;
    const lsp_document *d;
    const lsp_view *v;
    const lsp_model *m;
    proto_text t; /* the model's text */
    int flat;
    proto_jw *w; /* the result, written as it is made */
    size_t *speaker_start; /* quotes of entity e: speaker_quotes[speaker_start[e] .. [e + 1]) */
    uint32_t *speaker_quotes;
} lsp_outline;

/* Groups quote indices by speaker (a counting sort), so that listing each
 * entity's quotes costs their number, not all quotes. 0 or -1. */
static int lsp__index_speakers(lsp_outline *o)
{
    size_t n_entities, n_quotes;
    an_doc_entities(o->m->doc, &n_entities);
    const an_quote *quotes = an_doc_quotes(o->m->doc, &n_quotes);
    o->speaker_start = calloc(n_entities + 2, sizeof *o->speaker_start);
    o->speaker_quotes = malloc((n_quotes ? n_quotes : 1) * sizeof *o->speaker_quotes);
    if (!o->speaker_start || !o->speaker_quotes)
        return -1;
    for (size_t i = 0; i < n_quotes; i++)
        if (quotes[i].speaker >= 0 && (size_t)quotes[i].speaker < n_entities)
            o->speaker_start[quotes[i].speaker + 2]++;
    for (size_t e = 2; e < n_entities + 2; e++)
        o->speaker_start[e] += o->speaker_start[e - 1];
    for (size_t i = 0; i < n_quotes; i++)
        if (quotes[i].speaker >= 0 && (size_t)quotes[i].speaker < n_entities)
            o->speaker_quotes[o->speaker_start[quotes[i].speaker + 1]++] = (uint32_t)i;
    return 0;
}

/* Opens a DocumentSymbol (hierarchical) or writes a SymbolInformation
 * up to its last field; the caller may add "children" (hierarchical only)
 * and closes the object. */
static void lsp__symbol_open(lsp_outline *o, const char *name, size_t name_len, const char *detail,
                             int kind, an_span range, an_span selection, const char *container)
{
    proto_jw *w = o->w;
    proto_jw_object_begin(w);
    proto_jw_key(w, "name");
    proto_jw_string(w, name, name_len);
    proto_jw_key(w, "kind");
    proto_jw_int(w, kind);
    if (o->flat) {
        proto_jw_key(w, "location");
        proto_jw_object_begin(w);
        proto_jw_key(w, "uri");
        proto_jw_cstr(w, o->d->uri);
        proto_jw_key(w, "range");
        lsp_view_range_write(w, o->v, range);
        proto_jw_object_end(w);
        if (container) {
            proto_jw_key(w, "containerName");
            proto_jw_string(w, container, strlen(container));
        }
        return;
    }
    proto_jw_key(w, "range");
    lsp_view_range_write(w, o->v, range);
    proto_jw_key(w, "selectionRange");
    lsp_view_range_write(w, o->v, selection);
    if (detail && *detail) {
        proto_jw_key(w, "detail");
        proto_jw_string(w, detail, strlen(detail));
    }
}

/* A quote: its first words as the name. */
static void lsp__quote_symbol(lsp_outline *o, const an_quote *q, const char *detail,
                              const char *container)
{
    lsp_buf b = {0};
    lsp_buf_lit(&b, "\xE2\x80\x9C");
    lsp_buf_add_excerpt(&b, o->t.ptr, q->span, LSP_SYMBOL_EXCERPT, 0);
    lsp_buf_lit(&b, "\xE2\x80\x9D");
    if (b.failed)
        lsp__symbol_open(o, "quote", 5, detail, LSP_KIND_STRING, q->span, q->span, container);
    else
        lsp__symbol_open(o, b.ptr, b.len, detail, LSP_KIND_STRING, q->span, q->span, container);
    proto_jw_object_end(o->w);
    lsp_buf_free(&b);
}

static void lsp__widen(an_span *r, an_span s)
{
    if (s.start < r->start)
        r->start = s.start;
    if (s.end > r->end)
        r->end = s.end;
}

/* An entity's range: its mentions and its quotes. */
static an_span lsp__entity_range(const lsp_outline *o, uint32_t index)
{
    size_t n_entities, n_mentions, n_quotes;
    const an_entity *e = &an_doc_entities(o->m->doc, &n_entities)[index];
    const an_mention *mentions = an_doc_mentions(o->m->doc, &n_mentions);
    const an_quote *quotes = an_doc_quotes(o->m->doc, &n_quotes);
    an_span range = e->n_mentions ? mentions[e->mentions[0]].span : (an_span){0, 0};
    for (size_t i = 0; i < e->n_mentions; i++)
        lsp__widen(&range, mentions[e->mentions[i]].span);
    for (size_t k = o->speaker_start[index]; k < o->speaker_start[index + 1]; k++)
        lsp__widen(&range, quotes[o->speaker_quotes[k]].span);
    return range;
}

/* A person or organization with its quotes as children (flat: the
 * quotes first, then the entity). */
static void lsp__entity_symbol(lsp_outline *o, uint32_t index, const char *group)
{
    size_t n_entities, n_mentions, n_quotes;
    const an_entity *e = &an_doc_entities(o->m->doc, &n_entities)[index];
    const an_mention *mentions = an_doc_mentions(o->m->doc, &n_mentions);
    const an_quote *quotes = an_doc_quotes(o->m->doc, &n_quotes);
    an_span sel = e->n_mentions ? mentions[e->mentions[0]].span : (an_span){0, 0};
    size_t from = o->speaker_start[index], to = o->speaker_start[index + 1];
    int kind = e->kind == AN_ENTITY_PERSON ? LSP_KIND_OBJECT : LSP_KIND_MODULE;
    if (o->flat)
        for (size_t k = from; k < to; k++)
            lsp__quote_symbol(o, &quotes[o->speaker_quotes[k]], NULL, e->name.ptr);
    lsp__symbol_open(o, e->name.ptr, e->name.len, e->title.ptr, kind, lsp__entity_range(o, index),
                     sel, group);
    if (!o->flat && to > from) {
        proto_jw_key(o->w, "children");
        proto_jw_array_begin(o->w);
        for (size_t k = from; k < to; k++)
            lsp__quote_symbol(o, &quotes[o->speaker_quotes[k]], NULL, NULL);
        proto_jw_array_end(o->w);
    }
    proto_jw_object_end(o->w);
}

/* What the Quotes group says about a quote's speaker. */
static const char *lsp__quote_detail(const lsp_outline *o, const an_quote *q, char *buf, size_t size)
{
    size_t n_entities;
    const an_entity *entities = an_doc_entities(o->m->doc, &n_entities);
    if (q->speaker >= 0 && (size_t)q->speaker < n_entities)
        return entities[q->speaker].name.ptr;
    if (q->source_phrase.end > q->source_phrase.start) {
        size_t n = q->source_phrase.end - q->source_phrase.start;
        if (n >= size)
            n = size - 1;
        memcpy(buf, o->t.ptr + q->source_phrase.start, n);
        buf[n] = '\0';
        return buf;
    }
    if (q->flags & AN_QUOTE_HEADLINE)
        return "headline";
    return q->flags & AN_QUOTE_NOT_SPEECH ? "not speech" : "unattributed";
}

/* Opens a group symbol (hierarchical mode only) at its children. */
static void lsp__group_open(lsp_outline *o, const char *name, an_span range, an_span first)
{
    lsp__symbol_open(o, name, strlen(name), NULL, LSP_KIND_NAMESPACE, range, first, NULL);
    proto_jw_key(o->w, "children");
    proto_jw_array_begin(o->w);
}

static void lsp__group_close(lsp_outline *o)
{
    proto_jw_array_end(o->w);
    proto_jw_object_end(o->w);
}

static bool lsp__listed(const an_entity *e, an_entity_kind kind)
{
    return e->kind == kind && e->n_mentions > 0;
}

/* The People or Organizations group: a first pass finds its range. */
static void lsp__entities(lsp_outline *o, an_entity_kind kind, const char *group)
{
    size_t n, n_mentions, count = 0;
    const an_entity *entities = an_doc_entities(o->m->doc, &n);
    const an_mention *mentions = an_doc_mentions(o->m->doc, &n_mentions);
    an_span range = {(size_t)-1, 0}, first = {0, 0};
    for (size_t i = 0; i < n && !o->flat; i++) {
        if (!lsp__listed(&entities[i], kind))
            continue;
        if (count++ == 0)
            first = mentions[entities[i].mentions[0]].span;
        lsp__widen(&range, lsp__entity_range(o, (uint32_t)i));
    }
    if (count > 0)
        lsp__group_open(o, group, range, first);
    for (size_t i = 0; i < n && !o->w->failed; i++)
        if (lsp__listed(&entities[i], kind))
            lsp__entity_symbol(o, (uint32_t)i, group);
    if (count > 0)
        lsp__group_close(o);
}

static void lsp__quotes(lsp_outline *o)
{
    size_t n;
    const an_quote *quotes = an_doc_quotes(o->m->doc, &n);
    an_span range = {(size_t)-1, 0};
    for (size_t i = 0; i < n; i++)
        lsp__widen(&range, quotes[i].span);
    bool group = !o->flat && n > 0;
    if (group)
        lsp__group_open(o, "Quotes", range, quotes[0].span);
    for (size_t i = 0; i < n && !o->w->failed; i++) {
        char buf[128];
        lsp__quote_symbol(o, &quotes[i], lsp__quote_detail(o, &quotes[i], buf, sizeof buf), "Quotes");
    }
    if (group)
        lsp__group_close(o);
}

int lsp_handle_document_symbol(lsp_server *s, const json_t *params, json_t **result,
                               const char **message)
{
    lsp_document *d;
    int rc = lsp_documents_from_params(s, params, &d, message);
    if (rc != 0)
        return rc;
    if (!d || d->too_large) {
        *result = json_array();
        return 0;
    }
    /* A stale analysis answers at once, mapped through the edits since. */
    lsp_view v;
    if (lsp_document_view(d, s->caps.encoding, &v) != 0)
        return LSP_WAIT;
    proto_jw own;
    lsp_outline o = {s, d, &v, v.m, lsp_model_text(v.m), !s->caps.hierarchical_symbols, NULL, NULL, NULL};
    if (lsp__index_speakers(&o) != 0) {
        free(o.speaker_start);
        free(o.speaker_quotes);
        return lsp_fail(message, PROTO_ERR_INTERNAL, "out of memory");
    }
    /* Written as it is made: the outline of a 10 MB draft is megabytes of
     * JSON, several times that as a jansson tree. */
    o.w = lsp_result_begin(s, &own);
    proto_jw_array_begin(o.w);
    lsp__entities(&o, AN_ENTITY_PERSON, "People");
    lsp__entities(&o, AN_ENTITY_ORGANIZATION, "Organizations");
    lsp__quotes(&o);
    proto_jw_array_end(o.w);
    free(o.speaker_start);
    free(o.speaker_quotes);
    return lsp_result_end(s, o.w, result, message);
}
