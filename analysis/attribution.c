/* attribution.c - who said each quote. */
#include "analysis_internal.h"

void an__attribution_resolve(an_doc *doc)
{
    (void)doc;
}
