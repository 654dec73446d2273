"""Atom documents of the feeds (`feeds` says which there are), made with feedgen.

An entry's image travels three ways, because readers differ in what they show: an `enclosure`
link, a Media RSS `media:content` with `media:credit` (no `media:copyright`: the article's rights need not be the
image's, a NASA photo in a TASS article, as the JSON-LD's `ImageObject` has none either), and (with full
content) a `<figure>` with the credit at the top of the text.

feedgen 1.0 writes an entry's `<link>` without its `rel`, `type` and `title` (a shadowed variable
in `FeedEntry.atom_entry`), which would turn the source and image links into alternates; so only
the article link (an alternate, the default) goes through feedgen, the others through `_Entry`.

An entry's categories keep one `term` in every feed (`Tag.name`, so a reader that groups by term
finds both languages' entries together) and are labelled in the entry's own language: a reader
shows the labels beside the entry's title and text, so a Russian entry reads "Луна" even in the
site feed and the tag feeds, which mix languages. (The site's listings label tags in the page's
language instead, because there they are part of an English or Russian page; a feed reader puts
each entry in an interface of its own.)

A module of its own so that the build imports feedgen (and lxml with it) only when it writes
feeds, after the pages: the render helper forked before that would otherwise count those
libraries' memory a second time.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Sequence
from urllib.parse import urlsplit

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .config import Config
from .content import Article, Image
from .feeds import EntryText, Feed, image_url
from .markdown import inline_text
from .site import Site, Tag
from .urls import Urls

GENERATOR = "ssg"
MEDIA_NS = "http://search.yahoo.com/mrss/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "svg": "image/svg+xml",
    "avif": "image/avif",
}


def atom_feed(
    config: Config, urls: Urls, feed: Feed, articles: Sequence[Article], site: Site, text: EntryText, favicon: str | None = None
) -> bytes:
    """The newest `feeds.entries` of `articles` (newest first) as an Atom document. Its `<logo>` is the publisher's logo,
    its `<icon>` (small and square, as readers show it beside the feed's title) `favicon`, the site's own (a site path:
    `render.branding`), else that logo."""
    entries = list(articles[: config.feeds["entries"]])
    fg = FeedGenerator()
    fg.register_extension("ssg", _Feed, _Entry, atom=True, rss=False)
    fg.id(urls.feed_id(feed.path))
    fg.title(feed.title)
    fg.link(href=urls.absolute(feed.page), rel="alternate", type="text/html")
    fg.link(href=urls.absolute(feed.path), rel="self", type="application/atom+xml")
    lang = feed.lang or config.lang
    fg.author({"name": config.publisher_name(lang), **_uri(config.publisher.get("url"))})
    fg.language(lang)
    fg.generator(GENERATOR)
    if feed.subtitle:
        fg.subtitle(feed.subtitle)
    logo = config.publisher.get("logo")
    logo = urls.absolute(logo.lstrip("/")) if logo and "://" not in logo else logo
    if favicon or logo:
        fg.icon(urls.absolute(favicon) if favicon else logo)
    if logo:
        fg.logo(logo)
    # No entries: a fixed date, so that an empty feed is the same in every build.
    fg.updated(max((a.modified for a in entries), default="1970-01-01T00:00:00+00:00"))
    for article in reversed(entries):  # feedgen prepends entries: add the oldest first
        entry = fg.add_entry(order="prepend")
        _entry(entry, article, urls, site.tags_of(article), text if config.feeds["full_content"] else None)
        if article.lang != lang:  # the site and tag feeds mix languages
            entry.ssg.lang = article.lang
    return fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _entry(entry, article: Article, urls: Urls, tags: Sequence[Tag], text: EntryText | None) -> None:
    link = urls.absolute(urls.article(article))
    entry.id(urls.entry_id(article))
    entry.title(article.title)
    entry.link(href=link)  # rel="alternate" by default; see the module's docstring
    entry.published(article.date)
    entry.updated(article.modified)
    if article.summary:
        entry.summary(article.summary)
    if tags:  # (all in one call: feedgen remakes its list on each, and 200 tags an entry took a feed 9 ms; see the module's docstring)
        scheme = urls.absolute(urls.tags())
        entry.category([{"term": tag.name, "label": tag.label(article.lang), "scheme": scheme} for tag in tags])
    if article.source:
        entry.author({"name": article.source.name, **_uri(article.source.url)})
        if article.source.url:
            entry.ssg.link(href=article.source.url, rel="via")
    rights = inline_text(article.rights)  # (its Markdown as the page shows it, in plain text)
    if rights:
        entry.rights(rights)
    image = article.image
    if image:
        src = image_url(image, urls)
        mime = image_type(src)
        entry.ssg.link(href=src, rel="enclosure", type=mime or "", title=inline_text(image.credit) or image.alt or "")
        entry.ssg.image(src, mime, inline_text(image.credit), image.alt or inline_text(image.caption))
    if text is not None:
        figure = _figure(image, urls, text.credit(article), text.caption(article), article.title) if image else ""
        entry.content(figure + text.body(article), type="html")


def image_type(src: str) -> str | None:
    """An image's media type, by the suffix of its URL's path (`a.webp?w=2` is a WebP, which was said to be a JPEG);
    None where that does not tell (`photo?id=5`): a feed then says no type, rather than a wrong one."""
    suffix = posixpath.splitext(urlsplit(src).path)[1]
    return IMAGE_TYPES.get(suffix[1:].lower())


def _figure(image: Image, urls: Urls, credit: str, caption: str, title: str) -> str:
    """The lead image as the article page shows it: its alt text, else its caption's text, else the article's title;
    the credit on a line of its own, as the page's style sets it apart (a reader showed "Launch pad Image source: …")."""
    caption = "<br>".join(part for part in (caption, html.escape(credit) if image.credit else "") if part)
    alt = html.escape(image.alt or inline_text(image.caption) or title, quote=True)
    img = f'<img src="{html.escape(image_url(image, urls), quote=True)}" alt="{alt}">'
    return f"<figure>{img}<figcaption>{caption}</figcaption></figure>" if caption else f"<figure>{img}</figure>"


def _uri(url: str | None) -> dict[str, str]:
    return {"uri": url} if url else {}


class _Feed(BaseExtension):
    """Declares the Media RSS namespace (feedgen's own media extension has no credit)."""

    def extend_ns(self) -> dict[str, str]:
        return {"media": MEDIA_NS}


class _Entry(BaseEntryExtension):
    """An entry's links with their attributes, `<media:content medium="image">` with credit and rights, and its
    xml:lang where it is not the feed's."""

    def __init__(self) -> None:
        self._links: list[dict[str, str]] = []
        self._image: tuple[str, str, str | None, str | None] | None = None
        self.lang: str | None = None  # set where it is not the feed's

    def link(self, **attributes: str) -> None:
        self._links.append({k: v for k, v in attributes.items() if v})

    def image(self, url: str, mime: str | None, credit: str | None, description: str | None) -> None:
        self._image = (url, mime, credit, description)

    def extend_atom(self, entry):
        if self.lang:
            entry.set(XML_LANG, self.lang)
        for attributes in self._links:
            xml_elem("link", entry, **attributes)
        if self._image is not None:
            url, mime, credit, description = self._image
            content = xml_elem(f"{{{MEDIA_NS}}}content", entry, url=url, **({"type": mime} if mime else {}), medium="image")
            for name, value in (("credit", credit), ("description", description)):
                if value:
                    xml_elem(f"{{{MEDIA_NS}}}{name}", content).text = value
        return entry
