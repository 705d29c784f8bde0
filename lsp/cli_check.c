/* cli_check.c - `byline check`: the rule catalogue over files, as text,
 * JSON or SARIF 2.1.0, with an exit code for scripts and CI. Reads only;
 * never writes to the files it checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "protocol/model_json.h"
#include "protocol/utf.h"

#ifndef BYLINE_VERSION
#define BYLINE_VERSION "0.0.0"
#endif

static const char cli__check_usage[] =
    "usage: byline check [OPTIONS] FILE...|-\n"
    "Checks news drafts against the newsroom rules (docs/rules.md) and prints\n"
    "one line per finding: FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE].\n"
    "\n"
    "Options:\n"
    "  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0)\n"
    "  --fail-on error|warning|information|hint\n"
    "                             exit 1 when a finding is at least this severe\n"
    "                             (default warning)\n"
    "  --config FILE              use this configuration file instead of searching\n"
    "                             for .byline.json (docs/configuration.md)\n"
    "  --markdown, --plain        read the files as Markdown or plain text (default:\n"
    "                             by extension, .md is Markdown)\n"
    "  -h, --help                 print this help\n"
    "\n"
    "Exit status: 0 nothing reaches --fail-on, 1 something does, 2 a usage, file\n"
    "or configuration error (one line on standard error).\n";

enum { CHECK_TEXT, CHECK_JSON, CHECK_SARIF };

typedef struct check_run {
    int format;
    an_severity fail_on;
    const char *config_path;
    int doc_format; /* -1: by extension */
    int status;     /* 0, 1 or 2 */
    json_t *files;  /* JSON: per-file objects */
    json_t *results;/* SARIF: results */
    json_t *artifacts;
    char **reported_configs; /* config files whose errors were printed */
    size_t n_reported;
} check_run;

static int check__parse_severity(const char *s, an_severity *out)
{
    static const struct {
        const char *name;
        an_severity sev;
    } names[] = {{"error", AN_SEV_ERROR}, {"warning", AN_SEV_WARNING},
                 {"information", AN_SEV_INFORMATION}, {"info", AN_SEV_INFORMATION},
                 {"hint", AN_SEV_HINT}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].sev;
            return 0;
        }
    return -1;
}

/* Parses the options; returns the index of the first FILE, or -1 (usage
 * error, message printed) or -2 (--help printed). */
static int check__options(check_run *run, int argc, char **argv)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--") == 0)
            return i + 1;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(cli__check_usage, stdout);
            return -2;
        }
        if (strcmp(a, "--markdown") == 0 || strcmp(a, "--plain") == 0) {
            run->doc_format = a[2] == 'm' ? AN_FORMAT_MARKDOWN : AN_FORMAT_PLAIN;
            continue;
        }
        if (strcmp(a, "--format") == 0 || strcmp(a, "--fail-on") == 0 || strcmp(a, "--config") == 0) {
            if (!val) {
                fprintf(stderr, "byline check: %s needs a value (try 'byline check --help')\n", a);
                return -1;
            }
            i++;
            if (a[2] == 'c') {
                run->config_path = val;
            } else if (a[3] == 'a') {
                if (check__parse_severity(val, &run->fail_on) != 0) {
                    fprintf(stderr, "byline check: --fail-on takes error, warning, information "
                                    "or hint, not '%s'\n", val);
                    return -1;
                }
            } else if (strcmp(val, "text") == 0 || strcmp(val, "json") == 0 ||
                       strcmp(val, "sarif") == 0) {
                run->format = val[0] == 't' ? CHECK_TEXT : val[0] == 'j' ? CHECK_JSON : CHECK_SARIF;
            } else {
                fprintf(stderr, "byline check: --format takes text, json or sarif, not '%s'\n", val);
                return -1;
            }
            continue;
        }
        if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "byline check: unknown option '%s' (try 'byline check --help')\n", a);
            return -1;
        }
        return i;
    }
    return i;
}

/* Prints a configuration's errors once per configuration file. */
static void check__config_errors(check_run *run, const config *cfg)
{
    if (cfg->n_errors == 0)
        return;
    const char *key = cfg->source ? cfg->source : cfg->errors[0].file;
    for (size_t i = 0; i < run->n_reported; i++)
        if (strcmp(run->reported_configs[i], key) == 0)
            return;
    char **grown = realloc(run->reported_configs, (run->n_reported + 1) * sizeof *grown);
    char *copy = malloc(strlen(key) + 1);
    if (grown)
        run->reported_configs = grown;
    if (grown && copy) {
        strcpy(copy, key);
        run->reported_configs[run->n_reported++] = copy;
    } else {
        free(copy);
    }
    for (size_t i = 0; i < cfg->n_errors; i++) {
        char buf[1024];
        fprintf(stderr, "byline: %s\n", config_error_format(&cfg->errors[i], buf, sizeof buf));
    }
    run->status = 2;
}

/* A URI reference for a path: unreserved bytes kept, others %-escaped. */
static json_t *check__uri(const char *path)
{
    if (strcmp(path, "-") == 0)
        return json_string("stdin");
    size_t n = strlen(path);
    char *out = malloc(n * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    *o = '\0';
    json_t *s = json_string(out);
    free(out);
    return s;
}

static const char *check__sarif_level(an_severity s)
{
    return s == AN_SEV_ERROR ? "error" : s == AN_SEV_WARNING ? "warning" : "note";
}

/* A SARIF region for a byte span: lines and columns 1-based, columns in
 * Unicode code points (run.columnKind), plus the exact bytes. */
static json_t *check__region(const an_doc *doc, proto_cursor *c, an_span sp)
{
    size_t l1, c1, l2, c2;
    proto_line_column_with(doc, c, sp.start, &l1, &c1);
    proto_line_column_with(doc, c, sp.end, &l2, &c2);
    return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "startLine", (json_int_t)l1, "startColumn",
                     (json_int_t)c1, "endLine", (json_int_t)l2, "endColumn", (json_int_t)c2,
                     "byteOffset", (json_int_t)sp.start, "byteLength",
                     (json_int_t)(sp.end - sp.start));
}

static json_t *check__location(const an_doc *doc, proto_cursor *c, const char *path, an_span sp)
{
    return json_pack("{s:{s:{s:o}, s:o}}", "physicalLocation", "artifactLocation", "uri",
                     check__uri(path), "region", check__region(doc, c, sp));
}

static json_t *check__sarif_result(const an_doc *doc, proto_cursor *c, const char *path,
                                   const an_diagnostic *d)
{
    json_t *r = json_pack("{s:s, s:i, s:s, s:{s:o}, s:[o]}", "ruleId", an_rule_name(d->rule),
                          "ruleIndex", (int)d->rule, "level", check__sarif_level(d->severity),
                          "message", "text", proto_utf8_json_string(d->message.ptr, d->message.len),
                          "locations",
                          check__location(doc, c, path, d->span));
    if (d->related.end > d->related.start) {
        json_t *rel = check__location(doc, c, path, d->related);
        json_object_set_new(rel, "id", json_integer(1));
        json_object_set_new(rel, "message", json_pack("{s:o}", "text", proto_utf8_json_string(d->related_message.ptr, d->related_message.len)));
        json_object_set_new(r, "relatedLocations", json_pack("[o]", rel));
    }
    if (d->replacement.ptr) {
        char desc[256];
        snprintf(desc, sizeof desc, "Replace with \xE2\x80\x9C%.*s\xE2\x80\x9D",
                 (int)(d->replacement.len > 200 ? 200 : d->replacement.len), d->replacement.ptr);
        json_t *fix = json_pack(
            "{s:{s:o}, s:[{s:{s:o}, s:[{s:o, s:{s:o}}]}]}", "description", "text",
            proto_utf8_json_string(desc, strlen(desc)), "artifactChanges", "artifactLocation", "uri",
            check__uri(path), "replacements", "deletedRegion", check__region(doc, c, d->span),
            "insertedContent", "text", proto_utf8_json_string(d->replacement.ptr, d->replacement.len));
        if (fix)
            json_object_set_new(r, "fixes", json_pack("[o]", fix));
    }
    return r;
}

static void check__text(const an_doc *doc, proto_cursor *c, const char *path,
                        const an_diagnostic *d)
{
    size_t line, column;
    proto_line_column_with(doc, c, d->span.start, &line, &column);
    printf("%s:%zu:%zu: %s: %s [%s]\n", path, line, column, proto_severity_name(d->severity),
           d->message.ptr, an_rule_name(d->rule));
}

/* Reports one analysed file in the chosen format. */
static void check__report(check_run *run, const an_doc *doc, const char *path)
{
    size_t n;
    const an_diagnostic *d = an_doc_diagnostics(doc, &n);
    an_str text = an_doc_text(doc);
    proto_cursor c; /* diagnostics are sorted: positions in one walk */
    proto_cursor_init(&c, text.ptr, text.len, PROTO_ENC_UTF32);
    for (size_t i = 0; i < n; i++) {
        if (d[i].severity != AN_SEV_OFF && d[i].severity <= run->fail_on && run->status == 0)
            run->status = 1;
        if (run->format == CHECK_TEXT)
            check__text(doc, &c, path, &d[i]);
        else if (run->format == CHECK_SARIF)
            json_array_append_new(run->results, check__sarif_result(doc, &c, path, &d[i]));
    }
    proto_cursor_free(&c);
    if (run->format == CHECK_JSON) {
        json_t *model = proto_model_to_json(doc, path);
        json_t *diags = model ? json_object_get(model, "diagnostics") : NULL;
        json_array_append_new(run->files, json_pack("{s:o, s:O}", "file",
                                                    proto_utf8_json_string(path, strlen(path)),
                                                    "diagnostics", diags ? diags : json_array()));
        json_decref(model);
    } else if (run->format == CHECK_SARIF) {
        json_array_append_new(run->artifacts,
                              json_pack("{s:{s:o}}", "location", "uri", check__uri(path)));
    }
}

static config *check__config(check_run *run, const char *path)
{
    config *cfg;
    if (run->config_path) {
        cfg = config_new();
        if (cfg)
            config_load_file(cfg, run->config_path);
    } else {
        cfg = config_load_for_file(path);
    }
    if (cfg)
        check__config_errors(run, cfg);
    return cfg;
}

/* Checks one file; file and configuration problems set status 2. */
static void check__file(check_run *run, const char *path)
{
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text) {
        run->status = 2;
        return;
    }
    config *cfg = check__config(run, path);
    if (!cfg) {
        fprintf(stderr, "byline: %s: out of memory\n", path);
        free(text);
        run->status = 2;
        return;
    }
    if (len > cfg->max_document_size) {
        fprintf(stderr, "byline: %s: %zu bytes is more than maxDocumentSize (%zu); not checked\n",
                path, len, cfg->max_document_size);
        run->status = 2;
    } else {
        an_format fmt = run->doc_format >= 0 ? (an_format)run->doc_format : cli_format_for_path(path);
        an_options opt = config_options(cfg, fmt);
        an_doc *doc = an_doc_new(text, len, &opt);
        if (doc)
            check__report(run, doc, path);
        else
            fprintf(stderr, "byline: %s: out of memory\n", path), run->status = 2;
        an_doc_free(doc);
    }
    config_free(cfg);
    free(text);
}

/* One line per rule for SARIF's shortDescription (docs/rules/ has more). */
static const char *const check__summaries[AN_RULE_COUNT] = {
    [AN_RULE_QUOTE_UNATTRIBUTED] = "A direct quote with no speaker.",
    [AN_RULE_QUOTE_UNBALANCED] = "Quotation marks that do not pair.",
    [AN_RULE_QUOTE_SPEAKER_UNKNOWN] = "A quote attributed to someone never introduced.",
    [AN_RULE_PERSON_SURNAME_BEFORE_INTRO] = "A surname used before the full name.",
    [AN_RULE_PERSON_NAME_VARIANT] = "One person spelled two ways.",
    [AN_RULE_PERSON_AMBIGUOUS_SURNAME] = "A bare surname that two people share.",
    [AN_RULE_PERSON_FULL_NAME_REPEATED] = "The full name used again after the first reference.",
    [AN_RULE_ACRONYM_UNDEFINED] = "An acronym never spelled out.",
    [AN_RULE_ACRONYM_DEFINED_AFTER_USE] = "An acronym spelled out only after its first use.",
    [AN_RULE_NAMES_HOUSE_SPELLING] = "A name the newsroom's names list spells differently.",
    [AN_RULE_SOURCE_ANONYMOUS] = "A quote or claim from an unnamed source.",
};

/* The rule descriptors of tool.driver.rules, indexed like an_rule. */
static json_t *check__sarif_rules(void)
{
    char *base = cli_docs_base(); /* "" when no rule pages are found */
    json_t *rules = json_array();
    for (int r = 0; r < AN_RULE_COUNT; r++) {
        const char *id = an_rule_name((an_rule)r);
        char uri[512];
        snprintf(uri, sizeof uri, "%s%s%s.md", base, base[0] && base[strlen(base) - 1] != '/' ? "/" : "", id);
        const char *text = check__summaries[r] ? check__summaries[r] : id;
        an_severity def = an_rule_default_severity((an_rule)r);
        json_t *rule = json_pack("{s:s, s:{s:s}, s:{s:s, s:b}}", "id", id, "shortDescription",
                                 "text", text, "defaultConfiguration", "level",
                                 def == AN_SEV_OFF ? "note" : check__sarif_level(def), "enabled",
                                 def != AN_SEV_OFF);
        if (base[0])
            json_object_set_new(rule, "helpUri", json_string(uri));
        json_array_append_new(rules, rule);
    }
    free(base);
    return rules;
}

static json_t *check__sarif_log(check_run *run)
{
    json_t *driver = json_pack("{s:s, s:s, s:o}", "name", "byline", "version", BYLINE_VERSION,
                               "rules", check__sarif_rules());
    json_t *sarif_run = json_pack("{s:{s:o}, s:s, s:O, s:O}", "tool", "driver", driver,
                                  "columnKind", "unicodeCodePoints", "artifacts", run->artifacts,
                                  "results", run->results);
    return json_pack("{s:s, s:s, s:[o]}", "$schema",
                     "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs",
                     sarif_run);
}

static int check__finish(check_run *run)
{
    json_t *out = NULL;
    if (run->format == CHECK_JSON)
        out = json_pack("{s:i, s:O}", "byline", 1, "files", run->files);
    else if (run->format == CHECK_SARIF)
        out = check__sarif_log(run);
    if (out) {
        int rc = json_dumpf(out, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        json_decref(out);
        if (rc != 0 || fputc('\n', stdout) == EOF) {
            fprintf(stderr, "byline: cannot write the output\n");
            return 2;
        }
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "byline: cannot write the output\n");
        return 2;
    }
    return run->status;
}

int cli_check_main(int argc, char **argv)
{
    check_run run = {CHECK_TEXT, AN_SEV_WARNING, NULL, -1, 0, json_array(), json_array(),
                     json_array(), NULL, 0};
    int first = check__options(&run, argc, argv);
    int status;
    if (first == -2) {
        status = 0;
    } else if (first < 0) {
        status = 2;
    } else if (first >= argc) {
        fprintf(stderr, "byline check: no FILE given (use - for standard input)\n");
        status = 2;
    } else {
        for (int i = first; i < argc; i++)
            check__file(&run, argv[i]);
        status = check__finish(&run);
    }
    json_decref(run.files);
    json_decref(run.results);
    json_decref(run.artifacts);
    for (size_t i = 0; i < run.n_reported; i++)
        free(run.reported_configs[i]);
    free(run.reported_configs);
    return status;
}
