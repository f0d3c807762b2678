/* date.c -- calendar dates and month arithmetic for the decision core */
#include "date.h"

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool
digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool
date_parse_month(const char *s, size_t len, int *y, int *m)
{
	int yy, mm;
	if (s == NULL || len != 7 || s[4] != '-')
		return false;
	if (!digits(s, 4, &yy) || !digits(s + 5, 2, &mm))
		return false;
	if (yy < 1900 || yy > 2100 || mm < 1 || mm > 12)
		return false;
	*y = yy;
	*m = mm;
	return true;
}

bool
date_parse(const char *s, size_t len, struct date *out)
{
	int y, m, d;
	if (s == NULL || len != 10 || s[7] != '-')
		return false;
	if (!date_parse_month(s, 7, &y, &m) || !digits(s + 8, 2, &d))
		return false;
	if (d < 1 || d > days_in_month(y, m))
		return false;
	out->y = y;
	out->m = m;
	out->d = d;
	return true;
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
date_month_index(int y, int m)
{
	return y * 12 + (m - 1);
}

int
date_months_between(int y1, int m1, int y2, int m2)
{
	return date_month_index(y2, m2) - date_month_index(y1, m1);
}

void
date_format(struct date d, char buf[static 11])
{
	int v[3] = {d.y, d.m, d.d};
	int w[3] = {4, 2, 2};
	char *p = buf;
	for (int i = 0; i < 3; i++) {
		int x = v[i];
		for (int k = w[i] - 1; k >= 0; k--) {
			p[k] = (char)('0' + x % 10);
			x /= 10;
		}
		p += w[i];
		if (i < 2)
			*p++ = '-';
	}
	*p = '\0';
}

int32_t
date_yyyymmdd(struct date d)
{
	return d.y * 10000 + d.m * 100 + d.d;
}
