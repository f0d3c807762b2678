#!/bin/sh
# pad.sh -- at a keypad counter (a kiosk, or a terminal without F-keys), both languages: the
# welcome screen says what this is, how long and what to bring; the counter is 第N题 / Question N;
# the footers name the keypad's keys; the comparison and detail scroll with 5 and 8 (application
# and numeric mode)
. "$(dirname "$0")/lib.sh"

kp() { # MODE KEY: a keypad digit as the keypad sends it
	if [ "$1" = app ]; then text "$(printf "\\033O\\$(printf '%03o' $((112 + $2)))")"; else text "$2"; fi
}

for lang in zh en; do
	questions $lang
	if [ $lang = zh ]; then
		loc=zh_CN.UTF-8 k=1 welcome="约需三分钟" step1="第1题" total="共"
		qpad="- 返回  . 删除  / 帮助  * English" cpad="8/5 翻页  + 基数  . 收入  - 返回  / 帮助"
		more="下面还有内容：按5或PgDn" done_text="各方案对比" detail="方案2：全部详情" dpad="1-3 方案  8/5 翻页"
	else
		loc=en_US.UTF-8 k=2 welcome="about three minutes" step1="Question 1"
		total=" of 1" qpad="- back  . erase  / help  * 中文" cpad="8/5 scroll  + base  . income  - back  / help"
		more="(more below: 5 or PgDn)" done_text="side by side" detail="Option 2: all details"
		dpad="1-3 options  8/5 scroll"
	fi
	start 80 24 $loc
	wait_for "$welcome"; check "$lang: the welcome says how long it takes" $?
	wait_until 'screen | tr -d "\n " | grep -q "户口簿" && screen | tr -d "\n " | grep -q "居住证" &&
		screen | tr -d "\n " | grep -q "国家医保服务平台"'
	check "$lang: ... and what to have ready" $?
	text $k; wait_for "$q1"
	wait_until 'screen | head -1 | grep -q "$step1"' && ! screen | head -1 | grep -q -- "$total"
	check "$lang: the counter names the step, no total that grows" $?
	! screen | grep -qF -- "$qpad"; check "$lang: with F-keys the footer names them" $?

	for how in kiosk ansi; do
		for mode in app num; do
			if [ $how = kiosk ]; then
				start 80 24 $loc --kiosk --staff-key 4321
			else
				TERM_E2E=ansi start 80 24 $loc
			fi
			wait_for "$welcome"; text $k; wait_for "$q1"
			wait_for "$qpad"; check "$how $mode $lang: the question's footer names the keypad's keys" $?
			text "9"; sleep 1; text "510100"; keys KPEnter
			for a in 1 199005 1 1 6000 0 1 0 5 2; do
				text "$a"
				case $a in 1 | 2) ;; *) keys KPEnter ;; esac
				sleep 0.1
			done
			wait_for "$done_text"; check "$how $mode $lang: the comparison" $?
			wait_for "$cpad"; check "$how $mode $lang: the comparison's footer names the keypad's keys" $?
			wait_for "$more"; check "$how $mode $lang: more below, and how to see it" $?
			for i in 1 2 3 4 5 6 7 8; do kp $mode 5; done
			wait_gone "$more"; check "$how $mode $lang: 5 scrolls down, to the end" $?
			kp $mode 8; wait_for "$more"; check "$how $mode $lang: 8 scrolls up" $?
			kp $mode 2; wait_for "$detail"; check "$how $mode $lang: 2 opens option 2" $?
			wait_for "$dpad"; check "$how $mode $lang: the detail's footer" $?
			top=$(screen | sed -n 2p)
			kp $mode 5; wait_until '[ "$(screen | sed -n 2p)" != "$top" ]'; check "$how $mode $lang: 5 scrolls the detail" $?
			kp $mode 8; wait_until '[ "$(screen | sed -n 2p)" = "$top" ]'; check "$how $mode $lang: 8 scrolls it back" $?
		done
	done
	TERM_E2E=tmux-256color
done
finish
