/* test_positions.c - the position cursor (proto_cursor): through it,
 * proto_position_at and proto_line_column give exactly what they give
 * without it, for offsets in order and out of order, on every kind of
 * character, invalid bytes, line ends and lines longer than a mark step. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "protocol/model_json.h"
#include "protocol/position.h"

/* Pieces a text is made of: ASCII, é, €, 😀, CRLF, lone CR, NUL, invalid
 * and truncated UTF-8, an encoded surrogate. */
static const char *const pieces[] = {
    "Smith said ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\r\n", "\r", "\n",
    "\xFF", "\xE2\x80", "\xC3", "\xED\xA0\x80", "\"", "\xE2\x80\x9C", "abc",
};
enum { N_PIECES = sizeof pieces / sizeof *pieces };

static uint32_t rng_next(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

/* A text of `n` random pieces; newlines only when `lines`. malloc'd; a
 * NUL byte is part of it too. */
static char *make_text(uint32_t seed, size_t n, int lines, size_t *len)
{
    char *t = malloc(n * 16 + 2);
    assert_non_null(t);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = pieces[rng_next(&seed) % N_PIECES];
        if (!lines && (strchr(p, '\n') || strchr(p, '\r')))
            p = "x";
        memcpy(t + o, p, strlen(p));
        o += strlen(p);
        if (i == n / 2)
            t[o++] = '\0';
    }
    *len = o;
    return t;
}

/* Every offset in order, then random ones, for each encoding: the cursor
 * gives what proto_position_at gives without it. */
static void check_positions(const char *text, size_t len, uint32_t seed)
{
    proto_lines li;
    assert_int_equal(proto_lines_build(&li, text, len), 0);
    assert_null(li.cursor);
    proto_text t = {text, len, &li};
    for (int enc = 0; enc < 3; enc++) {
        proto_cursor c;
        proto_cursor_init(&c, text, len, (proto_encoding)enc);
        proto_lines view = li;
        view.cursor = &c;
        proto_text tc = {text, len, &view};
        for (size_t o = 0; o <= len + 1; o++) {
            proto_position a = proto_position_at(t, o, (proto_encoding)enc);
            proto_position b = proto_position_at(tc, o, (proto_encoding)enc);
            assert_int_equal(a.line, b.line);
            assert_int_equal(a.character, b.character);
        }
        for (int k = 0; k < 3000; k++) {
            size_t o = rng_next(&seed) % (len + 1);
            proto_position a = proto_position_at(t, o, (proto_encoding)enc);
            proto_position b = proto_position_at(tc, o, (proto_encoding)enc);
            assert_int_equal(a.line, b.line);
            assert_int_equal(a.character, b.character);
        }
        if (len > 3 * PROTO_CURSOR_STEP)
            assert_true(c.n_marks >= 3); /* the marks were exercised */
        proto_cursor_free(&c);
    }
    proto_lines_free(&li);
}

static void test_cursor_short_texts(void **state)
{
    (void)state;
    static const char mixed[] = "Zo\xC3\xAB \xF0\x9F\x98\x80 \xE5\x8C\x97\r\nx\n\n\r\xFF";
    check_positions("", 0, 1);
    check_positions("\n", 1, 2);
    check_positions(mixed, sizeof mixed - 1, 3);
    for (uint32_t seed = 1; seed < 40; seed++) {
        size_t len;
        char *text = make_text(seed, 60, 1, &len);
        check_positions(text, len, seed);
        free(text);
    }
}

static void test_cursor_long_lines(void **state)
{
    (void)state;
    size_t len;
    char *text = make_text(7, 6000, 0, &len); /* one line of ~25 KB */
    check_positions(text, len, 7);
    free(text);
    text = make_text(8, 9000, 1, &len);
    check_positions(text, len, 8);
    free(text);
}

/* A cursor made for another encoding or text is not used. */
static void test_cursor_mismatch_ignored(void **state)
{
    (void)state;
    static const char s[] = "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 x";
    proto_lines li;
    assert_int_equal(proto_lines_build(&li, s, sizeof s - 1), 0);
    proto_cursor c;
    proto_cursor_init(&c, s, sizeof s - 1, PROTO_ENC_UTF8);
    li.cursor = &c;
    proto_text t = {s, sizeof s - 1, &li};
    assert_int_equal(proto_position_at(t, 8, PROTO_ENC_UTF16).character, 4);
    assert_int_equal(proto_position_at(t, 8, PROTO_ENC_UTF32).character, 2);
    assert_int_equal(proto_position_at(t, 8, PROTO_ENC_UTF8).character, 8);
    proto_cursor_free(&c);
    li.cursor = NULL;
    proto_lines_free(&li);
}

/* proto_line_column_with == proto_line_column, including offsets inside a
 * character (each of its bytes then counts as one). */
static void check_columns(const char *text, size_t len, uint32_t seed)
{
    an_doc *doc = an_doc_new(text, len, NULL);
    assert_non_null(doc);
    an_str dt = an_doc_text(doc);
    proto_cursor c;
    proto_cursor_init(&c, dt.ptr, dt.len, PROTO_ENC_UTF32);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k <= len + 1; k++) {
            size_t o = pass == 0 ? k : rng_next(&seed) % (len + 2);
            size_t l1, c1, l2, c2;
            proto_line_column(doc, o, &l1, &c1);
            proto_line_column_with(doc, &c, o, &l2, &c2);
            assert_int_equal(l1, l2);
            assert_int_equal(c1, c2);
        }
    }
    proto_cursor_free(&c);
    an_doc_free(doc);
}

static void test_line_column_cursor(void **state)
{
    (void)state;
    static const char cut[] = "a\xE2\x82\xAC\xE2\x82\n\xF0\x9F\x98\x80\xF0\x9F";
    check_columns(cut, sizeof cut - 1, 1);
    size_t len;
    char *text = make_text(11, 3000, 1, &len);
    check_columns(text, len, 11);
    free(text);
    text = make_text(12, 4000, 0, &len);
    check_columns(text, len, 12);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cursor_short_texts),
        cmocka_unit_test(test_cursor_long_lines),
        cmocka_unit_test(test_cursor_mismatch_ignored),
        cmocka_unit_test(test_line_column_cursor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
