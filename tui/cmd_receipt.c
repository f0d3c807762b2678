/* cmd_receipt.c -- `yibao receipt`: the advice for a receipt printer, on standard output or in a file */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "msg.h"
#include "receipt.h"

static int run(const struct cmd_args *args);

static const struct cmd_option options[] = {
    {.name = "answers", .type = CMD_OPTION_STRING, .required = true},
    {.name = "width",
     .type = CMD_OPTION_INT,
     .min = RECEIPT_WIDTH_MIN,
     .max = RECEIPT_WIDTH_MAX,
     .only = receipt_widths,
     .bad_key = "rcpt_err_bad_width"},
    {.name = "encoding", .type = CMD_OPTION_STRING},
    {.name = "escpos", .type = CMD_OPTION_FLAG},
    {.name = "output", .letter = 'o', .type = CMD_OPTION_STRING},
    {.name = "force", .type = CMD_OPTION_FLAG},
    {.name = "as-of", .type = CMD_OPTION_DATE},
    {.name = "policy-dir", .type = CMD_OPTION_STRING},
    CMD_WHATIF_OPTIONS,
    {.name = NULL},
};

const struct cmd_entry cmd_receipt_entry = {
    .name = "receipt",
    .usage_key = "rcpt_usage",
    .hint_key = "rcpt_usage_hint",
    .options = options,
    .run = run,
};

static bool
has_non_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Writes the receipt to --output (receipt_write) or standard output; says
 * on standard error how many characters the encoding could not hold. */
static int
run(const struct cmd_args *args)
{
	cli_raw_stdout(); /* the receipt's bytes are in the encoding asked for */
	const char *encoding = cmd_args_string(args, "encoding");
	const char *output = cmd_args_string(args, "output");
	bool escpos = cmd_args_has(args, "escpos");
	int width = (int)cmd_args_int(args, "width", RECEIPT_WIDTH_58MM);
	char *bytes = NULL;
	size_t nbytes = 0, replaced = 0;
	struct cmd_advice ca;

	const char *charset = receipt_charset(encoding != NULL ? encoding : "utf-8");
	if (charset == NULL)
		return cmd_usage_error(&cmd_receipt_entry, "rcpt_err_bad_encoding", encoding);
	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	int rc = cmd_advice_init(&ca, args);
	if (rc != CMD_EXIT_OK)
		goto out;
	int r =
	    receipt_bytes(&ca.advice, &ca.answers, ca.ps, width, charset, escpos, &bytes, &nbytes, &replaced);
	if (r != RECEIPT_OK) {
		int why = r == RECEIPT_ERR_NOMEM ? ENOMEM : errno;
		struct msg_arg e[2] = {MSG_S(charset), MSG_S(strerror(why))};
		if (r == RECEIPT_ERR_CHARSET)
			cli_say(stderr, "rcpt_err_charset", e, 2);
		else
			cli_say(stderr, "rcpt_err_make", &e[1], 1);
		rc = CMD_EXIT_IO;
		goto out;
	}
	if (replaced > 0) {
		struct msg_arg e[2] = {MSG_I((int64_t)replaced), MSG_S(charset)};
		cli_say(stderr, "rcpt_warn_replaced", e, 2);
	}
	if (escpos && strcmp(charset, "UTF-8") == 0 && has_non_ascii(bytes, nbytes))
		cli_say(stderr, "rcpt_warn_escpos_utf8", NULL, 0);
	if (output != NULL) {
		r = receipt_write(output, cmd_args_has(args, "force"), bytes, nbytes);
		char why[256];
		struct msg_arg e[2] = {MSG_S(output), MSG_S(cli_strerror(errno, why, sizeof why))};
		if (r == RECEIPT_ERR_EXISTS)
			cli_say(stderr, "rcpt_err_exists", e, 1);
		else if (r != RECEIPT_OK)
			cli_say(stderr, "rcpt_err_write", e, 2);
		if (r != RECEIPT_OK)
			rc = CMD_EXIT_IO;
	} else if (fwrite(bytes, 1, nbytes, stdout) != nbytes || fflush(stdout) != 0) {
		struct msg_arg e[2] = {MSG_S("-"), MSG_S(strerror(errno))};
		cli_say(stderr, "rcpt_err_write", e, 2);
		rc = CMD_EXIT_IO;
	}
out:
	free(bytes);
	cmd_advice_fini(&ca);
	return rc;
}
