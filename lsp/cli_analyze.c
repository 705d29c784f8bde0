/* cli_analyze.c - `byline analyze FILE|-`: the model as analysis JSON v1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "protocol/model_json.h"

static const char cli__analyze_usage[] =
    "usage: byline analyze [--markdown|--plain] FILE|-\n"
    "Prints the people, organizations, quotes and diagnostics of FILE as one\n"
    "JSON object (analysis JSON v1, docs/analysis-json.md).\n";

int cli_analyze_main(int argc, char **argv)
{
    const char *path = NULL;
    int format = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(cli__analyze_usage, stdout);
            return 0;
        } else if (strcmp(argv[i], "--markdown") == 0) {
            format = AN_FORMAT_MARKDOWN;
        } else if (strcmp(argv[i], "--plain") == 0) {
            format = AN_FORMAT_PLAIN;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "byline analyze: unknown option '%s'\n", argv[i]);
            return 2;
        } else if (path) {
            fprintf(stderr, "byline analyze: one FILE only\n");
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fputs(cli__analyze_usage, stderr);
        return 2;
    }
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text)
        return 2;
    an_options opt = an_options_default();
    opt.format = format >= 0 ? (an_format)format : cli_format_for_path(path);
    an_doc *doc = an_doc_new(text, len, &opt);
    free(text);
    if (!doc) {
        fprintf(stderr, "byline: %s: out of memory\n", path);
        return 2;
    }
    /* Written as it is made: no second copy of the model in memory. */
    int rc = proto_model_write(doc, strcmp(path, "-") == 0 ? "-" : path, stdout);
    an_doc_free(doc);
    if (rc != 0 || fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
        fprintf(stderr, "byline: %s: cannot write the output (out of memory or a write error)\n",
                path);
        return 2;
    }
    return 0;
}
