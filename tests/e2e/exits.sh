#!/bin/sh
# exits.sh -- every way out leaves the terminal as it was and nothing of the interview behind:
# fatal signals (QUIT SEGV ABRT BUS FPE) restore the modes (stty -a), the normal screen, mouse
# off, then die by the signal without a core file; the screen and scrollback are cleared on
# exit and on a start-over, also without an alternate screen (TERM=linux, vt100)
. "$(dirname "$0")/lib.sh"

work=$(mktemp -d)
trap 'stop; rm -rf "$work"' EXIT

# to_city LANG: past the language screen to the first question
to_city() {
	wait_for "Choose your language" || return 1
	if [ "$1" = zh ]; then text "1"; wait_for "您在哪个城市工作"; else text "2"; wait_for "In which city do you work"; fi
}

# 1. fatal signals, in both languages: the pane afterwards has the terminal's modes back
n=0
for sn in QUIT:3 SEGV:11 ABRT:6 BUS:7 FPE:8; do
	sig=${sn%:*} num=${sn#*:}
	for lang in en zh; do
		n=$((n + 1))
		rm -f "$work"/core* "$work/stty"
		# under AddressSanitizer its own SEGV, BUS and FPE handlers would take the signal
		# first: the program's are what is tested
		E2E_BEFORE="cd $work; ulimit -c unlimited" E2E_AFTER="stty -a >$work/stty; echo stty-saved" \
			E2E_ENV="ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:handle_segv=0:handle_sigbus=0:handle_sigfpe=0" \
			start 80 24 en_US.UTF-8
		to_city $lang; text "zqxjv"; wait_for "zqxjv"
		pid=$(wizard_pid)
		grep -q "^Max core file size *0 *0" "/proc/$pid/limits"; check "core files off ($sig, $lang)" $?
		kill -s $sig "$pid"
		code=$((128 + num))
		wait_for "yibao exited: $code"; check "SIG$sig ends it as the signal would ($code, $lang)" $?
		wait_for "stty-saved"
		modes=$(cat "$work/stty" 2>/dev/null)
		ok=0
		for m in icanon echo isig icrnl opost; do
			echo " $modes " | tr '\n' ' ' | grep -q " $m " || { echo "  after SIG$sig: $m is off"; ok=1; }
		done
		check "SIG$sig: the terminal's modes are back ($lang)" $ok
		[ "$(T display-message -p -t t '#{alternate_on}')" = 0 ]; check "SIG$sig: the alternate screen left ($lang)" $?
		[ "$(T display-message -p -t t '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" = 000 ]
		check "SIG$sig: mouse reporting off ($lang)" $?
		! T capture-pane -p -t t -S -2000 | grep -q zqxjv; check "SIG$sig: nothing typed left on screen ($lang)" $?
		[ -z "$(ls "$work" | grep core)" ]; check "SIG$sig: no core file ($lang)" $?
	done
done

# 2. not dumpable: another process of the same user cannot attach (the files of a process that
# is not dumpable in /proc belong to root); run as nobody so that the owner tells
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
	E2E_BEFORE="cd /tmp" E2E_WRAP="setpriv --reuid=65534 --regid=65534 --clear-groups" start 80 24 en_US.UTF-8
	to_city en; pid=$(wizard_pid)
	[ -n "$pid" ] && [ "$(stat -c %u "/proc/$pid/status")" = 0 ] &&
		[ "$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")" = 65534 ]
	check "the wizard runs as nobody and is not dumpable" $?
	keys F10; text "1"
else
	check "setpriv is installed and we are root" 1
fi

# 3. the screen and the scrollback cleared, with and without an alternate screen (the Linux
# console and a VT100 cannot show Chinese: English only there)
for term in tmux-256color linux vt100; do
	for lang in en zh; do
		[ $term != tmux-256color ] && [ $lang = zh ] && continue
		if [ $lang = zh ]; then q2="您的户籍在哪里" q3="哪年哪月出生" q4="您的性别" q5="哪类工作" q6="每月收入" welcome="请选择语言"
		else q2="Where is your hukou" q3="When were you born" q4="man or a woman" q5="What kind of work" q6="monthly income" welcome="Choose your language"; fi
		for how in quit term startover; do
			# a VT100 has no F10 (terminfo kf10): Ctrl-C quits there, and a kiosk, which
			# ignores Ctrl-C, is not run on one
			[ $term = vt100 ] && [ $how = startover ] && continue
			extra=""
			[ $how = startover ] && extra="--kiosk --staff-key 2468"
			TERM_E2E=$term start 80 24 en_US.UTF-8 $extra
			to_city $lang || { check "the wizard starts ($term, $lang)" 1; continue; }
			text "310000"; wait_for "310000"; keys Enter
			wait_for "$q2"; text "310000"; wait_for "310000"; keys Enter
			wait_for "$q3"; text "198801"; keys Enter
			wait_for "$q4"; text "1"; wait_for "$q5"; text "1"
			wait_for "$q6"; text "84711"
			wait_for "84711"; check "the income is on screen ($term, $lang, $how)" $?
			keys Enter; wait_gone "$q6"
			case $how in
			quit) if [ $term = vt100 ]; then keys C-c; else keys F10; fi; text "1"; wait_for "yibao exited: 0" ;;
			term) kill -TERM "$(wizard_pid)"; wait_for "yibao exited: 1" ;;
			startover) keys F10; keys Up Enter; wait_for "$welcome" ;;
			esac
			check "the wizard leaves by $how ($term, $lang)" $?
			! T capture-pane -p -t t -S -2000 | grep -q "84711"
			check "no trace of the income on screen or in the scrollback after $how ($term, $lang)" $?
			[ $how = startover ] && { keys F10; text "2468"; keys Enter; }
		done
	done
done
finish
