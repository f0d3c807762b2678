/* sanitize.c -- text from outside the program made safe for a terminal: controls and bidi overrides as
 * visible placeholders */
#include "sanitize.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

bool
sanitize_is_unsafe(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

size_t
sanitize_cap(size_t n)
{
	/* the longest placeholder, "<U+009B>", is 4 times its 2 bytes */
	return n > (SIZE_MAX - 1) / 4 ? SIZE_MAX : 4 * n + 1;
}

/* The placeholder for c into out (room for 9 bytes); returns its length. */
static size_t
placeholder(uint32_t c, char *out)
{
	static const char hex[] = "0123456789ABCDEF";
	if (c < 0x20 || c == 0x7F) {
		out[0] = '^';
		out[1] = c == 0x7F ? '?' : (char)(c + 0x40);
		return 2;
	}
	memcpy(out, "<U+", 3);
	for (int i = 0; i < 4; i++)
		out[3 + i] = hex[(c >> (12 - 4 * i)) & 0xF];
	out[7] = '>';
	return 8;
}

size_t
sanitize_text(char *dst, size_t cap, const char *s, size_t n, unsigned flags)
{
	size_t o = 0;
	if (cap == 0)
		return 0;
	for (size_t i = 0; s != NULL && i < n;) {
		uint32_t c;
		size_t len = text_utf8_next(s + i, n - i, &c);
		char rep[9];
		const char *piece = s + i;
		size_t plen = len;
		if (c == 0xFFFD && len == 1) {
			plen = text_utf8_put(rep, 0xFFFD); /* a byte that is not UTF-8 */
			piece = rep;
		} else if (sanitize_is_unsafe(c) &&
		           !((flags & SANITIZE_KEEP_NEWLINE) && (c == '\n' || c == '\t'))) {
			plen = placeholder(c, rep);
			piece = rep;
		}
		if (plen >= cap - o)
			break;
		memcpy(dst + o, piece, plen);
		o += plen;
		i += len;
	}
	dst[o] = '\0';
	return o;
}

char *
sanitize_dup(const char *s, size_t n, unsigned flags)
{
	size_t cap = sanitize_cap(n);
	char *d = cap == SIZE_MAX ? NULL : malloc(cap);
	if (d != NULL)
		sanitize_text(d, cap, s, n, flags);
	return d;
}

char *
sanitize_json(const char *json)
{
	size_t n = strlen(json), o = 0;
	char *d = n > (SIZE_MAX - 1) / 3 ? NULL : malloc(3 * n + 1); /* 2 bytes -> 6 at most */
	if (d == NULL)
		return NULL;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = text_utf8_next(json + i, n - i, &c);
		/* jansson escapes C0 itself; a line feed between values stays */
		if (c >= 0x20 && sanitize_is_unsafe(c)) {
			static const char hex[] = "0123456789abcdef";
			d[o++] = '\\';
			d[o++] = 'u';
			for (int k = 0; k < 4; k++)
				d[o++] = hex[(c >> (12 - 4 * k)) & 0xF];
		} else {
			memcpy(d + o, json + i, len);
			o += len;
		}
		i += len;
	}
	d[o] = '\0';
	return d;
}

int
sanitize_fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);
	char *d = sanitize_dup(s, n, SANITIZE_KEEP_NEWLINE);
	int r = fputs(d != NULL ? d : "", f);
	free(d);
	return r;
}

/* The length of the bracket that opens at s (ASCII '(' or U+FF08), 0 when none. */
static size_t
opener(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '(')
		return 1;
	if (n >= 3 && memcmp(s, "\xEF\xBC\x88", 3) == 0)
		return 3;
	return 0;
}

static size_t
closer(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ')')
		return 1;
	if (n >= 3 && memcmp(s, "\xEF\xBC\x89", 3) == 0)
		return 3;
	return 0;
}

static bool
is_alnum_ascii(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

size_t
sanitize_ascii_glosses(char *s, size_t n, unsigned flags)
{
	size_t r = 0, w = 0;
	while (r < n) {
		size_t o = opener(s + r, n - r);
		if (o > 0) {
			/* to the closing bracket, with no bracket between */
			size_t k = r + o, c = 0;
			bool wide = false, ascii = false;
			while (k < n && (c = closer(s + k, n - k)) == 0 && opener(s + k, n - k) == 0) {
				wide |= (unsigned char)s[k] >= 0x80;
				ascii |= is_alnum_ascii((unsigned char)s[k]);
				k++;
			}
			if (c > 0 && wide && !ascii) {
				while (w > 0 && s[w - 1] == ' ')
					w--;
				r = k + c;
				continue;
			}
		}
		s[w++] = s[r++];
	}
	if (flags & SANITIZE_KEYS) {
		/* a key and its label, the label all wide: both go, with the
		 * spaces after them (or before, at the end) */
		size_t i = 0, out = 0, prev_out = 0;
		bool have_prev = false; /* a word before this one, kept, starting at prev_out */
		n = w;
		while (i < n) {
			size_t start = i;
			while (i < n && s[i] != ' ')
				i++;
			bool all_wide = i > start;
			for (size_t k = start; k < i; k++)
				all_wide &= (unsigned char)s[k] >= 0x80;
			while (i < n && s[i] == ' ')
				i++;
			if (all_wide && have_prev) {
				out = prev_out; /* drop the key before it and this label */
				have_prev = false;
				continue;
			}
			have_prev = true;
			prev_out = out;
			memmove(s + out, s + start, i - start);
			out += i - start;
		}
		while (out > 0 && s[out - 1] == ' ')
			out--;
		w = out;
	}
	s[w] = '\0';
	return w;
}
