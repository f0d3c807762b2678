/* report.c -- the advice as a readable text report in the catalog's language */
#include "report.h"

#include <string.h>

#include "compare.h"
#include "lines.h"
#include "msg.h"

/* A message or a value. */
#define TEXT_MAX 4096
#define VALUE_MAX 256

/* the message key formatted and wrapped */
static void
say(struct lines *l, int width, const char *key, const struct msg_arg *args, int n)
{
	char text[TEXT_MAX];
	msg_format(text, sizeof text, key, args, n);
	lines_add_wrapped(l, LINES_NORMAL, text, width, 0);
}

static const char *
region_name(const struct policy_set *ps, int code, char *buf, size_t cap)
{
	const struct policy_region *pr = policy_set_region(ps, code);
	if (pr != NULL)
		return msg_lang() == MSG_ZH ? pr->name_zh : pr->name_en;
	snprintf(buf, cap, "%06d", code);
	return buf;
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
header(struct lines *l, int width, const struct advice *adv, const struct answers *a,
       const struct policy_set *ps)
{
	char d[11], w[VALUE_MAX], h[VALUE_MAX], income[VALUE_MAX], c1[8], c2[8];
	date_format(adv->as_of, d);
	struct msg_arg t = MSG_S(d);
	say(l, width, "report_title", &t, 1);
	snprintf(w, sizeof w, "%s", region_name(ps, a->work_city, c1, sizeof c1));
	snprintf(h, sizeof h, "%s", region_name(ps, a->hukou_city, c2, sizeof c2));
	struct msg_arg m = MSG_D((double)(a->monthly_income * 100) / 100.0);
	msg_format(income, sizeof income, "fmt_money", &m, 1);
	const char *permit = a->work_city == a->hukou_city ? "same" : a->residence_permit ? "yes" : "no";
	struct msg_arg p[6] = {MSG_S(w),      MSG_S(h),      MSG_I(a->birth_year),
	                       MSG_S(income), MSG_S(permit), MSG_I(a->birth_month)};
	say(l, width, "report_person", p, 6);
	if (any_unverified(adv))
		say(l, width, "report_unverified_note", NULL, 0);
}

/* The report opens with the answer (compare_summary), then gives every
 * option's detail as the comparison screen shows it (compare_detail_body),
 * then the recommendation with its reasons once; then the documents, each
 * once, as numbered notes that the lines above refer to. A screen reader hears the answer before
 * any document, and no address.
 *
 * The report is UTF-8 whatever the locale: a GB18030 or GBK terminal needs
 * it converted (iconv) where it is written, which is a later change. Widths
 * follow the locale only when it is UTF-8; on GBK terminals the ambiguous
 * characters (· “ ” —) take two columns, so lines there may run over. */
void
report_lines(struct lines *out, const struct advice *adv, const struct answers *a,
             const struct policy_set *ps, int width)
{
	struct compare_notes notes = {.n = 0};
	header(out, width, adv, a, ps);
	lines_add(out, LINES_NORMAL, "", 0);
	compare_summary(out, adv, a, ps, width, false);
	for (int i = 0; i < adv->noptions; i++) {
		lines_add(out, LINES_NORMAL, "", 0);
		compare_detail_body(out, adv, i, a, ps, width, false, &notes);
	}
	lines_add(out, LINES_NORMAL, "", 0);
	if (adv->noptions == 0)
		say(out, width, "report_recommend_none", NULL, 0);
	else
		compare_recommendation_noted(out, adv, a, ps, width, false, &notes);
	if (notes.n > 0) {
		lines_add(out, LINES_NORMAL, "", 0);
		compare_notes_emit(out, &notes, width, false, ps, false);
	}
}

void
report_text(FILE *out, const struct advice *adv, const struct answers *a, const struct policy_set *ps,
            int width)
{
	struct lines l;
	lines_init(&l);
	report_lines(&l, adv, a, ps, width);
	for (size_t i = 0; i < l.n; i++) {
		fputs(l.text[i], out);
		fputc('\n', out);
	}
	lines_fini(&l);
}
