/* handlers_text.c - building the text of hovers and outline entries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "protocol/utf.h"

static int lsp_buf__reserve(lsp_buf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *np = realloc(b->ptr, cap);
    if (!np) {
        b->failed = 1;
        return -1;
    }
    b->ptr = np;
    b->cap = cap;
    return 0;
}

void lsp_buf_add(lsp_buf *b, const char *s, size_t n)
{
    if (lsp_buf__reserve(b, n) != 0)
        return;
    memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void lsp_buf_printf(lsp_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        lsp_buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void lsp_buf_add_text(lsp_buf *b, const char *s, size_t n, int markdown)
{
    for (size_t i = 0; i < n; i++) {
        if (markdown && strchr("\\`*_[]<>#|~", s[i]) && s[i] != '\0')
            lsp_buf_add(b, "\\", 1);
        lsp_buf_add(b, s + i, 1);
    }
}

void lsp_buf_free(lsp_buf *b)
{
    free(b->ptr);
    memset(b, 0, sizeof *b);
}

const char *lsp_entity_kind_name(an_entity_kind kind)
{
    switch (kind) {
    case AN_ENTITY_PERSON: return "Person";
    case AN_ENTITY_ORGANIZATION: return "Organization";
    default: return "Place";
    }
}

/* True for the quotation marks a quote span starts or ends with. */
static int lsp__is_mark(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
           cp == 0x00AB || cp == 0x00BB || cp == 0x201E || cp == 0x2039 || cp == 0x203A;
}

/* Narrows [*a, *e) past leading and trailing marks and spaces, and a
 * comma before the closing mark ("Yes," she said). */
static void lsp__trim_marks(const char *text, size_t *a, size_t *e)
{
    while (*a < *e) {
        int32_t cp;
        size_t k = proto_utf8_decode(text + *a, *e - *a, &cp);
        if (!lsp__is_mark(cp) && cp != ' ' && cp != '\n' && cp != '\r' && cp != '\t')
            break;
        *a += k;
    }
    while (*e > *a) {
        size_t p = *e - 1;
        while (p > *a && ((unsigned char)text[p] & 0xC0) == 0x80)
            p--;
        int32_t cp;
        proto_utf8_decode(text + p, *e - p, &cp);
        if (!lsp__is_mark(cp) && cp != ' ' && cp != '\n' && cp != '\r' && cp != '\t' && cp != ',')
            break;
        *e = p;
    }
}

void lsp_buf_add_excerpt(lsp_buf *b, const char *text, an_span span, size_t max_bytes, int markdown)
{
    size_t a = span.start, e = span.end, out = 0, last_space = 0;
    lsp__trim_marks(text, &a, &e);
    lsp_buf tmp = {0};
    int space = 0;
    while (a < e) {
        int32_t cp;
        size_t k = proto_utf8_decode(text + a, e - a, &cp);
        int is_space = cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t';
        if (!is_space && out + (space ? 1 : 0) + k > max_bytes)
            break;
        if (is_space) {
            space = 1;
        } else {
            if (space && out > 0) {
                last_space = tmp.len;
                lsp_buf_add(&tmp, " ", 1);
                out++;
            }
            space = 0;
            if (cp == 0xFFFD && k == 1)
                lsp_buf_add(&tmp, "\xEF\xBF\xBD", 3);
            else
                lsp_buf_add(&tmp, text + a, k);
            out += k;
        }
        a += k;
    }
    int cut = a < e;
    size_t keep = cut && last_space > 0 ? last_space : tmp.len;
    lsp_buf_add_text(b, tmp.ptr ? tmp.ptr : "", keep, markdown);
    if (cut)
        lsp_buf_add(b, "\xE2\x80\xA6", 3);
    lsp_buf_free(&tmp);
}
