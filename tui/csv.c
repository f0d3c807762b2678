/* csv.c -- a streaming RFC 4180 reader: one record at a time, fields by reference into a reusable buffer */
#include "csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Bytes asked of the read function at a time. Fields are copied out of this
 * buffer as they are read, so it never has to hold a whole record. */
#define CSV_CHUNK ((size_t)256 << 10)

enum csv_state {
	CSV_S_FIELD,    /* at the start of a field */
	CSV_S_PLAIN,    /* in an unquoted field */
	CSV_S_QUOTED,   /* in a quoted field */
	CSV_S_QUOTE,    /* just after a quote inside a quoted field: "" or the end */
	CSV_S_QUOTE_CR, /* a CR after a closing quote: LF must follow */
};

struct csv {
	csv_read_fn read;
	void *ctx;
	char *in; /* CSV_CHUNK bytes of input */
	size_t ipos, iend;
	bool started; /* the byte-order mark was looked for */
	bool eof;
	bool done; /* the input ended in an error: nothing more is read */

	char *buf; /* the current record's field bytes: max bytes, never moved */
	size_t blen, max;
	size_t fstart; /* where the current field starts in buf */
	bool fquoted;
	size_t raw;              /* bytes of the current record so far */
	enum csv_status pending; /* an error found in the current record */
	bool nomem;              /* a field could not be added: the record ends the input in an error,
	                            even if a later try would succeed */

	struct csv_field *f;
	size_t nf, fcap;
	long record;
};

struct csv *
csv_new(csv_read_fn read, void *ctx, size_t max_record)
{
	struct csv *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->read = read;
	c->ctx = ctx;
	c->max = max_record;
	c->in = malloc(CSV_CHUNK);
	c->buf = malloc(max_record > 0 ? max_record : 1);
	c->fcap = 32;
	c->f = malloc(c->fcap * sizeof *c->f);
	if (c->in == NULL || c->buf == NULL || c->f == NULL) {
		csv_free(c);
		return NULL;
	}
	return c;
}

void
csv_free(struct csv *c)
{
	if (c == NULL)
		return;
	free(c->in);
	free(c->buf);
	free(c->f);
	free(c);
}

size_t
csv_field_count(const struct csv *c)
{
	return c->nf;
}

const struct csv_field *
csv_field(const struct csv *c, size_t i)
{
	return i < c->nf ? &c->f[i] : NULL;
}

const char *
csv_record_bytes(const struct csv *c, size_t *len)
{
	*len = c->blen;
	return c->buf;
}

long
csv_record_number(const struct csv *c)
{
	return c->record;
}

/* Read more input after what is held (appending while the byte-order mark
 * is looked for, replacing otherwise). False on a read error. */
static bool
fill(struct csv *c)
{
	if (c->ipos == c->iend)
		c->ipos = c->iend = 0;
	for (;;) {
		ssize_t n = c->read(c->ctx, c->in + c->iend, CSV_CHUNK - c->iend);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		if (n == 0)
			c->eof = true;
		c->iend += (size_t)n;
		return true;
	}
}

/* Count n more bytes of the record; past the maximum, the record is only
 * skipped from then on. */
static void
take(struct csv *c, size_t n)
{
	c->raw += n;
	if (c->raw > c->max && c->pending == CSV_RECORD)
		c->pending = CSV_ERR_TOO_LONG;
}

static void
store(struct csv *c, const char *s, size_t n)
{
	if (c->pending != CSV_RECORD)
		return;
	memcpy(c->buf + c->blen, s, n); /* blen <= raw <= max */
	c->blen += n;
}

/* The current field is complete; strip_cr at the end of a record whose
 * last field is unquoted, to accept CRLF. False when out of memory. */
static bool
end_field(struct csv *c, bool strip_cr)
{
	if (c->pending != CSV_RECORD)
		return true;
	if (strip_cr && !c->fquoted && c->blen > c->fstart && c->buf[c->blen - 1] == '\r')
		c->blen--;
	if (c->nf == c->fcap) {
		/* bounded: a field takes at least one byte of the record */
		struct csv_field *nf = realloc(c->f, 2 * c->fcap * sizeof *nf);
		if (nf == NULL) {
			c->nomem = true;
			return false;
		}
		c->f = nf;
		c->fcap *= 2;
	}
	c->f[c->nf++] =
	    (struct csv_field){.s = c->buf + c->fstart, .len = c->blen - c->fstart, .quoted = c->fquoted};
	c->fstart = c->blen;
	c->fquoted = false;
	return true;
}

/* The common case, at the start of a field: the rest of the record, up to
 * its line end, is in the input buffer and holds no quote. It is taken in
 * one copy and cut at its commas, as the byte-by-byte states would cut it,
 * the line end left for finish. False (nothing taken) otherwise. */
static bool
plain_rest(struct csv *c, const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	if (nl == NULL || memchr(p, '"', (size_t)(nl - p)) != NULL)
		return false;
	size_t n = (size_t)(nl - p);
	take(c, n + 1);
	c->ipos += n + 1;
	if (c->pending != CSV_RECORD)
		return true;
	/* the commas stay in buf between the fields: nothing reads them */
	char *d = c->buf + c->blen;
	memcpy(d, p, n); /* blen + n <= raw <= max */
	size_t start = c->blen;
	c->blen += n;
	for (const char *q = d, *end = d + n;;) {
		/* cells are short: a loop, not a call a cell */
		const char *comma = q;
		while (comma < end && *comma != ',')
			comma++;
		if (comma == end)
			break;
		if (c->nf == c->fcap) {
			c->fstart = start + (size_t)(q - d);
			c->blen = start + (size_t)(comma - d);
			if (!end_field(c, false)) {
				c->blen = start + n;
				return true; /* finish fails the same way */
			}
		} else {
			/* end_field's work, without the call a cell */
			c->f[c->nf++] =
			    (struct csv_field){.s = q, .len = (size_t)(comma - q), .quoted = false};
		}
		q = comma + 1;
		c->fstart = start + (size_t)(q - d);
		c->fquoted = false;
	}
	c->blen = start + n;
	return true;
}

static enum csv_status
finish(struct csv *c, bool strip_cr)
{
	if (c->nomem || !end_field(c, strip_cr)) {
		c->done = true;
		errno = ENOMEM;
		return CSV_ERR_READ;
	}
	return c->pending;
}

enum csv_status
csv_next(struct csv *c)
{
	enum csv_state st = CSV_S_FIELD;
	bool begun = false;

	c->nf = c->blen = c->fstart = c->raw = 0;
	c->fquoted = false;
	c->pending = CSV_RECORD;
	if (c->done)
		return CSV_END;
	if (!c->started) {
		while (c->iend < 3 && !c->eof)
			if (!fill(c)) {
				c->done = true;
				c->record++;
				return CSV_ERR_READ;
			}
		if (c->iend >= 3 && memcmp(c->in, "\xEF\xBB\xBF", 3) == 0)
			c->ipos = 3;
		c->started = true;
	}
	for (;;) {
		if (c->ipos == c->iend) {
			if (!c->eof) {
				if (!fill(c)) {
					c->done = true;
					c->record += !begun;
					return CSV_ERR_READ;
				}
				continue;
			}
			/* the end of the input */
			c->done = true;
			if (!begun)
				return CSV_END;
			if (st == CSV_S_QUOTED) {
				c->pending = CSV_ERR_UNCLOSED;
				return CSV_ERR_UNCLOSED;
			}
			return finish(c, true);
		}
		if (!begun) {
			begun = true;
			c->record++;
		}
		const char *p = c->in + c->ipos, *e = c->in + c->iend;
		switch (st) {
		case CSV_S_FIELD:
			/* at a record's start only: tried after every quoted cell, the
			 * search for the line end would make a long record quadratic */
			if (c->raw == 0 && plain_rest(c, p, e))
				return finish(c, true);
			if (*p == '"') {
				c->fquoted = true;
				c->ipos++;
				take(c, 1);
				st = CSV_S_QUOTED;
			} else {
				st = CSV_S_PLAIN;
			}
			break;
		case CSV_S_PLAIN:
			/* the common case: unquoted fields one after another */
			for (;;) {
				const char *q = p;
				while (q < e && *q != ',' && *q != '\n')
					q++;
				size_t n = (size_t)(q - p);
				take(c, n);
				store(c, p, n);
				c->ipos += n;
				if (q == e)
					break;
				c->ipos++;
				take(c, 1);
				if (*q == '\n')
					return finish(c, true);
				if (!end_field(c, false))
					return finish(c, false);
				p = q + 1;
				if (p == e || *p == '"') {
					st = CSV_S_FIELD;
					break;
				}
			}
			break;
		case CSV_S_QUOTED: {
			const char *q = memchr(p, '"', (size_t)(e - p));
			size_t n = (size_t)((q ? q : e) - p);
			take(c, n);
			store(c, p, n);
			c->ipos += n;
			if (q != NULL) {
				c->ipos++;
				take(c, 1);
				st = CSV_S_QUOTE;
			}
			break;
		}
		case CSV_S_QUOTE:
			c->ipos++;
			if (*p == '"') {
				take(c, 1);
				store(c, "\"", 1);
				st = CSV_S_QUOTED;
			} else if (*p == ',') {
				take(c, 1);
				if (!end_field(c, false))
					return finish(c, false);
				st = CSV_S_FIELD;
			} else if (*p == '\n') {
				take(c, 1);
				return finish(c, false);
			} else if (*p == '\r') {
				take(c, 1);
				st = CSV_S_QUOTE_CR;
			} else {
				/* "a"b: go on as if unquoted, to find where the record ends */
				c->ipos--;
				if (c->pending == CSV_RECORD)
					c->pending = CSV_ERR_QUOTE;
				st = CSV_S_PLAIN;
			}
			break;
		case CSV_S_QUOTE_CR:
			if (*p == '\n') {
				c->ipos++;
				take(c, 1);
				return finish(c, false);
			}
			if (c->pending == CSV_RECORD)
				c->pending = CSV_ERR_QUOTE;
			st = CSV_S_PLAIN;
			break;
		}
	}
}
