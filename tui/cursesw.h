/* cursesw.h -- the one place that includes curses (wide-character ncurses) */
#ifndef YIBAO_CURSES_H
#define YIBAO_CURSES_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

#endif
