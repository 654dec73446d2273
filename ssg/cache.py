"""The on-disk build cache: what each article file reads as, keyed by its bytes.

One SQLite file under the project (`.ssg-cache/` by default). A record is keyed by a hash of the
file's path and bytes; the database as a whole is stamped with everything else that changes how
a file reads (ssg's version, the Markdown extensions, the render options of site.yaml). A
different stamp, or a database that fails to open or to answer, is thrown away and rebuilt:
the cache is never trusted, and deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS stamp (value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS records (digest TEXT PRIMARY KEY, meta TEXT, body TEXT, terms TEXT);
"""


def file_digest(source_path: str, raw: bytes) -> str:
    return hashlib.sha256(source_path.encode() + b"\0" + raw).hexdigest()[:32]


class Store:
    """Cached article records; `path=None` keeps them in memory only (for `ssg check`)."""

    def __init__(self, path: Path | None, stamp: str):
        self.path = path
        self.stamp = stamp
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
            db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        stamps = [row[0] for row in db.execute("SELECT value FROM stamp")]
        if stamps != [self.stamp]:
            db.executescript("DELETE FROM stamp; DELETE FROM files; DELETE FROM records;")
            db.execute("INSERT INTO stamp VALUES (?)", (self.stamp,))
            db.commit()
        db.execute("SELECT count(*) FROM records").fetchone()  # fails here on a damaged file
        return db

    def _discard(self) -> None:
        if self.path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def known_files(self) -> dict[str, tuple[int, int, str]]:
        """path -> (size, mtime_ns, digest) as seen by the last build."""
        return {row[0]: (row[1], row[2], row[3]) for row in self.db.execute("SELECT path, size, mtime_ns, digest FROM files")}

    def remember_files(self, rows: Iterable[tuple[str, int, int, str]]) -> None:
        self.db.execute("DELETE FROM files")
        self.db.executemany("INSERT INTO files VALUES (?, ?, ?, ?)", rows)

    def metas(self, digests: list[str]) -> dict[str, dict]:
        """The metadata of every cached record among `digests` (a damaged record is a miss)."""
        found = {}
        for start in range(0, len(digests), 500):
            chunk = digests[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for digest, meta in self.db.execute(f"SELECT digest, meta FROM records WHERE digest IN ({marks})", chunk):
                try:
                    found[digest] = json.loads(meta)
                except (TypeError, ValueError):
                    continue
        return found

    def put(self, digest: str, record: dict) -> None:
        meta = {"meta": record["meta"], "warnings": record["warnings"]}
        self.db.execute(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
            (digest, json.dumps(meta, ensure_ascii=False, sort_keys=True), record["body"], json.dumps(record["terms"], ensure_ascii=False)),
        )

    def body(self, digest: str) -> str:
        row = self.db.execute("SELECT body FROM records WHERE digest = ?", (digest,)).fetchone()
        if row is None:
            raise KeyError(f"no cached body for {digest}")
        return row[0]

    def terms(self, digests: list[str]) -> Iterator[tuple[str, dict]]:
        for digest in digests:
            row = self.db.execute("SELECT terms FROM records WHERE digest = ?", (digest,)).fetchone()
            yield digest, json.loads(row[0]) if row and row[0] else {}

    def prune(self, keep: set[str]) -> None:
        """Forget records no current file has (renamed and deleted articles)."""
        current = {row[0] for row in self.db.execute("SELECT digest FROM records")}
        stale = [(d,) for d in current - keep]
        self.db.executemany("DELETE FROM records WHERE digest = ?", stale)

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()
