/* test_policy.c -- table-driven cmocka tests for the policy loader, lookup and built-in data */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <cmocka.h>

#include "policy.h"

static const char *const code_names[] = {
	"OK",	       "SYNTAX",    "NO_REGION", "BAD_SECTION", "DUP_SECTION", "UNKNOWN_KEY",
	"DUP_KEY",     "MISSING_KEY", "BAD_VALUE", "RANGE",	   "BAD_DATE",	  "NO_SOURCE",
	"FILE_NAME",   "PARENT",    "NO_NATIONAL", "NOMEM",
};

static const char *
code_name(enum policy_errcode c)
{
	return (unsigned)c < sizeof code_names / sizeof code_names[0] ? code_names[c] : "?";
}

/* ------------------------------------------------------------------ fixtures */

/* Lines 1-7. */
#define REGION_BJ                                                                                  \
	"[region]\n"                                                                               \
	"code = 110000\n"                                                                          \
	"name_zh = 北京\n"                                                                         \
	"name_en = Beijing\n"                                                                      \
	"pinyin = beijing\n"                                                                       \
	"initials = bj\n"                                                                          \
	"parent = none\n"
#define BJ "110000-beijing.ini"

/* The three common keys of a dated section: its lines 2-4. */
#define CITE "source = test\nchecked = 2026-01-01\nstatus = verified\n"
#define CITE_U "source = test\nchecked = 2026-01-01\nstatus = unverified\n"

/* After REGION_BJ: header on line 8, common keys 9-11, kind keys from line 12. */
#define RC(date) "[remote_care " date "]\n" CITE "filing = yes\n"
#define RCV(filing) "[remote_care 2022-01-01]\n" CITE "filing = " filing "\n"
/* employee line 12, age_min line 14 */
#define ACCESS(employee, age_min)                                                                  \
	"[access 2024-01-01]\n" CITE "employee = " employee "\nresident = permit\nage_min = " age_min \
	"\nage_max_male = 60\nage_max_female = 55\n"
/* rate line 12, base_floor line 13 */
#define EMPLOYEE(rate, floor)                                                                      \
	"[employee 2024-01-01]\n" CITE "rate = " rate "\nbase_floor = " floor                       \
	"\nbase_ceiling = 20000\nannual_fixed = unknown\npension_bundled = yes\npension_rate = 20%\n" \
	"personal_account = no\n"
/* premium line 12 */
#define RESIDENT(premium) "[resident 2024-01-01]\n" CITE "premium = " premium "\nsubsidy = 670\nminimum = yes\n"
/* floor_years line 15 */
#define WAITING(floor_years)                                                                       \
	"[waiting 2025-01-01]\n" CITE "fixed = 3\nper_year = 1\nfloor = 6\nfloor_years = " floor_years "\n"
/* inpatient_employee line 12 */
#define BENEFITS(inpatient)                                                                        \
	"[benefits 2024-07-25]\n" CITE "inpatient_employee = " inpatient                            \
	"\ninpatient_resident = 68.1%\naverage = yes\nfamily_sharing = unknown\n"

#define X10 "0123456789"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
#define X1000 X100 X100 X100 X100 X100 X100 X100 X100 X100 X100
#define LONG_SOURCE                                                                                \
	"《一份很长的文件》 https://example.org/" X1000 "?a=1&b=2 ; 以及 # 其他 " X100 " end"

/* ---------------------------------------------------------------- the loader */

struct load_case {
	const char *name;
	const char *file; /* NULL: BJ */
	const char *text; /* NULL: a NULL text of length 0 */
	enum policy_errcode code;
	int line;
	const char *detail;
	int64_t min, max;	 /* on POLICY_ERR_RANGE */
	const char *want_source; /* on success: the remote_care 2022-01-01 section's */
	const char *want_name_en; /* on success */
};

#define LOAD_OK(name_, text_) {.name = name_, .text = text_, .code = POLICY_OK}

static const struct load_case load_cases[] = {
	/* degenerate input first */
	{.name = "NULL text", .text = NULL, .code = POLICY_ERR_NO_REGION, .line = 1, .detail = ""},
	{.name = "empty", .text = "", .code = POLICY_ERR_NO_REGION, .line = 1, .detail = ""},
	{.name = "comments and blank lines only", .text = "; a\n\n# b\n  \n",
	 .code = POLICY_ERR_NO_REGION, .line = 1, .detail = ""},
	{.name = "[region] alone", .text = "[region]\n", .code = POLICY_ERR_MISSING_KEY, .line = 1,
	 .detail = "code"},
	{.name = "the smallest good file", .text = REGION_BJ, .code = POLICY_OK},
	/* no [region] first */
	{.name = "dated section first", .text = RC("2022-01-01") REGION_BJ, .code = POLICY_ERR_NO_REGION,
	 .line = 1, .detail = "remote_care 2022-01-01"},
	{.name = "dated section after a comment", .text = "; c\n" RC("2022-01-01"),
	 .code = POLICY_ERR_NO_REGION, .line = 2, .detail = "remote_care 2022-01-01"},
	{.name = "key before any section", .text = "code = 110000\n" REGION_BJ,
	 .code = POLICY_ERR_NO_REGION, .line = 1, .detail = ""},
	{.name = "a second [region]", .text = REGION_BJ RC("2022-01-01") "[region]\n",
	 .code = POLICY_ERR_DUP_SECTION, .line = 13, .detail = "region"},
	/* [region] keys */
	{.name = "unknown region key",
	 .text = "[region]\ncode = 110000\ncapital = x\nname_zh = 北京\nname_en = Beijing\n"
		 "pinyin = beijing\ninitials = bj\nparent = none\n",
	 .code = POLICY_ERR_UNKNOWN_KEY, .line = 3, .detail = "capital"},
	{.name = "duplicate region key", .text = "[region]\ncode = 110000\ncode = 110000\n",
	 .code = POLICY_ERR_DUP_KEY, .line = 3, .detail = "code"},
	{.name = "missing region key at the end",
	 .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en = Beijing\npinyin = beijing\n"
		 "parent = none\n",
	 .code = POLICY_ERR_MISSING_KEY, .line = 1, .detail = "initials"},
	{.name = "missing region key before a section",
	 .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en = Beijing\ninitials = bj\n"
		 "parent = none\n" RC("2022-01-01"),
	 .code = POLICY_ERR_MISSING_KEY, .line = 1, .detail = "pinyin"},
	/* the line of [region], not line 1, which is a comment here */
	{.name = "missing region key after a comment",
	 .text = "; a comment\n[region]\ncode = 110000\nname_zh = 北京\nname_en = Beijing\n"
		 "pinyin = beijing\nparent = none\n",
	 .code = POLICY_ERR_MISSING_KEY, .line = 2, .detail = "initials"},
	{.name = "code of five digits", .text = "[region]\ncode = 11000\n", .code = POLICY_ERR_BAD_VALUE,
	 .line = 2, .detail = "code"},
	{.name = "code with a letter", .text = "[region]\ncode = 11000a\n", .code = POLICY_ERR_BAD_VALUE,
	 .line = 2, .detail = "code"},
	{.name = "negative code", .text = "[region]\ncode = -11000\n", .code = POLICY_ERR_BAD_VALUE,
	 .line = 2, .detail = "code"},
	{.name = "parent of four digits",
	 .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en = Beijing\npinyin = beijing\n"
		 "initials = bj\nparent = 4401\n",
	 .code = POLICY_ERR_BAD_VALUE, .line = 7, .detail = "parent"},
	{.name = "parent unknown",
	 .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en = Beijing\npinyin = beijing\n"
		 "initials = bj\nparent = unknown\n",
	 .code = POLICY_ERR_BAD_VALUE, .line = 7, .detail = "parent"},
	{.name = "name unknown", .text = "[region]\ncode = 110000\nname_zh = unknown\n",
	 .code = POLICY_ERR_BAD_VALUE, .line = 3, .detail = "name_zh"},
	{.name = "name empty", .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en =\n",
	 .code = POLICY_ERR_BAD_VALUE, .line = 4, .detail = "name_en"},
	/* section headers */
	{.name = "bad section name", .text = REGION_BJ "[foo]\n", .code = POLICY_ERR_BAD_SECTION,
	 .line = 8, .detail = "foo"},
	{.name = "kind without a date", .text = REGION_BJ "[access]\n", .code = POLICY_ERR_BAD_SECTION,
	 .line = 8, .detail = "access"},
	{.name = "unclosed header", .text = REGION_BJ "[access 2024-01-01\n",
	 .code = POLICY_ERR_BAD_SECTION, .line = 8, .detail = "[access 2024-01-01"},
	{.name = "text after a header", .text = REGION_BJ "[access 2024-01-01] x\n",
	 .code = POLICY_ERR_BAD_SECTION, .line = 8, .detail = "[access 2024-01-01] x"},
	{.name = "unknown kind", .text = REGION_BJ "[pension 2024-01-01]\n", .code = POLICY_ERR_BAD_SECTION,
	 .line = 8, .detail = "pension 2024-01-01"},
	{.name = "kind in capitals", .text = REGION_BJ "[Access 2024-01-01]\n",
	 .code = POLICY_ERR_BAD_SECTION, .line = 8, .detail = "Access 2024-01-01"},
	{.name = "bad date in a header", .text = REGION_BJ "[remote_care 2022-02-30]\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 8, .detail = "remote_care 2022-02-30"},
	{.name = "short date in a header", .text = REGION_BJ "[remote_care 2022-1-1]\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 8, .detail = "remote_care 2022-1-1"},
	{.name = "two spaces in a header", .text = REGION_BJ "[remote_care  2022-01-01]\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 8, .detail = "remote_care  2022-01-01"},
	{.name = "duplicate section", .text = REGION_BJ RC("2022-01-01") RC("2022-01-01"),
	 .code = POLICY_ERR_DUP_SECTION, .line = 13, .detail = "remote_care 2022-01-01"},
	/* keys of dated sections */
	{.name = "unknown key", .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "filling = yes\n",
	 .code = POLICY_ERR_UNKNOWN_KEY, .line = 12, .detail = "filling"},
	{.name = "key of another kind", .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "rate = 10%\n",
	 .code = POLICY_ERR_UNKNOWN_KEY, .line = 12, .detail = "rate"},
	{.name = "region key in a dated section",
	 .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "code = 110000\n",
	 .code = POLICY_ERR_UNKNOWN_KEY, .line = 12, .detail = "code"},
	{.name = "duplicate key", .text = REGION_BJ RC("2022-01-01") "filing = no\n",
	 .code = POLICY_ERR_DUP_KEY, .line = 13, .detail = "filing"},
	{.name = "duplicate status",
	 .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "status = verified\nfiling = yes\n",
	 .code = POLICY_ERR_DUP_KEY, .line = 12, .detail = "status"},
	{.name = "missing key of a kind, at the end",
	 .text = REGION_BJ "[employee 2024-01-01]\n" CITE "rate = 10%\nbase_floor = 5000\n"
			   "base_ceiling = 20000\nannual_fixed = unknown\npension_bundled = yes\n"
			   "personal_account = no\n",
	 .code = POLICY_ERR_MISSING_KEY, .line = 8, .detail = "pension_rate"},
	{.name = "missing key of a kind, before a section",
	 .text = REGION_BJ "[resident 2024-01-01]\n" CITE "premium = 400\nminimum = yes\n" RC("2022-01-01"),
	 .code = POLICY_ERR_MISSING_KEY, .line = 8, .detail = "subsidy"},
	{.name = "missing checked",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = s\nstatus = verified\nfiling = yes\n",
	 .code = POLICY_ERR_MISSING_KEY, .line = 8, .detail = "checked"},
	{.name = "missing status",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = s\nchecked = 2026-01-01\nfiling = yes\n",
	 .code = POLICY_ERR_MISSING_KEY, .line = 8, .detail = "status"},
	/* source */
	{.name = "source absent",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nchecked = 2026-01-01\nstatus = verified\nfiling = yes\n",
	 .code = POLICY_ERR_NO_SOURCE, .line = 8, .detail = "source"},
	{.name = "source absent, before a section",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nchecked = 2026-01-01\nstatus = verified\n"
			   "filing = yes\n" RC("2023-01-01"),
	 .code = POLICY_ERR_NO_SOURCE, .line = 8, .detail = "source"},
	{.name = "source empty",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource =\nchecked = 2026-01-01\nstatus = verified\n"
			   "filing = yes\n",
	 .code = POLICY_ERR_NO_SOURCE, .line = 9, .detail = "source"},
	{.name = "source blank",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource =  \t \nchecked = 2026-01-01\n"
			   "status = verified\nfiling = yes\n",
	 .code = POLICY_ERR_NO_SOURCE, .line = 9, .detail = "source"},
	{.name = "source unknown",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = unknown\nchecked = 2026-01-01\n"
			   "status = verified\nfiling = yes\n",
	 .code = POLICY_ERR_NO_SOURCE, .line = 9, .detail = "source"},
	/* checked, status, until */
	{.name = "bad checked date",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = s\nchecked = 2026-13-01\nstatus = verified\n"
			   "filing = yes\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 10, .detail = "checked"},
	{.name = "checked unknown",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = s\nchecked = unknown\nstatus = verified\n"
			   "filing = yes\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 10, .detail = "checked"},
	{.name = "bad status",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = s\nchecked = 2026-01-01\nstatus = maybe\n"
			   "filing = yes\n",
	 .code = POLICY_ERR_BAD_VALUE, .line = 11, .detail = "status"},
	{.name = "status in capitals",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = s\nchecked = 2026-01-01\nstatus = Verified\n"
			   "filing = yes\n",
	 .code = POLICY_ERR_BAD_VALUE, .line = 11, .detail = "status"},
	{.name = "until before the section date",
	 .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "until = 2021-12-31\nfiling = yes\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 12, .detail = "until"},
	{.name = "until not a date",
	 .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "until = 2022-02-30\nfiling = yes\n",
	 .code = POLICY_ERR_BAD_DATE, .line = 12, .detail = "until"},
	/* values by type */
	{.name = "access word", .text = REGION_BJ ACCESS("anyone", "16"), .code = POLICY_ERR_BAD_VALUE,
	 .line = 12, .detail = "employee"},
	{.name = "access in capitals", .text = REGION_BJ ACCESS("Open", "16"), .code = POLICY_ERR_BAD_VALUE,
	 .line = 12, .detail = "employee"},
	{.name = "yesno true", .text = REGION_BJ RCV("true"), .code = POLICY_ERR_BAD_VALUE, .line = 12,
	 .detail = "filing"},
	{.name = "yesno 1", .text = REGION_BJ RCV("1"), .code = POLICY_ERR_BAD_VALUE, .line = 12,
	 .detail = "filing"},
	{.name = "yesno empty", .text = REGION_BJ RCV(""), .code = POLICY_ERR_BAD_VALUE, .line = 12,
	 .detail = "filing"},
	{.name = "percent without %", .text = REGION_BJ EMPLOYEE("8.5", "5000"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 12, .detail = "rate"},
	{.name = "percent with three decimals", .text = REGION_BJ EMPLOYEE("8.555%", "5000"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 12, .detail = "rate"},
	{.name = "percent sign alone", .text = REGION_BJ EMPLOYEE("%", "5000"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 12, .detail = "rate"},
	{.name = "percent with a space", .text = REGION_BJ EMPLOYEE("8.5 %", "5000"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 12, .detail = "rate"},
	{.name = "percent without a whole part", .text = REGION_BJ EMPLOYEE(".5%", "5000"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 12, .detail = "rate"},
	{.name = "percent ending in a dot", .text = REGION_BJ EMPLOYEE("8.%", "5000"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 12, .detail = "rate"},
	{.name = "percent over its range", .text = REGION_BJ EMPLOYEE("30.01%", "5000"),
	 .code = POLICY_ERR_RANGE, .line = 12, .detail = "rate", .min = 0, .max = 30},
	{.name = "percent of 100 over 100", .text = REGION_BJ BENEFITS("100.01%"), .code = POLICY_ERR_RANGE,
	 .line = 12, .detail = "inpatient_employee", .min = 0, .max = 100},
	{.name = "yuan with letters", .text = REGION_BJ EMPLOYEE("10%", "39a0"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 13, .detail = "base_floor"},
	{.name = "yuan with a unit", .text = REGION_BJ EMPLOYEE("10%", "3980元"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 13, .detail = "base_floor"},
	{.name = "yuan with a comma", .text = REGION_BJ EMPLOYEE("10%", "3,980"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 13, .detail = "base_floor"},
	{.name = "yuan with three decimals", .text = REGION_BJ EMPLOYEE("10%", "3980.505"),
	 .code = POLICY_ERR_BAD_VALUE, .line = 13, .detail = "base_floor"},
	{.name = "yuan over its range", .text = REGION_BJ EMPLOYEE("10%", "100000.01"),
	 .code = POLICY_ERR_RANGE, .line = 13, .detail = "base_floor", .min = 0, .max = 100000},
	{.name = "premium over its range", .text = REGION_BJ RESIDENT("10001"), .code = POLICY_ERR_RANGE,
	 .line = 12, .detail = "premium", .min = 0, .max = 10000},
	{.name = "int below its range", .text = REGION_BJ ACCESS("open", "13"), .code = POLICY_ERR_RANGE,
	 .line = 14, .detail = "age_min", .min = 14, .max = 30},
	{.name = "int above its range", .text = REGION_BJ ACCESS("open", "31"), .code = POLICY_ERR_RANGE,
	 .line = 14, .detail = "age_min", .min = 14, .max = 30},
	{.name = "negative int", .text = REGION_BJ ACCESS("open", "-1"), .code = POLICY_ERR_RANGE,
	 .line = 14, .detail = "age_min", .min = 14, .max = 30},
	{.name = "int 0 where 1 is the least", .text = REGION_BJ WAITING("0"), .code = POLICY_ERR_RANGE,
	 .line = 15, .detail = "floor_years", .min = 1, .max = 20},
	{.name = "int with decimals", .text = REGION_BJ ACCESS("open", "16.5"), .code = POLICY_ERR_BAD_VALUE,
	 .line = 14, .detail = "age_min"},
	{.name = "int with a sign", .text = REGION_BJ ACCESS("open", "+16"), .code = POLICY_ERR_BAD_VALUE,
	 .line = 14, .detail = "age_min"},
	/* the file name; the error is at the `code` line (3), not line 1 (a comment) */
	{.name = "code not the file's", .file = "110001-beijing.ini", .text = "; Beijing\n" REGION_BJ,
	 .code = POLICY_ERR_FILE_NAME, .line = 3, .detail = "code"},
	{.name = "file name without pinyin", .file = "110000.ini", .text = "; Beijing\n" REGION_BJ,
	 .code = POLICY_ERR_FILE_NAME, .line = 3, .detail = "code"},
	{.name = "file name not .ini", .file = "110000-beijing.txt", .text = "; Beijing\n" REGION_BJ,
	 .code = POLICY_ERR_FILE_NAME, .line = 3, .detail = "code"},
	{.name = "empty file name", .file = "", .text = "; Beijing\n" REGION_BJ,
	 .code = POLICY_ERR_FILE_NAME, .line = 3, .detail = "code"},
	/* encoding and syntax */
	{.name = "invalid UTF-8 in a name",
	 .text = "[region]\ncode = 110000\nname_zh = \xE5\x8C\nname_en = Beijing\n",
	 .code = POLICY_ERR_SYNTAX, .line = 3, .detail = "invalid UTF-8"},
	{.name = "invalid UTF-8 in a comment", .text = REGION_BJ "[remote_care 2022-01-01]\n; \xff\n",
	 .code = POLICY_ERR_SYNTAX, .line = 9, .detail = "invalid UTF-8"},
	{.name = "invalid UTF-8 in a source",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = \xC0\xAF\n", .code = POLICY_ERR_SYNTAX,
	 .line = 9, .detail = "invalid UTF-8"},
	{.name = "line without '='", .text = REGION_BJ RC("2022-01-01") "hello\n", .code = POLICY_ERR_SYNTAX,
	 .line = 13, .detail = "no '='"},
	{.name = "line without '=' then good lines", .text = REGION_BJ "hello\n" RC("2022-01-01"),
	 .code = POLICY_ERR_SYNTAX, .line = 8, .detail = "no '='"},
	/* the first error is the one reported, with its line */
	{.name = "line without '=' then an unknown key",
	 .text = REGION_BJ RC("2022-01-01") "hello\nfoo = 1\n", .code = POLICY_ERR_SYNTAX, .line = 13,
	 .detail = "no '='"},
	{.name = "colon instead of '='", .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "filing: yes\n",
	 .code = POLICY_ERR_SYNTAX, .line = 12, .detail = "no '='"},
	{.name = "key without a name", .text = REGION_BJ "[remote_care 2022-01-01]\n= yes\n",
	 .code = POLICY_ERR_SYNTAX, .line = 9, .detail = "bad key"},
	{.name = "key too long", .text = REGION_BJ "[remote_care 2022-01-01]\n" X10 X10 X10 X10 "x = yes\n",
	 .code = POLICY_ERR_SYNTAX, .line = 9, .detail = "bad key"},
	{.name = "non-key line too long", .text = REGION_BJ "[remote_care 2022-01-01]\n" X100 X100 "\n",
	 .code = POLICY_ERR_SYNTAX, .line = 9, .detail = "no '='"},
	{.name = "section header too long", .text = REGION_BJ "[remote_care 2022-01-01" X100 X100 "]\n",
	 .code = POLICY_ERR_SYNTAX, .line = 8, .detail = "line too long"},
	/* files that load */
	{.name = "one dated section", .text = REGION_BJ RC("2022-01-01"), .code = POLICY_OK,
	 .want_source = "test", .want_name_en = "Beijing"},
	{.name = "CRLF",
	 .text = "[region]\r\ncode = 110000\r\nname_zh = 北京\r\nname_en = Beijing\r\npinyin = beijing\r\n"
		 "initials = bj\r\nparent = none\r\n[remote_care 2022-01-01]\r\nsource = crlf\r\n"
		 "checked = 2026-01-01\r\nstatus = verified\r\nfiling = yes\r\n",
	 .code = POLICY_OK, .want_source = "crlf", .want_name_en = "Beijing"},
	{.name = "BOM", .text = "\xEF\xBB\xBF" REGION_BJ RC("2022-01-01"), .code = POLICY_OK,
	 .want_source = "test", .want_name_en = "Beijing"},
	{.name = "BOM and CRLF",
	 .text = "\xEF\xBB\xBF; c\r\n[region]\r\ncode = 110000\r\nname_zh = 北京\r\nname_en = Beijing\r\n"
		 "pinyin = beijing\r\ninitials = bj\r\nparent = none\r\n",
	 .code = POLICY_OK, .want_name_en = "Beijing"},
	{.name = "no newline at the end", .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "filing = yes",
	 .code = POLICY_OK, .want_source = "test"},
	{.name = "spaces and tabs around",
	 .text = "  [region]  \n\tcode=110000\nname_zh\t=\t北京 \nname_en = Beijing\npinyin = beijing\n"
		 "initials = bj\nparent = none\n\t[remote_care 2022-01-01]\nsource=  spaced  \n"
		 "checked = 2026-01-01\nstatus = verified\nfiling = yes\n",
	 .code = POLICY_OK, .want_source = "spaced", .want_name_en = "Beijing"},
	{.name = "source over 1000 bytes",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = " LONG_SOURCE "\nchecked = 2026-01-01\n"
			   "status = verified\nfiling = yes\n",
	 .code = POLICY_OK, .want_source = LONG_SOURCE},
	{.name = "value ; with semicolon",
	 .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en = Beijing ; Peking\npinyin = beijing\n"
		 "initials = bj\nparent = none\n[remote_care 2022-01-01]\nsource = value ; with semicolon\n"
		 "checked = 2026-01-01\nstatus = verified\nfiling = yes\n",
	 .code = POLICY_OK, .want_source = "value ; with semicolon", .want_name_en = "Beijing ; Peking"},
	{.name = "'#' and '=' in a source",
	 .text = REGION_BJ "[remote_care 2022-01-01]\nsource = a # b = c;d\nchecked = 2026-01-01\n"
			   "status = unverified\nfiling = yes\n",
	 .code = POLICY_OK, .want_source = "a # b = c;d"},
	{.name = "until on the section date",
	 .text = REGION_BJ "[remote_care 2022-01-01]\n" CITE "until = 2022-01-01\nfiling = yes\n",
	 .code = POLICY_OK},
	{.name = "every value unknown",
	 .text = REGION_BJ "[employee 2024-01-01]\n" CITE "rate = unknown\nbase_floor = unknown\n"
			   "base_ceiling = unknown\nannual_fixed = unknown\npension_bundled = unknown\n"
			   "pension_rate = unknown\npersonal_account = unknown\n",
	 .code = POLICY_OK},
	{.name = "range ends", .text = REGION_BJ EMPLOYEE("30%", "100000") ACCESS("hukou", "30")
					 BENEFITS("100%") WAITING("20") RESIDENT("0"),
	 .code = POLICY_OK},
	{.name = "two decimals", .text = REGION_BJ EMPLOYEE("8.25%", "3980.50") ACCESS("permit", "14"),
	 .code = POLICY_OK},
	{.name = "sections out of date order", .text = REGION_BJ RC("2023-01-01") RC("2022-01-01"),
	 .code = POLICY_OK, .want_source = "test"},
};

static int
check_load(size_t i, const struct load_case *c)
{
	struct policy_set *ps = policy_set_new();
	struct policy_error err;
	const char *file = c->file != NULL ? c->file : BJ;
	size_t len = c->text != NULL ? strlen(c->text) : 0;
	int bad = 0;

	assert_non_null(ps);
	memset(&err, 0x5a, sizeof err);
	enum policy_errcode code = policy_set_add(ps, file, c->text, len, &err);
	if (code != c->code) {
		print_error("load case %zu (%s): returned %s (line %d, \"%s\"), want %s\n", i, c->name,
			    code_name(code), code != POLICY_OK ? err.line : 0,
			    code != POLICY_OK ? err.detail : "", code_name(c->code));
		bad = 1;
		goto out;
	}
	if (code != POLICY_OK) {
		if (err.code != c->code || err.line != c->line || strcmp(err.detail, c->detail) != 0 ||
		    strcmp(err.file, file) != 0) {
			print_error("load case %zu (%s): error {%s, %s:%d, \"%s\"}, want {%s, %s:%d, \"%s\"}\n",
				    i, c->name, code_name(err.code), err.file, err.line, err.detail,
				    code_name(c->code), file, c->line, c->detail);
			bad = 1;
		} else if (c->code == POLICY_ERR_RANGE && (err.min != c->min || err.max != c->max)) {
			print_error("load case %zu (%s): range %lld..%lld, want %lld..%lld\n", i, c->name,
				    (long long)err.min, (long long)err.max, (long long)c->min,
				    (long long)c->max);
			bad = 1;
		} else if (policy_set_region_count(ps) != 0) {
			print_error("load case %zu (%s): the set changed on error\n", i, c->name);
			bad = 1;
		}
		goto out;
	}
	const struct policy_region *r = policy_set_region(ps, 110000);
	if (policy_set_region_count(ps) != 1 || r == NULL || strcmp(r->file, file) != 0) {
		print_error("load case %zu (%s): region 110000 not in the set\n", i, c->name);
		bad = 1;
		goto out;
	}
	if (c->want_name_en != NULL && strcmp(r->name_en, c->want_name_en) != 0) {
		print_error("load case %zu (%s): name_en \"%s\", want \"%s\"\n", i, c->name, r->name_en,
			    c->want_name_en);
		bad = 1;
	}
	if (c->want_source != NULL) {
		const struct policy_ref *ref = NULL;
		int64_t v = policy_value(ps, 110000, POLICY_REMOTE_CARE, POLICY_REMOTE_CARE_FILING,
					 (struct date){2022, 6, 1}, &ref);
		if (v != 1 || ref == NULL || strcmp(ref->source, c->want_source) != 0) {
			print_error("load case %zu (%s): filing %lld, source \"%s\", want 1, \"%s\"\n", i,
				    c->name, (long long)v, ref ? ref->source : "(no ref)", c->want_source);
			bad = 1;
		}
	}
out:
	policy_set_free(ps);
	return bad;
}

static void
test_policy_load(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof load_cases / sizeof load_cases[0]; i++)
		failures += check_load(i, &load_cases[i]);
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------- the set as a whole */

#define REGION(code, parent)                                                                       \
	"[region]\ncode = " code "\nname_zh = 某地\nname_en = Somewhere\npinyin = moudi\n"          \
	"initials = md\nparent = " parent "\n"

struct finish_case {
	const char *name;
	struct {
		const char *file, *text;
	} files[4];
	enum policy_errcode code;
	const char *err_file;
	const char *detail;
};

static const struct finish_case finish_cases[] = {
	{.name = "empty set", .code = POLICY_ERR_NO_NATIONAL, .err_file = "000000-national.ini",
	 .detail = ""},
	{.name = "no national file", .files = {{BJ, REGION_BJ}}, .code = POLICY_ERR_NO_NATIONAL,
	 .err_file = "000000-national.ini", .detail = ""},
	{.name = "national alone", .files = {{"000000-x.ini", REGION("000000", "none")}},
	 .code = POLICY_OK},
	{.name = "a parent chain",
	 .files = {{"000000-x.ini", REGION("000000", "none")},
		   {"440000-guangdong.ini", REGION("440000", "none")},
		   {"440100-guangzhou.ini", REGION("440100", "440000")}},
	 .code = POLICY_OK},
	{.name = "national as a parent",
	 .files = {{"000000-x.ini", REGION("000000", "none")},
		   {"440100-guangzhou.ini", REGION("440100", "000000")}},
	 .code = POLICY_OK},
	{.name = "missing parent",
	 .files = {{"000000-x.ini", REGION("000000", "none")},
		   {"440100-guangzhou.ini", REGION("440100", "440000")}},
	 .code = POLICY_ERR_PARENT, .err_file = "440100-guangzhou.ini", .detail = "parent"},
	{.name = "own parent",
	 .files = {{"000000-x.ini", REGION("000000", "none")},
		   {"440100-guangzhou.ini", REGION("440100", "440100")}},
	 .code = POLICY_ERR_PARENT, .err_file = "440100-guangzhou.ini", .detail = "parent"},
	{.name = "a loop of two",
	 .files = {{"000000-x.ini", REGION("000000", "none")},
		   {"440100-guangzhou.ini", REGION("440100", "440000")},
		   {"440000-guangdong.ini", REGION("440000", "440100")}},
	 .code = POLICY_ERR_PARENT, .err_file = "440000-guangdong.ini", .detail = "parent"},
	{.name = "a loop of three",
	 .files = {{"000000-x.ini", REGION("000000", "none")},
		   {"100000-a.ini", REGION("100000", "200000")},
		   {"200000-b.ini", REGION("200000", "300000")},
		   {"300000-c.ini", REGION("300000", "100000")}},
	 .code = POLICY_ERR_PARENT, .err_file = "100000-a.ini", .detail = "parent"},
};

static int
check_finish(size_t i, const struct finish_case *c)
{
	struct policy_set *ps = policy_set_new();
	struct policy_error err;
	int bad = 0;

	assert_non_null(ps);
	for (size_t k = 0; k < 4 && c->files[k].file != NULL; k++)
		if (policy_set_add(ps, c->files[k].file, c->files[k].text, strlen(c->files[k].text), &err) !=
		    POLICY_OK) {
			print_error("finish case %zu (%s): %s:%d: %s (%s)\n", i, c->name, err.file, err.line,
				    code_name(err.code), err.detail);
			bad = 1;
			goto out;
		}
	memset(&err, 0x5a, sizeof err);
	enum policy_errcode code = policy_set_finish(ps, &err);
	if (code != c->code) {
		print_error("finish case %zu (%s): returned %s, want %s\n", i, c->name, code_name(code),
			    code_name(c->code));
		bad = 1;
	} else if (code != POLICY_OK &&
		   (err.code != code || strcmp(err.file, c->err_file) != 0 || strcmp(err.detail, c->detail) != 0)) {
		print_error("finish case %zu (%s): error {%s, %s, \"%s\"}, want {%s, %s, \"%s\"}\n", i,
			    c->name, code_name(err.code), err.file, err.detail, code_name(c->code),
			    c->err_file, c->detail);
		bad = 1;
	} else if (policy_set_finish(ps, NULL) != c->code) {
		print_error("finish case %zu (%s): differs without an error record\n", i, c->name);
		bad = 1;
	}
out:
	policy_set_free(ps);
	return bad;
}

static void
test_policy_finish(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof finish_cases / sizeof finish_cases[0]; i++)
		failures += check_finish(i, &finish_cases[i]);
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------------- lookup */

#define SRC(s) "source = " s "\nchecked = 2026-01-01\nstatus = verified\n"
#define SRC_U(s) "source = " s "\nchecked = 2026-01-01\nstatus = unverified\n"

/* 4 dated sections, 1 unverified, 5 unknown values */
static const char lk_national[] =
	REGION("000000", "none")
	"[access 2011-07-01]\n" SRC("n access")
	"employee = unknown\nresident = unknown\nage_min = unknown\nage_max_male = unknown\n"
	"age_max_female = unknown\n"
	"[resident 2019-01-01]\n" SRC("n 2019") "premium = 250\nsubsidy = 520\nminimum = yes\n"
	"[resident 2024-01-01]\n" SRC("n 2024") "premium = 400\nsubsidy = 670\nminimum = yes\n"
	"[waiting 2025-01-01]\n" SRC_U("n waiting") "fixed = 3\nper_year = 1\nfloor = 6\nfloor_years = 4\n";
/* 2 sections, 5 unknown values */
static const char lk_province[] =
	REGION("440000", "none")
	"[access 2022-02-01]\n" SRC("p access") "until = 2025-01-31\n"
	"employee = permit\nresident = unknown\nage_min = unknown\nage_max_male = unknown\n"
	"age_max_female = unknown\n"
	"[resident 2020-01-01]\n" SRC("p resident") "premium = unknown\nsubsidy = 600\nminimum = no\n";
/* 3 sections, 1 unverified, 5 unknown values; the 2020 section comes after the 2022 one */
static const char lk_city[] =
	REGION("440100", "440000")
	"[access 2022-10-28]\n" SRC("c access 2022")
	"employee = unknown\nresident = permit\nage_min = 16\nage_max_male = unknown\n"
	"age_max_female = unknown\n"
	"[access 2020-01-01]\n" SRC_U("c access 2020")
	"employee = hukou\nresident = hukou\nage_min = unknown\nage_max_male = 60\nage_max_female = 50\n"
	"[resident 2023-01-01]\n" SRC("c resident") "until = 2023-12-31\n"
	"premium = 300\nsubsidy = unknown\nminimum = no\n";
/* no sections, no parent */
static const char lk_bare[] = REGION("310000", "none");

#define NOREF .ref_region = -1

struct lookup_case {
	const char *name;
	int region;
	enum policy_kind kind;
	int key;
	struct date on;
	int64_t want;
	int ref_region; /* -1: no ref */
	struct date ref_from;
	const char *ref_source;
	bool ref_unverified;
	struct date own; /* policy_section's from date; {0}: none */
};

static const struct lookup_case lookup_cases[] = {
	/* degenerate input first */
	{.name = "region not in the set", .region = 999999, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2024, 6, 1}, .want = POLICY_UNKNOWN, NOREF},
	{.name = "first day of the range", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {1900, 1, 1}, .want = POLICY_UNKNOWN, NOREF},
	{.name = "last day of the range", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2100, 12, 31}, .want = 40000, .ref_region = 0,
	 .ref_from = {2024, 1, 1}, .ref_source = "n 2024", .own = {2024, 1, 1}},
	/* a section applies from its date to the next of its kind */
	{.name = "the day before the first section", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2018, 12, 31}, .want = POLICY_UNKNOWN, NOREF},
	{.name = "the first day of a section", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2019, 1, 1}, .want = 25000, .ref_region = 0,
	 .ref_from = {2019, 1, 1}, .ref_source = "n 2019", .own = {2019, 1, 1}},
	{.name = "the day before the next", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2023, 12, 31}, .want = 25000, .ref_region = 0,
	 .ref_from = {2019, 1, 1}, .ref_source = "n 2019", .own = {2019, 1, 1}},
	{.name = "the first day of the next", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_SUBSIDY, .on = {2024, 1, 1}, .want = 67000, .ref_region = 0,
	 .ref_from = {2024, 1, 1}, .ref_source = "n 2024", .own = {2024, 1, 1}},
	{.name = "waiting the day before", .region = 0, .kind = POLICY_WAITING,
	 .key = POLICY_WAITING_FIXED, .on = {2024, 12, 31}, .want = POLICY_UNKNOWN, NOREF},
	{.name = "waiting from its day, unverified", .region = 0, .kind = POLICY_WAITING,
	 .key = POLICY_WAITING_FIXED, .on = {2025, 1, 1}, .want = 3, .ref_region = 0,
	 .ref_from = {2025, 1, 1}, .ref_source = "n waiting", .ref_unverified = true, .own = {2025, 1, 1}},
	/* sections in date order whatever their order in the file */
	{.name = "the city's earlier section, written later", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2020, 1, 1}, .want = POLICY_ACCESS_HUKOU,
	 .ref_region = 440100, .ref_from = {2020, 1, 1}, .ref_source = "c access 2020",
	 .ref_unverified = true, .own = {2020, 1, 1}},
	{.name = "the day before the city's later section", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_AGE_MAX_MALE, .on = {2022, 10, 27}, .want = 60, .ref_region = 440100,
	 .ref_from = {2020, 1, 1}, .ref_source = "c access 2020", .ref_unverified = true,
	 .own = {2020, 1, 1}},
	{.name = "the city's own value", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_RESIDENT, .on = {2022, 10, 28}, .want = POLICY_ACCESS_PERMIT,
	 .ref_region = 440100, .ref_from = {2022, 10, 28}, .ref_source = "c access 2022",
	 .own = {2022, 10, 28}},
	{.name = "the city's own number", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_AGE_MIN, .on = {2023, 6, 1}, .want = 16, .ref_region = 440100,
	 .ref_from = {2022, 10, 28}, .ref_source = "c access 2022", .own = {2022, 10, 28}},
	{.name = "a 'no' is a value, not a gap", .region = 440100, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_MINIMUM, .on = {2023, 6, 1}, .want = 0, .ref_region = 440100,
	 .ref_from = {2023, 1, 1}, .ref_source = "c resident", .own = {2023, 1, 1}},
	/* unknown in the city: the parent, then the national file */
	{.name = "unknown in the city, from the parent", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2022, 10, 28}, .want = POLICY_ACCESS_PERMIT,
	 .ref_region = 440000, .ref_from = {2022, 2, 1}, .ref_source = "p access", .own = {2022, 10, 28}},
	{.name = "unknown in the city and the parent, from the nation", .region = 440100,
	 .kind = POLICY_RESIDENT, .key = POLICY_RESIDENT_PREMIUM, .on = {2024, 1, 1}, .want = 40000,
	 .ref_region = 0, .ref_from = {2024, 1, 1}, .ref_source = "n 2024"},
	{.name = "unknown in the city, subsidy from the parent", .region = 440100,
	 .kind = POLICY_RESIDENT, .key = POLICY_RESIDENT_SUBSIDY, .on = {2023, 6, 1}, .want = 60000,
	 .ref_region = 440000, .ref_from = {2020, 1, 1}, .ref_source = "p resident", .own = {2023, 1, 1}},
	{.name = "no section in city or parent yet", .region = 440100, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2019, 6, 1}, .want = 25000, .ref_region = 0,
	 .ref_from = {2019, 1, 1}, .ref_source = "n 2019"},
	{.name = "unknown in the parent, from the nation", .region = 440000, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2021, 6, 1}, .want = 25000, .ref_region = 0,
	 .ref_from = {2019, 1, 1}, .ref_source = "n 2019", .own = {2020, 1, 1}},
	{.name = "a kind only the nation has", .region = 440100, .kind = POLICY_WAITING,
	 .key = POLICY_WAITING_FLOOR_YEARS, .on = {2025, 6, 1}, .want = 4, .ref_region = 0,
	 .ref_from = {2025, 1, 1}, .ref_source = "n waiting", .ref_unverified = true},
	{.name = "no parent: straight to the nation", .region = 310000, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2024, 6, 1}, .want = 40000, .ref_region = 0,
	 .ref_from = {2024, 1, 1}, .ref_source = "n 2024"},
	/* until ends a section */
	{.name = "the city's until day", .region = 440100, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2023, 12, 31}, .want = 30000, .ref_region = 440100,
	 .ref_from = {2023, 1, 1}, .ref_source = "c resident", .own = {2023, 1, 1}},
	{.name = "the parent's until day", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2025, 1, 31}, .want = POLICY_ACCESS_PERMIT,
	 .ref_region = 440000, .ref_from = {2022, 2, 1}, .ref_source = "p access", .own = {2022, 10, 28}},
	/* POLICY_UNKNOWN when nobody gives it; ref then is the first section in force on the way */
	{.name = "after the parent's until", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2025, 2, 1}, .want = POLICY_UNKNOWN, .ref_region = 440100,
	 .ref_from = {2022, 10, 28}, .ref_source = "c access 2022", .own = {2022, 10, 28}},
	{.name = "unknown everywhere", .region = 440100, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_AGE_MAX_FEMALE, .on = {2023, 6, 1}, .want = POLICY_UNKNOWN,
	 .ref_region = 440100, .ref_from = {2022, 10, 28}, .ref_source = "c access 2022",
	 .own = {2022, 10, 28}},
	{.name = "the parent's section over, unknown nationally", .region = 440000, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2025, 2, 1}, .want = POLICY_UNKNOWN, .ref_region = 0,
	 .ref_from = {2011, 7, 1}, .ref_source = "n access"},
	{.name = "before any section of the kind", .region = 310000, .kind = POLICY_WAITING,
	 .key = POLICY_WAITING_FIXED, .on = {2024, 12, 31}, .want = POLICY_UNKNOWN, NOREF},
};

static struct policy_set *lookup_ps;

static int
setup_lookup(void **state)
{
	static const struct {
		const char *file, *text;
	} files[] = {
		{"000000-national.ini", lk_national},
		{"440100-guangzhou.ini", lk_city},
		{"440000-guangdong.ini", lk_province},
		{"310000-shanghai.ini", lk_bare},
	};
	struct policy_error err;
	(void)state;
	lookup_ps = policy_set_new();
	if (lookup_ps == NULL)
		return -1;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (policy_set_add(lookup_ps, files[i].file, files[i].text, strlen(files[i].text), &err) !=
		    POLICY_OK) {
			print_error("lookup fixture %s:%d: %s (%s)\n", err.file, err.line, code_name(err.code),
				    err.detail);
			return -1;
		}
	if (policy_set_finish(lookup_ps, &err) != POLICY_OK)
		return -1;
	return 0;
}

static int
teardown_lookup(void **state)
{
	(void)state;
	policy_set_free(lookup_ps);
	lookup_ps = NULL;
	return 0;
}

static int
check_lookup(size_t i, const struct lookup_case *c)
{
	static const struct policy_ref unwritten; /* to see that ref is always written */
	const struct policy_ref *ref = &unwritten;
	int64_t v = policy_value(lookup_ps, c->region, c->kind, c->key, c->on, &ref);
	if (v != c->want) {
		print_error("lookup case %zu (%s): got %lld, want %lld\n", i, c->name, (long long)v,
			    (long long)c->want);
		return 1;
	}
	if (policy_value(lookup_ps, c->region, c->kind, c->key, c->on, NULL) != v) {
		print_error("lookup case %zu (%s): differs without ref\n", i, c->name);
		return 1;
	}
	if (c->ref_region < 0) {
		if (ref != NULL) {
			print_error("lookup case %zu (%s): ref set, want NULL\n", i, c->name);
			return 1;
		}
	} else if (ref == NULL || ref->region != c->ref_region || date_cmp(ref->from, c->ref_from) != 0 ||
		   ref->kind != c->kind || strcmp(ref->source, c->ref_source) != 0 ||
		   ref->verified == c->ref_unverified) {
		print_error("lookup case %zu (%s): ref {%d, %d-%d-%d, \"%s\"}, want {%d, %d-%d-%d, \"%s\"}\n",
			    i, c->name, ref ? ref->region : -1, ref ? ref->from.y : 0, ref ? ref->from.m : 0,
			    ref ? ref->from.d : 0, ref ? ref->source : "", c->ref_region, c->ref_from.y,
			    c->ref_from.m, c->ref_from.d, c->ref_source);
		return 1;
	}
	const struct policy_ref *own = policy_section(lookup_ps, c->region, c->kind, c->on);
	if (c->own.y == 0 ? own != NULL
			  : own == NULL || own->region != c->region || date_cmp(own->from, c->own) != 0) {
		print_error("lookup case %zu (%s): policy_section gives %s\n", i, c->name,
			    own ? "another section" : "none");
		return 1;
	}
	return 0;
}

static void
test_policy_lookup(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof lookup_cases / sizeof lookup_cases[0]; i++)
		failures += check_lookup(i, &lookup_cases[i]);
	assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------- stats, replacement */

struct stats_case {
	const char *name;
	size_t nfiles; /* the first n lookup fixtures */
	struct policy_stats want;
};

static const struct stats_case stats_cases[] = {
	{.name = "empty set", .nfiles = 0, .want = {.regions = 0}},
	{.name = "national", .nfiles = 1, .want = {.regions = 1, .sections = 4, .unverified = 1, .unknown = 5}},
	{.name = "and province", .nfiles = 2,
	 .want = {.regions = 2, .sections = 6, .unverified = 1, .unknown = 10}},
	{.name = "and city", .nfiles = 3, .want = {.regions = 3, .sections = 9, .unverified = 2, .unknown = 15}},
	{.name = "and a bare region", .nfiles = 4,
	 .want = {.regions = 4, .sections = 9, .unverified = 2, .unknown = 15}},
};

static int
check_stats(size_t i, const struct stats_case *c)
{
	static const struct {
		const char *file, *text;
	} files[] = {
		{"000000-national.ini", lk_national},
		{"440000-guangdong.ini", lk_province},
		{"440100-guangzhou.ini", lk_city},
		{"310000-shanghai.ini", lk_bare},
	};
	struct policy_set *ps = policy_set_new();
	struct policy_stats st;
	int bad = 0;
	assert_non_null(ps);
	for (size_t k = 0; k < c->nfiles; k++)
		assert_int_equal(policy_set_add(ps, files[k].file, files[k].text, strlen(files[k].text), NULL),
				 POLICY_OK);
	memset(&st, 0x5a, sizeof st);
	policy_set_stats(ps, &st);
	if (st.regions != c->want.regions || st.sections != c->want.sections ||
	    st.unverified != c->want.unverified || st.unknown != c->want.unknown) {
		print_error("stats case %zu (%s): {%zu, %zu, %zu, %zu}, want {%zu, %zu, %zu, %zu}\n", i,
			    c->name, st.regions, st.sections, st.unverified, st.unknown, c->want.regions,
			    c->want.sections, c->want.unverified, c->want.unknown);
		bad = 1;
	}
	policy_set_free(ps);
	return bad;
}

static void
test_policy_stats(void **state)
{
	int failures = 0;
	(void)state;
	for (size_t i = 0; i < sizeof stats_cases / sizeof stats_cases[0]; i++)
		failures += check_stats(i, &stats_cases[i]);
	assert_int_equal(failures, 0);
}

/* Each step adds one file to the same set, then looks at region 110000. */
struct replace_case {
	const char *name;
	const char *file, *text;
	enum policy_errcode code;
	size_t regions;
	const char *name_en; /* of 110000 afterwards */
	int64_t filing;	     /* on 2022-06-01 */
	size_t sections;
};

static const struct replace_case replace_cases[] = {
	{.name = "first Beijing", .file = BJ, .text = REGION_BJ RCV("yes"), .code = POLICY_OK,
	 .regions = 1, .name_en = "Beijing", .filing = 1, .sections = 1},
	{.name = "another region", .file = "310000-shanghai.ini", .text = REGION("310000", "none"),
	 .code = POLICY_OK, .regions = 2, .name_en = "Beijing", .filing = 1, .sections = 1},
	{.name = "Beijing replaced", .file = "110000-peking.ini",
	 .text = "[region]\ncode = 110000\nname_zh = 北京\nname_en = Peking\npinyin = beijing\n"
		 "initials = bj\nparent = none\n" RCV("no") RC("2023-01-01"),
	 .code = POLICY_OK, .regions = 2, .name_en = "Peking", .filing = 0, .sections = 2},
	{.name = "a bad Beijing keeps the last good one", .file = BJ, .text = REGION_BJ RCV("maybe"),
	 .code = POLICY_ERR_BAD_VALUE, .regions = 2, .name_en = "Peking", .filing = 0, .sections = 2},
	{.name = "replaced by one without sections", .file = BJ, .text = REGION_BJ, .code = POLICY_OK,
	 .regions = 2, .name_en = "Beijing", .filing = POLICY_UNKNOWN, .sections = 0},
};

static void
test_policy_replace(void **state)
{
	struct policy_set *ps = policy_set_new();
	int failures = 0;
	(void)state;
	assert_non_null(ps);
	for (size_t i = 0; i < sizeof replace_cases / sizeof replace_cases[0]; i++) {
		const struct replace_case *c = &replace_cases[i];
		struct policy_stats st;
		enum policy_errcode code = policy_set_add(ps, c->file, c->text, strlen(c->text), NULL);
		const struct policy_region *r = policy_set_region(ps, 110000);
		int64_t filing = policy_value(ps, 110000, POLICY_REMOTE_CARE, POLICY_REMOTE_CARE_FILING,
					      (struct date){2022, 6, 1}, NULL);
		policy_set_stats(ps, &st);
		if (code != c->code || policy_set_region_count(ps) != c->regions || r == NULL ||
		    strcmp(r->name_en, c->name_en) != 0 || filing != c->filing || st.sections != c->sections) {
			print_error("replace case %zu (%s): %s, %zu regions, \"%s\", filing %lld, %zu sections\n",
				    i, c->name, code_name(code), policy_set_region_count(ps),
				    r ? r->name_en : "(none)", (long long)filing, st.sections);
			failures++;
		}
	}
	/* regions come back in code order */
	const struct policy_region *a = policy_set_region_at(ps, 0), *b = policy_set_region_at(ps, 1);
	if (a == NULL || b == NULL || a->code != 110000 || b->code != 310000 ||
	    policy_set_region_at(ps, 2) != NULL) {
		print_error("replace: regions not in code order\n");
		failures++;
	}
	policy_set_free(ps);
	policy_set_free(NULL);
	assert_int_equal(failures, 0);
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

static const int builtin_regions[] = {0,      110000, 310000, 330100, 370200, 420100,
				      440000, 440100, 440300, 500000, 510000, 510100};

static void
test_builtin_regions(void **state)
{
	int failures = 0;
	(void)state;
	if (policy_set_region_count(builtin_ps) != sizeof builtin_regions / sizeof builtin_regions[0]) {
		print_error("built-in: %zu regions, want 12\n", policy_set_region_count(builtin_ps));
		failures++;
	}
	for (size_t i = 0; i < sizeof builtin_regions / sizeof builtin_regions[0]; i++) {
		const struct policy_region *r = policy_set_region(builtin_ps, builtin_regions[i]);
		const struct policy_region *at = policy_set_region_at(builtin_ps, i);
		if (r == NULL || at != r || r->name_zh[0] == '\0' || r->name_en[0] == '\0' ||
		    r->pinyin[0] == '\0' || r->initials[0] == '\0') {
			print_error("built-in region case %zu: %06d missing or incomplete\n", i,
				    builtin_regions[i]);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static int
days_in(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

/* Walk every day from 1990 to 2030 in every region and kind: each section in
 * force is seen, and together they are all the sections of the set. */
static void
test_builtin_sources(void **state)
{
	enum { MAX_SEEN = 512 };
	static const struct policy_ref *seen[MAX_SEEN];
	size_t nseen = 0;
	int failures = 0;
	struct policy_stats st;
	(void)state;

	for (size_t r = 0; r < sizeof builtin_regions / sizeof builtin_regions[0]; r++)
		for (int kind = 0; kind < POLICY_KIND_COUNT; kind++)
			for (struct date d = {1990, 1, 1}; d.y <= 2030;) {
				const struct policy_ref *ref =
					policy_section(builtin_ps, builtin_regions[r], (enum policy_kind)kind, d);
				if (ref != NULL && (nseen == 0 || seen[nseen - 1] != ref)) {
					bool known = false;
					for (size_t k = 0; k < nseen && !known; k++)
						known = seen[k] == ref;
					if (!known && nseen < MAX_SEEN) {
						seen[nseen++] = ref;
						if (ref->source == NULL || ref->source[0] == '\0' ||
						    ref->region != builtin_regions[r] || ref->checked.y < 2000) {
							print_error("built-in section %s:%d has no source or date\n",
								    ref->file, ref->line);
							failures++;
						}
					}
				}
				if (++d.d > days_in(d.y, d.m)) {
					d.d = 1;
					if (++d.m > 12) {
						d.m = 1;
						d.y++;
					}
				}
			}
	policy_set_stats(builtin_ps, &st);
	if (st.sections == 0 || nseen != st.sections) {
		print_error("built-in: %zu sections seen, %zu in the set\n", nseen, st.sections);
		failures++;
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

static const struct fact_case fact_cases[] = {
	{.name = "Beijing employee access 2019", .region = 110000, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2019, 6, 1}, .want = POLICY_ACCESS_HUKOU,
	 .ref_region = 110000},
	{.name = "Shanghai employee access 2019", .region = 310000, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2019, 6, 1}, .want = POLICY_ACCESS_HUKOU,
	 .ref_region = 310000},
	{.name = "Shanghai employee access 2025", .region = 310000, .kind = POLICY_ACCESS,
	 .key = POLICY_ACCESS_EMPLOYEE, .on = {2025, 6, 1}, .want = POLICY_ACCESS_OPEN,
	 .ref_region = 310000},
	{.name = "Shanghai pension bundled 2025", .region = 310000, .kind = POLICY_EMPLOYEE,
	 .key = POLICY_EMPLOYEE_PENSION_BUNDLED, .on = {2025, 6, 1}, .want = 1, .ref_region = 310000},
	{.name = "Shanghai medical rate 2025", .region = 310000, .kind = POLICY_EMPLOYEE,
	 .key = POLICY_EMPLOYEE_RATE, .on = {2025, 6, 1}, .want = 1000, .ref_region = 310000},
	{.name = "Shanghai pension rate 2025", .region = 310000, .kind = POLICY_EMPLOYEE,
	 .key = POLICY_EMPLOYEE_PENSION_RATE, .on = {2025, 6, 1}, .want = 2000, .ref_region = 310000},
	{.name = "Guangzhou employee access 2023, from Guangdong", .region = 440100,
	 .kind = POLICY_ACCESS, .key = POLICY_ACCESS_EMPLOYEE, .on = {2023, 6, 1},
	 .want = POLICY_ACCESS_PERMIT, .ref_region = 440000},
	{.name = "national resident premium 2019", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2019, 6, 1}, .want = 25000, .ref_region = 0},
	{.name = "national resident premium 2024", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2024, 6, 1}, .want = 40000, .ref_region = 0},
	{.name = "national resident premium 2025", .region = 0, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2025, 6, 1}, .want = 40000, .ref_region = 0},
	{.name = "Chongqing resident premium 2024", .region = 500000, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2024, 6, 1}, .want = 38000, .ref_region = 500000},
	{.name = "Chongqing resident premium 2025, national", .region = 500000, .kind = POLICY_RESIDENT,
	 .key = POLICY_RESIDENT_PREMIUM, .on = {2025, 6, 1}, .want = 40000, .ref_region = 0},
	{.name = "Qingdao rate 2023", .region = 370200, .kind = POLICY_EMPLOYEE,
	 .key = POLICY_EMPLOYEE_RATE, .on = {2023, 6, 1}, .want = 850, .ref_region = 370200},
	{.name = "Qingdao base floor 2023", .region = 370200, .kind = POLICY_EMPLOYEE,
	 .key = POLICY_EMPLOYEE_BASE_FLOOR, .on = {2023, 6, 1}, .want = 398000, .ref_region = 370200},
	{.name = "waiting fixed 2025-01-01", .region = 0, .kind = POLICY_WAITING,
	 .key = POLICY_WAITING_FIXED, .on = {2025, 1, 1}, .want = 3, .ref_region = 0},
	{.name = "waiting fixed 2024-12-31", .region = 0, .kind = POLICY_WAITING,
	 .key = POLICY_WAITING_FIXED, .on = {2024, 12, 31}, .want = POLICY_UNKNOWN, .ref_region = -1},
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
	}
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_load),
		cmocka_unit_test(test_policy_finish),
		cmocka_unit_test_setup_teardown(test_policy_lookup, setup_lookup, teardown_lookup),
		cmocka_unit_test(test_policy_stats),
		cmocka_unit_test(test_policy_replace),
		cmocka_unit_test_setup_teardown(test_builtin_regions, setup_builtin, teardown_builtin),
		cmocka_unit_test_setup_teardown(test_builtin_sources, setup_builtin, teardown_builtin),
		cmocka_unit_test_setup_teardown(test_builtin_facts, setup_builtin, teardown_builtin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
