/* lsp_types.c - LSP structures <-> jansson. */
#include "protocol/lsp_types.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static json_t *proto__related(const an_diagnostic *d, proto_text t, proto_encoding enc,
                              const char *uri)
{
    const char *msg = d->related_message.len ? d->related_message.ptr : "related place";
    json_t *loc = json_pack("{s:s, s:o}", "uri", uri, "range", proto_range_to_json(t, d->related, enc));
    return json_pack("[{s:o, s:o}]", "location", loc, "message",
                     proto_utf8_json_string(msg, strlen(msg)));
}

json_t *proto_diagnostic_to_json(const an_diagnostic *d, proto_text t, proto_encoding enc,
                                 const proto_diag_style *style)
{
    const char *rule = an_rule_name(d->rule);
    json_t *o = json_pack("{s:o, s:i, s:s, s:s, s:o}", "range", proto_range_to_json(t, d->span, enc),
                          "severity", (int)d->severity, "code", rule, "source", "byline", "message",
                          proto_utf8_json_string(d->message.ptr, d->message.len));
    if (!o)
        return NULL;
    if (style->docs_base && *style->docs_base) {
        size_t n = strlen(style->docs_base) + strlen(rule) + 8;
        char *href = malloc(n);
        if (href) {
            snprintf(href, n, "%s%s.md", style->docs_base, rule);
            json_object_set_new(o, "codeDescription", json_pack("{s:s}", "href", href));
            free(href);
        }
    }
    if (style->related && style->uri && d->related.end > d->related.start)
        json_object_set_new(o, "relatedInformation", proto__related(d, t, enc, style->uri));
    if (d->replacement.ptr)
        json_object_set_new(o, "data", json_pack("{s:o}", "replacement",
                                                 proto_utf8_json_string(d->replacement.ptr,
                                                                        d->replacement.len)));
    return o;
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
