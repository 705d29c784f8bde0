/* framing.c - Content-Length framing: a push parser that resynchronizes
 * after bad headers, and a writer that survives short writes. */
#include "protocol/framing.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "protocol/jsonrpc.h"

static const char proto__cl[] = "content-length";
#define PROTO__CL_LEN (sizeof proto__cl - 1)

void proto_reader_init(proto_reader *r, size_t max_message)
{
    memset(r, 0, sizeof *r);
    r->max_message = max_message ? max_message : PROTO_DEFAULT_MAX_MESSAGE;
}

void proto_reader_free(proto_reader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

/* Makes room for `extra` more bytes at the end, dropping consumed bytes
 * only when the tail is short (so a large body is not moved per read). */
static int proto_reader__reserve(proto_reader *r, size_t extra)
{
    if (r->cap - r->len >= extra)
        return 0;
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start;
        r->consumed += r->start;
        r->start = 0;
    }
    if (r->cap - r->len >= extra)
        return 0;
    size_t cap = r->cap ? r->cap : 65536;
    while (cap - r->len < extra) {
        if (cap > ((size_t)-1) / 2)
            return -1;
        cap *= 2;
    }
    char *nb = realloc(r->buf, cap);
    if (!nb)
        return -1;
    r->buf = nb;
    r->cap = cap;
    return 0;
}

int proto_reader_feed(proto_reader *r, const char *data, size_t len)
{
    if (len == 0)
        return 0;
    if (proto_reader__reserve(r, len) != 0)
        return -1;
    memcpy(r->buf + r->len, data, len);
    r->len += len;
    return 0;
}

int proto_reader_pending(const proto_reader *r)
{
    for (size_t i = r->start; i < r->len; i++)
        if (!isspace((unsigned char)r->buf[i]))
            return 1;
    return 0;
}

static int proto_reader__fail(proto_reader *r, proto_error *err, size_t offset, const char *what)
{
    err->code = PROTO_ERR_PARSE;
    err->offset = r->consumed + offset;
    snprintf(err->message, sizeof err->message, "bad message header at byte %zu: %s", err->offset,
             what);
    r->resync = 1;
    r->start = offset + 1 <= r->len ? offset + 1 : r->len;
    return PROTO_READ_ERROR;
}

/* Skips to the next "Content-Length" (any case). Returns 1 when found. */
static int proto_reader__resync(proto_reader *r)
{
    for (size_t i = r->start; i + PROTO__CL_LEN <= r->len; i++) {
        if ((r->buf[i] | 0x20) == 'c' && strncasecmp(r->buf + i, proto__cl, PROTO__CL_LEN) == 0) {
            r->start = i;
            r->resync = 0;
            return 1;
        }
    }
    /* Keep a tail that may be the start of the header name. */
    if (r->len - r->start > PROTO__CL_LEN)
        r->start = r->len - PROTO__CL_LEN;
    return 0;
}

static int proto__is_token(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
            return 0;
    return 1;
}

/* Parses a decimal Content-Length value; -1 when not a plain number. */
static long long proto__parse_length(const char *v, size_t n)
{
    while (n > 0 && (*v == ' ' || *v == '\t'))
        v++, n--;
    while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    if (n == 0 || n > 15)
        return -1;
    long long x = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return -1;
        x = x * 10 + (v[i] - '0');
    }
    return x;
}

typedef struct proto__header {
    size_t end;        /* offset just past the empty line */
    long long length;  /* -1 when absent */
    size_t bad_at;     /* offset of a bad line */
    const char *bad;   /* why it is bad, or NULL */
} proto__header;

/* Parses one header line [p, e) (no line end) into h. */
static void proto__header_line(const proto_reader *r, size_t p, size_t e, proto__header *h)
{
    const char *line = r->buf + p;
    const char *colon = memchr(line, ':', e - p);
    if (!colon || !proto__is_token(line, (size_t)(colon - line))) {
        h->bad = "not a 'Name: value' header line", h->bad_at = p;
        return;
    }
    size_t name_len = (size_t)(colon - line);
    if (name_len != PROTO__CL_LEN || strncasecmp(line, proto__cl, PROTO__CL_LEN) != 0)
        return; /* Content-Type and unknown headers are ignored */
    long long v = proto__parse_length(colon + 1, (size_t)(line + (e - p) - colon - 1));
    if (v < 0)
        h->bad = "Content-Length is not a non-negative decimal number", h->bad_at = p;
    else if (h->length >= 0 && h->length != v)
        h->bad = "conflicting Content-Length headers", h->bad_at = p;
    else
        h->length = v;
}

/* Scans the header block at r->start. Returns 0 when incomplete. The
 * outcome depends on the bytes only, never on how many have arrived yet:
 * the first bad line is reported as soon as it is complete, and a block
 * whose first PROTO_MAX_HEADER bytes hold no empty line is too long. */
static int proto__header_scan(const proto_reader *r, proto__header *h)
{
    h->length = -1;
    h->bad = NULL;
    size_t limit = r->start + PROTO_MAX_HEADER;
    size_t avail = r->len < limit ? r->len : limit;
    size_t p = r->start;
    for (;;) {
        const char *nl = memchr(r->buf + p, '\n', avail - p);
        if (!nl) {
            if (r->len < limit)
                return 0;
            h->bad = "header block too long or not terminated", h->bad_at = r->start;
            return 1;
        }
        size_t e = (size_t)(nl - r->buf);
        size_t content_end = e > p && r->buf[e - 1] == '\r' ? e - 1 : e;
        if (content_end == p) {
            h->end = e + 1;
            return 1;
        }
        proto__header_line(r, p, content_end, h);
        if (h->bad)
            return 1;
        p = e + 1;
    }
}

int proto_reader_next(proto_reader *r, proto_str *body, proto_error *err)
{
    if (r->resync && !proto_reader__resync(r))
        return PROTO_READ_MORE;
    /* Blank lines between messages are harmless. */
    while (r->start < r->len && (r->buf[r->start] == '\r' || r->buf[r->start] == '\n'))
        r->start++;
    if (r->start == r->len)
        return PROTO_READ_MORE;
    proto__header h;
    if (!proto__header_scan(r, &h))
        return PROTO_READ_MORE;
    if (h.bad)
        return proto_reader__fail(r, err, h.bad_at, h.bad);
    if (h.length < 0)
        return proto_reader__fail(r, err, r->start, "no Content-Length header");
    if ((unsigned long long)h.length > r->max_message)
        return proto_reader__fail(r, err, r->start, "Content-Length exceeds the maximum message size");
    size_t need = (size_t)h.length;
    if (r->len - h.end < need) {
        /* Reserve once so a large body does not regrow the buffer repeatedly. */
        size_t have = r->len - r->start;
        size_t total = (h.end - r->start) + need;
        if (r->cap - r->start < total && proto_reader__reserve(r, total - have) != 0)
            return proto_reader__fail(r, err, r->start, "out of memory for the message body");
        return PROTO_READ_MORE;
    }
    body->ptr = r->buf + h.end;
    body->len = need;
    r->start = h.end + need;
    return PROTO_READ_MESSAGE;
}

int proto_write_frame(int fd, const char *body, size_t len)
{
    char header[64];
    int hn = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
    const char *parts[2] = {header, body};
    size_t sizes[2] = {(size_t)hn, len};
    for (int k = 0; k < 2; k++) {
        size_t off = 0;
        while (off < sizes[k]) {
            ssize_t w = write(fd, parts[k] + off, sizes[k] - off);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return -1;
            off += (size_t)w;
        }
    }
    return 0;
}
