"""Pages -> HTML bytes: the context every template sees, in-body links, and parallel rendering."""

from __future__ import annotations

import gc
import json
import os
import re
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2 import nodes
from markupsafe import Markup, escape

from .config import Config
from .content import Article, Image, StandalonePage
from .errors import Problem, TemplateError, TemplateTimeoutError
from .feeds import NO_NAMES, Feed, feed_languages, language_name
from .markdown import FOOTNOTE_BACK, NOT_PUBLISHED
from .metadata import Metadata
from .output import Output, Staged
from .pages import ArchiveMonth, ArchiveYear, ArticleLink, Link, Page, PageLink, link, menu_links
from .scripts import (
    alphabet_language,
    alphabet_languages,
    in_other_script,
    part_lang,
    script_language,
    text_direction,
    unicode_scripts,
    written_in_cyrillic,
)
from .site import Outlet, Site, Tag
from .theme import CARD_TEMPLATE, FRONT_LINKS, RENDERING, Theme, format_for, number_format, render_named, rendering_entry
from .urls import LATEST, SOURCES_INDEX, Urls, relative_from, resolve_refs
from .workers import die_with, owned, result_of

PARALLEL_FROM = 200  # fewer pages than this render in-process: forking workers costs more
CARDS_KEPT = 2048  # entries a one-shot build keeps made (about 2 KB each): listings render in date order (`_render_order`)
CARDS_LOOK = 0.05  # seconds `Renderer.make_cards` goes between two looks for a waiting save (an entry takes 0.1-20 ms)
CARDS_KEPT_BETWEEN_BUILDS = 20_000  # a long-lived builder's (the preview's): a new article moves every article's entry
_MARK = "\x00"  # around a link's number in a made entry (an entry whose own text holds one is rendered for each page)


@dataclass(frozen=True)
class SiteInfo:
    """What templates know of the site as `site`."""

    title: str
    description: str
    base_url: str
    lang: str
    publisher: dict
    params: dict
    search: str | None  # the search page's site path, None when search is off
    sources: str | None = None  # the index of outlets' site path (the header's menu links it), None when site.yaml has them off
    languages: tuple[str, ...] = ()  # a bilingual site's languages, the default first; () otherwise
    home: str = ""  # the home page of this language's readers: on a bilingual site, a language's own (ru/) but the default's
    feed: str = "feed.xml"  # the feed they would follow: their language's, where it has one
    latest: str = LATEST  # the script with the latest articles' lists (`latest_script`)
    favicon: str | None = None  # the site's own icon among its static files (`branding`), else None: the theme's
    custom_css: str | None = None  # static/assets/custom.css where the site has one (`branding`), else None

    @classmethod
    def from_config(
        cls,
        config: Config,
        lang: str | None = None,
        urls: Urls | None = None,
        feeds: tuple[str, ...] = (),
        searching: bool = True,
        files: Collection[str] = (),
    ) -> SiteInfo:
        """The site as shown in `lang`: a bilingual site's title and description may be per language, and so are its home
        page and feed, given `urls` and the languages that have a feed (`feeds.feed_languages`). `searching`: False where
        the theme has no search page (`Theme.searching`), though site.yaml's search is on; `files`: the output paths of
        the files the build copies, whose favicon and stylesheet of the site's own every page links (`branding`)."""
        search = config.search.path if config.search.enabled and searching else None
        title, description = config.title_in(lang or config.lang), config.description_in(lang or config.lang)
        languages = config.language_codes if config.multilingual else ()
        favicon, custom_css = branding(files)
        sources = SOURCES_INDEX if config.sources.enabled else None
        info = cls(title, description, config.base_url, config.lang, config.publisher, config.params, search, sources, languages)
        info = replace(info, favicon=favicon, custom_css=custom_css) if favicon or custom_css else info
        if urls is None or not languages or lang in (None, config.lang):
            return info
        search = urls.lang_search(lang) if search else None
        return replace(info, home=urls.lang_home(lang), feed=urls.lang_feed(lang) if lang in feeds else info.feed, search=search)


FAVICONS = ("favicon.svg", "favicon.png", "favicon.ico")  # a site's own icon: the first of these its static files have
CUSTOM_CSS = "assets/custom.css"  # a site's own stylesheet, linked after the theme's


def branding(files: Collection[str]) -> tuple[str | None, str | None]:
    """The favicon and the stylesheet of the site's own among the output paths of the files a build copies (its and
    its theme's static/), which every page links: a logo's colours and icon without copying base.html. A browser shows
    the icon a page links over a favicon.ico at the site's root, so the page must link the site's own."""
    favicon = next((name for name in FAVICONS if name in files), None)
    return favicon, CUSTOM_CSS if CUSTOM_CSS in files else None


@dataclass(frozen=True)
class LanguageLink:
    """An entry of the language switch: the same page in another language, else that language's home."""

    code: str
    name: str  # the language's own name for itself: English, Русский
    path: str
    current: bool


def native_name(code: str, names: Mapping[str, str] = NO_NAMES) -> str:
    """A language's name in itself, capitalised as the language switch and templates show it ("Русский"): from `names`
    (`labels.Labels`, an earlier process's build) where they have it, since Babel reads all of a language's data to
    name it (a bilingual site's every page asked, 20-30 ms of a one-edit build in a new process)."""
    name = names.get(code) or language_name(code)
    return name[:1].upper() + name[1:]


def name_languages(config: Config, site: Site) -> tuple[str | None, str | None]:
    """The language a name in Cyrillic letters is in, and the one a name in other letters is (`in_own_lang`): a bilingual
    site's, else those of the site and its articles where they are one in Cyrillic and one other (an English site of
    Russian clippings: a Russian tag on an English page, unmarked, was spelt out letter by letter by an English voice).
    Part of every page's fingerprint (`build._plan_pages`): an archive's first article in another alphabet marks names
    on pages it is not on."""
    if config.multilingual:
        return config.cyrillic_lang, config.other_alphabet_lang
    return alphabet_languages(tuple(sorted({config.lang, *(article.lang for article in site.articles)})))


def script_languages(config: Config, site: Site) -> tuple[str, ...]:
    """The languages a name's script may tell (`scripts.script_language`: Arabic letters ar): a bilingual site's, else
    the site's and its articles'. Part of every page's fingerprint, as `name_languages` is."""
    return config.language_codes if config.multilingual else tuple(sorted({config.lang, *site.by_lang}))


def lang_attrs(lang: str) -> Callable[..., Markup]:
    """Templates' `lang_attrs(code)` on a page in `lang`: the attributes of an element in the language `code`,
    ` lang="ar" dir="rtl"`: its direction (`scripts.text_direction`, CLDR's) wherever it is right-to-left, or where
    the language around it is (`within`, else the page's: an English name on an Arabic page is ` lang="en" dir="ltr"`);
    else ` lang="en"` alone. A browser lays out a right-to-left text, and puts its full stop and its numbers in their
    order, only where it is told its direction: an Arabic article was shown left-aligned, its sentences' final "." at
    the wrong end."""
    page = text_direction(lang)

    def lang_attrs(code: str, within: str | None = None) -> Markup:
        direction = text_direction(code)
        if direction == "rtl" or (text_direction(within) if within else page) == "rtl":
            return Markup(f' lang="{escape(code)}" dir="{direction}"')
        return Markup(f' lang="{escape(code)}"')

    return lang_attrs


def in_own_lang(lang: str, cyrillic: str | None, other: str | None, codes: tuple[str, ...] = ()) -> Callable[[str], Markup]:
    """Templates' `in_own_lang(text)` on a page in `lang`: `text` (a tag's name, a source's) in a `<span lang>` where its
    alphabet tells a language the page is not in (`scripts.part_lang`: Cyrillic or Latin, given `cyrillic` and `other`),
    or its script one of `codes` alone is written in (`scripts.script_language`: a tag `علم` on an English page is ar),
    with its direction where that or the page's is right-to-left (`lang_attrs`); `lang=""` (no language known) where its
    script is none the page's language is written in and tells no one language (`北京` where zh and ja both are), rather
    than the page's (or the list's) wrong one; else as it is. Each name's once (`made`): a page shows 10-40 names, most
    of them on other pages too. (A function of its own, not a `functools.partial`: templates call a plain function
    directly, `theme._Context`.)"""
    page_in_cyrillic, attrs = written_in_cyrillic(lang), lang_attrs(lang)
    made: dict[str, Markup] = {}

    def in_own_lang(text: str) -> Markup:
        found = made.get(text)
        if found is not None:
            return found
        code = part_lang(text, page_in_cyrillic, cyrillic, other) or script_language(text, codes) if text else None
        if code is None and text:  # (Latin or Cyrillic letters on a page in neither: C++ on an Arabic page)
            code = alphabet_language(text, lang, codes)
        if code and code != lang:
            found = Markup(f"<span{attrs(code)}>{escape(text)}</span>")
        elif code == "" or (code is None and text and in_other_script(text, lang)):
            found = Markup(f'<span lang="" dir="auto">{escape(text)}</span>')
        else:
            found = escape(text)
        if type(text) is str:  # (not an Undefined, or a Markup whose escaping differs)
            made[text] = found
        return found

    return in_own_lang


# What templates link to by its `path`: links to articles and pages, feeds, periods (`up`, `prev_period`), the archive's
# years and months, the language switch's entries.
_WITH_PATH = (ArticleLink, PageLink, Feed, Link, ArchiveYear, ArchiveMonth, LanguageLink)


_TAKES = (
    "a site path, a string such as 'tags/' or 'assets/style.css' ('' is the home page), or an object "
    "templates are given: an article, page, tag, outlet, image, feed, date or link"
)


def not_one_target(name: str, args: tuple, kwargs: dict) -> str:
    """Why `url_for` (or `abs_url`, `name`) called with other than one argument has no URL: Flask's
    `url_for("article", slug=article.slug)` stopped the build on Python's "got an unexpected keyword argument 'slug'".
    (Told by `theme._Context.call` as the call fails: the functions keep their one argument, which a page calls
    20-50 times; a signature that took any, to tell it, cost a cold build 0.13 s.)"""
    written = ", ".join([*map(_shown, args), *(f"{key}={_shown(value)}" for key, value in kwargs.items())])
    return f"{name}({written}): {name} takes one argument, {_TAKES} (e.g. {name}(article))"


def _shown(value: Any) -> str:
    """A value as a message shows an argument: a text or number as written, an object by its type (`<Article>`)."""
    if value is None or isinstance(value, (str, int, float)):
        text = repr(value)
        return text if len(text) <= 40 else text[:39] + "…"
    return f"<{type(value).__name__}>"


def _not_a_target(target: Any) -> str:
    """Why `url_for(target)` has no URL, and what it takes."""
    takes = f"url_for takes {_TAKES}"
    if target is None:
        return f"url_for(None): nothing to link to ({takes}; a field that may be empty wants an {{% if %}} around it)"
    if isinstance(target, jinja2.Undefined):
        target._fail_with_undefined_error()  # (its own message: what is missing, and what is there)
    return f"url_for({target!r}): {type(target).__name__} is no page ({takes})"


def _no_outlet(article: Article) -> None:
    """Templates' `outlet_of` where site.yaml switches the outlet pages off: no article links one."""
    return None


@dataclass(frozen=True)
class PageInfo:
    """What templates know of the current page as `page`."""

    kind: str
    path: str
    lang: str
    title: str  # never None: the site's title where the page has none of its own (`Renderer.page_info`)


class Renderer:
    """Renders planned pages with the theme; article (and standalone page) bodies come from `body_of(article)`."""

    def __init__(
        self,
        config: Config,
        theme: Theme,
        site: Site,
        urls: Urls,
        latest: dict[str, tuple[ArticleLink, ...]],
        body_of: Callable[[Article | StandalonePage], str],
        article_paths: dict[str, str],
        cards: Cards | None = None,
        files: Collection[str] = (),
        language_names: Mapping[str, str] = NO_NAMES,
    ):
        """`article_paths`: source path -> site path of every article and standalone page (`urls.article`, `urls.page`),
        which bodies link to; `cards`: the entries made so far (`Cards`), for this build's listings to place; `files`:
        the output paths of the files the build copies (`SiteInfo.favicon`, `custom_css`); `language_names`: the
        languages' names an earlier build made (`feeds.lang_feed`)."""
        self.config = config
        self.name_languages = name_languages(config, site)
        self.script_languages = script_languages(config, site)
        self.theme = theme
        self.site = site
        self.urls = urls
        self.latest = latest
        self.body_of = body_of
        feeds = feed_languages(site, config)
        searching = theme.searching(config.search.enabled)
        self.info = {
            lang: SiteInfo.from_config(config, lang, urls, feeds, searching, files)
            for lang in (*config.language_codes, *sorted(site.by_lang))
        }
        self.article_paths = article_paths
        self.metadata = Metadata(config, urls, site, feeds, language_names)
        self.language_names = language_names
        self.menus = menu_links(site.standalone, config, urls)  # the header's menu of each page language
        self.cards = cards or Cards("")
        self._by_lang: dict[str, dict[str, Any]] = {}  # `_shared`, made once per language
        self._card_keys: dict[tuple[str, str], tuple] = {}  # (article's key, language) -> its entry's (`_card_key`)

    def site_path(self, target: Any) -> str:
        """The site path of anything a template may link to; a TypeError naming what `url_for` takes for anything else
        (`url_for(42)` linked to a page `42`, found only by `ssg check --links`, on every page)."""
        if type(target) is str:  # a site path already: the most common, asked first
            # `url_for('/tags/')`, written from the site's root out of Hugo's and Jekyll's habit, is the same path: with
            # its slash it made `../..//tags/`, which a browser resolves to another host's `//tags/`.
            return target.lstrip("/") if target[:1] == "/" else target
        if isinstance(target, Article):
            return self.urls.article(target)
        if isinstance(target, _WITH_PATH):
            return target.path
        if isinstance(target, Tag):
            return self.urls.tag(target.slug)
        if isinstance(target, Outlet):
            return self.urls.source(target.slug)
        if isinstance(target, Image):
            return self.urls.content_file(target.src)
        if isinstance(target, StandalonePage):
            return self.urls.page(target)
        if isinstance(target, date):  # a day: its archive page
            return self.urls.period(target.year, target.month, target.day)
        if isinstance(target, str):  # (a str of another type: Markup, `"tags/" | safe`)
            return self.site_path(str(target))
        raise TypeError(_not_a_target(target))

    def render(self, page: Page) -> bytes:
        return self.theme.render(page.template, self.context(page), lambda: self.rendering(page), self).encode("utf-8")

    def kept_keys(self) -> frozenset[str]:
        """The front-matter keys some article or page keeps for templates (`extra`): an attribute a template reads off an
        article that is one of them is told to read it there (`theme.SiteFacts`). Gathered only for such an error."""
        return frozenset(key for item in (*self.site.articles, *self.site.standalone.pages) for key in item.extra)

    def tag_names(self) -> frozenset[str]:
        """The names of the articles' tags: an attribute read of one of them is told of `tags_of` (`theme.render`)."""
        return frozenset(tag for article in self.site.articles for tag in article.tags)

    def rendering(self, page: Page) -> str:
        """The page, for a template error on it: what it is made from (an article's file), and its URL from the site's
        root. An error may depend on the article (`article.extra.views + 1` where one lacks `views`)."""
        source = page.context.get("source_path")  # (a redirect's: the article at the old URL)
        if page.kind == "article":
            source = page.context["article"].source_path
        elif page.kind == "page":
            source = page.context["standalone"].source_path
        return f"{self.config.content_dir}/{source} at /{page.path}" if source else f"/{page.path}"

    def context(self, page: Page) -> dict[str, Any]:
        relative_link = relative_from(page.path)
        # The 404 page is shown at any depth: its links must not be relative.
        path_link = self.urls.root_relative if page.kind == "404" else relative_link

        url_for = self._url_for(path_link)
        context = {
            **self._shared(page.lang),
            "languages": self.language_switch(page),
            "page": self.page_info(page),
            "url_for": url_for,
            "abs_url": self._abs_url,
            "latest": self.latest[page.lang],
            "menu": self.menus[page.lang],
            "meta": self.metadata(page),
            "card": lambda article: self.card(article, page.lang, path_link),
        } | page.context
        if page.kind == "article":
            context["content"] = Markup(self.body(page.context["article"], url_for))
        elif page.kind == "page":
            context["content"] = Markup(self.body(page.context["standalone"], url_for))
        return context

    def page_info(self, page: Page) -> PageInfo:
        """`page`: its title is its own (an article's, a tag's name, a period), else the site's title in its language,
        so that `<title>{{ page.title }}</title>` never prints None on the home page, the tags index or the 404 page."""
        return PageInfo(page.kind, page.path, page.lang, page.title or self._shared(page.lang)["site"].title)

    def _url_for(self, links: Callable[[str], str]) -> Callable[[Any], str]:
        """Templates' `url_for`: `links` of the target's site path (`site_path`), but an image or a menu's link on
        another site by its own URL. (One function, and a site path given as one asked first: a page asks 20-50.)"""
        site_path = self.site_path

        def url_for(target: Any) -> str:
            if type(target) is str and target[:1] != "/":
                return links(target)
            if isinstance(target, Image) and not target.is_local:
                return target.src
            if isinstance(target, PageLink) and target.external:  # (site.yaml's `menu:` link to another site)
                return target.path
            return links(site_path(target))

        return url_for

    def _abs_url(self, target: Any) -> str:
        """Templates' `abs_url`: the full URL of what `url_for` links to (`site_path`)."""
        return self.urls.absolute(self.site_path(target))

    def _native_name(self, code: str) -> str:
        return native_name(code, self.language_names)

    def _shared(self, lang: str) -> dict[str, Any]:
        """What every template of a page in `lang` sees that is not about the page: entries (`card`) see these too."""
        found = self._by_lang.get(lang)
        if found is not None:
            return found
        fmt_date, fmt_datetime, fmt_time = format_for(lang, self.config.timezone)
        found = self._by_lang[lang] = {
            "site": self.info.get(lang) or self.info[self.config.lang],
            "translations_of": lambda article: [link(a, self.urls) for a in self.site.translations(article)],
            "language_name": self._native_name,
            "t": self.theme.translator(lang),
            "format_date": fmt_date,
            "format_datetime": fmt_datetime,
            "format_time": fmt_time,
            "format_number": number_format(lang),
            "tags_of": self.site.tags_of,
            # (the moment an article or page shown before its time is published from, or None: `Site.scheduled`)
            "scheduled": lambda item: self.site.scheduled.get(item.source_path),
            # (None where site.yaml switches the outlet pages off: templates then show the source as they did before)
            "outlet_of": self.site.outlet_of if self.config.sources.enabled else _no_outlet,
            "in_own_lang": in_own_lang(lang, *self.name_languages, self.script_languages),
            "lang_attrs": lang_attrs(lang),
            # (the page's direction, `rtl` or `ltr`, for <html dir>: `lang_attrs`)
            "text_direction": text_direction,
            # (the same two for the search page's hits, which search.js marks by them: `data-languages`)
            "name_languages": [code for code in self.name_languages if code],
            # (and the scripts each language a name's script may tell is written in, `ar=Arab ja=Hani,Hira,Kana`, by which
            # it marks a hit's names as `in_own_lang` does: `data-scripts`)
            "name_scripts": [f"{code}={','.join(unicode_scripts(code))}" for code in self.script_languages if unicode_scripts(code)],
            # (and the languages of the site's and its articles written right-to-left, whose hits it marks so: `lang_attrs`)
            "rtl_languages": [code for code in sorted({*self.script_languages, *self.site.by_lang}) if text_direction(code) == "rtl"],
            # (The `markdownify` filter's, `theme.markdownify_in`: this renderer's links, not the theme's, which outlives
            # it: a long-lived builder's renderer of the last build, making its entries in a pause, resolved them with
            # the links of whichever renderer was made last.)
            FRONT_LINKS: self.front_links,
        }
        return found

    def card(self, article: Article, lang: str, path_link: Callable[[str], str]) -> Markup:
        """`article`'s entry in a listing in `lang` (`card.html`), its links made by `path_link` (the page's).

        Listings show each article on several pages (home, tags, year, month, day): entries were half of a listing
        page's time. So an entry is rendered once, with a numbered mark for each link (links are relative to the
        page), and each page puts in its own links. That gives what rendering the entry for the page gives where the
        template only prints its links (`links_printed_as_is`); any other is rendered for each page.
        """
        cards, parts = self.cards, None
        if cards.as_is is None:
            cards.as_is = links_printed_as_is(self.theme, CARD_TEMPLATE)
        if cards.as_is:
            key = self._card_keys.get((article.key, lang)) or self._card_key(article, lang)
            parts = cards.entries.get(key, False)
            if parts is False:
                parts = self._card_parts(article, lang)
                cards.put(key, parts)
        if parts is None:
            return Markup(self._render_card(article, lang, path_link))
        made = parts.copy()
        made[1::2] = map(path_link, parts[1::2])
        return Markup("".join(made))

    def make_cards(self, pages: Iterable[Page], stop: Callable[[], bool] | None = None) -> bool:
        """Make the entries not made yet of the articles `pages` list, while the author pauses (`Builder.tidy`): the
        preview's first build makes none where its pages are as they were, and the first save that moved a listing
        made all of its entries (1,906 for a tag given to an article at 10,000 articles: its pages 0.45-0.74 s, against
        0.08-0.18 s with them made; all 10,002 take 1.4 s). Up to the limit the builder keeps (`Cards`); those of a
        template rendered for each page (`links_printed_as_is`) are not kept, so none are made, and an entry that
        cannot be made ends it (its page's build tells why). Once done, the builds that follow make what they change,
        and no pause looks again (`Cards.complete`; a look finding all made takes 0.12 s). False where `stop`, asked
        every `CARDS_LOOK`, said a save is waiting (those made so far are kept; the next pause goes on)."""
        cards = self.cards
        if cards.as_is is None:
            cards.as_is = links_printed_as_is(self.theme, CARD_TEMPLATE)
        shown = ((article, page.lang) for page in pages if cards.as_is for article in page.context.get("articles") or ())
        looked = time.monotonic()
        for article, lang in shown:
            key = self._card_keys.get((article.key, lang)) or self._card_key(article, lang)
            if key not in cards.entries:
                if len(cards.entries) >= cards.limit:
                    break
                try:
                    cards.put(key, self._card_parts(article, lang))
                except Exception:  # noqa: BLE001 (the build that renders a page with it tells the template's error)
                    break
            if stop is not None and time.monotonic() - looked >= CARDS_LOOK:
                if stop():
                    return False
                looked = time.monotonic()
        cards.complete = True
        return True

    def _card_key(self, article: Article, lang: str) -> tuple:
        """What `article`'s entry in `lang` is a function of, besides `Cards.base`: the article, its tags and
        translations, the page's language. Kept for the build: an article is on about six listings."""
        path = article.source_path
        versions = self.site.versions.get(path)
        key = (article.key, lang, self.site.tags_shown[path], tuple(a.key for a in versions) if versions else ())
        key += (self.site.outlet_shown(article),)  # (its outlet's name: another spelling may become the most used)
        if self.site.scheduled and (later := self.site.scheduled.get(path)) is not None:
            key += (later,)  # (marked Scheduled: its entry alone changes when it is added, re-dated or its time comes)
        if self.cards.counts:
            key += tuple(tag.count for tag in self.site.tags_of(article))
            key += (outlet.count,) if (outlet := self.site.outlet_of(article)) is not None else ()
        self._card_keys[(article.key, lang)] = key
        return key

    def _card_parts(self, article: Article, lang: str) -> list[str] | None:
        """The entry as [text, a link's site path, text, ..., text]; None when its marks do not come out as made
        (the article's own text holds the mark's character: Markdown lets a NUL through)."""
        paths: list[str] = []

        def mark(path: str) -> str:
            paths.append(path)
            return f"{_MARK}{len(paths) - 1}{_MARK}"

        parts = self._render_card(article, lang, mark).split(_MARK)
        numbers = parts[1::2]
        if len(parts) % 2 == 0 or not all(n.isdigit() and int(n) < len(paths) for n in numbers):
            return None
        parts[1::2] = [paths[int(n)] for n in numbers]
        return parts

    def _render_card(self, article: Article, lang: str, links: Callable[[str], str]) -> str:
        url_for = self._url_for(links)
        context = self._shared(lang) | {"article": article, "lang": lang, "url_for": url_for}
        try:
            return render_named(self.theme.env.get_template(CARD_TEMPLATE), context, self)
        except Exception as exc:
            rendering_entry(exc, f"the entry of {self.config.content_dir}/{article.source_path}")
            raise

    def language_switch(self, page: Page) -> tuple[LanguageLink, ...]:
        """Each language of a bilingual site: this page in it where it exists (an article's, a standalone page's
        version; the search page), else its home."""
        if not self.config.multilingual:
            return ()
        links = []
        for code in self.config.language_codes:
            path = self.urls.lang_home(code)
            if page.kind == "article":
                version = self.site.version(page.context["article"], code)
                path = self.urls.article(version) if version.lang == code else path
            elif page.kind == "page":
                other = self.site.standalone.version(page.context["standalone"], code)
                path = self.urls.page(other) if other.lang == code else path
            elif page.kind == "search":  # (every language has one: `searching.search_pages`; search.js carries the query over)
                index = page.context["index"]
                path = index if code == self.config.lang else self.urls.lang_search(code)
            links.append(LanguageLink(code, self._native_name(code), path, code == page.lang))
        return tuple(links)

    def body(self, article: Article | StandalonePage, url_for: Callable[[Any], str]) -> str:
        return body_links(self.body_of(article), self.urls, self.article_paths, url_for, self.theme.translator(article.lang))

    def front_links(self, html: str, url_for: Callable[[Any], str], t: Callable[..., str] | None) -> str:
        """`html`, a front matter's text as `markdownify` shows it (rights, an image's caption or credit), with its
        links made real as its body's are (`body_links`): the text holds their markers (`content.Reader.front_links`),
        and any template that shows it, the theme's or one of the user's, gets them as `url_for` gives its page."""
        return body_links(html, self.urls, self.article_paths, url_for, t or self.theme.translator(self.config.lang))


def check_pages(renderer: Renderer, pages: Iterable[Page], cards: bool = True) -> int:
    """Render, writing nothing, a few pages (`_sample`) and, where a template calls `card(...)` (`cards`), their
    articles' entries (`card.html`) in each listing language (`ssg check`): a template's runtime error (an unknown name,
    a misspelt attribute) then fails the check as it fails the build. Raises `TemplateError` with every problem found;
    returns how many pages were rendered."""
    with renderer.theme.watchdog.watching():
        return _check_pages(renderer, pages, cards)


def _check_pages(renderer: Renderer, pages: Iterable[Page], cards: bool) -> int:
    sample = _sample(pages)
    problems: dict[Problem, Problem] = {}  # each mistake once, named on the first page that shows it
    for page in sample:
        try:
            renderer.render(page)
        except TemplateTimeoutError as error:  # (every other page would wait as long: this one is told alone)
            raise TemplateError(error.problems) from None
        except TemplateError as error:
            for problem in error.problems:
                problems.setdefault(_unplaced(problem), problem)
    from_root = relative_from("")
    articles = [page.context["article"] for page in sample if page.kind == "article"] if cards else []
    for lang in sorted({page.lang for page in sample if "articles" in page.context}):
        for article in articles:
            try:
                renderer.card(article, lang, from_root)
            except Exception as exc:  # noqa: BLE001 - whatever the template raises is reported on its line
                problem = renderer.theme.problem(exc, CARD_TEMPLATE)
                problems.setdefault(_unplaced(problem), problem)
    if problems:
        raise TemplateError(list(problems.values()))
    return len(sample)


_NAMES_HERE = re.compile(r" \((names here|its attributes|its keys): [^()]*\)")


def _unplaced(problem: Problem) -> Problem:
    """`problem` without the page it was found on (`theme.RENDERING`): the same mistake on two pages is one."""
    at = problem.message.rfind(RENDERING.format("")[:-1])
    message = problem.message[:at] if at >= 0 else problem.message
    # (nor without the names the page has: base.html's `{{ tag }}` was told once per kind of page, each listing its own)
    return replace(problem, message=_NAMES_HERE.sub("", message))


def _sample(pages: Iterable[Page]) -> list[Page]:
    """One page of each kind, template and language, and more where it takes them to show each thing such a page may
    lack that one of them has (`_shows`: an article's image, a listing's previous page), so that each line a template
    puts in an `{% if %}` runs once."""
    sample, shown = [], {}
    for page in pages:
        key = (page.kind, page.template, page.lang)
        seen = shown.get(key)
        things = _shows(page)
        if seen is None or not things <= seen:
            sample.append(page)
            shown[key] = things | (seen or frozenset())
    return sample


def _shows(page: Page) -> frozenset[str]:
    """What of the things a page may leave out it has: an article's or a standalone page's fields (each key of its
    `extra` too), a listing's previous and next page and period, a year's months (and one without articles) and a
    month's days."""
    context = page.context
    if page.kind == "page":
        standalone = context["standalone"]
        things = {
            "updated": standalone.updated,
            "summary": standalone.summary,
            "draft": standalone.draft,
            "translations": context.get("translations"),
        }
        return frozenset([name for name, value in things.items() if value] + [f"extra.{key}" for key in standalone.extra])
    if page.kind != "article":
        paginator = context.get("paginator")
        things = {name: context.get(name) for name in ("tag", "outlet", "up", "prev_period", "next_period", "months", "days")}
        # (a month unlinked on a year's page: its own branch of the template)
        things["months.empty"] = any(part.path is None for part in context.get("months") or ())
        if paginator is not None:
            things |= {"paginator.prev": paginator.prev, "paginator.next": paginator.next}
        return frozenset(name for name, value in things.items() if value)
    article = context["article"]
    source, image = article.source, article.image
    things = {
        "updated": article.shown_update,  # (what the default theme's Updated line shows, `article.html`)
        "source": source,
        "source.url": source and source.url,
        "image": image,
        "image.alt": image and image.alt,
        "image.caption": image and image.caption,
        "image.credit": image and image.credit,
        "rights": article.rights,
        "summary": article.summary,
        "tags": article.tags,
        "draft": article.draft,
        "prev": context.get("prev"),
        "next": context.get("next"),
        "translations": context.get("translations"),
    }
    return frozenset([name for name, value in things.items() if value] + [f"extra.{key}" for key in article.extra])


_FOOTNOTE_BACK = re.compile(f'title="{FOOTNOTE_BACK}(\\d+)"')


def body_links(html: str, urls: Urls, article_paths: dict[str, str], url_for: Callable[[str], str], t: Callable[..., str]) -> str:
    """An article body with its links to other articles and to content files made real:
    `url_for` turns a site path into the URL (relative in pages, absolute in feeds); each footnote's way back
    is titled by `t`, the interface strings of the article's language (ssg's English one where a theme has none)."""
    if FOOTNOTE_BACK in html:
        html = _FOOTNOTE_BACK.sub(lambda match: f'title="{escape(t("footnote_back", n=match[1]))}"', html)

    def url_of(kind: str, target: str) -> str:
        if kind == "file":
            return url_for(urls.content_file(target))
        if kind == "site":  # as written after the site root's "/", with its query
            path, mark, query = target.partition("?")
            return url_for(path) + mark + query
        path = article_paths.get(target)
        return NOT_PUBLISHED + quote(target, safe="/") if path is None else url_for(path)  # (the build warned about it)

    return resolve_refs(html, url_of)


def latest_script(
    theme: Theme, latest: dict[str, tuple[ArticleLink, ...]], langs: Iterable[str], zone: str | None = None, marked: Collection[str] = ()
) -> bytes:
    """`latest.js`: the latest list of each page language, with each date as that language's pages show it; an
    article shown before its time (`marked`, site paths: `Site.scheduled`) has the label that marks it on its page.

    The default theme's article pages show their list from this file (`site.js`) rather than hold it: held, it
    made each new article rewrite every article page (10,000 of them, with every rsync of the site). A script
    sets it (`window.ssgLatest`), so it loads from disk too, where fetch is not allowed. Paths are relative to
    the site root."""
    from_root = relative_from("")
    lists = {}
    for lang in sorted(set(langs)):
        format_datetime = format_for(lang, zone)[1]
        t = theme.translator(lang)
        pattern = t("datetime_short")
        lists[lang] = [
            ({"scheduled": t("scheduled")} if item.path in marked else {})
            | {
                "path": item.path,  # (site.js marks the page's own entry)
                "url": from_root(item.path),
                "title": item.title,
                "lang": item.lang,
                "date": item.date.isoformat(),
                "shown": format_datetime(item.date, pattern),
                # (a right-to-left title's direction, which site.js marks it with: `lang_attrs`)
                **({"dir": "rtl"} if text_direction(item.lang) == "rtl" else {}),
            }
            for item in latest[lang]
        ]
    data = json.dumps(lists, ensure_ascii=False, sort_keys=True, indent=1)
    return f"// Written by ssg: the latest articles, for the pages' lists (see site.js).\nwindow.ssgLatest = {data};\n".encode()


class Bodies:
    """Rendered article bodies, read from the cache database when a page needs one.

    Keeping bodies on disk is what lets 100,000 articles build in bounded memory. Each process
    opens its own connection (SQLite connections must not cross a fork).
    """

    def __init__(self, path: Path):
        self.path = path
        self.pid: int | None = None
        self.db: sqlite3.Connection | None = None

    @classmethod
    def of(cls, db: sqlite3.Connection) -> Bodies:
        """Bodies from a database open in this process (`ssg check`'s, in memory)."""
        bodies = cls(Path(":memory:"))
        bodies.pid, bodies.db = os.getpid(), db
        return bodies

    def close(self) -> None:
        """Close this process's connection (a later call opens another). One left open keeps the cache's write-ahead
        log from being taken into its file as the build closes the cache: after a cold build of 30,000 articles, 320 MB
        of log stayed beside the 318 MB cache until the next build."""
        if self.db is not None and self.pid == os.getpid() and str(self.path) != ":memory:":
            self.db.close()
            self.db, self.pid = None, None

    def __call__(self, article: Article | StandalonePage) -> str:
        if self.pid != os.getpid():
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self.pid = os.getpid()
        row = self.db.execute("SELECT body FROM records WHERE digest = ?", (article.key,)).fetchone()
        if row is None:
            raise KeyError(f"no cached body for {article.source_path}")
        return row[0]


_inherited: tuple[Renderer, Output, list, Any, int, int] | None = None  # set in forked render workers only


def render_pages(renderer: Renderer, output: Output, todo: list[tuple[Page, str]], jobs: int, frozen: bool = False) -> Iterator[Staged]:
    """Render and stage `(page, fingerprint)` pairs: here, and in `jobs - 1` forked helpers when it pays.

    Helpers inherit the renderer, the site model and the list by fork, so only small results
    cross process boundaries; each writes its pages to the staging folder. The list is shared out
    as it goes: helpers take ranges from its front and this process from its back, until they
    meet, so nobody waits while another has work left (a listing page costs twice an article's,
    and those are at the back). No process more than `jobs`: a forked helper's resident set
    counts every page of the parent it shares, so each one would cost the whole site model again
    in the build's total memory. `frozen`: the caller keeps objects frozen already (see below).
    """
    with renderer.theme.watchdog.watching():  # (a page that never ends is stopped: `timelimit`)
        yield from _render_all(renderer, output, sorted(todo, key=_render_order), jobs, frozen)


def _render_all(renderer: Renderer, output: Output, todo: list[tuple[Page, str]], jobs: int, frozen: bool) -> Iterator[Staged]:
    if jobs <= 1 or len(todo) < PARALLEL_FROM:
        yield from _render(renderer, output, todo)
        return
    # (Imported only now: a build that renders few pages, as after one edit, spares importing them, 10-20 ms.)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(8, min(64, len(todo) // (jobs * 16)))
    context = multiprocessing.get_context("fork")
    bounds = context.Array("q", [0, len(todo)])  # [front, back): the pages nobody has taken yet
    # Helpers then leave the inherited objects alone (no copy-on-write by the collector). The preview keeps what
    # lived through its last pause frozen (`watch.collect_garbage`): what was made since is left to the collector,
    # as frozen it would wait for a full collection, which saves without a pause between them never get.
    if not frozen:
        gc.freeze()
    try:
        initargs = (renderer, output, todo, bounds, size, os.getpid())
        # (Files set aside are claimed by moving them meanwhile: `Output.sharing`.)
        with output.sharing(), owned(ProcessPoolExecutor(jobs - 1, mp_context=context, initializer=_inherit, initargs=initargs)) as pool:
            helpers = [pool.submit(_render_front) for _ in range(jobs - 1)]
            try:
                while taken := _take(bounds, size, from_back=True):
                    yield from _render(renderer, output, todo[taken[0] : taken[1]])
                    for helper in helpers:
                        if helper.done():
                            result_of(pool, helper)  # a helper that failed: its error now, not after the rest is rendered
                for helper in helpers:
                    staged, made = result_of(pool, helper)
                    renderer.cards.add(made)
                    yield from staged
            except BaseException:
                _give_up(bounds)  # the helpers stop at their next range: the error is reported now, not after the rest
                raise
    finally:
        if not frozen:
            gc.unfreeze()


class Cards:
    """The entries `Renderer.card` made (each in parts, by what it shows), for the listing pages that show them.

    A one-shot build keeps the last `CARDS_KEPT` made: listings render in date order, so an article's are rendered
    close together. The preview's `Builder` keeps them from build to build (`share`): a new article moves every
    article of the home page to the next page, a tag given to an article moves its tag's, and their entries are then
    placed, not made again. Forked render helpers hand theirs back (`render_pages`).

    An entry is a function of its key (`Renderer.card`) and of `base`: the config, the theme's strings, ssg's code
    and the entry template; a build with another base starts anew.
    """

    def __init__(self, base: str, share: bool = False, counts: bool = False):
        """`counts`: the entry template reads a tag's count (`fingerprints.READS_COUNT`), which is then in the key."""
        self.base = base
        self.limit = CARDS_KEPT_BETWEEN_BUILDS if share else CARDS_KEPT
        self.share = share
        self.counts = counts
        self.as_is: bool | None = None  # whether the template only prints its links (`links_printed_as_is`): asked once
        # None: an entry rendered for each page (`Renderer._card_parts`). Ordered: letting the first made go is O(1) (a
        # dict steps over the slots of every entry let go before, 1 s a new article at 100,000 articles).
        self.entries: OrderedDict[tuple, list[str] | None] = OrderedDict()
        self.made: dict[tuple, list[str] | None] | None = None  # in a render helper of a builder that keeps them: what it made
        self.complete = False  # whether a pause made every entry of a build's listings (`Renderer.make_cards`)

    def put(self, key: tuple, parts: list[str] | None) -> None:
        if len(self.entries) >= self.limit:
            self.entries.popitem(last=False)  # the first made
        self.entries[key] = parts
        if self.made is not None:
            self.made[key] = parts

    def keep_only(self, articles: Iterable[Article]) -> None:
        """Let go of the entries of every article but `articles` (by key: an edited article's earlier self goes)."""
        keys = set(map(attrgetter("key"), articles))
        self.entries = OrderedDict((key, parts) for key, parts in self.entries.items() if key[0] in keys)

    def add(self, made: dict[tuple, list[str] | None]) -> None:
        """Entries a render helper made."""
        for key, parts in made.items():
            if key not in self.entries:
                self.put(key, parts)


def links_printed_as_is(theme: Theme, name: str) -> bool:
    """Whether template `name` uses `url_for` only to print a link: `{{ url_for(x) }}`, alone or joined to text with
    `~`. Then a link's text can be put in after rendering. Anything else (a filter or a test on a link, a macro, an
    include, `url_for` passed on) might do more with it, so this says no (and a missing template: its error comes
    when it is rendered)."""
    ast = theme.parse(name)
    return ast is not None and _prints_links_only(ast)


_OPAQUE = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends, nodes.Macro, nodes.CallBlock, nodes.FilterBlock)


def _prints_links_only(node: nodes.Node) -> bool:
    if isinstance(node, _OPAQUE) or (isinstance(node, nodes.Name) and node.name == "url_for"):
        return False
    if isinstance(node, nodes.Output):
        printed = [part for item in node.nodes for part in (item.nodes if isinstance(item, nodes.Concat) else [item])]
        return all(_printed_link(part) or _prints_links_only(part) for part in printed)
    return all(map(_prints_links_only, node.iter_child_nodes()))


def _printed_link(node: nodes.Node) -> bool:
    """`url_for(...)` itself, printed: its arguments may be anything but `url_for` again."""
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "url_for"):
        return False
    return all(map(_prints_links_only, (*node.args, *node.kwargs, *filter(None, (node.dyn_args, node.dyn_kwargs)))))


def _render_order(item: tuple[Page, str]) -> tuple[int, float]:
    """Pages that list articles after the others, newest first by their newest article: an article's entries on the
    home page and on its tags' and dates' pages are then rendered close together, while the renderer still keeps the
    entry made for the first of them (`CARDS_KEPT`), also where two processes share the list from its two ends."""
    articles = item[0].context.get("articles")
    return (1, -articles[0].date.timestamp()) if articles else (0, 0.0)


def _take(bounds: Any, size: int, from_back: bool) -> tuple[int, int] | None:
    """Claim the next `size` pages from one end of the shared range; None when it is empty."""
    with bounds.get_lock():
        front, back = bounds[0], bounds[1]
        if front >= back:
            return None
        if from_back:
            bounds[1] = max(front, back - size)
            return bounds[1], back
        bounds[0] = min(back, front + size)
        return front, bounds[0]


def _give_up(bounds: Any) -> None:
    """Leave no pages to take: a render failed, and the build with it."""
    with bounds.get_lock():
        bounds[0] = bounds[1]


def _render(renderer: Renderer, output: Output, todo: list[tuple[Page, str]]) -> list[Staged]:
    return [output.stage(page.file, renderer.render(page), fingerprint) for page, fingerprint in todo]


def _inherit(renderer: Renderer, output: Output, todo: list, bounds: Any, size: int, parent: int) -> None:
    global _inherited
    _inherited = (renderer, output, todo, bounds, size, parent)
    die_with(parent)


def _render_front() -> tuple[list[Staged], dict[tuple, list[str] | None]]:
    """A helper's share: ranges from the front until the list is taken; with the listing entries it made, for a
    builder that keeps them (`Cards.share`)."""
    renderer, output, todo, bounds, size, parent = _inherited
    staged: list[Staged] = []
    cards = renderer.cards
    cards.made = {} if cards.share else None
    try:
        with renderer.theme.watchdog.watching():
            while os.getppid() == parent and (taken := _take(bounds, size, from_back=False)):
                staged += _render(renderer, output, todo[taken[0] : taken[1]])
    except BaseException:
        _give_up(bounds)
        raise
    return staged, cards.made or {}
