/* helpfile.c -- the help topics built into the program */
#include "helpfile.h"

#include <stdio.h>
#include <string.h>

const struct embedded_file *
help_topic(const char *lang, const char *topic)
{
	char name[128];
	if (snprintf(name, sizeof name, "%s/%s.txt", lang, topic) >= (int)sizeof name)
		return NULL;
	for (size_t i = 0; i < help_files_count; i++)
		if (strcmp(help_files[i].name, name) == 0)
			return &help_files[i];
	return NULL;
}

bool
help_topic_title(const char *lang, const char *topic, char *buf, size_t cap)
{
	const struct embedded_file *f = help_topic(lang, topic);
	if (f == NULL || cap == 0)
		return false;
	const char *s = (const char *)f->data;
	const char *nl = memchr(s, '\n', f->len);
	size_t n = nl != NULL ? (size_t)(nl - s) : f->len;
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* a whole character */
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return true;
}
