/* position.c - line index and LSP position encodings. */
#include "protocol/position.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "protocol/utf.h"

const char *proto_encoding_name(proto_encoding enc)
{
    switch (enc) {
    case PROTO_ENC_UTF8: return "utf-8";
    case PROTO_ENC_UTF32: return "utf-32";
    default: return "utf-16";
    }
}

int proto_encoding_from_name(const char *name)
{
    if (!name)
        return -1;
    if (strcmp(name, "utf-16") == 0)
        return PROTO_ENC_UTF16;
    if (strcmp(name, "utf-8") == 0)
        return PROTO_ENC_UTF8;
    if (strcmp(name, "utf-32") == 0)
        return PROTO_ENC_UTF32;
    return -1;
}

static int proto_lines__reserve(proto_lines *li, size_t n)
{
    if (n <= li->cap)
        return 0;
    size_t cap = li->cap ? li->cap : 64;
    while (cap < n)
        cap *= 2;
    size_t *ns = realloc(li->starts, cap * sizeof *ns);
    if (!ns)
        return -1;
    li->starts = ns;
    li->cap = cap;
    return 0;
}

/* Appends the starts of lines beginning inside text[from, to). */
static int proto_lines__scan(const char *text, size_t from, size_t to, size_t **out, size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (const char *p = text + from, *end = text + to; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            size_t *ns = realloc(*out, cap * sizeof *ns);
            if (!ns) {
                free(*out);
                *out = NULL;
                return -1;
            }
            *out = ns;
        }
        (*out)[(*n)++] = (size_t)(nl - text) + 1;
        p = nl + 1;
    }
    return 0;
}

int proto_lines_build(proto_lines *li, const char *text, size_t len)
{
    memset(li, 0, sizeof *li);
    if (proto_lines__reserve(li, 64) != 0)
        return -1;
    li->starts[li->count++] = 0;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        if (proto_lines__reserve(li, li->count + 1) != 0) {
            proto_lines_free(li);
            return -1;
        }
        li->starts[li->count++] = (size_t)(nl - text) + 1;
        p = nl + 1;
    }
    return 0;
}

void proto_lines_free(proto_lines *li)
{
    free(li->starts);
    memset(li, 0, sizeof *li);
}

/* The first line whose start is greater than offset. */
static size_t proto_lines__upper(const proto_lines *li, size_t offset)
{
    size_t lo = 0, hi = li->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (li->starts[mid] <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t proto_lines_find(const proto_lines *li, size_t offset)
{
    size_t up = proto_lines__upper(li, offset);
    return up ? up - 1 : 0;
}

int proto_lines_edit(proto_lines *li, const char *text, size_t len, size_t start, size_t old_len,
                     size_t new_len)
{
    size_t *added;
    size_t n_added;
    if (li->count == 0 || proto_lines__scan(text, start, start + new_len, &added, &n_added) != 0)
        return proto_lines_free(li), proto_lines_build(li, text, len);
    size_t k1 = proto_lines__upper(li, start), k2 = proto_lines__upper(li, start + old_len);
    size_t removed = k2 - k1;
    if (n_added > removed && proto_lines__reserve(li, li->count + n_added - removed) != 0) {
        free(added);
        return proto_lines_free(li), proto_lines_build(li, text, len);
    }
    memmove(li->starts + k1 + n_added, li->starts + k2, (li->count - k2) * sizeof *li->starts);
    if (n_added)
        memcpy(li->starts + k1, added, n_added * sizeof *added);
    li->count = li->count - removed + n_added;
    for (size_t i = k1 + n_added; i < li->count; i++)
        li->starts[i] = li->starts[i] - old_len + new_len;
    free(added);
    return 0;
}

size_t proto_line_content_end(proto_text t, size_t line)
{
    const proto_lines *li = t.lines;
    if (line + 1 >= li->count)
        return t.len;
    size_t end = li->starts[line + 1] - 1; /* the \n */
    if (end > li->starts[line] && t.ptr[end - 1] == '\r')
        end--;
    return end;
}

/* Units of one character in enc; k is its UTF-8 length. */
static size_t proto__units(int32_t cp, size_t k, proto_encoding enc)
{
    if (enc == PROTO_ENC_UTF8)
        return k;
    if (enc == PROTO_ENC_UTF16)
        return cp >= 0x10000 ? 2 : 1;
    return 1;
}

/* The length of the longest prefix of p[0..n) made of whole 8-byte blocks
 * of ASCII other than newline: one unit per byte in every encoding. */
static size_t proto__plain_prefix(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v, nl;
        memcpy(&v, p + i, 8);
        nl = v ^ (ones * '\n'); /* a zero byte where v has a newline */
        if ((v | ((nl - ones) & ~nl)) & highs)
            break;
    }
    return i;
}

size_t proto_offset_at(proto_text t, proto_position pos, proto_encoding enc, unsigned *flags)
{
    *flags = 0;
    if (pos.line >= t.lines->count) {
        *flags |= PROTO_POS_PAST_END;
        return t.len;
    }
    size_t p = t.lines->starts[pos.line], end = proto_line_content_end(t, pos.line);
    size_t units = 0;
    while (p < end) {
        if (units == pos.character)
            return p;
        int32_t cp;
        size_t k = (unsigned char)t.ptr[p] < 0x80 ? (cp = t.ptr[p], 1)
                                                   : proto_utf8_decode(t.ptr + p, end - p, &cp);
        size_t u = proto__units(cp, k, enc);
        if (units + u > pos.character) {
            *flags |= PROTO_POS_SNAPPED;
            return p;
        }
        units += u;
        p += k;
    }
    if (units < pos.character)
        *flags |= PROTO_POS_CLAMPED;
    return end;
}

proto_position proto_position_at(proto_text t, size_t offset, proto_encoding enc)
{
    if (offset > t.len)
        offset = t.len;
    proto_position pos = {proto_lines_find(t.lines, offset), 0};
    size_t p = t.lines->starts[pos.line], end = proto_line_content_end(t, pos.line);
    if (offset < end)
        end = offset;
    proto_cursor *c = t.lines->cursor;
    if (c && c->ptr == t.ptr && c->len == t.len && c->enc == enc)
        pos.character = proto_cursor_units(c, p, end, &p);
    while (p < end) {
        size_t run = proto__plain_prefix(t.ptr + p, end - p);
        p += run;
        pos.character += run;
        if (p == end)
            break;
        if ((unsigned char)t.ptr[p] < 0x80) { /* one unit in every encoding */
            pos.character++;
            p++;
            continue;
        }
        int32_t cp;
        size_t k = proto_utf8_decode(t.ptr + p, t.len - p, &cp);
        pos.character += proto__units(cp, k, enc);
        p += k;
    }
    return pos;
}

/* ---- cursor ------------------------------------------------------------ */

void proto_cursor_init(proto_cursor *c, const char *text, size_t len, proto_encoding enc)
{
    memset(c, 0, sizeof *c);
    c->ptr = text;
    c->len = len;
    c->enc = enc;
}

void proto_cursor_free(proto_cursor *c)
{
    free(c->marks);
    c->marks = NULL;
    c->n_marks = c->cap_marks = 0;
}

/* The length of the character at p (decoded against the whole text) and
 * its units. */
static size_t proto_cursor__char(const proto_cursor *c, size_t p, size_t *units)
{
    int32_t cp;
    size_t k = (unsigned char)c->ptr[p] < 0x80 ? (cp = c->ptr[p], 1)
                                                : proto_utf8_decode(c->ptr + p, c->len - p, &cp);
    *units = proto__units(cp, k, c->enc);
    return k;
}

/* Remembers the walk's position; out of memory only costs speed. */
static void proto_cursor__mark(proto_cursor *c)
{
    if (c->n_marks == c->cap_marks) {
        size_t cap = c->cap_marks ? c->cap_marks * 2 : 64;
        size_t *m = realloc(c->marks, cap * 2 * sizeof *m);
        if (!m)
            return;
        c->marks = m;
        c->cap_marks = cap;
    }
    c->marks[2 * c->n_marks] = c->pos;
    c->marks[2 * c->n_marks + 1] = c->units;
    c->n_marks++;
}

/* Walks forward to the last character boundary at or before offset (in
 * locals: the loop runs over every byte of the text). */
static void proto_cursor__advance(proto_cursor *c, size_t offset)
{
    if (c->n_marks == 0)
        proto_cursor__mark(c);
    size_t last = c->n_marks ? c->marks[2 * (c->n_marks - 1)] : 0;
    size_t pos = c->pos, units = c->units, line_start = c->line_start;
    const unsigned char *u = (const unsigned char *)c->ptr;
    while (pos < offset) {
        size_t to_mark = last + PROTO_CURSOR_STEP - pos, room = offset - pos;
        size_t run = proto__plain_prefix(c->ptr + pos, room < to_mark ? room : to_mark);
        pos += run;
        units += run;
        if (pos == offset)
            break;
        if (u[pos] < 0x80) { /* ASCII: one unit in every encoding */
            if (u[pos++] == '\n') {
                line_start = pos;
                units = 0;
            } else {
                units++;
            }
        } else { /* the last byte of a longer character is never a newline */
            size_t n, k = proto_cursor__char(c, pos, &n);
            if (pos + k > offset)
                break;
            pos += k;
            units += n;
        }
        if (pos - last >= PROTO_CURSOR_STEP) {
            c->pos = pos, c->units = units;
            proto_cursor__mark(c);
            last = pos;
        }
    }
    c->pos = pos, c->units = units, c->line_start = line_start;
}

/* Walks from p (units so far) to the last boundary at or before offset. */
static size_t proto_cursor__walk(const proto_cursor *c, size_t p, size_t units, size_t offset,
                                 size_t *boundary)
{
    while (p < offset) {
        size_t run = proto__plain_prefix(c->ptr + p, offset - p);
        p += run;
        units += run;
        if (p == offset)
            break;
        if ((unsigned char)c->ptr[p] < 0x80) {
            units++;
            p++;
            continue;
        }
        size_t u, k = proto_cursor__char(c, p, &u);
        if (p + k > offset)
            break;
        units += u;
        p += k;
    }
    *boundary = p;
    return units;
}

size_t proto_cursor_units(proto_cursor *c, size_t line_start, size_t offset, size_t *boundary)
{
    if (offset > c->len)
        offset = c->len;
    if (line_start > offset)
        line_start = offset;
    if (offset >= c->pos) {
        proto_cursor__advance(c, offset);
        if (c->line_start == line_start) {
            *boundary = c->pos;
            return c->units;
        }
        return proto_cursor__walk(c, line_start, 0, offset, boundary);
    }
    /* Behind the walk: start from the last mark at or before offset when
     * it lies on offset's line, else from the line start. */
    size_t lo = 0, hi = c->n_marks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->marks[2 * mid] <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && c->marks[2 * (lo - 1)] >= line_start)
        return proto_cursor__walk(c, c->marks[2 * (lo - 1)], c->marks[2 * (lo - 1) + 1], offset,
                                  boundary);
    return proto_cursor__walk(c, line_start, 0, offset, boundary);
}
