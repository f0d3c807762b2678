/* region_table_find.c -- lookups in the generated region table by code */
#include "region_table.h"

const struct region_row *
region_table_find(int code)
{
	size_t lo = 0, hi = region_table_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (region_table[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < region_table_count && region_table[lo].code == code ? &region_table[lo] : NULL;
}

/* The alias of code among the aliases of row, or NULL. */
static const struct region_alias *
alias_in(const struct region_row *row, int code)
{
	if (row == NULL)
		return NULL;
	size_t lo = row->alias_first, hi = (size_t)row->alias_first + row->alias_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (region_aliases[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < (size_t)row->alias_first + row->alias_count && region_aliases[lo].code == code
	           ? &region_aliases[lo]
	           : NULL;
}

const struct region_alias *
region_table_alias(int code)
{
	if (code <= 0 || code % 100 == 0)
		return NULL;
	/* a county of a prefecture (411625 under 411600), else one the province
	 * row holds: a municipality's district (110105) or a county-level unit
	 * directly under the province (429004) */
	const struct region_alias *a = alias_in(region_table_find(code / 100 * 100), code);
	if (a == NULL && code / 100 * 100 != code / 10000 * 10000)
		a = alias_in(region_table_find(code / 10000 * 10000), code);
	return a;
}
