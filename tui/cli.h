/* cli.h -- what every subcommand needs: today's date, a whole file read, a message to a stream */
#ifndef YIBAO_CLI_H
#define YIBAO_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "msg.h"

/* Today in the local time zone (the default as-of date). */
struct date cli_today(void);

/* The whole file at path ("-": standard input) in a malloc'ed buffer, at
 * most max bytes. NULL with errno set on failure (EFBIG when larger). */
char *cli_read_file(const char *path, size_t max, size_t *len);

/* The message key, formatted with args, and a newline, to f. */
void cli_say(FILE *f, const char *key, const struct msg_arg *args, int n);

#endif
