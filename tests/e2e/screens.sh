#!/bin/sh
# screens.sh -- the comparison screen at 80x24 and 120x40 in both languages, compared with the
# stored screens in screens/ (UPDATE=1 stores them anew)
. "$(dirname "$0")/lib.sh"
dir=$(dirname "$0")/screens

for lang in zh en; do
	for size in 80x24 120x40; do
		cols=${size%x*} rows=${size#*x}
		loc=$([ $lang = zh ] && echo zh_CN.UTF-8 || echo en_US.UTF-8)
		start "$cols" "$rows" "$loc"
		wait_for "1  "; keys Enter
		interview $lang || { check "interview $lang $size" 1; continue; }
		got=$(mktemp)
		screen >"$got"
		want="$dir/compare-$lang-$size.txt"
		if [ "${UPDATE:-0}" = 1 ]; then
			cp "$got" "$want"
		fi
		if cmp -s "$got" "$want"; then
			check "comparison $lang $size" 0
		else
			diff -u "$want" "$got" | head -40 | sed 's/^/  /'
			check "comparison $lang $size matches screens/compare-$lang-$size.txt" 1
		fi
		rm -f "$got"
	done
done
finish
