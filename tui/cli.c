/* cli.c -- what every subcommand needs: today's date, a whole file read, a message to a stream */
#define _GNU_SOURCE /* fopencookie */
#include "cli.h"

#include "enc.h"
#include "text.h"

#include <errno.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void
cli_protect(void)
{
	struct rlimit no_core = {0, 0};
	setrlimit(RLIMIT_CORE, &no_core);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

struct date
cli_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return (struct date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

const char *
cli_strerror(int e, char *buf, size_t cap)
{
	if (e != CLI_ENOTREG)
		return strerror(e);
	msg_format(buf, cap, "err_not_regular", NULL, 0);
	return buf;
}

/* path opened for reading only when it is a regular file: O_NONBLOCK so
 * that opening a FIFO does not wait for a writer. */
static FILE *
open_regular(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = CLI_ENOTREG;
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "rb");
	if (f == NULL)
		close(fd);
	return f;
}

char *
cli_read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : open_regular(path);
	char *buf = NULL;
	size_t n = 0, cap = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			if (cap >= max) {
				free(buf);
				buf = NULL;
				errno = EFBIG;
				break;
			}
			cap = cap ? cap * 2 : 4096;
			char *nb = realloc(buf, cap + 1);
			if (nb == NULL) {
				free(buf);
				buf = NULL;
				errno = ENOMEM;
				break;
			}
			buf = nb;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (buf != NULL && ferror(f)) {
		free(buf);
		buf = NULL;
		errno = EIO;
	}
	if (f != stdin)
		fclose(f);
	if (buf != NULL) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

void
cli_say(FILE *f, const char *key, const struct msg_arg *args, int n)
{
	char buf[4096]; /* the usage text is the longest message */
	msg_format(buf, sizeof buf, key, args, n);
	fprintf(f, "%s\n", buf);
}

/* ---------------------------------------------------------------- the locale's text */

/* A stream converting UTF-8 to the locale's set. A character cut between
 * two writes waits in tail for the rest. */
struct conv {
	struct enc *enc;
	FILE *to;
	char tail[4];
	size_t ntail;
};

/* the standard output and error cli_locale_text replaced, or NULL */
static FILE *stdout_raw, *stderr_raw;

static size_t
utf8_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

static ssize_t
conv_write(void *cookie, const char *buf, size_t n)
{
	struct conv *c = cookie;
	size_t i = 0;
	/* first the rest of a character cut at the last write */
	while (c->ntail > 0 && i < n && c->ntail < utf8_len((unsigned char)c->tail[0]))
		c->tail[c->ntail++] = buf[i++];
	if (c->ntail > 0 && c->ntail == utf8_len((unsigned char)c->tail[0])) {
		if (enc_write(c->enc, c->to, c->tail, c->ntail, NULL) != 0)
			return -1;
		c->ntail = 0;
	}
	/* then all but a character cut at the end */
	size_t end = n;
	for (size_t k = 1; k <= 3 && k <= n - i; k++) {
		unsigned char b = (unsigned char)buf[n - k];
		if (b < 0x80)
			break;
		if (b >= 0xC0) {
			if (utf8_len(b) > k)
				end = n - k;
			break;
		}
	}
	if (end > i && enc_write(c->enc, c->to, buf + i, end - i, NULL) != 0)
		return -1;
	memcpy(c->tail + c->ntail, buf + end, n - end);
	c->ntail += n - end;
	return fflush(c->to) == 0 ? (ssize_t)n : -1;
}

static int
conv_close(void *cookie)
{
	struct conv *c = cookie;
	int rc = 0;
	if (c->ntail > 0 && enc_write(c->enc, c->to, c->tail, c->ntail, NULL) != 0)
		rc = -1;
	if (fflush(c->to) != 0)
		rc = -1;
	enc_free(c->enc);
	free(c);
	return rc;
}

const char *
cli_locale_gb(void)
{
	static const char *const sets[] = {"GB18030", "GBK", "GB2312", "EUC-CN"};
	const char *cs = nl_langinfo(CODESET);
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		if (strcasecmp(cs, sets[i]) == 0)
			return cs;
	return NULL;
}

bool
cli_locale_text(FILE **stream)
{
	if (cli_locale_gb() == NULL)
		return true;
	struct conv *c = calloc(1, sizeof *c);
	if (c == NULL || (c->enc = enc_new(NULL)) == NULL) {
		free(c);
		return false;
	}
	c->to = *stream;
	cookie_io_functions_t io = {.write = conv_write, .close = conv_close};
	FILE *f = fopencookie(c, "w", io);
	if (f == NULL) {
		enc_free(c->enc);
		free(c);
		return false;
	}
	setvbuf(f, NULL, _IOLBF, BUFSIZ);
	if (*stream == stdout)
		stdout_raw = stdout;
	else if (*stream == stderr)
		stderr_raw = stderr;
	*stream = f;
	return true;
}

/* *stream back to *raw, the converting stream closed (flushed) */
static void
restore(FILE **stream, FILE **raw)
{
	if (*raw == NULL)
		return;
	FILE *conv = *stream;
	*stream = *raw;
	*raw = NULL;
	fclose(conv);
}

void
cli_raw_stdout(void)
{
	restore(&stdout, &stdout_raw);
}

char *
cli_arg_utf8(const char *arg)
{
	size_t n = strlen(arg), len;
	if (text_is_utf8(arg, n))
		return strdup(arg);
	const char *gb = cli_locale_gb();
	return gb != NULL ? enc_to_utf8(gb, arg, n, &len, NULL) : NULL;
}

char *
cli_text_utf8(char *text, size_t *len, int64_t *bad_line)
{
	*bad_line = 0;
	if (text_is_utf8(text, *len))
		return text;
	size_t ulen, bad = 0;
	const char *gb = cli_locale_gb();
	char *u = gb != NULL ? enc_to_utf8(gb, text, *len, &ulen, &bad) : NULL;
	if (u == NULL) {
		if (gb == NULL || bad == 0)
			bad = text_utf8_bad_offset(text, *len);
		*bad_line = 1;
		for (size_t i = 0; i < bad && i < *len; i++)
			*bad_line += text[i] == '\n';
		free(text);
		return NULL;
	}
	free(text);
	*len = ulen;
	return u;
}

bool
cli_flush_stdout(void)
{
	return fflush(stdout) == 0 && !ferror(stdout);
}

bool
cli_text_end(void)
{
	bool ok = stdout_raw == NULL || cli_flush_stdout();
	restore(&stdout, &stdout_raw);
	restore(&stderr, &stderr_raw);
	return ok;
}

void
cli_say_both(FILE *f, const char *key, const struct msg_arg *args, int n)
{
	enum msg_lang keep = msg_lang();
	for (int l = 0; l < MSG_LANG_COUNT; l++)
		if (msg_open((enum msg_lang)l))
			cli_say(f, key, args, n);
	msg_open(keep);
}
