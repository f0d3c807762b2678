/* fixture.h -- a small invented policy set for rule tests, independent of the real data */
#ifndef YIBAO_FIXTURE_H
#define YIBAO_FIXTURE_H

#include <string.h>

#include "policy.h"

#define FIX_SRC "source = test fixture\nchecked = 2026-01-01\nstatus = verified\n"

static const char fixture_national[] =
	"[region]\ncode = 000000\nname_zh = 全国\nname_en = National\npinyin = quanguo\ninitials = qg\n"
	"parent = none\n"
	"[scope 2011-07-01]\n" FIX_SRC "individual_employee = yes\nresident_choice = yes\n"
	"[retirement 2011-07-01]\nsource = law art 27\nchecked = 2026-01-01\nstatus = verified\n"
	"years_male = unknown\nyears_female = unknown\nreform = no\n"
	"[resident 2019-01-01]\n" FIX_SRC "premium = 250\nsubsidy = 520\nminimum = yes\n"
	"[resident 2024-01-01]\n" FIX_SRC "premium = 400\nsubsidy = 670\nminimum = yes\n"
	"[benefits 2024-07-25]\n" FIX_SRC
	"inpatient_employee = 84.6%\ninpatient_resident = 68.1%\naverage = yes\nfamily_sharing = yes\n"
	"[waiting 2025-01-01]\nsource = waiting rule\nchecked = 2026-01-01\nstatus = verified\n"
	"fixed = 3\nper_year = 1\nfloor = 6\nfloor_years = 4\n"
	"[transfer 2021-11-01]\nsource = transfer rule\nchecked = 2026-01-01\nstatus = verified\n"
	"gap_max = 3\ncontinuous_years = 2\nlocal_max = 6\nlocal = unknown\n"
	"[remote_care 2022-01-01]\n" FIX_SRC "filing = yes\n";

/* 100000: open, 10% on 5000..20000 with pension 20% bundled; 25/20 years; local wait 3 */
static const char fixture_a[] =
	"[region]\ncode = 100000\nname_zh = 甲市\nname_en = Acity\npinyin = jiashi\ninitials = js\n"
	"parent = none\n"
	"[access 2019-01-01]\nsource = a access\nchecked = 2026-01-01\nstatus = verified\n"
	"employee = open\nresident = permit\nage_min = 16\nage_max_male = 60\nage_max_female = 55\n"
	"[employee 2019-01-01]\nsource = a cost\nchecked = 2026-01-01\nstatus = verified\n"
	"rate = 10%\nbase_floor = 5000\nbase_ceiling = 20000\nannual_fixed = unknown\n"
	"pension_bundled = yes\npension_rate = 20%\npersonal_account = yes\n"
	"[resident 2024-01-01]\n" FIX_SRC "premium = 500\nsubsidy = unknown\nminimum = no\n"
	"[retirement 2001-04-01]\nsource = a years\nchecked = 2026-01-01\nstatus = verified\n"
	"years_male = 25\nyears_female = 20\nreform = unknown\n"
	"[transfer 2021-11-01]\n" FIX_SRC "gap_max = unknown\ncontinuous_years = unknown\nlocal_max = unknown\n"
	"local = 3\n";

/* 200000: hukou only until 2020, open after; unverified flat 2670 a year; no pension */
static const char fixture_b[] =
	"[region]\ncode = 200000\nname_zh = 乙市\nname_en = Bcity\npinyin = yishi\ninitials = ys\n"
	"parent = none\n"
	"[access 2019-01-01]\nsource = b old\nchecked = 2026-01-01\nstatus = verified\n"
	"employee = hukou\nresident = hukou\nage_min = unknown\nage_max_male = unknown\n"
	"age_max_female = unknown\n"
	"[access 2020-01-01]\nsource = b new\nchecked = 2026-01-01\nstatus = verified\n"
	"employee = open\nresident = open\nage_min = unknown\nage_max_male = unknown\n"
	"age_max_female = unknown\n"
	"[employee 2019-01-01]\nsource = b flat\nchecked = 2026-01-01\nstatus = unverified\n"
	"rate = unknown\nbase_floor = unknown\nbase_ceiling = unknown\nannual_fixed = 2670\n"
	"pension_bundled = no\npension_rate = unknown\npersonal_account = no\n";

/* 300000: permit needed; 0.5% on 1000 upward (rounding cases); access to resident unknown;
 * its own waiting rule where the floor bites: 2 months, no yearly step, 6 after 4 years */
static const char fixture_c[] =
	"[region]\ncode = 300000\nname_zh = 丙市\nname_en = Ccity\npinyin = bingshi\ninitials = bs\n"
	"parent = none\n"
	"[access 2019-01-01]\n" FIX_SRC
	"employee = permit\nresident = unknown\nage_min = unknown\nage_max_male = unknown\n"
	"age_max_female = unknown\n"
	"[employee 2019-01-01]\n" FIX_SRC
	"rate = 0.5%\nbase_floor = 1000\nbase_ceiling = unknown\nannual_fixed = unknown\n"
	"pension_bundled = no\npension_rate = unknown\npersonal_account = unknown\n"
	"[waiting 2025-01-01]\n" FIX_SRC "fixed = 2\nper_year = 0\nfloor = 6\nfloor_years = 4\n";

/* 400000: no data at all */
static const char fixture_d[] =
	"[region]\ncode = 400000\nname_zh = 丁市\nname_en = Dcity\npinyin = dingshi\ninitials = ds\n"
	"parent = none\n";

static struct policy_set *
fixture_new(void)
{
	static const struct {
		const char *name, *text;
	} files[] = {
		{"000000-national.ini", fixture_national},
		{"100000-a.ini", fixture_a},
		{"200000-b.ini", fixture_b},
		{"300000-c.ini", fixture_c},
		{"400000-d.ini", fixture_d},
	};
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (policy_set_add(ps, files[i].name, files[i].text, strlen(files[i].text), &err) != POLICY_OK) {
			policy_set_free(ps);
			return NULL;
		}
	if (policy_set_finish(ps, &err) != POLICY_OK) {
		policy_set_free(ps);
		return NULL;
	}
	return ps;
}

#endif
