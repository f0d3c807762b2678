#!/bin/sh
# navigation.sh -- back to the first question and forward again; a language switch mid-way keeps
# every answer; help on several screens
. "$(dirname "$0")/lib.sh"

start 80 24 en_US.UTF-8
wait_for "Choose your language"; text "2"
wait_for "In which city do you work"; text "shanghai"; wait_for "310000"; keys Enter
wait_for "Where is your hukou"; text "chengdu"; wait_for "510100"; keys Enter
wait_for "residence permit"; text "1"
wait_for "When were you born"; text "1990-05"; keys Enter
wait_for "man or a woman"; text "2"
wait_for "50 or 55"; text "1"
wait_for "What kind of work"; text "1"
wait_for "monthly income"; text "6000"
# switch language in the middle: the same question, the typed digits kept
keys F2; wait_for "您每月收入多少元"; check "F2 switches to Chinese on the same question" $?
screen | grep -q "> 6000"; check "typed income kept across the switch" $?
text "*"; wait_for "What is your monthly income"; check "keypad * switches back" $?
# back to the first question, every answer kept
keys Escape; wait_for "What kind of work"; check "Esc goes back" $?
keys Left; wait_for "50 or 55"; check "Left goes back" $?
keys BSpace; wait_for "man or a woman"; check "Backspace on a choice goes back" $?
text "-"; wait_for "When were you born"; check "keypad - goes back" $?
screen | grep -q "> 1990-05"; check "birth kept" $?
keys Escape; wait_for "residence permit"
keys Escape; wait_for "Where is your hukou"
screen | grep -q "> chengdu"; check "hukou search kept" $?
keys Escape; wait_for "In which city do you work"
screen | grep -q "> shanghai"; check "work city search kept" $?
keys F2; wait_for "您在哪个城市工作"; check "switch on the first question" $?
# forward again with Enter alone: every answer is still there
keys Enter; wait_for "您的户籍在哪里"; check "forward keeps the work city" $?
keys Enter; wait_for "居住证吗"
keys Enter; wait_for "哪年哪月出生"
keys Enter; wait_for "您的性别"
keys Enter; wait_for "50岁还是55岁"; check "forward keeps sex = female" $?
keys Enter; wait_for "哪类工作"
keys Enter; wait_for "每月收入"
screen | grep -q "> 6000"; check "forward reaches the income, still typed" $?
# help on several screens
keys F1; wait_gone "您每月收入多少元"; screen | grep -q "月收入"; check "F1 opens the income help (zh)" $?
keys Escape; wait_for "您每月收入多少元"; check "help returns to the question" $?
keys F2; wait_for "What is your monthly income"; text "?"
wait_until 'screen | head -1 | grep -qi "income"'; check "? opens the income help (en)" $?
keys Escape; wait_for "What is your monthly income"
keys Escape; wait_for "What kind of work"; text "/"
wait_until 'screen | head -1 | grep -qi "work"' && ! screen | grep -q "What kind of work do you do"
check "keypad / opens the work help" $?
keys Tab; wait_for "Esc"; check "Tab moves to the next topic" $?
keys Escape; wait_for "What kind of work"; check "back from help" $?
# a bad number: a clear message, the typed text kept
text "1"; wait_for "monthly income"; keys BSpace BSpace BSpace BSpace
text "12a"; wait_for "Only digits"; check "a letter in a number gets a message" $?
screen | grep -q "> 12a"; check "what was typed is kept, the letter too" $?
keys Enter; wait_for "cannot be read"; check "and Enter refuses it (never 12)" $?
keys BSpace BSpace BSpace
text "99999999999"; keys Enter; wait_for "out of range"; check "too large a number gets a message" $?
finish
