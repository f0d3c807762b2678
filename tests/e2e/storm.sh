#!/bin/sh
# storm.sh -- 500 random sizes from 20x6 to 250x80 during an interview: no crash, the screen right
# after the last resize, every answer kept
. "$(dirname "$0")/lib.sh"

start 80 24 zh_CN.UTF-8
wait_for "请选择语言"; keys Enter
wait_for "您在哪个城市工作"; text "上海"; wait_for "310000"; keys Enter
wait_for "您的户籍在哪里"; text "chengdu"; wait_for "510100"; keys Enter
wait_for "居住证吗"; text "1"
wait_for "哪年哪月出生"; text "1990"
pid=$(wizard_pid)
# a fixed seed: the same storm every run
awk 'BEGIN { srand(20261129); for (i = 0; i < 500; i++) print 20 + int(rand() * 231), 6 + int(rand() * 75) }' |
while read -r c r; do
	T resize-window -t t -x "$c" -y "$r"
done
[ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat")" != Z ]; check "alive after 500 resizes" $?
resize 100 30; wait_for "哪年哪月出生"; check "the question after the last resize" $?
screen | grep -q "> 1990"; check "the typed field kept" $?
wait_until '[ "$(screen | wc -l)" -eq 30 ] && screen | head -1 | grep -q "第4题$"'
check "laid out for 100x30: $(screen | head -1)" $?
resize 40 10; wait_for "请把窗口放大"; check "a small last size asks for room" $?
resize 80 24; wait_for "哪年哪月出生"
text "05"; keys Enter; wait_for "您的性别"; check "the interview goes on" $?
keys Escape Escape; wait_for "居住证吗"; keys Escape; wait_for "您的户籍在哪里"
screen | grep -q "> chengdu"; check "earlier answers kept through the storm" $?
finish
