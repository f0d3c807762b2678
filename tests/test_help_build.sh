#!/bin/sh
# test_help_build.sh -- help topics (and policy files) are found by the build without a list: in a
# copy of the source tree, built once, a topic file added to help/en and help/zh is in the program
# after the next ninja, with no reconfigure; one removed is gone; a build with nothing changed does
# nothing; a policy file added to core/policy is taken the same way
# usage: test_help_build.sh SOURCE_DIR
set -u
src=$1
for tool in meson ninja; do
	command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }

# the sources only: no build folder, no git data
mkdir "$tmp/src"
(cd "$src" && tar cf - --exclude='./build*' --exclude=./.git --exclude='./subprojects/packagecache' .) |
	(cd "$tmp/src" && tar xf -)
meson setup "$tmp/build" "$tmp/src" -Dtests=disabled >"$tmp/log" 2>&1 && ninja -C "$tmp/build" tui/yibao >>"$tmp/log" 2>&1
check "the copy builds" $?
bin=$tmp/build/tui/yibao
marker=zz-topic-added-after-configure
! grep -aq "$marker" "$bin"
check "the marker is not in the first build" $?

for lang in en zh; do
	printf 'A topic added after configuring\n\n%s: text of a new topic (%s)\n' "$marker" $lang >"$tmp/src/help/$lang/$marker.txt"
done
ninja -C "$tmp/build" tui/yibao >"$tmp/log2" 2>&1
check "ninja after adding a topic" $?
! grep -q "Regenerating build files" "$tmp/log2"
check "no reconfigure was needed" $?
grep -q "help_files" "$tmp/log2"
check "the help topics were embedded again" $?
grep -aq "$marker: text of a new topic (en)" "$bin" && grep -aq "$marker: text of a new topic (zh)" "$bin"
check "the new topic is in the program, in both languages" $?
grep -aq "$lang/$marker.txt" "$bin"
check "under its name (zh/$marker.txt)" $?

ninja -C "$tmp/build" tui/yibao >"$tmp/log3" 2>&1
grep -q "no work to do" "$tmp/log3"
check "nothing changed: nothing rebuilt" $?

rm "$tmp/src/help/en/$marker.txt" "$tmp/src/help/zh/$marker.txt"
ninja -C "$tmp/build" tui/yibao >"$tmp/log4" 2>&1 && ! grep -aq "$marker" "$bin"
check "a topic removed is gone after the next ninja" $?

# the policy files, by core/meson.build's depfile: the same for a new *.yaml
printf '# %s-policy\n' "$marker" >"$tmp/src/core/policy/999999-zz-test.yaml"
ninja -C "$tmp/build" tui/yibao >"$tmp/log5" 2>&1 && ! grep -q "Regenerating build files" "$tmp/log5" &&
	grep -aq "$marker-policy" "$bin"
check "a policy file added is in the program after the next ninja" $?

[ "$fail" -eq 0 ] || { echo "--- build log"; tail -20 "$tmp/log"; tail -20 "$tmp/log2"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
