#!/bin/sh
# memory.sh -- nothing typed survives a wipe: after a kiosk's start-over and its idle wipe, in both
# languages, a core image of the process holds no trace of the income typed (as typed, as the
# comparison formats it, in UTF-8, UTF-16 and UTF-32)
. "$(dirname "$0")/lib.sh"

if ldd "$YIBAO" 2>/dev/null | grep -q libasan; then
	# a sanitizer build maps terabytes of shadow memory: its core image says nothing about
	# the program's own memory, and takes minutes to write
	# (not a skip: the same test runs on the plain build, and a skip fails under CI)
	echo "core images are checked on the build without sanitizers"
	exit 0
fi
command -v gcore >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] || { echo "gcore (gdb) and root needed"; exit 77; }

work=$(mktemp -d)
trap 'stop; rm -rf "$work"' EXIT

# traces FILE: how many times the income is in the core image, in every form it takes
traces() {
	LC_ALL=C grep -c -a -P '987654|987,654|9\x008\x007\x006\x005\x004\x00|9\x00\x00\x008\x00\x00\x007\x00\x00\x006\x00\x00\x005\x00\x00\x004' "$1"
}

INCOME=987654
for lang in en zh; do
	for how in startover idle; do
		# the idle timer on the test's clock (lib.sh: clock_at), which stays at 0 until told
		start_clocked 100 30 en_US.UTF-8 --kiosk --staff-key 2468 --idle 10
		wait_for "Choose your language"
		if [ $lang = zh ]; then text "1"; else text "2"; fi
		interview $lang; check "the interview ($lang, $how)" $?
		screen | grep -q "987,654"; check "the income is on the comparison ($lang, $how)" $?
		pid=$(wizard_pid)
		if [ $how = startover ]; then
			keys F10; keys Up Enter
		else
			clock_at 10
		fi
		if [ $lang = zh ]; then wait_for "请选择语言"; else wait_for "Choose your language"; fi
		check "back at the start after $how ($lang)" $?
		rm -f "$work"/core*
		timeout 120 gcore -o "$work/core" "$pid" >/dev/null 2>&1
		f=$(ls "$work"/core.* 2>/dev/null | head -1)
		[ -s "$f" ]; check "a core image could be taken ($lang, $how)" $?
		n=$(traces "$f")
		[ "$n" -eq 0 ]; check "no trace of the income after $how ($lang): $n" $?
		# and the test can see one: before a wipe the image has it
		keys F10; text "2468"; keys Enter
	done
done

# the check can fail: while the comparison shows it, the income is in the image
start 100 30 en_US.UTF-8 --kiosk --staff-key 2468
wait_for "Choose your language"; text "2"; interview en
pid=$(wizard_pid); rm -f "$work"/core*
timeout 120 gcore -o "$work/core" "$pid" >/dev/null 2>&1
n=$(traces "$(ls "$work"/core.* | head -1)")
[ "$n" -gt 0 ]; check "before a wipe the income is found in the image ($n)" $?
finish
