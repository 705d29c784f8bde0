/* documents.c - the document store: open, change (full and incremental),
 * close and save, with versions, size limits and per-document settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lsp.h"
#include "protocol/lsp_types.h"
#include "protocol/utf.h"

static void lsp_document__log_edit(lsp_server *s, lsp_document *d, size_t start, size_t old_len,
                                   size_t new_len);

static char *lsp__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

lsp_config *lsp_config_for(lsp_server *s, const char *path)
{
    lsp_config *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->cfg = config_load_for_file(path);
    if (!c->cfg) {
        free(c);
        return NULL;
    }
    config_apply_json(c->cfg, s->init_settings, "initializationOptions", NULL, NULL);
    config_apply_json(c->cfg, s->client_settings, "workspace/didChangeConfiguration", NULL, NULL);
    for (size_t i = 0; i < c->cfg->n_errors; i++) {
        char buf[512];
        lsp_log(s, LSP_MSG_WARNING, "configuration: %s",
                config_error_format(&c->cfg->errors[i], buf, sizeof buf));
    }
    c->refs = 1;
    return c;
}

void lsp_config_release(lsp_config *c)
{
    if (c && --c->refs == 0) {
        config_free(c->cfg);
        free(c);
    }
}

void lsp_model_free(lsp_model *m)
{
    if (!m)
        return;
    an_doc_free(m->doc);
    proto_lines_free(&m->lines);
    free(m);
}

proto_text lsp_model_text(const lsp_model *m)
{
    an_str t = an_doc_text(m->doc);
    return (proto_text){t.ptr, t.len, &m->lines};
}

proto_text lsp_document_text(const lsp_document *d)
{
    return (proto_text){d->text ? d->text : "", d->len, &d->lines};
}

const lsp_model *lsp_document_current_model(const lsp_document *d)
{
    return d->model && d->model->rev == d->rev ? d->model : NULL;
}

lsp_document *lsp_documents_find(lsp_server *s, const char *uri)
{
    for (size_t i = 0; i < s->n_docs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0)
            return s->docs[i];
    return NULL;
}

int lsp_documents_from_params(lsp_server *s, const json_t *params, lsp_document **doc,
                              const char **message)
{
    json_t *uri = proto_get(params, "textDocument.uri");
    if (!json_is_string(uri))
        return lsp_fail(message, PROTO_ERR_INVALID_PARAMS, "textDocument.uri must be a string");
    *doc = lsp_documents_find(s, json_string_value(uri));
    return 0;
}

static void lsp_document__free(lsp_document *d)
{
    free(d->edits);
    free(d->uri);
    free(d->path);
    free(d->language_id);
    free(d->text);
    free(d->published);
    proto_lines_free(&d->lines);
    lsp_config_release(d->config);
    lsp_model_free(d->model);
    free(d);
}

static void lsp_documents__remove(lsp_server *s, lsp_document *d)
{
    for (size_t i = 0; i < s->n_docs; i++) {
        if (s->docs[i] == d) {
            memmove(s->docs + i, s->docs + i + 1, (s->n_docs - i - 1) * sizeof *s->docs);
            s->n_docs--;
            break;
        }
    }
    lsp_document__free(d);
}

void lsp_documents_close_all(lsp_server *s)
{
    while (s->n_docs > 0)
        lsp_documents__remove(s, s->docs[s->n_docs - 1]);
    free(s->docs);
    s->docs = NULL;
    s->cap_docs = 0;
}

/* Markdown for languageId "markdown" or a Markdown file name; plain text
 * for plaintext, text, "" (Neovim without filetype) and anything else. */
static an_format lsp__format(const char *language_id, const char *uri)
{
    if (strcmp(language_id, "markdown") == 0)
        return AN_FORMAT_MARKDOWN;
    char path[4096];
    size_t n = strcspn(uri, "?#");
    if (n >= sizeof path)
        n = sizeof path - 1;
    memcpy(path, uri, n);
    path[n] = '\0';
    return cli_format_for_path(path);
}

/* Replaces the whole text; -1 when the document would be too large. */
static int lsp_document__set_text(lsp_server *s, lsp_document *d, const char *text, size_t len)
{
    size_t max = d->config ? d->config->cfg->max_document_size : CONFIG_DEFAULT_MAX_DOCUMENT_SIZE;
    if (len > max) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 "Byline: %s is too large to analyse (%zu bytes; the maximum is %zu, setting "
                 "byline.maxDocumentSize).",
                 d->uri, len, max);
        lsp_show(s, LSP_MSG_WARNING, msg);
        free(d->text);
        d->text = NULL;
        d->len = d->cap = 0;
        d->n_edits = 0;
        d->unmappable = s->next_rev + 1;
        proto_lines_free(&d->lines);
        proto_lines_build(&d->lines, "", 0);
        d->too_large = 1;
        return -1;
    }
    char *buf = malloc(len ? len : 1);
    proto_lines lines;
    if (!buf || proto_lines_build(&lines, text, len) != 0) {
        free(buf);
        lsp_log(s, LSP_MSG_ERROR, "%s: out of memory; the document is not analysed", d->uri);
        return -1;
    }
    memcpy(buf, text, len);
    free(d->text);
    proto_lines_free(&d->lines);
    d->n_edits = 0;
    d->unmappable = s->next_rev + 1; /* the revision this change will get */
    d->text = buf;
    d->len = d->cap = len;
    d->lines = lines;
    d->too_large = 0;
    return 0;
}

static void lsp_document__changed(lsp_server *s, lsp_document *d, const json_t *version)
{
    if (json_is_integer(version))
        d->version = json_integer_value(version);
    d->rev = ++s->next_rev;
    if (d->too_large) {
        lsp_publish_clear(s, d->uri);
        return;
    }
    lsp_worker_queue(s, d);
}

void lsp_handle_did_open(lsp_server *s, const json_t *params)
{
    json_t *td = proto_get(params, "textDocument");
    const char *uri, *lang = "", *text;
    size_t len;
    json_t *version = NULL;
    if (json_unpack((json_t *)td, "{s:s, s?s, s?o, s:s%}", "uri", &uri, "languageId", &lang,
                    "version", &version, "text", &text, &len) != 0) {
        lsp_log(s, LSP_MSG_WARNING, "textDocument/didOpen: invalid params; ignored");
        return;
    }
    lsp_document *d = lsp_documents_find(s, uri);
    if (d) {
        lsp_log(s, LSP_MSG_WARNING, "%s was already open; replacing its text", uri);
    } else {
        d = calloc(1, sizeof *d);
        lsp_document **nd = s->n_docs < s->cap_docs ? s->docs
                            : realloc(s->docs, (s->cap_docs * 2 + 4) * sizeof *nd);
        if (!d || !nd || !(d->uri = lsp__strdup(uri))) {
            free(d);
            lsp_log(s, LSP_MSG_ERROR, "%s: out of memory; not opened", uri);
            return;
        }
        if (nd != s->docs)
            s->cap_docs = s->cap_docs * 2 + 4;
        s->docs = nd;
        s->docs[s->n_docs++] = d;
        d->path = proto_uri_to_path(uri);
        d->config = lsp_config_for(s, d->path);
    }
    free(d->language_id);
    d->language_id = lsp__strdup(lang);
    d->format = lsp__format(lang, uri);
    lsp_document__set_text(s, d, text, len);
    lsp_document__changed(s, d, version);
}

void lsp_handle_did_close(lsp_server *s, const json_t *params)
{
    json_t *uri = proto_get(params, "textDocument.uri");
    lsp_document *d = json_is_string(uri) ? lsp_documents_find(s, json_string_value(uri)) : NULL;
    if (!d) {
        lsp_log(s, LSP_MSG_WARNING, "textDocument/didClose: %s is not open; ignored",
                json_is_string(uri) ? json_string_value(uri) : "(no uri)");
        return;
    }
    lsp_publish_clear(s, d->uri);
    lsp_documents__remove(s, d);
    lsp_serve_pending(s);
}

void lsp_handle_did_save(lsp_server *s, const json_t *params)
{
    json_t *uri = proto_get(params, "textDocument.uri");
    if (!json_is_string(uri))
        return;
    const char *u = json_string_value(uri);
    size_t n = strlen(u);
    /* Saving a .byline.json changes the configuration of every document. */
    if (n >= 12 && strcmp(u + n - 12, ".byline.json") == 0)
        lsp_documents_reconfigure(s);
}

void lsp_documents_reconfigure(lsp_server *s)
{
    for (size_t i = 0; i < s->n_docs; i++) {
        lsp_document *d = s->docs[i];
        lsp_config *c = lsp_config_for(s, d->path);
        if (!c)
            continue;
        lsp_config_release(d->config);
        d->config = c;
        if (!d->too_large) {
            /* Same text, new settings: the old model still maps. */
            lsp_document__log_edit(s, d, 0, 0, 0);
            d->rev = ++s->next_rev;
            lsp_worker_queue(s, d);
        }
    }
}

/* Remembers an edit for mapping the current model; when the log is full
 * (or memory runs out) the model becomes unmappable instead. */
static void lsp_document__log_edit(lsp_server *s, lsp_document *d, size_t start, size_t old_len,
                                   size_t new_len)
{
    if (d->n_edits == d->cap_edits) {
        size_t cap = d->cap_edits ? d->cap_edits * 2 : 16;
        lsp_edit *ne = cap <= LSP_MAX_EDIT_LOG ? realloc(d->edits, cap * sizeof *ne) : NULL;
        if (!ne) {
            d->n_edits = 0;
            d->unmappable = s->next_rev + 1;
            return;
        }
        d->edits = ne;
        d->cap_edits = cap;
    }
    d->edits[d->n_edits++] = (lsp_edit){s->next_rev + 1, start, old_len, new_len};
}

/* The byte range of an LSP range in the current text; -1 (and a warning)
 * when it splits a character, runs past the end or backwards. */
static int lsp_document__resolve(lsp_server *s, lsp_document *d, const json_t *range, size_t *start,
                                 size_t *end)
{
    proto_position a, b;
    if (proto_range_from_json(range, &a, &b) != 0) {
        lsp_log(s, LSP_MSG_WARNING, "%s: change rejected: invalid range", d->uri);
        return -1;
    }
    proto_text t = lsp_document_text(d);
    unsigned fa, fb;
    *start = proto_offset_at(t, a, s->caps.encoding, &fa);
    *end = proto_offset_at(t, b, s->caps.encoding, &fb);
    /* {line: lineCount, character: 0} is the end of the text. */
    int a_ok = !(fa & PROTO_POS_PAST_END) || (a.line == d->lines.count && a.character == 0);
    int b_ok = !(fb & PROTO_POS_PAST_END) || (b.line == d->lines.count && b.character == 0);
    const char *why = NULL;
    if (!a_ok || !b_ok)
        why = "the range is past the end of the document";
    else if ((fa | fb) & PROTO_POS_SNAPPED)
        why = "the range splits a multi-byte character";
    else if (*start > *end)
        why = "the range ends before it starts";
    if (!why)
        return 0;
    lsp_log(s, LSP_MSG_WARNING, "%s: change rejected: %s (%zu:%zu-%zu:%zu, %s); the text is unchanged",
            d->uri, why, a.line, a.character, b.line, b.character, proto_encoding_name(s->caps.encoding));
    return -1;
}

/* Applies one incremental change; -1 (and a warning) when it is rejected. */
static int lsp_document__edit(lsp_server *s, lsp_document *d, const json_t *range, const char *text,
                              size_t len)
{
    size_t start, end;
    if (lsp_document__resolve(s, d, range, &start, &end) != 0)
        return -1;
    size_t old_len = end - start, new_total = d->len - old_len + len;
    size_t max = d->config ? d->config->cfg->max_document_size : CONFIG_DEFAULT_MAX_DOCUMENT_SIZE;
    if (new_total > max) {
        lsp_document__set_text(s, d, NULL, new_total); /* reports and drops the text */
        return -1;
    }
    if (new_total > d->cap) {
        size_t cap = new_total + new_total / 2 + 64;
        char *nb = realloc(d->text, cap);
        if (!nb) {
            lsp_log(s, LSP_MSG_ERROR, "%s: out of memory; change rejected", d->uri);
            return -1;
        }
        d->text = nb;
        d->cap = cap;
    }
    memmove(d->text + start + len, d->text + end, d->len - end);
    memcpy(d->text + start, text, len);
    d->len = new_total;
    proto_lines_edit(&d->lines, d->text, d->len, start, old_len, len);
    lsp_document__log_edit(s, d, start, old_len, len);
    return 0;
}

/* Applies each content change in order; stops at the first rejected one. */
static int lsp_document__apply(lsp_server *s, lsp_document *d, const json_t *changes)
{
    size_t i;
    json_t *c;
    int applied = 0;
    json_array_foreach(changes, i, c) {
        json_t *text = json_object_get(c, "text");
        if (!json_is_string(text)) {
            lsp_log(s, LSP_MSG_WARNING, "%s: change rejected: no text", d->uri);
            return applied ? 0 : -1;
        }
        json_t *range = json_object_get(c, "range");
        const char *t = json_string_value(text);
        size_t n = json_string_length(text);
        int rc;
        if (!range)
            rc = lsp_document__set_text(s, d, t, n);
        else if (d->too_large)
            rc = -1;
        else
            rc = lsp_document__edit(s, d, range, t, n);
        if (rc != 0)
            return applied || d->too_large ? 0 : -1;
        applied = 1;
    }
    return applied ? 0 : -1;
}

void lsp_handle_did_change(lsp_server *s, const json_t *params)
{
    json_t *uri = proto_get(params, "textDocument.uri");
    json_t *changes = proto_get(params, "contentChanges");
    if (!json_is_string(uri) || !json_is_array(changes)) {
        lsp_log(s, LSP_MSG_WARNING, "textDocument/didChange: invalid params; ignored");
        return;
    }
    lsp_document *d = lsp_documents_find(s, json_string_value(uri));
    if (!d) {
        lsp_log(s, LSP_MSG_WARNING, "textDocument/didChange: %s is not open; ignored",
                json_string_value(uri));
        return;
    }
    if (lsp_document__apply(s, d, changes) == 0)
        lsp_document__changed(s, d, proto_get(params, "textDocument.version"));
}

/* byline/documentState: the server's copy of a document, so tests and
 * editors can check that incremental sync left exactly the client's text. */
int lsp_handle_document_state(lsp_server *s, const json_t *params, json_t **result,
                              const char **message)
{
    lsp_document *d;
    int rc = lsp_documents_from_params(s, params, &d, message);
    if (rc != 0)
        return rc;
    if (!d)
        return lsp_fail(message, PROTO_ERR_INVALID_PARAMS, "the document is not open");
    *result = json_pack("{s:s, s:I, s:s, s:s, s:o, s:I, s:I, s:b}", "uri", d->uri, "version",
                        (json_int_t)d->version, "languageId", d->language_id ? d->language_id : "",
                        "format", d->format == AN_FORMAT_MARKDOWN ? "markdown" : "plain", "text",
                        d->too_large ? json_null() : proto_utf8_json_string(d->text ? d->text : "", d->len),
                        "length", (json_int_t)d->len, "lineCount", (json_int_t)d->lines.count,
                        "tooLarge", d->too_large);
    return 0;
}

/* ---- stale models, mapped through the edits since ----------------------- */

int lsp_document_view(const lsp_document *d, proto_encoding enc, lsp_view *v)
{
    if (!d->model || d->model->rev < d->unmappable)
        return LSP_WAIT;
    *v = (lsp_view){d, d->model, enc};
    return 0;
}

void lsp_document_prune_edits(lsp_document *d)
{
    size_t k = 0;
    while (k < d->n_edits && d->model && d->edits[k].rev <= d->model->rev)
        k++;
    if (k == 0)
        return;
    memmove(d->edits, d->edits + k, (d->n_edits - k) * sizeof *d->edits);
    d->n_edits -= k;
}

int lsp_view_to_model(const lsp_view *v, size_t offset, size_t *model_offset)
{
    for (size_t i = v->d->n_edits; i-- > 0;) {
        const lsp_edit *e = &v->d->edits[i];
        if (e->rev <= v->m->rev || offset < e->start)
            continue;
        if (offset < e->start + e->new_len)
            return -1; /* typed after the analysis */
        offset = offset - e->new_len + e->old_len;
    }
    *model_offset = offset;
    return 0;
}

size_t lsp_view_to_current(const lsp_view *v, size_t x, int is_end)
{
    for (size_t i = 0; i < v->d->n_edits; i++) {
        const lsp_edit *e = &v->d->edits[i];
        if (e->rev <= v->m->rev || x < e->start || (x == e->start && (is_end || e->old_len > 0)))
            continue; /* before the edit; a start at a replacement keeps its place */
        x = x >= e->start + e->old_len ? x - e->old_len + e->new_len : e->start + e->new_len;
    }
    return x;
}

/* A model span in current offsets; an end mapped before the start is the start. */
static an_span lsp_view__span(const lsp_view *v, an_span span)
{
    size_t a = lsp_view_to_current(v, span.start, 0), b = lsp_view_to_current(v, span.end, 1);
    return (an_span){a, b < a ? a : b};
}

json_t *lsp_view_range(const lsp_view *v, an_span span)
{
    return proto_range_to_json(lsp_document_text(v->d), lsp_view__span(v, span), v->enc);
}

void lsp_view_range_write(proto_jw *w, const lsp_view *v, an_span span)
{
    proto_range_write(w, lsp_document_text(v->d), lsp_view__span(v, span), v->enc);
}

size_t lsp_view_line(const lsp_view *v, size_t model_offset)
{
    return proto_lines_find(&v->d->lines, lsp_view_to_current(v, model_offset, 0)) + 1;
}
