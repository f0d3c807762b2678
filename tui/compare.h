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

/* The note number of ref in notes (1-based), adding it when new; 0 when
 * ref is NULL or the list is full. */
int compare_note(struct compare_notes *notes, const struct policy_ref *ref);

/* The notes as lines: "[n] document (checked …)", and, when provenance is
 * set, where each was read on a line of its own. */
void compare_notes_emit(struct lines *out, const struct compare_notes *notes, int width, bool provenance);

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
