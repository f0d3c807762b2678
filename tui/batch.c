/* batch.c -- yibao batch: answers as CSV rows on stdin, one advice row per input row on stdout */
#include "batch.h"

#include "cli.h"
#include "cmd.h"

#include <assert.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "advice.h"
#include "answers.h"
#include "csv.h"
#include "json.h"
#include "jsonw.h"
#include "msg.h"
#include "policydir.h"
#include "sanitize.h"
#include "text.h"

#define BATCH_MAX_ROW ((size_t)64 << 10) /* bytes of one input row: far above any real row */
#define BATCH_FLUSH ((size_t)1 << 20)    /* output is written in pieces of about this size */
#define BATCH_ERRORS_LISTED 10           /* bad rows named on stderr with their row numbers */

/* What an input column holds: an answers key (>= 0), or one of these. */
enum { BATCH_COL_ID = -1, BATCH_COL_UNNAMED = -2 };

/* The output's option slots, in the order of advice_build's options, and
 * the cells of each slot. */
static const char *const slot_names[ADVICE_MAX_OPTIONS] = {"employee_work", "resident_work",
                                                           "resident_hukou"};
static const char *const slot_cells[] = {"eligible", "annual_yuan", "waiting_months", "shortfall_years",
                                         "caveats"};
#define BATCH_SLOT_CELLS (sizeof slot_cells / sizeof slot_cells[0])
_Static_assert(ADVICE_ID_COUNT <= 64, "a row's caveat ids are a 64-bit set");

static const struct {
	const char *name;  /* as --input-encoding takes it */
	const char *iconv; /* as iconv knows it; NULL for UTF-8 */
	const char *shown; /* in messages */
} encodings[] = {
    {"utf-8", NULL, "UTF-8"},
    {"utf8", NULL, "UTF-8"},
    {"gb18030", "GB18030", "GB18030"},
    {"gbk", "GBK", "GBK"},
};

/* A growing output buffer, written out in BATCH_FLUSH pieces: it grows to
 * the largest row once, then stays. */
struct obuf {
	char *p;
	size_t n, cap;
	bool failed; /* out of memory or a write error: errno in err */
	int err;
};

struct batch {
	enum batch_format format;
	int schema;                         /* the JSON lines' schema: yibao.advice/2, or /1 */
	const struct advice_params *params; /* every row's what-if, or NULL */
	bool header_out;
	bool header_done; /* the output header was written (or is not wanted) */
	struct date as_of;
	bool as_of_given;
	const struct policy_set *ps;
	iconv_t cd; /* from the input encoding to UTF-8; (iconv_t)-1 for UTF-8 */
	const char *charset;

	int *cols; /* what each input column holds */
	size_t ncols;
	long id_col; /* index of the id column, or -1 */
	bool have_cols;
	bool from_option; /* the columns came from --columns */
	bool first_row;   /* no data row seen yet (a repeated header may come) */

	char *conv; /* one field decoded to UTF-8 */
	size_t conv_cap;
	char *id; /* the row's id, UTF-8 */
	size_t id_len;

	struct obuf out;
	struct jsonw row;          /* one JSON line, reused */
	struct advice_views views; /* the regions' lookups, shared by the rows */
	struct json_cache jcache;  /* the rows' sources and texts, escaped once */
	/* msg_answers_error's text depends only on these three: made once each */
	char *answers_msg[ANSWERS_ERR_SYNTAX + 1][ANSWERS_KEY_COUNT + 1][ANSWERS_KEY_COUNT + 1];
	char msg[2048];
	long rows, errors;
	/* a CSV row's cells after the id take at most csv_row_max bytes: each
	 * caveat's id at most once an option, with its length */
	const char *id_name[ADVICE_ID_COUNT];
	unsigned char id_name_len[ADVICE_ID_COUNT];
	size_t csv_row_max;
};

/* ---------------------------------------------------------------- messages */

static void
say(const char *key, const struct msg_arg *args, int n)
{
	char buf[2048];
	msg_format(buf, sizeof buf, key, args, n);
	fprintf(stderr, "%s\n", buf);
}

/* ---------------------------------------------------------------- output */

/* Room for n more bytes: the rare growing is kept out of the way of the
 * common case, which the compiler inlines. */
static bool
obuf_grow(struct obuf *o, size_t n)
{
	if (o->failed)
		return false;
	size_t cap = o->cap ? o->cap : BATCH_FLUSH + 4096;
	while (cap < o->n + n)
		cap *= 2;
	char *p = realloc(o->p, cap);
	if (p == NULL) {
		o->failed = true;
		o->err = ENOMEM;
		return false;
	}
	o->p = p;
	o->cap = cap;
	return true;
}

static inline bool
obuf_reserve(struct obuf *o, size_t n)
{
	return o->n + n <= o->cap || obuf_grow(o, n);
}

static inline void
put(struct obuf *o, const char *s, size_t n)
{
	if (obuf_reserve(o, n)) {
		memcpy(o->p + o->n, s, n);
		o->n += n;
	}
}

static inline void
puts0(struct obuf *o, const char *s)
{
	put(o, s, strlen(s));
}

static inline void
putch(struct obuf *o, char c)
{
	if (obuf_reserve(o, 1))
		o->p[o->n++] = c;
}

static void
flush(struct obuf *o)
{
	size_t done = 0;
	while (!o->failed && done < o->n) {
		ssize_t w = write(STDOUT_FILENO, o->p + done, o->n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			o->failed = true;
			o->err = w < 0 ? errno : EIO;
			break;
		}
		done += (size_t)w;
	}
	o->n = 0;
}

/* One CSV cell, quoted when it holds a comma, a quote or a line break. */
static void
put_cell(struct obuf *o, const char *s, size_t n)
{
	bool quote = false;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote) {
		put(o, s, n);
		return;
	}
	putch(o, '"');
	for (const char *e = s + n, *q; s < e; s = q + 1) {
		q = memchr(s, '"', (size_t)(e - s));
		if (q == NULL) {
			put(o, s, (size_t)(e - s));
			break;
		}
		put(o, s, (size_t)(q - s) + 1);
		putch(o, '"');
	}
	putch(o, '"');
}

/* The id cell for a spreadsheet: what a terminal or a spreadsheet would act
 * on made visible. C0 controls but line feed and tab, DEL, C1 and bidi
 * controls become placeholders (sanitize_text: ^[, <U+202E>); a cell that
 * starts with = + - @ gets a leading ' so that it is not taken for a formula
 * (CSV injection). JSON lines carry the id exactly, escaped. */
static void
put_id_cell(struct obuf *o, const char *s, size_t n)
{
	bool plain = n == 0 || (s[0] != '=' && s[0] != '+' && s[0] != '-' && s[0] != '@');
	for (size_t i = 0; i < n && plain; i++) {
		unsigned char c = (unsigned char)s[i];
		plain = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
	}
	if (plain) {
		put_cell(o, s, n);
		return;
	}
	/* rare: a new buffer, one byte ahead for the apostrophe */
	size_t cap = sanitize_cap(n);
	char *d = cap == SIZE_MAX ? NULL : malloc(cap + 1);
	if (d == NULL) {
		o->failed = true;
		o->err = ENOMEM;
		return;
	}
	size_t len = sanitize_text(d + 1, cap, s, n, SANITIZE_KEEP_NEWLINE);
	bool formula = len > 0 && strchr("=+-@", d[1]) != NULL;
	d[0] = '\'';
	put_cell(o, formula ? d : d + 1, formula ? len + 1 : len);
	free(d);
}

/* Unchecked writes, into room reserved before: each returns the end. */
static inline char *
put_raw(char *w, const char *s, size_t n)
{
	/* short words, in 8-byte pieces (the last one overlapping): a memcpy
	 * of a length the compiler does not know becomes `rep movsq`, which
	 * costs more than the row's arithmetic */
	if (n >= 8) {
		for (size_t i = 0; i + 8 <= n; i += 8)
			memcpy(w + i, s + i, 8);
		memcpy(w + n - 8, s + n - 8, 8);
	} else {
		for (size_t i = 0; i < n; i++)
			w[i] = s[i];
	}
	return w + n;
}

static char *
raw_uint(char *w, uint64_t v)
{
	char d[24];
	char *p = text_u64_digits(d + sizeof d, v);
	return put_raw(w, p, (size_t)(d + sizeof d - p));
}

static char *
raw_yuan(char *w, int64_t fen)
{
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	if (fen < 0)
		*w++ = '-';
	w = raw_uint(w, a / 100);
	*w++ = '.';
	*w++ = (char)('0' + a % 100 / 10);
	*w++ = (char)('0' + a % 10);
	return w;
}

static char *
raw_tenths(char *w, int t)
{
	w = raw_uint(w, (uint64_t)t / 10);
	*w++ = '.';
	*w++ = (char)('0' + t % 10);
	return w;
}

static void
put_csv_header(struct batch *b)
{
	struct obuf *o = &b->out;
	puts0(o, "id");
	for (size_t s = 0; s < ADVICE_MAX_OPTIONS; s++)
		for (size_t k = 0; k < BATCH_SLOT_CELLS; k++) {
			putch(o, ',');
			puts0(o, slot_names[s]);
			putch(o, '_');
			puts0(o, slot_cells[k]);
		}
	puts0(o, ",recommended,error\n");
}

/* The output header, once, before the first row (or alone for no rows). */
static void
header_once(struct batch *b)
{
	if (b->header_done)
		return;
	b->header_done = true;
	if (b->format == BATCH_CSV && b->header_out)
		put_csv_header(b);
}

/* The slot of option o: the order of DESIGN.md, checked rather than assumed. */
static int
slot_of(const struct advice_option *o, const struct answers *a)
{
	if (o->scheme == ADVICE_EMPLOYEE)
		return 0;
	return o->region == a->work_city ? 1 : 2;
}

static void
put_csv_advice(struct batch *b, const struct advice *adv, const struct answers *a)
{
	struct obuf *o = &b->out;
	const struct advice_option *slots[ADVICE_MAX_OPTIONS] = {NULL};
	for (int i = 0; i < adv->noptions; i++)
		slots[slot_of(&adv->options[i], a)] = &adv->options[i];
	put_id_cell(o, b->id, b->id_len);
	/* room for the rest at once, then written without a check a byte */
	if (!obuf_reserve(o, b->csv_row_max))
		return;
	char *w = o->p + o->n;
	for (int s = 0; s < ADVICE_MAX_OPTIONS; s++) {
		const struct advice_option *op = slots[s];
		if (op == NULL) { /* no such option: the hukou city is the work city */
			w = put_raw(w, ",,,,,", BATCH_SLOT_CELLS);
			continue;
		}
		w = op->eligible > 0    ? put_raw(w, ",yes,", 5)
		    : op->eligible == 0 ? put_raw(w, ",no,", 4)
		                        : put_raw(w, ",unknown,", 9);
		if (op->low.annual != ADVICE_UNKNOWN)
			w = raw_yuan(w, op->low.annual);
		*w++ = ',';
		if (op->waiting_months >= 0)
			w = raw_uint(w, (uint64_t)op->waiting_months);
		*w++ = ',';
		if (op->retirement.shortfall >= 0)
			w = raw_tenths(w, op->retirement.shortfall);
		*w++ = ',';
		/* each id once: unknown_value comes once per unknown field (JSON tells which) */
		uint64_t seen = 0;
		for (int k = 0; k < op->ncaveats; k++) {
			enum advice_id id = op->caveats[k].id;
			uint64_t bit = (uint64_t)1 << id;
			if (seen & bit)
				continue;
			if (seen != 0)
				*w++ = ';';
			seen |= bit;
			w = put_raw(w, b->id_name[id], b->id_name_len[id]);
		}
	}
	*w++ = ',';
	if (adv->recommended >= 0) {
		const char *r = slot_names[slot_of(&adv->options[adv->recommended], a)];
		w = put_raw(w, r, strlen(r));
	}
	w = put_raw(w, ",\n", 2);
	assert((size_t)(w - (o->p + o->n)) <= b->csv_row_max);
	o->n = (size_t)(w - o->p);
}

/* The most bytes put_csv_advice writes after the id cell. */
static size_t
csv_row_max(struct batch *b)
{
	size_t names = 0, slot = 0;
	for (int id = 0; id < ADVICE_ID_COUNT; id++) {
		b->id_name[id] = advice_id_name((enum advice_id)id);
		size_t n = strlen(b->id_name[id]);
		b->id_name_len[id] = (unsigned char)n;
		names += n + 1;
	}
	for (int s = 0; s < ADVICE_MAX_OPTIONS; s++)
		if (strlen(slot_names[s]) > slot)
			slot = strlen(slot_names[s]);
	/* ",unknown," and three numbers of at most 24 bytes with their commas, a
	 * slot; the recommended slot's name and ",\n" */
	return ADVICE_MAX_OPTIONS * (9 + 3 * 25 + names) + 1 + slot + 2;
}

/* s (malloc'ed, or NULL) with what a terminal would act on escaped */
static char *
safe_json(char *s)
{
	char *t = s != NULL ? sanitize_json(s) : NULL;
	free(s);
	return t;
}

/* The finished JSON line in b->row to the output. */
static void
put_row(struct batch *b)
{
	if (b->row.failed) {
		b->out.failed = true;
		b->out.err = ENOMEM;
		return;
	}
	put(&b->out, b->row.p, b->row.n);
	putch(&b->out, '\n');
}

/* The advice as one JSON line, with "id" first when the input has one:
 * yibao.advice/2 as a batch row (written directly, documents by id), or
 * the /1 object through jansson. */
static void
put_json_advice(struct batch *b, const struct advice *adv)
{
	if (b->schema != 1) {
		jsonw_reset(&b->row);
		json_advice2_row(&b->row, adv, b->ps, b->id_col >= 0 ? b->id : NULL, b->id_len, &b->jcache);
		put_row(b);
		return;
	}
	json_t *j = json_advice(adv, b->ps);
	char *s = NULL;
	if (j != NULL && b->id_col >= 0) {
		json_t *o = json_object();
		if (o != NULL && json_object_set_new(o, "id", json_stringn(b->id, b->id_len)) == 0 &&
		    json_object_update(o, j) == 0) {
			json_decref(j);
			j = o;
		} else {
			json_decref(o);
			json_decref(j);
			j = NULL;
		}
	}
	if (j != NULL)
		s = json_advice_dump(j, 0);
	json_decref(j);
	s = safe_json(s);
	if (s == NULL) {
		b->out.failed = true;
		b->out.err = ENOMEM;
		return;
	}
	puts0(&b->out, s);
	putch(&b->out, '\n');
	free(s);
}

/* A bad row: its id, empty cells, and what is wrong; named on stderr too. */
static void
put_error(struct batch *b, long row, const char *text)
{
	struct obuf *o = &b->out;
	b->errors++;
	if (b->errors <= BATCH_ERRORS_LISTED) {
		struct msg_arg args[2] = {MSG_I(row), MSG_S(text)};
		say("batch_row_error", args, 2);
	}
	if (b->format == BATCH_CSV) {
		put_id_cell(o, b->id, b->id_len);
		/* the option cells and recommended empty: a comma before each, and before error */
		static const char commas[] = ",,,,,,,,,,,,,,,,,";
		_Static_assert(sizeof commas - 1 == ADVICE_MAX_OPTIONS * BATCH_SLOT_CELLS + 2,
		               "one comma a cell");
		put(o, commas, sizeof commas - 1);
		put_cell(o, text, strlen(text));
		putch(o, '\n');
		return;
	}
	jsonw_reset(&b->row);
	jsonw_open(&b->row, '{');
	if (b->id_col >= 0) {
		jsonw_key(&b->row, "id");
		jsonw_strn(&b->row, b->id, b->id_len);
	}
	jsonw_key(&b->row, "error");
	jsonw_str(&b->row, text);
	jsonw_close(&b->row, '}');
	put_row(b);
}

/* ---------------------------------------------------------------- input */

/* Flush what is ready before waiting for more input, so that a program
 * feeding rows one at a time gets each answer; a failed output ends the
 * input (the write error is reported at the end). */
static ssize_t
read_stdin(void *ctx, char *buf, size_t cap)
{
	struct batch *b = ctx;
	flush(&b->out);
	if (b->out.failed)
		return 0;
	return read(STDIN_FILENO, buf, cap);
}

/* Eight bytes at a time: nearly every cell is ASCII. */
static bool
has_high_byte(const char *s, size_t n)
{
	uint64_t acc = 0, w;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= w;
	}
	for (; i < n; i++)
		acc |= (unsigned char)s[i];
	return (acc & UINT64_C(0x8080808080808080)) != 0;
}

/* Field bytes as UTF-8: as they are when ASCII or valid UTF-8, else
 * through iconv from the input encoding. False when they are not valid in
 * it. *out points into the field or into b->conv (until the next call). */
static bool
decode(struct batch *b, const char *s, size_t n, const char **out, size_t *outlen)
{
	*out = s;
	*outlen = n;
	if (!has_high_byte(s, n))
		return true;
	if (b->cd == (iconv_t)-1)
		return text_is_utf8(s, n);
	char *ip = (char *)s, *op = b->conv;
	size_t il = n, ol = b->conv_cap;
	iconv(b->cd, NULL, NULL, NULL, NULL);
	if (iconv(b->cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
		return false;
	*out = b->conv;
	*outlen = b->conv_cap - ol;
	return true;
}

/* The bytes as valid UTF-8, each bad byte becoming U+FFFD: what an id that
 * cannot be decoded is shown as. */
static size_t
repair_utf8(char *dst, const char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t k = 1;
		unsigned char c = (unsigned char)s[i];
		size_t want = c < 0x80             ? 1
		              : (c & 0xE0) == 0xC0 ? 2
		              : (c & 0xF0) == 0xE0 ? 3
		              : (c & 0xF8) == 0xF0 ? 4
		                                   : 0;
		if (want > 0 && i + want <= n && text_is_utf8(s + i, want))
			k = want;
		if (k == 1 && c >= 0x80) {
			memcpy(dst + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(dst + o, s + i, k);
			o += k;
		}
		i += k;
	}
	return o;
}

static inline void
trim(const char **s, size_t *n)
{
	const char *e = *s + *n;
	text_trim(s, &e);
	*n = (size_t)(e - *s);
}

static bool
is_blank(const struct csv *c)
{
	for (size_t i = 0; i < csv_field_count(c); i++) {
		const struct csv_field *f = csv_field(c, i);
		const char *s = f->s;
		size_t n = f->len;
		trim(&s, &n);
		if (n > 0)
			return false;
	}
	return true;
}

/* What a column name means: an answers key, id, unnamed (empty), or -3 for an unknown name. */
static int
column_kind(const char *s, size_t n)
{
	trim(&s, &n);
	if (n == 0)
		return BATCH_COL_UNNAMED;
	if (n == 2 && memcmp(s, "id", 2) == 0)
		return BATCH_COL_ID;
	int k = answers_key_find(s, n);
	return k >= 0 ? k : -3;
}

/* The column names, from the header row or --columns. Returns 0, or the
 * usage status after saying what is wrong. */
static int
set_columns(struct batch *b, const struct csv_field *names, size_t n)
{
	int *cols = calloc(n > 0 ? n : 1, sizeof *cols);
	char shown[3 * 256 + 1];
	if (cols == NULL) {
		say("batch_err_nomem", NULL, 0);
		return CMD_EXIT_IO;
	}
	b->id_col = -1;
	for (size_t i = 0; i < n; i++) {
		cols[i] = column_kind(names[i].s, names[i].len);
		if (cols[i] >= BATCH_COL_ID) {
			for (size_t j = 0; j < i; j++)
				if (cols[j] == cols[i])
					cols[i] = -4;
		}
		if (cols[i] < BATCH_COL_UNNAMED) {
			size_t len = names[i].len < 256 ? names[i].len : 256;
			const char *s = names[i].s;
			trim(&s, &len);
			shown[repair_utf8(shown, s, len)] = '\0';
			char keys[1024];
			size_t k = (size_t)snprintf(keys, sizeof keys, "id");
			for (int a = 0; a < ANSWERS_KEY_COUNT && k < sizeof keys; a++)
				k += (size_t)snprintf(keys + k, sizeof keys - k, ", %s", answers_key_name(a));
			struct msg_arg args[2] = {MSG_S(shown), MSG_S(keys)};
			say(cols[i] == -4 ? "batch_err_column_twice" : "batch_err_column_unknown", args, 2);
			free(cols);
			return CMD_EXIT_USAGE;
		}
		if (cols[i] == BATCH_COL_ID)
			b->id_col = (long)i;
	}
	free(b->cols);
	b->cols = cols;
	b->ncols = n;
	b->have_cols = true;
	return 0;
}

/* --columns id,work_city,…: the same names as a header row (taken from
 * the file's first line, it may start with a byte-order mark). */
static int
set_columns_option(struct batch *b, const char *list)
{
	size_t n = 1;
	if (strncmp(list, "\xEF\xBB\xBF", 3) == 0)
		list += 3;
	if (list[strspn(list, ", \t")] == '\0')
		return cmd_usage_error(&cmd_batch_entry, "err_option_needs_value", "--columns");
	for (const char *p = list; *p; p++)
		n += *p == ',';
	struct csv_field *f = calloc(n, sizeof *f);
	if (f == NULL) {
		say("batch_err_nomem", NULL, 0);
		return CMD_EXIT_IO;
	}
	size_t i = 0;
	for (const char *p = list;; p++) {
		const char *q = strchr(p, ',');
		f[i].s = p;
		f[i++].len = q ? (size_t)(q - p) : strlen(p);
		if (q == NULL)
			break;
		p = q;
	}
	int rc = set_columns(b, f, n);
	free(f);
	b->from_option = true;
	return rc;
}

/* With --columns, the input's own header (the first row of a file split
 * among processes) is skipped when it names the same columns, and stops
 * the run when it names others. True when the row is such a header. */
static bool
is_header_row(const struct csv *c)
{
	bool named = false;
	for (size_t i = 0; i < csv_field_count(c); i++) {
		const struct csv_field *f = csv_field(c, i);
		int k = column_kind(f->s, f->len);
		if (k < BATCH_COL_UNNAMED)
			return false;
		named |= k != BATCH_COL_UNNAMED;
	}
	return named;
}

static bool
same_columns(const struct batch *b, const struct csv *c)
{
	size_t n = csv_field_count(c);
	for (size_t i = 0; i < n || i < b->ncols; i++) {
		int want = i < b->ncols ? b->cols[i] : BATCH_COL_UNNAMED;
		int got = i < n ? column_kind(csv_field(c, i)->s, csv_field(c, i)->len) : BATCH_COL_UNNAMED;
		if (want != got)
			return false;
	}
	return true;
}

/* ---------------------------------------------------------------- rows */

/* msg_answers_error's sentence for err, made once per kind of error. */
static const char *
answers_text(struct batch *b, const struct answers_error *err)
{
	struct answers_error e = *err;
	e.line = 0;
	bool cacheable = (unsigned)e.status <= ANSWERS_ERR_SYNTAX && e.status != ANSWERS_ERR_UNKNOWN_KEY &&
	                 e.key >= -1 && e.key < ANSWERS_KEY_COUNT && e.other >= -1 &&
	                 e.other < ANSWERS_KEY_COUNT;
	if (!cacheable) {
		msg_answers_error(b->msg, sizeof b->msg, NULL, &e);
		return b->msg;
	}
	char **slot = &b->answers_msg[e.status][e.key + 1][e.other + 1];
	if (*slot == NULL) {
		msg_answers_error(b->msg, sizeof b->msg, NULL, &e);
		*slot = strdup(b->msg);
		if (*slot == NULL)
			return b->msg;
	}
	return *slot;
}

static const char *
text_of(struct batch *b, const char *key, const struct msg_arg *args, int n)
{
	msg_format(b->msg, sizeof b->msg, key, args, n);
	return b->msg;
}

/* The id cell of the row, decoded; NULL, or what is wrong with it. */
static const char *
take_id(struct batch *b, const struct csv *c)
{
	b->id_len = 0;
	if (b->id_col < 0 || (size_t)b->id_col >= csv_field_count(c))
		return NULL;
	const struct csv_field *f = csv_field(c, (size_t)b->id_col);
	const char *s;
	size_t n;
	if (decode(b, f->s, f->len, &s, &n)) {
		memcpy(b->id, s, n);
		b->id_len = n;
		return NULL;
	}
	b->id_len = repair_utf8(b->id, f->s, f->len);
	struct msg_arg args[2] = {MSG_S("id"), MSG_S(b->charset)};
	return text_of(b, b->cd == (iconv_t)-1 ? "batch_err_utf8" : "batch_err_encoding", args, 2);
}

static void
row(struct batch *b, const struct csv *c)
{
	long rownum = csv_record_number(c);
	size_t nf = csv_field_count(c);
	const char *bad = take_id(b, c);
	struct answers a;
	struct answers_error err;
	struct advice adv;

	b->rows++;
	if (bad != NULL)
		goto fail;
	if (nf < b->ncols) {
		struct msg_arg args[2] = {MSG_I((int64_t)nf), MSG_I((int64_t)b->ncols)};
		bad = text_of(b, "batch_err_columns", args, 2);
		goto fail;
	}
	answers_init(&a);
	/* most records are ASCII: then no cell needs decoding */
	size_t rlen;
	const char *rbytes = csv_record_bytes(c, &rlen);
	bool ascii = !has_high_byte(rbytes, rlen);
	for (size_t i = 0; i < nf; i++) {
		const struct csv_field *f = csv_field(c, i);
		const char *s = f->s;
		size_t n = f->len;
		int k = i < b->ncols ? b->cols[i] : BATCH_COL_UNNAMED;
		trim(&s, &n);
		if (n == 0 || k == BATCH_COL_ID)
			continue; /* an empty cell is an answer not given */
		if (k == BATCH_COL_UNNAMED) {
			struct msg_arg arg = MSG_I((int64_t)i + 1);
			bad = text_of(b, "batch_err_unnamed", &arg, 1);
			goto fail;
		}
		if (!ascii && !decode(b, s, n, &s, &n)) {
			struct msg_arg args[2] = {MSG_S(answers_key_name(k)), MSG_S(b->charset)};
			bad = text_of(b, b->cd == (iconv_t)-1 ? "batch_err_utf8" : "batch_err_encoding", args,
			              2);
			goto fail;
		}
		if (answers_set_key(&a, (enum answers_key)k, s, n, &err) != ANSWERS_OK) {
			bad = answers_text(b, &err);
			goto fail;
		}
	}
	struct date on = b->as_of;
	if (!b->as_of_given && (a.set & (1u << ANSWERS_AS_OF)))
		on = a.as_of;
	if (advice_build_cached(&adv, &a, b->ps, on, b->params, &err, &b->views) != ANSWERS_OK) {
		bad = answers_text(b, &err);
		goto fail;
	}
	if (b->format == BATCH_CSV)
		put_csv_advice(b, &adv, &a);
	else
		put_json_advice(b, &adv);
	return;
fail:
	put_error(b, rownum, bad);
}

/* A record the reader could not split: an error row (no id is known). */
static void
bad_record(struct batch *b, const struct csv *c, enum csv_status st)
{
	struct msg_arg arg = MSG_I((int64_t)BATCH_MAX_ROW);
	const char *key = st == CSV_ERR_TOO_LONG ? "batch_err_too_long"
	                  : st == CSV_ERR_QUOTE  ? "batch_err_quote"
	                                         : "batch_err_unclosed";
	b->id_len = 0;
	b->rows++;
	put_error(b, csv_record_number(c), text_of(b, key, &arg, 1));
}

/* ---------------------------------------------------------------- the run */

/* Read stdin to its end. Returns the exit status. */
static int
run(struct batch *b)
{
	struct csv *c = csv_new(read_stdin, b, BATCH_MAX_ROW);
	int rc = CMD_EXIT_OK;
	if (c == NULL) {
		say("batch_err_nomem", NULL, 0);
		return CMD_EXIT_IO;
	}
	if (b->have_cols)
		header_once(b);
	for (;;) {
		enum csv_status st = csv_next(c);
		if (st == CSV_END || st == CSV_ERR_READ) {
			if (st == CSV_ERR_READ && !b->out.failed) {
				struct msg_arg arg = MSG_S(strerror(errno));
				say("batch_err_read", &arg, 1);
				rc = CMD_EXIT_IO;
			}
			break;
		}
		if (!b->have_cols) {
			if (st == CSV_RECORD && is_blank(c))
				continue;
			if (st != CSV_RECORD) {
				struct msg_arg arg = MSG_I((int64_t)BATCH_MAX_ROW);
				const char *why = text_of(b,
				                          st == CSV_ERR_TOO_LONG ? "batch_err_too_long"
				                          : st == CSV_ERR_QUOTE  ? "batch_err_quote"
				                                                 : "batch_err_unclosed",
				                          &arg, 1);
				struct msg_arg args[1] = {MSG_S(why)};
				say("batch_err_header", args, 1);
				rc = CMD_EXIT_USAGE;
				break;
			}
			size_t n = csv_field_count(c);
			struct csv_field *names = malloc((n > 0 ? n : 1) * sizeof *names);
			if (names == NULL) {
				say("batch_err_nomem", NULL, 0);
				rc = CMD_EXIT_IO;
				break;
			}
			for (size_t i = 0; i < n; i++)
				names[i] = *csv_field(c, i);
			rc = set_columns(b, names, n);
			free(names);
			if (rc != 0)
				break;
			header_once(b);
			continue;
		}
		if (st != CSV_RECORD) {
			b->first_row = false;
			bad_record(b, c, st);
		} else if (!is_blank(c)) {
			if (b->first_row && b->from_option && is_header_row(c)) {
				b->first_row = false;
				if (same_columns(b, c))
					continue;
				say("batch_err_columns_differ", NULL, 0);
				rc = CMD_EXIT_USAGE;
				break;
			}
			b->first_row = false;
			row(b, c);
		}
		if (b->out.n >= BATCH_FLUSH)
			flush(&b->out);
		if (b->out.failed)
			break;
	}
	if (rc == CMD_EXIT_OK)
		header_once(b);
	flush(&b->out);
	if (b->out.failed) {
		struct msg_arg arg = MSG_S(strerror(b->out.err));
		say("batch_err_write", &arg, 1);
		rc = CMD_EXIT_IO;
	}
	if (rc != CMD_EXIT_USAGE) {
		struct msg_arg args[2] = {MSG_I(b->rows), MSG_I(b->errors)};
		say("batch_summary", args, 2);
	}
	csv_free(c);
	return rc;
}

int
batch_run(const struct batch_options *o)
{
	struct batch *b = calloc(1, sizeof *b);
	const char *encoding = o->input_encoding != NULL ? o->input_encoding : "utf-8";
	struct policy_set *ps = NULL;
	int rc = CMD_EXIT_OK;

	if (b == NULL) {
		say("batch_err_nomem", NULL, 0);
		return CMD_EXIT_IO;
	}
	b->format = o->format;
	b->schema = o->schema == 1 ? 1 : 2;
	b->params = o->params;
	b->header_out = !o->no_header;
	b->first_row = true;
	b->id_col = -1;
	jsonw_init(&b->row, 0);
	json_cache_init(&b->jcache);
	b->cd = (iconv_t)-1;
	b->as_of_given = o->as_of != NULL;
	b->as_of = o->as_of != NULL ? *o->as_of : cli_today();
	size_t e = 0;
	while (e < sizeof encodings / sizeof encodings[0] && strcasecmp(encoding, encodings[e].name) != 0)
		e++;
	if (e == sizeof encodings / sizeof encodings[0]) {
		rc = cmd_usage_error(&cmd_batch_entry, "batch_err_input_encoding", encoding);
		goto out;
	}
	b->charset = encodings[e].shown;
	if (encodings[e].iconv != NULL) {
		b->cd = iconv_open("UTF-8", encodings[e].iconv);
		if (b->cd == (iconv_t)-1) {
			rc = cmd_usage_error(&cmd_batch_entry, "batch_err_input_encoding", encoding);
			goto out;
		}
	}
	if (o->columns != NULL && (rc = set_columns_option(b, o->columns)) != 0)
		goto out;

	/* decoding at most doubles a row (GBK's two bytes are three in UTF-8) */
	b->conv_cap = 2 * BATCH_MAX_ROW;
	b->conv = malloc(b->conv_cap);
	b->id = malloc(3 * BATCH_MAX_ROW); /* every byte U+FFFD at worst */
	if (b->conv == NULL || b->id == NULL) {
		say("batch_err_nomem", NULL, 0);
		rc = CMD_EXIT_IO;
		goto out;
	}
	int nerr;
	ps = policydir_load(o->policy_dir, stderr, &nerr);
	if (ps == NULL) {
		rc = CMD_EXIT_POLICY;
		goto out;
	}
	b->ps = ps;
	advice_views_init(&b->views, ps);
	b->csv_row_max = csv_row_max(b);
	if (fflush(stdout) != 0) {
		rc = CMD_EXIT_IO;
		goto out;
	}
	rc = run(b);
out:
	policy_set_free(ps);
	if (b->cd != (iconv_t)-1)
		iconv_close(b->cd);
	for (size_t s = 0; s < sizeof b->answers_msg / sizeof b->answers_msg[0][0][0]; s++)
		free((&b->answers_msg[0][0][0])[s]);
	free(b->cols);
	free(b->conv);
	free(b->id);
	free(b->out.p);
	jsonw_fini(&b->row);
	json_cache_fini(&b->jcache);
	free(b);
	return rc;
}
