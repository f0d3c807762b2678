/* test_date.c -- table-driven cmocka tests for the calendar helpers of core/date.c */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

/* len = -1: the length of s up to its NUL. */
#define STRLEN ((size_t)-1)

/* A value no successful parse can write, to see whether a failing call wrote to out. */
#define SENTINEL                                                                                             \
	{                                                                                                    \
		-7, -7, -7                                                                                   \
	}

static size_t
len_of(const char *s, size_t len)
{
	return len == STRLEN ? (s != NULL ? strlen(s) : 0) : len;
}

/* ------------------------------------------------------------------ date_parse */

struct parse_case {
	const char *name;
	const char *s;
	size_t len;
	bool ok;
	struct date want;
};

static const struct parse_case parse_cases[] = {
    /* degenerate input first */
    {.name = "NULL", .s = NULL, .len = 0, .ok = false},
    {.name = "NULL with a length", .s = NULL, .len = 10, .ok = false},
    {.name = "empty", .s = "", .len = STRLEN, .ok = false},
    {.name = "zero length of a good date", .s = "2024-01-01", .len = 0, .ok = false},
    {.name = "all zeros", .s = "0000-00-00", .len = STRLEN, .ok = false},
    {.name = "all nines", .s = "9999-99-99", .len = STRLEN, .ok = false},
    /* valid */
    {.name = "plain", .s = "2024-06-15", .len = STRLEN, .ok = true, .want = {2024, 6, 15}},
    {.name = "first of year", .s = "2025-01-01", .len = STRLEN, .ok = true, .want = {2025, 1, 1}},
    {.name = "last of year", .s = "2024-12-31", .len = STRLEN, .ok = true, .want = {2024, 12, 31}},
    {.name = "not NUL-terminated", .s = "2023-03-0499", .len = 10, .ok = true, .want = {2023, 3, 4}},
    {.name = "30 April", .s = "2024-04-30", .len = STRLEN, .ok = true, .want = {2024, 4, 30}},
    /* year bounds */
    {.name = "year 1900 first day", .s = "1900-01-01", .len = STRLEN, .ok = true, .want = {1900, 1, 1}},
    {.name = "year 1899 last day", .s = "1899-12-31", .len = STRLEN, .ok = false},
    {.name = "year 2100 last day", .s = "2100-12-31", .len = STRLEN, .ok = true, .want = {2100, 12, 31}},
    {.name = "year 2101 first day", .s = "2101-01-01", .len = STRLEN, .ok = false},
    /* leap years */
    {.name = "2000-02-29 (div by 400)", .s = "2000-02-29", .len = STRLEN, .ok = true, .want = {2000, 2, 29}},
    {.name = "1900-02-29 (div by 100)", .s = "1900-02-29", .len = STRLEN, .ok = false},
    {.name = "1900-02-28", .s = "1900-02-28", .len = STRLEN, .ok = true, .want = {1900, 2, 28}},
    {.name = "2024-02-29 (div by 4)", .s = "2024-02-29", .len = STRLEN, .ok = true, .want = {2024, 2, 29}},
    {.name = "2023-02-29 (not leap)", .s = "2023-02-29", .len = STRLEN, .ok = false},
    {.name = "2100-02-29 (div by 100)", .s = "2100-02-29", .len = STRLEN, .ok = false},
    {.name = "2024-02-30", .s = "2024-02-30", .len = STRLEN, .ok = false},
    /* days and months out of range */
    {.name = "day 0", .s = "2024-01-00", .len = STRLEN, .ok = false},
    {.name = "day 32", .s = "2024-01-32", .len = STRLEN, .ok = false},
    {.name = "31 April", .s = "2024-04-31", .len = STRLEN, .ok = false},
    {.name = "month 0", .s = "2024-00-10", .len = STRLEN, .ok = false},
    {.name = "month 13", .s = "2024-13-10", .len = STRLEN, .ok = false},
    /* separators */
    {.name = "slashes", .s = "2024/01/01", .len = STRLEN, .ok = false},
    {.name = "dots", .s = "2024.01.01", .len = STRLEN, .ok = false},
    {.name = "first separator wrong", .s = "2024/01-01", .len = STRLEN, .ok = false},
    {.name = "second separator wrong", .s = "2024-01/01", .len = STRLEN, .ok = false},
    {.name = "no separators", .s = "20240101xx", .len = STRLEN, .ok = false},
    {.name = "separators shifted", .s = "202-401-01", .len = STRLEN, .ok = false},
    /* lengths */
    {.name = "one-digit month and day", .s = "2024-1-1", .len = STRLEN, .ok = false},
    {.name = "one-digit day", .s = "2024-01-1", .len = STRLEN, .ok = false},
    {.name = "trailing character", .s = "2024-01-011", .len = STRLEN, .ok = false},
    {.name = "five-digit year", .s = "02024-01-01", .len = STRLEN, .ok = false},
    {.name = "length one short", .s = "2024-01-01", .len = 9, .ok = false},
    {.name = "year and month only", .s = "2024-01", .len = STRLEN, .ok = false},
    {.name = "trailing space", .s = "2024-01-01 ", .len = STRLEN, .ok = false},
    {.name = "leading space", .s = " 2024-01-01", .len = STRLEN, .ok = false},
    /* non-digits */
    {.name = "letter in year", .s = "20x4-01-01", .len = STRLEN, .ok = false},
    {.name = "letter in month", .s = "2024-0a-01", .len = STRLEN, .ok = false},
    {.name = "letter in day", .s = "2024-01-0b", .len = STRLEN, .ok = false},
    {.name = "space in day", .s = "2024-01- 1", .len = STRLEN, .ok = false},
    {.name = "plus sign", .s = "+024-01-01", .len = STRLEN, .ok = false},
    {.name = "minus in day", .s = "2024-01--1", .len = STRLEN, .ok = false},
    {.name = "NUL inside",
     .s = "2024-01-0\0"
          "1",
     .len = 10,
     .ok = false},
    {.name = "full-width digits", .s = "２０２４-01-01", .len = STRLEN, .ok = false},
};

static int
check_parse(size_t i, const struct parse_case *c)
{
	struct date got = SENTINEL;
	bool ok = date_parse(c->s, len_of(c->s, c->len), &got);
	if (ok != c->ok) {
		print_error("date_parse case %zu (%s): returned %d, want %d\n", i, c->name, ok, c->ok);
		return 1;
	}
	if (!ok) {
		if (got.y != -7 || got.m != -7 || got.d != -7) {
			print_error("date_parse case %zu (%s): wrote to out on failure\n", i, c->name);
			return 1;
		}
		return 0;
	}
	if (got.y != c->want.y || got.m != c->want.m || got.d != c->want.d) {
		print_error("date_parse case %zu (%s): got %d-%d-%d, want %d-%d-%d\n", i, c->name, got.y,
		            got.m, got.d, c->want.y, c->want.m, c->want.d);
		return 1;
	}
	return 0;
}

static void
test_date_parse(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++)
		failures += check_parse(i, &parse_cases[i]);
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------ date_parse_month */

struct month_case {
	const char *name;
	const char *s;
	size_t len;
	bool ok;
	int y, m;
};

static const struct month_case month_cases[] = {
    {.name = "NULL", .s = NULL, .len = 0, .ok = false},
    {.name = "NULL with a length", .s = NULL, .len = 7, .ok = false},
    {.name = "empty", .s = "", .len = STRLEN, .ok = false},
    {.name = "zero length", .s = "2024-06", .len = 0, .ok = false},
    {.name = "all zeros", .s = "0000-00", .len = STRLEN, .ok = false},
    {.name = "all nines", .s = "9999-99", .len = STRLEN, .ok = false},
    {.name = "plain", .s = "1990-05", .len = STRLEN, .ok = true, .y = 1990, .m = 5},
    {.name = "December", .s = "2024-12", .len = STRLEN, .ok = true, .y = 2024, .m = 12},
    {.name = "not NUL-terminated", .s = "2024-06-15", .len = 7, .ok = true, .y = 2024, .m = 6},
    {.name = "1900-01", .s = "1900-01", .len = STRLEN, .ok = true, .y = 1900, .m = 1},
    {.name = "1899-12", .s = "1899-12", .len = STRLEN, .ok = false},
    {.name = "2100-12", .s = "2100-12", .len = STRLEN, .ok = true, .y = 2100, .m = 12},
    {.name = "2101-01", .s = "2101-01", .len = STRLEN, .ok = false},
    {.name = "month 0", .s = "2024-00", .len = STRLEN, .ok = false},
    {.name = "month 13", .s = "2024-13", .len = STRLEN, .ok = false},
    {.name = "one-digit month", .s = "2024-6", .len = STRLEN, .ok = false},
    {.name = "a full date", .s = "2024-06-15", .len = STRLEN, .ok = false},
    {.name = "slash", .s = "2024/06", .len = STRLEN, .ok = false},
    {.name = "no separator", .s = "202406x", .len = STRLEN, .ok = false},
    {.name = "letter in year", .s = "2o24-06", .len = STRLEN, .ok = false},
    {.name = "letter in month", .s = "2024-0x", .len = STRLEN, .ok = false},
    {.name = "minus in month", .s = "2024--1", .len = STRLEN, .ok = false},
};

static int
check_month(size_t i, const struct month_case *c)
{
	int y = -7, m = -7;
	bool ok = date_parse_month(c->s, len_of(c->s, c->len), &y, &m);
	if (ok != c->ok) {
		print_error("date_parse_month case %zu (%s): returned %d, want %d\n", i, c->name, ok, c->ok);
		return 1;
	}
	if (!ok && (y != -7 || m != -7)) {
		print_error("date_parse_month case %zu (%s): wrote to out on failure\n", i, c->name);
		return 1;
	}
	if (ok && (y != c->y || m != c->m)) {
		print_error("date_parse_month case %zu (%s): got %d-%d, want %d-%d\n", i, c->name, y, m, c->y,
		            c->m);
		return 1;
	}
	return 0;
}

static void
test_date_parse_month(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof month_cases / sizeof month_cases[0]; i++)
		failures += check_month(i, &month_cases[i]);
	assert_int_equal(failures, 0);
}

/* -------------------------------------------------------------------- date_cmp */

struct cmp_case {
	const char *name;
	struct date a, b;
	int want; /* -1, 0, 1: the sign of the result */
};

static const struct cmp_case cmp_cases[] = {
    {.name = "zero dates", .a = {0, 0, 0}, .b = {0, 0, 0}, .want = 0},
    {.name = "bounds", .a = {1900, 1, 1}, .b = {2100, 12, 31}, .want = -1},
    {.name = "bounds reversed", .a = {2100, 12, 31}, .b = {1900, 1, 1}, .want = 1},
    {.name = "equal", .a = {2024, 6, 15}, .b = {2024, 6, 15}, .want = 0},
    {.name = "year before", .a = {2023, 12, 31}, .b = {2024, 1, 1}, .want = -1},
    {.name = "year after", .a = {2024, 1, 1}, .b = {2023, 12, 31}, .want = 1},
    {.name = "month before, day after", .a = {2024, 5, 31}, .b = {2024, 6, 1}, .want = -1},
    {.name = "month after, day before", .a = {2024, 7, 1}, .b = {2024, 6, 30}, .want = 1},
    {.name = "day before", .a = {2024, 6, 14}, .b = {2024, 6, 15}, .want = -1},
    {.name = "day after", .a = {2024, 6, 16}, .b = {2024, 6, 15}, .want = 1},
};

static int
check_cmp(size_t i, const struct cmp_case *c)
{
	int got = date_cmp(c->a, c->b);
	int sign = (got > 0) - (got < 0);
	if (sign != c->want) {
		print_error("date_cmp case %zu (%s): got %d, want sign %d\n", i, c->name, got, c->want);
		return 1;
	}
	return 0;
}

static void
test_date_cmp(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof cmp_cases / sizeof cmp_cases[0]; i++)
		failures += check_cmp(i, &cmp_cases[i]);
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------ date_months_between */

struct between_case {
	const char *name;
	int y1, m1, y2, m2;
	int want;
};

static const struct between_case between_cases[] = {
    {.name = "zero", .y1 = 0, .m1 = 1, .y2 = 0, .m2 = 1, .want = 0},
    {.name = "same month", .y1 = 2024, .m1 = 6, .y2 = 2024, .m2 = 6, .want = 0},
    {.name = "next month", .y1 = 2024, .m1 = 6, .y2 = 2024, .m2 = 7, .want = 1},
    {.name = "over new year", .y1 = 2024, .m1 = 12, .y2 = 2025, .m2 = 1, .want = 1},
    {.name = "backwards", .y1 = 2025, .m1 = 1, .y2 = 2024, .m2 = 12, .want = -1},
    {.name = "one year", .y1 = 2024, .m1 = 3, .y2 = 2025, .m2 = 3, .want = 12},
    {.name = "25 years", .y1 = 2000, .m1 = 6, .y2 = 2025, .m2 = 6, .want = 300},
    {.name = "January to December", .y1 = 2024, .m1 = 1, .y2 = 2024, .m2 = 12, .want = 11},
    {.name = "whole range", .y1 = 1900, .m1 = 1, .y2 = 2100, .m2 = 12, .want = 2411},
    {.name = "whole range backwards", .y1 = 2100, .m1 = 12, .y2 = 1900, .m2 = 1, .want = -2411},
};

static int
check_between(size_t i, const struct between_case *c)
{
	int got = date_months_between(c->y1, c->m1, c->y2, c->m2);
	if (got != c->want) {
		print_error("date_months_between case %zu (%s): got %d, want %d\n", i, c->name, got, c->want);
		return 1;
	}
	/* the index agrees with the difference */
	if (date_month_index(c->y2, c->m2) - date_month_index(c->y1, c->m1) != c->want) {
		print_error("date_month_index case %zu (%s): difference is not %d\n", i, c->name, c->want);
		return 1;
	}
	return 0;
}

static void
test_date_months_between(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof between_cases / sizeof between_cases[0]; i++)
		failures += check_between(i, &between_cases[i]);
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------------ date_format */

struct format_case {
	const char *name;
	struct date d;
	const char *want;
	bool round_trip; /* date_parse gives d back */
};

static const struct format_case format_cases[] = {
    {.name = "zero date", .d = {0, 0, 0}, .want = "0000-00-00"},
    {.name = "first of the range", .d = {1900, 1, 1}, .want = "1900-01-01", .round_trip = true},
    {.name = "last of the range", .d = {2100, 12, 31}, .want = "2100-12-31", .round_trip = true},
    {.name = "padding", .d = {2024, 6, 5}, .want = "2024-06-05", .round_trip = true},
    {.name = "two-digit fields", .d = {2025, 11, 29}, .want = "2025-11-29", .round_trip = true},
    {.name = "leap day", .d = {2024, 2, 29}, .want = "2024-02-29", .round_trip = true},
    {.name = "three-digit year padded", .d = {999, 1, 1}, .want = "0999-01-01"},
};

static int
check_format(size_t i, const struct format_case *c)
{
	char buf[16];
	memset(buf, '#', sizeof buf);
	date_format(c->d, buf);
	if (memcmp(buf, c->want, 11) != 0) {
		print_error("date_format case %zu (%s): got \"%.11s\", want \"%s\"\n", i, c->name, buf,
		            c->want);
		return 1;
	}
	for (size_t k = 11; k < sizeof buf; k++)
		if (buf[k] != '#') {
			print_error("date_format case %zu (%s): wrote past 11 bytes\n", i, c->name);
			return 1;
		}
	if (c->round_trip) {
		struct date back = SENTINEL;
		if (!date_parse(buf, 10, &back) || date_cmp(back, c->d) != 0) {
			print_error("date_format case %zu (%s): does not parse back\n", i, c->name);
			return 1;
		}
	}
	return 0;
}

static void
test_date_format(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++)
		failures += check_format(i, &format_cases[i]);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_parse),  cmocka_unit_test(test_date_parse_month),
	    cmocka_unit_test(test_date_cmp),    cmocka_unit_test(test_date_months_between),
	    cmocka_unit_test(test_date_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
