/* markdown.c - which bytes of a draft are prose. */
#include "analysis_internal.h"

#include <string.h>

void an__prose_mask(an_doc *doc)
{
    doc->prose = an_arena_strndup(&doc->arena, doc->text, doc->len);
}
