/* finalize.c - puts the model the passes built in order: sorted mentions
 * and quotes, entities numbered by first mention, per-entity mention lists,
 * diagnostics sorted by offset (after the rules ran). */
#include "analysis_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct an_fin_item {
    size_t start, end;
    uint32_t old_index;
} an_fin_item;

static int an_fin__cmp(const void *a, const void *b)
{
    const an_fin_item *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first */
    return x->old_index < y->old_index ? -1 : x->old_index > y->old_index;
}

/* Sorts mentions by offset, drops exact duplicates, and fills map[old] =
 * new index (or UINT32_MAX for a dropped one). */
static int an_fin__sort_mentions(an_doc *doc, uint32_t *map)
{
    size_t n = doc->mentions.len;
    an_fin_item *items = malloc((n ? n : 1) * sizeof *items);
    an_mention *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!items || !sorted) {
        free(items);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        items[i] = (an_fin_item){doc->mentions.items[i].span.start, doc->mentions.items[i].span.end,
                                 (uint32_t)i};
    qsort(items, n, sizeof *items, an_fin__cmp);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        const an_mention *m = &doc->mentions.items[items[i].old_index];
        if (m->entity >= doc->entities.len) {
            map[items[i].old_index] = UINT32_MAX;
            continue;
        }
        if (out > 0 && sorted[out - 1].span.start == m->span.start &&
            sorted[out - 1].span.end == m->span.end) {
            map[items[i].old_index] = (uint32_t)(out - 1);
            continue;
        }
        map[items[i].old_index] = (uint32_t)out;
        sorted[out++] = *m;
    }
    if (out > 0) /* an empty array is NULL, and memcpy/qsort(NULL, 0) is UB */
        memcpy(doc->mentions.items, sorted, out * sizeof *sorted);
    doc->mentions.len = out;
    free(items);
    free(sorted);
    return 0;
}

/* Orders entities by first mention, drops those without one, and fills
 * emap[old] = new index (or UINT32_MAX). */
static int an_fin__order_entities(an_doc *doc, uint32_t *emap)
{
    size_t n = doc->entities.len;
    an_fin_item *items = malloc((n ? n : 1) * sizeof *items);
    an_entity *copy = malloc((n ? n : 1) * sizeof *copy);
    if (!items || !copy) {
        free(items);
        free(copy);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        items[i] = (an_fin_item){SIZE_MAX, 0, (uint32_t)i};
    for (size_t i = 0; i < doc->mentions.len; i++) {
        uint32_t e = doc->mentions.items[i].entity;
        if (e < n && items[e].start == SIZE_MAX)
            items[e].start = doc->mentions.items[i].span.start;
    }
    qsort(items, n, sizeof *items, an_fin__cmp);
    if (n > 0)
        memcpy(copy, doc->entities.items, n * sizeof *copy);
    size_t out = 0;
    uint32_t numbers[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (items[i].start == SIZE_MAX) {
            emap[items[i].old_index] = UINT32_MAX;
            continue;
        }
        an_entity e = copy[items[i].old_index];
        e.number = ++numbers[(unsigned)e.kind < 3 ? e.kind : 2];
        e.mentions = NULL;
        e.n_mentions = 0;
        emap[items[i].old_index] = (uint32_t)out;
        doc->entities.items[out++] = e;
    }
    doc->entities.len = out;
    free(items);
    free(copy);
    return 0;
}

static int an_fin__quote_cmp(const void *a, const void *b)
{
    const an_quote *x = a, *y = b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static int an_fin__diag_cmp(const void *a, const void *b)
{
    const an_diagnostic *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return (int)x->rule - (int)y->rule;
}

/* Builds each entity's list of mention indices in the arena. */
static void an_fin__mention_lists(an_doc *doc)
{
    size_t n = doc->entities.len;
    for (size_t i = 0; i < doc->mentions.len; i++)
        doc->entities.items[doc->mentions.items[i].entity].n_mentions++;
    for (size_t e = 0; e < n; e++) {
        an_entity *ent = &doc->entities.items[e];
        ent->mentions = an_arena_alloc(&doc->arena, ent->n_mentions * sizeof(uint32_t));
        if (!ent->mentions)
            ent->n_mentions = 0;
        ent->n_mentions = 0; /* refilled below */
    }
    for (size_t i = 0; i < doc->mentions.len; i++) {
        an_entity *ent = &doc->entities.items[doc->mentions.items[i].entity];
        if (ent->mentions)
            ((uint32_t *)ent->mentions)[ent->n_mentions++] = (uint32_t)i;
    }
}

void an__model_finalize(an_doc *doc)
{
    size_t nm = doc->mentions.len, ne = doc->entities.len;
    uint32_t *map = malloc((nm ? nm : 1) * sizeof *map);
    uint32_t *emap = malloc((ne ? ne : 1) * sizeof *emap);
    if (!map || !emap || an_fin__sort_mentions(doc, map) != 0) {
        free(map);
        free(emap);
        doc->mentions.len = 0;
        doc->quotes.len = 0;
        doc->entities.len = 0;
        return;
    }
    for (size_t i = 0; i < doc->quotes.len; i++) {
        an_quote *q = &doc->quotes.items[i];
        if (q->speaker_mention >= 0 && (size_t)q->speaker_mention < nm &&
            map[q->speaker_mention] != UINT32_MAX)
            q->speaker_mention = (int32_t)map[q->speaker_mention];
        else
            q->speaker_mention = -1;
    }
    if (an_fin__order_entities(doc, emap) != 0) {
        doc->entities.len = 0;
        doc->mentions.len = 0;
    } else {
        /* Mentions of dropped entities cannot exist (every mention's entity
         * has a first mention), so the remap is total for mentions. */
        for (size_t i = 0; i < doc->mentions.len; i++)
            doc->mentions.items[i].entity = emap[doc->mentions.items[i].entity];
        for (size_t i = 0; i < doc->quotes.len; i++) {
            an_quote *q = &doc->quotes.items[i];
            if (q->speaker >= 0 && (size_t)q->speaker < ne && emap[q->speaker] != UINT32_MAX)
                q->speaker = (int32_t)emap[q->speaker];
            else
                q->speaker = -1;
        }
        an_fin__mention_lists(doc);
    }
    if (doc->quotes.len > 0)
        qsort(doc->quotes.items, doc->quotes.len, sizeof *doc->quotes.items, an_fin__quote_cmp);
    free(map);
    free(emap);
}

void an__diagnostics_sort(an_doc *doc)
{
    if (doc->diagnostics.len > 0)
        qsort(doc->diagnostics.items, doc->diagnostics.len, sizeof *doc->diagnostics.items,
              an_fin__diag_cmp);
}
