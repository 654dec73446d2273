"""Every page of the site, planned before anything is rendered.

A `Page` names its path, template and the objects it shows, and `deps`: a description of
everything it shows besides the templates. An incremental build re-renders a page only when its
deps or its templates changed, which is how editing one article re-renders that article and the
few listings it appears on, and nothing else.
"""

from __future__ import annotations

import math
import operator
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, compress
from typing import Any, NamedTuple

from .config import Config
from .content import Article, Day, StandalonePage
from .labels import Labels
from .scripts import alphabetical, written_in_cyrillic
from .site import Period, Site
from .standalone import Standalones
from .theme import PAGE_TEMPLATE, date_formatter
from .urls import Urls, output_file

_SOURCE_PATH = operator.attrgetter("source_path")
_PAGES_MADE = operator.itemgetter(0)  # (of what `Groups` made of a group: its pages, and the groups they were made of)
# The kinds of page search engines are to index (the sitemap lists them): not the 404 page, the search page, redirects.
INDEXED_KINDS = frozenset({"article", "page", "home", "tag", "year", "month", "day", "tags", "archive", "source", "sources"})
OUTLET_KINDS = frozenset({"source", "sources"})  # an outlet's page and the index of outlets (site.yaml `sources:`)


class _Kept:
    """`functools.cached_property` without its lock: Python 3.11's takes one on each first read, and a build reads
    `file` and `indexed` of every page (34,000 first reads at 10,000 articles: 83 ms, 33 ms without the lock). Like
    it, it keeps the value in the object's `__dict__`, where later reads find it without calling here."""

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


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

    @_Kept
    def file(self) -> str:
        """The file it is written to, relative to the output folder (asked of every page of every build)."""
        return output_file(self.path)

    @_Kept
    def indexed(self) -> bool:
        """Whether search engines are to index it (`INDEXED_KINDS`), a draft (which the preview alone shows) not, nor
        an article or page that says so (`Article.indexed`). Kept with the page, which a long-lived builder takes over
        from build to build: the sitemap asks every page."""
        if self.kind == "article":
            return self.context["article"].indexed
        if self.kind == "page":
            return self.context["standalone"].indexed
        return self.kind in INDEXED_KINDS


@dataclass(frozen=True, repr=False)
class Paginator:
    page: int
    pages: int
    total: int
    first: str
    last: str
    prev: str | None
    next: str | None
    # Every page's path, the listing's one tuple for all its pages: for `window`, made as a page renders (held made, the
    # windows of 7,000 listing pages were 5.6 MB more at 10,000 articles). Not compared, nor in the repr: they follow
    # from `pages` and the listing's URLs, which `first` names.
    paths: tuple[str, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:  # fast: part of page fingerprints
        return f"Paginator({self.page}, {self.pages}, {self.total}, {self.first!r}, {self.last!r}, {self.prev!r}, {self.next!r})"

    @property
    def window(self) -> tuple[tuple[int, str] | None, ...]:
        """The numbered links around this page (`page_window`): (number, path), None where numbers are left out (`…`);
        none on a listing of one page."""
        if self.pages < 2:
            return ()
        return tuple((n, self.paths[n - 1]) if n else None for n in page_window(self.page, self.pages))


WINDOW_SIDE = 2  # numbers shown on each side of the current page: 1 … 4 5 [6] 7 8 … 1000


def page_window(page: int, pages: int, side: int = WINDOW_SIDE) -> tuple[int | None, ...]:
    """The page numbers a pager shows on page `page` of `pages`: the first, the last, and `side` on each side of the
    current one, None for each run left out; a run of one page is shown rather than a `…` standing for it (as Django's
    `get_elided_page_range`). It depends on `page` and `pages` alone, which every listing page shows already ("page 6
    of 1000"): a window changes only where that text does, so it makes no page again that was not made again before."""
    numbers: list[int | None] = []
    last = 0
    for number in sorted({1, pages, *range(max(1, page - side), min(pages, page + side) + 1)}):
        if number - last == 2:
            numbers.append(number - 1)
        elif number - last > 2:
            numbers.append(None)
        numbers.append(number)
        last = number
    return tuple(numbers)


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
    day: bool = False  # the date was written as a day alone (a `Day`, which compares equal to that midnight)

    def __repr__(self) -> str:
        return f"ArticleLink({self.title!r}, {self.date.isoformat()!r}, {self.lang!r}, {self.path!r}, {self.day!r})"


@dataclass(frozen=True, repr=False)
class PageLink:
    """What a page shows of a standalone page it links to (the header's menu, its other languages, a redirect), or of a
    link of site.yaml's `menu:`, whose `path` is an address on another site where it is `external` (`url_for` gives it
    as it is)."""

    title: str
    lang: str
    path: str  # a site path, or an address on another site (`external`)
    external: bool = False

    def __repr__(self) -> str:
        return f"PageLink({self.title!r}, {self.lang!r}, {self.path!r}, {self.external!r})"


def page_link(page: StandalonePage, urls: Urls) -> PageLink:
    return PageLink(page.title, page.lang, urls.page(page))


def menu_links(standalone: Standalones, config: Config, urls: Urls) -> dict[str, tuple[PageLink, ...]]:
    """The header's menu of each page language: the standalone pages with `menu:` (`Standalones.menu`) and site.yaml's
    `menu:` links, by their places (a page's `menu:` number, a link's `weight`), then by name. The same on every page
    in a language; a language that is none of the site's (an article's on a single-language site) gets the site
    language's."""
    langs = config.language_codes if config.multilingual else (config.lang,)
    menus = {}
    for lang in langs:
        items: list[tuple[tuple, PageLink]] = [
            ((page.menu, page.title.casefold(), page.source_path), page_link(page, urls)) for page in standalone.menu(lang)
        ]
        for entry in config.menu:
            name, name_lang = entry.name_in(lang, config.lang)
            items.append(((entry.weight, name.casefold(), entry.url), PageLink(name, name_lang, entry.url, entry.external)))
        menus[lang] = tuple(link for _, link in sorted(items, key=lambda item: item[0]))
    return defaultdict(lambda: menus[config.lang], menus)


def card(article: Article | None, site: Site | None = None) -> tuple | None:
    """What a listing shows of an article: any change to it, or to its translations, re-renders the listing."""
    if article is None:
        return None
    translations = site.versions.get(article.source_path) if site else None
    if translations:
        return (article.key, article.source_path, tuple(a.key for a in translations))
    return (article.key, article.source_path)


class CardDeps(dict):
    """Source path -> the article's card (`card`), made once a plan: an article is on five or six listings (70,000
    cards on 7,000 listing pages at 10,000 articles, each made anew by every build of a new process). A plan's site
    has one article at each path, and its translations are the site's: the card of the path is the article's."""

    def __init__(self, site: Site):
        super().__init__()
        self.site = site

    def of(self, articles: Sequence[Article]) -> tuple:
        """The cards of `articles`, in order."""
        found = list(map(self.get, map(_SOURCE_PATH, articles)))
        if None in found:
            for n in [n for n, made in enumerate(found) if made is None]:
                found[n] = self[articles[n].source_path] = card(articles[n], self.site)
        return tuple(found)


NO_PERIODS = {"tag": None, "outlet": None, "up": None, "prev_period": None, "next_period": None}


class Groups:
    """Pages in groups (one article's page, one paginated listing, one page of it), each kept with the
    inputs it was made from, for the next plan of the same `Builder`.

    A group whose inputs compare equal next time is taken as it is, pages unmade, together with the
    smaller groups it was made of (so a listing that changes later remakes only its changed pages).
    The inputs are the objects the pages show: a key and the config determine an article, and an
    unchanged file reads as the same article object build after build, so equal inputs under the
    same config make equal pages, and comparing them costs next to nothing. A page taken over holds
    the earlier build's (equal) article objects: code that renders pages tells articles apart by
    path, never by identity.
    """

    __slots__ = ("_inputs_before", "_made_before", "inputs", "made", "keep")

    def __init__(self, previous: Groups | None = None, keep: bool = True):
        """`keep=False`: there is no next plan (a one-shot build), so keep nothing."""
        self._inputs_before = previous.inputs if previous is not None else {}
        self._made_before = previous.made if previous is not None else {}
        self.inputs: dict[Hashable, Any] = {}  # key -> what its pages were made from
        self.made: dict[Hashable, tuple[tuple[Page, ...], Groups]] = {}  # key -> (its pages, the groups they were made of)
        self.keep = keep

    def group(self, key: Hashable, inputs: Any, make: Callable[[Groups], Iterable[Page]]) -> tuple[Page, ...]:
        """The pages of one group: last time's if its inputs compare equal, else `make(groups)`, which may
        make them in smaller groups of `groups`."""
        return self.each([key], [inputs], lambda _, groups: make(groups))[0]

    def each(self, keys: list[Hashable], inputs: list, make: Callable[[int, Groups], Iterable[Page]]) -> list[tuple[Page, ...]]:
        """`group` for each of `keys` (`make(index, groups)` makes the pages of `keys[index]`), comparing in bulk:
        a rebuild compares 10,000 of them."""
        if not self.compares:
            # The groups it would make for each key would be as empty as this one, so this one stands in for them.
            # Making 25,000 of them, and comparing 15,000 inputs with nothing, was 30% of planning 17,000 pages.
            return [tuple(make(index, self)) for index in range(len(keys))]
        # (In C but for the groups made again: a save takes over all but a few of 10,000.)
        made = list(map(self._made_before.get, keys))
        for index in compress(range(len(keys)), map(operator.ne, map(self._inputs_before.get, keys), inputs)):
            made[index] = self._make(keys[index], index, make)
        if self.keep:
            self.inputs.update(zip(keys, inputs, strict=True))
            self.made.update(zip(keys, made, strict=True))
        return list(map(_PAGES_MADE, made))

    @property
    def compares(self) -> bool:
        """Whether inputs are compared or kept: not in a one-shot build (every `ssg build`), which has no last plan to
        compare with and no next to keep them for; a caller then need not make them (`inputs` are not looked at)."""
        return self.keep or bool(self._inputs_before)

    def _make(self, key: Hashable, index: int, make: Callable[[int, Groups], Iterable[Page]]) -> tuple[tuple[Page, ...], Groups]:
        before = self._made_before.get(key)
        groups = Groups(before[1] if before is not None else None, self.keep)
        pages = tuple(make(index, groups))
        groups.settle()
        return pages, groups

    def settle(self) -> None:
        """Let go of the last plan's groups once this plan's are made (kept, every page would be held twice)."""
        self._inputs_before = self._made_before = {}


class Planned:
    """What a plan made, for the next plan of the same `Builder` under the same config: its `Groups`
    of pages, and the link to each period."""

    def __init__(self, config: Config, previous: Planned | None = None, keep: bool = True, labels: Labels | None = None):
        """`keep=False`: there is no next plan (a one-shot build), so keep nothing. `labels`: the period labels an
        earlier process's build made (`labels.Labels`), which this one takes rather than make again."""
        self.config = config
        self.labels = labels
        same = previous is not None and previous.config == config
        self.groups = Groups(previous.groups if same else None, keep)
        self._dates_before = previous.dates if same else None
        self.dates: Dates | None = None  # what the date archive's pages were made from (`dated`), if it keeps them
        self.keep = keep

    def dated(self, site: Site, urls: Urls, counts: list[tuple[Period, int]]) -> Dates:
        """What the date archive's pages are made from besides their articles (`Dates`): the last plan's where every
        period and its count (`counts`, in the model's order) are as they were, as after most saves (a text, title or
        tags edited): made again, they were 15 ms of every save at 10,000 articles (5,000 periods), and the same objects
        compare at once (`Groups.each`)."""
        before = self._dates_before
        if before is not None and before.counts == counts:
            made = before
        else:
            # (Each link's label is a Babel date: the last plan's link of a period is taken over.)
            known = before.links if before is not None else {}
            lang, labels = self.config.lang, self.labels
            links = {None: None} | {p: known.get(p) or period_link(p, urls, lang, labels) for p in site.periods}
            kinds = {}
            for kind in ("year", "month", "day"):
                periods = site.periods_of(kind)
                kinds[kind] = (
                    periods,
                    [(periods[i + 1] if i + 1 < len(periods) else None, periods[i - 1] if i > 0 else None) for i in range(len(periods))],
                )
            made = Dates(counts, links, period_parts(site, links), kinds)
        self.dates = made if self.keep else None
        return made


def plan(site: Site, config: Config, urls: Urls, planned: Planned | None = None) -> Iterator[Page]:
    """All pages, in a fixed order: articles, standalone pages, home (and each language's), tags, outlets (unless
    site.yaml `sources:` switches them off), dates, archive, 404.

    `planned`: where the groups of pages are kept (`Planned`), for the next plan to reuse.
    """
    planned = planned or Planned(config)
    groups = planned.groups
    cards = CardDeps(site)
    yield from article_pages(site, urls, groups)
    yield from standalone_pages(site.standalone, urls, groups)
    yield from listing(urls.home, "home", None, site.listed, config, NO_PERIODS, site, groups, cards=cards)
    if config.multilingual:
        for lang in config.language_codes:
            articles = site.by_lang.get(lang, ())
            path_of = lambda n, lang=lang: urls.lang_home(lang, n)  # noqa: E731
            yield from listing(path_of, "home", None, articles, config, NO_PERIODS, site, groups, lang, cards)
    yield from tag_pages(site, config, urls, groups, cards)
    if config.sources.enabled:
        yield from source_pages(site, config, urls, groups, cards)
    counts = [(p, len(a)) for p, a in site.periods.items()]
    yield from period_pages(site, config, urls, planned, counts, cards)
    yield from groups.group("archive", counts, lambda _: [_archive_page(site, config, urls)])
    yield Page(urls.not_found(), "404", "404.html", config.lang, None, {}, ())
    groups.settle()


def _archive_page(site: Site, config: Config, urls: Urls) -> Page:
    deps = tuple((str(p), len(a)) for p, a in sorted(site.periods.items(), key=lambda i: i[0].start))
    return Page(urls.archive(), "archive", "archive.html", config.lang, None, {"years": archive_years(site, urls)}, deps)


def link(article: Article | None, urls: Urls) -> ArticleLink | None:
    if article is None:
        return None
    return ArticleLink(article.title, article.date, article.lang, urls.article(article), isinstance(article.date, Day))


def latest_links(site: Site, config: Config, urls: Urls) -> dict[str, tuple[ArticleLink, ...]]:
    """The latest list for each page language: the newest news, each in that language where translated."""
    langs = config.language_codes if config.multilingual else (config.lang,)
    newest = site.listed[: config.latest]
    latest = {lang: tuple(link(site.version(a, lang), urls) for a in newest) for lang in langs}
    return defaultdict(lambda: latest[config.lang], latest)


def article_pages(site: Site, urls: Urls, groups: Groups) -> Iterator[Page]:
    # An article's page shows the article, its tags, and only links to its neighbours and
    # translations: editing an article's body re-renders its own page and its listings, not the
    # pages that link to it. Those objects are the page's inputs; an unchanged file reads as the
    # same article object build after build, so comparing them costs next to nothing. Its tags
    # count without their counts, which the page reads from the site when it is rendered (and a
    # theme that shows them makes the page's fingerprint change: `fingerprints.READS_COUNT`).
    articles = site.articles
    paths = list(map(_SOURCE_PATH, articles))
    inputs = (
        list(
            zip(
                articles,
                map(site.neighbours_of.__getitem__, paths),
                map(site.tags_shown.__getitem__, paths),
                map(site.versions.get, paths),
                site.outlets_shown(articles),
                strict=True,
            )
        )
        if groups.compares
        else paths  # (not looked at)
    )
    links = _Links(urls)
    return chain.from_iterable(groups.each(paths, inputs, lambda index, _: [_article_page(articles[index], site, links)]))


class _Links(dict):
    """source path -> (the article's link, its repr), made once a plan: each article is the neighbour
    of two pages, and 10,000 pages each holding links and texts of their own would be ~5 MB more in
    the build and in its forked render helper."""

    def __init__(self, urls: Urls):
        super().__init__()
        self.urls = urls

    def of(self, article: Article | None) -> tuple[ArticleLink | None, str]:
        """The link to `article` and its text (what deps name it by)."""
        if article is None:
            return None, "None"
        found = self.get(article.source_path)
        if found is None:  # (not a KeyError caught: each article's first look misses; 10,000 raised: 5 ms)
            made = link(article, self.urls)
            found = self[article.source_path] = (made, repr(made))
        return found


def _article_page(article: Article, site: Site, links: _Links) -> Page:
    (older, older_text), (newer, newer_text) = map(links.of, site.neighbours(article))
    translations = tuple(links.of(a)[0] for a in site.translations(article))
    # Of the articles it links to, the page shows only their links: deps name them by those, so an
    # edit to a neighbour's text does not make this page again. (As text: two links to the same
    # instant written with other offsets are equal, but print other times.)
    deps = (
        article.key,
        older_text,
        newer_text,
        site.tags_of(article),
        repr(translations) if translations else "()",
        site.outlet_shown(article),
    )
    context = {"article": article, "prev": older, "next": newer, "translations": translations}
    path = links.of(article)[0].path  # type: ignore[union-attr]  # (the string its neighbours' links hold)
    return Page(path, "article", "article.html", article.lang, article.title, context, deps)


def standalone_pages(standalone: Standalones, urls: Urls, groups: Groups) -> Iterator[Page]:
    """Each standalone page (About), which shows itself and links its other language versions. The header's menu
    that every page shows is part of every page's fingerprint (`build._plan_pages`), not of these pages' deps."""
    pages = standalone.pages
    keys = [("page", page.source_path) for page in pages]  # (apart from articles': a file may turn from one to the other)
    inputs = [(page, standalone.versions.get(page.source_path)) for page in pages]
    return chain.from_iterable(groups.each(keys, inputs, lambda index, _: [_standalone_page(pages[index], standalone, urls)]))


def _standalone_page(page: StandalonePage, standalone: Standalones, urls: Urls) -> Page:
    translations = tuple(page_link(p, urls) for p in standalone.translations(page))
    deps = (page.key, repr(translations))
    context = {"standalone": page, "translations": translations}
    return Page(urls.page(page), "page", PAGE_TEMPLATE, page.lang, page.title, context, deps)


def listing(
    path_of: Callable[[int], str],
    kind: str,
    heading: str | None,
    articles: Sequence[Article],
    config: Config,
    extra: dict[str, Any],
    site: Site,
    groups: Groups,
    lang: str | None = None,
    cards: CardDeps | None = None,
) -> tuple[Page, ...]:
    """The pages of one paginated list of articles, in `lang` (default: the site's language).

    The listing is a group of `groups`, and each of its pages a group in it: a listing that did not
    change is taken whole; in one that did, one article edited changes one of its pages (and only
    that page is described by its articles' cards, which are what the page's deps name). `cards`: the plan's (`CardDeps`).
    """
    # (The inputs only where they are compared or kept: not in a one-shot build, where they cost a look at every
    # article of every listing, 70,000 at 10,000 articles.)
    compares = groups.compares
    translated = _translated(site, articles) if compares else None
    cards = cards if cards is not None else CardDeps(site)

    def make(groups: Groups) -> list[Page]:
        size = config.paginate.of(kind)
        count = max(1, math.ceil(len(articles) / size))
        paths = tuple(path_of(number) for number in range(1, count + 1))
        paginators = [
            Paginator(n, count, len(articles), paths[0], paths[-1], paths[n - 2] if n > 1 else None, paths[n] if n < count else None, paths)
            for n in range(1, count + 1)
        ]
        chunks = [articles[start : start + size] for start in range(0, count * size, size)]
        shown = [translated[n * size : (n + 1) * size] if translated else None for n in range(count)] if compares else []
        inputs = [(lang, heading, extra, chunk, shown[n], paginators[n]) for n, chunk in enumerate(chunks)] if compares else paths
        # (The same on each of its pages: made once a listing.)
        extra_deps = tuple((k, v) for k, v in sorted(extra.items()) if k != "tag") + ((extra["tag"],) if extra.get("tag") else ())
        made = groups.each(paths, inputs, lambda n, _: [page(paths[n], chunks[n], paginators[n], extra_deps)])
        return list(chain.from_iterable(made))

    def page(path: str, chunk: Sequence[Article], paginator: Paginator, extra_deps: tuple) -> Page:
        deps = (cards.of(chunk), paginator, heading, extra_deps)
        context = {"articles": chunk, "paginator": paginator, "heading": heading} | extra
        return Page(path, kind, "list.html", lang or config.lang, heading, context, deps)

    inputs = (lang, heading, extra, articles, translated) if compares else None  # (not looked at)
    return groups.group(("listing", kind, path_of(1)), inputs, make)


def _translated(site: Site, articles: Sequence[Article]) -> tuple | None:
    """The translations of listed articles: a listing's card of an article covers them, so its inputs hold them too."""
    return tuple([site.versions.get(a.source_path) for a in articles]) if site.versions else None


def tag_pages(site: Site, config: Config, urls: Urls, groups: Groups, cards: CardDeps | None = None) -> Iterator[Page]:
    for tag in site.tags:
        yield from listing(
            lambda n, s=tag.slug: urls.tag(s, n),
            "tag",
            tag.label(config.lang),  # (as the tags index, article pages and the tag's feed name it)
            site.tag_articles[tag.key],
            config,
            {"tag": tag, "outlet": None, "up": Link(urls.tags(), ""), "prev_period": None, "next_period": None},
            site,
            groups,
            cards=cards,
        )
    cyrillic = written_in_cyrillic(config.lang)
    shown = tuple(sorted(site.tags, key=lambda tag: (alphabetical(tag.label(config.lang), cyrillic), tag.slug)))  # (as shown)
    yield Page(urls.tags(), "tags", "tags.html", config.lang, None, {"tags": shown}, site.tags)


def source_pages(site: Site, config: Config, urls: Urls, groups: Groups, cards: CardDeps | None = None) -> Iterator[Page]:
    """Each outlet's listing (sources/<slug>/), every language's articles together as on a tag's, and the index of
    outlets (sources/), which shows their counts: its deps hold them (`Outlet`'s repr has its count)."""
    up = Link(urls.sources(), "")
    for outlet in site.outlets:
        yield from listing(
            lambda n, s=outlet.slug: urls.source(s, n),
            "source",
            outlet.label(config.lang),  # (as the sources index and the outlet's feed name it)
            site.outlet_articles[outlet.slug],
            config,
            {"tag": None, "outlet": outlet, "up": up, "prev_period": None, "next_period": None},
            site,
            groups,
            cards=cards,
        )
    cyrillic = written_in_cyrillic(config.lang)
    shown = tuple(sorted(site.outlets, key=lambda outlet: (alphabetical(outlet.label(config.lang), cyrillic), outlet.slug)))
    yield Page(urls.sources(), "sources", "sources.html", config.lang, None, {"outlets": shown}, site.outlets)


class Dates(NamedTuple):
    """What the date archive's pages are made from besides their articles: under one config, a function of the periods
    and their counts alone (`Planned.dated`)."""

    counts: list[tuple[Period, int]]  # each period and how many articles it lists, in the model's order
    links: dict[Period | None, Link | None]  # each period's link (None's: None)
    parts: dict[Period, tuple[PeriodCount, ...]]  # what a year's and a month's page list of the periods in them (`period_parts`)
    kinds: dict[str, tuple[list[Period], list[tuple[Period | None, Period | None]]]]  # each kind's, newest first, with (older, newer)


class PeriodCount(NamedTuple):
    """A month on a year's page, or a day on a month's: its first day, its page (None for a month without articles,
    which is shown but not linked) and how many articles it lists. `total`, not `count`: a template that reads a
    `count` is made again whenever a tag's count changes (`fingerprints.READS_COUNT`), every listing page with it."""

    start: date
    path: str | None
    total: int


def period_parts(site: Site, links: dict) -> dict[Period, tuple[PeriodCount, ...]]:
    """What a period's page lists of the periods in it: each year its twelve months, January first (as the archive page
    does, and news archives' year calendars), each month its days with articles, the 1st first. From the periods'
    lists alone (`links`: each period's `Link`), so a page showing them is made again only where a count changes."""
    months: dict[int, dict[int, tuple[str, int]]] = defaultdict(dict)
    days: dict[Period, list[PeriodCount]] = defaultdict(list)
    for period, listed in site.periods.items():
        if period.day is not None:
            days[Period(period.year, period.month)].append(PeriodCount(period.start, links[period].path, len(listed)))
        elif period.month is not None:
            months[period.year][period.month] = (links[period].path, len(listed))
    parts = {
        Period(year): tuple(PeriodCount(date(year, m, 1), *found.get(m, (None, 0))) for m in range(1, 13)) for year, found in months.items()
    }
    return parts | {month: tuple(sorted(found)) for month, found in days.items()}


def period_pages(
    site: Site, config: Config, urls: Urls, planned: Planned, counts: list[tuple[Period, int]], cards: CardDeps | None = None
) -> Iterator[Page]:
    """Each year's, month's and day's listing, linked up and sideways, a year's listing its months and a month's its
    days (`period_parts`); compared in bulk (there are thousands). `counts`: each period and its count (`plan`'s)."""
    dates = planned.dated(site, urls, counts)
    links, parts = dates.links, dates.parts  # (each link is shown three times: by its period's page and its neighbours')
    for kind in ("year", "month", "day"):
        periods, sides = dates.kinds[kind]

        def make(index: int, groups: Groups, periods=periods, sides=sides, kind=kind) -> tuple[Page, ...]:
            period, (older, newer) = periods[index], sides[index]
            extra = {"tag": None, "outlet": None, "up": links[period.parent], "prev_period": links[older], "next_period": links[newer]}
            extra |= {"months": parts.get(period) if kind == "year" else None, "days": parts.get(period) if kind == "month" else None}
            path_of = lambda n: urls.period(period.year, period.month, period.day, n)  # noqa: E731
            return listing(path_of, kind, links[period].label, site.periods[period], config, extra, site, groups, cards=cards)

        # A period's links follow from the periods (and the config): the periods stand in for them; its parts' counts
        # from the lists of the periods in it.
        compares = planned.groups.compares
        inputs = (
            [(p, side, site.periods[p], _translated(site, site.periods[p]), parts.get(p)) for p, side in zip(periods, sides, strict=True)]
            if compares
            else periods
        )
        yield from chain.from_iterable(planned.groups.each(periods, inputs, make))


def period_link(period: Period | None, urls: Urls, lang: str, labels: Labels | None = None) -> Link | None:
    """`labels`: those earlier builds made, taken where they hold the period's (`labels.Labels`)."""
    if period is None:
        return None
    if labels is None or period.kind == "year":
        label = period_label(period, lang)
    else:
        label = labels.period(period.year, period.month, period.day or 0, lambda: period_label(period, lang))
    return Link(urls.period(period.year, period.month, period.day), label)


def period_label(period: Period, lang: str) -> str:
    """`2021`, `May 2021` / `май 2021 г.`, `May 24, 2021` / `24 мая 2021 г.`."""
    if period.kind == "year":
        return str(period.year)
    if period.kind == "month":
        return date_formatter("LLLL y", lang)(period.start).capitalize()
    return date_formatter("long", lang)(period.start)


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
