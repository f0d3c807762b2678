/* fuzz_policy.c -- libFuzzer target: one policy file from untrusted bytes, then lookups and advice on it */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "region_table.h"

#define BEIJING 110000
#define WUHAN 420100

static const struct date dates[] = {
    {1900, 1, 1}, {2000, 1, 1}, {2019, 6, 1}, {2024, 12, 31}, {2025, 1, 1}, {2025, 6, 1}, {2100, 12, 31},
};
#define NDATES (sizeof dates / sizeof dates[0])

static int
nkeys(enum policy_kind kind)
{
	int n = 0;
	while (n < POLICY_MAX_KEYS && policy_key_name(kind, n)[0] != '\0')
		n++;
	return n;
}

/* What policy.h promises about an error record and the status returned with it. */
static void
check_error(enum policy_errcode code, const struct policy_error *err)
{
	CHECK(err->code == code);
	CHECK(FUZZ_TERMINATED(err->file));
	CHECK(FUZZ_TERMINATED(err->detail));
	CHECK(err->line >= 0);
	if (code == POLICY_ERR_RANGE)
		CHECK(err->min <= err->max);
}

/* Every value of region on a few dates: the lookup and the view agree, a
 * known value names its section, a section is in force on the date. */
static void
lookups(const struct policy_set *ps, int region)
{
	for (size_t d = 0; d < NDATES; d++) {
		struct policy_view v;
		policy_view_init(&v, ps, region, dates[d]);
		for (int kind = 0; kind < POLICY_KIND_COUNT; kind++) {
			const struct policy_ref *own =
			    policy_section(ps, region, (enum policy_kind)kind, dates[d]);
			if (own != NULL) {
				fuzz_check_ref(own);
				CHECK(own->kind == (enum policy_kind)kind);
				CHECK(own->region == region);
				CHECK(date_cmp(own->from, dates[d]) <= 0);
			}
			for (int key = 0; key < nkeys((enum policy_kind)kind); key++) {
				const struct policy_ref *r1 = NULL, *r2 = NULL;
				int64_t x =
				    policy_value(ps, region, (enum policy_kind)kind, key, dates[d], &r1);
				int64_t y = policy_view_value(&v, (enum policy_kind)kind, key, &r2);
				CHECK(x == y && r1 == r2);
				if (x != POLICY_UNKNOWN)
					CHECK(r1 != NULL);
				if (r1 != NULL) {
					fuzz_check_ref(r1);
					CHECK(r1->kind == (enum policy_kind)kind);
					CHECK(date_cmp(r1->from, dates[d]) <= 0);
					CHECK(policy_set_region(ps, r1->region) != NULL);
				}
				/* another reference than the section in force: a value's own
				 * label in it, an earlier year's last known value, or another
				 * region's file */
				if (own != NULL && x != POLICY_UNKNOWN && r1 != own)
					CHECK(r1->sec == own->sec || r1->region != region ||
					      !policy_ref_is_current(r1, dates[d]));
			}
		}
	}
	struct policy_stats st;
	policy_set_stats(ps, &st);
	CHECK(st.regions <= policy_set_region_count(ps));
	CHECK(st.unverified <= st.sections);
	for (size_t i = 0; i < policy_set_region_count(ps); i++) {
		const struct policy_region *r = policy_set_region_at(ps, i);
		CHECK(r != NULL && policy_set_region(ps, r->code) == r);
		CHECK(r->name_zh != NULL && r->name_en != NULL && r->pinyin != NULL && r->initials != NULL);
		if (i > 0)
			CHECK(policy_set_region_at(ps, i - 1)->code < r->code);
	}
	CHECK(policy_set_region_at(ps, policy_set_region_count(ps)) == NULL);
}

static void
set(struct answers *a, const char *key, const char *value)
{
	CHECK(answers_set(a, key, value, strlen(value), NULL) == ANSWERS_OK);
}

/* A few people in work and hukou cities of the set, on a few dates and with
 * every base mode: the advice over the loaded data keeps its promises. */
static void
advise(const struct policy_set *ps, const char *work, const char *hukou)
{
	static const char *const sexes[] = {"male", "female"};
	static struct advice adv;
	for (int p = 0; p < 2; p++) {
		struct answers a;
		answers_init(&a);
		set(&a, "work_city", work);
		set(&a, "hukou_city", hukou);
		set(&a, "residence_permit", p ? "yes" : "no");
		set(&a, "birth", p ? "1968-03" : "1995-11");
		set(&a, "sex", sexes[p]);
		if (p)
			set(&a, "female_retire_age", "50");
		set(&a, "work", "flexible");
		set(&a, "monthly_income", p ? "0" : "9000");
		set(&a, "employee_years", p ? "12.5" : "2");
		set(&a, "employee_years_local", p ? "3" : "2");
		set(&a, "coverage", p ? "employee" : "none");
		if (p)
			set(&a, "coverage_city", hukou);
		set(&a, "gap_months", p ? "30" : "0");
		if (p)
			set(&a, "stay_years", "1");
		for (size_t d = 2; d < NDATES; d++) {
			/* the what-ifs, tiers a city may or may not have among them */
			static const struct advice_params params[] = {
			    {.base_mode = ADVICE_BASE_INCOME, .base_amount = 0, .tier = {0, 0, 0}},
			    {.base_mode = ADVICE_BASE_LOWEST, .base_amount = 0, .tier = {2, 2, 1}},
			    {.base_mode = ADVICE_BASE_AMOUNT, .base_amount = 2000000000, .tier = {4, 3, 4}}};
			for (size_t m = 0; m < sizeof params / sizeof params[0]; m++) {
				struct answers_error err;
				enum answers_status st =
				    advice_build(&adv, &a, ps, dates[d], &params[m], &err);
				if (st == ANSWERS_OK)
					fuzz_check_advice(&adv, &a);
				else /* only before the earliest national data */
					CHECK(st == ANSWERS_ERR_RANGE && err.key == ANSWERS_AS_OF);
			}
		}
	}
}

/* Region-only stand-ins, cheap to parse: the file a fuzzed one replaces. */
static const char minimal_beijing[] = "region: 110000\n";
static const char minimal_national[] = "region: 000000\n";

/* Parsing the built-in files again for every input would take most of the
 * time, so two sets live across inputs and each input leaves them as it
 * found them: the fuzzed file replaces a stand-in of its region, which is
 * put back afterwards.
 *   with_national: the built-in national file, Wuhan (a second city) and a
 *                  stand-in Beijing;
 *   with_cities:   a stand-in national file, the built-in Beijing and Wuhan. */
static struct policy_set *with_national, *with_cities;

static void
put_back(struct policy_set *ps, const char *name, const char *text)
{
	struct policy_error err;
	CHECK(policy_set_add(ps, name, text, strlen(text), &err) == POLICY_OK);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	with_national = policy_set_new();
	with_cities = policy_set_new();
	CHECK(with_national != NULL && with_cities != NULL);
	fuzz_add_builtin(with_national, "000000-national.yaml");
	fuzz_add_builtin(with_national, "420100-wuhan.yaml");
	put_back(with_national, "110000-beijing.yaml", minimal_beijing);
	put_back(with_cities, "000000-national.yaml", minimal_national);
	fuzz_add_builtin(with_cities, "110000-beijing.yaml");
	fuzz_add_builtin(with_cities, "420100-wuhan.yaml");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct policy_error err;
	enum policy_errcode c;

	/* 1. alone in a fresh set: it can never be complete (no national file) */
	struct policy_set *ps = policy_set_new();
	CHECK(ps != NULL);
	c = policy_set_add(ps, "110000-beijing.yaml", text, size, &err);
	check_error(c, &err);
	CHECK(policy_set_region_count(ps) == region_table_count + 1); /* every region, always */
	if (c == POLICY_OK) {
		CHECK(memchr(data, '\0', size) == NULL); /* no value is read in part */
		CHECK(policy_set_region(ps, BEIJING)->file != NULL);
		c = policy_set_finish(ps, &err);
		check_error(c, &err);
		CHECK(c == POLICY_ERR_NO_NATIONAL);
	} else {
		CHECK(policy_set_region(ps, BEIJING)->file == NULL); /* "the set is unchanged" */
	}
	policy_set_free(ps);

	/* 2. the second file of a set holding the built-in national file */
	ps = with_national;
	const char *before = policy_set_region(ps, BEIJING)->file;
	c = policy_set_add(ps, "110000-beijing.yaml", text, size, &err);
	check_error(c, &err);
	CHECK(policy_set_region_count(ps) == region_table_count + 1);
	if (c == POLICY_OK) {
		const struct policy_region *r = policy_set_region(ps, BEIJING);
		CHECK(r != NULL && r->code == BEIJING && strcmp(r->file, "110000-beijing.yaml") == 0);
		c = policy_set_finish(ps, &err);
		check_error(c, &err);
		if (c == POLICY_OK) {
			lookups(ps, BEIJING);
			lookups(ps, POLICY_NATIONAL);
			advise(ps, "110000", "110000");
			advise(ps, "110000", "420100");
			advise(ps, "420100", "110000");
		} else {
			CHECK(0); /* the national file is there: nothing else can fail */
		}
		put_back(ps, "110000-beijing.yaml", minimal_beijing);
	} else {
		CHECK(policy_set_region(ps, BEIJING)->file == before); /* "the set is unchanged" */
	}

	/* 3. in place of the national file, under the built-in cities: the
	 * bytes must then say code = 000000 */
	ps = with_cities;
	before = policy_set_region(ps, POLICY_NATIONAL)->file;
	c = policy_set_add(ps, "000000-national.yaml", text, size, &err);
	check_error(c, &err);
	CHECK(policy_set_region_count(ps) == region_table_count + 1);
	if (c == POLICY_OK) {
		c = policy_set_finish(ps, &err);
		check_error(c, &err);
		if (c == POLICY_OK) {
			lookups(ps, POLICY_NATIONAL);
			lookups(ps, WUHAN);
			advise(ps, "110000", "420100");
		} else {
			CHECK(0);
		}
		put_back(ps, "000000-national.yaml", minimal_national);
	} else {
		CHECK(policy_set_region(ps, POLICY_NATIONAL)->file == before);
	}
	return 0;
}
