/* fuzz_sync.c - differential test of incremental sync. The input drives a
 * client: an opening text, then didChange notifications with one or more
 * range edits (at character boundaries, sometimes written with a
 * character past the line end, which the server clamps) or a full
 * replacement. The client applies each edit to its own copy; after every
 * notification the server's document store must hold exactly that text,
 * with a line index equal to one built from scratch. At the end a full
 * re-sync must change nothing, and the model of the server's text must
 * equal the model of the client's. Byte 0 picks the position encoding
 * (UTF-16, UTF-8, UTF-32) and the language. */
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_model.h"
#include "lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_SYNC_URI "untitled:fuzz-sync"

/* Pieces the client types: ASCII, 2-, 3- and 4-byte UTF-8 (a surrogate
 * pair in UTF-16), line ends of every kind, quotation marks, NUL. */
static const char *const fuzz_sync__pieces[] = {
    "a", "Zo", " ", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\n", "\r\n", "\r",
    "\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x99", "Mr. Smith", " said ", "\n\n", "",
};
#define FUZZ_SYNC_NPIECES (sizeof fuzz_sync__pieces / sizeof *fuzz_sync__pieces)

typedef struct fuzz_sync_in {
    const uint8_t *data;
    size_t size, pos;
} fuzz_sync_in;

static unsigned fuzz_sync__byte(fuzz_sync_in *in)
{
    return in->pos < in->size ? in->data[in->pos++] : 0;
}

/* A growable byte string. */
typedef struct fuzz_sync_buf {
    char *ptr;
    size_t len;
} fuzz_sync_buf;

static void fuzz_sync__splice(fuzz_sync_buf *b, size_t start, size_t end, const char *s, size_t n)
{
    char *nb = malloc(b->len - (end - start) + n + 1);
    FUZZ_CHECK(nb != NULL);
    memcpy(nb, b->ptr, start);
    memcpy(nb + start, s, n);
    memcpy(nb + start + n, b->ptr + end, b->len - end);
    b->len = b->len - (end - start) + n;
    free(b->ptr);
    b->ptr = nb;
}

/* Up to 7 pieces of typed text. */
static fuzz_sync_buf fuzz_sync__typed(fuzz_sync_in *in, unsigned max)
{
    fuzz_sync_buf t = {malloc(1), 0};
    unsigned n = fuzz_sync__byte(in) % (max + 1);
    for (unsigned i = 0; i < n; i++) {
        const char *p = fuzz_sync__pieces[fuzz_sync__byte(in) % FUZZ_SYNC_NPIECES];
        fuzz_sync__splice(&t, t.len, t.len, p, strlen(p));
    }
    return t;
}

/* Offsets a client can name: character starts and the end, but not the
 * middle of "\r\n" (a position there means the line's content end). */
static int fuzz_sync__is_boundary(const fuzz_sync_buf *t, size_t off)
{
    if (off == t->len)
        return 1;
    if (((unsigned char)t->ptr[off] & 0xC0) == 0x80)
        return 0;
    return !(off > 0 && t->ptr[off - 1] == '\r' && t->ptr[off] == '\n');
}

static size_t fuzz_sync__pick(const fuzz_sync_buf *t, fuzz_sync_in *in)
{
    size_t off = ((fuzz_sync__byte(in) << 8) | fuzz_sync__byte(in)) % (t->len + 1);
    while (!fuzz_sync__is_boundary(t, off))
        off++;
    return off;
}

/* The client's side of the position encoding: units of one character. */
static size_t fuzz_sync__units(unsigned char lead, proto_encoding enc)
{
    size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (enc == PROTO_ENC_UTF8)
        return bytes;
    if (enc == PROTO_ENC_UTF16)
        return bytes == 4 ? 2 : 1;
    return 1;
}

/* The LSP position of a boundary offset; `past` adds characters beyond
 * the line's content end when the offset is there (the server clamps). */
static json_t *fuzz_sync__position(const fuzz_sync_buf *t, size_t off, proto_encoding enc, unsigned past)
{
    size_t line = 0, start = 0;
    for (size_t i = 0; i < off; i++)
        if (t->ptr[i] == '\n')
            line++, start = i + 1;
    size_t ch = 0;
    for (size_t i = start; i < off;) {
        unsigned char c = (unsigned char)t->ptr[i];
        ch += fuzz_sync__units(c, enc);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    int at_end = off == t->len || t->ptr[off] == '\n' || (t->ptr[off] == '\r' && off + 1 < t->len &&
                                                           t->ptr[off + 1] == '\n');
    if (at_end)
        ch += past;
    return json_pack("{s:I, s:I}", "line", (json_int_t)line, "character", (json_int_t)ch);
}

/* One range edit on the client's copy, recorded as a content change. */
static json_t *fuzz_sync__edit(fuzz_sync_buf *t, fuzz_sync_in *in, proto_encoding enc)
{
    size_t a = fuzz_sync__pick(t, in), b = fuzz_sync__pick(t, in);
    if (a > b) {
        size_t x = a;
        a = b;
        b = x;
    }
    unsigned past = fuzz_sync__byte(in) % 4;
    json_t *range = json_pack("{s:o, s:o}", "start", fuzz_sync__position(t, a, enc, past & 1 ? 1 : 0),
                              "end", fuzz_sync__position(t, b, enc, past & 2 ? 3 : 0));
    fuzz_sync_buf typed = fuzz_sync__typed(in, 7);
    json_t *change = json_pack("{s:o, s:s%}", "range", range, "text", typed.ptr, typed.len);
    fuzz_sync__splice(t, a, b, typed.ptr, typed.len);
    free(typed.ptr);
    return change;
}

/* The server's copy must be the client's, its line index a fresh one's. */
static void fuzz_sync__check(lsp_server *s, const fuzz_sync_buf *t)
{
    lsp_document *d = lsp_documents_find(s, FUZZ_SYNC_URI);
    FUZZ_CHECK(d != NULL && !d->too_large);
    FUZZ_CHECK(d->len == t->len);
    FUZZ_CHECK(t->len == 0 || memcmp(d->text, t->ptr, t->len) == 0);
    proto_lines fresh;
    FUZZ_CHECK(proto_lines_build(&fresh, t->ptr, t->len) == 0);
    FUZZ_CHECK(d->lines.count == fresh.count);
    FUZZ_CHECK(memcmp(d->lines.starts, fresh.starts, fresh.count * sizeof *fresh.starts) == 0);
    proto_lines_free(&fresh);
}

static void fuzz_sync__send(lsp_server *s, json_t *changes, json_int_t version)
{
    json_t *params = json_pack("{s:{s:s, s:I}, s:o}", "textDocument", "uri", FUZZ_SYNC_URI,
                               "version", version, "contentChanges", changes);
    FUZZ_CHECK(params != NULL);
    lsp_handle_did_change(s, params);
    json_decref(params);
}

/* The analysis of the server's text equals that of the client's text. */
static void fuzz_sync__same_model(lsp_server *s, const fuzz_sync_buf *t, an_format format)
{
    lsp_document *d = lsp_documents_find(s, FUZZ_SYNC_URI);
    an_options opt = an_options_default();
    opt.format = format;
    an_doc *server = an_doc_new(d->text, d->len, &opt);
    an_doc *client = an_doc_new(t->ptr, t->len, &opt);
    FUZZ_CHECK(server && client && fuzz_model_equal(server, client));
    an_doc_free(server);
    an_doc_free(client);
}

static void fuzz_sync__session(lsp_server *s, fuzz_sync_in *in, an_format format)
{
    fuzz_sync_buf t = fuzz_sync__typed(in, 31);
    json_t *open = json_pack("{s:{s:s, s:s, s:i, s:s%}}", "textDocument", "uri", FUZZ_SYNC_URI,
                             "languageId", format == AN_FORMAT_MARKDOWN ? "markdown" : "plaintext",
                             "version", 1, "text", t.ptr, t.len);
    lsp_handle_did_open(s, open);
    json_decref(open);
    fuzz_sync__check(s, &t);
    json_int_t version = 1;
    while (in->pos < in->size) {
        json_t *changes = json_array();
        unsigned op;
        do {
            op = fuzz_sync__byte(in);
            if (op % 16 == 15) {
                fuzz_sync_buf full = fuzz_sync__typed(in, 15);
                json_array_append_new(changes, json_pack("{s:s%}", "text", full.ptr, full.len));
                free(t.ptr);
                t = full;
            } else {
                json_array_append_new(changes, fuzz_sync__edit(&t, in, s->caps.encoding));
            }
        } while ((op & 0x40) && in->pos < in->size);
        fuzz_sync__send(s, changes, ++version);
        fuzz_sync__check(s, &t);
    }
    fuzz_sync__same_model(s, &t, format);
    json_t *full = json_pack("[{s:s%}]", "text", t.ptr, t.len);
    fuzz_sync__send(s, full, ++version);
    fuzz_sync__check(s, &t);
    free(t.ptr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    lsp_server s;
    memset(&s, 0, sizeof s);
    s.out_fd = open("/dev/null", O_WRONLY);
    FUZZ_CHECK(s.out_fd >= 0);
    pthread_mutex_init(&s.mu, NULL);
    pthread_mutex_init(&s.out_mu, NULL);
    pthread_cond_init(&s.work, NULL);
    pthread_cond_init(&s.done, NULL);
    s.queue_output = 0; /* no worker, no flushing: messages are written at once */
    s.state = LSP_STATE_RUNNING;
    s.caps.encoding = (proto_encoding)(data[0] % 3);
    fuzz_sync_in in = {data + 1, size - 1, 0};
    fuzz_sync__session(&s, &in, data[0] & 4 ? AN_FORMAT_MARKDOWN : AN_FORMAT_PLAIN);
    lsp_documents_close_all(&s);
    pthread_cond_destroy(&s.done);
    pthread_cond_destroy(&s.work);
    pthread_mutex_destroy(&s.out_mu);
    pthread_mutex_destroy(&s.mu);
    close(s.out_fd);
    return 0;
}
