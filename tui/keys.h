/* keys.h -- physical keys to wizard actions, from one table */
#ifndef YIBAO_KEYS_H
#define YIBAO_KEYS_H

#include <stdbool.h>
#include <stdint.h>

#include "wizard.h"

/* The numeric keypad in application mode (what keypad() asks a terminal
 * for) sends ESC O x; not every terminfo entry names those keys, so the
 * painter defines them all (define_key) as KEYS_KEYPAD + i. */
struct keys_seq {
	const char *seq;
	uint32_t ch; /* the character the key stands for; '\r' for Enter */
};
extern const struct keys_seq keys_keypad[];
extern const int keys_nkeypad;
#define KEYS_KEYPAD 0x2000

/* Bracketed paste (turned on by the painter): the sequences around a paste,
 * defined as these key codes. */
#define KEYS_PASTE_BEGIN 0x2100
#define KEYS_PASTE_END 0x2101

/* Sequences SSH clients (PuTTY, SecureCRT, Xshell) and the Linux console
 * send for F1-F5, F10, Home, End and the cursor keys, each with the KEY_*
 * code it stands for; the painter defines them all. */
struct keys_client {
	const char *seq;
	int key;
};
extern const struct keys_client keys_clients[];
extern const int keys_nclients;

/* The action for a key read with get_wch: is_key when it was a KEY_* code,
 * else the character c (a code point). */
struct wizard_action keys_action(bool is_key, uint32_t c);

#endif
