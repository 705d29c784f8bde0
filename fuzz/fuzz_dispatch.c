/* fuzz_dispatch.c - the whole server on an arbitrary input stream: framing,
 * JSON-RPC parsing, the lifecycle, the method table and every handler,
 * with the analysis thread running. The input is what the client writes
 * to `byline lsp`; the seeds are LSP sessions (make_seeds.py). Output goes
 * to /dev/null; stderr too, unless FUZZ_DISPATCH_STDERR is set (replay a
 * finding with it to see the server's last words). The server must return
 * from lsp_main (no crash, no hang: libFuzzer's -timeout) with 0, 1 or 2. */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_model.h"
#include "lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fuzz_dispatch_feed {
    int fd;
    const uint8_t *data;
    size_t size;
} fuzz_dispatch_feed;

/* Writes the whole input into the server's stdin pipe, then closes it.
 * Stops early when the server closed its end (it exited). */
static void *fuzz_dispatch__writer(void *arg)
{
    fuzz_dispatch_feed *f = arg;
    for (size_t off = 0; off < f->size;) {
        ssize_t n = write(f->fd, f->data + off, f->size - off);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    close(f->fd);
    return NULL;
}

/* Points fd at /dev/null; returns a copy of the old fd (or -1). */
static int fuzz_dispatch__silence(int fd)
{
    int saved = dup(fd);
    int null = open("/dev/null", O_WRONLY);
    FUZZ_CHECK(null >= 0);
    FUZZ_CHECK(dup2(null, fd) == fd);
    close(null);
    return saved;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        signal(SIGPIPE, SIG_IGN);
        fuzz_dispatch__silence(STDOUT_FILENO); /* the server's replies */
        ready = 1;
    }
    int p[2];
    FUZZ_CHECK(pipe(p) == 0);
    FUZZ_CHECK(dup2(p[0], STDIN_FILENO) == STDIN_FILENO);
    close(p[0]);
    fuzz_dispatch_feed feed = {p[1], data, size};
    pthread_t writer;
    FUZZ_CHECK(pthread_create(&writer, NULL, fuzz_dispatch__writer, &feed) == 0);

    int saved_err = getenv("FUZZ_DISPATCH_STDERR") ? -1 : fuzz_dispatch__silence(STDERR_FILENO);
    char arg0[] = "lsp";
    char *argv[] = {arg0, NULL};
    int rc = lsp_main(1, argv);
    if (saved_err >= 0) {
        dup2(saved_err, STDERR_FILENO);
        close(saved_err);
    }
    /* /dev/null in place of the pipe: closes its read end, which unblocks
     * the writer if the server stopped early, and keeps fd 0 taken so the
     * next pipe() cannot land on it. */
    int null = open("/dev/null", O_RDONLY);
    FUZZ_CHECK(null >= 0 && dup2(null, STDIN_FILENO) == STDIN_FILENO);
    close(null);
    pthread_join(writer, NULL);
    FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2);
    return 0;
}
