/* cmd_help.c -- `yibao help [TOPIC]`: the help topics of the wizard, on standard output */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "helpfile.h"
#include "msg.h"
#include "wizard.h"

static int run(const struct cmd_args *args);

const struct cmd_entry cmd_help_entry = {
    .name = "help",
    .usage_key = "usage",
    .args_max = 1,
    .run = run,
};

static const char *
lang_dir(void)
{
	return msg_lang() == MSG_ZH ? "zh" : "en";
}

/* Every topic with its title, one a line: what `yibao help TOPIC` takes. */
static int
list(void)
{
	char title[512];
	cli_say(stdout, "help_list_title", NULL, 0);
	for (int i = 0; i < wizard_ntopics; i++) {
		if (!help_topic_title(lang_dir(), wizard_topics[i], title, sizeof title))
			continue;
		struct msg_arg a[2] = {MSG_S(wizard_topics[i]), MSG_S(title)};
		cli_say(stdout, "help_list_row", a, 2);
	}
	return cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
}

static int
run(const struct cmd_args *args)
{
	if (args->argc == 0)
		return list();
	const char *topic = args->argv[0];
	const struct embedded_file *f = help_topic(lang_dir(), topic);
	if (f == NULL || strchr(topic, '/') != NULL)
		return cmd_usage_error(args->entry, "help_unknown_topic", topic);
	if (fwrite(f->data, 1, f->len, stdout) != f->len)
		return CMD_EXIT_IO;
	if (f->len > 0 && f->data[f->len - 1] != '\n')
		fputc('\n', stdout);
	return cli_flush_stdout() ? CMD_EXIT_OK : CMD_EXIT_IO;
}
