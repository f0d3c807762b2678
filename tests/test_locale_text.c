/* test_locale_text.c -- the converting stream of a GB18030 locale: characters cut between writes, every byte
 * through */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli.h"

/* Text written through cli_locale_text in pieces of `piece` bytes (cutting
 * characters anywhere) comes out whole in GB18030. */
static void
test_pieces(void **state)
{
	(void)state;
	/* CI generates the locale (.ci/setup): missing, the test fails */
	assert_non_null(setlocale(LC_ALL, "zh_CN.GB18030"));
	static const char text[] = "上海市（Shanghai，310000），¥7,000.00\n医保𠀀 a\n";
	static const char want[] = "\xc9\xcf\xba\xa3\xca\xd0\xa3\xa8Shanghai\xa3\xac"
	                           "310000\xa3\xa9\xa3\xac\x81\x30\x84\x36"
	                           "7,000.00\n\xd2\xbd\xb1\xa3\x95\x32\x82\x36 a\n";
	for (size_t piece = 1; piece <= 5; piece++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		assert_non_null(mem);
		FILE *f = mem;
		assert_true(cli_locale_text(&f));
		assert_ptr_not_equal(f, mem);
		for (size_t i = 0; i < sizeof text - 1; i += piece) {
			size_t n = sizeof text - 1 - i < piece ? sizeof text - 1 - i : piece;
			assert_int_equal(fwrite(text + i, 1, n, f), n);
			assert_int_equal(fflush(f), 0);
		}
		assert_int_equal(fclose(f), 0);
		assert_int_equal(fclose(mem), 0);
		if (len != sizeof want - 1 || memcmp(buf, want, len) != 0) {
			print_error("pieces of %zu: %zu bytes:", piece, len);
			for (size_t i = 0; i < len; i++)
				print_error(" %02x", (unsigned char)buf[i]);
			print_error("\n");
		}
		assert_int_equal(len, sizeof want - 1);
		assert_memory_equal(buf, want, len);
		free(buf);
	}
}

/* In a UTF-8 locale the stream is left as it is. */
static void
test_utf8_untouched(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "zh_CN.UTF-8"));
	FILE *f = stdout, *keep = f;
	assert_true(cli_locale_text(&f));
	assert_ptr_equal(f, keep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pieces),
	    cmocka_unit_test(test_utf8_untouched),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
