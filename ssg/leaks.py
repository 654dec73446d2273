"""Where a link in the project may lead for ssg to publish the file it leads to.

A file of a static folder, a file an article names, and an article's own file may each be a link (`ln -s`): a
colleague's commit may hold `content/images/photo.jpg -> ~/.ssh/id_rsa` or `content/2026/x.md -> /etc/passwd`. Such a
file is refused, not read: one leading to a hidden file of the project, of the cache or the output, or to a file of
this computer's that no archive keeps (a hidden one elsewhere, one of the system's); of a static folder, which is
published whole and unread, one leading out of the project at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .load import unpublished_static

if TYPE_CHECKING:
    from .config import Config


@dataclass(frozen=True)
class Reach:
    """The folders that tell where a link of the project may lead (`Config`'s, as a worker process reading articles
    can be given them)."""

    root: Path  # the project
    cache: Path  # the build cache
    output: Path  # the output folder
    content: Path  # the content folder (which may be outside the project: its files may lead into it)

    @classmethod
    def of(cls, config: Config) -> Reach:
        return cls(config.root, config.cache_path, config.output_path, config.content_path)


def refusal(reach: Reach, path: Path, folder: Path, outside: bool = False) -> str | None:
    """Why the file at `path` (a link, or in a linked folder) is not published, as a message naming where it leads;
    None where it may be. `folder`: where else the file may lead (the theme holding a static folder, a content folder
    outside the project); `outside`: whether any file outside the project is refused (a static folder's)."""
    target = path.resolve()
    if not _links_within(path, reach.root, folder):
        if outside:
            why = "outside the project, which ssg does not publish"
        elif _secret(target):
            why = "a file of this computer's that ssg does not publish (a hidden one, or one of the system's)"
        else:
            return None
    else:
        root = reach.root.resolve()
        parts = target.relative_to(root).parts if target.is_relative_to(root) else ()
        annexed = any(part == ".git" and parts[i + 1 : i + 3] == ("annex", "objects") for i, part in enumerate(parts))
        made = any(target.is_relative_to(made.resolve()) for made in (reach.cache, reach.output))
        if annexed or not (made or any(map(unpublished_static, parts))):
            return None
        why = "a hidden file of the project (or the cache's, or the output's), which ssg does not publish"
    where = path.parent.relative_to(reach.root).as_posix() if path.is_relative_to(reach.root) else path.parent
    what = "is a link to" if path.is_symlink() else "is in a linked folder, and leads to"
    return f"{what} {target}, {why}: copy the file into {where}/ to publish it, or remove the link"


def _links_within(path: Path, *folders: Path) -> bool:
    """Whether the link `path` leads to a file inside one of `folders` (the project, or the theme it is in), or to a
    git-annex object of a repository holding the project: git-annex keeps every large file (a photo archive's) as such
    a link, into `.git/annex/objects/` at the repository's top, which is outside a project kept in a subfolder."""
    target = path.resolve()
    if any(target.is_relative_to(folder.resolve()) for folder in folders):
        return True
    return any(part == ".git" and target.parts[i + 1 : i + 3] == ("annex", "objects") for i, part in enumerate(target.parts)) and any(
        target.is_relative_to(top / ".git") for top in folders[0].resolve().parents
    )


_SYSTEM = frozenset(["proc", "sys", "dev", "etc", "run", "boot"])  # top folders of no archive's file


def _secret(target: Path) -> bool:
    """Whether a file outside the project is one of the system's (`/proc/self/environ`, `/etc/passwd`) or a hidden one
    (`~/.ssh/id_rsa`, `~/.aws/credentials`): of the folders below the home folder, where it is there."""
    if len(target.parts) > 1 and target.parts[1] in _SYSTEM and not _mounted_drive(target.parts):
        return True
    home = Path.home()
    parts = target.relative_to(home).parts if target.is_relative_to(home) else target.parts[1:]
    return any(map(unpublished_static, parts))


def _mounted_drive(parts: tuple[str, ...]) -> bool:
    """Whether a path under /run is a drive's or a share's, where Linux desktops mount them: udisks2's
    /run/media/<user>/ (a USB drive on Fedora or Arch), GNOME's /run/user/<uid>/gvfs/ (a NAS's SMB share). A content
    folder linked there, as docs/deploy.md has a NAS's, failed the build as "a file of the system's"."""
    return parts[1] == "run" and (parts[2:3] == ("media",) or (parts[2:3] == ("user",) and parts[4:5] == ("gvfs",)))
