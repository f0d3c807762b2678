/* fuzz.h -- what the libFuzzer targets share: checks that survive NDEBUG, built-in files, advice checks */
#ifndef YIBAO_FUZZ_H
#define YIBAO_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "answers.h"
#include "policy.h"

/* A property that must hold whatever the input. Not assert(): a release
 * build defines NDEBUG, and a fuzz target must check in every build. The
 * abort is what libFuzzer reports as a crash, with the input that caused it. */
#define CHECK(cond)                                                                                          \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);             \
			abort();                                                                             \
		}                                                                                            \
	} while (0)

/* The policy files built into the program (policy_builtin.c, made by core/embed.py). */
struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file policy_builtin[];
extern const size_t policy_builtin_count;

static inline const struct embedded_file *
fuzz_builtin(const char *name)
{
	for (size_t i = 0; i < policy_builtin_count; i++)
		if (strcmp(policy_builtin[i].name, name) == 0)
			return &policy_builtin[i];
	fprintf(stderr, "fuzz: no built-in policy file %s\n", name);
	abort();
}

/* Add a built-in file that must load. */
static inline void
fuzz_add_builtin(struct policy_set *ps, const char *name)
{
	const struct embedded_file *f = fuzz_builtin(name);
	struct policy_error err;
	CHECK(policy_set_add(ps, f->name, (const char *)f->data, f->len, &err) == POLICY_OK);
}

/* True when a NUL byte sits on a line that is not a comment: such a line
 * cannot be read whole as a C string, so a reader that accepts it has read
 * only part of a key or value. */
static inline bool
fuzz_has_inner_nul(const uint8_t *data, size_t size)
{
	size_t i = 0;
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < size) {
		size_t j = i;
		while (j < size && (data[j] == ' ' || data[j] == '\t'))
			j++;
		bool comment = j < size && (data[j] == ';' || data[j] == '#');
		for (; j < size && data[j] != '\n'; j++)
			if (data[j] == '\0' && !comment)
				return true;
		i = j + 1;
	}
	return false;
}

/* A string field of an error record is NUL-terminated within its array. */
#define FUZZ_TERMINATED(arr) (memchr((arr), '\0', sizeof(arr)) != NULL)

static inline void
fuzz_check_ref(const struct policy_ref *r)
{
	CHECK(r != NULL);
	CHECK(r->file != NULL && r->file[0] != '\0');
	CHECK(r->source != NULL && r->source[0] != '\0'); /* "never empty" */
	CHECK((unsigned)r->kind < POLICY_KIND_COUNT);
	CHECK(r->line >= 1);
}

static inline void
fuzz_check_item(const struct advice_item *it)
{
	CHECK((unsigned)it->id < ADVICE_ID_COUNT);
	CHECK(advice_id_name(it->id) != NULL);
	fuzz_check_ref(it->ref); /* its source is what the user is shown */
}

static inline void
fuzz_check_cost(const struct advice_cost *c)
{
	CHECK(c->monthly == ADVICE_UNKNOWN || c->monthly >= 0);
	CHECK(c->annual == ADVICE_UNKNOWN || c->annual >= 0);
	CHECK(c->share_ppm == ADVICE_UNKNOWN || c->share_ppm >= 0);
	CHECK(c->pension_monthly == ADVICE_UNKNOWN || c->pension_monthly >= 0);
}

/* What advice.h promises about a built advice for answers a. */
static inline void
fuzz_check_advice(const struct advice *adv, const struct answers *a)
{
	CHECK(adv->noptions == (a->work_city != a->hukou_city ? 3 : 2));
	CHECK(adv->recommended >= -1 && adv->recommended < adv->noptions);
	CHECK(adv->nreasons >= 0 && adv->nreasons <= ADVICE_MAX_REASONS);
	for (int i = 0; i < adv->nreasons; i++)
		fuzz_check_item(&adv->reasons[i]);
	for (int i = 0; i < adv->noptions; i++) {
		const struct advice_option *o = &adv->options[i];
		CHECK(o->scheme == (i == 0 ? ADVICE_EMPLOYEE : ADVICE_RESIDENT));
		CHECK(o->region == (i < 2 ? a->work_city : a->hukou_city));
		CHECK(o->eligible >= -1 && o->eligible <= 1);
		CHECK(o->nblockers >= 0 && o->nblockers <= ADVICE_MAX_BLOCKERS);
		CHECK(o->ncaveats >= 0 && o->ncaveats <= ADVICE_MAX_CAVEATS);
		CHECK((o->eligible == 0) == (o->nblockers > 0)); /* "0 no (see blockers)" */
		for (int k = 0; k < o->nblockers; k++)
			fuzz_check_item(&o->blockers[k]);
		for (int k = 0; k < o->ncaveats; k++)
			fuzz_check_item(&o->caveats[k]);
		fuzz_check_cost(&o->low);
		fuzz_check_cost(&o->matched);
		CHECK(o->inpatient_bp == ADVICE_UNKNOWN ||
		      (o->inpatient_bp >= 0 && o->inpatient_bp <= 10000));
		CHECK(o->personal_account >= -1 && o->personal_account <= 1);
		CHECK(o->family_sharing >= -1 && o->family_sharing <= 1);
		CHECK(o->waiting_months >= -1);
		CHECK(o->retirement.years_required >= -1);
		CHECK(o->retirement.shortfall >= -1);
		CHECK(o->retirement.age_months == -1 ||
		      (o->retirement.month >= 1 && o->retirement.month <= 12));
	}
	if (adv->recommended >= 0)
		CHECK(adv->options[adv->recommended].eligible == 1);
}

#endif
