#!/bin/sh
# terminals.sh -- TERM xterm-256color, screen, tmux-256color, vt100 and linux; NO_COLOR
. "$(dirname "$0")/lib.sh"

for t in xterm-256color screen tmux-256color; do
	TERM_E2E=$t
	start 80 24 zh_CN.UTF-8
	wait_for "请选择语言"; keys Enter
	wait_for "您在哪个城市工作"; check "TERM=$t draws Chinese" $?
done
for t in vt100 linux; do
	TERM_E2E=$t
	start 80 24 zh_CN.UTF-8
	wait_for "Choose your language"; check "TERM=$t: English and ASCII" $?
	screen | grep -q "cannot show it"; check "TERM=$t says why Chinese is not offered" $?
	keys Enter
	wait_for "In which city do you work"; check "TERM=$t: the interview in English" $?
	text "cq"; wait_for "500000"
	screen | LC_ALL=C grep -q '[^ -~]' && r=1 || r=0
	check "TERM=$t: only ASCII on the screen" $r
	! screen | grep -q "F2"; check "TERM=$t: the footer offers no key to a language it cannot draw" $?
done
# on such a terminal the comparison and the detail leave out the Chinese glosses instead of
# drawing them as ?? (the documents' own titles cannot be helped)
TERM_E2E=vt100
start 80 24 zh_CN.UTF-8
wait_for "Choose your language"; keys Enter
interview en; check "TERM=vt100: the interview to the comparison" $?
screen | tr "\n" " " | grep -q "the tax office of  *Chengdu sets: its app" && ! screen | grep -q "(?"
check "TERM=vt100: the summary without its glosses" $?
keys 1; wait_for "Option 1: all details"
screen | grep -q "Personal account: " && ! screen | grep -q "(?"
check "TERM=vt100: the detail without its glosses" $?
TERM_E2E=tmux-256color
NO_COLOR=1 start 80 24 en_US.UTF-8
wait_for "Choose your language"; check "NO_COLOR: the wizard runs in monochrome" $?
finish
