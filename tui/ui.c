/* ui.c -- the full-screen wizard: owns curses, paints the wizard's state, reads keys */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include "ui.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "compare.h"
#include "cursesw.h"
#include "keys.h"
#include "lines.h"
#include "receipt.h"
#include "sanitize.h"
#include "text.h"
#include "wizard.h"
#include "wrap.h"

#define MIN_COLS 80
#define MIN_ROWS 24
#define ITEM_MAX 16

enum { PAIR_TITLE = 1, PAIR_ERROR, PAIR_GOOD, PAIR_WARN, PAIR_DIM };

/* The painter's own state: what it drew where, for clicks. */
struct painter {
	bool ascii; /* the terminal cannot draw Chinese or box characters */
	bool utf8;  /* the locale's character set is UTF-8 */
	bool color;
	int item_row[ITEM_MAX]; /* screen row of each item of the current list */
	int nitems;
	int item_first; /* the list index of the first item shown (a page's) */
	int more_row;   /* the row that says more follows: a touch pages on; -1 none */
	struct lines body;
	char status[512]; /* the outcome of the last print, until the next key */
	bool fkeys;       /* the footer names F-keys (else the keypad's keys) */
	bool can_print;   /* --print-cmd was given: F5 and 0 print */
	/* not UTF-8: only characters GBK has go out (a GBK client over SSH
	 * cannot show the rest of GB18030); which code points it has, as found */
	iconv_t gbk;
	unsigned char gbk_known[0x10000 / 8], gbk_has[0x10000 / 8];
};

static bool has_fkeys(void);

static volatile sig_atomic_t lost; /* SIGHUP or SIGTERM arrived */

/* Help topics, generated from help/ by embed.py. */
struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file help_files[];
extern const size_t help_files_count;

static void
on_signal(int sig)
{
	(void)sig;
	lost = 1;
}

/* Whether GBK has code point c (asked of iconv once, then remembered). */
static bool
gbk_has(struct painter *pt, uint32_t c)
{
	if (c < 0x80)
		return true;
	if (c > 0xFFFF || pt->gbk == (iconv_t)-1)
		return false;
	unsigned char bit = (unsigned char)(1u << (c & 7));
	if (!(pt->gbk_known[c >> 3] & bit)) {
		char in[4], out[8], *ip = in, *op = out;
		size_t il = text_utf8_put(in, c), ol = sizeof out;
		iconv(pt->gbk, NULL, NULL, NULL, NULL);
		if (iconv(pt->gbk, &ip, &il, &op, &ol) != (size_t)-1 && il == 0)
			pt->gbk_has[c >> 3] |= bit;
		pt->gbk_known[c >> 3] |= bit;
	}
	return (pt->gbk_has[c >> 3] & bit) != 0;
}

/* A character GBK lacks, as one it has: ¥ is the full-width sign there,
 * the check marks and bullets have near forms; else '?'. */
static uint32_t
gbk_char(struct painter *pt, uint32_t c)
{
	static const uint32_t near[][2] = {
	    {0x00A5, 0xFFE5}, {0x2713, 0x221A}, {0x2714, 0x221A}, {0x2717, 0x00D7}, {0x2718, 0x00D7},
	    {0x2022, 0x00B7}, {0x2219, 0x00B7}, {0x00A0, ' '},    {0x2002, ' '},    {0x2003, ' '},
	    {0x2009, ' '},    {0x202F, ' '},    {0x2212, '-'},    {0x2013, '-'},    {0x25B8, '>'},
	};
	if (gbk_has(pt, c))
		return c;
	for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
		if (near[i][0] == c)
			return gbk_has(pt, near[i][1]) ? near[i][1] : '?';
	return '?';
}

/* Draw UTF-8 text at y, x in at most maxw columns; returns the columns used.
 * Controls and bidi overrides show as placeholders (tui/sanitize.h). */
static int
put(struct painter *pt, int y, int x, int maxw, const char *text, attr_t attr)
{
	char safe[2048];
	size_t len = sanitize_text(safe, sizeof safe, text, strlen(text), 0);
	if (pt->ascii) /* what it cannot draw is left out where it is a gloss */
		len = sanitize_ascii_glosses(safe, len, 0);
	const char *s = safe, *e = s + len;
	wchar_t buf[512];
	int n = 0, cols = 0;
	while (s < e && n < (int)(sizeof buf / sizeof buf[0]) - 1) {
		uint32_t c;
		s += text_utf8_next(s, (size_t)(e - s), &c);
		if (pt->ascii && c >= 0x80)
			c = c == 0xA5 ? 'Y' : c == 0xFFE5 ? 'Y' : '?';
		if (sanitize_is_unsafe(c))
			c = c == '\t' || c == '\n' ? ' ' : 0xFFFD; /* never drawn as it is */
		if (pt->ascii && c == 0xFFFD)
			c = '?';
		else if (!pt->ascii && !pt->utf8 && c >= 0x80)
			c = gbk_char(pt, c); /* only what GBK has goes on the wire */
		int w = wcwidth((wchar_t)c);
		if (w < 0) {
			c = '?';
			w = 1;
		}
		if (cols + w > maxw)
			break;
		buf[n++] = (wchar_t)c;
		cols += w;
	}
	buf[n] = L'\0';
	attron(attr);
	mvaddnwstr(y, x, buf, n);
	attroff(attr);
	explicit_bzero(safe, len); /* it may be what a person typed */
	explicit_bzero(buf, sizeof buf);
	return cols;
}

static attr_t
style_attr(const struct painter *pt, enum lines_style st)
{
	switch (st) {
	case LINES_TITLE:
	case LINES_HEADER:
		return A_BOLD;
	case LINES_MARK:
		return pt->color ? COLOR_PAIR(PAIR_WARN) : A_BOLD;
	case LINES_WARN:
		return pt->color ? COLOR_PAIR(PAIR_WARN) | A_BOLD : A_UNDERLINE;
	case LINES_GOOD:
		return pt->color ? COLOR_PAIR(PAIR_GOOD) | A_BOLD : A_BOLD;
	case LINES_DIM:
		return A_DIM;
	case LINES_NORMAL:
		break;
	}
	return A_NORMAL;
}

static void
fmt(char *buf, size_t cap, const char *key, const struct msg_arg *args, int n)
{
	msg_format(buf, cap, key, args, n);
}

/* A bar across the screen: title on the left, right-hand text on the right. */
static void
bar(struct painter *pt, int y, const char *left, const char *right)
{
	attr_t a = pt->color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE;
	attron(a);
	mvhline(y, 0, ' ', COLS);
	attroff(a);
	int used = put(pt, y, 1, COLS - 2, left, a);
	if (right != NULL && right[0] != '\0') {
		int rw = wrap_text_width(right, strlen(right), WRAP_MEASURE_LOCALE);
		if (used + rw + 3 < COLS)
			put(pt, y, COLS - rw - 1, rw, right, a);
	}
}

static void
footer(struct painter *pt, const char *key)
{
	char buf[512];
	fmt(buf, sizeof buf, key, NULL, 0);
	bar(pt, LINES - 1, buf, NULL);
}

/* The footer of a screen whose keys differ on a keypad: "<key>_pad" names
 * the keypad's keys, for a terminal without F-keys or a kiosk counter. */
static void
keys_footer(struct painter *pt, const char *key, const struct msg_arg *args, int n)
{
	char k[64], buf[512];
	snprintf(k, sizeof k, "%s%s", key, pt->fkeys ? "" : "_pad");
	fmt(buf, sizeof buf, k, args, n);
	if (pt->ascii) /* no key to a language it cannot draw */
		sanitize_ascii_glosses(buf, strlen(buf), SANITIZE_KEYS);
	bar(pt, LINES - 1, buf, NULL);
}

/* A message on row y: the whole row is cleared first, so nothing drawn
 * there before shows through. */
static void
message(struct painter *pt, int y, const char *text, attr_t attr)
{
	move(y, 0);
	clrtoeol();
	put(pt, y, 2, COLS - 4, text, attr);
}

/* Wrapped text from row y; returns the next free row. */
static int
para(struct painter *pt, int y, int x, const char *text, attr_t attr, int maxrow)
{
	struct wrap_line wl[64];
	int width = COLS - x - 2;
	size_t n = wrap_lines(text, strlen(text), width, msg_lang() == MSG_ZH ? "zh" : "en",
	                      WRAP_MEASURE_LOCALE, wl, 64);
	for (size_t i = 0; i < n && i < 64 && y < maxrow; i++, y++) {
		char line[1024];
		size_t len = wl[i].len < sizeof line - 1 ? wl[i].len : sizeof line - 1;
		memcpy(line, text + wl[i].off, len);
		line[len] = '\0';
		put(pt, y, x, width, line, attr);
	}
	return y;
}

static void
item(struct painter *pt, int y, int i, const char *label, bool selected)
{
	char buf[512];
	attr_t a = selected ? A_REVERSE | A_BOLD : A_NORMAL;
	snprintf(buf, sizeof buf, " %d  %s ", i + 1, label);
	if (selected) {
		attron(a);
		mvhline(y, 2, ' ', COLS - 4);
		attroff(a);
	}
	put(pt, y, 2, COLS - 4, buf, a);
	if (pt->nitems < ITEM_MAX)
		pt->item_row[pt->nitems++] = y;
}

/* The row below a page of a list: where it is, how to see more; a touch
 * on it pages on. */
static void
more_line(struct painter *pt, int y, const char *key, const struct msg_arg *args, int n)
{
	char buf[256];
	fmt(buf, sizeof buf, key, args, n);
	put(pt, y, 2, COLS - 4, buf, A_DIM);
	pt->more_row = y;
}

static void
draw_small(struct painter *pt, const struct wizard *w)
{
	char buf[1024];
	struct msg_arg a[2] = {MSG_I(COLS), MSG_I(LINES)};
	fmt(buf, sizeof buf, "wiz_too_small", a, 2);
	if (w->screen == WIZ_SCREEN_LANG && !pt->ascii) {
		/* no language chosen yet: the other one too */
		enum msg_lang keep = msg_lang();
		size_t n = strlen(buf);
		if (msg_open(keep == MSG_ZH ? MSG_EN : MSG_ZH) && n + 2 < sizeof buf) {
			memcpy(buf + n, "  ", 2);
			msg_format(buf + n + 2, sizeof buf - n - 2, "wiz_too_small", a, 2);
		}
		msg_open(keep);
	}
	erase();
	int y = LINES / 2 - 1 > 0 ? LINES / 2 - 1 : 0;
	struct wrap_line wl[16];
	int width = COLS > 2 ? COLS - 2 : 1;
	size_t n = wrap_lines(buf, strlen(buf), width, msg_lang() == MSG_ZH ? "zh" : "en",
	                      WRAP_MEASURE_LOCALE, wl, 16);
	for (size_t i = 0; i < n && i < 16 && y < LINES; i++, y++) {
		char line[512];
		size_t len = wl[i].len < sizeof line - 1 ? wl[i].len : sizeof line - 1;
		memcpy(line, buf + wl[i].off, len);
		line[len] = '\0';
		put(pt, y, 1, width, line, A_BOLD);
	}
}

/* The locale the environment asks for when it is not installed (the
 * program runs in C then), else NULL. */
static const char *
wanted_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	const char *now = setlocale(LC_CTYPE, NULL);
	if (now == NULL || (strcmp(now, "C") != 0 && strcmp(now, "POSIX") != 0))
		return NULL;
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ? NULL : v;
	}
	return NULL;
}

static void
draw_lang(struct painter *pt, const struct wizard *w)
{
	char t[256], p[512];
	fmt(t, sizeof t, "wiz_title", NULL, 0);
	bar(pt, 0, t, NULL);
	/* on a terminal that cannot draw Chinese the English catalog is open:
	 * it says so in English */
	fmt(p, sizeof p, pt->ascii ? "wiz_lang_prompt_ascii" : "wiz_lang_prompt", NULL, 0);
	para(pt, 3, 2, p, A_BOLD, LINES - 2);
	/* a locale that is not installed is named, never blamed on the terminal */
	const char *want = wanted_locale();
	struct msg_arg la = MSG_S(want != NULL ? want : "");
	fmt(p, sizeof p,
	    !pt->ascii     ? "wiz_lang_zh"
	    : want != NULL ? "wiz_lang_zh_no_locale"
	                   : "wiz_lang_zh_unavailable",
	    &la, 1);
	item(pt, 6, 0, p, w->lang_sel == 0);
	fmt(p, sizeof p, "wiz_lang_en", NULL, 0);
	item(pt, 7, 1, p, w->lang_sel == 1);
	/* what this is, how long it takes, what to have at hand */
	fmt(p, sizeof p, "wiz_welcome", NULL, 0);
	para(pt, 10, 2, p, A_NORMAL, LINES - 2);
	footer(pt, "wiz_keys_lang");
}

static const char *
choice_key(const struct wizard_question *q, int i, char *buf, size_t cap)
{
	const char *v = q->choices[i];
	snprintf(buf, cap, "choice_%s_%s", answers_key_name(q->key), v[0] ? v : "unsure");
	return buf;
}

static void
error_text(const struct wizard *w, char *buf, size_t cap)
{
	char field[4 * WIZ_INPUT_MAX + 1];
	buf[0] = '\0';
	switch (w->error) {
	case WIZ_ERR_ANSWER:
		msg_answers_error(buf, cap, NULL, &w->err);
		break;
	case WIZ_ERR_NO_MATCH:
		wizard_field_utf8(w, field, sizeof field);
		if (field[0] == '\0') {
			fmt(buf, cap, "wiz_city_choose", NULL, 0);
		} else {
			struct msg_arg a = MSG_S(field);
			fmt(buf, cap, "wiz_city_none", &a, 1);
		}
		break;
	case WIZ_ERR_CHAR:
		fmt(buf, cap, "wiz_err_char", NULL, 0);
		break;
	case WIZ_ERR_FULL:
		fmt(buf, cap, "wiz_err_full", NULL, 0);
		break;
	case WIZ_ERR_STAFF:
		fmt(buf, cap, "wiz_kiosk_wrong", NULL, 0);
		break;
	case WIZ_ERR_PASTE: {
		struct msg_arg a = MSG_I(w->paste_dropped);
		fmt(buf, cap, "wiz_paste_dropped", &a, 1);
		break;
	}
	case WIZ_ERR_NONE:
		break;
	}
}

static void
draw_question(struct painter *pt, const struct wizard *w)
{
	const struct wizard_question *q = wizard_question(w);
	const char *key = answers_key_name(q->key);
	char t[256], s[128], buf[1024], k[64];
	int step, total, sel;
	wizard_progress(w, &step, &total);
	struct msg_arg pa[2] = {MSG_I(step), MSG_I(total)};
	fmt(t, sizeof t, "wiz_title", NULL, 0);
	fmt(s, sizeof s, "wiz_step", pa, 2);
	bar(pt, 0, t, s);

	snprintf(k, sizeof k, "q_%s", key);
	fmt(buf, sizeof buf, k, NULL, 0);
	int y = para(pt, 2, 2, buf, A_BOLD, LINES - 4);
	snprintf(k, sizeof k, "q_%s_hint", key);
	fmt(buf, sizeof buf, k, NULL, 0);
	y = para(pt, y, 2, buf, A_DIM, LINES - 4) + 1;

	int n = wizard_items(w, &sel);
	int cy = -1, cx = 0;
	if (q->kind == WIZ_CHOICE) {
		for (int i = 0; i < n && y < LINES - 3; i++, y++)
			item(pt, y, i,
			     msg_format(buf, sizeof buf, choice_key(q, i, k, sizeof k), NULL, 0) ? buf : "",
			     i == sel);
	} else {
		fmt(buf, sizeof buf,
		    q->kind == WIZ_CITY    ? "wiz_city_prompt"
		    : q->kind == WIZ_MONTH ? "wiz_month_prompt"
		                           : "wiz_number_prompt",
		    NULL, 0);
		y = para(pt, y, 2, buf, A_NORMAL, LINES - 4);
		if (q->kind == WIZ_CITY) {
			fmt(buf, sizeof buf, "wiz_city_keypad", NULL, 0);
			y = para(pt, y, 2, buf, A_DIM, LINES - 4);
		}
		if (q->optional) {
			fmt(buf, sizeof buf, "wiz_optional", NULL, 0);
			y = para(pt, y, 2, buf, A_DIM, LINES - 4);
		}
		char field[4 * WIZ_INPUT_MAX + 1];
		wizard_field_utf8(w, field, sizeof field);
		put(pt, y, 2, 2, "> ", A_BOLD);
		cx = 4 + put(pt, y, 4, COLS - 6, field, A_BOLD | A_UNDERLINE);
		cy = y;
		y += 2;
		if (q->kind == WIZ_CITY) {
			int first, count = wizard_page(w, &first);
			pt->item_first = first;
			for (int i = 0; i < count && y < LINES - 4; i++, y++) {
				const struct citysearch_hit *h = &w->matches[first + i];
				char zh[128], en[128];
				citysearch_label(h, true, pt->ascii, en, sizeof en);
				if (pt->ascii)
					snprintf(buf, sizeof buf, "%s  %06d", en, h->row->code);
				else
					snprintf(buf, sizeof buf, "%s  %s  %06d",
					         citysearch_label(h, false, false, zh, sizeof zh), en,
					         h->row->code);
				item(pt, y, i, buf, first + i == sel);
			}
			if (n > count) {
				struct msg_arg a[3] = {MSG_I(first + 1), MSG_I(first + count), MSG_I(n)};
				more_line(pt, y, first + count < n ? "wiz_list_more" : "wiz_list_last", a, 3);
			}
		}
	}
	/* the newest event first: a note from the painter, else the input error */
	if (pt->status[0] != '\0')
		snprintf(buf, sizeof buf, "%s", pt->status);
	else
		error_text(w, buf, sizeof buf);
	if (buf[0] == '\0' && q->kind == WIZ_CITY && n == 0 && w->input_len[q->key] > 0) {
		/* an empty list says why as soon as it is empty */
		char field[4 * WIZ_INPUT_MAX + 1];
		wizard_field_utf8(w, field, sizeof field);
		struct msg_arg a = MSG_S(field);
		fmt(buf, sizeof buf, "wiz_city_none", &a, 1);
	}
	if (buf[0] != '\0')
		message(pt, LINES - 3, buf, pt->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD | A_REVERSE);
	keys_footer(pt, "wiz_keys_question", NULL, 0);
	if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	}
}

/* A scrolling screen: title, the body lines from w->scroll, a footer; when
 * more follows, the last body row says so instead of showing a line. */
static void
draw_body(struct painter *pt, struct wizard *w, const char *title, const char *right, const char *keys,
          const struct msg_arg *kargs, int nkargs, int reserve)
{
	int rows = LINES - 2 - reserve;
	int n = (int)pt->body.n;
	if (n > rows)
		rows--; /* the row that says there is more */
	w->scroll_max = n > rows ? n - rows : 0;
	if (w->scroll > w->scroll_max)
		w->scroll = w->scroll_max;
	bar(pt, 0, title, right);
	for (int i = 0; i < rows && w->scroll + i < n; i++) {
		int li = w->scroll + i;
		put(pt, 1 + i, 1, COLS - 2, pt->body.text[li], style_attr(pt, pt->body.style[li]));
	}
	if (w->scroll < w->scroll_max) {
		char buf[256];
		fmt(buf, sizeof buf, pt->fkeys ? "wiz_more" : "wiz_more_pad", NULL, 0);
		put(pt, 1 + rows, 1, COLS - 2, buf, A_DIM);
		pt->more_row = 1 + rows;
	}
	keys_footer(pt, keys, kargs, nkargs);
}

static void
draw_compare(struct painter *pt, struct wizard *w)
{
	char t[256], buf[512], mode[256];
	lines_clear(&pt->body);
	compare_table(&pt->body, &w->adv, &w->a, w->ps, COLS - 2, pt->ascii);
	lines_add(&pt->body, LINES_NORMAL, "", 0);
	/* block elements are ambiguous-width: double in a GB18030 or GBK locale */
	compare_chart(&pt->body, &w->adv, &w->a, COLS - 2, 6, pt->ascii || !pt->utf8);
	fmt(t, sizeof t, "wiz_compare_title", NULL, 0);
	struct msg_arg na = MSG_I(w->adv.noptions);
	draw_body(pt, w, t, NULL,
	          w->editing != WIZ_EDIT_NONE ? "wiz_keys_edit"
	          : pt->can_print             ? "wiz_keys_compare_print"
	                                      : "wiz_keys_compare",
	          &na, 1, 1);

	/* the what-if line */
	int y = LINES - 2;
	if (w->editing != WIZ_EDIT_NONE) {
		char field[4 * WIZ_INPUT_MAX + 1];
		fmt(buf, sizeof buf, w->editing == WIZ_EDIT_INCOME ? "wiz_edit_income" : "wiz_edit_base",
		    NULL, 0);
		int x = 1 + put(pt, y, 1, COLS / 2, buf, A_BOLD);
		wizard_field_utf8(w, field, sizeof field);
		x += 1 + put(pt, y, x + 1, COLS - x - 2, field, A_BOLD | A_UNDERLINE);
		error_text(w, buf, sizeof buf);
		if (buf[0] != '\0')
			message(pt, y - 1, buf,
			        pt->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD | A_REVERSE);
		curs_set(1);
		move(y, x);
		return;
	}
	if (w->params.base_mode == ADVICE_BASE_AMOUNT) {
		struct msg_arg a = MSG_I(w->params.base_amount / 100);
		fmt(mode, sizeof mode, "wiz_base_amount", &a, 1);
	} else {
		fmt(mode, sizeof mode,
		    w->params.base_mode == ADVICE_BASE_LOWEST ? "wiz_base_lowest" : "wiz_base_income", NULL,
		    0);
	}
	if (pt->status[0] != '\0') {
		message(pt, y, pt->status, A_BOLD);
		return;
	}
	struct msg_arg ma = MSG_S(mode), ia = MSG_I(w->a.monthly_income);
	fmt(buf, sizeof buf, "wiz_base_label", &ma, 1);
	int x = 1 + put(pt, y, 1, COLS - 2, buf, A_BOLD);
	fmt(buf, sizeof buf, "wiz_income_label", &ia, 1);
	/* the what-if's tier, where an option has tiers: which of how many
	 * (the three labels two columns apart, to fit 80 columns) */
	int k = wizard_tier_option(w), gap = k >= 0 ? 2 : 3;
	x += gap + put(pt, y, x + gap, COLS - x - gap - 1, buf, A_BOLD);
	if (k >= 0) {
		struct msg_arg ta[3] = {MSG_I(w->adv.options[k].tier_index + 1),
		                        MSG_I(w->adv.options[k].ntiers), MSG_I(k + 1)};
		fmt(buf, sizeof buf, "wiz_tier_label", ta, 3);
		put(pt, y, x + gap, COLS - x - gap - 1, buf, A_BOLD);
	}
}

static void
draw_detail(struct painter *pt, struct wizard *w)
{
	char t[256];
	struct msg_arg a = MSG_I(w->detail + 1);
	lines_clear(&pt->body);
	compare_detail(&pt->body, &w->adv, w->detail, &w->a, w->ps, COLS - 2, pt->ascii);
	fmt(t, sizeof t, "wiz_detail_title", &a, 1);
	struct msg_arg na = MSG_I(w->adv.noptions);
	draw_body(pt, w, t, NULL, "wiz_keys_detail", &na, 1, 0);
}

static const struct embedded_file *
help_file(const char *lang, const char *topic)
{
	char name[128];
	snprintf(name, sizeof name, "%s/%s.txt", lang, topic);
	for (size_t i = 0; i < help_files_count; i++)
		if (strcmp(help_files[i].name, name) == 0)
			return &help_files[i];
	return NULL;
}

/* A help file: its title line, then paragraphs ("- " ones are list items). */
static void
help_lines(struct lines *out, const struct embedded_file *f, int width, char *title, size_t tcap)
{
	const char *s = (const char *)f->data, *e = s + f->len;
	bool first = true;
	while (s < e) {
		const char *nl = memchr(s, '\n', (size_t)(e - s));
		const char *le = nl ? nl : e;
		size_t len = (size_t)(le - s);
		char para[4096];
		if (len >= sizeof para)
			len = sizeof para - 1;
		memcpy(para, s, len);
		para[len] = '\0';
		if (first) {
			size_t n = len < tcap - 1 ? len : tcap - 1; /* a title never needs more */
			memcpy(title, para, n);
			title[n] = '\0';
			first = false;
		} else if (len == 0) {
			lines_add(out, LINES_NORMAL, "", 0);
		} else {
			bool li = len > 2 && para[0] == '-' && para[1] == ' ';
			lines_add_wrapped(out, LINES_NORMAL, para, width, li ? 2 : 0);
		}
		s = nl ? nl + 1 : e;
	}
}

static void
draw_help(struct painter *pt, struct wizard *w)
{
	char title[256] = "";
	lines_clear(&pt->body);
	const struct embedded_file *f = help_file(w->lang == MSG_ZH ? "zh" : "en", wizard_topics[w->topic]);
	if (f == NULL) {
		char buf[256];
		fmt(buf, sizeof buf, "wiz_help_missing", NULL, 0);
		lines_add(&pt->body, LINES_NORMAL, buf, strlen(buf));
	} else {
		help_lines(&pt->body, f, COLS - 4, title, sizeof title);
	}
	draw_body(pt, w, title, NULL, "wiz_keys_scroll", NULL, 0, 0);
}

static void
draw_quit(struct painter *pt, const struct wizard *w)
{
	char buf[512];
	fmt(buf, sizeof buf, "wiz_title", NULL, 0);
	bar(pt, 0, buf, NULL);
	fmt(buf, sizeof buf, w->kiosk ? "wiz_kiosk_prompt" : "wiz_quit_prompt", NULL, 0);
	int y = para(pt, LINES / 2 - 4, 4, buf, A_BOLD, LINES - 4) + 1;
	fmt(buf, sizeof buf, w->kiosk ? "wiz_kiosk_restart" : "wiz_quit_yes", NULL, 0);
	item(pt, y, 0, buf, w->kiosk && w->quit_sel == 0);
	fmt(buf, sizeof buf, "wiz_quit_no", NULL, 0);
	item(pt, y + 1, 1, buf, w->kiosk && w->quit_sel == 1);
	if (w->kiosk) {
		char stars[WIZ_INPUT_MAX + 1];
		int n = w->edit_len < WIZ_INPUT_MAX ? w->edit_len : WIZ_INPUT_MAX;
		memset(stars, '*', (size_t)n);
		stars[n] = '\0';
		fmt(buf, sizeof buf, "wiz_kiosk_staff", NULL, 0);
		int x = 4 + put(pt, y + 3, 4, COLS - 8, buf, A_DIM);
		put(pt, y + 3, x + 1, COLS - x - 2, stars, A_BOLD);
		if (w->error == WIZ_ERR_STAFF) {
			fmt(buf, sizeof buf, "wiz_kiosk_wrong", NULL, 0);
			message(pt, LINES - 3, buf,
			        pt->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD | A_REVERSE);
		}
	}
	footer(pt, w->kiosk ? "wiz_keys_kiosk_quit" : "wiz_keys_quit");
}

/* The kiosk's countdown before an idle wipe, over the second-last row. */
static void
draw_countdown(struct painter *pt, int seconds)
{
	char buf[256];
	struct msg_arg a = MSG_I(seconds);
	fmt(buf, sizeof buf, "wiz_idle", &a, 1);
	attr_t at = pt->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD | A_REVERSE : A_BOLD | A_REVERSE;
	attron(at);
	mvhline(LINES - 2, 0, ' ', COLS);
	attroff(at);
	put(pt, LINES - 2, 1, COLS - 2, buf, at);
}

static void
draw(struct painter *pt, struct wizard *w, int countdown)
{
	if (msg_lang() != w->lang)
		msg_open(w->lang);
	pt->nitems = 0;
	pt->item_first = 0;
	pt->more_row = -1;
	curs_set(0);
	erase();
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		draw_small(pt, w);
	} else {
		switch (w->screen) {
		case WIZ_SCREEN_LANG:
			draw_lang(pt, w);
			break;
		case WIZ_SCREEN_QUESTION:
			draw_question(pt, w);
			break;
		case WIZ_SCREEN_COMPARE:
			draw_compare(pt, w);
			break;
		case WIZ_SCREEN_DETAIL:
			draw_detail(pt, w);
			break;
		case WIZ_SCREEN_HELP:
			draw_help(pt, w);
			break;
		case WIZ_SCREEN_QUIT:
			draw_quit(pt, w);
			break;
		case WIZ_SCREEN_COUNT:
			break;
		}
		if (countdown >= 0)
			draw_countdown(pt, countdown);
	}
	refresh();
}

/* Chinese can be drawn when the locale's character set has it and the
 * terminal is not one that cannot show it (the Linux console, a VT100). */
static bool
ascii_only(void)
{
	const char *cs = nl_langinfo(CODESET);
	const char *term = getenv("TERM");
	bool cjk_set = cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "GB18030") == 0 ||
	                              strcasecmp(cs, "GBK") == 0);
	bool plain_term = term != NULL && (strncmp(term, "linux", 5) == 0 || strncmp(term, "vt1", 3) == 0 ||
	                                   strncmp(term, "vt2", 3) == 0);
	return !cjk_set || plain_term;
}

/* A click or touch: the list item on that row, if any. */
static struct wizard_action
mouse_action(const struct painter *pt)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
		return (struct wizard_action){.act = WIZ_ACT_NONE};
	for (int i = 0; i < pt->nitems; i++)
		if (pt->item_row[i] == ev.y)
			return (struct wizard_action){.act = WIZ_ACT_PICK, .item = pt->item_first + i};
	if (pt->more_row >= 0 && ev.y == pt->more_row)
		return (struct wizard_action){.act = WIZ_ACT_PAGE_DOWN};
	return (struct wizard_action){.act = WIZ_ACT_NONE};
}

/* What the terminal needs on the way out that endwin does not send:
 * bracketed paste off, then the screen and its scrollback cleared (also
 * where there is no alternate screen, TERM=linux or vt100). Filled in by
 * ui_run from terminfo before the first key, written with write(2) so that
 * a fatal signal can send it too. */
static char farewell[256];
static size_t farewell_len;

static void
farewell_add(const char *s)
{
	size_t n = s != NULL && s != (const char *)-1 ? strlen(s) : 0;
	if (n < sizeof farewell - farewell_len) {
		memcpy(farewell + farewell_len, s, n);
		farewell_len += n;
	}
}

static void
farewell_send(void)
{
	const char *p = farewell;
	size_t left = farewell_len;
	while (left > 0) {
		ssize_t w = write(STDOUT_FILENO, p, left);
		if (w <= 0)
			break;
		p += w;
		left -= (size_t)w;
	}
}

/* Fatal signals: the terminal first, then the previous handler (so a
 * sanitizer still reports), then the signal's own end (with core dumps
 * off, main.c: no core file). SIGQUIT comes only from kill: raw mode makes
 * Ctrl-\ a key. */
static const int fatal_signals[] = {SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static struct sigaction fatal_old[sizeof fatal_signals / sizeof fatal_signals[0]];

static void
on_fatal(int sig, siginfo_t *info, void *ctx)
{
	farewell_send();
	endwin();
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
		if (fatal_signals[i] != sig)
			continue;
		sigaction(sig, &fatal_old[i], NULL);
		if ((fatal_old[i].sa_flags & SA_SIGINFO) && fatal_old[i].sa_sigaction != NULL)
			fatal_old[i].sa_sigaction(sig, info, ctx);
		else if (fatal_old[i].sa_handler != SIG_DFL && fatal_old[i].sa_handler != SIG_IGN)
			fatal_old[i].sa_handler(sig);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The kiosk's idle timer reads this clock (seconds): the monotonic clock,
 * unless a test program linked with the library set another. */
static double (*idle_clock)(void) = now;

void
ui_set_idle_clock(double (*clock)(void))
{
	idle_clock = clock != NULL ? clock : now;
}

/* What might still hold what the person typed after a wipe: the stack
 * frames that drew it, and curses' own queue of keys. */
static __attribute__((noinline)) void
scrub_stack(void)
{
	unsigned char area[64 * 1024];
	explicit_bzero(area, sizeof area);
	__asm__ __volatile__("" : : "r"(area) : "memory");
}

static void
scrub_input(void)
{
	/* fill curses' ring of pending keys with zeros, then drop them */
	for (int i = 0; i < 4096 && ungetch(0) == OK; i++)
		;
	flushinp();
}

/* s to the terminal at once, around curses' buffer (flushed by refresh). */
static void
raw_write(const char *s)
{
	size_t left = strlen(s);
	while (left > 0) {
		ssize_t w = write(STDOUT_FILENO, s, left);
		if (w <= 0)
			break;
		s += w;
		left -= (size_t)w;
	}
}

/* The scrollback's eraser: terminfo's E3, else CSI 3 J. */
static const char *
erase_scrollback(void)
{
	const char *e3 = tigetstr("E3");
	return e3 != NULL && e3 != (char *)-1 ? e3 : "\033[3J";
}

static bool no_alt_screen; /* the terminal has no alternate screen: what is cleared may scroll back */

static void
wipe(struct wizard *w, struct painter *pt)
{
	wizard_reset(w);
	if (!isendwin()) {
		/* a blank screen, and then (a terminal may keep what a clear
		 * took away) no scrollback of the screens before it */
		clearok(curscr, TRUE);
		erase();
		refresh();
		if (no_alt_screen)
			raw_write(erase_scrollback());
	}
	for (size_t i = 0; i < pt->body.n; i++)
		explicit_bzero(pt->body.text[i], strlen(pt->body.text[i]));
	lines_clear(&pt->body);
	scrub_input();
	scrub_stack();
}

/* After an ESC: when more input follows at once it is the rest of an
 * escape sequence curses did not know (CSI, SS3, OSC, DCS...). Read and drop
 * it, and say true; a lone ESC (the key) says false. An ESC with another
 * character (Alt+key) is pushed back and counts as the key. */
static bool
swallow_sequence(int tick_ms)
{
	wint_t c;
	int r;
	bool seq = false;
	timeout(0);
	r = get_wch(&c);
	if (r == OK && (c == '[' || c == 'O')) {
		/* CSI or SS3: parameters, then one final byte 0x40..0x7E */
		for (int i = 0; i < 64 && (r = get_wch(&c)) == OK; i++)
			if (c >= 0x40 && c <= 0x7E)
				break;
		seq = true;
	} else if (r == OK && (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X')) {
		/* a string: up to BEL or ESC \ */
		for (int i = 0; i < 4096 && (r = get_wch(&c)) == OK; i++)
			if (c == 7 || (c == 27 && get_wch(&c) == OK))
				break;
		seq = true;
	} else if (r == OK) {
		unget_wch(c);
	} else if (r == KEY_CODE_YES) {
		ungetch((int)c);
	}
	timeout(tick_ms);
	return seq;
}

#define PASTE_MAX 4096 /* code points of one paste kept; the rest counted as dropped */
#define BURST_MIN 8    /* printable characters at once that no typist sends: a paste */

/* A bracketed paste after its opening sequence: the text up to the closing
 * one (or until the terminal falls silent), keys inside it ignored. */
static int
read_paste(uint32_t *buf, int *extra, int tick_ms)
{
	int n = 0;
	wint_t c;
	*extra = 0;
	timeout(500);
	for (long i = 0; i < (1L << 20); i++) {
		int r = get_wch(&c);
		if (r == ERR || (r == KEY_CODE_YES && c == KEYS_PASTE_END))
			break;
		if (r == KEY_CODE_YES)
			continue;
		if (n < PASTE_MAX)
			buf[n++] = (uint32_t)c;
		else
			(*extra)++;
	}
	timeout(tick_ms);
	return n;
}

/* After a printable character c: the printable ones that came with it in
 * the same read. BURST_MIN or more are a paste the terminal did not
 * bracket (returns their count, c first); fewer are typing, pushed back to
 * be read as keys (returns 0). */
static int
read_burst(uint32_t c, uint32_t *buf, int *extra, int tick_ms)
{
	int n = 0;
	wint_t wc;
	int r = ERR;
	*extra = 0;
	buf[n++] = c;
	timeout(0);
	while ((r = get_wch(&wc)) == OK && wc >= 0x20 && wc != 0x7F) {
		if (n < PASTE_MAX)
			buf[n++] = (uint32_t)wc;
		else
			(*extra)++;
	}
	if (n + *extra >= BURST_MIN) {
		if (r == OK)
			unget_wch(wc); /* the key after the paste (Enter, Esc...) stays a key */
		else if (r == KEY_CODE_YES)
			ungetch((int)wc);
		timeout(tick_ms);
		return n;
	}
	/* typing: back in the queue in order (each push goes in front) */
	if (r == OK)
		unget_wch(wc);
	else if (r == KEY_CODE_YES)
		ungetch((int)wc);
	for (int i = n - 1; i >= 1; i--)
		unget_wch((wchar_t)buf[i]);
	timeout(tick_ms);
	return 0;
}

static void
paste(struct wizard *w, const uint32_t *buf, int n, int extra)
{
	wizard_paste(w, buf, n);
	if (extra > 0) {
		w->paste_dropped += extra;
		w->error = WIZ_ERR_PASTE;
	}
}

/* The print action: the receipt in the language on screen, to the command
 * or file of --print-cmd; the outcome shows on the comparison. */
static void
print_receipt(struct painter *pt, struct wizard *w, const struct ui_options *opt)
{
	char err[512];
	struct answers a;
	if (opt == NULL || opt->print_cmd == NULL)
		return; /* not set up: the footer offers no print, and the key does nothing */
	fmt(pt->status, sizeof pt->status, "wiz_printing", NULL, 0);
	draw(pt, w, -1); /* the command may take a while */
	wizard_answers(w, &a);
	int st = receipt_print(opt->print_cmd, &w->adv, &a, w->ps, opt->print_width ? opt->print_width : 32,
	                       opt->print_encoding, opt->print_escpos, err, sizeof err);
	explicit_bzero(&a, sizeof a);
	bool file = opt->print_cmd[0] == '/' || strncmp(opt->print_cmd, "./", 2) == 0;
	struct msg_arg arg = MSG_S(opt->print_cmd);
	if (st != RECEIPT_OK)
		snprintf(pt->status, sizeof pt->status, "%s", err);
	else
		fmt(pt->status, sizeof pt->status, file ? "rcpt_saved" : "rcpt_printed", &arg, file ? 1 : 0);
}

int
ui_run(const struct policy_set *ps, struct date as_of, enum msg_lang lang, const struct ui_options *opt)
{
	static struct wizard w; /* large; and one interview at a time */
	struct painter pt = {0};
	struct sigaction sa = {0};
	int status = 0;
	bool kiosk = opt != NULL && opt->kiosk;
	int idle = kiosk && opt->idle_seconds > 0 ? opt->idle_seconds : 0;

	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL); /* only from kill: raw mode makes Ctrl-C a key */
	signal(SIGPIPE, SIG_IGN);

	pt.ascii = ascii_only();
	pt.utf8 = strcasecmp(nl_langinfo(CODESET), "UTF-8") == 0;
	pt.gbk = pt.utf8 ? (iconv_t)-1 : iconv_open("GBK", "UTF-8");
	pt.can_print = opt != NULL && opt->print_cmd != NULL;
	pt.more_row = -1;
	lines_init(&pt.body);
	wizard_init(&w, ps, as_of, lang, pt.ascii);
	if (kiosk)
		wizard_set_kiosk(&w, opt->staff_code);
	w.digit_picks = true; /* keys come one by one here: a lone digit can wait */
	if (!msg_open(w.lang))
		return 3;

	set_escdelay(25);
	if (initscr() == NULL)
		return 4;
	struct sigaction fa = {0};
	fa.sa_sigaction = on_fatal;
	fa.sa_flags = SA_SIGINFO;
	sigemptyset(&fa.sa_mask);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
		sigaction(fatal_signals[i], &fa, &fatal_old[i]);
	/* the way out: bracketed paste off, the screen cleared, and where
	 * there is no alternate screen the scrollback too (E3, or the ECMA-48
	 * sequence, which terminals without it ignore) */
	no_alt_screen = tigetstr("smcup") == NULL || tigetstr("smcup") == (char *)-1;
	farewell_add("\033[?2004l");
	farewell_add(tigetstr("clear"));
	if (no_alt_screen)
		farewell_add(erase_scrollback());
	raw(); /* Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, never as signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	for (int i = 0; i < keys_nkeypad; i++)
		define_key(keys_keypad[i].seq, KEYS_KEYPAD + i);
	/* bracketed paste: a paste is text for the field, never keys */
	define_key("\033[200~", KEYS_PASTE_BEGIN);
	define_key("\033[201~", KEYS_PASTE_END);
	raw_write("\033[?2004h"); /* now: putp would wait in curses' buffer */
	for (int i = 0; i < keys_nclients; i++)
		define_key(keys_clients[i].seq, keys_clients[i].key);
	pt.fkeys = !kiosk && has_fkeys();
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_ERROR, COLOR_RED, -1);
		init_pair(PAIR_GOOD, COLOR_GREEN, -1);
		init_pair(PAIR_WARN, COLOR_YELLOW, -1);
		init_pair(PAIR_DIM, COLOR_CYAN, -1);
		pt.color = true;
	}
	/* kiosk: wake up to count down; otherwise block until a key */
	int tick_ms = idle ? 250 : -1;
	timeout(tick_ms);
	/* the countdown shows in the last quarter of the idle time, at most 30 s */
	int warn = idle / 4 < 30 ? idle / 4 : 30;

	int errors = 0, shown = -2;
	/* last_key on the idle clock (a test may set it); last_real on the real
	 * one, for the digit wait */
	double last_key = idle_clock(), last_real = now(), last_erase = -1;
	bool dirty = true;
	for (;;) {
		int countdown = -1;
		if (idle) {
			double left = (double)idle - (idle_clock() - last_key);
			if (left <= 0) {
				wipe(&w, &pt);
				last_key = idle_clock();
				dirty = true;
			} else if (left <= warn && w.screen != WIZ_SCREEN_LANG) {
				countdown = (int)(left + 0.999);
			}
		}
		if (dirty || countdown != shown) {
			draw(&pt, &w, countdown);
			shown = countdown;
			dirty = false;
		}
		/* a lone digit on a list waits for a second one, then picks */
		int wait_ms = tick_ms, digit = wizard_wait_ms(&w);
		if (digit >= 0) {
			int left = digit - (int)((now() - last_real) * 1000);
			if (left <= 0) {
				pt.status[0] = '\0';
				wizard_act(&w, &(struct wizard_action){.act = WIZ_ACT_TIMEOUT});
				dirty = true;
				continue;
			}
			wait_ms = tick_ms < 0 || left < tick_ms ? left : tick_ms;
			timeout(wait_ms);
		}
		wint_t wc;
		double before = now();
		int r = get_wch(&wc);
		if (wait_ms != tick_ms)
			timeout(tick_ms);
		if (lost) {
			status = 1;
			break;
		}
		if (r == ERR) {
			/* a timeout takes wait_ms; an immediate error is a lost
			 * terminal (EOF, EIO), and a run of them ends the program */
			if (wait_ms > 0 && now() - before >= wait_ms / 2000.0) {
				errors = 0;
				continue;
			}
			if (++errors >= 20) {
				status = 1;
				break;
			}
			continue;
		}
		errors = 0;
		last_key = idle_clock();
		last_real = now();
		dirty = true;
		if (countdown >= 0 && !(r == KEY_CODE_YES && wc == KEY_RESIZE))
			continue; /* the key that stops the countdown does nothing else */
		struct wizard_action act;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			/* a burst of resizes is one redraw */
			timeout(0);
			while ((r = get_wch(&wc)) == KEY_CODE_YES && wc == KEY_RESIZE)
				;
			if (r == KEY_CODE_YES)
				ungetch((int)wc);
			else if (r == OK)
				unget_wch(wc);
			timeout(tick_ms);
			continue;
		}
		if (r == OK && wc == 27 && swallow_sequence(tick_ms)) {
			/* an escape sequence no key sends (pasted, or an answer
			 * from the terminal): never a "back" */
			fmt(pt.status, sizeof pt.status, "wiz_sequence_ignored", NULL, 0);
			continue;
		}
		if ((r == KEY_CODE_YES && wc == KEYS_PASTE_BEGIN) || (r == OK && wc >= 0x20 && wc != 0x7F)) {
			static uint32_t pbuf[PASTE_MAX];
			int extra, n = r == OK ? read_burst((uint32_t)wc, pbuf, &extra, tick_ms)
			                       : read_paste(pbuf, &extra, tick_ms);
			if (n > 0 || r == KEY_CODE_YES) {
				pt.status[0] = '\0';
				last_erase = -1;
				paste(&w, pbuf, n, extra);
				explicit_bzero(pbuf, sizeof pbuf);
				continue;
			}
		}
		if (r == KEY_CODE_YES && wc == KEYS_PASTE_END)
			continue;
		if (r == KEY_CODE_YES && wc == KEY_MOUSE)
			act = mouse_action(&pt);
		else
			act = keys_action(r == KEY_CODE_YES, (uint32_t)wc);
		if (act.act == WIZ_ACT_NONE)
			continue;
		if (act.act == WIZ_ACT_ERASE) {
			/* a held key repeats every 30-50 ms after a first delay of
			 * 250-660 ms: one that close to the last may be a repeat */
			act.repeat = last_erase >= 0 && now() - last_erase < 0.7;
			last_erase = now();
		} else {
			last_erase = -1;
		}
		pt.status[0] = '\0';
		enum wizard_result res = wizard_act(&w, &act);
		if (res == WIZ_EXIT)
			break;
		if (res == WIZ_PRINT)
			print_receipt(&pt, &w, opt);
	}
	/* nothing of the interview stays on the screen, in curses' copies of
	 * it, or (without an alternate screen) in the terminal's scrollback */
	wipe(&w, &pt);
	erase();
	refresh();
	farewell_send();
	endwin();
	lines_fini(&pt.body);
	if (pt.gbk != (iconv_t)-1)
		iconv_close(pt.gbk);
	return status;
}

/* Last in the file: term.h defines macros named lines and columns. */
#include <ncursesw/term.h>

/* Whether the terminal's F-keys are known (a keypad terminal has none) */
static bool
has_fkeys(void)
{
	const char *kf1 = tigetstr("kf1");
	return kf1 != NULL && kf1 != (const char *)-1;
}

bool
ui_can_address(void)
{
	const char *term = getenv("TERM");
	int err = 0;
	if (term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0)
		return false;
	/* reads the terminfo entry only: nothing is written to the terminal */
	if (setupterm(term, STDOUT_FILENO, &err) != OK)
		return false;
	const char *cup = tigetstr("cup");
	bool ok = cup != NULL && cup != (const char *)-1;
	del_curterm(cur_term);
	return ok;
}
