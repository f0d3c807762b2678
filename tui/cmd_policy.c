/* cmd_policy.c -- `yibao policy check [DIR]`, `policy show REGION`, `policy documents`: the data, for a clerk
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "citysearch.h"
#include "cli.h"
#include "cmd.h"
#include "jsonw.h"
#include "msg.h"
#include "policydir.h"
#include "region_table.h"
#include "wrap.h"

/* The 36 cities the research covers: 4 municipalities, 27 provincial
 * capitals, and the five cities with provincial-level budgets. */
static const int coverage_cities[] = {
    110000, 120000, 130100, 140100, 150100, 210100, 210200, 220100, 230100, 310000, 320100, 330100,
    330200, 340100, 350100, 350200, 360100, 370100, 370200, 410100, 420100, 430100, 440100, 440300,
    450100, 460100, 500000, 510100, 520100, 530100, 540100, 610100, 620100, 630100, 640100, 650100,
};

static const char *
region_name(const struct policy_set *ps, int code)
{
	const struct policy_region *r = policy_set_region(ps, code);
	if (r == NULL)
		return "?";
	return msg_lang() == MSG_ZH ? r->name_zh : r->name_en;
}

/* Where a known value comes from, as a short word: the city's own current
 * figure, an old year's, its province's, the nation's. */
static void
origin(char *buf, size_t cap, const struct policy_ref *ref, int region, struct date on)
{
	struct policy_marks m = policy_ref_marks(ref, region, on);
	if (m.national || m.province) {
		msg_format(buf, cap, m.national ? "pcov_national" : "pcov_province", NULL, 0);
		return;
	}
	if (m.year != 0) {
		struct msg_arg y = MSG_I(m.year);
		msg_format(buf, cap, "pcov_year", &y, 1);
		return;
	}
	msg_format(buf, cap, "pcov_own", NULL, 0);
}

/* s padded with spaces to cols display columns (for a table on a terminal). */
static void
pad(char *s, size_t cap, int cols)
{
	size_t n = strlen(s);
	int w = wrap_text_width(s, n, WRAP_MEASURE_LOCALE);
	while (w < cols && n + 1 < cap) {
		s[n++] = ' ';
		w++;
	}
	s[n] = '\0';
}

static void
cov_cell(char *buf, size_t cap, bool known, const struct policy_ref *ref, int region, struct date on)
{
	if (!known || ref == NULL)
		msg_format(buf, cap, "pcov_none", NULL, 0);
	else
		origin(buf, cap, ref, region, on);
}

/* For each of the 36 cities, today: who may join (as a non-local), what the
 * employee and resident schemes cost a worker born in 1990 earning 6,000,
 * and the years required, each as known here, by the province, the nation,
 * as an old year's figure, or not known. */
static void
coverage(const struct policy_set *ps, struct date on)
{
	char c[5][64];
	size_t n = sizeof coverage_cities / sizeof coverage_cities[0];
	int full = 0;
	struct msg_arg ha = MSG_I((int64_t)n);
	cli_say(stdout, "pcov_header", &ha, 1);
	cli_say(stdout, "pcov_columns", NULL, 0);
	for (size_t i = 0; i < n; i++) {
		int code = coverage_cities[i];
		const struct policy_ref *acc = NULL, *yrs = NULL;
		int64_t a = policy_value(ps, code, POLICY_ACCESS, POLICY_ACCESS_EMPLOYEE, on, &acc);
		int64_t y = policy_value(ps, code, POLICY_RETIREMENT, POLICY_RETIREMENT_YEARS_MALE, on, &yrs);
		struct answers ans;
		struct answers_error aerr;
		struct advice adv;
		char cs[8];
		snprintf(cs, sizeof cs, "%06d", code);
		const char *kv[][2] = {{"work_city", cs}, {"hukou_city", cs},   {"birth", "1990-01"},
		                       {"sex", "male"},   {"work", "flexible"}, {"monthly_income", "6000"}};
		answers_init(&ans);
		bool ok = true;
		for (size_t k = 0; k < sizeof kv / sizeof kv[0]; k++)
			ok = ok &&
			     answers_set(&ans, kv[k][0], kv[k][1], strlen(kv[k][1]), &aerr) == ANSWERS_OK;
		ok = ok && advice_build(&adv, &ans, ps, on, NULL, &aerr) == ANSWERS_OK && adv.noptions >= 2;
		const struct advice_option *emp = ok ? &adv.options[0] : NULL,
		                           *res = ok ? &adv.options[1] : NULL;
		cov_cell(c[0], sizeof c[0], a != POLICY_UNKNOWN, acc, code, on);
		cov_cell(c[1], sizeof c[1], emp != NULL && emp->low.monthly != ADVICE_UNKNOWN,
		         emp ? emp->cost_ref : NULL, code, on);
		cov_cell(c[2], sizeof c[2], res != NULL && res->low.monthly != ADVICE_UNKNOWN,
		         res ? res->cost_ref : NULL, code, on);
		cov_cell(c[3], sizeof c[3], y != POLICY_UNKNOWN, yrs, code, on);
		full +=
		    emp != NULL && emp->low.monthly != ADVICE_UNKNOWN && res->low.monthly != ADVICE_UNKNOWN;
		char name[64];
		snprintf(name, sizeof name, "%s", region_name(ps, code));
		pad(name, sizeof name, 13);
		for (int k = 0; k < 3; k++)
			pad(c[k], sizeof c[k], 14);
		struct msg_arg ra[6] = {MSG_I(code), MSG_S(name), MSG_S(c[0]),
		                        MSG_S(c[1]), MSG_S(c[2]), MSG_S(c[3])};
		cli_say(stdout, "pcov_row", ra, 6);
	}
	struct msg_arg fa[2] = {MSG_I(full), MSG_I((int64_t)n)};
	cli_say(stdout, "pcov_total", fa, 2);
}

/* policy check [DIR]: the built-in files with DIR's over them, a summary,
 * the files, and the coverage of the 36 cities; every error as file:line. */
static int
check_run(const struct cmd_args *args)
{
	const char *dir = args->argc == 1 ? args->argv[0] : NULL;
	int nerr;
	struct policy_set *ps = policydir_load(dir, stdout, &nerr);
	if (ps == NULL) {
		struct msg_arg a = MSG_I(nerr);
		cli_say(stdout, "policy_check_failed", &a, 1);
		return CMD_EXIT_POLICY;
	}
	struct policy_stats st;
	policy_set_stats(ps, &st);
	struct msg_arg sum[4] = {MSG_I((int64_t)st.regions), MSG_I((int64_t)st.sections),
	                         MSG_I((int64_t)st.unverified), MSG_I((int64_t)st.unknown)};
	cli_say(stdout, "policy_check_summary", sum, 4);
	struct msg_arg lab[5] = {MSG_I((int64_t)st.by_confidence[POLICY_VERIFIED]),
	                         MSG_I((int64_t)st.by_confidence[POLICY_SECONDARY]),
	                         MSG_I((int64_t)st.by_confidence[POLICY_UNVERIFIED]),
	                         MSG_I((int64_t)st.by_confidence[POLICY_DERIVED]), MSG_I((int64_t)st.facts)};
	cli_say(stdout, "policy_check_labels", lab, 5);
	struct msg_arg na = MSG_I((int64_t)policy_set_region_count(ps) - 1);
	cli_say(stdout, "policy_check_places", &na, 1);
	for (size_t i = 0; i < policy_set_region_count(ps); i++) {
		const struct policy_region *r = policy_set_region_at(ps, i);
		if (r->file == NULL)
			continue;
		struct msg_arg ra[3] = {MSG_I(r->code), MSG_S(msg_lang() == MSG_ZH ? r->name_zh : r->name_en),
		                        MSG_S(r->file)};
		cli_say(stdout, "policy_check_region", ra, 3);
	}
	coverage(ps, cli_today());
	policy_set_free(ps);
	return cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
}

/* ---------------------------------------------------------------- show */

static void
value_text(char *buf, size_t cap, enum policy_kind kind, int key, int64_t v, const char *text)
{
	switch (policy_key_type(kind, key)) {
	case POLICY_T_ACCESS: {
		static const char *const keys[] = {"", "pshow_open", "pshow_permit", "pshow_hukou"};
		msg_format(buf, cap, v >= 1 && v <= 3 ? keys[v] : "pshow_unknown", NULL, 0);
		break;
	}
	case POLICY_T_YESNO:
		msg_format(buf, cap, v ? "pshow_yes" : "pshow_no", NULL, 0);
		break;
	case POLICY_T_PERCENT:
		if (v % 100 == 0)
			snprintf(buf, cap, "%lld%%", (long long)(v / 100));
		else
			snprintf(buf, cap, "%lld.%02lld%%", (long long)(v / 100), (long long)(v % 100));
		break;
	case POLICY_T_YUAN: {
		struct msg_arg a = MSG_D((double)v / 100.0);
		msg_format(buf, cap, "fmt_money", &a, 1);
		break;
	}
	case POLICY_T_INT:
		snprintf(buf, cap, "%lld", (long long)v);
		break;
	case POLICY_T_DATE: {
		char d[11];
		date_format(policy_date(v), d);
		snprintf(buf, cap, "%s", d);
		break;
	}
	case POLICY_T_TEXT:
		snprintf(buf, cap, "%s", text != NULL ? text : "");
		break;
	}
}

static void
key_label(char *buf, size_t cap, enum policy_kind kind, int key)
{
	char k[64];
	snprintf(k, sizeof k, "pkey_%s_%s", policy_kind_name(kind), policy_key_name(kind, key));
	msg_format(buf, cap, k, NULL, 0);
}

/* The document a group of values rests on, its label and origin, and
 * where it was read (provenance) on a line of its own. */
static void
show_source(const struct policy_set *ps, int region, struct date on, const struct policy_ref *ref)
{
	char org[192], conf[64], ck[11], ck_key[32];
	origin(org, sizeof org, ref, region, on);
	if (policy_ref_marks(ref, region, on).province) {
		char with[160];
		struct msg_arg w[2] = {MSG_S(org), MSG_S(region_name(ps, ref->region))};
		msg_format(with, sizeof with, "pshow_from_region", w, 2);
		snprintf(org, sizeof org, "%s", with);
	}
	snprintf(ck_key, sizeof ck_key, "pshow_conf_%s", policy_confidence_name(ref->confidence));
	msg_format(conf, sizeof conf, ck_key, NULL, 0);
	date_format(ref->checked, ck);
	struct msg_arg a[4] = {MSG_S(ref->source), MSG_S(conf), MSG_S(org), MSG_S(ck)};
	cli_say(stdout, "pshow_source", a, 4);
	if (ref->own)
		cli_say(stdout, "pshow_own", NULL, 0);
	if (ref->tier != NULL) {
		struct msg_arg t = MSG_S(ref->tier);
		cli_say(stdout, "pshow_tier", &t, 1);
	}
	if (ref->confidence == POLICY_DERIVED && ref->formula != NULL) {
		struct msg_arg f = MSG_S(ref->formula);
		cli_say(stdout, "pshow_formula", &f, 1);
	}
	if (ref->read_at != NULL && ref->read_at[0] != '\0') {
		struct msg_arg r = MSG_S(ref->read_at);
		cli_say(stdout, "pshow_read_at", &r, 1);
	}
}

static void
show_value(enum policy_kind kind, int key, int64_t v, const char *text)
{
	char label[128], val[512];
	key_label(label, sizeof label, kind, key);
	value_text(val, sizeof val, kind, key, v, text);
	struct msg_arg a[2] = {MSG_S(label), MSG_S(val)};
	cli_say(stdout, "pshow_value", a, 2);
}

/* Everything known about region on date, kind by kind, following the
 * fallbacks, then the dated sections of its own file with their facts. */
static void
show(const struct policy_set *ps, int region, const char *via, struct date on)
{
	const struct policy_region *r = policy_set_region(ps, region);
	char d[11];
	date_format(on, d);
	const char *full = r->row != NULL ? r->row->full_zh : r->name_zh;
	struct msg_arg h[4] = {MSG_S(full), MSG_S(r->name_en), MSG_I(region), MSG_S(d)};
	cli_say(stdout, "pshow_header", h, 4);
	if (via != NULL) {
		struct msg_arg v = MSG_S(via);
		cli_say(stdout, "pshow_via", &v, 1);
	}
	if (r->file != NULL) {
		struct msg_arg f = MSG_S(r->file);
		cli_say(stdout, "pshow_file", &f, 1);
	} else {
		const struct policy_region *p = r->parent > 0 ? policy_set_region(ps, r->parent) : NULL;
		if (p != NULL && p->file != NULL) {
			struct msg_arg f[2] = {MSG_S(region_name(ps, p->code)), MSG_S(p->file)};
			cli_say(stdout, "pshow_no_file_province", f, 2);
		} else {
			cli_say(stdout, "pshow_no_file", NULL, 0);
		}
	}
	struct policy_view view;
	policy_view_init(&view, ps, region, on);
	for (int k = 0; k < POLICY_KIND_COUNT; k++) {
		char kind_label[96], missing[1024] = "", lab[128], sep[16];
		char kk[40];
		snprintf(kk, sizeof kk, "pkind_%s", policy_kind_name((enum policy_kind)k));
		msg_format(kind_label, sizeof kind_label, kk, NULL, 0);
		msg_format(sep, sizeof sep, "list_separator", NULL, 0);
		struct msg_arg kl = MSG_S(kind_label);
		cli_say(stdout, "pshow_kind", &kl, 1);
		/* the values grouped by the reference they rest on, in key order
		 * of each group's first value */
		const struct policy_ref *refs[POLICY_MAX_KEYS];
		int64_t vals[POLICY_MAX_KEYS];
		const char *texts[POLICY_MAX_KEYS];
		int nk = policy_kind_keys((enum policy_kind)k), shown = 0;
		for (int key = 0; key < nk; key++) {
			refs[key] = NULL;
			vals[key] = policy_view_value(&view, (enum policy_kind)k, key, &refs[key]);
			texts[key] = policy_key_type((enum policy_kind)k, key) == POLICY_T_TEXT
			                 ? policy_view_text(&view, (enum policy_kind)k, key, NULL)
			                 : NULL;
			if (vals[key] == POLICY_UNKNOWN || refs[key] == NULL) {
				refs[key] = NULL;
				key_label(lab, sizeof lab, (enum policy_kind)k, key);
				if (missing[0] != '\0')
					strncat(missing, sep, sizeof missing - strlen(missing) - 1);
				strncat(missing, lab, sizeof missing - strlen(missing) - 1);
			}
		}
		for (int key = 0; key < nk; key++) {
			if (refs[key] == NULL)
				continue;
			bool first = true;
			for (int j = 0; j < key && first; j++)
				first = refs[j] != refs[key];
			if (!first)
				continue;
			show_source(ps, region, on, refs[key]);
			for (int j = key; j < nk; j++)
				if (refs[j] == refs[key]) {
					show_value((enum policy_kind)k, j, vals[j], texts[j]);
					shown++;
				}
		}
		/* the tiers of the section the values shown come from (a city's
		 * last known tiers before a province's current ones), as the
		 * advice offers them */
		const char *tz[POLICY_MAX_TIERS], *te[POLICY_MAX_TIERS];
		const struct policy_ref *tref = NULL;
		for (int key = 0; key < nk && tref == NULL; key++)
			if (refs[key] != NULL && refs[key]->tier != NULL)
				tref = refs[key];
		int def = -1;
		int nt = tref != NULL ? policy_ref_tiers(tref, tz, te, &def) : 0;
		for (int t = 0; t < nt; t++) {
			struct msg_arg ta[2] = {MSG_S(msg_lang() == MSG_ZH ? tz[t] : te[t]),
			                        MSG_S(t == def ? "yes" : "no")};
			cli_say(stdout, "pshow_tier_choice", ta, 2);
		}
		if (missing[0] != '\0') {
			struct msg_arg m = MSG_S(missing);
			cli_say(stdout, shown ? "pshow_missing" : "pshow_missing_all", &m, 1);
		}
	}
	if (r->file == NULL)
		return;
	cli_say(stdout, "pshow_sections", NULL, 0);
	const struct policy_ref *sec;
	for (size_t i = 0; (sec = policy_file_section(ps, region, i)) != NULL; i++) {
		char from[11], until[11] = "", conf[64], ck_key[32], kk[40], kind_label[96];
		date_format(sec->from, from);
		if (sec->has_until)
			date_format(sec->until, until);
		snprintf(ck_key, sizeof ck_key, "pshow_conf_%s", policy_confidence_name(sec->confidence));
		msg_format(conf, sizeof conf, ck_key, NULL, 0);
		snprintf(kk, sizeof kk, "pkind_%s", policy_kind_name(sec->kind));
		msg_format(kind_label, sizeof kind_label, kk, NULL, 0);
		bool current = policy_ref_is_current(sec, on);
		struct msg_arg a[6] = {
		    MSG_S(kind_label), MSG_S(from), MSG_S(until), MSG_S(conf), MSG_S(current ? "yes" : "no"),
		    MSG_S(sec->source)};
		cli_say(stdout, "pshow_section", a, 6);
		if (sec->own)
			cli_say(stdout, "pshow_own", NULL, 0);
		if (sec->note != NULL) {
			struct msg_arg n = MSG_S(sec->note);
			cli_say(stdout, "pshow_note", &n, 1);
		}
		const struct policy_ref *fref;
		const char *fact;
		for (size_t f = 0; (fact = policy_section_fact(sec, f, &fref)) != NULL; f++) {
			snprintf(ck_key, sizeof ck_key, "pshow_conf_%s",
			         policy_confidence_name(fref->confidence));
			msg_format(conf, sizeof conf, ck_key, NULL, 0);
			struct msg_arg fa[2] = {MSG_S(fact), MSG_S(conf)};
			cli_say(stdout, "pshow_fact", fa, 2);
		}
	}
}

/* REGION as typed: a code (county codes stand for their prefecture), or a
 * name, pinyin or initials that city search resolves to one place. */
static int
resolve(const char *q, const char **via, char *via_buf, size_t cap)
{
	char *end;
	long code = strtol(q, &end, 10);
	*via = NULL;
	if (*q != '\0' && *end == '\0' && strlen(q) == 6) {
		if (code == 0 || region_table_find((int)code) != NULL)
			return (int)code;
		const struct region_alias *al = region_table_alias((int)code);
		if (al != NULL) {
			const struct region_row *row = region_table_find(al->region);
			snprintf(via_buf, cap, "%s → %s", al->name_zh, row ? row->full_zh : "?");
			*via = via_buf;
			return al->region;
		}
		return -1;
	}
	struct citysearch_hit hits[8];
	size_t n = citysearch(q, hits, 8);
	if (n == 0)
		return -1;
	/* the best hit, unless the next one is as good a match (two places
	 * with that name): then the user must say which */
	if (hits[0].via != NULL) {
		snprintf(via_buf, cap, "%s → %s", hits[0].via->name_zh, hits[0].row->full_zh);
		*via = via_buf;
	}
	return hits[0].row->code;
}

/* policy show REGION: everything known about a place on --as-of. */
static int
show_run(const struct cmd_args *args)
{
	const char *dir = cmd_args_string(args, "policy-dir");
	struct date on;
	if (!cmd_args_date(args, "as-of", &on))
		on = cli_today();
	char via_buf[160];
	const char *via;
	/* typed at a GB18030 or GBK terminal, a Chinese name comes in its bytes */
	char *place = cli_arg_utf8(args->argv[0]);
	int region = resolve(place != NULL ? place : args->argv[0], &via, via_buf, sizeof via_buf);
	if (region < 0) {
		int rc = cmd_usage_error(&cmd_policy_show_entry, "err_unknown_place",
		                         place != NULL ? place : args->argv[0]);
		free(place);
		return rc;
	}
	free(place);
	int nerr;
	struct policy_set *ps = policydir_load(dir, stderr, &nerr);
	if (ps == NULL) {
		struct msg_arg a = MSG_I(nerr);
		cli_say(stderr, "policy_check_failed", &a, 1);
		return CMD_EXIT_POLICY;
	}
	show(ps, region, via, on);
	policy_set_free(ps);
	return cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
}

/* policy documents: every document by the id a batch row cites it by
 * (REGION/ID), with its full text; JSON for programs. */
static int
documents_run(const struct cmd_args *args)
{
	static const char *const keys[] = {"issuer", "title", "number", "date", "cite", "read_at"};
	bool json = cmd_args_choice(args, "format", 0) == 1;
	if (json)
		cli_raw_stdout(); /* JSON is UTF-8 whatever the locale */
	int nerr;
	struct policy_set *ps = policydir_load(cmd_args_string(args, "policy-dir"), stderr, &nerr);
	if (ps == NULL) {
		struct msg_arg a = MSG_I(nerr);
		cli_say(stderr, "policy_check_failed", &a, 1);
		return CMD_EXIT_POLICY;
	}
	struct jsonw w;
	jsonw_init(&w, 2);
	jsonw_open(&w, '[');
	for (size_t i = 0; i < policy_set_region_count(ps); i++) {
		const struct policy_region *r = policy_set_region_at(ps, i);
		const struct policy_doc *d;
		for (size_t k = 0; r->file != NULL && (d = policy_file_doc(ps, r->code, k)) != NULL; k++) {
			char id[160];
			snprintf(id, sizeof id, "%06d/%s", r->code, d->id);
			if (!json) {
				printf("%s\t%s\n", id, d->cite);
				continue;
			}
			const char *v[] = {d->issuer, d->title, d->number, d->date, d->cite, d->read_at};
			jsonw_open(&w, '{');
			jsonw_key(&w, "id");
			jsonw_str(&w, id);
			for (size_t j = 0; j < sizeof keys / sizeof keys[0]; j++) {
				jsonw_key(&w, keys[j]);
				jsonw_str(&w, v[j] != NULL ? v[j] : "");
			}
			jsonw_close(&w, '}');
		}
	}
	jsonw_close(&w, ']');
	int rc = CMD_EXIT_OK;
	if (json && (w.failed || printf("%.*s\n", (int)w.n, w.p) < 0))
		rc = CMD_EXIT_IO;
	if (!cli_flush_stdout())
		rc = CMD_EXIT_IO;
	jsonw_fini(&w);
	policy_set_free(ps);
	return rc;
}

static const char *const documents_formats[] = {"text", "json", NULL};

static const struct cmd_option documents_options[] = {
    {.name = "format", .type = CMD_OPTION_CHOICE, .choices = documents_formats, .bad_key = "err_bad_format"},
    {.name = "policy-dir", .type = CMD_OPTION_STRING},
    {.name = NULL},
};

const struct cmd_entry cmd_policy_documents_entry = {
    .name = "policy documents",
    .usage_key = "usage",
    .options = documents_options,
    .run = documents_run,
};

static const struct cmd_option show_options[] = {
    {.name = "as-of", .type = CMD_OPTION_DATE},
    {.name = "policy-dir", .type = CMD_OPTION_STRING},
    {.name = NULL},
};

const struct cmd_entry cmd_policy_check_entry = {
    .name = "policy check",
    .usage_key = "usage",
    .args_max = 1,
    .run = check_run,
};

const struct cmd_entry cmd_policy_show_entry = {
    .name = "policy show",
    .usage_key = "usage",
    .options = show_options,
    .args_min = 1,
    .args_max = 1,
    .args_missing_key = "err_missing_region",
    .run = show_run,
};
