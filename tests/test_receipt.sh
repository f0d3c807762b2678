#!/bin/sh
# test_receipt.sh -- `yibao receipt` end to end: stored receipts for each width, encoding and language,
# the GB encodings decoded, ESC/POS framing, -o never replacing without --force, statuses, and no file
# written but the -o target (strace, where installed).
# usage: YIBAO=build/tui/yibao SRC=. tests/test_receipt.sh   (UPDATE=1 stores the receipts anew)
set -u
yibao=${YIBAO:-${1:-}}
src=${SRC:-${2:-}}
if [ -z "$yibao" ] || [ -z "$src" ]; then
	echo "usage: YIBAO=path/to/yibao SRC=source-dir $0" >&2
	exit 2
fi
store=$src/tests/data/receipts
answers=$src/tests/data/shanghai-rider.ini
update=${UPDATE:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() { # name, condition result
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

receipt() { # args...: the receipt of the stored answers on the stored date
	"$yibao" receipt --answers "$answers" --as-of 2025-06-01 "$@"
}

hex() { # the bytes of standard input as hex, no spaces
	od -An -tx1 | tr -d ' \n'
}

# Every line at most $2 display columns (wide and full-width count 2), no ambiguous-width character.
fits() { # file (UTF-8), width
	python3 - "$1" "$2" <<'PY'
import sys, unicodedata
width, bad = int(sys.argv[2]), 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n"), 1):
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    amb = [c for c in line if unicodedata.east_asian_width(c) == "A"]
    if cols > width or amb:
        print("  line %d: %d columns%s: %s" % (n, cols, " ambiguous " + "".join(amb) if amb else "", line))
        bad = 1
sys.exit(bad)
PY
}

[ "$update" = 1 ] && mkdir -p "$store"

# ---------------------------------------------------------------- stored receipts
for lang in en zh; do
	for width in 32 42 48; do
		for enc in utf-8 gb18030 gbk; do
			name=$lang-$width-$enc.txt
			out=$tmp/$name
			receipt --lang "$lang" --width "$width" --encoding "$enc" >"$out" 2>"$tmp/err"
			check "$name: exit 0" $?
			[ ! -s "$tmp/err" ]
			check "$name: nothing on stderr ($(head -c 200 "$tmp/err"))" $?
			if [ "$update" = 1 ]; then
				cp "$out" "$store/$name"
			else
				cmp -s "$out" "$store/$name"
				check "$name: the same bytes as tests/data/receipts/$name (UPDATE=1 stores anew)" $?
			fi
			iconv -f "$enc" -t UTF-8 <"$out" >"$out.u8"
			check "$name: decodes as $enc" $?
			fits "$out.u8" "$width"
			check "$name: every line fits in $width columns" $?
			if [ "$lang" = zh ]; then
				grep -q "职工医保" "$out.u8" && grep -q "居民医保" "$out.u8"
				check "$name: the Chinese arrives intact" $?
			fi
			if [ "$enc" = gbk ]; then
				grep -q "￥" "$out.u8" && ! grep -q "¥" "$out.u8"
				check "$name: ¥ became ￥ in GBK" $?
			else
				grep -q "¥" "$out.u8" && ! grep -q "￥" "$out.u8"
				check "$name: ¥ stays ¥ in $enc" $?
			fi
		done
		cmp -s "$tmp/$lang-$width-utf-8.txt" "$tmp/$lang-$width-gb18030.txt.u8"
		check "$lang-$width: GB18030 decodes to exactly the UTF-8 receipt" $?
	done
done

# ---------------------------------------------------------------- ESC/POS
for enc in gbk gb18030 utf-8; do
	receipt --lang zh --width 32 --encoding "$enc" --escpos >"$tmp/esc" 2>"$tmp/err"
	check "escpos $enc: exit 0" $?
	case $enc in
	utf-8) want=1b40 ;;
	*) want=1b401c26 ;;
	esac
	[ "$(head -c $((${#want} / 2)) "$tmp/esc" | hex)" = "$want" ]
	check "escpos $enc: starts with ESC @$([ "$want" != 1b40 ] && echo ' and FS &')" $?
	[ "$(tail -c 7 "$tmp/esc" | hex)" = 1b64031d564200 ]
	check "escpos $enc: ends with a feed and the partial cut GS V 66 0" $?
	tail -c +$((${#want} / 2 + 1)) "$tmp/esc" | head -c -7 >"$tmp/esc.body"
	cmp -s "$tmp/esc.body" "$tmp/zh-32-$enc.txt"
	check "escpos $enc: the receipt between" $?
done
grep -q -- "--encoding gb18030" "$tmp/err"
check "escpos utf-8: a hint to use a GB encoding" $?
receipt --lang en --width 32 --encoding gbk --escpos >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ]
check "escpos gbk: no hint" $?

# ---------------------------------------------------------------- -o FILE
mkdir "$tmp/o"
receipt --lang en -o "$tmp/o/r.txt" >"$tmp/stdout" 2>"$tmp/err"
check "-o: exit 0" $?
[ ! -s "$tmp/stdout" ] && cmp -s "$tmp/o/r.txt" "$tmp/en-32-utf-8.txt"
check "-o: the receipt in the file, nothing on stdout" $?
[ "$(stat -c %a "$tmp/o/r.txt")" = 600 ]
check "-o: mode 600" $?
receipt --lang zh -o "$tmp/o/r.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 4 ]
check "-o on an existing file: exit 4" $?
grep -q -- "--force" "$tmp/err" && cmp -s "$tmp/o/r.txt" "$tmp/en-32-utf-8.txt"
check "-o on an existing file: says --force, the file unchanged" $?
receipt --lang zh --output "$tmp/o/r.txt" --force --width 48 --encoding gbk >/dev/null 2>"$tmp/err"
check "--force: exit 0" $?
cmp -s "$tmp/o/r.txt" "$tmp/zh-48-gbk.txt"
check "--force: the file replaced" $?
[ "$(ls -A "$tmp/o")" = r.txt ]
check "-o: no temporary file left" $?
receipt -o "$tmp/missing/r.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && [ ! -e "$tmp/missing" ]
check "-o in a directory that does not exist: exit 4, nothing made" $?
receipt -o - --lang en >"$tmp/dash" 2>/dev/null && cmp -s "$tmp/dash" "$tmp/en-32-utf-8.txt"
check "-o -: standard output" $?
"$yibao" receipt --answers - --as-of 2025-06-01 --lang en <"$answers" >"$tmp/stdin" 2>/dev/null &&
	cmp -s "$tmp/stdin" "$tmp/en-32-utf-8.txt"
check "--answers -: standard input" $?

# ---------------------------------------------------------------- statuses
status() { # expected status, name, args...
	want=$1 name=$2
	shift 2
	"$yibao" "$@" >"$tmp/st.out" 2>"$tmp/st.err"
	rc=$?
	[ "$rc" -eq "$want" ] || echo "  yibao $*: exit $rc, want $want: $(head -c 200 "$tmp/st.err")"
	[ "$rc" -eq "$want" ]
	check "$name" $?
}
status 0 "--help" receipt --help
grep -q -- "--escpos" "$tmp/st.out"
check "--help lists --escpos" $?
status 2 "no --answers" receipt
status 2 "bad --width" receipt --answers "$answers" --width 40
grep -q '"40"' "$tmp/st.err" && grep -q "32, 42 or 48" "$tmp/st.err"
check "bad --width: says which widths" $?
status 2 "bad --width, not a number" receipt --answers "$answers" --width 32x
status 2 "bad --encoding" receipt --answers "$answers" --encoding latin1
status 2 "unknown option" receipt --answers "$answers" --frobnicate
status 2 "unexpected argument" receipt --answers "$answers" extra
status 2 "bad --as-of" receipt --answers "$answers" --as-of 2025-02-30
status 2 "unreadable answers" receipt --answers "$tmp/no-such.ini"
printf '[answers]\nwork_city = 310000\n' >"$tmp/bad.ini"
status 2 "incomplete answers" receipt --answers "$tmp/bad.ini" --lang en
grep -q "bad.ini" "$tmp/st.err"
check "incomplete answers: the file is named" $?
status 2 "bad --lang" --lang fr receipt --answers "$answers"
mkdir "$tmp/pd"
sed 's/rate: 10%/rate: 40%/' "$src/tests/data/policy/310000-shanghai.yaml" >"$tmp/pd/310000-shanghai.yaml"
status 3 "bad policy data" receipt --answers "$answers" --policy-dir "$tmp/pd"
status 0 "--lang before the subcommand" --lang zh receipt --answers "$answers" --as-of 2025-06-01
cmp -s "$tmp/st.out" "$tmp/zh-32-utf-8.txt"
check "--lang before the subcommand: the Chinese receipt" $?
LC_ALL=zh_CN.UTF-8 "$yibao" receipt --answers "$answers" --as-of 2025-06-01 >"$tmp/loc" 2>/dev/null
cmp -s "$tmp/loc" "$tmp/zh-32-utf-8.txt"
check "the locale chooses Chinese" $?
if [ -w /dev/full ]; then
	receipt >/dev/full 2>"$tmp/err"
	[ $? -eq 4 ]
	check "a full disk on stdout: exit 4" $?
fi

# ---------------------------------------------------------------- nothing else written
# The answers are personal: the -o target and its temporary file are the only files opened for
# writing, renamed, linked or removed.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	mkdir "$tmp/s"
	# LeakSanitizer cannot run under ptrace: off for this run of a sanitized build
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -o "$tmp/trace" -e trace=%file \
		"$yibao" receipt --answers "$answers" --as-of 2025-06-01 -o "$tmp/s/r.txt" >"$tmp/s.out" 2>&1
	check "under strace: exit 0" $?
	python3 - "$tmp/trace" "$tmp/s/r.txt" <<'PY'
import os, re, sys
trace, target = sys.argv[1], sys.argv[2]
d, base = os.path.split(target)
temp = re.compile(re.escape(d) + "/" + re.escape("." + base + ".") + "[A-Za-z0-9]{6}$")
writes = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND")
changing = {"creat", "rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat",
            "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir", "truncate", "chmod", "fchmodat",
            "mknod", "mknodat", "utimensat"}
bad, seen_target, seen_temp = 0, False, False
for line in open(trace):
    m = re.match(r"\s*\d+\s+(\w+)\((.*)", line)
    if not m:
        continue
    call, rest = m.groups()
    if "= -1" in rest:
        continue  # a failed call changes nothing
    paths = re.findall(r'"((?:[^"\\]|\\.)*)"', rest)
    if call in ("open", "openat", "openat2"):
        if not writes.search(rest):
            continue
    elif call not in changing:
        continue
    for p in paths:
        if p == target:
            seen_target = True
        elif temp.match(p):
            seen_temp = True
        else:
            print("  written outside the target: " + line.strip())
            bad = 1
if not (seen_target and seen_temp):
    print("  the target or its temporary file was not seen in the trace")
    bad = 1
sys.exit(bad)
PY
	check "under strace: only the target and its temporary file are written" $?
	[ "$(ls -A "$tmp/s")" = r.txt ] && [ ! -s "$tmp/s.out" ]
	check "under strace: the target alone, nothing on stdout" $?
else
	echo "SKIP: strace is not installed (or cannot trace here): the check that nothing else is written"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
