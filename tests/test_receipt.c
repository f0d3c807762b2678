/* test_receipt.c -- receipts: widths, line starts, characters, encodings, ESC/POS, atomic files, printing */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "advice.h"
#include "enc.h"
#include "lines.h"
#include "msg.h"
#include "receipt.h"
#include "wrap.h"

#define U WRAP_MEASURE_UNICODE

struct rcase {
	const char *name;
	const char *answers;
	const char *as_of;
	int noptions;
	int recommended;
};

#define RIDER(city)                                                                                          \
	"work_city = " city "\nhukou_city = 510100\nresidence_permit = yes\nbirth = 1985-03\n"               \
	"sex = male\nwork = flexible\nmonthly_income = 6000\n"
#define QINGDAO(work)                                                                                        \
	"work_city = 370200\nhukou_city = 370200\nbirth = 1975-06\nsex = female\n"                           \
	"female_retire_age = 50\nwork = " work "\nmonthly_income = 4000\n"

static const struct rcase cases[] = {
    {"Shanghai rider, Chengdu hukou, 2025", RIDER("310000"), "2025-06-01", 3, 2},
    {"Qingdao local, 2023: employee cost known", QINGDAO("flexible"), "2023-06-01", 2, 0},
    {"Qingdao employed, 2023: insured by the employer", QINGDAO("employed"), "2023-06-01", 2, -1},
    {"Beijing rider, 2019: hukou required", RIDER("110000"), "2019-06-01", 3, 2},
    {"Chongqing local, 2023: a fixed yearly amount",
     "work_city = 500000\nhukou_city = 500000\nbirth = 1985-03\nsex = male\nwork = flexible\n"
     "monthly_income = 6000\n",
     "2023-06-01", 2, 0},
    {"Shenzhen, Wuhan hukou, no permit, long gap, years elsewhere",
     "work_city = 440300\nhukou_city = 420100\nresidence_permit = no\nbirth = 1970-11\nsex = male\n"
     "work = self_employed\nmonthly_income = 2500\nemployee_years = 12.5\nemployee_years_local = 2\n"
     "coverage = employee\ncoverage_city = 420100\ngap_months = 40\nstay_years = 1\n"
     "retire_city = hukou\n",
     "2025-06-01", 3, -2},
    {"Hangzhou, no income, woman near retirement",
     "work_city = 330100\nhukou_city = 330100\nbirth = 1972-02\nsex = female\nfemale_retire_age = 55\n"
     "work = unemployed\nmonthly_income = 0\n",
     "2025-06-01", 2, -2},
};

static const int widths[] = {32, 42, 48};
static const enum msg_lang langs[] = {MSG_EN, MSG_ZH};

/* Marks that must not start a line. */
static const char *const closing[] = {
    "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", ",", ".", ";", ":", ")",
};

static struct policy_set *ps;
static int failures;
static char where[256];

#define CHECK(cond, ...)                                                                                     \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			print_message("%s: ", where);                                                        \
			print_message(__VA_ARGS__);                                                          \
			print_message("\n");                                                                 \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)

/* ---------------------------------------------------------------- helpers */

static int
cols(const char *s)
{
	return wrap_text_width(s, strlen(s), U);
}

static bool
has_ambiguous(const char *s)
{
	int32_t i = 0, len = (int32_t)strlen(s);
	while (i < len) {
		UChar32 c;
		U8_NEXT(s, i, len, c);
		if (c < 0 || u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS)
			return true;
	}
	return false;
}

/* The text of a line after its indent and bullet. */
static const char *
body(const char *s)
{
	s += strspn(s, " ");
	if (strncmp(s, "- ", 2) == 0)
		s += 2;
	return s;
}

static bool
starts_with_closing(const char *s)
{
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (strncmp(s, closing[i], strlen(closing[i])) == 0)
			return true;
	return false;
}

/* Every line's text without spaces, run together: messages are found in
 * it whatever the line breaks. */
static char *
squeezed(const struct lines *l)
{
	size_t total = 1;
	for (size_t i = 0; i < l->n; i++)
		total += strlen(l->text[i]);
	char *s = malloc(total), *p = s;
	assert_non_null(s);
	for (size_t i = 0; i < l->n; i++)
		for (const char *t = l->text[i]; *t != '\0'; t++)
			if (*t != ' ')
				*p++ = *t;
	*p = '\0';
	return s;
}

static void
squeeze(char *s)
{
	char *p = s;
	for (const char *t = s; *t != '\0'; t++)
		if (*t != ' ')
			*p++ = *t;
	*p = '\0';
}

static bool
contains_msg(const char *all, const char *key, const struct msg_arg *args, int n)
{
	char m[1024];
	msg_format(m, sizeof m, key, args, n);
	squeeze(m);
	return strstr(all, m) != NULL;
}

static bool
build(const struct rcase *c, struct answers *a, struct advice *adv)
{
	struct answers_error err;
	struct date d;
	answers_init(a);
	char text[1024];
	snprintf(text, sizeof text, "[answers]\n%s", c->answers);
	if (answers_parse(a, text, strlen(text), &err) != ANSWERS_OK)
		return false;
	if (!date_parse(c->as_of, strlen(c->as_of), &d))
		return false;
	return advice_build(adv, a, ps, d, NULL, &err) == ANSWERS_OK;
}

static void
dump(const struct lines *l)
{
	if (getenv("RECEIPT_DUMP") == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		printf("%s|\n", l->text[i]);
}

/* What every receipt must be, whatever its content. */
static void
check_lines(const struct lines *l, int width, const struct advice *adv)
{
	bool rule = false;
	char d[11];
	CHECK(l->n > 10, "only %zu lines", l->n);
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->text[i];
		size_t len = strlen(t);
		CHECK(cols(t) <= width, "line %zu is %d columns: \"%s\"", i, cols(t), t);
		CHECK(!has_ambiguous(t), "line %zu has an ambiguous-width character: \"%s\"", i, t);
		CHECK(!starts_with_closing(body(t)), "line %zu starts with closing punctuation: \"%s\"", i,
		      t);
		CHECK(len == 0 || t[len - 1] != ' ', "line %zu ends with a space: \"%s\"", i, t);
		CHECK(strchr(t, '\t') == NULL && strchr(t, '\n') == NULL, "line %zu has a tab or newline", i);
		/* msg_format writes a missing key as "[key]" */
		CHECK(strstr(t, "[rcpt_") == NULL && strstr(t, "[cmp_") == NULL &&
		          strstr(t, "[fmt_") == NULL && strstr(t, "[scheme_") == NULL &&
		          strstr(t, "[option_") == NULL,
		      "line %zu names a missing message: \"%s\"", i, t);
		if (len > 0 && strspn(t, "-") == len) {
			CHECK((int)len == width, "the rule is %zu wide", len);
			rule = true;
		}
	}
	CHECK(rule, "no rule line");
	/* the date, each option, the recommendation, the office */
	char *all = squeezed(l);
	date_format(adv->as_of, d);
	CHECK(strstr(all, d) != NULL, "no date %s", d);
	for (int i = 0; i < adv->noptions; i++) {
		char num[16];
		bool found = false;
		snprintf(num, sizeof num, "%d. ", i + 1);
		for (size_t k = 0; k < l->n && !found; k++)
			found = strncmp(l->text[k], num, strlen(num)) == 0;
		CHECK(found, "no line for option %d", i + 1);
	}
	CHECK(contains_msg(all, "rcpt_check_office", NULL, 0), "no line to check with the office");
	CHECK(contains_msg(all, "rcpt_title", NULL, 0), "no title");
	if (adv->recommended < 0)
		CHECK(contains_msg(all, "cmp_recommend_none", NULL, 0), "no \"none recommended\"");
	free(all);
}

/* ---------------------------------------------------------------- render */

static void
test_degenerate(void **state)
{
	(void)state;
	struct lines l;
	struct answers a;
	struct advice adv;
	lines_init(&l);
	assert_true(msg_open(MSG_EN));
	assert_true(build(&cases[0], &a, &adv));
	assert_int_equal(receipt_render(NULL, &adv, &a, ps, 32), -1);
	assert_int_equal(receipt_render(&l, NULL, &a, ps, 32), -1);
	assert_int_equal(receipt_render(&l, &adv, NULL, ps, 32), -1);
	assert_int_equal(receipt_render(&l, &adv, &a, ps, 0), -1);
	assert_int_equal(receipt_render(&l, &adv, &a, ps, RECEIPT_WIDTH_MIN - 1), -1);
	assert_int_equal(l.n, 0);
	/* the narrowest width still keeps to it */
	assert_int_equal(receipt_render(&l, &adv, &a, ps, RECEIPT_WIDTH_MIN), 0);
	for (size_t i = 0; i < l.n; i++)
		assert_true(cols(l.text[i]) <= RECEIPT_WIDTH_MIN);
	/* no policy set: regions by code */
	lines_clear(&l);
	assert_int_equal(receipt_render(&l, &adv, &a, NULL, 32), 0);
	char *all = squeezed(&l);
	assert_non_null(strstr(all, "310000"));
	free(all);
	/* no options at all: still a receipt, with no recommendation */
	struct advice none = adv;
	none.noptions = 0;
	none.recommended = -1;
	none.nreasons = 0;
	lines_clear(&l);
	assert_int_equal(receipt_render(&l, &none, &a, ps, 32), 0);
	snprintf(where, sizeof where, "no options");
	check_lines(&l, 32, &none);
	lines_fini(&l);

	static const struct {
		const char *in, *want;
	} charsets[] = {
	    {NULL, NULL},           {"", NULL},        {"utf-8", "UTF-8"},
	    {"UTF-8", "UTF-8"},     {"utf8", "UTF-8"}, {"gb18030", "GB18030"},
	    {"GB18030", "GB18030"}, {"gbk", "GBK"},    {"GBK", "GBK"},
	    {"gb2312", NULL},       {"latin1", NULL},  {"utf-16", NULL},
	};
	for (size_t i = 0; i < sizeof charsets / sizeof charsets[0]; i++) {
		const char *got = receipt_charset(charsets[i].in);
		if (charsets[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, charsets[i].want);
	}
	static const struct {
		int width;
		bool ok;
	} ws[] = {{0, false},  {-32, false}, {31, false}, {32, true},
	          {40, false}, {42, true},   {48, true},  {80, false}};
	for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++)
		assert_int_equal(receipt_width_is_valid(ws[i].width), ws[i].ok);
	assert_int_equal(failures, 0);
}

/* Every case at every width in both languages. */
static void
test_cases(void **state)
{
	(void)state;
	int bounds = 0;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct answers a;
		struct advice adv;
		snprintf(where, sizeof where, "case %zu (%s)", c, cases[c].name);
		assert_true(build(&cases[c], &a, &adv));
		CHECK(adv.noptions == cases[c].noptions, "%d options", adv.noptions);
		if (cases[c].recommended > -2)
			CHECK(adv.recommended == cases[c].recommended, "option %d recommended",
			      adv.recommended);
		for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
			assert_true(msg_open(langs[l]));
			for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
				struct lines out;
				lines_init(&out);
				snprintf(where, sizeof where, "case %zu (%s), %s, width %d", c, cases[c].name,
				         langs[l] == MSG_ZH ? "zh" : "en", widths[w]);
				CHECK(receipt_render(&out, &adv, &a, ps, widths[w]) == 0, "render failed");
				dump(&out);
				check_lines(&out, widths[w], &adv);
				/* a blocker is named */
				char *all = squeezed(&out);
				struct msg_arg none = MSG_S("");
				for (int i = 0; i < adv.noptions; i++)
					if (adv.options[i].nblockers > 0)
						CHECK(contains_msg(all, "rcpt_join_no", &none, 1),
						      "option %d: no \"cannot join\"", i + 1);
				/* a waiting period that is the national bound is one */
				for (int i = 0; i < adv.noptions; i++)
					if (adv.options[i].waiting_is_bound &&
					    adv.options[i].waiting_months > 0) {
						bounds++;
						char m[64], v[128];
						struct msg_arg ma = MSG_I(adv.options[i].waiting_months);
						msg_format(m, sizeof m, "fmt_months", &ma, 1);
						struct msg_arg mv = MSG_S(m);
						msg_format(v, sizeof v, "cmp_at_most", &mv, 1);
						struct msg_arg wa = MSG_S(v);
						CHECK(contains_msg(all, "rcpt_waiting", &wa, 1),
						      "option %d: the waiting bound not said to be one",
						      i + 1);
					}
				free(all);
				lines_fini(&out);
			}
		}
	}
	CHECK(bounds > 0, "no case has a waiting period that is the national bound");
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* ---------------------------------------------------------------- bytes */

/* How a charset comes out: ESC/POS framing, which yen sign, the Chinese. */
struct bcase {
	const char *charset;
	bool escpos, chinese_mode, yen, fullwidth_yen;
};

static const struct bcase bcases[] = {
    {"UTF-8", false, false, true, false},   {"UTF-8", true, false, true, false},
    {"GB18030", false, false, true, false}, {"GB18030", true, true, true, false},
    {"GBK", false, false, false, true},     {"GBK", true, true, false, true},
    {NULL, false, false, true, false},
};

/* The ESC/POS bytes around the receipt: ESC @, FS & for the GB sets; a
 * feed of 3 lines and GS V 66 0 last. */
#define HEAD_MAX 4
#define TAIL                                                                                                 \
	"\x1b"                                                                                               \
	"d\x03"                                                                                              \
	"\x1dV\x42\x00"
#define TAIL_LEN 7

static void
check_bytes(const struct bcase *bc, const struct advice *adv, const struct answers *a, int width, bool zh)
{
	char *b = NULL, *text;
	size_t n = 0, rep = 0, tn = 0;
	int rc = receipt_bytes(adv, a, ps, width, bc->charset, bc->escpos, &b, &n, &rep);
	CHECK(rc == RECEIPT_OK, "receipt_bytes gave %d", rc);
	if (b == NULL)
		return;
	CHECK(rep == 0, "%zu characters replaced", rep);
	CHECK(strlen(b) == n || bc->escpos, "NUL in the receipt");
	const char *p = b;
	size_t pn = n, head = bc->chinese_mode ? 4 : 2;
	if (bc->escpos) {
		CHECK(n > head + TAIL_LEN && memcmp(b, "\x1b@", 2) == 0, "no ESC @ first");
		CHECK(bc->chinese_mode == (memcmp(b + 2, "\x1c&", 2) == 0), "Chinese mode %s",
		      bc->chinese_mode ? "missing" : "where it does not belong");
		CHECK(memcmp(b + n - TAIL_LEN, TAIL, TAIL_LEN) == 0, "no feed and cut last");
		p = b + head;
		pn = n - head - TAIL_LEN;
	} else {
		CHECK(n > 0 && b[n - 1] == '\n', "no newline last");
	}
	text = enc_to_utf8(bc->charset ? bc->charset : "UTF-8", p, pn, &tn, NULL);
	CHECK(text != NULL, "does not decode");
	if (text != NULL) {
		CHECK((strstr(text, "\xC2\xA5") != NULL) == bc->yen, "the yen sign");
		CHECK((strstr(text, "\xEF\xBF\xA5") != NULL) == bc->fullwidth_yen, "the full-width yen sign");
		if (zh)
			CHECK(strstr(text, "职工医保") != NULL, "the Chinese did not arrive");
		/* what is printed fits, the widened ￥ included */
		for (char *line = text, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
			*nl = '\0';
			CHECK(cols(line) <= width, "printed line is %d columns: \"%s\"", cols(line), line);
		}
	}
	free(text);
	free(b);
}

static void
test_bytes(void **state)
{
	(void)state;
	struct answers a;
	struct advice adv;
	assert_true(build(&cases[0], &a, &adv));
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		assert_true(msg_open(langs[l]));
		for (size_t i = 0; i < sizeof bcases / sizeof bcases[0]; i++)
			for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
				snprintf(where, sizeof where, "bytes case %zu (%s%s), %s, width %d", i,
				         bcases[i].charset ? bcases[i].charset : "NULL",
				         bcases[i].escpos ? " escpos" : "", langs[l] == MSG_ZH ? "zh" : "en",
				         widths[w]);
				check_bytes(&bcases[i], &adv, &a, widths[w], langs[l] == MSG_ZH);
			}
	}
	/* UTF-8 without ESC/POS is exactly the rendered lines */
	assert_true(msg_open(MSG_ZH));
	struct lines out;
	char *b;
	size_t n;
	lines_init(&out);
	assert_int_equal(receipt_render(&out, &adv, &a, ps, 42), 0);
	assert_int_equal(receipt_bytes(&adv, &a, ps, 42, "UTF-8", false, &b, &n, NULL), RECEIPT_OK);
	size_t off = 0;
	for (size_t i = 0; i < out.n; i++) {
		size_t k = strlen(out.text[i]);
		assert_true(off + k + 1 <= n);
		assert_memory_equal(b + off, out.text[i], k);
		assert_int_equal(b[off + k], '\n');
		off += k + 1;
	}
	assert_int_equal(off, n);
	free(b);
	lines_fini(&out);
	/* bad arguments */
	assert_int_equal(receipt_bytes(&adv, &a, ps, 32, "NO-SUCH-CHARSET", false, &b, &n, NULL),
	                 RECEIPT_ERR_CHARSET);
	assert_int_equal(receipt_bytes(&adv, &a, ps, 3, "UTF-8", false, &b, &n, NULL), RECEIPT_ERR_USAGE);
	assert_int_equal(receipt_bytes(NULL, &a, ps, 32, "UTF-8", false, &b, &n, NULL), RECEIPT_ERR_USAGE);
	assert_true(msg_open(MSG_EN));
	assert_int_equal(failures, 0);
}

/* ---------------------------------------------------------------- files */

static char dir[256];

/* The names in dir, sorted, joined by spaces. */
static void
listing(const char *d, char *buf, size_t cap)
{
	struct dirent **names;
	int n = scandir(d, &names, NULL, alphasort);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0) {
			if (buf[0] != '\0')
				strncat(buf, " ", cap - strlen(buf) - 1);
			strncat(buf, names[i]->d_name, cap - strlen(buf) - 1);
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	static char buf[65536];
	if (f == NULL)
		return NULL;
	*n = fread(buf, 1, sizeof buf - 1, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

enum setup { NONE, FILE_OLD, SYMLINK, DIRECTORY };

static void
test_write(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		enum setup before;
		const char *path; /* under dir; "@" for a path in a directory that does not exist */
		bool force;
		const char *bytes;
		int want;
		int want_errno;
		const char *content; /* of the target afterwards; NULL: none (or untouched for SYMLINK) */
		const char *left;    /* what dir holds afterwards */
	} wc[] = {
	    {"new file", NONE, "r.txt", false, "hello\n", RECEIPT_OK, 0, "hello\n", "r.txt"},
	    {"new empty file", NONE, "r.txt", false, "", RECEIPT_OK, 0, "", "r.txt"},
	    {"existing file refused", FILE_OLD, "r.txt", false, "new\n", RECEIPT_ERR_EXISTS, 0, "old\n",
	     "r.txt"},
	    {"existing file forced", FILE_OLD, "r.txt", true, "new\n", RECEIPT_OK, 0, "new\n", "r.txt"},
	    {"symbolic link refused", SYMLINK, "r.txt", false, "new\n", RECEIPT_ERR_EXISTS, 0, NULL, "r.txt"},
	    {"missing directory", NONE, "@", false, "x", RECEIPT_ERR_IO, ENOENT, NULL, ""},
	    {"missing directory forced", NONE, "@", true, "x", RECEIPT_ERR_IO, ENOENT, NULL, ""},
	    {"directory refused", DIRECTORY, "r.txt", false, "x", RECEIPT_ERR_EXISTS, 0, NULL, "r.txt"},
	    {"directory, forced", DIRECTORY, "r.txt", true, "x", RECEIPT_ERR_IO, EISDIR, NULL, "r.txt"},
	    {"a path ending in a slash", NONE, "r.txt/", false, "x", RECEIPT_ERR_IO, EISDIR, NULL, ""},
	};
	char path[512], other[512], left[1024];
	mode_t old_umask = umask(0222); /* mkstemp alone would then give 0400 */
	for (size_t i = 0; i < sizeof wc / sizeof wc[0]; i++) {
		snprintf(where, sizeof where, "write case %zu (%s)", i, wc[i].name);
		snprintf(path, sizeof path, "%s/r.txt", dir);
		umask(0);
		if (wc[i].before == FILE_OLD) {
			FILE *f = fopen(path, "w");
			assert_non_null(f);
			fputs("old\n", f);
			fclose(f);
			chmod(path, 0644);
		} else if (wc[i].before == SYMLINK) {
			assert_int_equal(symlink("no-such-target", path), 0);
		} else if (wc[i].before == DIRECTORY) {
			assert_int_equal(mkdir(path, 0755), 0);
		}
		umask(0222);
		if (strcmp(wc[i].path, "@") == 0)
			snprintf(path, sizeof path, "%s/no-such-dir/r.txt", dir);
		else
			snprintf(path, sizeof path, "%s/%s", dir, wc[i].path);
		errno = 0;
		int rc = receipt_write(path, wc[i].force, wc[i].bytes, strlen(wc[i].bytes));
		CHECK(rc == wc[i].want, "status %d, want %d", rc, wc[i].want);
		if (wc[i].want_errno != 0)
			CHECK(errno == wc[i].want_errno, "errno %d (%s), want %d", errno, strerror(errno),
			      wc[i].want_errno);
		snprintf(path, sizeof path, "%s/r.txt", dir);
		struct stat st;
		if (wc[i].content != NULL) {
			size_t n = 0;
			char *got = slurp(path, &n);
			CHECK(got != NULL && n == strlen(wc[i].content) && memcmp(got, wc[i].content, n) == 0,
			      "content \"%s\"", got ? got : "(none)");
			mode_t want = rc == RECEIPT_OK ? 0600 : 0644;
			CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == want, "mode %o",
			      (unsigned)(st.st_mode & 07777));
		}
		if (wc[i].before == SYMLINK) {
			char target[64] = "";
			ssize_t k = readlink(path, target, sizeof target - 1);
			CHECK(k > 0 && strcmp(target, "no-such-target") == 0, "the link was changed");
		}
		/* no temporary file stays behind, whatever happened */
		listing(dir, left, sizeof left);
		CHECK(strcmp(left, wc[i].left) == 0, "the directory holds \"%s\", want \"%s\"", left,
		      wc[i].left);
		/* clean up for the next case */
		if (wc[i].before == DIRECTORY)
			rmdir(path);
		else
			unlink(path);
	}
	/* a name without a directory: beside the current directory's files */
	char cwd[512];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	snprintf(where, sizeof where, "relative name");
	CHECK(receipt_write("plain.txt", false, "x\n", 2) == RECEIPT_OK, "relative write failed");
	CHECK(receipt_write("plain.txt", false, "y\n", 2) == RECEIPT_ERR_EXISTS,
	      "relative overwrite allowed");
	listing(".", left, sizeof left);
	CHECK(strcmp(left, "plain.txt") == 0, "left \"%s\"", left);
	unlink("plain.txt");
	assert_int_equal(chdir(cwd), 0);
	/* degenerate arguments */
	errno = 0;
	assert_int_equal(receipt_write(NULL, false, "x", 1), RECEIPT_ERR_IO);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(receipt_write("", false, "x", 1), RECEIPT_ERR_IO);
	snprintf(other, sizeof other, "%s/z.txt", dir);
	assert_int_equal(receipt_write(other, false, NULL, 1), RECEIPT_ERR_IO);
	assert_int_equal(receipt_write(other, false, NULL, 0), RECEIPT_OK);
	unlink(other);
	umask(old_umask);
	assert_int_equal(failures, 0);
}

/* ---------------------------------------------------------------- printing */

static void
test_print(void **state)
{
	(void)state;
	struct answers a;
	struct advice adv;
	char *want;
	size_t wn;
	assert_true(msg_open(MSG_EN));
	assert_true(build(&cases[0], &a, &adv));
	assert_int_equal(receipt_bytes(&adv, &a, ps, 32, "GB18030", true, &want, &wn, NULL), RECEIPT_OK);
	static const struct {
		const char *name;
		const char *cmd; /* %s: the directory */
		const char *enc;
		int width;
		int want;
		const char *said; /* in the message, or NULL when none is wanted */
		bool check_out;   /* %s/out holds the receipt */
	} pc[] = {
	    {"a command fed the receipt", "cat > %s/out", "gb18030", 32, RECEIPT_OK, NULL, true},
	    {"its standard output is not ours", "echo request id is 7; cat > %s/out", "gb18030", 32,
	     RECEIPT_OK, NULL, true},
	    {"a failing command", "cat >/dev/null; exit 3", "gb18030", 32, RECEIPT_ERR_COMMAND, "3", false},
	    {"a failing command says why", "cat >/dev/null; echo 'lp: no such printer' >&2; exit 1",
	     "gb18030", 32, RECEIPT_ERR_COMMAND, "lp: no such printer", false},
	    {"a command that is not there", "no-such-command-yibao", "gb18030", 32, RECEIPT_ERR_COMMAND,
	     "127", false},
	    {"a command killed", "kill -9 $$", "gb18030", 32, RECEIPT_ERR_COMMAND, "9", false},
	    {"a file", "%s/file.bin", "gb18030", 32, RECEIPT_OK, NULL, false},
	    {"the file again is refused", "%s/file.bin", "gb18030", 32, RECEIPT_ERR_EXISTS, "file.bin",
	     false},
	    {"a bad encoding", "cat >/dev/null", "latin1", 32, RECEIPT_ERR_USAGE, "latin1", false},
	    {"a bad width", "cat >/dev/null", "gbk", 40, RECEIPT_ERR_USAGE, "40", false},
	    {"no command", "", "gbk", 32, RECEIPT_ERR_USAGE, NULL, false},
	};
	char cmd[512], err[512], path[512], left[1024];
	for (size_t i = 0; i < sizeof pc / sizeof pc[0]; i++) {
		snprintf(where, sizeof where, "print case %zu (%s)", i, pc[i].name);
		snprintf(cmd, sizeof cmd, pc[i].cmd, dir);
		memset(err, 'x', sizeof err);
		int rc = receipt_print(cmd, &adv, &a, ps, pc[i].width, pc[i].enc, true, err, sizeof err);
		CHECK(rc == pc[i].want, "status %d, want %d (%s)", rc, pc[i].want, err);
		CHECK(memchr(err, '\0', sizeof err) != NULL, "the message is not terminated");
		if (rc == RECEIPT_OK)
			CHECK(err[0] == '\0', "a message on success: %s", err);
		else
			CHECK(err[0] != '\0' && strchr(err, '[') == NULL, "message \"%s\"", err);
		if (pc[i].said != NULL)
			CHECK(strstr(err, pc[i].said) != NULL, "\"%s\" does not say \"%s\"", err, pc[i].said);
		if (pc[i].check_out) {
			size_t n = 0;
			snprintf(path, sizeof path, "%s/out", dir);
			char *got = slurp(path, &n);
			CHECK(got != NULL && n == wn && memcmp(got, want, n) == 0,
			      "the command got %zu bytes, want %zu", n, wn);
			unlink(path);
		}
	}
	snprintf(path, sizeof path, "%s/file.bin", dir);
	size_t n = 0;
	char *got = slurp(path, &n);
	assert_non_null(got);
	assert_int_equal(n, wn);
	assert_memory_equal(got, want, n);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	unlink(path);
	listing(dir, left, sizeof left);
	assert_string_equal(left, "");
	/* a small message buffer, and none */
	int rc = receipt_print("exit 2", &adv, &a, ps, 32, "gbk", false, err, 8);
	assert_int_equal(rc, RECEIPT_ERR_COMMAND);
	assert_true(strlen(err) < 8);
	rc = receipt_print("exit 2", &adv, &a, ps, 32, NULL, false, NULL, 0);
	assert_int_equal(rc, RECEIPT_ERR_COMMAND);
	/* in Chinese */
	assert_true(msg_open(MSG_ZH));
	rc = receipt_print("exit 5", &adv, &a, ps, 32, "gbk", false, err, sizeof err);
	assert_int_equal(rc, RECEIPT_ERR_COMMAND);
	assert_non_null(strstr(err, "打印命令"));
	assert_true(msg_open(MSG_EN));
	free(want);
	assert_int_equal(failures, 0);
}

static int
setup(void **state)
{
	(void)state;
	struct policy_error err;
	snprintf(dir, sizeof dir, "%s/yibao-receipt-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return -1;
	ps = policy_set_new();
	if (ps == NULL || policy_set_add_builtin(ps, &err) != POLICY_OK)
		return -1;
	if (policy_set_finish(ps, &err) != POLICY_OK)
		return -1;
	return msg_open(MSG_EN) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	policy_set_free(ps);
	msg_close();
	rmdir(dir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_degenerate), cmocka_unit_test(test_cases), cmocka_unit_test(test_bytes),
	    cmocka_unit_test(test_write),      cmocka_unit_test(test_print),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
