/* test_citysearch.c -- the region filter: 汉字, pinyin, initials, English, codes, aliases, full-width,
 * ranking */
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

/* A hit wanted: the row's code, and the alias's when an alias led to it. */
struct want {
	int row, via;
};

struct ccase {
	const char *name;
	const char *query; /* NULL is passed as NULL unless fill is set */
	const char *fill;  /* when set, the query is query + fill repeated to BIG bytes + tail */
	const char *tail;
	size_t max;
	bool provinces;       /* want the province-level rows, in code order (at most max) */
	size_t count;         /* when not 0: the number of hits, of which want gives the first */
	struct want want[12]; /* the hits, best first, ended by {0} */
};

#define NONE false, 0

static const struct ccase cases[] = {
    /* degenerate */
    {"NULL query", NULL, NULL, NULL, MAX_OUT, true, 0, {{0}}},
    {"empty", "", NULL, NULL, MAX_OUT, true, 0, {{0}}},
    {"spaces", "   ", NULL, NULL, MAX_OUT, true, 0, {{0}}},
    {"ideographic spaces", "\xe3\x80\x80 \xe3\x80\x80", NULL, NULL, MAX_OUT, true, 0, {{0}}},
    {"tab", "\t", NULL, NULL, MAX_OUT, true, 0, {{0}}},
    {"bad byte", "\xff", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"cut sequence", "\xe5\x8c", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"cut sequence then text",
     "\xe5\x8c"
     "bei",
     NULL,
     NULL,
     MAX_OUT,
     NONE,
     {{0}}},
    {"overlong", "\xc0\xae", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"surrogate", "\xed\xa0\x80", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"beyond U+10FFFF", "\xf4\x90\x80\x80", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"stray continuation", "\x80", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"good then bad", "bei\xff", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"bad then good",
     "\xff"
     "bei",
     NULL,
     NULL,
     MAX_OUT,
     NONE,
     {{0}}},
    {"10 KB of a", "", "a", "", MAX_OUT, NONE, {{0}}},
    {"10 KB of spaces", "", " ", "", MAX_OUT, true, 0, {{0}}},
    {"10 KB of bad bytes", "", "\xff", "", MAX_OUT, NONE, {{0}}},
    {"10 KB of 北京", "", "北京", "", MAX_OUT, NONE, {{0}}},
    {"beijing, 10 KB of spaces, g", "beijin", " ", "g", MAX_OUT, NONE, {{110000, 0}}},
    {"max 0", "", NULL, NULL, 0, true, 0, {{0}}},
    {"max 0 with a match", "bj", NULL, NULL, 0, NONE, {{0}}},
    {"max 1, empty", "", NULL, NULL, 1, true, 0, {{0}}},
    {"max 1", "bj", NULL, NULL, 1, NONE, {{110000, 0}}},
    {"max 2", "bj", NULL, NULL, 2, NONE, {{110000, 0}, {520500, 0}}},
    /* 汉字: the short name anywhere, the full name from the start */
    {"北京", "北京", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"北京市", "北京市", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"北 京 with spaces", " 北 京 ", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"北京 with ideographic space", "北\xe3\x80\x80京", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"重庆", "重庆", NULL, NULL, MAX_OUT, NONE, {{500000, 0}}},
    {"周口市", "周口市", NULL, NULL, MAX_OUT, NONE, {{411600, 0}}},
    {"内蒙古自治区", "内蒙古自治区", NULL, NULL, MAX_OUT, NONE, {{150000, 0}}},
    {"延边朝鲜族自治州", "延边朝鲜族自治州", NULL, NULL, MAX_OUT, NONE, {{222400, 0}}},
    {"京: alias prefixes, then rows inside",
     "京",
     NULL,
     NULL,
     MAX_OUT,
     false,
     4,
     {{321100, 321102}, {420800, 420882}, {110000, 0}, {320100, 0}}},
    {"深: a city, then counties",
     "深",
     NULL,
     NULL,
     MAX_OUT,
     false,
     3,
     {{440300, 0}, {130100, 130128}, {131100, 131182}}},
    {"广: cities, provinces, then counties",
     "广",
     NULL,
     NULL,
     MAX_OUT,
     false,
     19,
     {{440100, 0}, {510800, 0}, {511600, 0}, {440000, 0}, {450000, 0}, {130400, 130432}}},
    {"州 not every 自治州", "州", NULL, NULL, 3, false, 0, {{130900, 0}, {140600, 0}, {140900, 0}}},
    {"县 not every county: one-character stems",
     "县",
     NULL,
     NULL,
     2,
     false,
     0,
     {{130100, 130133}, {130400, 130426}}},
    /* aliases */
    {"郸城", "郸城", NULL, NULL, MAX_OUT, NONE, {{411600, 411625}}},
    {"郸城县", "郸城县", NULL, NULL, MAX_OUT, NONE, {{411600, 411625}}},
    {"dancheng", "dancheng", NULL, NULL, MAX_OUT, NONE, {{411600, 411625}}},
    {"411625", "411625", NULL, NULL, MAX_OUT, NONE, {{411600, 411625}}},
    {"番禺", "番禺", NULL, NULL, MAX_OUT, NONE, {{440100, 440113}}},
    {"panyu", "panyu", NULL, NULL, MAX_OUT, NONE, {{440100, 440113}}},
    {"朝阳区: a district of a municipality",
     "朝阳区",
     NULL,
     NULL,
     MAX_OUT,
     NONE,
     {{110000, 110105}, {220100, 220104}}},
    {"朝阳: the city, then districts",
     "朝阳",
     NULL,
     NULL,
     MAX_OUT,
     NONE,
     {{211300, 0}, {110000, 110105}, {220100, 220104}}},
    {"仙桃: under its province", "仙桃", NULL, NULL, MAX_OUT, NONE, {{420000, 429004}}},
    {"jiyuan", "jiyuan", NULL, NULL, MAX_OUT, NONE, {{410000, 419001}}},
    {"石河子", "石河子", NULL, NULL, MAX_OUT, NONE, {{650000, 659001}}},
    {"歙县", "歙县", NULL, NULL, MAX_OUT, NONE, {{341000, 341021}}},
    /* pinyin from the start */
    {"beijing", "beijing", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"BeiJing", "BeiJing", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"chong qing", "chong qing", NULL, NULL, MAX_OUT, NONE, {{500000, 0}}},
    {"zhoukou", "zhoukou", NULL, NULL, MAX_OUT, NONE, {{411600, 0}}},
    {"luan: 六安, then counties", "luan", NULL, NULL, MAX_OUT, false, 5, {{341500, 0}, {130100, 130111}}},
    {"xiamen", "xiamen", NULL, NULL, MAX_OUT, NONE, {{350200, 0}}},
    {"shanxi: two exact, then aliases", "shanxi", NULL, NULL, 2, false, 0, {{140000, 0}, {610000, 0}}},
    {"guang: cities before provinces",
     "guang",
     NULL,
     NULL,
     5,
     false,
     0,
     {{440100, 0}, {510800, 0}, {511600, 0}, {440000, 0}, {450000, 0}}},
    {"jingzhou: 荆州, then 靖州 by its county",
     "jingzhou",
     NULL,
     NULL,
     MAX_OUT,
     NONE,
     {{421000, 0}, {431200, 431229}}},
    {"ingzhou: pinyin only from the start", "ingzhou", NULL, NULL, MAX_OUT, NONE, {{0}}},
    /* initials */
    {"bj", "bj", NULL, NULL, 3, false, 0, {{110000, 0}, {520500, 0}, {610300, 0}}},
    {"cq", "cq", NULL, NULL, 1, false, 0, {{500000, 0}}},
    {"ｃｑ", "ｃｑ", NULL, NULL, 1, false, 0, {{500000, 0}}},
    {"zk", "zk", NULL, NULL, 1, false, 0, {{411600, 0}}},
    {"sh: exact 绥化 and 上海 by code", "sh", NULL, NULL, 2, false, 0, {{231200, 0}, {310000, 0}}},
    /* English */
    {"Chongqing", "Chongqing", NULL, NULL, MAX_OUT, NONE, {{500000, 0}}},
    {"shaanxi", "shaanxi", NULL, NULL, MAX_OUT, NONE, {{610000, 0}}},
    {"Inner Mongolia", "Inner Mongolia", NULL, NULL, MAX_OUT, NONE, {{150000, 0}}},
    {"innermong", "innermong", NULL, NULL, MAX_OUT, NONE, {{150000, 0}}},
    {"Lu'an", "Lu'an", NULL, NULL, MAX_OUT, NONE, {{341500, 0}}},
    {"Harbin", "Harbin", NULL, NULL, MAX_OUT, NONE, {{230100, 0}}},
    {"SHANGHAI", "SHANGHAI", NULL, NULL, MAX_OUT, NONE, {{310000, 0}}},
    {"Guang zhou", "Guang zhou", NULL, NULL, MAX_OUT, NONE, {{440100, 0}}},
    /* codes from the start */
    {"110000", "110000", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"１１００００", "１１００００", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"4116: the prefecture", "4116", NULL, NULL, MAX_OUT, NONE, {{411600, 0}}},
    {"４１１６", "４１１６", NULL, NULL, MAX_OUT, NONE, {{411600, 0}}},
    {"41: the prefectures, then the province",
     "41",
     NULL,
     NULL,
     MAX_OUT,
     false,
     18,
     {{410100, 0}, {410200, 0}}},
    {"11: a municipality", "11", NULL, NULL, MAX_OUT, NONE, {{110000, 0}}},
    {"1101: one district for the municipality", "1101", NULL, NULL, MAX_OUT, NONE, {{110000, 110101}}},
    {"110105", "110105", NULL, NULL, MAX_OUT, NONE, {{110000, 110105}}},
    {" 4401 , blanks around", " 4401 ", NULL, NULL, MAX_OUT, NONE, {{440100, 0}}},
    {"0100, codes only from the start", "0100", NULL, NULL, MAX_OUT, NONE, {{0}}},
    /* no match */
    {"zzz", "zzz", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"伦敦", "伦敦", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"London", "London", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"999999", "999999", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"1100001", "1100001", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"110100, no 市辖区 row", "110100", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"beijingx", "beijingx", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"000000", "000000", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"0", "0", NULL, NULL, MAX_OUT, NONE, {{0}}},
    {"71, no Taiwan", "71", NULL, NULL, MAX_OUT, NONE, {{0}}},
};

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

static void
test_cases(void **state)
{
	static char big[BIG + 64];
	int failures = 0;
	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct ccase *k = &cases[c];
		const char *q = case_query(k, big, sizeof big);
		struct citysearch_hit out[MAX_OUT + 1];
		static const struct region_row sentinel_row = {0};
		for (size_t i = 0; i <= MAX_OUT; i++)
			out[i] = (struct citysearch_hit){&sentinel_row, NULL};
		size_t n = citysearch(q, out, k->max);

		struct want want[MAX_OUT];
		size_t nwant = 0, count;
		if (k->provinces) {
			for (size_t i = 0; i < region_table_count && nwant < k->max; i++)
				if (region_table[i].province == region_table[i].code)
					want[nwant++] = (struct want){region_table[i].code, 0};
		} else {
			while (k->want[nwant].row != 0)
				nwant++;
			memcpy(want, k->want, nwant * sizeof want[0]);
		}
		count = k->count != 0 ? k->count : nwant;

		bool bad = n != count;
		for (size_t i = 0; i < n && i < nwant && !bad; i++)
			bad = out[i].row == NULL || out[i].row->code != want[i].row ||
			      (out[i].via != NULL ? out[i].via->code : 0) != want[i].via;
		/* an alias leads to its row; each row once; nothing beyond max */
		for (size_t i = 0; i < n && !bad; i++) {
			bad = out[i].row == &sentinel_row ||
			      (out[i].via != NULL && out[i].via->region != out[i].row->code);
			for (size_t j = 0; j < i && !bad; j++)
				bad = out[j].row == out[i].row;
		}
		for (size_t i = n; i <= MAX_OUT && !bad; i++)
			bad = out[i].row != &sentinel_row;
		if (bad) {
			print_error("case %zu (%s): got %zu:", c, k->name, n);
			for (size_t i = 0; i < n && i < MAX_OUT; i++)
				print_error(" %06d/%06d", out[i].row != NULL ? out[i].row->code : -1,
				            out[i].via != NULL ? out[i].via->code : 0);
			print_error(", want %zu:", count);
			for (size_t i = 0; i < nwant; i++)
				print_error(" %06d/%06d", want[i].row, want[i].via);
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
	struct citysearch_hit out[4] = {{NULL, NULL}};
	(void)state;
	assert_int_equal(citysearch("bj", NULL, 4), 0);
	assert_int_equal(citysearch("bj", NULL, 0), 0);
	assert_int_equal(citysearch("bj", out, 0), 0);
	assert_null(out[0].row);
}

/* Labels: rows, aliases, both languages, the ASCII arrow, short buffers. */
static void
test_labels(void **state)
{
	static const struct {
		int row, via;
		bool english, ascii;
		size_t cap;
		const char *want;
	} k[] = {
	    {411600, 0, false, false, 64, "周口"},
	    {411600, 0, true, false, 64, "Zhoukou"},
	    {411600, 411625, false, false, 64, "郸城县 → 周口市"},
	    {411600, 411625, true, false, 64, "Dancheng → Zhoukou"},
	    {411600, 411625, true, true, 64, "Dancheng -> Zhoukou"},
	    {110000, 110105, false, false, 64, "朝阳区 → 北京市"},
	    {341500, 0, true, true, 64, "Lu'an"},
	    {411600, 411625, false, false, 5, "郸"}, /* cut at a character */
	    {411600, 411625, false, false, 1, ""},
	    {411600, 411625, true, true, 4, "Dan"},
	};
	int failures = 0;
	(void)state;
	assert_null(citysearch_label(NULL, false, false, NULL, 0));
	char buf[64] = "x";
	assert_string_equal(citysearch_label(NULL, false, false, buf, sizeof buf), "");
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		struct citysearch_hit h = {region_table_find(k[i].row),
		                           k[i].via ? region_table_alias(k[i].via) : NULL};
		const char *got = citysearch_label(&h, k[i].english, k[i].ascii, buf, k[i].cap);
		if (strcmp(got, k[i].want) != 0) {
			print_error("label %zu: got \"%s\", want \"%s\"\n", i, got, k[i].want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_degenerate),
	    cmocka_unit_test(test_cases),
	    cmocka_unit_test(test_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
