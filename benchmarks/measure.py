"""Run a command and measure its wall time, CPU time and memory, including all its subprocesses.

Library use (e.g. from ``benchmarks/run.py``)::

    from measure import run
    m = run(["ssg", "build", "-o", "/tmp/out"], cwd=site_dir)
    print(m.wall_s, m.peak_tree_rss_bytes, m.max_rss_single_bytes)

Command line::

    python benchmarks/measure.py [--interval 0.02] [--json] -- COMMAND [ARG...]

Why two memory numbers
----------------------
``ru_maxrss`` (from ``os.wait4`` of the child, which also covers the descendants it reaped) is
exact but is the peak of the *single largest* process: for a build that forks workers it misses
the total. ``resource.getrusage(RUSAGE_CHILDREN)`` is no better, and also accumulates over every
command this process has ever run. So a thread also samples, every ``interval`` seconds, the
resident set size (``VmRSS``, read from ``/proc/PID/statm``) of every process of the tree
(found through ``/proc/PID/task/TID/children``) and keeps the largest sum.

Caveats: sampling can miss peaks shorter than the interval (``max_rss_single_bytes`` cannot);
the sum counts pages shared between processes (forked workers' copy-on-write memory, shared
libraries) once per process, so it is an upper bound of the real footprint; processes that
leave the tree by being orphaned (their parent exited first) are no longer seen; and Linux
carries the RSS of the forking (measuring) process into the child's ``ru_maxrss``, so that
number is never below this process's own size: keep the measuring process small.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measurement:
    """What one run cost. Times in seconds, memory in bytes."""

    argv: tuple[str, ...]
    returncode: int
    timed_out: bool
    wall_s: float
    user_s: float  # CPU time of the process and its reaped descendants
    sys_s: float
    max_rss_single_bytes: int  # ru_maxrss: largest single process, exact
    peak_tree_rss_bytes: int  # largest sampled sum of VmRSS over the process tree
    max_processes: int  # most processes seen alive at once in the tree
    samples: int
    # What the command wrote to stdout/stderr when run() was given subprocess.PIPE for them.
    stdout: bytes | None = field(default=None, repr=False)
    stderr: bytes | None = field(default=None, repr=False)

    def as_dict(self) -> dict[str, object]:
        """The numbers (not the captured output), e.g. for JSON."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("stdout", "stderr")}

    def summary(self) -> str:
        """One human-readable line."""
        mib = 1024 * 1024
        return (
            f"wall {self.wall_s:.2f} s, cpu {self.user_s + self.sys_s:.2f} s "
            f"(user {self.user_s:.2f} + sys {self.sys_s:.2f}), "
            f"peak RSS tree {self.peak_tree_rss_bytes / mib:.0f} MiB "
            f"({self.max_processes} processes), "
            f"max single {self.max_rss_single_bytes / mib:.0f} MiB, exit {self.returncode}" + (" (timed out)" if self.timed_out else "")
        )


def process_tree(root: int) -> list[int]:
    """``root`` and all its live descendants (via the children lists of every thread)."""
    pids = [root]
    i = 0
    while i < len(pids):
        task_dir = f"/proc/{pids[i]}/task"
        i += 1
        try:
            tids = os.listdir(task_dir)
        except OSError:  # exited meanwhile
            continue
        for tid in tids:
            try:
                with open(f"{task_dir}/{tid}/children") as f:
                    pids.extend(int(p) for p in f.read().split())
            except OSError:
                continue
    return pids


def rss_bytes(pid: int) -> int:
    """Resident set size of ``pid`` (VmRSS), 0 if it is gone or a zombie."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def pss_bytes(pid: int) -> int:
    """Proportional set size of ``pid``: each page it shares counted in proportion to the processes sharing it
    (a forked helper's pages that are still its parent's count once over the tree, which RSS counts twice);
    0 if it is gone or the kernel does not tell (``/proc/PID/smaps_rollup``, Linux 4.14+)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


class _TreeSampler(threading.Thread):
    """Samples the summed RSS of a process tree until stopped; keeps the maxima."""

    def __init__(self, root: int, interval: float) -> None:
        super().__init__(name=f"rss-sampler-{root}", daemon=True)
        self.root = root
        self.interval = interval
        self.stop_event = threading.Event()
        self.peak_bytes = 0
        self.peak_pss_bytes = 0  # the same, summing PSS (`pss_bytes`)
        self.max_processes = 0
        self.samples = 0

    def sample(self) -> None:
        pids = process_tree(self.root)
        total = sum(rss_bytes(pid) for pid in pids)
        self.peak_bytes = max(self.peak_bytes, total)
        self.peak_pss_bytes = max(self.peak_pss_bytes, sum(pss_bytes(pid) for pid in pids))
        if total:  # a reaped root has no tree left to count
            self.max_processes = max(self.max_processes, len(pids))
        self.samples += 1

    def run(self) -> None:
        while True:
            self.sample()
            if self.stop_event.wait(self.interval):
                return


def run(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    interval: float = 0.02,
    timeout: float | None = None,
    stdout: int | IO[bytes] | None = None,
    stderr: int | IO[bytes] | None = None,
) -> Measurement:
    """Run ``cmd`` to completion and measure it.

    ``stdout``/``stderr`` are passed to ``subprocess.Popen`` (``None`` inherits, or e.g.
    ``subprocess.DEVNULL``); with ``subprocess.PIPE`` the output is read by threads while the
    command runs (a full pipe would block it) and returned in the result. The command runs in its own session so that on ``timeout`` the
    whole process group can be killed; ``timed_out`` is then true in the result.
    """
    argv = tuple(os.fspath(a) for a in cmd)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=stderr, start_new_session=True)
    sampler = _TreeSampler(proc.pid, interval)
    sampler.start()
    captured: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda name=name, pipe=pipe: captured.update({name: pipe.read()}), daemon=True)
        for name, pipe in (("stdout", proc.stdout), ("stderr", proc.stderr))
        if pipe is not None
    ]
    for reader in readers:
        reader.start()
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill) if timeout is not None else None
    if timer is not None:
        timer.start()
    try:
        # wait4 rather than Popen.wait: it is what returns the child's rusage.
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:  # e.g. Ctrl-C: its own session does not get the SIGINT
        kill()
        os.waitpid(proc.pid, 0)
        raise
    finally:
        wall = time.perf_counter() - start
        if timer is not None:
            timer.cancel()
        sampler.stop_event.set()
        sampler.join()
        for reader in readers:  # EOF once the last process holding the pipe has exited
            reader.join()
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(
        argv=argv,
        returncode=proc.returncode,
        timed_out=timed_out.is_set(),
        wall_s=wall,
        user_s=usage.ru_utime,
        sys_s=usage.ru_stime,
        max_rss_single_bytes=usage.ru_maxrss * 1024,  # KiB on Linux
        peak_tree_rss_bytes=sampler.peak_bytes,
        max_processes=sampler.max_processes,
        samples=sampler.samples,
        stdout=captured.get("stdout"),
        stderr=captured.get("stderr"),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run COMMAND; report wall/CPU time and peak memory of its process tree.")
    parser.add_argument("--interval", type=float, default=0.02, help="RSS sampling period, s")
    parser.add_argument("--timeout", type=float, help="kill the command after this many s")
    parser.add_argument("--cwd", type=Path)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a line")
    parser.add_argument("command", nargs=argparse.REMAINDER, metavar="-- COMMAND")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    m = run(command, cwd=args.cwd, interval=args.interval, timeout=args.timeout)
    print(json.dumps(m.as_dict()) if args.json else m.summary(), file=sys.stderr)
    sys.exit(m.returncode if m.returncode >= 0 else 128 - m.returncode)


if __name__ == "__main__":
    main()
