/* test_doc.c - the document: line index, accessors, rule catalogue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"

static void test_line_index_lf_crlf_no_final_newline(void **state)
{
    (void)state;
    const char *text = "one\r\ntwo\nthree";
    an_doc *doc = an_doc_new(text, strlen(text), NULL);
    assert_non_null(doc);
    assert_int_equal(an_doc_line_count(doc), 3);
    assert_int_equal(an_doc_line_start(doc, 1), 5);
    assert_int_equal(an_doc_line_start(doc, 2), 9);
    assert_int_equal(an_doc_line_of(doc, 0), 0);
    assert_int_equal(an_doc_line_of(doc, 4), 0); /* the \n of a CRLF */
    assert_int_equal(an_doc_line_of(doc, 5), 1);
    assert_int_equal(an_doc_line_of(doc, 13), 2);
    assert_int_equal(an_doc_line_start(doc, 99), strlen(text));
    an_doc_free(doc);
}

static void test_empty_and_nul_bytes(void **state)
{
    (void)state;
    an_doc *doc = an_doc_new("", 0, NULL);
    assert_non_null(doc);
    assert_int_equal(an_doc_line_count(doc), 1);
    assert_int_equal(an_doc_text(doc).len, 0);
    an_doc_free(doc);
    const char bytes[] = "a\0\xff\xfe \"b\0c\" said Ann.";
    doc = an_doc_new(bytes, sizeof bytes - 1, NULL);
    assert_non_null(doc);
    assert_memory_equal(an_doc_text(doc).ptr, bytes, sizeof bytes - 1);
    an_doc_free(doc);
    an_doc_free(NULL);
}

static void test_rule_catalogue_round_trips(void **state)
{
    (void)state;
    for (int r = 0; r < AN_RULE_COUNT; r++) {
        const char *name = an_rule_name((an_rule)r);
        assert_true(strchr(name, '.') != NULL);
        assert_int_equal(an_rule_from_name(name, strlen(name)), r);
    }
    assert_int_equal(an_rule_from_name("quote.nope", 10), -1);
    assert_int_equal(an_rule_default_severity(AN_RULE_SOURCE_ANONYMOUS), AN_SEV_OFF);
    assert_int_equal(an_rule_default_severity(AN_RULE_QUOTE_UNBALANCED), AN_SEV_ERROR);
    an_options opt = an_options_default();
    assert_int_equal(opt.severity[AN_RULE_PERSON_FULL_NAME_REPEATED], AN_SEV_HINT);
}

static void test_lookup_outside_everything(void **state)
{
    (void)state;
    an_doc *doc = an_doc_new("no names here", 13, NULL);
    assert_int_equal(an_doc_mention_at(doc, 0), -1);
    assert_int_equal(an_doc_quote_at(doc, 1000), -1);
    an_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_index_lf_crlf_no_final_newline),
        cmocka_unit_test(test_empty_and_nul_bytes),
        cmocka_unit_test(test_rule_catalogue_round_trips),
        cmocka_unit_test(test_lookup_outside_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
