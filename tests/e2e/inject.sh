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

# a policy directory whose Shanghai has the payload in a document's title, written with YAML's
# escapes (\e ESC, \a BEL, \b BS, \r CR, \x9b and \x9d the C1 controls, \u202E): the loader
# refuses it as file:line, so no front end ever shows it
mkdir "$work/policy"
cat >"$work/policy/310000-shanghai.yaml" <<'YAML'
region: 310000
documents:
  d:
    title: "上海\e]0;PWNED\a\e]52;c;cHduZWQ=\a\e[2J\eX\b\r\x9b\x9d\u202E"
sections:
  - {kind: access, from: 2019-01-01, checked: 2026-12-02, confidence: verified, sources: [d],
     values: {employee: open}}
YAML
python3 -c 'import sys; t = open(sys.argv[1]).read(); assert "PWNED" in t' "$work/policy/310000-shanghai.yaml"
check "the hostile policy file was made" $?
printf '[answers]\nwork_city = 310000\nhukou_city = 310000\nbirth = 1990-05\nsex = male\nwork = flexible\nmonthly_income = 6000\n' \
	>"$work/answers.ini"
printf '[answers]\nwork_city = 310000\nwork = flex%s\n' "$payload" >"$work/bad.ini"
printf 'id,wo%srk\n1,2\n' "$payload" >"$work/head.csv"
head -4 "$SRC/tests/data/batch/people.csv" >"$work/people.csv"

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	run_pane 100 400 "$loc" "$YIBAO policy check $work/policy"
	wait_for "command exited: 3"; check "policy check refuses the file ($loc)" $?
	untouched; check "policy check: nothing acted on ($loc)" $?
	screen | grep -qE '^310000-shanghai.yaml:4: '; check "policy check names the file and line ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO advise --answers $work/answers.ini --policy-dir $work/policy"
	wait_for "command exited: 3"; check "advise refuses the policy data ($loc)" $?
	untouched; check "advise text: nothing acted on ($loc)" $?

	run_pane 100 400 "$loc" "$YIBAO advise --format json --answers $work/answers.ini --policy-dir $work/policy"
	wait_for "command exited: 3"; check "advise json refuses the policy data ($loc)" $?
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

# the wizard with the hostile data: refused before any screen, nothing acted on
for loc in en_US.UTF-8 zh_CN.UTF-8; do
	run_pane 100 30 "$loc" "$YIBAO wizard --policy-dir $work/policy"
	wait_for "command exited: 3"; check "the wizard refuses the policy data ($loc)" $?
	untouched; check "the wizard: nothing acted on ($loc)" $?
done
finish
