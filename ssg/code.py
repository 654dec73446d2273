"""What code runs: ssg's own source, the Python and the installed libraries, hashed (`code_version`).

A module of its own, importing nothing of ssg: the build cache keys every page by it, and `ssg build --server`'s
client asks it before anything else is imported, to tell a build server running older code (`buildserver`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def libraries() -> Path:
    """The folder the libraries are installed in (site-packages): its listing names every installed version. Found
    where jinja2 is, without importing it (40 ms the client would spend for nothing)."""
    spec = importlib.util.find_spec("jinja2")
    assert spec is not None and spec.origin is not None  # (a dependency: installed with ssg)
    return Path(spec.origin).resolve().parent.parent


def code_version() -> str:
    """ssg's own source, the Python, and every installed library's version (a long-lived process asks once:
    the code it runs is the code it imported)."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(f"{path.relative_to(PACKAGE)}\0".encode() + path.read_bytes())
    digest.update("\0".join(sorted(os.listdir(libraries()))).encode())
    return digest.hexdigest()


def current_umask() -> int:
    """The process's umask, which the files it makes take their modes from (the output's, `output.Output`; a build
    server's identity, `buildserver.identity`). Read from /proc on Linux: setting it to read it, and back, leaves a
    moment in which a file another thread makes takes another mode."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask
