#!/bin/sh
# interview.sh -- the whole interview to the comparison, in Chinese and in English
. "$(dirname "$0")/lib.sh"

start 80 24 zh_CN.UTF-8
wait_for "请选择语言"; check "language screen first" $?
screen | grep -q "1  中文" && screen | grep -q "2  English"
check "both languages offered" $?
keys Enter # 中文 is highlighted in a zh locale
interview zh; check "Chinese interview reaches the comparison" $?
screen | grep -q "职工医保"; check "comparison names the employee scheme (zh)" $?
screen | grep -q "居民医保"; check "comparison names the resident scheme (zh)" $?
text "1"; wait_for "方案1：全部详情和依据"; check "detail of option 1 (zh)" $?
wait_for "依据"; check "detail shows sources (zh)" $?
keys Escape; wait_for "各方案对比"; check "back to the comparison (zh)" $?
keys F10; wait_for "现在退出吗"; check "quit asks first (zh)" $?
text "2"; wait_for "各方案对比"; check "quit can be refused (zh)" $?
keys F10; wait_for "现在退出吗"; text "1"
wait_for "yibao exited: 0"; check "quit ends with status 0" $?

start 80 24 en_US.UTF-8
wait_for "Choose your language"; keys Enter # English is highlighted in an en locale
interview en; check "English interview reaches the comparison" $?
screen | grep -q "Employee"; check "comparison names the employee scheme (en)" $?
text "3"; wait_for "Option 3: all details and sources"; check "detail of option 3 (en)" $?
screen | grep -q "Chengdu"; check "option 3 is the hukou city (en)" $?
finish
