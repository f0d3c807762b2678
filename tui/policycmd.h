/* policycmd.h -- `yibao policy check [DIR]` and `yibao policy show REGION [--as-of DATE] [--policy-dir DIR]` */
#ifndef YIBAO_POLICYCMD_H
#define YIBAO_POLICYCMD_H

/* argv[0] is "policy". Returns the exit status: 0, 2 (usage), 3 (bad policy data). */
int policycmd_main(int argc, char **argv);

#endif
