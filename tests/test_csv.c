/* test_csv.c -- the streaming CSV reader: RFC 4180 quoting, line endings, BOM, limits, errors, chunking */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"

/* Input in memory, handed out at most `chunk` bytes at a time (0: all it
 * asks for), then a read error when fail_at bytes are gone (0: never). */
struct mem {
	const char *s;
	size_t len, pos, chunk, fail_at;
};

static ssize_t
mem_read(void *ctx, char *buf, size_t cap)
{
	struct mem *m = ctx;
	if (m->fail_at > 0 && m->pos >= m->fail_at) {
		errno = EIO;
		return -1;
	}
	size_t n = m->len - m->pos;
	if (n > cap)
		n = cap;
	if (m->chunk > 0 && n > m->chunk)
		n = m->chunk;
	if (m->fail_at > 0 && m->pos + n > m->fail_at)
		n = m->fail_at - m->pos;
	memcpy(buf, m->s + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

/* Every record as N[field|field] (^ before a quoted field), an error as
 * N and L (too long), Q (text after a quote), U (unclosed), ! (read); then
 * a full stop for the end. */
static void
render(struct mem *m, size_t max, char *out, size_t cap)
{
	struct csv *c = csv_new(mem_read, m, max);
	size_t o = 0;
	assert_non_null(c);
	out[0] = '\0';
	for (int guard = 0; guard < 1000; guard++) {
		enum csv_status st = csv_next(c);
		if (st == CSV_END) {
			o += (size_t)snprintf(out + o, cap - o, ".");
			break;
		}
		o += (size_t)snprintf(out + o, cap - o, "%ld", csv_record_number(c));
		if (st != CSV_RECORD) {
			static const char code[] = {[CSV_ERR_TOO_LONG] = 'L',
			                            [CSV_ERR_QUOTE] = 'Q',
			                            [CSV_ERR_UNCLOSED] = 'U',
			                            [CSV_ERR_READ] = '!'};
			o += (size_t)snprintf(out + o, cap - o, "%c", code[st]);
			continue;
		}
		o += (size_t)snprintf(out + o, cap - o, "[");
		for (size_t i = 0; i < csv_field_count(c); i++) {
			const struct csv_field *f = csv_field(c, i);
			o += (size_t)snprintf(out + o, cap - o, "%s%s%.*s", i ? "|" : "",
			                      f->quoted ? "^" : "", (int)f->len, f->s);
		}
		o += (size_t)snprintf(out + o, cap - o, "]");
		assert_true(o < cap);
	}
	assert_null(csv_field(c, csv_field_count(c)));
	assert_int_equal(csv_next(c), CSV_END); /* and it stays at the end */
	csv_free(c);
}

struct ccase {
	const char *in;
	size_t max; /* 0: 1024 */
	const char *want;
};

static const struct ccase cases[] = {
    /* degenerate */
    {"", 0, "."},
    {"\xEF\xBB\xBF", 0, "."},
    {"\n", 0, "1[]."},
    {"\r\n", 0, "1[]."},
    {"a", 0, "1[a]."},
    {",", 0, "1[|]."},
    {"\"\"", 0, "1[^]."},
    {"a", 1, "1[a]."},
    {"ab", 1, "1L."},
    /* plain records, LF and CRLF, with and without a last line ending */
    {"a,b,c\n", 0, "1[a|b|c]."},
    {"a,b\r\nc,d\r\n", 0, "1[a|b]2[c|d]."},
    {"a,b", 0, "1[a|b]."},
    {"a,b\r", 0, "1[a|b]."},
    {"a,\n", 0, "1[a|]."},
    {",,\n", 0, "1[||]."},
    {"a\rb,c\n", 0, "1[a\rb|c]."},
    {"a\n\n\nb\n", 0, "1[a]2[]3[]4[b]."},
    {"a\r\n\r\nb\r\n", 0, "1[a]2[]3[b]."},
    /* the byte-order mark only at the very start */
    {"\xEF\xBB\xBFid,x\n1,2\n", 0, "1[id|x]2[1|2]."},
    {"a\n\xEF\xBB\xBF"
     "b\n",
     0,
     "1[a]2[\xEF\xBB\xBF"
     "b]."},
    {"\xEF\xBB", 0, "1[\xEF\xBB]."},
    /* quoting */
    {"\"a,b\",\"c\"\"d\"\n", 0, "1[^a,b|^c\"d]."},
    {"\"\",\"\"\n", 0, "1[^|^]."},
    {"\"\"\"\"\n", 0, "1[^\"]."},
    {"\"line1\nline2\",x\r\ny\n", 0, "1[^line1\nline2|x]2[y]."},
    {"\"a\r\nb\"\r\n", 0, "1[^a\r\nb]."},
    {"\"a\"\r\n\"b\"\n", 0, "1[^a]2[^b]."},
    {"\"a\"", 0, "1[^a]."},
    {"\"a\"\r", 0, "1[^a]."},
    {"5\" screen,x\n", 0, "1[5\" screen|x]."},
    {" \"a\" ,b\n", 0, "1[ \"a\" |b]."},
    {"\xE6\x95\xB0,\"\xE6\x8D\xAE\"\n", 0, "1[\xE6\x95\xB0|^\xE6\x8D\xAE]."},
    /* broken quoting: the record is reported and the next one read */
    {"\"a\"b,c\nd\n", 0, "1Q2[d]."},
    {"\"a\"b,\"x\ny\"\nz\n", 0, "1Q2[z]."},
    {"\"a\"\rb\nc\n", 0, "1Q2[c]."},
    {"\"a\"b", 0, "1Q."},
    {"a,\"bc\n", 0, "1U."},
    {"x\n\"", 0, "1[x]2U."},
    /* the maximum record size: skipped to the record's end, quotes followed */
    {"12345678\n123456789\nab\n", 9, "1[12345678]2L3[ab]."},
    {"12345678\r\n", 9, "1L."},
    {"12345678\r\n", 10, "1[12345678]."},
    {"\"1234\n56789\",x\nab\n", 9, "1L2[ab]."},
    {"\"1234567\"\"\n\",x\nab\n", 9, "1L2[ab]."},
    {"1234567,9\nab\n", 9, "1L2[ab]."},
    {"\"12345678\"9\nab\n", 9, "1L2[ab]."},
};

static void
test_cases(void **state)
{
	(void)state;
	static const size_t chunks[] = {0, 1, 2, 3, 7};
	char got[4096];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (size_t k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
			struct mem m = {.s = cases[i].in, .len = strlen(cases[i].in), .chunk = chunks[k]};
			render(&m, cases[i].max ? cases[i].max : 1024, got, sizeof got);
			if (strcmp(got, cases[i].want) != 0)
				print_error("case %zu, read %zu bytes at a time: got \"%s\", want \"%s\"\n",
				            i, chunks[k], got, cases[i].want);
			assert_string_equal(got, cases[i].want);
		}
	}
}

/* A read error ends the input after the records read before it. */
static void
test_read_error(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		size_t fail_at;
		const char *want;
	} rcases[] = {
	    {"a,b\nc,d\n", 4, "1[a|b]2!."},
	    {"a,b\nc,d\n", 6, "1[a|b]2!."},
	    {"abc", 1, "1!."},
	};
	char got[256];
	for (size_t i = 0; i < sizeof rcases / sizeof rcases[0]; i++) {
		struct mem m = {.s = rcases[i].in, .len = strlen(rcases[i].in), .fail_at = rcases[i].fail_at};
		render(&m, 64, got, sizeof got);
		if (strcmp(got, rcases[i].want) != 0)
			print_error("case %zu: got \"%s\", want \"%s\"\n", i, got, rcases[i].want);
		assert_string_equal(got, rcases[i].want);
	}
}

/* realloc, wrapped at link time (tests/meson.build): the call numbered
 * fail_realloc fails, once. */
void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);
static int fail_realloc;

void *
__wrap_realloc(void *p, size_t n)
{
	if (fail_realloc > 0 && --fail_realloc == 0)
		return NULL;
	return __real_realloc(p, n);
}

/* A field that cannot be added (out of memory growing the field array)
 * ends the input in an error, in the fast path of a quote-free line and in
 * the byte states alike; a later field that could be added does not make
 * the record whole again (it had become the rest of the line as one cell). */
static void
test_no_memory(void **state)
{
	(void)state;
	char in[512];
	size_t n = 0;
	/* 40 cells, beyond the 32 the array starts with; then a quoted form */
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(in + n, sizeof in - n, "%s%d", i ? "," : "", i);
	n += (size_t)snprintf(in + n, sizeof in - n, "\n");
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(in + n, sizeof in - n, "%s\"%d\"", i ? "," : "", i);
	n += (size_t)snprintf(in + n, sizeof in - n, "\n");
	const char *second = strchr(in, '\n') + 1;
	for (int which = 0; which < 2; which++) {
		struct mem m = {.s = which ? second : in, .len = strlen(which ? second : in)};
		struct csv *c = csv_new(mem_read, &m, 4096);
		assert_non_null(c);
		fail_realloc = 1; /* the first growing of the field array */
		errno = 0;
		enum csv_status st = csv_next(c);
		fail_realloc = 0;
		if (st == CSV_RECORD)
			print_error("form %d: a record of %zu fields, the last \"%.*s\"\n", which,
			            csv_field_count(c), (int)csv_field(c, csv_field_count(c) - 1)->len,
			            csv_field(c, csv_field_count(c) - 1)->s);
		assert_int_equal(st, CSV_ERR_READ);
		assert_int_equal(errno, ENOMEM);
		assert_int_equal(csv_next(c), CSV_END); /* nothing more is read */
		csv_free(c);
	}
}

/* Many fields (beyond any initial array), records far longer than one read
 * chunk, and a million records: memory does not grow with them. */
static void
test_large(void **state)
{
	(void)state;
	enum { NF = 5000, LONG = 600000 };
	size_t len = NF * 2 + LONG + 64;
	char *in = malloc(len);
	size_t o = 0;
	assert_non_null(in);
	for (int i = 0; i < NF; i++) {
		in[o++] = (char)('a' + i % 26);
		in[o++] = i + 1 < NF ? ',' : '\n';
	}
	in[o++] = '"';
	memset(in + o, 'x', LONG);
	o += LONG;
	o += (size_t)snprintf(in + o, len - o, "\",y\r\nlast\n");

	struct mem m = {.s = in, .len = o};
	struct csv *c = csv_new(mem_read, &m, LONG + 16);
	assert_non_null(c);
	assert_int_equal(csv_next(c), CSV_RECORD);
	assert_int_equal(csv_field_count(c), NF);
	for (int i = 0; i < NF; i++) {
		assert_int_equal(csv_field(c, (size_t)i)->len, 1);
		assert_int_equal(csv_field(c, (size_t)i)->s[0], 'a' + i % 26);
	}
	assert_int_equal(csv_next(c), CSV_RECORD);
	assert_int_equal(csv_field_count(c), 2);
	assert_int_equal(csv_field(c, 0)->len, LONG);
	assert_true(csv_field(c, 0)->quoted);
	assert_memory_equal(csv_field(c, 1)->s, "y", 1);
	assert_int_equal(csv_next(c), CSV_RECORD);
	assert_memory_equal(csv_field(c, 0)->s, "last", 4);
	assert_int_equal(csv_record_number(c), 3);
	assert_int_equal(csv_next(c), CSV_END);
	csv_free(c);
	free(in);

	/* a million short records through a reader of the same size */
	enum { N = 1000000 };
	static const char row[] = "310000,510100,yes,1990-05,female\r\n";
	size_t rl = sizeof row - 1;
	in = malloc(rl * N);
	assert_non_null(in);
	for (int i = 0; i < N; i++)
		memcpy(in + (size_t)i * rl, row, rl);
	m = (struct mem){.s = in, .len = rl * N};
	c = csv_new(mem_read, &m, 64);
	assert_non_null(c);
	long n = 0;
	while (csv_next(c) == CSV_RECORD) {
		assert_int_equal(csv_field_count(c), 5);
		assert_int_equal(csv_field(c, 4)->len, 6);
		n++;
	}
	assert_int_equal(n, N);
	assert_int_equal(csv_record_number(c), N);
	csv_free(c);
	free(in);
}

static void
test_free_null(void **state)
{
	(void)state;
	csv_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_free_null), cmocka_unit_test(test_cases), cmocka_unit_test(test_read_error),
	    cmocka_unit_test(test_no_memory), cmocka_unit_test(test_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
