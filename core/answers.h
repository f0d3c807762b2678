/* answers.h -- one person's answers: keys, validation and the answers file */
#ifndef YIBAO_ANSWERS_H
#define YIBAO_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

struct policy_set;

/* The keys of DESIGN.md, in interview order. */
enum answers_key {
	ANSWERS_AS_OF,
	ANSWERS_WORK_CITY,
	ANSWERS_HUKOU_CITY,
	ANSWERS_RESIDENCE_PERMIT,
	ANSWERS_BIRTH,
	ANSWERS_SEX,
	ANSWERS_FEMALE_RETIRE_AGE,
	ANSWERS_WORK,
	ANSWERS_MONTHLY_INCOME,
	ANSWERS_EMPLOYEE_YEARS,
	ANSWERS_EMPLOYEE_YEARS_LOCAL,
	ANSWERS_COVERAGE,
	ANSWERS_COVERAGE_CITY,
	ANSWERS_GAP_MONTHS,
	ANSWERS_STAY_YEARS,
	ANSWERS_RETIRE_CITY,
	ANSWERS_KEY_COUNT
};

enum answers_sex { ANSWERS_SEX_UNSET, ANSWERS_MALE, ANSWERS_FEMALE };
enum answers_work {
	ANSWERS_WORK_UNSET,
	ANSWERS_FLEXIBLE,
	ANSWERS_SELF_EMPLOYED,
	ANSWERS_EMPLOYED,
	ANSWERS_UNEMPLOYED
};
enum answers_coverage { ANSWERS_COVERAGE_NONE, ANSWERS_COVERAGE_EMPLOYEE, ANSWERS_COVERAGE_RESIDENT };
enum answers_place { ANSWERS_PLACE_UNSET, ANSWERS_PLACE_WORK, ANSWERS_PLACE_HUKOU, ANSWERS_PLACE_UNSURE };

/* Unset fields hold the defaults of DESIGN.md; `set` tells which keys were given. */
struct answers {
	uint32_t set; /* bit (1u << key) for each key given */
	struct date as_of;
	int work_city, hukou_city; /* region codes */
	bool residence_permit;
	int birth_year, birth_month;
	enum answers_sex sex;
	int female_retire_age; /* 50 or 55 */
	enum answers_work work;
	int64_t monthly_income; /* yuan */
	int employee_years;     /* tenths of a year */
	int employee_years_local;
	enum answers_coverage coverage;
	int coverage_city;
	int gap_months;
	int stay_years;
	enum answers_place retire_city;
};

enum answers_status {
	ANSWERS_OK = 0,
	ANSWERS_ERR_UNKNOWN_KEY,    /* the key is not one of DESIGN.md's */
	ANSWERS_ERR_DUPLICATE,      /* the key was given twice */
	ANSWERS_ERR_BAD_VALUE,      /* not a value of the key's type (see answers_key_allowed) */
	ANSWERS_ERR_RANGE,          /* outside min..max */
	ANSWERS_ERR_MISSING,        /* a required key is absent */
	ANSWERS_ERR_REFUSED,        /* the key does not apply (female_retire_age for men, …) */
	ANSWERS_ERR_INCONSISTENT,   /* contradicts `other` (local years above total years, …) */
	ANSWERS_ERR_UNKNOWN_REGION, /* a region code with no policy file */
	ANSWERS_ERR_SYNTAX,         /* the answers file is not INI */
};

struct answers_error {
	enum answers_status status;
	int key;          /* enum answers_key, or -1 */
	int other;        /* for ANSWERS_ERR_INCONSISTENT, the key it contradicts, else -1 */
	int64_t min, max; /* for ANSWERS_ERR_RANGE, in the key's unit (years for *_years) */
	int line;         /* line in the answers file, 0 when not from a file */
	char name[32];    /* the key as written, for ANSWERS_ERR_UNKNOWN_KEY */
};

/* Empty answers: nothing set, every default of DESIGN.md in place. */
void answers_init(struct answers *a);

/* Set key (by name) from its textual value. On error *a is unchanged. */
enum answers_status answers_set(struct answers *a, const char *key, const char *value, size_t vlen,
                                struct answers_error *err);

/* The same with the key already looked up. */
enum answers_status answers_set_key(struct answers *a, enum answers_key key, const char *value, size_t vlen,
                                    struct answers_error *err);

/* Forget the value of key (the default returns). */
void answers_unset(struct answers *a, enum answers_key key);

/* Check required keys and consistency; with ps, also that every region code
 * has a policy file. as_of is the evaluation date (birth must precede it). */
enum answers_status answers_check(const struct answers *a, const struct policy_set *ps, struct date as_of,
                                  struct answers_error *err);

/* Parse an answers file held in memory: an [answers] section of key = value
 * lines. Fills *a (answers_init first); stops at the first error, with its line. */
enum answers_status answers_parse(struct answers *a, const char *text, size_t len, struct answers_error *err);

/* The key's name ("work_city"), or NULL for an out-of-range key. */
const char *answers_key_name(int key);
/* Look a key up by name; -1 when unknown. */
int answers_key_find(const char *name, size_t len);
/* The allowed values of an enumerated key ("male|female"), or NULL. */
const char *answers_key_allowed(int key);
/* True when the key is given by a region code. */
bool answers_key_is_region(int key);
/* Range of a numeric key in its unit; false for non-numeric keys. */
bool answers_key_range(int key, int64_t *min, int64_t *max);

#endif
