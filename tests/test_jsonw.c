/* test_jsonw.c -- the row writer's numbers and strings, as jansson would write them, table-driven */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "jsonw.h"

static void
test_numbers(void **state)
{
	static const struct {
		int64_t v;
		int decimals; /* -1: jsonw_int */
		const char *want;
	} rows[] = {
	    {0, -1, "0"},
	    {9, -1, "9"},
	    {10, -1, "10"},
	    {99, -1, "99"},
	    {100, -1, "100"},
	    {101, -1, "101"},
	    {-5, -1, "-5"},
	    {-100, -1, "-100"},
	    {203812, -1, "203812"},
	    {12345678901234, -1, "12345678901234"},
	    {INT64_MIN, -1, "-9223372036854775808"},
	    {INT64_MAX, -1, "9223372036854775807"},
	    /* money in fen and ratios in parts: trailing zeros dropped, one decimal kept */
	    {0, 2, "0.0"},
	    {5, 2, "0.05"},
	    {-5, 2, "-0.05"},
	    {-1234, 2, "-12.34"},
	    {100, 2, "1.0"},
	    {40000, 2, "400.0"},
	    {856080, 2, "8560.8"},
	    {123456789, 2, "1234567.89"},
	    {8460, 4, "0.846"},
	    {10000, 4, "1.0"},
	    {7, 0, "7.0"},
	};
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct jsonw w;
		jsonw_init(&w, 0);
		if (rows[i].decimals < 0)
			jsonw_int(&w, rows[i].v);
		else
			jsonw_fixed(&w, rows[i].v, rows[i].decimals);
		if (w.failed || w.n != strlen(rows[i].want) || memcmp(w.p, rows[i].want, w.n) != 0) {
			print_error("row %zu: %lld with %d decimals: got \"%.*s\", want \"%s\"\n", i,
			            (long long)rows[i].v, rows[i].decimals, (int)w.n, w.p, rows[i].want);
			bad++;
		}
		jsonw_fini(&w);
	}
	assert_int_equal(bad, 0);
}

/* Separators, a constant word, a trimmed array, and strings escaped. */
static void
test_structure(void **state)
{
	(void)state;
	struct jsonw w;
	jsonw_init(&w, 0);
	jsonw_open(&w, '{');
	jsonw_key(&w, "id");
	jsonw_word(&w, "transfer_gap");
	jsonw_key(&w, "a");
	jsonw_open(&w, '[');
	jsonw_int(&w, 3);
	jsonw_null(&w);
	jsonw_fixed(&w, 150, 2);
	jsonw_null(&w);
	jsonw_null(&w);
	jsonw_close_trim(&w);
	jsonw_key(&w, "s");
	jsonw_str(&w, "引号\"\\\n\x7f");
	jsonw_close(&w, '}');
	const char *want = "{\"id\":\"transfer_gap\",\"a\":[3,null,1.5],\"s\":\"引号\\\"\\\\\\n\\u007f\"}";
	assert_false(w.failed);
	assert_int_equal(w.n, strlen(want));
	assert_memory_equal(w.p, want, w.n);
	jsonw_fini(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_numbers), cmocka_unit_test(test_structure)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
