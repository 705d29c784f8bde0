/* handlers_hover.c - textDocument/hover: on a person or organization, who
 * they are and what they said; on a quote, who said it. */
#include <stdio.h>
#include <string.h>

#include "lsp.h"
#include "protocol/lsp_types.h"
#include "protocol/utf.h"

#define LSP_HOVER_QUOTES 5      /* quotes listed under a person */
#define LSP_EXCERPT_BYTES 60

typedef struct lsp_hover_ctx {
    const lsp_view *v;
    const lsp_model *m;
    proto_text t; /* the model's text: excerpts come from it */
    int md;
} lsp_hover_ctx;

/* The current 1-based line of a model offset. */
static size_t lsp__line1(const lsp_hover_ctx *h, size_t offset)
{
    return lsp_view_line(h->v, offset);
}

static void lsp__hover_quotes(lsp_buf *b, const lsp_hover_ctx *h, uint32_t entity)
{
    size_t n, shown = 0, total = 0;
    const an_quote *q = an_doc_quotes(h->m->doc, &n);
    for (size_t i = 0; i < n; i++) {
        if (q[i].speaker != (int32_t)entity)
            continue;
        if (total++ == 0)
            lsp_buf_printf(b, "\n\n%s", h->md ? "**Quotes:**\n" : "Quotes:\n");
        if (shown >= LSP_HOVER_QUOTES)
            continue;
        shown++;
        lsp_buf_lit(b, "- \xE2\x80\x9C");
        lsp_buf_add_excerpt(b, h->t.ptr, q[i].span, LSP_EXCERPT_BYTES, h->md);
        lsp_buf_printf(b, "\xE2\x80\x9D (line %zu)\n", lsp__line1(h, q[i].span.start));
    }
    if (total > shown)
        lsp_buf_printf(b, "- and %zu more\n", total - shown);
    if (total == 0)
        lsp_buf_lit(b, "\n\nNo quotes attributed.");
}

static void lsp__hover_entity(lsp_buf *b, const lsp_hover_ctx *h, uint32_t index)
{
    size_t n_entities, n_mentions;
    const an_entity *e = &an_doc_entities(h->m->doc, &n_entities)[index];
    const an_mention *mentions = an_doc_mentions(h->m->doc, &n_mentions);
    if (h->md)
        lsp_buf_lit(b, "**");
    lsp_buf_add_text(b, e->name.ptr, e->name.len, h->md);
    if (h->md)
        lsp_buf_lit(b, "**");
    if (e->title.ptr && e->title.len) {
        lsp_buf_lit(b, ", ");
        lsp_buf_add_text(b, e->title.ptr, e->title.len, h->md);
    }
    lsp_buf_printf(b, "\n\n%s %c%u \xC2\xB7 %zu mention%s", lsp_entity_kind_name(e->kind),
                   e->kind == AN_ENTITY_PERSON ? 'P' : e->kind == AN_ENTITY_ORGANIZATION ? 'O' : 'L',
                   e->number, e->n_mentions, e->n_mentions == 1 ? "" : "s");
    if (e->n_mentions > 0) {
        an_span first = mentions[e->mentions[0]].span;
        lsp_buf_printf(b, " \xC2\xB7 first mentioned on line %zu as \xE2\x80\x9C", lsp__line1(h, first.start));
        lsp_buf_add_excerpt(b, h->t.ptr, first, LSP_EXCERPT_BYTES, h->md);
        lsp_buf_lit(b, "\xE2\x80\x9D");
    }
    for (size_t i = 0; i < e->n_aliases; i++) {
        if (i == 0)
            lsp_buf_lit(b, "\n\nAlso: ");
        else
            lsp_buf_lit(b, ", ");
        lsp_buf_add_text(b, e->aliases[i].ptr, e->aliases[i].len, h->md);
    }
    if (e->kind != AN_ENTITY_PLACE)
        lsp__hover_quotes(b, h, index);
}

static void lsp__hover_quote(lsp_buf *b, const lsp_hover_ctx *h, const an_quote *q)
{
    size_t n_entities;
    const an_entity *entities = an_doc_entities(h->m->doc, &n_entities);
    if (q->speaker >= 0 && (size_t)q->speaker < n_entities) {
        const an_entity *e = &entities[q->speaker];
        lsp_buf_lit(b, "Quote by ");
        if (h->md)
            lsp_buf_lit(b, "**");
        lsp_buf_add_text(b, e->name.ptr, e->name.len, h->md);
        if (h->md)
            lsp_buf_lit(b, "**");
    } else if (q->source_phrase.end > q->source_phrase.start) {
        lsp_buf_lit(b, "Quote by an unnamed source: ");
        lsp_buf_add_text(b, h->t.ptr + q->source_phrase.start, q->source_phrase.end - q->source_phrase.start, h->md);
    } else {
        if (q->flags & AN_QUOTE_NOT_SPEECH)
            lsp_buf_lit(b, "Quoted words, not speech: no speaker needed");
        else
            lsp_buf_lit(b, "Quote with no speaker");
    }
    if (q->cue.end > q->cue.start) {
        lsp_buf_lit(b, "\n\nCue: \xE2\x80\x9C");
        lsp_buf_add_text(b, h->t.ptr + q->cue.start, q->cue.end - q->cue.start, h->md);
        lsp_buf_printf(b, "\xE2\x80\x9D (line %zu)", lsp__line1(h, q->cue.start));
    }
    if (q->flags & AN_QUOTE_CONTINUATION)
        lsp_buf_lit(b, "\n\nContinues the previous speaker's quote.");
    if (q->flags & AN_QUOTE_UNCLOSED)
        lsp_buf_lit(b, "\n\nNo closing quotation mark.");
    if (q->flags & AN_QUOTE_HEADLINE)
        lsp_buf_lit(b, "\n\nIn a headline.");
}

/* The hover for offset in the model, or json null. New reference. */
static json_t *lsp__hover_at(const lsp_server *s, const lsp_view *v, size_t offset)
{
    const lsp_model *m = v->m;
    lsp_hover_ctx h = {v, m, lsp_model_text(m), s->caps.hover_markdown};
    lsp_buf b = {0};
    an_span span;
    int32_t mi = an_doc_mention_at(m->doc, offset), qi = an_doc_quote_at(m->doc, offset);
    size_t n_mentions, n_quotes, n_entities;
    const an_mention *mentions = an_doc_mentions(m->doc, &n_mentions);
    const an_quote *quotes = an_doc_quotes(m->doc, &n_quotes);
    an_doc_entities(m->doc, &n_entities);
    if (mi >= 0 && (size_t)mi < n_mentions && mentions[mi].entity < n_entities) {
        span = mentions[mi].span;
        lsp__hover_entity(&b, &h, mentions[mi].entity);
    } else if (qi >= 0 && (size_t)qi < n_quotes) {
        span = quotes[qi].span;
        lsp__hover_quote(&b, &h, &quotes[qi]);
    } else {
        return json_null();
    }
    if (b.failed) {
        lsp_buf_free(&b);
        return json_null();
    }
    json_t *r = json_pack("{s:{s:s, s:o}, s:o}", "contents", "kind", h.md ? "markdown" : "plaintext",
                          "value", proto_utf8_json_string(b.ptr, b.len), "range",
                          lsp_view_range(v, span));
    lsp_buf_free(&b);
    return r;
}

int lsp_handle_hover(lsp_server *s, const json_t *params, json_t **result, const char **message)
{
    lsp_document *d;
    proto_position pos;
    int rc = lsp_documents_from_params(s, params, &d, message);
    if (rc != 0)
        return rc;
    if (proto_position_from_json(json_object_get(params, "position"), &pos) != 0)
        return lsp_fail(message, PROTO_ERR_INVALID_PARAMS, "position must be a Position");
    if (!d || d->too_large) {
        *result = json_null();
        return 0;
    }
    /* A stale analysis answers at once, mapped through the edits since. */
    lsp_view v;
    if (lsp_document_view(d, s->caps.encoding, &v) != 0)
        return LSP_WAIT;
    unsigned flags;
    size_t offset = proto_offset_at(lsp_document_text(d), pos, s->caps.encoding, &flags), at;
    if ((flags & PROTO_POS_PAST_END) || lsp_view_to_model(&v, offset, &at) != 0)
        *result = json_null();
    else
        *result = lsp__hover_at(s, &v, at);
    return 0;
}
