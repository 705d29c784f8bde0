/* utf.c - UTF-8 decoding that never fails. */
#include "protocol/utf.h"

#include <stdlib.h>
#include <string.h>

size_t proto_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    size_t need;
    int32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len < need) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return need;
}

size_t proto_utf8_count_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        int32_t cp;
        i += proto_utf8_decode(s + i, len - i, &cp);
    }
    return n;
}

json_t *proto_utf8_json_string(const char *s, size_t len)
{
    /* Fast path: valid UTF-8 without NUL goes straight through. */
    json_t *j = json_stringn(s, len);
    if (j)
        return j;
    char *buf = malloc(len * 3 + 1);
    if (!buf)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = proto_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(buf + o, s + i, k);
            o += k;
        }
        i += k;
    }
    j = json_stringn(buf, o);
    free(buf);
    return j;
}
