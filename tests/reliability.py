#!/usr/bin/env python3
"""reliability.py -- the reliability report: how the wizard ends when its terminal goes away.

usage: reliability.py YIBAO [TRIALS]

For each case it starts the real wizard on a pseudo-terminal, waits for its first screen, samples
its CPU while it waits for a key, then takes the terminal away and measures how long the process
takes to be gone and how much CPU it burns meanwhile. A trial passes when the process is gone
within one second and used at most 2% of a core after the loss. Prints a table; exit status 1
when any trial failed. The figure the README quotes.
"""
import os
import pty
import signal
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "TERM": "xterm-256color",
       "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}


def ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        if fields[0] == "Z":
            return None
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None


def wait_screen(fd, marker, limit=10.0):
    seen = b""
    end = time.monotonic() + limit
    while marker not in seen and time.monotonic() < end:
        try:
            import select
            r, _, _ = select.select([fd], [], [], 0.2)
            if r:
                seen += os.read(fd, 65536)
        except OSError:
            break
    return marker in seen


def start(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, ENV)
    return pid, fd


def find_child(pid, name):
    """The process named name at or under pid (setsid puts it one level down)."""
    for _ in range(100):
        try:
            with open("/proc/%d/comm" % pid) as f:
                if f.read().strip() == name:
                    return pid
        except OSError:
            pass
        out = subprocess.run(["pgrep", "-P", str(pid), "-x", name], capture_output=True, text=True).stdout.split()
        if out:
            return int(out[0])
        time.sleep(0.02)
    return None


def gone_after(pid, since):
    """Seconds until pid is gone (or a zombie), and CPU ticks it used meanwhile."""
    last = ticks(pid)
    first = last
    while time.monotonic() - since < 5:
        t = ticks(pid)
        if t is None:
            return time.monotonic() - since, (last or 0) - (first or 0)
        last = t
        time.sleep(0.005)
    return float("inf"), (last or 0) - (first or 0)


def trial(yibao, how):
    argv = [yibao, "wizard", "--as-of", "2025-06-01"]
    if how == "eio":
        argv = ["/usr/bin/setsid", "-w"] + argv
    parent, fd = start(argv)
    if not wait_screen(fd, b"Choose your language"):
        os.kill(parent, signal.SIGKILL)
        os.waitpid(parent, 0)
        return None
    pid = find_child(parent, "yibao")
    t0 = ticks(pid)
    time.sleep(0.5)
    t1 = ticks(pid)
    idle = (t1 - t0) / TICK / 0.5 * 100 if t0 is not None and t1 is not None else float("nan")
    loss = time.monotonic()
    if how == "hup":
        os.kill(pid, signal.SIGHUP)
    elif how == "term":
        os.kill(pid, signal.SIGTERM)
    else:
        os.close(fd)  # the terminal goes away: SIGHUP, or for "eio" only read errors
        fd = None
    dt, used = gone_after(pid, loss)
    cpu = used / TICK / dt * 100 if dt not in (0, float("inf")) else (100.0 if used else 0.0)
    for p in (pid, parent):
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass
    try:
        os.waitpid(parent, 0)
    except ChildProcessError:
        pass
    if fd is not None:
        os.close(fd)
    return dt, cpu, idle


def main():
    yibao = os.path.abspath(sys.argv[1])
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    cases = [
        ("terminal closed (hangup)", "close"),
        ("terminal closed, no SIGHUP (setsid: EIO only)", "eio"),
        ("SIGHUP", "hup"),
        ("SIGTERM", "term"),
    ]
    print("%-46s %6s %6s %16s %20s %16s" % ("case", "trials", "passed", "worst exit (ms)",
                                             "peak CPU after loss", "CPU while waiting"))
    failed = 0
    for name, how in cases:
        passed, worst, peak, idle_peak = 0, 0.0, 0.0, 0.0
        for _ in range(trials):
            r = trial(yibao, how)
            if r is None:
                worst = float("inf")
                continue
            dt, cpu, idle = r
            worst, peak = max(worst, dt), max(peak, cpu)
            idle_peak = max(idle_peak, idle)
            passed += dt <= 1.0 and cpu <= 2.0
        failed += trials - passed
        print("%-46s %6d %6d %16.1f %19.1f%% %15.1f%%" % (name, trials, passed, worst * 1000, peak, idle_peak))
    print("%d passed, %d failed" % (trials * len(cases) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
