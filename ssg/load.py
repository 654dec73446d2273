"""Find, read and check every article: through the cache, in parallel where it pays.

Only files whose bytes changed since the last build are read by `content.read_article`; the
rest come from the cache as metadata (the bodies stay on disk until a page needs them).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .cache import Store, file_digest
from .content import Article, ReadSettings, read_article
from .errors import Problem

PARALLEL_FROM = 64  # fewer changed files than this are read in-process: a pool costs ~0.1 s to start


@dataclass(frozen=True)
class Loaded:
    """Every article that read cleanly, and what went wrong with the others."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    lines: dict[str, dict[str, int]]  # source path -> front-matter key -> line (for later checks)
    read: int  # how many files were read and rendered (not from the cache)


def content_files(content_dir: Path) -> list[str]:
    """Markdown files under content/, as sorted forward-slash paths; hidden and editor files skipped."""
    found = []
    top = len(str(content_dir)) + 1
    for folder, dirs, files in os.walk(content_dir):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        prefix = folder[top:].replace(os.sep, "/")
        for name in files:
            if name.endswith(".md") and not name.startswith((".", "#", "~")):
                found.append(f"{prefix}/{name}" if prefix else name)
    return sorted(found)


def load_articles(content_dir: Path, store: Store, settings: ReadSettings, jobs: int, shown_as: str = "content") -> Loaded:
    """Read all articles under `content_dir`; `jobs` worker processes for the uncached ones.

    Problems name files as `shown_as/<path>`, the way the user sees them from the project.
    """
    known = store.known_files()
    digests: dict[str, str] = {}
    raws: dict[str, bytes] = {}
    stats = []
    for path in content_files(content_dir):
        full = os.path.join(content_dir, path)
        stat = os.stat(full)
        seen = known.get(path)
        if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns:
            digests[path] = seen[2]
        else:
            raws[path] = Path(full).read_bytes()
            digests[path] = file_digest(path, raws[path])
        stats.append((path, stat.st_size, stat.st_mtime_ns, digests[path]))
    cached = store.metas(sorted(set(digests.values())))
    missing = [p for p, d in digests.items() if d not in cached]
    for path in missing:
        if path not in raws:
            raws[path] = (content_dir / path).read_bytes()
    fresh = _read_many([(p, raws[p], settings) for p in missing], jobs)
    problems: list[Problem] = []
    failed_warnings: list[Problem] = []
    for path, record in fresh.items():
        if "problems" in record:
            problems += [Problem.from_dict(p) for p in record["problems"]]
            failed_warnings += [Problem.from_dict(w) for w in record.get("warnings", [])]
            stats = [s for s in stats if s[0] != path]  # never remember a failing file as read
        else:
            store.put(digests[path], record)
            cached[digests[path]] = {"meta": record["meta"], "warnings": record["warnings"]}
    store.remember_files(stats)
    store.prune(set(cached) & set(digests.values()))
    store.commit()
    articles, warnings, lines = [], failed_warnings, {}
    for path, digest in digests.items():
        if digest in cached:
            articles.append(Article.from_record(path, digest, cached[digest]))
            warnings += [Problem.from_dict(w) for w in cached[digest]["warnings"]]
            lines[path] = cached[digest]["meta"].get("lines", {})
    shown = lambda p: replace(p, path=f"{shown_as}/{p.path}")  # noqa: E731
    return Loaded(tuple(articles), tuple(map(shown, problems)), tuple(map(shown, warnings)), lines, len(missing))


def _read_many(items: list[tuple[str, bytes, ReadSettings]], jobs: int) -> dict[str, dict]:
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        return {path: read_article(path, raw, settings) for path, raw, settings in items}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_read_one, items, chunksize=max(1, min(64, len(items) // (jobs * 8))))
        return dict(results)


def _read_one(item: tuple[str, bytes, ReadSettings]) -> tuple[str, dict]:
    path, raw, settings = item
    return path, read_article(path, raw, settings)


def published(articles: tuple[Article, ...], drafts: bool, future: bool, now: datetime) -> list[Article]:
    """Drop drafts and articles dated after `now` unless asked to keep them."""
    return [a for a in articles if (drafts or not a.draft) and (future or a.date <= now)]
