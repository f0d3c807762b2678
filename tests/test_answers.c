/* test_answers.c -- table-driven cmocka tests for answers_set, answers_check and answers_parse */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "policy.h"

/* len = STRLEN: the length of the value up to its NUL. */
#define STRLEN ((size_t)-1)
#define ALL_KEYS ((1u << ANSWERS_KEY_COUNT) - 1)
#define BIT(k) (1u << (k))

static const char *const status_names[] = {
    "OK",      "UNKNOWN_KEY", "DUPLICATE",    "BAD_VALUE",      "RANGE",
    "MISSING", "REFUSED",     "INCONSISTENT", "UNKNOWN_REGION", "SYNTAX",
};

static const char *
st_name(enum answers_status st)
{
	return (unsigned)st < sizeof status_names / sizeof status_names[0] ? status_names[st] : "?";
}

/* The stored value of key, as one integer: dates as YYYYMMDD, months as YYYYMM. */
static int64_t
field(const struct answers *a, int key)
{
	switch (key) {
	case ANSWERS_AS_OF:
		return a->as_of.y * 10000 + a->as_of.m * 100 + a->as_of.d;
	case ANSWERS_WORK_CITY:
		return a->work_city;
	case ANSWERS_HUKOU_CITY:
		return a->hukou_city;
	case ANSWERS_RESIDENCE_PERMIT:
		return a->residence_permit;
	case ANSWERS_BIRTH:
		return a->birth_year * 100 + a->birth_month;
	case ANSWERS_SEX:
		return a->sex;
	case ANSWERS_FEMALE_RETIRE_AGE:
		return a->female_retire_age;
	case ANSWERS_WORK:
		return a->work;
	case ANSWERS_MONTHLY_INCOME:
		return a->monthly_income;
	case ANSWERS_EMPLOYEE_YEARS:
		return a->employee_years;
	case ANSWERS_EMPLOYEE_YEARS_LOCAL:
		return a->employee_years_local;
	case ANSWERS_COVERAGE:
		return a->coverage;
	case ANSWERS_COVERAGE_CITY:
		return a->coverage_city;
	case ANSWERS_GAP_MONTHS:
		return a->gap_months;
	case ANSWERS_STAY_YEARS:
		return a->stay_years;
	case ANSWERS_RETIRE_CITY:
		return a->retire_city;
	default:
		return INT64_MIN;
	}
}

/* ------------------------------------------------------------------ answers_set */

struct set_case {
	const char *name;
	const char *key; /* NULL: call answers_set_key with k */
	int k;
	const char *value;
	size_t len;
	enum answers_status st;
	int64_t want;         /* the stored field on success */
	int64_t min, max;     /* on ANSWERS_ERR_RANGE */
	const char *err_name; /* err->name when not the key's own name */
	bool null_err;
};

#define OK_(key_, value_, want_)                                                                             \
	{                                                                                                    \
		.name = key_ " = " value_, .key = key_, .value = value_, .len = STRLEN, .st = ANSWERS_OK,    \
		.want = (want_)                                                                              \
	}
#define BAD(key_, value_)                                                                                    \
	{                                                                                                    \
		.name = key_ " = " value_, .key = key_, .value = value_, .len = STRLEN,                      \
		.st = ANSWERS_ERR_BAD_VALUE                                                                  \
	}
#define RANGE(key_, value_, min_, max_)                                                                      \
	{                                                                                                    \
		.name = key_ " = " value_, .key = key_, .value = value_, .len = STRLEN,                      \
		.st = ANSWERS_ERR_RANGE, .min = (min_), .max = (max_)                                        \
	}

static const struct set_case set_cases[] = {
    /* degenerate input first */
    {.name = "empty key",
     .key = "",
     .value = "1",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = ""},
    {.name = "NULL value, length 0 (enum)",
     .key = "sex",
     .value = NULL,
     .len = 0,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "NULL value, length 0 (int)",
     .key = "monthly_income",
     .value = NULL,
     .len = 0,
     .st = ANSWERS_ERR_BAD_VALUE},
    /* memchr(NULL, '.', 0) in A_TENTHS: undefined, reported by -fsanitize=undefined */
    {.name = "NULL value, length 0 (tenths)",
     .key = "employee_years",
     .value = NULL,
     .len = 0,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "empty value (region)",
     .key = "work_city",
     .value = "",
     .len = STRLEN,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "empty value (int)",
     .key = "monthly_income",
     .value = "",
     .len = STRLEN,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "blank value (tenths)",
     .key = "employee_years",
     .value = "   ",
     .len = STRLEN,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "empty value (date)", .key = "as_of", .value = "", .len = STRLEN, .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "empty value (enum)",
     .key = "coverage",
     .value = "",
     .len = STRLEN,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "zero length of a good value",
     .key = "monthly_income",
     .value = "5000",
     .len = 0,
     .st = ANSWERS_ERR_BAD_VALUE},
    {.name = "length shorter than the text",
     .key = "work_city",
     .value = "3100001",
     .len = 6,
     .st = ANSWERS_OK,
     .want = 310000},
    {.name = "no error record",
     .key = "monthly_income",
     .value = "x",
     .len = STRLEN,
     .st = ANSWERS_ERR_BAD_VALUE,
     .null_err = true},
    {.name = "no error record, good value",
     .key = "monthly_income",
     .value = "1",
     .len = STRLEN,
     .st = ANSWERS_OK,
     .want = 1,
     .null_err = true},
    /* unknown keys */
    {.name = "unknown key",
     .key = "salary",
     .value = "5000",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = "salary"},
    {.name = "key in capitals",
     .key = "Work_City",
     .value = "310000",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = "Work_City"},
    {.name = "key with a space",
     .key = "work city",
     .value = "310000",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = "work city"},
    {.name = "long unknown key is cut to the record",
     .key = "a_key_of_forty_characters_xxxxxxxxxxxxxx",
     .value = "1",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = "a_key_of_forty_characters_xxxxx"},
    {.name = "key index past the end",
     .key = NULL,
     .k = ANSWERS_KEY_COUNT,
     .value = "1",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = ""},
    {.name = "negative key index",
     .key = NULL,
     .k = -1,
     .value = "1",
     .len = STRLEN,
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .err_name = ""},
    {.name = "by index",
     .key = NULL,
     .k = ANSWERS_GAP_MONTHS,
     .value = "7",
     .len = STRLEN,
     .st = ANSWERS_OK,
     .want = 7},
    /* as_of: YYYY-MM-DD */
    OK_("as_of", "2025-06-01", 20250601),
    OK_("as_of", "1900-01-01", 19000101),
    OK_("as_of", "2100-12-31", 21001231),
    OK_("as_of", "  2024-02-29\t", 20240229),
    BAD("as_of", "2025-02-29"),
    BAD("as_of", "1899-12-31"),
    BAD("as_of", "2101-01-01"),
    BAD("as_of", "2025-6-1"),
    BAD("as_of", "2025/06/01"),
    BAD("as_of", "today"),
    /* region codes: six digits */
    OK_("work_city", "310000", 310000),
    OK_("work_city", "000000", 0),
    OK_("work_city", "999999", 999999),
    OK_("hukou_city", " 510100 ", 510100),
    OK_("coverage_city", "440300", 440300),
    BAD("work_city", "31000"),
    BAD("work_city", "3100000"),
    BAD("hukou_city", "51010a"),
    BAD("hukou_city", "-51010"),
    BAD("coverage_city", "31 000"),
    BAD("coverage_city", "上海"),
    /* residence_permit: yes / no */
    OK_("residence_permit", "yes", 1),
    OK_("residence_permit", "no", 0),
    BAD("residence_permit", "YES"),
    BAD("residence_permit", "true"),
    BAD("residence_permit", "1"),
    BAD("residence_permit", "yes|no"),
    /* birth: YYYY-MM */
    OK_("birth", "1990-05", 199005),
    OK_("birth", "1900-01", 190001),
    OK_("birth", "2100-12", 210012),
    BAD("birth", "1899-12"),
    BAD("birth", "2101-01"),
    BAD("birth", "1990-13"),
    BAD("birth", "1990-00"),
    BAD("birth", "1990-5"),
    BAD("birth", "1990-05-01"),
    /* sex */
    OK_("sex", "male", ANSWERS_MALE),
    OK_("sex", "female", ANSWERS_FEMALE),
    BAD("sex", "Male"),
    BAD("sex", "m"),
    BAD("sex", "malefemale"),
    /* female_retire_age: 50 / 55 */
    OK_("female_retire_age", "50", 50),
    OK_("female_retire_age", "55", 55),
    BAD("female_retire_age", "52"),
    BAD("female_retire_age", "60"),
    BAD("female_retire_age", "50.0"),
    BAD("female_retire_age", "fifty"),
    /* work */
    OK_("work", "flexible", ANSWERS_FLEXIBLE),
    OK_("work", "self_employed", ANSWERS_SELF_EMPLOYED),
    OK_("work", "employed", ANSWERS_EMPLOYED),
    OK_("work", "unemployed", ANSWERS_UNEMPLOYED),
    BAD("work", "freelance"),
    BAD("work", "self-employed"),
    BAD("work", "employ"),
    /* monthly_income: yuan, 0..10000000 */
    OK_("monthly_income", "0", 0),
    OK_("monthly_income", "5000", 5000),
    OK_("monthly_income", "10000000", 10000000),
    OK_("monthly_income", "000123", 123),
    RANGE("monthly_income", "10000001", 0, 10000000),
    RANGE("monthly_income", "-1", 0, 10000000),
    RANGE("monthly_income", "-5000", 0, 10000000),
    RANGE("monthly_income", "-1.5", 0, 10000000),
    RANGE("monthly_income", "9223372036854775807", 0, 10000000),
    RANGE("monthly_income", "9223372036854775808", 0, 10000000),
    RANGE("monthly_income", "99999999999999999999999999999", 0, 10000000),
    BAD("monthly_income", "5000.5"),
    BAD("monthly_income", "5,000"),
    BAD("monthly_income", "+5000"),
    BAD("monthly_income", "5e3"),
    BAD("monthly_income", "five"),
    BAD("monthly_income", "-"),
    /* "-." is no number: a range error would tell the person a range for a typo */
    BAD("monthly_income", "-."),
    /* employee_years: tenths, 0..60, one decimal */
    OK_("employee_years", "0", 0),
    OK_("employee_years", "0.1", 1),
    OK_("employee_years", "12", 120),
    OK_("employee_years", "12.5", 125),
    OK_("employee_years", "60", 600),
    OK_("employee_years", "60.0", 600),
    OK_("employee_years", "59.9", 599),
    RANGE("employee_years", "60.1", 0, 60),
    RANGE("employee_years", "61", 0, 60),
    RANGE("employee_years", "-1", 0, 60),
    RANGE("employee_years", "-0.5", 0, 60),
    RANGE("employee_years", "99999999999999999999999", 0, 60),
    BAD("employee_years", "12.55"),
    BAD("employee_years", "12.50"),
    BAD("employee_years", "12."),
    BAD("employee_years", "12.5.1"),
    BAD("employee_years", "12,5"),
    BAD("employee_years", "1e1"),
    BAD("employee_years", "ten"),
    OK_("employee_years_local", "0", 0),
    OK_("employee_years_local", "3.5", 35),
    OK_("employee_years_local", "60", 600),
    RANGE("employee_years_local", "60.1", 0, 60),
    RANGE("employee_years_local", "-2", 0, 60),
    BAD("employee_years_local", "3.25"),
    BAD("employee_years_local", "x"),
    /* coverage */
    OK_("coverage", "none", ANSWERS_COVERAGE_NONE),
    OK_("coverage", "employee", ANSWERS_COVERAGE_EMPLOYEE),
    OK_("coverage", "resident", ANSWERS_COVERAGE_RESIDENT),
    BAD("coverage", "both"),
    BAD("coverage", "None"),
    /* gap_months: 0..1200 */
    OK_("gap_months", "0", 0),
    OK_("gap_months", "1200", 1200),
    RANGE("gap_months", "1201", 0, 1200),
    RANGE("gap_months", "-1", 0, 1200),
    BAD("gap_months", "1.5"),
    BAD("gap_months", "six"),
    /* stay_years: 0..99 */
    OK_("stay_years", "0", 0),
    OK_("stay_years", "99", 99),
    RANGE("stay_years", "100", 0, 99),
    RANGE("stay_years", "-1", 0, 99),
    BAD("stay_years", "forever"),
    /* retire_city */
    OK_("retire_city", "work", ANSWERS_PLACE_WORK),
    OK_("retire_city", "hukou", ANSWERS_PLACE_HUKOU),
    OK_("retire_city", "unsure", ANSWERS_PLACE_UNSURE),
    BAD("retire_city", "abroad"),
    BAD("retire_city", "work|hukou"),
};

/* The answers each set case starts from: some keys set, so that a failed
 * set can be seen to keep them. */
static void
set_start(struct answers *a)
{
	struct answers_error err;
	answers_init(a);
	assert_int_equal(answers_set(a, "work_city", "110000", 6, &err), ANSWERS_OK);
	assert_int_equal(answers_set(a, "employee_years", "5", 1, &err), ANSWERS_OK);
	assert_int_equal(answers_set(a, "sex", "female", 6, &err), ANSWERS_OK);
	assert_int_equal(answers_set(a, "gap_months", "3", 1, &err), ANSWERS_OK);
}

static int
check_set(size_t i, const struct set_case *c)
{
	struct answers a, before;
	struct answers_error err;
	struct answers_error *errp = c->null_err ? NULL : &err;
	enum answers_status st;
	int k = c->key != NULL ? answers_key_find(c->key, strlen(c->key)) : c->k;

	set_start(&a);
	before = a;
	memset(&err, 0x5a, sizeof err);
	size_t len = c->len == STRLEN ? strlen(c->value) : c->len;
	if (c->key != NULL)
		st = answers_set(&a, c->key, c->value, len, errp);
	else
		st = answers_set_key(&a, (enum answers_key)c->k, c->value, len, errp);
	if (st != c->st) {
		print_error("answers_set case %zu (%s): returned %s, want %s\n", i, c->name, st_name(st),
		            st_name(c->st));
		return 1;
	}
	if (st == ANSWERS_OK) {
		if (!(a.set & BIT(k)) || field(&a, k) != c->want) {
			print_error("answers_set case %zu (%s): stored %lld (set %d), want %lld\n", i,
			            c->name, (long long)field(&a, k), !!(a.set & BIT(k)), (long long)c->want);
			return 1;
		}
		/* nothing else changed */
		for (int o = 0; o < ANSWERS_KEY_COUNT; o++)
			if (o != k &&
			    (field(&a, o) != field(&before, o) || ((a.set ^ before.set) & BIT(o)))) {
				print_error("answers_set case %zu (%s): changed key %d too\n", i, c->name, o);
				return 1;
			}
		return 0;
	}
	if (memcmp(&a, &before, sizeof a) != 0) {
		print_error("answers_set case %zu (%s): answers changed on error\n", i, c->name);
		return 1;
	}
	if (errp == NULL)
		return 0;
	int want_key = c->st == ANSWERS_ERR_UNKNOWN_KEY ? -1 : k;
	const char *want_name = c->err_name != NULL ? c->err_name : answers_key_name(k);
	if (err.status != c->st || err.key != want_key || err.other != -1 || err.line != 0 ||
	    strcmp(err.name, want_name) != 0) {
		print_error("answers_set case %zu (%s): error record {%s, key %d, other %d, line %d, "
		            "name \"%.32s\"}, want {%s, key %d, other -1, line 0, name \"%s\"}\n",
		            i, c->name, st_name(err.status), err.key, err.other, err.line, err.name,
		            st_name(c->st), want_key, want_name);
		return 1;
	}
	if (c->st == ANSWERS_ERR_RANGE && (err.min != c->min || err.max != c->max)) {
		print_error("answers_set case %zu (%s): range %lld..%lld, want %lld..%lld\n", i, c->name,
		            (long long)err.min, (long long)err.max, (long long)c->min, (long long)c->max);
		return 1;
	}
	return 0;
}

static void
test_answers_set(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof set_cases / sizeof set_cases[0]; i++)
		failures += check_set(i, &set_cases[i]);
	assert_int_equal(failures, 0);
}

/* ---------------------------------------------------------------- answers_check */

/* A tiny policy set: the national file and two cities. */
#define CITE "documents: {d: {title: test fixture}}\n"
static const char ini_national[] =
    "region: 000000\n" CITE "sections:\n"
    "  - {kind: remote_care, from: 2022-01-01, checked: 2026-01-01, confidence: verified, sources: [d],\n"
    "     values: {filing: yes}}\n";
static const char ini_shanghai[] = "region: 310000\n";
static const char ini_chengdu[] = "region: 510100\n";

struct kv {
	const char *key, *value;
};

struct check_case {
	const char *name;
	bool empty;        /* start from answers_init alone, not the valid base */
	uint32_t unset;    /* keys of the base to forget */
	struct kv set[6];  /* then set these */
	struct date as_of; /* {0}: 2025-06-01 */
	bool with_ps;
	enum answers_status st;
	int key, other; /* the error record, when st is not OK */
	int64_t min, max;
};

#define NO_KEY .key = -1, .other = -1

static const struct check_case check_cases[] = {
    /* degenerate input first */
    {.name = "nothing set", .empty = true, .st = ANSWERS_ERR_MISSING, .key = ANSWERS_WORK_CITY, .other = -1},
    {.name = "nothing set, with a policy set",
     .empty = true,
     .with_ps = true,
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_WORK_CITY,
     .other = -1},
    {.name = "the base is valid", .st = ANSWERS_OK, NO_KEY},
    {.name = "the base is valid with a policy set", .with_ps = true, .st = ANSWERS_OK, NO_KEY},
    /* each required key */
    {.name = "missing work_city",
     .unset = BIT(ANSWERS_WORK_CITY),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_WORK_CITY,
     .other = -1},
    {.name = "missing hukou_city",
     .unset = BIT(ANSWERS_HUKOU_CITY),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_HUKOU_CITY,
     .other = -1},
    {.name = "missing birth",
     .unset = BIT(ANSWERS_BIRTH),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_BIRTH,
     .other = -1},
    {.name = "missing sex",
     .unset = BIT(ANSWERS_SEX),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_SEX,
     .other = -1},
    {.name = "missing work",
     .unset = BIT(ANSWERS_WORK),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_WORK,
     .other = -1},
    {.name = "missing monthly_income",
     .unset = BIT(ANSWERS_MONTHLY_INCOME),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_MONTHLY_INCOME,
     .other = -1,
     .min = 0,
     .max = 10000000},
    {.name = "the first missing key is named",
     .unset = BIT(ANSWERS_SEX) | BIT(ANSWERS_BIRTH),
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_BIRTH,
     .other = -1},
    /* residence_permit only when the cities differ */
    {.name = "cities differ, no permit",
     .set = {{"hukou_city", "510100"}},
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_RESIDENCE_PERMIT,
     .other = -1},
    {.name = "cities differ, permit no",
     .set = {{"hukou_city", "510100"}, {"residence_permit", "no"}},
     .st = ANSWERS_OK,
     NO_KEY},
    {.name = "same city, permit given", .set = {{"residence_permit", "yes"}}, .st = ANSWERS_OK, NO_KEY},
    /* female_retire_age: required for women, refused for men */
    {.name = "woman without female_retire_age",
     .set = {{"sex", "female"}},
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_FEMALE_RETIRE_AGE,
     .other = -1},
    {.name = "woman with female_retire_age",
     .set = {{"sex", "female"}, {"female_retire_age", "55"}},
     .st = ANSWERS_OK,
     NO_KEY},
    {.name = "man with female_retire_age",
     .set = {{"female_retire_age", "50"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_FEMALE_RETIRE_AGE,
     .other = ANSWERS_SEX},
    /* local years within total years */
    {.name = "local years above total",
     .set = {{"employee_years", "5"}, {"employee_years_local", "5.1"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_EMPLOYEE_YEARS_LOCAL,
     .other = ANSWERS_EMPLOYEE_YEARS,
     .min = 0,
     .max = 60},
    {.name = "local years without total",
     .set = {{"employee_years_local", "1"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_EMPLOYEE_YEARS_LOCAL,
     .other = ANSWERS_EMPLOYEE_YEARS,
     .min = 0,
     .max = 60},
    {.name = "local years equal to total",
     .set = {{"employee_years", "5.5"}, {"employee_years_local", "5.5"}},
     .st = ANSWERS_OK,
     NO_KEY},
    /* coverage_city with coverage */
    {.name = "coverage without its city",
     .set = {{"coverage", "employee"}},
     .st = ANSWERS_ERR_MISSING,
     .key = ANSWERS_COVERAGE_CITY,
     .other = -1},
    {.name = "coverage with its city",
     .set = {{"coverage", "resident"}, {"coverage_city", "510100"}},
     .st = ANSWERS_OK,
     NO_KEY},
    {.name = "coverage none with a city",
     .set = {{"coverage", "none"}, {"coverage_city", "310000"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_COVERAGE_CITY,
     .other = ANSWERS_COVERAGE},
    {.name = "coverage unset with a city",
     .set = {{"coverage_city", "310000"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_COVERAGE_CITY,
     .other = ANSWERS_COVERAGE},
    {.name = "coverage none without a city", .set = {{"coverage", "none"}}, .st = ANSWERS_OK, NO_KEY},
    /* birth before as_of */
    {.name = "born after as_of",
     .set = {{"birth", "2025-07"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_BIRTH,
     .other = ANSWERS_AS_OF},
    {.name = "born the year after as_of",
     .set = {{"birth", "2026-01"}},
     .as_of = {2025, 12, 31},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_BIRTH,
     .other = ANSWERS_AS_OF},
    {.name = "born in the month of as_of", .set = {{"birth", "2025-06"}}, .st = ANSWERS_OK, NO_KEY},
    /* employee years no more than the years since the 16th birthday (born 2000-06:
     * 9 years on 2025-06-01) */
    {.name = "years since 16 exactly",
     .set = {{"birth", "2000-06"}, {"employee_years", "9"}},
     .st = ANSWERS_OK,
     NO_KEY},
    {.name = "a tenth more than since 16",
     .set = {{"birth", "2000-06"}, {"employee_years", "9.1"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_EMPLOYEE_YEARS,
     .other = ANSWERS_BIRTH,
     .min = 0,
     .max = 60},
    {.name = "years under 16",
     .set = {{"birth", "2015-01"}, {"employee_years", "0.1"}},
     .st = ANSWERS_ERR_INCONSISTENT,
     .key = ANSWERS_EMPLOYEE_YEARS,
     .other = ANSWERS_BIRTH,
     .min = 0,
     .max = 60},
    {.name = "no years under 16", .set = {{"birth", "2015-01"}}, .st = ANSWERS_OK, NO_KEY},
    {.name = "the maximum 60 years",
     .set = {{"birth", "1940-01"}, {"employee_years", "60"}},
     .st = ANSWERS_OK,
     NO_KEY},
    /* region codes against the policy set */
    {.name = "unknown work_city",
     .set = {{"work_city", "990000"}, {"hukou_city", "990000"}},
     .with_ps = true,
     .st = ANSWERS_ERR_UNKNOWN_REGION,
     .key = ANSWERS_WORK_CITY,
     .other = -1},
    {.name = "unknown hukou_city",
     .set = {{"hukou_city", "990100"}, {"residence_permit", "yes"}},
     .with_ps = true,
     .st = ANSWERS_ERR_UNKNOWN_REGION,
     .key = ANSWERS_HUKOU_CITY,
     .other = -1},
    {.name = "unknown coverage_city",
     .set = {{"coverage", "employee"}, {"coverage_city", "990300"}},
     .with_ps = true,
     .st = ANSWERS_ERR_UNKNOWN_REGION,
     .key = ANSWERS_COVERAGE_CITY,
     .other = -1},
    {.name = "the national code is no city",
     .set = {{"work_city", "000000"}, {"residence_permit", "no"}},
     .with_ps = true,
     .st = ANSWERS_ERR_UNKNOWN_REGION,
     .key = ANSWERS_WORK_CITY,
     .other = -1},
    {.name = "known cities",
     .set = {{"hukou_city", "510100"},
             {"residence_permit", "no"},
             {"coverage", "resident"},
             {"coverage_city", "510100"}},
     .with_ps = true,
     .st = ANSWERS_OK,
     NO_KEY},
    {.name = "unknown codes pass without a policy set",
     .set = {{"work_city", "110000"}, {"hukou_city", "110000"}},
     .st = ANSWERS_OK,
     NO_KEY},
};

static struct policy_set *check_ps;

static int
setup_ps(void **state)
{
	struct policy_error perr;
	(void)state;
	check_ps = policy_set_new();
	if (check_ps == NULL ||
	    policy_set_add(check_ps, "000000-x.yaml", ini_national, sizeof ini_national - 1, &perr) ||
	    policy_set_add(check_ps, "310000-shanghai.yaml", ini_shanghai, sizeof ini_shanghai - 1, &perr) ||
	    policy_set_add(check_ps, "510100-chengdu.yaml", ini_chengdu, sizeof ini_chengdu - 1, &perr) ||
	    policy_set_finish(check_ps, &perr)) {
		print_error("fixture policy set: %s:%d: error %d (%s)\n", perr.file, perr.line, perr.code,
		            perr.detail);
		return -1;
	}
	return 0;
}

static int
teardown_ps(void **state)
{
	(void)state;
	policy_set_free(check_ps);
	check_ps = NULL;
	return 0;
}

/* A valid man working and insured nowhere, hukou and work in Shanghai. */
static const struct kv check_base[] = {
    {"work_city", "310000"}, {"hukou_city", "310000"}, {"birth", "1990-05"},
    {"sex", "male"},         {"work", "flexible"},     {"monthly_income", "5000"},
};

static int
check_check(size_t i, const struct check_case *c)
{
	struct answers a;
	struct answers_error err;
	struct date as_of = c->as_of.y != 0 ? c->as_of : (struct date){2025, 6, 1};

	answers_init(&a);
	if (!c->empty)
		for (size_t k = 0; k < sizeof check_base / sizeof check_base[0]; k++)
			if (answers_set(&a, check_base[k].key, check_base[k].value,
			                strlen(check_base[k].value), &err) != ANSWERS_OK) {
				print_error("answers_check case %zu (%s): base key %s refused\n", i, c->name,
				            check_base[k].key);
				return 1;
			}
	for (int k = 0; k < ANSWERS_KEY_COUNT; k++)
		if (c->unset & BIT(k))
			answers_unset(&a, (enum answers_key)k);
	for (size_t k = 0; k < sizeof c->set / sizeof c->set[0] && c->set[k].key != NULL; k++)
		if (answers_set(&a, c->set[k].key, c->set[k].value, strlen(c->set[k].value), &err) !=
		    ANSWERS_OK) {
			print_error("answers_check case %zu (%s): key %s refused\n", i, c->name,
			            c->set[k].key);
			return 1;
		}

	const struct policy_set *ps = c->with_ps ? check_ps : NULL;
	memset(&err, 0x5a, sizeof err);
	enum answers_status st = answers_check(&a, ps, as_of, &err);
	if (st != c->st) {
		print_error("answers_check case %zu (%s): returned %s, want %s (key %d)\n", i, c->name,
		            st_name(st), st_name(c->st), err.key);
		return 1;
	}
	if (err.status != c->st || err.key != c->key || err.other != c->other || err.min != c->min ||
	    err.max != c->max || err.line != 0) {
		print_error("answers_check case %zu (%s): error record {%s, key %d, other %d, %lld..%lld, "
		            "line %d}, want {%s, key %d, other %d, %lld..%lld, line 0}\n",
		            i, c->name, st_name(err.status), err.key, err.other, (long long)err.min,
		            (long long)err.max, err.line, st_name(c->st), c->key, c->other, (long long)c->min,
		            (long long)c->max);
		return 1;
	}
	if (answers_check(&a, ps, as_of, NULL) != c->st) {
		print_error("answers_check case %zu (%s): differs without an error record\n", i, c->name);
		return 1;
	}
	return 0;
}

static void
test_answers_check(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof check_cases / sizeof check_cases[0]; i++)
		failures += check_check(i, &check_cases[i]);
	assert_int_equal(failures, 0);
}

/* ---------------------------------------------------------------- answers_parse */

#define GOOD_BODY                                                                                            \
	"as_of = 2025-06-01\n"                                                                               \
	"work_city = 440100\n"                                                                               \
	"hukou_city = 510100\n"                                                                              \
	"residence_permit = yes\n"                                                                           \
	"birth = 1990-05\n"                                                                                  \
	"sex = female\n"                                                                                     \
	"female_retire_age = 50\n"                                                                           \
	"work = flexible\n"                                                                                  \
	"monthly_income = 6000\n"                                                                            \
	"employee_years = 3.5\n"                                                                             \
	"employee_years_local = 2\n"                                                                         \
	"coverage = resident\n"                                                                              \
	"coverage_city = 510100\n"                                                                           \
	"gap_months = 2\n"                                                                                   \
	"stay_years = 5\n"                                                                                   \
	"retire_city = hukou\n"

/* Every field of GOOD_BODY, by key. */
static const int64_t good_fields[ANSWERS_KEY_COUNT] = {
    [ANSWERS_AS_OF] = 20250601,
    [ANSWERS_WORK_CITY] = 440100,
    [ANSWERS_HUKOU_CITY] = 510100,
    [ANSWERS_RESIDENCE_PERMIT] = 1,
    [ANSWERS_BIRTH] = 199005,
    [ANSWERS_SEX] = ANSWERS_FEMALE,
    [ANSWERS_FEMALE_RETIRE_AGE] = 50,
    [ANSWERS_WORK] = ANSWERS_FLEXIBLE,
    [ANSWERS_MONTHLY_INCOME] = 6000,
    [ANSWERS_EMPLOYEE_YEARS] = 35,
    [ANSWERS_EMPLOYEE_YEARS_LOCAL] = 20,
    [ANSWERS_COVERAGE] = ANSWERS_COVERAGE_RESIDENT,
    [ANSWERS_COVERAGE_CITY] = 510100,
    [ANSWERS_GAP_MONTHS] = 2,
    [ANSWERS_STAY_YEARS] = 5,
    [ANSWERS_RETIRE_CITY] = ANSWERS_PLACE_HUKOU,
};

#define X40 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

struct parse_case {
	const char *name;
	const char *text;
	bool zero_len; /* pass length 0 whatever the text */
	enum answers_status st;
	int line;             /* on error */
	int key;              /* on error */
	const char *err_name; /* on ANSWERS_ERR_UNKNOWN_KEY */
	uint32_t want_set;    /* on success */
	bool good;            /* on success: every field is GOOD_BODY's */
	int64_t income;       /* on success, when monthly_income is set */
};

static const struct parse_case parse_cases[] = {
    /* degenerate input first */
    {.name = "NULL text", .text = NULL, .st = ANSWERS_ERR_SYNTAX, .line = 1, .key = -1},
    {.name = "empty", .text = "", .st = ANSWERS_ERR_SYNTAX, .line = 1, .key = -1},
    {.name = "one newline", .text = "\n", .st = ANSWERS_ERR_SYNTAX, .line = 1, .key = -1},
    {.name = "comments only", .text = "; a\n# b\n\n", .st = ANSWERS_ERR_SYNTAX, .line = 1, .key = -1},
    {.name = "a section alone", .text = "[answers]\n", .st = ANSWERS_OK, .want_set = 0},
    {.name = "zero length of a good file",
     .text = "[answers]\nsex = male\n",
     .zero_len = true,
     .st = ANSWERS_ERR_SYNTAX,
     .line = 1,
     .key = -1},
    /* good files */
    {.name = "every key",
     .text = "[answers]\n" GOOD_BODY,
     .st = ANSWERS_OK,
     .want_set = ALL_KEYS,
     .good = true},
    {.name = "BOM",
     .text = "\xEF\xBB\xBF[answers]\n" GOOD_BODY,
     .st = ANSWERS_OK,
     .want_set = ALL_KEYS,
     .good = true},
    {.name = "CRLF",
     .text = "[answers]\r\nwork_city = 440100\r\nsex = male\r\nmonthly_income = 6000\r\n",
     .st = ANSWERS_OK,
     .want_set = BIT(ANSWERS_WORK_CITY) | BIT(ANSWERS_SEX) | BIT(ANSWERS_MONTHLY_INCOME),
     .income = 6000},
    {.name = "BOM and CRLF",
     .text = "\xEF\xBB\xBF[answers]\r\nmonthly_income = 7\r\n",
     .st = ANSWERS_OK,
     .want_set = BIT(ANSWERS_MONTHLY_INCOME),
     .income = 7},
    {.name = "comments, blank lines, spaces",
     .text = "; answers of one person\n# written by hand\n\n  [answers]  \n\t; income below\n"
             "  monthly_income   =   6000  \n\n# end\n",
     .st = ANSWERS_OK,
     .want_set = BIT(ANSWERS_MONTHLY_INCOME),
     .income = 6000},
    {.name = "inline comment",
     .text = "[answers]\nmonthly_income = 6000 ; yuan a month\n",
     .st = ANSWERS_OK,
     .want_set = BIT(ANSWERS_MONTHLY_INCOME),
     .income = 6000},
    {.name = "no newline at the end",
     .text = "[answers]\nmonthly_income = 6000",
     .st = ANSWERS_OK,
     .want_set = BIT(ANSWERS_MONTHLY_INCOME),
     .income = 6000},
    {.name = "Chinese in a comment",
     .text = "; 灵活就业人员\n[answers]\nmonthly_income = 1\n",
     .st = ANSWERS_OK,
     .want_set = BIT(ANSWERS_MONTHLY_INCOME),
     .income = 1},
    /* duplicates, sections */
    {.name = "duplicate key",
     .text = "[answers]\nmonthly_income = 6000\nsex = male\nmonthly_income = 6000\n",
     .st = ANSWERS_ERR_DUPLICATE,
     .line = 4,
     .key = ANSWERS_MONTHLY_INCOME},
    {.name = "duplicate key, other value",
     .text = "[answers]\nsex = male\n\n; again\nsex = female\n",
     .st = ANSWERS_ERR_DUPLICATE,
     .line = 5,
     .key = ANSWERS_SEX},
    {.name = "key before [answers]",
     .text = "sex = male\n[answers]\nwork = flexible\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 1,
     .key = -1},
    {.name = "key without any section",
     .text = "; c\nsex = male\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 2,
     .key = -1},
    {.name = "two [answers] sections",
     .text = "[answers]\nsex = male\n[answers]\nwork = flexible\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 3,
     .key = -1},
    {.name = "another section",
     .text = "[answers]\nsex = male\n[person]\nwork = flexible\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 3,
     .key = -1},
    {.name = "another section first",
     .text = "[person]\n[answers]\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 1,
     .key = -1},
    {.name = "section in capitals", .text = "[Answers]\n", .st = ANSWERS_ERR_SYNTAX, .line = 1, .key = -1},
    {.name = "unclosed section",
     .text = "[answers\nsex = male\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 1,
     .key = -1},
    /* lines that are not INI */
    {.name = "line without '='",
     .text = "[answers]\nsex = male\nwork flexible\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 3,
     .key = -1},
    {.name = "line without '=' then a good key",
     .text = "[answers]\nwork flexible\nsex = male\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 2,
     .key = -1},
    /* the first error is the one reported, with its line */
    {.name = "line without '=' then an unknown key",
     .text = "[answers]\nwork flexible\nsalary = 1\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 2,
     .key = -1},
    {.name = "line too long",
     .text = "[answers]\n; " X40 X40 X40 X40 X40 "\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 2,
     .key = -1},
    /* encoding */
    {.name = "invalid UTF-8 in a value",
     .text = "[answers]\nsex = male\nwork = \xff\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 3,
     .key = -1},
    {.name = "truncated UTF-8 in a comment",
     .text = "; \xE7\x81\n[answers]\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 1,
     .key = -1},
    {.name = "overlong UTF-8",
     .text = "[answers]\n\n; \xC0\xAF\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 3,
     .key = -1},
    {.name = "surrogate in UTF-8",
     .text = "[answers]\nsex = \xED\xA0\x80\n",
     .st = ANSWERS_ERR_SYNTAX,
     .line = 2,
     .key = -1},
    {.name = "BOM not at the start",
     .text = "[answers]\n\xEF\xBB\xBFsex = male\n",
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .line = 2,
     .key = -1,
     .err_name = "\xEF\xBB\xBFsex"},
    /* key and value errors carry their line */
    {.name = "unknown key",
     .text = "[answers]\nsex = male\n\n; x\nsalary = 1\n",
     .st = ANSWERS_ERR_UNKNOWN_KEY,
     .line = 5,
     .key = -1,
     .err_name = "salary"},
    {.name = "bad value",
     .text = "[answers]\nsex = male\nwork = freelance\n",
     .st = ANSWERS_ERR_BAD_VALUE,
     .line = 3,
     .key = ANSWERS_WORK},
    {.name = "range",
     .text = "[answers]\r\n\r\ngap_months = 1201\r\n",
     .st = ANSWERS_ERR_RANGE,
     .line = 3,
     .key = ANSWERS_GAP_MONTHS},
    {.name = "line counted after a BOM and comments",
     .text = "\xEF\xBB\xBF; c\n# c\n\n[answers]\nsex = male\nbirth = 1990-13\n",
     .st = ANSWERS_ERR_BAD_VALUE,
     .line = 6,
     .key = ANSWERS_BIRTH},
    {.name = "first of two errors",
     .text = "[answers]\nsex = m\nwork = w\n",
     .st = ANSWERS_ERR_BAD_VALUE,
     .line = 2,
     .key = ANSWERS_SEX},
};

static int
check_parse(size_t i, const struct parse_case *c)
{
	struct answers a;
	struct answers_error err;
	size_t len = c->text == NULL || c->zero_len ? 0 : strlen(c->text);

	answers_init(&a);
	memset(&err, 0x5a, sizeof err);
	enum answers_status st = answers_parse(&a, c->text, len, &err);
	if (st != c->st) {
		print_error("answers_parse case %zu (%s): returned %s (line %d), want %s\n", i, c->name,
		            st_name(st), st == ANSWERS_OK ? 0 : err.line, st_name(c->st));
		return 1;
	}
	if (st != ANSWERS_OK) {
		if (err.status != st || err.line != c->line || err.key != c->key ||
		    (c->err_name != NULL && strcmp(err.name, c->err_name) != 0)) {
			print_error("answers_parse case %zu (%s): error record {%s, line %d, key %d, name "
			            "\"%.32s\"}, want {%s, line %d, key %d}\n",
			            i, c->name, st_name(err.status), err.line, err.key, err.name,
			            st_name(c->st), c->line, c->key);
			return 1;
		}
		return 0;
	}
	if (a.set != c->want_set) {
		print_error("answers_parse case %zu (%s): set %#x, want %#x\n", i, c->name, a.set,
		            c->want_set);
		return 1;
	}
	if ((a.set & BIT(ANSWERS_MONTHLY_INCOME)) && !c->good && a.monthly_income != c->income) {
		print_error("answers_parse case %zu (%s): income %lld, want %lld\n", i, c->name,
		            (long long)a.monthly_income, (long long)c->income);
		return 1;
	}
	if (c->good)
		for (int k = 0; k < ANSWERS_KEY_COUNT; k++)
			if (field(&a, k) != good_fields[k]) {
				print_error("answers_parse case %zu (%s): %s is %lld, want %lld\n", i,
				            c->name, answers_key_name(k), (long long)field(&a, k),
				            (long long)good_fields[k]);
				return 1;
			}
	return 0;
}

static void
test_answers_parse(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++)
		failures += check_parse(i, &parse_cases[i]);
	assert_int_equal(failures, 0);
}

/* Every word a key is said to allow (answers_key_allowed, what messages
 * and help list) is accepted, in that order, and nothing else close to it:
 * the matching table and the list cannot drift apart. */
static void
test_answers_allowed(void **state)
{
	(void)state;
	int keys_with_words = 0;
	for (int k = 0; k < ANSWERS_KEY_COUNT; k++) {
		const char *list = answers_key_allowed(k);
		if (list == NULL)
			continue;
		keys_with_words++;
		int want = 1;
		for (const char *w = list;; want++) {
			const char *bar = strchr(w, '|');
			size_t n = bar != NULL ? (size_t)(bar - w) : strlen(w);
			char buf[64];
			assert_true(n + 2 < sizeof buf);
			struct answers a, b;
			struct answers_error err;
			answers_init(&a);
			assert_int_equal(answers_set_key(&a, (enum answers_key)k, w, n, &err), ANSWERS_OK);
			answers_init(&b);
			/* the same word once more or once less is refused */
			memcpy(buf, w, n);
			buf[n] = 'x';
			assert_int_equal(answers_set_key(&b, (enum answers_key)k, buf, n + 1, &err),
			                 ANSWERS_ERR_BAD_VALUE);
			assert_int_equal(answers_set_key(&b, (enum answers_key)k, buf, n - 1, &err),
			                 ANSWERS_ERR_BAD_VALUE);
			/* the value stored is the word's place in the list */
			int64_t got = field(&a, k);
			int64_t expect = k == ANSWERS_FEMALE_RETIRE_AGE  ? (want == 1 ? 50 : 55)
			                 : k == ANSWERS_RESIDENCE_PERMIT ? (want == 1)
			                 : k == ANSWERS_COVERAGE         ? want - 1
			                                                 : want;
			if (got != expect)
				fail_msg("%s = %.*s stored %lld, want %lld", answers_key_name(k), (int)n, w,
				         (long long)got, (long long)expect);
			if (bar == NULL)
				break;
			w = bar + 1;
		}
	}
	assert_int_equal(keys_with_words, 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_answers_set),
	    cmocka_unit_test_setup_teardown(test_answers_check, setup_ps, teardown_ps),
	    cmocka_unit_test(test_answers_parse),
	    cmocka_unit_test(test_answers_allowed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
