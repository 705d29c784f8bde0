/* test_config.c - lsp/config: defaults, settings objects, files, the search
 * for .byline.json and the user config, errors that leave defaults alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"

static char tmp_root[256];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup_tmp(void **state)
{
    (void)state;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/byline-config-XXXXXX");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown_tmp(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    return system(cmd) == 0 ? 0 : -1;
}

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *j = json_loads(text, 0, &err);
    assert_non_null(j);
    return j;
}

static void test_defaults(void **state)
{
    (void)state;
    config *cfg = config_new();
    assert_non_null(cfg);
    for (int r = 0; r < AN_RULE_COUNT; r++)
        assert_int_equal(cfg->severity[r], an_rule_default_severity((an_rule)r));
    assert_int_equal(cfg->max_document_size, 50u * 1024 * 1024);
    assert_int_equal(cfg->n_errors, 0);
    assert_int_equal(cfg->severity[AN_RULE_SOURCE_ANONYMOUS], AN_SEV_OFF);
    config_free(cfg);
    config_free(NULL);
}

static void test_apply_rules_lists_and_size(void **state)
{
    (void)state;
    config *cfg = config_new();
    json_t *s = parse("{\"rules\": {\"source.anonymous\": \"information\","
                      " \"person.full-name-repeated\": \"off\", \"quote.unbalanced\": \"warning\","
                      " \"acronym.undefined\": false},"
                      " \"names\": {\"house\": [\"Muammar Gaddafi\", \" Zoë Ball \", \"\"]},"
                      " \"acronyms\": {\"allowList\": [\"MEK\", \"IRGC\"]},"
                      " \"maxDocumentSize\": 1000}");
    assert_int_equal(config_apply_json(cfg, s, "test", NULL, NULL), 0);
    assert_int_equal(cfg->severity[AN_RULE_SOURCE_ANONYMOUS], AN_SEV_INFORMATION);
    assert_int_equal(cfg->severity[AN_RULE_PERSON_FULL_NAME_REPEATED], AN_SEV_OFF);
    assert_int_equal(cfg->severity[AN_RULE_QUOTE_UNBALANCED], AN_SEV_WARNING);
    assert_int_equal(cfg->severity[AN_RULE_ACRONYM_UNDEFINED], AN_SEV_OFF);
    assert_int_equal(cfg->n_house_names, 2);
    assert_string_equal(cfg->house_names[1].ptr, "Zoë Ball");
    assert_int_equal(cfg->n_allowed_acronyms, 2);
    assert_int_equal(cfg->max_document_size, 1000);
    an_options opt = config_options(cfg, AN_FORMAT_MARKDOWN);
    assert_int_equal(opt.format, AN_FORMAT_MARKDOWN);
    assert_int_equal(opt.n_house_names, 2);
    assert_int_equal(opt.n_allowed_acronyms, 2);
    assert_int_equal(opt.severity[AN_RULE_SOURCE_ANONYMOUS], AN_SEV_INFORMATION);
    json_decref(s);
    config_free(cfg);
}

static void test_bad_keys_leave_values(void **state)
{
    (void)state;
    config *cfg = config_new();
    const char *text = "{\n \"rules\": {\n  \"quote.nope\": \"error\",\n"
                       "  \"quote.unattributed\": \"loud\",\n  \"person.name-variant\": \"error\"\n },\n"
                       " \"names\": {\"house\": 3},\n \"colour\": 1,\n \"maxDocumentSize\": -5\n}";
    json_t *s = parse(text);
    assert_int_equal(config_apply_json(cfg, s, "/desk/.byline.json", text, NULL), 5);
    /* the good key applied, the bad ones kept their defaults */
    assert_int_equal(cfg->severity[AN_RULE_PERSON_NAME_VARIANT], AN_SEV_ERROR);
    assert_int_equal(cfg->severity[AN_RULE_QUOTE_UNATTRIBUTED], AN_SEV_WARNING);
    assert_int_equal(cfg->max_document_size, CONFIG_DEFAULT_MAX_DOCUMENT_SIZE);
    assert_string_equal(cfg->errors[0].file, "/desk/.byline.json");
    assert_string_equal(cfg->errors[0].key, "rules.quote.nope");
    assert_int_equal(cfg->errors[0].line, 3);
    assert_string_equal(cfg->errors[1].key, "rules.quote.unattributed");
    assert_int_equal(cfg->errors[1].line, 4);
    assert_string_equal(cfg->errors[2].key, "names.house");
    assert_string_equal(cfg->errors[3].key, "colour");
    assert_int_equal(cfg->errors[3].line, 8);
    assert_string_equal(cfg->errors[4].key, "maxDocumentSize");
    char buf[300];
    assert_string_equal(config_error_format(&cfg->errors[3], buf, sizeof buf),
                        "/desk/.byline.json:8: colour: unknown key (see docs/configuration.md)");
    json_decref(s);
    config_free(cfg);
}

static void test_wrapped_dotted_and_non_object(void **state)
{
    (void)state;
    config *cfg = config_new();
    json_t *s = parse("{\"byline\": {\"names.house\": [\"Sean McCormack\"],"
                      " \"acronyms.allowList\": [\"MEK\"]}}");
    assert_int_equal(config_apply_json(cfg, s, "workspace/didChangeConfiguration", NULL, NULL), 0);
    assert_int_equal(cfg->n_house_names, 1);
    assert_int_equal(cfg->n_allowed_acronyms, 1);
    json_decref(s);
    s = json_integer(3);
    assert_int_equal(config_apply_json(cfg, s, "initializationOptions", NULL, NULL), 1);
    assert_int_equal(cfg->n_house_names, 1);
    json_decref(s);
    assert_int_equal(config_apply_json(cfg, NULL, "x", NULL, NULL), 0);
    config_free(cfg);
}

/* The style switches of NEWSROOM §8, nested or dotted, and their bad values. */
static void test_style_switches(void **state)
{
    (void)state;
    config *cfg = config_new();
    an_options opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.later_reference, AN_LATER_SURNAME);
    assert_int_equal(opt.quotes_primary, AN_QUOTES_DOUBLE);
    assert_false(opt.acronyms_parenthetical);
    json_t *s = parse("{\"names\": {\"laterReference\": \"courtesyTitle\"},"
                      " \"quotes\": {\"primary\": \"single\"},"
                      " \"acronyms\": {\"parenthetical\": true},"
                      " \"sources\": {\"anonymousSeverity\": \"warning\"}}");
    assert_int_equal(config_apply_json(cfg, s, "test", NULL, NULL), 0);
    opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.later_reference, AN_LATER_COURTESY_TITLE);
    assert_int_equal(opt.quotes_primary, AN_QUOTES_SINGLE);
    assert_true(opt.acronyms_parenthetical);
    assert_int_equal(opt.severity[AN_RULE_SOURCE_ANONYMOUS], AN_SEV_WARNING);
    json_decref(s);
    /* editor settings, dotted, override key by key */
    s = parse("{\"byline\": {\"names.laterReference\": \"surname\", \"quotes.primary\": \"double\","
              " \"acronyms.parenthetical\": false, \"sources.anonymousSeverity\": false}}");
    assert_int_equal(config_apply_json(cfg, s, "workspace/didChangeConfiguration", NULL, NULL), 0);
    opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.later_reference, AN_LATER_SURNAME);
    assert_int_equal(opt.quotes_primary, AN_QUOTES_DOUBLE);
    assert_false(opt.acronyms_parenthetical);
    assert_int_equal(opt.severity[AN_RULE_SOURCE_ANONYMOUS], AN_SEV_OFF);
    json_decref(s);
    /* bad values are reported and change nothing */
    const char *text = "{\n \"names\": {\"laterReference\": \"Mr\"},\n \"quotes\": {\"primary\": 2},\n"
                       " \"acronyms\": {\"parenthetical\": \"yes\"},\n"
                       " \"sources\": {\"anonymousSeverity\": \"loud\", \"other\": 1}\n}";
    s = parse(text);
    assert_int_equal(config_apply_json(cfg, s, "/desk/.byline.json", text, NULL), 5);
    assert_string_equal(cfg->errors[0].key, "names.laterReference");
    assert_int_equal(cfg->errors[0].line, 2);
    assert_string_equal(cfg->errors[1].key, "quotes.primary");
    assert_string_equal(cfg->errors[2].key, "acronyms.parenthetical");
    assert_string_equal(cfg->errors[3].key, "sources.anonymousSeverity");
    assert_string_equal(cfg->errors[4].key, "sources.other");
    opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.later_reference, AN_LATER_SURNAME);
    assert_int_equal(opt.severity[AN_RULE_SOURCE_ANONYMOUS], AN_SEV_OFF);
    json_decref(s);
    config_free(cfg);
}

/* The NEWSROOM §8 switches added for issue #4: defaults, a file's nested
 * keys, editor settings dotted over them, and bad values left alone. */
static void test_more_style_switches(void **state)
{
    (void)state;
    config *cfg = config_new();
    an_options opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.juvenile_age, 15);
    assert_int_equal(opt.courtesy_title_period, AN_COURTESY_PERIOD);
    assert_int_equal(opt.quotes_punctuation, AN_PUNCT_LOGICAL);
    assert_false(opt.quotes_require_curly);
    assert_int_equal(opt.titles_composition, AN_TITLES_QUOTES);
    assert_int_equal(opt.acronyms_periods, AN_PERIODS_ANY);
    json_t *s = parse("{\"names\": {\"juvenileAge\": 17},"
                      " \"courtesyTitle\": {\"period\": false},"
                      " \"quotes\": {\"punctuation\": \"american\", \"requireCurly\": true},"
                      " \"titles\": {\"composition\": \"none\"},"
                      " \"acronyms\": {\"periods\": [\"U.S.\", \"U.N.\"]}}");
    assert_int_equal(config_apply_json(cfg, s, "test", NULL, NULL), 0);
    opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.juvenile_age, 17);
    assert_int_equal(opt.courtesy_title_period, AN_COURTESY_NO_PERIOD);
    assert_int_equal(opt.quotes_punctuation, AN_PUNCT_AMERICAN);
    assert_true(opt.quotes_require_curly);
    assert_int_equal(opt.titles_composition, AN_TITLES_NONE);
    assert_int_equal(opt.acronyms_periods, AN_PERIODS_DOTTED);
    assert_int_equal(opt.n_dotted_acronyms, 2);
    assert_string_equal(opt.dotted_acronyms[1].ptr, "U.N.");
    json_decref(s);
    s = parse("{\"byline\": {\"names.juvenileAge\": 0, \"courtesyTitle.period\": true,"
              " \"quotes.punctuation\": \"logical\", \"quotes.requireCurly\": false,"
              " \"titles.composition\": \"quotes\", \"acronyms.periods\": false}}");
    assert_int_equal(config_apply_json(cfg, s, "workspace/didChangeConfiguration", NULL, NULL), 0);
    opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.juvenile_age, 0);
    assert_int_equal(opt.courtesy_title_period, AN_COURTESY_PERIOD);
    assert_int_equal(opt.quotes_punctuation, AN_PUNCT_LOGICAL);
    assert_false(opt.quotes_require_curly);
    assert_int_equal(opt.titles_composition, AN_TITLES_QUOTES);
    assert_int_equal(opt.acronyms_periods, AN_PERIODS_NONE);
    assert_int_equal(opt.n_dotted_acronyms, 0);
    json_decref(s);
    const char *text = "{\n \"names\": {\"juvenileAge\": \"15\"},\n"
                       " \"courtesyTitle\": {\"period\": \"yes\", \"dot\": 1},\n"
                       " \"quotes\": {\"punctuation\": \"british\", \"requireCurly\": 1},\n"
                       " \"titles\": {\"composition\": \"italics\"},\n"
                       " \"acronyms\": {\"periods\": \"U.S.\"}\n}";
    s = parse(text);
    assert_int_equal(config_apply_json(cfg, s, "/desk/.byline.json", text, NULL), 7);
    assert_string_equal(cfg->errors[0].key, "names.juvenileAge");
    assert_int_equal(cfg->errors[0].line, 2);
    assert_string_equal(cfg->errors[2].key, "courtesyTitle.dot");
    assert_string_equal(cfg->errors[6].key, "acronyms.periods");
    opt = config_options(cfg, AN_FORMAT_PLAIN);
    assert_int_equal(opt.juvenile_age, 0);
    assert_int_equal(opt.quotes_punctuation, AN_PUNCT_LOGICAL);
    assert_int_equal(opt.acronyms_periods, AN_PERIODS_NONE);
    json_decref(s);
    config_free(cfg);
}

static void test_walk_up_and_list_file(void **state)
{
    (void)state;
    char dir[400], path[500];
    snprintf(dir, sizeof dir, "%s/desk", tmp_root);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/desk/stories", tmp_root);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/desk/names.txt", tmp_root);
    write_file(path, "# house names\nManouchehr Mottaki\n\nSean McCormack\r\n");
    snprintf(path, sizeof path, "%s/desk/.byline.json", tmp_root);
    write_file(path, "{\"names\": {\"house\": \"names.txt\"}, \"rules\": {\"quote.unattributed\": \"error\"}}");
    snprintf(path, sizeof path, "%s/desk/stories/talks.md", tmp_root);
    config *cfg = config_load_for_file(path);
    assert_non_null(cfg);
    assert_int_equal(cfg->n_errors, 0);
    assert_non_null(cfg->source);
    assert_non_null(strstr(cfg->source, "/desk/.byline.json"));
    assert_int_equal(cfg->severity[AN_RULE_QUOTE_UNATTRIBUTED], AN_SEV_ERROR);
    assert_int_equal(cfg->n_house_names, 2);
    assert_string_equal(cfg->house_names[1].ptr, "Sean McCormack");
    config_free(cfg);
}

static void test_broken_file_keeps_defaults(void **state)
{
    (void)state;
    char dir[400], path[500];
    snprintf(dir, sizeof dir, "%s/broken", tmp_root);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/.byline.json", dir);
    write_file(path, "{\n  \"rules\": {\n    \"quote.unattributed\": \"error\",\n  }\n}\n");
    snprintf(path, sizeof path, "%s/story.txt", dir);
    config *cfg = config_load_for_file(path);
    assert_non_null(cfg);
    assert_int_equal(cfg->n_errors, 1);
    assert_true(cfg->errors[0].line >= 3);
    assert_non_null(strstr(cfg->errors[0].message, "invalid JSON"));
    assert_int_equal(cfg->severity[AN_RULE_QUOTE_UNATTRIBUTED], AN_SEV_WARNING);
    config_free(cfg);
    /* a missing list file is an error naming the key; the rest applies */
    snprintf(path, sizeof path, "%s/.byline.json", dir);
    write_file(path, "{\"names\": {\"house\": \"missing.txt\"}, \"maxDocumentSize\": 10}");
    snprintf(path, sizeof path, "%s/story.txt", dir);
    cfg = config_load_for_file(path);
    assert_int_equal(cfg->n_errors, 1);
    assert_string_equal(cfg->errors[0].key, "names.house");
    assert_int_equal(cfg->max_document_size, 10);
    config_free(cfg);
}

static void test_user_config_fallback(void **state)
{
    (void)state;
    char dir[400], path[500];
    snprintf(dir, sizeof dir, "%s/xdg", tmp_root);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/xdg/byline", tmp_root);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/xdg/byline/config.json", tmp_root);
    write_file(path, "{\"acronyms\": {\"allowList\": [\"QRTF\"]}}");
    snprintf(path, sizeof path, "%s/plain", tmp_root);
    mkdir(path, 0700);
    setenv("XDG_CONFIG_HOME", dir, 1);
    snprintf(path, sizeof path, "%s/plain/story.txt", tmp_root);
    config *cfg = config_load_for_file(path);
    unsetenv("XDG_CONFIG_HOME");
    assert_non_null(cfg);
    assert_int_equal(cfg->n_errors, 0);
    assert_int_equal(cfg->n_allowed_acronyms, 1);
    assert_string_equal(cfg->allowed_acronyms[0].ptr, "QRTF");
    config_free(cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_apply_rules_lists_and_size),
        cmocka_unit_test(test_bad_keys_leave_values),
        cmocka_unit_test(test_wrapped_dotted_and_non_object),
        cmocka_unit_test(test_style_switches),
        cmocka_unit_test(test_more_style_switches),
        cmocka_unit_test(test_walk_up_and_list_file),
        cmocka_unit_test(test_broken_file_keeps_defaults),
        cmocka_unit_test(test_user_config_fallback),
    };
    return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
