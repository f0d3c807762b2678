/* jsonw.h -- a small JSON writer into a reused buffer: the advice as text without a tree per row */
#ifndef YIBAO_JSONW_H
#define YIBAO_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define JSONW_MAX_DEPTH 32

/* A JSON text being written: compact (indent 0) or pretty the way jansson's
 * JSON_INDENT(n) writes it. Lives in caller-owned storage; the buffer grows
 * to the largest text once and is reused after jsonw_reset. Writing never
 * fails loudly: out of memory or a misuse (too deep) sets failed, and the
 * text is then not to be used. */
struct jsonw {
	char *p;
	size_t n, cap;
	bool failed;
	int indent;
	int depth;
	bool after_key;                      /* the next value follows a key: no separator */
	bool has_items[JSONW_MAX_DEPTH + 1]; /* the open container at each depth has a member */
};

void jsonw_init(struct jsonw *w, int indent);
void jsonw_fini(struct jsonw *w);
/* Empty the text, keeping the buffer. */
void jsonw_reset(struct jsonw *w);

/* The writer's own steps, inline in the header so that a row's hundreds of
 * small values cost no call each (jsonw_ names ending in _ are not for
 * callers). jsonw_grow makes room for n more bytes (false: out of memory,
 * failed set); jsonw_newline starts a pretty text's line at depth. */
bool jsonw_grow(struct jsonw *w, size_t n);
void jsonw_newline(struct jsonw *w, int depth);

static inline bool
jsonw_reserve_(struct jsonw *w, size_t n)
{
	return w->n + n <= w->cap || jsonw_grow(w, n);
}

static inline void
jsonw_put_(struct jsonw *w, const char *s, size_t n)
{
	if (jsonw_reserve_(w, n)) {
		memcpy(w->p + w->n, s, n);
		w->n += n;
	}
}

static inline void
jsonw_putch_(struct jsonw *w, char c)
{
	if (jsonw_reserve_(w, 1))
		w->p[w->n++] = c;
}

/* What comes before a value or a key: nothing after a key, else a comma
 * after an earlier member, and in pretty text a new line. */
static inline void
jsonw_sep_(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->has_items[w->depth])
		jsonw_putch_(w, ',');
	w->has_items[w->depth] = true;
	if (w->indent > 0 && w->depth > 0)
		jsonw_newline(w, w->depth);
}

/* Open and close an object ('{', '}') or an array ('[', ']'). */
static inline void
jsonw_open(struct jsonw *w, char bracket)
{
	jsonw_sep_(w);
	jsonw_putch_(w, bracket);
	if (w->depth == JSONW_MAX_DEPTH) {
		w->failed = true;
		return;
	}
	w->has_items[++w->depth] = false;
}

static inline void
jsonw_close(struct jsonw *w, char bracket)
{
	if (w->depth == 0) {
		w->failed = true;
		return;
	}
	bool items = w->has_items[w->depth--];
	if (items && w->indent > 0)
		jsonw_newline(w, w->depth);
	jsonw_putch_(w, bracket);
}

/* Close an array, leaving out the null elements at its end but the first
 * ([1,null,2,null,null] -> [1,null,2]); compact text only, else as
 * jsonw_close. */
void jsonw_close_trim(struct jsonw *w);

/* A member's name: a program's constant, written as it is (no escaping);
 * inline, so that a literal's length is known when compiling. */
static inline void
jsonw_keyn(struct jsonw *w, const char *name, size_t n)
{
	jsonw_sep_(w);
	if (jsonw_reserve_(w, n + 4)) {
		w->p[w->n++] = '"';
		memcpy(w->p + w->n, name, n);
		w->n += n;
		w->p[w->n++] = '"';
		w->p[w->n++] = ':';
		if (w->indent > 0)
			w->p[w->n++] = ' ';
	}
	w->after_key = true;
}

static inline void
jsonw_key(struct jsonw *w, const char *name)
{
	jsonw_keyn(w, name, __builtin_strlen(name));
}

static inline void
jsonw_null(struct jsonw *w)
{
	jsonw_sep_(w);
	jsonw_put_(w, "null", 4);
}

static inline void
jsonw_bool(struct jsonw *w, bool v)
{
	jsonw_sep_(w);
	if (v)
		jsonw_put_(w, "true", 4);
	else
		jsonw_put_(w, "false", 5);
}

/* An integer; jsonw_int_any writes any, after the separator. */
void jsonw_int_any(struct jsonw *w, int64_t v);
static inline void
jsonw_int(struct jsonw *w, int64_t v)
{
	jsonw_sep_(w);
	/* most are indices and counts: one or two digits */
	if (v >= 0 && v < 100 && jsonw_reserve_(w, 2)) {
		if (v >= 10)
			w->p[w->n++] = (char)('0' + v / 10);
		w->p[w->n++] = (char)('0' + v % 10);
		return;
	}
	jsonw_int_any(w, v);
}

/* v / 10^decimals as a JSON number, as jansson writes the double with
 * JSON_REAL_PRECISION(12): trailing zeros dropped, at least one decimal
 * (8560.80 -> 8560.8, 400 -> 400.0), computed on integers. */
void jsonw_fixed(struct jsonw *w, int64_t v, int decimals);
/* A string, escaped per RFC 8259: '"', '\\' and C0 controls as jansson
 * escapes them; DEL, the C1 controls and the bidi controls as \uXXXX (what
 * sanitize_json does: a terminal never acts on the text); a byte that is
 * not UTF-8 as \ufffd. */
void jsonw_str(struct jsonw *w, const char *s);
void jsonw_strn(struct jsonw *w, const char *s, size_t n);
/* A program's constant as a string (an id, a name): ASCII letters, digits,
 * '_', '-', '.' or '/', written as it is, without the scan for escapes. */
static inline void
jsonw_word(struct jsonw *w, const char *s)
{
	size_t n = __builtin_strlen(s);
	jsonw_sep_(w);
	if (jsonw_reserve_(w, n + 2)) {
		w->p[w->n++] = '"';
		memcpy(w->p + w->n, s, n);
		w->n += n;
		w->p[w->n++] = '"';
	}
}
/* A region code as a string of six digits: "310000". */
void jsonw_code(struct jsonw *w, int code);
/* A date as a string YYYY-MM-DD. */
void jsonw_date(struct jsonw *w, int y, int m, int d);
/* Bytes that are already a JSON value (a string written earlier). */
void jsonw_raw(struct jsonw *w, const char *s, size_t n);

#endif
