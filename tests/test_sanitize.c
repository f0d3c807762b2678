/* test_sanitize.c -- hostile text through the sanitizer and every formatter that calls it */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "lines.h"
#include "msg.h"
#include "sanitize.h"
#include "text.h"

/* The payloads of issue 11, each as it would sit in a policy name, an
 * answers value, a CSV cell or a paste, and what a terminal must see. */
static const struct {
	const char *in, *want;
} cases[] = {
    {"", ""},
    {"Shanghai", "Shanghai"},
    {"上海 ¥987", "上海 ¥987"},                       /* safe text is kept */
    {"a\x1b]0;PWNED\x07z", "a^[]0;PWNED^Gz"},         /* OSC 0: the title */
    {"\x1b]52;c;cHduZWQ=\x07", "^[]52;c;cHduZWQ=^G"}, /* OSC 52: the clipboard */
    {"\x1b[2J\x1b[H", "^[[2J^[[H"},                   /* CSI 2J: clear */
    {"\x1b", "^["},                                   /* a bare ESC */
    {"ding\x07", "ding^G"},                           /* BEL */
    {"abc\x08\x08X", "abc^H^HX"},                     /* BS overwrites */
    {"ok\rFAKE", "ok^MFAKE"},                         /* CR overwrites */
    {"a\nb\tc", "a^Jb^Ic"},                           /* one value, one line */
    {"\x7f", "^?"},                                   /* DEL */
    {"x\xc2\x9b"
     "2Jy",
     "x<U+009B>2Jy"}, /* U+009B: a one-character CSI */
    {"\xc2\x9d"
     "0;T\xc2\x9c",
     "<U+009D>0;T<U+009C>"}, /* U+009D: OSC, U+009C: ST */
    {"\xe2\x80\xae"
     "gpj.exe",
     "<U+202E>gpj.exe"}, /* right-to-left override */
    {"\xe2\x81\xa6"
     "x\xe2\x81\xa9",
     "<U+2066>x<U+2069>"},                            /* isolates */
    {"\xe2\x80\xaa\xe2\x80\xac", "<U+202A><U+202C>"}, /* embeddings */
    {"\xff\x9b", "\xef\xbf\xbd\xef\xbf\xbd"},         /* not UTF-8: U+FFFD each */
    {"^[ <U+202E>", "^[ <U+202E>"},                   /* placeholders stay */
};
#define NCASES (sizeof cases / sizeof cases[0])

/* no byte of s is a control, and no code point an unsafe one */
static void
assert_safe(size_t i, const char *what, const char *s)
{
	size_t n = strlen(s);
	for (size_t k = 0; k < n;) {
		uint32_t c;
		size_t len = text_utf8_next(s + k, n - k, &c);
		if (sanitize_is_unsafe(c) || (c == 0xFFFD && len == 1))
			fail_msg("case %zu (%s): U+%04X at byte %zu of \"%s\"", i, what, (unsigned)c, k, s);
		k += len;
	}
}

static void
test_degenerate(void **state)
{
	char buf[8] = "x";
	(void)state;
	assert_int_equal(sanitize_text(buf, 0, "abc", 3, 0), 0);
	assert_string_equal(buf, "x"); /* no room: nothing written */
	assert_int_equal(sanitize_text(buf, sizeof buf, NULL, 0, 0), 0);
	assert_string_equal(buf, "");
	/* too small: cut before a placeholder, never inside one */
	assert_int_equal(sanitize_text(buf, 4, "ab\x1b", 3, 0), 2);
	assert_string_equal(buf, "ab");
	assert_int_equal(sanitize_text(buf, 4, "\xe5\x8c\xbb\xe4\xbf\x9d", 6, 0), 3);
	assert_string_equal(buf, "医");
	assert_true(sanitize_is_unsafe(0));
	assert_true(sanitize_is_unsafe(0x9F));
	assert_false(sanitize_is_unsafe(0xA0));
	assert_false(sanitize_is_unsafe(0x2029));
	assert_false(sanitize_is_unsafe(0x206A));
}

static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES; i++) {
		size_t n = strlen(cases[i].in);
		char *out = sanitize_dup(cases[i].in, n, 0);
		assert_non_null(out);
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\", want \"%s\"", i, out, cases[i].want);
		assert_safe(i, "sanitize_text", out);
		char *again = sanitize_dup(out, strlen(out), 0);
		if (strcmp(again, out) != 0)
			fail_msg("case %zu: a second pass changed \"%s\" to \"%s\"", i, out, again);
		free(again);
		free(out);
	}
}

static void
test_keep_newline(void **state)
{
	char buf[64];
	(void)state;
	sanitize_text(buf, sizeof buf, "a\nb\tc\rd\x1b", 8, SANITIZE_KEEP_NEWLINE);
	assert_string_equal(buf, "a\nb\tc^Md^[");
}

/* Every payload as a message argument, in both languages: the catalog's
 * words around it, the payload only as placeholders. */
static void
test_msg_format(void **state)
{
	(void)state;
	for (int lang = 0; lang < MSG_LANG_COUNT; lang++) {
		assert_true(msg_open((enum msg_lang)lang));
		for (size_t i = 0; i < NCASES; i++) {
			char buf[1024];
			struct msg_arg args[2] = {MSG_S(cases[i].in), MSG_S("x")};
			msg_format(buf, sizeof buf, "err_read_file", args, 2);
			assert_safe(i, "msg_format", buf);
			if (strstr(buf, cases[i].want) == NULL)
				fail_msg("case %zu: \"%s\" does not hold \"%s\"", i, buf, cases[i].want);
		}
		msg_close();
	}
}

/* What the comparison, the report and the receipt are made of. */
static void
test_lines(void **state)
{
	struct lines l;
	(void)state;
	lines_init(&l);
	for (size_t i = 0; i < NCASES; i++) {
		lines_add(&l, LINES_NORMAL, cases[i].in, strlen(cases[i].in));
		lines_add_wrapped(&l, LINES_NORMAL, cases[i].in, 20, 2);
	}
	for (size_t k = 0; k < l.n; k++)
		assert_safe(k, "lines", l.text[k]);
	lines_fini(&l);
}

/* JSON: the escapes give the same strings back to a reader. */
static void
test_json(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES; i++) {
		if (!text_is_utf8(cases[i].in, strlen(cases[i].in)))
			continue; /* jansson refuses it before any terminal sees it */
		json_t *j = json_pack("{s:s}", "name", cases[i].in);
		char *d = json_dumps(j, JSON_COMPACT);
		char *s = sanitize_json(d);
		assert_safe(i, "sanitize_json", s);
		json_t *back = json_loads(s, 0, NULL);
		assert_non_null(back);
		if (strcmp(json_string_value(json_object_get(back, "name")), cases[i].in) != 0)
			fail_msg("case %zu: the JSON string changed", i);
		json_decref(back);
		free(s);
		free(d);
		json_decref(j);
	}
}

/* A terminal without Chinese: glosses in brackets and keys labelled only
 * in Chinese are left out, the rest kept. */
static void
test_ascii_glosses(void **state)
{
	static const struct {
		unsigned flags;
		const char *in, *want;
	} rows[] = {
	    {0, "Personal account (个人账户): unknown", "Personal account: unknown"},
	    {0, "costs (家庭共济): yes", "costs: yes"},
	    {0, "the tax office (税务) of Chengdu sets", "the tax office of Chengdu sets"},
	    {0, "with cover (大病, 100 yuan)", "with cover (大病, 100 yuan)"},
	    {0, "a （全国） b", "a b"},
	    {0, "unclosed (个人", "unclosed (个人"},
	    {0, "nested (a (个人) b)", "nested (a b)"},
	    {0, "(个人账户)", ""},
	    {0, "no gloss (none)", "no gloss (none)"},
	    {0, "F2 中文  F10 quit", "F2 中文  F10 quit"},
	    {SANITIZE_KEYS, "Enter OK  Esc back  F1 help  F2 中文  F10 quit",
	     "Enter OK  Esc back  F1 help  F10 quit"},
	    {SANITIZE_KEYS, "1-3 details F3 base F2 中文 F10 quit", "1-3 details F3 base F10 quit"},
	    {SANITIZE_KEYS, "- back  / help  * 中文", "- back  / help"},
	    {SANITIZE_KEYS, "中文 first", "中文 first"},
	};
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char buf[256];
		snprintf(buf, sizeof buf, "%s", rows[i].in);
		size_t n = sanitize_ascii_glosses(buf, strlen(buf), rows[i].flags);
		if (n != strlen(rows[i].want) || strcmp(buf, rows[i].want) != 0) {
			print_error("row %zu: \"%s\" gave \"%s\" (%zu), want \"%s\"\n", i, rows[i].in, buf, n,
			            rows[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_degenerate),    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_keep_newline),  cmocka_unit_test(test_msg_format),
	    cmocka_unit_test(test_lines),         cmocka_unit_test(test_json),
	    cmocka_unit_test(test_ascii_glosses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
