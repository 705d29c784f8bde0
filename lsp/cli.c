/* cli.c - helpers shared by the subcommands. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <limits.h>

char *cli_read_stream(FILE *f, size_t max, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        errno = ENOMEM;
        return NULL;
    }
    errno = 0;
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = cap < max ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                errno = cap < max ? ENOMEM : EFBIG;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int err = errno ? errno : EIO;
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *cli_read_file(const char *path, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "byline: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *buf = cli_read_stream(f, (size_t)1 << 62, len);
    int err = errno;
    if (!is_stdin)
        fclose(f);
    if (!buf)
        fprintf(stderr, "byline: %s: %s\n", path, err == ENOMEM ? "out of memory" : strerror(err));
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

/* The rule pages beside the executable, found from /proc/self/exe. */
static char *cli__local_docs(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = {"/../docs/rules/", "/../share/doc/byline/rules/"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
        char probe[8192], real[4096];
        snprintf(probe, sizeof probe, "%s%squote.unattributed.md", exe, rel[i]);
        if (!realpath(probe, real))
            continue;
        char *end = strrchr(real, '/');
        end[1] = '\0';
        char *uri = malloc(strlen(real) + 8);
        if (uri)
            sprintf(uri, "file://%s", real);
        return uri;
    }
    return NULL;
}

char *cli_docs_base(void)
{
    const char *env = getenv("BYLINE_DOCS_URL");
    if (env && *env)
        return strdup(env);
    char *local = cli__local_docs();
    return local ? local : strdup("");
}
