/* citysearch.h -- find regions by 汉字, full pinyin, initials, English name or code */
#ifndef YIBAO_CITYSEARCH_H
#define YIBAO_CITYSEARCH_H

#include <stddef.h>

#include "policy.h"

/* Regions of ps matching query (UTF-8, as typed: may be empty, mixed case,
 * full-width letters or digits from a Chinese input method, with spaces),
 * best match first, at most max of them into out. The national file is never
 * a match. An empty query lists every region in code order. Returns the
 * count. Borrowed pointers: valid while ps lives. */
size_t citysearch(const struct policy_set *ps, const char *query, const struct policy_region **out, size_t max);

#endif
