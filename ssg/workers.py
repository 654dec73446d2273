"""Worker processes for work done file by file (reading articles, checking built pages): one way to start them."""

from __future__ import annotations

import signal
from concurrent.futures import ProcessPoolExecutor


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` processes that leave Ctrl-C to the process that started them.

    The terminal sends Ctrl-C to the workers too. One that took it while waiting for work ended there, the pool broke
    under its owner, and the owner hung at exit, joining a worker that waited to hand over a result nobody read any
    more (Python 3.11's pool). The owner stops them instead: `shutdown(cancel_futures=True)` as it unwinds."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
