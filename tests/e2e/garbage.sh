#!/bin/sh
# garbage.sh -- pasted kilobytes of garbage, escape sequences, invalid UTF-8 and GB18030 bytes,
# huge and negative numbers, full-width digits: no crash, a clear message, nothing lost
. "$(dirname "$0")/lib.sh"

alive() { p=$(wizard_pid); [ -n "$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat")" != Z ]; }

start 80 24 en_US.UTF-8
wait_for "Choose your language"; text "2"
wait_for "In which city do you work"; text "310000"; keys Enter
wait_for "Where is your hukou"; text "chengdu"; wait_for "510100"; keys Enter
wait_for "residence permit"; text "1"
wait_for "When were you born"; text "199005"; keys Enter
wait_for "man or a woman"; text "1"
wait_for "What kind of work"; text "1"
wait_for "monthly income"
# 4 KB of printable garbage, Chinese included, typed in one go (without ? / * -, which are
# the help, language and back keys by design)
junk=$(awk 'BEGIN { srand(7); n = 0; while (n < 4096) { c = 33 + int(rand() * 90);
	if (c == 63 || c == 47 || c == 42 || c == 45) continue; printf "%c", c; n++ } }')
text "$junk"
alive; check "alive after 4 KB pasted" $?
wait_for "pasted characters were not taken"; check "garbage (a paste: too much at once) gets a message" $?
# more typed into the full field: said too
text "乱码１２３"
wait_for "The field is full"; check "typing into a full field gets a message" $?
# escape sequences a terminal would act on, and bytes that are not UTF-8 (nor GB18030)
keys -H 1b 5b 39 39 39 3b 39 39 39 48 1b 5d 30 3b 78 07 1b 5b 32 4a
wait_for "unknown key sequence was ignored"; check "an escape sequence says it was ignored" $?
screen | grep -q "monthly income"; check "and is not taken as Esc (still on the question)" $?
keys -H ff fe c3 28 a0 a1 e2 82 28 f0 28 8c bc 81 30 81 30 fe 39 fe 39
alive; check "alive after escape sequences and invalid bytes" $?
# clear the field (Backspace on an empty field would go back)
clear_field() {
	i=0
	while [ $i -lt 40 ] && ! screen | grep -qE '^  > *$'; do keys BSpace; i=$((i + 1)); sleep 0.01; done
}
clear_field
text "99999999999999999999999"; keys Enter; wait_for "out of range"; check "a number too large for any type" $?
clear_field
text "-5"; keys Enter; wait_for "out of range"; check "a negative number gets the range message" $?
screen | grep -q "> -5"; check "what was typed stays" $?
keys BSpace BSpace
text "６０００"; keys Enter; wait_for "paid into the employee"; check "full-width digits accepted" $?
keys Escape; wait_for "monthly income"; screen | grep -q "> 6000"; check "the income kept (as half-width digits)" $?
keys Escape Escape; wait_for "man or a woman"; keys Escape; wait_for "When were you born"
screen | grep -q "> 199005"; check "earlier answers kept through the garbage" $?
finish
