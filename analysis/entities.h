/* entities.h - what the entity pass (entities.c) offers the later passes
 * (quotes.c, attribution.c): lookups of the names it found, a classifier
 * for capitalized spans, and helpers to add mentions and entities.
 *
 * Not installed; internal to analysis/. All offsets are byte offsets into
 * doc->text, spans are [start, end).
 *
 * What the entity pass leaves behind, before finalize runs:
 * - doc->entities: people, organizations and places, `name` (and `title`,
 *   `aliases` when known) set, NUL-terminated strings in the arena;
 * - doc->mentions: its named mentions (kinds name, surname, honorific,
 *   title, acronym, alias; never pronouns), sorted by span.start and
 *   pairwise disjoint.
 * Later passes append (pronouns, speakers the pass missed) and thereby
 * break that order; take an an_entity_index first, it keeps answering for
 * the entity pass's mentions however many are appended after it.
 *
 * Example (in attribution.c):
 *
 *     an_entity_index idx = an__entities_index(doc);   // before any push
 *     int32_t m = an__entities_mention_before(&idx, cue.start, 3);
 *     if (m >= 0 && doc->entities.items[doc->mentions.items[m].entity].kind
 *                   == AN_ENTITY_PERSON) ...
 *     int32_t p = an__entities_add_mention(doc, entity, he_span, AN_MENTION_PRONOUN);
 */
#ifndef BYLINE_ENTITIES_H
#define BYLINE_ENTITIES_H

#include "analysis_internal.h"

/* A read-only view of the entity pass's mentions: doc->mentions.items
 * [0, n_named), sorted by start, disjoint. Stays valid while mentions are
 * only appended (not while finalize sorts them). */
typedef struct an_entity_index {
    const an_doc *doc;
    size_t n_named;
} an_entity_index;

/* The index over the mentions pushed so far; call it right after the
 * entity pass and before pushing anything. */
an_entity_index an__entities_index(const an_doc *doc);

/* The mention (index into doc->mentions) whose span contains `offset`,
 * or -1. O(log n). */
int32_t an__entities_mention_at(const an_entity_index *idx, size_t offset);

/* The last mention that ends at or before `offset` with at most
 * `max_gap` bytes of spaces/tabs (and nothing else) between its end and
 * `offset`, or -1. "… McCormack said": mention_before(cue.start, 1).
 * Pass SIZE_MAX to accept any gap (the nearest earlier mention). O(log n). */
int32_t an__entities_mention_before(const an_entity_index *idx, size_t offset, size_t max_gap);

/* The first mention that starts at or after `offset` with at most
 * `max_gap` bytes of spaces/tabs between, or -1. "said Sean McCormack":
 * mention_after(cue.end, 1). SIZE_MAX accepts any gap. O(log n). */
int32_t an__entities_mention_after(const an_entity_index *idx, size_t offset, size_t max_gap);

/* What a capitalized span of doc->text looks like, from the built-in
 * lexicons alone (no context): a person ("Sean McCormack", "Mr. Smith",
 * a known first name), an organization ("State Department", "Reuters",
 * words ending in an organization head word), a place or nationality
 * ("Tehran", "Iraqi"), or -1 when nothing says. Cheap: hash lookups. */
int an__entities_classify(const an_doc *doc, size_t start, size_t end);

/* Grammatical gender of a person as far as the text or the first-name
 * list tells (Mr./Ms., spokeswoman, a given name used mostly for one
 * sex). For "he"/"she" resolution. */
typedef enum an_gender {
    AN_GENDER_UNKNOWN = 0,
    AN_GENDER_MALE,
    AN_GENDER_FEMALE,
} an_gender;
an_gender an__entities_gender(const an_doc *doc, uint32_t entity);
/* The gender a title or role phrase states (NUL-terminated): "the
 * mother", "spokeswoman", "Mr."; AN_GENDER_UNKNOWN when none. */
an_gender an__entities_title_gender(const char *title);

/* Appends a mention of `entity` (pronouns, or a name the pass missed).
 * Returns its index in doc->mentions, or -1 when memory runs out. */
int32_t an__entities_add_mention(an_doc *doc, uint32_t entity, an_span span, an_mention_kind kind);

/* Appends a new entity named by doc->text[span] with one mention of kind
 * AN_MENTION_NAME at span (for a speaker the entity pass did not find).
 * Returns the entity index, or -1 when memory runs out. */
int32_t an__entities_add(an_doc *doc, an_entity_kind kind, an_span span);

#endif
