#!/bin/sh
# test_install.sh -- meson install puts the program and the man page in place, and the installed
# program runs from any directory with nothing else installed
# usage: test_install.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }

meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >"$tmp/log" 2>&1
check "meson install" $?
bin=$(find "$tmp/root" -type f -name yibao -perm -u+x | head -1)
man=$(find "$tmp/root" -type f -name yibao.1 | head -1)
[ -n "$bin" ]; check "the program is installed" $?
[ -n "$man" ] && grep -q '^\.TH YIBAO 1' "$man"; check "the man page is installed" $?
cp "$src/help/example-answers.ini" "$tmp/a.ini"
cd /
"$bin" --version | grep -q '^yibao '; check "--version from /" $?
"$bin" policy check >/dev/null; check "policy check from / (built-in data)" $?
"$bin" advise --answers "$tmp/a.ini" --lang zh --as-of 2025-06-01 | grep -q "建议"; check "advise from /" $?
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$man" 2>/dev/null | grep -q "EXIT STATUS"; check "the man page renders" $?
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
