"""Count articles, bytes, word tokens and distinct words of a generated archive.

Usage::

    python benchmarks/wordstats.py OUT_DIR [--jobs N]

Used to check that ``generate.py`` produces a realistic vocabulary (Heaps' law growth, about
100k distinct words per 10,000 articles), the number a search index or stemmer has to cope with.
A word is a maximal run of letters (``[^\\W\\d_]+``), lowercased, in an article *body* (front
matter skipped); link targets ``](https://...)`` are removed first, since URLs are not prose.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
LANG = re.compile(r"^lang: *(\w+)", re.MULTILINE)


def _count(paths: Sequence[Path]) -> tuple[dict[str, set[str]], Counter[str]]:
    """Distinct words per language and totals for a batch of files."""
    words: dict[str, set[str]] = {}
    totals: Counter[str] = Counter()
    for path in paths:
        data = path.read_bytes()
        text = data.decode()
        _, front, body = text.split("---\n", 2)
        m = LANG.search(front)
        lang = m.group(1) if m else "?"
        tokens = WORD.findall(LINK_TARGET.sub("]", body).lower())
        words.setdefault(lang, set()).update(tokens)
        totals["articles"] += 1
        totals[f"articles_{lang}"] += 1
        totals["bytes"] += len(data)
        totals["body_bytes"] += len(body.encode())
        totals["tokens"] += len(tokens)
    return words, totals


def stats(root: Path, jobs: int) -> dict[str, int]:
    """Totals and distinct-word counts (overall and per language) under ``root/content``."""
    paths = sorted((root / "content").rglob("*.md"))
    batches = [paths[i : i + 500] for i in range(0, len(paths), 500)]
    words: dict[str, set[str]] = {}
    totals: Counter[str] = Counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for batch_words, batch_totals in pool.imap_unordered(_count, batches):
            for lang, ws in batch_words.items():
                words.setdefault(lang, set()).update(ws)
            totals.update(batch_totals)
    result = dict(totals)
    result["distinct_words"] = len(set().union(*words.values())) if words else 0
    for lang, ws in sorted(words.items()):
        result[f"distinct_words_{lang}"] = len(ws)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, metavar="OUT_DIR")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    print(json.dumps(stats(args.root, max(1, args.jobs)), indent=2))


if __name__ == "__main__":
    main()
