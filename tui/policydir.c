/* policydir.c -- the policy set from the built-in files and an override directory */
#include "policydir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static void
report(FILE *errs, const struct policy_error *err, int *nerr)
{
	char buf[512];
	msg_policy_error(buf, sizeof buf, err);
	fprintf(errs, "%s\n", buf);
	(*nerr)++;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
io_error(FILE *errs, const char *path, int *nerr)
{
	char buf[512], why[256];
	struct msg_arg args[2] = {MSG_S(path), MSG_S(cli_strerror(errno, why, sizeof why))};
	msg_format(buf, sizeof buf, "err_read_file", args, 2);
	fprintf(errs, "%s\n", buf);
	(*nerr)++;
}

struct policy_set *
policydir_load(const char *dir, FILE *errs, int *nerr)
{
	struct policy_error err;
	struct policy_set *ps = policy_set_new();
	*nerr = 0;
	if (ps == NULL) {
		errno = ENOMEM;
		io_error(errs, "policy", nerr);
		return NULL;
	}
	if (policy_set_add_builtin(ps, &err) != POLICY_OK)
		report(errs, &err, nerr);
	if (dir != NULL) {
		DIR *d = opendir(dir);
		if (d == NULL) {
			io_error(errs, dir, nerr);
		} else {
			char **names = NULL;
			size_t n = 0;
			struct dirent *de;
			while ((de = readdir(d)) != NULL) {
				size_t l = strlen(de->d_name);
				if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0 || de->d_name[0] == '.')
					continue;
				char **nn = realloc(names, (n + 1) * sizeof *nn);
				if (nn == NULL)
					break;
				names = nn;
				if ((names[n] = strdup(de->d_name)) != NULL)
					n++;
			}
			closedir(d);
			qsort(names, n, sizeof *names, cmp_names);
			for (size_t i = 0; i < n; i++) {
				size_t plen = strlen(dir) + strlen(names[i]) + 2, len = 0;
				char *path = malloc(plen);
				char *text = NULL;
				if (path != NULL) {
					snprintf(path, plen, "%s/%s", dir, names[i]);
					text = cli_read_file(path, (size_t)16 << 20,
					                     &len); /* a policy file is never this large */
				}
				if (text == NULL)
					io_error(errs, path ? path : names[i], nerr);
				else if (policy_set_add(ps, names[i], text, len, &err) != POLICY_OK)
					report(errs, &err, nerr);
				free(text);
				free(path);
				free(names[i]);
			}
			free(names);
		}
	}
	if (*nerr == 0 && policy_set_finish(ps, &err) != POLICY_OK)
		report(errs, &err, nerr);
	if (*nerr > 0) {
		policy_set_free(ps);
		return NULL;
	}
	return ps;
}
