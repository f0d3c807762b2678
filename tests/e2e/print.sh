#!/bin/sh
# print.sh -- the wizard's print action: to a command (fed the receipt on its input) and to a file
# (written once, never overwritten); the outcome shows on the comparison, in the screen's language
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
chmod 755 "$out"

start 80 24 zh_CN.UTF-8 --print-cmd "'cat > $out/sent.txt'" --print-width 42
wait_for "请选择语言"; keys Enter
interview zh; check "interview before printing" $?
keys F5; wait_for "凭条已发送"; check "F5 prints, and says so (zh)" $?
wait_until "[ -s $out/sent.txt ]"; check "the command received the receipt" $?
grep -q "职工医保" "$out/sent.txt"; check "the receipt is in the screen's language" $?
awk '{ if (length($0) > 42 * 3) bad = 1 } END { exit bad }' "$out/sent.txt"; check "lines fit 42 columns (bytes bound)" $?

start 80 24 en_US.UTF-8 --print-cmd "$out/receipt.txt"
wait_for "Choose your language"; keys Enter
interview en
text "0"; wait_for "saved as"; check "keypad 0 prints to a file" $?
[ -s "$out/receipt.txt" ] && [ "$(stat -c %a "$out/receipt.txt")" = 600 ]; check "the file is written, mode 0600" $?
keys F5; wait_for "exists"; check "a second print never overwrites the file" $?
ls "$out" | grep -v -e '^sent.txt$' -e '^receipt.txt$' | grep -q . && r=1 || r=0
check "no temporary file left behind" $r

# F5 is offered only where printing is set up: otherwise nothing to press, nothing to read
screen | grep -q "F5 print"; check "with --print-cmd the footer offers F5 (en)" $?
for lang in en zh; do
	start 80 24 $([ $lang = zh ] && echo zh_CN.UTF-8 || echo en_US.UTF-8)
	wait_for "1  "; keys Enter
	interview $lang
	! screen | grep -q -e "F5" -e "打印" -e "print"; check "without --print-cmd: no F5 and no print in the footer ($lang)" $?
	before=$(screen)
	keys F5; text "0"; keys F3; sleep 0.3
	! screen | grep -q -e "print" -e "打印" -e "--print-cmd"; check "without --print-cmd: F5 and 0 say nothing ($lang)" $?
	[ "$(screen | wc -l)" -eq "$(echo "$before" | wc -l)" ]; check "the screen stays whole ($lang)" $?
done
rm -rf "$out"
finish
