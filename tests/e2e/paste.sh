#!/bin/sh
# paste.sh -- a paste is text for the field, never keys: bracketed (the wizard turns the mode on,
# and off on the way out) and unbracketed (a burst no typist sends); number fields refuse what is
# not a plain number (1e3, 0x10, +5, Arabic-Indic digits), typed or pasted, with the range message
. "$(dirname "$0")/lib.sh"

hostile='sh?*/12上海-+.'

# paste_in TEXT [-p]: TEXT through a tmux buffer; -p brackets it when the program asked for that
paste_in() {
	T set-buffer -- "$1"
	T paste-buffer -d ${2:-} -t t
}

for lang in en zh; do
	start 80 24 en_US.UTF-8
	wait_for "Choose your language"
	if [ $lang = zh ]; then text "1"; city="您在哪个城市工作" income="每月收入" full="粘贴的内容中有 1 个字符"
	else text "2"; city="In which city do you work" income="monthly income" full="1 pasted character was not"; fi
	wait_for "$city"
	paste_in "$hostile" -p
	wait_for "> $hostile"; check "a bracketed paste goes into the city field as text ($lang)" $?
	screen | grep -q "$city"; check "and opens no help, switches no language ($lang)" $?
	clear_to_empty() { i=0; while [ $i -lt 40 ] && ! screen | grep -qE '^  > *$'; do keys BSpace; i=$((i + 1)); sleep 0.01; done; }
	clear_to_empty
	paste_in "$hostile"
	wait_for "> $hostile"; check "an unbracketed paste, too ($lang)" $?
	screen | grep -q "$city"; check "no key acted on in it ($lang)" $?
	clear_to_empty
	text "$hostile"
	wait_for "> $hostile"; check "a burst typed at once is text too ($lang)" $?
	clear_to_empty
	paste_in "上海
" -p
	wait_for "$full"; check "a line end in a paste is dropped, with a message ($lang)" $?
	screen | grep -q "$city"; check "and is not Enter ($lang)" $?
	clear_to_empty
	text "310000"; wait_for "310000"; keys Enter; sleep 0.2; text "310000"; wait_for "310000"; keys Enter
	sleep 0.2; text "198801"; keys Enter; sleep 0.2; text "1"; sleep 0.2; text "1"
	wait_for "$income"
	for bad in 1e3 0x10 +5 ١٢٣ ۴۵; do
		clear_to_empty
		# typed one key at a time
		for k in $(echo "$bad" | sed 's/./& /g'); do text "$k"; sleep 0.02; done
		wait_for "> $bad"; check "typed $bad is kept as typed ($lang)" $?
		keys Enter
		wait_until 'screen | grep -qE "whole number|整数"'; check "typed $bad gets the range message ($lang)" $?
		screen | grep -q "$income"; check "typed $bad is not taken ($lang)" $?
		clear_to_empty
		paste_in "$bad" -p; wait_for "> $bad"; keys Enter
		wait_until 'screen | grep -qE "whole number|整数"'; check "pasted $bad gets the range message ($lang)" $?
	done
	keys F10; text "1"; wait_for "yibao exited: 0"
done

# on the way out bracketed paste is off: the shell after it sees a paste without the brackets
E2E_AFTER="echo ready-for-paste; cat -v" start 80 24 en_US.UTF-8
wait_for "Choose your language"; text "2"; wait_for "In which city"
keys F10; text "1"; wait_for "ready-for-paste"
paste_in "after-exit" -p
wait_for "after-exit"
! screen | grep -qF '^[[200~'; check "bracketed paste is off after the wizard" $?
finish
