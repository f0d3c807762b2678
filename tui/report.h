/* report.h -- the advice as a readable text report in the catalog's language */
#ifndef YIBAO_REPORT_H
#define YIBAO_REPORT_H

#include <stdio.h>

#include "advice.h"

/* Write the report of adv for the person of a to out, in the language of the
 * open catalog (msg_open), lines of at most width columns (wcwidth-aware,
 * ICU line breaking). Every blocker, caveat and reason with its source; unverified and unknown data marked. */
void report_text(FILE *out, const struct advice *adv, const struct answers *a, const struct policy_set *ps,
		 int width);

#endif
