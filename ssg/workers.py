"""Worker processes: how they start, and how they end with the process that started them.

Reading articles and checking built pages use `worker_pool`; the render helpers (`render.render_pages`), which fork
with the site model, end with their build by `die_with` too."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .resources import out_of_memory

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


def usable_cores() -> int:
    """The cores this process may run on, the default number of worker processes: `os.cpu_count()` counts the
    machine's, where a container's CPU set, `taskset` or a CI runner allows fewer (a 2-CPU slice of a 64-core host
    started 64 workers of ~48 MB each)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # (not on macOS or Windows)
        return os.cpu_count() or 1


@contextlib.contextmanager
def worker_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jobs` processes that leave Ctrl-C to the process that started them, and end with it.

    The terminal sends Ctrl-C to the workers too. One that took it while waiting for work ended there, the pool broke
    under its owner, and the owner hung at exit, joining a worker that waited to hand over a result nobody read any
    more (Python 3.11's pool). The owner stops them instead as it unwinds, dropping the work not started. A Ctrl-C
    that came as the pool started its thread left one that cannot be joined: the build ended on "RuntimeError: cannot
    join thread before it is started" with 1, not "Aborted!" with 130 (a trial); the interruption is what is told.

    (Imported here, not with the module: `render` imports `die_with` from it, and concurrent.futures' process pool
    with multiprocessing and socket cost 10-20 ms of every `ssg build`, one that reads and renders a few pages in its
    own process after one edit too, as `render._render_all` says.)"""
    from concurrent.futures import ProcessPoolExecutor

    with owned(ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),))) as pool:
        yield pool


@contextlib.contextmanager
def owned(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """`pool`, stopped as the block ends, the work not started dropped; where the block is interrupted, the
    interruption is what is told, not a "cannot join thread before it is started" of a pool stopped as it started
    (`worker_pool`; the render helpers' pool alike)."""
    try:
        with _quiet_out_of_memory():
            yield pool
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())  # (`shutdown` lets go of them)
        with contextlib.suppress(RuntimeError):
            pool.shutdown(wait=True, cancel_futures=True)
        _end(processes)
        raise
    pool.shutdown(wait=True, cancel_futures=True)


class _QuietHook:
    """`threading.excepthook` while pools work: a thread of theirs that ends out of memory prints no traceback, as
    their manager thread did where it could not start its queue's ("can't start new thread", under `ulimit -v`); the
    build tells it (`result_of`), in words. Installed as the first pool starts and put back as the last one stops: each
    pool swapped the hook of its own, and two pools in two threads (the preview's rebuild, the build server's commands)
    that stopped out of order left one's filter in place for good, or put back the other's while it still worked."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pools = 0
        self.previous: Callable[[threading.ExceptHookArgs], object] | None = None

    def hook(self, args: threading.ExceptHookArgs) -> None:
        if self.pools and out_of_memory(args.exc_value):
            return
        (self.previous or threading.__excepthook__)(args)

    @contextlib.contextmanager
    def working(self) -> Iterator[None]:
        with self.lock:
            self.pools += 1
            if threading.excepthook != self.hook:
                self.previous, threading.excepthook = threading.excepthook, self.hook
        try:
            yield
        finally:
            with self.lock:
                self.pools -= 1
                if not self.pools and threading.excepthook == self.hook:
                    threading.excepthook, self.previous = self.previous or threading.__excepthook__, None


_QUIET = _QuietHook()  # (one for the process, as the hook it sets is: `threading.excepthook`)


def _quiet_out_of_memory() -> contextlib.AbstractContextManager[None]:
    """While a pool works, out of memory in a thread is told by the build, not in a traceback (`_QuietHook`)."""
    return _QUIET.working()


def result_of(pool: ProcessPoolExecutor, future: Future) -> Any:
    """`future`'s result, or a MemoryError where `pool`'s manager thread ended without it: one that could not start
    the thread feeding its workers (out of memory, "can't start new thread") ends on that error, and the future is then
    never done, nor is the build that waits for it."""
    while True:
        try:
            return future.result(timeout=WAKE_EVERY)
        except TimeoutError:
            manager = getattr(pool, "_executor_manager_thread", None)
            if manager is not None and not manager.is_alive() and not future.done():
                raise MemoryError("the helper processes' pool stopped: it could not start a thread") from None


WAKE_EVERY = 1.0  # seconds between looks at whether a pool waited on is still there (`result_of`)


def _end(processes: list) -> None:
    """End the workers a pool's shutdown left running: where its manager thread never started, or ended on an error of
    its own (out of memory: "can't start new thread", under `ulimit -v`), nobody tells them to stop, and each waited
    for work for ever, as Python's exit waited for them (`multiprocessing.util._exit_function` joins them): `ssg build`
    printed its traceback and never ended."""
    for process in processes:
        if process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(5)


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with(parent)


def die_with(parent: int) -> None:
    """End this worker when the process `parent` ends (killed: SIGKILL, or SIGTERM where it has no handler). One that
    outlived it went on with its work (a render helper into the staging folder, where the next build's pages are
    staged), then waited forever to hand its results over, holding its owner's output pipe open (a CI step never
    ended)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # (no prctl: a render helper checks between its ranges)
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel ends it with its parent
    if os.getppid() != parent:  # the parent ended before this worker started
        os._exit(1)
