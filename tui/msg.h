/* msg.h -- the message catalog: ICU resource bundles built from locales/ into the program */
#ifndef YIBAO_MSG_H
#define YIBAO_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers.h"
#include "policy.h"

enum msg_lang { MSG_EN, MSG_ZH, MSG_LANG_COUNT };

/* The language the environment asks for: LC_ALL, then LC_MESSAGES, then
 * LANG; "zh…" gives MSG_ZH, anything else MSG_EN. */
enum msg_lang msg_lang_from_env(void);

/* Parse "en" or "zh"; false for anything else. */
bool msg_lang_parse(const char *s, enum msg_lang *out);

/* Open the catalog built into the program for lang. Returns false (and the
 * program must stop) only when the built-in data is damaged. */
bool msg_open(enum msg_lang lang);
void msg_close(void);
enum msg_lang msg_lang(void);

/* One argument of a message: ICU MessageFormat numbered arguments {0}, {1}… */
enum msg_arg_type { MSG_INT, MSG_DOUBLE, MSG_STR };
struct msg_arg {
	enum msg_arg_type type;
	int64_t i;
	double d;
	const char *s; /* UTF-8 */
};
#define MSG_I(x) ((struct msg_arg){.type = MSG_INT, .i = (x)})
#define MSG_D(x) ((struct msg_arg){.type = MSG_DOUBLE, .d = (x)})
#define MSG_S(x) ((struct msg_arg){.type = MSG_STR, .s = (x)})

/* Format the message `key` of the open catalog with args into buf (UTF-8,
 * NUL-terminated, cut at a character boundary when too long). Returns the
 * length written; a missing key writes the key itself in brackets. */
size_t msg_format(char *buf, size_t cap, const char *key, const struct msg_arg *args, int nargs);

/* A sentence for an answers error: names the key and the allowed values or
 * range, in the catalog's language ("monthly_income: must be a whole number
 * from 0 to 10000000"). file may be NULL; with it, "file:line: " leads. */
size_t msg_answers_error(char *buf, size_t cap, const char *file, const struct answers_error *err);

/* "file:line: what is wrong" for a policy error. */
size_t msg_policy_error(char *buf, size_t cap, const struct policy_error *err);

#endif
