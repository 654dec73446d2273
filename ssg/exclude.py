"""site.yaml's `exclude:`: the files and folders of the content folder that are no part of the site, by gitignore's
patterns (pathspec's `GitIgnoreSpec`), for a content folder that is another tool's too: an Obsidian vault's
`Templates/` (Templater's `<% tp.file.title %>`), its drawings (`*.excalidraw.md`), a `private/` folder were published
as articles, and renaming them `_Templates/` breaks the vault's settings and links.

The rules are gitignore's, as a reader of a `.gitignore` expects: a pattern with no slash but at its end matches a name
at any depth (`Templates/`, `*.excalidraw.md`); one with a slash at its start or in its middle is anchored at the top of
the content folder (`/Templates/`, `drafts/old-*.md`); a trailing slash matches folders alone; `**` any number of
folders; `!` takes a file back in, but not out of a folder excluded whole (git's rule: the folder is not listed).

Every build lists the content folder (`load.content_stats`, 10,000 files and more): a folder is asked once, and not
gone into where excluded; the files' own names only where some pattern can exclude a file of a folder that is not
(`names_files`), in one pass after the listing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

from pathspec import GitIgnoreSpec


class Exclusions:
    """The patterns of `exclude:`, compiled; equal (and hashed, and shown, for the build's inputs) by the patterns."""

    __slots__ = ("_files", "_one", "_spec", "patterns")

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._spec = GitIgnoreSpec.from_lines(self.patterns)
        # The patterns that may exclude a file whose folder is not excluded: not `Templates/` nor `private/**`, which
        # match a folder (its files go with it). With a `!` among them, all (the order decides then).
        negated = any(p.lstrip().startswith("!") for p in self.patterns)
        naming = self.patterns if negated else [p for p in self.patterns if not _folders_only(p)]
        self._files = GitIgnoreSpec.from_lines(naming) if naming else None
        self._one = None if negated or self._files is None else _one_expression(self._files)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Exclusions) and other.patterns == self.patterns

    def __hash__(self) -> int:
        return hash(self.patterns)

    def __repr__(self) -> str:
        return f"Exclusions({self.patterns!r})"

    @property
    def names_files(self) -> bool:
        """Whether some pattern may exclude a file in a folder that is not excluded (`*.excalidraw.md`): else only
        folders are asked."""
        return self._files is not None

    def folder(self, path: str) -> bool:
        """Whether the folder at `path` (in the content folder, forward slashes, no trailing one) is excluded itself;
        the folders above it are not asked (a listing does not go into those)."""
        return self._spec.match_file(path + "/")

    def file(self, path: str) -> bool:
        """Whether the file at `path` is excluded by its own name; the folders above it are not asked."""
        if self._one is not None:
            return self._one.match(path) is not None
        return self._files is not None and self._files.match_file(path)

    def excludes(self, path: str) -> bool:
        """Whether the file at `path` (in the content folder, forward slashes) is excluded: it, or a folder on its way."""
        parts = path.split("/")
        return any(self.folder("/".join(parts[:n])) for n in range(1, len(parts))) or self.file(path)

    def kept(self, stats: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        """`stats` (path -> stamp, listed from folders not excluded) without the files excluded by their names."""
        if self._files is None:
            return stats
        # (One expression over 10,000 paths: 2 ms, where pathspec's `match_files`, path by path, takes 6-9.)
        excluded = set(filter(self._one.match, stats) if self._one is not None else self._files.match_files(stats))
        return {path: stat for path, stat in stats.items() if path not in excluded} if excluded else stats

    def unmatched(self, top: str | os.PathLike, skipped: Callable[[str], bool]) -> list[str]:
        """The patterns that match nothing under `top` (the content folder): a misspelt `Template/`, a path written
        from the project (`content/private/`) or from the disk's root, capitals other than the folder's. Each pattern
        is asked of the files and folders only until it matches one: where all match, the walk stops early. A folder
        of a name `skipped` (`.git/`, whose objects are thousands) is asked by its name, and not gone into."""
        waiting = {pattern: GitIgnoreSpec.from_lines([pattern]) for pattern in self.patterns if _pattern(pattern)}
        for folder, folders, files in os.walk(top):
            if not waiting:
                break
            prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/" if folder != os.fspath(top) else ""
            names = [f"{prefix}{name}/" for name in folders] + [f"{prefix}{name}" for name in files]
            folders[:] = [name for name in folders if not skipped(name)]
            for pattern, spec in list(waiting.items()):
                if any(map(spec.match_file, names)):
                    del waiting[pattern]
        return list(waiting)


def _one_expression(spec: GitIgnoreSpec) -> re.Pattern | None:
    """The regular expressions pathspec made of `spec`'s patterns (none of them a `!`) as one, which a path matches
    where any of them does (pathspec's `RegexPattern.match_file` is the expression's `match`); None where they are not
    there to join (another pathspec), and pathspec asks then."""
    try:
        expressions = [pattern.regex.pattern for pattern in spec.patterns if pattern.include]
        joined = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', expression)})" for expression in expressions)
        return re.compile(joined) if expressions and isinstance(joined, str) else None
    except (AttributeError, TypeError, re.error):
        return None


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")  # (pathspec's `(?P<ps_d>/)` in each: a name twice is no expression)


def _pattern(line: str) -> bool:
    """Whether a line is a pattern (gitignore's: not a comment, nor blank, nor a `!` taking files back)."""
    text = line.strip()
    return bool(text) and not text.startswith(("#", "!"))


def _folders_only(pattern: str) -> bool:
    """Whether `pattern` matches folders alone (and so the files in them): `Templates/`, `private/**`."""
    text = pattern.rstrip()
    return text.endswith("/") or (text.endswith("/**") and "\\" not in text)


def checked(value: object) -> Exclusions | None:
    """`exclude:` as site.yaml gives it: one pattern or a list of them; None for none (a build asks nothing then). A
    ValueError says what to write."""
    example = "e.g. exclude: [Templates/, '*.excalidraw.md', private/] (a pattern starting with * in quotes)"
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f"must be a list of patterns of files and folders in the content folder, {example}")
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise ValueError(f"{item!r} is not a pattern: write each as text, {example}")
        if not isinstance(item, str):
            raise ValueError(f"{item} is a number, not a pattern: put it in quotes, '{item}'")
        if not item.strip():
            raise ValueError(f"has an empty pattern: remove it, or write one, {example}")
    try:
        return Exclusions(items) if items else None
    except ValueError as error:  # (pathspec's own, a pattern it cannot read: `***`)
        raise ValueError(f"{error} ({example})") from None
