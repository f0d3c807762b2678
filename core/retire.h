/* retire.h -- statutory retirement age under China's 2025 gradual-delay reform */
#ifndef RETIRE_H
#define RETIRE_H

#include <stdbool.h>

/* Which schedule applies: the original statutory age is 60 for men and 55 or
 * 50 for women, depending on the post (e.g. cadres 55, workers 50). */
enum retire_category { RETIRE_MALE, RETIRE_FEMALE_55, RETIRE_FEMALE_50 };

struct retire_age {
	int age_months;   /* statutory age in months, e.g. 60*12+1 */
	int delay_months; /* months added by the reform (0 before it or for older cohorts) */
	int retire_year;  /* calendar year and month in which the person reaches that age */
	int retire_month; /* 1..12 */
};

/* A calendar day (the reform's first day). */
struct retire_day {
	int year, month, day;
};

/* Compute the statutory retirement age for someone born in birth_year/birth_month
 * (month 1..12), evaluated on as_of_year/as_of_month/as_of_day. Returns false for
 * out-of-range input (birth_year outside 1900..2100, month outside 1..12, bad category).
 *
 * Follows the schedules of the NPCSC decision of 2024-09-13 and its annexed
 * comparison tables. reform is the day the reform took effect, as the policy
 * data gives it (the caller reads it; NULL when no reform is in force): on an
 * evaluation date before it, or without it, the original ages apply with no
 * delay. Also returns false when out is NULL, or when the evaluation date or
 * reform day is not a real calendar date within years 1900..2100.
 * On false, *out is left untouched. No allocation; out is owned by the caller.
 */
bool retire_age_compute(enum retire_category cat, int birth_year, int birth_month, int as_of_year,
                        int as_of_month, int as_of_day, const struct retire_day *reform,
                        struct retire_age *out);

#endif /* RETIRE_H */
