"""Find, read and check every article: through the cache, in parallel where it pays.

Only files whose size or change time (`file_stamp`) changed since the last build are read again, and of those only
the ones whose bytes changed go through `content.read_article`; the rest are `Entry` objects from
the cache (the bodies stay on disk until a page needs them). What a build learnt is returned as
`Known`: a `Builder` hands it to its next build, which then touches the cache only for what
changed; a one-shot build gets it from the cache's snapshot and files table.
"""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from itertools import chain, compress, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from stat import S_ISBLK, S_ISCHR, S_ISDIR, S_ISFIFO, S_ISREG, S_ISSOCK
from sys import intern
from typing import TYPE_CHECKING, NamedTuple

from .cache import Store, file_digest
from .content import JEKYLL_POSTS, Article, Image, ReadSettings, Source, StandalonePage, from_record, quick_pickling, read_article
from .errors import Problem
from .exclude import Exclusions
from .markdown import ARTICLE_SUFFIXES

if TYPE_CHECKING:
    from .leaks import Reach

PARALLEL_FROM = 64  # fewer changed files than this are read in-process: a pool costs ~0.1 s to start
SNAPSHOT_AFTER = 200  # records loaded one by one (from JSON) before the snapshot is saved again


@quick_pickling
@dataclass(frozen=True, slots=True)
class Entry:
    """What one content file reads as: the article (or standalone page), its warnings, and the line of each front-matter key."""

    article: Article | StandalonePage
    warnings: tuple[Problem, ...]
    lines: dict[str, int]


_DIGEST, _STAMP = itemgetter(2), itemgetter(0, 1)  # of a file's (size, changed_ns, digest)
_UNSEEN = (-1, -1, "")  # (what `_scan` takes a file not seen before for: no file has its size)
_DRAFT, _EXPIRES, _PUBLISH_FROM = attrgetter("draft"), attrgetter("expires"), attrgetter("publish_from")
_ARTICLE, _WARNINGS, _LINES = attrgetter("article"), attrgetter("warnings"), attrgetter("lines")  # of an Entry


# The classes a snapshot pickles, field by field: another shape of any of them makes old snapshots a miss.
SNAPSHOT_KIND = "entries/slots:" + ";".join(
    f"{cls.__name__}({','.join(f.name for f in fields(cls))})" for cls in (Entry, Article, StandalonePage, Source, Image, Problem)
)


@dataclass(frozen=True)
class Known:
    """What the builds so far learnt about the content folder."""

    stamp: str  # the cache stamp it is valid for
    files: dict[str, tuple[int, int, str]]  # path -> (size, changed_ns, digest): `file_stamp` and the digest
    entries: dict[str, Entry]  # digest -> what the file reads as
    snapshot: frozenset[str]  # digests the cache's snapshot holds
    pruned: bool = False  # the cache holds the records of `entries` and `snapshot` and no others (this builder saw to it)
    written: str = ""  # the cache's token of the build that last wrote its records (`Store.new_written_token`)

    @classmethod
    def from_store(cls, store: Store) -> Known:
        entries = store.snapshot(SNAPSHOT_KIND)
        entries = {d: entries[d] for d in store.digests() & entries.keys()}  # never an entry whose body is gone
        return cls(store.stamp, store.known_files(), entries, frozenset(entries), written=store.written_token())

    def holds(self, store: Store) -> bool:
        """Whether this is still what `store` holds: no other process wrote it since (a `ssg build` run beside the
        preview dropped the records of articles as it saw them, and the preview's next render asked for the body of
        one it knew, undone since to how the preview had last read it: "no cached body")."""
        return self.stamp == store.stamp and not store.reset and self.written == store.written_token()


@dataclass(frozen=True)
class Loaded:
    """Every article and standalone page that read cleanly, and what went wrong with the others."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    lines: dict[str, dict[str, int]]  # source path -> front-matter key -> line (for later checks)
    read: int  # how many files were read and rendered (not from the cache)
    known: Known  # for the next build of the same builder
    unreadable: frozenset[str] = frozenset()  # source paths of the files with problems
    pages: tuple[StandalonePage, ...] = ()  # the standalone pages (About), by path


def content_files(content_dir: Path) -> list[str]:
    """Markdown files under content/, as sorted forward-slash paths; hidden and editor files skipped."""
    return list(content_stats(content_dir))


# The stat field by which a build tells a file changed (`file_stamp`): the inode's change time, but on Windows, whose
# ctime is the file's creation.
_CHANGED = "st_mtime_ns" if os.name == "nt" else "st_ctime_ns"


def file_stamp(stat: os.stat_result) -> tuple[int, int]:
    """(size, change time in ns): what every build compares to tell that an input file changed since it last read it
    (content files, templates and static files, the files articles link to).

    The change time is the inode's (ctime), not the mtime. Setting a file's mtime back (`touch -d`, `cp -p`,
    `rsync -a`, `tar x`, an archivist giving each clipping its publication date) sets its ctime to now, and so does any
    write, so an edit that keeps the size (an е made ё: two bytes each) under an old mtime is still read: by its mtime
    every build took it as unchanged, until the cache was deleted. A change of its mode or links alone has the file
    read again, and found the same by its digest."""
    return stat.st_size, getattr(stat, _CHANGED)


def path_stamp(path: str | os.PathLike) -> tuple[int, int] | None:
    """The `file_stamp` of the file at `path`, or None where there is none (gone, or never there)."""
    try:
        return file_stamp(os.stat(path))
    except OSError:
        return None


class ListingStoppedError(Exception):
    """`content_stats` was told to stop before it had listed everything."""


STATS_BETWEEN_STOPS = 1000  # files `content_stats` stats between two asks of its `stop` (besides one per folder)


def content_stats(
    content_dir: Path, stop: Callable[[], bool] | None = None, exclude: Exclusions | None = None, prefix: str = ""
) -> dict[str, tuple[int, int]]:
    """Each Markdown file under content/ (sorted forward-slash path) -> its `file_stamp`: one pass that lists and
    stats, as every build does first. Hidden and editor files are skipped, and so are files and folders starting with
    `_` (Hugo's `_index.md` section pages, Jekyll's `_drafts/`) except Jekyll's `_posts/`, where a moved Jekyll site
    keeps every article, and those site.yaml's `exclude:` names (`exclude`: a folder is not gone into, a file left out
    by its name after the listing; None, no pattern asked); linked folders are not followed.

    `stop`: asked before each folder and every `STATS_BETWEEN_STOPS` files (the preview's: whether a save of the
    author's waits, which the listing would delay by 0.1 s at 10,000 articles); it raises `ListingStoppedError` then.
    `prefix`: where `content_dir` is in the content folder ("2021/", `restat`'s), which the paths start with."""
    found = {}
    folders = [(os.fspath(content_dir), prefix)]
    asked_at = 0
    while folders:
        if stop is not None and stop():
            raise ListingStoppedError(content_dir)
        folder, prefix = folders.pop()
        try:
            entries = os.scandir(folder)
        except PermissionError:  # (a folder unzipped without r or x: its articles were left out, and taken off the site)
            raise
        except OSError:
            continue  # no content folder (yet), or one deleted while listing: no files there
        with entries:
            for entry in entries:
                name = entry.name
                try:
                    is_dir = entry.is_dir()
                except OSError:  # (a link in a loop, `content/loop -> loop`: ELOOP, which stopped the build in a traceback)
                    continue
                if is_dir:
                    if not entry.is_symlink() and not skipped_folder(name) and (exclude is None or not exclude.folder(prefix + name)):
                        folders.append((entry.path, f"{prefix}{name}/"))
                elif name.endswith(ARTICLE_SUFFIXES) and not name.startswith(SKIPPED_FILE_PREFIXES):
                    try:
                        stat = entry.stat()
                    except PermissionError:  # (in a folder without x: as above)
                        raise
                    except OSError:
                        continue  # a link to nothing (or a file deleted while listing): no file
                    if not S_ISREG(stat.st_mode):  # (a FIFO: the build waited on it for ever; a link to a device read it)
                        continue  # told by `linked_folders`, which looks at what this leaves out
                    found[prefix + name] = (stat.st_size, getattr(stat, _CHANGED))
                    if stop is not None and len(found) - asked_at >= STATS_BETWEEN_STOPS:
                        asked_at = len(found)
                        if stop():
                            raise ListingStoppedError(content_dir)
    if exclude is not None:
        found = exclude.kept(found)
    return dict(sorted(found.items()))


# Files a Jekyll, Hugo or Pelican archive holds articles in that ssg does not read (Markdown is `ARTICLE_SUFFIXES`).
OTHER_ARTICLE_SUFFIXES = (".html", ".htm", ".textile", ".txt", ".adoc", ".asciidoc", ".rst", ".org")


def other_article_files(content_dir: Path, exclude: Exclusions | None = None) -> list[str]:
    """The files under content/ that start with front matter (`---`, `+++`) but are not Markdown, Pelican's articles
    in reStructuredText (`.rst`, every one: its metadata is a field list under the title) and in HTML (`pelican_html`),
    the Markdown files whose suffix is not in lower case (`Статья.MD`, as Windows, whose names ignore case, saves them),
    and those whose names start with `#` or `~` (`TOLD_PREFIXES`), where
    `content_stats` would list them (the same folders and names skipped), as sorted forward-slash paths: a walk of
    the whole folder, that reads the first line of each such file (`ssg check`, a build that found no article). Not
    those `exclude:` names (`exclude`): a vault's `Templates/` is no archive's articles."""
    found = []
    for folder, folders, names in os.walk(content_dir):
        prefix = _within(content_dir, folder)
        folders[:] = [
            name
            for name in folders
            if not skipped_folder(name)
            and not os.path.islink(os.path.join(folder, name))
            and not (exclude is not None and exclude.folder(prefix + name))
        ]
        for name in names:
            if exclude is not None and exclude.file(prefix + name):
                continue
            if name.startswith(TOLD_PREFIXES) and name.endswith(ARTICLE_SUFFIXES):
                found.append(prefix + name)  # (`named_out` tells them)
                continue
            if name.startswith(SKIPPED_FILE_PREFIXES):
                continue
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.endswith(ARTICLE_SUFFIXES):
                found.append(prefix + name)
                continue
            if not name.lower().endswith(OTHER_ARTICLE_SUFFIXES):
                continue
            try:
                first = _file_start(os.path.join(folder, name), 256).split(b"\n", 1)[0].strip().removeprefix(b"\xef\xbb\xbf")
            except OSError:
                continue
            if first in (b"---", b"+++") or name.lower().endswith(".rst") or pelican_html(os.path.join(folder, name)):
                found.append(prefix + name)
    return sorted(found)


# Pelican's metadata in an HTML article's head (`<meta name="date" content="2021-01-04">`, `tags`), which its HTMLReader
# reads: an article, as a `.md` file's front matter makes one.
_PELICAN_META = re.compile(rb"""<meta\s+name\s*=\s*["']?(?:date|tags)\b""", re.I)


def pelican_html(path: str) -> bool:
    """Whether the HTML file at `path` is Pelican's article: a `<meta name="date">` or `"tags"` in its first 4 KB."""
    if not path.lower().endswith((".html", ".htm")):
        return False
    try:
        return _PELICAN_META.search(_file_start(path, 4096)) is not None
    except OSError:
        return False


def _file_start(path: str, size: int) -> bytes:
    """The first `size` bytes of the file at `path`; b"" where it is no file (a named pipe, which `open` waited on for
    ever, a link to /dev/zero, whose first line never ended: `ssg check` hung, or filled the memory)."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(handle, "rb") as file:
        return file.read(size) if S_ISREG(os.fstat(handle).st_mode) else b""


def restat(
    content_dir: Path, stats: dict[str, tuple[int, int]], changed: Iterable[str | Path], exclude: Exclusions | None = None
) -> dict[str, tuple[int, int]]:
    """`content_stats` again, when only `changed` paths (from file events) can differ from `stats`: only the folders
    holding them are listed and stat'ed again, not the whole archive (a long-lived builder's every save).

    A path may be a file or a folder, made, changed, moved or gone: its folder (or the folder itself, or the nearest
    one still there) is listed again with all below it, so a rename, an editor's temporary file or a folder moved in
    all come out as a full listing would show them. `exclude`: as `content_stats`'s (the same as `stats` were listed with)."""
    root = os.path.abspath(content_dir)
    folders = set()
    for path in map(os.path.abspath, changed):
        if path != root and not path.startswith(root + os.sep):
            return content_stats(content_dir, exclude=exclude)  # not spelled as the content folder is (a link on the way?): list it all
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        while folder != root and not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        folders.add(folder)
    if root in folders:
        return content_stats(content_dir, exclude=exclude)
    found = dict(stats)
    for folder in folders:
        if any(folder.startswith(other + os.sep) for other in folders):
            continue  # listed with the folder around it
        prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/"
        for path in [p for p in found if p.startswith(prefix)]:
            del found[path]
        if _listed(root, prefix, exclude):
            found.update(content_stats(Path(folder), exclude=exclude, prefix=prefix))
    if found.keys() == stats.keys():
        return dict(zip(stats, map(found.__getitem__, stats), strict=True))  # in the same order (C speed)
    return dict(sorted(found.items()))


def posts_outside(root: Path, content_dir: str) -> list[Problem]:
    """A warning when Jekyll's `_posts/` stands at the top of the project, beside the content folder, where ssg does
    not read: `ssg init` run in a Jekyll site's folder built its one sample article, and the archive's posts were left
    out without a word."""
    posts, content = (root / JEKYLL_POSTS).resolve(), (root / content_dir).resolve()
    if not posts.is_dir() or posts == content or content in posts.parents:
        return []
    message = f"Jekyll's articles, not read: ssg reads articles from {content_dir}/ (move {JEKYLL_POSTS}/ into {content_dir}/)"
    return [Problem(f"{JEKYLL_POSTS}/", None, None, message)]


def linked_folders(
    root: Path, folders: Iterable[str], content_dir: str = "", listed: Collection[str] = (), exclude: Exclusions | None = None
) -> list[Problem]:
    """A warning for each link to a folder under `folders` (content/, static/, relative to `root`) where a build would
    look: ssg follows none (`content_stats`; static/ is copied without them), so that a link to ~/ or to itself
    publishes nothing it should not, but `content/agency -> ~/clippings/agency` left its articles out without a word.
    One of `content_dir` whose files articles name (`content/photos -> /mnt/nas/photos`) is said to publish them: it
    said nothing was, and a CI's clone then failed on each picture the editor's machine had published. Nothing that
    `exclude` (site.yaml's `exclude:`) names in the content folder is looked at."""
    found, named = [], []
    for name in folders:
        top = root / name  # (`content_dir` may be a folder outside the project, `/srv/archive`: named as site.yaml gives it)
        for folder, subfolders, files in os.walk(top):
            if name == content_dir:
                prefix = _within(top, folder)
                if exclude is not None:
                    subfolders[:] = [sub for sub in subfolders if not exclude.folder(prefix + sub)]
                    files = [file for file in files if not exclude.file(prefix + file)]
                found += _links_to_nothing(folder, prefix, files, listed, name)
                named += [f"{prefix}{file}" for file in files if file.startswith(TOLD_PREFIXES) and file.endswith(ARTICLE_SUFFIXES)]
            for sub in subfolders:
                path = os.path.join(folder, sub)
                if os.path.islink(path) and os.path.isdir(path) and not skipped_folder(sub):
                    shown = f"{name}/{Path(path).relative_to(top).as_posix()}"
                    target = Path(os.path.realpath(path))
                    if target.is_relative_to(top.resolve()):  # (`content/latest -> 2024`: its files are read where they are)
                        inside = f"{name}/{target.relative_to(top.resolve()).as_posix()}".rstrip("/.")
                        message = f"is a link to {inside}/, which ssg does not follow: its files are read there, once (remove the link if it is for nothing else)"
                    elif name == content_dir:  # (a picture an article names there is published: `pathhints.find_file` opens it)
                        message = f"is a link to the folder {target}, which ssg does not follow: no article in it is read; a file an article names there is published"
                        # (One to a folder of the repository, written relative, is in every clone; written from the
                        # root, `/home/anna/archive/assets`, it leads nowhere in a clone elsewhere.)
                        if not target.is_relative_to(root.resolve()):
                            message += (
                                f", but only on a machine that has {target}, not from a clone of the repository elsewhere, as CI's "
                                f"(to have it all, move the folder into {name}/ or copy what it holds there; else remove the link)"
                            )
                        elif os.path.isabs(os.readlink(path)):
                            relative = os.path.relpath(target, os.path.dirname(path))
                            message += (
                                f", but only on a machine that has {target}: written from the root, the link leads nowhere in a "
                                f"clone of the repository elsewhere, as CI's (make it relative: ln -sfn {relative} {shown})"
                            )
                    else:
                        message = (
                            f"is a link to the folder {target}, which ssg does not follow: nothing in it is read "
                            f"or published (to have it, move the folder into {name}/ or copy what it holds there; else remove the link)"
                        )
                    found.append(Problem(shown, None, None, message))
            subfolders[:] = [sub for sub in subfolders if not skipped_folder(sub)]
    return sorted(found + named_out(content_dir, named))


def _links_to_nothing(folder: str, prefix: str, files: list[str], listed: Collection[str], shown: str) -> list[Problem]:
    """A warning for each article file in `folder` (`prefix` in the content folder) that is a link leading nowhere:
    content/2021/x.md -> /mnt/usb/x.md with the drive not mounted, or to a file moved since, was left out of the site
    (its page deleted) without a word. And for one that is no file (a named pipe, a device, or a link to one), which
    `content_stats` leaves out: a FIFO made the build wait for ever, reading it, and a link to /dev/zero read until the
    memory ran out. (A warning, not an error: no article can be in it, and the rest of the site builds as it would
    without it, as Hugo's does.) Only a file the build did not list (`listed`, as `content_stats` gives them) is looked
    at: no stat of the articles it read."""
    problems = []
    for file in files:
        if not is_article_name(file) or f"{prefix}{file}" in listed:
            continue
        path = os.path.join(folder, file)
        if os.path.islink(path) and not os.path.exists(path):
            message = (
                f"is a link to {os.readlink(path)}, which leads to no file (moved or deleted, on a drive not mounted, or a "
                "link to itself): the article is not read, and its page is left out of the site; put the file back there, "
                "or remove the link"
            )
            problems.append(Problem(f"{shown}/{prefix}{file}", None, None, message))
        elif (kind := _not_a_file(path)) is not None:
            link = f"a link to {os.readlink(path)}, " if os.path.islink(path) else ""
            message = f"is {link}{kind}, not a file: no article is read from it, and it is left out of the site (remove it)"
            problems.append(Problem(f"{shown}/{prefix}{file}", None, None, message))
    return problems


def _within(top: Path, folder: str) -> str:
    """Where `folder`, met walking `top`, is in it: "" for `top`, else its path with a trailing slash (`2021/03/`)."""
    return Path(folder).relative_to(top).as_posix() + "/" if folder != os.fspath(top) else ""


def _not_a_file(path: str) -> str | None:
    """What the thing at `path` is, where it is there but no regular file (nor a folder); else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if S_ISREG(mode) or S_ISDIR(mode):
        return None
    kinds = ((S_ISFIFO, "a named pipe (FIFO)"), (S_ISCHR, "a device"), (S_ISBLK, "a device"), (S_ISSOCK, "a socket"))
    return next((kind for test, kind in kinds if test(mode)), "something other than a file")


EDITOR_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~", "___jb_tmp___", "___jb_old___")


def is_editor_file(name: str) -> bool:
    """Swap, backup, lock and temporary files editors write beside the real one: never a change the preview builds,
    nor a file a build copies from a static folder (where the preview, which hears no change of theirs, and the build
    went apart: `x.css~` was published by one and not the other).

    `.#x` (Emacs lock), `#x#` (Emacs autosave), `x~` (backup), `.x.swp`/`.swx` (Vim swap), `4913`
    (Vim's can-I-write probe), `x.tmp` (atomic-save temp), JetBrains' `x___jb_tmp___` and `x___jb_old___`, and any
    other hidden file.
    """
    return name.startswith(".") or name.endswith(EDITOR_SUFFIXES) or name == "4913" or (name.startswith("#") and name.endswith("#"))


# The hidden files of a static folder that hosts read (Apache's `.htaccess`, GitHub Pages' `.nojekyll`, Codeberg
# Pages' `.domains`, RFC 8615's `.well-known/`): published, where every other hidden file is not (a `.env` or a
# `.htpasswd` kept there, a Mac's `.DS_Store`).
_HIDDEN_PUBLISHED = frozenset({".htaccess", ".nojekyll", ".domains", ".well-known"})


# What Windows and macOS leave in folders besides hidden files: Explorer's thumbnail caches (pictures of the folder,
# deleted ones too) and folder settings, Office's lock files (`~$report.docx`), a Mac's folder icon (`Icon\r`), and the
# download mark WSL copies from Windows (`photo.jpg:Zone.Identifier`, with the address it came from).
_SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "icon\r"})


def unpublished_static(name: str) -> bool:
    """Whether a static folder's file (or folder) of this name is no part of the site: an editor's or any hidden one
    (`is_editor_file`) but those hosts read (`.htaccess` was left out without a word, where Hugo and Jekyll publish it),
    and what a system leaves (`_SYSTEM_FILES`: published as a site's files, where `.DS_Store` was not)."""
    if name in _HIDDEN_PUBLISHED:
        return False
    return is_editor_file(name) or name.lower() in _SYSTEM_FILES or name.startswith("~$") or name.endswith(":Zone.Identifier")


# What starts the name of a file that is no article: a hidden file, a note of the author's (`_`), an editor's lock or
# backup (`#name#`, `.#name`, `~name`). (A constant, not a function: `content_stats` asks it of every file.)
SKIPPED_FILE_PREFIXES = (".", "_", "#", "~")
# Those of them that no editor starts a Markdown file's name with: its autosave is `#x.md#` and its backup `x.md~`
# (no `.md` at the end), its lock `.#x.md` (hidden), and `_` is the documented way to keep a file out (Jekyll's and
# Hugo's too). `#1-launch.md` or `~tilde.md` is an author's article, left out, and the build said there was none.
TOLD_PREFIXES = ("#", "~")


def named_out(content_dir: str, paths: Sequence[str]) -> list[Problem]:
    """One warning for the Markdown files (`paths`, in the content folder `content_dir`) that are not read for their
    names' first character (`TOLD_PREFIXES`), however many: the first of them, how many more, and the rule. (The same
    from both walks that find them, `linked_folders` and `other_article_files`, told once.)"""
    if not paths:
        return []
    first, *more = sorted(paths)
    renamed = first.rpartition("/")[2].lstrip("".join(SKIPPED_FILE_PREFIXES))
    to = f" to {renamed}" if renamed not in ARTICLE_SUFFIXES else ""
    nor = f", nor {len(more)} other Markdown file{'s' * (len(more) > 1)} whose name starts with # or ~" if more else ""
    fix = f"rename them (this one{to})" if more else f"rename it{to}"
    message = (
        f"not read{nor}: ssg leaves out files whose names start with . or _ (hidden files, notes kept out on purpose), "
        f"# or ~ (as editors' lock and backup files do); {fix} to have {'them' if more else 'it'} published"
    )
    return [Problem(f"{content_dir}/{first}", None, None, message)]


def is_article_name(name: str) -> bool:
    """Whether a file of this name is one `content_stats` lists (which asks it inline, of every file)."""
    return name.endswith(ARTICLE_SUFFIXES) and not name.startswith(SKIPPED_FILE_PREFIXES)


def skipped_folder(folder: str) -> bool:
    """A folder whose articles are not read: hidden, or starting with `_` (but `_posts`, Jekyll's folder of articles)."""
    return folder.startswith(".") or (folder.startswith("_") and folder != JEKYLL_POSTS)


def _listed(root: str, prefix: str, exclude: Exclusions | None = None) -> bool:
    """Whether `content_stats` lists the files of the folder `prefix` (relative, with a trailing slash) under `root`:
    none of the folders on the way is skipped (`skipped_folder`), excluded (`exclude`) or is a link."""
    folder, path = root, ""
    for name in prefix.rstrip("/").split("/"):
        folder, path = os.path.join(folder, name), path + name
        if skipped_folder(name) or os.path.islink(folder) or (exclude is not None and exclude.folder(path)):
            return False
        path += "/"
    return True


def load_articles(
    content_dir: Path,
    store: Store,
    settings: ReadSettings,
    jobs: int,
    shown_as: str = "content",
    known: Known | None = None,
    stats: dict[str, tuple[int, int]] | None = None,
    reach: Reach | None = None,
) -> Loaded:
    """Read all articles under `content_dir`; `jobs` worker processes for the uncached ones.

    `known` is what the previous build of the same `Builder` returned (else it comes from the
    cache); `stats`, the `file_stamp` of each content file when the caller has them already.
    Problems name files as `shown_as/<path>`, the way the user sees them from the project.
    `reach`: where a file that is a link may lead (`leaks.refusal`; None, anywhere): one that leads elsewhere is not
    opened, and is a problem of its own.
    """
    if known is None or not known.holds(store):
        known = Known.from_store(store)
    if known.entries or store.holds_records():
        files = _scan(content_dir, known.files, stats, reach)
        # (Passes over every file, in C where they can be: a rebuild of the preview makes them all.)
        kept = set(map(_DIGEST, files.values())) & known.entries.keys()
        entries = dict(zip(kept, map(known.entries.__getitem__, kept), strict=True))
        to_read = _load_records(store, files, entries) if len(entries) < len(files) else []
    else:  # a cache that holds nothing (a cold build): no digest to look up, each file is hashed by its reader alone
        files = {path: (size, changed, "") for path, (size, changed) in (content_stats(content_dir) if stats is None else stats).items()}
        entries, to_read = {}, list(files)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    unreadable: set[str] = set()
    # One record at a time into the cache: holding 10,000 rendered bodies would take 300 MB.
    for path, digest, record in _read_many(content_dir, to_read, settings, jobs, reach):
        if "problems" in record:
            problems += [Problem.from_dict(p) for p in record["problems"]]
            warnings += [Problem.from_dict(w) for w in record.get("warnings", [])]
            del files[path]  # never remember a failing file as read
            unreadable.add(path)
        else:
            files[path] = (*files[path][:2], digest)  # the bytes read now, if they changed since the scan
            store.put(digest, record)
            entries[digest] = _entry(path, digest, record)
    snapshot, pruned, written = _remember(store, known, files, entries, bool(to_read))
    found = list(map(entries.__getitem__, map(_DIGEST, files.values())))
    articles, pages = _split(list(map(_ARTICLE, found)))
    warnings += chain.from_iterable(map(_WARNINGS, found))
    lines = dict(zip(files, map(_LINES, found), strict=True))
    shown = lambda p: replace(p, path=f"{shown_as}/{p.path}")  # noqa: E731
    after = Known(store.stamp, files, entries, snapshot, pruned, written)
    return Loaded(
        tuple(articles),
        tuple(map(shown, problems)),
        tuple(map(shown, warnings)),
        lines,
        len(to_read),
        after,
        frozenset(unreadable),
        tuple(pages),
    )


def _split(read: list[Article | StandalonePage]) -> tuple[list[Article], list[StandalonePage]]:
    """The articles and the standalone pages of what the files read as, each in path order. (A site has a few pages
    among 10,000 articles: whether it has any is asked in C.)"""
    if StandalonePage not in set(map(type, read)):
        return read, []  # type: ignore[return-value]
    return [a for a in read if type(a) is Article], [p for p in read if type(p) is StandalonePage]


def _scan(
    content_dir: Path, seen: dict[str, tuple[int, int, str]], stats: dict[str, tuple[int, int]] | None, reach: Reach | None = None
) -> dict[str, tuple[int, int, str]]:
    """path -> (size, changed_ns, digest) of every content file, in path order: only files whose stamp changed are read
    (a link `reach` refuses is not: its digest is none a record has, and its reader tells why)."""
    if stats is None:
        stats = content_stats(content_dir)
    before = list(map(seen.get, stats, repeat(_UNSEEN)))
    files = dict(zip(stats, before, strict=True))  # (checked below, in C: most are as last seen)
    for path in compress(stats, map(operator.ne, stats.values(), map(_STAMP, before))):
        size, changed = stats[path]
        try:
            files[path] = (size, changed, file_digest(path, _bytes(os.path.join(content_dir, path), reach)))
        except RefusedLinkError:
            files[path] = (size, changed, f"refused:{path}")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            # Gone since it was listed (or since file events last told of it): no file, as the next listing finds. It
            # failed the preview's build in a traceback, on every save, where an article's deletion went unheard.
            del files[path]
    return files


def _load_records(store: Store, files: dict[str, tuple[int, int, str]], entries: dict[str, Entry]) -> list[str]:
    """Add the entries of cached records that the snapshot does not hold (added since it was saved); returns the
    paths of the files that still have none, in order: those to read."""
    paths = {digest: path for path, (_, _, digest) in files.items() if digest not in entries}
    for digest, record in store.metas(sorted(paths)).items():
        try:
            entries[digest] = _entry(paths[digest], digest, record)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a damaged record is a miss: the file is read again
    return [path for digest, path in paths.items() if digest not in entries]


def _entry(path: str, digest: str, record: dict) -> Entry:
    article = from_record(path, digest, record)
    lines = {intern(key): line for key, line in record["meta"].get("lines", {}).items()}  # the same few keys 100,000 times
    return Entry(article, tuple(Problem.from_dict(w) for w in record["warnings"]), lines)


def _remember(
    store: Store, known: Known, files: dict[str, tuple[int, int, str]], entries: dict[str, Entry], read: bool
) -> tuple[frozenset[str], bool, str]:
    """Write what changed to the cache; returns the digests its snapshot now holds, whether the cache holds no
    records besides those of `entries` and the snapshot (`Known.pruned`), and its written token (`Known.written`)."""
    gone = known.files.keys() - files.keys()
    same = map(operator.eq, map(known.files.get, files), files.values())
    changed = [(path, *files[path]) for path in compress(files, map(operator.not_, same))]
    store.remember_files(changed, gone)
    snapshot = known.snapshot
    if len(entries.keys() - snapshot) > min(SNAPSHOT_AFTER, len(entries) // 4):
        store.save_snapshot(SNAPSHOT_KIND, entries)
        snapshot = frozenset(entries)
    pruned = known.pruned
    if read or gone or snapshot is not known.snapshot:
        keep = entries.keys() | snapshot  # the snapshot's entries need their records (bodies)
        if pruned:  # what the cache holds is known: forget what is no longer needed (not a query of every record)
            store.forget((known.entries.keys() | known.snapshot) - keep)
        else:
            store.prune(keep)
            pruned = True
    written = store.new_written_token() if read or gone or changed or snapshot is not known.snapshot else known.written
    store.commit()
    return snapshot, pruned, written


def _read_many(
    content_dir: Path, paths: list[str], settings: ReadSettings, jobs: int, reach: Reach | None = None
) -> Iterator[tuple[str, str, dict]]:
    """(path, digest, record) of each file, in order; the worker that reads a file also hashes the bytes it read."""
    items = [(str(content_dir), path, settings, reach) for path in paths]
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        yield from map(_read_one, items)
        return
    from .workers import worker_pool  # (only now: a build that reads few files spares importing concurrent.futures)

    with worker_pool(jobs) as pool:  # (Ctrl-C, or an error here: the chunks not started are dropped, not read)
        yield from pool.map(_read_one, items, chunksize=max(1, min(64, len(items) // (jobs * 8))))


def _read_one(item: tuple[str, str, ReadSettings, Reach | None]) -> tuple[str, str, dict]:
    content_dir, path, settings, reach = item
    try:
        raw = _bytes(os.path.join(content_dir, path), reach)
    except RefusedLinkError as refused:
        return path, "", {"problems": [Problem(path, None, None, str(refused)).to_dict()], "warnings": []}
    return path, file_digest(path, raw), read_article(path, raw, settings)


class RefusedLinkError(Exception):
    """A content file is a link to a file ssg does not publish (`leaks.refusal`), which it says."""


# Opening a link fails with this flag (ELOOP), where the system has it (not Windows): a content file is judged as a link
# only where it is one, at no cost for the others (an `lstat` of each was 10 ms of a cold build at 10,000 articles).
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _bytes(path: str, reach: Reach | None = None) -> bytes:
    """The bytes of the content file at `path`; where it is a link that `reach` refuses, `RefusedLinkError` before
    the file it leads to is opened (`content/x.md -> /etc/passwd`, `-> ~/.ssh/notes.md`, which were read and published)."""
    if reach is not None and _NO_FOLLOW:
        try:
            handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_BINARY", 0))
        except OSError:
            if not os.path.islink(path):
                raise
            _refuse(path, reach)
        else:
            with open(handle, "rb") as file:
                return file.read()
    elif reach is not None and os.path.islink(path):
        _refuse(path, reach)
    with open(path, "rb") as file:
        return file.read()


def _refuse(path: str, reach: Reach) -> None:
    """Raise `RefusedLinkError` where the link `path` (a content file) leads to a file ssg does not publish."""
    from .leaks import refusal  # (only for a link: `leaks` imports this module)

    if (message := refusal(reach, Path(path), reach.content)) is not None:  # (the content folder may be elsewhere)
        raise RefusedLinkError(message)


class Published(NamedTuple):
    """The articles a build publishes, and what it leaves out: the summary says so, or a mistyped date (2062 for
    2026) would make an article vanish without a word."""

    articles: list  # the articles (or standalone pages) it publishes
    drafts: int  # drafts left out
    later: list  # those left out as dated after the build (and not drafts)


def published(articles: Sequence, drafts: bool, future: bool, now: datetime) -> Published:
    """Drop drafts and articles published after `now` (`publish_from`: their date, or Hugo's later `publishDate`)
    unless asked to keep them, counting what is dropped (in the one pass over every article that the dropping makes
    anyway); one whose `expires` has come is left out as a draft is. Standalone pages too, by the `date:` written on
    them (`StandalonePage.publish_from`, None where there is none): a page written ahead for a day to come is not
    published before it, and the build after that day publishes it (`inputs.record`).

    Where none is left out (an archive without drafts, expiries or articles dated later), that is found in C and all
    are kept: every save of the preview asks of 10,000 articles (a Python pass over them took 3-6 ms)."""
    no_drafts = drafts or not (any(map(_DRAFT, articles)) or any(map(_EXPIRES, articles)))
    if no_drafts and (future or not _any_after(map(_PUBLISH_FROM, articles), now)):
        return Published(list(articles), 0, [])
    return _sorted_out(articles, drafts, future, now)


def scheduled(articles: Sequence, now: datetime) -> dict[str, datetime]:
    """Source path -> `publish_from` of each of `articles` (or standalone pages) published from after `now`: those a
    build that shows the future shows before their time (`Site.scheduled`). Most often none, found in C."""
    if not _any_after(map(_PUBLISH_FROM, articles), now):
        return {}
    return {each.source_path: each.publish_from for each in articles if each.publish_from is not None and each.publish_from > now}


def _any_after(dates: Iterable[datetime | None], now: datetime) -> bool:
    """Whether any of `dates` (None: no date) is after `now` (the latest compared, in C)."""
    latest = max(filter(None, dates), default=None)
    return latest is not None and latest > now


def _sorted_out(articles: Sequence, drafts: bool, future: bool, now: datetime) -> Published:
    """`published`, article by article."""
    kept, later, left_drafts = [], [], 0
    for article in articles:
        if (article.draft or article.expires is not None and article.expires <= now) and not drafts:
            left_drafts += 1
        elif not future and (date := article.publish_from) is not None and date > now:
            later.append(article)
        else:
            kept.append(article)
    return Published(kept, left_drafts, later)
