"""sitemap.xml and robots.txt: every article, standalone page and listing page for search engines.

The sitemap protocol allows 50,000 URLs per file; a larger site gets `sitemap.xml` as a sitemap
index over `sitemap-1.xml`, `sitemap-2.xml`, ... (https://www.sitemaps.org/protocol.html).
Pages that ask not to be indexed (404, search, drafts) are left out.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from functools import partial
from itertools import compress, repeat
from operator import and_, attrgetter, eq, is_, is_not, not_
from typing import NamedTuple
from xml.etree import ElementTree

from .metadata import alternates
from .pages import Page
from .urls import Urls

MAX_URLS = 50_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_INDENT = "  "
_INDEXED = attrgetter("indexed")
_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>"
# Standalone pages (About): dated by their own `updated:` alone (none without it, not the newest article's), which dates
# no index page either.
OWN_DATE_KINDS = frozenset({"page"})


def sitemap_files(
    pages: Iterable[Page], urls: Urls, limit: int | None = None, languages: tuple[str, ...] = (), entries: Entries | None = None
) -> Iterator[tuple[str, bytes]]:
    """(path, XML) of `sitemap.xml`, and of its parts when there are more than `limit` (MAX_URLS) URLs.

    Translated articles list their language versions as `xhtml:link` alternates. `entries`: each page's
    entry as the last sitemap of the same `Builder` made it (`Entries`).
    """
    limit = limit or MAX_URLS
    entries = entries or Entries(urls, languages, keep=False)
    items = entries.of(pages)
    if len(items) <= limit:
        yield urls.sitemap(), _document("urlset", items)
        return
    parts = [items[start : start + limit] for start in range(0, len(items), limit)]
    index = []
    for number, part in enumerate(parts, start=1):
        yield urls.sitemap_part(number), _document("urlset", part)
        index.append((urls.absolute(urls.sitemap_part(number)), _newest(e.shown for e in part), ()))
    yield urls.sitemap(), _document("sitemapindex", [Entry(text, None, False) for text in _items("sitemap", index)])


class Entry(NamedTuple):
    """One page's element in the sitemap."""

    text: str  # the element, indented as it stands in the document (`_items`)
    shown: datetime | None  # its lastmod
    versions: bool  # whether it lists language versions (the document then declares the xhtml namespace)


class Entries:
    """Each page's `<url>` entry, as text, with its date.

    A long-lived `Builder` keeps the last sitemap's: when the list of pages changes (a tag added,
    a date moved, an article added), the pages the plan took over unchanged (the same `Page`
    object: the same articles under the same config) keep their entries, and only the others
    are made again. An entry is a function of its page, the URL map, the languages and, for a
    page without articles (the tag list, the archive), the newest date of all (not a standalone page's: `OWN_DATE_KINDS`).
    """

    def __init__(self, urls: Urls, languages: tuple[str, ...], previous: Entries | None = None, keep: bool = True):
        """`keep=False`: a one-shot build, which keeps nothing for a next sitemap."""
        self.urls = urls
        self.languages = languages
        same = previous is not None and previous.urls is urls and previous.languages == languages
        self._before: dict[int, _Made] = previous._made if same else {}
        # id(page) -> what was made of it (the page held there: no other object takes its id while it is kept)
        self._made: dict[int, _Made] = {}
        self._keep = keep

    def pages_made(self) -> int:
        """How many pages it holds what it made of (all that its last `of` was given, unless `keep=False`).

        (Not `__len__`: an `Entries` that made nothing yet is still one to fill, not a false one.)"""
        return len(self._made)

    def of(self, pages: Iterable[Page]) -> list[Entry]:
        """The entry of every page the sitemap lists (`listed`), in order.

        On every save that changes the list of pages (16,500 at 10,000 articles), so in C where it can be: a page taken
        over (the same object) keeps all that was made of it, found by its identity without a look at the page (each
        look at 16,500 pages took 3-8 ms); its entry too, unless it shows the newest date of all (having no date of its
        own) and that moved."""
        pages = list(pages)
        made = list(map(self._before.get, map(id, pages), repeat(_UNMADE)))
        kept = list(map(is_, pages, map(_PAGE, made)))
        for n in compress(range(len(pages)), map(not_, kept)):
            made[n] = _Made.of(pages[n])
        if self._keep:
            self._made = dict(zip(map(id, pages), made, strict=True))
        self._before = {}
        shown = list(map(_LISTED, made))
        made, kept = list(compress(made, shown)), list(compress(kept, shown))
        newest, undated = _newest_own(made)
        fresh = list(compress(range(len(made)), map(not_, map(_ENTRY, made))))  # (a page not kept has no entry yet)
        fresh += [n for n in undated if kept[n] and not _same_lastmod(made[n].entry.shown, newest)]
        versions = {n: alternates(made[n].page, self.urls, self.languages) for n in fresh}
        rows = [(self.urls.absolute(made[n].page.path), made[n].shows(newest), versions[n]) for n in fresh]
        entries = list(map(_ENTRY, made))
        for n, (_, date, alternate), text in zip(fresh, rows, _items("url", rows), strict=True):
            entries[n] = made[n].entry = Entry(text, date, bool(alternate))  # (kept for the next sitemap: its page's own)
        return entries


class _Made:
    """What `Entries` made of one page: whether the sitemap lists it, and its date and entry."""

    __slots__ = ("page", "listed", "dating", "own", "instant", "entry")

    def __init__(self, page: Page | None, listed: bool, dating: bool, own: datetime | None, entry: Entry | None = None):
        self.page = page
        self.listed = listed
        self.dating = dating  # its own date counts for the newest of all (not a standalone page's: `OWN_DATE_KINDS`)
        self.own = own  # its own date (`lastmod`)
        self.instant = own.timestamp() if own is not None and dating else None  # (compared in C: see `_newest_own`)
        self.entry = entry  # made once the newest date is known

    def shows(self, newest: datetime | None) -> datetime | None:
        """Its lastmod: its own date; else, unless it is a standalone page, the newest of all."""
        return self.own if self.own is not None or not self.dating else newest

    @classmethod
    def of(cls, page: Page) -> _Made:
        if not page.indexed:
            return cls(page, False, False, None)
        return cls(page, True, page.kind not in OWN_DATE_KINDS, lastmod(page, None))


_UNMADE = _Made(None, False, False, None)  # (what `Entries` holds of a page it did not make before)
_PAGE, _LISTED, _ENTRY, _INSTANT = attrgetter("page"), attrgetter("listed"), attrgetter("entry"), attrgetter("instant")
_OWN, _DATING = attrgetter("own"), attrgetter("dating")


def _newest_own(made: list[_Made]) -> tuple[datetime | None, list[int]]:
    """The newest of the pages' own dates (of equal instants, the first: another offset prints another lastmod), and
    the pages without a date of their own, which show it; standalone pages neither count nor show it. By each date's
    instant, compared in C (comparing 16,500 aware datetimes took 14 ms)."""
    instants = list(map(_INSTANT, made))
    undated = list(compress(range(len(made)), map(and_, map(is_, map(_OWN, made), repeat(None)), map(_DATING, made))))
    latest = max(filter(partial(is_not, None), instants), default=None)
    if latest is None:
        return None, undated
    return made[list(map(eq, instants, repeat(latest))).index(True)].own, undated


def robots_txt(urls: Urls) -> bytes:
    """Allow everything and name the sitemap. A site's own static/robots.txt replaces this one."""
    return f"# Written by ssg; put a robots.txt in static/ to use your own.\nUser-agent: *\nAllow: /\n\nSitemap: {urls.absolute(urls.sitemap())}\n".encode()


def lastmod(page: Page, newest: datetime | None) -> datetime | None:
    """When what the page shows last changed: its article's, or its newest article's, date; a standalone page's update."""
    if "article" in page.context:
        article = page.context["article"]
        return article.modified
    if "standalone" in page.context:
        return page.context["standalone"].updated
    shown = page.context.get("articles")
    if shown:
        return max(a.modified for a in shown)
    return newest  # indexes of tags and dates change with the newest article


def listed(pages: Iterable[Page]) -> list[Page]:
    """The pages the sitemap lists: not those that ask not to be indexed (404, search, drafts: `Page.indexed`)."""
    pages = list(pages)
    return list(compress(pages, map(_INDEXED, pages)))


def _same_lastmod(a: datetime | None, b: datetime | None) -> bool:
    """Whether two dates print as the same lastmod: equal instants written with other offsets compare equal, but do not."""
    return a is b or (a == b and a is not None and b is not None and a.utcoffset() == b.utcoffset())


def _newest(dates: Iterable[datetime | None]) -> datetime | None:
    return max((d for d in dates if d is not None), default=None)


# An attribute's value as ElementTree escapes it: its text's `&`, `<` and `>` (`html.escape` without quotes; not
# `xml.sax.saxutils.escape`, whose module brings urllib.request, http.client, email and ssl into every process, 20 ms of
# a rebuild's start), then the quote, and the line breaks and tab, which a parser would otherwise normalize.
_ATTRIBUTE_ENTITIES = str.maketrans({'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _attribute(value: str) -> str:
    return html.escape(value, quote=False).translate(_ATTRIBUTE_ENTITIES)


def _items(name: str, rows: Sequence[tuple[str, datetime | None, tuple]]) -> list[str]:
    """The `<url>` (or `<sitemap>`) element of each (loc, lastmod, language versions), indented as it stands in the
    document: as ElementTree wrote them (one tree indented by `ElementTree.indent`), escaped as it escapes text and
    attributes, but written out directly. Its serializer, a Python call per element, was a third of a cold build's
    sitemap phase at 10,000 articles (0.13 of 0.37 s of CPU; tests/test_sitemap.py holds the two to the same text)."""
    return [_item(name, loc, modified, versions) for loc, modified, versions in rows]


def _item(name: str, loc: str, modified: datetime | None, versions: tuple) -> str:
    text = f"<{name}>\n{_INDENT * 2}<loc>{_text(loc)}</loc>"
    if modified is not None:
        text += f"\n{_INDENT * 2}<lastmod>{modified.isoformat(timespec='seconds')}</lastmod>"
    for hreflang, href in versions:
        text += f'\n{_INDENT * 2}<xhtml:link rel="alternate" hreflang="{_attribute(hreflang)}" href="{_attribute(href)}" />'
    return f"{text}\n{_INDENT}</{name}>"


def _document(root_name: str, items: Sequence[Entry]) -> bytes:
    """The XML document of `items`, as ElementTree writes the whole tree indented (the entries are made apart,
    so that a rebuild makes only the changed ones again)."""
    attributes = {"xmlns": SITEMAP_NS} | ({"xmlns:xhtml": XHTML_NS} if any(e.versions for e in items) else {})
    root = ElementTree.tostring(ElementTree.Element(root_name, attributes), encoding="unicode")  # <name ... />
    if not items:
        return f"{_DECLARATION}\n{root}\n".encode()
    between = "\n" + _INDENT
    body = between.join(e.text for e in items)
    return f"{_DECLARATION}\n{root.removesuffix(' />')}>{between}{body}\n</{root_name}>\n".encode()
