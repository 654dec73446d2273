"""Which commit this ssg is, for `ssg --version`: every commit is version 0.1.0, so the version alone did not tell
whether `pip install -U git+...` had installed the newer one (pip said "Requirement already satisfied" and kept the
older). Asked only by `--version` (a `git` process, a look through the installed distributions): never at a start.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


def version_text(version: str, package: Path) -> str:
    """`version` with the commit of the ssg whose package folder is `package`, where one is known: `0.1.0 (commit
    985c466f1d2a)`; `version` alone where none is (installed from a folder or an sdist)."""
    from .themeconfig import source_checkout

    commit = checkout_commit(package.parent) if source_checkout(package) else installed_commit(package.parent)
    return f"{version} (commit {commit[:12]})" if commit else version


def checkout_commit(folder: Path) -> str | None:
    """The commit checked out in `folder` where ssg runs from its git checkout (an editable install's among them);
    None where it is none, or git is not there to say."""
    if not (folder / ".git").exists():  # (a folder, or a file in a worktree)
        return None
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    commit = done.stdout.strip() if done.returncode == 0 else ""
    return commit or None


def installed_commit(folder: Path) -> str | None:
    """The commit pip installed ssg from into `folder` (site-packages), as it recorded it (PEP 610's direct_url.json:
    `pip install git+URL@ref`); None where it recorded none."""
    from importlib.metadata import distributions  # (here: 10 ms of an import every command would pay)

    for distribution in distributions(name="ssg", path=[str(folder)]):
        try:
            commit = json.loads(distribution.read_text("direct_url.json") or "{}").get("vcs_info", {}).get("commit_id")
        except (ValueError, AttributeError):
            return None
        return commit if isinstance(commit, str) and commit else None
    return None
