/* handlers_diagnostics.c - diagnostics pushed (publishDiagnostics) and
 * pulled (textDocument/diagnostic), and quick fixes for the diagnostics
 * that carry a replacement (textDocument/codeAction). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "protocol/json_write.h"
#include "protocol/lsp_types.h"
#include "protocol/utf.h"

/* The model's text with positions converted through `cursor`: `view`
 * borrows the model's line index (never freed) and carries the cursor.
 * Diagnostics are sorted by offset, so the cursor converts all their
 * positions in one walk over the text; from each line start, a million
 * on one line would be quadratic. */
static proto_text lsp__cursor_text(const lsp_model *m, proto_encoding enc, proto_lines *view,
                                   proto_cursor *cursor)
{
    proto_text t = lsp_model_text(m);
    proto_cursor_init(cursor, t.ptr, t.len, enc);
    *view = *t.lines;
    view->cursor = cursor;
    t.lines = view;
    return t;
}

/* Writes the Diagnostic[] of a model. */
static void lsp__diagnostics_write(proto_jw *w, lsp_server *s, const lsp_document *d,
                                   const lsp_model *m)
{
    proto_diag_style style = {d->uri, s->docs_base, 1};
    proto_lines view;
    proto_cursor cursor;
    proto_text t = lsp__cursor_text(m, s->caps.encoding, &view, &cursor);
    size_t n;
    const an_diagnostic *diags = an_doc_diagnostics(m->doc, &n);
    proto_jw_array_begin(w);
    for (size_t i = 0; i < n && !w->failed; i++)
        if (diags[i].severity != AN_SEV_OFF)
            proto_diagnostic_write(w, &diags[i], t, s->caps.encoding, &style);
    proto_jw_array_end(w);
    proto_cursor_free(&cursor);
}

void lsp_publish_diagnostics(lsp_server *s, lsp_document *d, const lsp_model *m)
{
    char rid[32];
    snprintf(rid, sizeof rid, "%ld", m->rev);
    free(d->published);
    d->published = malloc(strlen(rid) + 1);
    if (d->published)
        strcpy(d->published, rid);
    /* A client that pulls gets them on request; pushing too would show
     * every diagnostic twice. */
    if (s->caps.pull_diagnostics)
        return;
    /* Written as it is made: a long draft has thousands of diagnostics. */
    proto_jw w;
    proto_jw_init(&w, NULL, 0);
    proto_notification_begin(&w, "textDocument/publishDiagnostics");
    proto_jw_object_begin(&w);
    proto_jw_key(&w, "uri");
    proto_jw_cstr(&w, d->uri);
    proto_jw_key(&w, "version");
    proto_jw_int(&w, (long long)m->version);
    proto_jw_key(&w, "diagnostics");
    lsp__diagnostics_write(&w, s, d, m);
    proto_jw_object_end(&w);
    proto_jw_object_end(&w);
    if (!lsp_send_written(s, &w))
        lsp_log(s, LSP_MSG_ERROR, "%s: out of memory; diagnostics not sent", d->uri);
}

void lsp_publish_clear(lsp_server *s, const char *uri)
{
    if (s->caps.pull_diagnostics)
        return;
    lsp_send(s, proto_notification_new("textDocument/publishDiagnostics",
                                       json_pack("{s:s, s:[]}", "uri", uri, "diagnostics")));
}

int lsp_handle_diagnostic(lsp_server *s, const json_t *params, json_t **result, const char **message)
{
    lsp_document *d;
    int rc = lsp_documents_from_params(s, params, &d, message);
    if (rc != 0)
        return rc;
    if (!d || d->too_large) {
        *result = json_pack("{s:s, s:[]}", "kind", "full", "items");
        return 0;
    }
    const lsp_model *m = lsp_document_current_model(d);
    if (!m)
        return LSP_WAIT;
    char rid[32];
    snprintf(rid, sizeof rid, "%ld", m->rev);
    json_t *prev = json_object_get(params, "previousResultId");
    if (json_is_string(prev) && strcmp(json_string_value(prev), rid) == 0) {
        *result = json_pack("{s:s, s:s}", "kind", "unchanged", "resultId", rid);
        return 0;
    }
    proto_jw own, *w = lsp_result_begin(s, &own);
    proto_jw_object_begin(w);
    proto_jw_key(w, "kind");
    proto_jw_cstr(w, "full");
    proto_jw_key(w, "resultId");
    proto_jw_cstr(w, rid);
    proto_jw_key(w, "items");
    lsp__diagnostics_write(w, s, d, m);
    proto_jw_object_end(w);
    return lsp_result_end(s, w, result, message);
}

/* A quick fix that replaces the diagnostic's span. New reference. */
static json_t *lsp__quick_fix(lsp_server *s, const lsp_document *d, proto_text t,
                              const an_diagnostic *diag)
{
    proto_diag_style style = {d->uri, s->docs_base, 1};
    char title[256];
    snprintf(title, sizeof title, "Replace with \xE2\x80\x9C%.200s\xE2\x80\x9D", diag->replacement.ptr);
    json_t *edit = json_pack("{s:o, s:o}", "range", proto_range_to_json(t, diag->span, s->caps.encoding),
                             "newText",
                             proto_utf8_json_string(diag->replacement.ptr, diag->replacement.len));
    json_t *changes = json_object();
    json_object_set_new(changes, d->uri, json_pack("[o]", edit));
    return json_pack("{s:o, s:s, s:[o], s:b, s:{s:o}}", "title",
                     proto_utf8_json_string(title, strlen(title)), "kind", "quickfix", "diagnostics",
                     proto_diagnostic_to_json(diag, t, s->caps.encoding, &style), "isPreferred", 1,
                     "edit", "changes", changes);
}

int lsp_handle_code_action(lsp_server *s, const json_t *params, json_t **result, const char **message)
{
    lsp_document *d;
    proto_position a, b;
    int rc = lsp_documents_from_params(s, params, &d, message);
    if (rc != 0)
        return rc;
    if (proto_range_from_json(json_object_get(params, "range"), &a, &b) != 0)
        return lsp_fail(message, PROTO_ERR_INVALID_PARAMS, "range must be a Range");
    if (!d || d->too_large) {
        *result = json_array();
        return 0;
    }
    const lsp_model *m = lsp_document_current_model(d);
    if (!m)
        return LSP_WAIT;
    proto_text t = lsp_model_text(m);
    unsigned f;
    size_t start = proto_offset_at(t, a, s->caps.encoding, &f);
    size_t end = proto_offset_at(t, b, s->caps.encoding, &f);
    size_t n;
    const an_diagnostic *diags = an_doc_diagnostics(m->doc, &n);
    proto_lines view;
    proto_cursor cursor;
    t = lsp__cursor_text(m, s->caps.encoding, &view, &cursor);
    json_t *actions = json_array();
    for (size_t i = 0; i < n; i++) {
        const an_diagnostic *g = &diags[i];
        if (g->replacement.ptr && g->severity != AN_SEV_OFF && g->span.start <= end && start <= g->span.end)
            json_array_append_new(actions, lsp__quick_fix(s, d, t, g));
    }
    proto_cursor_free(&cursor);
    *result = actions;
    return 0;
}
