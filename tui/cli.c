/* cli.c -- what every subcommand needs: today's date, a whole file read, a message to a stream */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
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

void
cli_say_both(FILE *f, const char *key, const struct msg_arg *args, int n)
{
	enum msg_lang keep = msg_lang();
	for (int l = 0; l < MSG_LANG_COUNT; l++)
		if (msg_open((enum msg_lang)l))
			cli_say(f, key, args, n);
	msg_open(keep);
}
