/* cmd.h -- the command line: a table of subcommands, one option parser, one usage error, the exit statuses */
#ifndef YIBAO_CMD_H
#define YIBAO_CMD_H

#include <stdbool.h>

#include "advice.h"
#include "answers.h"
#include "date.h"
#include "policy.h"

/* The exit statuses of every subcommand (README.md, yibao.1). */
enum cmd_exit {
	CMD_EXIT_OK = 0,     /* advice given, check passed, the wizard ended normally */
	CMD_EXIT_INPUT = 1,  /* the terminal went away, or plain-mode input ended too soon */
	CMD_EXIT_USAGE = 2,  /* bad usage or bad answers */
	CMD_EXIT_POLICY = 3, /* bad policy data (or a damaged built-in catalog) */
	CMD_EXIT_IO = 4,     /* output error */
};

/* What an option takes. The parser checks the value before any run
 * function sees it; a refused value is a usage error with the option's
 * bad_key (or the type's own message), the value quoted. */
enum cmd_option_type {
	CMD_OPTION_FLAG,   /* no value */
	CMD_OPTION_STRING, /* any value */
	CMD_OPTION_CHOICE, /* one of choices, exactly */
	CMD_OPTION_INT,    /* decimal digits (a '-' may lead) from min to max, one of only[] when given */
	CMD_OPTION_DATE,   /* YYYY-MM-DD, a date of the calendar (err_bad_date) */
};

/* One option of a subcommand: a row of its table. --help and -h are
 * every subcommand's and need no row. */
struct cmd_option {
	const char *name; /* the long name, without "--" */
	char letter;      /* the short form (-o), or 0 */
	enum cmd_option_type type;
	bool required;              /* err_option_required when missing */
	const char *const *choices; /* CMD_OPTION_CHOICE: NULL-terminated */
	long min, max;              /* CMD_OPTION_INT: the range, inclusive */
	const int *only;            /* CMD_OPTION_INT: the values taken, 0-terminated, or NULL */
	const char *bad_key;        /* the message for a refused value, {0} the value */
};

#define CMD_OPTIONS_MAX 12
/* The highest --base, yuan a month: the answers' highest income. */
#define CMD_BASE_MAX_YUAN 10000000

struct cmd_entry;

/* A parsed command line, read through cmd_args_*: the value of each option
 * by its row, then the positional arguments. */
struct cmd_args {
	const struct cmd_entry *entry;
	struct cmd_value {
		bool set;
		const char *s; /* the value as given (NULL for a flag) */
		long n;        /* CMD_OPTION_INT */
		int choice;    /* CMD_OPTION_CHOICE: the index in choices */
		struct date d; /* CMD_OPTION_DATE */
	} values[CMD_OPTIONS_MAX];
	int argc; /* positional arguments */
	char **argv;
	bool plain;      /* --plain was given (anywhere, taken out before parsing) */
	bool lang_given; /* --lang was given (the catalog is already open in it) */
};

/* A subcommand: a row of cmd.c's table. */
struct cmd_entry {
	const char *name;                 /* one or two words: "advise", "policy show" */
	const char *usage_key;            /* what --help prints on standard output */
	const char *hint_key;             /* said after a usage error; NULL: "usage_hint" */
	const struct cmd_option *options; /* ended by a row whose name is NULL; may be NULL */
	int args_min, args_max;           /* how many positional arguments */
	const char *args_missing_key;     /* the message for fewer than args_min */
	/* Runs the subcommand; returns its exit status (enum cmd_exit). */
	int (*run)(const struct cmd_args *args);
};

/* The rows, one per file (tui/cmd_*.c). */
extern const struct cmd_entry cmd_wizard_entry;
extern const struct cmd_entry cmd_advise_entry;
extern const struct cmd_entry cmd_batch_entry;
extern const struct cmd_entry cmd_receipt_entry;
extern const struct cmd_entry cmd_policy_check_entry;
extern const struct cmd_entry cmd_policy_show_entry;
extern const struct cmd_entry cmd_help_entry;

/* The whole program: --lang and --plain taken out of argv wherever they
 * are, the catalog opened, the subcommand found in the table (the wizard
 * when there is none and the program runs on a terminal), its options
 * parsed and checked, and its run function called. Returns the exit
 * status. */
int cmd_main(int argc, char **argv);

/* The message key with arg quoted, then the hint of entry (NULL: the
 * program's), on standard error. Returns CMD_EXIT_USAGE. */
int cmd_usage_error(const struct cmd_entry *entry, const char *key, const char *arg);

/* The values of option name (a row of args->entry: asking for another is
 * a programmer error). _has: it was given. _string: its value as given, or
 * NULL. _int, _choice: the checked value, or dflt when not given. _date:
 * true and *out set when given. */
bool cmd_args_has(const struct cmd_args *args, const char *name);
const char *cmd_args_string(const struct cmd_args *args, const char *name);
long cmd_args_int(const struct cmd_args *args, const char *name, long dflt);
int cmd_args_choice(const struct cmd_args *args, const char *name, int dflt);
bool cmd_args_date(const struct cmd_args *args, const char *name, struct date *out);

/* The what-if a caseworker gives on the command line, as the wizard's F3
 * and F6 give it: --base income|lowest|YUAN (the employee scheme's base
 * a month), --employee-tier N and --resident-tier N (from 1). The rows go
 * in the tables of advise, receipt and batch. */
#define CMD_WHATIF_OPTIONS                                                                                   \
	{.name = "base", .type = CMD_OPTION_STRING},                                                         \
	    {.name = "employee-tier",                                                                        \
	     .type = CMD_OPTION_INT,                                                                         \
	     .min = 1,                                                                                       \
	     .max = POLICY_MAX_TIERS,                                                                        \
	     .bad_key = "err_bad_tier"},                                                                     \
	{                                                                                                    \
		.name = "resident-tier", .type = CMD_OPTION_INT, .min = 1, .max = POLICY_MAX_TIERS,          \
		.bad_key = "err_bad_tier"                                                                    \
	}

/* The what-if of args' CMD_WHATIF_OPTIONS into *p (income, default tiers
 * when none is given). A bad --base is a usage error (its status
 * returned); else CMD_EXIT_OK. */
int cmd_whatif(const struct cmd_args *args, struct advice_params *p);

/* What advise and receipt start from: one person's answers, the date, the
 * policy set and the advice. */
struct cmd_advice {
	const char *answers_path;
	struct answers answers;
	struct date as_of;
	struct policy_set *ps;       /* owned */
	struct advice_params params; /* the what-if of the command line */
	struct advice advice;
};

/* The shared prologue of advise and receipt: the answers of --answers
 * (a file, or - for standard input), the date of --as-of (else the file's
 * as_of, else today), the built-in policy data with --policy-dir's files
 * over it, and the advice built from them. What is wrong is said on
 * standard error in the user's language (the file, line and key named).
 * Returns CMD_EXIT_OK, CMD_EXIT_USAGE (bad answers, an unreadable file) or
 * CMD_EXIT_POLICY. Call cmd_advice_fini in every case. */
int cmd_advice_init(struct cmd_advice *ca, const struct cmd_args *args);
void cmd_advice_fini(struct cmd_advice *ca);

#endif
