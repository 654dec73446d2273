"""Every page of the site, planned before anything is rendered.

A `Page` names its path, template and the objects it shows, and `deps`: a description of
everything it shows besides the templates. An incremental build re-renders a page only when its
deps or its templates changed, which is how editing one article re-renders that article and the
few listings it appears on, and nothing else.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .content import Article
from .site import Period, Site
from .theme import format_date
from .urls import Urls


@dataclass(frozen=True)
class Page:
    """One HTML page to render."""

    path: str
    kind: str
    template: str
    lang: str
    title: str | None
    context: dict[str, Any] = field(hash=False, compare=False)
    deps: tuple = field(hash=False, compare=False)


@dataclass(frozen=True, repr=False)
class Paginator:
    page: int
    pages: int
    total: int
    first: str
    last: str
    prev: str | None
    next: str | None

    def __repr__(self) -> str:  # fast: part of page fingerprints
        return f"Paginator({self.page}, {self.pages}, {self.total}, {self.first!r}, {self.last!r}, {self.prev!r}, {self.next!r})"


@dataclass(frozen=True, repr=False)
class Link:
    """A labelled link to a period (up, previous, next)."""

    path: str
    label: str

    def __repr__(self) -> str:
        return f"Link({self.path!r}, {self.label!r})"


@dataclass(frozen=True, repr=False)
class ArticleLink:
    """What a page shows of an article it only links to (latest list, previous/next)."""

    title: str
    date: Any
    lang: str
    path: str

    def __repr__(self) -> str:
        return f"ArticleLink({self.title!r}, {self.date.isoformat()!r}, {self.lang!r}, {self.path!r})"


def card(article: Article | None, site: Site | None = None) -> tuple | None:
    """What a listing shows of an article: any change to it, or to its translations, re-renders the listing."""
    if article is None:
        return None
    translations = site.versions.get(article.source_path) if site else None
    if translations:
        return (article.key, article.source_path, tuple(a.key for a in translations))
    return (article.key, article.source_path)


NO_PERIODS = {"tag": None, "up": None, "prev_period": None, "next_period": None}


class Planned:
    """What a plan made, for the next plan of the same `Builder`: each group of pages (one
    article's page, one paginated listing) with the inputs it was made from.

    A group whose inputs compare equal next time is taken as it is, pages unmade. The inputs
    are the pages' deps, which name articles by key; a key and the config determine an article,
    so equal inputs under the same config make equal pages. A page taken over holds the earlier
    build's (equal) article objects: code that renders pages tells articles apart by path, never
    by identity.
    """

    def __init__(self, config: Config, previous: Planned | None = None, keep: bool = True):
        """`keep=False`: there is no next plan (a one-shot build), so keep nothing."""
        self.config = config
        self.before = previous.groups if previous is not None and previous.config == config else {}
        self.groups: dict[tuple, tuple[tuple, tuple[Page, ...]]] = {}
        self.keep = keep

    def group(
        self, key: tuple, inputs: tuple, make: Callable[[], Iterator[Page]], part: Callable[[Page], tuple] | None = None
    ) -> tuple[Page, ...]:
        """The pages of one group; `part(page)`: the key of the smaller group `make` made each page in, kept along
        with this group when it is taken whole."""
        before = self.before.get(key)
        if before is None or before[0] != inputs:
            pages = tuple(make())
        else:
            pages = before[1]
            if part is not None and self.keep:
                for page in pages:
                    inner = part(page)
                    if inner in self.before:
                        self.groups[inner] = self.before[inner]
        if self.keep:
            self.groups[key] = (inputs, pages)
        return pages


def plan(site: Site, config: Config, urls: Urls, planned: Planned | None = None) -> Iterator[Page]:
    """All pages, in a fixed order: articles, home (and each language's), tags, dates, archive, 404.

    `planned`: where the groups of pages are kept (`Planned`), for the next plan to reuse.
    """
    planned = planned or Planned(config)
    # Every article is shown on about seven listings: its card is made once.
    cards = {a.source_path: card(a, site) for a in site.articles}
    yield from article_pages(site, urls, cards, planned)
    yield from listing(urls.home, "home", None, site.listed, config, NO_PERIODS, cards, planned)
    if config.multilingual:
        for lang in config.language_codes:
            articles = site.by_lang.get(lang, ())
            path_of = lambda n, lang=lang: urls.lang_home(lang, n)  # noqa: E731
            yield from listing(path_of, "home", None, articles, config, NO_PERIODS, cards, planned, lang)
    yield from tag_pages(site, config, urls, cards, planned)
    yield from period_pages(site, config, urls, cards, planned)
    yield Page(
        "archive/",
        "archive",
        "archive.html",
        config.lang,
        None,
        {"years": archive_years(site, urls)},
        tuple((str(p), len(a)) for p, a in sorted(site.periods.items(), key=lambda i: i[0].start)),
    )
    yield Page(urls.not_found(), "404", "404.html", config.lang, None, {}, ())


def link(article: Article | None, urls: Urls) -> ArticleLink | None:
    return None if article is None else ArticleLink(article.title, article.date, article.lang, urls.article(article))


def latest_links(site: Site, config: Config, urls: Urls) -> dict[str, tuple[ArticleLink, ...]]:
    """The latest list for each page language: the newest news, each in that language where translated."""
    langs = config.language_codes if config.multilingual else (config.lang,)
    newest = site.listed[: config.latest]
    latest = {lang: tuple(link(site.version(a, lang), urls) for a in newest) for lang in langs}
    return defaultdict(lambda: latest[config.lang], latest)


def article_pages(site: Site, urls: Urls, cards: dict[str, tuple], planned: Planned) -> Iterator[Page]:
    # Only links to the neighbours are shown, so editing an article's body re-renders its
    # own page and its listings, not the pages that link to it. A link shows only its article's
    # fields and URL, which follow from the article's key: deps name the neighbours by card.
    for article in site.articles:
        neighbours = site.neighbours(article)
        versions = site.translations(article)
        deps = (
            article.key,
            *(cards[a.source_path][:2] if a else None for a in neighbours),
            site.tags_of(article),
            tuple(cards[a.source_path][:2] for a in versions),
        )
        yield from planned.group(("article", article.source_path), deps, lambda a=article, d=deps: [_article_page(a, site, urls, d)])


def _article_page(article: Article, site: Site, urls: Urls, deps: tuple) -> Page:
    older, newer = (link(a, urls) for a in site.neighbours(article))
    translations = tuple(link(a, urls) for a in site.translations(article))
    context = {"article": article, "prev": older, "next": newer, "translations": translations}
    return Page(urls.article(article), "article", "article.html", article.lang, article.title, context, deps)


def listing(
    path_of: Callable[[int], str],
    kind: str,
    heading: str | None,
    articles: Sequence[Article],
    config: Config,
    extra: dict[str, Any],
    cards: dict[str, tuple],
    planned: Planned,
    lang: str | None = None,
) -> tuple[Page, ...]:
    """The pages of one paginated list of articles, in `lang` (default: the site's language); `cards`: `card` of every article.

    The listing is a group of `planned`, and so is each of its pages: a listing that did not change
    is taken whole; in one that did, one article edited changes one of its pages.
    """
    extra_deps = tuple((k, v) for k, v in sorted(extra.items()) if k != "tag") + ((extra["tag"],) if extra.get("tag") else ())
    shown = tuple([cards[a.source_path] for a in articles])

    def make() -> Iterator[Page]:
        count = max(1, math.ceil(len(articles) / config.paginate))
        first, last = path_of(1), path_of(count)
        for number in range(1, count + 1):
            start, end = (number - 1) * config.paginate, number * config.paginate
            previous = path_of(number - 1) if number > 1 else None
            following = path_of(number + 1) if number < count else None
            paginator = Paginator(number, count, len(articles), first, last, previous, following)
            deps = (shown[start:end], paginator, heading, extra_deps)
            path = path_of(number)

            def page(path=path, chunk=articles[start:end], paginator=paginator, deps=deps) -> list[Page]:
                context = {"articles": chunk, "paginator": paginator, "heading": heading} | extra
                return [Page(path, kind, "list.html", lang or config.lang, heading, context, deps)]

            yield from planned.group((kind, path), (lang, deps), page)

    return planned.group(("listing", kind, path_of(1)), (lang, heading, extra_deps, shown), make, lambda page: (kind, page.path))


def tag_pages(site: Site, config: Config, urls: Urls, cards: dict[str, tuple], planned: Planned) -> Iterator[Page]:
    for tag in site.tags:
        yield from listing(
            lambda n, s=tag.slug: urls.tag(s, n),
            "tag",
            tag.name,
            site.tag_articles[tag.key],
            config,
            {"tag": tag, "up": Link(urls.tags(), ""), "prev_period": None, "next_period": None},
            cards,
            planned,
        )
    yield Page(urls.tags(), "tags", "tags.html", config.lang, None, {"tags": site.tags}, site.tags)


def period_pages(site: Site, config: Config, urls: Urls, cards: dict[str, tuple], planned: Planned) -> Iterator[Page]:
    links = {None: None} | {p: period_link(p, urls, config.lang) for p in site.periods}  # each is linked three times
    for kind in ("year", "month", "day"):
        periods = site.periods_of(kind)
        for index, period in enumerate(periods):
            newer = periods[index - 1] if index > 0 else None
            older = periods[index + 1] if index + 1 < len(periods) else None
            extra = {"tag": None, "up": links[period.parent], "prev_period": links[older], "next_period": links[newer]}
            label = links[period].label
            path_of = lambda n, p=period: urls.period(p.year, p.month, p.day, n)  # noqa: E731
            yield from listing(path_of, kind, label, site.periods[period], config, extra, cards, planned)


def period_link(period: Period | None, urls: Urls, lang: str) -> Link | None:
    if period is None:
        return None
    return Link(urls.period(period.year, period.month, period.day), period_label(period, lang))


def period_label(period: Period, lang: str) -> str:
    """`2021`, `May 2021` / `май 2021 г.`, `May 24, 2021` / `24 мая 2021 г.`."""
    if period.kind == "year":
        return str(period.year)
    if period.kind == "month":
        return format_date(period.start, "LLLL y", lang).capitalize()
    return format_date(period.start, "long", lang)


@dataclass(frozen=True)
class ArchiveMonth:
    month: Any  # date on the 1st
    path: str
    count: int


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    path: str
    count: int
    months: tuple[ArchiveMonth, ...]


def archive_years(site: Site, urls: Urls) -> tuple[ArchiveYear, ...]:
    years = []
    all_months = site.periods_of("month")
    for year in site.periods_of("year"):
        months = tuple(ArchiveMonth(m.start, urls.period(m.year, m.month), len(site.periods[m])) for m in all_months if m.year == year.year)
        years.append(ArchiveYear(year.year, urls.period(year.year), len(site.periods[year]), months))
    return tuple(years)
