/* region_table.h -- every province- and prefecture-level region of China, with county-level aliases */
#ifndef YIBAO_REGION_TABLE_H
#define YIBAO_REGION_TABLE_H

#include <stddef.h>

/* A county-level division (区, 县, 县级市, 旗 ...) standing for the region it
 * belongs to: 郸城县 411625 for 周口 411600. The districts of a municipality
 * and the county-level units directly under a province (仙桃 429004) stand
 * for the province-level row. */
struct region_alias {
	int code;
	const char *name_zh;  /* 郸城县 */
	const char *short_zh; /* 郸城; the full name when its stem is one character (歙县) */
	const char *pinyin;   /* lower case, no tones, no blanks, ü as v: dancheng */
	const char *initials; /* dc */
	int region;           /* the code of its row */
};

/* A province-level region (province == code) or a prefecture-level one
 * (city, 地区, 盟, 自治州). The four municipalities are one row each, at
 * their province code. */
struct region_row {
	int code;
	const char *full_zh;               /* 周口市, 内蒙古自治区 */
	const char *name_zh;               /* 周口, 内蒙古 */
	const char *name_en;               /* Zhoukou, Inner Mongolia, Lu'an */
	const char *pinyin;                /* zhoukou, luan */
	const char *initials;              /* zk */
	int province;                      /* the code of its province-level row */
	unsigned alias_first, alias_count; /* its aliases in region_aliases */
};

extern const struct region_row region_table[]; /* sorted by code */
extern const size_t region_table_count;
extern const struct region_alias region_aliases[]; /* grouped by region, sorted by code within */
extern const size_t region_alias_count;

/* The row of a province- or prefecture-level code, or NULL. */
const struct region_row *region_table_find(int code);

/* The alias of a county-level code, or NULL (also for the code of a row). */
const struct region_alias *region_table_alias(int code);

#endif
