/* test_lines.c -- display lines: add, clear, fini, wrapped Chinese and English with indent */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lines.h"
#include "wrap.h"

#define EN "the quick brown fox jumps over the lazy dog"
#define ZH "在参保地以外就医，须办理异地就医备案才能直接结算。"
#define MIX "灵活就业人员可以参加职工医保 (employee insurance) 或居民医保。"

struct wcase {
	const char *name;
	const char *text;
	int width, indent;
	const char *want[12]; /* the lines, ended by NULL */
};

static const struct wcase cases[] = {
    /* degenerate */
    {"NULL text", NULL, 10, 0, {"", NULL}},
    {"empty", "", 10, 0, {"", NULL}},
    {"empty, indent", "", 10, 3, {"", NULL}},
    {"only spaces", "   ", 10, 0, {"", NULL}},
    {"width 0", "abc", 0, 0, {"a", "b", "c", NULL}},
    {"negative width and indent", "ab", -3, -2, {"a", "b", NULL}},
    {"indent wider than the width", "abcdef", 3, 5, {"abc", "     d", "     e", "     f", NULL}},
    {"width 1, Chinese", "你好", 1, 0, {"你", "好", NULL}},
    /* English */
    {"English 10", EN, 10, 0, {"the quick", "brown fox", "jumps over", "the lazy", "dog", NULL}},
    {"English 40", EN, 40, 0, {"the quick brown fox jumps over the lazy", "dog", NULL}},
    {"English 80", EN, 80, 0, {EN, NULL}},
    /* Chinese: never a closing mark first */
    {"Chinese 10", ZH, 10, 0, {"在参保地以", "外就医，须", "办理异地就", "医备案才能", "直接结算。", NULL}},
    {"Chinese 40", ZH, 40, 0, {"在参保地以外就医，须办理异地就医备案才能", "直接结算。", NULL}},
    {"Chinese 80", ZH, 80, 0, {ZH, NULL}},
    {"mixed 10",
     MIX,
     10,
     0,
     {"灵活就业人", "员可以参加", "职工医保", "(employee", "insurance)", "或居民医", "保。", NULL}},
    {"mixed 40", MIX, 40, 0, {"灵活就业人员可以参加职工医保 (employee", "insurance) 或居民医保。", NULL}},
    {"mixed 80", MIX, 80, 0, {MIX, NULL}},
    /* continuation lines indented, within the width */
    {"English 10, indent 2",
     EN,
     10,
     2,
     {"the quick", "  brown", "  fox", "  jumps", "  over the", "  lazy dog", NULL}},
    {"Chinese 18, indent 2",
     ZH,
     18,
     2,
     {"在参保地以外就医，", "  须办理异地就医备", "  案才能直接结算。", NULL}},
    {"Chinese 10, indent 4",
     ZH,
     10,
     4,
     {"在参保地以", "    外就", "    医，须", "    办理异", "    地就医", "    备案才", "    能直接",
      "    结算。", NULL}},
    {"newline, indent", "a\nb", 10, 2, {"a", "  b", NULL}},
    {"blank line not padded", "hello\n\nworld", 10, 2, {"hello", "", "  world", NULL}},
    {"trailing newline", "hello\n", 10, 2, {"hello", NULL}},
};

/* Bytes of s other than spaces and newlines, in order: what wrapping must keep. */
static size_t
ink(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; s != NULL && *s != '\0' && n + 1 < cap; s++)
		if (*s != ' ' && *s != '\n')
			out[n++] = *s;
	out[n] = '\0';
	return n;
}

static void
test_wrapped(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct wcase *k = &cases[c];
		struct lines l;
		lines_init(&l);
		/* a line already there stays first and untouched */
		assert_int_equal(lines_add(&l, LINES_TITLE, "title", 5), 0);
		if (lines_add_wrapped(&l, LINES_DIM, k->text, k->width, k->indent) != 0) {
			print_error("case %zu (%s): failed\n", c, k->name);
			failures++;
			lines_fini(&l);
			continue;
		}
		size_t nwant = 0;
		while (k->want[nwant] != NULL)
			nwant++;
		bool bad = l.n != nwant + 1 || strcmp(l.text[0], "title") != 0 || l.style[0] != LINES_TITLE;
		for (size_t i = 1; i < l.n && !bad; i++)
			bad = l.style[i] != LINES_DIM || strcmp(l.text[i], k->want[i - 1]) != 0;
		/* never wider than the width unless the indent is, or one character is */
		int width = k->width < 1 ? 1 : k->width, indent = k->indent < 0 ? 0 : k->indent;
		for (size_t i = 1; i < l.n && !bad; i++) {
			int cols = wrap_text_width(l.text[i], strlen(l.text[i]), WRAP_MEASURE_UNICODE);
			bad = cols > width && cols > indent + 2;
		}
		/* nothing lost */
		char got[512] = "", want[512];
		size_t ng = 0;
		for (size_t i = 1; i < l.n; i++)
			ng += ink(l.text[i], got + ng, sizeof got - ng);
		ink(k->text, want, sizeof want);
		bad = bad || strcmp(got, want) != 0;
		if (bad) {
			print_error("case %zu (%s): got %zu lines:", c, k->name, l.n - 1);
			for (size_t i = 1; i < l.n; i++)
				print_error(" [%s]", l.text[i]);
			print_error("\n");
			failures++;
		}
		lines_fini(&l);
	}
	assert_int_equal(failures, 0);
}

struct acase {
	const char *name;
	const char *text;
	size_t len;
	const char *want;
};

static const struct acase add_cases[] = {
    {"NULL, 0", NULL, 0, ""},
    {"empty", "", 0, ""},
    {"len 0 of text", "abc", 0, ""},
    {"part", "abcdef", 3, "abc"},
    {"whole", "职工医保", sizeof "职工医保" - 1, "职工医保"},
    {"not NUL-terminated", "abc|def", 3, "abc"},
};

static void
test_add(void **state)
{
	struct lines l;
	int failures = 0;
	(void)state;
	lines_init(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.text);
	for (size_t c = 0; c < sizeof add_cases / sizeof add_cases[0]; c++) {
		const struct acase *k = &add_cases[c];
		if (lines_add(&l, LINES_WARN, k->text, k->len) != 0 || l.n != c + 1 ||
		    strcmp(l.text[c], k->want) != 0 || l.style[c] != LINES_WARN) {
			print_error("add case %zu (%s): got \"%s\"\n", c, k->name, l.n > c ? l.text[c] : "?");
			failures++;
		}
	}
	assert_int_equal(failures, 0);

	/* a copy is kept, not the caller's buffer */
	char buf[] = "mutable";
	assert_int_equal(lines_add(&l, LINES_GOOD, buf, strlen(buf)), 0);
	buf[0] = 'X';
	assert_string_equal(l.text[l.n - 1], "mutable");
	assert_int_equal(l.style[l.n - 1], LINES_GOOD);

	/* growth keeps every line and its style */
	size_t before = l.n;
	for (int i = 0; i < 1000; i++) {
		char s[16];
		int n = snprintf(s, sizeof s, "line %d", i);
		assert_int_equal(lines_add(&l, (enum lines_style)(i % (LINES_DIM + 1)), s, (size_t)n), 0);
	}
	assert_int_equal(l.n, before + 1000);
	assert_true(l.cap >= l.n);
	for (int i = 0; i < 1000; i++) {
		char s[16];
		snprintf(s, sizeof s, "line %d", i);
		if (strcmp(l.text[before + (size_t)i], s) != 0 ||
		    l.style[before + (size_t)i] != i % (LINES_DIM + 1)) {
			print_error("growth: line %d is \"%s\"\n", i, l.text[before + (size_t)i]);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
	lines_fini(&l);
}

static void
test_clear_fini(void **state)
{
	struct lines l;
	(void)state;
	/* fini of an empty list, twice */
	lines_init(&l);
	lines_fini(&l);
	lines_fini(&l);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.cap, 0);
	assert_null(l.text);
	assert_null(l.style);

	/* clear keeps the storage */
	assert_int_equal(lines_add(&l, LINES_NORMAL, "a", 1), 0);
	assert_int_equal(lines_add_wrapped(&l, LINES_HEADER, EN, 10, 2), 0);
	size_t cap = l.cap;
	char **text = l.text;
	lines_clear(&l);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.cap, cap);
	assert_ptr_equal(l.text, text);
	lines_clear(&l);
	assert_int_equal(l.n, 0);

	/* and the list is usable again */
	assert_int_equal(lines_add(&l, LINES_MARK, "b", 1), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.text[0], "b");
	assert_int_equal(l.style[0], LINES_MARK);

	/* fini frees everything; after lines_init the struct is new */
	lines_fini(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.text);
	lines_init(&l);
	assert_int_equal(lines_add_wrapped(&l, LINES_NORMAL, ZH, 40, 0), 0);
	assert_int_equal(l.n, 2);
	lines_fini(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add),
	    cmocka_unit_test(test_clear_fini),
	    cmocka_unit_test(test_wrapped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
