/* test_rules_style.c - the house-style switches of NEWSROOM §8
 * (names.juvenileAge, courtesyTitle.period, quotes.punctuation,
 * quotes.requireCurly, titles.composition, acronyms.periods) and nested
 * quotes in the outer marks, on the whole pipeline. Each switch has cases
 * that must fire, cases that must not, and its default must leave the
 * text alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"

static an_doc *text_doc(const char *text, const an_options *opt)
{
    an_doc *doc = an_doc_new(text, strlen(text), opt);
    assert_non_null(doc);
    return doc;
}

/* The diagnostics of a rule whose message mentions `key` (the switch). */
static size_t count_key(const an_doc *doc, an_rule rule, const char *key)
{
    size_t n, k = 0;
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    for (size_t i = 0; i < n; i++)
        k += d[i].rule == rule && strstr(d[i].message.ptr, key) != NULL;
    return k;
}

static const an_diagnostic *first_key(const an_doc *doc, an_rule rule, const char *key)
{
    size_t n;
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    for (size_t i = 0; i < n; i++)
        if (d[i].rule == rule && strstr(d[i].message.ptr, key) != NULL)
            return &d[i];
    fail_msg("no %s diagnostic about %s", an_rule_name(rule), key);
    return NULL;
}

static void assert_span_text(const an_doc *doc, an_span sp, const char *want)
{
    assert_int_equal(sp.end - sp.start, strlen(want));
    assert_memory_equal(an_doc_text(doc).ptr + sp.start, want, strlen(want));
}

static size_t count_all(const an_doc *doc)
{
    size_t n;
    an_doc_diagnostics(doc, &n);
    return n;
}

/* ---- names.juvenileAge --------------------------------------------------- */

static const char juv_text[] =
    "Emma Lopez, 12, won the county spelling bee on Saturday.\n\n"
    "\"I studied every night,\" Emma said after the final round.\n\n"
    "Her coach, Daniel Reyes, said she had practised for a year. Lopez plans to compete "
    "again.\n";

static void test_juvenile_by_surname(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    an_doc *doc = text_doc(juv_text, &opt);
    /* "Emma said" is how a child is named; "Lopez plans" is not */
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge"), 1);
    const an_diagnostic *d = first_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge");
    assert_span_text(doc, d->span, "Lopez");
    assert_string_equal(d->replacement.ptr, "Emma");
    assert_span_text(doc, d->related, "Emma Lopez");
    an_doc_free(doc);
    /* 0 turns the check off; a lower limit makes her an adult */
    opt.juvenile_age = 0;
    doc = text_doc(juv_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge"), 0);
    an_doc_free(doc);
    opt.juvenile_age = 11;
    doc = text_doc(juv_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge"), 0);
    an_doc_free(doc);
}

static void test_juvenile_age_forms(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    static const char *const texts[] = {
        "The 12-year-old Emma Lopez won the bee on Saturday.\n\nLopez plans to compete again.\n",
        "Emma Lopez (12) won the bee on Saturday.\n\nLopez plans to compete again.\n",
        "Emma Lopez, aged 12, won the bee on Saturday.\n\nLopez plans to compete again.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        an_doc *doc = text_doc(texts[i], &opt);
        assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge"), 1);
        an_doc_free(doc);
    }
    /* an adult, a number that is no age, no age at all: nothing */
    static const char *const adults[] = {
        "Emma Lopez, 42, won the bee on Saturday.\n\nLopez plans to compete again.\n",
        "Emma Lopez, 12 times a winner, won on Saturday.\n\nLopez plans to compete again.\n",
        "Emma Lopez won the bee on Saturday.\n\nLopez plans to compete again.\n",
    };
    for (size_t i = 0; i < sizeof adults / sizeof *adults; i++) {
        an_doc *doc = text_doc(adults[i], &opt);
        assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge"), 0);
        an_doc_free(doc);
    }
}

/* In courtesyTitle mode a child gets no "Ms. Lopez". */
static void test_juvenile_no_courtesy_title(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    opt.later_reference = AN_LATER_COURTESY_TITLE;
    an_doc *doc = text_doc(juv_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "laterReference"), 0);
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "juvenileAge"), 1);
    an_doc_free(doc);
}

/* ---- courtesyTitle.period ------------------------------------------------- */

static const char courtesy_text[] =
    "Manouchehr Mottaki, the foreign minister, arrived in Baghdad on Monday.\n\n"
    "\"We came to talk,\" Mr Mottaki said at the airport. MS patients met Dr. Ann Reyes.\n\n"
    "Mr. Mottaki said the talks would go on.\n";

static void test_courtesy_period(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    an_doc *doc = text_doc(courtesy_text, &opt); /* surname mode: not checked */
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "courtesyTitle.period"), 0);
    an_doc_free(doc);
    opt.later_reference = AN_LATER_COURTESY_TITLE;
    doc = text_doc(courtesy_text, &opt); /* NYT: "Mr." */
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "courtesyTitle.period"), 1);
    const an_diagnostic *d = first_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "courtesyTitle.period");
    assert_span_text(doc, d->span, "Mr");
    assert_string_equal(d->replacement.ptr, "Mr.");
    an_doc_free(doc);
    opt.courtesy_title_period = AN_COURTESY_NO_PERIOD; /* UK: "Mr", "Dr" */
    doc = text_doc(courtesy_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "courtesyTitle.period"), 2);
    d = first_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "courtesyTitle.period");
    assert_span_text(doc, d->span, "Dr.");
    assert_string_equal(d->replacement.ptr, "Dr");
    an_doc_free(doc);
}

/* The courtesy title offered for a bare surname follows the period too. */
static void test_courtesy_period_fix(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    opt.later_reference = AN_LATER_COURTESY_TITLE;
    opt.courtesy_title_period = AN_COURTESY_NO_PERIOD;
    an_doc *doc = text_doc("Sean McCormack, the spokesman, spoke on Monday.\n\n"
                           "McCormack said the talks would go on.\n", &opt);
    const an_diagnostic *d = first_key(doc, AN_RULE_PERSON_FULL_NAME_REPEATED, "laterReference");
    assert_string_equal(d->replacement.ptr, "Mr McCormack");
    an_doc_free(doc);
}

/* ---- quotes.punctuation and quotes.requireCurly ------------------------- */

static const char punct_text[] =
    "Ann Reyes, the governor, spoke on Monday.\n\n"
    "\"We will rebuild the bridge\", Reyes said. She called the plan \"a fresh start\".\n\n"
    "\"Will it last?\", she asked. \"It will take a year,\" she added. \"Maybe\"... she said.\n";

static void test_punctuation_american(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    an_doc *doc = text_doc(punct_text, &opt); /* logical: both placements pass */
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "quotes.punctuation"), 0);
    an_doc_free(doc);
    opt.quotes_punctuation = AN_PUNCT_AMERICAN;
    doc = text_doc(punct_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "quotes.punctuation"), 2);
    const an_diagnostic *d = first_key(doc, AN_RULE_QUOTE_UNBALANCED, "quotes.punctuation");
    assert_span_text(doc, d->span, "\",");
    assert_string_equal(d->replacement.ptr, ",\"");
    an_doc_free(doc);
}

static void test_require_curly(void **state)
{
    (void)state;
    const char *text = "Ann Reyes, the governor, spoke on Monday.\n\n"
                       "\"They told me 'Never again,' and I don't forget it,\" Reyes said.\n";
    an_options opt = an_options_default();
    an_doc *doc = text_doc(text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "requireCurly"), 0);
    an_doc_free(doc);
    opt.quotes_require_curly = true;
    doc = text_doc(text, &opt);
    /* the outer pair and the inner one; the apostrophe of "don't" is none */
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "requireCurly"), 4);
    const an_diagnostic *d = first_key(doc, AN_RULE_QUOTE_UNBALANCED, "requireCurly");
    assert_string_equal(d->replacement.ptr, "\xE2\x80\x9C");
    an_doc_free(doc);
    doc = text_doc("Ann Reyes spoke.\n\n\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D Reyes said.\n", &opt);
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "requireCurly"), 0);
    an_doc_free(doc);
}

/* ---- titles.composition --------------------------------------------------- */

static const char titles_text[] =
    "Ann Reyes, the governor, spoke on Monday.\n\n"
    "The band played the song \"Born to Run\" for the crowd, and her new novel, "
    "\"The Long Road Home,\" sold well.\n\n"
    "\"We will rebuild the bridge over the river,\" Reyes said.\n";

static void test_titles_composition(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    an_doc *doc = text_doc(titles_text, &opt); /* quotes (AP): a quoted title is right */
    assert_int_equal(count_all(doc), 0);
    an_doc_free(doc);
    opt.titles_composition = AN_TITLES_NONE;
    doc = text_doc(titles_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "titles.composition"), 2);
    const an_diagnostic *d = first_key(doc, AN_RULE_QUOTE_UNBALANCED, "titles.composition");
    assert_span_text(doc, d->span, "\"Born to Run\"");
    assert_string_equal(d->replacement.ptr, "Born to Run");
    assert_int_equal(count_all(doc), 2); /* and neither is unattributed speech */
    an_doc_free(doc);
}

/* ---- acronyms.periods ----------------------------------------------------- */

static const char periods_text[] =
    "Ann Reyes, the governor, spoke on Monday about U.S. trade with the UK.\n\n"
    "She said the US would act, and the U.N. agreed. J.R.R. Tolkien fans cheered.\n";

static void test_acronym_periods(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    an_doc *doc = text_doc(periods_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods"), 0);
    an_doc_free(doc);
    opt.acronyms_periods = AN_PERIODS_DOTTED; /* AP: U.S., U.N., U.K. */
    doc = text_doc(periods_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods"), 2);
    const an_diagnostic *d = first_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods");
    assert_span_text(doc, d->span, "UK");
    assert_string_equal(d->replacement.ptr, "U.K"); /* the sentence's period stays */
    an_doc_free(doc);
    an_str reuters[] = {{"U.S.", 4}, {"U.N.", 4}}; /* Reuters: U.S., U.N., but UK */
    opt.dotted_acronyms = reuters;
    opt.n_dotted_acronyms = 2;
    doc = text_doc(periods_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods"), 1);
    d = first_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods");
    assert_span_text(doc, d->span, "US");
    assert_string_equal(d->replacement.ptr, "U.S.");
    an_doc_free(doc);
    opt.acronyms_periods = AN_PERIODS_NONE; /* Guardian, BBC: no points; initials stay */
    doc = text_doc(periods_text, &opt);
    assert_int_equal(count_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods"), 2);
    d = first_key(doc, AN_RULE_ACRONYM_UNDEFINED, "acronyms.periods");
    assert_span_text(doc, d->span, "U.S.");
    assert_string_equal(d->replacement.ptr, "US");
    an_doc_free(doc);
}

/* ---- nested quotes in the outer marks ----------------------------------- */

static void test_nested_quote_same_marks(void **state)
{
    (void)state;
    an_options opt = an_options_default();
    /* GUM_interview_stardust: a well-formed inner pair in double marks */
    an_doc *doc = text_doc("There is a wonderful quote attributed to Einstein \xE2\x80\x94 \"If we "
                           "knew what we were doing, it wouldn't be called \"research\", would "
                           "it?\"\n", &opt);
    assert_int_equal(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "opens before"), 0);
    an_doc_free(doc);
    /* no outer closing mark after the inner pair: a dropped closing mark */
    doc = text_doc("Solomon told Sky News any process \"must be well thought out: \"Moves to "
                   "reduce the backlog\" are welcome but not like this.\n", &opt);
    assert_true(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "") >= 1);
    an_doc_free(doc);
    /* the inner opener stands before no letter: no quote of its own */
    doc = text_doc("Ann Reyes, the governor, spoke on Monday.\n\n"
                   "\"We will go now, \" 42 \" she said, \"then stop.\"\n", &opt);
    assert_true(count_key(doc, AN_RULE_QUOTE_UNBALANCED, "") >= 1);
    an_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_juvenile_by_surname),
        cmocka_unit_test(test_juvenile_age_forms),
        cmocka_unit_test(test_juvenile_no_courtesy_title),
        cmocka_unit_test(test_courtesy_period),
        cmocka_unit_test(test_courtesy_period_fix),
        cmocka_unit_test(test_punctuation_american),
        cmocka_unit_test(test_require_curly),
        cmocka_unit_test(test_titles_composition),
        cmocka_unit_test(test_acronym_periods),
        cmocka_unit_test(test_nested_quote_same_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
