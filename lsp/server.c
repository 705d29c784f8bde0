/* server.c - `byline lsp`: the message loop, lifecycle, method table,
 * cancellation and the requests that wait for an analysis. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"
#include "lsp.h"
#include "protocol/framing.h"
#include "protocol/utf.h"

#ifndef BYLINE_VERSION
#define BYLINE_VERSION "0.0.0"
#endif


/* Writes one queued message and releases it. */
static void lsp__write(lsp_server *s, lsp_outgoing *o)
{
    int rc = 0;
    if (!atomic_load(&s->output_broken))
        rc = o->msg ? proto_write_message(s->out_fd, o->msg) : proto_write_frame(s->out_fd, o->raw, o->len);
    if (rc != 0) {
        fprintf(stderr, "byline: cannot write to the client (%s); stopping\n", strerror(errno));
        atomic_store(&s->output_broken, 1);
    }
    json_decref(o->msg);
    free(o->raw);
}

/* Queues (or, for tests, writes) one message; takes it. */
static void lsp__send(lsp_server *s, lsp_outgoing o)
{
    if (!s->queue_output) {
        lsp__write(s, &o);
        return;
    }
    if (s->n_outbox == s->cap_outbox) {
        size_t cap = s->cap_outbox ? s->cap_outbox * 2 : 16;
        lsp_outgoing *nb = realloc(s->outbox, cap * sizeof *nb);
        if (!nb) {
            json_decref(o.msg);
            free(o.raw);
            return;
        }
        s->outbox = nb;
        s->cap_outbox = cap;
    }
    s->outbox[s->n_outbox++] = o;
}

void lsp_send(lsp_server *s, json_t *msg)
{
    if (msg)
        lsp__send(s, (lsp_outgoing){msg, NULL, 0});
}

bool lsp_send_written(lsp_server *s, proto_jw *w)
{
    size_t len;
    char *body = proto_jw_take(w, &len);
    if (body)
        lsp__send(s, (lsp_outgoing){NULL, body, len});
    return body != NULL;
}

void lsp_unlock_and_flush(lsp_server *s)
{
    lsp_outgoing *items = s->outbox;
    size_t n = s->n_outbox;
    s->outbox = NULL;
    s->n_outbox = s->cap_outbox = 0;
    /* Taking out_mu before releasing mu keeps the order of decisions. */
    pthread_mutex_lock(&s->out_mu);
    pthread_mutex_unlock(&s->mu);
    for (size_t i = 0; i < n; i++)
        lsp__write(s, &items[i]);
    pthread_mutex_unlock(&s->out_mu);
    free(items);
}

proto_jw *lsp_result_begin(lsp_server *s, proto_jw *own)
{
    if (s->result_writer)
        return s->result_writer;
    proto_jw_init(own, NULL, 0);
    return own;
}

int lsp_result_end(lsp_server *s, proto_jw *w, json_t **result, const char **message)
{
    if (w == s->result_writer)
        return w->failed ? lsp_fail(message, PROTO_ERR_INTERNAL, "out of memory") : LSP_RAW;
    size_t len;
    char *text = proto_jw_take(w, &len);
    *result = text ? json_loadb(text, len, JSON_ALLOW_NUL, NULL) : NULL;
    free(text);
    return *result ? 0 : lsp_fail(message, PROTO_ERR_INTERNAL, "out of memory");
}

void lsp_show(lsp_server *s, int type, const char *text)
{
    fprintf(stderr, "byline: %s\n", text);
    lsp_send(s, proto_notification_new("window/showMessage",
                                       json_pack("{s:i, s:o}", "type", type, "message",
                                                 proto_utf8_json_string(text, strlen(text)))));
}

void lsp_log(lsp_server *s, int type, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    static const char *const names[] = {"", "error", "warning", "info", "log"};
    fprintf(stderr, "byline: %s: %s\n", names[type >= 1 && type <= 4 ? type : 4], buf);
    lsp_send(s, proto_notification_new("window/logMessage",
                                       json_pack("{s:i, s:o}", "type", type, "message",
                                                 proto_utf8_json_string(buf, strlen(buf)))));
}

int lsp_fail(const char **message, int code, const char *text)
{
    *message = text;
    return code;
}

static char *lsp__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

/* ---- settings ---------------------------------------------------------- */

/* The byline section of a settings object, without the keys only the
 * server reads (docsBaseUrl), as a new reference; NULL when absent. */
static json_t *lsp__settings_section(lsp_server *s, const json_t *settings)
{
    if (!json_is_object(settings))
        return NULL;
    const json_t *inner = json_object_get(settings, "byline");
    if (json_is_object(inner))
        settings = inner;
    json_t *copy = json_deep_copy(settings);
    json_t *base = json_object_get(copy, "docsBaseUrl");
    if (json_is_string(base)) {
        free(s->docs_base);
        s->docs_base = lsp__strdup(json_string_value(base));
    }
    json_object_del(copy, "docsBaseUrl");
    return copy;
}

static void lsp__set_client_settings(lsp_server *s, const json_t *settings)
{
    json_t *section = lsp__settings_section(s, settings);
    json_decref(s->client_settings);
    s->client_settings = section;
    lsp_documents_reconfigure(s);
    /* Clients that pull learn that every document's diagnostics changed. */
    if (s->caps.pull_diagnostics && s->caps.diagnostic_refresh)
        lsp_send(s, proto_request_new(++s->next_request_id, "workspace/diagnostic/refresh", NULL));
}

/* Asks a client that supports workspace/configuration for our section. */
static void lsp__pull_configuration(lsp_server *s)
{
    s->config_request_id = ++s->next_request_id;
    lsp_send(s, proto_request_new(s->config_request_id, "workspace/configuration",
                                  json_pack("{s:[{s:s}]}", "items", "section", "byline")));
}

/* ---- lifecycle --------------------------------------------------------- */

static int lsp__has_string(const json_t *array, const char *value)
{
    size_t i;
    json_t *v;
    json_array_foreach(array, i, v) if (json_is_string(v) && strcmp(json_string_value(v), value) == 0)
        return 1;
    return 0;
}

static void lsp__read_caps(lsp_client_caps *c, const json_t *caps)
{
    memset(c, 0, sizeof *c);
    c->encoding = PROTO_ENC_UTF16;
    size_t i;
    json_t *v;
    json_array_foreach(proto_get(caps, "general.positionEncodings"), i, v) {
        int enc = proto_encoding_from_name(json_string_value(v));
        if (enc >= 0) {
            c->encoding = (proto_encoding)enc;
            break;
        }
    }
    c->hover_markdown = lsp__has_string(proto_get(caps, "textDocument.hover.contentFormat"), "markdown");
    c->hierarchical_symbols =
        json_is_true(proto_get(caps, "textDocument.documentSymbol.hierarchicalDocumentSymbolSupport"));
    c->related_information =
        json_is_true(proto_get(caps, "textDocument.publishDiagnostics.relatedInformation"));
    c->pull_diagnostics = json_is_object(proto_get(caps, "textDocument.diagnostic"));
    c->diagnostic_refresh = json_is_true(proto_get(caps, "workspace.diagnostics.refreshSupport"));
    c->configuration_pull = json_is_true(proto_get(caps, "workspace.configuration"));
    c->code_action_literals =
        json_is_object(proto_get(caps, "textDocument.codeAction.codeActionLiteralSupport"));
}

static json_t *lsp__capabilities(const lsp_server *s)
{
    json_t *caps = json_pack("{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:{s:s, s:b, s:b}}",
                             "positionEncoding", proto_encoding_name(s->caps.encoding),
                             "textDocumentSync", "openClose", 1, "change", 2, "save",
                             "includeText", 0, "hoverProvider", 1, "documentSymbolProvider", 1,
                             "diagnosticProvider", "identifier", "byline",
                             "interFileDependencies", 0, "workspaceDiagnostics", 0);
    /* Quick fixes are CodeAction literals; older clients only take Commands. */
    if (s->caps.code_action_literals)
        json_object_set_new(caps, "codeActionProvider",
                            json_pack("{s:[s]}", "codeActionKinds", "quickfix"));
    return caps;
}

static int lsp__initialize(lsp_server *s, const json_t *params, json_t **result, const char **message)
{
    if (s->state != LSP_STATE_UNINITIALIZED)
        return lsp_fail(message, PROTO_ERR_INVALID_REQUEST, "initialize was already received");
    json_t *caps = json_object_get(params, "capabilities");
    if (caps && !json_is_object(caps))
        return lsp_fail(message, PROTO_ERR_INVALID_PARAMS, "capabilities must be an object");
    lsp__read_caps(&s->caps, caps);
    json_t *trace = json_object_get(params, "trace");
    if (json_is_string(trace)) {
        free(s->trace);
        s->trace = lsp__strdup(json_string_value(trace));
    }
    s->init_settings = lsp__settings_section(s, json_object_get(params, "initializationOptions"));
    s->state = LSP_STATE_RUNNING;
    *result = json_pack("{s:o, s:{s:s, s:s}}", "capabilities", lsp__capabilities(s), "serverInfo",
                        "name", "byline", "version", BYLINE_VERSION);
    return 0;
}

static void lsp__initialized(lsp_server *s, const json_t *params)
{
    (void)params;
    if (s->caps.configuration_pull)
        lsp__pull_configuration(s);
}

static int lsp__shutdown(lsp_server *s, const json_t *params, json_t **result, const char **message)
{
    (void)params;
    (void)message;
    s->state = LSP_STATE_SHUTDOWN;
    *result = json_null();
    return 0;
}

static void lsp__exit(lsp_server *s, const json_t *params)
{
    (void)params;
    s->exit_requested = 1;
}

static void lsp__set_trace(lsp_server *s, const json_t *params)
{
    json_t *v = json_object_get(params, "value");
    if (!json_is_string(v))
        return;
    free(s->trace);
    s->trace = lsp__strdup(json_string_value(v));
}

static void lsp__did_change_configuration(lsp_server *s, const json_t *params)
{
    if (s->caps.configuration_pull)
        lsp__pull_configuration(s);
    else
        lsp__set_client_settings(s, json_object_get(params, "settings"));
}

static void lsp__cancel(lsp_server *s, const json_t *params);

/* ---- method table ------------------------------------------------------ */

typedef struct lsp_method {
    const char *name;
    lsp_request_fn request;
    lsp_notification_fn notification;
} lsp_method;

static const lsp_method lsp__methods[] = {
    {"initialize", lsp__initialize, NULL},
    {"shutdown", lsp__shutdown, NULL},
    {"textDocument/hover", lsp_handle_hover, NULL},
    {"textDocument/documentSymbol", lsp_handle_document_symbol, NULL},
    {"textDocument/diagnostic", lsp_handle_diagnostic, NULL},
    {"textDocument/codeAction", lsp_handle_code_action, NULL},
    {"byline/documentState", lsp_handle_document_state, NULL},
    {"initialized", NULL, lsp__initialized},
    {"exit", NULL, lsp__exit},
    {"$/setTrace", NULL, lsp__set_trace},
    {"$/cancelRequest", NULL, lsp__cancel},
    {"textDocument/didOpen", NULL, lsp_handle_did_open},
    {"textDocument/didChange", NULL, lsp_handle_did_change},
    {"textDocument/didClose", NULL, lsp_handle_did_close},
    {"textDocument/didSave", NULL, lsp_handle_did_save},
    {"workspace/didChangeConfiguration", NULL, lsp__did_change_configuration},
};

static const lsp_method *lsp__method(const char *name, int request)
{
    for (size_t i = 0; i < sizeof lsp__methods / sizeof *lsp__methods; i++)
        if (strcmp(lsp__methods[i].name, name) == 0 &&
            (request ? lsp__methods[i].request != NULL : lsp__methods[i].notification != NULL))
            return &lsp__methods[i];
    return NULL;
}

/* ---- requests ---------------------------------------------------------- */

static void lsp__respond(lsp_server *s, const json_t *id, int rc, json_t *result, const char *message)
{
    if (rc == 0)
        lsp_send(s, proto_response_new(id, result));
    else
        lsp_send(s, proto_error_response_new(id, rc, message ? message : "request failed"));
}

/* Runs a request handler with the response's writer open at "result",
 * then answers: with the bytes written (LSP_RAW), the *result it made,
 * or its error. Returns LSP_WAIT, unanswered, when the handler waits. */
static int lsp__call(lsp_server *s, lsp_request_fn fn, const json_t *id, const json_t *params)
{
    proto_jw w;
    proto_jw_init(&w, NULL, 0);
    proto_response_begin(&w, id);
    json_t *result = NULL;
    const char *message = NULL;
    s->result_writer = &w;
    int rc = fn(s, params, &result, &message);
    s->result_writer = NULL;
    if (rc == LSP_RAW) {
        proto_jw_object_end(&w);
        if (!lsp_send_written(s, &w))
            lsp__respond(s, id, PROTO_ERR_INTERNAL, NULL, "out of memory");
    } else if (rc != LSP_WAIT) {
        lsp__respond(s, id, rc, result, message);
    }
    proto_jw_free(&w);
    return rc;
}

static void lsp__pending_free(lsp_pending *p)
{
    json_decref(p->id);
    json_decref(p->params);
    free(p->method);
    free(p);
}

static void lsp__wait(lsp_server *s, const json_t *id, const char *method, const json_t *params)
{
    lsp_pending *p = calloc(1, sizeof *p), **tail = &s->pending;
    if (!p || !(p->method = lsp__strdup(method))) {
        free(p);
        lsp__respond(s, id, PROTO_ERR_INTERNAL, NULL, "out of memory");
        return;
    }
    p->id = json_deep_copy(id);
    p->params = json_incref((json_t *)params);
    while (*tail)
        tail = &(*tail)->next;
    *tail = p;
}

void lsp_serve_pending(lsp_server *s)
{
    lsp_pending **pp = &s->pending;
    while (*pp) {
        lsp_pending *p = *pp;
        const lsp_method *m = lsp__method(p->method, 1);
        if (lsp__call(s, m->request, p->id, p->params) == LSP_WAIT) {
            pp = &p->next;
            continue;
        }
        *pp = p->next;
        lsp__pending_free(p);
    }
}

static void lsp__cancel(lsp_server *s, const json_t *params)
{
    json_t *id = json_object_get(params, "id");
    for (lsp_pending **pp = &s->pending; id && *pp; pp = &(*pp)->next) {
        if (json_equal((*pp)->id, id)) {
            lsp_pending *p = *pp;
            *pp = p->next;
            lsp__respond(s, p->id, PROTO_ERR_REQUEST_CANCELLED, NULL, "request cancelled");
            lsp__pending_free(p);
            return;
        }
    }
}

static void lsp__trace(lsp_server *s, const proto_message *m)
{
    if (!s->trace || strcmp(s->trace, "off") == 0 || !m->method)
        return;
    char buf[256];
    snprintf(buf, sizeof buf, "received %s '%.120s'",
             m->kind == PROTO_MSG_REQUEST ? "request" : "notification", m->method);
    lsp_send(s, proto_notification_new("$/logTrace", json_pack("{s:s}", "message", buf)));
}

static void lsp__request(lsp_server *s, const proto_message *m, int cancelled)
{
    int is_init = strcmp(m->method, "initialize") == 0;
    const lsp_method *method = lsp__method(m->method, 1);
    const char *message = NULL;
    int rc = 0;
    if (cancelled)
        rc = lsp_fail(&message, PROTO_ERR_REQUEST_CANCELLED, "request cancelled");
    else if (s->state == LSP_STATE_UNINITIALIZED && !is_init)
        rc = lsp_fail(&message, PROTO_ERR_SERVER_NOT_INITIALIZED, "the server is not initialized");
    else if (s->state == LSP_STATE_SHUTDOWN)
        rc = lsp_fail(&message, PROTO_ERR_INVALID_REQUEST, "the server is shutting down");
    else if (!method)
        rc = lsp_fail(&message, PROTO_ERR_METHOD_NOT_FOUND, "method not found");
    else if (m->params && !json_is_object(m->params))
        rc = lsp_fail(&message, PROTO_ERR_INVALID_PARAMS, "params must be an object");
    if (rc != 0)
        lsp__respond(s, m->id, rc, NULL, message);
    else if (lsp__call(s, method->request, m->id, m->params) == LSP_WAIT)
        lsp__wait(s, m->id, m->method, m->params);
}

static void lsp__notification(lsp_server *s, const proto_message *m)
{
    int is_exit = strcmp(m->method, "exit") == 0;
    if (s->state == LSP_STATE_UNINITIALIZED && !is_exit)
        return; /* dropped, as the specification asks */
    const lsp_method *method = lsp__method(m->method, 0);
    if (!method)
        return; /* unknown notifications are ignored */
    if (m->params && !json_is_object(m->params) && !is_exit) {
        lsp_log(s, LSP_MSG_WARNING, "%s: params must be an object; ignored", m->method);
        return;
    }
    method->notification(s, m->params);
}

static void lsp__response(lsp_server *s, const proto_message *m)
{
    if (!json_is_integer(m->id) || json_integer_value(m->id) != s->config_request_id ||
        s->config_request_id == 0)
        return;
    s->config_request_id = 0;
    if (m->error) {
        lsp_log(s, LSP_MSG_WARNING, "workspace/configuration failed; keeping the settings");
        return;
    }
    lsp__set_client_settings(s, json_array_get(m->result, 0));
}

/* ---- the loop ---------------------------------------------------------- */

/* The messages of one read, parsed, with the ids cancelled among them. */
typedef struct lsp_batch {
    proto_message *items;
    int *failed;        /* parse error code per item, or 0 */
    char (*errors)[160];
    size_t count, cap;
} lsp_batch;

static int lsp_batch__push(lsp_batch *b, const proto_str *body)
{
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        proto_message *items = realloc(b->items, cap * sizeof *items);
        if (items)
            b->items = items;
        int *failed = items ? realloc(b->failed, cap * sizeof *failed) : NULL;
        if (failed)
            b->failed = failed;
        char(*errors)[160] = failed ? realloc(b->errors, cap * sizeof *errors) : NULL;
        if (!errors)
            return -1;
        b->errors = errors;
        b->cap = cap;
    }
    proto_error err = {0};
    size_t i = b->count++;
    b->failed[i] = proto_message_parse(body->ptr, body->len, &b->items[i], &err) ? err.code : 0;
    memcpy(b->errors[i], err.message, sizeof err.message);
    return 0;
}

static void lsp_batch__clear(lsp_batch *b)
{
    for (size_t i = 0; i < b->count; i++)
        proto_message_clear(&b->items[i]);
    b->count = 0;
}

/* True when a $/cancelRequest later in the batch names this request. */
static int lsp_batch__cancelled(const lsp_batch *b, size_t at)
{
    for (size_t i = at + 1; i < b->count; i++) {
        const proto_message *c = &b->items[i];
        if (!b->failed[i] && c->kind == PROTO_MSG_NOTIFICATION &&
            strcmp(c->method, "$/cancelRequest") == 0 &&
            json_equal(json_object_get(c->params, "id"), b->items[at].id))
            return 1;
    }
    return 0;
}

static void lsp__dispatch(lsp_server *s, const lsp_batch *b, size_t i)
{
    const proto_message *m = &b->items[i];
    if (b->failed[i]) {
        lsp_log(s, LSP_MSG_ERROR, "%s", b->errors[i]);
        lsp_send(s, proto_error_response_new(m->id, b->failed[i], b->errors[i]));
        return;
    }
    lsp__trace(s, m);
    if (m->kind == PROTO_MSG_REQUEST)
        lsp__request(s, m, lsp_batch__cancelled(b, i));
    else if (m->kind == PROTO_MSG_NOTIFICATION)
        lsp__notification(s, m);
    else
        lsp__response(s, m);
}

/* Takes every complete message out of the reader into the batch. */
static void lsp__drain(lsp_server *s, proto_reader *r, lsp_batch *b)
{
    proto_str body;
    proto_error err;
    int rc;
    while ((rc = proto_reader_next(r, &body, &err)) != PROTO_READ_MORE) {
        if (rc == PROTO_READ_ERROR) {
            pthread_mutex_lock(&s->mu);
            lsp_log(s, LSP_MSG_ERROR, "%s; skipped to the next message", err.message);
            lsp_unlock_and_flush(s);
        } else if (lsp_batch__push(b, &body) != 0) {
            fprintf(stderr, "byline: out of memory reading a message\n");
        }
    }
}

static int lsp__loop(lsp_server *s)
{
    proto_reader r;
    proto_reader_init(&r, PROTO_DEFAULT_MAX_MESSAGE);
    lsp_batch b = {0};
    static char buf[1 << 16];
    int done = 0;
    while (!done) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || proto_reader_feed(&r, buf, (size_t)n) != 0)
            break;
        lsp__drain(s, &r, &b);
        for (size_t i = 0; i < b.count && !done; i++) {
            pthread_mutex_lock(&s->mu);
            lsp__dispatch(s, &b, i);
            done = s->exit_requested || atomic_load(&s->output_broken);
            lsp_unlock_and_flush(s);
        }
        lsp_batch__clear(&b);
    }
    if (!done && proto_reader_pending(&r))
        fprintf(stderr, "byline: the input ended in the middle of a message\n");
    else if (!done)
        fprintf(stderr, "byline: the input ended%s\n",
                s->state == LSP_STATE_SHUTDOWN ? "" : " before shutdown");
    free(b.items);
    free(b.failed);
    free(b.errors);
    proto_reader_free(&r);
    return s->state == LSP_STATE_SHUTDOWN ? 0 : 1;
}

/* The longest an exit waits for the analysis in progress. */
#define LSP_EXIT_WAIT_MS 2000

static void lsp__server_free(lsp_server *s)
{
    while (s->pending) {
        lsp_pending *p = s->pending;
        s->pending = p->next;
        lsp__pending_free(p);
    }
    lsp_documents_close_all(s);
    json_decref(s->init_settings);
    json_decref(s->client_settings);
    free(s->trace);
    free(s->docs_base);
    for (size_t i = 0; i < s->n_outbox; i++) {
        json_decref(s->outbox[i].msg);
        free(s->outbox[i].raw);
    }
    free(s->outbox);
    pthread_cond_destroy(&s->work);
    pthread_cond_destroy(&s->done);
    pthread_mutex_destroy(&s->out_mu);
    pthread_mutex_destroy(&s->mu);
}

static const char lsp__usage[] =
    "usage: byline lsp [--stdio]\n"
    "Runs the Byline language server on standard input and output (LSP 3.17).\n"
    "Editors start it as 'byline lsp' or 'byline --stdio'; see docs/lsp.md.\n";

int lsp_main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(lsp__usage, stdout);
            return 0;
        }
        /* --stdio and the --clientProcessId=N VS Code adds are accepted. */
        if (strcmp(argv[i], "--stdio") != 0 && strncmp(argv[i], "--clientProcessId", 17) != 0) {
            fprintf(stderr, "byline lsp: unknown option '%s'\n%s", argv[i], lsp__usage);
            return 2;
        }
    }
    signal(SIGPIPE, SIG_IGN);
#ifdef __GLIBC__
    /* Each outline or analysis of a long draft frees and reallocates tens
     * of megabytes; keeping them instead of trimming the heap after every
     * request saves most of the page faults (glibc only). */
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
#endif
    lsp_server s;
    memset(&s, 0, sizeof s);
    s.out_fd = STDOUT_FILENO;
    /* The rule pages, docs/rules/<rule>.md, beside the binary; the setting
     * byline.docsBaseUrl changes it (cli_docs_base). */
    s.docs_base = cli_docs_base();
    s.queue_output = 1;
    pthread_mutex_init(&s.mu, NULL);
    pthread_mutex_init(&s.out_mu, NULL);
    pthread_cond_init(&s.work, NULL);
    pthread_cond_init(&s.done, NULL);
    if (lsp_worker_start(&s) != 0) {
        fprintf(stderr, "byline lsp: cannot start the analysis thread\n");
        lsp__server_free(&s);
        return 1;
    }
    int rc = lsp__loop(&s);
    if (lsp_worker_stop(&s, LSP_EXIT_WAIT_MS) != 0) {
        /* A long analysis is still running: exit now rather than keep the
         * editor waiting; the operating system frees everything. */
        fprintf(stderr, "byline: exiting during an analysis\n");
        _exit(rc);
    }
    lsp__server_free(&s);
    return rc;
}
