"""Safe output: stage every changed file, then move them into place only when the build succeeded.

The output folder carries a manifest (`.ssg-manifest.json`) of every file ssg wrote there, with
its hash and the fingerprint of what produced it. It is how the build
- writes a file only when its bytes changed (unchanged files keep their mtime, for rsync),
- deletes only files it wrote itself (stale pages of deleted articles), never anything else,
- refuses a folder that holds files it did not create, unless told `--force`, and even then never
  writes over one of them nor lists it as its own: a build that would fails before moving anything in.
Changed files go to a staging folder beside the output first (inside it, for a folder on a file system
of its own or one whose parent may not be written: `working_path`); a failed build removes the staging folder and leaves the output exactly
as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import hashlib
import json
import os
import posixpath
import re
import shutil
import signal
import sys
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from json.encoder import encode_basestring as _json_string  # (json's own, in C: what json.dumps writes a string as)
from operator import attrgetter, eq, itemgetter, ne
from pathlib import Path
from stat import S_IMODE, S_ISDIR, S_ISREG
from typing import NamedTuple

from .code import current_umask
from .conflicts import conflict_message
from .errors import OutputError, Problem, unreadable
from .locks import hold_lock, release_lock
from .resources import NO_INODES, Lack, lacking, no_inodes, too_many_files_fix
from .yamlload import line_of

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".ssg-manifest.json"
# Files set aside that a long-lived builder keeps, for its next builds to write over (`Spares`): about as many as
# the largest saves change at 10,000 articles (a new article: 1,200 files).
SPARES_KEPT = 2000
# ... and of at most as many bytes in all: a replaced file of the size of the site's pages is kept, not a video's.
SPARES_BYTES = 128 * 1024 * 1024
OWN_PREFIX = ".ssg-"  # how the names of ssg's own files at the top of an output folder start (the manifest, `working_path`)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def check_output_dir(
    output: Path,
    root: Path,
    protected: list[Path],
    force: bool,
    cache: Path | None = None,
    origin: tuple[str, str | None] = ("site.yaml", "output_dir"),
    preview: Path | None = None,
) -> None:
    """Refuse an output folder where building could destroy the user's files, or ssg's own.

    A folder inside the cache is allowed (`cache_dir: _build`, `output_dir: _build/html`), but not the cache itself, nor
    the preview's folder there (`preview`, given to builds other than the preview's own): `-o .ssg-cache/serve` built over the
    running preview, its pages without the reload script, its drafts gone. Nor one that holds the cache or a source
    folder (`--force` then published the project's Markdown, drafts and all, and the cache). `origin` names where the
    folder was given (`Config.origin`): site.yaml's key, or the -o flag.
    """
    output, root = output.resolve(), root.resolve()
    given_in, key = origin

    def refused(message: str) -> OutputError:  # (site.yaml's line, as its other problems have: read only then, not every build)
        return OutputError(Problem(given_in, line_of(root / given_in, key) if key else None, key, message))

    taken = [*protected, *([cache] if cache is not None else [])]

    def public() -> str:  # (the folder to suggest: made only where one is refused, not on every build)
        return own_folder(OUTPUT_NAMES, root, taken, output)

    if cache is not None and output == cache.resolve():
        raise refused(f"{output} is the build cache; use a folder of its own, e.g. {public()}")
    serve = preview.resolve() if preview is not None else None
    if serve is not None and (output == serve or serve in output.parents):
        message = f"{output} is the preview's folder in the build cache, which ssg serve builds into"
        raise refused(f"{message}; use a folder of its own, e.g. {public()}")
    if output == root or output in root.parents:
        raise refused(f"{output} is the project folder or above it; use a folder of its own, e.g. {public()}")
    for folder in protected:
        folder = folder.resolve()
        if output == folder or folder in output.parents:
            raise refused(f"{output} is inside {folder.name}/, which holds your sources; use a folder of its own, e.g. {public()}")
    for folder in taken:
        folder = folder.resolve()
        if output in folder.parents:  # (content_dir: site/content with output_dir: site; cache_dir: public/cache)
            shown = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
            if cache is not None and folder == cache.resolve():
                what = f"{shown}/, the build cache, which a build there would publish with the site; set cache_dir outside it (default: .ssg-cache)"
            else:
                what = f"{shown}/, which holds your sources: a build there would publish them; use a folder beside it, e.g. {public()}"
            raise refused(f"{output} holds {what}")
    if output.is_dir() and not (output / MANIFEST).is_file() and not force and (others := _others(output)):
        shown = some_of(others)
        # (A checkout of the published branch, `git worktree add public gh-pages`: emptied, it lost its .git.)
        fix = (
            "a git checkout: pass --force to build there and leave those files alone (not empty it: its .git would go), "
            "or build elsewhere (-o DIR)"
            if ".git/" in others or ".git" in others
            else "build elsewhere (-o DIR), empty it, or pass --force to build there and leave those files alone"
        )
        raise OutputError(Problem(str(output), None, None, f"holds files ssg did not create ({shown}); {fix}"))


OUTPUT_NAMES = ("public", "site", "_site")  # (Hugo's, Pelican's and Jekyll's output folders)


def own_folder(names: Sequence[str], root: Path, taken: Iterable[Path], refused: Path | None = None) -> str:
    """The first of `names` (a folder's default name first) that neither is, holds nor is inside one of the folders
    `taken` (the sources, the cache), nor is the folder `refused`, to suggest where a folder setting names one of those:
    `content_dir: public` with `-o public` was told to use a folder of its own, "e.g. public"."""
    busy = [folder.resolve() for folder in taken]

    def free(name: str) -> bool:
        folder = (root / name).resolve()
        return folder != refused and not any(folder == b or b in folder.parents or folder in b.parents for b in busy)

    return next((name for name in names if free(name)), names[-1])


def some_of(names: list[str], most: int = 5) -> str:
    """The first `most` of `names`, and how many more: what a message of a folder's foreign files names (the output's,
    the cache's), for the user to judge them without a listing of hundreds."""
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _others(folder: Path) -> list[str]:
    """What `folder` holds that ssg did not put there, sorted (folders with a /), for the message to name: the folder
    alone was named, and the user was to guess which of the files in it (a .git of a gh-pages worktree, a CNAME) was
    meant. Not: its own files (names starting with `.ssg-`: a build's working files in a folder it stages inside
    (`stages_inside`), which one killed before its manifest was written leaves); nor the `lost+found` of a disk mounted there, which
    every ext4 disk has at its root (a folder ssg never touches)."""
    names = sorted(name + ("/" if (folder / name).is_dir() else "") for name in os.listdir(folder) if not name.startswith(OWN_PREFIX))
    return [] if names == ["lost+found/"] and on_its_own_device(folder) else names


def check_manifest(output: Path) -> None:
    """Refuse an output folder whose manifest is there but unreadable (a merge conflict in an output kept in git, an
    edit by hand): every file of the folder would count as the user's, and each be refused alone, the cause unsaid."""
    if os.path.lexists(output / MANIFEST):
        message = (
            "is damaged (it is not the list of files ssg wrote here), so ssg cannot tell its files from yours: if every "
            "file in this folder is ssg's, delete the folder and build again; else build elsewhere (-o DIR)"
        )
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if (conflict := conflict_message((output / MANIFEST).read_text(encoding="utf-8"))) is not None:
                message = (
                    f"has git's merge-conflict markers (line {conflict[0]}): a pull merged two builds of this output folder, "
                    "kept in git; if every file in it is ssg's, delete the folder and build again (then git add it): the build "
                    "writes the merged site"
                )
        raise OutputError(Problem(str(output / MANIFEST), None, None, message))


_NO_ENTRY = ("", "")  # (a file the last build did not make, to `Output.unchanged_many`: no fingerprint is empty)


@dataclass(frozen=True)
class Staged:
    """One output file of this build: its hash, and whether new bytes wait in the staging folder."""

    path: str
    digest: str
    fingerprint: str
    changed: bool


class Output:
    """Collects the files of one build and applies them to the output folder at the end.

    `stage` only reads the old manifest and writes into the staging folder, so worker processes
    can call it; `record` (main process only) adds its result to the build's manifest.
    """

    def __init__(self, folder: Path, previous: Manifest | None = None, own: bool = False, private: bool = False, defer: bool = False):
        """`previous`: the manifest the last build left, when the caller kept it (else it is read).

        `own`: the files `previous` lists are there as that build left them, when it is still current:
        the folder is ssg's alone (the preview's, inside the cache), or the caller wrote `previous`
        itself and keeps watching (`build --watch`). Kept files are then not looked for one by one
        (16,000 stats on every save at 10,000 articles). A page deleted from it by hand is looked for
        while the author pauses (`Builder.output_gone`), and the build after that is not `own`.

        `private`: the folder is ssg's alone (the preview's, inside the cache): every file in it is
        ssg's, even one its manifest lost, so `commit` does not look for the user's files there.

        `defer`: the files this build replaces or deletes are set aside (in `working_path`'s trash folder, on the
        output's file system: by a second name, not a copy) rather than freed as the commit ends, for a long-lived
        builder to remove when the author pauses (`empty_trash`): freeing a file's blocks took 0.13 ms of each
        replace on our box, 0.12 s of a save that moves an article's date (950 files), and renaming the old file
        aside 0.01 ms. The files earlier builds set aside are this one's to write over (`Spares`). Without it, they are
        set aside in the staging folder, removed with it (either way, a commit that fails puts them back: `_roll_back`);
        and what an earlier builder set aside (a preview stopped before it paused) is removed first.

        Raises `OutputError` when the output folder cannot be made (see `_make_staging`).
        """
        self.folder = folder
        self._inside = stages_inside(folder)  # (its working files are kept inside it: `working_path`)
        # Into a folder that is there, files are moved in one by one: they are staged side by side, each named by its
        # path's hash (`_flat_name`), not in a tree of folders like the output's. Pages have a folder each, and making
        # one then removing it took 0.3 and 1.5 ms on our box: 1.5 s of a save that adds an article (900 pages).
        # A first build stages the tree, which then becomes the folder in one rename (`commit`).
        self._flat = folder.is_dir()
        self.staging = working_path(folder, "staging", self._inside)
        self._moving = working_path(folder, "moving.json", self._inside)
        self._lock_path = working_path(folder, "lock", self._inside)
        self._lock: int | None = None
        # A long-lived builder's (`defer`) staging folder is left there, empty, for its next build: removing a folder
        # a save had moved a thousand files out of took 20-30 ms of it on our box (ext4, online discard), making it
        # again as much. `remove_staging` removes it once the builder is done.
        self._keep_staging = defer
        self._prefix = os.path.join(folder, "")  # asked of every page: cheaper than os.path.join each time
        self._made = self._make_staging()  # (and takes the lock: the manifest is read below, when no other build writes it)
        current = previous is not None and previous.still_current(folder)
        found = previous if current else read_manifest(folder)
        self.old = found.files
        # The umask the files it lists were made under (None: unknown, a manifest of an older ssg's), and this build's:
        # where they differ, the files kept take this build's modes (`_set_modes`).
        self._umask_before, self._umask = found.umask, current_umask()
        stopped = _moving(self._moving, self.old, self._prefix)
        self.resumed = len(stopped)  # (the build says so: the output held files of two builds until it)
        # Those the manifest does not list are listed again as this build moves its files in (`commit`), made or not: one
        # stopped as well then leaves them to the next, which would take one it no longer makes for the user's.
        self._stopped_new = {path: digests for path, digests in stopped.items() if path not in self.old}
        self._stopped = stopped
        self._left_stopped = False  # (a commit that failed put back the files of a stopped build, and kept its list)
        if stopped:  # a build stopped while moving these in: each holds its bytes or the last build's, so none counts as made
            self.old = self.old | dict.fromkeys(stopped, ["", ""])
        # (Not after a stopped commit: it may have removed files the manifest, still current, lists as kept.)
        self._trusted = own and current and not stopped
        self._text = previous.text if previous is not None else None  # the manifest's text as last written, entry by entry
        self.new: dict[str, list[str]] = {}  # path -> [hash, fingerprint]
        self.changed: list[str] = []
        self._staged_prefix = os.path.join(self.staging, "")
        self._private = private
        self._moving_in = False  # files are being moved into the output folder (`commit`)
        trash = working_path(folder, "trash", self._inside)
        self._trash = str(trash) if defer else None
        self._trash_ready: bool | None = None  # the trash folder is ssg's, made or found (asked when first needed)
        self._set_aside = 0  # files set aside in the trash folder by this build
        self._aside_prefix = f"{time.time_ns():x}-"  # (names unlike those of builds before, whose files may be there still)
        if not defer:
            _empty_trash(trash)
        self._spares = Spares(trash) if defer and self._flat else None
        # Files staged where they were set aside (`Spares.take`): path -> where. Moved in, each takes the place of the
        # file it replaces at once, which takes the other's place in the trash folder (`_swapped`).
        self._in_place: dict[str, str] = {}
        self._swaps = True  # (renameat2's exchange works here: until it is refused)
        # What `commit` did to the output folder, in order, for `_roll_back`: (path, where the last build's file is
        # kept), the second None for a file new in the output, _LOST for one not kept, _MADE_FOLDER for a folder made.
        self._journal: list[tuple[str, str | None]] = []
        self._room_made = False  # (`_made_room`)

    def _make_staging(self) -> list[Path]:
        """Make the staging folder now, and the output folder's missing parents with it, having taken the folder's lock;
        returns what was made.

        An output folder that cannot be made (a file in its path, no permission) then stops the build
        before any page is rendered, with a message instead of a traceback halfway through, and leaves
        nothing behind. So does another build writing the same folder (`_take_lock`).
        """
        if os.path.lexists(self.folder) and not self.folder.is_dir():
            raise _cannot_create(self.folder, "a file of that name is there")
        missing = []
        existing = self.staging.parent
        while not os.path.lexists(existing):
            missing.append(existing)
            existing = existing.parent
        made: list[Path] = []
        try:
            for folder in reversed(missing):
                folder.mkdir()
                made.append(folder)
            self._lock = _take_lock(self.folder, self._lock_path)
            if not (self._keep_staging and _empty_folder(self.staging)):  # (the last build's, left for this one)
                shutil.rmtree(self.staging, ignore_errors=True)  # a stopped build's
                self.staging.mkdir()
            made.append(self.staging)
        except BaseException as error:
            self._lock = release_lock(self._lock_path, self._lock)
            _remove_empty_folders(made)
            if not isinstance(error, OSError):
                raise
            if isinstance(error, NotADirectoryError) or not existing.is_dir():
                raise _cannot_create(self.folder, f"{existing} is not a folder") from None
            if self.folder.is_dir() and error.errno == errno.EROFS:  # (a mount's: no chmod helps, and it is there)
                message = (
                    "this build cannot write in this folder, which is on a read-only file system (a mount): mount it "
                    "read-write, or build elsewhere (-o DIR) (nothing was changed in the output folder)"
                )
                raise OutputError(Problem(str(self.folder), None, None, message)) from None
            if self.folder.is_dir() and isinstance(error, PermissionError):  # (there: "cannot create" it was untrue)
                what = "this build cannot write in this folder, nor beside it (where it would stage the build)"
                raise OutputError(_cannot_write(str(self.folder), what)) from None
            where = Path(error.filename).parent if error.filename else existing
            raise _cannot_create(self.folder, f"{(error.strerror or str(error)).lower()} in {where}") from None
        return made

    def unchanged(self, path: str, fingerprint: str) -> bool:
        """True when `path` was made from the same inputs last time and is still there: keep it."""
        previous = self.old.get(path)
        if previous and previous[1] == fingerprint and (self._trusted or os.path.isfile(self._prefix + path)):
            self.new[path] = previous
            return True
        return False

    def unchanged_many(self, paths: Sequence[str], fingerprints: Sequence[str]) -> list[bool]:
        """`unchanged` of each of `paths` with its fingerprint, in order: in C where the kept files are trusted to be
        there (`own`), as a long-lived builder's plan asks it of all 16,500 pages on every save (8-10 ms a call each).
        Elsewhere (every `ssg build`) the fingerprints are compared in C too, and only a file whose fingerprint is the
        same is looked for, where `unchanged` was called for each page."""
        previous = list(map(self.old.get, paths, repeat(_NO_ENTRY)))
        same = list(map(eq, map(itemgetter(1), previous), fingerprints))
        if not self._trusted:
            isfile, prefix = os.path.isfile, self._prefix
            for n in compress(range(len(same)), same):
                same[n] = isfile(prefix + paths[n])
        self.new.update(compress(zip(paths, previous, strict=True), same))
        return same

    def unchanged_group(self, fingerprint: str) -> list[str] | None:
        """The files the last build made from one set of inputs (a sitemap in parts), kept when all are still there."""
        # (In C: a build asks once, of all 20,000 entries at 10,000 articles.)
        paths = list(compress(self.old, map(eq, map(itemgetter(1), self.old.values()), repeat(fingerprint))))
        if not paths or not (self._trusted or all(os.path.isfile(os.path.join(self.folder, path)) for path in paths)):
            return None
        for path in paths:
            self.new[path] = self.old[path]
        return paths

    def stage(self, path: str, data: bytes, fingerprint: str = "") -> Staged:
        """Stage `data` for `path` unless the output already has exactly these bytes."""
        digest = content_hash(data)
        previous = self.old.get(path)
        if previous and previous[0] == digest and (self.folder / path).is_file():
            return Staged(path, digest, fingerprint, False)
        staged = self._staged(path)
        try:
            try:
                written = self._write(staged, data)
            except OSError as error:
                if error.errno not in (errno.ENOSPC, errno.EDQUOT) or not self._made_room():
                    raise
                written = self._write(staged, data)
        except OSError as error:  # named by the file it was to be (a full disk's error names none; a staged file's, a hash)
            if error.filename in (None, staged):
                error.filename = self._prefix + path
            raise
        if written != staged:
            self._in_place[path] = written
        return Staged(path, digest, fingerprint, True)

    def _write(self, staged: str, data: bytes) -> str:
        """Write `data` at `staged`: over a file set aside (`Spares`), or in a file made. Returns where: `staged`, or
        the file set aside where it is (`Spares.take`)."""
        reused = self._spares.take(len(data), staged) if self._spares is not None else None
        if reused is None:
            _write_new(staged, data)
            return staged
        handle, size, where = reused
        try:
            _write_all(handle, data)
            if size > len(data):  # (it was another file, longer)
                os.ftruncate(handle, len(data))
        finally:
            os.close(handle)
        return where

    @contextlib.contextmanager
    def sharing(self) -> Iterator[None]:
        """While forked render helpers stage files too: a file set aside is then claimed by moving it (`Spares.take`)."""
        if self._spares is None:
            yield
            return
        self._spares.alone = False
        try:
            yield
        finally:
            self._spares.alone = True

    def _made_room(self) -> bool:
        """Remove the files earlier builds set aside (`defer`), once, as this build runs out of room; whether it did (the
        write is then tried again). A long-lived builder keeps some (`SPARES_KEPT`) as long as it runs, to write over; on a disk they
        filled, a file larger than any failed to be made, in this save and every one after it, until the preview
        stopped, while the message said to make room."""
        if self._trash is None or self._room_made:
            return False
        self._room_made = True
        if self._spares is not None:
            self._spares.by_blocks = {}  # (files are made from now on)
        _empty_trash(Path(self._trash), staged=set(self._in_place.values()))  # (not those staged there)
        return True

    def _staged(self, path: str) -> str:
        """Where `path` is staged: by its hash in the staging folder (`_flat`), else at its path there."""
        return self._staged_prefix + (_flat_name(path) if self._flat else path)

    def record(self, staged: Staged) -> None:
        if staged.path in self.new:
            raise OutputError(Problem(staged.path, None, None, "written twice in one build (two things map to the same output file)"))
        self.new[staged.path] = [staged.digest, staged.fingerprint]
        if staged.changed:
            self.changed.append(staged.path)

    def write(self, path: str, data: bytes, fingerprint: str = "") -> None:
        self.record(self.stage(path, data, fingerprint))

    def copy(self, path: str, source: Path, digest: str | None = None) -> str:
        """Copy `source` to `path`; returns its hash. A caller that knows the hash (`digest`) spares reading a file
        the output already has."""
        previous = self.old.get(path)
        if digest is not None and previous and previous[0] == digest and os.path.isfile(os.path.join(self.folder, path)):
            self.new[path] = [digest, "file"]
            return digest
        staged = self.stage(path, source.read_bytes(), "file")
        self.record(staged)
        return staged.digest

    def commit(self) -> list[str]:
        """`_commit`, which a Ctrl-C or `kill` does not stop halfway (`_signals_held`): one that comes meanwhile stops
        the build once its files are all moved in. Stopped halfway, the output folder held files of two builds until
        the next build made them again (`_moving`), which a deploy copying it meanwhile would have published."""
        with _signals_held():
            return self._commit()

    def _commit(self) -> list[str]:
        """Move staged files into place, delete files of the last build that are gone; returns deleted.

        Staged files sit at their paths in a tree of their own. Where the output folder is not there
        yet, that tree becomes it: one rename instead of one per file and folder, which at 10,000
        articles was most of a first build's commit (16,000 folders made one by one). A folder that
        exists, even empty, is the user's: files are moved into it.

        Raises `OutputError`, having moved nothing, when a file ssg did not write is where one of this
        build's files goes (`foreign`), one is named as ssg's own are (`_on_own_names`), or a folder it changes is
        read-only (`_unwritable`). A file that fails to move in or to be removed all the same (a file made immutable,
        one of another user's in a shared folder, a disk failing) has what was moved in taken out again, and the last
        build's files put back (`_roll_back`): a failed build leaves the output folder as the last one left it.
        """
        deleted = sorted(self.old.keys() - self.new.keys())
        foreign = self.foreign() + self._on_own_names() + self._unwritable(deleted)
        if foreign:
            self.abort()
            raise OutputError(foreign)
        # A file is listed before it is moved in: a build stopped halfway (Ctrl-C, a crash) leaves no file of its own
        # that the next build would take for the user's (and refuse to replace).
        moved = False
        if self.changed and not self._inside and not self._flat and self._claimed():
            # (The whole tree arrives with its manifest.)
            self._text = _write_manifest(self.staging, self.new, self._text, _about(self._umask))
            moved = self._moved_whole()
        if not moved:
            # Each file is listed as being moved (`_moving`), a new one as a changed one: the next build takes them for
            # its own and makes them again whatever their inputs are then (an edit undone after a stop would leave its
            # bytes in); the manifest keeps the last build's entries until all are in. (A new file was written into the
            # manifest first, which then was written twice: 2.5 MB at 10,000 articles, 10-15 ms of a moved date's save.)
            # The list gives what each new file holds: one found holding anything else is the user's (`_moving`).
            # (And each file of a stopped build this one removes: put back if this one fails, it holds that build's bytes.)
            listed = self.changed + [path for path in self._stopped if path not in self.new]
            _write_json(self._moving, {"files": listed, "new": self._new_digests()})
            self._moving_in = True
            added = {path: self.new[path] for path in self.changed if path not in self.old}
            first_manifest = added and not os.path.isfile(self._prefix + MANIFEST)
            if first_manifest:  # (a folder without one holds the user's files: `check_manifest`)
                self._text = _write_manifest(self.folder, self.old | added, self._text, _about(self._umask_before))
            try:
                self._move_staged()
                self._remove(deleted)
                if self.sets_modes:
                    self._set_modes()
                # (In here: a manifest that fails to be written, a disk full, has the files moved in taken out again.)
                if self.new != self.old or self.sets_modes or not (self.folder / MANIFEST).is_file():
                    self._text = _write_manifest(self.folder, self.new, self._text, _about(self._umask))
            except Exception:
                if self._roll_back():
                    self._moving_in = False
                    if self.resumed:  # (as a stopped build left it: the list, which holds its files, stays for the next)
                        self._left_stopped = True
                    else:
                        self._moving.unlink(missing_ok=True)
                    if first_manifest:
                        (self.folder / MANIFEST).unlink(missing_ok=True)
                    if not self._flat:  # (the folder was made by this build, which leaves it as it found it: not there)
                        with contextlib.suppress(OSError):
                            self.folder.rmdir()
                raise
        else:
            self._remove(deleted)
        self._moving.unlink(missing_ok=True)
        if not (self._keep_staging and _empty_folder(self.staging)):  # (every staged file moved in: empty)
            shutil.rmtree(self.staging, ignore_errors=True)
        self._lock = release_lock(self._lock_path, self._lock)
        return deleted

    @property
    def sets_modes(self) -> bool:
        """Whether the commit gives the files it keeps this build's umask's modes (`_set_modes`: where the last build's
        was another), and the manifest says the new umask (where the last's was another, or is not known)."""
        return self._umask_before != self._umask

    def _set_modes(self) -> None:
        """Give the files and folders of the output the modes this build's umask gives new ones, where they have those
        the last build's umask gave (another mode is the user's choice, `chmod 600` of a page: kept). Files kept keep
        their modes, and a build under another umask (a cron job's 027, a shell's 022) left pages some readable to the
        web server and some not, a 403 for each of the second, until the folder was deleted. Asked only where the
        umask changed. Where the manifest (an older ssg's) does not say it, nothing is changed: which modes a umask
        gave and which the user chose (`chmod -R o-rwx`) is not known, and guessed by the modes most files had, a
        build that rewrote most pages took its own for the old. Nothing reached through a link to a folder is touched
        (it is the user's), nor the output folder where it is a link; a folder's setgid bit (a shared web root's) is
        kept."""
        before = self._umask_before
        if before is None:
            return
        new_file, new_folder = 0o666 & ~self._umask, 0o777 & ~self._umask
        linked: dict[str, bool] = {"": os.path.islink(self.folder)}

        def through_link(folder: str) -> bool:
            if folder not in linked:
                linked[folder] = through_link(posixpath.dirname(folder)) or os.path.islink(self._prefix + folder)
            return linked[folder]

        files: dict[str, int] = {}
        folders: dict[str, int] = {}
        for path in self.new:
            if through_link(posixpath.dirname(path)):
                continue
            with contextlib.suppress(OSError):  # (gone meanwhile: nothing to set)
                if S_ISREG(mode := os.lstat(self._prefix + path).st_mode):
                    files[self._prefix + path] = S_IMODE(mode)
            for folder in (*_folders_of(path), *([""] if not linked[""] else [])):
                if folder not in folders:
                    with contextlib.suppress(OSError):
                        if S_ISDIR(mode := os.lstat(self._prefix + folder).st_mode):
                            folders[folder] = S_IMODE(mode)
        old_file, old_folder = 0o666 & ~before, 0o777 & ~before
        for target, mode in files.items():
            if mode == old_file != new_file:
                with contextlib.suppress(OSError):  # (another user's, in a shared folder: left as it is)
                    os.chmod(target, new_file)
        for folder, mode in folders.items():
            if mode & 0o777 == old_folder != new_folder:
                with contextlib.suppress(OSError):
                    os.chmod(self._prefix + folder, mode & ~0o777 | new_folder)

    def _new_digests(self) -> dict[str, list[str]]:
        """What each file the manifest does not list, on the list of files being moved in, may hold once this build is
        stopped: the bytes it moves in, or those a stopped build before it did (`_moving`)."""
        digests = {path: [self.new[path][0]] for path in self.changed if path not in self.old}
        for path, before in self._stopped_new.items():
            digests[path] = [*before, self.new[path][0]] if path in self.new else before
        return digests

    def failure(self, error: OSError, inodes: bool | None = None) -> Problem:
        """What an error of the system while this build wrote means, on the file it names (where it was to go, not
        where it was staged), and what state the output folder is in. `inodes`: whether a full disk had room but no
        inode left (`resources.no_inodes`), as looked at before the build's staged files were removed, which frees
        them; None: looked at now."""
        name = str(error.filename or self.folder)
        if (path := next((path for path, where in self._in_place.items() if where == name), None)) is not None:
            name = self._prefix + path
        elif name.startswith(self._staged_prefix):
            staged = name[len(self._staged_prefix) :]
            if self._flat:
                staged = next((path for path in self.changed if _flat_name(path) == staged), staged)
            name = self._prefix + staged
        elif isinstance(error, PermissionError) and not name.startswith(self._prefix) and name != str(self.folder):
            return unreadable(name, name)  # (a file copied in: it told to make the source writable, or build elsewhere)
        what, lack = (error.strerror or str(error)).lower(), lacking(error)
        if error.errno == errno.ENOSPC and (no_inodes(name) if inodes is None else inodes):
            what, fix = NO_INODES, "delete files on that disk, or build elsewhere (-o DIR)"
        elif lack is Lack.DISK:
            fix = "make room on that disk, or build elsewhere (-o DIR)"
        elif lack in (Lack.FILES, Lack.SYSTEM_FILES):
            fix = too_many_files_fix(machine=lack is Lack.SYSTEM_FILES)
        elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            fix = "make it writable, or build elsewhere (-o DIR)"
        elif error.errno == errno.EXDEV:  # (none known is left: `working_path`, and `_move_in` copies)
            fix = f"it is on another file system or mount than {self.staging}, where ssg stages the build; build elsewhere (-o DIR)"
        else:
            fix = "build elsewhere (-o DIR) if it persists"
        return Problem(name, None, None, f"{what}: {fix} ({self.state()})")

    def state(self) -> str:
        """What state a build that failed now leaves the output folder in."""
        if self._moving_in:
            return "the output folder holds part of this build; the next build that succeeds makes the rest"
        if self._left_stopped:
            return "the output folder is as the last build, stopped while moving files in, left it; the next build that succeeds makes the rest"
        return untouched_state(self.folder)

    def foreign(self) -> list[Problem]:
        """The user's files (not in the last manifest) where this build would write: one problem each.

        Written over, they would be lost, and listed in the manifest, a later build would delete them.
        Only paths the last manifest does not list are looked for (after an edit a few; never a page
        it lists, kept or rewritten), and none when the folder is not there or is ssg's alone.
        """
        if self._private or not os.path.isdir(self.folder):
            return []
        problems: dict[str, Problem] = self._through_links()
        for path in sorted(path for path in self.changed if path not in self.old):  # sorted: the same message every time
            try:
                mode = os.lstat(self._prefix + path).st_mode
            except FileNotFoundError:
                continue
            except NotADirectoryError:
                above = self._file_above(path)
                if above and above not in self.old and above not in problems:
                    problems[above] = self._in_the_way(above, path)
                continue
            if S_ISDIR(mode) and self._only_ours(path):
                continue  # the last build's folder where a file goes now: `_move_staged` replaces it
            problems[path] = _not_ours(self._prefix + path, f"writes /{path} here", "folder" if S_ISDIR(mode) else "file")
        return list(problems.values())

    def _through_links(self) -> dict[str, Problem]:
        """The links to folders in the output folder that this build would write through, each with a problem: a
        folder of the last build replaced by a link to one of the user's (public/sources -> ~/mysources) had its pages
        written over theirs, their own index.html included, as deleting leaves such a folder alone
        (`_reached_directly`). Each folder of the changed files is looked at once, its parents before it."""
        linked: dict[str, str | None] = {"": None}  # folder -> the link it is reached through, if any

        def link_of(folder: str) -> str | None:
            if folder not in linked:
                parent = posixpath.dirname(folder)
                linked[folder] = link_of(parent) or (folder if os.path.islink(self._prefix + folder) else None)
            return linked[folder]

        problems: dict[str, Problem] = {}
        for path in sorted(self.changed):
            if (link := link_of(posixpath.dirname(path))) is not None and link not in problems:
                message = (
                    f"is a link to {os.path.realpath(self._prefix + link)}, and this build writes /{path} through it, "
                    "into that folder: ssg writes through no link, never to write outside the output folder; remove the "
                    "link (what it leads to stays as it is), or build elsewhere (-o DIR)"
                )
                problems[link] = Problem(self._prefix + link, None, None, message)
        return problems

    def _unwritable(self, deleted: list[str]) -> list[Problem]:
        """The output's folders where this build moves in or removes a file but may not (a folder made read-only by
        hand, one of another user's): found before anything is moved, the output stays as the last build left it. The
        first such file stopped the build halfway through, leaving the pages of two builds. (One `access` a folder: a
        cold build at 10,000 articles changes 16,000 of them, about 50 ms on our box.) A folder refused for the cause
        one above it is (the same owner: a tree `chown -R`'d to another user, or `chmod -R a-w`'d) is told with it, not
        on a line of its own: one such tree was eleven lines of the same advice."""
        if not os.path.isdir(self.folder):
            return []  # (made whole, beside its staging folder: `_make_staging` could write there)
        changed = set(map(posixpath.dirname, self.changed)) | set(map(posixpath.dirname, deleted))
        if changed:  # (and the manifest at the top, which lists them: a read-only top failed there, after the files)
            changed.add("")
        refused: dict[str, int | None] = {}  # folder -> its owner
        for folder in sorted(changed):
            existing = os.path.join(self.folder, folder) if folder else str(self.folder)
            if os.access(existing, os.W_OK | os.X_OK):
                continue  # (the usual case, in one call; a folder still to be made: the nearest one there decides)
            while not os.path.lexists(existing):
                existing = os.path.dirname(existing)
            if existing not in refused and os.path.isdir(existing) and not os.access(existing, os.W_OK | os.X_OK):
                refused[existing] = _owner(existing)
        under: dict[str, int] = {}  # each folder told -> how many refused below it share its cause
        for folder in sorted(refused):
            top = next((told for told in under if folder.startswith(told + os.sep) and refused[told] == refused[folder]), None)
            if top is None:
                under[folder] = 0
            else:
                under[top] += 1
        what = "this build changes files in this folder"
        return [_cannot_write(folder, what, count) for folder, count in under.items()]

    def _on_own_names(self) -> list[Problem]:
        """This build's files named as ssg's own at the top of the output folder (`OWN_PREFIX`): moved in, one would be
        the manifest or a working folder (`working_path`) and be lost, or take ssg's folder for the site's."""
        return [
            Problem(
                self._prefix + path,
                None,
                None,
                f"names starting with {OWN_PREFIX} at the top of the output folder are ssg's own: rename what makes this file (in static/ or content/)",
            )
            for path in sorted(path for path in self.changed if path.startswith(OWN_PREFIX))
        ]

    def _reached_directly(self, path: str) -> bool:
        """`path` is reached through the output's own folders, none of them a link to a folder elsewhere."""
        parts = path.split("/")
        return not any(os.path.islink(self._prefix + "/".join(parts[:n])) for n in range(1, len(parts)))

    def _only_ours(self, folder: str) -> bool:
        """Everything under `folder` (of the output) is a file the last build wrote."""
        for parent, folders, files in os.walk(self._prefix + folder):
            if any(os.path.islink(os.path.join(parent, name)) for name in folders):
                return False  # a link to a folder of the user's: never removed with the rest
            for name in files:
                if os.path.relpath(os.path.join(parent, name), self.folder).replace(os.sep, "/") not in self.old:
                    return False
        return True

    def _file_above(self, path: str) -> str | None:
        """The file (of the output) that stands where `path` needs a folder, if one does."""
        parts = path.split("/")
        for n in range(1, len(parts)):
            above = "/".join(parts[:n])
            if os.path.lexists(self._prefix + above) and not os.path.isdir(self._prefix + above):
                return above
        return None

    def _claimed(self) -> bool:
        """Make the output folder, unless it is there already: a folder made here is ours to replace."""
        try:
            self.folder.mkdir()
        except FileExistsError:
            return False
        return True

    def _moved_whole(self) -> bool:
        """The staged tree renamed onto the (still empty) folder just made, beside it; False if that failed (a disk
        mounted on it meanwhile: never renamed onto)."""
        try:
            os.replace(self.staging, self.folder)
        except OSError:
            return False  # something appeared in it meanwhile: move the files in one by one
        return True

    def _move_staged(self) -> None:
        """Move each staged file in. What the last build left in the way (its file where a folder goes now, its
        folder where a file goes) is removed first; `foreign` made sure it is ssg's. Each step is noted in
        `_journal`, and each file replaced is kept until the build ends, by a second name (`_put_aside`; or where the
        staged file was, `_swapped`), for `_roll_back` to put back."""
        self.folder.mkdir(parents=True, exist_ok=True)
        made: set[str] = set()
        for path in self.changed:
            target = self._prefix + path
            parent = os.path.dirname(target)
            if parent not in made:
                try:
                    self._make_folder(parent)
                except (FileExistsError, NotADirectoryError):
                    self._remove_file_above(path)
                    self._make_folder(parent)
                made.add(parent)
            staged = self._in_place.get(path)
            if staged is not None and path in self.old and self._swapped(staged, target):
                self._journal.append((target, staged))
                continue
            staged = staged or self._staged(path)
            aside = self._put_aside(target, link=True) if path in self.old else None
            if aside is None and path in self.old and os.path.lexists(target):
                aside = _LOST  # (not kept: a file system without links; one deleted by hand has nothing to put back)
            try:
                _move_in(staged, target)
            except IsADirectoryError:
                if not (self._private or self._only_ours(path)):  # (a folder put where ssg's file was: the user's)
                    raise OutputError(_not_ours(target, f"writes /{path} here", "folder")) from None
                self._journal.append((target, self._folder_aside(target)))  # (the last build's folder: put back after
                _move_in(staged, target)  # the file moved in is taken out, the entry after this one)
                aside = None
            self._journal.append((target, aside))

    def _folder_aside(self, folder: str) -> str:
        """Move the last build's folder `folder` into the staging folder, where it stays until the build ends, and return
        where; where it cannot be moved (another file system), remove it: `_LOST`."""
        aside = os.path.join(self.staging, f"{OWN_PREFIX}aside-{self._set_aside}")
        try:
            os.rename(folder, aside)
        except OSError:
            shutil.rmtree(folder)
            return _LOST
        self._set_aside += 1
        return aside

    def _make_folder(self, folder: str) -> None:
        """Make `folder` and the folders missing on its way, noting each (`_roll_back` removes them again). (One stat
        of a folder that is there: what os.makedirs asks, with a mkdir first.)"""
        missing = []
        while not os.path.isdir(folder):
            missing.append(folder)
            folder = os.path.dirname(folder)
        for each in reversed(missing):
            os.mkdir(each)
            self._journal.append((each, _MADE_FOLDER))

    def _remove(self, deleted: list[str]) -> None:
        """Remove the last build's files this one does not make, each set aside where it can be (`_put_aside`)."""
        for path in deleted:
            if not self._reached_directly(path):
                continue  # through a link to a folder elsewhere: that folder is the user's, whatever the manifest says
            try:
                self._take_away(self._prefix + path)
            except FileNotFoundError:
                pass  # (removed by hand: its folder may be empty all the same)
            except (IsADirectoryError, NotADirectoryError):
                continue  # gone already: this build's folder (or file) took its place
            self._remove_empty_parents(self.folder / path)

    def _take_away(self, target: str) -> None:
        """Take the last build's file at `target` out of the output folder: set aside where it can be (`_put_aside`),
        else removed; noted for `_roll_back` either way."""
        aside = self._put_aside(target, link=False)
        if aside is None:
            os.unlink(target)
        self._journal.append((target, aside or _LOST))

    def _roll_back(self) -> bool:
        """Undo what `_move_staged` and `_remove` did, last first: each file moved in taken out, each the last build
        had there put back, each folder made for this build removed; whether all was as the last build left it (not
        where a file could not be kept: a file system without links, a folder where a file now goes)."""
        whole = True
        for target, before in reversed(self._journal):
            try:
                if before is _MADE_FOLDER:
                    os.rmdir(target)
                elif before is None:
                    os.unlink(target)
                elif before is _LOST:
                    whole = False
                else:
                    os.makedirs(os.path.dirname(target), exist_ok=True)  # (a removed file's folder went when it emptied)
                    os.replace(before, target)
            except OSError:
                whole = False
        self._journal.clear()
        return whole

    def _swapped(self, staged: str, target: str) -> bool:
        """Whether the file staged in the trash folder (where it was set aside: `Spares.take`) and the last build's file
        at `target` took each other's places, in one step (renameat2's RENAME_EXCHANGE, Linux): a reader of `target`
        sees one file or the other, and the one replaced is set aside, as `_put_aside` and a move in would leave them.
        Where `target` is no plain file (a folder, a link: those steps decide), or none can be swapped here: False,
        nothing done. A swap took 15-18 us on our box, where setting aside by a link and moving in took 45-50 (and
        moving the spare into the staging folder first 27): 70 ms of a moved date's save (950 files)."""
        if not self._swaps:
            return False
        try:
            if not S_ISREG(os.lstat(target).st_mode):
                return False
        except OSError:
            return False
        refused = _exchange(staged, target)
        if refused in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):  # (no such call, a file system without
            # it, or a sandbox that forbids it: each file is then moved in as before, without asking again)
            self._swaps = False
        return refused == 0

    def _put_aside(self, target: str, link: bool) -> str | None:
        """Keep the file at `target` by a second name (`link`: it is about to be replaced) or by moving it, and return
        where: in the trash folder (`defer`), for a long-lived builder to free when the author pauses; else in the
        staging folder, removed with it as the build ends. Kept, it can be put back (`_roll_back`). None where that
        cannot be (not a file, no trash folder of ssg's, a file system without links): it is freed now. Never raises."""
        # (A folder where a file goes is `_move_staged`'s to handle. No second name can be made for a folder (EPERM,
        # below): only a move asks first, which spares a stat of each file a save replaces, 950 after a moved date.)
        if not link and os.path.isdir(target) and not os.path.islink(target):
            return None
        if self._trash is None:
            aside = os.path.join(self.staging, f"{OWN_PREFIX}aside-{self._set_aside}")  # (no staged file is so named)
        else:
            if self._trash_ready is None:
                self._trash_ready = _made_trash(self._trash)
            if not self._trash_ready:
                return None
            aside = os.path.join(self._trash, f"{self._aside_prefix}{self._set_aside}")
        try:
            if link:
                os.link(target, aside, follow_symlinks=False)
            else:
                os.rename(target, aside)
        except OSError:
            return None
        self._set_aside += 1
        return aside

    def _in_the_way(self, above: str, path: str) -> Problem:
        return _not_ours(self._prefix + above, f"needs a folder here (for /{path})", "file")

    def _remove_file_above(self, path: str) -> None:
        """Remove the last build's file that stands where `path` needs a folder (set aside, as `_remove` does)."""
        above = self._file_above(path)
        if above is None:
            return
        if above not in self.old and not self._private:
            raise OutputError(self._in_the_way(above, path))
        self._take_away(self._prefix + above)

    def manifest(self) -> Manifest:
        """The manifest `commit` left, for the next build of a long-lived builder to start from."""
        return Manifest(self.new, _signature(self.folder / MANIFEST), self._text, self._umask)

    def abort(self) -> None:
        """Forget this build: remove the staging folder, and the output's parents made for it (nothing is left behind).
        A build out of memory may not remove it (`shutil.rmtree` lists each folder): the next build does
        (`_make_staging`), and the error told is the build's, not that."""
        try:
            shutil.rmtree(self.staging, ignore_errors=True)
        except MemoryError:
            pass
        finally:
            self._lock = release_lock(self._lock_path, self._lock)
        _remove_empty_folders(self._made[:-1])

    def _remove_empty_parents(self, path: Path) -> None:
        parent = path.parent
        while parent != self.folder and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


@dataclass(frozen=True)
class Manifest:
    """The files of the output folder as one build left them, and the manifest file's signature then."""

    files: dict[str, list[str]]  # path -> [hash, fingerprint]
    signature: tuple | None = None
    text: ManifestText | None = field(default=None, compare=False, repr=False)  # the last one written (for the next)
    umask: int | None = None  # the umask its files were made under (None: not known)

    def still_current(self, folder: Path) -> bool:
        """True when the manifest file is the one this was read from (no other build wrote the folder since)."""
        return self.signature is not None and self.signature == _signature(folder / MANIFEST)


def read_manifest(folder: Path) -> Manifest:
    """The manifest of an output folder; empty when there is none or it is damaged (then no file there counts as ssg's)."""
    signature = _signature(folder / MANIFEST)
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files, umask = data["files"], data.get("umask")
        if isinstance(files, dict) and all(type(v) is list and len(v) == 2 for v in files.values()):
            known = int(umask, 8) if isinstance(umask, str) and re.fullmatch(r"[0-7]{3,4}", umask) else None
            files = {path: entry for path, entry in files.items() if _below(path)}
            return Manifest(files, signature, umask=known)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return Manifest({}, None)


def _below(path: str) -> bool:
    """A path ssg could have written: a plain one below the output folder. A manifest edited by hand (or damaged) may
    name `../x` or `/home/x`; those are never ssg's files, and a build that found them gone would delete them."""
    if os.sep != "/":
        path = path.replace(os.sep, "/")
        if os.path.splitdrive(path)[0]:
            return False
    if path and path[0] not in "./" and path[-1] != "/" and "/." not in path and "//" not in path:
        return True  # the usual path, told by a few string searches (16,500 paths at 10,000 articles)
    return not {"", ".", ".."} & set(path.split("/"))


class ManifestText(NamedTuple):
    """A manifest's text, entry by entry: the files it lists, and each one's entry as json writes it, in path order."""

    files: dict[str, list[str]]  # (never changed once written: builds make new entries, new dicts)
    entries: dict[str, str]  # path -> '"path":["hash","fingerprint"]'


def _about(umask: int | None) -> str:
    """What a manifest says besides its files, as JSON members after `"generator"`: the umask its files were made
    under (`Output._set_modes`)."""
    return f',"umask":"{umask:03o}"' if umask is not None else ""


def _write_manifest(folder: Path, files: dict[str, list[str]], last: ManifestText | None, about: str) -> ManifestText:
    """Replace `folder`'s manifest at once (a reader never sees half of one); returns its text, for the next one.

    The text is json's (compact, keys sorted), made entry by entry. Entries of the `last` one written (by this builder,
    in any folder: it only spares encoding) are kept where their file's is the same: a long-lived builder's save
    rewrites a manifest of 20,000 files of which a few dozen changed in 5 ms, not 30 (with files added or gone, in
    15 ms, not 40)."""
    if last is not None and files.keys() == last.files.keys():
        entries = dict(last.entries)
        for path in compress(files, map(ne, files.values(), map(last.files.__getitem__, files))):
            entries[path] = _entry_text(path, files[path])
    else:  # (files added or gone: the rest keep their entries, in path order)
        made, known = (last.entries, last.files) if last is not None else ({}, {})
        entries = {path: made[path] if known.get(path) == files[path] else _entry_text(path, files[path]) for path in sorted(files)}
    _write_text(folder / MANIFEST, '{"files":{', ",".join(entries.values()), '},"generator":"ssg"', about, "}")
    return ManifestText(files, entries)


def _entry_text(path: str, entry: list[str]) -> str:
    """One entry of the manifest's files, as json.dumps (compact, not ASCII-escaped) writes it."""
    digest, fingerprint = entry
    return f"{_json_string(path)}:[{_json_string(digest)},{_json_string(fingerprint)}]"


def _write_json(path: Path, data: object) -> None:
    # Compact: the C encoder writes 20,000 entries in milliseconds (an indent makes it Python's).
    _write_text(path, json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _write_text(path: Path, *parts: str) -> None:
    """Replace `path` at once with the text of `parts` (written one after the other: a manifest's megabytes are not
    copied into one string first)."""
    temporary = path.with_name(f"{path.name}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.writelines(parts)
        os.replace(temporary, path)
    except BaseException:  # (a disk full: not a part of a manifest left in the output folder, for a deploy to publish)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def stopped_note(folder: Path) -> str | None:
    """What a failed build says of an output folder that an earlier build, stopped while moving its files in (`kill -9`,
    a crash), left holding files of two builds: the failed build said only its own problems, and a deploy of the
    folder meanwhile published the mix. None where no build was stopped so."""
    if not moving_list(folder).exists():
        return None
    lock = working_path(folder, "lock")
    try:  # (a build moving its files in now has its list there too, and the lock: no build was stopped)
        release_lock(lock, hold_lock(lock))
    except BlockingIOError:
        return None
    except OSError:
        pass
    return (
        f"{folder} holds files of two builds: an earlier build was stopped while moving its files in, and this one failed "
        "before it made them again (the next build that succeeds does; do not publish the folder until then)"
    )


def untouched_state(folder: Path) -> str:
    """What a build that failed before it moved anything in says of the output `folder`: "as the last build left it"
    was said where no build had made one, and none was there."""
    if (folder / MANIFEST).is_file():
        return "the output folder is as the last build left it"
    return "the output folder is as it was" if folder.is_dir() else "no output folder was made"


def on_its_own_device(folder: Path) -> bool:
    """Whether `folder` is a folder on another file system than the folder that holds it: a mount point (a Docker
    volume, a disk of its own, a tmpfs), a link to a folder on one, a btrfs subvolume. Nothing can be renamed into it
    from beside it (EXDEV, "Invalid cross-device link"), so its builds keep their working files inside it."""
    try:
        here, above = os.stat(folder), os.stat(folder.parent)
    except OSError:
        return False  # (not there yet: made beside its staging folder, on the same file system)
    return S_ISDIR(here.st_mode) and here.st_dev != above.st_dev


def stages_inside(folder: Path) -> bool:
    """Whether builds of `folder` keep their working files inside it (`working_path`): where it is on a file system of
    its own (`on_its_own_device`), or where it may be written but the folder that holds it may not: the usual deploy
    setup, `/var/www` root's and `/var/www/site` the deploy user's, whose builds failed saying the folder, there and
    holding the last build, could not be created. And where a build's lock or list of files being moved in is there
    (one that stages inside runs, or was stopped): a build of a user who may write the parent (root's, beside the deploy
    user's) takes the same lock, and finds that list."""
    if on_its_own_device(folder):
        return True
    if not (os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK)):
        return False
    return not os.access(folder.parent, os.W_OK | os.X_OK) or any(
        os.path.lexists(folder / f"{OWN_PREFIX}{kind}") for kind in ("lock", "moving.json")
    )


def working_path(folder: Path, kind: str, inside: bool | None = None) -> Path:
    """Where a build of `folder` keeps one of its working files (`kind`: staging, moving.json, lock, trash).

    Beside the folder (`.public.ssg-staging`): a deployment of the folder never sees them, and a first build's staged
    tree becomes the folder in one rename. A folder on a file system of its own cannot be renamed into from there, and
    beside a folder whose parent is not writable nothing can be made (`inside`, else `stages_inside`): they go inside
    it (`public/.ssg-staging`), under names a deployment leaves out as it does the manifest's (`OWN_PREFIX`). A build
    killed (SIGKILL) leaves them there until the next build.
    """
    if inside is None:
        inside = stages_inside(folder)
    return folder / f"{OWN_PREFIX}{kind}" if inside else folder.parent / f".{folder.name}.ssg-{kind}"


def moving_list(folder: Path) -> Path:
    """Where a build lists the files it is moving into `folder`, beside the staging folder, until all are in: a build
    stopped then (Ctrl-C, a crash, a full disk) leaves the list for the next one (see `Output.__init__`)."""
    return working_path(folder, "moving.json")


def _moving(path: Path, known: dict[str, list[str]], prefix: str) -> dict[str, list[str]]:
    """The files a stopped build was moving in, by its list at `path` (`moving_list`): none when no build stopped so,
    all of `known` (the manifest's) when the list is damaged. Those new to the folder are not in `known`: a path that
    could be ssg's (`_below`, as the manifest's) is taken where the file at it (`prefix` + path) is missing or holds
    what a stopped build moved in there (the list's digests of it, returned for the next list). Not one holding
    anything else: the user's, put there after the stop, or in a folder emptied and filled again beside the list (a
    --force build deleted them)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        data = None
    if isinstance(data, list):  # (an earlier ssg's list: the manifest named its new files)
        paths, new = data, {}
    elif isinstance(data, dict) and isinstance(data.get("files"), list) and isinstance(data.get("new"), dict):
        paths, new = data["files"], data["new"]
    else:
        return dict.fromkeys(known, [])
    taken: dict[str, list[str]] = {}
    for listed in paths:
        if not isinstance(listed, str):
            continue
        if listed in known:
            taken[listed] = []
        elif _below(listed) and isinstance(digests := new.get(listed), list) and _holds(prefix + listed, digests):
            taken[listed] = [digest for digest in digests if isinstance(digest, str)]
    return taken


def _holds(path: str, digests: list) -> bool:
    """Whether the file at `path` is missing, or a file (not a link) holding the bytes of one of `digests`."""
    try:
        if not S_ISREG(os.lstat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return content_hash(handle.read()) in digests
    except FileNotFoundError:
        return True
    except OSError:
        return False


_TRASH_MARK = ".ssg-trash"  # the file that says a trash folder is ssg's (one of that name made by someone else is not)
_ASIDE = re.compile(r"[0-9a-f]+-[0-9]+")  # the names files set aside get (`Output._put_aside`)


def _made_trash(path: str) -> bool:
    """Whether `path` is a trash folder of ssg's: made now (with its mark), or made so before. A folder, a file or a
    link of that name that someone else put there is left alone, and nothing is set aside."""
    try:
        os.mkdir(path)
    except FileExistsError:
        return _is_trash(path)
    except OSError:
        return False
    try:
        with open(os.path.join(path, _TRASH_MARK), "x"):
            pass
    except OSError:
        return False
    return True


def _is_trash(path: str | Path) -> bool:
    try:
        return S_ISDIR(os.lstat(path).st_mode) and S_ISREG(os.lstat(os.path.join(path, _TRASH_MARK)).st_mode)
    except OSError:
        return False


def empty_trash(folder: Path, keep: int = 0) -> None:
    """Remove what builds set aside in `folder`'s trash folder, by the names they gave the files there, then the folder
    when nothing else is in it: a folder of that name that is not ssg's (no mark, a link) is left as it is. `keep`: the
    number of files set aside last to leave there, for the next builds to write over (`Spares`), of `SPARES_BYTES` in all."""
    _empty_trash(working_path(folder, "trash"), keep)


def remove_staging(folder: Path) -> None:
    """Remove the staging folder a long-lived builder's builds of `folder` left there empty (`Output`), when it is done;
    one another build uses (it holds the lock: its staging folder is empty until it stages a file) is left as it is."""
    lock = working_path(folder, "lock")
    try:
        handle = hold_lock(lock)
    except OSError:  # (BlockingIOError: another build; or no lock can be made there, nor then a staging folder)
        return
    try:
        staging = working_path(folder, "staging")
        if _empty_folder(staging):
            with contextlib.suppress(OSError):
                staging.rmdir()
    finally:
        release_lock(lock, handle)


def _empty_folder(path: Path) -> bool:
    """Whether `path` is a folder (not a link to one) with nothing in it."""
    try:
        if not S_ISDIR(os.lstat(path).st_mode):
            return False
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def _empty_trash(path: Path, keep: int = 0, staged: Collection[str] = ()) -> None:
    """`empty_trash`; `staged`: files there that a build under way staged where they were (`Spares.take`), left there."""
    if not _is_trash(path):
        return
    try:
        listed = os.listdir(path)
    except FileNotFoundError:  # (another builder of the folder emptied it meanwhile: the build server's)
        return
    names = sorted(name for name in listed if _ASIDE.fullmatch(name) and os.path.join(path, name) not in staged)
    gone = names[: max(0, len(names) - keep)]
    room = SPARES_BYTES  # (a preview kept every large file a save replaced, a video's versions, until it stopped)
    for name in reversed(names[len(gone) :]):  # (newest first)
        with contextlib.suppress(OSError):
            size = os.lstat(os.path.join(path, name)).st_size
            if size > room:
                gone.append(name)
            else:
                room -= size
    for name in gone:
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(path, name))
    with contextlib.suppress(OSError):  # (another builder of the folder may have emptied it meanwhile: the build server's)
        if os.listdir(path) == [_TRASH_MARK]:
            os.unlink(os.path.join(path, _TRASH_MARK))
            os.rmdir(path)


def _take_lock(folder: Path, path: Path) -> int | None:
    """Lock `folder` for this build by its lock file `path` (`working_path`), or raise `OutputError`: two builds at once
    (a `build --watch` and a `build`) share its staging folder, and each removed the other's files from it. The lock file
    is removed when the build ends (`locks.release_lock`)."""
    try:
        return hold_lock(path)
    except BlockingIOError:
        message = (
            "another ssg build is writing this folder now (ssg build, build --watch or serve); let it end or stop it, then build again"
        )
        raise OutputError(Problem(str(folder), None, None, message)) from None


def _cannot_create(folder: Path, reason: str) -> OutputError:
    return OutputError(
        Problem(str(folder), None, None, f"cannot create the output folder ({reason}); build elsewhere (-o DIR or output_dir in site.yaml)")
    )


def _cannot_write(folder: str, what: str, under: int = 0) -> Problem:
    """`folder` (of the output), which this build must write in (`what` it does there) but may not: whose it is, and
    what would work. "chmod u+w" was told of every such folder, one line each, where only its owner could run it (a
    folder tree `chown -R`'d to another user: ten lines of advice that failed). `under`: how many folders below it are
    refused for the same cause, told with it."""
    more, are, them = (f" (and {under} folder{'s' if under > 1 else ''} under it)", "are", "them") if under else ("", "is", "it")
    owner, user = _owner(folder), _user()
    if owner is not None and user is not None and owner != user:
        name, me = _user_name(owner), _user_name(user)
        fix = f"which {are} {name}'s, not yours ({me}): build as {name}, or make {them} yours (sudo chown -R {me} {folder})"
    else:
        fix = f"which {are} read-only: make {them} writable ({f'chmod -R u+w {folder}' if under else 'chmod u+w'})"
    return Problem(folder, None, None, f"{what}{more}, {fix}, or build elsewhere (-o DIR) (nothing was changed in the output folder)")


def _owner(path: str) -> int | None:
    try:
        return os.stat(path).st_uid
    except OSError:
        return None


def _user_name(uid: int) -> str:
    """The login name of the user `uid`, else the number (a container's user with no entry in /etc/passwd)."""
    try:
        import pwd  # (not on Windows, where folders have no such owner either)

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _not_ours(where: str, need: str, what: str) -> Problem:
    """A file or folder of the user's where this build writes: what to do, since ssg will not replace it."""
    return Problem(
        where,
        None,
        None,
        f"this build {need}, but this {what} is not ssg's (not in {MANIFEST}) and ssg will not replace it: "
        "move or delete it (a file to publish with the site goes in its static folder), or build elsewhere (-o DIR)",
    )


_LOST, _MADE_FOLDER = "\0lost", "\0made"  # (`Output._journal`'s marks: no path holds a NUL)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and `kill` (SIGINT, SIGTERM) wait while the block runs, saying so, then act as they would have, whether
    it ended or failed (in the main thread, where Python runs signal handlers; elsewhere the block runs as it is): a
    preview whose commit failed went on after its Ctrl-C. One the process ignores (a shell's background job's Ctrl-C)
    is left ignored; SIGTERM, where both came, acts first (it may end the process). The commit they wait for took 0.06 s after one edit at 10,000 articles, and 3.0-4.4 s where every
    page changed (17,011 files moved in: `ssg build --profile` after a template edit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(number: int, frame: object) -> None:
        if not caught and sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):  # (a closed stream: nothing to tell)
                print("\nstopping once this build's files are all moved in", file=sys.stderr, flush=True)
        caught.append(number)

    # (Each handler put back even where a signal comes as another is: an ExitStack runs every callback, last first.)
    with contextlib.ExitStack() as held:
        held.callback(lambda: [signal.raise_signal(number) for number in sorted(set(caught), key=signal.SIGTERM.__ne__)])
        for number in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(number)
            if previous is None or previous == signal.SIG_IGN:  # (not Python's to put back, or ignored: left so)
                continue
            held.callback(signal.signal, number, previous)
            signal.signal(number, hold)
        yield


def _folders_of(path: str) -> Iterator[str]:
    """The folders `path` (in the output folder) is in, below the output folder itself: `2021/03/x/index.html` is in
    2021/03/x, 2021/03 and 2021."""
    folder = posixpath.dirname(path)
    while folder:
        yield folder
        folder = posixpath.dirname(folder)


def _move_in(staged: str, target: str) -> None:
    """Move a staged file to `target`, replacing what is there at once. Where `target` is on another file system than
    the staging folder (a disk mounted inside the output folder, a link there to a folder on one: EXDEV), a copy beside
    it replaces it: no reader sees half a file, and a build stopped meanwhile removes the copy (one killed leaves it)."""
    try:
        os.replace(staged, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        copy = os.path.join(os.path.dirname(target), f"{OWN_PREFIX}copy-{os.path.basename(target)}")  # (deployments leave .ssg-* out)
        try:
            shutil.copyfile(staged, copy)
            os.replace(copy, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(copy)
            raise


def _exchange(a: str, b: str) -> int:
    """Swap the files at `a` and `b` at once (renameat2 with RENAME_EXCHANGE: Linux 3.15, glibc 2.28); 0, else the
    error's number (ENOSYS where the system has no such call)."""
    call = _renameat2()
    if call is None:
        return errno.ENOSYS
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return 0
    return ctypes.get_errno() or errno.EINVAL


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2  # (<fcntl.h>, <linux/fs.h>)


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """The C library's renameat2, where it has one (Linux with glibc 2.28 or later, musl 1.2.2); else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


def _remove_empty_folders(made: list[Path]) -> None:
    """Remove folders made one inside the other (outermost first), innermost first, while they are empty."""
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            return  # something else was put in it meanwhile: it stays, and so do the folders around it


# How a staged file is made: as `open(path, "wb")` makes one (O_BINARY: Windows'), mode 0o666 less the umask.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _write_new(staged: str, data: bytes) -> None:
    """A new file at `staged` holding `data` (its folder made when missing).

    One `open`, `write` and `close` of the system's, without a Python file object: `open(path, "wb")` asks three
    questions more of every file it makes (fstat, ioctl, lseek, for a buffer that one write of the whole file has no use
    for), and builds three objects. A cold build at 10,000 articles stages 20,682 files: 63,000 system calls fewer (of
    560,000, strace), 14,000 instructions fewer a file (callgrind). An error is raised as the file object's were: an
    `OSError` naming `staged` where it could not be made, none where it could not be written (a full disk), which
    `Output.stage` names by the output's path."""
    try:
        handle = os.open(staged, _NEW_FILE, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(staged), exist_ok=True)  # worker processes may race here: exist_ok
        handle = os.open(staged, _NEW_FILE, 0o666)
    try:
        _write_all(handle, data)
    finally:
        os.close(handle)


def _write_all(handle: int, data: bytes) -> None:
    """Write `data` at the file descriptor `handle`'s position: one write, but where a signal or the disk filling up
    cuts it short."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _ours_alone(info: os.stat_result, user: int | None) -> bool:
    """A plain file of user `user`'s (`_user`: this process's), by no other name than the one stat'ed."""
    return S_ISREG(info.st_mode) and info.st_nlink == 1 and (user is None or info.st_uid == user)


def _fstat(handle: int) -> os.stat_result | None:
    try:
        return os.fstat(handle)
    except OSError:
        return None


def _user() -> int | None:
    """This process's user, as files it makes are owned (None where the system has none: Windows)."""
    return os.geteuid() if hasattr(os, "geteuid") else None


class Spares:
    """The files earlier builds of a long-lived builder set aside (`Output`'s `defer`), each to be written over once as
    a file of this build: on our box, writing over a file took 0.02 ms where making one took 0.35-0.8 ms. But a file
    written over by fewer blocks than it has frees the rest, which took 1.4-2 ms: each is written over only by as many
    blocks or more. The files are listed when first asked for (a build may write nothing); a render helper, forked,
    takes them from the other end of each size's list, and the rename that takes one tells whether another process
    took it first."""

    BLOCK = 4096  # (ext4's, and most file systems' on disks of today)

    def __init__(self, trash: Path):
        self.trash = trash
        self.pid = os.getpid()
        self.by_blocks: dict[int, deque[str]] | None = None  # blocks -> those files (paths), oldest first
        self.mode = 0o644  # the mode a file made now gets (`_listed`: by the umask)
        self.user = _user()  # (asked once, not of every file: a forked render helper is this process's user too)
        self.alone = True  # no forked helper takes files now (`Output.sharing`)

    def take(self, size: int, staged: str) -> tuple[int, int, str] | None:
        """A file set aside, open to be written over by `size` bytes: its file descriptor (the caller closes it), its
        size now (larger than `size`: the caller cuts it to `size`), and where it is. None when none fits.

        It stays where it was set aside when this process alone takes files (`alone`: no render helper runs), to be
        swapped with the file it replaces (`Output._swapped`); else it is claimed by moving it to `staged`, the move
        telling whether another process took it first. A descriptor, not a file object: `os.fdopen` asks the system
        four questions more of every file (two fstat, an ioctl, an lseek), and truncating through it two more lseeks; at
        10,000 articles a moved date's save writes over 950 files (strace: 15 system calls a file, now 7 or 8)."""
        if self.by_blocks is None:
            self.by_blocks = self._listed()
        need = -(-size // self.BLOCK)
        for blocks in sorted((b for b, files in self.by_blocks.items() if files and b <= need), reverse=True):
            files = self.by_blocks[blocks]
            while files:
                ours = os.getpid() == self.pid
                spare = files.pop() if ours else files.popleft()
                if ours and self.alone:
                    staged = spare
                else:
                    try:
                        os.rename(spare, staged)
                    except FileNotFoundError:
                        continue  # another process of this build took it (a render helper)
                    except OSError:
                        self.by_blocks = {}  # (none can be moved: files are made)
                        return None
                try:
                    handle = os.open(staged, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
                except FileNotFoundError:
                    if staged == spare:
                        continue  # a render helper took it (listed before it did)
                    handle = None
                except OSError:
                    handle = None
                unshared, info = False, None
                if handle is not None:
                    info = _fstat(handle)
                    unshared = self._unshared(handle, info) if info is not None else None
                if unshared:
                    return handle, info.st_size, staged
                if handle is not None:
                    os.close(handle)
                with contextlib.suppress(OSError):
                    os.unlink(staged)  # (its other names, or the program that holds it open, keep it as it is)
                if unshared is None:
                    self.by_blocks = {}  # (none can be told unshared here: files are made)
                    return None
        return None

    def _unshared(self, handle: int, info: os.stat_result) -> bool | None:
        """Whether the file open at `handle` (its `os.fstat`: `info`) may be written over: still a plain file of this
        user's by one name (a backup may have linked it since it was listed: `cp -al` as the preview runs), with the
        mode a file made now gets (a page made private by hand, `chmod 600`, once set aside gave its mode to another
        page), and open in no other process: one that held the page it was (`less`, an rsync or tar of the output under
        way, a web server sending it) read another page's bytes. Only a write lease tells the last (Linux's: granted to a file open nowhere else,
        then let go at once); None where there are none (not Linux, a file system without them): no file is written
        over then."""
        if not _ours_alone(info, self.user) or S_IMODE(info.st_mode) != self.mode:
            return False
        try:
            lease = getattr(fcntl, "F_SETLEASE", None)  # (None: Windows, macOS)
            if lease is None:
                return None
            fcntl.fcntl(handle, lease, fcntl.F_WRLCK)
            fcntl.fcntl(handle, lease, fcntl.F_UNLCK)
        except OSError as error:  # (EAGAIN: open elsewhere; EINVAL, ENOLCK: no leases here)
            return False if error.errno == errno.EAGAIN else None
        return True

    def _listed(self) -> dict[int, deque[str]]:
        """The files set aside that this build may write over: plain files of this user's, by no other name (not one a
        backup of the output made with hard links, `cp -al`, shares), by their size in blocks."""
        out: dict[int, deque[str]] = defaultdict(deque)
        if not _is_trash(self.trash):
            return out
        self.mode = 0o666 & ~current_umask()  # (not the staging folder's: one an earlier builder left, under its umask)
        with contextlib.suppress(OSError), os.scandir(self.trash) as entries:
            for entry in sorted(entries, key=attrgetter("name")):
                if _ASIDE.fullmatch(entry.name):
                    info = entry.stat(follow_symlinks=False)
                    if _ours_alone(info, self.user) and S_IMODE(info.st_mode) == self.mode:
                        out[-(-info.st_size // self.BLOCK)].append(entry.path)
        return out


def _flat_name(path: str) -> str:
    """A file's name in a flat staging folder (`Output._flat`): its output path's hash, unique among a build's files."""
    return hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _signature(path: Path) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns
