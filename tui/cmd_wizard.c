/* cmd_wizard.c -- `yibao [wizard]`: the interview, full screen or in plain mode */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "msg.h"
#include "plain.h"
#include "policydir.h"
#include "receipt.h"
#include "ui.h"

/* The longest staff code a kiosk takes. */
#define STAFF_CODE_MAX 24

static int run(const struct cmd_args *args);

static const struct cmd_option options[] = {
    {.name = "as-of", .type = CMD_OPTION_DATE},
    {.name = "policy-dir", .type = CMD_OPTION_STRING},
    {.name = "kiosk", .type = CMD_OPTION_FLAG},
    {.name = "staff-key", .type = CMD_OPTION_STRING},
    {.name = "idle", .type = CMD_OPTION_INT, .min = 10, .max = 86400, .bad_key = "err_bad_idle"},
    {.name = "print-cmd", .type = CMD_OPTION_STRING},
    {.name = "print-width",
     .type = CMD_OPTION_INT,
     .min = RECEIPT_WIDTH_MIN,
     .max = RECEIPT_WIDTH_MAX,
     .only = receipt_widths,
     .bad_key = "err_bad_width"},
    {.name = "print-encoding", .type = CMD_OPTION_STRING},
    {.name = "print-escpos", .type = CMD_OPTION_FLAG},
    {.name = NULL},
};

const struct cmd_entry cmd_wizard_entry = {
    .name = "wizard",
    .usage_key = "usage_wizard",
    .options = options,
    .run = run,
};

/* Full screen on a terminal that can address the cursor; else, or with
 * --plain, plain mode (numbered lines on standard input and output,
 * tui/plain.h). */
static int
run(const struct cmd_args *args)
{
	cli_raw_stdout(); /* the screen and plain mode convert on their own */
	const struct cmd_entry *e = &cmd_wizard_entry;
	struct ui_options uo = {
	    .kiosk = cmd_args_has(args, "kiosk"),
	    .staff_code = cmd_args_string(args, "staff-key"),
	    .idle_seconds = (int)cmd_args_int(args, "idle", 120),
	    .print_cmd = cmd_args_string(args, "print-cmd"),
	    .print_width = (int)cmd_args_int(args, "print-width", 0),
	    .print_encoding = cmd_args_string(args, "print-encoding"),
	    .print_escpos = cmd_args_has(args, "print-escpos"),
	};
	struct date as_of;
	if (!cmd_args_date(args, "as-of", &as_of))
		as_of = cli_today();
	if (uo.print_encoding != NULL && receipt_charset(uo.print_encoding) == NULL)
		return cmd_usage_error(e, "err_bad_encoding", uo.print_encoding);
	if (uo.kiosk &&
	    (uo.staff_code == NULL || uo.staff_code[0] == '\0' || strlen(uo.staff_code) > STAFF_CODE_MAX))
		return cmd_usage_error(e, "err_kiosk_staff", "--staff-key");
	bool plain = args->plain || !ui_can_address();
	if (plain && uo.kiosk)
		return cmd_usage_error(e, "plain_no_kiosk", "--kiosk");
	if (!plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		if (args->lang_given)
			return cmd_usage_error(e, "err_not_a_terminal", "wizard");
		/* the language is chosen on the wizard's first screen: not yet */
		struct msg_arg a = MSG_S("wizard");
		cli_say_both(stderr, "err_not_a_terminal", &a, 1);
		cli_say_both(stderr, "usage_hint", NULL, 0);
		return CMD_EXIT_USAGE;
	}
	int nerr;
	struct policy_set *ps = policydir_load(cmd_args_string(args, "policy-dir"), stderr, &nerr);
	if (ps == NULL)
		return CMD_EXIT_POLICY;
	int rc = plain ? plain_run(ps, as_of, msg_lang(), stdin, stdout) : ui_run(ps, as_of, msg_lang(), &uo);
	policy_set_free(ps);
	return rc;
}
