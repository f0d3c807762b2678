/* json.c -- the advice as JSON, the yibao.advice/1 contract of DESIGN.md */
#include "json.h"

#include <stdio.h>
#include <string.h>

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
	static const char *const forms[] = {"unknown", "rate_times_base", "monthly_fixed", "annual_fixed"};
	json_object_set_new(c, "form", json_string(forms[o->cost_form]));
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

/* The documents of one advice, each once: items refer to them by index. */
struct srclist {
	const struct policy_ref *refs[128];
	int n;
};

static int
src_index(struct srclist *s, const struct policy_ref *ref)
{
	if (ref == NULL)
		return -1;
	for (int i = 0; i < s->n; i++)
		if (s->refs[i] == ref || (strcmp(s->refs[i]->source, ref->source) == 0 &&
		                          s->refs[i]->confidence == ref->confidence &&
		                          date_cmp(s->refs[i]->checked, ref->checked) == 0 &&
		                          (s->refs[i]->formula == ref->formula ||
		                           (s->refs[i]->formula && ref->formula &&
		                            strcmp(s->refs[i]->formula, ref->formula) == 0))))
			return i;
	if (s->n == (int)(sizeof s->refs / sizeof s->refs[0]))
		return -1;
	s->refs[s->n] = ref;
	return s->n++;
}

/* What a reader must know of a value: where it comes from and how sure it
 * is, as a list of words (empty: the place's own, current, verified). */
static json_t *
marks(const struct policy_ref *ref, int region, struct date on, bool minimum)
{
	json_t *m = json_array();
	if (ref == NULL)
		return m;
	if (ref->region == POLICY_NATIONAL && region != POLICY_NATIONAL)
		json_array_append_new(m, json_string(minimum ? "national_minimum" : "national"));
	else if (ref->region != region && region >= 0)
		json_array_append_new(m, json_string("province"));
	if (!policy_ref_is_current(ref, on))
		json_array_append_new(m, json_string("last_known"));
	if (ref->confidence != POLICY_VERIFIED)
		json_array_append_new(m, json_string(policy_confidence_name(ref->confidence)));
	return m;
}

/* "src": the source's index; "marks" when there are any; "year" for a
 * last known figure. */
static void
cite2(json_t *o, struct srclist *s, const struct policy_ref *ref, int region, struct date on, bool minimum)
{
	int i = src_index(s, ref);
	json_object_set_new(o, "src", i < 0 ? json_null() : json_integer(i));
	json_t *m = marks(ref, region, on, minimum);
	if (json_array_size(m) > 0)
		json_object_set_new(o, "marks", m);
	else
		json_decref(m);
	if (ref != NULL && !policy_ref_is_current(ref, on))
		json_object_set_new(o, "year", json_integer(ref->from.y));
}

static json_t *
item2(struct srclist *s, const struct advice_item *it, int region, struct date on)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(advice_id_name(it->id)));
	json_t *vals = item_values(it);
	if (vals != NULL)
		json_object_set_new(o, "values", vals);
	cite2(o, s, it->ref, region, on, false);
	return o;
}

static json_t *
items2(struct srclist *s, const struct advice_item *its, int n, int region, struct date on)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, item2(s, &its[i], region, on));
	return a;
}

/* The next steps of an option (the core's), as ids a front end words, with
 * the place's own text where the data has it. */
static json_t *
steps2(const struct advice_option *o, const struct advice *adv, struct srclist *s)
{
	static const char *const ids[ADVICE_STEP_COUNT] = {
	    [ADVICE_STEP_APPLY] = NULL, /* apply_employee or pay_resident */
	    [ADVICE_STEP_BRING] = "bring_documents",
	    [ADVICE_STEP_WINDOW] = "enrolment_window",
	    [ADVICE_STEP_PAY] = "payment",
	    [ADVICE_STEP_HOTLINE] = "hotline",
	    [ADVICE_STEP_TRANSFER] = "transfer",
	    [ADVICE_STEP_REMOTE_CARE] = "remote_care_filing",
	};
	json_t *st = json_array();
	for (int i = 0; i < o->nsteps; i++) {
		const struct advice_step *p = &o->steps[i];
		const char *id = ids[p->id] != NULL             ? ids[p->id]
		                 : o->scheme == ADVICE_EMPLOYEE ? "apply_employee"
		                                                : "pay_resident";
		json_t *x = json_object();
		json_object_set_new(x, "id", json_string(id));
		json_object_set_new(x, "help", json_string(advice_step_name(p->id)));
		if (p->text != NULL)
			json_object_set_new(x, "text", json_string(p->text));
		if (p->id == ADVICE_STEP_BRING) {
			json_t *docs = json_array();
			for (int bit = 1; bit < 1 << ADVICE_DOC_COUNT; bit <<= 1)
				if (p->v[0] & bit)
					json_array_append_new(docs, json_string(advice_document_name(bit)));
			json_object_set_new(x, "documents", docs);
		} else if (p->id == ADVICE_STEP_WINDOW && p->v[0] != ADVICE_UNKNOWN) {
			char f[11], t[11];
			date_format(policy_date(p->v[0]), f);
			date_format(policy_date(p->v[1]), t);
			json_object_set_new(x, "from", json_string(f));
			json_object_set_new(x, "to", json_string(t));
		} else if (p->id == ADVICE_STEP_WINDOW) {
			json_object_set_new(x, "set_locally", json_true());
		} else if (p->id == ADVICE_STEP_PAY) {
			json_object_set_new(x, "per_year", json_integer(p->v[0]));
		} else if (p->id == ADVICE_STEP_HOTLINE) {
			json_object_set_new(x, "number", json_string(p->text != NULL ? p->text : "12393"));
			json_object_del(x, "text");
			if (p->text == NULL)
				json_object_set_new(x, "with_area_code", json_true());
		}
		if (p->ref != NULL)
			cite2(x, s, p->ref, o->region, adv->as_of, false);
		json_array_append_new(st, x);
	}
	return st;
}

static json_t *
option2(const struct advice_option *o, const struct advice *adv, const struct policy_set *ps,
        struct srclist *s)
{
	static const char *const forms[] = {"unknown", "rate_times_base", "monthly_fixed", "annual_fixed"};
	struct date on = adv->as_of;
	json_t *j = option_head(o, ps);
	const struct policy_region *r = policy_set_region(ps, o->region);
	if (r != NULL)
		json_object_set_new(j, "local_data", json_boolean(r->file != NULL));
	json_object_set_new(j, "eligible", tri(o->eligible));
	json_object_set_new(j, "blockers", items2(s, o->blockers, o->nblockers, o->region, on));
	bool emp = o->scheme == ADVICE_EMPLOYEE;
	json_t *c = cost(&o->low, emp);
	if (emp)
		json_object_set_new(c, "matched", cost(&o->matched, true));
	else
		json_object_set_new(c, "is_national_minimum", json_boolean(o->cost_is_minimum));
	json_object_set_new(c, "form", json_string(forms[o->cost_form]));
	if (o->tier != NULL)
		json_object_set_new(c, "tier", json_string(o->tier));
	if (o->cost_ref != NULL)
		cite2(c, s, o->cost_ref, o->region, on, o->cost_is_minimum);
	if (emp && o->base_ref != NULL && o->low.base != ADVICE_UNKNOWN) {
		json_t *b = json_object();
		json_object_set_new(b, "fixed", json_boolean(o->base_is_fixed));
		json_object_set_new(b, "derived_from_wage", json_boolean(o->base_derived));
		cite2(b, s, o->base_ref, o->region, on, false);
		if (o->base_derived && o->wage_ref != NULL)
			json_object_set_new(b, "wage_src", json_integer(src_index(s, o->wage_ref)));
		json_object_set_new(c, "base", b);
	}
	json_object_set_new(j, "cost", c);
	json_t *b = json_object();
	json_object_set_new(b, "inpatient_ratio",
	                    o->inpatient_bp == ADVICE_UNKNOWN ? json_null()
	                                                      : json_real(o->inpatient_bp / 10000.0));
	json_object_set_new(b, "ratio_is_national_average", json_boolean(o->inpatient_is_average));
	if (o->inpatient_bp != ADVICE_UNKNOWN)
		cite2(b, s, o->inpatient_ref, o->region, on, false);
	json_object_set_new(b, "personal_account", tri(o->personal_account));
	json_object_set_new(b, "family_sharing", tri(o->family_sharing));
	json_t *stay = json_object();
	json_object_set_new(stay, "bill_yuan", yuan(o->stay.bill));
	json_object_set_new(stay, "you_pay_yuan", yuan(o->stay.own));
	json_object_set_new(stay, "deductible_yuan", yuan(o->stay.deductible));
	json_object_set_new(b, "hospital_stay", stay);
	json_object_set_new(j, "benefits", b);
	json_object_set_new(j, "waiting_months",
	                    o->waiting_months < 0 ? json_null() : json_integer(o->waiting_months));
	if (o->waiting_is_bound)
		json_object_set_new(j, "waiting_is_national_bound", json_true());
	json_t *rt = json_object();
	if (o->retirement.age_months > 0) {
		char when[8];
		snprintf(when, sizeof when, "%04d-%02d", o->retirement.year, o->retirement.month);
		json_object_set_new(rt, "age_years", json_integer(o->retirement.age_months / 12));
		json_object_set_new(rt, "age_months", json_integer(o->retirement.age_months % 12));
		json_object_set_new(rt, "date", json_string(when));
		json_object_set_new(
		    rt, "passed",
		    json_boolean(o->retirement.year * 100 + o->retirement.month <= on.y * 100 + on.m));
	}
	json_object_set_new(rt, "years_at_retirement", tenths(o->retirement.years_at_retirement));
	json_object_set_new(rt, "years_required",
	                    o->retirement.years_required < 0 ? json_null()
	                                                     : json_integer(o->retirement.years_required));
	json_object_set_new(rt, "shortfall_years", tenths(o->retirement.shortfall));
	json_object_set_new(j, "retirement", rt);
	json_object_set_new(j, "caveats", items2(s, o->caveats, o->ncaveats, o->region, on));
	json_object_set_new(j, "next_steps", steps2(o, adv, s));
	return j;
}

/* The answer first, as data: the recommended option's cost with its
 * pension, and a line per other option. */
static json_t *
summary2(const struct advice *adv)
{
	json_t *sm = json_object();
	int rec = adv->recommended;
	json_object_set_new(sm, "recommended", rec < 0 ? json_null() : json_integer(rec));
	if (rec >= 0) {
		const struct advice_cost *c = &adv->options[rec].matched;
		bool p = c->pension_monthly != ADVICE_UNKNOWN && c->pension_monthly > 0;
		json_object_set_new(sm, "medical_monthly_yuan", yuan(c->monthly));
		json_object_set_new(sm, "pension_monthly_yuan", yuan(c->pension_monthly));
		json_object_set_new(sm, "total_monthly_yuan",
		                    c->monthly == ADVICE_UNKNOWN
		                        ? json_null()
		                        : yuan(c->monthly + (p ? c->pension_monthly : 0)));
		json_object_set_new(sm, "total_annual_yuan",
		                    c->annual == ADVICE_UNKNOWN
		                        ? json_null()
		                        : yuan(c->annual + (p ? c->pension_monthly * 12 : 0)));
		json_object_set_new(
		    sm, "cost_unknown_first",
		    json_boolean(adv->nreasons > 0 && adv->reasons[0].id == ADVICE_REASON_COST_UNKNOWN));
		json_object_set_new(sm, "next_step",
		                    json_string(adv->options[rec].scheme == ADVICE_EMPLOYEE
		                                    ? "apply_employee"
		                                    : "pay_resident"));
	}
	json_t *others = json_array();
	for (int i = 0; i < adv->noptions; i++) {
		if (i == rec)
			continue;
		const struct advice_option *o = &adv->options[i];
		json_t *x = json_object();
		json_object_set_new(x, "option", json_integer(i));
		json_object_set_new(x, "status",
		                    json_string(o->nblockers > 0 || o->eligible == 0 ? "closed"
		                                : o->eligible < 0                    ? "unknown"
		                                                                     : "open"));
		if (o->nblockers > 0)
			json_object_set_new(x, "blocker", json_string(advice_id_name(o->blockers[0].id)));
		else
			json_object_set_new(x, "total_monthly_yuan",
			                    o->matched.monthly == ADVICE_UNKNOWN
			                        ? json_null()
			                        : yuan(o->matched.monthly +
			                               (o->matched.pension_monthly > 0 &&
			                                        o->matched.pension_monthly != ADVICE_UNKNOWN
			                                    ? o->matched.pension_monthly
			                                    : 0)));
		json_array_append_new(others, x);
	}
	json_object_set_new(sm, "others", others);
	return sm;
}

json_t *
json_advice2(const struct advice *adv, const struct policy_set *ps, bool provenance)
{
	char d[11];
	struct srclist s = {.n = 0};
	json_t *j = json_object();
	if (j == NULL)
		return NULL;
	date_format(adv->as_of, d);
	json_object_set_new(j, "schema", json_string("yibao.advice/2"));
	json_object_set_new(j, "as_of", json_string(d));
	json_object_set_new(j, "summary", summary2(adv));
	json_t *opts = json_array();
	for (int i = 0; i < adv->noptions; i++)
		json_array_append_new(opts, option2(&adv->options[i], adv, ps, &s));
	json_object_set_new(j, "options", opts);
	json_object_set_new(j, "recommended",
	                    adv->recommended < 0 ? json_null() : json_integer(adv->recommended));
	json_object_set_new(j, "reasons", items2(&s, adv->reasons, adv->nreasons, -1, adv->as_of));
	json_t *src = json_array();
	for (int i = 0; i < s.n; i++) {
		const struct policy_ref *ref = s.refs[i];
		char ck[11];
		json_t *o = json_object();
		json_object_set_new(o, "document", json_string(ref->source));
		date_format(ref->checked, ck);
		json_object_set_new(o, "checked", json_string(ck));
		json_object_set_new(o, "confidence", json_string(policy_confidence_name(ref->confidence)));
		if (ref->confidence == POLICY_DERIVED && ref->formula != NULL)
			json_object_set_new(o, "formula", json_string(ref->formula));
		if (provenance && ref->read_at != NULL && ref->read_at[0] != '\0')
			json_object_set_new(o, "read_at", json_string(ref->read_at));
		json_array_append_new(src, o);
	}
	json_object_set_new(j, "sources", src);
	return j;
}
