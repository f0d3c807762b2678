/* policydir.h -- the policy set from the built-in files and an override directory */
#ifndef YIBAO_POLICYDIR_H
#define YIBAO_POLICYDIR_H

#include <stdio.h>

#include "policy.h"

/* Load the built-in files, then every *.ini of dir (when not NULL), in name
 * order, each replacing the built-in file of its region. Every error is
 * printed to errs as "file:line: what is wrong" in the catalog's language;
 * loading goes on with the next file. Returns a new set (free with
 * policy_set_free) when there was no error, else NULL; *nerr gets the count. */
struct policy_set *policydir_load(const char *dir, FILE *errs, int *nerr);

#endif
