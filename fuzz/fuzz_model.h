/* fuzz_model.h - checks on an analysis model shared by the fuzz targets. */
#ifndef BYLINE_FUZZ_MODEL_H
#define BYLINE_FUZZ_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/analysis.h"

/* Stops the process with a message when `cond` is false: every fuzz
 * target and the replay main treat it as a finding. */
#define FUZZ_CHECK(cond) ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))

/* Prints "FILE:LINE: check failed: WHAT" to stderr and aborts. */
_Noreturn void fuzz_fail(const char *file, int line, const char *what);

/* Checks the documented invariants of a model (analysis.h): spans inside
 * the text, arrays sorted by offset, every index in range, entity mention
 * lists consistent, the JSON form built. Aborts on a violation. */
void fuzz_model_check(const an_doc *doc);

/* True when two models are equal: same text, entities, mentions, quotes
 * and diagnostics (compared field by field, strings by content). */
bool fuzz_model_equal(const an_doc *a, const an_doc *b);

#endif
