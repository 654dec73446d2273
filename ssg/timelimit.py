"""A page whose templates run too long is stopped, with an error on the template line it was on, as Hugo's `timeout`
stops one.

A loop that never ends (`{% for i in range(10**12) %}`) kept `ssg build` running forever, and held the preview's
builds: the save that fixed the template was never built, and neither the terminal nor the page said a word. A page
takes milliseconds; `PAGE_LIMIT` is thousands of times that.

Each `Theme` has a `Watchdog`. While pages render (`Watchdog.watching`, around a build's rendering, a render helper's
share of it, `ssg check`'s pages), a thread looks a few times a second at when each thread's page began (`start`, a
dict entry per page, no system call); where one has run past the limit, it raises `RenderTimeoutError` in the thread
rendering it (`PyThreadState_SetAsyncExc`), at the next line of Python that thread runs: the template's loop, whose
line the traceback then names. The thread ends with the rendering: none outlives a build. Threads do not survive a
fork: a forked render helper starts its own.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PAGE_LIMIT = 30.0  # seconds one page's templates may take, where site.yaml's `timeout:` does not say (Hugo's: 30-60 s)


class RenderTimeoutError(Exception):
    """Raised in a page's rendering that has run for longer than its limit (by its class: it takes no arguments)."""


def timeout_message(limit: float) -> str:
    """What a `RenderTimeoutError` says, on the template line it stopped."""
    return (
        f"stopped after {limit:g} s on this line, rendering one page (a page takes milliseconds): a loop that never ends, "
        "or one over far too many items? (a page that needs longer: raise site.yaml's timeout:)"
    )


class Watchdog:
    """Stops a page's rendering that takes longer than `limit` seconds (`PAGE_LIMIT` where not given)."""

    def __init__(self, limit: float | None = None):
        self.limit = PAGE_LIMIT if limit is None else limit
        self._reset()

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._running: dict[int, float] = {}  # thread id -> when its page began (or it was last told to stop)
        self._told: set[int] = set()  # threads it raised `RenderTimeoutError` in, which may not have met it yet
        self._depth = 0  # `watching` blocks open
        self._thread: threading.Thread | None = None
        self._done = threading.Event()

    def _own(self) -> None:
        """In a forked render helper, leave the parent's state: its thread is not here, and its lock may be held."""
        if self._pid != os.getpid():
            self._reset()

    @contextmanager
    def watching(self) -> Iterator[None]:
        """Watch the pages rendered within: a thread looks at them until the block (the outermost) ends."""
        self._own()
        with self._lock:
            self._depth += 1
            if self._depth == 1:
                self._done = threading.Event()
                self._thread = threading.Thread(target=self._watch, args=(self._done,), name="ssg-render-watchdog", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                thread, self._thread = (self._thread, None) if self._depth == 0 else (None, self._thread)
            if thread is not None:
                self._done.set()
                thread.join()

    def start(self) -> int:
        """A page's rendering begins in this thread; returns the thread's id, for `stop`. (A forked helper renders
        within its own `watching`, which leaves its parent's lock first: not asked here, on each page.)"""
        ident = threading.get_ident()
        self._running[ident] = time.monotonic()
        return ident

    def stop(self, ident: int) -> None:
        """The page's rendering in thread `ident` ended (rendered, failed, or stopped)."""
        with self._lock:
            self._running.pop(ident, None)
            if ident in self._told:  # told as it ended: the exception is not to reach the next page, or the build
                self._told.discard(ident)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)

    def _watch(self, done: threading.Event) -> None:
        """Raise `RenderTimeoutError` in each page past the limit (again after another limit, where something caught
        it), until `done`."""
        while not done.wait(min(0.25, self.limit / 4)):
            with self._lock:
                now = time.monotonic()
                for ident, began in list(self._running.items()):
                    if now - began > self.limit:
                        self._running[ident] = now
                        self._told.add(ident)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(RenderTimeoutError))
