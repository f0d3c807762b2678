#!/bin/sh
# fields.sh -- editing a field, both languages: '.' (the keypad's, in application and numeric
# mode) erases the last character and stays the income what-if on the comparison; Ctrl-U clears;
# a held Backspace stops at the empty field and never goes back into the answer before
. "$(dirname "$0")/lib.sh"

dot() { if [ "$1" = app ]; then text "$(printf '\033On')"; else text "."; fi; }

for lang in zh en; do
	questions $lang
	if [ $lang = zh ]; then
		loc=zh_CN.UTF-8 k=1 edit="新的月收入"
	else
		loc=en_US.UTF-8 k=2
		edit="New monthly income"
	fi
	start 80 24 $loc
	wait_for "1  "; text $k; wait_for "$q1"
	# each wait is for the longer text to go: the shorter one is part of it
	text "shanghai"; wait_for "> shanghai"; dot app
	wait_gone "> shanghai" && screen | grep -q "> shangha"
	check "$lang: the keypad's . (application mode) erases in a city field" $?
	dot num
	wait_gone "> shangha" && screen | grep -q "> shangh"; check "$lang: . (numeric mode) erases" $?
	keys C-u; wait_gone "> shangh"; wait_for "110000"; check "$lang: Ctrl-U clears the field" $?
	text "shanghai"; wait_for "310000"; keys Enter; wait_for "$q2"
	text "cd"; wait_for "510100"
	# a held Backspace: its repeats come 30-50 ms apart
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	wait_for "110000"; sleep 0.4
	screen | grep -qF "$q2"; check "$lang: a held Backspace stops at the empty field" $?
	sleep 0.5; keys BSpace; wait_for "$q1"; check "$lang: a fresh Backspace then goes back" $?
	screen | grep -q "> shanghai"; check "$lang: the answer before is whole" $?
	keys Enter; wait_for "$q2"; text "chengdu"; wait_for "510100"; keys Enter
	text "1"; text "199005"; keys Enter; text "1"; text "1"; wait_for "$q8"
	# "> 6000" is also in "> 60000": wait for the typed text, then for the erased one to go
	text "60000"; wait_for "> 60000"; dot app
	wait_gone "> 60000" && screen | grep -q "> 6000"; check "$lang: . erases in a number field" $?
	keys Enter; text "0"; keys Enter; text "1"; text "0"; keys Enter; keys Enter; text "2"
	wait_for "6,000"; dot num; wait_for "$edit"; check "$lang: . on the comparison is the income what-if" $?
	text "95"; dot app; text "000"; keys Enter; wait_for "9,000"; check "$lang: . erases in the what-if field" $?
done
finish
