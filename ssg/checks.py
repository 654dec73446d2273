"""What a build tells of the content and settings before it writes anything, besides what reading each file finds.

Each check takes the assembled site (or what it was assembled from) and returns problems (errors or warnings, as the
build files them), each on the file and line to fix, saying what would be right: an article in a language the site does
not have, a `tag_names:` entry that names no tag, a translation published without its original, a tag that is most likely
several, a date years ahead, a content folder with nothing ssg reads.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from itertools import chain
from operator import attrgetter
from pathlib import Path, PurePosixPath

from jinja2 import nodes
from pathspec import GitIgnoreSpec

from .config import CONFIG_FILE, NAMES_OPTIONS, Config
from .content import Article, Day, StandalonePage, source_host
from .errors import ConfigError, Problem, with_lines
from .fingerprints import by_identity
from .load import TOLD_PREFIXES, named_out, other_article_files, pelican_html, skipped_folder
from .markdown import ARTICLE_SUFFIXES
from .pathhints import ContentPaths
from .scripts import ByLetters, composed, lookalikes, reads_as_cyrillic, twin_spelling
from .site import Outlet, Site, alphabet_pair_key, names_entry, outlet_key, paired, tag_key
from .theme import Theme, closest_name
from .yamlload import key_value, line_below


def strict_errors(warnings: list[Problem]) -> list[Problem]:
    """The warnings as errors, as `--strict` makes them."""
    return [Problem(w.path, w.line, w.field, f"{w.message} (an error with --strict)") for w in warnings]


# An article dated later than this is more likely a typo (2062 for 2026) than one scheduled: an archive schedules days or
# weeks ahead (with --strict, a warning for each of those would fail the build), never years.
FAR_FUTURE = timedelta(days=366)


def far_future(config: Config, later: list[Article], now: datetime) -> list[Problem]:
    """A warning for each article left out as dated more than `FAR_FUTURE` after the build: it simply did not appear,
    and a typo in its date was the usual cause. (Only of those left out: with --future, it is there to be seen.)"""
    today = now.astimezone(config.tz).date()
    warnings = []
    for article in later:
        if article.date - now <= FAR_FUTURE:
            continue
        written, typo = _far(article.date, today)
        message = f"{written} is more than a year after this build ({today}): the article is left out until then ({typo} if the date is right, --future includes it)"
        warnings.append(Problem(f"{config.content_dir}/{article.source_path}", None, "date", message))
    return warnings


def later_updates(config: Config, articles: Sequence[Article], now: datetime) -> list[Problem]:
    """A warning for each article updated on a day after the build's (`updated: 2062-12-02`, or 2027-01-01 on 7
    December 2026): its page said "Updated December 2, 2062", and its feed entry, the feed and the sitemap gave that as
    its last change, which search engines distrust, without a word, where the same typo in `date:` is told
    (`far_future`). An update is dated when it was made. Until the day it names (`updates_told_until`)."""
    today = now.astimezone(config.tz).date()
    warnings = []
    for article, _ in _updated_later(config, articles, now):
        written, typo = _far(article.updated, today)
        hint = typo if article.updated - now > FAR_FUTURE else "a typo?"
        message = f"{written} is after this build ({today}): an update is dated when it was made ({hint})"
        warnings.append(Problem(f"{config.content_dir}/{article.source_path}", None, "updated", message))
    return warnings


def updates_told_until(config: Config, articles: Sequence[Article], now: datetime) -> list[datetime]:
    """When each warning of `later_updates` ends: the start of the day the update names, in the site's time zone (a
    build from then on has nothing to tell, though nothing else changed)."""
    days = {day for _, day in _updated_later(config, articles, now)}
    return [datetime.combine(day, time(), tzinfo=config.tz) for day in sorted(days)]


def _updated_later(config: Config, articles: Sequence[Article], now: datetime) -> list[tuple[Article, date]]:
    """Each article updated on a day after the build's, with that day in the site's time zone. (Every build asks, the
    preview's saves too: only an update after the build's moment, found by comparison alone, is put in the zone.)"""
    today = now.astimezone(config.tz).date()
    later = [(a, a.updated.astimezone(config.tz).date()) for a in articles if a.updated is not None and a.updated > now]
    return [(article, day) for article, day in later if day > today]


def _far(moment: datetime, today: date) -> tuple[str, str]:
    """A date far ahead as written (a day alone, or with its time), and the typo it likely is."""
    written = moment.date().isoformat() if isinstance(moment, Day) else moment.isoformat()
    return written, (f"a typo, {moment.year} for {today.year}?" if moment.year != today.year else "a typo?")


class ClippingKeys:
    """Each article's title and day as `clippings_saved_twice` compares them, kept by a long-lived builder from save to
    save: an unchanged file reads as the same article object, whose key is taken over, not made again (made, the keys
    were 13-15 of the check's 20 ms at 10,000 articles, on every save of the preview)."""

    def __init__(self) -> None:
        self._articles: list[Article] | None = None  # (held: `by_identity` tells them by identity)
        self._keys: list[tuple | None] = []

    def of(self, articles: Sequence[Article]) -> list[tuple | None]:
        articles = list(articles)
        keys = by_identity(articles, self._articles, self._keys, _clipping_key, _FEW_ARTICLES)
        self._articles, self._keys = articles, keys
        return keys


_SOURCE = attrgetter("source")
_FEW_ARTICLES = 64  # articles not at their last places past which `ClippingKeys` looks them up by identity


def _clipping_key(article: Article) -> tuple | None:
    """What two copies of a clipping share: the title (case and spacing aside) and the day; a draft has none."""
    return None if article.draft else (" ".join(article.title.casefold().split()), article.date.date())


def clippings_saved_twice(config: Config, articles: Sequence[Article], known: ClippingKeys | None = None) -> list[Problem]:
    """A warning for an article with the title and day of another and its source link or opening text: the same
    clipping pasted into a second file (from a second tab, or again later) was published twice, each copy at its own
    URL, without a word. Two articles that only share a headline (two outlets' "Nauka docks with the ISS"), and a
    draft (a new version being written), are not told of. On the title's line of the file read second.

    Every build of the preview looks (a save may paste one): links and texts are compared only where a title and day
    are shared (60 -> 15 ms at 10,000 articles, each save), and the keys a long-lived builder made before (`known`)
    are taken over (-> 5 ms)."""
    keys = known.of(articles) if known is not None else list(map(_clipping_key, articles))
    shared = {key for key, count in Counter(keys).items() if count > 1 and key is not None}
    first: dict[tuple, str] = {}
    warnings = []
    # The shortest name first, which the others are told to be copies of: Dropbox's `x (1).md` and `x (conflicted
    # copy 2021-03-04).md`, Windows' `x - Copy.md` sort before `x.md` (a space before the dot), and the warning on
    # `x.md` said to delete one of it and `x (1).md`, the original's name not among the copies.
    twice = sorted(
        ((article, key) for article, key in zip(articles, keys, strict=True) if key in shared),
        key=lambda pair: (len(pair[0].source_path), pair[0].source_path),
    )
    for article, key in twice:
        url = article.source.url if article.source is not None else None
        for what, mark in (("source link", url), ("opening text", article.summary.strip())):
            if not mark or (other := first.setdefault((key, what, mark), article.source_path)) == article.source_path:
                continue
            message = f"the same title and {what} as {config.content_dir}/{other}: one clipping saved twice? (delete one of the files)"
            warnings.append(Problem(f"{config.content_dir}/{article.source_path}", None, "title", message))
            break
    return sorted(warnings)  # (in the files' order, as before)


def check_folder_loops(config: Config, keys: Sequence[str] = ("content_dir", "static_dir", "templates_dir")) -> None:
    """Refuse a source folder (content/, static/, templates/) that is a link leading round in a loop (`ln -s content
    content`, `content -> a -> b -> a`): resolving it, the build and `ssg check` stopped on pathlib's "RuntimeError:
    Symlink loop" traceback, the preview said the folder was not there, and `ssg new` could not create a year's folder
    "(too many levels of symbolic links)"."""
    for key in keys:
        given = getattr(config, key)
        path = config.root / given
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                continue  # (no folder, or one that cannot be read: the checks after this one tell it)
            message = f"{_loop_shown(path)}, which leads to no folder: make it the folder, or a link to one"
            raise ConfigError(Problem(f"{given.rstrip('/')}/", None, None, message)) from None


def _loop_shown(path: Path) -> str:
    """A looping link as `ls -l` would lead one round it: "is a link that loops back to itself (content -> a -> b ->
    a)"; where the loop is in a folder above it (`content_dir: a/content`, `a -> a`), where."""
    if not path.is_symlink():
        return "is in a link that loops back to itself, above it"
    chain, seen, at = [path.name], set(), path
    while at.is_symlink() and at not in seen and len(chain) < 10:
        seen.add(at)
        target = os.readlink(at)
        chain.append(target)
        at = at.parent / target
    return f"is a link that loops back to itself ({' -> '.join(chain)})"


def check_content_dir(config: Config) -> None:
    """No content folder is a mistake (a typo in `content_dir`, the wrong folder), not an empty archive: built, the
    empty site would replace the published one at the next sync."""
    check_folder_loops(config)
    if config.content_path.is_dir():
        return
    if config.content_dir == Config.content_dir:  # the default: site.yaml does not name it
        message = f"the content folder is not in {config.root}: create it (ssg new writes articles there), or set content_dir in site.yaml"
        raise ConfigError(Problem(f"{config.content_dir}/", None, None, message))
    where, key = config.origin("content_dir")
    raise ConfigError(
        Problem(where, None, key, f"the content folder {config.content_dir!r} is not in {config.root}: fix the name, or create it")
    )


def unread_articles(config: Config, any_read: bool) -> list[Problem]:
    """A warning for each file of the content folder that starts with front matter but is not Markdown, or is Pelican's
    article in reStructuredText or HTML (`load.other_article_files`): a Jekyll post written in HTML (as WordPress imports make them) was left out without
    a word, the site built empty. And one for an archive with no article at all (`any_read`: some file read, well or
    not)."""
    problems, named = [], []
    for path in other_article_files(config.content_path, config.exclude):
        name = PurePosixPath(path)
        if name.name.startswith(TOLD_PREFIXES):  # (one warning for all, as `linked_folders` gives it)
            named.append(path)
            continue
        if name.suffix.lower() in ARTICLE_SUFFIXES:
            message = f"not read: ssg reads articles from files whose names end in {name.suffix.lower()}, in lower case: rename it to {name.stem}{name.suffix.lower()}"
        elif name.suffix.lower() == ".rst":  # (one message for every such file, which the list's tally groups)
            message = (
                "not read: ssg reads articles from Markdown files, not reStructuredText: convert it "
                "(pandoc -f rst -t markdown), then write its title and :date: as front matter (Title: ..., Date: ...)"
            )
        elif pelican_html(str(config.content_path / path)):
            message = (
                "not read: an article in HTML (Pelican's), and ssg reads articles from Markdown files: convert it "
                "(pandoc -f html -t markdown), then write its <title> and <meta> date and tags as front matter (Title: ..., Date: ...)"
            )
        else:
            message = (
                "not read: it has front matter, but ssg reads articles from Markdown files (.md): "
                f"rename it to {name.stem}.md (Markdown keeps its HTML as it is)"
            )
        problems.append(Problem(f"{config.content_dir}/{path}", 1, None, message))
    problems += named_out(config.content_dir, named)
    if not any_read and not problems:
        problems.append(
            Problem(f"{config.content_dir}/", None, None, 'no articles (Markdown files, .md) here yet: ssg new "Title" starts one')
        )
    return problems


def unmatched_exclusions(config: Config) -> list[Problem]:
    """A warning for each pattern of `exclude:` that matches nothing in the content folder where what it meant is there,
    on its line of site.yaml: a misspelt `Template/`, `content/private/` (written from the project, where the patterns
    are the content folder's), another capital (`templates/` for a vault's `Templates/`) left the folder published,
    without a word. One that matches nothing else says nothing: a `private/` that a clone has not (a vault's
    .gitignore keeps it out), warned of on every build, failed CI's `--strict` ones. (A walk that stops once every
    pattern matched something: a build that walks the folders asks, not every save.)"""
    if config.exclude is None or not (unmatched := config.exclude.unmatched(config.content_path, skipped_folder)):
        return []
    names = sorted(_content_names(config.content_path))
    key_line, rows = config.line_of("exclude"), config.text_lines
    problems = []
    for pattern in unmatched:
        meant = _pattern_meant(pattern, names, config.content_dir)
        if meant is None:
            continue
        # (Its own line in a block list, `- Templates/`; else the key's, `exclude: [...]`.)
        line = next(
            (n for n in range(key_line or 0, len(rows)) if key_line and rows[n].lstrip().startswith("-") and pattern in rows[n]), None
        )
        message = f"{pattern!r} matches nothing in {config.content_dir}/ ({meant})"
        problems.append(Problem(CONFIG_FILE, line + 1 if line is not None else key_line, "exclude", message))
    return problems


def _content_names(content: Path) -> Iterator[str]:
    """Every folder (with a trailing /) and file under `content`, as paths from there: not in folders a build skips."""
    for folder, folders, files in os.walk(content):
        prefix = Path(folder).relative_to(content).as_posix() + "/" if folder != str(content) else ""
        yield from (f"{prefix}{name}/" for name in folders)
        yield from (f"{prefix}{name}" for name in files)
        folders[:] = [name for name in folders if not skipped_folder(name)]


def _pattern_meant(pattern: str, names: list[str], content_dir: str) -> str | None:
    """What a pattern of `exclude:` that matches nothing likely meant, said with its fix, or None: the same in other
    capitals, a path from the project's folder, a name one letter or two off."""
    lowered = GitIgnoreSpec.from_lines([pattern.lower()])
    if found := next((name for name in names if lowered.match_file(name.lower())), None):
        return f"{content_dir}/{found} is there: names are matched with their capitals as written"
    for start in (f"{content_dir}/", f"/{content_dir}/", "./"):
        inside = pattern.removeprefix(start)
        if inside != pattern and any(map(GitIgnoreSpec.from_lines([inside]).match_file, names)):
            return f"its patterns are paths in {content_dir}/: write {inside}"
    own = pattern.strip().rstrip("/").rsplit("/", 1)[-1]
    if (
        own
        and not any(char in own for char in "*?[")
        and (close := closest_name(own, {name.rstrip("/").rsplit("/", 1)[-1] for name in names}))
    ):
        there = next(name for name in names if name.rstrip("/").rsplit("/", 1)[-1] == close)
        return f"{content_dir}/{there} is there: write {close} for it"
    return None


def language_problems(config: Config, articles: list[Article], lines: dict[str, dict[str, int]]) -> list[Problem]:
    """On a bilingual site every article's language must be one of `languages:` (`Config.foreign_language`, which says
    the fix most likely meant first: `lang: ru-RU` is the site's `ru` with a region, where adding `ru-RU` to
    `languages:`, which the message suggested alone, would make a third language of one)."""
    if not config.multilingual:
        return []
    problems = []
    for article in articles:
        wrong = config.foreign_language(article.lang)
        if wrong:
            problems.append(Problem(f"{config.content_dir}/{article.source_path}", None, "lang", wrong))
    return with_lines(problems, lines, config.content_dir)


def tag_name_warnings(config: Config, site: Site) -> list[Problem]:
    """A warning on the line of each `tag_names:` entry that is most likely a mistake:

    - It names no article's tag but is close to one that does: a typo there (`Roscosmso: {ru: Роскосмос}`) silently
      made the Russian name a tag of its own, the English one without it. An entry's tag that only its other names
      bring counts as no article's; then only a typo's distance (`_one_edit_apart`) tells, not a likeness (`Soyuz`
      with Russian articles only, beside `Soyuz-2`, is right). An entry with no close tag may be for articles to come.
    - It names a language that is not in `languages:` (`{fr: ...}`, `{rus: ...}` for ru): its articles are read
      with the tag still, but no page shows that name."""
    if not config.tag_names:
        return []
    used = {tag.key: tag.name for tag in site.tags if tag.count}
    # (by the entry's own name, or else only its others; each name once: the articles write a few dozen, 25,000 times)
    written = set(map(tag_key, {name for article in site.articles for name in article.tags}))
    return _names_warnings(config, "tag_names", used, written)


def source_name_warnings(config: Config, site: Site) -> list[Problem]:
    """The warnings of `tag_name_warnings` for the entries of `source_names:` (`Interfax: {ru: Интерфакс}`), which name
    outlets (an article's `source:`) as `tag_names:` names tags: a typo in an entry's name, a language not in
    `languages:`."""
    if not config.source_names:
        return []  # (a slug made of every article's outlet took 60 ms of every save at 10,000 articles)
    used = {outlet.slug: outlet.name for outlet in site.outlets if outlet.count}
    written = set(map(outlet_key, {article.source.name for article in site.articles if article.source is not None}))
    return _names_warnings(config, "source_names", used, written)


# What the articles with a name of an entry do, as `_names_warnings` tells it.
_HAVE = {"tag_names": "get the tag", "source_names": "are on the outlet's page"}


def _names_warnings(config: Config, option: str, used: dict[str, str], written: set[str]) -> list[Problem]:
    """`tag_name_warnings` of `option` (`tag_names` or `source_names`): `used`, the key of each tag (outlet) some
    article lists -> its name; `written`, the keys of the names articles write."""
    entries, file = getattr(config, option), getattr(config, f"{option}_file")
    if not entries:
        return []
    (noun, fold), have = NAMES_OPTIONS[option], _HAVE[option]
    found: list[tuple[str, str]] = []  # (entry, message)
    codes = config.language_codes if config.multilingual else ()
    for name, names in entries.items():
        other = [code for code in names if codes and code not in codes]
        if other:
            message = f"{name}: {', '.join(map(repr, other))} is not in `languages:` ({', '.join(codes)}): articles with that name {have}, but no page shows the name; add the language there or correct its code"
            found.append((name, message))
    for key, name in sorted({fold(name): name for name in entries}.items()):
        if key in written:
            continue
        if key in used:  # (its other names make a tag of their own)
            close, goes = [k for k in used if k != key and _one_edit_apart(key, k)], f"make {_a(noun)} of their own, apart from it"
        else:
            close, goes = difflib.get_close_matches(key, used, n=1, cutoff=0.8), f"go to no {noun}"
        close = [k for k in close if not _a_series(k, key) and not lookalikes(used[k])]  # (a Latin о in an article: told there)
        if close:
            found.append(
                (name, f"{name!r} is no article's {noun}; did you mean {used[close[0]]!r}? (as written, the names given here {goes})")
            )
    if not found:
        return []  # (the usual case: the file is not read)
    where = file or CONFIG_FILE
    after = None if file else config.line_of(option)
    return [
        Problem(where, line_below(config.root / file, name) if file else config.line_below(name, after), option, message)
        for name, message in found
    ]


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


_DIGITS = re.compile(r"\d")


def _a_series(a: str, b: str) -> bool:
    """Whether two names differ in their digits alone (Союз МС-25 beside МС-24): two of a series, not a typo."""
    return _DIGITS.sub("", a) == _DIGITS.sub("", b)


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter changed, added or dropped, or two neighbours swapped: a typo's distance."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    at = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[at + 1 :] == shorter[at:]
    return a[at + 1 :] == b[at + 1 :] or (a[at : at + 2] == b[at : at + 2][::-1] and a[at + 2 :] == b[at + 2 :])


def originals_left_out(
    published: Sequence[Article], pages: Sequence[StandalonePage] = (), unreadable: frozenset[str] = frozenset()
) -> dict[str, list[str]]:
    """The originals that published translations name (`translation_of:`) and that are not published -> those
    translations: drafts, later-dated articles, and files that are not there (an original deleted or moved). A
    translation is published alone until its original is: making the original a draft, or deleting it, failed the whole
    build (and the preview). A standalone page named so is no original, which stays an error (`translations`), and a
    file that failed to read has errors of its own."""
    published_paths = {a.source_path for a in published}
    wanted = {a.translation_of for a in published if a.translation_of and a.translation_of not in published_paths}
    if not wanted:
        return {}  # (the usual case)
    # (Found by their letters too: `translation_of:` is read composed, and a Mac saves `ёлка.md` decomposed.)
    there = ByLetters(chain(published_paths, (p.source_path for p in pages), unreadable))
    left_out = {name for name in wanted if there.find(name) is None}
    waiting: dict[str, list[str]] = {}
    for article in published:
        if article.translation_of in left_out:
            waiting.setdefault(article.translation_of, []).append(article.source_path)
    return waiting


def translations_alone(waiting: dict[str, list[str]], read: Sequence[Article], content_dir: str) -> list[Problem]:
    """A warning on each translation published alone (`originals_left_out`), saying why and what to do: wait for the
    draft, or, where the original's file is not there, restore it or leave the translation on its own (a likely file
    meant named, when one of the read articles has a close path: a typo or a move)."""
    there = {a.source_path for a in read}
    read_names = ByLetters(there)
    problems = []
    for original, paths in sorted(waiting.items()):
        if read_names.find(original) is not None:
            message = f"{original} is a draft or dated later: this translation is published alone until it is"
        else:
            message = (
                f"{content_dir}/{original} is not there (deleted or moved?): this translation is published alone; "
                f"remove translation_of: to keep it so, or restore the original{_meant(original, there - set(paths))}"
            )
        problems += [Problem(f"{content_dir}/{path}", None, "translation_of", message) for path in sorted(paths)]
    return problems


def _meant(original: str, there: set[str]) -> str:
    """` (or name the file it likely is: translation_of: 2015/x.md)` where an article (not the translation) has the
    original's file name in another folder (moved), or a close name in its folder (a typo); else nothing."""
    paths = ContentPaths(there)
    found = paths.same_name(original) or paths.close_name(original)
    return f" (or name the file it likely is: translation_of: {found})" if found and found != original else ""


def nameless_outlets(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning on the `source:` line of each article whose outlet's name has no letter or digit (`—`, `★`, often a
    placeholder for "none"): there is no URL to give its page, so it has none (`site._outleted`). Such names all made
    one outlet at sources/source/, a page of unrelated articles. (Not a page under a made-up number, as tags clashing on
    a slug get: it would move whenever another such name came first, and a placeholder wants no page.)"""
    if not config.sources.enabled:
        return []
    if not site.versions and sum(o.count for o in site.outlets) == len(site.articles) - list(map(_SOURCE, site.articles)).count(None):
        return []  # (each article with a source is on its outlet's list: every save asks, of 10,000 articles, in C)
    problems = []
    for article in site.articles:
        if article.source is not None and site.outlet_of(article) is None:
            message = (
                f"name {article.source.name!r} has no letter or digit to make its outlet's page address of, so the outlet gets "
                "no page of its own and the article is on no outlet's page: write the outlet's name (source: {name: Interfax, "
                "url: https://...}), or leave source: out where there is none"
            )
            problems.append(
                Problem(f"{config.content_dir}/{article.source_path}", lines.get(article.source_path, {}).get("source"), "source", message)
            )
    return problems


def spaced_tags(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning for `tags: Roscosmos ISS`, names parted by spaces as Jekyll writes them: here that is one new tag,
    "Roscosmos ISS", and the article is on neither tag's page. Said only when it is the article's one tag, written as a
    plain string (not in a list, quotes or with commas), and each of its words is a tag of other articles: a tag of
    several words that are not all tags (Alexander Bloshenko, Space Station) is never named. (A Jekyll post's, named
    `2019-03-05-name.md`, is read as Jekyll reads it: `content._Reader.tags`.)"""
    known = {tag.key for tag in site.tags if tag.count} | {tag_key(name) for tag in site.tags if tag.count for _, name in tag.names}
    if site.tag_index is not None:  # (every name written, counted: one of several words that are all tags, or none to say)
        named = {name for counted in site.tag_index.spellings.values() for name in counted if " " in name}
        if not any(all(tag_key(word) in known for word in name.split()) for name in named):
            return []  # (the usual case, found without a look at 10,000 articles on every save: Elon Musk is no two tags)
    spaced = [a for a in site.articles if len(a.tags) == 1 and " " in a.tags[0]]
    if not spaced:
        return []
    problems = []
    for article in spaced:
        words = article.tags[0].split()
        line = lines.get(article.source_path, {}).get("tags")
        if all(tag_key(word) in known for word in words) and _plain_value(config.content_path / article.source_path, line) == words:
            message = (
                f"{article.tags[0]!r} is one tag, though each of its words is a tag already: for those, write tags: [{', '.join(words)}]"
            )
            problems.append(Problem(f"{config.content_dir}/{article.source_path}", line, "tags", message))
    return problems


def lookalike_names(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning on the line of each article whose tag or outlet is written with a letter of the other alphabet that
    looks like the one meant (`Роскосмоc`, its c Latin; `MКС`, its M): a page of its own for the article, beside the
    real one's, which no one looking at the page can tell apart. Said with the letter and the name as meant, which
    `misspelt_names` (a letter off the tag's name in another language) and a numbered URL's hint do not give."""
    written: Counter = Counter()  # each tag name written -> in how many articles
    if site.tag_index is not None:
        for counted in site.tag_index.spellings.values():
            written.update(counted)
    else:
        written.update(name for article in site.articles for name in article.tags)
    odd_tags = {name: found for name in written if (found := lookalikes(name))}
    odd_outlets = {name: found for name in site.outlet_named if (found := lookalikes(name))}
    # A name typed whole in the other alphabet (TACC in Latin letters beside ТАСС): the rarer of the two is the slip.
    for name in written:
        if (twin := twin_spelling(name)) in written and written[twin] > written[name]:
            odd_tags.setdefault(name, (twin, _twin_letters(name, twin)))
    for name, outlet in site.outlet_named.items():
        if (twin := twin_spelling(name)) in site.outlet_named and site.outlet_named[twin].count > outlet.count:
            odd_outlets.setdefault(name, (twin, _twin_letters(name, twin)))
    if not odd_tags and not odd_outlets:
        return []  # (the usual case)
    problems = []
    odd_tag_names, odd_outlet_names = odd_tags.keys(), odd_outlets.keys()
    for article in site.articles:  # (each save while one is left: 17 ms at 10,000 articles made as below for each, 2 so)
        if odd_tag_names.isdisjoint(article.tags) and (article.source is None or article.source.name not in odd_outlet_names):
            continue
        line, where = lines.get(article.source_path, {}).get, f"{config.content_dir}/{article.source_path}"
        if odd := [name for name in article.tags if name in odd_tags]:
            fixed = ", ".join(odd_tags[name][0] if name in odd_tags else name for name in article.tags)
            for name in dict.fromkeys(odd):
                message = f"{name!r} has {odd_tags[name][1]}, which look the same but make another tag: write tags: [{fixed}]"
                problems.append(Problem(where, line("tags"), "tags", message))
        if article.source is not None and article.source.name in odd_outlets:
            meant, what = odd_outlets[article.source.name]
            message = f"{article.source.name!r} has {what}, which look the same but make another outlet: write the source's name {meant}"
            problems.append(Problem(where, line("source"), "source", message))
    return problems


def _twin_letters(name: str, twin: str) -> str:
    """What is wrong with `name`, typed whole in the other alphabet than `twin`'s (`lookalike_names`)."""
    written, meant = ("Latin", "Cyrillic") if name.isascii() else ("Cyrillic", "Latin")
    return f"{written} letters where {twin!r} has {meant} ones"


# A name this rarely written beside one at least this many times as common, and a typo's distance from it, is most likely
# that name misspelt; under this many letters two names a letter apart are as likely two things (Иран, Ирак).
_TYPO_AT_MOST, _TYPO_RATIO, _TYPO_LETTERS = 2, 10, 5


def misspelt_names(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning on the line of each article whose tag or outlet is another's name with a typo (`Роскомос` beside a
    `Роскосмос` of hundreds of articles, `Интефракс` beside `Интерфакс`): it made a tag or outlet page of its own for
    the one article, which the real one's page and feed missed, without a word. Told only of a name of one or two
    articles a typo's distance (`_one_edit_apart`) from one ten times as common; digits apart are a series
    (Союз МС-25, МС-24)."""
    tags = {tag.key: tag for tag in site.tags}
    names = {tag_key(name): tag.key for tag in site.tags for _, name in tag.names} | {key: key for key in tags}
    tag_typos = {key: tags[meant] for key, meant in _typos({key: tag.count for key, tag in tags.items()}, names).items()}
    outlets = {outlet.name.casefold(): outlet for outlet in site.outlets}
    typos = _typos({key: outlet.count for key, outlet in outlets.items()}, {key: key for key in outlets})
    outlet_typos = {outlets[key].slug: outlets[meant] for key, meant in typos.items()}
    if not tag_typos and not outlet_typos:
        return []  # (the usual case)
    problems = []
    for article in site.articles:
        line = lines.get(article.source_path, {}).get
        for written in (name for name in article.tags if tag_key(name) in tag_typos and not lookalikes(name)):
            meant, count = tag_typos[tag_key(written)], tags[tag_key(written)].count
            fixed = ", ".join(meant.name if name == written else name for name in article.tags)
            message = f"{written!r} ({_articles(count)}) is a letter off the tag {meant.name!r} ({_articles(meant.count)}): a typo? (write tags: [{fixed}])"
            problems.append(Problem(f"{config.content_dir}/{article.source_path}", line("tags"), "tags", message))
        if (
            outlet_typos
            and (outlet := site.outlet_of(article)) is not None
            and outlet.slug in outlet_typos
            and not lookalikes(article.source.name)
        ):
            meant = outlet_typos[outlet.slug]
            message = f"{article.source.name!r} ({_articles(outlet.count)}) is a letter off the outlet {meant.name!r} ({_articles(meant.count)}): a typo? (write the source's name {meant.name})"
            problems.append(Problem(f"{config.content_dir}/{article.source_path}", line("source"), "source", message))
    return problems


def outlets_in_two_alphabets(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning for each outlet named in Latin letters as another is in Cyrillic (`Interfax` beside `Интерфакс`,
    sources/interfax/ and sources/interfaks/; `RIA Novosti` is one slug with `РИА Новости` already): an archive
    gathered from both languages' pages of one outlet had two outlet pages, each with part of its articles, without a
    word. The less used name is told the other, on the `source:` line of its oldest article, with `source_names:` on a
    bilingual site; tags likewise (`site._other_alphabet`)."""
    told = {
        outlet.slug: (outlet, main, f"is {main.name!r} ({_articles(main.count)}) in another alphabet")
        for outlet, main in paired(site.outlets, lambda o: alphabet_pair_key(o.slug), attrgetter("slug"))
        if reads_as_cyrillic(outlet.name) != reads_as_cyrillic(main.name)
    }
    return _split_outlets(config, site, lines, told, names=True)


def outlets_named_by_their_site(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning for each outlet named by its site's host (`interfax.ru`, as `source: {url: ...}` without a name is
    named, `content.source_host`) where another outlet's articles link to that host (`Interfax`): a bulk import had
    both, two outlet pages for one outlet, without a word. On the `source:` line of its oldest article. An outlet's site
    is its newest linked article's: one link read per outlet, where every article's took 17 ms a save at 10,000 articles."""
    hosts = {outlet.name.lower(): outlet for outlet in site.outlets if _HOST_NAME.fullmatch(outlet.name)}
    if not hosts:
        return []  # (the usual case: no outlet is named by a host)
    told: dict[str, tuple[Outlet, Outlet, str]] = {}
    for main in sorted(site.outlets, key=lambda o: (-o.count, o.slug)):  # (the most used outlet of a site first)
        url = next((a.source.url for a in site.outlet_articles.get(main.slug, ()) if a.source is not None and a.source.url), None)
        outlet = hosts.get(source_host(url).lower()) if url else None
        if outlet is not None and outlet.slug != main.slug:
            told.setdefault(outlet.slug, (outlet, main, f"is named after the site of {main.name!r} ({_articles(main.count)})"))
    return _split_outlets(config, site, lines, told, names=False)


_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")  # a host's name: interfax.ru, tass.com, кремль.рф


def _split_outlets(
    config: Config, site: Site, lines: dict[str, dict[str, int]], told: dict[str, tuple[Outlet, Outlet, str]], names: bool
) -> list[Problem]:
    """The warnings of `told` (an outlet's slug -> it, the outlet it most likely is, and how it is that), each on the
    `source:` line of its oldest article. `names`: offer `source_names:` where the
    articles are in two languages (names in two alphabets: `names_entry`)."""
    if not told:
        return []
    oldest = {}
    for article in site.articles:  # (newest first: the last one met is the oldest)
        if (outlet := site.outlet_of(article)) is not None and outlet.slug in told:
            oldest[outlet.slug] = article
    problems = []
    codes = frozenset(config.language_codes if config.multilingual else (a.lang for a in site.articles))  # (`names_entry`)
    for slug, (outlet, main, relation) in sorted(told.items()):
        hint = f"if they are one, write the source's name {main.name} in all of them"
        if names and (entry := names_entry((main.name, ""), (outlet.name, ""), config.lang, codes, "source_names")) is not None:
            hint += f", or name it once in site.yaml: {entry}"
        message = f"outlet {outlet.name!r} ({_articles(outlet.count)}) {relation}, so they are two outlets, sources/{slug}/ and sources/{main.slug}/: {hint}"
        article = oldest[slug]
        problems.append(
            Problem(f"{config.content_dir}/{article.source_path}", lines.get(article.source_path, {}).get("source"), "source", message)
        )
    return problems


def _typos(counts: dict[str, int], names: dict[str, str]) -> dict[str, str]:
    """The rare keys of `counts` (key -> how many articles) a typo's distance from a name (`names`: name's key -> its
    key) of a key `_TYPO_RATIO` times as common -> that key. The common names are indexed by each of their one-letter
    deletions, so that a rare key looks only at the few names it may be a letter off (not at every name of the site)."""
    rare = [k for k, n in counts.items() if n <= _TYPO_AT_MOST and len(k) >= _TYPO_LETTERS]
    if not rare:
        return {}  # (the usual case)
    near: dict[str, set[str]] = {}
    for name, key in names.items():
        if counts.get(key, 0) >= _TYPO_RATIO and len(name) >= _TYPO_LETTERS:
            for variant in {name, *(name[:n] + name[n + 1 :] for n in range(len(name)))}:
                near.setdefault(variant, set()).add(name)
    found = {}
    for key in rare:
        candidates = set().union(*(near.get(v, ()) for v in {key, *(key[:n] + key[n + 1 :] for n in range(len(key)))}))
        typo = {c for c in candidates if _one_edit_apart(key, c) and not _a_series(c, key)}
        meant = [names[c] for c in sorted(typo) if names[c] != key and counts[names[c]] >= _TYPO_RATIO * counts[key]]
        if meant:
            found[key] = max(meant, key=counts.__getitem__)  # (the most common; of two as common, the first by name)
    return found


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


def _plain_value(path: Path, line: int | None) -> list[str] | None:
    """The words of a front-matter line `key: plain words` (no quotes, brackets or commas), or None."""
    try:
        # (Composed, as the article was read: a line pasted from a Mac's Finder or a PDF has `ё` decomposed.)
        text = composed(path.read_text(encoding="utf-8")).split("\n")[line - 1] if line else ""
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    _, value = key_value(text) or ("", "")
    return value.split() if value and value[0] not in "[{'\"#" and "," not in value else None


def search_warnings(config: Config, theme: Theme) -> list[Problem]:
    """A warning when site.yaml's search is on and the theme has no search page: the site is built without search (no
    index, no scripts, no search box), which a theme of one's own without `search.html` otherwise did without a word,
    while still writing the whole index."""
    if theme.searching(config.search.enabled) or not config.search.enabled:
        return []
    message = (
        f"is on, but the theme {config.theme!r} has no search.html: the site is built without search (no search page, "
        "index or scripts); give the theme a search.html (or `extends: default` in its theme.yaml), or set search: {enabled: false}"
    )
    return [Problem(CONFIG_FILE, config.line_of("search"), "search", message)]


def misspelt_extra_keys(theme: Theme, read: Iterable[Article | StandalonePage]) -> list[Problem]:
    """A warning on each line of the project's own templates that reads an extra key (`article.extra.sectoin`) that no
    article or page `read` has in its front matter (drafts too: the preview shows them), where one it has is close
    (`section`): the template printed nothing on every page, and nothing said why. A key no article has that is close
    to none is left alone: a theme may read one that this archive's articles do not use (yet); and so is one whose
    close key the same line reads too (`extra.author or extra.authors`, a fallback written on purpose)."""
    reads = theme.checked("extra keys read", lambda: [read for file, ast in theme.own_parsed() for read in _extra_keys_read(file, ast)])
    if not reads:
        return []
    texts = list(read)
    if all(any(key in text.extra for text in texts) for *_, key in reads):
        return []  # (the usual case, told without gathering every key: an article holding each is met early)
    keys = {key for text in texts for key in text.extra}
    read_at: dict[tuple[str, int], set[str]] = {}
    for file, line, _, key in reads:
        read_at.setdefault((file, line), set()).add(key)
    problems = []
    for file, line, holder, key in reads:
        if key not in keys and (meant := closest_name(key, sorted(keys))) is not None and meant not in read_at[file, line]:
            message = (
                f"{holder}.extra.{key}: no article or page has {key}: in its front matter, so this prints nothing"
                f" (did you mean {holder}.extra.{meant}?)"
            )
            problems.append(Problem(file, line, None, message))
    return problems


def _extra_keys_read(file: str, ast: nodes.Template) -> Iterator[tuple[str, int, str, str]]:
    """(file, line, what holds the extra, key) of each key a template reads by name from an `extra`."""
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Call)):
        if (read := _extra_read(node)) is not None:
            yield file, node.lineno, *read


def _extra_read(node: nodes.Node) -> tuple[str, str] | None:
    """(`article`, `key`) of `article.extra.key`, `article.extra["key"]` or `article.extra.get("key")`; else None."""
    if isinstance(node, nodes.Getattr) and node.attr not in _MAPPING_METHODS:
        holder, key = _extra_of(node.node), node.attr
    elif isinstance(node, nodes.Getitem):
        holder, key = _extra_of(node.node), _text(node.arg)
    elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr) and node.node.attr == "get" and node.args:
        holder, key = _extra_of(node.node.node), _text(node.args[0])
    else:
        return None
    return (holder, key) if holder is not None and key is not None else None


def _extra_of(node: nodes.Node) -> str | None:
    """The name whose `extra` `node` is (`article` of `article.extra`); None where it is not such."""
    if isinstance(node, nodes.Getattr) and node.attr == "extra" and isinstance(node.node, nodes.Name):
        return node.node.name
    return None


def _text(node: nodes.Node) -> str | None:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


_MAPPING_METHODS = frozenset({"get", "items", "keys", "values"})


def title_shown_nowhere(config: Config) -> list[Problem]:
    """A warning on `title:` where every language of `languages:` has a title of its own and none is this one: pages and
    feeds show each language's (`Config.title_in`), so `title:` is shown on no page. `ssg init --languages ru,en`
    writes each language's title as the site's, and an author who then changed `title:` saw no change at all."""
    titles = [language.title for language in config.languages]
    line = config.line_of("title")
    if not config.languages or not all(titles) or config.title in titles or line is None:
        return []  # (without `title:` in site.yaml, the default: no title of the author's is hidden)
    each = ", ".join(f"{language.code}: {language.title!r}" for language in config.languages)
    message = (
        f"{config.title!r} is shown on no page: each language's title in languages: ({each}) takes its place in pages"
        " and feeds; change the title there"
    )
    return [Problem(CONFIG_FILE, line, "title", message)]
