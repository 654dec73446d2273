"""Hugo's front-matter keys that keep a page off the site, read as Hugo reads them.

A Hugo archive keeps pages back with more than `draft: true`: a `publishDate` later than the `date` (scheduled), an
`expiryDate` that has passed (taken down), `headless: true` (a bundle that is no page) and `build: {render: never}`
or `{list: never}` (Hugo's build options, `_build` before 0.65). ssg kept them for templates and published every such
page, without a word: a moved archive put back online what its keeper had taken down. Each now leaves the article out,
as a draft is, with a warning on its line that says what ssg does instead and what to write; ssg has no scheduled
take-down or unlisted page, so a date to come is told too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

# Hugo's names for each date, lower case, as Hugo reads its keys (in any case; `_` and `-` left out as ssg compares).
PUBLISH_KEYS = ("publishdate", "pubdate", "published")
EXPIRY_KEYS = ("expirydate", "unpublishdate")
BUILD_KEYS = ("build",)  # (`_build` too: `_` left out)


class Held(NamedTuple):
    """What one key says of the article: left out or not, and the warning for its line."""

    key: str
    left_out: bool
    message: str


def held(data: dict, now: datetime, parse: Callable[[Any], datetime | None]) -> list[Held]:
    """What Hugo's keys in `data` say of the article at `now`; `parse` reads a date as `date:` is read (None: not a
    date, which is left to the checks that read it as a date already)."""
    found = []
    keys = {_plain(key): key for key in data if isinstance(key, str)}
    if (published := _first(keys, PUBLISH_KEYS)) and "date" in data:
        found += _scheduled(published, data[published], parse, parse(data["date"]), now)
    if expiry := _first(keys, EXPIRY_KEYS):
        found += _expired(expiry, data[expiry], parse, now)
    if data.get(keys.get("headless")) is True:
        found.append(
            Held(
                keys["headless"],
                True,
                "true: Hugo made no page of it (a headless bundle); ssg leaves it out too, as a draft (remove headless: to publish it)",
            )
        )
    for key in filter(None, (keys.get(name) for name in BUILD_KEYS)):
        found += _build_options(key, data[key])
    return found


def _scheduled(key: str, value: Any, parse: Callable, dated: datetime | None, now: datetime) -> list[Held]:
    """`publishDate` after `date:`: Hugo published the page on it, and ssg publishes an article on its `date:` alone."""
    publish = parse(value)
    if publish is None or dated is None or publish <= dated or publish <= now:
        return []
    message = (
        f"{_written(value)} is after this build: Hugo held the article back until then, and ssg leaves it out too "
        f"(ssg publishes an article on its date: write date: {_written(value)} for the build after then to publish it)"
    )
    return [Held(key, True, message)]


def _expired(key: str, value: Any, parse: Callable, now: datetime) -> list[Held]:
    """`expiryDate`: Hugo took the page down on it; ssg has no date that takes an article down."""
    expiry = parse(value)
    if expiry is None:
        return [
            Held(
                key, False, "is not a date Hugo's expiryDate takes; ssg takes no article down on a date (set draft: true when it should go)"
            )
        ]
    if expiry <= now:
        message = f"{_written(value)} has passed: Hugo took the article down then, and ssg leaves it out too, as a draft (remove {key}: to publish it)"
        return [Held(key, True, message)]
    message = (
        f"{_written(value)} is to come: Hugo takes the article down then, ssg does not (no build takes an article "
        "down on a date): it stays published until you set draft: true"
    )
    return [Held(key, False, message)]


def _build_options(key: str, value: Any) -> list[Held]:
    """Hugo's `build: {render: never, list: never}` (`false` before Hugo 0.65): no page, or a page in no list. ssg
    lists every article it publishes (as Pelican's `hidden`, an unlisted one is left out)."""
    if not isinstance(value, dict):
        return []
    options = {_plain(name): option for name, option in value.items() if isinstance(name, str)}
    for name, what in (
        ("render", "made no page of it; ssg leaves"),
        ("list", "listed it nowhere; ssg lists every article it publishes, so it leaves"),
    ):
        if options.get(name) in ("never", False):
            message = f"{{{name}: {_written(options[name])}}}: Hugo {what} it out, as a draft (remove {key}: to publish it)"
            return [Held(key, True, message)]
    return []


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
