/* json.c -- the advice as JSON, the yibao.advice/1 contract of DESIGN.md */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

static const char *const cost_forms[] = {"unknown", "rate_times_base", "monthly_fixed", "annual_fixed"};

static json_t *
yuan(int64_t fen)
{
	if (fen == ADVICE_UNKNOWN)
		return json_null();
	return json_real((double)fen / 100.0);
}

static json_t *
ratio_ppm(int64_t ppm)
{
	if (ppm == ADVICE_UNKNOWN)
		return json_null();
	/* four decimals: 0.1427 */
	return json_real((double)((ppm + 50) / 100) / 10000.0);
}

static json_t *
tenths(int t)
{
	return t < 0 ? json_null() : json_real(t / 10.0);
}

static json_t *
tri(int v)
{
	return v < 0 ? json_null() : json_boolean(v);
}

/* The numbers an item carries, by the names its id gives them; NULL when
 * it carries none. */
static json_t *
item_values(const struct advice_item *it)
{
	json_t *vals = NULL;
	for (int i = 0; i < ADVICE_MAX_VALUES; i++) {
		const char *name = advice_id_value_name(it->id, i);
		if (name == NULL)
			continue;
		if (vals == NULL)
			vals = json_object();
		if (it->id == ADVICE_UNKNOWN_VALUE)
			json_object_set_new(vals, name,
			                    json_string(advice_field_name((enum advice_field)it->v[i])));
		else
			json_object_set_new(
			    vals, name, it->v[i] == ADVICE_UNKNOWN ? json_null() : json_integer(it->v[i]));
	}
	return vals;
}

/* What a reference adds to an object: the document a user is shown, where
 * it was read, its label, and whether it is the region's own current
 * figure, its province's, the nation's, or the last known one of a year. */
static void
ref_fields(json_t *o, const struct policy_ref *ref, int region, struct date on)
{
	char checked[11];
	json_object_set_new(o, "source", json_string(ref->source));
	json_object_set_new(o, "document", json_string(ref->source));
	json_object_set_new(o, "read_at", json_string(ref->read_at != NULL ? ref->read_at : ""));
	date_format(ref->checked, checked);
	json_object_set_new(o, "checked", json_string(checked));
	json_object_set_new(o, "status", json_string(ref->verified ? "verified" : "unverified"));
	json_object_set_new(o, "confidence", json_string(policy_confidence_name(ref->confidence)));
	if (ref->confidence == POLICY_DERIVED && ref->formula != NULL)
		json_object_set_new(o, "formula", json_string(ref->formula));
	json_object_set_new(o, "from_region",
	                    json_string(ref->region == region            ? "own"
	                                : ref->region == POLICY_NATIONAL ? "national"
	                                                                 : "province"));
	if (!policy_ref_is_current(ref, on))
		json_object_set_new(o, "last_known_year", json_integer(ref->from.y));
}

static json_t *
item(const struct advice_item *it, int region, struct date on)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(advice_id_name(it->id)));
	ref_fields(o, it->ref, region, on);
	json_t *vals = item_values(it);
	if (vals != NULL)
		json_object_set_new(o, "values", vals);
	return o;
}

static json_t *
items(const struct advice_item *its, int n, int region, struct date on)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, item(&its[i], region, on));
	return a;
}

static json_t *
cost(const struct advice_cost *c, bool with_base)
{
	json_t *o = json_object();
	json_object_set_new(o, "monthly_yuan", yuan(c->monthly));
	json_object_set_new(o, "annual_yuan", yuan(c->annual));
	json_object_set_new(o, "share_of_income", ratio_ppm(c->share_ppm));
	json_object_set_new(o, "pension_monthly_yuan", yuan(c->pension_monthly));
	if (with_base)
		json_object_set_new(o, "base_yuan", yuan(c->base));
	return o;
}

/* An option's scheme, region code and region names: both schemas open
 * an option with them. */
static json_t *
option_head(const struct advice_option *o, const struct policy_set *ps)
{
	char code[8];
	snprintf(code, sizeof code, "%06d", o->region);
	json_t *j = json_object();
	json_object_set_new(j, "scheme", json_string(advice_scheme_name(o->scheme)));
	json_object_set_new(j, "region", json_string(code));
	const struct policy_region *r = policy_set_region(ps, o->region);
	if (r != NULL) {
		json_t *names = json_object();
		json_object_set_new(names, "zh", json_string(r->name_zh));
		json_object_set_new(names, "en", json_string(r->name_en));
		json_object_set_new(j, "region_name", names);
	}
	return j;
}

static json_t *
option(const struct advice_option *o, const struct policy_set *ps, struct date on)
{
	json_t *j = option_head(o, ps);
	json_object_set_new(j, "eligible", tri(o->eligible));
	json_object_set_new(j, "blockers", items(o->blockers, o->nblockers, o->region, on));

	bool emp = o->scheme == ADVICE_EMPLOYEE;
	json_t *c = cost(&o->low, emp);
	if (emp)
		json_object_set_new(c, "matched", cost(&o->matched, true));
	else
		json_object_set_new(c, "is_national_minimum", json_boolean(o->cost_is_minimum));
	if (o->cost_ref != NULL && o->low.annual != ADVICE_UNKNOWN)
		ref_fields(c, o->cost_ref, o->region, on);
	else if (o->cost_ref != NULL)
		json_object_set_new(c, "source", json_string(o->cost_ref->source));
	json_object_set_new(c, "form", json_string(cost_forms[o->cost_form]));
	json_object_set_new(c, "tier", o->tier != NULL ? json_string(o->tier) : json_null());
	if (emp && o->base_ref != NULL && o->low.base != ADVICE_UNKNOWN) {
		json_t *b = json_object();
		ref_fields(b, o->base_ref, o->region, on);
		json_object_set_new(b, "fixed", json_boolean(o->base_is_fixed));
		json_object_set_new(b, "derived_from_wage", json_boolean(o->base_derived));
		if (o->base_derived && o->wage_ref != NULL)
			json_object_set_new(b, "wage_document", json_string(o->wage_ref->source));
		json_object_set_new(c, "base_source", b);
	}
	json_object_set_new(j, "cost", c);

	json_t *b = json_object();
	json_object_set_new(b, "inpatient_ratio",
	                    o->inpatient_bp == ADVICE_UNKNOWN ? json_null()
	                                                      : json_real(o->inpatient_bp / 10000.0));
	json_object_set_new(b, "ratio_is_national_average", json_boolean(o->inpatient_is_average));
	json_object_set_new(b, "personal_account", tri(o->personal_account));
	json_object_set_new(b, "family_sharing", tri(o->family_sharing));
	json_object_set_new(j, "benefits", b);

	json_object_set_new(j, "waiting_months",
	                    o->waiting_months < 0 ? json_null() : json_integer(o->waiting_months));

	json_t *rt = json_object();
	if (o->retirement.age_months > 0) {
		char when[8];
		snprintf(when, sizeof when, "%04d-%02d", o->retirement.year, o->retirement.month);
		json_object_set_new(rt, "age",
		                    json_real((double)((o->retirement.age_months * 100 + 6) / 12) / 100.0));
		json_object_set_new(rt, "age_years", json_integer(o->retirement.age_months / 12));
		json_object_set_new(rt, "age_months", json_integer(o->retirement.age_months % 12));
		json_object_set_new(rt, "date", json_string(when));
	} else {
		json_object_set_new(rt, "age", json_null());
	}
	json_object_set_new(rt, "years_at_retirement", tenths(o->retirement.years_at_retirement));
	json_object_set_new(rt, "years_required",
	                    o->retirement.years_required < 0 ? json_null()
	                                                     : json_integer(o->retirement.years_required));
	json_object_set_new(rt, "shortfall_years", tenths(o->retirement.shortfall));
	json_object_set_new(j, "retirement", rt);
	json_object_set_new(j, "caveats", items(o->caveats, o->ncaveats, o->region, on));
	return j;
}

json_t *
json_advice(const struct advice *adv, const struct policy_set *ps)
{
	char d[11];
	json_t *j = json_object();
	if (j == NULL)
		return NULL;
	date_format(adv->as_of, d);
	json_object_set_new(j, "schema", json_string("yibao.advice/1"));
	json_object_set_new(j, "as_of", json_string(d));
	json_t *opts = json_array();
	for (int i = 0; i < adv->noptions; i++)
		json_array_append_new(opts, option(&adv->options[i], ps, adv->as_of));
	json_object_set_new(j, "options", opts);
	json_object_set_new(j, "recommended",
	                    adv->recommended < 0 ? json_null() : json_integer(adv->recommended));
	json_object_set_new(j, "reasons", items(adv->reasons, adv->nreasons, -1, adv->as_of));
	return j;
}

char *
json_advice_dump(const json_t *j, int indent)
{
	return json_dumps(j, JSON_REAL_PRECISION(12) | (indent ? JSON_INDENT(indent) : JSON_COMPACT) |
	                         JSON_PRESERVE_ORDER);
}

/* ---------------------------------------------------------------- advice/2 */

/* The advice/2 text is written by one writer (jsonw) for both forms: the
 * advise object (pretty, every document in full) and the batch row
 * (compact, documents by id). */

/* The documents of one advice, each once: items refer to them by index. */
struct srclist {
	const struct policy_ref *refs[128];
	int year[128]; /* a batch row's source: the last known figure's year, or 0 */
	int n;
	bool by_year; /* a batch row: a source is also told apart by that year */
	struct date on;
	/* the references met so far and their sources: most are met again */
	const struct policy_ref *seen[256];
	int seen_at[256];
	int nseen;
	struct json_cache *cache; /* a batch's: what each reference's source is, across rows */
	/* a batch row's references met so far, by pointer: the most asked
	 * ones found before the cache's table is probed */
	const struct policy_ref *near[32];
	int near_at[32];
};

static void
remember(struct srclist *s, const struct policy_ref *ref, int i)
{
	if (s->nseen < (int)(sizeof s->seen / sizeof s->seen[0])) {
		s->seen[s->nseen] = ref;
		s->seen_at[s->nseen++] = i;
	}
}

/* Two references are one source when they rest on the same documents with
 * the same label, date checked and formula. */
static bool
same_source(const struct policy_ref *a, const struct policy_ref *b)
{
	if (a == b)
		return true;
	if (a->ndocs != b->ndocs || a->confidence != b->confidence || date_cmp(a->checked, b->checked) != 0 ||
	    strcmp(a->source, b->source) != 0)
		return false;
	for (int i = 0; i < a->ndocs; i++)
		if (a->docs[i] != b->docs[i])
			return false;
	return a->formula == b->formula || (a->formula && b->formula && strcmp(a->formula, b->formula) == 0);
}

static bool same_source(const struct policy_ref *a, const struct policy_ref *b);

/* Through a batch's cache: ref's source as the first reference of it met
 * in the batch (*rep), and its year, looked up once a reference and date.
 * False when the cache is full. */
static int
canon(struct json_cache *c, const struct policy_ref *ref, struct date on, const struct policy_ref **rep,
      int *year)
{
	int32_t d = date_yyyymmdd(on);
	uintptr_t h = ((uintptr_t)ref >> 3) * 2654435761u + (unsigned)d;
	int i = (int)(h & (JSON_CACHE_SLOTS - 1));
	while (c->ref[i].key != NULL && (c->ref[i].key != ref || c->ref[i].on != d))
		i = (i + 1) & (JSON_CACHE_SLOTS - 1);
	if (c->ref[i].key != NULL) {
		*rep = c->ref[i].rep;
		*year = c->ref[i].year;
		return i;
	}
	/* a row starts with at most half the slots used (json_advice2_row),
	 * and names far fewer references than the other half */
	if (c->rused >= JSON_CACHE_SLOTS - 64)
		return -1;
	int k = 0;
	while (k < c->nreps && !same_source(c->reps[k], ref))
		k++;
	if (k == c->nreps) {
		if (c->nreps == (int)(sizeof c->reps / sizeof c->reps[0]))
			return -1;
		c->reps[c->nreps++] = ref;
	}
	c->ref[i].key = ref;
	c->ref[i].on = d;
	c->ref[i].rep = *rep = c->reps[k];
	c->ref[i].year = *year = policy_ref_is_current(ref, on) ? 0 : ref->from.y;
	c->ref[i].gen = 0;
	c->rused++;
	return i;
}

static int
src_index(struct srclist *s, const struct policy_ref *ref)
{
	if (ref == NULL)
		return -1;
	const struct policy_ref *rep;
	int cyear, slot;
	unsigned h = (unsigned)(((uintptr_t)ref >> 4) & 31u);
	if (s->cache != NULL && s->by_year && s->near[h] == ref)
		return s->near_at[h];
	if (s->cache != NULL && s->by_year && (slot = canon(s->cache, ref, s->on, &rep, &cyear)) >= 0) {
		struct json_cache *c = s->cache;
		if (c->ref[slot].gen == c->gen) {
			s->near[h] = ref;
			s->near_at[h] = c->ref[slot].idx;
			return c->ref[slot].idx; /* met before in this row */
		}
		/* the same sources, told apart by pointers */
		int i = 0;
		while (i < s->n && (s->refs[i] != rep || s->year[i] != cyear))
			i++;
		if (i == s->n) {
			if (s->n == (int)(sizeof s->refs / sizeof s->refs[0]))
				return -1;
			s->refs[s->n] = rep;
			s->year[s->n++] = cyear;
		}
		c->ref[slot].gen = c->gen;
		c->ref[slot].idx = i;
		s->near[h] = ref;
		s->near_at[h] = i;
		return i;
	}
	for (int i = 0; i < s->nseen; i++)
		if (s->seen[i] == ref)
			return s->seen_at[i]; /* a reference met before: its source (and year) */
	int year = s->by_year && !policy_ref_is_current(ref, s->on) ? ref->from.y : 0;
	for (int i = 0; i < s->n; i++)
		if (s->year[i] == year && same_source(s->refs[i], ref)) {
			remember(s, ref, i);
			return i;
		}
	if (s->n == (int)(sizeof s->refs / sizeof s->refs[0]))
		return -1;
	s->refs[s->n] = ref;
	s->year[s->n] = year;
	remember(s, ref, s->n);
	return s->n++;
}

struct out2 {
	struct jsonw *w;
	struct srclist s;
	const struct policy_set *ps;
	struct date on;
	enum json_form form;
	struct json_cache *cache; /* a batch's, or NULL */
};

/* Empty, keeping the arena. */
static void
json_cache_reset(struct json_cache *c)
{
	memset(c->text, 0, sizeof c->text);
	memset(c->ref, 0, sizeof c->ref);
	c->used = c->rused = c->nreps = 0;
	c->n = 0;
}

void
json_cache_init(struct json_cache *c)
{
	c->arena = NULL;
	c->cap = 0;
	c->gen = 0;
	json_cache_reset(c);
}

void
json_cache_fini(struct json_cache *c)
{
	free(c->arena);
	json_cache_init(c);
}

/* The slot of (key, tag): where it is, or the empty one it would go in. */
static int
cache_slot(const struct json_cache *c, const void *key, int tag)
{
	uintptr_t h = ((uintptr_t)key >> 3) * 2654435761u + (unsigned)tag * 40503u;
	int i = (int)(h & (JSON_CACHE_SLOTS - 1));
	while (c->text[i].key != NULL && (c->text[i].key != key || c->text[i].tag != tag))
		i = (i + 1) & (JSON_CACHE_SLOTS - 1);
	return i;
}

/* Write (key, tag)'s string from the cache when it is there (true). */
static bool
cache_put(struct out2 *x, const void *key, int tag)
{
	struct json_cache *c = x->cache;
	if (c == NULL)
		return false;
	int i = cache_slot(c, key, tag);
	if (c->text[i].key == NULL)
		return false;
	jsonw_raw(x->w, c->arena + c->text[i].off, c->text[i].len);
	return true;
}

/* Keep what was written from mark on (a string, after its separator) as
 * (key, tag)'s. A full cache keeps nothing more. */
static void
cache_keep(struct out2 *x, const void *key, int tag, size_t mark)
{
	struct json_cache *c = x->cache;
	struct jsonw *w = x->w;
	if (c == NULL || w->failed || c->used >= JSON_CACHE_SLOTS / 2)
		return;
	if (mark < w->n && w->p[mark] == ',')
		mark++;
	size_t len = w->n - mark;
	if (c->n + len > c->cap) {
		size_t cap = c->cap == 0 ? 65536 : c->cap * 2;
		while (cap < c->n + len)
			cap *= 2;
		if (cap > UINT32_MAX)
			return;
		char *a = realloc(c->arena, cap);
		if (a == NULL)
			return;
		c->arena = a;
		c->cap = cap;
	}
	int i = cache_slot(c, key, tag);
	memcpy(c->arena + c->n, w->p + mark, len);
	c->text[i].key = key;
	c->text[i].tag = tag;
	c->text[i].off = (uint32_t)c->n;
	c->text[i].len = (uint32_t)len;
	c->n += len;
	c->used++;
}

/* A place's own text (borrowed from the policy set), or null. */
static void
text_or_null(struct out2 *x, const char *s)
{
	if (s == NULL) {
		jsonw_null(x->w);
		return;
	}
	if (cache_put(x, s, -1))
		return;
	size_t mark = x->w->n;
	jsonw_str(x->w, s);
	cache_keep(x, s, -1, mark);
}

static void
yuan2(struct jsonw *w, int64_t fen)
{
	if (fen == ADVICE_UNKNOWN)
		jsonw_null(w);
	else
		jsonw_fixed(w, fen, 2);
}

static void
ratio2(struct jsonw *w, int64_t ppm)
{
	if (ppm == ADVICE_UNKNOWN)
		jsonw_null(w);
	else
		jsonw_fixed(w, (ppm + 50) / 100, 4); /* four decimals: 0.1427 */
}

static void
tenths2(struct jsonw *w, int t)
{
	if (t < 0)
		jsonw_null(w);
	else
		jsonw_fixed(w, t, 1);
}

static void
tri2(struct jsonw *w, int v)
{
	if (v < 0)
		jsonw_null(w);
	else
		jsonw_bool(w, v);
}

static void
date2(struct jsonw *w, struct date d)
{
	jsonw_date(w, d.y, d.m, d.d);
}

/* A count or an index, or null when it is negative (not known, none). */
static void
index_or_null(struct jsonw *w, int64_t v)
{
	if (v < 0)
		jsonw_null(w);
	else
		jsonw_int(w, v);
}

/* "src": the source's index; "marks" when there are any (where a value
 * comes from and how sure it is: empty for the place's own, current,
 * verified figure); "year" for a last known figure. */
static void
cite2(struct out2 *x, const struct policy_ref *ref, int region, bool minimum)
{
	struct jsonw *w = x->w;
	int i = src_index(&x->s, ref);
	jsonw_key(w, "src");
	index_or_null(w, i);
	if (ref == NULL)
		return;
	struct policy_marks pm = policy_ref_marks(ref, region, x->on);
	const char *m[3];
	int n = 0;
	if (pm.national)
		m[n++] = minimum ? "national_minimum" : "national";
	else if (pm.province)
		m[n++] = "province";
	if (pm.year != 0)
		m[n++] = "last_known";
	if (pm.confidence != POLICY_VERIFIED)
		m[n++] = policy_confidence_name(pm.confidence);
	if (n > 0) {
		jsonw_key(w, "marks");
		jsonw_open(w, '[');
		for (int k = 0; k < n; k++)
			jsonw_str(w, m[k]);
		jsonw_close(w, ']');
	}
	if (pm.year != 0) {
		jsonw_key(w, "year");
		jsonw_int(w, pm.year);
	}
}

/* The numbers an item carries, by the names its id gives them. */
static void
values2(struct jsonw *w, const struct advice_item *it)
{
	bool open = false;
	for (int i = 0; i < ADVICE_MAX_VALUES; i++) {
		const char *name = advice_id_value_name(it->id, i);
		if (name == NULL)
			continue;
		if (!open) {
			jsonw_key(w, "values");
			jsonw_open(w, '{');
			open = true;
		}
		jsonw_key(w, name);
		if (it->id == ADVICE_UNKNOWN_VALUE)
			jsonw_word(w, advice_field_name((enum advice_field)it->v[i]));
		else if (it->v[i] == ADVICE_UNKNOWN)
			jsonw_null(w);
		else
			jsonw_int(w, it->v[i]);
	}
	if (open)
		jsonw_close(w, '}');
}

static void
src_value(struct out2 *x, const struct policy_ref *ref)
{
	int i = src_index(&x->s, ref);
	if (i < 0)
		jsonw_null(x->w);
	else
		jsonw_int(x->w, i);
}

/* A batch row's item: [id, src, its values in the order of their names]. */
static void
row_item(struct out2 *x, const struct advice_item *it)
{
	struct jsonw *w = x->w;
	jsonw_open(w, '[');
	jsonw_word(w, advice_id_name(it->id));
	src_value(x, it->ref);
	for (int i = 0; i < ADVICE_MAX_VALUES; i++) {
		if (advice_id_value_name(it->id, i) == NULL)
			continue;
		if (it->id == ADVICE_UNKNOWN_VALUE)
			jsonw_word(w, advice_field_name((enum advice_field)it->v[i]));
		else if (it->v[i] == ADVICE_UNKNOWN)
			jsonw_null(w);
		else
			jsonw_int(w, it->v[i]);
	}
	jsonw_close_trim(w);
}

static void
items2(struct out2 *x, const char *key, const struct advice_item *its, int n, int region)
{
	struct jsonw *w = x->w;
	jsonw_key(w, key);
	jsonw_open(w, '[');
	for (int i = 0; i < n; i++) {
		jsonw_open(w, '{');
		jsonw_key(w, "id");
		jsonw_word(w, advice_id_name(its[i].id));
		values2(w, &its[i]);
		cite2(x, its[i].ref, region, false);
		jsonw_close(w, '}');
	}
	jsonw_close(w, ']');
}

static void
str_or_null(struct jsonw *w, const char *s)
{
	if (s == NULL)
		jsonw_null(w);
	else
		jsonw_str(w, s);
}

/* A step's id in the JSON: the core's step name, but for the apply step,
 * which is apply_employee or pay_resident by scheme. */
static const char *
step_id(const struct advice_step *p, bool employee)
{
	static const char *const ids[ADVICE_STEP_COUNT] = {
	    [ADVICE_STEP_APPLY] = NULL,
	    [ADVICE_STEP_BRING] = "bring_documents",
	    [ADVICE_STEP_WINDOW] = "enrolment_window",
	    [ADVICE_STEP_PAY] = "payment",
	    [ADVICE_STEP_HOTLINE] = "hotline",
	    [ADVICE_STEP_TRANSFER] = "transfer",
	    [ADVICE_STEP_REMOTE_CARE] = "remote_care_filing",
	    [ADVICE_STEP_PERMIT] = "residence_permit",
	};
	return ids[p->id] != NULL ? ids[p->id] : employee ? "apply_employee" : "pay_resident";
}

/* A batch row's step: [id, src, what the step says], by its id: apply
 * [text], bring [[documents]], window [from, to] (none: set locally),
 * payment [per_year, text], hotline [number] (none: 12393 after the area
 * code), transfer, remote care filing and residence permit nothing more; trailing nulls
 * left out. */
static void
row_step(struct out2 *x, const struct advice_step *p, bool employee)
{
	struct jsonw *w = x->w;
	jsonw_open(w, '[');
	jsonw_word(w, step_id(p, employee));
	src_value(x, p->ref);
	switch (p->id) {
	case ADVICE_STEP_APPLY:
		text_or_null(x, p->text);
		break;
	case ADVICE_STEP_BRING:
		jsonw_open(w, '[');
		for (int bit = 1; bit < 1 << ADVICE_DOC_COUNT; bit <<= 1)
			if (p->v[0] & bit)
				jsonw_word(w, advice_document_name(bit));
		jsonw_close(w, ']');
		break;
	case ADVICE_STEP_WINDOW:
		if (p->v[0] != ADVICE_UNKNOWN) {
			date2(w, policy_date(p->v[0]));
			date2(w, policy_date(p->v[1]));
			if (p->v[2] == 1)
				jsonw_bool(w, true);
		}
		break;
	case ADVICE_STEP_PAY:
		jsonw_int(w, p->v[0]);
		text_or_null(x, p->text);
		break;
	case ADVICE_STEP_HOTLINE:
		text_or_null(x, p->text);
		break;
	default:
		break;
	}
	jsonw_close_trim(w);
}

/* The next steps of an option (the core's), as ids a front end words, with
 * the place's own text where the data has it. */
static void
steps2(struct out2 *x, const struct advice_option *o)
{
	struct jsonw *w = x->w;
	jsonw_key(w, "next_steps");
	jsonw_open(w, '[');
	for (int i = 0; i < o->nsteps; i++) {
		const struct advice_step *p = &o->steps[i];
		const char *id = step_id(p, o->scheme == ADVICE_EMPLOYEE);
		jsonw_open(w, '{');
		jsonw_key(w, "id");
		jsonw_str(w, id);
		jsonw_key(w, "help");
		jsonw_word(w, advice_step_name(p->id));
		if (p->text != NULL && p->id != ADVICE_STEP_HOTLINE) {
			jsonw_key(w, "text");
			jsonw_str(w, p->text);
		}
		if (p->id == ADVICE_STEP_BRING) {
			jsonw_key(w, "documents");
			jsonw_open(w, '[');
			for (int bit = 1; bit < 1 << ADVICE_DOC_COUNT; bit <<= 1)
				if (p->v[0] & bit)
					jsonw_word(w, advice_document_name(bit));
			jsonw_close(w, ']');
		} else if (p->id == ADVICE_STEP_WINDOW && p->v[0] != ADVICE_UNKNOWN) {
			jsonw_key(w, "from");
			date2(w, policy_date(p->v[0]));
			jsonw_key(w, "to");
			date2(w, policy_date(p->v[1]));
			if (p->v[2] == 1) { /* the last known window has ended: the next is set locally */
				jsonw_key(w, "passed");
				jsonw_bool(w, true);
			}
		} else if (p->id == ADVICE_STEP_WINDOW) {
			jsonw_key(w, "set_locally");
			jsonw_bool(w, true);
		} else if (p->id == ADVICE_STEP_PAY) {
			jsonw_key(w, "per_year");
			jsonw_int(w, p->v[0]);
		} else if (p->id == ADVICE_STEP_HOTLINE) {
			jsonw_key(w, "number");
			jsonw_str(w, p->text != NULL ? p->text : "12393");
			if (p->text == NULL) {
				jsonw_key(w, "with_area_code");
				jsonw_bool(w, true);
			}
		}
		if (p->ref != NULL)
			cite2(x, p->ref, o->region, false);
		jsonw_close(w, '}');
	}
	jsonw_close(w, ']');
}

static bool
same_cost(const struct advice_cost *a, const struct advice_cost *b)
{
	return a->monthly == b->monthly && a->annual == b->annual && a->share_ppm == b->share_ppm &&
	       a->pension_monthly == b->pension_monthly && a->base == b->base;
}

/* An option's cost: at the lowest base, and at the base matched to income
 * (in a batch row only when it differs). */
static void
cost_fields(struct jsonw *w, const struct advice_cost *c, bool with_base)
{
	jsonw_key(w, "monthly_yuan");
	yuan2(w, c->monthly);
	jsonw_key(w, "annual_yuan");
	yuan2(w, c->annual);
	jsonw_key(w, "share_of_income");
	ratio2(w, c->share_ppm);
	jsonw_key(w, "pension_monthly_yuan");
	yuan2(w, c->pension_monthly);
	if (with_base) {
		jsonw_key(w, "base_yuan");
		yuan2(w, c->base);
	}
}

static void detail2(struct out2 *x, const struct advice_option *o);

static void
option2(struct out2 *x, const struct advice_option *o)
{
	struct jsonw *w = x->w;
	jsonw_open(w, '{');
	jsonw_key(w, "scheme");
	jsonw_word(w, advice_scheme_name(o->scheme));
	jsonw_key(w, "region");
	jsonw_code(w, o->region);
	const struct policy_region *r = policy_set_region(x->ps, o->region);
	if (r != NULL) {
		jsonw_key(w, "region_name");
		jsonw_open(w, '{');
		jsonw_key(w, "zh");
		jsonw_str(w, r->name_zh);
		jsonw_key(w, "en");
		jsonw_str(w, r->name_en);
		jsonw_close(w, '}');
	}
	if (r != NULL) {
		jsonw_key(w, "local_data");
		jsonw_bool(w, r->file != NULL);
	}
	jsonw_key(w, "eligible");
	tri2(w, o->eligible);
	items2(x, "blockers", o->blockers, o->nblockers, o->region);

	bool emp = o->scheme == ADVICE_EMPLOYEE;
	jsonw_key(w, "cost");
	jsonw_open(w, '{');
	cost_fields(w, &o->low, emp);
	if (emp) {
		jsonw_key(w, "matched");
		jsonw_open(w, '{');
		cost_fields(w, &o->matched, true);
		jsonw_close(w, '}');
	} else if (!emp) {
		jsonw_key(w, "is_national_minimum");
		jsonw_bool(w, o->cost_is_minimum);
	}
	jsonw_key(w, "form");
	jsonw_word(w, cost_forms[o->cost_form]);
	if (o->tier != NULL) {
		jsonw_key(w, "tier");
		jsonw_str(w, o->tier);
	}
	if (o->cost_ref != NULL)
		cite2(x, o->cost_ref, o->region, o->cost_is_minimum);
	if (emp && o->base_ref != NULL && o->low.base != ADVICE_UNKNOWN) {
		jsonw_key(w, "base");
		jsonw_open(w, '{');
		jsonw_key(w, "fixed");
		jsonw_bool(w, o->base_is_fixed);
		jsonw_key(w, "derived_from_wage");
		jsonw_bool(w, o->base_derived);
		cite2(x, o->base_ref, o->region, false);
		if (o->base_derived && o->wage_ref != NULL) {
			int k = src_index(&x->s, o->wage_ref);
			jsonw_key(w, "wage_src");
			jsonw_int(w, k);
		}
		jsonw_close(w, '}');
	}
	jsonw_close(w, '}');

	jsonw_key(w, "benefits");
	jsonw_open(w, '{');
	jsonw_key(w, "inpatient_ratio");
	if (o->inpatient_bp == ADVICE_UNKNOWN)
		jsonw_null(w);
	else
		jsonw_fixed(w, o->inpatient_bp, 4);
	jsonw_key(w, "ratio_is_national_average");
	jsonw_bool(w, o->inpatient_is_average);
	if (o->inpatient_bp != ADVICE_UNKNOWN)
		cite2(x, o->inpatient_ref, o->region, false);
	jsonw_key(w, "personal_account");
	tri2(w, o->personal_account);
	jsonw_key(w, "family_sharing");
	tri2(w, o->family_sharing);
	jsonw_key(w, "hospital_stay");
	jsonw_open(w, '{');
	jsonw_key(w, "bill_yuan");
	yuan2(w, o->stay.bill);
	jsonw_key(w, "you_pay_yuan");
	yuan2(w, o->stay.own);
	jsonw_key(w, "deductible_yuan");
	yuan2(w, o->stay.deductible);
	jsonw_close(w, '}');
	jsonw_close(w, '}');

	jsonw_key(w, "waiting_months");
	index_or_null(w, o->waiting_months);
	if (o->waiting_is_bound) {
		jsonw_key(w, "waiting_is_national_bound");
		jsonw_bool(w, true);
	}
	jsonw_key(w, "retirement");
	jsonw_open(w, '{');
	if (o->retirement.age_months > 0) {
		char when[8];
		snprintf(when, sizeof when, "%04d-%02d", o->retirement.year, o->retirement.month);
		jsonw_key(w, "age_years");
		jsonw_int(w, o->retirement.age_months / 12);
		jsonw_key(w, "age_months");
		jsonw_int(w, o->retirement.age_months % 12);
		jsonw_key(w, "date");
		jsonw_str(w, when);
		jsonw_key(w, "passed");
		jsonw_bool(w, o->retirement.year * 100 + o->retirement.month <= x->on.y * 100 + x->on.m);
	}
	jsonw_key(w, "years_at_retirement");
	tenths2(w, o->retirement.years_at_retirement);
	jsonw_key(w, "years_required");
	if (o->retirement.years_required < 0)
		jsonw_null(w);
	else
		jsonw_int(w, o->retirement.years_required);
	jsonw_key(w, "shortfall_years");
	tenths2(w, o->retirement.shortfall);
	/* the source of years_required, with its marks */
	if (o->retirement.years_ref != NULL)
		cite2(x, o->retirement.years_ref, o->region, false);
	jsonw_close(w, '}');
	items2(x, "caveats", o->caveats, o->ncaveats, o->region);
	steps2(x, o);
	detail2(x, o);
	jsonw_close(w, '}');
}

/* What only the detail view tells, beside the figures: the resident
 * scheme's subsidy, the add-ons within the employee scheme's cost, the
 * base in the document's words, the average wage a floor is worked out
 * from, and the years that must be actually paid, and paid in the city
 * itself. Each part only where the data has it. */
static void
detail2(struct out2 *x, const struct advice_option *o)
{
	struct jsonw *w = x->w;
	jsonw_key(w, "detail");
	jsonw_open(w, '{');
	if (o->ntiers > 1) { /* the what-if's tiers, each with its yearly cost; cost.tier is the one costed */
		jsonw_key(w, "tiers");
		jsonw_open(w, '[');
		for (int k = 0; k < o->ntiers; k++) {
			jsonw_open(w, '{');
			jsonw_key(w, "name");
			str_or_null(w, o->tier_zh[k]);
			jsonw_key(w, "name_en");
			str_or_null(w, o->tier_en[k] != o->tier_zh[k] ? o->tier_en[k] : NULL);
			jsonw_key(w, "annual_yuan");
			yuan2(w, o->tier_annual[k]);
			jsonw_close(w, '}');
		}
		jsonw_close(w, ']');
	}
	if (o->subsidy != ADVICE_UNKNOWN) {
		jsonw_key(w, "subsidy");
		jsonw_open(w, '{');
		jsonw_key(w, "annual_yuan");
		yuan2(w, o->subsidy);
		cite2(x, o->subsidy_ref, o->region, false);
		jsonw_close(w, '}');
	}
	if (o->addon_ref != NULL && o->addon_annual > 0) {
		jsonw_key(w, "addons");
		jsonw_open(w, '{');
		jsonw_key(w, "annual_yuan");
		yuan2(w, o->addon_annual);
		jsonw_key(w, "name");
		str_or_null(w, o->addon_name);
		cite2(x, o->addon_ref, o->region, false);
		jsonw_close(w, '}');
	}
	if (o->base_wording != NULL && o->low.base != ADVICE_UNKNOWN) {
		jsonw_key(w, "base_wording");
		jsonw_open(w, '{');
		jsonw_key(w, "text");
		jsonw_str(w, o->base_wording);
		cite2(x, o->base_wording_ref, o->region, false);
		jsonw_close(w, '}');
	}
	if (o->base_derived && o->wage != ADVICE_UNKNOWN && o->low.base != ADVICE_UNKNOWN) {
		jsonw_key(w, "wage");
		jsonw_open(w, '{');
		jsonw_key(w, "monthly_yuan");
		yuan2(w, o->wage);
		jsonw_key(w, "floor_share");
		jsonw_fixed(w, o->floor_bp, 4);
		jsonw_key(w, "scope");
		str_or_null(w, o->wage_scope);
		cite2(x, o->wage_ref, o->region, false);
		jsonw_close(w, '}');
	}
	if (o->scheme == ADVICE_EMPLOYEE && o->retirement.actual_min >= 0) {
		jsonw_key(w, "years_actual_min");
		jsonw_open(w, '{');
		jsonw_key(w, "years");
		jsonw_int(w, o->retirement.actual_min);
		cite2(x, o->retirement.actual_ref, o->region, false);
		jsonw_close(w, '}');
	}
	if (o->scheme == ADVICE_EMPLOYEE && o->retirement.local_min >= 0) {
		jsonw_key(w, "years_local_min");
		jsonw_open(w, '{');
		jsonw_key(w, "years");
		jsonw_int(w, o->retirement.local_min);
		jsonw_key(w, "at_retirement");
		tenths2(w, o->retirement.local_at_retirement);
		cite2(x, o->retirement.local_ref, o->region, false);
		jsonw_close(w, '}');
	}
	jsonw_close(w, '}');
}

/* The answer first, as data: the recommended option's cost with its
 * pension, and a line per other option. */
static void
summary2(struct jsonw *w, const struct advice *adv)
{
	int rec = adv->recommended;
	jsonw_key(w, "summary");
	jsonw_open(w, '{');
	jsonw_key(w, "recommended");
	if (rec < 0)
		jsonw_null(w);
	else
		jsonw_int(w, rec);
	if (rec >= 0) {
		const struct advice_cost *c = &adv->options[rec].matched;
		bool p = c->pension_monthly != ADVICE_UNKNOWN && c->pension_monthly > 0;
		jsonw_key(w, "medical_monthly_yuan");
		yuan2(w, c->monthly);
		jsonw_key(w, "pension_monthly_yuan");
		yuan2(w, c->pension_monthly);
		jsonw_key(w, "total_monthly_yuan");
		yuan2(w, c->monthly == ADVICE_UNKNOWN ? ADVICE_UNKNOWN
		                                      : c->monthly + (p ? c->pension_monthly : 0));
		jsonw_key(w, "total_annual_yuan");
		yuan2(w, c->annual == ADVICE_UNKNOWN ? ADVICE_UNKNOWN
		                                     : c->annual + (p ? c->pension_monthly * 12 : 0));
		jsonw_key(w, "cost_unknown_first");
		jsonw_bool(w, adv->nreasons > 0 && adv->reasons[0].id == ADVICE_REASON_COST_UNKNOWN);
		jsonw_key(w, "next_step");
		jsonw_str(w, adv->options[rec].scheme == ADVICE_EMPLOYEE ? "apply_employee" : "pay_resident");
	}
	jsonw_key(w, "others");
	jsonw_open(w, '[');
	for (int i = 0; i < adv->noptions; i++) {
		if (i == rec)
			continue;
		const struct advice_option *o = &adv->options[i];
		jsonw_open(w, '{');
		jsonw_key(w, "option");
		jsonw_int(w, i);
		jsonw_key(w, "status");
		jsonw_str(w, o->nblockers > 0 || o->eligible == 0 ? "closed"
		             : o->eligible < 0                    ? "unknown"
		                                                  : "open");
		if (o->nblockers > 0) {
			jsonw_key(w, "blocker");
			jsonw_word(w, advice_id_name(o->blockers[0].id));
		} else {
			const struct advice_cost *c = &o->matched;
			jsonw_key(w, "total_monthly_yuan");
			yuan2(w, c->monthly == ADVICE_UNKNOWN
			             ? ADVICE_UNKNOWN
			             : c->monthly +
			                   (c->pension_monthly > 0 && c->pension_monthly != ADVICE_UNKNOWN
			                        ? c->pension_monthly
			                        : 0));
		}
		jsonw_close(w, '}');
	}
	jsonw_close(w, ']');
	jsonw_close(w, '}');
}

/* A document's stable id: its file's region code and its id in that file. */
static void
doc_id(struct jsonw *w, const struct policy_ref *ref, const struct policy_doc *d)
{
	char buf[160];
	size_t len = strlen(d->id);
	int r = ref->region;
	for (int i = 5; i >= 0; i--, r /= 10)
		buf[i] = (char)('0' + r % 10);
	buf[6] = '/';
	if (len > sizeof buf - 7)
		len = sizeof buf - 7; /* never in the data: ids are short */
	memcpy(buf + 7, d->id, len);
	jsonw_strn(w, buf, len + 7);
}

static void
sources2(struct out2 *x)
{
	struct jsonw *w = x->w;
	jsonw_key(w, "sources");
	jsonw_open(w, '[');
	for (int i = 0; i < x->s.n; i++) {
		const struct policy_ref *ref = x->s.refs[i];
		jsonw_open(w, '{');
		jsonw_key(w, "document");
		jsonw_str(w, ref->source);
		jsonw_key(w, "docs");
		jsonw_open(w, '[');
		for (int k = 0; k < ref->ndocs; k++)
			doc_id(w, ref, ref->docs[k]);
		jsonw_close(w, ']');
		jsonw_key(w, "checked");
		date2(w, ref->checked);
		jsonw_key(w, "confidence");
		jsonw_word(w, policy_confidence_name(ref->confidence));
		if (ref->confidence == POLICY_DERIVED && ref->formula != NULL) {
			jsonw_key(w, "formula");
			jsonw_str(w, ref->formula);
		}
		if (x->form == JSON_FULL && ref->read_at != NULL && ref->read_at[0] != '\0') {
			jsonw_key(w, "read_at");
			jsonw_str(w, ref->read_at);
		}
		jsonw_close(w, '}');
	}
	jsonw_close(w, ']');
}

/* An object's opening: the row's id (when it has one), the schema, the date. */
static void
head2(struct jsonw *w, const char *id, size_t id_len, const char *schema, struct date as_of)
{
	jsonw_open(w, '{');
	if (id != NULL) {
		jsonw_key(w, "id");
		jsonw_strn(w, id, id_len);
	}
	jsonw_key(w, "schema");
	jsonw_word(w, schema);
	jsonw_key(w, "as_of");
	date2(w, as_of);
}

/* ---------------------------------------------------------------- the batch row
 *
 * yibao.advice/2-row: the advise object in at most 3 kB, every member of it
 * recoverable by the README's rules (tests/test_batch.sh rebuilds it). What
 * follows from the rest is left out (the summary, the marks, the stay's
 * bill, the national hotline); what is the same for every option is said
 * once (the statutory retirement age and date, the caveats, each caveat
 * once with its options referring to it by index); cost, benefits, waiting
 * and years are arrays in a fixed order, their trailing nulls left out. */

/* Two items are one caveat when their id, values and source are the same. */
static bool
same_item(const struct advice_item *a, int asrc, const struct advice_item *b, int bsrc)
{
	if (a->id != b->id || asrc != bsrc)
		return false;
	for (int i = 0; i < ADVICE_MAX_VALUES; i++)
		if (advice_id_value_name(a->id, i) != NULL && a->v[i] != b->v[i])
			return false;
	return true;
}

static void
row_items(struct out2 *x, const char *key, const struct advice_item *its, int n)
{
	jsonw_key(x->w, key);
	jsonw_open(x->w, '[');
	for (int i = 0; i < n; i++)
		row_item(x, &its[i]);
	jsonw_close(x->w, ']');
}

struct rowcaveats {
	const struct advice_item *its[ADVICE_MAX_OPTIONS * ADVICE_MAX_CAVEATS];
	int src[ADVICE_MAX_OPTIONS * ADVICE_MAX_CAVEATS];
	int n;
};

static void
row_caveats(struct out2 *x, struct rowcaveats *g, const struct advice_option *o)
{
	struct jsonw *w = x->w;
	jsonw_key(w, "caveats");
	jsonw_open(w, '[');
	for (int i = 0; i < o->ncaveats; i++) {
		const struct advice_item *c = &o->caveats[i];
		/* a source is numbered when first compared (-2: not yet), as
		 * it is when written */
		int k = 0, src = -2;
		for (; k < g->n; k++) {
			if (g->its[k]->id != c->id)
				continue;
			if (g->src[k] == -2)
				g->src[k] = src_index(&x->s, g->its[k]->ref);
			if (src == -2)
				src = src_index(&x->s, c->ref);
			if (same_item(g->its[k], g->src[k], c, src))
				break;
		}
		if (k == g->n) { /* room for every caveat of every option */
			g->its[g->n] = c;
			g->src[g->n++] = src;
		}
		jsonw_int(w, k);
	}
	jsonw_close(w, ']');
}

static void
row_cost(struct jsonw *w, const struct advice_cost *c)
{
	yuan2(w, c->monthly);
	yuan2(w, c->annual);
	ratio2(w, c->share_ppm);
	yuan2(w, c->pension_monthly);
}

static void
row_option(struct out2 *x, struct rowcaveats *g, const struct advice_option *o)
{
	struct jsonw *w = x->w;
	bool emp = o->scheme == ADVICE_EMPLOYEE;
	jsonw_open(w, '{');
	jsonw_key(w, "scheme");
	jsonw_word(w, advice_scheme_name(o->scheme));
	jsonw_key(w, "region");
	jsonw_code(w, o->region);
	const struct policy_region *r = policy_set_region(x->ps, o->region);
	if (r == NULL || r->file == NULL) {
		jsonw_key(w, "local_data"); /* absent: true */
		if (r == NULL)
			jsonw_null(w);
		else
			jsonw_bool(w, false);
	}
	if (o->eligible != 1) { /* absent: true */
		jsonw_key(w, "eligible");
		tri2(w, o->eligible);
	}
	if (o->nblockers > 0)
		row_items(x, "blockers", o->blockers, o->nblockers);
	/* [form, src, monthly, annual, share, pension, base, tier, national minimum] */
	jsonw_key(w, "cost");
	jsonw_open(w, '[');
	jsonw_word(w, cost_forms[o->cost_form]);
	src_value(x, o->cost_ref);
	row_cost(w, &o->low);
	if (emp)
		yuan2(w, o->low.base);
	else
		jsonw_null(w);
	str_or_null(w, o->tier);
	if (!emp && o->cost_is_minimum)
		jsonw_bool(w, true);
	jsonw_close_trim(w);
	if (emp && !same_cost(&o->low, &o->matched)) {
		jsonw_key(w, "matched"); /* [monthly, annual, share, pension, base] */
		jsonw_open(w, '[');
		row_cost(w, &o->matched);
		yuan2(w, o->matched.base);
		jsonw_close(w, ']');
	}
	/* [src, fixed, derived from the wage, the wage's src]; absent for the
	 * floor of the cost's own source, neither fixed nor derived */
	if (emp && o->base_ref != NULL && o->low.base != ADVICE_UNKNOWN &&
	    (o->base_is_fixed || o->base_derived ||
	     src_index(&x->s, o->base_ref) != src_index(&x->s, o->cost_ref))) {
		jsonw_key(w, "base");
		jsonw_open(w, '[');
		src_value(x, o->base_ref);
		jsonw_bool(w, o->base_is_fixed);
		jsonw_bool(w, o->base_derived);
		if (o->base_derived && o->wage_ref != NULL)
			src_value(x, o->wage_ref);
		jsonw_close(w, ']');
	}
	/* [ratio, src, the national average, personal account, family sharing,
	 * you pay of the stay, its deductible] */
	jsonw_key(w, "benefits");
	jsonw_open(w, '[');
	if (o->inpatient_bp == ADVICE_UNKNOWN) {
		jsonw_null(w);
		jsonw_null(w);
	} else {
		jsonw_fixed(w, o->inpatient_bp, 4);
		src_value(x, o->inpatient_ref);
	}
	jsonw_bool(w, o->inpatient_is_average);
	tri2(w, o->personal_account);
	tri2(w, o->family_sharing);
	yuan2(w, o->stay.own);
	yuan2(w, o->stay.deductible);
	jsonw_close_trim(w);
	jsonw_key(w, "waiting"); /* [months, the national bound] */
	jsonw_open(w, '[');
	index_or_null(w, o->waiting_months);
	if (o->waiting_is_bound)
		jsonw_bool(w, true);
	jsonw_close(w, ']');
	jsonw_key(w, "years"); /* [at retirement, required, shortfall, src of required] */
	jsonw_open(w, '[');
	tenths2(w, o->retirement.years_at_retirement);
	index_or_null(w, o->retirement.years_required);
	tenths2(w, o->retirement.shortfall);
	src_value(x, o->retirement.years_ref);
	jsonw_close_trim(w);
	row_caveats(x, g, o);
	jsonw_key(w, "steps");
	jsonw_open(w, '[');
	for (int i = 0; i < o->nsteps; i++)
		row_step(x, &o->steps[i], emp);
	jsonw_close(w, ']');
	jsonw_close(w, '}');
}

/* Append to a row source's text: the digits of v, at least width of them. */
static size_t
put_num(char *buf, size_t n, unsigned v, int width)
{
	char d[12];
	int k = 0;
	do {
		d[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 || k < width);
	while (k > 0)
		buf[n++] = d[--k];
	return n;
}

/* A row's source as one string: "confidence checked REGION/ID… [@year]
 * [= formula]" (document ids have no space: the loader refuses one). */
static void
row_source_text(struct jsonw *w, const struct policy_ref *ref, int year)
{
	const char *conf = policy_confidence_name(ref->confidence);
	const char *formula = ref->confidence == POLICY_DERIVED ? ref->formula : NULL;
	size_t need = strlen(conf) + 12 + 8 + (formula != NULL ? strlen(formula) + 3 : 0);
	for (int k = 0; k < ref->ndocs; k++)
		need += 8 + strlen(ref->docs[k]->id);
	char small[512], *buf = need <= sizeof small ? small : malloc(need);
	if (buf == NULL) {
		w->failed = true;
		return;
	}
	size_t n = strlen(conf);
	memcpy(buf, conf, n);
	buf[n++] = ' ';
	n = put_num(buf, n, (unsigned)ref->checked.y, 4);
	buf[n++] = '-';
	n = put_num(buf, n, (unsigned)ref->checked.m, 2);
	buf[n++] = '-';
	n = put_num(buf, n, (unsigned)ref->checked.d, 2);
	for (int k = 0; k < ref->ndocs; k++) {
		size_t l = strlen(ref->docs[k]->id);
		buf[n++] = ' ';
		n = put_num(buf, n, (unsigned)ref->region, 6);
		buf[n++] = '/';
		memcpy(buf + n, ref->docs[k]->id, l);
		n += l;
	}
	if (year != 0) {
		buf[n++] = ' ';
		buf[n++] = '@';
		n = put_num(buf, n, (unsigned)year, 4);
	}
	if (formula != NULL) {
		memcpy(buf + n, " = ", 3);
		memcpy(buf + n + 3, formula, strlen(formula));
		n += 3 + strlen(formula);
	}
	jsonw_strn(w, buf, n);
	if (buf != small)
		free(buf);
}

static void
row_source(struct out2 *x, const struct policy_ref *ref, int year)
{
	if (cache_put(x, ref, year))
		return;
	size_t mark = x->w->n;
	row_source_text(x->w, ref, year);
	cache_keep(x, ref, year, mark);
}

static void
row2(struct out2 *x, const struct advice *adv, const char *id, size_t id_len)
{
	struct jsonw *w = x->w;
	struct rowcaveats g; /* read only up to n */
	g.n = 0;
	head2(w, id, id_len, "yibao.advice/2-row", adv->as_of);
	/* [age years, months, "YYYY-MM", passed]: the person's, the same in
	 * every option (the statutory age does not depend on the scheme) */
	jsonw_key(w, "retirement");
	const struct advice_option *o0 = adv->noptions > 0 ? &adv->options[0] : NULL;
	if (o0 == NULL || o0->retirement.age_months <= 0) {
		jsonw_null(w);
	} else {
		char when[8];
		snprintf(when, sizeof when, "%04d-%02d", o0->retirement.year, o0->retirement.month);
		jsonw_open(w, '[');
		jsonw_int(w, o0->retirement.age_months / 12);
		jsonw_int(w, o0->retirement.age_months % 12);
		jsonw_str(w, when);
		jsonw_bool(w, o0->retirement.year * 100 + o0->retirement.month <= x->on.y * 100 + x->on.m);
		jsonw_close(w, ']');
	}
	jsonw_key(w, "options");
	jsonw_open(w, '[');
	for (int i = 0; i < adv->noptions; i++)
		row_option(x, &g, &adv->options[i]);
	jsonw_close(w, ']');
	jsonw_key(w, "recommended");
	index_or_null(w, adv->recommended);
	row_items(x, "reasons", adv->reasons, adv->nreasons);
	jsonw_key(w, "caveats");
	jsonw_open(w, '[');
	for (int i = 0; i < g.n; i++)
		row_item(x, g.its[i]);
	jsonw_close(w, ']');
	jsonw_key(w, "sources");
	jsonw_open(w, '[');
	for (int i = 0; i < x->s.n; i++)
		row_source(x, x->s.refs[i], x->s.year[i]);
	jsonw_close(w, ']');
	jsonw_close(w, '}');
}

void
json_advice2_row(struct jsonw *w, const struct advice *adv, const struct policy_set *ps, const char *id,
                 size_t id_len, struct json_cache *cache)
{
	/* not zeroed whole: the source lists (4 kB) are read only up to their
	 * counts */
	struct out2 x;
	x.w = w;
	x.ps = ps;
	x.on = adv->as_of;
	x.form = JSON_ROW;
	x.cache = cache;
	x.s.n = x.s.nseen = 0;
	memset(x.s.near, 0, sizeof x.s.near);
	x.s.by_year = true;
	x.s.on = adv->as_of;
	x.s.cache = cache;
	/* a row names at most 128 sources and some 40 texts: a cache that might
	 * fill within this row starts again, so that every reference of a
	 * row is told apart the same way */
	if (cache != NULL && (cache->rused > JSON_CACHE_SLOTS / 2 - 160 ||
	                      cache->nreps > (int)(sizeof cache->reps / sizeof cache->reps[0]) - 160 ||
	                      cache->used > JSON_CACHE_SLOTS / 2 - 160))
		json_cache_reset(cache);
	if (cache != NULL)
		cache->gen++; /* a new row: its sources are numbered afresh */
	row2(&x, adv, id, id_len);
}

void
json_advice2_write(struct jsonw *w, const struct advice *adv, const struct policy_set *ps,
                   enum json_form form, const char *id, size_t id_len)
{
	struct out2 x = {.w = w, .ps = ps, .on = adv->as_of, .form = form};
	x.s.by_year = form == JSON_ROW;
	x.s.on = adv->as_of;
	if (form == JSON_ROW) {
		row2(&x, adv, id, id_len);
		return;
	}
	head2(w, id, id_len, "yibao.advice/2", adv->as_of);
	summary2(w, adv);
	jsonw_key(w, "options");
	jsonw_open(w, '[');
	for (int i = 0; i < adv->noptions; i++)
		option2(&x, &adv->options[i]);
	jsonw_close(w, ']');
	jsonw_key(w, "recommended");
	index_or_null(w, adv->recommended);
	items2(&x, "reasons", adv->reasons, adv->nreasons, -1);
	sources2(&x);
	jsonw_close(w, '}');
}

json_t *
json_advice2(const struct advice *adv, const struct policy_set *ps, bool provenance)
{
	struct jsonw w;
	json_t *j = NULL;
	jsonw_init(&w, 0);
	json_advice2_write(&w, adv, ps, provenance ? JSON_FULL : JSON_NO_PROVENANCE, NULL, 0);
	if (!w.failed)
		j = json_loadb(w.p, w.n, 0, NULL);
	jsonw_fini(&w);
	return j;
}
