/* csv.h -- a streaming RFC 4180 reader: one record at a time, fields by reference into a reusable buffer */
#ifndef YIBAO_CSV_H
#define YIBAO_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Where the bytes come from: fill buf with up to cap bytes and return how
 * many, 0 at the end of the input, or -1 with errno set on an error. */
typedef ssize_t (*csv_read_fn)(void *ctx, char *buf, size_t cap);

enum csv_status {
	CSV_RECORD,       /* a record: csv_field_count and csv_field */
	CSV_END,          /* no more input */
	CSV_ERR_TOO_LONG, /* the record is longer than the maximum; skipped to its end */
	CSV_ERR_QUOTE,    /* text after a closing quote ("a"b); skipped to the record's end */
	CSV_ERR_UNCLOSED, /* a quoted field still open at the end of the input */
	CSV_ERR_READ,     /* the read function failed (errno as it left it); nothing more is read */
};

/* One field of the current record: its bytes (unquoted, "" made ", not
 * NUL-terminated), valid until the next csv_next. */
struct csv_field {
	const char *s;
	size_t len;
	bool quoted; /* written between quotes in the input */
};

struct csv;

/* A reader pulling bytes from read(ctx, …). A record (its raw bytes, quotes
 * and line ending included) may be at most max_record bytes: memory stays
 * within about max_record plus a fixed input buffer, whatever the input.
 * Returns NULL when out of memory. Free with csv_free. */
struct csv *csv_new(csv_read_fn read, void *ctx, size_t max_record);
void csv_free(struct csv *c);

/* Read the next record. Records end at LF or CRLF outside quotes, or at the
 * end of the input; quoted fields may hold commas, "" and line breaks; a
 * UTF-8 byte-order mark at the very start is skipped; a quote inside an
 * unquoted field is kept as text. An empty line is a record of one empty
 * field. After an error status the next call reads the record after it
 * (except after CSV_ERR_READ and CSV_ERR_UNCLOSED, which end the input). */
enum csv_status csv_next(struct csv *c);

/* The fields of the record csv_next just returned (CSV_RECORD only). */
size_t csv_field_count(const struct csv *c);
const struct csv_field *csv_field(const struct csv *c, size_t i);

/* All the record's field bytes, one after another (the fields point into
 * them): what a caller checks once instead of field by field. */
const char *csv_record_bytes(const struct csv *c, size_t *len);

/* The number of the record csv_next last returned, whatever its status,
 * counting from 1: empty lines and bad records are numbered too, so it is
 * the row number a spreadsheet shows. */
long csv_record_number(const struct csv *c);

#endif
