/* analysis_internal.h - shared by the analysis passes; not installed. */
#ifndef BYLINE_ANALYSIS_INTERNAL_H
#define BYLINE_ANALYSIS_INTERNAL_H

#include "analysis/analysis.h"
#include "arena.h"

/* A growable array; `items` is realloc'd and freed by an_doc_free. */
#define AN_VEC(T) struct { T *items; size_t len, cap; }

/* Ensures room for one more item; returns 0, or -1 when memory runs out. */
int an__vec_grow(void **items, size_t *cap, size_t item_size);
#define AN_VEC_PUSH(v, item)                                                   \
    (((v).len < (v).cap ||                                                     \
      an__vec_grow((void **)&(v).items, &(v).cap, sizeof *(v).items) == 0)    \
         ? ((v).items[(v).len++] = (item), 0)                                  \
         : -1)

struct an_doc {
    an_arena arena;          /* every string and per-entity array */
    char *text;              /* the original text, NUL-terminated (arena) */
    size_t len;
    /* The text with every non-prose byte (Markdown syntax, code, link
     * targets, HTML, front matter) replaced by a space; newlines kept.
     * Same length and offsets as text, and NUL-terminated like it (scans
     * may stop at the NUL rather than test the length). Equal to text for
     * plain input. */
    char *prose;
    an_format format;
    AN_VEC(size_t) lines;    /* byte offset of each line start */
    AN_VEC(an_entity) entities;
    AN_VEC(an_mention) mentions;
    AN_VEC(an_quote) quotes;
    AN_VEC(an_diagnostic) diagnostics;
    /* Quotation marks that pair with nothing and are not the legal open end
     * of a running quote (quotes.c): a closing mark with no opener, or an
     * opening mark whose quote never closes. Sorted by offset, in the arena;
     * each span covers the mark's bytes. For the rule quote.unbalanced. */
    const an_span *stray_marks;
    size_t n_stray_marks;
};

/* The ASCII letters and digits by byte (tokens.c): AN_ASCII_ALNUM, with
 * AN_ASCII_UPPER or AN_ASCII_LOWER for the letters; 0 for every other
 * byte. The word scanners' inner loops test a byte with it. */
enum { AN_ASCII_ALNUM = 1, AN_ASCII_UPPER = 2, AN_ASCII_LOWER = 4 };
extern const unsigned char an__ascii_class[256];

/* True when w[0, n) (without its period) is a word that, followed by a
 * period, is an abbreviation and ends no sentence: Mr, Gov, Sen, Jan, Inc
 * (tokens.c; attribution's word scan and the rules' sentence starts). An
 * initial (K.) is the caller's test. */
bool an__abbreviation_word(const char *w, size_t n);

/* True when w[0, len) is one of the n words of list, which is sorted by
 * strcmp (tokens.c); a w with a NUL inside is in no list. */
bool an__in_sorted(const char *const *list, size_t n, const char *w, size_t len);

/* Searches in an array of n items of `stride` bytes whose first member is
 * an an_span, sorted by span start (mentions, quotes, paragraphs):
 * an__spans_upto gives how many start at or before offset; an__span_at
 * the index of the last of those when it contains offset, else -1. */
size_t an__spans_upto(const void *items, size_t n, size_t stride, size_t offset);
ptrdiff_t an__span_at(const void *items, size_t n, size_t stride, size_t offset);

/* The passes, in the order an_doc_new runs them. Each only adds to doc.
 *
 * Contract for the model-building passes (entities, quotes, attribution):
 * - push entities with kind, name, title, aliases set; leave `number`,
 *   `mentions` and `n_mentions` zero: an__model_finalize fills them;
 * - push mentions in any order, `entity` = index into doc->entities;
 * - a quote's `speaker` is an entity index and `speaker_mention` a mention
 *   index as pushed; finalize remaps both when it sorts.
 * Finalize then sorts mentions and quotes by offset, drops duplicate
 * mentions (same span), drops entities left without mentions, orders
 * entities by first mention, numbers them per kind and builds each
 * entity's mention list. Rules run on the finalized model. */
void an__prose_mask(an_doc *doc);                               /* markdown.c */
void an__entities_find(an_doc *doc, const an_options *opt);     /* entities.c */
void an__quotes_find(an_doc *doc);                              /* quotes.c */
void an__attribution_resolve(an_doc *doc);                      /* attribution.c */
void an__model_finalize(an_doc *doc);                           /* finalize.c */
void an__diagnostics_sort(an_doc *doc);                         /* finalize.c */
void an__rules_run(an_doc *doc, const an_options *opt);         /* rules.c */

#endif
