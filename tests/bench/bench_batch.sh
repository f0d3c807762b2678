#!/bin/sh
# bench_batch.sh -- rows per second of one `yibao batch` process on a generated million-row file, beside wc -l
# usage: bench_batch.sh YIBAO [ROWS]      targets: CSV at least 500,000 rows per second; JSON lines at
# least 100,000 rows per second and at most 3,000 bytes a row
set -eu
yibao=$1
rows=${2:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A spread of people like bench_core's: every city as work and hukou place, both sexes, all kinds
# of work and coverage, incomes and gaps, so that no branch of the decision is favoured.
awk -v n="$rows" 'BEGIN {
	split("110000 310000 330100 370200 420100 440100 440300 500000 510100", city, " ")
	split("flexible flexible flexible self_employed unemployed employed", work, " ")
	print "id,work_city,hukou_city,residence_permit,birth,sex,female_retire_age,work,monthly_income," \
	      "employee_years,employee_years_local,coverage,coverage_city,gap_months,stay_years,retire_city"
	for (i = 0; i < n; i++) {
		w = city[i % 9 + 1]; h = city[int(i / 9) % 9 + 1]
		permit = ""; if (w != h) permit = (i % 5) ? "yes" : "no"
		sex = "male"; fra = ""
		if (i % 2) { sex = "female"; fra = (i % 4 == 1) ? 50 : 55 }
		ey = i % 7; eyl = (ey > 2) ? 2 : 0
		cov = "none"; covc = ""
		if (i % 3 == 1) { cov = "employee"; covc = w }
		if (i % 3 == 2) { cov = "resident"; covc = h }
		stay = (i % 4) ? i % 11 : ""
		ret = ""; if (i % 3 == 1) ret = "work"; if (i % 3 == 2) ret = "hukou"
		printf "p%07d,%s,%s,%s,%d-%02d,%s,%s,%s,%d,%d.%d,%d,%s,%s,%d,%s,%s\n", i, w, h, permit,
		       1960 + i % 40, 1 + i % 12, sex, fra, work[i % 6 + 1], 1000 + (i * 737) % 30000,
		       ey, i % 10, eyl, cov, covc, (i * 5) % 70, stay, ret
	}
}' >"$tmp/people.csv"

now() { date +%s%N; }

# best of three, so that a busy moment of the machine does not count
best() { # input, command...
	in=$1
	shift
	b=""
	for _ in 1 2 3; do
		t0=$(now)
		if ! "$@" <"$in" >/dev/null 2>"$tmp/err"; then
			echo "bench_batch.sh: $* failed:" >&2
			cat "$tmp/err" >&2
			exit 1
		fi
		t1=$(now)
		t=$((t1 - t0))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}

line() { # label, rows, nanoseconds, note
	awk -v l="$1" -v n="$2" -v ns="$3" -v note="$4" \
		'BEGIN { printf "%-28s %9d rows in %6.2f s: %9.0f rows per second%s\n", l, n, ns / 1e9, n / (ns / 1e9), note }'
}

bytes=$(wc -c <"$tmp/people.csv")
t_csv=$(best "$tmp/people.csv" "$yibao" batch --as-of 2025-06-01)
summary=$(tail -n 1 "$tmp/err")
# JSON lines (yibao.advice/2-row, documents by id): a 200,000-row sample keeps the run short
head -n 200001 "$tmp/people.csv" >"$tmp/people-200k.csv"
t_jsonl=$(best "$tmp/people-200k.csv" "$yibao" batch --as-of 2025-06-01 --format jsonl)
"$yibao" batch --as-of 2025-06-01 --format jsonl <"$tmp/people-200k.csv" 2>/dev/null >"$tmp/out.jsonl"
row_bytes=$(LC_ALL=C awk '{ n = length($0) + 1; s += n; if (n > m) m = n } END { printf "mean %.0f, max %d bytes a row", s / NR, m }' "$tmp/out.jsonl")
jrows=$(wc -l <"$tmp/out.jsonl")
t_wc=$(best "$tmp/people.csv" wc -l)

echo "input: $rows rows, $bytes bytes ($summary)"
line "yibao batch (CSV)" "$rows" "$t_csv" " (target 500000, one process)"
line "yibao batch --format jsonl" "$jrows" "$t_jsonl" " (target 100000; $row_bytes, target 3000)"
line "wc -l on the same file" "$rows" "$t_wc" ""
