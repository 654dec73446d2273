"""What of the machine's a command ran out of: memory, open files, a disk's room or its inodes, told as such.

None of these is the site's fault, nor the cache's or the output folder's, and each has its own fix: a limit raised
(`ulimit -v`, `ulimit -n`), room made on a disk. They were told as a damaged cache ("unable to open database file":
delete it), as a folder to build elsewhere, or as a traceback, which the README promises a build never ends in.
"""

from __future__ import annotations

import enum
import errno
import os

from .errors import Problem, SsgError

# What Python raises where memory ran out, besides MemoryError: a thread's stack not mapped ("can't start new thread"),
# a library's code not mapped as it is imported (lxml's, under `ulimit -v`: "failed to map segment from shared object").
_MEMORY_WORDS = ("can't start new thread", "failed to map segment", "cannot allocate memory")


class Lack(enum.Enum):
    """What of the machine's a command ran out of; its value, the words a message names it with."""

    MEMORY = "memory"
    FILES = "open files (the process's limit, ulimit -n)"
    SYSTEM_FILES = "open files (the system's limit)"
    DISK = "disk space"


# The system's errors, by what each says ran out (ENOBUFS: the kernel's memory for a socket's buffers).
_ERRNOS = {
    errno.ENOMEM: Lack.MEMORY,
    errno.ENOBUFS: Lack.MEMORY,
    errno.EMFILE: Lack.FILES,
    errno.ENFILE: Lack.SYSTEM_FILES,
    errno.ENOSPC: Lack.DISK,
    errno.EDQUOT: Lack.DISK,
}
# SQLite's primary result codes (`sqlite_errorcode & 0xFF`): SQLITE_NOMEM, SQLITE_FULL, SQLITE_CANTOPEN. SQLite tells
# no errno; CANTOPEN of a file that is there is the limit on open files (`cache._failure_words` looks at the file).
_SQLITE = {7: Lack.MEMORY, 13: Lack.DISK, 14: Lack.FILES}
_SQLITE_NAMES = {"SQLITE_NOMEM": Lack.MEMORY, "SQLITE_FULL": Lack.DISK, "SQLITE_CANTOPEN": Lack.FILES}


def lacking(error: BaseException | None) -> Lack | None:
    """What of the machine's `error` (or one it was raised from) says ran out, or None where that is not what it says.

    The one place that tells it: the build's message (`build`, `output`, `cache`), the preview's retry (`watch`), the
    server's wait for a file descriptor (`server`) and the worker pools' quiet threads (`workers`) ask here, where five
    lists of their own had drifted apart (SQLite's "database or disk is full" was told but never tried again)."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, MemoryError):
            return Lack.MEMORY
        if isinstance(error, OSError) and error.errno is not None:  # (it says what went wrong: not what it was raised in)
            return _ERRNOS.get(error.errno)
        if isinstance(error, (RuntimeError, ImportError)) and any(words in str(error).lower() for words in _MEMORY_WORDS):
            return Lack.MEMORY
        if getattr(error, "sqlite_errorcode", None) is not None or getattr(error, "sqlite_errorname", None) is not None:
            return _sqlite_lack(error)
        error, seen = error.__cause__ or error.__context__, seen + 1
    return None


def _sqlite_lack(error: BaseException) -> Lack | None:
    """What an error of SQLite (`sqlite3.Error`, told by its code, not imported here) says ran out."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE:
        return _SQLITE[code & 0xFF]
    name = getattr(error, "sqlite_errorname", None)
    return _SQLITE_NAMES.get(name) if isinstance(name, str) else None


def out_of_memory(error: BaseException | None) -> bool:
    """Whether `error` (or one it was raised from) says that memory ran out (`lacking`)."""
    return lacking(error) is Lack.MEMORY


def out_of_memory_message(state: str | None = None, what: str = "the build") -> str:
    """The message of a command (`what`) that ran out of memory; `state`: the output folder's, where a build's."""
    limit = _limit("RLIMIT_AS")
    if limit is not None:  # (`ulimit -v` is in KiB)
        where = f"a limit: ulimit -v {limit // 1024}"
        fix = "raise it (ulimit -v unlimited), or build with fewer processes (-j 1)"
    else:
        where = "this machine's"
        fix = "close other programs, or build with fewer processes (-j 1)"
    told = f" ({state})" if state else ""
    return f"{what} ran out of memory ({where}): {fix}{told}"


def out_of_memory_error(state: str) -> SsgError:
    """The error of a build that ran out of memory (`out_of_memory_message`), `state` its output folder's: raised where
    the build fails before it writes (`Builder.build`) and as it writes (`Builder._write`) alike."""
    return SsgError(Problem("ssg", None, None, out_of_memory_message(state)))


def too_many_files_fix(machine: bool = False) -> str:
    """What fixes "too many open files": the limit raised, not the cache deleted nor the output moved (neither opens
    fewer files). `machine`: the machine's limit (ENFILE), not this process's (EMFILE)."""
    if machine:
        return "this machine's limit is reached (sysctl fs.file-max): close other programs, or raise it"
    limit, most = _limit("RLIMIT_NOFILE"), _limit("RLIMIT_NOFILE", hard=True)
    now = f" is {limit}" if limit is not None else ""
    enough = max(4096, 4 * (limit or 0))
    if most is not None:
        enough = min(enough, most)  # (one a user may set: not above the hard limit)
    if limit is not None and enough <= limit:
        # (`ulimit -n 9` in bash sets the hard limit too: "raise it (ulimit -n 9)" was told, which does nothing.)
        return (
            f"this process's limit is {limit} (ulimit -n), as high as its hard limit (ulimit -Hn) lets it be: build from a"
            " new shell, or have the hard limit raised (as root, or in /etc/security/limits.conf) and build again"
        )
    return f"this process's limit{now} (ulimit -n): raise it (ulimit -n {enough}) and build again"


def no_inodes(path: str | os.PathLike[str]) -> bool:
    """Whether the disk holding `path` (or the nearest folder above it that is there) has room left but no inode for
    another file: ENOSPC is "no space left on device" either way, and `df` shows free space."""
    folder = os.path.abspath(path)
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    try:
        disk = os.statvfs(folder)
    except OSError:
        return False
    return disk.f_files > 0 and disk.f_favail == 0 and disk.f_bavail > 0


NO_INODES = "no free inodes (files) left on that disk, though it has room"


def _limit(which: str, hard: bool = False) -> int | None:
    """This process's soft (or `hard`) limit of `which` (`resource.RLIMIT_AS`'s name), or None where there is none."""
    try:
        import resource  # (not on Windows)

        value = resource.getrlimit(getattr(resource, which))[hard]
    except (ImportError, AttributeError, OSError, ValueError):
        return None
    return None if value == resource.RLIM_INFINITY else value
