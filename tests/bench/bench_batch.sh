#!/bin/sh
# bench_batch.sh -- rows per second of one `yibao batch` process on a generated million-row file, beside wc -l
# usage: bench_batch.sh YIBAO [ROWS]      target: at least 500,000 rows per second
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
best() { # command...
	b=""
	for k in 1 2 3; do
		t0=$(now)
		"$@" <"$tmp/people.csv" >/dev/null 2>"$tmp/err"
		t1=$(now)
		t=$((t1 - t0))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}

rate() { # nanoseconds -> rows per second
	awk -v n="$rows" -v ns="$1" 'BEGIN { printf "%.0f", n / (ns / 1e9) }'
}

bytes=$(wc -c <"$tmp/people.csv")
t_yibao=$(best "$yibao" batch --as-of 2025-06-01)
summary=$(tail -n 1 "$tmp/err")
t_jsonl=$(best "$yibao" batch --as-of 2025-06-01 --format jsonl)
t_wc=$(best wc -l)

printf 'rows:                       %d (%d bytes, %s)\n' "$rows" "$bytes" "$summary"
printf 'yibao batch (csv):          %.2f s, %s rows per second (target 500000, one process)\n' \
	"$(awk -v ns="$t_yibao" 'BEGIN { print ns / 1e9 }')" "$(rate "$t_yibao")"
printf 'yibao batch --format jsonl: %.2f s, %s rows per second\n' \
	"$(awk -v ns="$t_jsonl" 'BEGIN { print ns / 1e9 }')" "$(rate "$t_jsonl")"
printf 'wc -l on the same file:     %.2f s, %s rows per second\n' \
	"$(awk -v ns="$t_wc" 'BEGIN { print ns / 1e9 }')" "$(rate "$t_wc")"
