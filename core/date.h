/* date.h -- calendar dates and month arithmetic for the decision core */
#ifndef YIBAO_DATE_H
#define YIBAO_DATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

struct date {
	int y; /* 1900..2100 */
	int m; /* 1..12 */
	int d; /* 1..31, checked against the month */
};

/* Parse exactly "YYYY-MM-DD" (len bytes of s). Returns false, leaving *out
 * untouched, for anything else, including a day the month does not have. */
bool date_parse(const char *s, size_t len, struct date *out);

/* Parse exactly "YYYY-MM" into year and month. */
bool date_parse_month(const char *s, size_t len, int *y, int *m);

/* <0, 0, >0 as a is before, equal to or after b. */
int date_cmp(struct date a, struct date b);

/* Months since year 0 for year y, month m: lets callers subtract months. */
int date_month_index(int y, int m);

/* Whole months from (y1, m1) to (y2, m2), counting only months. */
int date_months_between(int y1, int m1, int y2, int m2);

/* The date as one number, YYYYMMDD: they compare as the dates do. */
int32_t date_yyyymmdd(struct date d);

/* Write "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void date_format(struct date d, char buf[static 11]);

#endif
