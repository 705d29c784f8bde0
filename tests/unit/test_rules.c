/* test_rules.c - the rule catalogue. Person and quote rules run on a model
 * built by hand (so they are tested apart from the passes that build it);
 * text-level rules (acronyms, suppression, marks) run on the whole
 * pipeline. Each rule has cases that must fire and cases that must not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis_internal.h"
#include "lexicon.h"
#include "rules_internal.h"

/* ---- building a model by hand ---------------------------------------- */

typedef struct mspec {
    const char *text; /* the mention's text */
    int nth;          /* which occurrence (0-based) */
    an_mention_kind kind;
    uint32_t entity;
} mspec;

typedef struct qspec {
    const char *text; /* the quote including its marks */
    unsigned flags;
    int32_t speaker;
    int32_t speaker_mention; /* index into the mspec list, or -1 */
} qspec;

static an_span find_nth(const char *text, const char *needle, int nth)
{
    const char *p = text;
    for (int i = 0;; i++) {
        p = strstr(p, needle);
        assert_non_null(p);
        if (i == nth)
            return (an_span){(size_t)(p - text), (size_t)(p - text) + strlen(needle)};
        p++;
    }
}

static an_options opts_all_on(void)
{
    an_options opt = an_options_default();
    opt.severity[AN_RULE_SOURCE_ANONYMOUS] = AN_SEV_INFORMATION;
    return opt;
}

/* Analyses text, then replaces the model with the given people, mentions
 * and quotes and runs the rules on that. */
static an_doc *model_doc(const char *text, const char *const *people, size_t n_people,
                         const mspec *m, size_t n_m, const qspec *q, size_t n_q,
                         const an_options *opt)
{
    an_options off = an_options_default();
    for (int r = 0; r < AN_RULE_COUNT; r++)
        off.severity[r] = AN_SEV_OFF;
    an_doc *doc = an_doc_new(text, strlen(text), &off);
    assert_non_null(doc);
    doc->entities.len = doc->mentions.len = doc->quotes.len = doc->diagnostics.len = 0;
    doc->n_stray_marks = 0;
    for (size_t i = 0; i < n_people; i++) {
        an_entity e;
        memset(&e, 0, sizeof e);
        e.kind = AN_ENTITY_PERSON;
        e.name.ptr = an_arena_strndup(&doc->arena, people[i], strlen(people[i]));
        e.name.len = strlen(people[i]);
        assert_int_equal(AN_VEC_PUSH(doc->entities, e), 0);
    }
    for (size_t i = 0; i < n_m; i++) {
        an_mention mm = {find_nth(text, m[i].text, m[i].nth), m[i].kind, m[i].entity};
        assert_int_equal(AN_VEC_PUSH(doc->mentions, mm), 0);
    }
    for (size_t i = 0; i < n_q; i++) {
        an_quote qq;
        memset(&qq, 0, sizeof qq);
        qq.span = find_nth(text, q[i].text, 0);
        qq.flags = q[i].flags;
        qq.speaker = q[i].speaker;
        qq.speaker_mention = q[i].speaker_mention;
        assert_int_equal(AN_VEC_PUSH(doc->quotes, qq), 0);
    }
    an__model_finalize(doc);
    an__rules_run(doc, opt);
    an__diagnostics_sort(doc);
    return doc;
}

static an_doc *text_doc(const char *text, const an_options *opt)
{
    an_doc *doc = an_doc_new(text, strlen(text), opt);
    assert_non_null(doc);
    return doc;
}

static size_t count(const an_doc *doc, an_rule rule)
{
    size_t n, k = 0;
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    for (size_t i = 0; i < n; i++)
        k += d[i].rule == rule;
    return k;
}

/* The first diagnostic of a rule; fails the test when there is none. */
static const an_diagnostic *first(const an_doc *doc, an_rule rule)
{
    size_t n;
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    for (size_t i = 0; i < n; i++)
        if (d[i].rule == rule)
            return &d[i];
    fail_msg("no %s diagnostic", an_rule_name(rule));
    return NULL;
}

static void assert_span_text(const an_doc *doc, an_span sp, const char *want)
{
    assert_int_equal(sp.end - sp.start, strlen(want));
    assert_memory_equal(an_doc_text(doc).ptr + sp.start, want, strlen(want));
}

/* ---- quote.unattributed ------------------------------------------------ */

static const char q_text[] = "Officials met in Baghdad on Monday to plan the talks.\n\n"
                             "\"We will never accept a deal that leaves our troops exposed.\"\n";

static void test_unattributed_fires_on_lone_quote(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    qspec q[] = {{"\"We will never accept a deal that leaves our troops exposed.\"", 0, -1, -1}};
    an_doc *doc = model_doc(q_text, NULL, 0, NULL, 0, q, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 1);
    const an_diagnostic *d = first(doc, AN_RULE_QUOTE_UNATTRIBUTED);
    assert_int_equal(d->severity, AN_SEV_WARNING);
    assert_non_null(strstr(d->message.ptr, "Nobody is named"));
    an_doc_free(doc);
    /* the same paragraph even when the quote pass recorded nothing */
    doc = model_doc(q_text, NULL, 0, NULL, 0, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 1);
    an_doc_free(doc);
}

static void test_unattributed_quiet_when_attributed_or_not_speech(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *people[] = {"Sean McCormack"};
    mspec m[] = {{"Officials", 0, AN_MENTION_NAME, 0}};
    unsigned quiet_flags[] = {AN_QUOTE_NOT_SPEECH, AN_QUOTE_HEADLINE};
    for (size_t i = 0; i < 2; i++) {
        qspec q[] = {{"\"We will never accept a deal that leaves our troops exposed.\"",
                      quiet_flags[i], -1, -1}};
        an_doc *doc = model_doc(q_text, people, 0, NULL, 0, q, 1, &opt);
        assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 0);
        an_doc_free(doc);
    }
    qspec q[] = {{"\"We will never accept a deal that leaves our troops exposed.\"", 0, 0, 0}};
    an_doc *doc = model_doc(q_text, people, 1, m, 1, q, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 0);
    an_doc_free(doc);
}

static void test_unattributed_quiet_on_carry_forward_and_partial(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    /* the paragraph before quotes someone: the speaker carries forward */
    const char *carry = "\"It was a good day,\" McCormack said.\n\n"
                        "\"We will meet again before the end of the month.\"\n";
    qspec q1[] = {{"\"We will meet again before the end of the month.\"", AN_QUOTE_CONTINUATION, -1, -1}};
    an_doc *doc = model_doc(carry, NULL, 0, NULL, 0, q1, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 0);
    an_doc_free(doc);
    /* a speaker carried over narrative that reports no speech does not count */
    qspec q3[] = {{"\"We will never accept a deal that leaves our troops exposed.\"",
                   AN_QUOTE_CONTINUATION, -1, -1}};
    doc = model_doc(q_text, NULL, 0, NULL, 0, q3, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 1);
    an_doc_free(doc);
    /* a partial quote inside a sentence; a scare quote */
    const char *partial = "The minister called the plan \"dead on arrival and a waste of time.\"\n\n"
                          "Critics call it a \"peace\" plan.\n";
    qspec q2[] = {{"\"dead on arrival and a waste of time.\"", 0, -1, -1}, {"\"peace\"", 0, -1, -1}};
    doc = model_doc(partial, NULL, 0, NULL, 0, q2, 2, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 0);
    an_doc_free(doc);
}

/* ---- quote.unbalanced --------------------------------------------------- */

static void test_unbalanced_strays_and_mixed(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "He said \"we are ready to talk. Nobody else spoke.\n\n"
                       "\xE2\x80\x9CWe look positively at it,\" he said.\n";
    qspec q[] = {{"\xE2\x80\x9CWe look positively at it,\"", 0, -1, -1}};
    an_doc *doc = model_doc(text, NULL, 0, NULL, 0, q, 1, &opt);
    an_span stray = find_nth(text, "\"", 0);
    doc->n_stray_marks = 1;
    doc->stray_marks = &stray; /* as the quote pass records it */
    doc->diagnostics.len = 0;
    an__rules_run(doc, &opt);
    an__diagnostics_sort(doc);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 2);
    const an_diagnostic *d = first(doc, AN_RULE_QUOTE_UNBALANCED);
    assert_int_equal(d->severity, AN_SEV_ERROR);
    assert_int_equal(d->span.start, stray.start);
    assert_non_null(strstr(d->message.ptr, "never closed"));
    const an_diagnostic *mixed = d + 1;
    assert_non_null(strstr(mixed->message.ptr, "curly opening"));
    assert_string_equal(mixed->replacement.ptr, "\xE2\x80\x9D");
    assert_true(mixed->related.end > mixed->related.start);
    doc->n_stray_marks = 0;
    an_doc_free(doc);
}

static void test_unbalanced_quiet_on_apostrophes_and_running_quotes(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Fans of rock 'n' roll in the '90s loved the 'net.\n\n"
                       "\"The first part of the statement runs on.\n\n"
                       "\"And the second part ends it,\" she said.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 0);
    an_doc_free(doc);
}

static void test_unbalanced_dropped_close_before_attribution(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "\"We look positively at holding a second round of talks, he said.\n\n"
                       "\"It is often useful to meet,\" Clawson said.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_true(count(doc, AN_RULE_QUOTE_UNBALANCED) >= 1);
    assert_int_equal(first(doc, AN_RULE_QUOTE_UNBALANCED)->span.start, 0);
    an_doc_free(doc);
}

/* A partial quote left open is an error even when the next paragraph
 * opens with a mark: the running-quote convention is for whole sentences. */
static void test_unbalanced_partial_quote_left_open(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Nick Bos studies \"the amazing adaptations social insects have evolved. "
                       "In a new paper Bos describes ants that self-medicate.\n\n"
                       "\"I have no doubt there will be more cases,\" Bos said.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 1);
    assert_non_null(strstr(first(doc, AN_RULE_QUOTE_UNBALANCED)->message.ptr, "partial quote"));
    an_doc_free(doc);
    /* a whole-sentence quote may run on */
    text = "Bos said: \"The adaptations of social insects are amazing.\n\n"
           "\"I have no doubt there will be more cases.\"\n";
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 0);
    an_doc_free(doc);
}

/* A second opening mark before the first quote is closed: a dropped
 * closing mark; quotes.primary says which marks are the outer ones. */
static void test_unbalanced_nested_openers(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Solomon told Sky News any process \"must be well thought out: \"Moves to reduce "
                       "the backlog are welcome but not like this.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_true(count(doc, AN_RULE_QUOTE_UNBALANCED) >= 1);
    an_doc_free(doc);
    /* a mark after a digit closes: "COVID-19" */
    text = "The name \"COVID-19\" replaces the designation \"2019-nCoV\" in all of its reports.\n";
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 0);
    an_doc_free(doc);
    /* single primary (UK): the single marks are the outer ones */
    text = "She said: 'The plan failed, and the 'Board must resign now, whatever it costs.\n";
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 0); /* double primary: apostrophes */
    an_doc_free(doc);
    opt.quotes_primary = AN_QUOTES_SINGLE;
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 1);
    assert_non_null(strstr(first(doc, AN_RULE_QUOTE_UNBALANCED)->message.ptr, "takes double marks"));
    an_doc_free(doc);
}

/* A double quote is closed by a double mark, not by an apostrophe at the
 * end of its last word; "I wrote" inside a quote is no attribution. */
static void test_unbalanced_quiet_on_apostrophe_ends_and_first_person(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Hunter wrote lyrics to songs such as \"Dark Star\" and \"Truckin'\" in the 1970s.\n\n"
                       "Graham said, \"This will lead to ISIS' return. It is a big win for ISIS.\"\n\n"
                       "He said Zelensky is honest; however, \"to remove any doubts, I wrote a "
                       "resignation offer\", he added.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNBALANCED), 0);
    an_doc_free(doc);
}

/* An interview answer that quotes: the one answering is the speaker. */
static void test_unattributed_quiet_in_first_person_answer(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "The project started in 2010 with a small team of volunteers.\n\n"
                       "\"Hi, my hobby is taking over the world. What's yours?\" Well, that is how "
                       "I introduce myself.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 0);
    an_doc_free(doc);
}

/* ---- quote.speaker-unknown ---------------------------------------------- */

static void test_speaker_unknown(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "\"We will not back down from this fight,\" he said.\n\n"
                       "\"It is over,\" Motaki said.\n";
    const char *people[] = {"Motaki"};
    mspec m[] = {{"he", 0, AN_MENTION_PRONOUN, 0}, {"Motaki", 0, AN_MENTION_SURNAME, 0}};
    qspec q[] = {{"\"We will not back down from this fight,\"", 0, -1, 0},
                 {"\"It is over,\"", 0, 0, 1}};
    an_doc *doc = model_doc(text, people, 1, m, 2, q, 2, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_SPEAKER_UNKNOWN), 2);
    const an_diagnostic *d = first(doc, AN_RULE_QUOTE_SPEAKER_UNKNOWN);
    assert_span_text(doc, d->span, "he");
    an_doc_free(doc);
}

static void test_speaker_known_is_quiet(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Manouchehr Mottaki spoke in Tehran on Monday.\n\n"
                       "\"It is over,\" Mottaki said.\n";
    const char *people[] = {"Manouchehr Mottaki"};
    mspec m[] = {{"Manouchehr Mottaki", 0, AN_MENTION_NAME, 0}, {"Mottaki", 1, AN_MENTION_SURNAME, 0}};
    qspec q[] = {{"\"It is over,\"", 0, 0, 1}};
    an_doc *doc = model_doc(text, people, 1, m, 2, q, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_QUOTE_SPEAKER_UNKNOWN), 0);
    assert_int_equal(count(doc, AN_RULE_QUOTE_UNATTRIBUTED), 0);
    an_doc_free(doc);
}

/* ---- person.surname-before-introduction --------------------------------- */

static void test_surname_before_introduction(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Mottaki said the talks would go on.\n\n"
                       "Foreign Minister Manouchehr Mottaki spoke in Tehran on Monday.\n";
    const char *people[] = {"Manouchehr Mottaki"};
    mspec m[] = {{"Mottaki", 0, AN_MENTION_SURNAME, 0}, {"Manouchehr Mottaki", 0, AN_MENTION_TITLE, 0}};
    an_doc *doc = model_doc(text, people, 1, m, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 1);
    const an_diagnostic *d = first(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO);
    assert_span_text(doc, d->span, "Mottaki");
    assert_span_text(doc, d->related, "Manouchehr Mottaki");
    an_doc_free(doc);
    /* also when the entity pass recorded no mention for the early surname */
    doc = model_doc(text, people, 1, m + 1, 1, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 1);
    an_doc_free(doc);
}

static void test_surname_after_introduction_is_quiet(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "The Bush administration said little about George Bush on Monday.\n\n"
                       "Foreign Minister Manouchehr Mottaki spoke in Tehran.\n\nMottaki said no.\n";
    const char *people[] = {"Manouchehr Mottaki", "George Bush"};
    mspec m[] = {{"Manouchehr Mottaki", 0, AN_MENTION_TITLE, 0}, {"Mottaki", 1, AN_MENTION_SURNAME, 0},
                 {"George Bush", 0, AN_MENTION_NAME, 1}};
    an_doc *doc = model_doc(text, people, 2, m, 3, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 0);
    an_doc_free(doc);
}

/* The entity pass may split one person, or two people may share the
 * surname: a bare surname before any full name that ends in it fires. */
static void test_surname_before_introduction_any_entity(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Whitman said the poem was never finished.\n\n"
                       "The poet Walt Whitman went looking for his brother, George Whitman, in 1862.\n";
    const char *people[] = {"Whitman", "Walt Whitman", "George Whitman"};
    mspec m[] = {{"Whitman", 0, AN_MENTION_NAME, 0}, {"Walt Whitman", 0, AN_MENTION_NAME, 1},
                 {"George Whitman", 0, AN_MENTION_NAME, 2}};
    an_doc *doc = model_doc(text, people, 3, m, 3, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 1);
    assert_span_text(doc, first(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO)->related, "Walt Whitman");
    an_doc_free(doc);
    /* initials introduce: "O.J. Simpson" */
    text = "Simpson said the matter was still under review.\n\n"
           "Everyone asked about O.J. Simpson at the trial that year, she recalled.\n";
    const char *p2[] = {"Simpson", "O.J. Simpson"};
    mspec m2[] = {{"Simpson", 0, AN_MENTION_NAME, 0}, {"O.J. Simpson", 0, AN_MENTION_NAME, 1}};
    doc = model_doc(text, p2, 2, m2, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 1);
    an_doc_free(doc);
    /* a full name the entity pass missed: given name + word, and a verb after the early one */
    text = "Christmas said the matter was still under review.\n\n"
           "Atwood launched the novel with the illustrator Johnnie Christmas on Sunday.\n";
    doc = model_doc(text, NULL, 0, NULL, 0, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 1);
    assert_span_text(doc, first(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO)->related, "Johnnie Christmas");
    an_doc_free(doc);
}

/* Names of things after a person are no early references. */
static void test_surname_before_introduction_things_are_quiet(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "A bar served a new cocktail called Santorum. Guy studied Conway's Game of Life.\n\n"
                       "Senator Rick Santorum laughed. The mathematician John Conway devised it.\n";
    const char *people[] = {"Rick Santorum", "John Conway"};
    mspec m[] = {{"Santorum", 0, AN_MENTION_SURNAME, 0}, {"Conway", 0, AN_MENTION_SURNAME, 1},
                 {"Rick Santorum", 0, AN_MENTION_TITLE, 0}, {"John Conway", 0, AN_MENTION_NAME, 1}};
    an_doc *doc = model_doc(text, people, 2, m, 4, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 0);
    an_doc_free(doc);
}

/* names.laterReference: courtesyTitle (NYT): a bare later surname is a
 * hint with the courtesy title as the fix; "Mr. McCormack" before the full
 * name is an early reference in any style. */
static void test_later_reference_courtesy_title(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "State Department spokesman Sean McCormack spoke on Monday.\n\n"
                       "McCormack said the talks were useful. Mr. McCormack left early.\n";
    const char *people[] = {"Sean McCormack"};
    mspec m[] = {{"Sean McCormack", 0, AN_MENTION_NAME, 0}, {"McCormack", 1, AN_MENTION_SURNAME, 0},
                 {"Mr. McCormack", 0, AN_MENTION_HONORIFIC, 0}};
    an_doc *doc = model_doc(text, people, 1, m, 3, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_FULL_NAME_REPEATED), 0); /* AP: surname alone */
    an_doc_free(doc);
    opt.later_reference = AN_LATER_COURTESY_TITLE;
    doc = model_doc(text, people, 1, m, 3, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_FULL_NAME_REPEATED), 1);
    const an_diagnostic *d = first(doc, AN_RULE_PERSON_FULL_NAME_REPEATED);
    assert_span_text(doc, d->span, "McCormack");
    assert_string_equal(d->replacement.ptr, "Mr. McCormack");
    an_doc_free(doc);
    /* an honorific early reference */
    opt = opts_all_on();
    text = "Mr. McCormack said the talks would go on.\n\n"
           "State Department spokesman Sean McCormack spoke on Monday.\n";
    mspec m2[] = {{"Mr. McCormack", 0, AN_MENTION_HONORIFIC, 0}, {"Sean McCormack", 0, AN_MENTION_NAME, 0}};
    doc = model_doc(text, people, 1, m2, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_SURNAME_BEFORE_INTRO), 1);
    an_doc_free(doc);
}

/* ---- person.name-variant ------------------------------------------------ */

static void test_name_variant_surname(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Foreign Minister Manouchehr Mottaki spoke on Monday.\n\n"
                       "Mottaki said the talks were useful. Motaki said Iran would attend.\n\n"
                       "Mottaki left on Tuesday.\n";
    const char *people[] = {"Manouchehr Mottaki"};
    mspec m[] = {{"Manouchehr Mottaki", 0, AN_MENTION_TITLE, 0}};
    an_doc *doc = model_doc(text, people, 1, m, 1, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1);
    const an_diagnostic *d = first(doc, AN_RULE_PERSON_NAME_VARIANT);
    assert_span_text(doc, d->span, "Motaki");
    assert_string_equal(d->replacement.ptr, "Mottaki");
    assert_non_null(strstr(d->message.ptr, "\xE2\x80\x9CMottaki\xE2\x80\x9D 3 times"));
    assert_non_null(strstr(d->message.ptr, "\xE2\x80\x9CMotaki\xE2\x80\x9D 1 time"));
    assert_span_text(doc, d->related, "Mottaki");
    an_doc_free(doc);
}

static void test_name_variant_marks_and_mac(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Zo\xC3\xAB Ball hosted the show. Ann MacDonald and Sean McCormack spoke.\n\n"
                       "Later Zoe Ball said it went well. McDonald said so too. "
                       "McCormick said nothing.\n";
    const char *people[] = {"Zo\xC3\xAB Ball", "Ann MacDonald", "Sean McCormack", "Zoe Ball"};
    mspec m[] = {{"Zo\xC3\xAB Ball", 0, AN_MENTION_NAME, 0}, {"Ann MacDonald", 0, AN_MENTION_NAME, 1},
                 {"Sean McCormack", 0, AN_MENTION_NAME, 2}, {"Zoe Ball", 0, AN_MENTION_NAME, 3}};
    an_doc *doc = model_doc(text, people, 4, m, 4, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 3);
    an_doc_free(doc);
}

static void test_name_variant_two_people_is_quiet(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Jane Smith and Tom Smyth met Mark Martin and the Martins.\n\n"
                       "Smith said it went well. Smyth agreed.\n";
    const char *people[] = {"Jane Smith", "Tom Smyth", "Mark Martin"};
    mspec m[] = {{"Jane Smith", 0, AN_MENTION_NAME, 0}, {"Tom Smyth", 0, AN_MENTION_NAME, 1},
                 {"Mark Martin", 0, AN_MENTION_NAME, 2}};
    an_doc *doc = model_doc(text, people, 3, m, 3, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 0);
    an_doc_free(doc);
}

/* A misspelled surname opening a sentence, with the person acting. */
static void test_name_variant_sentence_start(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *people[] = {"Pradeep Khosla"};
    mspec m[] = {{"Pradeep Khosla", 0, AN_MENTION_NAME, 0}};
    const char *texts[] = {
        "The chancellor, Pradeep Khosla, spoke at the funeral. Kohsla also praised the work.\n",
        "The chancellor, Pradeep Khosla, spoke at the funeral. Kohsla, who knew him, wept.\n",
        "The chancellor, Pradeep Khosla, spoke at the funeral. Kohsla praised the work.\n",
        "The chancellor, Pradeep Khosla, spoke at the funeral. Kohsla withdrew in March.\n",
        "The chancellor, Pradeep Khosla, spoke at the funeral. Kohsla died in October.\n",
        "The chancellor, Pradeep Khosla, spoke at the funeral. Kohsla flew home.\n",
    };
    for (size_t i = 0; i < 6; i++) {
        an_doc *doc = model_doc(texts[i], people, 1, m, 1, NULL, 0, &opt);
        assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1);
        an_doc_free(doc);
    }
    /* a capitalized word opening a sentence that nothing marks as a person */
    an_doc *doc = model_doc("The chancellor, Pradeep Khosla, spoke. Kohsla Street was closed.\n",
                            people, 1, m, 1, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 0);
    an_doc_free(doc);
}

/* After the given name or an initial of a person of the draft, a variant
 * is that person's name even in a quote or when it is also a place; on a
 * tie the first reference wins. */
static void test_name_variant_after_given_name(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "The poet Frank Mesina read on Monday.\n\n"
                       "\"The poem ends here (copyright Frank Messina),\" he said.\n";
    const char *people[] = {"Frank Mesina"};
    mspec m[] = {{"Frank Mesina", 0, AN_MENTION_NAME, 0}};
    qspec q[] = {{"\"The poem ends here (copyright Frank Messina),\"", 0, 0, -1}};
    an_doc *doc = model_doc(text, people, 1, m, 1, q, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1);
    assert_span_text(doc, first(doc, AN_RULE_PERSON_NAME_VARIANT)->span, "Messina");
    an_doc_free(doc);
    text = "Everyone knew O.J. Simpson then. Later I saw O.J. Simspon on television.\n";
    const char *p2[] = {"O.J. Simpson"};
    mspec m2[] = {{"O.J. Simpson", 0, AN_MENTION_NAME, 0}};
    doc = model_doc(text, p2, 1, m2, 1, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1);
    assert_span_text(doc, first(doc, AN_RULE_PERSON_NAME_VARIANT)->span, "Simspon");
    an_doc_free(doc);
}

/* Another given name, a derived word, a spelling the quotes keep: quiet. */
static void test_name_variant_quiet_on_other_names_and_quoted_spellings(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Vice President Mike Pence spoke on Monday. Pence said little.\n\n"
                       "The debt was discussed. Chad Peace of the Independent Voters Network spoke.\n\n"
                       "Actor Mark Martin met the singer Martina on Tuesday.\n\n"
                       "Osama bin Laden was killed in 2011. The statement read: \"Hamza bin Ladin, "
                       "son of Usama bin Ladin, was killed.\"\n";
    const char *people[] = {"Mike Pence", "Mark Martin", "Osama bin Laden"};
    mspec m[] = {{"Mike Pence", 0, AN_MENTION_TITLE, 0}, {"Mark Martin", 0, AN_MENTION_NAME, 1},
                 {"Osama bin Laden", 0, AN_MENTION_NAME, 2}};
    qspec q[] = {{"\"Hamza bin Ladin, son of Usama bin Ladin, was killed.\"", 0, -1, -1}};
    an_doc *doc = model_doc(text, people, 3, m, 3, q, 1, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 0);
    an_doc_free(doc);
    /* a doubled final letter undone is a slip */
    text = "Actor Mark Hamill came to the expo. Later Judge Hamil said he was retiring.\n";
    const char *p2[] = {"Mark Hamill"};
    mspec m2[] = {{"Mark Hamill", 0, AN_MENTION_NAME, 0}};
    doc = model_doc(text, p2, 1, m2, 1, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1);
    an_doc_free(doc);
}

/* an_rules__within_edits filters the candidates of the name-variant
 * search before the edit distance: it must hold for every pair that is a
 * variant (two edits at ten letters, different first letters past seven,
 * a swap, a mark, "mac"), and it rejects most pairs that are not. */
static void test_name_variant_filter_keeps_variants(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        bool variant;
    } pairs[] = {
        {"Kristensen", "Christensen", true}, {"Mottaki", "Motaki", true},
        {"Simpson", "Simspon", true},        {"McCormack", "McCormick", true},
        {"Schwarzenegger", "Schwartzeneger", true}, {"Zo\xC3\xAB", "Zoe", true},
        {"MacDonald", "McDonald", true},     {"Gonzales", "Gonzalez", true},
        {"Rodriguez", "Fernandez", false},   {"Kristensen", "Christiansen", false},
        {"Mottaki", "Mottaki's", false},     {"Abramovich", "Abramowitz", false},
        {"Christensen", "Williamson", false},
    };
    an_name_keys keys = {0};
    size_t rejected = 0;
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        int32_t a = an_rules__name_key(&keys, pairs[i].a, strlen(pairs[i].a));
        int32_t b = an_rules__name_key(&keys, pairs[i].b, strlen(pairs[i].b));
        assert_true(a >= 0 && b >= 0);
        bool within = an_rules__within_edits(&keys.keys.items[a], &keys.keys.items[b]);
        assert_int_equal(an_rules__variant_k(&keys, a, b), pairs[i].variant);
        assert_true(within || !pairs[i].variant);
        rejected += !within;
    }
    assert_true(rejected >= 3);
    an_rules__name_keys_free(&keys);
    /* in a draft: a long surname misspelled from its first letter */
    an_options opt = opts_all_on();
    const char *text = "Economist Anne Kristensen spoke on Monday with Peter Kristiansen.\n\n"
                       "Christensen said the figures were wrong.\n";
    const char *people[] = {"Anne Kristensen", "Peter Kristiansen"};
    mspec m[] = {{"Anne Kristensen", 0, AN_MENTION_TITLE, 0}, {"Peter Kristiansen", 0, AN_MENTION_NAME, 1}};
    an_doc *doc = model_doc(text, people, 2, m, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1);
    assert_string_equal(first(doc, AN_RULE_PERSON_NAME_VARIANT)->replacement.ptr, "Kristensen");
    an_doc_free(doc);
}

/* ---- person.ambiguous-surname ------------------------------------------- */

static void test_ambiguous_surname(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Jane Smith, the mayor, met Tom Smith, her brother.\n\n"
                       "Smith said the budget was fine. Smith said it twice.\n";
    const char *people[] = {"Jane Smith", "Tom Smith"};
    mspec m[] = {{"Jane Smith", 0, AN_MENTION_NAME, 0}, {"Tom Smith", 0, AN_MENTION_NAME, 1}};
    an_doc *doc = model_doc(text, people, 2, m, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_AMBIGUOUS_SURNAME), 1); /* once per surname */
    const an_diagnostic *d = first(doc, AN_RULE_PERSON_AMBIGUOUS_SURNAME);
    assert_span_text(doc, d->related, "Tom Smith");
    an_doc_free(doc);
}

static void test_unambiguous_surname_is_quiet(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Kristen Wilkins, the curator, met Tom Jones.\n\n"
                       "Kristin Wilkins said so. Wilkins said it again.\n";
    const char *people[] = {"Kristen Wilkins", "Tom Jones", "Kristin Wilkins"};
    mspec m[] = {{"Kristen Wilkins", 0, AN_MENTION_NAME, 0}, {"Tom Jones", 0, AN_MENTION_NAME, 1},
                 {"Kristin Wilkins", 0, AN_MENTION_NAME, 2}};
    an_doc *doc = model_doc(text, people, 3, m, 3, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_AMBIGUOUS_SURNAME), 0);
    assert_int_equal(count(doc, AN_RULE_PERSON_NAME_VARIANT), 1); /* Kristin/Kristen */
    an_doc_free(doc);
}

/* A relative introduced as such is called by first name; the bare
 * surname stays with the subject. Products are not people. */
static void test_ambiguous_surname_quiet_on_relatives_and_products(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "The drummer Ginger Baker died, his daughter Nettie Baker said.\n\n"
                       "In September, Baker was taken to hospital in critical condition.\n\n"
                       "Users of CentOS Linux may move to Rocky Linux next year.\n\n"
                       "They say Linux runs well on both, the company said in a statement.\n";
    const char *people[] = {"Ginger Baker", "Nettie Baker", "CentOS Linux", "Rocky Linux"};
    mspec m[] = {{"Ginger Baker", 0, AN_MENTION_NAME, 0}, {"Nettie Baker", 0, AN_MENTION_NAME, 1},
                 {"CentOS Linux", 0, AN_MENTION_NAME, 2}, {"Rocky Linux", 0, AN_MENTION_NAME, 3}};
    an_doc *doc = model_doc(text, people, 4, m, 4, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_AMBIGUOUS_SURNAME), 0);
    an_doc_free(doc);
    /* "the elder Baker" says which one */
    text = "The drummer Ginger Baker met the singer Nettie Baker.\n\n"
           "In September, the elder Baker was taken to hospital in critical condition.\n";
    doc = model_doc(text, people, 2, m, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_AMBIGUOUS_SURNAME), 0);
    an_doc_free(doc);
    /* two relatives, or no relative: still ambiguous */
    text = "The drummer Ginger Baker met the singer Nettie Baker.\n\n"
           "In September, Baker was taken to hospital in critical condition.\n";
    doc = model_doc(text, people, 2, m, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_AMBIGUOUS_SURNAME), 1);
    an_doc_free(doc);
}

/* ---- person.full-name-repeated ------------------------------------------ */

static void test_full_name_repeated(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Ryan Crocker arrived on Monday.\n\nRyan Crocker said little.\n";
    const char *people[] = {"Ryan Crocker"};
    mspec m[] = {{"Ryan Crocker", 0, AN_MENTION_NAME, 0}, {"Ryan Crocker", 1, AN_MENTION_NAME, 0}};
    an_doc *doc = model_doc(text, people, 1, m, 2, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_FULL_NAME_REPEATED), 1);
    const an_diagnostic *d = first(doc, AN_RULE_PERSON_FULL_NAME_REPEATED);
    assert_int_equal(d->severity, AN_SEV_HINT);
    assert_int_equal(d->span.start, find_nth(text, "Ryan Crocker", 1).start);
    an_doc_free(doc);
    doc = model_doc(text, people, 1, m, 1, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_FULL_NAME_REPEATED), 0);
    an_doc_free(doc);

    /* Q&A speaker labels and a name cut to its initial are no repeats. */
    const char *qa = "Wikinews spoke with Zara Kay on Monday.\n\n((Zara Kay)) I am good.\n\n"
                     "Zara Kay: Thanks.\n\nThe suspect Stefan W was held. Stefan W was charged.\n";
    const char *qa_people[] = {"Zara Kay", "Stefan W"};
    mspec qm[] = {{"Zara Kay", 0, AN_MENTION_NAME, 0}, {"Zara Kay", 1, AN_MENTION_NAME, 0},
                  {"Zara Kay", 2, AN_MENTION_NAME, 0}, {"Stefan W", 0, AN_MENTION_NAME, 1},
                  {"Stefan W", 1, AN_MENTION_NAME, 1}};
    doc = model_doc(qa, qa_people, 2, qm, 5, NULL, 0, &opt);
    assert_int_equal(count(doc, AN_RULE_PERSON_FULL_NAME_REPEATED), 0);
    an_doc_free(doc);
}

/* ---- acronyms ----------------------------------------------------------- */

static void test_acronym_undefined(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    an_doc *doc = text_doc("Iran plans talks.\n\nThe QRTF said on Monday that it would attend the "
                           "meeting.\n", &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    const an_diagnostic *d = first(doc, AN_RULE_ACRONYM_UNDEFINED);
    assert_span_text(doc, d->span, "QRTF");
    an_doc_free(doc);
    /* the configuration's allow-list */
    an_str allow[] = {{"Q.R.T.F.", 8}};
    opt.allowed_acronyms = allow;
    opt.n_allowed_acronyms = 1;
    doc = text_doc("The QRTF said on Monday that it would attend.\n", &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 0);
    an_doc_free(doc);
}

static void test_acronym_not_flagged(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text =
        "U.S., IRAN PLAN NEW TALKS\n\n"
        "WASHINGTON (AP) - NATO and the FBI met U.S. and U.N. officials.\n\n"
        "The militant group Mujahedin Khalq, or MEK, operates in Iraq. The MEK denies it.\n\n"
        "The Islamic Revolutionary Guard Corps (IRGC) said the IRGC was ready.\n\n"
        "World War II veterans in Portland, OR, and Pope John Paul II met J.R. Smith.\n\n"
        "The meeting was held in Washington, DC, and shown on C-SPAN.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 0);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_DEFINED_AFTER_USE), 0);
    an_doc_free(doc);
}

/* The allow-list ships as data (analysis/data/acronyms.txt); stations go
 * by their call letters; an acronym named as a term in marks is not used. */
static void test_acronym_data_list_call_signs_and_terms(void **state)
{
    (void)state;
    assert_true(an_lex_known_acronym("NATO", 4));
    assert_true(an_lex_known_acronym("unesco", 6));
    assert_false(an_lex_known_acronym("QRTF", 4));
    assert_false(an_lex_lookup("CERN", 4) & AN_LEX_ACRONYM); /* the entity pass never sees it */
    an_options opt = opts_all_on();
    const char *text = "A resident told a reporter of WESH 2 News that the shaking woke him up.\n\n"
                       "Reportedly, \"COVI\" represents the coronavirus and \"D\" the disease.\n\n"
                       "The UNESCO office and CERN said the QRTF had not applied.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    assert_span_text(doc, first(doc, AN_RULE_ACRONYM_UNDEFINED)->span, "QRTF");
    an_doc_free(doc);
    /* Roman numerals in standard form only: CCLL is an acronym */
    text = "Pope John XXIII and King Louis XIV met in MCMXC, and the CCLL said so.\n";
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    assert_span_text(doc, first(doc, AN_RULE_ACRONYM_UNDEFINED)->span, "CCLL");
    an_doc_free(doc);
    /* a W or K word used as an acronym is still checked */
    text = "A report by the WXKZ is expected later this month, officials said.\n";
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    an_doc_free(doc);
}

/* An acronym that is also a lower-case word of the draft, in any case
 * but a capital first, is that word shouted: in a long draft (past
 * AN_RULES_SCAN_WORDS words) the spelling index answers for every
 * spelling of that shape. */
static void test_acronym_as_word_in_long_draft(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *head = "Iran plans talks.\n\nThe QRTF and the ZQVX said on Monday that they "
                       "would attend the meeting.\n\nA qRtF was seen. Zqvx said no.\n\n";
    const char *filler = "the cat sat on the mat and ";
    size_t reps = AN_RULES_SCAN_WORDS / 6 + 1;
    char *text = malloc(strlen(head) + reps * strlen(filler) + 2);
    assert_non_null(text);
    strcpy(text, head);
    for (size_t i = 0; i < reps; i++)
        strcat(text, filler);
    strcat(text, "\n");
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    assert_span_text(doc, first(doc, AN_RULE_ACRONYM_UNDEFINED)->span, "ZQVX");
    an_doc_free(doc);
    free(text);
}

/* acronyms.parenthetical: only "Full Name (ABC)" or "ABC (Full Name)" defines. */
static void test_acronym_parenthetical(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "The Quarterly Review Task Force met on Monday. The QRTF said it would "
                       "report. The Islamic Revolutionary Guard Corps (IRGC) agreed; the militant "
                       "group Mujahedin Khalq, or MEK, did not. The IRGC and the MEK left.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 0);
    an_doc_free(doc);
    opt.acronyms_parenthetical = true;
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 2); /* QRTF, MEK */
    const an_diagnostic *d = first(doc, AN_RULE_ACRONYM_UNDEFINED);
    assert_span_text(doc, d->span, "QRTF");
    assert_non_null(strstr(d->message.ptr, "in parentheses"));
    an_doc_free(doc);
}

static void test_acronym_defined_after_use(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "The IRGC said on Monday that it was ready.\n\n"
                       "The Islamic Revolutionary Guard Corps (IRGC) controls the coast.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_DEFINED_AFTER_USE), 1);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 0);
    const an_diagnostic *d = first(doc, AN_RULE_ACRONYM_DEFINED_AFTER_USE);
    assert_int_equal(d->span.start, 4);
    assert_true(d->related.start > d->span.start);
    an_doc_free(doc);
}

/* ---- names.house-spelling ----------------------------------------------- */

static void test_house_spelling(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "Muammar Qaddafi spoke in Tripoli on Monday.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_NAMES_HOUSE_SPELLING), 0); /* no names list */
    an_doc_free(doc);
    an_str names[] = {{"Muammar Gaddafi", 15}};
    opt.house_names = names;
    opt.n_house_names = 1;
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_NAMES_HOUSE_SPELLING), 1);
    const an_diagnostic *d = first(doc, AN_RULE_NAMES_HOUSE_SPELLING);
    assert_span_text(doc, d->span, "Qaddafi");
    assert_string_equal(d->replacement.ptr, "Gaddafi");
    an_doc_free(doc);
    doc = text_doc("Muammar Gaddafi spoke in Tripoli on Monday.\n", &opt);
    assert_int_equal(count(doc, AN_RULE_NAMES_HOUSE_SPELLING), 0);
    an_doc_free(doc);
}

/* ---- source.anonymous ---------------------------------------------------- */

static void test_source_anonymous(void **state)
{
    (void)state;
    const char *text = "The plan fizzled, officials said, speaking on condition of anonymity.\n";
    an_doc *doc = text_doc(text, NULL);
    assert_int_equal(count(doc, AN_RULE_SOURCE_ANONYMOUS), 0); /* off by default */
    an_doc_free(doc);
    an_options opt = opts_all_on();
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_SOURCE_ANONYMOUS), 1);
    assert_int_equal(first(doc, AN_RULE_SOURCE_ANONYMOUS)->severity, AN_SEV_INFORMATION);
    an_doc_free(doc);
    doc = text_doc("Police said the road was closed.\n", &opt);
    assert_int_equal(count(doc, AN_RULE_SOURCE_ANONYMOUS), 0);
    an_doc_free(doc);
}

/* ---- severities and inline suppression ---------------------------------- */

static void test_severity_from_options(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    opt.severity[AN_RULE_ACRONYM_UNDEFINED] = AN_SEV_ERROR;
    const char *text = "The QRTF said on Monday that it would attend.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(first(doc, AN_RULE_ACRONYM_UNDEFINED)->severity, AN_SEV_ERROR);
    an_doc_free(doc);
    opt.severity[AN_RULE_ACRONYM_UNDEFINED] = AN_SEV_OFF;
    doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 0);
    an_doc_free(doc);
}

static void test_suppression_markdown(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    opt.format = AN_FORMAT_MARKDOWN;
    const char *text = "<!-- byline-disable acronym.undefined -->\n\n"
                       "The QRTF said on Monday that it would attend.\n\n"
                       "<!-- byline-enable acronym.undefined -->\n\n"
                       "The ZKPW said so too, on Tuesday.\n\n"
                       "<!-- byline-disable-next-line acronym -->\n"
                       "The XVBN said nothing at all.\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    assert_span_text(doc, first(doc, AN_RULE_ACRONYM_UNDEFINED)->span, "ZKPW");
    an_doc_free(doc);
}

static void test_suppression_plain(void **state)
{
    (void)state;
    an_options opt = opts_all_on();
    const char *text = "[[byline-disable-next-line]]\n"
                       "The QRTF said on Monday that it would attend.\n\n"
                       "The ZKPW said so too. [[byline-disable quote.unattributed]]\n";
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count(doc, AN_RULE_ACRONYM_UNDEFINED), 1);
    assert_span_text(doc, first(doc, AN_RULE_ACRONYM_UNDEFINED)->span, "ZKPW");
    an_doc_free(doc);
}

static void test_rule_names_round_trip(void **state)
{
    (void)state;
    for (int r = 0; r < AN_RULE_COUNT; r++) {
        const char *name = an_rule_name((an_rule)r);
        assert_int_equal(an_rule_from_name(name, strlen(name)), r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unattributed_fires_on_lone_quote),
        cmocka_unit_test(test_unattributed_quiet_when_attributed_or_not_speech),
        cmocka_unit_test(test_unattributed_quiet_on_carry_forward_and_partial),
        cmocka_unit_test(test_unbalanced_strays_and_mixed),
        cmocka_unit_test(test_unbalanced_quiet_on_apostrophes_and_running_quotes),
        cmocka_unit_test(test_unbalanced_dropped_close_before_attribution),
        cmocka_unit_test(test_unbalanced_partial_quote_left_open),
        cmocka_unit_test(test_unbalanced_nested_openers),
        cmocka_unit_test(test_unbalanced_quiet_on_apostrophe_ends_and_first_person),
        cmocka_unit_test(test_unattributed_quiet_in_first_person_answer),
        cmocka_unit_test(test_speaker_unknown),
        cmocka_unit_test(test_speaker_known_is_quiet),
        cmocka_unit_test(test_surname_before_introduction),
        cmocka_unit_test(test_surname_after_introduction_is_quiet),
        cmocka_unit_test(test_surname_before_introduction_any_entity),
        cmocka_unit_test(test_surname_before_introduction_things_are_quiet),
        cmocka_unit_test(test_later_reference_courtesy_title),
        cmocka_unit_test(test_name_variant_surname),
        cmocka_unit_test(test_name_variant_marks_and_mac),
        cmocka_unit_test(test_name_variant_two_people_is_quiet),
        cmocka_unit_test(test_name_variant_sentence_start),
        cmocka_unit_test(test_name_variant_filter_keeps_variants),
        cmocka_unit_test(test_name_variant_after_given_name),
        cmocka_unit_test(test_name_variant_quiet_on_other_names_and_quoted_spellings),
        cmocka_unit_test(test_ambiguous_surname),
        cmocka_unit_test(test_unambiguous_surname_is_quiet),
        cmocka_unit_test(test_ambiguous_surname_quiet_on_relatives_and_products),
        cmocka_unit_test(test_full_name_repeated),
        cmocka_unit_test(test_acronym_undefined),
        cmocka_unit_test(test_acronym_not_flagged),
        cmocka_unit_test(test_acronym_defined_after_use),
        cmocka_unit_test(test_acronym_parenthetical),
        cmocka_unit_test(test_acronym_data_list_call_signs_and_terms),
        cmocka_unit_test(test_acronym_as_word_in_long_draft),
        cmocka_unit_test(test_house_spelling),
        cmocka_unit_test(test_source_anonymous),
        cmocka_unit_test(test_severity_from_options),
        cmocka_unit_test(test_suppression_markdown),
        cmocka_unit_test(test_suppression_plain),
        cmocka_unit_test(test_rule_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
