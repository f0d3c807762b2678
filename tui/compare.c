/* compare.c -- the comparison's table, caveats, recommendation, details and cost chart as styled lines */
#include "compare.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpfile.h"
#include "msg.h"
#include "sanitize.h"
#include "wizard.h"
#include "wrap.h"

/* A message, a source (a few hundred bytes), a table cell, a formatted value. */
#define TEXT_MAX 4096
#define CELL_MAX 512
#define VALUE_MAX 256
/* Lines wrapped per call of wrap_lines; longer texts are wrapped in steps. */
#define WRAP_MAX 64
/* Lines of one table cell: cells hold a value and a note, a few lines at most. */
#define CELL_LINES 16
/* Columns between table columns. */
#define GAP 2
/* A line's leading spaces and bullet, at most. */
#define LEAD_MAX 64
/* What the screen measures with: wcwidth in a UTF-8 locale, else Unicode. */
#define MEASURE WRAP_MEASURE_LOCALE

/* How an item's number is shown (advice_id_value_name gives its meaning). */
enum vunit { VU_NONE, VU_NUMBER, VU_MONTHS, VU_YEARS, VU_TENTHS, VU_FEN, VU_BP, VU_PPM, VU_FIELD, VU_YM };

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
    [ADVICE_REASON_AFFORDABLE] = {VU_PPM, VU_PPM, VU_FEN, VU_FEN},
    [ADVICE_REASON_COST_BURDEN] = {VU_PPM, VU_PPM, VU_FEN, VU_FEN},
    [ADVICE_EXTEND_PAYMENT] = {VU_TENTHS, VU_FEN, VU_YM},
    [ADVICE_LUMP_SUM] = {VU_TENTHS, VU_NONE},
    [ADVICE_WAITING_BOUND] = {VU_MONTHS, VU_NONE},
    [ADVICE_SWITCH_LOSES_YEARS] = {VU_TENTHS, VU_NONE},
    [ADVICE_BASE_BELOW_FLOOR] = {VU_FEN, VU_FEN},
    [ADVICE_BASE_FLOOR_UNKNOWN] = {VU_FEN, VU_NONE},
    [ADVICE_LOCAL_YEARS_SHORTFALL] = {VU_TENTHS, VU_YEARS},
    [ADVICE_TIER_NOT_OFFERED] = {VU_NUMBER, VU_NUMBER},
    [ADVICE_REASON_ONLY_KNOWN_ELIGIBLE] = {VU_NUMBER, VU_NUMBER},
    [ADVICE_REASON_SHORT_STAY] = {VU_YEARS, VU_YEARS},
};

/* Everything one rendering needs, so helpers take one pointer. */
struct rend {
	struct lines *out;
	int width;
	const char *locale; /* for ICU line breaking: "en" or "zh" */
	bool ascii;
	struct compare_style style; /* how values are written: short words in the table */
	const struct advice *adv;
	const struct answers *a;
	const struct policy_set *ps;
	/* marks used in the table, for the notes under it */
	bool used_unknown, used_national, used_unverified, used_province, used_derived;
	int used_year;               /* the latest "last known" year shown, 0 for none */
	struct compare_notes *notes; /* sources cited as numbered notes, or NULL: inline */
};

static void
rend_init(struct rend *r, struct lines *out, const struct advice *adv, const struct answers *a,
          const struct policy_set *ps, int width, bool ascii, bool table)
{
	*r = (struct rend){.out = out,
	                   .width = width > 0 ? width : 1,
	                   .locale = msg_lang() == MSG_ZH ? "zh" : "en",
	                   .ascii = ascii,
	                   .style = {.short_form = table, .ascii = ascii, .ps = ps},
	                   .adv = adv,
	                   .a = a,
	                   .ps = ps};
}

/* ---------------------------------------------------------------- text */

static int
cols_of(const char *s)
{
	return wrap_text_width(s, strlen(s), MEASURE);
}

/* Append s to buf (NUL-terminated, capacity cap), cut at a character
 * boundary when it does not fit. */
static void
cat(char *buf, size_t cap, const char *s)
{
	size_t n = strlen(buf), k = strlen(s);
	if (n + 1 >= cap)
		return;
	if (k > cap - n - 1) {
		k = cap - n - 1;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
	}
	memcpy(buf + n, s, k);
	buf[n + k] = '\0';
}

static void
blank(struct rend *r)
{
	lines_add(r->out, LINES_NORMAL, "", 0);
}

/* text wrapped to the width: the first line after indent spaces and
 * bullet, the others under the text (a hanging indent) */
static void
emit(struct rend *r, enum lines_style st, int indent, const char *bullet, const char *text)
{
	struct wrap_line wl[WRAP_MAX];
	char line[LEAD_MAX + TEXT_MAX], plain[TEXT_MAX + 1];
	if (r->ascii) {
		/* a terminal without Chinese: its glosses go before the text is
		 * wrapped, so that none is cut in two */
		snprintf(plain, sizeof plain, "%s", text);
		sanitize_ascii_glosses(plain, strlen(plain), 0);
		text = plain;
	}
	size_t len = strlen(text), pos = 0, blen = bullet != NULL ? strlen(bullet) : 0;
	int bw = bullet != NULL ? cols_of(bullet) : 0;
	if (indent < 0)
		indent = 0;
	if (indent + bw > LEAD_MAX || blen > LEAD_MAX - (size_t)indent) {
		indent = 0;
		bullet = NULL;
		bw = 0;
		blen = 0;
	}
	int avail = r->width - indent - bw;
	if (avail < 1)
		avail = 1;
	bool first = true;
	if (len > TEXT_MAX)
		len = TEXT_MAX;
	if (len == 0) {
		blank(r);
		return;
	}
	while (pos < len) {
		size_t n = wrap_lines(text + pos, len - pos, avail, r->locale, MEASURE, wl, WRAP_MAX);
		size_t use = n <= WRAP_MAX ? n : WRAP_MAX - 1;
		for (size_t i = 0; i < use; i++) {
			size_t k = 0;
			if (wl[i].len > 0 || first) {
				memset(line, ' ', (size_t)indent);
				k = (size_t)indent;
				if (first && bullet != NULL) {
					memcpy(line + k, bullet, blen);
					k += blen;
				} else {
					memset(line + k, ' ', (size_t)bw);
					k += (size_t)bw;
				}
			}
			memcpy(line + k, text + pos + wl[i].off, wl[i].len);
			k += wl[i].len;
			lines_add(r->out, st, line, k);
			first = false;
		}
		if (n <= WRAP_MAX)
			break;
		pos += wl[WRAP_MAX - 1].off; /* go on from the first line not added */
	}
}

/* the message key formatted and wrapped */
static void
say(struct rend *r, enum lines_style st, int indent, const char *bullet, const char *key,
    const struct msg_arg *args, int n)
{
	char text[TEXT_MAX];
	msg_format(text, sizeof text, key, args, n);
	emit(r, st, indent, bullet, text);
}

/* ---------------------------------------------------------------- values */

static void
unknown_text(const struct compare_style *st, char *buf, size_t cap)
{
	msg_format(buf, cap, st->short_form ? "cmp_unknown" : "value_unknown", NULL, 0);
}

/* Money is integer fen until here: converted to yuan only to be formatted. */
void
compare_money(char *buf, size_t cap, int64_t fen, const struct compare_style *st)
{
	struct msg_arg a = MSG_D((double)fen / 100.0);
	if (fen == ADVICE_UNKNOWN)
		unknown_text(st, buf, cap);
	else
		msg_format(buf, cap, st->ascii ? "cmp_money_ascii" : "fmt_money", &a, 1);
}

void
compare_percent(char *buf, size_t cap, int64_t x, double per_one, const struct compare_style *st)
{
	struct msg_arg a = MSG_D((double)x / per_one);
	if (x == ADVICE_UNKNOWN)
		unknown_text(st, buf, cap);
	else
		msg_format(buf, cap, "fmt_percent", &a, 1);
}

void
compare_years_tenths(char *buf, size_t cap, int64_t tenths, const struct compare_style *st)
{
	struct msg_arg a = MSG_D((double)tenths / 10.0);
	if (tenths == ADVICE_UNKNOWN || tenths < 0)
		unknown_text(st, buf, cap);
	else
		msg_format(buf, cap, "fmt_years", &a, 1);
}

void
compare_months(char *buf, size_t cap, int64_t m, const struct compare_style *st)
{
	struct msg_arg a = MSG_I(m);
	if (m == ADVICE_UNKNOWN || m < 0)
		unknown_text(st, buf, cap);
	else
		msg_format(buf, cap, "fmt_months", &a, 1);
}

void
compare_field(char *buf, size_t cap, int64_t field, const struct compare_style *st)
{
	char key[64];
	const char *f = field == ADVICE_UNKNOWN ? NULL : advice_field_name((enum advice_field)field);
	if (f == NULL) {
		unknown_text(st, buf, cap);
		return;
	}
	snprintf(key, sizeof key, "%s%s", st->short_form ? "cmp_field_" : "field_", f);
	msg_format(buf, cap, key, NULL, 0);
}

/* The rend's own shorthands */
static void
money(const struct rend *r, char *buf, size_t cap, int64_t fen)
{
	compare_money(buf, cap, fen, &r->style);
}

static void
percent(const struct rend *r, char *buf, size_t cap, int64_t x, double per_one)
{
	compare_percent(buf, cap, x, per_one, &r->style);
}

static void
years_tenths(const struct rend *r, char *buf, size_t cap, int64_t tenths)
{
	compare_years_tenths(buf, cap, tenths, &r->style);
}

static void
months(const struct rend *r, char *buf, size_t cap, int64_t m)
{
	compare_months(buf, cap, m, &r->style);
}

void
compare_waiting(char *buf, size_t cap, const struct advice_option *o, const struct compare_style *st)
{
	if (o->waiting_months == 0) {
		msg_format(buf, cap, "cmp_waiting_none", NULL, 0);
	} else if (o->waiting_is_bound && o->waiting_months > 0) {
		char m[VALUE_MAX];
		compare_months(m, sizeof m, o->waiting_months, st);
		struct msg_arg a = MSG_S(m);
		msg_format(buf, cap, "cmp_at_most", &a, 1);
	} else {
		compare_months(buf, cap, o->waiting_months, st);
	}
}

static void
value_text(const struct compare_style *st, char *buf, size_t cap, enum vunit u, int64_t x)
{
	struct msg_arg a = MSG_I(x);
	buf[0] = '\0';
	if (u == VU_NONE)
		return;
	if (x == ADVICE_UNKNOWN) {
		unknown_text(st, buf, cap);
		return;
	}
	switch (u) {
	case VU_NONE:
		break;
	case VU_NUMBER:
		msg_format(buf, cap, "fmt_number", &a, 1);
		break;
	case VU_MONTHS:
		compare_months(buf, cap, x, st);
		break;
	case VU_YEARS:
		compare_years_tenths(buf, cap, x * 10, st);
		break;
	case VU_TENTHS:
		compare_years_tenths(buf, cap, x, st);
		break;
	case VU_FEN:
		compare_money(buf, cap, x, st);
		break;
	case VU_BP:
		compare_percent(buf, cap, x, 10000.0, st);
		break;
	case VU_PPM:
		compare_percent(buf, cap, x, 1000000.0, st);
		break;
	case VU_FIELD:
		compare_field(buf, cap, x, st);
		break;
	case VU_YM: {
		struct msg_arg ym[2] = {MSG_I(x / 100), MSG_I(x % 100)};
		msg_format(buf, cap, "fmt_year_month", ym, 2);
		break;
	}
	}
}

/* The region's name in the catalog's language (English in ascii mode: the
 * caller then has the English catalog open anyway), or its code. */
const char *
compare_region_name(const struct compare_style *st, int code, char *buf, size_t cap)
{
	const struct policy_region *pr = st->ps != NULL ? policy_set_region(st->ps, code) : NULL;
	if (pr != NULL)
		return msg_lang() == MSG_ZH && !st->ascii ? pr->name_zh : pr->name_en;
	snprintf(buf, cap, "%06d", code);
	return buf;
}

static const char *
region_name(const struct rend *r, int code, char *buf, size_t cap)
{
	return compare_region_name(&r->style, code, buf, cap);
}

/* "Employee scheme, Shanghai" / "职工医保·上海": titles of the detail */
static void
option_title(const struct rend *r, const struct advice_option *o, char *buf, size_t cap)
{
	char scheme[VALUE_MAX], code[8];
	msg_format(scheme, sizeof scheme,
	           o->scheme == ADVICE_EMPLOYEE ? "scheme_employee" : "scheme_resident", NULL, 0);
	struct msg_arg a[2] = {MSG_S(scheme), MSG_S(region_name(r, o->region, code, sizeof code))};
	msg_format(buf, cap, "option_title", a, 2);
}

/* "1. Employee, Shanghai": table headers; no ambiguous-width characters */
static void
option_short(const struct rend *r, int i, char *buf, size_t cap)
{
	const struct advice_option *o = &r->adv->options[i];
	char code[8];
	struct msg_arg a[2] = {MSG_I(i + 1), MSG_S(region_name(r, o->region, code, sizeof code))};
	msg_format(buf, cap, o->scheme == ADVICE_EMPLOYEE ? "cmp_col_employee" : "cmp_col_resident", a, 2);
}

/* "the employee scheme in Shanghai": an option in a sentence */
static void
option_name(const struct rend *r, int i, char *buf, size_t cap)
{
	const struct advice_option *o = &r->adv->options[i];
	char code[8];
	struct msg_arg a = MSG_S(region_name(r, o->region, code, sizeof code));
	msg_format(buf, cap, o->scheme == ADVICE_EMPLOYEE ? "cmp_name_employee" : "cmp_name_resident", &a, 1);
}

/* "option 3 (the resident scheme in Chengdu)" appended to a list */
static void
list_option(const struct rend *r, char *buf, size_t cap, int i)
{
	char name[VALUE_MAX], ref[VALUE_MAX], sep[16];
	option_name(r, i, name, sizeof name);
	struct msg_arg a[2] = {MSG_I(i + 1), MSG_S(name)};
	msg_format(ref, sizeof ref, "cmp_option_ref", a, 2);
	if (buf[0] != '\0') {
		msg_format(sep, sizeof sep, "list_separator", NULL, 0);
		cat(buf, cap, sep);
	}
	cat(buf, cap, ref);
}

static bool
is_unverified(const struct policy_ref *ref)
{
	return ref != NULL && !ref->verified;
}

static const struct advice_item *
find_caveat(const struct advice_option *o, enum advice_id id, int64_t v0)
{
	for (int i = 0; i < o->ncaveats; i++)
		if (o->caveats[i].id == id && (v0 == ADVICE_UNKNOWN || o->caveats[i].v[0] == v0))
			return &o->caveats[i];
	return NULL;
}

void
compare_item_text(char *buf, size_t cap, const char *prefix, const struct advice_item *it, int region,
                  const struct compare_style *st)
{
	char v[ADVICE_MAX_VALUES][VALUE_MAX], name[VALUE_MAX], code[8], key[64];
	const char *known[ADVICE_MAX_VALUES];
	const char *mode = "";
	const char *id = advice_id_name(it->id);
	buf[0] = '\0';
	if (id == NULL)
		return;
	for (int i = 0; i < ADVICE_MAX_VALUES; i++) {
		known[i] = it->v[i] == ADVICE_UNKNOWN ? "no" : "yes";
		value_text(st, v[i], sizeof v[i], id_units[it->id][i], it->v[i]);
	}
	if ((it->id == ADVICE_TRANSFER_GAP || it->id == ADVICE_COVERAGE_GAP) && it->v[0] == 0)
		mode = "zero";
	else if (it->id == ADVICE_AGE_OUT_OF_RANGE)
		mode = it->v[0] < it->v[1] ? "min" : "max";
	else if (it->id == ADVICE_TIER_NOT_OFFERED)
		mode = it->v[1] == 0 ? "none" : "some";
	else if (it->id == ADVICE_REASON_ONLY_KNOWN_ELIGIBLE)
		mode = it->v[0] > 0 ? "closed" : "open";
	else if (it->id == ADVICE_REASON_AFFORDABLE || it->id == ADVICE_REASON_COST_BURDEN)
		mode = it->v[3] != ADVICE_UNKNOWN && it->v[3] > 0 ? "pension" : "medical";
	else if (it->id == ADVICE_NO_LOCAL_DATA) {
		mode = it->v[0] == POLICY_NATIONAL ? "national" : "province";
		snprintf(v[0], sizeof v[0], "%s", compare_region_name(st, (int)it->v[0], code, sizeof code));
	}
	snprintf(name, sizeof name, "%s", compare_region_name(st, region, code, sizeof code));
	struct msg_arg a[8] = {MSG_S(v[0]),     MSG_S(v[1]), MSG_S(name), MSG_S(known[0]),
	                       MSG_S(known[1]), MSG_S(mode), MSG_S(v[2]), MSG_S(v[3])};
	snprintf(key, sizeof key, "%s%s", prefix, id);
	msg_format(buf, cap, key, a, 8);
}

/* The message of an item (key prefix "adv_" for sentences, "cmp_cav_" or
 * "cmp_block_" for short forms) with its numbers, region the place it
 * speaks of. */
static void
item_text(const struct rend *r, char *buf, size_t cap, const char *prefix, const struct advice_item *it,
          const struct advice_option *o, int region)
{
	(void)o;
	compare_item_text(buf, cap, prefix, it, region, &r->style);
}

/* ---------------------------------------------------------------- detail */

static void qualifier(const struct rend *r, char *buf, size_t cap, const struct advice_option *o,
                      const struct policy_ref *ref, bool minimum);

int
compare_note(struct compare_notes *notes, const struct policy_ref *ref)
{
	if (notes == NULL || ref == NULL)
		return 0;
	for (int i = 0; i < notes->n; i++) {
		const struct policy_ref *o = notes->refs[i];
		if (o == ref || (strcmp(o->source, ref->source) == 0 &&
		                 date_cmp(o->checked, ref->checked) == 0 && o->confidence == ref->confidence))
			return i + 1;
	}
	if (notes->n == COMPARE_MAX_NOTES)
		return 0;
	notes->refs[notes->n++] = ref;
	return notes->n;
}

/* A source: its note number where the notes are collected, else the
 * document itself. */
static void
source(struct rend *r, int indent, const struct policy_ref *ref)
{
	char d[11];
	if (ref == NULL)
		return;
	int n = compare_note(r->notes, ref);
	if (n > 0) {
		struct msg_arg a[2] = {MSG_I(n), MSG_S(ref->verified ? "yes" : "no")};
		say(r, ref->verified ? LINES_DIM : LINES_WARN, indent, NULL, "report_source_note", a, 2);
		return;
	}
	date_format(ref->checked, d);
	struct msg_arg a[3] = {MSG_S(ref->source), MSG_S(ref->verified ? "yes" : "no"), MSG_S(d)};
	say(r, ref->verified ? LINES_DIM : LINES_WARN, indent, NULL, "report_source", a, 3);
}

/* ref's documents for a terminal without Chinese: the data that cites them
 * (the region of its file, which is not always the issuer's: a city's file
 * may cite a national document) and each one's date, as written. */
static void
ascii_cite(char *buf, size_t cap, const struct policy_ref *ref, const struct policy_set *ps)
{
	const struct policy_region *pr = ps != NULL ? policy_set_region(ps, ref->region) : NULL;
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < ref->ndocs && n + 1 < cap; i++) {
		const char *date = ref->docs[i]->date;
		struct msg_arg a[3] = {MSG_S(pr != NULL ? pr->name_en : ""),
		                       MSG_S(date != NULL && date[0] != '\0' ? date : "none"),
		                       MSG_S(ref->region == POLICY_NATIONAL ? "yes" : "no")};
		char one[256];
		msg_format(one, sizeof one, ref->docs[i]->own ? "cmp_doc_ascii_own" : "cmp_doc_ascii", a, 3);
		n += (size_t)snprintf(buf + n, cap - n, "%s%s", i > 0 ? "; " : "", one);
	}
}

/* Whether the "; "-separated list has the entry s (len bytes). */
static bool
list_has(const char *list, const char *s, size_t len)
{
	for (const char *d = list; *d != '\0';) {
		const char *de = strstr(d, "; ");
		size_t dl = de != NULL ? (size_t)(de - d) : strlen(d);
		if (dl == len && memcmp(d, s, len) == 0)
			return true;
		if (de == NULL)
			break;
		d = de + 2;
	}
	return false;
}

/* Where a source was read, without its quotes (“…”, which may hold "; "):
 * what is left is the addresses, which an ASCII terminal can show, each
 * once, an ellipsis in them as "...". */
static void
strip_quotes(char *dst, size_t cap, const char *s)
{
	static const char open[] = "\xE2\x80\x9C", close[] = "\xE2\x80\x9D", dots[] = "\xE2\x80\xA6";
	size_t n = 0;
	dst[0] = '\0';
	while (*s != '\0') {
		/* an address: up to its quote or the next entry */
		char addr[TEXT_MAX / 4];
		size_t k = 0;
		while (*s != '\0' && strncmp(s, open, 3) != 0 && strncmp(s, "; ", 2) != 0) {
			if (strncmp(s, dots, 3) == 0) {
				if (k + 3 < sizeof addr)
					memcpy(addr + k, "...", 3), k += 3;
				s += 3;
			} else {
				if (k + 1 < sizeof addr)
					addr[k++] = *s;
				s++;
			}
		}
		while (k > 0 && addr[k - 1] == ' ')
			k--;
		addr[k] = '\0';
		if (strncmp(s, open, 3) == 0) {
			const char *e = strstr(s + 3, close);
			s = e != NULL ? e + 3 : s + strlen(s);
		}
		if (k > 0 && n + k + 3 < cap && !list_has(dst, addr, k)) {
			if (n > 0) {
				memcpy(dst + n, "; ", 2);
				n += 2;
			}
			memcpy(dst + n, addr, k);
			n += k;
			dst[n] = '\0';
		}
		/* to the next entry */
		while (*s != '\0' && strncmp(s, "; ", 2) != 0)
			s++;
		if (*s != '\0')
			s += 2;
	}
}

void
compare_notes_emit(struct lines *out, const struct compare_notes *notes, int width, bool provenance,
                   const struct policy_set *ps, bool ascii)
{
	char text[TEXT_MAX], d[11], conf[64], key[40], cite[TEXT_MAX / 2];
	if (notes == NULL || notes->n == 0)
		return;
	msg_format(text, sizeof text, "report_notes_title", NULL, 0);
	lines_add(out, LINES_HEADER, text, strlen(text));
	for (int i = 0; i < notes->n; i++) {
		const struct policy_ref *ref = notes->refs[i];
		date_format(ref->checked, d);
		/* the project's own line is neither verified nor not: it is ours */
		if (ref->own)
			snprintf(key, sizeof key, "report_note_own");
		else
			snprintf(key, sizeof key, "pshow_conf_%s", policy_confidence_name(ref->confidence));
		msg_format(conf, sizeof conf, key, NULL, 0);
		if (ascii)
			ascii_cite(cite, sizeof cite, ref, ps);
		struct msg_arg a[4] = {MSG_I(i + 1), MSG_S(ascii && cite[0] != '\0' ? cite : ref->source),
		                       MSG_S(d), MSG_S(conf)};
		msg_format(text, sizeof text, "report_note", a, 4);
		lines_add_wrapped(out, ref->verified ? LINES_DIM : LINES_WARN, text, width, 4);
		if (provenance && ref->read_at != NULL && ref->read_at[0] != '\0') {
			char where[TEXT_MAX / 2];
			if (ascii)
				strip_quotes(where, sizeof where, ref->read_at);
			struct msg_arg p = MSG_S(ascii ? where : ref->read_at);
			msg_format(text, sizeof text, "report_note_read_at", &p, 1);
			lines_add_wrapped(out, LINES_DIM, text, width, 6);
		}
	}
}

/* One blocker, caveat or reason: its sentence, then its source. */
static void
item(struct rend *r, enum lines_style st, const struct advice_item *it, const struct advice_option *o,
     int region)
{
	char text[TEXT_MAX];
	item_text(r, text, sizeof text, "adv_", it, o, region);
	if (it->id == ADVICE_UNKNOWN_VALUE || it->id == ADVICE_UNVERIFIED_DATA)
		st = LINES_WARN;
	emit(r, st, 2, "- ", text);
	source(r, 4, it->ref);
}

/* A tier's name as the reader can read it: the Chinese one, the English
 * one in English where the data has it, and "tier N" where only Chinese is
 * there and the terminal cannot draw it. */
static void
tier_name(const struct rend *r, const struct advice_option *o, int k, char *buf, size_t cap)
{
	const char *en = o->tier_en[k], *zh = o->tier_zh[k];
	if (msg_lang() == MSG_EN && en != NULL && en[0] != '\0')
		snprintf(buf, cap, "%s", en);
	else if (!r->ascii && zh != NULL)
		snprintf(buf, cap, "%s", zh);
	else {
		struct msg_arg a = MSG_I(k + 1);
		msg_format(buf, cap, "report_tier_n", &a, 1);
	}
}

/* "¥600.00 a month, ¥7,200.00 a year, 10% of your income"; with a bundled
 * pension of a known amount, the share is of both together (the burden) */
static void
amounts(const struct rend *r, char *buf, size_t cap, const struct advice_cost *c, bool pension)
{
	char m[VALUE_MAX], y[VALUE_MAX], s[VALUE_MAX], p[VALUE_MAX];
	bool both = pension && c->pension_monthly != ADVICE_UNKNOWN && c->pension_monthly > 0;
	money(r, m, sizeof m, c->monthly);
	money(r, y, sizeof y, c->annual);
	money(r, p, sizeof p, both ? c->pension_monthly : 0);
	percent(r, s, sizeof s, both ? c->total_share_ppm : c->share_ppm, 1000000.0);
	struct msg_arg a[4] = {MSG_S(m), MSG_S(y), MSG_S(s), MSG_S(p)};
	if (c->share_ppm == ADVICE_UNKNOWN) /* no income to compare with */
		msg_format(buf, cap, "report_amounts", a, 2);
	else
		msg_format(buf, cap, both ? "report_amounts_share_pension" : "report_amounts_share", a, 4);
}

/* The tier costed, among the city's: a choice in the wizard (F6). */
static void
detail_tier(struct rend *r, const struct advice_option *o)
{
	char names[TEXT_MAX], one[VALUE_MAX];
	size_t n = 0;
	if (o->ntiers <= 1 || o->tier_index < 0)
		return;
	names[0] = '\0';
	for (int k = 0; k < o->ntiers; k++) {
		char name[VALUE_MAX], cost[VALUE_MAX];
		tier_name(r, o, k, name, sizeof name);
		/* each with what it costs a year, where known */
		if (o->tier_annual[k] != ADVICE_UNKNOWN) {
			money(r, cost, sizeof cost, o->tier_annual[k]);
			struct msg_arg t[2] = {MSG_S(name), MSG_S(cost)};
			msg_format(one, sizeof one, "report_tier_cost", t, 2);
		} else {
			snprintf(one, sizeof one, "%s", name);
		}
		const char *sep = k == 0 ? "" : msg_lang() == MSG_ZH ? "、" : "; ";
		int w = snprintf(names + n, sizeof names - n, "%s%s", sep, one);
		if (w < 0 || (size_t)w >= sizeof names - n)
			break;
		n += (size_t)w;
	}
	tier_name(r, o, o->tier_index, one, sizeof one);
	struct msg_arg a[3] = {MSG_S(one), MSG_I(o->ntiers), MSG_S(names)};
	say(r, LINES_NORMAL, 2, NULL, "report_tier", a, 3);
}

/* What the government adds to the resident premium (财政补助), marked as
 * its source is (the national minimum subsidy, a last known year …). */
static void
detail_subsidy(struct rend *r, const struct advice_option *o)
{
	char v[VALUE_MAX], q[TEXT_MAX];
	if (o->subsidy == ADVICE_UNKNOWN)
		return;
	money(r, v, sizeof v, o->subsidy);
	qualifier(r, q, sizeof q, o, o->subsidy_ref, false);
	struct msg_arg a[2] = {MSG_S(v), MSG_S(q)};
	say(r, LINES_NORMAL, 2, NULL, "report_subsidy", a, 2);
	source(r, 4, o->subsidy_ref);
}

/* How the employee scheme's cost is made beyond rate x base: the add-ons
 * within it, a floor worked out from the average wage, and the base in
 * the document's own words (Chinese: left out where it cannot be drawn). */
static void
detail_base(struct rend *r, const struct advice_option *o)
{
	char v[VALUE_MAX], w[VALUE_MAX], p[VALUE_MAX], name[TEXT_MAX], q[TEXT_MAX];
	if (o->addon_ref != NULL && o->addon_annual > 0) {
		money(r, v, sizeof v, o->addon_annual);
		if (o->addon_name != NULL && !r->ascii)
			snprintf(name, sizeof name, "%s", o->addon_name);
		else
			msg_format(name, sizeof name, "report_addon_generic", NULL, 0);
		qualifier(r, q, sizeof q, o, o->addon_ref, false);
		struct msg_arg a[3] = {MSG_S(v), MSG_S(name), MSG_S(q)};
		say(r, LINES_NORMAL, 2, NULL, "report_addon", a, 3);
		if (o->addon_ref != o->cost_ref)
			source(r, 4, o->addon_ref);
	}
	if (o->base_derived && o->wage != ADVICE_UNKNOWN && o->low.base != ADVICE_UNKNOWN) {
		money(r, v, sizeof v, o->low.base);
		money(r, w, sizeof w, o->wage);
		percent(r, p, sizeof p, o->floor_bp, 10000.0);
		bool scope = o->wage_scope != NULL && !r->ascii;
		struct msg_arg a[5] = {MSG_S(v), MSG_S(p), MSG_S(w), MSG_S(scope ? o->wage_scope : ""),
		                       MSG_S(scope ? "yes" : "no")};
		say(r, LINES_NORMAL, 2, NULL, "report_base_derived", a, 5);
		source(r, 4, o->base_ref);
		source(r, 4, o->wage_ref);
	}
	if (o->base_wording != NULL && !r->ascii && o->low.base != ADVICE_UNKNOWN) {
		qualifier(r, q, sizeof q, o, o->base_wording_ref, false);
		struct msg_arg a[2] = {MSG_S(o->base_wording), MSG_S(q)};
		say(r, LINES_NORMAL, 2, NULL, "report_base_wording", a, 2);
		if (o->base_wording_ref != o->cost_ref && o->base_wording_ref != o->base_ref)
			source(r, 4, o->base_wording_ref);
	}
}

static void
detail_cost(struct rend *r, const struct advice_option *o)
{
	char t[TEXT_MAX], base[VALUE_MAX], t2[TEXT_MAX];
	bool pension = find_caveat(o, ADVICE_PENSION_BUNDLED, ADVICE_UNKNOWN) != NULL;
	struct msg_arg a[2];
	if (o->low.monthly == ADVICE_UNKNOWN) {
		unknown_text(&r->style, t, sizeof t);
		a[0] = MSG_S(t);
		say(r, LINES_WARN, 2, NULL, "report_cost", a, 1);
	} else if (o->scheme == ADVICE_RESIDENT) {
		amounts(r, t, sizeof t, &o->low, false);
		a[0] = MSG_S(t);
		const char *key = o->cost_is_minimum ? "report_cost_minimum" : "report_cost";
		say(r, LINES_NORMAL, 2, NULL, key, a, 1);
	} else if (o->low.base == ADVICE_UNKNOWN) {
		amounts(r, t, sizeof t, &o->low, pension);
		a[0] = MSG_S(t);
		say(r, LINES_NORMAL, 2, NULL, "report_cost_fixed", a, 1);
	} else {
		bool same = o->matched.base == o->low.base;
		money(r, base, sizeof base, o->low.base);
		amounts(r, t, sizeof t, &o->low, pension);
		a[0] = MSG_S(base);
		a[1] = MSG_S(t);
		say(r, LINES_NORMAL, 2, NULL, same ? "report_cost_same" : "report_cost_low", a, 2);
		if (!same) {
			money(r, base, sizeof base, o->matched.base);
			amounts(r, t, sizeof t, &o->matched, pension);
			/* the base of a what-if is the person's, not matched to income */
			say(r, LINES_NORMAL, 2, NULL,
			    o->base_mode == ADVICE_BASE_AMOUNT ? "report_cost_chosen" : "report_cost_matched",
			    a, 2);
		}
	}
	source(r, 4, o->cost_ref);
	detail_tier(r, o);
	if (o->scheme != ADVICE_EMPLOYEE) {
		detail_subsidy(r, o);
		return;
	}
	detail_base(r, o);
	if (pension) {
		char lo[VALUE_MAX], hi[VALUE_MAX];
		bool unknown = o->low.monthly == ADVICE_UNKNOWN || o->low.pension_monthly == ADVICE_UNKNOWN;
		if (unknown) {
			unknown_text(&r->style, t2, sizeof t2);
		} else {
			money(r, lo, sizeof lo, o->low.pension_monthly);
			money(r, hi, sizeof hi, o->matched.pension_monthly);
			struct msg_arg p[2] = {MSG_S(lo), MSG_S(hi)};
			bool one =
			    o->matched.base == o->low.base || o->matched.pension_monthly == ADVICE_UNKNOWN;
			msg_format(t2, sizeof t2, one ? "report_pension_one" : "report_pension_two", p,
			           one ? 1 : 2);
		}
		a[0] = MSG_S(t2);
		say(r, unknown ? LINES_WARN : LINES_NORMAL, 2, NULL, "report_pension", a, 1);
	} else if (find_caveat(o, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_PENSION) != NULL) {
		say(r, LINES_WARN, 2, NULL, "report_pension_unknown", NULL, 0);
	} else {
		say(r, LINES_NORMAL, 2, NULL, "report_pension_none", NULL, 0);
	}
}

static const char *
tri(int v)
{
	return v < 0 ? "unknown" : v ? "yes" : "no";
}

static void
detail_benefits(struct rend *r, const struct advice_option *o)
{
	char v[VALUE_MAX], t[TEXT_MAX];
	struct msg_arg a[1];
	percent(r, v, sizeof v, o->inpatient_bp, 10000.0);
	if (o->inpatient_bp != ADVICE_UNKNOWN && o->inpatient_is_average) {
		char code[8];
		const struct policy_ref *ref = o->inpatient_ref;
		struct msg_arg av[3] = {MSG_S(v),
		                        MSG_S(ref->region == POLICY_NATIONAL ? "national" : "place"),
		                        MSG_S(region_name(r, ref->region, code, sizeof code))};
		msg_format(t, sizeof t, "report_average", av, 3);
		a[0] = MSG_S(t);
	} else if (o->inpatient_bp != ADVICE_UNKNOWN) {
		/* the city's own figure: its year where it is an old one, its label */
		char q[VALUE_MAX];
		qualifier(r, q, sizeof q, o, o->inpatient_ref, false);
		snprintf(t, sizeof t, "%s%s", v, q);
		a[0] = MSG_S(t);
	} else {
		a[0] = MSG_S(v);
	}
	say(r, o->inpatient_bp == ADVICE_UNKNOWN ? LINES_WARN : LINES_NORMAL, 2, NULL, "report_inpatient", a,
	    1);
	if (o->inpatient_bp != ADVICE_UNKNOWN)
		source(r, 4, o->inpatient_ref);
	/* the benefit as money: a 10,000-yuan stay */
	if (o->stay.own != ADVICE_UNKNOWN) {
		char bill[VALUE_MAX], own[VALUE_MAX], ded[VALUE_MAX];
		money(r, bill, sizeof bill, o->stay.bill);
		money(r, own, sizeof own, o->stay.own);
		money(r, ded, sizeof ded, o->stay.deductible == ADVICE_UNKNOWN ? 0 : o->stay.deductible);
		struct msg_arg st[5] = {MSG_S(bill), MSG_S(own), MSG_S(ded),
		                        MSG_S(o->stay.deductible == ADVICE_UNKNOWN ? "no" : "yes"),
		                        MSG_S(o->inpatient_is_average ? "yes" : "no")};
		say(r, LINES_NORMAL, 2, NULL, "report_stay", st, 5);
		/* the deductible's and, where it limits what the fund pays, the
		 * yearly cap's sources, when they are not the ratio's */
		if (o->stay.deductible_ref != NULL && o->stay.deductible != ADVICE_UNKNOWN &&
		    o->stay.deductible_ref != o->inpatient_ref)
			source(r, 4, o->stay.deductible_ref);
		if (o->stay.cap_ref != NULL && o->stay.cap_ref != o->inpatient_ref &&
		    o->stay.cap_ref != o->stay.deductible_ref)
			source(r, 4, o->stay.cap_ref);
	}
	a[0] = MSG_S(tri(o->personal_account));
	say(r, o->personal_account < 0 ? LINES_WARN : LINES_NORMAL, 2, NULL, "report_personal_account", a, 1);
	a[0] = MSG_S(tri(o->family_sharing));
	say(r, o->family_sharing < 0 ? LINES_WARN : LINES_NORMAL, 2, NULL, "report_family_sharing", a, 1);
	if (o->waiting_months == 0) {
		msg_format(v, sizeof v, "report_waiting_none", NULL, 0);
	} else if (o->waiting_is_bound && o->waiting_months > 0) {
		/* as the table's cell, with whose bound it is */
		char w[VALUE_MAX];
		compare_waiting(w, sizeof w, o, &r->style);
		struct msg_arg b = MSG_S(w);
		msg_format(v, sizeof v, "report_waiting_bound", &b, 1);
	} else {
		months(r, v, sizeof v, o->waiting_months);
	}
	a[0] = MSG_S(v);
	say(r, o->waiting_months < 0 ? LINES_WARN : LINES_NORMAL, 2, NULL, "report_waiting", a, 1);
}

static void
detail_retirement(struct rend *r, const struct advice_option *o)
{
	char v[VALUE_MAX];
	struct msg_arg a[4];
	if (o->scheme != ADVICE_EMPLOYEE) {
		say(r, LINES_NORMAL, 2, NULL, "report_retire_resident", NULL, 0);
		return;
	}
	if (o->retirement.age_months <= 0) {
		say(r, LINES_WARN, 2, NULL, "report_retire_age_unknown", NULL, 0);
	} else {
		a[0] = MSG_I(o->retirement.age_months / 12);
		a[1] = MSG_I(o->retirement.age_months % 12);
		a[2] = MSG_I(o->retirement.year);
		a[3] = MSG_I(o->retirement.month);
		/* a date already passed is said in the past */
		bool passed =
		    o->retirement.year * 100 + o->retirement.month <= r->adv->as_of.y * 100 + r->adv->as_of.m;
		struct msg_arg b[5] = {a[0], a[1], a[2], a[3], MSG_S(passed ? "yes" : "no")};
		say(r, LINES_NORMAL, 2, NULL, "report_retire_age", b, 5);
		years_tenths(r, v, sizeof v, o->retirement.years_at_retirement);
		a[0] = MSG_S(v);
		say(r, LINES_NORMAL, 2, NULL, "report_retire_years", a, 1);
	}
	bool req_unknown = o->retirement.years_required < 0;
	years_tenths(r, v, sizeof v, req_unknown ? -1 : o->retirement.years_required * 10);
	a[0] = MSG_S(v);
	say(r, req_unknown ? LINES_WARN : LINES_NORMAL, 2, NULL, "report_retire_required", a, 1);
	if (!req_unknown)
		source(r, 4, o->retirement.years_ref);
	/* of them, those that must be actually paid, and paid here */
	if (o->retirement.actual_min >= 0) {
		years_tenths(r, v, sizeof v, o->retirement.actual_min * 10);
		a[0] = MSG_S(v);
		say(r, LINES_NORMAL, 4, NULL, "report_retire_actual", a, 1);
		if (o->retirement.actual_ref != o->retirement.years_ref)
			source(r, 6, o->retirement.actual_ref);
	}
	if (o->retirement.local_min >= 0) {
		char have[VALUE_MAX];
		years_tenths(r, v, sizeof v, o->retirement.local_min * 10);
		years_tenths(r, have, sizeof have, o->retirement.local_at_retirement);
		bool short_here = o->retirement.local_at_retirement < o->retirement.local_min * 10;
		bool passed =
		    o->retirement.age_months > 0 &&
		    o->retirement.year * 100 + o->retirement.month <= r->adv->as_of.y * 100 + r->adv->as_of.m;
		struct msg_arg l[3] = {MSG_S(v), MSG_S(have), MSG_S(passed ? "yes" : "no")};
		say(r, short_here ? LINES_MARK : LINES_NORMAL, 4, NULL, "report_retire_local", l, 3);
		if (o->retirement.local_ref != o->retirement.years_ref &&
		    o->retirement.local_ref != o->retirement.actual_ref)
			source(r, 6, o->retirement.local_ref);
	}
	if (o->retirement.shortfall == 0)
		msg_format(v, sizeof v, "report_retire_shortfall_none", NULL, 0);
	else
		years_tenths(r, v, sizeof v, o->retirement.shortfall);
	a[0] = MSG_S(v);
	enum lines_style st = o->retirement.shortfall < 0   ? LINES_WARN
	                      : o->retirement.shortfall > 0 ? LINES_MARK
	                                                    : LINES_NORMAL;
	say(r, st, 2, NULL, "report_retire_shortfall", a, 1);
}

/* The recommendation and its reasons, each with its source. */
static void
recommendation(struct rend *r)
{
	const struct advice *adv = r->adv;
	bool some = adv->recommended >= 0 && adv->recommended < adv->noptions;
	if (some) {
		char name[VALUE_MAX];
		option_name(r, adv->recommended, name, sizeof name);
		struct msg_arg t[2] = {MSG_I(adv->recommended + 1), MSG_S(name)};
		say(r, LINES_GOOD, 0, NULL, "cmp_recommend", t, 2);
	} else {
		say(r, LINES_WARN, 0, NULL, "report_recommend_none", NULL, 0);
	}
	if (adv->nreasons > 0) {
		int region = some ? adv->options[adv->recommended].region : r->a->work_city;
		say(r, LINES_HEADER, 0, NULL, "report_reasons", NULL, 0);
		for (int i = 0; i < adv->nreasons; i++)
			item(r, LINES_NORMAL, &adv->reasons[i], NULL, region);
	}
}

void
compare_detail(struct lines *out, const struct advice *adv, int i, const struct answers *a,
               const struct policy_set *ps, int width, bool ascii)
{
	/* the detail view: its own notes, with where each was read */
	struct compare_notes notes = {.n = 0};
	compare_detail_noted(out, adv, i, a, ps, width, ascii, &notes);
	if (notes.n > 0) {
		lines_add(out, LINES_NORMAL, "", 0);
		compare_notes_emit(out, &notes, width, true, ps, ascii);
	}
}

/* An option's detail up to its closing section. */
/* A resident enrolment window as words: its dates, or set locally. */
static void
window_text(char *buf, size_t cap, const struct advice_step *w, const char *key, const char *key_unknown)
{
	buf[0] = '\0';
	if (w == NULL)
		return;
	if (w->v[0] == ADVICE_UNKNOWN || w->v[1] == ADVICE_UNKNOWN) {
		msg_format(buf, cap, key_unknown, NULL, 0);
		return;
	}
	char f[11], t[11];
	date_format(policy_date(w->v[0]), f);
	date_format(policy_date(w->v[1]), t);
	struct msg_arg a[3] = {MSG_S(f), MSG_S(t), MSG_S(w->v[2] == 1 ? "yes" : "no")};
	msg_format(buf, cap, key, a, 3);
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* The option's next steps, one a line, each with its source and the help
 * topic that explains it. */
static void
detail_steps(struct rend *r, const struct advice_option *o)
{
	char text[TEXT_MAX], v[TEXT_MAX], name[VALUE_MAX], code[8], title[VALUE_MAX], key[48];
	if (o->nsteps == 0)
		return;
	say(r, LINES_HEADER, 2, NULL, "report_steps", NULL, 0);
	snprintf(name, sizeof name, "%s", region_name(r, o->region, code, sizeof code));
	for (int k = 0; k < o->nsteps; k++) {
		const struct advice_step *p = &o->steps[k];
		const char *stem = advice_step_name(p->id);
		v[0] = '\0';
		if (p->id == ADVICE_STEP_BRING) {
			char sep[16], doc[VALUE_MAX];
			msg_format(sep, sizeof sep, "list_separator", NULL, 0);
			for (int bit = 1; bit < 1 << ADVICE_DOC_COUNT; bit <<= 1) {
				if (!(p->v[0] & bit))
					continue;
				snprintf(key, sizeof key, "doc_%s", advice_document_name(bit));
				msg_format(doc, sizeof doc, key, NULL, 0);
				if (v[0] != '\0')
					cat(v, sizeof v, sep);
				cat(v, sizeof v, doc);
			}
		} else if (p->id == ADVICE_STEP_WINDOW) {
			window_text(v, sizeof v, p, "report_window_dates", "report_window_local");
		}
		/* the place's own words, where the terminal can draw them; else
		 * the general way */
		const char *own = p->text != NULL && !(r->ascii && !is_ascii(p->text)) ? p->text : NULL;
		struct msg_arg a[5] = {
		    MSG_S(own != NULL ? own : v), MSG_S(own != NULL ? "yes" : "no"),
		    MSG_S(o->scheme == ADVICE_EMPLOYEE ? "employee" : "resident"), MSG_S(name),
		    MSG_S(p->id == ADVICE_STEP_PAY && p->v[0] == 12 ? "monthly" : "yearly")};
		snprintf(key, sizeof key, "report_step_%s", stem);
		msg_format(text, sizeof text, key, a, 5);
		emit(r, LINES_NORMAL, 2, "- ", text);
		source(r, 4, p->ref);
		const char *topic = wizard_step_topic(p->id);
		if (topic != NULL &&
		    help_topic_title(msg_lang() == MSG_ZH ? "zh" : "en", topic, title, sizeof title)) {
			struct msg_arg h[2] = {MSG_S(title), MSG_S(topic)};
			say(r, LINES_DIM, 4, NULL, "report_step_help", h, 2);
		}
	}
}

static void
detail_body(struct rend *r, int i)
{
	const struct advice *adv = r->adv;
	char title[VALUE_MAX];
	const struct advice_option *o = &adv->options[i];
	option_title(r, o, title, sizeof title);
	struct msg_arg t[2] = {MSG_I(i + 1), MSG_S(title)};
	say(r, LINES_TITLE, 0, NULL, "report_option", t, 2);
	if (adv->recommended == i)
		say(r, LINES_GOOD, 2, NULL, "cmp_detail_recommended", NULL, 0);
	/* a blocker is definite even where another rule is unknown */
	if (o->nblockers == 0 && o->eligible > 0) {
		say(r, LINES_NORMAL, 2, NULL, "report_eligible_yes", NULL, 0);
	} else if (o->nblockers > 0 || o->eligible == 0) {
		say(r, LINES_MARK, 2, NULL, "report_eligible_no", NULL, 0);
		for (int k = 0; k < o->nblockers; k++)
			item(r, LINES_MARK, &o->blockers[k], o, o->region);
	} else {
		say(r, LINES_WARN, 2, NULL, "report_eligible_unknown", NULL, 0);
	}
	detail_cost(r, o);
	detail_benefits(r, o);
	detail_retirement(r, o);
	if (o->ncaveats > 0) {
		say(r, LINES_HEADER, 2, NULL, "report_caveats", NULL, 0);
		for (int k = 0; k < o->ncaveats; k++)
			item(r, LINES_MARK, &o->caveats[k], o, o->region);
	}
	detail_steps(r, o);
}

void
compare_detail_body(struct lines *out, const struct advice *adv, int i, const struct answers *a,
                    const struct policy_set *ps, int width, bool ascii, struct compare_notes *notes)
{
	struct rend r;
	if (adv == NULL || a == NULL || i < 0 || i >= adv->noptions)
		return;
	rend_init(&r, out, adv, a, ps, width, ascii, false);
	r.notes = notes;
	detail_body(&r, i);
}

void
compare_recommendation_noted(struct lines *out, const struct advice *adv, const struct answers *a,
                             const struct policy_set *ps, int width, bool ascii, struct compare_notes *notes)
{
	struct rend r;
	if (adv == NULL || a == NULL)
		return;
	rend_init(&r, out, adv, a, ps, width, ascii, false);
	r.notes = notes;
	recommendation(&r);
}

void
compare_detail_noted(struct lines *out, const struct advice *adv, int i, const struct answers *a,
                     const struct policy_set *ps, int width, bool ascii, struct compare_notes *notes)
{
	struct rend r;
	compare_detail_body(out, adv, i, a, ps, width, ascii, notes);
	if (adv == NULL || a == NULL || i < 0 || i >= adv->noptions)
		return;
	rend_init(&r, out, adv, a, ps, width, ascii, false);
	r.notes = notes;
	/* The reasons belong to the recommendation: they are given once, with
	 * the recommended option (with option 1 when none is), so that the
	 * text report, which is every detail in turn, does not repeat them. */
	int home = adv->recommended >= 0 && adv->recommended < adv->noptions ? adv->recommended : 0;
	if (i == home) {
		blank(&r);
		recommendation(&r);
	} else if (adv->recommended >= 0 && adv->recommended < adv->noptions) {
		char name[VALUE_MAX];
		option_name(&r, adv->recommended, name, sizeof name);
		struct msg_arg s[2] = {MSG_I(adv->recommended + 1), MSG_S(name)};
		blank(&r);
		say(&r, LINES_NORMAL, 0, NULL, "cmp_detail_see_reasons", s, 2);
	} else {
		blank(&r);
		say(&r, LINES_NORMAL, 0, NULL, "cmp_detail_none_see", NULL, 0);
	}
}

/* ---------------------------------------------------------------- table */

/* One cell: the value, the marks that follow it, and a second line. */
#define cell compare_cell

/* The marks a value's reference gives its cell: a province or national
 * figure, an old year's, a derived or not yet confirmed one. */
static void
mark_ref(const struct rend *r, const struct advice_option *o, struct cell *c, const struct policy_ref *ref)
{
	if (ref == NULL)
		return;
	struct policy_marks m = policy_ref_marks(ref, o->region, r->adv->as_of);
	c->unverified |= m.confidence == POLICY_SECONDARY || m.confidence == POLICY_UNVERIFIED;
	c->derived |= m.confidence == POLICY_DERIVED;
	c->national |= m.national;
	c->province |= m.province;
	if (m.year > c->year)
		c->year = m.year;
}

typedef void cell_fn(struct rend *r, const struct advice_option *o, struct cell *c);

static void
cell_unknown(struct rend *r, struct cell *c)
{
	unknown_text(&r->style, c->main, sizeof c->main);
	c->unknown = true;
}

static void
fmt1(char *buf, size_t cap, const char *key, const char *s)
{
	struct msg_arg a = MSG_S(s);
	msg_format(buf, cap, key, &a, 1);
}

static void
cell_join(struct rend *r, const struct advice_option *o, struct cell *c)
{
	if (o->nblockers > 0 || o->eligible == 0) {
		char list[CELL_MAX] = "", one[VALUE_MAX], sep[16];
		msg_format(sep, sizeof sep, "list_separator", NULL, 0);
		for (int k = 0; k < o->nblockers; k++) {
			item_text(r, one, sizeof one, "cmp_block_", &o->blockers[k], o, o->region);
			if (k > 0)
				cat(list, sizeof list, sep);
			cat(list, sizeof list, one);
			c->unverified |= is_unverified(o->blockers[k].ref);
		}
		fmt1(c->main, sizeof c->main, "cmp_join_no", list);
	} else if (o->eligible > 0) {
		msg_format(c->main, sizeof c->main, "cmp_join_yes", NULL, 0);
		c->unverified = is_unverified(o->access_ref);
	} else {
		cell_unknown(r, c);
	}
}

static void
cell_cost(struct rend *r, const struct advice_option *o, struct cell *c, bool monthly)
{
	char v[VALUE_MAX];
	int64_t x = monthly ? o->matched.monthly : o->matched.annual;
	if (x == ADVICE_UNKNOWN) {
		cell_unknown(r, c);
		return;
	}
	money(r, v, sizeof v, x);
	if (o->cost_is_minimum) {
		fmt1(c->main, sizeof c->main, "cmp_at_least", v);
		c->national = true;
	} else {
		snprintf(c->main, sizeof c->main, "%s", v);
	}
	mark_ref(r, o, c, o->cost_ref);
	if (o->cost_form == ADVICE_COST_RATE)
		mark_ref(r, o, c, o->base_ref);
	c->derived |= o->base_derived;
	int64_t lo = monthly ? o->low.monthly : o->low.annual;
	if (o->scheme == ADVICE_EMPLOYEE && o->matched.base != o->low.base && lo != ADVICE_UNKNOWN) {
		money(r, v, sizeof v, lo);
		fmt1(c->extra, sizeof c->extra, "cmp_cost_lowest", v);
	}
}

static void
cell_monthly(struct rend *r, const struct advice_option *o, struct cell *c)
{
	cell_cost(r, o, c, true);
}

static void
cell_yearly(struct rend *r, const struct advice_option *o, struct cell *c)
{
	cell_cost(r, o, c, false);
}

/* x * num / den, rounded half up; x, num ≥ 0 */
static int64_t
muldiv(int64_t x, int64_t num, int64_t den)
{
	return (x * num * 2 + den) / (den * 2);
}

static void
cell_share(struct rend *r, const struct advice_option *o, struct cell *c)
{
	char v[VALUE_MAX];
	if (o->matched.share_ppm == ADVICE_UNKNOWN) {
		cell_unknown(r, c);
		return;
	}
	percent(r, c->main, sizeof c->main, o->matched.share_ppm, 1000000.0);
	if (o->matched.total_share_ppm != o->matched.share_ppm &&
	    o->matched.total_share_ppm != ADVICE_UNKNOWN) {
		percent(r, v, sizeof v, o->matched.total_share_ppm, 1000000.0);
		fmt1(c->extra, sizeof c->extra, "cmp_share_pension", v);
	}
}

static void
cell_pension(struct rend *r, const struct advice_option *o, struct cell *c)
{
	char v[VALUE_MAX];
	const struct advice_item *pb = find_caveat(o, ADVICE_PENSION_BUNDLED, ADVICE_UNKNOWN);
	if (o->scheme != ADVICE_EMPLOYEE) {
		msg_format(c->main, sizeof c->main, "cmp_pension_none", NULL, 0);
	} else if (pb != NULL) {
		c->unverified = is_unverified(pb->ref);
		if (o->low.monthly != ADVICE_UNKNOWN && o->matched.pension_monthly != ADVICE_UNKNOWN) {
			money(r, v, sizeof v, o->matched.pension_monthly);
			fmt1(c->main, sizeof c->main, "cmp_pension_month", v);
		} else if (pb->v[0] != ADVICE_UNKNOWN) {
			percent(r, v, sizeof v, pb->v[0], 10000.0);
			fmt1(c->main, sizeof c->main, "cmp_pension_rate", v);
		} else {
			msg_format(c->main, sizeof c->main, "cmp_pension_required", NULL, 0);
			c->unknown = true;
		}
	} else if (find_caveat(o, ADVICE_UNKNOWN_VALUE, ADVICE_FIELD_PENSION) != NULL) {
		cell_unknown(r, c);
	} else {
		msg_format(c->main, sizeof c->main, "cmp_pension_none", NULL, 0);
	}
}

static void
cell_inpatient(struct rend *r, const struct advice_option *o, struct cell *c)
{
	if (o->inpatient_bp == ADVICE_UNKNOWN) {
		cell_unknown(r, c);
		return;
	}
	percent(r, c->main, sizeof c->main, o->inpatient_bp, 10000.0);
	mark_ref(r, o, c, o->inpatient_ref); /* national, the province's, an old year's */
}

static void
cell_account(struct rend *r, const struct advice_option *o, struct cell *c)
{
	if (o->personal_account < 0) {
		cell_unknown(r, c);
		return;
	}
	msg_format(c->main, sizeof c->main, o->personal_account ? "cmp_account_yes" : "cmp_account_no", NULL,
	           0);
	c->unverified = is_unverified(o->account_ref);
}

static void
cell_waiting(struct rend *r, const struct advice_option *o, struct cell *c)
{
	if (o->waiting_months < 0) {
		cell_unknown(r, c);
		return;
	}
	compare_waiting(c->main, sizeof c->main, o, &r->style);
	/* the local rule is unknown: the national upper bound, marked */
	c->national = o->waiting_is_bound && o->waiting_months > 0;
	const struct advice_item *w = find_caveat(o, ADVICE_WAITING_PERIOD, ADVICE_UNKNOWN);
	if (w == NULL)
		w = find_caveat(o, ADVICE_WAITING_BOUND, ADVICE_UNKNOWN);
	c->unverified = w != NULL && is_unverified(w->ref);
}

static void
cell_retire_age(struct rend *r, const struct advice_option *o, struct cell *c)
{
	if (o->retirement.age_months <= 0) {
		cell_unknown(r, c);
		return;
	}
	struct msg_arg a[4] = {MSG_I(o->retirement.age_months / 12), MSG_I(o->retirement.age_months % 12),
	                       MSG_I(o->retirement.year), MSG_I(o->retirement.month)};
	msg_format(c->main, sizeof c->main, "cmp_retire_age", a, 4);
}

static void
cell_retire_years(struct rend *r, const struct advice_option *o, struct cell *c)
{
	if (o->scheme != ADVICE_EMPLOYEE)
		msg_format(c->main, sizeof c->main, "cmp_not_applicable", NULL, 0);
	else if (o->retirement.age_months <= 0)
		cell_unknown(r, c);
	else
		years_tenths(r, c->main, sizeof c->main, o->retirement.years_at_retirement);
}

static void
cell_retire_required(struct rend *r, const struct advice_option *o, struct cell *c)
{
	char v[VALUE_MAX];
	if (o->scheme != ADVICE_EMPLOYEE) {
		msg_format(c->main, sizeof c->main, "cmp_years_none", NULL, 0);
		return;
	}
	if (o->retirement.years_required < 0) {
		cell_unknown(r, c);
		return;
	}
	years_tenths(r, c->main, sizeof c->main, (int64_t)o->retirement.years_required * 10);
	c->unverified = is_unverified(o->retirement.years_ref);
	if (o->retirement.shortfall > 0) {
		years_tenths(r, v, sizeof v, o->retirement.shortfall);
		fmt1(c->extra, sizeof c->extra, "cmp_shortfall", v);
	}
}

/* The rows of the table, top to bottom. */
static const struct row {
	const char *label;
	cell_fn *fill;
} rows[COMPARE_ROW_COUNT] = {
    [COMPARE_ROW_JOIN] = {.label = "cmp_row_join", .fill = cell_join},
    [COMPARE_ROW_MONTHLY] = {.label = "cmp_row_monthly", .fill = cell_monthly},
    [COMPARE_ROW_YEARLY] = {.label = "cmp_row_yearly", .fill = cell_yearly},
    [COMPARE_ROW_SHARE] = {.label = "cmp_row_share", .fill = cell_share},
    [COMPARE_ROW_PENSION] = {.label = "cmp_row_pension", .fill = cell_pension},
    [COMPARE_ROW_INPATIENT] = {.label = "cmp_row_inpatient", .fill = cell_inpatient},
    [COMPARE_ROW_ACCOUNT] = {.label = "cmp_row_account", .fill = cell_account},
    [COMPARE_ROW_WAITING] = {.label = "cmp_row_waiting", .fill = cell_waiting},
    [COMPARE_ROW_RETIRE_AGE] = {.label = "cmp_row_retire_age", .fill = cell_retire_age},
    [COMPARE_ROW_RETIRE_YEARS] = {.label = "cmp_row_retire_years", .fill = cell_retire_years},
    [COMPARE_ROW_RETIRE_REQUIRED] = {.label = "cmp_row_retire_required", .fill = cell_retire_required},
};
#define NROWS COMPARE_ROW_COUNT

const char *
compare_row_label(enum compare_row row)
{
	return (unsigned)row < COMPARE_ROW_COUNT ? rows[row].label : NULL;
}

/* ---------------------------------------------------------------- model */

/* Items whose short text names the option's place: grouped per place. */
static bool
names_place(enum advice_id id)
{
	return id == ADVICE_NO_LOCAL_DATA;
}

static bool
same_caveat(const struct compare_caveat *g, const struct advice_item *it, unsigned fields, int region,
            const struct advice *adv)
{
	const struct advice_item *f = g->item;
	if (f->id != it->id)
		return false;
	if (it->id == ADVICE_UNKNOWN_VALUE)
		return g->fields == fields;
	for (int k = 0; k < ADVICE_MAX_VALUES; k++)
		if (f->v[k] != it->v[k])
			return false;
	if (names_place(it->id)) {
		int first = __builtin_ctz(g->options);
		return adv->options[first].region == region;
	}
	return true;
}

/* Add option i's caveat it (fields for unknown_value) to its group, or
 * open one; its index, or -1 when the groups are full. */
static int
group_caveat(struct rend *r, struct compare_model *m, int i, const struct advice_item *it, unsigned fields,
             bool unverified)
{
	const struct advice_option *o = &m->adv->options[i];
	for (int g = 0; g < m->ncaveats; g++) {
		struct compare_caveat *c = &m->caveats[g];
		if (same_caveat(c, it, fields, o->region, m->adv)) {
			c->options |= 1u << i;
			c->unverified |= unverified;
			return g;
		}
	}
	if (m->ncaveats == (int)(sizeof m->caveats / sizeof m->caveats[0]))
		return -1;
	struct compare_caveat *c = &m->caveats[m->ncaveats++];
	*c = (struct compare_caveat){
	    .item = it, .fields = fields, .options = 1u << i, .unverified = unverified};
	if (it->id == ADVICE_UNKNOWN_VALUE) {
		char list[COMPARE_CAVEAT_MAX] = "", f[VALUE_MAX], sep[16];
		msg_format(sep, sizeof sep, "list_separator", NULL, 0);
		for (int k = 0; k < ADVICE_FIELD_COUNT; k++) {
			if (!(fields & 1u << k))
				continue;
			compare_field(f, sizeof f, k, &r->style);
			if (list[0] != '\0')
				cat(list, sizeof list, sep);
			cat(list, sizeof list, f);
		}
		fmt1(c->text, sizeof c->text, "cmp_cav_unknown_value", list);
	} else {
		item_text(r, c->text, sizeof c->text, "cmp_cav_", it, o, o->region);
	}
	return m->ncaveats - 1;
}

void
compare_model_build(struct compare_model *m, const struct advice *adv, const struct answers *a,
                    const struct policy_set *ps, bool ascii)
{
	struct rend r;
	rend_init(&r, NULL, adv, a, ps, 80, ascii, true);
	m->adv = adv;
	m->ncaveats = 0;
	for (int i = 0; i < adv->noptions && i < ADVICE_MAX_OPTIONS; i++) {
		const struct advice_option *o = &adv->options[i];
		for (int k = 0; k < COMPARE_ROW_COUNT; k++) {
			memset(&m->cells[k][i], 0, sizeof m->cells[k][i]);
			rows[k].fill(&r, o, &m->cells[k][i]);
		}
		/* the unknown values of an option are one caveat, listing the
		 * fields, where the first of them stands */
		unsigned fields = 0;
		bool unknown_unverified = false;
		const struct advice_item *first_unknown = NULL;
		for (int k = 0; k < o->ncaveats; k++) {
			const struct advice_item *it = &o->caveats[k];
			if (it->id == ADVICE_UNKNOWN_VALUE && it->v[0] >= 0 &&
			    it->v[0] < ADVICE_FIELD_COUNT) {
				fields |= 1u << it->v[0];
				unknown_unverified |= is_unverified(it->ref);
				if (first_unknown == NULL)
					first_unknown = it;
			}
		}
		for (int k = 0; k < o->ncaveats; k++) {
			const struct advice_item *it = &o->caveats[k];
			if (it == first_unknown)
				m->group[i][k] = group_caveat(&r, m, i, it, fields, unknown_unverified);
			else if (it->id != ADVICE_UNKNOWN_VALUE)
				m->group[i][k] = group_caveat(&r, m, i, it, 0, is_unverified(it->ref));
			else
				m->group[i][k] = -1;
		}
	}
}

/* Where the columns are: the label column, then one per option. */
struct layout {
	int ncols;
	int start[ADVICE_MAX_OPTIONS + 1];
	int width[ADVICE_MAX_OPTIONS + 1];
};

/* Column widths from the widest label (at most a quarter of the width) and
 * an equal share of the rest for each option. */
static void
table_layout(struct rend *r, struct layout *lay)
{
	char label[VALUE_MAX];
	int n = r->adv->noptions, lw = 0;
	msg_format(label, sizeof label, "cmp_row_option", NULL, 0);
	lw = cols_of(label);
	for (size_t k = 0; k < NROWS; k++) {
		msg_format(label, sizeof label, rows[k].label, NULL, 0);
		int w = cols_of(label);
		if (w > lw)
			lw = w;
	}
	if (lw > r->width / 4)
		lw = r->width / 4;
	if (lw < 4)
		lw = 4;
	int cw = n > 0 ? (r->width - lw - GAP * n) / n : 0;
	if (cw < 4)
		cw = 4; /* narrower than compare.h allows: lines run over */
	lay->ncols = n + 1;
	lay->start[0] = 0;
	lay->width[0] = lw;
	for (int i = 1; i <= n; i++) {
		lay->start[i] = lay->start[i - 1] + lay->width[i - 1] + GAP;
		lay->width[i] = cw;
	}
}

/* One table row: each cell wrapped in its column, the columns side by side,
 * padded by display width so that every column starts where the header's does. */
static void
table_row(struct rend *r, const struct layout *lay, enum lines_style st, char cells[][CELL_MAX])
{
	struct wrap_line wl[ADVICE_MAX_OPTIONS + 1][CELL_LINES];
	size_t nl[ADVICE_MAX_OPTIONS + 1], height = 0;
	char line[(ADVICE_MAX_OPTIONS + 1) * CELL_MAX + 512];
	for (int c = 0; c < lay->ncols; c++) {
		size_t len = strlen(cells[c]);
		nl[c] = 0;
		if (len > 0)
			nl[c] =
			    wrap_lines(cells[c], len, lay->width[c], r->locale, MEASURE, wl[c], CELL_LINES);
		if (nl[c] > CELL_LINES)
			nl[c] = CELL_LINES; /* not with the short texts of the table */
		if (nl[c] > height)
			height = nl[c];
	}
	for (size_t k = 0; k < height; k++) {
		size_t n = 0;
		int col = 0; /* display columns written so far */
		for (int c = 0; c < lay->ncols; c++) {
			if (k >= nl[c] || wl[c][k].len == 0)
				continue;
			int pad = lay->start[c] - col;
			if (pad < 0)
				pad = 0;
			if (n + (size_t)pad + wl[c][k].len >= sizeof line)
				break;
			memset(line + n, ' ', (size_t)pad);
			n += (size_t)pad;
			memcpy(line + n, cells[c] + wl[c][k].off, wl[c][k].len);
			n += wl[c][k].len;
			col += pad + wl[c][k].cols;
		}
		lines_add(r->out, st, line, n);
	}
}

/* The cell's text: the value with its marks right after it (no space, so
 * that a mark never wraps onto a line of its own), then its second line. */
static void
mark_text(struct rend *r, char *buf, size_t cap, const struct cell *c)
{
	char m[16];
	snprintf(buf, cap, "%s", c->main);
	if (c->national) {
		msg_format(m, sizeof m, "cmp_mark_national", NULL, 0);
		cat(buf, cap, m);
		r->used_national = true;
	}
	if (c->province) {
		msg_format(m, sizeof m, "cmp_mark_province", NULL, 0);
		cat(buf, cap, m);
		r->used_province = true;
	}
	if (c->derived) {
		msg_format(m, sizeof m, "cmp_mark_derived", NULL, 0);
		cat(buf, cap, m);
		r->used_derived = true;
	}
	if (c->unverified) {
		msg_format(m, sizeof m, "cmp_mark_unverified", NULL, 0);
		cat(buf, cap, m);
		r->used_unverified = true;
	}
	if (c->year > 0) {
		struct msg_arg y = MSG_I(c->year);
		msg_format(m, sizeof m, "cmp_mark_year", &y, 1);
		cat(buf, cap, m);
		if (c->year > r->used_year)
			r->used_year = c->year;
	}
	if (c->unknown)
		r->used_unknown = true;
	if (c->extra[0] != '\0') {
		cat(buf, cap, "\n");
		cat(buf, cap, c->extra);
	}
}

static void
table(struct rend *r, const struct compare_model *m)
{
	const struct advice *adv = r->adv;
	struct layout lay;
	char cells[ADVICE_MAX_OPTIONS + 1][CELL_MAX];
	table_layout(r, &lay);

	/* header: option names, then the recommended one marked, then a rule */
	msg_format(cells[0], sizeof cells[0], "cmp_row_option", NULL, 0);
	for (int i = 0; i < adv->noptions; i++)
		option_short(r, i, cells[i + 1], sizeof cells[i + 1]);
	table_row(r, &lay, LINES_HEADER, cells);
	if (adv->recommended >= 0 && adv->recommended < adv->noptions) {
		for (int k = 0; k < lay.ncols; k++)
			cells[k][0] = '\0';
		msg_format(cells[adv->recommended + 1], CELL_MAX, "cmp_recommended_mark", NULL, 0);
		table_row(r, &lay, LINES_GOOD, cells);
	}
	char rule[(ADVICE_MAX_OPTIONS + 1) * CELL_MAX];
	size_t n = 0;
	for (int k = 0; k < lay.ncols && n + (size_t)lay.width[k] + GAP < sizeof rule; k++) {
		if (k > 0) {
			memset(rule + n, ' ', GAP);
			n += GAP;
		}
		memset(rule + n, '-', (size_t)lay.width[k]);
		n += (size_t)lay.width[k];
	}
	lines_add(r->out, LINES_DIM, rule, n);

	for (size_t k = 0; k < NROWS; k++) {
		msg_format(cells[0], sizeof cells[0], rows[k].label, NULL, 0);
		for (int i = 0; i < adv->noptions; i++)
			mark_text(r, cells[i + 1], sizeof cells[i + 1], &m->cells[k][i]);
		table_row(r, &lay, LINES_NORMAL, cells);
	}
}

/* The notes for the marks the table used. */
static void
table_notes(struct rend *r)
{
	char m[VALUE_MAX];
	struct msg_arg a = MSG_S(m);
	if (r->used_unknown) {
		unknown_text(&r->style, m, sizeof m);
		say(r, LINES_DIM, 0, NULL, "cmp_note_unknown", &a, 1);
	}
	if (r->used_national) {
		msg_format(m, sizeof m, "cmp_mark_national", NULL, 0);
		say(r, LINES_DIM, 0, NULL, "cmp_note_national", &a, 1);
	}
	if (r->used_province) {
		msg_format(m, sizeof m, "cmp_mark_province", NULL, 0);
		say(r, LINES_DIM, 0, NULL, "cmp_note_province", &a, 1);
	}
	if (r->used_derived) {
		msg_format(m, sizeof m, "cmp_mark_derived", NULL, 0);
		say(r, LINES_DIM, 0, NULL, "cmp_note_derived", &a, 1);
	}
	if (r->used_unverified) {
		msg_format(m, sizeof m, "cmp_mark_unverified", NULL, 0);
		say(r, LINES_DIM, 0, NULL, "cmp_note_unverified", &a, 1);
	}
	if (r->used_year > 0) {
		struct msg_arg y[2] = {MSG_I(r->used_year), MSG_I(r->adv->as_of.y)};
		msg_format(m, sizeof m, "cmp_mark_year", y, 1);
		struct msg_arg b[3] = {MSG_S(m), MSG_I(r->used_year), MSG_I(r->adv->as_of.y)};
		say(r, LINES_DIM, 0, NULL, "cmp_note_year", b, 3);
	}
}

/* ---------------------------------------------------------------- caveats */

/* Each caveat once, with the options it applies to (the model's groups,
 * in the order the options first have them), an unverified source marked. */
static void
caveats(struct rend *r, const struct compare_model *m)
{
	const struct advice *adv = r->adv;
	char bullet[16], sep[16], mark[16];
	if (m->ncaveats == 0)
		return;
	msg_format(sep, sizeof sep, "list_separator", NULL, 0);
	msg_format(mark, sizeof mark, "cmp_mark_unverified", NULL, 0);
	msg_format(bullet, sizeof bullet - 1, "cmp_mark_caveat", NULL, 0);
	cat(bullet, sizeof bullet, " ");
	say(r, LINES_HEADER, 0, NULL, "cmp_caveats_title", NULL, 0);
	for (int g = 0; g < m->ncaveats; g++) {
		const struct compare_caveat *c = &m->caveats[g];
		char t[COMPARE_CAVEAT_MAX + 32], list[VALUE_MAX] = "", num[16], line[TEXT_MAX];
		snprintf(t, sizeof t, "%s", c->text);
		if (c->unverified) {
			cat(t, sizeof t, " ");
			cat(t, sizeof t, mark);
		}
		int count = 0;
		for (int j = 0; j < adv->noptions; j++) {
			if (!(c->options & 1u << j))
				continue;
			snprintf(num, sizeof num, "%d", j + 1);
			if (count++ > 0)
				cat(list, sizeof list, sep);
			cat(list, sizeof list, num);
		}
		if (count == adv->noptions && count > 1) {
			fmt1(line, sizeof line, "cmp_caveat_all", t);
		} else {
			struct msg_arg a[3] = {MSG_I(count), MSG_S(list), MSG_S(t)};
			msg_format(line, sizeof line, "cmp_caveat_options", a, 3);
		}
		emit(r, LINES_MARK, 0, bullet, line);
	}
}

/* The recommendation, its reasons, and the other options still open. */
static void
table_recommendation(struct rend *r)
{
	const struct advice *adv = r->adv;
	char text[TEXT_MAX], m[16], open[TEXT_MAX] = "", unsure[TEXT_MAX] = "";
	bool some = adv->recommended >= 0 && adv->recommended < adv->noptions;
	if (some) {
		char name[VALUE_MAX];
		option_name(r, adv->recommended, name, sizeof name);
		struct msg_arg t[2] = {MSG_I(adv->recommended + 1), MSG_S(name)};
		say(r, LINES_GOOD, 0, NULL, "cmp_recommend", t, 2);
	} else {
		say(r, LINES_WARN, 0, NULL, "cmp_recommend_none", NULL, 0);
	}
	msg_format(m, sizeof m, "cmp_mark_unverified", NULL, 0);
	int region = some ? adv->options[adv->recommended].region : r->a->work_city;
	for (int i = 0; i < adv->nreasons; i++) {
		item_text(r, text, sizeof text, "adv_", &adv->reasons[i], NULL, region);
		if (is_unverified(adv->reasons[i].ref)) {
			cat(text, sizeof text, " ");
			cat(text, sizeof text, m);
		}
		emit(r, LINES_NORMAL, 0, "- ", text);
	}
	for (int i = 0; i < adv->noptions; i++) {
		const struct advice_option *o = &adv->options[i];
		if (i == adv->recommended)
			continue;
		if (o->nblockers == 0 && o->eligible > 0)
			list_option(r, open, sizeof open, i);
		else if (o->nblockers == 0 && o->eligible < 0)
			list_option(r, unsure, sizeof unsure, i);
	}
	struct msg_arg a = MSG_S(open);
	if (open[0] != '\0')
		say(r, LINES_NORMAL, 0, NULL, "cmp_also_open", &a, 1);
	a = MSG_S(unsure);
	if (unsure[0] != '\0')
		say(r, LINES_WARN, 0, NULL, "cmp_also_unknown", &a, 1);
}

void
compare_table(struct lines *out, const struct advice *adv, const struct answers *a,
              const struct policy_set *ps, int width, bool ascii)
{
	struct rend r;
	if (adv == NULL || a == NULL || adv->noptions <= 0)
		return;
	rend_init(&r, out, adv, a, ps, width, ascii, true);
	/* the answer first, above the table, so that it shows without
	 * scrolling on an 80x24 screen */
	compare_summary(out, adv, a, ps, width, ascii);
	blank(&r);
	struct compare_model *m = malloc(sizeof *m);
	if (m == NULL)
		return;
	compare_model_build(m, adv, a, ps, ascii);
	table(&r, m);
	/* the caveats and reasons below carry the unverified mark too */
	for (int i = 0; i < adv->nreasons; i++)
		r.used_unverified |= is_unverified(adv->reasons[i].ref);
	for (int i = 0; i < adv->noptions; i++)
		for (int k = 0; k < adv->options[i].ncaveats; k++)
			r.used_unverified |= is_unverified(adv->options[i].caveats[k].ref);
	if (r.used_unknown || r.used_national || r.used_unverified || r.used_province || r.used_derived ||
	    r.used_year > 0) {
		blank(&r);
		table_notes(&r);
	}
	blank(&r);
	caveats(&r, m);
	explicit_bzero(m, sizeof *m); /* figures worked out from the answers */
	free(m);
	blank(&r);
	table_recommendation(&r);
}

/* ---------------------------------------------------------------- chart */

/* What one option costs from the as-of month until retirement, and in the
 * ten years after it, in fen (integer sums; yuan only when formatted). */
struct total {
	int option;
	bool known;
	int64_t before, after;
};

static int64_t
total_of(const struct total *t)
{
	return t->before + t->after;
}

/* Months of payments, at annual fen a year, rounded half up to the fen. */
static int64_t
paid(int64_t annual, int64_t months)
{
	return months <= 0 ? 0 : muldiv(annual, months, 12);
}

/* Block characters: U+2588 full, U+2589..U+258F seven to one eighths,
 * U+2591 light shade for the years after retirement. */
static const char *const eighths[8] = {
    "", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
};
#define GLYPH_FULL "\u2588"
#define GLYPH_AFTER "\u2591"

/* A bar of cells columns at most: before and after in proportion to max. */
static size_t
bar(char *buf, size_t cap, const struct total *t, int64_t max, int cells, bool ascii)
{
	size_t n = 0;
	const char *full = ascii ? "#" : GLYPH_FULL, *after = ascii ? "=" : GLYPH_AFTER;
	size_t fl = strlen(full), al = strlen(after);
	if (max <= 0 || cells <= 0)
		return 0;
	/* in eighths of a cell; the products stay far below INT64_MAX for any
	 * realistic cost (a billion yuan times a thousand columns times 8) */
	int64_t all8 = muldiv(total_of(t), (int64_t)cells * 8, max);
	int64_t before8 = muldiv(t->before, (int64_t)cells * 8, max);
	int64_t whole, part = 0, rest = 0;
	if (t->after == 0 && !ascii) {
		whole = all8 / 8;
		part = all8 % 8;
	} else {
		whole = (before8 + 4) / 8;
		rest = (all8 + 4) / 8 - whole;
	}
	if (whole + rest == 0 && part == 0 && total_of(t) > 0) {
		if (t->before > 0)
			whole = 1; /* something paid shows as something */
		else
			rest = 1;
	}
	for (int64_t k = 0; k < whole && n + fl < cap; k++, n += fl)
		memcpy(buf + n, full, fl);
	if (part > 0 && n + strlen(eighths[part]) < cap) {
		memcpy(buf + n, eighths[part], strlen(eighths[part]));
		n += strlen(eighths[part]);
	}
	for (int64_t k = 0; k < rest && n + al < cap; k++, n += al)
		memcpy(buf + n, after, al);
	buf[n] = '\0';
	return n;
}

static void
chart_money(const struct rend *r, char *buf, size_t cap, int64_t fen)
{
	struct msg_arg a = MSG_D((double)fen / 100.0);
	msg_format(buf, cap, r->ascii ? "cmp_chart_money_ascii" : "cmp_chart_money", &a, 1);
}

static void
chart_label(const struct rend *r, int i, char *buf, size_t cap)
{
	const struct advice_option *o = &r->adv->options[i];
	struct msg_arg a = MSG_I(i + 1);
	const char *key = o->scheme == ADVICE_EMPLOYEE   ? "cmp_chart_employee"
	                  : o->region == r->a->work_city ? "cmp_chart_resident_work"
	                                                 : "cmp_chart_resident_hukou";
	msg_format(buf, cap, key, &a, 1);
}

/* Pad s (cols columns wide) with spaces to w columns into buf at *n; on
 * the right (text left-aligned) or on the left (right-aligned). */
static void
put_padded(char *buf, size_t cap, size_t *n, const char *s, int cols, int w, bool right)
{
	size_t len = strlen(s);
	int pad = w > cols ? w - cols : 0;
	if (*n + len + (size_t)pad >= cap)
		return;
	if (right) {
		memset(buf + *n, ' ', (size_t)pad);
		*n += (size_t)pad;
	}
	memcpy(buf + *n, s, len);
	*n += len;
	if (!right) {
		memset(buf + *n, ' ', (size_t)pad);
		*n += (size_t)pad;
	}
}

void
compare_chart(struct lines *out, const struct advice *adv, const struct answers *a, int width, int height,
              bool ascii)
{
	struct rend r;
	struct total t[ADVICE_MAX_OPTIONS];
	int order[ADVICE_MAX_OPTIONS], k = 0;
	char text[TEXT_MAX], unknown[TEXT_MAX] = "";
	if (adv == NULL || a == NULL || adv->noptions <= 0)
		return;
	rend_init(&r, out, adv, a, NULL, width, ascii, true);
	const struct advice_option *o0 = &adv->options[0];
	if (o0->retirement.age_months <= 0 || o0->retirement.year <= 0) {
		say(&r, LINES_WARN, 0, NULL, "cmp_chart_no_age", NULL, 0);
		return;
	}
	/* the months from the as-of date until retirement, and the ten years
	 * after it (what is left of them when retirement has passed) */
	int before =
	    date_months_between(adv->as_of.y, adv->as_of.m, o0->retirement.year, o0->retirement.month);
	int after = 120;
	if (before < 0) {
		after += before;
		before = 0;
	}
	if (after < 0)
		after = 0;
	bool years_unknown = false, any_employee = false, any_resident = false, minimum = false;
	for (int i = 0; i < adv->noptions; i++) {
		const struct advice_option *o = &adv->options[i];
		t[i] = (struct total){.option = i, .known = o->matched.annual != ADVICE_UNKNOWN};
		if (!t[i].known) {
			/* no policy set here: the options by their place, as labelled */
			char label[VALUE_MAX], sep[16];
			chart_label(&r, i, label, sizeof label);
			msg_format(sep, sizeof sep, "list_separator", NULL, 0);
			if (unknown[0] != '\0')
				cat(unknown, sizeof unknown, sep);
			cat(unknown, sizeof unknown, label);
			continue;
		}
		t[i].before = paid(o->matched.annual, before);
		if (o->scheme == ADVICE_EMPLOYEE) {
			any_employee = true;
			/* after retirement only while years are missing: the
			 * shortfall in tenths of a year, as whole months */
			if (o->retirement.years_required < 0 || o->retirement.shortfall < 0) {
				years_unknown = true;
			} else {
				int64_t m = ((int64_t)o->retirement.shortfall * 12 + 9) / 10;
				t[i].after = paid(o->matched.annual, m < after ? m : after);
			}
		} else {
			any_resident = true;
			minimum |= o->cost_is_minimum;
			t[i].after = paid(o->matched.annual, after);
		}
		order[k++] = i;
	}
	/* the most expensive first (insertion sort, stable) */
	for (int x = 1; x < k; x++) {
		int v = order[x], y = x;
		while (y > 0 && total_of(&t[order[y - 1]]) < total_of(&t[v])) {
			order[y] = order[y - 1];
			y--;
		}
		order[y] = v;
	}
	struct msg_arg yr[2] = {MSG_I(adv->as_of.y), MSG_I(o0->retirement.year + 10)};
	say(&r, LINES_HEADER, 0, NULL, "cmp_chart_title", yr, 2);
	if (k == 0) {
		say(&r, LINES_WARN, 0, NULL, "cmp_chart_none", NULL, 0);
	} else {
		char labels[ADVICE_MAX_OPTIONS][VALUE_MAX], values[ADVICE_MAX_OPTIONS][VALUE_MAX];
		char line[TEXT_MAX], b[TEXT_MAX];
		int lw = 0, vw = 0;
		int64_t max = 0;
		for (int x = 0; x < k; x++) {
			int i = order[x];
			chart_label(&r, i, labels[x], sizeof labels[x]);
			chart_money(&r, values[x], sizeof values[x], total_of(&t[i]));
			if (cols_of(labels[x]) > lw)
				lw = cols_of(labels[x]);
			if (cols_of(values[x]) > vw)
				vw = cols_of(values[x]);
			if (total_of(&t[i]) > max)
				max = total_of(&t[i]);
		}
		/* with room, the label on a line of its own and the bar under
		 * it across the width; else label, value and bar on one line */
		bool two = height >= 2 * k;
		if (lw > r.width / 3)
			lw = r.width / 3;
		int lead = two ? 2 : lw + 1;
		int cells = r.width - lead - vw - 1;
		if (cells < 1)
			cells = 1;
		for (int x = 0; x < k; x++) {
			size_t n = 0;
			if (two) {
				emit(&r, LINES_NORMAL, 0, NULL, labels[x]);
				put_padded(line, sizeof line, &n, "", 0, lead, false);
			} else {
				/* a label wider than its column is cut, never wrapped */
				struct wrap_line wl[2];
				size_t len = strlen(labels[x]);
				wrap_lines(labels[x], len, lw, r.locale, MEASURE, wl, 2);
				labels[x][wl[0].len] = '\0';
				put_padded(line, sizeof line, &n, labels[x], wl[0].cols, lw + 1, false);
			}
			/* the value before the bar, so that a terminal drawing
			 * the blocks wide only pushes the bar's end off the edge */
			put_padded(line, sizeof line, &n, values[x], cols_of(values[x]), vw, true);
			bar(b, sizeof b, &t[order[x]], max, cells, ascii);
			put_padded(line, sizeof line, &n, " ", 1, 1, false);
			put_padded(line, sizeof line, &n, b, 0, 0, false);
			lines_add(r.out, LINES_NORMAL, line, n);
		}
		/* the scale: 0 under the start of the bars, the maximum at their end */
		char zero[VALUE_MAX], top[VALUE_MAX];
		size_t n = 0;
		chart_money(&r, zero, sizeof zero, 0);
		chart_money(&r, top, sizeof top, max);
		int zc = cols_of(zero), tc = cols_of(top);
		int start = lead + vw + 1;
		put_padded(line, sizeof line, &n, "", 0, start, false);
		if (zc + 1 + tc <= cells) {
			put_padded(line, sizeof line, &n, zero, zc, zc, false);
			put_padded(line, sizeof line, &n, top, tc, cells - zc, true);
		} else {
			put_padded(line, sizeof line, &n, top, tc, tc, false);
		}
		lines_add(r.out, LINES_DIM, line, n);

		struct msg_arg lg[4] = {MSG_S(ascii ? "#" : GLYPH_FULL), MSG_I(o0->retirement.year),
		                        MSG_I(o0->retirement.month), MSG_S(ascii ? "=" : GLYPH_AFTER)};
		say(&r, LINES_DIM, 0, NULL, "cmp_chart_legend", lg, 4);
		if (any_employee) {
			say(&r, LINES_DIM, 0, NULL, "cmp_chart_medical_only", NULL, 0);
			say(&r, LINES_DIM, 0, NULL, "cmp_chart_employee_rule", NULL, 0);
		}
		if (years_unknown)
			say(&r, LINES_WARN, 0, NULL, "cmp_chart_years_unknown", NULL, 0);
		if (any_resident)
			say(&r, LINES_DIM, 0, NULL, "cmp_chart_resident_rule", NULL, 0);
		/* what each option costs once retired: only the employee scheme,
		 * its years met, insures without paying (社会保险法 第二十七条) */
		char list[TEXT_MAX] = "", one[VALUE_MAX], money_s[VALUE_MAX], sep[16];
		msg_format(sep, sizeof sep, "cmp_chart_after_sep", NULL, 0);
		for (int x = 0; x < k; x++) {
			int i = order[x];
			const struct advice_option *o = &adv->options[i];
			bool free_after = o->scheme == ADVICE_EMPLOYEE && t[i].after == 0 &&
			                  o->retirement.shortfall == 0 && o->retirement.years_required >= 0;
			chart_money(&r, money_s, sizeof money_s, t[i].after);
			struct msg_arg p[2] = {MSG_I(i + 1), MSG_S(money_s)};
			msg_format(one, sizeof one,
			           free_after ? "cmp_chart_after_free" : "cmp_chart_after_paid", p, 2);
			if (list[0] != '\0')
				cat(list, sizeof list, sep);
			cat(list, sizeof list, one);
		}
		int from = o0->retirement.year > adv->as_of.y ? o0->retirement.year : adv->as_of.y;
		struct msg_arg af[3] = {MSG_I(from), MSG_I(o0->retirement.year + 10), MSG_S(list)};
		if (after > 0)
			say(&r, LINES_NORMAL, 0, NULL, "cmp_chart_after", af, 3);
		if (minimum)
			say(&r, LINES_DIM, 0, NULL, "cmp_chart_minimum", NULL, 0);
	}
	if (unknown[0] != '\0') {
		struct msg_arg u = MSG_S(unknown);
		msg_format(text, sizeof text, "cmp_chart_unknown", &u, 1);
		emit(&r, LINES_WARN, 0, NULL, text);
	}
}

/* ---------------------------------------------------------------- summary */

/* "(2025 figure; national minimum; secondary source)": what a reader must
 * know of a figure, in words (the summary is read aloud too). */
static void
qualifier(const struct rend *r, char *buf, size_t cap, const struct advice_option *o,
          const struct policy_ref *ref, bool minimum)
{
	char part[VALUE_MAX], sep[16], code[8];
	buf[0] = '\0';
	if (ref == NULL)
		return;
	msg_format(sep, sizeof sep, "list_separator", NULL, 0);
	char parts[4][VALUE_MAX];
	int n = 0;
	struct policy_marks m = policy_ref_marks(ref, o->region, r->adv->as_of);
	if (m.year != 0) {
		struct msg_arg y = MSG_I(m.year);
		msg_format(parts[n++], VALUE_MAX, "sum_q_year", &y, 1);
	}
	if (m.national) {
		msg_format(parts[n++], VALUE_MAX, minimum ? "sum_q_minimum" : "sum_q_national", NULL, 0);
	} else if (m.province) {
		struct msg_arg p = MSG_S(region_name(r, ref->region, code, sizeof code));
		msg_format(parts[n++], VALUE_MAX, "sum_q_province", &p, 1);
	}
	if (m.confidence != POLICY_VERIFIED) {
		char k[40];
		snprintf(k, sizeof k, "pshow_conf_%s", policy_confidence_name(m.confidence));
		msg_format(parts[n++], VALUE_MAX, k, NULL, 0);
	}
	for (int i = 0; i < n; i++) {
		if (i > 0)
			cat(buf, cap, sep);
		cat(buf, cap, parts[i]);
	}
	if (n > 0) {
		struct msg_arg a = MSG_S(buf);
		msg_format(part, sizeof part, "sum_q", &a, 1);
		snprintf(buf, cap, "%s", part);
	}
}

/* An option's cost in one phrase: medical and pension a month (each
 * named), the year's total, and its qualifier; or why there is none. */
static void
cost_phrase(const struct rend *r, char *buf, size_t cap, const struct advice_option *o)
{
	char m[VALUE_MAX], p[VALUE_MAX], t[VALUE_MAX], y[VALUE_MAX], q[VALUE_MAX * 2];
	const struct advice_cost *c = &o->matched;
	if (c->monthly == ADVICE_UNKNOWN) {
		msg_format(buf, cap, "sum_cost_unknown", NULL, 0);
		return;
	}
	qualifier(r, q, sizeof q, o, o->cost_ref, o->cost_is_minimum);
	money(r, m, sizeof m, c->monthly);
	bool pension = c->pension_monthly != ADVICE_UNKNOWN && c->pension_monthly > 0;
	int64_t total = c->monthly + (pension ? c->pension_monthly : 0);
	money(r, p, sizeof p, pension ? c->pension_monthly : 0);
	money(r, t, sizeof t, total);
	money(r, y, sizeof y, c->annual + (pension ? c->pension_monthly * 12 : 0));
	struct msg_arg a[6] = {MSG_S(m),
	                       MSG_S(p),
	                       MSG_S(t),
	                       MSG_S(y),
	                       MSG_S(q),
	                       MSG_S(pension                                ? "pension"
	                             : c->pension_monthly != ADVICE_UNKNOWN ? "none"
	                             : find_caveat(o, ADVICE_PENSION_BUNDLED, ADVICE_UNKNOWN) != NULL
	                                 ? "unknown"
	                                 : "maybe")};
	msg_format(buf, cap, o->cost_is_minimum ? "sum_cost_minimum" : "sum_cost", a, 6);
}

/* The option's step id, or NULL. */
static const struct advice_step *
find_step(const struct advice_option *o, enum advice_step_id id)
{
	for (int i = 0; i < o->nsteps; i++)
		if (o->steps[i].id == id)
			return &o->steps[i];
	return NULL;
}

/* Where and how to take the recommended option: its first next steps (the
 * core's, with the place's own words where its data has them) in one
 * sentence. */
static void
next_step(struct rend *r, const struct advice_option *o)
{
	char name[VALUE_MAX], code[8], window[VALUE_MAX], line[VALUE_MAX];
	const struct advice_step *apply = find_step(o, ADVICE_STEP_APPLY);
	const struct advice_step *bring = find_step(o, ADVICE_STEP_BRING);
	const struct advice_step *hot = find_step(o, ADVICE_STEP_HOTLINE);
	if (apply == NULL)
		return; /* closed: nothing to do there */
	snprintf(name, sizeof name, "%s", region_name(r, o->region, code, sizeof code));
	window_text(window, sizeof window, find_step(o, ADVICE_STEP_WINDOW), "sum_window",
	            "sum_window_unknown");
	const char *hotline = hot != NULL ? hot->text : NULL;
	if (hotline == NULL) {
		msg_format(line, sizeof line, "sum_hotline_default", NULL, 0);
		hotline = line;
	}
	bool permit = bring != NULL && (bring->v[0] & ADVICE_DOC_RESIDENCE_PERMIT);
	struct msg_arg a[6] = {MSG_S(name),
	                       MSG_S(apply->text != NULL ? apply->text : ""),
	                       MSG_S(apply->text != NULL ? "yes" : "no"),
	                       MSG_S(permit ? "yes" : "no"),
	                       MSG_S(window),
	                       MSG_S(hotline)};
	say(r, LINES_NORMAL, 0, NULL,
	    o->scheme == ADVICE_EMPLOYEE ? "sum_next_employee" : "sum_next_resident", a, 6);
}

void
compare_summary(struct lines *out, const struct advice *adv, const struct answers *a,
                const struct policy_set *ps, int width, bool ascii)
{
	struct rend r;
	char name[VALUE_MAX], cost[TEXT_MAX], why[TEXT_MAX];
	if (adv == NULL || a == NULL)
		return;
	rend_init(&r, out, adv, a, ps, width, ascii, true);
	int rec = adv->recommended >= 0 && adv->recommended < adv->noptions ? adv->recommended : -1;
	if (rec >= 0) {
		const struct advice_option *o = &adv->options[rec];
		option_name(&r, rec, name, sizeof name);
		cost_phrase(&r, cost, sizeof cost, o);
		/* ranked above an option whose cost is known: the first line says so */
		bool unknown_first = adv->nreasons > 0 && adv->reasons[0].id == ADVICE_REASON_COST_UNKNOWN;
		struct msg_arg s[4] = {MSG_I(rec + 1), MSG_S(name), MSG_S(cost),
		                       MSG_S(unknown_first ? "yes" : "no")};
		say(&r, LINES_GOOD, 0, NULL, "sum_recommend", s, 4);
		/* what the advice costs besides money, before anything else:
		 * leaving the employee scheme gives up its years; insured away
		 * from where one lives, care there needs a filing first */
		static const enum advice_id first[] = {ADVICE_SWITCH_LOSES_YEARS, ADVICE_REMOTE_CARE_FILING};
		for (size_t k = 0; k < sizeof first / sizeof first[0]; k++) {
			const struct advice_item *it = find_caveat(o, first[k], ADVICE_UNKNOWN);
			if (it == NULL)
				continue;
			/* the table's short form: the summary stays within its lines
			 * (the detail has the sentence) */
			compare_item_text(why, sizeof why, "cmp_cav_", it, o->region, &r.style);
			struct msg_arg w = MSG_S(why);
			say(&r, LINES_WARN, 2, NULL, "sum_note", &w, 1);
		}
	} else {
		say(&r, LINES_WARN, 0, NULL,
		    adv->noptions > 0 && adv->reasons[0].id == ADVICE_REASON_INSURED_BY_EMPLOYER
		        ? "sum_employer"
		        : "sum_none",
		    NULL, 0);
	}
	for (int i = 0; i < adv->noptions; i++) {
		if (i == rec)
			continue;
		const struct advice_option *o = &adv->options[i];
		option_name(&r, i, name, sizeof name);
		if (o->nblockers > 0) {
			compare_item_text(why, sizeof why, "cmp_block_", &o->blockers[0], o->region,
			                  &r.style);
			struct msg_arg b[3] = {MSG_I(i + 1), MSG_S(name), MSG_S(why)};
			say(&r, LINES_NORMAL, 2, NULL, "sum_other_blocked", b, 3);
			continue;
		}
		cost_phrase(&r, cost, sizeof cost, o);
		struct msg_arg b[4] = {MSG_I(i + 1), MSG_S(name), MSG_S(cost),
		                       MSG_S(o->eligible < 0 ? "unknown" : "open")};
		say(&r, LINES_NORMAL, 2, NULL, "sum_other", b, 4);
	}
	if (rec >= 0)
		next_step(&r, &adv->options[rec]);
}
