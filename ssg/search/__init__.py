"""Client-side search: per-article terms (cached by the build) and the sharded index files.

The browser queries the index with lunr.js, so lunr's query syntax works, but it never downloads
the whole index: terms are split into shards by their sorted order, and a query loads only the
shards that hold its terms (see `writer` for the file layout and search.js for the client).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .analysis import SUPPORTED_LANGUAGES, analyze

# Part of the build cache's stamp: bump it whenever article_terms would return something else.
TERMS_VERSION = "1"
FIELDS = ("title", "tags", "body")


@dataclass(frozen=True)
class SearchConfig:
    """site.yaml `search:`."""

    enabled: bool = True
    fields: tuple[str, ...] = FIELDS  # which of title, tags, body are indexed
    path: str = "search/"  # site path of the search page and of the index folder
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES  # stop words and stemmers to apply


@dataclass(frozen=True)
class SearchDoc:
    """One article as the index sees it."""

    ref: str  # stable id (the article's site path)
    path: str  # site path of the article page, e.g. "2021/05/24/slug/"
    title: str
    date: str  # ISO 8601 with offset
    lang: str
    lead: str
    tags: tuple[str, ...]
    terms: dict  # what article_terms returned


def article_terms(lang: str, title: str, tags: Sequence[str], body_text: str, config: SearchConfig) -> dict:
    """Tokenized, stemmed terms per indexed field, with counts and lunr's field lengths.

    This is the expensive, per-article part (run in worker processes and cached as JSON), so the
    global `write_index` has only counting and writing left. Every article goes through the same
    bilingual pipeline whatever its `lang`: each stemmer only touches its own alphabet, so the
    article's English names and quotes are stemmed as English, its Russian words as Russian.
    """
    del lang  # the alphabet of each word decides its stemmer (see analysis)
    texts = {"title": title, "tags": " ".join(tags), "body": body_text}
    fields = {}
    for name in config.fields:
        terms, counts, length = analyze(texts[name], tuple(config.languages))
        fields[name] = {"terms": " ".join(terms), "tf": counts, "length": length}
    return {"version": TERMS_VERSION, "languages": list(config.languages), "fields": fields}


def write_index(docs: Iterable[SearchDoc], config: SearchConfig) -> Iterator[tuple[str, bytes]]:
    """Every file of the index, as (path relative to the site root, bytes); same docs, same bytes."""
    from .writer import index_files

    return index_files(docs, config)


__all__ = ["FIELDS", "TERMS_VERSION", "SearchConfig", "SearchDoc", "article_terms", "write_index"]
