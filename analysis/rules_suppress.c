/* rules_suppress.c - inline suppression comments.
 *
 * Markdown (and plain text):  <!-- byline-disable RULE... -->
 *                             <!-- byline-enable RULE... -->
 *                             <!-- byline-disable-next-line RULE... -->
 * Plain text (and Markdown):  [[byline-disable RULE...]], [[byline-enable
 *                             RULE...]], [[byline-disable-next-line RULE...]]
 * RULE is a rule id or a group ("quote" = every quote.* rule), several
 * separated by spaces or commas; none means every rule. "next line" is the
 * next line that is not blank. The markers are read from the original
 * text: the Markdown prose mask hides HTML comments. */
#include "rules_internal.h"

#include <stdlib.h>
#include <string.h>

enum { AN_SUP_DISABLE, AN_SUP_ENABLE, AN_SUP_NEXT_LINE };

typedef struct an_sup {
    size_t at;      /* where the marker takes effect */
    size_t until;   /* for next-line: the end of that line */
    int kind;
    uint32_t rules; /* bit per an_rule */
} an_sup;

typedef AN_VEC(an_sup) an_sups;

/* The rules named in s[0..n) as a bit set; all rules when none is named. */
static uint32_t an_sup__rules(const char *s, size_t n)
{
    uint32_t mask = 0;
    bool named = false;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '\t'))
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '\t')
            i++;
        if (i == b)
            continue;
        named = true;
        for (int r = 0; r < AN_RULE_COUNT; r++) {
            const char *id = an_rule_name((an_rule)r);
            size_t len = i - b;
            if (strncmp(id, s + b, len) == 0 && (id[len] == '\0' || id[len] == '.'))
                mask |= 1u << r;
        }
    }
    return named ? mask : (1u << AN_RULE_COUNT) - 1;
}

/* The end of the next non-blank line after offset's line. */
static void an_sup__next_line(const an_doc *doc, size_t offset, size_t *start, size_t *end)
{
    size_t line = an_doc_line_of(doc, offset) + 1;
    for (; line < doc->lines.len; line++) {
        size_t s = doc->lines.items[line];
        size_t e = line + 1 < doc->lines.len ? doc->lines.items[line + 1] : doc->len;
        for (size_t k = s; k < e; k++)
            if (doc->text[k] != ' ' && doc->text[k] != '\t' && doc->text[k] != '\r' &&
                doc->text[k] != '\n') {
                *start = s;
                *end = e;
                return;
            }
    }
    *start = *end = doc->len;
}

/* Parses one marker body ("byline-disable quote.unattributed"). */
static void an_sup__marker(const an_doc *doc, an_sups *out, size_t at, const char *s, size_t n,
                           size_t marker_end)
{
    static const struct {
        const char *word;
        int kind;
    } kinds[] = {{"byline-disable-next-line", AN_SUP_NEXT_LINE},
                 {"byline-disable", AN_SUP_DISABLE},
                 {"byline-enable", AN_SUP_ENABLE}};
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t w = strlen(kinds[k].word);
        if (n < w || memcmp(s, kinds[k].word, w) != 0 || (n > w && s[w] != ' ' && s[w] != '\t'))
            continue;
        an_sup sup = {marker_end, SIZE_MAX, kinds[k].kind, an_sup__rules(s + w, n - w)};
        if (sup.kind == AN_SUP_NEXT_LINE)
            an_sup__next_line(doc, at, &sup.at, &sup.until);
        AN_VEC_PUSH(*out, sup);
        return;
    }
}

static void an_sup__scan(const an_doc *doc, an_sups *out, const char *open, const char *close)
{
    const char *t = doc->text, *end = doc->text + doc->len;
    size_t olen = strlen(open), clen = strlen(close);
    for (const char *p = t; p + olen <= end;) {
        const char *o = memchr(p, open[0], (size_t)(end - p));
        if (!o || o + olen > end)
            break;
        if (memcmp(o, open, olen) != 0) {
            p = o + 1;
            continue;
        }
        const char *body = o + olen, *c = body;
        while (c + clen <= end && memcmp(c, close, clen) != 0 && *c != '\n')
            c++;
        if (c + clen > end || *c == '\n') {
            p = body;
            continue;
        }
        an_sup__marker(doc, out, (size_t)(o - t), body, (size_t)(c - body), (size_t)(c + clen - t));
        p = c + clen;
    }
}

static int an_sup__cmp(const void *a, const void *b)
{
    const an_sup *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

static bool an_sup__suppressed(const an_sups *sups, const an_diagnostic *d)
{
    uint32_t bit = 1u << d->rule, disabled = 0;
    for (size_t i = 0; i < sups->len && sups->items[i].at <= d->span.start; i++) {
        const an_sup *s = &sups->items[i];
        if (s->kind == AN_SUP_DISABLE)
            disabled |= s->rules;
        else if (s->kind == AN_SUP_ENABLE)
            disabled &= ~s->rules;
        else if ((s->rules & bit) && d->span.start < s->until)
            return true;
    }
    return (disabled & bit) != 0;
}

/* Cheap pre-check: does "byline-" occur at all? */
static bool an_sup__any(const an_doc *doc)
{
    for (const char *p = doc->text, *end = doc->text + doc->len;
         (p = memchr(p, 'b', (size_t)(end - p))) != NULL && end - p >= 7; p++)
        if (memcmp(p, "byline-", 7) == 0)
            return true;
    return false;
}

void an__rules_suppress(an_rules_ctx *cx)
{
    an_doc *doc = cx->doc;
    if (doc->diagnostics.len == 0 || !an_sup__any(doc))
        return;
    an_sups sups = {0};
    an_sup__scan(doc, &sups, "<!--", "-->");
    an_sup__scan(doc, &sups, "[[", "]]");
    if (sups.len > 0) /* no markers found: items is NULL, and qsort(NULL, 0) is UB */
        qsort(sups.items, sups.len, sizeof *sups.items, an_sup__cmp);
    size_t out = 0;
    for (size_t i = 0; i < doc->diagnostics.len; i++)
        if (!an_sup__suppressed(&sups, &doc->diagnostics.items[i]))
            doc->diagnostics.items[out++] = doc->diagnostics.items[i];
    doc->diagnostics.len = out;
    free(sups.items);
}
