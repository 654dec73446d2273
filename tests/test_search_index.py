"""The index files: deterministic, cut where the manifest says, postings that decode to what was indexed."""

from __future__ import annotations

import json
import random
from array import array

import pytest

from ssg.search import SearchConfig, SearchDoc, article_terms, codec, write_index
from ssg.search import writer as search_writer


def _docs(config: SearchConfig, n: int = 60) -> list[SearchDoc]:
    words = [
        "ракета",
        "ракеты",
        "самолёт",
        "спутник",
        "орбита",
        "rocket",
        "rockets",
        "launch",
        "orbit",
        "station",
        "экипаж",
        "crew",
        "модуль",
        "module",
    ]
    docs = []
    for i in range(n):
        body = " ".join(words[(i * 7 + k) % len(words)] + str(k % 5) for k in range(40))
        title, tags = f"Заголовок {i} title", ("МКС", "NASA")[: i % 3]
        terms = article_terms("ru", title, tags, body, config)
        docs.append(SearchDoc(f"{i}/", f"{i}/", title, f"2020-01-{1 + i % 28:02d}T10:00:00+03:00", "ru", "Лид " * 200, tags, terms))
    return docs


def _data(content: bytes) -> object:
    text = content.decode()
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


def _terms(files: dict[str, bytes]) -> dict[str, str]:
    """term -> the shard file that holds it."""
    return {term: name for name, data in files.items() if "/t/" in name for term in _data(data)[0].split("\n")}


def test_same_documents_same_bytes_in_any_order() -> None:
    config = SearchConfig()
    docs = _docs(config)
    assert list(write_index(docs, config)) == list(write_index(reversed(docs), config))


def test_every_term_is_in_the_shard_the_manifest_points_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_writer, "SHARD_BYTES", 300)
    config = SearchConfig(path="find/")
    files = dict(write_index(_docs(config), config))
    bounds = _data(files["find/index.js"])["shards"].split("\n")
    assert len(bounds) > 5 and bounds == sorted(bounds, key=codec.utf16_key) and bounds[0] == ""
    for term, name in _terms(files).items():
        holder = max((b for b in bounds if b <= term), key=codec.utf16_key)
        assert name == f"find/t/{codec.shard_name(holder)}.js", term


def test_postings_decode_to_the_documents_counts_and_lengths() -> None:
    config = SearchConfig()
    docs = sorted(_docs(config), key=lambda d: (d.date, d.ref))  # oldest first: the index's numbering
    files = dict(write_index(docs, config))
    for name, data in files.items():
        if "/t/" not in name:
            continue
        columns = _data(data)
        for row, term in enumerate(columns[0].split("\n")):
            for f, field in enumerate(config.fields):
                text = columns[2 + f].split(",")[row]
                expected = [(n, d.terms["fields"][field]) for n, d in enumerate(docs) if term in d.terms["fields"][field][0].split(" ")]
                if not text:
                    assert not expected, (term, field)
                    continue
                g, lengths, *counts = text.split(".")
                gaps, lens, tfs = codec.decode(g), codec.decode(lengths), codec.decode(counts[0]) if counts else []
                got, doc, extra = [], -1, iter(tfs)
                for code, length in zip(gaps, lens, strict=True):
                    doc += (code >> 1) + 1
                    got.append((doc, next(extra) if code & 1 else 1, length))
                want = [(n, ord(f[1][f[0].split(" ").index(term)]) - 48, f[2]) for n, f in expected]
                assert got == want, (term, field)


def test_skip_finds_where_numbers_of_a_stream_end() -> None:
    numbers = [0, 31, 32, 5, 1024, 7, 40000, 3, 3, 99]
    codes = [codec.vint(n) for n in numbers]
    stream = "".join(codes)
    for start in range(len(numbers) + 1):
        for count in range(len(numbers) - start + 1):
            offset = len("".join(codes[:start]))
            assert codec.skip(stream, count, offset) == len("".join(codes[: start + count])), (start, count)


def test_only_the_configured_fields_are_indexed() -> None:
    config = SearchConfig(fields=("title",))
    files = dict(write_index(_docs(config), config))
    manifest = _data(files["search/index.js"])
    assert manifest["fields"] == ["title"] and manifest["boosts"] == [10]
    terms = _terms(files)
    assert "заголовок" in terms and "ракет" not in terms
    assert all(len(_data(data)) == 3 for name, data in files.items() if "/t/" in name)


def test_terms_cached_with_other_settings_are_refused() -> None:
    docs = _docs(SearchConfig(languages=("en",)))
    with pytest.raises(ValueError, match="do not match site.yaml"):
        list(write_index(docs, SearchConfig()))


def test_store_holds_what_a_hit_shows_with_a_short_lead() -> None:
    config = SearchConfig()
    files = dict(write_index(_docs(config, 5), config))
    chunk = files[f"search/d/{4 // search_writer.STORE_CHUNK}.js"]  # oldest first: the fifth document
    path, title, date, lang, lead, tags, source = _data(chunk)[4 % search_writer.STORE_CHUNK]
    assert (path, lang, tags, source) == ("4/", "ru", ["МКС"], "") and date.startswith("2020-01-05")
    assert len(lead) <= search_writer.LEAD_CHARS + 1 and lead.endswith("…")


def test_unknown_languages_are_an_error() -> None:
    with pytest.raises(ValueError, match="not supported"):
        article_terms("de", "Titel", (), "Text", SearchConfig(languages=("de",)))


def test_a_bitmap_has_bit_j_of_letter_i_set_for_each_document_6i_plus_j() -> None:
    """`codec.bitmap` works on every letter at once (`int.from_bytes`): each letter is what its six documents make,
    from any first letter on, and the documents read back (`bitmap_docs`) are those given."""
    for docs in ([0], [5], [6], [0, 1, 2, 3, 4, 5], [1, 7, 13, 59, 60, 383], list(range(3, 1000, 7))):
        for first in range(docs[0] // 6 + 1):
            letters = docs[-1] // 6 + 1 - first
            expected = [0] * letters
            for doc in docs:
                expected[doc // 6 - first] |= 1 << (doc % 6)
            bits = codec.bitmap(docs, first, letters)
            assert bits == "".join(codec.ALPHABET[v] for v in expected)
            assert [6 * first + doc for doc in codec.bitmap_docs(bits)] == docs
    assert codec.bitmap([], 3, 0) == ""


def test_a_bitmaps_counts_are_rice_codes_that_read_back_and_splice_as_made_afresh() -> None:
    """A bitmap's T (`codec.rice_counts`): k in its first letter, then each count c as c - 1 >> k ones, a zero and the
    k low bits of c - 1, 6 bits a letter; it reads back (`rice_decode`), and `rice_splice` from any posting on gives
    the bytes of T made afresh, whether k stays (the letters before are kept) or changes."""
    assert codec.rice_counts([49]) == "0" + codec.ALPHABET[0b000000]  # k 0, count 1: a zero
    assert codec.rice_counts([50, 49, 51]) == "0" + codec.ALPHABET[0b100110]  # 10 0 110
    rng = random.Random(4)
    for mean in (1, 2, 6, 30, 500):
        tfs = array("i", (48 + 1 + int(rng.expovariate(1 / mean)) for _ in range(rng.randrange(1, 300))))
        text = codec.rice_counts(tfs)
        assert codec.ALPHABET.index(text[0]) == codec.rice_parameter(tfs) and (mean < 6 or text[0] != "0")
        assert codec.rice_decode(text, len(tfs)) == [t - 48 for t in tfs]
        for first in sorted({0, len(tfs) // 2, len(tfs) - 1, len(tfs)}):
            for tail in ([], [49], [48 + 7, 48 + 3000], [48 + 2] * 40):
                changed = tfs[:first] + array("i", tail)
                if changed:
                    assert codec.rice_splice(text, changed, first) == codec.rice_counts(changed), (mean, first, tail)


def test_a_bitmaps_counts_reordered_are_made_again_only_over_them() -> None:
    """`codec.rice_replace`: counts reordered between two postings (a move), or replaced by others whose codes take as
    many bits, give the bytes of T made afresh, whether the counts are bytes or ints (`rice_bits` in C or not), at any
    bit offset; where the codes take another number of bits, or k would change, it declines (None)."""
    rng = random.Random(8)
    checked = 0
    for _ in range(600):
        mean = rng.choice([1, 2, 4, 12, 60])
        size = rng.randrange(2, 400)
        counts = [48 + 1 + min(int(rng.expovariate(1 / mean)), 206) for _ in range(size)]
        tfs = array(rng.choice("Bi"), counts)
        text = codec.rice_counts(tfs)
        first = rng.randrange(size)
        stop = rng.randint(first + 1, min(size, first + 80))
        assert codec.rice_bits(tfs[:first], codec.ALPHABET.index(text[0])) == len(
            "".join(codec._RICE[codec.ALPHABET.index(text[0])][t] for t in tfs[:first])
        )
        middle = counts[first:stop]
        if rng.random() < 0.7:
            middle = middle[1:] + middle[:1] if rng.random() < 0.5 else middle[-1:] + middle[:-1]  # a move
        else:
            middle = [48 + 1 + int(rng.expovariate(1 / mean)) for _ in middle]
        new = array(tfs.typecode if max(middle) < 256 else "i", counts[:first] + middle + counts[stop:])
        made = codec.rice_replace(text, new, first, stop, tfs[first:stop])
        if made is None:
            k = codec.ALPHABET.index(text[0])
            bits = len("".join(codec._RICE[k][t] for t in middle)) != len("".join(codec._RICE[k][t] for t in counts[first:stop]))
            assert sum(middle) != sum(counts[first:stop]) or bits
            continue
        assert made == codec.rice_counts(new), (mean, size, first, stop)
        checked += 1
    assert checked > 350


def test_a_bitmaps_postings_are_counted_by_its_bits() -> None:
    rng = random.Random(9)
    for _ in range(50):
        docs = sorted(rng.sample(range(3000), rng.randint(1, 2000)))
        assert codec.postings(codec.bitmap_field(docs, [49] * len(docs))) == len(docs)
        assert codec.postings(codec.field_string(*codec.encode(docs, [49] * len(docs), None, -1))) == len(docs)


def test_a_shards_size_counts_a_bitmaps_counts_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards are cut by size (`_entry_size`), a bitmap's Rice-coded counts weighing twice; a rendered shard's size,
    made from its joined columns, is the sum of its entries' (the incremental update cuts by both)."""
    monkeypatch.setattr(search_writer, "DENSE", 12)
    lengths = [codec.vint(n) for n in range(100)]
    bitmap = search_writer._field_text(list(range(0, 60, 2)), [49 + d % 5 for d in range(0, 60, 2)], lengths)
    plain = search_writer._field_text([3, 9], [49, 52], lengths)
    assert bitmap.startswith(codec.BITMAP) and not plain.startswith(codec.BITMAP)
    entries = [("a", "0", bitmap, "", plain, ""), ("b", "1", "", plain, "", bitmap), ("c", "2", plain, "", "", "")]
    counts = len(bitmap) - bitmap.index("..") - 2
    assert search_writer._entry_size(entries[0]) == sum(map(len, entries[0])) + 6 + counts
    assert search_writer._entry_size(entries[2]) == sum(map(len, entries[2])) + 6
    shard = search_writer._Shard("", entries)
    shard.render()
    assert shard.size == sum(map(search_writer._entry_size, entries))


def test_a_shards_file_is_the_script_of_its_columns_and_reads_back_from_its_bytes() -> None:
    """`_shard_script` writes what `_script` writes (only the terms go through the JSON encoder: escapes, letters of
    any script, a lone surrogate), and `_Columns` finds each term's place and postings in those bytes, and writes the
    file again with some postings edited as the shard made afresh would be."""
    from ssg.search import writer

    for terms in (["alpha", "beta", "гамма", "δ"], ['a"b', "c\\d", "e\tf", "g\\nh", "ракета"], ["x\ud800y", "z"]):
        entries = [(t, codec.vint(n), f"{codec.vint(n)}.", "", f"{n}{n}.1", "~A..0") for n, t in enumerate(sorted(terms))]
        shard = writer._Shard("b", entries)
        shard.render()
        columns = [*zip(*entries, strict=True)]
        joined = ["\n".join(columns[0]), "".join(columns[1]), *map(",".join, columns[2:])]
        assert shard.data == writer._script("t/" + shard.name, joined)
        read = writer._Columns(shard.data, 4)
        assert read.first == entries[0][0]
        for n, entry in enumerate(entries):
            assert read.place(entry[0]) == n and read.row(n) == list(entry[2:])
        assert read.place("missing") is None
        edits = {0: ["0.", "1.", entries[0][4], "~B..0"], len(entries) - 1: read.row(len(entries) - 1)}
        edited = list(entries)
        edited[0] = (*entries[0][:2], *edits[0])
        again = writer._Shard("b", edited)
        again.render()
        assert read.data(edits) == again.data
