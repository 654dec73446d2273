"""Links in articles and standalone pages, checked against the site before it is written.

A link to another article is written as a link to its file, and one to the site root as the old site had it
(`/images/x.jpg`, `/2021/10/soyuz/`): each that leads nowhere is a warning on the line that links, saying what the
author likely meant, before `ssg check --links` would find it on the built page.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Collection, Mapping
from itertools import chain, compress
from operator import attrgetter
from pathlib import Path
from urllib.parse import quote, unquote

from .config import Config
from .content import Article, StandalonePage, as_read, body_line, slug_of
from .errors import Problem
from .frontmatter import FrontMatterError, read_front_matter
from .load import is_article_name, skipped_folder
from .markdown import ARTICLE_SUFFIXES, heading_id
from .pathhints import ContentPaths, is_file, link_hint, listing_hint, relative, wikilink_target
from .pelican import LISTING_LINKS
from .scripts import composed
from .shortcodes import embed_hint, is_file_embed, is_wikilink, wikilink_hint, wikilink_parts
from .site import Site
from .targets import Written
from .urls import Urls, folder_file, output_file

_SOURCE_PATH, _ARTICLE_LINKS = attrgetter("source_path"), attrgetter("article_links")


def with_texts(site: Site) -> tuple[Article | StandalonePage, ...]:
    """The articles and standalone pages: everything whose text may link."""
    return (*site.articles, *site.standalone.pages) if site.standalone.pages else site.articles


def broken_links(
    site: Site, config: Config, unreadable: frozenset[str] = frozenset(), lines: Mapping[str, Mapping[str, int | None]] | None = None
) -> list[Problem]:
    """Markdown links from one article (or standalone page) to another that is not published, each on the line that
    links (one that failed to read has its own error), with the path it was likely meant to be when a published article
    suggests one. `lines`: each file's lines of its keys and Obsidian tags, as read (`Loaded.lines`)."""
    texts = with_texts(site)
    # (In C where it can be: every save asks this of 10,000 articles, most linking none.)
    known = set(map(_SOURCE_PATH, texts)) | unreadable
    known |= {composed(path) for path in known if not path.isascii()}  # (as `urls.link_paths` finds a file a Mac named)
    problems, published, unpublished, files = [], None, None, None
    for a in compress(texts, map(_ARTICLE_LINKS, texts)):
        for target in a.article_links:
            if target in known:
                continue
            published = published or ContentPaths(known)  # (only where a link is broken: its hints look there)
            if is_file_embed(target):  # Obsidian's `![[photo.png]]`: the one file of that name, wherever it is
                files = files or ContentPaths.files_in(config.content_path)
                found = _named_file(files, wikilink_parts(target)[0], a.source_path)
                message = embed_hint(target, [relative(a.source_path, path) for path in found])
                problems.append(
                    Problem(f"{config.content_dir}/{a.source_path}", _tag_line(config, lines, a.source_path, target), None, message)
                )
                continue
            if is_wikilink(target):  # Obsidian's `[[Коммерсантъ]]` (or a note's `![[embed]]`), which shows as text
                linked = wikilink_target(published, wikilink_parts(target)[0])
                message = wikilink_hint(target, linked and relative(a.source_path, linked), heading_id)
                problems.append(
                    Problem(f"{config.content_dir}/{a.source_path}", _tag_line(config, lines, a.source_path, target), None, message)
                )
                continue
            if target.startswith(LISTING_LINKS):  # Pelican's `{tag}Байконур`
                if message := listing_hint(site.tags, target):
                    where = f"{config.content_dir}/{a.source_path}"
                    problems += [
                        Problem(where, line, None, message) for line in lines_naming(config.content_path, a.source_path, target) or [None]
                    ]
                continue
            exists = is_file(config.content_path / target)  # a draft, or dated later: that is the article meant
            guess = None
            if exists and config.exclude is not None and config.exclude.excludes(target):  # (a vault's `Templates/x.md`)
                guess = f"site.yaml's exclude: leaves {config.content_dir}/{target} out of the site"
            elif exists and not target.endswith(ARTICLE_SUFFIXES):  # (`REPORT.MD`, as Windows saves it: read as no article)
                stem, _, suffix = posixpath.basename(target).rpartition(".")
                guess = f"ssg reads articles from names ending in .{suffix.lower()}, not .{suffix}: rename it {stem}.{suffix.lower()}"
            if not exists:  # (the name in another folder, not published: a draft, or dated later, is the one meant)
                unpublished = unpublished or _unpublished(config, known)
                other = unpublished.same_name(target)
                guess = (
                    f"{config.content_dir}/{other} has its name, a draft or dated later: write {relative(a.source_path, other)}, which leads there once it is published"
                    if other
                    else link_hint(published, config.content_dir, a.source_path, target)
                )
            message = f"links to {target}, which is not a published article" + (f" ({guess})" if guess else "")
            where = f"{config.content_dir}/{a.source_path}"
            problems += [Problem(where, line, None, message) for line in lines_naming(config.content_path, a.source_path, target) or [None]]
    return problems


def _unpublished(config: Config, published: Collection[str]) -> ContentPaths:
    """The content folder's articles a build reads and does not publish (drafts, those dated later): not the files it
    never reads (`_notes/plan.md`, `_x.md`, those site.yaml's `exclude:` names), which a link's hint named as "a draft
    or dated later". Walked only where a link to an article is broken."""
    every = ContentPaths.files_in(config.content_path, articles=True).paths
    return ContentPaths(
        path
        for path in every - set(published)
        if is_article_name(posixpath.basename(path))
        and not any(map(skipped_folder, path.split("/")[:-1]))
        and not (config.exclude is not None and config.exclude.excludes(path))
    )


def unknown_site_links(site: Site, config: Config, urls: Urls, written: Written) -> list[Problem]:
    """Links from the site's root (`/images/x.jpg`, as Hugo and Jekyll archives write them) to nothing the build writes,
    each on the line that links: the published page would show a broken picture or link, and nothing else would say so
    before `ssg check --links` (which names the built page, not the article). Warnings: the host may serve more than the
    site (an error with --strict)."""
    linking = [article for article in with_texts(site) if article.site_links]
    by_slug: dict[str, list[str]] = {}  # an old site's URL ends in the article's slug (/2021/10/soyuz-ms-19/)
    folded: dict[str, str] = {}  # each file the build writes, by its path in lower case (made at the first miss)
    problems = []
    for article in linking:
        for target in article.site_links:
            if target in written or output_file(target) in written or folder_file(target) in written:
                continue
            last = target.rstrip("/").rsplit("/", 1)[-1]
            if not by_slug:
                for a in with_texts(site):
                    by_slug.setdefault(a.slug, []).append(a.source_path)
            meant = by_slug.get(last.removesuffix(".html").removesuffix(".htm") if last.endswith((".html", ".htm")) else last, [])
            if not folded:
                every = chain(written.pages, written.files, written.generated)
                folded = {path.lower(): path for path in sorted(every, reverse=True)}
            cased = folded.get(target.lower()) or folded.get(output_file(target).lower())
            if cased is not None:  # (`/2026/Images/photo.jpg`: a Mac or Windows, whose names ignore case, found it)
                shown = cased.removesuffix("index.html")
                fix = f"the site has /{shown}, its name in other capitals, which a host that tells capitals apart needs: write that"
            elif is_file(config.content_path / target):
                fix = f"{config.content_dir}/{target} is there: link to it from this article, {relative(article.source_path, target)}"
            elif target.startswith(urls.tags()) and target.count("/") <= 2:  # (`/tags/baikonur/`: an old site's tag page)
                fix = _tag_page_hint(site, urls, target)
            elif target.endswith("/") or "." not in last or len(meant) == 1:  # a page's URL, as the old site had it (Jekyll's x.html)
                file = relative(article.source_path, meant[0]) if len(meant) == 1 else "../2021/its-name.md"
                fix = f"link to the article's file instead ({file}), which ssg makes its URL wherever it is"
            else:
                fix = f"put the file at static/{target}, or fix the path"
            message = f"links to /{target}, which this site does not have ({fix})"
            where = f"{config.content_dir}/{article.source_path}"
            lines = lines_naming(config.content_path, article.source_path, target.rstrip("/"))
            problems += [Problem(where, line, None, message) for line in lines or [None]]
    return problems


def _tag_page_hint(site: Site, urls: Urls, target: str) -> str:
    """What to link instead of a tag page this site does not have (`/tags/baikonur/`, an old site's spelling): the page
    of the tag whose name or slug it is closest to."""
    wanted = target.removeprefix(urls.tags()).strip("/").removesuffix(".html")
    by_spelling = {tag.slug: tag for tag in site.tags} | {slug_of(tag.name): tag for tag in site.tags}
    close = difflib.get_close_matches(slug_of(wanted) or wanted, by_spelling, n=1, cutoff=0.7)
    if close:
        tag = by_spelling[close[0]]
        return f"the tag {tag.name!r} has its page at /{urls.tag(tag.slug)}: link to that"
    return f"no tag has that page; the tags are listed at /{urls.tags()}"


def _named_file(files: ContentPaths, name: str, note: str) -> list[str]:
    """The files of the content folder that Obsidian's embed in `note` may name, as Obsidian finds one: a path
    (`attachments/x.png`) from the vault's top or the note's folder; a name alone (`Pasted image 2024.png`, its
    shortest form) beside the note, else in any folder (all of them, where several have it)."""
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(note), name))
    if "/" in name:
        return [path for path in (name, beside) if path in files.paths][:1]
    return [beside] if beside in files.paths else files.by_name.get(name, [])


def _tag_line(config: Config, lines: Mapping[str, Mapping[str, int | None]] | None, source_path: str, tag: str) -> int | None:
    """The line of Obsidian's `tag` in the file at `source_path`, as its reading kept it; else read again."""
    kept = lines.get(source_path) if lines is not None else None
    if kept is not None and tag in kept:
        return kept[tag]
    return _wikilink_line(config.content_path / source_path, tag)


def _wikilink_line(path: Path, tag: str) -> int | None:
    """The line of the body of the article at `path` holding `tag` (a wikilink), read only for its message."""
    try:
        text = as_read(path.read_text(encoding="utf-8"))
        end_line = read_front_matter(text).end_line
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None
    return body_line(text, tag, end_line)


def lines_naming(content: Path, source_path: str, target: str) -> list[int]:
    """The lines of the text of the article at `source_path` that link `target`'s file (links are relative, so the file
    name is what they share): where the name stands as a link's (after `(`, `/`, `<`, a quote, `=` or a reference's
    `: `), and of those the ones whose path leads to `target` where any does; else a link of the front matter's texts
    that show Markdown, then any line naming it; read only for a message. Of the front matter, those links only: a
    title that shows `<img src=x>` links nothing, and its `image:` may name the same file (the body's one missing image
    was told there too)."""
    name = target.rsplit("/", 1)[-1]
    try:
        # (A name may end its line. Composed as the article was read: a name pasted from a Mac's Finder, `ёлка.jpg`
        # decomposed, is the target's.)
        text = as_read((content / source_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return []
    try:
        end_line = read_front_matter(text).end_line
    except FrontMatterError:
        end_line = 0
    lines = [line + "\n" for line in text.splitlines()]
    # Markdown's (name), (name#part), (name "title"), <name with spaces>; HTML's href="name"; a page's URL (name/,
    # name/#part), which reaches here without its slash (the path is normalised). As written: decoded, or with its
    # spaces and letters %-encoded (схема%20запуска.png).
    ends = (")", "#", " ", '"', "'", "/", "?", ">", "\n")
    names = [name, quote(name), name.replace(" ", "%20")]
    written = [n for n, line in enumerate(lines, 1) if n > end_line and any(w + end in line for w in names for end in ends)]
    # The lines whose link leads to `target` (`images/a.jpg`, missing, and `../images/a.jpg`, which is there: the
    # second was told too; `./`, a folder's, names none); else a link of the front matter's texts (`rights:`, the
    # image's `caption:`: `](../x.png` there, where the body's right one was told); else any naming it.
    if found := _lines_resolving(lines, end_line, posixpath.dirname(source_path), target):
        return found
    named = "|".join(map(re.escape, names))
    in_front = re.compile(_FRONT_LINKED.format(named))
    found = [n for n, line in enumerate(lines[:end_line], 1) if "](" in line and in_front.search(line)]
    return found or [n for n in written if re.search(_LINKED.format(named), lines[n - 1])] or written[:1]


def _lines_resolving(lines: list[str], end_line: int, folder: str, target: str) -> list[int]:
    """The lines of the body of an article in `folder` with a link's path that leads to `target`, written by its name
    or not (`./`, `..`: a folder's): an error's line, read only then."""
    return [
        n
        for n, line in enumerate(lines, 1)
        if n > end_line
        and any(
            composed(_resolved(folder, re.split(r"[#?]", path)[0])) == target
            for path in _ANY_LINK_PATH.findall(line)
            if path and path[0] not in "#?"
        )
    ]


_LINKED = r"""(?:[(/<"'=]|\]:\s*)(?:{})"""  # a file name where a link's path ends (`lines_naming`)
_ANY_LINK_PATH = re.compile(r"""(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|\b(?:href|src|data)\s*=\s*["']?)([^\s)"'<>]*)""")  # (`_lines_resolving`)
_FRONT_LINKED = r"""\]\(\s*<?[^)\s>]*?(?<![^(/<])(?:{})"""  # the same in a Markdown link of the front matter (`rights:`)


def _resolved(folder: str, written: str) -> str:
    """A link's path as written, as the content path (or, from the root, the site path) it names: the form the
    targets of `lines_naming` have."""
    written = unquote(written)
    if written.startswith("/"):
        return posixpath.normpath(written.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, written)).lstrip("/")
