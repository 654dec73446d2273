"""The search settings and the per-article record the build hands to the index writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Part of the build cache's stamp: bump it whenever article_terms would return something else.
TERMS_VERSION = "13"  # 4: possessives ("nasa's" -> "nasa", analysis.possessive); 5: the source field; 6: a paste's
# invisible characters (analysis.fold); 7: a word's final ъ (analysis.fold); 8: a byte-order mark inside a text
# (analysis.INVISIBLE); 9: dashes part words (analysis.DASHES); 10: Snowball's Russian stop words (год, время, мира indexed);
# 11: accented Latin letters are word characters (analysis.trim), French elision (analysis.elision);
# 12: every script's letters are word characters, Han and kana as pairs (analysis.cjk_parts), ς is σ (analysis.fold);
# 13: an emoji's selector, a mark on no letter, a superscript digit and a Russian stress mark are no part of a word;
# letters by the regex module's Unicode (analysis._category)
FIELDS = ("title", "tags", "source", "body")  # source: the outlet's name (`source: {name: ТАСС}`)
SUPPORTED_LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class SearchConfig:
    """site.yaml `search:`."""

    enabled: bool = True
    fields: tuple[str, ...] = FIELDS  # which of title, tags, source, body are indexed
    path: str = "search/"  # site path of the search page and of the index folder
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES  # stop words and stemmers to apply
    language_filter: bool = False  # a bilingual site: write langs.js so readers can filter by language


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
    terms: dict | None  # what article_terms returned; None: read from a `TermsCache` by `key`, if needed at all
    key: str = ""  # with terms=None: changes whenever the terms or anything above but ref, path and tags do (the article's key)
    source: str = ""  # the outlet's name, which a hit shows (with terms=None, the key changes with it)
    source_page: str = ""  # the outlet's page (site path), which the hit's outlet links; "" where there is none


@dataclass(frozen=True)
class TermsCache:
    """Where the index writer reads the terms of SearchDocs made without them. An update after
    one edit needs the terms of only a few documents: reading all 10,000 would cost most of it."""

    stamp: str  # what the cached terms were made with: a document's key says nothing once it changes
    read: Callable[[list[str]], dict[str, dict]]  # keys -> {key: what article_terms returned}
