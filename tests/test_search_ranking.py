"""A query over the shards ranks and scores exactly as one unsplit lunr index of the same documents.

The reference is built by lunr.js itself (lunr.Builder with lunr.multiLanguage("en", "ru")'s
pipeline and search.js's possessive step) from the raw texts; the sharded index is written by ssg
and queried by the page's search.js, both in node. Scores are compared as exact floats, so any
difference in tokenizing, stemming, BM25 arithmetic, term numbering or sharding shows up. The corpus
is cut into many small shards so that most queries span several of them.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ssg.search import SearchConfig, SearchDoc, article_terms, codec, write_index
from ssg.search import writer as search_writer

HERE = Path(__file__).parent
SEARCH_NODE = HERE / "search_support" / "search_node.js"


@pytest.fixture(autouse=True)
def node_installed() -> None:
    """Missing node is a failure, not a skip: the parity checks run lunr.js itself, and CI has node."""
    assert shutil.which("node"), "these tests need node on PATH"


TAGS = ["Роскосмос", "NASA", "Союз", "Elon Musk", "МКС", "ISS", "Минобороны"]
SOURCES = ["ТАСС", "Интерфакс", "РИА Новости", "Reuters", "BBC News", ""]  # (one in six has none)
QUERIES = [
    "ракета", "ракеты", "ракетами", "самолет", "самолёт", "Самолёт", "launch", "launches", "rocket",
    "ракета запуск станция", "rocket launch station crew cosmonauts", "космонавты станция экипаж выход модуль",
    "+ракета +запуск", "+rocket -launch", "ракета -союз", "-ракета", "-rocket -ракета",
    "title:ракета", "title:rocket body:launch", "tags:nasa", "tags:роскосмос ракета", "ракета^10 запуск",
    "ракет*", "lau*", "с*", "spacewalk", "испытания двигателя", "МС-21 ПД-14", "ракета Ту-214", "из-за", "2.1б", "11:02",
    "nonexistentword", "+nonexistentword ракета", "ракета, запуск!", "звёзды", "звезды", "Восточный",
    "ракт~1", "*кета", "Europe", "europe's", "Europe’s", "NASA’s rocket", "+roscosmos' -nasa's", "it's", "o’clock",
    "source:тасс", "Интерфакс запуск", "reuters", "source:новости ракета", "+source:bbc -ракета",
    # Names in the nominative against texts with their other cases (NAMES): Росатом is in none in the nominative.
    "Газпром", "газпрома", "Росатом", "+Росатом", "+Росатом +Газпром", "+Газпром -Росатом", "ракета -Газпром",
    "-Росатом", "title:Газпром", "title:Росатом body:Борисов", "tags:роскосмос Газпром", "Газпром*", "Росатом*",
    "Борисов", "Алексей", "+Алексей -космодром", "космодром", "Космодром^5 запуск", "Борисов~1", "Юрий Борисов",
    # A whole word with a star: its own stems too (ракета is "ракет", rockets "rocket", Газпром "газпр").
    "ракета*", "rockets*", "+ракета* +запуск", "-ракета* запуск", "title:ракета*", "+Газпром*", "Росатом* ракета*",
    # Stop words, left out of the query as the index left them out of the texts.
    "+the +rocket", "rocket -the", "+на ракета", "it's rocket", "title:the rocket", "the", "-и",
    # German, French and Spanish words with an accented letter at either end, and French elisions (LATIN).
    "Österreich", "Öl", "él", "Öster*", "über", "groß", "été", "Île", "le", "Ça", "l'Europe", "+Europe +orbite",
    "d'orbite", "qu'il", "España", "éxito", "Europ*",
    # Words of scripts with no stemmer, as written, and Chinese and Japanese ones inside a sentence, as pairs (WORLD).
    "月球", "嫦娥六号", "title:月球", "-月球", "+月球 -嫦娥六号", "長征5号", "月球背*", "航天 ракета", "リュウグウ", "はやぶさ2",
    "المريخ", "-المريخ", "הירח", "Σελήνη", "ΣΕΛΗΝΗΣ", "누리호", "İstanbul", "istanbul",
]  # fmt: skip
# Names in several cases, added to some bodies (the paragraphs have one, космодрома): Газпром, Борисов, Алексей and
# космодром also in the nominative, Росатом never.
NAMES = [
    "Акции Газпрома выросли.", "Газпром подписал контракт с Росатомом.", "Контракт с Газпромом продлён на год.",
    "Глава Росатома встретился с Юрием Борисовым.", "Юрий Борисов заявил о запуске с космодрома.",
    "По словам Борисова, Алексей Леонов был первым.", "Памятник Алексею Леонову открыли на космодроме Восточный.",
    "Космодром Байконур принял Алексея Овчинина.", "Газпрому выделили средства на станции Росатома.",
]  # fmt: skip
# Possessives and apostrophes, typed as ' and as ’ (the data files have none), added to some bodies.
APOSTROPHES = [
    "Europe's launcher waits.", "NASA’s crew is ready.", "Roscosmos' engines and NASA's rockets.", "It’s five o'clock.",
    "The companies’ satellites reach Europe’s orbit.", "Kepler’S laws.",
]  # fmt: skip

# German, French and Spanish sentences, added to some bodies: accented letters at words' ends, and elided articles.
LATIN = [
    "Österreich kauft Öl für die Raumfahrt.", "Über die größten Satelliten: groß und teuer.", "L'été de l'Europe en orbite.",
    "Ça commence sur l'Île de Kourou, qu'il pleuve ou non.", "Según él, el éxito de España continúa.",
    "Le lancement d'Ariane vers l'orbite.", "El año del satélite: él lo dijo.",
]  # fmt: skip

# Sentences of scripts with no stemmer, added to some bodies: Han and kana written without spaces, Arabic, Hebrew,
# Greek (a final ς), Korean and a Turkish İ.
WORLD = [
    "嫦娥六号从月球背面带回样品。", "長征5号火箭发射成功，中国国家航天局宣布。", "小惑星「リュウグウ」から、はやぶさ2が帰還した。",
    "وصلت المركبة إلى المريخ.", "החללית נחתה על הירח.", "Η αποστολή στη Σελήνη ΣΕΛΗΝΗΣ.", "누리호 발사 성공", "İSTANBUL ve İstanbul uzay merkezi.",
    "月球车在月球表面行驶。",
]  # fmt: skip


def _corpus() -> tuple[list[SearchDoc], dict[str, str]]:
    """160 bilingual documents stitched from real paragraphs, with ё, digits and names; their bodies."""
    paragraphs = [p for name in ("search_ru.txt", "search_en.txt") for p in (HERE / "data" / name).read_text(encoding="utf-8").splitlines()]
    rng = random.Random(7)
    config = SearchConfig()
    docs, bodies = [], {}
    for i in range(160):
        sentences = re.split(r"(?<=\.) ", paragraphs[i % len(paragraphs)])
        body = " ".join(rng.sample(sentences, max(1, len(sentences) - rng.randint(0, 2))))
        if i % 3 == 0:
            body += " " + rng.choice(paragraphs)
        if i % 4 == 1:
            body += " " + APOSTROPHES[i // 4 % len(APOSTROPHES)]
        if i % 4 == 3:
            body += " " + NAMES[i // 4 % len(NAMES)]
        if i % 5 == 2:
            body += " " + LATIN[i // 5 % len(LATIN)]
        if i % 7 == 3:
            body += " " + WORLD[i // 7 % len(WORLD)]
        words = body.split()
        title = " ".join(rng.sample(words, min(len(words), rng.randint(3, 8))))
        tags = tuple(rng.sample(TAGS, rng.randint(0, 3)))
        source = SOURCES[i % len(SOURCES)]
        lang = "ru" if i % len(paragraphs) < len(paragraphs) // 2 else "en"
        date = f"20{10 + i % 13:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+03:00"
        terms = article_terms(lang, title, tags, body, config, source)
        docs.append(SearchDoc(f"d{i}/", f"d{i}/", title, date, lang, body[:200], tags, terms, source=source))
        bodies[f"d{i}/"] = body
    return docs, bodies


def _write(docs: list[SearchDoc], out: Path, config: SearchConfig) -> Path:
    for path, data in write_index(docs, config):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    return out / config.path


def _read_data(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


def _texts_in_index_order(folder: Path, docs: list[SearchDoc], bodies: dict[str, str]) -> list[dict]:
    """Documents as the reference lunr index gets them: newest first, as search.js counts refs
    (the store holds them oldest first)."""
    by_path = {d.path: d for d in docs}
    chunks = sorted(folder.glob("d/*.js"), key=lambda p: int(p.stem))
    ordered = [by_path[row[0]] for chunk in chunks for row in _read_data(chunk)][::-1]
    fold = str.maketrans("ЁёΣςİ", "Ееσσi")
    return [
        {
            "title": d.title.translate(fold),
            "tags": " ".join(d.tags).translate(fold),
            "source": d.source.translate(fold),
            "body": bodies[d.path].translate(fold),
        }
        for d in ordered
    ]


def _run(folder: Path, request: dict) -> list[dict]:
    out = subprocess.run(["node", str(SEARCH_NODE), str(folder)], input=json.dumps(request), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# Many tiny shards (queries with a leading * or ~ need them all and are refused as too broad),
# and a few larger ones (where those queries run too); common terms with their lengths in the
# postings, and (a low DENSE) many terms whose lengths come from the length tables, and (a high
# BITMAP_EVERY) many of them written as bitmaps.
@pytest.fixture(
    scope="module", params=[(800, 1024, 3), (5000, 1024, 3), (1200, 4, 3), (1200, 4, 40)], ids=["small", "large", "dense", "bitmaps"]
)
def sharded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SearchDoc], dict[str, str], int]:
    docs, bodies = _corpus()
    config = SearchConfig()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search_writer, "SHARD_BYTES", request.param[0])
        mp.setattr(search_writer, "DENSE", request.param[1])
        mp.setattr(search_writer, "BITMAP_EVERY", request.param[2])
        folder = _write(docs, tmp_path_factory.mktemp("site"), config)
    if request.param[2] > 3:
        assert sum(data.count("~") for data in map(str, map(_read_data, folder.glob("t/*.js")))) >= 50
    return folder, docs, bodies, request.param[1]


def test_corpus_is_split_into_many_shards(sharded: tuple[Path, list[SearchDoc], dict[str, str], int]) -> None:
    folder = sharded[0]
    assert len(list(folder.glob("t/*.js"))) >= 5


def test_sharded_queries_rank_and_score_exactly_as_one_lunr_index(sharded: tuple[Path, list[SearchDoc], dict[str, str], int]) -> None:
    folder, docs, bodies, _ = sharded
    reference = _texts_in_index_order(folder, docs, bodies)
    results = _run(folder, {"queries": QUERIES, "fresh": True, "reference": reference})
    shards = len(list(folder.glob("t/*.js")))
    for entry in results:
        query = entry["query"]
        if entry.get("error") == "syntax":  # (lunr refuses it too)
            assert entry.get("reference_error") == "syntax", query
            continue
        if "error" in entry:
            # Only queries that need every shard may be refused, and only as too broad.
            assert entry["error"] == "broad" and shards > 24, query
            continue
        assert entry["results"] == entry["reference"], query
    found = {e["query"]: len(e.get("results", [])) for e in results}
    assert found["ракеты"] == found["ракета"] > 0
    assert found["самолет"] == found["самолёт"] == found["Самолёт"] > 0
    assert found["-ракета"] > 0 and found["nonexistentword"] == 0
    assert found["Europe"] == found["europe's"] == found["Europe’s"] > 0 and found["o’clock"] > 0
    # Accented letters are the words' own (Öl found él, Île every le), and an elided article is no part of its word.
    holding = {word: sum(word in b.lower().split() for b in bodies.values()) for word in ("öl", "él,", "él")}
    assert found["Öl"] == holding["öl"] > 0 and found["él"] == holding["él,"] + holding["él"] > 0
    assert found["Öster*"] == found["Österreich"] > 0 and found["été"] > 0 and found["Île"] > 0
    assert found["l'Europe"] == found["Europe"] and found["d'orbite"] > 0
    # A name in the nominative finds every article with any of its cases (their texts hold no other word starting so).
    holding = {stem: sum(stem in b.lower() for b in bodies.values()) for stem in ("газпром", "росатом", "борисов", "алексе")}
    assert found["Газпром"] == holding["газпром"] == found["газпрома"] > 0  # (and another case its nominative too)
    assert found["Росатом"] == found["+Росатом"] == holding["росатом"] > 0
    assert found["Борисов"] == holding["борисов"] and found["Алексей"] == holding["алексе"] > 0
    # A whole word with a star finds what the word finds (and more): it found nothing, the stemmer having cut it shorter.
    assert found["ракета*"] >= found["ракета"] > 0 and found["rockets*"] >= found["rocket"] > 0
    assert found["+Газпром*"] >= found["Газпром"]
    # Words of other scripts are found (they were trimmed to nothing), Chinese ones inside a sentence by their pairs.
    holding = {
        word: sum(word in b for b in bodies.values())
        for word in ("月球", "嫦娥六号", "長征5号", "المريخ", "הירח", "Σελήνη", "누리호", "İstanbul")
    }
    assert found["月球"] == holding["月球"] > found["嫦娥六号"] == holding["嫦娥六号"] > 0 and found["長征5号"] == holding["長征5号"] > 0
    assert found["הירח"] == holding["הירח"] > 0 and found["المريخ"] == holding["المريخ"] > 0
    assert found["Σελήνη"] == found["ΣΕΛΗΝΗΣ"] == holding["Σελήνη"] > 0 and found["누리호"] == holding["누리호"] > 0
    assert found["İstanbul"] == found["istanbul"] == holding["İstanbul"] > 0 and found["-المريخ"] == len(bodies) - holding["المريخ"]
    multi = [e for e in results if len([f for f in e["files"] if f.startswith("t/")]) >= 2]
    assert len(multi) >= 10  # the comparison covered queries spanning several shards
    assert shards > 24 or all(e.get("error") in (None, "syntax") for e in results)


def test_a_query_loads_only_the_shards_of_its_terms(sharded: tuple[Path, list[SearchDoc], dict[str, str], int]) -> None:
    folder = sharded[0]
    bounds = _read_data(folder / "index.js")["shards"].split("\n")
    (entry,) = _run(folder, {"queries": ["ракета запуск"], "fresh": True})
    shards = [f for f in entry["files"] if f.startswith("t/")]
    holder = {f"t/{codec.shard_name(max((b for b in bounds if b <= term), key=codec.utf16_key))}.js" for term in ("ракет", "запуск")}
    assert sorted(shards) == sorted(holder)
    # (the site's build first, asked anew: `current` in search.js)
    assert entry["files"][:2] == ["index.js", "build.js"] and all(f.startswith(("t/", "d/", "l/")) for f in entry["files"][2:])
    tables = [f for f in entry["files"] if f.startswith("l/")]
    assert (tables == []) if sharded[3] > 1000 else ("l/body.js" in tables)  # the fields where its terms are common


def test_shard_names_are_computed_alike_in_both_languages() -> None:
    bounds = ["", "a", "ракет", "\U0001f680x", "\ue000", "z" * 30, "я" * 40, "a\U0001f680" * 20]
    script = (
        "const { shardName } = require(process.argv[1]);"
        "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(0, 'utf8')).map(shardName)));"
    )
    search_js = str(HERE.parent / "themes" / "default" / "static" / "assets" / "search.js")
    done = subprocess.run(["node", "-e", script, search_js], input=json.dumps(bounds), capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [codec.shard_name(b) for b in bounds]


def test_terms_beyond_the_basic_plane_sort_as_javascript_sorts_them(tmp_path: Path) -> None:
    config = SearchConfig()
    # Inside words (the trimmer strips them at the ends); "a\U0001f680b" < "a\ue000b" in UTF-16 only.
    words = ["ro\U0001f680cket", "pri\ue000vate", "zeta", "ракета", "alpha", "bo\U0001f4a5om", "a\U0001f680b", "a\ue000b"] * 3
    docs = [
        SearchDoc(
            f"e{i}/",
            f"e{i}/",
            w,
            f"2020-01-{1 + i:02d}T00:00:00+00:00",
            "en",
            w,
            (),
            article_terms("en", w, (), " ".join(words[i:]), config),
        )
        for i, w in enumerate(words)
    ]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search_writer, "SHARD_BYTES", 20)
        folder = _write(docs, tmp_path, config)
    reference = _texts_in_index_order(folder, docs, {d.path: " ".join(words[i:]) for i, d in enumerate(docs)})
    queries = ["ro\U0001f680cket", "pri\ue000vate", "zeta", "ракета", "bo\U0001f4a5om alpha", "zet*", "a\U0001f680b", "a\ue000b", "a*"]
    for entry in _run(folder, {"queries": queries, "fresh": True, "reference": reference}):
        assert entry["results"] == entry["reference"] and entry["results"], entry["query"]


def test_a_query_is_read_as_other_search_boxes_read_it() -> None:
    """A search trial: -"Союз МС-17" found the articles it was to leave out (its words were made required);
    title:"Союз МС-21" and a pasted headline's colon ("Борисов: МКС") were syntax errors; ракета,союз found nothing."""
    script = (
        "const s = require(process.argv[1]); const stop = (w) => ['по', 'и'].includes(w.toLowerCase());"
        "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map((q) => s.readerQuery(q, stop, ['title', 'tags', 'body']))));"
    )
    asked = [
        'ракета -"Союз МС-17"', "ракета -«Союз и МС»", 'title:"Союз МС-21"', "tags:«Dmitry Rogozin»", "Борисов: МКС",
        "Artemis I: ракета", "title: ракета", "ракета,союз", "ракета/союз; МКС", "1,5 млрд", "title:ракета",
        "МС-21: первый", "Итоги: МКС: ракета", "Note: title: ракета", "COVID-19: итоги", '"Итоги: МКС"',
    ]  # fmt: skip
    search_js = HERE.parent / "themes" / "default" / "static" / "assets" / "search.js"
    out = subprocess.run(["node", "-e", script, str(search_js), json.dumps(asked)], capture_output=True, text=True, check=True)
    assert [" ".join(q.split()) for q in json.loads(out.stdout)] == [
        "ракета -Союз -МС -17", "ракета -Союз -МС", "+title:Союз +title:МС +title:21", "+tags:Dmitry +tags:Rogozin", "Борисов МКС",
        "Artemis I ракета", "title:ракета", "ракета союз", "ракета союз; МКС", "1,5 млрд", "title:ракета",
        "+МС +21 первый", "Итоги МКС ракета", "Note title:ракета", "+COVID +19 итоги", "+Итоги +МКС",
    ]  # fmt: skip


def test_a_word_with_a_hyphen_is_read_as_its_parts_required() -> None:
    """The page reads МС-21 as +МС +21 (the ranking test's reference reads queries as the page does, so it cannot tell
    this rule wrong): each part of a word with a hyphen or dash must be in a hit, a stop word's aside."""
    script = (
        "const s = require(process.argv[1]); const stop = (w) => ['по', 'из', 'за'].includes(w.toLowerCase());"
        "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map((q) => s.readerQuery(q, stop))));"
    )
    asked = ["МС-21", "+Ту‑214 ракета", "title:2031–2035", "-МС-21", "по-русски", "из-за", "МС-2*", "https://tass.ru/a-b"]
    search_js = HERE.parent / "themes" / "default" / "static" / "assets" / "search.js"
    out = subprocess.run(["node", "-e", script, str(search_js), json.dumps(asked)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [
        "+МС +21", "+Ту +214 ракета", "+title:2031 +title:2035", "-МС-21", "+русски", "из за", "МС-2*", "https\\://tass.ru/a-b",
    ]  # fmt: skip


# A small archive of headlines, newest first (a hit's ref is its place here), for what a query finds rather than how
# it ranks.
HEADLINES = [
    ("en", "Vande Hei lands after 355 days in space, a US record", "The astronaut set a record for a single flight."),
    ("en", "Crew tests the new robotic arm", "The crew used the arm, which uses new software, to move the station's cargo."),
    ("ru", "Корабль пристыковался к МКС", "Корабль пристыковался к МКС в 22:40 по московскому времени."),
    ("en", "Q&A: NASA on the Mars sample return", "AT&T and U.S. officials answered NASA’s questions at 3:22 p.m."),
]


def _headlines(tmp_path: Path) -> Path:
    config = SearchConfig()
    docs = [
        SearchDoc(
            f"h{i}/", f"h{i}/", title, f"2022-01-{28 - i:02d}T00:00:00+00:00", lang, body, (), article_terms(lang, title, (), body, config)
        )
        for i, (lang, title, body) in enumerate(HEADLINES)
    ]
    return _write(docs, tmp_path, config)


def _found(folder: Path, queries: list[str]) -> dict[str, list[str] | str]:
    """Per query, the titles it finds (or its error's kind, or "too common" where it has only stop words)."""
    out = {}
    for entry in _run(folder, {"queries": queries, "fresh": True}):
        titles = [HEADLINES[int(ref)][1] for ref, _ in entry.get("results", [])]
        out[entry["query"]] = entry.get("error") or ("too common" if entry.get("only_stop_words") else titles)
    return out


def test_a_stop_word_of_the_query_is_left_out_as_the_index_left_it_out(tmp_path: Path) -> None:
    """A reader's trial: "US" stemmed to "us", the term of "used" and "uses", and found the articles saying those, not
    the one with US in its headline (the index leaves the stop word out); "+US +record", "+на +МКС" and
    "+the +station" found nothing though those headlines exist."""
    us, arm, iss = HEADLINES[0][1], HEADLINES[1][1], HEADLINES[2][1]
    found = _found(_headlines(tmp_path), ["US", "+US +record", "US record", "+на +МКС", "+the +station", "-US", "title:US",
                                          '"US record"', "+US", "the -record", "used", "-the arm", "и в"])  # fmt: skip
    assert found == {
        "US": "too common", "+US +record": [us], "US record": [us], "+на +МКС": [iss], "+the +station": [arm],
        "-US": "too common", "title:US": "too common", '"US record"': [us], "+US": "too common", "the -record": [arm, iss, HEADLINES[3][1]],
        "used": [arm], "-the arm": [arm], "и в": "too common",
    }  # fmt: skip


def test_a_time_of_day_is_a_word_not_a_field(tmp_path: Path) -> None:
    """A reader's trial: 22:40, "в 18:55 по московскому времени", 3:22 p.m. and "ratio 3:1" were syntax errors (there is
    no field "22"), where the index holds the time as one word, "22:40": a field's name is never a number."""
    iss, qa = HEADLINES[2][1], HEADLINES[3][1]
    found = _found(_headlines(tmp_path), ["22:40", "в 22:40 по московскому времени", '"в 22:40"', "«МКС в 22:40»", "title:22:40",
                                          "3:22 p.m.", "+3:22 -NASA", "ratio 3:1", "22:40:15", r"22\:40", "22: МКС",
                                          '"Корабль:пристыковался"', '"Artemis2:пристыковался"'])  # fmt: skip
    assert found == {
        "22:40": [iss], "в 22:40 по московскому времени": [iss], '"в 22:40"': [iss], "«МКС в 22:40»": [iss], "title:22:40": [],
        "3:22 p.m.": [qa], "+3:22 -NASA": [], "ratio 3:1": [], "22:40:15": [], r"22\:40": [iss], "22: МКС": [iss],
        # (in quotes a colon after a word that is no number parts two words, as before: it was read as a field)
        '"Корабль:пристыковался"': [iss], '"Artemis2:пристыковался"': [],  # (no syntax error: no such word, Artemis2)
    }  # fmt: skip


def test_a_pasted_headlines_colon_after_any_word_is_no_field(tmp_path: Path) -> None:
    """A reader's trial: a headline pasted with a colon after a word with . & or an apostrophe (Q&A: NASA, U.S.: Space,
    AT&T: 5G, NASA’s: Mars) said there is no field "Q&A": only a word of letters and digits was read as the headline's."""
    qa = HEADLINES[3][1]
    found = _found(_headlines(tmp_path), ["Q&A: NASA", "+U.S.: +officials", "+AT&T: +officials", "+NASA’s: +Mars", "+SpaceX's: Mars",
                                          "(Q&A: Mars)", "title: Q&A", "title:", "nosuchfield:NASA"])  # fmt: skip
    assert found == {
        "Q&A: NASA": [qa], "+U.S.: +officials": [qa], "+AT&T: +officials": [qa], "+NASA’s: +Mars": [qa], "+SpaceX's: Mars": [],
        "(Q&A: Mars)": [qa], "title: Q&A": [qa], "title:": "syntax", "nosuchfield:NASA": "syntax",
    }  # fmt: skip


def test_the_search_script_parses_in_browsers_of_a_few_years_ago():
    """A regular expression with a lookbehind (`(?<=...)`) is a syntax error in Safari before 16.4 (iOS 15 and 16.3,
    phones that cannot update further), which fails the whole script: the search page would find nothing there."""
    script = (Path(__file__).parent.parent / "themes/default/static/assets/search.js").read_text(encoding="utf-8")
    assert "(?<=" not in script and "(?<!" not in script
