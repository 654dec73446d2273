"""SearchDocs -> the files of the sharded index, under `config.path` of the site.

Files (each a script that calls `ssgSearchData(key, data)`, so the page can load them with
<script> tags, which works from file:// where fetch does not):

- `index.js`: the manifest: fields and boosts, languages, document count, the total length of
  each field, the first term of every shard, how many documents a store chunk holds, a build id.
- `len.js`: the length of every field of every document (lunr's BM25 needs them for the scores).
- `t/N.js`: shard N: for each of its terms, in sorted order, lunr's term index and per field
  the documents that hold the term with its count.
- `d/N.js`: store chunk N: path, title, date, language, lead and tags of documents N*k..N*k+k-1.

Why not lunr's own serialized index per shard: it stores every posting twice (inverted index and
document vectors) with scores that depend on every other document, so it is several times larger
and every shard changes when one article does. Here a shard holds counts, and search.js turns
the shards a query needs into lunr's structures with the very arithmetic of lunr.Builder, so the
scores are those of one unsplit lunr index (tests/test_search_ranking.py checks this).

Documents are numbered newest first; terms are numbered (lunr's `_index`) in order of first
occurrence over the documents in that order, as lunr.Builder numbers them.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from itertools import chain

from .model import TERMS_VERSION, SearchConfig, SearchDoc

FORMAT = 1
BOOSTS = {"title": 10, "tags": 5, "body": 1}
SHARD_BYTES = 48_000  # raw bytes of postings per shard: about 20 KB gzipped
STORE_CHUNK = 4  # documents per store file: a page of hits needs few bytes beyond its own
LEAD_CHARS = 280


def write_index(docs: Iterable[SearchDoc], config: SearchConfig) -> Iterator[tuple[str, bytes]]:
    """Every file of the index, as (path relative to the site root, bytes); same docs, same bytes."""
    ordered = sorted(docs, key=_newest_first)
    for doc in ordered:
        _check_terms(doc, config)
    with _gc_paused():
        postings, lengths = _invert(ordered, config.fields)
    shards, bounds = _shards(postings, len(config.fields))
    files = {f"t/{i}.js": _script(f"t/{i}", shard) for i, shard in enumerate(shards)}
    files["len.js"] = _script("len", lengths)
    for start in range(0, len(ordered), STORE_CHUNK):
        key = f"d/{start // STORE_CHUNK}"
        files[key + ".js"] = _script(key, [_stored(doc) for doc in ordered[start : start + STORE_CHUNK]])
    build = hashlib.sha256(b"".join(files[name] for name in sorted(files))).hexdigest()[:12]
    manifest = {
        "format": FORMAT,
        "build": build,
        "fields": list(config.fields),
        "boosts": [BOOSTS[f] for f in config.fields],
        "languages": list(config.languages),
        "docs": len(ordered),
        "lengths": [sum(field) for field in lengths],
        "shards": bounds,
        "chunk": STORE_CHUNK,
    }
    yield config.path + "index.js", _script("index", manifest)
    for name in sorted(files):
        yield config.path + name, files[name]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building millions of small lists triggers the cyclic GC over and over (half the time);
    they hold no cycles, so pause it for the loop and restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _newest_first(doc: SearchDoc) -> tuple[float, str]:
    return -datetime.fromisoformat(doc.date).timestamp(), doc.ref


def _check_terms(doc: SearchDoc, config: SearchConfig) -> None:
    terms = doc.terms or {}
    if (
        terms.get("version") != TERMS_VERSION
        or terms.get("languages") != list(config.languages)
        or any(f not in terms.get("fields", {}) for f in config.fields)
    ):
        raise ValueError(f"the cached search terms of {doc.ref} do not match site.yaml `search:`: delete the build cache and build again")


def _invert(docs: list[SearchDoc], fields: tuple[str, ...]) -> tuple[dict[str, list[list[int]]], list[list[int]]]:
    """term -> per field its encoded postings (dict order: lunr's term index), and the field lengths.

    A posting is (doc - previous doc - 1) * 2 + (count > 1), followed by the count if > 1. This
    loop over every posting is the bulk of the global work, so it encodes as it goes: each list
    starts with the last document seen (dropped at the end), and one dict lookup per posting is all.
    """
    per_field: list[dict[str, list[int]]] = [{} for _ in fields]
    sequences: list[list[str]] = []
    lengths: list[list[int]] = [[] for _ in fields]
    for n, doc in enumerate(docs):
        data = doc.terms["fields"]
        for f, name in enumerate(fields):
            field = data[name]
            lengths[f].append(field["length"])
            if not field["terms"]:
                continue
            terms = field["terms"].split(" ")
            sequences.append(terms)
            postings = per_field[f]
            get = postings.get
            for term, count in zip(terms, field["tf"], strict=True):
                codes = get(term)
                if codes is None:
                    postings[term] = [n, n * 2] if count == 1 else [n, n * 2 + 1, count]
                    continue
                gap = (n - codes[0] - 1) * 2
                codes[0] = n
                if count == 1:
                    codes.append(gap)
                else:
                    codes += (gap + 1, count)
    # lunr.Builder numbers terms in order of first occurrence: documents, then fields, then tokens.
    order = dict.fromkeys(chain.from_iterable(sequences))
    empty = [0]
    return {term: [p.get(term, empty)[1:] for p in per_field] for term in order}, lengths


def _utf16_key(term: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; so must the shard bounds."""
    return term.encode("utf-16-be", "surrogatepass")


def _shards(postings: dict[str, list[int]], width: int) -> tuple[list[list], list[str]]:
    """Cut the sorted terms into shards of about SHARD_BYTES; each shard's lower bound for the manifest."""
    index = {term: i for i, term in enumerate(postings)}
    terms = sorted(postings)
    if any(max(t) > "\uffff" for t in terms):
        terms.sort(key=_utf16_key)
    shards: list[list] = []
    bounds: list[str] = []
    current: list = []
    size = 0
    previous = ""
    for term in terms:
        if size >= SHARD_BYTES:
            shards.append(current)
            bounds.append(_separator(previous, term))
            current, size = [], 0
        lists = postings[term]
        while lists and not lists[-1]:
            lists.pop()
        current.append([term, index[term], *lists])
        size += len(term) + 10 + 4 * sum(map(len, lists))  # about 4 bytes a number
        previous = term
    shards.append(current)
    return shards, [""] + bounds


def _separator(last: str, first: str) -> str:
    """The shortest prefix of `first` that sorts after `last`: a shard's lower bound."""
    for end in range(1, len(first) + 1):
        if _utf16_key(first[:end]) > _utf16_key(last):
            return first[:end]
    return first


def _stored(doc: SearchDoc) -> list:
    return [doc.path, doc.title, doc.date, doc.lang, _clip(doc.lead), list(doc.tags)]


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LEAD_CHARS:
        return text
    cut = text.rfind(" ", 0, LEAD_CHARS)
    return text[: cut if cut > LEAD_CHARS // 2 else LEAD_CHARS].rstrip(",;:") + "…"


def _script(key: str, data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a broken emoji: let JSON escape it
        payload = json.dumps(data, separators=(",", ":")).encode("ascii")
    return b'ssgSearchData("' + key.encode() + b'",' + payload + b");\n"
