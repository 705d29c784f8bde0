/* test_lsp.c - the server's document store: incremental edits, the edit
 * log, and answering from a stale analysis mapped through the edits. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "lsp.h"

static lsp_server *server_new(void)
{
    lsp_server *s = calloc(1, sizeof *s);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->work, NULL);
    pthread_cond_init(&s->done, NULL);
    s->out_fd = open("/dev/null", O_WRONLY);
    s->state = LSP_STATE_RUNNING;
    s->caps.encoding = PROTO_ENC_UTF16;
    return s;
}

static void server_free(lsp_server *s)
{
    lsp_documents_close_all(s);
    close(s->out_fd);
    pthread_cond_destroy(&s->work);
    pthread_cond_destroy(&s->done);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

static void open_doc(lsp_server *s, const char *uri, const char *text)
{
    json_t *p = json_pack("{s:{s:s, s:s, s:i, s:s}}", "textDocument", "uri", uri, "languageId",
                          "plaintext", "version", 1, "text", text);
    lsp_handle_did_open(s, p);
    json_decref(p);
}

static void insert(lsp_server *s, const char *uri, int line, int ch, const char *text)
{
    json_t *p = json_pack("{s:{s:s, s:i}, s:[{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}]}", "textDocument",
                          "uri", uri, "version", 9, "contentChanges", "range", "start", "line", line,
                          "character", ch, "end", "line", line, "character", ch, "text", text);
    lsp_handle_did_change(s, p);
    json_decref(p);
}

/* What the worker does: analyse the current text and install the model. */
static void analyse_now(lsp_document *d)
{
    lsp_model *m = calloc(1, sizeof *m);
    m->doc = an_doc_new(d->text, d->len, NULL);
    an_str t = an_doc_text(m->doc);
    proto_lines_build(&m->lines, t.ptr, t.len);
    m->rev = d->rev;
    lsp_model_free(d->model);
    d->model = m;
    lsp_document_prune_edits(d);
}

static void test_edits_and_lines(void **state)
{
    (void)state;
    lsp_server *s = server_new();
    open_doc(s, "file:///t.txt", "ab\r\ncd");
    lsp_document *d = lsp_documents_find(s, "file:///t.txt");
    assert_non_null(d);
    insert(s, "file:///t.txt", 1, 1, "X\nY");
    assert_int_equal(d->len, 9);
    assert_memory_equal(d->text, "ab\r\ncX\nYd", 9);
    assert_int_equal(d->lines.count, 3);
    assert_int_equal(d->version, 9);
    /* inside the CRLF is clamped to the line end */
    insert(s, "file:///t.txt", 0, 3, "!");
    assert_memory_equal(d->text, "ab!\r\ncX\nYd", 10);
    server_free(s);
}

static void test_view_maps_through_edits(void **state)
{
    (void)state;
    lsp_server *s = server_new();
    open_doc(s, "file:///v.txt", "one two three\nfour five");
    lsp_document *d = lsp_documents_find(s, "file:///v.txt");
    lsp_view v;
    assert_int_equal(lsp_document_view(d, PROTO_ENC_UTF16, &v), LSP_WAIT); /* no model yet */
    analyse_now(d);
    assert_int_equal(lsp_document_view(d, PROTO_ENC_UTF16, &v), 0);
    insert(s, "file:///v.txt", 0, 4, "big ");  /* "one big two three" */
    insert(s, "file:///v.txt", 1, 0, "\n");    /* a new line before "four" */
    assert_int_equal(d->n_edits, 2);
    assert_int_equal(lsp_document_view(d, PROTO_ENC_UTF16, &v), 0);
    size_t m;
    /* "two" is at 8 now, 4 in the model */
    assert_int_equal(lsp_view_to_model(&v, 8, &m), 0);
    assert_int_equal(m, 4);
    assert_int_equal(lsp_view_to_current(&v, 4, 0), 8);
    assert_int_equal(lsp_view_to_current(&v, 4, 1), 4); /* "one" ends where "big " went in */
    /* text typed since the analysis has no model offset */
    assert_int_equal(lsp_view_to_model(&v, 5, &m), -1);
    /* "four" moved a line down */
    assert_int_equal(lsp_view_line(&v, 14), 3);
    json_t *r = lsp_view_range(&v, (an_span){14, 18});
    assert_int_equal(json_integer_value(proto_get(r, "start.line")), 2);
    assert_int_equal(json_integer_value(proto_get(r, "end.character")), 4);
    json_decref(r);
    /* the next analysis catches up: the log empties */
    analyse_now(d);
    assert_int_equal(d->n_edits, 0);
    server_free(s);
}

static void test_full_change_makes_model_unmappable(void **state)
{
    (void)state;
    lsp_server *s = server_new();
    open_doc(s, "file:///f.txt", "old text");
    lsp_document *d = lsp_documents_find(s, "file:///f.txt");
    analyse_now(d);
    json_t *p = json_pack("{s:{s:s, s:i}, s:[{s:s}]}", "textDocument", "uri", "file:///f.txt",
                          "version", 2, "contentChanges", "text", "new");
    lsp_handle_did_change(s, p);
    json_decref(p);
    lsp_view v;
    assert_int_equal(lsp_document_view(d, PROTO_ENC_UTF16, &v), LSP_WAIT);
    json_t *result = NULL;
    const char *msg = NULL;
    json_t *hp = json_pack("{s:{s:s}, s:{s:i, s:i}}", "textDocument", "uri", "file:///f.txt",
                           "position", "line", 0, "character", 1);
    assert_int_equal(lsp_handle_hover(s, hp, &result, &msg), LSP_WAIT);
    analyse_now(d);
    assert_int_equal(lsp_handle_hover(s, hp, &result, &msg), 0);
    json_decref(result);
    json_decref(hp);
    server_free(s);
}

static void test_rejected_edits_leave_text(void **state)
{
    (void)state;
    lsp_server *s = server_new();
    open_doc(s, "file:///r.txt", "a\xF0\x9F\x98\x80z");
    lsp_document *d = lsp_documents_find(s, "file:///r.txt");
    insert(s, "file:///r.txt", 0, 2, "X"); /* inside the surrogate pair */
    insert(s, "file:///r.txt", 4, 0, "X"); /* past the end */
    assert_int_equal(d->len, 6);
    assert_memory_equal(d->text, "a\xF0\x9F\x98\x80z", 6);
    assert_int_equal(d->version, 1);
    assert_int_equal(d->n_edits, 0);
    insert(s, "file:///r.txt", 0, 3, "X"); /* after the emoji */
    assert_memory_equal(d->text, "a\xF0\x9F\x98\x80Xz", 7);
    server_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edits_and_lines),
        cmocka_unit_test(test_view_maps_through_edits),
        cmocka_unit_test(test_full_change_makes_model_unmappable),
        cmocka_unit_test(test_rejected_edits_leave_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
