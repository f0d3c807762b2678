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

start 80 24 en_US.UTF-8
wait_for "Choose your language"; keys Enter
interview en
keys F5; wait_for "Printing is not set up"; check "without --print-cmd: a clear message" $?
rm -rf "$out"
finish
