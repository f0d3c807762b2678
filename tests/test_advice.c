/* test_advice.c -- the decision rules, table-driven, against an invented policy set */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "advice.h"
#include "fixture.h"

#define U ADVICE_UNKNOWN

/* What one expectation looks at. */
enum what {
	END = 0,
	STATUS, /* want = enum answers_status of advice_build */
	NOPTIONS,
	ELIGIBLE,
	BLOCKER,   /* want = id that must be among the option's blockers */
	CAVEAT,    /* want = id that must be among its caveats */
	NO_CAVEAT, /* want = id that must not be */
	CAVEAT_V0, /* id = the caveat, want = its v[0] */
	CAVEAT_V1,
	CAVEAT_V2,
	BASE_LOW,
	MONTHLY_LOW,
	ANNUAL_LOW,
	PENSION_LOW,
	SHARE_LOW,
	BASE_MATCH,
	MONTHLY_MATCH,
	ANNUAL_MATCH,
	PENSION_MATCH,
	MINIMUM, /* cost_is_minimum */
	INPATIENT,
	AVERAGE,
	ACCOUNT,
	WAITING,
	AGE_MONTHS,
	RETIRE_YM, /* want = year * 100 + month */
	YEARS_AT,
	YEARS_REQ,
	SHORTFALL,
	RECOMMENDED,
	REASON,        /* want = id that must be among the reasons */
	REASON_V0,     /* id = the reason, want = its v[0] */
	FIRST_REASON,  /* want = the id of the first reason */
	STAY_OWN,      /* what a 10,000-yuan stay costs the person, fen */
	WAITING_BOUND, /* want = 1 when the waiting months are the national bound */
	TOTAL_SHARE,   /* matched cost with the bundled pension, ppm of income */
	HAS_REF,       /* id = REF_ACCESS, REF_ACCOUNT or REF_YEARS; want = 1 when the core names it */
	STEP,          /* want = a step id that must be among the option's next steps */
	NO_STEP,       /* want = a step id that must not be */
	STEP_V0,       /* id = the step, want = its v[0] */
	NSTEPS,        /* want = how many next steps */
	REASON_V1,     /* id = the reason, want = its v[1] */
	REASON_OWN,    /* id = the reason, want = 1 when its source is the project's own document */
	ACCOUNT_KIND,  /* want = the kind of the key that decides personal_account */
	SUBSIDY,       /* the resident subsidy, fen */
	ADDON_ANNUAL,  /* the add-ons within the lowest-base cost, fen a year */
	WAGE,          /* the average wage a derived floor comes from, fen a month */
	FLOOR_BP,      /* the floor's share of it */
	DERIVED,       /* base_derived */
	LOCAL_AT,      /* tenths of years paid in the city by retirement */
	LOCAL_MIN,     /* years to be paid in the city itself, -1 unknown */
	ACTUAL_MIN,    /* years to be actually paid, -1 unknown */
	STEP_V2,       /* id = the step, want = its v[2] */
	TEXT_IS,       /* id = TEXT_ADDON, TEXT_WORDING or TEXT_SCOPE; want = 1 when the core gives
	                  the document's words (and they are the fixture's), 0 when none */
};

enum { TEXT_ADDON, TEXT_WORDING, TEXT_SCOPE };

enum { REF_ACCESS, REF_ACCOUNT, REF_YEARS };

struct expect {
	enum what what;
	int opt;
	int id;
	int64_t want;
};

struct tcase {
	const char *name;
	const char *answers; /* key = value lines */
	const char *as_of;
	struct expect expect[20];
};

#define LOCAL_A "work_city = 100000\nhukou_city = 100000\n"
#define MAN "birth = 1985-03\nsex = male\nwork = flexible\n"

static const struct tcase cases[] = {
    /* degenerate: before any national data there is nothing to cite */
    {"before the data",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2010-01-01",
     {{STATUS, .want = ANSWERS_ERR_RANGE}}},
    {"missing income", LOCAL_A MAN, "2025-06-01", {{STATUS, .want = ANSWERS_ERR_MISSING}}},
    {"unknown region",
     "work_city = 999999\nhukou_city = 100000\nresidence_permit = yes\n" MAN "monthly_income = 1\n",
     "2025-06-01",
     {{STATUS, .want = ANSWERS_ERR_UNKNOWN_REGION}}},
    {"zero income",
     LOCAL_A MAN "monthly_income = 0\n",
     "2025-06-01",
     {{STATUS, .want = ANSWERS_OK},
      {SHARE_LOW, 0, .want = U},
      {BASE_MATCH, 0, .want = 500000},
      {CAVEAT, 0, .want = ADVICE_BASE_ABOVE_INCOME}}},

    /* cost at the lowest and the matched base, bundling, share */
    {"local, matched base",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{NOPTIONS, .want = 2},
      {ELIGIBLE, 0, .want = 1},
      {BASE_LOW, 0, .want = 500000},
      {MONTHLY_LOW, 0, .want = 50000},
      {ANNUAL_LOW, 0, .want = 600000},
      {PENSION_LOW, 0, .want = 100000},
      {SHARE_LOW, 0, .want = 62500},
      {BASE_MATCH, 0, .want = 800000},
      {MONTHLY_MATCH, 0, .want = 80000},
      {PENSION_MATCH, 0, .want = 160000},
      {TOTAL_SHARE, 0, .want = 300000}, /* (800 + 1,600) / 8,000 */
      {TOTAL_SHARE, 1, .want = 5208},   /* the resident premium alone: 500 / 96,000 */
      {HAS_REF, 0, REF_ACCESS, 0},      /* local hukou: no access rule is read */
      {HAS_REF, 0, REF_ACCOUNT, 1},
      {HAS_REF, 0, REF_YEARS, 1},
      {CAVEAT_V0, 0, ADVICE_PENSION_BUNDLED, 2000},
      {NO_CAVEAT, 0, .want = ADVICE_BASE_ABOVE_INCOME}}},
    {"income above the ceiling",
     LOCAL_A MAN "monthly_income = 30000\n",
     "2025-06-01",
     {{BASE_MATCH, 0, .want = 2000000},
      {MONTHLY_MATCH, 0, .want = 200000},
      {ANNUAL_MATCH, 0, .want = 2400000}}},
    {"income below the floor",
     LOCAL_A MAN "monthly_income = 3000\n",
     "2025-06-01",
     {{BASE_MATCH, 0, .want = 500000},
      {TOTAL_SHARE, 0, .want = 500000}, /* (500 + 1,000) / 3,000 */
      {CAVEAT_V0, 0, ADVICE_BASE_ABOVE_INCOME, 500000},
      {CAVEAT_V1, 0, ADVICE_BASE_ABOVE_INCOME, 300000}}},
    {"rounding half up",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 1001\n",
     "2025-06-01",
     {{MONTHLY_LOW, 0, .want = 500},
      {MONTHLY_MATCH, 0, .want = 501},
      {ANNUAL_MATCH, 0, .want = 6012},
      {PENSION_MATCH, 0, .want = 0}}},
    {"rounding exact",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 1002\n",
     "2025-06-01",
     {{MONTHLY_MATCH, 0, .want = 501}}},
    {"rounding below half",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 1000\n",
     "2025-06-01",
     {{MONTHLY_MATCH, 0, .want = 500}, {NO_CAVEAT, 0, .want = ADVICE_BASE_ABOVE_INCOME}}},
    {"flat yearly amount, unverified",
     "work_city = 200000\nhukou_city = 200000\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{ANNUAL_LOW, 0, .want = 267000},
      {MONTHLY_LOW, 0, .want = 22250},
      {PENSION_LOW, 0, .want = 0},
      {BASE_LOW, 0, .want = U},
      {CAVEAT, 0, .want = ADVICE_UNVERIFIED_DATA},
      {CAVEAT, 0, .want = ADVICE_NO_PERSONAL_ACCOUNT},
      {ACCOUNT, 0, .want = 0}}},
    {"verified data has no mark",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{NO_CAVEAT, 0, .want = ADVICE_UNVERIFIED_DATA}, {ACCOUNT, 0, .want = 1}}},
    {"no cost data",
     "work_city = 400000\nhukou_city = 400000\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{ANNUAL_LOW, 0, .want = U},
      {PENSION_LOW, 0, .want = U},
      {CAVEAT_V0, 0, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_COST},
      {RECOMMENDED, .want = 0},
      {REASON, .want = ADVICE_REASON_COST_UNKNOWN},
      {FIRST_REASON, .want = ADVICE_REASON_COST_UNKNOWN}}},

    /* resident premiums by year: city value, else the national minimum */
    {"national minimum 2019",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 5000\n",
     "2019-06-01",
     {{ANNUAL_LOW, 1, .want = 25000}, {MONTHLY_LOW, 1, .want = 2083}, {MINIMUM, 1, .want = 1}}},
    {"national minimum 2024",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 5000\n",
     "2024-06-01",
     {{ANNUAL_LOW, 1, .want = 40000}, {MONTHLY_LOW, 1, .want = 3333}, {SHARE_LOW, 1, .want = 6667}}},
    {"city premium",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2024-06-01",
     {{ANNUAL_LOW, 1, .want = 50000}, {MINIMUM, 1, .want = 0}}},
    {"benefits are the national average",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{INPATIENT, 0, .want = 8460},
      {INPATIENT, 1, .want = 6810},
      {AVERAGE, 0, .want = 1},
      {ACCOUNT, 1, .want = 0},
      {CAVEAT, 1, .want = ADVICE_NO_PERSONAL_ACCOUNT}}},
    {"the resident scheme's account has a key of its own",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{ACCOUNT, 1, .want = 0},
      {ACCOUNT_KIND, 1, .want = POLICY_RESIDENT},
      {ACCOUNT_KIND, 0, .want = POLICY_EMPLOYEE}}},
    /* the retirement-age reform is in force from the data's 2025-01-01 */
    {"before the reform in the data",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2024-12-31",
     {{AGE_MONTHS, 0, .want = 720}}},
    {"the reform in the data",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2025-01-01",
     {{AGE_MONTHS, 0, .want = 756}}},
    {"the reform restated",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2026-10-01",
     {{AGE_MONTHS, 0, .want = 756}}},
    {"benefits before the bulletin",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2024-06-01",
     {{INPATIENT, 0, .want = U}}},

    /* hukou, permits and dates */
    {"hukou required in 2019",
     "work_city = 200000\nhukou_city = 100000\nresidence_permit = yes\n" MAN "monthly_income = 5000\n",
     "2019-06-01",
     {{NOPTIONS, .want = 3},
      {ELIGIBLE, 0, .want = 0},
      {NSTEPS, 0, .want = 0}, /* closed: nothing to do there */
      {BLOCKER, 0, .want = ADVICE_HUKOU_REQUIRED},
      {BLOCKER, 1, .want = ADVICE_HUKOU_REQUIRED},
      {ELIGIBLE, 2, .want = 1},
      {RECOMMENDED, .want = 2},
      {REASON, .want = ADVICE_REASON_ONLY_ELIGIBLE}}},
    {"open from 2020",
     "work_city = 200000\nhukou_city = 100000\nresidence_permit = no\n" MAN "monthly_income = 5000\n",
     "2020-06-01",
     {{ELIGIBLE, 0, .want = 1}, {ELIGIBLE, 1, .want = 1}}},
    {"local hukou is always enough",
     "work_city = 200000\nhukou_city = 200000\n" MAN "monthly_income = 5000\n",
     "2019-06-01",
     {{ELIGIBLE, 0, .want = 1}, {ELIGIBLE, 1, .want = 1}}},
    {"permit missing",
     "work_city = 300000\nhukou_city = 100000\nresidence_permit = no\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{ELIGIBLE, 0, .want = 0},
      {BLOCKER, 0, .want = ADVICE_PERMIT_REQUIRED},
      {NSTEPS, 0, .want = 2}, /* a permit would open it: how to get one, whom to call */
      {STEP, 0, .want = ADVICE_STEP_PERMIT},
      {STEP, 0, .want = ADVICE_STEP_HOTLINE},
      {NO_STEP, 0, .want = ADVICE_STEP_APPLY},
      {NO_STEP, 2, .want = ADVICE_STEP_PERMIT}}}, /* open: no permit step */
    {"permit missing, and past the age: a permit would not open it",
     "work_city = 300000\nhukou_city = 100000\nresidence_permit = no\nbirth = 1958-03\nsex = male\n"
     "work = flexible\nmonthly_income = 5000\n",
     "2025-06-01",
     {{ELIGIBLE, 0, .want = 0},
      {BLOCKER, 0, .want = ADVICE_PERMIT_REQUIRED},
      {BLOCKER, 0, .want = ADVICE_AGE_OUT_OF_RANGE},
      {NSTEPS, 0, .want = 0}}},
    {"permit held",
     "work_city = 300000\nhukou_city = 100000\nresidence_permit = yes\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{ELIGIBLE, 0, .want = 1},
      {ELIGIBLE, 1, .want = -1},
      {CAVEAT_V0, 1, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_ACCESS}}},
    {"resident scheme needs a permit",
     "work_city = 100000\nhukou_city = 300000\nresidence_permit = no\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{BLOCKER, 1, .want = ADVICE_PERMIT_REQUIRED}, {ELIGIBLE, 0, .want = 1}, {HAS_REF, 0, REF_ACCESS, 1}}},
    {"access unknown",
     "work_city = 400000\nhukou_city = 100000\nresidence_permit = yes\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{ELIGIBLE, 0, .want = -1},
      {CAVEAT_V0, 0, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_ACCESS},
      {RECOMMENDED, .want = 2}}},
    {"employed",
     LOCAL_A "birth = 1985-03\nsex = male\nwork = employed\nmonthly_income = 8000\n",
     "2025-06-01",
     {{BLOCKER, 0, .want = ADVICE_EMPLOYED_ELSEWHERE},
      {BLOCKER, 1, .want = ADVICE_EMPLOYED_ELSEWHERE},
      {ELIGIBLE, 1, .want = 0},
      {RECOMMENDED, .want = -1},
      {REASON, .want = ADVICE_REASON_INSURED_BY_EMPLOYER}}},
    {"self-employed may join",
     LOCAL_A "birth = 1985-03\nsex = male\nwork = self_employed\nmonthly_income = 8000\n",
     "2025-06-01",
     {{ELIGIBLE, 0, .want = 1}}},

    /* age limits */
    {"age 59",
     LOCAL_A "birth = 1960-01\nsex = male\nwork = flexible\nmonthly_income = 5000\n",
     "2019-06-01",
     {{ELIGIBLE, 0, .want = 1}}},
    {"age 60",
     LOCAL_A "birth = 1959-01\nsex = male\nwork = flexible\nmonthly_income = 5000\n",
     "2019-06-01",
     {{BLOCKER, 0, .want = ADVICE_AGE_OUT_OF_RANGE}, {ELIGIBLE, 1, .want = 1}}},
    {"age 15",
     LOCAL_A "birth = 2004-01\nsex = male\nwork = flexible\nmonthly_income = 500\n",
     "2019-06-01",
     {{BLOCKER, 0, .want = ADVICE_AGE_OUT_OF_RANGE}}},
    {"woman 55",
     LOCAL_A "birth = 1964-01\nsex = female\nfemale_retire_age = 55\nwork = flexible\n"
             "monthly_income = 5000\n",
     "2019-06-01",
     {{BLOCKER, 0, .want = ADVICE_AGE_OUT_OF_RANGE}}},
    {"past statutory age, no city limit",
     "work_city = 300000\nhukou_city = 300000\nbirth = 1958-01\nsex = male\n"
     "work = flexible\nmonthly_income = 5000\n",
     "2019-06-01",
     {{BLOCKER, 0, .want = ADVICE_AGE_OUT_OF_RANGE}}},

    /* the waiting-period table: resident scheme after a break (38号) */
    {"gap 0, never covered",
     LOCAL_A MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{WAITING, 1, .want = 3},
      {CAVEAT_V0, 1, ADVICE_WAITING_PERIOD, 3},
      {CAVEAT, 1, .want = ADVICE_ENROLLMENT_WINDOW},
      {CAVEAT_V0, 1, ADVICE_COVERAGE_GAP, 0}}},
    {"gap 11",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 11\n",
     "2025-06-01",
     {{WAITING, 1, .want = 3}}},
    {"gap 12",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 12\n",
     "2025-06-01",
     {{WAITING, 1, .want = 3}}},
    {"gap 24",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 24\n",
     "2025-06-01",
     {{WAITING, 1, .want = 4}}},
    {"gap 36",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 36\n",
     "2025-06-01",
     {{WAITING, 1, .want = 5}}},
    {"gap 47",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 47\n",
     "2025-06-01",
     {{WAITING, 1, .want = 5}}},
    {"gap 48",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 48\n",
     "2025-06-01",
     {{WAITING, 1, .want = 6}}},
    {"gap 60",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 60\n",
     "2025-06-01",
     {{WAITING, 1, .want = 7}}},
    {"local rule, gap 47",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 5000\n"
     "gap_months = 47\n",
     "2025-06-01",
     {{WAITING, 1, .want = 2}}},
    {"local rule, floor at 4 years",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 5000\n"
     "gap_months = 48\n",
     "2025-06-01",
     {{WAITING, 1, .want = 6}}},
    {"gap before the rule",
     LOCAL_A MAN "monthly_income = 5000\ngap_months = 24\n",
     "2024-06-01",
     {{WAITING, 1, .want = -1}, {CAVEAT_V0, 1, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_WAITING}}},

    /* switches and transfers (43号): gap <= 3 months after 2 continuous years */
    {"staying put",
     LOCAL_A MAN "monthly_income = 5000\ncoverage = employee\ncoverage_city = 100000\n"
                 "employee_years = 3\nemployee_years_local = 3\n",
     "2025-06-01",
     {{WAITING, 0, .want = 0},
      {NO_CAVEAT, 0, .want = ADVICE_TRANSFER_GAP},
      {NO_CAVEAT, 0, .want = ADVICE_COVERAGE_GAP},
      {NO_CAVEAT, 0, .want = ADVICE_TRANSFER_YEARS},
      {NO_STEP, 0, .want = ADVICE_STEP_TRANSFER},
      {STEP_V0, 0, ADVICE_STEP_BRING, ADVICE_DOC_ID_CARD}}},
    {"transfer after 3 years, gap 2",
     LOCAL_A MAN "monthly_income = 5000\ncoverage = employee\n"
                 "coverage_city = 200000\ngap_months = 2\nemployee_years = 3\n",
     "2025-06-01",
     {{WAITING, 0, .want = 0},
      {NO_CAVEAT, 0, .want = ADVICE_TRANSFER_GAP},
      {CAVEAT_V0, 0, ADVICE_TRANSFER_YEARS, 30},
      {STEP, 0, .want = ADVICE_STEP_TRANSFER},
      {STEP_V0, 0, ADVICE_STEP_BRING, ADVICE_DOC_ID_CARD | ADVICE_DOC_INSURANCE_CERTIFICATE}}},
    {"transfer after 1.5 years",
     LOCAL_A MAN "monthly_income = 5000\ncoverage = employee\n"
                 "coverage_city = 200000\ngap_months = 2\nemployee_years = 1.5\n",
     "2025-06-01",
     {{WAITING, 0, .want = -1}, {CAVEAT_V0, 0, ADVICE_TRANSFER_GAP, 2}}},
    {"transfer with a gap of 4",
     LOCAL_A MAN "monthly_income = 5000\ncoverage = employee\n"
                 "coverage_city = 200000\ngap_months = 4\nemployee_years = 5\n",
     "2025-06-01",
     {{CAVEAT_V0, 0, ADVICE_TRANSFER_GAP, 4},
      {CAVEAT_V1, 0, ADVICE_TRANSFER_GAP, 6},
      {WAITING, 0, .want = 3},
      {CAVEAT_V0, 0, ADVICE_WAITING_PERIOD, 3}}},
    {"resident switch, continuity unknown",
     LOCAL_A MAN "monthly_income = 5000\ncoverage = resident\n"
                 "coverage_city = 200000\ngap_months = 3\n",
     "2025-06-01",
     {{WAITING, 1, .want = -1},
      {CAVEAT, 1, .want = ADVICE_TRANSFER_GAP},
      {CAVEAT, 1, .want = ADVICE_ENROLLMENT_WINDOW}}},

    /* retirement: the 2025 reform, years by then, the city's years */
    {"man born 1980",
     LOCAL_A "birth = 1980-01\nsex = male\nwork = flexible\nmonthly_income = 5000\n"
             "employee_years = 5\nemployee_years_local = 5\n",
     "2025-06-01",
     {{AGE_MONTHS, 0, .want = 63 * 12},
      {RETIRE_YM, 0, .want = 204301},
      {YEARS_AT, 0, .want = 225},
      {YEARS_REQ, 0, .want = 25},
      {SHORTFALL, 0, .want = 25},
      {CAVEAT_V0, 0, ADVICE_RETIREMENT_SHORTFALL, 25},
      {YEARS_AT, 1, .want = 50}}},
    {"man born 1980 before the reform",
     LOCAL_A "birth = 1980-01\nsex = male\nwork = flexible\n"
             "monthly_income = 5000\n",
     "2019-06-01",
     {{AGE_MONTHS, 0, .want = 60 * 12}, {RETIRE_YM, 0, .want = 204001}}},
    {"woman 50, born 1990",
     LOCAL_A "birth = 1990-05\nsex = female\nfemale_retire_age = 50\nwork = flexible\n"
             "monthly_income = 5000\nemployee_years = 10\nemployee_years_local = 10\n",
     "2025-06-01",
     {{AGE_MONTHS, 0, .want = 55 * 12},
      {RETIRE_YM, 0, .want = 204505},
      {YEARS_REQ, 0, .want = 20},
      {SHORTFALL, 0, .want = 0},
      {NO_CAVEAT, 0, .want = ADVICE_RETIREMENT_SHORTFALL}}},
    {"years required unknown",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{YEARS_REQ, 0, .want = -1},
      {SHORTFALL, 0, .want = -1},
      {CAVEAT_V0, 0, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_YEARS_REQUIRED}}},

    /* the recommendation */
    {"affordable employee scheme",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{RECOMMENDED, .want = 0},
      {REASON, .want = ADVICE_REASON_RETIREMENT_BENEFITS},
      {REASON_V0, .id = ADVICE_REASON_AFFORDABLE, .want = 5000},
      {REASON_V0, .id = ADVICE_REASON_HIGHER_REIMBURSEMENT, .want = 8460}}},
    {"burden with the pension",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{RECOMMENDED, .want = 1},
      {REASON_V0, .id = ADVICE_REASON_COST_BURDEN, .want = 300000},
      {REASON, .want = ADVICE_REASON_LOCAL_CARE}}},
    {"short stay",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\nstay_years = 1\n",
     "2025-06-01",
     {{RECOMMENDED, .want = 1}, {REASON_V0, .id = ADVICE_REASON_SHORT_STAY, .want = 1}}},
    /* the lines are the project's own (kind: project), and their reasons say so */
    {"the burden line is the project's own",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{REASON_V1, .id = ADVICE_REASON_COST_BURDEN, .want = 100000},
      {REASON_OWN, .id = ADVICE_REASON_COST_BURDEN, .want = 1}}},
    {"the affordable line is the project's own",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{REASON_V1, .id = ADVICE_REASON_AFFORDABLE, .want = 100000},
      {REASON_OWN, .id = ADVICE_REASON_AFFORDABLE, .want = 1},
      {REASON_OWN, .id = ADVICE_REASON_HIGHER_REIMBURSEMENT, .want = 0}}},
    {"the short-stay line is the project's own",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\nstay_years = 1\n",
     "2025-06-01",
     {{REASON_V1, .id = ADVICE_REASON_SHORT_STAY, .want = 2},
      {REASON_OWN, .id = ADVICE_REASON_SHORT_STAY, .want = 1}}},
    {"long stay",
     "work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\nstay_years = 2\n",
     "2025-06-01",
     {{RECOMMENDED, .want = 0}}},
    {"retiring in the hukou city",
     "work_city = 300000\nhukou_city = 100000\nresidence_permit = yes\n" MAN
     "monthly_income = 8000\nstay_years = 1\nretire_city = hukou\n",
     "2025-06-01",
     {{RECOMMENDED, .want = 2},
      {REASON, .want = ADVICE_REASON_RETIRE_IN_HUKOU},
      {CAVEAT, 2, .want = ADVICE_REMOTE_CARE_FILING},
      {CAVEAT, 0, .want = ADVICE_REMOTE_CARE_FILING},
      {CAVEAT, 1, .want = ADVICE_REMOTE_CARE_FILING},
      {STEP, 2, .want = ADVICE_STEP_REMOTE_CARE},
      {STEP, 2, .want = ADVICE_STEP_WINDOW},
      {NO_STEP, 0, .want = ADVICE_STEP_WINDOW}, /* the employee scheme has no window */
      {STEP_V0, 0, ADVICE_STEP_PAY, 12},        /* rate x base: monthly */
      {STEP_V0, 2, ADVICE_STEP_PAY, 1},         /* the resident premium: yearly */
      {STEP_V0, 0, ADVICE_STEP_BRING, ADVICE_DOC_ID_CARD | ADVICE_DOC_RESIDENCE_PERMIT},
      {STEP_V0, 2, ADVICE_STEP_BRING, ADVICE_DOC_ID_CARD | ADVICE_DOC_HOUSEHOLD_REGISTER}}},
    {"remote care needs filing",
     "work_city = 300000\nhukou_city = 100000\nresidence_permit = yes\n" MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{CAVEAT, 2, .want = ADVICE_REMOTE_CARE_FILING}, {NO_CAVEAT, 0, .want = ADVICE_REMOTE_CARE_FILING}}},
    {"only known open: the others unknown, not closed",
     "work_city = 300000\nhukou_city = 100000\nresidence_permit = no\n" MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{ELIGIBLE, 0, .want = 0},
      {ELIGIBLE, 1, .want = -1},
      {ELIGIBLE, 2, .want = 1},
      {RECOMMENDED, .want = 2},
      {REASON, .want = ADVICE_REASON_ONLY_KNOWN_ELIGIBLE},
      {REASON_V0, .id = ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, .want = 1},   /* one known closed */
      {REASON_V1, .id = ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, .want = 1}}}, /* one unknown */

    /* someone already in the employee scheme: never blocked by an enrolment age */
    {"past the age, not insured: blocked",
     LOCAL_A "birth = 1960-01\nsex = male\nwork = flexible\n"
             "monthly_income = 8000\nemployee_years = 10\n",
     "2026-06-01",
     {{ELIGIBLE, 0, .want = 0}, {BLOCKER, 0, .want = ADVICE_AGE_OUT_OF_RANGE}}},
    {"past the age, insured here: pay on for 15 years",
     LOCAL_A "birth = 1960-01\nsex = male\nwork = flexible\n"
             "monthly_income = 8000\nemployee_years = 10\n"
             "employee_years_local = 10\ncoverage = employee\n"
             "coverage_city = 100000\n",
     "2026-06-01",
     {{ELIGIBLE, 0, .want = 1},
      {CAVEAT_V0, 0, ADVICE_EXTEND_PAYMENT, 150},
      {CAVEAT_V1, 0, ADVICE_EXTEND_PAYMENT, 960000},
      {CAVEAT_V0, 1, ADVICE_SWITCH_LOSES_YEARS, 100},
      {NO_CAVEAT, 0, .want = ADVICE_SWITCH_LOSES_YEARS}}},
    {"insured elsewhere: the age applies",
     LOCAL_A "birth = 1960-01\nsex = male\nwork = flexible\n"
             "monthly_income = 8000\nemployee_years = 10\ncoverage = employee\n"
             "coverage_city = 200000\n",
     "2026-06-01",
     {{ELIGIBLE, 0, .want = 0}, {NO_CAVEAT, 0, .want = ADVICE_EXTEND_PAYMENT}}},
    {"years complete: nothing to pay on",
     LOCAL_A "birth = 1960-01\nsex = male\nwork = flexible\n"
             "monthly_income = 8000\nemployee_years = 30\nemployee_years_local = 30\n"
             "coverage = employee\ncoverage_city = 100000\n",
     "2026-06-01",
     {{ELIGIBLE, 0, .want = 1}, {NO_CAVEAT, 0, .want = ADVICE_EXTEND_PAYMENT}}},

    /* the employee scheme's wait when the local rule is unknown: the national bound */
    {"new enrollee, local rule unknown",
     "work_city = 400000\nhukou_city = 400000\n" MAN "monthly_income = 5000\n",
     "2025-06-01",
     {{WAITING, 0, .want = 6}, {WAITING_BOUND, 0, .want = 1}, {CAVEAT_V0, 0, ADVICE_WAITING_BOUND, 6}}},
    {"a city's own rule is not a bound",
     LOCAL_A MAN "monthly_income = 5000\ncoverage = employee\n"
                 "coverage_city = 200000\ngap_months = 4\nemployee_years = 5\n",
     "2025-06-01",
     {{WAITING, 0, .want = 3}, {WAITING_BOUND, 0, .want = 0}}},

    /* a 10,000-yuan stay: (10,000 - deductible) x the share not paid, deductible unknown as 0 */
    {"a hospital stay",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2025-06-01",
     {{STAY_OWN, 0, .want = 154000}, {STAY_OWN, 1, .want = 319000}}},
    {"a stay before the ratios are known",
     LOCAL_A MAN "monthly_income = 8000\n",
     "2024-06-01",
     {{STAY_OWN, 0, .want = U}}},

    /* what the detail tells beside the figures: a floor of 60% of an 8,000 wage (4,800), the
     * add-ons 10 a month + 0.5% of the lowest base (10 x 12 + 24 x 12 = 408 a year), within
     * 4,800 x 8.5% x 12 + 120 = 5,016; the subsidy; the document's words */
    {"a floor from the wage, add-ons, a subsidy",
     "work_city = 700000\nhukou_city = 700000\n" MAN "monthly_income = 6000\n",
     "2025-06-01",
     {{DERIVED, 0, .want = 1},
      {WAGE, 0, .want = 800000},
      {FLOOR_BP, 0, .want = 6000},
      {BASE_LOW, 0, .want = 480000},
      {ADDON_ANNUAL, 0, .want = 40800},
      {ANNUAL_LOW, 0, .want = 501600},
      {TEXT_IS, 0, TEXT_ADDON, 1},
      {TEXT_IS, 0, TEXT_WORDING, 1},
      {TEXT_IS, 0, TEXT_SCOPE, 1},
      {SUBSIDY, 1, .want = 70000},
      {SUBSIDY, 0, .want = U},
      {ADDON_ANNUAL, 1, .want = 0},
      {TEXT_IS, 1, TEXT_ADDON, 0}}},
    {"a city without them",
     LOCAL_A MAN "monthly_income = 6000\n",
     "2025-06-01",
     {{DERIVED, 0, .want = 0},
      {WAGE, 0, .want = U},
      {ADDON_ANNUAL, 0, .want = 0},
      {TEXT_IS, 0, TEXT_WORDING, 0},
      {LOCAL_MIN, 0, .want = -1},
      {ACTUAL_MIN, 0, .want = -1},
      {NO_CAVEAT, 0, .want = ADVICE_LOCAL_YEARS_SHORTFALL}}},
    /* 10 of the 25 years paid in the city itself: a man born 1968-03 retires at 60 and 10 months
     * (2029-01), 3.5 years on; 20 years paid, 5 of them here: 8.5 here at retirement, 1.5 short */
    {"too few years paid here",
     "work_city = 700000\nhukou_city = 700000\nbirth = 1968-03\nsex = male\nwork = flexible\n"
     "monthly_income = 6000\nemployee_years = 20\nemployee_years_local = 5\n",
     "2025-06-01",
     {{RETIRE_YM, 0, .want = 202901},
      {LOCAL_MIN, 0, .want = 10},
      {ACTUAL_MIN, 0, .want = 10},
      {LOCAL_AT, 0, .want = 85},
      {CAVEAT_V0, 0, ADVICE_LOCAL_YEARS_SHORTFALL, 15},
      {CAVEAT_V1, 0, ADVICE_LOCAL_YEARS_SHORTFALL, 10},
      {CAVEAT_V0, 0, ADVICE_RETIREMENT_SHORTFALL, 15},
      {NO_CAVEAT, 1, .want = ADVICE_LOCAL_YEARS_SHORTFALL}}},
    /* paying on (延缴) past the age until the years are complete: those to be paid here too */
    {"paying on until the years paid here are complete",
     "work_city = 700000\nhukou_city = 700000\nbirth = 1970-01\nsex = female\nfemale_retire_age = 50\n"
     "work = flexible\nmonthly_income = 6000\nemployee_years = 15\nemployee_years_local = 3\n"
     "coverage = employee\ncoverage_city = 700000\ngap_months = 0\n",
     "2025-06-01",
     {{CAVEAT_V0, 0, ADVICE_EXTEND_PAYMENT, 70},
      {CAVEAT_V2, 0, ADVICE_EXTEND_PAYMENT, 203206}, /* 7 years from 2025-06 */
      {CAVEAT_V0, 0, ADVICE_LOCAL_YEARS_SHORTFALL, 70}}},
    {"paying on until all the years are complete",
     "work_city = 700000\nhukou_city = 700000\nbirth = 1970-01\nsex = female\nfemale_retire_age = 50\n"
     "work = flexible\nmonthly_income = 6000\nemployee_years = 12\nemployee_years_local = 8\n"
     "coverage = employee\ncoverage_city = 700000\ngap_months = 0\n",
     "2025-06-01",
     {{CAVEAT_V0, 0, ADVICE_EXTEND_PAYMENT, 80},
      {CAVEAT_V2, 0, ADVICE_EXTEND_PAYMENT, 203306},
      {CAVEAT_V0, 0, ADVICE_LOCAL_YEARS_SHORTFALL, 20}}},
    /* the enrolment window: the last known one, ended or not */
    {"an enrolment window still to come",
     "work_city = 700000\nhukou_city = 700000\n" MAN "monthly_income = 6000\n",
     "2024-06-01",
     {{STEP_V0, 1, ADVICE_STEP_WINDOW, 20240901}, {STEP_V2, 1, ADVICE_STEP_WINDOW, 0}}},
    {"an enrolment window on its last day",
     "work_city = 700000\nhukou_city = 700000\n" MAN "monthly_income = 6000\n",
     "2024-12-31",
     {{STEP_V2, 1, ADVICE_STEP_WINDOW, 0}}},
    {"an enrolment window that has ended: the next is set locally",
     "work_city = 700000\nhukou_city = 700000\n" MAN "monthly_income = 6000\n",
     "2025-01-01",
     {{STEP_V0, 1, ADVICE_STEP_WINDOW, 20240901}, {STEP_V2, 1, ADVICE_STEP_WINDOW, 1}}},
    {"enough years paid here",
     "work_city = 700000\nhukou_city = 700000\nbirth = 1968-03\nsex = male\nwork = flexible\n"
     "monthly_income = 6000\nemployee_years = 20\nemployee_years_local = 7\n",
     "2025-06-01",
     {{LOCAL_AT, 0, .want = 105}, {NO_CAVEAT, 0, .want = ADVICE_LOCAL_YEARS_SHORTFALL}}},
};

static int
find(const struct advice_item *items, int n, int id)
{
	for (int i = 0; i < n; i++)
		if ((int)items[i].id == id)
			return i;
	return -1;
}

/* The v[k] of the caveat id; with several (unknown_value), the one equal
 * to want when there is one. */
static int64_t
caveat_value(const struct advice_option *o, int id, int k, int64_t want, bool *ok)
{
	int64_t first = 0;
	*ok = false;
	for (int i = 0; i < o->ncaveats; i++) {
		if ((int)o->caveats[i].id != id)
			continue;
		if (!*ok)
			first = o->caveats[i].v[k];
		*ok = true;
		if (o->caveats[i].v[k] == want)
			return want;
	}
	return first;
}

static int64_t
pick(const struct advice *adv, const struct expect *x, size_t ci, bool *ok)
{
	const struct advice_option *o = &adv->options[x->opt];
	int i;
	*ok = true;
	switch (x->what) {
	case NOPTIONS:
		return adv->noptions;
	case ELIGIBLE:
		return o->eligible;
	case BLOCKER:
		return find(o->blockers, o->nblockers, (int)x->want) >= 0 ? x->want : -999;
	case CAVEAT:
		return find(o->caveats, o->ncaveats, (int)x->want) >= 0 ? x->want : -999;
	case NO_CAVEAT:
		return find(o->caveats, o->ncaveats, (int)x->want) < 0 ? x->want : -999;
	case CAVEAT_V0:
	case CAVEAT_V1:
	case CAVEAT_V2: {
		int64_t v = caveat_value(o, x->id,
		                         x->what == CAVEAT_V0   ? 0
		                         : x->what == CAVEAT_V1 ? 1
		                                                : 2,
		                         x->want, ok);
		if (!*ok)
			print_message("case %zu: caveat %s missing\n", ci, advice_id_name(x->id));
		return v;
	}
	case BASE_LOW:
		return o->low.base;
	case MONTHLY_LOW:
		return o->low.monthly;
	case ANNUAL_LOW:
		return o->low.annual;
	case PENSION_LOW:
		return o->low.pension_monthly;
	case SHARE_LOW:
		return o->low.share_ppm;
	case BASE_MATCH:
		return o->matched.base;
	case MONTHLY_MATCH:
		return o->matched.monthly;
	case ANNUAL_MATCH:
		return o->matched.annual;
	case PENSION_MATCH:
		return o->matched.pension_monthly;
	case MINIMUM:
		return o->cost_is_minimum;
	case INPATIENT:
		return o->inpatient_bp;
	case AVERAGE:
		return o->inpatient_is_average;
	case ACCOUNT:
		return o->personal_account;
	case WAITING:
		return o->waiting_months;
	case AGE_MONTHS:
		return o->retirement.age_months;
	case RETIRE_YM:
		return o->retirement.year * 100 + o->retirement.month;
	case YEARS_AT:
		return o->retirement.years_at_retirement;
	case YEARS_REQ:
		return o->retirement.years_required;
	case SHORTFALL:
		return o->retirement.shortfall;
	case RECOMMENDED:
		return adv->recommended;
	case REASON:
		return find(adv->reasons, adv->nreasons, (int)x->want) >= 0 ? x->want : -999;
	case FIRST_REASON:
		return adv->nreasons > 0 ? (int64_t)adv->reasons[0].id : -1;
	case STAY_OWN:
		return o->stay.own;
	case WAITING_BOUND:
		return o->waiting_is_bound;
	case REASON_V0:
	case REASON_V1:
	case REASON_OWN:
		i = find(adv->reasons, adv->nreasons, x->id);
		if (i < 0) {
			print_message("case %zu: reason %s missing\n", ci, advice_id_name(x->id));
			*ok = false;
			return 0;
		}
		return x->what == REASON_V0   ? adv->reasons[i].v[0]
		       : x->what == REASON_V1 ? adv->reasons[i].v[1]
		                              : adv->reasons[i].ref->own;
	case ACCOUNT_KIND:
		return o->account_ref != NULL ? (int64_t)o->account_ref->kind : -1;
	case TOTAL_SHARE:
		return o->matched.total_share_ppm;
	case STEP:
	case NO_STEP:
		for (i = 0; i < o->nsteps; i++)
			if ((int64_t)o->steps[i].id == x->want)
				return x->what == STEP ? x->want : -999;
		return x->what == STEP ? -999 : x->want;
	case STEP_V0:
	case STEP_V2:
		for (i = 0; i < o->nsteps; i++)
			if ((int)o->steps[i].id == x->id)
				return o->steps[i].v[x->what == STEP_V0 ? 0 : 2];
		print_message("case %zu: step %s missing\n", ci, advice_step_name(x->id));
		*ok = false;
		return 0;
	case NSTEPS:
		return o->nsteps;
	case HAS_REF: {
		const struct policy_ref *r = x->id == REF_ACCESS    ? o->access_ref
		                             : x->id == REF_ACCOUNT ? o->account_ref
		                                                    : o->retirement.years_ref;
		return r != NULL;
	}
	case SUBSIDY:
		return o->subsidy;
	case ADDON_ANNUAL:
		return o->addon_annual;
	case WAGE:
		return o->wage;
	case FLOOR_BP:
		return o->floor_bp;
	case DERIVED:
		return o->base_derived;
	case LOCAL_AT:
		return o->retirement.local_at_retirement;
	case LOCAL_MIN:
		return o->retirement.local_min;
	case ACTUAL_MIN:
		return o->retirement.actual_min;
	case TEXT_IS: {
		static const char *const want[] = {"大额医疗", "上年度全省平均工资的60%",
		                                   "全口径城镇单位就业人员"};
		const char *t = x->id == TEXT_ADDON     ? o->addon_name
		                : x->id == TEXT_WORDING ? o->base_wording
		                                        : o->wage_scope;
		return t == NULL ? 0 : strcmp(t, want[x->id]) == 0 ? 1 : -1;
	}
	case STATUS:
	case END:
		break;
	}
	*ok = false;
	return 0;
}

static void
test_rules(void **state)
{
	struct policy_set *ps = *state;
	int failures = 0;
	for (size_t ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
		const struct tcase *c = &cases[ci];
		char text[1024];
		struct answers a;
		struct answers_error err;
		struct date on;
		struct advice adv;
		snprintf(text, sizeof text, "[answers]\n%s", c->answers);
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
		assert_true(date_parse(c->as_of, strlen(c->as_of), &on));
		enum answers_status st = advice_build(&adv, &a, ps, on, NULL, &err);
		for (const struct expect *x = c->expect; x->what != END; x++) {
			if (x->what == STATUS) {
				if ((int64_t)st != x->want) {
					print_message("case %zu (%s): status %d, want %d\n", ci, c->name, st,
					              (int)x->want);
					failures++;
				}
				continue;
			}
			if (st != ANSWERS_OK) {
				print_message("case %zu (%s): advice_build failed with %d (key %d)\n", ci,
				              c->name, st, err.key);
				failures++;
				break;
			}
			bool ok;
			int64_t got = pick(&adv, x, ci, &ok);
			if (!ok || got != x->want) {
				print_message("case %zu (%s): check %d option %d: got %lld, want %lld\n", ci,
				              c->name, (int)x->what, x->opt, (long long)got,
				              (long long)x->want);
				failures++;
			}
		}
		/* the contract: every blocker, caveat and reason has a source */
		if (st == ANSWERS_OK) {
			for (int i = 0; i < adv.noptions; i++) {
				const struct advice_option *o = &adv.options[i];
				for (int k = 0; k < o->nblockers; k++)
					assert_true(o->blockers[k].ref != NULL &&
					            o->blockers[k].ref->source[0] != '\0');
				for (int k = 0; k < o->ncaveats; k++)
					assert_true(o->caveats[k].ref != NULL &&
					            o->caveats[k].ref->source[0] != '\0');
				if (o->nblockers > 0)
					assert_int_equal(o->eligible, 0);
			}
			for (int k = 0; k < adv.nreasons; k++)
				assert_true(adv.reasons[k].ref != NULL &&
				            adv.reasons[k].ref->source[0] != '\0');
			if (adv.recommended >= 0)
				assert_int_equal(adv.options[adv.recommended].eligible, 1);
		}
	}
	assert_int_equal(failures, 0);
}

/* What-if: a tier the city offers is costed when chosen, the default
 * otherwise (the real data: 青岛 has two adult tiers for the resident scheme,
 * 北京 none). */
static void
test_tiers(void **state)
{
	(void)state;
	static const struct {
		const char *city;
		int option, choice; /* params.tier[option] */
		int want_ntiers, want_index;
		int64_t want_annual; /* fen */
		const char *want_name;
		int want_account; /* personal_account, or -2: not checked */
		int not_offered;  /* the tier_not_offered caveat's v1 (the tiers there), -1: none */
	} rows[] = {
	    {"370200", 1, 0, 2, 0, 48200, "成年居民一档", -2, -1}, /* no choice: the default */
	    {"370200", 1, 1, 2, 0, 48200, "成年居民一档", -2, -1},
	    {"370200", 1, 2, 2, 1, 41500, "成年居民二档", -2, -1},
	    /* not a tier there: the default, and said so */
	    {"370200", 1, 3, 2, 0, 48200, "成年居民一档", -2, 2},
	    {"370200", 1, -1, 2, 0, 48200, "成年居民一档", -2, -1}, /* not a choice at all */
	    /* 青岛's own employee rate comes before 山东's tiers: no choice, and the account of
	     * 山东's default tier is not 青岛's: unknown */
	    {"370200", 0, 2, 0, -1, -2, NULL, -1, 0},
	    {"370200", 0, 0, 0, -1, -2, NULL, -1, -1},
	    /* 淄博 (no file of its own): 山东's 7% and 9% tiers, the 9% one with an account */
	    {"370300", 0, 0, 2, 0, -2, "7%（不建个人账户）", 0, -1},
	    {"370300", 0, 2, 2, 1, -2, "9%（建个人账户）", 1, -1},
	    {"110000", 1, 2, 0, -1, 0, NULL, -2, 0}, /* 北京: none, the choice changes nothing */
	    {"110000", 1, 1, 0, -1, 0, NULL, -2, 0}, /* even the first: there are none */
	    /* 济南's own last known tiers (9% and 5%, 2025) come before 山东's current ones: those
	     * are offered, and a choice costs them */
	    {"370100", 0, 0, 2, 0, -2, "9%（建立个人账户）", 1, -1},
	    {"370100", 0, 2, 2, 1, -2, "5%（不设个人账户）", 0, -1},
	};
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	assert_non_null(ps);
	assert_int_equal(policy_set_add_builtin(ps, &err), POLICY_OK);
	assert_int_equal(policy_set_finish(ps, &err), POLICY_OK);
	struct date on = {2026, 12, 2};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char text[256];
		snprintf(text, sizeof text,
		         "[answers]\nwork_city = %s\nhukou_city = %s\n" MAN "monthly_income = 6000\n",
		         rows[i].city, rows[i].city);
		struct answers a;
		struct advice plain, adv;
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), NULL), ANSWERS_OK);
		assert_int_equal(advice_build(&plain, &a, ps, on, NULL, NULL), ANSWERS_OK);
		struct advice_params p = {.base_mode = ADVICE_BASE_INCOME};
		p.tier[rows[i].option] = rows[i].choice;
		assert_int_equal(advice_build(&adv, &a, ps, on, &p, NULL), ANSWERS_OK);
		const struct advice_option *o = &adv.options[rows[i].option];
		if (o->ntiers != rows[i].want_ntiers || o->tier_index != rows[i].want_index)
			fail_msg("row %zu: %d tiers, index %d; want %d, %d", i, o->ntiers, o->tier_index,
			         rows[i].want_ntiers, rows[i].want_index);
		const struct advice_item *no = NULL;
		for (int k = 0; k < o->ncaveats; k++)
			if (o->caveats[k].id == ADVICE_TIER_NOT_OFFERED)
				no = &o->caveats[k];
		if ((no != NULL) != (rows[i].not_offered >= 0) ||
		    (no != NULL &&
		     (no->v[0] != rows[i].choice || no->v[1] != rows[i].not_offered || no->ref == NULL)))
			fail_msg("row %zu: tier_not_offered %s (%lld, %lld), want %d", i,
			         no ? "given" : "missing", no ? (long long)no->v[0] : 0LL,
			         no ? (long long)no->v[1] : 0LL, rows[i].not_offered);
		if (rows[i].want_account != -2 && o->personal_account != rows[i].want_account)
			fail_msg("row %zu: personal account %d, want %d", i, o->personal_account,
			         rows[i].want_account);
		if (rows[i].want_annual > 0 && o->low.annual != rows[i].want_annual)
			fail_msg("row %zu: annual %lld, want %lld", i, (long long)o->low.annual,
			         (long long)rows[i].want_annual);
		if (rows[i].want_name != NULL) {
			assert_non_null(o->tier);
			assert_string_equal(o->tier, rows[i].want_name);
			assert_string_equal(o->tier_zh[o->tier_index], rows[i].want_name);
			assert_non_null(o->cost_ref);
		}
		if (rows[i].want_index == o->tier_default || o->ntiers == 0) {
			/* the default tier, or none: the advice of no choice at all */
			assert_true(o->low.annual == plain.options[rows[i].option].low.annual);
			assert_true(o->cost_ref == plain.options[rows[i].option].cost_ref);
		}
		/* only the chosen option's cost moves */
		for (int k = 0; k < adv.noptions; k++)
			if (k != rows[i].option)
				assert_true(adv.options[k].low.annual == plain.options[k].low.annual);
		/* each tier's yearly cost, given beside the one costed, is what
		 * choosing it costs */
		const struct advice_option *po = &plain.options[rows[i].option];
		for (int t = 0; t < po->ntiers; t++) {
			struct advice chosen;
			struct advice_params q = {.base_mode = ADVICE_BASE_INCOME};
			q.tier[rows[i].option] = t + 1;
			assert_int_equal(advice_build(&chosen, &a, ps, on, &q, NULL), ANSWERS_OK);
			const struct advice_option *co = &chosen.options[rows[i].option];
			int64_t want = co->scheme == ADVICE_EMPLOYEE ? co->matched.annual : co->low.annual;
			if (po->tier_annual[t] != want || co->tier_annual[t] != want)
				fail_msg(
				    "row %zu: tier %d costs %lld beside the default, %lld chosen; want %lld",
				    i, t, (long long)po->tier_annual[t], (long long)co->tier_annual[t],
				    (long long)want);
		}
	}
	policy_set_free(ps);
}

/* What-if: the matched base follows the mode and is clamped to the range. */
static void
test_params(void **state)
{
	static const struct {
		enum advice_base_mode mode;
		int64_t amount, want_base;
	} rows[] = {
	    {ADVICE_BASE_INCOME, 0, 800000},         {ADVICE_BASE_LOWEST, 0, 500000},
	    {ADVICE_BASE_AMOUNT, 1200000, 1200000},  {ADVICE_BASE_AMOUNT, 100, 500000},
	    {ADVICE_BASE_AMOUNT, 99999999, 2000000},
	};
	struct policy_set *ps = *state;
	const char text[] = "[answers]\n" LOCAL_A MAN "monthly_income = 8000\n";
	struct answers a;
	struct advice adv;
	struct date on = {2025, 6, 1};
	answers_init(&a);
	assert_int_equal(answers_parse(&a, text, strlen(text), NULL), ANSWERS_OK);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct advice_params p = {.base_mode = rows[i].mode, .base_amount = rows[i].amount};
		assert_int_equal(advice_build(&adv, &a, ps, on, &p, NULL), ANSWERS_OK);
		if (adv.options[0].matched.base != rows[i].want_base)
			fail_msg("row %zu: base %lld, want %lld", i, (long long)adv.options[0].matched.base,
			         (long long)rows[i].want_base);
		assert_int_equal(adv.options[0].low.base, 500000);
		/* a typed base below the floor is said to be costed at the floor */
		bool below = false;
		for (int k = 0; k < adv.options[0].ncaveats; k++)
			below |= adv.options[0].caveats[k].id == ADVICE_BASE_BELOW_FLOOR &&
			         adv.options[0].caveats[k].v[0] == 500000 &&
			         adv.options[0].caveats[k].v[1] == 100;
		if (below != (rows[i].mode == ADVICE_BASE_AMOUNT && rows[i].amount < 500000))
			fail_msg("row %zu: the below-the-floor caveat %s", i, below ? "given" : "missing");
	}
	/* a city whose floor is not known: the typed base is costed, and says so */
	const char etext[] =
	    "[answers]\nwork_city = 600000\nhukou_city = 600000\n" MAN "monthly_income = 8000\n";
	answers_init(&a);
	assert_int_equal(answers_parse(&a, etext, strlen(etext), NULL), ANSWERS_OK);
	assert_int_equal(advice_build(&adv, &a, ps, on, NULL, NULL), ANSWERS_OK);
	assert_true(adv.options[0].matched.annual == ADVICE_UNKNOWN); /* no floor, no base typed */
	struct advice_params typed = {.base_mode = ADVICE_BASE_AMOUNT, .base_amount = 600000};
	assert_int_equal(advice_build(&adv, &a, ps, on, &typed, NULL), ANSWERS_OK);
	assert_int_equal(adv.options[0].matched.base, 600000);
	assert_int_equal(adv.options[0].matched.monthly, 48000); /* 8% of 6,000 */
	bool said = false;
	for (int k = 0; k < adv.options[0].ncaveats; k++)
		said |= adv.options[0].caveats[k].id == ADVICE_BASE_FLOOR_UNKNOWN &&
		        adv.options[0].caveats[k].v[0] == 600000;
	assert_true(said);
}

/* Without the project's thresholds in the data (a --policy-dir that lacks
 * them) nothing is judged by a hidden line: no burden, affordable or
 * short-stay reason; the choice rests on the other rules. */
static void
test_no_thresholds(void **state)
{
	(void)state;
	static const struct {
		const char *answers;
		int recommended;
	} rows[] = {
	    {LOCAL_A MAN "monthly_income = 8000\n", 0}, /* a burden with the line */
	    {"work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\nstay_years = 1\n", 0},
	    {"work_city = 300000\nhukou_city = 300000\n" MAN "monthly_income = 8000\n", 0},
	};
	struct policy_set *ps = fixture_new_national(true);
	assert_non_null(ps);
	struct date on = {2025, 6, 1};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char text[512];
		struct answers a;
		struct advice adv;
		snprintf(text, sizeof text, "[answers]\n%s", rows[i].answers);
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), NULL), ANSWERS_OK);
		assert_int_equal(advice_build(&adv, &a, ps, on, NULL, NULL), ANSWERS_OK);
		if (adv.recommended != rows[i].recommended)
			fail_msg("row %zu: recommended %d, want %d", i, adv.recommended, rows[i].recommended);
		for (int k = 0; k < adv.nreasons; k++) {
			enum advice_id id = adv.reasons[k].id;
			if (id == ADVICE_REASON_COST_BURDEN || id == ADVICE_REASON_AFFORDABLE ||
			    id == ADVICE_REASON_SHORT_STAY)
				fail_msg("row %zu: reason %s without its line in the data", i,
				         advice_id_name(id));
		}
		/* the retirement reasons still stand */
		assert_true(find(adv.reasons, adv.nreasons, ADVICE_REASON_RETIREMENT_BENEFITS) >= 0);
	}
	policy_set_free(ps);
}

static void
test_names(void **state)
{
	(void)state;
	for (int id = 0; id < ADVICE_ID_COUNT; id++) {
		const char *n = advice_id_name((enum advice_id)id);
		if (n == NULL || n[0] == '\0')
			fail_msg("id %d has no name", id);
		for (int j = 0; j < id; j++)
			assert_string_not_equal(n, advice_id_name((enum advice_id)j));
	}
	assert_null(advice_id_name(ADVICE_ID_COUNT));
	for (int f = 0; f < ADVICE_FIELD_COUNT; f++)
		assert_non_null(advice_field_name((enum advice_field)f));
}

static int
setup(void **state)
{
	*state = fixture_new();
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	policy_set_free(*state);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names), cmocka_unit_test(test_rules),         cmocka_unit_test(test_params),
	    cmocka_unit_test(test_tiers), cmocka_unit_test(test_no_thresholds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
