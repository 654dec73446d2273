"""The site model: published articles grouped and sorted into tags, date archives and pages.

Everything here is derived from the list of articles alone, so it is cheap to recompute on every
build (incremental builds included) and never disagrees with a cold build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from slugify import slugify

from .content import Article
from .errors import Problem


@dataclass(frozen=True, repr=False)
class Tag:
    """A tag page: names that differ only in case or spacing are one tag."""

    key: str
    name: str
    slug: str
    count: int

    def __repr__(self) -> str:  # part of page fingerprints: dataclass's own repr is 10x slower
        return f"Tag({self.key!r}, {self.name!r}, {self.slug!r}, {self.count})"


@dataclass(frozen=True)
class Period:
    """A year, month or day that has articles; `month`/`day` are None for the larger periods."""

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


def tag_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Site:
    """Published articles, newest first, and every grouping the pages need."""

    articles: tuple[Article, ...]
    tags: tuple[Tag, ...]  # sorted by name
    tag_articles: dict[str, tuple[Article, ...]]  # tag key -> articles, newest first
    periods: dict[Period, tuple[Article, ...]]  # every year, month and day -> articles
    article_tags: dict[str, tuple[Tag, ...]]  # source path -> the article's tags, in its order
    warnings: tuple[Problem, ...]

    def tags_of(self, article: Article) -> tuple[Tag, ...]:
        return self.article_tags[article.source_path]

    def neighbours(self, index: int) -> tuple[Article | None, Article | None]:
        """(older, newer) of the article at `index` in `articles`."""
        older = self.articles[index + 1] if index + 1 < len(self.articles) else None
        newer = self.articles[index - 1] if index > 0 else None
        return older, newer

    def periods_of(self, kind: str) -> list[Period]:
        """Periods of one kind, newest first."""
        return sorted((p for p in self.periods if p.kind == kind), key=lambda p: p.start, reverse=True)


def newest_first(articles: list[Article]) -> list[Article]:
    """Newest first; equal dates by file path, so the order never depends on the file system."""
    by_path = sorted(articles, key=lambda a: a.source_path)
    return sorted(by_path, key=lambda a: a.date.timestamp(), reverse=True)


def assemble(articles: list[Article]) -> Site:
    """Group published articles (already filtered for drafts and future dates)."""
    ordered = tuple(newest_first(articles))
    tags, warnings = _tags(ordered)
    by_key: dict[str, list[Article]] = defaultdict(list)
    periods: dict[Period, list[Article]] = defaultdict(list)
    for article in ordered:
        for name in article.tags:
            by_key[tag_key(name)].append(article)
        d = article.date
        for period in (Period(d.year), Period(d.year, d.month), Period(d.year, d.month, d.day)):
            periods[period].append(article)
    by_tag_key = {t.key: t for t in tags}
    return Site(
        articles=ordered,
        tags=tags,
        article_tags={a.source_path: tuple(by_tag_key[tag_key(n)] for n in a.tags) for a in ordered},
        tag_articles={k: tuple(v) for k, v in by_key.items()},
        periods={k: tuple(v) for k, v in periods.items()},
        warnings=tuple(warnings),
    )


def _tags(articles: tuple[Article, ...]) -> tuple[tuple[Tag, ...], list[Problem]]:
    spellings: dict[str, Counter] = defaultdict(Counter)
    first_file: dict[str, str] = {}
    for article in articles:
        for name in article.tags:
            spellings[tag_key(name)][name] += 1
            first_file.setdefault(tag_key(name), article.source_path)
    by_slug: dict[str, list[str]] = defaultdict(list)
    for key in sorted(spellings):
        by_slug[slugify(key) or "tag"].append(key)
    tags, warnings = [], []
    for slug, keys in sorted(by_slug.items()):
        for number, key in enumerate(keys, start=1):
            # The most used spelling names the tag; ties go to the first in sort order.
            name = min(spellings[key], key=lambda s: (-spellings[key][s], s))
            final = slug if number == 1 else f"{slug}-{number}"
            tags.append(Tag(key, name, final, sum(spellings[key].values())))
            if number > 1:
                others = ", ".join(repr(min(spellings[k])) for k in keys[: number - 1])
                warnings.append(
                    Problem(
                        f"content/{first_file[key]}", None, "tags", f"tag {name!r} has the same URL slug as {others}; it gets tags/{final}/"
                    )
                )
    return tuple(sorted(tags, key=lambda t: (t.name.casefold(), t.slug))), warnings
