/* rules.c - the rule catalogue's driver: paragraphs and words of the prose,
 * comparison keys for names, diagnostics with configured severities. The
 * checks themselves live in rules_quotes.c, rules_people.c and
 * rules_acronyms.c; rules_suppress.c applies inline suppression. */
#include "rules_internal.h"

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Stores a diagnostic, its strings copied into the arena. */
static void an_rules__push(an_rules_ctx *cx, an_rule rule, an_severity sev, an_span span,
                           const char *message, an_span related, const char *related_message,
                           const char *replacement)
{
    an_arena *a = &cx->doc->arena;
    an_diagnostic d = {.rule = rule, .severity = sev, .span = span, .related = related};
    d.message.ptr = an_arena_strndup(a, message, strlen(message));
    d.message.len = strlen(message);
    const char *rm = related_message ? related_message : "";
    d.related_message.ptr = an_arena_strndup(a, rm, strlen(rm));
    d.related_message.len = strlen(rm);
    if (replacement) {
        d.replacement.ptr = an_arena_strndup(a, replacement, strlen(replacement));
        d.replacement.len = strlen(replacement);
    }
    if (!d.message.ptr || !d.related_message.ptr || (replacement && !d.replacement.ptr))
        return;
    AN_VEC_PUSH(cx->doc->diagnostics, d);
}

void an_rules__emit(an_rules_ctx *cx, an_rule rule, an_span span, const char *message,
                    an_span related, const char *related_message, const char *replacement)
{
    an_severity sev = cx->opt->severity[rule];
    if (sev == AN_SEV_OFF)
        return;
    if (cx->found[rule]++ >= AN_RULES_MAX_PER_RULE) {
        if (cx->found[rule] == AN_RULES_MAX_PER_RULE + 1)
            cx->first_dropped[rule] = span;
        return;
    }
    an_rules__push(cx, rule, sev, span, message, related, related_message, replacement);
}

/* For each rule that found more than it keeps: one diagnostic of that rule
 * at its first finding not kept, saying how many were not shown. Before
 * suppression, so a comment that silences the rule silences this too. */
static void an_rules__emit_overflow(an_rules_ctx *cx)
{
    for (int r = 0; r < AN_RULE_COUNT; r++) {
        if (cx->found[r] <= AN_RULES_MAX_PER_RULE)
            continue;
        size_t more = cx->found[r] - AN_RULES_MAX_PER_RULE;
        char msg[256];
        snprintf(msg, sizeof msg,
                 "%zu more %s finding%s in this document %s not shown: Byline reports the "
                 "first %d of each rule.",
                 more, an_rule_name((an_rule)r), more == 1 ? "" : "s", more == 1 ? "is" : "are",
                 (int)AN_RULES_MAX_PER_RULE);
        an_rules__push(cx, (an_rule)r, cx->opt->severity[r], cx->first_dropped[r], msg,
                       (an_span){0, 0}, NULL, NULL);
    }
}

/* Text bytes per block of cx->word_at_block: 64. */
enum { AN_RULES_BLOCK_BITS = 6 };

static_assert(offsetof(an_para, span) == 0, "an__span_at reads the span first");

ptrdiff_t an_rules__para_of(const an_rules_ctx *cx, size_t offset)
{
    return an__span_at(cx->paras.items, cx->paras.len, sizeof *cx->paras.items, offset);
}

bool an_rules__in_body(const an_rules_ctx *cx, size_t offset)
{
    ptrdiff_t p = an_rules__para_of(cx, offset);
    return p >= 0 && cx->paras.items[p].body;
}

bool an_rules__in_first_person(const an_rules_ctx *cx, size_t offset)
{
    ptrdiff_t p = an_rules__para_of(cx, offset);
    return p >= 0 && cx->paras.items[p].first_person;
}

bool an_rules__word_in_body(const an_rules_ctx *cx, const an_word *w)
{
    assert(w->para == an_rules__para_of(cx, w->span.start));
    return w->para >= 0 && cx->paras.items[w->para].body;
}

bool an_rules__word_in_first_person(const an_rules_ctx *cx, const an_word *w)
{
    assert(w->para == an_rules__para_of(cx, w->span.start));
    return w->para >= 0 && cx->paras.items[w->para].first_person;
}

size_t an_rules__word_from(const an_rules_ctx *cx, size_t offset)
{
    size_t b = offset >> AN_RULES_BLOCK_BITS;
    if (cx->word_at_block && b < cx->n_blocks) {
        /* Words of block b start at or after b's start, and the first
         * word of block b + 1 starts at or after offset: a short scan. */
        size_t w = cx->word_at_block[b];
        while (w < cx->words.len && cx->words.items[w].span.start < offset)
            w++;
        return w;
    }
    size_t lo = 0, hi = cx->words.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cx->words.items[mid].span.start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool an_rules__in_speech(const an_doc *doc, size_t offset)
{
    int32_t q = an_doc_quote_at(doc, offset);
    return q >= 0 && !(doc->quotes.items[q].flags & AN_QUOTE_NOT_SPEECH) &&
           offset != doc->quotes.items[q].span.start;
}

bool an_rules__span_is(const an_doc *doc, an_span span, const char *s, size_t len)
{
    return span.end - span.start == len && memcmp(doc->text + span.start, s, len) == 0;
}

void an_rules__excerpt(const an_doc *doc, an_span span, char *buf, size_t size)
{
    size_t n = span.end - span.start;
    if (n > 60) {
        n = 60;
        while (n > 0 && ((unsigned char)doc->text[span.start + n] & 0xC0) == 0x80)
            n--; /* never cut a UTF-8 sequence */
    }
    snprintf(buf, size, "\xE2\x80\x9C%.*s%s\xE2\x80\x9D", (int)n, doc->text + span.start,
             n < span.end - span.start ? "\xE2\x80\xA6" : "");
}

/* ---- comparison keys -------------------------------------------------- */

/* The key of ASCII text: normalization and mark stripping change nothing,
 * and case folding is lowering. */
static char *an_rules__ascii_key(const char *s, size_t len)
{
    char *key = malloc(len + 1);
    if (!key)
        return NULL;
    for (size_t i = 0; i < len; i++)
        key[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
    key[len] = '\0';
    return key;
}

char *an_rules__key(const char *s, size_t len, bool strip_marks)
{
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80 && s[ascii] != '\0')
        ascii++;
    if (ascii == len) {
        char *key = an_rules__ascii_key(s, len);
        if (key && strip_marks && strncmp(key, "mac", 3) == 0 && key[3] != '\0')
            memmove(key + 1, key + 2, strlen(key + 2) + 1); /* "mac" -> "mc" */
        return key;
    }
    utf8proc_uint8_t *out = NULL;
    int flags = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
    if (strip_marks)
        flags |= UTF8PROC_STRIPMARK;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                                      (utf8proc_option_t)flags);
    if (n < 0)
        return NULL;
    char *key = (char *)out;
    if (strip_marks && strncmp(key, "mac", 3) == 0 && key[3] != '\0')
        memmove(key + 1, key + 2, strlen(key + 2) + 1); /* "mac" -> "mc" */
    return key;
}

/* Decodes a NUL-terminated UTF-8 key into code points; returns the count
 * (at most cap). */
static size_t an_rules__codepoints(const char *key, int32_t *cps, size_t cap)
{
    size_t n = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)key;
    while (*p && n < cap) {
        if (*p < 0x80) {
            cps[n++] = *p++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0)
            break;
        cps[n++] = c;
        p += k;
    }
    return n;
}

/* Optimal string alignment distance (edits and adjacent swaps). */
static size_t an_rules__distance(const int32_t *a, size_t n, const int32_t *b, size_t m)
{
    enum { W = 65 };
    size_t d[W][W];
    if (n >= W || m >= W)
        return W;
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

/* True when the longer key is the shorter plus a plural or possessive end. */
static bool an_rules__plural(const int32_t *a, size_t n, const int32_t *b, size_t m)
{
    if (n > m)
        return an_rules__plural(b, m, a, n);
    if (memcmp(a, b, n * sizeof *a) != 0)
        return false;
    if (m == n + 1)
        return b[n] == 's';
    return m == n + 2 && ((b[n] == 'e' && b[n + 1] == 's') || (b[n] == '\'' && b[n + 1] == 's') ||
                          (b[n] == 0x2019 && b[n + 1] == 's'));
}

bool an_rules__plural_of(const char *word, size_t wlen, const char *name, size_t nlen)
{
    char *kw = an_rules__key(word, wlen, false), *kn = an_rules__key(name, nlen, false);
    bool plural = false;
    if (kw && kn) {
        int32_t a[64], b[64];
        size_t n = an_rules__codepoints(kn, a, 64), m = an_rules__codepoints(kw, b, 64);
        plural = m > n && an_rules__plural(a, n, b, m);
    }
    free(kw);
    free(kn);
    return plural;
}

/* Edit-distance verdict on two different folded keys. */
static bool an_rules__close(const char *ka, const char *kb)
{
    int32_t a[64], b[64];
    size_t n = an_rules__codepoints(ka, a, 64), m = an_rules__codepoints(kb, b, 64);
    size_t shorter = n < m ? n : m, longer = n < m ? m : n;
    if (shorter < 4 || longer < 5)
        return false;
    if (shorter < 7 && a[0] != b[0])
        return false;
    size_t dist = an_rules__distance(a, n, b, m);
    return dist <= (shorter >= 10 ? 2u : 1u);
}

/* The length of a name without a possessive 's or ’s. */
static size_t an_rules__unpossessed(const char *s, size_t len)
{
    if (len > 2 && s[len - 1] == 's' && s[len - 2] == '\'')
        return len - 2;
    if (len > 4 && s[len - 1] == 's' && (unsigned char)s[len - 2] == 0x99 &&
        (unsigned char)s[len - 4] == 0xE2)
        return len - 4;
    return len;
}

bool an_rules__name_variant(const char *a, size_t alen, const char *b, size_t blen)
{
    alen = an_rules__unpossessed(a, alen);
    blen = an_rules__unpossessed(b, blen);
    char *ca = an_rules__key(a, alen, false), *cb = an_rules__key(b, blen, false);
    char *fa = an_rules__key(a, alen, true), *fb = an_rules__key(b, blen, true);
    bool variant = false;
    if (ca && cb && fa && fb && strcmp(ca, cb) != 0)
        variant = strcmp(fa, fb) == 0 || an_rules__close(fa, fb);
    free(ca);
    free(cb);
    free(fa);
    free(fb);
    return variant;
}

bool an_rules__word_in(const an_doc *doc, an_span w, const char *const *list)
{
    size_t n = w.end - w.start;
    char first = (char)(doc->text[w.start] | 0x20);
    for (size_t i = 0; list[i]; i++)
        if ((list[i][0] | 0x20) == first && strlen(list[i]) == n &&
            strncasecmp(doc->text + w.start, list[i], n) == 0)
            return true;
    return false;
}

/* ---- cached comparison keys ------------------------------------------- */

/* Appends key's code points to c->cps (at most 64, as the distance needs). */
static int an_rules__push_cps(an_name_keys *c, const char *key, uint32_t *off, uint32_t *n)
{
    int32_t cps[64];
    size_t k = an_rules__codepoints(key, cps, 64);
    *off = (uint32_t)c->cps.len;
    *n = (uint32_t)k;
    for (size_t i = 0; i < k; i++)
        if (AN_VEC_PUSH(c->cps, cps[i]) != 0)
            return -1;
    return 0;
}

static int an_rules__push_chars(an_name_keys *c, const char *key, uint32_t *off)
{
    *off = (uint32_t)c->chars.len;
    for (size_t i = 0, n = strlen(key); i <= n; i++)
        if (AN_VEC_PUSH(c->chars, key[i]) != 0)
            return -1;
    return 0;
}

static an_name_key an_rules__name_key_new(an_name_keys *c, const char *s, size_t len)
{
    an_name_key k = {0};
    size_t ulen = an_rules__unpossessed(s, len);
    char *raw = an_rules__key(s, len, false), *cased = an_rules__key(s, ulen, false),
         *fold = an_rules__key(s, ulen, true);
    k.ok = raw && cased && fold && an_rules__push_cps(c, raw, &k.raw_off, &k.raw_n) == 0 &&
           an_rules__push_chars(c, cased, &k.cased_off) == 0 &&
           an_rules__push_chars(c, fold, &k.fold_off) == 0 &&
           an_rules__push_cps(c, fold, &k.fold_cps, &k.fold_n) == 0;
    for (uint32_t i = 0; k.ok && i < k.fold_n; i++)
        k.letters |= UINT64_C(1) << ((uint32_t)c->cps.items[k.fold_cps + i] % 64);
    free(raw);
    free(cased);
    free(fold);
    return k;
}

/* Makes room for `need` items in all in a vector of `size`-byte items,
 * starting at 256 (a draft's names need a few thousand). */
static int an_rules__reserve(void **items, size_t *cap, size_t need, size_t size)
{
    if (*cap >= need)
        return 0;
    size_t ncap = *cap ? *cap : 256;
    while (ncap < need && ncap <= SIZE_MAX / 2 / size)
        ncap *= 2;
    void *p = ncap >= need ? realloc(*items, ncap * size) : NULL;
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

static char an_rules__lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

/* an_rules__name_key_new for ASCII text without NUL bytes, where every key
 * is the text lowered (the folded one with "mac" made "mc"): written in
 * place, without utf8proc or malloc. */
static an_name_key an_rules__ascii_name_key(an_name_keys *c, const char *s, size_t len)
{
    an_name_key k = {0};
    size_t ulen = an_rules__unpossessed(s, len);
    bool mac = ulen > 3 && an_rules__lower(s[0]) == 'm' && an_rules__lower(s[1]) == 'a' &&
               an_rules__lower(s[2]) == 'c';
    size_t fold_len = mac ? ulen - 1 : ulen;
    size_t raw_n = len < 64 ? len : 64, fold_n = fold_len < 64 ? fold_len : 64;
    if (an_rules__reserve((void **)&c->chars.items, &c->chars.cap, c->chars.len + ulen + fold_len + 2,
                          sizeof *c->chars.items) != 0 ||
        an_rules__reserve((void **)&c->cps.items, &c->cps.cap, c->cps.len + raw_n + fold_n,
                          sizeof *c->cps.items) != 0)
        return k;
    k.raw_off = (uint32_t)c->cps.len;
    k.raw_n = (uint32_t)raw_n;
    for (size_t i = 0; i < raw_n; i++)
        c->cps.items[c->cps.len++] = an_rules__lower(s[i]);
    k.cased_off = (uint32_t)c->chars.len;
    for (size_t i = 0; i < ulen; i++)
        c->chars.items[c->chars.len++] = an_rules__lower(s[i]);
    c->chars.items[c->chars.len++] = '\0';
    k.fold_off = (uint32_t)c->chars.len;
    memcpy(c->chars.items + c->chars.len, c->chars.items + k.cased_off + (mac ? 1 : 0), fold_len);
    if (mac)
        c->chars.items[k.fold_off] = 'm'; /* "mac..." -> "m" + "c..." */
    c->chars.len += fold_len;
    c->chars.items[c->chars.len++] = '\0';
    k.fold_cps = (uint32_t)c->cps.len;
    k.fold_n = (uint32_t)fold_n;
    for (size_t i = 0; i < fold_n; i++) {
        char ch = c->chars.items[k.fold_off + i];
        c->cps.items[c->cps.len++] = ch;
        k.letters |= UINT64_C(1) << ((uint32_t)ch % 64);
    }
    k.ok = true;
    return k;
}

bool an_rules__ascii_fold_shape(const char *s, size_t len, uint32_t *fold_n, int32_t *first)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
            return false;
    if (len == 0)
        return false;
    size_t ulen = an_rules__unpossessed(s, len);
    bool mac = ulen > 3 && an_rules__lower(s[0]) == 'm' && an_rules__lower(s[1]) == 'a' &&
               an_rules__lower(s[2]) == 'c';
    size_t fold_len = mac ? ulen - 1 : ulen;
    *fold_n = (uint32_t)(fold_len < 64 ? fold_len : 64);
    *first = an_rules__lower(s[0]); /* "mac" folds to "mc": still 'm' */
    return true;
}

int32_t an_rules__name_key(an_name_keys *c, const char *s, size_t len)
{
    if (len == 0)
        return -1; /* an empty spelling is no variant of anything */
    int32_t at = an_emap_get(&c->index, s, len);
    if (at >= 0)
        return at;
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80 && s[ascii] != '\0')
        ascii++;
    an_name_key k = ascii == len ? an_rules__ascii_name_key(c, s, len)
                                 : an_rules__name_key_new(c, s, len);
    if (AN_VEC_PUSH(c->keys, k) != 0 ||
        an_emap_put(&c->index, s, len, (int32_t)(c->keys.len - 1), 1) != 0)
        return -1;
    return (int32_t)(c->keys.len - 1);
}

bool an_rules__variant_k(const an_name_keys *c, int32_t ia, int32_t ib)
{
    if (ia < 0 || ib < 0)
        return false;
    const an_name_key *a = &c->keys.items[ia], *b = &c->keys.items[ib];
    if (!a->ok || !b->ok || strcmp(c->chars.items + a->cased_off, c->chars.items + b->cased_off) == 0)
        return false;
    if (strcmp(c->chars.items + a->fold_off, c->chars.items + b->fold_off) == 0)
        return true;
    /* an_rules__close on the cached code points; the length tests first. */
    size_t n = a->fold_n, m = b->fold_n;
    size_t shorter = n < m ? n : m, longer = n < m ? m : n;
    const int32_t *pa = c->cps.items + a->fold_cps, *pb = c->cps.items + b->fold_cps;
    if (shorter < 4 || longer < 5)
        return false;
    if (shorter < 7 && pa[0] != pb[0])
        return false;
    if (!an_rules__within_edits(a, b))
        return false;
    return an_rules__distance(pa, n, pb, m) <= (shorter >= 10 ? 2u : 1u);
}

bool an_rules__plural_k(const an_name_keys *c, int32_t word, int32_t name)
{
    if (word < 0 || name < 0)
        return false;
    const an_name_key *w = &c->keys.items[word], *k = &c->keys.items[name];
    return w->ok && k->ok && w->raw_n > k->raw_n &&
           an_rules__plural(c->cps.items + k->raw_off, k->raw_n, c->cps.items + w->raw_off,
                            w->raw_n);
}

void an_rules__name_keys_free(an_name_keys *c)
{
    an_emap_free(&c->index);
    free(c->keys.items);
    free(c->chars.items);
    free(c->cps.items);
    memset(c, 0, sizeof *c);
}

/* ---- paragraphs and words --------------------------------------------- */

static bool an_rules__blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

static bool an_rules__starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* The last byte of the paragraph that is not a closing quote or bracket. */
static char an_rules__last_sentence_char(const char *s, size_t n)
{
    while (n >= 4 && s[n - 1] == ']' && s[n - 2] == ']') { /* a [[byline-...]] marker */
        size_t k = n - 2;
        while (k >= 2 && !(s[k - 1] == '[' && s[k - 2] == '['))
            k--;
        if (k < 2)
            break;
        n = k - 2;
        while (n > 0 && s[n - 1] == ' ')
            n--;
    }
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '*' || c == '_') {
            n--;
        } else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99)) {
            n -= 3; /* ” or ’ */
        } else {
            return (char)c;
        }
    }
    return '\0';
}

/* True when s[0..n) has more than `limit` space-separated words; stops
 * counting there. */
static bool an_rules__words_over(const char *s, size_t n, size_t limit)
{
    size_t words = 0;
    for (size_t i = 0; i < n && words <= limit; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words > limit;
}

/* True when s[0..n) has "image:" or "photo:" (any case) with a byte after
 * it: found by its colon, which prose has few of. */
static bool an_rules__has_credit(const char *s, size_t n)
{
    for (const char *c = memchr(s, ':', n); c; c = memchr(c + 1, ':', (size_t)(s + n - c - 1))) {
        size_t at = (size_t)(c - s);
        if (at + 2 > n)
            break;
        if (at >= 5 && (strncasecmp(c - 5, "image", 5) == 0 || strncasecmp(c - 5, "photo", 5) == 0))
            return true;
    }
    return false;
}

/* Headlines, bylines, credits and captions are not body prose (§8). */
static bool an_rules__para_is_body(const an_doc *doc, an_span sp)
{
    const char *t = doc->text + sp.start, *prose = doc->prose + sp.start;
    size_t n = sp.end - sp.start;
    if (doc->format == AN_FORMAT_MARKDOWN && n > 0 && t[0] == '#')
        return false;
    static const char *const labels[] = {"Image:", "Photo:", "Credit:", "Caption:",
                                         "Reporting by", "Editing by", "Writing by",
                                         "Additional reporting", "Source:", "Sources:"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (an_rules__starts_with(prose, n, labels[i]))
            return false;
    if (n < 400 && an_rules__has_credit(prose, n))
        return false; /* a caption with its credit */
    if (memchr(prose, '\n', n))
        return true;
    char last = an_rules__last_sentence_char(prose, n);
    if (last == '.' || last == '!' || last == '?' || last == ':')
        return !an_rules__starts_with(prose, n, "By ") || an_rules__words_over(prose, n, 8);
    return an_rules__words_over(prose, n, 25);
}

static void an_rules__push_para(an_rules_ctx *cx, size_t start, size_t end)
{
    const char *p = cx->doc->prose;
    while (start < end && (p[start] == ' ' || p[start] == '\t' || p[start] == '\r' ||
                           p[start] == '\n'))
        start++;
    while (end > start && (p[end - 1] == ' ' || p[end - 1] == '\t' || p[end - 1] == '\r' ||
                           p[end - 1] == '\n'))
        end--;
    if (end <= start)
        return;
    an_para para = {{start, end}, false, false};
    para.body = an_rules__para_is_body(cx->doc, para.span);
    AN_VEC_PUSH(cx->paras, para);
}

static void an_rules__split_paragraphs(an_rules_ctx *cx)
{
    an_doc *doc = cx->doc;
    size_t nlines = doc->lines.len;
    bool any_blank = false;
    for (size_t l = 0; l + 1 < nlines && !any_blank; l++) {
        size_t s = doc->lines.items[l], e = doc->lines.items[l + 1] - 1;
        any_blank = an_rules__blank(doc->prose + s, e - s);
    }
    size_t start = 0;
    for (size_t l = 0; l < nlines; l++) {
        size_t s = doc->lines.items[l];
        size_t e = l + 1 < nlines ? doc->lines.items[l + 1] - 1 : doc->len;
        if (!any_blank) {
            an_rules__push_para(cx, s, e);
        } else if (an_rules__blank(doc->prose + s, e - s)) {
            an_rules__push_para(cx, start, s);
            start = e;
        }
    }
    if (any_blank)
        an_rules__push_para(cx, start, doc->len);
}

static bool an_rules__word_cp(int32_t c)
{
    if (c < 0x80) /* the categories below, for ASCII: letters and digits */
        return an__ascii_class[c] != 0;
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND);
}

/* True when the period at `dot` ends an initial or an abbreviation that
 * does not end a sentence: "O.J.", "Mr.", "Gov.", "U.S." */
static bool an_rules__abbreviation(const char *p, size_t floor, size_t dot)
{
    size_t b = dot;
    while (b > floor && ((p[b - 1] >= 'A' && p[b - 1] <= 'Z') || (p[b - 1] >= 'a' && p[b - 1] <= 'z')))
        b--;
    size_t n = dot - b;
    if (n == 1 && p[b] >= 'A' && p[b] <= 'Z')
        return true; /* an initial */
    return an__abbreviation_word(p + b, n);
}

/* True when the word starting at `start`, in paragraph `para` (or -1),
 * follows a sentence end. */
static bool an_rules__after_sentence_end(const an_rules_ctx *cx, ptrdiff_t para, size_t start)
{
    /* The bytes looked past: spaces, opening quotes and brackets, and the
     * bytes of “ and ‘. */
    static const bool skip[256] = {[' '] = 1, ['\n'] = 1, ['\r'] = 1, ['\t'] = 1, ['"'] = 1,
                                   ['('] = 1, ['\''] = 1, [0x9C] = 1, [0x98] = 1, [0x80] = 1,
                                   [0xE2] = 1};
    const char *p = cx->doc->prose;
    size_t floor = para >= 0 ? cx->paras.items[para].span.start : 0;
    if (start >= floor + 2 && p[start - 1] == ' ' && an__ascii_class[(unsigned char)p[start - 2]])
        return false; /* the common case: a space after a letter or digit */
    size_t i = start;
    while (i > floor) {
        unsigned char c = (unsigned char)p[i - 1];
        if (skip[c])
            i--;
        else if (c == '.')
            return !an_rules__abbreviation(p, floor, i - 1);
        else
            return c == '!' || c == '?' || c == ':';
    }
    return true;
}

bool an_rules__sentence_start(const an_rules_ctx *cx, const an_word *w)
{
    return an_rules__after_sentence_end(cx, w->para, w->span.start);
}

/* Words are pushed in text order, so the paragraph of each is found by
 * moving *cursor forward rather than by a search. */
static void an_rules__push_word(an_rules_ctx *cx, size_t *cursor, size_t start, size_t end,
                                int upper, int lower, int32_t first)
{
    while (*cursor < cx->paras.len && cx->paras.items[*cursor].span.end <= start)
        (*cursor)++;
    ptrdiff_t para = *cursor < cx->paras.len && cx->paras.items[*cursor].span.start <= start
                         ? (ptrdiff_t)*cursor
                         : -1;
    an_word w = {{start, end}, false, false, false, false, (int32_t)para};
    if (first < 0x80) {
        w.capitalized = first >= 'A' && first <= 'Z';
    } else {
        utf8proc_category_t k = utf8proc_category(first);
        w.capitalized = k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
    }
    w.all_caps = upper > 0 && lower == 0;
    w.has_upper = upper > 0;
    if (AN_VEC_PUSH(cx->words, w) == 0 && w.capitalized)
        AN_VEC_PUSH(cx->capitalized, (uint32_t)(cx->words.len - 1));
}


/* The next code point of p[0..len) into *c and its length (an invalid
 * byte is U+FFFD of length 1), with the common ASCII case inline. */
static size_t an_rules__next_cp(const utf8proc_uint8_t *p, size_t len, int32_t *c)
{
    if (p[0] < 0x80) {
        *c = p[0];
        return 1;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
    if (k <= 0) {
        *c = 0xFFFD;
        return 1;
    }
    *c = cp;
    return (size_t)k;
}

/* The ASCII bytes that are no part of a word, but NUL: the split passes
 * them at once, and stops at the NUL that ends the prose (a NUL inside it
 * is then passed by one more step of the split). */
static const bool an_rules__between[256] = {
    [1] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [' '] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* ' ' to '/' */
    [':'] = 1, 1, 1, 1, 1, 1, 1,                             /* ':' to '@' */
    ['['] = 1, 1, 1, 1, 1, 1,                                /* '[' to '`' */
    ['{'] = 1, 1, 1, 1, 1,                                   /* '{' to DEL */
};

/* One call site for an_rules__push_word, so that it is inlined: each
 * step says whether the word in progress ends before p[i], and the end of
 * the text is one more such step. */
static void an_rules__split_words(an_rules_ctx *cx)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)cx->doc->prose;
    size_t len = cx->doc->len, i = 0, start = 0, cursor = 0;
    /* English runs about 6 bytes a word: room for most drafts' words at
     * once (no memory is no error: AN_VEC_PUSH grows as usual). */
    size_t guess = len / 6 + 16;
    an_rules__reserve((void **)&cx->words.items, &cx->words.cap, guess < 65536 ? guess : 65536,
                      sizeof *cx->words.items);
    int upper = 0, lower = 0, in_word = 0;
    int32_t first = 0;
    while (i <= len) {
        bool ends = true; /* the word in progress, if any, ends at i */
        size_t step = 1;
        if (an__ascii_class[p[i]]) { /* the common case, inline; p[len] is NUL */
            bool fresh = !in_word;
            if (fresh) {
                in_word = 1;
                start = i;
                upper = lower = 0;
                first = p[i];
            }
            unsigned seen = 0; /* only whether there are any counts */
            for (; an__ascii_class[p[i]]; i++)
                seen |= an__ascii_class[p[i]];
            upper += (seen & AN_ASCII_UPPER) != 0;
            lower += (seen & AN_ASCII_LOWER) != 0;
            /* A word of ASCII letters and digits that ends at ASCII other
             * than a joiner (most words) ends here, without the general
             * step below; p[len] is NUL, so i <= len. */
            if (!fresh || p[i] >= 0x80 || p[i] == '\'' || p[i] == '-')
                continue;
        } else if (i < len && (p[i] >= 0x80 || (in_word && (p[i] == '\'' || p[i] == '-')))) {
            int32_t c;
            size_t k = an_rules__next_cp(p + i, len - i, &c);
            bool wc = an_rules__word_cp(c);
            bool joiner = (c == '\'' || c == 0x2019 || c == '-') && in_word && i + k < len;
            if (joiner) {
                utf8proc_int32_t nx;
                utf8proc_ssize_t nk = utf8proc_iterate(p + i + k, (utf8proc_ssize_t)(len - i - k), &nx);
                joiner = nk > 0 && an_rules__word_cp(nx);
            }
            step = k;
            if (joiner && (c == '\'' || c == 0x2019) && p[i + k] == 's' &&
                (i + k + 1 >= len || !an_rules__word_cp((int32_t)p[i + k + 1]))) {
                step = k + 1; /* a possessive 's ends the word: "Mottaki's" is the name "Mottaki" */
            } else if (wc || joiner) {
                ends = false;
                if (!in_word) {
                    in_word = 1;
                    start = i;
                    upper = lower = 0;
                    first = c;
                }
                if (c < 0x80) {
                    upper += c >= 'A' && c <= 'Z';
                    lower += c >= 'a' && c <= 'z';
                } else {
                    upper += utf8proc_isupper(c) != 0;
                    lower += utf8proc_islower(c) != 0;
                }
            }
        }
        if (ends && in_word) {
            an_rules__push_word(cx, &cursor, start, i, upper, lower, first);
            in_word = 0;
        }
        i += step;
        if (!in_word && i <= len) /* ASCII between words, passed at once: no word starts there */
            while (an_rules__between[p[i]]) /* stops at the NUL at p[len] */
                i++;
    }
}

/* Fills cx->word_at_block for an_rules__word_from. */
static void an_rules__index_blocks(an_rules_ctx *cx)
{
    size_t n = (cx->doc->len >> AN_RULES_BLOCK_BITS) + 1, w = 0;
    cx->word_at_block = malloc(n * sizeof *cx->word_at_block);
    if (!cx->word_at_block)
        return; /* an_rules__word_from searches instead */
    cx->n_blocks = n;
    for (size_t b = 0; b < n; b++) {
        while (w < cx->words.len && cx->words.items[w].span.start < (b << AN_RULES_BLOCK_BITS))
            w++;
        cx->word_at_block[b] = (uint32_t)w;
    }
}

/* Sets each word's `speech` (an_rules__in_speech at its start) from the
 * quotes rather than per word: an_doc_quote_at answers with the last
 * quote starting at or before the offset (the quotes are sorted by
 * start), so quote k answers for the words starting from its start up to
 * the next quote's, and of those the words inside it are speech. Only the
 * words inside quotes are visited. */
static void an_rules__mark_speech(an_rules_ctx *cx)
{
    const an_doc *doc = cx->doc;
    for (size_t k = 0; k < doc->quotes.len; k++) {
        const an_quote *q = &doc->quotes.items[k];
        if (q->flags & AN_QUOTE_NOT_SPEECH)
            continue;
        size_t end = q->span.end;
        if (k + 1 < doc->quotes.len && doc->quotes.items[k + 1].span.start < end)
            end = doc->quotes.items[k + 1].span.start;
        for (size_t w = an_rules__word_from(cx, q->span.start + 1);
             w < cx->words.len && cx->words.items[w].span.start < end; w++)
            cx->words.items[w].speech = true;
    }
#ifndef NDEBUG
    for (size_t w = 0; w < cx->words.len; w++)
        assert(cx->words.items[w].speech == an_rules__in_speech(doc, cx->words.items[w].span.start));
#endif
}

/* Marks paragraphs that use I/me/my/we/our outside quotes. */
static void an_rules__mark_first_person(an_rules_ctx *cx)
{
    static const struct {
        char s[5];
        unsigned char n;
    } fp[] = {{"I", 1},  {"I'm", 3}, {"I've", 4}, {"I'd", 3}, {"I'll", 4}, {"me", 2}, {"my", 2},
              {"we", 2}, {"our", 3}, {"us", 2},   {"We", 2},  {"My", 2},   {"Our", 3}};
    for (size_t i = 0; i < cx->words.len; i++) {
        an_span w = cx->words.items[i].span;
        size_t n = w.end - w.start;
        const char *t = cx->doc->text + w.start;
        char c = t[0];
        if (n > 4 || (c != 'I' && (c | 0x20) != 'm' && (c | 0x20) != 'w' && (c | 0x20) != 'o' && c != 'u'))
            continue; /* longer than fp's words, or not one of their first letters */
        if (n >= 2 && t[1] != '\'' && t[1] != 'e' && t[1] != 'y' && t[1] != 'u' && t[1] != 's')
            continue; /* nor their second letters: "was", "of", "with" go here */
        ptrdiff_t p = cx->words.items[i].para;
        if (p < 0 || cx->paras.items[p].first_person)
            continue;
        bool match = false;
        for (size_t k = 0; k < sizeof fp / sizeof *fp && !match; k++)
            match = fp[k].s[0] == c && fp[k].n == n && memcmp(fp[k].s, t, n) == 0;
        if (!match)
            continue;
        int32_t q = an_doc_quote_at(cx->doc, w.start);
        if (q >= 0 && !(cx->doc->quotes.items[q].flags & AN_QUOTE_NOT_SPEECH))
            continue;
        cx->paras.items[p].first_person = true;
    }
}

void an__rules_run(an_doc *doc, const an_options *opt)
{
    an_rules_lazy lazy = {0};
    an_rules_ctx cx = {.doc = doc, .opt = opt, .lazy = &lazy};
    an_rules__split_paragraphs(&cx);
    an_rules__split_words(&cx);
    an_rules__index_blocks(&cx);
    an_rules__mark_speech(&cx);
    an_rules__mark_first_person(&cx);
    an__rules_quotes(&cx);
    an__rules_people(&cx);
    an__rules_acronyms(&cx);
    an__rules_style(&cx);
    an_rules__emit_overflow(&cx);
    an__rules_suppress(&cx);
    an_rules__lazy_free(&lazy);
    free(cx.paras.items);
    free(cx.words.items);
    free(cx.capitalized.items);
    free(cx.word_at_block);
}
