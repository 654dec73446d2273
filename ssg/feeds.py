"""Which feeds a site has: the whole site, one per language, one per tag and one per outlet, and what each draws from.

Pages link to them from their heads; `atom` writes them. Every URL in a feed is absolute (feed
readers have no page to resolve against).

A language feed speaks its language: the site's title and description in it (`Config.title_in`,
`description_in`, as the pages do). The site feed and the tag and outlet feeds mix languages, so they speak the
default one, a tag feed naming its tag by its name there (`Tag.label`).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from babel import Locale

from .config import CONFIG_FILE, Config
from .content import Article, Image
from .errors import Problem
from .site import Outlet, Site, Tag
from .urls import Urls, tag_authority

NO_NAMES: Mapping[str, str] = {}  # (`lang_feed`'s names where none are known: each asked of Babel)


@dataclass(frozen=True)
class Feed:
    """One feed: where it is written, its title (also used for its `<link>` in page heads) and subtitle."""

    path: str
    title: str
    subtitle: str  # the site's description in the feed's language; "" for none
    page: str  # the HTML page showing the same articles (the feed's rel="alternate")
    lang: str | None  # set on language feeds only


@dataclass(frozen=True)
class EntryText:
    """How the build supplies what feeds show of an article beyond its metadata."""

    body: Callable[[Article], str]  # rendered body, every link absolute
    credit: Callable[[Article], str]  # "Image source: …" in the article's language
    caption: Callable[[Article], str]  # the image's caption as HTML, its links absolute as the body's


def feed_languages(site: Site, config: Config) -> tuple[str, ...]:
    """Languages that get a feed: every article's, and the site's own (so its feed always exists)."""
    return tuple(sorted(site.by_lang.keys() | {config.lang}))


def site_feed(config: Config, urls: Urls) -> Feed:
    """Every language's articles: titled in the default language."""
    return Feed(urls.feed(), config.title_in(config.lang), config.description_in(config.lang), urls.home(), None)


@functools.cache
def language_name(lang: str) -> str:
    """The language's name in itself, as Babel's data has it: "русский" (made once a process: every page's language
    switch asks)."""
    locale = Locale.parse(lang.replace("-", "_"))
    return locale.get_display_name(locale) or lang


def lang_feed(config: Config, urls: Urls, lang: str, names: Mapping[str, str] = NO_NAMES) -> Feed:
    """One language's articles, titled in that language: "Архив (русский)".

    The language's name stays in the title even where the language has a title of its own: every
    page's head lists all the feeds, and the default language's feed must differ from the site's.
    `names`: the languages' names (`language_name`) as an earlier process's build made them (`labels.Labels`):
    Babel reads all of a language's data to name it, 20-30 ms of a build in a new process for each language no page
    of the build is written in.
    """
    name = names.get(lang) or language_name(lang)
    page = urls.lang_home(lang) if config.multilingual else urls.home()  # (only a bilingual site has a home per language)
    return Feed(urls.lang_feed(lang), f"{config.title_in(lang)} ({name})", config.description_in(lang), page, lang)


def tag_feed(config: Config, urls: Urls, tag: Tag) -> Feed:
    """One tag's articles, every language's."""
    return _listing_feed(config, tag.label(config.lang), urls.tag_feed(tag.slug), urls.tag(tag.slug))


def source_feed(config: Config, urls: Urls, outlet: Outlet) -> Feed:
    """One outlet's articles, every language's."""
    return _listing_feed(config, outlet.label(config.lang), urls.source_feed(outlet.slug), urls.source(outlet.slug))


def _listing_feed(config: Config, name: str, path: str, page: str) -> Feed:
    """The feed of a listing of every language's articles (a tag's, an outlet's) at `path`, of the page at `page`: titled
    in the default language, like that page."""
    return Feed(path, f"{config.title_in(config.lang)}: {name}", config.description_in(config.lang), page, None)


def head_feeds(config: Config, urls: Urls, languages: Sequence[str], names: Mapping[str, str] = NO_NAMES) -> tuple[Feed, ...]:
    """The feeds every page links from its head: the site's, and each language's when there are several.

    A tag page adds its tag's feed, an outlet's page its outlet's. `names`: as `lang_feed` takes them.
    """
    feeds = [site_feed(config, urls)]
    if len(languages) > 1:
        feeds += [lang_feed(config, urls, lang, names) for lang in languages]
    return tuple(feeds)


def feed_sources(
    config: Config, urls: Urls, site: Site, old_paths: Mapping[str, Sequence[str]] | None = None, names: Mapping[str, str] = NO_NAMES
) -> Iterator[tuple[Feed, Sequence[Article]]]:
    """Every feed and the articles it draws from, newest first (the build fingerprints these to skip unchanged feeds).

    A feed is written again at each of its `old_paths` (its path -> theirs): where a renamed tag's feed was
    (`redirects.listing_aliases`), as the site's feed is at `feeds: {old_paths:}`, the old site's address: a feed reader
    follows no page's redirect, and its readers are subscribed there. `names`: as `lang_feed` takes them."""
    old_paths = {urls.feed(): config.feeds["old_paths"]} | dict(old_paths or {})
    for feed, articles in _feeds(config, urls, site, names):
        yield feed, articles
        for path in old_paths.get(feed.path, ()):
            yield replace(feed, path=path), articles


def _feeds(config: Config, urls: Urls, site: Site, names: Mapping[str, str]) -> Iterator[tuple[Feed, Sequence[Article]]]:
    yield site_feed(config, urls), site.listed
    for lang in feed_languages(site, config):
        yield lang_feed(config, urls, lang, names), site.by_lang.get(lang, ())
    for tag in site.tags:
        yield tag_feed(config, urls, tag), site.tag_articles[tag.key]
    if config.sources.enabled:
        for outlet in site.outlets:
            yield source_feed(config, urls, outlet), site.outlet_articles[outlet.slug]


def image_url(image: Image, urls: Urls) -> str:
    return urls.absolute(urls.content_file(image.src)) if image.is_local else image.src


FEED_HEAD = 8192  # bytes of the last build's feed read for its own <id>, which feedgen writes before any entry
_FEED_ID = re.compile(rb"<id>\s*([^<]*?)\s*</id>")


def moved_feed_ids(config: Config, urls: Urls, old_feed: Path) -> Problem | None:
    """A warning where the site's feed the last build wrote at `old_feed` has another id than this build gives it,
    because base_url (or `feeds.id_base`) moved: every entry's id is made of the same address, so feed readers take the
    newest entries of every feed for new ones, and nothing else would say so. It gives the `feeds: {id_base: ...}` that
    keeps the old ids. Nothing for a `--base-url` build (a staging copy) or where the entries' ids stay (only the
    scheme or the port changed: a tag: URI has neither)."""
    if "base_url" in config.flagged:
        return None
    try:
        with open(old_feed, "rb") as file:
            found = _FEED_ID.search(file.read(FEED_HEAD))
    except OSError:
        return None
    if found is None:
        return None
    old_id, feed = html.unescape(found.group(1).decode("utf-8", "replace")), urls.feed()
    if not old_id.endswith(feed) or not old_id.startswith(("http://", "https://")):
        return None
    old, new = old_id[: -len(feed)], urls.id_base
    # (Nor where the last build's were base_url's own: `id_base` set to the old address after a build for the new one,
    # as this warning advises, is the old ids coming back, which that build wrote but likely did not publish.)
    if tag_authority(old) in (tag_authority(new), tag_authority(config.base_url)):
        return None
    key = "feeds" if config.feeds["id_base"] else "base_url"
    message = (
        f"the last build into {config.output_dir} made the feeds for {old} and this one makes them for {new}: every "
        "entry's id is made of that address, so each changes with it, and feed readers show the latest entries of every "
        f"feed again as new; id_base: '{old}' under feeds: in site.yaml (feeds: {{id_base: '{old}'}}) keeps every id as it was "
        "(the links follow base_url)"
    )
    return Problem(CONFIG_FILE, config.line_of(key), key, message)
