"""Hugo's front-matter keys that keep a page off the site, read as Hugo reads them.

A Hugo archive keeps pages back with more than `draft: true`: a `publishDate` later than the `date` (scheduled), an
`expiryDate` (taken down from then), `headless: true` (a bundle that is no page) and `build: {render: never}` or
`{list: never}` (Hugo's build options, `_build` before 0.65). ssg kept them for templates and published every such
page, without a word: a moved archive put back online what its keeper had taken down. Each now does in ssg what it
did in Hugo: the two dates become the article's `publish` and `expires`, judged by each build against its own clock
(`load.published`), as a date to come is; the others leave it out, as a draft, with a warning on their line.

Nothing here looks at the clock: what a file reads as is cached, and a judgment of the time of reading would outlive
the day it was made on (an article scheduled for tomorrow left out for good, one taken down today still online).

`term_path` is where Hugo put a tag's page, which a moved archive keeps working (`redirects.listing_aliases`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

# Hugo's names for each date, lower case, as Hugo reads its keys (in any case; `_` and `-` left out as ssg compares).
PUBLISH_KEYS = ("publishdate", "pubdate", "published")
EXPIRY_KEYS = ("expirydate", "unpublishdate")
BUILD_KEYS = ("build",)  # (`_build` too: `_` left out)


class Held(NamedTuple):
    """What Hugo's keys say of an article: left out for good, published from, taken down from, and the warnings for
    their lines (key, message)."""

    left_out: bool
    publish: datetime | None  # a `publishDate` later than its `date`: published from then on, not before
    expires: datetime | None  # an `expiryDate`: left out from then on, as a draft
    told: list[tuple[str, str]]


def held(data: dict, parse: Callable[[Any], datetime | None]) -> Held:
    """What Hugo's keys in `data` say of the article; `parse` reads a date as `date:` is read (None: not a date)."""
    keys = {_plain(key): key for key in data if isinstance(key, str)}
    told: list[tuple[str, str]] = []
    publish = expires = None
    if (key := _first(keys, PUBLISH_KEYS)) and "date" in data:
        publish, dated = parse(data[key]), parse(data["date"])
        if publish is None or dated is None or publish <= dated:
            publish = None  # (published on its date, or on one before: the date orders it, as before)
    if key := _first(keys, EXPIRY_KEYS):
        expires = parse(data[key])
        if expires is None:
            told.append(
                (key, "is not a date Hugo's expiryDate takes; ssg takes the article down on none (set draft: true when it should go)")
            )
        else:
            told.append(
                (
                    key,
                    f"{_written(data[key])}: Hugo takes the article down then, and so does ssg: a build from then on leaves "
                    f"it out, as a draft (remove {key}: to keep it published)",
                )
            )
    left_out = False
    if data.get(keys.get("headless")) is True:
        left_out = True
        told.append(
            (
                keys["headless"],
                "true: Hugo made no page of it (a headless bundle); ssg leaves it out too, as a draft (remove headless: to publish it)",
            )
        )
    for key in filter(None, (keys.get(name) for name in BUILD_KEYS)):
        if message := _build_options(key, data[key]):
            left_out = True
            told.append((key, message))
    return Held(left_out, publish, expires, told)


def _build_options(key: str, value: Any) -> str | None:
    """The warning for Hugo's `build: {render: never, list: never}` (`false` before Hugo 0.65): no page, or a page in
    no list, which leaves the article out; None for options that do not. ssg lists every article it publishes (as
    Pelican's `hidden`, an unlisted one is left out)."""
    if not isinstance(value, dict):
        return None
    options = {_plain(name): option for name, option in value.items() if isinstance(name, str)}
    for name, what in (
        ("render", "made no page of it; ssg leaves"),
        ("list", "listed it nowhere; ssg lists every article it publishes, so it leaves"),
    ):
        if options.get(name) in ("never", False):
            return f"{{{name}: {_written(options[name])}}}: Hugo {what} it out, as a draft (remove {key}: to publish it)"
    return None


def _written(value: Any) -> str:
    """A value as the front matter wrote it (YAML and TOML read dates as dates, and `false` as False)."""
    if isinstance(value, bool):
        return str(value).lower()
    return value.isoformat() if hasattr(value, "isoformat") else str(value).strip()


def _first(keys: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The key as written of the first of `names` the front matter has."""
    return next((keys[name] for name in names if name in keys), None)


def _plain(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


# What Hugo keeps of a name in a URL besides letters, digits and marks.
_KEPT = frozenset("./\\_#+~-@")
_HEX = frozenset("0123456789abcdefABCDEF")


def term_path(name: str) -> str:
    """The path Hugo gave a tag's page (`/tags/<this>/`), with its default settings: the name's letters, digits and
    marks kept as they are in lower case (`Союз МС-17` is `союз-мс-17`, Hugo's `urlize`), with `.`, `/`, `_`, `#`,
    `+`, `~`, `-`, `@` and a `%` before two hex digits; a run of white space between kept characters one `-` (none
    after a `-`); anything else left out (`«Союз» — «Прогресс»` is `союз-прогресс`); as a path, without empty or `.`
    folders. Measured against Hugo 0.111's output (tests/test_redirects.py). "" where nothing is kept, or a folder is
    `..` (Hugo made no page)."""
    kept: list[str] = []
    space = False
    for index, char in enumerate(name):
        if (
            char in _KEPT
            or unicodedata.category(char)[0] in "LM"
            or unicodedata.category(char) == "Nd"
            or (char == "%" and name[index + 1 : index + 2] in _HEX and name[index + 2 : index + 3] in _HEX)
        ):
            if space and char != "-":
                kept.append("-")
            space = False
            kept.append(char.lower()[0])  # (one character, as Hugo lowers each: İ is i)
        elif char.isspace() and kept and kept[-1] != "-":
            space = True
    # As a path: `/a//b/` is a/b, `p/./q` p/q; of `..` or `...` Hugo made no page.
    parts = [part for part in "".join(kept).split("/") if part not in ("", ".")]
    return "" if any(part.strip(".") == "" for part in parts) else "/".join(parts)
