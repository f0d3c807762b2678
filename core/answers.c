/* answers.c -- one person's answers: keys, validation and the answers file */
#include "answers.h"
#include "region_table.h"

#include <ini.h>
#include <string.h>

#include "policy.h"
#include "text.h"

enum atype { A_DATE, A_REGION, A_YESNO, A_MONTH, A_ENUM, A_INT, A_TENTHS };

/* A value a key allows, with its length: a batch matches one per cell. */
struct aword {
	const char *s;
	size_t n;
};
#define W(s)                                                                                                 \
	{                                                                                                    \
		s, sizeof s - 1                                                                              \
	}
#define ANSWERS_MAX_WORDS 4

struct akey {
	const char *name;
	enum atype type;
	const char *allowed;                   /* A_ENUM: values separated by '|', in enum order from 1 */
	struct aword words[ANSWERS_MAX_WORDS]; /* the same, one by one (n == 0 after the last) */
	int64_t min, max;                      /* A_INT; A_TENTHS in whole years */
};

/* DESIGN.md's answers table. */
static const struct akey keys[ANSWERS_KEY_COUNT] = {
    [ANSWERS_AS_OF] = {.name = "as_of", .type = A_DATE},
    [ANSWERS_WORK_CITY] = {.name = "work_city", .type = A_REGION},
    [ANSWERS_HUKOU_CITY] = {.name = "hukou_city", .type = A_REGION},
    [ANSWERS_RESIDENCE_PERMIT] = {.name = "residence_permit",
                                  .type = A_YESNO,
                                  .allowed = "yes|no",
                                  .words = {W("yes"), W("no")}},
    [ANSWERS_BIRTH] = {.name = "birth", .type = A_MONTH},
    [ANSWERS_SEX] = {.name = "sex",
                     .type = A_ENUM,
                     .allowed = "male|female",
                     .words = {W("male"), W("female")}},
    [ANSWERS_FEMALE_RETIRE_AGE] = {.name = "female_retire_age",
                                   .type = A_ENUM,
                                   .allowed = "50|55",
                                   .words = {W("50"), W("55")}},
    [ANSWERS_WORK] = {.name = "work",
                      .type = A_ENUM,
                      .allowed = "flexible|self_employed|employed|unemployed",
                      .words = {W("flexible"), W("self_employed"), W("employed"), W("unemployed")}},
    [ANSWERS_MONTHLY_INCOME] = {.name = "monthly_income", .type = A_INT, .min = 0, .max = 10000000},
    [ANSWERS_EMPLOYEE_YEARS] = {.name = "employee_years", .type = A_TENTHS, .min = 0, .max = 60},
    [ANSWERS_EMPLOYEE_YEARS_LOCAL] = {.name = "employee_years_local", .type = A_TENTHS, .min = 0, .max = 60},
    [ANSWERS_COVERAGE] = {.name = "coverage",
                          .type = A_ENUM,
                          .allowed = "none|employee|resident",
                          .words = {W("none"), W("employee"), W("resident")}},
    [ANSWERS_COVERAGE_CITY] = {.name = "coverage_city", .type = A_REGION},
    [ANSWERS_GAP_MONTHS] = {.name = "gap_months", .type = A_INT, .min = 0, .max = 1200},
    [ANSWERS_STAY_YEARS] = {.name = "stay_years", .type = A_INT, .min = 0, .max = 99},
    [ANSWERS_RETIRE_CITY] = {.name = "retire_city",
                             .type = A_ENUM,
                             .allowed = "work|hukou|unsure",
                             .words = {W("work"), W("hukou"), W("unsure")}},
};

static enum answers_status
error(struct answers_error *err, enum answers_status st, int key)
{
	if (err != NULL) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->key = key;
		err->other = -1;
		if (key >= 0 && key < ANSWERS_KEY_COUNT) {
			err->min = keys[key].min;
			err->max = keys[key].max;
			text_copy(err->name, sizeof err->name, keys[key].name, strlen(keys[key].name));
		}
	}
	return st;
}

const char *
answers_key_name(int key)
{
	return key >= 0 && key < ANSWERS_KEY_COUNT ? keys[key].name : NULL;
}

int
answers_key_find(const char *name, size_t len)
{
	for (int k = 0; k < ANSWERS_KEY_COUNT; k++)
		if (strlen(keys[k].name) == len && memcmp(keys[k].name, name, len) == 0)
			return k;
	return -1;
}

const char *
answers_key_allowed(int key)
{
	return key >= 0 && key < ANSWERS_KEY_COUNT ? keys[key].allowed : NULL;
}

bool
answers_key_is_region(int key)
{
	return key >= 0 && key < ANSWERS_KEY_COUNT && keys[key].type == A_REGION;
}

bool
answers_key_range(int key, int64_t *min, int64_t *max)
{
	if (key < 0 || key >= ANSWERS_KEY_COUNT || (keys[key].type != A_INT && keys[key].type != A_TENTHS))
		return false;
	*min = keys[key].min;
	*max = keys[key].max;
	return true;
}

void
answers_init(struct answers *a)
{
	memset(a, 0, sizeof *a);
	a->coverage = ANSWERS_COVERAGE_NONE;
	a->stay_years = -1;
	a->work_city = a->hukou_city = a->coverage_city = -1;
}

/* Index (from 1) of value among the words a key allows, or 0. */
static int
enum_index(const struct aword *words, const char *v, size_t len)
{
	for (int i = 0; i < ANSWERS_MAX_WORDS && words[i].n > 0; i++)
		if (words[i].n == len && memcmp(words[i].s, v, len) == 0)
			return i + 1;
	return 0;
}

/* Digits only (no sign: negative values are a range error, reported as
 * such); more than 18 digits is out of any range. */
static bool
parse_uint(const char *s, size_t len, int64_t *out, bool *overflow)
{
	int64_t v = 0;
	*overflow = false;
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (v > 100000000000000000LL)
			*overflow = true;
		else
			v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* "-5", "-0.5": a number below every range, not a malformed one. */
static bool
is_negative_number(const char *s, size_t len)
{
	size_t digits = 0, dots = 0;
	if (len < 2 || s[0] != '-')
		return false;
	for (size_t i = 1; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && dots++ == 0)
			continue;
		else
			return false;
	}
	return digits > 0;
}

enum answers_status
answers_set_key(struct answers *a, enum answers_key key, const char *v, size_t len, struct answers_error *err)
{
	if ((unsigned)key >= ANSWERS_KEY_COUNT)
		return error(err, ANSWERS_ERR_UNKNOWN_KEY, -1);
	const struct akey *k = &keys[key];
	if (v == NULL)
		v = "", len = 0;
	const char *e = v + len;
	text_trim(&v, &e);
	len = (size_t)(e - v);
	int64_t x = 0;
	bool over;
	/* every check comes before the answer is written: a bad value leaves
	 * a as it was */

	switch (k->type) {
	case A_DATE: {
		struct date d;
		if (!date_parse(v, len, &d))
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		a->as_of = d;
		break;
	}
	case A_REGION:
		if (len != 6 || !parse_uint(v, len, &x, &over))
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		{
			/* a county-level code stands for its prefecture (郸城县 411625 → 周口 411600) */
			const struct region_alias *al = region_table_alias((int)x);
			if (al != NULL)
				x = (uint64_t)al->region;
		}
		if (key == ANSWERS_WORK_CITY)
			a->work_city = (int)x;
		else if (key == ANSWERS_HUKOU_CITY)
			a->hukou_city = (int)x;
		else
			a->coverage_city = (int)x;
		break;
	case A_YESNO: {
		int i = enum_index(k->words, v, len);
		if (i == 0)
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		a->residence_permit = i == 1;
		break;
	}
	case A_MONTH: {
		int y, m;
		if (!date_parse_month(v, len, &y, &m))
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		a->birth_year = y;
		a->birth_month = m;
		break;
	}
	case A_ENUM: {
		int i = enum_index(k->words, v, len);
		if (i == 0)
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		if (key == ANSWERS_SEX)
			a->sex = (enum answers_sex)i;
		else if (key == ANSWERS_FEMALE_RETIRE_AGE)
			a->female_retire_age = i == 1 ? 50 : 55;
		else if (key == ANSWERS_WORK)
			a->work = (enum answers_work)i;
		else if (key == ANSWERS_COVERAGE)
			a->coverage = (enum answers_coverage)(i - 1);
		else
			a->retire_city = (enum answers_place)i;
		break;
	}
	case A_INT:
		if (is_negative_number(v, len))
			return error(err, ANSWERS_ERR_RANGE, key);
		if (!parse_uint(v, len, &x, &over))
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		if (over || x < k->min || x > k->max)
			return error(err, ANSWERS_ERR_RANGE, key);
		if (key == ANSWERS_MONTHLY_INCOME)
			a->monthly_income = x;
		else if (key == ANSWERS_GAP_MONTHS)
			a->gap_months = (int)x;
		else
			a->stay_years = (int)x;
		break;
	case A_TENTHS: {
		/* one decimal at most: "12", "12.5" */
		const char *dot = memchr(v, '.', len);
		int64_t frac = 0;
		if (is_negative_number(v, len))
			return error(err, ANSWERS_ERR_RANGE, key);
		if (dot != NULL) {
			if ((size_t)(e - dot) != 2 || !parse_uint(dot + 1, 1, &frac, &over))
				return error(err, ANSWERS_ERR_BAD_VALUE, key);
			len = (size_t)(dot - v);
		}
		if (!parse_uint(v, len, &x, &over))
			return error(err, ANSWERS_ERR_BAD_VALUE, key);
		if (over || x > k->max || (x == k->max && frac > 0))
			return error(err, ANSWERS_ERR_RANGE, key);
		if (key == ANSWERS_EMPLOYEE_YEARS)
			a->employee_years = (int)(x * 10 + frac);
		else
			a->employee_years_local = (int)(x * 10 + frac);
		break;
	}
	}
	a->set |= 1u << key;
	return ANSWERS_OK;
}

enum answers_status
answers_set(struct answers *a, const char *key, const char *value, size_t vlen, struct answers_error *err)
{
	int k = answers_key_find(key, strlen(key));
	if (k < 0) {
		error(err, ANSWERS_ERR_UNKNOWN_KEY, -1);
		if (err != NULL)
			text_copy(err->name, sizeof err->name, key, strlen(key));
		return ANSWERS_ERR_UNKNOWN_KEY;
	}
	return answers_set_key(a, (enum answers_key)k, value, vlen, err);
}

void
answers_unset(struct answers *a, enum answers_key key)
{
	struct answers d;
	if ((unsigned)key >= ANSWERS_KEY_COUNT)
		return;
	answers_init(&d);
	switch (key) {
	case ANSWERS_AS_OF:
		a->as_of = d.as_of;
		break;
	case ANSWERS_WORK_CITY:
		a->work_city = d.work_city;
		break;
	case ANSWERS_HUKOU_CITY:
		a->hukou_city = d.hukou_city;
		break;
	case ANSWERS_RESIDENCE_PERMIT:
		a->residence_permit = d.residence_permit;
		break;
	case ANSWERS_BIRTH:
		a->birth_year = a->birth_month = 0;
		break;
	case ANSWERS_SEX:
		a->sex = d.sex;
		break;
	case ANSWERS_FEMALE_RETIRE_AGE:
		a->female_retire_age = 0;
		break;
	case ANSWERS_WORK:
		a->work = d.work;
		break;
	case ANSWERS_MONTHLY_INCOME:
		a->monthly_income = 0;
		break;
	case ANSWERS_EMPLOYEE_YEARS:
		a->employee_years = 0;
		break;
	case ANSWERS_EMPLOYEE_YEARS_LOCAL:
		a->employee_years_local = 0;
		break;
	case ANSWERS_COVERAGE:
		a->coverage = d.coverage;
		break;
	case ANSWERS_COVERAGE_CITY:
		a->coverage_city = d.coverage_city;
		break;
	case ANSWERS_GAP_MONTHS:
		a->gap_months = 0;
		break;
	case ANSWERS_STAY_YEARS:
		a->stay_years = d.stay_years;
		break;
	case ANSWERS_RETIRE_CITY:
		a->retire_city = d.retire_city;
		break;
	case ANSWERS_KEY_COUNT:
		break;
	}
	a->set &= ~(1u << key);
}

static bool
has(const struct answers *a, enum answers_key k)
{
	return (a->set >> k) & 1u;
}

static enum answers_status
inconsistent(struct answers_error *err, int key, int other)
{
	error(err, ANSWERS_ERR_INCONSISTENT, key);
	if (err != NULL)
		err->other = other;
	return ANSWERS_ERR_INCONSISTENT;
}

enum answers_status
answers_check(const struct answers *a, const struct policy_set *ps, struct date as_of,
              struct answers_error *err)
{
	static const enum answers_key required[] = {ANSWERS_WORK_CITY, ANSWERS_HUKOU_CITY,
	                                            ANSWERS_BIRTH,     ANSWERS_SEX,
	                                            ANSWERS_WORK,      ANSWERS_MONTHLY_INCOME};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!has(a, required[i]))
			return error(err, ANSWERS_ERR_MISSING, required[i]);
	if (a->work_city != a->hukou_city && !has(a, ANSWERS_RESIDENCE_PERMIT))
		return error(err, ANSWERS_ERR_MISSING, ANSWERS_RESIDENCE_PERMIT);
	if (a->sex == ANSWERS_FEMALE && !has(a, ANSWERS_FEMALE_RETIRE_AGE))
		return error(err, ANSWERS_ERR_MISSING, ANSWERS_FEMALE_RETIRE_AGE);
	if (a->sex == ANSWERS_MALE && has(a, ANSWERS_FEMALE_RETIRE_AGE))
		return inconsistent(err, ANSWERS_FEMALE_RETIRE_AGE, ANSWERS_SEX);
	if (a->employee_years_local > a->employee_years)
		return inconsistent(err, ANSWERS_EMPLOYEE_YEARS_LOCAL, ANSWERS_EMPLOYEE_YEARS);
	if (a->coverage != ANSWERS_COVERAGE_NONE && !has(a, ANSWERS_COVERAGE_CITY))
		return error(err, ANSWERS_ERR_MISSING, ANSWERS_COVERAGE_CITY);
	if (a->coverage == ANSWERS_COVERAGE_NONE && has(a, ANSWERS_COVERAGE_CITY))
		return inconsistent(err, ANSWERS_COVERAGE_CITY, ANSWERS_COVERAGE);
	if (date_month_index(a->birth_year, a->birth_month) > date_month_index(as_of.y, as_of.m))
		return inconsistent(err, ANSWERS_BIRTH, ANSWERS_AS_OF);
	/* years of contributions cannot exceed the years since the 16th birthday */
	int months_adult = date_months_between(a->birth_year, a->birth_month, as_of.y, as_of.m) - 16 * 12;
	if (a->employee_years > 0 && a->employee_years * 12 > (months_adult > 0 ? months_adult : 0) * 10 + 5)
		return inconsistent(err, ANSWERS_EMPLOYEE_YEARS, ANSWERS_BIRTH);
	if (ps != NULL) {
		static const enum answers_key regions[] = {ANSWERS_WORK_CITY, ANSWERS_HUKOU_CITY,
		                                           ANSWERS_COVERAGE_CITY};
		const int codes[] = {a->work_city, a->hukou_city, a->coverage_city};
		for (size_t i = 0; i < 3; i++)
			if (has(a, regions[i]) &&
			    (codes[i] == POLICY_NATIONAL || policy_set_region(ps, codes[i]) == NULL))
				return error(err, ANSWERS_ERR_UNKNOWN_REGION, regions[i]);
	}
	if (err != NULL)
		error(err, ANSWERS_OK, -1);
	return ANSWERS_OK;
}

struct aparse {
	struct answers *a;
	struct answers_error *err;
	enum answers_status st;
	const char *pos, *end;
	int line;
	bool in_answers;
	bool seen_answers;
};

/* Hand inih one line at a time, counting lines, so errors carry them. */
static char *
answers_reader(char *buf, int num, void *stream)
{
	struct aparse *p = stream;
	if (p->pos >= p->end || p->st != ANSWERS_OK)
		return NULL;
	const char *s, *e;
	text_next_line(&p->pos, p->end, ++p->line, &s, &e);
	size_t len = (size_t)(e - s);
	/* a NUL would end the line for inih and cut the value short */
	if (len + 2 > (size_t)num || !text_is_utf8(s, len) || memchr(s, '\0', len) != NULL) {
		error(p->err, ANSWERS_ERR_SYNTAX, -1);
		p->st = ANSWERS_ERR_SYNTAX;
		if (p->err != NULL)
			p->err->line = p->line;
		return NULL;
	}
	if (len > 0 && s[0] != '[' && s[0] != ';' && s[0] != '#' && memchr(s, '=', len) == NULL) {
		/* inih would note it and read on; the first error must be this one */
		error(p->err, ANSWERS_ERR_SYNTAX, -1);
		p->st = ANSWERS_ERR_SYNTAX;
		if (p->err != NULL)
			p->err->line = p->line;
		return NULL;
	}
	if (len > 0 && s[0] == '[') {
		bool ok = len == 9 && memcmp(s, "[answers]", 9) == 0 && !p->seen_answers;
		if (!ok) {
			error(p->err, ANSWERS_ERR_SYNTAX, -1);
			p->st = ANSWERS_ERR_SYNTAX;
			if (p->err != NULL)
				p->err->line = p->line;
			return NULL;
		}
		p->in_answers = p->seen_answers = true;
	}
	memcpy(buf, s, len);
	buf[len] = '\n';
	buf[len + 1] = '\0';
	return buf;
}

static int
answers_handler(void *user, const char *section, const char *name, const char *value)
{
	struct aparse *p = user;
	(void)section;
	if (p->st != ANSWERS_OK)
		return 0;
	if (!p->in_answers) {
		p->st = error(p->err, ANSWERS_ERR_SYNTAX, -1);
	} else {
		int k = answers_key_find(name, strlen(name));
		if (k < 0) {
			p->st = answers_set(p->a, name, value, strlen(value), p->err);
		} else if (has(p->a, (enum answers_key)k)) {
			p->st = error(p->err, ANSWERS_ERR_DUPLICATE, k);
		} else {
			p->st = answers_set_key(p->a, (enum answers_key)k, value, strlen(value), p->err);
		}
	}
	if (p->st != ANSWERS_OK && p->err != NULL)
		p->err->line = p->line;
	return p->st == ANSWERS_OK;
}

enum answers_status
answers_parse(struct answers *a, const char *text, size_t len, struct answers_error *err)
{
	if (text == NULL)
		text = "", len = 0;
	struct aparse p = {.a = a, .err = err, .pos = text, .end = text + len};
	int r = ini_parse_stream(answers_reader, &p, answers_handler, &p);
	if (p.st == ANSWERS_OK && r != 0) {
		p.st = error(err, ANSWERS_ERR_SYNTAX, -1);
		if (err != NULL)
			err->line = r > 0 ? r : 0;
	}
	if (p.st == ANSWERS_OK && !p.seen_answers) {
		p.st = error(err, ANSWERS_ERR_SYNTAX, -1);
		if (err != NULL)
			err->line = 1;
	}
	return p.st;
}
