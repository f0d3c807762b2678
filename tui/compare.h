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

/* The cumulative cost of each option from the as-of year until ten years
 * after the statutory retirement age, height rows of bars (block characters,
 * or ASCII when ascii), a legend, and a note for options whose cost is
 * unknown. Appends to out. */
void compare_chart(struct lines *out, const struct advice *adv, const struct answers *a, int width, int height,
		   bool ascii);

#endif
