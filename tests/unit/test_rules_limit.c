/* test_rules_limit.c - the per-rule limit on findings (an_rules__emit,
 * AN_RULES_MAX_PER_RULE): a rule keeps its first 1000 findings, and one
 * more diagnostic of that rule says how many it did not keep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"

/* One unclosed quotation mark per paragraph: one quote.unbalanced each. */
static const char stray[] = "Smith said \"yes.\n\n";

/* `before`, then n paragraphs with a stray mark, then `after`. malloc'd. */
static char *draft(const char *before, size_t n, const char *after, size_t *len)
{
    size_t k = strlen(stray), b = strlen(before), a = strlen(after);
    char *t = malloc(b + n * k + a + 1);
    assert_non_null(t);
    memcpy(t, before, b);
    for (size_t i = 0; i < n; i++)
        memcpy(t + b + i * k, stray, k);
    memcpy(t + b + n * k, after, a + 1);
    *len = b + n * k + a;
    return t;
}

/* The diagnostics of `rule`, in offset order, copied into out (cap n). */
static size_t of_rule(const an_doc *doc, an_rule rule, const an_diagnostic **out, size_t cap)
{
    size_t n, k = 0;
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    for (size_t i = 0; i < n; i++)
        if (d[i].rule == rule && k < cap)
            out[k++] = &d[i];
    return k;
}

static bool is_summary(const an_diagnostic *d)
{
    return strstr(d->message.ptr, "not shown") != NULL;
}

/* Analyses `before + n strays + after` and checks the quote.unbalanced
 * findings: the first min(n, 1000) marks, then a summary when n > 1000. */
static void check_strays(const char *before, size_t n, const char *after)
{
    size_t len;
    char *text = draft(before, n, after, &len);
    an_doc *doc = an_doc_new(text, len, NULL);
    assert_non_null(doc);
    const an_diagnostic **d = calloc(n + 2, sizeof *d);
    assert_non_null(d);
    size_t k = of_rule(doc, AN_RULE_QUOTE_UNBALANCED, d, n + 2);
    size_t kept = n < 1000 ? n : 1000;
    assert_int_equal(k, kept + (n > 1000));
    size_t mark = strlen(before) + strlen("Smith said ");
    for (size_t i = 0; i < kept; i++) {
        assert_false(is_summary(d[i]));
        assert_int_equal(d[i]->span.start, mark + i * strlen(stray));
    }
    if (n > 1000) {
        const an_diagnostic *s = d[kept];
        char want[200];
        snprintf(want, sizeof want, "%zu more quote.unbalanced finding%s in this document %s not shown",
                 n - 1000, n == 1001 ? "" : "s", n == 1001 ? "is" : "are");
        assert_non_null(strstr(s->message.ptr, want));
        assert_int_equal(s->severity, d[0]->severity);
        /* at the first mark not reported */
        assert_int_equal(s->span.start, mark + 1000 * strlen(stray));
        assert_int_equal(s->related.end, s->related.start);
        assert_null(s->replacement.ptr);
    }
    free(d);
    an_doc_free(doc);
    free(text);
}

static void test_up_to_the_limit_all_kept(void **state)
{
    (void)state;
    check_strays("", 3, "");
    check_strays("", 1000, "");
}

static void test_past_the_limit_summed_up(void **state)
{
    (void)state;
    check_strays("", 1001, "");
    check_strays("Headline\n\n", 2500, "");
}

/* A noisy rule does not crowd out another one. */
static void test_other_rules_unaffected(void **state)
{
    (void)state;
    size_t len;
    char *text = draft("", 1500, "The ZQXW said it would appeal.\n", &len);
    an_doc *doc = an_doc_new(text, len, NULL);
    assert_non_null(doc);
    const an_diagnostic *d[4];
    assert_int_equal(of_rule(doc, AN_RULE_ACRONYM_UNDEFINED, d, 4), 1);
    assert_int_equal(d[0]->span.start, len - strlen("ZQXW said it would appeal.\n"));
    an_doc_free(doc);
    free(text);
}

/* Suppressing the rule suppresses its summary too; a rule that is off
 * counts nothing. */
static void test_suppressed_and_off(void **state)
{
    (void)state;
    size_t len;
    char *text = draft("[[byline-disable quote.unbalanced]]\n\n", 1500, "", &len);
    an_doc *doc = an_doc_new(text, len, NULL);
    assert_non_null(doc);
    const an_diagnostic *d[4];
    assert_int_equal(of_rule(doc, AN_RULE_QUOTE_UNBALANCED, d, 4), 0);
    an_doc_free(doc);
    free(text);

    text = draft("", 1500, "", &len);
    an_options opt = an_options_default();
    opt.severity[AN_RULE_QUOTE_UNBALANCED] = AN_SEV_OFF;
    doc = an_doc_new(text, len, &opt);
    assert_non_null(doc);
    assert_int_equal(of_rule(doc, AN_RULE_QUOTE_UNBALANCED, d, 4), 0);
    an_doc_free(doc);
    free(text);
}

/* A million marks on one line: bounded diagnostics. */
static void test_million_marks(void **state)
{
    (void)state;
    size_t len = 1000000;
    char *text = malloc(len);
    assert_non_null(text);
    memset(text, '"', len);
    an_doc *doc = an_doc_new(text, len, NULL);
    assert_non_null(doc);
    size_t n;
    an_doc_diagnostics(doc, &n);
    assert_true(n <= (size_t)AN_RULE_COUNT * 1001);
    const an_diagnostic *d[1002];
    assert_int_equal(of_rule(doc, AN_RULE_QUOTE_UNBALANCED, d, 1002), 1001);
    assert_true(is_summary(d[1000]));
    an_doc_free(doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_up_to_the_limit_all_kept),
        cmocka_unit_test(test_past_the_limit_summed_up),
        cmocka_unit_test(test_other_rules_unaffected),
        cmocka_unit_test(test_suppressed_and_off),
        cmocka_unit_test(test_million_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
