/* json_write.c - a streaming JSON writer with jansson's bytes. */
#include "protocol/json_write.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "protocol/utf.h"

/* FILE mode writes the buffer out once it holds this much. */
#define PROTO_JW_BLOCK ((size_t)64 * 1024)

void proto_jw_init(proto_jw *w, FILE *out, int indent)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->indent = indent > 0 ? indent : 0;
}

static int proto_jw__flush(proto_jw *w)
{
    if (w->out && w->len > 0) {
        if (fwrite(w->buf, 1, w->len, w->out) != w->len) {
            w->failed = true;
            return -1;
        }
        w->len = 0;
    }
    return 0;
}

/* The slow half of proto_jw__room: flushes in FILE mode, else grows. */
static bool proto_jw__grow(proto_jw *w, size_t n)
{
    if (w->out && w->len >= PROTO_JW_BLOCK && proto_jw__flush(w) != 0)
        return false;
    if (w->cap - w->len >= n)
        return true;
    size_t cap = w->cap ? w->cap : (w->out ? 2 * PROTO_JW_BLOCK : 4096);
    while (cap - w->len < n) {
        if (cap > ((size_t)-1) / 2) {
            w->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *nb = realloc(w->buf, cap);
    if (!nb) {
        w->failed = true;
        return false;
    }
    w->buf = nb;
    w->cap = cap;
    return true;
}

/* Makes room for n more bytes; false once anything has failed. */
static inline bool proto_jw__room(proto_jw *w, size_t n)
{
    return !w->failed && (w->cap - w->len >= n || proto_jw__grow(w, n));
}

static void proto_jw__put(proto_jw *w, const char *s, size_t n)
{
    if (n > 0 && proto_jw__room(w, n)) {
        memcpy(w->buf + w->len, s, n);
        w->len += n;
    }
}

static inline void proto_jw__putc(proto_jw *w, char c)
{
    if (proto_jw__room(w, 1))
        w->buf[w->len++] = c;
}

/* A newline and the indentation of `depth` (nothing when compact). */
static void proto_jw__newline(proto_jw *w, int depth)
{
    size_t spaces = (size_t)depth * (size_t)w->indent;
    if (w->indent == 0 || !proto_jw__room(w, spaces + 1 + 8))
        return;
    char *o = w->buf + w->len;
    *o++ = '\n';
    /* Eight spaces a store, into the room reserved past the end: a call
     * to memset cost more than the few bytes of an indentation. */
    for (size_t i = 0; i < spaces; i += 8)
        memcpy(o + i, "        ", 8);
    w->len += 1 + spaces;
}

/* What goes before a value or a key: nothing after a key, else the
 * separator from the previous element and the indentation. */
static inline void proto_jw__before(proto_jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->any[w->depth])
        proto_jw__putc(w, ',');
    w->any[w->depth] = true;
    proto_jw__newline(w, w->depth);
}

static void proto_jw__open(proto_jw *w, char c)
{
    proto_jw__before(w);
    if (w->depth >= PROTO_JW_MAX_DEPTH) {
        w->failed = true;
        return;
    }
    proto_jw__putc(w, c);
    w->any[++w->depth] = false;
}

static void proto_jw__close(proto_jw *w, char c)
{
    if (w->depth == 0) {
        w->failed = true;
        return;
    }
    if (w->any[w->depth])
        proto_jw__newline(w, w->depth - 1);
    w->depth--;
    proto_jw__putc(w, c);
}

void proto_jw_object_begin(proto_jw *w) { proto_jw__open(w, '{'); }
void proto_jw_object_end(proto_jw *w) { proto_jw__close(w, '}'); }
void proto_jw_array_begin(proto_jw *w) { proto_jw__open(w, '['); }
void proto_jw_array_end(proto_jw *w) { proto_jw__close(w, ']'); }

/* 1 for the bytes a string holds as they are: printable ASCII but '"' and
 * '\\'; control characters are escaped and bytes from 0x80 checked as UTF-8. */
static const unsigned char proto_jw__plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The escape jansson writes for an ASCII byte that needs one. */
static void proto_jw__escape(proto_jw *w, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char seq[6] = {'\\', (char)c, 0, 0, 0, 0};
    size_t n = 2;
    switch (c) {
    case '"': case '\\': break;
    case '\b': seq[1] = 'b'; break;
    case '\f': seq[1] = 'f'; break;
    case '\n': seq[1] = 'n'; break;
    case '\r': seq[1] = 'r'; break;
    case '\t': seq[1] = 't'; break;
    default:
        memcpy(seq, "\\u00", 4);
        seq[4] = hex[c >> 4];
        seq[5] = hex[c & 15];
        n = 6;
    }
    proto_jw__put(w, seq, n);
}

/* The body of a string: runs that need nothing are copied whole. */
static void proto_jw__chars(proto_jw *w, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = u[i];
        if (proto_jw__plain[c]) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            int32_t cp;
            size_t k = proto_utf8_decode(s + i, len - i, &cp);
            if (cp != 0xFFFD || k == 3) { /* valid, or a real U+FFFD */
                i += k;
                continue;
            }
            proto_jw__put(w, s + run, i - run);
            proto_jw__put(w, "\xEF\xBF\xBD", 3);
        } else {
            proto_jw__put(w, s + run, i - run);
            proto_jw__escape(w, c);
        }
        run = ++i;
    }
    proto_jw__put(w, s + run, i - run);
}

/* The worst case of one input byte: \u00XX. */
#define PROTO_JW_WORST 6

/* Writes s[0..len) quoted, escaping into room reserved for the worst
 * case; the common bytes are copied one by one without further checks. */
/* Copies to o the leading bytes of s[0..len) that need no escape;
 * returns how many. */
static inline size_t proto_jw__plain_run(char *o, const char *s, size_t len)
{
    size_t i = 0;
    for (; i < len && proto_jw__plain[(unsigned char)s[i]]; i++)
        o[i] = s[i];
    return i;
}

static void proto_jw__quoted_fast(proto_jw *w, const char *s, size_t len)
{
    char *o = w->buf + w->len;
    *o++ = '"';
    for (size_t i = 0; i < len;) {
        size_t run = proto_jw__plain_run(o, s + i, len - i);
        o += run;
        i += run;
        if (i == len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            w->len = (size_t)(o - w->buf);
            proto_jw__escape(w, c); /* fits: room was reserved */
            o = w->buf + w->len;
            i++;
        } else {
            int32_t cp;
            size_t k = proto_utf8_decode(s + i, len - i, &cp);
            if (cp != 0xFFFD || k == 3) { /* valid, or a real U+FFFD */
                memcpy(o, s + i, k);
                o += k;
            } else {
                memcpy(o, "\xEF\xBF\xBD", 3);
                o += 3;
            }
            i += k;
        }
    }
    *o++ = '"';
    w->len = (size_t)(o - w->buf);
}

static void proto_jw__quoted(proto_jw *w, const char *s, size_t len)
{
    if (!s)
        s = "", len = 0;
    if (len <= PROTO_JW_BLOCK / PROTO_JW_WORST) {
        if (proto_jw__room(w, len * PROTO_JW_WORST + 2))
            proto_jw__quoted_fast(w, s, len);
        return;
    }
    if (!proto_jw__room(w, len + 2))
        return;
    w->buf[w->len++] = '"';
    proto_jw__chars(w, s, len);
    proto_jw__putc(w, '"');
}

/* Ends a key whose opening quote and bytes were written up to o (room
 * for 3 more reserved): the closing quote, the colon and, indented, a
 * space. */
static inline void proto_jw__end_key(proto_jw *w, char *o)
{
    *o++ = '"';
    *o++ = ':';
    if (w->indent)
        *o++ = ' ';
    w->len = (size_t)(o - w->buf);
    w->after_key = true;
}

void proto_jw_key(proto_jw *w, const char *key)
{
    proto_jw__before(w);
    size_t len = strlen(key);
    /* The common key, plain ASCII, copied with its quotes and separator
     * at once; any other through proto_jw__quoted. */
    if (proto_jw__room(w, len + 4)) {
        char *o = w->buf + w->len;
        *o = '"';
        if (proto_jw__plain_run(o + 1, key, len) == len) {
            proto_jw__end_key(w, o + 1 + len);
            return;
        }
    }
    proto_jw__quoted(w, key, len);
    if (proto_jw__room(w, 2)) {
        w->buf[w->len++] = ':';
        if (w->indent)
            w->buf[w->len++] = ' ';
    }
    w->after_key = true;
}

#ifndef NDEBUG
/* True when every byte of s[0..len) needs no escape (for an assert). */
static bool proto_jw__is_plain(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!proto_jw__plain[(unsigned char)s[i]])
            return false;
    return true;
}
#endif

void proto_jw_key_plain(proto_jw *w, const char *key, size_t len)
{
    assert(proto_jw__is_plain(key, len));
    proto_jw__before(w);
    if (proto_jw__room(w, len + 4)) {
        char *o = w->buf + w->len;
        *o++ = '"';
        for (size_t i = 0; i < len; i++) /* short: no call to memcpy */
            *o++ = key[i];
        proto_jw__end_key(w, o);
        return;
    }
    w->after_key = true;
}

void proto_jw_string(proto_jw *w, const char *s, size_t len)
{
    proto_jw__before(w);
    proto_jw__quoted(w, s, len);
}

void proto_jw_cstr(proto_jw *w, const char *s)
{
    if (s)
        proto_jw_string(w, s, strlen(s));
    else
        proto_jw_null(w);
}

void proto_jw_int(proto_jw *w, long long v)
{
    char tmp[24];
    size_t n = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        tmp[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        tmp[n++] = '-';
    proto_jw__before(w);
    if (!proto_jw__room(w, n))
        return;
    char *o = w->buf + w->len; /* a local cursor: stores through buf may alias len */
    while (n > 0)
        *o++ = tmp[--n];
    w->len = (size_t)(o - w->buf);
}

void proto_jw_bool(proto_jw *w, bool v)
{
    proto_jw__before(w);
    proto_jw__put(w, v ? "true" : "false", v ? 4 : 5);
}

void proto_jw_null(proto_jw *w)
{
    proto_jw__before(w);
    proto_jw__put(w, "null", 4);
}

void proto_jw_raw(proto_jw *w, const char *json, size_t len)
{
    proto_jw__before(w);
    proto_jw__put(w, json, len);
}

/* A real as jansson prints it (its own dumper: "%.17g" and a ".0"). */
static void proto_jw__real(proto_jw *w, const json_t *v)
{
    char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    if (!s) {
        w->failed = true;
        return;
    }
    proto_jw_raw(w, s, strlen(s));
    free(s);
}

void proto_jw_json(proto_jw *w, const json_t *v)
{
    const char *key;
    json_t *item;
    size_t i;
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_OBJECT:
        proto_jw_object_begin(w);
        json_object_foreach((json_t *)v, key, item) {
            proto_jw_key(w, key);
            proto_jw_json(w, item);
        }
        proto_jw_object_end(w);
        break;
    case JSON_ARRAY:
        proto_jw_array_begin(w);
        json_array_foreach(v, i, item)
            proto_jw_json(w, item);
        proto_jw_array_end(w);
        break;
    case JSON_STRING: proto_jw_string(w, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: proto_jw_int(w, (long long)json_integer_value(v)); break;
    case JSON_REAL: proto_jw__real(w, v); break;
    case JSON_TRUE: proto_jw_bool(w, true); break;
    case JSON_FALSE: proto_jw_bool(w, false); break;
    default: proto_jw_null(w); break;
    }
}

int proto_jw_finish(proto_jw *w)
{
    if (!w->failed)
        proto_jw__flush(w);
    if (w->out && !w->failed && ferror(w->out))
        w->failed = true;
    return w->failed ? -1 : 0;
}

char *proto_jw_take(proto_jw *w, size_t *len)
{
    char *s = NULL;
    if (!w->failed && proto_jw__room(w, 1)) {
        w->buf[w->len] = '\0';
        s = w->buf;
        *len = w->len;
        w->buf = NULL;
    }
    proto_jw_free(w);
    return s;
}

void proto_jw_free(proto_jw *w)
{
    free(w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
}
