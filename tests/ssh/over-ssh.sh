#!/bin/sh
# over-ssh.sh -- the wizard through a real OpenSSH server on 127.0.0.1, and after terminal loss.
#   1  the whole Chinese interview over `ssh -tt`, UTF-8 on both sides
#   2  the same with the server side in zh_CN.GB18030 and the client pane behind
#      `luit -encoding GB18030` (a GBK/GB18030 client; gbclient.py when luit is missing or broken):
#      the Chinese must arrive intact both ways, and the bytes on the wire must be GB18030, not
#      UTF-8 (the client's log of what ssh delivered, and a second capture without tmux)
#   3  the ssh client killed (SIGKILL) mid-interview: the server-side wizard must be gone within
#      1 s, and must not have used CPU while it waited for a key
#   4  no ssh: the terminal closed (tmux server killed) mid-interview: the same two checks
#   3b/4b as 3/4 with the wizard in a session of its own (setsid), so no SIGHUP reaches it and only
#      the dead terminal itself can tell it to stop
# Environment: YIBAO, SRC (as for tests/e2e); YIBAO_SSH_PORT (2222), YIBAO_SSH_DIR (/run/yibao-sshd),
# YIBAO_SSH_USER (yibaotest): the server started by tests/ssh/sshd-up.sh. If it is not running and
# this runs as root, the test starts it itself and stops it at the end. YIBAO_SSH_RUNS="1 3"
# runs only those parts. Exit 77 (skipped) when ssh, sshd, tmux, iconv or the zh_CN.GB18030
# locale is missing, or no test server can be reached, unless CI is set: then it fails.
set -u

here=$(cd "$(dirname "$0")" && pwd)
ssh_port=${YIBAO_SSH_PORT:-2222}
ssh_dir=${YIBAO_SSH_DIR:-/run/yibao-sshd}
ssh_user=${YIBAO_SSH_USER:-yibaotest}
key=$ssh_dir/client_ed25519

in_ci() { case ${CI:-} in '' | false | 0 | no) return 1 ;; esac; return 0; }
skip() {
	if in_ci; then
		echo "over-ssh: $1; CI=${CI} so this is a failure, not a skip"
		exit 1
	fi
	echo "over-ssh: skipped: $1"
	exit 77
}

command -v ssh >/dev/null 2>&1 || skip "ssh missing (openssh-client)"
[ -x /usr/sbin/sshd ] || skip "/usr/sbin/sshd missing (openssh-server)"
command -v tmux >/dev/null 2>&1 || skip "tmux missing"
command -v iconv >/dev/null 2>&1 || skip "iconv missing"
locale -a 2>/dev/null | grep -qix 'zh_CN.gb18030' || skip "locale zh_CN.GB18030 missing"

. "$SRC/tests/e2e/lib.sh"

tmp=$(mktemp -d /tmp/yibao-over-ssh.XXXXXX)
started_sshd=no
copy=""

cleanup() {
	stop
	# anything of ours still alive (a failed check may leave a wizard behind): by pid only
	for p in $(pgrep -u "$ssh_user" -x yibao 2>/dev/null) ${leftover:-}; do
		kill -KILL "$p" 2>/dev/null
	done
	[ -n "$copy" ] && rm -rf "$(dirname "$copy")"
	[ "$started_sshd" = yes ] && sh "$here/sshd-down.sh" "$ssh_dir" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

ssh_opts="-F /dev/null -i $key -p $ssh_port -o BatchMode=yes -o IdentitiesOnly=yes \
-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5"
remote() { ssh $ssh_opts "$ssh_user@127.0.0.1" "$@" </dev/null; }

# the server: running from $ssh_dir, or started here when we may
if ! [ -r "$key" ] || ! remote true >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		sh "$here/sshd-up.sh" "$ssh_dir" >"$tmp/up.log" 2>&1 || { cat "$tmp/up.log"; skip "sshd-up.sh failed"; }
		started_sshd=yes
	else
		skip "no test sshd on 127.0.0.1:$ssh_port (run tests/ssh/sshd-up.sh as root)"
	fi
fi
remote true >/dev/null 2>&1 || skip "no key login as $ssh_user on 127.0.0.1:$ssh_port"

# the program as the test user can run it: in place if the path is open to it, else a copy
bin=$YIBAO
i=0
while [ ! -x "$YIBAO" ]; do # someone may be rebuilding it
	i=$((i + 1))
	[ $i -gt 120 ] && { echo "FAIL: $YIBAO missing"; exit 1; }
	sleep 0.5
done
if ! remote "test -x '$YIBAO'" >/dev/null 2>&1; then
	mkdir -p "$ssh_dir/bin-$$"
	chmod 0755 "$ssh_dir/bin-$$"
	copy=$ssh_dir/bin-$$/yibao
	install -m 0755 "$YIBAO" "$copy"
	bin=$copy
	echo "(the test user cannot run $YIBAO; using a copy in $copy)"
fi

# start_ssh COLS ROWS LOCAL_LOCALE REMOTE_PREFIX [WRAPPER...]: in a fresh tmux server (lib.sh's
# socket naming), the wizard over ssh -tt; REMOTE_PREFIX goes before the program on the server
start_ssh() {
	cols=$1 rows=$2 loc=$3 rpre=$4
	shift 4
	stop
	nstart=$((nstart + 1))
	sock="yibao-e2e-$$-$nstart"
	T new-session -d -s t -x "$cols" -y "$rows" \
		"env -i PATH=/usr/bin:/bin HOME=/tmp TERM=$TERM_E2E LANG=$loc LC_ALL=$loc $* \
		 ssh -tt $ssh_opts -o SendEnv=LANG -o SendEnv=LC_ALL $ssh_user@127.0.0.1 \
		 'ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 $rpre $bin wizard --as-of $AS_OF'; echo; echo \"ssh exited: \$?\"; sleep 60" || return 1
	T set-option -t t remain-on-exit on >/dev/null
}

pane_pid() { T display-message -p -t t '#{pane_pid}'; }

# the server-side wizard: the newest yibao of the test user (waits up to 2 s for it)
server_wizard() {
	i=0
	while [ $i -lt 100 ]; do
		p=$(pgrep -n -u "$ssh_user" -x yibao) && { echo "$p"; return 0; }
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

ticks() { # utime + stime of PID, in clock ticks (fields 14 and 15 of /proc/PID/stat)
	sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
hz=$(getconf CLK_TCK)

# idle_cpu PID: ticks used over 1 s while the wizard waits for a key (printed)
idle_cpu() {
	a=$(ticks "$1")
	sleep 1
	b=$(ticks "$1")
	[ -n "$a" ] && [ -n "$b" ] || { echo "-1"; return; }
	echo $((b - a))
}

# gone_within PID MS: poll /proc every 20 ms until PID is gone (or a zombie); says how long it
# took and the CPU ticks used since $before; fails if that took more than MS. Polls on for up to
# 3 s to say how long it really took; then says how much CPU the survivor burns, and kills it.
gone_within() {
	pid=$1 limit=$2 t0=$(now_ms) last=${before:-0}
	while [ -d "/proc/$pid" ] && [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
		t=$(ticks "$pid") && [ -n "$t" ] && last=$t
		if [ $(($(now_ms) - t0)) -gt 3000 ]; then
			spin=$(idle_cpu "$pid")
			echo "  $label: still there 3 s after the loss, using $spin of $hz ticks per second"
			kids=$(pgrep -P "$pid")
			leftover="${leftover:-} $pid $kids"
			kill -KILL "$pid" $kids 2>/dev/null
			return 1
		fi
		sleep 0.02
	done
	took=$(($(now_ms) - t0))
	echo "  $label: gone $took ms after the loss, $((last - ${before:-0})) ticks of CPU meanwhile"
	[ "$took" -le "$limit" ]
}

# a few answers, so that the wizard waits mid-interview (question 3, a choice)
few_answers() {
	wait_for "请选择语言" || return 1
	keys Enter
	wait_for "您在哪个城市工作" || return 1
	text "上海"; wait_for "310000" || return 1; keys Enter
	wait_for "您的户籍在哪里" || return 1
	text "chengdu"; wait_for "510100" || return 1; keys Enter
	wait_for "居住证吗"
}

gb() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030; }
has_bytes() { LC_ALL=C grep -aqF -- "$1" "$2"; } # BYTES FILE

# the GBK client: luit if it works here (Debian 12: x11-utils, which needs xfonts-encodings or it
# crashes on GB18030), else gbclient.py, a pty converter doing the same in Python
# (YIBAO_SSH_GBCLIENT=gbclient.py chooses it)
if [ "${YIBAO_SSH_GBCLIENT:-luit}" = luit ] && command -v luit >/dev/null 2>&1 && command -v script >/dev/null 2>&1 &&
	script -qec "luit -encoding GB18030 -- true" /dev/null </dev/null >/dev/null 2>&1; then
	gbclient="luit -encoding GB18030 -ilog $tmp/client-in.raw --"
	gbname=luit
elif command -v python3 >/dev/null 2>&1; then
	gbclient="python3 $here/gbclient.py -e GB18030 -l $tmp/client-in.raw --"
	gbname=gbclient.py
else
	gbclient="" gbname=""
fi

# --- 1: UTF-8 on both sides, the whole Chinese interview -----------------------------------------
run1() {
	start_ssh 80 24 zh_CN.UTF-8 "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8"
	wait_for "请选择语言"; check "ssh utf-8: language screen arrives" $?
	p=$(server_wizard); check "ssh utf-8: the wizard runs on the server side as $ssh_user" $?
	keys Enter
	interview zh; check "ssh utf-8: Chinese interview reaches the comparison" $?
	screen | grep -q "职工医保" && screen | grep -q "居民医保"
	check "ssh utf-8: comparison names both schemes" $?
	keys F10; wait_for "现在退出吗"; text "1"
	wait_for "ssh exited: 0"; check "ssh utf-8: quit ends the session with status 0" $?
	[ -z "$p" ] || ! kill -0 "$p" 2>/dev/null; check "ssh utf-8: no wizard left on the server" $?
}

# --- 2: GB18030 server side, a GBK client ---------------------------------------------------------
run2() {
	if [ -z "$gbclient" ]; then
		check "ssh gb18030: a GBK client (luit -encoding GB18030, or python3 for gbclient.py)" 1
		return
	fi
	echo "  (GBK client: $gbname)"
	# as a GBK client's ssh does: its own locale is GB18030, and SendEnv carries it to the server
	# (sshd's AcceptEnv LANG LC_*); the pane around the client is UTF-8
	start_ssh 80 24 zh_CN.UTF-8 "" $gbclient env LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030
	wait_for "请选择语言"; check "ssh gb18030: the language question arrives intact ($gbname)" $?
	p=$(server_wizard) && tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx 'LC_ALL=zh_CN.GB18030'
	check "ssh gb18030: the server-side wizard runs in zh_CN.GB18030 (sent by SendEnv)" $?
	screen | grep -q "1  中文"; check "ssh gb18030: the choice 中文 arrives intact" $?
	keys Enter
	interview zh; check "ssh gb18030: Chinese interview (typed Chinese included) reaches the comparison" $?
	screen | grep -q "职工医保" && screen | grep -q "居民医保"
	check "ssh gb18030: comparison names both schemes" $?
	keys F10; wait_for "现在退出吗"; text "1"
	wait_for "ssh exited: 0"; check "ssh gb18030: quit ends the session with status 0" $?
	# what ssh handed to the client is what came over the wire
	in=$tmp/client-in.raw
	has_bytes "$(gb 请选择语言)" "$in" && has_bytes "$(gb 您在哪个城市工作)" "$in"
	check "ssh gb18030: GB18030 bytes on the wire ($gbname's log)" $?
	! has_bytes "请选择语言" "$in" && ! has_bytes "您在哪个城市工作" "$in"
	check "ssh gb18030: no UTF-8 Chinese on the wire ($gbname's log)" $?
	# a GBK client (PuTTY or Xshell set to GBK) must be able to show every byte of the interview
	# and its comparison: ¥ only as ￥ (GBK A3A4), never GB18030's four-byte ¥ (81 30 84 36)
	iconv -f GBK -t UTF-8 "$in" >"$tmp/client-in.txt" 2>"$tmp/gbk.err"
	r=$?
	check "ssh gb18030: the whole interview and its comparison decode as GBK" $r
	[ $r -eq 0 ] || sed 's/^/  iconv: /' "$tmp/gbk.err"
	has_bytes "$(printf '\243\244')" "$in" && ! has_bytes "$(printf '\201\060\204\066')" "$in"
	check "ssh gb18030: money as ￥ (GBK), never ¥ in GB18030" $?

	# the same without tmux or a converter: ssh's output straight into a file; F10 then 1 quits
	{ sleep 1; printf '\033[21~'; sleep 0.5; printf 1; sleep 2; } |
		timeout 15 env TERM=xterm-256color ssh -tt $ssh_opts "$ssh_user@127.0.0.1" \
			"LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 ASAN_OPTIONS=detect_leaks=0 $bin wizard --as-of $AS_OF" \
			>"$tmp/wire.raw" 2>"$tmp/wire.err"
	check "ssh gb18030 capture: the wizard quits with status 0" $?
	has_bytes "$(gb 请选择语言)" "$tmp/wire.raw" && has_bytes "$(gb 现在退出吗)" "$tmp/wire.raw"
	r1=$?
	check "ssh gb18030 capture: 请选择语言 and 现在退出吗 in GB18030 on the wire" $r1
	! has_bytes "请选择语言" "$tmp/wire.raw" && ! has_bytes "现在退出吗" "$tmp/wire.raw"
	r2=$?
	check "ssh gb18030 capture: not in UTF-8" $r2
	iconv -f GB18030 -t UTF-8 "$tmp/wire.raw" >/dev/null 2>&1
	check "ssh gb18030 capture: the whole stream is valid GB18030" $?
	if [ $r1 -ne 0 ] || [ $r2 -ne 0 ]; then
		echo "  wire bytes:"
		od -An -tx1 -c "$tmp/wire.raw" | head -24 | sed 's/^/  | /'
		sed 's/^/  stderr: /' "$tmp/wire.err"
	fi
}

# --- 3: the ssh client killed mid-interview -------------------------------------------------------
client_lost() { # LABEL REMOTE_PREFIX
	label=$1
	start_ssh 80 24 zh_CN.UTF-8 "$2"
	few_answers; check "$label: mid-interview" $?
	p=$(server_wizard) || { check "$label: server-side wizard found" 1; return; }
	c=$(pgrep -P "$(pane_pid)" -x ssh) || { check "$label: ssh client found" 1; return; }
	cpu=$(idle_cpu "$p")
	echo "  $label: server-side wizard used $cpu of $hz ticks in 1 s of waiting"
	[ "$cpu" -ge 0 ] && [ "$cpu" -le 2 ]; check "$label: no CPU while waiting for a key" $?
	before=$(ticks "$p")
	kill -KILL "$c"
	gone_within "$p" 1000; check "$label: server-side wizard gone within 1 s of the client's death" $?
}
run3() {
	client_lost "ssh client killed" "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8"
	client_lost "ssh client killed, no SIGHUP (setsid)" "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 setsid"
}

# --- 4: the terminal closed (no ssh) --------------------------------------------------------------
terminal_lost() { # LABEL [wrapper]
	label=$1
	y=$YIBAO
	YIBAO="${2:-} $YIBAO"
	start 80 24 zh_CN.UTF-8
	YIBAO=$y
	few_answers; check "$label: mid-interview" $?
	p=$(pgrep -P "$(pane_pid)" -x yibao) || { check "$label: wizard found" 1; return; }
	cpu=$(idle_cpu "$p")
	echo "  $label: wizard used $cpu of $hz ticks in 1 s of waiting"
	[ "$cpu" -ge 0 ] && [ "$cpu" -le 2 ]; check "$label: no CPU while waiting for a key" $?
	before=$(ticks "$p")
	T kill-server
	gone_within "$p" 1000; check "$label: wizard gone within 1 s of the terminal's loss" $?
}
run4() {
	terminal_lost "terminal closed"
	terminal_lost "terminal closed, no SIGHUP (setsid)" setsid
}

echo "over ssh to $ssh_user@127.0.0.1:$ssh_port, program $bin"
for r in ${YIBAO_SSH_RUNS:-1 2 3 4}; do
	case $r in
	1 | 2 | 3 | 4) run$r ;;
	*) echo "over-ssh: no run $r (1-4)"; exit 2 ;;
	esac
done
finish
