#!/bin/sh
# test_plain.sh -- plain mode end to end: answers piped in, both languages, UTF-8 and GB18030 locales,
# the answer (recommendation, other options, next step) within 20 lines of the last answer, no address there,
# back, help, language switch, bad input, end of input, TERM=dumb on a pipe and on a pty.
# usage: YIBAO=build/tui/yibao SRC=. test_plain.sh   (or: test_plain.sh YIBAO SRC)
set -u
yibao=${YIBAO:-${1:-}}
src=${SRC:-${2:-}}
[ -n "$yibao" ] && [ -n "$src" ] || { echo "set YIBAO and SRC"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() { # name, condition result
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

command -v iconv >/dev/null 2>&1 || { echo "iconv missing"; exit 77; }
for l in en_US.UTF-8 zh_CN.UTF-8 zh_CN.GB18030; do
	# locale -a spells them en_US.utf8, zh_CN.gb18030
	want=$(echo "$l" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | grep -qx "$want" || { echo "locale $l missing"; exit 77; }
done

# plain LOCALE INPUT_FILE OUT_FILE [ARGS]: yibao --plain with the answers on stdin; sets rc
plain() {
	loc=$1 input=$2 out=$3
	shift 3
	env -i PATH=/usr/bin:/bin HOME="$tmp" TERM=xterm LANG="$loc" LC_ALL="$loc" \
		timeout 5 "$yibao" --plain wizard --as-of 2025-06-01 "$@" <"$input" >"$out" 2>&1
	rc=$?
}

has() { grep -qF -- "$2" "$1"; }                # file, text
twice() { [ "$(grep -cF -- "$2" "$1")" -ge 2 ]; } # file, text: the question asked again
no_escape() { [ "$(tr -dc '\033' <"$1" | wc -c)" -eq 0 ]; }

# summary_first OUT LANG: the answer comes first. Within the 20 lines after the last answer (the
# last "> " prompt) stand the recommendation with a yuan figure a month and a year, a line for
# every other option, and the next step; none of the 20 holds a web address or a document number
# (a screen reader reads the answer before any source). Prints what is missing; fails then.
summary_first() {
	out=$1 lang=$2
	if [ "$lang" = zh ]; then
		rec='^建议：方案' other='^  方案' opt='^方案[0-9][0-9]*：' next='^下一步：'
		money='每月.*(¥|￥)[0-9][0-9,.]*.*每年.*(¥|￥)[0-9][0-9,.]*'
	else
		rec='^Advice: option ' other='^  Option ' opt='^Option [0-9][0-9]*: ' next='^Next step: '
		money='(¥|￥)[0-9][0-9,.]* a month.*(¥|￥)[0-9][0-9,.]* a year'
	fi
	last=$(grep -n '^> ' "$out" | tail -1 | cut -d: -f1)
	[ -n "$last" ] || { echo "  $out: no answer prompt"; return 1; }
	sed -n "$((last + 1)),$((last + 20))p" "$out" >"$out.first"
	r=0
	# the recommendation: its line and the lines wrapped from it (not indented), joined as one
	awk -v rec="$rec" -v nx="$next" '$0 ~ rec { on = 1; print; next } on && (/^ / || $0 ~ nx) { exit } on' \
		"$out.first" | sed 's/^ *//' >"$out.rec"
	if [ "$lang" = zh ]; then tr -d '\n' <"$out.rec"; else tr '\n' ' ' <"$out.rec"; fi >"$out.rec1"
	n=$(sed -n "s/^${rec#^}\([0-9][0-9]*\).*/\1/p" "$out.first" | head -1)
	[ -n "$n" ] && grep -qE -- "$money" "$out.rec1" ||
		{ echo "  $out: no recommendation with a cost a month and a year in the first 20 lines"; r=1; }
	# every other option, by the number its detail heading gives it
	nopt=$(grep -c -- "$opt" "$out")
	[ "$nopt" -ge 2 ] || { echo "  $out: fewer than 2 options"; r=1; }
	o=1
	while [ "$o" -le "$nopt" ]; do
		[ "$o" = "${n:-0}" ] || grep -qE -- "${other}${o}(,|，)" "$out.first" ||
			{ echo "  $out: option $o's line is not in the first 20 lines"; r=1; }
		o=$((o + 1))
	done
	grep -q -- "$next" "$out.first" || { echo "  $out: no next step in the first 20 lines"; r=1; }
	if grep -n -E 'http|www\.|\.gov\.cn|\.cn/|〔' "$out.first" >"$out.bad"; then
		echo "  $out: an address or a document number in the first 20 lines:"
		sed 's/^/    /' "$out.bad"
		r=1
	fi
	return $r
}

# The Shanghai rider of tests/data/shanghai-rider.ini, answer by answer, after the language.
rider_en='shanghai
chengdu
1
199005
2
1
1
6000
3
1
2
510100
0
5
2
'
rider_zh='上海
成都
1
1990-05
2
1
1
６０００
3
1
2
510100
0
5
2
'

# English in en_US.UTF-8
printf '2\n%s' "$rider_en" >"$tmp/in-en"
plain en_US.UTF-8 "$tmp/in-en" "$tmp/en"
check "English interview ends with status 0" $rc
has "$tmp/en" "1. In which city do you work?" && has "$tmp/en" "The city where you live and work now"
check "English: numbered question with its hint" $?
has "$tmp/en" "  1. Yes, I have a residence permit" && has "$tmp/en" "Type a number from 1 to 2"
check "English: numbered choices" $?
has "$tmp/en" "Option 1: Employee scheme, Shanghai" && has "$tmp/en" "Option 3: Resident scheme, Chengdu"
check "English: the comparison names every option" $?
has "$tmp/en" "End of the comparison" && has "$tmp/en" "¥6,000.00"
check "English: the comparison to its end, ¥ kept in UTF-8" $?
"$yibao" advise --answers "$src/tests/data/shanghai-rider.ini" --as-of 2025-06-01 --lang en >"$tmp/advise-en"
grep -F "Recommended" "$tmp/advise-en" | head -1 >"$tmp/rec-en"
[ -s "$tmp/rec-en" ] && has "$tmp/en" "$(cat "$tmp/rec-en")"
check "English: the same recommendation as yibao advise" $?

# Chinese in zh_CN.UTF-8: an empty first line takes the locale's language
printf '\n%s' "$rider_zh" >"$tmp/in-zh"
plain zh_CN.UTF-8 "$tmp/in-zh" "$tmp/zh"
check "Chinese interview ends with status 0" $rc
has "$tmp/zh" "直接按回车选择中文"
check "Chinese: the locale's language is the default" $?
has "$tmp/zh" "1. 您在哪个城市工作？" && has "$tmp/zh" "城市：上海 Shanghai 310000"
check "Chinese: questions, and the city found from 上海" $?
has "$tmp/zh" "方案1：职工医保 上海" && has "$tmp/zh" "建议：" && has "$tmp/zh" "对比结束"
check "Chinese: the comparison and the recommendation" $?

# GB18030: the same answers converted, the bytes decoded and checked
printf '\n%s' "$rider_zh" | iconv -f UTF-8 -t GB18030 >"$tmp/in-gb"
plain zh_CN.GB18030 "$tmp/in-gb" "$tmp/gb"
check "Chinese interview in GB18030 ends with status 0" $rc
iconv -f GB18030 -t UTF-8 "$tmp/gb" >"$tmp/gb.utf8"
check "GB18030 output decodes as GB18030" $?
has "$tmp/gb.utf8" "1. 您在哪个城市工作？" && has "$tmp/gb.utf8" "方案1：职工医保 上海" &&
	has "$tmp/gb.utf8" "建议：" && has "$tmp/gb.utf8" "对比结束"
check "GB18030: the Chinese questions and comparison" $?
has "$tmp/gb.utf8" "￥" && ! has "$tmp/gb.utf8" "¥"
check "GB18030: ¥ written as ￥" $?
! has "$tmp/gb" "您在哪个城市工作"
check "GB18030: the bytes are not UTF-8" $?
printf '2\n%s' "$rider_en" | iconv -f UTF-8 -t GB18030 >"$tmp/in-gb-en"
plain zh_CN.GB18030 "$tmp/in-gb-en" "$tmp/gb-en"
check "English interview in GB18030 ends with status 0" $rc
iconv -f GB18030 -t UTF-8 "$tmp/gb-en" >"$tmp/gb-en.utf8" && has "$tmp/gb-en.utf8" "Option 1: Employee scheme, Shanghai" &&
	has "$tmp/gb-en.utf8" "￥6,000.00" && ! has "$tmp/gb-en.utf8" "could not be written"
check "GB18030: English, money in ￥, nothing replaced" $?

# The answer first (the issue: "a screen reader hears the answer before any address"): the
# rider (three options, the resident scheme recommended) and a Guangzhou local (two, the employee
# scheme), in both languages; the rider in GB18030 too
summary_first "$tmp/en" en
check "English: recommendation, other options and next step within 20 lines of the last answer, no address" $?
summary_first "$tmp/zh" zh
check "Chinese: recommendation, other options and next step within 20 lines of the last answer, no address" $?
summary_first "$tmp/gb.utf8" zh
check "GB18030: the answer first, no address" $?
printf '2\nguangzhou\nguangzhou\n198503\n1\n1\n8000\n5\n5\n1\n0\n10\n1\n' >"$tmp/in-gz-en"
plain en_US.UTF-8 "$tmp/in-gz-en" "$tmp/gz-en"
[ "$rc" -eq 0 ] && has "$tmp/gz-en" "Advice: option 1, the employee scheme in Guangzhou" && summary_first "$tmp/gz-en" en
check "English, a Guangzhou local: the answer first, no address" $?
printf '\n广州\n广州\n1985-03\n1\n1\n8000\n5\n5\n1\n0\n10\n1\n' >"$tmp/in-gz-zh"
plain zh_CN.UTF-8 "$tmp/in-gz-zh" "$tmp/gz-zh"
[ "$rc" -eq 0 ] && has "$tmp/gz-zh" "建议：方案1，广州职工医保" && summary_first "$tmp/gz-zh" zh
check "Chinese, a Guangzhou local: the answer first, no address" $?

# ... and the check can fail: the summary moved after option 1's details, an address or a
# document number among the first lines
doctor() { # in, out, lang, what: a copy of a plain output made wrong in one way
	if [ "$3" = zh ]; then rec='^建议：方案' opt='^方案[0-9][0-9]*：'; else rec='^Advice: option ' opt='^Option [0-9][0-9]*: '; fi
	awk -v rec="$rec" -v opt="$opt" -v what="$4" '
		{ line[NR] = $0; if ($0 ~ /^> /) last = NR }
		END {
			for (i = last + 1; i <= NR; i++)
				if (!s && line[i] ~ rec) s = i
				else if (s && !d && line[i] ~ opt) d = i
				else if (d && !e && line[i] ~ opt) e = i
			if (!e) e = NR + 1
			for (i = 1; i < s; i++) print line[i]
			if (what == "moved") {
				for (i = d; i < e; i++) print line[i]
				for (i = s; i < d; i++) print line[i]
			} else {
				print line[s]
				print (what == "address" ? "  read at: https://ybj.sh.gov.cn/gfxwj/x.html" : "  （国办发〔2024〕38号）")
				for (i = s + 1; i < e; i++) print line[i]
			}
			for (i = e; i <= NR; i++) print line[i]
		}' "$1" >"$2"
}
for lang in en zh; do
	for what in moved address number; do
		doctor "$tmp/$lang" "$tmp/$lang-$what" "$lang" "$what"
		! summary_first "$tmp/$lang-$what" "$lang" >/dev/null && ! cmp -s "$tmp/$lang" "$tmp/$lang-$what"
		check "the answer-first check fails on a copy with the $what ($lang)" $?
	done
done

# back with < keeps the answers
printf '2\nshanghai\nchengdu\n<\n\n' >"$tmp/in-back"
plain en_US.UTF-8 "$tmp/in-back" "$tmp/back"
has "$tmp/back" "Your answer: 成都 Chengdu 510100; press Enter alone to keep it" &&
	twice "$tmp/back" "3. Do you hold a residence permit"
check "< goes back, the answer kept, Enter alone keeps it" $?

# ? prints the help topic, then the question again
printf '2\n?\n' >"$tmp/in-help"
plain en_US.UTF-8 "$tmp/in-help" "$tmp/help"
has "$tmp/help" "City where you work" && has "$tmp/help" "End of help" &&
	twice "$tmp/help" "1. In which city do you work?"
check "? prints the help topic and asks again" $?
printf '1\n?\n' >"$tmp/in-helpz"
plain zh_CN.UTF-8 "$tmp/in-helpz" "$tmp/helpz"
has "$tmp/helpz" "帮助结束"
check "? prints the Chinese help topic" $?

# L switches the language mid-way, the question repeated
printf '2\nshanghai\nL\nchengdu\n' >"$tmp/in-lang"
plain en_US.UTF-8 "$tmp/in-lang" "$tmp/lang"
has "$tmp/lang" "2. Where is your hukou (户籍)?" && has "$tmp/lang" "2. 您的户籍在哪里？" &&
	has "$tmp/lang" "城市：成都 Chengdu 510100"
check "L switches to Chinese mid-way" $?

# a bad number: a message and the question again
printf '2\nshanghai\nshanghai\n199005\n7\n' >"$tmp/in-bad"
plain en_US.UTF-8 "$tmp/in-bad" "$tmp/bad"
has "$tmp/bad" '"7" is not one of the choices: type a number from 1 to 2' &&
	twice "$tmp/bad" "4. Are you a man or a woman?"
check "a bad number gets a message and the question again" $?
printf '1\n上海\n上海\n199005\n9\n' | iconv -f UTF-8 -t GB18030 >"$tmp/in-badgb"
plain zh_CN.GB18030 "$tmp/in-badgb" "$tmp/badgb"
iconv -f GB18030 -t UTF-8 "$tmp/badgb" | grep -qF "「9」不是可选的答案"
check "a bad number gets a message in Chinese (GB18030)" $?

# a line that is not GB18030: refused with a message
printf '1\n\377\377\n' >"$tmp/in-notgb"
plain zh_CN.GB18030 "$tmp/in-notgb" "$tmp/notgb"
iconv -f GB18030 -t UTF-8 "$tmp/notgb" | grep -qF "这一行不是有效的GB18030文本"
check "input that is not GB18030 is refused" $?

# end of input mid-interview: the message, status 1, at once
printf '2\nshanghai\n' >"$tmp/in-eof"
t0=$(date +%s%N)
plain en_US.UTF-8 "$tmp/in-eof" "$tmp/eof"
t1=$(date +%s%N)
[ "$rc" -eq 1 ]
check "end of input: status 1" $?
has "$tmp/eof" "input ended before the interview was finished: 1 question answered"
check "end of input: the message" $?
[ $(((t1 - t0) / 1000000)) -lt 1000 ]
check "end of input: stops within a second" $?
plain zh_CN.UTF-8 /dev/null "$tmp/eofz"
[ "$rc" -eq 1 ] && has "$tmp/eofz" "输入在问答完成之前结束：已回答0个问题"
check "end of input in Chinese" $?

# TERM=dumb (or no TERM): plain mode without --plain, on a pipe
printf '2\nshanghai\n' | env -i PATH=/usr/bin:/bin TERM=dumb LC_ALL=en_US.UTF-8 timeout 5 "$yibao" >"$tmp/dumb" 2>&1
rc=$?
[ "$rc" -eq 1 ] && has "$tmp/dumb" "1. In which city do you work?" && has "$tmp/dumb" "City: 上海 Shanghai 310000"
check "TERM=dumb on a pipe: plain mode" $?
printf '2\n' | env -i PATH=/usr/bin:/bin LC_ALL=en_US.UTF-8 timeout 5 "$yibao" wizard >"$tmp/noterm" 2>&1
has "$tmp/noterm" "1. In which city do you work?"
check "no TERM: plain mode" $?

# TERM=dumb on a pty (script(1) from util-linux, else python's pty module)
pty_run() { # out, TERM, input: yibao on a pty; sets rc
	out=$1 term=$2 input=$3
	if command -v script >/dev/null 2>&1; then
		printf '%s' "$input" | env -i PATH=/usr/bin:/bin TERM="$term" LC_ALL=en_US.UTF-8 \
			timeout 10 script -qec "$yibao wizard --as-of 2025-06-01" /dev/null >"$out" 2>&1
		rc=$?
	else
		printf '%s' "$input" | env -i PATH=/usr/bin:/bin TERM="$term" LC_ALL=en_US.UTF-8 \
			timeout 10 python3 -c 'import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))' \
			"$yibao" wizard --as-of 2025-06-01 >"$out" 2>&1
		rc=$?
	fi
}
if command -v script >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1; then
	pty_run "$tmp/pty" dumb "2
$rider_en"
	[ "$rc" -eq 0 ] && has "$tmp/pty" "1. In which city do you work?" && has "$tmp/pty" "End of the comparison"
	check "TERM=dumb on a pty: plain mode, the whole interview" $?
	no_escape "$tmp/pty"
	check "TERM=dumb on a pty: no escape sequence" $?
	pty_run "$tmp/pty-unknown" no-such-terminal-xyz "2
q
y
"
	[ "$rc" -eq 0 ] && has "$tmp/pty-unknown" "Quit: your answers were not kept" && no_escape "$tmp/pty-unknown"
	check "unknown terminfo on a pty: plain mode, quit" $?
else
	echo "skipped: no script(1) and no python3 for a pty"
fi

# no ESC byte anywhere in plain output
r=0
for f in en zh gb gb-en gz-en gz-zh back help helpz lang bad badgb notgb eof eofz dumb noterm; do
	no_escape "$tmp/$f" || { echo "  ESC in $f"; r=1; }
done
check "no escape byte in any plain output" $r

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
