/* fixture.h -- a small invented policy set for rule tests, independent of the real data */
#ifndef YIBAO_FIXTURE_H
#define YIBAO_FIXTURE_H

#include <stdbool.h>
#include <string.h>

#include "policy.h"
#include "region_table.h"

/* The national file, in parts: fixture_national has the project's own
 * thresholds (a 10% burden line, a 2-year short stay) and a reform from
 * 2025-01-01 (restated 2026-09-08, which must not move its day);
 * fixture_national_bare lacks the thresholds, as a --policy-dir might. */
#define FIXTURE_NATIONAL_DOCS                                                                                \
	"region: 000000\n"                                                                                   \
	"\n"                                                                                                 \
	"documents:\n"                                                                                       \
	"  d1:\n"                                                                                            \
	"    title: \"test fixture\"\n"                                                                      \
	"  d2:\n"                                                                                            \
	"    title: \"law art 27\"\n"                                                                        \
	"  d3:\n"                                                                                            \
	"    title: \"waiting rule\"\n"                                                                      \
	"  d4:\n"                                                                                            \
	"    title: \"transfer rule\"\n"                                                                     \
	"\n"
#define FIXTURE_NATIONAL_OWN_DOC                                                                             \
	"  own1:\n"                                                                                          \
	"    issuer: \"yibao\"\n"                                                                            \
	"    title: \"our own lines\"\n"                                                                     \
	"    own: yes\n"
#define FIXTURE_NATIONAL_SECTIONS                                                                            \
	"sections:\n"                                                                                        \
	"  - kind: scope\n"                                                                                  \
	"    from: 2011-07-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d1]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      individual_employee: yes\n"                                                                   \
	"      resident_choice: yes\n"                                                                       \
	"      employer_insures: yes\n"                                                                      \
	"  - kind: retirement\n"                                                                             \
	"    from: 2011-07-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d2]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      reform: no\n"                                                                                 \
	"  - kind: retirement\n"                                                                             \
	"    from: 2025-01-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d2]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      reform: yes\n"                                                                                \
	"  - kind: retirement\n"                                                                             \
	"    from: 2026-09-08\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d2]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      reform: yes\n"                                                                                \
	"  - kind: resident\n"                                                                               \
	"    from: 2019-01-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d1]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      premium: 250\n"                                                                               \
	"      subsidy: 520\n"                                                                               \
	"      minimum: yes\n"                                                                               \
	"      personal_account: no\n"                                                                       \
	"  - kind: resident\n"                                                                               \
	"    from: 2024-01-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d1]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      premium: 400\n"                                                                               \
	"      subsidy: 670\n"                                                                               \
	"      minimum: yes\n"                                                                               \
	"      personal_account: no\n"                                                                       \
	"  - kind: benefits\n"                                                                               \
	"    from: 2024-07-25\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d1]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      inpatient_employee: 84.6%\n"                                                                  \
	"      inpatient_resident: 68.1%\n"                                                                  \
	"      average: yes\n"                                                                               \
	"      family_sharing: yes\n"                                                                        \
	"  - kind: waiting\n"                                                                                \
	"    from: 2025-01-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d3]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      fixed: 3\n"                                                                                   \
	"      per_year: 1\n"                                                                                \
	"      floor: 6\n"                                                                                   \
	"      floor_years: 4\n"                                                                             \
	"  - kind: transfer\n"                                                                               \
	"    from: 2021-11-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d4]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      gap_max: 3\n"                                                                                 \
	"      continuous_years: 2\n"                                                                        \
	"      local_max: 6\n"                                                                               \
	"  - kind: remote_care\n"                                                                            \
	"    from: 2022-01-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [d1]\n"                                                                                \
	"    values:\n"                                                                                      \
	"      filing: yes\n"
#define FIXTURE_NATIONAL_PROJECT                                                                             \
	"  - kind: project\n"                                                                                \
	"    from: 2011-07-01\n"                                                                             \
	"    checked: 2026-01-01\n"                                                                          \
	"    confidence: verified\n"                                                                         \
	"    sources: [own1]\n"                                                                              \
	"    values:\n"                                                                                      \
	"      burden_share: 10%\n"                                                                          \
	"      short_stay_years: 2\n"
static const char fixture_national[] =
    FIXTURE_NATIONAL_DOCS FIXTURE_NATIONAL_OWN_DOC FIXTURE_NATIONAL_SECTIONS FIXTURE_NATIONAL_PROJECT;
static const char fixture_national_bare[] = FIXTURE_NATIONAL_DOCS FIXTURE_NATIONAL_SECTIONS;

/* 100000: open, 10% on 5000..20000 with pension 20% bundled; 25/20 years; local wait 3 */
static const char fixture_a[] = "region: 100000\n"
                                "\n"
                                "documents:\n"
                                "  d1:\n"
                                "    title: \"a access\"\n"
                                "  d2:\n"
                                "    title: \"a cost\"\n"
                                "  d3:\n"
                                "    title: \"test fixture\"\n"
                                "  d4:\n"
                                "    title: \"a years\"\n"
                                "\n"
                                "sections:\n"
                                "  - kind: access\n"
                                "    from: 2019-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d1]\n"
                                "    values:\n"
                                "      employee: open\n"
                                "      resident: permit\n"
                                "      age_min: 16\n"
                                "      age_max_male: 60\n"
                                "      age_max_female: 55\n"
                                "  - kind: employee\n"
                                "    from: 2019-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d2]\n"
                                "    values:\n"
                                "      rate: 10%\n"
                                "      base_floor: 5000\n"
                                "      base_ceiling: 20000\n"
                                "      pension_bundled: yes\n"
                                "      pension_rate: 20%\n"
                                "      personal_account: yes\n"
                                "  - kind: resident\n"
                                "    from: 2024-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d3]\n"
                                "    values:\n"
                                "      premium: 500\n"
                                "      minimum: no\n"
                                "  - kind: retirement\n"
                                "    from: 2001-04-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d4]\n"
                                "    values:\n"
                                "      years_male: 25\n"
                                "      years_female: 20\n"
                                "  - kind: transfer\n"
                                "    from: 2021-11-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d3]\n"
                                "    values:\n"
                                "      local: 3\n";

/* 200000: hukou only until 2020, open after; unverified flat 2670 a year; no pension */
static const char fixture_b[] = "region: 200000\n"
                                "\n"
                                "documents:\n"
                                "  d1:\n"
                                "    title: \"b old\"\n"
                                "  d2:\n"
                                "    title: \"b new\"\n"
                                "  d3:\n"
                                "    title: \"b flat\"\n"
                                "\n"
                                "sections:\n"
                                "  - kind: access\n"
                                "    from: 2019-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d1]\n"
                                "    values:\n"
                                "      employee: hukou\n"
                                "      resident: hukou\n"
                                "  - kind: access\n"
                                "    from: 2020-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d2]\n"
                                "    values:\n"
                                "      employee: open\n"
                                "      resident: open\n"
                                "  - kind: employee\n"
                                "    from: 2019-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: unverified\n"
                                "    sources: [d3]\n"
                                "    values:\n"
                                "      annual_fixed: 2670\n"
                                "      pension_bundled: no\n"
                                "      personal_account: no\n";

/* 300000: permit needed; 0.5% on 1000 upward (rounding cases); access to resident unknown;
 * its own waiting rule where the floor bites: 2 months, no yearly step, 6 after 4 years */
static const char fixture_c[] = "region: 300000\n"
                                "\n"
                                "documents:\n"
                                "  d1:\n"
                                "    title: \"test fixture\"\n"
                                "\n"
                                "sections:\n"
                                "  - kind: access\n"
                                "    from: 2019-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d1]\n"
                                "    values:\n"
                                "      employee: permit\n"
                                "  - kind: employee\n"
                                "    from: 2019-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d1]\n"
                                "    values:\n"
                                "      rate: 0.5%\n"
                                "      base_floor: 1000\n"
                                "      pension_bundled: no\n"
                                "  - kind: waiting\n"
                                "    from: 2025-01-01\n"
                                "    checked: 2026-01-01\n"
                                "    confidence: verified\n"
                                "    sources: [d1]\n"
                                "    values:\n"
                                "      fixed: 2\n"
                                "      per_year: 0\n"
                                "      floor: 6\n"
                                "      floor_years: 4\n";

/* 400000: no data at all */
static const char fixture_d[] = "region: 400000\n"
                                "\n"
                                "documents:\n"
                                "\n"
                                "sections:\n";

/* 600000: a rate of 8% but no floor (the typed-base case) */
static const char fixture_e[] =
    "region: 600000\n"
    "documents: {d: {title: e cost}}\n"
    "sections:\n"
    "  - {kind: access, from: 2019-01-01, checked: 2026-01-01, confidence: verified, sources: [d],\n"
    "     values: {employee: open, resident: open}}\n"
    "  - {kind: employee, from: 2019-01-01, checked: 2026-01-01, confidence: secondary, sources: [d],\n"
    "     values: {rate: 8%, pension_bundled: no}}\n";

/* 700000: a floor worked out from the average wage (60% of 8000), add-ons with their name, the
 * base in the document's words, a resident subsidy, and years to be actually paid and paid here */
static const char fixture_f[] =
    "region: 700000\n"
    "documents: {d: {title: f cost}, w: {title: f wage}, y: {title: f years}}\n"
    "sections:\n"
    "  - {kind: access, from: 2019-01-01, checked: 2026-01-01, confidence: verified, sources: [d],\n"
    "     values: {employee: open, resident: open}}\n"
    "  - {kind: employee, from: 2019-01-01, checked: 2026-01-01, confidence: verified, sources: [d],\n"
    "     values: {rate: 8%, base_floor_pct: 60%, base_ceiling_pct: 300%, pension_bundled: no,\n"
    "              base_wage: 上年度全省平均工资的60%, addon_monthly: 10, addon_rate: 0.5%,\n"
    "              addon_name: 大额医疗}}\n"
    "  - {kind: wage, from: 2019-01-01, checked: 2026-01-01, confidence: secondary, sources: [w],\n"
    "     values: {average_monthly: 8000, wage_scope: 全口径城镇单位就业人员}}\n"
    "  - {kind: resident, from: 2019-01-01, checked: 2026-01-01, confidence: verified, sources: [d],\n"
    "     values: {premium: 380, subsidy: 700, window_from: 2024-09-01, window_to: 2024-12-31}}\n"
    "  - {kind: retirement, from: 2019-01-01, checked: 2026-01-01, confidence: verified, sources: [y],\n"
    "     values: {years_male: 25, years_female: 20, years_actual_min: 10, years_local_min: 10}}\n"
    "  - {kind: enrol, from: 2019-01-01, checked: 2026-01-01, confidence: verified, sources: [d],\n"
    "     values: {employee_where: 持身份证到己市服务中心办理}}\n";

/* The fixture's invented regions, outside GB/T 2260. */
static const struct region_row fixture_rows[] = {
    {100000, "甲市", "甲市", "Acity", "jiashi", "js", 100000, 0, 0},
    {200000, "乙市", "乙市", "Bcity", "yishi", "ys", 200000, 0, 0},
    {300000, "丙市", "丙市", "Ccity", "bingshi", "bs", 300000, 0, 0},
    {400000, "丁市", "丁市", "Dcity", "dingshi", "ds", 400000, 0, 0},
    {600000, "戊市", "戊市", "Ecity", "wushi", "ws", 600000, 0, 0},
    {700000, "己市", "己市", "Fcity", "jishi", "js", 700000, 0, 0},
};

/* The fixture set; bare: without the project's thresholds. */
static struct policy_set *
fixture_new_national(bool bare)
{
	static const struct {
		const char *name, *text;
	} files[] = {
	    {"000000-national.yaml", fixture_national},
	    {"100000-a.yaml", fixture_a},
	    {"200000-b.yaml", fixture_b},
	    {"300000-c.yaml", fixture_c},
	    {"400000-d.yaml", fixture_d},
	    {"600000-e.yaml", fixture_e},
	    {"700000-f.yaml", fixture_f},
	};
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	for (size_t i = 0; ps != NULL && i < sizeof fixture_rows / sizeof fixture_rows[0]; i++)
		policy_set_add_region(ps, &fixture_rows[i]);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		const char *text = i == 0 && bare ? fixture_national_bare : files[i].text;
		if (policy_set_add(ps, files[i].name, text, strlen(text), &err) != POLICY_OK) {
			policy_set_free(ps);
			return NULL;
		}
	}
	if (policy_set_finish(ps, &err) != POLICY_OK) {
		policy_set_free(ps);
		return NULL;
	}
	return ps;
}

static struct policy_set *
fixture_new(void)
{
	return fixture_new_national(false);
}

#endif
