/* test_text.c -- the core's byte-string helpers: UTF-8 decoding and encoding, half-width, copy, trim */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static void
test_utf8_next(void **state)
{
	static const struct {
		const char *s;
		size_t n;
		uint32_t cp;
		size_t len;
	} cases[] = {
	    {"\x00", 1, 0, 1},
	    {"A", 1, 'A', 1},
	    {"\xC2\xA5", 2, 0xA5, 2},            /* ¥ */
	    {"\xE5\x8C\xBB", 3, 0x533B, 3},      /* 医 */
	    {"\xF0\x9F\x98\x80", 4, 0x1F600, 4}, /* an emoji */
	    {"\xE5\x8C", 2, 0xFFFD, 1},          /* cut short */
	    {"\xC0\xAF", 2, 0xFFFD, 1},          /* overlong '/' */
	    {"\xE0\x80\xAF", 3, 0xFFFD, 1},      /* overlong */
	    {"\xED\xA0\x80", 3, 0xFFFD, 1},      /* a surrogate */
	    {"\xF4\x90\x80\x80", 4, 0xFFFD, 1},  /* beyond U+10FFFF */
	    {"\x80", 1, 0xFFFD, 1},              /* stray continuation */
	    {"\xFF", 1, 0xFFFD, 1},
	    {"\xE5\x41\x41", 3, 0xFFFD, 1}, /* a lead byte, then ASCII */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t cp = 0;
		size_t len = text_utf8_next(cases[i].s, cases[i].n, &cp);
		if (cp != cases[i].cp || len != cases[i].len)
			fail_msg("case %zu: U+%04X len %zu, want U+%04X len %zu", i, (unsigned)cp, len,
			         (unsigned)cases[i].cp, cases[i].len);
	}
}

static void
test_utf8_put(void **state)
{
	static const uint32_t cps[] = {0,     'A',    0x7F,   0x80,   0xA5,    0x7FF,
	                               0x800, 0x533B, 0xFFE5, 0xFFFF, 0x10000, 0x10FFFF};
	(void)state;
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char buf[4];
		uint32_t back;
		size_t n = text_utf8_put(buf, cps[i]);
		assert_true(text_is_utf8(buf, n));
		if (text_utf8_next(buf, n, &back) != n || back != cps[i])
			fail_msg("case %zu: U+%04X does not come back", i, (unsigned)cps[i]);
	}
}

static void
test_halfwidth(void **state)
{
	static const uint32_t in[] = {0xFF10, 0xFF19, 0xFF41, 0xFF5E, 0xFF01,
	                              0x3000, 0xFF00, 0xFF5F, '5',    0x533B};
	static const uint32_t want[] = {'0', '9', 'a', '~', '!', ' ', 0xFF00, 0xFF5F, '5', 0x533B};
	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		if (text_halfwidth(in[i]) != want[i])
			fail_msg("case %zu: U+%04X", i, (unsigned)in[i]);
}

static void
test_copy_trim(void **state)
{
	char buf[5];
	(void)state;
	text_copy(buf, sizeof buf, "abc", 3);
	assert_string_equal(buf, "abc");
	text_copy(buf, sizeof buf, "医保", 6); /* never half a character */
	assert_string_equal(buf, "医");
	text_copy(buf, 1, "abc", 3);
	assert_string_equal(buf, "");
	const char *t = "  a b\t", *s = t, *e = t + strlen(t);
	text_trim(&s, &e);
	assert_int_equal(e - s, 3);
	assert_memory_equal(s, "a b", 3);
	const char *text = "\xEF\xBB\xBF"
	                   "one\r\n two \nthree",
	           *pos = text, *end = text + strlen(text);
	const char *ls, *le;
	text_next_line(&pos, end, 1, &ls, &le);
	assert_int_equal(le - ls, 3);
	assert_memory_equal(ls, "one", 3);
	text_next_line(&pos, end, 2, &ls, &le);
	assert_memory_equal(ls, "two", 3);
	text_next_line(&pos, end, 3, &ls, &le);
	assert_memory_equal(ls, "three", 5);
	assert_true(pos == end);
}

/* Digits at every length, and at the edges of a pair. */
static void
test_digits(void **state)
{
	static const struct {
		uint64_t v;
		const char *want;
	} rows[] = {
	    {0, "0"},
	    {7, "7"},
	    {10, "10"},
	    {99, "99"},
	    {100, "100"},
	    {101, "101"},
	    {999, "999"},
	    {1000, "1000"},
	    {12345, "12345"},
	    {1000000, "1000000"},
	    {UINT64_MAX, "18446744073709551615"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char buf[32];
		char *end = buf + sizeof buf;
		char *p = text_u64_digits(end, rows[i].v);
		assert_int_equal((size_t)(end - p), strlen(rows[i].want));
		assert_memory_equal(p, rows[i].want, strlen(rows[i].want));
	}
}

/* Where text stops being UTF-8: the first byte that does not start a
 * whole, shortest, non-surrogate character. */
static void
test_utf8_bad_offset(void **state)
{
	static const struct {
		const char *s;
		size_t n, want;
	} rows[] = {
	    {"", 0, 0},
	    {"abc", 3, 3},
	    {"上海", 6, 6},
	    {"a\xff"
	     "b",
	     3, 1},
	    {"ab\xe4\xb8", 4, 2},           /* cut short at the end */
	    {"\xc0\xaf", 2, 0},             /* overlong */
	    {"x\xed\xa0\x80", 4, 1},        /* a surrogate */
	    {"\xc9\xcf\xba\xa3", 4, 0},     /* 上海 in GB18030 */
	    {"ok\n\xf4\x90\x80\x80", 7, 3}, /* past U+10FFFF */
	};
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t got = text_utf8_bad_offset(rows[i].s, rows[i].n);
		if (got != rows[i].want)
			fail_msg("row %zu: %zu, want %zu", i, got, rows[i].want);
		assert_int_equal(text_is_utf8(rows[i].s, rows[i].n), rows[i].want == rows[i].n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_next), cmocka_unit_test(test_utf8_put),
	    cmocka_unit_test(test_halfwidth), cmocka_unit_test(test_copy_trim),
	    cmocka_unit_test(test_digits),    cmocka_unit_test(test_utf8_bad_offset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
