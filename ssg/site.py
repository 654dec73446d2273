"""The site model: published articles grouped and sorted into tags, outlets, date archives and pages.

Everything here is derived from the list of articles alone, so it is cheap to recompute on every
build (incremental builds included) and never disagrees with a cold build.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import compress, repeat
from operator import attrgetter, not_
from typing import Any, NamedTuple, Protocol, TypeVar

from .content import Article, outlet_key, slug_of, tag_fold
from .errors import Problem
from .scripts import alphabetical, cyrillic_language, lookalikes, reads_as_cyrillic, written_in_cyrillic
from .standalone import Standalones
from .translations import translation_groups


class Tag(NamedTuple):
    """A tag page: names that differ only in case or spacing are one tag, and so are the names
    site.yaml `tag_names:` gives one tag in several languages.

    A named tuple: each build makes its tags anew, and a rebuild compares every article's tags
    with the last build's, which a tuple does in C."""

    key: str
    name: str
    slug: str
    count: int
    names: tuple[tuple[str, str], ...] = ()  # (language, name) from `tag_names:`

    def label(self, lang: str) -> str:
        """The tag's name in `lang`, where `tag_names:` gives one."""
        return dict(self.names).get(lang, self.name)

    @property
    def shown(self) -> tuple:
        """The tag without its count: what pages show of it (see `__repr__`), as a plain tuple that compares in C."""
        return self[:3] + self[4:]

    def __repr__(self) -> str:
        """Part of page fingerprints (dataclass's own repr is 10x slower): what pages show of a tag, without its count,
        which only templates that read a `count` show (`fingerprints.READS_COUNT`): an article tagged NASA would
        otherwise make every page showing a NASA article again, for a count none of them shows."""
        return f"Tag({self.key!r}, {self.name!r}, {self.slug!r}{', ' + repr(self.names) if self.names else ''})"


class Outlet(NamedTuple):
    """An outlet's page: the articles taken from one outlet (their `source:`). Spellings of its name that make one URL
    slug (`Интерфакс`, `ИНТЕРФАКС`, `Интерфакс ` ) are one outlet, named by its most used spelling, as tags are; and
    so are the names site.yaml `source_names:` gives one outlet in several languages (`Interfax`, `Интерфакс`), named
    and slugged by the entry's own name.

    A named tuple, like `Tag`: made anew each build and compared with the last build's in C."""

    slug: str  # its page's, sources/<slug>/; the key of the outlet too
    name: str
    count: int  # the articles its page lists
    names: tuple[tuple[str, str], ...] = ()  # (language, name) from `source_names:`

    def label(self, lang: str, spelling: str | None = None) -> str:
        """The outlet's name in `lang` where `source_names:` names it (the entry's own name in the other languages, as a
        tag's `label`); else `spelling`, an article's own (its source line shows the outlet as the article gives it,
        `ИНТЕРФАКС` too), or the outlet's name."""
        if self.names:
            return dict(self.names).get(lang, self.name)
        return spelling or self.name

    @property
    def shown(self) -> tuple:
        """The outlet without its count: what an article's page and its listing entries may show of it (a count changes
        with every article of the outlet added, which would make all the outlet's article pages again)."""
        return self[:2] + self[3:]


class Period(NamedTuple):
    """A year, month or day that has articles; `month`/`day` are None for the larger periods.

    A named tuple, not a dataclass: periods are dict keys that a rebuild hashes and compares tens of
    thousands of times, and a tuple does both in C."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def start(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def kind(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def parent(self) -> Period | None:
        if self.day:
            return Period(self.year, self.month)
        return Period(self.year) if self.month else None


tag_key = tag_fold  # (a tag's key: its name in any case or spacing)


def tag_slug(key: str) -> str:
    """The URL slug of the tag of `key`, before numbering (a second tag of the same slug gets `-2`)."""
    return slug_of(key) or "tag"


_SOURCE = attrgetter("source")


def tag_named(tags: Sequence[Tag], name: str) -> Tag | None:
    """The tag of the site's `tags` a name stands for, as an article's tag names do (in another case or spacing, or as
    site.yaml `tag_names:` gives it in another language); None when no article has it. For Pelican's `{tag}name`
    links, the only names asked for outside the articles' own: a search through the tags is soon done."""
    key = tag_key(name)
    return next((tag for tag in tags if tag.key == key or any(tag_key(other) == key for _, other in tag.names)), None)


@dataclass(frozen=True)
class Site:
    """Published articles, newest first, and every grouping the pages need.

    Listings (home, tags, dates) show each translated article once: `listed` holds one version per
    translation group, in the default language where there is one. Single-language sites have no
    groups, so there `listed == articles`.

    The standalone pages (About: `standalone`) are in none of these groupings; a build adds them to the model
    (`Builder._assemble`) after grouping the articles, which never depends on them.
    """

    articles: tuple[Article, ...]  # every published article, every language
    listed: tuple[Article, ...]  # one per translation group, newest first
    tags: tuple[Tag, ...]  # sorted by name
    tag_articles: dict[str, tuple[Article, ...]]  # tag key -> one version of each group that has the tag, newest first
    periods: dict[Period, tuple[Article, ...]]  # every year, month and day -> listed articles
    article_tags: dict[str, tuple[Tag, ...]]  # source path -> the article's tags, in its order
    # source path -> its tags as pages show them (`Tag.shown`): what a rebuild compares, so that an article tagged
    # NASA, which changes only NASA's count, leaves the pages of the other NASA articles as they were
    tags_shown: dict[str, tuple[tuple, ...]]
    versions: dict[str, tuple[Article, ...]]  # source path -> all its translations (itself included), by language
    by_lang: dict[str, tuple[Article, ...]]  # language -> its articles, newest first
    neighbours_of: dict[str, tuple[Article | None, Article | None]]  # source path -> (older, newer)
    warnings: tuple[Problem, ...]
    problems: tuple[Problem, ...]
    standalone: Standalones = field(default_factory=Standalones)  # the published standalone pages
    # Source path -> the moment it is published from, of each article and standalone page shown before it (the
    # preview's, `--future`): templates mark it (`scheduled`), as a draft is marked. Empty where none is.
    scheduled: dict[str, datetime] = field(default_factory=dict)
    outlets: tuple[Outlet, ...] = ()  # the outlets articles name in `source:`, sorted by name (as tags are)
    outlet_articles: dict[str, tuple[Article, ...]] = field(default_factory=dict)  # outlet slug -> its articles, newest first
    outlet_named: dict[str, Outlet] = field(default_factory=dict)  # each `source:` name written -> its outlet
    # What the tags were made from besides their lists (`TagIndex`): for `reassemble` to retag an article without going
    # over every article again. Not compared: it follows from the articles, as the rest does.
    tag_index: TagIndex | None = field(default=None, compare=False, repr=False)

    def outlet_of(self, article: Article) -> Outlet | None:
        """The outlet `article` was taken from (its `source:`), None for an article without a source or whose source's
        name has no letter or digit to make a page's URL of (`source: —`: `_outleted`)."""
        return self.outlet_named.get(article.source.name) if article.source is not None else None

    def outlet_shown(self, article: Article) -> tuple | None:
        """`outlet_of(article)` without its count (`Outlet.shown`): what a page's deps name it by."""
        outlet = self.outlet_of(article)
        return outlet.shown if outlet is not None else None

    def outlets_shown(self, articles: Sequence[Article]) -> list[tuple | None]:
        """`outlet_shown` of each of `articles`, looked up in C: a plan asks it of every article (10,000 calls took 8 ms
        of every save)."""
        shown = {name: outlet.shown for name, outlet in self.outlet_named.items()}
        return list(map(shown.get, map(getattr, map(_SOURCE, articles), repeat("name"), repeat(None))))

    def tags_of(self, article: Article) -> tuple[Tag, ...]:
        return self.article_tags[article.source_path]

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(older, newer): in the same language on a bilingual site."""
        return self.neighbours_of[article.source_path]

    def translations(self, article: Article) -> tuple[Article, ...]:
        """The other language versions of `article` (told apart by path: a page planned in an earlier build may hold an
        equal article object of that build)."""
        return tuple(a for a in self.versions.get(article.source_path, ()) if a.source_path != article.source_path)

    def version(self, article: Article, lang: str) -> Article:
        """`article` in `lang` if it has that translation, else itself."""
        return next((a for a in self.versions.get(article.source_path, ()) if a.lang == lang), article)

    def periods_of(self, kind: str) -> list[Period]:
        """Periods of one kind, newest first."""
        return sorted((p for p in self.periods if p.kind == kind), reverse=True)  # (periods of one kind sort by date)


def newest_first(articles: list[Article]) -> list[Article]:
    """Newest first; equal dates by file path, so the order never depends on the file system."""
    by_path = sorted(articles, key=attrgetter("source_path"))
    return sorted(by_path, key=lambda a: a.date.timestamp(), reverse=True)


def assemble(
    articles: list[Article],
    languages: tuple[str, ...] = (),
    tag_names: dict | None = None,
    shown_as: str = "content",
    unreadable: frozenset[str] = frozenset(),
    source_names: dict | None = None,
    lang: str | None = None,
) -> Site:
    """Group published articles (already filtered for drafts and future dates).

    `languages` (the default first) turns on translations; without it every article stands alone.
    Problems and warnings name files as `shown_as/<path>` (the content folder, as the user sees it).
    `unreadable`: files that failed to read (with errors of their own): a translation naming one is not blamed.
    `tag_names`, `source_names`: site.yaml's, the names of one tag or outlet in several languages. `lang`: the site's
    language, which a warning's `tag_names:` entry names a tag in where there are no `languages` (`names_entry`).
    """
    ordered = tuple(newest_first(articles))
    groups, problems = translation_groups(list(ordered), shown_as, unreadable) if languages else ([(a,) for a in ordered], [])
    rank = {code: n for n, code in enumerate(languages)}
    versions = {}
    listed = []
    for group in groups:
        if len(group) == 1:
            listed.append(group[0])
            continue
        by_rank = tuple(sorted(group, key=lambda a: (rank.get(a.lang, len(rank)), a.lang)))
        listed.append(by_rank[0])
        versions |= {a.source_path: by_rank for a in group}
    listed_order = tuple(newest_first(listed)) if languages else ordered  # (no translations: every article is listed)
    periods: dict[Period, list[Article]] = defaultdict(list)
    unordered: set[Period] = set()  # periods listing a version at its listed version's place, to be put in order
    days: dict[tuple[int, int, int], tuple[Period, ...]] = {}  # a day's periods, made once
    for article in listed_order:
        # A year, month and day list the version of a translated article dated then: the listed one, and each of its
        # versions dated on another day (a translation published after midnight): each version's page links its own
        # day, which lists it.
        found: dict[Period, Article] = {}
        for version in versions.get(article.source_path, (article,)):  # (the listed version first: `by_rank`)
            d = version.date
            day = (d.year, d.month, d.day)
            if day not in days:
                days[day] = (Period(d.year), Period(d.year, d.month), Period(*day))
            for period in days[day]:
                found.setdefault(period, version)
        for period, version in found.items():
            periods[period].append(version)
            if version is not article:
                unordered.add(period)
    for period in unordered:
        periods[period] = newest_first(periods[period])
    by_lang: dict[str, list[Article]] = defaultdict(list)
    for article in ordered:
        by_lang[article.lang].append(article)
    sequences = by_lang.values() if languages else [ordered]
    tagged = _tagged(ordered, listed_order, versions, tag_names, shown_as, languages[0] if languages else lang)
    outleted = _outleted(ordered, listed_order, versions, source_names)
    return Site(
        articles=ordered,
        listed=listed_order,
        tags=tagged.tags,
        article_tags=tagged.article_tags,
        tags_shown=tagged.tags_shown,
        tag_articles=tagged.tag_articles,
        periods={k: tuple(v) for k, v in periods.items()},
        versions=versions,
        by_lang={k: tuple(v) for k, v in by_lang.items()},
        neighbours_of={a.source_path: pair for seq in sequences for a, pair in _neighbours(list(seq))},
        warnings=tagged.warnings,
        problems=tuple(problems),
        outlets=outleted.outlets,
        outlet_articles=outleted.outlet_articles,
        outlet_named=outleted.outlet_named,
        tag_index=tagged.index,
    )


class TagIndex(NamedTuple):
    """What the site's tags are made from besides their articles' lists (`_tags`): gathered in one pass over every
    article, kept in the site model so that a save that adds or removes a tag updates it (`_retagged`)."""

    spellings: dict[str, Counter]  # tag key -> each name written for it -> how many times (every version counts)
    oldest: dict[str, int]  # tag key -> the index in `Site.articles` of its oldest article; oldest first (slugs are numbered so)
    slugs: dict[str, str]  # tag key -> its slug before numbering (`slug_of`, which is not free: made once per tag)


class _Tagged(NamedTuple):
    """The parts of the site model that follow from the articles' tags."""

    tags: tuple[Tag, ...]
    tag_articles: dict[str, tuple[Article, ...]]
    article_tags: dict[str, tuple[Tag, ...]]
    tags_shown: dict[str, tuple[tuple, ...]]
    warnings: tuple[Problem, ...]
    index: TagIndex | None


def _tagged(
    ordered: tuple[Article, ...],
    listed: tuple[Article, ...],
    versions: dict[str, tuple[Article, ...]],
    tag_names: dict | None,
    shown_as: str,
    default: str | None,
) -> _Tagged:
    """Tags, each tag's articles, and each article's tags (`assemble`'s, and `reassemble`'s when tags changed).

    A tag lists the version of a translated article that carries it: the listed one where it does, else the first by
    language."""
    known = names_index(tag_names or {})
    index = _tag_index(ordered, known)
    tags, warnings = _tags(ordered, index, known, shown_as, default)
    by_key: dict[str, list[Article]] = defaultdict(list)
    keys_of: dict[tuple[str, ...], tuple[str, ...]] = {}  # an article's tag names -> their keys, once each
    for article in listed:
        group = versions.get(article.source_path)
        if group is None:  # (most articles: one version)
            keys = keys_of.get(article.tags)
            if keys is None:
                keys = keys_of[article.tags] = tuple(dict.fromkeys(map(known.key, article.tags)))
            for key in keys:
                by_key[key].append(article)
            continue
        shown: dict[str, Article] = {}
        for version in group:  # (the listed version first: `by_rank`)
            for name in version.tags:
                shown.setdefault(known.key(name), version)
        for key, version in shown.items():
            by_key[key].append(version)
    tags = tuple(Tag(t.key, t.name, t.slug, len(by_key[t.key]), t.names) for t in tags)  # count what the tag page lists
    by_tag_key = {t.key: t for t in tags}
    of_names: dict[tuple[str, ...], tuple[tuple[Tag, ...], tuple[tuple, ...]]] = {}  # many articles carry the same names
    article_tags, tags_shown = {}, {}
    for article in ordered:
        found = of_names.get(article.tags)
        if found is None:
            tags_found = _unique(by_tag_key[known.key(n)] for n in article.tags)
            found = of_names[article.tags] = (tags_found, tuple(tag.shown for tag in tags_found))
        article_tags[article.source_path], tags_shown[article.source_path] = found
    return _Tagged(tags, {k: tuple(v) for k, v in by_key.items()}, article_tags, tags_shown, tuple(warnings), index)


class _Outleted(NamedTuple):
    """The parts of the site model that follow from the articles' sources."""

    outlets: tuple[Outlet, ...]
    outlet_articles: dict[str, tuple[Article, ...]]
    outlet_named: dict[str, Outlet]


def _outleted(
    ordered: tuple[Article, ...], listed: tuple[Article, ...], versions: dict[str, tuple[Article, ...]], source_names: dict | None
) -> _Outleted:
    """The outlets, each one's articles, and the outlet of each spelling (`assemble`'s, and `reassemble`'s when a source
    changed): two passes over the articles, each name's slug made once (an archive names a few hundred outlets).

    An outlet lists one version of a translated article, as a tag does: the listed one where it names the outlet, else
    the first by language that does; its count is what its page lists. Its name is site.yaml's (`source_names:`),
    else its most used spelling over every article (ties: the first in sort order), as a tag's; its slug that name's,
    so that naming an outlet in another language as well keeps its URL.

    A name without a letter or digit (`—`, `★`) makes no slug: such names all made one outlet at sources/source/, a
    page of unrelated articles. They are no outlet (their articles are on no outlet's page, as those without a source;
    the reader warns of each on its `source:` line)."""
    known = names_index(source_names or {}, outlet_key)
    slug_of_name: dict[str, str] = {}  # each name -> its outlet's slug, "" for a name that has none
    spellings: dict[str, Counter] = defaultdict(Counter)
    for article in ordered:
        if article.source is not None:
            name = article.source.name
            slug = slug_of_name.get(name)
            if slug is None:
                slug = known.key(name)
                # (a name without letters keys as "source", `outlet_key`'s: asked only then, a few hundred names a site)
                slug = slug_of_name[name] = "" if slug == outlet_key("") and not slug_of(name) else slug
            if slug:
                spellings[slug][name] += 1
    by_slug: dict[str, list[Article]] = defaultdict(list)
    for article in listed:
        group = versions.get(article.source_path)
        if group is None:  # (most articles: one version)
            if article.source is not None and (slug := slug_of_name[article.source.name]):
                by_slug[slug].append(article)
            continue
        shown: dict[str, Article] = {}
        for version in group:  # (the listed version first: `by_rank`)
            if version.source is not None and (slug := slug_of_name[version.source.name]):
                shown.setdefault(slug, version)
        for slug, version in shown.items():
            by_slug[slug].append(version)
    outlets = {
        slug: Outlet(
            slug,
            known.canonical.get(slug) or min(names, key=lambda s, names=names: (-names[s], s)),
            len(by_slug[slug]),
            known.names.get(slug, ()),
        )
        for slug, names in spellings.items()
    }
    return _Outleted(
        tuple(sorted(outlets.values(), key=lambda o: (alphabetical(o.name), o.slug))),
        {slug: tuple(articles) for slug, articles in by_slug.items()},
        {name: outlets[slug] for name, slug in slug_of_name.items() if slug},
    )


def _unique(tags) -> tuple[Tag, ...]:
    """An article's tags once each (two of its names may be one tag)."""
    return tuple(dict.fromkeys(tags))


def _neighbours(sequence: list[Article]):
    for index, article in enumerate(sequence):
        older = sequence[index + 1] if index + 1 < len(sequence) else None
        newer = sequence[index - 1] if index > 0 else None
        yield article, (older, newer)


@dataclass(frozen=True)
class TagNames:
    """site.yaml `tag_names:` (or `source_names:`), indexed: which names are one tag (outlet), and what it is called where."""

    aliases: dict[str, str]  # key of a translated name -> key of the tag
    canonical: dict[str, str]  # tag key -> its name in the default language
    names: dict[str, tuple[tuple[str, str], ...]]  # tag key -> (language, name) pairs
    keys: dict[str, str] = field(default_factory=dict, compare=False)  # name -> key, as found: asked 6 times per article
    fold: Callable[[str], str] = field(default=tag_key, compare=False)  # a name -> its key (`tag_key`, `outlet_key`)

    def key(self, name: str) -> str:
        found = self.keys.get(name)
        if found is None:
            found = self.fold(name)
            found = self.keys[name] = self.aliases.get(found, found)
        return found


def names_index(tag_names: dict[str, dict[str, str]], fold: Callable[[str], str] = tag_key) -> TagNames:
    """site.yaml's `tag_names:` (or, with `outlet_key`, `source_names:`) as the lookup of a name's tag (outlet)."""
    aliases, canonical, names = {}, {}, {}
    for name, translated in tag_names.items():
        key = fold(name)
        canonical[key] = name
        names[key] = tuple(sorted(translated.items()))
        for other in translated.values():
            aliases[fold(other)] = key
    return TagNames(aliases, canonical, names, fold=fold)


def _tag_index(articles: Sequence[Article], known: TagNames) -> TagIndex:
    """Every tag's spellings and oldest article (`TagIndex`), in one pass over `articles` (newest first), oldest first."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    oldest: dict[str, int] = {}
    for index in range(len(articles) - 1, -1, -1):
        for name in articles[index].tags:
            key = known.key(name)
            spellings[key][name] += 1
            oldest.setdefault(key, index)
    return TagIndex(dict(spellings), oldest, {key: tag_slug(key) for key in oldest})


def _tags(
    articles: Sequence[Article], index: TagIndex, known: TagNames, shown_as: str, default: str | None
) -> tuple[tuple[Tag, ...], list[Problem]]:
    """The site's tags, each with its URL slug; a warning for each tag whose slug another took first. `articles`:
    newest first; `index`: what their tags are (`_tag_index`). `default`: the default language of a bilingual site, else
    the site's language (what the hint of such a warning names a tag by: `names_entry`).

    Of tags whose names make one slug (МКС and MKS), the one with the oldest article keeps the plain URL: a tag that
    new articles bring gets `-2`, and does not move an older tag's page, which links and readers know, to another URL
    (an article dated before all of the older tag's can: the rule follows from the content alone, as a cold build's
    output must)."""
    spellings = index.spellings
    first_file = {key: articles[n].source_path for key, n in index.oldest.items()}  # tag key -> its oldest article's file
    lang = {key: articles[n].lang for key, n in index.oldest.items()}  # tag key -> the language of its oldest article
    by_slug: dict[str, list[str]] = defaultdict(list)
    for key, slug in index.slugs.items():  # (oldest first)
        by_slug[slug].append(key)
    tags, warnings, names = [], [], {}
    codes = functools.cache(lambda: frozenset(a.lang for a in articles))  # (the languages in use, for a hint: asked where one is)
    for slug, keys in sorted(by_slug.items()):
        for number, key in enumerate(keys, start=1):
            # site.yaml's name for the tag, else the most used spelling; ties go to the first in sort order.
            name = names[key] = known.canonical.get(key) or min(spellings[key], key=lambda s: (-spellings[key][s], s))
            final = slug if number == 1 else f"{slug}-{number}"
            tags.append(Tag(key, name, final, sum(spellings[key].values()), known.names.get(key, ())))
            if number > 1:
                # (each named as its page shows it: the hint's tag_names: key becomes that name on the page)
                first = (names[keys[0]], lang[keys[0]])
                others = ", ".join(repr(names[k]) for k in keys[: number - 1])
                hint = _clash_hint(first, (name, lang[key]), default, codes())
                message = f"tag {name!r} has the same URL slug as {others}; it gets tags/{final}/ {hint}"
                warnings.append(Problem(f"{shown_as}/{first_file[key]}", None, "tags", message))
    warnings += _near_spellings(tags, first_file, shown_as)
    warnings += _other_alphabet(tags, first_file, shown_as, default, codes)
    return tuple(sorted(tags, key=lambda t: (alphabetical(t.name), t.slug))), warnings


def _near_spellings(tags: list[Tag], first_file: dict[str, str], shown_as: str) -> list[Problem]:
    """A warning for each tag spelt as another but for ё written е or a space or hyphen (`Елка` and `Ёлка`, `Space X`
    and `SpaceX`, as an archive gathered over years by several editors has them): they are two tags, each with a page
    holding part of the articles. The less used is told the other's spelling, on its oldest article. (Not made one
    tag: that would move the URL of every tag with ё in an archive built before.)"""
    warnings = []
    for tag, main in paired(tags, lambda t: _LOOSE.sub("", t.key.replace("ё", "е")), attrgetter("key")):
        if slug_of(tag.key) == slug_of(main.key):
            continue  # (`Space-X` and `Space X` make one slug: the warning of the `-2` URL names both already)
        how = "ё written е" if tag.key.replace("ё", "е") == main.key.replace("ё", "е") else "a space or hyphen"
        message = (
            f"tag {tag.name!r} is {main.name!r} but for {how}, so they are two tags, tags/{tag.slug}/ ({tag.count} "
            f"article{'s' * (tag.count != 1)}) and tags/{main.slug}/ ({main.count}): if they are one, write {main.name!r} in all of them"
        )
        warnings.append(Problem(f"{shown_as}/{first_file[tag.key]}", None, "tags", message))
    return warnings


_LOOSE = re.compile(r"[\s_-]+")  # what two spellings of one name may differ by (with ё and е, and case)


# Where Latin spellings of one Russian name part: й as i or y (Baikonur, Байконур's baykonur), ий as iy or y (Dmitriy),
# к as c (Roscosmos), х as h or kh, кс as x; a letter doubled or not.
_ROMANIZED = (("kh", "h"), ("x", "ks"), ("c", "k"), ("j", "i"), ("y", "i"), ("w", "v"))


# The letters of the shortest `_romanized` slug two names in two alphabets are taken for one by: Mac and Мак, Cola and
# Кола, Box and Бокс, Hit and Хит are other things (found in a second reading), Baikonur and Байконур one.
PAIRED_LETTERS = 5


class _HasCount(Protocol):
    @property
    def count(self) -> int: ...


_Counted = TypeVar("_Counted", bound=_HasCount)


def paired(
    items: Iterable[_Counted], key: Callable[[_Counted], str | None], tie: Callable[[_Counted], str]
) -> Iterator[tuple[_Counted, _Counted]]:
    """Each of `items` (tags, outlets) that `key` puts with others (None: with none), and the most used of its group,
    the first by `tie` of those as used: what a warning of two spellings of one name tells the less used."""
    groups: dict[str, list[_Counted]] = defaultdict(list)
    for item in items:
        if (found := key(item)) is not None:
            groups[found].append(item)
    for group in groups.values():
        if len(group) > 1:
            main, *others = sorted(group, key=lambda item: (-item.count, tie(item)))
            yield from ((item, main) for item in others)


def alphabet_pair_key(slug: str) -> str | None:
    """What a slug has in common with the slug of the same name in the other alphabet (`_romanized`), None where it is
    too short to tell (`PAIRED_LETTERS`)."""
    loose = _romanized(slug)
    return loose if len(loose) >= PAIRED_LETTERS else None


@functools.cache
def _romanized(slug: str) -> str:
    """A tag's slug as the Latin spellings of one Russian name share it (`_ROMANIZED`), without its hyphens. Kept: the
    preview asks it of every tag on each save that regroups tags (5 µs a tag)."""
    loose = slug.replace("-", "")
    for written, read in _ROMANIZED:
        loose = loose.replace(written, read)
    return re.sub(r"(.)\1+", r"\1", loose)


def _other_alphabet(
    tags: list[Tag], first_file: dict[str, str], shown_as: str, default: str | None, codes: Callable[[], frozenset[str]]
) -> list[Problem]:
    """A warning for each tag written in Latin letters as another is written in Cyrillic, but spelt otherwise than ssg
    spells the Cyrillic (`Baikonur` and `Байконур`, tags/baikonur/ and tags/baykonur/; `Roscosmos` and `Роскосмос`):
    an archive gathered from Russian and English outlets over years has both, and each page held part of the articles
    without a word, where names of one slug are told (`МКС`, `MKS`). The less used is told the other, on its oldest
    article, with `tag_names:` where the articles are in two languages (`names_entry`). Only names in two alphabets: two Latin spellings are a typo's."""
    warnings = []
    for tag, main in paired(tags, lambda t: alphabet_pair_key(t.slug), attrgetter("key")):  # (its URL's slug: made again, 60 µs a tag)
        if reads_as_cyrillic(tag.name) == reads_as_cyrillic(main.name) or tag_slug(tag.key) == tag_slug(main.key):
            continue  # (one slug: the warning of the `-2` URL names both)
        hint = f"if they are one, write {main.name!r} in all of them"
        if (entry := names_entry((main.name, ""), (tag.name, ""), default, codes())) is not None:
            hint += f", or name it once in site.yaml: {entry}"
        message = (
            f"tag {tag.name!r} is {main.name!r} in another alphabet, so they are two tags, tags/{tag.slug}/ ({tag.count} "
            f"article{'s' * (tag.count != 1)}) and tags/{main.slug}/ ({main.count}): {hint}"
        )
        warnings.append(Problem(f"{shown_as}/{first_file[tag.key]}", None, "tags", message))
    return warnings


def _clash_hint(first: tuple[str, str], other: tuple[str, str], default: str | None, codes: frozenset[str] = frozenset()) -> str:
    """What to do about two tags on one URL, given each one's name and the language of its first article: where the
    names are in two alphabets (`Дмитрий Рогозин`, `Dmitry Rogozin`) or those languages differ, they may be one tag
    (then `tag_names:`, keyed by the default language's name); else tell them apart. The alphabets tell, where the
    first articles' languages may not: a translation started by `ssg new --translation-of` carries the original's tag
    names, and may be a name's first article."""
    if (odd := lookalikes(other[0])) is not None:  # (Дмитрий Рoгозин, a Latin o: no other language's name)
        return f"(it has {odd[1]}, which look the same: write {odd[0]!r})"
    if (odd := lookalikes(first[0])) is not None and tag_key(odd[0]) == tag_key(other[0]):  # (the older one misspelt)
        return f"({first[0]!r} has {odd[1]}, which look the same: write {odd[0]!r} there, and they are one tag)"
    if tag_key(_QUOTES.sub("", first[0])) == tag_key(_QUOTES.sub("", other[0])):  # («Союз МС-18» and Союз МС-18)
        return f"(they differ by their quotes alone: if they are one, write {first[0]!r} in all of them)"
    entry = names_entry(first, other, default, codes)
    if entry is not None:
        return f"(if they are one tag in two languages, name it once in site.yaml: {entry})"
    return "(the one with the oldest article keeps the plain URL: if they are two things, give one a distinct name)"


_QUOTES = re.compile("[\"'«»„“”‘’‚‹›]")  # (the quotes a name may be written in, Russian and English)


def names_entry(
    first: tuple[str, str], other: tuple[str, str], default: str | None, codes: frozenset[str], option: str = "tag_names"
) -> str | None:
    """The `tag_names:` entry (or `source_names:`, by `option`) that makes two names, each with the language of its
    first article ("" for none), one tag in two languages (`_clash_hint`), or None where the names' languages are not
    told apart. `default`: the site's default language, which the entry is keyed by; `codes`: the languages in use. Where
    the names are in two alphabets and `codes` holds one language in Cyrillic and one other, those are the names'
    languages: on a site without `languages:` too, whose pages show a tag by its name in the article's language
    (`Роскосмос` on a Russian article's page, one tag page)."""
    if default is not None and reads_as_cyrillic(first[0]) != reads_as_cyrillic(other[0]):
        cyrillic = cyrillic_language(tuple(sorted(codes)))
        latin = [code for code in codes if not written_in_cyrillic(code)]
        if cyrillic and len(latin) == 1:
            first, other = ((name, cyrillic if reads_as_cyrillic(name) else latin[0]) for name in (first[0], other[0]))
    if first[1] == other[1]:
        return None
    (main, _), (alias, code) = (other, first) if other[1] == default else (first, other)
    return f"{option}: {{{main}: {{{code}: {alias}}}}}"


def _shape(article: Article) -> tuple:
    """What `assemble` reads of an article but its tags (an aware date by its text: equal instants can be different days)."""
    a = article
    return (a.source_path, a.date.isoformat(), a.lang, a.translation_key, a.translation_of, a.slug)


def reassemble(
    site: Site,
    before: Sequence[Article],
    now: Sequence[Article],
    languages: tuple[str, ...] = (),
    tag_names: dict | None = None,
    shown_as: str = "content",
    source_names: dict | None = None,
    lang: str | None = None,
) -> Site | None:
    """`site`, assembled from `before` (with the same `languages`, `tag_names`, `shown_as`, `source_names` and `lang`), with the articles
    of `now` that take the place of one of `before` and read the same to `assemble` but for their tags (`_shape`:
    a save that changed an article's text or tags, not its path, date, language or translation links); None when
    `now` differs in any other way.

    That is most rebuilds of the preview, and this costs a fraction of `assemble`'s time (where tags or a source's name
    changed, what follows from tags or sources is made again, as `assemble` makes it); the result equals what `assemble(now)` gives
    (tested), so nothing downstream can tell the two apart. On a site in one language, a few articles added, removed or
    moved (a date changed) are taken out and put in at their places too (`_reordered`).
    """
    if len(before) != len(now):
        return _reordered(site, before, now, languages, tag_names, shown_as, source_names, lang=lang)
    changed = [index for index, same in enumerate(map(operator.is_, before, now)) if not same]
    if len(changed) > 100:  # (each swap scans the listings: past a few, assembling is as fast)
        return None
    if any(_shape(before[i]) != _shape(now[i]) for i in changed):
        pairs = ([before[i] for i in changed], [now[i] for i in changed])
        return _reordered(site, before, now, languages, tag_names, shown_as, source_names, pairs, lang)
    retagged = any(before[i].tags != now[i].tags for i in changed)
    resourced = any(_source_name(before[i]) != _source_name(now[i]) for i in changed)
    ordered, listed = list(site.articles), list(site.listed)
    tag_articles, periods, versions, by_lang = dict(site.tag_articles), dict(site.periods), dict(site.versions), dict(site.by_lang)
    outlet_articles = dict(site.outlet_articles)
    neighbours = dict(site.neighbours_of)
    for index in changed:
        old, new = before[index], now[index]
        _swap_in(ordered, old, new)
        _swap_in(listed, old, new)
        if not retagged:
            for key, shown in tag_articles.items():
                tag_articles[key] = _swapped(shown, old, new)
        if not resourced and (outlet := site.outlet_of(new)) is not None:  # (its outlet's list alone may hold it: its source is as it was)
            outlet_articles[outlet.slug] = _swapped(outlet_articles[outlet.slug], old, new)
        d = new.date
        for period in (Period(d.year), Period(d.year, d.month), Period(d.year, d.month, d.day)):
            if period in periods:  # (a translation that is not listed may be alone on its day)
                periods[period] = _swapped(periods[period], old, new)
        if new.lang in by_lang:
            by_lang[new.lang] = _swapped(by_lang[new.lang], old, new)
        group = versions.get(new.source_path)
        if group:
            group = _swapped(group, old, new)
            versions.update(dict.fromkeys((a.source_path for a in group), group))
        older, newer = neighbours[new.source_path]
        if older is not None:
            neighbours[older.source_path] = (neighbours[older.source_path][0], new)
        if newer is not None:
            neighbours[newer.source_path] = (new, neighbours[newer.source_path][1])
    tagged = _Tagged(site.tags, tag_articles, site.article_tags, site.tags_shown, site.warnings, site.tag_index)
    if retagged:
        default = languages[0] if languages else lang
        pairs = [(before[i], now[i]) for i in changed]
        tagged = _retagged(site, pairs, ordered, versions, tag_names, shown_as, default) or _tagged(
            tuple(ordered), tuple(listed), versions, tag_names, shown_as, default
        )
    outleted = _Outleted(site.outlets, outlet_articles, site.outlet_named)
    if resourced:
        outleted = _outleted(tuple(ordered), tuple(listed), versions, source_names)
    return Site(
        articles=tuple(ordered),
        listed=tuple(listed),
        tags=tagged.tags,
        tag_articles=tagged.tag_articles,
        periods=periods,
        article_tags=tagged.article_tags,
        tags_shown=tagged.tags_shown,
        versions=versions,
        by_lang=by_lang,
        neighbours_of=neighbours,
        warnings=tagged.warnings,
        problems=site.problems,
        standalone=site.standalone,
        outlets=outleted.outlets,
        outlet_articles=outleted.outlet_articles,
        outlet_named=outleted.outlet_named,
        tag_index=tagged.index,
    )


def _retagged(
    site: Site,
    pairs: list[tuple[Article, Article]],
    ordered: list[Article],
    versions: dict[str, tuple[Article, ...]],
    tag_names: dict | None,
    shown_as: str,
    default: str | None,
) -> _Tagged | None:
    """`_tagged` of `site` with the articles of `pairs` (before, now) retagged, made from what the site model keeps
    (`TagIndex`, each tag's list) rather than from every article: the tags' lists gain or lose those articles where
    their tags did, and the tags are named and counted again. `ordered`, `versions`: the model's, the new articles in.

    None, for `_tagged` to make it all again, where what the index holds no longer says what the tags are: a tag that
    comes or goes (every slug may move: `МКС` and `MKS`), or one whose oldest article changes (the plain URL is its).
    The result equals `_tagged`'s (tested), dict order included."""
    index = site.tag_index
    if index is None:
        return None
    known = names_index(tag_names or {})
    spellings = dict(index.spellings)
    tag_articles = dict(site.tag_articles)
    current = {old.source_path: old for old, _ in pairs}  # each article as the lists hold it so far
    touched: set[str] = set()  # the tags whose lists changed

    def place(article: Article) -> tuple[float, str]:
        """Where an article's group stands in `listed`, whose order (`newest_first`) the tags' lists keep."""
        lead = versions.get(article.source_path, (article,))[0]  # (the listed version: `by_rank`'s first)
        return -lead.date.timestamp(), lead.source_path

    for old, new in pairs:
        at = list(map(operator.is_, ordered, repeat(new))).index(True)  # (in C)
        gone, came = Counter(old.tags), Counter(new.tags)  # names written fewer, and more, times than before
        gone.subtract(new.tags)
        came.subtract(old.tags)
        for name, n in gone.items():
            if n > 0:
                key = known.key(name)
                counted = spellings[key] = Counter(spellings[key])  # (a copy: the last model's index stays as it was)
                counted[name] -= n
                if counted[name] <= 0:
                    del counted[name]
                if not counted or (index.oldest[key] == at and key not in map(known.key, new.tags)):
                    return None  # the tag is gone, or its oldest article no longer has it
        for name, n in came.items():
            if n > 0:
                key = known.key(name)
                if key not in spellings or (at > index.oldest[key] and key not in map(known.key, old.tags)):
                    return None  # a new tag, or its oldest article now
                counted = spellings[key] = Counter(spellings[key])
                counted[name] += n
        group = versions.get(new.source_path)
        before = _shown_versions(tuple(current.get(a.source_path, a) for a in group) if group else (old,), known)
        current[new.source_path] = new
        after = _shown_versions(tuple(current.get(a.source_path, a) for a in group) if group else (new,), known)
        for key in before.keys() | after.keys():
            was, shown = before.get(key), after.get(key)
            if was is shown:
                continue
            listing = tag_articles[key]
            if was is not None:  # (taken out, to be put back retagged, or gone)
                found = list(map(operator.is_, listing, repeat(was)))
                if True not in found:
                    return None
                where = found.index(True)
                listing = listing[:where] + listing[where + 1 :]
            if shown is not None:
                where = bisect.bisect_left(listing, place(shown), key=place)
                listing = listing[:where] + (shown,) + listing[where:]
            if not listing:
                return None
            tag_articles[key] = listing
            touched.add(key)
    index = TagIndex(spellings, index.oldest, index.slugs)
    named, warnings = _tags(ordered, index, known, shown_as, default)
    tags = tuple(Tag(t.key, t.name, t.slug, len(tag_articles[t.key]), t.names) for t in named)
    if any(site.tag_articles[key][0] is not tag_articles[key][0] for key in touched):  # (a tag's newest article retagged)
        tag_articles = _in_listed_order(tag_articles, versions, known, place)
    # Each article showing a tag that changed (its count, its name) shows the new one; so do the retagged ones.
    before_tags = {t.key: t for t in site.tags}
    changed_keys = [t.key for t in tags if before_tags.get(t.key) != t]
    showing = [a for key in changed_keys for shown in tag_articles[key] for a in versions.get(shown.source_path, (shown,))]
    by_tag_key = {t.key: t for t in tags}
    article_tags, tags_shown = dict(site.article_tags), dict(site.tags_shown)
    of_names: dict[tuple[str, ...], tuple[tuple[Tag, ...], tuple[tuple, ...]]] = {}
    for article in [*showing, *(new for _, new in pairs)]:
        found = of_names.get(article.tags)
        if found is None:
            tags_found = _unique(by_tag_key[known.key(n)] for n in article.tags)
            found = of_names[article.tags] = (tags_found, tuple(tag.shown for tag in tags_found))
        article_tags[article.source_path], tags_shown[article.source_path] = found
    return _Tagged(tags, tag_articles, article_tags, tags_shown, tuple(warnings), index)


def _shown_versions(group: tuple[Article, ...], known: TagNames) -> dict[str, Article]:
    """Tag key -> the version of a translation group (in `by_rank`'s order; or one article) that its tag lists: the
    first that has it. In the order `_tagged` meets the keys."""
    shown: dict[str, Article] = {}
    for version in group:
        for name in version.tags:
            shown.setdefault(known.key(name), version)
    return shown


def _in_listed_order(
    tag_articles: dict[str, tuple[Article, ...]], versions: dict[str, tuple[Article, ...]], known: TagNames, place: Callable
) -> dict[str, tuple[Article, ...]]:
    """`tag_articles` in the order `_tagged` makes it: by the first listed article that has each tag, then by that
    article's order of its tags."""

    def order(item: tuple[str, tuple[Article, ...]]) -> tuple:
        key, shown = item
        first = shown[0]
        keys = list(_shown_versions(versions.get(first.source_path, (first,)), known))
        return place(first), keys.index(key)

    return dict(sorted(tag_articles.items(), key=order))


def _source_name(article: Article) -> str | None:
    """What the outlets are grouped by of an article's source: its name (its url is the article's own)."""
    return article.source.name if article.source is not None else None


def _swap_in(articles: list[Article], old: Article, new: Article) -> None:
    """Put `new` where `old` is in `articles` (found by identity, in C: equality would compare field by field)."""
    found = list(map(operator.is_, articles, repeat(old)))
    if True in found:
        articles[found.index(True)] = new


def _swapped(articles: tuple[Article, ...], old: Article, new: Article) -> tuple[Article, ...]:
    found = list(map(operator.is_, articles, repeat(old)))
    if True not in found:
        return articles
    index = found.index(True)
    return articles[:index] + (new,) + articles[index + 1 :]


_FEW_MOVED = 64  # articles added, removed or moved past which `_reordered` gives up: each is looked for in the lists (in C)
_SOURCE_PATH = attrgetter("source_path")


def _order(article: Article) -> tuple[float, str]:
    """Where an article stands in `newest_first`'s order (paths are unique, so no two stand on one place)."""
    return -article.date.timestamp(), article.source_path


def _periods_of(article: Article) -> tuple[Period, Period, Period]:
    d = article.date
    return Period(d.year), Period(d.year, d.month), Period(d.year, d.month, d.day)


def _without(articles: tuple[Article, ...], article: Article) -> tuple[Article, ...] | None:
    """`articles` without `article` (found by identity, in C); None where it is not there."""
    found = list(map(operator.is_, articles, repeat(article)))
    if True not in found:
        return None
    at = found.index(True)
    return articles[:at] + articles[at + 1 :]


def _with(articles: tuple[Article, ...], article: Article) -> tuple[Article, ...]:
    """`articles` (in `newest_first`'s order) with `article` at its place."""
    at = bisect.bisect_left(articles, _order(article), key=_order)
    return articles[:at] + (article,) + articles[at:]


def _reordered(
    site: Site,
    before: Sequence[Article],
    now: Sequence[Article],
    languages: tuple[str, ...],
    tag_names: dict | None,
    shown_as: str,
    source_names: dict | None,
    pairs: tuple[list[Article], list[Article]] | None = None,
    lang: str | None = None,
) -> Site | None:
    """`reassemble` where articles were added, removed or moved (a date changed: a new article, or one moved a month
    back, at 10,000 articles took 70 ms to assemble again, 10 ms so): on a site in one language, whose model has no
    translations, each article that is no more in `now` is taken out of the lists that hold it and each new one put in at
    its place (`newest_first`'s); the tags' index, names, slugs and counts are made from the lists kept, and the order of
    every mapping from the articles' order, as `assemble` meets them. None where there are translations (a date decides
    which articles are translations of each other), or more than `_FEW_MOVED` changed. `pairs`: the articles of `before`
    and of `now` that differ at the same index, where the caller has them (the rest are the same: none is looked for).

    The result equals `assemble(now)`'s, the order of every mapping included (tested)."""
    if languages or site.versions or site.tag_index is None or not now:
        return None
    if pairs is not None:  # (an article at another index but there in both is neither)
        both = set(map(id, pairs[0])) & set(map(id, pairs[1]))
        gone, came = ([a for a in side if id(a) not in both] for side in pairs)
    else:
        present = set(map(id, now))
        gone = list(compress(before, map(not_, map(present.__contains__, map(id, before)))))
        if len(gone) > _FEW_MOVED:
            return None
        was = set(map(id, before))
        came = list(compress(now, map(not_, map(was.__contains__, map(id, now)))))
    if len(gone) + len(came) > _FEW_MOVED or len(now) != len(before) - len(gone) + len(came):
        return None
    articles: tuple[Article, ...] | None = site.articles
    periods, by_lang, tag_articles = dict(site.periods), dict(site.by_lang), dict(site.tag_articles)
    known = names_index(tag_names or {})
    spellings, copied = dict(site.tag_index.spellings), set()  # (the Counters changed are copies: the last model's stays)

    def keys_of(article: Article) -> list[str]:
        return list(dict.fromkeys(map(known.key, article.tags)))

    def spell(article: Article, more: int) -> None:
        for name in article.tags:
            key = known.key(name)
            if key not in copied:
                spellings[key] = Counter(spellings.get(key, ()))
                copied.add(key)
            counted = spellings[key]
            counted[name] += more
            if counted[name] <= 0:
                del counted[name]

    touched: dict[int, set] = {id(periods): set(), id(by_lang): set(), id(tag_articles): set()}  # the keys whose lists changed
    for old in gone:
        articles = _without(articles, old)
        if articles is None:
            return None
        lists = [(periods, period) for period in _periods_of(old)] + [(by_lang, old.lang)]
        lists += [(tag_articles, key) for key in keys_of(old)]
        for mapping, key in lists:
            shown = _without(mapping.get(key, ()), old)
            if shown is None:
                return None
            if shown:
                mapping[key] = shown
            else:
                del mapping[key]
            touched[id(mapping)].add(key)
        spell(old, -1)
    for new in came:
        articles = _with(articles, new)
        lists = [(periods, period) for period in _periods_of(new)] + [(by_lang, new.lang)]
        lists += [(tag_articles, key) for key in keys_of(new)]
        for mapping, key in lists:
            mapping[key] = _with(mapping.get(key, ()), new)
            touched[id(mapping)].add(key)
        spell(new, 1)
    ordered = articles

    def at(article: Article) -> int:
        """The article's index in `ordered` (found by its place in the order, not by going through the list)."""
        return bisect.bisect_left(ordered, _order(article), key=_order)

    # Each mapping in the order `assemble` meets its keys going through the articles, newest first: a year, then its
    # month, then its day; an article's tags in its order of them. Only the keys whose lists changed may move.
    periods = _placed(periods, touched[id(periods)], lambda p, shown: (at(shown[0]), (p.month is not None) + (p.day is not None)))
    by_lang = _placed(by_lang, touched[id(by_lang)], lambda lang, shown: (at(shown[0]),))
    tag_articles = _placed(tag_articles, touched[id(tag_articles)], lambda key, shown: (at(shown[0]), keys_of(shown[0]).index(key)))
    # The tags' index: each tag's oldest article, oldest first (`_tag_index` goes through them from the oldest).
    oldest = {key: at(shown[-1]) for key, shown in tag_articles.items()}
    oldest_first = sorted(oldest, key=lambda key: (-oldest[key], keys_of(tag_articles[key][-1]).index(key)))
    kept = site.tag_index.slugs
    index = TagIndex(
        {key: spellings[key] for key in oldest_first},
        {key: oldest[key] for key in oldest_first},
        {key: kept[key] if key in kept else tag_slug(key) for key in oldest_first},
    )
    named, warnings = _tags(ordered, index, known, shown_as, lang)
    tags = tuple(Tag(t.key, t.name, t.slug, len(tag_articles[t.key]), t.names) for t in named)
    paths = list(map(_SOURCE_PATH, ordered))
    article_tags = dict(zip(paths, map(site.article_tags.get, paths), strict=True))
    tags_shown = dict(zip(paths, map(site.tags_shown.get, paths), strict=True))
    # Each article showing a tag that changed (its count, name or slug) shows the new one; so do the articles put in.
    tags_before = {t.key: t for t in site.tags}
    showing = [a for t in tags if tags_before.get(t.key) != t for a in tag_articles[t.key]]
    by_tag_key = {t.key: t for t in tags}
    of_names: dict[tuple[str, ...], tuple[tuple[Tag, ...], tuple[tuple, ...]]] = {}
    for article in [*showing, *came]:
        found = of_names.get(article.tags)
        if found is None:
            tags_found = _unique(by_tag_key[known.key(n)] for n in article.tags)
            found = of_names[article.tags] = (tags_found, tuple(tag.shown for tag in tags_found))
        article_tags[article.source_path], tags_shown[article.source_path] = found
    outleted = _Outleted(site.outlets, site.outlet_articles, site.outlet_named)
    if any(a.source is not None for a in (*gone, *came)):  # (else the outlets' lists hold none of them, in the same order)
        outleted = _moved_outlets(site, gone, came, at) or _outleted(ordered, ordered, {}, source_names)
    return Site(
        articles=ordered,
        listed=ordered,
        tags=tags,
        tag_articles=tag_articles,
        periods=periods,
        article_tags=article_tags,
        tags_shown=tags_shown,
        versions={},
        by_lang=by_lang,
        neighbours_of=dict(zip(paths, zip((*ordered[1:], None), (None, *ordered[:-1]), strict=True), strict=True)),
        warnings=tuple(warnings),
        problems=site.problems,
        standalone=site.standalone,
        outlets=outleted.outlets,
        outlet_articles=outleted.outlet_articles,
        outlet_named=outleted.outlet_named,
        tag_index=index,
    )


def _moved_outlets(site: Site, gone: list[Article], came: list[Article], at: Callable[[Article], int]) -> _Outleted | None:
    """`_outleted` of `_reordered`'s model where the articles taken out and put in name the same sources, as many times
    each (a moved date, an edit that moved one): every outlet keeps its name, slug and count (the spellings counted are
    the same), and only the lists of the outlets they name change, each taken out of its list and put in at its place.
    `at`: an article's index in the new order (the lists are kept in the order of their newest articles, as `_outleted`
    meets them). None where the sources differ: `_outleted` makes them again (a new article changes a count; 12 ms at
    10,000 articles, a fifth of a moved date's assembly)."""
    if Counter(map(_source_name, gone)) != Counter(map(_source_name, came)):
        return None
    lists, touched = dict(site.outlet_articles), set()
    for article, put in [*((a, False) for a in gone), *((a, True) for a in came)]:
        outlet = site.outlet_of(article)  # (none for a name without letters: on no outlet's list)
        if outlet is None:
            continue
        if put:
            lists[outlet.slug] = _with(lists.get(outlet.slug, ()), article)
        elif (kept := _without(lists.get(outlet.slug, ()), article)) is not None:
            lists[outlet.slug] = kept
        else:
            return None
        touched.add(outlet.slug)
    if not all(map(lists.get, touched)):
        return None
    # Each spelling's outlet, in the order `_outleted` meets the names: by the newest article that writes each.
    newest: dict[str, int] = {}

    def first_writing(name: str) -> int:
        if name not in newest:
            shown = lists[site.outlet_named[name].slug]
            newest[name] = at(next(a for a in shown if a.source.name == name))  # type: ignore[union-attr]
        return newest[name]

    names = {a.source.name for a in (*gone, *came) if site.outlet_of(a) is not None}  # type: ignore[union-attr]
    named = _placed(site.outlet_named, names, lambda name, _: (first_writing(name),))
    return _Outleted(site.outlets, _placed(lists, touched, lambda slug, shown: (at(shown[0]),)), named)


def _placed(mapping: dict, touched: set, rank: Callable[[Any, tuple], tuple]) -> dict:
    """`mapping` in the order of `rank(key, value)`, where every key but the `touched` ones is in that order already:
    each of those is put in its place among the others (a rebuild moves a few of 4,000 periods: sorting them all, each
    by its first article's index, took longer than the rest of `_reordered`)."""
    touched = touched & mapping.keys()
    if not touched:
        return mapping
    keys = [key for key in mapping if key not in touched]
    ranks = [rank(key, mapping[key]) for key in keys] if len(touched) > 8 else None
    for key in touched:
        place = rank(key, mapping[key])
        where = bisect.bisect_left(keys, place, key=lambda k: rank(k, mapping[k])) if ranks is None else bisect.bisect_left(ranks, place)
        keys.insert(where, key)
        if ranks is not None:
            ranks.insert(where, place)
    return dict(zip(keys, map(mapping.__getitem__, keys), strict=True))
