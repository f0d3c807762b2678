/* batch.h -- yibao batch: answers as CSV rows on stdin, one advice row per input row on stdout */
#ifndef YIBAO_BATCH_H
#define YIBAO_BATCH_H

/* Run `yibao batch [options]`: argv[0] is "batch", the options follow
 * (--format csv|jsonl, --input-encoding utf-8|gb18030|gbk, --as-of DATE,
 * --policy-dir DIR, --lang en|zh, --columns LIST, --no-header, --help).
 * Reads stdin to its end in constant memory and writes stdout; messages go
 * to stderr in the language of the open catalog (msg_open must have been
 * called). A bad row gets an error in its output row and the stream goes
 * on. Returns the exit status: 0 the input was read (bad rows included),
 * 2 bad usage or an unusable header, 3 bad policy data, 4 a read or write
 * error. */
int batch_main(int argc, char **argv);

#endif
