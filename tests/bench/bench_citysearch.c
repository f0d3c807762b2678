/* bench_citysearch.c -- prints the mean and worst time of a city search per keystroke, in microseconds
 * (target: well under 1000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "citysearch.h"
#include "wizard.h"

static double
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* A UTF-8 character's length from its lead byte. */
static size_t
char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

int
main(int argc, char **argv)
{
	static const char *const queries[] = {
	    "zhoukou", "郸城", "411625",     "shaanxi", "c",  "Inner Mongolia", "广州",     "内蒙古自治区",
	    "xian",    "ｃｑ", "chong qing", "41",      "县", "zzzzzzzz",       "黑龙江省",
	};
	int rounds = argc > 1 ? atoi(argv[1]) : 200;
	struct citysearch_hit hits[WIZ_MATCH_MAX];
	double total = 0, worst = 0;
	const char *worst_q = "";
	long keystrokes = 0;
	size_t found = 0, cap = 0;
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
		cap += strlen(queries[q]);
	double *times = malloc(sizeof *times * cap * (size_t)(rounds > 0 ? rounds : 1));
	if (times == NULL)
		return 1;
	for (int r = 0; r < rounds; r++) {
		for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
			/* one keystroke at a time: the prefix typed so far, as the wizard searches */
			char typed[128];
			size_t len = strlen(queries[q]);
			for (size_t n = 0; n < len;) {
				n += char_len((unsigned char)queries[q][n]);
				memcpy(typed, queries[q], n);
				typed[n] = '\0';
				double t0 = now_us();
				found += citysearch(typed, hits, WIZ_MATCH_MAX);
				double dt = now_us() - t0;
				total += dt;
				times[keystrokes++] = dt;
				if (dt > worst) {
					worst = dt;
					worst_q = queries[q];
				}
			}
		}
	}
	if (keystrokes == 0)
		return 1;
	/* the worst is one preemption away from noise: the 99th percentile says more */
	qsort(times, (size_t)keystrokes, sizeof *times, cmp_double);
	printf("citysearch over %zu regions and %zu aliases: %ld keystrokes, mean %.1f us, p99 %.1f us, "
	       "worst %.1f us (typing \"%s\"), %zu hits\n",
	       region_table_count, region_alias_count, keystrokes, total / (double)keystrokes,
	       times[(size_t)keystrokes * 99 / 100], worst, worst_q, found);
	free(times);
	return 0;
}
