"""Measure the search index: build time, bytes a query downloads, and query time.

Usage::

    python benchmarks/generate.py /tmp/arch10k --articles 10000
    python benchmarks/search_bench.py /tmp/arch10k [--work DIR] [--queries 40] [--jobs 2] [--sizes-only] [--entropy]

What it measures, on the project's articles (front matter and Markdown rendered by ssg itself):

* per-article work: `article_terms` for every article, on --jobs worker processes with cold
  stem caches, as the build's read phase runs it (wall clock), and on one process (CPU time);
* the global part: `write_index` over all documents, cold (without and with its state file), and
  after one article changes (its `article_terms` plus `write_index` with the state: the newest
  article, then five random ones), and with nothing changed. As in the build, documents come
  without their terms, which wait as JSON under the document's key (`JsonTerms`) until the writer
  reads those it needs (all of them when cold; `terms_json_load_s` is that reading alone);
* bytes: for each query, the gzip size (level 6) of every file the page loads for it: the
  scripts (lunr, lunr-languages, search.js), the manifest, the shards, the length tables of the
  fields where a query term is common, and the result chunks of the first page of hits. "First"
  starts from an empty page, "later" runs the queries one after another in one page and counts
  what each one adds (the page keeps every file it loaded). Level 6 is zlib's default and
  Apache's; at 100,000 articles a later query weighs 1-2% more at nginx's default, level 1, and
  less with Brotli: 3.5% at quality 5 (compressed on the fly), 13% at 11 (compressed ahead);
* query time with its shards loaded (node, median of 5 runs per query).

Bytes are also split by kind of file (manifest, shards `t/`, length tables `l/`, result chunks
`d/`): the median and p90 of each kind over the later queries, and the worst later queries with
their largest files, to see what a heavy query pays for. `--sizes-only` skips the build timings
and measures only the bytes and query times (the articles' terms are kept in WORK, so a second
run only writes the index and runs the queries).

`--entropy` sets the later queries' shard bytes against the information in the postings they
need, the floor under any encoding that lets search.js rank exactly as lunr (every document
holding a query term, its count, and its field length): per field of each query term, the
entropy of which documents hold it given the length of their field (log2 length in quarter
octaves: the page has the length table of a common term's field), of the counts given that
length, and of the lengths sent with the postings (a rarer term's). Empirical entropies, so an
encoder would need a few more bytes for its model: a lower bound, not a design.

Queries are words from the titles of randomly chosen articles (1 to 3 words, both languages),
plus a prefix, a field-scoped and a +/- query; --seed picks them. `--names` measures NAME_QUERIES instead: names in
the nominative, whose case forms' stems (search.js's russianCases) the page looks up too.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import math
import multiprocessing
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ssg.frontmatter import split_front_matter  # noqa: E402
from ssg.markdown import render_markdown  # noqa: E402
from ssg.search import (  # noqa: E402
    TERMS_VERSION,
    SearchConfig,
    SearchDoc,
    TermsCache,
    article_terms,
    codec,
    write_index,
)
from ssg.search.analysis import stopwords, term_of  # noqa: E402

SCRIPTS = [
    REPO / "themes/default/static/vendor/lunr/lunr.min.js",
    REPO / "themes/default/static/vendor/lunr/lunr.stemmer.support.min.js",
    REPO / "themes/default/static/vendor/lunr/lunr.ru.min.js",
    REPO / "themes/default/static/assets/search.js",
]
SEARCH_NODE = REPO / "tests/search_support/search_node.js"
CONFIG = SearchConfig()


def _read(path: Path) -> dict:
    front, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    rendered = render_markdown(body, path.name)
    date = meta["date"]
    return {"ref": path.stem, "title": str(meta["title"]), "date": date if isinstance(date, str) else date.isoformat(),
            "lang": meta.get("lang", "en"), "tags": [str(t) for t in meta.get("tags") or []],
            "text": rendered.text, "lead": rendered.first_paragraph,
            "source": (meta.get("source") or {}).get("name", "")}  # fmt: skip


def load_articles(project: Path, work: Path, jobs: int) -> list[dict]:
    """Articles as the build hands them to the search code (cached in WORK: rendering is slow)."""
    cache = work / "articles.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    files = sorted((project / "content").rglob("*.md"))
    with multiprocessing.Pool(jobs) as pool:
        articles = pool.map(_read, files, chunksize=64)
    cache.write_bytes(pickle.dumps(articles))
    return articles


def _terms(a: dict) -> dict:
    return article_terms(a["lang"], a["title"], a["tags"], a["text"], CONFIG, a.get("source", ""))  # (an older pickle has none)


def all_terms(articles: list[dict], jobs: int, work: Path) -> list[dict]:
    """Every article's terms, on `jobs` processes; kept in WORK for `--sizes-only`."""
    with multiprocessing.Pool(jobs) as pool:
        terms = pool.map(_terms, articles, chunksize=64)
    (work / "terms.pickle").write_bytes(pickle.dumps((TERMS_VERSION, len(articles), terms)))
    return terms


def saved_terms(articles: list[dict], jobs: int, work: Path) -> list[dict]:
    """The terms `all_terms` kept, if they are of these articles and of this TERMS_VERSION."""
    path = work / "terms.pickle"
    if path.exists():
        version, count, terms = pickle.loads(path.read_bytes())
        if version == TERMS_VERSION and count == len(articles):
            return terms
    return all_terms(articles, jobs, work)


class JsonTerms:
    """The build's way to hand terms over: documents carry a key, and their terms wait as JSON in
    a cache (here a dict; the build's is SQLite) until the index writer asks for them."""

    def __init__(self) -> None:
        self.rows: dict[str, str] = {}
        self.cache = TermsCache("bench", self.read)

    def read(self, keys: list[str]) -> dict[str, dict]:
        return {k: json.loads(self.rows[k]) for k in keys if k in self.rows}

    def doc(self, a: dict, terms: dict) -> SearchDoc:
        """A document without terms, keyed by everything it shows and its terms (as the build's article key)."""
        text = json.dumps(terms, ensure_ascii=False)
        key = hashlib.sha256(
            repr((a["ref"], a["title"], a["date"], a["lang"], a["lead"], a["tags"], a.get("source"), text)).encode()
        ).hexdigest()[:32]
        self.rows[key] = text
        return SearchDoc(
            a["ref"] + "/", a["ref"] + "/", a["title"], a["date"], a["lang"], a["lead"], tuple(a["tags"]), None, key, a.get("source", "")
        )


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def measure_build(articles: list[dict], jobs: int, work: Path) -> tuple[dict, list[SearchDoc], TermsCache]:
    out = {}
    t = time.perf_counter()
    terms = all_terms(articles, jobs, work)
    out["article_terms_wall_s"] = time.perf_counter() - t
    sample = articles[: min(len(articles), 2000)]
    t = time.process_time()
    for a in sample:
        _terms(a)
    out["article_terms_cpu_ms_per_article"] = (time.process_time() - t) / len(sample) * 1000
    store = JsonTerms()
    docs = [store.doc(a, x) for a, x in zip(articles, terms, strict=True)]
    out["terms_cache_mb"] = sum(map(len, store.rows.values())) / 1e6
    t = time.perf_counter()
    store.read(list(store.rows))
    out["terms_json_load_s"] = time.perf_counter() - t
    t = time.perf_counter()
    files = list(write_index(docs, CONFIG, cache=store.cache))
    out["write_index_cold_s"] = time.perf_counter() - t
    state = work / "search-state.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{state}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    with_state = list(write_index(docs, CONFIG, state, store.cache))
    out["write_index_cold_with_state_s"] = time.perf_counter() - t
    assert with_state == files
    # One article changes, several times over: a random one, and the newest (the usual edit).
    rng = random.Random(2)
    newest = max(range(len(docs)), key=lambda i: (docs[i].date, docs[i].ref))
    wall, cpu = [], []
    for k, i in enumerate([newest, *rng.sample(range(len(docs)), 5)]):
        a = articles[i]
        changed = dict(a, text=a["text"] + f" Ещё одна фраза о ракетах {k} and one more about rockets.")
        t, c = time.perf_counter(), time.process_time()
        docs[i] = store.doc(changed, _terms(changed))
        files = list(write_index(docs, CONFIG, state, store.cache))
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    out["one_article_changed_s_newest_median_max"] = (round(wall[0], 3), round(statistics.median(wall), 3), round(max(wall), 3))
    out["one_article_changed_cpu_s_median"] = statistics.median(cpu)
    t = time.perf_counter()
    list(write_index(docs, CONFIG, state, store.cache))
    out["nothing_changed_s"] = time.perf_counter() - t
    out["state_mb"] = state.stat().st_size / 1e6
    out["index_files"] = len(files)
    out["index_mb"] = sum(len(b) for _, b in files) / 1e6
    shards = [b for p, b in files if "/t/" in p]
    gz = sorted(map(_gz, shards))
    out["shards"] = len(shards)
    out["shards_gz_mb"] = sum(gz) / 1e6
    out["shard_gz_kb_median_p90_max"] = (gz[len(gz) // 2] / 1e3, gz[len(gz) * 9 // 10] / 1e3, gz[-1] / 1e3)
    return out, docs, store.cache


def pick_queries(articles: list[dict], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    stop = stopwords("en") | stopwords("ru")
    queries = []
    while len(queries) < n:
        words = [w.strip(".,:;!?«»“”\"'()").lower() for w in rng.choice(articles)["title"].split()]
        words = [w for w in words if len(w) >= 4 and w not in stop and w.isalpha()]
        if words:
            queries.append(" ".join(rng.sample(words, min(len(words), rng.choice([1, 1, 2, 2, 3])))))
    w = queries[0].split()[0]
    queries += [w[:5] + "*", "title:" + queries[1].split()[0], f"+{queries[2].split()[0]} -{queries[3].split()[0]}"]
    return queries


# Names as readers type them, in the nominative, which the search page also looks up under the stems of their other
# cases (search.js's russianCases): the generated archive's Russian tags, and generated words that end as a masculine
# nominative the stemmer cuts (a case form's stem may sit in another shard).
NAME_QUERIES = [
    "Роскосмос", "Дмитрий Рогозин", "Юрий Борисов", "Илон Маск", "Газпром", "Сбербанк", "Владимир Путин", "Центробанк",
    "Борисов", "Газпром Сбербанк", "+Газпром -Роскосмос", "title:Газпром", "мюжом", "ранкают", "дамом", "стувыпой",
    "цошен", "знанках", "гретом", "гиврапает", "брурнил", "супен", "приплесых", "вязит", "мавой", "смерой", "плупларном",
    "зыдой", "дернам", "пежой", "лутой", "быглошил", "пастов", "плинках", "кротил", "знывив", "рожом", "присен", "спагий",
    "гракит", "скохужал", "сташерой",
]  # fmt: skip

KINDS = ("index", "t/", "l/", "d/")  # the manifest, shards, length tables, result chunks


def _kind(name: str) -> str:
    return next(k for k in KINDS if name.startswith(k))


def measure_queries(site: Path, queries: list[str], entropy: bool = False) -> dict:
    folder = site / CONFIG.path
    script_gz = sum(_gz(p.read_bytes()) for p in SCRIPTS)
    size = {}

    def gz_of(name: str) -> int:
        if name not in size:
            size[name] = _gz((folder / name).read_bytes())
        return size[name]

    def run(request: dict) -> list[dict]:
        done = subprocess.run(
            ["node", str(SEARCH_NODE), str(folder)], input=json.dumps(request), capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout)

    def by_kind(entry: dict) -> dict[str, float]:
        out = dict.fromkeys(KINDS, 0.0)
        for f in entry["files"]:
            out[_kind(f)] += gz_of(f) / 1e3
        return out

    first = run({"queries": queries, "fresh": True})
    later = run({"queries": queries, "repeat": 5})
    first_kb = sorted((script_gz + sum(gz_of(f) for f in e["files"])) / 1e3 for e in first)
    later_kb = sorted(sum(gz_of(f) for f in e["files"]) / 1e3 for e in later[1:])
    ms = sorted(statistics.median(e["ms"]) for e in later if e.get("ms"))
    kinds = [by_kind(e) for e in later[1:]]
    worst = sorted(later[1:], key=lambda e: -sum(gz_of(f) for f in e["files"]))[: max(3, len(later) // 10)]
    return {
        "queries": len(queries),
        "refused": [e["query"] for e in first if "error" in e],
        "scripts_gz_kb": script_gz / 1e3,
        "index.js_gz_kb": gz_of("index.js") / 1e3,
        "length_tables_gz_kb": {f: round(gz_of(f"l/{f}.js") / 1e3, 1) for f in CONFIG.fields},
        "first_query_kb_median_p90_max": _spread(first_kb),
        "later_query_kb_median_p90_max": _spread(later_kb),
        "later_by_kind_kb_median_p90": {k: _spread(sorted(x[k] for x in kinds))[:2] for k in KINDS},
        "later_worst": [
            f"{sum(gz_of(f) for f in e['files']) / 1e3:.1f} KB {e['query']!r}: "
            + ", ".join(f"{f} {gz_of(f) / 1e3:.1f}" for f in sorted(e["files"], key=gz_of, reverse=True)[:4])
            for e in worst
        ],
        "query_ms_median_p90_max": _spread(ms),
        "worst_first": max(first, key=lambda e: sum(gz_of(f) for f in e["files"]))["query"],
        "worst_later": max(later[1:], key=lambda e: sum(gz_of(f) for f in e["files"]))["query"],
    } | (postings_floor(folder, later[1:], gz_of) if entropy else {})


def _entropy_bits(counter: collections.Counter) -> float:
    """The entropy of the values counted, in bits, times how many there are."""
    n = sum(counter.values())
    return -sum(c * math.log2(c / n) for c in counter.values() if c)


def _octants(length: int) -> int:
    return int(math.log2(length + 1) * 4)


def _field_postings(text: str) -> tuple[list[int], list[int], bool]:
    """A field string's documents, counts, and whether it carries the documents' lengths."""
    g, lengths, counts = codec.split_field(text)
    if g.startswith(codec.BITMAP):
        docs = codec.bitmap_docs(g[1:])
        return docs, codec.rice_decode(counts, len(docs)), False
    docs, tfs, more, doc = [], [], iter(codec.decode(counts)), -1
    for code in codec.decode(g):
        doc += (code >> 1) + 1
        docs.append(doc)
        tfs.append(next(more) if code & 1 else 1)
    return docs, tfs, bool(lengths)


class _Floor:
    """The entropy of a term's postings in a field, knowing the field's length table (`--entropy`)."""

    def __init__(self, folder: Path, fields: tuple[str, ...]):
        self.tables = {f: codec.decode(_data(folder / f"l/{f}.js")) for f in fields}
        self.octants = {f: collections.Counter(map(_octants, t)) for f, t in self.tables.items()}
        self.length_bits = {f: _entropy_bits(collections.Counter(t)) / len(t) for f, t in self.tables.items()}

    def bits(self, field: str, text: str) -> tuple[float, float, float]:
        """(documents, counts, lengths) in bits."""
        docs, tfs, inline = _field_postings(text)
        table = self.tables[field]
        held = collections.Counter(_octants(table[d]) for d in docs)
        ids = sum(_entropy_bits(collections.Counter({0: n - held[o], 1: held[o]})) for o, n in self.octants[field].items())
        by_octant = collections.defaultdict(collections.Counter)
        for d, tf in zip(docs, tfs, strict=True):
            by_octant[_octants(table[d])][tf] += 1
        counts = sum(map(_entropy_bits, by_octant.values()))
        return ids, counts, len(docs) * self.length_bits[field] if inline else 0.0


def _data(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


def postings_floor(folder: Path, later: list[dict], gz_of: Callable[[str], int]) -> dict:
    """Per later query, its shards' gzip bytes against the entropy of the postings of its terms (`--entropy`)."""
    floor, term = _Floor(folder, CONFIG.fields), term_of(CONFIG.languages)
    rows = []
    for entry in later:
        words = [w.lstrip("+-").rpartition(":")[2] for w in entry["query"].split()]
        prefixes = [w[:-1] for w in words if w.endswith("*")]
        wanted = {term(w) for w in words if not w.endswith("*")}
        shards, bits, notes = 0, [0.0, 0.0, 0.0], []
        for name in (f for f in entry["files"] if f.startswith("t/")):
            shards += gz_of(name)
            columns = _data(folder / name)
            terms = columns[0].split("\n")
            for i, t in enumerate(terms):
                if t in wanted or any(t.startswith(p) for p in prefixes):
                    texts = [c.split(",")[i] for c in columns[2:]]
                    for f, text in zip(CONFIG.fields, texts, strict=True):
                        if text:
                            bits = [a + b for a, b in zip(bits, floor.bits(f, text), strict=True)]
                    notes.append(f"{t} {'/'.join(str(codec.postings(x)) if x else '0' for x in texts)}")
        rows.append((shards / 1e3, sum(bits) / 8e3, [b / 8e3 for b in bits], entry["query"], notes))
    rows.sort(key=lambda r: r[0])
    return {
        "later_shards_kb_median_p90_max": _spread([r[0] for r in rows]),
        "later_postings_entropy_kb_median_p90_max": _spread(sorted(r[1] for r in rows)),
        "later_postings": [
            f"{r[3]!r}: shards {r[0]:.1f} KB, entropy {r[1]:.1f} KB (documents {r[2][0]:.1f}, counts {r[2][1]:.1f}, "
            f"lengths {r[2][2]:.1f}); terms, documents per field ({'/'.join(CONFIG.fields)}): {'; '.join(r[4])}"
            for r in rows[-max(3, len(rows) // 10) :]
        ],
    }


def _spread(values: list[float]) -> tuple[float, float, float]:
    return (round(statistics.median(values), 1), round(values[int(len(values) * 0.9)], 1), round(values[-1], 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a generated project (benchmarks/generate.py)")
    parser.add_argument("--work", type=Path, help="scratch folder (default: PROJECT/.search-bench)")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sizes-only", action="store_true", help="skip the build timings: only bytes and query times")
    parser.add_argument("--entropy", action="store_true", help="set the later queries' shard bytes against their postings' entropy")
    parser.add_argument(
        "--names", action="store_true", help="measure names in the nominative instead (search.js's case forms: NAME_QUERIES)"
    )
    args = parser.parse_args()
    work = args.work or args.project / ".search-bench"
    work.mkdir(parents=True, exist_ok=True)
    articles = load_articles(args.project, work, args.jobs)
    if args.sizes_only:
        store = JsonTerms()
        docs = [store.doc(a, x) for a, x in zip(articles, saved_terms(articles, args.jobs, work), strict=True)]
        result, cache = {}, store.cache
    else:
        result, docs, cache = measure_build(articles, args.jobs, work)
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    for path, data in write_index(docs, CONFIG, cache=cache):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    queries = NAME_QUERIES if args.names else pick_queries(articles, args.queries, args.seed)
    result |= measure_queries(site, queries, args.entropy)
    result["articles"] = len(articles)
    (work / "search_bench.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    for key, value in result.items():
        if isinstance(value, list) and value and isinstance(value[0], str) and key != "refused":
            print(key)
            for line in value:
                print("    " + line)
        else:
            print(f"{key:36} {value if not isinstance(value, float) else round(value, 3)}")


if __name__ == "__main__":
    main()
