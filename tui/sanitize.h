/* sanitize.h -- text from outside the program made safe for a terminal: controls and bidi overrides as
 * visible placeholders */
#ifndef YIBAO_SANITIZE_H
#define YIBAO_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Keep line feeds and tabs (a multi-line message or report); without it
 * they, too, become placeholders (one value, one line). */
#define SANITIZE_KEEP_NEWLINE 1u

/* Whether code point c must never reach a terminal as it is: the C0
 * controls and DEL (ESC starts every escape sequence), the C1 controls
 * U+0080..U+009F (U+009B is a CSI, U+009D an OSC on their own), and the
 * bidi embeddings, overrides and isolates U+202A..U+202E, U+2066..U+2069
 * (they reorder what is shown). */
bool sanitize_is_unsafe(uint32_t c);

/* Copy the n bytes of UTF-8 at s into dst (size cap > 0, always
 * NUL-terminated, cut at a character boundary when too small), each unsafe
 * code point replaced by a visible placeholder: ^[ ^G ^H ^M ^? for C0 and
 * DEL, <U+009B> for C1 and bidi controls; bytes that are not UTF-8 become
 * U+FFFD. Returns the length written. A safe text is copied unchanged, so
 * sanitizing twice changes nothing. */
size_t sanitize_text(char *dst, size_t cap, const char *s, size_t n, unsigned flags);

/* The same into a new buffer (free with free()); NULL when out of memory. */
char *sanitize_dup(const char *s, size_t n, unsigned flags);

/* Room that sanitize_text needs for n bytes, NUL included. */
size_t sanitize_cap(size_t n);

/* A JSON text for a terminal: the code points jansson writes as they are
 * but a terminal would act on (DEL, C1, bidi) become \uXXXX escapes, which
 * a JSON reader turns back into the same strings. A new buffer (free()),
 * or NULL when out of memory. */
char *sanitize_json(const char *json);

/* For a terminal that cannot draw Chinese, in place (returns the new
 * length): a gloss in brackets with no ASCII letter or digit in it is left
 * out with the space before it ("Personal account (个人账户)" -> "Personal
 * account"), and with SANITIZE_KEYS, as a footer of keys is, so is a key
 * whose label is only such characters ("F2 中文  F10 quit" -> "F10 quit").
 * The rest is left as it is. s holds n bytes and a NUL after them. */
#define SANITIZE_KEYS 2u
size_t sanitize_ascii_glosses(char *s, size_t n, unsigned flags);

/* fputs of s with SANITIZE_KEEP_NEWLINE; returns what fputs returns. */
int sanitize_fputs(const char *s, FILE *f);

#endif
