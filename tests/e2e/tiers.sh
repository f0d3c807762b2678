#!/bin/sh
# tiers.sh -- the tier what-if, both languages: a hukou in 青岛, whose resident scheme has two adult
# tiers (482 and 415 yuan a year in 2026); the comparison says which tier is costed, F6 and the
# keypad's 6 move to the next one (the cost follows), the detail names the tier costed and all of
# them; going back to the answers and forward again starts from the default tier
. "$(dirname "$0")/lib.sh"
AS_OF=2026-12-02

for lang in zh en; do
	questions $lang
	if [ $lang = zh ]; then
		loc=zh_CN.UTF-8 k=1 tier="F6 档次" costed="按此档计算：成年居民" t1="成年居民一档" t2="成年居民二档"
		costs="成年居民一档每年¥482.00、成年居民二档每年¥415.00"
	else
		loc=en_US.UTF-8 k=2 tier="F6 tier" costed="Tier costed: Adults" t1="Adults, tier 1" t2="Adults, tier 2"
		costs="Adults,tier1¥482.00ayear;Adults,tier2¥415.00ayear"
	fi
	start 80 24 $loc
	wait_for "1  "; text $k
	wait_for "$q1"; text "shanghai"; wait_for "310000"; keys Enter
	wait_for "$q2"; text "qingdao"; wait_for "370200"; keys Enter
	wait_for "$q3"; text "1"
	wait_for "$q4"; text "199005"; keys Enter
	wait_for "$q5"; text "1"
	wait_for "$q7"; text "1"
	wait_for "$q8"; text "6000"; keys Enter
	wait_for "$q9"; text "0"; keys Enter
	wait_for "$q11"; text "1"
	wait_for "$q13"; text "0"; keys Enter
	wait_for "$q14"; text "5"; keys Enter
	wait_for "$q15"; text "2"
	wait_for "$done_text"
	wait_for "$tier 1/2" && screen | grep -q "482"; check "$lang: the comparison says tier 1 of 2 is costed (482)" $?
	keys F6; wait_for "$tier 2/2" && wait_for "415" && ! screen | grep -q "482\.00"
	check "$lang: F6 costs the next tier (415)" $?
	text "6"; wait_for "$tier 1/2" && wait_for "482"; check "$lang: the keypad's 6 does too, after the last the first" $?
	keys F6; wait_for "$tier 2/2"
	text "3"; wait_for "$costed"; screen | grep -qF "$t1" && screen | grep -qF "$t2"
	check "$lang: the detail names the tier costed and every tier" $?
	screen | tr -d '\n ' | grep -qF "$costs"; check "$lang: ... each with what it costs a year" $?
	screen | grep -q "${costed}二档\|${costed}, tier 2"; check "$lang: the detail's tier is the one chosen" $?
	keys Escape; wait_for "$done_text"; keys Escape; wait_for "$q15"; text "2"; wait_for "$done_text"
	wait_for "$tier 1/2"; check "$lang: back to the answers and forward: the default tier again" $?
done
finish
