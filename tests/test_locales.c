/* test_locales.c -- the built-in catalogs: same keys and placeholders in en and zh, a message for every id */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "advice.h"
#include "answers.h"
#include "msg.h"
#include "policy.h"

#define MAX_KEYS 1024
#define MAX_ARGS 10

/* One catalog as ICU holds it: key and raw MessageFormat pattern. */
struct entry {
	char key[96];
	UChar *pat;
	int32_t len;
};

struct catalog {
	const char *lang;
	struct entry e[MAX_KEYS];
	int n;
};

static struct catalog cats[MSG_LANG_COUNT] = {[MSG_EN] = {.lang = "en"}, [MSG_ZH] = {.lang = "zh"}};

static const struct entry *
find(const struct catalog *c, const char *key)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->e[i].key, key) == 0)
			return &c->e[i];
	return NULL;
}

static int
load(void **state)
{
	(void)state;
	if (!msg_open(MSG_EN)) /* also hands ICU the built-in data */
		return -1;
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		UErrorCode st = U_ZERO_ERROR;
		UResourceBundle *b = ures_open("yibao", cats[l].lang, &st);
		if (U_FAILURE(st))
			return -1;
		ures_resetIterator(b);
		while (ures_hasNext(b) && cats[l].n < MAX_KEYS) {
			UResourceBundle *r = ures_getNextResource(b, NULL, &st);
			int32_t len = 0;
			const UChar *s = ures_getString(r, &len, &st);
			if (U_FAILURE(st))
				return -1;
			struct entry *e = &cats[l].e[cats[l].n++];
			snprintf(e->key, sizeof e->key, "%s", ures_getKey(r));
			e->pat = malloc(((size_t)len + 1) * sizeof *e->pat);
			memcpy(e->pat, s, (size_t)len * sizeof *s);
			e->pat[len] = 0;
			e->len = len;
			ures_close(r);
		}
		ures_close(b);
	}
	return 0;
}

static int
unload(void **state)
{
	(void)state;
	for (int l = 0; l < MSG_LANG_COUNT; l++)
		for (int i = 0; i < cats[l].n; i++)
			free(cats[l].e[i].pat);
	msg_close();
	return 0;
}

/* ---------------------------------------------------------------- placeholders
 * What a pattern uses: for each argument number, whether it appears and as
 * what: a number (number, plural, selectordinal…) or a string (select, or
 * no type: ICU formats {0} as a string argument, so {0} in one language and
 * {0,number} in the other is a disagreement). A small reading of ICU
 * MessageFormat syntax, apostrophe quoting included; choice is not used by
 * the catalogs and counts as malformed. */

enum use { USE_NONE, USE_NUMBER, USE_STRING, USE_CONFLICT };

struct scan {
	const UChar *s;
	int32_t len, i;
	enum use use[MAX_ARGS];
	bool bad;
};

static bool
ws(UChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip_ws(struct scan *p)
{
	while (p->i < p->len && ws(p->s[p->i]))
		p->i++;
}

static bool
is_word(const UChar *s, int32_t n, const char *w)
{
	if ((size_t)n != strlen(w))
		return false;
	for (int32_t k = 0; k < n; k++)
		if (s[k] != (UChar)w[k])
			return false;
	return true;
}

static void
note(struct scan *p, int arg, enum use u)
{
	enum use *cur = &p->use[arg];
	if (*cur == USE_NONE)
		*cur = u;
	else if (u != *cur)
		*cur = USE_CONFLICT;
}

static void scan_arg(struct scan *p);

static void
scan_msg(struct scan *p, int depth, bool plural)
{
	while (p->i < p->len && !p->bad) {
		UChar c = p->s[p->i++];
		if (c == '\'' && p->i < p->len) {
			UChar d = p->s[p->i];
			if (d == '\'') {
				p->i++;
			} else if (d == '{' || d == '}' || (plural && d == '#')) {
				const UChar *q = u_memchr(p->s + p->i + 1, '\'', p->len - p->i - 1);
				p->i = q != NULL ? (int32_t)(q - p->s) + 1 : p->len;
			}
		} else if (c == '{') {
			scan_arg(p);
		} else if (c == '}') {
			if (depth > 0) {
				p->i--;
				return;
			}
			p->bad = true;
		}
	}
	if (depth > 0)
		p->bad = true;
}

static void
scan_arg(struct scan *p)
{
	skip_ws(p);
	int32_t d0 = p->i;
	int n = 0;
	while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		n = n * 10 + (p->s[p->i++] - '0');
	if (p->i == d0 || n >= MAX_ARGS) {
		p->bad = true;
		return;
	}
	skip_ws(p);
	if (p->i < p->len && p->s[p->i] == '}') {
		p->i++;
		note(p, n, USE_STRING);
		return;
	}
	if (p->i >= p->len || p->s[p->i++] != ',') {
		p->bad = true;
		return;
	}
	skip_ws(p);
	int32_t t0 = p->i;
	while (p->i < p->len && p->s[p->i] >= 'a' && p->s[p->i] <= 'z')
		p->i++;
	const UChar *t = p->s + t0;
	int32_t tl = p->i - t0;
	bool sel = is_word(t, tl, "select");
	bool plural = is_word(t, tl, "plural") || is_word(t, tl, "selectordinal");
	if (!sel && !plural && !is_word(t, tl, "number") && !is_word(t, tl, "date") &&
	    !is_word(t, tl, "time") && !is_word(t, tl, "spellout") && !is_word(t, tl, "ordinal") &&
	    !is_word(t, tl, "duration")) {
		p->bad = true;
		return;
	}
	note(p, n, sel ? USE_STRING : USE_NUMBER);
	skip_ws(p);
	if (!sel && !plural) {
		int nest = 0;
		for (; p->i < p->len; p->i++) {
			if (p->s[p->i] == '{')
				nest++;
			else if (p->s[p->i] == '}' && nest-- == 0)
				break;
		}
		if (p->i >= p->len)
			p->bad = true;
		p->i++;
		return;
	}
	if (p->i >= p->len || p->s[p->i++] != ',') {
		p->bad = true;
		return;
	}
	for (;;) {
		skip_ws(p);
		if (p->i >= p->len) {
			p->bad = true;
			return;
		}
		if (p->s[p->i] == '}') {
			p->i++;
			return;
		}
		int32_t k0 = p->i;
		while (p->i < p->len && !ws(p->s[p->i]) && p->s[p->i] != '{')
			p->i++;
		if (plural && p->i - k0 > 7 && is_word(p->s + k0, 7, "offset:"))
			continue;
		skip_ws(p);
		if (p->i >= p->len || p->s[p->i++] != '{') {
			p->bad = true;
			return;
		}
		scan_msg(p, 1, plural);
		if (p->bad)
			return;
		p->i++;
	}
}

static struct scan
scan(const struct entry *e)
{
	struct scan p = {.s = e->pat, .len = e->len};
	scan_msg(&p, 0, false);
	return p;
}

/* ---------------------------------------------------------------- tests */

static void
test_same_keys(void **state)
{
	(void)state;
	int missing = 0;
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		const struct catalog *other = &cats[l == MSG_EN ? MSG_ZH : MSG_EN];
		assert_true(cats[l].n > 100);
		assert_true(cats[l].n < MAX_KEYS);
		for (int i = 0; i < cats[l].n; i++)
			if (find(other, cats[l].e[i].key) == NULL) {
				print_error("key %s is in %s.txt but not in %s.txt\n", cats[l].e[i].key,
				            cats[l].lang, other->lang);
				missing++;
			}
	}
	assert_int_equal(missing, 0);
}

static void
test_same_placeholders(void **state)
{
	(void)state;
	int bad = 0;
	for (int i = 0; i < cats[MSG_EN].n; i++) {
		const struct entry *en = &cats[MSG_EN].e[i];
		const struct entry *zh = find(&cats[MSG_ZH], en->key);
		if (zh == NULL)
			continue; /* test_same_keys reports it */
		struct scan a = scan(en), b = scan(zh);
		if (a.bad || b.bad) {
			print_error("%s: the %s pattern cannot be read\n", en->key, a.bad ? "en" : "zh");
			bad++;
			continue;
		}
		for (int k = 0; k < MAX_ARGS; k++) {
			enum use x = a.use[k], y = b.use[k];
			if (x == USE_CONFLICT || y == USE_CONFLICT) {
				print_error("%s: {%d} is used as two types in %s\n", en->key, k,
				            x == USE_CONFLICT ? "en" : "zh");
				bad++;
			} else if ((x == USE_NONE) != (y == USE_NONE)) {
				print_error("%s: {%d} is used in %s only\n", en->key, k,
				            x != USE_NONE ? "en" : "zh");
				bad++;
			} else if (x != y) {
				print_error("%s: {%d} is a %s in en but a %s in zh\n", en->key, k,
				            x == USE_NUMBER ? "number" : "string",
				            y == USE_NUMBER ? "number" : "string");
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
}

/* Every message formats, in both languages, with arguments of its types. */
static void
test_all_format(void **state)
{
	(void)state;
	char buf[4096], marker[128];
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		assert_true(msg_open((enum msg_lang)l));
		for (int i = 0; i < cats[l].n; i++) {
			const struct entry *e = &cats[l].e[i];
			struct scan s = scan(e);
			struct msg_arg args[MAX_ARGS];
			for (int k = 0; k < MAX_ARGS; k++)
				args[k] = s.use[k] == USE_NUMBER ? MSG_I(2) : MSG_S("x");
			size_t n = msg_format(buf, sizeof buf, e->key, args, MAX_ARGS);
			snprintf(marker, sizeof marker, "[%s]", e->key);
			if (strcmp(buf, marker) == 0)
				print_error("%s.txt: %s does not format\n", cats[l].lang, e->key);
			assert_string_not_equal(buf, marker);
			assert_int_equal(n, strlen(buf));
		}
	}
	assert_true(msg_open(MSG_EN));
}

/* STYLE.md: no trailing full stop; no quoting apostrophe; no
 * ambiguous-width punctuation (it misaligns columns on CJK terminals);
 * cli_say prints usage through 4096 bytes. */
static void
test_style(void **state)
{
	(void)state;
	char buf[4096];
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		for (int i = 0; i < cats[l].n; i++) {
			const struct entry *e = &cats[l].e[i];
			UChar last = e->len > 0 ? e->pat[e->len - 1] : 0;
			if (last == '.' || last == 0x3002)
				print_error("%s.txt: %s ends with a full stop\n", cats[l].lang, e->key);
			assert_false(last == '.' || last == 0x3002);
			/* an apostrophe quotes only before a syntax character
			 * (ICU's default apostrophe mode); a plain one is text */
			for (int k = 0; k < e->len; k++) {
				UChar next = k + 1 < e->len ? e->pat[k + 1] : 0;
				bool quoting =
				    e->pat[k] == '\'' && (next == '{' || next == '}' || next == '#' ||
				                          next == '|' || next == '\'');
				if (quoting)
					print_error("%s.txt: %s has a quoting apostrophe\n", cats[l].lang,
					            e->key);
				assert_false(quoting);
			}
			/* no ambiguous-width quotes: they take two columns on some terminals */
			static const UChar ambiguous[] = {0x2018, 0x2019, 0x201C, 0x201D,
			                                  0x00B7, 0x2026, 0x2014};
			for (size_t k = 0; k < sizeof ambiguous / sizeof ambiguous[0]; k++) {
				bool found = u_memchr(e->pat, ambiguous[k], e->len) != NULL;
				if (found)
					print_error("%s.txt: %s has ambiguous-width U+%04X\n", cats[l].lang,
					            e->key, (unsigned)ambiguous[k]);
				assert_false(found);
			}
		}
		assert_true(msg_open((enum msg_lang)l));
		assert_true(msg_format(buf, sizeof buf, "usage", NULL, 0) < 4000);
		assert_true(msg_format(buf, sizeof buf, "usage_advise", NULL, 0) < 4000);
	}
	assert_true(msg_open(MSG_EN));
}

/* Keys the program asks for by name (cmd.c, cmd_*.c, policydir.c, report.c, msg.c). */
static void
test_program_keys(void **state)
{
	(void)state;
	static const char *const keys[] = {
	    "usage",
	    "usage_hint",
	    "usage_advise",
	    "err_option_needs_value",
	    "err_unknown_option",
	    "err_unexpected_argument",
	    "err_option_required",
	    "err_bad_format",
	    "err_bad_date",
	    "err_read_file",
	    "err_unknown_command",
	    "err_bad_lang",
	    "policy_check_failed",
	    "policy_check_summary",
	    "policy_check_region",
	    "fmt_money",
	    "fmt_percent",
	    "fmt_months",
	    "fmt_years",
	    "fmt_number",
	    "value_unknown",
	    "list_separator",
	    "scheme_employee",
	    "scheme_resident",
	    "option_title",
	    "report_title",
	    "report_person",
	    "report_unverified_note",
	    "report_option",
	    "report_eligible_yes",
	    "report_eligible_no",
	    "report_eligible_unknown",
	    "report_cost",
	    "report_cost_fixed",
	    "report_cost_minimum",
	    "report_cost_low",
	    "report_cost_matched",
	    "report_cost_same",
	    "report_amounts",
	    "report_amounts_share",
	    "report_amounts_share_pension",
	    "report_pension",
	    "report_pension_one",
	    "report_pension_two",
	    "report_pension_none",
	    "report_pension_unknown",
	    "report_inpatient",
	    "report_average",
	    "report_personal_account",
	    "report_family_sharing",
	    "report_waiting",
	    "report_waiting_none",
	    "report_retire_age",
	    "report_retire_age_unknown",
	    "report_retire_years",
	    "report_retire_required",
	    "report_retire_shortfall",
	    "report_retire_shortfall_none",
	    "report_retire_resident",
	    "report_caveats",
	    "report_source",
	    "report_recommend",
	    "report_recommend_none",
	    "report_reasons",
	    "answers_err_other",
	    "policy_err_other",
	    "policy_err_syntax_utf8",
	    "policy_err_syntax_long",
	    "policy_err_syntax_key",
	    "policy_err_bad_until",
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		for (int l = 0; l < MSG_LANG_COUNT; l++) {
			if (find(&cats[l], keys[i]) == NULL)
				print_error("%s.txt has no %s\n", cats[l].lang, keys[i]);
			assert_non_null(find(&cats[l], keys[i]));
		}
}

/* One message per advice id, using exactly the numbers the id carries. */
static void
test_advice_ids(void **state)
{
	(void)state;
	char key[96];
	for (int id = 0; id < ADVICE_ID_COUNT; id++) {
		const char *name = advice_id_name((enum advice_id)id);
		assert_non_null(name);
		snprintf(key, sizeof key, "adv_%s", name);
		for (int l = 0; l < MSG_LANG_COUNT; l++) {
			const struct entry *e = find(&cats[l], key);
			if (e == NULL)
				print_error("%s.txt has no %s (advice id %d)\n", cats[l].lang, key, id);
			assert_non_null(e);
			struct scan s = scan(e);
			assert_false(s.bad);
			for (int v = 0; v < ADVICE_MAX_VALUES; v++) {
				/* values 0 and 1 are {0} and {1}; 2 and 3 are {6} and {7} (the
				 * arguments between are the place, the known marks, the mode) */
				int arg = v < 2 ? v : v + 4;
				bool carries = advice_id_value_name((enum advice_id)id, v) != NULL;
				if (carries != (s.use[arg] != USE_NONE))
					print_error("%s.txt: %s %s {%d}, but the id %s value %d\n",
					            cats[l].lang, key, carries ? "does not use" : "uses", v,
					            carries ? "carries" : "has no", v);
				assert_int_equal(carries, s.use[arg] != USE_NONE);
			}
		}
	}
	assert_null(advice_id_name(ADVICE_ID_COUNT));
	for (int f = 0; f < ADVICE_FIELD_COUNT; f++) {
		snprintf(key, sizeof key, "field_%s", advice_field_name((enum advice_field)f));
		for (int l = 0; l < MSG_LANG_COUNT; l++) {
			if (find(&cats[l], key) == NULL)
				print_error("%s.txt has no %s\n", cats[l].lang, key);
			assert_non_null(find(&cats[l], key));
		}
	}
}

/* Every answers key and status gives a sentence naming the key, with the
 * allowed values or range, and the line. */
static void
test_answers_errors(void **state)
{
	(void)state;
	char buf[2048], want[256], key[96];
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		assert_true(msg_open((enum msg_lang)l));
		for (int k = 0; k < ANSWERS_KEY_COUNT; k++) {
			const char *name = answers_key_name(k);
			snprintf(key, sizeof key, "answers_label_%s", name);
			assert_non_null(find(&cats[l], key));
			snprintf(key, sizeof key, "answers_allowed_%s", name);
			assert_non_null(find(&cats[l], key));
		}
		for (int st = ANSWERS_OK; st <= ANSWERS_ERR_SYNTAX; st++) {
			for (int k = -1; k < ANSWERS_KEY_COUNT; k++) {
				struct answers_error err = {
				    .status = (enum answers_status)st, .key = k, .other = -1, .line = 7};
				int64_t min = 0, max = 0;
				bool ranged = answers_key_range(k, &min, &max);
				err.min = min;
				err.max = max;
				if (st == ANSWERS_ERR_INCONSISTENT)
					err.other = k == ANSWERS_EMPLOYEE_YEARS_LOCAL ? ANSWERS_EMPLOYEE_YEARS
					                                              : ANSWERS_SEX;
				if (st == ANSWERS_ERR_UNKNOWN_KEY)
					snprintf(err.name, sizeof err.name, "wokr_city");
				size_t n = msg_answers_error(buf, sizeof buf, "a.ini", &err);
				assert_int_equal(n, strlen(buf));
				if (strstr(buf, "[answers_") != NULL || strncmp(buf, "a.ini:7: ", 9) != 0 ||
				    n < 15)
					print_error("%s: status %d key %d: %s\n", cats[l].lang, st, k, buf);
				assert_null(strstr(buf, "[answers_"));
				assert_true(strncmp(buf, "a.ini:7: ", 9) == 0);
				assert_true(n > 15);
				if (st == ANSWERS_ERR_UNKNOWN_KEY)
					assert_non_null(strstr(buf, "wokr_city"));
				else if (k >= 0 && st != ANSWERS_OK && st != ANSWERS_ERR_SYNTAX)
					assert_non_null(strstr(buf, answers_key_name(k)));
				if (k >= 0 && ranged &&
				    (st == ANSWERS_ERR_RANGE || st == ANSWERS_ERR_BAD_VALUE)) {
					struct msg_arg a = MSG_I(max);
					msg_format(want, sizeof want, "fmt_number", &a, 1);
					if (strstr(buf, want) == NULL)
						print_error("%s: %s does not give the range: %s\n",
						            cats[l].lang, answers_key_name(k), buf);
					assert_non_null(strstr(buf, want));
				}
				const char *allowed = answers_key_allowed(k);
				if (allowed != NULL && st == ANSWERS_ERR_BAD_VALUE) {
					/* each allowed word is named */
					for (const char *w = allowed; w != NULL;) {
						const char *bar = strchr(w, '|');
						snprintf(want, sizeof want, "%.*s",
						         (int)(bar ? bar - w : (long)strlen(w)), w);
						assert_non_null(strstr(buf, want));
						w = bar ? bar + 1 : NULL;
					}
				}
			}
		}
		/* without a file or a line: no prefix */
		struct answers_error e = {.status = ANSWERS_ERR_MISSING, .key = ANSWERS_BIRTH, .other = -1};
		msg_answers_error(buf, sizeof buf, NULL, &e);
		assert_non_null(strstr(buf, "birth"));
		assert_null(strstr(buf, "(null)"));
		assert_true(buf[0] != ':' && buf[0] != ' ');
		/* a small buffer is cut, still terminated */
		assert_true(msg_answers_error(buf, 8, "a.ini", &e) < 8);
		assert_int_equal(msg_answers_error(buf, 0, "a.ini", &e), 0);
	}
	assert_true(msg_open(MSG_EN));
}

static void
test_policy_errors(void **state)
{
	(void)state;
	char buf[1024];
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		assert_true(msg_open((enum msg_lang)l));
		for (int c = POLICY_OK; c <= POLICY_ERR_NOMEM; c++) {
			struct policy_error err = {
			    .code = (enum policy_errcode)c, .line = 12, .min = 0, .max = 30};
			snprintf(err.file, sizeof err.file, "310000-shanghai.ini");
			snprintf(err.detail, sizeof err.detail, "rate");
			size_t n = msg_policy_error(buf, sizeof buf, &err);
			if (strstr(buf, "[policy_") != NULL)
				print_error("%s: errcode %d: %s\n", cats[l].lang, c, buf);
			assert_null(strstr(buf, "[policy_"));
			assert_int_equal(n, strlen(buf));
			assert_true(strncmp(buf, "310000-shanghai.ini:12: ", 24) == 0);
			assert_true(n > 28);
			if (c == POLICY_ERR_RANGE) {
				assert_non_null(strstr(buf, "rate"));
				assert_non_null(strstr(buf, "30"));
			}
		}
		/* the loader's own words are translated */
		struct policy_error u = {.code = POLICY_ERR_SYNTAX, .line = 3};
		snprintf(u.file, sizeof u.file, "x.ini");
		snprintf(u.detail, sizeof u.detail, "invalid UTF-8");
		msg_policy_error(buf, sizeof buf, &u);
		assert_non_null(strstr(buf, "UTF-8"));
		/* no line: "file: " */
		struct policy_error nn = {.code = POLICY_ERR_NO_NATIONAL};
		snprintf(nn.file, sizeof nn.file, "000000-national.ini");
		msg_policy_error(buf, sizeof buf, &nn);
		assert_true(strncmp(buf, "000000-national.ini: ", 21) == 0);
	}
	assert_true(msg_open(MSG_EN));
}

/* msg_format itself: missing keys, numbers, money, plurals, cut buffers. */
static void
test_format(void **state)
{
	(void)state;
	char buf[256];
	static const struct {
		enum msg_lang lang;
		const char *key;
		struct msg_arg arg;
		const char *want;
	} cases[] = {
	    {MSG_EN, "no_such_key", {0}, "[no_such_key]"},
	    {MSG_EN, "fmt_money", {.type = MSG_DOUBLE, .d = 1234.5}, "¥1,234.50"},
	    {MSG_ZH, "fmt_money", {.type = MSG_DOUBLE, .d = 1234.5}, "¥1,234.50"},
	    {MSG_EN, "fmt_money", {.type = MSG_INT, .i = 0}, "¥0.00"},
	    {MSG_EN, "fmt_percent", {.type = MSG_DOUBLE, .d = 0.846}, "84.6%"},
	    {MSG_EN, "fmt_months", {.type = MSG_INT, .i = 1}, "1 month"},
	    {MSG_EN, "fmt_months", {.type = MSG_INT, .i = 3}, "3 months"},
	    {MSG_ZH, "fmt_months", {.type = MSG_INT, .i = 3}, "3个月"},
	    {MSG_EN, "fmt_years", {.type = MSG_DOUBLE, .d = 30.5}, "30.5 years"},
	    {MSG_ZH, "fmt_years", {.type = MSG_DOUBLE, .d = 30.5}, "30.5年"},
	    {MSG_EN, "fmt_number", {.type = MSG_INT, .i = 10000000}, "10,000,000"},
	    {MSG_EN, "err_bad_lang", {.type = MSG_STR, .s = "fr"}, "unknown language \"fr\": use en or zh"},
	    {MSG_ZH, "err_bad_lang", {.type = MSG_STR, .s = "fr"}, "未知语言「fr」：请使用 en 或 zh"},
	    {MSG_EN,
	     "err_bad_lang",
	     {.type = MSG_STR, .s = "\xff"},
	     "unknown language \"\xef\xbf\xbd\": use en or zh"},
	    {MSG_EN,
	     "err_bad_lang",
	     {.type = MSG_INT, .i = 12345},
	     "unknown language \"12,345\": use en or zh"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_true(msg_open(cases[i].lang));
		msg_format(buf, sizeof buf, cases[i].key, &cases[i].arg, 1);
		if (strcmp(buf, cases[i].want) != 0)
			print_error("case %zu: got %s, want %s\n", i, buf, cases[i].want);
		assert_string_equal(buf, cases[i].want);
	}
	/* the region code keeps its zeros and has no grouping */
	struct msg_arg r[3] = {MSG_I(0), MSG_S("China"), MSG_S("000000-national.ini")};
	assert_true(msg_open(MSG_EN));
	msg_format(buf, sizeof buf, "policy_check_region", r, 3);
	assert_string_equal(buf, "000000  China  000000-national.ini");
	/* cut at a character boundary: "未知语言" is 12 bytes */
	assert_true(msg_open(MSG_ZH));
	struct msg_arg a = MSG_S("fr");
	assert_int_equal(msg_format(buf, 8, "err_bad_lang", &a, 1), 6);
	assert_string_equal(buf, "未知");
	assert_int_equal(msg_format(buf, 0, "err_bad_lang", &a, 1), 0);
	/* fewer arguments than placeholders: still a sentence */
	msg_format(buf, sizeof buf, "err_read_file", &a, 1);
	assert_non_null(strstr(buf, "fr"));
	assert_true(msg_open(MSG_EN));
}

static void
test_lang(void **state)
{
	(void)state;
	enum msg_lang l = MSG_EN;
	assert_true(msg_lang_parse("zh", &l));
	assert_int_equal(l, MSG_ZH);
	assert_true(msg_lang_parse("en", &l));
	assert_int_equal(l, MSG_EN);
	assert_false(msg_lang_parse("", &l));
	assert_false(msg_lang_parse(NULL, &l));
	assert_false(msg_lang_parse("zh_CN", &l));
	assert_false(msg_open((enum msg_lang)MSG_LANG_COUNT));
	assert_true(msg_open(MSG_ZH));
	assert_int_equal(msg_lang(), MSG_ZH);
	setenv("LC_ALL", "", 1);
	setenv("LC_MESSAGES", "zh_CN.UTF-8", 1);
	setenv("LANG", "en_US.UTF-8", 1);
	assert_int_equal(msg_lang_from_env(), MSG_ZH);
	setenv("LC_ALL", "C", 1);
	assert_int_equal(msg_lang_from_env(), MSG_EN);
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	assert_int_equal(msg_lang_from_env(), MSG_EN);
	assert_true(msg_open(MSG_EN));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_keys),      cmocka_unit_test(test_same_placeholders),
	    cmocka_unit_test(test_all_format),     cmocka_unit_test(test_style),
	    cmocka_unit_test(test_program_keys),   cmocka_unit_test(test_advice_ids),
	    cmocka_unit_test(test_answers_errors), cmocka_unit_test(test_policy_errors),
	    cmocka_unit_test(test_format),         cmocka_unit_test(test_lang),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
