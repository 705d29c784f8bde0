/* fuzz_framing.c - the Content-Length reader on an arbitrary byte stream.
 *
 * Input: byte 0 seeds how the stream is cut into reads, the rest is the
 * stream. The stream is read twice, once whole and once in pieces of 1 to
 * 64 bytes; both must yield the same messages and errors in the same
 * order (a stream parser must not depend on how read() splits its input),
 * every body must lie within the limit, and each body goes through the
 * JSON-RPC parser. FUZZ_FRAMING_TRACE=1 prints both sequences (replay a
 * finding with it to see where they part). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_model.h"
#include "protocol/framing.h"
#include "protocol/jsonrpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Small enough that the fuzzer reaches the limit with a few digits. */
#define FUZZ_FRAMING_MAX 65536

/* What one reader produced: a hash of each outcome, in order. */
typedef struct fuzz_framing_trace {
    uint64_t *items;
    size_t len, cap;
    int pending;
    const char *name;
} fuzz_framing_trace;

static uint64_t fuzz_framing__hash(const char *p, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211u;
    return h;
}

static void fuzz_framing__push(fuzz_framing_trace *t, uint64_t item)
{
    if (t->len == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->items = realloc(t->items, t->cap * sizeof *t->items);
        FUZZ_CHECK(t->items != NULL);
    }
    t->items[t->len++] = item;
}

/* A body: within the limit; the JSON-RPC parser accepts or rejects it. */
static uint64_t fuzz_framing__message(proto_str body)
{
    FUZZ_CHECK(body.len <= FUZZ_FRAMING_MAX);
    FUZZ_CHECK(body.ptr != NULL || body.len == 0);
    proto_message m;
    proto_error err;
    int rc = proto_message_parse(body.ptr ? body.ptr : "", body.len, &m, &err);
    FUZZ_CHECK(rc == 0 || err.code == PROTO_ERR_PARSE || err.code == PROTO_ERR_INVALID_REQUEST);
    if (rc == 0)
        FUZZ_CHECK(m.root != NULL && (m.kind == PROTO_MSG_RESPONSE || m.method != NULL));
    proto_message_clear(&m);
    return fuzz_framing__hash(body.ptr, body.len, 14695981039346656037u ^ body.len);
}

/* Takes every complete message out of the reader. */
static void fuzz_framing__drain(proto_reader *r, fuzz_framing_trace *t)
{
    proto_str body;
    proto_error err;
    int rc;
    while ((rc = proto_reader_next(r, &body, &err)) != PROTO_READ_MORE) {
        FUZZ_CHECK(rc == PROTO_READ_MESSAGE || rc == PROTO_READ_ERROR);
        if (getenv("FUZZ_FRAMING_TRACE"))
            fprintf(stderr, "%s: %s len=%zu code=%d offset=%zu %s\n", t->name,
                    rc == PROTO_READ_MESSAGE ? "message" : "error", rc == PROTO_READ_MESSAGE ? body.len : 0,
                    rc == PROTO_READ_MESSAGE ? 0 : err.code, rc == PROTO_READ_MESSAGE ? 0 : err.offset,
                    rc == PROTO_READ_MESSAGE ? "" : err.message);
        if (rc == PROTO_READ_MESSAGE) {
            fuzz_framing__push(t, fuzz_framing__message(body));
        } else {
            FUZZ_CHECK(err.code != 0 && memchr(err.message, '\0', sizeof err.message) != NULL);
            fuzz_framing__push(t, ((uint64_t)(uint32_t)err.code << 32) ^ err.offset ^ 1);
        }
    }
}

/* Reads the stream in pieces whose sizes come from a generator seeded by
 * `seed`; seed 0 reads it whole. */
static void fuzz_framing__read(const char *s, size_t n, unsigned seed, fuzz_framing_trace *t)
{
    proto_reader r;
    proto_reader_init(&r, FUZZ_FRAMING_MAX);
    uint32_t state = seed * 2654435761u + 1;
    for (size_t off = 0; off < n;) {
        size_t piece = n - off;
        if (seed != 0) {
            state = state * 1664525u + 1013904223u;
            size_t want = 1 + (state >> 24) % 64;
            piece = want < piece ? want : piece;
        }
        FUZZ_CHECK(proto_reader_feed(&r, s + off, piece) == 0);
        off += piece;
        fuzz_framing__drain(&r, t);
    }
    t->pending = proto_reader_pending(&r);
    proto_reader_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *stream = (const char *)data + 1;
    size_t n = size - 1;
    fuzz_framing_trace whole = {.name = "whole"}, pieces = {.name = "pieces"};
    fuzz_framing__read(stream, n, 0, &whole);
    fuzz_framing__read(stream, n, data[0] | 1u, &pieces);
    FUZZ_CHECK(whole.len == pieces.len);
    FUZZ_CHECK(whole.len == 0 || memcmp(whole.items, pieces.items, whole.len * sizeof *whole.items) == 0);
    FUZZ_CHECK(whole.pending == pieces.pending);
    free(whole.items);
    free(pieces.items);
    return 0;
}
