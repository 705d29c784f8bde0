/* replay_main.c - a plain main for the fuzz targets: feeds every file named
 * on the command line (directories: every file inside, not recursing, dot
 * files skipped) to LLVMFuzzerTestOneInput once. Built with any compiler,
 * so ctest replays the committed corpora in the normal and ASan builds.
 *
 *     replay_analysis fuzz/corpus/analysis        -> "replayed 52 inputs"
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads a whole file into a malloc'd buffer (never NULL on success, even
 * when empty); returns NULL with a message on failure. */
static uint8_t *replay__read(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return NULL;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        uint8_t *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return NULL;
    }
    *size = len;
    return buf;
}

/* Runs one file; returns 0, or -1 when it cannot be read. */
static int replay__file(const char *path)
{
    size_t size;
    uint8_t *data = replay__read(path, &size);
    if (!data)
        return -1;
    /* An exact-size copy, so ASan sees reads past the end of the input. */
    uint8_t *exact = malloc(size ? size : 1);
    if (!exact) {
        free(data);
        return -1;
    }
    if (size)
        memcpy(exact, data, size);
    free(data);
    LLVMFuzzerTestOneInput(exact, size);
    free(exact);
    return 0;
}

/* Runs every regular file of a directory; adds the count to *n. */
static int replay__dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(len);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            rc = replay__file(path);
            ++*n;
        }
        free(path);
    }
    closedir(d);
    return rc;
}

int main(int argc, char **argv)
{
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        int rc = S_ISDIR(st.st_mode) ? replay__dir(argv[i], &n) : (n++, replay__file(argv[i]));
        if (rc != 0)
            return 1;
    }
    fprintf(stderr, "replayed %zu inputs\n", n);
    return n > 0 ? 0 : 1;
}
