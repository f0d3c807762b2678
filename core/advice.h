/* advice.h -- the pure decision: answers + policy + date in, options with ids and numbers out */
#ifndef YIBAO_ADVICE_H
#define YIBAO_ADVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "answers.h"
#include "date.h"
#include "policy.h"

#define ADVICE_UNKNOWN INT64_MIN /* a number the data does not give; never 0 */
#define ADVICE_MAX_OPTIONS 3
#define ADVICE_STAY_BILL 1000000 /* fen: the benefit example, a 10,000-yuan hospital stay */
#define ADVICE_MAX_BLOCKERS 4
#define ADVICE_MAX_CAVEATS 20
#define ADVICE_MAX_REASONS 6
#define ADVICE_MAX_VALUES 4

enum advice_scheme { ADVICE_EMPLOYEE, ADVICE_RESIDENT };

/* Stable ids of DESIGN.md; advice_id_name gives the string. Blockers,
 * caveats and reasons share one numbering. */
enum advice_id {
	/* blockers */
	ADVICE_HUKOU_REQUIRED,
	ADVICE_PERMIT_REQUIRED,
	ADVICE_EMPLOYED_ELSEWHERE,
	ADVICE_AGE_OUT_OF_RANGE,
	/* caveats */
	ADVICE_PENSION_BUNDLED,
	ADVICE_BASE_ABOVE_INCOME,
	ADVICE_WAITING_PERIOD,
	ADVICE_ENROLLMENT_WINDOW,
	ADVICE_TRANSFER_YEARS,
	ADVICE_TRANSFER_GAP,
	ADVICE_REMOTE_CARE_FILING,
	ADVICE_RETIREMENT_SHORTFALL,
	ADVICE_NO_PERSONAL_ACCOUNT,
	ADVICE_COVERAGE_GAP,
	ADVICE_UNVERIFIED_DATA,
	ADVICE_UNKNOWN_VALUE,
	ADVICE_NO_LOCAL_DATA,  /* v0: the province whose figures are shown, or 0 (national) */
	ADVICE_EXTEND_PAYMENT, /* already insured, past the age: pay on (延缴) for v0 tenths of years at v1
	                          fen a year, until the month v2 (YYYYMM; unknown with v0) */
	ADVICE_LUMP_SUM,       /* the missing years may be made up at once (一次性补缴) */
	ADVICE_WAITING_BOUND,  /* the local waiting rule is unknown: at most v0 months, the national bound */
	ADVICE_SWITCH_LOSES_YEARS,    /* leaving the employee scheme stops its v0 tenths of years growing */
	ADVICE_BASE_BELOW_FLOOR,      /* the typed base v1 is below the floor v0: costed at the floor */
	ADVICE_BASE_FLOOR_UNKNOWN,    /* the typed base v0 is costed; the floor is not in the data */
	ADVICE_LOCAL_YEARS_SHORTFALL, /* at retirement v0 tenths of years short of the v1 that must be
	                                 paid in this city itself */
	ADVICE_TIER_NOT_OFFERED,      /* tier v0 (from 1) was asked for; the cost has v1 tiers (0:
	                                 none): what is costed is the default */
	/* reasons */
	ADVICE_REASON_INSURED_BY_EMPLOYER,
	ADVICE_REASON_NONE_ELIGIBLE,
	ADVICE_REASON_ONLY_ELIGIBLE,
	ADVICE_REASON_ONLY_KNOWN_ELIGIBLE,
	ADVICE_REASON_RETIREMENT_BENEFITS,
	ADVICE_REASON_HIGHER_REIMBURSEMENT,
	ADVICE_REASON_AFFORDABLE,
	ADVICE_REASON_COST_BURDEN,
	ADVICE_REASON_COST_UNKNOWN,
	ADVICE_REASON_LOCAL_CARE,
	ADVICE_REASON_SHORT_STAY,
	ADVICE_REASON_RETIRE_IN_HUKOU,
	ADVICE_ID_COUNT
};

/* One blocker, caveat or reason: its id, the section it rests on (never
 * NULL: its source is what the user is shown), and up to two numbers whose
 * meaning the id fixes (advice_id_value_name). */
struct advice_item {
	enum advice_id id;
	const struct policy_ref *ref;
	int64_t v[ADVICE_MAX_VALUES];
};

/* What to do to take an option, in order: where to apply, what to bring,
 * when, how paying works, whom to call, and the steps of a transfer or of
 * remote-care filing where a caveat calls for one; for an option closed
 * only for want of a residence permit, how to get one and whom to call.
 * Each has a help topic of its own (advice_step_name is its stem). */
enum advice_step_id {
	ADVICE_STEP_APPLY,       /* text: the place's own words for where, or NULL (the general way) */
	ADVICE_STEP_BRING,       /* v0: the documents, a mask of enum advice_document */
	ADVICE_STEP_WINDOW,      /* v0, v1: the resident enrolment window (YYYYMMDD), or unknown: set locally;
	                            v2: 1 when the last known window ended before the date (the next one is
	                            set locally) */
	ADVICE_STEP_PAY,         /* v0: payments a year (12 monthly, 1 yearly); text: the place's words */
	ADVICE_STEP_HOTLINE,     /* text: the place's number, or NULL: its area code + 12393 */
	ADVICE_STEP_TRANSFER,    /* ref: the transfer rule (the caveat's) */
	ADVICE_STEP_REMOTE_CARE, /* ref: the filing rule */
	ADVICE_STEP_PERMIT,      /* how to get a residence permit: the general way (ref NULL) */
	ADVICE_STEP_COUNT
};
enum advice_document {
	ADVICE_DOC_ID_CARD = 1,               /* 身份证 */
	ADVICE_DOC_HOUSEHOLD_REGISTER = 2,    /* 户口簿 */
	ADVICE_DOC_RESIDENCE_PERMIT = 4,      /* 居住证 */
	ADVICE_DOC_INSURANCE_CERTIFICATE = 8, /* 参保凭证, for a transfer */
	ADVICE_DOC_COUNT = 4
};
#define ADVICE_MAX_STEPS 8
struct advice_step {
	enum advice_step_id id;
	const struct policy_ref *ref; /* the value it rests on, NULL for the general way */
	const char *text;             /* borrowed from the policy set, or NULL */
	int64_t v[3];
};

/* Cost at one contribution base. Money in fen; share in parts per million
 * of income; ADVICE_UNKNOWN where not known. */
struct advice_cost {
	int64_t base; /* monthly base, fen (employee scheme only) */
	int64_t monthly;
	int64_t annual;
	int64_t share_ppm;       /* annual cost / annual income; unknown for no income */
	int64_t pension_monthly; /* bundled pension, 0 when not bundled */
	int64_t total_share_ppm; /* (annual cost + bundled pension) / annual income: the burden; the
	                            pension counted where known, else as share_ppm */
};

/* How the cost is made (the form the city uses). */
enum advice_cost_form {
	ADVICE_COST_NONE,          /* not known */
	ADVICE_COST_RATE,          /* rate x base (+ add-ons) */
	ADVICE_COST_MONTHLY_FIXED, /* a fixed monthly amount (+ add-ons) */
	ADVICE_COST_ANNUAL_FIXED,  /* a fixed yearly amount: the resident premium, or a flat employee sum */
};

/* What a what-if costs the employee scheme's matched base at: income, the
 * lowest base, or a typed amount. */
enum advice_base_mode { ADVICE_BASE_INCOME, ADVICE_BASE_LOWEST, ADVICE_BASE_AMOUNT };

struct advice_option {
	enum advice_scheme scheme;
	int region;
	int eligible;                        /* 1 yes, 0 no (see blockers), -1 unknown (see caveats) */
	const struct policy_ref *access_ref; /* the access rule that admits a non-local hukou, NULL for
	                                        a local one (every rule admits it) */
	int nblockers;
	struct advice_cost low;            /* at the lowest base */
	struct advice_cost matched;        /* at a base matched to income (equal to low for residents) */
	const struct policy_ref *cost_ref; /* the value that decides the cost (rate, fixed sum, premium) */
	enum advice_cost_form cost_form;
	const char *tier; /* the tier costed (its name_zh), NULL when the city has none */
	int ntiers;       /* the tiers the city offers this scheme (0: none) */
	int tier_index;   /* the one costed, 0-based: the default unless chosen; -1: none */
	int tier_default;
	enum advice_base_mode base_mode; /* what the matched base follows (rate x base costs) */
	const char *tier_zh[POLICY_MAX_TIERS], *tier_en[POLICY_MAX_TIERS]; /* their names (en may be NULL) */
	int64_t tier_annual[POLICY_MAX_TIERS]; /* what each costs a year (at the matched base), fen, or
	                                          ADVICE_UNKNOWN: the what-if's choices side by side */
	const struct policy_ref *base_ref;     /* the floor (or fixed base, or the floor's share) */
	const struct policy_ref *wage_ref;     /* the average wage a derived floor comes from */
	int64_t wage;                          /* that wage, fen a month, or ADVICE_UNKNOWN */
	int64_t floor_bp;                      /* the floor's share of it, basis points */
	const char *wage_scope;                /* whose average it is, the document's words, or NULL */
	const char *base_wording;              /* what the base is, the document's words, or NULL */
	const struct policy_ref *base_wording_ref;
	int64_t addon_annual;   /* the add-ons within the cost at the lowest base, fen a
	                           year: 0 when none */
	const char *addon_name; /* their name, the document's words, or NULL */
	const struct policy_ref *addon_ref;
	int64_t subsidy; /* resident: the government's yearly subsidy a person, fen,
	                    or ADVICE_UNKNOWN */
	const struct policy_ref *subsidy_ref;
	bool base_is_fixed;                   /* one base for everyone */
	bool base_derived;                    /* floor = its share x the average wage, worked out here */
	bool cost_is_minimum;                 /* resident premium is the national minimum (不低于) */
	int64_t inpatient_bp;                 /* basis points, or ADVICE_UNKNOWN */
	bool inpatient_is_average;            /* an average (national or the province's), not the city's
	                                         rule: as the ratio's own section says */
	int personal_account;                 /* 1, 0, -1 unknown */
	const struct policy_ref *account_ref; /* the value that decides personal_account */
	int family_sharing;                   /* 1, 0, -1 unknown */
	int waiting_months;                   /* -1 unknown */
	bool waiting_is_bound;                /* the national upper bound, the local rule being unknown */
	const struct policy_ref *inpatient_ref;
	struct {
		int64_t bill;       /* ADVICE_STAY_BILL */
		int64_t deductible; /* fen, or ADVICE_UNKNOWN (then taken as 0) */
		const struct policy_ref *deductible_ref;
		int64_t own;                      /* what the person pays of the bill, or ADVICE_UNKNOWN */
		const struct policy_ref *cap_ref; /* the yearly cap, when it limits what the fund pays */
	} stay;                                   /* a 10,000-yuan in-catalogue hospital stay */
	struct {
		int age_months;                     /* statutory age */
		int year, month;                    /* when it is reached */
		int years_at_retirement;            /* tenths: employee years by then */
		int years_required;                 /* whole years, -1 unknown */
		int shortfall;                      /* tenths, -1 unknown */
		const struct policy_ref *years_ref; /* the value of years_required */
		int actual_min;                     /* of which at least this many whole years actually
		                                       paid (not deemed), -1 unknown */
		const struct policy_ref *actual_ref;
		int local_min; /* of which at least this many paid in this city
		                  itself, -1 unknown */
		const struct policy_ref *local_ref;
		int local_at_retirement; /* tenths: years paid in this city by then */
	} retirement;
	int ncaveats;
	int nsteps;
	/* the lists, read only up to their counts: an option is cleared up to
	 * here (advice.c's option_clear), not over the 1.5 kB they take */
	struct advice_item blockers[ADVICE_MAX_BLOCKERS];
	struct advice_item caveats[ADVICE_MAX_CAVEATS];
	struct advice_step steps[ADVICE_MAX_STEPS];
};

struct advice {
	struct date as_of;
	struct advice_option options[ADVICE_MAX_OPTIONS];
	int noptions;
	int recommended; /* index into options, or -1 */
	struct advice_item reasons[ADVICE_MAX_REASONS];
	int nreasons;
};

/* What an unknown_value caveat is about (its v[0]). */
enum advice_field {
	ADVICE_FIELD_ACCESS,
	ADVICE_FIELD_COST,
	ADVICE_FIELD_PENSION,
	ADVICE_FIELD_WAITING,
	ADVICE_FIELD_YEARS_REQUIRED,
	ADVICE_FIELD_BENEFITS,
	ADVICE_FIELD_COUNT
};
const char *advice_field_name(enum advice_field f);

/* How the employee-scheme "matched" cost picks its base (what-if). */
struct advice_params {
	enum advice_base_mode base_mode;
	int64_t base_amount; /* fen, for ADVICE_BASE_AMOUNT; clamped to the city's range */
	/* the what-if's tier for each option (1-based, as advice_option's
	 * tier_index + 1); 0, or one the city does not have: its default */
	int tier[ADVICE_MAX_OPTIONS];
};

/* Evaluate answers (already checked with answers_check) against ps on
 * as_of. Fills *out; allocates nothing. params may be NULL (base matched to
 * income). Returns ANSWERS_OK, or an answers status with *err filled when
 * the answers do not pass answers_check. Pointers in *out borrow from ps. */
enum answers_status advice_build(struct advice *out, const struct answers *a, const struct policy_set *ps,
                                 struct date as_of, const struct advice_params *params,
                                 struct answers_error *err);

/* Views kept from one advice_build_cached to the next on one policy set: a
 * batch's rows share the lookups of the regions and date they name (each
 * region's view is made once, not once a row). Caller-owned storage, some
 * 300 kB; advice_views_init empties it. The advice is the same as
 * advice_build's. */
#define ADVICE_VIEWS 64
struct advice_views {
	const struct policy_set *ps;
	int region[ADVICE_VIEWS]; /* -1: an empty slot */
	int32_t on[ADVICE_VIEWS];
	struct policy_view v[ADVICE_VIEWS];
	/* the nation's view, apart from the slots (no region replaces it) */
	int32_t national_on; /* its date (YYYYMMDD), 0: none yet */
	struct policy_view national;
	/* the national retirement section (what a rule falls back to citing)
	 * and scope section (what the choice rests on), for a date */
	int32_t law_on; /* that date (YYYYMMDD), 0: none yet */
	const struct policy_ref *law, *scope;
	/* the first day of the retirement-age reform, as worked out for a date */
	int32_t reform_on; /* that date (YYYYMMDD), 0: none yet */
	bool reform_known, has_reform;
	struct date reform;
};
void advice_views_init(struct advice_views *c, const struct policy_set *ps);
enum answers_status advice_build_cached(struct advice *out, const struct answers *a,
                                        const struct policy_set *ps, struct date as_of,
                                        const struct advice_params *params, struct answers_error *err,
                                        struct advice_views *views);

/* "hukou_required", …; NULL when out of range. */
const char *advice_id_name(enum advice_id id);
/* Names of the numbers an id carries ("months", …); NULL where none. */
const char *advice_id_value_name(enum advice_id id, int i);
const char *advice_scheme_name(enum advice_scheme s);
/* "apply", "bring", …: the step's id in JSON and the stem of its help topic. */
const char *advice_step_name(enum advice_step_id id);
/* "id_card", …, for one bit of enum advice_document; NULL otherwise. */
const char *advice_document_name(int bit);

#endif
