"""An article file's text -> its front matter (the data and the line of each key) and its body.

YAML between `---` lines is ssg's own format. TOML between `+++` lines, as Hugo and Zola write it, is read too (with
the standard library's `tomllib`), and so is Pelican's `Title:` header (`pelican.read_header`), so an archive moved
from them builds without editing every file. Hugo's JSON is refused with what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .pelican import HeaderError, read_header
from .yamlload import YamlSyntaxError, load_yaml_with_lines

NO_FRONT_MATTER = "no front matter: the file must start with a line '---', the YAML keys, then '---' (e.g. title: ...); a note of your own that is no article stays out of the site under a name starting with _ (_notes.md)"
# `Title: My post` on the first line: Pelican's metadata, or YAML keys without their `---` lines.
_KEY_LINE = re.compile(r"([A-Za-z][\w -]*):\s")
# A top-level TOML key (`date = ...`, `"date" = ...`); keys after the first [table] header belong to the table.
_TOML_KEY = re.compile(r"""\s*(["']?)([\w-]+)\1\s*=""")
_TOML_TABLE = re.compile(r"\s*\[")
_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column \d+\)$")


class FrontMatterError(ValueError):
    """Front matter that cannot be read, with the 1-based line of the file it is on (None when unknown)."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class FrontMatter:
    data: Any  # a mapping, unless the YAML was something else (the reader says so)
    lines: dict[str, int]  # the file's 1-based line of each top-level key
    body: str
    end_line: int  # the line of the closing `---` (`+++`): where a missing key would go, which its message names
    pelican: bool = False  # read from Pelican's `Title:` header (whose article without `Slug:` takes its title's)


def read_front_matter(text: str) -> FrontMatter:
    """The front matter and body of an article's text (as `content.as_read` gives it), or a FrontMatterError."""
    first = text.split("\n", 1)[0].rstrip()
    if first == "+++":
        front, body, body_line = _split(text, "+++", ("+++",))
        return FrontMatter(*_load_toml(front), body, body_line - 1)
    if first != "---":
        try:
            pelican = read_header(text)
        except HeaderError as exc:
            raise FrontMatterError(exc.message, exc.line) from None
        if pelican is not None:
            return FrontMatter(*pelican, pelican=True)
    front, body, body_line = split_front_matter(text)
    try:
        data, lines = load_yaml_with_lines(front)
    except YamlSyntaxError as exc:
        raise FrontMatterError(exc.message, exc.line + 1 if exc.line else None) from None
    return FrontMatter(data, {key: line + 1 for key, line in lines.items()}, body, body_line - 1)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---` front matter from the body; returns (yaml, body, line the body starts on)."""
    return _split(text, "---", ("---", "..."))


def _split(text: str, fence: str, ends: tuple[str, ...]) -> tuple[str, str, int]:
    lines = text.split("\n")
    if lines[0].strip() != fence:
        raise FrontMatterError(*_no_front_matter_at(lines))
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ends:
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2
    raise FrontMatterError(f"front matter opened on line 1 is never closed (add a line '{fence}' after the last key)", 1)


def _no_front_matter_at(lines: list[str]) -> tuple[str, int]:
    """What is wrong with a file whose first line opens no front matter, and its line: an empty file (an editor's
    new file, saved before it was written) and front matter under blank lines (which look like none on screen) say
    so, rather than that the file has no front matter."""
    filled = next((number for number, line in enumerate(lines, start=1) if line.strip()), None)
    if filled is None:
        return (
            "the file is empty (write the front matter, e.g. ---, title: ..., date: ..., ---, and the text below it; or delete the file)",
            1,
        )
    if lines[filled - 1].strip() in ("---", "+++"):
        blank = "the blank line" if filled == 2 else f"the {filled - 1} blank lines"
        return f"the front matter's '{lines[filled - 1].strip()}' must be the file's first line (delete {blank} above it)", filled
    return _no_front_matter(lines[0]), 1


def _no_front_matter(first: str) -> str:
    """What to write instead of a header ssg does not read, told by its first line."""
    if first.lstrip().startswith("{"):
        return (
            "JSON front matter (Hugo's) is not read: write the keys as YAML between lines '---' "
            "(title: ..., date: ...), or as TOML between lines '+++'"
        )
    key = _KEY_LINE.match(first)
    if key is None:
        return NO_FRONT_MATTER
    hint = "put a line '---' before the keys and one after them"
    if key.group(1)[0].isupper():  # Pelican's `Title:`, `Date:`, `Tags:`, read when `read_header` finds its header
        hint += "; or, as Pelican's header, it needs a Title: or Date: line, and a blank line after its last key"
    return f"no front matter: the file starts with the key {key.group(1)}: but not with a line '---' ({hint})"


def _load_toml(front: str) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib  # (here: a Hugo archive's TOML front matter is rare, and tomllib's import 8-9 ms of every process)

    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        # (+1: the front matter starts on the file's line 2; an error at the end is on its last line)
        line = int(where.group(1)) + 1 if where else front.count("\n") + 2
        what = _TOML_WHERE.sub("", message).removesuffix(" (at end of document)")
        raise FrontMatterError(f'TOML syntax error: {what} (check quotes, commas and brackets: key = "value")', line) from None
    return data, _toml_lines(front, data)


def _toml_lines(front: str, data: dict[str, Any]) -> dict[str, int]:
    """The file's line of each top-level key, for messages: `tomllib` gives the data alone."""
    lines: dict[str, int] = {}
    for number, line in enumerate(front.split("\n"), start=2):
        if _TOML_TABLE.match(line) and "=" not in line:
            break
        key = _TOML_KEY.match(line)
        if key and key.group(2) in data:
            lines.setdefault(key.group(2), number)
    return lines
