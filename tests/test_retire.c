/* test_retire.c -- table-driven cmocka tests for retire_age_compute */

/*
 * Where the expected rows come from. The rule is the annex to
 *   [0] NPCSC, 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定
 *       (2024-09-13), annex 国务院关于渐进式延迟法定退休年龄的办法 with
 *       附件1-3 延迟法定退休年龄对照表,
 *       https://www.gov.cn/yaowen/liebiao/202409/content_6974294.htm
 * The 对照表 themselves are published as images; no text copy of them could be
 * read here, so each row was checked against these texts instead:
 *   [1] 深圳市人力资源和社会保障局, 政策小贴士 "女职工的法定退休年龄怎样调整?"
 *       (2024-09-13): 55 -> 58 one month per 4, 50 -> 55 one month per 2,
 *       https://hrss.sz.gov.cn/ztfw/jjsycfdtxnlgg/zcxts/content/post_11563516.html
 *       (same text, source 人力资源社会保障部, at
 *       http://rsj.snj.gov.cn/zc_38462/202409/t20240920_5343077.shtml)
 *   [2] 贵州广播电视台 百姓就业, "此次法定退休年龄调整是如何规定的?" (2025-08-16):
 *       men due Jan-Apr 2025 retire Feb-May (+1), due May-Aug retire Jul-Oct
 *       (+2); women 50 due Jan, Feb retire Feb, Mar (+1), due Mar, Apr retire
 *       May, Jun (+2), https://gzstv.cn/a/bb516ef406b74a2080d4cfa91920729d
 *   [3] fudaoke.com: men born 1965-01..04 -> 60y1m, 1965-05..08 -> 60y2m,
 *       born 1976-09 or later -> 63, https://www.fudaoke.com/exam/2822277.html
 *   [4] wxredian.com, on 附件3: women 50 born 1984-11 or later -> 55,
 *       https://wxredian.com/art?id=1100f71ff7e000d9425fe40f09faa640
 *   [5] CSDN qq_22385935, calculator stated to agree with the 电子社保卡
 *       mini-program, retirement months for: men 1965-01 2025-02, 1966-01
 *       2026-05, 1975-06 2038-02, 1988-09 2051-09; women 55 1970-01 2025-02,
 *       1970-06 2025-08, 1970-09 2025-12, 1971-06 2026-11, 1988-09 2046-09;
 *       women 50 1975-01 2025-02, 1975-06 2025-09, 1976-06 2027-03, 1977-01
 *       2028-02, 1984-11 2039-11,
 *       https://blog.csdn.net/qq_22385935/article/details/142263821
 * Rows marked [rule] follow from [0]/[1] alone (not seen in any text above).
 * Every expected value below is a literal, never recomputed from the rule.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <cmocka.h>

#include "retire.h"

/* An evaluation date after the reform, the last day before it, and its first day. */
#define AFTER                                                                                                \
	{                                                                                                    \
		2025, 6, 15                                                                                  \
	}
#define BEFORE                                                                                               \
	{                                                                                                    \
		2024, 12, 31                                                                                 \
	}
#define REFORM                                                                                               \
	{                                                                                                    \
		2025, 1, 1                                                                                   \
	}

struct retire_case {
	const char *name;
	enum retire_category cat;
	struct {
		int year, month;
	} birth;
	struct {
		int year, month, day;
	} as_of;
	bool ok;
	struct retire_age want;
	bool null_out;
	bool no_reform;                  /* pass NULL: the data has no reform in force */
	const struct retire_day *reform; /* NULL: the 2025-01-01 of the national data */
};

/* The reform's first day as core/policy/000000-national.yaml gives it, and others. */
static const struct retire_day reform_2025 = {2025, 1, 1};
static const struct retire_day reform_2026 = {2026, 1, 1};
static const struct retire_day reform_bad = {2025, 2, 30};

static const struct retire_case cases[] = {
    /* Degenerate input first: nothing is written and false comes back. */
    {"NULL out", RETIRE_MALE, {1965, 1}, AFTER, .ok = false, .null_out = true},
    {"category past the end", (enum retire_category)3, {1965, 1}, AFTER, .ok = false},
    {"negative category", (enum retire_category) - 1, {1965, 1}, AFTER, .ok = false},
    {"birth month 0", RETIRE_MALE, {1965, 0}, AFTER, .ok = false},
    {"birth month 13", RETIRE_MALE, {1965, 13}, AFTER, .ok = false},
    {"birth year 1899", RETIRE_MALE, {1899, 12}, AFTER, .ok = false},
    {"birth year 2101", RETIRE_MALE, {2101, 1}, AFTER, .ok = false},
    {"as-of month 0", RETIRE_MALE, {1965, 1}, {2025, 0, 15}, .ok = false},
    {"as-of month 13", RETIRE_MALE, {1965, 1}, {2025, 13, 15}, .ok = false},
    {"as-of day 0", RETIRE_MALE, {1965, 1}, {2025, 1, 0}, .ok = false},
    {"as-of day 32", RETIRE_MALE, {1965, 1}, {2025, 1, 32}, .ok = false},
    {"as-of 2025-02-29", RETIRE_MALE, {1965, 1}, {2025, 2, 29}, .ok = false},
    {"as-of 2100-02-29", RETIRE_MALE, {1965, 1}, {2100, 2, 29}, .ok = false},
    {"as-of year 1899", RETIRE_MALE, {1965, 1}, {1899, 12, 31}, .ok = false},
    {"as-of year 2101", RETIRE_MALE, {1965, 1}, {2101, 1, 1}, .ok = false},
    {"reform day 2025-02-30", RETIRE_MALE, {1965, 1}, AFTER, .ok = false, .reform = &reform_bad},

    /* The reform day comes from the caller (the data), not from the code. */
    {"no reform in force",
     RETIRE_MALE,
     {1977, 1},
     AFTER,
     .ok = true,
     .want = {720, 0, 2037, 1},
     .no_reform = true},
    {"reform dated 2026, as of 2025",
     RETIRE_MALE,
     {1977, 1},
     AFTER,
     .ok = true,
     .want = {720, 0, 2037, 1},
     .reform = &reform_2026},
    {"reform dated 2026, as of 2026",
     RETIRE_MALE,
     {1977, 1},
     {2026, 1, 1},
     .ok = true,
     .want = {756, 36, 2040, 1},
     .reform = &reform_2026},

    /* Extremes that are accepted. */
    {"male born 1900-01", RETIRE_MALE, {1900, 1}, AFTER, .ok = true, .want = {720, 0, 1960, 1}},
    {"male born 2100-12", RETIRE_MALE, {2100, 12}, {2100, 12, 31}, .ok = true, .want = {756, 36, 2163, 12}},
    {"as-of 2024-02-29", RETIRE_FEMALE_50, {1984, 11}, {2024, 2, 29}, .ok = true, .want = {600, 0, 2034, 11}},
    {"as-of 2000-02-29", RETIRE_FEMALE_50, {1984, 11}, {2000, 2, 29}, .ok = true, .want = {600, 0, 2034, 11}},

    /* Men, original age 60. */
    {"male 1964-12 last undelayed [rule]",
     RETIRE_MALE,
     {1964, 12},
     AFTER,
     .ok = true,
     .want = {720, 0, 2024, 12}},
    {"male 1965-01 first row [2][3][5]",
     RETIRE_MALE,
     {1965, 1},
     AFTER,
     .ok = true,
     .want = {721, 1, 2025, 2}},
    {"male 1965-04 end of +1 [2][3]", RETIRE_MALE, {1965, 4}, AFTER, .ok = true, .want = {721, 1, 2025, 5}},
    {"male 1965-05 first +2 [2][3]", RETIRE_MALE, {1965, 5}, AFTER, .ok = true, .want = {722, 2, 2025, 7}},
    {"male 1965-08 end of +2 [2][3]", RETIRE_MALE, {1965, 8}, AFTER, .ok = true, .want = {722, 2, 2025, 10}},
    {"male 1965-09 first +3 [rule]", RETIRE_MALE, {1965, 9}, AFTER, .ok = true, .want = {723, 3, 2025, 12}},
    {"male 1966-01 [5]", RETIRE_MALE, {1966, 1}, AFTER, .ok = true, .want = {724, 4, 2026, 5}},
    {"male 1975-06 middle [5]", RETIRE_MALE, {1975, 6}, AFTER, .ok = true, .want = {752, 32, 2038, 2}},
    {"male 1976-08 last uncapped [rule]",
     RETIRE_MALE,
     {1976, 8},
     AFTER,
     .ok = true,
     .want = {755, 35, 2039, 7}},
    {"male 1976-09 first capped [3]", RETIRE_MALE, {1976, 9}, AFTER, .ok = true, .want = {756, 36, 2039, 9}},
    {"male 1976-12 capped [3]", RETIRE_MALE, {1976, 12}, AFTER, .ok = true, .want = {756, 36, 2039, 12}},
    {"male 1977-01 capped [3]", RETIRE_MALE, {1977, 1}, AFTER, .ok = true, .want = {756, 36, 2040, 1}},
    {"male 1988-09 capped [5]", RETIRE_MALE, {1988, 9}, AFTER, .ok = true, .want = {756, 36, 2051, 9}},
    {"male 1965-01 before reform", RETIRE_MALE, {1965, 1}, BEFORE, .ok = true, .want = {720, 0, 2025, 1}},
    {"male 1965-05 before reform", RETIRE_MALE, {1965, 5}, BEFORE, .ok = true, .want = {720, 0, 2025, 5}},
    {"male 1976-09 before reform", RETIRE_MALE, {1976, 9}, BEFORE, .ok = true, .want = {720, 0, 2036, 9}},
    {"male 1988-09 before reform", RETIRE_MALE, {1988, 9}, BEFORE, .ok = true, .want = {720, 0, 2048, 9}},
    {"male 1965-01 on reform day", RETIRE_MALE, {1965, 1}, REFORM, .ok = true, .want = {721, 1, 2025, 2}},

    /* Women, original age 55. */
    {"f55 1969-12 last undelayed [rule]",
     RETIRE_FEMALE_55,
     {1969, 12},
     AFTER,
     .ok = true,
     .want = {660, 0, 2024, 12}},
    {"f55 1970-01 first row [5]", RETIRE_FEMALE_55, {1970, 1}, AFTER, .ok = true, .want = {661, 1, 2025, 2}},
    {"f55 1970-04 end of +1 [rule]",
     RETIRE_FEMALE_55,
     {1970, 4},
     AFTER,
     .ok = true,
     .want = {661, 1, 2025, 5}},
    {"f55 1970-05 first +2 [rule]",
     RETIRE_FEMALE_55,
     {1970, 5},
     AFTER,
     .ok = true,
     .want = {662, 2, 2025, 7}},
    {"f55 1970-06 [5]", RETIRE_FEMALE_55, {1970, 6}, AFTER, .ok = true, .want = {662, 2, 2025, 8}},
    {"f55 1970-09 [5]", RETIRE_FEMALE_55, {1970, 9}, AFTER, .ok = true, .want = {663, 3, 2025, 12}},
    {"f55 1971-06 middle [5]", RETIRE_FEMALE_55, {1971, 6}, AFTER, .ok = true, .want = {665, 5, 2026, 11}},
    {"f55 1981-08 last uncapped [rule]",
     RETIRE_FEMALE_55,
     {1981, 8},
     AFTER,
     .ok = true,
     .want = {695, 35, 2039, 7}},
    {"f55 1981-09 first capped [rule]",
     RETIRE_FEMALE_55,
     {1981, 9},
     AFTER,
     .ok = true,
     .want = {696, 36, 2039, 9}},
    {"f55 1981-12 capped [rule]",
     RETIRE_FEMALE_55,
     {1981, 12},
     AFTER,
     .ok = true,
     .want = {696, 36, 2039, 12}},
    {"f55 1988-09 capped [5]", RETIRE_FEMALE_55, {1988, 9}, AFTER, .ok = true, .want = {696, 36, 2046, 9}},
    {"f55 1970-01 before reform", RETIRE_FEMALE_55, {1970, 1}, BEFORE, .ok = true, .want = {660, 0, 2025, 1}},
    {"f55 1981-09 before reform", RETIRE_FEMALE_55, {1981, 9}, BEFORE, .ok = true, .want = {660, 0, 2036, 9}},
    {"f55 1970-01 on reform day", RETIRE_FEMALE_55, {1970, 1}, REFORM, .ok = true, .want = {661, 1, 2025, 2}},

    /* Women, original age 50. */
    {"f50 1974-12 last undelayed [rule]",
     RETIRE_FEMALE_50,
     {1974, 12},
     AFTER,
     .ok = true,
     .want = {600, 0, 2024, 12}},
    {"f50 1975-01 first row [2][5]",
     RETIRE_FEMALE_50,
     {1975, 1},
     AFTER,
     .ok = true,
     .want = {601, 1, 2025, 2}},
    {"f50 1975-02 end of +1 [2]", RETIRE_FEMALE_50, {1975, 2}, AFTER, .ok = true, .want = {601, 1, 2025, 3}},
    {"f50 1975-03 first +2 [2]", RETIRE_FEMALE_50, {1975, 3}, AFTER, .ok = true, .want = {602, 2, 2025, 5}},
    {"f50 1975-06 [5]", RETIRE_FEMALE_50, {1975, 6}, AFTER, .ok = true, .want = {603, 3, 2025, 9}},
    {"f50 1976-06 middle [5]", RETIRE_FEMALE_50, {1976, 6}, AFTER, .ok = true, .want = {609, 9, 2027, 3}},
    {"f50 1977-01 middle [5]", RETIRE_FEMALE_50, {1977, 1}, AFTER, .ok = true, .want = {613, 13, 2028, 2}},
    {"f50 1984-10 last uncapped [4]",
     RETIRE_FEMALE_50,
     {1984, 10},
     AFTER,
     .ok = true,
     .want = {659, 59, 2039, 9}},
    {"f50 1984-11 first capped [4][5]",
     RETIRE_FEMALE_50,
     {1984, 11},
     AFTER,
     .ok = true,
     .want = {660, 60, 2039, 11}},
    {"f50 1984-12 capped [4]", RETIRE_FEMALE_50, {1984, 12}, AFTER, .ok = true, .want = {660, 60, 2039, 12}},
    {"f50 1985-01 capped [4]", RETIRE_FEMALE_50, {1985, 1}, AFTER, .ok = true, .want = {660, 60, 2040, 1}},
    {"f50 1975-01 before reform", RETIRE_FEMALE_50, {1975, 1}, BEFORE, .ok = true, .want = {600, 0, 2025, 1}},
    {"f50 1975-03 before reform", RETIRE_FEMALE_50, {1975, 3}, BEFORE, .ok = true, .want = {600, 0, 2025, 3}},
    {"f50 1984-11 before reform",
     RETIRE_FEMALE_50,
     {1984, 11},
     BEFORE,
     .ok = true,
     .want = {600, 0, 2034, 11}},
    {"f50 1975-01 on reform day", RETIRE_FEMALE_50, {1975, 1}, REFORM, .ok = true, .want = {601, 1, 2025, 2}},
};

#define NCASES (sizeof cases / sizeof cases[0])

/* Values no valid result can hold, to see whether a failing call wrote to out. */
static const struct retire_age sentinel = {-7, -7, -7, -7};

static int
check_case(size_t i, const struct retire_case *c)
{
	struct retire_age got = sentinel;
	bool ok;

	const struct retire_day *reform = c->no_reform ? NULL : c->reform != NULL ? c->reform : &reform_2025;
	ok = retire_age_compute(c->cat, c->birth.year, c->birth.month, c->as_of.year, c->as_of.month,
	                        c->as_of.day, reform, c->null_out ? NULL : &got);
	if (ok != c->ok) {
		print_error("case %zu (%s): returned %s, want %s\n", i, c->name, ok ? "true" : "false",
		            c->ok ? "true" : "false");
		return 1;
	}
	if (!c->ok) {
		if (got.age_months != sentinel.age_months || got.delay_months != sentinel.delay_months ||
		    got.retire_year != sentinel.retire_year || got.retire_month != sentinel.retire_month) {
			print_error("case %zu (%s): wrote to out on failure\n", i, c->name);
			return 1;
		}
		return 0;
	}
	if (got.age_months != c->want.age_months || got.delay_months != c->want.delay_months ||
	    got.retire_year != c->want.retire_year || got.retire_month != c->want.retire_month) {
		print_error("case %zu (%s): got age %d delay %d at %04d-%02d, "
		            "want age %d delay %d at %04d-%02d\n",
		            i, c->name, got.age_months, got.delay_months, got.retire_year, got.retire_month,
		            c->want.age_months, c->want.delay_months, c->want.retire_year,
		            c->want.retire_month);
		return 1;
	}
	return 0;
}

static void
test_retire_cases(void **state)
{
	size_t i;
	int failures = 0;

	(void)state;
	for (i = 0; i < NCASES; i++)
		failures += check_case(i, &cases[i]);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_retire_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
