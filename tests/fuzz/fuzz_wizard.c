/* fuzz_wizard.c -- libFuzzer target: keys fed to the wizard state machine, no terminal, checks after each */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cursesw.h"
#include "fuzz.h"
#include "keys.h"
#include "wizard.h"

/*
 * How the bytes are read (tests/fuzz/README.md has the table):
 *   FB f    first two bytes only: f sets kiosk (bit 0), a terminal that cannot
 *           draw Chinese (bit 1), the locale's language (bit 2: English),
 *           the date (bits 3-5) and the staff code (bit 6)
 *   FF n    a function key: KEY_* code n of the table below, else KEY_MIN + n
 *   FE n    a click or touch on list item n % 12 - 1 (mouse_action in ui.c)
 *   FD n    a resize: the painter now has n lines more than fit (scroll_max)
 *   FC      the idle timeout of a kiosk (ui.c wipes the wizard)
 *   else    a character as get_wch returns it: a well-formed UTF-8 sequence
 *           is one code point, any other byte is the code point of its value
 *           (so C0 and C1 controls, Esc and DEL arrive too)
 */
static const uint32_t fkeys[] = {
    KEY_ENTER,        KEY_LEFT,         KEY_RIGHT,        KEY_UP,           KEY_DOWN,
    KEY_BACKSPACE,    KEY_DC,           KEY_PPAGE,        KEY_NPAGE,        KEY_HOME,
    KEY_END,          KEY_IC,           KEY_BTAB,         KEY_F(1),         KEY_F(2),
    KEY_F(3),         KEY_F(4),         KEY_F(5),         KEY_F(6),         KEY_F(7),
    KEY_F(8),         KEY_F(9),         KEY_F(10),        KEY_F(11),        KEY_F(12),
    KEY_A1,           KEY_A3,           KEY_B2,           KEY_C1,           KEY_C3,
    KEY_RESIZE,       KEY_MOUSE,        KEYS_KEYPAD + 0,  KEYS_KEYPAD + 1,  KEYS_KEYPAD + 2,
    KEYS_KEYPAD + 3,  KEYS_KEYPAD + 4,  KEYS_KEYPAD + 5,  KEYS_KEYPAD + 6,  KEYS_KEYPAD + 7,
    KEYS_KEYPAD + 8,  KEYS_KEYPAD + 9,  KEYS_KEYPAD + 10, KEYS_KEYPAD + 11, KEYS_KEYPAD + 12,
    KEYS_KEYPAD + 13, KEYS_KEYPAD + 14, KEYS_KEYPAD + 15, KEYS_KEYPAD + 16, KEYS_KEYPAD + 17,
};
#define NFKEYS (sizeof fkeys / sizeof fkeys[0])

static const struct date dates[8] = {
    {2025, 6, 1}, {2019, 6, 1},   {2024, 12, 31}, {2030, 1, 1},
    {1900, 1, 1}, {2100, 12, 31}, {2025, 1, 1},   {2000, 2, 29},
};

static struct policy_set *builtin;
static struct wizard w; /* big: not on the stack */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct policy_error err;
	builtin = policy_set_new();
	CHECK(builtin != NULL);
	CHECK(policy_set_add_builtin(builtin, &err) == POLICY_OK);
	CHECK(policy_set_finish(builtin, &err) == POLICY_OK);
	return 0;
}

/* A well-formed UTF-8 sequence of 2 to 4 bytes at p: its code point and length, else 0. */
static size_t
utf8_decode(const uint8_t *p, size_t n, uint32_t *out)
{
	size_t len;
	uint32_t c, min;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2, c = p[0] & 0x1F, min = 0x80;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3, c = p[0] & 0x0F, min = 0x800;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4, c = p[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*out = c;
	return len;
}

static bool
is_scrolling(enum wizard_screen s)
{
	return s == WIZ_SCREEN_COMPARE || s == WIZ_SCREEN_DETAIL || s == WIZ_SCREEN_HELP;
}

/* What draw_body in ui.c does before every key: the scroll range of the
 * screen shown, and the scroll clamped to it. */
static void
paint(int overflow)
{
	if (!is_scrolling(w.screen))
		return;
	w.scroll_max = overflow;
	if (w.scroll > w.scroll_max)
		w.scroll = w.scroll_max;
}

/* The state the wizard keeps is the state it promises. */
static void
check_state(void)
{
	CHECK((unsigned)w.screen < WIZ_SCREEN_COUNT);
	CHECK((unsigned)w.back_to < WIZ_SCREEN_COUNT);
	/* help and the quit question go back to where they were asked from;
	 * help that returns to help (or to the question) can never be left */
	if (w.screen == WIZ_SCREEN_HELP)
		CHECK(w.back_to != WIZ_SCREEN_HELP && w.back_to != WIZ_SCREEN_QUIT);
	if (w.screen == WIZ_SCREEN_QUIT)
		CHECK(w.back_to != WIZ_SCREEN_QUIT);
	CHECK(w.lang == MSG_EN || w.lang == MSG_ZH);
	CHECK(!w.lang_locked || w.lang == MSG_EN);
	CHECK(w.lang_sel == 0 || w.lang_sel == 1);
	CHECK(w.quit_sel == 0 || w.quit_sel == 1);
	CHECK(w.q >= 0 && w.q < wizard_nquestions);
	CHECK(w.topic >= 0 && w.topic < wizard_ntopics);
	CHECK(w.error >= WIZ_ERR_NONE && w.error <= WIZ_ERR_STAFF);
	CHECK(w.scroll >= 0 && w.scroll_max >= 0);
	if (is_scrolling(w.screen))
		CHECK(w.scroll <= w.scroll_max);
	for (int k = 0; k < ANSWERS_KEY_COUNT; k++) {
		CHECK(w.input_len[k] >= 0 && w.input_len[k] <= WIZ_INPUT_MAX - 1);
		CHECK(w.sel[k] >= 0);
	}
	CHECK(w.edit_len >= 0 && w.edit_len <= WIZ_INPUT_MAX - 1);
	CHECK(w.staff_len >= 0 && w.staff_len <= WIZ_INPUT_MAX - 1);
	CHECK(w.editing == WIZ_EDIT_NONE || w.editing == WIZ_EDIT_INCOME || w.editing == WIZ_EDIT_BASE);
	if (w.editing != WIZ_EDIT_NONE)
		CHECK(w.screen == WIZ_SCREEN_COMPARE || w.screen == WIZ_SCREEN_QUIT);
	CHECK(w.nmatches >= 0 && w.nmatches <= WIZ_MATCH_MAX);
	for (int i = 0; i < w.nmatches; i++)
		CHECK(w.matches[i].row != NULL && w.matches[i].row->code != POLICY_NATIONAL &&
		      (w.matches[i].via == NULL || w.matches[i].via->region == w.matches[i].row->code));

	if (w.screen == WIZ_SCREEN_QUESTION) {
		const struct wizard_question *q = wizard_question(&w);
		CHECK(q == &wizard_questions[w.q]);
		/* the question on screen is one its skip rule shows */
		CHECK(q->shown == NULL || q->shown(&w.a));
		int step, total;
		wizard_progress(&w, &step, &total);
		CHECK(step >= 1 && step <= total && total <= wizard_nquestions);
	} else {
		CHECK(wizard_question(&w) == NULL);
	}
	int sel;
	int n = wizard_items(&w, &sel);
	CHECK(n >= 0);
	if (n > 0)
		CHECK(sel >= 0 && sel < n);
	else
		CHECK(sel == 0);

	char field[4 * WIZ_INPUT_MAX + 1];
	memset(field, 0x55, sizeof field);
	wizard_field_utf8(&w, field, sizeof field);
	CHECK(memchr(field, '\0', sizeof field) != NULL);

	if (w.screen == WIZ_SCREEN_COMPARE || w.screen == WIZ_SCREEN_DETAIL) {
		CHECK(w.adv.noptions == 2 || w.adv.noptions == 3);
		CHECK(w.option >= 0 && w.option < w.adv.noptions);
		if (w.screen == WIZ_SCREEN_DETAIL)
			CHECK(w.detail >= 0 && w.detail < w.adv.noptions);
		struct answers eff;
		wizard_answers(&w, &eff);
		fuzz_check_advice(&w.adv, &eff);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t flags = 0;
	size_t i = 0;
	if (size >= 2 && data[0] == 0xFB) {
		flags = data[1];
		i = 2;
	}
	bool kiosk = flags & 1;
	wizard_init(&w, builtin, dates[(flags >> 3) & 7], flags & 4 ? MSG_EN : MSG_ZH, flags & 2);
	if (kiosk)
		CHECK(wizard_set_kiosk(&w, flags & 64 ? "\xEF\xBC\x90"
		                                        "7"
		                                      : "0")); /* "０7" or "0" */
	const uint32_t staff_len = (uint32_t)w.staff_len;
	uint32_t staff[WIZ_INPUT_MAX];
	memcpy(staff, w.staff, sizeof staff);
	int overflow = 5;
	paint(overflow);
	check_state();

	while (i < size) {
		uint8_t b = data[i++];
		struct wizard_action act;
		bool is_key = false;
		uint32_t c = b;
		if (b >= 0xFD) {
			if (i == size)
				break;
			uint8_t n = data[i++];
			if (b == 0xFD) {
				overflow = n;
				paint(overflow);
				check_state();
				continue;
			}
			if (b == 0xFE) {
				act = (struct wizard_action){.act = WIZ_ACT_PICK, .item = n % 12 - 1};
				goto apply;
			}
			is_key = true;
			c = n < NFKEYS ? fkeys[n] : (uint32_t)KEY_MIN + n;
			if (c == KEY_RESIZE || c == KEY_MOUSE)
				continue; /* the main loop redraws, or asks the painter */
		} else if (b == 0xFC) {
			wizard_reset(&w);
			CHECK(w.screen == WIZ_SCREEN_LANG && w.a.set == 0 && w.kiosk == kiosk);
			paint(overflow);
			check_state();
			continue;
		} else if (b >= 0x80) {
			size_t len = utf8_decode(data + i - 1, size - i + 1, &c);
			if (len > 0)
				i += len - 1;
			else
				c = b;
		}
		if (kiosk && !is_key && (c == 3 || c == 17))
			continue; /* ui.c: Ctrl-C and Ctrl-Q do nothing at a kiosk */
		act = keys_action(is_key, c);
		CHECK(act.act != WIZ_ACT_PICK); /* only a click picks */
		if (act.act == WIZ_ACT_CHAR)
			CHECK(act.ch >= 0x20 && act.ch != 0x7F);
		if (act.act == WIZ_ACT_NONE)
			continue;
	apply:;
		enum wizard_screen before = w.screen;
		uint32_t typed[WIZ_INPUT_MAX];
		int typed_len = w.edit_len;
		memcpy(typed, w.edit, sizeof typed);

		enum wizard_result r = wizard_act(&w, &act);
		CHECK(r == WIZ_IDLE || r == WIZ_REDRAW || r == WIZ_EXIT || r == WIZ_PRINT);
		if (r == WIZ_PRINT) /* the caller prints w->adv: there must be one */
			CHECK(before == WIZ_SCREEN_COMPARE && w.screen == WIZ_SCREEN_COMPARE);
		CHECK(w.kiosk == kiosk && (uint32_t)w.staff_len == staff_len);
		CHECK(memcmp(w.staff, staff, sizeof staff) == 0);
		if (kiosk && before == WIZ_SCREEN_QUIT && act.act == WIZ_ACT_ENTER && typed_len > 0) {
			/* "whatever is typed is the staff code, and only it ends the program" */
			bool match = (uint32_t)typed_len == staff_len &&
			             memcmp(typed, staff, staff_len * sizeof *staff) == 0;
			CHECK((r == WIZ_EXIT) == match);
		}
		if (r == WIZ_EXIT) {
			CHECK(before == WIZ_SCREEN_QUIT);
			if (kiosk)
				CHECK(act.act == WIZ_ACT_ENTER && typed_len > 0);
			break; /* the main loop ends */
		}
		paint(overflow);
		check_state();
	}
	return 0;
}
