"""`ssg init` and `ssg new`: start an archive, start an article. Neither ever overwrites a file."""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .config import CONFIG_FILE, Config, default_site_yaml
from .content import (
    DATE_PREFIX,
    MAX_SLUG,
    PAGES_FOLDER,
    PUBLICATION_KEYS,
    Day,
    article_name,
    as_read,
    date_like,
    file_stem,
    own_keys_folded,
    slug_of,
    source_host,
)
from .errors import ArgumentError, Problem, SsgError
from .exclude import Exclusions
from .frontmatter import FrontMatterError, read_front_matter
from .load import SKIPPED_FILE_PREFIXES, skipped_folder
from .markdown import ARTICLE_SUFFIXES
from .pathhints import find_file
from .scripts import cyrillic_by_letters, reads_as_cyrillic, reads_as_latin, script_language
from .site import tag_key
from .themeconfig import THEME_FILE, ThemeFolder, theme_chain
from .workflow import PagesPlace, pages_place, pages_workflow
from .yamlload import TIMESTAMP

EXAMPLE_ARTICLE = """\
---
title: {title}
date: {date}
{lang}tags: [{tag}]
source: {{name: ssg, url: https://example.org/}}
rights: {rights}
---

{body}
"""
# The example article's title, tag, rights notice and text in each language ssg has them in.
WELCOME = {
    "en": (
        "Welcome to your news archive",
        "Archive",
        "Written for this archive.",
        'This is the first article of the archive. Copy it, or run `ssg new "Title"`, to add more.\n\n'
        "Articles are Markdown files with YAML front matter; see the documentation for every field.",
    ),
    "ru": (
        "Добро пожаловать в ваш архив новостей",
        "Архив",
        "Написано для этого архива.",
        'Это первая статья архива. Скопируйте её или выполните `ssg new "Заголовок"`, чтобы добавить ещё.\n\n'
        "Статьи — это файлы Markdown с метаданными YAML в начале (front matter); все поля описаны в документации.",
    ),
    "uk": (
        "Ласкаво просимо до вашого архіву новин",
        "Архів",
        "Написано для цього архіву.",
        'Це перша стаття архіву. Скопіюйте її або виконайте `ssg new "Заголовок"`, щоб додати ще.\n\n'
        "Статті — це файли Markdown з метаданими YAML на початку (front matter); усі поля описано в документації.",
    ),
    "de": (
        "Willkommen in Ihrem Nachrichtenarchiv",
        "Archiv",
        "Für dieses Archiv geschrieben.",
        'Dies ist der erste Artikel des Archivs. Kopieren Sie ihn oder führen Sie `ssg new "Titel"` aus, um weitere '
        "hinzuzufügen.\n\nArtikel sind Markdown-Dateien mit YAML-Metadaten am Anfang (Front Matter); die Dokumentation "
        "beschreibt jedes Feld.",
    ),
}

GITIGNORE = "/public/\n/.ssg-cache/\n/.public.ssg-*\n"  # (the last: what a build stopped by a crash may leave beside public/)


def gitignore_lacks(text: str) -> list[str]:
    """The lines of `GITIGNORE` that a user's .gitignore (`text`), kept by `ssg init`, lacks: a Hugo site's has `/public/`
    already, and one with `.ssg-cache/` alone would still have git take in the built site. A line written with a slash
    less (`public/`, `/public`) counts as there."""
    there = {line.strip().strip("/") for line in text.splitlines()}
    return [line for line in GITIGNORE.split() if line.strip("/") not in there]


def init_project(
    folder: Path, now: datetime, languages: tuple[str, ...] = (), taken: dict | None = None, zone: str = "UTC"
) -> tuple[list[Path], list[Path]]:
    """Create site.yaml, content/ with one example article, .gitignore and a GitHub Pages workflow in `folder`.
    `languages`: the archive's, the default first (`config.default_site_yaml`); `taken`: site.yaml's values from the old
    generator's configuration (`oldconfig`), whose archive gets no example article; `zone`: site.yaml's `timezone:`
    where `taken` has none (`machine_zone`). Returns the files made, and those it would have made that were there
    already and are kept as they are (content/: no example is added to it).

    A folder with a content/ of its own (a Hugo site's, articles copied in) gets what it lacks around it, and no
    example among its articles; nothing that is there is changed."""
    folder = Path(folder)
    if (folder / CONFIG_FILE).exists():
        raise SsgError(f"{folder} already holds an archive ({CONFIG_FILE} exists); nothing was changed")
    title = folder.resolve().name.replace("-", " ").title() or "My news archive"
    place = pages_place(folder)
    files = {folder / CONFIG_FILE: default_site_yaml(title, languages, {"timezone": zone} | (taken or {}))}
    wanted = {
        folder / "content": (folder / "content" / f"{now:%Y}" / "welcome.md", lambda: welcome_article(now, languages)),
        folder / ".gitignore": (folder / ".gitignore", lambda: GITIGNORE),
        place.path: (place.path, lambda: pages_workflow(place)),
    }
    if taken is not None:  # (a moved archive's folder: its articles go into content/, and an example would be published with them)
        del wanted[folder / "content"]
    kept = [there for there in wanted if os.path.lexists(there)]  # (the user's, or an earlier init's: never replaced)
    files |= {path: text() for there, (path, text) in wanted.items() if there not in kept}
    _write_all(files)
    return sorted(files), kept


def _language_and_path(
    config: Config, title: str, lang: str | None, slug: str | None, file: str | None, place: Callable[[str, str | None], Path]
) -> tuple[str | None, Path]:
    """A new file's language and path: `file` as given (under content/, its `.ru.md` telling the language), else
    `place(slug, lang)`, the slug made from the title where none is given; without `lang`, the title's alphabet tells
    it on a bilingual site (`title_language`)."""
    if file is not None:
        return lang or file_stem(file)[1] or title_language(config, title), config.content_path / file
    lang = lang or title_language(config, title)
    slug = slug or slug_of(title, MAX_SLUG)  # (a headline may be longer than a slug may, `content.MAX_SLUG`: cut at a word)
    if not slug:
        raise SsgError(f"{title!r} gives an empty file name; pass --slug some-words")
    return lang, place(slug, lang)


def machine_zone() -> str:
    """This computer's time zone, as site.yaml's `timezone:` names it (Europe/Moscow), for `ssg init`: site.yaml said
    UTC on every machine, and on a journalist's Moscow laptop `ssg new` dated an article written at 19:50 16:50, and
    every time pasted from a clipping was read three hours off. tzlocal reads it (TZ, /etc/timezone, /etc/localtime,
    Windows' registry); "UTC" where it cannot tell, or the zone is UTC by another name (Etc/UTC)."""
    import tzlocal  # (here: only `ssg init` asks)

    try:
        name = tzlocal.get_localzone_name()
        zone = ZoneInfo(name) if name else None
    except (ValueError, LookupError, OSError, ZoneInfoNotFoundError):
        return "UTC"
    if zone is None or name in _UTC_NAMES:
        return "UTC"
    return name


_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT", "Etc/GMT0", "GMT0"}
)


def add_workflow(folder: Path) -> PagesPlace:
    """Write the GitHub Pages workflow into an archive that has none (one made before `ssg init` wrote it), never over
    one: `ssg init` refuses an existing archive. It keeps site.yaml's `cache_dir` between runs, as written there (`~/x`
    is the runner's home folder, not this computer's), whatever else site.yaml holds (the build in CI says what is
    wrong with it); the default where it names none."""
    place = pages_place(folder)
    if os.path.lexists(place.path):
        raise SsgError(
            Problem(
                os.path.relpath(place.path), None, None, "is there already; nothing was changed (edit it, or move it away to write ssg's)"
            )
        )
    try:
        written = yaml.safe_load((Path(folder) / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        written = None
    cache_dir = written.get("cache_dir") if isinstance(written, dict) else None
    _write_all(
        {place.path: pages_workflow(place, cache_dir.strip() if isinstance(cache_dir, str) and cache_dir.strip() else Config.cache_dir)}
    )
    return place


def welcome_article(now: datetime, languages: tuple[str, ...]) -> str:
    """The example article `ssg init` writes: in the archive's language where ssg has its text, else in the first of
    its languages that it has (`lang:` then says which), else in English marked as the archive's language. It was in
    English with `lang: en` on every archive not in English, which a Ukrainian one built with its interface and a
    French and Russian one refused (en was none of its languages)."""
    default = languages[0] if languages else "en"
    lang = next((code for code in languages or ("en",) if code in WELCOME), default)
    title, tag, rights, body = WELCOME.get(lang, WELCOME["en"])
    return EXAMPLE_ARTICLE.format(
        title=title,
        date=now.isoformat(timespec="seconds"),
        lang="" if lang == default else f"lang: {lang}\n",
        tag=tag,
        rights=rights,
        body=body,
    )


def theme_files(config: Config) -> tuple[tuple[ThemeFolder, ...], dict[str, Path]]:
    """The site's theme and each theme it extends (`themeconfig.theme_chain`), and the files a site may override,
    relative to a theme's folder (templates/x.html, static/..., i18n/...), each the one the site gets: the theme's own,
    else that of the first theme it extends that has it."""
    chain = theme_chain(config)
    found: dict[str, Path] = {}
    for theme in chain:
        for part in OVERRIDES:
            for path in sorted((theme.path / part).rglob("*")):
                if path.is_file():
                    found.setdefault(path.relative_to(theme.path).as_posix(), path)
    return chain, dict(sorted(found.items()))


def copy_from_theme(config: Config, names: tuple[str, ...]) -> list[Path]:
    """Copy files of the theme into the site's folders that override it, to be edited there; returns their paths.

    A bare name is a template (`article.html`), others name their folder (`static/assets/style.css`, `i18n/ru.yaml`).
    Nothing is written if one is not the theme's, or is in the site already: a copy never replaces the user's file."""
    folders = {"templates": config.templates_dir, "static": config.static_dir}
    return _copy_theme_files(config, names, lambda part, rest: config.root / folders.get(part, part) / rest)


def new_theme(config: Config, name: str, names: tuple[str, ...] = ()) -> list[Path]:
    """Start a theme of the project's own, themes/<name>/, that extends the site's theme: its theme.yaml, and a copy of
    each of `names` (as `copy_from_theme` takes them) to be changed there; returns the files made. What it leaves out
    stays the theme's it extends, and keeps receiving that theme's fixes. Where themes/<name> is a theme already, the
    copies go into it (from the themes it extends, never over its own): a designer who had started a theme had no way
    to take another of the theme's files into it, and was told to choose another name."""
    if not THEME_NAME.fullmatch(name):
        raise SsgError(Problem(name, None, None, "is not a theme name: letters, digits, - and _ (it names the theme's folder)"))
    folder = config.root / "themes" / name
    shown = folder.relative_to(config.root).as_posix()
    if os.path.lexists(folder):
        if names and folder.is_dir() and (folder / THEME_FILE).is_file():
            return _copy_theme_files(replace(config, theme=name), names, lambda part, rest: folder / part / rest)
        if folder.is_dir() and not (folder / THEME_FILE).is_file():  # (an empty folder, or templates/ without theme.yaml)
            message = (
                f"is there already, and is no theme: it has no {THEME_FILE} (write one there, `name: {name}` and `extends: "
                f"{config.theme}`, or move the folder away for ssg theme --new to start the theme); nothing was changed"
            )
            raise SsgError(Problem(shown, None, None, message))
        hint = (
            f"; to copy the files of the theme it extends into it, name them: ssg theme --new {name} base.html" if folder.is_dir() else ""
        )
        raise SsgError(Problem(shown, None, None, f"is there already; nothing was changed (choose another name{hint})"))
    chain = [theme.name for theme in theme_chain(config)]
    if name in chain:
        message = f"is the name of a theme it would extend ({' -> '.join(chain)}), which it would hide: choose another name"
        raise SsgError(Problem(shown, None, None, message))
    files = {folder / THEME_FILE: NEW_THEME_YAML.format(name=name, parent=config.theme)}
    return _copy_theme_files(config, names, lambda part, rest: folder / part / rest, files)


THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
NEW_THEME_YAML = """\
# The theme {name}. What it leaves out is the theme {parent}'s (extends:), and keeps receiving that theme's fixes.
# Put here only what changes: templates/ (templates, by name), static/ (files copied to the site's root),
# i18n/ (interface strings, key by key). `ssg theme` lists the files there are and each theme's folder;
# see docs/templates.md, "Making a theme".
name: {name}
description: A theme of its own, built on {parent}.
extends: {parent}
"""


def _copy_theme_files(
    config: Config, names: tuple[str, ...], target_of: Callable[[str, str], Path], files: dict[Path, str | bytes] | None = None
) -> list[Path]:
    """Copy each of `names` (a template's bare name, or static/..., i18n/...) of the theme to `target_of(folder,
    rest)`, with `files` (more to write); nothing is written if one is not the theme's or its copy would replace a file."""
    chain, known = theme_files(config)
    problems, files = [], dict(files or {})
    for name in names:
        relative, problem = _theme_file(name, known, config.theme)
        if problem is not None:
            problems.append(problem)
            continue
        part, _, rest = relative.partition("/")
        target = target_of(part, rest)
        if os.path.lexists(target):
            where = target.relative_to(config.root).as_posix()
            problems.append(
                Problem(where, None, None, "is there already; nothing was changed (edit it, or move it away to copy the theme's again)")
            )
            continue
        files[target] = known[relative].read_bytes()
    if problems:
        raise SsgError(problems)
    _write_all(files)
    return sorted(files)


def _theme_file(name: str, known: dict[str, Path], theme: str) -> tuple[str, Problem | None]:
    """The theme's file `name` names (from the theme's folder): as written (`static/assets/style.css`), a template by
    its name (`article.html`), or any file by the end of its path (`style.css`, `assets/style.css`, `ru.yaml`), where one
    file alone has it. Else a problem saying where the file likely meant is."""
    written = name.strip("/")
    relative = written if "/" in written else f"templates/{written}"
    if relative in known:
        return relative, None
    ending = [path for path in known if path.endswith("/" + written)]
    if len(ending) == 1:
        return ending[0], None
    if ending:
        message = f"is in more than one folder of the theme {theme!r}: {', '.join(ending)} (name the one to copy)"
        return relative, Problem(name, None, None, message)
    by_name = {path.rsplit("/", 1)[-1]: path for path in reversed(known)}  # (a name in two folders: the first listed)
    close = difflib.get_close_matches(written.rsplit("/", 1)[-1], by_name, n=1)
    hint = f"did you mean {by_name[close[0]]}?" if close else "ssg theme lists them"
    return relative, Problem(name, None, None, f"is no file of the theme {theme!r} ({hint})")


# The theme's folders a site overrides file by file (with its own templates_dir, static_dir and i18n/).
OVERRIDES = ("templates", "static", "i18n")


def _write_all(files: dict[Path, str | bytes]) -> None:
    """Write every file (never over one), making their folders; or, when one cannot be (a file named `.github`, a folder
    without permission, a full disk), none: a message naming it, and what was made removed. It stopped with a
    traceback, leaving part of an archive that `ssg init` then refused to complete."""
    made: list[Path] = []
    try:
        for path, text in files.items():
            missing = [parent for parent in path.parents if not os.path.lexists(parent)]
            for parent in reversed(missing):
                parent.mkdir()
                made.append(parent)
            with open(path, "xb") as handle:
                made.append(path)
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
    except OSError as error:
        for path in reversed(made):
            if path in files:
                path.unlink()
            else:
                path.rmdir()
        raise _cannot_create(Path(error.filename) if error.filename else next(iter(files)), error) from None


def _cannot_create(path: Path, error: OSError) -> SsgError:
    blocking = next((parent for parent in path.parents if parent.is_file()), None)
    reason = f"{blocking} is a file, not a folder" if blocking else (error.strerror or str(error)).lower()
    return SsgError(Problem(str(path), None, None, f"cannot be created ({reason}); nothing was changed"))


def new_article(
    config: Config,
    title: str,
    now: datetime,
    lang: str | None = None,
    tags: tuple[str, ...] = (),
    source_name: str | None = None,
    source_url: str | None = None,
    slug: str | None = None,
    draft: bool = False,
    file: str | None = None,
) -> Path:
    """Write content/YYYY/<slug>.md (the year of `now`, its date) with the front matter filled in; returns its path.
    `now` may be a `Day` (`ssg new --date 2019-07-16`): the date is written as that day alone. `file`: the path under
    content/ to write instead (`ssg new content/2019/foo.md`: `new_file`), whose `.ru.md` sets the language.

    `lang`, `source_url` and `slug` must already pass the reader's checks (`content.check_lang`,
    `content.check_source_url`, `content.check_slug`): the command line refuses them before anything is written.
    Without `lang`, a bilingual site's title is in the language its alphabet tells, where one does (`title_language`)."""
    lang, path = _language_and_path(config, title, lang, slug, file, lambda slug, _: config.content_path / f"{now:%Y}" / f"{slug}.md")
    front: dict = {"title": title, "date": now.date() if isinstance(now, Day) else now.replace(microsecond=0)}
    if draft:
        front["draft"] = True
    if lang:
        front["lang"] = lang
    front["tags"] = list(tags)
    if source_name or source_url:
        front["source"] = {k: v for k, v in (("name", source_name or source_host(source_url)), ("url", source_url)) if v}
    return _write_new(
        path,
        front,
        comments="# image: {src: ./images/photo.jpg, credit: ..., alt: ...}  (./: the folder of this file; without it, from content/)\n# rights: ...\n",
    )


# Suffixes of files a writer may name for an article that ssg does not read (`ssg new content/2019/foo.txt`): with one,
# the argument is a file to refuse, not a one-word title (`Tass.com` stays a title).
OTHER_TEXT_SUFFIXES = (
    ".txt",
    ".html",
    ".htm",
    ".rst",
    ".adoc",
    ".asciidoc",
    ".org",
    ".textile",
    ".mdx",
    ".mdown",
    ".mkd",
    ".docx",
    ".odt",
    ".rtf",
)


def names_a_file(argument: str) -> bool:
    """Whether `ssg new`'s argument is the file to create (`content/2019/foo.md`, as `hugo new` takes one) rather than a
    title: one word (a title has spaces) with a `/` or a file's suffix (a title ending in `.md` is a file's name all
    the same). `new_file` refuses one that ssg would not read."""
    if any(char.isspace() for char in argument):
        return False
    return "/" in argument or os.sep in argument or argument.lower().endswith(ARTICLE_SUFFIXES + OTHER_TEXT_SUFFIXES)


def is_page_file(source_path: str) -> bool:
    """Whether the reader takes a new file at `source_path` (under content/, as `new_file` gives it) for a standalone
    page, as it takes every file under pages/ without `type: post`: `ssg new content/pages/about.md` writes a page."""
    return source_path.startswith(PAGES_FOLDER + "/")


def new_file(config: Config, given: str) -> str:
    """The article file `ssg new content/2019/foo.md` names, as its path under content/: from the working folder where
    that is in content/ (`content/2019/foo.md`, `2019/foo.md` from inside content/), else from content/ (`2019/foo.md`
    from the archive's folder). An error for one ssg would not read (`foo.txt`), one outside content/, or one there
    already: nothing is ever written over."""
    if not given.endswith(ARTICLE_SUFFIXES):
        suffix = posixpath.splitext(given.replace(os.sep, "/"))[1]
        ends = f"ends in {suffix}" if suffix else "has no suffix"
        raise ArgumentError(
            Problem(
                given,
                None,
                None,
                f"{ends}, and ssg reads articles from {', '.join(ARTICLE_SUFFIXES)} files only "
                f"(e.g. ssg new {config.content_dir}/2019/soyuz-lands.md; a title is words with spaces)",
            )
        )
    content = config.content_path.resolve()
    written = Path(os.path.abspath(given))
    under = written.relative_to(content).as_posix() if written.is_relative_to(content) else None
    if under is None and not Path(given).is_absolute():
        inside = Path(os.path.abspath(content / given))
        under = inside.relative_to(content).as_posix() if inside.is_relative_to(content) else None
    if under is None:
        raise ArgumentError(
            Problem(given, None, None, f"is not under {config.content_dir}/ (e.g. ssg new {config.content_dir}/2019/soyuz-lands.md)")
        )
    if (left_out := _left_out(content, under, config.exclude)) is not None:
        raise ArgumentError(
            Problem(
                f"{config.content_dir}/{under}",
                None,
                None,
                f"{left_out}, so an article there is never read; nothing was changed (name a file a build reads, e.g. "
                f"{config.content_dir}/2019/soyuz-lands.md; --draft keeps an article out of the site until it is ready)",
            )
        )
    if os.path.lexists(content / under):
        raise SsgError(Problem(f"{config.content_dir}/{under}", None, None, "already exists; nothing was changed (name another file)"))
    return under


def _left_out(content: Path, under: str, exclude: Exclusions | None = None) -> str | None:
    """Why a build does not read the article file `under` (of the folder `content`), as `load.content_stats` lists
    them, or None: `ssg new content/_drafts/x.md`, `content/.notes/x.md` or `content/linked/x.md` wrote an article that
    no build read, without a word. `exclude`: site.yaml's `exclude:`."""
    *folders, name = under.split("/")
    for n, folder in enumerate(folders):
        shown = "/".join(folders[: n + 1])
        if skipped_folder(folder):
            return f"{shown}/ is left out of the site (a folder whose name starts with {folder[0]})"
        if os.path.islink(content.joinpath(*folders[: n + 1])):
            return f"{shown}/ is a link to a folder elsewhere, which ssg does not follow"
    if name.startswith(SKIPPED_FILE_PREFIXES):
        return f"a file whose name starts with {name[0]} is left out of the site (a note of your own)"
    if exclude is not None and exclude.excludes(under):
        return "site.yaml's exclude: leaves it out of the site"
    return None


def title_of_file(source_path: str) -> str:
    """The title `ssg new content/2019/soyuz-ms-21-lands.md` writes: the file's name without its date and language,
    words parted by spaces, the first letter capital (`Soyuz ms 21 lands`): a start, for the author to correct."""
    stem = article_name(source_path)[0]
    dated = DATE_PREFIX.match(stem)
    words = " ".join(re.split(r"[-_\s]+", dated.group(4) if dated else stem)).strip()
    return words[:1].upper() + words[1:]


def new_page(
    config: Config,
    title: str,
    lang: str | None = None,
    slug: str | None = None,
    draft: bool = False,
    menu: int | None = None,
    file: str | None = None,
) -> Path:
    """Write content/pages/<slug>.md, a standalone page (About), with its title; returns its path. `menu`: its place in
    the header's menu (else a comment says how to put it there). On a bilingual site, a page in another language than
    the site's is `<slug>.<lang>.md`: the translation of the page `<slug>.md`, which the same slug makes it.

    `file`: the path under content/ to write instead (`ssg new content/pages/about.md`: `new_file`), whose `.ru.md` sets
    the language. `lang` and `slug` must already pass the reader's checks, as `new_article`'s."""

    def place(slug: str, lang: str | None) -> Path:
        other = config.multilingual and lang is not None and lang != config.lang
        return config.content_path / PAGES_FOLDER / (f"{slug}.{lang}.md" if other else f"{slug}.md")

    lang, path = _language_and_path(config, title, lang, slug, file, place)
    front: dict = {"title": title}
    if draft:
        front["draft"] = True
    if lang:
        front["lang"] = lang
    comments = "# summary: One sentence for search engines and link previews (default: the first paragraph)\n"
    if menu is not None:
        front["menu"] = menu
    else:
        comments = "# menu: 1  (its place in the header's menu, lower first; without it the page is not in the menu)\n" + comments
    return _write_new(path, front, comments)


def title_language(config: Config, title: str) -> str | None:
    """The language a title's letters tell, on a bilingual site of one language in Cyrillic (ru) and one in another
    alphabet (en): the first for a title that reads as Cyrillic (`scripts.reads_as_cyrillic`), the other for one that
    reads as Latin (`scripts.reads_as_latin`) where it is not the site's `lang`; None otherwise (the article takes the
    site's `lang`). Written without it, a Russian article was published as English, and on a Russian site an English
    one as Russian. Where a site has two languages in Cyrillic (uk, ru, en), a Latin title is still the other's, and a
    Cyrillic one is the language whose own letters it has (`Київ` uk, `ракеты` ru), else the site's. A title in another
    script is the language of the site's written in it alone (`scripts.script_language`: Arabic letters ar where fa is
    not among them, kana ja, Han zh where ja is not), else the site's."""
    if not config.multilingual:
        return None
    if meant := script_language(title, config.language_codes):
        return meant
    if reads_as_cyrillic(title):  # (where a site has two in Cyrillic, uk and ru, the letters each has alone tell)
        return config.cyrillic_lang or cyrillic_by_letters(title, config.language_codes)
    other = config.other_alphabet_lang
    return other if other and other != config.lang and reads_as_latin(title) else None


class FrontMatterDumper(yaml.SafeDumper):
    """Writes a date as an article's front matter has it (`date: 2026-12-06T19:50:00+03:00`, bare, with its T): PyYAML
    writes a datetime with a space, and `ssg new` had written the date as a quoted string, unlike the example article."""


class _DateText(str):
    """A date's text, as read from another article's front matter (`yamlload` keeps dates as text): written bare where
    YAML reads it as a date (`_timestamp`)."""


def _timestamp(dumper: yaml.SafeDumper, moment: datetime | _DateText) -> yaml.ScalarNode:
    """Bare where YAML reads the text back as a timestamp; else as text (quoted where YAML would misread it): an offset
    before standard time has seconds (`1905-01-22T10:00:00+02:30:17` in Moscow), which YAML's timestamp has no room for,
    and tagged as one it stopped the next build in PyYAML's traceback."""
    text = moment if isinstance(moment, _DateText) else moment.isoformat(timespec="seconds")
    return dumper.represent_scalar(TIMESTAMP, text) if _reads_as_timestamp(text) else dumper.represent_str(str(text))


def _reads_as_timestamp(text: str) -> bool:
    return FrontMatterDumper.resolve(FrontMatterDumper, yaml.ScalarNode, str(text), (True, False)) == TIMESTAMP


FrontMatterDumper.add_representer(datetime, _timestamp)
FrontMatterDumper.add_representer(_DateText, _timestamp)


def _write_new(path: Path, front: dict, comments: str, taken: str = "choose another title or pass --slug") -> Path:
    """Write an article with this front matter and an empty body, never over an existing file (`taken`: what to do then)."""
    if isinstance(date := front.get("date"), str):
        front = front | {"date": _DateText(date)}  # (a translation's, copied: bare as the original has it, where YAML reads it as a date)
    text = "---\n" + yaml.dump(front, Dumper=FrontMatterDumper, allow_unicode=True, sort_keys=False, width=1000) + comments + "---\n\n"
    if os.path.lexists(path):
        # (named as the command prints the file it writes: from where it runs)
        raise SsgError(Problem(os.path.relpath(path), None, None, f"already exists; nothing was changed ({taken})"))
    # (a year's folder that is a file, a folder without permission, a full disk: a message, not a traceback)
    _write_all({path: text})
    return path


# What a translation shares with its original: the same news, from the same source, with the same picture.
SHARED_KEYS = ("date", "tags", "source", "image", "rights")


def new_translation(config: Config, original: Path, title: str, lang: str | None = None, slug: str | None = None) -> Path:
    """Start the translation of the article file `original`: `<its name>.<lang>.md` beside it (`<slug>.md` with `slug`),
    with the original's date, tags, source, image and rights and `translation_of:` naming it; the body is the
    translator's. `lang` defaults to the site's other language where it has two."""
    if not config.multilingual:
        raise SsgError(f"a translation needs the site's languages in {CONFIG_FILE} (e.g. languages: [en, ru]; see docs/languages.md)")
    source_path = _content_file(config, original)
    text = (config.content_path / source_path).read_text(encoding="utf-8")
    try:
        data = read_front_matter(as_read(text)).data
    except FrontMatterError as exc:
        raise SsgError(f"{config.content_dir}/{source_path}: {exc}; fix it first (ssg check)") from None
    data = own_keys_folded(data)[0] if isinstance(data, dict) else {}  # (`Date:`, `Tags:`, as the reader takes them)
    stem, suffix_lang = file_stem(source_path)
    own = str(data.get("lang") or suffix_lang or config.lang)
    others = [code for code in config.language_codes if code != own]
    if lang is None:
        if len(others) != 1:
            raise SsgError(f"pass --lang, the translation's language (one of {', '.join(others)})")
        lang = others[0]
    if lang == own:
        raise SsgError(f"{config.content_dir}/{source_path} is in {own!r} already: pass --lang with another of the site's languages")
    name = f"{slug}.md" if slug else f"{stem}.{lang}.md"
    front = {"title": title, "lang": lang, "translation_of": source_path}
    front |= {key: data[key] for key in SHARED_KEYS if data.get(key) is not None}
    if isinstance(front.get("tags"), list):
        front["tags"] = tags_in(config, front["tags"], lang)
    dated, published = DATE_PREFIX.match(stem), date_like(data, PUBLICATION_KEYS)
    if "date" not in front and published:  # a clipping's `published:`, its date as the reader takes it
        front["date"] = published[0][1]
    if "date" not in front and dated:  # the original takes its date from its name, which the translation may not share
        front["date"] = "-".join(dated.groups()[:3])
    folder = posixpath.dirname(source_path)
    # (Run twice, the title differs or not: the file is named after the original, and another title does not help.)
    taken = f"the translation of {source_path} into {lang!r} was started there: edit it (an article has one translation into each language)"
    return _write_new(config.content_path / folder / name, front, comments="", taken=taken if not slug else "pass another --slug")


def tags_in(config: Config, tags: list, lang: str) -> list:
    """The tag names `tags` as written in `lang` where site.yaml `tag_names:` gives them (`Dmitry Rogozin` ->
    `Дмитрий Рогозин` for a Russian translation), else as they are: a translation copying the original's names showed
    them in the other language on its page, and beside other articles' names of the same tag."""
    spelled: dict[str, str] = {}  # each name's key -> the tag's name in `lang`
    for main, names in config.tag_names.items():
        # (the entry's own name in a language it gives no other, as pages show it (`site.Tag.label`), whatever
        # language the entry is keyed by: `Roscosmos: {ru: Роскосмос}` on a Russian site keeps an English URL)
        shown = str(names.get(lang, main))
        spelled |= {tag_key(str(name)): shown for name in (main, *names.values())}
    return [spelled.get(tag_key(tag), tag) if isinstance(tag, str) else tag for tag in tags]


def _content_file(config: Config, given: Path) -> str:
    """An article file named from the working folder or from the content folder, as its path under content/."""
    content = config.content_path.resolve()
    for candidate in (given, content / given):
        path = Path(os.path.abspath(candidate))
        if path.is_relative_to(content) and path.suffix in ARTICLE_SUFFIXES:
            # (As saved: a Mac's `ёлка.md` has its letters decomposed, where the name typed here has them composed.)
            found = find_file(content, path.relative_to(content).as_posix())
            if found is not None:
                return found.relative_to(content).as_posix()
    if not any(os.path.lexists(candidate) for candidate in (given, content / given)):  # (not pulled yet, or misspelt)
        raise SsgError(
            f"{given} is not an article file under {config.content_dir}/: there is no such file (if another editor wrote it, pull first)"
        )
    raise SsgError(f"{given} is not an article file under {config.content_dir}/ (e.g. {config.content_dir}/2021/roscosmos-china.md)")
