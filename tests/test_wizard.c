/* test_wizard.c -- the wizard's state machine without a terminal: scripts of actions, table-driven */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "wizard.h"

/* A script: characters are typed; these stand for keys. */
#define K_ENTER "\x01"
#define K_BACK "\x02"
#define K_ERASE "\x03"
#define K_HELP "\x04"
#define K_LANG "\x05"
#define K_QUIT "\x06"
#define K_DOWN "\x07"
#define K_UP "\x0e"
#define K_INCOME "\x0f"
#define K_BASE "\x10"
#define K_TIMEOUT "\x11" /* no key within wizard_wait_ms() */
#define K_CLEAR "\x12"   /* Ctrl-U */
#define K_REPEAT "\x13"  /* Backspace, close on the last: perhaps a held key's repeat */
#define K_PGDN "\x14"
#define K_KPMINUS "\x15" /* the keypad's '-' in application mode */
#define K_END "\x16"
#define K_HOME "\x17"

struct tcase {
	const char *name;
	const char *script; /* UTF-8 */
	enum wizard_screen screen;
	int question; /* answers key of the current question, or -1 */
	enum msg_lang lang;
	const char *field; /* the typed field, or NULL */
	int error;         /* enum wizard_error */
	int exit;          /* 1 when the last action asked to exit */
	int key_set;       /* an answers key that must be set, or -1 */
};

#define TO_Q1 "2" /* English */
#define CITIES TO_Q1 "shanghai" K_ENTER "chengdu" K_ENTER
#define TO_INCOME                                                                                            \
	CITIES "1"                                                                                           \
	       "199005" K_ENTER "2"                                                                          \
	       "1"                                                                                           \
	       "1"

static const struct tcase cases[] = {
    {"nothing done", "", WIZ_SCREEN_LANG, -1, MSG_ZH, NULL, 0, 0, -1},
    {"Enter takes the highlighted language", K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_ZH, "", 0,
     0, -1},
    {"2 is English", TO_Q1, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "", 0, 0, -1},
    {"Enter on an untouched city list is refused", TO_Q1 K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY,
     MSG_EN, "", WIZ_ERR_NO_MATCH, 0, -1},
    {"a moved highlight may be taken", TO_Q1 K_DOWN K_UP K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_HUKOU_CITY,
     MSG_EN, "", 0, 0, ANSWERS_WORK_CITY},
    {"typing filters, Enter picks", TO_Q1 "sh" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_HUKOU_CITY, MSG_EN, "",
     0, 0, ANSWERS_WORK_CITY},
    {"no match", TO_Q1 "zzz" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "zzz", WIZ_ERR_NO_MATCH,
     0, -1},
    {"full-width letters", TO_Q1 "ｃｑ" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_HUKOU_CITY, MSG_EN, "", 0, 0,
     ANSWERS_WORK_CITY},
    {"Backspace on an empty field goes back", TO_Q1 K_ERASE, WIZ_SCREEN_LANG, -1, MSG_EN, NULL, 0, 0, -1},
    {"'-' on an empty field goes back", TO_Q1 "-", WIZ_SCREEN_LANG, -1, MSG_EN, NULL, 0, 0, -1},
    {"permit skipped for the same city", TO_Q1 "sh" K_ENTER "sh" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_BIRTH,
     MSG_EN, "", 0, 0, -1},
    {"permit asked for different cities", CITIES, WIZ_SCREEN_QUESTION, ANSWERS_RESIDENCE_PERMIT, MSG_EN, NULL,
     0, 0, -1},
    {"a digit picks a choice", CITIES "1", WIZ_SCREEN_QUESTION, ANSWERS_BIRTH, MSG_EN, "", 0, 0,
     ANSWERS_RESIDENCE_PERMIT},
    {"birth as six digits",
     CITIES "1"
            "199005" K_ENTER,
     WIZ_SCREEN_QUESTION, ANSWERS_SEX, MSG_EN, NULL, 0, 0, ANSWERS_BIRTH},
    {"birth with a dash",
     CITIES "1"
            "1990-05" K_ENTER,
     WIZ_SCREEN_QUESTION, ANSWERS_SEX, MSG_EN, NULL, 0, 0, ANSWERS_BIRTH},
    {"birth month 13",
     CITIES "1"
            "199013" K_ENTER,
     WIZ_SCREEN_QUESTION, ANSWERS_BIRTH, MSG_EN, "199013", WIZ_ERR_ANSWER, 0, -1},
    /* kept as typed, so that Enter gets the range message: 1e3 is never 13 */
    {"a letter in a number field",
     CITIES "1"
            "19a",
     WIZ_SCREEN_QUESTION, ANSWERS_BIRTH, MSG_EN, "19a", WIZ_ERR_CHAR, 0, -1},
    {"1e3 is not 13", TO_INCOME "1e3" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_MONTHLY_INCOME, MSG_EN, "1e3",
     WIZ_ERR_ANSWER, 0, -1},
    {"men skip the women's category",
     CITIES "1"
            "199005" K_ENTER "1",
     WIZ_SCREEN_QUESTION, ANSWERS_WORK, MSG_EN, NULL, 0, 0, -1},
    {"women are asked it",
     CITIES "1"
            "199005" K_ENTER "2",
     WIZ_SCREEN_QUESTION, ANSWERS_FEMALE_RETIRE_AGE, MSG_EN, NULL, 0, 0, -1},
    {"full-width digits", TO_INCOME "６０００" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_EMPLOYEE_YEARS, MSG_EN,
     "", 0, 0, ANSWERS_MONTHLY_INCOME},
    {"a negative income gets the range message", TO_INCOME "-5" K_ENTER, WIZ_SCREEN_QUESTION,
     ANSWERS_MONTHLY_INCOME, MSG_EN, "-5", WIZ_ERR_ANSWER, 0, -1},
    {"income too large, typed text kept", TO_INCOME "99999999999" K_ENTER, WIZ_SCREEN_QUESTION,
     ANSWERS_MONTHLY_INCOME, MSG_EN, "99999999999", WIZ_ERR_ANSWER, 0, -1},
    {"the language switch keeps the field", TO_INCOME "6000" K_LANG, WIZ_SCREEN_QUESTION,
     ANSWERS_MONTHLY_INCOME, MSG_ZH, "6000", 0, 0, -1},
    {"back and forward keep answers",
     TO_INCOME "6000" K_BACK K_BACK K_BACK K_BACK K_ENTER K_ENTER K_ENTER K_ENTER, WIZ_SCREEN_QUESTION,
     ANSWERS_MONTHLY_INCOME, MSG_EN, "6000", 0, 0, ANSWERS_FEMALE_RETIRE_AGE},
    {"zero years skips the local years", TO_INCOME "6000" K_ENTER "0" K_ENTER, WIZ_SCREEN_QUESTION,
     ANSWERS_COVERAGE, MSG_EN, NULL, 0, 0, -1},
    {"local years above total", TO_INCOME "6000" K_ENTER "2" K_ENTER "3" K_ENTER, WIZ_SCREEN_QUESTION,
     ANSWERS_EMPLOYEE_YEARS_LOCAL, MSG_EN, "3", WIZ_ERR_ANSWER, 0, -1},
    {"no coverage skips its city", TO_INCOME "6000" K_ENTER "0" K_ENTER "1", WIZ_SCREEN_QUESTION,
     ANSWERS_GAP_MONTHS, MSG_EN, "", 0, 0, -1},
    {"stay may be left empty",
     TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
               "0" K_ENTER K_ENTER,
     WIZ_SCREEN_QUESTION, ANSWERS_RETIRE_CITY, MSG_EN, NULL, 0, 0, -1},
    {"the end is the comparison",
     TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
               "0" K_ENTER K_ENTER "3",
     WIZ_SCREEN_COMPARE, -1, MSG_EN, NULL, 0, 0, -1},
    {"help and back", TO_INCOME K_HELP K_BACK, WIZ_SCREEN_QUESTION, ANSWERS_MONTHLY_INCOME, MSG_EN, "", 0, 0,
     -1},
    {"help screen", TO_INCOME K_HELP, WIZ_SCREEN_HELP, -1, MSG_EN, NULL, 0, 0, -1},
    {"quit from help, refused, then back from help", TO_INCOME K_HELP K_QUIT "2" K_BACK, WIZ_SCREEN_QUESTION,
     ANSWERS_MONTHLY_INCOME, MSG_EN, "", 0, 0, -1},
    {"quit asks", TO_INCOME K_QUIT, WIZ_SCREEN_QUIT, -1, MSG_EN, NULL, 0, 0, -1},
    {"quit refused", TO_INCOME K_QUIT "2", WIZ_SCREEN_QUESTION, ANSWERS_MONTHLY_INCOME, MSG_EN, "", 0, 0, -1},
    {"quit confirmed", TO_INCOME K_QUIT "1", WIZ_SCREEN_QUIT, -1, MSG_EN, NULL, 0, 1, -1},
    {"what-if income",
     TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
               "0" K_ENTER K_ENTER "3" K_INCOME "9000" K_ENTER,
     WIZ_SCREEN_COMPARE, -1, MSG_EN, NULL, 0, 0, ANSWERS_MONTHLY_INCOME},
    {"detail by digit and back",
     TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
               "0" K_ENTER K_ENTER "3"
               "2" K_BACK,
     WIZ_SCREEN_COMPARE, -1, MSG_EN, NULL, 0, 0, -1},
    {"back from the comparison",
     TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
               "0" K_ENTER K_ENTER "3" K_BACK,
     WIZ_SCREEN_QUESTION, ANSWERS_RETIRE_CITY, MSG_EN, NULL, 0, 0, -1},
    {"garbage bytes are only characters", TO_Q1 "\xff\xfe\x80\xc3", WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY,
     MSG_EN, NULL, 0, 0, -1},
    {"without digit picks a digit is typed", TO_Q1 "9" K_TIMEOUT, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY,
     MSG_EN, "9", 0, 0, -1},
    /* fields */
    {"'.' erases in a city field", TO_Q1 "shanghai.", WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN,
     "shangha", 0, 0, -1},
    {"'.' on an empty field stays", TO_Q1 "..", WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "", 0, 0, -1},
    {"'.' erases in a number field", TO_INCOME "60000.", WIZ_SCREEN_QUESTION, ANSWERS_MONTHLY_INCOME, MSG_EN,
     "6000", 0, 0, -1},
    {"years: '.' is the point", TO_INCOME "6000" K_ENTER "3.", WIZ_SCREEN_QUESTION, ANSWERS_EMPLOYEE_YEARS,
     MSG_EN, "3.", 0, 0, -1},
    {"years: '.' after the point erases it and a digit", TO_INCOME "6000" K_ENTER "35..", WIZ_SCREEN_QUESTION,
     ANSWERS_EMPLOYEE_YEARS, MSG_EN, "3", 0, 0, -1},
    {"years: '.' after a tenth erases it", TO_INCOME "6000" K_ENTER "3.5.", WIZ_SCREEN_QUESTION,
     ANSWERS_EMPLOYEE_YEARS, MSG_EN, "3.", 0, 0, -1},
    {"Ctrl-U clears the field", TO_Q1 "shanghai" K_CLEAR, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "",
     0, 0, -1},
    {"a held Backspace stops at the empty field", TO_Q1 "sh" K_ERASE K_REPEAT K_REPEAT K_REPEAT,
     WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "", 0, 0, -1},
    {"then a fresh Backspace goes back", TO_Q1 "sh" K_ERASE K_REPEAT K_REPEAT K_ERASE, WIZ_SCREEN_LANG, -1,
     MSG_EN, NULL, 0, 0, -1},
    {"a held Backspace never eats the answer before",
     TO_Q1 "shanghai" K_ENTER "cd" K_ERASE K_REPEAT K_ERASE K_REPEAT K_REPEAT, WIZ_SCREEN_QUESTION,
     ANSWERS_WORK_CITY, MSG_EN, "shanghai", 0, 0, -1},
    {"'.' in the what-if income erases",
     TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
               "0" K_ENTER K_ENTER "3"
               "."
               "95." K_ENTER,
     WIZ_SCREEN_COMPARE, -1, MSG_EN, NULL, 0, 0, -1},
};

/* At a terminal (digit_picks on): a lone digit on a list, pages. */
static const struct tcase terminal_cases[] = {
    {"a lone digit picks after the wait", TO_Q1 "9" K_TIMEOUT, WIZ_SCREEN_QUESTION, ANSWERS_HUKOU_CITY,
     MSG_EN, "", 0, 0, ANSWERS_WORK_CITY},
    {"a lone digit waits", TO_Q1 "9", WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "9", 0, 0, -1},
    {"two digits are a code", TO_Q1 "51" K_TIMEOUT, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "51", 0,
     0, -1},
    {"Enter takes a lone digit at once", TO_Q1 "1" K_ENTER, WIZ_SCREEN_QUESTION, ANSWERS_HUKOU_CITY, MSG_EN,
     "", 0, 0, ANSWERS_WORK_CITY},
    {"a digit after letters picks from their list",
     TO_Q1 "cd"
           "3" K_TIMEOUT,
     WIZ_SCREEN_QUESTION, ANSWERS_HUKOU_CITY, MSG_EN, "", 0, 0, ANSWERS_WORK_CITY},
    {"a letter after a digit is a search", TO_Q1 "5a", WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "5a",
     0, 0, -1},
    {"'.' takes back a waiting digit", TO_Q1 "9." K_TIMEOUT, WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN,
     "", 0, 0, -1},
    {"+ pages on, Enter takes the first of the page", TO_Q1 "+" K_ENTER, WIZ_SCREEN_QUESTION,
     ANSWERS_HUKOU_CITY, MSG_EN, "", 0, 0, ANSWERS_WORK_CITY},
    {"'-' on a later page pages back", TO_Q1 "+-", WIZ_SCREEN_QUESTION, ANSWERS_WORK_CITY, MSG_EN, "", 0, 0,
     -1},
    {"the keypad's '-' on a later page pages back", TO_Q1 K_PGDN K_KPMINUS, WIZ_SCREEN_QUESTION,
     ANSWERS_WORK_CITY, MSG_EN, "", 0, 0, -1},
    {"the keypad's '-' on the first page goes back", TO_Q1 K_KPMINUS, WIZ_SCREEN_LANG, -1, MSG_EN, NULL, 0, 0,
     -1},
};

static uint32_t
next_cp(const unsigned char **s)
{
	uint32_t c = *(*s)++;
	int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	if (c >= 0x80 && n == 0)
		return 0xFFFD;
	c &= n == 3 ? 0x07 : n == 2 ? 0x0F : n == 1 ? 0x1F : 0x7F;
	while (n-- > 0 && (**s & 0xC0) == 0x80)
		c = (c << 6) | (*(*s)++ & 0x3F);
	return c;
}

static enum wizard_result
play(struct wizard *w, const char *script)
{
	static const enum wizard_act keys[] = {
	    [1] = WIZ_ACT_ENTER,   [2] = WIZ_ACT_BACK,       [3] = WIZ_ACT_ERASE,    [4] = WIZ_ACT_HELP,
	    [5] = WIZ_ACT_LANG,    [6] = WIZ_ACT_QUIT,       [7] = WIZ_ACT_DOWN,     [14] = WIZ_ACT_UP,
	    [15] = WIZ_ACT_INCOME, [16] = WIZ_ACT_BASE,      [17] = WIZ_ACT_TIMEOUT, [18] = WIZ_ACT_CLEAR,
	    [19] = WIZ_ACT_ERASE,  [20] = WIZ_ACT_PAGE_DOWN, [21] = WIZ_ACT_BACK,    [22] = WIZ_ACT_END,
	    [23] = WIZ_ACT_HOME,
	};
	enum wizard_result r = WIZ_IDLE;
	const unsigned char *s = (const unsigned char *)script;
	while (*s) {
		struct wizard_action a = {0};
		if (*s < sizeof keys / sizeof keys[0] && keys[*s] != WIZ_ACT_NONE) {
			a.repeat = *s == 19;
			a.ch = *s == 21 ? '-' : 0;
			a.act = keys[*s++];
		} else {
			a.act = WIZ_ACT_CHAR;
			a.ch = next_cp(&s);
		}
		r = wizard_act(w, &a);
	}
	return r;
}

static void
test_scripts(void **state)
{
	static struct wizard w;
	struct policy_set *ps = *state;
	int failures = 0;
	size_t ncases = sizeof cases / sizeof cases[0];
	for (size_t i = 0; i < ncases + sizeof terminal_cases / sizeof terminal_cases[0]; i++) {
		const struct tcase *c = i < ncases ? &cases[i] : &terminal_cases[i - ncases];
		wizard_init(&w, ps, (struct date){2025, 6, 1}, MSG_ZH, false);
		w.digit_picks = i >= ncases;
		enum wizard_result r = play(&w, c->script);
		const struct wizard_question *q = wizard_question(&w);
		char field[256];
		wizard_field_utf8(&w, field, sizeof field);
		int got_q = q ? (int)q->key : -1;
#define EXPECT(cond, ...)                                                                                    \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			print_message("case %zu (%s): ", i, c->name);                                        \
			print_message(__VA_ARGS__);                                                          \
			print_message("\n");                                                                 \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)
		EXPECT(w.screen == c->screen, "screen %d, want %d", w.screen, c->screen);
		EXPECT(got_q == c->question, "question %d, want %d", got_q, c->question);
		EXPECT(w.lang == c->lang, "lang %d", w.lang);
		EXPECT(c->field == NULL || strcmp(field, c->field) == 0, "field \"%s\", want \"%s\"", field,
		       c->field ? c->field : "");
		EXPECT((int)w.error == c->error, "error %d, want %d", w.error, c->error);
		EXPECT((r == WIZ_EXIT) == (c->exit == 1), "result %d", r);
		EXPECT(c->key_set < 0 || (w.a.set & (1u << c->key_set)), "key %d not set", c->key_set);
	}
	assert_int_equal(failures, 0);
}

/* Which entry a digit, a page or End took; the coverage city offers the
 * cities already named first. */
static void
test_lists(void **state)
{
	static struct wizard w;
	static const struct {
		const char *script;
		int work_city;
	} cases[] = {
	    {TO_Q1 "9" K_TIMEOUT, 310000},
	    {TO_Q1 "+1" K_TIMEOUT, 320000},
	    {TO_Q1 K_PGDN K_PGDN "3" K_ENTER, 460000},
	    {TO_Q1 K_END K_ENTER, 650000},
	    {TO_Q1 "+" K_HOME K_ENTER, 110000},
	    {TO_Q1 "cd3" K_TIMEOUT, 510100},
	    {TO_Q1 "++++1" K_ENTER, 110000}, /* the last page wraps to the first */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		wizard_init(&w, *state, (struct date){2025, 6, 1}, MSG_EN, false);
		w.digit_picks = true;
		play(&w, cases[i].script);
		if (w.a.work_city != cases[i].work_city)
			print_message("case %zu: work city %d\n", i, w.a.work_city);
		assert_int_equal(w.a.work_city, cases[i].work_city);
	}
	wizard_init(&w, *state, (struct date){2025, 6, 1}, MSG_EN, false);
	w.digit_picks = true;
	play(&w, TO_INCOME "6000" K_ENTER "0" K_ENTER "3");
	assert_non_null(wizard_question(&w));
	assert_int_equal(wizard_question(&w)->key, ANSWERS_COVERAGE_CITY);
	assert_true(w.nmatches > 2);
	assert_int_equal(w.matches[0].row->code, 310000);
	assert_int_equal(w.matches[1].row->code, 510100);
	play(&w, "2" K_TIMEOUT);
	assert_int_equal(w.a.coverage_city, 510100);
}

/* The what-if income reaches the advice; wizard_reset forgets everything. */
static void
test_whatif_and_reset(void **state)
{
	static struct wizard w;
	wizard_init(&w, *state, (struct date){2025, 6, 1}, MSG_EN, false);
	play(&w, TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
	                   "0" K_ENTER K_ENTER "3");
	assert_int_equal(w.screen, WIZ_SCREEN_COMPARE);
	int64_t share = w.adv.options[1].low.share_ppm;
	play(&w, K_INCOME "12000" K_ENTER);
	assert_int_equal(w.a.monthly_income, 12000);
	assert_true(w.adv.options[1].low.share_ppm < share);
	play(&w, K_BASE);
	assert_int_equal(w.params.base_mode, ADVICE_BASE_LOWEST);
	play(&w, K_BASE "7000" K_ENTER);
	assert_int_equal(w.params.base_mode, ADVICE_BASE_AMOUNT);
	assert_int_equal(w.params.base_amount, 700000);
	wizard_reset(&w);
	assert_int_equal(w.screen, WIZ_SCREEN_LANG);
	assert_int_equal(w.a.set, 0);
	assert_int_equal(w.a.monthly_income, 0);
	for (int k = 0; k < ANSWERS_KEY_COUNT; k++)
		assert_int_equal(w.input_len[k], 0);
}

/* Kiosk: the staff code works the first time, even after a what-if edit
 * left other digits in the edit buffer; "start over" wipes. */
static void
test_kiosk(void **state)
{
	static struct wizard w;
	wizard_init(&w, *state, (struct date){2025, 6, 1}, MSG_EN, false);
	assert_true(wizard_set_kiosk(&w, "2468"));
	play(&w, TO_INCOME "6000" K_ENTER "0" K_ENTER "1"
	                   "0" K_ENTER K_ENTER "3" K_INCOME "97531" K_BACK);
	assert_int_equal(w.screen, WIZ_SCREEN_COMPARE);
	assert_int_equal(play(&w, K_QUIT), WIZ_REDRAW);
	assert_int_equal(w.screen, WIZ_SCREEN_QUIT);
	assert_int_equal(play(&w, K_QUIT), WIZ_IDLE); /* a second quit does not end a kiosk */
	assert_int_equal(play(&w, "13" K_ENTER), WIZ_REDRAW);
	assert_int_equal(w.error, WIZ_ERR_STAFF);
	assert_int_equal(play(&w, "2468" K_ENTER), WIZ_EXIT);
	/* start over: Up to the first item, Enter */
	wizard_init(&w, *state, (struct date){2025, 6, 1}, MSG_EN, false);
	wizard_set_kiosk(&w, "2468");
	play(&w, TO_INCOME "6000" K_QUIT K_UP K_ENTER);
	assert_int_equal(w.screen, WIZ_SCREEN_LANG);
	assert_int_equal(w.a.set, 0);
	assert_true(w.kiosk);
	assert_int_equal(play(&w, K_QUIT "2468" K_ENTER), WIZ_EXIT);
}

/* The terminal that cannot draw Chinese keeps English. */
static void
test_locked(void **state)
{
	static struct wizard w;
	wizard_init(&w, *state, (struct date){2025, 6, 1}, MSG_ZH, true);
	assert_int_equal(w.lang, MSG_EN);
	play(&w, "1" K_LANG);
	assert_int_equal(w.lang, MSG_EN);
}

/* Every help topic the wizard can open exists in both languages, with a
 * title line, and no help file is left unreachable. */
struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file help_files[];
extern const size_t help_files_count;

static void
test_help_topics(void **state)
{
	(void)state;
	static const char *const langs[] = {"en", "zh"};
	for (int t = 0; t < wizard_ntopics; t++) {
		for (int l = 0; l < 2; l++) {
			char name[128];
			bool found = false;
			snprintf(name, sizeof name, "%s/%s.txt", langs[l], wizard_topics[t]);
			for (size_t i = 0; i < help_files_count; i++) {
				if (strcmp(help_files[i].name, name) != 0)
					continue;
				found = true;
				/* a title, then an empty line */
				const char *d = (const char *)help_files[i].data;
				const char *nl = memchr(d, '\n', help_files[i].len);
				if (nl == NULL || nl == d || (size_t)(nl - d) + 1 >= help_files[i].len ||
				    nl[1] != '\n')
					fail_msg("%s: no title line followed by an empty line", name);
			}
			if (!found)
				fail_msg("help topic %s is missing", name);
		}
	}
	assert_int_equal(help_files_count, (size_t)wizard_ntopics * 2);
	/* the first topics are the questions, in the order of the answers keys */
	for (int q = 0; q < wizard_nquestions; q++)
		assert_string_equal(wizard_topics[wizard_questions[q].key - ANSWERS_WORK_CITY],
		                    answers_key_name(wizard_questions[q].key));
}

/* Every next step has a help topic of its own, among those the help screen
 * cycles through, in both languages, and nothing out of range has one. */
static void
test_step_topics(void **state)
{
	(void)state;
	static const char *const langs[] = {"en", "zh"};
	assert_null(wizard_step_topic(ADVICE_STEP_COUNT));
	assert_null(wizard_step_topic((enum advice_step_id) - 1));
	for (int s = 0; s < ADVICE_STEP_COUNT; s++) {
		const char *topic = wizard_step_topic((enum advice_step_id)s);
		if (topic == NULL)
			fail_msg("step %d (%s) has no help topic", s,
			         advice_step_name((enum advice_step_id)s));
		bool listed = false;
		for (int t = 0; t < wizard_ntopics; t++)
			listed = listed || strcmp(wizard_topics[t], topic) == 0;
		if (!listed)
			fail_msg("step %d: topic %s is not in wizard_topics", s, topic);
		for (int o = 0; o < s; o++)
			if (strcmp(wizard_step_topic((enum advice_step_id)o), topic) == 0)
				fail_msg("steps %d and %d share the topic %s", o, s, topic);
		for (int l = 0; l < 2; l++) {
			char name[128];
			bool found = false;
			snprintf(name, sizeof name, "%s/%s.txt", langs[l], topic);
			for (size_t i = 0; i < help_files_count; i++)
				found = found || strcmp(help_files[i].name, name) == 0;
			if (!found)
				fail_msg("step %d: help file %s is missing", s, name);
		}
	}
	/* the comparison's topic has not moved */
	assert_string_equal(wizard_topics[15], "reading-the-comparison");
}

static int
setup(void **state)
{
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	if (ps == NULL || policy_set_add_builtin(ps, &err) != POLICY_OK ||
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
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scripts),
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_whatif_and_reset),
	    cmocka_unit_test(test_locked),
	    cmocka_unit_test(test_kiosk),
	    cmocka_unit_test(test_help_topics),
	    cmocka_unit_test(test_step_topics),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
