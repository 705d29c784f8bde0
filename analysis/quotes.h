/* quotes.h - text helpers shared by quotes.c and attribution.c.
 * Not installed; internal to analysis/. Offsets are byte offsets into
 * doc->prose (which has the same offsets as doc->text). */
#ifndef BYLINE_QUOTES_H
#define BYLINE_QUOTES_H

#include "analysis_internal.h"

/* What the code point next to a quotation mark is, which is what tells an
 * opening mark from a closing one and an apostrophe. */
typedef enum an_qclass {
    AN_QC_SPACE = 0, /* whitespace, no-break space, start or end of the text */
    AN_QC_ALNUM,     /* a letter or digit (any non-ASCII code point not listed here) */
    AN_QC_OPEN,      /* ( [ { an opening quotation mark, a dash, a slash */
    AN_QC_PUNCT,     /* any other punctuation, closing quotation marks */
} an_qclass;

/* The class of the code point that ends just before `pos`. */
an_qclass an__qclass_before(const char *s, size_t pos);
/* The class of the code point that starts at `pos` (len: the text length). */
an_qclass an__qclass_at(const char *s, size_t len, size_t pos);

/* The length (1 to 3) of the quotation mark at s[pos], 0 when there is
 * none: " ' “ ” ‘ ’ „ « » and the `` of some corpora. Sets *is_double. */
size_t an__qmark_at(const char *s, size_t len, size_t pos, bool *is_double);

#endif
