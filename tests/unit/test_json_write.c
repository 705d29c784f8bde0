/* test_json_write.c - the streaming JSON writer against jansson: for the
 * same value its bytes must equal json_dumps's, for every string (control
 * characters, quotes, backslashes, multi-byte, invalid UTF-8 as
 * proto_utf8_json_string repairs it) and every nesting, compact and
 * indented. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "protocol/json_write.h"
#include "protocol/utf.h"

static const int indents[] = {0, 1, 2, 4};

static size_t jansson_flags(int indent)
{
    return (indent ? JSON_INDENT(indent) : JSON_COMPACT) | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER;
}

/* The writer's bytes for v (through proto_jw_json) equal json_dumps's. */
static void check_value(const json_t *v)
{
    for (size_t k = 0; k < sizeof indents / sizeof *indents; k++) {
        char *want = json_dumps(v, jansson_flags(indents[k]));
        assert_non_null(want);
        proto_jw w;
        proto_jw_init(&w, NULL, indents[k]);
        proto_jw_json(&w, v);
        size_t len;
        char *got = proto_jw_take(&w, &len);
        assert_non_null(got);
        assert_int_equal(len, strlen(want));
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
}

/* A string of arbitrary bytes: written directly, it equals json_dumps of
 * proto_utf8_json_string (the repaired string). */
static void check_bytes(const char *s, size_t len)
{
    json_t *j = proto_utf8_json_string(s, len);
    assert_non_null(j);
    char *want = json_dumps(j, JSON_ENCODE_ANY);
    proto_jw w;
    proto_jw_init(&w, NULL, 0);
    proto_jw_string(&w, s, len);
    size_t n;
    char *got = proto_jw_take(&w, &n);
    assert_non_null(got);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(got, want, n);
    free(got);
    free(want);
    check_value(j);
    json_decref(j);
}

static void test_strings_fixed(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "", "plain", "\"", "\\", "/", "a\"b\\c/d", "\b\f\n\r\t", "\x01\x02\x1f\x7f",
        "caf\xC3\xA9", "\xE2\x80\x9CQuote\xE2\x80\x9D", "\xF0\x9F\x98\x80 emoji", "\xEF\xBF\xBD real",
        "\xE2\x80\xA8\xE2\x80\xA9", "\x80", "\xC0\xAF", "\xC3", "\xE2\x80", "\xF0\x9F\x98",
        "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF\xFE", "ok\xC3(x", "\xF8\x88\x80\x80\x80",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_bytes(cases[i], strlen(cases[i]));
    for (int c = 0; c < 256; c++) { /* every byte, alone and between letters */
        char one[3] = {'a', (char)c, 'b'};
        check_bytes(one + 1, 1);
        check_bytes(one, 3);
    }
    check_bytes("a\0b", 3);     /* NUL is \u0000 */
    check_bytes(NULL, 0);       /* as proto_utf8_json_string: "" */
}

/* Random bytes weighted towards what needs care. */
static size_t random_bytes(char *buf, size_t max, unsigned *seed)
{
    static const char *const pieces[] = {"\"", "\\", "/", "\n", "\t", "\x01", "\x1f", "\x7f",
                                         "\xC3\xA9", "\xE2\x80\x9D", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD",
                                         "\x80", "\xC0", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80"};
    size_t len = (size_t)rand_r(seed) % max, n = 0;
    while (n < len) {
        int r = rand_r(seed) % 4;
        if (r == 0) {
            buf[n++] = (char)(rand_r(seed) & 0xFF);
        } else if (r == 1) {
            const char *p = pieces[rand_r(seed) % (int)(sizeof pieces / sizeof *pieces)];
            size_t k = strlen(p);
            if (n + k > max)
                break;
            memcpy(buf + n, p, k);
            n += k;
        } else {
            buf[n++] = (char)('a' + rand_r(seed) % 26);
        }
    }
    return n;
}

static void test_strings_random(void **state)
{
    (void)state;
    unsigned seed = 12345;
    char buf[256];
    for (int i = 0; i < 20000; i++) {
        size_t n = random_bytes(buf, sizeof buf, &seed);
        check_bytes(buf, n);
    }
    /* Long strings take the writer's other path (past its worst-case room). */
    static char big[40000];
    for (int i = 0; i < 20; i++) {
        size_t n = 0;
        while (n + sizeof buf <= sizeof big)
            n += random_bytes(big + n, sizeof buf, &seed);
        check_bytes(big, n);
    }
}

/* A random jansson value nested up to `depth`. */
static json_t *random_value(unsigned *seed, int depth)
{
    char buf[64];
    int r = rand_r(seed) % (depth > 0 ? 9 : 6);
    switch (r) {
    case 0: return json_null();
    case 1: return json_boolean(rand_r(seed) & 1);
    case 2: return json_integer((json_int_t)rand_r(seed) - RAND_MAX / 2);
    case 3: return json_integer(rand_r(seed) % 2 ? LLONG_MIN : LLONG_MAX);
    case 4:
    case 5: return proto_utf8_json_string(buf, random_bytes(buf, sizeof buf, seed));
    case 6:
    case 7: {
        json_t *a = json_array();
        for (int n = rand_r(seed) % 5; n > 0; n--)
            json_array_append_new(a, random_value(seed, depth - 1));
        return a;
    }
    default: {
        json_t *o = json_object();
        for (int n = rand_r(seed) % 5; n > 0; n--) {
            size_t k = random_bytes(buf, 16, seed);
            json_t *key = proto_utf8_json_string(buf, k);
            /* jansson keys are C strings: stop at a NUL */
            json_object_set_new(o, json_string_value(key), random_value(seed, depth - 1));
            json_decref(key);
        }
        return o;
    }
    }
}

static void test_nested_random(void **state)
{
    (void)state;
    unsigned seed = 777;
    for (int i = 0; i < 3000; i++) {
        json_t *v = random_value(&seed, 5);
        check_value(v);
        json_decref(v);
    }
}

static void test_nested_fixed(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "[]", "{}", "[[]]", "[{}]", "{\"a\": []}", "{\"a\": {}}", "[[], {}, [[]], 1]",
        "{\"a\": 1, \"b\": [1, 2, {\"c\": null}], \"d\": {\"e\": true, \"f\": false}}",
        "[1.5, -0.25, 1e300]", "\"top\"", "0", "-1", "null",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_t *v = json_loads(cases[i], JSON_DECODE_ANY, NULL);
        assert_non_null(v);
        check_value(v);
        json_decref(v);
    }
}

/* The calls a caller makes (keys, cstr, int, raw) give jansson's bytes. */
static void test_calls(void **state)
{
    (void)state;
    json_t *want = json_pack("{s:i, s:s, s:n, s:[I, I, b], s:{}, s:[], s:{s:s}}", "byline", 1, "file",
                             "a \"b\".md", "none", "ints", (json_int_t)LLONG_MIN, (json_int_t)0, 1,
                             "empty", "list", "raw", "k", "v");
    for (size_t k = 0; k < sizeof indents / sizeof *indents; k++) {
        char *s = json_dumps(want, jansson_flags(indents[k]));
        proto_jw w;
        proto_jw_init(&w, NULL, indents[k]);
        proto_jw_object_begin(&w);
        proto_jw_key(&w, "byline");
        proto_jw_int(&w, 1);
        proto_jw_key(&w, "file");
        proto_jw_cstr(&w, "a \"b\".md");
        proto_jw_key(&w, "none");
        proto_jw_cstr(&w, NULL);
        proto_jw_key(&w, "ints");
        proto_jw_array_begin(&w);
        proto_jw_int(&w, LLONG_MIN);
        proto_jw_int(&w, 0);
        proto_jw_bool(&w, true);
        proto_jw_array_end(&w);
        proto_jw_key(&w, "empty");
        proto_jw_object_begin(&w);
        proto_jw_object_end(&w);
        proto_jw_key(&w, "list");
        proto_jw_array_begin(&w);
        proto_jw_array_end(&w);
        proto_jw_key(&w, "raw");
        char *inner = json_dumps(json_object_get(want, "raw"), jansson_flags(0));
        if (indents[k] == 0)
            proto_jw_raw(&w, inner, strlen(inner));
        else
            proto_jw_json(&w, json_object_get(want, "raw"));
        free(inner);
        proto_jw_object_end(&w);
        size_t n;
        char *got = proto_jw_take(&w, &n);
        assert_string_equal(got, s);
        free(got);
        free(s);
    }
    json_decref(want);
}

/* FILE mode flushes in blocks; the stream gets every byte once. */
static void test_file_mode(void **state)
{
    (void)state;
    json_t *big = json_array();
    char buf[256];
    unsigned seed = 99;
    for (int i = 0; i < 5000; i++)
        json_array_append_new(big, proto_utf8_json_string(buf, random_bytes(buf, sizeof buf, &seed)));
    char *want = json_dumps(big, JSON_INDENT(1));
    char *mem = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&mem, &size);
    proto_jw w;
    proto_jw_init(&w, f, 1);
    proto_jw_json(&w, big);
    assert_int_equal(proto_jw_finish(&w), 0);
    proto_jw_free(&w);
    fclose(f);
    assert_int_equal(size, strlen(want));
    assert_memory_equal(mem, want, size);
    free(mem);
    free(want);
    json_decref(big);
}

/* Misuse is reported, never a crash. */
static void test_errors(void **state)
{
    (void)state;
    proto_jw w;
    proto_jw_init(&w, NULL, 0);
    proto_jw_array_end(&w); /* nothing open */
    size_t n;
    assert_null(proto_jw_take(&w, &n));
    proto_jw_init(&w, NULL, 0);
    for (int i = 0; i <= PROTO_JW_MAX_DEPTH; i++)
        proto_jw_array_begin(&w);
    assert_null(proto_jw_take(&w, &n));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_fixed), cmocka_unit_test(test_strings_random),
        cmocka_unit_test(test_nested_fixed),  cmocka_unit_test(test_nested_random),
        cmocka_unit_test(test_calls),         cmocka_unit_test(test_file_mode),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
