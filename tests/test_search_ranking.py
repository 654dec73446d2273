"""A query over the shards ranks and scores exactly as one unsplit lunr index of the same documents.

The reference is built by lunr.js itself (lunr.Builder with lunr.multiLanguage("en", "ru")'s
pipeline) from the raw texts; the sharded index is written by ssg and queried by the page's
search.js, both in node. Scores are compared as exact floats, so any difference in tokenizing,
stemming, BM25 arithmetic, term numbering or sharding shows up. The corpus is cut into many small
shards so that most queries span several of them.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ssg.search import SearchConfig, SearchDoc, article_terms, write_index
from ssg.search import writer as search_writer

HERE = Path(__file__).parent
SEARCH_NODE = HERE / "search_support" / "search_node.js"
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

TAGS = ["Роскосмос", "NASA", "Союз", "Elon Musk", "МКС", "ISS", "Минобороны"]
QUERIES = [
    "ракета", "ракеты", "ракетами", "самолет", "самолёт", "Самолёт", "launch", "launches", "rocket",
    "ракета запуск станция", "rocket launch station crew cosmonauts", "космонавты станция экипаж выход модуль",
    "+ракета +запуск", "+rocket -launch", "ракета -союз", "-ракета", "-rocket -ракета",
    "title:ракета", "title:rocket body:launch", "tags:nasa", "tags:роскосмос ракета", "ракета^10 запуск",
    "ракет*", "lau*", "с*", "spacewalk", "испытания двигателя", "МС-21 ПД-14", "2.1б", "11:02",
    "nonexistentword", "+nonexistentword ракета", "ракета, запуск!", "звёзды", "звезды", "Восточный",
    "ракт~1", "*кета",
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
        words = body.split()
        title = " ".join(rng.sample(words, min(len(words), rng.randint(3, 8))))
        tags = tuple(rng.sample(TAGS, rng.randint(0, 3)))
        lang = "ru" if i % len(paragraphs) < len(paragraphs) // 2 else "en"
        date = f"20{10 + i % 13:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+03:00"
        docs.append(SearchDoc(f"d{i}/", f"d{i}/", title, date, lang, body[:200], tags, article_terms(lang, title, tags, body, config)))
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
    """Documents as the reference lunr index gets them, numbered as the sharded index numbers them."""
    by_path = {d.path: d for d in docs}
    chunks = sorted(folder.glob("d/*.js"), key=lambda p: int(p.stem))
    ordered = [by_path[row[0]] for chunk in chunks for row in _read_data(chunk)]
    fold = str.maketrans("Ёё", "Ее")
    return [
        {"title": d.title.translate(fold), "tags": " ".join(d.tags).translate(fold), "body": bodies[d.path].translate(fold)}
        for d in ordered
    ]


def _run(folder: Path, request: dict) -> list[dict]:
    out = subprocess.run(["node", str(SEARCH_NODE), str(folder)], input=json.dumps(request), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# Many tiny shards (queries with a leading * or ~ need them all and are refused as too broad),
# and a few larger ones (where those queries run too).
@pytest.fixture(scope="module", params=[800, 5000])
def sharded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SearchDoc], dict[str, str]]:
    docs, bodies = _corpus()
    config = SearchConfig()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search_writer, "SHARD_BYTES", request.param)
        folder = _write(docs, tmp_path_factory.mktemp("site"), config)
    return folder, docs, bodies


def test_corpus_is_split_into_many_shards(sharded: tuple[Path, list[SearchDoc], dict[str, str]]) -> None:
    folder = sharded[0]
    assert len(list(folder.glob("t/*.js"))) >= 5


def test_sharded_queries_rank_and_score_exactly_as_one_lunr_index(sharded: tuple[Path, list[SearchDoc], dict[str, str]]) -> None:
    folder, docs, bodies = sharded
    reference = _texts_in_index_order(folder, docs, bodies)
    results = _run(folder, {"queries": QUERIES, "fresh": True, "reference": reference})
    shards = len(list(folder.glob("t/*.js")))
    for entry in results:
        query = entry["query"]
        if entry.get("error") == "syntax":  # "11:02" names a field "11": lunr refuses it too
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
    multi = [e for e in results if len([f for f in e["files"] if f.startswith("t/")]) >= 2]
    assert len(multi) >= 10  # the comparison covered queries spanning several shards
    assert shards > 24 or all(e.get("error") in (None, "syntax") for e in results)


def test_a_query_loads_only_the_shards_of_its_terms(sharded: tuple[Path, list[SearchDoc], dict[str, str]]) -> None:
    folder = sharded[0]
    manifest = _read_data(folder / "index.js")
    (entry,) = _run(folder, {"queries": ["ракета запуск"], "fresh": True})
    shards = [f for f in entry["files"] if f.startswith("t/")]
    holder = {f"t/{max(i for i, bound in enumerate(manifest['shards']) if bound <= term)}.js" for term in ("ракет", "запуск")}
    assert sorted(shards) == sorted(holder)
    assert entry["files"][0] == "index.js" and "len.js" in entry["files"]
