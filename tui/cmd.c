/* cmd.c -- the command line: the table of subcommands, the option parser, the usage error, the advice
 * prologue */
#include "cmd.h"

#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"
#include "policydir.h"
#include "ui.h"

/* Every subcommand, in the order the usage lists them. The first is the
 * default: `yibao` alone on a terminal. */
/* in cmd_policy.c */
extern const struct cmd_entry cmd_policy_documents_entry;

static const struct cmd_entry *const cmd_table[] = {
    &cmd_wizard_entry,           &cmd_advise_entry,       &cmd_batch_entry,
    &cmd_receipt_entry,          &cmd_policy_check_entry, &cmd_policy_show_entry,
    &cmd_policy_documents_entry, &cmd_help_entry,
};
#define CMD_COUNT (sizeof cmd_table / sizeof cmd_table[0])

/* The largest answers file read: far above any real one. */
#define CMD_ANSWERS_MAX ((size_t)1 << 20)

int
cmd_usage_error(const struct cmd_entry *entry, const char *key, const char *arg)
{
	struct msg_arg a = MSG_S(arg != NULL ? arg : "");
	cli_say(stderr, key, &a, 1);
	cli_say(stderr, entry != NULL && entry->hint_key != NULL ? entry->hint_key : "usage_hint", NULL, 0);
	return CMD_EXIT_USAGE;
}

/* ---------------------------------------------------------------- arguments */

static int
option_index(const struct cmd_entry *e, const char *name)
{
	for (int i = 0; e->options != NULL && e->options[i].name != NULL; i++)
		if (strcmp(e->options[i].name, name) == 0)
			return i;
	assert(!"no such option in the subcommand's table");
	return -1;
}

bool
cmd_args_has(const struct cmd_args *args, const char *name)
{
	return args->values[option_index(args->entry, name)].set;
}

const char *
cmd_args_string(const struct cmd_args *args, const char *name)
{
	const struct cmd_value *v = &args->values[option_index(args->entry, name)];
	return v->set ? v->s : NULL;
}

long
cmd_args_int(const struct cmd_args *args, const char *name, long dflt)
{
	const struct cmd_value *v = &args->values[option_index(args->entry, name)];
	return v->set ? v->n : dflt;
}

int
cmd_args_choice(const struct cmd_args *args, const char *name, int dflt)
{
	const struct cmd_value *v = &args->values[option_index(args->entry, name)];
	return v->set ? v->choice : dflt;
}

bool
cmd_args_date(const struct cmd_args *args, const char *name, struct date *out)
{
	const struct cmd_value *v = &args->values[option_index(args->entry, name)];
	if (v->set)
		*out = v->d;
	return v->set;
}

/* ---------------------------------------------------------------- parser */

/* Decimal digits, one '-' allowed before them, nothing else (no spaces, no
 * '+', no 0x): the value fits a long or is refused, never cut to an int. */
static bool
parse_long(const char *s, long *out)
{
	const char *p = s + (*s == '-');
	char *end;
	if (*p == '\0' || strspn(p, "0123456789") != strlen(p))
		return false;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*out = v;
	return true;
}

/* The value s of option o, checked and stored in v. Returns 0, or the
 * usage error's status. */
static int
take_value(const struct cmd_entry *e, const struct cmd_option *o, const char *s, struct cmd_value *v)
{
	v->set = true;
	v->s = s;
	switch (o->type) {
	case CMD_OPTION_FLAG:
	case CMD_OPTION_STRING:
		return 0;
	case CMD_OPTION_CHOICE:
		for (int i = 0; o->choices[i] != NULL; i++)
			if (strcmp(s, o->choices[i]) == 0) {
				v->choice = i;
				return 0;
			}
		return cmd_usage_error(e, o->bad_key, s);
	case CMD_OPTION_INT: {
		bool ok = parse_long(s, &v->n) && v->n >= o->min && v->n <= o->max;
		if (ok && o->only != NULL) {
			ok = false;
			for (int i = 0; o->only[i] != 0; i++)
				ok = ok || v->n == o->only[i];
		}
		return ok ? 0 : cmd_usage_error(e, o->bad_key, s);
	}
	case CMD_OPTION_DATE:
		if (date_parse(s, strlen(s), &v->d))
			return 0;
		return cmd_usage_error(e, o->bad_key != NULL ? o->bad_key : "err_bad_date", s);
	}
	return 0;
}

/* argv[0] is the subcommand's last word, its options and arguments follow.
 * Fills args; returns -1 to run, else the exit status (a usage error, or
 * --help printed). */
static int
parse(const struct cmd_entry *e, int argc, char **argv, struct cmd_args *args)
{
	struct option longopts[CMD_OPTIONS_MAX + 2];
	char shortopts[2 * CMD_OPTIONS_MAX + 4] = ":h";
	size_t ns = 2;
	int n = 0, c;
	for (; e->options != NULL && e->options[n].name != NULL; n++) {
		const struct cmd_option *o = &e->options[n];
		assert(n < CMD_OPTIONS_MAX);
		longopts[n] = (struct option){
		    o->name, o->type == CMD_OPTION_FLAG ? no_argument : required_argument, NULL, 256 + n};
		if (o->letter != 0) {
			shortopts[ns++] = o->letter;
			if (o->type != CMD_OPTION_FLAG)
				shortopts[ns++] = ':';
		}
	}
	shortopts[ns] = '\0';
	longopts[n] = (struct option){"help", no_argument, NULL, 'h'};
	longopts[n + 1] = (struct option){NULL, 0, NULL, 0};

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		int i = c - 256;
		if (c == 'h') {
			cli_say(stdout, e->usage_key, NULL, 0);
			return cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
		}
		if (c == ':')
			return cmd_usage_error(e, "err_option_needs_value", argv[optind - 1]);
		for (int k = 0; i < 0 && k < n; k++)
			if (e->options[k].letter != 0 && e->options[k].letter == c)
				i = k;
		if (i < 0 || i >= n)
			return cmd_usage_error(e, "err_unknown_option", argv[optind - 1]);
		int rc = take_value(e, &e->options[i], optarg, &args->values[i]);
		if (rc != 0)
			return rc;
	}
	args->argc = argc - optind;
	args->argv = argv + optind;
	if (args->argc > e->args_max)
		return cmd_usage_error(e, "err_unexpected_argument", args->argv[e->args_max]);
	for (int i = 0; i < n; i++)
		if (e->options[i].required && !args->values[i].set) {
			char name[64];
			snprintf(name, sizeof name, "--%s", e->options[i].name);
			return cmd_usage_error(e, "err_option_required", name);
		}
	if (args->argc < e->args_min)
		return cmd_usage_error(e, e->args_missing_key, "");
	return -1;
}

/* ---------------------------------------------------------------- prologue */

int
cmd_whatif(const struct cmd_args *args, struct advice_params *p)
{
	memset(p, 0, sizeof *p);
	p->base_mode = ADVICE_BASE_INCOME;
	const char *b = cmd_args_string(args, "base");
	if (b != NULL) {
		size_t n = strlen(b);
		bool digits = n > 0 && n <= 8;
		for (size_t i = 0; i < n && digits; i++)
			digits = b[i] >= '0' && b[i] <= '9';
		long yuan = digits ? strtol(b, NULL, 10) : 0;
		if (strcmp(b, "income") == 0)
			p->base_mode = ADVICE_BASE_INCOME;
		else if (strcmp(b, "lowest") == 0)
			p->base_mode = ADVICE_BASE_LOWEST;
		else if (digits && yuan >= 1 && yuan <= CMD_BASE_MAX_YUAN) {
			p->base_mode = ADVICE_BASE_AMOUNT;
			p->base_amount = (int64_t)yuan * 100;
		} else
			return cmd_usage_error(args->entry, "err_bad_base", b);
	}
	/* the employee scheme is option 0, the resident scheme the others
	 * (work city, then hukou city) */
	p->tier[0] = (int)cmd_args_int(args, "employee-tier", 0);
	for (int i = 1; i < ADVICE_MAX_OPTIONS; i++)
		p->tier[i] = (int)cmd_args_int(args, "resident-tier", 0);
	return CMD_EXIT_OK;
}

int
cmd_advice_init(struct cmd_advice *ca, const struct cmd_args *args)
{
	struct answers_error err;
	char buf[1024];
	size_t len;
	memset(ca, 0, sizeof *ca);
	int rc = cmd_whatif(args, &ca->params);
	if (rc != CMD_EXIT_OK)
		return rc;
	ca->answers_path = cmd_args_string(args, "answers");
	bool dated = cmd_args_date(args, "as-of", &ca->as_of);
	if (!dated)
		ca->as_of = cli_today();
	char *text = cli_read_file(ca->answers_path, CMD_ANSWERS_MAX, &len);
	if (text == NULL) {
		char why[256];
		struct msg_arg a[2] = {MSG_S(ca->answers_path), MSG_S(cli_strerror(errno, why, sizeof why))};
		cli_say(stderr, "err_read_file", a, 2);
		return CMD_EXIT_USAGE;
	}
	/* a file from a GB18030 or GBK terminal's editor is read in its set;
	 * bytes that are text in neither are named by line */
	int64_t bad_line;
	if ((text = cli_text_utf8(text, &len, &bad_line)) == NULL) {
		const char *gb = cli_locale_gb();
		struct msg_arg a[4] = {MSG_S(ca->answers_path), MSG_I(bad_line), MSG_S(gb != NULL ? gb : ""),
		                       MSG_S(gb != NULL ? "yes" : "no")};
		cli_say(stderr, bad_line > 0 ? "err_answers_encoding" : "batch_err_nomem", a, 4);
		return CMD_EXIT_USAGE;
	}
	answers_init(&ca->answers);
	enum answers_status st = answers_parse(&ca->answers, text, len, &err);
	free(text);
	if (st != ANSWERS_OK) {
		msg_answers_error(buf, sizeof buf, ca->answers_path, &err);
		fprintf(stderr, "%s\n", buf);
		return CMD_EXIT_USAGE;
	}
	if (!dated && (ca->answers.set & (1u << ANSWERS_AS_OF)))
		ca->as_of = ca->answers.as_of;

	int nerr;
	ca->ps = policydir_load(cmd_args_string(args, "policy-dir"), stderr, &nerr);
	if (ca->ps == NULL)
		return CMD_EXIT_POLICY;
	if (advice_build(&ca->advice, &ca->answers, ca->ps, ca->as_of, &ca->params, &err) != ANSWERS_OK) {
		msg_answers_error(buf, sizeof buf, ca->answers_path, &err);
		fprintf(stderr, "%s\n", buf);
		return CMD_EXIT_USAGE;
	}
	return CMD_EXIT_OK;
}

void
cmd_advice_fini(struct cmd_advice *ca)
{
	policy_set_free(ca->ps);
	ca->ps = NULL;
}

/* ---------------------------------------------------------------- main */

/* --lang may come anywhere (before "--"): it chooses the catalog before
 * anything is said, and is taken out of argv so that subcommands never see
 * it. *bad is the value when it is not a language. */
static enum msg_lang
pick_lang(int *argc, char **argv, bool *given, const char **bad)
{
	enum msg_lang lang = msg_lang_from_env();
	int out = 1;
	*bad = NULL;
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
		*given = true;
		if (!msg_lang_parse(v, &lang))
			*bad = v;
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

/* The row whose words start argv (after the program's name): *words gets
 * how many. NULL when none; *partial then names what is not a subcommand
 * (the second word when the first is the start of a two-word name). */
static const struct cmd_entry *
find_entry(int argc, char **argv, int *words, const char **partial)
{
	*partial = argv[1];
	for (size_t i = 0; i < CMD_COUNT; i++) {
		const char *name = cmd_table[i]->name, *sp = strchr(name, ' ');
		size_t len = sp != NULL ? (size_t)(sp - name) : strlen(name);
		if (strncmp(argv[1], name, len) != 0 || argv[1][len] != '\0')
			continue;
		if (sp == NULL) {
			*words = 1;
			return cmd_table[i];
		}
		if (argc < 3) {
			*partial = argv[1];
			continue;
		}
		if (strcmp(argv[2], sp + 1) == 0) {
			*words = 2;
			return cmd_table[i];
		}
		*partial = argv[2];
	}
	return NULL;
}

static int
run_entry(const struct cmd_entry *e, int argc, char **argv, bool plain, bool lang_given)
{
	struct cmd_args args = {.entry = e, .plain = plain, .lang_given = lang_given};
	int rc = parse(e, argc, argv, &args);
	return rc >= 0 ? rc : e->run(&args);
}

int
cmd_main(int argc, char **argv)
{
	cli_protect();
	bool no_locale = setlocale(LC_ALL, "") == NULL;
	bool lang_given = false;
	const char *bad_lang;
	enum msg_lang lang = pick_lang(&argc, argv, &lang_given, &bad_lang);
	bool plain = pick_plain(&argc, argv);
	if (!msg_open(lang)) {
		fputs("yibao: the built-in message catalog is damaged\nyibao：程序内置的消息目录已损坏\n",
		      stderr);
		return CMD_EXIT_POLICY;
	}
	/* what is said to a person in the locale's set (GB18030, GBK): JSON,
	 * CSV, receipts and the screen take stdout back (cli_raw_stdout) */
	cli_locale_text(&stderr);
	cli_locale_text(&stdout);
	if (no_locale) {
		/* the locale is named as the cause, in both languages: which
		 * one the person reads is not known yet */
		const char *v = getenv("LC_ALL");
		if (v == NULL || *v == '\0')
			v = getenv("LANG");
		struct msg_arg a = MSG_S(v != NULL ? v : "");
		cli_say_both(stderr, "err_locale_missing", &a, 1);
	}

	int rc, words;
	const struct cmd_entry *e;
	const char *unknown;
	if (bad_lang != NULL) {
		rc = cmd_usage_error(NULL, "err_bad_lang", bad_lang);
	} else if (argc < 2) {
		/* alone: the wizard, unless its output would go nowhere useful */
		if (plain || !ui_can_address() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
			rc = run_entry(cmd_table[0], argc, argv, plain, lang_given);
		} else {
			cli_say(stderr, "usage", NULL, 0);
			rc = CMD_EXIT_USAGE;
		}
	} else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_say(stdout, "usage", NULL, 0);
		rc = cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
	} else if (strcmp(argv[1], "--version") == 0) {
		printf("yibao %s\n", YIBAO_VERSION);
		rc = cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
	} else if (argv[1][0] == '-') {
		/* options first, no command: the wizard's (yibao --as-of DATE,
		 * yibao --kiosk --staff-key CODE), as the usage puts them */
		rc = run_entry(cmd_table[0], argc, argv, plain, lang_given);
	} else if ((e = find_entry(argc, argv, &words, &unknown)) != NULL) {
		rc = run_entry(e, argc - words, argv + words, plain, lang_given);
	} else {
		rc = cmd_usage_error(NULL, "err_unknown_command", unknown);
	}
	if (!cli_text_end() && rc == CMD_EXIT_OK)
		rc = CMD_EXIT_IO;
	msg_close();
	return rc;
}
