/**
 * model_json.h - the analysis model as "analysis JSON v1"
 * (docs/analysis-json.md). Fields may be added, never renamed.
 */
#ifndef BYLINE_PROTOCOL_MODEL_JSON_H
#define BYLINE_PROTOCOL_MODEL_JSON_H

#include <stdio.h>

#include <jansson.h>

#include "analysis/analysis.h"
#include "protocol/json_write.h"
#include "protocol/position.h"

/** The analysis JSON v1 object for `doc`; `file` is the name to report
 *  (may be NULL, giving null). A new reference owned by the caller, or
 *  NULL when memory runs out. Parsed from proto_model_write_to's bytes, so
 *  the JSON has one definition. */
json_t *proto_model_to_json(const an_doc *doc, const char *file);

/** Writes the analysis JSON v1 object for `doc` to out, byte for byte as
 *  json_dumpf(proto_model_to_json(doc, file), out, JSON_INDENT(1) |
 *  JSON_PRESERVE_ORDER) would, with the streaming writer (json_write.h):
 *  no tree is built, and memory stays at the writer's 64 KiB block (a
 *  10 MB draft's model is about 15 MB of JSON and several times that as a
 *  jansson tree). Returns 0, or -1 on no memory or a write error. */
int proto_model_write(const an_doc *doc, const char *file, FILE *out);

/** proto_model_write into any writer (its indentation decides the
 *  layout); errors are the writer's. */
void proto_model_write_to(proto_jw *w, const an_doc *doc, const char *file);

/** 1-based line and column (in Unicode code points; each invalid UTF-8
 *  byte counts as one) of a byte offset in the document. */
void proto_line_column(const an_doc *doc, size_t offset, size_t *line, size_t *column);

/** proto_line_column through a cursor over the document's text made with
 *  PROTO_ENC_UTF32 (same results; increasing offsets cost one walk in
 *  total). A cursor over another text or encoding is ignored.
 *
 *     an_str text = an_doc_text(doc);
 *     proto_cursor c;
 *     proto_cursor_init(&c, text.ptr, text.len, PROTO_ENC_UTF32);
 *     for (...) proto_line_column_with(doc, &c, d[i].span.start, &line, &column);
 *     proto_cursor_free(&c);
 */
void proto_line_column_with(const an_doc *doc, proto_cursor *c, size_t offset, size_t *line,
                            size_t *column);

/** The LSP name of a severity ("error", "warning", "information", "hint"). */
const char *proto_severity_name(an_severity severity);

#endif
