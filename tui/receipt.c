/* receipt.c -- the advice on a receipt: layout, character set, ESC/POS bytes, atomic files, printing */
#include "receipt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cli.h"
#include "compare.h"
#include "enc.h"
#include "msg.h"
#include "wrap.h"

/* A message, a formatted value. */
#define TEXT_MAX 2048
#define VALUE_MAX 256
/* Reasons printed under the recommendation: the first few, the strongest. */
#define REASONS_SHOWN 3
/* Receipts measure by Unicode widths: the same layout on every machine. */
#define MEASURE WRAP_MEASURE_UNICODE
/* Continuation lines of an entry start under its text, this far in. */
#define HANG 2
/* How long a print command may take, and what of its complaint is kept. */
#define PRINT_TIMEOUT_MS 30000
#define SAID_MAX 240
/* Lines fed before the cut, so that the last line clears the cutter. */
#define FEED_LINES 3

/* ESC/POS: initialise; Chinese (double-byte) character mode; print and
 * feed n lines; partial cut after feeding to the cutter (GS V 66 0). */
static const char escpos_init[] = {0x1B, 0x40};
static const char escpos_chinese[] = {0x1C, 0x26};
static const char escpos_feed[] = {0x1B, 0x64, FEED_LINES};
static const char escpos_cut[] = {0x1D, 0x56, 0x42, 0x00};

/* The encodings a receipt is written in, as a user names them. */
static const struct {
	const char *name, *charset;
	bool chinese_mode; /* a GB set: the printer needs FS & to read double bytes */
} encodings[] = {
    {.name = "utf-8", .charset = "UTF-8"},
    {.name = "utf8", .charset = "UTF-8"},
    {.name = "gb18030", .charset = "GB18030", .chinese_mode = true},
    {.name = "gbk", .charset = "GBK", .chinese_mode = true},
};

const int receipt_widths[] = {32, 42, 48, 0};

/* Caveats a receipt gives on a line of their own instead of as a caveat. */
static const bool caveat_has_line[ADVICE_ID_COUNT] = {
    [ADVICE_PENSION_BUNDLED] = true,      /* "Pension paid with it" */
    [ADVICE_WAITING_PERIOD] = true,       /* "Waiting period" */
    [ADVICE_RETIREMENT_SHORTFALL] = true, /* "Years needed …, short by" */
};

/* ASCII for the ambiguous-width characters a catalog or a data file might
 * bring: a GB printer and a CJK terminal draw them two columns wide, a
 * Western terminal one. Any other ambiguous character becomes '?'. */
static const struct {
	UChar32 first, last;
	const char *to;
} stand_ins[] = {
    {0x00B7, 0x00B7, " "}, /* middle dot, as between scheme and city */
    {0x2018, 0x2019, "'"}, {0x201C, 0x201D, "\""},  {0x2010, 0x2015, "-"},
    {0x2022, 0x2022, "-"}, {0x2026, 0x2026, "..."}, {0x00D7, 0x00D7, "x"},
    {0x2500, 0x2501, "-"}, {0x2502, 0x2503, "|"},   {0x2504, 0x257F, "+"},
};

/* Everything one rendering needs, so helpers take one pointer. */
struct rcpt {
	struct lines *out;
	int width;
	const char *locale; /* for ICU line breaking: "en" or "zh" */
	bool wide_yen;      /* lay ¥ out as the ￥ the target set turns it into */
	bool failed;        /* out of memory */
	const struct advice *adv;
	const struct answers *a;
	const struct policy_set *ps;
	struct compare_style style;    /* values written as in the comparison table */
	const struct compare_model *m; /* the cells and caveat groups the receipt formats */
};

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

static const char *
stand_in(UChar32 c)
{
	for (size_t i = 0; i < sizeof stand_ins / sizeof stand_ins[0]; i++)
		if (c >= stand_ins[i].first && c <= stand_ins[i].last)
			return stand_ins[i].to;
	return "?";
}

/* src as it is printed: ambiguous-width characters replaced, ¥ widened
 * when the target set lacks it, bad UTF-8 and controls other than "\n"
 * as '?'. Returns the length written to dst (NUL-terminated). */
static size_t
clean(const struct rcpt *r, char *dst, size_t cap, const char *src)
{
	int32_t i = 0, len = (int32_t)strnlen(src, TEXT_MAX);
	size_t n = 0;
	while (i < len) {
		int32_t at = i;
		UChar32 c;
		U8_NEXT(src, i, len, c);
		const char *put = NULL;
		if (c < 0 || (c < 0x20 && c != '\n') || c == 0x7F)
			put = "?";
		else if (c == 0xA5 && r->wide_yen)
			put = "\xEF\xBF\xA5";
		else if (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS)
			put = stand_in(c);
		size_t plen = put != NULL ? strlen(put) : (size_t)(i - at);
		if (n + plen >= cap)
			break;
		memcpy(dst + n, put != NULL ? put : src + at, plen);
		n += plen;
	}
	dst[n] = '\0';
	return n;
}

static void
add(struct rcpt *r, const char *text, size_t len)
{
	if (!r->failed && lines_add(r->out, LINES_NORMAL, text, len) != 0)
		r->failed = true;
}

static void
rule(struct rcpt *r)
{
	char line[512];
	size_t n = (size_t)r->width < sizeof line ? (size_t)r->width : sizeof line - 1;
	memset(line, '-', n);
	add(r, line, n);
}

/* text wrapped to the width: the first line after lead (a bullet, or
 * nothing), the others after hang spaces. center: each line centred. */
static void
emit(struct rcpt *r, const char *lead, int hang, bool center, const char *text)
{
	/* a line: up to width/2 spaces of indent or centring, a lead of at most
	 * 32 bytes, then text (any number of bytes: marks take no column) */
	char t[2 * TEXT_MAX], line[2 * TEXT_MAX + 512];
	size_t len = clean(r, t, sizeof t, text);
	size_t llen = lead != NULL ? strlen(lead) : 0;
	int lw = lead != NULL ? cols_of(lead) : 0;
	if (llen > 32 || lw >= r->width) {
		lead = NULL;
		llen = 0;
		lw = 0;
	}
	if (hang < 0 || hang >= r->width / 2)
		hang = 0;
	if (len == 0) {
		add(r, "", 0);
		return;
	}
	struct wrap_line *wl = malloc((len + 1) * sizeof *wl);
	if (wl == NULL) {
		r->failed = true;
		return;
	}
	/* the first line beside the lead, the rest at the hanging indent */
	size_t n = wrap_lines(t, len, r->width - lw, r->locale, MEASURE, wl, 2);
	size_t k = 0, off = 0, rest_n = 0;
	int pad = center && wl[0].cols + lw < r->width ? (r->width - wl[0].cols - lw) / 2 : 0;
	memset(line, ' ', (size_t)pad);
	k = (size_t)pad;
	memcpy(line + k, lead != NULL ? lead : "", llen);
	k += llen;
	memcpy(line + k, t + wl[0].off, wl[0].len);
	add(r, line, k + wl[0].len);
	if (n > 1) {
		off = wl[1].off;
		int indent = center ? 0 : hang;
		rest_n = wrap_lines(t + off, len - off, r->width - indent, r->locale, MEASURE, wl, len + 1);
		for (size_t i = 0; i < rest_n; i++) {
			if (wl[i].len == 0) { /* "\n\n": an empty line, no spaces */
				add(r, "", 0);
				continue;
			}
			pad = center ? (r->width - wl[i].cols) / 2 : indent;
			if (pad < 0)
				pad = 0;
			memset(line, ' ', (size_t)pad);
			memcpy(line + pad, t + off + wl[i].off, wl[i].len);
			add(r, line, (size_t)pad + wl[i].len);
		}
	}
	free(wl);
}

/* the message key formatted and wrapped */
static void
say(struct rcpt *r, const char *lead, int hang, const char *key, const struct msg_arg *args, int n)
{
	char text[TEXT_MAX];
	msg_format(text, sizeof text, key, args, n);
	emit(r, lead, hang, false, text);
}

static void
fmt1(char *buf, size_t cap, const char *key, const char *s)
{
	struct msg_arg a = MSG_S(s);
	msg_format(buf, cap, key, &a, 1);
}

/* "Employee scheme, Shanghai" / "职工医保 上海" */
static void
option_title(const struct rcpt *r, const struct advice_option *o, char *buf, size_t cap)
{
	char scheme[VALUE_MAX], code[8];
	msg_format(scheme, sizeof scheme,
	           o->scheme == ADVICE_EMPLOYEE ? "scheme_employee" : "scheme_resident", NULL, 0);
	struct msg_arg a[2] = {MSG_S(scheme),
	                       MSG_S(compare_region_name(&r->style, o->region, code, sizeof code))};
	msg_format(buf, cap, "option_title", a, 2);
}

/* "the employee scheme in Shanghai": an option in a sentence */
static void
option_name(const struct rcpt *r, int i, char *buf, size_t cap)
{
	const struct advice_option *o = &r->adv->options[i];
	char code[8];
	struct msg_arg a = MSG_S(compare_region_name(&r->style, o->region, code, sizeof code));
	msg_format(buf, cap, o->scheme == ADVICE_EMPLOYEE ? "cmp_name_employee" : "cmp_name_resident", &a, 1);
}

static const struct advice_item *
find_caveat(const struct advice_option *o, enum advice_id id)
{
	for (int i = 0; i < o->ncaveats; i++)
		if (o->caveats[i].id == id)
			return &o->caveats[i];
	return NULL;
}

/* ---------------------------------------------------------------- sections */

static void
header(struct rcpt *r)
{
	char t[TEXT_MAX], d[11];
	msg_format(t, sizeof t, "rcpt_title", NULL, 0);
	emit(r, NULL, 0, true, t);
	date_format(r->adv->as_of, d);
	fmt1(t, sizeof t, "rcpt_date", d);
	emit(r, NULL, 0, true, t);
}

static void
person(struct rcpt *r)
{
	const struct answers *a = r->a;
	char w[VALUE_MAX], h[VALUE_MAX], income[VALUE_MAX], c1[8], c2[8];
	snprintf(w, sizeof w, "%s", compare_region_name(&r->style, a->work_city, c1, sizeof c1));
	snprintf(h, sizeof h, "%s", compare_region_name(&r->style, a->hukou_city, c2, sizeof c2));
	struct msg_arg m = MSG_D((double)a->monthly_income);
	msg_format(income, sizeof income, "rcpt_income", &m, 1);
	const char *permit = a->work_city == a->hukou_city ? "same" : a->residence_permit ? "yes" : "no";
	struct msg_arg p[6] = {MSG_S(w),      MSG_S(h),      MSG_I(a->birth_year),
	                       MSG_S(income), MSG_S(permit), MSG_I(a->birth_month)};
	say(r, NULL, 0, "rcpt_person", p, 6);
}

/* A caveat group the receipt lists: not one with a line of its own. */
static bool
listed(const struct compare_caveat *c)
{
	return (unsigned)c->item->id < ADVICE_ID_COUNT && !caveat_has_line[c->item->id];
}

/* The group applies to every option (of more than one). */
static bool
shared(const struct rcpt *r, const struct compare_caveat *c)
{
	int n = r->adv->noptions;
	return n > 1 && c->options == (1u << n) - 1;
}

static void
join_line(struct rcpt *r, const struct advice_option *o)
{
	if (o->nblockers > 0 || o->eligible == 0) {
		char list[TEXT_MAX] = "", one[VALUE_MAX], sep[16];
		msg_format(sep, sizeof sep, "list_separator", NULL, 0);
		for (int k = 0; k < o->nblockers; k++) {
			compare_item_text(one, sizeof one, "cmp_block_", &o->blockers[k], o->region,
			                  &r->style);
			if (k > 0)
				cat(list, sizeof list, sep);
			cat(list, sizeof list, one);
		}
		struct msg_arg a = MSG_S(list);
		say(r, NULL, HANG, "rcpt_join_no", &a, 1);
	} else {
		say(r, NULL, HANG, o->eligible > 0 ? "rcpt_join_yes" : "rcpt_join_unknown", NULL, 0);
	}
}

static void
cost_lines(struct rcpt *r, const struct advice_option *o)
{
	char m[VALUE_MAX], y[VALUE_MAX];
	if (o->matched.monthly == ADVICE_UNKNOWN || o->matched.annual == ADVICE_UNKNOWN) {
		say(r, NULL, HANG, "rcpt_cost_unknown", NULL, 0);
	} else {
		compare_money(m, sizeof m, o->matched.monthly, &r->style);
		compare_money(y, sizeof y, o->matched.annual, &r->style);
		struct msg_arg a[2] = {MSG_S(m), MSG_S(y)};
		say(r, NULL, HANG, o->cost_is_minimum ? "rcpt_cost_minimum" : "rcpt_cost", a, 2);
		if (o->scheme == ADVICE_EMPLOYEE && o->matched.base != o->low.base &&
		    o->low.monthly != ADVICE_UNKNOWN) {
			compare_money(m, sizeof m, o->low.monthly, &r->style);
			a[0] = MSG_S(m);
			say(r, NULL, HANG, "rcpt_cost_lowest", a, 1);
		}
	}
	/* the pension a city bundles with the employee scheme: the table's cell */
	if (o->scheme != ADVICE_EMPLOYEE || find_caveat(o, ADVICE_PENSION_BUNDLED) == NULL)
		return;
	struct msg_arg a = MSG_S(r->m->cells[COMPARE_ROW_PENSION][o - r->adv->options].main);
	say(r, NULL, HANG, "rcpt_pension", &a, 1);
}

static void
waiting_line(struct rcpt *r, const struct advice_option *o)
{
	char v[VALUE_MAX];
	compare_waiting(v, sizeof v, o, &r->style); /* a caveat below says whose bound */
	struct msg_arg a = MSG_S(v);
	say(r, NULL, HANG, "rcpt_waiting", &a, 1);
}

static void
retirement_lines(struct rcpt *r, const struct advice_option *o)
{
	char v[VALUE_MAX], s[VALUE_MAX];
	if (o->scheme != ADVICE_EMPLOYEE) {
		say(r, NULL, HANG, "rcpt_retire_resident", NULL, 0);
		return;
	}
	if (o->retirement.age_months > 0 && o->retirement.year > 0) {
		compare_years_tenths(v, sizeof v, o->retirement.years_at_retirement, &r->style);
		struct msg_arg a[2] = {MSG_I(o->retirement.year), MSG_S(v)};
		say(r, NULL, HANG, "rcpt_retire_years", a, 2);
	}
	compare_years_tenths(v, sizeof v,
	                     o->retirement.years_required < 0 ? -1 : o->retirement.years_required * 10,
	                     &r->style);
	struct msg_arg a[2] = {MSG_S(v), MSG_S(s)};
	if (o->retirement.years_required >= 0 && o->retirement.shortfall > 0) {
		compare_years_tenths(s, sizeof s, o->retirement.shortfall, &r->style);
		say(r, NULL, HANG, "rcpt_retire_short", a, 2);
	} else {
		say(r, NULL, HANG, "rcpt_retire_needed", a, 1);
	}
}

static void
option(struct rcpt *r, int i)
{
	const struct advice_option *o = &r->adv->options[i];
	char title[VALUE_MAX];
	option_title(r, o, title, sizeof title);
	struct msg_arg h[3] = {MSG_I(i + 1), MSG_S(title), MSG_S(i == r->adv->recommended ? "yes" : "no")};
	say(r, NULL, 3, "rcpt_option", h, 3);
	join_line(r, o);
	cost_lines(r, o);
	waiting_line(r, o);
	retirement_lines(r, o);
	/* its caveats in its order, each group once */
	bool done[ADVICE_MAX_OPTIONS * ADVICE_MAX_CAVEATS] = {false};
	for (int k = 0; k < o->ncaveats; k++) {
		int g = r->m->group[i][k];
		if (g < 0 || done[g])
			continue;
		done[g] = true;
		const struct compare_caveat *c = &r->m->caveats[g];
		if (listed(c) && !shared(r, c))
			emit(r, "- ", HANG, false, c->text);
	}
}

static void
recommendation(struct rcpt *r)
{
	const struct advice *adv = r->adv;
	char text[TEXT_MAX];
	bool some = adv->recommended >= 0 && adv->recommended < adv->noptions;
	if (some) {
		char name[VALUE_MAX];
		option_name(r, adv->recommended, name, sizeof name);
		struct msg_arg t[2] = {MSG_I(adv->recommended + 1), MSG_S(name)};
		say(r, NULL, HANG, "cmp_recommend", t, 2);
	} else {
		say(r, NULL, HANG, "cmp_recommend_none", NULL, 0);
	}
	int region = some ? adv->options[adv->recommended].region : r->a->work_city;
	for (int i = 0; i < adv->nreasons && i < REASONS_SHOWN; i++) {
		compare_item_text(text, sizeof text, "rcpt_why_", &adv->reasons[i], region, &r->style);
		emit(r, "- ", HANG, false, text);
	}
}

static void
span(const struct policy_ref *ref, struct date *lo, struct date *hi, bool *any)
{
	if (ref == NULL)
		return;
	if (!*any || date_cmp(ref->checked, *lo) < 0)
		*lo = ref->checked;
	if (!*any || date_cmp(ref->checked, *hi) > 0)
		*hi = ref->checked;
	*any = true;
}

/* Where the data comes from, with the dates it was checked, and the office. */
static void
footer(struct rcpt *r)
{
	const struct advice *adv = r->adv;
	struct date lo = {0}, hi = {0};
	bool any = false;
	char a[11], b[11];
	for (int i = 0; i < adv->noptions; i++) {
		const struct advice_option *o = &adv->options[i];
		span(o->cost_ref, &lo, &hi, &any);
		for (int k = 0; k < o->nblockers; k++)
			span(o->blockers[k].ref, &lo, &hi, &any);
		for (int k = 0; k < o->ncaveats; k++)
			span(o->caveats[k].ref, &lo, &hi, &any);
	}
	for (int k = 0; k < adv->nreasons; k++)
		span(adv->reasons[k].ref, &lo, &hi, &any);
	if (any) {
		date_format(lo, a);
		date_format(hi, b);
		struct msg_arg d[2] = {MSG_S(a), MSG_S(b)};
		say(r, NULL, HANG, date_cmp(lo, hi) == 0 ? "rcpt_sources" : "rcpt_sources_range", d,
		    date_cmp(lo, hi) == 0 ? 1 : 2);
	}
	say(r, NULL, HANG, "rcpt_check_office", NULL, 0);
}

/* The answer first, as every output gives it (compare_summary): its
 * sentences whole, wrapped here at the receipt's width and in its charset. */
static void
summary(struct rcpt *r)
{
	struct lines s;
	lines_init(&s);
	compare_summary(&s, r->adv, r->a, r->ps, 100000, false);
	for (size_t i = 0; i < s.n; i++) {
		const char *t = s.text[i];
		bool other = t[0] == ' ';
		while (*t == ' ')
			t++;
		if (*t != '\0')
			emit(r, other ? "- " : NULL, HANG, false, t);
	}
	lines_fini(&s);
}

static int
render(struct lines *out, const struct advice *adv, const struct answers *a, const struct policy_set *ps,
       int width, bool wide_yen)
{
	if (out == NULL || adv == NULL || a == NULL || width < RECEIPT_WIDTH_MIN ||
	    width > RECEIPT_WIDTH_MAX || adv->noptions < 0 || adv->noptions > ADVICE_MAX_OPTIONS)
		return -1;
	struct rcpt r = {.out = out,
	                 .width = width,
	                 .locale = msg_lang() == MSG_ZH ? "zh" : "en",
	                 .wide_yen = wide_yen,
	                 .adv = adv,
	                 .a = a,
	                 .ps = ps,
	                 .style = {.short_form = true, .ascii = false, .ps = ps}};
	/* the cells and the caveats grouped across options, as the table has them */
	struct compare_model *m = malloc(sizeof *m);
	if (m == NULL)
		return -1;
	compare_model_build(m, adv, a, ps, false);
	r.m = m;
	header(&r);
	rule(&r);
	person(&r);
	rule(&r);
	summary(&r);
	rule(&r);
	for (int i = 0; i < adv->noptions; i++) {
		if (i > 0)
			add(&r, "", 0);
		option(&r, i);
	}
	bool any_shared = false;
	for (int g = 0; g < m->ncaveats; g++) {
		const struct compare_caveat *c = &m->caveats[g];
		if (!listed(c) || !shared(&r, c))
			continue;
		if (!any_shared) {
			rule(&r);
			say(&r, NULL, HANG, "rcpt_all_options", NULL, 0);
			any_shared = true;
		}
		emit(&r, "- ", HANG, false, c->text);
	}
	if (adv->noptions > 0)
		rule(&r);
	recommendation(&r);
	rule(&r);
	footer(&r);
	explicit_bzero(m, sizeof *m); /* figures worked out from the answers */
	free(m);
	return r.failed ? -1 : 0;
}

int
receipt_render(struct lines *out, const struct advice *adv, const struct answers *a,
               const struct policy_set *ps, int width)
{
	return render(out, adv, a, ps, width, false);
}

/* ---------------------------------------------------------------- bytes */

const char *
receipt_charset(const char *encoding)
{
	for (size_t i = 0; encoding != NULL && i < sizeof encodings / sizeof encodings[0]; i++)
		if (strcasecmp(encoding, encodings[i].name) == 0)
			return encodings[i].charset;
	return NULL;
}

bool
receipt_width_is_valid(int width)
{
	for (size_t i = 0; receipt_widths[i] != 0; i++)
		if (width == receipt_widths[i])
			return true;
	return false;
}

static bool
chinese_mode(const char *charset)
{
	for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++)
		if (strcasecmp(charset, encodings[i].charset) == 0)
			return encodings[i].chinese_mode;
	return strncasecmp(charset, "GB", 2) == 0; /* GB2312 and the like, by iconv name */
}

/* True when ¥ survives the trip to charset and back: GB18030 has it, GBK
 * only the full-width ￥ that enc maps it to. */
static bool
has_yen(struct enc *e, const char *charset)
{
	size_t n, m, rep = 0;
	bool ok = false;
	if (enc_is_utf8(e))
		return true;
	char *b = enc_convert(e, "\xC2\xA5", 2, &n, &rep);
	char *back = b != NULL && rep == 0 ? enc_to_utf8(charset, b, n, &m, NULL) : NULL;
	ok = back != NULL && m == 2 && memcmp(back, "\xC2\xA5", 2) == 0;
	free(back);
	free(b);
	return ok;
}

/* A growing byte buffer. */
struct buf {
	char *p;
	size_t n, cap;
	bool failed;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *np = realloc(b->p, cap);
		if (np == NULL) {
			b->failed = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

int
receipt_bytes(const struct advice *adv, const struct answers *a, const struct policy_set *ps, int width,
              const char *charset, bool escpos, char **out, size_t *len, size_t *replaced)
{
	struct lines l;
	struct buf text = {0}, all = {0};
	char *conv = NULL;
	size_t clen = 0;
	int rc = RECEIPT_ERR_NOMEM;
	if (out == NULL || len == NULL || adv == NULL || a == NULL || width < RECEIPT_WIDTH_MIN ||
	    width > RECEIPT_WIDTH_MAX)
		return RECEIPT_ERR_USAGE;
	*out = NULL;
	*len = 0;
	if (charset == NULL)
		charset = "UTF-8";
	struct enc *e = enc_new(charset);
	if (e == NULL)
		return RECEIPT_ERR_CHARSET;
	lines_init(&l);
	if (render(&l, adv, a, ps, width, !has_yen(e, charset)) != 0)
		goto out;
	for (size_t i = 0; i < l.n; i++) {
		buf_add(&text, l.text[i], strlen(l.text[i]));
		buf_add(&text, "\n", 1);
	}
	if (text.failed)
		goto out;
	conv = enc_convert(e, text.p != NULL ? text.p : "", text.n, &clen, replaced);
	if (conv == NULL)
		goto out;
	if (escpos) {
		buf_add(&all, escpos_init, sizeof escpos_init);
		if (!enc_is_utf8(e) && chinese_mode(charset))
			buf_add(&all, escpos_chinese, sizeof escpos_chinese);
	}
	buf_add(&all, conv, clen);
	if (escpos) {
		buf_add(&all, escpos_feed, sizeof escpos_feed);
		buf_add(&all, escpos_cut, sizeof escpos_cut);
	}
	if (all.failed || all.p == NULL)
		goto out;
	*out = all.p;
	*len = all.n;
	all.p = NULL;
	rc = RECEIPT_OK;
out:
	free(all.p);
	free(conv);
	free(text.p);
	lines_fini(&l);
	enc_free(e);
	return rc;
}

/* ---------------------------------------------------------------- files */

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Make path's directory durable: the rename is then on the disk too. Some
 * file systems cannot sync a directory; the file is in place all the same. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* link() failed for want of hard links, not because of the target */
static bool
no_hard_links(int e)
{
#if defined(ENOTSUP) && ENOTSUP != EOPNOTSUPP
	if (e == ENOTSUP)
		return true;
#endif
	return e == EPERM || e == EOPNOTSUPP || e == EMLINK || e == ENOSYS;
}

int
receipt_write(const char *path, bool force, const char *bytes, size_t len)
{
	char *dir = NULL, *tmp = NULL;
	int fd = -1, rc = RECEIPT_ERR_IO, saved = 0;
	bool made = false;
	struct stat st;
	if (path == NULL || *path == '\0' || (bytes == NULL && len > 0)) {
		errno = EINVAL;
		return RECEIPT_ERR_IO;
	}
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		errno = EISDIR;
		return RECEIPT_ERR_IO;
	}
	/* a FIFO, a device or a socket is refused, even with --force (a
	 * directory or a link is "exists" below, and a directory cannot be
	 * replaced) */
	if (lstat(path, &st) == 0 &&
	    (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode))) {
		errno = CLI_ENOTREG;
		return RECEIPT_ERR_IO;
	}
	/* refused before anything is created; link() below closes the race */
	if (!force && lstat(path, &st) == 0)
		return RECEIPT_ERR_EXISTS;
	size_t dlen = slash == NULL ? 1 : slash == path ? 1 : (size_t)(slash - path);
	dir = malloc(dlen + 1);
	tmp = malloc(dlen + 216);
	if (dir == NULL || tmp == NULL) {
		saved = ENOMEM;
		goto out;
	}
	memcpy(dir, slash == NULL ? "." : path, dlen);
	dir[dlen] = '\0';
	/* ".NAME.XXXXXX" beside the target: the same file system, so rename is atomic */
	sprintf(tmp, "%s%s.%.200s.XXXXXX", dir, dir[dlen - 1] == '/' ? "" : "/", base);
	fd = mkstemp(tmp);
	if (fd < 0) {
		saved = errno;
		goto out;
	}
	made = true;
	/* mkstemp gives 0600 less the umask: personal answers are for the owner alone */
	if (fchmod(fd, 0600) != 0 || write_all(fd, bytes, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		goto out;
	}
	int c = close(fd);
	fd = -1;
	if (c != 0) {
		saved = errno;
		goto out;
	}
	if (force) {
		if (rename(tmp, path) != 0) {
			saved = errno;
			goto out;
		}
		made = false;
	} else if (link(tmp, path) == 0) {
		/* link never replaces: an existing path fails with EEXIST */
		unlink(tmp);
		made = false;
	} else if (errno == EEXIST) {
		rc = RECEIPT_ERR_EXISTS;
		goto out;
	} else if (no_hard_links(errno)) {
		/* a file system without hard links (FAT, some network and FUSE
		 * ones): the check above, then rename */
		if (lstat(path, &st) == 0) {
			rc = RECEIPT_ERR_EXISTS;
			goto out;
		}
		if (rename(tmp, path) != 0) {
			saved = errno;
			goto out;
		}
		made = false;
	} else {
		saved = errno;
		goto out;
	}
	sync_dir(dir);
	rc = RECEIPT_OK;
out:
	if (fd >= 0)
		close(fd);
	if (made)
		unlink(tmp);
	free(tmp);
	free(dir);
	if (rc == RECEIPT_ERR_IO)
		errno = saved != 0 ? saved : EIO;
	return rc;
}

/* ---------------------------------------------------------------- printing */

static void
fail(char *errbuf, size_t errcap, const char *key, const struct msg_arg *args, int n)
{
	if (errbuf != NULL && errcap > 0)
		msg_format(errbuf, errcap, key, args, n);
}

static int64_t
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child: stdin from the pipe, stdout to /dev/null (a command such
 * as lp says "request id is …", which must not land on the wizard's
 * screen), stderr to the parent; default signals; then the shell. */
static void
child(const char *cmd, int in, int err)
{
	sigset_t none;
	int null = open("/dev/null", O_WRONLY);
	if (dup2(in, STDIN_FILENO) < 0 || null < 0 || dup2(null, STDOUT_FILENO) < 0 ||
	    dup2(err, STDERR_FILENO) < 0)
		_exit(127);
	if (null > STDERR_FILENO)
		close(null);
	setpgid(0, 0); /* a group of its own, so that a timeout stops all of it */
	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

/* Run cmd with bytes on its standard input, as receipt_print says. */
static int
feed_command(const char *cmd, const char *bytes, size_t len, char *errbuf, size_t errcap)
{
	int in[2] = {-1, -1}, er[2] = {-1, -1}, status = 0, rc = RECEIPT_ERR_COMMAND;
	char said[SAID_MAX + 1] = "";
	size_t nsaid = 0, off = 0;
	bool unread = false, timed_out = false, exited = false;
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	pid_t pid = -1;
	if (pipe(in) != 0 || pipe(er) != 0) {
		struct msg_arg a[2] = {MSG_S(cmd), MSG_S(strerror(errno))};
		fail(errbuf, errcap, "rcpt_err_command_start", a, 2);
		goto out;
	}
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	pid = fork();
	if (pid == 0) {
		close(in[1]);
		close(er[0]);
		child(cmd, in[0], er[1]);
	}
	close(in[0]);
	close(er[1]);
	in[0] = er[1] = -1;
	if (pid < 0) {
		struct msg_arg a[2] = {MSG_S(cmd), MSG_S(strerror(errno))};
		fail(errbuf, errcap, "rcpt_err_command_start", a, 2);
		goto restore;
	}
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	fcntl(er[0], F_SETFL, fcntl(er[0], F_GETFL) | O_NONBLOCK);
	if (len == 0) {
		close(in[1]);
		in[1] = -1;
	}
	int64_t deadline = now_ms() + PRINT_TIMEOUT_MS;
	while (in[1] >= 0 || er[0] >= 0) {
		struct pollfd p[2];
		int np = 0, wait = (int)(deadline - now_ms());
		if (wait <= 0) {
			timed_out = true;
			break;
		}
		/* all fed: look in on the command every 100 ms; once it has
		 * exited, a quiet stderr means it has said all it will say (a
		 * process it left behind may hold the pipe open) */
		if (in[1] < 0 && !exited && waitpid(pid, &status, WNOHANG) == pid)
			exited = true;
		if (in[1] < 0 && wait > 100)
			wait = 100;
		if (in[1] >= 0)
			p[np++] = (struct pollfd){.fd = in[1], .events = POLLOUT};
		if (er[0] >= 0)
			p[np++] = (struct pollfd){.fd = er[0], .events = POLLIN};
		int ready = poll(p, (nfds_t)np, wait);
		if (ready < 0 && errno != EINTR)
			break;
		if (ready == 0 && exited)
			break;
		for (int k = 0; ready > 0 && k < np; k++) {
			if (p[k].revents == 0)
				continue;
			if (p[k].fd == in[1]) {
				ssize_t w = write(in[1], bytes + off, len - off);
				if (w > 0)
					off += (size_t)w;
				if ((w < 0 && errno != EAGAIN && errno != EINTR) || off == len) {
					unread = off < len; /* EPIPE: it stopped reading */
					close(in[1]);
					in[1] = -1;
				}
			} else {
				char chunk[512];
				ssize_t n = read(er[0], chunk, sizeof chunk);
				if (n > 0 && nsaid < SAID_MAX) {
					size_t room = SAID_MAX - nsaid;
					size_t take = (size_t)n < room ? (size_t)n : room;
					memcpy(said + nsaid, chunk, take);
					nsaid += take;
					said[nsaid] = '\0';
				}
				if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
					close(er[0]);
					er[0] = -1;
				}
			}
		}
	}
	if (timed_out && !exited)
		kill(-pid, SIGKILL); /* the shell and what it started */
	/* whatever ended the loop, the command must not wait on us for more */
	for (int k = 0; k < 2; k++) {
		if (in[k] >= 0)
			close(in[k]);
		if (er[k] >= 0)
			close(er[k]);
		in[k] = er[k] = -1;
	}
	while (!exited && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* the first line of what it said, without its newline */
	said[strcspn(said, "\r\n")] = '\0';
	if (timed_out && !exited) {
		struct msg_arg a[2] = {MSG_S(cmd), MSG_I(PRINT_TIMEOUT_MS / 1000)};
		fail(errbuf, errcap, "rcpt_err_command_timeout", a, 2);
	} else if (WIFSIGNALED(status)) {
		struct msg_arg a[2] = {MSG_S(cmd), MSG_I(WTERMSIG(status))};
		fail(errbuf, errcap, "rcpt_err_command_signal", a, 2);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		struct msg_arg a[3] = {MSG_S(cmd), MSG_I(WIFEXITED(status) ? WEXITSTATUS(status) : -1),
		                       MSG_S(said)};
		fail(errbuf, errcap, said[0] != '\0' ? "rcpt_err_command_said" : "rcpt_err_command_status", a,
		     said[0] != '\0' ? 3 : 2);
	} else if (unread) {
		struct msg_arg a = MSG_S(cmd);
		fail(errbuf, errcap, "rcpt_err_command_unread", &a, 1);
	} else {
		rc = RECEIPT_OK;
	}
restore:
	sigaction(SIGPIPE, &old, NULL);
out:
	for (int k = 0; k < 2; k++) {
		if (in[k] >= 0)
			close(in[k]);
		if (er[k] >= 0)
			close(er[k]);
	}
	return rc;
}

int
receipt_print(const char *cmd_or_path, const struct advice *adv, const struct answers *a,
              const struct policy_set *ps, int width, const char *encoding, bool escpos, char *errbuf,
              size_t errcap)
{
	const char *charset = encoding != NULL ? receipt_charset(encoding) : "UTF-8";
	char *bytes = NULL, w[16];
	size_t len = 0;
	int rc;
	if (errbuf != NULL && errcap > 0)
		errbuf[0] = '\0';
	if (charset == NULL) {
		struct msg_arg e = MSG_S(encoding);
		fail(errbuf, errcap, "rcpt_err_bad_encoding", &e, 1);
		return RECEIPT_ERR_USAGE;
	}
	if (!receipt_width_is_valid(width)) {
		snprintf(w, sizeof w, "%d", width);
		struct msg_arg e = MSG_S(w);
		fail(errbuf, errcap, "rcpt_err_bad_width", &e, 1);
		return RECEIPT_ERR_USAGE;
	}
	if (cmd_or_path == NULL || *cmd_or_path == '\0' || adv == NULL || a == NULL) {
		struct msg_arg e[2] = {MSG_S(""), MSG_S(strerror(EINVAL))};
		fail(errbuf, errcap, "rcpt_err_command_start", e, 2);
		return RECEIPT_ERR_USAGE;
	}
	rc = receipt_bytes(adv, a, ps, width, charset, escpos, &bytes, &len, NULL);
	if (rc != RECEIPT_OK) {
		int why = rc == RECEIPT_ERR_NOMEM ? ENOMEM : errno;
		struct msg_arg e[2] = {MSG_S(charset), MSG_S(strerror(why))};
		if (rc == RECEIPT_ERR_CHARSET)
			fail(errbuf, errcap, "rcpt_err_charset", e, 2);
		else
			fail(errbuf, errcap, "rcpt_err_make", &e[1], 1);
		return rc;
	}
	if (cmd_or_path[0] == '/' || strncmp(cmd_or_path, "./", 2) == 0) {
		rc = receipt_write(cmd_or_path, false, bytes, len);
		struct msg_arg e[2] = {MSG_S(cmd_or_path), MSG_S(strerror(errno))};
		if (rc == RECEIPT_ERR_EXISTS)
			fail(errbuf, errcap, "rcpt_err_print_exists", e, 1);
		else if (rc != RECEIPT_OK)
			fail(errbuf, errcap, "rcpt_err_write", e, 2);
	} else {
		rc = feed_command(cmd_or_path, bytes, len, errbuf, errcap);
	}
	free(bytes);
	return rc;
}
