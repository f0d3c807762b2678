#!/bin/sh
# clientkeys.sh -- the raw sequences PuTTY, SecureCRT, Xshell (xterm and VT100 modes), xterm and
# the Linux console send for F1-F5, F10, Home and End, each mapped to its action, under TERM
# entries that do not list them, in both languages
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
trap 'stop; rm -rf "$out"' EXIT

# client|sequence (printf)|action
table='PuTTY|\033[11~|help
PuTTY|\033[12~|lang
PuTTY|\033[13~|base
PuTTY|\033[14~|income
PuTTY|\033[15~|print
PuTTY|\033[21~|quit
PuTTY|\033[4~|end
PuTTY|\033[1~|home
SecureCRT/Xshell xterm|\033OP|help
SecureCRT/Xshell xterm|\033OQ|lang
SecureCRT/Xshell xterm|\033OR|base
SecureCRT/Xshell xterm|\033OS|income
SecureCRT/Xshell xterm|\033[F|end
SecureCRT/Xshell xterm|\033[H|home
SecureCRT/Xshell xterm|\033OF|end
SecureCRT/Xshell xterm|\033OH|home
SecureCRT/Xshell VT100|\033OP|help
SecureCRT/Xshell VT100|\033OS|income
Linux console|\033[[A|help
Linux console|\033[[B|lang
Linux console|\033[[C|base
Linux console|\033[[D|income
Linux console|\033[[E|print
Linux console|\033[4~|end
Linux console|\033[1~|home
rxvt|\033[8~|end
rxvt|\033[7~|home'

# to_compare LANG: the language screen, then lib.sh's interview
to_compare() {
	if [ "$1" = zh ]; then text "1"; else text "2"; fi
	interview "$1"
}

# act ACTION: the screen shows what the action does; then back to the comparison, scrolled to the top
act_check() {
	case $1 in
	help) wait_for "$help_text" && text "$(printf '\033')" && wait_for "$done_text" ;;
	lang) wait_for "$other_text" && keys F2 && wait_for "$done_text" ;;
	base) # on to a typed base, then back to the base matched to income
		wait_for "$base_text" && keys F3 && text "8000" && keys Enter && keys F3 && wait_for "$income_mode" ;;
	income) wait_for "$income_text" && keys Escape && wait_gone "$income_text" ;;
	print) wait_for "$print_text" ;;
	quit) wait_for "$quit_text" && text "2" && wait_for "$done_text" ;;
	end) wait_gone "$more_text" ;;
	home) wait_for "$more_text" ;;
	esac
}

for lang in zh en; do
	if [ $lang = zh ]; then
		loc=zh_CN.UTF-8 done_text="各方案对比" other_text="side by side" help_text="如何看方案比较"
		base_text="最低缴费基数" income_text="新的月收入" print_text="已保存" quit_text="现在退出吗"
		more_text="下面还有内容" income_mode="按收入确定"
	else
		loc=en_US.UTF-8 done_text="side by side" other_text="各方案对比" help_text="Reading the comparison"
		base_text="the lowest base" income_text="New monthly income" print_text="was saved" quit_text="Quit now"
		more_text="more below" income_mode="matched to your income"
	fi
	for term in tmux-256color vt100 linux; do
		# the VT100 and the console cannot draw Chinese: they run in English
		case $term in vt100 | linux) [ $lang = zh ] && continue ;; esac
		TERM_E2E=$term
		rm -f "$out/r.txt" "$out/failed"
		start 80 24 $loc --print-cmd "$out/r.txt"
		wait_for "1  " || { check "$term $lang: language screen" 1; continue; }
		to_compare $lang || { check "$term $lang: to the comparison" 1; continue; }
		echo "$table" | while IFS='|' read -r client seq action; do
			case $term:$client in
			vt100:PuTTY | vt100:Linux* | linux:PuTTY | linux:Secure* | linux:rxvt) continue ;;
			vt100:*VT100 | linux:Linux*) ;; vt100:* | linux:*) continue ;;
			esac
			[ $action = lang ] && [ $term != tmux-256color ] && continue # English only there
			[ $action = print ] && rm -f "$out/r.txt"
			text "$(printf "$seq")"
			act_check $action
			r=$?
			[ $action = print ] && { [ -s "$out/r.txt" ] || r=1; text "5"; text "8"; }
			[ $r -eq 0 ] || {
				echo "  $client $(printf '%s' "$seq" | sed 's/\\033/ESC/') -> $action failed ($term, $lang)"
				echo 1 >"$out/failed"
			}
		done
		[ ! -e "$out/failed" ]
		check "$term $lang: client key sequences do their actions" $?
	done
done
finish
