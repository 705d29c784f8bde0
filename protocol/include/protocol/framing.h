/**
 * framing.h - LSP base protocol framing: `Content-Length` headers and
 * message bodies, read from a byte stream that may deliver any number of
 * messages (or part of one) per read.
 *
 * The reader is a push parser: feed it whatever read() returned, then take
 * complete bodies out until it asks for more.
 *
 *     proto_reader r;
 *     proto_reader_init(&r, PROTO_DEFAULT_MAX_MESSAGE);
 *     while ((n = read(0, buf, sizeof buf)) > 0) {
 *         proto_reader_feed(&r, buf, n);
 *         proto_str body;
 *         proto_error err;
 *         int rc;
 *         while ((rc = proto_reader_next(&r, &body, &err)) != PROTO_READ_MORE)
 *             if (rc == PROTO_READ_MESSAGE) handle(body.ptr, body.len);
 *             else log(err.message);   // the reader has resynchronized
 *     }
 *     proto_reader_free(&r);
 *
 * Header rules: lines end in CRLF (a bare LF is tolerated), the block ends
 * with an empty line, `Content-Length` is required, `Content-Type` and
 * unknown headers are ignored, header names are case-insensitive. A bad
 * block is reported once and skipped up to the next `Content-Length` line.
 */
#ifndef BYLINE_PROTOCOL_FRAMING_H
#define BYLINE_PROTOCOL_FRAMING_H

#include <stddef.h>

/** A non-owning view of bytes. */
typedef struct proto_str {
    const char *ptr;
    size_t len;
} proto_str;

/** What went wrong, where (byte offset in the stream) and why. The message
 *  is static storage or lives in the error itself. */
typedef struct proto_error {
    int code;          /* a JSON-RPC error code (PROTO_ERR_*), or 0 */
    size_t offset;     /* stream offset of the problem */
    char message[160];
} proto_error;

/** Default limit on one message body: 256 MiB. A larger Content-Length is
 *  reported as an error and the reader resynchronizes. */
#define PROTO_DEFAULT_MAX_MESSAGE ((size_t)256 * 1024 * 1024)
/** Longest accepted header block. */
#define PROTO_MAX_HEADER 8192

enum {
    PROTO_READ_MORE = 0,    /* no complete message buffered: feed more */
    PROTO_READ_MESSAGE = 1, /* *body is a complete message */
    PROTO_READ_ERROR = 2,   /* *err says what was skipped */
};

typedef struct proto_reader {
    char *buf;          /* buffered stream bytes [start, len) */
    size_t start, len, cap;
    size_t consumed;    /* stream offset of buf[0] */
    size_t max_message;
    int resync;         /* skipping garbage up to the next Content-Length */
} proto_reader;

/** Prepares an empty reader that accepts bodies up to max_message bytes. */
void proto_reader_init(proto_reader *r, size_t max_message);
/** Releases the buffer. */
void proto_reader_free(proto_reader *r);
/** Appends stream bytes. Returns 0, or -1 when memory runs out. */
int proto_reader_feed(proto_reader *r, const char *data, size_t len);
/** Takes the next complete message. On PROTO_READ_MESSAGE, *body points
 *  into the reader's buffer and stays valid until the next feed or next
 *  call. On PROTO_READ_ERROR the bad bytes are already skipped. */
int proto_reader_next(proto_reader *r, proto_str *body, proto_error *err);
/** True when bytes of an unfinished message are buffered (at end of input
 *  this means the stream was cut mid-message). */
int proto_reader_pending(const proto_reader *r);

/** Writes one framed message to fd, retrying short writes and EINTR.
 *  Returns 0, or -1 (errno set; EPIPE when the peer has gone). */
int proto_write_frame(int fd, const char *body, size_t len);

#endif
