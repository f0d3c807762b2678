/* batch.h -- yibao batch: answers as CSV rows on stdin, one advice row per input row on stdout */
#ifndef YIBAO_BATCH_H
#define YIBAO_BATCH_H

#include <stdbool.h>

#include "advice.h"
#include "date.h"

enum batch_format { BATCH_CSV, BATCH_JSONL };

/* What `yibao batch` was asked for (tui/cmd_batch.c reads the options). */
struct batch_options {
	enum batch_format format;
	const char *input_encoding; /* utf-8, gb18030 or gbk, any case; NULL: utf-8 */
	const struct date *as_of;   /* every row on this date; NULL: each row's as_of, else today */
	const char *policy_dir;     /* may be NULL */
	const char *columns;        /* the input's column names, comma-separated; NULL: its first row */
	bool no_header;             /* no CSV header row in the output */
	int schema;                 /* JSON lines: 2 (yibao.advice/2, no read_at) or 1 */
	const struct advice_params *params; /* every row's what-if (base, tiers); NULL: none */
};

/* Reads stdin to its end in constant memory and writes stdout; messages go
 * to stderr in the language of the open catalog (msg_open must have been
 * called). A bad row gets an error in its output row and the stream goes
 * on. Returns the exit status (enum cmd_exit): 0 the input was read (bad
 * rows included), 2 a bad encoding or --columns, or an unusable header,
 * 3 bad policy data, 4 a read or write error. */
int batch_run(const struct batch_options *o);

#endif
