/**
 * position.h - LSP positions <-> byte offsets.
 *
 * Inside Byline text is UTF-8 addressed by byte offsets. Clients count
 * `character` in the negotiated encoding: UTF-16 code units (the LSP
 * default), UTF-8 bytes or UTF-32 code points. Each invalid UTF-8 byte
 * counts as one U+FFFD. Lines end at "\n"; a "\r" before it is part of
 * the line end, never of the line's content.
 *
 *     proto_lines li;
 *     proto_lines_build(&li, text, len);
 *     proto_text t = {text, len, &li};
 *     unsigned flags;
 *     size_t off = proto_offset_at(t, (proto_position){2, 5}, PROTO_ENC_UTF16, &flags);
 *     proto_position p = proto_position_at(t, off, PROTO_ENC_UTF16);
 *     proto_lines_free(&li);
 */
#ifndef BYLINE_PROTOCOL_POSITION_H
#define BYLINE_PROTOCOL_POSITION_H

#include <stddef.h>

typedef enum proto_encoding {
    PROTO_ENC_UTF16 = 0,
    PROTO_ENC_UTF8 = 1,
    PROTO_ENC_UTF32 = 2,
} proto_encoding;

/** "utf-16", "utf-8", "utf-32". Static storage. */
const char *proto_encoding_name(proto_encoding enc);
/** The encoding for an LSP PositionEncodingKind; -1 when unsupported. */
int proto_encoding_from_name(const char *name);

typedef struct proto_cursor proto_cursor;

/** Byte offsets where each line starts; starts[0] == 0, count >= 1. */
typedef struct proto_lines {
    size_t *starts; /* owned */
    size_t count;
    size_t cap;
    /* Optional, borrowed: when set, proto_position_at converts through it
     * (see proto_cursor). NULL after proto_lines_build. */
    proto_cursor *cursor;
} proto_lines;

/** Indexes text[0..len). Returns 0, or -1 when memory runs out (li is then
 *  empty but valid for proto_lines_free). */
int proto_lines_build(proto_lines *li, const char *text, size_t len);

/** Updates the index after bytes [start, start+old_len) were replaced by
 *  new_len bytes; `text` is the text after the edit. Returns 0 or -1 (out
 *  of memory: the index is then rebuilt from scratch or left empty). */
int proto_lines_edit(proto_lines *li, const char *text, size_t len, size_t start, size_t old_len,
                     size_t new_len);

/** Releases the index. */
void proto_lines_free(proto_lines *li);

/** The 0-based line containing `offset`. O(log lines). */
size_t proto_lines_find(const proto_lines *li, size_t offset);

/** A text with its line index; all borrowed. */
typedef struct proto_text {
    const char *ptr;
    size_t len;
    const proto_lines *lines;
} proto_text;

typedef struct proto_position {
    size_t line;
    size_t character;
} proto_position;

/** Flags proto_offset_at sets when it had to adjust a position. */
enum {
    PROTO_POS_CLAMPED = 1u << 0,  /* character past the line end: the line end */
    PROTO_POS_SNAPPED = 1u << 1,  /* inside a character (surrogate pair, UTF-8 sequence): its start */
    PROTO_POS_PAST_END = 1u << 2, /* line past the last line: the end of the text */
};

/** The byte offset of an LSP position; never fails, adjusts and says so. */
size_t proto_offset_at(proto_text t, proto_position pos, proto_encoding enc, unsigned *flags);

/** The LSP position of a byte offset (clamped to the text; an offset in a
 *  line end gives the end of the line's content). */
proto_position proto_position_at(proto_text t, size_t offset, proto_encoding enc);

/** The byte offset where the content of `line` ends (before "\r\n"/"\n"). */
size_t proto_line_content_end(proto_text t, size_t line);

/**
 * A cursor converts many offsets of one text: a run of increasing offsets
 * costs one walk over the text in total, any other offset at most a few
 * KiB of walking (it keeps a mark every PROTO_CURSOR_STEP bytes walked).
 * Without it each conversion walks from the line start, which is
 * quadratic for many positions on one long line.
 *
 *     proto_cursor c;
 *     proto_cursor_init(&c, t.ptr, t.len, PROTO_ENC_UTF16);
 *     proto_lines view = *t.lines;   // a borrowed copy: never freed
 *     view.cursor = &c;
 *     proto_text tc = {t.ptr, t.len, &view};
 *     ... proto_position_at(tc, offset, PROTO_ENC_UTF16) ...  // same results
 *     proto_cursor_free(&c);
 */
enum { PROTO_CURSOR_STEP = 4096 };

struct proto_cursor {
    const char *ptr; /* borrowed */
    size_t len;
    proto_encoding enc;
    size_t pos;        /* how far the walk got: a character boundary */
    size_t line_start; /* the start of pos's line */
    size_t units;      /* enc units from line_start to pos */
    size_t *marks;     /* owned: pairs (offset, units from its line start) */
    size_t n_marks, cap_marks;
};

/** Starts a cursor over text[0..len) counting in `enc`. Never fails. */
void proto_cursor_init(proto_cursor *c, const char *text, size_t len, proto_encoding enc);

/** The units from line_start (the start of offset's line) to the last
 *  character boundary at or before offset, which goes to *boundary.
 *  Boundaries are those of decoding the whole text (invalid bytes one
 *  character each). */
size_t proto_cursor_units(proto_cursor *c, size_t line_start, size_t offset, size_t *boundary);

/** Releases the cursor's marks. */
void proto_cursor_free(proto_cursor *c);

#endif
