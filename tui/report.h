/* report.h -- the advice as a readable text report in the catalog's language */
#ifndef YIBAO_REPORT_H
#define YIBAO_REPORT_H

#include <stdio.h>

#include "advice.h"
#include "lines.h"

/* Write the report of adv for the person of a to out, in the language of the
 * open catalog (msg_open), lines of at most width columns (wcwidth-aware,
 * ICU line breaking): the answer first (the recommended option's cost, the
 * others in a line each, the next step), every option's detail, the
 * recommendation with its reasons, and the documents once each as numbered
 * notes. Unverified and unknown data marked. */
void report_text(FILE *out, const struct advice *adv, const struct answers *a, const struct policy_set *ps,
                 int width);

/* The same report as styled lines appended to out. */
void report_lines(struct lines *out, const struct advice *adv, const struct answers *a,
                  const struct policy_set *ps, int width);

#endif
