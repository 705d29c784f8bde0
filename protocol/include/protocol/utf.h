/** utf.h - UTF-8 helpers shared by the protocol layer. */
#ifndef BYLINE_PROTOCOL_UTF_H
#define BYLINE_PROTOCOL_UTF_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/** Decodes one code point at s[0..len) (len > 0). Returns the number of
 *  bytes consumed (1..4); an invalid or truncated sequence consumes one
 *  byte and yields U+FFFD. */
size_t proto_utf8_decode(const char *s, size_t len, int32_t *cp);

/** The number of code points in s[0..len), invalid bytes counting one each. */
size_t proto_utf8_count_chars(const char *s, size_t len);

/** A JSON string of s[0..len), with each invalid UTF-8 byte replaced by
 *  U+FFFD (jansson refuses invalid UTF-8). New reference. */
json_t *proto_utf8_json_string(const char *s, size_t len);

#endif
