/* policy.h -- dated, cited policy data: loading from memory and lookup by date */
#ifndef YIBAO_POLICY_H
#define YIBAO_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* A value the data does not give. Never 0: callers must test for it. */
#define POLICY_UNKNOWN INT64_MIN

#define POLICY_NATIONAL 0 /* region code of 000000-national.ini */

enum policy_kind {
	POLICY_ACCESS,
	POLICY_EMPLOYEE,
	POLICY_RESIDENT,
	POLICY_BENEFITS,
	POLICY_RETIREMENT,
	POLICY_WAITING,
	POLICY_TRANSFER,
	POLICY_REMOTE_CARE,
	POLICY_SCOPE,
	POLICY_KIND_COUNT
};

/* Keys, numbered within their kind (the table in policy.c gives names,
 * types and ranges). */
enum policy_key {
	/* access */
	POLICY_ACCESS_EMPLOYEE = 0,
	POLICY_ACCESS_RESIDENT,
	POLICY_ACCESS_AGE_MIN,
	POLICY_ACCESS_AGE_MAX_MALE,
	POLICY_ACCESS_AGE_MAX_FEMALE,
	/* employee */
	POLICY_EMPLOYEE_RATE = 0, /* basis points */
	POLICY_EMPLOYEE_BASE_FLOOR, /* fen per month */
	POLICY_EMPLOYEE_BASE_CEILING,
	POLICY_EMPLOYEE_ANNUAL_FIXED, /* fen per year */
	POLICY_EMPLOYEE_PENSION_BUNDLED,
	POLICY_EMPLOYEE_PENSION_RATE,
	POLICY_EMPLOYEE_PERSONAL_ACCOUNT,
	/* resident */
	POLICY_RESIDENT_PREMIUM = 0, /* fen per year */
	POLICY_RESIDENT_SUBSIDY,
	POLICY_RESIDENT_MINIMUM,
	/* benefits */
	POLICY_BENEFITS_INPATIENT_EMPLOYEE = 0, /* basis points */
	POLICY_BENEFITS_INPATIENT_RESIDENT,
	POLICY_BENEFITS_AVERAGE,
	POLICY_BENEFITS_FAMILY_SHARING,
	/* retirement */
	POLICY_RETIREMENT_YEARS_MALE = 0,
	POLICY_RETIREMENT_YEARS_FEMALE,
	POLICY_RETIREMENT_REFORM,
	/* waiting */
	POLICY_WAITING_FIXED = 0,
	POLICY_WAITING_PER_YEAR,
	POLICY_WAITING_FLOOR,
	POLICY_WAITING_FLOOR_YEARS,
	/* transfer */
	POLICY_TRANSFER_GAP_MAX = 0,
	POLICY_TRANSFER_CONTINUOUS_YEARS,
	POLICY_TRANSFER_LOCAL_MAX,
	POLICY_TRANSFER_LOCAL,
	/* remote_care */
	POLICY_REMOTE_CARE_FILING = 0,
	/* scope */
	POLICY_SCOPE_INDIVIDUAL_EMPLOYEE = 0,
	POLICY_SCOPE_RESIDENT_CHOICE,
};

#define POLICY_MAX_KEYS 8

/* Values of the access type. */
enum policy_access { POLICY_ACCESS_OPEN = 1, POLICY_ACCESS_PERMIT, POLICY_ACCESS_HUKOU };

/* Where a value comes from: one dated section of one file. Borrowed from the
 * policy set; valid until the set is freed. */
struct policy_ref {
	const char *file;   /* file name, e.g. "310000-shanghai.ini" */
	int line;           /* line of the section header */
	int region;         /* region code of the file */
	enum policy_kind kind;
	struct date from;   /* first day it applies */
	const char *source; /* never empty */
	struct date checked;
	bool verified;
};

enum policy_errcode {
	POLICY_OK = 0,
	POLICY_ERR_SYNTAX,        /* not an INI line */
	POLICY_ERR_NO_REGION,     /* no [region] section first */
	POLICY_ERR_BAD_SECTION,   /* section name is not [region] or [KIND YYYY-MM-DD] */
	POLICY_ERR_DUP_SECTION,
	POLICY_ERR_UNKNOWN_KEY,
	POLICY_ERR_DUP_KEY,
	POLICY_ERR_MISSING_KEY,   /* detail names the key */
	POLICY_ERR_BAD_VALUE,     /* detail names the key */
	POLICY_ERR_RANGE,         /* detail names the key; min/max give the range */
	POLICY_ERR_BAD_DATE,
	POLICY_ERR_NO_SOURCE,
	POLICY_ERR_FILE_NAME,     /* code does not match the file name */
	POLICY_ERR_PARENT,        /* parent region missing or a loop */
	POLICY_ERR_NO_NATIONAL,   /* the set has no 000000 file */
	POLICY_ERR_NOMEM,
};

struct policy_error {
	enum policy_errcode code;
	char file[64];
	int line;
	char detail[64]; /* the key or value concerned, possibly empty */
	int64_t min, max; /* for POLICY_ERR_RANGE, in the key's display unit */
};

struct policy_region {
	int code;
	const char *name_zh;
	const char *name_en;
	const char *pinyin;
	const char *initials;
	int parent; /* -1 when none */
	const char *file;
};

struct policy_set;
struct pfile;

/* A new empty set, or NULL when out of memory. Free with policy_set_free. */
struct policy_set *policy_set_new(void);
void policy_set_free(struct policy_set *ps);

/* Parse one file's text (len bytes, need not be NUL-terminated) named name
 * (its base name, used in messages and checked against the code). The file
 * replaces any earlier file with the same region code. On error returns the
 * code and fills *err (when not NULL); the set is unchanged. */
enum policy_errcode policy_set_add(struct policy_set *ps, const char *name, const char *text,
				   size_t len, struct policy_error *err);

/* Check the set as a whole (national file present, parents exist, no loops).
 * Call after the last policy_set_add. */
enum policy_errcode policy_set_finish(struct policy_set *ps, struct policy_error *err);

/* Add the files built into the program (policy_builtin.c). */
enum policy_errcode policy_set_add_builtin(struct policy_set *ps, struct policy_error *err);

size_t policy_set_region_count(const struct policy_set *ps);
const struct policy_region *policy_set_region_at(const struct policy_set *ps, size_t i);
const struct policy_region *policy_set_region(const struct policy_set *ps, int code);

/* Counts for `policy check`: dated sections, unverified sections, unknown values. */
struct policy_stats {
	size_t regions, sections, unverified, unknown;
};
void policy_set_stats(const struct policy_set *ps, struct policy_stats *out);

/* The value of kind/key for region on date, following region -> parent ->
 * national. Returns POLICY_UNKNOWN when no section in force gives it; *ref
 * (when not NULL) is set to the section that gave the value, or, when the
 * value is unknown, to the first section of that kind in force along the
 * same path (the one a user should ask about), or NULL when there is none. */
int64_t policy_value(const struct policy_set *ps, int region, enum policy_kind kind, int key,
		     struct date on, const struct policy_ref **ref);

/* A region's values on one date, resolved lazily kind by kind: what
 * policy_value gives, without walking the files again for every key. Lives
 * in caller-owned storage; borrows from the set. */
#define POLICY_VIEW_DEPTH 4
struct policy_sec;
struct policy_view {
	const struct policy_set *ps;
	const struct pfile *files[POLICY_VIEW_DEPTH]; /* region, parents, national */
	int nfiles;
	int32_t on; /* the date as YYYYMMDD */
	signed char len[POLICY_KIND_COUNT]; /* -1 until the kind is resolved */
	const struct policy_sec *chain[POLICY_KIND_COUNT][POLICY_VIEW_DEPTH];
};

/* Prepare v for region on date (nothing is looked up yet). */
void policy_view_init(struct policy_view *v, const struct policy_set *ps, int region, struct date on);

/* As policy_value, through the view. */
int64_t policy_view_value(struct policy_view *v, enum policy_kind kind, int key, const struct policy_ref **ref);

/* The section of kind in force on date in region's own file only (no
 * fallback), or NULL. */
const struct policy_ref *policy_section(const struct policy_set *ps, int region,
					enum policy_kind kind, struct date on);

/* Names for messages: "access", "employee", ...; key names within a kind. */
const char *policy_kind_name(enum policy_kind kind);
const char *policy_key_name(enum policy_kind kind, int key);

#endif
