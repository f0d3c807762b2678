/* helpfile.h -- the help topics built into the program (help/LANG/TOPIC.txt, embedded by embed.py) */
#ifndef YIBAO_HELPFILE_H
#define YIBAO_HELPFILE_H

#include <stdbool.h>
#include <stddef.h>

struct embedded_file {
	const char *name; /* "en/work_city.txt" */
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file help_files[];
extern const size_t help_files_count;

/* The topic's file in lang ("en" or "zh"), or NULL. */
const struct embedded_file *help_topic(const char *lang, const char *topic);

/* The topic's title (its first line) into buf; false when there is no such
 * topic. */
bool help_topic_title(const char *lang, const char *topic, char *buf, size_t cap);

#endif
