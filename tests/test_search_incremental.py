"""An index updated from the state of the last build is byte for byte the index built from scratch.

Random edits of every kind (terms, store rows only, new and deleted articles, backdated ones,
dates moved, several at once, nothing) are applied one after another; after each, `write_index` with the
state must give exactly what it gives without one. Small shards make the edits move cuts.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import random
import sqlite3
import sys
from array import array
from pathlib import Path
from typing import Any

import pytest

from ssg.search import DamagedTermsError, SearchConfig, SearchDoc, TermsCache, article_terms, write_index
from ssg.search import inverted as search_inverted
from ssg.search import writer as search_writer
from ssg.search.analysis import terms_digest

CONFIG = SearchConfig()
WORDS = [f"w{i}" for i in range(400)] + ["ракета", "ракеты", "самолёт", "2021", "40", "launch", "rockets", "станция", "МС-21"]


class Archive:
    def __init__(self, seed: int, size: int):
        self.rng = random.Random(seed)
        self.docs = {i: self.make(i, i) for i in range(size)}
        self.next = size

    def make(self, i: int, day: int, lead: str = "lead") -> SearchDoc:
        rng = self.rng
        words = WORDS[: rng.randint(5, len(WORDS))]
        body = " ".join(rng.choice(words) for _ in range(rng.choice([0, 3, 30, 80])))
        title = " ".join(rng.sample(WORDS, 3))
        tags = tuple(rng.sample(["NASA", "МКС", "ISS"], rng.randint(0, 2)))
        date = f"20{10 + day // 336 % 20:02d}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T10:00:00+03:00"
        return SearchDoc(f"d{i}/", f"d{i}/", title, date, "ru", lead, tags, article_terms("ru", title, tags, body, CONFIG))

    def edit(self) -> str:
        rng, docs = self.rng, self.docs
        kind = rng.choice(["terms", "terms", "title", "lead", "new", "delete", "backdate", "redate", "redate", "several", "nothing"])
        if kind == "title":  # the title's terms change, the others stay: most of its terms keep their postings
            i = rng.choice(list(docs))
            old, new = docs[i], self.make(0, 0)
            fields = {**old.terms["fields"], "title": new.terms["fields"]["title"]}
            docs[i] = SearchDoc(old.ref, old.path, new.title, old.date, old.lang, old.lead, old.tags, {**old.terms, "fields": fields})
        elif kind in ("terms", "several"):
            for _ in range(1 if kind == "terms" else 4):
                i = rng.choice(list(docs))
                old, new = docs[i], self.make(0, 0)
                docs[i] = SearchDoc(old.ref, old.path, new.title, old.date, old.lang, old.lead, new.tags, new.terms)
        elif kind == "lead":
            i = rng.choice(list(docs))
            old = docs[i]
            docs[i] = SearchDoc(old.ref, old.path, old.title, old.date, old.lang, old.lead + "!", old.tags, old.terms)
        elif kind == "new":
            docs[self.next] = self.make(self.next, 10_000 + self.next)
            self.next += 1
        elif kind == "delete" and len(docs) > 3:
            del docs[rng.choice(list(docs))]
        elif kind == "redate":  # an article's date moved: it changes places with the few between
            i = rng.choice(list(docs))
            old, day = docs[i], max(0, i + rng.randint(-12, 12))  # (article i was made on day i: a few weeks away)
            moved = self.make(i, day)
            docs[i] = SearchDoc(old.ref, old.path, old.title, moved.date, old.lang, old.lead, old.tags, old.terms)
        elif kind == "backdate":
            docs[self.next] = self.make(self.next, rng.randint(0, 50))
            self.next += 1
        return kind


@pytest.mark.parametrize(
    ("seed", "shard_bytes", "dense", "lazy", "words"),
    [
        (1, 150, 1024, False, None),
        (2, 600, 1024, True, None),
        (3, 2500, 1024, False, None),
        (4, 400, 12, True, None),
        (5, 800, 20, False, None),
        (6, 600, 8, True, 14),  # few words, each in many documents: bitmaps, and terms moving in and out of that form
        (7, 300, 16, False, 20),
    ],
)
def test_updated_index_equals_the_index_built_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, shard_bytes: int, dense: int, lazy: bool, words: int | None
) -> None:
    """`lazy`: the documents' terms stay in a cache (as the build's) until the writer asks for them."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", shard_bytes)
    monkeypatch.setattr(search_writer, "DENSE", dense)  # low: terms cross it as documents come and go
    if words:
        monkeypatch.setattr(sys.modules[__name__], "WORDS", WORDS[: words - 4] + WORDS[-4:])
    state = tmp_path / "state.sqlite"
    archive = Archive(seed, 120)
    updates = 0
    real_run = search_writer._Update.run

    def run(self: search_writer._Update) -> bool:
        nonlocal updates
        done = real_run(self)
        updates += done
        return done

    monkeypatch.setattr(search_writer._Update, "run", run)
    cache = Cache()

    def update() -> dict[str, bytes]:
        if lazy:
            return dict(write_index(cache.keep(list(archive.docs.values())), CONFIG, state, TermsCache(cache.stamp, cache)))
        return dict(write_index(archive.docs.values(), CONFIG, state))

    assert update() == dict(write_index(archive.docs.values(), CONFIG))
    for step in range(40):
        kind = archive.edit()
        assert update() == dict(write_index(archive.docs.values(), CONFIG)), f"step {step}: {kind}"
    assert updates >= 25  # most steps were updates, not rebuilds


def test_only_the_shards_of_changed_terms_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 300)
    archive = Archive(7, 150)
    state = tmp_path / "state.sqlite"
    before = dict(write_index(archive.docs.values(), CONFIG, state))
    last = max(archive.docs.values(), key=lambda d: d.date)
    archive.docs[int(last.ref[1:-1])] = SearchDoc(
        last.ref,
        last.path,
        last.title,
        last.date,
        last.lang,
        last.lead,
        last.tags,
        article_terms("ru", last.title, last.tags, "w1 w1 zzz", CONFIG),
    )
    after = dict(write_index(archive.docs.values(), CONFIG, state))
    changed = {name for name in after if before.get(name) != after[name]} | (before.keys() - after.keys())
    shards = {name for name in changed if "/t/" in name}
    assert 0 < len(shards) < len([n for n in after if "/t/" in n]) // 4
    assert changed - shards <= {"search/index.js", "search/build.js", f"search/d/{(len(archive.docs) - 1) // search_writer.STORE_CHUNK}.js"}


def test_a_title_edit_reads_back_and_makes_again_only_the_shards_whose_bytes_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title edited: the terms of the body keep their postings (the same counts, the same length), which the
    update tells from the postings the state keeps. The shards holding only those are neither read back nor made
    again nor saved again (at 10,000 articles, about 10 shards made again instead of 120, and read back instead of 200)."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 300)
    archive = Archive(7, 150)
    state = tmp_path / "state.sqlite"
    body = " ".join(WORDS[:60])
    old = archive.docs[40]  # (not the newest: the order keys of most of its terms come from newer documents)

    def titled(title: str) -> SearchDoc:
        return SearchDoc(
            old.ref, old.path, title, old.date, old.lang, old.lead, old.tags, article_terms("ru", title, old.tags, body, CONFIG)
        )

    archive.docs[40] = titled("ракета станция")
    before = dict(write_index(archive.docs.values(), CONFIG, state))
    rendered: list[str] = []
    read: set[str] = set()
    real_render, real_parse = search_writer._Shard.render, search_writer._Shard.parse
    monkeypatch.setattr(search_writer._Shard, "render", lambda shard: rendered.append(shard.name) or real_render(shard))
    monkeypatch.setattr(search_writer._Shard, "parse", lambda shard: shard.entries or read.add(shard.name) or real_parse(shard))
    archive.docs[40] = titled("самолёт станция")
    after = dict(write_index(archive.docs.values(), CONFIG, state))
    made = {f"search/t/{name}.js" for name in rendered}
    assert after == dict(write_index(archive.docs.values(), CONFIG))
    changed = {name for name in after if "/t/" in name and before.get(name) != after[name]}
    assert changed and made == changed
    assert len(read) <= len(changed) + 2  # (and the shards on either side, whose first or last terms tell where cuts go)


def test_a_date_moved_redoes_only_the_documents_between_its_old_and_new_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The documents after both places keep their numbers: their store files stay, and the update is no rebuild
    (which it was when every later document was redone: half the archive for an article from its middle)."""
    archive = Archive(8, 400)
    state = tmp_path / "state.sqlite"
    before = dict(write_index(archive.docs.values(), CONFIG, state))
    rebuilds = []
    real_build = search_writer._Index.build
    monkeypatch.setattr(search_writer._Index, "build", lambda *args: rebuilds.append(1) or real_build(*args))
    old = archive.docs[200]  # day 200 -> day 190: now the 191st, before the ten articles of days 190-199
    archive.docs[200] = SearchDoc(old.ref, old.path, old.title, archive.make(0, 190).date, old.lang, old.lead, old.tags, old.terms)
    after = dict(write_index(archive.docs.values(), CONFIG, state))
    assert after == dict(write_index(archive.docs.values(), CONFIG))
    assert len(rebuilds) == 1  # (the one just above, from scratch)
    changed = {name for name in after if before.get(name) != after[name]}
    chunk = search_writer.STORE_CHUNK
    assert {name for name in changed if "/d/" in name} == {f"search/d/{c}.js" for c in range(190 // chunk, 200 // chunk + 1)}


def test_a_damaged_or_foreign_state_is_rebuilt(tmp_path: Path) -> None:
    archive = Archive(5, 40)
    state = tmp_path / "cache" / "search.sqlite"
    cold = dict(write_index(archive.docs.values(), CONFIG))
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == cold
    with sqlite3.connect(state) as db:  # postings that do not match the shards any more: one posting less
        for bucket, data in db.execute("SELECT bucket, data FROM postings").fetchall():
            rows = marshal.loads(data)
            for _pos, docs, _counts in rows.values():
                docs[-1] = docs[-1][:-4]
            db.execute("UPDATE postings SET data = ? WHERE bucket = ?", (marshal.dumps(rows), bucket))
    archive.edit()
    cold = dict(write_index(archive.docs.values(), CONFIG))
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == cold
    state.write_bytes(b"not a database at all")
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == cold
    other = SearchConfig(fields=("title", "body"))
    docs = [
        SearchDoc(d.ref, d.path, d.title, d.date, d.lang, d.lead, d.tags, article_terms("ru", d.title, d.tags, "w1", other))
        for d in archive.docs.values()
    ]
    assert dict(write_index(docs, other, state)) == dict(write_index(docs, other))


class Cache:
    """Terms by key, as the build cache holds them; records which keys the writer reads."""

    def __init__(self, stamp: str = "s1"):
        self.stamp = stamp
        self.terms: dict[str, dict] = {}
        self.read: list[str] = []

    def __call__(self, keys: list[str]) -> dict[str, dict]:
        self.read += keys
        return {k: self.terms[k] for k in keys if k in self.terms}

    def keep(self, docs: list[SearchDoc]) -> list[SearchDoc]:
        """The documents with their terms left in the cache, under a key that changes with everything but ref and path."""
        out = []
        for d in docs:
            key = d.ref + hashlib.sha256(repr((d.title, d.date, d.lang, d.lead, d.tags, terms_digest(d.terms))).encode()).hexdigest()
            self.terms.setdefault(key, d.terms)
            out.append(SearchDoc(d.ref, d.path, d.title, d.date, d.lang, d.lead, d.tags, None, key))
        return out


def test_terms_from_the_cache_are_read_only_where_the_update_needs_them(tmp_path: Path) -> None:
    archive = Archive(11, 200)
    state = tmp_path / "state.sqlite"
    cache = Cache()
    lazy = TermsCache(cache.stamp, cache)
    docs = list(archive.docs.values())
    assert dict(write_index(cache.keep(docs), CONFIG, state, lazy)) == dict(write_index(docs, CONFIG))
    assert len(cache.read) == len(docs)  # a cold build reads them all
    newest = max(archive.docs, key=lambda i: archive.docs[i].date)
    old = archive.docs[newest]
    archive.docs[newest] = SearchDoc(old.ref, old.path, old.title, old.date, old.lang, old.lead, old.tags, archive.make(0, 0).terms)
    docs, cache.read = list(archive.docs.values()), []
    assert dict(write_index(cache.keep(docs), CONFIG, state, lazy)) == dict(write_index(docs, CONFIG))
    # The edited document, then the newest holders of the terms it lost (their order keys move).
    assert cache.read[0].startswith(old.ref) and 1 < len(cache.read) < len(docs) // 4
    # Other terms under the same keys (the cache was made again with other settings): the state is not trusted.
    other = Cache("s2")
    lazy_docs = cache.keep(docs)
    changed = [SearchDoc(d.ref, d.path, d.title, d.date, d.lang, d.lead, d.tags, archive.make(0, 0).terms) for d in docs]
    other.terms = {d.key: c.terms for d, c in zip(lazy_docs, changed, strict=True)}
    assert dict(write_index(lazy_docs, CONFIG, state, TermsCache(other.stamp, other))) == dict(write_index(changed, CONFIG))


def test_a_document_missing_from_the_terms_cache_is_an_error(tmp_path: Path) -> None:
    docs = list(Archive(12, 10).docs.values())
    cache = Cache()
    lazy_docs = cache.keep(docs)
    del cache.terms[lazy_docs[3].key]
    with pytest.raises(DamagedTermsError, match=f"search terms of {docs[3].ref} in the build cache are damaged") as raised:
        list(write_index(lazy_docs, CONFIG, tmp_path / "state.sqlite", TermsCache(cache.stamp, cache)))
    assert raised.value.key == lazy_docs[3].key  # (the record the build drops, see test_incremental.py)


def test_the_newest_article_deleted_then_restored(tmp_path: Path) -> None:
    """Documents removed from the end leave the state's last row of documents (and of store chunks) shorter:
    kept as it was, the state read back holds the deleted article, as if its postings were still there."""
    archive = Archive(1, 10)  # 10 documents: 3 store chunks; 9: still 3, 8: 2
    state = tmp_path / "state.sqlite"
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))
    for gone in ([9], [9, 8]):
        deleted = {i: archive.docs.pop(i) for i in gone}
        assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))
        store = search_writer._Store(state, CONFIG, "")
        stored = store.load()
        store.close()
        assert stored is not None and stored.refs == [d.ref for d in archive.docs.values()], gone
        archive.docs.update(deleted)  # and back
        assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG)), gone


def test_a_ctrl_c_as_the_state_is_closed_leaves_no_closed_connection_behind(tmp_path: Path) -> None:
    """Interrupted right after its connection closed, the store still held it: `save`'s clean-up then raised
    ProgrammingError on it, in place of the KeyboardInterrupt, and `ssg serve` tidying up went on after Ctrl-C."""

    class Interrupted:
        """A connection that closes, then meets a Ctrl-C (a signal is handled between two lines of Python)."""

        def close(self) -> None:
            raise KeyboardInterrupt

    store = search_writer._Store(tmp_path / "state.sqlite", CONFIG, "")
    store.db = Interrupted()  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        store.close()
    assert store.db is None


def test_a_ctrl_c_while_the_state_is_saved_stops_the_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C met while SQLite asked `stop` between its steps was turned by Python's sqlite3 into an "interrupted"
    error, which the save took for a failure to write a cache: it went on, and `ssg serve` did not stop."""
    monkeypatch.setattr(search_writer, "_STOP_STEPS", 50)  # (asked often: the archive is small)
    archive = Archive(31, 200)
    indexer = search_writer.Indexer(defer=True)
    list(indexer.files(archive.docs.values(), CONFIG, tmp_path / "state.sqlite"))  # (a build: its state saved later, by `flush`)

    def ctrl_c() -> bool:
        raise KeyboardInterrupt  # (the signal handled as `stop` runs)

    with pytest.raises(KeyboardInterrupt):
        indexer.flush(stop=ctrl_c)


def test_counts_too_large_for_a_byte_are_spliced(tmp_path: Path) -> None:
    """The state keeps counts + 48 as bytes while all fit: edits bring larger ones."""
    archive = Archive(13, 40)
    state = tmp_path / "state.sqlite"

    def body(i: int, text: str) -> None:
        old = archive.docs[i]
        terms = article_terms("ru", old.title, old.tags, text, CONFIG)
        archive.docs[i] = SearchDoc(old.ref, old.path, old.title, old.date, old.lang, old.lead, old.tags, terms)

    for i in range(0, 40, 2):  # "zz" in more than SMALL documents: the state keeps its postings
        body(i, "zz zz")
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))
    for i in (10, 21, 30):  # a count too large for a byte joins them; then more
        body(i, "zz " * 300)
        assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))


def test_a_cold_build_reads_its_terms_in_batches_and_packs_any_document_number_and_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build inverts the documents a batch at a time, newest first, into packed numbers (`search.inverted`):
    batches of one row of the state, the 64-bit numbers of an archive past 16 million documents and counts too large
    for the packed byte give the index and the state that one batch and 32-bit numbers give."""
    archive = Archive(21, 150)
    for i in (3, 77, 149):  # counts too large for the packed byte (207 or more), in the oldest and the newest documents
        old = archive.docs[i]
        terms = article_terms("ru", old.title, old.tags, "zz " * 300 + "yy " * 207 + "xx " * 206, CONFIG)
        archive.docs[i] = SearchDoc(old.ref, old.path, old.title, old.date, old.lang, old.lead, old.tags, terms)
    cache = Cache()
    docs = cache.keep(list(archive.docs.values()))
    expected = dict(write_index(docs, CONFIG, tmp_path / "one.sqlite", TermsCache(cache.stamp, cache)))
    assert expected == dict(write_index(archive.docs.values(), CONFIG))
    monkeypatch.setattr(search_writer, "_COLD_BATCH", search_writer._DOC_BLOCK)
    monkeypatch.setattr(search_inverted, "_MAX_DOCS", 100)
    assert dict(write_index(docs, CONFIG, tmp_path / "packed.sqlite", TermsCache(cache.stamp, cache))) == expected
    assert _state_tables(tmp_path / "packed.sqlite") == _state_tables(tmp_path / "one.sqlite")


def test_inverted_lists_and_order_keys_match_their_definition() -> None:
    """`Inverted` against a plain inversion of random documents (terms shared between fields and documents, fields whose
    terms all share one count, counts too large for the packed byte): each term's postings per field in document order,
    and its order key where it first occurs in its newest document's terms (`sequence`), which `met` searches for after
    the last new term it found."""
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(60)]
    documents = []
    for _ in range(120):
        fields = []
        for _ in range(4):
            terms = rng.sample(vocabulary, rng.randint(0, 12))
            counts = [1] * len(terms) if rng.random() < 0.5 else [rng.choice((1, 1, 2, 3, 300)) for _ in terms]
            fields.append([" ".join(terms), "".join(chr(48 + c) for c in counts), sum(counts)])
        documents.append(fields)
    inverted = search_inverted.Inverted(4, len(documents))
    for n in reversed(range(len(documents))):
        inverted.add(n, documents[n])
    expected_keys: dict[str, int] = {}
    for n in reversed(range(len(documents))):
        order = search_inverted.sequence(documents[n])
        for fields in documents[n]:
            for term in filter(None, fields[0].split(" ")):
                expected_keys.setdefault(term, order.find(" " + term + " "))
    assert inverted.keys == expected_keys
    for term in sorted(expected_keys):
        for f, found in enumerate(inverted.pop(term)):
            held = [
                (n, ord(fields[f][1][fields[f][0].split(" ").index(term)]))
                for n, fields in enumerate(documents)
                if term in fields[f][0].split(" ")
            ]
            assert (list(found[0]), list(found[1])) == ([n for n, _ in held], [c for _, c in held]) if held else found is None


def test_a_cold_state_that_fails_to_be_written_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold build writes the state's rows of terms as it reads them: one that fails (a full disk) leaves no state, and
    the build its index as it is; the next build makes both again."""
    archive = Archive(22, 100)
    state = tmp_path / "state.sqlite"
    expected = dict(write_index(archive.docs.values(), CONFIG))
    real = search_writer._Store.terms_writer

    def failing(store: search_writer._Store) -> object:
        write = real(store)
        calls = []

        def write_then_fail(rows: list) -> None:
            calls.append(1)
            if len(calls) > 1:
                store.db.execute("INSERT INTO terms VALUES (?, ?)", rows[0])  # (a row written twice: what SQLite refuses)
            write(rows)

        return write_then_fail

    monkeypatch.setattr(search_writer, "_COLD_BATCH", search_writer._DOC_BLOCK)
    monkeypatch.setattr(search_writer._Store, "terms_writer", failing)
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == expected
    assert not state.exists()
    monkeypatch.setattr(search_writer._Store, "terms_writer", real)
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == expected
    assert _state_tables(state)["terms"]
    archive.edit()
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))


def test_a_long_lived_indexer_holds_the_terms_of_no_document_but_those_its_save_waits_for(tmp_path: Path) -> None:
    """Terms read from the cache are let go after each build (kept, they would add up to every article's; a cold build
    lets go of each batch as soon as it has inverted it), but those of the edited documents, which the deferred save writes; an update lets go of those it read alone (the newest
    holders of the terms an edit removed) without looking at every document."""
    archive = Archive(9, 80)
    cache = Cache()
    indexer = search_writer.Indexer(defer=True)
    kept = dict(zip(archive.docs, cache.keep(list(archive.docs.values())), strict=True))  # (the same objects, as a builder's)

    def build() -> set[str]:
        files = indexer.files(list(kept.values()), CONFIG, tmp_path / "state.sqlite", TermsCache(cache.stamp, cache))
        assert {file.path: file.data for file in files} == dict(write_index(archive.docs.values(), CONFIG))
        return {d.ref for d in indexer._docs.values() if d.fields is not None}

    assert not build()  # a cold build: none (the rows of the state it saves later are made as each is read)
    indexer.flush()
    edited = []
    for i in (70, 30):  # the second build updates the index the first left to save
        old = archive.docs[i]
        archive.docs[i] = SearchDoc(old.ref, old.path, old.title, old.date, old.lang, old.lead, old.tags, archive.make(0, 0).terms)
        kept[i] = cache.keep([archive.docs[i]])[0]
        edited.append(old.ref)
        assert build() == set(edited)
    indexer.flush()
    assert not {d.ref for d in indexer._docs.values() if d.fields is not None}


def test_a_long_lived_indexer_that_saves_later_equals_the_index_built_from_scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's writer: it keeps documents as it read them and saves the state only when told
    (`flush`); a build before that updates the index still to be saved (one save writes both); a restart
    before the save starts from the older state.
    It keeps the index it saved and updates that, not reading the state back, unless another build
    (a one-shot `ssg build` into the same folder) saved the state since; then its pending save is
    dropped rather than mixed into that build's state."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 400)
    taken = 0
    real_take = search_writer._Kept.take

    def take(self: search_writer._Kept, store: search_writer._Store, generation: str | None) -> search_writer._StoredIndex | None:
        nonlocal taken
        index = real_take(self, store, generation)
        taken += index is not None
        return index

    monkeypatch.setattr(search_writer._Kept, "take", take)
    chained = []
    real_chained = search_writer.Indexer._chained
    monkeypatch.setattr(search_writer.Indexer, "_chained", lambda self, store: chained.append(c := real_chained(self, store)) or c)
    state = tmp_path / "state.sqlite"
    archive = Archive(9, 120)
    cache = Cache()
    lazy = TermsCache(cache.stamp, cache)
    same: dict[str, SearchDoc] = {}  # one SearchDoc per key, as the build hands them over build after build
    indexer = search_writer.Indexer(defer=True)
    rng = random.Random(9)
    restarts = flushes = others = 0
    for step in range(60):
        docs = [same.setdefault(d.key, d) for d in cache.keep(list(archive.docs.values()))]
        files = {file.path: file.data for file in indexer.files(docs, CONFIG, state, lazy)}
        assert files == dict(write_index(archive.docs.values(), CONFIG)), f"step {step}"
        draw = rng.random()
        if draw < 0.3:
            indexer.flush()
            flushes += 1
        elif draw < 0.4:
            archive.edit()
            assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))
            others += 1
        elif draw < 0.5:
            del indexer  # (its pending save is lost with it, and its connection closed)
            gc.collect()
            indexer = search_writer.Indexer(defer=True)
            restarts += 1
        archive.edit()
    assert flushes >= 5 and restarts >= 3 and others >= 3 and taken >= 10 and sum(c is not None for c in chained) >= 10


def test_a_pending_save_never_mixes_into_a_state_another_build_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's writer saves only what its update changed; had a one-shot build saved the state in between, those
    rows would land among that build's: the save is dropped instead, and every later build from the state is exact."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 400)
    state = tmp_path / "state.sqlite"
    archive = Archive(11, 80)
    indexer = search_writer.Indexer(defer=True)

    def retitle(i: int, title: str) -> None:
        old = archive.docs[i]
        terms = article_terms("ru", title, old.tags, "body words " + title, CONFIG)
        archive.docs[i] = SearchDoc(old.ref, old.path, title, old.date, old.lang, old.lead, old.tags, terms)

    def cold() -> dict[str, bytes]:
        return dict(write_index(archive.docs.values(), CONFIG))

    list(write_index(archive.docs.values(), CONFIG, state))  # the state as a first build leaves it
    for step, (i, title) in enumerate([(3, "alpha beta"), (5, "gamma delta"), (3, "epsilon"), (7, "zeta eta")]):
        retitle(i, title)
        assert dict((f.path, f.data) for f in indexer.files(list(archive.docs.values()), CONFIG, state)) == cold(), step
        retitle(64 + step, f"other writer {step}")  # (another row of the state) saved by a one-shot build meanwhile
        assert dict(write_index(archive.docs.values(), CONFIG, state)) == cold(), step
    indexer.flush()
    retitle(9, "theta iota")
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == cold()


def test_a_save_another_build_makes_while_a_pending_one_starts_is_never_mixed_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check that the state is still the one the update started from, and the save, are one transaction: a
    one-shot build (another process) saving right after the check would otherwise get the pending rows mixed in."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 400)
    state = tmp_path / "state.sqlite"
    archive = Archive(11, 80)

    def retitle(i: int, title: str) -> None:
        old = archive.docs[i]
        terms = article_terms("ru", title, old.tags, "body words " + title, CONFIG)
        archive.docs[i] = SearchDoc(old.ref, old.path, title, old.date, old.lang, old.lead, old.tags, terms)

    list(write_index(archive.docs.values(), CONFIG, state))
    indexer = search_writer.Indexer(defer=True)
    retitle(3, "alpha beta")
    list(indexer.files(list(archive.docs.values()), CONFIG, state))  # pending: doc 3 as "alpha beta"
    other = dict(archive.docs)
    pending = indexer._pending[0]  # type: ignore[index]
    real = search_writer._Store._save

    def another_save_then(self: search_writer._Store, *args: object) -> object:
        if self is pending:  # another process saves its own state just before the pending save writes
            for i, title in ((3, "gamma"), (60, "delta")):
                old = other[i]
                terms = article_terms("ru", title, old.tags, "body words " + title, CONFIG)
                other[i] = SearchDoc(old.ref, old.path, title, old.date, old.lang, old.lead, old.tags, terms)
            list(write_index(other.values(), CONFIG, state))
        return real(self, *args)

    monkeypatch.setattr(search_writer._Store, "_save", another_save_then)
    indexer.flush()
    monkeypatch.setattr(search_writer._Store, "_save", real)
    assert indexer._kept is None  # (its save was dropped)
    docs = list(archive.docs.values())  # the other build's edits undone: its rows must not stay
    assert dict(write_index(docs, CONFIG, state)) == dict(write_index(docs, CONFIG))


def _state_tables(path: Path) -> dict[str, list]:
    """What a state holds, row by row (the generation aside: it differs between any two saves; and an update leaves a
    bucket of postings whose terms all went as an empty row, where a cold build writes none)."""
    with sqlite3.connect(path) as db:
        tables = {table: db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("docs", "terms", "postings", "store")}
        shards = db.execute("SELECT * FROM shards ORDER BY 1").fetchall()
    decoded = {name: [(key, marshal.loads(data)) for key, data in rows] for name, rows in tables.items()}
    decoded["postings"] = [(bucket, terms) for bucket, terms in decoded["postings"] if terms]
    return decoded | {"shards": shards}


@pytest.mark.parametrize("seed", [12, 13, 14])
def test_builds_that_come_before_the_last_ones_save_are_saved_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """When saves come faster than the preview's pauses, each build updates the index the last one has still to save,
    instead of saving it first (0.2-0.5 s at 10,000 articles); one save then writes every change since the state. The
    state it writes is the one a cold build writes, row for row, and builds that start from it update it correctly."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 300)
    monkeypatch.setattr(search_writer, "DENSE", 16)  # (terms move in and out of bitmaps between the saves)
    saves, chained = [], []
    real_save, real_chained = search_writer._Store.save, search_writer.Indexer._chained
    monkeypatch.setattr(
        search_writer._Store, "save", lambda self, index, base, stop=None: saves.append(index.cold) or real_save(self, index, base, stop)
    )
    monkeypatch.setattr(search_writer.Indexer, "_chained", lambda self, store: chained.append(c := real_chained(self, store)) or c)
    archive = Archive(seed, 400)  # (large enough for most edits to be updates, not rebuilds)
    state, cold_state = tmp_path / "state.sqlite", tmp_path / "cold.sqlite"
    cache = Cache()
    lazy = TermsCache(cache.stamp, cache)
    same: dict[str, SearchDoc] = {}
    indexer = search_writer.Indexer(defer=True)

    def build() -> dict[str, bytes]:
        docs = [same.setdefault(d.key, d) for d in cache.keep(list(archive.docs.values()))]
        return {file.path: file.data for file in indexer.files(docs, CONFIG, state, lazy)}

    build()
    for rounds in range(3):
        for step in range(8):  # saves without a pause between them
            kind = archive.edit()
            assert build() == dict(write_index(archive.docs.values(), CONFIG)), f"round {rounds} step {step}: {kind}"
        indexer.flush()
        cold_state.unlink(missing_ok=True)
        dict(write_index(cache.keep(list(archive.docs.values())), CONFIG, cold_state, lazy))  # (documents as the writer had them)
        assert _state_tables(state) == _state_tables(cold_state), f"round {rounds}"
    # Every update was saved with the next ones (an update's save: one a round at most; a cold build saves everything).
    assert sum(c is not None for c in chained) >= 12 and saves.count(False) <= 3
    archive.edit()  # a new process, from the state
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))


def test_a_shard_whose_terms_all_went_moves_the_bound_of_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """[w20] [w21] [w211]: the second shard's only term goes, and the third's bound (the shortest prefix of its first term
    that sorts after the last term before it) is "w21" again, not the "w211" it had after "w21" (the stress test found this)."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 1)  # (every term a shard of its own)

    def doc(n: int, body: str) -> SearchDoc:
        date = f"2021-01-{n + 1:02d}T10:00:00+00:00"
        return SearchDoc(f"d{n}/", f"d{n}/", "", date, "en", "", (), article_terms("en", "", (), body, CONFIG))

    docs = [doc(0, "w20 w211"), doc(1, "w21")]
    state = tmp_path / "state.sqlite"
    before = dict(write_index(docs, CONFIG, state))
    assert "search/t/" + search_writer.codec.shard_name("w211") + ".js" in before
    after = dict(write_index(docs[:1], CONFIG, state))
    assert after == dict(write_index(docs[:1], CONFIG))
    assert "search/t/" + search_writer.codec.shard_name("w21") + ".js" in after


def test_a_shard_a_chained_update_made_keeps_no_row_when_the_next_one_moves_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[w20] [w21] [w211]: a first update makes the "w211" shard again (its row to be replaced, not saved yet); a chained
    one takes "w21" away, and that shard's bound becomes "w21" in place. The state's "w211" row must go with the save
    (it stayed: a shard too many, read back by the next build)."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 1)  # (every term a shard of its own)

    def doc(n: int, body: str) -> SearchDoc:
        date = f"2021-01-{n + 1:02d}T10:00:00+00:00"
        return SearchDoc(f"d{n}/", f"d{n}/", "", date, "en", "", (), article_terms("en", "", (), body, CONFIG))

    state, cold_state = tmp_path / "state.sqlite", tmp_path / "cold.sqlite"
    indexer = search_writer.Indexer(defer=True)
    docs = [doc(0, "w20 w211"), doc(1, "w21")]
    list(indexer.files(docs, CONFIG, state))
    indexer.flush()
    docs = [*docs, doc(2, "w211")]
    list(indexer.files(docs, CONFIG, state))
    docs = [docs[0], doc(1, "w20"), docs[2]]
    assert {f.path: f.data for f in indexer.files(docs, CONFIG, state)} == dict(write_index(docs, CONFIG))
    indexer.flush()
    dict(write_index(docs, CONFIG, cold_state))
    assert _state_tables(state) == _state_tables(cold_state)
    assert dict(write_index(docs, CONFIG, state)) == dict(write_index(docs, CONFIG))


def test_the_shard_after_the_first_ones_terms_all_went_is_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """[w20] [w21] [w3]: "w20" goes, and the "w21" shard, now the first, has the bound "" (it kept "w21")."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 1)

    def doc(n: int, body: str) -> SearchDoc:
        date = f"2021-01-{n + 1:02d}T10:00:00+00:00"
        return SearchDoc(f"d{n}/", f"d{n}/", "", date, "en", "", (), article_terms("en", "", (), body, CONFIG))

    docs = [doc(0, "w20"), doc(1, "w21"), doc(2, "w3")]
    state = tmp_path / "state.sqlite"
    dict(write_index(docs, CONFIG, state))
    docs[0] = doc(0, "w3")
    assert dict(write_index(docs, CONFIG, state)) == dict(write_index(docs, CONFIG))


def _moved(doc: SearchDoc, date: str, ref: str | None = None, terms: dict | None = None) -> SearchDoc:
    """The document with another date (and another ref, as an article whose URL has its date; other terms)."""
    ref = ref or doc.ref
    return SearchDoc(ref, ref, doc.title, date, doc.lang, doc.lead, doc.tags, terms or doc.terms)


@pytest.mark.parametrize(
    ("seed", "dense", "words", "defer"),
    [
        (21, 1024, None, False),
        (22, 8, 14, False),  # few words, each in most documents: bitmaps, shifted by a bit, and terms crossing into that form
        (23, 12, None, True),  # a long-lived writer: updates chained before the state is saved
    ],
)
def test_a_moved_date_renumbers_the_documents_between_and_equals_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, dense: int, words: int | None, defer: bool
) -> None:
    """Dates moved back and forward across many documents, to the oldest place and the newest, with the article edited
    or its URL changed at the same time, another article edited in the same save: each update renumbers the documents
    between by one (`_Move`: the terms only they hold have their encoding edited in place, `_shifted`) and gives the
    bytes of a cold build."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 300)
    monkeypatch.setattr(search_writer, "DENSE", dense)
    if words:
        monkeypatch.setattr(sys.modules[__name__], "WORDS", WORDS[: words - 4] + WORDS[-4:])
    archive = Archive(seed, 200)  # document i dated day i
    state = tmp_path / "state.sqlite"
    indexer = search_writer.Indexer(defer=defer)
    moves: list[search_writer._Move | None] = []
    real_find, shifted = search_writer._Move.find, []
    monkeypatch.setattr(search_writer._Move, "find", lambda *args: moves.append(real_find(*args)) or moves[-1])
    real_shifted = search_writer._shifted
    monkeypatch.setattr(search_writer, "_shifted", lambda *args: shifted.append(real_shifted(*args)) or shifted[-1])

    def build() -> None:
        assert {f.path: f.data for f in indexer.files(archive.docs.values(), CONFIG, state)} == dict(
            write_index(archive.docs.values(), CONFIG)
        )

    def day(n: int, hour: int = 10) -> str:
        """The date of day n, at an hour before (9) or after (11) its document's."""
        return archive.make(0, n).date.replace("T10:", f"T{hour:02d}:")

    build()
    steps = [
        (100, day(80, 9), {}),  # back across 20 documents
        (50, day(70, 11), {}),  # forward across 20
        (5, day(0, 9), {}),  # to the oldest place
        (190, day(199, 11), {}),  # to the newest place
        (0, day(15, 11), {}),  # the oldest, forward
        (199, day(185, 9), {}),  # the newest, back
        (120, day(110, 9), {"terms": "edited"}),  # moved and edited in one save
        (130, day(140, 11), {"ref": "renamed"}),  # its URL has its date: another ref
        (150, day(160, 11), {"other": 20}),  # and an article elsewhere edited in the same save
        (60, day(59, 9), {}),  # one place back: two documents change places
    ]
    for step, (i, date, also) in enumerate(steps):
        old = archive.docs[i]
        terms = archive.make(0, 0).terms if "terms" in also else None
        archive.docs[i] = _moved(old, date, f"{old.ref}{also['ref']}/" if "ref" in also else None, terms)
        if "other" in also:
            other = archive.docs[also["other"]]
            archive.docs[also["other"]] = _moved(other, other.date, terms=archive.make(0, 0).terms)
        moves.clear()
        build()
        assert moves and moves[-1] is not None, f"step {step}: no move found"
        if defer and step % 3 == 2:
            indexer.flush()
    assert any(s is not None and not s[1].startswith("~") for s in shifted)
    assert any(s is not None and s[1].startswith("~") for s in shifted) == (dense < 1024)  # (bitmaps shifted too)
    indexer.flush()
    archive.docs[2] = _moved(archive.docs[2], day(12, 11))  # a new process, from the state
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))


def test_a_shifted_field_is_encoded_as_from_scratch() -> None:
    """`_shifted` edits two gaps of a term's encoding where a `_Move` renumbers its postings in the window (a bitmap: the
    letters of the window): the result is the encoding made from scratch of the postings renumbered (`_field_text`),
    with the lengths gone with their documents, for postings of every density (the lengths in the stream or in the
    table, bitmaps); refused (None) only where the form changes."""
    rng = random.Random(5)
    checked, bitmaps = 0, 0
    for _ in range(1200):
        size = rng.randint(3, 3000)
        start = rng.randrange(size - 1)
        end = rng.randint(start + 2, min(size, start + 80))
        shift = rng.choice([1, -1])
        moved = end - 1 if shift == 1 else start  # the document that moves to the other end of the window
        density = rng.choice([0.001, 0.01, 0.2, 0.5, 0.9])
        docs = array("i", sorted(n for n in range(size) if n != moved and (rng.random() < density or n in (start, end))))
        docs = array("i", [n for n in docs if n < size])
        if not docs:
            continue
        tfs = array("B", [48 + rng.choice([1, 1, 1, 2, 7, 40]) for _ in docs])
        lengths = [rng.randint(1, 5000) for _ in range(size)]
        order = list(range(size))
        order.insert(start if shift == 1 else end - 1, order.pop(moved))  # new number -> old number
        new_lengths = [lengths[n] for n in order]
        renumbered = array("i", [n + shift if start <= n < end else n for n in docs])
        text = search_writer._field_text(docs, tfs, [search_writer.codec.vint(n) for n in lengths])
        made = search_writer._shifted(docs, tfs, text, (start, end), shift)
        cold = search_writer._field_text(renumbered, tfs, [search_writer.codec.vint(n) for n in new_lengths])
        if made is None:
            assert text.startswith("~") != cold.startswith("~")
            continue
        assert made == (renumbered, cold)
        checked += 1
        bitmaps += cold.startswith("~")
    assert checked > 800 and bitmaps > 100


def test_a_save_of_the_state_stopped_midway_writes_nothing_and_is_done_with_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview stops saving the index's state when the author saves again (`Indexer.flush`'s `stop`, asked between
    SQLite's steps): the state stays as it was (the transaction rolled back), and the next build updates the index still
    to be saved and saves both builds' changes, as if that save had never started. A cold build's save stopped so is
    made by the next build, before it starts."""
    monkeypatch.setattr(search_writer, "_STOP_STEPS", 50)  # (asked often: the archive is small)
    archive = Archive(31, 200)
    state, cold_state = tmp_path / "state.sqlite", tmp_path / "cold.sqlite"
    indexer = search_writer.Indexer(defer=True)

    def build() -> None:
        assert {f.path: f.data for f in indexer.files(archive.docs.values(), CONFIG, state)} == dict(
            write_index(archive.docs.values(), CONFIG)
        )

    def move(i: int, day: int) -> None:
        archive.docs[i] = _moved(archive.docs[i], archive.make(0, day).date.replace("T10:", "T09:"))

    build()  # cold: stopped at once, then saved by the next build first
    assert not indexer.flush(stop=lambda: True)
    with sqlite3.connect(state) as db:  # (opened by the build, to see whether another had saved it: nothing saved)
        assert db.execute("SELECT count(*) FROM meta").fetchone() == (0,)
    move(100, 80)
    build()
    assert indexer.flush()
    saved = _state_tables(state)
    move(150, 130)
    build()
    asked: list[int] = []
    assert not indexer.flush(stop=lambda: asked.append(1) or len(asked) > 3)  # a few steps written, then stopped
    assert len(asked) == 4 and _state_tables(state) == saved
    move(40, 60)
    expected = dict(write_index(archive.docs.values(), CONFIG))
    rebuilds: list[int] = []
    real_build = search_writer._Index.build
    monkeypatch.setattr(search_writer._Index, "build", lambda *args: rebuilds.append(1) or real_build(*args))
    assert {f.path: f.data for f in indexer.files(archive.docs.values(), CONFIG, state)} == expected
    assert not rebuilds  # (chained: it updated the index the stopped save was to write)
    assert indexer.flush(stop=lambda: False)
    dict(write_index(archive.docs.values(), CONFIG, cold_state))
    assert _state_tables(state) == _state_tables(cold_state)
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))


def test_a_tag_renamed_in_many_articles_looks_up_each_terms_holders_not_every_edited_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keeper renamed a tag in 3,306 of 30,000 articles (sed on the files): the search phase took 78 s where a cold
    build's takes 10, as each of the tens of thousands of terms those articles hold looked up every edited article in
    its postings (`_Update.same`, `_splice`: terms x edited bisections). Each term's holders are looked up in the
    edited set now where they are the fewer; the index is still the one built from scratch."""
    vocabulary = [f"r{i}" for i in range(3000)]  # (rare words, a few holders each, as most words of an archive)
    tags = {n: ("NASA",) for n in range(1000)}

    def doc(n: int) -> SearchDoc:
        body = " ".join(random.Random(n).sample(vocabulary, 12))
        date = f"20{10 + n // 336:02d}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}T10:00:00+03:00"
        return SearchDoc(f"d{n}/", f"d{n}/", f"t{n}", date, "ru", "", tags[n], article_terms("ru", f"t{n}", tags[n], body, CONFIG))

    state = tmp_path / "state.sqlite"
    monkeypatch.setattr(search_writer, "MAX_EDITED", 0.25)  # (as at 30,000 articles, where 1,500 edited are an update)
    dict(write_index([doc(n) for n in range(1000)], CONFIG, state))
    tags.update({n: ("НАСА",) for n in range(0, 1000, 5)})  # (a fifth of the archive: an update, not a rebuild)
    docs = [doc(n) for n in range(1000)]
    lookups = 0
    real_bisect = search_writer.bisect_left

    def counted(*args: Any) -> int:
        nonlocal lookups
        lookups += 1
        return real_bisect(*args)

    updates = []
    real_run = search_writer._Update.run
    monkeypatch.setattr(search_writer._Update, "run", lambda self: updates.append(real_run(self)) or updates[-1])
    monkeypatch.setattr(search_writer, "bisect_left", counted)
    updated = dict(write_index(docs, CONFIG, state))
    monkeypatch.setattr(search_writer, "bisect_left", real_bisect)
    assert updates == [True]
    assert updated == dict(write_index(docs, CONFIG))
    assert lookups < 60_000


@pytest.mark.parametrize(("edited", "updated"), [(18, True), (22, False)])
def test_more_than_a_twentieth_of_the_archive_edited_is_indexed_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited: int, updated: bool
) -> None:
    """A tag renamed in 19% of a 10,000-article archive was spliced in 5.4 s and 369 MiB, where indexing every article
    afresh takes 2.6 s and 215 MiB: over MAX_EDITED (5%: 20 of these 400) the index is made from scratch."""
    archive = Archive(11, 400)
    state = tmp_path / "state.sqlite"
    dict(write_index(archive.docs.values(), CONFIG, state))
    for i in range(0, 15 * edited, 15):
        old, new = archive.docs[i], archive.make(0, 0)
        archive.docs[i] = SearchDoc(old.ref, old.path, old.title, old.date, old.lang, old.lead, ("НАСА",), new.terms)
    updates = []
    real_run = search_writer._Update.run
    monkeypatch.setattr(search_writer._Update, "run", lambda self: updates.append(real_run(self)) or updates[-1])
    after = dict(write_index(archive.docs.values(), CONFIG, state))
    assert updates == [updated]
    assert after == dict(write_index(archive.docs.values(), CONFIG))


@pytest.mark.parametrize(("seed", "defer", "dense"), [(31, False, 1024), (32, True, 1024), (33, True, 10)])
def test_dates_moved_in_every_way_give_the_bytes_of_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, defer: bool, dense: int
) -> None:
    """A moved date renumbers the documents between its old and new place: their terms are edited in their shards'
    bytes (`_Columns`, `_shifted`, `_shifted_rare` for the rarest), and a shard whose entries keep their sizes is
    written again from its columns (`_patched`). Moves back and forward, into a month no other article has, across
    most of the archive, the same article twice in a row, and with another article edited in the same save: each
    gives the bytes of a cold build, whether the state is saved between (`defer`) or not, with bitmaps (`dense`)."""
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 1200)
    monkeypatch.setattr(search_writer, "DENSE", dense)
    archive = Archive(seed, 240)  # document i dated day i (28 days a month)
    state = tmp_path / "state.sqlite"
    indexer = search_writer.Indexer(defer=defer)
    used = {"patched": 0, "rare": 0}
    real_patched, real_rare = search_writer._patched, search_writer._shifted_rare
    monkeypatch.setattr(search_writer, "_patched", lambda *a: used.__setitem__("patched", used["patched"] + 1) or real_patched(*a))
    monkeypatch.setattr(search_writer, "_shifted_rare", lambda *a: used.__setitem__("rare", used["rare"] + 1) or real_rare(*a))

    def build(step: str) -> None:
        made = {f.path: f.data for f in indexer.files(archive.docs.values(), CONFIG, state)}
        assert made == dict(write_index(archive.docs.values(), CONFIG)), step
        if defer:
            indexer.flush()

    def day(n: int, hour: int = 10) -> str:
        return archive.make(0, n).date.replace("T10:", f"T{hour:02d}:")

    build("cold")
    empty = "2009-06-15T10:00:00+03:00"  # (before every other article: a month of its own)
    for step, (i, date) in enumerate(
        [(120, day(92, 9)), (60, day(90, 11)), (200, empty), (200, day(199, 11)), (10, day(230, 11)), (230, day(5, 9))]
    ):
        archive.docs[i] = _moved(archive.docs[i], date)
        build(f"step {step}: {i} to {date}")
    for date in (day(140, 9), day(150, 9)):  # the same article moved twice in a row
        archive.docs[170] = _moved(archive.docs[170], date)
        build(f"170 to {date}")
    archive.docs[100] = _moved(archive.docs[100], day(80, 9))  # and another article edited in the same save
    archive.docs[30] = _moved(archive.docs[30], archive.docs[30].date, terms=archive.make(0, 0).terms)
    build("moved and edited")
    assert used["patched"] > 5 and used["rare"] > 5


def test_a_move_over_a_state_whose_postings_do_not_match_their_shards_is_built_from_scratch(tmp_path: Path) -> None:
    """The postings a move renumbers are checked against their encodings (their number, the codes edited): a state
    that does not hold together gives way to a build from scratch, never to wrong bytes."""
    archive = Archive(34, 200)
    state = tmp_path / "state.sqlite"
    write_index(archive.docs.values(), CONFIG, state)
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))
    with sqlite3.connect(state) as db:  # every posting one document later in the state than in the shards
        for bucket, data in db.execute("SELECT bucket, data FROM postings").fetchall():
            rows = marshal.loads(data)
            for _pos, docs, _counts in rows.values():
                for f, packed in enumerate(docs):
                    docs[f] = array("i", [n + 1 for n in search_writer._unpacked(packed)]).tobytes() if packed else packed
            db.execute("UPDATE postings SET data = ? WHERE bucket = ?", (marshal.dumps(rows), bucket))
    archive.docs[100] = _moved(archive.docs[100], archive.make(0, 90).date.replace("T10:", "T09:"))
    assert dict(write_index(archive.docs.values(), CONFIG, state)) == dict(write_index(archive.docs.values(), CONFIG))
