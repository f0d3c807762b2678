#!/bin/sh
# cities.sh -- the city picker: 汉字, full pinyin, initials, English and region code
. "$(dirname "$0")/lib.sh"

start 80 24 zh_CN.UTF-8
wait_for "请选择语言"; text "1"
wait_for "您在哪个城市工作"
first_is() { # the first item of the list is the city
	wait_for "1  $1" || return 1
}
for q in 重庆 chongqing cq Chongqing 500000 ｃｑ "chong qing"; do
	text "$q"; first_is "重庆"; check "city search: $q" $?
	# erase what was typed (Backspace on an empty field would go back)
	n=$(printf '%s' "$q" | wc -m)
	while [ "$n" -gt 0 ]; do keys BSpace; n=$((n - 1)); done
	wait_gone "> $q"
done
text "深"; first_is "深圳"; check "a single 汉字" $?
keys BSpace; text "zzz"; wait_for "没有与"; check "no match: a message, not a silent empty list" $?
keys BSpace BSpace BSpace
text "sz"; keys Down Enter; wait_for "您的户籍在哪里"; check "Down then Enter picks from the list" $?
finish
