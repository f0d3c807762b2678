/* enc.c -- text to and from a character set through iconv, mapping what a target lacks */
#include "enc.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

struct enc {
	iconv_t cd; /* UTF-8 to the target; (iconv_t)-1 when the target is UTF-8 */
	char name[32];
};

/* Characters a GB or ASCII set may lack, and what stands in for them. */
static const struct {
	uint32_t from;
	const char *to; /* UTF-8 */
} fallbacks[] = {
    {0x00A5, "\xEF\xBF\xA5"}, /* ¥ -> ￥ (GBK has only the full-width sign) */
    {0x00A0, " "},
    {0x2002, " "},
    {0x2003, " "},
    {0x2007, " "},
    {0x2008, " "},
    {0x2009, " "},
    {0x200A, " "},
    {0x202F, " "},
    {0x205F, " "}, /* special spaces */
    {0x2018, "'"},
    {0x2019, "'"},
    {0x201C, "\""},
    {0x201D, "\""},
    {0x2013, "-"},
    {0x2014, "-"},
    {0x2212, "-"},
    {0xFFE5, "Y"}, /* ￥ in a set without it (ASCII) */
};

static bool
same(const char *a, const char *b)
{
	/* "UTF-8" and "utf8", "GB18030" and "gb18030" */
	while (*a && *b) {
		if (*a == '-' || *a == '_') {
			a++;
			continue;
		}
		if (*b == '-' || *b == '_') {
			b++;
			continue;
		}
		if ((*a | 0x20) != (*b | 0x20))
			return false;
		a++;
		b++;
	}
	while (*a == '-' || *a == '_')
		a++;
	while (*b == '-' || *b == '_')
		b++;
	return *a == *b;
}

struct enc *
enc_new(const char *charset)
{
	struct enc *e = calloc(1, sizeof *e);
	if (e == NULL)
		return NULL;
	if (charset == NULL)
		charset = nl_langinfo(CODESET);
	if (charset == NULL || *charset == '\0')
		charset = "ANSI_X3.4-1968";
	snprintf(e->name, sizeof e->name, "%s", charset);
	e->cd = (iconv_t)-1;
	if (!same(charset, "UTF-8")) {
		e->cd = iconv_open(charset, "UTF-8");
		if (e->cd == (iconv_t)-1) {
			free(e);
			return NULL;
		}
	}
	return e;
}

void
enc_free(struct enc *e)
{
	if (e == NULL)
		return;
	if (e->cd != (iconv_t)-1)
		iconv_close(e->cd);
	free(e);
}

const char *
enc_charset(const struct enc *e)
{
	return e->name;
}

bool
enc_is_utf8(const struct enc *e)
{
	return e->cd == (iconv_t)-1;
}

/* A growing output buffer. */
struct buf {
	char *p;
	size_t n, cap;
	bool failed;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *np = realloc(b->p, cap);
		if (np == NULL) {
			b->failed = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* Convert one character (its UTF-8 bytes) into b; false when the target lacks it. */
static bool
one(struct enc *e, struct buf *b, const char *s, size_t n)
{
	char out[16];
	char *in = (char *)s, *op = out;
	size_t il = n, ol = sizeof out;
	if (e->cd == (iconv_t)-1) {
		buf_add(b, s, n);
		return true;
	}
	iconv(e->cd, NULL, NULL, NULL, NULL);
	if (iconv(e->cd, &in, &il, &op, &ol) == (size_t)-1 || il != 0) {
		iconv(e->cd, NULL, NULL, NULL, NULL);
		return false;
	}
	/* flush any shift state (not used by the GB sets, but harmless) */
	iconv(e->cd, NULL, NULL, &op, &ol);
	buf_add(b, out, sizeof out - ol);
	return true;
}

char *
enc_convert(struct enc *e, const char *utf8, size_t len, size_t *outlen, size_t *replaced)
{
	struct buf b = {0};
	const unsigned char *s = (const unsigned char *)utf8;
	size_t i = 0;
	buf_add(&b, "", 0);
	while (i < len && !b.failed) {
		/* runs of ASCII go through as they are in every set used here */
		size_t j = i;
		while (j < len && s[j] < 0x80)
			j++;
		if (j > i) {
			buf_add(&b, utf8 + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		size_t n = text_utf8_next(utf8 + i, len - i, &cp);
		bool ok = cp != 0xFFFD && one(e, &b, utf8 + i, n);
		for (size_t k = 0; !ok && cp != 0xFFFD && k < sizeof fallbacks / sizeof fallbacks[0]; k++)
			if (fallbacks[k].from == cp)
				ok = one(e, &b, fallbacks[k].to, strlen(fallbacks[k].to));
		if (!ok) {
			buf_add(&b, "?", 1);
			if (replaced != NULL)
				(*replaced)++;
		}
		i += n;
	}
	if (b.failed) {
		free(b.p);
		errno = ENOMEM;
		return NULL;
	}
	if (outlen != NULL)
		*outlen = b.n;
	return b.p;
}

int
enc_write(struct enc *e, FILE *out, const char *utf8, size_t len, size_t *replaced)
{
	size_t n;
	char *s = enc_convert(e, utf8, len, &n, replaced);
	if (s == NULL)
		return -1;
	int r = fwrite(s, 1, n, out) == n ? 0 : -1;
	free(s);
	return r;
}

char *
enc_to_utf8(const char *charset, const char *in, size_t len, size_t *outlen, size_t *bad_offset)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16;
	char *out = malloc(cap);
	char *ip = (char *)in, *op = out;
	size_t il = len, ol = cap - 1;
	while (out != NULL && il > 0) {
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t used = (size_t)(op - out);
			char *np = realloc(out, cap * 2);
			if (np == NULL) {
				free(out);
				out = NULL;
				break;
			}
			out = np;
			cap *= 2;
			op = out + used;
			ol = cap - 1 - used;
			continue;
		}
		/* EILSEQ or EINVAL: not valid in charset */
		if (bad_offset != NULL)
			*bad_offset = (size_t)(ip - in);
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	if (out == NULL)
		return NULL;
	*op = '\0';
	if (outlen != NULL)
		*outlen = (size_t)(op - out);
	return out;
}
