/* jsonrpc.c - JSON-RPC 2.0 message parsing and construction. */
#include "protocol/jsonrpc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int proto__fail(proto_error *err, int code, const char *what)
{
    err->code = code;
    err->offset = 0;
    snprintf(err->message, sizeof err->message, "%s", what);
    return -1;
}

static int proto__valid_id(const json_t *id)
{
    return json_is_integer(id) || json_is_string(id);
}

/* Classifies an object already known to be JSON. */
static int proto__classify(proto_message *m, proto_error *err)
{
    json_t *o = m->root;
    json_t *id = json_object_get(o, "id");
    if (id && proto__valid_id(id))
        m->id = id;
    json_t *version = json_object_get(o, "jsonrpc");
    if (!json_is_string(version) || strcmp(json_string_value(version), "2.0") != 0)
        return proto__fail(err, PROTO_ERR_INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"");
    if (id && !proto__valid_id(id) && !json_is_null(id))
        return proto__fail(err, PROTO_ERR_INVALID_REQUEST, "\"id\" must be an integer or a string");
    json_t *method = json_object_get(o, "method");
    json_t *params = json_object_get(o, "params");
    if (method) {
        if (!json_is_string(method))
            return proto__fail(err, PROTO_ERR_INVALID_REQUEST, "\"method\" must be a string");
        /* Eglot sends "params": null with shutdown and exit; JSON-RPC
         * says omit it, but null means the same and must not fail. */
        if (json_is_null(params))
            params = NULL;
        if (params && !json_is_object(params) && !json_is_array(params))
            return proto__fail(err, PROTO_ERR_INVALID_REQUEST,
                               "\"params\" must be an object or an array");
        m->method = json_string_value(method);
        m->params = params;
        m->kind = m->id ? PROTO_MSG_REQUEST : PROTO_MSG_NOTIFICATION;
        if (id && !m->id)
            return proto__fail(err, PROTO_ERR_INVALID_REQUEST, "a request id may not be null");
        return 0;
    }
    json_t *result = json_object_get(o, "result"), *error = json_object_get(o, "error");
    if (id && (result || json_is_object(error))) {
        m->kind = PROTO_MSG_RESPONSE;
        m->result = result;
        m->error = error;
        return 0;
    }
    return proto__fail(err, PROTO_ERR_INVALID_REQUEST, "neither a request, a notification nor a response");
}

static int proto__hex4(const char *p, size_t left, unsigned *v)
{
    if (left < 4)
        return -1;
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        *v = *v * 16 + (unsigned)d;
    }
    return 0;
}

/* A copy of body with each lone surrogate escape (\uD800-\uDFFF not in a
 * pair) replaced by \uFFFD, as editors' UTF-16 strings may hold them and
 * jansson refuses them; NULL when there is none (or memory runs out). */
static char *proto__fix_surrogates(const char *body, size_t len)
{
    char *copy = NULL;
    for (size_t i = 0; i + 6 <= len; i++) {
        if (body[i] != '\\')
            continue;
        unsigned v, w;
        if (body[i + 1] != 'u' || proto__hex4(body + i + 2, len - i - 2, &v) != 0) {
            i++; /* another escape: skip the escaped character */
            continue;
        }
        int paired = v >= 0xD800 && v <= 0xDBFF && i + 12 <= len && body[i + 6] == '\\' &&
                     body[i + 7] == 'u' && proto__hex4(body + i + 8, len - i - 8, &w) == 0 &&
                     w >= 0xDC00 && w <= 0xDFFF;
        if (v >= 0xD800 && v <= 0xDFFF && !paired) {
            if (!copy) {
                if (!(copy = malloc(len)))
                    return NULL;
                memcpy(copy, body, len);
            }
            memcpy(copy + i + 2, "FFFD", 4);
        }
        i += paired ? 11 : 5;
    }
    return copy;
}

int proto_message_parse(const char *body, size_t len, proto_message *m, proto_error *err)
{
    memset(m, 0, sizeof *m);
    json_error_t jerr;
    char *fixed = proto__fix_surrogates(body, len);
    m->root = json_loadb(fixed ? fixed : body, len, JSON_ALLOW_NUL, &jerr);
    free(fixed);
    if (!m->root) {
        err->code = PROTO_ERR_PARSE;
        err->offset = (size_t)(jerr.position >= 0 ? jerr.position : 0);
        char text[96];
        size_t n = strnlen(jerr.text, sizeof text - 1);
        memcpy(text, jerr.text, n);
        text[n] = '\0';
        snprintf(err->message, sizeof err->message, "malformed JSON at byte %zu: %s", err->offset,
                 text);
        return -1;
    }
    if (!json_is_object(m->root))
        return proto__fail(err, PROTO_ERR_INVALID_REQUEST,
                           json_is_array(m->root) ? "batch messages are not supported"
                                                  : "a message must be a JSON object");
    return proto__classify(m, err);
}

void proto_message_clear(proto_message *m)
{
    json_decref(m->root);
    memset(m, 0, sizeof *m);
}

static json_t *proto__id_copy(const json_t *id)
{
    return id ? json_deep_copy(id) : json_null();
}

json_t *proto_response_new(const json_t *id, json_t *result)
{
    return json_pack("{s:s, s:o, s:o}", "jsonrpc", "2.0", "id", proto__id_copy(id), "result",
                     result ? result : json_null());
}

json_t *proto_error_response_new(const json_t *id, int code, const char *message)
{
    return json_pack("{s:s, s:o, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", proto__id_copy(id),
                     "error", "code", code, "message", message);
}

json_t *proto_notification_new(const char *method, json_t *params)
{
    json_t *o = json_pack("{s:s, s:s}", "jsonrpc", "2.0", "method", method);
    if (params)
        json_object_set_new(o, "params", params);
    return o;
}

json_t *proto_request_new(json_int_t id, const char *method, json_t *params)
{
    json_t *o = json_pack("{s:s, s:I, s:s}", "jsonrpc", "2.0", "id", id, "method", method);
    if (params)
        json_object_set_new(o, "params", params);
    return o;
}

void proto_response_begin(proto_jw *w, const json_t *id)
{
    proto_jw_object_begin(w);
    proto_jw_key(w, "jsonrpc");
    proto_jw_cstr(w, "2.0");
    proto_jw_key(w, "id");
    proto_jw_json(w, id);
    proto_jw_key(w, "result");
}

void proto_notification_begin(proto_jw *w, const char *method)
{
    proto_jw_object_begin(w);
    proto_jw_key(w, "jsonrpc");
    proto_jw_cstr(w, "2.0");
    proto_jw_key(w, "method");
    proto_jw_cstr(w, method);
    proto_jw_key(w, "params");
}

int proto_write_message(int fd, const json_t *msg)
{
    char *s = json_dumps(msg, JSON_COMPACT);
    if (!s)
        return -1;
    int rc = proto_write_frame(fd, s, strlen(s));
    free(s);
    return rc;
}

json_t *proto_get(const json_t *params, const char *path)
{
    const json_t *cur = params;
    char key[64];
    while (cur && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof key || !json_is_object(cur))
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        cur = json_object_get(cur, key);
        path += n + (dot ? 1 : 0);
    }
    return (json_t *)cur;
}
