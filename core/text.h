/* text.h -- small byte-string helpers the core needs without stdio */
#ifndef YIBAO_TEXT_H
#define YIBAO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Copy at most n bytes of s into dst (size cap > 0), always NUL-terminated,
 * never cutting a UTF-8 sequence in half. */
void text_copy(char *dst, size_t cap, const char *s, size_t n);

/* Move *s forward and *e back past ASCII spaces and tabs (inline: a batch
 * trims every cell). */
static inline void
text_trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* Take the line starting at *pos (before end) and move *pos past its
 * newline. *s..*e is its content without CR, LF or surrounding blanks, and
 * without the UTF-8 byte-order mark when line is 1. Call only while
 * *pos < end. */
void text_next_line(const char **pos, const char *end, int line, const char **s, const char **e);

/* v's decimal digits, written backwards to end (two at a time), without a
 * NUL: returns where they start. end needs 20 bytes before it. */
char *text_u64_digits(char *end, uint64_t v);

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). */
bool text_is_utf8(const char *s, size_t n);
/* The offset of the first byte of s that does not start a valid UTF-8
 * character, or n when all of s is valid. */
size_t text_utf8_bad_offset(const char *s, size_t n);

/* The code point of the UTF-8 sequence at s (n > 0 bytes left) into *cp,
 * and its length. A byte that starts no well-formed sequence (overlong,
 * surrogate, cut short, beyond U+10FFFF, stray) gives U+FFFD and length 1. */
size_t text_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Write code point c (at most U+10FFFF) as UTF-8 at out, which has room for
 * 4 bytes; returns the length. */
size_t text_utf8_put(char *out, uint32_t c);

/* Full-width ASCII (U+FF01..U+FF5E), what a Chinese input method types, as
 * half-width; the ideographic space U+3000 as a space; anything else as it is. */
uint32_t text_halfwidth(uint32_t c);

/* Write v in decimal at buf (no NUL); returns the number of digits. */
size_t text_utoa(char *buf, size_t v);

#endif
