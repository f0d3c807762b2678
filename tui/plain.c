/* plain.c -- plain mode: the wizard's interview as numbered lines, answers typed line by line */
#include "plain.h"

#include <errno.h>
#include <langinfo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "enc.h"
#include "lines.h"
#include "report.h"
#include "text.h"
#include "wizard.h"

#define TEXT_MAX 4096
#define LINE_BYTES 1024 /* an answer is at most WIZ_INPUT_MAX characters: longer lines are refused */
#define LINE_CHARS 256
#define WIDTH_DEFAULT 80
#define WIDTH_MIN 20
#define WIDTH_MAX 1000
#define EINTR_MAX 1000 /* interrupted reads in a row before giving up */

/* Help topics, generated from help/ by embed.py (as ui.c reads them). */
struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file help_files[];
extern const size_t help_files_count;

struct plain {
	struct wizard w; /* the interview: the one state machine, shared with the full-screen wizard */
	FILE *in, *out;
	struct enc *enc;
	const char *in_charset; /* what the input lines are decoded from */
	int width;
	bool gb;                          /* a GB set: write ￥ and plain spaces, its own forms */
	bool yen_missing;                 /* the set has no ¥: write ￥ (enc maps that further) */
	bool failed;                      /* an output error */
	size_t replaced;                  /* characters written as '?' */
	bool choosing;                    /* a list of cities is shown: a number picks from it */
	bool answered[ANSWERS_KEY_COUNT]; /* left forward at least once: Enter alone keeps it */
	char note[TEXT_MAX];              /* what the last line brought: an error or a confirmation */
	char raw[LINE_BYTES + 1];
	size_t rawlen;
	bool too_long;
};

/* ---------------------------------------------------------------- output */

static bool
special_space(uint32_t c)
{
	return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

/* Write len bytes of UTF-8 through the converter. GB18030 can encode ¥ and
 * the special spaces, but only as four-byte sequences that GB terminals,
 * fonts and screen readers rarely know: its own ￥ and space are written
 * instead. Control characters other than the newline never reach out, so
 * no escape sequence can come from the catalog, a help file or an echo. */
static void
put_raw(struct plain *p, const char *utf8, size_t len)
{
	char *buf = malloc(len + len / 2 + 4); /* ¥ (2 bytes) becomes ￥ (3) */
	size_t n = 0;
	if (buf == NULL) {
		p->failed = true;
		return;
	}
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = text_utf8_next((const char *)utf8 + i, len - i, &c);
		if ((c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c < 0xA0))
			c = ' ';
		else if (c == 0x00A5 && (p->gb || p->yen_missing))
			c = 0xFFE5;
		else if (special_space(c) && p->gb)
			c = ' ';
		else if (c != 0xFFFD || k != 1) {
			memcpy(buf + n, utf8 + i, k);
			n += k;
			i += k;
			continue;
		}
		if (c == 0xFFFD) {
			c = '?'; /* a byte that is not UTF-8: counted as replaced */
			p->replaced++;
		}
		n += text_utf8_put(buf + n, c);
		i += k;
	}
	if (!p->failed && enc_write(p->enc, p->out, buf, n, &p->replaced) != 0)
		p->failed = true;
	free(buf);
}

/* One logical line, wrapped at the width; continuation lines indented. */
static void
put_text(struct plain *p, const char *utf8, int indent)
{
	struct lines l;
	lines_init(&l);
	if (lines_add_wrapped(&l, LINES_NORMAL, utf8, p->width, indent) != 0)
		p->failed = true;
	for (size_t i = 0; i < l.n; i++) {
		put_raw(p, l.text[i], strlen(l.text[i]));
		put_raw(p, "\n", 1);
	}
	lines_fini(&l);
}

static void
say(struct plain *p, int indent, const char *key, const struct msg_arg *args, int n)
{
	char buf[TEXT_MAX];
	msg_format(buf, sizeof buf, key, args, n);
	put_text(p, buf, indent);
}

/* A numbered item of a list: "  1. label". */
static void
item(struct plain *p, int i, const char *label)
{
	char buf[TEXT_MAX + 16];
	snprintf(buf, sizeof buf, "  %d. %s", i + 1, label);
	put_text(p, buf, 5);
}

static void
note(struct plain *p, const char *key, const struct msg_arg *args, int n)
{
	msg_format(p->note, sizeof p->note, key, args, n);
}

/* ---------------------------------------------------------------- the screens */

static const char *
choice_label(const struct wizard_question *q, int i, char *buf, size_t cap)
{
	char key[96];
	const char *v = q->choices[i];
	snprintf(key, sizeof key, "choice_%s_%s", answers_key_name(q->key), v[0] ? v : "unsure");
	msg_format(buf, cap, key, NULL, 0);
	return buf;
}

static const char *
region_label(const struct plain *p, const struct citysearch_hit *h, char *buf, size_t cap)
{
	char zh[128], en[128];
	/* locked to English: the output charset may have no arrow either */
	citysearch_label(h, true, p->w.lang_locked, en, sizeof en);
	if (p->w.lang_locked)
		snprintf(buf, cap, "%s %06d", en, h->row->code);
	else
		snprintf(buf, cap, "%s %s %06d", citysearch_label(h, false, false, zh, sizeof zh), en,
		         h->row->code);
	return buf;
}

static void
prompt(struct plain *p)
{
	put_raw(p, "> ", 2);
	if (fflush(p->out) != 0)
		p->failed = true;
}

static void
show_lang(struct plain *p)
{
	const struct wizard *w = &p->w;
	char buf[TEXT_MAX], name[128];
	struct msg_arg cs = MSG_S(enc_charset(p->enc));
	say(p, 0, w->lang_locked ? "plain_lang_prompt" : "wiz_lang_prompt", NULL, 0);
	msg_format(buf, sizeof buf, w->lang_locked ? "plain_lang_zh_missing" : "wiz_lang_zh", &cs, 1);
	item(p, 0, buf);
	msg_format(buf, sizeof buf, "wiz_lang_en", NULL, 0);
	item(p, 1, buf);
	msg_format(name, sizeof name, w->lang_sel == 0 && !w->lang_locked ? "wiz_lang_zh" : "wiz_lang_en",
	           NULL, 0);
	struct msg_arg d = MSG_S(name);
	say(p, 0, "plain_lang_default", &d, 1);
}

static void
show_question(struct plain *p)
{
	const struct wizard *w = &p->w;
	const struct wizard_question *q = wizard_question(w);
	const char *key = answers_key_name(q->key);
	char buf[TEXT_MAX], text[TEXT_MAX], k[96];
	int step, total, sel;
	wizard_progress(w, &step, &total);
	snprintf(k, sizeof k, "q_%s", key);
	msg_format(text, sizeof text, k, NULL, 0);
	struct msg_arg qa[2] = {MSG_I(step), MSG_S(text)};
	say(p, 0, "plain_question", qa, 2);
	snprintf(k, sizeof k, "q_%s_hint", key);
	say(p, 0, k, NULL, 0);

	int n = wizard_items(w, &sel);
	bool kept = p->answered[q->key];
	if (q->kind == WIZ_CHOICE) {
		for (int i = 0; i < n; i++)
			item(p, i, choice_label(q, i, buf, sizeof buf));
		if (kept && sel >= 0 && sel < n) {
			struct msg_arg a = MSG_S(choice_label(q, sel, buf, sizeof buf));
			say(p, 0, "plain_kept", &a, 1);
		}
		struct msg_arg a = MSG_I(n);
		say(p, 0, "plain_choice_prompt", &a, 1);
	} else if (q->kind == WIZ_CITY && p->choosing) {
		wizard_field_utf8(w, text, sizeof text);
		struct msg_arg a = MSG_S(text);
		say(p, 0, "plain_city_matches", &a, 1);
		for (int i = 0; i < n; i++)
			item(p, i, region_label(p, &w->matches[i], buf, sizeof buf));
		struct msg_arg c = MSG_I(n);
		say(p, 0, "plain_city_pick", &c, 1);
	} else if (q->kind == WIZ_CITY) {
		if (kept && sel >= 0 && sel < n) {
			struct msg_arg a = MSG_S(region_label(p, &w->matches[sel], buf, sizeof buf));
			say(p, 0, "plain_kept", &a, 1);
		}
		say(p, 0, "plain_city_prompt", NULL, 0);
	} else {
		wizard_field_utf8(w, text, sizeof text);
		if (kept && text[0] != '\0') {
			struct msg_arg a = MSG_S(text);
			say(p, 0, "plain_kept", &a, 1);
		}
		say(p, 0, q->kind == WIZ_MONTH ? "wiz_month_prompt" : "wiz_number_prompt", NULL, 0);
		if (q->optional)
			say(p, 0, "wiz_optional", NULL, 0);
	}
}

static void
show_quit(struct plain *p)
{
	char buf[TEXT_MAX];
	say(p, 0, "wiz_quit_prompt", NULL, 0);
	msg_format(buf, sizeof buf, "wiz_quit_yes", NULL, 0);
	item(p, 0, buf);
	msg_format(buf, sizeof buf, "wiz_quit_no", NULL, 0);
	item(p, 1, buf);
	struct msg_arg a = MSG_I(2);
	say(p, 0, "plain_choice_prompt", &a, 1);
}

/* The current screen, after what the last line brought; then the prompt. */
static void
show(struct plain *p)
{
	if (msg_lang() != p->w.lang)
		msg_open(p->w.lang);
	put_raw(p, "\n", 1);
	if (p->note[0] != '\0') {
		put_text(p, p->note, 0);
		p->note[0] = '\0';
	}
	switch (p->w.screen) {
	case WIZ_SCREEN_LANG:
		show_lang(p);
		break;
	case WIZ_SCREEN_QUESTION:
		show_question(p);
		break;
	case WIZ_SCREEN_QUIT:
		show_quit(p);
		break;
	default:
		break;
	}
	prompt(p);
}

/* The help topic the wizard chose, as ui.c's help screen shows it: the
 * title line, then paragraphs ("- " ones are list items). */
static void
show_help(struct plain *p)
{
	char name[128];
	const struct embedded_file *f = NULL;
	snprintf(name, sizeof name, "%s/%s.txt", p->w.lang == MSG_ZH ? "zh" : "en",
	         wizard_topics[p->w.topic]);
	for (size_t i = 0; i < help_files_count && f == NULL; i++)
		if (strcmp(help_files[i].name, name) == 0)
			f = &help_files[i];
	put_raw(p, "\n", 1);
	if (f == NULL) {
		say(p, 0, "wiz_help_missing", NULL, 0);
		return;
	}
	const char *s = (const char *)f->data, *e = s + f->len;
	while (s < e) {
		const char *nl = memchr(s, '\n', (size_t)(e - s));
		const char *le = nl ? nl : e;
		size_t len = (size_t)(le - s);
		char para[TEXT_MAX];
		if (len >= sizeof para)
			len = sizeof para - 1;
		memcpy(para, s, len);
		para[len] = '\0';
		if (len == 0)
			put_raw(p, "\n", 1);
		else
			put_text(p, para, len > 2 && para[0] == '-' && para[1] == ' ' ? 2 : 0);
		s = nl ? nl + 1 : e;
	}
	say(p, 0, "plain_help_end", NULL, 0);
}

/* The comparison as text lines: the report of `yibao advise`, which gives
 * every option's detail item by item (no table columns: a screen reader
 * reads line by line), and the recommendation with its reasons. */
static void
show_comparison(struct plain *p)
{
	char *buf = NULL;
	size_t len = 0;
	if (msg_lang() != p->w.lang)
		msg_open(p->w.lang);
	FILE *m = open_memstream(&buf, &len);
	if (m == NULL) {
		p->failed = true;
		return;
	}
	report_text(m, &p->w.adv, &p->w.a, p->w.ps, p->width);
	if (fclose(m) != 0) {
		free(buf);
		p->failed = true;
		return;
	}
	put_raw(p, "\n", 1);
	say(p, 0, "wiz_compare_title", NULL, 0);
	put_raw(p, "\n", 1);
	put_raw(p, buf, len);
	free(buf);
	put_raw(p, "\n", 1);
	say(p, 0, "plain_compare_end", NULL, 0);
}

/* ---------------------------------------------------------------- input */

enum read_result { READ_LINE, READ_END, READ_ERROR };

/* One line into p->raw, without its newline (and a CR before it). A line
 * longer than LINE_BYTES is read to its end and marked too long. EINTR:
 * read again, keeping what was read; any other error: READ_ERROR (errno
 * set). Never waits for anything but in. */
static enum read_result
read_line(struct plain *p)
{
	size_t n = 0;
	int interrupted = 0;
	bool any = false;
	p->too_long = false;
	for (;;) {
		errno = 0;
		int c = getc(p->in);
		if (c == EOF) {
			if (ferror(p->in)) {
				if (errno == EINTR && ++interrupted < EINTR_MAX) {
					clearerr(p->in);
					continue;
				}
				if (errno == 0)
					errno = EIO;
				return READ_ERROR;
			}
			if (!any)
				return READ_END;
			break; /* a last line without its newline */
		}
		any = true;
		interrupted = 0;
		if (c == '\n')
			break;
		if (n < LINE_BYTES)
			p->raw[n++] = (char)c;
		else
			p->too_long = true;
	}
	if (n > 0 && p->raw[n - 1] == '\r')
		n--;
	p->raw[n] = '\0';
	p->rawlen = n;
	return READ_LINE;
}

/* The line as code points: decoded from the input's set, control
 * characters (an arrow key's escape sequence) dropped, tabs made spaces,
 * blanks trimmed at both ends. Returns the count, or -1 when the line is
 * not valid in the input's set. */
static int
line_chars(struct plain *p, uint32_t *out, int cap)
{
	size_t len;
	if (memchr(p->raw, '\0', p->rawlen) != NULL)
		return -1;
	char *s = enc_to_utf8(p->in_charset, p->raw, p->rawlen, &len, NULL);
	if (s == NULL)
		return -1;
	int n = 0;
	for (size_t i = 0; i < len && n < cap;) {
		uint32_t c;
		i += text_utf8_next((const char *)s + i, len - i, &c);
		if (c == '\t')
			c = ' ';
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			continue;
		if (n == 0 && (c == ' ' || c == 0x3000))
			continue;
		out[n++] = c;
	}
	free(s);
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == 0x3000))
		n--;
	return n;
}

static void
chars_utf8(const uint32_t *cp, int n, char *buf, size_t cap)
{
	size_t k = 0;
	for (int i = 0; i < n && k + 5 < cap; i++)
		k += text_utf8_put(buf + k, cp[i]);
	buf[k] = '\0';
}

/* The line half-width (what a Chinese input method types full width) and
 * ASCII letters lower-cased, as UTF-8; blanks kept or dropped. */
static void
line_norm(const uint32_t *cp, int n, char *buf, size_t cap, bool blanks)
{
	size_t k = 0;
	for (int i = 0; i < n && k + 5 < cap; i++) {
		uint32_t c = text_halfwidth(cp[i]);
		if (c == ' ' && !blanks)
			continue;
		k += text_utf8_put(buf + k, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	buf[k] = '\0';
}

/* ---------------------------------------------------------------- feeding the wizard */

static enum wizard_result
act(struct plain *p, enum wizard_act a, uint32_t ch, int itm)
{
	struct wizard_action x = {.act = a, .ch = ch, .item = itm};
	return wizard_act(&p->w, &x);
}

/* The wizard's complaint about the last input, in the catalog's language. */
static void
note_error(struct plain *p)
{
	const struct wizard *w = &p->w;
	char field[4 * WIZ_INPUT_MAX + 1];
	switch (w->error) {
	case WIZ_ERR_NONE:
		break;
	case WIZ_ERR_ANSWER:
		msg_answers_error(p->note, sizeof p->note, NULL, &w->err);
		break;
	case WIZ_ERR_NO_MATCH:
		wizard_field_utf8(w, field, sizeof field);
		if (field[0] == '\0') {
			note(p, "plain_city_type", NULL, 0);
		} else {
			struct msg_arg a = MSG_S(field);
			note(p, "wiz_city_none", &a, 1);
		}
		break;
	case WIZ_ERR_CHAR:
		note(p, "wiz_err_char", NULL, 0);
		break;
	case WIZ_ERR_FULL:
		note(p, "wiz_err_full", NULL, 0);
		break;
	default:
		note(p, "plain_bad_answer", NULL, 0);
		break;
	}
}

/* Make the current question's field hold cp (n code points), as if typed:
 * erase what is there, then type. False when the wizard refused a
 * character (its error is set). */
static bool
set_field(struct plain *p, const uint32_t *cp, int n)
{
	const struct wizard_question *q = wizard_question(&p->w);
	/* Backspace on an empty field would go back: erase only what is there */
	for (int k = p->w.input_len[q->key]; k > 0; k--)
		act(p, WIZ_ACT_ERASE, 0, 0);
	for (int i = 0; i < n; i++) {
		act(p, WIZ_ACT_CHAR, cp[i], 0);
		if (p->w.error != WIZ_ERR_NONE || wizard_question(&p->w) != q)
			return false;
	}
	return true;
}

/* A hit matches the query exactly: code, name, pinyin or initials of the
 * row, or of the alias that led to it. */
static bool
region_exact(const struct citysearch_hit *h, const char *query)
{
	char code[8];
	const struct region_alias *a = h->via;
	const struct region_row *r = h->row;
	snprintf(code, sizeof code, "%06d", a != NULL ? a->code : r->code);
	if (strcmp(query, code) == 0)
		return true;
	if (a != NULL)
		return strcmp(query, a->name_zh) == 0 || strcmp(query, a->short_zh) == 0 ||
		       strcasecmp(query, a->pinyin) == 0 || strcasecmp(query, a->initials) == 0;
	return strcmp(query, r->name_zh) == 0 || strcmp(query, r->full_zh) == 0 ||
	       strcasecmp(query, r->name_en) == 0 || strcasecmp(query, r->pinyin) == 0 ||
	       strcasecmp(query, r->initials) == 0;
}

/* Take city i of the list, and say which it was. */
static void
pick(struct plain *p, int i)
{
	char label[512];
	struct msg_arg a = MSG_S(region_label(p, &p->w.matches[i], label, sizeof label));
	act(p, WIZ_ACT_PICK, 0, i);
	if (p->w.error == WIZ_ERR_NONE)
		note(p, "plain_city_chosen", &a, 1);
	else
		note_error(p);
}

/* A city question: a number from the list shown, or a search. One match,
 * or a first match that is exact ("310000", "上海", "shanghai") while the
 * second is not, is taken at once, so a script answers in one line. */
static void
city_line(struct plain *p, const uint32_t *cp, int n)
{
	struct wizard *w = &p->w;
	const struct wizard_question *q = wizard_question(w);
	char word[16], query[4 * LINE_CHARS + 1];
	line_norm(cp, n, word, sizeof word, true);
	/* a short number picks from the list shown; region codes have six digits */
	if (p->choosing && n > 0 && n <= 2 && strspn(word, "0123456789") == strlen(word)) {
		int i = atoi(word);
		if (i >= 1 && i <= w->nmatches) {
			pick(p, i - 1);
		} else {
			struct msg_arg a[2] = {MSG_S(word), MSG_I(w->nmatches)};
			note(p, "plain_choice_bad", a, 2);
		}
		return;
	}
	p->choosing = false;
	if (n == 0) {
		if (p->answered[q->key])
			act(p, WIZ_ACT_ENTER, 0, 0);
		else
			note(p, "plain_city_type", NULL, 0);
		return;
	}
	uint32_t old[WIZ_INPUT_MAX];
	int oldn = w->input_len[q->key];
	memcpy(old, w->input[q->key], sizeof old);
	chars_utf8(cp, n, query, sizeof query);
	if (cp[0] == '-' || !set_field(p, cp, n) || w->nmatches == 0) {
		if (w->error != WIZ_ERR_NONE) {
			note_error(p);
		} else {
			struct msg_arg a = MSG_S(query);
			note(p, "wiz_city_none", &a, 1);
		}
		set_field(p, old, oldn); /* the earlier search, and its answer, stay */
		return;
	}
	char norm[sizeof query];
	line_norm(cp, n, norm, sizeof norm, false); /* as citysearch compares: without blanks */
	if (w->nmatches == 1 || (region_exact(&w->matches[0], norm) && !region_exact(&w->matches[1], norm))) {
		pick(p, 0);
		return;
	}
	p->choosing = true;
}

/* A choice: its number, or its value as in an answers file ("yes", "male",
 * "flexible"; "unsure" for not sure). */
static void
choice_line(struct plain *p, const uint32_t *cp, int n)
{
	const struct wizard_question *q = wizard_question(&p->w);
	char word[4 * LINE_CHARS + 1];
	int count = 0, pick = -1;
	while (q->choices[count] != NULL)
		count++;
	if (n == 0) {
		if (p->answered[q->key])
			act(p, WIZ_ACT_ENTER, 0, 0);
		else
			note(p, "plain_choose", NULL, 0);
		return;
	}
	line_norm(cp, n, word, sizeof word, true);
	if (word[0] >= '1' && word[0] <= '9' && word[1] == '\0')
		pick = word[0] - '1';
	for (int i = 0; i < count && pick < 0; i++)
		if (strcmp(word, q->choices[i][0] ? q->choices[i] : "unsure") == 0)
			pick = i;
	if (pick >= 0 && pick < count) {
		act(p, WIZ_ACT_CHAR, (uint32_t)('1' + pick), 0);
		return;
	}
	chars_utf8(cp, n, word, sizeof word);
	struct msg_arg a[2] = {MSG_S(word), MSG_I(count)};
	note(p, "plain_choice_bad", a, 2);
}

/* A number, tenths or a month: the line is the field; Enter alone sends
 * what the field holds (the kept answer, or nothing). */
static void
number_line(struct plain *p, const uint32_t *cp, int n)
{
	struct wizard *w = &p->w;
	const struct wizard_question *q = wizard_question(w);
	uint32_t old[WIZ_INPUT_MAX];
	int oldn = w->input_len[q->key];
	memcpy(old, w->input[q->key], sizeof old);
	if (n > 0 && cp[0] == '-') { /* '-' on an empty field is the keypad's back */
		note(p, "wiz_err_char", NULL, 0);
		return;
	}
	if (n > 0 && !set_field(p, cp, n)) {
		note_error(p);
		set_field(p, old, oldn);
		return;
	}
	act(p, WIZ_ACT_ENTER, 0, 0);
	if (w->error != WIZ_ERR_NONE && wizard_question(w) == q) {
		note_error(p);
		set_field(p, old, oldn);
	}
}

/* What may be typed on the two screens of two items, besides the numbers:
 * matched half-width and lower-case. */
static const struct {
	enum wizard_screen screen;
	const char *word; /* a catalog key (wiz_*) stands for its text */
	uint32_t digit;   /* the item it stands for */
} plain_words[] = {
    {WIZ_SCREEN_LANG, "1", '1'}, {WIZ_SCREEN_LANG, "wiz_lang_zh", '1'}, {WIZ_SCREEN_LANG, "zh", '1'},
    {WIZ_SCREEN_LANG, "2", '2'}, {WIZ_SCREEN_LANG, "wiz_lang_en", '2'}, {WIZ_SCREEN_LANG, "en", '2'},
    {WIZ_SCREEN_QUIT, "1", '1'}, {WIZ_SCREEN_QUIT, "y", '1'},           {WIZ_SCREEN_QUIT, "yes", '1'},
    {WIZ_SCREEN_QUIT, "2", '2'}, {WIZ_SCREEN_QUIT, "n", '2'},           {WIZ_SCREEN_QUIT, "no", '2'},
    {WIZ_SCREEN_QUIT, "<", '2'},
};

/* The language or the quit question: an item by its number or its word.
 * Enter alone takes the highlighted language; quitting needs a yes. */
static enum wizard_result
pair_line(struct plain *p, const uint32_t *cp, int n)
{
	char norm[4 * LINE_CHARS + 1], text[4 * LINE_CHARS + 1];
	if (n == 0 && p->w.screen == WIZ_SCREEN_LANG)
		return act(p, WIZ_ACT_ENTER, 0, 0);
	line_norm(cp, n, norm, sizeof norm, true);
	for (size_t i = 0; i < sizeof plain_words / sizeof plain_words[0]; i++) {
		const char *word = plain_words[i].word;
		if (strncmp(word, "wiz_", 4) == 0) {
			uint32_t wc[LINE_CHARS];
			int k = 0;
			msg_format(text, sizeof text, word, NULL, 0);
			for (size_t j = 0, len = strlen(text); j < len && k < LINE_CHARS; k++)
				j += text_utf8_next((const char *)text + j, len - j, &wc[k]);
			line_norm(wc, k, text, sizeof text, true);
			word = text;
		}
		if (plain_words[i].screen == p->w.screen && strcmp(word, norm) == 0)
			return act(p, WIZ_ACT_CHAR, plain_words[i].digit, 0);
	}
	chars_utf8(cp, n, text, sizeof text);
	struct msg_arg a[2] = {MSG_S(text), MSG_I(2)};
	note(p, n == 0 ? "plain_choose" : "plain_choice_bad", n == 0 ? NULL : a, n == 0 ? 0 : 2);
	return WIZ_IDLE;
}

/* One line of input. Returns WIZ_EXIT when the person confirmed quitting. */
static enum wizard_result
handle(struct plain *p, const uint32_t *cp, int n)
{
	struct wizard *w = &p->w;
	uint32_t one = n == 1 ? text_halfwidth(cp[0]) : 0;
	if (one == 'L' || one == 'l') {
		if (act(p, WIZ_ACT_LANG, 0, 0) == WIZ_IDLE) {
			struct msg_arg a = MSG_S(enc_charset(p->enc));
			note(p, "plain_lang_locked", &a, 1);
		}
		return WIZ_REDRAW;
	}
	if (w->screen == WIZ_SCREEN_QUIT)
		return pair_line(p, cp, n);
	if (one == '?') {
		if (w->screen == WIZ_SCREEN_LANG) {
			note(p, w->lang_locked ? "plain_keys_locked" : "plain_keys", NULL, 0);
			return WIZ_REDRAW;
		}
		act(p, WIZ_ACT_HELP, 0, 0);
		if (w->screen == WIZ_SCREEN_HELP) {
			show_help(p);
			act(p, WIZ_ACT_BACK, 0, 0);
		}
		return WIZ_REDRAW;
	}
	if (one == 'q' || one == 'Q') {
		p->choosing = false;
		return act(p, WIZ_ACT_QUIT, 0, 0);
	}
	if (one == '<') {
		if (w->screen == WIZ_SCREEN_LANG)
			note(p, "plain_first", NULL, 0);
		p->choosing = false;
		return act(p, WIZ_ACT_BACK, 0, 0);
	}
	if (w->screen == WIZ_SCREEN_LANG)
		return pair_line(p, cp, n);
	const struct wizard_question *q = wizard_question(w);
	if (q == NULL)
		return WIZ_IDLE;
	switch (q->kind) {
	case WIZ_CHOICE:
		choice_line(p, cp, n);
		break;
	case WIZ_CITY:
		city_line(p, cp, n);
		break;
	case WIZ_NUMBER:
	case WIZ_TENTHS:
	case WIZ_MONTH:
		number_line(p, cp, n);
		break;
	}
	return WIZ_REDRAW;
}

/* Questions answered so far: those shown before the current one. */
static int
answered_count(const struct wizard *w)
{
	int step, total;
	enum wizard_screen s = w->screen == WIZ_SCREEN_QUIT ? w->quit_back : w->screen;
	if (s == WIZ_SCREEN_HELP)
		s = w->back_to;
	if (s == WIZ_SCREEN_LANG)
		return 0;
	if (s == WIZ_SCREEN_COMPARE || s == WIZ_SCREEN_DETAIL) {
		wizard_progress(w, &step, &total);
		return total;
	}
	wizard_progress(w, &step, &total);
	return step > 0 ? step - 1 : 0;
}

static int
columns(void)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long v = c != NULL ? strtol(c, &end, 10) : 0;
	if (c == NULL || *c == '\0' || *end != '\0' || v < WIDTH_MIN || v > WIDTH_MAX)
		return WIDTH_DEFAULT;
	return (int)v;
}

/* Can the set show Chinese, and ¥? (A set without Chinese keeps the
 * interview in English, as the wizard does on a terminal without it.) */
static void
probe_charset(struct plain *p, bool *chinese)
{
	size_t rep = 0;
	const char *cs = enc_charset(p->enc);
	free(enc_convert(p->enc, "中文", strlen("中文"), NULL, &rep));
	*chinese = rep == 0;
	rep = 0;
	free(enc_convert(p->enc, "\xC2\xA5", 2, NULL, &rep));
	p->yen_missing = rep != 0;
	p->gb = !enc_is_utf8(p->enc) && (strncasecmp(cs, "GB", 2) == 0 || strcasecmp(cs, "EUC-CN") == 0);
	/* ASCII input is UTF-8 input that happens to be ASCII: take UTF-8 */
	p->in_charset = *chinese ? cs : "UTF-8";
}

int
plain_run(const struct policy_set *ps, struct date as_of, enum msg_lang lang, FILE *in, FILE *out)
{
	enum msg_lang was = msg_lang();
	int status = PLAIN_DONE;
	bool chinese;
	uint32_t cp[LINE_CHARS];
	struct plain *p = calloc(1, sizeof *p);
	if (p == NULL)
		return PLAIN_OUTPUT;
	p->in = in;
	p->out = out;
	p->width = columns();
	p->enc = enc_new(NULL);
	if (p->enc == NULL) {
		/* nothing can be converted: say so in UTF-8, the best guess left */
		char buf[TEXT_MAX];
		struct msg_arg a[2] = {MSG_S(nl_langinfo(CODESET)), MSG_S(strerror(errno))};
		msg_format(buf, sizeof buf, "plain_charset", a, 2);
		fprintf(out, "%s\n", buf);
		status = PLAIN_OUTPUT;
		goto out;
	}
	probe_charset(p, &chinese);
	wizard_init(&p->w, ps, as_of, lang, !chinese);
	if (!msg_open(p->w.lang)) {
		status = PLAIN_CATALOG;
		goto out;
	}
	say(p, 0, "wiz_title", NULL, 0);
	say(p, 0, p->w.lang_locked ? "plain_keys_locked" : "plain_keys", NULL, 0);
	for (;;) {
		if (p->w.screen == WIZ_SCREEN_COMPARE) {
			show_comparison(p);
			break;
		}
		show(p);
		if (p->failed)
			break;
		enum read_result r = read_line(p);
		if (r != READ_LINE) {
			struct msg_arg a =
			    r == READ_END ? MSG_I(answered_count(&p->w)) : MSG_S(strerror(errno));
			put_raw(p, "\n", 1);
			say(p, 0, r == READ_END ? "plain_input_ended" : "plain_read_error", &a, 1);
			if (r == READ_ERROR) {
				struct msg_arg c = MSG_I(answered_count(&p->w));
				say(p, 0, "plain_input_ended", &c, 1);
			}
			status = PLAIN_INPUT_ENDED;
			break;
		}
		int n = p->too_long ? -2 : line_chars(p, cp, LINE_CHARS);
		if (n < 0) {
			struct msg_arg a = MSG_S(p->in_charset);
			if (n == -2)
				note(p, "plain_too_long", NULL, 0);
			else
				note(p, "plain_bad_input", &a, 1);
			continue;
		}
		const struct wizard_question *before = wizard_question(&p->w);
		enum wizard_result res = handle(p, cp, n);
		const struct wizard_question *after = wizard_question(&p->w);
		if (before != NULL && after != before &&
		    (p->w.screen == WIZ_SCREEN_COMPARE || (after != NULL && after > before)))
			p->answered[before->key] = true;
		if (after != before)
			p->choosing = false;
		/* arriving on a question clears the wizard's error, except when the
		 * answers contradict each other at the end: it goes back to one */
		if (after != before && after != NULL && p->w.error != WIZ_ERR_NONE && p->note[0] == '\0')
			note_error(p);
		if (res == WIZ_EXIT) {
			put_raw(p, "\n", 1);
			say(p, 0, "plain_quit_done", NULL, 0);
			break;
		}
	}
	if (p->replaced > 0) {
		struct msg_arg a[2] = {MSG_I((int64_t)p->replaced), MSG_S(enc_charset(p->enc))};
		say(p, 0, "plain_replaced", a, 2);
	}
	if (fflush(out) != 0 || ferror(out))
		p->failed = true;
	if (p->failed)
		status = PLAIN_OUTPUT;
out:
	enc_free(p->enc);
	wizard_reset(&p->w); /* wipes the answers */
	free(p);
	if (msg_lang() != was)
		msg_open(was);
	return status;
}
