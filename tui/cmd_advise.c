/* cmd_advise.c -- `yibao advise`: one person's advice as a text report or JSON */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd.h"
#include "json.h"
#include "report.h"
#include "sanitize.h"

/* The report's width in columns. */
#define REPORT_WIDTH 80

enum { FORMAT_TEXT, FORMAT_JSON };
static const char *const formats[] = {[FORMAT_TEXT] = "text", [FORMAT_JSON] = "json", NULL};

/* the JSON schema: yibao.advice/2, or /1 for existing readers */
static const char *const schemas[] = {"2", "1", NULL};

static int run(const struct cmd_args *args);

static const struct cmd_option options[] = {
    {.name = "answers", .type = CMD_OPTION_STRING, .required = true},
    {.name = "format", .type = CMD_OPTION_CHOICE, .choices = formats, .bad_key = "err_bad_format"},
    {.name = "as-of", .type = CMD_OPTION_DATE},
    {.name = "policy-dir", .type = CMD_OPTION_STRING},
    {.name = "schema", .type = CMD_OPTION_CHOICE, .choices = schemas, .bad_key = "err_bad_schema"},
    CMD_WHATIF_OPTIONS,
    {.name = NULL},
};

const struct cmd_entry cmd_advise_entry = {
    .name = "advise",
    .usage_key = "usage_advise",
    .options = options,
    .run = run,
};

static int
run(const struct cmd_args *args)
{
	struct cmd_advice ca;
	int rc = cmd_advice_init(&ca, args);
	if (rc != CMD_EXIT_OK)
		goto out;
	if (cmd_args_choice(args, "format", FORMAT_TEXT) == FORMAT_JSON) {
		cli_raw_stdout(); /* JSON is UTF-8 whatever the locale */
		json_t *j = cmd_args_choice(args, "schema", 0) == 1 ? json_advice(&ca.advice, ca.ps)
		                                                    : json_advice2(&ca.advice, ca.ps, true);
		char *d = j ? json_advice_dump(j, 2) : NULL;
		char *s = d ? sanitize_json(d) : NULL;
		if (s == NULL || printf("%s\n", s) < 0)
			rc = CMD_EXIT_IO;
		free(s);
		free(d);
		json_decref(j);
	} else {
		report_text(stdout, &ca.advice, &ca.answers, ca.ps, REPORT_WIDTH);
	}
	if (!cli_flush_stdout())
		rc = CMD_EXIT_IO;
out:
	cmd_advice_fini(&ca);
	return rc;
}
