#!/bin/sh
# inject.sh -- escape sequences, controls and bidi overrides from data (policy files, answers,
# CSV headers, file names) through every path to the terminal: shown as placeholders, never acted on
. "$(dirname "$0")/lib.sh"

work=$(mktemp -d)
trap 'stop; rm -rf "$work"' EXIT
esc=$(printf '\033') bel=$(printf '\007')
# the payloads of the issue: OSC 0 (title), OSC 52 (clipboard), CSI 2J (clear), a bare ESC,
# BEL, BS, CR, U+009B, U+009D and U+202E
payload="${esc}]0;PWNED${bel}${esc}]52;c;cHduZWQ=${bel}${esc}[2J${esc}X$(printf '\010\015\302\233\302\235\342\200\256')"

# a policy directory whose Shanghai has the payload in both of its names (INI or YAML)
mkdir "$work/policy"
src=$(ls "$SRC"/core/policy/310000-* | head -1)
sed -e "s/^\(name_en *[=:] *\)\(.*\)\$/\1\2$payload/" -e "s/^\(name_zh *[=:] *\)\(.*\)\$/\1\2$payload/" \
	"$src" >"$work/policy/$(basename "$src")"
grep -q PWNED "$work/policy/$(basename "$src")"; check "the hostile policy file was made" $?
printf '[answers]\nwork_city = 310000\nhukou_city = 310000\nbirth = 1990-05\nsex = male\nwork = flexible\nmonthly_income = 6000\n' \
	>"$work/answers.ini"
printf '[answers]\nwork_city = 310000\nwork = flex%s\n' "$payload" >"$work/bad.ini"
printf 'id,wo%srk\n1,2\n' "$payload" >"$work/head.csv"
head -4 "$SRC/tests/data/batch/people.csv" >"$work/people.csv"

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	run_pane 100 400 "$loc" "$YIBAO policy check $work/policy"
	wait_for "command exited:"; check "policy check runs ($loc)" $?
	untouched; check "policy check: nothing acted on ($loc)" $?
	screen | grep -qF '^[]0;PWNED^G'; check "policy check shows the placeholders ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO advise --answers $work/answers.ini --policy-dir $work/policy"
	wait_for "command exited: 0"; check "advise runs ($loc)" $?
	untouched; check "advise text: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO advise --format json --answers $work/answers.ini --policy-dir $work/policy"
	wait_for "command exited: 0"; check "advise json runs ($loc)" $?
	untouched; check "advise json: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO advise --answers $work/bad.ini"
	wait_for "command exited: 2"; check "bad answers refused ($loc)" $?
	untouched; check "an answers error: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO advise --answers '$work/no${payload}such.ini'"
	wait_for "command exited: 2"; check "a missing file refused ($loc)" $?
	untouched; check "a file name in an error: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO batch <$work/head.csv"
	wait_for "command exited:"; check "batch runs ($loc)" $?
	untouched; check "batch stderr: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO batch --format jsonl --policy-dir $work/policy <$work/people.csv"
	wait_for "command exited:"; check "batch jsonl runs ($loc)" $?
	untouched; check "batch jsonl: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO receipt --answers $work/answers.ini --policy-dir $work/policy --output -"
	wait_for "command exited:"; check "receipt runs ($loc)" $?
	untouched; check "receipt: nothing acted on ($loc)" $?
done

# the wizard: the names in the city list, in both languages
for lang in en zh; do
	start 100 30 en_US.UTF-8 --policy-dir "$work/policy"
	T set-option -g set-clipboard on >/dev/null
	wait_for "Choose your language"
	if [ $lang = en ]; then text "2"; wait_for "In which city do you work"; text "shanghai"
	else text "1"; wait_for "您在哪个城市工作"; text "上海"; fi
	wait_for "PWNED"; check "the hostile city is listed ($lang)" $?
	screen | grep -qF '^[]0;PWNED'; check "its name shows placeholders ($lang)" $?
	title=$(T display-message -p -t t '#{pane_title}')
	case "$title" in *PWNED*) false ;; *) true ;; esac; check "the pane title is untouched ($lang)" $?
	[ -z "$(T list-buffers 2>/dev/null)" ]; check "the clipboard is untouched ($lang)" $?
	keys F10; text "1"
done
finish
