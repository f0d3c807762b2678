/* test_policy.c -- table-driven cmocka tests for the YAML policy loader, lookup and built-in data */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "policy.h"
#include "region_table.h"

static const char *const code_names[] = {
    "OK",          "SYNTAX",    "NO_REGION",   "BAD_SECTION", "DUP_SECTION", "UNKNOWN_KEY", "DUP_KEY",
    "MISSING_KEY", "BAD_VALUE", "RANGE",       "BAD_DATE",    "NO_SOURCE",   "FILE_NAME",   "PARENT",
    "NO_NATIONAL", "NOMEM",     "UNKNOWN_DOC", "REGION",      "CONTROL",     "NO_FORMULA",  "OWN_DOC",
};

static const char *
code_name(enum policy_errcode c)
{
	return (unsigned)c < sizeof code_names / sizeof code_names[0] ? code_names[c] : "?";
}

/* ------------------------------------------------------------------ loading */

/* Lines 1-4: the region and one document. */
#define HEAD "region: 110000\ndocuments:\n  d:\n    title: 测试文件\n"
#define BJ "110000-beijing.yaml"
/* Line 5 "sections:", line 6 the section's first line, its keys on 7-10, values from 12. */
#define SEC(kind, from)                                                                                      \
	"sections:\n  - kind: " kind "\n    from: " from                                                     \
	"\n    checked: 2026-12-02\n    confidence: verified\n"                                              \
	"    sources: [d]\n"
#define VALUES "    values:\n"

struct load_case {
	const char *name;
	const char *file;
	const char *text;
	enum policy_errcode code;
	int line;
	const char *detail; /* NULL: not checked */
};

static const struct load_case load_cases[] = {
    /* degenerate inputs first */
    {"empty text", BJ, "", POLICY_ERR_NO_REGION, 1, NULL},
    {"a scalar", BJ, "hello\n", POLICY_ERR_NO_REGION, 1, NULL},
    {"a list", BJ, "- 1\n", POLICY_ERR_NO_REGION, 1, NULL},
    {"region alone", BJ, "region: 110000\n", POLICY_OK, 0, NULL},
    {"empty documents and sections", BJ, "region: 110000\ndocuments:\nsections:\n", POLICY_OK, 0, NULL},
    {"NUL byte", BJ, "region: 110000\nx: a\0b\n", POLICY_ERR_SYNTAX, 2, "invalid UTF-8"},
    {"invalid UTF-8", BJ, "region: 110000\n# \xff\n", POLICY_ERR_SYNTAX, 2, "invalid UTF-8"},
    {"YAML syntax", BJ, "region: 110000\nsections: [\n", POLICY_ERR_SYNTAX, 3, NULL},
    {"two documents", BJ, "region: 110000\n---\nregion: 110000\n", POLICY_ERR_SYNTAX, 2, NULL},
    /* the region */
    {"no region", BJ, "documents: {}\n", POLICY_ERR_NO_REGION, 1, "region"},
    {"bad region code", BJ, "region: 11000\n", POLICY_ERR_BAD_VALUE, 1, "region"},
    {"region not in GB/T 2260", "990000-x.yaml", "region: 990000\n", POLICY_ERR_REGION, 1, "990000"},
    {"code not the file name", "310000-shanghai.yaml", "region: 110000\n", POLICY_ERR_FILE_NAME, 1, NULL},
    {"old INI name", "110000-beijing.ini", "region: 110000\n", POLICY_ERR_FILE_NAME, 1, NULL},
    {"unknown top-level key", BJ, "region: 110000\nname_zh: 北京\n", POLICY_ERR_UNKNOWN_KEY, 2, "name_zh"},
    {"duplicate top-level key", BJ, "region: 110000\nregion: 110000\n", POLICY_ERR_DUP_KEY, 2, "region"},
    /* documents */
    {"document without title", BJ, "region: 110000\ndocuments:\n  d:\n    issuer: 某局\n",
     POLICY_ERR_MISSING_KEY, 3, "title"},
    {"document, unknown key", BJ, "region: 110000\ndocuments:\n  d:\n    title: t\n    url: x\n",
     POLICY_ERR_UNKNOWN_KEY, 5, "url"},
    {"document, bad date", BJ, "region: 110000\ndocuments:\n  d:\n    title: t\n    date: 2025-13\n",
     POLICY_ERR_BAD_DATE, 5, "date"},
    {"document id with a space", BJ, "region: 110000\ndocuments:\n  a b: {title: t}\n", POLICY_ERR_DOC_ID, 3,
     "a b"},
    {"document id with a slash", BJ, "region: 110000\ndocuments:\n  x/y: {title: t}\n", POLICY_ERR_DOC_ID, 3,
     "x/y"},
    {"document id of letters, digits, - _ .", BJ, "region: 110000\ndocuments:\n  Gf-2016_3.a: {title: t}\n",
     POLICY_OK, 0, NULL},
    {"document, duplicate id", BJ, "region: 110000\ndocuments:\n  d: {title: a}\n  d: {title: b}\n",
     POLICY_ERR_DUP_KEY, 4, "d"},
    /* own: yes marks the project's own document; only project sections cite it, and only it */
    {"document, own maybe", BJ, "region: 110000\ndocuments:\n  d:\n    title: t\n    own: maybe\n",
     POLICY_ERR_BAD_VALUE, 5, "own"},
    {"document, own twice", BJ, "region: 110000\ndocuments:\n  d:\n    title: t\n    own: yes\n    own: no\n",
     POLICY_ERR_DUP_KEY, 6, "own"},
    {"project citing its own document", BJ,
     "region: 110000\ndocuments:\n  d:\n    title: 本程序自定\n    own: yes\n" SEC(
         "project", "2025-01-01") "    values:\n      burden_share: 10%\n      short_stay_years: 2\n",
     POLICY_OK, 0, NULL},
    {"project citing a law", BJ, HEAD SEC("project", "2025-01-01") VALUES "      burden_share: 10%\n",
     POLICY_ERR_OWN_DOC, 10, "d"},
    {"a law citing the project's document", BJ,
     "region: 110000\ndocuments:\n  d:\n    title: 本程序自定\n    own: yes\n" SEC("scope", "2025-01-01"),
     POLICY_ERR_OWN_DOC, 11, "d"},
    {"a value of a law citing the project's document", BJ,
     HEAD "  o:\n    title: 本程序自定\n    own: yes\n" SEC(
         "scope", "2025-01-01") "    values:\n      employer_insures: {value: yes, sources: [o]}\n",
     POLICY_ERR_OWN_DOC, 15, "o"},
    {"burden share out of range", BJ,
     "region: 110000\ndocuments:\n  d:\n    title: 本程序自定\n    own: yes\n" SEC(
         "project", "2025-01-01") "    values:\n      burden_share: 0%\n",
     POLICY_ERR_RANGE, 13, "burden_share"},
    {"read_at without url", BJ,
     "region: 110000\ndocuments:\n  d:\n    title: t\n    read_at:\n      - quote: q\n",
     POLICY_ERR_MISSING_KEY, 6, "url"},
    {"OSC in a title", BJ, "region: 110000\ndocuments:\n  d:\n    title: \"a\\e]0;PWNED\\ab\"\n",
     POLICY_ERR_CONTROL, 4, "title"},
    {"bidi override in a title", BJ, "region: 110000\ndocuments:\n  d:\n    title: \"a\\u202Eb\"\n",
     POLICY_ERR_CONTROL, 4, "title"},
    {"C1 control in a quote", BJ,
     "region: 110000\ndocuments:\n  d:\n    title: t\n    read_at:\n      - url: x\n        quote: "
     "\"\\x9b2J\"\n",
     POLICY_ERR_CONTROL, 7, "quote"},
    /* sections */
    {"a good section", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      rate: 8%\n", POLICY_OK, 0, NULL},
    {"unknown kind", BJ, HEAD SEC("pension", "2024-01-01"), POLICY_ERR_BAD_SECTION, 6, "kind"},
    {"no kind", BJ, HEAD "sections:\n  - from: 2024-01-01\n", POLICY_ERR_MISSING_KEY, 6, "kind"},
    {"no from", BJ, HEAD "sections:\n  - kind: access\n    checked: 2026-12-02\n", POLICY_ERR_MISSING_KEY, 6,
     "from"},
    {"no sources", BJ,
     HEAD
     "sections:\n  - kind: access\n    from: 2024-01-01\n    checked: 2026-12-02\n    confidence: verified\n",
     POLICY_ERR_NO_SOURCE, 6, "sources"},
    {"empty sources", BJ,
     HEAD
     "sections:\n  - kind: access\n    from: 2024-01-01\n    checked: 2026-12-02\n    confidence: verified\n"
     "    sources: []\n",
     POLICY_ERR_NO_SOURCE, 10, "sources"},
    {"unknown document", BJ,
     HEAD
     "sections:\n  - kind: access\n    from: 2024-01-01\n    checked: 2026-12-02\n    confidence: verified\n"
     "    sources: [nope]\n",
     POLICY_ERR_UNKNOWN_DOC, 10, "nope"},
    {"bad from", BJ, HEAD SEC("access", "2024-02-30"), POLICY_ERR_BAD_DATE, 7, "from"},
    {"bad confidence", BJ,
     HEAD "sections:\n  - kind: access\n    from: 2024-01-01\n    checked: 2026-12-02\n    confidence: sure\n"
          "    sources: [d]\n",
     POLICY_ERR_BAD_VALUE, 9, "confidence"},
    {"until before from", BJ, HEAD SEC("employee", "2024-01-01") "    until: 2023-12-31\n",
     POLICY_ERR_BAD_DATE, 11, "until"},
    {"unknown section key", BJ, HEAD SEC("employee", "2024-01-01") "    status: verified\n",
     POLICY_ERR_UNKNOWN_KEY, 11, "status"},
    {"duplicate section key", BJ, HEAD SEC("employee", "2024-01-01") "    from: 2024-01-01\n",
     POLICY_ERR_DUP_KEY, 11, "from"},
    {"duplicate section", BJ,
     HEAD SEC("employee", "2024-01-01") "  - kind: employee\n    from: 2024-01-01\n    checked: 2026-12-02\n"
                                        "    confidence: verified\n    sources: [d]\n",
     POLICY_ERR_DUP_SECTION, 11, "employee"},
    /* values */
    {"unknown value key", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      rat: 8%\n",
     POLICY_ERR_UNKNOWN_KEY, 12, "rat"},
    {"duplicate value key", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      rate: 8%\n      rate: 9%\n",
     POLICY_ERR_DUP_KEY, 13, "rate"},
    {"percent without %", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      rate: 8\n",
     POLICY_ERR_BAD_VALUE, 12, "rate"},
    {"percent, three decimals", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      rate: 8.125%\n",
     POLICY_ERR_BAD_VALUE, 12, "rate"},
    {"percent out of range", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      rate: 40%\n",
     POLICY_ERR_RANGE, 12, "rate"},
    {"negative yuan", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      base_floor: -5\n",
     POLICY_ERR_BAD_VALUE, 12, "base_floor"},
    {"yuan out of range", BJ, HEAD SEC("employee", "2024-01-01") VALUES "      monthly_fixed: 20000.01\n",
     POLICY_ERR_RANGE, 12, "monthly_fixed"},
    {"int not a number", BJ, HEAD SEC("waiting", "2025-01-01") VALUES "      fixed: three\n",
     POLICY_ERR_BAD_VALUE, 12, "fixed"},
    {"int out of range", BJ, HEAD SEC("waiting", "2025-01-01") VALUES "      floor_years: 0\n",
     POLICY_ERR_RANGE, 12, "floor_years"},
    {"yesno as true", BJ, HEAD SEC("remote_care", "2022-01-01") VALUES "      filing: true\n",
     POLICY_ERR_BAD_VALUE, 12, "filing"},
    {"access word", BJ, HEAD SEC("access", "2024-01-01") VALUES "      employee: everyone\n",
     POLICY_ERR_BAD_VALUE, 12, "employee"},
    {"date value", BJ, HEAD SEC("resident", "2024-01-01") VALUES "      window_to: 2025-02-29\n",
     POLICY_ERR_BAD_DATE, 12, "window_to"},
    {"empty text value", BJ, HEAD SEC("enrol", "2024-01-01") VALUES "      hotline: ''\n",
     POLICY_ERR_BAD_VALUE, 12, "hotline"},
    {"escape in a text value", BJ, HEAD SEC("enrol", "2024-01-01") VALUES "      hotline: \"010\\e[2J\"\n",
     POLICY_ERR_CONTROL, 12, "hotline"},
    {"a value with its own label", BJ,
     HEAD SEC("employee", "2024-01-01") VALUES
     "      base_floor: {value: 4198.20, confidence: derived, formula: 60% × 6997}\n",
     POLICY_OK, 0, NULL},
    {"derived without formula", BJ,
     HEAD SEC("employee", "2024-01-01") VALUES "      base_floor: {value: 4198.20, confidence: derived}\n",
     POLICY_ERR_NO_FORMULA, 12, "base_floor"},
    {"a value mapping without value", BJ,
     HEAD SEC("employee", "2024-01-01") VALUES "      base_floor: {confidence: secondary}\n",
     POLICY_ERR_MISSING_KEY, 12, "value"},
    {"a value's unknown key", BJ,
     HEAD SEC("employee", "2024-01-01") VALUES "      base_floor: {value: 1, label: x}\n",
     POLICY_ERR_UNKNOWN_KEY, 12, "label"},
    {"a value's bad document", BJ,
     HEAD SEC("employee", "2024-01-01") VALUES "      base_floor: {value: 1, sources: [x]}\n",
     POLICY_ERR_UNKNOWN_DOC, 12, "x"},
    /* tiers and facts */
    {"tiers", BJ,
     HEAD SEC("employee", "2024-01-01") "    tiers:\n      - name_zh: 一档\n        values: {rate: 10%}\n"
                                        "      - {name_zh: 二档, default: yes, values: {rate: 2%}}\n",
     POLICY_OK, 0, NULL},
    {"tier without name", BJ, HEAD SEC("employee", "2024-01-01") "    tiers:\n      - values: {rate: 10%}\n",
     POLICY_ERR_MISSING_KEY, 12, "name_zh"},
    {"two default tiers", BJ,
     HEAD SEC("employee", "2024-01-01") "    tiers:\n      - {name_zh: a, default: yes}\n"
                                        "      - {name_zh: b, default: yes}\n",
     POLICY_ERR_BAD_VALUE, 12, "default"},
    {"five tiers", BJ,
     HEAD SEC("employee", "2024-01-01") "    tiers: [{name_zh: a}, {name_zh: b}, {name_zh: c}, {name_zh: d}, "
                                        "{name_zh: e}]\n",
     POLICY_ERR_BAD_VALUE, 11, "tiers"},
    {"a tier's bad value", BJ,
     HEAD SEC("employee", "2024-01-01") "    tiers:\n      - {name_zh: a, values: {rate: x}}\n",
     POLICY_ERR_BAD_VALUE, 12, "rate"},
    {"facts", BJ,
     HEAD SEC("employee", "2024-01-01") "    facts:\n      - {text: 邯郸 9.5%, confidence: unverified}\n",
     POLICY_OK, 0, NULL},
    {"fact without text", BJ,
     HEAD SEC("employee", "2024-01-01") "    facts:\n      - {confidence: unverified}\n",
     POLICY_ERR_MISSING_KEY, 12, "text"},
};

static void
test_policy_load(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof load_cases / sizeof load_cases[0]; i++) {
		const struct load_case *c = &load_cases[i];
		struct policy_set *ps = policy_set_new();
		struct policy_error err;
		size_t len = strlen(c->text);
		if (strcmp(c->name, "NUL byte") == 0)
			len = sizeof "region: 110000\nx: a\0b\n" - 1;
		enum policy_errcode got = policy_set_add(ps, c->file, c->text, len, &err);
		bool ok = got == c->code;
		if (ok && got != POLICY_OK) {
			ok = err.code == c->code && err.line == c->line &&
			     (c->detail == NULL || strcmp(err.detail, c->detail) == 0) &&
			     strcmp(err.file, c->file) == 0;
		}
		if (!ok) {
			print_error("load case %zu (%s): got %s at %s:%d (%s), want %s at line %d (%s)\n", i,
			            c->name, code_name(got), err.file, err.line, err.detail,
			            code_name(c->code), c->line, c->detail ? c->detail : "-");
			failures++;
		}
		/* a refused file leaves the set unchanged */
		if (got != POLICY_OK && policy_set_region(ps, 110000)->file != NULL) {
			print_error("load case %zu (%s): a refused file was kept\n", i, c->name);
			failures++;
		}
		policy_set_free(ps);
	}
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------------ lookup */

static const char lk_national[] =
    "region: 000000\n"
    "documents:\n"
    "  n: {title: 全国文件, issuer: 国家医保局, number: 医保发〔2024〕19号, date: 2024-08-26,\n"
    "      read_at: [{url: nhsa.example/a, quote: 不低于400元}]}\n"
    "sections:\n"
    "  - {kind: resident, from: 2025-01-01, until: 2025-12-31, checked: 2026-12-02, confidence: secondary,\n"
    "     sources: [n], values: {premium: 400, minimum: yes}}\n"
    "  - {kind: resident, from: 2026-01-01, until: 2026-12-31, checked: 2026-12-02, confidence: secondary,\n"
    "     sources: [n], values: {premium: 400, minimum: yes, subsidy: {value: 724, confidence: derived,\n"
    "     formula: 700 + 24}}}\n"
    "  - {kind: waiting, from: 2025-01-01, checked: 2026-12-02, confidence: verified, sources: [n],\n"
    "     values: {fixed: 3}}\n";

/* 河南: a provincial wage and rate; 周口 (411600) has no file. */
static const char lk_henan[] =
    "region: 410000\n"
    "documents: {p: {title: 河南省文件}}\n"
    "sections:\n"
    "  - {kind: employee, from: 2024-01-01, checked: 2026-12-02, confidence: secondary, sources: [p],\n"
    "     values: {rate: 8%}}\n";

/* 广州-like: an ongoing 8% and a temporary 6.5%; a 2025 premium and a 2026
 * section without one; an explicit unknown stopping an old access value;
 * tiers. */
static const char lk_city[] =
    "region: 440100\n"
    "documents: {c: {title: 城市文件}}\n"
    "sections:\n"
    "  - {kind: employee, from: 2022-12-01, checked: 2026-12-02, confidence: secondary, sources: [c],\n"
    "     values: {rate: 8%, base_floor: 5674}}\n"
    "  - {kind: employee, from: 2024-03-01, until: 2025-12-31, checked: 2026-12-02, confidence: secondary,\n"
    "     sources: [c], values: {rate: 6.5%}}\n"
    "  - {kind: resident, from: 2025-01-01, until: 2025-12-31, checked: 2026-12-02, confidence: unverified,\n"
    "     sources: [c], values: {premium: 549}}\n"
    "  - {kind: resident, from: 2026-01-01, until: 2026-12-31, checked: 2026-12-02, confidence: verified,\n"
    "     sources: [c], values: {window_from: 2025-09-01}}\n"
    "  - {kind: access, from: 2019-01-01, checked: 2026-12-02, confidence: unverified, sources: [c],\n"
    "     values: {employee: hukou, resident: hukou}}\n"
    "  - {kind: access, from: 2025-01-01, checked: 2026-12-02, confidence: verified, sources: [c],\n"
    "     values: {employee: unknown}}\n"
    "  - {kind: benefits, from: 2024-01-01, checked: 2026-12-02, confidence: verified, sources: [c],\n"
    "     values: {deductible_employee: 1000},\n"
    "     tiers: [{name_zh: 一档, values: {inpatient_employee: 90%}},\n"
    "             {name_zh: 二档, name_en: Tier 2, default: yes, values: {inpatient_employee: 80%}}]}\n";

struct lookup_case {
	const char *name;
	int region;
	enum policy_kind kind;
	int key;
	struct date on;
	int64_t want;
	int ref_region; /* -1: no ref wanted */
	int current;    /* 1 current, 0 last known, -1 not checked */
	enum policy_confidence conf;
};

static const struct lookup_case lookup_cases[] = {
    {"nothing before the first section",
     440100,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_RATE,
     {2020, 1, 1},
     POLICY_UNKNOWN,
     -1,
     -1,
     0},
    {"the ongoing rate",
     440100,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_RATE,
     {2023, 6, 1},
     800,
     440100,
     1,
     POLICY_SECONDARY},
    {"the temporary rate lays over it",
     440100,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_RATE,
     {2024, 3, 1},
     650,
     440100,
     1,
     POLICY_SECONDARY},
    {"its last day",
     440100,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_RATE,
     {2025, 12, 31},
     650,
     440100,
     1,
     POLICY_SECONDARY},
    {"the ongoing rate again after it",
     440100,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_RATE,
     {2026, 1, 1},
     800,
     440100,
     1,
     POLICY_SECONDARY},
    {"a floor the temporary section leaves out: last known",
     440100,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_BASE_FLOOR,
     {2025, 6, 1},
     567400,
     440100,
     0,
     POLICY_SECONDARY},
    {"the 2025 premium in 2025",
     440100,
     POLICY_RESIDENT,
     POLICY_RESIDENT_PREMIUM,
     {2025, 6, 1},
     54900,
     440100,
     1,
     POLICY_UNVERIFIED},
    {"the 2025 premium in 2026: last known, not the national minimum",
     440100,
     POLICY_RESIDENT,
     POLICY_RESIDENT_PREMIUM,
     {2026, 6, 1},
     54900,
     440100,
     0,
     POLICY_UNVERIFIED},
    {"the 2025 premium in 2027, nothing in force",
     440100,
     POLICY_RESIDENT,
     POLICY_RESIDENT_PREMIUM,
     {2027, 6, 1},
     54900,
     440100,
     0,
     POLICY_UNVERIFIED},
    {"a date value",
     440100,
     POLICY_RESIDENT,
     POLICY_RESIDENT_WINDOW_FROM,
     {2026, 6, 1},
     20250901,
     440100,
     1,
     POLICY_VERIFIED},
    {"the old hukou rule in 2019",
     440100,
     POLICY_ACCESS,
     POLICY_ACCESS_EMPLOYEE,
     {2019, 6, 1},
     POLICY_ACCESS_HUKOU,
     440100,
     1,
     POLICY_UNVERIFIED},
    {"written unknown stops the old value",
     440100,
     POLICY_ACCESS,
     POLICY_ACCESS_EMPLOYEE,
     {2025, 6, 1},
     POLICY_UNKNOWN,
     440100,
     -1,
     0},
    {"left out carries the old value",
     440100,
     POLICY_ACCESS,
     POLICY_ACCESS_RESIDENT,
     {2025, 6, 1},
     POLICY_ACCESS_HUKOU,
     440100,
     0,
     POLICY_UNVERIFIED},
    {"the default tier",
     440100,
     POLICY_BENEFITS,
     POLICY_BENEFITS_INPATIENT_EMPLOYEE,
     {2025, 6, 1},
     8000,
     440100,
     1,
     POLICY_VERIFIED},
    {"a value beside the tiers",
     440100,
     POLICY_BENEFITS,
     POLICY_BENEFITS_DEDUCTIBLE_EMPLOYEE,
     {2025, 6, 1},
     100000,
     440100,
     1,
     POLICY_VERIFIED},
    {"a prefecture without a file: its province",
     411600,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_RATE,
     {2025, 6, 1},
     800,
     410000,
     1,
     POLICY_SECONDARY},
    {"a prefecture without a file: the nation",
     411600,
     POLICY_RESIDENT,
     POLICY_RESIDENT_PREMIUM,
     {2025, 6, 1},
     40000,
     0,
     1,
     POLICY_SECONDARY},
    {"a derived national value",
     411600,
     POLICY_RESIDENT,
     POLICY_RESIDENT_SUBSIDY,
     {2026, 6, 1},
     72400,
     0,
     1,
     POLICY_DERIVED},
    {"a city's own gap falls to the nation",
     440100,
     POLICY_WAITING,
     POLICY_WAITING_FIXED,
     {2025, 6, 1},
     3,
     0,
     1,
     POLICY_VERIFIED},
    {"a province without a file: the nation",
     430000,
     POLICY_RESIDENT,
     POLICY_RESIDENT_PREMIUM,
     {2026, 6, 1},
     40000,
     0,
     1,
     POLICY_SECONDARY},
    {"an unknown kind everywhere",
     411600,
     POLICY_ENROL,
     POLICY_ENROL_HOTLINE,
     {2025, 6, 1},
     POLICY_UNKNOWN,
     -1,
     -1,
     0},
    {"a key out of range", 440100, POLICY_EMPLOYEE, 99, {2025, 6, 1}, POLICY_UNKNOWN, -1, -1, 0},
};

static struct policy_set *lookup_ps;

static int
setup_lookup(void **state)
{
	static const struct {
		const char *name, *text;
	} files[] = {
	    {"000000-national.yaml", lk_national},
	    {"410000-henan.yaml", lk_henan},
	    {"440100-guangzhou.yaml", lk_city},
	};
	struct policy_error err;
	(void)state;
	lookup_ps = policy_set_new();
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (policy_set_add(lookup_ps, files[i].name, files[i].text, strlen(files[i].text), &err) !=
		    POLICY_OK) {
			print_error("lookup file %s: %s:%d: %s (%s)\n", files[i].name, err.file, err.line,
			            code_name(err.code), err.detail);
			return -1;
		}
	return policy_set_finish(lookup_ps, &err) == POLICY_OK ? 0 : -1;
}

static int
teardown_lookup(void **state)
{
	(void)state;
	policy_set_free(lookup_ps);
	return 0;
}

static void
test_policy_lookup(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof lookup_cases / sizeof lookup_cases[0]; i++) {
		const struct lookup_case *c = &lookup_cases[i];
		const struct policy_ref *ref = NULL;
		int64_t v = policy_value(lookup_ps, c->region, c->kind, c->key, c->on, &ref);
		bool ok = v == c->want;
		if (c->ref_region >= 0)
			ok = ok && ref != NULL && ref->region == c->ref_region && ref->source[0] != '\0';
		if (ok && c->current >= 0)
			ok = policy_ref_is_current(ref, c->on) == (c->current == 1) &&
			     ref->confidence == c->conf;
		/* the marks a front end shows: the nation's or the province's
		 * figure, the last known year, the label */
		if (ok && c->current >= 0) {
			struct policy_marks m = policy_ref_marks(ref, c->region, c->on);
			ok = m.national == (c->ref_region == POLICY_NATIONAL) &&
			     m.province == (c->ref_region != POLICY_NATIONAL && c->ref_region != c->region) &&
			     (m.year == 0) == (c->current == 1) && (m.year == 0 || m.year == ref->from.y) &&
			     m.confidence == c->conf;
			/* the same figure cited for the nation itself, or for no place */
			struct policy_marks own = policy_ref_marks(ref, ref->region, c->on);
			struct policy_marks none = policy_ref_marks(ref, -1, c->on);
			ok = ok && !own.national && !own.province && !none.province &&
			     none.national == (ref->region == POLICY_NATIONAL);
		}
		if (!ok) {
			print_error(
			    "lookup case %zu (%s): got %lld from %d (%s, current %d), want %lld from %d\n", i,
			    c->name, (long long)v, ref ? ref->region : -1,
			    ref ? policy_confidence_name(ref->confidence) : "-",
			    ref ? policy_ref_is_current(ref, c->on) : -1, (long long)c->want, c->ref_region);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* Documents: the citation a user reads, the provenance apart from it. */
static void
test_policy_documents(void **state)
{
	(void)state;
	const struct policy_ref *ref = NULL;
	policy_value(lookup_ps, 0, POLICY_RESIDENT, POLICY_RESIDENT_PREMIUM, (struct date){2025, 6, 1}, &ref);
	assert_non_null(ref);
	assert_string_equal(ref->source, "国家医保局《全国文件》（医保发〔2024〕19号，2024-08-26）");
	assert_string_equal(ref->read_at, "nhsa.example/a “不低于400元”");
	assert_int_equal(ref->ndocs, 1);
	assert_null(strstr(ref->source, "nhsa.example"));
	/* a value's own label, with its formula */
	policy_value(lookup_ps, 0, POLICY_RESIDENT, POLICY_RESIDENT_SUBSIDY, (struct date){2026, 6, 1}, &ref);
	assert_int_equal(ref->confidence, POLICY_DERIVED);
	assert_string_equal(ref->formula, "700 + 24");
	assert_int_equal(ref->key, POLICY_RESIDENT_SUBSIDY);
	/* an unknown value still names the section to ask about */
	int64_t v = policy_value(lookup_ps, 440100, POLICY_ACCESS, POLICY_ACCESS_EMPLOYEE,
	                         (struct date){2025, 6, 1}, &ref);
	assert_true(v == POLICY_UNKNOWN);
	assert_non_null(ref);
	assert_int_equal(ref->from.y, 2025);
}

static void
test_policy_tiers(void **state)
{
	(void)state;
	struct policy_view v;
	const char *zh[POLICY_MAX_TIERS], *en[POLICY_MAX_TIERS];
	int def = -2;
	const struct policy_ref *ref = NULL;
	const struct policy_ref *t = NULL;
	policy_view_init(&v, lookup_ps, 440100, (struct date){2025, 6, 1});
	/* the default tier's value, and through it the tiers of its section */
	assert_int_equal(policy_view_value(&v, POLICY_BENEFITS, POLICY_BENEFITS_INPATIENT_EMPLOYEE, &ref),
	                 8000);
	assert_string_equal(ref->tier, "二档");
	assert_int_equal(policy_ref_tiers(ref, zh, en, &def), 2);
	assert_int_equal(def, 1);
	assert_string_equal(zh[0], "一档");
	assert_string_equal(en[0], "一档"); /* no English name: the Chinese one */
	assert_string_equal(en[1], "Tier 2");
	assert_int_equal(policy_section_value(ref, 0, POLICY_BENEFITS_INPATIENT_EMPLOYEE, NULL, &t), 9000);
	assert_string_equal(t->tier, "一档");
	/* a value beside no tiers, and no value at all */
	assert_int_equal(policy_view_value(&v, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, &ref) != POLICY_UNKNOWN,
	                 1);
	assert_int_equal(policy_ref_tiers(ref, NULL, NULL, &def), 0);
	assert_int_equal(def, -1);
	assert_int_equal(policy_ref_tiers(NULL, NULL, NULL, &def), 0);
	assert_int_equal(def, -1);
}

/* A file of the same region replaces the earlier one; a refused one leaves it. */
static void
test_policy_replace(void **state)
{
	(void)state;
	struct policy_set *ps = policy_set_new();
	struct policy_error err;
	const char *a = HEAD SEC("employee", "2024-01-01") VALUES "      rate: 8%\n";
	const char *b = HEAD SEC("employee", "2024-01-01") VALUES "      rate: 9%\n";
	const char *bad = HEAD SEC("employee", "2024-01-01") VALUES "      rate: 99%\n";
	struct date on = {2025, 1, 1};
	assert_int_equal(policy_set_add(ps, BJ, a, strlen(a), &err), POLICY_OK);
	assert_int_equal(policy_value(ps, 110000, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, on, NULL), 800);
	assert_int_equal(policy_set_add(ps, BJ, b, strlen(b), &err), POLICY_OK);
	assert_int_equal(policy_value(ps, 110000, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, on, NULL), 900);
	assert_int_equal(policy_set_add(ps, BJ, bad, strlen(bad), &err), POLICY_ERR_RANGE);
	assert_int_equal(policy_value(ps, 110000, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, on, NULL), 900);
	assert_int_equal(policy_set_finish(ps, &err), POLICY_ERR_NO_NATIONAL);
	policy_set_free(ps);
	policy_set_free(NULL);
}

static void
test_policy_stats(void **state)
{
	struct policy_stats st;
	(void)state;
	policy_set_stats(lookup_ps, &st);
	assert_int_equal(st.regions, 3);
	assert_int_equal(st.sections, 3 + 1 + 7);
	assert_int_equal(st.by_confidence[POLICY_SECONDARY], 2 + 1 + 2);
	assert_int_equal(st.by_confidence[POLICY_UNVERIFIED], 2);
	assert_int_equal(st.unverified, 2);
}

/* ------------------------------------------------------------- the built-in data */

static struct policy_set *builtin_ps;

static int
setup_builtin(void **state)
{
	struct policy_error err;
	(void)state;
	builtin_ps = policy_set_new();
	if (builtin_ps == NULL)
		return -1;
	if (policy_set_add_builtin(builtin_ps, &err) != POLICY_OK ||
	    policy_set_finish(builtin_ps, &err) != POLICY_OK) {
		print_error("built-in data: %s:%d: %s (%s)\n", err.file, err.line, code_name(err.code),
		            err.detail);
		return -1;
	}
	return 0;
}

static int
teardown_builtin(void **state)
{
	(void)state;
	policy_set_free(builtin_ps);
	builtin_ps = NULL;
	return 0;
}

/* Every region of the table is in the set, with its names; the files name
 * regions of the table. */
static void
test_builtin_regions(void **state)
{
	int failures = 0;
	(void)state;
	if (policy_set_region_count(builtin_ps) != region_table_count + 1) {
		print_error("built-in: %zu regions, want %zu\n", policy_set_region_count(builtin_ps),
		            region_table_count + 1);
		failures++;
	}
	for (size_t i = 0; i < region_table_count; i++) {
		const struct policy_region *r = policy_set_region(builtin_ps, region_table[i].code);
		if (r == NULL || r->row != &region_table[i] || r->name_zh[0] == '\0' ||
		    r->name_en[0] == '\0' || r->pinyin[0] == '\0' ||
		    (r->parent != 0 && policy_set_region(builtin_ps, r->parent) == NULL)) {
			print_error("built-in region case %zu: %06d missing or incomplete\n", i,
			            region_table[i].code);
			failures++;
		}
	}
	assert_non_null(policy_set_region(builtin_ps, 0)->file);
	assert_int_equal(failures, 0);
}

/* A region is found by its code whether the index covers it (a multiple of
 * 100) or not, before and after regions are added in the middle of the
 * table; codes that are no region's are not found. */
static void
test_region_index(void **state)
{
	(void)state;
	static const struct region_row extra[] = {
	    {700000, "己市", "己市", "Fcity", "jishi", "js", 700000, 0, 0},
	    {110150, "测区", "测区", "Testdistrict", "cequ", "cq", 110000, 0, 0},
	    {0, "重复", "重复", "Duplicate", "chongfu", "cf", 0, 0, 0},
	};
	struct policy_set *ps = policy_set_new();
	assert_non_null(ps);
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < policy_set_region_count(ps); i++) {
			const struct policy_region *r = policy_set_region_at(ps, i);
			if (policy_set_region(ps, r->code) != r)
				fail_msg("round %d: region %06d is not found at its own place", round,
				         r->code);
		}
		static const int none[] = {-100, 1, 99, 110101, 999900, 1000000, 2147483600};
		for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
			if (policy_set_region(ps, none[i]) != NULL)
				fail_msg("round %d: %d is found", round, none[i]);
		for (size_t i = 0; round == 0 && i < sizeof extra / sizeof extra[0]; i++)
			assert_int_equal(policy_set_add_region(ps, &extra[i]), POLICY_OK);
	}
	/* the nation is not added twice */
	assert_int_equal(policy_set_region_count(ps), region_table_count + 1 + 2);
	assert_string_equal(policy_set_region(ps, 700000)->name_en, "Fcity");
	assert_string_equal(policy_set_region(ps, 110150)->name_en, "Testdistrict");
	assert_string_equal(policy_set_region(ps, 0)->name_zh, "全国");
	assert_string_equal(policy_set_region(ps, 110000)->name_zh, "北京");
	policy_set_free(ps);
}

/* Every section and value has a document; every derived value its formula. */
static void
test_builtin_sources(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t r = 0; r < policy_set_region_count(builtin_ps); r++) {
		const struct policy_region *reg = policy_set_region_at(builtin_ps, r);
		const struct policy_ref *sec;
		for (size_t i = 0; (sec = policy_file_section(builtin_ps, reg->code, i)) != NULL; i++) {
			if (sec->source == NULL || sec->source[0] == '\0' || sec->checked.y < 2000 ||
			    sec->ndocs == 0 || strstr(sec->source, "http") != NULL ||
			    strstr(sec->source, ".com/") != NULL) {
				print_error(
				    "built-in section %s:%d: no document, a web address in it, or no date\n",
				    sec->file, sec->line);
				failures++;
			}
			for (int k = 0; k < policy_kind_keys(sec->kind); k++) {
				const struct policy_ref *vr;
				if (policy_section_value(sec, -1, k, NULL, &vr) == POLICY_UNKNOWN)
					continue;
				if (vr->confidence == POLICY_DERIVED &&
				    policy_key_type(sec->kind, k) != POLICY_T_TEXT &&
				    (vr->formula == NULL || vr->formula[0] == '\0')) {
					print_error("built-in %s:%d: derived %s without formula\n", vr->file,
					            vr->line, policy_key_name(sec->kind, k));
					failures++;
				}
			}
		}
	}
	assert_int_equal(failures, 0);
}

struct fact_case {
	const char *name;
	int region;
	enum policy_kind kind;
	int key;
	struct date on;
	int64_t want;
	int ref_region; /* -1: not checked */
};

/* Figures of the study's time that the scenarios rest on, and of today. */
static const struct fact_case fact_cases[] = {
    {"Beijing employee access 2019",
     110000,
     POLICY_ACCESS,
     POLICY_ACCESS_EMPLOYEE,
     {2019, 6, 1},
     POLICY_ACCESS_HUKOU,
     110000},
    {"Shanghai employee access 2019",
     310000,
     POLICY_ACCESS,
     POLICY_ACCESS_EMPLOYEE,
     {2019, 6, 1},
     POLICY_ACCESS_HUKOU,
     310000},
    {"Shanghai employee access 2025",
     310000,
     POLICY_ACCESS,
     POLICY_ACCESS_EMPLOYEE,
     {2025, 6, 1},
     POLICY_ACCESS_OPEN,
     310000},
    {"Shanghai pension bundled 2025",
     310000,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_PENSION_BUNDLED,
     {2025, 6, 1},
     1,
     310000},
    {"Shanghai medical rate 2025", 310000, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, {2025, 6, 1}, 1000, 310000},
    {"Shanghai pension rate 2025",
     310000,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_PENSION_RATE,
     {2025, 6, 1},
     2000,
     310000},
    {"Guangzhou employee access 2023, from Guangdong",
     440100,
     POLICY_ACCESS,
     POLICY_ACCESS_EMPLOYEE,
     {2023, 6, 1},
     POLICY_ACCESS_PERMIT,
     440000},
    {"national resident premium 2019", 0, POLICY_RESIDENT, POLICY_RESIDENT_PREMIUM, {2019, 6, 1}, 25000, 0},
    {"national resident premium 2024", 0, POLICY_RESIDENT, POLICY_RESIDENT_PREMIUM, {2024, 6, 1}, 40000, 0},
    {"national resident premium 2025", 0, POLICY_RESIDENT, POLICY_RESIDENT_PREMIUM, {2025, 6, 1}, 40000, 0},
    {"Chongqing resident premium 2024",
     500000,
     POLICY_RESIDENT,
     POLICY_RESIDENT_PREMIUM,
     {2024, 6, 1},
     38000,
     500000},
    {"Qingdao rate 2023", 370200, POLICY_EMPLOYEE, POLICY_EMPLOYEE_RATE, {2023, 6, 1}, 850, 370200},
    {"Qingdao base floor 2023",
     370200,
     POLICY_EMPLOYEE,
     POLICY_EMPLOYEE_BASE_FLOOR,
     {2023, 6, 1},
     398000,
     370200},
    {"burden line 2019", 0, POLICY_PROJECT, POLICY_PROJECT_BURDEN_SHARE, {2019, 6, 1}, 1000, 0},
    {"short-stay line 2025", 0, POLICY_PROJECT, POLICY_PROJECT_SHORT_STAY_YEARS, {2025, 6, 1}, 2, 0},
    {"reform 2024", 0, POLICY_RETIREMENT, POLICY_RETIREMENT_REFORM, {2024, 12, 31}, 0, 0},
    {"reform 2025", 0, POLICY_RETIREMENT, POLICY_RETIREMENT_REFORM, {2025, 1, 1}, 1, 0},
    {"resident account 2025", 0, POLICY_RESIDENT, POLICY_RESIDENT_PERSONAL_ACCOUNT, {2025, 6, 1}, 0, 0},
    {"employer insures 2019", 0, POLICY_SCOPE, POLICY_SCOPE_EMPLOYER_INSURES, {2019, 6, 1}, 1, 0},
    {"waiting fixed 2025-01-01", 0, POLICY_WAITING, POLICY_WAITING_FIXED, {2025, 1, 1}, 3, 0},
    {"waiting fixed 2024-12-31", 0, POLICY_WAITING, POLICY_WAITING_FIXED, {2024, 12, 31}, POLICY_UNKNOWN, -1},
};

static void
test_builtin_facts(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof fact_cases / sizeof fact_cases[0]; i++) {
		const struct fact_case *c = &fact_cases[i];
		const struct policy_ref *ref = NULL;
		int64_t v = policy_value(builtin_ps, c->region, c->kind, c->key, c->on, &ref);
		if (v != c->want || (c->ref_region >= 0 && (ref == NULL || ref->region != c->ref_region))) {
			print_error("built-in fact case %zu (%s): got %lld from %d, want %lld from %d\n", i,
			            c->name, (long long)v, ref ? ref->region : -1, (long long)c->want,
			            c->ref_region);
			failures++;
		}
		/* the project's lines, and only they, rest on the project's own document */
		if (ref != NULL && ref->own != (c->kind == POLICY_PROJECT)) {
			print_error("built-in fact case %zu (%s): own is %d\n", i, c->name, ref->own);
			failures++;
		}
		if (ref != NULL && ref->own && (ref->ndocs != 1 || !ref->docs[0]->own))
			failures++;
	}
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_policy_load),
	    cmocka_unit_test_setup_teardown(test_policy_lookup, setup_lookup, teardown_lookup),
	    cmocka_unit_test_setup_teardown(test_policy_documents, setup_lookup, teardown_lookup),
	    cmocka_unit_test_setup_teardown(test_policy_tiers, setup_lookup, teardown_lookup),
	    cmocka_unit_test_setup_teardown(test_policy_stats, setup_lookup, teardown_lookup),
	    cmocka_unit_test(test_policy_replace),
	    cmocka_unit_test(test_region_index),
	    cmocka_unit_test_setup_teardown(test_builtin_regions, setup_builtin, teardown_builtin),
	    cmocka_unit_test_setup_teardown(test_builtin_sources, setup_builtin, teardown_builtin),
	    cmocka_unit_test_setup_teardown(test_builtin_facts, setup_builtin, teardown_builtin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
