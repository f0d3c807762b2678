#!/usr/bin/env python3
"""gbclient.py [-e ENCODING] [-l LOG] [--] COMMAND [ARGS...]

A GBK/GB18030 terminal client in front of a UTF-8 terminal, for over-ssh.sh when luit is missing
or broken: COMMAND (the ssh client) runs in a pseudo-terminal of its own; what it writes is taken
as ENCODING (default GB18030) and shown as UTF-8; what is typed (UTF-8) reaches it as ENCODING.
LOG, if given, receives COMMAND's output bytes exactly as they came (the bytes on the wire).
The window size follows the outer terminal. Exits with COMMAND's status.
"""
import codecs
import errno
import fcntl
import os
import pty
import select
import signal
import sys
import termios
import tty


def main(argv):
    enc, log = "GB18030", None
    while argv and argv[0].startswith("-"):
        a = argv.pop(0)
        if a == "--":
            break
        if a == "-e":
            enc = argv.pop(0)
        elif a == "-l":
            log = open(argv.pop(0), "wb")
        else:
            sys.exit("gbclient: unknown option " + a)
    if not argv:
        sys.exit(__doc__)

    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)

    def winsize(*_):
        try:
            ws = fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8)
            fcntl.ioctl(fd, termios.TIOCSWINSZ, ws)
        except OSError:
            pass

    saved = None
    if os.isatty(0):
        saved = termios.tcgetattr(0)
        tty.setraw(0)
        winsize()
        signal.signal(signal.SIGWINCH, winsize)

    out = codecs.getincrementaldecoder(enc)(errors="replace")    # child -> terminal
    keys = codecs.getincrementaldecoder("utf-8")(errors="replace")  # terminal -> child
    fds = [0, fd]
    try:
        while True:
            try:
                ready, _, _ = select.select(fds, [], [])
            except InterruptedError:
                continue
            if fd in ready:
                try:
                    data = os.read(fd, 4096)
                except OSError as e:
                    if e.errno != errno.EIO:
                        raise
                    data = b""
                if not data:
                    break
                if log:
                    log.write(data)
                    log.flush()
                os.write(1, out.decode(data).encode("utf-8"))
            if 0 in ready:
                data = os.read(0, 4096)
                if not data:
                    fds.remove(0)
                    continue
                os.write(fd, keys.decode(data).encode(enc, errors="replace"))
    finally:
        if saved is not None:
            termios.tcsetattr(0, termios.TCSADRAIN, saved)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N, as a shell says


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
