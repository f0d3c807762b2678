/* policy.h -- dated, cited policy data: loading from memory and lookup by date */
#ifndef YIBAO_POLICY_H
#define YIBAO_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* A value the data does not give. Never 0: callers must test for it. */
#define POLICY_UNKNOWN INT64_MIN

#define POLICY_NATIONAL 0 /* region code of 000000-national.yaml */

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
	POLICY_WAGE,
	POLICY_ENROL,
	POLICY_PROJECT, /* yibao's own lines (documents with own: yes), not a legal rule */
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
	POLICY_EMPLOYEE_RATE = 0,   /* basis points */
	POLICY_EMPLOYEE_BASE_FLOOR, /* fen per month */
	POLICY_EMPLOYEE_BASE_CEILING,
	POLICY_EMPLOYEE_ANNUAL_FIXED, /* fen per year */
	POLICY_EMPLOYEE_PENSION_BUNDLED,
	POLICY_EMPLOYEE_PENSION_RATE,
	POLICY_EMPLOYEE_PERSONAL_ACCOUNT,
	POLICY_EMPLOYEE_BASE_FIXED,     /* fen per month: one base for everyone */
	POLICY_EMPLOYEE_BASE_FLOOR_PCT, /* basis points of base_wage */
	POLICY_EMPLOYEE_BASE_CEILING_PCT,
	POLICY_EMPLOYEE_BASE_WAGE,     /* text */
	POLICY_EMPLOYEE_MONTHLY_FIXED, /* fen per month instead of rate x base */
	POLICY_EMPLOYEE_ADDON_MONTHLY, /* fen per month */
	POLICY_EMPLOYEE_ADDON_ANNUAL,  /* fen per year */
	POLICY_EMPLOYEE_ADDON_RATE,    /* basis points on the base */
	POLICY_EMPLOYEE_ADDON_NAME,    /* text */
	/* resident */
	POLICY_RESIDENT_PREMIUM = 0, /* fen per year */
	POLICY_RESIDENT_SUBSIDY,
	POLICY_RESIDENT_MINIMUM,
	POLICY_RESIDENT_WINDOW_FROM, /* date as YYYYMMDD */
	POLICY_RESIDENT_WINDOW_TO,
	POLICY_RESIDENT_PERSONAL_ACCOUNT, /* yesno: the resident scheme gives a personal account */
	/* benefits */
	POLICY_BENEFITS_INPATIENT_EMPLOYEE = 0, /* basis points */
	POLICY_BENEFITS_INPATIENT_RESIDENT,
	POLICY_BENEFITS_AVERAGE,
	POLICY_BENEFITS_FAMILY_SHARING,
	POLICY_BENEFITS_DEDUCTIBLE_EMPLOYEE, /* fen */
	POLICY_BENEFITS_DEDUCTIBLE_RESIDENT,
	POLICY_BENEFITS_CAP_EMPLOYEE,
	POLICY_BENEFITS_CAP_RESIDENT,
	/* retirement */
	POLICY_RETIREMENT_YEARS_MALE = 0,
	POLICY_RETIREMENT_YEARS_FEMALE,
	POLICY_RETIREMENT_REFORM,
	POLICY_RETIREMENT_YEARS_ACTUAL_MIN,
	POLICY_RETIREMENT_YEARS_LOCAL_MIN,
	POLICY_RETIREMENT_LUMP_SUM,
	/* waiting */
	POLICY_WAITING_FIXED = 0,
	POLICY_WAITING_PER_YEAR,
	POLICY_WAITING_FLOOR,
	POLICY_WAITING_FLOOR_YEARS,
	POLICY_WAITING_EMPLOYEE_NEW,
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
	POLICY_SCOPE_EMPLOYER_INSURES, /* yesno: a person with an employer is insured through it */
	/* wage */
	POLICY_WAGE_AVERAGE_MONTHLY = 0, /* fen */
	POLICY_WAGE_SCOPE,               /* text */
	/* enrol (text, for the next steps) */
	POLICY_ENROL_EMPLOYEE_WHERE = 0,
	POLICY_ENROL_RESIDENT_WHERE,
	POLICY_ENROL_EMPLOYEE_PAYMENT,
	POLICY_ENROL_HOTLINE,
	/* project: the thresholds of yibao's own advice */
	POLICY_PROJECT_BURDEN_SHARE = 0, /* basis points of income: a yearly cost above it is a burden */
	POLICY_PROJECT_SHORT_STAY_YEARS, /* a stay shorter than this many years is short */
};

#define POLICY_MAX_KEYS 16
#define POLICY_MAX_TIERS 4

/* How far a value can be trusted, as the research labels it. */
enum policy_confidence {
	POLICY_VERIFIED,   /* an official page, a reprint of it, a major news agency */
	POLICY_SECONDARY,  /* a third party quoting the official text */
	POLICY_UNVERIFIED, /* low quality, conflicting or inferred */
	POLICY_DERIVED,    /* arithmetic on read figures: see the formula */
};

/* Values of the access type. */
enum policy_access { POLICY_ACCESS_OPEN = 1, POLICY_ACCESS_PERMIT, POLICY_ACCESS_HUKOU };

/* A document a user is shown (in Chinese as issued), and where it was read. */
struct policy_doc {
	const char *id;      /* local to its file */
	const char *issuer;  /* may be empty */
	const char *title;   /* never empty */
	const char *number;  /* 国办发〔2024〕38号, may be empty */
	const char *date;    /* as written: YYYY, YYYY-MM or YYYY-MM-DD; may be empty */
	const char *cite;    /* issuer《title》number (date): what a sentence shows */
	const char *read_at; /* "url “quote”; url …": provenance, may be empty */
	bool own;            /* own: yes -- yibao's own document (its thresholds), not a legal one */
	int line;
};

/* Where a value comes from: one dated section of one file, or one value of
 * it that carries its own label. Borrowed from the policy set; valid until
 * the set is freed. */
struct pfile;
struct policy_sec;
struct policy_ref {
	const char *file; /* file name, e.g. "310000-shanghai.yaml" */
	int line;         /* line of the section (or of the value) */
	int region;       /* region code of the file */
	enum policy_kind kind;
	int key;          /* the key for a value's own reference, -1 for a section */
	struct date from; /* first day it applies */
	bool has_until;
	struct date until;   /* last day, when has_until */
	const char *source;  /* the documents' citations, joined; never empty */
	const char *read_at; /* where they were read, joined; may be empty */
	const struct policy_doc *docs[4];
	int ndocs;
	bool own; /* every document is the project's own (own: yes): a line yibao draws, not a rule */
	struct date checked;
	enum policy_confidence confidence;
	bool verified;                /* confidence == POLICY_VERIFIED */
	const char *formula;          /* for POLICY_DERIVED, else NULL */
	const char *note;             /* may be NULL */
	const char *tier;             /* the tier's name_zh when the value is a tier's, else NULL */
	const struct policy_sec *sec; /* the section, for policy_ref_is_current */
};

enum policy_errcode {
	POLICY_OK = 0,
	POLICY_ERR_SYNTAX,      /* not an INI line */
	POLICY_ERR_NO_REGION,   /* no [region] section first */
	POLICY_ERR_BAD_SECTION, /* section name is not [region] or [KIND YYYY-MM-DD] */
	POLICY_ERR_DUP_SECTION,
	POLICY_ERR_UNKNOWN_KEY,
	POLICY_ERR_DUP_KEY,
	POLICY_ERR_MISSING_KEY, /* detail names the key */
	POLICY_ERR_BAD_VALUE,   /* detail names the key */
	POLICY_ERR_RANGE,       /* detail names the key; min/max give the range */
	POLICY_ERR_BAD_DATE,
	POLICY_ERR_NO_SOURCE,
	POLICY_ERR_FILE_NAME,   /* code does not match the file name */
	POLICY_ERR_PARENT,      /* parent region missing or a loop */
	POLICY_ERR_NO_NATIONAL, /* the set has no 000000 file */
	POLICY_ERR_NOMEM,
	POLICY_ERR_UNKNOWN_DOC, /* detail names the document id */
	POLICY_ERR_REGION,      /* the code is not a region of GB/T 2260 */
	POLICY_ERR_CONTROL,     /* a control or bidi character in a value */
	POLICY_ERR_NO_FORMULA,  /* a derived value without its formula */
	POLICY_ERR_OWN_DOC,     /* a project section citing a document that is not own: yes, or
	                           another section citing one that is; detail names the document */
	POLICY_ERR_DOC_ID,      /* a document id other than letters, digits, '-', '_', '.' */
};

struct policy_error {
	enum policy_errcode code;
	char file[64];
	int line;
	char detail[64];  /* the key or value concerned, possibly empty */
	int64_t min, max; /* for POLICY_ERR_RANGE, in the key's display unit */
};

struct region_row;

/* A region of GB/T 2260 (every province- and prefecture-level one, and the
 * nation): names from the region table, and its policy file if it has one. */
struct policy_region {
	int code;
	const char *name_zh;
	const char *name_en;
	const char *pinyin;
	const char *initials;
	int parent;                   /* the province, or 0 (national); -1 for the nation */
	const char *file;             /* NULL when the region has no file of its own */
	const struct region_row *row; /* NULL for the nation */
};

struct policy_set;
struct pfile;

/* A new set that knows every region of the region table and no file yet,
 * or NULL when out of memory. Free with policy_set_free. */
struct policy_set *policy_set_new(void);
void policy_set_free(struct policy_set *ps);

/* Parse one YAML file's text (len bytes, need not be NUL-terminated) named
 * name (its base name, "<code>-<pinyin>.yaml", used in messages and checked
 * against the code; the code must be a region of the table). The file
 * replaces any earlier file with the same region code. On error returns the
 * code and fills *err (when not NULL); the set is unchanged. */
enum policy_errcode policy_set_add(struct policy_set *ps, const char *name, const char *text, size_t len,
                                   struct policy_error *err);

/* Check the set as a whole (national file present, parents exist, no loops).
 * Call after the last policy_set_add. */
enum policy_errcode policy_set_finish(struct policy_set *ps, struct policy_error *err);

/* Make a region outside the table known to the set (test fixtures): row is
 * borrowed and must outlive the set; its province must be known or itself.
 * Returns POLICY_ERR_NOMEM or POLICY_OK. */
enum policy_errcode policy_set_add_region(struct policy_set *ps, const struct region_row *row);

/* Add the files built into the program (policy_builtin.c). */
enum policy_errcode policy_set_add_builtin(struct policy_set *ps, struct policy_error *err);

size_t policy_set_region_count(const struct policy_set *ps);
const struct policy_region *policy_set_region_at(const struct policy_set *ps, size_t i);
const struct policy_region *policy_set_region(const struct policy_set *ps, int code);

/* Counts for `policy check`: files, dated sections, sections by confidence,
 * keys a section leaves unknown. */
struct policy_stats {
	size_t regions, sections, unverified, unknown;
	size_t by_confidence[4];
	size_t values, facts;
};
void policy_set_stats(const struct policy_set *ps, struct policy_stats *out);

/* The value of kind/key for region on date. The section in force in a file
 * is the latest whose from is on or before the date and whose until (if
 * any) is not past. For each file along region -> province -> national: the
 * section in force, then the latest earlier section of that file that gives
 * the key (the last known value: policy_ref_is_current tells it apart).
 * Returns POLICY_UNKNOWN when none gives it; *ref (when not NULL) is set to
 * the reference of the value (its own, or its section's), or, when the value
 * is unknown, to the first section of that kind in force along the same path
 * (the one a user should ask about), else the latest one, or NULL. Text
 * values return 1 (use policy_view_text). Dates return YYYYMMDD. */
int64_t policy_value(const struct policy_set *ps, int region, enum policy_kind kind, int key, struct date on,
                     const struct policy_ref **ref);

/* A region's values on one date, resolved lazily kind by kind: what
 * policy_value gives, without walking the files again for every key. Lives
 * in caller-owned storage; borrows from the set. */
#define POLICY_VIEW_DEPTH 4
struct pval;
struct policy_view {
	const struct policy_set *ps;
	const struct pfile *files[POLICY_VIEW_DEPTH]; /* region, province, national */
	int nfiles;
	int32_t on;                         /* the date as YYYYMMDD */
	signed char len[POLICY_KIND_COUNT]; /* -1 until the kind is resolved */
	const struct policy_sec *chain[POLICY_KIND_COUNT][POLICY_VIEW_DEPTH]; /* in force, or NULL */
	int16_t last[POLICY_KIND_COUNT][POLICY_VIEW_DEPTH]; /* the latest section started, or -1 */
	const struct policy_ref *ask[POLICY_KIND_COUNT];    /* what an unknown value is asked about */
	/* each key's value (default tier) and reference, once looked up: a bit
	 * of memo_set per key */
	uint16_t memo_set[POLICY_KIND_COUNT];
	uint16_t memo_unverified[POLICY_KIND_COUNT];            /* found, and its reference is not verified */
	int64_t memo_v[POLICY_KIND_COUNT][POLICY_MAX_KEYS];     /* POLICY_UNKNOWN when not found */
	const char *memo_t[POLICY_KIND_COUNT][POLICY_MAX_KEYS]; /* its text, or NULL */
	const struct policy_ref *memo_ref[POLICY_KIND_COUNT][POLICY_MAX_KEYS];
};

/* Prepare v for region on date (nothing is looked up yet). */
void policy_view_init(struct policy_view *v, const struct policy_set *ps, int region, struct date on);

/* The section of kind a rule rests on as a whole (not one of its values):
 * the first in force along the view's path, else the latest one before the
 * date, or NULL. */
const struct policy_ref *policy_view_section(struct policy_view *v, enum policy_kind kind);

/* The region of the first file on the view's path: the region's own where
 * it has one, else its province's or the nation's (-1: none). */
int policy_view_file_region(const struct policy_view *v);

/* The first lookup of a key through a view (policy_view_value's and
 * policy_view_text's way when the key is not yet known to the view). */
int64_t policy_view_lookup(struct policy_view *v, enum policy_kind kind, int key,
                           const struct policy_ref **ref);

/* As policy_value, through the view. A batch asks some seventy values a
 * row, nearly all of them asked before: a key already looked up is read
 * here, without a call. */
static inline int64_t
policy_view_value(struct policy_view *v, enum policy_kind kind, int key, const struct policy_ref **ref)
{
	if ((unsigned)kind < POLICY_KIND_COUNT && (unsigned)key < POLICY_MAX_KEYS &&
	    (v->memo_set[kind] >> key & 1u)) {
		if (ref != NULL)
			*ref = v->memo_ref[kind][key];
		return v->memo_v[kind][key];
	}
	return policy_view_lookup(v, kind, key, ref);
}

/* Whether key's value, once looked up through v, was found with a
 * reference that is not verified: read from the view, not the reference
 * (a batch asks it of every value). */
static inline bool
policy_view_unverified(const struct policy_view *v, enum policy_kind kind, int key)
{
	return (unsigned)kind < POLICY_KIND_COUNT && (unsigned)key < POLICY_MAX_KEYS &&
	       (v->memo_unverified[kind] >> key & 1u);
}

/* A text value (base_wage, enrol keys …), or NULL when unknown. */
static inline const char *
policy_view_text(struct policy_view *v, enum policy_kind kind, int key, const struct policy_ref **ref)
{
	if (!((unsigned)kind < POLICY_KIND_COUNT && (unsigned)key < POLICY_MAX_KEYS &&
	      (v->memo_set[kind] >> key & 1u)))
		policy_view_lookup(v, kind, key, NULL);
	bool known = (unsigned)kind < POLICY_KIND_COUNT && (unsigned)key < POLICY_MAX_KEYS &&
	             (v->memo_set[kind] >> key & 1u);
	if (ref != NULL)
		*ref = known ? v->memo_ref[kind][key] : NULL;
	return known ? v->memo_t[kind][key] : NULL;
}

/* The tiers of the section ref (a value's or a section's reference) is
 * in: their count (0 when none), their names into names_zh/names_en (when
 * not NULL, up to POLICY_MAX_TIERS; the English one is the Chinese one
 * where there is none), and the default's index (-1 when none). A cost's
 * own section may be a city's last known one while a province's current
 * section has tiers of its own: the tiers to offer are those the cost
 * comes from; a tier's values are policy_section_value's. */
int policy_ref_tiers(const struct policy_ref *ref, const char **names_zh, const char **names_en,
                     int *default_tier);

/* Whether ref's section is the one in force in its own file on date (false:
 * the value is the last known one of an earlier year). */
bool policy_ref_is_current(const struct policy_ref *ref, struct date on);

/* What every front end marks of a value cited for region on date: that it
 * is the nation's or a province's figure rather than region's own, the
 * last known figure of an earlier year (year, else 0), and its label. One
 * rule, so that a table, a sentence and the JSON never disagree. */
struct policy_marks {
	bool national; /* the nation's figure, for a place that is not the nation */
	bool province; /* another region's (its province's) figure */
	int year;      /* the year of a last known figure; 0 when current */
	enum policy_confidence confidence;
};
struct policy_marks policy_ref_marks(const struct policy_ref *ref, int region, struct date on);

/* The section of kind in force on date in region's own file only (no
 * fallback), or NULL. */
const struct policy_ref *policy_section(const struct policy_set *ps, int region, enum policy_kind kind,
                                        struct date on);

/* Walking a region's own file, for `policy show`: its sections in file
 * order (NULL past the end); the value of key in a section (tier -1 for the
 * section's own values), with the value's reference and, for a text value,
 * its text; the section's facts. */
const struct policy_ref *policy_file_section(const struct policy_set *ps, int region, size_t i);
/* The section of the same kind and file as ref's that starts latest before
 * ref's section, or NULL. */
const struct policy_ref *policy_section_before(const struct policy_ref *ref);
int64_t policy_section_value(const struct policy_ref *sec, int tier, int key, const char **text,
                             const struct policy_ref **ref);
size_t policy_section_fact_count(const struct policy_ref *sec);
const char *policy_section_fact(const struct policy_ref *sec, size_t i, const struct policy_ref **ref);
/* The documents of a region's file, in file order (NULL past the end). */
const struct policy_doc *policy_file_doc(const struct policy_set *ps, int region, size_t i);

enum policy_vtype {
	POLICY_T_ACCESS,
	POLICY_T_YESNO,
	POLICY_T_PERCENT,
	POLICY_T_YUAN,
	POLICY_T_INT,
	POLICY_T_DATE,
	POLICY_T_TEXT
};
/* The type of a key, and the number of keys of a kind. */
enum policy_vtype policy_key_type(enum policy_kind kind, int key);
int policy_kind_keys(enum policy_kind kind);
const char *policy_confidence_name(enum policy_confidence c);

/* A date value (as policy_value gives it, YYYYMMDD) as a date. */
struct date policy_date(int64_t yyyymmdd);

/* Names for messages: "access", "employee", ...; key names within a kind. */
const char *policy_kind_name(enum policy_kind kind);
const char *policy_key_name(enum policy_kind kind, int key);

#endif
