"""Pelican's own formats, read as Pelican writes them: an archive moved from it builds without a converter.

Two things of Pelican's stand in its Markdown files where ssg has its own:

- the metadata header (`Title: Плесецк: пуск «Рокота»`, `Date: 2020-10-14 08:45`, a blank line, then the text):
  Python-Markdown's `meta` extension reads it for Pelican, so its rules are these: a key is letters, digits, `_`
  and `-` at the start of a line (up to 3 spaces in), case-insensitive; a line indented 4 spaces or more goes on
  the value above; the header ends at the first blank line. Values are text, never YAML (12 of 15 files of a
  trial archive had a `: ` in a value, which YAML refuses): `read_header` makes of it the same data and key lines
  a YAML header gives, so the rest of the reading is ssg's own.
- its links to other content (`{filename}/2020/x.md`, `{static}/images/a.jpg`, the older `|filename|x.md`) and
  to its listings (`{tag}Байконур`, `{index}`): `link` tells the Markdown renderer what one names.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

from .errors import Problem

# A header key and its value, and a line that goes on the value above: Python-Markdown's `meta` extension's rules. Not
# Logseq's `title:: ISS` (a page's property), which was read as the title ": ISS".
_KEY = re.compile(r" {0,3}([A-Za-z0-9_-]+):(?!:)\s*(.*)")
_MORE = re.compile(r" {4,}(.*)")
# Keys that hold a list: Pelican parts them by `;` where one is written (a name may hold a comma), else by `,`. Old
# URLs too (ssg's keys, which a moved article's header may be given: `Aliases: /hls-spacex-en.html, /old.html`).
LIST_KEYS = ("tags", "keywords", "authors", "aliases", "redirect_from")
# Pelican's links, as its INTRASITE_LINK_REGEX finds them (`[{|](?P<what>.*?)[|}]`), of the kinds Pelican resolves:
# content files (from content/ with a leading `/`, else from the article's folder) and listings (a name follows).
_LINK = re.compile(r"[{|](filename|static|attach|tag|category|author|index)[|}]")
FILE_LINKS = ("filename", "static", "attach")
LISTING_LINKS = ("{tag}", "{category}", "{author}")  # the start of such a link's target (`markdown`'s article links)
TAG_LINK = LISTING_LINKS[0]


class HeaderError(ValueError):
    """A Pelican header that cannot be read, with the file's line of the key."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


class Header(NamedTuple):
    data: dict[str, Any]  # lowercased keys -> text, or a list of names (`LIST_KEYS`)
    lines: dict[str, int]  # the file's 1-based line of each key
    body: str
    end_line: int  # the blank line that ends the header: where a missing key would go


def read_header(text: str) -> Header | None:
    """The Pelican header `text` (an article file's, as `content.as_read` gives it) starts with; None when it starts
    with none: a first line that is no `Key: value`, a header that has neither `Title:` nor `Date:` (a text whose
    first line is "Note: ..." is no Pelican article), or one that a line other than a blank one ends (YAML keys
    without their `---` lines: `tags:` then `  - МКС`), which the front matter's error is for."""
    lines = text.split("\n")
    entries: dict[str, tuple[int, list[str]]] = {}  # key -> (its line, its value's lines)
    key = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        found = _KEY.fullmatch(line)
        more = _MORE.fullmatch(line) if found is None else None
        if found is None and (more is None or key is None):
            return None
        if more:
            entries[key][1].append(more[1].strip())
            continue
        key = found[1].lower()
        if key in entries:
            raise HeaderError(f"{found[1]}: is written twice, on line {entries[key][0]} and here (keep one)", number)
        entries[key] = (number, [found[2].strip()])
    else:
        number = len(lines)  # (a file of the header alone)
    if "title" not in entries and "date" not in entries:
        return None
    data, where = _values(entries)
    return Header(data, where, "\n".join(lines[number:]), number)


def _values(entries: dict[str, tuple[int, list[str]]]) -> tuple[dict[str, Any], dict[str, int]]:
    """The data of a header's keys, as ssg reads front matter: lists of names, text (`Status: draft` is read as YAML's
    `status: draft` is, by `content`)."""
    data: dict[str, Any] = {}
    lines = {key: line for key, (line, _) in entries.items()}
    for key, (_, values) in entries.items():
        if key in LIST_KEYS:
            values = [value[1:-1] if value[:1] + value[-1:] == "[]" else value for value in values]  # (YAML's `[a, b]`)
            data[key] = [name.strip() for value in values for name in value.split(";" if ";" in value else ",") if name.strip()]
        elif key == "draft" and " ".join(values).lower() in ("true", "false"):  # (ssg's key, added to a moved header)
            data[key] = " ".join(values).lower() == "true"
        else:
            data[key] = " ".join(value for value in values if value)  # (a value wrapped onto more lines is one text)
    return data, lines


def link(url: str) -> tuple[str, str] | None:
    """What a link of Pelican's in an article names: ("file", path) for a content file (`{filename}`, `{static}`,
    `{attach}`: a path from content/ with a leading `/`, else from the article's folder, as ssg's relative links are),
    ("listing", target) for a tag's, category's or author's page (`{tag}Байконур` -> "{tag}Байконур", the name's spaces
    made one) or ("index", rest) for the home page; None for any other link."""
    found = _LINK.match(url)
    if found is None:
        return None
    what, rest = found[1], url[found.end() :]
    if what in FILE_LINKS:
        return "file", rest
    if what == "index":
        return "index", rest
    return "listing", f"{{{what}}}{' '.join(unquote(rest).split())}"


# pelicanconf.py's `DEFAULT_METADATA = {'status': 'draft'}`: Pelican leaves every article without a `Status:` out.
_DRAFTS_BY_DEFAULT = re.compile(r"""^DEFAULT_METADATA\s*=\s*\{[^}]*["']status["']\s*:\s*["']draft["']""", re.M | re.I)


# pelicanconf.py's `SLUGIFY_SOURCE = 'basename'`: slugs from file names, where Pelican's default makes them of titles.
_SLUGS_OF_NAMES = re.compile(r"""^SLUGIFY_SOURCE\s*=\s*["']basename["']""", re.M)

CONF_FILE = "pelicanconf.py"


@dataclass(frozen=True)
class PelicanConf:
    """What ssg takes of the project's pelicanconf.py, read once with site.yaml (`config.load_config`): a build, and
    the preview's builds after each save, see the file as it was when the settings were read, and the preview reads
    it again when it changes (`watch.Layout`), as it does site.yaml. Read before each build, it was a setting the
    preview never heard change: the URLs it served stayed the old slugs' until the next save of an article."""

    title_slugs: bool = False  # an article without `Slug:` gets its title's slug (Pelican's SLUGIFY_SOURCE default)
    drafts_line: int | None = None  # the line of `DEFAULT_METADATA = {'status': 'draft'}`, where there is one


def read_conf(root: Path) -> PelicanConf:
    """The project's pelicanconf.py, read as text (never run). Slugs of titles only in a project that holds one
    (`ssg init` reads it there): an archive that has been ssg's, without one, keeps the URLs ssg gave it, of the
    files' names. Pelican made the slug of an article without `Slug:` of its title unless `SLUGIFY_SOURCE` says
    `basename` (the file's name, as ssg makes every other article's)."""
    try:
        text = (root / CONF_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return PelicanConf()
    found = _DRAFTS_BY_DEFAULT.search(text)
    drafts_line = None if found is None else text.count("\n", 0, found.start()) + 1
    return PelicanConf(_SLUGS_OF_NAMES.search(text) is None, drafts_line)


def title_slug(title: str) -> str:
    """The slug Pelican made of a title (its `slugify` with the default settings): the letters in Latin as the
    unidecode tables spell them (`Запуск «Прогресса» перенесён` is `zapusk-progressa-perenesion`, where ssg's own
    slugs spell Russian as Wikipedia does, `perenesyon`), what is no letter, digit, `_`, `-` or space left out,
    each run of spaces and hyphens one `-`, in lower case. ssg made it of the file's name, and every such article of
    a Pelican archive moved to another URL, without a word, though `permalink: '{slug}.html'` was to keep them."""
    from text_unidecode import unidecode  # (here: its table is 4 MiB in every process that imports it, as python-slugify says)

    text = unicodedata.normalize("NFKC", html.unescape(re.sub(r"<[^>]*>", "", title)))
    text = re.sub(r"[^\w\s-]", "", text if text.isascii() else unidecode(text), flags=re.ASCII).strip()
    return re.sub(r"[-\s]+", "-", text).lower()


def drafts_by_default(conf: PelicanConf) -> list[Problem]:
    """A warning when the project's pelicanconf.py makes drafts of articles without `Status:` (`DEFAULT_METADATA`):
    ssg takes no metadata from pelicanconf.py, so it would publish every one of them, which Pelican kept back."""
    if conf.drafts_line is None:
        return []
    message = (
        "Pelican leaves out every article without Status: here, but ssg reads no pelicanconf.py and publishes them: "
        "write Status: draft in those to keep back (Status: published in the others), then delete this line"
    )
    return [Problem(CONF_FILE, conf.drafts_line, "DEFAULT_METADATA", message)]
