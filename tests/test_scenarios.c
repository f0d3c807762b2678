/* test_scenarios.c -- the reference study's 2019 situation and the same people today, on the built-in data */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "advice.h"

#define U ADVICE_UNKNOWN

struct scenario {
	const char *name;
	const char *answers;
	const char *as_of;
	int noptions;
	int eligible[3]; /* per option: 1, 0, -1 */
	int blocker0;    /* a blocker of option 0, or -1 */
	bool blocker0_verified;
	int recommended;
	int64_t monthly_low0; /* option 0 monthly cost at the lowest base, fen */
	int64_t annual1;      /* option 1 yearly cost, fen */
	int age_months0;      /* statutory age */
	int caveat0;          /* a caveat option 0 must carry, or -1 */
};

/* A delivery rider from Chengdu, 34 in 2019, in Beijing or Shanghai (the
 * study: both required local hukou for flexible workers' employee scheme). */
#define RIDER(city)                                                                                          \
	"work_city = " city "\nhukou_city = 510100\nresidence_permit = yes\nbirth = 1985-03\n"               \
	"sex = male\nwork = flexible\nmonthly_income = 6000\n"

static const struct scenario scenarios[] = {
    {"Beijing 2019: hukou required (the study)",
     RIDER("110000"),
     "2019-06-01",
     3,
     {0, -1, 1},
     ADVICE_HUKOU_REQUIRED,
     false,
     2,
     U,
     25000,
     720,
     ADVICE_UNVERIFIED_DATA},
    {"Beijing 2025: employee access unknown, the fixed 576.32 a month, resident for hukou only",
     RIDER("110000"),
     "2025-06-01",
     3,
     {-1, 0, 1},
     -1,
     false,
     2,
     57632,
     75000,
     756,
     ADVICE_UNKNOWN_VALUE},
    {"Shanghai 2019: hukou required (the study)",
     RIDER("310000"),
     "2019-06-01",
     3,
     {0, -1, 1},
     ADVICE_HUKOU_REQUIRED,
     false,
     2,
     U,
     25000,
     720,
     -1},
    {"Shanghai 2025: open, 10% of 7384 with 20% pension bundled: too heavy at 6000",
     RIDER("310000"),
     "2025-06-01",
     3,
     {1, -1, 1},
     -1,
     false,
     2,
     73840,
     40000,
     756,
     ADVICE_PENSION_BUNDLED},
    {"Guangzhou 2021: before the Guangdong rule",
     RIDER("440100"),
     "2021-06-01",
     3,
     {-1, -1, 1},
     -1,
     false,
     2,
     U,
     32000,
     720,
     ADVICE_UNKNOWN_VALUE},
    {"Guangzhou 2023: open to registered workers",
     RIDER("440100"),
     "2023-06-01",
     3,
     {1, 1, 1},
     -1,
     false,
     0,
     44002,
     52800,
     720,
     -1},
    {"Shenzhen 2026: rule past its validity, unverified",
     RIDER("440300"),
     "2026-06-01",
     3,
     {1, -1, 1},
     -1,
     false,
     0,
     53816,
     40000,
     756,
     ADVICE_UNVERIFIED_DATA},
    {"Chengdu hukou in Chongqing, 2025-06: unknown",
     "work_city = 510100\nhukou_city = 500000\n"
     "residence_permit = yes\nbirth = 1985-03\nsex = male\n"
     "work = flexible\nmonthly_income = 6000\n",
     "2025-06-01",
     3,
     {-1, -1, 1},
     -1,
     false,
     2,
     58112,
     40000,
     756,
     -1},
    {"Chengdu hukou in Chongqing, 2025-11: Sichuan lifted the limit",
     "work_city = 510100\nhukou_city = 500000\nresidence_permit = yes\nbirth = 1985-03\nsex = male\n"
     "work = flexible\nmonthly_income = 6000\n",
     "2025-11-01",
     3,
     {1, -1, 1},
     -1,
     false,
     0,
     58112,
     40000,
     756,
     -1},
    {"Chongqing local 2023: flat yearly amount",
     "work_city = 500000\nhukou_city = 500000\nbirth = 1985-03\n"
     "sex = male\nwork = flexible\nmonthly_income = 6000\n",
     "2023-06-01",
     2,
     {1, 1, 0},
     -1,
     false,
     0,
     22250,
     38000,
     720,
     -1},
    {"Qingdao local 2023: 8.5% on 3980",
     "work_city = 370200\nhukou_city = 370200\nbirth = 1975-06\n"
     "sex = female\nfemale_retire_age = 50\nwork = flexible\n"
     "monthly_income = 4000\n",
     "2023-06-01",
     2,
     {1, 1, 0},
     -1,
     false,
     0,
     33830,
     38000,
     600,
     -1},
    {"the same woman in 2025: 25 months later",
     "work_city = 370200\nhukou_city = 370200\nbirth = 1975-06\n"
     "sex = female\nfemale_retire_age = 50\nwork = flexible\n"
     "monthly_income = 4000\n",
     "2025-06-01",
     2,
     {1, 1, 0},
     -1,
     false,
     0,
     39744,
     48200,
     600 + 3,
     -1},
    {"Beijing local man born 1970, 2019: short of 25 years",
     "work_city = 110000\nhukou_city = 110000\n"
     "birth = 1970-03\nsex = male\nwork = flexible\n"
     "monthly_income = 6000\n",
     "2019-06-01",
     2,
     {1, 1, 0},
     -1,
     false,
     0,
     U,
     25000,
     720,
     ADVICE_RETIREMENT_SHORTFALL},
};

static bool
has(const struct advice_item *items, int n, int id)
{
	for (int i = 0; i < n; i++)
		if ((int)items[i].id == id)
			return true;
	return false;
}

static void
test_scenarios(void **state)
{
	struct policy_set *ps = *state;
	int failures = 0;
	for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
		const struct scenario *s = &scenarios[i];
		char text[1024];
		struct answers a;
		struct advice adv;
		struct answers_error err;
		struct date on;
		snprintf(text, sizeof text, "[answers]\n%s", s->answers);
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
		assert_true(date_parse(s->as_of, strlen(s->as_of), &on));
		if (advice_build(&adv, &a, ps, on, NULL, &err) != ANSWERS_OK)
			fail_msg("scenario %zu (%s): advice_build failed, key %d", i, s->name, err.key);
#define CHECK(cond, ...)                                                                                     \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			print_message("scenario %zu (%s): ", i, s->name);                                    \
			print_message(__VA_ARGS__);                                                          \
			print_message("\n");                                                                 \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)
		CHECK(adv.noptions == s->noptions, "%d options", adv.noptions);
		for (int k = 0; k < adv.noptions && k < 3; k++)
			CHECK(adv.options[k].eligible == s->eligible[k], "option %d eligible %d", k,
			      adv.options[k].eligible);
		if (s->blocker0 >= 0) {
			const struct advice_option *o = &adv.options[0];
			CHECK(o->nblockers > 0 && (int)o->blockers[0].id == s->blocker0, "blocker %d",
			      o->nblockers ? (int)o->blockers[0].id : -1);
			CHECK(o->nblockers > 0 && o->blockers[0].ref->verified == s->blocker0_verified,
			      "blocker verified mark");
		}
		CHECK(adv.recommended == s->recommended, "recommended %d", adv.recommended);
		CHECK(adv.options[0].low.monthly == s->monthly_low0, "monthly %lld",
		      (long long)adv.options[0].low.monthly);
		CHECK(adv.options[1].low.annual == s->annual1, "resident annual %lld",
		      (long long)adv.options[1].low.annual);
		CHECK(adv.options[0].retirement.age_months == s->age_months0, "age %d",
		      adv.options[0].retirement.age_months);
		if (s->caveat0 >= 0)
			CHECK(has(adv.options[0].caveats, adv.options[0].ncaveats, s->caveat0),
			      "caveat %s missing", advice_id_name((enum advice_id)s->caveat0));
	}
	assert_int_equal(failures, 0);
}

/* The study's Beijing rate, 7%, is in the data, dated 2019 and marked unverified. */
static void
test_beijing_rate(void **state)
{
	struct policy_set *ps = *state;
	const struct policy_ref *ref = NULL;
	int64_t rate =
	    policy_value(ps, 110000, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, (struct date){2019, 6, 1}, &ref);
	assert_int_equal(rate, 700);
	assert_non_null(ref);
	assert_false(ref->verified);
	assert_int_equal(
	    policy_value(ps, 110000, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, (struct date){2018, 6, 1}, NULL),
	    POLICY_UNKNOWN);
}

static int
setup(void **state)
{
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	if (ps == NULL || policy_set_add_builtin(ps, &err) != POLICY_OK ||
	    policy_set_finish(ps, &err) != POLICY_OK) {
		policy_set_free(ps);
		return -1;
	}
	*state = ps;
	return 0;
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
	    cmocka_unit_test(test_scenarios),
	    cmocka_unit_test(test_beijing_rate),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
