#!/bin/sh
# interview-dialog.sh -- the same questions as the yibao wizard, asked with dialog(1): the
# baseline for bench_wizard.py (bytes written to the terminal for a whole interview)
set -u
ask() { dialog --stdout "$@" || exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
ask --title yibao --menu "Choose your language" 10 50 2 1 中文 2 English >>"$out"
ask --title yibao --inputbox "In which city do you work? (name, pinyin, initials or code)" 8 70 >>"$out"
ask --title yibao --inputbox "Where is your hukou?" 8 70 >>"$out"
ask --title yibao --menu "Do you hold a residence permit in the city where you work?" 10 70 2 1 Yes 2 No >>"$out"
ask --title yibao --inputbox "When were you born? (YYYYMM)" 8 70 >>"$out"
ask --title yibao --menu "Are you a man or a woman?" 10 50 2 1 Male 2 Female >>"$out"
ask --title yibao --menu "What kind of work do you do?" 12 70 4 1 Flexible 2 Self-employed 3 Employed 4 "Not working" >>"$out"
ask --title yibao --inputbox "What is your monthly income, in yuan?" 8 70 >>"$out"
ask --title yibao --inputbox "How many years have you paid into the employee scheme?" 8 70 >>"$out"
ask --title yibao --menu "Which medical insurance do you have now?" 10 70 3 1 None 2 Employee 3 Resident >>"$out"
ask --title yibao --inputbox "For how many months have you been without medical insurance?" 8 70 >>"$out"
ask --title yibao --inputbox "How many more years do you expect to stay?" 8 70 >>"$out"
ask --title yibao --menu "Where do you expect to live after retirement?" 10 70 3 1 Work 2 Hukou 3 "Not sure" >>"$out"
exit 0
