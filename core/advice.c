/* advice.c -- the pure decision: answers + policy + date in, options with ids and numbers out */
#include "advice.h"

#include <stddef.h>
#include <string.h>

#include "retire.h"

static const char *const id_names[ADVICE_ID_COUNT] = {
    [ADVICE_HUKOU_REQUIRED] = "hukou_required",
    [ADVICE_PERMIT_REQUIRED] = "permit_required",
    [ADVICE_EMPLOYED_ELSEWHERE] = "employed_elsewhere",
    [ADVICE_AGE_OUT_OF_RANGE] = "age_out_of_range",
    [ADVICE_PENSION_BUNDLED] = "pension_bundled",
    [ADVICE_BASE_ABOVE_INCOME] = "base_above_income",
    [ADVICE_WAITING_PERIOD] = "waiting_period",
    [ADVICE_ENROLLMENT_WINDOW] = "enrollment_window",
    [ADVICE_TRANSFER_YEARS] = "transfer_years",
    [ADVICE_TRANSFER_GAP] = "transfer_gap",
    [ADVICE_REMOTE_CARE_FILING] = "remote_care_filing",
    [ADVICE_RETIREMENT_SHORTFALL] = "retirement_shortfall",
    [ADVICE_NO_PERSONAL_ACCOUNT] = "no_personal_account",
    [ADVICE_COVERAGE_GAP] = "coverage_gap",
    [ADVICE_UNVERIFIED_DATA] = "unverified_data",
    [ADVICE_NO_LOCAL_DATA] = "no_local_data",
    [ADVICE_EXTEND_PAYMENT] = "extend_payment",
    [ADVICE_LUMP_SUM] = "lump_sum",
    [ADVICE_WAITING_BOUND] = "waiting_bound",
    [ADVICE_SWITCH_LOSES_YEARS] = "switch_loses_years",
    [ADVICE_BASE_BELOW_FLOOR] = "base_below_floor",
    [ADVICE_BASE_FLOOR_UNKNOWN] = "base_floor_unknown",
    [ADVICE_LOCAL_YEARS_SHORTFALL] = "local_years_shortfall",
    [ADVICE_TIER_NOT_OFFERED] = "tier_not_offered",
    [ADVICE_REASON_ONLY_KNOWN_ELIGIBLE] = "only_known_eligible",
    [ADVICE_UNKNOWN_VALUE] = "unknown_value",
    [ADVICE_REASON_INSURED_BY_EMPLOYER] = "insured_by_employer",
    [ADVICE_REASON_NONE_ELIGIBLE] = "none_eligible",
    [ADVICE_REASON_ONLY_ELIGIBLE] = "only_eligible",
    [ADVICE_REASON_RETIREMENT_BENEFITS] = "retirement_benefits",
    [ADVICE_REASON_HIGHER_REIMBURSEMENT] = "higher_reimbursement",
    [ADVICE_REASON_AFFORDABLE] = "affordable",
    [ADVICE_REASON_COST_BURDEN] = "cost_burden",
    [ADVICE_REASON_COST_UNKNOWN] = "cost_unknown",
    [ADVICE_REASON_LOCAL_CARE] = "local_care",
    [ADVICE_REASON_SHORT_STAY] = "short_stay",
    [ADVICE_REASON_RETIRE_IN_HUKOU] = "retire_in_hukou",
};

/* The numbers each id carries, in v[] order (also the placeholders of its
 * message in locales/). */
static const char *const id_values[ADVICE_ID_COUNT][ADVICE_MAX_VALUES] = {
    [ADVICE_AGE_OUT_OF_RANGE] = {"age", "limit"},
    [ADVICE_PENSION_BUNDLED] = {"rate_bp", "monthly_fen"},
    [ADVICE_BASE_ABOVE_INCOME] = {"base_fen", "income_fen"},
    [ADVICE_WAITING_PERIOD] = {"months", NULL},
    [ADVICE_NO_LOCAL_DATA] = {"figures_from", NULL},
    [ADVICE_EXTEND_PAYMENT] = {"years_short", "annual_fen", "until_yyyymm"},
    [ADVICE_LUMP_SUM] = {"years_short", NULL},
    [ADVICE_WAITING_BOUND] = {"months", NULL},
    [ADVICE_SWITCH_LOSES_YEARS] = {"years", NULL},
    [ADVICE_BASE_BELOW_FLOOR] = {"floor_fen", "typed_fen"},
    [ADVICE_BASE_FLOOR_UNKNOWN] = {"typed_fen", NULL},
    [ADVICE_TRANSFER_YEARS] = {"years_tenths", NULL},
    [ADVICE_TRANSFER_GAP] = {"gap_months", "max_months"},
    [ADVICE_RETIREMENT_SHORTFALL] = {"shortfall_tenths", "required_years"},
    [ADVICE_LOCAL_YEARS_SHORTFALL] = {"shortfall_tenths", "local_years"},
    [ADVICE_TIER_NOT_OFFERED] = {"asked_tier", "tiers"},
    [ADVICE_COVERAGE_GAP] = {"gap_months", NULL},
    [ADVICE_UNKNOWN_VALUE] = {"field", NULL},
    [ADVICE_REASON_ONLY_KNOWN_ELIGIBLE] = {"closed", "unknown"},
    [ADVICE_REASON_RETIREMENT_BENEFITS] = {"required_years", NULL},
    [ADVICE_REASON_HIGHER_REIMBURSEMENT] = {"employee_bp", "resident_bp"},
    [ADVICE_REASON_AFFORDABLE] = {"share_ppm", "limit_ppm", "medical_monthly_fen", "pension_monthly_fen"},
    [ADVICE_REASON_COST_BURDEN] = {"share_ppm", "limit_ppm", "medical_monthly_fen", "pension_monthly_fen"},
    [ADVICE_REASON_SHORT_STAY] = {"stay_years", "limit_years"},
};

static const char *const field_names[ADVICE_FIELD_COUNT] = {
    [ADVICE_FIELD_ACCESS] = "access",
    [ADVICE_FIELD_COST] = "cost",
    [ADVICE_FIELD_PENSION] = "pension",
    [ADVICE_FIELD_WAITING] = "waiting",
    [ADVICE_FIELD_YEARS_REQUIRED] = "years_required",
    [ADVICE_FIELD_BENEFITS] = "benefits",
};

const char *
advice_id_name(enum advice_id id)
{
	return (unsigned)id < ADVICE_ID_COUNT ? id_names[id] : NULL;
}

const char *
advice_id_value_name(enum advice_id id, int i)
{
	return (unsigned)id < ADVICE_ID_COUNT && i >= 0 && i < ADVICE_MAX_VALUES ? id_values[id][i] : NULL;
}

const char *
advice_field_name(enum advice_field f)
{
	return (unsigned)f < ADVICE_FIELD_COUNT ? field_names[f] : NULL;
}

static const char *const step_names[ADVICE_STEP_COUNT] = {
    [ADVICE_STEP_APPLY] = "apply",
    [ADVICE_STEP_BRING] = "bring",
    [ADVICE_STEP_WINDOW] = "window",
    [ADVICE_STEP_PAY] = "pay",
    [ADVICE_STEP_HOTLINE] = "hotline",
    [ADVICE_STEP_TRANSFER] = "transfer",
    [ADVICE_STEP_REMOTE_CARE] = "remote_care",
    [ADVICE_STEP_PERMIT] = "permit",
};

const char *
advice_step_name(enum advice_step_id id)
{
	return (unsigned)id < ADVICE_STEP_COUNT ? step_names[id] : NULL;
}

const char *
advice_document_name(int bit)
{
	switch (bit) {
	case ADVICE_DOC_ID_CARD:
		return "id_card";
	case ADVICE_DOC_HOUSEHOLD_REGISTER:
		return "household_register";
	case ADVICE_DOC_RESIDENCE_PERMIT:
		return "residence_permit";
	case ADVICE_DOC_INSURANCE_CERTIFICATE:
		return "insurance_certificate";
	}
	return NULL;
}

const char *
advice_scheme_name(enum advice_scheme s)
{
	return s == ADVICE_EMPLOYEE ? "employee" : "resident";
}

/* Everything one evaluation needs, so helpers take one pointer. */
/* A lookup is a few loads: the compiler is told to inline it everywhere,
 * where its own judgement changes from one edit to the next. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* the views an advice_build without a cache keeps for its own regions */
#define ADVICE_OWN_VIEWS 4

struct eval {
	const struct answers *a;
	const struct policy_set *ps;
	struct date on;
	const struct policy_ref *law;   /* national retirement section: the fallback source */
	const struct policy_ref *scope; /* the national scope section the choice rests on */
	const struct policy_ref *unverified;
	struct retire_day reform; /* the retirement-age reform's first day, when has_reform */
	bool has_reform;
	bool reform_known; /* the data says whether a reform is in force */
	/* one view per region consulted (work, hukou, national), in the
	 * caller's storage: left as it is until used (nviews), for a batch's
	 * rows use the cache's instead and zeroing 10 kB a row is a cost */
	struct policy_view *views;
	int view_region[ADVICE_OWN_VIEWS];
	int nviews;
	struct advice_views *cache; /* or NULL */
	int last_region;            /* the region of the last view_of, and its view */
	struct policy_view *last_view;
	struct policy_view *national_view; /* the nation's: the cache's, or the caller's */
	/* the option being costed in a tier other than its default: its kind's
	 * values are that tier's */
	enum policy_kind tier_kind;
	int tier; /* 0-based, -1: the default */
	/* the person's statutory retirement, once worked out (retire_done) */
	bool retire_done, retire_ok;
	struct retire_age retire;
	const struct policy_ref *tier_in; /* a value of the section whose tiers they are */
};

void
advice_views_init(struct advice_views *c, const struct policy_set *ps)
{
	c->ps = ps;
	c->reform_on = 0;
	c->law_on = 0;
	c->national_on = 0;
	for (int i = 0; i < ADVICE_VIEWS; i++)
		c->region[i] = -1;
}

/* The view of region, opened on first use. */
static struct policy_view *view_find(struct eval *e, int region);

/* Most lookups are of the region looked up last. */
static ALWAYS_INLINE struct policy_view *
view_of(struct eval *e, int region)
{
	if (e->last_view != NULL && e->last_region == region)
		return e->last_view;
	/* the nation's lookups come between a city's: its view is kept
	 * apart, where no other region's replaces it */
	if (region == POLICY_NATIONAL)
		return e->national_view;
	e->last_view = view_find(e, region);
	e->last_region = region;
	return e->last_view;
}

static struct policy_view *
view_find(struct eval *e, int region)
{
	if (e->cache != NULL && e->cache->ps == e->ps) {
		/* a slot per region (province and city codes spread over it); a
		 * region met in its slot's place is looked up afresh there, which
		 * only a caller that keeps no view across calls can afford: value()
		 * and text_value() use it at once */
		struct advice_views *c = e->cache;
		int32_t on = date_yyyymmdd(e->on);
		unsigned s = ((unsigned)region / 100u * 7u + (unsigned)region % 100u) % ADVICE_VIEWS;
		if (c->region[s] != region || c->on[s] != on) {
			c->region[s] = region;
			c->on[s] = on;
			policy_view_init(&c->v[s], e->ps, region, e->on);
		}
		return &c->v[s];
	}
	int i = 0;
	while (i < e->nviews && e->view_region[i] != region)
		i++;
	if (i == e->nviews) {
		/* the work city, the hukou city, the nation, and the province a
		 * benefit's figure came from */
		i = e->nviews < ADVICE_OWN_VIEWS ? e->nviews++ : ADVICE_OWN_VIEWS - 1;
		e->view_region[i] = region;
		policy_view_init(&e->views[i], e->ps, region, e->on);
	}
	return &e->views[i];
}

static ALWAYS_INLINE int64_t
value(struct eval *e, int region, enum policy_kind kind, int key, const struct policy_ref **ref)
{
	const struct policy_ref *r = NULL;
	int64_t v = POLICY_UNKNOWN;
	/* a chosen tier's values come from the section the cost does; what
	 * the tier leaves out is the section's, or found as usual */
	if (e->tier >= 0 && kind == e->tier_kind) {
		v = policy_section_value(e->tier_in, e->tier, key, NULL, &r);
		if (r != NULL && !r->verified && v != POLICY_UNKNOWN && e->unverified == NULL)
			e->unverified = r;
	}
	if (v == POLICY_UNKNOWN) {
		struct policy_view *pv = view_of(e, region);
		v = policy_view_value(pv, kind, key, &r);
		if (e->unverified == NULL && policy_view_unverified(pv, kind, key))
			e->unverified = r;
	}
	if (ref != NULL)
		*ref = r != NULL ? r : e->law;
	return v;
}

/* The section a caveat rests on as a whole (a rule, not one of its
 * figures): what it cites instead of a value looked up for its reference. */
static const struct policy_ref *
section_ref(struct eval *e, int region, enum policy_kind kind)
{
	const struct policy_ref *r = policy_view_section(view_of(e, region), kind);
	return r != NULL ? r : e->law;
}

/* A text value (enrol keys), or NULL when unknown; *ref its section. */
static const char *
text_value(struct eval *e, int region, enum policy_kind kind, int key, const struct policy_ref **ref)
{
	*ref = NULL;
	return policy_view_text(view_of(e, region), kind, key, ref);
}

static void
add(struct advice_item *items, int *n, int max, enum advice_id id, const struct policy_ref *ref, int64_t v0,
    int64_t v1)
{
	if (*n >= max)
		return;
	items[*n] = (struct advice_item){id, ref, {v0, v1}};
	(*n)++;
}

static void
caveat(struct advice_option *o, enum advice_id id, const struct policy_ref *ref, int64_t v0, int64_t v1)
{
	add(o->caveats, &o->ncaveats, ADVICE_MAX_CAVEATS, id, ref, v0, v1);
}

static void
blocker(struct advice_option *o, enum advice_id id, const struct policy_ref *ref, int64_t v0, int64_t v1)
{
	add(o->blockers, &o->nblockers, ADVICE_MAX_BLOCKERS, id, ref, v0, v1);
	o->eligible = 0;
}

static void
unknown(struct advice_option *o, enum advice_field f, const struct policy_ref *ref)
{
	caveat(o, ADVICE_UNKNOWN_VALUE, ref, f, 0);
}

/* x * num / den, rounded half up; x, num ≥ 0. */
static int64_t
muldiv(int64_t x, int64_t num, int64_t den)
{
	return (x * num * 2 + den) / (den * 2);
}

static int64_t
share_ppm(int64_t annual_fen, int64_t income_yuan)
{
	if (annual_fen == ADVICE_UNKNOWN || income_yuan <= 0)
		return ADVICE_UNKNOWN;
	return muldiv(annual_fen, 1000000, income_yuan * 100 * 12);
}

/* The share of income an option takes with the pension that must be bought
 * with it, where that is known (an unknown pension has its own
 * unknown_value caveat). */
static int64_t
total_share(const struct advice_cost *c, int64_t income)
{
	if (c->annual == ADVICE_UNKNOWN)
		return ADVICE_UNKNOWN;
	int64_t pension = c->pension_monthly == ADVICE_UNKNOWN ? 0 : c->pension_monthly * 12;
	return share_ppm(c->annual + pension, income);
}

static void
cost_unknown(struct advice_cost *c, int64_t pension)
{
	*c = (struct advice_cost){ADVICE_UNKNOWN, ADVICE_UNKNOWN, ADVICE_UNKNOWN,
	                          ADVICE_UNKNOWN, pension,        ADVICE_UNKNOWN};
}

/* Access rule of a scheme in region for this person. */
static void
eligibility(struct eval *e, struct advice_option *o, int access_key)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref;
	if (a->hukou_city == o->region)
		return; /* local hukou: every access rule admits it */
	int64_t acc = value(e, o->region, POLICY_ACCESS, access_key, &ref);
	o->access_ref = ref;
	if (acc == POLICY_UNKNOWN) {
		if (o->eligible != 0) /* a blocker already settles it */
			o->eligible = -1;
		unknown(o, ADVICE_FIELD_ACCESS, ref);
	} else if (acc == POLICY_ACCESS_HUKOU) {
		blocker(o, ADVICE_HUKOU_REQUIRED, ref, 0, 0);
	} else if (acc == POLICY_ACCESS_PERMIT && !(a->residence_permit && a->work_city == o->region)) {
		blocker(o, ADVICE_PERMIT_REQUIRED, ref, 0, 0);
	}
}

static int
age_years(const struct answers *a, struct date on)
{
	int m = date_months_between(a->birth_year, a->birth_month, on.y, on.m);
	return m / 12;
}

/* Whether the retirement-age reform is in force on the evaluation date, and
 * its first day, from the national data: the section in force says
 * reform: yes, and the reform began with the earliest section of the run of
 * sections saying yes that leads to it (a later section restating the rule,
 * such as 2026's, does not move the day). */
static void reform_day_find(struct eval *e);

static void
reform_day(struct eval *e)
{
	/* the same for every row of a batch on one date */
	struct advice_views *c = e->cache != NULL && e->cache->ps == e->ps ? e->cache : NULL;
	int32_t on = date_yyyymmdd(e->on);
	if (c != NULL && c->reform_on == on) {
		e->reform_known = c->reform_known;
		e->has_reform = c->has_reform;
		e->reform = (struct retire_day){c->reform.y, c->reform.m, c->reform.d};
		return;
	}
	reform_day_find(e);
	if (c != NULL) {
		c->reform_on = on;
		c->reform_known = e->reform_known;
		c->has_reform = e->has_reform;
		c->reform = (struct date){e->reform.year, e->reform.month, e->reform.day};
	}
}

static void
reform_day_find(struct eval *e)
{
	const struct policy_ref *ref;
	int64_t v = value(e, POLICY_NATIONAL, POLICY_RETIREMENT, POLICY_RETIREMENT_REFORM, &ref);
	e->reform_known = v != POLICY_UNKNOWN;
	e->has_reform = v == 1;
	if (!e->has_reform)
		return;
	struct date start = ref->from;
	/* back through the earlier sections that give the key, while they say
	 * the reform is in force: the first of them is its first day */
	for (const struct policy_ref *sec = policy_section_before(ref); sec != NULL;
	     sec = policy_section_before(sec)) {
		int64_t sv = policy_section_value(sec, -1, POLICY_RETIREMENT_REFORM, NULL, NULL);
		if (sv == POLICY_UNKNOWN)
			continue;
		if (sv != 1)
			break;
		start = sec->from;
	}
	e->reform = (struct retire_day){start.y, start.m, start.d};
}

static void
retirement(struct eval *e, struct advice_option *o)
{
	const struct answers *a = e->a;
	enum retire_category cat = a->sex == ANSWERS_MALE       ? RETIRE_MALE
	                           : a->female_retire_age == 55 ? RETIRE_FEMALE_55
	                                                        : RETIRE_FEMALE_50;
	/* the person's own, the same for every option: worked out once */
	if (!e->retire_done) {
		/* without the data saying whether the reform is in force, the
		 * statutory age is not known */
		e->retire_ok = e->reform_known &&
		               retire_age_compute(cat, a->birth_year, a->birth_month, e->on.y, e->on.m,
		                                  e->on.d, e->has_reform ? &e->reform : NULL, &e->retire);
		e->retire_done = true;
	}
	const struct retire_age r = e->retire;
	if (!e->retire_ok) {
		o->retirement.age_months = -1;
		o->retirement.year = o->retirement.month = 0;
	} else {
		o->retirement.age_months = r.age_months;
		o->retirement.year = r.retire_year;
		o->retirement.month = r.retire_month;
	}
	int left = o->retirement.age_months < 0
	               ? 0
	               : date_months_between(e->on.y, e->on.m, o->retirement.year, o->retirement.month);
	if (left < 0)
		left = 0;
	int ahead = o->scheme == ADVICE_EMPLOYEE ? left * 10 / 12 : 0;
	o->retirement.years_at_retirement = a->employee_years + ahead;
	/* the years paid in this city itself: those of the work city, and
	 * those still to come here */
	o->retirement.local_at_retirement = (o->region == a->work_city ? a->employee_years_local : 0) + ahead;
	const struct policy_ref *ref;
	int64_t amin = value(e, o->region, POLICY_RETIREMENT, POLICY_RETIREMENT_YEARS_ACTUAL_MIN,
	                     &o->retirement.actual_ref);
	int64_t lmin = value(e, o->region, POLICY_RETIREMENT, POLICY_RETIREMENT_YEARS_LOCAL_MIN,
	                     &o->retirement.local_ref);
	o->retirement.actual_min = amin == POLICY_UNKNOWN ? -1 : (int)amin;
	o->retirement.local_min = lmin == POLICY_UNKNOWN ? -1 : (int)lmin;
	int64_t req = value(
	    e, o->region, POLICY_RETIREMENT,
	    a->sex == ANSWERS_MALE ? POLICY_RETIREMENT_YEARS_MALE : POLICY_RETIREMENT_YEARS_FEMALE, &ref);
	o->retirement.years_ref = ref;
	if (req == POLICY_UNKNOWN) {
		o->retirement.years_required = -1;
		o->retirement.shortfall = -1;
		if (o->scheme == ADVICE_EMPLOYEE)
			unknown(o, ADVICE_FIELD_YEARS_REQUIRED, ref);
		return;
	}
	o->retirement.years_required = (int)req;
	int sf = (int)req * 10 - o->retirement.years_at_retirement;
	o->retirement.shortfall = sf > 0 ? sf : 0;
	if (o->scheme == ADVICE_EMPLOYEE && sf > 0)
		caveat(o, ADVICE_RETIREMENT_SHORTFALL, ref, sf, req);
}

/* Of the years required, those that must be paid in this city itself
 * (在待遇享受地实际缴费): short of them, the benefits are not drawn here. */
static void
local_years(struct advice_option *o)
{
	int need = o->retirement.local_min * 10;
	if (o->scheme == ADVICE_EMPLOYEE && o->retirement.local_min >= 0 &&
	    o->retirement.local_at_retirement < need)
		caveat(o, ADVICE_LOCAL_YEARS_SHORTFALL, o->retirement.local_ref,
		       need - o->retirement.local_at_retirement, o->retirement.local_min);
}

/* The base on which rate x base is paid: the fixed base where the city has
 * one, else the floor (written, or derived from its share of the average
 * wage) and the base matched to income (or the what-if's), within the
 * ceiling. Returns false when the floor is not known. */
static bool
employee_bases(struct eval *e, struct advice_option *o, const struct advice_params *params, int64_t *low,
               int64_t *matched)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref;
	int r = o->region;
	o->base_wording = text_value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_BASE_WAGE, &o->base_wording_ref);
	int64_t fixed = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_BASE_FIXED, &ref);
	if (fixed != POLICY_UNKNOWN) {
		*low = *matched = fixed;
		o->base_is_fixed = true;
		o->base_ref = ref;
		return true;
	}
	int64_t floor = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_BASE_FLOOR, &ref);
	int64_t ceil = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_BASE_CEILING, NULL);
	o->base_ref = ref;
	if (floor == POLICY_UNKNOWN || ceil == POLICY_UNKNOWN) {
		/* a share of the average wage, where the city gives the rule and
		 * the wage is in the data: derived here, and shown as derived */
		const struct policy_ref *pref, *wref;
		int64_t wage = value(e, r, POLICY_WAGE, POLICY_WAGE_AVERAGE_MONTHLY, &wref);
		if (wage != POLICY_UNKNOWN) {
			int64_t fp = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_BASE_FLOOR_PCT, &pref);
			if (floor == POLICY_UNKNOWN && fp != POLICY_UNKNOWN) {
				floor = muldiv(wage, fp, 10000);
				o->base_derived = true;
				o->base_ref = pref;
				o->wage_ref = wref;
				o->wage = wage;
				o->floor_bp = fp;
				const struct policy_ref *sref;
				o->wage_scope = text_value(e, r, POLICY_WAGE, POLICY_WAGE_SCOPE, &sref);
			}
			int64_t cp = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_BASE_CEILING_PCT, NULL);
			if (ceil == POLICY_UNKNOWN && cp != POLICY_UNKNOWN)
				ceil = muldiv(wage, cp, 10000);
		}
	}
	o->base_mode = params != NULL ? params->base_mode : ADVICE_BASE_INCOME;
	if (floor == POLICY_UNKNOWN) {
		/* a base the person typed is costed anyway, and says the floor is
		 * not in the data */
		if (params == NULL || params->base_mode != ADVICE_BASE_AMOUNT || params->base_amount <= 0)
			return false;
		*low = *matched = params->base_amount;
		caveat(o, ADVICE_BASE_FLOOR_UNKNOWN, ref, params->base_amount, 0);
		return true;
	}
	if (params != NULL && params->base_mode == ADVICE_BASE_AMOUNT && params->base_amount < floor)
		caveat(o, ADVICE_BASE_BELOW_FLOOR, ref, floor, params->base_amount);
	int64_t want = a->monthly_income * 100;
	if (params != NULL && params->base_mode == ADVICE_BASE_LOWEST)
		want = floor;
	else if (params != NULL && params->base_mode == ADVICE_BASE_AMOUNT)
		want = params->base_amount;
	int64_t mb = want < floor ? floor : want;
	if (ceil != POLICY_UNKNOWN && mb > ceil)
		mb = ceil;
	*low = floor;
	*matched = mb;
	if (floor > a->monthly_income * 100)
		caveat(o, ADVICE_BASE_ABOVE_INCOME, ref, floor, a->monthly_income * 100);
	return true;
}

/* What a city charges a flexible worker: a fixed monthly or yearly amount,
 * or rate x base; plus add-ons (a monthly or yearly sum, a rate on the same
 * base), and the pension where it is bundled. */
static void
employee_cost(struct eval *e, struct advice_option *o, const struct advice_params *params)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref, *r2;
	int r = o->region;
	int64_t bundled = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_PENSION_BUNDLED, &r2);
	cost_unknown(&o->low, bundled == 0 ? 0 : ADVICE_UNKNOWN);
	cost_unknown(&o->matched, bundled == 0 ? 0 : ADVICE_UNKNOWN);
	int64_t prate =
	    bundled == 1 ? value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_PENSION_RATE, NULL) : POLICY_UNKNOWN;
	if (bundled == POLICY_UNKNOWN)
		unknown(o, ADVICE_FIELD_PENSION, r2);
	const struct policy_ref *am, *ay, *ar;
	int64_t add_m = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_ADDON_MONTHLY, &am);
	int64_t add_y = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_ADDON_ANNUAL, &ay);
	int64_t add_r = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_ADDON_RATE, &ar);
	int64_t addons_y = (add_m != POLICY_UNKNOWN ? add_m * 12 : 0) + (add_y != POLICY_UNKNOWN ? add_y : 0);
	/* the add-ons (大病 and the like) within the cost, named as the
	 * document names them */
	o->addon_ref = add_m != POLICY_UNKNOWN   ? am
	               : add_y != POLICY_UNKNOWN ? ay
	               : add_r != POLICY_UNKNOWN ? ar
	                                         : NULL;
	o->addon_annual = addons_y;
	if (o->addon_ref != NULL) {
		const struct policy_ref *nref;
		o->addon_name = text_value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_ADDON_NAME, &nref);
	}
	int64_t mfixed = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_MONTHLY_FIXED, &ref);
	const struct policy_ref *yref;
	int64_t yfixed = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_ANNUAL_FIXED, &yref);
	o->cost_ref = ref;
	if (mfixed != POLICY_UNKNOWN || yfixed != POLICY_UNKNOWN) {
		if (mfixed != POLICY_UNKNOWN) {
			o->low.annual = mfixed * 12 + addons_y;
		} else {
			o->low.annual = yfixed + addons_y;
			o->cost_ref = ref = yref;
		}
		o->low.monthly = muldiv(o->low.annual, 1, 12);
		o->low.pension_monthly = bundled == 0 ? 0 : ADVICE_UNKNOWN;
		o->cost_form =
		    mfixed != POLICY_UNKNOWN ? ADVICE_COST_MONTHLY_FIXED : ADVICE_COST_ANNUAL_FIXED;
		o->matched = o->low;
	} else {
		int64_t rate = value(e, r, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, &ref);
		int64_t bases[2];
		o->cost_ref = ref;
		if (rate != POLICY_UNKNOWN && employee_bases(e, o, params, &bases[0], &bases[1])) {
			int64_t total = rate + (add_r != POLICY_UNKNOWN ? add_r : 0);
			struct advice_cost *cs[2] = {&o->low, &o->matched};
			o->cost_form = ADVICE_COST_RATE;
			for (int i = 0; i < 2; i++) {
				cs[i]->base = bases[i];
				cs[i]->annual = muldiv(bases[i], total, 10000) * 12 + addons_y;
				if (i == 0 && add_r != POLICY_UNKNOWN)
					o->addon_annual += muldiv(bases[i], add_r, 10000) * 12;
				cs[i]->monthly = muldiv(cs[i]->annual, 1, 12);
				if (bundled == 0)
					cs[i]->pension_monthly = 0;
				else if (bundled == 1 && prate != POLICY_UNKNOWN)
					cs[i]->pension_monthly = muldiv(bases[i], prate, 10000);
				else
					cs[i]->pension_monthly = ADVICE_UNKNOWN;
			}
		}
	}
	o->tier = ref != NULL ? ref->tier : NULL;
	if (o->low.annual == ADVICE_UNKNOWN)
		unknown(o, ADVICE_FIELD_COST, o->cost_ref);
	if (bundled == 1) {
		if (prate == POLICY_UNKNOWN)
			unknown(o, ADVICE_FIELD_PENSION, r2);
		caveat(o, ADVICE_PENSION_BUNDLED, r2, prate == POLICY_UNKNOWN ? ADVICE_UNKNOWN : prate,
		       o->low.pension_monthly);
	}
	o->low.share_ppm = share_ppm(o->low.annual, a->monthly_income);
	o->matched.share_ppm = share_ppm(o->matched.annual, a->monthly_income);
	o->low.total_share_ppm = total_share(&o->low, a->monthly_income);
	o->matched.total_share_ppm = total_share(&o->matched, a->monthly_income);
}

static void
resident_cost(struct eval *e, struct advice_option *o)
{
	const struct policy_ref *ref;
	int64_t prem = value(e, o->region, POLICY_RESIDENT, POLICY_RESIDENT_PREMIUM, &ref);
	o->cost_ref = ref;
	/* what the government adds for each person a year (财政补助) */
	o->subsidy = value(e, o->region, POLICY_RESIDENT, POLICY_RESIDENT_SUBSIDY, &o->subsidy_ref);
	o->low.base = ADVICE_UNKNOWN;
	o->low.pension_monthly = 0;
	if (prem == POLICY_UNKNOWN) {
		o->low.monthly = o->low.annual = o->low.share_ppm = o->low.total_share_ppm = ADVICE_UNKNOWN;
		unknown(o, ADVICE_FIELD_COST, ref);
	} else {
		o->low.annual = prem;
		o->low.monthly = muldiv(prem, 1, 12);
		o->low.share_ppm = share_ppm(prem, e->a->monthly_income);
		o->low.total_share_ppm = o->low.share_ppm;
		/* the national figures are minimums (不低于) where the data says so */
		o->cost_is_minimum =
		    ref != NULL && ref->region == POLICY_NATIONAL &&
		    value(e, POLICY_NATIONAL, POLICY_RESIDENT, POLICY_RESIDENT_MINIMUM, NULL) == 1;
		o->cost_form = ADVICE_COST_ANNUAL_FIXED;
		o->tier = ref->tier;
	}
	o->matched = o->low;
}

/* What a 10,000-yuan in-catalogue hospital stay would cost the person: the
 * deductible (where known), and the part above it the scheme does not pay. */
static void
stay_example(struct eval *e, struct advice_option *o)
{
	const struct policy_ref *dref;
	int64_t ded = value(e, o->region, POLICY_BENEFITS,
	                    o->scheme == ADVICE_EMPLOYEE ? POLICY_BENEFITS_DEDUCTIBLE_EMPLOYEE
	                                                 : POLICY_BENEFITS_DEDUCTIBLE_RESIDENT,
	                    &dref);
	o->stay.bill = ADVICE_STAY_BILL;
	o->stay.deductible = ded == POLICY_UNKNOWN ? ADVICE_UNKNOWN : ded;
	o->stay.deductible_ref = ded == POLICY_UNKNOWN ? NULL : dref;
	if (o->inpatient_bp == ADVICE_UNKNOWN) {
		o->stay.own = ADVICE_UNKNOWN;
		return;
	}
	int64_t d = ded == POLICY_UNKNOWN ? 0 : (ded > ADVICE_STAY_BILL ? ADVICE_STAY_BILL : ded);
	int64_t paid = muldiv(ADVICE_STAY_BILL - d, o->inpatient_bp, 10000);
	/* the fund pays no more than its yearly cap (封顶线), where known */
	const struct policy_ref *cref;
	int64_t cap =
	    value(e, o->region, POLICY_BENEFITS,
	          o->scheme == ADVICE_EMPLOYEE ? POLICY_BENEFITS_CAP_EMPLOYEE : POLICY_BENEFITS_CAP_RESIDENT,
	          &cref);
	o->stay.cap_ref = NULL;
	if (cap != POLICY_UNKNOWN && paid > cap) {
		paid = cap;
		o->stay.cap_ref = cref;
	}
	o->stay.own = o->stay.cap_ref != NULL
	                  ? ADVICE_STAY_BILL - paid
	                  : d + muldiv(ADVICE_STAY_BILL - d, 10000 - o->inpatient_bp, 10000);
}

static void
benefits(struct eval *e, struct advice_option *o)
{
	const struct policy_ref *ref;
	int key = o->scheme == ADVICE_EMPLOYEE ? POLICY_BENEFITS_INPATIENT_EMPLOYEE
	                                       : POLICY_BENEFITS_INPATIENT_RESIDENT;
	o->inpatient_bp = value(e, o->region, POLICY_BENEFITS, key, &ref);
	o->inpatient_ref = ref;
	if (o->inpatient_bp == POLICY_UNKNOWN)
		o->inpatient_bp = ADVICE_UNKNOWN;
	else /* an average where the section that gives the ratio says so: a
	      * city's own figure is not made one by the nation's flag */
		o->inpatient_is_average =
		    policy_section_value(ref, -1, POLICY_BENEFITS_AVERAGE, NULL, NULL) == 1;
	stay_example(e, o);
	if (o->scheme == ADVICE_EMPLOYEE) {
		const struct policy_ref *pref;
		int64_t pa = value(e, o->region, POLICY_EMPLOYEE, POLICY_EMPLOYEE_PERSONAL_ACCOUNT, &pref);
		/* an account that comes with a tier holds for a cost of that tier
		 * system: a city costed at its own rate (青岛 inside 山东's tiers) is
		 * not told its province's default tier's account */
		if (pa != POLICY_UNKNOWN && pref != NULL && pref->tier != NULL &&
		    (o->ntiers == 0 || o->cost_ref == NULL || o->cost_ref->sec != pref->sec))
			pa = POLICY_UNKNOWN;
		o->personal_account = pa == POLICY_UNKNOWN ? -1 : (int)pa;
		o->account_ref = pref;
		if (pa == 0)
			caveat(o, ADVICE_NO_PERSONAL_ACCOUNT, pref, 0, 0);
		int64_t fs = value(e, o->region, POLICY_BENEFITS, POLICY_BENEFITS_FAMILY_SHARING, NULL);
		o->family_sharing = fs == POLICY_UNKNOWN ? -1 : (int)fs;
	} else {
		/* the resident scheme: its own key says whether it has a personal
		 * account (the national file: it has none, so nothing to share) */
		const struct policy_ref *pref;
		int64_t pa = value(e, o->region, POLICY_RESIDENT, POLICY_RESIDENT_PERSONAL_ACCOUNT, &pref);
		o->personal_account = pa == POLICY_UNKNOWN ? -1 : (int)pa;
		o->account_ref = pa == POLICY_UNKNOWN ? NULL : pref;
		o->family_sharing = pa == 0 ? 0 : -1;
		if (pa == 0)
			caveat(o, ADVICE_NO_PERSONAL_ACCOUNT, pref, 0, 0);
	}
}

/* The resident scheme is paid in a yearly window: the caveat cites the key
 * that gives the window's opening (or, unknown, the section to ask about). */
static void
enrollment_window(struct eval *e, struct advice_option *o)
{
	const struct policy_ref *ref;
	value(e, o->region, POLICY_RESIDENT, POLICY_RESIDENT_WINDOW_FROM, &ref);
	caveat(o, ADVICE_ENROLLMENT_WINDOW, ref, 0, 0);
}

/* Waiting months before benefits start, by DESIGN.md's reading of
 * 国办发〔2024〕38号 and 医保办发〔2021〕43号. */
static void
waiting(struct eval *e, struct advice_option *o)
{
	const struct answers *a = e->a;
	enum answers_coverage want =
	    o->scheme == ADVICE_EMPLOYEE ? ANSWERS_COVERAGE_EMPLOYEE : ANSWERS_COVERAGE_RESIDENT;
	const struct policy_ref *tref, *wref;
	int64_t gap_max = value(e, o->region, POLICY_TRANSFER, POLICY_TRANSFER_GAP_MAX, &tref);
	int64_t cont = value(e, o->region, POLICY_TRANSFER, POLICY_TRANSFER_CONTINUOUS_YEARS, NULL);
	int64_t local_max = value(e, o->region, POLICY_TRANSFER, POLICY_TRANSFER_LOCAL_MAX, NULL);
	int64_t local = value(e, o->region, POLICY_TRANSFER, POLICY_TRANSFER_LOCAL, NULL);
	o->waiting_months = -1;

	if (a->coverage == want && a->coverage_city == o->region && a->gap_months == 0) {
		o->waiting_months = 0; /* staying where one is */
		return;
	}
	if (a->coverage != ANSWERS_COVERAGE_NONE) {
		bool within = gap_max != POLICY_UNKNOWN && a->gap_months <= gap_max;
		/* a switch or a transfer: seamless after enough continuous years.
		 * Continuity is known only for the employee scheme, from its years;
		 * otherwise it depends on what the person was not asked. */
		if (within && a->coverage == ANSWERS_COVERAGE_EMPLOYEE && cont != POLICY_UNKNOWN &&
		    a->employee_years >= cont * 10) {
			o->waiting_months = 0;
			return;
		}
		caveat(o, ADVICE_TRANSFER_GAP, tref, a->gap_months,
		       local_max == POLICY_UNKNOWN ? ADVICE_UNKNOWN : local_max);
		if (within) {
			if (o->scheme == ADVICE_RESIDENT)
				enrollment_window(e, o);
			return;
		}
	}

	if (o->scheme == ADVICE_RESIDENT) {
		int64_t fixed = value(e, o->region, POLICY_WAITING, POLICY_WAITING_FIXED, &wref);
		int64_t per = value(e, o->region, POLICY_WAITING, POLICY_WAITING_PER_YEAR, NULL);
		int64_t fl = value(e, o->region, POLICY_WAITING, POLICY_WAITING_FLOOR, NULL);
		int64_t fly = value(e, o->region, POLICY_WAITING, POLICY_WAITING_FLOOR_YEARS, NULL);
		enrollment_window(e, o);
		if (fixed != POLICY_UNKNOWN && per != POLICY_UNKNOWN && fl != POLICY_UNKNOWN &&
		    fly != POLICY_UNKNOWN) {
			int years = a->gap_months / 12;
			int64_t w = fixed + (years > 1 ? (years - 1) * per : 0);
			if (years >= fly && w < fl)
				w = fl;
			o->waiting_months = (int)w;
			caveat(o, ADVICE_WAITING_PERIOD, wref, w, 0);
			return;
		}
		unknown(o, ADVICE_FIELD_WAITING, wref);
		return;
	}
	/* the employee scheme after a break or as a new enrollee: the local
	 * rule, else the national bound ("at most 6 months"), marked as such */
	const struct policy_ref *nref;
	int64_t fresh = a->coverage == ANSWERS_COVERAGE_NONE
	                    ? value(e, o->region, POLICY_WAITING, POLICY_WAITING_EMPLOYEE_NEW, &nref)
	                    : POLICY_UNKNOWN;
	if (fresh != POLICY_UNKNOWN) {
		o->waiting_months = (int)fresh;
		if (fresh > 0)
			caveat(o, ADVICE_WAITING_PERIOD, nref, fresh, 0);
		return;
	}
	if (local != POLICY_UNKNOWN) {
		o->waiting_months = (int)local;
		if (local > 0)
			caveat(o, ADVICE_WAITING_PERIOD, tref, local, 0);
		return;
	}
	if (local_max != POLICY_UNKNOWN) {
		o->waiting_months = (int)local_max;
		o->waiting_is_bound = true;
		caveat(o, ADVICE_WAITING_BOUND, tref, local_max, 0);
		return;
	}
	unknown(o, ADVICE_FIELD_WAITING, tref);
}

static void
common_caveats(struct eval *e, struct advice_option *o)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref;
	if (o->scheme == ADVICE_EMPLOYEE && a->employee_years > a->employee_years_local)
		caveat(o, ADVICE_TRANSFER_YEARS, section_ref(e, o->region, POLICY_TRANSFER),
		       a->employee_years - a->employee_years_local, 0);
	bool away = o->region != a->work_city ||
	            (a->retire_city == ANSWERS_PLACE_HUKOU && a->hukou_city != o->region);
	if (away && value(e, o->region, POLICY_REMOTE_CARE, POLICY_REMOTE_CARE_FILING, &ref) == 1)
		caveat(o, ADVICE_REMOTE_CARE_FILING, ref, 0, 0);
	if (a->coverage == ANSWERS_COVERAGE_NONE || a->gap_months > 0)
		caveat(o, ADVICE_COVERAGE_GAP, section_ref(e, o->region, POLICY_WAITING), a->gap_months, 0);
	/* leaving the employee scheme: its years stop growing, and without
	 * the required years there are no benefits after retirement without
	 * paying (社会保险法 第二十七条) */
	if (o->scheme == ADVICE_RESIDENT && a->coverage == ANSWERS_COVERAGE_EMPLOYEE && a->employee_years > 0)
		caveat(o, ADVICE_SWITCH_LOSES_YEARS, e->law, a->employee_years, 0);
}

/* Someone already paying into the employee scheme here: past the statutory
 * age, or short of the years required, they go on paying until the years are
 * complete (延缴); say how long and what it costs a year, and where a lump-sum
 * make-up (一次性补缴) is allowed. */
static void
extend_payment(struct eval *e, struct advice_option *o)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref;
	int64_t req = value(
	    e, o->region, POLICY_RETIREMENT,
	    a->sex == ANSWERS_MALE ? POLICY_RETIREMENT_YEARS_MALE : POLICY_RETIREMENT_YEARS_FEMALE, &ref);
	o->retirement.years_ref = ref;
	bool past =
	    o->retirement.age_months > 0 &&
	    date_months_between(a->birth_year, a->birth_month, e->on.y, e->on.m) >= o->retirement.age_months;
	if (!past)
		return;
	/* from today: the years already paid are all there are; where some
	 * must be paid here, paying on here makes those up too */
	int64_t have = a->employee_years;
	int64_t short10 = req == POLICY_UNKNOWN ? ADVICE_UNKNOWN : req * 10 - have;
	int64_t local10 = o->retirement.local_min >= 0
	                      ? o->retirement.local_min * 10 - o->retirement.local_at_retirement
	                      : 0;
	if (short10 != ADVICE_UNKNOWN && local10 > short10)
		short10 = local10;
	if (short10 != ADVICE_UNKNOWN && short10 <= 0)
		return;
	caveat(o, ADVICE_EXTEND_PAYMENT, ref, short10, ADVICE_UNKNOWN);
	/* and the month it ends: the years still to pay, from this month */
	if (short10 != ADVICE_UNKNOWN && o->ncaveats > 0 &&
	    o->caveats[o->ncaveats - 1].id == ADVICE_EXTEND_PAYMENT) {
		int64_t m = e->on.y * 12 + (e->on.m - 1) + (short10 * 12 + 9) / 10;
		o->caveats[o->ncaveats - 1].v[2] = m / 12 * 100 + m % 12 + 1;
	}
	const struct policy_ref *lref;
	if (value(e, o->region, POLICY_RETIREMENT, POLICY_RETIREMENT_LUMP_SUM, &lref) == 1)
		caveat(o, ADVICE_LUMP_SUM, lref, short10, 0);
}

static void
age_limits(struct eval *e, struct advice_option *o)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref;
	int age = age_years(a, e->on);
	/* an enrolment age never stops someone who is already in the scheme
	 * here: they go on paying (延缴) until the years are complete */
	if (a->coverage == ANSWERS_COVERAGE_EMPLOYEE && a->coverage_city == o->region && a->gap_months == 0) {
		extend_payment(e, o);
		return;
	}
	int64_t min = value(e, o->region, POLICY_ACCESS, POLICY_ACCESS_AGE_MIN, &ref);
	if (min != POLICY_UNKNOWN && age < min) {
		blocker(o, ADVICE_AGE_OUT_OF_RANGE, ref, age, min);
		return;
	}
	int64_t max =
	    value(e, o->region, POLICY_ACCESS,
	          a->sex == ANSWERS_MALE ? POLICY_ACCESS_AGE_MAX_MALE : POLICY_ACCESS_AGE_MAX_FEMALE, &ref);
	if (max != POLICY_UNKNOWN && age >= max) {
		blocker(o, ADVICE_AGE_OUT_OF_RANGE, ref, age, max);
		return;
	}
	/* flexible workers enrol until the statutory retirement age */
	if (o->retirement.age_months > 0 &&
	    date_months_between(a->birth_year, a->birth_month, e->on.y, e->on.m) >= o->retirement.age_months)
		blocker(o, ADVICE_AGE_OUT_OF_RANGE, e->law, age, o->retirement.age_months / 12);
}

static void
step(struct advice_option *o, enum advice_step_id id, const struct policy_ref *ref, const char *text,
     int64_t v0, int64_t v1)
{
	if (o->nsteps < ADVICE_MAX_STEPS)
		o->steps[o->nsteps++] = (struct advice_step){id, ref, text, {v0, v1, 0}};
}

/* The next steps of an open (or possibly open) option: the place's own
 * words where its data has them, else the general way, which the front end
 * words (its help topic explains it). A closed option has none, but where
 * only a residence permit is missing: then getting one opens it. */
static void
next_steps(struct eval *e, struct advice_option *o)
{
	const struct answers *a = e->a;
	const struct policy_ref *ref;
	bool emp = o->scheme == ADVICE_EMPLOYEE;
	if (o->eligible == 0) {
		bool permit = o->nblockers > 0;
		for (int i = 0; i < o->nblockers; i++)
			permit = permit && o->blockers[i].id == ADVICE_PERMIT_REQUIRED;
		if (!permit)
			return;
		/* the blocker cites the rule asking for a permit, not how one is
		 * got: the step is the general way, which its help topic sources */
		step(o, ADVICE_STEP_PERMIT, NULL, NULL, 0, 0);
		const char *hot = text_value(e, o->region, POLICY_ENROL, POLICY_ENROL_HOTLINE, &ref);
		step(o, ADVICE_STEP_HOTLINE, hot != NULL ? ref : NULL, hot, 0, 0);
		return;
	}
	const char *where = text_value(e, o->region, POLICY_ENROL,
	                               emp ? POLICY_ENROL_EMPLOYEE_WHERE : POLICY_ENROL_RESIDENT_WHERE, &ref);
	step(o, ADVICE_STEP_APPLY, where != NULL ? ref : NULL, where, 0, 0);
	int64_t docs = ADVICE_DOC_ID_CARD;
	if (!emp)
		docs |= ADVICE_DOC_HOUSEHOLD_REGISTER;
	if (a->hukou_city != o->region && a->residence_permit)
		docs |= ADVICE_DOC_RESIDENCE_PERMIT;
	if (a->coverage != ANSWERS_COVERAGE_NONE && a->coverage_city != o->region)
		docs |= ADVICE_DOC_INSURANCE_CERTIFICATE;
	step(o, ADVICE_STEP_BRING, NULL, NULL, docs, 0);
	if (!emp) {
		int64_t from = value(e, o->region, POLICY_RESIDENT, POLICY_RESIDENT_WINDOW_FROM, &ref);
		int64_t to = value(e, o->region, POLICY_RESIDENT, POLICY_RESIDENT_WINDOW_TO, NULL);
		if (from != POLICY_UNKNOWN && to != POLICY_UNKNOWN) {
			step(o, ADVICE_STEP_WINDOW, ref, NULL, from, to);
			/* a window that has ended is not this year's: said so */
			if (to < date_yyyymmdd(e->on))
				o->steps[o->nsteps - 1].v[2] = 1;
		} else
			step(o, ADVICE_STEP_WINDOW, NULL, NULL, ADVICE_UNKNOWN, ADVICE_UNKNOWN);
	}
	const char *pay =
	    emp ? text_value(e, o->region, POLICY_ENROL, POLICY_ENROL_EMPLOYEE_PAYMENT, &ref) : NULL;
	int per_year = o->cost_form == ADVICE_COST_ANNUAL_FIXED || !emp ? 1 : 12;
	step(o, ADVICE_STEP_PAY, pay != NULL ? ref : o->cost_ref, pay, per_year, 0);
	const char *hot = text_value(e, o->region, POLICY_ENROL, POLICY_ENROL_HOTLINE, &ref);
	step(o, ADVICE_STEP_HOTLINE, hot != NULL ? ref : NULL, hot, 0, 0);
	for (int i = 0; i < o->ncaveats; i++) {
		if (o->caveats[i].id == ADVICE_TRANSFER_YEARS)
			step(o, ADVICE_STEP_TRANSFER, o->caveats[i].ref, NULL, 0, 0);
		else if (o->caveats[i].id == ADVICE_REMOTE_CARE_FILING)
			step(o, ADVICE_STEP_REMOTE_CARE, o->caveats[i].ref, NULL, 0, 0);
	}
}

/* Zero the option but for its lists, which are read only up to their
 * counts: three options a row would otherwise clear 6 kB. */
static void
option_clear(struct advice_option *o)
{
	memset(o, 0, offsetof(struct advice_option, blockers));
}

/* The tiers the city offers for the option's cost, and the one to cost:
 * the what-if's choice where it names one of them, else the default. */
static void
tiers(struct eval *e, struct advice_option *o, int index, const struct advice_params *params)
{
	enum policy_kind kind = o->scheme == ADVICE_EMPLOYEE ? POLICY_EMPLOYEE : POLICY_RESIDENT;
	int def = 0;
	/* a choice only where the cost is a tier's, and among the tiers of the
	 * section it comes from (a city's last known tiers before its
	 * province's current ones) */
	const struct policy_ref *ref = NULL;
	if (o->scheme == ADVICE_RESIDENT) {
		value(e, o->region, kind, POLICY_RESIDENT_PREMIUM, &ref);
	} else {
		static const int keys[] = {POLICY_EMPLOYEE_MONTHLY_FIXED, POLICY_EMPLOYEE_ANNUAL_FIXED,
		                           POLICY_EMPLOYEE_RATE};
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (value(e, o->region, kind, keys[k], &ref) != POLICY_UNKNOWN)
				break;
	}
	o->ntiers =
	    ref != NULL && ref->tier != NULL ? policy_ref_tiers(ref, o->tier_zh, o->tier_en, &def) : 0;
	if (o->ntiers > POLICY_MAX_TIERS)
		o->ntiers = POLICY_MAX_TIERS;
	int want = params != NULL && index >= 0 && index < ADVICE_MAX_OPTIONS ? params->tier[index] - 1 : -1;
	/* a tier asked for that the cost does not have: said, never costed
	 * in silence as another */
	if (want >= 0 && want >= (o->ntiers > 0 ? o->ntiers : 0))
		caveat(o, ADVICE_TIER_NOT_OFFERED, ref != NULL ? ref : section_ref(e, o->region, kind),
		       want + 1, o->ntiers > 0 ? o->ntiers : 0);
	if (o->ntiers <= 0) {
		o->ntiers = 0;
		o->tier_default = o->tier_index = -1;
		return;
	}
	o->tier_default = o->tier_index = def;
	e->tier_in = ref;
	if (want >= 0 && want < o->ntiers && want != def) {
		o->tier_index = want;
		e->tier_kind = kind;
		e->tier = want;
	}
}

/* What each of the option's tiers costs a year, the one costed included,
 * worked out as the option's cost is, on a scratch option: its caveats and
 * its unverified sources are not the option's. */
static void
tier_costs(struct eval *e, struct advice_option *o, const struct advice_params *params)
{
	if (o->ntiers <= 1)
		return;
	int keep_tier = e->tier;
	enum policy_kind keep_kind = e->tier_kind;
	const struct policy_ref *keep_unverified = e->unverified;
	struct advice_option t;
	for (int k = 0; k < o->ntiers; k++) {
		if (k == o->tier_index) {
			o->tier_annual[k] = o->scheme == ADVICE_EMPLOYEE ? o->matched.annual : o->low.annual;
			continue;
		}
		option_clear(&t);
		t.scheme = o->scheme;
		t.region = o->region;
		t.wage = t.subsidy = ADVICE_UNKNOWN;
		e->tier_kind = o->scheme == ADVICE_EMPLOYEE ? POLICY_EMPLOYEE : POLICY_RESIDENT;
		e->tier = k;
		if (o->scheme == ADVICE_EMPLOYEE)
			employee_cost(e, &t, params);
		else
			resident_cost(e, &t);
		o->tier_annual[k] = o->scheme == ADVICE_EMPLOYEE ? t.matched.annual : t.low.annual;
	}
	e->tier = keep_tier;
	e->tier_kind = keep_kind;
	e->unverified = keep_unverified;
}

static void
option(struct eval *e, struct advice_option *o, enum advice_scheme scheme, int region,
       const struct advice_params *params, int index)
{
	const struct answers *a = e->a;
	option_clear(o);
	o->scheme = scheme;
	o->region = region;
	o->eligible = 1;
	o->wage = o->subsidy = ADVICE_UNKNOWN;
	e->unverified = NULL;
	if (a->work == ANSWERS_EMPLOYED) {
		/* a person with an employer is insured through it (社会保险法
		 * 第二十三条), where the data says so */
		const struct policy_ref *ref;
		int64_t via = value(e, POLICY_NATIONAL, POLICY_SCOPE, POLICY_SCOPE_EMPLOYER_INSURES, &ref);
		if (via == 1) {
			blocker(o, ADVICE_EMPLOYED_ELSEWHERE, ref, 0, 0);
		} else if (via == POLICY_UNKNOWN) {
			o->eligible = -1;
			unknown(o, ADVICE_FIELD_ACCESS, ref);
		}
	}
	if (a->work != ANSWERS_EMPLOYED) {
		/* the national routes for a flexible worker: the employee scheme as
		 * an individual (社会保险法 第二十三条), the resident scheme instead
		 * (国发〔2016〕3号); where the data does not open the route, whether
		 * the person may join is not known */
		const struct policy_ref *ref;
		int key = scheme == ADVICE_EMPLOYEE ? POLICY_SCOPE_INDIVIDUAL_EMPLOYEE
		                                    : POLICY_SCOPE_RESIDENT_CHOICE;
		if (value(e, POLICY_NATIONAL, POLICY_SCOPE, key, &ref) != 1) {
			o->eligible = -1;
			unknown(o, ADVICE_FIELD_ACCESS, ref);
		}
	}
	eligibility(e, o, scheme == ADVICE_EMPLOYEE ? POLICY_ACCESS_EMPLOYEE : POLICY_ACCESS_RESIDENT);
	retirement(e, o);
	local_years(o);
	tiers(e, o, index, params);
	if (scheme == ADVICE_EMPLOYEE) {
		age_limits(e, o);
		employee_cost(e, o, params);
		for (int i = 0; i < o->ncaveats; i++)
			if (o->caveats[i].id == ADVICE_EXTEND_PAYMENT)
				o->caveats[i].v[1] = o->matched.annual;
	} else {
		resident_cost(e, o);
	}
	tier_costs(e, o, params);
	benefits(e, o);
	e->tier = -1; /* the tier's values are its scheme's: cost and account */
	waiting(e, o);
	common_caveats(e, o);
	if (e->unverified != NULL)
		caveat(o, ADVICE_UNVERIFIED_DATA, e->unverified, 0, 0);
	/* a place without a file of its own: say whose figures are shown */
	int from = policy_view_file_region(view_of(e, region));
	if (from != region)
		caveat(o, ADVICE_NO_LOCAL_DATA, o->cost_ref != NULL ? o->cost_ref : e->law,
		       from >= 0 ? from : POLICY_NATIONAL, 0);
	next_steps(e, o);
}

static void
reason(struct advice *adv, enum advice_id id, const struct policy_ref *ref, int64_t v0, int64_t v1)
{
	add(adv->reasons, &adv->nreasons, ADVICE_MAX_REASONS, id, ref, v0, v1);
}

/* A burden reason with its numbers: the share, the line, and the medical
 * and pension contributions a month that make it. */
static void
burden_reason(struct advice *adv, enum advice_id id, const struct advice_option *emp, int64_t share,
              int64_t line, const struct policy_ref *line_ref)
{
	if (adv->nreasons >= ADVICE_MAX_REASONS)
		return;
	int64_t pension = emp->matched.pension_monthly;
	adv->reasons[adv->nreasons++] = (struct advice_item){
	    id, line_ref, {share, line, emp->matched.monthly, pension == ADVICE_UNKNOWN ? 0 : pension}};
}

/* Pick an option and say why. The employee scheme comes first when it is
 * open, affordable and the person stays: only it gives benefits after
 * retirement without paying (社会保险法 第二十七条). */
static void
recommend(struct eval *e, struct advice *adv)
{
	const struct answers *a = e->a;
	/* the choice between the schemes rests on the national scope rules as
	 * a whole (advice_build makes sure the section exists) */
	const struct policy_ref *scope = e->scope;
	adv->recommended = -1;
	if (a->work == ANSWERS_EMPLOYED && adv->options[0].nblockers > 0 &&
	    adv->options[0].blockers[0].id == ADVICE_EMPLOYED_ELSEWHERE) {
		reason(adv, ADVICE_REASON_INSURED_BY_EMPLOYER, adv->options[0].blockers[0].ref, 0, 0);
		return;
	}
	int eligible = 0, closed = 0;
	for (int i = 0; i < adv->noptions; i++) {
		eligible += adv->options[i].eligible == 1;
		closed += adv->options[i].eligible == 0;
	}
	/* "the only option open" only when every other one is known to be closed */
	enum advice_id only =
	    closed == adv->noptions - 1 ? ADVICE_REASON_ONLY_ELIGIBLE : ADVICE_REASON_ONLY_KNOWN_ELIGIBLE;
	if (eligible == 0) {
		reason(adv, ADVICE_REASON_NONE_ELIGIBLE, scope, 0, 0);
		return;
	}
	const struct advice_option *emp = &adv->options[0];
	int64_t share = emp->matched.total_share_ppm;
	/* the project's own lines (kind: project), through the work city so
	 * that a local office may draw its own; where the data does not give a
	 * line, nothing is judged by it: no burden, affordable or short-stay
	 * reason, and the choice rests on the other rules */
	const struct policy_ref *lref, *sref;
	int64_t line_bp = value(e, a->work_city, POLICY_PROJECT, POLICY_PROJECT_BURDEN_SHARE, &lref);
	int64_t stay_line = value(e, a->work_city, POLICY_PROJECT, POLICY_PROJECT_SHORT_STAY_YEARS, &sref);
	int64_t line = line_bp == POLICY_UNKNOWN ? ADVICE_UNKNOWN : line_bp * 100; /* bp to ppm */
	bool judged = share != ADVICE_UNKNOWN && line != ADVICE_UNKNOWN;
	bool burden = judged && share > line;
	bool short_stay = stay_line != POLICY_UNKNOWN && a->stay_years >= 0 && a->stay_years < stay_line;
	bool retire_away = a->retire_city == ANSWERS_PLACE_HUKOU && a->hukou_city != a->work_city;

	if (emp->eligible == 1 && ((!burden && !short_stay) || eligible == 1)) {
		adv->recommended = 0;
		/* ranked above an option whose cost is known: say so first */
		bool other_known = false;
		for (int i = 1; i < adv->noptions; i++)
			other_known |=
			    adv->options[i].eligible == 1 && adv->options[i].matched.annual != ADVICE_UNKNOWN;
		if (share == ADVICE_UNKNOWN && other_known)
			reason(adv, ADVICE_REASON_COST_UNKNOWN, emp->cost_ref, 0, 0);
		if (eligible == 1)
			reason(adv, only, scope, closed, adv->noptions - 1 - closed);
		reason(adv, ADVICE_REASON_RETIREMENT_BENEFITS, e->law,
		       emp->retirement.years_required >= 0 ? emp->retirement.years_required : ADVICE_UNKNOWN,
		       0);
		int64_t res_bp = adv->noptions > 1 ? adv->options[1].inpatient_bp : ADVICE_UNKNOWN;
		if (emp->inpatient_bp != ADVICE_UNKNOWN && res_bp != ADVICE_UNKNOWN &&
		    emp->inpatient_bp > res_bp)
			reason(adv, ADVICE_REASON_HIGHER_REIMBURSEMENT, emp->inpatient_ref, emp->inpatient_bp,
			       res_bp);
		if (share == ADVICE_UNKNOWN && !other_known)
			reason(adv, ADVICE_REASON_COST_UNKNOWN, emp->cost_ref, 0, 0);
		else if (burden)
			burden_reason(adv, ADVICE_REASON_COST_BURDEN, emp, share, line, lref);
		else if (judged)
			burden_reason(adv, ADVICE_REASON_AFFORDABLE, emp, share, line, lref);
		if (short_stay)
			reason(adv, ADVICE_REASON_SHORT_STAY, sref, a->stay_years, stay_line);
		return;
	}
	/* a resident scheme: where the person lives now, unless they will
	 * retire in the hukou city */
	int pick = -1;
	bool work_ok = adv->noptions > 1 && adv->options[1].eligible == 1;
	bool home_ok = adv->noptions > 2 && adv->options[2].eligible == 1;
	if (retire_away && home_ok)
		pick = 2;
	else if (work_ok)
		pick = 1;
	else if (home_ok)
		pick = 2;
	else if (emp->eligible == 1)
		pick = 0;
	adv->recommended = pick;
	if (pick < 0)
		return;
	if (eligible == 1)
		reason(adv, only, scope, closed, adv->noptions - 1 - closed);
	if (pick == 1)
		reason(adv, ADVICE_REASON_LOCAL_CARE, adv->options[1].cost_ref, 0, 0);
	if (pick == 2 && retire_away)
		reason(adv, ADVICE_REASON_RETIRE_IN_HUKOU, scope, 0, 0);
	if (emp->eligible == 1 && burden)
		burden_reason(adv, ADVICE_REASON_COST_BURDEN, emp, share, line, lref);
	if (emp->eligible == 1 && short_stay)
		reason(adv, ADVICE_REASON_SHORT_STAY, sref, a->stay_years, stay_line);
}

enum answers_status
advice_build(struct advice *out, const struct answers *a, const struct policy_set *ps, struct date as_of,
             const struct advice_params *params, struct answers_error *err)
{
	return advice_build_cached(out, a, ps, as_of, params, err, NULL);
}

enum answers_status
advice_build_cached(struct advice *out, const struct answers *a, const struct policy_set *ps,
                    struct date as_of, const struct advice_params *params, struct answers_error *err,
                    struct advice_views *views)
{
	enum answers_status st = answers_check(a, ps, as_of, err);
	if (st != ANSWERS_OK)
		return st;
	struct policy_view own[ADVICE_OWN_VIEWS], own_national;
	struct eval e = {
	    .a = a, .ps = ps, .on = as_of, .views = own, .nviews = 0, .cache = views, .tier = -1};
	/* the national sections, the same for every row of a batch on one date */
	struct advice_views *c = views != NULL && views->ps == ps ? views : NULL;
	int32_t on = date_yyyymmdd(as_of);
	if (c != NULL) {
		if (c->national_on != on) {
			policy_view_init(&c->national, ps, POLICY_NATIONAL, as_of);
			c->national_on = on;
		}
		e.national_view = &c->national;
	} else {
		policy_view_init(&own_national, ps, POLICY_NATIONAL, as_of);
		e.national_view = &own_national;
	}
	if (c != NULL && c->law_on == on) {
		e.law = c->law;
		e.scope = c->scope;
	} else {
		e.law = policy_section(ps, POLICY_NATIONAL, POLICY_RETIREMENT, as_of);
		e.scope = policy_section(ps, POLICY_NATIONAL, POLICY_SCOPE, as_of);
		if (c != NULL) {
			c->law_on = on;
			c->law = e.law;
			c->scope = e.scope;
		}
	}
	if (e.law == NULL || e.scope == NULL) {
		/* before the earliest national data: nothing to cite */
		if (err != NULL) {
			memset(err, 0, sizeof *err);
			err->status = ANSWERS_ERR_RANGE;
			err->key = ANSWERS_AS_OF;
			err->other = -1;
		}
		return ANSWERS_ERR_RANGE;
	}
	reform_day(&e);
	out->as_of = as_of;
	out->noptions = 0;
	out->nreasons = 0;
	option(&e, &out->options[out->noptions], ADVICE_EMPLOYEE, a->work_city, params, out->noptions);
	out->noptions++;
	option(&e, &out->options[out->noptions], ADVICE_RESIDENT, a->work_city, params, out->noptions);
	out->noptions++;
	if (a->hukou_city != a->work_city) {
		option(&e, &out->options[out->noptions], ADVICE_RESIDENT, a->hukou_city, params,
		       out->noptions);
		out->noptions++;
	}
	recommend(&e, out);
	return ANSWERS_OK;
}
