/* cli.h - the byline command line: subcommands and shared helpers. */
#ifndef BYLINE_CLI_H
#define BYLINE_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "analysis/analysis.h"

/* Each subcommand gets argv without the program name (argv[0] is the
 * subcommand) and returns the process exit code. */
int cli_analyze_main(int argc, char **argv);
int cli_check_main(int argc, char **argv);

/* Reads the rest of a stream into a malloc'd, NUL-terminated buffer
 * (*len excludes the NUL). NULL with errno set on failure: ENOMEM, EFBIG
 * past `max` bytes, or the read error. */
char *cli_read_stream(FILE *f, size_t max, size_t *len);

/* Reads a whole file, or standard input for "-", into a malloc'd buffer
 * (NUL-terminated; *len excludes the NUL). On failure returns NULL and
 * prints one line "byline: PATH: reason" to stderr. */
char *cli_read_file(const char *path, size_t *len);

/* The base URI of the rule pages (BASE + "quote.unattributed.md"), as a
 * malloc'd string the caller frees: $BYLINE_DOCS_URL when set, else the
 * docs/rules/ folder that ships beside the binary (../docs/rules/ from a
 * build folder, ../share/doc/byline/rules/ when installed) as a file://
 * URI, else "" (no links). */
char *cli_docs_base(void);

/* Markdown for .md/.markdown/.mdown/.mkd paths, plain text otherwise. */
an_format cli_format_for_path(const char *path);

#endif
