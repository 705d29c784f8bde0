/* quotes.c - direct quotations and their marks. */
#include "analysis_internal.h"

void an__quotes_find(an_doc *doc)
{
    (void)doc;
}
