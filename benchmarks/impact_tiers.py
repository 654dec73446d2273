"""A prototype, for measurement only: what later queries would download if a common term's postings were written in
tiers and the page loaded only the tiers that can still change the first page of hits (docs/search.md says what it
found: the page ends up loading nearly every tier).

Usage (after `search_bench.py` has written WORK/site)::

    python benchmarks/impact_tiers.py WORK [--mode impact|membership] [--min 1024] [--first 512] [--growth 2]
                                           [--forward N] [--exact] [--queries 40] [--seed 1]

Nothing here is in the index format. The script reads the index that `search_bench.py` wrote, runs the bench's
queries one after another with the page's own search.js (`impact_tiers.js`: their plans, the files they loaded, their
first results), and then replays each query as a page with tiers would:

* a term's postings in a field with at least --min documents are tiered (the shard keeps a stub in their place):
  - `--mode impact`: each posting goes to a class by its count (exact up to 8, then half octaves) and its field
    length (quarter octaves); a class's bound is lunr's value for its largest count and smallest length (so it holds
    whatever the average length becomes); classes are sorted by bound, best first, and cut into load units of --first
    postings, then --growth times more each (impact-ordered postings, as search engines keep them);
  - `--mode membership`: a bitmap of the documents holding the term first, then their counts by tier, highest first
    (a document whose count is not loaded lies between lunr's values for count 1 and the highest count left, at its
    own length, from the field's length table); the lowest tier is never sent, being what is left;
* a document's score lies between what it is known to have and what it may have from the lists that do not know it
  yet; a document seen nowhere may have at most the sum of the lists' bounds left. The page loads the unit of the
  list with the largest bound left until the first page (10 hits) is fixed: each shown hit's lower bound above every
  later hit's and every other document's upper bound (a threshold algorithm without random access); `--exact` also
  asks every shown hit's score to be known exactly. With `--forward N` the page may also load, for a document that
  stands in the way, a file of N documents' counts of their tiered terms (each term by a 20-bit hash): random
  access, as the threshold algorithm proper has it;
* an excluded term's postings are loaded whole; a required term's decide a hit only where known.

It prints later-query gzip bytes (median/p90/max) for the current format and the tiered one (shards re-rendered with
stubs, plus every unit and forward file loaded, each file counted once a page), how much of the touched lists' units
the queries loaded, and checks that each replayed first page ranks as search.js ranked it.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import math
import pickle
import statistics
import subprocess
import sys
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from search_bench import pick_queries  # noqa: E402

from ssg.search import codec  # noqa: E402
from ssg.search.writer import _shard_script  # noqa: E402

K1, B = 1.2, 0.75
PAGE = 10
OPTIONAL, REQUIRED, PROHIBITED = 1, 2, 3  # lunr.Query.presence


def _data(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def _round3(x: float) -> float:
    return math.floor(x * 1000 + 0.5) / 1000  # Math.round(x * 1000) / 1000


class Index:
    """The index files search_bench.py wrote: terms -> per field (docs, counts, lengths)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest = _data(folder / "index.js")
        self.fields = self.manifest["fields"]
        self.docs = self.manifest["docs"]
        self.averages = [t / self.docs for t in self.manifest["lengths"]]
        self.boosts = self.manifest["boosts"]
        self.bounds = self.manifest["shards"].split("\n")
        self.keys = [codec.utf16_key(b) for b in self.bounds]
        self.tables = {f: codec.decode(_data(folder / f"l/{f}.js")) for f in self.fields}
        self.shards: dict[int, dict[str, list[str]]] = {}
        self.columns: dict[int, list[str]] = {}

    def shard_of(self, term: str) -> int:
        return bisect.bisect_right(self.keys, codec.utf16_key(term)) - 1

    def shard(self, i: int) -> dict[str, list[str]]:
        if i not in self.shards:
            columns = _data(self.folder / f"t/{codec.shard_name(self.bounds[i])}.js")
            self.columns[i] = columns
            rows = [c.split(",") for c in columns[2:]]
            self.shards[i] = {t: [r[n] for r in rows] for n, t in enumerate(columns[0].split("\n"))}
        return self.shards[i]

    def texts(self, term: str) -> list[str] | None:
        return self.shard(self.shard_of(term)).get(term)

    def prefixed(self, prefix: str) -> list[str]:
        out, i = [], self.shard_of(prefix)
        while i < len(self.bounds) and (i == self.shard_of(prefix) or self.bounds[i].startswith(prefix)):
            out += [t for t in self.shard(i) if t.startswith(prefix)]
            i += 1
        return sorted(out, key=codec.utf16_key)

    def postings(self, field: int, text: str) -> tuple[list[int], list[int], list[int]]:
        g, lengths, counts = codec.split_field(text)
        table = self.tables[self.fields[field]]
        if g.startswith(codec.BITMAP):
            docs = codec.bitmap_docs(g[1:])
            return docs, codec.rice_decode(counts, len(docs)), [table[d] for d in docs]
        docs, tfs, more, doc = [], [], iter(codec.decode(counts)), -1
        for code in codec.decode(g):
            doc += (code >> 1) + 1
            docs.append(doc)
            tfs.append(next(more) if code & 1 else 1)
        return docs, tfs, codec.decode(lengths) if lengths else [table[d] for d in docs]

    def value(self, idf: float, field: int, tf: int, length: int) -> float:
        score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / self.averages[field])) + tf)
        return _round3(score * self.boosts[field])


def _count_class(c: int) -> int:
    return c if c <= 8 else 8 + int(math.log2(c / 8) * 2) + 1


def _length_class(n: int) -> int:
    return int(math.log2(n + 1) * 4)


class List:
    """A term's postings in one field, and how a page with tiers sees them.

    Two ways to tier: by impact (`--mode impact`: classes of count and length, best bound first) or membership first
    (`--mode membership`: a bitmap of the documents holding the term, then their counts, highest first; a document
    whose count is not loaded yet lies between lunr's values for the lowest and highest counts left, at its own
    length, from the field's length table)."""

    def __init__(self, index: Index, term: str, field: int, idf: float, texts: list[str], args: argparse.Namespace):
        self.term, self.field, self.idf, self.index = term, field, idf, index
        docs, tfs, lens = index.postings(field, texts[field])
        self.values = {d: index.value(idf, field, tf, n) for d, tf, n in zip(docs, tfs, lens, strict=True)}
        self.newest = docs[-1]
        self.units: list[tuple[float, list[int], int]] = []  # (bound, docs, gzip bytes)
        self.loaded = 0
        self.membership = args.mode == "membership"
        if len(docs) < args.min:
            return
        self.top = index.value(idf, field, max(tfs), min(lens))
        if self.membership:
            self._membership(docs, tfs)
            return
        classes: dict[tuple[int, int], list[int]] = {}
        for n in range(len(docs)):
            classes.setdefault((_count_class(tfs[n]), _length_class(lens[n])), []).append(n)
        ranked = sorted(
            ((index.value(idf, field, max(tfs[n] for n in ns), min(lens[n] for n in ns)), key, ns) for key, ns in classes.items()),
            reverse=True,
        )
        target, unit = args.first, []
        for bound, key, ns in ranked:
            unit.append((bound, key, ns))
            if sum(len(u[2]) for u in unit) >= target:
                self.units.append(self._unit(unit, docs, tfs))
                unit, target = [], target * args.growth
        if unit:
            self.units.append(self._unit(unit, docs, tfs))

    COUNT_TIERS = ((16, 1 << 30), (8, 15), (5, 7), (4, 4), (3, 3), (2, 2), (1, 1))

    def _membership(self, docs: list[int], tfs: list[int]) -> None:
        """Unit 0: the bitmap of the documents; then per count tier (highest first) a bit per document whose count is
        not known yet, and the counts of a tier of several. The last tier is never loaded: what is left is its count."""
        self.counts = dict(zip(docs, tfs, strict=True))
        self.lengths = {d: self.index.tables[self.index.fields[self.field]][d] for d in docs}
        bitmap = "~" + codec.bitmap(docs, 0, docs[-1] // 6 + 1)
        self.units.append((self.top, docs, _gz(('ssgSearchData("u/xxxxxxxxxxxxxxxxxxxx.0","' + bitmap + '");\n').encode())))
        self.tiers: list[tuple[int, int]] = []  # (lowest, highest count) of the tiers after unit 0
        left = list(docs)
        for low, high in self.COUNT_TIERS:
            held = [d for d in left if low <= self.counts[d] <= high]
            if not held:
                continue
            self.tiers.append((low, max(self.counts[d] for d in held)))
            marks = [i for i, d in enumerate(left) if low <= self.counts[d] <= high]
            text = codec.bitmap(marks, 0, len(left) // 6 + 1)
            if high > low:
                text += "." + codec.rice_counts([self.counts[d] + codec.TF_OFFSET for d in held])
            self.units.append((0.0, held, _gz(('ssgSearchData("u/xxxxxxxxxxxxxxxxxxxx.0","' + text + '");\n').encode())))
            chosen = set(held)
            left = [d for d in left if d not in chosen]
        self.units.pop()  # the lowest tier: the documents left have its count
        self.tiers.pop()

    @staticmethod
    def _unit(classes: list, docs: list[int], tfs: list[int]) -> tuple[float, list[int], int]:
        """A load unit: per class its documents' gaps and, for a class of several counts, the counts."""
        parts = []
        for _bound, (cc, lc), ns in classes:
            ds = [docs[n] for n in ns]
            g = "".join(codec.vint(b - a - 1) for a, b in zip([-1, *ds], ds, strict=False))
            counts = "".join(codec.vint(tfs[n]) for n in ns) if cc > 8 else ""
            parts.append(f"{codec.vint(cc)}{codec.vint(lc)}{codec.vint(max(tfs[n] for n in ns))}.{g}.{counts}")
        data = ('ssgSearchData("u/xxxxxxxxxxxxxxxxxxxx.0",["' + '","'.join(parts) + '"]);\n').encode()
        return classes[0][0], [docs[n] for _, _, ns in classes for n in ns], _gz(data)

    @property
    def tiered(self) -> bool:
        return bool(self.units)

    @property
    def exhausted(self) -> bool:
        return self.loaded == len(self.units)

    @property
    def whole(self) -> bool:
        return not self.tiered or self.exhausted

    def view(self) -> tuple[set[int] | None, object]:
        """What the page knows: (documents whose value here is known, None: all; its state for `interval`)."""
        if self.whole:
            return None, None
        if self.membership and self.loaded:
            counted = {d for u in self.units[1 : self.loaded] for d in u[1]}
            low = min(t[0] for t in self.tiers[self.loaded - 1 :]) if self.loaded - 1 < len(self.tiers) else 1
            low = min(low, 1)
            high = max(t[1] for t in self.tiers[self.loaded - 1 :]) if self.loaded - 1 < len(self.tiers) else 1
            return counted, (1, high)
        return {d for u in self.units[: self.loaded] for d in u[1]}, None

    def candidates(self, seen: set[int] | None) -> object:
        """The documents the page knows hold the term here (all of them, once the membership is loaded)."""
        if seen is None or (self.membership and self.loaded):
            return self.values.keys()
        return seen

    def interval(self, d: int, seen: set[int] | None, state: object, resolved: set[int]) -> tuple[float, float]:
        """The least and most document `d` may have here."""
        if seen is None or d in seen or d in resolved:
            v = self.values.get(d, 0.0)
            return v, v
        if state is None:  # (impact tiers, or no membership yet)
            return 0.0, self.left()
        if d not in self.values:
            return 0.0, 0.0
        low, high = state
        n = self.lengths[d]
        return self.index.value(self.idf, self.field, low, n), self.index.value(self.idf, self.field, high, n)

    def unseen(self) -> float:
        """The most a document the page has seen nowhere may have here."""
        if self.whole or (self.membership and self.loaded):
            return 0.0
        return self.left()

    def left(self) -> float:
        """The largest value a document not seen yet may have here."""
        if self.whole:
            return 0.0
        if self.membership:
            return self.top
        return max(u[0] for u in self.units[self.loaded :])

    def stub(self) -> str:
        return (
            "^"
            + codec.vint(len(self.values))
            + codec.vint(self.newest)
            + "".join(codec.vint(int(u[0] * 1000)) + codec.vint(len(u[1])) for u in self.units)
        )


class Query:
    """One query as a page with tiers runs it."""

    def __init__(self, index: Index, entry: dict, args: argparse.Namespace, lists: dict):
        self.index, self.args = index, args
        self.groups: list[tuple[int, list[List]]] = []  # (presence, the clause's lists)
        q: list[dict[str, float]] = [{} for _ in index.fields]
        for clause in entry["clauses"]:
            terms = clause["terms"]
            if clause["fuzzy"]:
                raise ValueError("fuzzy")
            kept = [t for t in terms if index.texts(t) is not None] if len(terms) > 1 else terms
            expanded = []
            for t in kept:
                expanded += index.prefixed(t[: t.index("*")]) if "*" in t else [t] if index.texts(t) else []
            mine = []
            for t in expanded:
                texts = index.texts(t)
                total = sum(codec.postings(x) for x in texts if x)
                x = (index.docs - total + 0.5) / (total + 0.5)
                idf = math.log(1 + abs(x))
                for field in clause["fields"]:
                    f = index.fields.index(field)
                    if clause["presence"] != PROHIBITED:  # (lunr's query vector has the term in every field it names)
                        q[f][t] = q[f].get(t, 0) + clause["boost"]
                    if not texts[f]:
                        continue
                    if (t, f) not in lists:
                        lists[t, f] = List(index, t, f, idf, texts, args)
                    mine.append(lists[t, f])
            self.groups.append((clause["presence"], mine))
        norms = [math.sqrt(sum(v * v for v in qf.values())) for qf in q]
        self.weights = {}
        for presence, mine in self.groups:
            for lst in mine:
                if presence != PROHIBITED:
                    self.weights[lst] = q[lst.field][lst.term] / norms[lst.field]
                else:
                    lst.loaded = len(lst.units)  # an excluded term's postings, whole

    def exact_scores(self) -> dict[int, float]:
        """Every hit's score with all postings (to check the replay against search.js)."""
        scores: dict[int, float] = {}
        for lst, w in self.weights.items():
            for d, v in lst.values.items():
                scores[d] = scores.get(d, 0.0) + w * v
        out = {}
        for d, score in scores.items():
            if any(p == PROHIBITED and any(d in lst.values for lst in mine) for p, mine in self.groups):
                continue
            if any(p == REQUIRED and not any(d in lst.values for lst in mine) for p, mine in self.groups):
                continue
            out[d] = score
        return out

    def settled(self, resolved: set[int]) -> tuple[bool, list[int], list[int], float]:
        """Whether the first page is fixed; its documents; the documents not known exactly that may still change it,
        best first; and the most a document no list has shown may score. `resolved`: documents whose forward entry
        the page loaded (their value in every list is known)."""
        lists = {lst for _, mine in self.groups for lst in mine}
        views = {lst: lst.view() for lst in lists}
        docs: set[int] = set()
        for lst in self.weights:
            docs.update(lst.candidates(views[lst][0]))
        docs.update(d for d in resolved if any(d in lst.values for lst in self.weights))
        lower, upper, hits, maybe = {}, {}, [], []
        for d in docs:
            ok, low, high = True, 0.0, 0.0
            for presence, mine in self.groups:
                spans = [lst.interval(d, *views[lst], resolved) for lst in mine]
                if presence == PROHIBITED:
                    if any(a > 0 or (b > 0 and a == b) for a, b in spans) or any(d in lst.values and views[lst][0] is None for lst in mine):
                        ok = False
                        break
                    continue
                if presence == REQUIRED and not any(d in lst.values and (a > 0 or a == b) for lst, (a, b) in zip(mine, spans, strict=True)):
                    if all(b == 0 for _, b in spans):
                        ok = False
                        break
                    ok = None
            if ok is False:
                continue
            for lst, w in self.weights.items():
                a, b = lst.interval(d, *views[lst], resolved)
                low += w * a
                high += w * b
            lower[d], upper[d] = low, high
            (hits if ok else maybe).append(d)
        unseen = sum(w * lst.unseen() for lst, w in self.weights.items())
        if all(lst.unseen() == 0 for lst in self.weights) or any(
            p == REQUIRED and all(lst.unseen() == 0 for lst in mine) for p, mine in self.groups
        ):
            unseen = -1.0  # a document the page has seen nowhere, or in no list of a required clause, is no hit
        hits.sort(key=lambda d: -lower[d])
        shown, rest = hits[:PAGE], hits[PAGE:] + maybe
        eps = 1e-9
        floor = lower[shown[-1]] if len(shown) == PAGE else -1.0
        blockers = sorted(
            (d for d in hits + maybe if (upper[d] > lower[d] + eps or d in maybe) and upper[d] >= floor - eps),
            key=lambda d: -upper[d],
        )
        self.floor = floor
        ceiling = max([unseen, *(upper[d] for d in rest)])
        if len(shown) < PAGE and ceiling >= 0:
            return False, shown, blockers, unseen  # more hits may come
        for i in reversed(range(len(shown))):
            d = shown[i]
            if lower[d] <= ceiling + eps and not (ceiling == upper[d] == lower[d]):
                return False, shown, blockers, unseen
            if self.args.exact and upper[d] > lower[d] + eps:
                return False, shown, blockers, unseen
            ceiling = max(ceiling, upper[d])
        return True, shown, blockers, unseen

    def replay(self, forward: Forward | None) -> tuple[list[int], list[tuple[List, int]], list[int]]:
        """Load units (and with `forward`, documents' forward entries) until the first page is fixed: its documents,
        the units loaded and the forward files loaded."""
        loaded = [(lst, n) for lst in {x for _, mine in self.groups for x in mine} for n in range(lst.loaded)]
        files: list[int] = []
        while True:
            resolved = forward.resolved if forward else set()
            done, shown, blockers, unseen = self.settled(resolved)
            if done:
                return shown, loaded, files
            if forward and blockers and (len(shown) < PAGE or unseen < self.floor):
                files.append(forward.load(blockers[0]))
                continue
            candidates = [lst for lst in self.weights if not lst.whole]
            if not candidates:
                if forward and blockers:
                    files.append(forward.load(blockers[0]))
                    continue
                return shown, loaded, files
            best = max(candidates, key=lambda lst: (lst.membership and lst.loaded == 0, self.weights[lst] * lst.left()))
            loaded.append((best, best.loaded))
            best.loaded += 1


class Forward:
    """Per document, the counts of its terms in tiered lists, `size` documents a file: what a page would load to know
    a document's score exactly (random access, as the threshold algorithm has it), each term by a 20-bit hash."""

    def __init__(self, index: Index, work: Path, articles: list[dict], args: argparse.Namespace):
        self.index, self.size = index, args.forward
        _, _, terms = pickle.loads((work / "terms.pickle").read_bytes())
        self.by_ref = {a["ref"]: t for a, t in zip(articles, terms, strict=True)}
        df: dict[tuple[str, str], int] = {}
        for t in terms:
            for field, (words, _tfs, _length) in t["fields"].items():
                for w in words.split():
                    df[field, w] = df.get((field, w), 0) + 1
        self.tiered = {k for k, n in df.items() if n >= args.min}
        self.loaded: set[int] = set()
        self.resolved: set[int] = set()
        self.bytes: dict[int, int] = {}

    def load(self, doc: int) -> int:
        """Load the file of document `doc`; its number."""
        c = doc // self.size
        self.loaded.add(c)
        self.resolved.update(range(c * self.size, (c + 1) * self.size))
        return c

    def gz(self, c: int) -> int:
        if c not in self.bytes:
            entries = []
            for d in range(c * self.size, min((c + 1) * self.size, self.index.docs)):
                row = _data(self.index.folder / f"d/{d // 4}.js")[d % 4]
                fields = self.by_ref[row[0].rstrip("/")]["fields"]
                parts = []
                for field in self.index.fields:
                    words, tfs, _length = fields[field]
                    held = sorted(
                        (zlib.crc32(w.encode()) & 0xFFFFF, ord(tf) - 48)
                        for w, tf in zip(words.split(), tfs, strict=True)
                        if (field, w) in self.tiered
                    )
                    gaps = "".join(codec.vint(b - a) for (a, _), (b, _) in zip([(0, 0), *held], held, strict=False))
                    parts.append(gaps + "." + "".join(codec.vint(n - 1) for _, n in held))
                entries.append(",".join(parts))
            self.bytes[c] = _gz(('ssgSearchData("f/' + str(c) + '",["' + '","'.join(entries) + '"]);\n').encode())
        return self.bytes[c]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", type=Path, help="search_bench.py's --work folder")
    parser.add_argument("--min", type=int, default=1024, help="tier a field's postings from this many documents")
    parser.add_argument("--first", type=int, default=512, help="postings in a term's first unit")
    parser.add_argument("--growth", type=float, default=2.0)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--exact", action="store_true", help="also know the shown hits' scores exactly")
    parser.add_argument("--mode", choices=("impact", "membership"), default="impact", help="how tiers are cut (see List)")
    parser.add_argument("--forward", type=int, default=0, help="documents per forward file (0: none, tiers alone)")
    args = parser.parse_args()
    folder = args.work / "site" / "search"
    articles = pickle.loads((args.work / "articles.pickle").read_bytes())
    queries = pick_queries(articles, args.queries, args.seed)
    runs = args.work / "impact_runs.json"
    if not runs.exists() or json.loads(runs.read_text())["queries"] != queries:
        done = subprocess.run(
            ["node", str(REPO / "benchmarks/impact_tiers.js"), str(folder)],
            input=json.dumps({"queries": queries, "top": 50}), capture_output=True, text=True, check=True,
        )  # fmt: skip
        runs.write_text(json.dumps({"queries": queries, "entries": json.loads(done.stdout)}))
    entries = json.loads(runs.read_text())["entries"]
    index = Index(folder)
    lists: dict = {}
    forward = Forward(index, args.work, articles, args) if args.forward else None
    size: dict[str, int] = {}

    def gz_of(name: str) -> int:
        if name not in size:
            size[name] = _gz((folder / name).read_bytes())
        return size[name]

    stubbed: dict[str, int] = {}

    def stub_gz(name: str) -> int:
        """A shard's gzip bytes with its tiered lists as stubs."""
        if name not in stubbed:
            i = next(n for n, b in enumerate(index.bounds) if f"t/{codec.shard_name(b)}.js" == name)
            index.shard(i)
            columns = list(index.columns[i])
            terms = columns[0].split("\n")
            for f in range(len(index.fields)):
                rows = columns[2 + f].split(",")
                for n, t in enumerate(terms):
                    if rows[n] and codec.postings(rows[n]) >= args.min:
                        texts = [c.split(",")[n] for c in columns[2:]]
                        total = sum(codec.postings(x) for x in texts if x)
                        idf = math.log(1 + abs((index.docs - total + 0.5) / (total + 0.5)))
                        lst = lists.get((t, f)) or List(index, t, f, idf, texts, args)
                        rows[n] = lst.stub()
                columns[2 + f] = ",".join(rows)
            stubbed[name] = _gz(_shard_script(name[:-3], columns))
        return stubbed[name]

    had, had_tiered, touched = set(), set(), set()
    all_units = loaded_units = 0
    fetches: list[int] = []
    before, after, notes, wrong = [], [], [], []
    for e in entries:
        if "error" in e:
            continue
        files = [f for f in e["files"] if f not in had]
        old = sum(gz_of(f) for f in files)
        new = sum(stub_gz(f) if f.startswith("t/") else gz_of(f) for f in files)
        had.update(e["files"])
        query = Query(index, e, args, lists)
        scores = query.exact_scores()
        top = sorted(scores, key=lambda d: -scores[d])[:PAGE]
        js = [round(s, 9) for _, s in e["top"][:PAGE]]
        if [round(scores[d], 9) for d in top] != js:
            wrong.append(f"{e['query']!r}: scores differ from search.js's")
        shown, loaded, fetched = query.replay(forward)
        if [round(scores[d], 9) for d in shown] != js:
            wrong.append(f"{e['query']!r}: the replayed page differs from search.js's")
        units = sum(forward.gz(c) for c in set(fetched)) if forward else 0
        for lst in {x for _, mine in query.groups for x in mine if x.tiered}:
            if (lst.term, lst.field) not in touched:
                touched.add((lst.term, lst.field))
                all_units += sum(u[2] for u in lst.units)
        for lst, n in loaded:
            if (lst.term, lst.field, n) not in had_tiered:
                loaded_units += lst.units[n][2]
                had_tiered.add((lst.term, lst.field, n))
                units += lst.units[n][2]
        fetches.append(len(set(fetched)))
        before.append(old / 1e3)
        after.append((new + units) / 1e3)
        tiered = [lst for _, mine in query.groups for lst in mine if lst.tiered]
        notes.append(
            f"{old / 1e3:6.1f} -> {(new + units) / 1e3:6.1f} KB (units+forward {units / 1e3:5.1f}, {len(set(fetched))} f) {e['query']!r}: "
            + ", ".join(
                f"{lst.term}/{index.fields[lst.field]} {len({n for x, n in loaded if x is lst})}/{len(lst.units)}" for lst in tiered
            )
        )
    later_before, later_after = sorted(before[1:]), sorted(after[1:])

    def spread(v: list[float]) -> tuple[float, float, float]:
        return round(statistics.median(v), 1), round(v[int(len(v) * 0.9)], 1), round(v[-1], 1)

    print(
        f"articles {index.docs}, tier from {args.min} postings, first unit {args.first}, growth {args.growth}, exact {args.exact}, forward {args.forward}, mode {args.mode}"
    )
    print("later query KB median/p90/max, now   ", spread(later_before))
    print("later query KB median/p90/max, tiered", spread(later_after))
    print(f"units loaded {loaded_units / 1e3:.1f} KB of the {all_units / 1e3:.1f} KB of all units of the lists the queries touched")
    if forward:
        print("forward files a later query loads, median/p90/max", spread(sorted(fetches[1:])))
    print("first query (without scripts) KB now/tiered", round(before[0], 1), round(after[0], 1))
    for line in sorted(notes, key=lambda s: -float(s.split("->")[1].split()[0]))[:12]:
        print("   ", line)
    print("checks:", wrong or "all replayed pages are search.js's")


if __name__ == "__main__":
    main()
