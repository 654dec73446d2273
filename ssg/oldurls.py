"""Every article's URL on the generator an archive moved from (site.yaml `old_urls:`), made as that generator made it,
where the build writes a page that redirects to the article (`redirects.redirect_pages`), as for its `aliases:`.

A Hugo archive without `[permalinks]` had its posts at `/posts/<slug or file name>/`, its letters kept
(`/posts/союз-вернулся/`); Hugo's `:title` and `:slug` are the urlized title; Jekyll's `:title` kept the file name's
case (`/2021/03/09/Big-News.html`). ssg's pattern makes none of these, and every article moved without a word: its
`permalink:` cannot say them, so the old generator's own pattern is evaluated here, as it did, for each article.

Nothing here runs unless the option is set: a few microseconds an article then.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .hugo import term_path

if TYPE_CHECKING:
    from .content import Article

GENERATORS = ("hugo", "jekyll")
# Hugo's permalink placeholders (Hugo 0.111's `PermalinkExpander`), and Jekyll's (its `URL` drop of a post).
HUGO_PLACEHOLDERS = (
    "year",
    "month",
    "monthname",
    "day",
    "weekday",
    "weekdayname",
    "yearday",
    "section",
    "sections",
    "title",
    "slug",
    "filename",
    "slugorfilename",
)
JEKYLL_PLACEHOLDERS = (
    "year",
    "short_year",
    "month",
    "i_month",
    "day",
    "i_day",
    "y_day",
    "hour",
    "minute",
    "second",
    "categories",
    "title",
    "slug",
    "output_ext",
)
# Jekyll's named styles; `date` is its default (no `permalink:` in _config.yml).
JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
HUGO_DEFAULT = "/:sections/:slugorfilename/"  # Hugo's URL of a page without `[permalinks]`: its content path
_PLACEHOLDER = re.compile(r":(\w+)")
_EXAMPLE = "e.g. {hugo: /:sections/:slugorfilename/} (Hugo's default) or {jekyll: date} (Jekyll's)"


def checked(value: Any) -> dict[str, str]:
    """`{hugo: /:year/:title/}` or `{jekyll: date}`, checked (a ValueError says what is wrong), its pattern stripped."""
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError(f"must name the generator and its permalink pattern, one of them, {_EXAMPLE}")
    generator, pattern = next(iter(value.items()))
    if generator not in GENERATORS:
        raise ValueError(f"{generator!r} is no generator ssg knows the URLs of (use hugo or jekyll), {_EXAMPLE}")
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError(f"{generator}: must be its permalink pattern, {_EXAMPLE}")
    pattern = pattern.strip()
    if generator == "jekyll" and pattern in JEKYLL_STYLES:
        return {generator: pattern}
    known = HUGO_PLACEHOLDERS if generator == "hugo" else JEKYLL_PLACEHOLDERS
    names = _PLACEHOLDER.findall(pattern)
    if unknown := [name for name in names if name not in known]:
        raise ValueError(
            f"{generator}: {pattern!r}: :{unknown[0]} is not one of {generator.title()}'s ({', '.join(':' + n for n in known)})"
        )
    if not {"title", "slug", "filename", "slugorfilename"} & set(names):
        raise ValueError(f"{generator}: {pattern!r} has no :title or :slug, so it gives every article one URL, {_EXAMPLE}")
    if "{" in pattern or "?" in pattern or "#" in pattern:
        raise ValueError(f"{generator}: {pattern!r} is {generator.title()}'s permalink with :placeholders, no {{...}}, ? or #, {_EXAMPLE}")
    return {generator: pattern}


class OldUrls:
    """`old_urls:` made ready for each article: `path` is an article's old site path, kept by the article's record's
    hash, which everything it is made of is in: a long-lived builder keeps one from build to build (`Builder`), and a
    save made them again for every article, 0.13-0.18 s a build at 10,000."""

    def __init__(self, option: dict[str, str], lang: str | None = None) -> None:
        """`lang`: a bilingual site's default language, whose articles Hugo had at the root, and the others' under
        their language's folder (`/en/posts/moon/`); None on a site of one language."""
        self.made_of = (option, lang)  # (what a builder compares, to keep this one for its next build)
        self.known: dict[str, str | None] = {}  # an article's `key` -> its old path
        ((generator, pattern),) = option.items()
        self.lang = lang if generator == "hugo" else None
        pattern = JEKYLL_STYLES.get(pattern, pattern) if generator == "jekyll" else pattern
        self.hugo = generator == "hugo"
        self.pieces = _PLACEHOLDER.split(pattern)  # literal, placeholder, literal, ...
        self.folder = pattern.endswith("/")
        self.makers: dict[str, Callable[[Article], str]] = HUGO_MAKERS if self.hugo else JEKYLL_MAKERS

    def path(self, article: Article) -> str | None:
        """The article's address on the old site, as a site path (`posts/союз-вернулся/`, `2021/03/09/Big-News.html`);
        None where the old generator made none of it (an empty title), or where it could not work as a redirect's
        address, as `old_tag_urls:` leaves such out: a `#`, `?` or `%` (a link to it leads elsewhere), a backslash, a
        folder's name longer than a file system takes (255 bytes)."""
        if (known := self.known.get(article.key, False)) is not False:
            return known
        path = self.known[article.key] = self._path(article)
        return path

    def _path(self, article: Article) -> str | None:
        pieces = list(self.pieces)
        for index in range(1, len(pieces), 2):
            made = self.makers[pieces[index]](article)
            if not made and pieces[index] not in ("section", "sections", "categories"):
                return None
            pieces[index] = made
        text = "".join(pieces)
        if self.hugo:  # (Hugo sanitizes the whole path: lower case, its letters kept)
            names = term_path(text).split("/")
        else:  # (Jekyll's `sanitize_url`: one `/` for several, no `..`)
            names = [name for name in text.split("/") if name not in ("", ".")]
            if ".." in names:
                return None
        if self.lang is not None and article.lang != self.lang:
            names.insert(0, article.lang.lower())
        path = "/".join(names)
        if not names or not names[-1] or any(char in path for char in "#?%\\") or any(len(name.encode()) > 255 for name in names):
            return None
        if self.folder or (self.hugo and not path.endswith((".html", ".htm"))):
            return path + "/"
        return path if path.endswith((".html", ".htm")) else path + ".html"  # (where Jekyll wrote `/2021/x`)


def _stem(article: Article) -> tuple[list[str], str]:
    """The folders above an article's file and its name without the extension (nor Hugo's language: `x.en.md`)."""
    *folders, name = article.source_path.split("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return folders, stem.removesuffix(f".{article.lang}")


def _hugo_file(article: Article) -> tuple[list[str], str]:
    """Hugo's folders (sections) and file name of an article: a bundle's (`posts/x/index.md`) is its folder's."""
    folders, stem = _stem(article)
    if stem == "index" and folders:
        return folders[:-1], folders[-1]
    return folders, stem


def _hugo_slug(article: Article) -> str:
    """Hugo's `:slug`: `slug:`, else the title (both urlized with the rest of the path)."""
    return article.written_slug or article.title


def _jekyll_name(article: Article) -> str:
    """Jekyll's `slug` of a post: `slug:`, else its file name after the date (`2021-03-09-Big-News.md`)."""
    if article.written_slug:
        return article.written_slug
    _, stem = _stem(article)
    dated = re.match(r"\d{4}-\d{2}-\d{2}-(.+)$", stem)
    return dated[1] if dated else stem


def jekyll_slugify(text: str, pretty: bool) -> str:
    """Jekyll's `Utils.slugify`: in mode "pretty", cased (its `:title`), a run of other characters than letters, marks,
    digits and `._~!$&'()+,;=@` is one `-`; in its default mode (`:slug`) every other character, in lower case. One
    `-` at either end is left out. Letters of any script are kept (`причал`)."""
    kept = re.sub(r"[^\w.~!$&'()+,;=@]+", "-", text) if pretty else re.sub(r"[\W_]+", "-", text)
    kept = kept.removeprefix("-").removesuffix("-")
    return kept if pretty else kept.lower()


def _jekyll_categories(article: Article) -> str:
    from .urls import jekyll_categories  # (urls imports the configuration, which imports this)

    return jekyll_categories(article.source_path, article.extra)


def _day(article: Article) -> datetime:
    """The article's date as Hugo read it: a date written in UTC (`Z`) kept UTC's day, which ssg shows in the site's
    zone (`2021-03-07T22:30:00Z` was /2021/03/07/ in Hugo, the 8th in Moscow)."""
    return article.date.astimezone(UTC) if article.utc_date else article.date


# Go's names, whatever the machine's locale (`strftime("%B")` spells the month in its language).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HUGO_MAKERS: dict[str, Callable[[Article], str]] = {
    "year": lambda a: str(_day(a).year),
    "month": lambda a: f"{_day(a).month:02d}",
    "monthname": lambda a: _MONTHS[_day(a).month - 1],
    "day": lambda a: f"{_day(a).day:02d}",
    "weekday": lambda a: str(_day(a).isoweekday() % 7),
    "weekdayname": lambda a: _WEEKDAYS[_day(a).weekday()],
    "yearday": lambda a: str(_day(a).timetuple().tm_yday),
    "section": lambda a: (_hugo_file(a)[0] or [""])[0],
    "sections": lambda a: "/".join(_hugo_file(a)[0]),
    "title": lambda a: a.title,
    "slug": _hugo_slug,
    "filename": lambda a: _hugo_file(a)[1],
    "slugorfilename": lambda a: a.written_slug or _hugo_file(a)[1],
}
JEKYLL_MAKERS: dict[str, Callable[[Article], str]] = {
    "year": lambda a: f"{a.date.year:04d}",
    "short_year": lambda a: f"{a.date.year % 100:02d}",
    "month": lambda a: f"{a.date.month:02d}",
    "i_month": lambda a: str(a.date.month),
    "day": lambda a: f"{a.date.day:02d}",
    "i_day": lambda a: str(a.date.day),
    "y_day": lambda a: f"{a.date.timetuple().tm_yday:03d}",
    "hour": lambda a: f"{a.date.hour:02d}",
    "minute": lambda a: f"{a.date.minute:02d}",
    "second": lambda a: f"{a.date.second:02d}",
    "categories": _jekyll_categories,
    "title": lambda a: jekyll_slugify(_jekyll_name(a), pretty=True),
    "slug": lambda a: jekyll_slugify(_jekyll_name(a), pretty=False),
    "output_ext": lambda a: ".html",
}
