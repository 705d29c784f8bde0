/**
 * jsonrpc.h - JSON-RPC 2.0 messages as LSP uses them: requests,
 * notifications, responses and error objects, parsed from and built as
 * jansson values.
 *
 *     proto_message m;
 *     proto_error err;
 *     if (proto_message_parse(body.ptr, body.len, &m, &err) != 0)
 *         reply(proto_error_response_new(m.id, err.code, err.message));
 *     else if (m.kind == PROTO_MSG_REQUEST)
 *         reply(proto_response_new(m.id, json_null()));
 *     proto_message_clear(&m);
 */
#ifndef BYLINE_PROTOCOL_JSONRPC_H
#define BYLINE_PROTOCOL_JSONRPC_H

#include <jansson.h>
#include <stddef.h>

#include "protocol/framing.h"
#include "protocol/json_write.h"

/** JSON-RPC and LSP error codes. */
enum {
    PROTO_ERR_PARSE = -32700,
    PROTO_ERR_INVALID_REQUEST = -32600,
    PROTO_ERR_METHOD_NOT_FOUND = -32601,
    PROTO_ERR_INVALID_PARAMS = -32602,
    PROTO_ERR_INTERNAL = -32603,
    PROTO_ERR_SERVER_NOT_INITIALIZED = -32002,
    PROTO_ERR_REQUEST_FAILED = -32803,
    PROTO_ERR_REQUEST_CANCELLED = -32800,
};

typedef enum proto_msg_kind {
    PROTO_MSG_REQUEST = 0,      /* method and id */
    PROTO_MSG_NOTIFICATION = 1, /* method, no id */
    PROTO_MSG_RESPONSE = 2,     /* id and result or error */
} proto_msg_kind;

/** A parsed message. `root` is owned; every other pointer borrows from it. */
typedef struct proto_message {
    proto_msg_kind kind;
    json_t *root;
    json_t *id;          /* integer or string; NULL for notifications */
    const char *method;  /* NULL for responses */
    json_t *params;      /* object or array, or NULL when absent */
    json_t *result;      /* responses: the result, or NULL */
    json_t *error;       /* responses: the error object, or NULL */
} proto_message;

/** Parses one body. Returns 0, or -1 with err->code PROTO_ERR_PARSE (not
 *  JSON) or PROTO_ERR_INVALID_REQUEST (JSON but not a JSON-RPC message);
 *  on -1, m->id is the request's id when one could be found, else NULL,
 *  and m->root still owns it (call proto_message_clear in every case).
 *  Strings may contain U+0000; nesting deeper than jansson's limit is a
 *  parse error. */
int proto_message_parse(const char *body, size_t len, proto_message *m, proto_error *err);

/** Releases m->root and zeroes m. */
void proto_message_clear(proto_message *m);

/** {"jsonrpc":"2.0","id":id,"result":result}. Steals `result` (NULL means
 *  null); borrows `id`. New reference. */
json_t *proto_response_new(const json_t *id, json_t *result);

/** {"jsonrpc":"2.0","id":id,"error":{"code":code,"message":message}};
 *  `id` NULL gives null. New reference. */
json_t *proto_error_response_new(const json_t *id, int code, const char *message);

/** {"jsonrpc":"2.0","method":method,"params":params}. Steals params (NULL
 *  leaves it out). New reference. */
json_t *proto_notification_new(const char *method, json_t *params);

/** {"jsonrpc":"2.0","id":id,"method":method,"params":params}: a request
 *  from the server to the client. Steals params. New reference. */
json_t *proto_request_new(json_int_t id, const char *method, json_t *params);

/** Opens a response written with the streaming writer (compact, w made
 *  with indent 0): {"jsonrpc":"2.0","id":id,"result": -- the caller
 *  writes the result value, then proto_jw_object_end(w). The bytes equal
 *  proto_response_new's serialized, so a large result (an outline, a
 *  draft's diagnostics) never exists as a jansson tree. */
void proto_response_begin(proto_jw *w, const json_t *id);

/** Opens a notification the same way: {"jsonrpc":"2.0","method":method,
 *  "params": -- the caller writes params, then proto_jw_object_end(w). */
void proto_notification_begin(proto_jw *w, const char *method);

/** Serializes msg compactly and writes it framed to fd. Returns 0 or -1. */
int proto_write_message(int fd, const json_t *msg);

/** The value at a dotted path of objects (such as
 *  "textDocument.uri") under params, or NULL when a step is missing.
 *  Borrowed from params. */
json_t *proto_get(const json_t *params, const char *path);

#endif
