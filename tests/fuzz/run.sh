#!/bin/sh
# run.sh -- run each libFuzzer target over a copy of its corpus for a bounded time; fail on any crash or report.
#   sh tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# BUILD_DIR holds the targets (tests/fuzz/build.sh BUILD_DIR). SECONDS 0 replays the committed
# corpus once (a regression run, no mutation). Work files, logs and any crashing input go to
# BUILD_DIR/fuzz-run/TARGET/. Prints one line per target and "N passed, N failed".
set -u

if [ $# -lt 2 ]; then
	echo "usage: sh tests/fuzz/run.sh BUILD_DIR SECONDS [policy|answers|csv|wizard...]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd) || exit 2
secs=$2
shift 2
case $secs in
'' | *[!0-9]*)
	echo "run.sh: SECONDS must be a whole number, not '$secs'" >&2
	exit 2
	;;
esac
[ $# -gt 0 ] || set -- policy answers csv wizard

# leaks are reported too; a UBSan report stops the run with its stack
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:abort_on_error=0:symbolize=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1"

# the value of "stat::NAME: value" in a log, or ?
final_stat() {
	v=$(sed -n "s/^stat::$1: *//p" "$2" | tail -n 1)
	echo "${v:-?}"
}

# files in a folder
count() {
	find "$1" -type f | wc -l
}

passed=0
failed=0
for t in "$@"; do
	exe=$build/fuzz_$t
	work=$build/fuzz-run/$t
	log=$work/log
	rm -rf "$work"
	mkdir -p "$work/corpus" "$work/crashes"
	if [ ! -x "$exe" ]; then
		echo "fuzz_$t: FAILED, $exe missing (run tests/fuzz/build.sh $build)"
		failed=$((failed + 1))
		continue
	fi
	# a copy: new inputs found stay out of the committed corpus
	cp "$here/corpus/$t"/* "$work/corpus/" 2>/dev/null
	seeds=$(count "$work/corpus")
	dict=""
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	if [ "$secs" -eq 0 ]; then
		budget="-runs=0"
	else
		budget="-max_total_time=$secs"
	fi
	# shellcheck disable=SC2086 # $dict is one word or none
	"$exe" $budget -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$work/crashes/" $dict "$work/corpus" >"$log" 2>&1
	rc=$?
	runs=$(final_stat number_of_executed_units "$log")
	speed=$(final_stat average_exec_per_sec "$log")
	new=$(final_stat new_units_added "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
	crashes=$(count "$work/crashes")
	# a report can come without a crash file (a leak at exit, a report in a helper)
	if [ $rc -ne 0 ] || [ "$crashes" -ne 0 ] ||
		grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|check failed:' "$log"; then
		echo "fuzz_$t: FAILED (status $rc), $runs runs, $speed execs/s; log $log"
		for f in "$work/crashes"/*; do
			[ -e "$f" ] && echo "  input: $f"
		done
		# the report and the frames of our code, not libFuzzer's or libc's
		grep -E 'ERROR:|runtime error:|check failed:|SUMMARY:|^ *#[0-9]+ ' "$log" |
			grep -vE 'fuzzer::|__sanitizer_print_stack|libc\.so|libc_start|abort\.c|raise\.c|pthread_kill|in _start' |
			head -n 16 | sed 's/^/  /'
		failed=$((failed + 1))
	else
		echo "fuzz_$t: ok, $runs runs, $new new units (corpus $seeds -> $(count "$work/corpus"), cov ${cov:-?}), $speed execs/s"
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
