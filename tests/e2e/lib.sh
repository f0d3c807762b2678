# lib.sh -- drive the real yibao in a private tmux server (sourced by the e2e tests)
# Each test: start COLS ROWS LOCALE [ARGS], then keys / text, wait_for TEXT, screen.
set -u

YIBAO=${YIBAO:?set YIBAO to the program}
SRC=${SRC:?set SRC to the source tree}
AS_OF=${AS_OF:-2025-06-01}
TERM_E2E=${TERM_E2E:-tmux-256color}
sock="yibao-e2e-$$-0"
nstart=0
pass=0
fail=0

command -v tmux >/dev/null 2>&1 || { echo "tmux missing"; exit 77; }

T() { tmux -L "$sock" -f /dev/null "$@"; }

stop() { T kill-server >/dev/null 2>&1 || true; }
trap stop EXIT

# start COLS ROWS LOCALE [extra yibao args]: the wizard in a fresh server. A sanitizer build
# halts on any report; its leak check is left to the unit tests (and valgrind): at exit after a
# hangup, LeakSanitizer's tracer can wait forever on a process whose terminal is gone.
start() {
	cols=$1 rows=$2 loc=$3
	shift 3
	stop
	# a new server each time: a dying one may still hold its socket
	nstart=$((nstart + 1))
	sock="yibao-e2e-$$-$nstart"
	# E2E_BEFORE and E2E_AFTER: shell commands run in the pane before and after the wizard;
	# E2E_WRAP: a command that runs it (setpriv ...)
	T new-session -d -s t -x "$cols" -y "$rows" \
		"${E2E_BEFORE:-true}; ${E2E_WRAP:-} env -i PATH=/usr/bin:/bin HOME=/tmp TERM=$TERM_E2E LANG=$loc LC_ALL=$loc ${NO_COLOR:+NO_COLOR=1} \
		 ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ${E2E_ENV:-} \
		 $YIBAO wizard --as-of $AS_OF $*; rc=\$?; echo; echo \"yibao exited: \$rc\"; ${E2E_AFTER:-true}; sleep 60" || return 1
	T set-option -t t remain-on-exit on >/dev/null
}

# wizard_pid: the program running in this server's pane (a child of the pane's shell)
wizard_pid() {
	pgrep -n -P "$(T display-message -p -t t '#{pane_pid}')" 2>/dev/null
}

# start_clocked COLS ROWS LOCALE [ARGS]: as start, with the test build's yibao-testclock, whose
# kiosk idle timer reads the time the test sets with clock_at SECONDS (0 at the start): an idle
# test never waits real seconds, and the program itself has no such clock
YIBAO_TESTCLOCK=${YIBAO_TESTCLOCK:-}
clock_file=
start_clocked() {
	[ -x "$YIBAO_TESTCLOCK" ] || { echo "set YIBAO_TESTCLOCK to the test build's yibao-testclock"; exit 77; }
	[ -n "$clock_file" ] || clock_file=$(mktemp)
	echo 0 >"$clock_file"
	keep_yibao=$YIBAO
	YIBAO=$YIBAO_TESTCLOCK E2E_ENV="YIBAO_TEST_CLOCK=$clock_file"
	start "$@"
	rc_clocked=$?
	YIBAO=$keep_yibao E2E_ENV=
	return $rc_clocked
}
# clock_at SECONDS: the idle timer's clock jumps there (whole milliseconds; replaced at once)
clock_at() {
	awk -v s="$1" 'BEGIN { printf "%d\n", s * 1000 }' >"$clock_file.new" && mv "$clock_file.new" "$clock_file"
}

keys() { T send-keys -t t "$@"; }          # named keys: Enter Escape F1 Up BSpace ...
text() { T send-keys -t t -l -- "$1"; }    # literal text, UTF-8
screen() { T capture-pane -t t -p; }
resize() { T resize-window -t t -x "$1" -y "$2"; }

# polls give up after E2E_TIMEOUT seconds (default 20: a loaded CI machine
# is slow, and a poll that succeeds returns at once)
polls=$(( ${E2E_TIMEOUT:-20} * 40 ))

# settle: poll until two captures in a row are the same (at most a second): the terminal
# gets a screen in pieces, so a title can be there before the footer under it, and what a
# test reads next must be the whole screen
settle() {
	j=0 prev=$(screen)
	while [ $j -lt 40 ]; do
		sleep 0.025
		cur=$(screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur j=$((j + 1))
	done
	return 0
}

# wait_for TEXT: poll the screen until TEXT is on it, and it has settled
wait_for() {
	i=0
	while [ $i -lt $polls ]; do
		screen | grep -qF -- "$1" && { settle; return 0; }
		sleep 0.025
		i=$((i + 1))
	done
	echo "  timed out waiting for: $1"
	screen | sed 's/^/  | /'
	return 1
}

# wait_gone TEXT: poll until TEXT is no longer on the screen
wait_gone() {
	i=0
	while [ $i -lt $polls ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.025
		i=$((i + 1))
	done
	echo "  still on screen: $1"
	return 1
}

# stays_off TEXT SECONDS: TEXT does not come on the screen within SECONDS (for what must not
# happen: the program is polled as long as that, then the test goes on)
stays_off() {
	i=0
	while [ $i -lt $(( $2 * 40 )) ]; do
		screen | grep -qF -- "$1" && { echo "  on screen: $1"; return 1; }
		sleep 0.025
		i=$((i + 1))
	done
	return 0
}

# wait_until SHELL-CONDITION: poll until the condition holds
wait_until() {
	i=0
	while [ $i -lt $polls ]; do
		eval "$1" && return 0
		sleep 0.025
		i=$((i + 1))
	done
	return 1
}

check() { # name status
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
	fi
}

finish() {
	[ -z "$clock_file" ] || rm -f "$clock_file"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# The interview of a Shanghai rider with a Chengdu hukou, answer by answer;
# $1 = zh or en chooses the words waited for.
# questions LANG: q1..q15, a few words of each question in that language, and done_text, the
# comparison's title (for a test that walks the interview its own way)
questions() {
	if [ "$1" = zh ]; then
		q1="您在哪个城市工作" q2="您的户籍在哪里" q3="居住证吗" q4="哪年哪月出生" q5="您的性别"
		q6="50岁还是55岁" q7="哪类工作" q8="每月收入" q9="一共缴纳了多少年" q10="缴了多少年"
		q11="哪种医保" q12="这份医保在哪个城市" q13="几个月没有医保" q14="待几年" q15="退休后您打算"
		done_text="各方案对比"
	else
		q1="In which city do you work" q2="Where is your hukou" q3="residence permit" q4="When were you born"
		q5="man or a woman" q6="50 or 55" q7="What kind of work" q8="monthly income" q9="paid into the employee"
		q10="Of those, how many" q11="Which medical insurance" q12="In which city is that" q13="without medical"
		q14="expect to stay" q15="after retirement" done_text="side by side"
	fi
}

interview() {
	questions "$1"
	wait_for "$q1" || return 1
	text "上海"; wait_for "310000" || return 1; keys Enter
	wait_for "$q2" || return 1
	text "chengdu"; wait_for "510100" || return 1; keys Enter
	wait_for "$q3" || return 1; text "1"
	wait_for "$q4" || return 1; text "199005"; keys Enter
	wait_for "$q5" || return 1; text "2"
	wait_for "$q6" || return 1; text "1"
	wait_for "$q7" || return 1; text "1"
	wait_for "$q8" || return 1; text "${INCOME:-6000}"; keys Enter
	wait_for "$q9" || return 1; text "3"; keys Enter
	wait_for "$q10" || return 1; text "1"; keys Enter
	wait_for "$q11" || return 1; text "3"
	wait_for "$q12" || return 1; text "chengdu"; wait_for "510100" || return 1; keys Enter
	wait_for "$q13" || return 1; text "0"; keys Enter
	wait_for "$q14" || return 1; text "5"; keys Enter
	wait_for "$q15" || return 1; text "2"
	wait_for "$done_text"
}

# run_pane COLS ROWS LOCALE COMMAND: a shell command (not the wizard) in a fresh server, with a
# line before it (a clear screen would take it away: scroll-on-clear is off) and its status
# after it; the terminal lets programs set the clipboard, so that an OSC 52 that got through
# leaves a tmux buffer.
run_pane() {
	cols=$1 rows=$2 loc=$3
	shift 3
	stop
	nstart=$((nstart + 1))
	sock="yibao-e2e-$$-$nstart"
	script=$(mktemp)
	printf '%s\n' "$*" >"$script"
	T new-session -d -s t -x "$cols" -y "$rows" \
		"env -i PATH=/usr/bin:/bin HOME=/tmp TERM=$TERM_E2E LANG=$loc LC_ALL=$loc \
		 ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		 sh -c 'sleep 0.2; echo before-the-command; sh $script; echo \"command exited: \$?\"; rm -f $script; sleep 60'" || return 1
	T set-option -g set-clipboard on >/dev/null
	T set-option -g scroll-on-clear off >/dev/null
	T set-option -t t remain-on-exit on >/dev/null
}

# untouched: the pane's title is not one a payload set, no clipboard buffer was made, the
# line before the command is still there (no clear screen)
untouched() {
	title=$(T display-message -p -t t '#{pane_title}')
	case "$title" in *PWNED*) echo "  pane title set to: $title"; return 1 ;; esac
	[ -z "$(T list-buffers 2>/dev/null)" ] || { echo "  clipboard written: $(T list-buffers)"; return 1; }
	T capture-pane -p -t t -S - | grep -q "before-the-command" || { echo "  the screen was cleared"; return 1; }
	return 0
}
