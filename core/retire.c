/* retire.c -- statutory retirement age under China's 2025 gradual-delay reform */
#include <stdbool.h>
#include <stddef.h>

#include "retire.h"

#define RETIRE_YEAR_MIN 1900
#define RETIRE_YEAR_MAX 2100

/* One row per category: the original age, the first birth month that is
 * delayed, how many birth months share one extra month, and the final delay. */
struct retire_rule {
	int base_years;
	int start_year;
	int start_month;
	int step_months;
	int max_delay_months;
};

static const struct retire_rule retire_rules[] = {
    [RETIRE_MALE] =
        {
            .base_years = 60,
            .start_year = 1965,
            .start_month = 1,
            .step_months = 4,
            .max_delay_months = 36,
        },
    [RETIRE_FEMALE_55] =
        {
            .base_years = 55,
            .start_year = 1970,
            .start_month = 1,
            .step_months = 4,
            .max_delay_months = 36,
        },
    [RETIRE_FEMALE_50] =
        {
            .base_years = 50,
            .start_year = 1975,
            .start_month = 1,
            .step_months = 2,
            .max_delay_months = 60,
        },
};

#define RETIRE_NRULES ((int)(sizeof retire_rules / sizeof retire_rules[0]))

static bool
retire_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static bool
retire_date_is_valid(int year, int month, int day)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int last;

	if (year < RETIRE_YEAR_MIN || year > RETIRE_YEAR_MAX)
		return false;
	if (month < 1 || month > 12)
		return false;
	last = days[month - 1];
	if (month == 2 && retire_is_leap(year))
		last = 29;
	return day >= 1 && day <= last;
}

/* Whether the evaluation day comes before the reform's first day (or there
 * is no reform in force): then the original ages apply. */
static bool
retire_before_reform(int year, int month, int day, const struct retire_day *reform)
{
	if (reform == NULL)
		return true;
	if (year != reform->year)
		return year < reform->year;
	if (month != reform->month)
		return month < reform->month;
	return day < reform->day;
}

bool
retire_age_compute(enum retire_category cat, int birth_year, int birth_month, int as_of_year, int as_of_month,
                   int as_of_day, const struct retire_day *reform, struct retire_age *out)
{
	const struct retire_rule *rule;
	int since_start, delay, age, reached;

	/* Compare as int: an out-of-range enum value must not index the table. */
	if ((int)cat < 0 || (int)cat >= RETIRE_NRULES || out == NULL)
		return false;
	if (birth_year < RETIRE_YEAR_MIN || birth_year > RETIRE_YEAR_MAX)
		return false;
	if (birth_month < 1 || birth_month > 12)
		return false;
	if (!retire_date_is_valid(as_of_year, as_of_month, as_of_day))
		return false;
	if (reform != NULL && !retire_date_is_valid(reform->year, reform->month, reform->day))
		return false;

	rule = &retire_rules[cat];
	since_start = (birth_year - rule->start_year) * 12 + (birth_month - rule->start_month);

	delay = 0;
	if (!retire_before_reform(as_of_year, as_of_month, as_of_day, reform) && since_start >= 0) {
		/* The first birth month of the schedule already gets one month. */
		delay = since_start / rule->step_months + 1;
		if (delay > rule->max_delay_months)
			delay = rule->max_delay_months;
	}

	age = rule->base_years * 12 + delay;
	reached = birth_year * 12 + (birth_month - 1) + age;

	out->age_months = age;
	out->delay_months = delay;
	out->retire_year = reached / 12;
	out->retire_month = reached % 12 + 1;
	return true;
}
