#!/usr/bin/env python3
"""reliability.py -- the reliability report: how the wizard ends when its terminal goes away or it is killed.

usage: reliability.py YIBAO [TRIALS]

For each case it starts the real wizard on a pseudo-terminal, waits for its first screen, samples
its CPU while it waits for a key, then takes the terminal away and measures how long the process
takes to be gone and how much CPU it burns meanwhile. A trial passes when the process is gone
within one second and used at most 2% of a core after the loss.

Then the hardening cases, each run as many times, on a terminal the report keeps open so that it
can read the modes the program left: a fatal signal (QUIT, SEGV, ABRT, BUS, FPE) leaves the
terminal's modes as they were (icanon, echo, isig, icrnl, opost), the normal screen, mouse
reporting and bracketed paste off, and ends the program as the signal would, without a core
file; core dumps off even with `ulimit -c unlimited` (and not dumpable, when run as root: the
wizard then runs as nobody and its /proc files belong to root); a paste, bracketed or not, is
text in the field, never keys; with TERM=linux and vt100 (no alternate screen) the screen and
the scrollback are cleared on the way out and nothing typed is drawn after that. Prints a
table; exit status 1 when any trial failed. The figure the README quotes.
"""
import fcntl
import os
import pty
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
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


# ---------------------------------------------------------------- hardening cases

NOBODY = 65534
HOSTILE = "sh?*/12上海-+.".encode()
FATAL = [("SIGQUIT", signal.SIGQUIT), ("SIGSEGV", signal.SIGSEGV), ("SIGABRT", signal.SIGABRT),
         ("SIGBUS", signal.SIGBUS), ("SIGFPE", signal.SIGFPE)]
# the modes raw mode turns off and a restored terminal has back: (termios field, flag, name)
MODES = [(3, termios.ICANON, "icanon"), (3, termios.ECHO, "echo"), (3, termios.ISIG, "isig"),
         (0, termios.ICRNL, "icrnl"), (1, termios.OPOST, "opost")]


class Pane:
    """The wizard on a pseudo-terminal whose slave the report keeps open: after the program is
    gone, the terminal's modes are still there to read, and no hangup ends it early."""

    def __init__(self, argv, term="xterm-256color", as_nobody=False):
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.before = termios.tcgetattr(self.slave)
        self.dir = tempfile.mkdtemp(prefix="yibao-rel-")
        os.chmod(self.dir, 0o777)
        self.out = b""
        self.status = None
        env = dict(ENV, TERM=term)
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.close(self.master)
                os.chdir(self.dir)
                # the program must turn core files off itself
                hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
                resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
                if as_nobody:
                    os.setgroups([])
                    os.setgid(NOBODY)
                    os.setuid(NOBODY)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)

    def read(self, wait):
        end = time.monotonic() + wait
        while time.monotonic() < end:
            r, _, _ = select.select([self.master], [], [], max(0.0, min(0.05, end - time.monotonic())))
            if r:
                try:
                    self.out += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, marker, limit=10.0):
        start = len(self.out)
        end = time.monotonic() + limit
        while marker not in self.out[start:] and time.monotonic() < end:
            r, _, _ = select.select([self.master], [], [], 0.05)
            if r:
                try:
                    self.out += os.read(self.master, 65536)
                except OSError:
                    break
        return marker in self.out[start:]

    def settle(self, quiet=0.2, limit=3.0):
        """Read until the program has written nothing for quiet seconds."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            n = len(self.out)
            self.read(quiet)
            if len(self.out) == n:
                return

    def send(self, data):
        os.write(self.master, data)

    def gone(self, limit=5.0):
        """Seconds until the program is gone (its status in self.status), inf when it is not."""
        since = time.monotonic()
        while time.monotonic() - since < limit:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = st
                return time.monotonic() - since
            self.read(0.005)
        return float("inf")

    def modes_lost(self):
        after = termios.tcgetattr(self.slave)
        return [n for field, flag, n in MODES if (self.before[field] & flag) and not (after[field] & flag)]

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.master)
        os.close(self.slave)
        subprocess.run(["rm", "-rf", self.dir])

    def cores(self):
        return [n for n in os.listdir(self.dir) if n.startswith("core")]


def typed_after(out, at):
    """Whether a letter of what was typed (zqxjv) is drawn in out after offset at (escape
    sequences left aside); True when at is -1 (no clear at all)."""
    if at < 0:
        return True
    text = re.sub(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[^\[()])", b"", out[at:])
    return any(c in text for c in b"zqxjv")


def to_city(p):
    """The English interview's first question."""
    if not p.wait_for(b"Choose your language"):
        return False
    p.send(b"2")
    return p.wait_for(b"In which city do you work")


def trial_fatal(yibao, sig):
    """A fatal signal: the terminal as it was, the program ended by the signal, no core."""
    p = Pane([yibao, "wizard", "--as-of", "2025-06-01"])
    try:
        if not to_city(p):
            return None
        p.send(b"zqxjv")
        p.settle()
        mark = len(p.out)
        os.kill(p.pid, sig)
        dt = p.gone()
        p.read(0.1)
        after = p.out[mark:]
        ok = (dt <= 1.0 and os.WIFSIGNALED(p.status) and os.WTERMSIG(p.status) == sig
              and not os.WCOREDUMP(p.status) and not p.cores() and not p.modes_lost()
              and b"\x1b[?1049l" in after               # the normal screen
              and b"\x1b[?2004l" in after               # bracketed paste off
              and re.search(rb"\x1b\[\?[0-9;]*1000l", after)  # mouse reporting off
              and b"\x1b[2J" in after                   # the screen cleared
              and not typed_after(after, after.rfind(b"\x1b[2J")))
        return dt, ok
    finally:
        p.close()


def trial_core(yibao):
    """Core files off though the limit allows them; as root, the wizard runs as nobody and its
    /proc files belong to root (not dumpable: the same user cannot attach)."""
    root = os.geteuid() == 0
    p = Pane([yibao, "wizard", "--as-of", "2025-06-01"], as_nobody=root)
    try:
        if not to_city(p):
            return None
        with open("/proc/%d/limits" % p.pid) as f:
            limit_off = any(line.startswith("Max core file size") and line.split()[4:6] == ["0", "0"]
                            for line in f)
        dumpable_off = not root or os.stat("/proc/%d/status" % p.pid).st_uid == 0
        os.kill(p.pid, signal.SIGQUIT)
        dt = p.gone()
        ok = (limit_off and dumpable_off and dt <= 1.0 and os.WIFSIGNALED(p.status)
              and not os.WCOREDUMP(p.status) and not p.cores())
        return dt, ok
    finally:
        p.close()


def trial_paste(yibao, bracketed):
    """A paste holding keys the wizard acts on (? help, * language, - back): text in the field."""
    p = Pane([yibao, "wizard", "--as-of", "2025-06-01"])
    try:
        if not to_city(p):
            return None
        t0 = time.monotonic()
        mark = len(p.out)
        p.send(b"\x1b[200~" + HOSTILE + b"\x1b[201~" if bracketed else HOSTILE)
        seen = p.wait_for(HOSTILE, 2.0)
        dt = time.monotonic() - t0
        p.read(0.2)
        after = p.out[mark:]
        # no language switched (the question in Chinese), no help opened (its title), still running
        ok = (seen and "您在哪个城市工作".encode() not in after
              and b"City where you work" not in after  # the title of the question's help topic
              and os.waitpid(p.pid, os.WNOHANG)[0] == 0)
        return dt, ok
    finally:
        p.close()


def trial_clear(yibao, term):
    """No alternate screen: after SIGTERM the screen and the scrollback are cleared, and nothing
    typed is drawn after that."""
    p = Pane([yibao, "wizard", "--as-of", "2025-06-01"], term=term)
    try:
        if not p.wait_for(b"Choose your language"):
            return None
        p.send(b"\r")
        if not p.wait_for(b"In which city do you work"):
            return None
        p.send(b"zqxjv")
        p.settle()
        mark = len(p.out)
        os.kill(p.pid, signal.SIGTERM)
        dt = p.gone()
        p.read(0.1)
        after = p.out[mark:]
        clear = after.rfind(b"\x1b[H\x1b[J")
        ok = (dt <= 1.0 and clear >= 0 and b"\x1b[3J" in after[clear:] and not typed_after(after, clear)
              and not p.modes_lost())
        return dt, ok
    finally:
        p.close()


def hardening_cases(yibao):
    cases = [("%s: terminal restored, no core" % n, lambda s=s: trial_fatal(yibao, s)) for n, s in FATAL]
    cases += [
        ("core dump off, not dumpable (ulimit -c unlimited)", lambda: trial_core(yibao)),
        ("bracketed paste taken as text", lambda: trial_paste(yibao, True)),
        ("unbracketed paste taken as text", lambda: trial_paste(yibao, False)),
        ("TERM=linux: screen cleared on exit", lambda: trial_clear(yibao, "linux")),
        ("TERM=vt100: screen cleared on exit", lambda: trial_clear(yibao, "vt100")),
    ]
    return cases


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
    print()
    print("%-50s %6s %6s %16s" % ("hardening case", "trials", "passed", "worst time (ms)"))
    hard = hardening_cases(yibao)
    for name, run in hard:
        passed, worst = 0, 0.0
        for _ in range(trials):
            r = run()
            if r is None:
                worst = float("inf")
                continue
            worst = max(worst, r[0])
            passed += r[1]
        failed += trials - passed
        print("%-50s %6d %6d %16.1f" % (name, trials, passed, worst * 1000))
    total = trials * (len(cases) + len(hard))
    print("%d passed, %d failed" % (total - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
