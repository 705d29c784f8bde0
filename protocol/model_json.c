/* model_json.c - analysis JSON v1. */
#include "protocol/model_json.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol/json_write.h"
#include "protocol/utf.h"

const char *proto_severity_name(an_severity severity)
{
    switch (severity) {
    case AN_SEV_ERROR: return "error";
    case AN_SEV_WARNING: return "warning";
    case AN_SEV_INFORMATION: return "information";
    case AN_SEV_HINT: return "hint";
    default: return "off";
    }
}

void proto_line_column_with(const an_doc *doc, proto_cursor *c, size_t offset, size_t *line,
                            size_t *column)
{
    an_str text = an_doc_text(doc);
    if (offset > text.len)
        offset = text.len;
    size_t l = an_doc_line_of(doc, offset);
    size_t from = an_doc_line_start(doc, l), chars = 0;
    if (c && c->ptr == text.ptr && c->len == text.len && c->enc == PROTO_ENC_UTF32)
        chars = proto_cursor_units(c, from, offset, &from);
    /* The cursor stops before a character cut by offset; counting the
     * rest on its own counts each of its bytes, as the plain count does. */
    *line = l + 1;
    *column = chars + proto_utf8_count_chars(text.ptr + from, offset - from) + 1;
}

void proto_line_column(const an_doc *doc, size_t offset, size_t *line, size_t *column)
{
    proto_line_column_with(doc, NULL, offset, line, column);
}

/* "P3", "O1", "L2" into buf (room for a letter, 10 digits and NUL),
 * written by hand: snprintf cost as much as the rest of an entity. */
static void proto__entity_id(const an_entity *e, char buf[12])
{
    char digits[10];
    size_t n = 0;
    uint32_t v = e->number;
    do
        digits[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    *buf++ = e->kind == AN_ENTITY_PERSON ? 'P' : e->kind == AN_ENTITY_ORGANIZATION ? 'O' : 'L';
    while (n > 0)
        *buf++ = digits[--n];
    *buf = '\0';
}

/* The sections of the model object, in order. */
static const char *const proto__sections[] = {"people", "organizations", "places", "quotes",
                                              "diagnostics"};

/* The section of an entity: people, organizations, places (any other kind). */
static size_t proto__entity_section(const an_entity *e)
{
    return e->kind == AN_ENTITY_PERSON ? 0 : e->kind == AN_ENTITY_ORGANIZATION ? 1 : 2;
}

/* ---- the analysis JSON, written as it is made ---------------------------- */

static void proto__write_span(proto_jw *w, const an_doc *doc, an_span span)
{
    an_str text = an_doc_text(doc);
    proto_jw_object_begin(w);
    PROTO_JW_KEY(w, "start");
    proto_jw_int(w, (long long)span.start);
    PROTO_JW_KEY(w, "end");
    proto_jw_int(w, (long long)span.end);
    PROTO_JW_KEY(w, "text");
    proto_jw_string(w, text.ptr + span.start, span.end - span.start);
}

static void proto__write_entity(proto_jw *w, const an_doc *doc, const an_entity *e)
{
    char id[12];
    proto__entity_id(e, id);
    size_t n_mentions;
    const an_mention *mentions = an_doc_mentions(doc, &n_mentions);
    proto_jw_object_begin(w);
    PROTO_JW_KEY(w, "id");
    proto_jw_cstr(w, id);
    PROTO_JW_KEY(w, "name");
    proto_jw_string(w, e->name.ptr, e->name.len);
    if (e->kind == AN_ENTITY_PERSON) {
        PROTO_JW_KEY(w, "title");
        if (e->title.ptr)
            proto_jw_string(w, e->title.ptr, e->title.len);
        else
            proto_jw_null(w);
    }
    PROTO_JW_KEY(w, "aliases");
    proto_jw_array_begin(w);
    for (size_t i = 0; i < e->n_aliases; i++)
        proto_jw_string(w, e->aliases[i].ptr, e->aliases[i].len);
    proto_jw_array_end(w);
    PROTO_JW_KEY(w, "mentions");
    proto_jw_array_begin(w);
    for (size_t i = 0; i < e->n_mentions; i++) {
        const an_mention *m = &mentions[e->mentions[i]];
        proto__write_span(w, doc, m->span);
        PROTO_JW_KEY(w, "kind");
        proto_jw_cstr(w, an_mention_kind_name(m->kind));
        proto_jw_object_end(w);
    }
    proto_jw_array_end(w);
    proto_jw_object_end(w);
}

/* A span object, or null when empty. */
static void proto__write_span_or_null(proto_jw *w, const an_doc *doc, an_span span)
{
    if (span.end > span.start) {
        proto__write_span(w, doc, span);
        proto_jw_object_end(w);
    } else {
        proto_jw_null(w);
    }
}

static void proto__write_quote(proto_jw *w, const an_doc *doc, const an_quote *q)
{
    size_t n_entities, n_mentions;
    const an_entity *entities = an_doc_entities(doc, &n_entities);
    const an_mention *mentions = an_doc_mentions(doc, &n_mentions);
    proto__write_span(w, doc, q->span);
    PROTO_JW_KEY(w, "speaker");
    if (q->speaker >= 0 && (size_t)q->speaker < n_entities) {
        char id[12];
        proto__entity_id(&entities[q->speaker], id);
        proto_jw_cstr(w, id);
    } else {
        proto_jw_null(w);
    }
    PROTO_JW_KEY(w, "cue");
    proto__write_span_or_null(w, doc, q->cue);
    PROTO_JW_KEY(w, "speaker_mention");
    if (q->speaker_mention >= 0 && (size_t)q->speaker_mention < n_mentions) {
        proto__write_span(w, doc, mentions[q->speaker_mention].span);
        proto_jw_object_end(w);
    } else {
        proto__write_span_or_null(w, doc, q->source_phrase);
    }
    PROTO_JW_KEY(w, "continuation");
    proto_jw_bool(w, q->flags & AN_QUOTE_CONTINUATION);
    PROTO_JW_KEY(w, "closed");
    proto_jw_bool(w, !(q->flags & AN_QUOTE_UNCLOSED));
    PROTO_JW_KEY(w, "speech");
    proto_jw_bool(w, !(q->flags & AN_QUOTE_NOT_SPEECH));
    proto_jw_object_end(w);
}

static void proto__write_diagnostic(proto_jw *w, const an_doc *doc, proto_cursor *c,
                                    const an_diagnostic *d)
{
    size_t line, column;
    proto_line_column_with(doc, c, d->span.start, &line, &column);
    proto_jw_object_begin(w);
    PROTO_JW_KEY(w, "rule");
    proto_jw_cstr(w, an_rule_name(d->rule));
    PROTO_JW_KEY(w, "severity");
    proto_jw_cstr(w, proto_severity_name(d->severity));
    PROTO_JW_KEY(w, "start");
    proto_jw_int(w, (long long)d->span.start);
    PROTO_JW_KEY(w, "end");
    proto_jw_int(w, (long long)d->span.end);
    PROTO_JW_KEY(w, "line");
    proto_jw_int(w, (long long)line);
    PROTO_JW_KEY(w, "column");
    proto_jw_int(w, (long long)column);
    PROTO_JW_KEY(w, "message");
    proto_jw_string(w, d->message.ptr, d->message.len);
    if (d->related.end > d->related.start) {
        PROTO_JW_KEY(w, "related");
        proto__write_span(w, doc, d->related);
        PROTO_JW_KEY(w, "message");
        proto_jw_string(w, d->related_message.ptr, d->related_message.len);
        proto_jw_object_end(w);
    }
    if (d->replacement.ptr) {
        PROTO_JW_KEY(w, "replacement");
        proto_jw_string(w, d->replacement.ptr, d->replacement.len);
    }
    proto_jw_object_end(w);
}

static void proto__write_entities(proto_jw *w, const an_doc *doc, size_t section)
{
    size_t n;
    const an_entity *entities = an_doc_entities(doc, &n);
    proto_jw_key(w, proto__sections[section]);
    proto_jw_array_begin(w);
    for (size_t i = 0; i < n && !w->failed; i++)
        if (proto__entity_section(&entities[i]) == section)
            proto__write_entity(w, doc, &entities[i]);
    proto_jw_array_end(w);
}

void proto_model_write_to(proto_jw *w, const an_doc *doc, const char *file)
{
    size_t n;
    proto_jw_object_begin(w);
    PROTO_JW_KEY(w, "byline");
    proto_jw_int(w, 1);
    PROTO_JW_KEY(w, "file");
    proto_jw_cstr(w, file);
    for (size_t k = 0; k < 3; k++) /* people, organizations, places */
        proto__write_entities(w, doc, k);
    const an_quote *q = an_doc_quotes(doc, &n);
    PROTO_JW_KEY(w, "quotes");
    proto_jw_array_begin(w);
    for (size_t i = 0; i < n && !w->failed; i++)
        proto__write_quote(w, doc, &q[i]);
    proto_jw_array_end(w);
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    an_str text = an_doc_text(doc);
    proto_cursor c;
    proto_cursor_init(&c, text.ptr, text.len, PROTO_ENC_UTF32);
    PROTO_JW_KEY(w, "diagnostics");
    proto_jw_array_begin(w);
    for (size_t i = 0; i < n && !w->failed; i++)
        proto__write_diagnostic(w, doc, &c, &d[i]);
    proto_jw_array_end(w);
    proto_cursor_free(&c);
    proto_jw_object_end(w);
}

json_t *proto_model_to_json(const an_doc *doc, const char *file)
{
    proto_jw w;
    proto_jw_init(&w, NULL, 0);
    proto_model_write_to(&w, doc, file);
    size_t len;
    char *text = proto_jw_take(&w, &len);
    json_t *model = text ? json_loadb(text, len, JSON_ALLOW_NUL, NULL) : NULL;
    free(text);
    return model;
}

int proto_model_write(const an_doc *doc, const char *file, FILE *out)
{
    proto_jw w;
    proto_jw_init(&w, out, 1);
    proto_model_write_to(&w, doc, file);
    int rc = proto_jw_finish(&w);
    proto_jw_free(&w);
    return rc;
}
