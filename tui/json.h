/* json.h -- the advice as JSON, the yibao.advice/1 contract of DESIGN.md */
#ifndef YIBAO_JSON_H
#define YIBAO_JSON_H

#include <jansson.h>

#include "advice.h"

/* A new JSON object for adv (caller json_decref's it), or NULL when out of
 * memory. Names of regions come from ps. */
json_t *json_advice(const struct advice *adv, const struct policy_set *ps);

/* Serialise with the project's number format (money with two decimals at
 * most). Returns a malloc'ed string, or NULL. */
char *json_advice_dump(const json_t *j, int indent);

#endif
