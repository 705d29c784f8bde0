/* analyze_bench.c - throughput, peak memory and latency of the analysis,
 * as `byline analyze` does it (an_doc_new, then the analysis JSON built
 * and serialized). A benchmark, not a test: bench/run.sh runs it.
 *
 *   analyze_bench throughput MB FILE...   each file analysed on its own, the
 *                                         set repeated until MB megabytes
 *   analyze_bench big MB FILE...          the files joined into one document
 *                                         of MB megabytes; peak RSS / input
 *   analyze_bench draft KB ITER FILE...   the first KB kilobytes of the
 *                                         joined files, ITER times; median
 *
 * Each mode prints one line of tab-separated "key=value" fields. Times are
 * CPU time of this process (the machine is shared) and wall time. */
#define _GNU_SOURCE /* fopencookie */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "analysis/analysis.h"
#include "protocol/model_json.h"

typedef struct bench_text {
    char *ptr;
    size_t len;
} bench_text;

static double bench__now(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads a whole file; exits on failure (a benchmark has nothing to save). */
static bench_text bench__read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    bench_text t = {NULL, 0};
    size_t cap = 0;
    for (;;) {
        if (cap - t.len < 65536) {
            cap = cap ? cap * 2 : 65536;
            t.ptr = realloc(t.ptr, cap);
            if (!t.ptr)
                exit(2);
        }
        size_t n = fread(t.ptr + t.len, 1, cap - t.len, f);
        t.len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    return t;
}

static bool bench__model_only; /* BENCH_MODEL_ONLY=1: skip the JSON */

/* A stream that counts what is written to it and keeps nothing. */
static ssize_t bench__count_write(void *cookie, const char *buf, size_t size)
{
    (void)buf;
    *(size_t *)cookie += size;
    return (ssize_t)size;
}

/* The work of `byline analyze` minus the file I/O: the analysis, and the
 * analysis JSON written as byline analyze writes it (proto_model_write)
 * to a stream that only counts. Returns the output size, so the work
 * cannot be optimized away. */
static size_t bench__analyze(const char *text, size_t len)
{
    an_options opt = an_options_default();
    an_doc *doc = an_doc_new(text, len, &opt);
    if (!doc) {
        fprintf(stderr, "analyze_bench: out of memory\n");
        exit(2);
    }
    size_t n = 0;
    if (bench__model_only) {
        size_t k = 0;
        an_doc_mentions(doc, &n);
        an_doc_quotes(doc, &k);
        an_doc_free(doc);
        return n + k;
    }
    FILE *out = fopencookie(&n, "w", (cookie_io_functions_t){.write = bench__count_write});
    if (!out || proto_model_write(doc, "bench.txt", out) != 0 || fclose(out) != 0) {
        fprintf(stderr, "analyze_bench: out of memory\n");
        exit(2);
    }
    an_doc_free(doc);
    return n;
}

/* The files joined by blank lines, repeated until at least `min` bytes. */
static bench_text bench__join(char **paths, int n, size_t min)
{
    bench_text all = {NULL, 0};
    size_t cap = 0;
    while (all.len < min || all.len == 0) {
        for (int i = 0; i < n; i++) {
            bench_text t = bench__read(paths[i]);
            if (cap < all.len + t.len + 2) {
                cap = (all.len + t.len + 2) * 2;
                all.ptr = realloc(all.ptr, cap);
                if (!all.ptr)
                    exit(2);
            }
            memcpy(all.ptr + all.len, t.ptr, t.len);
            all.len += t.len;
            memcpy(all.ptr + all.len, "\n\n", 2);
            all.len += 2;
            free(t.ptr);
        }
    }
    return all;
}

static long bench__maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int bench__throughput(double mb, char **paths, int n)
{
    bench_text *docs = calloc((size_t)n, sizeof *docs);
    size_t set = 0;
    for (int i = 0; i < n; i++) {
        docs[i] = bench__read(paths[i]);
        set += docs[i].len;
    }
    size_t target = (size_t)(mb * 1e6), done = 0, out = 0, analysed = 0;
    double c0 = bench__now(CLOCK_PROCESS_CPUTIME_ID), w0 = bench__now(CLOCK_MONOTONIC);
    while (done < target) {
        for (int i = 0; i < n; i++) {
            out += bench__analyze(docs[i].ptr, docs[i].len);
            done += docs[i].len;
            analysed++;
        }
    }
    double cpu = bench__now(CLOCK_PROCESS_CPUTIME_ID) - c0, wall = bench__now(CLOCK_MONOTONIC) - w0;
    printf("mode=throughput\tdocs=%zu\tset_bytes=%zu\tbytes=%zu\tcpu_s=%.3f\twall_s=%.3f\t"
           "cpu_mb_s=%.1f\twall_mb_s=%.1f\tjson_bytes=%zu\n",
           analysed, set, done, cpu, wall, done / 1e6 / cpu, done / 1e6 / wall, out);
    for (int i = 0; i < n; i++)
        free(docs[i].ptr);
    free(docs);
    return 0;
}

static int bench__big(double mb, char **paths, int n)
{
    bench_text all = bench__join(paths, n, (size_t)(mb * 1e6));
    long rss0 = bench__maxrss_kb();
    double c0 = bench__now(CLOCK_PROCESS_CPUTIME_ID), w0 = bench__now(CLOCK_MONOTONIC);
    size_t out = bench__analyze(all.ptr, all.len);
    double cpu = bench__now(CLOCK_PROCESS_CPUTIME_ID) - c0, wall = bench__now(CLOCK_MONOTONIC) - w0;
    long rss = bench__maxrss_kb();
    printf("mode=big\tbytes=%zu\tcpu_s=%.3f\twall_s=%.3f\tcpu_mb_s=%.1f\tmaxrss_kb=%ld\t"
           "rss_before_kb=%ld\trss_ratio=%.2f\tjson_bytes=%zu\n",
           all.len, cpu, wall, all.len / 1e6 / cpu, rss, rss0, rss * 1024.0 / (double)all.len, out);
    free(all.ptr);
    return 0;
}

static int bench__cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int bench__draft(double kb, int iterations, char **paths, int n)
{
    bench_text all = bench__join(paths, n, (size_t)(kb * 1000));
    /* Cut at the last paragraph break before the size, like a real draft. */
    size_t len = (size_t)(kb * 1000);
    while (len > 1 && !(all.ptr[len - 1] == '\n' && all.ptr[len - 2] == '\n'))
        len--;
    double *t = malloc((size_t)iterations * sizeof *t);
    size_t out = 0;
    for (int i = 0; i < iterations; i++) {
        double c0 = bench__now(CLOCK_MONOTONIC);
        out += bench__analyze(all.ptr, len);
        t[i] = bench__now(CLOCK_MONOTONIC) - c0;
    }
    qsort(t, (size_t)iterations, sizeof *t, bench__cmp_double);
    printf("mode=draft\tbytes=%zu\titerations=%d\tmedian_ms=%.3f\tp90_ms=%.3f\tmin_ms=%.3f\tjson_bytes=%zu\n",
           len, iterations, t[iterations / 2] * 1e3, t[iterations * 9 / 10] * 1e3, t[0] * 1e3,
           out / (size_t)iterations);
    free(t);
    free(all.ptr);
    return 0;
}

int main(int argc, char **argv)
{
    bench__model_only = getenv("BENCH_MODEL_ONLY") && strcmp(getenv("BENCH_MODEL_ONLY"), "1") == 0;
    if (argc >= 4 && strcmp(argv[1], "throughput") == 0)
        return bench__throughput(atof(argv[2]), argv + 3, argc - 3);
    if (argc >= 4 && strcmp(argv[1], "big") == 0)
        return bench__big(atof(argv[2]), argv + 3, argc - 3);
    if (argc >= 5 && strcmp(argv[1], "draft") == 0 && atoi(argv[3]) > 0)
        return bench__draft(atof(argv[2]), atoi(argv[3]), argv + 4, argc - 4);
    fputs("usage: analyze_bench throughput MB FILE... | big MB FILE... | draft KB ITER FILE...\n", stderr);
    return 2;
}
