/* lines.c -- a list of display lines (UTF-8) with a style each: what screens hand to the painter */
#include "lines.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "wrap.h"

void
lines_init(struct lines *l)
{
	*l = (struct lines){0};
}

void
lines_fini(struct lines *l)
{
	lines_clear(l);
	free(l->text);
	free(l->style);
	lines_init(l);
}

void
lines_clear(struct lines *l)
{
	/* a line may show an answer: zeroed before the heap reuses it */
	for (size_t i = 0; i < l->n; i++) {
		explicit_bzero(l->text[i], strlen(l->text[i]));
		free(l->text[i]);
	}
	l->n = 0;
}

/* Room for one more line. */
static int
lines_grow(struct lines *l)
{
	if (l->n < l->cap)
		return 0;
	size_t cap = l->cap == 0 ? 16 : l->cap * 2;
	if (cap > SIZE_MAX / sizeof *l->text)
		return -1;
	char **text = realloc(l->text, cap * sizeof *text);
	if (text == NULL)
		return -1;
	l->text = text; /* bigger than cap says until style follows: harmless */
	unsigned char *style = realloc(l->style, cap);
	if (style == NULL)
		return -1;
	l->style = style;
	l->cap = cap;
	return 0;
}

/* Append indent spaces and then len bytes of text, a line of a screen or
 * report: what it holds from outside (names, values, typed text) can never
 * move the cursor or talk to the terminal (tui/sanitize.h). */
static int
lines_add_indented(struct lines *l, enum lines_style style, size_t indent, const char *text, size_t len)
{
	size_t cap = sanitize_cap(len);
	if (cap > SIZE_MAX - indent || lines_grow(l) != 0)
		return -1;
	char *s = malloc(indent + cap);
	if (s == NULL)
		return -1;
	memset(s, ' ', indent);
	sanitize_text(s + indent, cap, text, len, 0);
	l->text[l->n] = s;
	l->style[l->n] = (unsigned char)style;
	l->n++;
	return 0;
}

int
lines_add(struct lines *l, enum lines_style style, const char *text, size_t len)
{
	assert(text != NULL || len == 0);
	return lines_add_indented(l, style, 0, text, len);
}

/* The language for ICU's line breaking. report.c takes it from the
 * catalog; lines carry no language, so it comes from the text: "zh" when it
 * holds characters from U+3000 up (CJK punctuation, ideographs, full-width
 * forms), else "en". */
static const char *
lines_break_locale(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0xE3)
			return "zh";
	return "en";
}

int
lines_add_wrapped(struct lines *l, enum lines_style style, const char *text, int width, int indent)
{
	size_t len = text != NULL ? strlen(text) : 0, first = l->n;
	struct wrap_line *wl = NULL;
	int rc = -1;
	if (width < 1)
		width = 1;
	if (indent < 0)
		indent = 0;
	if (len == 0)
		return lines_add_indented(l, style, 0, "", 0);
	/* the first line at the full width, the rest indented, so narrower */
	int rest_width = indent < width ? width - indent : 1;
	const char *locale = lines_break_locale(text, len);
	wl = malloc((len + 1) * sizeof *wl);
	if (wl == NULL)
		goto out;
	size_t n = wrap_lines(text, len, width, locale, WRAP_MEASURE_LOCALE, wl, 2);
	if (lines_add_indented(l, style, 0, text + wl[0].off, wl[0].len) != 0)
		goto out;
	if (n > 1) {
		const char *rest = text + wl[1].off;
		size_t rlen = len - wl[1].off;
		n = wrap_lines(rest, rlen, rest_width, locale, WRAP_MEASURE_LOCALE, wl, rlen + 1);
		for (size_t i = 0; i < n; i++) {
			/* an empty line (from "\n\n") gets no trailing spaces */
			size_t pad = wl[i].len > 0 ? (size_t)indent : 0;
			if (lines_add_indented(l, style, pad, rest + wl[i].off, wl[i].len) != 0)
				goto out;
		}
	}
	rc = 0;
out:
	if (rc != 0) { /* all or nothing */
		while (l->n > first)
			free(l->text[--l->n]);
	}
	free(wl);
	return rc;
}
