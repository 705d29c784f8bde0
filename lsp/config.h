/**
 * config.h - Byline's configuration: rule severities, the newsroom's names
 * list, allowed acronyms and limits, read from `.byline.json`, the user's
 * config file, or editor settings (docs/configuration.md).
 *
 * One JSON shape serves all three sources:
 *
 *     {
 *       "rules": { "source.anonymous": "information",
 *                  "person.full-name-repeated": "off" },
 *       "names": { "house": ["Manouchehr Mottaki", "Muammar Gaddafi"] },
 *       "acronyms": { "allowList": ["MEK", "IRGC"], "parenthetical": false },
 *       "quotes": { "primary": "double", "punctuation": "american",
 *                   "requireCurly": false },
 *       "courtesyTitle": { "period": true },
 *       "titles": { "composition": "quotes" },
 *       "sources": { "anonymousSeverity": "information" },
 *       "maxDocumentSize": 52428800
 *     }
 *
 * `names.laterReference` is "surname" (AP) or "courtesyTitle" (NYT), with
 * `courtesyTitle.period` true ("Mr.") or false ("Mr"); `names.juvenileAge`
 * a number of years (15; 0 is off); `acronyms.periods` true, false or a
 * list of dotted forms;
 * `sources.anonymousSeverity` is a severity for source.anonymous, like
 * rules."source.anonymous".
 *
 * `names.house` and `acronyms.allowList` may also be a string: the path of
 * a file with one entry a line (relative to the config file's folder).
 *
 * A broken file or key never breaks anything else: each problem is
 * recorded as a config_error {file, line, key, message} and the previous
 * value (the default, or the file's) stays in force.
 *
 * Example (the server, on didOpen):
 *
 *     config *cfg = config_load_for_file("/home/ed/desk/story.md");
 *     config_apply_json(cfg, client_settings, "initializationOptions");
 *     an_options opt = config_options(cfg, AN_FORMAT_MARKDOWN);
 *     an_doc *doc = an_doc_new(text, len, &opt);
 *     for (size_t i = 0; i < cfg->n_errors; i++) report(&cfg->errors[i]);
 *     an_doc_free(doc);
 *     config_free(cfg);
 *
 * A config is not shared between threads while it is being changed; once
 * loaded it is only read.
 */
#ifndef BYLINE_LSP_CONFIG_H
#define BYLINE_LSP_CONFIG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "analysis/analysis.h"

/** The default maximum document size in bytes (50 MB). */
#define CONFIG_DEFAULT_MAX_DOCUMENT_SIZE ((size_t)50 * 1024 * 1024)

/** One problem in a configuration source. All strings owned by the config. */
typedef struct config_error {
    char *file;    /* the file, or the settings' origin ("initializationOptions") */
    size_t line;   /* 1-based; 0 when unknown */
    char *key;     /* dotted key ("rules.quote.unattributed"), "" for the whole file */
    char *message; /* one sentence, e.g. "expected one of off, error, ..." */
} config_error;

/** The configuration. Create with config_new() or config_load_for_file(),
 *  release with config_free(). Every array and string is owned by it. */
typedef struct config {
    an_severity severity[AN_RULE_COUNT];
    an_str *house_names; /* NUL-terminated strings */
    size_t n_house_names;
    an_str *allowed_acronyms; /* NUL-terminated strings */
    size_t n_allowed_acronyms;
    size_t max_document_size; /* bytes; larger documents are not analysed */
    int later_reference;      /* names.laterReference: AN_LATER_SURNAME or _COURTESY_TITLE */
    int quotes_primary;       /* quotes.primary: AN_QUOTES_DOUBLE or AN_QUOTES_SINGLE */
    bool acronyms_parenthetical; /* acronyms.parenthetical */
    int juvenile_age;         /* names.juvenileAge: 0 (off) .. 130; default 15 */
    bool courtesy_no_period;  /* courtesyTitle.period: false ("Mr", UK) */
    int quotes_punctuation;   /* quotes.punctuation: AN_PUNCT_LOGICAL or _AMERICAN */
    bool quotes_require_curly; /* quotes.requireCurly */
    int titles_composition;   /* titles.composition: AN_TITLES_QUOTES or _NONE */
    int acronyms_periods;     /* acronyms.periods: AN_PERIODS_ANY, _DOTTED or _NONE */
    an_str *dotted_acronyms;  /* acronyms.periods as a list ("U.S."); NUL-terminated */
    size_t n_dotted_acronyms;
    char *source;             /* the config file that was loaded, or NULL */
    config_error *errors;
    size_t n_errors;
} config;

/** The defaults: each rule at its default severity, no lists, 50 MB.
 *  NULL only when memory runs out. */
config *config_new(void);

/** Releases cfg and everything it owns. NULL is ok. */
void config_free(config *cfg);

/** The configuration for the document at `path`: the first `.byline.json`
 *  found in its folder or a parent folder, else
 *  `$XDG_CONFIG_HOME/byline/config.json` (`~/.config/byline/config.json`
 *  when XDG_CONFIG_HOME is unset), else the defaults. `path` may be NULL or
 *  "-" (standard input): the search starts in the current folder. Problems
 *  are in cfg->errors. NULL only when memory runs out. */
config *config_load_for_file(const char *path);

/** Reads the config file at `path` and applies it over cfg. Returns 0, or
 *  -1 when the file cannot be read or parsed (an error is recorded and cfg
 *  is unchanged). Key-level problems are recorded and return 0. */
int config_load_file(config *cfg, const char *path);

/** Applies a settings object (the shape above; also accepted wrapped as
 *  {"byline": {...}}) over cfg. `origin` names the source in errors (a
 *  file path or e.g. "workspace/didChangeConfiguration"); `text` is that
 *  source's JSON text, used to give errors a line, or NULL; `base_dir`
 *  resolves relative list files (NULL: the current folder). Each key is
 *  applied alone: a bad one is recorded and the others still apply.
 *  Returns the number of errors recorded by this call. */
size_t config_apply_json(config *cfg, const json_t *settings, const char *origin,
                         const char *text, const char *base_dir);

/** Analysis options borrowing cfg's lists; valid while cfg lives and is
 *  not changed. */
an_options config_options(const config *cfg, an_format format);

/** Writes "FILE:LINE: KEY: MESSAGE" (LINE and KEY left out when unknown)
 *  into buf, truncating; returns buf. */
char *config_error_format(const config_error *err, char *buf, size_t size);

#endif
