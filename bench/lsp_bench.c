/* lsp_bench.c - latency and memory of `byline lsp` on a long draft, over
 * real pipes, as an editor sees them. A benchmark, not a test: bench/run.sh
 * runs it (figures in docs/performance.md, "Language server").
 *
 *   lsp_bench BYLINE MB EDITS FILE...
 *
 * The files are joined into one draft of at least MB megabytes and opened.
 * Then:
 *   typing  EDITS single-character edits, one after another; for each, the
 *           time from writing didChange to reading the publishDiagnostics
 *           of that version (median, p90, p99, max).
 *   stream  an edit every 20 ms without waiting (a fast typist), a hover
 *           after every 10th edit and an outline request after every
 *           50th (an editor refreshing its outline each second); their
 *           response times, and how long after the last edit its
 *           diagnostics arrive.
 *   memory  the server's peak RSS (VmHWM) against the draft's size.
 * Each prints one line of tab-separated key=value fields. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "protocol/framing.h"
#include "protocol/jsonrpc.h"

#define BENCH_STREAM_INTERVAL_MS 20.0
#define BENCH_HOVER_EVERY 10    /* edits: a hover every 200 ms */
#define BENCH_OUTLINE_EVERY 50  /* edits: an outline refresh every second */
#define BENCH_TIMEOUT_MS 60000.0

typedef struct bench_server {
    pid_t pid;
    int to, from;
    proto_reader reader;
} bench_server;

static double bench__ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void bench__die(const char *what)
{
    fprintf(stderr, "lsp_bench: %s\n", what);
    exit(2);
}

static char *bench__draft(int nfiles, char **files, size_t min_bytes, size_t *len)
{
    size_t cap = min_bytes + (1 << 20), n = 0;
    char *buf = malloc(cap);
    if (!buf)
        bench__die("out of memory");
    while (n < min_bytes) {
        for (int i = 0; i < nfiles && n < min_bytes; i++) {
            FILE *f = fopen(files[i], "rb");
            if (!f)
                bench__die(files[i]);
            for (;;) {
                if (cap - n < 65536 && !(buf = realloc(buf, cap *= 2)))
                    bench__die("out of memory");
                size_t got = fread(buf + n, 1, cap - n - 1, f);
                n += got;
                if (got == 0)
                    break;
            }
            fclose(f);
            buf[n++] = '\n';
        }
    }
    *len = n;
    return buf;
}

static bench_server bench__spawn(const char *bin)
{
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        bench__die("pipe");
    bench_server s;
    s.pid = fork();
    if (s.pid < 0)
        bench__die("fork");
    if (s.pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execl(bin, bin, "lsp", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    s.to = in[1];
    s.from = out[0];
    proto_reader_init(&s.reader, 0);
    return s;
}

static void bench__send(bench_server *s, json_t *msg)
{
    if (proto_write_message(s->to, msg) != 0)
        bench__die("cannot write to the server");
    json_decref(msg);
}

/* The next message from the server, or NULL after timeout_ms. */
static json_t *bench__recv(bench_server *s, double timeout_ms)
{
    double end = bench__ms() + timeout_ms;
    for (;;) {
        proto_str body;
        proto_error err;
        int rc = proto_reader_next(&s->reader, &body, &err);
        if (rc == PROTO_READ_MESSAGE)
            return json_loadb(body.ptr, body.len, JSON_ALLOW_NUL, NULL);
        if (rc == PROTO_READ_ERROR)
            bench__die(err.message);
        /* Always drain what is there, even when out of time. */
        double left = end - bench__ms();
        struct pollfd p = {s->from, POLLIN, 0};
        if (poll(&p, 1, left > 0 ? (int)left + 1 : 0) <= 0) {
            if (left <= 0)
                return NULL;
            continue;
        }
        char buf[65536];
        ssize_t n = read(s->from, buf, sizeof buf);
        if (n <= 0)
            bench__die("the server closed its output");
        proto_reader_feed(&s->reader, buf, (size_t)n);
    }
}

static int bench__is_publish(const json_t *m, json_int_t version)
{
    const char *method = json_string_value(json_object_get(m, "method"));
    return method && strcmp(method, "textDocument/publishDiagnostics") == 0 &&
           json_integer_value(proto_get(m, "params.version")) >= version;
}

/* Reads until the publishDiagnostics of `version` (or newer). */
static void bench__await_publish(bench_server *s, json_int_t version)
{
    for (;;) {
        json_t *m = bench__recv(s, BENCH_TIMEOUT_MS);
        if (!m)
            bench__die("timed out waiting for publishDiagnostics");
        int done = bench__is_publish(m, version);
        json_decref(m);
        if (done)
            return;
    }
}

static int bench__cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double bench__pct(double *v, size_t n, double p)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, bench__cmp);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i];
}

static const char bench__uri[] = "file:///nonexistent/bench/draft.txt";

static json_t *bench__edit(json_int_t version, size_t line)
{
    return proto_notification_new(
        "textDocument/didChange",
        json_pack("{s:{s:s, s:I}, s:[{s:{s:{s:I, s:i}, s:{s:I, s:i}}, s:s}]}", "textDocument", "uri",
                  bench__uri, "version", version, "contentChanges", "range", "start", "line",
                  (json_int_t)line, "character", 0, "end", "line", (json_int_t)line, "character", 0,
                  "text", "x"));
}

static size_t bench__lines(const char *text, size_t len)
{
    size_t n = 1;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + len - p))); p++)
        n++;
    return n;
}

static long bench__peak_kb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

/* CPU time (user + system) the server has used so far, in ms. */
static double bench__cpu_ms(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    unsigned long ut = 0, st = 0;
    /* Fields 14 and 15, after the parenthesized command name. */
    if (f && fscanf(f, "%*d (%*[^)]) %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
        ut = st = 0;
    if (f)
        fclose(f);
    return (double)(ut + st) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static void bench__typing(bench_server *s, size_t lines, int edits, json_int_t *version)
{
    double *lat = malloc((size_t)edits * sizeof *lat);
    double cpu0 = bench__cpu_ms(s->pid);
    unsigned seed = 42;
    for (int i = 0; i < edits; i++) {
        seed = seed * 1103515245u + 12345u;
        double t0 = bench__ms();
        bench__send(s, bench__edit(++*version, (seed >> 8) % lines));
        bench__await_publish(s, *version);
        lat[i] = bench__ms() - t0;
    }
    double sum = 0;
    for (int i = 0; i < edits; i++)
        sum += lat[i];
    printf("mode=typing\tedits=%d\tserver_cpu_ms_per_edit=%.2f\tmean_ms=%.2f\tmedian_ms=%.2f\tp90_ms=%.2f"
           "\tp99_ms=%.2f\tmax_ms=%.2f\n",
           edits, (bench__cpu_ms(s->pid) - cpu0) / edits, sum / edits, bench__pct(lat, (size_t)edits, 0.5), bench__pct(lat, (size_t)edits, 0.9),
           bench__pct(lat, (size_t)edits, 0.99), bench__pct(lat, (size_t)edits, 1.0));
    free(lat);
}

typedef struct bench_probe {
    double sent;
    int is_hover;
} bench_probe;

/* Sends a hover or an outline request with this id, noting the time. */
static void bench__probe(bench_server *s, bench_probe *probe, json_int_t id, size_t line, int hover)
{
    *probe = (bench_probe){bench__ms(), hover};
    if (hover)
        bench__send(s, proto_request_new(id, "textDocument/hover",
                                         json_pack("{s:{s:s}, s:{s:I, s:i}}", "textDocument", "uri",
                                                   bench__uri, "position", "line", (json_int_t)line,
                                                   "character", 3)));
    else
        bench__send(s, proto_request_new(id, "textDocument/documentSymbol",
                                         json_pack("{s:{s:s}}", "textDocument", "uri", bench__uri)));
}

static void bench__stream(bench_server *s, size_t lines, int edits, json_int_t *version)
{
    int n_probes = edits / BENCH_HOVER_EVERY + edits / BENCH_OUTLINE_EVERY;
    bench_probe *probes = calloc((size_t)n_probes + 2, sizeof *probes);
    double *hover = malloc(((size_t)n_probes + 1) * sizeof *hover);
    double *outline = malloc(((size_t)n_probes + 1) * sizeof *outline);
    size_t nh = 0, no = 0;
    int sent_probes = 0, answered = 0, publishes = 0;
    json_int_t published = 0;
    unsigned seed = 7;
    double next = bench__ms(), last_edit = 0;
    for (int i = 0; i < edits || answered < sent_probes;) {
        if (i < edits && bench__ms() >= next) {
            seed = seed * 1103515245u + 12345u;
            size_t line = (seed >> 8) % lines;
            bench__send(s, bench__edit(++*version, line));
            last_edit = bench__ms();
            /* A typist keeps the pace: no burst to catch up after a delay. */
            next = last_edit + BENCH_STREAM_INTERVAL_MS;
            if (++i % BENCH_HOVER_EVERY == 0) {
                bench__probe(s, probes + sent_probes, 1000 + sent_probes, line, 1);
                sent_probes++;
            }
            if (i % BENCH_OUTLINE_EVERY == 0) {
                bench__probe(s, probes + sent_probes, 1000 + sent_probes, line, 0);
                sent_probes++;
            }
        }
        json_t *m = bench__recv(s, i < edits ? next - bench__ms() : BENCH_TIMEOUT_MS);
        if (!m) {
            if (i >= edits)
                bench__die("timed out waiting for responses");
            continue;
        }
        json_t *id = json_object_get(m, "id");
        if (json_is_integer(id) && json_integer_value(id) >= 1000) {
            bench_probe *p = &probes[json_integer_value(id) - 1000];
            double dt = bench__ms() - p->sent;
            if (p->is_hover)
                hover[nh++] = dt;
            else
                outline[no++] = dt;
            answered++;
        } else if (bench__is_publish(m, 0)) {
            publishes++;
            json_int_t v = json_integer_value(proto_get(m, "params.version"));
            if (v > published)
                published = v;
        }
        json_decref(m);
    }
    if (published < *version)
        bench__await_publish(s, *version);
    double lag = bench__ms() - last_edit;
    printf("mode=stream\tedits=%d\tinterval_ms=%.0f\tpublishes=%d\thover_median_ms=%.2f\thover_p99_ms=%.2f"
           "\toutline_median_ms=%.2f\toutline_p99_ms=%.2f\tlast_publish_after_ms=%.2f\n",
           edits, BENCH_STREAM_INTERVAL_MS, publishes, bench__pct(hover, nh, 0.5), bench__pct(hover, nh, 0.99),
           bench__pct(outline, no, 0.5), bench__pct(outline, no, 0.99), lag);
    free(probes);
    free(hover);
    free(outline);
}

int main(int argc, char **argv)
{
    if (argc < 5)
        bench__die("usage: lsp_bench BYLINE MB EDITS FILE...");
    signal(SIGPIPE, SIG_IGN);
    size_t len;
    char *text = bench__draft(argc - 4, argv + 4, (size_t)(atof(argv[2]) * 1e6), &len);
    int edits = atoi(argv[3]);
    size_t lines = bench__lines(text, len);
    bench_server s = bench__spawn(argv[1]);
    bench__send(&s, proto_request_new(1, "initialize",
                                      json_pack("{s:n, s:{s:{s:{s:b}}}}", "processId", "capabilities",
                                                "textDocument", "documentSymbol",
                                                "hierarchicalDocumentSymbolSupport", 1)));
    bench__send(&s, proto_notification_new("initialized", json_object()));
    double t0 = bench__ms();
    json_int_t version = 1;
    bench__send(&s, proto_notification_new(
                        "textDocument/didOpen",
                        json_pack("{s:{s:s, s:s, s:I, s:s%}}", "textDocument", "uri", bench__uri,
                                  "languageId", "plaintext", "version", version, "text", text, len)));
    bench__await_publish(&s, version);
    printf("mode=open\tbytes=%zu\tlines=%zu\topen_ms=%.2f\n", len, lines, bench__ms() - t0);
    bench__typing(&s, lines, edits, &version);
    bench__stream(&s, lines, edits / 2 > 100 ? edits / 2 : 100, &version);
    long kb = bench__peak_kb(s.pid);
    printf("mode=memory\tbytes=%zu\tpeak_rss_kb=%ld\trss_ratio=%.2f\n", len, kb,
           (double)kb * 1024.0 / (double)len);
    bench__send(&s, proto_request_new(2, "shutdown", NULL));
    bench__send(&s, proto_notification_new("exit", NULL));
    int status = 0;
    waitpid(s.pid, &status, 0);
    proto_reader_free(&s.reader);
    free(text);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
