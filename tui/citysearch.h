/* citysearch.h -- find regions by 汉字, full pinyin, initials, English name or code */
#ifndef YIBAO_CITYSEARCH_H
#define YIBAO_CITYSEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "region_table.h"

/* A region found, and the county-level alias that led to it (郸城县 for
 * 周口), or via NULL when the row itself matched. Both point into the
 * static region table. */
struct citysearch_hit {
	const struct region_row *row;
	const struct region_alias *via;
};

/* Regions of the region table matching query (UTF-8, as typed: may be
 * empty, mixed case, full-width letters or digits from a Chinese input
 * method, with spaces), best match first, at most max of them into out.
 *
 * A row matches by its code (from the start: "41" lists Henan's rows,
 * "4116" 周口's), its short Chinese name (anywhere), its full Chinese
 * name, pinyin, initials or English name (from the start); an alias by its
 * code, short Chinese name (anywhere), full Chinese name, pinyin or
 * initials (from the start), and then stands for its row. Exact
 * matches come first, then prefixes, then substrings; within each,
 * prefecture-level rows and the four municipalities, then provinces, then
 * aliases; each in code order (aliases by their region's code, then
 * theirs). A row is given once, for its best match. An empty query lists
 * the province-level rows in code order. Returns the count. */
size_t citysearch(const char *query, struct citysearch_hit *out, size_t max);

/* The name of a hit as a list shows it, into buf (cap bytes, cut at a
 * character): in Chinese the row's short name (周口) or the alias and its
 * row (郸城县 → 周口市); in English the row's English name (Zhoukou) or the
 * alias's pinyin, capitalised, and the row's (Dancheng → Zhoukou), with
 * "->" for the arrow when ascii is set. Returns buf. */
const char *citysearch_label(const struct citysearch_hit *hit, bool english, bool ascii, char *buf,
                             size_t cap);

#endif
