/* jsonw.c -- a small JSON writer into a reused buffer: the advice as text without a tree per row */
#include "jsonw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "text.h"

void
jsonw_init(struct jsonw *w, int indent)
{
	memset(w, 0, sizeof *w);
	w->indent = indent;
}

void
jsonw_fini(struct jsonw *w)
{
	free(w->p);
	memset(w, 0, sizeof *w);
}

void
jsonw_reset(struct jsonw *w)
{
	w->n = 0;
	w->failed = false;
	w->depth = 0;
	w->after_key = false;
	w->has_items[0] = false;
}

bool
jsonw_grow(struct jsonw *w, size_t n)
{
	if (w->failed)
		return false;
	size_t cap = w->cap ? w->cap : 4096;
	while (cap < w->n + n)
		cap *= 2;
	char *p = realloc(w->p, cap);
	if (p == NULL) {
		w->failed = true;
		return false;
	}
	w->p = p;
	w->cap = cap;
	return true;
}

void
jsonw_newline(struct jsonw *w, int depth)
{
	size_t k = (size_t)(w->indent * depth);
	if (jsonw_reserve_(w, k + 1)) {
		w->p[w->n++] = '\n';
		memset(w->p + w->n, ' ', k);
		w->n += k;
	}
}

void
jsonw_close_trim(struct jsonw *w)
{
	/* compact text only: there a trailing ",null" can only be a null element
	 * (a string ends with its quote), and the first element stays */
	while (w->indent == 0 && !w->failed && w->n >= 5 && memcmp(w->p + w->n - 5, ",null", 5) == 0)
		w->n -= 5;
	jsonw_close(w, ']');
}

void
jsonw_int_any(struct jsonw *w, int64_t v)
{
	char d[24];
	char *p = text_u64_digits(d + sizeof d, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
	if (v < 0)
		*--p = '-';
	jsonw_put_(w, p, (size_t)(d + sizeof d - p));
}

void
jsonw_fixed(struct jsonw *w, int64_t v, int decimals)
{
	static const uint64_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	jsonw_sep_(w);
	if (decimals < 0 || decimals > 6 || a >= UINT64_C(100000000000)) {
		/* beyond any real figure: jansson's own way, through a double */
		char buf[32];
		double d = (double)v;
		for (int i = 0; i < decimals; i++)
			d /= 10.0;
		int k = snprintf(buf, sizeof buf, "%.12g", d);
		jsonw_put_(w, buf, (size_t)k);
		if (strpbrk(buf, ".e") == NULL)
			jsonw_put_(w, ".0", 2);
		return;
	}
	uint64_t p = pow10[decimals], frac = a % p;
	/* the whole number in one buffer, written at once: sign, integer part,
	 * '.', the decimals without trailing zeros (at least one) */
	char buf[40];
	char *end = buf + sizeof buf, *q = end;
	int n = decimals;
	if (frac == 0) {
		*--q = '0';
	} else {
		while (frac % 10 == 0) {
			frac /= 10;
			n--;
		}
		for (int i = 0; i < n; i++) {
			*--q = (char)('0' + frac % 10);
			frac /= 10;
		}
	}
	*--q = '.';
	q = text_u64_digits(q, a / p);
	if (v < 0)
		*--q = '-';
	jsonw_put_(w, q, (size_t)(end - q));
}

static void
put_u(struct jsonw *w, uint32_t c, const char *hex)
{
	char e[6] = {'\\', 'u', hex[c >> 12 & 0xF], hex[c >> 8 & 0xF], hex[c >> 4 & 0xF], hex[c & 0xF]};
	jsonw_put_(w, e, 6);
}

void
jsonw_strn(struct jsonw *w, const char *s, size_t n)
{
	/* jansson writes its \u escapes in upper case, sanitize_json in lower */
	static const char upper[] = "0123456789ABCDEF", lower[] = "0123456789abcdef";
	static const char short_esc[32] = {
	    ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't'};
	jsonw_sep_(w);
	jsonw_putch_(w, '"');
	size_t i = 0, run = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			i++;
			continue;
		}
		uint32_t cp = c;
		size_t len = 1;
		/* the common case of policy text, a 3-byte character, inline */
		if ((c == 0xE1 || (c >= 0xE3 && c <= 0xEC)) && i + 2 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			i += 3; /* U+1000..U+1FFF, U+3000..U+CFFF: never a control (bidi ones are U+20xx) */
			continue;
		}
		if (c >= 0x80) {
			len = text_utf8_next(s + i, n - i, &cp);
			if (!(cp == 0xFFFD && len == 1) && !sanitize_is_unsafe(cp)) {
				i += len; /* UTF-8 as it is */
				continue;
			}
		}
		jsonw_put_(w, s + run, i - run);
		if (c == '"' || c == '\\') {
			char e[2] = {'\\', (char)c};
			jsonw_put_(w, e, 2);
		} else if (c < 0x20 && short_esc[c]) {
			char e[2] = {'\\', short_esc[c]};
			jsonw_put_(w, e, 2);
		} else if (c < 0x20) {
			put_u(w, c, upper);
		} else if (cp == 0xFFFD && len == 1) {
			jsonw_put_(w, "\\ufffd", 6); /* not UTF-8: jansson would refuse the string */
		} else {
			put_u(w, cp, lower); /* DEL, C1, bidi */
		}
		i += len;
		run = i;
	}
	jsonw_put_(w, s + run, n - run);
	jsonw_putch_(w, '"');
}

void
jsonw_str(struct jsonw *w, const char *s)
{
	jsonw_strn(w, s, strlen(s));
}

void
jsonw_code(struct jsonw *w, int code)
{
	char d[8] = {'"'};
	unsigned v = code < 0 ? 0 : (unsigned)code;
	for (int i = 6; i >= 1; i--, v /= 10)
		d[i] = (char)('0' + v % 10);
	d[7] = '"';
	jsonw_sep_(w);
	jsonw_put_(w, d, 8);
}

void
jsonw_date(struct jsonw *w, int y, int m, int d)
{
	char b[12] = {'"',
	              (char)('0' + y / 1000 % 10),
	              (char)('0' + y / 100 % 10),
	              (char)('0' + y / 10 % 10),
	              (char)('0' + y % 10),
	              '-',
	              (char)('0' + m / 10 % 10),
	              (char)('0' + m % 10),
	              '-',
	              (char)('0' + d / 10 % 10),
	              (char)('0' + d % 10),
	              '"'};
	jsonw_sep_(w);
	jsonw_put_(w, b, 12);
}

void
jsonw_raw(struct jsonw *w, const char *s, size_t n)
{
	jsonw_sep_(w);
	jsonw_put_(w, s, n);
}
