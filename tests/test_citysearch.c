/* test_citysearch.c -- the region filter: 汉字, pinyin, initials, English, codes, full-width, ranking */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "citysearch.h"

#define MAX_OUT 64
#define BIG 10240 /* bytes of a long query */

struct ccase {
	const char *name;
	const char *query; /* NULL is passed as NULL unless fill is set */
	const char *fill;  /* when set, the query is query + fill repeated to BIG bytes + tail */
	const char *tail;
	size_t max;
	bool all;     /* want every region but the national file, in code order (at most max) */
	int want[12]; /* otherwise the codes, best first, ended by 0 */
};

static const struct ccase cases[] = {
	/* degenerate */
	{"NULL query", NULL, NULL, NULL, MAX_OUT, true, {0}},
	{"empty", "", NULL, NULL, MAX_OUT, true, {0}},
	{"spaces", "   ", NULL, NULL, MAX_OUT, true, {0}},
	{"ideographic spaces", "\xe3\x80\x80 \xe3\x80\x80", NULL, NULL, MAX_OUT, true, {0}},
	{"tab", "\t", NULL, NULL, MAX_OUT, true, {0}},
	{"bad byte", "\xff", NULL, NULL, MAX_OUT, false, {0}},
	{"cut sequence", "\xe5\x8c", NULL, NULL, MAX_OUT, false, {0}},
	{"cut sequence then text", "\xe5\x8c" "bei", NULL, NULL, MAX_OUT, false, {0}},
	{"overlong", "\xc0\xae", NULL, NULL, MAX_OUT, false, {0}},
	{"surrogate", "\xed\xa0\x80", NULL, NULL, MAX_OUT, false, {0}},
	{"beyond U+10FFFF", "\xf4\x90\x80\x80", NULL, NULL, MAX_OUT, false, {0}},
	{"stray continuation", "\x80", NULL, NULL, MAX_OUT, false, {0}},
	{"good then bad", "bei\xff", NULL, NULL, MAX_OUT, false, {0}},
	{"bad then good", "\xff" "bei", NULL, NULL, MAX_OUT, false, {0}},
	{"10 KB of a", "", "a", "", MAX_OUT, false, {0}},
	{"10 KB of spaces", "", " ", "", MAX_OUT, true, {0}},
	{"10 KB of bad bytes", "", "\xff", "", MAX_OUT, false, {0}},
	{"10 KB of 北京", "", "北京", "", MAX_OUT, false, {0}},
	{"b, 10 KB of spaces, j", "b", " ", "j", MAX_OUT, false, {110000}},
	{"max 0", "", NULL, NULL, 0, true, {0}},
	{"max 0 with a match", "bj", NULL, NULL, 0, false, {0}},
	{"max 1, empty", "", NULL, NULL, 1, true, {0}},
	{"max 1", "s", NULL, NULL, 1, false, {310000}},
	{"max 2", "s", NULL, NULL, 2, false, {310000, 440300}},
	/* 汉字, anywhere in the name */
	{"北京", "北京", NULL, NULL, MAX_OUT, false, {110000}},
	{"京", "京", NULL, NULL, MAX_OUT, false, {110000}},
	{"重", "重", NULL, NULL, MAX_OUT, false, {500000}},
	{"重庆", "重庆", NULL, NULL, MAX_OUT, false, {500000}},
	{"庆", "庆", NULL, NULL, MAX_OUT, false, {500000}},
	{"州, two substrings in code order", "州", NULL, NULL, MAX_OUT, false, {330100, 440100}},
	{"广, city before its province", "广", NULL, NULL, MAX_OUT, false, {440100, 440000}},
	{"广东", "广东", NULL, NULL, MAX_OUT, false, {440000}},
	{"北 京 with spaces", " 北 京 ", NULL, NULL, MAX_OUT, false, {110000}},
	{"北京 with ideographic space", "北\xe3\x80\x80京", NULL, NULL, MAX_OUT, false, {110000}},
	/* pinyin from the start */
	{"beijing", "beijing", NULL, NULL, MAX_OUT, false, {110000}},
	{"bei", "bei", NULL, NULL, MAX_OUT, false, {110000}},
	{"BeiJing", "BeiJing", NULL, NULL, MAX_OUT, false, {110000}},
	{"chong qing", "chong qing", NULL, NULL, MAX_OUT, false, {500000}},
	{"chong", "chong", NULL, NULL, MAX_OUT, false, {500000}},
	{"c", "c", NULL, NULL, MAX_OUT, false, {500000, 510100}},
	{"s, province last", "s", NULL, NULL, MAX_OUT, false, {310000, 440300, 510000}},
	{"guang, city before province", "guang", NULL, NULL, MAX_OUT, false, {440100, 440000}},
	{"jing, pinyin only from the start", "jing", NULL, NULL, MAX_OUT, false, {0}},
	/* initials */
	{"bj", "bj", NULL, NULL, MAX_OUT, false, {110000}},
	{"cq", "cq", NULL, NULL, MAX_OUT, false, {500000}},
	{"sz", "sz", NULL, NULL, MAX_OUT, false, {440300}},
	{"sh, exact initials before pinyin prefix", "sh", NULL, NULL, MAX_OUT, false, {310000, 440300}},
	{"SZ", "SZ", NULL, NULL, MAX_OUT, false, {440300}},
	{"gd", "gd", NULL, NULL, MAX_OUT, false, {440000}},
	{"sc", "sc", NULL, NULL, MAX_OUT, false, {510000}},
	/* English */
	{"Chongqing", "Chongqing", NULL, NULL, MAX_OUT, false, {500000}},
	{"chongq", "chongq", NULL, NULL, MAX_OUT, false, {500000}},
	{"shang", "shang", NULL, NULL, MAX_OUT, false, {310000}},
	{"SHANGHAI", "SHANGHAI", NULL, NULL, MAX_OUT, false, {310000}},
	{"Guang zhou", "Guang zhou", NULL, NULL, MAX_OUT, false, {440100}},
	{"Guangdong", "Guangdong", NULL, NULL, MAX_OUT, false, {440000}},
	/* codes from the start */
	{"110000", "110000", NULL, NULL, MAX_OUT, false, {110000}},
	{"4401", "4401", NULL, NULL, MAX_OUT, false, {440100}},
	{"44, province last", "44", NULL, NULL, MAX_OUT, false, {440100, 440300, 440000}},
	{"440000", "440000", NULL, NULL, MAX_OUT, false, {440000}},
	{"5, province last", "5", NULL, NULL, MAX_OUT, false, {500000, 510100, 510000}},
	{"0100, codes only from the start", "0100", NULL, NULL, MAX_OUT, false, {0}},
	{" 4401 , blanks around", " 4401 ", NULL, NULL, MAX_OUT, false, {440100}},
	/* full-width from an input method */
	{"ｃｑ", "ｃｑ", NULL, NULL, MAX_OUT, false, {500000}},
	{"１１００００", "１１００００", NULL, NULL, MAX_OUT, false, {110000}},
	{"ＢＥＩ", "ＢＥＩ", NULL, NULL, MAX_OUT, false, {110000}},
	{"ｓｈ", "ｓｈ", NULL, NULL, MAX_OUT, false, {310000, 440300}},
	{"４４０１", "４４０１", NULL, NULL, MAX_OUT, false, {440100}},
	/* no match */
	{"zzz", "zzz", NULL, NULL, MAX_OUT, false, {0}},
	{"伦敦", "伦敦", NULL, NULL, MAX_OUT, false, {0}},
	{"London", "London", NULL, NULL, MAX_OUT, false, {0}},
	{"999999", "999999", NULL, NULL, MAX_OUT, false, {0}},
	{"1100001", "1100001", NULL, NULL, MAX_OUT, false, {0}},
	{"beijingx", "beijingx", NULL, NULL, MAX_OUT, false, {0}},
	/* the national file never */
	{"全国", "全国", NULL, NULL, MAX_OUT, false, {0}},
	{"国", "国", NULL, NULL, MAX_OUT, false, {0}},
	{"quanguo", "quanguo", NULL, NULL, MAX_OUT, false, {0}},
	{"qg", "qg", NULL, NULL, MAX_OUT, false, {0}},
	{"000000", "000000", NULL, NULL, MAX_OUT, false, {0}},
	{"0", "0", NULL, NULL, MAX_OUT, false, {0}},
	{"China", "China", NULL, NULL, MAX_OUT, false, {0}},
};

static struct policy_set *ps;

static int
setup(void **state)
{
	struct policy_error err;
	(void)state;
	ps = policy_set_new();
	if (ps == NULL)
		return -1;
	if (policy_set_add_builtin(ps, &err) != POLICY_OK || policy_set_finish(ps, &err) != POLICY_OK) {
		print_error("built-in data: %s:%d: error %d (%s)\n", err.file, err.line, (int)err.code,
			    err.detail);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	policy_set_free(ps);
	ps = NULL;
	return 0;
}

/* The query of a case; big (BIG + some bytes) holds a built one. */
static const char *
case_query(const struct ccase *k, char *big, size_t cap)
{
	if (k->fill == NULL)
		return k->query;
	size_t n = strlen(k->query), f = strlen(k->fill), t = strlen(k->tail);
	memcpy(big, k->query, n);
	while (n + f + t < cap && n < BIG) {
		memcpy(big + n, k->fill, f);
		n += f;
	}
	memcpy(big + n, k->tail, t);
	big[n + t] = '\0';
	return big;
}

/* Every region but the national file, in the set's order, at most max. */
static size_t
all_regions(int *codes, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < policy_set_region_count(ps) && n < max; i++) {
		const struct policy_region *r = policy_set_region_at(ps, i);
		if (r->code != POLICY_NATIONAL)
			codes[n++] = r->code;
	}
	return n;
}

static void
test_cases(void **state)
{
	static char big[BIG + 64];
	int failures = 0;
	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct ccase *k = &cases[c];
		const char *q = case_query(k, big, sizeof big);
		const struct policy_region *out[MAX_OUT + 1];
		const struct policy_region sentinel = {0};
		for (size_t i = 0; i <= MAX_OUT; i++)
			out[i] = &sentinel;
		size_t n = citysearch(ps, q, out, k->max);

		int want[MAX_OUT];
		size_t nwant = 0;
		if (k->all) {
			nwant = all_regions(want, k->max);
		} else {
			while (k->want[nwant] != 0)
				nwant++;
			memcpy(want, k->want, nwant * sizeof want[0]);
		}

		bool bad = n != nwant;
		for (size_t i = 0; i < n && !bad; i++)
			bad = out[i] == NULL || out[i] == &sentinel || out[i]->code != want[i];
		/* nothing written beyond max, the national file never */
		for (size_t i = n; i <= MAX_OUT && !bad; i++)
			bad = out[i] != &sentinel;
		for (size_t i = 0; i < n && i < MAX_OUT && !bad; i++)
			bad = out[i]->code == POLICY_NATIONAL;
		if (bad) {
			print_error("case %zu (%s): got %zu:", c, k->name, n);
			for (size_t i = 0; i < n && i < MAX_OUT; i++)
				print_error(" %06d", out[i] != NULL ? out[i]->code : -1);
			print_error(", want %zu:", nwant);
			for (size_t i = 0; i < nwant; i++)
				print_error(" %06d", want[i]);
			print_error("\n");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* NULL arguments. */
static void
test_degenerate(void **state)
{
	const struct policy_region *out[4] = {NULL};
	(void)state;
	assert_int_equal(citysearch(NULL, "bj", out, 4), 0);
	assert_int_equal(citysearch(ps, "bj", NULL, 4), 0);
	assert_int_equal(citysearch(ps, "bj", NULL, 0), 0);
	assert_null(out[0]);
}

/* An invented set for what the built-in data does not show: a province
 * tied to its city by parent only, two exact matches, an exact match after
 * a prefix match in code order, English names with spaces. (Names with bad
 * bytes cannot be made: the loader refuses text that is not UTF-8.) */
#define SMALL_REGION(code, zh, en, py, ini, parent)                                              \
	"[region]\ncode = " code "\nname_zh = " zh "\nname_en = " en "\npinyin = " py                \
	"\ninitials = " ini "\nparent = " parent "\n"

static const struct {
	const char *name, *text;
} small_files[] = {
	{"000000-national.ini", SMALL_REGION("000000", "全国", "National", "quanguo", "qg", "none")},
	{"140000-shanxi.ini", SMALL_REGION("140000", "山西", "Shanxi", "shanxi", "sx", "none")},
	{"429004-xiantao.ini", SMALL_REGION("429004", "仙桃", "Xiantao", "xiantao", "xt", "none")},
	{"610000-shaanxi.ini", SMALL_REGION("610000", "陕西", "Shaanxi", "shanxi", "sx", "none")},
	{"610100-xian.ini", SMALL_REGION("610100", "西安", "Xi an", "xian", "xa", "610000")},
	{"900000-jiasheng.ini", SMALL_REGION("900000", "甲省", "Jia Province", "jiasheng", "js", "none")},
	{"910100-jiashi.ini", SMALL_REGION("910100", "甲市", "Jia City", "jiashi", "js", "900000")},
};

static const struct ccase small_cases[] = {
	{"empty", "", NULL, NULL, MAX_OUT, false, {140000, 429004, 610000, 610100, 900000, 910100}},
	{"shanxi: two exact, the province last", "shanxi", NULL, NULL, MAX_OUT, false, {140000, 610000}},
	{"sx", "sx", NULL, NULL, MAX_OUT, false, {140000, 610000}},
	{"西: prefix, then substrings", "西", NULL, NULL, MAX_OUT, false, {610100, 140000, 610000}},
	{"甲: province by parent only", "甲", NULL, NULL, MAX_OUT, false, {910100, 900000}},
	{"js: both exact", "js", NULL, NULL, MAX_OUT, false, {910100, 900000}},
	{"jia city", "jia city", NULL, NULL, MAX_OUT, false, {910100}},
	{"JiaC", "JiaC", NULL, NULL, MAX_OUT, false, {910100}},
	{"xian: exact before an earlier prefix", "xian", NULL, NULL, MAX_OUT, false, {610100, 429004}},
	{"Xi an", "Xi an", NULL, NULL, MAX_OUT, false, {610100, 429004}},
	{"xiant", "xiant", NULL, NULL, MAX_OUT, false, {429004}},
	{"bad byte", "\xff", NULL, NULL, MAX_OUT, false, {0}},
	{"national", "quanguo", NULL, NULL, MAX_OUT, false, {0}},
};

static void
test_small_set(void **state)
{
	struct policy_error err;
	int failures = 0;
	(void)state;
	struct policy_set *small = policy_set_new();
	assert_non_null(small);
	for (size_t i = 0; i < sizeof small_files / sizeof small_files[0]; i++) {
		const char *t = small_files[i].text;
		if (policy_set_add(small, small_files[i].name, t, strlen(t), &err) != POLICY_OK) {
			print_error("small set file %zu: %s:%d: error %d (%s)\n", i, err.file, err.line,
				    (int)err.code, err.detail);
			failures++;
		}
	}
	if (policy_set_finish(small, &err) != POLICY_OK) {
		print_error("small set: error %d (%s)\n", (int)err.code, err.detail);
		failures++;
	}
	for (size_t c = 0; c < sizeof small_cases / sizeof small_cases[0] && failures == 0; c++) {
		const struct ccase *k = &small_cases[c];
		const struct policy_region *out[MAX_OUT];
		size_t n = citysearch(small, k->query, out, k->max), nwant = 0;
		while (k->want[nwant] != 0)
			nwant++;
		bool bad = n != nwant;
		for (size_t i = 0; i < n && !bad; i++)
			bad = out[i]->code != k->want[i];
		if (bad) {
			print_error("small case %zu (%s): got %zu:", c, k->name, n);
			for (size_t i = 0; i < n; i++)
				print_error(" %06d", out[i]->code);
			print_error("\n");
			failures++;
		}
	}
	policy_set_free(small);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_small_set),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
