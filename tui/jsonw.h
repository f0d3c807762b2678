/* jsonw.h -- a small JSON writer into a reused buffer: the advice as text without a tree per row */
#ifndef YIBAO_JSONW_H
#define YIBAO_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* Open and close an object ('{', '}') or an array ('[', ']'). */
void jsonw_open(struct jsonw *w, char bracket);
void jsonw_close(struct jsonw *w, char bracket);
/* Close an array, leaving out the null elements at its end but the first
 * ([1,null,2,null,null] -> [1,null,2]); compact text only, else as
 * jsonw_close. */
void jsonw_close_trim(struct jsonw *w);

/* A member's name: a program's constant, written as it is (no escaping);
 * inline, so that a literal's length is known when compiling. */
void jsonw_keyn(struct jsonw *w, const char *name, size_t n);
static inline void
jsonw_key(struct jsonw *w, const char *name)
{
	jsonw_keyn(w, name, __builtin_strlen(name));
}

void jsonw_null(struct jsonw *w);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_int(struct jsonw *w, int64_t v);
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
void jsonw_word(struct jsonw *w, const char *s);
/* A region code as a string of six digits: "310000". */
void jsonw_code(struct jsonw *w, int code);
/* A date as a string YYYY-MM-DD. */
void jsonw_date(struct jsonw *w, int y, int m, int d);
/* Bytes that are already a JSON value (a string written earlier). */
void jsonw_raw(struct jsonw *w, const char *s, size_t n);

#endif
