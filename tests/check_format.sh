#!/bin/sh
# check_format.sh -- every C file of the tree follows .clang-format (generated files aside)
# usage: check_format.sh SOURCE_DIR
set -u
src=$1
command -v clang-format >/dev/null 2>&1 || { echo "clang-format missing"; exit 77; }
cd "$src" || exit 1
# the tracked files when this is a git checkout, else every C file; the region table is generated
if git rev-parse --git-dir >/dev/null 2>&1; then
	files=$(git ls-files '*.c' '*.h')
else
	files=$(find core tui tests -name '*.c' -o -name '*.h')
fi
files=$(printf '%s\n' $files | grep -v '^core/region_table.c$')
# shellcheck disable=SC2086 # a list of file names
if ! clang-format --dry-run --Werror $files 2>"${TMPDIR:-/tmp}/format.$$"; then
	head -40 "${TMPDIR:-/tmp}/format.$$"
	echo "not formatted: run clang-format -i on the files above"
	rm -f "${TMPDIR:-/tmp}/format.$$"
	exit 1
fi
rm -f "${TMPDIR:-/tmp}/format.$$"
echo "$(printf '%s\n' $files | wc -l) files formatted"
