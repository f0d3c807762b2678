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

/* What a batch's rows write again and again, kept escaped from one row to
 * the next: each source's string, and the places' own texts. For one
 * policy set (its keys are the set's pointers); caller-owned, emptied by
 * json_cache_init, freed by json_cache_fini. The rows are the same with it
 * as without. */
#define JSON_CACHE_SLOTS 1024
/* A slot holds all a probe reads, in one cache line or two. */
struct json_cache_text {
	const void *key;
	int tag;
	uint32_t off, len;
};
struct json_cache_ref {
	const void *key;
	const void *rep;
	int32_t on;
	int year;
	uint32_t gen; /* the row (gen) that last numbered it, and its number */
	int idx;
};

struct json_cache {
	struct json_cache_text text[JSON_CACHE_SLOTS];
	int used;
	char *arena;
	size_t n, cap;
	/* each reference met, on a date: the first of its source met, and the
	 * year of a last known figure (0: current) */
	struct json_cache_ref ref[JSON_CACHE_SLOTS];
	uint32_t gen;
	int rused;
	const void *reps[JSON_CACHE_SLOTS / 2];
	int nreps;
};
void json_cache_init(struct json_cache *c);
void json_cache_fini(struct json_cache *c);

/* Append the yibao.advice/2 object for adv to w: a summary first, cells with
 * their marks, next steps, and every source once in "sources", which items
 * refer to by index ("src"). id (id_len bytes, any bytes: it is escaped)
 * becomes an "id" member first when not NULL. Names of regions come from ps.
 * The caller checks w->failed. */
void json_advice2_write(struct jsonw *w, const struct advice *adv, const struct policy_set *ps,
                        enum json_form form, const char *id, size_t id_len);
/* The same for a batch row, with cache (may be NULL) across rows. */
void json_advice2_row(struct jsonw *w, const struct advice *adv, const struct policy_set *ps, const char *id,
                      size_t id_len, struct json_cache *cache);

/* The same object (JSON_FULL, or JSON_NO_PROVENANCE without provenance) as
 * a jansson value, read back from what json_advice2_write writes (one
 * producer of the schema); the caller json_decref's it. NULL when out of
 * memory. */
json_t *json_advice2(const struct advice *adv, const struct policy_set *ps, bool provenance);

/* Serialise with the project's number format (money with two decimals at
 * most). Returns a malloc'ed string, or NULL. */
char *json_advice_dump(const json_t *j, int indent);

#endif
