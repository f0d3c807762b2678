/* report.c -- the advice as a readable text report in the catalog's language */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "wrap.h"

/* A message or a value: sources run to a few hundred bytes. */
#define TEXT_MAX 4096
#define VALUE_MAX 256

/* How an item's number is shown (advice_id_value_name gives its meaning). */
enum vunit { VU_NONE, VU_NUMBER, VU_MONTHS, VU_YEARS, VU_TENTHS, VU_FEN, VU_BP, VU_PPM, VU_FIELD };

static const enum vunit id_units[ADVICE_ID_COUNT][ADVICE_MAX_VALUES] = {
	[ADVICE_AGE_OUT_OF_RANGE] = {VU_NUMBER, VU_NUMBER},
	[ADVICE_PENSION_BUNDLED] = {VU_BP, VU_FEN},
	[ADVICE_BASE_ABOVE_INCOME] = {VU_FEN, VU_FEN},
	[ADVICE_WAITING_PERIOD] = {VU_MONTHS, VU_NONE},
	[ADVICE_TRANSFER_YEARS] = {VU_TENTHS, VU_NONE},
	[ADVICE_TRANSFER_GAP] = {VU_MONTHS, VU_MONTHS},
	[ADVICE_RETIREMENT_SHORTFALL] = {VU_TENTHS, VU_YEARS},
	[ADVICE_COVERAGE_GAP] = {VU_MONTHS, VU_NONE},
	[ADVICE_UNKNOWN_VALUE] = {VU_FIELD, VU_NONE},
	[ADVICE_REASON_RETIREMENT_BENEFITS] = {VU_YEARS, VU_NONE},
	[ADVICE_REASON_HIGHER_REIMBURSEMENT] = {VU_BP, VU_BP},
	[ADVICE_REASON_AFFORDABLE] = {VU_PPM, VU_PPM},
	[ADVICE_REASON_COST_BURDEN] = {VU_PPM, VU_PPM},
	[ADVICE_REASON_SHORT_STAY] = {VU_YEARS, VU_YEARS},
};

struct rep {
	FILE *out;
	int width;
	const char *locale; /* for ICU line breaking */
	const struct advice *adv;
	const struct answers *a;
	const struct policy_set *ps;
};

/* text wrapped to the report's width: the first line after indent spaces
 * and bullet, the others under the text */
static void
put(struct rep *r, int indent, const char *bullet, const char *text)
{
	size_t len = strlen(text);
	int bw = bullet != NULL ? wrap_text_width(bullet, strlen(bullet), WRAP_MEASURE_LOCALE) : 0;
	int avail = r->width - indent - bw;
	struct wrap_line *lines = malloc((len + 1) * sizeof *lines);
	if (avail < 1)
		avail = 1;
	if (lines == NULL) {
		fprintf(r->out, "%*s%s%s\n", indent, "", bullet != NULL ? bullet : "", text);
		return;
	}
	size_t n = wrap_lines(text, len, avail, r->locale, WRAP_MEASURE_LOCALE, lines, len + 1);
	for (size_t i = 0; i < n; i++) {
		fprintf(r->out, "%*s", indent, "");
		if (i == 0 && bullet != NULL)
			fputs(bullet, r->out);
		else
			fprintf(r->out, "%*s", bw, "");
		fprintf(r->out, "%.*s\n", (int)lines[i].len, text + lines[i].off);
	}
	free(lines);
}

/* the message key formatted and wrapped */
static void
say(struct rep *r, int indent, const char *bullet, const char *key, const struct msg_arg *args, int n)
{
	char text[TEXT_MAX];
	msg_format(text, sizeof text, key, args, n);
	put(r, indent, bullet, text);
}

static void
unknown_text(char *buf, size_t cap)
{
	msg_format(buf, cap, "value_unknown", NULL, 0);
}

static void
money(char *buf, size_t cap, int64_t fen)
{
	struct msg_arg a = MSG_D((double)fen / 100.0);
	if (fen == ADVICE_UNKNOWN)
		unknown_text(buf, cap);
	else
		msg_format(buf, cap, "fmt_money", &a, 1);
}

static void
percent(char *buf, size_t cap, int64_t x, double per_one)
{
	struct msg_arg a = MSG_D((double)x / per_one);
	if (x == ADVICE_UNKNOWN)
		unknown_text(buf, cap);
	else
		msg_format(buf, cap, "fmt_percent", &a, 1);
}

static void
years_tenths(char *buf, size_t cap, int64_t tenths)
{
	struct msg_arg a = MSG_D((double)tenths / 10.0);
	if (tenths == ADVICE_UNKNOWN || tenths < 0)
		unknown_text(buf, cap);
	else
		msg_format(buf, cap, "fmt_years", &a, 1);
}

static void
months(char *buf, size_t cap, int64_t m)
{
	struct msg_arg a = MSG_I(m);
	if (m == ADVICE_UNKNOWN || m < 0)
		unknown_text(buf, cap);
	else
		msg_format(buf, cap, "fmt_months", &a, 1);
}

static void
value_text(char *buf, size_t cap, enum vunit u, int64_t x)
{
	struct msg_arg a = MSG_I(x);
	char key[64];
	buf[0] = '\0';
	if (u == VU_NONE)
		return;
	if (x == ADVICE_UNKNOWN) {
		unknown_text(buf, cap);
		return;
	}
	switch (u) {
	case VU_NONE: break;
	case VU_NUMBER: msg_format(buf, cap, "fmt_number", &a, 1); break;
	case VU_MONTHS: months(buf, cap, x); break;
	case VU_YEARS: years_tenths(buf, cap, x * 10); break;
	case VU_TENTHS: years_tenths(buf, cap, x); break;
	case VU_FEN: money(buf, cap, x); break;
	case VU_BP: percent(buf, cap, x, 10000.0); break;
	case VU_PPM: percent(buf, cap, x, 1000000.0); break;
	case VU_FIELD: {
		const char *f = advice_field_name((enum advice_field)x);
		snprintf(key, sizeof key, "field_%s", f != NULL ? f : "");
		if (f == NULL)
			unknown_text(buf, cap);
		else
			msg_format(buf, cap, key, NULL, 0);
		break;
	}
	}
}

static const char *
region_name(const struct rep *r, int code, char *buf, size_t cap)
{
	const struct policy_region *pr = policy_set_region(r->ps, code);
	if (pr != NULL)
		return msg_lang() == MSG_ZH ? pr->name_zh : pr->name_en;
	snprintf(buf, cap, "%06d", code);
	return buf;
}

/* "Employee scheme, Shanghai" / "职工医保·上海" */
static void
option_title(const struct rep *r, const struct advice_option *o, char *buf, size_t cap)
{
	char scheme[VALUE_MAX], code[8];
	msg_format(scheme, sizeof scheme,
		   o->scheme == ADVICE_EMPLOYEE ? "scheme_employee" : "scheme_resident", NULL, 0);
	struct msg_arg a[2] = {MSG_S(scheme), MSG_S(region_name(r, o->region, code, sizeof code))};
	msg_format(buf, cap, "option_title", a, 2);
}

static void
source(struct rep *r, int indent, const struct policy_ref *ref)
{
	char d[11];
	if (ref == NULL)
		return;
	date_format(ref->checked, d);
	struct msg_arg a[3] = {MSG_S(ref->source), MSG_S(ref->verified ? "yes" : "no"), MSG_S(d)};
	say(r, indent, NULL, "report_source", a, 3);
}

/* One blocker, caveat or reason: its sentence, then its source. o is the
 * option it belongs to (NULL for reasons), region the place it speaks of. */
static void
item(struct rep *r, const struct advice_item *it, const struct advice_option *o, int region)
{
	char v[ADVICE_MAX_VALUES][VALUE_MAX], name[VALUE_MAX], code[8], key[64];
	const char *known[ADVICE_MAX_VALUES];
	const char *mode = "";
	const char *id = advice_id_name(it->id);
	if (id == NULL)
		return;
	for (int i = 0; i < ADVICE_MAX_VALUES; i++) {
		int64_t x = it->v[i];
		/* the core reports a bundled pension of 0 when the base is unknown */
		if (it->id == ADVICE_PENSION_BUNDLED && i == 1 && o != NULL &&
		    o->low.monthly == ADVICE_UNKNOWN)
			x = ADVICE_UNKNOWN;
		known[i] = x == ADVICE_UNKNOWN ? "no" : "yes";
		value_text(v[i], sizeof v[i], id_units[it->id][i], x);
	}
	if ((it->id == ADVICE_TRANSFER_GAP || it->id == ADVICE_COVERAGE_GAP) && it->v[0] == 0)
		mode = "zero";
	else if (it->id == ADVICE_AGE_OUT_OF_RANGE)
		mode = it->v[0] < it->v[1] ? "min" : "max";
	snprintf(name, sizeof name, "%s", region_name(r, region, code, sizeof code));
	struct msg_arg a[6] = {MSG_S(v[0]),     MSG_S(v[1]),     MSG_S(name),
			       MSG_S(known[0]), MSG_S(known[1]), MSG_S(mode)};
	snprintf(key, sizeof key, "adv_%s", id);
	say(r, 2, "- ", key, a, 6);
	source(r, 4, it->ref);
}

static bool
has_caveat(const struct advice_option *o, enum advice_id id, int64_t v0)
{
	for (int i = 0; i < o->ncaveats; i++)
		if (o->caveats[i].id == id && (v0 == ADVICE_UNKNOWN || o->caveats[i].v[0] == v0))
			return true;
	return false;
}

/* "¥600.00 a month, ¥7,200.00 a year, 10% of your income" */
static void
amounts(char *buf, size_t cap, const struct advice_cost *c, bool pension)
{
	char m[VALUE_MAX], y[VALUE_MAX], s[VALUE_MAX];
	money(m, sizeof m, c->monthly);
	money(y, sizeof y, c->annual);
	percent(s, sizeof s, c->share_ppm, 1000000.0);
	struct msg_arg a[3] = {MSG_S(m), MSG_S(y), MSG_S(s)};
	if (c->share_ppm == ADVICE_UNKNOWN) /* no income to compare with, or the pension is unknown */
		msg_format(buf, cap, "report_amounts", a, 2);
	else
		msg_format(buf, cap,
			   pension && c->pension_monthly != 0 ? "report_amounts_share_pension"
							      : "report_amounts_share",
			   a, 3);
}

static void
cost(struct rep *r, const struct advice_option *o)
{
	char t[TEXT_MAX], base[VALUE_MAX], t2[TEXT_MAX];
	bool pension = has_caveat(o, ADVICE_PENSION_BUNDLED, ADVICE_UNKNOWN);
	struct msg_arg a[2];
	if (o->low.monthly == ADVICE_UNKNOWN) {
		unknown_text(t, sizeof t);
		a[0] = MSG_S(t);
		say(r, 2, NULL, "report_cost", a, 1);
	} else if (o->scheme == ADVICE_RESIDENT) {
		amounts(t, sizeof t, &o->low, false);
		a[0] = MSG_S(t);
		say(r, 2, NULL, o->cost_is_minimum ? "report_cost_minimum" : "report_cost", a, 1);
	} else if (o->low.base == ADVICE_UNKNOWN) {
		amounts(t, sizeof t, &o->low, pension);
		a[0] = MSG_S(t);
		say(r, 2, NULL, "report_cost_fixed", a, 1);
	} else {
		bool same = o->matched.base == o->low.base;
		money(base, sizeof base, o->low.base);
		amounts(t, sizeof t, &o->low, pension);
		a[0] = MSG_S(base);
		a[1] = MSG_S(t);
		say(r, 2, NULL, same ? "report_cost_same" : "report_cost_low", a, 2);
		if (!same) {
			money(base, sizeof base, o->matched.base);
			amounts(t, sizeof t, &o->matched, pension);
			say(r, 2, NULL, "report_cost_matched", a, 2);
		}
	}
	source(r, 4, o->cost_ref);
	if (o->scheme != ADVICE_EMPLOYEE)
		return;
	if (pension) {
		char lo[VALUE_MAX], hi[VALUE_MAX];
		if (o->low.monthly == ADVICE_UNKNOWN || o->low.pension_monthly == ADVICE_UNKNOWN) {
			unknown_text(t2, sizeof t2);
		} else {
			money(lo, sizeof lo, o->low.pension_monthly);
			money(hi, sizeof hi, o->matched.pension_monthly);
			struct msg_arg p[2] = {MSG_S(lo), MSG_S(hi)};
			bool one = o->matched.base == o->low.base ||
				   o->matched.pension_monthly == ADVICE_UNKNOWN;
			msg_format(t2, sizeof t2, one ? "report_pension_one" : "report_pension_two", p,
				   one ? 1 : 2);
		}
		a[0] = MSG_S(t2);
		say(r, 2, NULL, "report_pension", a, 1);
	} else if (has_caveat(o, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_PENSION)) {
		say(r, 2, NULL, "report_pension_unknown", NULL, 0);
	} else {
		say(r, 2, NULL, "report_pension_none", NULL, 0);
	}
}

static const char *
tri(int v)
{
	return v < 0 ? "unknown" : v ? "yes" : "no";
}

static void
benefits(struct rep *r, const struct advice_option *o)
{
	char v[VALUE_MAX], t[TEXT_MAX];
	struct msg_arg a[1];
	percent(v, sizeof v, o->inpatient_bp, 10000.0);
	if (o->inpatient_bp != ADVICE_UNKNOWN && o->inpatient_is_average) {
		a[0] = MSG_S(v);
		msg_format(t, sizeof t, "report_national_average", a, 1);
		a[0] = MSG_S(t);
	} else {
		a[0] = MSG_S(v);
	}
	say(r, 2, NULL, "report_inpatient", a, 1);
	a[0] = MSG_S(tri(o->personal_account));
	say(r, 2, NULL, "report_personal_account", a, 1);
	a[0] = MSG_S(tri(o->family_sharing));
	say(r, 2, NULL, "report_family_sharing", a, 1);
	if (o->waiting_months == 0)
		msg_format(v, sizeof v, "report_waiting_none", NULL, 0);
	else
		months(v, sizeof v, o->waiting_months);
	a[0] = MSG_S(v);
	say(r, 2, NULL, "report_waiting", a, 1);
}

static void
retirement(struct rep *r, const struct advice_option *o)
{
	char v[VALUE_MAX];
	struct msg_arg a[4];
	if (o->scheme != ADVICE_EMPLOYEE) {
		say(r, 2, NULL, "report_retire_resident", NULL, 0);
		return;
	}
	if (o->retirement.age_months <= 0) {
		say(r, 2, NULL, "report_retire_age_unknown", NULL, 0);
	} else {
		a[0] = MSG_I(o->retirement.age_months / 12);
		a[1] = MSG_I(o->retirement.age_months % 12);
		a[2] = MSG_I(o->retirement.year);
		a[3] = MSG_I(o->retirement.month);
		say(r, 2, NULL, "report_retire_age", a, 4);
		years_tenths(v, sizeof v, o->retirement.years_at_retirement);
		a[0] = MSG_S(v);
		say(r, 2, NULL, "report_retire_years", a, 1);
	}
	years_tenths(v, sizeof v, o->retirement.years_required < 0 ? -1 : o->retirement.years_required * 10);
	a[0] = MSG_S(v);
	say(r, 2, NULL, "report_retire_required", a, 1);
	if (o->retirement.shortfall == 0)
		msg_format(v, sizeof v, "report_retire_shortfall_none", NULL, 0);
	else
		years_tenths(v, sizeof v, o->retirement.shortfall);
	a[0] = MSG_S(v);
	say(r, 2, NULL, "report_retire_shortfall", a, 1);
}

static void
option(struct rep *r, int index, const struct advice_option *o)
{
	char title[VALUE_MAX];
	option_title(r, o, title, sizeof title);
	struct msg_arg a[2] = {MSG_I(index + 1), MSG_S(title)};
	say(r, 0, NULL, "report_option", a, 2);
	/* a blocker is definite even where another rule is unknown */
	if (o->nblockers == 0 && o->eligible > 0) {
		say(r, 2, NULL, "report_eligible_yes", NULL, 0);
	} else if (o->nblockers > 0 || o->eligible == 0) {
		say(r, 2, NULL, "report_eligible_no", NULL, 0);
		for (int i = 0; i < o->nblockers; i++)
			item(r, &o->blockers[i], o, o->region);
	} else {
		say(r, 2, NULL, "report_eligible_unknown", NULL, 0);
	}
	cost(r, o);
	benefits(r, o);
	retirement(r, o);
	if (o->ncaveats > 0) {
		say(r, 2, NULL, "report_caveats", NULL, 0);
		for (int i = 0; i < o->ncaveats; i++)
			item(r, &o->caveats[i], o, o->region);
	}
}

static bool
unverified_in(const struct advice_item *its, int n)
{
	for (int i = 0; i < n; i++)
		if (its[i].ref != NULL && !its[i].ref->verified)
			return true;
	return false;
}

static bool
any_unverified(const struct advice *adv)
{
	if (unverified_in(adv->reasons, adv->nreasons))
		return true;
	for (int i = 0; i < adv->noptions; i++) {
		const struct advice_option *o = &adv->options[i];
		if (unverified_in(o->blockers, o->nblockers) || unverified_in(o->caveats, o->ncaveats) ||
		    (o->cost_ref != NULL && !o->cost_ref->verified))
			return true;
	}
	return false;
}

static void
header(struct rep *r)
{
	const struct answers *a = r->a;
	char d[11], w[VALUE_MAX], h[VALUE_MAX], income[VALUE_MAX], c1[8], c2[8];
	date_format(r->adv->as_of, d);
	struct msg_arg t = MSG_S(d);
	say(r, 0, NULL, "report_title", &t, 1);
	snprintf(w, sizeof w, "%s", region_name(r, a->work_city, c1, sizeof c1));
	snprintf(h, sizeof h, "%s", region_name(r, a->hukou_city, c2, sizeof c2));
	money(income, sizeof income, a->monthly_income * 100);
	const char *permit = a->work_city == a->hukou_city ? "same" : a->residence_permit ? "yes" : "no";
	struct msg_arg p[6] = {MSG_S(w),      MSG_S(h),      MSG_I(a->birth_year),
			       MSG_S(income), MSG_S(permit), MSG_I(a->birth_month)};
	say(r, 0, NULL, "report_person", p, 6);
	if (any_unverified(r->adv))
		say(r, 0, NULL, "report_unverified_note", NULL, 0);
}

/* The report is UTF-8 whatever the locale: a GB18030 or GBK terminal needs
 * it converted (iconv) where it is written, which is a later change. Widths
 * follow the locale only when it is UTF-8; on GBK terminals the ambiguous
 * characters (· “ ” —) take two columns, so lines there may run over. */
void
report_text(FILE *out, const struct advice *adv, const struct answers *a, const struct policy_set *ps,
	    int width)
{
	struct rep r = {.out = out,
			.width = width,
			.locale = msg_lang() == MSG_ZH ? "zh" : "en",
			.adv = adv,
			.a = a,
			.ps = ps};
	header(&r);
	for (int i = 0; i < adv->noptions; i++) {
		fputc('\n', out);
		option(&r, i, &adv->options[i]);
	}
	fputc('\n', out);
	if (adv->recommended >= 0 && adv->recommended < adv->noptions) {
		char title[VALUE_MAX];
		option_title(&r, &adv->options[adv->recommended], title, sizeof title);
		struct msg_arg t[2] = {MSG_I(adv->recommended + 1), MSG_S(title)};
		say(&r, 0, NULL, "report_recommend", t, 2);
	} else {
		say(&r, 0, NULL, "report_recommend_none", NULL, 0);
	}
	if (adv->nreasons > 0) {
		int region = adv->recommended >= 0 && adv->recommended < adv->noptions
				     ? adv->options[adv->recommended].region
				     : a->work_city;
		say(&r, 0, NULL, "report_reasons", NULL, 0);
		for (int i = 0; i < adv->nreasons; i++)
			item(&r, &adv->reasons[i], NULL, region);
	}
}
