"""What changed in the content folder since a build, as the kernel tells it (Linux's inotify, read through
inotify_simple), for the build server: its builds list and stat again only the folders the events name (`load.restat`,
as the preview's builds do with watchdog's events), not every content file (50-75 ms of each command at 10,000
articles).

The server's commands come right after a save, and its builds must see it: watchdog delivers events from a thread,
half a second late (it holds them to pair a rename's two halves), so a build could not know it had them all. Here the
build reads the kernel's queue itself, without waiting: the kernel queues an event before the write or rename that
causes it returns, so every change made before the command was sent is there to read.

The kernel does not tell everything: a file changed on a network drive by another machine, or through a hard link
outside the content folder. So events are heard only on local file systems (`LOCAL_FILE_SYSTEMS`), and the server
compares a full listing with what they told while the author pauses (`Builder.check_hearing`); where they missed a
change, the builder stops listening and lists every file again, as `ssg build` does.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .exclude import Exclusions
from .load import is_article_name, skipped_folder

if TYPE_CHECKING:
    from inotify_simple import INotify

# File systems whose changes the kernel hears all of, made on this machine; on others (NFS, SMB, FUSE, a virtual
# machine's shared folder) another machine's changes make no event.
LOCAL_FILE_SYSTEMS = frozenset(
    ("ext2", "ext3", "ext4", "xfs", "btrfs", "bcachefs", "f2fs", "jfs", "reiserfs", "zfs", "tmpfs", "ramfs", "overlay")
    + ("vfat", "exfat", "ntfs3", "hfsplus")
)


class ContentEvents:
    """The changes under one content folder since the last `take`, from the kernel's events.

    Only the folders `load.content_stats` lists are watched (not hidden ones, nor `_notes/`, nor links to folders, nor
    those `exclude` names: a vault's `Templates/`).
    Articles that are links to files elsewhere change with no event here: they are named as changed at every `take`."""

    def __init__(self, root: Path, exclude: Exclusions | None = None) -> None:
        self.root = os.path.abspath(root)  # (spelt as `load.restat` spells it; a link to a folder elsewhere is followed)
        self.exclude = exclude
        self.deaf = ""  # why no `take` tells changes any more (a listing found one no event told: `missed`), if so
        self._inotify: INotify | None = None
        self._folders: dict[int, str] = {}  # watch -> the folder it watches
        self._changed: set[str] = set()
        self._links: set[str] = set()  # article files that are links (to a file elsewhere, whose changes make no event here)
        self._lost = True  # events were lost or never heard: the next `take` says nothing is known, and watches anew
        self._devices: dict[int, bool] = {}  # each device the folders are on -> whether its file system is local
        self._identity: tuple[int, int] | None = None  # the root's (device, inode) as watched: a link retargeted, a folder swapped in

    def take(self) -> set[str] | None:
        """The paths (files and folders) changed since the last `take`, links to files included; None where that is
        not known (the first call, lost events, a folder the kernel cannot watch): list every file then. Where None,
        the folders are watched again first, so that a listing after it misses nothing."""
        self._read()
        if self.deaf:
            return None
        if not self._lost and self._root_identity() != self._identity:  # (no event tells it: `ln -sfn B content`, a copy moved in)
            self._lost = True
        if self._lost:
            self._watch_all()
            return None
        changed, self._changed = self._changed, set()
        return changed | self._links

    def pending(self) -> bool:
        """Whether changes wait for the next `take` (or it will know none: lost events), or may without an event: articles
        that are links, whose targets change unheard (the next build looks at them anyway)."""
        self._read()
        return bool(self._changed or self._links) or self._lost or self._root_identity() != self._identity

    def missed(self, why: str) -> None:
        """Events are not to be trusted here (`why`): every file is listed from now on."""
        self.deaf = why
        self.close()

    def close(self) -> None:
        if self._inotify is not None:
            self._inotify.close()
            self._inotify = None
        self._folders.clear()
        self._lost = True

    def _watch_all(self) -> None:
        """Watch every folder of the tree anew (lost events: a folder renamed, the queue overflowed, the root gone)."""
        from inotify_simple import INotify

        self.close()
        self._links.clear()
        self._changed.clear()
        try:
            self._inotify = INotify(nonblocking=True)
        except OSError as error:  # (every instance the user may have in use: `fs.inotify.max_user_instances`)
            self.missed(f"no inotify instance: {error.strerror}")
            return
        self._identity = self._root_identity()
        if (why := self._watch_tree(self.root)) is not None:
            self.missed(why)
        else:
            self._lost = False

    def _root_identity(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.root)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def _watch_tree(self, top: str) -> str | None:
        """Watch `top` and the folders under it that `content_stats` lists; where one cannot be watched (no such
        folder, the limit on watches reached, no permission, a file system whose changes are not all heard), why."""
        from inotify_simple import flags

        mask = flags.MODIFY | flags.ATTRIB | flags.CLOSE_WRITE | flags.CREATE | flags.DELETE | flags.MOVED_FROM | flags.MOVED_TO
        mask |= flags.DELETE_SELF | flags.MOVE_SELF | flags.ONLYDIR
        folders = [top]
        while folders:
            folder = folders.pop()
            try:
                if not self._local(folder):
                    return f"{folder} is on a file system whose changes the kernel may not tell ({file_system(folder) or 'unknown'})"
                # (Those below the root are no links: `content_stats` follows none, nor is one watched where it leads.)
                below = flags.DONT_FOLLOW if folder != self.root else 0
                self._folders[self._inotify.add_watch(folder, mask | below)] = folder  # type: ignore[union-attr]
                with os.scandir(folder) as entries:
                    for entry in entries:
                        if entry.is_dir(follow_symlinks=False):
                            if not skipped_folder(entry.name) and not self._excluded(entry.path):
                                folders.append(entry.path)
                        elif entry.is_symlink() and is_article_name(entry.name):
                            self._links.add(entry.path)
            except (FileNotFoundError, NotADirectoryError):
                if folder == self.root:
                    return f"{folder}: no such folder"
                # (gone while the tree was watched: the event of the folder holding it names it, as changed)
            except OSError as error:
                return f"{folder}: {error.strerror or error}"
        return None

    def _excluded(self, folder: str) -> bool:
        """Whether site.yaml's `exclude:` names the folder at `folder` (a path under the root)."""
        return self.exclude is not None and self.exclude.folder(os.path.relpath(folder, self.root).replace(os.sep, "/"))

    def _local(self, folder: str) -> bool:
        device = os.stat(folder).st_dev
        known = self._devices.get(device)
        if known is None:
            known = self._devices[device] = file_system(folder) in LOCAL_FILE_SYSTEMS
        return known

    def _read(self) -> None:
        """Take in the events the kernel holds, without waiting."""
        from inotify_simple import flags

        if self._inotify is None or self._lost:
            return
        while events := self._inotify.read(timeout=0):
            for event in events:
                self._heard(event, flags)
                if self._lost:
                    return

    def _heard(self, event: Any, flags: Any) -> None:
        wd, mask, name = event.wd, event.mask, event.name
        if mask & (flags.Q_OVERFLOW | flags.UNMOUNT):
            self._lost = True
            return
        folder = self._folders.get(wd)
        if folder is None:  # (a watch removed meanwhile)
            return
        if mask & (flags.DELETE_SELF | flags.MOVE_SELF | flags.IGNORED):
            # The root gone or moved loses everything; a folder below it moved keeps its watch under a name no longer
            # its own (events would name the old place). A folder deleted is also told to the one holding it.
            if folder == self.root or mask & flags.MOVE_SELF:
                self._lost = True
            del self._folders[wd]
            return
        path = os.path.join(folder, name) if name else folder
        self._changed.add(path)
        if mask & flags.ISDIR:
            if mask & flags.MOVED_FROM:
                self._lost = True  # (its watches would name the old place: `MOVE_SELF` comes after)
            # (Its files made before the watch are listed with it: `restat` lists a folder named changed whole.)
            elif (
                mask & (flags.CREATE | flags.MOVED_TO)
                and not skipped_folder(name)
                and not self._excluded(path)
                and self._watch_tree(path) is not None
            ):
                self._lost = True  # (watched anew at the next `take`, or told why not)
        elif mask & (flags.DELETE | flags.MOVED_FROM):
            self._links.discard(path)
        elif mask & (flags.CREATE | flags.MOVED_TO) and is_article_name(name) and os.path.islink(path):
            self._links.add(path)


def file_system(folder: str) -> str:
    """The type of the file system `folder` is on: that of the mount nearest to it in /proc/self/mountinfo (whose
    mount points write a space as \\040); "" where not known."""
    real, found, longest = os.path.realpath(folder), "", -1
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as mounts:
            for line in mounts:
                mount, _, after = line.partition(" - ")
                fields = mount.split()
                if len(fields) < 5 or not after:
                    continue
                point = re.sub(r"\\([0-7]{3})", lambda octal: chr(int(octal[1], 8)), fields[4])
                inside = real == point or real.startswith(point.rstrip("/") + "/")
                if inside and len(point) >= longest:  # (the last of two at one place is the one seen)
                    found, longest = after.split()[0], len(point)
    except OSError:
        pass
    return found


def unheard(folders: Iterable[Path]) -> tuple[Path, str] | None:
    """The first of `folders` on a file system whose changes may make no event here, as `ContentEvents` judges (one not
    in `LOCAL_FILE_SYSTEMS`), and that file system's type; None where they are all local, or the type is not known (not
    Linux: the system's own watcher is trusted there). For `ssg serve` and `ssg build --watch`, which then poll."""
    for folder in folders:
        kind = file_system(str(folder))
        if kind and kind not in LOCAL_FILE_SYSTEMS:
            return folder, kind
    return None


def can_hear() -> bool:
    """Whether this system tells file events this way (Linux, with inotify_simple installed: it imports elsewhere too,
    and fails only once used)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import inotify_simple  # noqa: F401
    except (ImportError, OSError, AttributeError):  # (no inotify in the C library: not Linux)
        return False
    return True
