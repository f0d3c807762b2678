#!/bin/sh
# sshd-down.sh -- stop the private sshd that sshd-up.sh started, and whatever its test user still
# runs. usage (as root): sshd-down.sh [DIR] [--purge]
#   --purge also removes DIR (keys included) and the test user.
set -u

dir=${YIBAO_SSH_DIR:-/run/yibao-sshd}
purge=no
for a in "$@"; do
	case $a in
	--purge) purge=yes ;;
	*) dir=$a ;;
	esac
done
user=${YIBAO_SSH_USER:-yibaotest}

gone() { ! kill -0 "$1" 2>/dev/null; }

if [ -f "$dir/sshd.pid" ]; then
	pid=$(cat "$dir/sshd.pid")
	if kill -TERM "$pid" 2>/dev/null; then
		i=0
		while ! gone "$pid" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		gone "$pid" || kill -KILL "$pid" 2>/dev/null
	fi
	rm -f "$dir/sshd.pid"
fi

# sessions outlive the listener: end what the test user still runs (only that user's processes)
if getent passwd "$user" >/dev/null; then
	pids=$(pgrep -u "$user" 2>/dev/null || true)
	if [ -n "$pids" ]; then
		kill -TERM $pids 2>/dev/null
		sleep 0.3
		pids=$(pgrep -u "$user" 2>/dev/null || true)
		[ -z "$pids" ] || kill -KILL $pids 2>/dev/null
	fi
fi

if [ "$purge" = yes ]; then
	rm -rf "$dir"
	getent passwd "$user" >/dev/null && userdel --remove "$user" 2>/dev/null
fi
exit 0
