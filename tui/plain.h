/* plain.h -- plain mode: the wizard's interview as numbered lines, for screen readers, braille
 * displays, terminals that cannot address the cursor, and scripts */
#ifndef YIBAO_PLAIN_H
#define YIBAO_PLAIN_H

#include <stdio.h>

#include "msg.h"
#include "policy.h"

/* What plain_run returns: the process exit status. */
enum plain_status {
	PLAIN_DONE = 0,        /* the comparison was written, or the person chose to quit */
	PLAIN_INPUT_ENDED = 1, /* the input ended (or could not be read) before the last question */
	PLAIN_CATALOG = 3,     /* the built-in catalog is damaged */
	PLAIN_OUTPUT = 4,      /* out cannot be written, or not in the locale's character set */
};

/* Run the interview of tui/wizard.c line by line: each question written to
 * out as "N. prompt", its hint and its numbered choices or the expected
 * format, then "> "; one answer read from in per line. A line of "<" alone
 * goes back, "?" prints the help topic, "L" switches the language, "q"
 * quits after a yes/no question. After the last question the comparison is
 * written as text lines, one item per line, wrapped at $COLUMNS (else 80).
 * No cursor movement, no escape sequences, no redraws.
 *
 * Text is written and read in the locale's character set (nl_langinfo;
 * GB18030 and GBK are converted with iconv): a character the set lacks is
 * mapped to a near one (¥ to ￥, special spaces to a space), else written as
 * '?' and counted in a closing note. In a set without Chinese (ASCII, the C
 * locale) the interview stays in English. Messages go to out: its reader is
 * the person. lang: the language the environment suggests, offered as the
 * default of the first question. ps is borrowed. Never waits on anything but
 * in, never loops without reading: at the end of in it stops with a message.
 * Leaves the catalog open in the language it found. Returns a plain_status. */
int plain_run(const struct policy_set *ps, struct date as_of, enum msg_lang lang, FILE *in, FILE *out);

#endif
