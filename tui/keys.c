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
    {true, KEY_F(6), WIZ_ACT_TIER},
    {true, KEY_F(10), WIZ_ACT_QUIT},
    {true, KEY_HOME, WIZ_ACT_HOME},
    {true, KEY_END, WIZ_ACT_END},
    {false, 21, WIZ_ACT_CLEAR}, /* Ctrl-U */
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
    {"\033OM", '\r'}, {"\033Oj", '*'}, {"\033Ok", '+'}, {"\033Om", '-'}, {"\033On", '.'}, {"\033Oo", '/'},
    {"\033Op", '0'},  {"\033Oq", '1'}, {"\033Or", '2'}, {"\033Os", '3'}, {"\033Ot", '4'}, {"\033Ou", '5'},
    {"\033Ov", '6'},  {"\033Ow", '7'}, {"\033Ox", '8'}, {"\033Oy", '9'}, {"\033OX", '='},
};
const int keys_nkeypad = sizeof keys_keypad / sizeof keys_keypad[0];

/* What the SSH clients and consoles people use send, whatever TERM says:
 * the painter defines each (define_key), so a terminfo entry that lacks one
 * does not turn the key into an unknown sequence. */
const struct keys_client keys_clients[] = {
    /* PuTTY's default function keys ("ESC[n~"), and rxvt's */
    {"\033[11~", KEY_F(1)},
    {"\033[12~", KEY_F(2)},
    {"\033[13~", KEY_F(3)},
    {"\033[14~", KEY_F(4)},
    /* xterm, SecureCRT and Xshell (xterm and VT100 modes: PF1-PF4), PuTTY's xterm mode */
    {"\033OP", KEY_F(1)},
    {"\033OQ", KEY_F(2)},
    {"\033OR", KEY_F(3)},
    {"\033OS", KEY_F(4)},
    {"\033[1;2P", KEY_F(1)}, /* a modifier held by mistake is still F1 */
    {"\033[15~", KEY_F(5)},
    {"\033[21~", KEY_F(10)},
    /* the Linux console, and PuTTY in its Linux mode */
    {"\033[[A", KEY_F(1)},
    {"\033[[B", KEY_F(2)},
    {"\033[[C", KEY_F(3)},
    {"\033[[D", KEY_F(4)},
    {"\033[[E", KEY_F(5)},
    /* Home and End: PuTTY, the Linux console, VT220 ("ESC[1~", "ESC[4~"); xterm,
     * SecureCRT and Xshell in normal and application cursor mode; rxvt */
    {"\033[1~", KEY_HOME},
    {"\033[4~", KEY_END},
    {"\033[H", KEY_HOME},
    {"\033[F", KEY_END},
    {"\033OH", KEY_HOME},
    {"\033OF", KEY_END},
    {"\033[7~", KEY_HOME},
    {"\033[8~", KEY_END},
    /* the cursor keys and paging keys in both cursor modes */
    {"\033[A", KEY_UP},
    {"\033[B", KEY_DOWN},
    {"\033[C", KEY_RIGHT},
    {"\033[D", KEY_LEFT},
    {"\033OA", KEY_UP},
    {"\033OB", KEY_DOWN},
    {"\033OC", KEY_RIGHT},
    {"\033OD", KEY_LEFT},
    {"\033[5~", KEY_PPAGE},
    {"\033[6~", KEY_NPAGE},
    {"\033[3~", KEY_DC},
};
const int keys_nclients = sizeof keys_clients / sizeof keys_clients[0];

struct wizard_action
keys_action(bool is_key, uint32_t c)
{
	if (is_key && c >= KEYS_KEYPAD && c < KEYS_KEYPAD + (uint32_t)keys_nkeypad) {
		/* the keypad's own - * / keys are back, language and help
		 * everywhere; the same characters typed on the keyboard may be
		 * text (a "-" in a number field gets its message there) */
		c = keys_keypad[c - KEYS_KEYPAD].ch;
		if (c == '-') /* ch: the keypad's, not Esc (a list pages back with it) */
			return (struct wizard_action){.act = WIZ_ACT_BACK, .ch = '-'};
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
