/* policy.c -- loads dated, cited policy files from memory and looks values up by date */
#include "policy.h"

#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static int32_t
date_key(struct date d)
{
	return d.y * 10000 + d.m * 100 + d.d;
}

enum vtype { V_ACCESS, V_YESNO, V_PERCENT, V_YUAN, V_INT };

struct keydef {
	const char *name;
	enum vtype type;
	int64_t min, max; /* in the unit written in the file */
};

struct kinddef {
	const char *name;
	struct keydef keys[POLICY_MAX_KEYS];
	int nkeys;
};

/* The schema of core/policy/README.md, one row per kind. */
static const struct kinddef kinds[POLICY_KIND_COUNT] = {
	[POLICY_ACCESS] = {"access",
			   {
				   [POLICY_ACCESS_EMPLOYEE] = {"employee", V_ACCESS, 0, 0},
				   [POLICY_ACCESS_RESIDENT] = {"resident", V_ACCESS, 0, 0},
				   [POLICY_ACCESS_AGE_MIN] = {"age_min", V_INT, 14, 30},
				   [POLICY_ACCESS_AGE_MAX_MALE] = {"age_max_male", V_INT, 40, 70},
				   [POLICY_ACCESS_AGE_MAX_FEMALE] = {"age_max_female", V_INT, 40, 70},
			   },
			   5},
	[POLICY_EMPLOYEE] = {"employee",
			     {
				     [POLICY_EMPLOYEE_RATE] = {"rate", V_PERCENT, 0, 30},
				     [POLICY_EMPLOYEE_BASE_FLOOR] = {"base_floor", V_YUAN, 0, 100000},
				     [POLICY_EMPLOYEE_BASE_CEILING] = {"base_ceiling", V_YUAN, 0, 200000},
				     [POLICY_EMPLOYEE_ANNUAL_FIXED] = {"annual_fixed", V_YUAN, 0, 100000},
				     [POLICY_EMPLOYEE_PENSION_BUNDLED] = {"pension_bundled", V_YESNO, 0, 0},
				     [POLICY_EMPLOYEE_PENSION_RATE] = {"pension_rate", V_PERCENT, 0, 30},
				     [POLICY_EMPLOYEE_PERSONAL_ACCOUNT] = {"personal_account", V_YESNO, 0, 0},
			     },
			     7},
	[POLICY_RESIDENT] = {"resident",
			     {
				     [POLICY_RESIDENT_PREMIUM] = {"premium", V_YUAN, 0, 10000},
				     [POLICY_RESIDENT_SUBSIDY] = {"subsidy", V_YUAN, 0, 10000},
				     [POLICY_RESIDENT_MINIMUM] = {"minimum", V_YESNO, 0, 0},
			     },
			     3},
	[POLICY_BENEFITS] = {"benefits",
			     {
				     [POLICY_BENEFITS_INPATIENT_EMPLOYEE] = {"inpatient_employee", V_PERCENT, 0, 100},
				     [POLICY_BENEFITS_INPATIENT_RESIDENT] = {"inpatient_resident", V_PERCENT, 0, 100},
				     [POLICY_BENEFITS_AVERAGE] = {"average", V_YESNO, 0, 0},
				     [POLICY_BENEFITS_FAMILY_SHARING] = {"family_sharing", V_YESNO, 0, 0},
			     },
			     4},
	[POLICY_RETIREMENT] = {"retirement",
			       {
				       [POLICY_RETIREMENT_YEARS_MALE] = {"years_male", V_INT, 0, 40},
				       [POLICY_RETIREMENT_YEARS_FEMALE] = {"years_female", V_INT, 0, 40},
				       [POLICY_RETIREMENT_REFORM] = {"reform", V_YESNO, 0, 0},
			       },
			       3},
	[POLICY_WAITING] = {"waiting",
			    {
				    [POLICY_WAITING_FIXED] = {"fixed", V_INT, 0, 12},
				    [POLICY_WAITING_PER_YEAR] = {"per_year", V_INT, 0, 12},
				    [POLICY_WAITING_FLOOR] = {"floor", V_INT, 0, 12},
				    [POLICY_WAITING_FLOOR_YEARS] = {"floor_years", V_INT, 1, 20},
			    },
			    4},
	[POLICY_TRANSFER] = {"transfer",
			     {
				     [POLICY_TRANSFER_GAP_MAX] = {"gap_max", V_INT, 0, 12},
				     [POLICY_TRANSFER_CONTINUOUS_YEARS] = {"continuous_years", V_INT, 0, 10},
				     [POLICY_TRANSFER_LOCAL_MAX] = {"local_max", V_INT, 0, 12},
				     [POLICY_TRANSFER_LOCAL] = {"local", V_INT, 0, 12},
			     },
			     4},
	[POLICY_REMOTE_CARE] = {"remote_care",
				{
					[POLICY_REMOTE_CARE_FILING] = {"filing", V_YESNO, 0, 0},
				},
				1},
	[POLICY_SCOPE] = {"scope",
			  {
				  [POLICY_SCOPE_INDIVIDUAL_EMPLOYEE] = {"individual_employee", V_YESNO, 0, 0},
				  [POLICY_SCOPE_RESIDENT_CHOICE] = {"resident_choice", V_YESNO, 0, 0},
			  },
			  2},
};

/* A key present in every dated section. */
enum common_key { C_SOURCE, C_CHECKED, C_STATUS, C_UNTIL, C_COUNT };
static const char *const common_names[C_COUNT] = {"source", "checked", "status", "until"};

enum region_key { R_CODE, R_NAME_ZH, R_NAME_EN, R_PINYIN, R_INITIALS, R_PARENT, R_COUNT };
static const char *const region_names[R_COUNT] = {"code", "name_zh", "name_en", "pinyin", "initials",
						  "parent"};

struct policy_sec {
	struct policy_ref ref;
	bool has_until;
	struct date until;
	int32_t fromk, untilk; /* from and until as YYYYMMDD, for fast lookup */
	int64_t v[POLICY_MAX_KEYS];
	bool seen[POLICY_MAX_KEYS];
	bool seen_common[C_COUNT];
};

struct pfile {
	char *name;
	struct policy_region region;
	bool seen_region[R_COUNT];
	int region_line[R_COUNT + 1]; /* line of each region key; [R_COUNT] the header */
	char *strings[R_COUNT]; /* owned region strings */
	struct policy_sec *secs;
	size_t nsecs, cap;
	char **owned; /* sources */
	size_t nowned;
	/* sections of each kind, in file order, as indices into secs */
	size_t *by_kind[POLICY_KIND_COUNT];
	size_t nby_kind[POLICY_KIND_COUNT];
};

struct policy_set {
	struct pfile **files; /* sorted by region code */
	size_t n, cap;
};

/* One value handed to inih by reference: see file_reader. */
struct stash {
	const char *p;
	size_t len;
	int line;
};

struct parse {
	struct pfile *f;
	const char *text, *end, *pos;
	int line;
	struct stash *vals;
	size_t nvals, capvals;
	struct policy_error *err;
	enum policy_errcode code;
	int in_region; /* 1 in [region], 0 in a dated section, -1 before any */
	struct policy_sec *cur;
	/* section headers seen, to find duplicates */
	char (*headers)[48];
	size_t nheaders, capheaders;
};

static void
fail(struct parse *p, enum policy_errcode code, int line, const char *detail, size_t dlen)
{
	if (p->code != POLICY_OK)
		return; /* keep the first error */
	p->code = code;
	if (p->err == NULL)
		return;
	p->err->code = code;
	p->err->line = line;
	text_copy(p->err->file, sizeof p->err->file, p->f->name, strlen(p->f->name));
	text_copy(p->err->detail, sizeof p->err->detail, detail ? detail : "",
		  detail ? (dlen ? dlen : strlen(detail)) : 0);
}

static void
fail_range(struct parse *p, int line, const char *key, int64_t min, int64_t max)
{
	fail(p, POLICY_ERR_RANGE, line, key, 0);
	if (p->err != NULL && p->err->line == line) {
		p->err->min = min;
		p->err->max = max;
	}
}

static void *
grow(void *ptr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return ptr;
	size_t ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	void *np = realloc(ptr, ncap * size);
	if (np != NULL)
		*cap = ncap;
	return np;
}

/* Feed inih one line at a time. Each `key = value` line is passed on as
 * `key=\001N`, with the value kept here by reference: the packaged inih reads
 * lines of at most 199 bytes and strips ` ;` comments inside values, and a
 * source address must never be cut silently. It also gives every value its
 * line number, which inih's handler does not receive. */
static char *
file_reader(char *buf, int num, void *stream)
{
	struct parse *p = stream;
	if (p->pos >= p->end || p->code != POLICY_OK)
		return NULL;
	const char *s, *e;
	text_next_line(&p->pos, p->end, ++p->line, &s, &e);
	size_t len = (size_t)(e - s);
	size_t max = (size_t)num - 2;

	if (!text_is_utf8(s, len)) {
		fail(p, POLICY_ERR_SYNTAX, p->line, "invalid UTF-8", 0);
		return NULL;
	}
	if (memchr(s, '\0', len) != NULL) {
		/* inih would end the line there and drop the rest of a value */
		fail(p, POLICY_ERR_SYNTAX, p->line, "invalid UTF-8", 0);
		return NULL;
	}
	if (len == 0 || *s == ';' || *s == '#') {
		buf[0] = '\n';
		buf[1] = '\0';
		return buf;
	}
	const char *eq = memchr(s, '=', len);
	if (*s != '[' && eq == NULL) {
		/* inih would note it and read on; the first error must be this one */
		fail(p, POLICY_ERR_SYNTAX, p->line, "no '='", 0);
		return NULL;
	}
	if (*s == '[') {
		if (len > max) {
			fail(p, POLICY_ERR_SYNTAX, p->line, "line too long", 0);
			return NULL;
		}
		memcpy(buf, s, len);
		buf[len] = '\n';
		buf[len + 1] = '\0';
		return buf;
	}
	const char *ks = s, *ke = eq, *vs = eq + 1, *ve = e;
	text_trim(&ks, &ke);
	text_trim(&vs, &ve);
	if ((size_t)(ke - ks) > 40 || ke == ks) {
		fail(p, POLICY_ERR_SYNTAX, p->line, "bad key", 0);
		return NULL;
	}
	struct stash *nv = grow(p->vals, &p->capvals, p->nvals + 1, sizeof *nv);
	if (nv == NULL) {
		fail(p, POLICY_ERR_NOMEM, p->line, NULL, 0);
		return NULL;
	}
	p->vals = nv;
	p->vals[p->nvals] = (struct stash){vs, (size_t)(ve - vs), p->line};
	size_t k = (size_t)(ke - ks);
	memcpy(buf, ks, k);
	buf[k++] = '=';
	buf[k++] = '\001';
	k += text_utoa(buf + k, p->nvals);
	buf[k++] = '\n';
	buf[k] = '\0';
	p->nvals++;
	return buf;
}

static bool
parse_int(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;
	bool neg = false;
	size_t i = 0;
	if (len > 0 && s[0] == '-') {
		neg = true;
		i = 1;
	}
	if (i == len || len - i > 12)
		return false;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return true;
}

/* "12.5" → 1250 (hundredths); at most two decimals. */
static bool
parse_hundredths(const char *s, size_t len, int64_t *out)
{
	const char *dot = memchr(s, '.', len);
	int64_t whole, frac = 0;
	if (dot == NULL)
		return parse_int(s, len, &whole) && whole >= 0 && (*out = whole * 100, true);
	size_t fl = len - (size_t)(dot - s) - 1;
	if (fl < 1 || fl > 2 || dot == s)
		return false;
	if (!parse_int(s, (size_t)(dot - s), &whole) || whole < 0 || !parse_int(dot + 1, fl, &frac) ||
	    frac < 0 || dot[1] == '-')
		return false;
	*out = whole * 100 + (fl == 1 ? frac * 10 : frac);
	return true;
}

static bool
value_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(s, word, len) == 0;
}

static char *
own(struct parse *p, const char *s, size_t len)
{
	struct pfile *f = p->f;
	char **no = realloc(f->owned, (f->nowned + 1) * sizeof *no);
	char *c = malloc(len + 1);
	if (no == NULL || c == NULL) {
		free(c);
		if (no != NULL)
			f->owned = no;
		fail(p, POLICY_ERR_NOMEM, p->line, NULL, 0);
		return NULL;
	}
	f->owned = no;
	memcpy(c, s, len);
	c[len] = '\0';
	f->owned[f->nowned++] = c;
	return c;
}

static void
set_typed(struct parse *p, struct policy_sec *sec, const struct keydef *kd, int ki, const struct stash *v)
{
	int64_t x;
	if (value_is(v->p, v->len, "unknown")) {
		sec->v[ki] = POLICY_UNKNOWN;
		return;
	}
	switch (kd->type) {
	case V_ACCESS:
		if (value_is(v->p, v->len, "open"))
			sec->v[ki] = POLICY_ACCESS_OPEN;
		else if (value_is(v->p, v->len, "permit"))
			sec->v[ki] = POLICY_ACCESS_PERMIT;
		else if (value_is(v->p, v->len, "hukou"))
			sec->v[ki] = POLICY_ACCESS_HUKOU;
		else
			fail(p, POLICY_ERR_BAD_VALUE, v->line, kd->name, 0);
		return;
	case V_YESNO:
		if (value_is(v->p, v->len, "yes"))
			sec->v[ki] = 1;
		else if (value_is(v->p, v->len, "no"))
			sec->v[ki] = 0;
		else
			fail(p, POLICY_ERR_BAD_VALUE, v->line, kd->name, 0);
		return;
	case V_PERCENT:
		if (v->len < 2 || v->p[v->len - 1] != '%' || !parse_hundredths(v->p, v->len - 1, &x)) {
			fail(p, POLICY_ERR_BAD_VALUE, v->line, kd->name, 0);
			return;
		}
		if (x < kd->min * 100 || x > kd->max * 100) {
			fail_range(p, v->line, kd->name, kd->min, kd->max);
			return;
		}
		sec->v[ki] = x;
		return;
	case V_YUAN:
		if (!parse_hundredths(v->p, v->len, &x)) {
			fail(p, POLICY_ERR_BAD_VALUE, v->line, kd->name, 0);
			return;
		}
		if (x < kd->min * 100 || x > kd->max * 100) {
			fail_range(p, v->line, kd->name, kd->min, kd->max);
			return;
		}
		sec->v[ki] = x;
		return;
	case V_INT:
		if (!parse_int(v->p, v->len, &x)) {
			fail(p, POLICY_ERR_BAD_VALUE, v->line, kd->name, 0);
			return;
		}
		if (x < kd->min || x > kd->max) {
			fail_range(p, v->line, kd->name, kd->min, kd->max);
			return;
		}
		sec->v[ki] = x;
		return;
	}
}

static void
region_key(struct parse *p, const char *name, const struct stash *v)
{
	struct pfile *f = p->f;
	int k;
	for (k = 0; k < R_COUNT; k++)
		if (strcmp(name, region_names[k]) == 0)
			break;
	if (k == R_COUNT) {
		fail(p, POLICY_ERR_UNKNOWN_KEY, v->line, name, 0);
		return;
	}
	if (f->seen_region[k]) {
		fail(p, POLICY_ERR_DUP_KEY, v->line, name, 0);
		return;
	}
	f->seen_region[k] = true;
	f->region_line[k] = v->line;
	if (k == R_CODE || k == R_PARENT) {
		int64_t c;
		if (k == R_PARENT && value_is(v->p, v->len, "none")) {
			f->region.parent = -1;
			return;
		}
		if (v->len != 6 || !parse_int(v->p, v->len, &c) || c < 0) {
			fail(p, POLICY_ERR_BAD_VALUE, v->line, name, 0);
			return;
		}
		if (k == R_CODE)
			f->region.code = (int)c;
		else
			f->region.parent = (int)c;
		return;
	}
	if (v->len == 0 || value_is(v->p, v->len, "unknown")) {
		fail(p, POLICY_ERR_BAD_VALUE, v->line, name, 0);
		return;
	}
	char *s = malloc(v->len + 1);
	if (s == NULL) {
		fail(p, POLICY_ERR_NOMEM, v->line, NULL, 0);
		return;
	}
	memcpy(s, v->p, v->len);
	s[v->len] = '\0';
	f->strings[k] = s;
	if (k == R_NAME_ZH)
		f->region.name_zh = s;
	else if (k == R_NAME_EN)
		f->region.name_en = s;
	else if (k == R_PINYIN)
		f->region.pinyin = s;
	else
		f->region.initials = s;
}

static void
common_key(struct parse *p, struct policy_sec *sec, int k, const struct stash *v)
{
	switch (k) {
	case C_SOURCE:
		if (v->len == 0 || value_is(v->p, v->len, "unknown")) {
			fail(p, POLICY_ERR_NO_SOURCE, v->line, "source", 0);
			return;
		}
		sec->ref.source = own(p, v->p, v->len);
		return;
	case C_CHECKED:
		if (!date_parse(v->p, v->len, &sec->ref.checked))
			fail(p, POLICY_ERR_BAD_DATE, v->line, "checked", 0);
		return;
	case C_UNTIL:
		if (!date_parse(v->p, v->len, &sec->until))
			fail(p, POLICY_ERR_BAD_DATE, v->line, "until", 0);
		else if (date_cmp(sec->until, sec->ref.from) < 0)
			fail(p, POLICY_ERR_BAD_DATE, v->line, "until", 0);
		sec->has_until = true;
		sec->untilk = date_key(sec->until);
		return;
	case C_STATUS:
		if (value_is(v->p, v->len, "verified"))
			sec->ref.verified = true;
		else if (value_is(v->p, v->len, "unverified"))
			sec->ref.verified = false;
		else
			fail(p, POLICY_ERR_BAD_VALUE, v->line, "status", 0);
		return;
	}
}

/* Called by inih for every key; section and value come from file_reader. */
static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	(void)section;
	if (p->code != POLICY_OK)
		return 0;
	/* only the reader's own marker: "\001" and the index of the value */
	size_t idx = 0;
	bool ok = value[0] == '\001' && value[1] != '\0';
	for (const char *c = value + 1; ok && *c; c++) {
		ok = *c >= '0' && *c <= '9' && idx < p->nvals;
		idx = idx * 10 + (size_t)(*c - '0');
	}
	if (!ok || idx >= p->nvals) {
		fail(p, POLICY_ERR_SYNTAX, p->line, name, 0);
		return 0;
	}
	const struct stash *v = &p->vals[idx];
	if (p->in_region < 0) {
		fail(p, POLICY_ERR_NO_REGION, v->line, NULL, 0);
		return 0;
	}
	if (p->in_region) {
		region_key(p, name, v);
		return p->code == POLICY_OK;
	}
	struct policy_sec *sec = p->cur;
	for (int k = 0; k < C_COUNT; k++) {
		if (strcmp(name, common_names[k]) == 0) {
			if (sec->seen_common[k]) {
				fail(p, POLICY_ERR_DUP_KEY, v->line, name, 0);
				return 0;
			}
			sec->seen_common[k] = true;
			common_key(p, sec, k, v);
			return p->code == POLICY_OK;
		}
	}
	const struct kinddef *kd = &kinds[sec->ref.kind];
	for (int k = 0; k < kd->nkeys; k++) {
		if (strcmp(name, kd->keys[k].name) == 0) {
			if (sec->seen[k]) {
				fail(p, POLICY_ERR_DUP_KEY, v->line, name, 0);
				return 0;
			}
			sec->seen[k] = true;
			set_typed(p, sec, &kd->keys[k], k, v);
			return p->code == POLICY_OK;
		}
	}
	fail(p, POLICY_ERR_UNKNOWN_KEY, v->line, name, 0);
	return 0;
}

/* Check that the section just ended has every key it needs. */
static void
close_section(struct parse *p)
{
	struct pfile *f = p->f;
	if (p->in_region == 1) {
		for (int k = 0; k < R_COUNT; k++)
			if (!f->seen_region[k]) {
				fail(p, POLICY_ERR_MISSING_KEY, f->region_line[R_COUNT], region_names[k], 0);
				return;
			}
	} else if (p->in_region == 0) {
		struct policy_sec *sec = p->cur;
		for (int k = 0; k < C_COUNT; k++) {
			if (k == C_UNTIL || sec->seen_common[k])
				continue;
			fail(p, k == C_SOURCE ? POLICY_ERR_NO_SOURCE : POLICY_ERR_MISSING_KEY, sec->ref.line,
			     common_names[k], 0);
			return;
		}
		const struct kinddef *kd = &kinds[sec->ref.kind];
		for (int k = 0; k < kd->nkeys; k++)
			if (!sec->seen[k]) {
				fail(p, POLICY_ERR_MISSING_KEY, sec->ref.line, kd->keys[k].name, 0);
				return;
			}
	}
}

/* A section header line: [region] or [KIND YYYY-MM-DD]. Called by the
 * header scan before inih sees the line. */
static void
open_section(struct parse *p, const char *s, size_t len, int line)
{
	close_section(p);
	if (p->code != POLICY_OK)
		return;
	for (size_t i = 0; i < p->nheaders; i++)
		if (strlen(p->headers[i]) == len && memcmp(p->headers[i], s, len) == 0) {
			fail(p, POLICY_ERR_DUP_SECTION, line, s, len);
			return;
		}
	if (len >= sizeof p->headers[0]) {
		fail(p, POLICY_ERR_BAD_SECTION, line, s, len);
		return;
	}
	char (*nh)[48] = grow(p->headers, &p->capheaders, p->nheaders + 1, sizeof *nh);
	if (nh == NULL) {
		fail(p, POLICY_ERR_NOMEM, line, NULL, 0);
		return;
	}
	p->headers = nh;
	memcpy(p->headers[p->nheaders], s, len);
	p->headers[p->nheaders++][len] = '\0';

	if (value_is(s, len, "region")) {
		if (p->in_region != -1) {
			fail(p, POLICY_ERR_NO_REGION, line, s, len);
			return;
		}
		p->in_region = 1;
		p->f->region_line[R_COUNT] = line;
		return;
	}
	if (p->in_region == -1) {
		fail(p, POLICY_ERR_NO_REGION, line, s, len);
		return;
	}
	const char *sp = memchr(s, ' ', len);
	int kind;
	if (sp == NULL) {
		fail(p, POLICY_ERR_BAD_SECTION, line, s, len);
		return;
	}
	for (kind = 0; kind < POLICY_KIND_COUNT; kind++)
		if (value_is(s, (size_t)(sp - s), kinds[kind].name))
			break;
	if (kind == POLICY_KIND_COUNT) {
		fail(p, POLICY_ERR_BAD_SECTION, line, s, len);
		return;
	}
	struct date from;
	if (!date_parse(sp + 1, len - (size_t)(sp + 1 - s), &from)) {
		fail(p, POLICY_ERR_BAD_DATE, line, s, len);
		return;
	}
	struct pfile *f = p->f;
	struct policy_sec *ns = grow(f->secs, &f->cap, f->nsecs + 1, sizeof *ns);
	if (ns == NULL) {
		fail(p, POLICY_ERR_NOMEM, line, NULL, 0);
		return;
	}
	f->secs = ns;
	struct policy_sec *sec = &f->secs[f->nsecs++];
	memset(sec, 0, sizeof *sec);
	sec->ref.file = f->name;
	sec->ref.line = line;
	sec->ref.kind = (enum policy_kind)kind;
	sec->ref.from = from;
	sec->fromk = date_key(from);
	p->in_region = 0;
	p->cur = sec; /* fixed up after parsing: secs may move */
}

static void
pfile_free(struct pfile *f)
{
	if (f == NULL)
		return;
	for (int k = 0; k < R_COUNT; k++)
		free(f->strings[k]);
	for (size_t i = 0; i < f->nowned; i++)
		free(f->owned[i]);
	for (int k = 0; k < POLICY_KIND_COUNT; k++)
		free(f->by_kind[k]);
	free(f->owned);
	free(f->secs);
	free(f->name);
	free(f);
}

/* inih reads line by line through file_reader; headers are opened there
 * too, so that p->cur is right when inih calls the handler. */
static char *
header_reader(char *buf, int num, void *stream)
{
	struct parse *p = stream;
	char *r = file_reader(buf, num, stream);
	if (r != NULL && buf[0] == '[') {
		char *close = strchr(buf, ']');
		if (close == NULL || close[1] != '\n') {
			fail(p, POLICY_ERR_BAD_SECTION, p->line, buf, strcspn(buf, "\n"));
			return NULL;
		}
		open_section(p, buf + 1, (size_t)(close - buf - 1), p->line);
		if (p->code != POLICY_OK)
			return NULL;
	}
	return r;
}

static int
cmp_date_secs(const struct policy_sec *a, const struct policy_sec *b)
{
	return date_cmp(a->ref.from, b->ref.from);
}

/* Index sections by kind, in date order; a later section must not start on
 * the same day as an earlier one of its kind. */
static void
index_kinds(struct parse *p)
{
	struct pfile *f = p->f;
	for (int k = 0; k < POLICY_KIND_COUNT; k++) {
		size_t n = 0;
		for (size_t i = 0; i < f->nsecs; i++)
			n += f->secs[i].ref.kind == (enum policy_kind)k;
		if (n == 0)
			continue;
		f->by_kind[k] = malloc(n * sizeof(size_t));
		if (f->by_kind[k] == NULL) {
			fail(p, POLICY_ERR_NOMEM, 0, NULL, 0);
			return;
		}
		for (size_t i = 0; i < f->nsecs; i++)
			if (f->secs[i].ref.kind == (enum policy_kind)k)
				f->by_kind[k][f->nby_kind[k]++] = i;
		/* insertion sort by date: a handful of sections */
		size_t *a = f->by_kind[k];
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && cmp_date_secs(&f->secs[a[j - 1]], &f->secs[a[j]]) > 0; j--) {
				size_t t = a[j];
				a[j] = a[j - 1];
				a[j - 1] = t;
			}
	}
}

static bool
name_matches_code(const char *name, int code)
{
	char want[7];
	int c = code;
	for (int i = 5; i >= 0; i--) {
		want[i] = (char)('0' + c % 10);
		c /= 10;
	}
	size_t n = strlen(name);
	return n > 11 && memcmp(name, want, 6) == 0 && name[6] == '-' && strcmp(name + n - 4, ".ini") == 0;
}

enum policy_errcode
policy_set_add(struct policy_set *ps, const char *name, const char *text, size_t len,
	       struct policy_error *err)
{
	struct parse p = {0};
	struct pfile *f = calloc(1, sizeof *f);
	if (text == NULL)
		text = "", len = 0;
	size_t nlen = strlen(name);
	if (err != NULL)
		memset(err, 0, sizeof *err);
	p.err = err;
	p.in_region = -1;
	if (f == NULL || (f->name = malloc(nlen + 1)) == NULL) {
		pfile_free(f);
		if (err != NULL)
			err->code = POLICY_ERR_NOMEM;
		return POLICY_ERR_NOMEM;
	}
	memcpy(f->name, name, nlen + 1);
	f->region.parent = -1;
	f->region.code = -1;
	p.f = f;
	p.text = p.pos = text;
	p.end = text + len;

	int r = ini_parse_stream(header_reader, &p, handler, &p);
	if (p.code == POLICY_OK && r != 0)
		fail(&p, r == -2 ? POLICY_ERR_NOMEM : POLICY_ERR_SYNTAX, r, NULL, 0);
	if (p.code == POLICY_OK) {
		if (p.in_region == -1)
			fail(&p, POLICY_ERR_NO_REGION, 1, NULL, 0);
		else
			close_section(&p);
	}
	if (p.code == POLICY_OK && !name_matches_code(name, f->region.code))
		fail(&p, POLICY_ERR_FILE_NAME, f->region_line[R_CODE], "code", 0);
	if (p.code == POLICY_OK)
		index_kinds(&p);
	if (p.code == POLICY_OK) {
		for (size_t i = 0; i < f->nsecs; i++)
			f->secs[i].ref.region = f->region.code;
		f->region.file = f->name;
	}
	if (p.code == POLICY_OK) {
		/* replace a file of the same region, or insert in code order */
		size_t i = 0;
		while (i < ps->n && ps->files[i]->region.code < f->region.code)
			i++;
		if (i < ps->n && ps->files[i]->region.code == f->region.code) {
			pfile_free(ps->files[i]);
			ps->files[i] = f;
			f = NULL;
		} else {
			struct pfile **nf = grow(ps->files, &ps->cap, ps->n + 1, sizeof *nf);
			if (nf == NULL) {
				fail(&p, POLICY_ERR_NOMEM, 0, NULL, 0);
			} else {
				ps->files = nf;
				memmove(ps->files + i + 1, ps->files + i, (ps->n - i) * sizeof *nf);
				ps->files[i] = f;
				ps->n++;
				f = NULL;
			}
		}
	}
	pfile_free(f);
	free(p.vals);
	free(p.headers);
	return p.code;
}

struct policy_set *
policy_set_new(void)
{
	return calloc(1, sizeof(struct policy_set));
}

void
policy_set_free(struct policy_set *ps)
{
	if (ps == NULL)
		return;
	for (size_t i = 0; i < ps->n; i++)
		pfile_free(ps->files[i]);
	free(ps->files);
	free(ps);
}

static const struct pfile *
find_file(const struct policy_set *ps, int code)
{
	size_t lo = 0, hi = ps->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = ps->files[mid]->region.code;
		if (c == code)
			return ps->files[mid];
		if (c < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

enum policy_errcode
policy_set_finish(struct policy_set *ps, struct policy_error *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
	if (find_file(ps, POLICY_NATIONAL) == NULL) {
		if (err != NULL) {
			err->code = POLICY_ERR_NO_NATIONAL;
			text_copy(err->file, sizeof err->file, "000000-national.ini", 19);
		}
		return POLICY_ERR_NO_NATIONAL;
	}
	for (size_t i = 0; i < ps->n; i++) {
		const struct pfile *f = ps->files[i];
		int steps = 0;
		for (int c = f->region.parent; c != -1; steps++) {
			const struct pfile *pf = find_file(ps, c);
			if (pf == NULL || steps > 4 || c == f->region.code) {
				if (err != NULL) {
					err->code = POLICY_ERR_PARENT;
					text_copy(err->file, sizeof err->file, f->name, strlen(f->name));
					text_copy(err->detail, sizeof err->detail, "parent", 6);
					err->line = f->region_line[R_PARENT];
				}
				return POLICY_ERR_PARENT;
			}
			c = pf->region.parent;
		}
	}
	return POLICY_OK;
}

size_t
policy_set_region_count(const struct policy_set *ps)
{
	return ps->n;
}

const struct policy_region *
policy_set_region_at(const struct policy_set *ps, size_t i)
{
	return i < ps->n ? &ps->files[i]->region : NULL;
}

const struct policy_region *
policy_set_region(const struct policy_set *ps, int code)
{
	const struct pfile *f = find_file(ps, code);
	return f ? &f->region : NULL;
}

void
policy_set_stats(const struct policy_set *ps, struct policy_stats *out)
{
	memset(out, 0, sizeof *out);
	out->regions = ps->n;
	for (size_t i = 0; i < ps->n; i++) {
		const struct pfile *f = ps->files[i];
		out->sections += f->nsecs;
		for (size_t s = 0; s < f->nsecs; s++) {
			const struct policy_sec *sec = &f->secs[s];
			out->unverified += !sec->ref.verified;
			for (int k = 0; k < kinds[sec->ref.kind].nkeys; k++)
				out->unknown += sec->v[k] == POLICY_UNKNOWN;
		}
	}
}

static const struct policy_sec *
file_section(const struct pfile *f, enum policy_kind kind, int32_t on)
{
	const struct policy_sec *best = NULL;
	for (size_t i = 0; i < f->nby_kind[kind]; i++) {
		const struct policy_sec *s = &f->secs[f->by_kind[kind][i]];
		if (s->fromk > on)
			break;
		best = s;
	}
	if (best != NULL && best->has_until && on > best->untilk)
		return NULL;
	return best;
}

const struct policy_ref *
policy_section(const struct policy_set *ps, int region, enum policy_kind kind, struct date on)
{
	const struct pfile *f = find_file(ps, region);
	const struct policy_sec *s = f ? file_section(f, kind, date_key(on)) : NULL;
	return s ? &s->ref : NULL;
}

void
policy_view_init(struct policy_view *v, const struct policy_set *ps, int region, struct date on)
{
	v->ps = ps;
	v->on = date_key(on);
	v->nfiles = 0;
	memset(v->len, -1, sizeof v->len);
	const struct pfile *f = find_file(ps, region);
	while (f != NULL && v->nfiles < POLICY_VIEW_DEPTH) {
		v->files[v->nfiles++] = f;
		if (f->region.code == POLICY_NATIONAL)
			break;
		f = find_file(ps, f->region.parent != -1 ? f->region.parent : POLICY_NATIONAL);
	}
}

int64_t
policy_view_value(struct policy_view *v, enum policy_kind kind, int key, const struct policy_ref **ref)
{
	if (v->len[kind] < 0) {
		int n = 0;
		for (int i = 0; i < v->nfiles; i++) {
			const struct policy_sec *s = file_section(v->files[i], kind, v->on);
			if (s != NULL)
				v->chain[kind][n++] = s;
		}
		v->len[kind] = (signed char)n;
	}
	for (int i = 0; i < v->len[kind]; i++) {
		const struct policy_sec *s = v->chain[kind][i];
		if (s->v[key] != POLICY_UNKNOWN) {
			if (ref != NULL)
				*ref = &s->ref;
			return s->v[key];
		}
	}
	if (ref != NULL)
		*ref = v->len[kind] > 0 ? &v->chain[kind][0]->ref : NULL;
	return POLICY_UNKNOWN;
}

int64_t
policy_value(const struct policy_set *ps, int region, enum policy_kind kind, int key, struct date on,
	     const struct policy_ref **ref)
{
	struct policy_view v;
	policy_view_init(&v, ps, region, on);
	return policy_view_value(&v, kind, key, ref);
}

const char *
policy_kind_name(enum policy_kind kind)
{
	return (unsigned)kind < POLICY_KIND_COUNT ? kinds[kind].name : "";
}

const char *
policy_key_name(enum policy_kind kind, int key)
{
	if ((unsigned)kind >= POLICY_KIND_COUNT || key < 0 || key >= kinds[kind].nkeys)
		return "";
	return kinds[kind].keys[key].name;
}

/* Generated from the files of core/policy by embed.py. */
struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file policy_builtin[];
extern const size_t policy_builtin_count;

enum policy_errcode
policy_set_add_builtin(struct policy_set *ps, struct policy_error *err)
{
	for (size_t i = 0; i < policy_builtin_count; i++) {
		const struct embedded_file *f = &policy_builtin[i];
		enum policy_errcode c = policy_set_add(ps, f->name, (const char *)f->data, f->len, err);
		if (c != POLICY_OK)
			return c;
	}
	return POLICY_OK;
}
