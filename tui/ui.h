/* ui.h -- the full-screen wizard: owns curses, paints the wizard's state, reads keys */
#ifndef YIBAO_UI_H
#define YIBAO_UI_H

#include "msg.h"
#include "policy.h"

/* Run the wizard on the terminal until the person quits. lang: the language
 * the environment suggests. Restores the terminal on every way out.
 * Returns the process exit status. */
int ui_run(const struct policy_set *ps, struct date as_of, enum msg_lang lang);

#endif
