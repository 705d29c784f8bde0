/* markdown.c - which bytes of a draft are prose.
 *
 * Plain text is prose throughout. For Markdown, md4c parses the text and
 * reports every run of inline text as a pointer into our copy; the prose
 * mask starts as all spaces (newlines kept) and those runs are copied back
 * in. Whatever md4c never reports as normal text (block and emphasis
 * markers, code spans and blocks, raw HTML, link destinations and titles)
 * stays a space, so every offset in the mask equals the offset in the text.
 * YAML front matter is cut off before md4c sees the rest. */
#include "analysis_internal.h"

#include <md4c.h>
#include <string.h>

typedef struct an_md_mask {
    const char *text; /* the document's text (md4c's pointers land inside) */
    size_t len;
    char *prose;
} an_md_mask;

/* Copies one run of prose text into the mask when it lies in the input. */
static int an_md__text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    an_md_mask *m = userdata;
    if (type != MD_TEXT_NORMAL && type != MD_TEXT_ENTITY)
        return 0;
    if (text < m->text || text > m->text + m->len || size > (size_t)(m->text + m->len - text))
        return 0;
    size_t off = (size_t)(text - m->text);
    memcpy(m->prose + off, text, size);
    return 0;
}

static int an_md__block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

static int an_md__span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

/* The end of the line that starts at `p` (the offset of its '\n', or len). */
static size_t an_md__line_end(const char *text, size_t len, size_t p)
{
    const char *nl = memchr(text + p, '\n', len - p);
    return nl ? (size_t)(nl - text) : len;
}

/* True when text[p, e) is `mark` followed only by spaces, tabs or a \r. */
static bool an_md__is_fence(const char *text, size_t p, size_t e, const char *mark)
{
    size_t n = strlen(mark);
    if (e - p < n || memcmp(text + p, mark, n) != 0)
        return false;
    for (p += n; p < e; p++)
        if (text[p] != ' ' && text[p] != '\t' && text[p] != '\r')
            return false;
    return true;
}

/* The length of a YAML front matter block (`---` ... `---` or `...`) at the
 * very start of the text, including its closing line; 0 when there is none. */
static size_t an_md__front_matter(const char *text, size_t len)
{
    size_t e = an_md__line_end(text, len, 0);
    if (e == len || !an_md__is_fence(text, 0, e, "---"))
        return 0;
    for (size_t p = e + 1; p < len;) {
        size_t le = an_md__line_end(text, len, p);
        if (an_md__is_fence(text, p, le, "---") || an_md__is_fence(text, p, le, "..."))
            return le;
        p = le + 1;
    }
    return 0;
}

/* Spaces everywhere except newlines, then md4c's prose runs copied back. */
static void an_md__mask(const char *text, size_t len, char *prose)
{
    memset(prose, ' ', len);
    for (const char *nl = text; (nl = memchr(nl, '\n', len - (size_t)(nl - text))) != NULL; nl++)
        prose[nl - text] = '\n';
    size_t skip = an_md__front_matter(text, len);
    if (len - skip > (size_t)(MD_SIZE)-1) /* md4c sizes are 32-bit */
        return;
    an_md_mask m = {text, len, prose};
    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = an_md__block;
    parser.leave_block = an_md__block;
    parser.enter_span = an_md__span;
    parser.leave_span = an_md__span;
    parser.text = an_md__text;
    md_parse(text + skip, (MD_SIZE)(len - skip), &parser, &m);
}

void an__prose_mask(an_doc *doc)
{
    if (doc->format != AN_FORMAT_MARKDOWN) {
        doc->prose = doc->text;
        return;
    }
    doc->prose = an_arena_alloc(&doc->arena, doc->len + 1);
    if (!doc->prose)
        return;
    an_md__mask(doc->text, doc->len, doc->prose);
    doc->prose[doc->len] = '\0';
}
