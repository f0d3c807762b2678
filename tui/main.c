/* main.c -- yibao: command line entry, subcommand dispatch */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "batch.h"
#include "cli.h"
#include "answers.h"
#include "json.h"
#include "msg.h"
#include "plain.h"
#include "policycmd.h"
#include "policydir.h"
#include "receipt.h"
#include "report.h"
#include "sanitize.h"
#include "ui.h"
#include <unistd.h>

/* Exit statuses (documented in README.md). */
enum { EXIT_ADVICE = 0, EXIT_USAGE = 2, EXIT_POLICY = 3, EXIT_IO = 4 };

static bool lang_given; /* --lang was on the command line */

static int
usage_error(const char *key, const char *arg)
{
	struct msg_arg a = MSG_S(arg ? arg : "");
	cli_say(stderr, key, &a, 1);
	cli_say(stderr, "usage_hint", NULL, 0);
	return EXIT_USAGE;
}

static int
cmd_advise(int argc, char **argv)
{
	static const struct option opts[] = {
		{"answers", required_argument, NULL, 'a'}, {"format", required_argument, NULL, 'f'},
		{"as-of", required_argument, NULL, 'd'},
		{"policy-dir", required_argument, NULL, 'p'}, {"help", no_argument, NULL, 'h'},
		{"schema", required_argument, NULL, 's'}, {NULL, 0, NULL, 0}};
	const char *answers_path = NULL, *format = "text", *policy_dir = NULL, *as_of_arg = NULL;
	int schema = 2;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'a': answers_path = optarg; break;
		case 'f': format = optarg; break;
		case 'd': as_of_arg = optarg; break;
		case 'p': policy_dir = optarg; break;
		case 's':
			if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0)
				return usage_error("err_bad_schema", optarg);
			schema = optarg[0] - '0';
			break;
		case 'h': cli_say(stdout, "usage_advise", NULL, 0); return EXIT_ADVICE;
		case ':': return usage_error("err_option_needs_value", argv[optind - 1]);
		default: return usage_error("err_unknown_option", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("err_unexpected_argument", argv[optind]);
	if (answers_path == NULL)
		return usage_error("err_option_required", "--answers");
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return usage_error("err_bad_format", format);
	struct date as_of;
	struct answers a;
	if (cli_load_answers(answers_path, as_of_arg, &a, &as_of) != 0)
		return EXIT_USAGE;

	int nerr;
	struct policy_set *ps = policydir_load(policy_dir, stderr, &nerr);
	if (ps == NULL)
		return EXIT_POLICY;
	struct advice adv;
	struct answers_error aerr;
	char buf[1024];
	enum answers_status st = advice_build(&adv, &a, ps, as_of, NULL, &aerr);
	if (st != ANSWERS_OK) {
		msg_answers_error(buf, sizeof buf, answers_path, &aerr);
		fprintf(stderr, "%s\n", buf);
		policy_set_free(ps);
		return EXIT_USAGE;
	}
	int rc = EXIT_ADVICE;
	if (strcmp(format, "json") == 0) {
		json_t *j = schema == 1 ? json_advice(&adv, ps) : json_advice2(&adv, &a, ps, true);
		char *d = j ? json_advice_dump(j, 2) : NULL;
		char *s = d ? sanitize_json(d) : NULL;
		if (s == NULL || printf("%s\n", s) < 0)
			rc = EXIT_IO;
		free(s);
		free(d);
		json_decref(j);
	} else {
		report_text(stdout, &adv, &a, ps, 80);
	}
	if (fflush(stdout) != 0)
		rc = EXIT_IO;
	policy_set_free(ps);
	return rc;
}

/* The interview: `yibao` alone, or `yibao wizard`. Full screen on a
 * terminal that can address the cursor; else, or with --plain, plain mode
 * (numbered lines on standard input and output, tui/plain.h). */
static int
cmd_wizard(int argc, char **argv, bool plain)
{
	static const struct option opts[] = {{"as-of", required_argument, NULL, 'd'},
					     {"policy-dir", required_argument, NULL, 'p'},
					     {"kiosk", no_argument, NULL, 'k'},
					     {"staff-key", required_argument, NULL, 's'},
					     {"idle", required_argument, NULL, 'i'},
					     {"print-cmd", required_argument, NULL, 'P'},
					     {"print-width", required_argument, NULL, 'W'},
					     {"print-encoding", required_argument, NULL, 'E'},
					     {"print-escpos", no_argument, NULL, 'X'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	const char *policy_dir = NULL;
	struct ui_options uo = {.idle_seconds = 120};
	struct date as_of = cli_today();
	char *end;
	long v;
	int c;
	opterr = 0;
	optind = 1;
	while (argc > 1 && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (!date_parse(optarg, strlen(optarg), &as_of))
				return usage_error("err_bad_date", optarg);
			break;
		case 'p': policy_dir = optarg; break;
		case 'k': uo.kiosk = true; break;
		case 's': uo.staff_code = optarg; break;
		case 'i':
			errno = 0;
			v = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg || v < 10 || v > 86400)
				return usage_error("err_bad_idle", optarg);
			uo.idle_seconds = (int)v;
			break;
		case 'P': uo.print_cmd = optarg; break;
		case 'W':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || !receipt_width_is_valid((int)v))
				return usage_error("err_bad_width", optarg);
			uo.print_width = (int)v;
			break;
		case 'E':
			if (receipt_charset(optarg) == NULL)
				return usage_error("err_bad_encoding", optarg);
			uo.print_encoding = optarg;
			break;
		case 'X': uo.print_escpos = true; break;
		case 'h': cli_say(stdout, "usage", NULL, 0); return EXIT_ADVICE;
		case ':': return usage_error("err_option_needs_value", argv[optind - 1]);
		default: return usage_error("err_unknown_option", argv[optind - 1]);
		}
	}
	if (argc > 1 && optind < argc)
		return usage_error("err_unexpected_argument", argv[optind]);
	if (uo.kiosk && (uo.staff_code == NULL || uo.staff_code[0] == '\0' || strlen(uo.staff_code) > 24))
		return usage_error("err_kiosk_staff", "--staff-key");
	plain = plain || !ui_can_address();
	if (plain && uo.kiosk)
		return usage_error("plain_no_kiosk", "--kiosk");
	if (!plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		if (lang_given)
			return usage_error("err_not_a_terminal", "wizard");
		/* the language is chosen on the wizard's first screen: not yet */
		struct msg_arg a = MSG_S("wizard");
		cli_say_both(stderr, "err_not_a_terminal", &a, 1);
		cli_say_both(stderr, "usage_hint", NULL, 0);
		return EXIT_USAGE;
	}
	int nerr;
	struct policy_set *ps = policydir_load(policy_dir, stderr, &nerr);
	if (ps == NULL)
		return EXIT_POLICY;
	int rc = plain ? plain_run(ps, as_of, msg_lang(), stdin, stdout) : ui_run(ps, as_of, msg_lang(), &uo);
	policy_set_free(ps);
	return rc;
}

/* --lang may come anywhere: it chooses the catalog before anything is said,
 * and is taken out of argv so that subcommands never see it. */
static enum msg_lang
pick_lang(int *argc, char **argv, bool *bad, const char **badval)
{
	enum msg_lang lang = msg_lang_from_env();
	int out = 1;
	*bad = false;
	for (int i = 1; i < *argc; i++) {
		const char *v = NULL;
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--lang") == 0) {
			v = i + 1 < *argc ? argv[++i] : "";
		} else if (strncmp(argv[i], "--lang=", 7) == 0) {
			v = argv[i] + 7;
		} else {
			argv[out++] = argv[i];
			continue;
		}
		lang_given = true;
		if (!msg_lang_parse(v, &lang)) {
			*bad = true;
			*badval = v;
		}
	}
	argv[out] = NULL;
	*argc = out;
	return lang;
}

/* --plain may come anywhere too (before "--"); it is taken out of argv. */
static bool
pick_plain(int *argc, char **argv)
{
	bool plain = false;
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--plain") == 0)
			plain = true;
		else
			argv[out++] = argv[i];
	}
	argv[out] = NULL;
	*argc = out;
	return plain;
}

int
main(int argc, char **argv)
{
	cli_protect();
	bool no_locale = setlocale(LC_ALL, "") == NULL;
	bool bad;
	const char *badval = NULL;
	enum msg_lang lang = pick_lang(&argc, argv, &bad, &badval);
	bool plain = pick_plain(&argc, argv);
	if (!msg_open(lang)) {
		fputs("yibao: the built-in message catalog is damaged\nyibao：程序内置的消息目录已损坏\n", stderr);
		return EXIT_POLICY;
	}
	if (no_locale) {
		/* the locale is named as the cause, in both languages: which
		 * one the person reads is not known yet */
		const char *v = getenv("LC_ALL");
		if (v == NULL || *v == '\0')
			v = getenv("LANG");
		struct msg_arg a = MSG_S(v != NULL ? v : "");
		cli_say_both(stderr, "err_locale_missing", &a, 1);
	}

	int rc;
	if (bad)
		rc = usage_error("err_bad_lang", badval);
	else if (argc < 2 && (plain || !ui_can_address() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))))
		rc = cmd_wizard(argc, argv, plain);
	else if (argc >= 2 && strcmp(argv[1], "wizard") == 0)
		rc = cmd_wizard(argc - 1, argv + 1, plain);
	else if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_say(argc < 2 ? stderr : stdout, "usage", NULL, 0);
		rc = argc < 2 ? EXIT_USAGE : EXIT_ADVICE;
	} else if (strcmp(argv[1], "--version") == 0) {
		printf("yibao %s\n", YIBAO_VERSION);
		rc = EXIT_ADVICE;
	} else if (strcmp(argv[1], "advise") == 0)
		rc = cmd_advise(argc - 1, argv + 1);
	else if (strcmp(argv[1], "batch") == 0)
		rc = batch_main(argc - 1, argv + 1);
	else if (strcmp(argv[1], "receipt") == 0)
		rc = receipt_main(argc - 1, argv + 1);
	else if (strcmp(argv[1], "policy") == 0)
		rc = policycmd_main(argc - 1, argv + 1);
	else
		rc = usage_error("err_unknown_command", argv[1]);
	msg_close();
	return rc;
}
