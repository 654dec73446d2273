"""SearchDocs -> the files of the sharded index, under `config.path` of the site.

Files (each a script that calls `ssgSearchData(key, data)`, so the page can load them with
<script> tags, which works from file:// where fetch does not):

- `index.js`: the manifest: fields and boosts, languages, document count, the total length of
  each field, the lower bound of every shard's terms, how many documents a store chunk holds, a
  build id.
- `t/<name>.js`: a shard: the terms from its bound up to the next shard's, in sorted order, as
  columns [terms joined by newlines, their order keys, then per field the postings of each term
  joined by commas] (`codec` describes a term's postings). The name derives from the bound.
- `d/N.js`: store chunk N: path, title, date, language, lead, tags and outlet of documents N*k..N*k+k-1, and the
  outlet's page where it has one.
- `l/<field>.js`: the length of that field in every document, for the terms common enough
  (`DENSE`) that shipping their lengths with their postings would cost more.

Documents are numbered oldest first, so a new article only adds to the end of posting lists and
of the store. search.js ranks exactly as one lunr index built newest first (document refs
count from the newest), and computes what lunr would number each term (its first occurrence in
that order) from the newest document holding it and the term's offset in that document (the
order key), both stable while other articles change.

Why not lunr's own serialized index per shard: it stores every posting twice (inverted index and
document vectors) with scores that depend on every other document, so it is several times larger
and every shard changes when one article does. Here a shard holds counts and lengths, and
search.js computes lunr's scores from them with the arithmetic of lunr.Builder and lunr.Index
(tests/test_search_ranking.py checks equality with one unsplit lunr index).

Shards are cut by content (`_Partition`), not by position, so a changed article changes only the
shards its terms live in. With `state` (a file under the build cache), the next build starts
from this one's index and re-encodes only the terms of the articles that changed (`_Update`); a
cold build and an incremental one give the same bytes. Documents may come without their terms
(`TermsCache`): an update then reads the terms of only the few documents it needs, and a cold
build reads them a batch at a time into packed arrays (`inverted`), holding no document's terms
once inverted (at 10,000 articles the phase adds about 50 MB to the process, not 105).
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import os
import re
import sqlite3
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress, repeat
from operator import add, attrgetter, ne
from pathlib import Path
from typing import NamedTuple

from . import codec
from .analysis import terms_digest
from .inverted import Inverted, sequence
from .model import TERMS_VERSION, SearchConfig, SearchDoc, TermsCache

FORMAT = 4  # 3: bitmaps (codec); 4: a bitmap's counts as Rice codes
BOOSTS = {"title": 10, "tags": 5, "source": 5, "body": 1}
SHARD_BYTES = 8_000  # the raw size shards aim at
# Documents per store file. Hits rarely sit next to each other, so a page of 10 hits loads 10
# files whatever this is: with 4 it pays for 40 documents (11.5 KB gzip), with 1 it would pay for
# 10 (3.8 KB), but the output would hold a file per article more (10,000 at 10,000 articles), which
# every build writes or compares and the manifest lists: kept at 4.
STORE_CHUNK = 4
DENSE = 1024  # a term in this many documents of a field leaves their lengths to the field's table
BITMAP_EVERY = 3  # a term as common, in more than one document in this many up to its last, is a bitmap
SMALL = 8  # the state keeps the postings of terms in more documents; fewer are read from their rows
LEAD_CHARS = 280
MAX_CHANGED = 0.25  # more changed documents than this share of the archive: rebuild from scratch
# More edited documents (their terms changed) than this share: rebuild from scratch too. An edited document's terms
# are each spliced out of and into their postings, which costs more than inverting them afresh once many are: a tag
# renamed in a share of a 10,000-article archive (search phase, update against from scratch, `ssg build --profile`)
# 3.3%: 1.5 s against 2.5 s; 6.3%: 2.8 against 2.7 s and 302 against 213 MiB; 10%: 2.9 against 2.4 s, 326 against
# 214 MiB; 19%: 5.4 against 2.6 s, 369 against 215 MiB (at 30,000 articles, 18%: 18 against 9.8 s, 835 against 471).
MAX_EDITED = 0.05
_TERMS_BATCH = 1000  # documents whose cached terms are read at a time

_ONE = codec.TF_OFFSET + 1  # a count of 1, as the postings keep it
_POS = re.compile(f"[{re.escape(codec.MORE)}]*[{re.escape(codec.FINAL)}]")


class IndexFile(NamedTuple):
    """One file of the index."""

    path: str  # relative to the site root
    data: bytes
    digest: str  # of `data`: a file whose digest the output already has need not be compared byte for byte


def write_index(
    docs: Iterable[SearchDoc], config: SearchConfig, state: Path | None = None, cache: TermsCache | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every file of the index, as (path relative to the site root, bytes): `index_files` without the digests."""
    for file in index_files(docs, config, state, cache):
        yield file.path, file.data


def index_files(
    docs: Iterable[SearchDoc], config: SearchConfig, state: Path | None = None, cache: TermsCache | None = None
) -> Iterator[IndexFile]:
    """Every file of the index; same docs, same bytes.

    `state`: a file (safe to delete) where the index is kept between builds, so that the next
    build only redoes what changed; without it every build starts from scratch. `cache`: where
    the terms of documents made without them are read, only for the documents the build needs.
    """
    yield from Indexer().files(docs, config, state, cache)


class Indexer:
    """Writes the index build after build (`index_files` is one of its builds), keeping what a
    long-lived builder (the preview's) would otherwise make again on every save.

    - Each document as the writer read it, by the SearchDoc object: a builder that hands over
      the same SearchDoc for an unchanged article spares the writer reading 10,000 of them.
    - With `defer`, the state is saved by `flush`, which the preview calls once the author pauses,
      not between a save and the page's reload. A build that comes first updates the index still
      to be saved, and one save later writes both builds' changes (`_chained`): saving first would
      make it wait (0.2-0.5 s at 10,000 articles after a moved date, when saves come fast). Until
      then the state on disk is the one before (consistent, only older: a build that starts from
      it redoes a little more).
    - With `defer`, the index as saved, so that the next build updates it without reading the
      state back (`_Kept`), as long as the state is still the one this writer saved.
    """

    def __init__(self, defer: bool = False) -> None:
        self.defer = defer
        self._docs: dict[int, _Doc] = {}  # id(SearchDoc) -> its _Doc (which holds it, so the id stays its own)
        self._pending: tuple[_Store, _Index, str | None] | None = None  # and the generation of the state it updated
        self._kept: _Kept | None = None

    def files(
        self,
        docs: Iterable[SearchDoc],
        config: SearchConfig,
        state: Path | None = None,
        cache: TermsCache | None = None,
        frozen: bool = False,
    ) -> Iterator[IndexFile]:
        """Every file of the index, as `index_files` describes. `frozen`: the caller keeps objects frozen (`gc.freeze`)."""
        store = _Store(state, config, cache.stamp if cache else "") if state is not None else None
        chained = self._chained(store)
        if chained is None:
            self.flush()
        with _gc_paused(frozen):
            terms = _Terms(config, cache)
            docs = list(docs)
            ordered = _documents(docs, terms, self._docs)
            # Only documents whose terms come from the cache are kept: terms handed over with a
            # document are checked against the settings as they are read, every time.
            if self.defer:
                self._docs = {id(doc): d for doc, d in zip(docs, ordered, strict=True) if doc.terms is None}
            ordered.sort(key=attrgetter("when", "ref"))
            try:
                index, base = None, None
                if chained is not None:
                    store, index, base = chained
                elif store:
                    kept, self._kept = self._kept, None  # (the update changes it: kept again only once saved)
                    base = store.generation()
                    index = kept.take(store, base) if kept else None
                    index = index or store.load()
                try:
                    updated = index is not None and _Update(index, ordered, terms).run()
                except _StaleStateError:
                    updated = False
                if not updated:
                    index = kept = None  # (let the old index go before the new one is made: both would be held)
                    # Saved at once, it writes its rows of terms into the new state as it makes them (a deferred save may
                    # come minutes later: another build could have taken over the new file meanwhile).
                    write_terms = store.terms_writer() if store and not self.defer else None
                    index = _Index.build(ordered, len(config.fields), terms, write_terms)
                if store and self.defer:
                    self._pending, store = (store, index, base), None
                elif store:
                    store.save(index, base)
            finally:
                if store:
                    store.close()
        try:
            yield from index.files(config, ordered)
        finally:
            # Terms are read again when needed: kept, they would add up to every article's. (Those
            # of the changed documents wait for the state's save, which writes them; those of earlier
            # builds were forgotten by them, or wait for the same save.)
            saving = {id(d) for d in index.terms_docs.values()} if self._pending else set()
            _forget_terms(d for d in terms.loaded if id(d) not in saving)

    def _chained(self, store: _Store | None) -> tuple[_Store, _StoredIndex, str | None] | None:
        """The save still to be done, taken over by a build into the same state (`store`, not yet opened) to update
        its index further: when that index is an update (which knows what it changed since the state), and no
        other build saved the state since (a one-shot `ssg build` into the same folder). None: save it first."""
        pending = self._pending
        if pending is None or store is None:
            return None
        waiting, index, base = pending
        same = isinstance(index, _StoredIndex) and not index.cold and (waiting.path, waiting.key) == (store.path, store.key)
        # (asked on a connection of its own: a cold save since would have put another file in place)
        same = same and store.generation() == base
        store.close()  # (a save first may put another file in place: opened again when needed)
        if not same:
            return None
        self._pending = None
        return pending  # type: ignore[return-value]

    def flush(self, stop: Callable[[], bool] | None = None) -> bool:
        """Save the state of the last build, if that is still to be done. `stop`: asked while it writes (the preview's:
        whether a save of the author's waits); when it says so, the save stops and writes nothing, and stays to be done
        (by a later flush, or with the next build's: see `_chained`). False: it stopped so."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            store, index, base = pending
            stopped = False
            try:
                saved = store.save(index, base, stop)
            except _StoppedError:
                stopped, self._pending = True, pending  # (and its connection open: the index reads the state through it)
                return False
            finally:
                if not stopped:
                    store.close()
            _forget_terms(index.terms_docs.values())
            if saved is not None and isinstance(index, _StoredIndex):
                self._kept = _Kept(store.path, store.key, saved, index.as_saved())
        return True


class _Kept(NamedTuple):
    """An index as a deferred save wrote it to the state, kept for the next build of the same writer."""

    path: Path
    key: str  # the state's settings (`_Store.key`)
    generation: str  # written with it: another writer's save since then writes another
    index: _StoredIndex

    def take(self, store: _Store, generation: str | None) -> _StoredIndex | None:
        """The index, when the state (whose generation is now `generation`) is still the one it was saved as
        (else None: read it back)."""
        if store.path != self.path or store.key != self.key or generation != self.generation:
            return None
        self.index.db = store.db  # type: ignore[assignment]  (open: `generation` opened it)
        return self.index


def _forget_terms(docs: Iterable[_Doc]) -> None:
    for doc in docs:
        if doc.doc.terms is None:
            doc.fields = None


@contextmanager
def _gc_paused(frozen: bool) -> Iterator[None]:
    """Building millions of small lists triggers the cyclic GC over and over (most of the time);
    they hold no cycles, so pause it and restore it as it was. `frozen`: objects are kept frozen (by the caller)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not frozen:  # (nobody else's frozen objects to thaw)
                # Hand what survives to the oldest generation at once, or the first collection
                # after the pause would scan all of it as young objects.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


class _StoppedError(Exception):
    """A save stopped as its caller asked (`Indexer.flush`): it wrote nothing."""


class _StaleStateError(Exception):
    """The state does not hold together (a bug, or a file changed behind our back): start afresh."""


# ---- documents ------------------------------------------------------------------------------


class _Doc:
    """A SearchDoc with what the writer needs of it: its place in the order and its digests."""

    __slots__ = ("doc", "fields", "meta_digest", "ref", "terms_digest", "when")

    def __init__(self, doc: SearchDoc, fields: list[list] | None, when: float, meta_digest: bytes):
        self.doc = doc
        self.ref = doc.ref
        self.fields = fields  # per indexed field: [terms joined by spaces, counts, length]; None: not read yet
        self.when = when
        self.terms_digest: str = doc.key if doc.terms is None else terms_digest(doc.terms)
        self.meta_digest = meta_digest  # of what the store shows

    def terms_text(self) -> str:
        """Its terms as the state keeps them, to know what to remove when it changes."""
        return "\t".join(f[0] for f in self.fields)


def _documents(docs: list[SearchDoc], terms: _Terms, known: dict[int, _Doc]) -> list[_Doc]:
    """The documents in the order of `docs`, those in `known` (by SearchDoc object) as they were read before;
    refuses terms cached with other settings."""
    out = list(map(known.get, map(id, docs))) if known else [None] * len(docs)
    blake2b, parse, join = hashlib.blake2b, datetime.fromisoformat, "\x1f".join
    for n, doc in enumerate(docs):
        if out[n] is not None:
            continue
        if doc.terms is None:  # its key stands for all but the path and tags: hashing it spares encoding every lead (most of the time here)
            if not doc.key:
                raise ValueError(f"search document {doc.ref} has neither terms nor a key to read them by")
            fields, meta = None, join((doc.path, doc.key, *doc.tags))
        else:
            fields, meta = (
                terms.fields(doc.ref, doc.terms),
                join((doc.path, doc.title, doc.date, doc.lang, doc.lead, doc.source, *doc.tags)),
            )
        if doc.source_page:  # (which site.yaml's `sources:` may switch off while the article stays as it was)
            meta += "\x1e" + doc.source_page
        digest = blake2b(meta.encode("utf-8", "surrogatepass"), digest_size=10).digest()
        out[n] = _Doc(doc, fields, parse(doc.date).timestamp(), digest)
    return out  # type: ignore[return-value]


class DamagedTermsError(ValueError):
    """A document's search terms are missing from the cache's record (`key`) or unusable there: a damaged cache file,
    as every record of the cache (its stamp) is read with the settings of this build. The search phase of a build
    ended on a ValueError traceback that said the terms did not match site.yaml, and so did every build after it."""

    def __init__(self, ref: str, key: str):
        super().__init__(f"the search terms of {ref} in the build cache are damaged")
        self.ref, self.key = ref, key


class _Terms:
    """Gives documents made without terms (`SearchDoc.terms` None) theirs, read from the cache
    a batch at a time when the build needs them."""

    def __init__(self, config: SearchConfig, cache: TermsCache | None):
        self.cache = cache
        self.names = config.fields
        self.wanted = set(config.fields)
        self.languages = list(config.languages)
        self.loaded: list[_Doc] = []  # the documents given their terms (an update, a few; not all 10,000 to look at)

    def fields(self, ref: str, terms: dict | None) -> list[list]:
        """Per indexed field: [terms joined by spaces, counts, length]; refuses terms made with other settings."""
        terms = terms or {}
        data = terms.get("fields")
        if (
            terms.get("version") != TERMS_VERSION
            or terms.get("languages") != self.languages
            or not isinstance(data, dict)
            or not data.keys() >= self.wanted
        ):
            raise ValueError(f"the cached search terms of {ref} do not match site.yaml `search:`: delete the build cache and build again")
        return [data[name] for name in self.names]

    def cached(self, d: _Doc, found: dict[str, dict]) -> list[list]:
        """The fields of `d` from the terms read from the cache (`found`), as `fields` gives them. Missing or unusable
        there (its record cut short or damaged: `cache.Store.terms` leaves it out), a `DamagedTermsError` naming its
        record, which the build drops, so that the next build reads the file again."""
        try:
            return self.fields(d.ref, found.get(d.doc.key))
        except ValueError:
            raise DamagedTermsError(d.ref, d.doc.key) from None

    def read(self, docs: list[_Doc]) -> list[list[list]]:
        """The fields of `docs` (as `fields` gives them), from the cache for those without: not given to them, for a
        cold build reads every document's once, and kept they would add up to every article's (34 MB at 10,000)."""
        missing = [d for d in docs if d.fields is None]
        if missing and self.cache is None:
            raise ValueError(f"no search terms for {missing[0].ref}")
        found = self.cache.read([d.doc.key for d in missing]) if missing else {}  # type: ignore[union-attr]
        return [d.fields if d.fields is not None else self.cached(d, found) for d in docs]

    def load(self, docs: Iterable[_Doc]) -> None:
        """Give those of `docs` that have no terms yet theirs."""
        missing = [d for d in docs if d.fields is None]
        if missing and self.cache is None:
            raise ValueError(f"no search terms for {missing[0].ref}")
        self.loaded += missing
        for start in range(0, len(missing), _TERMS_BATCH):
            batch = missing[start : start + _TERMS_BATCH]
            found = self.cache.read([d.doc.key for d in batch])  # type: ignore[union-attr]
            for d in batch:
                d.fields = self.cached(d, found)


def _tf_ords(tf: str | list[int]) -> Iterator[int]:
    """Counts + 48, from either form `analysis.encode_tf` gives."""
    return map(ord, tf) if isinstance(tf, str) else map(add, tf, repeat(codec.TF_OFFSET))


def _stored(doc: SearchDoc) -> list:
    """A document as a store chunk holds it; the outlet's page last, only where there is one (outlet pages off, the
    store is as it was)."""
    stored = [doc.path, doc.title, doc.date, doc.lang, _clip(doc.lead), list(doc.tags), doc.source]
    return stored + [doc.source_page] if doc.source_page else stored


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LEAD_CHARS:
        return text
    cut = text.rfind(" ", 0, LEAD_CHARS)
    return text[: cut if cut > LEAD_CHARS // 2 else LEAD_CHARS].rstrip(",;:") + "…"


# ---- terms and shards -----------------------------------------------------------------------


@dataclass
class _Postings:
    """One term's postings: per field its documents and their counts + 48; its order key."""

    pos: int
    docs: list[Sequence[int]]  # lists while encoded from scratch, else arrays ("i"; counts "B" while they fit a byte)
    tfs: list[Sequence[int]]

    def last(self) -> int:
        return max(d[-1] for d in self.docs if d)


# A term's row of a shard: (term, code of its order key, then per field its postings' string).
Entry = tuple


def _entry_size(entry: Entry) -> int:
    """What an entry weighs in its shard, for where shards are cut: its letters and one separator each, and a bitmap's
    counts twice. A letter of those Rice codes carries 6 bits that gzip leaves as they are, one of the other streams
    about 3: counted once, a common term's entry would look lighter than it is, and its shard would take in more
    terms, which each query for them would download with it (at 10,000 articles a later query's p90 grew by 2%)."""
    size = sum(map(len, entry)) + len(entry)
    return size + _rice_letters(entry[2:]) if size > DENSE // 3 else size


def _rice_letters(fields: Iterable[str]) -> int:
    """The letters of the counts of the bitmaps among `fields` (an entry of a bitmap is longer than DENSE // 3: its
    bitmap and its counts take a letter per 6 documents and per 6 bits, and it is in DENSE documents or more)."""
    return sum(len(text) - text.index("..") - 2 for text in fields if text[:1] == codec.BITMAP)


@dataclass
class _Shard:
    bound: str  # the lowest term it may hold (the first shard's is "")
    entries: list[Entry] | None  # None: not read back (its bytes are reused as they are)
    data: bytes = b""
    natural_end: bool = True  # the cut after it is natural (so the next shard starts afresh)
    last: str = ""  # its last term
    dirty: bool = True  # made by this build (the state must save it)
    stored_bound: str | None = None  # its bound in the state
    digest: bytes = b""
    size: int = 0  # the sum of its entries' `_entry_size`
    _positions: tuple[list[Entry], dict[str, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return codec.shard_name(self.bound)

    def positions(self) -> dict[str, int]:
        """term -> its place in the entries (read back if need be), made once for them."""
        entries = self.parse()
        if self._positions is None or self._positions[0] is not entries:
            self._positions = (entries, {e[0]: n for n, e in enumerate(entries)})
        return self._positions[1]

    def row(self, term: str) -> Entry | None:
        """The term's entry, or None."""
        n = self.positions().get(term)
        return None if n is None else self.entries[n]  # type: ignore[index]

    def parse(self) -> list[Entry]:
        if self.entries is None:
            text = self.data.decode("utf-8")
            columns = json.loads(text[text.index(",") + 1 : text.rindex(")")])
            parts = [columns[0].split("\n"), _POS.findall(columns[1]), *(c.split(",") for c in columns[2:])]
            self.entries = list(zip(*parts, strict=True))
        return self.entries

    def render(self) -> None:
        entries = self.entries or []
        columns = [*zip(*entries, strict=True)] or [(), ()]
        joined = ["\n".join(columns[0]), "".join(columns[1]), *map(",".join, columns[2:])]
        self.data = _shard_script("t/" + self.name, joined)
        self.digest = _digest(self.data)
        self.last = entries[-1][0] if entries else ""
        # The sum of the `_entry_size`s, from the columns as joined: every item's length, less the separators (one
        # between two items of each column but the order keys'), and one per item.
        count = len(entries)
        self.size = sum(map(len, joined)) - (len(columns) - 1) * (count - 1) + count * len(columns) if count else 0
        self.size += sum(_rice_letters(column) for column, text in zip(columns[2:], joined[2:], strict=True) if codec.BITMAP in text)
        self.dirty = True


class _Partition:
    """Cuts sorted entries into shards: after a term chosen by the term alone (the CRC of the term
    below a threshold that grows with its size, so shards average about SHARD_BYTES and a change
    moves only nearby cuts: a "natural" cut), and before a term that would make the shard larger
    than 2 * SHARD_BYTES or that is that large itself (a forced cut)."""

    def __init__(self, previous_last: str | None, keep_entries: bool = True):
        self.keep_entries = keep_entries  # False: a shard keeps only its bytes (parsed again if needed)
        self.limit = SHARD_BYTES
        self.scale = (1 << 32) // SHARD_BYTES
        self.shards: list[_Shard] = []
        self.current: list[Entry] = []
        self.size = 0
        self.previous_last = previous_last  # None: the first shard of all (its bound is "")

    def cuts_before(self, entry: Entry) -> bool:
        size = _entry_size(entry)
        return bool(self.current) and (self.size + size > 2 * self.limit or size >= self.limit)

    def add(self, entry: Entry) -> None:
        size = _entry_size(entry)
        if self.current and (self.size + size > 2 * self.limit or size >= self.limit):
            self.close(natural=False)
        self.current.append(entry)
        self.size += size
        if size >= self.limit or zlib.crc32(entry[0].encode("utf-8", "surrogatepass")) < size * self.scale:
            self.close(natural=True)

    def close(self, natural: bool) -> None:
        if not self.current:
            return
        first = self.current[0][0]
        bound = "" if self.previous_last is None else _separator(self.previous_last, first)
        shard = _Shard(bound, self.current, natural_end=natural)
        shard.render()
        if not self.keep_entries:
            shard.entries = None
        self.shards.append(shard)
        self.previous_last = self.current[-1][0]
        self.current, self.size = [], 0


def _separator(last: str, first: str) -> str:
    """The shortest prefix of `first` that sorts after `last`: a shard's lower bound."""
    key = codec.utf16_key(last)
    for end in range(1, len(first) + 1):
        if codec.utf16_key(first[:end]) > key:
            return first[:end]
    return first


def _sorted_terms(terms: Iterable[str]) -> list[str]:
    out = sorted(terms)
    if max("".join(out), default="") > "\uffff":  # beyond the BMP, code points and UTF-16 sort differently
        out.sort(key=codec.utf16_key)
    return out


def _shard_of(bounds: list[bytes], term: str) -> int:
    return max(0, bisect_right(bounds, codec.utf16_key(term)) - 1)


# ---- the index ------------------------------------------------------------------------------


@dataclass
class _Index:
    """The whole index: documents, shards, store chunks, and what the state must save of them."""

    width: int  # the number of indexed fields
    refs: list[str]
    terms_digests: list[str]
    meta_digests: list[bytes]
    lengths: list[list[int]]  # per field, per document
    shards: list[_Shard]
    store: list[tuple[bytes, bytes]]  # (bytes, digest) of each chunk
    cold: bool = True  # built from scratch: the state saves everything
    terms_docs: dict[int, _Doc] = field(default_factory=dict)  # n -> a changed document (the state saves its `terms_text`)
    changed_docs: set[int] = field(default_factory=set)  # documents (also removed ones) the state must rewrite
    changed_postings: dict[str, _Postings | None] = field(default_factory=dict)  # None: gone
    changed_store: set[int] = field(default_factory=set)
    removed_shards: list[str] = field(default_factory=list)  # bounds
    # Cold: the state's rows of `terms`, made on the way; None: written into the state as they were (`_Store.terms_writer`).
    terms_rows: list[tuple[int, bytes]] | None = field(default_factory=list)

    @classmethod
    def build(cls, docs: list[_Doc], width: int, terms: _Terms, write_terms: Callable[[list], None] | None = None) -> _Index:
        """From scratch. The inverted lists are most of its memory, so they are packed (`Inverted`) and the rest is kept
        small: the documents' terms are read a batch at a time and let go (`_inverted`), and the state's rows of them
        handed to `write_terms` where given (else kept for the save), each term's lists go once encoded, shards keep
        only their bytes, and only the postings the state saves are kept, as arrays."""
        count = len(docs)
        lengths = [[0] * count for _ in range(width)]
        digests = [d.terms_digest for d in docs], [d.meta_digest for d in docs]
        index = cls(width, [d.ref for d in docs], *digests, lengths, [], [])
        index.store = [_store_chunk(docs, c) for c in range(_chunks(count))]
        inverted = _inverted(docs, terms, index, write_terms)
        keys = inverted.keys
        length_codes = [list(map(codec.CODES.__getitem__, lengths)) for lengths in index.lengths]
        partition = _Partition(None, keep_entries=False)
        postings: dict[str, _Postings | None] = {}
        for term in _sorted_terms(keys):
            found = inverted.pop(term)
            streams = [_field_text(*lists, codes) if lists else "" for lists, codes in zip(found, length_codes, strict=True)]
            partition.add((term, codec.CODES[keys[term]], *streams))
            if sum(len(lists[0]) for lists in found if lists) > SMALL:
                kept = [lists or (array("i"), array("B")) for lists in found]
                postings[term] = _Postings(keys[term], [lists[0] for lists in kept], [lists[1] for lists in kept])
        partition.close(natural=True)
        index.shards = partition.shards
        index.changed_postings = postings
        return index

    def set_docs(self, docs: list[_Doc], start: int, old_end: int | None = None, new_end: int | None = None) -> None:
        """Take the documents [start, new_end) of `docs` in place of its own [start, old_end) (both: to the end)."""
        taken = docs[start:new_end]
        end = len(self.refs) if old_end is None else old_end
        self.refs[start:end] = [d.ref for d in taken]
        self.terms_digests[start:end] = [d.terms_digest for d in taken]
        self.meta_digests[start:end] = [d.meta_digest for d in taken]
        for f, lengths in enumerate(self.lengths):
            lengths[start:end] = [d.fields[f][2] for d in taken]

    def files(self, config: SearchConfig, docs: list[_Doc]) -> Iterator[IndexFile]:
        """The files of the index, whose documents are `docs` (in order)."""
        files = {f"t/{s.name}.js": (s.data, s.digest) for s in self.shards}
        if config.language_filter:
            files["langs.js"] = _languages(docs)
        for c, chunk in enumerate(self.store):
            files[f"d/{c}.js"] = chunk
        for name, lengths in zip(config.fields, self.lengths, strict=True):
            data = _script("l/" + name, "".join(map(codec.CODES.__getitem__, lengths)))
            files[f"l/{name}.js"] = (data, _digest(data))
        build = hashlib.blake2b(digest_size=6)
        for name in sorted(files):
            build.update(name.encode() + b"\0" + files[name][1])
        manifest = {
            "format": FORMAT,
            "build": build.hexdigest(),
            "fields": list(config.fields),
            "boosts": [BOOSTS[f] for f in config.fields],
            "languages": list(config.languages),
            "docs": len(self.refs),
            "lengths": [sum(lengths) for lengths in self.lengths],
            "shards": "\n".join(s.bound for s in self.shards),
            "chunk": STORE_CHUNK,
        }
        data = _script("index", manifest)
        yield IndexFile(config.path + "index.js", data, _digest(data).hex())
        # The build alone, which search.js asks anew (never of a cache) before it loads a file a manifest it holds names:
        # after the site was built again, a tab open since (or a manifest a browser kept) named files whose contents had
        # changed, and its hits were other articles than the words'.
        data = _script("build", {"build": manifest["build"]})
        yield IndexFile(config.path + "build.js", data, _digest(data).hex())
        for name in sorted(files):
            data, digest = files[name]
            yield IndexFile(config.path + name, data, digest.hex())


class _Sequences(dict):
    """n -> `sequence` of document n, made on first use."""

    def __init__(self, docs: list[_Doc]):
        super().__init__()
        self.docs = docs

    def __missing__(self, n: int) -> str:
        value = self[n] = sequence(self.docs[n].fields)
        return value


def _inverted(docs: list[_Doc], terms: _Terms, index: _Index, write_terms: Callable[[list], None] | None) -> Inverted:
    """The documents' terms inverted, read a batch at a time, newest first (as `Inverted` takes them), and let go: the
    index's field lengths and the state's rows of terms are taken from them on the way (the rows handed to
    `write_terms`, else kept in `terms_rows`)."""
    inverted = Inverted(index.width, len(docs))
    index.terms_rows = None if write_terms else []
    for start in reversed(range(0, len(docs), _COLD_BATCH)):
        batch = docs[start : start + _COLD_BATCH]
        fields = terms.read(batch)
        for n in reversed(range(len(batch))):
            inverted.add(start + n, fields[n])
        for f, lengths in enumerate(index.lengths):
            lengths[start : start + len(batch)] = [doc[f][2] for doc in fields]
        rows = [  # (as `_Doc.terms_text`; a list held by a name too would be marshalled with a flag more)
            ((start + b) // _DOC_BLOCK, marshal.dumps(["\t".join(field[0] for field in doc) for doc in fields[b : b + _DOC_BLOCK]]))
            for b in range(0, len(batch), _DOC_BLOCK)
        ]
        if write_terms:
            write_terms(rows)
        else:
            index.terms_rows += rows  # type: ignore[operator]
    return inverted


def _field_text(docs: Sequence[int], tfs: Sequence[int], length_codes: list[str]) -> str:
    """A term's postings in one field, encoded (`codec`): as a bitmap when `_bitmapped`."""
    if not docs:
        return ""
    if _bitmapped(docs):
        return codec.bitmap_field(docs, tfs)
    return codec.field_string(*codec.encode(docs, tfs, length_codes if len(docs) < DENSE else None, -1))


def _bitmapped(docs: Sequence[int]) -> bool:
    """Common enough to leave its lengths to the table, and in more than one document in
    BITMAP_EVERY up to its last (a rule of its own postings: other documents changing leave its
    form alone)."""
    return len(docs) >= DENSE and BITMAP_EVERY * len(docs) > docs[-1] + 1


def _chunks(count: int) -> int:
    return (count + STORE_CHUNK - 1) // STORE_CHUNK


def _store_chunk(docs: list[_Doc], chunk: int) -> tuple[bytes, bytes]:
    rows = [_stored(d.doc) for d in docs[chunk * STORE_CHUNK : (chunk + 1) * STORE_CHUNK]]
    data = _script(f"d/{chunk}", rows)
    return data, _digest(data)


# ---- updating an index ----------------------------------------------------------------------


class _Update:
    """Brings an index loaded from the state up to `docs`, touching only what changed.

    Documents are matched by position: those of the longest common prefix of both lists (by
    ref) keep their numbers, and so do those of the longest common suffix when both lists are as
    long (an article whose date moved shifts only the documents between its old and new place:
    a month's, not every later one's); of them only the ones whose terms changed are redone.
    Every document in the window between (usually only new articles, at the end) is removed and
    added again; but where the window is one article moved from one end of it to the other (its date
    moved), with the others as they were (`_Move`), only that article is, and the others' postings are
    renumbered by one. Then each term of a changed document gets its postings spliced (`_splice`), and the
    shards around the changed terms are cut again (`reshard`); everything else keeps its bytes. The terms
    only renumbered (3,500 in 900 of 960 shards after a date moved a month at 10,000 articles) are edited
    shard by shard in the shards' bytes, where the renumbering shows (`shift_terms`), and a shard whose
    entries all keep their sizes keeps its cut and is written from its columns (`_patched`).
    """

    def __init__(self, index: _StoredIndex, docs: list[_Doc], terms: _Terms):
        self.index = index
        self.docs = docs
        self.terms = terms  # only the documents redone, and the newest holder of a term whose order key may move, are read
        # What the splice of each term needs, set by `run`:
        self.window = (0, 0)  # [start, end) of the old numbers whose documents are removed (or renumbered, `move`)
        self.move: _Move | None = None
        self.drop: set[int] = set()  # documents that keep their numbers (or the moved one) whose old postings go
        self.added: dict[str, list[list[tuple[int, int]]]] = {}  # term -> per field [(n, count + 48)] that come
        self.length_codes: list[list[str]] = []  # per field, the code of each document's length

    def run(self) -> bool:
        """False: too much changed, build from scratch instead."""
        index, docs = self.index, self.docs
        old_count, count = len(index.refs), len(docs)
        refs = list(map(attrgetter("ref"), docs))
        prefix = _first_difference(index.refs, refs, min(old_count, count))
        suffix = 0  # documents at the end that keep their numbers (only where both lists are as long and differ)
        if old_count == count and prefix < count:
            suffix = min(_first_difference(index.refs[::-1], refs[::-1], count), count - prefix)
        old_end, new_end = old_count - suffix, count - suffix  # the documents between the two are removed and added again
        terms_digests = list(map(attrgetter("terms_digest"), docs))
        edited = _kept_differences(index.terms_digests, terms_digests, prefix, new_end)
        if (old_end - prefix) + (new_end - prefix) + len(edited) > max(16, MAX_CHANGED * count):
            return False
        if len(edited) > max(16, MAX_EDITED * count):
            return False
        index.cold = False
        move = _Move.find(index.refs, refs, index.terms_digests, terms_digests, prefix, old_end) if old_end == new_end else None
        drop = set(edited) | ({move.old} if move else set())
        meta_digests = list(map(attrgetter("meta_digest"), docs))
        restored = [n for n in _kept_differences(index.meta_digests, meta_digests, prefix, new_end) if n not in drop]
        redone = [*edited, *range(prefix, new_end)]  # (the state saves them: their rows, their terms, their store chunks)
        spliced = [*edited, move.new] if move else redone  # whose postings are added again
        self.terms.load(docs[n] for n in redone)  # (a few milliseconds: their lengths and `terms_text` are needed below)
        removed_terms = index.old_terms([*edited, move.old] if move else [*edited, *range(prefix, old_end)])
        shifted_terms = index.old_terms([n for n in range(prefix, old_end) if n != move.old]) if move else set()
        index.set_docs(docs, prefix, old_end, new_end)
        # What the edited documents were as long as, where they alone changed: most of their terms keep their postings
        # then, told from those alone (`same`), without reading back their shards' rows.
        before = {n: [lengths[n] for lengths in index.lengths] for n in edited} if prefix == old_end == new_end else None
        for n in edited:
            index.terms_digests[n] = docs[n].terms_digest
            for f, data in enumerate(docs[n].fields):
                index.lengths[f][n] = data[2]
        for n in [*edited, *restored]:  # (the restored keep their terms, so their lengths)
            index.meta_digests[n] = docs[n].meta_digest
        # (added to what a chained update, not saved yet, changed: see `Indexer._chained`)
        index.terms_docs.update((n, docs[n]) for n in redone)
        index.changed_docs |= {*redone, *restored, *range(len(docs), old_count)}
        added: dict[str, list[list[tuple[int, int]]]] = {}  # term -> per field [(n, count + 48)]
        for n in sorted(spliced):
            for f, (terms, tf, _) in enumerate(docs[n].fields):
                if terms:
                    for term, o in zip(terms.split(" "), _tf_ords(tf), strict=True):
                        added.setdefault(term, [[] for _ in range(index.width)])[f].append((n, o))
        self.window, self.move, self.drop, self.added = (prefix, old_end), move, drop, added
        self.length_codes = [list(map(codec.CODES.__getitem__, lengths)) for lengths in index.lengths]
        # The terms that only the renumbering changes (neither the moved document nor an edited one holds them) are edited
        # shard by shard, in their shards' bytes (`shift_terms`); the others are spliced one by one.
        only_shifted = shifted_terms - added.keys() - removed_terms
        touched = set(added) | removed_terms
        old = index.load_postings(touched | only_shifted)
        bounds = [codec.utf16_key(s.bound) for s in index.shards]
        old_entries = _OldEntries(index.shards, bounds)
        nothing: list[list[tuple[int, int]]] = [[] for _ in range(index.width)]
        changed: dict[str, Entry | None] = {}
        made: list[tuple[str, _Postings, list[str], Entry | None]] = []  # (and its old row)
        sequences = _Sequences(docs)
        for term in touched:
            p = old.get(term)
            if before is not None and p is not None and self.same(term, p, added.get(term, nothing), before, sequences):
                continue
            entry = old_entries.get(term)
            p = p or _read_back(entry, index.width)
            new, streams = self.splice(term, p, entry)
            if not any(new.docs):
                changed[term] = index.changed_postings[term] = None
                continue
            made.append((term, new, streams, entry))
        self.terms.load(docs[new.last()] for _, new, _, _ in made if new.pos < 0)
        for term, new, streams, entry in made:
            if new.pos < 0:
                new.pos = sequences[new.last()].find(" " + term + " ")
                if new.pos < 0:
                    raise AssertionError(f"search index: {term!r} is not in its newest document")
            row = (term, codec.vint(new.pos), *streams)
            if row == entry:
                # Its row as it was: its postings did not change (a title edited leaves all terms of the body so; a
                # body edited, its common terms whose counts stay, their lengths being in the field's table). Its shard
                # keeps its bytes and the state its postings: a title edit at 10,000 articles makes about 10 shards
                # again, not 120, and a body edit about 60, not 120-290.
                continue
            changed[term] = row
            index.changed_postings[term] = new
        patches = self.shift_terms(only_shifted, old, bounds, changed) if only_shifted else {}
        self.reshard(changed, bounds, patches)
        chunks = {n // STORE_CHUNK for n in (*edited, *restored)} | set(range(prefix // STORE_CHUNK, _chunks(new_end)))
        del index.store[_chunks(len(docs)) :]
        for c in sorted(chunks):
            data = _store_chunk(docs, c)
            if c < len(index.store):
                index.store[c] = data
            else:
                index.store.append(data)
        index.changed_store |= chunks | set(range(_chunks(len(docs)), _chunks(old_count)))  # (and those removed)
        return True

    def splice(self, term: str, p: _Postings, entry: Entry | None) -> tuple[_Postings, list[str]]:
        """A term's postings `p` (its row `entry`) after the update, and their encoding per field (`_splice`). Its order
        key is kept (else -1: to be found again) where its newest document is the same, with the same terms."""
        start, end = self.window
        shift = self.move.shift if self.move else 0
        adds = self.added.get(term)
        new = _Postings(-1, [], [])
        streams = []
        for f in range(self.index.width):
            text = entry[2 + f] if entry else ""
            if codec.postings(text) != len(p.docs[f]):
                raise _StaleStateError(term)
            docs_f, tfs_f, text = _splice(
                p.docs[f], p.tfs[f], text, self.window, self.drop, adds[f] if adds else [], self.length_codes[f], shift
            )
            new.docs.append(docs_f)
            new.tfs.append(tfs_f)
            streams.append(text)
        old_last = p.last() if any(p.docs) else -1
        if any(new.docs) and new.last() == old_last and not start <= old_last < end and old_last not in self.drop:
            new.pos = p.pos
        return new, streams

    def shift_terms(
        self, terms: set[str], old: dict[str, _Postings], bounds: list[bytes], changed: dict[str, Entry | None]
    ) -> dict[int, tuple[_Columns, dict[int, list[str]]]]:
        """The encodings of `terms`, which only a `_Move` changes (neither the moved document nor an edited one holds
        them): their postings in the window renumbered by the move's shift (`_shifted`), their order keys as they were
        (the newest holder of each is the same document, with the same terms).

        A date moved a month back at 10,000 articles renumbers about 70 documents, and so about 3,500 terms in 900 of
        the 960 shards. The terms are taken shard by shard from the shards' bytes (`_Columns`), not parsed into rows.
        Returns, for the shards whose entries all keep their sizes and where no other change falls, their columns and
        the new postings of their terms (place in the shard -> per field): their cuts stay where they were, and
        `reshard` makes their files by joining the columns again. The others' terms are given rows in `changed`."""
        index, width = self.index, self.index.width
        window, drop, shift = self.window, self.drop, self.move.shift  # type: ignore[union-attr]
        spliced = {_shard_of(bounds, term) for term in changed}
        by_shard: defaultdict[int, list[str]] = defaultdict(list)
        for term in terms:
            by_shard[_shard_of(bounds, term)].append(term)
        patches: dict[int, tuple[_Columns, dict[int, list[str]]]] = {}
        for j, group in by_shard.items():
            columns = _Columns(index.shards[j].data, width)
            edits: dict[int, list[str]] = {}
            same = j not in spliced
            for term in group:
                i = columns.place(term)
                if i is None:
                    raise _StaleStateError(term)
                texts = columns.row(i)
                p = old.get(term)
                if p is None:  # (in SMALL documents or fewer, most likely: the state keeps none of theirs)
                    rare = _shifted_rare(texts, window, shift)
                    if rare is not None:
                        edits[i] = rare
                        same = same and all(map(_same_length, rare, texts))
                        continue
                    p = _read_back_fields(texts)
                docs, made = list(p.docs), list(texts)
                for f, text in enumerate(texts):
                    if not text:  # (most terms are in one field)
                        if docs[f]:
                            raise _StaleStateError(term)
                        continue
                    shifted = _shifted(docs[f], p.tfs[f], text, window, shift)
                    if shifted is None:  # (it becomes a bitmap, or stops being one; its counts stay as they were)
                        docs[f], _, made[f] = _splice(docs[f], p.tfs[f], text, window, drop, [], self.length_codes[f], shift)
                        same = False
                    else:
                        docs[f], made[f] = shifted
                        same = same and len(made[f]) == len(text)  # (its counts stay: so its size, `_entry_size`)
                edits[i] = made
                if sum(map(len, docs)) > SMALL:  # (the state keeps no others: see `_Store._bucket_rows`)
                    pos = p.pos if p.pos >= 0 else codec.decode(index.shards[j].parse()[i][1])[0]
                    index.changed_postings[term] = _Postings(pos, docs, p.tfs)
            if same:
                patches[j] = (columns, edits)
            else:
                changed.update(_rows(index.shards[j], columns, edits))
        return patches

    def same(self, term: str, p: _Postings, adds: list[list[tuple[int, int]]], before: dict[int, list[int]], sequences: _Sequences) -> bool:
        """Whether `term` keeps its postings `p` and its order key, where only the documents of `before` (n -> its old
        length in each field) changed and `adds` are its postings in them now: each holds it in the same fields as
        before, as often, and is as long where the postings carry lengths (below DENSE documents); its newest
        document, if one of them, has it at the same offset. Its row then stays as it was, and is not read back."""
        for f, (docs, tfs, now) in enumerate(zip(p.docs, p.tfs, adds, strict=True)):
            held = [(docs[i], tfs[i]) for i in _held(docs, before)]
            if sorted(held) != now:
                return False
            if held and len(docs) < DENSE and any(before[n][f] != self.docs[n].fields[f][2] for n, _ in held):
                return False
        last = p.last()
        return last not in before or sequences[last].find(" " + term + " ") == p.pos

    def same_cuts(
        self,
        shard: _Shard,
        terms: list[str],
        changed: dict[str, Entry | None],
        out: list[_Shard],
        after: _Shard | None,
        after_terms: list[str],
    ) -> _Shard | None:
        """The shard made again with its changed terms, when the cuts around it stay where they
        were (the usual case, checked from the changed entries alone); None: cut again. `after`:
        the shard after it, whose changed terms are `after_terms`."""
        limit = SHARD_BYTES
        scale = (1 << 32) // limit
        entries = _apply(shard, terms, changed)
        if not entries:
            return None
        first_size = _entry_size(entries[0])
        if out and not out[-1].natural_end and not (out[-1].size + first_size > 2 * limit or first_size >= limit):
            return None  # the forced cut before it would not happen any more
        if len(entries) == 1 and first_size >= limit:
            natural = True  # a large term alone, as before
        else:
            if len(shard.parse()) == 1 and shard.size >= limit:
                return None
            size = shard.size
            for term in terms:
                before, entry = shard.row(term), changed[term]
                if before is not None:
                    size -= _entry_size(before)
                if entry is not None:
                    grown = _entry_size(entry)
                    if grown >= limit:
                        return None
                    size += grown
            if size > 2 * limit:
                return None
            last = entries[-1]
            kept_last = shard.row(shard.last)
            if (
                kept_last is not None
                and kept_last is not last
                and shard.last not in changed
                and zlib.crc32(shard.last.encode("utf-8", "surrogatepass")) < _entry_size(kept_last) * scale
            ):
                return None  # the old last term, no longer last, still cuts after itself
            for term in terms:
                entry = changed[term]
                if (
                    entry is not None
                    and entry is not last
                    and zlib.crc32(term.encode("utf-8", "surrogatepass")) < _entry_size(entry) * scale
                ):
                    return None  # a natural cut inside
            if after is None:
                natural = True
            elif last[0] == shard.last and last[0] not in changed and shard.natural_end:
                natural = True  # the same last entry, which ended the shard by itself
            else:
                natural = zlib.crc32(last[0].encode("utf-8", "surrogatepass")) < _entry_size(last) * scale
                if not natural:  # the cut after it is forced by the first entry of the next shard, as that is now
                    # (which that shard's `same_cuts` checks again: a shard after a forced cut is made again only then)
                    following_entries = _apply(after, after_terms, changed) if after_terms else after.parse()
                    if not following_entries:
                        return None
                    following = _entry_size(following_entries[0])
                    if not (size + following > 2 * limit or following >= limit):
                        return None  # no forced cut before the next shard any more
        bound = "" if not out else _separator(out[-1].last, entries[0][0])
        made = _Shard(bound, entries, natural_end=natural)
        made.render()
        return made

    def reshard(
        self, changed: dict[str, Entry | None], bounds: list[bytes], patches: dict[int, tuple[_Columns, dict[int, list[str]]]]
    ) -> None:
        """Cut again the shards that hold changed terms, from the start of their natural segment
        (where the cold build's cutting restarts too) until a cut falls where it fell before.

        The shards of `patches` (`shift_terms`) keep their terms and the size of each entry, on which alone the cuts
        depend (`_Partition`): they are cut as if unchanged, and their files made again from their columns."""
        index = self.index
        old = index.shards
        if not old:
            partition = _Partition(None)
            for term in _sorted_terms(t for t, e in changed.items() if e is not None):
                partition.add(changed[term])  # type: ignore[arg-type]
            partition.close(natural=True)
            index.shards = partition.shards
            return
        by_shard: dict[int, list[str]] = defaultdict(list)
        for term in changed:
            by_shard[_shard_of(bounds, term)].append(term)
        # The rows a chained update (see `Indexer._chained`) was to write, which may have replaced the state's rows of the
        # same bounds: taken before a shard is given another bound in place below (its old row would stay in the state).
        unsaved = {s.bound for s in old if s.dirty}
        out: list[_Shard] = []
        partition: _Partition | None = None
        for j, shard in enumerate(old):
            # Cutting again stops where it has cut (naturally) just before this shard, as it did before: from here on
            # the cold build cuts as it did, and the shards are taken as they are, or made again with their cuts
            # (`same_cuts`). It stops too before an unchanged shard that a forced cut would start.
            if partition is not None and (not partition.current or j not in by_shard and partition.cuts_before(shard.parse()[0])):
                partition.close(natural=False)
                out += partition.shards
                partition = None
            if partition is None:
                if j not in by_shard:
                    # The shard before ends with another term now, or went (all those before: it is the first now, bound
                    # ""): its bound may move.
                    bound = shard.bound
                    if j and (not out or out[-1].last != old[j - 1].last):
                        first = patches[j][0].first if j in patches else shard.parse()[0][0]  # (its first term)
                        bound = _separator(out[-1].last, first) if out else ""
                    if j in patches:
                        shard = _patched(shard, bound, *patches[j])
                    elif bound != shard.bound:
                        shard.parse()  # (its entries, which `render` writes with the new bound)
                        shard.bound = bound
                        shard.render()
                    out.append(shard)
                    continue
                quick = self.same_cuts(shard, by_shard[j], changed, out, old[j + 1] if j + 1 < len(old) else None, by_shard.get(j + 1, []))
                if quick is not None:
                    out.append(quick)
                    continue
                # Start cutting where the natural segment holding this shard starts.
                reopened: list[_Shard] = []
                while out and not out[-1].natural_end:
                    reopened.insert(0, out.pop())
                partition = _Partition(out[-1].last if out else None)
                for again in reopened:
                    for entry in again.parse():
                        partition.add(entry)
            terms = by_shard.get(j, [])
            if j in patches:  # (not in `by_shard`: see `shift_terms`)
                rows = _rows(shard, *patches[j])
                changed.update(rows)
                terms = list(rows)
            for entry in _apply(shard, terms, changed):
                partition.add(entry)
        if partition is not None:
            partition.close(natural=True)
            out += partition.shards
        kept = {id(s) for s in out}
        rewritten = {s.bound for s in out if s.dirty}  # their rows are replaced, not deleted first
        removed = {s.stored_bound for s in old if s.stored_bound is not None and (id(s) not in kept or s.dirty)}
        # Those rows of a chained update that no shard writes now go, as do the ones it was to delete.
        removed |= unsaved | set(index.removed_shards)
        index.removed_shards = sorted(removed - rewritten)
        index.shards = out


def _differences(old: list, new: Iterable) -> list[int]:
    """Where two lists differ, up to the shorter one's end: a C-level pass (no Python code runs per item)."""
    return list(compress(range(len(old)), map(ne, old, new)))


def _first_difference(old: list, new: list, default: int) -> int:
    """Where two lists first differ (`default` if nowhere up to the shorter one's end): a C-level pass that stops there."""
    return next(compress(range(len(old)), map(ne, old, new)), default)


def _kept_differences(old: list, new: list, prefix: int, end: int) -> list[int]:
    """Where two lists differ among the documents that keep their numbers: before `prefix`, and from `end` on."""
    return _differences(old[:prefix], new) + [end + n for n in _differences(old[end:], new[end:])]


def _apply(shard: _Shard, terms: Iterable[str], changed: dict[str, Entry | None]) -> list[Entry]:
    """The shard's entries with the changed ones replaced, added or removed, in order."""
    at = shard.positions()
    if all(term in at and changed[term] is not None for term in terms):  # (replaced only, the usual case: the order stays)
        out = list(shard.parse())
        for term in terms:
            out[at[term]] = changed[term]  # type: ignore[call-overload]
        return out
    entries = {e[0]: e for e in shard.parse()}
    for term in terms:
        entry = changed[term]
        if entry is None:
            entries.pop(term, None)
        else:
            entries[term] = entry
    return [entries[t] for t in _sorted_terms(entries)]


_NEWLINE = b"\\n"  # a newline in a JSON string


class _Columns:
    """A shard's terms and postings read from its bytes (as `_shard_script` lays them out) without making its entries
    (`_Shard.parse`: 50-100 us a shard, 900 shards after a moved date), for an update that edits postings in place and
    keeps the terms and their order keys (`_Update.shift_terms`): the shard's file is then its bytes up to the order
    keys, followed by its postings columns, those with an edit joined again (`data`)."""

    def __init__(self, data: bytes, width: int):
        start = data.index(b",[") + 3  # the terms' first letter (the key before is a file name: no such bytes)
        end = len(data) - 5  # the closing quote of the last column
        # The terms' column holds no '","' (JSON escapes a quote in a term), the order keys and the postings no quote at
        # all (the codec's letters): the next `width` + 1 '","' after the terms end the columns but the last.
        separators = [data.find(b'","', start)]
        for _ in range(width):
            separators.append(data.find(b'","', separators[-1] + 3))
        separators.append(end)
        if min(separators) < 0 or data[end:] != b'"]);\n' or data.find(b'"', separators[-2] + 3, end) >= 0:
            raise _StaleStateError("a shard that is not one")
        self.prefix = data[: separators[1]]  # up to the order keys' closing quote
        self.raw = [data[a + 3 : b] for a, b in zip(separators[1:], separators[2:], strict=False)]
        self.fields = [raw.decode("ascii").split(",") for raw in self.raw]
        # JSON writes the newline between two terms as the two bytes \n, and the terms as they are where they need no
        # escape: a term is found by its bytes between two of those, and its place by how many come before it (no
        # list of terms made, nor a dict of them, which took 25 us a shard).
        raw = data[start : separators[0]]
        self.terms = _NEWLINE + raw + _NEWLINE
        self.escaped: dict[str, int] | None = None
        if b"\\" in raw.replace(_NEWLINE, b""):  # (a term with an escape: the terms read as JSON)
            listed = json.loads(data[start - 1 : separators[0] + 1]).split("\n")
            self.escaped = dict(zip(listed, range(len(listed)), strict=True))

    def place(self, term: str) -> int | None:
        """Where `term` is among the shard's terms (None: not there)."""
        if self.escaped is not None:
            return self.escaped.get(term)
        at = self.terms.find(_NEWLINE + term.encode("utf-8", "surrogatepass") + _NEWLINE)
        return None if at < 0 else self.terms.count(_NEWLINE, 0, at)

    @property
    def first(self) -> str:
        """The shard's first term."""
        if self.escaped is not None:
            return next(iter(self.escaped))
        return self.terms[2 : self.terms.index(_NEWLINE, 2)].decode("utf-8")

    def row(self, n: int) -> list[str]:
        """The postings of the shard's nth term, per field."""
        return [column[n] for column in self.fields]

    def data(self, edits: dict[int, list[str]]) -> bytes:
        """The shard's file with the postings of `edits` (place -> per field, those kept being the strings `row` gave)
        in place of theirs."""
        out = [self.prefix]
        for f, (column, raw) in enumerate(zip(self.fields, self.raw, strict=True)):
            replaced = [(n, texts[f]) for n, texts in edits.items() if texts[f] is not column[n]]
            if replaced:
                column = list(column)
                for n, text in replaced:
                    column[n] = text
                raw = ",".join(column).encode("ascii")
            out.append(raw)
        return b'","'.join(out) + b'"]);\n'


def _rows(shard: _Shard, columns: _Columns, edits: dict[int, list[str]]) -> dict[str, Entry]:
    """The rows (entries) of the shard's terms whose postings `edits` changes, for an update that cuts the shard again."""
    entries = shard.parse()
    return {entries[n][0]: (*entries[n][:2], *texts) for n, texts in edits.items()}


def _patched(shard: _Shard, bound: str, columns: _Columns, edits: dict[int, list[str]]) -> _Shard:
    """The shard (of `columns`) with the postings of `edits` in place of theirs, and `bound`: its entries keep their
    sizes, so it keeps its size, its last term and its cut."""
    if bound != shard.bound:  # (its file's name moves: written anew)
        entries = list(shard.parse())
        for n, texts in edits.items():
            entries[n] = (*entries[n][:2], *texts)
        made = _Shard(bound, entries, natural_end=shard.natural_end)
        made.render()
        return made
    data = columns.data(edits)
    made = _Shard(bound, None, data, shard.natural_end, shard.last, True, None, _digest(data), shard.size)
    if shard.entries is not None:  # (kept: a chained update would read them again)
        entries = list(shard.entries)
        for n, texts in edits.items():
            entries[n] = (*entries[n][:2], *texts)
        made.entries = entries
    return made


class _OldEntries:
    """term -> its row in the old shards (read back on first use)."""

    def __init__(self, shards: list[_Shard], bounds: list[bytes]):
        self.shards = shards
        self.bounds = bounds

    def get(self, term: str) -> Entry | None:
        if not self.shards:
            return None
        return self.shards[_shard_of(self.bounds, term)].row(term)


def _read_back(entry: Entry | None, width: int) -> _Postings:
    """A term's postings and order key from its shard row: how the state stores those of the rarer terms."""
    if entry is None:
        return _Postings(-1, [array("i") for _ in range(width)], [array("i") for _ in range(width)])
    out = _read_back_fields(entry[2:])
    out.pos = codec.decode(entry[1])[0]
    return out


def _read_back_fields(texts: Sequence[str]) -> _Postings:
    """A term's postings from its encodings in each field (its order key left unknown, -1)."""
    out = _Postings(-1, [array("i") for _ in texts], [array("i") for _ in texts])
    for f, text in enumerate(texts):
        if not text:
            continue
        g, _, counts = codec.split_field(text)
        if g.startswith(codec.BITMAP):
            out.docs[f].extend(codec.bitmap_docs(g[1:]))
            out.tfs[f].extend(n + codec.TF_OFFSET for n in codec.rice_decode(counts, len(out.docs[f])))
            continue
        more = iter(codec.decode(counts))
        doc = -1
        for code in codec.decode(g):
            doc += (code >> 1) + 1
            out.docs[f].append(doc)
            out.tfs[f].append(next(more) + codec.TF_OFFSET if code & 1 else codec.TF_OFFSET + 1)
    return out


def _splice(
    docs: array,
    tfs: array,
    text: str,
    window: tuple[int, int],
    drop: set[int],
    adds: list[tuple[int, int]],
    length_codes: list[str] | None,
    shift: int = 0,
) -> tuple[array, array, str]:
    """One term's postings in one field after the update, and their encoding.

    The postings of the documents in `window` [start, end) go (`shift` 0), or are renumbered by
    `shift` (a `_Move`); those of the documents `drop` go; `adds` (sorted by document) come. Only
    the stretch from the first to the last change is encoded again, with the posting after it
    (whose gap from the one before may change); the rest is copied from the old streams (a
    posting's codes depend only on it and on the document before it).
    """
    size = len(docs)
    low = bisect_left(docs, window[0])
    high = bisect_left(docs, window[1], low)
    first, end = size, 0  # the old postings [first, end) are encoded again
    if low < high:
        first, end = low, high + 1
    for i in _held(docs, drop):
        first, end = min(first, i), max(end, i + 2)
    for n, _ in adds:
        i = bisect_left(docs, n)
        first, end = min(first, i), max(end, i + 1)
    end = min(end, size)
    if first >= end and not adds:
        return docs, tfs, text
    first = min(first, end)
    start, stop = window
    kept = [
        (d + shift if start <= d < stop else d, t)
        for d, t in zip(docs[first:end], tfs[first:end], strict=True)
        if (shift or not start <= d < stop) and d not in drop
    ]
    middle = sorted(kept + adds) if adds else kept
    new_docs = docs[:first] + array("i", [d for d, _ in middle]) + docs[end:]
    new_tfs = _joined_counts(tfs[:first], [t for _, t in middle], tfs[end:])
    bitmapped = _bitmapped(new_docs) if new_docs else False
    if (size >= DENSE) != (len(new_docs) >= DENSE) or text.startswith(codec.BITMAP) != bitmapped:
        # Lengths move into or out of the stream, or the form changes: all again.
        return new_docs, new_tfs, _field_text(new_docs, new_tfs, length_codes)  # type: ignore[arg-type]
    if bitmapped:
        counts = codec.split_field(text)[2]
        # (a move reorders the counts of the postings between: their codes are made again, not all those after them)
        made = codec.rice_replace(counts, new_tfs, first, first + len(middle), tfs[first:end])
        counts = made if made is not None else codec.rice_splice(counts, new_tfs, first)
        return new_docs, new_tfs, _splice_bitmap(docs, new_docs, text, first, end, len(middle), counts)
    if size >= DENSE:
        length_codes = None
    streams = codec.split_field(text)
    # The old codes of [first, end) are found by counting numbers: one a posting in G and in L
    # (when the lengths are there), one a count above 1 in T.
    ones_before, ones_within = tfs[:first].count(_ONE), tfs[first:end].count(_ONE)
    with_lengths = 1 if streams[1] else 0
    before = (first, first * with_lengths, first - ones_before)
    within = (end - first, (end - first) * with_lengths, end - first - ones_within)
    stop = first + len(middle)
    mid = codec.encode(new_docs[first:stop], new_tfs[first:stop], length_codes, new_docs[first - 1] if first else -1)
    out = []
    for stream, skipped, replaced, made in zip(streams, before, within, mid, strict=True):
        head = codec.skip(stream, skipped)
        out.append(stream[:head] + made + stream[codec.skip(stream, replaced, head) :])
    return new_docs, new_tfs, codec.field_string(*out)


def _shifted(docs: array, tfs: array, text: str, window: tuple[int, int], shift: int) -> tuple[array, str] | None:
    """`_splice` of one field of a term that only a `_Move` changes: its postings `docs` (counts + 48 `tfs`) in `window`
    renumbered by `shift` (+1 or -1), none added or removed. Their order, counts and lengths stay, so only two numbers
    of G change: the gap of the window's first posting from the one before it, and that of the first posting after
    the window from the window's last (each code told from the postings, checked against the stream, as is the number
    of postings); L and T stay as they are. A bitmap has the letters of the window made again, its T as it was. None:
    the form changes (`_splice`)."""
    size = len(docs)
    start, stop = window
    low = bisect_left(docs, start)
    high = bisect_left(docs, stop, low)
    if text[0] == codec.BITMAP:
        if codec.postings(text) != size or len(tfs) != size:
            raise _StaleStateError("postings that do not match their encoding")
        if low == high:
            return docs, text
        new_docs = _renumbered(docs, low, high, shift)
        if not _bitmapped(new_docs):
            return None
        return new_docs, _splice_bitmap(docs, new_docs, text, low, high, high - low, codec.split_field(text)[2])
    g = text[: text.index(".")].encode("ascii")
    if len(g.translate(None, codec.MORE_BYTES)) != size or len(tfs) != size:  # (one final letter a posting)
        raise _StaleStateError("postings that do not match their encoding")
    if low == high:
        return docs, text
    new_docs = _renumbered(docs, low, high, shift)
    if size >= DENSE and _bitmapped(new_docs):
        return None
    gap_codes = codec.GAP_CODES  # (2 * distance + flag -> its code)
    previous = docs[low - 1] if low else -1
    many = tfs[low] > _ONE
    code = gap_codes[2 * (docs[low] - previous) + many]
    at = codec.skip(g, low)
    if not text.startswith(code, at):
        raise _StaleStateError("postings that do not match their encoding")
    out = [text[:at], gap_codes[2 * (docs[low] + shift - previous) + many]]
    at += len(code)
    if high < size:
        after = codec.skip(g, high - low - 1, at)
        distance, many = docs[high] - docs[high - 1], tfs[high] > _ONE
        code = gap_codes[2 * distance + many]
        if not text.startswith(code, after):
            raise _StaleStateError("postings that do not match their encoding")
        out += [text[at:after], gap_codes[2 * (distance - shift) + many], text[after + len(code) :]]
    else:
        out.append(text[at:])
    return new_docs, "".join(out)


def _shifted_rare(texts: list[str], window: tuple[int, int], shift: int) -> list[str] | None:
    """`_shifted` of every field of a term in SMALL documents or fewer, from its codes alone (its postings read back
    would cost more: a third of the terms a moved date renumbers are in so few): the two that change made again. None:
    a term in more, or a bitmap."""
    start, stop = window
    out = list(texts)
    count = 0
    for f, text in enumerate(texts):
        if not text:
            continue
        g, dot, rest = text.partition(".")
        codes = codec.decode(g) if g[0] != codec.BITMAP else []
        count += len(codes)
        if not codes or count > SMALL:
            return None
        docs, doc = [], -1
        for code in codes:
            doc += (code >> 1) + 1
            docs.append(doc)
        low = bisect_left(docs, start)
        high = bisect_left(docs, stop, low)
        if low < high:
            codes[low] += 2 * shift  # (a gap one longer: its code 2 more)
            if high < len(codes):
                codes[high] -= 2 * shift
            out[f] = "".join(map(codec.CODES.__getitem__, codes)) + dot + rest
    return out


def _same_length(a: str, b: str) -> bool:
    return len(a) == len(b)


def _renumbered(docs: array, low: int, high: int, shift: int) -> array:
    """`docs` with those at [low, high) moved by `shift` (in place of a copy: most windows hold one or two of a term's)."""
    out = docs[:]
    for n in range(low, high):
        out[n] += shift
    return out


class _Move(NamedTuple):
    """The window's documents but one as they were (their order and their terms), one place later or earlier: a
    document moved from one end of the window to the other (an article whose date moved; its ref may have changed
    with its date, and its terms with its text). The others are renumbered by `shift`: +1 (it moved back, to an
    earlier place) or -1."""

    old: int  # its old number
    new: int
    shift: int

    @classmethod
    def find(cls, old_refs: list[str], refs: list[str], old_digests: list[str], digests: list[str], start: int, end: int) -> _Move | None:
        """The move that makes the window [start, end) of `refs` (with their terms' digests) from that of `old_refs`;
        None when it is not one (several documents moved, one between edited)."""
        if end - start < 2:
            return None
        last = end - 1
        if refs[start + 1 : end] == old_refs[start:last] and digests[start + 1 : end] == old_digests[start:last]:
            return cls(last, start, 1)
        if refs[start:last] == old_refs[start + 1 : end] and digests[start:last] == old_digests[start + 1 : end]:
            return cls(start, last, -1)
        return None


def _held(docs: Sequence[int], wanted: Collection[int]) -> list[int]:
    """The places in a term's documents `docs` (sorted) of those among `wanted`: each of `wanted` found by bisection, or,
    where the term's holders are the fewer, each holder looked up in `wanted` (a keeper renamed a tag in 3,306 of
    30,000 articles: every term of theirs bisected for all 3,306, 78 s of search phase)."""
    if len(docs) < len(wanted):
        return [i for i, n in enumerate(docs) if n in wanted]
    size = len(docs)
    return [i for n in wanted if (i := bisect_left(docs, n)) < size and docs[i] == n]


def _splice_bitmap(docs: array, new_docs: array, text: str, first: int, end: int, made: int, counts: str) -> str:
    """`_splice` for a bitmap: the old postings [first, end) became the new [first, first + made), whose counts are
    `counts` (T). Only the letters of the documents in between are made again."""
    bits = codec.split_field(text)[0][1:]
    stop = first + made
    changed = [*docs[first:end], *new_docs[first:stop]]
    letters = new_docs[-1] // 6 + 1
    low = min(min(changed) // 6, len(bits), letters)  # (the old bitmap may end before the first change, or the new one)
    high = letters if end == len(docs) or stop == len(new_docs) else max(changed) // 6 + 1  # the tail: up to the end
    lo, hi = bisect_left(new_docs, 6 * low), bisect_left(new_docs, 6 * high)
    return f"{codec.BITMAP}{bits[:low]}{codec.bitmap(new_docs[lo:hi], low, high - low)}{bits[high:] if high < letters else ''}..{counts}"


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=12).digest()


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one encoder: json.dumps makes one a call


def _languages(docs: list[_Doc]) -> tuple[bytes, bytes]:
    """Each document's language, one character per document number: loaded only when a reader
    filters the results by language."""
    langs = [d.doc.lang for d in docs]
    codes = sorted(set(langs))
    data = _script("langs", {"codes": codes, "docs": "".join(chr(48 + codes.index(lang)) for lang in langs)})
    return data, _digest(data)


def _shard_script(key: str, columns: list[str]) -> bytes:
    """`_script(key, columns)` of a shard's columns, whose all but the first (the terms) are the codec's letters, which
    JSON writes as they are: only the terms go through the encoder (its escaping of 6 KB of postings was half of making
    a shard again: 22 of 43 us). `_Columns.data` relies on this layout too."""
    if len(columns) < 2:
        return _script(key, columns)
    terms = _JSON.encode(columns[0])
    try:
        head = terms.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate: `_script`'s way)
        return _script(key, columns)
    return b"".join((b'ssgSearchData("', key.encode(), b'",[', head, b',"', '","'.join(columns[1:]).encode("ascii"), b'"]);\n'))


def _script(key: str, data: object) -> bytes:
    text = _JSON.encode(data)
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a broken emoji: let JSON escape it
        payload = json.dumps(data, separators=(",", ":")).encode("ascii")
    return b'ssgSearchData("' + key.encode() + b'",' + payload + b");\n"


# ---- the state between builds ---------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (block INTEGER PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS terms (block INTEGER PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS postings (bucket INTEGER PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS shards (sort BLOB PRIMARY KEY, bound TEXT, natural_end INTEGER, last TEXT, size INTEGER, data BLOB, digest BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store (block INTEGER PRIMARY KEY, data BLOB);
"""
_STATE_FORMAT = 2  # the layout of the tables' rows
# Rows hold blocks, not single items: a cold build writes a few thousand rows, not a million.
_DOC_BLOCK = 64  # documents per row of `docs` and `terms`
_COLD_BATCH = 16 * _DOC_BLOCK  # documents whose cached terms a cold build reads at a time (whole rows of `terms`)
_STORE_BLOCK = 64  # store chunks per row of `store`
_BUCKETS = 4096  # rows of `postings`, a term's by the CRC of the term
_STOP_STEPS = 20_000  # SQLite's steps between two questions to a save's `stop` (about a millisecond)
_KEPT_ROWS = 512  # rows of `terms` and of `postings` a kept index holds on to between builds (`_StoredIndex.as_saved`)


def _generation(db: sqlite3.Connection) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return row[0] if row else None


def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) % _BUCKETS


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


class _Store:
    """The last build's index in SQLite, so that the next build can update it. Only a cache:
    anything unexpected in it and the build starts from scratch."""

    def __init__(self, path: Path, config: SearchConfig, stamp: str):
        """`stamp`: the stamp of the cache that documents' terms come from (see `TermsCache`)."""
        self.path = path
        self.key = json.dumps(
            {
                "format": FORMAT,
                "state": _STATE_FORMAT,
                "stamp": stamp,
                "terms": TERMS_VERSION,
                "fields": list(config.fields),
                "languages": list(config.languages),
                "shard": SHARD_BYTES,
                "chunk": STORE_CHUNK,
                "dense": DENSE,
                "bitmap": BITMAP_EVERY,
                "small": SMALL,
            }  # fmt: skip
        )
        self.db: sqlite3.Connection | None = None
        # True: `db` is a new file (`_fresh`) holding the rows of `terms` a cold build wrote as it made them
        # (`terms_writer`); False: one of those writes failed, so the state cannot be saved.
        self.filling: bool | None = None

    def _open(self) -> sqlite3.Connection:
        if self.db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A deferred save may run in another thread than the build: the preview's first build runs in
            # the thread that starts the preview, the later ones (and the saves) in its rebuild thread.
            self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        return self.db

    def _fresh(self) -> sqlite3.Connection:
        """A new, empty file beside the state, written without a journal and moved into place when
        complete (`_replace`): a cold build writes everything, fast, and never half a state."""
        self.close()
        fresh = self.path.with_name(self.path.name + ".new")
        fresh.unlink(missing_ok=True)
        self.db = sqlite3.connect(fresh, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(_SCHEMA)
        return self.db

    def terms_writer(self) -> Callable[[list[tuple[int, bytes]]], None] | None:
        """Where a cold build that is saved as soon as it is made writes the state's rows of `terms` as it makes them,
        not holding them until `save` (17 MB at 10,000 articles): into a new file (`_fresh`), which `save` completes
        and moves into place. None: no file could be made (the build keeps its rows for `save`)."""
        try:
            db = self._fresh()
        except (sqlite3.DatabaseError, OSError):
            self._reset()
            return None
        self.filling = True

        def write(rows: list[tuple[int, bytes]]) -> None:
            if self.filling and self.db is db:
                try:
                    db.executemany("INSERT INTO terms VALUES (?, ?)", rows)
                except (sqlite3.DatabaseError, OSError):  # (only a cache: a build never fails for it)
                    self.filling = False

        return write

    def _replace(self) -> None:
        self.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        os.replace(self.path.with_name(self.path.name + ".new"), self.path)

    def load(self) -> _Index | None:
        try:
            db = self._open()
            row = db.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
            if not row or row[0] != self.key:
                return None
            width = len(json.loads(self.key)["fields"])
            index = _StoredIndex(width, [], [], [], [[] for _ in range(width)], [], [])
            index.db = db
            for (data,) in db.execute("SELECT data FROM docs ORDER BY block"):
                refs, terms_digests, meta_digests, lengths = marshal.loads(data)  # a block's columns
                if not len(refs) == len(terms_digests) == len(meta_digests) or list(map(len, lengths)) != [len(refs)] * width:
                    return None
                index.refs += refs
                index.terms_digests += terms_digests
                index.meta_digests += meta_digests
                for f in range(width):
                    index.lengths[f] += lengths[f]
            query = "SELECT bound, natural_end, last, size, data, digest FROM shards ORDER BY sort"
            index.shards = [
                _Shard(b, None, data, bool(end), last, False, b, digest, size) for b, end, last, size, data, digest in db.execute(query)
            ]
            for (data,) in db.execute("SELECT data FROM store ORDER BY block"):
                index.store += marshal.loads(data)
            if len(index.store) != _chunks(len(index.refs)):
                return None
            return index
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError, IndexError, EOFError):
            self._reset()
            return None

    def _reset(self) -> None:
        db, self.db = self.db, None  # (forgotten first, as in `close`)
        if db is not None:
            db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def generation(self) -> str | None:
        """What the last save wrote besides the key: one save's state told from another's."""
        try:
            return _generation(self._open())
        except sqlite3.DatabaseError:
            return None

    def save(self, index: _Index, base: str | None, stop: Callable[[], bool] | None = None) -> str | None:
        """Write the index; returns the generation it is saved as (None: it could not be saved).

        `base`: the generation of the state the index was updated from. An update saves only what it changed: over a
        state another build saved since, it would make a mix, so it is not saved then (checked in the transaction that
        writes, so that no other save comes in between). `stop`: asked every few thousand steps of SQLite's; when it
        says so, the transaction is rolled back (the state stays as it was) and `_StoppedError` raised."""
        generation = os.urandom(8).hex()
        stopped = False

        def progress() -> bool:
            nonlocal stopped
            if stopped:
                return False  # (asked once: the rollback that follows must run to its end)
            stopped = stop()  # type: ignore[misc]
            return stopped  # (true: SQLite interrupts the statement, and the transaction is rolled back)

        try:
            if index.cold and index.terms_rows is None:  # (its rows of terms are in the new file already)
                if not (self.filling and self.db is not None):
                    self._reset()
                    return None
                db = self.db
            else:
                db = self._fresh() if index.cold else self._open()
            if stop is not None:
                db.set_progress_handler(progress, _STOP_STEPS)
            saved = self._save(db, index, generation, base)
            if index.terms_rows:
                index.terms_rows = []  # (written: 17 MB at 10,000 articles)
            return generation if saved else None
        except (sqlite3.DatabaseError, OSError) as error:  # (the cache deleted while it was written, a full disk)
            if stopped:
                if self.db is not None:  # (rolled back already, unless the statement stopped was the commit itself)
                    self.db.rollback()
                raise _StoppedError from None
            if stop is not None and isinstance(error, sqlite3.OperationalError) and str(error) == "interrupted":
                # `progress` raised, which it does only as a Ctrl-C (or `kill`) meets it: Python's sqlite3 turns what a
                # callback raises into this error, and the KeyboardInterrupt was gone; the preview's pause then went
                # on as after a failed save, and `ssg serve` did not stop (test_server's Ctrl-C test on a loaded box).
                raise KeyboardInterrupt from None
            self._reset()  # only a cache: a build never fails for it
            if index.terms_rows:
                index.terms_rows = []
            return None
        finally:
            if self.db is not None:
                self.db.set_progress_handler(None, 0)

    def _save(self, db: sqlite3.Connection, index: _Index, generation: str, base: str | None) -> bool:
        count = len(index.refs)
        with db:
            if not index.cold:
                db.execute("BEGIN IMMEDIATE")  # (the write lock now: no other save until this one commits)
                if _generation(db) != base:
                    return False
            if index.cold:
                blocks = range(_blocks(count, _DOC_BLOCK))
                old: dict[int, str] = {}
            else:
                db.execute("DELETE FROM meta")
                # (a document removed from the end shortens the row of the last one kept)
                blocks = sorted({min(n, count - 1) // _DOC_BLOCK for n in index.changed_docs}) if count else []
                old = index.old_texts(blocks) if isinstance(index, _StoredIndex) else {}
            db.execute("DELETE FROM docs WHERE block >= ?", (_blocks(count, _DOC_BLOCK),))
            db.execute("DELETE FROM terms WHERE block >= ?", (_blocks(count, _DOC_BLOCK),))
            spans = [(b, slice(b * _DOC_BLOCK, min(count, (b + 1) * _DOC_BLOCK))) for b in blocks]
            columns = (
                (b, marshal.dumps((index.refs[s], index.terms_digests[s], index.meta_digests[s], [ls[s] for ls in index.lengths])))
                for b, s in spans
            )
            db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?)", columns)
            texts = index.terms_docs
            db.executemany(
                "INSERT OR REPLACE INTO terms VALUES (?, ?)",
                index.terms_rows or ()
                if index.cold
                else (
                    (b, marshal.dumps([texts[n].terms_text() if n in texts else old[n] for n in range(s.start, s.stop)])) for b, s in spans
                ),
            )
            db.executemany("INSERT OR REPLACE INTO postings VALUES (?, ?)", self._bucket_rows(index))
            db.executemany("DELETE FROM shards WHERE sort = ?", ((codec.utf16_key(b),) for b in index.removed_shards))
            db.executemany(
                "INSERT OR REPLACE INTO shards VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (codec.utf16_key(s.bound), s.bound, int(s.natural_end), s.last, s.size, s.data, s.digest)
                    for s in index.shards
                    if s.dirty
                ),
            )
            stored: Iterable[int]
            if index.cold:
                stored = range(_blocks(len(index.store), _STORE_BLOCK))
            else:  # (a chunk removed from the end shortens the row of the last one kept)
                last = len(index.store) - 1
                stored = {min(c, last) // _STORE_BLOCK for c in index.changed_store} if last >= 0 else set()
            db.execute("DELETE FROM store WHERE block >= ?", (_blocks(len(index.store), _STORE_BLOCK),))
            db.executemany(
                "INSERT OR REPLACE INTO store VALUES (?, ?)",
                (
                    (b, marshal.dumps(index.store[b * _STORE_BLOCK : (b + 1) * _STORE_BLOCK]))
                    for b in sorted(stored)
                    if b * _STORE_BLOCK < len(index.store)
                ),
            )
            # Written last: a state without it (a build that stopped half way) is not used.
            db.execute("INSERT INTO meta VALUES ('generation', ?)", (generation,))
            db.execute("INSERT INTO meta VALUES ('key', ?)", (self.key,))
        if index.cold:
            self._replace()
        return True

    def _bucket_rows(self, index: _Index) -> Iterator[tuple[int, bytes]]:
        """The rows of `postings` that change, one at a time (a cold build's would take 20 MB at once)."""
        changed = index.changed_postings
        stored = index.buckets(changed) if isinstance(index, _StoredIndex) else {}
        terms_of: defaultdict[int, list[str]] = defaultdict(list)
        for term in changed:
            terms_of[_bucket(term)].append(term)
        for b in sorted(terms_of):
            rows = stored.get(b, {})
            for term in terms_of[b]:
                p = changed[term]
                if p is None or sum(map(len, p.docs)) <= SMALL:
                    rows.pop(term, None)
                else:
                    rows[term] = (p.pos, [_packed(d) if d else b"" for d in p.docs], [_packed_counts(t) if t else b"" for t in p.tfs])
            yield b, marshal.dumps(rows)

    def close(self) -> None:
        """Let go of the connection: forgotten first, then closed. A Ctrl-C that came just after the close, before the
        connection was forgotten, left a closed one behind, on which `save`'s clean-up then raised ProgrammingError in
        place of the KeyboardInterrupt; the preview's pause took that for a failure to tidy up and went on, so `ssg
        serve` did not stop (test_server's Ctrl-C test on a loaded box)."""
        db, self.db = self.db, None
        if db is not None:
            db.close()
        self.filling = None


def _packed(values: Sequence[int]) -> bytes:
    return values.tobytes() if isinstance(values, array) else array("i", values).tobytes()


def _unpacked(data: bytes, typecode: str = "i") -> array:
    values = array(typecode)
    values.frombytes(data)
    return values


def _packed_counts(values: Sequence[int]) -> bytes:
    """Counts + 48 are mostly below 256: a byte each then (`_unpacked_counts` tells by the size)."""
    if isinstance(values, array):
        if values.typecode == "B":
            return values.tobytes()
        values = values.tolist()  # (bytes() of an array would copy its raw memory)
    try:
        return bytes(values)
    except ValueError:
        return _packed(values)


def _unpacked_counts(data: bytes, count: int) -> array:
    """Counts read back as they were packed, bytes ("B") or ints: turning bytes into ints would cost more than the splice."""
    return _unpacked(data, "B" if len(data) == count else "i")


def _joined_counts(head: array, middle: list[int], tail: array) -> array:
    """head + middle + tail, in the type of `head` (a slice of counts, as `_unpacked_counts` gave them) while they fit."""
    try:
        return head + array(head.typecode, middle) + tail
    except OverflowError:
        return array("i", head) + array("i", middle) + array("i", tail)


def _blocks(count: int, size: int) -> int:
    return (count + size - 1) // size


class _StoredIndex(_Index):
    """An index read back from the state: the old terms of documents and the postings of terms
    are read on demand."""

    db: sqlite3.Connection
    _texts: dict[int, list[str]]
    _buckets: dict[int, dict]

    def _text_blocks(self, blocks: list[int]) -> dict[int, list[str]]:
        if not hasattr(self, "_texts"):
            self._texts = {}
        wanted = [b for b in blocks if b not in self._texts]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for b, data in self.db.execute(f"SELECT block, data FROM terms WHERE block IN ({_marks(chunk)})", chunk):
                self._texts[b] = marshal.loads(data)
        return self._texts

    def old_terms(self, ns: list[int]) -> set[str]:
        """The terms documents `ns` had: as a chained update left them (`terms_docs`, not saved yet), else as the state has them."""
        try:
            unsaved = self.terms_docs
            blocks = self._text_blocks(sorted({n // _DOC_BLOCK for n in ns if n not in unsaved}))
            out: set[str] = set()
            for n in ns:
                text = unsaved[n].terms_text() if n in unsaved else blocks[n // _DOC_BLOCK][n % _DOC_BLOCK]
                for field_terms in text.split("\t"):
                    if field_terms:
                        out.update(field_terms.split(" "))
            return out
        except (ValueError, TypeError, IndexError, KeyError, EOFError, AttributeError, sqlite3.DatabaseError) as exc:
            raise _StaleStateError(str(exc)) from exc

    def as_saved(self) -> _StoredIndex:
        """This index as the state now holds it, to be updated by a next build as if read back (`_Kept`):
        what the save wrote counts as stored, and no change is pending. The rows read back so far stay (an
        author edits the same article again and again), up to a bound; those the save rewrote are read again."""
        texts = getattr(self, "_texts", {})
        for b in {n // _DOC_BLOCK for n in self.changed_docs} | {b for b in texts if b * _DOC_BLOCK >= len(self.refs)}:
            texts.pop(b, None)
        if len(texts) > _KEPT_ROWS:
            texts.clear()
        if len(getattr(self, "_buckets", {})) > _KEPT_ROWS:
            self._buckets.clear()  # (the save keeps the others as it wrote them: see `_bucket_rows`)
        for shard in self.shards:
            shard.entries = None  # (parsed again when a change reaches it: kept, they would add up to the whole index)
            if shard.dirty:
                shard.dirty, shard.stored_bound = False, shard.bound
        self.cold = False
        self.terms_docs, self.changed_docs, self.changed_postings, self.changed_store, self.removed_shards = {}, set(), {}, set(), []
        return self

    def old_texts(self, blocks: list[int]) -> dict[int, str]:
        """n -> the terms text the state holds, for every document of `blocks`."""
        loaded = self._text_blocks(blocks)
        return {b * _DOC_BLOCK + i: text for b in blocks if b in loaded for i, text in enumerate(loaded[b])}

    def buckets(self, terms: Iterable[str]) -> dict[int, dict]:
        if not hasattr(self, "_buckets"):
            self._buckets = {}
        wanted = sorted({_bucket(t) for t in terms} - self._buckets.keys())
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for b, data in self.db.execute(f"SELECT bucket, data FROM postings WHERE bucket IN ({_marks(chunk)})", chunk):
                self._buckets[b] = marshal.loads(data)
        for b in wanted:
            self._buckets.setdefault(b, {})
        return self._buckets

    def load_postings(self, terms: set[str]) -> dict[str, _Postings]:
        """The postings of those of `terms` the state keeps (in more than SMALL documents); a chained update's
        (`changed_postings`, not saved yet) over the state's. The others are read from their shards' rows."""
        try:
            unsaved = self.changed_postings
            buckets = self.buckets(t for t in terms if t not in unsaved)
            out = {}
            for term in terms:
                if term in unsaved:
                    p = unsaved[term]
                    if p is not None and sum(map(len, p.docs)) > SMALL:
                        out[term] = p
                    continue
                row = buckets[_bucket(term)].get(term)
                if row is not None:
                    docs = [_unpacked(d) if d else array("i") for d in row[1]]
                    counts = [_unpacked_counts(t, len(d)) if t else array("B") for t, d in zip(row[2], docs, strict=True)]
                    if list(map(len, counts)) != list(map(len, docs)):
                        raise ValueError(term)
                    out[term] = _Postings(row[0], docs, counts)
            return out
        except (ValueError, TypeError, IndexError, EOFError, sqlite3.DatabaseError) as exc:
            raise _StaleStateError(str(exc)) from exc
