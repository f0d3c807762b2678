/* lines.h -- a list of display lines (UTF-8) with a style each: what screens hand to the painter */
#ifndef YIBAO_LINES_H
#define YIBAO_LINES_H

#include <stddef.h>

enum lines_style {
	LINES_NORMAL,
	LINES_TITLE,  /* screen title */
	LINES_HEADER, /* a table or section header */
	LINES_MARK,   /* a caveat or blocker line */
	LINES_WARN,   /* unverified or unknown data */
	LINES_GOOD,   /* the recommended option */
	LINES_DIM,    /* sources, dates */
};

struct lines {
	char **text;
	unsigned char *style;
	size_t n, cap;
};

void lines_init(struct lines *l);
/* Free every line; the struct can be reused after lines_init. */
void lines_fini(struct lines *l);
/* Drop every line, keep the storage. */
void lines_clear(struct lines *l);
/* Append a copy of text (len bytes). Returns 0, or -1 when out of memory. */
int lines_add(struct lines *l, enum lines_style style, const char *text, size_t len);
/* Append text wrapped at width display columns (tui/wrap.c), every line after
 * the first indented by indent spaces. Returns 0 or -1. */
int lines_add_wrapped(struct lines *l, enum lines_style style, const char *text, int width, int indent);

#endif
