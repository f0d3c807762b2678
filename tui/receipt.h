/* receipt.h -- the advice on a 58 or 80 mm receipt: layout, character set, ESC/POS, safe writing, printing */
#ifndef YIBAO_RECEIPT_H
#define YIBAO_RECEIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "advice.h"
#include "answers.h"
#include "lines.h"
#include "policy.h"

/* Widths of the printers a receipt is laid out for: 32 columns on 58 mm
 * paper, 42 or 48 on 80 mm (font A or B). */
#define RECEIPT_WIDTH_58MM 32
#define RECEIPT_WIDTH_MIN 16
#define RECEIPT_WIDTH_MAX 256

/* What receipt_write, receipt_bytes and receipt_print return. errno is kept
 * from the failing call for RECEIPT_ERR_IO. */
enum receipt_status {
	RECEIPT_OK = 0,
	RECEIPT_ERR_EXISTS,  /* the file exists and force was not given: nothing written */
	RECEIPT_ERR_IO,      /* a file could not be written (errno); nothing left behind */
	RECEIPT_ERR_USAGE,   /* a width or an encoding that cannot be used */
	RECEIPT_ERR_CHARSET, /* iconv cannot convert to the encoding (errno) */
	RECEIPT_ERR_NOMEM,
	RECEIPT_ERR_COMMAND, /* the print command failed to start, failed or did not finish */
};

/* The receipt of adv for the person of a, in the open catalog's language
 * (msg_open), appended to out: title and date, the person's situation, each
 * option compactly (whether they can join or what blocks it, monthly and
 * yearly cost, waiting months, the years for retirement and any shortfall,
 * the key caveats in a few words; caveats every option shares once after
 * them), the recommendation with its first reasons, where the data comes
 * from and a line to check with the local office. Sections are separated by
 * a rule of '-'. Every line is at most width display columns by Unicode
 * widths (double-width characters count 2; the same on every machine) and
 * holds no ambiguous-width character (no box drawing, curly quotes or ·):
 * what the catalog or the data would give is replaced by an ASCII stand-in.
 * Lines break where ICU allows, never before closing punctuation. width
 * is from RECEIPT_WIDTH_MIN to RECEIPT_WIDTH_MAX. ps may be NULL (regions
 * by code). Returns 0, or -1 for bad arguments or when out of memory (out
 * then holds what was added before). */
int receipt_render(struct lines *out, const struct advice *adv, const struct answers *a,
                   const struct policy_set *ps, int width);

/* The iconv name for an encoding as a user writes it ("utf-8", "utf8",
 * "gb18030", "gbk", any case), or NULL when it is none of those. */
const char *receipt_charset(const char *encoding);

/* The widths a receipt is printed at: 32, 42 and 48, then 0. */
extern const int receipt_widths[];

/* True for the widths a receipt is printed at: receipt_widths. */
bool receipt_width_is_valid(int width);

/* The receipt as the bytes to print or store, in *out (malloc'ed, the
 * caller frees; NUL-terminated, *len bytes without the NUL). charset is an
 * iconv name (receipt_charset; NULL is UTF-8). Where the charset lacks ¥
 * (GBK), the receipt is laid out with the full-width ￥ it becomes, so that
 * every line still fits. Characters it still cannot write become '?' and are
 * counted in *replaced (may be NULL). escpos: start with ESC @ (initialise),
 * for GB18030 and GBK select the Chinese character mode (FS &), and end by
 * feeding a few lines and a partial cut (GS V 66 0). Returns RECEIPT_OK,
 * RECEIPT_ERR_USAGE (a NULL argument, a width out of range),
 * RECEIPT_ERR_CHARSET or RECEIPT_ERR_NOMEM. */
int receipt_bytes(const struct advice *adv, const struct answers *a, const struct policy_set *ps, int width,
                  const char *charset, bool escpos, char **out, size_t *len, size_t *replaced);

/* Write len bytes to path atomically: a temporary file beside it (mkstemp,
 * ".NAME.XXXXXX", mode 0600), written and synced, then put in place and
 * the directory synced. With force it is renamed over path. Without, an
 * existing path (a symbolic link or a directory included) is never
 * replaced: RECEIPT_ERR_EXISTS; the file is hard-linked to path, which
 * fails rather than replace, so no race between a check and the rename
 * (on a file system without hard links: a check, then rename). On any
 * failure the temporary file is removed and path is as it was. Returns
 * RECEIPT_OK, RECEIPT_ERR_EXISTS, or RECEIPT_ERR_IO with errno set. */
int receipt_write(const char *path, bool force, const char *bytes, size_t len);

/* The wizard's print action. cmd_or_path starting with '/' or "./" is a
 * file: the receipt is written there (receipt_write, never replacing a
 * file). Anything else is a command run with /bin/sh -c, fed the receipt on
 * its standard input; its standard output goes to /dev/null (it must not
 * draw over the screen) and the start of its standard error is kept for the
 * message; it must read the whole receipt and exit with status 0 within 30
 * seconds. encoding as for receipt_charset (NULL: UTF-8). On failure a
 * sentence in the catalog's language goes to errbuf (errcap bytes, may be
 * 0). Returns RECEIPT_OK, RECEIPT_ERR_EXISTS, RECEIPT_ERR_IO,
 * RECEIPT_ERR_USAGE, RECEIPT_ERR_CHARSET, RECEIPT_ERR_NOMEM or
 * RECEIPT_ERR_COMMAND. SIGPIPE is ignored while the command is fed, then
 * restored. */
int receipt_print(const char *cmd_or_path, const struct advice *adv, const struct answers *a,
                  const struct policy_set *ps, int width, const char *encoding, bool escpos, char *errbuf,
                  size_t errcap);

#endif
