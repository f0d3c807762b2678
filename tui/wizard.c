/* wizard.c -- the interview and comparison as a state machine: actions in, state out (no curses) */
#include "wizard.h"

#include <stdio.h>
#include <string.h>

#include "citysearch.h"
#include "text.h"

static bool
differ(const struct answers *a)
{
	return a->work_city != a->hukou_city;
}

static bool
is_woman(const struct answers *a)
{
	return a->sex == ANSWERS_FEMALE;
}

static bool
has_years(const struct answers *a)
{
	return a->employee_years > 0;
}

static bool
is_covered(const struct answers *a)
{
	return a->coverage != ANSWERS_COVERAGE_NONE;
}

static const char *const yes_no[] = {"yes", "no", NULL};
static const char *const sexes[] = {"male", "female", NULL};
static const char *const categories[] = {"50", "55", NULL};
static const char *const works[] = {"flexible", "self_employed", "employed", "unemployed", NULL};
static const char *const coverages[] = {"none", "employee", "resident", NULL};
static const char *const places[] = {"work", "hukou", "", NULL};

/* The interview, in the order a caseworker asks it, with its skip rules. */
const struct wizard_question wizard_questions[] = {
    {.key = ANSWERS_WORK_CITY, .kind = WIZ_CITY},
    {.key = ANSWERS_HUKOU_CITY, .kind = WIZ_CITY},
    {.key = ANSWERS_RESIDENCE_PERMIT, .kind = WIZ_CHOICE, .choices = yes_no, .shown = differ},
    {.key = ANSWERS_BIRTH, .kind = WIZ_MONTH},
    {.key = ANSWERS_SEX, .kind = WIZ_CHOICE, .choices = sexes},
    {.key = ANSWERS_FEMALE_RETIRE_AGE, .kind = WIZ_CHOICE, .choices = categories, .shown = is_woman},
    {.key = ANSWERS_WORK, .kind = WIZ_CHOICE, .choices = works},
    {.key = ANSWERS_MONTHLY_INCOME, .kind = WIZ_NUMBER},
    {.key = ANSWERS_EMPLOYEE_YEARS, .kind = WIZ_TENTHS},
    {.key = ANSWERS_EMPLOYEE_YEARS_LOCAL, .kind = WIZ_TENTHS, .shown = has_years},
    {.key = ANSWERS_COVERAGE, .kind = WIZ_CHOICE, .choices = coverages},
    {.key = ANSWERS_COVERAGE_CITY, .kind = WIZ_CITY, .shown = is_covered},
    {.key = ANSWERS_GAP_MONTHS, .kind = WIZ_NUMBER},
    {.key = ANSWERS_STAY_YEARS, .kind = WIZ_NUMBER, .optional = true},
    {.key = ANSWERS_RETIRE_CITY, .kind = WIZ_CHOICE, .choices = places},
};
const int wizard_nquestions = sizeof wizard_questions / sizeof wizard_questions[0];

const char *const wizard_topics[] = {
    "work_city",
    "hukou_city",
    "residence_permit",
    "birth",
    "sex",
    "female_retire_age",
    "work",
    "monthly_income",
    "employee_years",
    "employee_years_local",
    "coverage",
    "coverage_city",
    "gap_months",
    "stay_years",
    "retire_city",
    "reading-the-comparison",
    "glossary-hukou",
    "glossary-residence-permit",
    "glossary-contribution-base",
    "glossary-average-wage",
    "glossary-transfer",
    "glossary-remote-care-filing",
    "glossary-waiting-period",
    "glossary-personal-account",
    "glossary-family-sharing",
    "glossary-critical-illness",
    "step-apply",
    "step-bring",
    "step-window",
    "step-pay",
    "step-hotline",
    "step-transfer",
    "step-remote-care",
    "step-permit",
    "data-sources",
};
const int wizard_ntopics = sizeof wizard_topics / sizeof wizard_topics[0];
enum { TOPIC_COMPARISON = 15 };

/* The help topic of each next step: the one place that maps a step to its
 * file (the stems use '-', as the other topics do: step-remote-care). */
static const char *const step_topics[ADVICE_STEP_COUNT] = {
    [ADVICE_STEP_APPLY] = "step-apply",
    [ADVICE_STEP_BRING] = "step-bring",
    [ADVICE_STEP_WINDOW] = "step-window",
    [ADVICE_STEP_PAY] = "step-pay",
    [ADVICE_STEP_HOTLINE] = "step-hotline",
    [ADVICE_STEP_TRANSFER] = "step-transfer",
    [ADVICE_STEP_REMOTE_CARE] = "step-remote-care",
    [ADVICE_STEP_PERMIT] = "step-permit",
};

const char *
wizard_step_topic(enum advice_step_id id)
{
	return (unsigned)id < ADVICE_STEP_COUNT ? step_topics[id] : NULL;
}

static bool
shown(const struct answers *a, int q)
{
	return wizard_questions[q].shown == NULL || wizard_questions[q].shown(a);
}

const struct wizard_question *
wizard_question(const struct wizard *w)
{
	return w->screen == WIZ_SCREEN_QUESTION ? &wizard_questions[w->q] : NULL;
}

void
wizard_progress(const struct wizard *w, int *step, int *total)
{
	*step = *total = 0;
	for (int q = 0; q < wizard_nquestions; q++) {
		if (!shown(&w->a, q))
			continue;
		(*total)++;
		if (q <= w->q)
			(*step)++;
	}
}

static int
count_choices(const char *const *c)
{
	int n = 0;
	while (c[n] != NULL)
		n++;
	return n;
}

int
wizard_items(const struct wizard *w, int *sel)
{
	const struct wizard_question *q = wizard_question(w);
	*sel = 0;
	if (w->screen == WIZ_SCREEN_LANG) {
		*sel = w->lang_sel;
		return 2;
	}
	if (w->screen == WIZ_SCREEN_QUIT)
		return 2;
	if (q == NULL)
		return 0;
	*sel = w->sel[q->key];
	if (q->kind == WIZ_CHOICE)
		return count_choices(q->choices);
	if (q->kind == WIZ_CITY)
		return w->nmatches;
	return 0;
}

static void
to_utf8(const uint32_t *in, int n, char *buf, size_t cap)
{
	size_t k = 0;
	for (int i = 0; i < n && k + 5 < cap; i++)
		k += text_utf8_put(buf + k, in[i]);
	buf[k] = '\0';
}

void
wizard_field_utf8(const struct wizard *w, char *buf, size_t cap)
{
	const struct wizard_question *q = wizard_question(w);
	if (w->screen == WIZ_SCREEN_COMPARE && w->editing != WIZ_EDIT_NONE)
		to_utf8(w->edit, w->edit_len, buf, cap);
	else if (q != NULL)
		to_utf8(w->input[q->key], w->input_len[q->key], buf, cap);
	else if (cap > 0)
		buf[0] = '\0';
}

int
wizard_page(const struct wizard *w, int *first)
{
	int sel, n = wizard_items(w, &sel);
	*first = sel >= 0 && sel < n ? sel / WIZ_PAGE * WIZ_PAGE : 0;
	return n - *first < WIZ_PAGE ? n - *first : WIZ_PAGE;
}

int
wizard_wait_ms(const struct wizard *w)
{
	return w->digit_pending && w->screen == WIZ_SCREEN_QUESTION ? WIZ_DIGIT_MS : -1;
}

/* The coverage city is most often one the person has named already: the
 * work city and the hukou city come first, then the provinces. */
static int
known_cities_first(struct wizard *w)
{
	const int codes[] = {w->a.work_city, w->a.hukou_city};
	const uint32_t bits[] = {1u << ANSWERS_WORK_CITY, 1u << ANSWERS_HUKOU_CITY};
	struct citysearch_hit rest[WIZ_MATCH_MAX];
	int n = 0;
	for (int i = 0; i < 2; i++) {
		const struct region_row *r = (w->a.set & bits[i]) ? region_table_find(codes[i]) : NULL;
		if (r != NULL && (n == 0 || w->matches[0].row != r))
			w->matches[n++] = (struct citysearch_hit){.row = r, .via = NULL};
	}
	size_t m = citysearch("", rest, WIZ_MATCH_MAX);
	for (size_t i = 0; i < m && n < WIZ_MATCH_MAX; i++) {
		bool dup = false;
		for (int k = 0; k < n; k++)
			dup = dup || w->matches[k].row == rest[i].row;
		if (!dup)
			w->matches[n++] = rest[i];
	}
	return n;
}

static void
find_cities(struct wizard *w)
{
	const struct wizard_question *q = wizard_question(w);
	char buf[4 * WIZ_INPUT_MAX + 1];
	if (q == NULL || q->kind != WIZ_CITY)
		return;
	wizard_field_utf8(w, buf, sizeof buf);
	if (q->key == ANSWERS_COVERAGE_CITY && buf[0] == '\0')
		w->nmatches = known_cities_first(w);
	else
		w->nmatches = (int)citysearch(buf, w->matches, WIZ_MATCH_MAX);
	if (w->sel[q->key] >= w->nmatches)
		w->sel[q->key] = 0;
}

/* Arrive on question q: show its matches, keep what was typed. */
static void
enter_question(struct wizard *w, int q)
{
	w->digit_pending = false;
	w->screen = WIZ_SCREEN_QUESTION;
	w->q = q;
	w->error = WIZ_ERR_NONE;
	find_cities(w);
}

/* The answers as the advice should see them: a skipped question's answer is
 * kept for when it applies again, but not given. */
static void
effective(const struct wizard *w, struct answers *out)
{
	*out = w->a;
	for (int q = 0; q < wizard_nquestions; q++)
		if (!shown(out, q))
			answers_unset(out, wizard_questions[q].key);
}

void
wizard_answers(const struct wizard *w, struct answers *out)
{
	effective(w, out);
}

static int
question_of(enum answers_key key)
{
	for (int q = 0; q < wizard_nquestions; q++)
		if (wizard_questions[q].key == key)
			return q;
	return 0;
}

static void
compare(struct wizard *w)
{
	struct answers a;
	effective(w, &a);
	if (advice_build(&w->adv, &a, w->ps, w->as_of, &w->params, &w->err) != ANSWERS_OK) {
		/* an answer contradicts another: back to it, with the reason */
		int key = w->err.key >= 0 ? w->err.key : ANSWERS_WORK_CITY;
		struct answers_error keep = w->err;
		enter_question(w, question_of((enum answers_key)key));
		w->err = keep;
		w->error = WIZ_ERR_ANSWER;
		return;
	}
	w->screen = WIZ_SCREEN_COMPARE;
	w->scroll = 0;
	if (w->option >= w->adv.noptions)
		w->option = 0;
}

static void
step(struct wizard *w, int dir)
{
	int q = w->q + dir;
	while (q >= 0 && q < wizard_nquestions && !shown(&w->a, q))
		q += dir;
	if (q < 0) {
		w->screen = WIZ_SCREEN_LANG;
		w->error = WIZ_ERR_NONE;
	} else if (q >= wizard_nquestions) {
		compare(w);
	} else {
		enter_question(w, q);
	}
}

void
wizard_init(struct wizard *w, const struct policy_set *ps, struct date as_of, enum msg_lang lang,
            bool lang_locked)
{
	memset(w, 0, sizeof *w);
	w->ps = ps;
	w->as_of = as_of;
	w->lang_locked = lang_locked;
	w->lang = lang_locked ? MSG_EN : lang;
	w->lang_sel = w->lang == MSG_ZH ? 0 : 1;
	w->screen = WIZ_SCREEN_LANG;
	w->params.base_mode = ADVICE_BASE_INCOME;
	answers_init(&w->a);
}

void
wizard_reset(struct wizard *w)
{
	const struct policy_set *ps = w->ps;
	struct date as_of = w->as_of;
	enum msg_lang lang = w->lang;
	bool locked = w->lang_locked, kiosk = w->kiosk, digit_picks = w->digit_picks;
	uint32_t staff[WIZ_INPUT_MAX];
	int staff_len = w->staff_len;
	memcpy(staff, w->staff, sizeof staff);
	/* explicit_bzero: the compiler may not drop the wipe of what goes away */
	explicit_bzero(w, sizeof *w);
	wizard_init(w, ps, as_of, lang, locked);
	w->kiosk = kiosk;
	w->digit_picks = digit_picks;
	memcpy(w->staff, staff, sizeof staff);
	w->staff_len = staff_len;
	explicit_bzero(staff, sizeof staff);
}

bool
wizard_set_kiosk(struct wizard *w, const char *code)
{
	const unsigned char *s = (const unsigned char *)code;
	int n = 0;
	memset(w->staff, 0, sizeof w->staff);
	while (s != NULL && *s) {
		uint32_t c = *s++;
		int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		c &= more == 3 ? 0x07 : more == 2 ? 0x0F : more == 1 ? 0x1F : 0x7F;
		while (more-- > 0 && (*s & 0xC0) == 0x80)
			c = (c << 6) | (*s++ & 0x3F);
		if (n >= WIZ_INPUT_MAX - 1)
			return false;
		w->staff[n++] = text_halfwidth(c);
	}
	w->staff_len = n;
	w->kiosk = n > 0;
	return n > 0;
}

static bool
field_add(struct wizard *w, uint32_t *field, int *len, uint32_t c)
{
	if (*len >= WIZ_INPUT_MAX - 1) {
		w->error = WIZ_ERR_FULL;
		return false;
	}
	field[(*len)++] = c;
	return true;
}

/* The typed number as the answers parser wants it: "1990-05" from 199005. */
static void
number_text(const struct wizard_question *q, const uint32_t *in, int n, char *buf, size_t cap)
{
	to_utf8(in, n, buf, cap);
	if (q->kind == WIZ_MONTH) {
		char digits[16];
		size_t k = 0;
		for (const char *s = buf; *s && k < sizeof digits - 1; s++)
			if (*s >= '0' && *s <= '9')
				digits[k++] = *s;
			else if (*s != '-' && *s != '.' && *s != '/' && *s != ' ')
				return; /* leave it for the parser to refuse */
		if (k == 6)
			snprintf(buf, cap, "%.4s-%.2s", digits, digits + 4);
	}
}

static void
answer(struct wizard *w, const char *value)
{
	const struct wizard_question *q = wizard_question(w);
	struct answers t = w->a;
	if (value == NULL) {
		answers_unset(&w->a, q->key);
	} else if (answers_set_key(&t, q->key, value, strlen(value), &w->err) != ANSWERS_OK) {
		w->error = WIZ_ERR_ANSWER;
		return;
	} else if (q->key == ANSWERS_EMPLOYEE_YEARS_LOCAL && t.employee_years_local > t.employee_years) {
		memset(&w->err, 0, sizeof w->err);
		w->err.status = ANSWERS_ERR_INCONSISTENT;
		w->err.key = ANSWERS_EMPLOYEE_YEARS_LOCAL;
		w->err.other = ANSWERS_EMPLOYEE_YEARS;
		w->error = WIZ_ERR_ANSWER;
		return;
	} else {
		w->a = t;
	}
	w->error = WIZ_ERR_NONE;
	step(w, +1);
}

static void
choose(struct wizard *w, int i)
{
	const struct wizard_question *q = wizard_question(w);
	int n = count_choices(q->choices);
	if (i < 0 || i >= n)
		return;
	w->sel[q->key] = i;
	answer(w, q->choices[i][0] ? q->choices[i] : NULL);
}

static void
pick_city(struct wizard *w, int i)
{
	const struct wizard_question *q = wizard_question(w);
	char code[8];
	if (i < 0 || i >= w->nmatches) {
		w->error = WIZ_ERR_NO_MATCH;
		return;
	}
	w->sel[q->key] = i;
	snprintf(code, sizeof code, "%06d", w->matches[i].row->code);
	answer(w, code);
}

static bool
has_digit(const uint32_t *field, int len)
{
	for (int i = 0; i < len; i++)
		if (field[i] >= '0' && field[i] <= '9')
			return true;
	return false;
}

/* A page on (wrapping to the first, so that a touch reaches every entry)
 * or back. */
static void
page_by(struct wizard *w, int dir)
{
	const struct wizard_question *q = wizard_question(w);
	int first, n = wizard_items(w, &(int){0});
	wizard_page(w, &first);
	if (n <= WIZ_PAGE)
		return;
	if (dir > 0)
		w->sel[q->key] = first + WIZ_PAGE < n ? first + WIZ_PAGE : 0;
	else
		w->sel[q->key] = first >= WIZ_PAGE ? first - WIZ_PAGE : 0;
	w->touched[q->key] = true;
}

/* '.' on a keypad erases (it has no Backspace). In a field of tenths it is
 * the decimal point first: a second '.' erases the point and the digit
 * before it, so a wrong digit can always go. */
static void
dot(struct wizard *w, const struct wizard_question *q, uint32_t *field, int *len)
{
	bool point = false;
	for (int i = 0; i < *len; i++)
		point = point || field[i] == '.';
	if (*len == 0)
		return;
	if (q->kind == WIZ_TENTHS && !point) {
		field_add(w, field, len, '.');
		return;
	}
	if (q->kind == WIZ_TENTHS && field[*len - 1] == '.' && *len > 1)
		(*len)--;
	(*len)--;
	w->error = WIZ_ERR_NONE;
	w->sel[q->key] = 0;
	find_cities(w);
}

/* A lone digit waited for the next key: Enter or the wait's end picks the
 * entry with its number; a second digit or a letter makes it a search. */
static bool
resolve_digit(struct wizard *w, const struct wizard_action *act, uint32_t c)
{
	const struct wizard_question *q = wizard_question(w);
	int *len = &w->input_len[q->key];
	if (!w->digit_pending)
		return false;
	w->digit_pending = false;
	if (act->act == WIZ_ACT_TIMEOUT || act->act == WIZ_ACT_ENTER) {
		int first, count = wizard_page(w, &first);
		int d = (int)w->input[q->key][*len - 1] - '1';
		if (d < count) {
			(*len)--;
			pick_city(w, first + d);
		} else {
			find_cities(w); /* no such entry: the digit is the start of a code */
		}
		return true;
	}
	if (act->act == WIZ_ACT_CHAR && c != '+' && c != '-' && c != '.') {
		find_cities(w);
		return false; /* and the character is added */
	}
	(*len)--; /* any other key drops the digit, then acts */
	return act->act == WIZ_ACT_ERASE || (act->act == WIZ_ACT_CHAR && c == '.');
}

static enum wizard_result
question_act(struct wizard *w, const struct wizard_action *act)
{
	const struct wizard_question *q = wizard_question(w);
	uint32_t *field = w->input[q->key];
	int *len = &w->input_len[q->key];
	int *sel = &w->sel[q->key];
	uint32_t c = text_halfwidth(act->ch);
	if (resolve_digit(w, act, c))
		return WIZ_REDRAW;
	int n = q->kind == WIZ_CHOICE ? count_choices(q->choices) : q->kind == WIZ_CITY ? w->nmatches : 0;

	switch (act->act) {
	case WIZ_ACT_HOME:
	case WIZ_ACT_END:
		if (n > 0)
			*sel = act->act == WIZ_ACT_HOME ? 0 : n - 1;
		w->touched[q->key] = true;
		return WIZ_REDRAW;
	case WIZ_ACT_PAGE_UP:
	case WIZ_ACT_PAGE_DOWN:
		page_by(w, act->act == WIZ_ACT_PAGE_DOWN ? 1 : -1);
		return WIZ_REDRAW;
	case WIZ_ACT_CLEAR:
		*len = 0;
		w->error = WIZ_ERR_NONE;
		*sel = 0;
		find_cities(w);
		return WIZ_REDRAW;
	case WIZ_ACT_UP:
		if (n > 0)
			*sel = (*sel + n - 1) % n;
		w->touched[q->key] = true;
		return WIZ_REDRAW;
	case WIZ_ACT_DOWN:
		if (n > 0)
			*sel = (*sel + 1) % n;
		w->touched[q->key] = true;
		return WIZ_REDRAW;
	case WIZ_ACT_PICK:
		if (q->kind == WIZ_CHOICE)
			choose(w, act->item);
		else if (q->kind == WIZ_CITY)
			pick_city(w, act->item);
		return WIZ_REDRAW;
	case WIZ_ACT_ENTER:
		if (q->kind == WIZ_CHOICE) {
			choose(w, *sel);
		} else if (q->kind == WIZ_CITY) {
			/* a city is never chosen for the person: they typed, moved or chose before */
			pick_city(w,
			          *len > 0 || w->touched[q->key] || (w->a.set & (1u << q->key)) ? *sel : -1);
		} else if (*len == 0 && q->optional) {
			answer(w, NULL);
		} else {
			char buf[4 * WIZ_INPUT_MAX + 1];
			number_text(q, field, *len, buf, sizeof buf);
			answer(w, buf);
		}
		return WIZ_REDRAW;
	case WIZ_ACT_ERASE:
		if (*len == 0) {
			step(w, -1);
		} else {
			(*len)--;
			w->error = WIZ_ERR_NONE;
			*sel = 0;
			find_cities(w);
		}
		return WIZ_REDRAW;
	case WIZ_ACT_CHAR:
		if (q->kind == WIZ_CHOICE) {
			if (c >= '1' && c <= '9')
				choose(w, (int)(c - '1'));
			else if (c == '-')
				step(w, -1);
			else
				w->error = WIZ_ERR_CHAR;
			return WIZ_REDRAW;
		}
		if (c == '.') {
			dot(w, q, field, len);
			return WIZ_REDRAW;
		}
		if (q->kind == WIZ_CITY && (c == '+' || (c == '-' && *sel >= WIZ_PAGE))) {
			page_by(w, c == '+' ? 1 : -1);
			return WIZ_REDRAW;
		}
		if (c == '-' && *len == 0 && q->kind == WIZ_CITY) {
			step(w, -1); /* a keypad in numeric mode: '-' is back */
			return WIZ_REDRAW;
		}
		if (q->kind == WIZ_CITY && w->digit_picks && c >= '1' && c <= '9' && n > 0 &&
		    !has_digit(field, *len)) {
			/* perhaps the number of an entry: wait for the next key */
			if (field_add(w, field, len, c))
				w->digit_pending = true;
			return WIZ_REDRAW;
		}
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			return WIZ_IDLE;
		/* in a number field anything but a digit is said at once, and
		 * kept, so that Enter gets the range message: 1e3 is never 13,
		 * 0x10 never 10, +5 never 5 (a '-' is text: "-5" gets "must be
		 * from 0") */
		if (q->kind != WIZ_CITY && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
			field_add(w, field, len, c);
			w->error = WIZ_ERR_CHAR;
			return WIZ_REDRAW;
		}
		if (field_add(w, field, len, c)) {
			w->error = WIZ_ERR_NONE;
			*sel = 0; /* a new search starts at its first entry */
			find_cities(w);
		}
		return WIZ_REDRAW;
	default:
		return WIZ_IDLE;
	}
}

/* Whether a pasted code point may go into a field as it is. */
static bool
pastable(uint32_t c)
{
	return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0x202A && c <= 0x202E) &&
	       !(c >= 0x2066 && c <= 0x2069);
}

enum wizard_result
wizard_paste(struct wizard *w, const uint32_t *cp, int n)
{
	uint32_t *field = NULL;
	int *len = NULL, dropped = 0;
	bool digits_only = false;
	const struct wizard_question *q = wizard_question(w);
	if (w->screen == WIZ_SCREEN_QUESTION && q != NULL && q->kind != WIZ_CHOICE) {
		field = w->input[q->key];
		len = &w->input_len[q->key];
	} else if (w->screen == WIZ_SCREEN_COMPARE && w->editing != WIZ_EDIT_NONE) {
		field = w->edit;
		len = &w->edit_len;
		digits_only = true;
	} else if (w->screen == WIZ_SCREEN_QUIT && w->kiosk) {
		field = w->edit;
		len = &w->edit_len;
	}
	bool bad_char = false;
	for (int i = 0; i < n; i++) {
		uint32_t c = text_halfwidth(cp[i]);
		if (field == NULL || !pastable(c) || *len >= WIZ_INPUT_MAX - 1 ||
		    (digits_only && !(c >= '0' && c <= '9'))) {
			dropped++;
			continue;
		}
		field[(*len)++] = c;
		if (q != NULL && w->screen == WIZ_SCREEN_QUESTION && q->kind != WIZ_CITY &&
		    !(c >= '0' && c <= '9') && c != '.' && c != '-')
			bad_char = true;
	}
	w->paste_dropped = dropped;
	w->error = dropped > 0 ? WIZ_ERR_PASTE : bad_char ? WIZ_ERR_CHAR : WIZ_ERR_NONE;
	w->erase_stop = false; /* text came in: a Backspace erases it again */
	if (field != NULL && w->screen == WIZ_SCREEN_QUESTION)
		find_cities(w);
	return WIZ_REDRAW;
}

/* From the comparison back to the last question shown. */
static void
back_from_compare(struct wizard *w)
{
	w->q = wizard_nquestions;
	/* the tiers chosen were the options' of these answers */
	memset(w->params.tier, 0, sizeof w->params.tier);
	step(w, -1);
}

static void
start_edit(struct wizard *w, int what)
{
	w->editing = what;
	w->edit_len = 0;
	w->error = WIZ_ERR_NONE;
}

static enum wizard_result
edit_act(struct wizard *w, const struct wizard_action *act)
{
	uint32_t c = text_halfwidth(act->ch);
	switch (act->act) {
	case WIZ_ACT_BACK:
		w->editing = WIZ_EDIT_NONE;
		w->error = WIZ_ERR_NONE;
		return WIZ_REDRAW;
	case WIZ_ACT_ERASE:
		if (w->edit_len > 0)
			w->edit_len--;
		else
			w->editing = WIZ_EDIT_NONE;
		return WIZ_REDRAW;
	case WIZ_ACT_CLEAR:
		w->edit_len = 0;
		w->error = WIZ_ERR_NONE;
		return WIZ_REDRAW;
	case WIZ_ACT_CHAR:
		if (c == '.') {
			if (w->edit_len > 0) /* a keypad's erase */
				w->edit_len--;
			w->error = WIZ_ERR_NONE;
		} else if (c >= '0' && c <= '9') {
			field_add(w, w->edit, &w->edit_len, c);
		} else if (c == '-' && w->edit_len == 0) {
			w->editing = WIZ_EDIT_NONE;
		} else {
			w->error = WIZ_ERR_CHAR;
		}
		return WIZ_REDRAW;
	case WIZ_ACT_ENTER: {
		char buf[4 * WIZ_INPUT_MAX + 1];
		to_utf8(w->edit, w->edit_len, buf, sizeof buf);
		struct answers t = w->a;
		/* both are yuan a month, checked against the income's range */
		if (answers_set_key(&t, ANSWERS_MONTHLY_INCOME, buf, strlen(buf), &w->err) != ANSWERS_OK) {
			w->error = WIZ_ERR_ANSWER;
			return WIZ_REDRAW;
		}
		if (w->editing == WIZ_EDIT_INCOME) {
			w->a = t;
			/* the interview's field shows the new income too */
			memcpy(w->input[ANSWERS_MONTHLY_INCOME], w->edit, sizeof w->edit);
			w->input_len[ANSWERS_MONTHLY_INCOME] = w->edit_len;
		} else {
			w->params.base_mode = ADVICE_BASE_AMOUNT;
			w->params.base_amount = t.monthly_income * 100;
		}
		w->editing = WIZ_EDIT_NONE;
		compare(w);
		return WIZ_REDRAW;
	}
	default:
		return WIZ_IDLE;
	}
}

/* A line or a page up or down, within what the painter laid out. */
static void
scroll_by(struct wizard *w, enum wizard_act act)
{
	if (act == WIZ_ACT_HOME || act == WIZ_ACT_END) {
		w->scroll = act == WIZ_ACT_HOME ? 0 : w->scroll_max;
		return;
	}
	int step = act == WIZ_ACT_UP || act == WIZ_ACT_DOWN ? 1 : 10;
	int to = w->scroll + (act == WIZ_ACT_UP || act == WIZ_ACT_PAGE_UP ? -step : step);
	w->scroll = to < 0 ? 0 : to > w->scroll_max ? w->scroll_max : to;
}

static enum wizard_result
compare_act(struct wizard *w, const struct wizard_action *act)
{
	if (w->editing != WIZ_EDIT_NONE)
		return edit_act(w, act);
	uint32_t c = text_halfwidth(act->ch);
	switch (act->act) {
	case WIZ_ACT_UP:
	case WIZ_ACT_DOWN:
	case WIZ_ACT_PAGE_UP:
	case WIZ_ACT_PAGE_DOWN:
	case WIZ_ACT_HOME:
	case WIZ_ACT_END:
		scroll_by(w, act->act);
		return WIZ_REDRAW;
	case WIZ_ACT_NEXT:
		w->option = (w->option + 1) % w->adv.noptions;
		return WIZ_REDRAW;
	case WIZ_ACT_PICK:
		if (act->item < 0 || act->item >= w->adv.noptions)
			return WIZ_IDLE;
		/* a click opens the option */
		w->option = act->item;
		/* fall through */
	case WIZ_ACT_ENTER:
		w->detail = w->option;
		w->screen = WIZ_SCREEN_DETAIL;
		w->scroll = 0;
		return WIZ_REDRAW;
	case WIZ_ACT_BACK:
	case WIZ_ACT_ERASE:
		back_from_compare(w);
		return WIZ_REDRAW;
	case WIZ_ACT_BASE:
		if (w->params.base_mode == ADVICE_BASE_INCOME) {
			w->params.base_mode = ADVICE_BASE_LOWEST;
			compare(w);
		} else if (w->params.base_mode == ADVICE_BASE_LOWEST) {
			start_edit(w, WIZ_EDIT_BASE);
		} else {
			w->params.base_mode = ADVICE_BASE_INCOME;
			compare(w);
		}
		return WIZ_REDRAW;
	case WIZ_ACT_INCOME:
		start_edit(w, WIZ_EDIT_INCOME);
		return WIZ_REDRAW;
	case WIZ_ACT_TIER: {
		/* the highlighted option's next tier, else the first option's that
		 * has tiers; after the last, the first again */
		int k = wizard_tier_option(w);
		if (k < 0)
			return WIZ_IDLE;
		const struct advice_option *o = &w->adv.options[k];
		w->params.tier[k] = (o->tier_index + 1) % o->ntiers + 1;
		compare(w);
		return WIZ_REDRAW;
	}
	case WIZ_ACT_PRINT:
		return WIZ_PRINT;
	case WIZ_ACT_CHAR:
		if (c == '0')
			return WIZ_PRINT;
		if (c == WIZ_KEY_SCROLL_UP || c == WIZ_KEY_SCROLL_DOWN) {
			scroll_by(w, c == WIZ_KEY_SCROLL_UP ? WIZ_ACT_PAGE_UP : WIZ_ACT_PAGE_DOWN);
			return WIZ_REDRAW;
		}
		if (c >= '1' && c <= '9' && (int)(c - '1') < w->adv.noptions) {
			w->option = w->detail = (int)(c - '1');
			w->screen = WIZ_SCREEN_DETAIL;
			w->scroll = 0;
		} else if (c == '-') {
			back_from_compare(w);
		} else if (c == '+') {
			return compare_act(w, &(struct wizard_action){.act = WIZ_ACT_BASE});
		} else if (c == '.') {
			return compare_act(w, &(struct wizard_action){.act = WIZ_ACT_INCOME});
		} else if (c == '6') {
			return compare_act(w, &(struct wizard_action){.act = WIZ_ACT_TIER});
		}
		return WIZ_REDRAW;
	default:
		return WIZ_IDLE;
	}
}

int
wizard_tier_option(const struct wizard *w)
{
	if (w->option >= 0 && w->option < w->adv.noptions && w->adv.options[w->option].ntiers > 1)
		return w->option;
	for (int k = 0; k < w->adv.noptions; k++)
		if (w->adv.options[k].ntiers > 1)
			return k;
	return -1;
}

/* Scrolling screens (detail, help) share their keys. */
static enum wizard_result
scroll_act(struct wizard *w, const struct wizard_action *act, enum wizard_screen back)
{
	uint32_t c = text_halfwidth(act->ch);
	switch (act->act) {
	case WIZ_ACT_UP:
	case WIZ_ACT_DOWN:
	case WIZ_ACT_PAGE_UP:
	case WIZ_ACT_PAGE_DOWN:
	case WIZ_ACT_HOME:
	case WIZ_ACT_END:
		scroll_by(w, act->act);
		return WIZ_REDRAW;
	case WIZ_ACT_ENTER:
		/* Enter pages on, and at the end goes back */
		if (w->scroll >= w->scroll_max)
			goto back;
		scroll_by(w, WIZ_ACT_PAGE_DOWN);
		return WIZ_REDRAW;
	case WIZ_ACT_NEXT:
		if (w->screen == WIZ_SCREEN_HELP)
			w->topic = (w->topic + 1) % wizard_ntopics;
		else
			w->detail = (w->detail + 1) % w->adv.noptions;
		w->scroll = 0;
		return WIZ_REDRAW;
	case WIZ_ACT_CHAR:
		if (c == ' ' || c == WIZ_KEY_SCROLL_DOWN)
			return scroll_act(w, &(struct wizard_action){.act = WIZ_ACT_PAGE_DOWN}, back);
		if (c == WIZ_KEY_SCROLL_UP)
			return scroll_act(w, &(struct wizard_action){.act = WIZ_ACT_PAGE_UP}, back);
		if (w->screen == WIZ_SCREEN_DETAIL && c >= '1' && c <= '9' &&
		    (int)(c - '1') < w->adv.noptions) {
			w->detail = w->option = (int)(c - '1');
			w->scroll = 0;
			return WIZ_REDRAW;
		}
		if (c != '-') /* '-' is back */
			return WIZ_IDLE;
		goto back;
	case WIZ_ACT_ERASE:
	case WIZ_ACT_BACK:
	back:
		w->screen = back;
		w->scroll = 0;
		return WIZ_REDRAW;
	default:
		return WIZ_IDLE;
	}
}

static enum wizard_result
lang_act(struct wizard *w, const struct wizard_action *act)
{
	uint32_t c = text_halfwidth(act->ch);
	int pick = -1;
	switch (act->act) {
	case WIZ_ACT_UP:
	case WIZ_ACT_DOWN:
		w->lang_sel = 1 - w->lang_sel;
		return WIZ_REDRAW;
	case WIZ_ACT_PICK:
		pick = act->item;
		break;
	case WIZ_ACT_ENTER:
		pick = w->lang_sel;
		break;
	case WIZ_ACT_CHAR:
		if (c == '1' || c == '2')
			pick = (int)(c - '1');
		break;
	default:
		return WIZ_IDLE;
	}
	if (pick < 0 || pick > 1)
		return WIZ_IDLE;
	w->lang_sel = pick;
	if (!w->lang_locked)
		w->lang = pick == 0 ? MSG_ZH : MSG_EN;
	enter_question(w, 0);
	return WIZ_REDRAW;
}

static bool
staff_matches(const struct wizard *w)
{
	/* compare every character, whatever the first difference */
	unsigned diff = (unsigned)(w->edit_len ^ w->staff_len);
	for (int i = 0; i < WIZ_INPUT_MAX; i++)
		diff |= (i < w->edit_len ? w->edit[i] : 0) ^ w->staff[i];
	return diff == 0;
}

/* Kiosk: the highlighted item (start over, which wipes everything, or go
 * back) is taken with Enter on an empty field; whatever is typed is the
 * staff code, and only it ends the program. */
static enum wizard_result
kiosk_quit_act(struct wizard *w, const struct wizard_action *act)
{
	switch (act->act) {
	case WIZ_ACT_CHAR:
		field_add(w, w->edit, &w->edit_len, text_halfwidth(act->ch));
		w->error = WIZ_ERR_NONE;
		return WIZ_REDRAW;
	case WIZ_ACT_UP:
	case WIZ_ACT_DOWN:
		w->quit_sel = 1 - w->quit_sel;
		return WIZ_REDRAW;
	case WIZ_ACT_ERASE:
		if (w->edit_len > 0)
			w->edit[--w->edit_len] = 0;
		return WIZ_REDRAW;
	case WIZ_ACT_CLEAR:
		explicit_bzero(w->edit, sizeof w->edit);
		w->edit_len = 0;
		return WIZ_REDRAW;
	case WIZ_ACT_PICK:
	case WIZ_ACT_ENTER: {
		int pick = act->act == WIZ_ACT_PICK ? act->item : w->quit_sel;
		if (act->act == WIZ_ACT_ENTER && w->edit_len > 0) {
			if (staff_matches(w))
				return WIZ_EXIT;
			w->error = WIZ_ERR_STAFF;
			explicit_bzero(w->edit, sizeof w->edit);
			w->edit_len = 0;
			return WIZ_REDRAW;
		}
		if (pick == 0) {
			wizard_reset(w);
			return WIZ_REDRAW;
		}
	}
		/* fall through */
	case WIZ_ACT_BACK:
		explicit_bzero(w->edit, sizeof w->edit);
		w->edit_len = 0;
		w->error = WIZ_ERR_NONE;
		w->screen = w->quit_back;
		return WIZ_REDRAW;
	default:
		return WIZ_IDLE;
	}
}

static enum wizard_result
quit_act(struct wizard *w, const struct wizard_action *act)
{
	uint32_t c = text_halfwidth(act->ch);
	if (w->kiosk)
		return kiosk_quit_act(w, act);
	if (act->act == WIZ_ACT_ENTER || (act->act == WIZ_ACT_CHAR && (c == '1' || c == 'y' || c == 'Y')) ||
	    (act->act == WIZ_ACT_PICK && act->item == 0) || act->act == WIZ_ACT_QUIT)
		return WIZ_EXIT;
	if (act->act == WIZ_ACT_BACK || act->act == WIZ_ACT_ERASE ||
	    (act->act == WIZ_ACT_CHAR && (c == '2' || c == 'n' || c == 'N' || c == '-')) ||
	    (act->act == WIZ_ACT_PICK && act->item == 1)) {
		w->screen = w->quit_back;
		return WIZ_REDRAW;
	}
	return WIZ_IDLE;
}

static int
topic_for(const struct wizard *w)
{
	/* the first topics are the questions' keys, in answers_key order */
	if (w->screen == WIZ_SCREEN_QUESTION)
		return (int)wizard_questions[w->q].key - (int)ANSWERS_WORK_CITY;
	if (w->screen == WIZ_SCREEN_COMPARE || w->screen == WIZ_SCREEN_DETAIL)
		return TOPIC_COMPARISON;
	return 0;
}

static enum wizard_result act_on(struct wizard *w, const struct wizard_action *act);

/* A held Backspace repeats: once it has emptied the field or gone back a
 * screen, its repeats do nothing (it must never eat the answer before);
 * only a fresh press goes on. */
enum wizard_result
wizard_act(struct wizard *w, const struct wizard_action *act)
{
	if (act->act != WIZ_ACT_ERASE) {
		w->erase_stop = false;
		return act_on(w, act);
	}
	if (act->repeat && w->erase_stop)
		return WIZ_IDLE;
	enum wizard_screen screen = w->screen;
	int q = w->q;
	enum wizard_result r = act_on(w, act);
	const struct wizard_question *now = wizard_question(w);
	w->erase_stop = w->screen != screen || w->q != q || (now != NULL && w->input_len[now->key] == 0) ||
	                (w->screen == WIZ_SCREEN_COMPARE && w->editing == WIZ_EDIT_NONE);
	return r;
}

static enum wizard_result
act_on(struct wizard *w, const struct wizard_action *act)
{
	if (w->digit_pending && (act->act == WIZ_ACT_HELP || act->act == WIZ_ACT_QUIT ||
	                         act->act == WIZ_ACT_BACK || w->screen != WIZ_SCREEN_QUESTION)) {
		w->digit_pending = false; /* the digit typed goes with it */
		if (w->screen == WIZ_SCREEN_QUESTION)
			w->input_len[wizard_questions[w->q].key]--;
	}
	switch (act->act) {
	case WIZ_ACT_LANG:
		if (w->lang_locked)
			return WIZ_IDLE;
		w->lang = w->lang == MSG_ZH ? MSG_EN : MSG_ZH;
		w->lang_sel = w->lang == MSG_ZH ? 0 : 1;
		return WIZ_REDRAW;
	case WIZ_ACT_QUIT:
		if (w->screen == WIZ_SCREEN_QUIT)
			return w->kiosk ? WIZ_IDLE : WIZ_EXIT; /* a kiosk ends only with the staff code */
		w->quit_back = w->screen;
		w->screen = WIZ_SCREEN_QUIT;
		w->quit_sel = 1; /* a kiosk's quit screen offers "go back" first */
		explicit_bzero(w->edit, sizeof w->edit);
		w->edit_len = 0;
		w->editing = WIZ_EDIT_NONE;
		return WIZ_REDRAW;
	case WIZ_ACT_HELP:
		if (w->screen == WIZ_SCREEN_HELP || w->screen == WIZ_SCREEN_QUIT ||
		    (w->screen == WIZ_SCREEN_COMPARE && w->editing != WIZ_EDIT_NONE))
			return WIZ_IDLE;
		w->topic = topic_for(w);
		w->back_to = w->screen;
		w->screen = WIZ_SCREEN_HELP;
		w->scroll = 0;
		return WIZ_REDRAW;
	default:
		break;
	}
	switch (w->screen) {
	case WIZ_SCREEN_LANG:
		return lang_act(w, act);
	case WIZ_SCREEN_QUESTION:
		if (act->act == WIZ_ACT_BACK && act->ch == '-' && wizard_questions[w->q].kind == WIZ_CITY &&
		    w->sel[wizard_questions[w->q].key] >= WIZ_PAGE) {
			page_by(w, -1); /* the keypad's '-' on a later page: the page before */
			return WIZ_REDRAW;
		}
		if (act->act == WIZ_ACT_BACK) {
			step(w, -1);
			return WIZ_REDRAW;
		}
		return question_act(w, act);
	case WIZ_SCREEN_COMPARE:
		return compare_act(w, act);
	case WIZ_SCREEN_DETAIL:
		return scroll_act(w, act, WIZ_SCREEN_COMPARE);
	case WIZ_SCREEN_HELP:
		return scroll_act(w, act, w->back_to);
	case WIZ_SCREEN_QUIT:
		return quit_act(w, act);
	case WIZ_SCREEN_COUNT:
		break;
	}
	return WIZ_IDLE;
}
