#!/usr/bin/env python3
"""bench_wizard.py -- time to the first screen, and bytes written to the terminal for a whole
interview, for the yibao wizard and for a dialog(1) script asking the same questions.

usage: bench_wizard.py YIBAO [RUNS]
Targets: first screen in under 50 ms; fewer bytes than the dialog script.
"""
import os
import pty
import select
import struct
import sys
import fcntl
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "TERM": "xterm-256color",
       "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}


def spawn(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, ENV)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until_idle(fd, idle=0.15, limit=5.0):
    """Read until the program has been quiet for idle seconds; return the bytes."""
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], idle)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def first_screen(argv, marker):
    """Seconds from start until marker has been written."""
    t0 = time.monotonic()
    pid, fd = spawn(argv)
    seen = b""
    while marker not in seen and time.monotonic() - t0 < 5:
        r, _, _ = select.select([fd], [], [], 1)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    dt = time.monotonic() - t0
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return dt if marker in seen else float("nan")


def interview(argv, steps, per_step=None):
    """Feed the keystrokes of a whole interview; count every byte the program writes (and, into
    per_step if given, the bytes of the first screen and of each step's answer)."""
    pid, fd = spawn(argv)
    first = len(read_until_idle(fd))
    total = first
    if per_step is not None:
        per_step.append(first)
    for keys in steps:
        os.write(fd, keys)
        n = len(read_until_idle(fd))
        total += n
        if per_step is not None:
            per_step.append(n)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return total


def main():
    yibao = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    wizard = [yibao, "wizard", "--as-of", "2025-06-01"]
    dialog = ["/bin/sh", os.path.join(HERE, "interview-dialog.sh")]
    # the same answers: English, Shanghai, Chengdu, permit, 1990-05, man, flexible, 6000,
    # 0 years, no coverage, 0 months, 5 years, hukou
    ans_w = [b"2", b"310000\r", b"510100\r", b"1", b"199005\r", b"1", b"1", b"6000\r", b"0\r", b"1",
             b"0\r", b"5\r", b"2"]
    ans_d = [b"2\r", b"310000\r", b"510100\r", b"1\r", b"199005\r", b"1\r", b"1\r", b"6000\r", b"0\r",
             b"1\r", b"0\r", b"5\r", b"2\r"]
    times = sorted(first_screen(wizard, b"Choose your language") for _ in range(runs))
    print("yibao: time to first screen, median of %d: %.1f ms (best %.1f, worst %.1f; target < 50)"
          % (runs, times[len(times) // 2] * 1000, times[0] * 1000, times[-1] * 1000))
    steps = []
    bw = interview(wizard, ans_w, steps)
    print("yibao: bytes written for a whole interview: %d" % bw)
    # the last answer brings the comparison; at 9600 baud (960 bytes/s) the slowest step
    # is what a person waits for
    print("yibao: bytes for the comparison: %d; largest step: %d bytes, %.2f s at 9600 baud"
          % (steps[-1], max(steps), max(steps) / 960.0))
    print("yibao: bytes per step: %s" % " ".join(str(n) for n in steps))
    if os.path.exists("/usr/bin/dialog"):
        dt = sorted(first_screen(dialog, b"Choose your language") for _ in range(min(runs, 5)))
        print("dialog script: time to first screen, median: %.1f ms" % (dt[len(dt) // 2] * 1000))
        bd = interview(dialog, ans_d)
        print("dialog script: bytes written for the same interview: %d" % bd)
        print("yibao / dialog bytes: %.2f (target < 1)" % (bw / bd if bd else float("nan")))
    else:
        print("dialog(1) is not installed: no baseline")


if __name__ == "__main__":
    main()
