#!/bin/sh
# helpsteps.sh -- the help screen reaches every next step's topic (step-apply ... step-remote-care)
# with Tab from the comparison's help, and shows its title, in both languages
. "$(dirname "$0")/lib.sh"

# top: the help screen's first line (its title bar)
top() { screen | head -1; }

# tab_to TITLE: Tab through the topics, one at a time (each press waits for the title to change),
# until TITLE is the top line; at most as many presses as there are topics
tab_to() {
	n=0
	while [ $n -lt 60 ]; do
		top | grep -qF -- "$1" && return 0
		before=$(top)
		keys Tab
		wait_until '[ "$(top)" != "$before" ]' || { echo "  Tab did not change the topic: $before"; return 1; }
		n=$((n + 1))
	done
	echo "  no topic titled: $1"
	return 1
}

for lang in en zh; do
	if [ "$lang" = zh ]; then
		loc=zh_CN.UTF-8 pick=1 done_text="各方案对比" help_text="如何看方案比较"
		titles='下一步：在哪里办理参保
下一步：要带什么材料
下一步：什么时候办
下一步：怎样缴费
下一步：打电话咨询
下一步：办理转移接续
下一步：办理异地就医备案'
	else
		loc=en_US.UTF-8 pick=2 done_text="side by side" help_text="Reading the comparison"
		titles='Next step: where to apply
Next step: what to bring
Next step: by when
Next step: how to pay
Next step: whom to call
Next step: transferring your insurance
Next step: filing for treatment elsewhere'
	fi
	start 80 24 $loc
	wait_for "Choose your language"; text "$pick"
	interview $lang; check "the interview reaches the comparison ($lang)" $?
	keys F1; wait_until 'top | grep -qF "$help_text"'; check "F1 on the comparison opens its help ($lang)" $?
	first=$(printf '%s\n' "$titles" | head -1)
	tab_to "$first"; check "Tab reaches the first step topic ($lang)" $?
	screen | grep -qF "国家医保服务平台"; check "its text is shown under the title ($lang)" $?
	# the seven step topics follow one another, in the order of the steps
	printf '%s\n' "$titles" | sed 1d >"${TMPDIR:-/tmp}/helpsteps.$$"
	while IFS= read -r t; do
		keys Tab
		wait_until 'top | grep -qF "$t"'; check "the next Tab shows \"$t\" ($lang)" $?
	done <"${TMPDIR:-/tmp}/helpsteps.$$"
	rm -f "${TMPDIR:-/tmp}/helpsteps.$$"
	keys Escape; wait_for "$done_text"; check "Esc goes back to the comparison ($lang)" $?
done
finish
