/* yibao_testclock.c -- yibao whose kiosk idle timer reads $YIBAO_TEST_CLOCK: for tests only, never installed
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "ui.h"

/* The file holds the time in whole milliseconds ("8500"), written by the
 * test (tests/e2e/lib.sh: clock_at) whenever it wants time to pass. */
static const char *clock_path;
static double clock_last;

/* The file's time in seconds; the last one read while it is being
 * replaced or cannot be read. */
static double
file_clock(void)
{
	char buf[32];
	int fd = open(clock_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return clock_last;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n > 0) {
		char *end;
		buf[n] = '\0';
		long long ms = strtoll(buf, &end, 10);
		if (end != buf)
			clock_last = (double)ms / 1000.0;
	}
	return clock_last;
}

int
main(int argc, char **argv)
{
	clock_path = getenv("YIBAO_TEST_CLOCK");
	if (clock_path != NULL && clock_path[0] != '\0')
		ui_set_idle_clock(file_clock);
	return cmd_main(argc, argv);
}
