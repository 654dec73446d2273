"""The build cache's page size: a cold build's inserts and commit, and reading each body back, in pages of each size.

    python benchmarks/cache_pages.py SITE/.ssg-cache/cache.sqlite [ROUNDS]

takes the records of a cache a cold build made (`ssg build` on an archive of `generate.py`) and writes them into a new
file as a cold build does (one transaction, write-ahead log, then the commit that copies the log into the file), then
reads every body back by its key in a random order (as pages are rendered). CPU seconds of this process.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

SCHEMA = "CREATE TABLE records (digest TEXT PRIMARY KEY, meta TEXT, body TEXT, terms TEXT)"


def one_size(rows: list[tuple], page_size: int, folder: Path) -> str:
    path = folder / f"cache-{page_size}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.process_time()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA page_size={page_size}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(SCHEMA)
    db.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", rows)
    inserted = time.process_time()
    db.commit()
    committed = time.process_time()
    db.close()
    keys = [(row[0],) for row in rows]
    random.Random(1).shuffle(keys)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    read = time.process_time()
    for key in keys:
        db.execute("SELECT body FROM records WHERE digest = ?", key).fetchone()
    done = time.process_time()
    db.close()
    size = path.stat().st_size / 2**20
    return (
        f"{page_size:6} B pages: inserts {inserted - start:.3f} s, commit {committed - inserted:.3f} s, "
        f"bodies read back {done - read:.3f} s, file {size:.0f} MB"
    )


def main() -> None:
    source = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    rows = source.execute("SELECT digest, meta, body, terms FROM records").fetchall()
    print(f"{len(rows)} records")
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 2):
            for page_size in (4096, 8192, 16384, 32768, 65536):
                print(one_size(rows, page_size, Path(folder)), flush=True)


if __name__ == "__main__":
    main()
