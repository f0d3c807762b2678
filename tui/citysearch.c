/* citysearch.c -- find regions by 汉字, full pinyin, initials, English name or code */
#include "citysearch.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define CS_BAD (-1) /* a byte that starts no well-formed UTF-8 sequence */
#define CS_END (-2)

/* How well a region matches; lower is better. */
enum cs_rank { CS_EXACT, CS_PREFIX, CS_SUBSTRING, CS_NONE };

/* Within a rank, cities come before provinces: a clerk typing "guang"
 * wants 广州 before the province file it falls back on. */
#define CS_CLASSES (2 * CS_NONE)

struct cs_span {
	const unsigned char *p, *end;
};

/* The code point at *p, which is advanced past it; CS_BAD for a byte that
 * starts no well-formed sequence (overlong, surrogate, cut short, beyond
 * U+10FFFF), and then only that byte is consumed. The locale's multibyte
 * functions are no use here: the locale may be GB18030 while the data and
 * the terminal input are UTF-8. */
static int32_t
cs_utf8_next(const unsigned char **p, const unsigned char *end)
{
	const unsigned char *s = *p;
	int32_t c, min;
	int n;
	*p = s + 1;
	if (s[0] < 0x80)
		return s[0];
	if ((s[0] & 0xE0) == 0xC0) {
		n = 1, c = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 2, c = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 3, c = s[0] & 0x07, min = 0x10000;
	} else {
		return CS_BAD;
	}
	if (end - s <= n)
		return CS_BAD;
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return CS_BAD;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return CS_BAD;
	*p = s + n + 1;
	return c;
}

/* The next character as matching sees it, for the query and the fields
 * alike: full-width ASCII (what a Chinese input method gives) made
 * half-width, ASCII letters lower-cased, blanks (ASCII and U+3000) skipped,
 * so "Chong qing" meets "chongqing". CS_BAD for a bad byte, CS_END at the
 * end. */
static int32_t
cs_next(const unsigned char **p, const unsigned char *end)
{
	while (*p < end) {
		int32_t c = cs_utf8_next(p, end);
		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFF01 - 0x21;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x3000)
			continue;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		return c;
	}
	return CS_END;
}

/* How the text at f matches the whole query from there: CS_EXACT when
 * nothing of f is left over, CS_PREFIX when something is, else CS_NONE. A
 * bad byte matches nothing, not even another bad byte. */
static enum cs_rank
cs_match_at(const unsigned char *f, const unsigned char *fend, struct cs_span q)
{
	for (;;) {
		int32_t qc = cs_next(&q.p, q.end);
		int32_t fc = cs_next(&f, fend);
		if (qc == CS_END)
			return fc == CS_END ? CS_EXACT : CS_PREFIX;
		if (qc < 0 || qc != fc)
			return CS_NONE;
	}
}

/* How field matches the (non-empty) query: from its start, or when inside
 * is set also from any later character (CS_SUBSTRING). */
static enum cs_rank
cs_match_field(const char *field, struct cs_span q, bool inside)
{
	if (field == NULL)
		return CS_NONE;
	const unsigned char *f = (const unsigned char *)field, *end = f + strlen(field);
	enum cs_rank r = cs_match_at(f, end, q);
	if (r != CS_NONE || !inside)
		return r;
	while (cs_next(&f, end) != CS_END)
		if (cs_match_at(f, end, q) != CS_NONE)
			return CS_SUBSTRING;
	return CS_NONE;
}

/* The code as it is written in file names: six digits, zeros in front. */
static void
cs_code_text(int code, char *buf, size_t cap)
{
	char tmp[16];
	size_t n = 0;
	unsigned v = code < 0 ? 0u : (unsigned)code;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < sizeof tmp);
	while (n < 6)
		tmp[n++] = '0';
	size_t i = 0;
	for (; i < n && i + 1 < cap; i++)
		buf[i] = tmp[n - 1 - i];
	buf[i] = '\0';
}

static enum cs_rank
cs_region_rank(const struct policy_region *r, struct cs_span q)
{
	char code[16];
	cs_code_text(r->code, code, sizeof code);
	/* only the 汉字 name matches inside: "庆" finds 重庆, while "an" should
	 * not find every pinyin with an "an" in it */
	const struct {
		const char *text;
		bool inside;
	} fields[] = {
	    {code, false}, {r->name_zh, true}, {r->pinyin, false}, {r->initials, false}, {r->name_en, false},
	};
	enum cs_rank best = CS_NONE;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0] && best != CS_EXACT; i++) {
		enum cs_rank k = cs_match_field(fields[i].text, q, fields[i].inside);
		if (k < best)
			best = k;
	}
	return best;
}

/* A province file with cities of its own in the set (440000 with 440100),
 * as opposed to a municipality such as 110000 that stands alone. */
static bool
cs_is_province(const struct policy_set *ps, const struct policy_region *r)
{
	if (r->code % 10000 != 0)
		return false;
	size_t count = policy_set_region_count(ps);
	for (size_t i = 0; i < count; i++) {
		const struct policy_region *o = policy_set_region_at(ps, i);
		if (o != NULL && o->code != r->code && o->code != POLICY_NATIONAL &&
		    (o->parent == r->code || o->code / 10000 == r->code / 10000))
			return true;
	}
	return false;
}

/* 0 .. CS_CLASSES - 1 (lower first), or -1 for no match. */
static int
cs_region_class(const struct policy_set *ps, const struct policy_region *r, struct cs_span q, int want)
{
	enum cs_rank k = cs_region_rank(r, q);
	if (k == CS_NONE || (int)k != want / 2)
		return -1;
	return 2 * (int)k + (cs_is_province(ps, r) ? 1 : 0);
}

size_t
citysearch(const struct policy_set *ps, const char *query, const struct policy_region **out, size_t max)
{
	if (ps == NULL || out == NULL || max == 0)
		return 0;
	if (query == NULL)
		query = "";
	struct cs_span q = {(const unsigned char *)query, (const unsigned char *)query + strlen(query)};
	const unsigned char *probe = q.p;
	bool empty = cs_next(&probe, q.end) == CS_END;
	size_t count = policy_set_region_count(ps), n = 0;
	/* One pass per class, each in the set's (code) order: no storage
	 * beyond out, and the sets are small (a few hundred regions at most). */
	for (int cls = 0; cls < (empty ? 1 : CS_CLASSES) && n < max; cls++) {
		for (size_t i = 0; i < count && n < max; i++) {
			const struct policy_region *r = policy_set_region_at(ps, i);
			if (r == NULL || r->code == POLICY_NATIONAL)
				continue;
			if (empty || cs_region_class(ps, r, q, cls) == cls)
				out[n++] = r;
		}
	}
	return n;
}
