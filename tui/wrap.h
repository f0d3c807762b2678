/* wrap.h -- line wrapping of UTF-8 text by display columns, with ICU line breaking */
#ifndef YIBAO_WRAP_H
#define YIBAO_WRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How a character's columns are counted. WRAP_MEASURE_UNICODE: from Unicode
 * data alone (East Asian Width: wide and fullwidth 2, marks and controls 0,
 * everything else, ambiguous included, 1), the same on every machine.
 * WRAP_MEASURE_LOCALE: wcwidth() when the current locale is UTF-8 (what a
 * UTF-8 terminal of this machine shows), else as WRAP_MEASURE_UNICODE. */
enum wrap_measure { WRAP_MEASURE_UNICODE, WRAP_MEASURE_LOCALE };

/* One output line: bytes [off, off + len) of the text, trailing spaces and
 * the newline left out, and its width in columns. */
struct wrap_line {
	size_t off, len;
	int cols;
};

/* Columns of code point c (0, 1 or 2). */
int wrap_char_width(int32_t c, enum wrap_measure m);

/* Columns of the len bytes of UTF-8 at s (a bad byte counts 1). */
int wrap_text_width(const char *s, size_t len, enum wrap_measure m);

/* Break the len bytes of UTF-8 at s into lines of at most width columns.
 * Lines break where ICU's line break rules for locale ("en", "zh") allow, so
 * words are not split and no line starts with closing punctuation (，。、）》
 * and the like); "\n" forces a break. A word wider than a line is cut between
 * characters, still never before closing punctuation when the line can hold
 * more than one character. Every line holds at least one character, so a
 * width narrower than a character still ends (that line is then wider).
 * Fills at most max lines (lines may be NULL when max is 0) and returns how
 * many there are; len + 1 lines is always enough. */
size_t wrap_lines(const char *s, size_t len, int width, const char *locale, enum wrap_measure m,
                  struct wrap_line *lines, size_t max);

#endif
