/* cmd_batch.c -- `yibao batch`: a caseload as CSV on standard input, one advice row per person */
#include <stddef.h>

#include "batch.h"
#include "cli.h"
#include "cmd.h"

static const char *const formats[] = {[BATCH_CSV] = "csv", [BATCH_JSONL] = "jsonl", NULL};

/* the JSON lines' schema: yibao.advice/2, or /1 for existing readers */
static const char *const schemas[] = {"2", "1", NULL};

static int run(const struct cmd_args *args);

static const struct cmd_option options[] = {
    {.name = "format", .type = CMD_OPTION_CHOICE, .choices = formats, .bad_key = "batch_err_format"},
    {.name = "input-encoding", .type = CMD_OPTION_STRING},
    {.name = "as-of", .type = CMD_OPTION_DATE},
    {.name = "policy-dir", .type = CMD_OPTION_STRING},
    {.name = "columns", .type = CMD_OPTION_STRING},
    {.name = "no-header", .type = CMD_OPTION_FLAG},
    {.name = "schema", .type = CMD_OPTION_CHOICE, .choices = schemas, .bad_key = "err_bad_schema"},
    CMD_WHATIF_OPTIONS,
    {.name = NULL},
};

const struct cmd_entry cmd_batch_entry = {
    .name = "batch",
    .usage_key = "batch_usage",
    .options = options,
    .run = run,
};

static int
run(const struct cmd_args *args)
{
	cli_raw_stdout(); /* CSV and JSON lines are UTF-8 data, not text for the terminal */
	struct date as_of;
	struct advice_params whatif;
	int rc = cmd_whatif(args, &whatif);
	if (rc != CMD_EXIT_OK)
		return rc;
	struct batch_options o = {
	    .params = &whatif,
	    .format = (enum batch_format)cmd_args_choice(args, "format", BATCH_CSV),
	    .input_encoding = cmd_args_string(args, "input-encoding"),
	    .as_of = cmd_args_date(args, "as-of", &as_of) ? &as_of : NULL,
	    .policy_dir = cmd_args_string(args, "policy-dir"),
	    .columns = cmd_args_string(args, "columns"),
	    .no_header = cmd_args_has(args, "no-header"),
	    .schema = cmd_args_choice(args, "schema", 0) == 1 ? 1 : 2,
	};
	return batch_run(&o);
}
