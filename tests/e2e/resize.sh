#!/bin/sh
# resize.sh -- below 80x24 a clear "please enlarge" screen; back to size, nothing lost
. "$(dirname "$0")/lib.sh"

start 80 24 en_US.UTF-8
wait_for "Choose your language"; text "2"
wait_for "In which city do you work"; text "shang"
wait_for "310000"
resize 60 20; wait_for "Please make the window larger"; check "60x20 asks for more room" $?
screen | grep -q "60 by 20"; check "the message gives the size" $?
resize 79 24; wait_for "now 79"; check "79 columns is too narrow" $?
resize 80 23; wait_for "now 80"; check "23 lines is too short" $?
resize 80 24; wait_for "In which city do you work"; check "80x24 shows the question again" $?
screen | grep -q "> shang"; check "typed text kept through the resizes" $?
resize 120 40; wait_for "In which city do you work"; check "120x40 reflows" $?
keys F2; resize 70 24; wait_for "请把窗口放大"; check "the enlarge screen in Chinese" $?
resize 80 24; wait_for "您在哪个城市工作"; check "back in Chinese" $?
finish
