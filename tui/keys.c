/* keys.c -- physical keys to wizard actions, from one table */
#include "keys.h"

#include "cursesw.h"

struct binding {
	bool is_key;
	uint32_t code;
	enum wizard_act act;
};

/* Keyboard, numeric keypad (its '-', '*', '/' arrive as characters) and the
 * keys a counter terminal's function row sends. */
static const struct binding bindings[] = {
	{true, KEY_ENTER, WIZ_ACT_ENTER},
	{false, '\n', WIZ_ACT_ENTER},
	{false, '\r', WIZ_ACT_ENTER},
	{false, 27, WIZ_ACT_BACK}, /* Esc */
	{true, KEY_LEFT, WIZ_ACT_BACK},
	{true, KEY_BACKSPACE, WIZ_ACT_ERASE},
	{false, 127, WIZ_ACT_ERASE},
	{false, 8, WIZ_ACT_ERASE},
	{true, KEY_DC, WIZ_ACT_ERASE},
	{true, KEY_UP, WIZ_ACT_UP},
	{true, KEY_DOWN, WIZ_ACT_DOWN},
	{true, KEY_PPAGE, WIZ_ACT_PAGE_UP},
	{true, KEY_NPAGE, WIZ_ACT_PAGE_DOWN},
	{true, KEY_RIGHT, WIZ_ACT_NEXT},
	{false, '\t', WIZ_ACT_NEXT},
	{true, KEY_F(1), WIZ_ACT_HELP},
	{false, '?', WIZ_ACT_HELP},
	{false, '/', WIZ_ACT_HELP},
	{true, KEY_F(2), WIZ_ACT_LANG},
	{false, '*', WIZ_ACT_LANG},
	{true, KEY_F(3), WIZ_ACT_BASE},
	{true, KEY_F(4), WIZ_ACT_INCOME},
	{true, KEY_F(5), WIZ_ACT_PRINT},
	{true, KEY_F(10), WIZ_ACT_QUIT},
	{false, 3, WIZ_ACT_QUIT},   /* Ctrl-C: asks first */
	{false, 17, WIZ_ACT_QUIT},  /* Ctrl-Q */
	{false, 26, WIZ_ACT_NONE},  /* Ctrl-Z: no way out to a shell */
	{false, 28, WIZ_ACT_NONE},  /* Ctrl-\ */
	/* keypad keys in application mode */
	{true, KEY_A1, WIZ_ACT_NONE},
	{true, KEY_C1, WIZ_ACT_NONE},
	{true, KEY_B2, WIZ_ACT_NONE},
};

const struct keys_seq keys_keypad[] = {
	{"\033OM", '\r'}, {"\033Oj", '*'}, {"\033Ok", '+'}, {"\033Om", '-'}, {"\033On", '.'},
	{"\033Oo", '/'},   {"\033Op", '0'}, {"\033Oq", '1'}, {"\033Or", '2'}, {"\033Os", '3'},
	{"\033Ot", '4'},   {"\033Ou", '5'}, {"\033Ov", '6'}, {"\033Ow", '7'}, {"\033Ox", '8'},
	{"\033Oy", '9'},   {"\033OX", '='},
};
const int keys_nkeypad = sizeof keys_keypad / sizeof keys_keypad[0];

struct wizard_action
keys_action(bool is_key, uint32_t c)
{
	if (is_key && c >= KEYS_KEYPAD && c < KEYS_KEYPAD + (uint32_t)keys_nkeypad) {
		/* the keypad's own - * / keys are back, language and help
		 * everywhere; the same characters typed on the keyboard may be
		 * text (a "-" in a number field gets its message there) */
		c = keys_keypad[c - KEYS_KEYPAD].ch;
		if (c == '-')
			return (struct wizard_action){.act = WIZ_ACT_BACK};
		if (c == '*')
			return (struct wizard_action){.act = WIZ_ACT_LANG};
		if (c == '/')
			return (struct wizard_action){.act = WIZ_ACT_HELP};
		is_key = false;
	}
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].is_key == is_key && bindings[i].code == c)
			return (struct wizard_action){.act = bindings[i].act};
	if (is_key || c < 0x20 || c == 0x7F)
		return (struct wizard_action){.act = WIZ_ACT_NONE};
	return (struct wizard_action){.act = WIZ_ACT_CHAR, .ch = c};
}
