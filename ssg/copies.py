"""The files a build copies: the static folders (the site's over the theme's) and the files articles name.

A file an article names (its `image:`, a link to a PDF beside it) that is not there is an error on the line naming it,
with where the file likely is. Copying skips reading a file whose size and change time (`load.file_stamp`) the cache knows.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from stat import S_ISREG
from urllib.parse import unquote

from .cache import Store
from .config import Config
from .conflicts import conflict_message
from .content import Article, StandalonePage, as_read
from .errors import Problem
from .frontmatter import FrontMatterError, read_front_matter
from .leaks import Reach, refusal
from .links import lines_naming
from .load import file_stamp, unpublished_static
from .markdown import ARTICLE_SUFFIXES
from .output import Output
from .pathhints import NAME_MAX, ContentPaths, find_file, image_hint, is_file, link_hint, relative, template_link_hint
from .scripts import composed, other_form
from .site import Site
from .theme import Theme

# What a build copies in which git's conflict markers can be nothing of the file's own: stylesheets, scripts, pages.
MARKED_SUFFIXES = frozenset({".css", ".js", ".mjs", ".html", ".htm", ".svg", ".json", ".xml"})


def copy_files(files: dict[str, Path], store: Store, output: Output) -> None:
    """Copy static and content files; one whose `file_stamp` did not change is not read (as content files)."""
    known = store.copies()
    seen = {}
    for path, source in sorted(files.items()):
        stat = os.stat(source)
        before = known.get(str(source))
        stamp = file_stamp(stat)
        same = before is not None and before[:2] == stamp
        seen[str(source)] = (*stamp, output.copy(path, source, before[2] if same else None))
    store.remember_copies([(source, *row) for source, row in seen.items() if known.get(source) != row], known.keys() - seen.keys())


def conflicted(files: dict[str, Path], store: Store, root: Path) -> list[Problem]:
    """An error on the `<<<<<<<` line of each stylesheet, script or page to copy that holds git's conflict markers (a
    `git pull` that stopped left them, and they were published as they were, both versions). A file the last build
    copied as it is now (`Store.copies`) is not read again, so a preview's save reads only what changed."""
    # (by the path it is published at, named as its file is: a string's end is a third of `Path.suffix`'s time, and a
    # save passes every image the articles name)
    marked = [source for path, source in files.items() if path[path.rfind(".") :].lower() in MARKED_SUFFIXES]
    known = store.copies([str(source) for source in marked])
    problems = []
    for source in marked:
        stat, before = os.stat(source), known.get(str(source))
        if before is not None and before[:2] == file_stamp(stat):
            continue
        data = source.read_bytes()
        if b"<<<<<<<" in data and (found := conflict_message(data.decode("utf-8", "replace"), fences=False)) is not None:
            shown = source.relative_to(root).as_posix() if source.is_relative_to(root) else str(source)
            problems.append(Problem(shown, found[0], None, found[1]))
    return sorted(problems)


# What Git LFS leaves in a clone in place of a file it keeps (a clone without git-lfs installed, or GitHub's checkout
# without `lfs: true`): a text of about 130 bytes starting so.
_LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"
_POINTER_SIZE = 512
# Files named as pictures by their ending, which a browser shows only where they are one (an SVG is text: left out).
PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico", ".heic", ".jxl"})
# A picture this small may be the page a site answered in place of it (a site that refuses its pictures to other sites'
# pages, or saved from a browser's tab that showed an error): those are a few KB (nginx's and Apache's 403 under 1 KB,
# Cloudflare's block pages some 10-30 KB). Only these are opened: a larger one costs its `stat` alone.
_PAGE_SIZE = 64 * 1024
# A lead picture larger than this is told: a listing shows it, loaded whole, on each article's card (a phone on a
# listing of ten such loads 50 MB and more), and a link's preview drops it: X takes 5 MB at most, LinkedIn 5, Facebook 8.
LARGE_LEAD = 5_000_000
# How an HTML page starts, as a browser tells one from other bytes (WHATWG MIME Sniffing, 7.1: "identifying a resource
# with an unknown MIME type"): one of these tags, in any case, after white space, then a space or `>`.
_PAGE_TAGS = re.compile(
    rb"[\t\n\f\r ]*<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[ >]", re.IGNORECASE
)


def file_problems(
    files: dict[str, Path], config: Config, site: Site, lines: dict[str, dict[str, int]], store: Store
) -> tuple[list[Problem], list[Problem]]:
    """What is wrong with the files to copy, from one `stat` each, which the build makes anyway; the few bytes of a
    file read only where its size makes it a suspect. Errors: a file that is Git LFS's pointer to it, not the file (CI's
    clone published the pointers as the pictures, text named .jpg, with no word, where the laptop's build had the
    photos). Warnings, on the line of an article that names the file (`_told_where`): a picture that is empty, or an
    HTML page (the error page a site answered in place of a photo, saved as photo.jpg), published as a lead picture
    with no word (a trial of an archive that keeps its pictures as files); a lead picture so large that listings and
    links' previews suffer (`LARGE_LEAD`).

    A small picture the last build copied as it is now (`Store.copies`) is not read again: whether it was a page is
    kept (`Store.pages_as_pictures`). Read on every build, 10,000 thumbnails cost 0.1-0.15 s of each."""
    errors = []
    wrong: dict[str, str] = {}  # the path a picture is published at -> what is wrong with it
    large: dict[str, int] = {}  # and a large one's size
    known: dict[str, tuple[int, int, str]] | None = None  # (`Store.copies`, read once a small picture asks it)
    pages: frozenset[str] = frozenset()
    found, fine = [], []  # pictures read: HTML pages, and not
    for target, source in files.items():
        picture = target[target.rfind(".") :].lower() in PICTURE_SUFFIXES
        try:
            stat = os.stat(source)
            size, head, page = stat.st_size, b"", False
            if picture and _POINTER_SIZE < size <= _PAGE_SIZE and known is None:
                known, pages = store.copies(), store.pages_as_pictures()
            before = known.get(str(source)) if picture and _POINTER_SIZE < size <= _PAGE_SIZE else None
            if before is not None and before[:2] == file_stamp(stat):
                page = str(source) in pages
            elif size <= _POINTER_SIZE or (picture and size <= _PAGE_SIZE):
                with open(source, "rb") as file:
                    head = file.read(_POINTER_SIZE)
                page = picture and _PAGE_TAGS.match(head.removeprefix(b"\xef\xbb\xbf")) is not None
                if picture:
                    (found if page else fine).append(str(source))
        except OSError:
            continue  # (told where it is copied, as before)
        if head.startswith(_LFS_POINTER):
            message = (
                "is Git LFS's pointer to the file, not the file: this clone has not fetched it (git lfs pull; in a GitHub "
                "Actions workflow, actions/checkout with lfs: true)"
            )
            errors.append(Problem(_shown(source, config.root), None, None, message))
        elif picture and size == 0:
            wrong[target] = "is empty: no browser shows it (copy the picture there again)"
        elif page:
            wrong[target] = (
                "is an HTML page, not a picture (a site's answer in place of its picture, saved: one that refuses its "
                "pictures to other sites answers so): save the picture itself, from its page in a browser"
            )
        elif picture and size > LARGE_LEAD:
            large[target] = size
    store.remember_pages_as_pictures(found, fine)
    warnings = []
    if wrong or large:
        named = _naming(site, wrong.keys() | large.keys())
        for target, why in wrong.items():
            warnings.append(_told_where(config, lines, named.get(target, []), target, files[target], why))
        for target, size in large.items():
            leads = [(page, key) for page, key in named.get(target, []) if key]
            if leads:  # (a large photo linked from the text, to be opened on its own, is what the text means)
                why = (
                    f"is {size / 1_000_000:.1f} MB: every listing that shows the article loads it whole for its card, and "
                    "a link's preview leaves it out (X and LinkedIn take 5 MB at most, Facebook 8): give image: a smaller "
                    "copy (1600 px wide is enough for both, a few hundred KB), and link the original from the text if "
                    "readers are to have it"
                )
                warnings.append(_told_where(config, lines, leads, target, files[target], why))
    return sorted(errors), sorted(warnings)


def _naming(site: Site, targets: set[str]) -> dict[str, list[tuple[Article | StandalonePage, str | None]]]:
    """The articles and pages that name each of `targets` (a file's path in the site), and how: by `image:` (the key
    "image") or in their text (None); in the order of their files."""
    named: dict[str, list[tuple[Article | StandalonePage, str | None]]] = {}
    for page, wanted in _files_named(site):
        for key, target in wanted:
            if target in targets:
                named.setdefault(target, []).append((page, key))
    return {target: sorted(pages, key=lambda named: named[0].source_path) for target, pages in named.items()}


def _told_where(
    config: Config,
    lines: dict[str, dict[str, int]],
    named: list[tuple[Article | StandalonePage, str | None]],
    target: str,
    source: Path,
    why: str,
) -> Problem:
    """A warning about the file `source` (published at `target`): on the line of the first article that names it
    (`named`), saying how many more do (once a file: a site's one picture on a hundred articles is one warning); of the
    file itself where none does (a static folder's)."""
    shown = _shown(source, config.root)
    if not named:
        return Problem(shown, None, None, why)
    page, key = named[0]
    if key:
        line = lines.get(page.source_path, {}).get(key)
    else:
        line = next(iter(lines_naming(config.content_path, page.source_path, target)), None)
    others = len({other.source_path for other, _ in named}) - 1
    more = f" ({others} more {'articles name' if others > 1 else 'article names'} it)" if others else ""
    return Problem(f"{config.content_dir}/{page.source_path}", line, key, f"{shown} {why}{more}")


def _shown(source: Path, root: Path) -> str:
    return source.relative_to(root).as_posix() if source.is_relative_to(root) else str(source)


def _files_under(folder: Path) -> Iterator[Path]:
    """Every name under `folder` but its folders, without following linked folders (as `Path.rglob` lists them), nor
    going into a folder that is no part of the site (`unpublished_static`: `.git/`). A folder that cannot be listed
    raises PermissionError (`Builder.build` tells it): rglob left its files out without a word, and the build took
    them off the site."""

    def refuse(error: OSError) -> None:
        if isinstance(error, PermissionError):
            raise error

    for parent, folders, names in os.walk(folder, onerror=refuse):
        folders[:] = [name for name in folders if not unpublished_static(name)]  # (a `.private/` no build reads, 000 or not)
        yield from (Path(parent, name) for name in names)


def files_to_copy(
    config: Config, theme: Theme, site: Site, lines: dict[str, dict[str, int]]
) -> tuple[dict[str, Path], list[Problem], list[Problem]]:
    """Output path -> source file: static folders (the site's over the theme's), then referenced content files; a
    problem for each referenced file that is not there; and a warning for each of those that takes a static file's
    place (`_over_static`)."""
    files: dict[str, Path] = {}
    problems = []
    warnings = []
    for folder in theme.static_dirs:
        for path in sorted(_files_under(folder)):
            if path.is_file() and not unpublished_static(path.name):  # (editors', git's; their folders `_files_under` skips)
                if path.is_symlink() and (leak := _leaked(config, path, folder.parent, outside=True)) is not None:
                    problems.append(leak)
                    continue
                # (At its name composed: a Mac saves `ёлка.jpg` decomposed, where the articles' links are read composed.)
                name = composed(path.relative_to(folder).as_posix())
                if name in files and files[name].is_relative_to(folder) and files[name].resolve() != path.resolve():  # (one lost)
                    problems.append(_same_letters(config, path, files[name]))
                    continue
                files[name] = path
    if not theme.searching(config.search.enabled):  # (the search page's scripts, and their licences with them)
        files = {path: source for path, source in files.items() if not _search_static(path, theme.search_static)}
    static = set(files)  # a file of static/ is in the site at its path too (Hugo's `image: /images/logo.png`)
    content = config.content_path
    there: ContentPaths | None = None  # the content folder's files, listed for the first one missing
    published: ContentPaths | None = None  # and the articles' (a link written as template code may name one)
    linked = _Links(content)
    for article, wanted in _files_named(site):
        for key, target in wanted:
            source, link = linked.find(target)
            if source is not None and config.exclude is not None and _excluded(config, source):
                source = None  # (`private/scan.pdf`, `Templates/x.png`: site.yaml's `exclude:` keeps them off the site)
            if source is not None and (link or linked.through(target)) and (leak := _leaked(config, source, content)) is not None:
                problems.append(leak)  # (`images/photo.jpg -> /etc/passwd`, `-> ../../.env`: published as they were)
            elif source is not None:
                if target in static and files[target].resolve() != source.resolve():
                    warnings.append(_over_static(config, source, files[target]))
                    static.discard(target)  # (told once, however many articles name it)
                files[target] = source
                if not target.isascii() and (other := other_form(source.name)) and os.path.lexists(source.with_name(other)):
                    problems.append(_same_letters(config, source.with_name(other), source))  # (`фото-й.jpg`: a Mac's, Linux's)
            elif target not in static:
                there = there or _publishable(config, ContentPaths.files_in(content))
                published = published or ContentPaths(a.source_path for a in site.articles)
                what = "image" if key else "linked file"
                path = f"{config.content_dir}/{article.source_path}"
                # (`[x](../2025/)`, `[x](./)`: a folder, told "file not found"; os.path: no OSError of a name too long)
                folder = not key and os.path.isdir(content / target)
                message = (
                    _folder_link(config.content_dir, published, article.source_path, target)
                    if folder
                    else f"{what} {target!r} not found ({_fix_missing(config, there, published, article, key, target)})"
                )
                found = [lines.get(article.source_path, {}).get("image")] if key else lines_naming(content, article.source_path, target)
                problems += [Problem(path, line, key, message) for line in found or [None]]
    return files, problems, warnings


def _over_static(config: Config, source: Path, static: Path) -> Problem:
    """A file of content/ an article names, at the path of a file of a static folder: the site holds the one of
    content/, and the static one was left out without a word (`content/images/logo.png` over `static/images/logo.png`:
    a trial of an archive keeping its pictures as files), or of the theme's (`content/assets/style.css`, linked from
    an article, over the theme's stylesheet: a site's static/ replaces a theme's file on purpose, content/ never)."""
    shown, other = (_shown(f, config.root) for f in (source, static))
    message = f"is published at the same path as {other}, and takes its place: the site has this one, not {other} (rename or delete one)"
    return Problem(shown, None, None, message)


def _same_letters(config: Config, path: Path, other: Path) -> Problem:
    """Two files of one static folder whose names are the same letters, one composed and one decomposed (as a Mac
    saves `ёлка.jpg`): the site can hold one of them, and which was left to chance."""
    shown, kept = (f.relative_to(config.root).as_posix() if f.is_relative_to(config.root) else str(f) for f in (path, other))
    message = (
        f"its name is the same letters as {kept}'s, one written with its letters decomposed (as a Mac saves them): the "
        "site can hold one of the two (delete one)"
    )
    return Problem(shown, None, None, message)


def _leaked(config: Config, path: Path, folder: Path, outside: bool = False) -> Problem | None:
    """A problem where `path` (a file of a static folder, or of `content/` an article names), a link or in a linked
    folder, leads to a file ssg does not publish (`leaks.refusal`): a hidden one of the project, or of the cache or the
    output (`static/env.txt -> ../.env`, which a static folder's own `.env` is not published for, `content/up -> ..`
    and `../up/.env`), or a secret of the machine's (`content/images/photo.jpg -> /etc/passwd`, `-> /proc/self/environ`,
    a CI job's secrets; `~/.ssh/id_rsa`). It is not copied: a colleague's commit may hold such a link. Of a static
    folder, which is published whole, unread (`outside`), one outside the project too: Hugo stopped following a theme's
    links for that reason; an article's file may be in a folder elsewhere (`content/photos -> /mnt/nas/photos`, as
    `load.linked_folders` tells). `folder`: where else the file may lead (the theme holding a static folder, a content
    folder outside the project)."""
    message = refusal(Reach.of(config), path, folder, outside)
    if message is None:
        return None
    shown = path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else str(path)
    return Problem(shown, None, None, message)


class _Links:
    """The files articles name, found (`pathhints.find_file`), and whether each is a link or in a linked folder
    (`content/up -> ..`): one `lstat` a file, which tells a plain file at once, and each folder looked at once a build
    (a second `lstat` of each file and its folders took 2-5 us a file, 25-50 ms of a rebuild at 10,000 articles)."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.folders: dict[str, bool] = {}

    def find(self, target: str) -> tuple[Path | None, bool]:
        """The file `target` names, or None, and whether it is a link."""
        path = self.content / target
        try:
            if S_ISREG(os.lstat(path).st_mode):
                return path, False
        except (OSError, ValueError):  # (no such file, a name too long)
            pass
        source = find_file(self.content, target)  # (a link, or a name written composed otherwise)
        return source, source is not None and os.path.islink(source)

    def through(self, target: str) -> bool:
        """Whether a folder on the way to `target` is a link."""
        folder = posixpath.dirname(target)
        while folder:
            linked = self.folders.get(folder)
            if linked is None:
                linked = self.folders[folder] = os.path.islink(self.content / folder)
            if linked:
                return True
            folder = posixpath.dirname(folder)
        return False


def _search_static(path: str, listed: tuple[str, ...]) -> bool:
    """Whether a static file's path is one of theme.yaml's `search_static:` (a file, or in a folder ending in `/`)."""
    return any(path == entry or (entry.endswith("/") and path.startswith(entry)) for entry in listed)


def _files_named(site: Site) -> Iterator[tuple[Article | StandalonePage, list[tuple[str | None, str]]]]:
    """Each article and standalone page that names files under content/, and those: (the key, "image" for an article's
    image, else None, and the file's content path)."""
    for article in site.articles:
        if article.files or (article.image and article.image.is_local):
            image = [("image", article.image.src)] if article.image and article.image.is_local else []
            yield article, image + [(None, f) for f in article.files]
    for page in site.standalone.pages:
        if page.files:
            yield page, [(None, f) for f in page.files]


def _publishable(config: Config, there: ContentPaths) -> ContentPaths:
    """The content folder's files `there` but those site.yaml's `exclude:` names: a hint that named one (`write
    ../private/scan.png`) led to another error."""
    if config.exclude is None:
        return there
    return ContentPaths(path for path in there.paths if not config.exclude.excludes(path))


def _excluded(config: Config, source: Path) -> bool:
    """Whether `source`, a file of the content folder an article names, is one site.yaml's `exclude:` names."""
    content = config.content_path
    return config.exclude is not None and source.is_relative_to(content) and config.exclude.excludes(source.relative_to(content).as_posix())


def _fix_missing(
    config: Config, there: ContentPaths, published: ContentPaths, article: Article | StandalonePage, key: str | None, target: str
) -> str:
    """What to do about a file an article names (its `image:` when `key` is "image", else a link in its text) that the
    content folder (`there`: its files, `published`: its articles) does not have."""
    if config.exclude is not None and is_file(config.content_path / target) and _excluded(config, config.content_path / target):
        return f"site.yaml's exclude: leaves {config.content_dir}/{target} out of the site: move the file, or change exclude:"
    guess = (image_hint if key else link_hint)(there, config.content_dir, article.source_path, target)
    page = None if key else next((target + s for s in ARTICLE_SUFFIXES if is_file(config.content_path / (target + s))), None)
    # `![x]({{ site.baseurl }}/images/x.jpg)`, `[x]({% post_url 2018-12-03-x %})`, `[x]({{< ref "x" >}})`
    if told := template_link_hint(published, config.content_dir, article.source_path, target):
        return told
    if page:  # `[x](b/)`, the page's URL: an article is linked by its file
        return f"{config.content_dir}/{page} is an article: link to its file, {relative(article.source_path, page)}"
    if guess is None and (long := next((n for n in target.split("/") if len(n.encode()) > NAME_MAX), None)):
        # (no file system holds such a name, so "put it at" would ask what cannot be done)
        return f"'{long[:40]}...' is {len(long.encode())} bytes long, longer than a file name can be ({NAME_MAX}): fix the path"
    if link := _link_to_nothing(config.content_path, target):  # (before a guess: its own name was guessed, "write" it)
        if "/.git/annex/objects/" in f"/{link[1]}":  # (a file git-annex holds, whose content this clone has not fetched)
            return f"{config.content_dir}/{link[0]} is git-annex's link to a file this clone has not fetched: git annex get {config.content_dir}/{link[0]}"
        return (
            f"{config.content_dir}/{link[0]} is a link to {link[1]}, which is not on this machine: keep the file in "
            f"{config.content_dir}/, which every clone of the repository has (as CI's)"
        )
    if key and unquote(target) != target and is_file(config.content_path / unquote(target)):  # (copied from a URL)
        return f"{config.content_dir}/{unquote(target)} is there: image: is a file's path, not a URL, so write {unquote(target)}"
    if not key and (cut := _cut_at_fragment(config.content_path, target)):
        mark, part, escape = ("#", "fragment", "%23") if cut[len(target)] == "#" else ("?", "query", "%3F")
        return f"a link's '{mark}' starts its {part}: {config.content_dir}/{cut} is there, so write {escape} for the '{mark}' of its name"
    if guess is not None:
        return guess
    others = _pictures_beside(there, article.source_path, target)
    # (a file of static/ at that path is the site's too: Hugo's and WordPress's `image: /uploads/x.jpg`; not one written
    # from the article, `./photo.jpg`, which names the file beside it)
    if key and not _written_from_article(config.content_path, article.source_path, target):
        return f"put it at {config.content_dir}/{target} or {config.static_dir}/{target}, or fix the path{others}"
    return f"put it at {config.content_dir}/{target} or fix the path{others}"


_FEW = 5  # pictures beside an article that a message names: more would hide the one meant among them


def _pictures_beside(there: ContentPaths, source_path: str, target: str) -> str:
    """The pictures in the folder of the article at `source_path`, where the missing `target` is too, for its message
    (`; beside the article: cover.jpg`): a bundle's picture renamed (photo.jpg to cover.jpg) left `image: ./photo.jpg`
    told to go to static/, with no word of the picture there. Nothing where there are none, or more than a few."""
    folder = posixpath.dirname(source_path)
    if not folder or posixpath.dirname(target) != folder:
        return ""
    names = [
        n for n in there.by_folder.get(folder, ()) if n[n.rfind(".") :].lower() in PICTURE_SUFFIXES and n != posixpath.basename(target)
    ]
    return f"; beside the article: {', '.join(names)}" if 0 < len(names) <= _FEW else ""


def _written_from_article(content: Path, source_path: str, target: str) -> bool:
    """Whether the front matter of the article at `source_path` names `target` as a path from the article's folder
    (`image: ./photo.jpg`, `../shared/x.jpg`): the article is read again, for a message only. `Image.src` keeps the
    path read from content/, which either spelling gives."""
    try:
        data = read_front_matter(as_read((content / source_path).read_text(encoding="utf-8"))).data
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return False
    folder = posixpath.dirname(source_path)
    values = list(data.values()) if isinstance(data, dict) else []
    values += [v for value in values if isinstance(value, dict) for v in value.values()]  # (`image: {src: ./x.jpg}`)
    return any(
        isinstance(value, str) and value.startswith(("./", "../")) and posixpath.normpath(posixpath.join(folder, value)) == target
        for value in values
    )


def _folder_link(content_dir: str, published: ContentPaths, source: str, target: str) -> str:
    """The problem of a link to a folder of content/ (`../2025/`, `./`), of which the site makes no page: what to write,
    the year's (month's, day's) archive from the site's root where the folder is named as one, or an article's file."""
    folder = "" if target == "." else target
    inside = sorted(p for p in published.paths if (p.startswith(f"{folder}/") or not folder) and p != source)
    example = relative(source, inside[0] if inside else posixpath.join(folder, "its-name.md"))
    shown = f"{content_dir}/{folder}".rstrip("/")
    fix = f"for an article write its .md file ({example})"
    if _PERIOD.fullmatch(folder):  # (the site's archive of that period is at that path: `urls.period`)
        fix = f"for the {_PERIODS[folder.count('/')]}'s archive write /{folder}/ (from the site's root), {fix}"
    return f"links to the folder {shown}, which is not a page or a file of the site: {fix}, for a file in it its path"


_PERIOD = re.compile(r"[0-9]{4}(?:/[0-9]{2}){0,2}")  # a folder named as a year's archive is (`urls.period`): 2025, 2025/03
_PERIODS = ("year", "month", "day")


def _cut_at_fragment(content: Path, target: str) -> str | None:
    """The file under `content` whose name goes on after `target`'s with a `#` or `?` (`images/launch #1.jpg` for the
    link `<images/launch #1.jpg>`, read as `images/launch ` and the fragment `#1.jpg`; `what?.jpg` as `what` and a
    query), if there is one."""
    folder, _, name = target.rpartition("/")
    try:
        names = sorted(os.listdir(content / folder))
    except OSError:
        return None
    found = next((n for n in names if n.startswith((name + "#", name + "?")) and is_file(content / folder / n)), None)
    return None if found is None else f"{folder}/{found}" if folder else found


def _link_to_nothing(content: Path, target: str) -> tuple[str, str] | None:
    """The first folder or file on the way to `target` (under `content`) that is a link leading nowhere, and where it
    leads: `content/photos -> /mnt/nas/photos` committed by an editor whose machine has the share, cloned by CI."""
    parts = target.split("/")
    for n in range(1, len(parts) + 1):
        path = content.joinpath(*parts[:n])
        if path.is_symlink() and not path.exists():
            return "/".join(parts[:n]), os.readlink(path)
        if not path.exists():
            return None
    return None
