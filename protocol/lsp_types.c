/* lsp_types.c - LSP structures <-> jansson. */
#include "protocol/lsp_types.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol/json_write.h"
#include "protocol/utf.h"

static int proto__uint(const json_t *j, size_t *out)
{
    if (!json_is_integer(j) || json_integer_value(j) < 0)
        return -1;
    json_int_t v = json_integer_value(j);
    *out = (uint64_t)v > (uint64_t)SIZE_MAX ? SIZE_MAX : (size_t)v;
    return 0;
}

int proto_position_from_json(const json_t *j, proto_position *pos)
{
    if (!json_is_object(j))
        return -1;
    if (proto__uint(json_object_get(j, "line"), &pos->line) != 0 ||
        proto__uint(json_object_get(j, "character"), &pos->character) != 0)
        return -1;
    return 0;
}

int proto_range_from_json(const json_t *j, proto_position *start, proto_position *end)
{
    if (!json_is_object(j))
        return -1;
    if (proto_position_from_json(json_object_get(j, "start"), start) != 0 ||
        proto_position_from_json(json_object_get(j, "end"), end) != 0)
        return -1;
    return 0;
}

json_t *proto_position_to_json(proto_position pos)
{
    return json_pack("{s:I, s:I}", "line", (json_int_t)pos.line, "character",
                     (json_int_t)pos.character);
}

json_t *proto_range_to_json(proto_text t, an_span span, proto_encoding enc)
{
    return json_pack("{s:o, s:o}", "start", proto_position_to_json(proto_position_at(t, span.start, enc)),
                     "end", proto_position_to_json(proto_position_at(t, span.end, enc)));
}

static void proto__position_write(proto_jw *w, proto_position pos)
{
    proto_jw_object_begin(w);
    proto_jw_key(w, "line");
    proto_jw_int(w, (long long)pos.line);
    proto_jw_key(w, "character");
    proto_jw_int(w, (long long)pos.character);
    proto_jw_object_end(w);
}

void proto_range_write(proto_jw *w, proto_text t, an_span span, proto_encoding enc)
{
    proto_jw_object_begin(w);
    proto_jw_key(w, "start");
    proto__position_write(w, proto_position_at(t, span.start, enc));
    proto_jw_key(w, "end");
    proto__position_write(w, proto_position_at(t, span.end, enc));
    proto_jw_object_end(w);
}

static void proto__related_write(proto_jw *w, const an_diagnostic *d, proto_text t,
                                 proto_encoding enc, const char *uri)
{
    const char *msg = d->related_message.len ? d->related_message.ptr : "related place";
    proto_jw_array_begin(w);
    proto_jw_object_begin(w);
    proto_jw_key(w, "location");
    proto_jw_object_begin(w);
    proto_jw_key(w, "uri");
    proto_jw_cstr(w, uri);
    proto_jw_key(w, "range");
    proto_range_write(w, t, d->related, enc);
    proto_jw_object_end(w);
    proto_jw_key(w, "message");
    proto_jw_string(w, msg, strlen(msg));
    proto_jw_object_end(w);
    proto_jw_array_end(w);
}

/* codeDescription: {"href": docs_base + rule + ".md"}. */
static void proto__code_description_write(proto_jw *w, const char *docs_base, const char *rule)
{
    size_t n = strlen(docs_base) + strlen(rule) + 8;
    char small[256], *href = n <= sizeof small ? small : malloc(n);
    if (!href)
        return; /* left out, as before, when memory runs out */
    snprintf(href, n, "%s%s.md", docs_base, rule);
    proto_jw_key(w, "codeDescription");
    proto_jw_object_begin(w);
    proto_jw_key(w, "href");
    proto_jw_cstr(w, href);
    proto_jw_object_end(w);
    if (href != small)
        free(href);
}

void proto_diagnostic_write(proto_jw *w, const an_diagnostic *d, proto_text t, proto_encoding enc,
                            const proto_diag_style *style)
{
    const char *rule = an_rule_name(d->rule);
    proto_jw_object_begin(w);
    proto_jw_key(w, "range");
    proto_range_write(w, t, d->span, enc);
    proto_jw_key(w, "severity");
    proto_jw_int(w, (int)d->severity);
    proto_jw_key(w, "code");
    proto_jw_cstr(w, rule);
    proto_jw_key(w, "source");
    proto_jw_cstr(w, "byline");
    proto_jw_key(w, "message");
    proto_jw_string(w, d->message.ptr, d->message.len);
    if (style->docs_base && *style->docs_base)
        proto__code_description_write(w, style->docs_base, rule);
    if (style->related && style->uri && d->related.end > d->related.start) {
        proto_jw_key(w, "relatedInformation");
        proto__related_write(w, d, t, enc, style->uri);
    }
    if (d->replacement.ptr) {
        proto_jw_key(w, "data");
        proto_jw_object_begin(w);
        proto_jw_key(w, "replacement");
        proto_jw_string(w, d->replacement.ptr, d->replacement.len);
        proto_jw_object_end(w);
    }
    proto_jw_object_end(w);
}

json_t *proto_diagnostic_to_json(const an_diagnostic *d, proto_text t, proto_encoding enc,
                                 const proto_diag_style *style)
{
    proto_jw w;
    proto_jw_init(&w, NULL, 0);
    proto_diagnostic_write(&w, d, t, enc, style);
    size_t len;
    char *s = proto_jw_take(&w, &len);
    json_t *j = s ? json_loadb(s, len, JSON_ALLOW_NUL, NULL) : NULL;
    free(s);
    return j;
}

static int proto__hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

char *proto_uri_to_path(const char *uri)
{
    if (!uri || strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *s = uri + 7;
    if (strncmp(s, "localhost/", 10) == 0)
        s += 9;
    if (*s != '/')
        return NULL;
    char *out = malloc(strlen(s) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (; *s && *s != '?' && *s != '#'; s++) {
        if (*s != '%') {
            out[o++] = *s;
            continue;
        }
        int hi = proto__hex(s[1]), lo = hi < 0 ? -1 : proto__hex(s[2]);
        if (lo < 0 || (hi == 0 && lo == 0)) {
            free(out);
            return NULL;
        }
        out[o++] = (char)(hi * 16 + lo);
        s += 2;
    }
    out[o] = '\0';
    return out;
}
