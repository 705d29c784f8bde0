/* model_json.c - analysis JSON v1. */
#include "protocol/model_json.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static json_t *proto__text(const an_doc *doc, an_span span)
{
    an_str text = an_doc_text(doc);
    /* Invalid UTF-8 in the input must not make the string unrepresentable. */
    return proto_utf8_json_string(text.ptr + span.start, span.end - span.start);
}

static json_t *proto__span(const an_doc *doc, an_span span)
{
    return json_pack("{s:I, s:I, s:o}", "start", (json_int_t)span.start, "end",
                     (json_int_t)span.end, "text", proto__text(doc, span));
}

static void proto__entity_id(const an_entity *e, char *buf, size_t size)
{
    char letter = e->kind == AN_ENTITY_PERSON ? 'P' : e->kind == AN_ENTITY_ORGANIZATION ? 'O' : 'L';
    snprintf(buf, size, "%c%u", letter, e->number);
}

static json_t *proto__entity(const an_doc *doc, const an_entity *e)
{
    char id[32];
    proto__entity_id(e, id, sizeof id);
    size_t n_mentions;
    const an_mention *mentions = an_doc_mentions(doc, &n_mentions);
    json_t *list = json_array();
    for (size_t i = 0; i < e->n_mentions; i++) {
        const an_mention *m = &mentions[e->mentions[i]];
        json_t *o = proto__span(doc, m->span);
        json_object_set_new(o, "kind", json_string(an_mention_kind_name(m->kind)));
        json_array_append_new(list, o);
    }
    json_t *aliases = json_array();
    for (size_t i = 0; i < e->n_aliases; i++)
        json_array_append_new(aliases, proto_utf8_json_string(e->aliases[i].ptr, e->aliases[i].len));
    json_t *o = json_pack("{s:s, s:o}", "id", id, "name",
                          proto_utf8_json_string(e->name.ptr, e->name.len));
    if (e->kind == AN_ENTITY_PERSON)
        json_object_set_new(o, "title", e->title.ptr ? proto_utf8_json_string(e->title.ptr, e->title.len)
                                                     : json_null());
    json_object_set_new(o, "aliases", aliases);
    json_object_set_new(o, "mentions", list);
    return o;
}

static json_t *proto__quote(const an_doc *doc, const an_quote *q)
{
    size_t n_entities, n_mentions;
    const an_entity *entities = an_doc_entities(doc, &n_entities);
    const an_mention *mentions = an_doc_mentions(doc, &n_mentions);
    json_t *o = proto__span(doc, q->span);
    json_t *speaker = json_null();
    if (q->speaker >= 0 && (size_t)q->speaker < n_entities) {
        char id[32];
        proto__entity_id(&entities[q->speaker], id, sizeof id);
        speaker = json_string(id);
    }
    json_object_set_new(o, "speaker", speaker);
    json_object_set_new(o, "cue", q->cue.end > q->cue.start ? proto__span(doc, q->cue) : json_null());
    json_object_set_new(o, "speaker_mention",
                        q->speaker_mention >= 0 && (size_t)q->speaker_mention < n_mentions
                            ? proto__span(doc, mentions[q->speaker_mention].span)
                        : q->source_phrase.end > q->source_phrase.start
                            ? proto__span(doc, q->source_phrase)
                            : json_null());
    json_object_set_new(o, "continuation", json_boolean(q->flags & AN_QUOTE_CONTINUATION));
    json_object_set_new(o, "closed", json_boolean(!(q->flags & AN_QUOTE_UNCLOSED)));
    json_object_set_new(o, "speech", json_boolean(!(q->flags & AN_QUOTE_NOT_SPEECH)));
    return o;
}

static json_t *proto__diagnostic(const an_doc *doc, proto_cursor *c, const an_diagnostic *d)
{
    size_t line, column;
    proto_line_column_with(doc, c, d->span.start, &line, &column);
    json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:o}", "rule", an_rule_name(d->rule),
                          "severity", proto_severity_name(d->severity), "start",
                          (json_int_t)d->span.start, "end", (json_int_t)d->span.end, "line",
                          (json_int_t)line, "column", (json_int_t)column, "message",
                          proto_utf8_json_string(d->message.ptr, d->message.len));
    if (d->related.end > d->related.start) {
        json_t *rel = proto__span(doc, d->related);
        json_object_set_new(rel, "message",
                            proto_utf8_json_string(d->related_message.ptr, d->related_message.len));
        json_object_set_new(o, "related", rel);
    }
    if (d->replacement.ptr)
        json_object_set_new(o, "replacement",
                            proto_utf8_json_string(d->replacement.ptr, d->replacement.len));
    return o;
}

/* The sections of the model object, in order. */
static const char *const proto__sections[] = {"people", "organizations", "places", "quotes",
                                              "diagnostics"};
enum { PROTO__N_SECTIONS = sizeof proto__sections / sizeof *proto__sections };

/* Calls add(ctx, section, element) for every element of the model, section
 * by section, in order; add takes the reference. Stops at the first
 * non-zero return, or when an element cannot be made (-1). */
static int proto__model_each(const an_doc *doc, int (*add)(void *ctx, size_t section, json_t *e),
                             void *ctx)
{
    size_t n;
    const an_entity *entities = an_doc_entities(doc, &n);
    for (size_t k = 0; k < 3; k++) /* people, organizations, places (and any other kind) */
        for (size_t i = 0; i < n; i++) {
            size_t section = entities[i].kind == AN_ENTITY_PERSON         ? 0
                             : entities[i].kind == AN_ENTITY_ORGANIZATION ? 1
                                                                          : 2;
            if (section != k)
                continue;
            json_t *e = proto__entity(doc, &entities[i]);
            int rc = e ? add(ctx, k, e) : -1;
            if (rc != 0)
                return rc;
        }
    const an_quote *q = an_doc_quotes(doc, &n);
    for (size_t i = 0; i < n; i++) {
        json_t *e = proto__quote(doc, &q[i]);
        int rc = e ? add(ctx, 3, e) : -1;
        if (rc != 0)
            return rc;
    }
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    an_str text = an_doc_text(doc);
    proto_cursor c;
    proto_cursor_init(&c, text.ptr, text.len, PROTO_ENC_UTF32);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        json_t *e = proto__diagnostic(doc, &c, &d[i]);
        rc = e ? add(ctx, 4, e) : -1;
    }
    proto_cursor_free(&c);
    return rc;
}

static int proto__append(void *ctx, size_t section, json_t *e)
{
    json_t **lists = ctx;
    return json_array_append_new(lists[section], e);
}

json_t *proto_model_to_json(const an_doc *doc, const char *file)
{
    json_t *lists[PROTO__N_SECTIONS];
    for (size_t i = 0; i < PROTO__N_SECTIONS; i++)
        lists[i] = json_array();
    if (proto__model_each(doc, proto__append, lists) != 0) {
        for (size_t i = 0; i < PROTO__N_SECTIONS; i++)
            json_decref(lists[i]);
        return NULL;
    }
    return json_pack("{s:i, s:o, s:o, s:o, s:o, s:o, s:o}", "byline", 1, "file",
                     file ? proto_utf8_json_string(file, strlen(file)) : json_null(), "people",
                     lists[0], "organizations", lists[1], "places", lists[2], "quotes", lists[3],
                     "diagnostics", lists[4]);
}

/* The state of proto_model_write: the section open and whether it has an
 * element yet. */
typedef struct proto__writer {
    FILE *out;
    size_t section; /* the next section to open, or the open one + 1 */
    bool open, any;
} proto__writer;

/* Writes s with every newline followed by `indent` more spaces: a value
 * dumped at the top level, moved `indent` levels in (JSON strings hold no
 * raw newline, so each newline is the dumper's). */
static int proto__put_indented(FILE *out, const char *s, int indent)
{
    for (const char *nl; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
        if (fwrite(s, 1, (size_t)(nl - s) + 1, out) != (size_t)(nl - s) + 1 ||
            fprintf(out, "%*s", indent, "") < 0)
            return -1;
    return fputs(s, out) == EOF ? -1 : 0;
}

/* Closes the open section, and writes the sections before `upto` that
 * have no element as []. */
static int proto__sections_upto(proto__writer *w, size_t upto)
{
    if (w->open && fputs(w->any ? "\n ]" : "[]", w->out) == EOF)
        return -1;
    w->open = false;
    for (; w->section < upto; w->section++)
        if (fprintf(w->out, ",\n \"%s\": []", proto__sections[w->section]) < 0)
            return -1;
    return 0;
}

static int proto__write_element(void *ctx, size_t section, json_t *e)
{
    proto__writer *w = ctx;
    int rc = 0;
    if (!w->open || section + 1 != w->section) {
        rc = proto__sections_upto(w, section);
        if (rc == 0 && fprintf(w->out, ",\n \"%s\": [", proto__sections[section]) < 0)
            rc = -1;
        w->section = section + 1;
        w->open = true;
        w->any = false;
    }
    char *s = rc == 0 ? json_dumps(e, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(e);
    if (!s)
        return -1;
    rc = fputs(w->any ? ",\n  " : "\n  ", w->out) == EOF ? -1 : proto__put_indented(w->out, s, 2);
    free(s);
    w->any = true;
    return rc;
}

int proto_model_write(const an_doc *doc, const char *file, FILE *out)
{
    json_t *name = file ? proto_utf8_json_string(file, strlen(file)) : json_null();
    char *s = name ? json_dumps(name, JSON_ENCODE_ANY) : NULL;
    json_decref(name);
    if (!s)
        return -1;
    int rc = fprintf(out, "{\n \"byline\": 1,\n \"file\": %s", s) < 0 ? -1 : 0;
    free(s);
    proto__writer w = {out, 0, false, false};
    if (rc == 0)
        rc = proto__model_each(doc, proto__write_element, &w);
    if (rc == 0)
        rc = proto__sections_upto(&w, PROTO__N_SECTIONS);
    if (rc == 0 && fputs("\n}", out) == EOF)
        rc = -1;
    return rc;
}
