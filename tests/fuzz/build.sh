#!/bin/sh
# build.sh -- build the libFuzzer targets with clang, AddressSanitizer and UBSan, straight from the sources.
#   sh tests/fuzz/build.sh BUILD_DIR
# Makes BUILD_DIR/fuzz_policy, fuzz_answers, fuzz_csv and fuzz_wizard. Needs clang with
# libFuzzer (Debian 12: clang libclang-rt-14-dev), python3, pkg-config, libinih-dev, libyaml-dev and
# libncurses-dev (for the KEY_* codes keys.c maps; nothing of curses is linked).
# shellcheck disable=SC2086,SC2046 # the flag and source lists are split into words on purpose
set -eu

if [ $# -ne 1 ]; then
	echo "usage: sh tests/fuzz/build.sh BUILD_DIR" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)

CC=${CC:-clang}
if ! command -v "$CC" >/dev/null 2>&1; then
	echo "build.sh: $CC not found (Debian 12: apt-get install clang libclang-rt-14-dev)" >&2
	exit 1
fi
probe=$out/probe.c
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n ? 0 : 0; }\n' >"$probe"
if ! $CC -fsanitize=fuzzer -o "$out/probe" "$probe" 2>/dev/null; then
	echo "build.sh: $CC cannot link -fsanitize=fuzzer: libFuzzer missing (Debian 12: libclang-rt-14-dev)" >&2
	exit 1
fi
rm -f "$probe" "$out/probe"

# -fno-sanitize-recover: a UBSan report aborts, so libFuzzer keeps the input
cflags="-std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-fno-omit-frame-pointer -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
	-I$top/core -I$top/tui -I$here $(pkg-config --cflags inih yaml-0.1)"
libs=$(pkg-config --libs inih yaml-0.1)

# the policy files, compiled in as the program has them
python3 "$top/core/embed.py" --name policy_builtin --output "$out/policy_builtin.c" --dir "$top/core/policy" \
	--suffix .yaml

core="$top/core/advice.c $top/core/answers.c $top/core/date.c $top/core/policy.c $top/core/retire.c
	$top/core/text.c $top/core/region_table.c $top/core/region_table_find.c $out/policy_builtin.c"

build() { # target, sources...
	t=$1
	shift
	echo "build.sh: $t"
	$CC $cflags -o "$out/$t" "$here/$t.c" "$@" $libs
}

build fuzz_policy $core
build fuzz_answers $core
build fuzz_csv "$top/tui/csv.c"
# wizard.c, citysearch.c and keys.c need neither ICU nor curses at link time. Every typed
# character runs a city search, which took most of the time with its comparisons traced
# (about 500 execs/s): it keeps its coverage counters but not the comparison hooks (~3x).
$CC $cflags -fno-sanitize-coverage=trace-cmp -c -o "$out/citysearch.o" "$top/tui/citysearch.c"
build fuzz_wizard $core "$top/tui/wizard.c" "$out/citysearch.o" "$top/tui/keys.c" \
	$(pkg-config --cflags ncursesw)
echo "build.sh: 4 targets in $out"
