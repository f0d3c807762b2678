/* enc.h -- text to and from a character set through iconv: the locale's at a terminal, GB18030 or
 * GBK on a receipt, GBK in a spreadsheet's CSV; what a target lacks is mapped, never dropped */
#ifndef YIBAO_ENC_H
#define YIBAO_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct enc;

/* A converter from UTF-8 to charset ("UTF-8", "GB18030", "GBK", or any name
 * iconv knows); NULL means the current locale's (nl_langinfo(CODESET)).
 * Returns NULL when iconv cannot convert to it (errno set). */
struct enc *enc_new(const char *charset);
void enc_free(struct enc *e);
/* The target's canonical name as given or found ("GB18030"). */
const char *enc_charset(const struct enc *e);
/* True when the target is UTF-8 (no conversion happens). */
bool enc_is_utf8(const struct enc *e);

/* Write len bytes of UTF-8 to out in the target set. A character the target
 * lacks is first mapped to a near one (¥ to ￥, narrow no-break, thin and
 * other special spaces to a space, curly quotes to straight ones, the
 * en and em dashes to '-'); if it still cannot be written it becomes '?'
 * and is counted in *replaced (may be NULL). Invalid UTF-8 input becomes
 * '?' too. Returns 0, or -1 on an output error. */
int enc_write(struct enc *e, FILE *out, const char *utf8, size_t len, size_t *replaced);

/* The same into a malloc'ed, NUL-terminated buffer (*outlen its length). */
char *enc_convert(struct enc *e, const char *utf8, size_t len, size_t *outlen, size_t *replaced);

/* Decode len bytes in charset into malloc'ed UTF-8. Returns NULL when the
 * input is not valid in charset; *bad_offset (may be NULL) then gets the
 * offset of the first bad byte. */
char *enc_to_utf8(const char *charset, const char *in, size_t len, size_t *outlen, size_t *bad_offset);

#endif
