/* main.c -- yibao: the program's entry; the command line is tui/cmd.c's table */
#include "cmd.h"

int
main(int argc, char **argv)
{
	return cmd_main(argc, argv);
}
