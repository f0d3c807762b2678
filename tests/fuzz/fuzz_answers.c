/* fuzz_answers.c -- libFuzzer target: an answers file from untrusted bytes, its checks and its advice */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"

static struct policy_set *builtin;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct policy_error err;
	builtin = policy_set_new();
	CHECK(builtin != NULL);
	CHECK(policy_set_add_builtin(builtin, &err) == POLICY_OK);
	CHECK(policy_set_finish(builtin, &err) == POLICY_OK);
	return 0;
}

static bool
has(const struct answers *a, enum answers_key k)
{
	return (a->set >> k) & 1u;
}

/* An error record filled with a failing status (answers_parse leaves it
 * alone on success). */
static void
check_error(enum answers_status st, const struct answers_error *err)
{
	if (st == ANSWERS_OK)
		return;
	CHECK(err->status == st);
	CHECK(err->key >= -1 && err->key < ANSWERS_KEY_COUNT);
	CHECK(FUZZ_TERMINATED(err->name));
	if (st == ANSWERS_ERR_INCONSISTENT)
		CHECK(err->other >= 0 && err->other < ANSWERS_KEY_COUNT && err->other != err->key);
	if (st == ANSWERS_ERR_RANGE && err->key >= 0)
		CHECK(err->min <= err->max);
}

/* Every value given lies within what its key allows. */
static void
check_values(const struct answers *a)
{
	CHECK((a->set >> ANSWERS_KEY_COUNT) == 0);
	for (int k = 0; k < ANSWERS_KEY_COUNT; k++) {
		int64_t min, max;
		if (!has(a, (enum answers_key)k) || !answers_key_range(k, &min, &max))
			continue;
		int64_t v = k == ANSWERS_MONTHLY_INCOME         ? a->monthly_income
		            : k == ANSWERS_EMPLOYEE_YEARS       ? a->employee_years / 10
		            : k == ANSWERS_EMPLOYEE_YEARS_LOCAL ? a->employee_years_local / 10
		            : k == ANSWERS_GAP_MONTHS           ? a->gap_months
		            : k == ANSWERS_STAY_YEARS           ? a->stay_years
		                                                : min;
		CHECK(v >= min && v <= max);
	}
	CHECK(a->employee_years >= 0 && a->employee_years <= 600);
	CHECK(a->employee_years_local >= 0 && a->employee_years_local <= 600);
	const int codes[] = {a->work_city, a->hukou_city, a->coverage_city};
	for (size_t i = 0; i < 3; i++)
		CHECK(codes[i] >= -1 && codes[i] <= 999999);
	if (has(a, ANSWERS_BIRTH))
		CHECK(a->birth_year >= 1900 && a->birth_year <= 2100 && a->birth_month >= 1 &&
		      a->birth_month <= 12);
	CHECK(a->sex >= ANSWERS_SEX_UNSET && a->sex <= ANSWERS_FEMALE);
	CHECK(a->female_retire_age == 0 || a->female_retire_age == 50 || a->female_retire_age == 55);
	CHECK(a->work >= ANSWERS_WORK_UNSET && a->work <= ANSWERS_UNEMPLOYED);
	CHECK(a->coverage >= ANSWERS_COVERAGE_NONE && a->coverage <= ANSWERS_COVERAGE_RESIDENT);
	CHECK(a->retire_city >= ANSWERS_PLACE_UNSET && a->retire_city <= ANSWERS_PLACE_UNSURE);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct advice adv;
	struct answers a;
	struct answers_error err;

	memset(&err, 0, sizeof err);
	answers_init(&a);
	enum answers_status st = answers_parse(&a, (const char *)data, size, &err);
	check_error(st, &err);
	if (st != ANSWERS_OK)
		CHECK(err.line >= 1); /* "stops at the first error, with its line" */
	else
		CHECK(!fuzz_has_inner_nul(data, size)); /* no value is read in part */
	check_values(&a);

	/* the checks run on what was read, even after a parse error */
	struct date as_of = has(&a, ANSWERS_AS_OF) ? a.as_of : (struct date){2025, 6, 1};
	struct answers_error e1, e2;
	memset(&e1, 0, sizeof e1);
	memset(&e2, 0, sizeof e2);
	enum answers_status alone = answers_check(&a, NULL, as_of, &e1);
	enum answers_status with = answers_check(&a, builtin, as_of, &e2);
	check_error(alone, &e1);
	check_error(with, &e2);
	/* the policy set only adds the check that regions exist */
	if (alone != ANSWERS_OK)
		CHECK(with == alone && e1.key == e2.key);
	else if (with != ANSWERS_OK)
		CHECK(with == ANSWERS_ERR_UNKNOWN_REGION);
	if (with != ANSWERS_OK)
		return 0;

	static const struct advice_params params[] = {
	    {.base_mode = ADVICE_BASE_INCOME, .base_amount = 0, .tier = {0, 0, 0}},
	    {.base_mode = ADVICE_BASE_LOWEST, .base_amount = 0, .tier = {2, 1, 2}},
	    {.base_mode = ADVICE_BASE_AMOUNT, .base_amount = 0, .tier = {1, 4, 3}},
	    {.base_mode = ADVICE_BASE_AMOUNT, .base_amount = 0, .tier = {3, 2, 1}}};
	struct advice_params p[4];
	memcpy(p, params, sizeof p);
	p[3].base_amount = a.monthly_income * 100 * 3;
	for (int i = -1; i < 4; i++) {
		struct answers_error e3;
		memset(&e3, 0, sizeof e3);
		enum answers_status b = advice_build(&adv, &a, builtin, as_of, i < 0 ? NULL : &p[i], &e3);
		check_error(b, &e3);
		if (b != ANSWERS_OK) {
			/* the answers passed: only a date before the national data is refused */
			CHECK(b == ANSWERS_ERR_RANGE && e3.key == ANSWERS_AS_OF);
			return 0;
		}
		fuzz_check_advice(&adv, &a);
	}
	return 0;
}
