/* rules_index.c - spans grouped by spelling (see an_groups in
 * rules_internal.h): the checks that ask "where else is this name?" look
 * the answer up instead of rescanning every word of the draft, which made
 * the rules pass quadratic in a long document's length.
 *
 * A hash table of its own rather than an_emap: a group points at its first
 * item instead of copying the key, and the table is sized by the distinct
 * spellings, so the index costs about 4 bytes per word. */
#include "rules_internal.h"

#include <stdlib.h>
#include <string.h>

static unsigned char an_groups__byte(unsigned char c, bool fold)
{
    return fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* FNV-1a over the bytes, ASCII lowered when fold. */
static uint32_t an_groups__hash(const char *s, size_t len, bool fold)
{
    uint32_t h = 2166136261u;
    if (!fold) {
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)s[i]) * 16777619u;
        return h;
    }
    for (size_t i = 0; i < len; i++)
        h = (h ^ an_groups__byte((unsigned char)s[i], true)) * 16777619u;
    return h;
}

static an_span an_groups__span(const an_groups *g, uint32_t item)
{
    return *(const an_span *)((const char *)g->base + (size_t)item * g->stride);
}

/* The slot of key: the one holding its group, or the empty one where it
 * would go. */
static size_t an_groups__slot(const an_groups *g, const char *key, size_t len, uint32_t h)
{
    size_t mask = g->n_slots - 1, i = h & mask;
    for (uint32_t s; (s = g->slots[i].group) != 0; i = (i + 1) & mask) {
        if (g->slots[i].hash != h)
            continue;
        an_span sp = an_groups__span(g, g->first.items[s - 1]);
        if (sp.end - sp.start != len)
            continue;
        const char *t = g->text + sp.start;
        if (!g->fold) {
            if (memcmp(t, key, len) == 0)
                break;
            continue;
        }
        size_t k = 0;
        while (k < len && an_groups__byte((unsigned char)t[k], true) ==
                              an_groups__byte((unsigned char)key[k], true))
            k++;
        if (k == len)
            break;
    }
    return i;
}

/* Doubles the table and places every group again. */
static int an_groups__grow(an_groups *g)
{
    size_t n = g->n_slots ? g->n_slots * 2 : 256;
    struct an_groups_slot *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t k = 0; k < g->n_slots; k++) {
        if (g->slots[k].group == 0)
            continue;
        size_t i = g->slots[k].hash & (n - 1);
        while (slots[i].group != 0)
            i = (i + 1) & (n - 1);
        slots[i] = g->slots[k];
    }
    free(g->slots);
    g->slots = slots;
    g->n_slots = n;
    return 0;
}

/* Whether item i is grouped (its span is not empty and keep, if any,
 * accepts it); its span in *sp. */
static bool an_groups__member(const an_groups *g, size_t i, bool (*keep)(const void *item),
                              an_span *sp)
{
    const void *item = (const char *)g->base + i * g->stride;
    *sp = *(const an_span *)item;
    return sp->end > sp->start && (!keep || keep(item));
}

int an_groups_build(an_groups *g, const char *text, const void *items, size_t n, size_t stride,
                    bool fold, bool (*keep)(const void *item))
{
    memset(g, 0, sizeof *g);
    g->text = text;
    g->base = items;
    g->stride = stride;
    g->fold = fold;
    if (n > UINT32_MAX - 1)
        return -1;
    g->items = malloc((n ? n : 1) * sizeof *g->items);
    /* Each item's group + 1 (0: left out), kept from pass 1 for pass 2:
     * 4 bytes a word at the peak, where looking each word up again cost
     * 40 % of a long draft's build (docs/performance.md). */
    uint32_t *group_of = malloc((n ? n : 1) * sizeof *group_of);
    if (!g->items || !group_of || an_groups__grow(g) != 0 ||
        AN_VEC_PUSH(g->at, 0u) != 0)
        goto fail;
    /* Pass 1: a group for each span, numbered in order of first spelling,
     * and the size of each; an empty or left-out span has none. */
    for (size_t i = 0; i < n; i++) {
        an_span sp;
        group_of[i] = 0;
        if (!an_groups__member(g, i, keep, &sp))
            continue;
        size_t len = sp.end - sp.start;
        uint32_t h = an_groups__hash(text + sp.start, len, fold);
        size_t slot = an_groups__slot(g, text + sp.start, len, h);
        if (g->slots[slot].group == 0) {
            if (AN_VEC_PUSH(g->first, (uint32_t)i) != 0 || AN_VEC_PUSH(g->at, 0u) != 0)
                goto fail;
            g->slots[slot] = (struct an_groups_slot){h, (uint32_t)g->first.len};
            if (g->first.len * 2 > g->n_slots && an_groups__grow(g) != 0)
                goto fail;
            slot = an_groups__slot(g, text + sp.start, len, h);
        }
        g->at.items[g->slots[slot].group]++;
        group_of[i] = g->slots[slot].group;
    }
    /* Pass 2: counting sort of the indices by group, ascending within. */
    uint32_t groups = (uint32_t)g->first.len;
    for (uint32_t k = 0; k < groups; k++)
        g->at.items[k + 1] += g->at.items[k];
    for (size_t i = 0; i < n; i++)
        if (group_of[i] != 0)
            g->items[g->at.items[group_of[i] - 1]++] = (uint32_t)i;
    /* The fill moved each start to the next group's: shift back. */
    for (uint32_t k = groups; k > 0; k--)
        g->at.items[k] = g->at.items[k - 1];
    g->at.items[0] = 0;
    free(group_of);
    return 0;
fail:
    free(group_of);
    an_groups_free(g);
    return -1;
}

const uint32_t *an_groups_find(const an_groups *g, const char *key, size_t len, size_t *n)
{
    *n = 0;
    if (!g->slots || len == 0)
        return NULL;
    uint32_t s = g->slots[an_groups__slot(g, key, len, an_groups__hash(key, len, g->fold))].group;
    if (s == 0)
        return NULL;
    *n = g->at.items[s] - g->at.items[s - 1];
    return g->items + g->at.items[s - 1];
}

void an_groups_free(an_groups *g)
{
    free(g->slots);
    free(g->first.items);
    free(g->at.items);
    free(g->items);
    memset(g, 0, sizeof *g);
}

/* How many questions a short draft answers by a scan before the index is
 * built: a scan costs a pass over the words, the index about fifty. */
enum { AN_RULES_OCC_SCANS = 16 };

/* an_groups_find on the words by a scan: the answer in a malloc'd array
 * kept in lazy->scans. One pass, the length and first byte compared
 * before the rest; a spelling with an ASCII capital first (a name, most
 * often) can only be a capitalized word, so only those are scanned.
 * Returns false when out of memory. */
static bool an_rules__occurrences_scan(const an_rules_ctx *cx, const char *key, size_t len,
                                       const uint32_t **occ, size_t *n)
{
    AN_VEC(uint32_t) found = {0};
    const char *text = cx->doc->text;
    bool capital = key[0] >= 'A' && key[0] <= 'Z';
    size_t count = capital ? cx->capitalized.len : cx->words.len;
    for (size_t k = 0; k < count; k++) {
        size_t i = capital ? cx->capitalized.items[k] : k;
        an_span sp = cx->words.items[i].span;
        if (sp.end - sp.start == len && text[sp.start] == key[0] &&
            memcmp(text + sp.start, key, len) == 0 && AN_VEC_PUSH(found, (uint32_t)i) != 0) {
            free(found.items);
            return false;
        }
    }
    if (found.len > 0 && AN_VEC_PUSH(cx->lazy->scans, found.items) != 0) {
        free(found.items);
        return false;
    }
    *occ = found.items;
    *n = found.len;
    return true;
}

void an_rules__lazy_free(an_rules_lazy *lazy)
{
    an_groups_free(&lazy->by_spelling);
    for (size_t i = 0; i < lazy->scans.len; i++)
        free(lazy->scans.items[i]);
    free(lazy->scans.items);
    free(lazy->mention_words);
    memset(lazy, 0, sizeof *lazy);
}

const uint32_t *an_rules__occurrences_of(const an_rules_ctx *cx, const char *key, size_t len,
                                         size_t *n)
{
    an_rules_lazy *lazy = cx->lazy;
    const uint32_t *occ;
    if (!lazy->built && len > 0 && cx->words.len < AN_RULES_SCAN_WORDS &&
        lazy->n_scans < AN_RULES_OCC_SCANS) {
        lazy->n_scans++;
        if (an_rules__occurrences_scan(cx, key, len, &occ, n))
            return occ;
    }
    if (!lazy->built) {
        /* Out of memory leaves the index empty: the checks then find less. */
        an_groups_build(&lazy->by_spelling, cx->doc->text, cx->words.items, cx->words.len,
                        sizeof *cx->words.items, false, NULL);
        lazy->built = true;
    }
    return an_groups_find(&lazy->by_spelling, key, len, n);
}

const uint32_t *an_rules__occurrences(const an_rules_ctx *cx, an_span sp, size_t *n)
{
    return an_rules__occurrences_of(cx, cx->doc->text + sp.start, sp.end - sp.start, n);
}

bool an_rules__indexed(const an_rules_ctx *cx)
{
    return cx->lazy->built;
}

size_t an_rules__lower_bound(const uint32_t *idx, size_t n, uint32_t value)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (idx[mid] < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
