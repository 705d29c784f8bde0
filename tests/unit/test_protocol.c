/* test_protocol.c - the protocol layer: framing, JSON-RPC messages,
 * position encodings and the line index, LSP types. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "protocol/framing.h"
#include "protocol/jsonrpc.h"
#include "protocol/lsp_types.h"
#include "protocol/position.h"

/* ---- framing ------------------------------------------------------------ */

static int next_body(proto_reader *r, char *out, size_t size)
{
    proto_str body;
    proto_error err;
    int rc = proto_reader_next(r, &body, &err);
    if (rc == PROTO_READ_MESSAGE) {
        assert_true(body.len < size);
        memcpy(out, body.ptr, body.len);
        out[body.len] = '\0';
    }
    return rc;
}

static void test_framing_several_messages_one_feed(void **state)
{
    (void)state;
    proto_reader r;
    proto_reader_init(&r, 0);
    const char in[] = "Content-Length: 2\r\n\r\n{}Content-Length: 3\r\nContent-Type: x\r\n\r\n[1]";
    assert_int_equal(proto_reader_feed(&r, in, sizeof in - 1), 0);
    char body[64];
    assert_int_equal(next_body(&r, body, sizeof body), PROTO_READ_MESSAGE);
    assert_string_equal(body, "{}");
    assert_int_equal(next_body(&r, body, sizeof body), PROTO_READ_MESSAGE);
    assert_string_equal(body, "[1]");
    assert_int_equal(next_body(&r, body, sizeof body), PROTO_READ_MORE);
    assert_false(proto_reader_pending(&r));
    proto_reader_free(&r);
}

static void test_framing_byte_by_byte(void **state)
{
    (void)state;
    proto_reader r;
    proto_reader_init(&r, 0);
    const char in[] = "Content-Length: 13\r\n\r\n\"h\xC3\xA9llo \xF0\x9F\x98\x80\"";
    char body[64];
    for (size_t i = 0; i + 1 < sizeof in - 1; i++) {
        proto_reader_feed(&r, in + i, 1);
        assert_int_equal(next_body(&r, body, sizeof body), PROTO_READ_MORE);
    }
    assert_true(proto_reader_pending(&r));
    proto_reader_feed(&r, in + sizeof in - 2, 1);
    assert_int_equal(next_body(&r, body, sizeof body), PROTO_READ_MESSAGE);
    assert_string_equal(body, "\"h\xC3\xA9llo \xF0\x9F\x98\x80\"");
    proto_reader_free(&r);
}

static void test_framing_bad_headers_resync(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "Content-Length: abc\r\n\r\n",  "Content-Length: -1\r\n\r\n",
        "Content-Length: 1\r\nContent-Length: 2\r\n\r\n", "garbage\r\n\r\n",
        "X-Other: 1\r\n\r\n",           "Content-Length: 123456789012345678\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        proto_reader r;
        proto_reader_init(&r, 1024);
        proto_reader_feed(&r, bad[i], strlen(bad[i]));
        const char good[] = "Content-Length: 2\r\n\r\n{}";
        proto_reader_feed(&r, good, sizeof good - 1);
        char body[64];
        proto_str b;
        proto_error err;
        assert_int_equal(proto_reader_next(&r, &b, &err), PROTO_READ_ERROR);
        assert_int_equal(err.code, PROTO_ERR_PARSE);
        assert_non_null(strstr(err.message, "bad message header"));
        assert_int_equal(next_body(&r, body, sizeof body), PROTO_READ_MESSAGE);
        assert_string_equal(body, "{}");
        proto_reader_free(&r);
    }
}

static void test_framing_limit_and_garbage(void **state)
{
    (void)state;
    proto_reader r;
    proto_reader_init(&r, 10);
    const char in[] = "Content-Length: 11\r\n\r\n01234567890";
    proto_reader_feed(&r, in, sizeof in - 1);
    proto_str b;
    proto_error err;
    assert_int_equal(proto_reader_next(&r, &b, &err), PROTO_READ_ERROR);
    assert_non_null(strstr(err.message, "maximum"));
    assert_int_equal(proto_reader_next(&r, &b, &err), PROTO_READ_MORE);
    /* Megabytes of garbage without a line end: reported once, memory bounded. */
    char junk[4096];
    memset(junk, 'x', sizeof junk);
    int errors = 0;
    for (int i = 0; i < 1024; i++) {
        proto_reader_feed(&r, junk, sizeof junk);
        while (proto_reader_next(&r, &b, &err) == PROTO_READ_ERROR)
            errors++;
    }
    assert_true(errors <= 1);
    assert_true(r.cap <= 65536);
    proto_reader_free(&r);
}

/* ---- JSON-RPC ----------------------------------------------------------- */

static void test_jsonrpc_kinds(void **state)
{
    (void)state;
    proto_message m;
    proto_error err;
    const char *req = "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"m\",\"params\":{\"x\":1}}";
    assert_int_equal(proto_message_parse(req, strlen(req), &m, &err), 0);
    assert_int_equal(m.kind, PROTO_MSG_REQUEST);
    assert_string_equal(m.method, "m");
    assert_string_equal(json_string_value(m.id), "a");
    assert_int_equal(json_integer_value(proto_get(m.params, "x")), 1);
    proto_message_clear(&m);
    const char *note = "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}";
    assert_int_equal(proto_message_parse(note, strlen(note), &m, &err), 0);
    assert_int_equal(m.kind, PROTO_MSG_NOTIFICATION);
    assert_null(m.params);
    proto_message_clear(&m);
    const char *resp = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":null}";
    assert_int_equal(proto_message_parse(resp, strlen(resp), &m, &err), 0);
    assert_int_equal(m.kind, PROTO_MSG_RESPONSE);
    proto_message_clear(&m);
}

static void test_jsonrpc_errors(void **state)
{
    (void)state;
    static const struct {
        const char *body;
        int code;
        int has_id;
    } cases[] = {
        {"{\"jsonrpc\":\"2.0\",", PROTO_ERR_PARSE, 0},
        {"", PROTO_ERR_PARSE, 0},
        {"[]", PROTO_ERR_INVALID_REQUEST, 0},
        {"{\"id\":1,\"method\":\"m\"}", PROTO_ERR_INVALID_REQUEST, 1},
        {"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":3}", PROTO_ERR_INVALID_REQUEST, 1},
        {"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"m\",\"params\":5}", PROTO_ERR_INVALID_REQUEST, 1},
        {"{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}", PROTO_ERR_INVALID_REQUEST, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        proto_message m;
        proto_error err;
        assert_int_equal(proto_message_parse(cases[i].body, strlen(cases[i].body), &m, &err), -1);
        assert_int_equal(err.code, cases[i].code);
        assert_int_equal(m.id != NULL, cases[i].has_id);
        proto_message_clear(&m);
    }
    /* 100,000 levels of nesting: a parse error, not a crash. */
    size_t depth = 100000;
    char *deep = malloc(depth * 2);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    proto_message m;
    proto_error err;
    assert_int_equal(proto_message_parse(deep, depth * 2, &m, &err), -1);
    assert_int_equal(err.code, PROTO_ERR_PARSE);
    proto_message_clear(&m);
    free(deep);
}

/* Lone surrogates (legal in an editor's UTF-16 text) become U+FFFD. */
static void test_jsonrpc_lone_surrogates(void **state)
{
    (void)state;
    const char *body = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":"
                       "\"a\\ud800b\\udc00c\\ud83d\\ude00d\\\\ud800\"}}";
    proto_message m;
    proto_error err;
    assert_int_equal(proto_message_parse(body, strlen(body), &m, &err), 0);
    assert_string_equal(json_string_value(proto_get(m.params, "t")),
                        "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xF0\x9F\x98\x80" "d\\ud800");
    proto_message_clear(&m);
}

static void test_jsonrpc_build(void **state)
{
    (void)state;
    json_t *id = json_integer(4);
    json_t *r = proto_error_response_new(id, PROTO_ERR_METHOD_NOT_FOUND, "nope");
    char *s = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);
    assert_string_equal(s, "{\"error\":{\"code\":-32601,\"message\":\"nope\"},\"id\":4,\"jsonrpc\":\"2.0\"}");
    free(s);
    json_decref(r);
    r = proto_response_new(NULL, NULL);
    s = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);
    assert_string_equal(s, "{\"id\":null,\"jsonrpc\":\"2.0\",\"result\":null}");
    free(s);
    json_decref(r);
    json_decref(id);
}

/* ---- positions ---------------------------------------------------------- */

/* "Zoë 😀 北京\r\nx": Z o ë(2 bytes) space 😀(4) space 北(3) 京(3). */
static const char mixed[] = "Zo\xC3\xAB \xF0\x9F\x98\x80 \xE5\x8C\x97\xE4\xBA\xAC\r\nx";

static void test_position_encodings(void **state)
{
    (void)state;
    proto_lines li;
    size_t len = sizeof mixed - 1;
    assert_int_equal(proto_lines_build(&li, mixed, len), 0);
    proto_text t = {mixed, len, &li};
    /* byte offsets of each character start, and the end of line 0 */
    static const size_t bytes[] = {0, 1, 2, 4, 5, 9, 10, 13, 16};
    static const size_t u16[] = {0, 1, 2, 3, 4, 6, 7, 8, 9};
    static const size_t u32[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    for (size_t i = 0; i < 9; i++) {
        unsigned f;
        assert_int_equal(proto_offset_at(t, (proto_position){0, u16[i]}, PROTO_ENC_UTF16, &f), bytes[i]);
        assert_int_equal(f, 0);
        assert_int_equal(proto_offset_at(t, (proto_position){0, u32[i]}, PROTO_ENC_UTF32, &f), bytes[i]);
        assert_int_equal(f, 0);
        assert_int_equal(proto_offset_at(t, (proto_position){0, bytes[i]}, PROTO_ENC_UTF8, &f), bytes[i]);
        assert_int_equal(f, 0);
        assert_int_equal(proto_position_at(t, bytes[i], PROTO_ENC_UTF16).character, u16[i]);
        assert_int_equal(proto_position_at(t, bytes[i], PROTO_ENC_UTF32).character, u32[i]);
        assert_int_equal(proto_position_at(t, bytes[i], PROTO_ENC_UTF8).character, bytes[i]);
    }
    proto_lines_free(&li);
}

static void test_position_snap_clamp_past_end(void **state)
{
    (void)state;
    proto_lines li;
    size_t len = sizeof mixed - 1;
    proto_lines_build(&li, mixed, len);
    proto_text t = {mixed, len, &li};
    unsigned f;
    /* inside the surrogate pair: snaps to the emoji's start */
    assert_int_equal(proto_offset_at(t, (proto_position){0, 5}, PROTO_ENC_UTF16, &f), 5);
    assert_int_equal(f, PROTO_POS_SNAPPED);
    /* inside ë in UTF-8 */
    assert_int_equal(proto_offset_at(t, (proto_position){0, 3}, PROTO_ENC_UTF8, &f), 2);
    assert_int_equal(f, PROTO_POS_SNAPPED);
    /* past the line end: before the \r\n */
    assert_int_equal(proto_offset_at(t, (proto_position){0, 99}, PROTO_ENC_UTF16, &f), 16);
    assert_int_equal(f, PROTO_POS_CLAMPED);
    assert_int_equal(proto_offset_at(t, (proto_position){1, 1}, PROTO_ENC_UTF16, &f), len);
    assert_int_equal(f, 0);
    assert_int_equal(proto_offset_at(t, (proto_position){5, 0}, PROTO_ENC_UTF16, &f), len);
    assert_int_equal(f, PROTO_POS_PAST_END);
    /* an offset in the line end reports the end of the content */
    proto_position p = proto_position_at(t, 17, PROTO_ENC_UTF16);
    assert_int_equal(p.line, 0);
    assert_int_equal(p.character, 9);
    p = proto_position_at(t, 18, PROTO_ENC_UTF16);
    assert_int_equal(p.line, 1);
    assert_int_equal(p.character, 0);
    assert_int_equal(proto_line_content_end(t, 0), 16);
    proto_lines_free(&li);
}

static void test_position_invalid_utf8(void **state)
{
    (void)state;
    /* each invalid byte is one U+FFFD: one unit in every encoding but UTF-8 */
    const char text[] = "a\xFF\xC3z\xF0\x9F\x98";
    proto_lines li;
    proto_lines_build(&li, text, sizeof text - 1);
    proto_text t = {text, sizeof text - 1, &li};
    unsigned f;
    assert_int_equal(proto_offset_at(t, (proto_position){0, 3}, PROTO_ENC_UTF16, &f), 3);
    assert_int_equal(proto_position_at(t, 4, PROTO_ENC_UTF16).character, 4);
    assert_int_equal(proto_position_at(t, sizeof text - 1, PROTO_ENC_UTF32).character, 7);
    proto_lines_free(&li);
}

/* Random edits: the incremental line index always equals a rebuilt one. */
static void test_lines_edit_matches_rebuild(void **state)
{
    (void)state;
    char text[512] = "one\ntwo\r\nthree\n\nfour";
    size_t len = strlen(text);
    proto_lines li;
    proto_lines_build(&li, text, len);
    unsigned seed = 12345;
    static const char *const inserts[] = {"", "x", "\n", "a\nb\n", "\r\n", "\n\n\n", "long text"};
    for (int i = 0; i < 2000; i++) {
        seed = seed * 1103515245u + 12345u;
        size_t start = len ? (seed >> 8) % (len + 1) : 0;
        size_t old_len = (seed >> 4) % 6;
        if (start + old_len > len)
            old_len = len - start;
        const char *ins = inserts[(seed >> 16) % 7];
        size_t n = strlen(ins);
        if (len - old_len + n >= sizeof text)
            continue;
        memmove(text + start + n, text + start + old_len, len - start - old_len);
        memcpy(text + start, ins, n);
        len = len - old_len + n;
        assert_int_equal(proto_lines_edit(&li, text, len, start, old_len, n), 0);
        proto_lines ref;
        proto_lines_build(&ref, text, len);
        assert_int_equal(li.count, ref.count);
        assert_memory_equal(li.starts, ref.starts, ref.count * sizeof *ref.starts);
        proto_lines_free(&ref);
    }
    proto_lines_free(&li);
}

/* ---- LSP types ---------------------------------------------------------- */

static void test_lsp_types(void **state)
{
    (void)state;
    json_t *j = json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line", 1, "character", 2, "end",
                          "line", 3, "character", 4);
    proto_position a, b;
    assert_int_equal(proto_range_from_json(j, &a, &b), 0);
    assert_int_equal(a.line, 1);
    assert_int_equal(b.character, 4);
    json_object_set_new(json_object_get(j, "end"), "line", json_integer(-3));
    assert_int_equal(proto_range_from_json(j, &a, &b), -1);
    json_decref(j);
    char *p = proto_uri_to_path("file:///tmp/a%20b/%C3%A9.md");
    assert_string_equal(p, "/tmp/a b/\xC3\xA9.md");
    free(p);
    assert_null(proto_uri_to_path("untitled:Untitled-1"));
    assert_null(proto_uri_to_path("file:///bad%2"));
    assert_null(proto_uri_to_path("file:///nul%00byte"));
    assert_int_equal(proto_encoding_from_name("utf-32"), PROTO_ENC_UTF32);
    assert_int_equal(proto_encoding_from_name("utf-7"), -1);
}

static void test_diagnostic_json(void **state)
{
    (void)state;
    const char text[] = "\xF0\x9F\x98\x80 \"Hi,\" he said.";
    proto_lines li;
    proto_lines_build(&li, text, sizeof text - 1);
    proto_text t = {text, sizeof text - 1, &li};
    an_diagnostic d = {AN_RULE_QUOTE_UNATTRIBUTED, AN_SEV_WARNING, {5, 11}, {"no speaker", 10},
                       {0, 4}, {"here", 4}, {NULL, 0}};
    proto_diag_style style = {"file:///a.txt", "https://example.org/rules/", 1};
    json_t *j = proto_diagnostic_to_json(&d, t, PROTO_ENC_UTF16, &style);
    char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
    assert_string_equal(
        s, "{\"code\":\"quote.unattributed\",\"codeDescription\":{\"href\":\"https://example.org/rules/"
           "quote.unattributed.md\"},\"message\":\"no speaker\",\"range\":{\"end\":{\"character\":9,"
           "\"line\":0},\"start\":{\"character\":3,\"line\":0}},\"relatedInformation\":[{\"location\":"
           "{\"range\":{\"end\":{\"character\":2,\"line\":0},\"start\":{\"character\":0,\"line\":0}},"
           "\"uri\":\"file:///a.txt\"},\"message\":\"here\"}],\"severity\":2,\"source\":\"byline\"}");
    free(s);
    json_decref(j);
    proto_lines_free(&li);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_framing_several_messages_one_feed),
        cmocka_unit_test(test_framing_byte_by_byte),
        cmocka_unit_test(test_framing_bad_headers_resync),
        cmocka_unit_test(test_framing_limit_and_garbage),
        cmocka_unit_test(test_jsonrpc_kinds),
        cmocka_unit_test(test_jsonrpc_errors),
        cmocka_unit_test(test_jsonrpc_lone_surrogates),
        cmocka_unit_test(test_jsonrpc_build),
        cmocka_unit_test(test_position_encodings),
        cmocka_unit_test(test_position_snap_clamp_past_end),
        cmocka_unit_test(test_position_invalid_utf8),
        cmocka_unit_test(test_lines_edit_matches_rebuild),
        cmocka_unit_test(test_lsp_types),
        cmocka_unit_test(test_diagnostic_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
