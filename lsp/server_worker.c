/* server_worker.c - the analysis thread. It takes a snapshot of the newest
 * text of a queued document, analyses it without holding the lock, then
 * installs the model and publishes diagnostics only if no edit arrived in
 * between (never for a stale version). Edits that arrive during an
 * analysis coalesce into one re-analysis of the newest text. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lsp.h"

typedef struct lsp_snapshot {
    char *uri;
    char *text;
    size_t len;
    long rev;
    json_int_t version;
    an_format format;
    lsp_config *config;
} lsp_snapshot;

void lsp_worker_queue(lsp_server *s, lsp_document *d)
{
    d->queued = 1;
    pthread_cond_signal(&s->work);
}

/* Takes the first queued document's text; 0 when none (mu held). */
static int lsp_worker__take(lsp_server *s, lsp_snapshot *snap)
{
    for (size_t i = 0; i < s->n_docs; i++) {
        lsp_document *d = s->docs[i];
        if (!d->queued)
            continue;
        d->queued = 0;
        if (d->too_large)
            continue;
        memset(snap, 0, sizeof *snap);
        snap->uri = malloc(strlen(d->uri) + 1);
        snap->text = malloc(d->len ? d->len : 1);
        if (!snap->uri || !snap->text) {
            free(snap->uri);
            free(snap->text);
            lsp_log(s, LSP_MSG_ERROR, "%s: out of memory; not analysed", d->uri);
            continue;
        }
        strcpy(snap->uri, d->uri);
        memcpy(snap->text, d->text ? d->text : "", d->len);
        snap->len = d->len;
        snap->rev = d->rev;
        snap->version = d->version;
        snap->format = d->format;
        snap->config = d->config;
        if (snap->config)
            snap->config->refs++;
        return 1;
    }
    return 0;
}

/* Analyses a snapshot (mu not held). NULL when memory runs out. */
static lsp_model *lsp_worker__analyse(lsp_snapshot *snap)
{
    lsp_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    an_options opt = snap->config ? config_options(snap->config->cfg, snap->format)
                                  : an_options_default();
    opt.format = snap->format;
    m->doc = an_doc_new(snap->text, snap->len, &opt);
    an_str t = m->doc ? an_doc_text(m->doc) : (an_str){NULL, 0};
    if (!m->doc || proto_lines_build(&m->lines, t.ptr, t.len) != 0) {
        lsp_model_free(m);
        return NULL;
    }
    m->rev = snap->rev;
    m->version = snap->version;
    return m;
}

/* Installs a model (mu held); publishes when it is current. Returns the
 * model to free once mu is released (the replaced or the unwanted one). */
static lsp_model *lsp_worker__install(lsp_server *s, lsp_snapshot *snap, lsp_model *m)
{
    lsp_document *d = lsp_documents_find(s, snap->uri);
    if (!m) {
        lsp_log(s, LSP_MSG_ERROR, "%s: out of memory during analysis", snap->uri);
        return NULL;
    }
    if (!d || (d->model && d->model->rev >= m->rev) || m->rev > d->rev)
        return m; /* closed, or overtaken */
    lsp_model *old = d->model;
    d->model = m;
    lsp_document_prune_edits(d);
    s->analyses++;
    if (m->rev == d->rev) {
        lsp_publish_diagnostics(s, d, m);
        lsp_serve_pending(s);
    }
    return old;
}

static void *lsp_worker__main(void *arg)
{
    lsp_server *s = arg;
    pthread_mutex_lock(&s->mu);
    while (!s->quit) {
        lsp_snapshot snap;
        if (!lsp_worker__take(s, &snap)) {
            pthread_cond_wait(&s->work, &s->mu);
            continue;
        }
        lsp_unlock_and_flush(s);
        lsp_model *m = lsp_worker__analyse(&snap);
        free(snap.text);
        pthread_mutex_lock(&s->mu);
        lsp_config_release(snap.config);
        lsp_model *garbage = lsp_worker__install(s, &snap, m);
        free(snap.uri);
        lsp_unlock_and_flush(s);
        lsp_model_free(garbage); /* a large model is freed outside the lock */
        pthread_mutex_lock(&s->mu);
    }
    s->worker_stopped = 1;
    pthread_cond_broadcast(&s->done);
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

int lsp_worker_start(lsp_server *s)
{
    if (pthread_create(&s->worker, NULL, lsp_worker__main, s) != 0)
        return -1;
    s->worker_started = 1;
    return 0;
}

int lsp_worker_stop(lsp_server *s, int timeout_ms)
{
    if (!s->worker_started)
        return 0;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&s->mu);
    s->quit = 1;
    pthread_cond_signal(&s->work);
    while (!s->worker_stopped && pthread_cond_timedwait(&s->done, &s->mu, &until) == 0)
        ;
    int stopped = s->worker_stopped;
    pthread_mutex_unlock(&s->mu);
    if (!stopped)
        return -1;
    pthread_join(s->worker, NULL);
    s->worker_started = 0;
    return 0;
}
