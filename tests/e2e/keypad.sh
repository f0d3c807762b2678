#!/bin/sh
# keypad.sh -- a numeric keypad alone completes the interview (digits, Enter, - * / and .)
. "$(dirname "$0")/lib.sh"

start 80 24 en_US.UTF-8
wait_for "Choose your language"; text "2"
wait_for "In which city do you work"; text "310000"; keys KPEnter
wait_for "Where is your hukou"; text "510100"; keys KPEnter
wait_for "residence permit"; text "1"
wait_for "When were you born"; text "199005"; keys KPEnter
wait_for "man or a woman"; text "1"
wait_for "What kind of work"; text "1"
wait_for "monthly income"; text "8000"; keys KPEnter
wait_for "paid into the employee"; text "0"; keys KPEnter
wait_for "Which medical insurance"; text "1"
wait_for "without medical"; text "12"; keys KPEnter
wait_for "expect to stay"; keys KPEnter
wait_for "after retirement"; text "3"
wait_for "side by side"; check "keypad-only interview reaches the comparison" $?
text "/"; wait_for "Esc"; check "keypad / opens help on the comparison" $?
text "-"; wait_for "side by side"; check "keypad - leaves help" $?
text "*"; wait_for "各方案对比"; check "keypad * switches language on the comparison" $?
text "2"; wait_for "方案2"; check "a digit opens an option" $?
finish
