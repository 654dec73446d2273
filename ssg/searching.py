"""The site's side of the search index (`search` writes it): what a hit shows of each article, where the index keeps
its state between builds, and the search pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from itertools import compress
from operator import and_, attrgetter, eq, is_, not_
from pathlib import Path

from . import search
from .config import Config
from .content import Article
from .output import MANIFEST
from .pages import Page
from .site import Site
from .theme import Theme
from .urls import Urls

_SOURCE_PATH, _KEY = attrgetter("source_path"), attrgetter("key")


class SearchWriter:
    """The search index's side of a build: what the index shows of each article, and the index writer.

    A long-lived builder keeps one (`remember`): it hands the writer the same SearchDoc for an
    unchanged article build after build, and the writer saves its state when the preview is idle
    (`search.Indexer`)."""

    def __init__(self, remember: bool = False) -> None:
        self.remember = remember
        self.indexer = search.Indexer(defer=remember)
        self._made: dict[tuple[str, str], search.SearchDoc] = {}  # (article key, path) -> its SearchDoc
        self._reading: tuple[str, bool] = ("", False)  # the `cache_stamp` they were made under (a key says what an
        # article is only under one), and whether outlets had pages, which site.yaml's `sources:` switches
        # (an article's tags as pages show them, its language) -> their names in a hit; kept while the builder lives
        self._labels: dict[tuple[tuple, str], tuple[str, ...]] = {}
        # The last build's articles, their paths, their tags as pages show them, and their documents (if it remembers)
        self._last: tuple[tuple, list[str], list[tuple], list] | None = None

    def docs(self, reading: str, site: Site, paths: dict[str, str], outlet_pages: Urls | None) -> list[search.SearchDoc]:
        """Each article as the index shows it; its terms stay in the cache (keyed by the article's key) until the
        index writer asks for them: after one edit it needs only a few. `reading`: this build's `cache_stamp`;
        `outlet_pages`: the URL map where outlets have pages (a hit links its outlet's), else None."""
        if (reading, outlet_pages is not None) != self._reading:
            self._made, self._labels, self._reading, self._last = {}, {}, (reading, outlet_pages is not None), None
        articles = site.articles
        # A hit shows its tags as their pages name them (site.yaml's name in the article's language, else the most used
        # spelling), not as the article spelt them: that may change while the article does not. (In C where it can be:
        # a save of the preview goes over every article.)
        source_paths = list(map(_SOURCE_PATH, articles))
        where, shown = list(map(paths.__getitem__, source_paths)), list(map(site.tags_shown.__getitem__, source_paths))
        last = self._last
        if last is not None and len(last[0]) == len(articles):
            # The same article at its last place, showing the same tags at the same path, keeps its document, found
            # without a look at it (the others as below, by key): a save of a text, title or tags changes one of 10,000.
            kept = map(and_, map(and_, map(is_, articles, last[0]), map(is_, shown, last[2])), map(eq, where, last[1]))
            docs = list(last[3])
            changed = list(compress(range(len(articles)), map(not_, kept)))
            self._remake(site, [(n, articles[n], where[n], shown[n]) for n in changed], docs, outlet_pages)
            gone = {(last[0][n].key, last[1][n]) for n in changed} - {(articles[n].key, where[n]) for n in changed}
            for key in gone:
                self._made.pop(key, None)
        else:
            docs = list(map(self._made.get, zip(map(_KEY, articles), where, strict=True)))
            self._remake(site, list(zip(range(len(articles)), articles, where, shown, strict=True)), docs, outlet_pages, all_kept=False)
            if self.remember:
                self._made = dict(zip(zip(map(_KEY, articles), where, strict=True), docs, strict=True))
        if self.remember:
            self._last = (articles, where, shown, docs)
        return docs  # type: ignore[return-value]

    def _remake(
        self, site: Site, items: list[tuple[int, Article, str, tuple]], docs: list, outlet_pages: Urls | None, all_kept: bool = True
    ) -> None:
        """Each (n, article, path, tags shown) of `items` as the index shows it, into `docs[n]`: the document made
        before under the article's key and path (`docs[n]` where not `all_kept`, else looked up), unless its tags'
        names changed; else made anew (and kept under its key where `all_kept`)."""
        labels = self._labels
        named = [(shown, article.lang) for _, article, _, shown in items]
        tags = list(map(labels.get, named))
        for i in [i for i, found in enumerate(tags) if found is None]:
            article = items[i][1]
            tags[i] = labels[named[i]] = tuple(t.label(article.lang) for t in site.tags_of(article))
        for (n, article, path, _), names in zip(items, tags, strict=True):
            doc = self._made.get((article.key, path)) if all_kept else docs[n]
            if doc is None or doc.tags != names:
                date = article.date.isoformat()
                # (its outlet as its page names it: in the article's language where site.yaml `source_names:` gives one)
                outlet = site.outlet_of(article)  # (none for a name without letters, `source: —`: the name as written)
                source = (outlet.label(article.lang, article.source.name) if outlet else article.source.name) if article.source else ""
                page = outlet_pages.source(outlet.slug) if outlet and outlet_pages else ""
                doc = search.SearchDoc(
                    path, path, article.title, date, article.lang, article.summary, names, None, article.key, source, page
                )
            docs[n] = doc
            if all_kept and self.remember:
                self._made[(article.key, path)] = doc


def search_state(config: Config, output: Path | None = None) -> Path:
    """Where the search index keeps what it needs to update itself: one file per output folder
    (the preview builds another site into its own folder), in the cache, safe to delete."""
    folder = hashlib.sha256(str(output or config.output_path).encode()).hexdigest()[:12]
    return config.cache_path / f"search-{folder}.sqlite"


def prune_search_states(config: Config, outputs: Iterable[str]) -> None:
    """Remove the search index's states (`search_state`) of output folders that are gone, or that no build since the
    cache was made afresh has written: each weighs tens of megabytes at 10,000 articles, and every `-o DIR` left one
    for good. `outputs`: the folders the cache knows builds of."""
    kept = {search_state(config, Path(output)).name for output in outputs if (Path(output) / MANIFEST).is_file()}
    for path in config.cache_path.glob("search-*.sqlite*"):
        if path.name.split("-wal")[0].split("-shm")[0].split("-journal")[0] not in kept:
            path.unlink(missing_ok=True)


def search_pages(config: Config, theme: Theme, urls: Urls) -> list[Page]:
    """The search page, when search is on and the theme has a `search.html`; on a bilingual site one more for each other
    language, in that language (the header's search box leads there), searching the same index."""
    if not theme.searching(config.search.enabled):
        return []
    index = urls.search()
    others = [code for code in config.language_codes if code != config.lang] if config.multilingual else []
    return [Page(index, "search", "search.html", config.lang, None, {"index": index}, ())] + [
        Page(urls.lang_search(code), "search", "search.html", code, None, {"index": index}, ()) for code in others
    ]
