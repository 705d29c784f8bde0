/**
 * lsp.h - `byline lsp`: the language server over stdin/stdout.
 *
 * Internals shared by server.c (loop, lifecycle, dispatch), documents.c
 * (the document store), server_worker.c (analysis thread) and the
 * handlers_*.c files. Only lsp_main() is used outside lsp/.
 *
 * Threads: the main thread reads and dispatches messages; one worker
 * thread analyses the newest text of each changed document. Everything in
 * lsp_server and its documents is guarded by lsp_server.mu, held while a
 * message is handled and while the worker takes a snapshot or installs a
 * model, never during an analysis. Messages are queued under mu and
 * written in that order after mu is released (hand over hand through
 * out_mu), so a slow client never holds up the worker.
 */
#ifndef BYLINE_LSP_H
#define BYLINE_LSP_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "analysis/analysis.h"
#include "config.h"
#include "protocol/json_write.h"
#include "protocol/jsonrpc.h"
#include "protocol/position.h"

/** `byline lsp [--stdio]` and `byline --stdio`: serves on stdin/stdout
 *  until exit or end of input. Returns the process exit code. */
int lsp_main(int argc, char **argv);

/** A handler's return value beyond 0 and the negative JSON-RPC codes:
 *  the request needs the current analysis and is answered when it lands. */
#define LSP_WAIT 1
/** Another: the result was written as JSON text to the writer of
 *  lsp_result_begin (a large result: no jansson tree). */
#define LSP_RAW 2

/** A queued message: a jansson value, or bytes already serialized. */
typedef struct lsp_outgoing {
    json_t *msg; /* owned, or NULL */
    char *raw;   /* owned, when msg is NULL */
    size_t len;
} lsp_outgoing;

/** A shared, read-only configuration. Reference-counted under mu. */
typedef struct lsp_config {
    config *cfg;
    int refs;
} lsp_config;

/** One analysis result, immutable once made. Owned by its document. */
typedef struct lsp_model {
    an_doc *doc;
    proto_lines lines;  /* line index of an_doc_text(doc) */
    long rev;           /* the text revision analysed */
    json_int_t version; /* the client's version of that text */
} lsp_model;

/** One applied edit, in byte offsets of the text it was applied to. */
typedef struct lsp_edit {
    long rev;          /* the revision the edit produced */
    size_t start, old_len, new_len;
} lsp_edit;

/** The most edits kept for mapping a stale model; past it requests wait. */
#define LSP_MAX_EDIT_LOG 20000

/** An open document. Owned by the store; valid while mu is held. */
typedef struct lsp_document {
    char *uri;
    char *path;         /* local path for file: URIs, else NULL */
    char *language_id;
    an_format format;
    json_int_t version;
    long rev;           /* server-wide unique revision of the current text */
    char *text;         /* not NUL-terminated; NULL while too large */
    size_t len, cap;
    proto_lines lines;
    int too_large;      /* exceeds max_document_size: kept, not analysed */
    int queued;         /* the worker should analyse the current text */
    lsp_config *config;
    lsp_model *model;   /* the newest finished analysis, possibly stale; or NULL */
    lsp_edit *edits;    /* edits since model->rev, oldest first (owned) */
    size_t n_edits, cap_edits;
    long unmappable;    /* models older than this revision cannot be mapped */
    char *published;    /* resultId of the last diagnostics sent, or NULL */
} lsp_document;

/** A request waiting for the analysis of its document. */
typedef struct lsp_pending {
    json_t *id;
    char *method;
    json_t *params;
    struct lsp_pending *next;
} lsp_pending;

typedef enum lsp_state {
    LSP_STATE_UNINITIALIZED = 0,
    LSP_STATE_RUNNING,
    LSP_STATE_SHUTDOWN,
} lsp_state;

/** What the client said it can do, read from initialize. */
typedef struct lsp_client_caps {
    proto_encoding encoding;
    int hover_markdown;
    int hierarchical_symbols;
    int related_information;
    int pull_diagnostics;
    int diagnostic_refresh;
    int configuration_pull;
    int code_action_literals;
} lsp_client_caps;

typedef struct lsp_server {
    pthread_mutex_t mu;
    pthread_cond_t work;      /* signalled when a document is queued or on quit */
    pthread_cond_t done;      /* signalled when the worker has stopped */
    pthread_t worker;
    int worker_started;
    int worker_stopped;
    int quit;
    int out_fd;
    atomic_int output_broken; /* stdout is gone: stop */
    pthread_mutex_t out_mu;   /* serializes writes; taken before mu is released */
    int queue_output;         /* lsp_send queues (the server) or writes at once (tests) */
    lsp_outgoing *outbox;     /* queued messages, owned */
    size_t n_outbox, cap_outbox;
    lsp_state state;
    int exit_requested;
    lsp_client_caps caps;
    char *trace;              /* "off", "messages", "verbose" */
    json_t *init_settings;    /* initializationOptions (byline section) or NULL */
    json_t *client_settings;  /* latest didChangeConfiguration / pulled settings or NULL */
    char *docs_base;          /* codeDescription href prefix */
    lsp_document **docs;
    size_t n_docs, cap_docs;
    long next_rev;
    json_int_t next_request_id;
    json_int_t config_request_id; /* the pending workspace/configuration request, or 0 */
    lsp_pending *pending;
    size_t analyses;          /* analyses finished, for tests and logs */
    proto_jw *result_writer;  /* while a request handler runs: its response, open at "result" */
} lsp_server;

/* Handlers: one failure path. A request handler returns 0 with *result
 * set, LSP_RAW with the result written to lsp_result_begin's writer,
 * LSP_WAIT, or a negative JSON-RPC code with *message set (static
 * storage or the server's message buffer). */
typedef int (*lsp_request_fn)(lsp_server *s, const json_t *params, json_t **result,
                              const char **message);
typedef void (*lsp_notification_fn)(lsp_server *s, const json_t *params);

/* server.c */
/** Sends msg (stolen): queued when queue_output is set, else written now. */
void lsp_send(lsp_server *s, json_t *msg);
/** Sends the message written (compact) to the memory writer w, taking
 *  its bytes; false, and nothing sent, when the writer failed. */
bool lsp_send_written(lsp_server *s, proto_jw *w);
/** The writer a request handler writes a large result into: the
 *  response's own, open at "result" (compact), or `own` made for the
 *  purpose when the handler is called without one (tests). */
proto_jw *lsp_result_begin(lsp_server *s, proto_jw *own);
/** Ends a result written to w: LSP_RAW for the response's own writer;
 *  for `own`, 0 with *result parsed from the bytes. Fails with
 *  PROTO_ERR_INTERNAL when memory ran out. */
int lsp_result_end(lsp_server *s, proto_jw *w, json_t **result, const char **message);
/** Releases mu, then writes the queued messages in order. Call with mu
 *  held; returns without it. */
void lsp_unlock_and_flush(lsp_server *s);
void lsp_log(lsp_server *s, int type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void lsp_show(lsp_server *s, int type, const char *text);
/** Fails a request with code and message; returns code. */
int lsp_fail(const char **message, int code, const char *text);
/** Answers every pending request whose document analysis is current. */
void lsp_serve_pending(lsp_server *s);
enum { LSP_MSG_ERROR = 1, LSP_MSG_WARNING = 2, LSP_MSG_INFO = 3, LSP_MSG_LOG = 4 };

/* documents.c */
lsp_document *lsp_documents_find(lsp_server *s, const char *uri);
/** The document a request names in params.textDocument.uri; sets *message
 *  and returns NULL when params are invalid (PROTO_ERR_INVALID_PARAMS). */
int lsp_documents_from_params(lsp_server *s, const json_t *params, lsp_document **doc,
                              const char **message);
void lsp_documents_close_all(lsp_server *s);
/** A proto_text of the document's current text. */
proto_text lsp_document_text(const lsp_document *d);
/** The model when it matches the current text, else NULL. */
const lsp_model *lsp_document_current_model(const lsp_document *d);

/** A model seen through the edits made since it was computed: requests
 *  that only read (hover, outline) answer from it at once instead of
 *  waiting for the re-analysis, with offsets mapped both ways. */
typedef struct lsp_view {
    const lsp_document *d;
    const lsp_model *m;
    proto_encoding enc;
} lsp_view;
/** The view of d's newest model; 0, or LSP_WAIT when none can be mapped. */
int lsp_document_view(const lsp_document *d, proto_encoding enc, lsp_view *v);
/** The model offset of a current offset; -1 inside text typed since. */
int lsp_view_to_model(const lsp_view *v, size_t offset, size_t *model_offset);
/** The current offset of a model offset: the start (is_end 0) or end of
 *  a span. Text inserted at a span's start goes before it, at its end
 *  after it; an offset inside replaced text moves to the replacement's end. */
size_t lsp_view_to_current(const lsp_view *v, size_t model_offset, int is_end);
/** The LSP Range, in the current text, of a model span. New reference. */
json_t *lsp_view_range(const lsp_view *v, an_span model_span);
/** The same Range, written to w. */
void lsp_view_range_write(proto_jw *w, const lsp_view *v, an_span model_span);
/** The 1-based current line of a model offset. */
size_t lsp_view_line(const lsp_view *v, size_t model_offset);
/** Forgets logged edits the model has caught up with (mu held). */
void lsp_document_prune_edits(lsp_document *d);
/** Reloads each document's configuration and queues it for analysis. */
void lsp_documents_reconfigure(lsp_server *s);
lsp_config *lsp_config_for(lsp_server *s, const char *path);
void lsp_config_release(lsp_config *c);
void lsp_model_free(lsp_model *m);
/** A proto_text of the model's text. */
proto_text lsp_model_text(const lsp_model *m);
int lsp_handle_document_state(lsp_server *s, const json_t *params, json_t **result,
                              const char **message);
void lsp_handle_did_open(lsp_server *s, const json_t *params);
void lsp_handle_did_change(lsp_server *s, const json_t *params);
void lsp_handle_did_close(lsp_server *s, const json_t *params);
void lsp_handle_did_save(lsp_server *s, const json_t *params);

/* server_worker.c */
int lsp_worker_start(lsp_server *s);
/** Stops the worker, waiting at most timeout_ms for the analysis it is
 *  running. Returns 0 when it stopped, -1 when it is still busy (the
 *  process should then end without freeing what the worker may use). */
int lsp_worker_stop(lsp_server *s, int timeout_ms);
/** Marks the document for analysis and wakes the worker. */
void lsp_worker_queue(lsp_server *s, lsp_document *d);

/* handlers_diagnostics.c */
/** Sends textDocument/publishDiagnostics for the model (the current one). */
void lsp_publish_diagnostics(lsp_server *s, lsp_document *d, const lsp_model *m);
/** Sends an empty publishDiagnostics (on close). */
void lsp_publish_clear(lsp_server *s, const char *uri);
int lsp_handle_diagnostic(lsp_server *s, const json_t *params, json_t **result, const char **message);
int lsp_handle_code_action(lsp_server *s, const json_t *params, json_t **result, const char **message);

/* handlers_hover.c */
int lsp_handle_hover(lsp_server *s, const json_t *params, json_t **result, const char **message);

/* handlers_symbols.c */
int lsp_handle_document_symbol(lsp_server *s, const json_t *params, json_t **result,
                               const char **message);

/* handlers_text.c: text helpers for hovers and outlines */
/** A growing string; on out of memory `failed` is set and appends stop. */
typedef struct lsp_buf {
    char *ptr; /* NUL-terminated, owned; NULL until the first append */
    size_t len, cap;
    int failed;
} lsp_buf;
void lsp_buf_add(lsp_buf *b, const char *s, size_t n);
/** Appends a string literal. */
#define lsp_buf_lit(b, lit) lsp_buf_add((b), "" lit, sizeof(lit) - 1)
void lsp_buf_printf(lsp_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/** Appends text, escaping Markdown punctuation when markdown is set. */
void lsp_buf_add_text(lsp_buf *b, const char *s, size_t n, int markdown);
void lsp_buf_free(lsp_buf *b);
/** Appends the first words of a quote without its marks, whitespace runs
 *  as one space, at most max_bytes, with "…" when cut. */
void lsp_buf_add_excerpt(lsp_buf *b, const char *text, an_span span, size_t max_bytes, int markdown);
/** "Person", "Organization", "Place". */
const char *lsp_entity_kind_name(an_entity_kind kind);

#endif
