/* handlers_symbols.c - textDocument/documentSymbol: the outline of a draft.
 * People (each with their quotes), Organizations, and Quotes (each with its
 * speaker, or "unattributed"). DocumentSymbol[] for clients with
 * hierarchical support, SymbolInformation[] otherwise. */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "protocol/lsp_types.h"
#include "protocol/utf.h"

enum { LSP_KIND_NAMESPACE = 3, LSP_KIND_STRING = 15, LSP_KIND_OBJECT = 19, LSP_KIND_MODULE = 2 };
#define LSP_SYMBOL_EXCERPT 48

typedef struct lsp_outline {
    const lsp_server *s;
    const lsp_document *d;
    const lsp_view *v;
    const lsp_model *m;
    proto_text t; /* the model's text */
    int flat;
    json_t *flat_list; /* flat mode: every SymbolInformation */
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

static json_t *lsp__quote_name(const lsp_outline *o, const an_quote *q)
{
    lsp_buf b = {0};
    lsp_buf_lit(&b, "\xE2\x80\x9C");
    lsp_buf_add_excerpt(&b, o->t.ptr, q->span, LSP_SYMBOL_EXCERPT, 0);
    lsp_buf_lit(&b, "\xE2\x80\x9D");
    json_t *j = b.failed ? json_string("quote") : proto_utf8_json_string(b.ptr, b.len);
    lsp_buf_free(&b);
    return j;
}

/* A DocumentSymbol (hierarchical) or a SymbolInformation added to the flat
 * list (then NULL is returned and children are ignored). Steals name. */
static json_t *lsp__symbol(lsp_outline *o, json_t *name, const char *detail, int kind, an_span range,
                           an_span selection, json_t *children, const char *container)
{
    if (o->flat) {
        json_t *si = json_pack("{s:o, s:i, s:{s:s, s:o}}", "name", name, "kind", kind, "location",
                               "uri", o->d->uri, "range", lsp_view_range(o->v, range));
        if (container)
            json_object_set_new(si, "containerName", proto_utf8_json_string(container, strlen(container)));
        json_array_append_new(o->flat_list, si);
        json_decref(children);
        return NULL;
    }
    json_t *ds = json_pack("{s:o, s:i, s:o, s:o}", "name", name, "kind", kind, "range",
                           lsp_view_range(o->v, range), "selectionRange",
                           lsp_view_range(o->v, selection));
    if (detail && *detail)
        json_object_set_new(ds, "detail", proto_utf8_json_string(detail, strlen(detail)));
    if (json_array_size(children) > 0)
        json_object_set_new(ds, "children", children);
    else
        json_decref(children);
    return ds;
}

static void lsp__widen(an_span *r, an_span s)
{
    if (s.start < r->start)
        r->start = s.start;
    if (s.end > r->end)
        r->end = s.end;
}

/* A person or organization with its quotes as children. */
static json_t *lsp__entity_symbol(lsp_outline *o, uint32_t index, const char *group, an_span *out)
{
    size_t n_entities, n_mentions, n_quotes;
    const an_entity *e = &an_doc_entities(o->m->doc, &n_entities)[index];
    const an_mention *mentions = an_doc_mentions(o->m->doc, &n_mentions);
    const an_quote *quotes = an_doc_quotes(o->m->doc, &n_quotes);
    an_span sel = e->n_mentions ? mentions[e->mentions[0]].span : (an_span){0, 0};
    an_span range = sel;
    for (size_t i = 0; i < e->n_mentions; i++)
        lsp__widen(&range, mentions[e->mentions[i]].span);
    json_t *children = o->flat ? NULL : json_array();
    for (size_t k = o->speaker_start[index]; k < o->speaker_start[index + 1]; k++) {
        const an_quote *q_ = &quotes[o->speaker_quotes[k]];
        lsp__widen(&range, q_->span);
        json_t *q = lsp__symbol(o, lsp__quote_name(o, q_), NULL, LSP_KIND_STRING, q_->span, q_->span,
                                NULL, e->name.ptr);
        if (q)
            json_array_append_new(children, q);
    }
    *out = range;
    return lsp__symbol(o, proto_utf8_json_string(e->name.ptr, e->name.len),
                       e->title.ptr ? e->title.ptr : NULL,
                       e->kind == AN_ENTITY_PERSON ? LSP_KIND_OBJECT : LSP_KIND_MODULE, range, sel,
                       children, group);
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

/* Adds a group symbol around children (hierarchical mode only). */
static void lsp__group(lsp_outline *o, json_t *out, const char *name, json_t *children, an_span range,
                       an_span first)
{
    if (o->flat || json_array_size(children) == 0) {
        json_decref(children);
        return;
    }
    json_array_append_new(out, lsp__symbol(o, json_string(name), NULL, LSP_KIND_NAMESPACE, range,
                                           first, children, NULL));
}

static void lsp__entities(lsp_outline *o, json_t *out, an_entity_kind kind, const char *group)
{
    size_t n, n_mentions;
    const an_entity *entities = an_doc_entities(o->m->doc, &n);
    const an_mention *mentions = an_doc_mentions(o->m->doc, &n_mentions);
    json_t *children = json_array();
    an_span range = {(size_t)-1, 0}, first = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (entities[i].kind != kind || entities[i].n_mentions == 0)
            continue;
        an_span r;
        json_t *sym = lsp__entity_symbol(o, (uint32_t)i, group, &r);
        if (!sym)
            continue;
        if (json_array_size(children) == 0)
            first = mentions[entities[i].mentions[0]].span;
        lsp__widen(&range, r);
        json_array_append_new(children, sym);
    }
    lsp__group(o, out, group, children, range, first);
}

static void lsp__quotes(lsp_outline *o, json_t *out)
{
    size_t n;
    const an_quote *quotes = an_doc_quotes(o->m->doc, &n);
    json_t *children = json_array();
    an_span range = {(size_t)-1, 0};
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        json_t *sym = lsp__symbol(o, lsp__quote_name(o, &quotes[i]),
                                  lsp__quote_detail(o, &quotes[i], buf, sizeof buf), LSP_KIND_STRING,
                                  quotes[i].span, quotes[i].span, NULL, "Quotes");
        lsp__widen(&range, quotes[i].span);
        if (sym)
            json_array_append_new(children, sym);
    }
    lsp__group(o, out, "Quotes", children, range, n ? quotes[0].span : (an_span){0, 0});
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
    lsp_outline o = {s, d, &v, v.m, lsp_model_text(v.m), !s->caps.hierarchical_symbols, NULL, NULL, NULL};
    if (lsp__index_speakers(&o) != 0) {
        free(o.speaker_start);
        free(o.speaker_quotes);
        return lsp_fail(message, PROTO_ERR_INTERNAL, "out of memory");
    }
    json_t *out = json_array();
    o.flat_list = o.flat ? out : NULL;
    lsp__entities(&o, out, AN_ENTITY_PERSON, "People");
    lsp__entities(&o, out, AN_ENTITY_ORGANIZATION, "Organizations");
    lsp__quotes(&o, out);
    free(o.speaker_start);
    free(o.speaker_quotes);
    *result = out;
    return 0;
}
