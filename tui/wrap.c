/* wrap.c -- line wrapping of UTF-8 text by display columns, with ICU line breaking */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include "wrap.h"

#include <langinfo.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

static bool
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int
unicode_width(UChar32 c)
{
	if (c == 0 || c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 0;
	int8_t gc = u_charType(c);
	if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR)
		return 0;
	if (c == 0x200B || (c >= 0x1160 && c <= 0x11FF)) /* zero width space, Hangul medial jamo */
		return 0;
	int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

int
wrap_char_width(int32_t c, enum wrap_measure m)
{
	if (c < 0)
		return 1; /* a bad byte: the terminal shows one replacement character */
#ifdef __STDC_ISO_10646__
	/* wchar_t holds the code point here, so wcwidth(c) is what mbrtowc of
	 * its UTF-8 bytes followed by wcwidth would give in a UTF-8 locale */
	if (m == WRAP_MEASURE_LOCALE && locale_is_utf8()) {
		int w = wcwidth((wchar_t)c);
		if (w >= 0)
			return w;
	}
#else
	(void)m;
#endif
	return unicode_width(c);
}

int
wrap_text_width(const char *s, size_t len, enum wrap_measure m)
{
	int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	int cols = 0;
	while (i < n) {
		UChar32 c;
		U8_NEXT(s, i, n, c);
		cols += wrap_char_width(c, m);
	}
	return cols;
}

static bool
is_space(UChar32 c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000;
}

/* A character that must not start a line: closing punctuation, marks that
 * belong to the character before. */
static bool
starts_badly(UChar32 c)
{
	int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
	int8_t gc = u_charType(c);
	return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS || lb == U_LB_EXCLAMATION ||
	       lb == U_LB_INFIX_NUMERIC || lb == U_LB_NONSTARTER || lb == U_LB_COMBINING_MARK ||
	       lb == U_LB_ZWJ || gc == U_END_PUNCTUATION || gc == U_FINAL_PUNCTUATION ||
	       unicode_width(c) == 0;
}

/* The next break opportunity after pos: ICU's, or without ICU after a run
 * of spaces or a newline. */
static int32_t
next_break(UBreakIterator *bi, const char *s, int32_t pos, int32_t len)
{
	if (bi != NULL) {
		int32_t nb = pos;
		for (;;) {
			nb = ubrk_following(bi, nb);
			if (nb == UBRK_DONE || nb <= pos || nb > len)
				return len;
			/* not after the hyphens that begin a word: an option such as
			 * --employee-tier, or a sign, stays whole */
			int32_t h = nb;
			while (h > pos && s[h - 1] == '-')
				h--;
			if (h == nb || (h > 0 && s[h - 1] != ' ' && s[h - 1] != '(' && s[h - 1] != '\n'))
				return nb;
		}
	}
	int32_t i = pos;
	bool seen_space = false;
	while (i < len) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == ' ')
			seen_space = true;
		else if (seen_space)
			return i;
		i++;
	}
	return len;
}

/* Cut a segment too wide for a line: as many characters as fit (at least
 * one, with the marks that follow it), then back off so that the next line
 * does not start with closing punctuation. */
static int32_t
forced_cut(const char *s, int32_t ls, int32_t len, int width, enum wrap_measure m)
{
	int32_t cut = ls;
	int cols = 0;
	while (cut < len) {
		int32_t j = cut;
		UChar32 c;
		U8_NEXT(s, j, len, c);
		int w = wrap_char_width(c, m);
		if (c == '\n' || (cut > ls && w > 0 && cols + w > width))
			break; /* a zero-width mark always stays with its base */
		cols += w;
		cut = j;
	}
	if (cut == ls) {
		U8_FWD_1(s, cut, len);
		return cut;
	}
	while (cut < len) {
		int32_t j = cut, prev = cut;
		UChar32 c;
		U8_NEXT(s, j, len, c);
		if (c < 0 || !starts_badly(c))
			break;
		U8_BACK_1((const uint8_t *)s, ls, prev);
		if (prev <= ls)
			break; /* the line would be empty: accept the bad start */
		cut = prev;
	}
	return cut;
}

size_t
wrap_lines(const char *s, size_t len, int width, const char *locale, enum wrap_measure m,
           struct wrap_line *lines, size_t max)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UText *ut = utext_openUTF8(NULL, s, n, &st);
	UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, NULL, 0, &st);
	size_t count = 0;
	if (width < 1)
		width = 1;
	ubrk_setUText(bi, ut, &st);
	if (U_FAILURE(st)) {
		ubrk_close(bi);
		bi = NULL;
	}
	for (int32_t ls = 0; ls < n;) {
		int32_t pos = ls, fit = -1;
		bool hard = false;
		int cols = 0, ink = 0;
		/* whole segments while their visible part fits */
		while (pos < n && !hard) {
			int32_t nb = next_break(bi, s, pos, n), i = pos;
			int c_cols = cols, c_ink = ink;
			while (i < nb) {
				UChar32 c;
				U8_NEXT(s, i, nb, c);
				if (c == '\n') {
					hard = true;
					break;
				}
				c_cols += wrap_char_width(c, m);
				if (!is_space(c))
					c_ink = c_cols;
			}
			if (c_ink > width) {
				hard = false;
				break;
			}
			cols = c_cols;
			ink = c_ink;
			fit = nb;
			pos = nb;
		}
		if (fit < 0)
			fit = forced_cut(s, ls, n, width, m);
		/* the line without its trailing spaces and newline */
		int32_t i = ls, end = ls;
		int w = 0, wend = 0;
		while (i < fit) {
			UChar32 c;
			U8_NEXT(s, i, fit, c);
			if (c == '\n')
				break;
			w += wrap_char_width(c, m);
			if (!is_space(c)) {
				end = i;
				wend = w;
			}
		}
		if (count < max && lines != NULL)
			lines[count] = (struct wrap_line){(size_t)ls, (size_t)(end - ls), wend};
		count++;
		ls = fit;
	}
	ubrk_close(bi);
	utext_close(ut);
	return count;
}
