"""The on-disk build cache: what each article file reads as, keyed by its bytes.

One SQLite file under the project (`.ssg-cache/` by default). A record is keyed by a hash of the
file's path and bytes; the database as a whole is stamped with everything else that changes how
a file reads (ssg's version, the Markdown extensions, the render options of site.yaml). A
different stamp, or a database that fails to open or to answer, is thrown away and rebuilt:
the cache is never trusted, and deleting it is always safe.

Records hold metadata as JSON. Turning 10,000 of those into objects takes longer than a whole
rebuild may, so the database also keeps a *snapshot*: the loaded objects of every record at some
earlier build, pickled in one blob behind a checksum. A build starts from the snapshot and reads
from JSON only the records added since; the loader writes a new snapshot once those are many.
A snapshot that fails its checksum, or was made for other classes, is ignored.

A record's search terms (`search.article_terms`) are kept in `marshal`'s form: a cold build's main process writes every
article's as it reads them and reads them all back in its search phase, which it runs alone. At 10,080 articles (21 MB
of terms) writing them took 1,065 million instructions as JSON, 175 as marshal; reading them back, SQLite's part
included, 817 and 436 (callgrind). Marshal's format may change with Python's version: `STORAGE`, part of the stamp,
holds that version, so a cache another Python (or an older ssg, in JSON) wrote is started afresh, never misread.

Smaller tables spare other repeated work: `files` (each content file's size, change time and digest: `load.file_stamp`),
`copies` (the same for copied files), `templates` (what each template source refers to) and
`builds` (what the last build into each output folder was made from, see `inputs.py`).
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import hashlib
import io
import json
import marshal
import os
import pickle
import re
import shlex
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import Problem
from .gitrepo import git_environment
from .output import MANIFEST
from .resources import NO_INODES, Lack, lacking, no_inodes, too_many_files_fix

SCHEMA = """
CREATE TABLE IF NOT EXISTS stamp (value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, changed_ns INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS records (digest TEXT PRIMARY KEY, meta TEXT, body TEXT, terms TEXT);
CREATE TABLE IF NOT EXISTS snapshot (kind TEXT NOT NULL, checksum TEXT NOT NULL, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS templates (source TEXT PRIMARY KEY, refers TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS copies (source TEXT PRIMARY KEY, size INTEGER, changed_ns INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS builds (output TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS written (token TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS prints (output TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS labels (value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pages_as_pictures (source TEXT PRIMARY KEY);
"""
# Each table as SQLite keeps it (`sqlite_master`) once SCHEMA made it: a table of another shape is another ssg's (`Store._open`).
_TABLES = {m[2]: f"CREATE TABLE {m[1]}" for m in re.finditer(r"CREATE TABLE IF NOT EXISTS ((\w+) \(.*\));", SCHEMA)}
# How records are stored, part of the cache's stamp (`stamps.cache_stamp`): another value starts the cache afresh, so a
# record stored another way is never misread. 2: search terms in marshal's form (of this marshal version), not JSON.
STORAGE = f"2/marshal-{marshal.version}"


def unusable(folder: Path) -> str | None:
    """Why a build cannot write its cache at `folder`, and what to do, or None: a file of that name is there, or the folder (or one of
    the files a build writes there, or the folder it would be made in) is read-only, as in a checkout made read-only or
    a cache copied from another user. SQLite and the template cache stopped a build with a traceback there, the first
    after the output was written."""
    existing = folder
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    if existing.is_symlink() and not existing.exists():  # (`.ssg-cache -> /tmp/ssg-cache`, and /tmp emptied at a restart)
        return f"{existing} is a link to {os.readlink(existing)}, which is not there: make that folder, or remove the link"
    if not existing.is_dir():
        return f"{existing} is a file, not a folder: move it away"
    if existing != folder:
        return (
            None if os.access(existing, os.W_OK | os.X_OK) else f"it cannot be made in {existing}, which is read-only: make that writable"
        )
    written = [folder, folder / "templates", *folder.glob("cache.sqlite*"), *folder.glob("search-*.sqlite*")]
    for path in written:
        if os.path.exists(path) and not os.access(path, os.W_OK | os.X_OK if path.is_dir() else os.W_OK):
            if _read_only_mount(path):  # (no chmod makes it writable)
                return f"{path} is on a read-only file system: mount it read-write"
            return f"{path} is read-only: make it writable"
    return None


def _read_only_mount(path: Path) -> bool:
    """Whether `path` is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # (no statvfs on Windows)
        return False


# The names a build cache holds: its database, the search index's states (`searching.search_state`, and the one
# `search.writer` makes anew beside it), the compiled templates, the lock, its .gitignore, the preview's folder, its
# lock and what it shows (`server._shows`), the working files of an output folder in it (`output.working_path`: the preview's, or output_dir: _build/html
# with cache_dir: _build); and what a file manager leaves in any folder it shows.
_CACHE_NAMES = re.compile(
    r"(cache\.sqlite|search-[0-9a-f]{12}\.sqlite(\.new)?)(-wal|-shm|-journal)?|templates|lock|\.gitignore|serve|serve\.(?:serving|shows)"
    r"|\..+\.ssg-.+"
    r"|\.DS_Store|Thumbs\.db|desktop\.ini|lost\+found"  # (and what a disk of its own holds at its top)
)


def foreign_files(folder: Path) -> list[str]:
    """The names in `folder` that no build cache holds (folders with a /), sorted; none where it is not a folder. An
    output folder, the preview's (serve/) or one built there, holds ssg's manifest.

    cache_dir: ~/Documents, or another program's cache folder: a build wrote its database into the user's cache.sqlite,
    deleted it where it was no SQLite database, and every -o DIR's search-*.sqlite there; and the README tells that
    deleting the cache is always safe."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(
        e.name + ("/" if e.is_dir(follow_symlinks=False) else "")
        for e in entries
        if not _CACHE_NAMES.fullmatch(e.name)
        and not (e.is_dir(follow_symlinks=False) and os.path.isfile(os.path.join(e.path, MANIFEST)))  # (a link loop: no folder)
    )


def write_failure(folder: Path, error: sqlite3.Error, state: str) -> Problem:
    """What an error of SQLite as a build wrote its cache in `folder` means, and what to do: the disk it is on full
    (the project's own disk, mostly: the cache is written before the output), the file read-only or damaged meanwhile.
    A nearly full disk stopped the build with SQLite's traceback ("database or disk is full"). `state`: the output
    folder's."""
    what, fix = _failure_words(folder, error)
    return Problem(str(folder / "cache.sqlite"), None, None, f"the build cache cannot be written ({what}): {fix} ({state})")


def record_failure(folder: Path, error: sqlite3.Error) -> Problem:
    """The warning of a build whose output was moved in whole, and whose record in the cache (in `folder`) then failed to
    be saved (`write_failure`'s causes): the build exited 1 there, and a CI deploy stopped, though the output folder
    held the whole new site. What the next build finds is true of the cache as it stays: the records of the articles,
    saved before the output was written, and the last record of a build, an earlier one's or none; the output folder
    tells its files by its own manifest, not by the cache."""
    what, fix = _failure_words(folder, error)
    return Problem(
        str(folder / "cache.sqlite"),
        None,
        None,
        f"the output folder holds this build, whole, but the build cache cannot be written ({what}), so it has no record "
        f"of this build: the next build cannot tell that nothing changed, and checks every page again (writing only "
        f"those that differ); {fix}",
    )


def disk_full(error: BaseException | None) -> bool:
    """Whether `error` is SQLite's of a full disk (SQLITE_FULL), which a build without this cache does not meet."""
    return isinstance(error, sqlite3.Error) and lacking(error) is Lack.DISK


@dataclass(frozen=True)
class Held:
    """What the cache folder held as a build started, under the cache lock (`held`): what `give_back` may not remove."""

    names: frozenset[str]  # the folder's files and folders
    templates: frozenset[str]  # the compiled templates (templates/)


def held(folder: Path) -> Held:
    """What `give_back` compares with: what the cache `folder` holds as a build starts, looked at under its lock."""
    try:
        names = frozenset(os.listdir(folder))
    except OSError:
        names = frozenset()
    try:
        templates = frozenset(os.listdir(folder / "templates"))
    except OSError:
        templates = frozenset()
    return Held(names, templates)


def give_back(folder: Path, before: Held) -> bool:
    """Give a full disk back the room a build that went without its cache (`build.build`) took in the cache `folder`,
    which held `before` (`held`) as it started. On an 8 MB disk, the build's records were left in SQLite's log
    (cache.sqlite-wal, 5 MB: 4 KB free on the disk), and the user's next save there failed. Called while the build
    holds the cache lock: no other ssg process has written in the folder since `before` was looked at.

    What the build made goes: the templates it compiled, a database or a search state it started, the new search state
    a cold build was writing (search-*.sqlite.new, tens of MB at 10,000 articles), the .gitignore it put there; nothing
    else (a preview's serve/ folder, anything of another process's), and not the folder itself (`Builder` removes it
    once let go, where this build made it and it is empty). Of a database that was there, SQLite empties the log: what
    no transaction committed is dropped (SQLite reads no frame after the last commit's), the rest copied into the
    database (`wal_checkpoint(TRUNCATE)`); the search states' logs likewise. Where that cannot run for the cache's
    database (it grows by what it copies, and the disk is full), the database goes with its log: the log alone cannot,
    as the database may hold part of what it copied and need the rest, and a cache deleted is always safe (the next
    build reads every article again). Returns whether a database that was there before the build was deleted."""
    with contextlib.suppress(OSError):
        for name in set(os.listdir(folder / "templates")) - before.templates:
            (folder / "templates" / name).unlink(missing_ok=True)
    if "templates" not in before.names:
        with contextlib.suppress(OSError):
            (folder / "templates").rmdir()  # (where empty)
    marker = folder / ".gitignore"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if ".gitignore" not in before.names and marker.read_text(encoding="utf-8") == GITIGNORE:
            marker.unlink()
    for state in folder.glob("search-*.sqlite"):
        if state.name in before.names:
            _checkpointed(state)
    for made in folder.glob("search-*.sqlite*"):
        base = made.name.split(".sqlite")[0] + ".sqlite"
        if made.name.endswith(".new") or base not in before.names:
            made.unlink(missing_ok=True)
    database = folder / "cache.sqlite"
    if database.name in before.names and _checkpointed(database):
        return False
    if not database.is_file() and not any(Path(f"{database}{suffix}").exists() for suffix in _BESIDE):
        return False
    for suffix in ("", *_BESIDE):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return database.name in before.names


_BESIDE = ("-wal", "-shm", "-journal")  # the files SQLite keeps beside a database


def _checkpointed(database: Path) -> bool:
    """Whether SQLite emptied the log of `database` into it (`wal_checkpoint(TRUNCATE)`), which `give_back` asks."""
    try:
        db = sqlite3.connect(database)
        try:
            return db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
        finally:
            db.close()
    except sqlite3.Error:
        return False


def _failure_words(folder: Path, error: sqlite3.Error) -> tuple[str, str]:
    """What an error of SQLite as a build wrote its cache in `folder` means, and what to do."""
    name, elsewhere = getattr(error, "sqlite_errorname", ""), "set cache_dir in site.yaml to a folder on another disk"
    lack = lacking(error)
    if lack is Lack.DISK:
        if no_inodes(folder):
            return NO_INODES, f"delete files on that disk, or {elsewhere}"
        return "the disk is full", f"make room on that disk, or {elsewhere}"
    if lack is Lack.FILES and (folder / "cache.sqlite").is_file() and unusable(folder) is None:
        # (SQLite tells no errno: its files are there and writable, and only the limit on open files is left. Under
        # `ulimit -n 21`, deleting the cache was told, which fixes nothing.)
        return "SQLite could not open a file of it that is there: too many open files", too_many_files_fix()
    if name.startswith("SQLITE_IOERR"):  # (a file-size limit, `ulimit -f`, is one: SQLite does not tell it from others)
        return "a disk I/O error: the disk full, a file-size limit (ulimit -f) reached, or the disk failing", f"check it, or {elsewhere}"
    return f"SQLite: {error}", f"deleting {folder} is safe, and the next build makes it again"


def file_digest(source_path: str, raw: bytes) -> str:
    # (A name read in a legacy locale holds escapes for the bytes it could not read: they count as those bytes.)
    return hashlib.sha256(source_path.encode("utf-8", "surrogateescape") + b"\0" + raw).hexdigest()[:32]


GITIGNORE = "# Made by ssg: the build cache of this computer, never to be committed (deleting it is safe).\n*\n"


def ignored_by_git(folder: Path) -> None:
    """Put a `.gitignore` of `*` in the cache folder, as pytest and ruff do in theirs.

    The project's .gitignore that `ssg init` writes names `/.ssg-cache/`, but an archive made before it, a `cache_dir:` of
    another name, or a `git add -A` in a repository of another layout committed the cache: megabytes of SQLite every
    editor's next build changes, and every pull then stops on them. This ignores the folder wherever it is.
    """
    marker = folder / ".gitignore"
    if not marker.exists():
        with contextlib.suppress(OSError):  # (a read-only cache is told of elsewhere: `unusable`)
            marker.write_text(GITIGNORE, encoding="utf-8")


def tracked_by_git(folder: Path, shown: str) -> str | None:
    """What to tell a newsroom whose repository tracks files in the cache folder, or None: the `.gitignore` that
    `ignored_by_git` puts there keeps new files out, not files committed before it was written, which every build then
    changes and every pull stops on. `shown`: the folder as site.yaml names it (`cache_dir`), for the command to run.

    Asks `git ls-files` only where a `.git` is in the folder or above it (no process for a project outside git), and
    never fails: no git, a repository git refuses (another user's), a slow one (5 s) all say nothing."""
    if not any(os.path.lexists(parent / ".git") for parent in (folder, *folder.parents)) or not folder.is_dir():
        return None
    git = shutil.which("git")
    if git is None:
        return None
    # The repository git finds from the cache folder, not the one a hook's variables name: a pre-commit `ssg check` in a
    # linked worktree has GIT_DIR and no GIT_WORK_TREE, so git took the cache folder for the worktree's top and listed
    # every file of the repository as the cache's. And no lock (it only reads) that a commit beside it would wait on.
    env = git_environment()
    try:
        listed = subprocess.run([git, "ls-files", "-z", "--", "."], cwd=folder, capture_output=True, timeout=5, env=env, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    files = [name for name in listed.stdout.decode("utf-8", "replace").split("\0") if name and name != ".gitignore"]
    if listed.returncode != 0 or not files:
        return None
    named = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    return (
        f"git tracks {len(files)} file{'s' * (len(files) != 1)} of the build cache ({named}), which every build changes "
        f"and every pull then stops on: untrack {'them' if len(files) != 1 else 'it'} with `git rm -r --cached {shlex.quote(shown)}` "
        "(run in the folder of site.yaml) and commit (the cache's own .gitignore keeps it out from then on)"
    )


# The size of the pages of a cache file made anew (an existing file keeps its own). A record is 7.5 KB at 10,000 articles,
# which SQLite's default 4 KB pages spread over a chain of three: a cold build wrote 25,900 pages to the write-ahead
# log and copied each into the file at its commit, in the read phase's tail, where one core works. In 32 KB pages (3,200
# of them) the 10,002 inserts took 0.15 s of CPU instead of 0.21-0.34, the commit 0.06 s instead of 0.21 (the least of
# three rounds of `benchmarks/cache_pages.py`; in a cold build, 0.08 s instead of 0.24), for a file 6% larger and the
# same time to read the bodies back (64 KB pages read them 10-20% slower).
PAGE_SIZE = 32768

SHRINK_ABOVE = 32 * 2**20  # free bytes in the cache file worth a VACUUM (where they are also a quarter of it)


class Store:
    """Cached article records; `path=None` keeps them in memory only (for `ssg check`)."""

    def __init__(self, path: Path | None, stamp: str):
        self.path = path
        self.stamp = stamp
        self.reset = False  # True when the database was started afresh: nothing remembered of it holds
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            self._discard()
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            db = sqlite3.connect(":memory:")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignored_by_git(self.path.parent)
            db = sqlite3.connect(self.path)
        db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # (before anything is written: a file made earlier keeps its size)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        # A table of another shape, as another version of ssg made it (a column added, or dropped): its rows are deleted
        # below as another stamp's, but the table stayed, and the build failed where it wrote one ("table records has 3
        # columns but 4 values were supplied"), telling to delete the cache; it is started afresh, as a damaged file is.
        tables = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
        if any(tables.get(name) != made for name, made in _TABLES.items()):
            db.close()
            raise sqlite3.DatabaseError("the tables of another version of ssg")
        stamps = [row[0] for row in db.execute("SELECT value FROM stamp")]
        if stamps != [self.stamp]:
            db.executescript(
                "DELETE FROM stamp; DELETE FROM files; DELETE FROM records; DELETE FROM snapshot; DELETE FROM templates; DELETE FROM copies; DELETE FROM builds; DELETE FROM written; DELETE FROM prints; DELETE FROM labels; DELETE FROM pages_as_pictures;"
            )
            db.execute("INSERT INTO stamp VALUES (?)", (self.stamp,))
            db.commit()
            self.reset = True
        db.execute("SELECT count(*) FROM records").fetchone()  # fails here on a damaged file
        return db

    def _discard(self) -> None:
        if self.path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def known_files(self) -> dict[str, tuple[int, int, str]]:
        """path -> (size, changed_ns, digest) as seen by the last build."""
        return {row[0]: (row[1], row[2], row[3]) for row in self.db.execute("SELECT path, size, changed_ns, digest FROM files")}

    def remember_files(self, changed: Iterable[tuple[str, int, int, str]], gone: Iterable[str] = ()) -> None:
        """Update the table of files the last build saw: `changed` rows replace theirs, `gone` paths are dropped."""
        self.db.executemany("DELETE FROM files WHERE path = ?", ((path,) for path in gone))
        self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", changed)

    def snapshot(self, kind: str) -> dict:
        """The objects of the last `save_snapshot`, if it was of this `kind` (a name for the classes pickled)
        and the blob passes its checksum; else empty."""
        row = self.db.execute("SELECT checksum, value FROM snapshot WHERE kind = ?", (kind,)).fetchone()
        if row is None or hashlib.sha256(row[1]).hexdigest() != row[0]:
            return {}
        try:
            with _gc_paused():  # a collection every 700 new objects would double the time
                value = pickle.loads(row[1])
        except Exception:  # noqa: BLE001 - a damaged snapshot is a miss, whatever the unpickler says
            return {}
        return value if isinstance(value, dict) else {}

    def save_snapshot(self, kind: str, objects: dict) -> None:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _DISPATCH
        pickler.dump(objects)
        value = buffer.getbuffer()
        self.db.execute("DELETE FROM snapshot")
        # Written through a blob handle, not bound to the INSERT: a bound value stays copied in the statement sqlite3
        # keeps cached, 10 MB at 10,000 articles held by the build to its end (and by every render helper it forks).
        row = (kind, hashlib.sha256(value).hexdigest(), len(value))
        rowid = self.db.execute("INSERT INTO snapshot VALUES (?, ?, zeroblob(?))", row).lastrowid
        with self.db.blobopen("snapshot", "value", rowid) as blob:
            blob.write(value)

    def metas(self, digests: list[str]) -> dict[str, dict]:
        """The metadata of every cached record among `digests` (a damaged record is a miss)."""
        return self._column("meta", digests)

    def _column(self, column: str, digests: list[str], loads: Callable[[Any], Any] = json.loads) -> dict[str, Any]:
        """`column` of the records among `digests` read by `loads` (JSON's, or marshal's for the terms), a few hundred per
        query; unreadable ones left out."""
        found = {}
        for start in range(0, len(digests), 500):
            chunk = digests[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for digest, value in self.db.execute(f"SELECT digest, {column} FROM records WHERE digest IN ({marks})", chunk):
                try:
                    found[digest] = loads(value)
                # (EOFError: marshal's, for a record cut short; MemoryError: its, for one whose damaged bytes ask for a list
                # of 2^31 items: 17 GB asked, 4 s where the system gave them, a traceback where it did not)
                except (TypeError, ValueError, EOFError, MemoryError):
                    continue
        return found

    def put(self, digest: str, record: dict) -> None:
        meta = {"meta": record["meta"], "warnings": record["warnings"]}
        self.db.execute(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
            (digest, json.dumps(meta, ensure_ascii=False, sort_keys=True), record["body"], marshal.dumps(record["terms"])),
        )

    def terms(self, digests: list[str]) -> dict[str, dict]:
        """Search terms of the records among `digests` (none for a record read with search off), as `put` stored them:
        in marshal's form (see the module's docstring). A record whose terms are not a dict is left out: the search
        index then says the cache does not match (`search.writer`)."""
        found = self._column("terms", digests, marshal.loads)
        return {digest: terms or {} for digest, terms in found.items() if terms is None or isinstance(terms, dict)}

    def templates(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[int, str, str], ...]]]:
        """Template source hash -> (templates it refers to, context names it reads, the site paths it names: line,
        function, path), as parsed by earlier builds (`fingerprints.Templates`)."""
        found = {}
        for source, refers in self.db.execute("SELECT source, refers FROM templates"):
            try:
                names, variables, links = json.loads(refers)
                found[source] = (
                    tuple(map(str, names)),
                    tuple(map(str, variables)),
                    tuple((int(line), str(call), str(path)) for line, call, path in links),
                )
            except (TypeError, ValueError):
                continue
        return found

    def remember_templates(self, parsed: dict[str, tuple]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO templates VALUES (?, ?)", ((k, json.dumps(v)) for k, v in parsed.items()))

    def copies(self, sources: list[str] | None = None) -> dict[str, tuple[int, int, str]]:
        """Copied file (absolute path) -> (size, changed_ns, hash) when the last build copied it; of `sources` alone when
        given (a build reads its few stylesheets and scripts for conflict markers, `copies.conflicted`: all rows were
        9 ms of every preview's save where articles name 12,000 images)."""
        query = "SELECT source, size, changed_ns, digest FROM copies"
        rows = (
            self.db.execute(query)
            if sources is None
            else self.db.execute(f"{query} WHERE source IN (SELECT value FROM json_each(?))", (json.dumps(sources),))
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def remember_copies(self, changed: Iterable[tuple[str, int, int, str]], gone: Iterable[str] = ()) -> None:
        self.db.executemany("DELETE FROM copies WHERE source = ?", ((source,) for source in gone))
        self.db.executemany("INSERT OR REPLACE INTO copies VALUES (?, ?, ?, ?)", changed)

    def pages_as_pictures(self) -> frozenset[str]:
        """The pictures (absolute paths) found to be HTML pages when last read (`copies.file_problems`): one copied
        since as it is now is not read again, and is told again."""
        return frozenset(row[0] for row in self.db.execute("SELECT source FROM pages_as_pictures"))

    def remember_pages_as_pictures(self, found: Iterable[str], fine: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM pages_as_pictures WHERE source = ?", ((source,) for source in fine))
        self.db.executemany("INSERT OR REPLACE INTO pages_as_pictures VALUES (?)", ((source,) for source in found))

    def written_token(self) -> str:
        """What the last build that wrote records here left to know it by (`new_written_token`)."""
        row = self.db.execute("SELECT token FROM written").fetchone()
        return row[0] if row else ""

    def new_written_token(self) -> str:
        """Mark the records as written by this build, with a token a long-lived builder compares at its next build: one
        that differs there means another process (a `ssg build` beside `ssg serve`) wrote records and dropped those it
        did not need, which the builder's own knowledge of the cache still counts on (`load.Known`)."""
        token = os.urandom(8).hex()
        self.db.execute("DELETE FROM written")
        self.db.execute("INSERT INTO written VALUES (?)", (token,))
        return token

    def last_build(self, output: str) -> str | None:
        """What the last successful build into `output` noted (see `inputs.record`)."""
        row = self.db.execute("SELECT state FROM builds WHERE output = ?", (output,)).fetchone()
        return row[0] if row else None

    def remember_build(self, output: str, state: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO builds VALUES (?, ?)", (output, state))

    def prints(self, output: str) -> bytes | None:
        """What the last build into `output` that stored them left of its page fingerprints (`printmemo`), as stored."""
        row = self.db.execute("SELECT value FROM prints WHERE output = ?", (output,)).fetchone()
        return row[0] if row else None

    def remember_prints(self, output: str, value: bytes) -> None:
        """Store a build's page fingerprints (`printmemo.PrintMemo.dumps`), written through a blob handle as the
        snapshot is (`save_snapshot`), so that the statement sqlite3 caches holds no copy of them."""
        self.db.execute("DELETE FROM prints WHERE output = ?", (output,))
        rowid = self.db.execute("INSERT INTO prints VALUES (?, zeroblob(?))", (output, len(value))).lastrowid
        with self.db.blobopen("prints", "value", rowid) as blob:
            blob.write(value)

    def labels(self) -> bytes | None:
        """The date archive's labels the last build that made new ones stored (`labels.PeriodLabels.dumps`)."""
        row = self.db.execute("SELECT value FROM labels").fetchone()
        return row[0] if row else None

    def remember_labels(self, value: bytes) -> None:
        """Store the date archive's labels (one set: those of the code and language of the last build that made any)."""
        self.db.execute("DELETE FROM labels")
        self.db.execute("INSERT INTO labels VALUES (?)", (value,))

    def outputs(self) -> list[str]:
        """The output folders of the builds this cache remembers (`last_build`)."""
        return [row[0] for row in self.db.execute("SELECT output FROM builds")]

    def holds_records(self) -> bool:
        """Whether any file's record is cached (none: a new or emptied cache, where a build reads every file)."""
        return self.db.execute("SELECT 1 FROM records LIMIT 1").fetchone() is not None

    def digests(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT digest FROM records")}

    def prune(self, keep: set[str]) -> None:
        """Forget records no current file has (renamed and deleted articles)."""
        self.db.executemany("DELETE FROM records WHERE digest = ?", [(d,) for d in self.digests() - keep])

    def forget(self, digests: Iterable[str]) -> None:
        """Forget the records of these digests."""
        self.db.executemany("DELETE FROM records WHERE digest = ?", ((d,) for d in digests))

    def commit(self) -> None:
        self.db.commit()

    def rollback(self) -> None:
        """Drop what was written since the last commit, where that commit failed (the disk full): closing the store
        commits, and would fail again, the same way."""
        with contextlib.suppress(sqlite3.Error):
            self.db.rollback()

    def close(self, shrink: bool = True) -> None:
        """`shrink`: give the disk back the room dropped records left (`_shrink`), which may take seconds once; the
        preview's builds leave it to the next `ssg build`, so that no save waits for it before its reload."""
        try:
            self.db.commit()
            if shrink:
                self._shrink()
        finally:  # (a full disk fails the commit: the database is let go all the same, for the preview's next build)
            self.db.close()

    def _shrink(self) -> None:
        """Give the disk back the room of records no file has now, where it is over a quarter of the file: a keeper
        who moved 30,000 articles into month folders had each record written again beside its old one, and the cache
        stayed at 597 MB, 280 of them free, for good (sqlite reuses free pages, and returns them only to a VACUUM: 2.5 s
        there)."""
        if self.path is None:
            return
        pages, free, size = (self.db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count", "page_size"))
        if free * size < SHRINK_ABOVE or free * 4 < pages:
            return
        with contextlib.suppress(sqlite3.OperationalError):  # (another process reads the cache, `ssg check`: the next build tries again)
            self.db.execute("VACUUM")


def _mapping_proxy(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# Articles hold their extra front matter in a read-only mapping, which pickle cannot save by itself.
_DISPATCH = copyreg.dispatch_table | {MappingProxyType: lambda proxy: (_mapping_proxy, (dict(proxy),))}


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No collections while many long-lived objects are made at once: they are not garbage."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
