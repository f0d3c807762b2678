/* test_wrap.c -- line wrapping by display columns: widths, words, closing punctuation, termination */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wrap.h"

#define MAX_LINES 64

struct wcase {
	const char *text;
	int width;
	const char *locale;
	bool words;           /* English: every break falls between words */
	const char *want[12]; /* the exact lines, or { NULL } to check only the properties */
};

static const struct wcase cases[] = {
    /* degenerate */
    {"", 10, "en", false, {NULL}},
    {"a", 0, "en", false, {"a", NULL}},
    {"ab", -5, "en", false, {"a", "b", NULL}},
    {"hello world", 0, "en", false, {"h", "e", "l", "l", "o", "w", "o", "r", "l", "d", NULL}},
    {"你好", 1, "zh", false, {"你", "好", NULL}},
    {"   ", 10, "en", false, {"", NULL}},
    /* English */
    {"hello world", 5, "en", true, {"hello", "world", NULL}},
    {"hello world", 11, "en", true, {"hello world", NULL}},
    {"hello world", 10, "en", true, {"hello", "world", NULL}},
    {"hello   ", 10, "en", true, {"hello", NULL}},
    {"a\n\nb", 10, "en", false, {"a", "", "b", NULL}},
    {"one two three four five six seven",
     9,
     "en",
     true,
     {"one two", "three", "four five", "six seven", NULL}},
    {"supercalifragilistic", 5, "en", false, {"super", "calif", "ragil", "istic", NULL}},
    {"abcdefgh,ijk", 8, "en", false, {"abcdefg", "h,ijk", NULL}},
    /* an option (or a sign) stays whole: no break after the hyphens that begin a word, but the
     * hyphen inside one still breaks */
    {"it changes, as --employee-tier does",
     14,
     "en",
     false,
     {"it changes, as", "--employee-", "tier does", NULL}},
    {"it changes, as --employee-tier does",
     19,
     "en",
     false,
     {"it changes, as", "--employee-tier", "does", NULL}},
    {"(--base) is -5 here", 8, "en", false, {"(--base)", "is -5", "here", NULL}},
    {"Only the employee scheme lets you keep benefits after retirement without paying, once you have "
     "paid the years the city requires",
     30,
     "en",
     true,
     {NULL}},
    {"english.shanghai.gov.cn/en-wisEditor'spick/20241104/6a9fd064e90a4a86b9e076dbf873eef2.html",
     30,
     "en",
     false,
     {NULL}},
    /* Chinese: never a closing mark at the start of a line */
    {"在参保地以外就医，须办理异地就医备案才能直接结算。",
     18,
     "zh",
     false,
     {"在参保地以外就医，", "须办理异地就医备案", "才能直接结算。", NULL}},
    {"一二三四五六七八九十。一二三", 20, "zh", false, {"一二三四五六七八九", "十。一二三", NULL}},
    {"在参保地以外就医，须办理异地就医备案才能直接结算。", 16, "zh", false, {NULL}},
    {"您有2年职工医保缴费年限在外地，须办理医保关系转移接续；外地年限在本地如何计算，由当地规定",
     10,
     "zh",
     false,
     {NULL}},
    {"依据【未核实】：仇雨临、冉晓醒《灵活就业人员医保参保之“困”》(中国人民大学劳动人事学院, 2019-era "
     "study, section 2.1)（核对日期：2026-11-29）",
     24,
     "zh",
     false,
     {NULL}},
    {"费用：至少每月¥33.33，每年¥400.00，占收入的0.6%（全国最低个人缴费标准，本地标准暂无数据）",
     7,
     "zh",
     false,
     {NULL}},
    /* marks stay with their base */
    {"e\xcc\x81"
     "e\xcc\x81"
     "e\xcc\x81",
     2,
     "en",
     false,
     {"e\xcc\x81"
      "e\xcc\x81",
      "e\xcc\x81", NULL}},
    /* a bad byte counts one column and still ends */
    {"ab\xff"
     "cd",
     2,
     "en",
     false,
     {NULL}},
};

/* Marks that must not start a line. */
static const char *const closing[] = {"，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』",
                                      "】", "〕", "”",  "’",  ",",  ".",  ";",  ":",  "!",  "?",  ")"};

static bool
starts_with_closing(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		size_t n = strlen(closing[i]);
		if (len >= n && memcmp(s, closing[i], n) == 0)
			return true;
	}
	return false;
}

/* Code points in a line, marks (zero width) not counted. */
static int
glyphs(const char *s, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 &&
		    !((unsigned char)s[i] == 0xCC || (unsigned char)s[i] == 0xCD))
			n++;
	return n;
}

static void
test_cases(void **state)
{
	(void)state;
	struct wrap_line lines[MAX_LINES];
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct wcase *k = &cases[c];
		size_t len = strlen(k->text);
		size_t n =
		    wrap_lines(k->text, len, k->width, k->locale, WRAP_MEASURE_UNICODE, lines, MAX_LINES);
		int width = k->width < 1 ? 1 : k->width;
		if (n > MAX_LINES || n > len + 1)
			print_error("case %zu: %zu lines\n", c, n);
		assert_true(n <= MAX_LINES && n <= len + 1);
		size_t end = 0;
		for (size_t i = 0; i < n; i++) {
			const char *s = k->text + lines[i].off;
			/* in order, inside the text, measured right */
			assert_true(lines[i].off >= end);
			assert_true(lines[i].off + lines[i].len <= len);
			end = lines[i].off + lines[i].len;
			assert_int_equal(lines[i].cols,
			                 wrap_text_width(s, lines[i].len, WRAP_MEASURE_UNICODE));
			/* never wider than the width, unless one character is */
			if (lines[i].cols > width && glyphs(s, lines[i].len) > 1) {
				print_error("case %zu line %zu: %d columns > %d: %.*s\n", c, i, lines[i].cols,
				            width, (int)lines[i].len, s);
				fail();
			}
			/* no closing mark first, where a line holds two characters */
			if (i > 0 && width >= 4 && starts_with_closing(s, lines[i].len)) {
				print_error("case %zu line %zu starts with a closing mark: %.*s\n", c, i,
				            (int)lines[i].len, s);
				fail();
			}
			/* words whole */
			if (k->words && i > 0) {
				char before = k->text[lines[i].off - 1];
				if (before != ' ' && before != '\n') {
					print_error("case %zu line %zu splits a word: %.*s\n", c, i,
					            (int)lines[i].len, s);
					fail();
				}
			}
		}
		/* nothing visible is lost */
		for (size_t j = 0; j < len; j++) {
			if (k->text[j] == ' ' || k->text[j] == '\n')
				continue;
			bool in = false;
			for (size_t i = 0; i < n && !in; i++)
				in = j >= lines[i].off && j < lines[i].off + lines[i].len;
			if (!in)
				print_error("case %zu: byte %zu is on no line\n", c, j);
			assert_true(in);
		}
		if (k->want[0] == NULL && len > 0)
			continue;
		size_t nwant = 0;
		while (k->want[nwant] != NULL)
			nwant++;
		if (n != nwant)
			print_error("case %zu: %zu lines, want %zu\n", c, n, nwant);
		assert_int_equal(n, nwant);
		for (size_t i = 0; i < n; i++) {
			char got[256];
			snprintf(got, sizeof got, "%.*s", (int)lines[i].len, k->text + lines[i].off);
			if (strcmp(got, k->want[i]) != 0)
				print_error("case %zu line %zu: got \"%s\", want \"%s\"\n", c, i, got,
				            k->want[i]);
			assert_string_equal(got, k->want[i]);
		}
	}
}

/* Only the count is asked for: the same count, nothing written. */
static void
test_count_only(void **state)
{
	(void)state;
	const char *t = "one two three four five six seven";
	struct wrap_line lines[MAX_LINES];
	size_t all = wrap_lines(t, strlen(t), 9, "en", WRAP_MEASURE_UNICODE, lines, MAX_LINES);
	assert_int_equal(wrap_lines(t, strlen(t), 9, "en", WRAP_MEASURE_UNICODE, NULL, 0), all);
	struct wrap_line one[1] = {{99, 99, 99}};
	assert_int_equal(wrap_lines(t, strlen(t), 9, "en", WRAP_MEASURE_UNICODE, one, 1), all);
	assert_int_equal(one[0].off, 0);
	assert_int_equal(one[0].len, 7);
}

static void
test_widths(void **state)
{
	(void)state;
	static const struct {
		int32_t c;
		int w;
	} cases[] = {
	    {'a', 1},
	    {0x4E2D, 2} /* 中 */,
	    {0xFF0C, 2} /* ， */,
	    {0x3002, 2} /* 。 */,
	    {0x00A5, 1} /* ¥ */,
	    {0x0301, 0},
	    {0x200B, 0},
	    {'\n', 0},
	    {0x1F600, 2},
	    {-1, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (wrap_char_width(cases[i].c, WRAP_MEASURE_UNICODE) != cases[i].w)
			print_error("case %zu: U+%04X\n", i, (unsigned)cases[i].c);
		assert_int_equal(wrap_char_width(cases[i].c, WRAP_MEASURE_UNICODE), cases[i].w);
	}
	assert_int_equal(wrap_text_width("职工医保·上海", strlen("职工医保·上海"), WRAP_MEASURE_UNICODE), 13);
	assert_int_equal(wrap_text_width("", 0, WRAP_MEASURE_UNICODE), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cases),
	    cmocka_unit_test(test_count_only),
	    cmocka_unit_test(test_widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
