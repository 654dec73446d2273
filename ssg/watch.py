"""File events -> typed changes -> debounced batches -> rebuilds, for `ssg serve` and `ssg build --watch`.

Four small pieces, the first three testable without a real file system:
- `classify(path, layout)` names what a changed path is (Content, Templates, Static, Config or
  Ignored) from a table of folders, so rebuild work can follow the kind;
- `Batcher` collects changes from the watchdog thread and hands out one batch once the project
  has been quiet for a moment and the changed files have stopped changing: an editor's
  write-temp-then-rename burst is one rebuild, never a rebuild of a half-written file;
- `Watcher` runs the watchdog observer on the source folders only (never the output or the cache,
  whose thousands of folders would cost inotify watches and feed our own writes back to us), or watchdog's polling
  one where file events may not come (`--poll`, or a project on a network or shared folder: `events.unheard`);
- `Rebuilder` answers each batch with one build of the preview folder, under a readers-writer
  lock that requests share, and publishes the outcome as a `LiveState`: a new *epoch* when files
  changed (open pages reload), or the problems (open pages show them; the last good site stays).
  The terminal gets each outcome once: problems without a stack trace, warnings only when new.
"""

from __future__ import annotations

import enum
import errno
import gc
import json
import os
import threading
import time
import traceback
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver

from .build import Builder, BuildOptions, BuildResult, fewer_collections
from .cli import most_common, terminated_as_interrupted
from .config import CONFIG_FILE, PREVIEW_FOLDER, Config, load_config
from .content import Article
from .entry import colour
from .errors import Problem, SsgError
from .events import unheard
from .exclude import Exclusions
from .load import is_editor_file, path_stamp, unpublished_static
from .output import MANIFEST, some_of
from .pelican import CONF_FILE as PELICAN_CONF
from .resources import Lack, lacking
from .site import Site
from .standalone import Standalones
from .urls import Urls


class ChangeKind(enum.Enum):
    """What a changed file is: Ignored needs no build, Config a fresh read of site.yaml first; the
    others go to the incremental build, which finds by itself which pages depend on them."""

    CONTENT = "content"
    TEMPLATES = "templates"
    STATIC = "static"
    CONFIG = "config"
    IGNORED = "ignored"


@dataclass(frozen=True)
class Change:
    """One changed path and what it is."""

    kind: ChangeKind
    path: str


@dataclass(frozen=True)
class Layout:
    """Where each kind of source lives (absolute folders), and the folders never to react to."""

    root: Path
    folders: tuple[tuple[Path, ChangeKind], ...]  # source folder -> kind of the files under it
    ignored: tuple[Path, ...]  # output folders and the cache
    settings: tuple[Path, ...] = ()  # files read with site.yaml (a `tag_names:` file, pelicanconf.py): a change is a CONFIG one
    exclude: Exclusions | None = None  # what of the content folder is no part of the site (`exclude:`): a change of it is none

    @classmethod
    def of(cls, config: Config) -> Layout:
        root = config.root
        folders = (
            (root / config.content_dir, ChangeKind.CONTENT),
            (root / config.templates_dir, ChangeKind.TEMPLATES),
            (root / "i18n", ChangeKind.TEMPLATES),
            (root / "themes", ChangeKind.TEMPLATES),
            (root / config.static_dir, ChangeKind.STATIC),
        )
        ignored = [Path(os.path.abspath(p)) for p in (config.output_path, root / config.cache_dir)]  # (the preview's is in the cache)
        # (pelicanconf.py whether or not there is one: made or deleted, it changes Pelican articles' slugs too.)
        settings = tuple(root / name for name in (config.tag_names_file, config.source_names_file, PELICAN_CONF) if name)
        # A folder that holds the project or a source folder is never ignored, whatever site.yaml says: `output_dir: .`
        # (or `cache_dir: content`) made the preview deaf to every later save, the one fixing site.yaml included. The
        # build refuses such a folder with a message; the preview must hear the fix.
        kept = [Path(os.path.abspath(root)), *(Path(os.path.abspath(folder)) for folder, _ in folders)]
        ignored = [folder for folder in ignored if not any(source == folder or source.is_relative_to(folder) for source in kept)]
        return cls(root, folders, tuple(ignored), tuple(Path(os.path.abspath(p)) for p in settings), config.exclude)

    @cached_property
    def strings(self) -> _LayoutStrings:
        """The folders as absolute, normalised strings, for `classify`."""
        folders = tuple((os.path.abspath(folder), kind) for folder, kind in self.folders)
        return _LayoutStrings(
            os.path.abspath(self.root),
            folders,
            tuple(os.path.abspath(folder) for folder in self.ignored),
            frozenset(os.path.abspath(file) for file in self.settings),
            os.path.abspath(self.root / "themes"),
            os.path.abspath(self.root / CONFIG_FILE),
        )

    def watch_plan(self) -> dict[Path, bool]:
        """Folder -> recursive?: the root alone (site.yaml, new source folders), then each source folder."""
        plan = {self.root: False}
        for folder, _ in self.folders:
            plan[folder] = True
        for file in self.settings:  # (next to site.yaml, usually: the root's watch sees it already)
            if not any(file.parent == folder or (recursive and file.is_relative_to(folder)) for folder, recursive in plan.items()):
                plan[file.parent] = False
        return plan


@dataclass(frozen=True)
class _LayoutStrings:
    root: str
    folders: tuple[tuple[str, ChangeKind], ...]
    ignored: tuple[str, ...]
    settings: frozenset[str]
    themes: str
    config: str  # site.yaml


def classify(path: str | Path, layout: Layout) -> ChangeKind:
    """The kind of change a path is; the deepest matching folder of the layout wins.

    On strings, not `Path`s: the watchdog thread classifies every path of every event, and a sed over a
    3,000-article archive is 35,000 events; at 230 us a path (pathlib) the preview heard the last of them 11-18 s
    after sed had ended, and built only then."""
    path = os.path.abspath(path)
    strings = layout.strings
    if any(_under(path, folder) for folder in strings.ignored):
        # (But an output folder or the cache deleted whole, `rm -r .ssg-cache`, which the README says is always safe:
        # the preview's pages went with it, and it served 404s until the next save built them again.)
        return ChangeKind.CONFIG if path in strings.ignored and not os.path.isdir(path) else ChangeKind.IGNORED
    if path in strings.settings or path == strings.config:
        return ChangeKind.CONFIG
    # (A source folder or settings file outside the project, `content_dir: ../shared`, is watched: heard too.)
    matches = [(folder.count(os.sep), kind, folder) for folder, kind in strings.folders if _under(path, folder)]
    if not matches:
        return ChangeKind.IGNORED
    _, kind, folder = max(matches, key=lambda m: m[0])
    below = path[len(folder) :].split(os.sep)
    theme_static = folder == strings.themes and below[2:3] == ["static"]  # themes/<name>/static/...
    # (A static folder's `.htaccess` is published, and so a change; content's hidden files, `.obsidian/`, are none.)
    skipped = unpublished_static if kind == ChangeKind.STATIC or theme_static else is_editor_file
    if any(skipped(part) for part in below if part):
        return ChangeKind.IGNORED
    if kind is ChangeKind.CONTENT and layout.exclude is not None and _excluded("/".join(filter(None, below)), layout.exclude):
        return ChangeKind.IGNORED  # (a vault's `Templates/`, its drawings saved every few seconds: no build)
    return ChangeKind.STATIC if theme_static else kind


def _excluded(path: str, exclude: Exclusions) -> bool:
    """Whether a path of the content folder (a file's, or a folder's: made, deleted) is one `exclude:` names."""
    return bool(path) and (exclude.excludes(path) or exclude.folder(path))


def _under(path: str, folder: str) -> bool:
    """`path` is `folder` or in it (both absolute and normalised)."""
    return path.startswith(folder) and (len(path) == len(folder) or path[len(folder)] == os.sep or folder.endswith(os.sep))


# The main thread waits here; a Ctrl-C that the OS delivers to another thread only reaches it
# when it next runs Python code, so it must not sleep much longer than this.
WAKE_EVERY = 0.2
TIDY = 0.2  # seconds without a change after a build before the preview does what the build left for later
IDLE = 1.0  # seconds without a change after that before the preview tidies its memory
REST = 30.0  # seconds without a change after that before it looks at all of its memory again (`collect_garbage`)
# A build that ran out of a resource of the machine's (`resources.lacking`: none is the site's fault, and each may be over
# in a moment, requests that held every file descriptor closed, another program freed memory) is tried again after
# RETRY_AFTER seconds without a change, then after twice as long each time it fails so again, up to RETRY_MOST: tried
# every 3 s for ever, each try listed every content file and printed its failure again. A full disk is not tried on a
# timer: each try filled it again before it gave the room back, and the user's editor could not save meanwhile; the
# next save (or change) builds.
RETRY_AFTER = 2.0
RETRY_MOST = 60.0
FULL_EVERY = 20  # builds after which the pause of IDLE looks at all of it anyway
# Objects a save's build may make (net) before a collection looks at them during the build rather than at the pause
# after it. A moved date's makes ~180,000 at 10,000 articles (the search index's shifted postings), which at a build's
# 100,000 cost one collection of them all in the build: 0.04-0.06 s of the save (0.07-0.2 s on a busy box). A build of
# every page (site.yaml changed) collects every 400,000 then: its peak grows by ~13 MiB (368 -> 381 MiB), its time not.
PREVIEW_GEN0 = 400_000

POLL_EVERY = 1.0  # seconds between two looks at the source folders where they are polled (`Watcher`): a look at
# every file of 10,000 articles takes 0.11 s of CPU on our box; twice a second, a fifth of a core as the author reads
BULK_FILES = 10  # files in a batch past which it is a tool's change, not an editor's save (`Batcher`)
OPEN_WAIT = 0.5  # seconds a save waits for the close of a file written to, where closes are told (`Batcher`'s open_wait)

# Reading a file (our own build reads every article) shows up as opened/closed-without-writing.
CHANGE_EVENTS = frozenset({"created", "modified", "deleted", "moved", "closed"})


def event_paths(event: FileSystemEvent) -> list[str]:
    """The paths an event changes: both ends of a rename; none for reads or a folder's mtime."""
    if event.event_type not in CHANGE_EVENTS or (event.is_directory and event.event_type in ("modified", "closed")):
        return []
    paths = [event.src_path, getattr(event, "dest_path", "")]
    return [os.fsdecode(p) for p in paths if p]


def created_path(event: FileSystemEvent) -> str | None:
    """The path an event brings into being: a created file, or where a file was renamed to."""
    if event.event_type == "created":
        return os.fsdecode(event.src_path)
    if event.event_type == "moved":
        return os.fsdecode(event.dest_path)
    return None


# A file's `load.path_stamp` (None: gone): one that changes between two looks is still being written.
Signature = tuple[int, int] | None


@dataclass(frozen=True)
class Batch:
    """The changes of one quiet period: what one rebuild answers."""

    changes: frozenset[Change]

    @property
    def kinds(self) -> frozenset[ChangeKind]:
        return frozenset(c.kind for c in self.changes)

    def describe(self, root: Path, limit: int = 3) -> str:
        paths = sorted({os.path.relpath(c.path, root) for c in self.changes})
        more = f" (and {len(paths) - limit} more)" if len(paths) > limit else ""
        return ", ".join(paths[:limit]) + more


class Batcher:
    """Debounces changes: a batch is handed out `quiet` seconds after the last change, once every
    changed file looks the same as when its last event came (size and change time), and at the latest
    `max_wait` seconds after the first change of the batch, so a file written forever cannot
    starve the preview. Files the batch has not seen yet push that back by `max_wait` each, up to `bulk_wait` after the
    first: a tag renamed with sed over 1,628 files (3.6 s at 20,000 articles) was built as two batches, half the
    renamed articles and then the rest (22.5 + 38.8 s, the listings rendered twice), and the preview showed the tag
    half renamed between them.

    A batch of more than `BULK_FILES` files, or one that made or removed a folder, is a tool's change (sed over the
    archive, a git checkout, a folder moved), not an editor's save: it waits `bulk_quiet` rather than `quiet`. Tools pause
    between files longer than an editor between the steps of a save (xargs starting the next sed, git writing in
    chunks, a busy box): sed -i over 215 files of a 3,000-article archive was built as two and three batches, 22 or 53
    files and then the rest, the tag half renamed between them. And watchdog holds the first half of a rename 0.5 s to
    pair it: a folder moved into a folder just made (`mkdir content/archive && mv content/2021 content/archive/`) came as
    its files created, then the old folder deleted 0.5 s later, and the build between saw every article twice (251
    errors on the page for a plain `mv`).

    Where the file system tells when a file written to is closed (inotify's close-after-write: the
    "closed" events), a batch whose every file was written in place and then closed is handed out
    `closed_quiet` seconds after that instead: the save is over (Python's `write_text`, cp, vim
    writing in place). A save that makes a file (a temporary one renamed over the real one, as
    sed, JetBrains and vim's default write) waits the quiet as before. And a close of a file as the
    last batch built it (vim closes after an fsync that may outlast the quiet) is no change.
    """

    def __init__(
        self,
        quiet: float = 0.05,
        max_wait: float = 3.0,
        signature: Callable[[str], Signature] = path_stamp,
        closed_quiet: float = 0.01,
        bulk_wait: float = 30.0,
        bulk_quiet: float = 0.6,
        open_wait: float = 0.0,
    ):
        """`quiet`: an editor's save is a burst of events a few milliseconds apart; 50 ms joins them and is too
        short for the author to notice. A file still changing after it is waited for again (`_settled`).
        `closed_quiet`: what follows the close of the save's last file (an attribute set, with no event we act on).
        `open_wait`: where the file system tells each close after writing (`hears_closes`), how long a batch
        waits for the close of a file written to: a save written in two steps (a tool's, or an editor's on a busy box)
        paused 0.08 s between them was built half written, its front matter "never closed", then again. 0: not told."""
        self.quiet = quiet
        self.max_wait = max_wait
        self.signature = signature
        self.closed_quiet = closed_quiet
        self.bulk_wait = bulk_wait
        self.bulk_quiet = bulk_quiet
        self.open_wait = open_wait
        self._folders = False  # a folder was made or removed in the pending batch
        self._cond = threading.Condition()
        self._pending: dict[Change, Signature] = {}
        self._paths: set[str] = set()  # the paths of `_pending` (a sed over 3,000 files looked for each in all of them)
        self._new: set[str] = set()  # pending paths whose first change in the batch created them
        self._written: set[str] = set()  # pending paths whose last event was their close after writing
        self._made: set[str] = set()  # pending paths made as new files in the batch (not renamed to)
        self._open: set[str] = set()  # pending paths whose last event wrote to them: their writer may hold them open
        self._handed: dict[str, Signature] = {}  # each path of the last batch handed out, as it was then
        self._first = self._last = 0.0
        self._cap = 0.0  # when the batch is handed out at the latest, however its files go on changing
        self._closed = False

    def add(
        self,
        changes: Iterable[Change],
        created: str | None = None,
        closed: bool = False,
        folder: bool = False,
        made: bool = False,
        written: bool = False,
    ) -> None:
        """Called from the watcher thread; ignored changes never start or extend a batch. `created`: the path
        the event made (`created_path`); `made`: made as a new file, not renamed to (a path renamed to may have been an
        article before, which `sed -i x.md && rm x.md` deletes); `closed`: the event is a file's close after writing;
        `written`: the event wrote to the file (made or modified it: it may be open still); `folder`: a folder was
        made, removed or renamed."""
        seen = [(c, self.signature(c.path)) for c in changes if c.kind is not ChangeKind.IGNORED]
        with self._cond:
            if closed:  # (a file closed as the last batch saw it: what was written is built, or is being built)
                seen = [(c, found) for c, found in seen if c in self._pending or self._handed.get(c.path, False) != found]
            if not seen:
                return
            now = time.monotonic()
            if not self._pending:
                self._first, self._cap = now, now + self.max_wait
            elif any(c not in self._pending for c, _ in seen):  # (more files of a bulk change: sed, a checkout)
                self._cap = max(self._cap, min(now + self.max_wait, self._first + self.bulk_wait))
            self._last = now
            if created is not None and created not in self._paths:
                self._new.add(created)
                if made:
                    self._made.add(created)
            self._pending.update(seen)
            self._paths.update(c.path for c, _ in seen)
            self._folders = self._folders or folder
            for change, _ in seen:
                (self._written.add if closed else self._written.discard)(change.path)
                (self._open.add if written else self._open.discard)(change.path)
            self._cond.notify_all()

    def next_batch(self) -> Batch | None:
        """Block until a batch is ready; None once `close()` was called."""
        with self._cond:
            while not self._closed:
                if not self._pending:
                    self._cond.wait(WAKE_EVERY)
                    continue
                now = time.monotonic()
                # (Written in place and closed, every one: the save is over. Nothing made: no rename to wait for.)
                # (Every event wakes this: `done` looks at the files of an editor's save only, never at those of a bulk change.)
                bulk = self._folders or len(self._pending) > BULK_FILES
                done = not bulk and not self._new and all(c.path in self._written for c in self._pending)
                wait = self.bulk_quiet if bulk else self.closed_quiet if done else self.quiet
                if self.open_wait and self._open and not bulk:
                    wait = max(wait, self.open_wait)  # (a file written and not closed yet: its writer may pause mid-save)
                deadline = min(self._last + wait, self._cap)
                if now < deadline:
                    self._cond.wait(deadline - now)
                    continue
                if now < self._cap and not self._settled():
                    self._last = now  # written to without an event yet: give it another quiet period
                    continue
                # A file made and gone within the batch (an editor's or sed's temporary file, renamed over the
                # real one) changed nothing: the author would only wonder what it was. (Made as a new file: one renamed
                # to, then gone, may have been an article, `sed -i ... x.md && rm x.md`, which stayed on the site.)
                gone = {path for path in self._made if self.signature(path) is None}
                changes = frozenset(c for c in self._pending if c.path not in gone)
                self._handed = {c.path: found for c, found in self._pending.items()}
                self._pending.clear()
                self._paths.clear()
                self._new.clear()
                self._made.clear()
                self._written.clear()
                self._open.clear()
                self._folders = False
                if changes:
                    return Batch(changes)
        return None

    def waiting(self) -> bool:
        """Whether a change came in that no batch handed out yet."""
        with self._cond:
            return bool(self._pending)

    def quiet_for(self, seconds: float) -> bool:
        """True when no change came in for `seconds`; False as soon as one is waiting or the batcher closes."""
        end = time.monotonic() + seconds
        with self._cond:
            while not self._pending and not self._closed:
                left = end - time.monotonic()
                if left <= 0:
                    return True
                self._cond.wait(min(left, WAKE_EVERY))  # (in short waits: see WAKE_EVERY)
        return False

    def _settled(self) -> bool:
        now = {change: self.signature(change.path) for change in self._pending}
        settled = now == self._pending
        self._pending = now
        return settled

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        layout = self.watcher.layout
        changes = [Change(classify(p, layout), p) for p in event_paths(event)]
        folder = event.is_directory and event.event_type in ("created", "deleted", "moved")
        if folder and event.event_type != "created" and any(c.kind is not ChangeKind.IGNORED for c in changes):
            self.watcher.folder_gone()  # (a source folder's: not the output's, which a build moves into place)
        kind = event.event_type
        written = kind in ("created", "modified") and not event.is_directory
        self.watcher.batcher.add(
            changes, created_path(event), closed=kind == "closed", folder=folder, made=kind == "created", written=written
        )


def hears_closes() -> bool:
    """Whether the file system events here tell each file's close after writing (inotify's, on Linux: watchdog's
    "closed" events); elsewhere a save is over when its files stop changing."""
    return Observer.__name__ == "InotifyObserver"


class Watcher:
    """The watchdog observer on the source folders of a layout, feeding a `Batcher`.

    `poll`: look at every file of them every POLL_EVERY seconds (watchdog's own fallback) rather than hear the system's
    file events, which a network drive (NFS, SMB), a FUSE mount or a virtual machine's or container's shared folder
    (VirtualBox, WSL2's /mnt/c) does not deliver for a change made elsewhere: the preview never saw such a save."""

    def __init__(self, layout: Layout, batcher: Batcher, poll: bool = False):
        self.layout = layout
        self.batcher = batcher
        self._observer = PollingObserver(timeout=POLL_EVERY) if poll else Observer(timeout=0.1)
        self._handler = _Handler(self)
        self._watches: dict[tuple[Path, bool], ObservedWatch] = {}
        self._renew = threading.Event()  # set: a folder was deleted or renamed since the last `sync`
        self._told: set[Path] = set()  # folders `_unwatched` has warned of

    def start(self) -> None:
        # watchdog warns (on stderr, with a source line) as it watches a folder moved in before its new parent was
        # watched: the case `folder_gone` repairs, and nothing the author should see.
        warnings.filterwarnings("ignore", message="Callback with id", category=RuntimeWarning, module=r"watchdog\.")
        self._observer.start()  # (first: `sync` then starts each folder's watch itself, and tells of one that fails)
        self.sync(self.layout)

    def folder_gone(self) -> None:
        """Called from the watchdog thread for a folder deleted or renamed: have the next `sync` watch the recursive
        folders anew.

        watchdog's watches follow inodes: `mkdir content/archive && mv content/2021 content/archive/` moved the folder
        before its new parent was watched, so the move came as the folder created there, then (0.5 s later, its wait
        for the rename's other half) as content/2021 deleted or moved; watchdog then dropped the watch the moved folder
        still had, and every later save in content/archive/2021 went unheard (the preview showed it only after some
        other save). Watching anew costs a few milliseconds (one watch per folder)."""
        self._renew.set()

    def sync(self, layout: Layout) -> bool:
        """Follow a new layout (site.yaml moved a folder) and pick up source folders created since; after a folder
        was deleted or renamed, watch the recursive folders anew (`folder_gone`). True when it did: a change made before
        that may have had no event."""
        self.layout = layout
        renew = self._renew.is_set()
        if renew:  # (a folder gone from here on is covered by the watches made below; one gone before it is read, next time)
            self._renew.clear()
        wanted = {(folder, recursive) for folder, recursive in layout.watch_plan().items() if folder.is_dir()}
        # A watched folder deleted (rm -r content, then made again by a git checkout) stops its watch: watched anew.
        stopped = {emitter.watch for emitter in self._observer.emitters if not emitter.is_alive()} if self._observer.is_alive() else set()
        for key in [key for key, watch in self._watches.items() if key not in wanted or watch in stopped or (renew and key[1])]:
            with suppress(KeyError, OSError):  # the folder was deleted, and its watch with it
                self._observer.unschedule(self._watches.pop(key))
        for folder, recursive in sorted(wanted - set(self._watches)):
            try:
                self._watches[(folder, recursive)] = self._observer.schedule(self._handler, str(folder), recursive=recursive)
            except OSError as error:  # (the next sync tries again)
                self._unwatched(folder, error)
        return renew

    def _unwatched(self, folder: Path, error: OSError) -> None:
        """Say (once a folder) why saves in `folder` go unheard, rather than end the preview in a traceback: out of
        inotify watches (ENOSPC, "No space left on device", as an editor and a second preview can use them up), or the
        folder gone again since it was listed (it is watched once it is back)."""
        if error.errno == errno.ENOENT or folder in self._told:
            return
        self._told.add(folder)
        why = os.strerror(error.errno) if error.errno else str(error)
        if error.errno in (errno.ENOSPC, errno.EMFILE):
            why = "the system's limit of watched folders is reached: raise fs.inotify.max_user_watches (sysctl), or close another program that watches many"
        click.secho(f"warning: cannot watch {folder} ({why}): saves there are not seen", fg="yellow", err=True, color=colour())

    def stop(self) -> None:
        self.batcher.close()
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join()


def preview_config(config: Config) -> Config:
    """The config the preview builds with: an output folder of its own under the project's cache.

    Its own output because drafts must never reach the deploy folder; the article cache is the
    build's, so a first preview of a big archive that was built before reads nothing again.
    """
    return replace(config, output_dir=str(Path(config.cache_dir) / PREVIEW_FOLDER), preview=True)


class ReadWriteLock:
    """Many readers (requests) or one writer (a rebuild); a waiting writer goes before new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                self._cond.wait_for(lambda: not self._writing and not self._readers)
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class LiveState:
    """The epoch and the problems of the last build, which event-stream threads wait on."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.version = 0  # bumped on every publish: what a waiting stream compares against
        self.epoch = time.time_ns() // 1_000_000  # differs per run: tabs left open across a restart reload
        self.problems: tuple[Problem, ...] = ()
        self.closed = False

    def publish(self, changed: bool, problems: list[Problem]) -> None:
        with self._cond:
            self.epoch += changed
            self.problems = tuple(problems)
            self.version += 1
            self._cond.notify_all()

    def wait(self, seen: int, timeout: float) -> tuple[int, str] | None:
        """(version, JSON message) once the state differs from version `seen`; None on timeout or close."""
        with self._cond:
            self._cond.wait_for(lambda: self.version != seen or self.closed, timeout)
            if self.closed or self.version == seen:
                return None
            message = {"epoch": self.epoch, "problems": [p.to_dict() for p in self.problems]}
            return self.version, json.dumps(message, ensure_ascii=False)

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


@dataclass(frozen=True)
class View:
    """What requests are answered from: the preview folder, mounted at base_url's path."""

    folder: Path
    mount: str  # "/" or "/sub/path/"


MOVES_KEPT = 1000  # moved article pages the preview follows: the latest


def _article_paths(builder: Builder) -> tuple[Site, Urls, Standalones] | None:
    """The site model, URL map and standalone pages of the builder's last build (what pages were where). The model
    holds no standalone pages (`Builder._assemble`): a tab showing About reloaded into a 404 when its slug changed."""
    if builder.assembled is None or builder.urls is None:
        return None
    return builder.assembled.site, builder.urls[1], builder.standalone


Followed = tuple[Site, Urls, Standalones]  # what `Rebuilder._follow` compares of two builds (`_article_paths`)


class Rebuilder:
    """One build of the preview folder per batch of changes, published as a new epoch or as problems.

    The build holds `lock` exclusively from start to commit; requests hold it shared. site.yaml
    is re-read when it changed, and on every batch while it is broken, so the save that fixes it
    is the one that recovers. Each outcome is printed once, problems without a stack trace.
    One `Builder` does every build, so a rebuild reads and asks the cache about changed files only.
    """

    def __init__(
        self,
        project: Path,
        options: BuildOptions,
        load: Callable[[], Config] | None = None,
        target: Callable[[Config], Config] = preview_config,
        kept: str = "still serving the last good site",
        include: str | None = None,
        poll: bool | None = None,
    ):
        """`load` reads site.yaml (with the command's overrides); `target` turns it into the config a build
        uses (the preview's own folder); `kept` tells the terminal what stays when a build fails; `include`, how to
        see what a build leaves out, where the command has no --drafts (`BuildResult.left_out`); `poll`, whether the
        watcher polls (`Watcher`): None, where the project's folders are not known to deliver file events (`start`)."""
        self.project = project
        self.poll = poll
        self.options = options
        self.include = include
        self.load = load or (lambda: load_config(project))
        self.target = target
        self.kept = kept
        self.lock = ReadWriteLock()
        self.state = LiveState()
        self.view = View(Path("/nonexistent"), "/")  # set by the first build
        self.batcher = Batcher(open_wait=OPEN_WAIT if hears_closes() else 0.0)
        self.config: Config | None = None  # None while site.yaml is broken
        self.last: BuildResult | None = None
        self.builder = Builder()
        # Request path of an article page that moved (its date or slug changed) -> its new one: the tab showing it
        # reloads into its new place instead of a 404.
        self.moved: dict[str, str] = {}
        # The path base_url had -> the one it has since (`base_url: https://example.org/archive/` saved): a tab showing
        # any page under the old one follows it to the same page under the new one.
        self.remounted: dict[str, str] = {}
        self._served: Followed | None = None  # the site model, URLs and standalone pages of the last build served
        # Content paths changed since the builder's last build, as events told (None: unknown, so it lists all).
        self._changed: set[str] | None = None
        self._watcher: Watcher | None = None
        self._warnings: set[Problem] = set()
        self._problems: set[Problem] = set()  # those the last failed build printed: a save prints only new ones
        # When (time.monotonic()) the last build, which ran out of a resource of the machine's, is tried again (None:
        # not on a timer), and how many builds in a row ran out of one: the failure is printed once in such a streak.
        self.retry_at: float | None = None
        self.streak = 0

    def start(self, config: Config) -> None:
        self.config = config
        layout = Layout.of(config)
        if self.poll is None:
            self.poll = False
            found = unheard(folder for folder in layout.watch_plan() if folder.exists())
            if found is not None:
                self.poll = True
                click.echo(
                    f"{found[0]} is on a {found[1]} file system, where a save made elsewhere (another machine, the host of a"
                    f" virtual machine or container) may make no file event here: looking for changes every {POLL_EVERY:g} s"
                    " instead (--no-poll: trust file events)"
                )
        if self.poll:
            self.batcher.open_wait = 0.0  # (no closes are told: a save is over when its files stop changing)
        self._watcher = Watcher(layout, self.batcher, poll=self.poll)
        self._watcher.start()

    def run(self) -> None:
        # The garbage of a build is collected while the author reads, not between a save and its
        # reload: collections stay rarer than during a build (PREVIEW_GEN0) for as long as the preview runs,
        # so that a save's build seldom makes one, and each pause after a build gets one. Each build leaves the last one's renderer in
        # reference cycles (Jinja's contexts), which only a collection frees, so without it the
        # preview would grow by megabytes per save. It looks only at what builds made since the
        # last pause (`collect_garbage`); at everything, once the author rests or every FULL_EVERY builds.
        # Work a build can leave for later (saving the search index's state) is done once the
        # author pauses too (`Builder.tidy`); a save before then, or while it is done (it stops then, having
        # written nothing), has the next build do it with its own.
        # The look for changes the watcher missed lists every content file (about a second at
        # 100,000 articles): it waits for the longer pause, so that it seldom delays a next save, and stops when one
        # comes in (so do the sitemap entries of `Builder.tidy`); the collection then waits for the next pause.
        builds = 0  # since the last full collection
        with fewer_collections(PREVIEW_GEN0):
            while True:
                if self.batcher.quiet_for(TIDY):
                    self.tidy()
                    if self.retry_at is not None and self.config is not None and self.batcher.quiet_for(self.retry_at - time.monotonic()):
                        self.build(self.config, again=True)  # (a build that ran out of a resource: `RETRY_AFTER`)
                        builds += 1
                        if self.retry_at is None:
                            continue
                    if self.batcher.quiet_for(IDLE):
                        self.catch_up()
                        builds = self.collect(builds)
                if self.retry_at is not None and self.config is not None and self.batcher.quiet_for(0):
                    continue  # (out of it again: tried again after the next wait, the memory collected meanwhile)
                batch = self.batcher.next_batch()
                if batch is None:
                    return
                self.rebuild(batch)
                builds += 1

    def rebuild(self, batch: Batch) -> None:
        click.echo(f"Changed: {batch.describe(self.project.resolve())}")
        if ChangeKind.CONFIG in batch.kinds:
            self._changed = None  # the content folder may have moved
        elif self._changed is not None:
            self._changed.update(c.path for c in batch.changes if c.kind is ChangeKind.CONTENT)
        if ChangeKind.CONFIG in batch.kinds or self.config is None:
            try:
                self.config = self.load()
            except SsgError as error:
                self.config = None
                self.retry_at, self.streak = None, 0
                self.failed(error)
                return
        if self._watcher is not None and self._watcher.sync(Layout.of(self.config)):  # folders site.yaml moved, or created since
            self._changed = None  # (watched anew: what changed meanwhile may have had no event, so the build lists all)
        self.build(self.config)

    def first_build(self, config: Config) -> None:
        """The first build, then the collection of everything it made, before the command says it watches or serves.

        That collection is the one long one (0.25 s at 10,000 articles; the later ones look only at what builds made
        since): made at the first pause, it held up a save that came then; made here, it holds up none."""
        self.build(config)
        self.collect(0)

    def build(self, config: Config, again: bool = False) -> None:
        """Build into the preview's folder and publish the outcome. `again`: a try of a build that ran out of a resource
        of the machine's, on a timer (`retry_at`): its failure, told once already, is not printed again."""
        target = self.target(config)
        view, before = self.view_of(config), self.view

        published = False

        @contextmanager
        def committing(result: BuildResult) -> Iterator[None]:
            # Requests wait only while files are moved into the output: until then they are answered from the last
            # build, whose files the build leaves alone (it stages its own beside them). The new epoch, and where pages
            # moved, are published before the lock is let go: published once the build returned (it records what it did
            # first), a page loaded between came with the new files and the old epoch, and reloaded again as the epoch
            # came (two reloads for one save), or, moved by the save, was a 404.
            nonlocal published
            with self.lock.exclusive():
                self.view = view
                yield
                self._moved_by_build(before, view)
                self.state.publish(changed=bool(result.changed or result.deleted), problems=[])
                published = True

        self.retry_at = None
        try:
            changed, self._changed = self._changed, set()  # (events from now on are for the next build)
            result = self.builder.build(target, self.options, changed, committing)
            if not published:  # (a build found up to date: it moved nothing in)
                self._moved_by_build(before, view)
                self.view = view
                self.state.publish(changed=bool(result.changed or result.deleted), problems=[])
        except SsgError as error:
            # (The output's "too many open files", "no space left on device"; the cache's "database or disk is full".)
            if (lack := lacking(error.__cause__)) is None:
                self.streak = 0
                self.failed(error)
            else:
                self._out_of(lack, again, error)
            return
        except Exception as exc:  # a bug of ours must not take the preview down either
            if (lack := lacking(exc)) is not None:  # (not ours: the machine's, said plainly, and built again)
                self._out_of(lack, again, exc)
                return
            self.streak = 0
            traceback.print_exc()
            self.failed(SsgError(Problem("ssg", None, None, f"internal error: {type(exc).__name__}: {exc}")))
            return
        self.last, self.streak = result, 0
        new = sorted(set(result.warnings) - self._warnings)
        for warning in new:
            click.secho(f"warning: {warning}", fg="yellow", err=True, color=colour())
        most_common(new, "warnings")
        self._warnings, self._problems = set(result.warnings), set()
        left_out = f", {result.left_out(self.include)}" if result.left_out() else ""
        click.echo(f"Built in {result.seconds:.2f} s: {result.changed} written, {result.deleted} removed{left_out}.")
        if view.folder != before.folder and before.folder != Path("/nonexistent"):  # (site.yaml's output_dir or cache_dir)
            # The start named the folder; a save that moved it went without a word, and the old one stays full.
            click.echo(f"Building into {view.folder} from now on; {before.folder} is left as it was.")

    def _moved_by_build(self, before: View, view: View) -> None:
        """Note the pages the builder's last build moved (`_follow`), and base_url's path (`_remount`)."""
        served, self._served = self._served, _article_paths(self.builder)
        self._follow(served, self._served, before.mount, view.mount)
        self._remount(before, view)

    def _follow(self, before: Followed | None, after: Followed | None, was_at: str, mount: str) -> None:
        """Remember where each article page that this build moved went (see `moved`): by a new date or slug, or a file
        renamed (a slug made from the file's name); and each standalone page given a new slug."""
        if before is None or after is None:
            return
        (old_site, old_urls, old_standalone), (site, urls, standalone) = before, after
        # Another URL map: site.yaml changed, maybe what makes URLs (`prefix_default_lang:` moved every article under
        # /<lang>/ without a new article object, and the tabs showing them reloaded into a 404).
        remapped = old_urls is not urls
        if old_site is not site or remapped:
            self._follow_articles(old_site, old_urls, site, urls, was_at, mount)
        # A standalone page (About) whose slug or language changed: its file is the same.
        old_pages = {page.source_path: page for page in old_standalone.pages}
        for page in standalone.pages:
            previous = old_pages.get(page.source_path)
            if previous is not None and (previous is not page or remapped):
                self._moved(was_at + old_urls.page(previous), mount + urls.page(page))
        while len(self.moved) > MOVES_KEPT:
            del self.moved[next(iter(self.moved))]

    def _follow_articles(self, old_site: Site, old_urls: Urls, site: Site, urls: Urls, was_at: str, mount: str) -> None:
        """`_follow` for the article pages."""
        remapped = old_urls is not urls
        old = {a.source_path: a for a in old_site.articles}
        arrived: dict[tuple, list[Article]] = defaultdict(list)  # articles of files new to this build, by title and date
        for article in site.articles:
            previous = old.pop(article.source_path, None)
            if previous is None:
                arrived[article.title, article.date].append(article)
            elif previous is not article or remapped:  # (an unchanged file reads as the same object)
                self._moved(was_at + old_urls.article(previous), mount + urls.article(article))
        # A file renamed (its name is the slug's): the article gone with the title and date of the one that came.
        for previous in old.values():
            same = arrived.get((previous.title, previous.date), ())
            if len(same) == 1:
                self._moved(was_at + old_urls.article(previous), mount + urls.article(same[0]))

    def _moved(self, was: str, now: str) -> None:
        if was != now:
            self.moved[was] = now

    def _remount(self, before: View, after: View) -> None:
        """Remember that base_url's path went from `before`'s to `after`'s (see `remounted`)."""
        if before.mount == after.mount or before.folder == Path("/nonexistent"):  # (the same, or the first build)
            return
        self.remounted = {old: after.mount for old in self.remounted if old != after.mount}
        self.remounted[before.mount] = after.mount

    def view_of(self, config: Config) -> View:
        """What a build of `config` is served as: its output folder, at the path of its base URL."""
        return View(self.target(config).output_path, urlsplit(config.base_url).path or "/")

    def tidy(self) -> None:
        """`Builder.tidy`: what it does is for later builds only, so a failure is reported and the preview goes on."""
        try:
            self.builder.tidy(stop=self.batcher.waiting)  # (a save that comes meanwhile is built first)
        except Exception as exc:  # noqa: BLE001 - a bug of ours must not take the preview down
            traceback.print_exc()
            click.secho(
                f"warning: tidying up after the build failed ({type(exc).__name__}: {exc}); the next build redoes it",
                fg="yellow",
                err=True,
                color=colour(),
            )

    def collect(self, builds: int) -> int:
        """`collect_garbage` after `builds` builds, a full one every FULL_EVERY, then again in full once the author rests;
        the builds since the last full one, after. Not while a save waits (one that came in while `catch_up` listed):
        its build comes first, and the next pause collects (a full one, every FULL_EVERY builds, looks at everything:
        0.25 s at 10,000 articles)."""
        if self.batcher.waiting():
            return builds
        builds = collect_after(self.builder, builds)
        if builds and self.batcher.quiet_for(REST):
            collect_garbage(full=True)
            builds = 0
        return builds

    def catch_up(self) -> None:
        """Build the content changes the watcher missed, if any (`Builder.missed_changes`), and the files of the output
        folder deleted by hand since the last build (`Builder.output_gone`)."""
        if self.config is None:
            return
        target = self.target(self.config)
        try:
            missed = self.builder.missed_changes(target, stop=self.batcher.waiting)
            gone = self.builder.output_gone(target, stop=self.batcher.waiting)
        except Exception as exc:  # noqa: BLE001 - a bug of ours (or a folder gone while listed) must not take the preview down
            traceback.print_exc()
            click.secho(
                f"warning: looking for changes the watcher missed failed ({type(exc).__name__}: {exc})",
                fg="yellow",
                err=True,
                color=colour(),
            )
            return
        if not (missed or gone):
            return
        # Builds trust file events to say which content changed; a change they missed (a full event queue,
        # a file system that tells nothing) shows here, and is built as any other.
        if missed:
            self._changed = None
        if not self.batcher.quiet_for(0):
            return  # a save came in meanwhile: its batch builds (listing all, looking for every output file), once its files are written
        if missed:
            click.echo("Changed: content files the watcher did not report (found by listing them all)")
        if gone:
            click.echo(f"Changed: files deleted from {target.output_path} since the last build ({some_of(gone)}): made again")
        self.build(self.config)

    def _out_of(self, lack: Lack, again: bool, error: SsgError | Exception) -> None:
        """Tell a build that ran out of `lack` (`error`: the build's problems, or what it raised), and set when it is
        tried again (`RETRY_AFTER`). It is printed once in a streak of such failures: a try on the timer prints nothing
        (the page shows the problem still), a save's build what is new."""
        self._changed = None  # (what the failed build was told of is listed again: all of it)
        self.streak += 1
        delay = min(RETRY_AFTER * 2 ** min(self.streak - 1, 16), RETRY_MOST)
        if lack is Lack.DISK:
            when = "at the next save, once there is room on the disk"
        else:
            self.retry_at = time.monotonic() + delay
            when = f"in {delay:g} s, or at the next save (then less often while it fails, up to every {RETRY_MOST:g} s)"
        if not isinstance(error, SsgError):  # (not ours: the machine's, said plainly)
            error = SsgError(Problem("ssg", None, None, f"the build ran out of {lack.value} ({error}): it is tried again {when}"))
            told = True
        else:
            told = False
        if again:
            self.state.publish(changed=False, problems=error.problems)
            return
        self.failed(error)
        if self.streak == 1 and not told:
            click.echo(f"The build is tried again {when}.", err=True)

    def failed(self, error: SsgError) -> None:
        """The problems of a failed build, each printed once (as the README says): a save that fixes one of fifty
        printed the other 49 again, 1,377 lines for fifty fixes (a trial); a long list ends with what most files share."""
        self.state.publish(changed=False, problems=error.problems)
        new = [problem for problem in error.problems if problem not in self._problems]
        for problem in new:
            click.secho(f"error: {problem}", fg="red", err=True, color=colour())
        most_common(new, "problems")
        count, told = len(error.problems), len(error.problems) - len(new)
        self._problems = set(error.problems)
        built = self.last is not None or (self.config is not None and (self.target(self.config).output_path / MANIFEST).is_file())
        kept = self.kept if built else "nothing is built yet: fix it and save"
        above = f" ({told:,} told above)" if told else ""
        click.echo(f"Build failed: {count:,} problem{'s' * (count != 1)}{above}; {kept}.", err=True)

    def stop(self) -> None:
        self.state.close()
        if self._watcher is not None:
            self._watcher.stop()
        self.batcher.close()
        self.builder.empty_trash()  # (what a pause would have removed: nothing of the builds is left beside the output)


def collect_garbage(full: bool) -> None:
    """Free what builds left in reference cycles, then freeze what is left: most of it (the site model, what the
    builder keeps) lives as long as the preview, and a frozen object is not looked at by the next collections.

    A collection that looks at every object took 0.34 s at 10,000 articles on our 2-core box (0.6-1.7 s while it
    was busy), and it grows with the archive; a save that comes in meanwhile waits for it. Looking only at what
    builds made since the last one took 0.03-0.17 s on the busy box. A frozen object that is dropped is still freed at once (by its reference count),
    unless it is in a cycle: those wait for a `full` collection, which looks at everything again.
    """
    if full:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def collect_after(builder: Builder, builds: int) -> int:
    """`collect_garbage` after `builds` builds of a long-lived builder, a full one every FULL_EVERY, and the builder told
    that what it keeps is frozen; the builds since the last full collection, after (the preview's pause, and the build
    server's)."""
    full = builds >= FULL_EVERY
    collect_garbage(full)
    builder.frozen = True
    return 0 if full else builds


def build_and_watch(project: Path, load: Callable[[], Config], options: BuildOptions, poll: bool | None = None) -> None:
    """`ssg build --watch`: build the output folder, then again after every save, until Ctrl-C.

    The preview's long-lived builder without the server: a save rebuilds only what it touches (a
    third of a second at 10,000 articles, where a fresh `ssg build` first spends a second learning
    again what the last one knew). A failed build is reported, the output keeps the last good site,
    and watching goes on. A site.yaml broken from the start raises: there is nothing to build yet.
    """
    config = load()
    rebuilder = Rebuilder(project, options, load, target=lambda same: same, kept="the output keeps the last good build", poll=poll)
    with stopped_by_signals():
        try:
            rebuilder.start(config)  # watching before the first build: saves made during it count
            rebuilder.first_build(config)
            click.echo(f"Watching {config.root} for changes, building into {config.output_path} (Ctrl-C to stop)")
            rebuilder.run()
        finally:
            rebuilder.stop()
    click.echo("Stopped.")


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Ctrl-C, and `kill` (SIGTERM) as cleanly: both end the block quietly, after its own cleanup."""
    with suppress(KeyboardInterrupt), terminated_as_interrupted():
        yield
