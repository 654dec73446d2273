"""What `ssg init` and `ssg workflow` ask git of the repository an archive is in: its top folder, the only one whose
`.github/workflows/` GitHub reads, and the branch it is on, whose pushes are to publish the site."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# What tells git which repository, worktree and index to use over the folder it runs in (`git rev-parse --local-env-vars`).
GIT_LOCATING = frozenset(
    {"GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY"}
    | {"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_GRAFT_FILE"}
)


def git_environment() -> dict[str, str]:
    """The environment to run git in over a folder: the repository git finds from it, not the one a hook's variables
    name (a pre-commit `ssg check` in a linked worktree has GIT_DIR and no GIT_WORK_TREE), and no lock (it only reads)
    that a commit beside it would wait on."""
    return {k: v for k, v in os.environ.items() if k not in GIT_LOCATING} | {"GIT_OPTIONAL_LOCKS": "0"}


@dataclass(frozen=True)
class Repository:
    """The git repository a folder is in."""

    top: Path  # its top folder, as git names it (symbolic links resolved)
    branch: str | None  # the branch checked out (one with no commit yet too); None on a detached HEAD


def repository_of(folder: Path) -> Repository | None:
    """The repository `folder` is in (a folder `ssg init` is yet to make: the one its nearest existing parent is in), or
    None: outside one, no git installed, or git failing (another user's repository, 5 s gone), where the caller does as
    for a folder outside git. Asks git only where a `.git` is in the folder or above it."""
    folder = Path(os.path.abspath(folder))
    if not any(os.path.lexists(parent / ".git") for parent in (folder, *folder.parents)):
        return None
    existing = next((parent for parent in (folder, *folder.parents) if parent.is_dir()), None)
    top = _git(existing, "rev-parse", "--show-toplevel") if existing is not None else None
    if not top:
        return None
    return Repository(Path(top), _git(existing, "symbolic-ref", "--quiet", "--short", "HEAD") or None)


def _git(folder: Path, *args: str) -> str | None:
    """git's one line of output for `args` run in `folder`, or None where it fails or there is no git. The repository git
    finds from the folder, not the one a hook's variables name (`GIT_LOCATING`)."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run([git, *args], cwd=folder, capture_output=True, timeout=5, env=git_environment(), check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else None
