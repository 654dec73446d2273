"""Babel date patterns: checking one that site.yaml or a strings file gives, and a language's own.

Apart from `theme`, so that `config` checks site.yaml's `date_format` when it reads it, before any theme is loaded,
by the rules the pages are then formatted with: a bad pattern was reported on the template line that formatted the
first date, as a Babel error (`templates/article.html:28: ValueError: Invalid length for field: 'MMMMMM'`).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

from babel import Locale
from babel import dates as babel_dates

BABEL_STYLES = ("short", "medium", "long", "full")
EXAMPLE = "d MMMM y, HH:mm"
_SAMPLE = datetime(2026, 12, 5, 15, 19, tzinfo=UTC)
PATTERN_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")
_LETTERS = re.compile("[A-Za-z]+")


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with a Babel date pattern or style, said so that it can be fixed; None when nothing is.

    Babel itself takes letters it has no field for as text, so `d MMMM y at HH:mm` printed "5 December 2026 PMt
    15:19": a word of such letters is refused here (text goes in quotes)."""
    if pattern in BABEL_STYLES:
        return None
    if not pattern.strip():
        return "is empty"
    if pattern.count("'") % 2:
        return "has a ' that opens text no ' closes (text goes between two, an apostrophe is written '')"
    for match in PATTERN_TOKEN.finditer(pattern):
        token, letter = match[0], match[1]
        if letter is None:
            continue
        if letter not in babel_dates.PATTERN_CHARS:
            word = next(w[0] for w in _LETTERS.finditer(pattern) if w.start() <= match.start() < w.end())
            return f"{word!r} is no date field (text goes in single quotes: '{word}')"
        lengths = babel_dates.PATTERN_CHARS[letter]
        if lengths is not None and len(token) not in lengths:
            return f"{token} has {len(token)} letters, and {letter} takes {_lengths(lengths)}"
    try:
        babel_dates.format_datetime(_SAMPLE, pattern, locale="en")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # (what the checks above let through)
        return f"Babel cannot use it ({exc})"
    return None


def bad_pattern(pattern: str, problem: str) -> str:
    """The message for a pattern `pattern_problem` refused, with what a right one looks like."""
    return f"{pattern!r} is not a Babel date pattern: {problem} (e.g. {EXAMPLE!r}, or a style: {', '.join(BABEL_STYLES)})"


def _lengths(lengths: list[int]) -> str:
    """[1, 2, 3, 4, 5] -> "1 to 5 letters"; [1, 4] -> "1 or 4 letters"."""
    if lengths == list(range(lengths[0], lengths[-1] + 1)) and len(lengths) > 2:
        return f"{lengths[0]} to {lengths[-1]} letters"
    return f"{', '.join(map(str, lengths[:-1]))} or {lengths[-1]} letters" if len(lengths) > 1 else f"{lengths[0]} letter"


# The date part of each pattern `locale_patterns` made, for a date written without a time (`theme.date_part`): the
# locale's date pattern keeps what a pattern's fields alone do not tell ("d MMMM y 'р'.": the "р." of a year).
_DATE_PARTS: dict[str, str] = {}


@functools.cache
def locale_patterns(lang: str) -> tuple[str, str]:
    """The long and the short date-and-time pattern of `lang`'s own locale (Babel's CLDR data): its long and its medium
    date with its short time, joined as the locale joins them. For a language the theme has no `datetime_long` and
    `datetime_short` for: the English ones gave "грудня 5, 2026, 3:19 дп" ("5 грудня 2026 р., 03:19" here)."""
    locale = Locale.parse(lang.replace("-", "_"))
    glue, time = locale.datetime_formats["medium"], locale.time_formats["short"].pattern
    made = []
    for style in ("long", "medium"):
        date = locale.date_formats[style].pattern
        pattern = glue.replace("{1}", date).replace("{0}", time)
        _DATE_PARTS[pattern] = date
        made.append(pattern)
    return made[0], made[1]


def locale_date_part(pattern: str) -> str | None:
    """The date pattern of a pattern `locale_patterns` made, or None for any other."""
    return _DATE_PARTS.get(pattern)
