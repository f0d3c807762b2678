#!/bin/sh
# touch.sh -- a click or a touch on a choice picks it (SGR mouse reports, as xterm sends them)
. "$(dirname "$0")/lib.sh"
TERM_E2E=xterm-256color

# click ROW_TEXT: press and release button 1 on the screen line holding ROW_TEXT
click() {
	row=$(screen | grep -nF -- "$1" | head -1 | cut -d: -f1)
	[ -n "$row" ] || { echo "  nothing to click: $1"; return 1; }
	text "$(printf '\033[<0;6;%dM\033[<0;6;%dm' "$row" "$row")"
}

start 80 24 zh_CN.UTF-8
wait_for "请选择语言"
click "English"; wait_for "In which city do you work"; check "a click picks English" $?
text "cq"; wait_for "500000"
click "Chongqing"; wait_for "Where is your hukou"; check "a click picks a city" $?
text "cq"; wait_for "500000"; keys Enter
wait_for "When were you born"; text "198501"; keys Enter
wait_for "man or a woman"
click "Female"; wait_for "50 or 55"; check "a click picks a choice" $?
click "55: cadres"; wait_for "What kind of work"; check "a click picks the category" $?
finish
