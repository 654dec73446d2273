"""sitemap.xml and robots.txt: every article and listing page for search engines.

The sitemap protocol allows 50,000 URLs per file; a larger site gets `sitemap.xml` as a sitemap
index over `sitemap-1.xml`, `sitemap-2.xml`, ... (https://www.sitemaps.org/protocol.html).
Pages that ask not to be indexed (404, search, drafts) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from xml.etree import ElementTree

from .metadata import alternates
from .pages import Page
from .urls import Urls

MAX_URLS = 50_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
INDEXED_KINDS = frozenset({"article", "home", "tag", "year", "month", "day", "tags", "archive"})


def sitemap_files(
    pages: Iterable[Page], urls: Urls, limit: int | None = None, languages: tuple[str, ...] = ()
) -> Iterator[tuple[str, bytes]]:
    """(path, XML) of `sitemap.xml`, and of its parts when there are more than `limit` (MAX_URLS) URLs.

    Translated articles list their language versions as `xhtml:link` alternates.
    """
    limit = limit or MAX_URLS
    entries = list(_entries(pages, urls, languages))
    if len(entries) <= limit:
        yield urls.sitemap(), _document("urlset", "url", entries)
        return
    parts = [entries[start : start + limit] for start in range(0, len(entries), limit)]
    index = []
    for number, part in enumerate(parts, start=1):
        yield urls.sitemap_part(number), _document("urlset", "url", part)
        index.append((urls.absolute(urls.sitemap_part(number)), _newest(m for _, m, _ in part), ()))
    yield urls.sitemap(), _document("sitemapindex", "sitemap", index)


def robots_txt(urls: Urls) -> bytes:
    """Allow everything and name the sitemap. A site's own static/robots.txt replaces this one."""
    return f"# Written by ssg; put a robots.txt in static/ to use your own.\nUser-agent: *\nAllow: /\n\nSitemap: {urls.absolute(urls.sitemap())}\n".encode()


def _entries(pages: Iterable[Page], urls: Urls, languages: tuple[str, ...]) -> Iterator[tuple[str, datetime | None, tuple]]:
    pages = [p for p in pages if p.kind in INDEXED_KINDS and not _is_draft(p)]
    newest = _newest(lastmod(p, None) for p in pages)
    for page in pages:
        yield urls.absolute(page.path), lastmod(page, newest), alternates(page, urls, languages)


def lastmod(page: Page, newest: datetime | None) -> datetime | None:
    """When what the page shows last changed: its article's, or its newest article's, date."""
    if "article" in page.context:
        article = page.context["article"]
        return article.modified
    shown = page.context.get("articles")
    if shown:
        return max(a.modified for a in shown)
    return newest  # indexes of tags and dates change with the newest article


def _is_draft(page: Page) -> bool:
    return page.kind == "article" and page.context["article"].draft


def _newest(dates: Iterable[datetime | None]) -> datetime | None:
    return max((d for d in dates if d is not None), default=None)


def _document(root_name: str, item_name: str, items: Sequence[tuple[str, datetime | None, tuple]]) -> bytes:
    attributes = {"xmlns": SITEMAP_NS}
    if any(versions for _, _, versions in items):
        attributes["xmlns:xhtml"] = XHTML_NS
    root = ElementTree.Element(root_name, attributes)
    for loc, modified, versions in items:
        item = ElementTree.SubElement(root, item_name)
        ElementTree.SubElement(item, "loc").text = loc
        if modified is not None:
            ElementTree.SubElement(item, "lastmod").text = modified.isoformat(timespec="seconds")
        for hreflang, href in versions:
            ElementTree.SubElement(item, "xhtml:link", rel="alternate", hreflang=hreflang, href=href)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
