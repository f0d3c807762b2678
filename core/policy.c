/* policy.c -- loads dated, cited YAML policy files from memory and looks values up by date */
#include "policy.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "region_table.h"
#include "text.h"

struct keydef {
	const char *name;
	enum policy_vtype type;
	int64_t min, max; /* in the unit written in the file */
};

struct kinddef {
	const char *name;
	struct keydef keys[POLICY_MAX_KEYS];
	int nkeys;
};

#define T_ACCESS POLICY_T_ACCESS
#define T_YESNO POLICY_T_YESNO
#define T_PERCENT POLICY_T_PERCENT
#define T_YUAN POLICY_T_YUAN
#define T_INT POLICY_T_INT
#define T_DATE POLICY_T_DATE
#define T_TEXT POLICY_T_TEXT

/* The schema of core/policy/README.md, one row per kind. */
static const struct kinddef kinds[POLICY_KIND_COUNT] = {
    [POLICY_ACCESS] = {"access",
                       {
                           [POLICY_ACCESS_EMPLOYEE] = {"employee", T_ACCESS, 0, 0},
                           [POLICY_ACCESS_RESIDENT] = {"resident", T_ACCESS, 0, 0},
                           [POLICY_ACCESS_AGE_MIN] = {"age_min", T_INT, 14, 30},
                           [POLICY_ACCESS_AGE_MAX_MALE] = {"age_max_male", T_INT, 40, 70},
                           [POLICY_ACCESS_AGE_MAX_FEMALE] = {"age_max_female", T_INT, 40, 70},
                       },
                       5},
    [POLICY_EMPLOYEE] = {"employee",
                         {
                             [POLICY_EMPLOYEE_RATE] = {"rate", T_PERCENT, 0, 30},
                             [POLICY_EMPLOYEE_BASE_FLOOR] = {"base_floor", T_YUAN, 0, 100000},
                             [POLICY_EMPLOYEE_BASE_CEILING] = {"base_ceiling", T_YUAN, 0, 200000},
                             [POLICY_EMPLOYEE_ANNUAL_FIXED] = {"annual_fixed", T_YUAN, 0, 100000},
                             [POLICY_EMPLOYEE_PENSION_BUNDLED] = {"pension_bundled", T_YESNO, 0, 0},
                             [POLICY_EMPLOYEE_PENSION_RATE] = {"pension_rate", T_PERCENT, 0, 30},
                             [POLICY_EMPLOYEE_PERSONAL_ACCOUNT] = {"personal_account", T_YESNO, 0, 0},
                             [POLICY_EMPLOYEE_BASE_FIXED] = {"base_fixed", T_YUAN, 0, 100000},
                             [POLICY_EMPLOYEE_BASE_FLOOR_PCT] = {"base_floor_pct", T_PERCENT, 0, 1000},
                             [POLICY_EMPLOYEE_BASE_CEILING_PCT] = {"base_ceiling_pct", T_PERCENT, 0, 1000},
                             [POLICY_EMPLOYEE_BASE_WAGE] = {"base_wage", T_TEXT, 0, 0},
                             [POLICY_EMPLOYEE_MONTHLY_FIXED] = {"monthly_fixed", T_YUAN, 0, 20000},
                             [POLICY_EMPLOYEE_ADDON_MONTHLY] = {"addon_monthly", T_YUAN, 0, 2000},
                             [POLICY_EMPLOYEE_ADDON_ANNUAL] = {"addon_annual", T_YUAN, 0, 10000},
                             [POLICY_EMPLOYEE_ADDON_RATE] = {"addon_rate", T_PERCENT, 0, 10},
                             [POLICY_EMPLOYEE_ADDON_NAME] = {"addon_name", T_TEXT, 0, 0},
                         },
                         16},
    [POLICY_RESIDENT] = {"resident",
                         {
                             [POLICY_RESIDENT_PREMIUM] = {"premium", T_YUAN, 0, 10000},
                             [POLICY_RESIDENT_SUBSIDY] = {"subsidy", T_YUAN, 0, 10000},
                             [POLICY_RESIDENT_MINIMUM] = {"minimum", T_YESNO, 0, 0},
                             [POLICY_RESIDENT_WINDOW_FROM] = {"window_from", T_DATE, 0, 0},
                             [POLICY_RESIDENT_WINDOW_TO] = {"window_to", T_DATE, 0, 0},
                             [POLICY_RESIDENT_PERSONAL_ACCOUNT] = {"personal_account", T_YESNO, 0, 0},
                         },
                         6},
    [POLICY_BENEFITS] =
        {"benefits",
         {
             [POLICY_BENEFITS_INPATIENT_EMPLOYEE] = {"inpatient_employee", T_PERCENT, 0, 100},
             [POLICY_BENEFITS_INPATIENT_RESIDENT] = {"inpatient_resident", T_PERCENT, 0, 100},
             [POLICY_BENEFITS_AVERAGE] = {"average", T_YESNO, 0, 0},
             [POLICY_BENEFITS_FAMILY_SHARING] = {"family_sharing", T_YESNO, 0, 0},
             [POLICY_BENEFITS_DEDUCTIBLE_EMPLOYEE] = {"deductible_employee", T_YUAN, 0, 10000},
             [POLICY_BENEFITS_DEDUCTIBLE_RESIDENT] = {"deductible_resident", T_YUAN, 0, 10000},
             [POLICY_BENEFITS_CAP_EMPLOYEE] = {"cap_employee", T_YUAN, 0, 10000000},
             [POLICY_BENEFITS_CAP_RESIDENT] = {"cap_resident", T_YUAN, 0, 10000000},
         },
         8},
    [POLICY_RETIREMENT] = {"retirement",
                           {
                               [POLICY_RETIREMENT_YEARS_MALE] = {"years_male", T_INT, 0, 40},
                               [POLICY_RETIREMENT_YEARS_FEMALE] = {"years_female", T_INT, 0, 40},
                               [POLICY_RETIREMENT_REFORM] = {"reform", T_YESNO, 0, 0},
                               [POLICY_RETIREMENT_YEARS_ACTUAL_MIN] = {"years_actual_min", T_INT, 0, 40},
                               [POLICY_RETIREMENT_YEARS_LOCAL_MIN] = {"years_local_min", T_INT, 0, 40},
                               [POLICY_RETIREMENT_LUMP_SUM] = {"lump_sum", T_YESNO, 0, 0},
                           },
                           6},
    [POLICY_WAITING] = {"waiting",
                        {
                            [POLICY_WAITING_FIXED] = {"fixed", T_INT, 0, 12},
                            [POLICY_WAITING_PER_YEAR] = {"per_year", T_INT, 0, 12},
                            [POLICY_WAITING_FLOOR] = {"floor", T_INT, 0, 12},
                            [POLICY_WAITING_FLOOR_YEARS] = {"floor_years", T_INT, 1, 20},
                            [POLICY_WAITING_EMPLOYEE_NEW] = {"employee_new", T_INT, 0, 12},
                        },
                        5},
    [POLICY_TRANSFER] = {"transfer",
                         {
                             [POLICY_TRANSFER_GAP_MAX] = {"gap_max", T_INT, 0, 12},
                             [POLICY_TRANSFER_CONTINUOUS_YEARS] = {"continuous_years", T_INT, 0, 10},
                             [POLICY_TRANSFER_LOCAL_MAX] = {"local_max", T_INT, 0, 12},
                             [POLICY_TRANSFER_LOCAL] = {"local", T_INT, 0, 12},
                         },
                         4},
    [POLICY_REMOTE_CARE] = {"remote_care",
                            {
                                [POLICY_REMOTE_CARE_FILING] = {"filing", T_YESNO, 0, 0},
                            },
                            1},
    [POLICY_SCOPE] = {"scope",
                      {
                          [POLICY_SCOPE_INDIVIDUAL_EMPLOYEE] = {"individual_employee", T_YESNO, 0, 0},
                          [POLICY_SCOPE_RESIDENT_CHOICE] = {"resident_choice", T_YESNO, 0, 0},
                          [POLICY_SCOPE_EMPLOYER_INSURES] = {"employer_insures", T_YESNO, 0, 0},
                      },
                      3},
    [POLICY_WAGE] = {"wage",
                     {
                         [POLICY_WAGE_AVERAGE_MONTHLY] = {"average_monthly", T_YUAN, 0, 100000},
                         [POLICY_WAGE_SCOPE] = {"wage_scope", T_TEXT, 0, 0},
                     },
                     2},
    [POLICY_ENROL] = {"enrol",
                      {
                          [POLICY_ENROL_EMPLOYEE_WHERE] = {"employee_where", T_TEXT, 0, 0},
                          [POLICY_ENROL_RESIDENT_WHERE] = {"resident_where", T_TEXT, 0, 0},
                          [POLICY_ENROL_EMPLOYEE_PAYMENT] = {"employee_payment", T_TEXT, 0, 0},
                          [POLICY_ENROL_HOTLINE] = {"hotline", T_TEXT, 0, 0},
                      },
                      4},
    [POLICY_PROJECT] = {"project",
                        {
                            [POLICY_PROJECT_BURDEN_SHARE] = {"burden_share", T_PERCENT, 1, 100},
                            [POLICY_PROJECT_SHORT_STAY_YEARS] = {"short_stay_years", T_INT, 1, 10},
                        },
                        2},
};

static const char *const confidence_names[] = {"verified", "secondary", "unverified", "derived"};

/* Limits that keep a hostile file (or YAML aliases) from costing more than
 * a real one ever could. */
#define MAX_DOCS 128
#define MAX_SECTIONS 256
#define MAX_FACTS 32
#define MAX_READ_AT 16

/* Everything a file owns lives in its arena: pointers stay put while the
 * file is parsed, and one walk frees it. */
struct ablock {
	struct ablock *next;
	size_t used, cap;
	max_align_t data[];
};

struct pval {
	int64_t v;                    /* POLICY_UNKNOWN when not given */
	bool stop;                    /* written `unknown`: earlier values of the file no longer hold */
	const char *t;                /* text values */
	const struct policy_ref *ref; /* the value's own reference, or its section's */
};

struct ptier {
	const char *name_zh, *name_en;
	struct policy_ref ref;
	struct pval vals[POLICY_MAX_KEYS];
};

struct pfact {
	const char *text;
	const struct policy_ref *ref;
};

struct policy_sec {
	struct policy_ref ref;
	const struct pfile *owner;
	int32_t fromk, untilk; /* untilk is INT32_MAX without until */
	struct pval vals[POLICY_MAX_KEYS];
	struct ptier *tiers;
	int ntiers, dtier;
	struct pfact *facts;
	size_t nfacts;
};

struct pfile {
	const char *name;
	int code;
	struct ablock *arena;
	struct policy_doc *docs;
	size_t ndocs;
	struct policy_sec **secs; /* file order */
	size_t nsecs;
	/* sections of each kind in date order, as indices into secs */
	size_t *by_kind[POLICY_KIND_COUNT];
	size_t nby_kind[POLICY_KIND_COUNT];
	/* the last known value of each key (default tier) as of each of them:
	 * [i * POLICY_MAX_KEYS + key] is the value of the latest of sections
	 * 0..i giving it, NULL where one of them after it says `unknown` (stop)
	 * or none gives it. Made once, when the file is read. */
	const struct pval **carry[POLICY_KIND_COUNT];
};

/* Region codes a region index covers: six digits, multiples of 100 (the
 * nation, provinces and prefectures; counties are aliases). */
#define REGION_SLOTS 10000

struct policy_set {
	struct policy_region *regions; /* [0] the nation, then the table in code order */
	size_t nregions;
	/* code / 100 -> index in regions + 1 (0: none), for the codes it covers:
	 * every row of a batch asks for two or three regions */
	uint16_t *by_code;
	struct pfile **files; /* sorted by region code */
	size_t n, cap;
};

static void *
arena_alloc(struct pfile *f, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	struct ablock *b = f->arena;
	if (b == NULL || b->cap - b->used < size) {
		size_t cap = size > 16384 ? size : 16384;
		struct ablock *nb = malloc(sizeof *nb + cap);
		if (nb == NULL)
			return NULL;
		nb->next = b;
		nb->used = 0;
		nb->cap = cap;
		f->arena = nb;
		b = nb;
	}
	void *p = (unsigned char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

static void
pfile_free(struct pfile *f)
{
	if (f == NULL)
		return;
	struct ablock *b = f->arena;
	while (b != NULL) {
		struct ablock *n = b->next;
		free(b);
		b = n;
	}
	free(f);
}

struct parse {
	struct pfile *f;
	yaml_document_t *doc;
	struct policy_error *err;
	enum policy_errcode code;
	int kind; /* of the section being read, -1 outside one */
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
	if (p->f != NULL && p->f->name != NULL)
		text_copy(p->err->file, sizeof p->err->file, p->f->name, strlen(p->f->name));
	text_copy(p->err->detail, sizeof p->err->detail, detail ? detail : "",
	          detail ? (dlen ? dlen : strlen(detail)) : 0);
}

static void
fail_range(struct parse *p, int line, const char *key, int64_t min, int64_t max)
{
	bool first = p->code == POLICY_OK;
	fail(p, POLICY_ERR_RANGE, line, key, 0);
	if (first && p->err != NULL) {
		p->err->min = min;
		p->err->max = max;
	}
}

static int
line_of(const yaml_node_t *n)
{
	return n != NULL ? (int)n->start_mark.line + 1 : 0;
}

static yaml_node_t *
node(struct parse *p, yaml_node_item_t i)
{
	return yaml_document_get_node(p->doc, i);
}

static bool
is_scalar(const yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SCALAR_NODE;
}

static const char *
sval(const yaml_node_t *n, size_t *len)
{
	*len = n->data.scalar.length;
	return (const char *)n->data.scalar.value;
}

static bool
scalar_is(const yaml_node_t *n, const char *word)
{
	size_t len;
	const char *s = sval(n, &len);
	return strlen(word) == len && memcmp(s, word, len) == 0;
}

/* Characters no value may hold: C0 and C1 controls, DEL, and the bidi
 * controls that reorder what a terminal shows. A folded scalar's line
 * breaks become spaces before this check. */
static bool
is_forbidden(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* A copy of a scalar in the arena: surrounding blanks trimmed, line breaks
 * made spaces; NULL (with an error) for a forbidden character. */
static const char *
own_text(struct parse *p, const yaml_node_t *n, const char *what)
{
	size_t len;
	const char *s = sval(n, &len);
	const char *e = s + len;
	text_trim(&s, &e);
	len = (size_t)(e - s);
	char *c = arena_alloc(p->f, len + 1);
	if (c == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(n), NULL, 0);
		return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_next(s + i, len - i, &cp);
		if (k == 0) {
			fail(p, POLICY_ERR_SYNTAX, line_of(n), "invalid UTF-8", 0);
			return NULL;
		}
		if (cp == '\n' || cp == '\r' || cp == '\t') {
			if (o > 0 && c[o - 1] != ' ')
				c[o++] = ' ';
		} else if (is_forbidden(cp)) {
			fail(p, POLICY_ERR_CONTROL, line_of(n), what, 0);
			return NULL;
		} else {
			memcpy(c + o, s + i, k);
			o += k;
		}
		i += k;
	}
	c[o] = '\0';
	return c;
}

static bool
parse_int(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;
	if (len == 0 || len > 12)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* "12.5" → 1250 (hundredths); at most two decimals, no sign. */
static bool
parse_hundredths(const char *s, size_t len, int64_t *out)
{
	const char *dot = memchr(s, '.', len);
	int64_t whole, frac = 0;
	if (dot == NULL)
		return parse_int(s, len, &whole) && (*out = whole * 100, true);
	size_t fl = len - (size_t)(dot - s) - 1;
	if (fl < 1 || fl > 2 || dot == s)
		return false;
	if (!parse_int(s, (size_t)(dot - s), &whole) || !parse_int(dot + 1, fl, &frac))
		return false;
	*out = whole * 100 + (fl == 1 ? frac * 10 : frac);
	return true;
}

static bool
parse_date_node(const yaml_node_t *n, struct date *d)
{
	size_t len;
	const char *s;
	if (!is_scalar(n))
		return false;
	s = sval(n, &len);
	return date_parse(s, len, d);
}

/* A document's date: YYYY, YYYY-MM or YYYY-MM-DD. */
static bool
doc_date_ok(const char *s)
{
	size_t n = strlen(s);
	struct date d;
	if (n == 10)
		return date_parse(s, n, &d);
	if (n != 4 && n != 7)
		return false;
	for (size_t i = 0; i < n; i++)
		if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	int m = n == 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
	return m >= 1 && m <= 12;
}

/* Iterate a mapping's pairs with a table of allowed keys: a bit per key
 * seen, so duplicates and unknown keys are errors at their line. Returns the
 * index of the key in names, or -1 after an error. */
static int
map_key(struct parse *p, const yaml_node_t *k, const char *const *names, int n, unsigned *seen)
{
	if (!is_scalar(k)) {
		fail(p, POLICY_ERR_SYNTAX, line_of(k), "bad key", 0);
		return -1;
	}
	size_t len;
	const char *s = sval(k, &len);
	for (int i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
			if (*seen & (1u << i)) {
				fail(p, POLICY_ERR_DUP_KEY, line_of(k), s, len);
				return -1;
			}
			*seen |= 1u << i;
			return i;
		}
	fail(p, POLICY_ERR_UNKNOWN_KEY, line_of(k), s, len);
	return -1;
}

static bool
want(struct parse *p, const yaml_node_t *n, yaml_node_type_t t, const char *what)
{
	if (n != NULL && n->type == t)
		return true;
	fail(p, POLICY_ERR_BAD_VALUE, line_of(n), what, 0);
	return false;
}

static const struct policy_doc *
find_doc(const struct pfile *f, const char *s, size_t len)
{
	for (size_t i = 0; i < f->ndocs; i++)
		if (strlen(f->docs[i].id) == len && memcmp(f->docs[i].id, s, len) == 0)
			return &f->docs[i];
	return NULL;
}

/* sources: [id, …] into ref->docs, with the joined citations. */
static void
parse_sources(struct parse *p, const yaml_node_t *n, struct policy_ref *ref)
{
	if (!want(p, n, YAML_SEQUENCE_NODE, "sources"))
		return;
	ref->ndocs = 0;
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		const yaml_node_t *d = node(p, *it);
		size_t len;
		if (!is_scalar(d)) {
			fail(p, POLICY_ERR_BAD_VALUE, line_of(d), "sources", 0);
			return;
		}
		const char *s = sval(d, &len);
		const struct policy_doc *doc = find_doc(p->f, s, len);
		if (doc == NULL) {
			fail(p, POLICY_ERR_UNKNOWN_DOC, line_of(d), s, len);
			return;
		}
		/* the project's own lines rest on its own documents only, and no
		 * rule of law may be passed off as resting on them */
		if (doc->own != (p->kind == POLICY_PROJECT)) {
			fail(p, POLICY_ERR_OWN_DOC, line_of(d), s, len);
			return;
		}
		if (ref->ndocs == (int)(sizeof ref->docs / sizeof ref->docs[0])) {
			fail(p, POLICY_ERR_BAD_VALUE, line_of(d), "sources", 0);
			return;
		}
		ref->docs[ref->ndocs++] = doc;
	}
	if (ref->ndocs == 0) {
		fail(p, POLICY_ERR_NO_SOURCE, line_of(n), "sources", 0);
		return;
	}
	size_t cl = 0, rl = 0;
	for (int i = 0; i < ref->ndocs; i++) {
		cl += strlen(ref->docs[i]->cite) + 4;
		rl += strlen(ref->docs[i]->read_at) + 3;
	}
	char *c = arena_alloc(p->f, cl + 1), *r = arena_alloc(p->f, rl + 1);
	if (c == NULL || r == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(n), NULL, 0);
		return;
	}
	for (int i = 0; i < ref->ndocs; i++) {
		if (i > 0)
			strcat(c, "；");
		strcat(c, ref->docs[i]->cite);
		if (ref->docs[i]->read_at[0] != '\0') {
			if (r[0] != '\0')
				strcat(r, "; ");
			strcat(r, ref->docs[i]->read_at);
		}
	}
	ref->source = c;
	ref->read_at = r;
	ref->own = p->kind == POLICY_PROJECT;
}

static bool
parse_confidence(struct parse *p, const yaml_node_t *n, enum policy_confidence *out)
{
	if (is_scalar(n))
		for (int i = 0; i < 4; i++)
			if (scalar_is(n, confidence_names[i])) {
				*out = (enum policy_confidence)i;
				return true;
			}
	fail(p, POLICY_ERR_BAD_VALUE, line_of(n), "confidence", 0);
	return false;
}

/* One typed value of kind into *pv. */
static void
set_typed(struct parse *p, const yaml_node_t *n, enum policy_kind kind, int key, struct pval *pv)
{
	const struct keydef *kd = &kinds[kind].keys[key];
	int64_t x;
	size_t len;
	if (!is_scalar(n)) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(n), kd->name, 0);
		return;
	}
	const char *s = sval(n, &len);
	int line = line_of(n);
	if (scalar_is(n, "unknown")) {
		pv->v = POLICY_UNKNOWN;
		pv->stop = true;
		return;
	}
	switch (kd->type) {
	case T_ACCESS:
		if (scalar_is(n, "open"))
			pv->v = POLICY_ACCESS_OPEN;
		else if (scalar_is(n, "permit"))
			pv->v = POLICY_ACCESS_PERMIT;
		else if (scalar_is(n, "hukou"))
			pv->v = POLICY_ACCESS_HUKOU;
		else
			fail(p, POLICY_ERR_BAD_VALUE, line, kd->name, 0);
		return;
	case T_YESNO:
		if (scalar_is(n, "yes"))
			pv->v = 1;
		else if (scalar_is(n, "no"))
			pv->v = 0;
		else
			fail(p, POLICY_ERR_BAD_VALUE, line, kd->name, 0);
		return;
	case T_PERCENT:
	case T_YUAN:
		if (kd->type == T_PERCENT && (len < 2 || s[len - 1] != '%')) {
			fail(p, POLICY_ERR_BAD_VALUE, line, kd->name, 0);
			return;
		}
		if (!parse_hundredths(s, kd->type == T_PERCENT ? len - 1 : len, &x)) {
			fail(p, POLICY_ERR_BAD_VALUE, line, kd->name, 0);
			return;
		}
		if (x < kd->min * 100 || x > kd->max * 100) {
			fail_range(p, line, kd->name, kd->min, kd->max);
			return;
		}
		pv->v = x;
		return;
	case T_INT:
		if (!parse_int(s, len, &x)) {
			fail(p, POLICY_ERR_BAD_VALUE, line, kd->name, 0);
			return;
		}
		if (x < kd->min || x > kd->max) {
			fail_range(p, line, kd->name, kd->min, kd->max);
			return;
		}
		pv->v = x;
		return;
	case T_DATE: {
		struct date d;
		if (!date_parse(s, len, &d)) {
			fail(p, POLICY_ERR_BAD_DATE, line, kd->name, 0);
			return;
		}
		pv->v = date_yyyymmdd(d);
		return;
	}
	case T_TEXT:
		pv->t = own_text(p, n, kd->name);
		if (pv->t != NULL && pv->t[0] == '\0')
			fail(p, POLICY_ERR_BAD_VALUE, line, kd->name, 0);
		pv->v = 1;
		return;
	}
}

/* values: {key: scalar | {value, confidence, formula, sources, note}} */
static void
parse_values(struct parse *p, const yaml_node_t *n, enum policy_kind kind, struct pval *vals,
             const struct policy_ref *base)
{
	if (!want(p, n, YAML_MAPPING_NODE, "values"))
		return;
	const char *names[POLICY_MAX_KEYS];
	int nk = kinds[kind].nkeys;
	for (int i = 0; i < nk; i++)
		names[i] = kinds[kind].keys[i].name;
	unsigned seen = 0;
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top && !p->code;
	     pr++) {
		const yaml_node_t *k = node(p, pr->key), *v = node(p, pr->value);
		int key = map_key(p, k, names, nk, &seen);
		if (key < 0)
			return;
		struct pval *pv = &vals[key];
		pv->ref = base;
		if (v == NULL || v->type != YAML_MAPPING_NODE) {
			set_typed(p, v, kind, key, pv);
			continue;
		}
		static const char *const vnames[] = {"value", "confidence", "formula", "sources", "note"};
		struct policy_ref *r = arena_alloc(p->f, sizeof *r);
		if (r == NULL) {
			fail(p, POLICY_ERR_NOMEM, line_of(v), NULL, 0);
			return;
		}
		*r = *base;
		r->key = key;
		r->line = line_of(v);
		unsigned vs = 0;
		for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
		     q < v->data.mapping.pairs.top && !p->code; q++) {
			const yaml_node_t *qk = node(p, q->key), *qv = node(p, q->value);
			switch (map_key(p, qk, vnames, 5, &vs)) {
			case 0:
				set_typed(p, qv, kind, key, pv);
				break;
			case 1:
				if (parse_confidence(p, qv, &r->confidence))
					r->verified = r->confidence == POLICY_VERIFIED;
				break;
			case 2:
				if (want(p, qv, YAML_SCALAR_NODE, "formula"))
					r->formula = own_text(p, qv, "formula");
				break;
			case 3:
				parse_sources(p, qv, r);
				break;
			case 4:
				if (want(p, qv, YAML_SCALAR_NODE, "note"))
					r->note = own_text(p, qv, "note");
				break;
			default:
				return;
			}
		}
		if (p->code)
			return;
		if (!(vs & 1u)) {
			fail(p, POLICY_ERR_MISSING_KEY, line_of(v), "value", 0);
			return;
		}
		if (r->confidence == POLICY_DERIVED && (r->formula == NULL || r->formula[0] == '\0')) {
			fail(p, POLICY_ERR_NO_FORMULA, line_of(v), names[key], 0);
			return;
		}
		pv->ref = r;
	}
}

static void
init_vals(struct pval *vals)
{
	for (int i = 0; i < POLICY_MAX_KEYS; i++)
		vals[i] = (struct pval){POLICY_UNKNOWN, false, NULL, NULL};
}

static void
parse_tiers(struct parse *p, const yaml_node_t *n, struct policy_sec *sec)
{
	if (!want(p, n, YAML_SEQUENCE_NODE, "tiers"))
		return;
	size_t count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (count == 0 || count > POLICY_MAX_TIERS) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(n), "tiers", 0);
		return;
	}
	sec->tiers = arena_alloc(p->f, count * sizeof *sec->tiers);
	if (sec->tiers == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(n), NULL, 0);
		return;
	}
	static const char *const tnames[] = {"name_zh", "name_en", "default", "values"};
	int defaults = 0;
	for (size_t i = 0; i < count && !p->code; i++) {
		const yaml_node_t *t = node(p, n->data.sequence.items.start[i]);
		struct ptier *tr = &sec->tiers[i];
		init_vals(tr->vals);
		if (!want(p, t, YAML_MAPPING_NODE, "tiers"))
			return;
		unsigned seen = 0;
		for (yaml_node_pair_t *q = t->data.mapping.pairs.start;
		     q < t->data.mapping.pairs.top && !p->code; q++) {
			const yaml_node_t *qk = node(p, q->key), *qv = node(p, q->value);
			int k = map_key(p, qk, tnames, 4, &seen);
			if (k == 0 || k == 1) {
				if (want(p, qv, YAML_SCALAR_NODE, tnames[k]))
					*(k == 0 ? &tr->name_zh : &tr->name_en) = own_text(p, qv, tnames[k]);
			} else if (k == 2) {
				if (is_scalar(qv) && scalar_is(qv, "yes")) {
					sec->dtier = (int)i;
					defaults++;
				} else if (!is_scalar(qv) || !scalar_is(qv, "no")) {
					fail(p, POLICY_ERR_BAD_VALUE, line_of(qv), "default", 0);
				}
			}
		}
		if (p->code)
			return;
		if (tr->name_zh == NULL || tr->name_zh[0] == '\0') {
			fail(p, POLICY_ERR_MISSING_KEY, line_of(t), "name_zh", 0);
			return;
		}
		tr->ref = sec->ref;
		tr->ref.tier = tr->name_zh;
		tr->ref.line = line_of(t);
		/* values after the names, so that their references carry the tier */
		for (yaml_node_pair_t *q = t->data.mapping.pairs.start;
		     q < t->data.mapping.pairs.top && !p->code; q++)
			if (scalar_is(node(p, q->key), "values"))
				parse_values(p, node(p, q->value), sec->ref.kind, tr->vals, &tr->ref);
		for (int k = 0; k < POLICY_MAX_KEYS; k++)
			if (tr->vals[k].ref != NULL && tr->vals[k].ref != &tr->ref) {
				/* a value's own reference is a copy of the tier's */
				struct policy_ref *r = (struct policy_ref *)tr->vals[k].ref;
				r->tier = tr->name_zh;
			}
	}
	if (defaults > 1)
		fail(p, POLICY_ERR_BAD_VALUE, line_of(n), "default", 0);
	sec->ntiers = (int)count;
}

static void
parse_facts(struct parse *p, const yaml_node_t *n, struct policy_sec *sec)
{
	if (!want(p, n, YAML_SEQUENCE_NODE, "facts"))
		return;
	size_t count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (count > MAX_FACTS) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(n), "facts", 0);
		return;
	}
	sec->facts = arena_alloc(p->f, (count ? count : 1) * sizeof *sec->facts);
	if (sec->facts == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(n), NULL, 0);
		return;
	}
	static const char *const fnames[] = {"text", "confidence", "sources"};
	for (size_t i = 0; i < count && !p->code; i++) {
		const yaml_node_t *t = node(p, n->data.sequence.items.start[i]);
		if (!want(p, t, YAML_MAPPING_NODE, "facts"))
			return;
		struct policy_ref *r = arena_alloc(p->f, sizeof *r);
		if (r == NULL) {
			fail(p, POLICY_ERR_NOMEM, line_of(t), NULL, 0);
			return;
		}
		*r = sec->ref;
		r->line = line_of(t);
		r->formula = NULL;
		const char *text = NULL;
		unsigned seen = 0;
		for (yaml_node_pair_t *q = t->data.mapping.pairs.start;
		     q < t->data.mapping.pairs.top && !p->code; q++) {
			const yaml_node_t *qk = node(p, q->key), *qv = node(p, q->value);
			switch (map_key(p, qk, fnames, 3, &seen)) {
			case 0:
				if (want(p, qv, YAML_SCALAR_NODE, "text"))
					text = own_text(p, qv, "text");
				break;
			case 1:
				if (parse_confidence(p, qv, &r->confidence))
					r->verified = r->confidence == POLICY_VERIFIED;
				break;
			case 2:
				parse_sources(p, qv, r);
				break;
			default:
				return;
			}
		}
		if (p->code)
			return;
		if (text == NULL || text[0] == '\0') {
			fail(p, POLICY_ERR_MISSING_KEY, line_of(t), "text", 0);
			return;
		}
		sec->facts[sec->nfacts++] = (struct pfact){text, r};
	}
}

enum sec_key {
	S_KIND,
	S_FROM,
	S_UNTIL,
	S_CHECKED,
	S_CONFIDENCE,
	S_SOURCES,
	S_NOTE,
	S_VALUES,
	S_TIERS,
	S_FACTS
};
static const char *const sec_names[] = {"kind",    "from", "until",  "checked", "confidence",
                                        "sources", "note", "values", "tiers",   "facts"};

static void
parse_section(struct parse *p, const yaml_node_t *n, struct policy_sec *sec)
{
	struct pfile *f = p->f;
	if (!want(p, n, YAML_MAPPING_NODE, "sections"))
		return;
	sec->owner = f;
	sec->ref.file = f->name;
	sec->ref.line = line_of(n);
	sec->ref.region = f->code;
	sec->ref.key = -1;
	sec->ref.sec = sec;
	sec->untilk = INT32_MAX;
	init_vals(sec->vals);
	const yaml_node_t *at[10] = {0};
	unsigned seen = 0;
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top && !p->code;
	     pr++) {
		int k = map_key(p, node(p, pr->key), sec_names, 10, &seen);
		if (k < 0)
			return;
		at[k] = node(p, pr->value);
	}
	/* the header keys first, whatever their order in the file */
	int kind = -1;
	if (at[S_KIND] == NULL) {
		fail(p, POLICY_ERR_MISSING_KEY, sec->ref.line, "kind", 0);
		return;
	}
	for (int k = 0; k < POLICY_KIND_COUNT && is_scalar(at[S_KIND]); k++)
		if (scalar_is(at[S_KIND], kinds[k].name))
			kind = k;
	if (kind < 0) {
		fail(p, POLICY_ERR_BAD_SECTION, line_of(at[S_KIND]), "kind", 0);
		return;
	}
	sec->ref.kind = (enum policy_kind)kind;
	p->kind = kind;
	static const enum sec_key required[] = {S_FROM, S_CHECKED, S_CONFIDENCE, S_SOURCES};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (at[required[i]] == NULL) {
			fail(p, required[i] == S_SOURCES ? POLICY_ERR_NO_SOURCE : POLICY_ERR_MISSING_KEY,
			     sec->ref.line, sec_names[required[i]], 0);
			return;
		}
	if (!parse_date_node(at[S_FROM], &sec->ref.from)) {
		fail(p, POLICY_ERR_BAD_DATE, line_of(at[S_FROM]), "from", 0);
		return;
	}
	sec->fromk = date_yyyymmdd(sec->ref.from);
	if (!parse_date_node(at[S_CHECKED], &sec->ref.checked)) {
		fail(p, POLICY_ERR_BAD_DATE, line_of(at[S_CHECKED]), "checked", 0);
		return;
	}
	if (at[S_UNTIL] != NULL) {
		if (!parse_date_node(at[S_UNTIL], &sec->ref.until) ||
		    date_cmp(sec->ref.until, sec->ref.from) < 0) {
			fail(p, POLICY_ERR_BAD_DATE, line_of(at[S_UNTIL]), "until", 0);
			return;
		}
		sec->ref.has_until = true;
		sec->untilk = date_yyyymmdd(sec->ref.until);
	}
	if (!parse_confidence(p, at[S_CONFIDENCE], &sec->ref.confidence))
		return;
	sec->ref.verified = sec->ref.confidence == POLICY_VERIFIED;
	parse_sources(p, at[S_SOURCES], &sec->ref);
	if (!p->code && at[S_NOTE] != NULL && want(p, at[S_NOTE], YAML_SCALAR_NODE, "note"))
		sec->ref.note = own_text(p, at[S_NOTE], "note");
	if (!p->code && at[S_VALUES] != NULL)
		parse_values(p, at[S_VALUES], sec->ref.kind, sec->vals, &sec->ref);
	if (!p->code && at[S_TIERS] != NULL)
		parse_tiers(p, at[S_TIERS], sec);
	if (!p->code && at[S_FACTS] != NULL)
		parse_facts(p, at[S_FACTS], sec);
	/* a section-level derived label needs its working: the note, or a
	 * formula on every value that is not text */
	if (!p->code && sec->ref.confidence == POLICY_DERIVED) {
		if (sec->ref.note != NULL && sec->ref.note[0] != '\0') {
			sec->ref.formula = sec->ref.note;
			return;
		}
		for (int k = 0; k < kinds[kind].nkeys; k++)
			if (sec->vals[k].ref == &sec->ref && sec->vals[k].v != POLICY_UNKNOWN &&
			    kinds[kind].keys[k].type != T_TEXT) {
				fail(p, POLICY_ERR_NO_FORMULA, sec->ref.line, kinds[kind].keys[k].name, 0);
				return;
			}
	}
}

/* "issuer《title》（number，date）" */
static const char *
make_cite(struct parse *p, const struct policy_doc *d)
{
	size_t n = strlen(d->issuer) + strlen(d->title) + strlen(d->number) + strlen(d->date) + 24;
	char *c = arena_alloc(p->f, n);
	if (c == NULL)
		return NULL;
	strcat(c, d->issuer);
	bool quoted = strncmp(d->title, "《", 3) == 0;
	if (!quoted)
		strcat(c, "《");
	strcat(c, d->title);
	if (!quoted)
		strcat(c, "》");
	if (d->number[0] != '\0' || d->date[0] != '\0') {
		strcat(c, "（");
		strcat(c, d->number);
		if (d->number[0] != '\0' && d->date[0] != '\0')
			strcat(c, "，");
		strcat(c, d->date);
		strcat(c, "）");
	}
	return c;
}

static void
parse_read_at(struct parse *p, const yaml_node_t *n, struct policy_doc *d)
{
	if (!want(p, n, YAML_SEQUENCE_NODE, "read_at"))
		return;
	size_t count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (count > MAX_READ_AT) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(n), "read_at", 0);
		return;
	}
	const char *url[MAX_READ_AT] = {0}, *quote[MAX_READ_AT] = {0};
	size_t total = 1;
	static const char *const rnames[] = {"url", "quote", "date"};
	for (size_t i = 0; i < count && !p->code; i++) {
		const yaml_node_t *r = node(p, n->data.sequence.items.start[i]);
		if (!want(p, r, YAML_MAPPING_NODE, "read_at"))
			return;
		unsigned seen = 0;
		for (yaml_node_pair_t *q = r->data.mapping.pairs.start;
		     q < r->data.mapping.pairs.top && !p->code; q++) {
			const yaml_node_t *qk = node(p, q->key), *qv = node(p, q->value);
			int k = map_key(p, qk, rnames, 3, &seen);
			if (k < 0 || !want(p, qv, YAML_SCALAR_NODE, rnames[k >= 0 ? k : 0]))
				return;
			if (k == 0)
				url[i] = own_text(p, qv, "url");
			else if (k == 1)
				quote[i] = own_text(p, qv, "quote");
			else {
				const char *d8 = own_text(p, qv, "date");
				if (d8 != NULL && !doc_date_ok(d8))
					fail(p, POLICY_ERR_BAD_DATE, line_of(qv), "date", 0);
			}
		}
		if (!p->code && (url[i] == NULL || url[i][0] == '\0'))
			fail(p, POLICY_ERR_MISSING_KEY, line_of(r), "url", 0);
		if (!p->code)
			total += strlen(url[i]) + (quote[i] ? strlen(quote[i]) + 8 : 0) + 2;
	}
	if (p->code)
		return;
	char *s = arena_alloc(p->f, total);
	if (s == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(n), NULL, 0);
		return;
	}
	for (size_t i = 0; i < count; i++) {
		if (i > 0)
			strcat(s, "; ");
		strcat(s, url[i]);
		if (quote[i] != NULL && quote[i][0] != '\0') {
			strcat(s, " “");
			strcat(s, quote[i]);
			strcat(s, "”");
		}
	}
	d->read_at = s;
}

static void
parse_documents(struct parse *p, const yaml_node_t *n)
{
	struct pfile *f = p->f;
	if (!want(p, n, YAML_MAPPING_NODE, "documents"))
		return;
	size_t count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	if (count > MAX_DOCS) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(n), "documents", 0);
		return;
	}
	f->docs = arena_alloc(f, (count ? count : 1) * sizeof *f->docs);
	if (f->docs == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(n), NULL, 0);
		return;
	}
	static const char *const dnames[] = {"issuer", "title", "number", "date", "read_at", "own"};
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top && !p->code;
	     pr++) {
		const yaml_node_t *k = node(p, pr->key), *v = node(p, pr->value);
		size_t len;
		if (!is_scalar(k)) {
			fail(p, POLICY_ERR_SYNTAX, line_of(k), "bad key", 0);
			return;
		}
		const char *id = sval(k, &len);
		/* a batch row cites it as REGION/ID in a list split at spaces */
		bool plain = len > 0;
		for (size_t i = 0; i < len; i++)
			plain = plain && ((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= 'A' && id[i] <= 'Z') ||
			                  (id[i] >= '0' && id[i] <= '9') || id[i] == '-' || id[i] == '_' ||
			                  id[i] == '.');
		if (!plain) {
			fail(p, POLICY_ERR_DOC_ID, line_of(k), id, len);
			return;
		}
		if (find_doc(f, id, len) != NULL) {
			fail(p, POLICY_ERR_DUP_KEY, line_of(k), id, len);
			return;
		}
		struct policy_doc *d = &f->docs[f->ndocs];
		d->id = own_text(p, k, "documents");
		d->issuer = d->title = d->number = d->date = d->read_at = "";
		d->own = false;
		d->line = line_of(k);
		if (p->code || !want(p, v, YAML_MAPPING_NODE, "documents"))
			return;
		unsigned seen = 0;
		for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
		     q < v->data.mapping.pairs.top && !p->code; q++) {
			const yaml_node_t *qk = node(p, q->key), *qv = node(p, q->value);
			int dk = map_key(p, qk, dnames, 6, &seen);
			if (dk < 0)
				return;
			if (dk == 4) {
				parse_read_at(p, qv, d);
				continue;
			}
			if (dk == 5) {
				if (!is_scalar(qv) || !(scalar_is(qv, "yes") || scalar_is(qv, "no"))) {
					fail(p, POLICY_ERR_BAD_VALUE, line_of(qv), "own", 0);
					return;
				}
				d->own = scalar_is(qv, "yes");
				continue;
			}
			if (!want(p, qv, YAML_SCALAR_NODE, dnames[dk]))
				return;
			const char *s = own_text(p, qv, dnames[dk]);
			if (s == NULL)
				return;
			if (dk == 0)
				d->issuer = s;
			else if (dk == 1)
				d->title = s;
			else if (dk == 2)
				d->number = s;
			else if (!doc_date_ok(s))
				fail(p, POLICY_ERR_BAD_DATE, line_of(qv), "date", 0);
			else
				d->date = s;
		}
		if (p->code)
			return;
		if (d->title[0] == '\0') {
			fail(p, POLICY_ERR_MISSING_KEY, d->line, "title", 0);
			return;
		}
		if ((d->cite = make_cite(p, d)) == NULL) {
			fail(p, POLICY_ERR_NOMEM, d->line, NULL, 0);
			return;
		}
		f->ndocs++;
	}
}

static int
cmp_date_secs(const struct policy_sec *a, const struct policy_sec *b)
{
	return date_cmp(a->ref.from, b->ref.from);
}

static const struct pval *sec_val(const struct policy_sec *s, int tier, int key);

/* Index sections by kind, in date order; two sections of a kind must not
 * start on the same day; and each key's last known value as of each. */
static void
index_kinds(struct parse *p)
{
	struct pfile *f = p->f;
	for (int k = 0; k < POLICY_KIND_COUNT && !p->code; k++) {
		size_t n = 0;
		for (size_t i = 0; i < f->nsecs; i++)
			n += f->secs[i]->ref.kind == (enum policy_kind)k;
		if (n == 0)
			continue;
		f->by_kind[k] = arena_alloc(f, n * sizeof(size_t));
		if (f->by_kind[k] == NULL) {
			fail(p, POLICY_ERR_NOMEM, 0, NULL, 0);
			return;
		}
		for (size_t i = 0; i < f->nsecs; i++)
			if (f->secs[i]->ref.kind == (enum policy_kind)k)
				f->by_kind[k][f->nby_kind[k]++] = i;
		size_t *a = f->by_kind[k];
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && cmp_date_secs(f->secs[a[j - 1]], f->secs[a[j]]) > 0;
			     j--) {
				size_t t = a[j];
				a[j] = a[j - 1];
				a[j - 1] = t;
			}
		for (size_t i = 1; i < n; i++)
			if (cmp_date_secs(f->secs[a[i - 1]], f->secs[a[i]]) == 0) {
				const struct policy_sec *s =
				    f->secs[a[i - 1]]->ref.line > f->secs[a[i]]->ref.line ? f->secs[a[i - 1]]
				                                                          : f->secs[a[i]];
				fail(p, POLICY_ERR_DUP_SECTION, s->ref.line, kinds[k].name, 0);
				return;
			}
		const struct pval **carry = arena_alloc(f, n * POLICY_MAX_KEYS * sizeof *carry);
		if (carry == NULL) {
			fail(p, POLICY_ERR_NOMEM, 0, NULL, 0);
			return;
		}
		for (size_t i = 0; i < n; i++) {
			const struct policy_sec *s = f->secs[a[i]];
			for (int key = 0; key < POLICY_MAX_KEYS; key++) {
				const struct pval *pv = key < kinds[k].nkeys ? sec_val(s, -1, key) : NULL;
				if (pv == NULL && key < kinds[k].nkeys && !s->vals[key].stop && i > 0)
					pv = carry[(i - 1) * POLICY_MAX_KEYS + key];
				carry[i * POLICY_MAX_KEYS + key] = pv;
			}
		}
		f->carry[k] = carry;
	}
}

static bool
name_matches_code(const char *name, int code)
{
	char want_[7];
	int c = code;
	for (int i = 5; i >= 0; i--) {
		want_[i] = (char)('0' + c % 10);
		c /= 10;
	}
	size_t n = strlen(name);
	return n > 12 && memcmp(name, want_, 6) == 0 && name[6] == '-' && strcmp(name + n - 5, ".yaml") == 0;
}

static void
index_regions(struct policy_set *ps)
{
	memset(ps->by_code, 0, REGION_SLOTS * sizeof *ps->by_code);
	for (size_t i = 0; i < ps->nregions && i < UINT16_MAX; i++) {
		int c = ps->regions[i].code;
		if (c >= 0 && c < REGION_SLOTS * 100 && c % 100 == 0)
			ps->by_code[c / 100] = (uint16_t)(i + 1);
	}
}

static const struct policy_region *
find_region(const struct policy_set *ps, int code)
{
	if (code >= 0 && code < REGION_SLOTS * 100 && code % 100 == 0 && ps->nregions < UINT16_MAX) {
		unsigned i = ps->by_code[code / 100];
		return i > 0 ? &ps->regions[i - 1] : NULL;
	}
	size_t lo = 0, hi = ps->nregions;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = ps->regions[mid].code;
		if (c == code)
			return &ps->regions[mid];
		if (c < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
parse_root(struct parse *p, const yaml_node_t *root, const struct policy_set *ps)
{
	struct pfile *f = p->f;
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		fail(p, POLICY_ERR_NO_REGION, line_of(root) ? line_of(root) : 1, NULL, 0);
		return;
	}
	static const char *const rnames[] = {"region", "documents", "sections"};
	const yaml_node_t *at[3] = {0};
	unsigned seen = 0;
	for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
	     pr < root->data.mapping.pairs.top && !p->code; pr++) {
		int k = map_key(p, node(p, pr->key), rnames, 3, &seen);
		if (k < 0)
			return;
		at[k] = node(p, pr->value);
	}
	if (at[0] == NULL) {
		fail(p, POLICY_ERR_NO_REGION, line_of(root), "region", 0);
		return;
	}
	int64_t code;
	size_t len;
	if (!is_scalar(at[0]) || (sval(at[0], &len), len != 6) || !parse_int(sval(at[0], &len), len, &code)) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(at[0]), "region", 0);
		return;
	}
	f->code = (int)code;
	if (find_region(ps, f->code) == NULL) {
		fail(p, POLICY_ERR_REGION, line_of(at[0]), sval(at[0], &len), 6);
		return;
	}
	if (!name_matches_code(f->name, f->code)) {
		fail(p, POLICY_ERR_FILE_NAME, line_of(at[0]), "region", 0);
		return;
	}
	/* an empty `documents:` or `sections:` is a null scalar */
	for (int i = 1; i < 3; i++)
		if (at[i] != NULL && is_scalar(at[i]) && at[i]->data.scalar.length == 0)
			at[i] = NULL;
	if (at[1] != NULL)
		parse_documents(p, at[1]);
	if (p->code || at[2] == NULL)
		return;
	const yaml_node_t *secs = at[2];
	if (!want(p, secs, YAML_SEQUENCE_NODE, "sections"))
		return;
	size_t count = (size_t)(secs->data.sequence.items.top - secs->data.sequence.items.start);
	if (count > MAX_SECTIONS) {
		fail(p, POLICY_ERR_BAD_VALUE, line_of(secs), "sections", 0);
		return;
	}
	f->secs = arena_alloc(f, (count ? count : 1) * sizeof *f->secs);
	if (f->secs == NULL) {
		fail(p, POLICY_ERR_NOMEM, line_of(secs), NULL, 0);
		return;
	}
	for (size_t i = 0; i < count && !p->code; i++) {
		struct policy_sec *sec = arena_alloc(f, sizeof *sec);
		if (sec == NULL) {
			fail(p, POLICY_ERR_NOMEM, line_of(secs), NULL, 0);
			return;
		}
		f->secs[f->nsecs++] = sec;
		parse_section(p, node(p, secs->data.sequence.items.start[i]), sec);
	}
	if (!p->code)
		index_kinds(p);
}

static const struct pfile *
find_file(const struct policy_set *ps, int code)
{
	size_t lo = 0, hi = ps->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = ps->files[mid]->code;
		if (c == code)
			return ps->files[mid];
		if (c < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void *
grow(void *ptr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return ptr;
	size_t ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	void *np = realloc(ptr, ncap * size);
	if (np != NULL)
		*cap = ncap;
	return np;
}

/* Put f into the set (replacing a file of its region); false when out of
 * memory, f then still the caller's. */
static bool
set_insert(struct policy_set *ps, struct pfile *f)
{
	size_t i = 0;
	while (i < ps->n && ps->files[i]->code < f->code)
		i++;
	if (i < ps->n && ps->files[i]->code == f->code) {
		pfile_free(ps->files[i]);
		ps->files[i] = f;
	} else {
		struct pfile **nf = grow(ps->files, &ps->cap, ps->n + 1, sizeof *nf);
		if (nf == NULL)
			return false;
		ps->files = nf;
		memmove(ps->files + i + 1, ps->files + i, (ps->n - i) * sizeof *nf);
		ps->files[i] = f;
		ps->n++;
	}
	struct policy_region *r = (struct policy_region *)find_region(ps, f->code);
	r->file = f->name;
	return true;
}

enum policy_errcode
policy_set_add(struct policy_set *ps, const char *name, const char *text, size_t len,
               struct policy_error *err)
{
	struct parse p = {0};
	yaml_parser_t parser;
	yaml_document_t doc;
	bool have_parser = false, have_doc = false;
	if (err != NULL)
		memset(err, 0, sizeof *err);
	p.err = err;
	if (text == NULL)
		text = "", len = 0;
	struct pfile *f = calloc(1, sizeof *f);
	size_t nlen = strlen(name);
	char *fname = f != NULL ? arena_alloc(f, nlen + 1) : NULL;
	if (fname == NULL) {
		pfile_free(f);
		if (err != NULL)
			err->code = POLICY_ERR_NOMEM;
		return POLICY_ERR_NOMEM;
	}
	memcpy(fname, name, nlen + 1);
	f->name = fname;
	f->code = -1;
	p.f = f;

	/* libyaml refuses these too, but with its own words and no line */
	if (memchr(text, '\0', len) != NULL || !text_is_utf8(text, len)) {
		const char *s = text, *e = text + len, *ls, *le;
		int line = 0;
		while (s < e) {
			text_next_line(&s, e, ++line, &ls, &le);
			if (memchr(ls, '\0', (size_t)(le - ls)) || !text_is_utf8(ls, (size_t)(le - ls)))
				break;
		}
		fail(&p, POLICY_ERR_SYNTAX, line ? line : 1, "invalid UTF-8", 0);
		goto out;
	}
	if (!yaml_parser_initialize(&parser)) {
		fail(&p, POLICY_ERR_NOMEM, 0, NULL, 0);
		goto out;
	}
	have_parser = true;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, &doc)) {
		int line = (int)(parser.problem_mark.line + 1);
		if (parser.error == YAML_MEMORY_ERROR)
			fail(&p, POLICY_ERR_NOMEM, line, NULL, 0);
		else
			fail(&p, POLICY_ERR_SYNTAX, line, parser.problem ? parser.problem : "", 0);
		goto out;
	}
	have_doc = true;
	p.doc = &doc;
	parse_root(&p, yaml_document_get_root_node(&doc), ps);
	if (p.code == POLICY_OK) {
		/* one document per file */
		yaml_document_t next;
		if (!yaml_parser_load(&parser, &next)) {
			fail(&p, POLICY_ERR_SYNTAX, (int)(parser.problem_mark.line + 1),
			     parser.problem ? parser.problem : "", 0);
		} else {
			if (yaml_document_get_root_node(&next) != NULL)
				fail(&p, POLICY_ERR_SYNTAX, (int)(next.start_mark.line + 1),
				     "more than one document", 0);
			yaml_document_delete(&next);
		}
	}
	if (p.code == POLICY_OK && !set_insert(ps, f))
		fail(&p, POLICY_ERR_NOMEM, 0, NULL, 0);
	else if (p.code == POLICY_OK)
		f = NULL;
out:
	if (have_doc)
		yaml_document_delete(&doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	pfile_free(f);
	return p.code;
}

struct policy_set *
policy_set_new(void)
{
	struct policy_set *ps = calloc(1, sizeof *ps);
	if (ps == NULL)
		return NULL;
	ps->regions = calloc(region_table_count + 1, sizeof *ps->regions);
	ps->by_code = malloc(REGION_SLOTS * sizeof *ps->by_code);
	if (ps->regions == NULL || ps->by_code == NULL) {
		free(ps->regions);
		free(ps->by_code);
		free(ps);
		return NULL;
	}
	ps->regions[0] = (struct policy_region){
	    POLICY_NATIONAL, "全国", "China (national)", "quanguo", "qg", -1, NULL, NULL};
	for (size_t i = 0; i < region_table_count; i++) {
		const struct region_row *r = &region_table[i];
		ps->regions[i + 1] = (struct policy_region){
		    r->code,     r->name_zh,
		    r->name_en,  r->pinyin,
		    r->initials, r->province == r->code ? POLICY_NATIONAL : r->province,
		    NULL,        r};
	}
	ps->nregions = region_table_count + 1;
	index_regions(ps);
	return ps;
}

void
policy_set_free(struct policy_set *ps)
{
	if (ps == NULL)
		return;
	for (size_t i = 0; i < ps->n; i++)
		pfile_free(ps->files[i]);
	free(ps->files);
	free(ps->regions);
	free(ps->by_code);
	free(ps);
}

enum policy_errcode
policy_set_finish(struct policy_set *ps, struct policy_error *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
	if (find_file(ps, POLICY_NATIONAL) == NULL) {
		if (err != NULL) {
			err->code = POLICY_ERR_NO_NATIONAL;
			text_copy(err->file, sizeof err->file, "000000-national.yaml", 20);
		}
		return POLICY_ERR_NO_NATIONAL;
	}
	return POLICY_OK;
}

enum policy_errcode
policy_set_add_region(struct policy_set *ps, const struct region_row *row)
{
	if (find_region(ps, row->code) != NULL)
		return POLICY_OK;
	struct policy_region *nr = realloc(ps->regions, (ps->nregions + 1) * sizeof *nr);
	if (nr == NULL)
		return POLICY_ERR_NOMEM;
	ps->regions = nr;
	size_t i = ps->nregions;
	while (i > 0 && nr[i - 1].code > row->code) {
		nr[i] = nr[i - 1];
		i--;
	}
	nr[i] = (struct policy_region){
	    row->code,     row->name_zh,
	    row->name_en,  row->pinyin,
	    row->initials, row->province == row->code ? POLICY_NATIONAL : row->province,
	    NULL,          row};
	ps->nregions++;
	/* files point at their regions by code only: only the index moves */
	index_regions(ps);
	return POLICY_OK;
}

size_t
policy_set_region_count(const struct policy_set *ps)
{
	return ps->nregions;
}

const struct policy_region *
policy_set_region_at(const struct policy_set *ps, size_t i)
{
	return i < ps->nregions ? &ps->regions[i] : NULL;
}

const struct policy_region *
policy_set_region(const struct policy_set *ps, int code)
{
	return find_region(ps, code);
}

static const struct pval *
sec_val(const struct policy_sec *s, int tier, int key)
{
	if (tier < 0 && s->ntiers > 0)
		tier = s->dtier;
	if (tier >= 0 && tier < s->ntiers && s->tiers[tier].vals[key].v != POLICY_UNKNOWN)
		return &s->tiers[tier].vals[key];
	return s->vals[key].v != POLICY_UNKNOWN ? &s->vals[key] : NULL;
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
			const struct policy_sec *sec = f->secs[s];
			out->unverified += sec->ref.confidence == POLICY_UNVERIFIED;
			out->by_confidence[sec->ref.confidence]++;
			out->facts += sec->nfacts;
			for (int k = 0; k < kinds[sec->ref.kind].nkeys; k++) {
				if (sec_val(sec, -1, k) == NULL)
					out->unknown++;
				else
					out->values++;
			}
		}
	}
}

/* The section of kind in f in force on the date, or NULL; *last (if not
 * NULL) the index in by_kind order of the latest one started by then, or
 * -1. */
static const struct policy_sec *
file_section_last(const struct pfile *f, enum policy_kind kind, int32_t on, int *last)
{
	const struct policy_sec *best = NULL;
	size_t i = 0;
	for (; i < f->nby_kind[kind]; i++) {
		const struct policy_sec *s = f->secs[f->by_kind[kind][i]];
		if (s->fromk > on)
			break;
		if (s->untilk >= on)
			best = s;
	}
	if (last != NULL)
		*last = (int)i - 1;
	return best;
}

static const struct policy_sec *
file_section(const struct pfile *f, enum policy_kind kind, int32_t on)
{
	return file_section_last(f, kind, on, NULL);
}

/* The value of key in f on date: the section in force, then the last known
 * one (latest earlier section giving it: the carry of the latest section
 * started by then, last, through which the one in force, not giving the
 * key, passes it on). */
static const struct pval *
file_value(const struct pfile *f, const struct policy_sec *now, int last, enum policy_kind kind, int key)
{
	const struct pval *pv;
	if (now != NULL && (pv = sec_val(now, -1, key)) != NULL)
		return pv;
	if (now != NULL && now->vals[key].stop)
		return NULL;
	return last >= 0 ? f->carry[kind][(size_t)last * POLICY_MAX_KEYS + (size_t)key] : NULL;
}

const struct policy_ref *
policy_section(const struct policy_set *ps, int region, enum policy_kind kind, struct date on)
{
	const struct pfile *f = find_file(ps, region);
	const struct policy_sec *s = f ? file_section(f, kind, date_yyyymmdd(on)) : NULL;
	return s ? &s->ref : NULL;
}

void
policy_view_init(struct policy_view *v, const struct policy_set *ps, int region, struct date on)
{
	v->ps = ps;
	v->on = date_yyyymmdd(on);
	v->nfiles = 0;
	memset(v->len, -1, sizeof v->len);
	memset(v->memo_set, 0, sizeof v->memo_set);
	memset(v->memo_unverified, 0, sizeof v->memo_unverified);
	int c = region;
	for (int steps = 0; steps < POLICY_VIEW_DEPTH && c >= 0; steps++) {
		const struct pfile *f = find_file(ps, c);
		if (f != NULL)
			v->files[v->nfiles++] = f;
		if (c == POLICY_NATIONAL)
			break;
		const struct policy_region *r = find_region(ps, c);
		c = r != NULL ? r->parent : POLICY_NATIONAL;
		if (v->nfiles == POLICY_VIEW_DEPTH - 1 && c != POLICY_NATIONAL)
			c = POLICY_NATIONAL; /* always end at the nation */
	}
}

int
policy_view_file_region(const struct policy_view *v)
{
	return v->nfiles > 0 ? v->files[0]->code : -1;
}

static void
view_resolve(struct policy_view *v, enum policy_kind kind)
{
	if (v->len[kind] >= 0)
		return;
	const struct policy_ref *in_force = NULL, *before = NULL;
	for (int i = 0; i < v->nfiles; i++) {
		const struct pfile *f = v->files[i];
		int last;
		const struct policy_sec *s = file_section_last(f, kind, v->on, &last);
		v->chain[kind][i] = s;
		v->last[kind][i] = (int16_t)last;
		if (in_force == NULL && s != NULL)
			in_force = &s->ref;
		if (before == NULL && last >= 0)
			before = &f->secs[f->by_kind[kind][last]]->ref;
	}
	v->ask[kind] = in_force != NULL ? in_force : before;
	v->len[kind] = (signed char)v->nfiles;
}

/* The first section in force along the path, else the latest one before
 * the date: what an unknown value is asked about. */
static const struct policy_ref *
view_ask_ref(struct policy_view *v, enum policy_kind kind)
{
	view_resolve(v, kind);
	return v->ask[kind];
}

_Static_assert(POLICY_MAX_KEYS <= 16, "memo_set has a bit per key");

int64_t
policy_view_lookup(struct policy_view *v, enum policy_kind kind, int key, const struct policy_ref **ref)
{
	if ((unsigned)kind >= POLICY_KIND_COUNT || key < 0 || key >= kinds[kind].nkeys) {
		if (ref != NULL)
			*ref = NULL;
		return POLICY_UNKNOWN;
	}
	uint16_t bit = (uint16_t)(1u << key);
	if (!(v->memo_set[kind] & bit)) {
		view_resolve(v, kind);
		const struct pval *found = NULL;
		for (int i = 0; i < v->len[kind] && found == NULL; i++)
			found = file_value(v->files[i], v->chain[kind][i], v->last[kind][i], kind, key);
		v->memo_v[kind][key] = found != NULL ? found->v : POLICY_UNKNOWN;
		v->memo_t[kind][key] = found != NULL ? found->t : NULL;
		v->memo_ref[kind][key] = found != NULL ? found->ref : view_ask_ref(v, kind);
		if (found != NULL && found->ref != NULL && !found->ref->verified)
			v->memo_unverified[kind] |= bit;
		v->memo_set[kind] |= bit;
	}
	if (ref != NULL)
		*ref = v->memo_ref[kind][key];
	return v->memo_v[kind][key];
}

const struct policy_ref *
policy_view_section(struct policy_view *v, enum policy_kind kind)
{
	if ((unsigned)kind >= POLICY_KIND_COUNT)
		return NULL;
	return view_ask_ref(v, kind);
}

int
policy_ref_tiers(const struct policy_ref *ref, const char **names_zh, const char **names_en,
                 int *default_tier)
{
	const struct policy_sec *s = ref != NULL ? ref->sec : NULL;
	if (default_tier != NULL)
		*default_tier = s != NULL && s->ntiers > 0 ? s->dtier : -1;
	if (s == NULL)
		return 0;
	for (int i = 0; i < s->ntiers; i++) {
		if (names_zh != NULL)
			names_zh[i] = s->tiers[i].name_zh;
		if (names_en != NULL)
			names_en[i] = s->tiers[i].name_en ? s->tiers[i].name_en : s->tiers[i].name_zh;
	}
	return s->ntiers;
}

bool
policy_ref_is_current(const struct policy_ref *ref, struct date on)
{
	if (ref == NULL || ref->sec == NULL)
		return false;
	const struct policy_sec *s = ref->sec;
	return file_section(s->owner, s->ref.kind, date_yyyymmdd(on)) == s;
}

struct policy_marks
policy_ref_marks(const struct policy_ref *ref, int region, struct date on)
{
	struct policy_marks m = {false, false, 0, POLICY_VERIFIED};
	if (ref == NULL)
		return m;
	m.national = ref->region == POLICY_NATIONAL && region != POLICY_NATIONAL;
	m.province = ref->region != POLICY_NATIONAL && region >= 0 && ref->region != region;
	if (!policy_ref_is_current(ref, on))
		m.year = ref->from.y;
	m.confidence = ref->confidence;
	return m;
}

int64_t
policy_value(const struct policy_set *ps, int region, enum policy_kind kind, int key, struct date on,
             const struct policy_ref **ref)
{
	struct policy_view v;
	policy_view_init(&v, ps, region, on);
	return policy_view_value(&v, kind, key, ref);
}

const struct policy_ref *
policy_file_section(const struct policy_set *ps, int region, size_t i)
{
	const struct pfile *f = find_file(ps, region);
	return f != NULL && i < f->nsecs ? &f->secs[i]->ref : NULL;
}

const struct policy_ref *
policy_section_before(const struct policy_ref *ref)
{
	const struct policy_sec *s = ref != NULL ? ref->sec : NULL;
	if (s == NULL)
		return NULL;
	const struct pfile *f = s->owner;
	enum policy_kind k = s->ref.kind;
	for (size_t i = f->nby_kind[k]; i-- > 0;)
		if (f->secs[f->by_kind[k][i]] == s)
			return i > 0 ? &f->secs[f->by_kind[k][i - 1]]->ref : NULL;
	return NULL;
}

int64_t
policy_section_value(const struct policy_ref *sec, int tier, int key, const char **text,
                     const struct policy_ref **ref)
{
	const struct policy_sec *s = sec != NULL ? sec->sec : NULL;
	const struct pval *pv = NULL;
	if (s != NULL && key >= 0 && key < kinds[s->ref.kind].nkeys) {
		if (tier >= 0 && tier < s->ntiers)
			pv = s->tiers[tier].vals[key].v != POLICY_UNKNOWN ? &s->tiers[tier].vals[key] : NULL;
		else
			pv = s->vals[key].v != POLICY_UNKNOWN ? &s->vals[key] : NULL;
	}
	if (text != NULL)
		*text = pv != NULL ? pv->t : NULL;
	if (ref != NULL)
		*ref = pv != NULL ? pv->ref : sec;
	return pv != NULL ? pv->v : POLICY_UNKNOWN;
}

size_t
policy_section_fact_count(const struct policy_ref *sec)
{
	return sec != NULL && sec->sec != NULL ? sec->sec->nfacts : 0;
}

const char *
policy_section_fact(const struct policy_ref *sec, size_t i, const struct policy_ref **ref)
{
	if (sec == NULL || sec->sec == NULL || i >= sec->sec->nfacts)
		return NULL;
	if (ref != NULL)
		*ref = sec->sec->facts[i].ref;
	return sec->sec->facts[i].text;
}

const struct policy_doc *
policy_file_doc(const struct policy_set *ps, int region, size_t i)
{
	const struct pfile *f = find_file(ps, region);
	return f != NULL && i < f->ndocs ? &f->docs[i] : NULL;
}

struct date
policy_date(int64_t v)
{
	return (struct date){(int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100)};
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

enum policy_vtype
policy_key_type(enum policy_kind kind, int key)
{
	if ((unsigned)kind >= POLICY_KIND_COUNT || key < 0 || key >= kinds[kind].nkeys)
		return T_INT;
	return kinds[kind].keys[key].type;
}

int
policy_kind_keys(enum policy_kind kind)
{
	return (unsigned)kind < POLICY_KIND_COUNT ? kinds[kind].nkeys : 0;
}

const char *
policy_confidence_name(enum policy_confidence c)
{
	return (unsigned)c < 4 ? confidence_names[c] : "";
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
