/* json.c -- the advice as JSON, the yibao.advice/1 contract of DESIGN.md */
#include "json.h"

#include <stdio.h>

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

static json_t *
option(const struct advice_option *o, const struct policy_set *ps, struct date on)
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
