/* compare.h -- the comparison screen's content: side-by-side table, caveats, recommendation,
 * details and the cumulative-cost chart, as styled lines (pure: no curses) */
#ifndef YIBAO_COMPARE_H
#define YIBAO_COMPARE_H

#include <stdbool.h>

#include "advice.h"
#include "lines.h"

/* The side-by-side comparison of adv, width display columns (80 or more),
 * in the open catalog's language: one column per option, the rows of the
 * comparison, then the caveats (short, marked), then the recommendation with
 * its reasons. ascii: use only ASCII for marks and rules (a terminal that
 * cannot draw Chinese or box characters; the caller then opens the English
 * catalog). Appends to out. */
void compare_table(struct lines *out, const struct advice *adv, const struct answers *a,
                   const struct policy_set *ps, int width, bool ascii);

/* Everything about option i: eligibility and blockers, costs, benefits,
 * waiting, retirement, every caveat and reason with its source and the date
 * it was checked; unverified or unknown data visibly marked. Appends to out. */
void compare_detail(struct lines *out, const struct advice *adv, int i, const struct answers *a,
                    const struct policy_set *ps, int width, bool ascii);

/* Sources as numbered notes: each document (a reference's citation, with
 * its checked date and label) once, in the order first cited. */
#define COMPARE_MAX_NOTES 96
struct compare_notes {
	const struct policy_ref *refs[COMPARE_MAX_NOTES];
	int n;
};

/* As compare_detail, citing into notes (the caller prints them with
 * compare_notes_emit), so that several details share one list. */
void compare_detail_noted(struct lines *out, const struct advice *adv, int i, const struct answers *a,
                          const struct policy_set *ps, int width, bool ascii, struct compare_notes *notes);

/* The two parts of compare_detail_noted, for a report that gives every
 * option's detail and the recommendation once: the detail without its
 * closing section, and the recommendation with its reasons. */
void compare_detail_body(struct lines *out, const struct advice *adv, int i, const struct answers *a,
                         const struct policy_set *ps, int width, bool ascii, struct compare_notes *notes);
void compare_recommendation_noted(struct lines *out, const struct advice *adv, const struct answers *a,
                                  const struct policy_set *ps, int width, bool ascii,
                                  struct compare_notes *notes);

/* The note number of ref in notes (1-based), adding it when new; 0 when
 * ref is NULL or the list is full. */
int compare_note(struct compare_notes *notes, const struct policy_ref *ref);

/* The notes as lines: "[n] document (checked …)", and, when provenance is
 * set, where each was read on a line of its own. ascii: for a terminal
 * that cannot draw Chinese, each document by the data citing it and its date, and
 * where it was read without the Chinese quotes (ps names the regions). */
void compare_notes_emit(struct lines *out, const struct compare_notes *notes, int width, bool provenance,
                        const struct policy_set *ps, bool ascii);

/* The answer first: the recommended option with its cost a month and a
 * year (medical and bundled pension, each named), one line per other
 * option (its cost, or what blocks it), and the next step. Appends to out. */
void compare_summary(struct lines *out, const struct advice *adv, const struct answers *a,
                     const struct policy_set *ps, int width, bool ascii);

/* The cumulative cost of each option from the as-of year until ten years
 * after the statutory retirement age, height rows of bars (block characters,
 * or ASCII when ascii), a legend, and a note for options whose cost is
 * unknown. Appends to out. */
void compare_chart(struct lines *out, const struct advice *adv, const struct answers *a, int width,
                   int height, bool ascii);

/* ---------------------------------------------------------------- model */

/* The comparison worked out once, as data: the rows of the table with a
 * cell per option (its value in the table's short words, a second line,
 * its marks), and the caveats grouped across options by id and values.
 * The table, the receipt and the JSON-facing tests format it; nothing
 * groups by comparing sentences. Texts are in the open catalog's
 * language. */
enum compare_row {
	COMPARE_ROW_JOIN,
	COMPARE_ROW_MONTHLY,
	COMPARE_ROW_YEARLY,
	COMPARE_ROW_SHARE,
	COMPARE_ROW_PENSION,
	COMPARE_ROW_INPATIENT,
	COMPARE_ROW_ACCOUNT,
	COMPARE_ROW_WAITING,
	COMPARE_ROW_RETIRE_AGE,
	COMPARE_ROW_RETIRE_YEARS,
	COMPARE_ROW_RETIRE_REQUIRED,
	COMPARE_ROW_COUNT
};
#define COMPARE_CELL_MAX 512
#define COMPARE_CAVEAT_MAX 384

struct compare_cell {
	char main[COMPARE_CELL_MAX];  /* the value */
	char extra[COMPARE_CELL_MAX]; /* a second line ("lowest ¥…"), or empty */
	bool unknown, national, unverified, province, derived;
	int year; /* a last known figure of this year, 0 when current */
};

/* One caveat as the table lists it: an item (for unknown_value, every
 * field the option lacks, in one line), the options it applies to. */
struct compare_caveat {
	const struct advice_item *item; /* the first option's */
	unsigned fields;                /* unknown_value: a mask of 1 << enum advice_field */
	unsigned options;               /* bit i: option i has it */
	bool unverified;                /* some option's source is not verified */
	char text[COMPARE_CAVEAT_MAX];  /* short form, without marks */
};

struct compare_model {
	const struct advice *adv;
	struct compare_cell cells[COMPARE_ROW_COUNT][ADVICE_MAX_OPTIONS];
	struct compare_caveat caveats[ADVICE_MAX_OPTIONS * ADVICE_MAX_CAVEATS];
	int ncaveats;
	/* the group of each option's caveat k, -1 for an unknown_value listed
	 * in its option's first one */
	int group[ADVICE_MAX_OPTIONS][ADVICE_MAX_CAVEATS];
};

/* Work the model out for adv (ascii: ASCII money and English names). */
void compare_model_build(struct compare_model *m, const struct advice *adv, const struct answers *a,
                         const struct policy_set *ps, bool ascii);
/* The message key of a row's label ("cmp_row_join", …). */
const char *compare_row_label(enum compare_row row);

/* How the value and item formatters below write: the table's short words
 * ("unknown", short field names) or the report's sentences' words; ASCII
 * money and English region names for a terminal that cannot draw Chinese;
 * ps (may be NULL) names regions. The receipt writes like the table. */
struct compare_style {
	bool short_form;
	bool ascii;
	const struct policy_set *ps;
};

/* Numbers of the advice as text in the open catalog's language; an
 * unknown (ADVICE_UNKNOWN, or negative where a count cannot be) gives the
 * style's unknown word, never 0. */
void compare_money(char *buf, size_t cap, int64_t fen, const struct compare_style *st);
void compare_percent(char *buf, size_t cap, int64_t x, double per_one, const struct compare_style *st);
void compare_years_tenths(char *buf, size_t cap, int64_t tenths, const struct compare_style *st);
void compare_months(char *buf, size_t cap, int64_t months, const struct compare_style *st);
/* An option's waiting period in a word or two: none, N months, or "at most
 * N months" where it is the national bound (the city's rule unknown). */
void compare_waiting(char *buf, size_t cap, const struct advice_option *o, const struct compare_style *st);
/* The name of what an unknown_value caveat is about (enum advice_field). */
void compare_field(char *buf, size_t cap, int64_t field, const struct compare_style *st);
/* A region's name in the catalog's language, or its code; may return buf. */
const char *compare_region_name(const struct compare_style *st, int code, char *buf, size_t cap);

/* The message prefix+id of a blocker, caveat or reason with its numbers
 * ({0} {1} the values, {2} the region's name, {3} {4} whether each value is
 * known, {5} zero/min/max). */
void compare_item_text(char *buf, size_t cap, const char *prefix, const struct advice_item *it, int region,
                       const struct compare_style *st);

#endif
