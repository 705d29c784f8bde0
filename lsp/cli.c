/* cli.c - helpers shared by the subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *cli_read_file(const char *path, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "byline: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = cap < ((size_t)1 << 62) ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f) ? errno : 0;
    if (!is_stdin)
        fclose(f);
    if (!buf) {
        fprintf(stderr, "byline: %s: out of memory\n", path);
        return NULL;
    }
    if (err) {
        fprintf(stderr, "byline: %s: %s\n", path, strerror(err));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

an_format cli_format_for_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return AN_FORMAT_PLAIN;
    static const char *const md[] = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"};
    for (size_t i = 0; i < sizeof md / sizeof *md; i++)
        if (strcasecmp(dot, md[i]) == 0)
            return AN_FORMAT_MARKDOWN;
    return AN_FORMAT_PLAIN;
}
