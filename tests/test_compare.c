/* test_compare.c -- the comparison's lines: widths, columns, line starts, marks, chart order, ASCII */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "advice.h"
#include "compare.h"
#include "fixture.h"
#include "lines.h"
#include "msg.h"
#include "report.h"
#include "wrap.h"

#define M WRAP_MEASURE_LOCALE
#define MAX_SEGS 16
#define GAP 2

/* A table cell the data leaves unknown: its row label key and option. */
struct unknown_cell {
	const char *row;
	int option;
};

struct ccase {
	const char *name;
	const char *answers;
	const char *as_of;
	int noptions;
	int recommended;
	struct unknown_cell unknown[6]; /* ends with a NULL row */
	int blocked;                    /* an option with a blocker, or -1 */
};

#define RIDER(city)                                                                                          \
	"work_city = " city "\nhukou_city = 510100\nresidence_permit = yes\nbirth = 1985-03\n"               \
	"sex = male\nwork = flexible\nmonthly_income = 6000\n"
#define QINGDAO(work)                                                                                        \
	"work_city = 370200\nhukou_city = 370200\nbirth = 1975-06\nsex = female\n"                           \
	"female_retire_age = 50\nwork = " work "\nmonthly_income = 4000\n"

static const struct ccase cases[] = {
    {"Shanghai rider, Chengdu hukou, 2025",
     RIDER("310000"),
     "2025-06-01",
     3,
     2,
     {{"cmp_row_retire_required", 0}, {"cmp_row_join", 1}},
     -1},
    {"Shanghai rider, Chengdu hukou, today: years required known",
     RIDER("310000"),
     "2026-12-02",
     3,
     2,
     {{"cmp_row_join", 1}},
     -1},
    {"Qingdao local, 2023: employee cost known",
     QINGDAO("flexible"),
     "2023-06-01",
     2,
     0,
     {{"cmp_row_retire_required", 0}, {"cmp_row_inpatient", 0}, {"cmp_row_inpatient", 1}},
     -1},
    {"Qingdao employed, 2023: insured by the employer",
     QINGDAO("employed"),
     "2023-06-01",
     2,
     -1,
     {{"cmp_row_retire_required", 0}},
     0},
    {"Beijing rider, 2019: hukou required, unverified",
     RIDER("110000"),
     "2019-06-01",
     3,
     2,
     {{"cmp_row_yearly", 0}, {"cmp_row_join", 1}},
     0},
    {"Chongqing local, 2023: a fixed yearly amount",
     "work_city = 500000\nhukou_city = 500000\nbirth = 1985-03\nsex = male\nwork = flexible\n"
     "monthly_income = 6000\n",
     "2023-06-01",
     2,
     0,
     {{NULL, 0}},
     -1},
};

static const int widths[] = {80, 120};
static const enum msg_lang langs[] = {MSG_EN, MSG_ZH};

/* Marks that must not start a line (or a cell's line). */
static const char *const closing[] = {
    "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】",
};

static struct policy_set *ps;
static int failures;
static char where[256];

#define CHECK(cond, ...)                                                                                     \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			print_message("%s: ", where);                                                        \
			print_message(__VA_ARGS__);                                                          \
			print_message("\n");                                                                 \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)

/* ---------------------------------------------------------------- helpers */

static int
cols(const char *s)
{
	return wrap_text_width(s, strlen(s), M);
}

/* Runs of text separated by two spaces or more: the cells of a table line. */
struct seg {
	int start, end; /* display columns */
	size_t off;     /* byte offset of the first character */
};

static int
segments(const char *s, struct seg *out, int max)
{
	int32_t i = 0, len = (int32_t)strlen(s);
	int n = 0, col = 0, run = 0;
	bool in = false;
	while (i < len) {
		int32_t at = i;
		UChar32 c;
		U8_NEXT(s, i, len, c);
		int w = wrap_char_width(c, M);
		if (c == ' ') {
			if (++run >= GAP)
				in = false;
			col += w;
			continue;
		}
		run = 0;
		if (!in) {
			if (n == max)
				return n;
			out[n++] = (struct seg){.start = col, .off = (size_t)at};
			in = true;
		}
		col += w;
		out[n - 1].end = col;
	}
	return n;
}

static bool
starts_with_closing(const char *s)
{
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (strncmp(s, closing[i], strlen(closing[i])) == 0)
			return true;
	return false;
}

static bool
has_ambiguous(const char *s)
{
	int32_t i = 0, len = (int32_t)strlen(s);
	while (i < len) {
		UChar32 c;
		U8_NEXT(s, i, len, c);
		if (c < 0 || u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS)
			return true;
	}
	return false;
}

static bool
ascii_only(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void
dump(const struct lines *l)
{
	if (getenv("COMPARE_DUMP") == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		printf("%d|%s\n", l->style[i], l->text[i]);
}

/* Every line fits, and no line, nor any cell of a line, starts with
 * closing punctuation. */
static void
check_lines(const struct lines *l, int width, const char *what)
{
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->text[i];
		struct seg sg[MAX_SEGS];
		CHECK(cols(t) <= width, "%s line %zu is %d columns: \"%s\"", what, i, cols(t), t);
		/* msg_format writes a missing key as "[key]" */
		CHECK(strstr(t, "[cmp_") == NULL && strstr(t, "[report_") == NULL &&
		          strstr(t, "[adv_") == NULL && strstr(t, "[fmt_") == NULL &&
		          strstr(t, "[field_") == NULL,
		      "%s line %zu names a missing message", what, i);
		CHECK(wrap_text_width(t, strlen(t), WRAP_MEASURE_UNICODE) <= width,
		      "%s line %zu is wider by Unicode widths: \"%s\"", what, i, t);
		int n = segments(t, sg, MAX_SEGS);
		for (int k = 0; k < n; k++)
			CHECK(!starts_with_closing(t + sg[k].off),
			      "%s line %zu starts with closing punctuation: \"%s\"", what, i, t);
	}
}

static size_t
table_end(const struct lines *l)
{
	size_t n = 0;
	while (n < l->n && l->text[n][0] != '\0')
		n++;
	return n;
}

/* The line of the table whose label cell is key's text, or -1. */
static long
row_of(const struct lines *l, size_t end, const char *key)
{
	char label[256];
	msg_format(label, sizeof label, key, NULL, 0);
	for (size_t i = 0; i < end; i++) {
		struct seg sg[MAX_SEGS];
		int n = segments(l->text[i], sg, MAX_SEGS);
		size_t len = strlen(label);
		if (n > 0 && sg[0].start == 0 && strncmp(l->text[i], label, len) == 0 &&
		    (l->text[i][len] == ' ' || l->text[i][len] == '\0'))
			return (long)i;
	}
	return -1;
}

/* ---------------------------------------------------------------- table */

/* The detail view cites numbered notes and ends with them: every note
 * number used is listed once, with where it was read. */
static void
check_notes(const struct lines *l)
{
	char title[64];
	msg_format(title, sizeof title, "report_notes_title", NULL, 0);
	size_t at = l->n;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->text[i], title) == 0)
			at = i;
	CHECK(at < l->n, "no notes at the end");
	int used = 0, listed = 0;
	for (size_t i = 0; i < at; i++)
		for (const char *p = strchr(l->text[i], '['); p != NULL; p = strchr(p + 1, '['))
			if (p[1] >= '1' && p[1] <= '9' && atoi(p + 1) > used)
				used = atoi(p + 1);
	for (size_t i = at + 1; i < l->n; i++)
		listed += l->text[i][0] == '[';
	CHECK(used > 0 && used == listed, "notes cited up to [%d], %d listed", used, listed);
}

/* The answer first: the table opens with the summary (the recommendation,
 * one line per other option, the next step), then a blank line. */
static void
check_summary(const struct advice *adv, const struct lines *l)
{
	char want[256];
	struct msg_arg arg[4] = {MSG_I(adv->recommended + 1), MSG_S(""), MSG_S(""), MSG_S("no")};
	msg_format(want, sizeof want, adv->recommended >= 0 ? "sum_recommend" : "sum_employer", arg, 4);
	/* the message up to its first argument's text: "Advice: option 2, " */
	size_t n = strcspn(want, ":：");
	CHECK(l->n > 0 && strncmp(l->text[0], want, n) == 0, "the summary does not come first: \"%s\"",
	      l->n > 0 ? l->text[0] : "");
	size_t blank = 0;
	while (blank < l->n && l->text[blank][0] != '\0')
		blank++;
	CHECK(blank >= (size_t)adv->noptions && blank < l->n, "the summary has %zu lines", blank);
}

/* The table alone: what follows the summary's blank line. */
static void
drop_summary(struct lines *l)
{
	size_t blank = 0;
	while (blank < l->n && l->text[blank][0] != '\0')
		blank++;
	if (blank == l->n)
		return;
	struct lines rest;
	lines_init(&rest);
	for (size_t i = blank + 1; i < l->n; i++)
		lines_add(&rest, l->style[i], l->text[i], strlen(l->text[i]));
	lines_fini(l);
	*l = rest;
}

static void
check_table(const struct ccase *c, const struct advice *adv, const struct lines *l, int width, bool ascii)
{
	size_t end = table_end(l);
	struct seg rule[MAX_SEGS], sg[MAX_SEGS];
	int nrule = -1;
	char word[64], mark[64];
	CHECK(end > 3, "the table has %zu lines", end);
	/* the rule under the header gives the columns */
	for (size_t i = 0; i < end && nrule < 0; i++)
		if (strspn(l->text[i], "- ") == strlen(l->text[i]))
			nrule = segments(l->text[i], rule, MAX_SEGS);
	CHECK(nrule == adv->noptions + 1, "the rule has %d columns", nrule);
	if (nrule != adv->noptions + 1)
		return;
	CHECK(rule[nrule - 1].end <= width, "the columns end at %d", rule[nrule - 1].end);
	/* the header: every column starts where the rule's does */
	int nh = segments(l->text[0], sg, MAX_SEGS);
	CHECK(nh == nrule, "the header has %d cells: \"%s\"", nh, l->text[0]);
	for (int k = 0; k < nh && k < nrule; k++)
		CHECK(sg[k].start == rule[k].start, "header cell %d starts at %d, the rule at %d", k,
		      sg[k].start, rule[k].start);
	/* every row: each cell inside a column */
	for (size_t i = 0; i < end; i++) {
		int n = segments(l->text[i], sg, MAX_SEGS);
		for (int k = 0; k < n; k++) {
			int col = -1;
			for (int q = 0; q < nrule; q++)
				if (sg[k].start == rule[q].start)
					col = q;
			CHECK(col >= 0, "line %zu: a cell starts at column %d, off the columns: \"%s\"", i,
			      sg[k].start, l->text[i]);
			if (col >= 0)
				CHECK(sg[k].end <= rule[col].end,
				      "line %zu: a cell runs past its column (%d > %d): \"%s\"", i, sg[k].end,
				      rule[col].end, l->text[i]);
		}
		CHECK(!has_ambiguous(l->text[i]), "line %zu has an ambiguous-width character: \"%s\"", i,
		      l->text[i]);
		if (ascii)
			CHECK(ascii_only(l->text[i]), "line %zu is not ASCII: \"%s\"", i, l->text[i]);
	}
	/* unknown values are the unknown word, never 0 */
	msg_format(word, sizeof word, "cmp_unknown", NULL, 0);
	for (int u = 0; u < 6 && c->unknown[u].row != NULL; u++) {
		long r = row_of(l, end, c->unknown[u].row);
		CHECK(r >= 0, "no row %s", c->unknown[u].row);
		if (r < 0)
			continue;
		int n = segments(l->text[r], sg, MAX_SEGS);
		bool found = false;
		for (int k = 0; k < n; k++)
			if (sg[k].start == rule[c->unknown[u].option + 1].start)
				found = strstr(l->text[r] + sg[k].off, word) == l->text[r] + sg[k].off;
		CHECK(found, "row %s, option %d: not \"%s\": \"%s\"", c->unknown[u].row,
		      c->unknown[u].option + 1, word, l->text[r]);
	}
	for (size_t i = 0; i < l->n; i++)
		CHECK(strstr(l->text[i], "¥0.00") == NULL && strstr(l->text[i], " 0.00 ") == NULL,
		      "line %zu shows a zero amount: \"%s\"", i, l->text[i]);
	/* the recommended option's column is marked, and no other */
	msg_format(mark, sizeof mark, "cmp_recommended_mark", NULL, 0);
	int marked = -1, nmarks = 0;
	for (size_t i = 0; i < end; i++) {
		if (l->style[i] != LINES_GOOD)
			continue;
		int n = segments(l->text[i], sg, MAX_SEGS);
		for (int k = 0; k < n; k++)
			if (strncmp(l->text[i] + sg[k].off, mark, strlen(mark)) == 0) {
				nmarks++;
				for (int q = 1; q < nrule; q++)
					if (sg[k].start == rule[q].start)
						marked = q - 1;
			}
	}
	CHECK(marked == c->recommended, "the mark is on option %d, want %d", marked + 1, c->recommended + 1);
	CHECK(nmarks == (c->recommended >= 0), "%d marks", nmarks);
	/* a closed option says so */
	if (c->blocked >= 0) {
		long r = row_of(l, end, "cmp_row_join");
		char no[64], *colon;
		msg_format(no, sizeof no, "cmp_join_no", &MSG_S(""), 1);
		colon = no;
		CHECK(r >= 0 && strstr(l->text[r], colon) != NULL, "the join row does not say no: \"%s\"",
		      r >= 0 ? l->text[r] : "");
	}
	/* below the table: the caveats, each marked, and the recommendation */
	bool caveat = false, rec = false;
	for (size_t i = end; i < l->n; i++) {
		caveat |= l->style[i] == LINES_MARK && l->text[i][0] == '!';
		rec |= l->style[i] == LINES_GOOD || (c->recommended < 0 && l->style[i] == LINES_WARN);
	}
	CHECK(caveat, "no caveat line marked with !");
	CHECK(rec, "no recommendation line");
}

/* ---------------------------------------------------------------- chart */

/* Eighths of a cell that a bar character stands for, or 0. */
static int
glyph_eighths(UChar32 c)
{
	if (c == 0x2588 || c == 0x2591 || c == '#' || c == '=')
		return 8;
	if (c >= 0x2589 && c <= 0x258F)
		return 8 - (int)(c - 0x2588);
	return 0;
}

/* Bars: lines holding bar characters that do not start with one (a legend
 * does). Returns how many, their lengths in eighths in bars[]. */
static int
chart_bars(const struct lines *l, int *bars, int max)
{
	int n = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->text[i];
		int32_t k = 0, len = (int32_t)strlen(s);
		int sum = 0;
		bool first = true, lead_glyph = false;
		while (k < len) {
			UChar32 c;
			U8_NEXT(s, k, len, c);
			if (first && c != ' ') {
				lead_glyph = glyph_eighths(c) > 0;
				first = false;
			}
			sum += glyph_eighths(c);
		}
		if (sum > 0 && !lead_glyph && n < max)
			bars[n++] = sum;
	}
	return n;
}

/* s without its spaces */
static void
squeeze(char *s)
{
	char *d = s;
	for (; *s != '\0'; s++)
		if (*s != ' ')
			*d++ = *s;
	*d = '\0';
}

static void
check_chart(const struct advice *adv, const struct lines *l, int width, bool ascii)
{
	int bars[8], known = 0;
	for (int i = 0; i < adv->noptions; i++)
		known += adv->options[i].matched.annual != ADVICE_UNKNOWN;
	int n = chart_bars(l, bars, 8);
	CHECK(n == known, "%d bars for %d known costs", n, known);
	for (int k = 1; k < n; k++)
		CHECK(bars[k] <= bars[k - 1], "bar %d (%d eighths) is longer than bar %d (%d)", k + 1,
		      bars[k], k, bars[k - 1]);
	/* the years after retirement: an employee option whose years are met
	 * is said to insure without paying, no other option is */
	char want[256], all[8192] = "";
	struct msg_arg fa[2] = {MSG_I(1), MSG_S("|")};
	msg_format(want, sizeof want, "cmp_chart_after_free", fa, 2);
	/* compared without spaces: the phrase may be wrapped */
	char *free_words = strchr(want, '|') + 1;
	squeeze(free_words);
	for (size_t i = 0; i < l->n; i++)
		snprintf(all + strlen(all), sizeof all - strlen(all), "%s", l->text[i]);
	squeeze(all);
	int expect_free = 0;
	for (int i = 0; i < adv->noptions; i++) {
		const struct advice_option *o = &adv->options[i];
		expect_free += o->scheme == ADVICE_EMPLOYEE && o->matched.annual != ADVICE_UNKNOWN &&
		               o->retirement.shortfall == 0 && o->retirement.years_required >= 0;
	}
	CHECK((strstr(all, free_words) != NULL) == (expect_free > 0) || n == 0,
	      "\"%s\" said %s, %d employee options with their years met", free_words,
	      strstr(all, free_words) != NULL ? "yes" : "no", expect_free);
	for (size_t i = 0; i < l->n; i++) {
		CHECK(cols(l->text[i]) <= width, "chart line %zu is %d columns", i, cols(l->text[i]));
		if (ascii)
			CHECK(ascii_only(l->text[i]), "chart line %zu is not ASCII: \"%s\"", i, l->text[i]);
	}
}

/* ---------------------------------------------------------------- tests */

static bool
build(const struct ccase *c, struct answers *a, struct advice *adv)
{
	char text[1024];
	struct answers_error err;
	struct date on;
	snprintf(text, sizeof text, "[answers]\n%s", c->answers);
	answers_init(a);
	if (answers_parse(a, text, strlen(text), &err) != ANSWERS_OK)
		return false;
	if (!date_parse(c->as_of, strlen(c->as_of), &on))
		return false;
	return advice_build(adv, a, ps, on, NULL, &err) == ANSWERS_OK;
}

/* NULL, no options, an option out of range: nothing is added. */
static void
test_degenerate(void **state)
{
	(void)state;
	struct lines l;
	struct advice adv;
	struct answers a;
	lines_init(&l);
	memset(&adv, 0, sizeof adv);
	answers_init(&a);
	assert_true(msg_open(MSG_EN));
	compare_table(&l, NULL, &a, ps, 80, false);
	compare_detail(&l, NULL, 0, &a, ps, 80, false);
	compare_chart(&l, NULL, &a, 80, 6, false);
	compare_table(&l, &adv, &a, ps, 80, false);
	compare_chart(&l, &adv, &a, 80, 6, false);
	assert_int_equal(l.n, 0);
	assert_true(build(&cases[0], &a, &adv));
	compare_detail(&l, &adv, -1, &a, ps, 80, false);
	compare_detail(&l, &adv, adv.noptions, &a, ps, 80, false);
	assert_int_equal(l.n, 0);
	/* narrower than compare.h allows, and a chart of no height: it still ends */
	compare_table(&l, &adv, &a, ps, 1, false);
	compare_chart(&l, &adv, &a, 1, 0, false);
	compare_detail(&l, &adv, 0, &a, ps, 1, false);
	assert_true(l.n > 0);
	lines_fini(&l);
}

static void
test_cases(void **state)
{
	(void)state;
	for (size_t ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
		const struct ccase *c = &cases[ci];
		struct answers a;
		struct advice adv;
		snprintf(where, sizeof where, "case %zu (%s)", ci, c->name);
		if (!build(c, &a, &adv)) {
			CHECK(false, "advice_build failed");
			continue;
		}
		CHECK(adv.noptions == c->noptions, "%d options", adv.noptions);
		CHECK(adv.recommended == c->recommended, "recommended %d", adv.recommended);
		for (size_t li = 0; li < sizeof langs / sizeof langs[0]; li++) {
			for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
				for (int ascii = 0; ascii <= (langs[li] == MSG_EN); ascii++) {
					struct lines l;
					int w = widths[wi];
					snprintf(where, sizeof where, "case %zu (%s), %s, width %d%s", ci,
					         c->name, langs[li] == MSG_EN ? "en" : "zh", w,
					         ascii ? ", ascii" : "");
					assert_true(msg_open(langs[li]));
					lines_init(&l);
					compare_table(&l, &adv, &a, ps, w, ascii);
					dump(&l);
					check_lines(&l, w, "table");
					check_summary(&adv, &l);
					drop_summary(&l);
					check_table(c, &adv, &l, w, ascii);
					for (int height = 3; height <= 6; height += 3) {
						lines_clear(&l);
						compare_chart(&l, &adv, &a, w, height, ascii);
						dump(&l);
						check_lines(&l, w, "chart");
						check_chart(&adv, &l, w, ascii);
					}
					lines_fini(&l);
				}
			}
		}
	}
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* The detail: every caveat's and reason's source with its date, unknown
 * and unverified data marked, lines within the width. */
static void
test_detail(void **state)
{
	(void)state;
	for (size_t ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
		const struct ccase *c = &cases[ci];
		struct answers a;
		struct advice adv;
		if (!build(c, &a, &adv))
			continue;
		for (size_t li = 0; li < sizeof langs / sizeof langs[0]; li++) {
			assert_true(msg_open(langs[li]));
			for (int i = 0; i < adv.noptions; i++) {
				const struct advice_option *o = &adv.options[i];
				struct lines l;
				char d[11];
				snprintf(where, sizeof where, "case %zu (%s), %s, detail %d", ci, c->name,
				         langs[li] == MSG_EN ? "en" : "zh", i + 1);
				lines_init(&l);
				/* the detail view ends with its notes; the structure before
				 * them is the detail with its sources inline */
				compare_detail(&l, &adv, i, &a, ps, 80, false);
				check_notes(&l);
				lines_clear(&l);
				compare_detail_noted(&l, &adv, i, &a, ps, 80, false, NULL);
				dump(&l);
				check_lines(&l, 80, "detail");
				CHECK(l.n > 0 && l.style[0] == LINES_TITLE, "no title");
				bool warn = false;
				for (size_t k = 0; k < l.n; k++)
					warn |= l.style[k] == LINES_WARN;
				bool needs_warn = o->eligible < 0 || o->matched.annual == ADVICE_UNKNOWN;
				for (int k = 0; k < o->ncaveats; k++) {
					const struct policy_ref *ref = o->caveats[k].ref;
					bool found = false;
					needs_warn |= !ref->verified;
					needs_warn |= o->caveats[k].id == ADVICE_UNKNOWN_VALUE;
					date_format(ref->checked, d);
					for (size_t q = 0; q < l.n && !found; q++)
						found = strstr(l.text[q], d) != NULL;
					CHECK(found, "caveat %d: the date checked %s is not shown", k, d);
				}
				CHECK(warn == needs_warn, "unknown or unverified data %s marked",
				      warn ? "wrongly" : "not");
				/* the reasons with the recommended option (option 1 when none is) */
				int home = adv.recommended >= 0 ? adv.recommended : 0;
				char why[64];
				msg_format(why, sizeof why, "report_reasons", NULL, 0);
				bool has_why = false;
				for (size_t q = 0; q < l.n; q++)
					has_why |= strcmp(l.text[q], why) == 0;
				CHECK(has_why == (i == home && adv.nreasons > 0), "reasons %s",
				      has_why ? "here" : "missing");
				/* the recommendation section comes last, after the last blank
				 * line (report.c takes it from there) */
				size_t cut = l.n;
				while (cut > 0 && l.text[cut - 1][0] != '\0')
					cut--;
				CHECK(cut > 0 && cut < l.n, "no recommendation section after a blank line");
				if (cut > 0 && cut < l.n) {
					enum lines_style want = i != home              ? LINES_NORMAL
					                        : adv.recommended >= 0 ? LINES_GOOD
					                                               : LINES_WARN;
					CHECK(l.style[cut] == want,
					      "the section starts with style %d: \"%s\"", l.style[cut],
					      l.text[cut]);
				}
				lines_fini(&l);
			}
		}
	}
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* The text report: every option, then the recommendation and its reasons
 * once, at the end. */
static void
test_report(void **state)
{
	(void)state;
	for (size_t ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
		const struct ccase *c = &cases[ci];
		struct answers a;
		struct advice adv;
		char text[32768], key[64], last[64], why[64];
		if (!build(c, &a, &adv))
			continue;
		for (size_t li = 0; li < sizeof langs / sizeof langs[0]; li++) {
			snprintf(where, sizeof where, "case %zu (%s), %s, report", ci, c->name,
			         langs[li] == MSG_EN ? "en" : "zh");
			assert_true(msg_open(langs[li]));
			FILE *f = tmpfile();
			assert_non_null(f);
			report_text(f, &adv, &a, ps, 80);
			rewind(f);
			size_t n = fread(text, 1, sizeof text - 1, f);
			text[n] = '\0';
			fclose(f);
			struct msg_arg arg[2] = {MSG_I(adv.noptions), MSG_S("")};
			msg_format(last, sizeof last, "report_option", arg, 2);
			msg_format(why, sizeof why, "report_reasons", NULL, 0);
			const char *opt = strstr(text, last), *w = strstr(text, why);
			CHECK(opt != NULL, "no \"%s\"", last);
			CHECK(w != NULL && w > opt && strstr(w + 1, why) == NULL,
			      "the reasons are not once, after the options");
			/* "Recommended: option 1, " (the name left out) */
			arg[0] = MSG_I(adv.recommended + 1);
			msg_format(key, sizeof key,
			           adv.recommended >= 0 ? "cmp_recommend" : "report_recommend_none", arg, 2);
			CHECK(strstr(opt, key) != NULL, "no \"%s\" after the options", key);
			for (char *p = text; *p != '\0';) {
				char *e = strchr(p, '\n');
				size_t len = e != NULL ? (size_t)(e - p) : strlen(p);
				CHECK(wrap_text_width(p, len, M) <= 80,
				      "a report line is wider than 80: %.*s", (int)len, p);
				p += len + (e != NULL);
			}
		}
	}
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

static int
setup(void **state)
{
	(void)state;
	struct policy_error err;
	/* measure as a UTF-8 terminal of this machine would, where there is one */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	ps = policy_set_new();
	if (ps == NULL || policy_set_add_builtin(ps, &err) != POLICY_OK)
		return -1;
	if (policy_set_finish(ps, &err) != POLICY_OK)
		return -1;
	return msg_open(MSG_EN) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	policy_set_free(ps);
	msg_close();
	return 0;
}

/* The model: every cell filled, each caveat in one group with every option
 * that has it (same id and values), each option's unknown values merged in
 * one group, and the group index of each caveat pointing back at it. */
static void
test_model(void **state)
{
	(void)state;
	struct compare_model *m = malloc(sizeof *m);
	assert_non_null(m);
	for (size_t ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
		struct answers a;
		struct advice adv;
		snprintf(where, sizeof where, "model %s", cases[ci].name);
		CHECK(build(&cases[ci], &a, &adv), "advice_build failed");
		compare_model_build(m, &adv, &a, ps, false);
		for (int i = 0; i < adv.noptions; i++) {
			for (int k = 0; k < COMPARE_ROW_COUNT; k++)
				CHECK(m->cells[k][i].main[0] != '\0', "row %s option %d empty",
				      compare_row_label((enum compare_row)k), i);
			const struct advice_option *o = &adv.options[i];
			unsigned fields = 0;
			for (int k = 0; k < o->ncaveats; k++)
				if (o->caveats[k].id == ADVICE_UNKNOWN_VALUE)
					fields |= 1u << o->caveats[k].v[0];
			int unknown_groups = 0;
			for (int k = 0; k < o->ncaveats; k++) {
				const struct advice_item *it = &o->caveats[k];
				int g = m->group[i][k];
				if (g < 0) {
					CHECK(it->id == ADVICE_UNKNOWN_VALUE,
					      "option %d caveat %d has no group", i, k);
					continue;
				}
				const struct compare_caveat *c = &m->caveats[g];
				CHECK(c->options & 1u << i, "group %d lacks option %d", g, i);
				CHECK(c->item->id == it->id, "group %d is %s, caveat is %s", g,
				      advice_id_name(c->item->id), advice_id_name(it->id));
				CHECK(c->text[0] != '\0', "group %d has no text", g);
				if (it->id == ADVICE_UNKNOWN_VALUE) {
					unknown_groups++;
					CHECK(c->fields == fields, "option %d unknown fields %x, group %x", i,
					      fields, c->fields);
				} else if (it->id != ADVICE_NO_LOCAL_DATA) {
					for (int v = 0; v < ADVICE_MAX_VALUES; v++)
						CHECK(c->item->v[v] == it->v[v], "group %d value %d differs",
						      g, v);
				}
			}
			CHECK(unknown_groups == (fields != 0), "option %d: %d unknown groups", i,
			      unknown_groups);
		}
		/* the Shanghai rider's options share caveats: they are grouped */
		int multi = 0;
		for (int g = 0; g < m->ncaveats; g++)
			multi += (m->caveats[g].options & (m->caveats[g].options - 1)) != 0;
		CHECK(ci != 0 || multi > 0, "no caveat shared by two options");
		/* no two groups are the same caveat */
		for (int g = 0; g < m->ncaveats; g++)
			for (int h = g + 1; h < m->ncaveats; h++) {
				const struct compare_caveat *x = &m->caveats[g], *y = &m->caveats[h];
				bool same = x->item->id == y->item->id && x->fields == y->fields &&
				            x->item->id != ADVICE_NO_LOCAL_DATA &&
				            memcmp(x->item->v, y->item->v, sizeof x->item->v) == 0;
				CHECK(!same, "groups %d and %d are both %s", g, h,
				      advice_id_name(x->item->id));
			}
	}
	free(m);
	assert_int_equal(failures, 0);
}

/* What the detail tells beside the figures, in both languages, from the
 * fixture's 700000: the subsidy, the add-ons, a floor from the wage, the
 * base in the document's words, the years to be actually paid and paid
 * here; without Chinese, the document's words are left out. */
static bool
has_text(const struct lines *l, const char *want)
{
	/* a sentence may be wrapped: look in the lines joined */
	static char all[65536];
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->text[i];
		while (*t == ' ')
			t++;
		size_t k = strlen(t);
		if (n + k + 1 >= sizeof all)
			break;
		/* English words wrap at a space, Chinese anywhere */
		if (n > 0 && all[n - 1] != ' ' && (unsigned char)all[n - 1] < 0x80 &&
		    (unsigned char)*t < 0x80)
			all[n++] = ' ';
		memcpy(all + n, t, k);
		n += k;
	}
	all[n] = '\0';
	return strstr(all, want) != NULL;
}

static void
test_detail_terms(void **state)
{
	static const struct {
		enum msg_lang lang;
		bool ascii;
		int option;
		const char *text; /* NULL: the next must not be there */
		bool present;
	} want[] = {
	    {MSG_EN, false, 0, "Included in the cost: 大额医疗, ¥408.00 a year", true},
	    {MSG_EN, false, 0,
	     "The lowest base, ¥4,800.00 a month, is 60% of the average wage of ¥8,000.00 a month "
	     "(全口径城镇单位就业人员), worked out here",
	     true},
	    {MSG_EN, false, 0, "The base, in the document's words: 上年度全省平均工资的60%", true},
	    {MSG_EN, false, 0, "of which at least 10 years actually paid", true},
	    {MSG_EN, false, 0,
	     "of which at least 10 years paid in this city itself; by retirement you would have 8.5 years "
	     "here",
	     true},
	    {MSG_EN, false, 1, "The government adds ¥700.00 a person a year; you do not pay it", true},
	    {MSG_ZH, false, 0, "费用中含大额医疗：每年¥408.00", true},
	    {MSG_ZH, false, 0, "最低缴费基数每月¥4,800.00，为全口径城镇单位就业人员月平均工资¥8,000.00的60%",
	     true},
	    {MSG_ZH, false, 0, "缴费基数（文件原文）：上年度全省平均工资的60%", true},
	    {MSG_ZH, false, 0, "其中在本地实际缴费至少10年；到退休时您在本地将有8.5年", true},
	    {MSG_ZH, false, 0, "须有10年在本地实际缴纳；到退休时您在本地的年限还差1.5年", true},
	    {MSG_ZH, false, 0, "其中实际缴费至少10年（视同缴费年限不计）", true},
	    {MSG_EN, false, 0,
	     "Of the years required, 10 years must be paid in this city itself; at retirement you would be "
	     "1.5 years short of them here",
	     true},
	    {MSG_ZH, false, 1, "财政每人每年补助¥700.00，不由个人缴纳", true},
	    {MSG_EN, false, 1,
	     "the last known enrolment window, 2024-09-01 to 2024-12-31, has ended; the next is set locally",
	     true},
	    {MSG_ZH, false, 1, "已知的集中参保期2024-09-01至2024-12-31已过；下一期由当地公布", true},
	    {MSG_EN, true, 0, "Included in the cost: add-ons, 408.00 yuan a year", true},
	    {MSG_EN, true, 0, "in the document's words", false},
	    {MSG_EN, true, 0, "全口径", false},
	};
	(void)state;
	struct policy_set *fps = fixture_new();
	assert_non_null(fps);
	const char *text = "[answers]\nwork_city = 700000\nhukou_city = 700000\nbirth = 1968-03\nsex = male\n"
	                   "work = flexible\nmonthly_income = 6000\nemployee_years = 20\n"
	                   "employee_years_local = 5\n";
	struct answers a;
	struct answers_error err;
	struct advice adv;
	answers_init(&a);
	assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
	assert_int_equal(advice_build(&adv, &a, fps, (struct date){2025, 6, 1}, NULL, &err), ANSWERS_OK);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct lines l;
		assert_true(msg_open(want[i].lang));
		lines_init(&l);
		compare_detail_noted(&l, &adv, want[i].option, &a, fps, 80, want[i].ascii, NULL);
		snprintf(where, sizeof where, "detail %d, %s%s", want[i].option + 1,
		         want[i].lang == MSG_EN ? "en" : "zh", want[i].ascii ? ", ASCII" : "");
		check_lines(&l, 80, "detail");
		CHECK(has_text(&l, want[i].text) == want[i].present, "\"%s\" %s", want[i].text,
		      want[i].present ? "missing" : "there");
		if (has_text(&l, want[i].text) != want[i].present)
			for (size_t k = 0; k < l.n; k++)
				print_message("  | %s\n", l.text[k]);
		lines_fini(&l);
	}
	/* the table's short form of the caveat */
	static const struct {
		enum msg_lang lang;
		const char *text;
	} cav[] = {
	    {MSG_EN, "10 years must be paid here: at retirement 1.5 years short"},
	    {MSG_ZH, "须在本地缴满10年：退休时差1.5年"},
	};
	for (size_t i = 0; i < sizeof cav / sizeof cav[0]; i++) {
		struct lines l;
		assert_true(msg_open(cav[i].lang));
		lines_init(&l);
		compare_table(&l, &adv, &a, fps, 80, false);
		snprintf(where, sizeof where, "table, %s", cav[i].lang == MSG_EN ? "en" : "zh");
		CHECK(has_text(&l, cav[i].text), "\"%s\" missing", cav[i].text);
		lines_fini(&l);
	}
	/* the summary's next step takes the place's own words as they are */
	static const struct {
		enum msg_lang lang;
		const char *text;
	} next[] = {
	    {MSG_ZH, "下一步：办理灵活就业人员参保登记（持身份证到己市服务中心办理）；"},
	    {MSG_EN,
	     "Next step: apply as a flexible worker (as the local rule says: 持身份证到己市服务中心办理);"},
	};
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++) {
		struct lines l;
		assert_true(msg_open(next[i].lang));
		lines_init(&l);
		compare_summary(&l, &adv, &a, fps, 80, false);
		snprintf(where, sizeof where, "summary, %s", next[i].lang == MSG_EN ? "en" : "zh");
		CHECK(adv.recommended == 0, "option %d recommended, not the employee scheme",
		      adv.recommended + 1);
		CHECK(has_text(&l, next[i].text), "\"%s\" missing", next[i].text);
		if (!has_text(&l, next[i].text))
			for (size_t k = 0; k < l.n; k++)
				print_message("  | %s\n", l.text[k]);
		lines_fini(&l);
	}
	/* past the age: the years here are said as they are now */
	const char *past =
	    "[answers]\nwork_city = 700000\nhukou_city = 700000\nbirth = 1970-01\nsex = female\n"
	    "female_retire_age = 50\nwork = flexible\nmonthly_income = 6000\nemployee_years = 15\n"
	    "employee_years_local = 3\ncoverage = employee\ncoverage_city = 700000\ngap_months = 0\n";
	answers_init(&a);
	assert_int_equal(answers_parse(&a, past, strlen(past), &err), ANSWERS_OK);
	assert_int_equal(advice_build(&adv, &a, fps, (struct date){2025, 6, 1}, NULL, &err), ANSWERS_OK);
	static const struct {
		enum msg_lang lang;
		const char *text;
	} now[] = {
	    {MSG_EN, "of which at least 10 years paid in this city itself; you have 3 years here now"},
	    {MSG_ZH, "其中在本地实际缴费至少10年；您现在在本地有3年"},
	    {MSG_ZH, "约再缴7年，直到缴满所需年限（约到2032年6月）"},
	};
	for (size_t i = 0; i < sizeof now / sizeof now[0]; i++) {
		struct lines l;
		assert_true(msg_open(now[i].lang));
		lines_init(&l);
		compare_detail_noted(&l, &adv, 0, &a, fps, 80, false, NULL);
		snprintf(where, sizeof where, "past the age, %s", now[i].lang == MSG_EN ? "en" : "zh");
		CHECK(has_text(&l, now[i].text), "\"%s\" missing", now[i].text);
		lines_fini(&l);
	}
	policy_set_free(fps);
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* The nation and region 100000 alone, the region's file given (fixture_a
 * changed): what a rule looks like with one value more or less. */
static struct policy_set *
fixture_with_a(const char *file)
{
	struct policy_error perr;
	struct policy_set *fps = policy_set_new();
	assert_non_null(fps);
	for (size_t k = 0; k < sizeof fixture_rows / sizeof fixture_rows[0]; k++)
		policy_set_add_region(fps, &fixture_rows[k]);
	assert_int_equal(
	    policy_set_add(fps, "000000-national.yaml", fixture_national, strlen(fixture_national), &perr),
	    POLICY_OK);
	assert_int_equal(policy_set_add(fps, "100000-a.yaml", file, strlen(file), &perr), POLICY_OK);
	assert_int_equal(policy_set_finish(fps, &perr), POLICY_OK);
	return fps;
}

/* The summary's pension, as the data knows it: bundled and costed, bundled
 * at a rate not known, not known whether bundled (never said to be due),
 * and not bundled. Fixture 100000 with its pension values changed. */
static void
test_summary_pension(void **state)
{
	static const struct {
		const char *values; /* fixture 100000's pension lines */
		enum msg_lang lang;
		const char *text;   /* in the summary */
		const char *absent; /* and not */
	} want[] = {
	    {"pension_bundled: yes\n      pension_rate: 20%\n", MSG_EN,
	     "¥500.00 a month for medical insurance + ¥1,000.00 for the pension that comes with it = "
	     "¥1,500.00 a month, ¥18,000.00 a year",
	     "not in our data"},
	    {"pension_bundled: yes\n      pension_rate: 20%\n", MSG_ZH,
	     "每月医保¥500.00＋必须同时缴纳的养老保险¥1,000.00＝每月¥1,500.00，每年¥18,000.00", "暂无数据"},
	    {"pension_bundled: yes\n      pension_rate: unknown\n", MSG_EN,
	     "¥500.00 a month for medical insurance, ¥6,000.00 a year, plus a pension whose cost is not in "
	     "our data",
	     "whether"},
	    {"pension_bundled: yes\n      pension_rate: unknown\n", MSG_ZH,
	     "每月医保¥500.00，每年¥6,000.00，另须缴纳养老保险（费用暂无数据）", "是否"},
	    {"pension_bundled: unknown\n      pension_rate: unknown\n", MSG_EN,
	     "¥500.00 a month, ¥6,000.00 a year; whether a pension must be paid with it is not in our data",
	     "plus a pension"},
	    {"pension_bundled: unknown\n      pension_rate: unknown\n", MSG_ZH,
	     "每月¥500.00，每年¥6,000.00；是否须同时缴纳养老保险暂无数据", "另须缴纳"},
	    {"pension_bundled: no\n", MSG_EN, "¥500.00 a month, ¥6,000.00 a year", "pension"},
	    {"pension_bundled: no\n", MSG_ZH, "每月¥500.00，每年¥6,000.00", "养老"},
	};
	static const char from[] = "pension_bundled: yes\n      pension_rate: 20%\n";
	(void)state;
	const char *text = "[answers]\nwork_city = 100000\nhukou_city = 100000\nbirth = 1990-03\nsex = male\n"
	                   "work = flexible\nmonthly_income = 5000\nemployee_years = 2\n";
	struct answers a;
	struct answers_error err;
	answers_init(&a);
	assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		static char file[sizeof fixture_a + 64];
		const char *at = strstr(fixture_a, from);
		assert_non_null(at);
		snprintf(file, sizeof file, "%.*s%s%s", (int)(at - fixture_a), fixture_a, want[i].values,
		         at + strlen(from));
		struct policy_set *fps = fixture_with_a(file);
		struct advice adv;
		assert_int_equal(advice_build(&adv, &a, fps, (struct date){2025, 6, 1}, NULL, &err),
		                 ANSWERS_OK);
		struct lines l;
		assert_true(msg_open(want[i].lang));
		lines_init(&l);
		compare_summary(&l, &adv, &a, fps, 200, false);
		snprintf(where, sizeof where, "summary %zu, %s", i, want[i].lang == MSG_EN ? "en" : "zh");
		CHECK(has_text(&l, want[i].text), "\"%s\" missing", want[i].text);
		/* the employee scheme's line: the first, or the second when the other is recommended */
		bool other = false;
		for (size_t k = 0; k < l.n && k < 2; k++)
			other = other || strstr(l.text[k], want[i].absent) != NULL;
		CHECK(!other, "\"%s\" there", want[i].absent);
		if (!has_text(&l, want[i].text) || other)
			for (size_t k = 0; k < l.n; k++)
				print_message("  | %s\n", l.text[k]);
		lines_fini(&l);
		/* the detail's share: of medical and pension together where the
		 * pension's amount is known, else of the medical cost alone */
		static const char *const share[][2] = {
		    {"with the pension of ¥1,000.00 a month that comes with it, 30% of your income",
		     "加上必须同时缴纳的每月¥1,000.00养老保险，占收入的30%"},
		    {"¥500.00 a month, ¥6,000.00 a year, 10% of your income",
		     "每月¥500.00，每年¥6,000.00，占收入的10%"},
		};
		const char *ds = share[strstr(want[i].values, "20%") != NULL ? 0 : 1][want[i].lang == MSG_ZH];
		lines_init(&l);
		compare_detail(&l, &adv, 0, &a, fps, 200, false);
		CHECK(has_text(&l, ds), "detail: \"%s\" missing", ds);
		lines_fini(&l);
		policy_set_free(fps);
	}
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* An option closed only for want of a residence permit tells how to get
 * one, in both languages, and in ASCII without the Chinese. */
static void
test_permit_step(void **state)
{
	static const struct {
		enum msg_lang lang;
		bool ascii;
		const char *text;
	} want[] = {
	    {MSG_EN, false,
	     "To open this option: get a residence permit (居住证) in Ccity. It is issued to people who "
	     "have lived there half a year with a steady job, home or studies"},
	    {MSG_EN, false, "yibao help step-permit"},
	    {MSG_ZH, false, "要参加此方案：先在丙市办理居住证。在当地居住半年以上"},
	    {MSG_ZH, false, "yibao help step-permit"},
	    {MSG_EN, true, "To open this option: get a residence permit"},
	};
	(void)state;
	struct policy_set *fps = fixture_new();
	assert_non_null(fps);
	const char *text = "[answers]\nwork_city = 300000\nhukou_city = 100000\nresidence_permit = no\n"
	                   "birth = 1985-03\nsex = male\nwork = flexible\nmonthly_income = 5000\n";
	struct answers a;
	struct answers_error err;
	struct advice adv;
	answers_init(&a);
	assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
	assert_int_equal(advice_build(&adv, &a, fps, (struct date){2025, 6, 1}, NULL, &err), ANSWERS_OK);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct lines l;
		assert_true(msg_open(want[i].lang));
		lines_init(&l);
		compare_detail(&l, &adv, 0, &a, fps, 80, want[i].ascii);
		snprintf(where, sizeof where, "permit step %zu, %s%s", i,
		         want[i].lang == MSG_EN ? "en" : "zh", want[i].ascii ? ", ASCII" : "");
		check_lines(&l, 80, "detail");
		CHECK(has_text(&l, want[i].text), "\"%s\" missing", want[i].text);
		for (size_t k = 0; want[i].ascii && k < l.n; k++)
			CHECK(ascii_only(l.text[k]), "not ASCII: \"%s\"", l.text[k]);
		if (!has_text(&l, want[i].text))
			for (size_t k = 0; k < l.n; k++)
				print_message("  | %s\n", l.text[k]);
		lines_fini(&l);
	}
	policy_set_free(fps);
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* What the advice costs besides money is said right under it, in both
 * languages: leaving the employee scheme gives up its years, and insured
 * away from the work city, care there needs a filing first; not when the
 * advice costs neither. */
#define PAST_60                                                                                              \
	"work_city = 100000\nhukou_city = 100000\nbirth = 1960-01\nsex = male\nwork = flexible\n"            \
	"monthly_income = 8000\nemployee_years = 10\nemployee_years_local = 10\n"
#define AWAY                                                                                                 \
	"work_city = 300000\nhukou_city = 100000\nresidence_permit = no\nbirth = 1985-03\n"                  \
	"sex = male\nwork = flexible\nmonthly_income = 8000\n"
static void
test_summary_notes(void **state)
{
	static const struct {
		const char *answers;
		enum msg_lang lang;
		const char *text;
		bool present;
	} want[] = {
	    {PAST_60 "coverage = employee\ncoverage_city = 100000\n", MSG_EN,
	     "Note: Switching stops your 10 years in the employee scheme from growing", true},
	    {PAST_60 "coverage = employee\ncoverage_city = 100000\n", MSG_ZH,
	     "但请注意：转换后已缴的10年职工医保年限不再增加", true},
	    {PAST_60 "coverage = none\n", MSG_EN, "Note:", false},
	    {PAST_60 "coverage = none\n", MSG_ZH, "但请注意", false},
	    {AWAY, MSG_EN, "Note: Treatment elsewhere needs a remote-care filing first", true},
	    {AWAY, MSG_ZH, "但请注意：异地就医须先办理异地就医备案", true},
	};
	(void)state;
	struct policy_set *fps = fixture_new();
	assert_non_null(fps);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char text[512];
		snprintf(text, sizeof text, "[answers]\n%s", want[i].answers);
		struct answers a;
		struct answers_error err;
		struct advice adv;
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
		assert_int_equal(advice_build(&adv, &a, fps, (struct date){2026, 6, 1}, NULL, &err),
		                 ANSWERS_OK);
		struct lines l;
		assert_true(msg_open(want[i].lang));
		lines_init(&l);
		compare_summary(&l, &adv, &a, fps, 80, false);
		snprintf(where, sizeof where, "note %zu, %s", i, want[i].lang == MSG_EN ? "en" : "zh");
		CHECK(adv.recommended > 0, "option %d recommended, not a resident one", adv.recommended + 1);
		CHECK(has_text(&l, want[i].text) == want[i].present, "\"%s\" %s", want[i].text,
		      want[i].present ? "missing" : "there");
		/* right under the advice */
		const char *mark = want[i].lang == MSG_EN ? "Note:" : "但请注意";
		CHECK(!want[i].present || (l.n > 1 && strstr(l.text[1], mark) != NULL),
		      "not the second line: \"%s\"", l.n > 1 ? l.text[1] : "");
		if (has_text(&l, want[i].text) != want[i].present)
			for (size_t k = 0; k < l.n; k++)
				print_message("  | %s\n", l.text[k]);
		lines_fini(&l);
	}
	policy_set_free(fps);
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}
#undef PAST_60
#undef AWAY

/* A waiting period that is the national bound (the city's own rule not
 * known) is said to be one in the detail, as in the table's cell. */
static void
test_waiting_bound(void **state)
{
	static const int regions[] = {100000, 200000, 300000, 400000, 600000, 700000};
	(void)state;
	struct policy_set *fps = fixture_new();
	assert_non_null(fps);
	int found = 0;
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
		char text[512];
		snprintf(text, sizeof text,
		         "[answers]\nwork_city = %d\nhukou_city = %d\nbirth = 1990-01\nsex = male\n"
		         "work = flexible\nmonthly_income = 8000\nemployee_years = 2\ncoverage = none\n"
		         "gap_months = 14\n",
		         regions[i], regions[i]);
		struct answers a;
		struct answers_error err;
		struct advice adv;
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
		assert_int_equal(advice_build(&adv, &a, fps, (struct date){2025, 6, 1}, NULL, &err),
		                 ANSWERS_OK);
		const struct advice_option *o = &adv.options[0];
		if (o->waiting_months <= 0)
			continue;
		for (int l = 0; l < 2; l++) {
			struct lines out;
			assert_true(msg_open(l ? MSG_ZH : MSG_EN));
			lines_init(&out);
			compare_detail(&out, &adv, 0, &a, fps, 80, false);
			const char *bound = l ? "最长" : "at most";
			snprintf(where, sizeof where, "waiting in %d, %s", regions[i], l ? "zh" : "en");
			char want[160];
			snprintf(want, sizeof want, "%s%s",
			         l ? "待遇等待期：" : "Waiting period before benefits start: ", bound);
			CHECK(has_text(&out, want) == o->waiting_is_bound, "\"%s\" %s", want,
			      o->waiting_is_bound ? "missing" : "there");
			lines_fini(&out);
		}
		found += o->waiting_is_bound;
	}
	CHECK(found > 0, "no fixture region has the national bound");
	policy_set_free(fps);
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* The inpatient ratio is an average only where its own section says so: a
 * city's figure is not made one by the nation's flag; the nation's is the
 * national average, a province's own average is said to be the province's. */
static void
test_inpatient_average(void **state)
{
	static const struct {
		const char *benefits; /* a benefits section added to fixture 100000, or "" */
		bool average;
		enum msg_lang lang;
		const char *text;
	} want[] = {
	    {"", true, MSG_EN, "84.6% (national average, not this city's own rate)"},
	    {"", true, MSG_ZH, "84.6%（全国平均，非本地标准）"},
	    {"      inpatient_employee: 90%\n", false, MSG_EN,
	     "Share of inpatient costs the scheme pays: 90%"},
	    {"      inpatient_employee: 90%\n", false, MSG_ZH, "住院费用（目录内）报销比例：90%"},
	    {"      inpatient_employee: 88%\n      average: yes\n", true, MSG_EN,
	     "88% (average of Acity, not this city's own rate)"},
	    {"      inpatient_employee: 88%\n      average: yes\n", true, MSG_ZH,
	     "88%（甲市平均，非本地标准）"},
	};
	static const char at[] = "  - kind: resident\n";
	(void)state;
	const char *text = "[answers]\nwork_city = 100000\nhukou_city = 100000\nbirth = 1990-03\nsex = male\n"
	                   "work = flexible\nmonthly_income = 5000\nemployee_years = 2\n";
	struct answers a;
	struct answers_error err;
	answers_init(&a);
	assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		static char file[sizeof fixture_a + 512];
		const char *p = strstr(fixture_a, at);
		assert_non_null(p);
		if (want[i].benefits[0] != '\0')
			snprintf(file, sizeof file,
			         "%.*s  - kind: benefits\n    from: 2019-01-01\n    checked: 2026-01-01\n"
			         "    confidence: verified\n    sources: [d3]\n    values:\n%s%s",
			         (int)(p - fixture_a), fixture_a, want[i].benefits, p);
		else
			snprintf(file, sizeof file, "%s", fixture_a);
		struct policy_set *fps = fixture_with_a(file);
		struct advice adv;
		assert_int_equal(advice_build(&adv, &a, fps, (struct date){2025, 6, 1}, NULL, &err),
		                 ANSWERS_OK);
		snprintf(where, sizeof where, "inpatient %zu, %s", i, want[i].lang == MSG_EN ? "en" : "zh");
		CHECK(adv.options[0].inpatient_is_average == want[i].average, "average %d",
		      adv.options[0].inpatient_is_average);
		struct lines l;
		assert_true(msg_open(want[i].lang));
		lines_init(&l);
		compare_detail(&l, &adv, 0, &a, fps, 200, false);
		CHECK(has_text(&l, want[i].text), "\"%s\" missing", want[i].text);
		CHECK(want[i].average ||
		          !has_text(&l, want[i].lang == MSG_EN ? "national average" : "全国平均"),
		      "a city's own figure called the national average");
		lines_fini(&l);
		policy_set_free(fps);
	}
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* A terminal that cannot draw Chinese (ascii) gets a detail it can show
 * whole, on the real data: the places' own words give way to the general
 * ones, each document is said as whose and of when it is, and where it was
 * read keeps its addresses without the Chinese quotes. */
static void
test_ascii_detail(void **state)
{
	static const char *const cities[] = {"310000", "540100", "360100", "510100", "220100", "440100"};
	(void)state;
	struct policy_error perr;
	struct policy_set *bps = policy_set_new();
	assert_non_null(bps);
	assert_int_equal(policy_set_add_builtin(bps, &perr), POLICY_OK);
	assert_int_equal(policy_set_finish(bps, &perr), POLICY_OK);
	assert_true(msg_open(MSG_EN));
	bool national = false, shanghai = false, read_at = false;
	for (size_t c = 0; c < sizeof cities / sizeof cities[0]; c++) {
		char text[512];
		snprintf(text, sizeof text,
		         "[answers]\nwork_city = %s\nhukou_city = 410100\nresidence_permit = yes\n"
		         "birth = 1970-05\nsex = female\nfemale_retire_age = 50\nwork = flexible\n"
		         "monthly_income = 6000\nemployee_years = 12\nemployee_years_local = 3\n"
		         "coverage = employee\ncoverage_city = %s\ngap_months = 2\n",
		         cities[c], cities[c]);
		struct answers a;
		struct answers_error err;
		struct advice adv;
		answers_init(&a);
		assert_int_equal(answers_parse(&a, text, strlen(text), &err), ANSWERS_OK);
		assert_int_equal(advice_build(&adv, &a, bps, (struct date){2026, 12, 3}, NULL, &err),
		                 ANSWERS_OK);
		for (int i = 0; i < adv.noptions; i++) {
			struct lines l, u;
			lines_init(&l);
			lines_init(&u);
			compare_detail(&l, &adv, i, &a, bps, 80, true);
			compare_detail(&u, &adv, i, &a, bps, 80, false);
			size_t notes_a = 0, notes_u = 0;
			for (size_t k = 0; k < l.n; k++) {
				for (const unsigned char *p = (const unsigned char *)l.text[k]; *p; p++)
					if (*p >= 0x80)
						fail_msg("%s option %d: not ASCII: %s", cities[c], i + 1,
						         l.text[k]);
				notes_a += l.text[k][0] == '[';
				national |= strstr(l.text[k], "] national document, ") != NULL;
				shanghai |=
				    strstr(l.text[k], "] document cited in the Shanghai data, ") != NULL &&
				    strstr(l.text[k], "(title in Chinese)") != NULL;
				read_at |=
				    strncmp(l.text[k], "read at: ", 9) == 0 && strchr(l.text[k], '/') != NULL;
			}
			for (size_t k = 0; k < u.n; k++)
				notes_u += u.text[k][0] == '[';
			/* the same documents, said another way */
			if (notes_a != notes_u)
				fail_msg("%s option %d: %zu notes in ASCII, %zu otherwise", cities[c], i + 1,
				         notes_a, notes_u);
			lines_fini(&l);
			lines_fini(&u);
		}
	}
	assert_true(national && shanghai && read_at);
	policy_set_free(bps);
}

/* An item's sentence and short form with its numbers, by the id's mode:
 * the tier not offered, where the city has some tiers and where it has none. */
static void
test_item_texts(void **state)
{
	static const struct {
		enum msg_lang lang;
		const char *prefix;
		enum advice_id id;
		int64_t v0, v1;
		const char *want;
	} rows[] = {
	    {MSG_EN, "adv_", ADVICE_TIER_NOT_OFFERED, 3, 2,
	     "You asked for tier 3, but the cost in Fcity has only 2 tiers: it is costed at its default "
	     "tier"},
	    {MSG_EN, "adv_", ADVICE_TIER_NOT_OFFERED, 2, 0,
	     "You asked for tier 2, but the cost in Fcity has no tiers: it is costed at its one rate"},
	    {MSG_EN, "cmp_cav_", ADVICE_TIER_NOT_OFFERED, 3, 2, "Only 2 tiers: tier 3 not costed"},
	    {MSG_EN, "cmp_cav_", ADVICE_TIER_NOT_OFFERED, 2, 0, "No tiers here: tier 2 not costed"},
	    {MSG_ZH, "adv_", ADVICE_TIER_NOT_OFFERED, 3, 2,
	     "您选择了第3档，但己市的缴费只有2档：按默认档次计算"},
	    {MSG_ZH, "adv_", ADVICE_TIER_NOT_OFFERED, 2, 0,
	     "您选择了第2档，但己市的缴费不分档：按统一标准计算"},
	    {MSG_ZH, "cmp_cav_", ADVICE_TIER_NOT_OFFERED, 3, 2, "只有2档：未按第3档计算"},
	    {MSG_ZH, "cmp_cav_", ADVICE_TIER_NOT_OFFERED, 2, 0, "不分档：未按第2档计算"},
	    /* the only option known open: how many others are closed, how many unknown */
	    {MSG_EN, "adv_", ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, 1, 1,
	     "It is the only option known to be open to you: another is closed to you, and whether you "
	     "may join the last the data does not say"},
	    {MSG_EN, "adv_", ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, 0, 2,
	     "It is the only option known to be open to you: whether you may join the others the data "
	     "does not say"},
	    {MSG_EN, "adv_", ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, 0, 1,
	     "It is the only option known to be open to you: whether you may join the other the data "
	     "does not say"},
	    {MSG_ZH, "adv_", ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, 1, 1,
	     "这是已知您唯一可以参加的方案：另有1个方案不能参加，其余1个方案能否参加，数据中没有"},
	    {MSG_ZH, "adv_", ADVICE_REASON_ONLY_KNOWN_ELIGIBLE, 0, 2,
	     "这是已知您唯一可以参加的方案：其他方案能否参加，数据中没有"},
	};
	(void)state;
	struct policy_set *fps = fixture_new();
	assert_non_null(fps);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		assert_true(msg_open(rows[i].lang));
		struct compare_style st = {.short_form = rows[i].prefix[0] == 'c', .ascii = false, .ps = fps};
		struct advice_item it = {rows[i].id, NULL, {rows[i].v0, rows[i].v1}};
		char buf[512];
		compare_item_text(buf, sizeof buf, rows[i].prefix, &it, 700000, &st);
		if (strcmp(buf, rows[i].want) != 0)
			fail_msg("row %zu: \"%s\", want \"%s\"", i, buf, rows[i].want);
	}
	policy_set_free(fps);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_degenerate),
	    cmocka_unit_test(test_cases),
	    cmocka_unit_test(test_detail),
	    cmocka_unit_test(test_report),
	    cmocka_unit_test(test_model),
	    cmocka_unit_test(test_detail_terms),
	    cmocka_unit_test(test_item_texts),
	    cmocka_unit_test(test_ascii_detail),
	    cmocka_unit_test(test_summary_pension),
	    cmocka_unit_test(test_permit_step),
	    cmocka_unit_test(test_summary_notes),
	    cmocka_unit_test(test_waiting_bound),
	    cmocka_unit_test(test_inpatient_average),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
