/* fuzz_csv.c -- libFuzzer target: the streaming CSV reader over untrusted bytes, in chunks of varying size */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include "csv.h"
#include "fuzz.h"

/* The first two bytes choose the maximum record size, a read error and the
 * chunk sizes; the rest is the CSV text. */
static const size_t max_records[] = {1, 2, 3, 7, 16, 64, 1024, 65536};

struct stream {
	const char *s;
	size_t len, pos;
	uint32_t rng;   /* chunk sizes; 0: all the reader asks for */
	size_t fail_at; /* a read error once this many bytes are gone; SIZE_MAX: never */
};

static ssize_t
stream_read(void *ctx, char *buf, size_t cap)
{
	struct stream *m = ctx;
	if (m->pos >= m->fail_at) {
		errno = EIO;
		return -1;
	}
	size_t n = m->len - m->pos;
	if (n > cap)
		n = cap;
	if (m->rng != 0) {
		/* xorshift32: mostly a few bytes, sometimes a few hundred */
		m->rng ^= m->rng << 13;
		m->rng ^= m->rng >> 17;
		m->rng ^= m->rng << 5;
		size_t want = (m->rng & 0x70) == 0 ? (m->rng >> 8) % 509 + 1 : (m->rng >> 8) % 7 + 1;
		if (n > want)
			n = want;
	}
	if (m->fail_at != SIZE_MAX && m->pos + n > m->fail_at)
		n = m->fail_at - m->pos;
	memcpy(buf, m->s + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

static uint64_t
mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211u; /* FNV-1a */
	return h;
}

/* Read everything; return a digest of every status, record number and
 * field, checking what csv.h promises on the way. */
static uint64_t
read_all(struct stream *m, size_t max)
{
	struct csv *c = csv_new(stream_read, m, max);
	CHECK(c != NULL);
	uint64_t h = 14695981039346656037u;
	long last = 0;
	size_t calls = 0;
	for (;;) {
		enum csv_status st = csv_next(c);
		CHECK(st >= CSV_RECORD && st <= CSV_ERR_READ);
		CHECK(++calls <= m->len + 2); /* every record takes at least a byte */
		h = mix(h, &st, sizeof st);
		if (st == CSV_END) {
			CHECK(csv_record_number(c) == last);
			break;
		}
		/* empty lines and bad records are numbered too */
		CHECK(csv_record_number(c) == last + 1);
		last = csv_record_number(c);
		h = mix(h, &last, sizeof last);
		if (st == CSV_RECORD) {
			size_t n = csv_field_count(c), bytes = 0;
			CHECK(n >= 1);
			CHECK(csv_field(c, n) == NULL);
			h = mix(h, &n, sizeof n);
			for (size_t i = 0; i < n; i++) {
				const struct csv_field *f = csv_field(c, i);
				CHECK(f != NULL && (f->s != NULL || f->len == 0));
				h = mix(h, &f->len, sizeof f->len);
				h = mix(h, &f->quoted, sizeof f->quoted);
				h = mix(h, f->s, f->len);
				bytes += f->len + (i > 0); /* a comma between fields */
			}
			CHECK(bytes <= max); /* "a record may be at most max_record bytes" */
		}
		if (st == CSV_ERR_READ || st == CSV_ERR_UNCLOSED) {
			/* they end the input */
			CHECK(csv_next(c) == CSV_END);
			break;
		}
	}
	CHECK(csv_next(c) == CSV_END); /* and it stays at the end */
	CHECK(csv_next(c) == CSV_END);
	csv_free(c);
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t max = max_records[data[0] & 7];
	bool fail = (data[0] & 8) != 0;
	uint32_t seed = (uint32_t)data[1] * 2654435761u | 1u;
	struct stream m = {.s = (const char *)data + 2, .len = size - 2, .fail_at = SIZE_MAX};

	/* the records must not depend on how the bytes arrive */
	uint64_t whole = read_all(&m, max);
	m.pos = 0;
	m.rng = seed;
	uint64_t chunked = read_all(&m, max);
	CHECK(whole == chunked);

	if (fail) {
		m.pos = 0;
		m.rng = seed;
		m.fail_at = m.len > 0 ? data[1] % (m.len + 1) : 0;
		read_all(&m, max);
	}
	return 0;
}
