/**
 * lsp_types.h - LSP structures <-> jansson: positions, ranges, locations,
 * diagnostics, and file URIs.
 *
 *     proto_position start, end;
 *     if (proto_range_from_json(proto_get(params, "range"), &start, &end) != 0)
 *         return invalid_params;
 *     json_t *range = proto_range_to_json(text, span, PROTO_ENC_UTF16);
 */
#ifndef BYLINE_PROTOCOL_LSP_TYPES_H
#define BYLINE_PROTOCOL_LSP_TYPES_H

#include <jansson.h>

#include "analysis/analysis.h"
#include "protocol/json_write.h"
#include "protocol/position.h"

/** Reads {"line": n, "character": n} (non-negative integers). 0 or -1. */
int proto_position_from_json(const json_t *j, proto_position *pos);
/** Reads {"start": Position, "end": Position}. 0 or -1. */
int proto_range_from_json(const json_t *j, proto_position *start, proto_position *end);

/** {"line", "character"}. New reference. */
json_t *proto_position_to_json(proto_position pos);
/** The Range of a byte span of t. New reference. */
json_t *proto_range_to_json(proto_text t, an_span span, proto_encoding enc);

/** proto_range_to_json, written to w. */
void proto_range_write(proto_jw *w, proto_text t, an_span span, proto_encoding enc);

/** How diagnostics are rendered. Strings borrowed. */
typedef struct proto_diag_style {
    const char *uri;       /* the document, for relatedInformation */
    const char *docs_base; /* codeDescription.href = docs_base + rule + ".md"; NULL leaves it out */
    int related;           /* include relatedInformation */
} proto_diag_style;

/** An LSP Diagnostic for d: range, severity, code (the rule id),
 *  codeDescription, source "byline", message, relatedInformation, and
 *  data.replacement when the analysis suggests one. New reference. */
json_t *proto_diagnostic_to_json(const an_diagnostic *d, proto_text t, proto_encoding enc,
                                 const proto_diag_style *style);

/** The same Diagnostic written to w (publishDiagnostics and pulled
 *  diagnostics of a long draft: no tree per diagnostic). */
void proto_diagnostic_write(proto_jw *w, const an_diagnostic *d, proto_text t, proto_encoding enc,
                            const proto_diag_style *style);

/** The local path of a file: URI ("file:///a%20b/c.md" -> "/a b/c.md"),
 *  malloc'd and owned by the caller; NULL for other schemes or bad
 *  escapes. */
char *proto_uri_to_path(const char *uri);

#endif
