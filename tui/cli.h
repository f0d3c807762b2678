/* cli.h -- what every subcommand needs: today's date, a whole file read, a message to a stream */
#ifndef YIBAO_CLI_H
#define YIBAO_CLI_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "date.h"
#include "msg.h"

/* Every mode holds personal answers: no core file, and no other process
 * of the same user may attach (ptrace) or read its memory. Call first. */
void cli_protect(void);

/* Today in the local time zone (the default as-of date). */
struct date cli_today(void);

/* The errno of a path that is not a regular file (a FIFO, a device, a
 * directory): refused at once, never read (a FIFO would block for ever). */
#define CLI_ENOTREG ENOTSUP

/* What errno e means, in the user's language for CLI_ENOTREG (into buf),
 * else strerror's words. */
const char *cli_strerror(int e, char *buf, size_t cap);

/* The whole file at path ("-": standard input) in a malloc'ed buffer, at
 * most max bytes. NULL with errno set on failure (EFBIG when larger,
 * CLI_ENOTREG when path is not a regular file). */
char *cli_read_file(const char *path, size_t max, size_t *len);

/* The message key, formatted with args, and a newline, to f. */
void cli_say(FILE *f, const char *key, const struct msg_arg *args, int n);

/* The message in both languages, English first, one line each: for what
 * is said before the person has chosen a language. The open catalog is
 * kept. */
void cli_say_both(FILE *f, const char *key, const struct msg_arg *args, int n);

/* The locale's character set where it is a Chinese one the program writes
 * and reads (GB18030, GBK, GB2312), else NULL: UTF-8 (or plain ASCII). */
const char *cli_locale_gb(void);

/* Text for a person in the locale's character set: in a GB18030, GBK or
 * GB2312 locale, *stream (stdout or stderr) becomes a stream that converts
 * the program's UTF-8 to it (enc.h), writing through to the one it was at
 * every flush. In any other locale nothing changes (UTF-8 stays as it is).
 * False when the converting stream could not be made (the stream is kept). */
bool cli_locale_text(FILE **stream);

/* Standard output back as it was, for what is not text for a person or
 * converts on its own: JSON (UTF-8 by definition), CSV, a receipt in its
 * chosen encoding, the wizard's terminal. Called before writing any. */
void cli_raw_stdout(void);

/* The converting streams flushed, closed and the standard ones back, at
 * the end. False when something written to standard output was lost. */
bool cli_text_end(void);

/* Standard output flushed, and true when everything written to it has gone
 * out: no write failed, now or before (a converting stream writes each
 * line through as it comes). */
bool cli_flush_stdout(void);

/* A command-line word as UTF-8: as it is when it is UTF-8, else decoded
 * from a GB locale's character set (a Chinese name typed at a GB18030
 * terminal). Malloc'ed; NULL when it is neither (or out of memory). */
char *cli_arg_utf8(const char *arg);

/* A file's text (malloc'ed, len bytes) as UTF-8: itself when it is UTF-8,
 * else decoded from a GB locale's set (a file from such a terminal's
 * editor); text is taken over either way. NULL when it is neither, with
 * *bad_line the line of its first byte that is not UTF-8 (or, out of
 * memory, *bad_line 0). */
char *cli_text_utf8(char *text, size_t *len, int64_t *bad_line);

#endif
