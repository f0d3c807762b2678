#!/bin/sh
# lists.sh -- a city list from a numeric keypad alone, in application and numeric mode, both
# languages: a lone digit picks, two digits are a code, + pages (and wraps), - pages back or, at
# the top of an empty field, goes back; '.' erases; the keypad line; the coverage city offers the
# work and hukou cities first; a touch on the page line pages on
. "$(dirname "$0")/lib.sh"

# kp MODE KEYS...: keypad keys as the keypad sends them: app (ESC O x) or num (plain characters)
kp() {
	mode=$1
	shift
	for k; do
		if [ "$mode" = app ]; then
			case $k in
			[0-9]) c=$(printf "\\$(printf '%03o' $((112 + k)))") ;; # p..y
			+) c=k ;; -) c=m ;; .) c=n ;; '*') c=j ;; /) c=o ;; E) c=M ;;
			esac
			text "$(printf '\033O%s' "$c")"
		else
			case $k in E) keys KPEnter ;; *) text "$k" ;; esac
		fi
	done
}

for lang in zh en; do
	questions $lang
	if [ $lang = zh ]; then
		loc=zh_CN.UTF-8 keypad_line="小键盘：按序号选择"
		more="第10-18个，共31个" first_page="第1-9个，共31个"
		lang_key=1
	else
		loc=en_US.UTF-8
		keypad_line="Keypad: 1-9 picks" more="10-18 of 31" first_page="1-9 of 31"
		lang_key=2
	fi
	for mode in app num; do
		start 80 24 $loc
		wait_for "1  " || continue
		kp $mode $lang_key
		wait_for "$q1"; check "$mode $lang: first question" $?
		screen | grep -qF "$keypad_line"; check "$mode $lang: the keypad line says how to use a code" $?
		kp $mode 9; wait_for "$q2"; check "$mode $lang: a lone 9 picks the ninth entry" $?
		kp $mode -; wait_for "$q1"
		check "$mode $lang: - on an empty field goes back" $?
		kp $mode E; wait_for "$q2"
		kp $mode 5 1; wait_for "> 51"; wait_for "510100"
		check "$mode $lang: two digits list a province's cities" $?
		kp $mode . .; wait_for "$first_page"; check "$mode $lang: . erases, digit by digit" $?
		kp $mode +; wait_for "$more"; check "$mode $lang: + shows the next page" $?
		screen | grep -q "江苏\|Jiangsu"; check "$mode $lang: the next page's entries" $?
		kp $mode -; wait_for "$first_page"; check "$mode $lang: - on a later page shows the one before" $?
		screen | grep -qF "$q2"; check "$mode $lang: ... and stays on the question" $?
		kp $mode + + + +; wait_for "$first_page"; check "$mode $lang: the last page wraps to the first" $?
		kp $mode 5 1 0 1 0 0 E; wait_for "$q3"; check "$mode $lang: a code and Enter" $?
		kp $mode 1 1 9 9 0 0 5 E 1 1 6 0 0 0 E 0 E 3
		wait_for "$q12"; check "$mode $lang: to the coverage city" $?
		screen | grep -q "1  上海" && screen | grep -q "2  成都"
		check "$mode $lang: the work and hukou cities come first" $?
		kp $mode 2; wait_for "$q13"; check "$mode $lang: a digit picks the hukou city" $?
	done
done

# touch: the page line pages on, an entry of the second page is picked
TERM_E2E=xterm-256color
touch_row() { # TEXT: press and release on its row
	row=$(screen | grep -nF -- "$1" | head -1 | cut -d: -f1)
	text "$(printf '\033[<0;6;%dM\033[<0;6;%dm' "$row" "$row")"
}
for lang in zh en; do
	questions $lang
	if [ $lang = zh ]; then
		loc=zh_CN.UTF-8 k=1 first="第1-9个" next="第10-18个"
	else
		loc=en_US.UTF-8 k=2 first="1-9 of 31" next="10-18 of 31"
	fi
	start 80 24 $loc
	wait_for "1  "; text $k; wait_for "$first"
	touch_row "$first"; wait_for "$next"; check "touch $lang: the page line shows the next page" $?
	touch_row "Jiangsu"; wait_for "$q2"; check "touch $lang: an entry of the second page is picked" $?
done
finish
