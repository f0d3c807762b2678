/* json.h -- the advice as JSON, the yibao.advice/1 contract of DESIGN.md */
#ifndef YIBAO_JSON_H
#define YIBAO_JSON_H

#include <jansson.h>

#include <stdbool.h>

#include "advice.h"

/* A new JSON object for adv (caller json_decref's it), or NULL when out of
 * memory. Names of regions come from ps. */
json_t *json_advice(const struct advice *adv, const struct policy_set *ps);

struct jsonw;

/* The two forms of a yibao.advice/2 text. */
enum json_form {
	JSON_FULL,          /* advise: each source with its documents' text, ids and read_at */
	JSON_NO_PROVENANCE, /* the same without read_at */
	JSON_ROW,           /* a batch row (yibao.advice/2-row, at most 3 kB): each source a
	                     * string of its documents' ids (the text is `yibao policy
	                     * documents`'), positional arrays, what follows from the rest
	                     * left out; README.md gives the rules */
};

/* Append the yibao.advice/2 object for adv to w: a summary first, cells with
 * their marks, next steps, and every source once in "sources", which items
 * refer to by index ("src"). id (id_len bytes, any bytes: it is escaped)
 * becomes an "id" member first when not NULL. Names of regions come from ps.
 * The caller checks w->failed. */
void json_advice2_write(struct jsonw *w, const struct advice *adv, const struct policy_set *ps,
                        enum json_form form, const char *id, size_t id_len);

/* The same object (JSON_FULL, or JSON_NO_PROVENANCE without provenance) as
 * a jansson value, read back from what json_advice2_write writes (one
 * producer of the schema); the caller json_decref's it. NULL when out of
 * memory. */
json_t *json_advice2(const struct advice *adv, const struct policy_set *ps, bool provenance);

/* Serialise with the project's number format (money with two decimals at
 * most). Returns a malloc'ed string, or NULL. */
char *json_advice_dump(const json_t *j, int indent);

#endif
