/* json.h -- the advice as JSON, the yibao.advice/1 contract of DESIGN.md */
#ifndef YIBAO_JSON_H
#define YIBAO_JSON_H

#include <jansson.h>

#include <stdbool.h>

#include "advice.h"

/* A new JSON object for adv (caller json_decref's it), or NULL when out of
 * memory. Names of regions come from ps. */
json_t *json_advice(const struct advice *adv, const struct policy_set *ps);

/* The yibao.advice/2 object: a summary first, cells with their marks, next
 * steps, and every document once in "sources", which items refer to by
 * index ("src"). provenance adds where each document was read (read_at);
 * a JSON-lines row leaves it out to stay small. */
json_t *json_advice2(const struct advice *adv, const struct policy_set *ps, bool provenance);

/* Serialise with the project's number format (money with two decimals at
 * most). Returns a malloc'ed string, or NULL. */
char *json_advice_dump(const json_t *j, int indent);

#endif
