"""What a page tells machines about itself: canonical URL, feeds, Open Graph and Twitter tags, JSON-LD.

Built here rather than in templates so the structured data is real JSON (json.dumps, never
hand-written in Jinja) and the same for every theme; `meta.html` only prints it. Every URL is
absolute, as the standards require.

A page speaks its language (an article's own, else the page's): the site's title and description
in it (`Config.title_in`, `description_in`) and its tags' names in it (`Tag.label`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from babel import Locale
from babel.core import get_global
from markupsafe import Markup

from .config import Config
from .content import Article, StandalonePage
from .feeds import NO_NAMES, Feed, head_feeds, image_url, source_feed, tag_feed
from .markdown import inline_text
from .pages import Page
from .site import Site
from .urls import Urls

NO_PREVIEW_KINDS = frozenset({"search"})  # noindex pages: nothing to preview or describe
LISTING_KINDS = frozenset({"home", "tag", "year", "month", "day", "tags", "archive", "source", "sources"})


class MetaTag(NamedTuple):
    """`<meta {attribute}="{key}" content="{value}">`: Open Graph uses `property`, Twitter `name`. (A named tuple: a
    page makes a dozen, and a frozen dataclass's are five times as dear to make.)"""

    attribute: str
    key: str
    value: str


@dataclass(frozen=True)
class PageMeta:
    """Everything `meta.html` prints in a page's head."""

    canonical: str | None
    feeds: tuple[Feed, ...]  # every feed linked from the head
    feed: Feed  # the feed of what the page lists: its tag's on a tag page, else the site's
    tags: tuple[MetaTag, ...]
    json_ld: Markup | None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, absolute URL) of each translation, and x-default


def alternates(page: Page, urls: Urls, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """An article's (or standalone page's) language versions for `hreflang` links and the sitemap, with `x-default`:
    the version in the site's default language, else the first in the order of `languages:`. A bilingual site's home
    pages are versions of one another too, as Hugo links them: each language's (`en/`, `ru/`), and the home of every
    language (`/`) as `x-default`; they told a search engine nothing of that, so a Russian reader found the English home."""
    if page.kind == "home" and len(languages) > 1:
        return _home_alternates(page, urls, languages)
    translations = page.context.get("translations") if page.kind in ("article", "page") else None
    if not translations:
        return ()
    rank = {code: n for n, code in enumerate(languages)}
    versions = sorted([(page.lang, page.path), *((t.lang, t.path) for t in translations)], key=lambda v: (rank.get(v[0], len(rank)), v[0]))
    links = tuple((lang, urls.absolute(path)) for lang, path in versions)
    return (*links, ("x-default", links[0][1]))


def _home_alternates(page: Page, urls: Urls, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The language homes' first pages and the site's: the pages after them list different articles, and link none."""
    homes = tuple((code, urls.lang_home(code)) for code in languages)
    if page.path != urls.home() and page.path not in dict(homes).values():
        return ()
    return (*((code, urls.absolute(path)) for code, path in homes), ("x-default", urls.absolute(urls.home())))


class Metadata:
    """`PageMeta` for every page of one build."""

    def __init__(self, config: Config, urls: Urls, site: Site, languages: tuple[str, ...], names: Mapping[str, str] = NO_NAMES):
        """`names`: the languages' names as an earlier build made them (`feeds.lang_feed`)."""
        self.config = config
        self.urls = urls
        self.site = site
        self.feeds = head_feeds(config, urls, languages, names)  # the same on every page but tag and outlet pages: made once
        self.image = site_image_url(config, urls)  # the picture of pages without a lead image, or None
        self._langs: dict[str, _InLang] = {}  # what every page in a language shows alike (`_in`)
        self._article_urls: dict[str, str] = {}  # an article's absolute URL by its key: each is on about six listings

    def _in(self, lang: str) -> _InLang:
        """What pages in `lang` show alike, made once: the site's names, its publisher, and the tags that say them."""
        found = self._langs.get(lang)
        if found is None:
            config, image = self.config, self.image
            title, description = config.title_in(lang), config.description_in(lang)
            found = self._langs[lang] = _InLang(
                title=title,
                description=description,
                publisher=self._publisher(lang),
                part_of={"@type": "WebSite", "name": title, "url": config.base_url},
                site_name=_og("site_name", title),
                locale=_og("locale", og_locale(lang)),
                description_tag=_og("description", description) if description else None,
                image=(_og("image", image), _tw("image", image)) if image else None,
            )
        return found

    def _article_url(self, article: Article) -> str:
        found = self._article_urls.get(article.key)
        if found is None:
            found = self._article_urls[article.key] = self.urls.absolute(self.urls.article(article))
        return found

    def __call__(self, page: Page) -> PageMeta:
        own_feed = None
        if page.kind == "tag":
            own_feed = tag_feed(self.config, self.urls, page.context["tag"])
        elif page.kind == "source":
            own_feed = source_feed(self.config, self.urls, page.context["outlet"])
        feeds = self.feeds + (own_feed,) if own_feed else self.feeds
        own = feeds[-1] if own_feed else feeds[0]
        if page.kind == "404":  # shown at any URL: it has no canonical one
            return PageMeta(None, feeds, own, (), None)
        if page.kind == "redirect":  # an article's old URL: the article's is the one (`redirects.py`)
            return PageMeta(self.urls.absolute(page.context["target"].path), feeds, own, (), None)
        canonical = self.urls.absolute(page.path)
        if page.kind in NO_PREVIEW_KINDS:
            return PageMeta(canonical, feeds, own, (), None)
        if page.kind == "article":
            article = page.context["article"]
            data = self.news_article(article, canonical)
            versions = alternates(page, self.urls, self.config.language_codes)
            canonical = article.canonical_url or canonical  # (a syndicated copy's: the original's, in og:url too)
            tags = self.article_tags(article, canonical, _other_locales(versions, page.lang))
            return PageMeta(canonical, feeds, own, tags, json_ld(data), versions)
        if page.kind == "page":
            standalone = page.context["standalone"]
            versions = alternates(page, self.urls, self.config.language_codes)
            data = self.web_page(standalone, canonical)
            canonical = standalone.canonical_url or canonical
            tags = self.page_tags(page, canonical, standalone.summary, _other_locales(versions, page.lang))
            return PageMeta(canonical, feeds, own, tags, json_ld(data), versions)
        tags = self.page_tags(page, canonical)
        data = self.collection_page(page, canonical) if page.kind in LISTING_KINDS else None
        versions = alternates(page, self.urls, self.config.language_codes) if page.kind == "home" else ()
        return PageMeta(canonical, feeds, own, tags, json_ld(data) if data else None, versions)

    def page_tags(self, page: Page, canonical: str, summary: str = "", others: tuple[MetaTag, ...] = ()) -> tuple[MetaTag, ...]:
        """Open Graph and Twitter tags of a page that is not an article; `summary`: its own description (a standalone
        page's), else the site's is given; `others`: its translations' locales (`_other_locales`)."""
        shared = self._in(page.lang)
        title = page.title or shared.title
        tags = [_WEBSITE, _og("title", title), _og("url", canonical), shared.site_name, shared.locale, *others]
        description = _og("description", summary) if summary else shared.description_tag
        if description:
            tags.append(description)
        tags += [shared.image[0]] if shared.image else []
        tags += [_SUMMARY_CARD, _tw("title", title)]
        tags += [shared.image[1]] if shared.image else []
        return tuple(tags)

    def article_tags(self, article: Article, canonical: str, others: tuple[MetaTag, ...] = ()) -> tuple[MetaTag, ...]:
        """`others`: its translations' locales (`_other_locales`)."""
        shared = self._in(article.lang)
        tags = [_ARTICLE, _og("title", article.title), _og("url", canonical), shared.site_name, shared.locale, *others]
        if article.summary:
            tags.append(_og("description", article.summary))
        previewed = article.image if article.image and not _unpreviewed(article.image.src) else None
        if previewed:
            tags += [_og("image", image_url(previewed, self.urls))]
            tags += [_og("image:alt", previewed.alt)] if previewed.alt else []
        elif shared.image:  # (site.yaml's `image:`, else the publisher's logo: a preview without a picture is easily passed over)
            tags.append(shared.image[0])
        if article.source:  # (what citation managers, Zotero's among them, take for the author: the outlet)
            tags.append(MetaTag("name", "author", article.source.name))
        tags.append(MetaTag("property", "article:published_time", article.date.isoformat()))
        if article.updated:
            tags.append(MetaTag("property", "article:modified_time", article.modified.isoformat()))
        tags += [MetaTag("property", "article:tag", tag.label(article.lang)) for tag in self.site.tags_of(article)]
        tags += [_LARGE_IMAGE_CARD if previewed else _SUMMARY_CARD, _tw("title", article.title)]
        if article.summary:
            tags.append(_tw("description", article.summary))
        if previewed:
            tags.append(_tw("image", image_url(previewed, self.urls)))
            tags += [_tw("image:alt", previewed.alt)] if previewed.alt else []
        elif shared.image:
            tags.append(shared.image[1])
        return tuple(tags)

    def news_article(self, article: Article, canonical: str) -> dict[str, Any]:
        """schema.org NewsArticle, with the attribution a news archive owes: source, credit, rights."""
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": canonical,
            "url": canonical,
            "mainEntityOfPage": canonical,
            "headline": article.title,
            "description": article.summary or None,
            "datePublished": article.date.isoformat(),
            "dateModified": article.modified.isoformat(),
            "inLanguage": article.lang,
            "keywords": [tag.label(article.lang) for tag in self.site.tags_of(article)] or None,
            "copyrightNotice": inline_text(article.rights),
            "publisher": self._in(article.lang).publisher,
        }
        if article.image:
            data["image"] = _clean(
                {
                    "@type": "ImageObject",
                    "url": image_url(article.image, self.urls),
                    "contentUrl": image_url(article.image, self.urls),
                    "caption": inline_text(article.image.caption),  # (not the alt text: a description, not its caption)
                    # Its source; no copyrightNotice: the article's rights need not be the image's (a NASA photo in a
                    # TASS article), nor is the source the holder (a public-domain photo from a news site).
                    "creditText": inline_text(article.image.credit),
                }
            )
        if article.source:
            # The outlet, at its site's address (the article's own is `isBasedOn`), and the holder of the rights the page
            # names it as ("The rights to this material belong to ...").
            data["isBasedOn"] = article.source.url
            data["author"] = _clean({"@type": "Organization", "name": article.source.name, "url": _site_of(article.source.url)})
            if article.rights:
                data["copyrightHolder"] = {"@type": "Organization", "name": article.source.name}
        return _clean(data)

    def web_page(self, page: StandalonePage, canonical: str) -> dict[str, Any]:
        """schema.org WebPage of a standalone page (About): no date of publication, which it does not have."""
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "@id": canonical,
            "url": canonical,
            "name": page.title,
            "description": page.summary or None,
            "dateModified": page.updated.isoformat() if page.updated else None,
            "inLanguage": page.lang,
            "isPartOf": self._in(page.lang).part_of,
            "publisher": self._in(page.lang).publisher,
        }
        return _clean(data)

    def collection_page(self, page: Page, canonical: str) -> dict[str, Any]:
        """schema.org CollectionPage, listing the URLs of the articles the page shows."""
        shared = self._in(page.lang)
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "@id": canonical,
            "url": canonical,
            "name": page.title or shared.title,
            "description": shared.description or None,
            "inLanguage": page.lang,
            "isPartOf": shared.part_of,
            "publisher": shared.publisher,
        }
        articles = page.context.get("articles")
        if articles:
            items = [{"@type": "ListItem", "position": n, "url": self._article_url(a)} for n, a in enumerate(articles, start=1)]
            data["mainEntity"] = {"@type": "ItemList", "itemListElement": items}
        return _clean(data)

    def _publisher(self, lang: str) -> dict[str, Any]:
        """From site.yaml `publisher:`, named for a page in `lang`; a relative `logo` is a path in the site."""
        publisher = self.config.publisher
        logo = publisher.get("logo")
        if logo and "://" not in logo:
            logo = self.urls.absolute(logo.lstrip("/"))
        return _clean(
            {
                "@type": "Organization",
                "name": self.config.publisher_name(lang),
                "url": publisher.get("url") or self.config.base_url,
                "logo": {"@type": "ImageObject", "url": logo} if logo else None,
            }
        )


class _InLang(NamedTuple):
    """What every page in one language shows alike (`Metadata._in`). Shared by the pages' data, never changed."""

    title: str  # the site's, in the language
    description: str
    publisher: dict[str, Any]  # JSON-LD's
    part_of: dict[str, Any]  # JSON-LD's `isPartOf`: the site
    site_name: MetaTag
    locale: MetaTag
    description_tag: MetaTag | None  # the site's description, where it has one
    image: tuple[MetaTag, MetaTag] | None  # Open Graph's and Twitter's site picture, where it has one


def _other_locales(versions: tuple[tuple[str, str], ...], lang: str) -> tuple[MetaTag, ...]:
    """Open Graph's `og:locale:alternate` of each other language a page is in (`alternates`), beside `hreflang`: how
    Facebook learns of the translations (a search engines' trial found the hreflang links alone)."""
    return tuple(_og("locale:alternate", og_locale(code)) for code, _ in versions if code not in (lang, "x-default"))


# Pictures link previews do not show: Facebook's, X's, Telegram's and Slack's take JPEG, PNG, WebP and GIF. An SVG
# drawing, then an AVIF photo (a search engines' trial), made a large card with no picture.
_UNPREVIEWED = (".svg", ".svgz", ".avif", ".heic", ".heif", ".jxl", ".tif", ".tiff", ".bmp", ".ico")


def _unpreviewed(src: str) -> bool:
    """Whether an image is of a kind no link preview shows (`_UNPREVIEWED`): the site's picture stands in, as where
    there is none."""
    return src.partition("?")[0].partition("#")[0].lower().endswith(_UNPREVIEWED)


def site_image_url(config: Config, urls: Urls) -> str | None:
    """The absolute URL of the site's picture for link previews (`Config.share_image`), or None."""
    image = config.share_image
    if image is None or "://" in image:
        return image
    return urls.absolute(image.lstrip("/"))


def json_ld(data: dict[str, Any]) -> Markup:
    """`data` as the text of a `<script type="application/ld+json">`, safe whatever the strings hold.

    "<", ">" and "&" are written as JSON escapes, so no string can end the element or open a
    comment. No `indent`: it would take json's pure-Python encoder, 5x slower on every page.
    """
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@functools.cache
def og_locale(lang: str) -> str:
    """`ru` -> `ru_RU`, `pt-BR` -> `pt_BR`: Open Graph wants language_TERRITORY."""
    locale = Locale.parse(lang.replace("-", "_"))
    territory = locale.territory
    if territory is None:  # (by the script where one is given: zh-Hant is Taiwan's, zh_TW, where zh alone is zh_CN)
        likely_subtags = get_global("likely_subtags")
        likely = locale.script and likely_subtags.get(f"{locale.language}_{locale.script}") or likely_subtags.get(locale.language)
        territory = likely.split("_")[-1] if likely else None
    return f"{locale.language}_{territory}" if territory else locale.language


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _site_of(url: str | None) -> str | None:
    """The address of the site `url` is on (`https://www.interfax.ru/`), or None."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme in ("http", "https") and parts.netloc else None


def _og(key: str, value: str) -> MetaTag:
    return MetaTag("property", f"og:{key}", value)


def _tw(key: str, value: str) -> MetaTag:
    return MetaTag("name", f"twitter:{key}", value)


_WEBSITE, _ARTICLE = _og("type", "website"), _og("type", "article")
_SUMMARY_CARD, _LARGE_IMAGE_CARD = _tw("card", "summary"), _tw("card", "summary_large_image")
