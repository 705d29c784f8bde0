/* entities.c - people, organizations and places, and their mentions. */
#include "analysis_internal.h"

void an__entities_find(an_doc *doc, const an_options *opt)
{
    (void)doc;
    (void)opt;
}
