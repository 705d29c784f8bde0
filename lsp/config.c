/* config.c - loading and applying Byline's configuration (config.h). */
#include "config.h"
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_FILE_NAME ".byline.json"
#define CONFIG_LIST_MAX_BYTES ((size_t)16 * 1024 * 1024)

static char *config__strdup(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

static char *config__strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static void config__free_list(an_str *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free((char *)list[i].ptr);
    free(list);
}

config *config_new(void)
{
    config *cfg = calloc(1, sizeof *cfg);
    if (!cfg)
        return NULL;
    for (int r = 0; r < AN_RULE_COUNT; r++)
        cfg->severity[r] = an_rule_default_severity((an_rule)r);
    cfg->max_document_size = CONFIG_DEFAULT_MAX_DOCUMENT_SIZE;
    cfg->juvenile_age = AN_JUVENILE_AGE_DEFAULT;
    return cfg;
}

void config_free(config *cfg)
{
    if (!cfg)
        return;
    config__free_list(cfg->house_names, cfg->n_house_names);
    config__free_list(cfg->allowed_acronyms, cfg->n_allowed_acronyms);
    config__free_list(cfg->dotted_acronyms, cfg->n_dotted_acronyms);
    for (size_t i = 0; i < cfg->n_errors; i++) {
        free(cfg->errors[i].file);
        free(cfg->errors[i].key);
        free(cfg->errors[i].message);
    }
    free(cfg->errors);
    free(cfg->source);
    free(cfg);
}

/* The 1-based line of the first `"key"` in text, or 0. Keys are looked up
 * textually because jansson keeps no positions for values. */
static size_t config__key_line(const char *text, const char *key)
{
    if (!text || !key || !*key)
        return 0;
    size_t klen = strlen(key);
    for (const char *p = text; (p = strchr(p, '"')) != NULL; p++) {
        if (strncmp(p + 1, key, klen) == 0 && p[1 + klen] == '"') {
            size_t line = 1;
            for (const char *q = text; q < p; q++)
                line += *q == '\n';
            return line;
        }
    }
    return 0;
}

/* Records one problem; `lookup` is the key text to find a line for. */
static void config__error(config *cfg, const char *file, const char *text, const char *key,
                          const char *lookup, size_t line, const char *message)
{
    config_error *grown = realloc(cfg->errors, (cfg->n_errors + 1) * sizeof *grown);
    if (!grown)
        return;
    cfg->errors = grown;
    config_error e = {config__strdup(file ? file : ""),
                      line ? line : config__key_line(text, lookup), config__strdup(key ? key : ""),
                      config__strdup(message)};
    if (!e.file || !e.key || !e.message) {
        free(e.file);
        free(e.key);
        free(e.message);
        return;
    }
    cfg->errors[cfg->n_errors++] = e;
}

char *config_error_format(const config_error *err, char *buf, size_t size)
{
    char line[32] = "";
    if (err->line)
        snprintf(line, sizeof line, ":%zu", err->line);
    if (err->key[0])
        snprintf(buf, size, "%s%s: %s: %s", err->file, line, err->key, err->message);
    else
        snprintf(buf, size, "%s%s: %s", err->file, line, err->message);
    return buf;
}

/* Context of one config_apply_json call. */
typedef struct config_src {
    config *cfg;
    const char *origin;
    const char *text;
    const char *base_dir;
    size_t errors;
} config_src;

static void config__src_error(config_src *src, const char *key, const char *lookup,
                              const char *message)
{
    config__error(src->cfg, src->origin, src->text, key, lookup, 0, message);
    src->errors++;
}

static int config__parse_severity(const json_t *v, an_rule rule, an_severity *out)
{
    static const struct {
        const char *name;
        an_severity sev;
    } names[] = {{"off", AN_SEV_OFF},         {"error", AN_SEV_ERROR},
                 {"warning", AN_SEV_WARNING}, {"information", AN_SEV_INFORMATION},
                 {"info", AN_SEV_INFORMATION}, {"hint", AN_SEV_HINT}};
    if (json_is_boolean(v)) {
        an_severity def = an_rule_default_severity(rule);
        *out = json_is_true(v) ? (def == AN_SEV_OFF ? AN_SEV_INFORMATION : def) : AN_SEV_OFF;
        return 0;
    }
    if (!json_is_string(v))
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(json_string_value(v), names[i].name) == 0) {
            *out = names[i].sev;
            return 0;
        }
    return -1;
}

static void config__apply_rules(config_src *src, const json_t *rules)
{
    if (!json_is_object(rules)) {
        config__src_error(src, "rules", "rules", "expected an object of rule id to severity");
        return;
    }
    const char *name;
    const json_t *v;
    json_object_foreach((json_t *)rules, name, v) {
        char key[160];
        snprintf(key, sizeof key, "rules.%s", name);
        int rule = an_rule_from_name(name, strlen(name));
        an_severity sev;
        if (rule < 0)
            config__src_error(src, key, name, "unknown rule id (see docs/rules.md)");
        else if (config__parse_severity(v, (an_rule)rule, &sev) != 0)
            config__src_error(src, key, name,
                              "expected \"off\", \"error\", \"warning\", \"information\", "
                              "\"hint\", true or false");
        else
            src->cfg->severity[rule] = sev;
    }
}

/* Appends s[0..n) trimmed to *list unless empty or a # comment. */
static int config__list_add(an_str **list, size_t *n, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    if (len == 0 || *s == '#')
        return 0;
    an_str *grown = realloc(*list, (*n + 1) * sizeof *grown);
    char *copy = config__strndup(s, len);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            *list = grown;
        return -1;
    }
    *list = grown;
    (*list)[(*n)++] = (an_str){copy, len};
    return 0;
}

/* Reads a whole small file; NULL with errno set on failure. */
static char *config__read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = cli_read_stream(f, CONFIG_LIST_MAX_BYTES, len);
    int err = errno;
    fclose(f);
    errno = err;
    return buf;
}

static char *config__join(const char *dir, const char *name)
{
    if (name[0] == '/' || !dir || !*dir)
        return config__strdup(name);
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (p) {
        memcpy(p, dir, a);
        p[a] = '/';
        memcpy(p + a + 1, name, b + 1);
    }
    return p;
}

/* A list from a file, one entry a line; -1 (recorded) when unreadable. */
static int config__list_from_file(config_src *src, const char *key, const char *lookup,
                                  const char *name, an_str **list, size_t *n)
{
    char *path = config__join(src->base_dir, name);
    size_t len = 0;
    char *text = path ? config__read(path, &len) : NULL;
    if (!text) {
        char msg[600];
        snprintf(msg, sizeof msg, "cannot read the list file %s: %s", path ? path : name,
                 strerror(errno));
        config__src_error(src, key, lookup, msg);
        free(path);
        return -1;
    }
    free(path);
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (config__list_add(list, n, text + i, end - i) != 0) {
            free(text);
            return -1;
        }
        i = end + 1;
    }
    free(text);
    return 0;
}

/* Replaces *list with the array or file named by v; on any problem the old
 * list stays. */
static void config__apply_list(config_src *src, const char *key, const char *lookup,
                               const json_t *v, an_str **list, size_t *n)
{
    an_str *fresh = NULL;
    size_t nf = 0;
    if (json_is_string(v)) {
        if (config__list_from_file(src, key, lookup, json_string_value(v), &fresh, &nf) != 0) {
            config__free_list(fresh, nf);
            return;
        }
    } else if (json_is_array(v)) {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item) {
            if (!json_is_string(item)) {
                config__src_error(src, key, lookup, "expected a list of strings");
                config__free_list(fresh, nf);
                return;
            }
            config__list_add(&fresh, &nf, json_string_value(item), json_string_length(item));
        }
    } else {
        config__src_error(src, key, lookup,
                          "expected a list of strings or the path of a file with one a line");
        return;
    }
    config__free_list(*list, *n);
    *list = fresh;
    *n = nf;
}

/* One of several words ("surname", "courtesyTitle"): its index into
 * `words`, or -1 (recorded). */
static int config__apply_enum(config_src *src, const char *key, const char *lookup,
                              const json_t *v, const char *const *words, const char *expected)
{
    for (int i = 0; json_is_string(v) && words[i]; i++)
        if (strcmp(json_string_value(v), words[i]) == 0)
            return i;
    config__src_error(src, key, lookup, expected);
    return -1;
}

static void config__apply_bool(config_src *src, const char *key, const char *lookup,
                               const json_t *v, bool *out)
{
    if (json_is_boolean(v))
        *out = json_is_true(v);
    else
        config__src_error(src, key, lookup, "expected true or false");
}

static void config__apply_age(config_src *src, const char *key, const char *lookup,
                              const json_t *v)
{
    if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) <= 130)
        src->cfg->juvenile_age = (int)json_integer_value(v);
    else
        config__src_error(src, key, lookup, "expected a number of years from 0 (off) to 130");
}

/* acronyms.periods: true (AP's dotted forms), false (none), a list of
 * dotted forms, or null (not checked). */
static void config__apply_periods(config_src *src, const char *key, const char *lookup,
                                  const json_t *v)
{
    config *cfg = src->cfg;
    if (json_is_boolean(v) || json_is_null(v)) {
        config__free_list(cfg->dotted_acronyms, cfg->n_dotted_acronyms);
        cfg->dotted_acronyms = NULL;
        cfg->n_dotted_acronyms = 0;
        cfg->acronyms_periods = json_is_null(v) ? AN_PERIODS_ANY
                                : json_is_true(v) ? AN_PERIODS_DOTTED : AN_PERIODS_NONE;
    } else if (json_is_array(v)) {
        size_t before = src->errors;
        config__apply_list(src, key, lookup, v, &cfg->dotted_acronyms, &cfg->n_dotted_acronyms);
        if (src->errors == before)
            cfg->acronyms_periods = AN_PERIODS_DOTTED;
    } else {
        config__src_error(src, key, lookup,
                          "expected true, false, null or a list of dotted forms (\"U.S.\")");
    }
}

/* The house-style switches of NEWSROOM §8 beyond the first ones; false
 * when the key is none of them. */
static bool config__apply_style(config_src *src, const char *key, const char *lookup,
                                const json_t *v)
{
    static const char *const punct[] = {"logical", "american", NULL};
    static const char *const titles[] = {"quotes", "none", NULL};
    config *cfg = src->cfg;
    int i;
    bool period = !cfg->courtesy_no_period;
    if (strcmp(key, "names.juvenileAge") == 0) {
        config__apply_age(src, key, lookup, v);
    } else if (strcmp(key, "courtesyTitle.period") == 0) {
        config__apply_bool(src, key, lookup, v, &period);
        cfg->courtesy_no_period = !period;
    } else if (strcmp(key, "quotes.punctuation") == 0) {
        if ((i = config__apply_enum(src, key, lookup, v, punct,
                                    "expected \"american\" or \"logical\"")) >= 0)
            cfg->quotes_punctuation = i ? AN_PUNCT_AMERICAN : AN_PUNCT_LOGICAL;
    } else if (strcmp(key, "quotes.requireCurly") == 0) {
        config__apply_bool(src, key, lookup, v, &cfg->quotes_require_curly);
    } else if (strcmp(key, "titles.composition") == 0) {
        if ((i = config__apply_enum(src, key, lookup, v, titles,
                                    "expected \"quotes\" or \"none\"")) >= 0)
            cfg->titles_composition = i ? AN_TITLES_NONE : AN_TITLES_QUOTES;
    } else if (strcmp(key, "acronyms.periods") == 0) {
        config__apply_periods(src, key, lookup, v);
    } else {
        return false;
    }
    return true;
}

/* A dotted member key ("names.house", "quotes.primary"); false when unknown. */
static bool config__apply_member(config_src *src, const char *key, const char *lookup,
                                 const json_t *v)
{
    static const char *const later[] = {"surname", "courtesyTitle", NULL};
    static const char *const primary[] = {"double", "single", NULL};
    config *cfg = src->cfg;
    int i;
    an_severity sev;
    if (strcmp(key, "names.house") == 0) {
        config__apply_list(src, key, lookup, v, &cfg->house_names, &cfg->n_house_names);
    } else if (strcmp(key, "acronyms.allowList") == 0) {
        config__apply_list(src, key, lookup, v, &cfg->allowed_acronyms, &cfg->n_allowed_acronyms);
    } else if (strcmp(key, "names.laterReference") == 0) {
        if ((i = config__apply_enum(src, key, lookup, v, later,
                                    "expected \"surname\" or \"courtesyTitle\"")) >= 0)
            cfg->later_reference = i;
    } else if (strcmp(key, "quotes.primary") == 0) {
        if ((i = config__apply_enum(src, key, lookup, v, primary,
                                    "expected \"double\" or \"single\"")) >= 0)
            cfg->quotes_primary = i;
    } else if (strcmp(key, "acronyms.parenthetical") == 0) {
        config__apply_bool(src, key, lookup, v, &cfg->acronyms_parenthetical);
    } else if (strcmp(key, "sources.anonymousSeverity") == 0) {
        if (config__parse_severity(v, AN_RULE_SOURCE_ANONYMOUS, &sev) == 0)
            cfg->severity[AN_RULE_SOURCE_ANONYMOUS] = sev;
        else
            config__src_error(src, key, lookup,
                              "expected \"off\", \"error\", \"warning\", \"information\", "
                              "\"hint\", true or false");
    } else {
        return config__apply_style(src, key, lookup, v);
    }
    return true;
}

/* Applies the members of a sub-object ("names", "acronyms", "quotes",
 * "sources", "courtesyTitle", "titles") one by one. */
static void config__apply_section(config_src *src, const char *section, const json_t *obj)
{
    char key[160];
    if (!json_is_object(obj)) {
        config__src_error(src, section, section, "expected an object");
        return;
    }
    const char *name;
    const json_t *v;
    json_object_foreach((json_t *)obj, name, v) {
        snprintf(key, sizeof key, "%s.%s", section, name);
        if (!config__apply_member(src, key, name, v))
            config__src_error(src, key, name, "unknown key (see docs/configuration.md)");
    }
}

static void config__apply_max_size(config_src *src, const json_t *v)
{
    if (!json_is_integer(v) || json_integer_value(v) < 1)
        config__src_error(src, "maxDocumentSize", "maxDocumentSize",
                          "expected a positive number of bytes");
    else
        src->cfg->max_document_size = (size_t)json_integer_value(v);
}

/* A top-level key; dotted member keys ("names.house") as editors may send them. */
static void config__apply_key(config_src *src, const char *name, const json_t *v)
{
    static const char *const sections[] = {"names",         "acronyms", "quotes", "sources",
                                           "courtesyTitle", "titles",   NULL};
    if (strcmp(name, "rules") == 0) {
        config__apply_rules(src, v);
        return;
    }
    for (size_t i = 0; sections[i]; i++)
        if (strcmp(name, sections[i]) == 0) {
            config__apply_section(src, name, v);
            return;
        }
    if (strcmp(name, "maxDocumentSize") == 0)
        config__apply_max_size(src, v);
    else if (config__apply_member(src, name, name, v))
        return;
    else if (strcmp(name, "$schema") != 0 && strcmp(name, "trace") != 0 &&
             strcmp(name, "docsBaseUrl") != 0)
        config__src_error(src, name, name, "unknown key (see docs/configuration.md)");
}

size_t config_apply_json(config *cfg, const json_t *settings, const char *origin,
                         const char *text, const char *base_dir)
{
    config_src src = {cfg, origin ? origin : "settings", text, base_dir, 0};
    if (settings == NULL || json_is_null(settings))
        return 0;
    if (!json_is_object(settings)) {
        config__src_error(&src, "", NULL, "expected a JSON object");
        return src.errors;
    }
    const json_t *inner = json_object_get(settings, "byline");
    if (json_is_object(inner) && json_object_size(settings) == 1)
        settings = inner;
    const char *name;
    const json_t *v;
    json_object_foreach((json_t *)settings, name, v)
        config__apply_key(&src, name, v);
    return src.errors;
}

/* The folder part of path ("." when it has none); malloc'd. */
static char *config__dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return config__strdup(".");
    if (slash == path)
        return config__strdup("/");
    return config__strndup(path, (size_t)(slash - path));
}

int config_load_file(config *cfg, const char *path)
{
    size_t len = 0;
    char *text = config__read(path, &len);
    if (!text) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read the configuration: %s", strerror(errno));
        config__error(cfg, path, NULL, "", NULL, 0, msg);
        return -1;
    }
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        char msg[300];
        snprintf(msg, sizeof msg, "invalid JSON: %s", jerr.text);
        config__error(cfg, path, NULL, "", NULL, jerr.line > 0 ? (size_t)jerr.line : 0, msg);
        free(text);
        return -1;
    }
    char *dir = config__dirname(path);
    config_apply_json(cfg, root, path, text, dir);
    free(dir);
    json_decref(root);
    free(text);
    free(cfg->source);
    cfg->source = config__strdup(path);
    return 0;
}

static int config__is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The nearest .byline.json at or above dir, malloc'd, or NULL. */
static char *config__find_upward(const char *dir)
{
    char *cur = config__strdup(dir);
    while (cur) {
        char *candidate = config__join(cur, CONFIG_FILE_NAME);
        if (candidate && config__is_file(candidate)) {
            free(cur);
            return candidate;
        }
        free(candidate);
        if (strcmp(cur, "/") == 0 || strcmp(cur, ".") == 0)
            break;
        char *up = config__dirname(cur);
        free(cur);
        cur = up;
    }
    free(cur);
    return NULL;
}

/* The absolute folder to start the search from; malloc'd or NULL. */
static char *config__start_dir(const char *path)
{
    char *dir = (path && strcmp(path, "-") != 0) ? config__dirname(path) : config__strdup(".");
    if (!dir || dir[0] == '/')
        return dir;
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return dir;
    char *abs = strcmp(dir, ".") == 0 ? config__strdup(cwd) : config__join(cwd, dir);
    free(dir);
    return abs;
}

static char *config__user_file(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/')
        return config__join(xdg, "byline/config.json");
    const char *home = getenv("HOME");
    if (home && *home)
        return config__join(home, ".config/byline/config.json");
    return NULL;
}

config *config_load_for_file(const char *path)
{
    config *cfg = config_new();
    if (!cfg)
        return NULL;
    char *dir = config__start_dir(path);
    char *found = dir ? config__find_upward(dir) : NULL;
    free(dir);
    if (!found) {
        found = config__user_file();
        if (found && !config__is_file(found)) {
            free(found);
            found = NULL;
        }
    }
    if (found)
        config_load_file(cfg, found);
    free(found);
    return cfg;
}

an_options config_options(const config *cfg, an_format format)
{
    an_options opt = an_options_default();
    opt.format = format;
    memcpy(opt.severity, cfg->severity, sizeof opt.severity);
    opt.house_names = cfg->house_names;
    opt.n_house_names = cfg->n_house_names;
    opt.allowed_acronyms = cfg->allowed_acronyms;
    opt.n_allowed_acronyms = cfg->n_allowed_acronyms;
    opt.later_reference = cfg->later_reference ? AN_LATER_COURTESY_TITLE : AN_LATER_SURNAME;
    opt.quotes_primary = cfg->quotes_primary ? AN_QUOTES_SINGLE : AN_QUOTES_DOUBLE;
    opt.acronyms_parenthetical = cfg->acronyms_parenthetical;
    opt.juvenile_age = cfg->juvenile_age;
    opt.courtesy_title_period = cfg->courtesy_no_period ? AN_COURTESY_NO_PERIOD : AN_COURTESY_PERIOD;
    opt.quotes_punctuation = cfg->quotes_punctuation ? AN_PUNCT_AMERICAN : AN_PUNCT_LOGICAL;
    opt.quotes_require_curly = cfg->quotes_require_curly;
    opt.titles_composition = cfg->titles_composition ? AN_TITLES_NONE : AN_TITLES_QUOTES;
    opt.acronyms_periods = cfg->acronyms_periods == AN_PERIODS_DOTTED ? AN_PERIODS_DOTTED
                           : cfg->acronyms_periods == AN_PERIODS_NONE ? AN_PERIODS_NONE
                                                                      : AN_PERIODS_ANY;
    opt.dotted_acronyms = cfg->dotted_acronyms;
    opt.n_dotted_acronyms = cfg->n_dotted_acronyms;
    return opt;
}
