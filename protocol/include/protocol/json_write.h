/**
 * json_write.h - a streaming JSON writer: values are appended to a buffer
 * as they are produced, never built as a tree. Its bytes are those of
 * jansson's json_dumps for the same value, with JSON_INDENT(n) (keys in
 * the order written) or JSON_COMPACT, so output written either way is
 * byte-identical (tests/unit/test_json_write.c checks it).
 *
 * jansson stays the JSON library for parsing and for small messages; this
 * writer is for large outputs (analysis JSON, outlines, diagnostics),
 * where a jansson tree costs more than the analysis that fills it
 * (docs/architecture.md).
 *
 *     proto_jw w;
 *     proto_jw_init(&w, stdout, 1);          // or NULL: kept in memory
 *     proto_jw_object_begin(&w);
 *     proto_jw_key(&w, "name");
 *     proto_jw_string(&w, text, len);        // invalid UTF-8 -> U+FFFD
 *     proto_jw_key(&w, "ids");
 *     proto_jw_array_begin(&w);
 *     proto_jw_int(&w, 42);
 *     proto_jw_array_end(&w);
 *     proto_jw_object_end(&w);
 *     if (proto_jw_finish(&w) != 0) ...      // flushes; 0 or -1
 *
 * Errors are sticky: after a failed allocation or write every call does
 * nothing and proto_jw_finish (or proto_jw_take) reports it.
 */
#ifndef BYLINE_PROTOCOL_JSON_WRITE_H
#define BYLINE_PROTOCOL_JSON_WRITE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/** The deepest nesting the writer accepts; deeper sets the error. */
#define PROTO_JW_MAX_DEPTH 64

typedef struct proto_jw {
    char *buf; /* owned */
    size_t len, cap;
    FILE *out;  /* flushed here when the buffer fills; NULL keeps it all */
    int indent; /* spaces per level as JSON_INDENT(n); 0 is JSON_COMPACT */
    int depth;
    bool after_key; /* a key was written: the value follows it directly */
    bool failed;
    bool any[PROTO_JW_MAX_DEPTH + 1]; /* the container at each depth has an element */
} proto_jw;

/** Starts a writer to `out` (flushed in blocks), or to memory when out is
 *  NULL; indent as JSON_INDENT(n), 0 for JSON_COMPACT. Never fails. */
void proto_jw_init(proto_jw *w, FILE *out, int indent);
/** Flushes to the stream (FILE mode). Returns 0, or -1 when anything
 *  failed. Does not release the buffer: call proto_jw_free. */
int proto_jw_finish(proto_jw *w);
/** Memory mode: the bytes written, NUL-terminated, length in *len; owned
 *  by the caller (free()). NULL when anything failed. The writer is then
 *  empty (reusable after proto_jw_init). */
char *proto_jw_take(proto_jw *w, size_t *len);
/** Releases the buffer. */
void proto_jw_free(proto_jw *w);

void proto_jw_object_begin(proto_jw *w);
void proto_jw_object_end(proto_jw *w);
void proto_jw_array_begin(proto_jw *w);
void proto_jw_array_end(proto_jw *w);
/** An object key (NUL-terminated); the next call writes its value. */
void proto_jw_key(proto_jw *w, const char *key);
/** An object key of len bytes that needs no escape (printable ASCII but
 *  '"' and '\\'), such as a fixed schema's names: copied as it is, with
 *  no scan. PROTO_JW_KEY takes a string literal:
 *      PROTO_JW_KEY(&w, "start");  // as proto_jw_key(&w, "start") */
void proto_jw_key_plain(proto_jw *w, const char *key, size_t len);
#define PROTO_JW_KEY(w, lit) proto_jw_key_plain((w), "" lit, sizeof(lit) - 1)
/** A string of s[0..len): each invalid UTF-8 byte becomes U+FFFD, as
 *  proto_utf8_json_string does; NUL is written \u0000. */
void proto_jw_string(proto_jw *w, const char *s, size_t len);
/** A NUL-terminated string, or null when s is NULL. */
void proto_jw_cstr(proto_jw *w, const char *s);
void proto_jw_int(proto_jw *w, long long v);
void proto_jw_bool(proto_jw *w, bool v);
void proto_jw_null(proto_jw *w);
/** A jansson value, written as json_dumps would (NULL writes null). */
void proto_jw_json(proto_jw *w, const json_t *v);
/** Bytes appended as they are: a value already serialized in the same
 *  style (the caller vouches for it). */
void proto_jw_raw(proto_jw *w, const char *json, size_t len);

#endif
