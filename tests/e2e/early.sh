#!/bin/sh
# early.sh -- what the wizard says before a language is chosen is in both languages (a screen
# too small at the start), and a locale that is not installed is named, not blamed on the terminal
. "$(dirname "$0")/lib.sh"

start 60 20 zh_CN.UTF-8
wait_for "at least 80 columns"; check "too small at the start: English" $?
wait_for "请把窗口"; check "too small at the start: Chinese" $?
resize 80 24; wait_for "请选择语言"; check "the language screen once it is large enough" $?
keys F10; text "1"

start 80 24 xx_YY.UTF-8
wait_for "Choose your language"
screen | grep -q 'the locale "xx_YY.UTF-8" is not installed'; check "a missing locale is named on the language screen" $?
! screen | grep -q "this terminal cannot show"; check "and not blamed on the terminal" $?
keys F10; text "1"
finish
