/**
 * analysis.h - Byline's analysis core: a news draft in, a model of its
 * people, organizations, quotes and diagnostics out.
 *
 * Pure C17 + utf8proc. No I/O, no JSON. All offsets are UTF-8 byte offsets
 * into the caller's original text, `end` exclusive. The analysis never
 * fails on any input (invalid UTF-8, NUL bytes, empty text): it returns a
 * model, possibly empty.
 *
 * Example:
 *
 *     an_options opt = an_options_default();
 *     opt.format = AN_FORMAT_MARKDOWN;
 *     an_doc *doc = an_doc_new(text, len, &opt);
 *     size_t n;
 *     const an_quote *q = an_doc_quotes(doc, &n);
 *     for (size_t i = 0; i < n; i++)
 *         if (q[i].speaker < 0) ...;
 *     an_doc_free(doc);
 *
 * Ownership: every pointer returned by an accessor is owned by the document
 * and is valid until an_doc_free(). The document keeps its own copy of the
 * text; the caller's buffer may be freed after an_doc_new() returns.
 */
#ifndef BYLINE_ANALYSIS_H
#define BYLINE_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A slice of text; not NUL-terminated unless stated. Not owning. */
typedef struct an_str {
    const char *ptr;
    size_t len;
} an_str;

/** A byte range [start, end) in the original text. */
typedef struct an_span {
    size_t start;
    size_t end;
} an_span;

typedef enum an_format {
    AN_FORMAT_PLAIN = 0,    /* plain text: every byte is prose */
    AN_FORMAT_MARKDOWN = 1, /* CommonMark: code, link targets, HTML, front matter are not prose */
} an_format;

/** Severities use LSP's numbering; AN_SEV_OFF disables a rule. */
typedef enum an_severity {
    AN_SEV_OFF = 0,
    AN_SEV_ERROR = 1,
    AN_SEV_WARNING = 2,
    AN_SEV_INFORMATION = 3,
    AN_SEV_HINT = 4,
} an_severity;

/** The rule catalogue. Ids (an_rule_name) are stable and documented in docs/rules/. */
typedef enum an_rule {
    AN_RULE_QUOTE_UNATTRIBUTED = 0,       /* quote.unattributed */
    AN_RULE_QUOTE_UNBALANCED,             /* quote.unbalanced */
    AN_RULE_QUOTE_SPEAKER_UNKNOWN,        /* quote.speaker-unknown */
    AN_RULE_PERSON_SURNAME_BEFORE_INTRO,  /* person.surname-before-introduction */
    AN_RULE_PERSON_NAME_VARIANT,          /* person.name-variant */
    AN_RULE_PERSON_AMBIGUOUS_SURNAME,     /* person.ambiguous-surname */
    AN_RULE_PERSON_FULL_NAME_REPEATED,    /* person.full-name-repeated */
    AN_RULE_ACRONYM_UNDEFINED,            /* acronym.undefined */
    AN_RULE_ACRONYM_DEFINED_AFTER_USE,    /* acronym.defined-after-use */
    AN_RULE_NAMES_HOUSE_SPELLING,         /* names.house-spelling */
    AN_RULE_SOURCE_ANONYMOUS,             /* source.anonymous */
    AN_RULE_COUNT
} an_rule;

/** The rule's stable id, e.g. "quote.unattributed". Static storage. */
const char *an_rule_name(an_rule rule);
/** The rule for an id, or -1 when the id is unknown. */
int an_rule_from_name(const char *name, size_t len);
/** The severity a rule has when nothing configures it. */
an_severity an_rule_default_severity(an_rule rule);

/** Analysis options. Start from an_options_default(); all pointers are
 *  borrowed for the duration of an_doc_new() only. */
typedef struct an_options {
    an_format format;
    /** Severity per rule, indexed by an_rule. */
    an_severity severity[AN_RULE_COUNT];
    /** The newsroom's canonical name spellings (names.house-spelling), UTF-8. */
    const an_str *house_names;
    size_t n_house_names;
    /** Acronyms readers know, in addition to the built-in allow-list. */
    const an_str *allowed_acronyms;
    size_t n_allowed_acronyms;
    /** names.laterReference: later references by surname alone (AP, 0) or
     *  by courtesy title and surname ("Mr. Mottaki", NYT). */
    enum { AN_LATER_SURNAME = 0, AN_LATER_COURTESY_TITLE } later_reference;
    /** quotes.primary: double marks outside (US, 0) or single (UK). */
    enum { AN_QUOTES_DOUBLE = 0, AN_QUOTES_SINGLE } quotes_primary;
    /** acronyms.parenthetical: only "Full Name (ABC)" or "ABC (Full Name)"
     *  defines an acronym; a run of initials alone does not. */
    bool acronyms_parenthetical;
    /** names.juvenileAge: a person introduced with an age of this many
     *  years or fewer ("Emma Lopez, 12,", "12-year-old Emma Lopez") is a
     *  child, called by the given name later (AP); a person introduced
     *  with a greater age, by the surname. 0 turns the check off. Default
     *  AN_JUVENILE_AGE_DEFAULT. */
    int juvenile_age;
    /** courtesyTitle.period, with AN_LATER_COURTESY_TITLE: "Mr." and "Dr."
     *  with a period (NYT, 0) or "Mr" and "Dr" without (UK). */
    enum { AN_COURTESY_PERIOD = 0, AN_COURTESY_NO_PERIOD } courtesy_title_period;
    /** quotes.punctuation: logical (0) accepts a comma or period on either
     *  side of the closing mark; american wants it inside. */
    enum { AN_PUNCT_LOGICAL = 0, AN_PUNCT_AMERICAN } quotes_punctuation;
    /** quotes.requireCurly: report straight quotation marks. */
    bool quotes_require_curly;
    /** titles.composition: titles of works go in quotes (AP, 0) or take
     *  none (many UK styles), when a quoted title is reported. */
    enum { AN_TITLES_QUOTES = 0, AN_TITLES_NONE } titles_composition;
    /** acronyms.periods: not checked (0); AN_PERIODS_DOTTED, the forms in
     *  dotted_acronyms ("U.S.", "U.N."; AP's U.S., U.N. and U.K. when
     *  none is given) and any the draft writes with periods take them, so
     *  "US" is reported; AN_PERIODS_NONE, no acronym takes periods, so
     *  "U.S." is reported. */
    enum { AN_PERIODS_ANY = 0, AN_PERIODS_DOTTED, AN_PERIODS_NONE } acronyms_periods;
    const an_str *dotted_acronyms;
    size_t n_dotted_acronyms;
} an_options;

/** The default of an_options.juvenile_age: AP calls children of 15 or
 *  younger by their first name. */
#define AN_JUVENILE_AGE_DEFAULT 15

/** Defaults: plain text, every rule at its default severity, no lists. */
an_options an_options_default(void);

typedef enum an_entity_kind {
    AN_ENTITY_PERSON = 0,
    AN_ENTITY_ORGANIZATION = 1,
    AN_ENTITY_PLACE = 2,
} an_entity_kind;

typedef enum an_mention_kind {
    AN_MENTION_NAME = 0,   /* the full name, "Manouchehr Mottaki" */
    AN_MENTION_SURNAME,    /* "Mottaki" */
    AN_MENTION_HONORIFIC,  /* "Mr. Clawson" (the span covers the honorific) */
    AN_MENTION_TITLE,      /* "Foreign Minister Mottaki": the span covers the name only */
    AN_MENTION_PRONOUN,    /* "he", "his", "she" */
    AN_MENTION_ACRONYM,    /* "MEK" defined in the draft */
    AN_MENTION_ALIAS,      /* another name of the same entity */
} an_mention_kind;

/** The string used in analysis JSON for a mention kind ("name", "surname", ...). */
const char *an_mention_kind_name(an_mention_kind kind);

/** One place where an entity is named or referred to. */
typedef struct an_mention {
    an_span span;          /* the tight name (no "the", no possessive 's) */
    an_mention_kind kind;
    uint32_t entity;       /* index into an_doc_entities() */
} an_mention;

/** A person, organization or place, once per document. */
typedef struct an_entity {
    an_entity_kind kind;
    uint32_t number;       /* 1-based, per kind, in order of first mention: P1, O1, L1 */
    an_str name;           /* canonical (fullest) name; NUL-terminated */
    an_str title;          /* title or role, or {NULL, 0}; NUL-terminated when set */
    const an_str *aliases; /* other names (defined acronyms, long forms); NUL-terminated */
    size_t n_aliases;
    const uint32_t *mentions; /* indices into an_doc_mentions(), by offset */
    size_t n_mentions;
} an_entity;

/** Flags on a quote. */
enum {
    AN_QUOTE_CONTINUATION = 1u << 0, /* a running quote or follow-up of the previous speaker */
    AN_QUOTE_UNCLOSED = 1u << 1,     /* no closing mark (legal in a running quote) */
    AN_QUOTE_PARTIAL = 1u << 2,      /* a partial quote inside a sentence */
    AN_QUOTE_NOT_SPEECH = 1u << 3,   /* scare quotes, titles, nicknames: reported, not attributed */
    AN_QUOTE_HEADLINE = 1u << 4,     /* in a headline: never needs attribution */
};

/** A direct quotation. */
typedef struct an_quote {
    an_span span;          /* including the quotation marks */
    unsigned flags;
    int32_t speaker;       /* entity index, or -1 for none */
    an_span cue;           /* "said", "told reporters", "according to"; start == end when none */
    int32_t speaker_mention; /* mention index of the attribution, or -1 */
    an_span source_phrase; /* an unnamed source ("officials"); start == end when none */
} an_quote;

/** A finding of one rule. */
typedef struct an_diagnostic {
    an_rule rule;
    an_severity severity;
    an_span span;
    an_str message;        /* NUL-terminated */
    an_span related;       /* the related place; start == end when none */
    an_str related_message;/* what the related place is; NUL-terminated, may be empty */
    an_str replacement;    /* a suggested fix for span, or {NULL,0} */
} an_diagnostic;

typedef struct an_doc an_doc;

/** Analyses `len` bytes of `text`. Never returns NULL except when memory
 *  runs out. `opt` may be NULL for defaults. The result is owned by the
 *  caller and released with an_doc_free(). */
an_doc *an_doc_new(const char *text, size_t len, const an_options *opt);

/** Releases the document and everything its accessors returned. NULL is ok. */
void an_doc_free(an_doc *doc);

/** The document's copy of the text (NUL-terminated), and its length. */
an_str an_doc_text(const an_doc *doc);

/** Entities, mentions (sorted by start offset), quotes (sorted by start
 *  offset) and diagnostics (sorted by start offset). Arrays owned by doc. */
const an_entity *an_doc_entities(const an_doc *doc, size_t *count);
const an_mention *an_doc_mentions(const an_doc *doc, size_t *count);
const an_quote *an_doc_quotes(const an_doc *doc, size_t *count);
const an_diagnostic *an_doc_diagnostics(const an_doc *doc, size_t *count);

/** The index of the mention that contains `offset`, or -1. O(log n). */
int32_t an_doc_mention_at(const an_doc *doc, size_t offset);
/** The index of the quote that contains `offset`, or -1. O(log n). */
int32_t an_doc_quote_at(const an_doc *doc, size_t offset);

/** 0-based line of a byte offset, and the byte offset where that line
 *  starts. Lines end at \n; a \r before it belongs to the line end. */
size_t an_doc_line_of(const an_doc *doc, size_t offset);
size_t an_doc_line_start(const an_doc *doc, size_t line);
size_t an_doc_line_count(const an_doc *doc);

#ifdef __cplusplus
}
#endif
#endif
