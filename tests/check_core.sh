#!/bin/sh
# check_core.sh -- the core stays pure: no terminal, ICU, iconv, stdio, locale or clock, and
# the evaluation allocates nothing (only the policy loader may).
# usage: check_core.sh SOURCE_DIR LIBCORE_A
set -u
src=$1
lib=$2
fail=0

bad=$(grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|unicode/|iconv|locale\.h|stdio\.h|term\.h|time\.h|unistd\.h)' \
	"$src"/core/*.c "$src"/core/*.h)
if [ -n "$bad" ]; then
	echo "core includes a forbidden header:"
	echo "$bad"
	fail=1
fi

command -v nm >/dev/null 2>&1 || { echo "nm missing"; exit 77; }
# nm -A prints "archive:member: U symbol" for every undefined symbol
undef=$(nm -A -u "$lib" 2>/dev/null)
[ -n "$undef" ] || { echo "no symbols read from $lib"; exit 1; }

forbidden='printf|fprintf|vfprintf|puts|fputs|fopen|fwrite|fread|fclose|__printf_chk|__fprintf_chk|time|clock_gettime|gettimeofday|localtime|localtime_r|getenv|secure_getenv|setlocale|exit|abort'
hits=$(echo "$undef" | grep -E "[[:space:]]U[[:space:]]+($forbidden)\$")
if [ -n "$hits" ]; then
	echo "core calls I/O, clock, environment or exit:"
	echo "$hits"
	fail=1
fi

alloc=$(echo "$undef" | grep -E '(advice|answers|date|retire|text)\.c\.o:' | grep -E "[[:space:]]U[[:space:]]+(malloc|calloc|realloc|free|strdup)\$")
if [ -n "$alloc" ]; then
	echo "the evaluation path allocates:"
	echo "$alloc"
	fail=1
fi

members=$(echo "$undef" | cut -d: -f2 | sort -u | tr '\n' ' ')
echo "checked: $members"
[ $fail -eq 0 ] && echo "core is pure"
exit $fail
