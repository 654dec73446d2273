"""Locks between ssg processes of one project: a build's output folder, the preview's folder, the build cache.

Each is a lock file held with `flock` for as long as the work it guards: the kernel lets go of it when the holding
process ends, killed too, so no stale lock ever has to be cleared by hand.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def hold_lock(path: Path) -> int | None:
    """The handle of lock file `path`, opened and locked for this process; `BlockingIOError` while another process holds
    it, with what that one wrote in it as the error's `held`. The lock ends with the process that holds it, even killed;
    its holder removes the file as it lets go, while it still holds it (`release_lock`). (None, and no locking, where
    there is no `fcntl`: Windows.)"""
    return _lock(path, fcntl.LOCK_EX | fcntl.LOCK_NB) if fcntl is not None else None


def wait_for_lock(path: Path, waiting: Callable[[str], None] | None = None) -> int | None:
    """`hold_lock`, but where another process holds it, wait until it lets go: told first to `waiting`, with what the
    holder wrote in the file (as `hold_lock`'s `held`), for the user to hear why nothing happens. Ctrl-C stops the wait."""
    try:
        return hold_lock(path)
    except BlockingIOError as busy:
        if waiting is not None:
            waiting(getattr(busy, "held", ""))
    return _lock(path, fcntl.LOCK_EX)  # (fcntl is there: `hold_lock` would have returned None)


def _lock(path: Path, operation: int) -> int:
    """Open lock file `path` and `flock` it (`operation`); again where its last holder removed it meanwhile, as it let
    go: the file there now is the one to lock."""
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, operation)
        except BlockingIOError as busy:
            busy.held = os.read(handle, 1000).decode("utf-8", "replace").strip()  # type: ignore[attr-defined]
            os.close(handle)
            raise
        except BaseException:
            os.close(handle)
            raise
        try:
            if os.path.samestat(os.fstat(handle), os.stat(path)):
                return handle
        except FileNotFoundError:
            pass
        os.close(handle)


def release_lock(path: Path, handle: int | None) -> None:
    """End the lock of `hold_lock`, removing its file `path` first (while held, so that no process locks a file about
    to go): unless the file there is another one, which another process holds (its folder was deleted meanwhile, and
    that process made it anew)."""
    if handle is not None:
        try:
            if os.path.samestat(os.fstat(handle), os.stat(path)):
                os.unlink(path)
        except FileNotFoundError:
            pass
        os.close(handle)
