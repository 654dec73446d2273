"""Where a path written in an article that leads nowhere was likely meant to lead, for the message that reports it.

One set of guesses serves every such path (a link to another article, a linked file, the `image:`), so every message
suggests alike: the path read the other way (a link in the text is relative to the article, `image:` is read from
content/), a file of the same name in another folder (a link copied from an article in another year's folder), or a
close name in the folder written (a typo). Guesses are made only for a path that is broken, so they cost nothing on
a build without one.
"""

from __future__ import annotations

import difflib
import functools
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .markdown import ARTICLE_SUFFIXES
from .scripts import composed
from .shortcodes import LIQUID_TAG, linked_article, template_kind
from .site import Tag, tag_named

# How close a file name must be to the one written to be suggested: a letter or two off in a name of ten or more.
CLOSE_NAME = 0.85


class ContentPaths:
    """The paths under content/ (from there, with "/") that a guess may name: published articles for a link to an
    article, every other file for a linked file or an image. Indexed by name and folder on the first guess."""

    def __init__(self, paths: Iterable[str]):
        self.paths = frozenset(paths)

    @classmethod
    def files_in(cls, content: Path, articles: bool = False) -> ContentPaths:
        """The files of the content folder that are not articles (pictures, PDFs), as a build copies them; or those that
        are (`articles`), published or not."""
        # (os.walk: the kind of each entry comes with its name, where rglob and is_file asked the disk once a file:
        # 2 s at 100,000 files, on every save of the preview while a file is missing.)
        found = (
            posixpath.join(Path(folder).relative_to(content).as_posix(), name).removeprefix("./")
            for folder, _, names in os.walk(content)
            for name in names
        )
        return cls(path for path in found if path.endswith(ARTICLE_SUFFIXES) == articles and not _hidden(path))

    @functools.cached_property
    def by_name(self) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {}
        for path in sorted(self.paths):
            names.setdefault(posixpath.basename(path), []).append(path)
        return names

    @functools.cached_property
    def by_folder(self) -> dict[str, list[str]]:
        folders: dict[str, list[str]] = {}
        for path in sorted(self.paths):
            folders.setdefault(posixpath.dirname(path), []).append(posixpath.basename(path))
        return folders

    @functools.cached_property
    def by_lower(self) -> dict[str, list[str]]:
        """Paths by their lower case: as a Mac or Windows folds a name (`casefold` took Fuß for Fuss)."""
        paths: dict[str, list[str]] = {}
        for path in sorted(self.paths):
            paths.setdefault(path.lower(), []).append(path)
        return paths

    def other_case(self, target: str) -> str | None:
        """The one path that is `target` in other capitals (`Launch.JPG` for `launch.jpg`): a Mac or Windows, whose
        names ignore case, opened it, so the editor saw it work, and Linux, where CI builds, found nothing there."""
        found = self.by_lower.get(target.lower(), [])
        return found[0] if len(found) == 1 and found[0] != target else None

    def same_name(self, target: str) -> str | None:
        """The one path elsewhere with `target`'s file name; None when there is none, or several to choose from."""
        found = self.by_name.get(posixpath.basename(target), [])
        return found[0] if len(found) == 1 else None

    def close_name(self, target: str) -> str | None:
        """The path in `target`'s folder whose name is closest to its name, if one is close (a typo), or the one that is
        its name with a word more."""
        folder, name = posixpath.split(target)
        names = self.by_folder.get(folder, ())
        close = difflib.get_close_matches(name, names, n=1, cutoff=CLOSE_NAME)
        if not close:  # a name given a word more (`deal-signed.md` -> `deal-signed-paris.md`: a colleague's rename, pulled)
            stem, suffix = posixpath.splitext(name)
            longer = [other for other in names if other.startswith(f"{stem}-") and other.endswith(suffix)]
            close = longer if len(longer) == 1 else []
        return posixpath.join(folder, close[0]) if close else None


def wikilink_target(articles: ContentPaths, name: str) -> str | None:
    """The one article Obsidian's `[[name]]` names: by its file's name without `.md` (in any folder, as Obsidian finds
    a note), or its path (`[[2019/x]]`), in any case; None where none or several are."""
    wanted = name.removesuffix(".md").casefold()
    found = [
        path
        for path in articles.paths
        if posixpath.splitext(path)[0].casefold() == wanted or posixpath.splitext(posixpath.basename(path))[0].casefold() == wanted
    ]
    return found[0] if len(found) == 1 else None


def link_hint(paths: ContentPaths, content_dir: str, article_path: str, target: str) -> str | None:
    """What to write instead of a link in the text of `article_path` to `target` (both from content/), which is not
    in `paths`: told as a path from the article, the way links in the text are written."""
    meant = from_content(article_path, target)
    if meant in paths.paths:
        return f"{content_dir}/{meant} is there: a link in the text is relative to the article, so write {relative(article_path, meant)}"
    return _elsewhere(paths, content_dir, target, lambda path: relative(article_path, path))


def image_hint(paths: ContentPaths, content_dir: str, article_path: str, target: str) -> str | None:
    """What to write instead of an `image:` path (`target`, read from content/) that is not in `paths`."""
    meant = beside(article_path, target)
    if meant in paths.paths:
        return f"{content_dir}/{meant} is there: `image:` is read from {content_dir}/, so write ./{target}"
    return _elsewhere(paths, content_dir, target, lambda path: _from_image_key(article_path, path))


def _from_image_key(article_path: str, path: str) -> str:
    """How `image:` names `path` (from content/): `./images/x.jpg` in the article's folder or below (a bundle's picture,
    short and moved with the bundle), else its path from content/."""
    below = from_content(article_path, path)
    return f"./{below}" if below else path


def listing_hint(tags: Sequence[Tag], target: str) -> str | None:
    """What to write instead of Pelican's link to a listing (`target`: `{tag}Байконур`, `{category}Космос`,
    `{author}...`, as `pelican.link` gives it) that leads to no page of the site; None for a tag's that does."""
    kind, name = target[1:].split("}", 1)
    tag = tag_named(tags, name)
    if kind == "tag":
        if tag is not None:
            return None
        names = {tag.name.casefold(): tag.name for tag in tags}
        close = [names[found] for found in difflib.get_close_matches(name.casefold(), names, n=1, cutoff=0.75)]
        meant = f"; did you mean the tag {close[0]!r}? write {{tag}}{close[0]}" if close else ""
        return f"links to the tag {name!r} ({target}), which no published article has, so it has no page{meant}"
    told = f"links to the {kind} {name!r} ({target}), but ssg makes no {kind} pages (Pelican's {kind.title()}: is kept for templates)"
    if tag is not None:
        return f"{told}: the tag {tag.name!r} has a page, write {{tag}}{name}"
    if kind == "category":
        return f"{told}: give its articles the tag {name!r} and write {{tag}}{name}, or take the link out"
    return f"{told}: take the link out, or link to an article about the author"


def _elsewhere(paths: ContentPaths, content_dir: str, target: str, written: Callable[[str], str]) -> str | None:
    if other := paths.other_case(target):
        return (
            f"{content_dir}/{other} is there, its name in other capitals, which a Mac or Windows takes for the same and "
            f"Linux (CI's) does not: write {written(other)}"
        )
    if same := paths.same_name(target):
        return f"{content_dir}/{same} has that name: write {written(same)}"
    if close := paths.close_name(target):
        return f"did you mean {content_dir}/{close}? write {written(close)}"
    return None


# What a Hugo or Jekyll archive writes in a link for the template to fill in, and what it names: an article (Hugo's
# `{{< ref "name" >}}`, Jekyll's `{% post_url 2018-12-03-name %}`, read by `shortcodes.tag_words`), or a path
# (`{{ "/about/" | relative_url }}`).
_NAMES_PATH = re.compile(r"""\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url|relURL|absURL)\s*-?\}\}""")


def template_link_hint(articles: ContentPaths, content_dir: str, article_path: str, target: str) -> str | None:
    """What to write instead of a link that template code writes (`target` holds a shortcode or a Liquid tag), which
    ssg leaves as it is; None for a target without one. The article or path the code names, where it names one."""
    tag = LIQUID_TAG.search(target)
    if tag is None:
        return None
    told = f"{tag[0]} is {template_kind(tag[0])}, which ssg does not fill in"
    # Hugo's `ref "x"` (or `ref path="x"`), Jekyll's `post_url x` and `link _posts/x.md`
    if (linked := linked_article(tag[0])) is not None:
        name, mark, fragment = linked.partition("#")  # (`ref "x.md#intro"`: the link is the file's, and its #intro)
        name = name.strip("/")
        # (Jekyll's `link` names the file where Jekyll had it, `_posts/x.md`: moved into content/, it may be elsewhere)
        found = _article_named(articles, name) or ("/" in name and _article_named(articles, posixpath.basename(name)) or None)
        if found is None:
            return f"{told}: link to the article's file, as a path from this one ({name} is no published article's file)"
        return f"{told}: link to the article's file, {relative(article_path, found)}{mark}{fragment} ({content_dir}/{found})"
    if path := _NAMES_PATH.fullmatch(tag[0]):
        return f"{told}: write the path it names, {path[1]}{target[tag.end() :]}"
    rest = target[tag.end() :]  # `{{ site.baseurl }}/images/x.jpg`: the rest is the path
    if LIQUID_TAG.search(rest):
        return template_link_hint(articles, content_dir, article_path, rest)
    if not rest:
        return f"{told}: write the path it stands for"
    if found := _article_at(articles, rest):
        return f"{told}: link to the article's file, {relative(article_path, found)} ({content_dir}/{found})"
    if "." not in rest.rsplit("/", 1)[-1]:  # (a page's URL, read without its closing slash: `/tags/#nasa` is /tags)
        rest += "/"
    return f"{told}: write {rest}, which works under any base URL"


def _article_at(articles: ContentPaths, url: str) -> str | None:
    """The article an old site's URL (`/2021/03/04/name`, Jekyll's and Hugo's) ends in the name of: a file `name.md`, or
    Jekyll's `2021-03-04-name.md` where the URL holds the day."""
    parts = url.strip("/").split("/")
    if not parts[-1] or "." in parts[-1]:
        return None
    day = [p for p in parts[:-1] if p.isdigit()][:3]
    names = ["-".join([*day, parts[-1]])] if len(day) == 3 else []
    return next((found for name in [*names, parts[-1]] if (found := _article_named(articles, name))), None)


def _article_named(articles: ContentPaths, name: str) -> str | None:
    """The one article file a template names by its path or file name, with or without its suffix (a bundle by its
    folder); None when none or several are."""
    stem = name.removesuffix(posixpath.splitext(name)[1]) if name.endswith(ARTICLE_SUFFIXES) else name
    wanted = {stem + s for s in ARTICLE_SUFFIXES} | {f"{stem}/index{s}" for s in ARTICLE_SUFFIXES}
    names = {posixpath.basename(w) for w in wanted}  # (looked up by name: a migrated archive may link thousands)
    found = [p for n in sorted(names) for p in articles.by_name.get(n, []) if p in wanted or any(p.endswith("/" + w) for w in wanted)]
    return found[0] if len(found) == 1 else None


NAME_MAX = 255  # the bytes a file or folder name may have (ext4, XFS, APFS, NTFS alike)


def is_file(path: Path) -> bool:
    """Whether a path an article names (under content/) is a file: not one that no file system can hold, a name over
    255 bytes (`image: xxx...x.jpg`, a link of 300 letters), where `Path.is_file` raised OSError and the build stopped on
    that traceback; that is a file not found, reported as any other."""
    try:
        return path.is_file()
    except OSError:
        return False


def find_file(content: Path, target: str) -> Path | None:
    """The file under `content` that `target` (a path from there) names, or None. A name whose letters are composed
    otherwise (NFD, as a Mac saves `й` and `ё`, where a link typed to it is NFC) is that file too, as macOS finds it: a
    Mac's build published the picture and a Linux CI's said it was missing, naming the very path where it was. Folders
    are listed only for a path that is not there as written."""
    path = content / target
    if is_file(path):
        return path
    if target.isascii():
        return None
    found = content
    for part in composed(target).split("/"):
        try:
            names = sorted(os.listdir(found))
        except OSError:
            return None
        found = found / next((name for name in names if composed(name) == part), part)
    return found if is_file(found) else None


def relative(article_path: str, target: str) -> str:
    """How the text of the article at `article_path` links `target` (both from content/): relative to its folder."""
    return posixpath.relpath(target, posixpath.dirname(article_path) or ".")


def from_content(article_path: str, target: str) -> str | None:
    """What a link in an article's text wrote, when it could be a path from content/ (`images/x.jpg` in 2021/a.md, which
    leads to 2021/images/x.jpg): `image:` takes such paths, so a text's link may be written alike. None for one that
    climbs out of the article's folder, or from an article at the top, where both readings are one."""
    folder = posixpath.dirname(article_path)
    written = posixpath.relpath(target, folder) if folder else None
    return written if written and not written.startswith("../") else None


def beside(article_path: str, target: str) -> str | None:
    """Where an `image:` path (read from content/) would be read from the article's folder, as a Hugo page bundle
    writes `image: cover.jpg` for the picture beside its `index.md`; None for an article at the top."""
    folder = posixpath.dirname(article_path)
    return posixpath.join(folder, target) if folder else None


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in path.split("/"))  # (.git/ and the like: no file of the site)
