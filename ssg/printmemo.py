"""Page fingerprints kept from one `ssg build` process for the next: each page's fingerprint by what it was made from.

A page's fingerprint (`fingerprints.Fingerprints.page`) is a hash of what the whole build shares (the base, the page's
template, the latest list, the tags' counts, where the articles' links lead) and of what the page alone shows: its
`deps` and, for a listing, its articles' tags and outlets. The shared part is one comparison a build; the page's own
part is held here as a *signature* of plain values (strings and tuples: marshal stores them, and a list of them
compares in C), from which its fingerprint follows given the shared part:

- an article's page: its deps, with its tags as the site's `tags_shown` (what their text names: `Tag.__repr__`);
- a listing's page: its articles' cards (`pages.card`: their keys) and the text of the rest of its deps.

Two tables of the site complete what a page shows of its articles (an article's key gives its tag and outlet names,
these give what those names show): every tag as pages show it, and every outlet name's. Both are in the shared part.

So the memo is a cache of a pure function, keyed by all of its inputs: one left by another build, by an older state
of the content or by another process's build into the same folder never gives a wrong fingerprint, only none. At
10,000 articles a build in a new process hashed 17,000 pages for 0.3 s to find the 8 that one edit changed; with the
memo, it hashes those 8 (every other page's signature is the same as the memo's, compared in C).

Stored in the build cache (`cache.Store.prints`) behind a checksum; one that fails it, does not unpack or is of
another shape is no memo (`PrintMemo.loads`), and the cache's stamp (ssg's version, marshal's) starts it afresh.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Sequence
from typing import NamedTuple

FORMAT = "1"  # the shape of `PrintMemo`: another value makes a memo stored by an older ssg none
LISTING_KINDS = frozenset({"home", "tag", "source", "year", "month", "day"})  # pages `pages.listing` makes


class Shared(NamedTuple):
    """What every page's fingerprint takes besides its signature, as plain values."""

    base: str  # the build-wide part (`build._plan_pages`), hashed
    templates: dict[str, tuple[str, tuple[str, ...]]]  # each template's fingerprint and the names it reads
    latest: dict[str, str]  # each language's latest list, hashed
    counts: list[tuple[str, int]]  # each tag's and outlet's count
    tags: list[tuple]  # every tag as pages show it (`Tag.shown`)
    outlets: dict[str, tuple]  # each `source:` name -> its outlet as pages show it (`Outlet.shown`)


class PrintMemo(NamedTuple):
    """The shared part of one build's fingerprints, and each page's signature and fingerprint by its path."""

    shared: Shared
    pages: dict[str, tuple[bytes, str]]  # page path -> (its signature's digest, its fingerprint)

    def dumps(self) -> bytes:
        """The memo as stored: a checksum, then marshal's bytes."""
        data = marshal.dumps((FORMAT, tuple(self.shared), self.pages))
        return hashlib.sha256(data).digest() + data

    @classmethod
    def loads(cls, stored: bytes | None) -> PrintMemo | None:
        """The memo `dumps` stored; None for none, a damaged one (its checksum), one of another shape or format."""
        if not stored or len(stored) < 32 or hashlib.sha256(stored[32:]).digest() != stored[:32]:
            return None
        try:
            form, shared, pages = marshal.loads(stored[32:])
            shared = Shared(*shared)
        except (ValueError, TypeError, EOFError, MemoryError):
            return None
        if form != FORMAT or not isinstance(pages, dict) or not all(isinstance(part, (str, dict, list)) for part in shared):
            return None
        return cls(shared, pages)


def signatures(pages: Sequence, article_tags: dict[str, tuple], tags_shown: dict[str, tuple], rest_text, links_text) -> list:
    """Each page's signature's digest (see the module's docstring); None for a page of another kind or shape, which is
    fingerprinted every build. `rest_text`: `Fingerprints._rest_text`, the text of a listing's deps but its cards;
    `links_text`: `Fingerprints._links_text`, where an article's links lead.

    A digest, not the signature: the memo of 17,000 pages held as values was 8.8 MB stored and 35 MB more at the build's
    peak. Marshal's version 2 writes equal values as equal bytes (later versions mark objects referred to twice)."""
    found: list = []
    append = found.append
    for page in pages:
        deps, kind = page.deps, page.kind
        if kind == "article":
            article = page.context["article"]
            tags = article_tags.get(article.source_path)
            if tags is not None and type(deps) is tuple and len(deps) == 6 and deps[3] is tags:
                signature = (deps[0], deps[1], deps[2], tags_shown[article.source_path], deps[4], deps[5], links_text(article))
                append(_digest(signature))
                continue
        elif kind in LISTING_KINDS and type(deps) is tuple and len(deps) == 4:
            cards = deps[0]
            if type(cards) is tuple and cards and type(cards[0]) is tuple and len(cards) == len(page.context.get("articles", ())):
                append(_digest((cards, rest_text(deps))))
                continue
        append(None)
    return found


def _digest(signature: tuple) -> bytes | None:
    """The signature's digest; None for one holding a value marshal does not store (a str subclass: not in a page
    that `pages` plans, but then the page is fingerprinted every build rather than the build failing)."""
    try:
        return hashlib.blake2b(marshal.dumps(signature, 2), digest_size=16).digest()
    except ValueError:
        return None
