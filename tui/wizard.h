/* wizard.h -- the interview and comparison as a state machine: actions in, state out (no curses) */
#ifndef YIBAO_WIZARD_H
#define YIBAO_WIZARD_H

#include <stdbool.h>
#include <stdint.h>

#include "advice.h"
#include "citysearch.h"
#include "msg.h"

/* What a key means, whatever key it was (tui/keys.c maps keys to these). */
enum wizard_act {
	WIZ_ACT_NONE,
	WIZ_ACT_CHAR,  /* a printable character: act.ch */
	WIZ_ACT_ERASE, /* Backspace: erase, or back on an empty field */
	WIZ_ACT_ENTER,
	WIZ_ACT_BACK, /* Esc, Left, '-' on a keypad */
	WIZ_ACT_UP,
	WIZ_ACT_DOWN,
	WIZ_ACT_PAGE_UP,
	WIZ_ACT_PAGE_DOWN,
	WIZ_ACT_HELP,    /* F1, '?', '/' on a keypad */
	WIZ_ACT_LANG,    /* F2, '*' on a keypad */
	WIZ_ACT_QUIT,    /* F10, Ctrl-C */
	WIZ_ACT_PICK,    /* a click or touch on item act.item of the current list */
	WIZ_ACT_BASE,    /* comparison: next contribution-base mode (F3) */
	WIZ_ACT_INCOME,  /* comparison: edit the monthly income (F4) */
	WIZ_ACT_TIER,    /* comparison: the next tier (一档/二档) of an option that has them (F6, '6') */
	WIZ_ACT_NEXT,    /* Tab, Right: next option (comparison) or topic (help) */
	WIZ_ACT_PRINT,   /* comparison: print a receipt (F5, '0' on a keypad) */
	WIZ_ACT_HOME,    /* Home: the first entry, the top of a page */
	WIZ_ACT_END,     /* End: the last entry, the bottom of a page */
	WIZ_ACT_CLEAR,   /* Ctrl-U: empty the field */
	WIZ_ACT_TIMEOUT, /* no key came within wizard_wait_ms() of the last */
};

struct wizard_action {
	enum wizard_act act;
	uint32_t ch; /* WIZ_ACT_CHAR: a Unicode code point */
	int item;    /* WIZ_ACT_PICK */
	bool repeat; /* WIZ_ACT_ERASE: so soon after the last one that it may be a held key's repeat */
};

enum wizard_screen {
	WIZ_SCREEN_LANG, /* 中文 / English */
	WIZ_SCREEN_QUESTION,
	WIZ_SCREEN_COMPARE,
	WIZ_SCREEN_DETAIL, /* one option, all sources */
	WIZ_SCREEN_HELP,
	WIZ_SCREEN_QUIT, /* "quit? answers will be lost" */
	WIZ_SCREEN_COUNT
};

/* Kinds of question, each with its own input. */
enum wizard_kind { WIZ_CITY, WIZ_CHOICE, WIZ_NUMBER, WIZ_TENTHS, WIZ_MONTH };

#define WIZ_INPUT_MAX 32        /* code points in one field */
#define WIZ_MATCH_MAX 64        /* city matches kept (a province's rows fit) */
#define WIZ_PAGE 9              /* list entries on one page, numbered 1-9 */
#define WIZ_KEY_SCROLL_UP '8'   /* a keypad's keys for a page up and down on the */
#define WIZ_KEY_SCROLL_DOWN '5' /* comparison, detail and help (1-3 pick options) */
#define WIZ_DIGIT_MS 700        /* how long a lone digit on a list waits for a second one */
#define WIZ_CHOICE_MAX 5

/* One question: a row of the table in wizard.c. */
struct wizard_question {
	enum answers_key key;
	enum wizard_kind kind;
	const char *const *choices; /* WIZ_CHOICE: answer values, NULL-terminated; "" = not sure (unset) */
	bool optional;              /* an empty field means "not sure" */
	bool (*shown)(const struct answers *a); /* skip rule; NULL: always */
};

/* What the main loop should do after an action. */
enum wizard_result { WIZ_IDLE, WIZ_REDRAW, WIZ_EXIT, WIZ_PRINT /* the caller prints w->adv */ };

struct wizard {
	const struct policy_set *ps;
	struct date as_of;
	enum msg_lang lang;
	bool lang_locked; /* the terminal cannot draw Chinese */
	enum wizard_screen screen;
	enum wizard_screen back_to;   /* where help returns */
	enum wizard_screen quit_back; /* where the quit screen returns (help, too, may be under it) */
	int q;                        /* index of the current question */
	struct answers a;             /* every answer given, kept across back and skips */
	uint32_t input[ANSWERS_KEY_COUNT][WIZ_INPUT_MAX]; /* what was typed, per question */
	int input_len[ANSWERS_KEY_COUNT];
	int sel[ANSWERS_KEY_COUNT];      /* highlighted choice or match, per question */
	bool touched[ANSWERS_KEY_COUNT]; /* the highlight was moved by the user */
	/* the last bad input, formatted when drawn (so a language switch
	 * re-renders it): what kind, and the answers error record */
	enum wizard_error {
		WIZ_ERR_NONE,
		WIZ_ERR_ANSWER,
		WIZ_ERR_NO_MATCH,
		WIZ_ERR_CHAR,
		WIZ_ERR_FULL,
		WIZ_ERR_STAFF, /* kiosk: a wrong staff code */
		WIZ_ERR_PASTE, /* paste_dropped characters of a paste were not taken */
	} error;
	int paste_dropped;
	struct answers_error err;
	/* city picker */
	struct citysearch_hit
	    matches[WIZ_MATCH_MAX]; /* from the region table, not only regions with a file */
	int nmatches;
	/* comparison */
	struct advice adv;
	struct advice_params params;
	enum { WIZ_EDIT_NONE, WIZ_EDIT_INCOME, WIZ_EDIT_BASE } editing;
	uint32_t edit[WIZ_INPUT_MAX]; /* the what-if field */
	int edit_len;
	int option;     /* the highlighted option (column) */
	int scroll;     /* first line shown on scrolling screens */
	int scroll_max; /* set by the painter after layout */
	int detail;     /* option shown on the detail screen */
	int lang_sel;   /* the highlighted language on the first screen */
	/* help */
	int topic; /* index into wizard_topics */
	/* kiosk: quitting needs the staff code; "quit" otherwise starts over */
	bool kiosk;
	int quit_sel; /* the highlighted item of the kiosk's quit screen */
	uint32_t staff[WIZ_INPUT_MAX];
	int staff_len;
	/* a digit typed on a city list picks the entry with that number once
	 * WIZ_DIGIT_MS pass without another key (the painter sets digit_picks;
	 * plain mode reads whole lines and leaves it off) */
	bool digit_picks;
	bool digit_pending; /* the field's last character is such a digit */
	bool erase_stop;    /* the last Backspace emptied the field or went back */
};

/* Kiosk mode: the quit screen asks for the staff code (UTF-8; at most
 * WIZ_INPUT_MAX - 1 characters) and otherwise offers to start over. Returns
 * false when the code is empty or too long. */
bool wizard_set_kiosk(struct wizard *w, const char *staff_code);

/* Start an interview. lang: the language the locale suggests (highlighted
 * first on the language screen). The caller keeps ps alive. */
void wizard_init(struct wizard *w, const struct policy_set *ps, struct date as_of, enum msg_lang lang,
                 bool lang_locked);

/* Apply one action. Never fails: bad input sets w->error and keeps what was typed. */
enum wizard_result wizard_act(struct wizard *w, const struct wizard_action *act);

/* A paste (n code points): text for the field on screen, never keys. The
 * field takes what it can hold, as typed text (a number field takes any
 * printable character, and the parser's range message says what is wrong
 * with it); controls, line ends and a paste where no field is open are
 * dropped, and the error says how many. */
enum wizard_result wizard_paste(struct wizard *w, const uint32_t *cp, int n);

/* Forget every answer and return to the first screen (kiosk idle, finish);
 * the memory that held them is wiped, kiosk settings kept. */
void wizard_reset(struct wizard *w);

/* The table and its size; the current question (NULL when not on a question). */
extern const struct wizard_question wizard_questions[];
extern const int wizard_nquestions;
const struct wizard_question *wizard_question(const struct wizard *w);
/* Position of the current question among those shown (1-based) and their count. */
void wizard_progress(const struct wizard *w, int *step, int *total);
/* Items of the current list (choices or matches) and the highlighted one. */
int wizard_items(const struct wizard *w, int *sel);

/* The page of the current list: the index of its first entry, and how many
 * it shows (at most WIZ_PAGE); entry i of the page has the number i + 1. */
int wizard_page(const struct wizard *w, int *first);

/* Milliseconds the caller should wait for a key before it sends
 * WIZ_ACT_TIMEOUT (a lone digit waits to be a pick), or -1: no need. */
int wizard_wait_ms(const struct wizard *w);
/* The option F6 moves to its next tier: the highlighted one if it has
 * tiers, else the first that has; -1 when none has. */
int wizard_tier_option(const struct wizard *w);

/* Help topics: file stems under help/<lang>/ (question keys first). */
extern const char *const wizard_topics[];
extern const int wizard_ntopics;
/* The help topic (a stem of wizard_topics) that explains a next step, or
 * NULL for an id out of range; a static string, never to be freed. */
const char *wizard_step_topic(enum advice_step_id id);

/* The answers as given to the advice: those of skipped questions left out. */
void wizard_answers(const struct wizard *w, struct answers *out);

/* The typed field of the current question as UTF-8 (buf at least 4*WIZ_INPUT_MAX+1). */
void wizard_field_utf8(const struct wizard *w, char *buf, size_t cap);

#endif
