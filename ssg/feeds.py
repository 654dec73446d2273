"""Atom feeds, made with feedgen: the whole site and one per tag."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from feedgen.feed import FeedGenerator

from .config import Config
from .content import Article
from .site import Tag
from .urls import Urls

GENERATOR = "ssg"


def atom_feed(
    config: Config,
    urls: Urls,
    feed_path: str,
    page_path: str,
    title: str,
    articles: Sequence[Article],
    tags_of: Callable[[Article], list[Tag]],
    body_of: Callable[[Article], str],
) -> bytes:
    """The newest `feeds.entries` of `articles` as an Atom document (absolute links only)."""
    entries = list(articles[: config.feeds["entries"]])
    fg = FeedGenerator()
    fg.id(urls.absolute(feed_path))
    fg.title(title)
    fg.link(href=urls.absolute(page_path), rel="alternate", type="text/html")
    fg.link(href=urls.absolute(feed_path), rel="self", type="application/atom+xml")
    fg.author(
        {"name": config.publisher.get("name") or config.title, **({"uri": config.publisher["url"]} if config.publisher.get("url") else {})}
    )
    fg.language(config.lang)
    fg.generator(GENERATOR)
    if config.description:
        fg.subtitle(config.description)
    if entries:
        fg.updated(max(a.updated or a.date for a in entries))
    else:
        fg.updated("1970-01-01T00:00:00+00:00")
    for article in reversed(entries):  # feedgen prepends entries: add the oldest first
        fg.add_entry(order="prepend")
        _entry(fg.entry()[0], article, urls, tags_of(article), body_of(article) if config.feeds["full_content"] else None)
    return fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _entry(entry, article: Article, urls: Urls, tags: list[Tag], body: str | None) -> None:
    link = urls.absolute(urls.article(article))
    entry.id(link)
    entry.title(article.title)
    entry.link(href=link, rel="alternate", type="text/html")
    entry.published(article.date)
    entry.updated(article.updated or article.date)
    if article.summary:
        entry.summary(article.summary)
    if body is not None:
        entry.content(body, type="html")
    for tag in tags:
        entry.category(term=tag.slug, label=tag.name, scheme=urls.absolute(urls.tags()))
    if article.source:
        entry.author({"name": article.source.name, **({"uri": article.source.url} if article.source.url else {})})
        if article.source.url:
            entry.link(href=article.source.url, rel="via")
    if article.image:
        src = urls.absolute(article.image.src) if article.image.is_local else article.image.src
        entry.link(href=src, rel="enclosure", type=_image_type(src), title=article.image.credit or article.image.alt or "")
    if article.rights:
        entry.rights(article.rights)


def _image_type(src: str) -> str:
    ext = src.rsplit(".", 1)[-1].lower()
    return {"png": "image/png", "gif": "image/gif", "webp": "image/webp", "svg": "image/svg+xml", "avif": "image/avif"}.get(
        ext, "image/jpeg"
    )
