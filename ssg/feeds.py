"""Atom feeds, made with feedgen: the whole site, one per language and one per tag.

Every URL in a feed is absolute (feed readers have no page to resolve against). An entry's image
travels three ways, because readers differ in what they show: an `enclosure` link, a Media RSS
`media:content` with `media:credit` and `media:copyright`, and (with full content) a `<figure>`
with the credit at the top of the text.

feedgen 1.0 writes an entry's `<link>` without its `rel`, `type` and `title` (a shadowed variable
in `FeedEntry.atom_entry`), which would turn the source and image links into alternates; so only
the article link (an alternate, the default) goes through feedgen, the others through `_Entry`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from babel import Locale
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .config import Config
from .content import Article, Image
from .site import Site, Tag
from .urls import Urls

GENERATOR = "ssg"
MEDIA_NS = "http://search.yahoo.com/mrss/"
IMAGE_TYPES = {"png": "image/png", "gif": "image/gif", "webp": "image/webp", "svg": "image/svg+xml", "avif": "image/avif"}


@dataclass(frozen=True)
class Feed:
    """One feed: where it is written, its title (also used for its `<link>` in page heads)."""

    path: str
    title: str
    page: str  # the HTML page showing the same articles (the feed's rel="alternate")
    lang: str | None  # set on language feeds only


@dataclass(frozen=True)
class EntryText:
    """How the build supplies what feeds show of an article beyond its metadata."""

    body: Callable[[Article], str]  # rendered body, every link absolute
    credit: Callable[[Article], str]  # "Image source: …" in the article's language


def feed_languages(site: Site, config: Config) -> tuple[str, ...]:
    """Languages that get a feed: every article's, and the site's own (so its feed always exists)."""
    return tuple(sorted(site.by_lang.keys() | {config.lang}))


def site_feed(config: Config, urls: Urls) -> Feed:
    return Feed(urls.feed(), config.title, urls.home(), None)


def lang_feed(config: Config, urls: Urls, lang: str) -> Feed:
    locale = Locale.parse(lang.replace("-", "_"))
    name = locale.get_display_name(locale) or lang
    return Feed(urls.lang_feed(lang), f"{config.title} ({name})", urls.home(), lang)


def tag_feed(config: Config, urls: Urls, tag: Tag) -> Feed:
    return Feed(urls.tag_feed(tag.slug), f"{config.title}: {tag.name}", urls.tag(tag.slug), None)


def head_feeds(config: Config, urls: Urls, languages: Sequence[str]) -> tuple[Feed, ...]:
    """The feeds every page links from its head: the site's, and each language's when there are several.

    A tag page adds its tag's feed.
    """
    feeds = [site_feed(config, urls)]
    if len(languages) > 1:
        feeds += [lang_feed(config, urls, lang) for lang in languages]
    return tuple(feeds)


def all_feeds(config: Config, urls: Urls, site: Site, text: EntryText) -> Iterator[tuple[str, bytes]]:
    """(path, Atom document) for the site feed, every language feed and every tag feed."""
    for feed, articles in feed_sources(config, urls, site):
        yield feed.path, atom_feed(config, urls, feed, articles, site, text)


def feed_sources(config: Config, urls: Urls, site: Site) -> Iterator[tuple[Feed, Sequence[Article]]]:
    """Every feed and the articles it draws from, newest first (the build fingerprints these to skip unchanged feeds)."""
    yield site_feed(config, urls), site.listed
    for lang in feed_languages(site, config):
        yield lang_feed(config, urls, lang), site.by_lang.get(lang, ())
    for tag in site.tags:
        yield tag_feed(config, urls, tag), site.tag_articles[tag.key]


def atom_feed(config: Config, urls: Urls, feed: Feed, articles: Sequence[Article], site: Site, text: EntryText) -> bytes:
    """The newest `feeds.entries` of `articles` (newest first) as an Atom document."""
    entries = list(articles[: config.feeds["entries"]])
    fg = FeedGenerator()
    fg.register_extension("ssg", _Feed, _Entry, atom=True, rss=False)
    fg.id(urls.absolute(feed.path))
    fg.title(feed.title)
    fg.link(href=urls.absolute(feed.page), rel="alternate", type="text/html")
    fg.link(href=urls.absolute(feed.path), rel="self", type="application/atom+xml")
    fg.author({"name": config.publisher.get("name") or config.title, **_uri(config.publisher.get("url"))})
    fg.language(feed.lang or config.lang)
    fg.generator(GENERATOR)
    if config.description:
        fg.subtitle(config.description)
    # No entries: a fixed date, so that an empty feed is the same in every build.
    fg.updated(max((a.updated or a.date for a in entries), default="1970-01-01T00:00:00+00:00"))
    for article in reversed(entries):  # feedgen prepends entries: add the oldest first
        entry = fg.add_entry(order="prepend")
        _entry(entry, article, urls, site.tags_of(article), text if config.feeds["full_content"] else None)
    return fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _entry(entry, article: Article, urls: Urls, tags: Sequence[Tag], text: EntryText | None) -> None:
    link = urls.absolute(urls.article(article))
    entry.id(urls.entry_id(article))
    entry.title(article.title)
    entry.link(href=link)  # rel="alternate" by default; see the module's docstring
    entry.published(article.date)
    entry.updated(article.updated or article.date)
    if article.summary:
        entry.summary(article.summary)
    for tag in tags:
        entry.category(term=tag.name, label=tag.name, scheme=urls.absolute(urls.tags()))
    if article.source:
        entry.author({"name": article.source.name, **_uri(article.source.url)})
        if article.source.url:
            entry.ssg.link(href=article.source.url, rel="via")
    if article.rights:
        entry.rights(article.rights)
    image = article.image
    if image:
        src = image_url(image, urls)
        entry.ssg.link(href=src, rel="enclosure", type=image_type(src), title=image.credit or image.alt or "")
        entry.ssg.image(src, image_type(src), image.credit, article.rights, image.alt or image.caption)
    if text is not None:
        figure = _figure(image, urls, text.credit(article)) if image else ""
        entry.content(figure + text.body(article), type="html")


def image_url(image: Image, urls: Urls) -> str:
    return urls.absolute(urls.content_file(image.src)) if image.is_local else image.src


def image_type(src: str) -> str:
    return IMAGE_TYPES.get(src.rsplit(".", 1)[-1].lower(), "image/jpeg")


def _figure(image: Image, urls: Urls, credit: str) -> str:
    caption = " ".join(html.escape(part) for part in (image.caption, credit if image.credit else None) if part)
    alt = html.escape(image.alt or image.caption or "", quote=True)
    img = f'<img src="{html.escape(image_url(image, urls), quote=True)}" alt="{alt}">'
    return f"<figure>{img}<figcaption>{caption}</figcaption></figure>" if caption else f"<figure>{img}</figure>"


def _uri(url: str | None) -> dict[str, str]:
    return {"uri": url} if url else {}


class _Feed(BaseExtension):
    """Declares the Media RSS namespace (feedgen's own media extension has no credit)."""

    def extend_ns(self) -> dict[str, str]:
        return {"media": MEDIA_NS}


class _Entry(BaseEntryExtension):
    """An entry's links with their attributes, and `<media:content medium="image">` with credit and rights."""

    def __init__(self) -> None:
        self._links: list[dict[str, str]] = []
        self._image: tuple[str, str, str | None, str | None, str | None] | None = None

    def link(self, **attributes: str) -> None:
        self._links.append({k: v for k, v in attributes.items() if v})

    def image(self, url: str, mime: str, credit: str | None, rights: str | None, description: str | None) -> None:
        self._image = (url, mime, credit, rights, description)

    def extend_atom(self, entry):
        for attributes in self._links:
            xml_elem("link", entry, **attributes)
        if self._image is not None:
            url, mime, credit, rights, description = self._image
            content = xml_elem(f"{{{MEDIA_NS}}}content", entry, url=url, type=mime, medium="image")
            for name, value in (("credit", credit), ("copyright", rights), ("description", description)):
                if value:
                    xml_elem(f"{{{MEDIA_NS}}}{name}", content).text = value
        return entry
