/* citysearch.c -- find regions by 汉字, full pinyin, initials, English name or code */
#include "citysearch.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

/* How well an entry matches; lower is better. */
enum cs_rank { CS_EXACT, CS_PREFIX, CS_SUBSTRING, CS_NONE };

/* Within a rank: cities first (a clerk typing "guang" wants 广州 before the
 * province), then provinces, then the counties that stand for a city. */
enum cs_class { CS_CITY, CS_PROVINCE, CS_ALIAS, CS_NCLASS };

/* Longer than any name in the table: a longer query matches nothing. */
#define CS_QUERY_MAX 256

struct cs_query {
	char text[CS_QUERY_MAX]; /* normalized: half-width, ASCII lower case, no blanks */
	size_t len;
	bool ascii;
};

/* The code point at *p, which is advanced past it; -1 for a byte that
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
		return -1;
	}
	if (end - s <= n)
		return -1;
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*p = s + n + 1;
	return c;
}

static bool
cs_blank(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x3000;
}

/* The query as the table is written: full-width ASCII (what a Chinese input
 * method gives) made half-width, letters lower-cased, blanks (ASCII and
 * U+3000) dropped, so "Ｃhong qing" meets "chongqing". False when it can
 * match nothing: a bad byte, or longer than any name. */
static bool
cs_query_init(struct cs_query *q, const char *query)
{
	const unsigned char *p = (const unsigned char *)query, *end = p + strlen(query);
	q->len = 0;
	q->ascii = true;
	while (p < end) {
		int32_t c = cs_utf8_next(&p, end);
		if (c < 0)
			return false;
		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFF01 - 0x21;
		if (cs_blank(c))
			continue;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c >= 0x80)
			q->ascii = false;
		if (q->len + 4 >= sizeof q->text)
			return false;
		q->len += text_utf8_put(q->text + q->len, (uint32_t)c);
	}
	q->text[q->len] = '\0';
	return true;
}

/* A field written as the query is (the table's pinyin, initials, 汉字 and
 * codes): from its start, or when inside is set anywhere. */
static enum cs_rank
cs_plain(const char *field, const struct cs_query *q, bool inside)
{
	if (strncmp(field, q->text, q->len) == 0)
		return field[q->len] == '\0' ? CS_EXACT : CS_PREFIX;
	/* UTF-8 is self-synchronising: a byte match of whole characters is a
	 * character match */
	return inside && strstr(field, q->text) != NULL ? CS_SUBSTRING : CS_NONE;
}

/* An English name from its start, ignoring case and blanks ("Inner
 * mongolia", "innermongolia"). */
static enum cs_rank
cs_english(const char *field, const struct cs_query *q)
{
	const char *f = field;
	for (size_t i = 0; i < q->len; i++, f++) {
		while (*f == ' ')
			f++;
		char c = *f >= 'A' && *f <= 'Z' ? (char)(*f + 'a' - 'A') : *f;
		if (c == '\0' || c != q->text[i])
			return CS_NONE;
	}
	while (*f == ' ')
		f++;
	return *f == '\0' ? CS_EXACT : CS_PREFIX;
}

static enum cs_rank
cs_best(enum cs_rank a, enum cs_rank b)
{
	return a < b ? a : b;
}

/* The code as the table's users write it: six digits. */
static void
cs_code_text(int code, char buf[8])
{
	unsigned v = code < 0 ? 0u : (unsigned)code % 1000000u;
	for (int i = 5; i >= 0; i--, v /= 10)
		buf[i] = (char)('0' + v % 10);
	buf[6] = '\0';
}

static enum cs_rank
cs_code(int code, const struct cs_query *q)
{
	char text[8];
	if (q->len > 6 || q->text[0] < '0' || q->text[0] > '9')
		return CS_NONE;
	cs_code_text(code, text);
	return cs_plain(text, q, false);
}

static enum cs_rank
cs_row_rank(const struct region_row *r, const struct cs_query *q)
{
	/* only the short name matches inside: "庆" finds 重庆, while "州" should
	 * not find every 自治州 */
	if (!q->ascii)
		return cs_best(cs_plain(r->name_zh, q, true), cs_plain(r->full_zh, q, false));
	enum cs_rank k = cs_code(r->code, q);
	k = cs_best(k, cs_plain(r->pinyin, q, false));
	k = cs_best(k, cs_plain(r->initials, q, false));
	return cs_best(k, cs_english(r->name_en, q));
}

static enum cs_rank
cs_alias_rank(const struct region_alias *a, const struct cs_query *q)
{
	if (!q->ascii) /* "县" is no search for every county */
		return cs_best(cs_plain(a->short_zh, q, true), cs_plain(a->name_zh, q, false));
	enum cs_rank k = cs_code(a->code, q);
	k = cs_best(k, cs_plain(a->pinyin, q, false));
	return cs_best(k, cs_plain(a->initials, q, false));
}

/* A province-level row with prefecture rows of its own, as opposed to a
 * municipality (北京, 重庆), which is searched as a city. */
static bool
cs_is_province(size_t i)
{
	const struct region_row *r = &region_table[i];
	return r->province == r->code && i + 1 < region_table_count &&
	       region_table[i + 1].province == r->code;
}

size_t
citysearch(const char *query, struct citysearch_hit *out, size_t max)
{
	if (out == NULL || max == 0)
		return 0;
	struct cs_query q;
	if (!cs_query_init(&q, query != NULL ? query : ""))
		return 0;
	size_t n = 0;
	if (q.len == 0) {
		for (size_t i = 0; i < region_table_count && n < max; i++)
			if (region_table[i].province == region_table[i].code)
				out[n++] = (struct citysearch_hit){&region_table[i], NULL};
		return n;
	}
	/* One pass ranks every entry; the slots (rank, class) are then emptied
	 * in order. An entry's rank and class fit in a byte: rank * CS_NCLASS +
	 * class, or 0xFF for none. A row found both itself and by an alias is
	 * given once, at its best. */
	enum { NSLOT = CS_NONE * CS_NCLASS };
	static_assert(NSLOT < 0xFF, "a slot fits in a byte");
	/* room for the table (364 rows, 2975 aliases) and for it to grow; a
	 * table too big finds nothing, which test_citysearch would show */
	unsigned char row_slot[512], alias_slot[4096];
	if (region_table_count > sizeof row_slot || region_alias_count > sizeof alias_slot)
		return 0;
	size_t count[NSLOT] = {0};
	for (size_t i = 0; i < region_table_count; i++) {
		const struct region_row *r = &region_table[i];
		enum cs_rank k = cs_row_rank(r, &q);
		row_slot[i] =
		    k == CS_NONE
		        ? 0xFF
		        : (unsigned char)(k * CS_NCLASS + (cs_is_province(i) ? CS_PROVINCE : CS_CITY));
		for (unsigned j = r->alias_first; j < r->alias_first + r->alias_count; j++) {
			enum cs_rank ka = cs_alias_rank(&region_aliases[j], &q);
			alias_slot[j] =
			    ka == CS_NONE || ka >= k ? 0xFF : (unsigned char)(ka * CS_NCLASS + CS_ALIAS);
		}
		if (row_slot[i] != 0xFF)
			count[row_slot[i]]++;
	}
	/* a row is shown once: by its first (best) alias, unless it matched
	 * as well itself */
	for (size_t i = 0; i < region_table_count; i++) {
		const struct region_row *r = &region_table[i];
		unsigned best = 0;
		bool found = false;
		for (unsigned j = r->alias_first; j < r->alias_first + r->alias_count; j++) {
			if (alias_slot[j] == 0xFF)
				continue;
			if (!found || alias_slot[j] < alias_slot[best]) {
				if (found)
					alias_slot[best] = 0xFF;
				best = j;
				found = true;
			} else {
				alias_slot[j] = 0xFF;
			}
		}
		if (found)
			count[alias_slot[best]]++;
	}
	for (unsigned s = 0; s < NSLOT && n < max; s++) {
		if (count[s] == 0)
			continue;
		if (s % CS_NCLASS != CS_ALIAS) {
			for (size_t i = 0; i < region_table_count && n < max; i++)
				if (row_slot[i] == s)
					out[n++] = (struct citysearch_hit){&region_table[i], NULL};
		} else {
			for (size_t j = 0; j < region_alias_count && n < max; j++)
				if (alias_slot[j] == s)
					out[n++] = (struct citysearch_hit){
					    region_table_find(region_aliases[j].region), &region_aliases[j]};
		}
	}
	return n;
}

/* Append s to buf (of cap bytes, len used), whole characters only; the
 * first character capitalised when cap1 is set. Returns the new length, or
 * cap - 1 when s was cut, so that nothing more is appended. */
static size_t
cs_append(char *buf, size_t cap, size_t len, const char *s, bool cap1)
{
	size_t n = strlen(s);
	bool cut = len + n >= cap;
	if (cut) {
		n = cap - 1 - len;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* do not cut a character */
	}
	memcpy(buf + len, s, n);
	if (cap1 && n > 0 && buf[len] >= 'a' && buf[len] <= 'z')
		buf[len] = (char)(buf[len] - 'a' + 'A');
	buf[len + n] = '\0';
	return cut ? cap - 1 : len + n;
}

const char *
citysearch_label(const struct citysearch_hit *hit, bool english, bool ascii, char *buf, size_t cap)
{
	if (buf == NULL || cap == 0)
		return buf;
	buf[0] = '\0';
	if (hit == NULL || hit->row == NULL)
		return buf;
	size_t len = 0;
	if (hit->via != NULL) {
		len = cs_append(buf, cap, len, english ? hit->via->pinyin : hit->via->name_zh, english);
		len = cs_append(buf, cap, len, ascii ? " -> " : " \u2192 ", false);
	}
	if (english)
		cs_append(buf, cap, len, hit->row->name_en, false);
	else
		cs_append(buf, cap, len, hit->via != NULL ? hit->row->full_zh : hit->row->name_zh, false);
	return buf;
}
