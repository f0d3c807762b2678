/* bench_core.c -- prints decision-core evaluations per second on one core (target: 1,000,000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "advice.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000000;
	struct policy_error perr;
	struct policy_set *ps = policy_set_new();
	if (ps == NULL || policy_set_add_builtin(ps, &perr) != POLICY_OK ||
	    policy_set_finish(ps, &perr) != POLICY_OK) {
		fprintf(stderr, "bench_core: built-in policy data failed to load\n");
		return 1;
	}
	/* a spread of people: every city as work and hukou place, both sexes,
	 * incomes, gaps and coverage, so no branch is favoured */
	static const int cities[] = {110000, 310000, 330100, 370200, 420100, 440100, 440300, 500000, 510100};
	enum { NPEOPLE = 512 };
	static struct answers people[NPEOPLE];
	char buf[512];
	for (int i = 0; i < NPEOPLE; i++) {
		int w = cities[i % 9], h = cities[(i / 9) % 9];
		snprintf(buf, sizeof buf,
		         "[answers]\nwork_city = %06d\nhukou_city = %06d\n%sbirth = %d-%02d\nsex = %s\n%s"
		         "work = flexible\nmonthly_income = %d\nemployee_years = %d\ncoverage = "
		         "%s\n%sgap_months = %d\n",
		         w, h, w != h ? "residence_permit = yes\n" : "", 1960 + i % 45, 1 + i % 12,
		         i % 2 ? "female" : "male",
		         i % 2 ? (i % 4 == 1 ? "female_retire_age = 50\n" : "female_retire_age = 55\n") : "",
		         1000 + (i * 737) % 30000, i % 7,
		         i % 3 == 0   ? "none"
		         : i % 3 == 1 ? "employee"
		                      : "resident",
		         i % 3 == 0 ? ""
		                    : (i % 3 == 1 ? "coverage_city = 310000\n" : "coverage_city = 510100\n"),
		         (i * 5) % 70);
		struct answers_error err;
		answers_init(&people[i]);
		if (answers_parse(&people[i], buf, strlen(buf), &err) != ANSWERS_OK) {
			fprintf(stderr, "bench_core: person %d: bad answers (key %d)\n", i, err.key);
			return 1;
		}
	}
	static const struct date dates[] = {{2019, 6, 1}, {2023, 6, 1}, {2025, 6, 1}, {2026, 3, 1}};
	struct advice adv;
	long ok = 0, recommended = 0;
	double t0 = now();
	for (long k = 0; k < n; k++) {
		if (advice_build(&adv, &people[k % NPEOPLE], ps, dates[(k / NPEOPLE) % 4], NULL, NULL) ==
		    ANSWERS_OK) {
			ok++;
			recommended += adv.recommended;
		}
	}
	double dt = now() - t0;
	printf("evaluations:            %ld (%ld valid, checksum %ld)\n", n, ok, recommended);
	printf("seconds:                %.3f\n", dt);
	printf("evaluations per second: %.0f (target 1000000, one core)\n", (double)n / dt);
	printf("ns per evaluation:      %.0f\n", dt * 1e9 / (double)n);
	policy_set_free(ps);
	return 0;
}
