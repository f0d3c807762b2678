/* test_plain.c -- plain mode without a terminal: scripts of answer lines through plain_run, table-driven */
#define _GNU_SOURCE /* fopencookie: a stream whose reads fail on purpose */
#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "enc.h"
#include "msg.h"
#include "plain.h"
#include "policy.h"

#define OUT_MAX (1 << 20)
#define WANT_MAX 6

struct tcase {
	const char *name;
	const char *locale; /* the case is skipped where it is not installed */
	enum msg_lang lang; /* what the environment suggests */
	const char *input;  /* UTF-8: converted to the locale's set first */
	int status;
	const char *want[WANT_MAX]; /* in the output, decoded to UTF-8 */
	const char *twice;          /* at least twice in it: the question asked again */
	const char *never[3];       /* never in it */
};

/* The Shanghai rider of tests/data/shanghai-rider.ini, answer by answer,
 * after the language. */
#define RIDER "shanghai\nchengdu\n1\n199005\n2\n1\n1\n6000\n3\n1\n2\n510100\n0\n5\n2\n"
#define RIDER_ZH "上海\n成都\n1\n1990-05\n2\n1\n1\n６０００\n3\n1\n2\n510100\n0\n5\n2\n"
#define TO_SEX "2\nshanghai\nshanghai\n199005\n"

static const struct tcase cases[] = {
    {"empty input",
     "C.UTF-8",
     MSG_EN,
     "",
     1,
     {"input ended before the interview was finished: 0 questions answered"},
     NULL,
     {NULL}},
    {"an empty line, then the end",
     "C.UTF-8",
     MSG_ZH,
     "\n",
     1,
     {"1. 您在哪个城市工作？", "输入在问答完成之前结束：已回答0个问题"},
     NULL,
     {NULL}},
    {"a last line without its newline",
     "C.UTF-8",
     MSG_EN,
     "2\nshanghai",
     1,
     {"City: 上海 Shanghai 310000", "1 question answered"},
     NULL,
     {NULL}},
    {"the language question first, the locale's marked",
     "C.UTF-8",
     MSG_EN,
     "",
     1,
     {"请选择语言 / Choose your language", "  1. 中文", "  2. English", "Press Enter alone for English"},
     NULL,
     {NULL}},
    {"whole interview in English",
     "C.UTF-8",
     MSG_EN,
     "2\n" RIDER,
     0,
     {"1. In which city do you work?", "City: 成都 Chengdu 510100", "Your options side by side",
      "Option 1: Employee scheme, Shanghai", "¥6,000.00", "End of the comparison"},
     NULL,
     {"input ended"}},
    {"whole interview in Chinese, Enter takes the locale's language",
     "C.UTF-8",
     MSG_ZH,
     "\n" RIDER_ZH,
     0,
     {"1. 您在哪个城市工作？", "城市：上海 Shanghai 310000", "各方案对比", "方案1：职工医保 上海", "建议：",
      "对比结束"},
     NULL,
     {"输入在问答完成之前结束"}},
    {"whole interview in a GB18030 locale",
     "zh_CN.GB18030",
     MSG_ZH,
     "1\n" RIDER_ZH,
     0,
     {"15. 退休后您打算住在哪里？", "方案1：职工医保 上海", "￥", "对比结束"},
     NULL,
     {"¥", "无法用字符集"}},
    {"a set without Chinese keeps English",
     "C",
     MSG_ZH,
     "1\nshanghai\n",
     1,
     {"Chinese (the character set", "1. In which city do you work?", "City: Shanghai 310000",
      "1 question answered"},
     NULL,
     {"您"}},
    {"L does nothing without Chinese",
     "C",
     MSG_EN,
     "2\nL\n",
     1,
     {"Chinese cannot be shown in the character set"},
     "1. In which city do you work?",
     {"您"}},
    {"a bad number is refused, the question asked again",
     "C.UTF-8",
     MSG_EN,
     TO_SEX "7\n",
     1,
     {"\"7\" is not one of the choices: type a number from 1 to 2", "3 questions answered"},
     "4. Are you a man or a woman?",
     {NULL}},
    {"a choice by its value",
     "C.UTF-8",
     MSG_EN,
     TO_SEX "female\n",
     1,
     {"5. Before the 2025 reform"},
     NULL,
     {"is not one of the choices"}},
    {"an empty line answers no choice",
     "C.UTF-8",
     MSG_EN,
     TO_SEX "\n",
     1,
     {"No answer given: type the number of your answer"},
     "4. Are you a man or a woman?",
     {NULL}},
    {"back with < keeps the answers",
     "C.UTF-8",
     MSG_EN,
     "2\nshanghai\nchengdu\n<\n\n",
     1,
     {"Your answer: 成都 Chengdu 510100; press Enter alone to keep it", "2 questions answered"},
     "3. Do you hold a residence permit",
     {NULL}},
    {"back from the first question",
     "C.UTF-8",
     MSG_EN,
     "2\n<\n<\n",
     1,
     {"This is the first question: there is nothing to go back to"},
     "请选择语言 / Choose your language",
     {NULL}},
    {"? prints the help topic",
     "C.UTF-8",
     MSG_EN,
     "2\n?\n",
     1,
     {"City where you work", "End of help"},
     "1. In which city do you work?",
     {NULL}},
    {"？ (full width) prints it too, in Chinese",
     "C.UTF-8",
     MSG_ZH,
     "1\n？\n",
     1,
     {"帮助结束"},
     "1. 您在哪个城市工作？",
     {NULL}},
    {"L switches the language mid-way",
     "C.UTF-8",
     MSG_EN,
     "2\nshanghai\nL\n",
     1,
     {"2. Where is your hukou (户籍)?", "2. 您的户籍在哪里？"},
     NULL,
     {NULL}},
    {"a city list, a number out of it, then one from it",
     "C.UTF-8",
     MSG_EN,
     "2\nguangz\n9\n1\n",
     1,
     {"Cities matching \"guangz\":", "\"9\" is not one of the choices: type a number from 1 to 3",
      "City: 广州 Guangzhou 440100"},
     NULL,
     {NULL}},
    {"a city by its code", "C.UTF-8", MSG_EN, "2\n440300\n", 1, {"City: 深圳 Shenzhen 440300"}, NULL, {NULL}},
    {"no city matches",
     "C.UTF-8",
     MSG_EN,
     "2\nzzz\n",
     1,
     {"No city matches \"zzz\""},
     "1. In which city do you work?",
     {NULL}},
    {"a letter in a number",
     "C.UTF-8",
     MSG_EN,
     "2\nshanghai\nshanghai\n19a\n",
     1,
     {"Only digits can be typed here"},
     "3. When were you born?",
     {NULL}},
    {"a minus sign is not back",
     "C.UTF-8",
     MSG_EN,
     TO_SEX "1\n1\n-5\n",
     1,
     {"Only digits can be typed here"},
     "6. What is your monthly income",
     {NULL}},
    {"a bad month",
     "C.UTF-8",
     MSG_EN,
     "2\nshanghai\nshanghai\n199013\n",
     1,
     {"birth"},
     "3. When were you born?",
     {NULL}},
    {"quit asks, no goes back, yes quits",
     "C.UTF-8",
     MSG_EN,
     "2\nq\n2\nq\nyes\n",
     0,
     {"Quit: your answers were not kept"},
     "Quit now? Your answers will be forgotten",
     {"input ended"}},
    {"end of input at the quit question",
     "C.UTF-8",
     MSG_EN,
     "2\nshanghai\nq\n",
     1,
     {"1 question answered"},
     NULL,
     {NULL}},
    {"invalid UTF-8 is refused",
     "C.UTF-8",
     MSG_EN,
     "2\n\xff\xfe\n",
     1,
     {"This line is not valid UTF-8 text: type it again"},
     "1. In which city do you work?",
     {NULL}},
    {"CRLF line ends",
     "C.UTF-8",
     MSG_EN,
     "2\r\nshanghai\r\n",
     1,
     {"City: 上海 Shanghai 310000"},
     NULL,
     {NULL}},
    {"an arrow key's escape sequence is never echoed",
     "C.UTF-8",
     MSG_EN,
     "2\n\x1b[A\n",
     1,
     {"No city matches \"[A\""},
     NULL,
     {"\x1b"}},
};

/* A stream whose reads fail: first with EINTR (then the text is read), or with EIO. */
struct flaky {
	const char *text;
	size_t pos;
	int fail_errno;
	int failures; /* reads left to fail */
};

static ssize_t
flaky_read(void *cookie, char *buf, size_t size)
{
	struct flaky *f = cookie;
	if (f->failures > 0) {
		f->failures--;
		errno = f->fail_errno;
		return -1;
	}
	size_t n = strlen(f->text + f->pos);
	if (n > size)
		n = size;
	if (n > 1)
		n = 1; /* a byte at a time: an interruption can fall inside a line */
	memcpy(buf, f->text + f->pos, n);
	f->pos += n;
	return (ssize_t)n;
}

static char out_raw[OUT_MAX];

/* Run plain_run on in; its output decoded from the locale's set to UTF-8 (malloc'ed). */
static char *
run(const struct policy_set *ps, enum msg_lang lang, FILE *in, int *status)
{
	FILE *out = fmemopen(out_raw, sizeof out_raw, "w");
	assert_non_null(out);
	*status = plain_run(ps, (struct date){2025, 6, 1}, lang, in, out);
	long n = ftell(out);
	fclose(out);
	assert_true(n >= 0 && n < OUT_MAX);
	struct enc *e = enc_new(NULL);
	assert_non_null(e);
	char *text = enc_to_utf8(enc_charset(e), out_raw, (size_t)n, NULL, NULL);
	enc_free(e);
	assert_non_null(text);
	return text;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t k = 0;
	for (const char *s = hay; (s = strstr(s, needle)) != NULL; s += strlen(needle))
		k++;
	return k;
}

static void
test_scripts(void **state)
{
	const struct policy_set *ps = *state;
	int failures = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tcase *c = &cases[i];
		if (setlocale(LC_ALL, c->locale) == NULL) {
			print_message("case %zu (%s): locale %s missing, skipped\n", i, c->name, c->locale);
			continue;
		}
		struct enc *e = enc_new(NULL);
		assert_non_null(e);
		size_t len;
		/* the input in the locale's set, as a person or a script there types it */
		char *input = enc_is_utf8(e) || strcmp(c->locale, "C") == 0
		                  ? strdup(c->input)
		                  : enc_convert(e, c->input, strlen(c->input), NULL, NULL);
		enc_free(e);
		assert_non_null(input);
		len = strlen(input);
		FILE *in = fmemopen(input, len, "r");
		assert_non_null(in);
		int status;
		char *text = run(ps, c->lang, in, &status);
		fclose(in);
		free(input);
#define EXPECT(cond, ...)                                                                                    \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			print_message("case %zu (%s): ", i, c->name);                                        \
			print_message(__VA_ARGS__);                                                          \
			print_message("\n");                                                                 \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)
		EXPECT(status == c->status, "status %d, want %d", status, c->status);
		for (int k = 0; k < WANT_MAX && c->want[k] != NULL; k++)
			EXPECT(strstr(text, c->want[k]) != NULL, "no \"%s\"", c->want[k]);
		EXPECT(c->twice == NULL || count(text, c->twice) >= 2, "\"%s\" not asked again", c->twice);
		for (int k = 0; k < 3 && c->never[k] != NULL; k++)
			EXPECT(strstr(text, c->never[k]) == NULL, "\"%s\" written", c->never[k]);
		EXPECT(strchr(text, 0x1b) == NULL && strchr(text, '\r') == NULL, "an escape or CR written");
		if (failures > 0 && getenv("PLAIN_DUMP") != NULL)
			print_message("%s\n", text);
		free(text);
	}
	setlocale(LC_ALL, "C");
	assert_int_equal(failures, 0);
}

/* EINTR: read again, nothing lost; EIO: stop with the message and status 1. */
static void
test_read_errors(void **state)
{
	const struct policy_set *ps = *state;
	static const cookie_io_functions_t io = {.read = flaky_read};
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	struct flaky intr = {.text = "2\nshanghai\n", .fail_errno = EINTR, .failures = 3};
	FILE *in = fopencookie(&intr, "r", io);
	assert_non_null(in);
	setvbuf(in, NULL, _IONBF, 0);
	int status;
	char *text = run(ps, MSG_EN, in, &status);
	fclose(in);
	assert_int_equal(status, 1);
	assert_non_null(strstr(text, "City: 上海 Shanghai 310000"));
	free(text);

	struct flaky eio = {.text = "2\n", .fail_errno = EIO, .failures = 1};
	in = fopencookie(&eio, "r", io);
	assert_non_null(in);
	text = run(ps, MSG_EN, in, &status);
	fclose(in);
	assert_int_equal(status, 1);
	assert_non_null(strstr(text, "cannot read the answers: "));
	assert_non_null(strstr(text, "0 questions answered"));
	free(text);
	setlocale(LC_ALL, "C");
}

/* A reader that went away: the output error is status 4, not a loop. */
static void
test_output_error(void **state)
{
	const struct policy_set *ps = *state;
	char tiny[64];
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	FILE *in = fmemopen((char *)"2\n" RIDER, strlen("2\n" RIDER), "r");
	FILE *out = fmemopen(tiny, sizeof tiny, "w");
	setvbuf(out, NULL, _IONBF, 0);
	assert_int_equal(plain_run(ps, (struct date){2025, 6, 1}, MSG_EN, in, out), 4);
	fclose(in);
	fclose(out);
	setlocale(LC_ALL, "C");
}

/* plain_run leaves the catalog in the language it found. */
static void
test_catalog_kept(void **state)
{
	const struct policy_set *ps = *state;
	char buf[64];
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	assert_true(msg_open(MSG_EN));
	FILE *in = fmemopen((char *)"1\n", 2, "r");
	FILE *out = fmemopen(out_raw, sizeof out_raw, "w");
	assert_int_equal(plain_run(ps, (struct date){2025, 6, 1}, MSG_EN, in, out), 1);
	fclose(in);
	fclose(out);
	assert_int_equal(msg_lang(), MSG_EN);
	msg_format(buf, sizeof buf, "plain_help_end", NULL, 0);
	assert_string_equal(buf, "End of help");
	setlocale(LC_ALL, "C");
}

static int
setup(void **state)
{
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	unsetenv("COLUMNS"); /* 80 columns */
	if (!msg_open(MSG_EN) || ps == NULL || policy_set_add_builtin(ps, &err) != POLICY_OK ||
	    policy_set_finish(ps, &err) != POLICY_OK) {
		policy_set_free(ps);
		return -1;
	}
	*state = ps;
	return 0;
}

static int
teardown(void **state)
{
	policy_set_free(*state);
	msg_close();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scripts),
	    cmocka_unit_test(test_read_errors),
	    cmocka_unit_test(test_output_error),
	    cmocka_unit_test(test_catalog_kept),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
