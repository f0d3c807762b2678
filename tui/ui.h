/* ui.h -- the full-screen wizard: owns curses, paints the wizard's state, reads keys */
#ifndef YIBAO_UI_H
#define YIBAO_UI_H

#include <stdbool.h>

#include "msg.h"
#include "policy.h"

struct ui_options {
	bool kiosk;                 /* no way out but the staff code; idle wipe */
	const char *staff_code;     /* kiosk: what ends the program */
	int idle_seconds;           /* kiosk: wipe and start over after this long untouched */
	const char *print_cmd;      /* the print action: a command fed the receipt, or a file path */
	int print_width;            /* receipt columns: 32, 42 or 48 */
	const char *print_encoding; /* utf-8, gb18030 or gbk */
	bool print_escpos;          /* add the printer's control bytes */
};

/* Run the wizard on the terminal until the person quits (or, in kiosk mode,
 * staff end it). lang: the language the environment suggests. Restores the
 * terminal on every way out, fatal signals included. Returns the process exit
 * status: 0, or 1 when the terminal went away. */
int ui_run(const struct policy_set *ps, struct date as_of, enum msg_lang lang, const struct ui_options *opt);

/* The clock the kiosk's idle timer reads, in seconds (NULL: the monotonic
 * clock, the default). For tests only: the program never sets it, so no
 * option or environment shortens or stops the wipe; a test program linked
 * with the library (tests/yibao_fakeclock.c) sets it before ui_run. */
void ui_set_idle_clock(double (*clock)(void));

/* Whether TERM names a terminal that can address the cursor: set, not
 * "dumb", with a terminfo entry that has cup. Reads terminfo, writes
 * nothing. When false, the interview runs in plain mode (tui/plain.h). */
bool ui_can_address(void);

#endif
